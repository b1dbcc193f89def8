/// GPT-2 (`GPT2LMHeadModel`): learned positions, LayerNorm with shift, biases on every linear
/// map (`c_attn`, `c_proj`, `c_fc`), a plain GELU FFN of `n_inner` (`null` → 4·`n_embd`), and an
/// LM head tied to the token table. `add_cross_attention` adds, per layer, a cross-attention
/// (`q_attn`, `c_attn`, `c_proj`, with biases) and its LayerNorm `ln_cross_attn`.
extension HuggingFaceConfig {
    func gpt2Spec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        try gpt2LikeSpec(family: "GPT-2", multiQuery: false, activationDefault: "gelu_new", warnings: &warnings)
    }

    /// GPTBigCode (SantaCoder, StarCoder; `GPTBigCodeForCausalLM`): GPT-2's layer, except that
    /// `multi_query` (true unless the config says false) gives one key/value head shared by
    /// every query head (`c_attn` is `d × (d + 2·head_dim)`), and the GELU defaults to
    /// `gelu_pytorch_tanh`. Cross-attention with multi-query is not implemented by transformers.
    func gptBigCodeSpec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let multiQuery = try bool("multi_query", default: true)
        if multiQuery, try bool("add_cross_attention", default: false) {
            throw error("add_cross_attention", "is true with multi_query: transformers' GPTBigCode has no multi-query cross-attention")
        }
        return try gpt2LikeSpec(family: "GPTBigCode", multiQuery: multiQuery, activationDefault: "gelu_pytorch_tanh", warnings: &warnings)
    }

    private func gpt2LikeSpec(family: String, multiQuery: Bool, activationDefault: String,
                              warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let d = try requiredSize("n_embd", "hidden_size")
        let hiddenKey = has("n_embd") ? "n_embd" : "hidden_size"
        let (heads, _, headDim) = try attentionGeometry(
            hidden: d, heads: ["n_head", "num_attention_heads"], hiddenKey: hiddenKey)
        let positions = try requiredSize("n_positions", "max_position_embeddings")
        let inner = try size("n_inner") ?? 4 * d
        let attention = AttentionSpec(heads: heads, kvHeads: multiQuery ? 1 : heads, headDim: headDim, qkvBias: true, outputBias: true)
        let cross = try bool("add_cross_attention", default: false)
        if cross {
            warnings.append(Self.crossAttentionNote(family: family))
        }
        let stack = StackSpec(
            layers: try requiredSize("n_layer", "num_hidden_layers"),
            attention: attention, crossAttention: cross ? attention : nil,
            ffn: FFNSpec(intermediateSize: inner,
                         activation: try activation("activation_function", default: activationDefault, warnings: &warnings),
                         bias: true),
            norm: NormSpec(kind: .layerNorm), positions: .learned(positions))
        return ModelSpec(
            name: "", vocabularySize: try requiredSize("vocab_size"), hiddenSize: d, contextWindow: positions,
            decoder: stack, lmHead: LMHeadSpec(tied: try tiedHead(default: true)))
    }
}
