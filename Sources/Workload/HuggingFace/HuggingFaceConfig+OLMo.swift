/// OLMo (`OlmoForCausalLM`, the first OLMo): the Llama skeleton whose LayerNorms have no learned
/// scale or shift (`OlmoLayerNorm`), `attention_bias` on q, k, v and o, an untied head unless
/// `tie_word_embeddings`. `clip_qkv` clamps activations and changes no count.
extension HuggingFaceConfig {
    func olmoSpec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let bias = try bool("attention_bias", default: false)
        var spec = try decoderOnlySpec(
            qkvBias: bias, outputBias: bias, mlpBias: false,
            activation: try activation("hidden_act", default: "silu", warnings: &warnings),
            tiedDefault: false, slidingWindow: nil, warnings: &warnings)
        spec.decoder?.norm = NormSpec(kind: .layerNorm, bias: false, affine: false)
        return spec
    }
}
