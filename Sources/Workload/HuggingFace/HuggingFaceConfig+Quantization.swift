/// `quantization_config`: how the checkpoint stores its weights (`CheckpointPrecision`), read for
/// every model type. It never changes a count — transformers builds the same parameters — only
/// the bytes `memory`, `cost` and `plan` price the weights at.
///
/// - `mxfp4` (gpt-oss): the routed experts' weight matrices, unless `modules_to_not_convert`
///   keeps the experts out;
/// - `fp8` (DeepSeek-V3 / R1, Kimi K2, Qwen3 FP8): every linear layer's weight matrix but the LM
///   head and the router, one byte per value (`fmt` e4m3 or e5m2) and one fp32 scale per
///   `weight_block_size` block (absent: one per matrix);
/// - any other method is named in a warning, and the weights are priced at the dtype asked for.
extension HuggingFaceConfig {
    func checkpointPrecision(of spec: ModelSpec, warnings: inout [String]) throws(SpecError) -> CheckpointPrecision? {
        guard let q = try object("quantization_config") else { return nil }
        let method = try q.string("quant_method") ?? ""
        let kept = try q.keptModules()
        switch method {
        case "mxfp4":
            guard spec.decoder?.moe != nil else {
                warnings.append("'quantization_config.quant_method' = \"mxfp4\" quantises routed experts, and this model has none: memory prices the weights at the weight dtype asked for (bf16 by default)")
                return nil
            }
            return kept.contains { $0.contains("experts") } ? nil : CheckpointPrecision(experts: .mxfp4)
        case "fp8":
            if let fmt = try q.string("fmt"), fmt != "e4m3", fmt != "e5m2" {
                throw q.error("fmt", "\"\(fmt)\" is not an FP8 format (e4m3, e5m2)")
            }
            if let scale = try q.string("scale_fmt"), scale != "float" {
                warnings.append("'quantization_config.scale_fmt' = \"\(scale)\": the block scales are counted as fp32, as DeepSeek's checkpoints store them (powers of two held in float32)")
            }
            let covered = ["lm_head", "embed", "norm", "gate", "router"]
            for module in kept where !covered.contains(where: { module.contains($0) }) {
                warnings.append("'quantization_config.modules_to_not_convert' entry \"\(module)\" is not modelled: llmcost stores every linear layer but the LM head and the router in fp8, so those weights are undercounted by about half")
            }
            return CheckpointPrecision(linear: .fp8, blockSize: try q.weightBlockSize())
        default:
            warnings.append("'quantization_config.quant_method' = \"\(method)\" is not a storage llmcost models (mxfp4, fp8): memory prices the weights at the weight dtype asked for (bf16 by default)")
            return nil
        }
    }

    /// `modules_to_not_convert`: the module names or patterns the checkpoint leaves unquantised.
    private func keptModules() throws(SpecError) -> [String] {
        switch value("modules_to_not_convert") {
        case nil: return []
        case .array(let items)?:
            var names: [String] = []
            for item in items {
                guard case .string(let s) = item else { throw error("modules_to_not_convert", "expected a list of module names, got \(item.described) in it") }
                names.append(s)
            }
            return names
        case let other?: throw error("modules_to_not_convert", "expected a list of module names, got \(other.described)")
        }
    }

    /// `weight_block_size`: `[outputs, inputs]` of a scale block, two sizes 1 … 2^31; absent or
    /// null: one scale per matrix.
    private func weightBlockSize() throws(SpecError) -> [Int]? {
        switch value("weight_block_size") {
        case nil: return nil
        case .array(let items)?:
            guard items.count == 2 else { throw error("weight_block_size", "expected two sizes [outputs, inputs], got \(items.count) values") }
            var sizes: [Int] = []
            for item in items {
                let n: Int?
                switch item {
                case .int(let i): n = i
                case .double(let d): n = Int(exactly: d)
                default: n = nil
                }
                guard let n, n >= 1, n <= SpecLimits.maximumSize else {
                    throw error("weight_block_size", "each block size must be a positive whole number, got \(item.described)")
                }
                sizes.append(n)
            }
            return sizes
        case let other?: throw error("weight_block_size", "expected two sizes [outputs, inputs], got \(other.described)")
        }
    }
}
