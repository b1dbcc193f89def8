/// An exact non-negative count (parameters, FLOPs, bytes) whose arithmetic cannot wrap.
///
/// Counts of large training runs exceed 2^63, so the value is an `Int128`; arithmetic that would
/// leave its range does not trap and does not wrap — the result becomes *overflowed*, a sticky
/// state that survives every later operation and that `checked(_:)` turns into an error. Formulas
/// can therefore be written with ordinary operators and checked once, where the figure is reported.
public struct ExactCount: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The exact value; meaningless when `isOverflowed`.
    public private(set) var value: Int128
    /// True once any operation leading to this value left the range of `Int128`.
    public private(set) var isOverflowed: Bool

    public static let zero = ExactCount(0)

    public init(_ value: Int) { self.value = Int128(value); isOverflowed = false }
    public init(_ value: Int128) { self.value = value; isOverflowed = false }
    private init(value: Int128, overflowed: Bool) { self.value = value; isOverflowed = overflowed }

    public static let overflowed = ExactCount(value: 0, overflowed: true)

    public static func + (a: ExactCount, b: ExactCount) -> ExactCount {
        let (r, o) = a.value.addingReportingOverflow(b.value)
        return ExactCount(value: r, overflowed: o || a.isOverflowed || b.isOverflowed)
    }

    public static func - (a: ExactCount, b: ExactCount) -> ExactCount {
        let (r, o) = a.value.subtractingReportingOverflow(b.value)
        return ExactCount(value: r, overflowed: o || a.isOverflowed || b.isOverflowed)
    }

    public static func * (a: ExactCount, b: ExactCount) -> ExactCount {
        let (r, o) = a.value.multipliedReportingOverflow(by: b.value)
        return ExactCount(value: r, overflowed: o || a.isOverflowed || b.isOverflowed)
    }

    /// Exact division; only used where the divisor is known to divide (e.g. n(n+1)/2).
    public static func / (a: ExactCount, b: ExactCount) -> ExactCount {
        guard b.value != 0 else { return .overflowed }
        return ExactCount(value: a.value / b.value, overflowed: a.isOverflowed || b.isOverflowed)
    }

    public static func + (a: ExactCount, b: Int) -> ExactCount { a + ExactCount(b) }
    public static func * (a: ExactCount, b: Int) -> ExactCount { a * ExactCount(b) }
    public static func * (a: Int, b: ExactCount) -> ExactCount { ExactCount(a) * b }
    public static func += (a: inout ExactCount, b: ExactCount) { a = a + b }

    public static func < (a: ExactCount, b: ExactCount) -> Bool { a.value < b.value }

    /// The product of sizes, e.g. `ExactCount.product(2, batch, seq, d)`.
    public static func product(_ factors: Int...) -> ExactCount {
        factors.reduce(ExactCount(1)) { $0 * ExactCount($1) }
    }

    /// The value, or an error naming what overflowed.
    public func checked(_ what: @autoclosure () -> String) throws(CountOverflow) -> Int128 {
        if isOverflowed || value < 0 { throw CountOverflow(quantity: what()) }
        return value
    }

    /// Approximate value for ratios and human units; exact figures are printed from `value`.
    public var doubleValue: Double { isOverflowed ? .infinity : Double(value) }

    public var description: String { isOverflowed ? "overflow" : String(value) }
}

/// A count too large for 128 bits: an error, never a wrapped figure.
public struct CountOverflow: Error, Sendable, CustomStringConvertible {
    public var quantity: String
    public var description: String {
        "the \(quantity) exceeds 2^127 and cannot be represented exactly; reduce the sizes"
    }
}
