/// DeepSeek's multi-head latent attention (MLA, DeepSeek-V2 §2.1): keys and values are
/// compressed into one `kvRank`-wide latent per token (what the cache holds), plus a
/// `ropeHeadDim`-wide rotary key shared by every head; queries optionally go through a
/// `queryRank`-wide latent too. Sizes are the config's, in transformers' names:
///
/// - `q_a_proj` d→`queryRank`, `q_a_layernorm`, `q_b_proj` →`heads·(nope+rope)` (or one `q_proj`
///   d→`heads·(nope+rope)` when `queryRank` is nil: DeepSeek-V2-Lite);
/// - `kv_a_proj_with_mqa` d→`kvRank+rope`, `kv_a_layernorm` over `kvRank`, `kv_b_proj`
///   `kvRank`→`heads·(nope+valueHeadDim)`;
/// - scores over `nope+rope` per head, values over `valueHeadDim`, `o_proj` `heads·valueHeadDim`→d.
///
/// Both latent norms are RMSNorms with a scale and no shift, whatever the stack's norm.
public struct LatentAttentionSpec: Codable, Sendable, Equatable {
    /// `q_lora_rank`; nil: a plain `q_proj`.
    public var queryRank: Int?
    /// `kv_lora_rank`: the compressed key/value latent.
    public var keyValueRank: Int
    /// `qk_nope_head_dim`: the part of each query/key head without rotary.
    public var nopeHeadDim: Int
    /// `qk_rope_head_dim`: the rotary part, one key of this width shared by all heads.
    public var ropeHeadDim: Int
    /// `v_head_dim`.
    public var valueHeadDim: Int

    public init(queryRank: Int?, keyValueRank: Int, nopeHeadDim: Int, ropeHeadDim: Int, valueHeadDim: Int) {
        self.queryRank = queryRank; self.keyValueRank = keyValueRank
        self.nopeHeadDim = nopeHeadDim; self.ropeHeadDim = ropeHeadDim; self.valueHeadDim = valueHeadDim
    }

    /// The query/key head width, `nope + rope`: what `AttentionSpec.headDim` must be.
    public var queryKeyHeadDim: Int { nopeHeadDim + ropeHeadDim }

    /// Elements cached per token and layer: the latent and the shared rotary key.
    public var cachedElements: Int { keyValueRank + ropeHeadDim }
}

/// How a DeepSeek router scores and chooses experts. Only element-wise work differs (the `full`
/// convention); the router GEMM is the same `d × experts` product either way.
public struct ExpertRouting: Codable, Sendable, Equatable {
    public enum Scoring: String, Codable, Sendable, CaseIterable {
        /// DeepSeek-V2: softmax over the experts.
        case softmax
        /// DeepSeek-V3 / Kimi K2: an independent sigmoid per expert.
        case sigmoid
    }

    public var scoring: Scoring
    /// `n_group`: experts are split into this many groups and only the best `topKGroups` are
    /// searched (group-limited routing); nil: no grouping.
    public var groups: Int?
    /// `topk_group`.
    public var topKGroups: Int?
    /// DeepSeek-V3's `e_score_correction_bias` (one value per expert, added to the scores for the
    /// choice only). transformers 5.23 holds it as a buffer, not a parameter, so it is not in the
    /// parameter count; the checkpoint stores it (fp32) and the report says so.
    public var scoreCorrectionBias: Bool
    /// `routed_scaling_factor`: the routed experts' weights are multiplied by it (element-wise
    /// work, counted under `full` only).
    public var scalingFactor: Double?

    public init(scoring: Scoring, groups: Int? = nil, topKGroups: Int? = nil, scoreCorrectionBias: Bool = false,
                scalingFactor: Double? = nil) {
        self.scoring = scoring; self.groups = groups; self.topKGroups = topKGroups
        self.scoreCorrectionBias = scoreCorrectionBias; self.scalingFactor = scalingFactor
    }

    enum CodingKeys: String, CodingKey { case scoring, groups, topKGroups, scoreCorrectionBias, scalingFactor }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        scoring = try c.decodeIfPresent(Scoring.self, forKey: .scoring) ?? .softmax
        groups = try c.decodeIfPresent(Int.self, forKey: .groups)
        topKGroups = try c.decodeIfPresent(Int.self, forKey: .topKGroups)
        scoreCorrectionBias = try c.decodeIfPresent(Bool.self, forKey: .scoreCorrectionBias) ?? false
        scalingFactor = try c.decodeIfPresent(Double.self, forKey: .scalingFactor)
    }
}

/// How a decode step of multi-head latent attention is computed — a counting convention, named in
/// every report of a model with latent attention.
public enum LatentAttentionDecode: String, Sendable, CaseIterable, Codable {
    /// transformers 5.23 (the reference): the latent is cached and `kv_b_proj` re-expands every
    /// cached position into per-head keys and values at every step, so a step costs
    /// `2·kvRank·heads·(nope+v)` per cached position more than it would otherwise.
    case transformers
    /// DeepSeek's own inference, vLLM and SGLang: `W_UK` (the key half of `kv_b_proj`) is folded
    /// into the query and `W_UV` (the value half) into the output, so attention runs in the latent
    /// space (scores over `kvRank+rope`, values over `kvRank` per head) and no cached position is
    /// re-expanded. Prefill is counted in the expanded form under both conventions.
    case absorbed

    public var summary: String {
        switch self {
        case .transformers: "transformers: kv_b_proj re-expands every cached latent at each step"
        case .absorbed: "absorbed: W_UK folded into the query, W_UV into the output; attention in the latent space (DeepSeek inference, vLLM, SGLang)"
        }
    }
}
