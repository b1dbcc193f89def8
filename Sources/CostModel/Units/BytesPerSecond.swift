/// Memory bandwidth.
public struct BytesPerSecond: Sendable, Hashable, CustomStringConvertible {
    public var value: Double
    public init(_ value: Double) { self.value = value }
    public static func giga(_ g: Double) -> BytesPerSecond { BytesPerSecond(g * 1e9) }
    public var gigabytesPerSecond: Double { value / 1e9 }
    public static func * (a: BytesPerSecond, k: Double) -> BytesPerSecond { BytesPerSecond(a.value * k) }

    /// Time to move `bytes` at this rate: `bytes ÷ B/s`.
    public func time(for bytes: Double) -> Seconds { Seconds(bytes / value) }
    /// Time to move `bytes` at this rate: `bytes ÷ B/s`.
    public func time(for bytes: Bytes) -> Seconds { time(for: bytes.value) }

    public var description: String { Quantity.scaled(value, unit: "B/s") }
}
