/// Multi-head latent attention as operations, in the order transformers' `DeepseekV3Attention`
/// runs them. The cache holds the latent; how a decode step turns it back into attention is the
/// `LatentAttentionDecode` convention, so the same layer has two operation lists.
extension StackSpec {
    /// `q_a_proj`/`q_a_layernorm`/`q_b_proj` (or `q_proj`), `kv_a_proj_with_mqa`, `kv_a_layernorm`,
    /// `kv_b_proj`, rotary on the rope part, scores over `nope+rope`, values over `v`, `o_proj`.
    ///
    /// `.transformers`: `kv_b_proj` runs on every key of the call (`Rows.keys`: cached and new),
    /// which is what the reference counts in prefill and decode alike. `.absorbed`: no position is
    /// re-expanded; per new token and head `q_nope·W_UK` lifts the query into the latent
    /// (`2·nope·kvRank`), scores run over `kvRank+rope`, values over `kvRank`, and `·W_UV` brings
    /// the output back to `v` (`2·kvRank·v`) — the same weights, used on queries instead of keys.
    func latentAttentionOperations(_ l: LatentAttentionSpec, width d: Int, decode: LatentAttentionDecode) -> [Operation] {
        let a = attention, H = a.heads, qk = l.queryKeyHeadDim, v = l.valueHeadDim
        let kvR = l.keyValueRank, rope = l.ropeHeadDim, nope = l.nopeHeadDim
        let keys = Keys.selfAttention(causal: causal, window: nil)
        let rmsNorm = ElementwiseCost.norm(NormSpec(kind: .rmsNorm))
        let bias = a.qkvBias ? 1 : 0
        var ops: [Operation] = []
        if let qR = l.queryRank {
            ops += [
                Operation(.latentQuery, .linear(inputs: d, outputs: qR, rows: .queries),
                          weights: Weights(.attention, ExactCount.product(d, qR) + bias * qR),
                          saved: .init(bytesPerRow: ExactCount(2 * d), replicatedBytesPerRow: ExactCount(2 * d))),
                Operation(.latentNorms, .elementwise(flopsPerRow: ExactCount.product(qR, rmsNorm), rows: .queries),
                          weights: Weights(.latentNorms, ExactCount(qR)), saved: .init(bytesPerRow: ExactCount(2 * qR))),
                Operation(.latentQuery, .linear(inputs: qR, outputs: H * qk, rows: .queries),
                          weights: Weights(.attention, ExactCount.product(qR, H, qk)),
                          saved: .init(bytesPerRow: ExactCount(2 * qR), replicatedBytesPerRow: ExactCount(2 * qR)), tensorShard: .column),
            ]
        } else {
            ops.append(Operation(.latentQuery, .linear(inputs: d, outputs: H * qk, rows: .queries),
                                 weights: Weights(.attention, ExactCount.product(d, H, qk)),
                                 saved: .init(bytesPerRow: ExactCount(2 * d), replicatedBytesPerRow: ExactCount(2 * d)), tensorShard: .column))
        }
        // Reads the same normalised input as the query projection (saved once, above). The two
        // down-projections are small and stay whole on every tensor-parallel rank.
        ops.append(Operation(.latentKeyValueDown, .linear(inputs: d, outputs: kvR + rope, rows: .queries),
                             weights: Weights(.attention, ExactCount.product(d, kvR + rope) + bias * (kvR + rope))))
        if a.qkvBias { ops.append(.elementwise(.biasAdds, ExactCount((l.queryRank ?? 0) + kvR + rope))) }
        ops.append(Operation(.latentNorms, .elementwise(flopsPerRow: ExactCount.product(kvR, rmsNorm), rows: .queries),
                             weights: Weights(.latentNorms, ExactCount(kvR)), saved: .init(bytesPerRow: ExactCount(2 * kvR))))
        // Rotary on each head's rope part of the query and on the one shared rope key.
        ops.append(.elementwise(.rotaryApply, ExactCount.product(H + 1, rope, ElementwiseCost.rotaryPerElement)))
        // Stored as one `kv_b_proj` matrix whichever form runs it.
        let upWeights = Weights(.attention, ExactCount.product(kvR, H, nope + v), matrices: [WeightMatrix(inputs: kvR, outputs: H * (nope + v))])
        let perScore = ElementwiseCost.softmaxPerScore + ElementwiseCost.scalePerScore + (causal ? ElementwiseCost.maskPerScore : 0)
        let cache = CachedState.latent(elements: l.cachedElements)
        switch decode {
        case .transformers:
            ops += [
                Operation(.latentKeyValueUp, .linear(inputs: kvR, outputs: H * (nope + v), rows: .keys), weights: upWeights,
                          saved: .init(bytesPerRow: ExactCount(2 * kvR), replicatedBytesPerRow: ExactCount(2 * kvR)), tensorShard: .column),
                Operation(.attentionScores, .attention(heads: H, headDim: qk, keys: keys), recompute: .attentionCore,
                          saved: .init(bytesPerRow: ExactCount.product(4, H, qk), bytesPerScore: 5, scoreHeads: H), cache: cache),
                Operation(.softmax, .perScore(flops: perScore, heads: H, keys: keys), recompute: .attentionCore),
                Operation(.attentionValues, .attention(heads: H, headDim: v, keys: keys), recompute: .attentionCore,
                          saved: .init(bytesPerRow: ExactCount.product(4, H, v))),
            ]
        case .absorbed:
            ops += [
                Operation(.latentKeyValueUp, .linear(inputs: nope, outputs: kvR, copies: H, rows: .queries), weights: upWeights,
                          tensorShard: .column),
                Operation(.attentionScores, .attention(heads: H, headDim: kvR + rope, keys: keys), recompute: .attentionCore,
                          saved: .init(bytesPerRow: .zero, bytesPerScore: 5, scoreHeads: H), cache: cache),
                Operation(.softmax, .perScore(flops: perScore, heads: H, keys: keys), recompute: .attentionCore),
                Operation(.attentionValues, .attention(heads: H, headDim: kvR, keys: keys), recompute: .attentionCore),
                Operation(.latentKeyValueUp, .linear(inputs: kvR, outputs: v, copies: H, rows: .queries), tensorShard: .column),
            ]
        }
        ops.append(Operation(.attentionOutput, .linear(inputs: H * v, outputs: d, rows: .queries),
                             weights: Weights(.attention, ExactCount.product(H, v, d) + (a.outputBias ? d : 0)),
                             saved: .init(bytesPerRow: ExactCount(d), replicatedBytesPerRow: ExactCount(d)), tensorShard: .row(closesBlock: true)))
        if a.outputBias { ops.append(.elementwise(.biasAdds, ExactCount(d))) }
        return ops
    }
}
