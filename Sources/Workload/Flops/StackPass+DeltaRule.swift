/// What transformers 5.23 runs of Gated DeltaNet's delta rule (`Qwen3NextGatedDeltaNet`) on its
/// torch fallbacks, as FlopCounterMode counts it: per value head (the key heads are repeated to
/// the value heads first), with `C` the chunk (64), `dk`, `dv` the key and value head widths.
///
/// - A prompt (no cache, or more than one new token) runs `torch_chunk_gated_delta_rule` over
///   the sequence padded to `c = ⌈queries / C⌉` whole chunks — the padding is multiplied like
///   real tokens. Per chunk: `k_β·kᵀ` and `q·kᵀ` (`C·C·dk` each), the two reads of the carried
///   state `k_cumdecay·S` and `q·S` (`C·dk·dv` each), `intra·v_new` (`C·C·dv`) and the state
///   update `kᵀ·v_new` (`C·dk·dv`). Its two `linalg.solve_triangular` calls (the UT transform)
///   are not counted by FlopCounterMode, and are not counted here.
/// - A cached one-token step runs `torch_recurrent_gated_delta_rule`: the state decay, `k·S`, the
///   outer-product update and `q·S` are element-wise multiplies and sums — no matrix product, so
///   nothing under `matmul` or `causal`; under `full`, `7·dk·dv + 2·dv` per value head per token.
extension StackPass {
    /// Whether this call steps the recurrent rule: one new token per sequence on a cached state.
    var recurrentStep: Bool { past > 0 && queries == 1 }

    /// Multiply–adds per sequence of the chunked rule: `c · H · (2·C²·dk + C²·dv + 3·C·dk·dv)`.
    func deltaRuleProducts(_ l: LinearAttentionSpec) -> ExactCount {
        let C = l.chunkSize, dk = l.keyHeadDim, dv = l.valueHeadDim
        return ExactCount.product(l.chunks(queries), l.valueHeads) * (ExactCount.product(2 * C, C, dk) + ExactCount.product(C, C, dv) + ExactCount.product(3 * C, dk, dv))
    }

    func deltaRuleFlops(_ l: LinearAttentionSpec, _ convention: Convention) -> ExactCount {
        guard recurrentStep else { return 2 * ExactCount(batch) * deltaRuleProducts(l) }
        guard convention == .full else { return .zero }
        let dk = l.keyHeadDim, dv = l.valueHeadDim
        return ExactCount.product(batch, queries, l.valueHeads) * ExactCount(7 * dk * dv + 2 * dv)
    }

    /// The chunked rule's backward pass as torch autograd runs it in a training step (no initial
    /// state; the final state, which no loss reads, gets no gradient): both gradients of every
    /// product (2 × the forward) except that the zero initial state needs none (its two reads
    /// in the first chunk lose one product each) and the last state update none at all (two
    /// products), plus the gradients of the two triangular solves, one product each of
    /// `C·C·dk` and `C·C·dv` per chunk (the solves themselves stay uncounted):
    /// `2 · batch · H · (c·(5·C²·dk + 3·C²·dv + 6·C·dk·dv) − 4·C·dk·dv)`.
    func deltaRuleBackwardFlops(_ l: LinearAttentionSpec) -> ExactCount {
        let C = l.chunkSize, dk = l.keyHeadDim, dv = l.valueHeadDim
        let perChunk = ExactCount.product(5 * C, C, dk) + ExactCount.product(3 * C, C, dv) + ExactCount.product(6 * C, dk, dv)
        let perHead = ExactCount(l.chunks(queries)) * perChunk - ExactCount.product(4 * C, dk, dv)
        return 2 * ExactCount.product(batch, l.valueHeads) * perHead
    }

}
