/// A state-space (Mamba / Mamba-2) layer as operations, in the order transformers' torch path runs
/// them (`MambaMixer.forward` / `Mamba2Mixer.forward` without hub kernels): one norm, the mixer, one
/// residual add. The mixer replaces attention and the FFN; its cache is a fixed recurrent state.
extension StackSpec {
    /// Attention and FFN values a pure state-space stack carries but never runs (its spec need not
    /// write them): nothing reads them while `stateSpace` is set.
    static func stateSpacePlaceholders(innerSize: Int) -> (attention: AttentionSpec, ffn: FFNSpec) {
        (AttentionSpec(heads: 1, headDim: max(1, innerSize)), FFNSpec(intermediateSize: max(1, innerSize), activation: .silu))
    }

    /// `in_proj`, the depthwise `conv1d` and its SiLU, dt/B/C (Mamba: `x_proj`, then
    /// `dt_proj.weight @ dt`), the scan (`ssm_scan`: what FlopCounterMode sees of it, see
    /// `StackPass.scanProducts`) with `A_log`, `D` (and Mamba-2's `dt_bias`), the gate (Mamba-2:
    /// a gated RMSNorm), `out_proj`; then the layer's norm and residual add.
    func stateSpaceOperations(_ m: StateSpaceSpec, width d: Int) -> [Operation] {
        stateSpaceMixerOperations(m, width: d) + oneNormAndResidual(width: d)
    }

    /// The mixer alone (a hybrid layer adds the FFN and its norms and residual adds). Tensor
    /// parallelism shards it as Megatron-LM / vLLM do: `in_proj` column-parallel (by channels;
    /// Mamba-2 by heads and groups), the conv, dt_proj and the scan per shard, Mamba's `x_proj`
    /// row-parallel with its narrow dt/B/C output all-reduced, `out_proj` row-parallel closing the
    /// block — or, `joinsBlock`, adding its partial sums into the reduction of a block beside it
    /// (Falcon-H1's attention, in the same residual add).
    func stateSpaceMixerOperations(_ m: StateSpaceSpec, width d: Int, joinsBlock: Bool = false) -> [Operation] {
        let inner = m.innerSize, N = m.stateSize, W = m.inProjectionWidth, C = m.convChannels, k = m.convKernel
        let rms = ElementwiseCost.norm(NormSpec(kind: .rmsNorm)), silu = ElementwiseCost.siluPerElement
        var ops = [Operation(.stateSpaceInput, .linear(inputs: d, outputs: W, rows: .queries),
                             weights: Weights(.stateSpace, ExactCount.product(d, W) + (m.bias ? W : 0)),
                             saved: .init(bytesPerRow: ExactCount(2 * d), replicatedBytesPerRow: ExactCount(2 * d)), tensorShard: .column)]
        if m.bias { ops.append(.elementwise(.biasAdds, ExactCount(W))) }
        ops.append(Operation(.stateSpaceConv, .depthwiseConv(channels: C, kernel: k),
                             weights: Weights(.stateSpace, ExactCount.product(C, k) + (m.convBias ? C : 0)),
                             saved: .init(bytesPerRow: ExactCount(2 * C)), tensorShard: .column))
        ops.append(.elementwise(.activations, ExactCount.product(C, silu + (m.convBias ? 1 : 0))))
        var scanWeights = ExactCount.product(inner, N) + inner                 // Mamba: A_log (inner×N), D
        // B and C: Mamba's come whole out of the all-reduced x_proj on every rank; Mamba-2's are per group.
        var replicatedScanInputs = 0
        if let R = m.timeStepRank {
            ops.append(Operation(.stateSpaceProjections, .linear(inputs: inner, outputs: R + 2 * N, rows: .queries),
                                 weights: Weights(.stateSpace, ExactCount.product(inner, R + 2 * N)), saved: .init(bytesPerRow: ExactCount(2 * inner)),
                                 tensorShard: .rowPartial(outputs: R + 2 * N)))
            if m.innerNorms {
                ops.append(Operation(.norms, .elementwise(flopsPerRow: ExactCount.product(R + 2 * N, rms), rows: .queries),
                                     weights: Weights(.stateSpace, ExactCount(R + 2 * N))))
            }
            ops += [
                // `dt_proj.weight @ dt`: the bias is added inside the scan (below, element-wise).
                Operation(.stateSpaceProjections, .linear(inputs: R, outputs: inner, rows: .queries),
                          weights: Weights(.stateSpace, ExactCount.product(R, inner) + inner),
                          saved: .init(bytesPerRow: ExactCount(2 * R), replicatedBytesPerRow: ExactCount(2 * R)), tensorShard: .column),
            ]
            replicatedScanInputs = 2 * N
        } else {
            scanWeights = ExactCount(3 * (m.heads ?? 0))                       // Mamba-2: A_log, D, dt_bias per head
        }
        // The selective-scan kernels (mamba_ssm) keep the scan's inputs — x, dt, B, C and the gate z,
        // 16-bit — and recompute the states in the backward pass; the torch path's per-token
        // `inner × d_state` states are not what training runs keep.
        let scanInputs = 3 * inner + 2 * N * (m.variant == .mamba2 ? (m.groups ?? 1) : 1)
        ops.append(Operation(.stateSpaceScan, .scan(m), weights: Weights(.stateSpace, scanWeights),
                             saved: .init(bytesPerRow: ExactCount(2 * scanInputs), replicatedBytesPerRow: ExactCount(2 * replicatedScanInputs)),
                             cache: .recurrentState(convElements: m.convElements, stateElements: inner * N), tensorShard: .column))
        // Discretisation and recurrence per state element (dt·A, exp, dt·B·x, state·dA + dBx: 6),
        // softplus and bias on dt, the D skip and the gate per channel: `full` only.
        ops.append(.elementwise(.stateSpaceElementwise, ExactCount.product(6, inner, N) + ExactCount.product(inner, 4 + 2 + silu + 1)))
        if m.hasGatedNorm {
            // Normalised per group: a rank holding whole groups needs no communication for it.
            ops.append(Operation(.norms, .elementwise(flopsPerRow: ExactCount.product(inner, rms), rows: .queries),
                                 weights: Weights(.stateSpace, ExactCount(inner)), saved: .init(bytesPerRow: ExactCount(2 * inner)),
                                 tensorShard: .column))
        }
        ops.append(Operation(.stateSpaceOutput, .linear(inputs: inner, outputs: d, rows: .queries),
                             weights: Weights(.stateSpace, ExactCount.product(inner, d) + (m.hasOutputBias ? d : 0)),
                             saved: .init(bytesPerRow: ExactCount(2 * inner)), tensorShard: .row(closesBlock: !joinsBlock)))
        if m.hasOutputBias { ops.append(.elementwise(.biasAdds, ExactCount(d))) }
        return ops
    }
}
