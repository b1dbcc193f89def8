// Parameter counts of the pieces of one transformer layer. `d` is the residual width.

extension AttentionSpec {
    /// Width of the concatenated query heads (`heads × headDim`), which need not equal `d`.
    public var queryWidth: Int { heads * headDim }
    /// Width of the keys (and of the values): `kvHeads × headDim`.
    public var keyValueWidth: Int { kvHeads * headDim }

    /// q, k, v and output projections with their biases:
    /// ```
    /// d·(h·hd) + 2·d·(kv·hd) + (h·hd)·d  [+ h·hd + 2·kv·hd]  [+ d]
    /// ```
    /// (Fused `c_attn`/`query_key_value` layouts hold the same numbers.)
    func projectionParameters(width d: Int) -> ExactCount {
        let weights = ExactCount.product(d, queryWidth) + ExactCount.product(2, d, keyValueWidth)
            + ExactCount.product(queryWidth, d)
        let qkvBias = qkvBias ? ExactCount(queryWidth) + ExactCount.product(2, keyValueWidth) : .zero
        let outBias = outputBias ? ExactCount(d) : .zero
        return weights + qkvBias + outBias
    }

    /// The q and k norms: over `head_dim` each (shared by the heads), or over the whole
    /// query and key widths.
    func qkNormParameters(_ scope: QKNorm, _ norm: NormSpec) -> ExactCount {
        switch scope {
        case .perHead: ExactCount(2 * norm.parameters(width: headDim))
        case .projection: ExactCount(norm.parameters(width: queryWidth)) + ExactCount(norm.parameters(width: keyValueWidth))
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

    /// ```
    /// (g + 1)·d·F  [+ g·F + d]      g = 2 for gated FFNs (SwiGLU, GeGLU), else 1
    /// ```
    func parameters(width d: Int) -> ExactCount {
        let weights = ExactCount.product(inputProjections + 1, d, intermediateSize)
        let biases = bias ? ExactCount.product(inputProjections, intermediateSize) + d : .zero
        return weights + biases
    }
}

extension MoESpec {
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

    /// Dimensions of each head that are rotated (the whole head unless partial).
    var rotaryDimensions: Int? {
        positions.kind == .rotary ? (positions.rotaryDimensions ?? attention.headDim) : nil
    }
}

extension StackSpec {
    /// Bytes per token one FFN keeps for its backward pass (Korthikanti et al. 2022: `3h` of
    /// inputs and dropout mask, `4·g·F` of inner activations, `g` = 2 when gated).
    private func ffnActivationBytes(width h: Int, inner: Int) -> ExactCount {
        ExactCount(3 * h) + ExactCount.product(4, ffn.gated ? 2 : 1, inner)
    }

    /// FFN activation bytes per token of a dense layer and of an expert layer (its `topK`
    /// routed experts and the shared one); the two are equal without experts.
    public func ffnActivationBytesPerToken(width h: Int) -> (dense: ExactCount, sparse: ExactCount) {
        let dense = ffnActivationBytes(width: h, inner: ffn.intermediateSize)
        guard let moe else { return (dense, dense) }
        var sparse = ExactCount(moe.topK) * ffnActivationBytes(width: h, inner: moe.expert(of: ffn).intermediateSize)
        if let shared = moe.sharedExpertIntermediateSize { sparse += ffnActivationBytes(width: h, inner: shared) }
        return (dense, sparse)
    }

    /// The same summed over every layer of the stack.
    public func ffnActivationBytesPerTokenAllLayers(width h: Int) -> ExactCount {
        let (dense, sparse) = ffnActivationBytesPerToken(width: h)
        guard let moe else { return ExactCount(layers) * dense }
        return ExactCount(moe.denseLayers) * dense + ExactCount(moe.sparseLayers(of: layers)) * sparse
    }
}
