/// Qwen3 (`Qwen3ForCausalLM`): Llama's skeleton with an explicit `head_dim`, `attention_bias`
/// (default false) on q, k, v and o, and RMSNorms over each head's q and k (`q_norm`, `k_norm`).
extension HuggingFaceConfig {
    func qwen3Spec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let bias = try bool("attention_bias", default: false)
        if try bool("use_sliding_window", default: false), try size("sliding_window") != nil {
            warnings.append("'use_sliding_window' is true: the window is applied to every layer (Qwen3 applies it above 'max_window_layers' only)")
        }
        let window = try bool("use_sliding_window", default: false) ? try size("sliding_window") : nil
        return try decoderOnlySpec(
            qkvBias: bias, outputBias: bias, mlpBias: false,
            activation: try activation("hidden_act", default: "silu", warnings: &warnings),
            tiedDefault: false, slidingWindow: window, qkNorm: .perHead)
    }
}

/// OLMo 2 (`Olmo2ForCausalLM`): Llama's skeleton with norms after attention and FFN instead of
/// before (the same two per layer) and RMSNorms over the whole q and k projections.
extension HuggingFaceConfig {
    func olmo2Spec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let bias = try bool("attention_bias", default: false)
        return try decoderOnlySpec(
            qkvBias: bias, outputBias: bias, mlpBias: false,
            activation: try activation("hidden_act", default: "silu", warnings: &warnings),
            tiedDefault: false, slidingWindow: nil, qkNorm: .projection)
    }
}
