import Foundation

/// An amount of money in US dollars. A `Double` is exact enough for money at the scale of these
/// estimates (15–16 significant digits); inputs are validated so it is always finite.
public struct Dollars: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var value: Double
    public init(_ value: Double) { self.value = value }

    public static let zero = Dollars(0)
    public static func + (a: Dollars, b: Dollars) -> Dollars { Dollars(a.value + b.value) }
    public static func - (a: Dollars, b: Dollars) -> Dollars { Dollars(a.value - b.value) }
    public static func * (a: Dollars, k: Double) -> Dollars { Dollars(a.value * k) }
    public static func / (a: Dollars, k: Double) -> Dollars { Dollars(a.value / k) }
    public static func < (a: Dollars, b: Dollars) -> Bool { a.value < b.value }

    /// `$1,059,114.58`; amounts under a dollar keep more digits (`$0.0071657`).
    public var description: String { Dollars.format(value) }

    static func format(_ v: Double) -> String {
        guard v.isFinite else { return "—" }
        let magnitude = abs(v)
        // Under a dollar: five significant digits, at least two decimals ($0.13, $0.0071657).
        // log10 of a finite positive Double lies in [-324, 309]: the conversion is exact.
        let decade = Int(exactly: log10(magnitude).rounded(.down)) ?? 0
        let digits = magnitude >= 1 || magnitude == 0 ? 2 : max(2, 4 - decade)
        return (v < 0 ? "-$" : "$") + Quantity.grouped(magnitude, fractionDigits: digits).trimmingZeros(keeping: 2)
    }
}
