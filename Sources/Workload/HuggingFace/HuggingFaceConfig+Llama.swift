/// Llama (`LlamaForCausalLM`): RMSNorm, SwiGLU, rotary over the whole head, grouped-query
/// attention. `attention_bias` puts a bias on q, k, v AND o; `mlp_bias` on gate, up and down.
/// The head is untied unless `tie_word_embeddings` says so (Llama-3.2-1B does).
extension HuggingFaceConfig {
    func llamaSpec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let attentionBias = try bool("attention_bias", default: false)
        return try decoderOnlySpec(
            qkvBias: attentionBias, outputBias: attentionBias, mlpBias: try bool("mlp_bias", default: false),
            activation: try activation("hidden_act", default: "silu", warnings: &warnings),
            tiedDefault: false, slidingWindow: nil)
    }

    /// The Llama skeleton shared by Llama, Mistral, Mixtral, Qwen2 and Gemma: `hidden_size`,
    /// `num_hidden_layers`, `num_attention_heads`, `num_key_value_heads` (absent → MHA),
    /// `head_dim` (absent or `null` → width / heads), `intermediate_size`, gated FFN, RMSNorm,
    /// final norm, bias-free LM head.
    func decoderOnlySpec(
        qkvBias: Bool, outputBias: Bool, mlpBias: Bool, activation: Activation, tiedDefault: Bool,
        slidingWindow: Int?, moe: MoESpec? = nil
    ) throws(SpecError) -> ModelSpec {
        let d = try requiredSize("hidden_size")
        let (heads, kvHeads, headDim) = try attentionGeometry(
            hidden: d, heads: ["num_attention_heads"], kvHeads: ["num_key_value_heads"], headDim: ["head_dim"],
            hiddenKey: "hidden_size")
        let stack = StackSpec(
            layers: try requiredSize("num_hidden_layers"),
            attention: AttentionSpec(heads: heads, kvHeads: kvHeads, headDim: headDim, qkvBias: qkvBias, outputBias: outputBias),
            ffn: FFNSpec(intermediateSize: try requiredSize("intermediate_size"), gated: true, activation: activation, bias: mlpBias),
            moe: moe, norm: NormSpec(kind: .rmsNorm), positions: try rotaryPositions(headDim: headDim),
            slidingWindow: slidingWindow)
        return ModelSpec(
            name: "", vocabularySize: try requiredSize("vocab_size"), hiddenSize: d,
            contextWindow: try size("max_position_embeddings"), decoder: stack,
            lmHead: LMHeadSpec(tied: try tiedHead(default: tiedDefault)))
    }
}
