/// Gemma: the Llama skeleton with an explicit `head_dim` (absent → `GemmaConfig`'s 256, so
/// heads × head_dim need not be the width), 16 key/value heads when the config gives none, a
/// tied head, and a gated GELU priced in its tanh form: `hidden_activation` when set, else
/// `gelu_pytorch_tanh` (the activation changes no parameter and no matmul FLOP).
extension HuggingFaceConfig {
    func gemmaSpec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let attentionBias = try bool("attention_bias", default: false)
        return try decoderOnlySpec(
            qkvBias: attentionBias, outputBias: attentionBias, mlpBias: false,
            activation: try activation("hidden_activation", default: "gelu_pytorch_tanh", warnings: &warnings),
            tiedDefault: true, slidingWindow: nil, warnings: &warnings)
    }
}
