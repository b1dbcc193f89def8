/// A duration.
public struct Seconds: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var value: Double
    public init(_ value: Double) { self.value = value }
    public init(hours: Double) { value = hours * 3600 }

    public static let zero = Seconds(0)
    public var hours: Double { value / 3600 }
    public var days: Double { value / 86_400 }

    /// Thousandths of a second, for views that print milliseconds (`value × 1000`).
    public var milliseconds: Double { value * 1000 }
    /// Millionths of a second, for link latencies (`value × 10⁶`).
    public var microseconds: Double { value * 1e6 }

    public static func + (a: Seconds, b: Seconds) -> Seconds { Seconds(a.value + b.value) }
    /// What is left of `a` once `b` is hidden behind it (the planner's exposed communication).
    public static func - (a: Seconds, b: Seconds) -> Seconds { Seconds(a.value - b.value) }
    public static func * (a: Seconds, k: Double) -> Seconds { Seconds(a.value * k) }
    public static func / (a: Seconds, k: Double) -> Seconds { Seconds(a.value / k) }
    public static func < (a: Seconds, b: Seconds) -> Bool { a.value < b.value }
    public static func max(_ a: Seconds, _ b: Seconds) -> Seconds { a < b ? b : a }

    /// The largest sensible unit: `1.68e9 s = 19,475.6 days`.
    public var description: String {
        if value >= 86_400 * 2 { return Quantity.grouped(days, fractionDigits: 1) + " days" }
        if value >= 7200 { return Quantity.grouped(hours, fractionDigits: 2) + " h" }
        if value >= 1 { return Quantity.grouped(value, fractionDigits: 3) + " s" }
        return Quantity.scaled(value, unit: "s")
    }
}
