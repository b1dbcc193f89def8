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

/// The FFNs one token passes through in a layer: `count` of them of inner width `width`.
public struct LayerFFNs: Sendable {
    public var runs: [(width: Int, count: Int)]

    /// Inner elements per token (`Σ count · width`).
    public var innerElements: ExactCount { runs.reduce(.zero) { $0 + ExactCount.product($1.count, $1.width) } }
    /// FFNs per token (`Σ count`).
    public var ffnCount: Int { runs.reduce(0) { $0 + $1.count } }
}

extension StackSpec {
    /// The FFNs of a dense layer, and of an expert layer (its `topK` routed experts and the
    /// shared one), with how many layers of each kind the stack has. The one place that says
    /// which FFNs a token goes through; FLOPs, activations and plans all read it.
    public var layerFFNs: [(layers: Int, ffns: LayerFFNs)] {
        let dense = LayerFFNs(runs: [(ffn.intermediateSize, 1)])
        guard let moe else { return [(layers, dense)] }
        var expert = LayerFFNs(runs: [(moe.expert(of: ffn).intermediateSize, moe.topK)])
        if let shared = moe.sharedExpertIntermediateSize { expert.runs.append((shared, 1)) }
        return [(moe.denseLayers, dense), (moe.sparseLayers(of: layers), expert)].filter { $0.layers > 0 }
    }

    /// Bytes per token the FFNs of one layer keep for the backward pass (Korthikanti et al.
    /// 2022, per FFN: `3h` of inputs and dropout mask, `4·g·F` of inner activations, `g` = 2 when
    /// gated).
    func ffnActivationBytesPerToken(_ ffns: LayerFFNs, width h: Int) -> ExactCount {
        ExactCount.product(ffns.ffnCount, 3 * h) + ExactCount.product(4, ffn.gated ? 2 : 1) * ffns.innerElements
    }

    /// The same for the layer that keeps the most: what a pipeline stage holding either kind must plan for.
    public func ffnActivationBytesPerTokenLargestLayer(width h: Int) -> ExactCount {
        layerFFNs.map { ffnActivationBytesPerToken($0.ffns, width: h) }.max() ?? .zero
    }

    /// The same summed over every layer of the stack.
    public func ffnActivationBytesPerTokenAllLayers(width h: Int) -> ExactCount {
        layerFFNs.reduce(.zero) { $0 + ExactCount($1.layers) * ffnActivationBytesPerToken($1.ffns, width: h) }
    }
}
