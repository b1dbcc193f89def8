/// Hybrids as layer groups (`HybridLayout`): each group one kind of layer, made of the operation
/// lists attention, the mixer (Mamba / Mamba-2, or Gated DeltaNet), the FFN and the experts
/// already have — only how a layer composes them (and its norms and residual adds) differs
/// between the layouts.
extension StackSpec {
    func hybridLayerGroups(_ h: HybridLayout, width d: Int) -> [LayerGroup] {
        switch h.blocks {
        case .sequential: sequentialHybridGroups(h, width: d)
        case .single: singleBlockHybridGroups(h, width: d)
        case .parallel: parallelHybridGroups(h, width: d)
        }
    }

    /// The mixer of the layers that do not run attention: the stack's state-space mixer or its
    /// Gated DeltaNet. `joinsBlock`: its `out_proj` adds into the reduction of a block beside it.
    private func mixerOperations(width d: Int, joinsBlock: Bool = false) -> [Operation] {
        if let stateSpace { return stateSpaceMixerOperations(stateSpace, width: d, joinsBlock: joinsBlock) }
        return linearAttention.map { linearAttentionOperations($0, width: d, joinsBlock: joinsBlock) } ?? []
    }

    /// Jamba, Bamba, Qwen3-Next: attention or the mixer, then the FFN or the experts, with the
    /// stack's two norms and residual adds; grouped by the four kinds.
    private func sequentialHybridGroups(_ h: HybridLayout, width d: Int) -> [LayerGroup] {
        let expertLayers = moe.map { $0.sparseLayers(of: layers) } ?? 0, a = h.attentionLayers, ae = h.attentionLayersWithExperts
        let kinds: [(count: Int, attention: Bool, experts: Bool)] = [
            (ae, true, true), (a - ae, true, false), (expertLayers - ae, false, true), (layers - a - expertLayers + ae, false, false),
        ]
        return kinds.filter { $0.count > 0 }.map { kind in
            var ops = kind.attention ? selfAttentionOperations(width: d, kind: LayerKind(attention: .full, experts: kind.experts))
                : mixerOperations(width: d)
            ops += feedForward(experts: kind.experts, width: d)
            ops += normAndResidualOperations(width: d)
            return LayerGroup(count: kind.count, operations: ops)
        }
    }

    /// Nemotron-H: each layer one block — attention, the FFN, the experts or the mixer — between
    /// one norm and one residual add.
    private func singleBlockHybridGroups(_ h: HybridLayout, width d: Int) -> [LayerGroup] {
        let expertLayers = moe.map { $0.sparseLayers(of: layers) } ?? 0
        let blocks: [(count: Int, operations: [Operation])] = [
            (mixerLayerCount, mixerOperations(width: d)),
            (h.attentionLayers, selfAttentionOperations(width: d, kind: LayerKind(attention: .full))),
            (h.feedForwardLayers, feedForwardOperations(ffn, .ffn, width: d)),
            (expertLayers, moe.map { expertOperations($0, width: d) } ?? []),
        ]
        return blocks.filter { $0.count > 0 }.map { LayerGroup(count: $0.count, operations: $0.operations + oneNormAndResidual(width: d)) }
    }

    /// Falcon-H1: attention and the mixer side by side on the first norm — the mixer's partial sums
    /// join attention's all-reduce, and the two outputs are added — then the FFN on the second.
    private func parallelHybridGroups(_ h: HybridLayout, width d: Int) -> [LayerGroup] {
        let expertLayers = moe.map { $0.sparseLayers(of: layers) } ?? 0
        return [(layers - expertLayers, false), (expertLayers, true)].filter { $0.0 > 0 }.map { count, experts in
            var ops = mixerOperations(width: d, joinsBlock: true)
            ops += selfAttentionOperations(width: d, kind: LayerKind(attention: .full, experts: experts))
            ops.append(.elementwise(.residuals, ExactCount(d)))
            if h.multipliers { ops.append(.elementwise(.multipliers, parallelMultiplierElements(width: d))) }
            ops += feedForward(experts: experts, width: d)
            ops += normAndResidualOperations(width: d)
            return LayerGroup(count: count, operations: ops)
        }
    }

    /// Falcon-H1's per-token multiplies in one layer: the mixer's input and output, the `in_proj`
    /// output (`mup_vector`), attention's input, keys and output, the FFN's gate and output.
    private func parallelMultiplierElements(width d: Int) -> ExactCount {
        let inProjection = stateSpace?.inProjectionWidth ?? linearAttention?.inProjectionWidth ?? 0
        return ExactCount(5 * d + inProjection + attention.keyValueWidth + ffn.intermediateSize)
    }

    private func feedForward(experts: Bool, width d: Int) -> [Operation] {
        if experts, let moe { return expertOperations(moe, width: d) }
        return feedForwardOperations(ffn, .ffn, width: d)
    }

    /// A single-block layer's norm (keeping its 16-bit input) and residual add.
    func oneNormAndResidual(width d: Int) -> [Operation] {
        [
            Operation(.norms, .elementwise(flopsPerRow: ExactCount.product(d, ElementwiseCost.norm(norm)), rows: .queries),
                      weights: Weights(.norms, ExactCount(norm.parameters(width: d))),
                      saved: .init(bytesPerRow: ExactCount(2 * d), replicatedBytesPerRow: ExactCount(2 * d))),
            .elementwise(.residuals, ExactCount(d)),
        ]
    }
}
