/// Qwen3 (`Qwen3ForCausalLM`): Llama's skeleton with an explicit `head_dim` (default 128),
/// `attention_bias` (default false) on q, k, v and o, RMSNorms over each head's q and k
/// (`q_norm`, `k_norm`), and Qwen2's sliding-window layers.
extension HuggingFaceConfig {
    func qwen3Spec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let bias = try bool("attention_bias", default: false)
        let window = try qwenSlidingWindow()
        var spec = try decoderOnlySpec(
            qkvBias: bias, outputBias: bias, mlpBias: false,
            activation: try activation("hidden_act", default: "silu", warnings: &warnings),
            tiedDefault: false, slidingWindow: window.size, qkNorm: .perHead, warnings: &warnings)
        spec.decoder?.slidingWindowLayers = window.layers
        return spec
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
            tiedDefault: false, slidingWindow: nil, qkNorm: .projection, warnings: &warnings)
    }
}
