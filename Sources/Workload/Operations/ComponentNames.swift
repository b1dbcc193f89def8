/// The lines of a FLOP breakdown, in the order reports print them (declaration order, which the
/// raw value records so ordering costs nothing). `name` is the stable, script-friendly line name
/// of the JSON contract (`attention_qkv`, `lm_head`, …); a stack of an encoder–decoder prefixes it
/// with its role (`decoder.cross_attention_kv`).
public enum FlopComponentName: Int, Sendable, CaseIterable, Comparable {
    // Matrix products of the layers.
    case attentionQKV
    // Multi-head latent attention's projections in place of attention_qkv.
    case latentQuery
    case latentKeyValueDown
    case latentKeyValueUp
    case attentionScores
    case attentionValues
    case attentionOutput
    case crossAttentionQ
    case crossAttentionKV
    case crossAttentionScores
    case crossAttentionValues
    case crossAttentionOutput
    case experts
    case router
    case sharedExpert
    case ffn
    // State-space mixers (Mamba, Mamba-2) in place of attention and FFN.
    case stateSpaceInput
    case stateSpaceConv
    case stateSpaceProjections
    case stateSpaceScan
    case stateSpaceOutput
    // Gated DeltaNet linear attention (Qwen3-Next) in place of softmax attention.
    case linearAttentionInput
    case linearAttentionConv
    case linearAttentionCore
    case linearAttentionOutput
    case rotaryFrequencies
    // Element-wise work (`full` only).
    case softmax
    case norms
    case activations
    case residuals
    case biasAdds
    case crossKVBiasAdds
    case qkNorms
    case latentNorms
    case rotaryApply
    /// Llama 4's per-position query scaling on its NoPE layers.
    case queryTemperature
    case routing
    case stateSpaceElementwise
    /// Falcon-H1's µP multipliers (embeddings, branch inputs and outputs, keys, `in_proj`, FFN).
    case multipliers
    /// Qwen3-Next's sigmoid output gate of its softmax attention.
    case attentionGate
    /// The delta rule's element-wise work: decay, β, q/k L2 norms, the gated norm, and a cached
    /// step's recurrent update.
    case linearAttentionElementwise
    case embeddingAdds
    // Around the stacks.
    case embeddingProjection
    case pooler
    case poolerElementwise
    case lmHead
    case lmHeadBias
    /// Falcon-H1's µP multiplier on the logits.
    case lmHeadMultiplier

    /// The line's name in every output format.
    public var name: String { Self.names[rawValue] }

    /// One name per case, in declaration order.
    private static let names = [
        "attention_qkv", "attention_q", "attention_kv_a", "attention_kv_b", "attention_scores",
        "attention_values", "attention_output", "cross_attention_q", "cross_attention_kv", "cross_attention_scores",
        "cross_attention_values", "cross_attention_output", "experts", "router", "shared_expert",
        "ffn", "ssm_in_proj", "ssm_conv1d", "ssm_x_dt_proj", "ssm_scan", "ssm_out_proj",
        "gdn_in_proj", "gdn_conv1d", "gdn_delta_rule", "gdn_out_proj", "rotary_frequencies", "softmax", "norms", "activations",
        "residuals", "bias_adds", "cross_kv_bias_adds", "qk_norms", "latent_norms",
        "rotary_apply", "query_temperature", "routing", "ssm_elementwise", "multipliers", "attention_gate", "gdn_elementwise",
        "embedding_adds", "embedding_projection", "pooler", "pooler_elementwise", "lm_head", "lm_head_bias", "lm_head_multiplier",
    ]

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
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
    case ffn
    /// A state-space mixer's weights: in_proj, conv1d, x_proj/dt_proj, A_log, D, dt_bias, the
    /// gated norm (Mamba-2), out_proj.
    case stateSpace = "state_space"
    /// Gated DeltaNet's weights: in_proj_qkvz, in_proj_ba, conv1d, A_log, dt_bias, the gated
    /// norm, out_proj.
    case linearAttention = "linear_attention"
    case norms
    case finalNorm = "final_norm"
    case pooler
    case lmHead = "lm_head"

    /// What the weights do: decides "embedding" (Kaplan's non-embedding count) and activity.
    public var kind: ComponentKind {
        switch self {
        case .tokenEmbedding, .embeddingProjection, .positionEmbedding, .tokenTypeEmbedding: .embedding
        case .embeddingNorm, .qkNorms, .latentNorms, .norms, .finalNorm: .norm
        case .attention, .relativeAttentionBias, .crossAttention, .stateSpace, .linearAttention: .attention
        case .experts: .experts
        case .router: .router
        case .sharedExpert, .ffn: .ffn
        case .pooler: .pooler
        case .lmHead: .lmHead
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }

    private var rank: Int { Self.ranks[self] ?? 0 }

    private static let ranks = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })
}
