/// A config of a family llmcost has no mapping for, read as a plain pre-norm decoder when its
/// structural sizes are there under one of the common spellings.
///
/// Every assumption made is returned as a warning — norm kind, gating, tying, biases, rotary —
/// because a wrong guess changes the count and the user must know which guesses were made.
extension HuggingFaceConfig {
    static let widthKeys = ["hidden_size", "n_embd", "d_model", "dim", "model_dim"]
    static let layerKeys = ["num_hidden_layers", "n_layer", "num_layers", "n_layers"]
    static let headKeys = ["num_attention_heads", "n_head", "num_heads", "n_heads"]
    static let vocabularyKeys = ["vocab_size", "n_vocab", "padded_vocab_size"]
    static let ffnKeys = ["intermediate_size", "n_inner", "ffn_dim", "d_ff", "ffn_hidden_size", "ffn_dim_size"]
    static let kvHeadKeys = ["num_key_value_heads", "num_kv_heads", "n_head_kv", "multi_query_group_num"]

    func genericSpec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let family = modelType.map { "model_type '\($0)'" } ?? "a config without 'model_type'"
        let groups = [Self.widthKeys, Self.layerKeys, Self.headKeys, Self.vocabularyKeys, Self.ffnKeys]
        let missing = groups.filter { keys in !keys.contains(where: has) }
        guard missing.isEmpty else {
            let list = missing.map { $0.joined(separator: " or ") }.joined(separator: "; ")
            throw SpecError(file: file, field: "model_type",
                            "\(family) is not one llmcost knows, and the fields to read it as a generic decoder are missing: \(list)")
        }
        let widthKey = Self.widthKeys.first(where: has) ?? "hidden_size"
        let d = try requiredSize(widthKey)
        let (heads, kvHeads, headDim) = try attentionGeometry(
            hidden: d, heads: Self.headKeys, kvHeads: Self.kvHeadKeys, headDim: ["head_dim"], hiddenKey: widthKey)
        warnings.append("\(family) is not one llmcost knows: read as a generic pre-norm decoder; check the assumptions below")

        let normKind: NormSpec.Kind = has("rms_norm_eps") || !(has("layer_norm_eps") || has("layer_norm_epsilon")) ? .rmsNorm : .layerNorm
        warnings.append("assumed \(normKind == .rmsNorm ? "RMSNorm" : "LayerNorm") (from \(has("rms_norm_eps") ? "'rms_norm_eps'" : normKind == .layerNorm ? "a layer_norm_eps key" : "no norm key")), two per layer and a final one")

        let actKey = ["hidden_act", "activation_function", "hidden_activation", "activation"].first(where: has) ?? "hidden_act"
        let activation = try self.activation(actKey, default: "silu", warnings: &warnings)
        let gated = activation == .silu
        warnings.append(gated
            ? "assumed a gated FFN (SwiGLU) because the activation is SiLU"
            : "assumed a plain (ungated) FFN because the activation is not SiLU")

        // `save_pretrained` leaves out a value equal to `PretrainedConfig`'s default, and that
        // default is True: a saved config without the key had its head tied.
        let tied = try tiedHead(default: true)
        warnings.append("assumed the LM head is \(tied ? "tied to" : "separate from") the token embedding ('tie_word_embeddings' \(has("tie_word_embeddings") ? "= \(tied)" : "absent, which in a saved config means transformers' default, true"))")
        let anyBias = try bool("use_bias")
        let attentionBias = try bool("attention_bias") ?? anyBias ?? false
        let mlpBias = try bool("mlp_bias") ?? anyBias ?? false
        warnings.append("assumed attention bias \(attentionBias), FFN bias \(mlpBias) (from 'attention_bias' / 'mlp_bias' / 'use_bias', false when absent)")
        let positions = try rotaryPositions(headDim: headDim)
        warnings.append("assumed rotary positions over \(positions.rotaryDimensions.map { "\($0) of \(headDim)" } ?? "all \(headDim)") dimensions of each head, no position table")

        let stack = StackSpec(
            layers: try requiredSize(Self.layerKeys.first(where: has) ?? "num_hidden_layers"),
            attention: AttentionSpec(heads: heads, kvHeads: kvHeads, headDim: headDim,
                                     qkvBias: attentionBias, outputBias: attentionBias),
            ffn: FFNSpec(intermediateSize: try requiredSize(Self.ffnKeys.first(where: has) ?? "intermediate_size"),
                         gated: gated, activation: activation, bias: mlpBias),
            norm: NormSpec(kind: normKind), positions: positions)
        return ModelSpec(
            name: "", vocabularySize: try requiredSize(Self.vocabularyKeys.first(where: has) ?? "vocab_size"),
            hiddenSize: d, contextWindow: try size("max_position_embeddings", "n_positions", "max_seq_len", "seq_length"),
            decoder: stack, lmHead: LMHeadSpec(tied: tied))
    }
}
