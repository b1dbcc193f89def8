/// One kind of communication a training step performs, with its volume and time.
public struct Collective: Sendable, Equatable {
    public var name: String
    /// Bytes each device sends per step (ring algorithms: 2(n−1)/n × message for an all-reduce).
    public var bytesPerDevice: Double
    public var link: String
    public var seconds: Double
    /// Seconds not hidden behind computation (the overlap assumption is in `overlap`).
    public var exposedSeconds: Double
    public var overlap: String
}

/// Ring-collective volumes per device for a message of `bytes` over `n` ranks.
public enum Ring {
    /// All-reduce = reduce-scatter + all-gather: `2(n−1)/n × bytes`.
    public static func allReduce(_ bytes: Double, _ n: Int) -> Double { n <= 1 ? 0 : 2 * Double(n - 1) / Double(n) * bytes }
    /// Reduce-scatter or all-gather alone: `(n−1)/n × bytes`.
    public static func gather(_ bytes: Double, _ n: Int) -> Double { n <= 1 ? 0 : Double(n - 1) / Double(n) * bytes }
    /// Steps of a ring collective (latency term): `2(n−1)` for an all-reduce.
    static func allReduceSteps(_ n: Int) -> Double { n <= 1 ? 0 : 2 * Double(n - 1) }
}
