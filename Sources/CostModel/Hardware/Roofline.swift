/// The one roofline every timed step in llmcost goes through — the cost model's prefill and
/// decode steps, the seed corrections, and the parallel planner's training and serving steps.
///
/// ```
/// compute time = FLOPs ÷ (peak × utilisation)
/// memory time  = bytes ÷ (bandwidth × bandwidth utilisation)
/// step time    = max(compute time, memory time)
/// ```
/// A device either does the arithmetic or moves the bytes faster; the slower of the two bounds
/// the step (Williams, Waterman & Patterson 2009). Keeping the formula in one type means the
/// planner and the cost model cannot drift apart on how a utilisation is applied.
public struct Roofline: Sendable, Equatable {
    /// Datasheet (or measured) peak.
    public var peak: FLOPsPerSecond
    /// Share of `peak` the work reaches, in (0, 1]: a stated MFU, a kernel efficiency, or 1 for an
    /// already-achieved rate.
    public var utilisation: Double
    /// Datasheet (or measured) memory bandwidth; `.infinity` where none is known (compute-bound by assumption).
    public var bandwidth: BytesPerSecond
    /// Share of `bandwidth` a step achieves, in (0, 1].
    public var bandwidthUtilisation: Double

    public init(peak: FLOPsPerSecond, utilisation: Double = 1,
                bandwidth: BytesPerSecond = BytesPerSecond(.infinity), bandwidthUtilisation: Double = 1) {
        self.peak = peak; self.utilisation = utilisation
        self.bandwidth = bandwidth; self.bandwidthUtilisation = bandwidthUtilisation
    }

    /// `peak × utilisation`: the rate the work actually gets.
    public var throughput: FLOPsPerSecond { peak * utilisation }
    /// `bandwidth × bandwidth utilisation`.
    public var effectiveBandwidth: BytesPerSecond { bandwidth * bandwidthUtilisation }

    /// `FLOPs ÷ (peak × utilisation)`.
    public func computeTime(_ flops: Double) -> Seconds { throughput.time(for: flops) }
    /// `bytes ÷ (bandwidth × bandwidth utilisation)`.
    public func memoryTime(_ bytes: Double) -> Seconds { effectiveBandwidth.time(for: bytes) }

    /// One step of `flops` over `bytes`, timed by the slower bound.
    public func step(context: Int = 0, flops: Double, bytes: Double) -> RooflineStep {
        RooflineStep(context: context, flops: flops, bytes: bytes,
                     computeTime: computeTime(flops), memoryTime: memoryTime(bytes))
    }

    /// FLOPs per byte at which the two bounds meet: `peak × utilisation ÷ (bandwidth × utilisation)`.
    public var machineBalance: Double { throughput.value / effectiveBandwidth.value }
}
