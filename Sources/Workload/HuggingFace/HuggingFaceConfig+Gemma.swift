/// Gemma: the Llama skeleton with an explicit `head_dim` (256, so heads × head_dim need not be
/// the width), a tied head, and a gated GELU that `transformers` always runs in its tanh form:
/// `hidden_activation` when set, else `gelu_pytorch_tanh` — the checkpoints' `hidden_act: "gelu"`
/// is overridden by the model code.
extension HuggingFaceConfig {
    func gemmaSpec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let attentionBias = try bool("attention_bias", default: false)
        return try decoderOnlySpec(
            qkvBias: attentionBias, outputBias: attentionBias, mlpBias: false,
            activation: try activation("hidden_activation", default: "gelu_pytorch_tanh", warnings: &warnings),
            tiedDefault: true, slidingWindow: nil)
    }
}
