/// StarCoder 2 (`Starcoder2ForCausalLM`): the Llama skeleton's attention (grouped-query, rotary
/// over the whole head) with GPT-2's other choices — LayerNorms with shift, a plain (ungated)
/// FFN `c_fc`/`c_proj` — and `use_bias` (true by default) on q, k, v, o, `c_fc` and `c_proj`.
/// The head is tied unless `tie_word_embeddings` is false; `sliding_window` is null unless given
/// (StarCoder2-3B/7B/15B: 4096).
extension HuggingFaceConfig {
    func starcoder2Spec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let bias = try bool("use_bias", default: true)
        let activation = try activation("hidden_act", default: "gelu_pytorch_tanh", warnings: &warnings)
        var spec = try decoderOnlySpec(
            qkvBias: bias, outputBias: bias, mlpBias: bias, activation: activation,
            tiedDefault: true, slidingWindow: try size("sliding_window"), warnings: &warnings)
        guard var stack = spec.decoder else { return spec }
        stack.ffn = FFNSpec(intermediateSize: stack.ffn.intermediateSize, gated: false, activation: activation, bias: bias)
        stack.norm = NormSpec(kind: .layerNorm)
        spec.decoder = stack
        return spec
    }
}
