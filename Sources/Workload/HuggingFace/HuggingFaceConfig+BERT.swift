/// BERT as `BertModel` (no masked-LM head): word, position and `type_vocab_size` token-type
/// tables, an embedding LayerNorm, post-norm layers with two LayerNorms each and no final norm,
/// bidirectional attention (causal with `is_decoder`), biases everywhere, and the pooler. With
/// `is_decoder` and `add_cross_attention` each layer also holds a cross-attention with its
/// output LayerNorm. `position_embedding_type` is not read: transformers 5's `BertModel` has
/// absolute positions only.
extension HuggingFaceConfig {
    func bertSpec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let d = try requiredSize("hidden_size")
        let (heads, _, headDim) = try attentionGeometry(
            hidden: d, heads: ["num_attention_heads"], hiddenKey: "hidden_size")
        let positions = try requiredSize("max_position_embeddings")
        let layers = try requiredSize("num_hidden_layers")
        let attention = AttentionSpec(heads: heads, headDim: headDim, qkvBias: true, outputBias: true)
        let isDecoder = try bool("is_decoder", default: false)
        let cross = try bool("add_cross_attention", default: false)
        if cross {
            guard isDecoder else {
                throw error("add_cross_attention", "true without 'is_decoder': BertLayer refuses cross-attention outside a decoder")
            }
            warnings.append(Self.crossAttentionNote(family: "BERT"))
        }
        let stack = StackSpec(
            layers: layers,
            attention: attention, crossAttention: cross ? attention : nil,
            ffn: FFNSpec(intermediateSize: try requiredSize("intermediate_size"),
                         activation: try activation("hidden_act", default: "gelu", warnings: &warnings), bias: true),
            norm: NormSpec(kind: .layerNorm), finalNorm: false, positions: .learned(positions),
            tokenTypes: try count("type_vocab_size") ?? 2, embeddingNorm: true, causal: isDecoder)
        return ModelSpec(
            name: "", vocabularySize: try requiredSize("vocab_size"), hiddenSize: d, contextWindow: positions,
            encoder: stack, pooler: true)
    }
}
