/// OLMoE (`OlmoeForCausalLM`): OLMo 2's RMSNorms over the whole q and k projections, but placed
/// before attention and FFN as in Llama, and every FFN replaced by `num_experts` (alias
/// `num_local_experts`) gated experts of `intermediate_size`, `num_experts_per_tok` active,
/// behind a bias-free router. `attention_bias` on q, k, v and o; untied head by default.
extension HuggingFaceConfig {
    func olmoeSpec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let experts = try requiredSize("num_experts", "num_local_experts")
        let topK = try activeExperts(of: experts, named: "num_experts")
        let bias = try bool("attention_bias", default: false)
        let spec = try decoderOnlySpec(
            qkvBias: bias, outputBias: bias, mlpBias: false,
            activation: try activation("hidden_act", default: "silu", warnings: &warnings),
            tiedDefault: false, slidingWindow: nil, moe: MoESpec(experts: experts, topK: topK),
            qkNorm: .projection, warnings: &warnings)
        // `q_norm` is sized by hidden_size and `k_norm` by (hidden / heads) · kv heads, which are
        // the projections' widths only when head_dim is hidden / heads.
        if let a = spec.decoder?.attention, a.heads * a.headDim != spec.hiddenSize {
            throw error("head_dim", "\(a.headDim) × \(a.heads) heads is not hidden_size \(spec.hiddenSize): OLMoE's q/k norms would not match its projections")
        }
        return spec
    }
}
