/// Electrical power.
public struct Watts: Sendable, Hashable, CustomStringConvertible {
    public var value: Double
    public init(_ value: Double) { self.value = value }
    public static func * (a: Watts, k: Double) -> Watts { Watts(a.value * k) }

    /// Energy drawn over `duration`: `W × h ÷ 1000`.
    public func energy(over duration: Seconds) -> KilowattHours { KilowattHours(value * duration.hours / 1000) }

    public var description: String { Quantity.grouped(value, fractionDigits: 0) + " W" }
}
