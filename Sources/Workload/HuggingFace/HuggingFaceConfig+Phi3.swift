/// Phi-3 / Phi-3.5 / Phi-4-mini (`Phi3ForCausalLM`): the Llama skeleton with q, k, v fused into
/// one `qkv_proj` and gate and up into one `gate_up_proj` (the same parameters as separate
/// maps), no bias anywhere, an untied head unless `tie_word_embeddings` (Phi-4-mini ties).
/// Unlike Llama it does read a partial rotary fraction (`int(head_dim × factor)` dimensions,
/// Phi-4-mini 0.75); `sliding_window` is `null` unless given (Phi-3-mini-4k: 2047).
extension HuggingFaceConfig {
    func phi3Spec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        try decoderOnlySpec(
            qkvBias: false, outputBias: false, mlpBias: false,
            activation: try activation("hidden_act", default: "silu", warnings: &warnings),
            tiedDefault: false, slidingWindow: try size("sliding_window"), partialRotary: true, warnings: &warnings)
    }
}
