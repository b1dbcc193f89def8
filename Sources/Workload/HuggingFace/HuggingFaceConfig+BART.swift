/// BART (`BartForConditionalGeneration`): each stack has its own learned position table of
/// `max_position_embeddings + 2` rows (BART's offset) and its own `layernorm_embedding`; biases
/// on every linear map; no final norm; GELU FFNs of `encoder_ffn_dim` / `decoder_ffn_dim`; a head
/// tied to the shared token table. `final_logits_bias` is a buffer, not a parameter.
extension HuggingFaceConfig {
    func bartSpec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let d = try requiredSize("d_model", "hidden_size")
        let maxPositions = try requiredSize("max_position_embeddings")
        guard maxPositions <= SpecLimits.maximumSize - 2 else {
            throw error("max_position_embeddings", "\(maxPositions) + 2 \(SpecLimits.sizeLimitReason)")
        }
        let activation = try activation("activation_function", default: "gelu", warnings: &warnings)
        func stack(_ role: String, causal: Bool) throws(SpecError) -> StackSpec {
            // `BartConfig` maps `num_attention_heads` and `num_hidden_layers` to the encoder's.
            let aliases = role == "encoder"
            let (heads, _, headDim) = try attentionGeometry(
                hidden: d, heads: ["\(role)_attention_heads"] + (aliases ? ["num_attention_heads"] : []), hiddenKey: "d_model")
            let attention = AttentionSpec(heads: heads, headDim: headDim, qkvBias: true, outputBias: true)
            return StackSpec(
                layers: try requiredSize(["\(role)_layers"] + (aliases ? ["num_hidden_layers"] : [])), attention: attention,
                crossAttention: causal ? attention : nil,
                ffn: FFNSpec(intermediateSize: try requiredSize("\(role)_ffn_dim"), activation: activation, bias: true),
                norm: NormSpec(kind: .layerNorm), finalNorm: false, positions: .learned(maxPositions + 2),
                embeddingNorm: true, causal: causal)
        }
        return ModelSpec(
            name: "", vocabularySize: try requiredSize("vocab_size"), hiddenSize: d, contextWindow: maxPositions,
            encoder: try stack("encoder", causal: false), decoder: try stack("decoder", causal: true),
            lmHead: LMHeadSpec(tied: try tiedHead(default: true)))
    }
}
