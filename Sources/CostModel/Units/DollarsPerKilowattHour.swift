/// An electricity tariff.
public struct DollarsPerKilowattHour: Sendable, Hashable, CustomStringConvertible {
    public var value: Double
    public init(_ value: Double) { self.value = value }
    public func cost(of energy: KilowattHours) -> Dollars { Dollars(value * energy.value) }
    public var description: String { "$" + Quantity.grouped(value, fractionDigits: 3) + "/kWh" }
}
