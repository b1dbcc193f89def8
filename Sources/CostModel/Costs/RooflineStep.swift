/// One model call timed by the roofline (`Roofline`): the slower of doing its FLOPs and moving its bytes.
///
/// ```
/// time = max(FLOPs ÷ (peak × MFU), bytes ÷ (bandwidth × bandwidth utilisation))
/// ```
public struct RooflineStep: Sendable, Equatable {
    public enum Bound: String, Sendable { case compute, memory }

    /// Cached positions per sequence when the step runs (0 for prefill).
    public var context: Int
    public var flops: Double
    public var bytes: Double
    public var computeTime: Seconds
    public var memoryTime: Seconds

    /// A step whose two times `Roofline` has already worked out.
    init(context: Int, flops: Double, bytes: Double, computeTime: Seconds, memoryTime: Seconds) {
        self.context = context; self.flops = flops; self.bytes = bytes
        self.computeTime = computeTime; self.memoryTime = memoryTime
    }

    /// A step at already-derated rates: `throughput` is `peak × MFU`, `bandwidth` is
    /// `bandwidth × utilisation` (what `HardwareProfile.effectiveThroughput` and `effectiveBandwidth` give).
    public init(context: Int, flops: Double, bytes: Double, throughput: FLOPsPerSecond, bandwidth: BytesPerSecond) {
        self = Roofline(peak: throughput, bandwidth: bandwidth).step(context: context, flops: flops, bytes: bytes)
    }

    public var time: Seconds { Seconds.max(computeTime, memoryTime) }
    public var bound: Bound { computeTime < memoryTime ? .memory : .compute }
    /// FLOPs per byte moved; compare with the machine balance (`Roofline.machineBalance`).
    public var arithmeticIntensity: Double { flops / bytes }
}
