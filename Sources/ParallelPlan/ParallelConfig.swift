/// How a training job is split over devices.
public struct ParallelConfig: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Tensor parallelism (Megatron-LM): each layer's matrices split over `tp` devices.
    public var tp: Int
    /// Pipeline parallelism: the layers split into `pp` stages.
    public var pp: Int
    /// Data parallelism: `dp` replicas of the (tp × pp) model.
    public var dp: Int
    /// Expert parallelism inside the data-parallel group: experts spread over `ep` ranks.
    public var ep: Int
    /// ZeRO stage over the data-parallel group (0: none, 1: optimizer, 2: + gradients, 3: + parameters).
    public var zero: Int
    /// Megatron sequence parallelism (norms and dropout split along the sequence over the TP group).
    public var sequenceParallel: Bool
    /// Micro-batches per step per pipeline (1F1B schedule).
    public var microBatches: Int
    /// Model chunks per pipeline stage: 1 is plain 1F1B; v > 1 is Megatron-LM's interleaved
    /// schedule (Narayanan et al. 2021, §2.2.2), each device holding v non-adjacent chunks of
    /// layers, which divides the bubble by v and multiplies the stage-to-stage traffic by v.
    public var virtualStages = 1
    /// Allow layers not divisible by `pp`: the busiest stage holds ⌈L/P⌉ layers (as when a
    /// framework counts the embedding and the head as pipeline layers: BLOOM's 70 layers on 12
    /// stages). Off for every plan the CLI builds or searches — there the layers must divide.
    public var unevenStages = false
    /// The framework hides expert all-to-alls behind other micro-batches' computation
    /// (DeepSeek-V3's DualPipe), their kernels holding `expertCommunicationUnits` of the device's
    /// SMs meanwhile (`computeUnitShare(on:)`). Off for every plan the CLI builds or searches:
    /// Megatron-LM's default schedule waits for them.
    public var overlapsExpertAllToAll = false

    public init(tp: Int = 1, pp: Int = 1, dp: Int = 1, ep: Int = 1, zero: Int = 0, sequenceParallel: Bool = false, microBatches: Int = 1) {
        self.tp = tp; self.pp = pp; self.dp = dp; self.ep = ep; self.zero = zero
        self.sequenceParallel = sequenceParallel; self.microBatches = microBatches
    }

    public var devices: Int { tp * pp * dp }

    /// Layers of a stack on the busiest pipeline stage.
    func stageLayers(_ layers: Int) -> Int { unevenStages ? (layers + pp - 1) / pp : layers / pp }

    /// Idle fraction of a 1F1B pipeline: `(P − 1) / (v·M + P − 1)` (Narayanan et al. 2021, the
    /// interleaved schedule's bubble (P − 1)/(v·M) of the compute; v = 1 without interleaving).
    public var bubbleFraction: Double { Double(pp - 1) / (Double(virtualStages) * Double(microBatches) + Double(pp - 1)) }

    public var description: String {
        "tp\(tp)·pp\(pp)" + (virtualStages > 1 ? "×v\(virtualStages)" : "") + "·dp\(dp)" + (ep > 1 ? "·ep\(ep)" : "") + (zero > 0 ? " zero\(zero)" : "")
            + (sequenceParallel ? " sp" : "") + " m\(microBatches)"
    }
}
