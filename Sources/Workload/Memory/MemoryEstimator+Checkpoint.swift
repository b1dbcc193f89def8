extension MemoryEstimator {
    /// What the weights section is titled: one dtype, or the checkpoint's mix.
    var weightFormat: String {
        if let storedWeights { return "checkpoint files: " + storedWeights.bytesByDType.map(\.dtype).joined(separator: ", ") }
        return checkpoint.map { "checkpoint: \($0.summary)" } ?? weightType.rawValue
    }

    /// Weight bytes as the checkpoint stores them: each weight matrix its format covers in that
    /// format (values plus one scale per block, exact per matrix shape), everything else bf16.
    func checkpointComponents(_ parameters: ParameterReport, _ checkpoint: CheckpointPrecision) -> [MemoryComponent] {
        if let file = checkpoint.file { return Self.fileComponents(file, order: parameters.components.map(\.name)) }
        let stored = operations.storedWeights(checkpoint)
        return parameters.components.map { c in
            let s = stored[c.name] ?? StoredWeights()
            let rest = c.parameters - s.quantisedValues
            guard s.quantisedValues != .zero, let format = s.format else {
                return MemoryComponent(name: c.name, bytes: DataType.bf16.bytes(c.parameters), formula: "\(c.parameters) parameters × 16 bits")
            }
            let others = rest == .zero ? "" : " + \(rest) other parameters × 16 bits"
            return MemoryComponent(
                name: c.name, bytes: s.valueBytes + s.scaleBytes + DataType.bf16.bytes(rest),
                formula: "\(s.quantisedValues) matrix weights in \(format.rawValue) (\(s.valueBytes) B) + \(Self.scaleText(format, checkpoint)) (\(s.scaleBytes) B)\(others)")
        }
    }

    private static func scaleText(_ format: CheckpointPrecision.Format, _ checkpoint: CheckpointPrecision) -> String {
        switch format {
        case .mxfp4: "one 8-bit scale per 32 along each row (\(CheckpointPrecision.mxfp4BitsPerValue) bits per value)"
        case .fp8: checkpoint.blockSize.map { "one fp32 scale per \($0.map(String.init).joined(separator: "×")) block, ceil-divided per matrix" }
            ?? "one fp32 scale per matrix"
        }
    }
}

/// One parameter group's weight matrices as a checkpoint stores them.
struct StoredWeights {
    var format: CheckpointPrecision.Format?
    var quantisedValues = ExactCount.zero
    var valueBytes = ExactCount.zero
    var scaleBytes = ExactCount.zero
}

extension CheckpointPrecision {
    /// MXFP4's bits per value: 4-bit values and one 8-bit scale per 32.
    static let mxfp4BitsPerValue = Double(32 * 4 + 8) / 32

    /// One operation's quantised matrices (one layer's worth); nil where its group stays bf16.
    func stored(_ op: Operation) -> StoredWeights? {
        guard let group = op.weights?.group, let format = format(of: group) else { return nil }
        var s = StoredWeights(format: format)
        for m in op.storedMatrices {
            let b = bytes(of: m, in: format)
            s.quantisedValues += m.elements; s.valueBytes += b.values; s.scaleBytes += b.scales
        }
        return s
    }

    /// All bytes of one operation's weights: its quantised matrices and the rest bf16.
    func bytes(of op: Operation) -> ExactCount {
        guard let w = op.weights else { return .zero }
        let s = stored(op) ?? StoredWeights()
        return s.valueBytes + s.scaleBytes + DataType.bf16.bytes(w.count - s.quantisedValues)
    }
}

extension ModelOperations {
    /// The quantised weight matrices of each parameter group, keyed like the parameter report's
    /// components (`decoder.attention` in an encoder–decoder): a fold over every operation's
    /// `storedMatrices`, once per layer holding it, in the format `checkpoint` gives its group.
    func storedWeights(_ checkpoint: CheckpointPrecision) -> [String: StoredWeights] {
        var result: [String: StoredWeights] = [:]
        func add(_ op: Operation, layers: Int, prefix: String) {
            guard let group = op.weights?.group, let one = checkpoint.stored(op) else { return }
            var s = result[prefix + group.rawValue, default: StoredWeights(format: one.format)]
            s.quantisedValues += ExactCount(layers) * one.quantisedValues
            s.valueBytes += ExactCount(layers) * one.valueBytes
            s.scaleBytes += ExactCount(layers) * one.scaleBytes
            result[prefix + group.rawValue] = s
        }
        for op in head { add(op, layers: 1, prefix: "") }
        for stack in stacks {
            let p = prefix(stack.role)
            for g in stack.layers { for op in g.operations { add(op, layers: g.count, prefix: p) } }
            for op in stack.once { add(op, layers: 1, prefix: p) }
        }
        return result
    }
}

extension MemoryEstimator {
    /// Says that the weights are priced as the checkpoint stores them, and how.
    static func checkpointNote(_ c: CheckpointPrecision) -> String {
        if let file = c.file { return fileNote(file) }
        var parts: [String] = []
        if c.experts == .mxfp4 || (c.experts == nil && c.linear == .mxfp4) {
            parts.append("the routed experts' weight matrices in mxfp4 (4-bit values, one 8-bit scale per 32: \(CheckpointPrecision.mxfp4BitsPerValue) bits each)")
        }
        if c.linear == .fp8 || c.experts == .fp8 {
            let scales = c.blockSize.map { "one fp32 scale per \($0.map(String.init).joined(separator: "×")) block of each matrix, ceil-divided along each dimension" } ?? "one fp32 scale per matrix"
            let covered = c.linear == .fp8 ? "every linear layer's weight matrix (attention, MLP, shared and routed experts) except the LM head and the router" : "the routed experts' weight matrices"
            parts.append("\(covered) in fp8 (1 byte per value, \(scales))")
        }
        return "weights as the checkpoint stores them (its quantization_config): " + parts.joined(separator: "; ")
            + "; everything else (embedding, norms, biases\(c.linear == .fp8 ? ", router, LM head" : "")) bf16; \(InputParameter.weightType) prices them all at one dtype instead"
    }
}

extension MemoryEstimator {
    /// Bytes the checkpoint's files hold beyond the model transformers builds (DeepSeek-V3): each
    /// multi-token-prediction module — a copy of the last layer at the checkpoint's precision,
    /// `eh_proj` (2d → d) and three norms in bf16 (vLLM and SGLang load `eh_proj` into a plain
    /// `nn.Linear`), its own bf16 copies of the embedding and LM head — and the routers'
    /// `e_score_correction_bias`, fp32, one per expert in every sparse layer and module.
    func checkpointFileExtraBytes(_ c: CheckpointPrecision) -> ExactCount {
        guard c.file == nil else { return .zero }  // a GGUF file's tensors are all priced already
        var extra = ExactCount.zero, modules = 0
        func weights(_ g: LayerGroup) -> ExactCount { g.operations.reduce(ExactCount.zero) { $0 + ($1.weights?.count ?? .zero) } }
        if let n = spec.predictionModules, n > 0, let decoder = decoderOperations,
           let last = decoder.layers.max(by: { weights($0) < weights($1) }) {
            let d = spec.hiddenSize
            let layer = last.operations.reduce(ExactCount.zero) { $0 + c.bytes(of: $1) }
            let rest = ExactCount.product(2, d, d) + ExactCount.product(3, d) + ExactCount.product(2, spec.vocabularySize, d)
            extra += ExactCount(n) * (layer + DataType.bf16.bytes(rest))
            modules = n
        }
        if let s = spec.decoder, let moe = s.moe, moe.routing?.scoreCorrectionBias == true {
            extra += ExactCount.product(moe.sparseLayers(of: s.layers) + modules, moe.experts, 4)
        }
        return extra
    }
}
