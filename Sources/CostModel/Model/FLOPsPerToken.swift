import Workload

/// An exact rate: `flops` FLOPs for every `tokens` tokens (e.g. one training step's FLOPs over
/// its batch × seq tokens). Kept as a fraction so totals for D tokens stay exact integers.
public struct FLOPsPerToken: Sendable, Equatable, CustomStringConvertible {
    public var flops: Int128
    public var tokens: Int128

    public init(flops: Int128, tokens: Int128) { self.flops = flops; self.tokens = tokens }
    public init(perToken: Int128) { self.init(flops: perToken, tokens: 1) }

    /// The rate as a decimal (for display and ratios).
    public var value: Double { Double(flops) / Double(tokens) }

    /// `flops × D ÷ tokens`, rounded down to a whole FLOP (exact when `tokens` divides `flops × D`).
    public func total(forTokens d: Int128) throws(CountOverflow) -> FLOPs {
        try FLOPs(ExactCount(flops) * ExactCount(d) / ExactCount(tokens), "FLOPs for \(d) tokens")
    }

    public var description: String { tokens == 1 ? "\(flops) FLOP/token" : "\(flops) FLOP / \(tokens) tokens" }
}
