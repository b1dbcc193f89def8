/// Qwen3-Next (`qwen3_next`, `Qwen3NextForCausalLM`, transformers 5.23): a hybrid of Gated
/// DeltaNet linear attention and gated softmax attention. `layer_types` names each layer
/// `linear_attention` or `full_attention`; without it, every `full_attention_interval`-th layer
/// (default 4) is full attention. Full attention: Qwen3's grouped-query attention with per-head
/// q/k RMSNorms, `attention_bias` on q, k, v and o, rotary over `partial_rotary_factor` (default
/// 0.25) of `head_dim`, and `q_proj` twice as wide for the sigmoid output gate. Linear attention:
/// `linear_num_key_heads` / `linear_num_value_heads` heads of `linear_key_head_dim` /
/// `linear_value_head_dim`, a conv of `linear_conv_kernel_dim`. Every layer then has Qwen-MoE's
/// experts with a gated shared expert (`mlp_only_layers`, `decoder_sparse_step`; none when
/// `num_experts` is 0) or a dense SwiGLU of `intermediate_size`, and two RMSNorms.
extension HuggingFaceConfig {
    func qwen3NextSpec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let bias = try bool("attention_bias", default: false)
        var spec = try decoderOnlySpec(
            qkvBias: bias, outputBias: bias, mlpBias: false,
            activation: try activation("hidden_act", default: "silu", warnings: &warnings),
            tiedDefault: false, slidingWindow: nil, qkNorm: .perHead, partialRotary: true, warnings: &warnings)
        guard var stack = spec.decoder else { return spec }
        let layers = stack.layers
        stack.attention.outputGate = true
        stack.moe = try qwenExperts(layers: layers, shared: try requiredSize("shared_expert_intermediate_size"))
        let attention = try qwen3NextAttentionLayers(layers: layers)
        stack.hybrid = HybridLayout(attentionLayers: attention.count,
                                    attentionLayersWithExperts: stack.moe == nil ? 0 : try qwen3NextSparse(attention.listed, layers: layers))
        stack.linearAttention = LinearAttentionSpec(
            keyHeads: try requiredSize("linear_num_key_heads"), valueHeads: try requiredSize("linear_num_value_heads"),
            keyHeadDim: try requiredSize("linear_key_head_dim"), valueHeadDim: try requiredSize("linear_value_head_dim"),
            convKernel: try requiredSize("linear_conv_kernel_dim"))
        if let l = stack.linearAttention, l.valueHeads % l.keyHeads != 0 {
            throw error("linear_num_value_heads", "\(l.valueHeads) value heads must be a multiple of the \(l.keyHeads) key heads (transformers repeats each key head over its value heads)")
        }
        spec.decoder = stack
        return spec
    }

    /// The full-attention layers: counted in `layer_types` when listed (their indices then
    /// returned), else every `full_attention_interval`-th (nil indices: they follow the interval).
    private func qwen3NextAttentionLayers(layers: Int) throws(SpecError) -> (count: Int, listed: [Int]?) {
        switch value("layer_types") {
        case nil, .null?:
            let interval = try requiredSize("full_attention_interval")
            return (layers / interval, nil)
        case .array(let types)?:
            guard types.count == layers else {
                throw error("layer_types", "lists \(types.count) layers, but num_hidden_layers is \(layers)")
            }
            let kinds: [JSONValue] = [.string("linear_attention"), .string("full_attention")]
            if let other = types.first(where: { !kinds.contains($0) }) {
                throw error("layer_types", "expected 'linear_attention' or 'full_attention' entries, got \(other.described)")
            }
            let listed = types.indices.filter { types[$0] == .string("full_attention") }
            return (listed.count, listed)
        case let other?:
            throw error("layer_types", "expected a list of layer kinds, got \(other.described)")
        }
    }

    /// How many full-attention layers hold experts: on the sparse step and not in
    /// `mlp_only_layers`. Without a listed `layer_types` the attention layers are `k·I − 1`
    /// (interval `I`), on the step when `k·I` is a multiple of it — counted, not looped.
    private func qwen3NextSparse(_ listed: [Int]?, layers: Int) throws(SpecError) -> Int {
        let step = try qwenSparseStep(), denseOnly = try qwenDenseOnlyLayers()
        let isAttention: (Int) -> Bool
        let onStep: Int
        if let listed {
            isAttention = Set(listed).contains
            onStep = listed.filter { ($0 + 1) % step == 0 }.count
        } else {
            let interval = try requiredSize("full_attention_interval")
            isAttention = { ($0 + 1) % interval == 0 }
            onStep = (layers / interval) / (step / Self.greatestCommonDivisor(interval, step))
        }
        return onStep - denseOnly.filter { $0 >= 0 && $0 < layers && ($0 + 1) % step == 0 && isAttention($0) }.count
    }

    private static func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int { b == 0 ? a : greatestCommonDivisor(b, a % b) }
}
