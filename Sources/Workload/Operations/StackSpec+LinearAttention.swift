/// A Gated DeltaNet (linear-attention) mixer as operations, in the order transformers runs
/// `Qwen3NextGatedDeltaNet.forward` on its torch fallbacks: the projections, the depthwise conv
/// and its SiLU, the delta rule with its decay and β, the gated norm, `out_proj`. It takes the
/// place of softmax attention in a layer; the layer keeps its FFN (or experts), norms and residuals.
/// `joinsBlock`: `out_proj` adds its partial sums into the reduction of a block beside it (a
/// parallel hybrid layout) instead of closing its own.
extension StackSpec {
    func linearAttentionOperations(_ l: LinearAttentionSpec, width d: Int, joinsBlock: Bool = false) -> [Operation] {
        let C = l.convChannels, V = l.valueWidth, H = l.valueHeads
        let silu = ElementwiseCost.siluPerElement, rms = ElementwiseCost.rmsNormPerElement
        return [
            // `in_proj_qkvz` and `in_proj_ba`, bias-free: two GEMMs over the same input.
            Operation(.linearAttentionInput, .linear(inputs: d, outputs: l.inProjectionWidth, rows: .queries),
                      weights: Weights(.linearAttention, ExactCount.product(d, l.inProjectionWidth)),
                      saved: .init(bytesPerRow: ExactCount(2 * d), replicatedBytesPerRow: ExactCount(2 * d)), tensorShard: .column),
            Operation(.linearAttentionConv, .depthwiseConv(channels: C, kernel: l.convKernel),
                      weights: Weights(.linearAttention, ExactCount.product(C, l.convKernel)),
                      saved: .init(bytesPerRow: ExactCount(2 * C)), tensorShard: .column),
            .elementwise(.activations, ExactCount.product(C, silu)),
            // The chunked rule keeps q, k, v, the decay and β (16-bit) and recomputes the rest, as
            // flash-linear-attention's kernels do; its state is the layer's whole decode cache.
            Operation(.linearAttentionCore, .gatedDeltaRule(l), weights: Weights(.linearAttention, ExactCount(2 * H)),
                      saved: .init(bytesPerRow: ExactCount(2 * (C + 2 * H))),
                      cache: .recurrentState(convElements: l.convElements, stateElements: l.stateElements), tensorShard: .column),
            // Per token: L2 norms of q and k over each value head's copy, the query scale, β's
            // sigmoid, the decay `−exp(A_log)·softplus(a + dt_bias)` and its exp.
            .elementwise(.linearAttentionElementwise,
                         ExactCount.product(2 * H * l.keyHeadDim, ElementwiseCost.l2NormPerElement)
                            + ExactCount.product(H, l.keyHeadDim + ElementwiseCost.sigmoidPerElement + 6)),
            // The gated RMSNorm over each value head (weights shared by the heads), then SiLU(z)·x.
            Operation(.norms, .elementwise(flopsPerRow: ExactCount.product(V, rms + silu + ElementwiseCost.gatePerElement), rows: .queries),
                      weights: Weights(.linearAttention, ExactCount(l.valueHeadDim)), saved: .init(bytesPerRow: ExactCount(4 * V))),
            Operation(.linearAttentionOutput, .linear(inputs: V, outputs: d, rows: .queries),
                      weights: Weights(.linearAttention, ExactCount.product(V, d)),
                      saved: .init(bytesPerRow: ExactCount(2 * V)), tensorShard: .row(closesBlock: !joinsBlock)),
        ]
    }
}
