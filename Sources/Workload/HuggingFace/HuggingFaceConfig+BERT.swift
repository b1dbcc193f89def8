/// BERT as `BertModel` (no masked-LM head): word, position and `type_vocab_size` token-type
/// tables, an embedding LayerNorm, post-norm layers with two LayerNorms each and no final norm,
/// bidirectional attention, biases everywhere, and the pooler.
extension HuggingFaceConfig {
    func bertSpec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let d = try requiredSize("hidden_size")
        let (heads, _, headDim) = try attentionGeometry(
            hidden: d, heads: ["num_attention_heads"], hiddenKey: "hidden_size")
        let positions = try requiredSize("max_position_embeddings")
        let layers = try requiredSize("num_hidden_layers")
        if let kind = try string("position_embedding_type"), kind != "absolute" {
            warnings.append("'position_embedding_type' = \"\(kind)\": the relative distance table (2·\(positions)−1 × \(headDim) per layer) is not counted")
        }
        let stack = StackSpec(
            layers: layers,
            attention: AttentionSpec(heads: heads, headDim: headDim, qkvBias: true, outputBias: true),
            ffn: FFNSpec(intermediateSize: try requiredSize("intermediate_size"),
                         activation: try activation("hidden_act", default: "gelu", warnings: &warnings), bias: true),
            norm: NormSpec(kind: .layerNorm), finalNorm: false, positions: .learned(positions),
            tokenTypes: try count("type_vocab_size") ?? 2, embeddingNorm: true, causal: false)
        return ModelSpec(
            name: "", vocabularySize: try requiredSize("vocab_size"), hiddenSize: d, contextWindow: positions,
            encoder: stack, pooler: true)
    }
}
