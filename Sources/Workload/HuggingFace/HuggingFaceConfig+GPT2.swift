/// GPT-2 (`GPT2LMHeadModel`): learned positions, LayerNorm with shift, biases on every linear
/// map (`c_attn`, `c_proj`, `c_fc`), a plain GELU FFN of `n_inner` (`null` → 4·`n_embd`), and an
/// LM head tied to the token table. `add_cross_attention` adds, per layer, a cross-attention
/// (`q_attn`, `c_attn`, `c_proj`, with biases) and its LayerNorm `ln_cross_attn`.
extension HuggingFaceConfig {
    func gpt2Spec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let d = try requiredSize("n_embd", "hidden_size")
        let hiddenKey = has("n_embd") ? "n_embd" : "hidden_size"
        let (heads, _, headDim) = try attentionGeometry(
            hidden: d, heads: ["n_head", "num_attention_heads"], hiddenKey: hiddenKey)
        let positions = try requiredSize("n_positions", "max_position_embeddings")
        let inner = try size("n_inner") ?? 4 * d
        let attention = AttentionSpec(heads: heads, headDim: headDim, qkvBias: true, outputBias: true)
        let cross = try bool("add_cross_attention", default: false)
        if cross {
            warnings.append(Self.crossAttentionNote(family: "GPT-2"))
        }
        let stack = StackSpec(
            layers: try requiredSize("n_layer", "num_hidden_layers"),
            attention: attention, crossAttention: cross ? attention : nil,
            ffn: FFNSpec(intermediateSize: inner,
                         activation: try activation("activation_function", default: "gelu_new", warnings: &warnings),
                         bias: true),
            norm: NormSpec(kind: .layerNorm), positions: .learned(positions))
        return ModelSpec(
            name: "", vocabularySize: try requiredSize("vocab_size"), hiddenSize: d, contextWindow: positions,
            decoder: stack, lmHead: LMHeadSpec(tied: try tiedHead(default: true)))
    }
}
