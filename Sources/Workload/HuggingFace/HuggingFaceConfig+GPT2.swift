/// GPT-2 (`GPT2LMHeadModel`): learned positions, LayerNorm with shift, biases on every linear
/// map (`c_attn`, `c_proj`, `c_fc`), a plain GELU FFN of `n_inner` (`null` → 4·`n_embd`), and an
/// LM head tied to the token table.
extension HuggingFaceConfig {
    func gpt2Spec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let d = try requiredSize("n_embd", "hidden_size")
        let hiddenKey = has("n_embd") ? "n_embd" : "hidden_size"
        let (heads, _, headDim) = try attentionGeometry(
            hidden: d, heads: ["n_head", "num_attention_heads"], hiddenKey: hiddenKey)
        let positions = try requiredSize("n_positions", "max_position_embeddings")
        let inner = try size("n_inner") ?? 4 * d
        if try bool("add_cross_attention", default: false) {
            warnings.append("'add_cross_attention' is true: the cross-attention blocks of an encoder–decoder GPT-2 are not counted")
        }
        let stack = StackSpec(
            layers: try requiredSize("n_layer", "num_hidden_layers"),
            attention: AttentionSpec(heads: heads, headDim: headDim, qkvBias: true, outputBias: true),
            ffn: FFNSpec(intermediateSize: inner,
                         activation: try activation("activation_function", default: "gelu_new", warnings: &warnings),
                         bias: true),
            norm: NormSpec(kind: .layerNorm), positions: .learned(positions))
        return ModelSpec(
            name: "", vocabularySize: try requiredSize("vocab_size"), hiddenSize: d, contextWindow: positions,
            decoder: stack, lmHead: LMHeadSpec(tied: try tiedHead(default: true)))
    }
}
