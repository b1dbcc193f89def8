/// One model call timed by the roofline: the slower of doing its FLOPs and moving its bytes.
///
/// ```
/// time = max(FLOPs ÷ (peak × MFU), bytes ÷ (bandwidth × bandwidth utilisation))
/// ```
/// `throughput` and `bandwidth` are the effective (derated) rates.
public struct RooflineStep: Sendable, Equatable {
    public enum Bound: String, Sendable { case compute, memory }

    /// Cached positions per sequence when the step runs (0 for prefill).
    public var context: Int
    public var flops: Double
    public var bytes: Double
    public var computeTime: Seconds
    public var memoryTime: Seconds

    public init(context: Int, flops: Double, bytes: Double, throughput: FLOPsPerSecond, bandwidth: BytesPerSecond) {
        self.context = context; self.flops = flops; self.bytes = bytes
        computeTime = throughput.time(for: flops)
        memoryTime = bandwidth.time(for: bytes)
    }

    public var time: Seconds { Seconds.max(computeTime, memoryTime) }
    public var bound: Bound { computeTime < memoryTime ? .memory : .compute }
    /// FLOPs per byte moved; compare with the machine balance `peak × MFU ÷ (bandwidth × utilisation)`.
    public var arithmeticIntensity: Double { flops / bytes }
}
