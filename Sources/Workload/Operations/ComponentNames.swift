/// The lines of a FLOP breakdown, in the order reports print them. The raw values are the
/// stable, script-friendly names of the JSON contract (`attention_qkv`, `lm_head`, …); a stack
/// of an encoder–decoder prefixes them with its role (`decoder.cross_attention_kv`).
public enum FlopComponentName: String, Sendable, CaseIterable, Codable, Comparable {
    // Matrix products of the layers.
    case attentionQKV = "attention_qkv"
    // Multi-head latent attention's projections in place of attention_qkv.
    case latentQuery = "attention_q"
    case latentKeyValueDown = "attention_kv_a"
    case latentKeyValueUp = "attention_kv_b"
    case attentionScores = "attention_scores"
    case attentionValues = "attention_values"
    case attentionOutput = "attention_output"
    case crossAttentionQ = "cross_attention_q"
    case crossAttentionKV = "cross_attention_kv"
    case crossAttentionScores = "cross_attention_scores"
    case crossAttentionValues = "cross_attention_values"
    case crossAttentionOutput = "cross_attention_output"
    case experts, router
    case sharedExpert = "shared_expert"
    case ffn
    case rotaryFrequencies = "rotary_frequencies"
    // Element-wise work (`full` only).
    case softmax, norms, activations, residuals
    case biasAdds = "bias_adds"
    case crossKVBiasAdds = "cross_kv_bias_adds"
    case qkNorms = "qk_norms"
    case latentNorms = "latent_norms"
    case rotaryApply = "rotary_apply"
    case routing
    case embeddingAdds = "embedding_adds"
    // Around the stacks.
    case embeddingProjection = "embedding_projection"
    case pooler
    case poolerElementwise = "pooler_elementwise"
    case lmHead = "lm_head"
    case lmHeadBias = "lm_head_bias"

    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

/// The lines of a parameter breakdown, in model order; raw values are the JSON contract's names.
public enum ParameterGroup: String, Sendable, CaseIterable, Codable, Comparable {
    case tokenEmbedding = "token_embedding"
    case embeddingProjection = "embedding_projection"
    case positionEmbedding = "position_embedding"
    case tokenTypeEmbedding = "token_type_embedding"
    case embeddingNorm = "embedding_norm"
    case attention
    case qkNorms = "qk_norms"
    /// Multi-head latent attention's `q_a_layernorm` and `kv_a_layernorm`.
    case latentNorms = "latent_norms"
    case relativeAttentionBias = "relative_attention_bias"
    case crossAttention = "cross_attention"
    case experts, router
    case sharedExpert = "shared_expert"
    case ffn, norms
    case finalNorm = "final_norm"
    case pooler
    case lmHead = "lm_head"

    /// What the weights do: decides "embedding" (Kaplan's non-embedding count) and activity.
    public var kind: ComponentKind {
        switch self {
        case .tokenEmbedding, .embeddingProjection, .positionEmbedding, .tokenTypeEmbedding: .embedding
        case .embeddingNorm, .qkNorms, .latentNorms, .norms, .finalNorm: .norm
        case .attention, .relativeAttentionBias, .crossAttention: .attention
        case .experts: .experts
        case .router: .router
        case .sharedExpert, .ffn: .ffn
        case .pooler: .pooler
        case .lmHead: .lmHead
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
