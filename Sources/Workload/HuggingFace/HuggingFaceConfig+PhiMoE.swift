/// Phi-MoE (Phi-3.5-MoE; `PhimoeForCausalLM`): Mixtral's expert layer (`num_local_experts` gated
/// experts of `intermediate_size`, `num_experts_per_tok` active, a bias-free router) with
/// LayerNorms that have a shift, `attention_bias` on q, k, v and o, an LM head with a bias when
/// `lm_head_bias`, and a `sliding_window` over every layer when given. Its sparse-mixer routing
/// is element-wise work on the router logits, and it always picks two experts: `sparsemixer`
/// takes the best, masks it and takes the next (transformers 5.23), whatever
/// `num_experts_per_tok` says, so another value is reported and not followed.
extension HuggingFaceConfig {
    func phimoeSpec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let experts = try requiredSize("num_local_experts")
        let topK = 2
        if let asked = try size("num_experts_per_tok"), asked != topK {
            warnings.append("'num_experts_per_tok' = \(asked) ignored: Phi-MoE's sparsemixer routes every token to exactly 2 experts (transformers 5.23)")
        }
        guard experts >= topK else {
            throw error("num_local_experts", "\(experts) expert; Phi-MoE's sparsemixer routes every token to 2")
        }
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
