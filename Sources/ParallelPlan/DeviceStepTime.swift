import CostModel
import Workload

/// The compute side of one training step on the busiest device, priced operation by operation
/// from the model's operations and the device's datasheet — what replaces "FLOPs ÷ (efficiency ×
/// peak)" in a plan's step time.
///
/// ```
/// weight GEMMs   each layer's linear operations at their sharded shapes (forward, dX, dW, and
///                the forward again under full recomputation), each max(FLOPs ÷ (peak · m · η ·
///                tile/wave efficiency of its output shape), bytes ÷ bandwidth), m the fraction of
///                peak a matmul was measured to reach on the device (`AchievableMatmul`)
/// attention      the exact attention-core FLOPs on the device, FlashAttention-style: a causal
///                stack computes half of the scores (the masked half is skipped), the backward
///                recomputes the scores (2.5 × the forward, not 2 ×), at the FlashAttention-2
///                paper's lower figure of 50 % of peak
/// other compute  scans, depthwise convolutions, delta rules (exact FLOPs) at peak · m · η
/// element-wise   4 × the activations a layer keeps (each written and read once forward; read,
///                and its gradient written, backward) at the achievable bandwidth
///                (`Accelerator.bandwidth`: the datasheet's × a measured fraction)
/// optimizer      Adam over the parameters whose state the device holds: fp32 weight, m and v
///                read and written, the gradient read and the bf16 weight written (28 bytes each)
/// ```
/// `η` (`TrainingJob.kernelEfficiency`) is the one figure that cannot be derived from a
/// datasheet or a matmul benchmark: the fraction of the device's achievable matmul rate (peak · m)
/// a large GEMM sustains inside a training framework. Its default
/// is fitted on the published runs (`PublishedRunFit`), never per run.
public struct DeviceStepTime: Sendable, Equatable {
    public var gemm: Seconds
    public var attention: Seconds
    public var otherCompute: Seconds
    public var elementwise: Seconds
    public var optimizer: Seconds
    /// Tile/wave efficiency of the weight GEMMs as a whole: their FLOPs ÷ Σ (FLOPs ÷ each one's
    /// shape efficiency), so FLOPs ÷ (peak · m · η · it) is their compute time (1 without published units).
    public var gemmShapeEfficiency: Double

    public var total: Seconds { gemm + attention + otherCompute + elementwise + optimizer }

    /// This step with its compute-bound parts on `share` of the device's compute units (the rest
    /// running communication kernels beside them); the memory-bound parts keep the bandwidth.
    func onUnitShare(_ share: Double) -> DeviceStepTime {
        guard share > 0, share < 1 else { return self }
        var copy = self
        copy.gemm = gemm / share; copy.attention = attention / share; copy.otherCompute = otherCompute / share
        return copy
    }

    /// The compute-bound part (what a micro-batch's collectives can hide behind).
    public var computeBound: Seconds { gemm + attention + otherCompute }
    /// The memory-bound part.
    public var memoryBound: Seconds { elementwise + optimizer }

    /// FlashAttention-2's lower figure on A100: "50–73 % of the theoretical maximum FLOPs/s"
    /// (Dao 2023, arXiv:2307.08691, abstract); training lengths with a causal mask sit at the low end.
    /// A check on Hopper: DeepSeek's published training profile (github.com/deepseek-ai/profile-data,
    /// `train.json`: H800, MLA heads 192/128, one causal 4K sequence per micro-batch) spends 1.24 ms per
    /// layer in the forward kernel (56 % of the BF16 peak) and 3.78 ms in the backward (46 %, 2.5 ×
    /// the forward's FLOPs).
    public static let attentionEfficiency = 0.5
    /// Bytes Adam moves per parameter whose state a device holds.
    static let optimizerBytesPerParameter = 28.0
    /// Element-wise traffic per byte of activations a layer keeps.
    static let elementwiseTrafficPerSavedByte = 4.0
    /// The forward's half of it (each kept activation written and read once): what a serving
    /// step's element-wise kernels move.
    static let forwardElementwiseTrafficPerSavedByte = elementwiseTrafficPerSavedByte / 2
}

extension ParallelConfig {
    /// Compute units DeepSeek-V3's DualPipe gives the expert all-to-all kernels while they overlap
    /// computation: "only 20 SMs are sufficient to fully utilize the bandwidths of IB and NVLink"
    /// (DeepSeek-V3 Technical Report, arXiv:2412.19437, §3.2.2). Computation keeps the rest.
    static let expertCommunicationUnits = 20

    /// The share of the device's units computation runs on: all of them, except where the plan
    /// overlaps the expert all-to-alls with computation through kernels that hold SMs.
    func computeUnitShare(on device: Accelerator) -> Double {
        guard overlapsExpertAllToAll, ep > 1 else { return 1 }
        return device.computeUnitShare(reserving: Self.expertCommunicationUnits)
    }

    /// The busiest device's compute for one step of `job` (all `microBatches` micro-batches).
    /// `memory` is the plan's own (its optimizer component says whose Adam state the device holds).
    func deviceStepTime(_ job: TrainingJob, counts: JobCounts, micro: Int, memory: PlanMemory, on device: Accelerator) -> DeviceStepTime {
        let peak = device.achievableMatmulPeak.value, bandwidth = device.bandwidth.value, eta = job.kernelEfficiency
        let units = device.spec.computeUnits
        // Shapes as Doubles: a hostile plan's rows × top-k × ep can pass Int's range.
        let rows = Double(micro) * Double(job.seq), M = Double(microBatches)
        // Σ FLOPs ÷ shape efficiency and Σ FLOPs: their ratio is the efficiency that turns the
        // GEMMs' FLOPs into their time (a FLOP-weighted harmonic mean).
        var gemmSeconds = 0.0, gemmFLOPs = 0.0, paddedFLOPs = 0.0
        func gemm(_ m: Double, _ n: Double, _ k: Double, times: Double) {
            guard m >= 1, n >= 1, k >= 1, times > 0 else { return }
            let flops = 2 * m * n * k
            let shape = units?.shapeEfficiency(m: Int(min(m, 1e15)), n: Int(min(n, 1e15))) ?? 1
            let bytes = 2 * (m * k + k * n + m * n)
            gemmSeconds += times * max(flops / (peak * eta * shape), bytes / bandwidth)
            gemmFLOPs += times * flops; paddedFLOPs += times * flops / shape
        }
        let forwardPasses = job.recompute == .full ? 2.0 : 1.0
        func linear(_ op: Operation, moe: MoESpec?, layers: Double, inHead: Bool = false) {
            guard case let .linear(inputs, outputs, copies, which) = op.work else { return }
            var m = which == .firstToken ? Double(micro) : rows
            var n = Double(outputs), k = Double(inputs), calls = Double(copies)
            let t = Double(tp)
            switch op.tensorShard {
            case .column: n = max(1, (n / t).rounded(.down))
            case .row, .rowPartial: k = max(1, (k / t).rounded(.down))
            // The LM head is vocabulary-parallel (Megatron-LM): its outputs split over the TP ranks.
            case .replicated: if op.component == .lmHead { n = max(1, (n / t).rounded(.down)) }
            }
            // Full recomputation re-runs each layer's forward, not the head's.
            let forwardPasses = inHead ? 1.0 : forwardPasses
            if op.component == .experts, let moe, moe.experts > 0 {
                // Each rank runs its E/ep experts on the tokens the ep group routes to them.
                m = max(1, (rows * Double(copies) * Double(ep) / Double(moe.experts)).rounded(.down))
                calls = Double(moe.experts / max(1, ep))
            }
            gemm(m, n, k, times: layers * M * calls * forwardPasses)
            if op.backwardProducts > 0 {
                gemm(m, k, n, times: layers * M * calls)      // dX
                gemm(k, n, m, times: layers * M * calls)      // dW
            }
        }
        for stack in counts.operations.stacks {
            let share = Double(stageLayers(stack.spec.layers)) / Double(max(1, stack.spec.layers))
            for group in stack.layers {
                for op in group.operations { linear(op, moe: stack.spec.moe, layers: Double(group.count) * share) }
            }
        }
        // The head's GEMMs run on the last stage, once per micro-batch.
        for op in counts.operations.head { linear(op, moe: nil, layers: 1, inHead: true) }

        let devices = Double(self.devices)
        let attentionSeconds = counts.flashAttentionFLOPs / devices / (device.attentionPeak.value * DeviceStepTime.attentionEfficiency)
        let otherSeconds = counts.otherComputeFLOPs / devices / (peak * eta)

        var savedBytes = 0.0
        for stack in counts.operations.stacks {
            let perLayer = Self.activationBytesPerLayer(stack, hidden: job.spec.hiddenSize, seq: job.seq, micro: micro,
                                                        tp: tp, sp: sequenceParallel, recompute: .selective)
            savedBytes += Double(perLayer.value) * Double(stageLayers(stack.spec.layers)) * M
        }
        let elementwise = DeviceStepTime.elementwiseTrafficPerSavedByte * savedBytes / bandwidth
        let optimizerParameters = memory.components.first { $0.name == "optimizer_fp32" }
            .map { Double($0.bytes.value) / Double(AdamState.optimizerBytes) } ?? 0
        let optimizer = DeviceStepTime.optimizerBytesPerParameter * optimizerParameters / bandwidth
        return DeviceStepTime(gemm: Seconds(gemmSeconds), attention: Seconds(attentionSeconds), otherCompute: Seconds(otherSeconds),
                              elementwise: Seconds(elementwise), optimizer: Seconds(optimizer),
                              gemmShapeEfficiency: paddedFLOPs > 0 ? gemmFLOPs / paddedFLOPs : 1)
    }
}

extension JobCounts {
    /// The step's attention-core FLOPs as FlashAttention computes them: half of a causal stack's
    /// self-attention scores and values (the masked half is skipped), all of a bidirectional or
    /// cross-attention's. Its backward recomputes the scores from Q and K rather than reading a
    /// saved matrix: five products to the forward's two (Dao 2023, arXiv:2307.08691, §3.1.2),
    /// 2.5 × the forward where autograd's count says 2 ×; full recomputation adds one more forward.
    /// `report` is the step's exact count, whose un-prefixed attention products are 3 × forward.
    static func flashAttentionFLOPs(_ report: FlopReport, _ operations: ModelOperations, recompute: Recompute) -> Double {
        let forwards = (recompute == .full ? 2.0 : 1.0) + flashBackwardPerForward
        return operations.stacks.reduce(0.0) { total, stack in
            let prefix = operations.spec.isEncoderDecoder ? "\(stack.role.rawValue)." : ""
            let selfFLOPs = Double(report.flops(exactly: prefix + FlopComponentName.attentionScores.name, prefix + FlopComponentName.attentionValues.name))
            let crossFLOPs = Double(report.flops(exactly: prefix + FlopComponentName.crossAttentionScores.name, prefix + FlopComponentName.crossAttentionValues.name))
            return total + (selfFLOPs * (stack.spec.causal ? 0.5 : 1.0) + crossFLOPs) / 3 * forwards
        }
    }

    /// FlashAttention's backward in forward-products: S = QKᵀ again, dV, dP, dQ and dK (5 of 2).
    static let flashBackwardPerForward = 2.5

    /// The step's scans, depthwise convolutions and delta rules: compute that is neither a weight GEMM nor attention.
    static func otherComputeFLOPs(_ report: FlopReport) -> Double {
        let names: [FlopComponentName] = [.stateSpaceConv, .stateSpaceScan, .linearAttentionConv, .linearAttentionCore]
        return report.components.filter { c in names.contains { c.name.hasSuffix($0.name) } }.reduce(0.0) { $0 + Double($1.flops.value) }
    }
}
