/// Throughput in floating-point (or integer, for int8) operations per second.
public struct FLOPsPerSecond: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var value: Double
    public init(_ value: Double) { self.value = value }
    public static func tera(_ t: Double) -> FLOPsPerSecond { FLOPsPerSecond(t * 1e12) }
    public static func giga(_ g: Double) -> FLOPsPerSecond { FLOPsPerSecond(g * 1e9) }

    public var teraFLOPs: Double { value / 1e12 }
    public static func * (a: FLOPsPerSecond, k: Double) -> FLOPsPerSecond { FLOPsPerSecond(a.value * k) }
    public static func < (a: FLOPsPerSecond, b: FLOPsPerSecond) -> Bool { a.value < b.value }

    /// Time to run `flops` at this rate: `FLOPs ÷ FLOP/s`.
    public func time(for flops: Double) -> Seconds { Seconds(flops / value) }
    public func time(for flops: FLOPs) -> Seconds { time(for: flops.approximate) }

    public var description: String { Quantity.scaled(value, unit: "FLOP/s") }
}
