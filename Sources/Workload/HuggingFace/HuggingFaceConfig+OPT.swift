/// OPT (`OPTForCausalLM`): a learned position table of `max_position_embeddings + 2` rows
/// (OPT's offset of 2 for padding), embeddings of `word_embed_proj_dim` projected in and out when
/// that differs from the width (opt-350m), `enable_bias` on attention and FFN, a ReLU FFN of
/// `ffn_dim`, and a final LayerNorm only when `do_layer_norm_before` and not
/// `_remove_final_layer_norm`. The head is tied.
extension HuggingFaceConfig {
    func optSpec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let d = try requiredSize("hidden_size")
        let (heads, _, headDim) = try attentionGeometry(
            hidden: d, heads: ["num_attention_heads"], hiddenKey: "hidden_size")
        let maxPositions = try requiredSize("max_position_embeddings")
        guard maxPositions <= SpecLimits.maximumSize - 2 else {
            throw error("max_position_embeddings", "\(maxPositions) + 2 \(SpecLimits.sizeLimitReason)")
        }
        let projection = try size("word_embed_proj_dim") ?? d
        let bias = try bool("enable_bias", default: true)
        let preNorm = try bool("do_layer_norm_before", default: true)
        let finalNormRemoved = try bool("_remove_final_layer_norm", default: false)
        let finalNorm = preNorm && !finalNormRemoved
        let affine = try bool("layer_norm_elementwise_affine", default: true)
        let stack = StackSpec(
            layers: try requiredSize("num_hidden_layers"),
            attention: AttentionSpec(heads: heads, headDim: headDim, qkvBias: bias, outputBias: bias),
            ffn: FFNSpec(intermediateSize: try requiredSize("ffn_dim"),
                         activation: try activation("activation_function", default: "relu", warnings: &warnings), bias: bias),
            norm: NormSpec(kind: .layerNorm, affine: affine), finalNorm: finalNorm,
            positions: .learned(maxPositions + 2))
        return ModelSpec(
            name: "", vocabularySize: try requiredSize("vocab_size"), hiddenSize: d, contextWindow: maxPositions,
            embeddingProjectionSize: projection == d ? nil : projection, decoder: stack,
            lmHead: LMHeadSpec(tied: try tiedHead(default: true)))
    }
}
