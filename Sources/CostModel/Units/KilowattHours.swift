/// Electrical energy.
public struct KilowattHours: Sendable, Hashable, CustomStringConvertible {
    public var value: Double
    public init(_ value: Double) { self.value = value }
    public static func * (a: KilowattHours, k: Double) -> KilowattHours { KilowattHours(a.value * k) }

    public var description: String { Quantity.grouped(value, fractionDigits: value >= 100 ? 0 : 3) + " kWh" }
}
