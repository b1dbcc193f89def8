import Workload

/// An exact count of floating-point operations.
///
/// Training runs exceed 2^63 FLOPs (GPT-3 on 500B tokens: 5.25·10^23 ≈ 2^79), so the count is an
/// `Int128`, built through Workload's `ExactCount`, whose arithmetic cannot wrap: an overflow
/// becomes a `CountOverflow` error naming the quantity, never a wrapped or rounded figure.
/// Time and money are derived from `approximate` only at the point they become `Double`s.
public struct FLOPs: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    /// The exact count, never negative.
    public let count: Int128

    /// A count that has already been checked (e.g. from Workload's counters).
    public init(_ count: Int128) { precondition(count >= 0, "a FLOP count is never negative"); self.count = count }
    public init(integerLiteral value: Int128) { self.init(value) }

    /// The result of overflow-checked arithmetic, or an error naming `what`.
    public init(_ exact: ExactCount, _ what: @autoclosure () -> String) throws(CountOverflow) {
        self.init(try exact.checked(what()))
    }

    /// Nearest `Double`, for times, prices and ratios (15–16 significant digits).
    public var approximate: Double { Double(count) }

    public static func < (a: FLOPs, b: FLOPs) -> Bool { a.count < b.count }

    /// `a ÷ b` as a ratio (how far an exact count is from a rule of thumb).
    public static func ratio(_ a: FLOPs, _ b: FLOPs) -> Double { a.approximate / b.approximate }

    /// The exact integer: `525000000000000000000000`.
    public var description: String { String(count) }
}
