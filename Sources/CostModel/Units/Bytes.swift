/// An amount of memory, printed in decimal units (`13.5 GB` = 13.5 × 10⁹ bytes), the units
/// datasheets quote memory sizes and bandwidths in.
public struct Bytes: Sendable, Hashable, CustomStringConvertible {
    public var value: Double
    public init(_ value: Double) { self.value = value }
    public var description: String { Quantity.scaled(value, unit: "B") }
}
