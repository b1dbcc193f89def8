/// Llama (`LlamaForCausalLM`): RMSNorm, SwiGLU, rotary over the whole head, grouped-query
/// attention. `attention_bias` puts a bias on q, k, v AND o; `mlp_bias` on gate, up and down.
/// The head is untied unless `tie_word_embeddings` says so (Llama-3.2-1B does).
extension HuggingFaceConfig {
    func llamaSpec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let attentionBias = try bool("attention_bias", default: false)
        return try decoderOnlySpec(
            qkvBias: attentionBias, outputBias: attentionBias, mlpBias: try bool("mlp_bias", default: false),
            activation: try activation("hidden_act", default: "silu", warnings: &warnings),
            tiedDefault: false, slidingWindow: nil, warnings: &warnings)
    }

    /// The Llama skeleton shared by Llama, Mistral, Mixtral, Qwen2/3, OLMo 2 and Gemma:
    /// `hidden_size`, `num_hidden_layers`, `num_attention_heads`, `num_key_value_heads` (absent →
    /// the class default, `null` → MHA), `head_dim` (`null` → width / heads; absent → the class
    /// default, width / heads where it has none), `intermediate_size`, gated FFN, RMSNorm, final
    /// norm, bias-free LM head. Rotary covers the whole head: these model classes never read a
    /// `partial_rotary_factor`, so one in the config is reported and ignored — except where
    /// `partialRotary` says the class does (Phi-3, Qwen3-Next, GLM-4.5: rope object first, then top
    /// level); these classes rotate `cos.shape[-1]` dimensions, so an odd `int(head_dim × fraction)`
    /// rotates one more (`rotaryPositions`' `pairsRoundUp`).
    /// `unchecked`: the class floors `hidden_size // num_attention_heads` (GLM-4.5); see
    /// `attentionGeometry`.
    func decoderOnlySpec(
        qkvBias: Bool, outputBias: Bool, mlpBias: Bool, activation: Activation, tiedDefault: Bool,
        slidingWindow: Int?, moe: MoESpec? = nil, qkNorm: AttentionSpec.QKNorm? = nil, partialRotary: Bool = false,
        unchecked: Bool = false, warnings: inout [String]
    ) throws(SpecError) -> ModelSpec {
        let d = try requiredSize("hidden_size")
        let (heads, kvHeads, headDim) = try attentionGeometry(
            hidden: d, heads: ["num_attention_heads"], kvHeads: ["num_key_value_heads"], headDim: ["head_dim"],
            hiddenKey: "hidden_size", floorsHeadWidth: unchecked)
        let positions = partialRotary
            ? try rotaryPositions(headDim: headDim, fraction: try rotaryFraction(fallbackKey: "partial_rotary_factor"),
                                  pairsRoundUp: true)
            : PositionEncoding.rotary()
        let ignored = partialRotary ? [] : try ignoredRotaryFractionKeys()
        if !ignored.isEmpty {
            let family = modelType ?? "this family"
            warnings.append("\(ignored.map { "'\($0)'" }.joined(separator: ", ")) ignored: the \(family) model code rotates the whole head (\(headDim) dimensions) whatever the config says")
        }
        let stack = StackSpec(
            layers: try requiredSize("num_hidden_layers"),
            attention: AttentionSpec(heads: heads, kvHeads: kvHeads, headDim: headDim, qkvBias: qkvBias, outputBias: outputBias, qkNorm: qkNorm),
            ffn: FFNSpec(intermediateSize: try requiredSize("intermediate_size"), gated: true, activation: activation, bias: mlpBias),
            moe: moe, norm: NormSpec(kind: .rmsNorm), positions: positions,
            slidingWindow: slidingWindow)
        return ModelSpec(
            name: "", vocabularySize: try requiredSize("vocab_size"), hiddenSize: d,
            contextWindow: try size("max_position_embeddings"), decoder: stack,
            lmHead: LMHeadSpec(tied: try tiedHead(default: tiedDefault)))
    }
}
