/// Phi-MoE (Phi-3.5-MoE; `PhimoeForCausalLM`): Mixtral's expert layer (`num_local_experts` gated
/// experts of `intermediate_size`, `num_experts_per_tok` active, a bias-free router) with
/// LayerNorms that have a shift, `attention_bias` on q, k, v and o, an LM head with a bias when
/// `lm_head_bias`, and a `sliding_window` over every layer when given. Its sparse-mixer routing
/// is element-wise work on the router logits.
extension HuggingFaceConfig {
    func phimoeSpec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let experts = try requiredSize("num_local_experts")
        let topK = try activeExperts(of: experts, named: "num_local_experts")
        let bias = try bool("attention_bias", default: false)
        var spec = try decoderOnlySpec(
            qkvBias: bias, outputBias: bias, mlpBias: false,
            activation: try activation("hidden_act", default: "silu", warnings: &warnings),
            tiedDefault: false, slidingWindow: try size("sliding_window"),
            moe: MoESpec(experts: experts, topK: topK), warnings: &warnings)
        spec.decoder?.norm = NormSpec(kind: .layerNorm)
        spec.lmHead?.bias = try bool("lm_head_bias", default: false)
        return spec
    }
}
