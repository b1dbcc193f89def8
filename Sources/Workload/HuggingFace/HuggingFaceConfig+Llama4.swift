/// Llama 4 text (`Llama4ForCausalLM`, transformers 5.23), and `llama4` configs whose `text_config`
/// holds it (`Llama4ForConditionalGeneration`: only the text stack is read; the vision tower and
/// projector are not counted, and a warning says so).
///
/// Per layer (`layerPattern`): `no_rope_layers[i]` 1 → RoPE with chunked local attention of
/// `attention_chunk_size` (and the weightless L2 `qk_norm` when `use_qk_norm`), 0 → global NoPE
/// attention (query temperature when `attn_temperature_tuning`); `layer_types`, when written,
/// overrides which layers are chunked, as in transformers. `moe_layers` (else every
/// `interleave_moe_layer_step`-th layer from `step − 1`) hold `num_local_experts` experts of
/// `intermediate_size`, one always-on shared expert of the same width and a bias-free `d × experts`
/// router (top-k, sigmoid); the other layers a dense SwiGLU MLP of `intermediate_size_mlp`.
extension HuggingFaceConfig {
    func llama4Spec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        guard let text = try object("text_config") else {
            throw error("text_config", "missing: a llama4 config holds its text stack in text_config")
        }
        warnings.append("llama4: only the text stack (text_config) is counted; the vision tower and the multi-modal projector (vision_config) are not")
        let config = text.withDefaults(ClassDefaults.forModelType("llama4_text"))
        let spec = try config.llama4TextSpec(warnings: &warnings)
        if !config.defaultsRead.entries.isEmpty {
            let list = config.defaultsRead.entries.map { "\($0.key) = \($0.value.jsonText)" }.joined(separator: ", ")
            warnings.append("fields absent from text_config take Llama4TextConfig's defaults (transformers 5.23.0): \(list)")
        }
        return spec
    }

    func llama4TextSpec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let bias = try bool("attention_bias", default: false)
        let layers = try requiredSize("num_hidden_layers")
        let qkNorm: AttentionSpec.QKNorm? = try bool("use_qk_norm", default: true) ? .l2 : nil
        var spec = try decoderOnlySpec(
            qkvBias: bias, outputBias: bias, mlpBias: false, activation: try activation("hidden_act", default: "silu", warnings: &warnings),
            tiedDefault: false, slidingWindow: nil, qkNorm: qkNorm, warnings: &warnings)
        guard var stack = spec.decoder else { return spec }
        stack.ffn.intermediateSize = try requiredSize("intermediate_size_mlp")
        var rotary: [Bool]
        if let written = try flags("no_rope_layers", layers: layers) {
            rotary = written
        } else {
            let interval = try requiredSize("no_rope_layer_interval")
            rotary = (0..<layers).map { ($0 + 1) % interval != 0 }
        }
        let chunked = try chunkedLayers(rotary: rotary, layers: layers)
        let experts = try expertLayers(layers: layers)
        let chunk = try size("attention_chunk_size")
        stack.attentionChunkSize = chunk
        stack.attention.queryTemperature = try bool("attn_temperature_tuning", default: true)
        stack.layerPattern = Self.shortestPeriod((0..<layers).map { i in
            LayerKind(attention: chunked[i] && chunk != nil ? .chunked : .full, rotary: rotary[i], experts: experts[i])
        })
        let sparse = experts.filter { $0 }.count
        if sparse > 0 {
            let count = try requiredSize("num_local_experts")
            let width = try requiredSize("intermediate_size")
            stack.moe = MoESpec(experts: count, topK: try activeExperts(of: count, named: "num_local_experts"),
                                expertIntermediateSize: width, sharedExpertIntermediateSize: width,
                                denseLayers: layers - sparse, routing: ExpertRouting(scoring: .sigmoid))
        }
        spec.decoder = stack
        return spec
    }

    /// `no_rope_layers` as booleans (1 = the layer rotates); nil when absent or empty (transformers
    /// then puts a NoPE layer every `no_rope_layer_interval`).
    private func flags(_ key: String, layers: Int) throws(SpecError) -> [Bool]? {
        guard case .array(let items)? = value(key), !items.isEmpty else { return nil }
        guard items.count >= layers else { throw error(key, "\(items.count) entries for \(layers) layers") }
        var out: [Bool] = []
        for item in items.prefix(layers) {
            switch item {
            case .int(0): out.append(false)
            case .int(1): out.append(true)
            default: throw error(key, "entries must be 0 (NoPE) or 1 (RoPE), got \(item.jsonText)")
            }
        }
        return out
    }

    /// Which layers are chunked: `layer_types` when written, else the RoPE layers.
    private func chunkedLayers(rotary: [Bool], layers: Int) throws(SpecError) -> [Bool] {
        guard case .array(let types)? = value("layer_types"), !types.isEmpty else { return rotary }
        guard types.count >= layers else { throw error("layer_types", "\(types.count) entries for \(layers) layers") }
        var out: [Bool] = []
        for t in types.prefix(layers) {
            switch t {
            case .string("chunked_attention"): out.append(true)
            case .string("full_attention"): out.append(false)
            default: throw error("layer_types", "Llama 4 layers are \"chunked_attention\" or \"full_attention\", got \(t.jsonText)")
            }
        }
        return out
    }

    /// Which layers hold experts: `moe_layers` when written, else every
    /// `interleave_moe_layer_step`-th from index `step − 1`.
    private func expertLayers(layers: Int) throws(SpecError) -> [Bool] {
        var out = [Bool](repeating: false, count: layers)
        if case .array(let items)? = value("moe_layers") {
            for item in items {
                guard case .int(let i) = item, i >= 0 else { throw error("moe_layers", "entries must be layer indices, got \(item.jsonText)") }
                if i < layers { out[i] = true }
            }
            return out
        }
        let step = try requiredSize("interleave_moe_layer_step")
        for i in stride(from: step - 1, to: layers, by: step) { out[i] = true }
        return out
    }

    /// The shortest prefix that, repeated, gives `kinds` (the whole list when none does).
    static func shortestPeriod(_ kinds: [LayerKind]) -> [LayerKind] {
        for p in 1...max(1, kinds.count) where kinds.count % p == 0 {
            if kinds.indices.allSatisfy({ kinds[$0] == kinds[$0 % p] }) { return Array(kinds.prefix(p)) }
        }
        return kinds
    }
}
