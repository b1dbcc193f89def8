// Parameter counts of the pieces of one transformer layer. `d` is the residual width.

extension AttentionSpec {
    /// Width of the concatenated query heads (`heads × headDim`), which need not equal `d`.
    public var queryWidth: Int { heads * headDim }
    /// Width of the keys (and of the values): `kvHeads × headDim`.
    public var keyValueWidth: Int { kvHeads * headDim }

    /// The q and k norms: over `head_dim` each (shared by the heads), or over the whole
    /// query and key widths.
    func qkNormParameters(_ scope: QKNorm, _ norm: NormSpec) -> ExactCount {
        switch scope {
        case .perHead: ExactCount(2 * norm.parameters(width: headDim))
        case .projection: ExactCount(norm.parameters(width: queryWidth)) + ExactCount(norm.parameters(width: keyValueWidth))
        case .l2: .zero
        }
    }

    /// Elements the q and k norms normalise per token (for the `full` convention).
    var qkNormElements: Int { queryWidth + keyValueWidth }

    /// T5's relative-position bias table (`buckets × heads`), present in a stack's first layer only.
    var relativeBiasParameters: ExactCount {
        relativeBiasBuckets.map { ExactCount.product($0, heads) } ?? .zero
    }
}

extension FFNSpec {
    /// Weight matrices that multiply each token: `d×F` in (twice when gated) and `F×d` out.
    public var inputProjections: Int { gated ? 2 : 1 }
}

extension MoESpec {
    /// Element-wise router work per token (`full` only): softmax or sigmoid over the experts,
    /// DeepSeek-V3's score-correction add per expert, and `routed_scaling_factor` on the top-k.
    var scoringFlopsPerToken: ExactCount {
        let scoring = routing?.scoring == .sigmoid ? ElementwiseCost.sigmoidPerElement : ElementwiseCost.softmaxPerScore
        let correction = routing?.scoreCorrectionBias == true ? ElementwiseCost.addPerElement : 0
        let scaling = routing?.scalingFactor != nil ? topK : 0
        return ExactCount.product(experts, scoring + correction) + ExactCount(scaling)
    }

    /// The linear router `d × experts` (and its bias).
    func routerParameters(width d: Int) -> ExactCount {
        ExactCount.product(d, experts) + (routerBias ? ExactCount(experts) : .zero)
    }
}

extension StackSpec {
    /// Norms inside one layer: one per sub-block, one shared by a parallel block's two branches,
    /// two per sub-block in a sandwich.
    public var normsPerLayer: Int {
        switch block {
        case .sequential: crossAttention == nil ? 2 : 3
        case .parallelSharedNorm: crossAttention == nil ? 1 : 2
        case .parallelTwoNorms: crossAttention == nil ? 2 : 3
        case .sandwichNorms: crossAttention == nil ? 4 : 6
        }
    }

    /// Rows of the learned position table, if the stack has one.
    var learnedPositions: Int? {
        positions.kind == .learned ? positions.count : nil
    }

    /// Dimensions of each head that are rotated (the whole head unless partial; latent
    /// attention rotates its `qk_rope_head_dim` part only).
    var rotaryDimensions: Int? {
        guard positions.kind == .rotary else { return nil }
        return attention.latent?.ropeHeadDim ?? positions.rotaryDimensions ?? attention.headDim
    }
}
