/// An amount of memory, printed in decimal units (`13.5 GB` = 13.5 × 10⁹ bytes), the units
/// datasheets quote memory sizes and bandwidths in.
public struct Bytes: Sendable, Hashable, CustomStringConvertible {
    public var value: Double
    public init(_ value: Double) { self.value = value }

    public static let zero = Bytes(0)
    /// Decimal gigabytes (`value ÷ 10⁹`), the unit tables print memory in.
    public var gigabytes: Double { value / 1e9 }

    public static func + (a: Bytes, b: Bytes) -> Bytes { Bytes(a.value + b.value) }
    /// `k` times the amount (a collective's bytes over its calls, a ring's share of a message).
    public static func * (a: Bytes, k: Double) -> Bytes { Bytes(a.value * k) }
    public var description: String { Quantity.scaled(value, unit: "B") }
}
