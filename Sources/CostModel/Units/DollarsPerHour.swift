/// A rental (or amortised) price per device-hour.
public struct DollarsPerHour: Sendable, Hashable, CustomStringConvertible {
    public var value: Double
    public init(_ value: Double) { self.value = value }
    public static func * (a: DollarsPerHour, k: Double) -> DollarsPerHour { DollarsPerHour(a.value * k) }

    /// `$/h ÷ 3600`, the seeds' "price per second".
    public var perSecond: Double { value / 3600 }
    /// Cost of renting for `duration`: `$/h × hours`.
    public func cost(for duration: Seconds) -> Dollars { Dollars(value * duration.hours) }

    public var description: String { "$" + Quantity.grouped(value, fractionDigits: 4) + "/h" }
}
