import CostModel

/// One kind of communication a training step performs, with its volume and time.
public struct Collective: Sendable, Equatable {
    public var name: String
    /// Which parallel dimension it serves: `DP` (data, incl. ZeRO and expert-data groups), `TP`, `PP`, `EP`.
    public var group: String
    /// Every `group` a collective can serve, in the order reports list them.
    public static let groups = ["DP", "TP", "PP", "EP"]
    /// Bytes each device sends per step, summed over `count` calls (ring algorithms: 2(n−1)/n ×
    /// message for an all-reduce, (n−1)/n for a reduce-scatter or all-gather).
    public var bytesPerDevice: Bytes
    /// Calls per step (1 for a once-per-step gradient sync, M per micro-batch, …).
    public var count: Int
    /// Ranks in the group.
    public var ranks: Int
    /// The link it runs over (its figures and their sources, for an explanation).
    public var link: Interconnect
    /// `bytes ÷ bandwidth + ring steps × latency`, summed over the calls.
    public var time: Seconds
    /// Time not hidden behind computation (the overlap assumption is in `overlap`).
    public var exposedTime: Seconds
    public var overlap: String
    /// How `bytesPerDevice` is made, in symbols.
    public var formula: String
}

/// Ring-collective volumes per device for a message of `bytes` over `n` ranks.
public enum Ring {
    /// All-reduce = reduce-scatter + all-gather: `2(n−1)/n × bytes`.
    public static func allReduce(_ bytes: Bytes, _ n: Int) -> Bytes { n <= 1 ? .zero : bytes * (2 * Double(n - 1) / Double(n)) }
    /// Reduce-scatter or all-gather alone: `(n−1)/n × bytes`.
    public static func gather(_ bytes: Bytes, _ n: Int) -> Bytes { n <= 1 ? .zero : bytes * (Double(n - 1) / Double(n)) }
    /// Steps of a ring collective (latency term): `2(n−1)` for an all-reduce.
    static func allReduceSteps(_ n: Int) -> Double { n <= 1 ? 0 : 2 * Double(n - 1) }
    /// Steps of a ring reduce-scatter or all-gather: `n − 1`.
    static func gatherSteps(_ n: Int) -> Double { n <= 1 ? 0 : Double(n - 1) }
}
