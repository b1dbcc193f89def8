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
    /// Expert counts: a config with more than one expert is not read as dense.
    static let expertKeys = ["num_experts", "num_local_experts", "n_routed_experts", "moe_num_experts", "num_routed_experts"]
    /// What the model code of some common families does that the generic reading cannot see
    /// in their configs.
    static let knownStructureNotes: [String: String] = [
        "gemma3": "four RMSNorms per layer and norms over q and k",
        "cohere": "a parallel attention/FFN block and LayerNorms without bias",
        "gptj": "a parallel attention/FFN block, biases on the FFN, and an LM head with bias",
        "bloom": "ALiBi, an embedding LayerNorm, and biases on every linear map",
        "gpt_neo": "learned positions and local attention layers",
        "stablelm": "LayerNorms and partial rotary",
        "mpt": "ALiBi and LayerNorms", "codegen": "a parallel attention/FFN block and biased FFN",
    ]
    /// Keys that change the structure in the families that have them, and that the generic
    /// reading does not model; each one present (and not false or zero) is named in a warning.
    static let structuralKeysNotRead: [String: String] = [
        "sliding_window": "attention over a window changes attention FLOPs and the KV cache",
        "moe_intermediate_size": "an expert FFN width", "shared_expert_intermediate_size": "a shared expert",
        "n_shared_experts": "shared experts", "num_experts_per_tok": "routed experts",
        "position_embedding_type": "the kind of position embedding", "n_positions": "a learned position table of this many rows in GPT-2/BigCode-style models, only the context length in rotary ones",
        "alibi": "ALiBi instead of rotary", "parallel_attn": "a parallel attention/FFN block",
        "use_parallel_residual": "a parallel attention/FFN block", "parallel_residual": "a parallel attention/FFN block",
        "kv_lora_rank": "low-rank (MLA) key/value projections", "q_lora_rank": "low-rank (MLA) query projections",
        "use_qkv_bias": "biases on q, k, v", "qkv_bias": "biases on q, k, v", "bias": "biases on the linear maps",
        "use_post_attention_layernorm": "extra norms", "use_post_feedforward_layernorm": "extra norms",
        "qk_layernorm": "norms over q and k", "use_qk_norm": "norms over q and k",
        "layer_types": "per-layer attention kinds", "attn_layer_indices": "per-layer block kinds",
        "word_embed_proj_dim": "an embedding projection",
        "block_auto_adjust_ff_dim": "an FFN width derived from intermediate_size (LFM2: 2/3 of it, times block_ffn_dim_multiplier, rounded up to block_multiple_of)",
    ]

    /// `layer_types` entries that are softmax attention over some window: a stack of only these
    /// is still the decoder the generic reading assumes.
    static let attentionLayerKinds: [JSONValue] = ["full_attention", "sliding_attention", "chunked_attention"].map(JSONValue.string)

    func genericSpec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let family = modelType.map { "model_type '\($0)'" } ?? "a config without 'model_type'"
        let groups = [Self.widthKeys, Self.layerKeys, Self.headKeys, Self.vocabularyKeys, Self.ffnKeys]
        let missing = groups.filter { keys in !keys.contains(where: has) }
        guard missing.isEmpty else {
            let list = missing.map { $0.joined(separator: " or ") }.joined(separator: "; ")
            throw SpecError(file: file, field: "model_type",
                            "\(family) is not one llmcost knows, and the fields to read it as a generic decoder are missing: \(list)")
        }
        if let key = Self.expertKeys.first(where: { (try? size($0)).flatMap { $0 } ?? 0 > 1 }) {
            throw error(key, "\(family) is a mixture-of-experts config (\(key) = \(try size(key) ?? 0)); llmcost has no mapping for its expert layout (shared experts, expert width, which layers are sparse) and will not guess it: write a spec file with a `moe` section")
        }
        if case .array(let kinds)? = value("layer_types"),
           let other = kinds.first(where: { !Self.attentionLayerKinds.contains($0) }) {
            throw error("layer_types", "\(family) mixes in layers that are not attention (\(other.jsonText)): a hybrid stack (convolution, linear attention, state space) llmcost has no mapping for and will not guess; write a spec file")
        }
        let widthKey = Self.widthKeys.first(where: has) ?? "hidden_size"
        let d = try requiredSize(widthKey)
        var (heads, kvHeads, headDim) = try attentionGeometry(
            hidden: d, heads: Self.headKeys, kvHeads: Self.kvHeadKeys, headDim: ["head_dim"], hiddenKey: widthKey)
        warnings.append("\(family) is not one llmcost knows: read as a generic pre-norm decoder; check the assumptions below")
        if try bool("multi_query") == true, !Self.kvHeadKeys.contains(where: has) {
            kvHeads = 1
            warnings.append("'multi_query' is true: read as one key/value head shared by the \(heads) query heads")
        }
        if let note = Self.knownStructureNotes[modelType?.lowercased() ?? ""] {
            warnings.append("transformers' '\(modelType ?? "")' model differs from a plain pre-norm decoder: \(note); expect the counts to be off")
        }
        let ignored = Self.structuralKeysNotRead.filter { key, _ in
            guard let v = value(key) else { return false }
            return v != .bool(false) && v != .int(0)
        }
        for (key, meaning) in ignored.sorted(by: { $0.key < $1.key }) {
            warnings.append("'\(key)' = \(value(key)?.jsonText ?? "") is not read by the generic decoder (\(meaning)): the counts ignore it")
        }

        let normKind: NormSpec.Kind = has("rms_norm_eps") || !(has("layer_norm_eps") || has("layer_norm_epsilon")) ? .rmsNorm : .layerNorm
        warnings.append("assumed \(normKind == .rmsNorm ? "RMSNorm" : "LayerNorm") (from \(has("rms_norm_eps") ? "'rms_norm_eps'" : normKind == .layerNorm ? "a layer_norm_eps key" : "no norm key")), two per layer and a final one")

        let actKey = ["hidden_act", "activation_function", "hidden_activation", "activation"].first(where: has) ?? "hidden_act"
        let activation = try self.activation(actKey, default: "silu", warnings: &warnings)
        // Gemma-style configs spell the activation `hidden_activation` and gate it (GeGLU).
        let gated = activation == .silu || actKey == "hidden_activation"
        warnings.append(gated
            ? (activation == .silu ? "assumed a gated FFN (SwiGLU) because the activation is SiLU"
                                   : "assumed a gated FFN (GeGLU) because the activation is given as 'hidden_activation', as Gemma configs do")
            : "assumed a plain (ungated) FFN because the activation is not SiLU")

        // An absent key takes the class default where transformers has a class of this type
        // (OlmoConfig, Phi3Config, … default to untied); otherwise `PreTrainedConfig`'s, true,
        // which is what `save_pretrained` of transformers 4 left out.
        let classTie = TransformersTieDefaults.tieDefault(modelType)
        let tied = try tiedHead(default: classTie ?? true)
        let tieSource = has("tie_word_embeddings") ? "= \(tied)"
            : classTie != nil ? "absent: the default of transformers' config class for '\(modelType ?? "")', \(tied)"
            : "absent, which in a saved config means transformers' default, true (a config class of its own may differ)"
        warnings.append("assumed the LM head is \(tied ? "tied to" : "separate from") the token embedding ('tie_word_embeddings' \(tieSource))")
        let anyBias = try bool("use_bias")
        let attentionBias = try bool("attention_bias") ?? anyBias ?? false
        let mlpBias = try bool("mlp_bias") ?? anyBias ?? false
        warnings.append("assumed attention bias \(attentionBias), FFN bias \(mlpBias) (from 'attention_bias' / 'mlp_bias' / 'use_bias', false when absent)")
        let rotaryDim = try size("rotary_dim")
        let positions: PositionEncoding
        if let dims = rotaryDim {
            guard dims <= headDim, dims % 2 == 0 else {
                throw error("rotary_dim", "\(dims) rotated dimensions in heads of \(headDim); rotary needs an even number no larger than the head")
            }
            positions = dims == headDim ? .rotary() : .rotary(dimensions: dims)
        } else {
            positions = try rotaryPositions(headDim: headDim, fraction: try anyRotaryFraction())
        }
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
