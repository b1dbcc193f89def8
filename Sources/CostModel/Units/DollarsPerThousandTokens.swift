/// A price (or cost) per 1,000 tokens, the unit API price lists use.
public struct DollarsPerThousandTokens: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var value: Double
    public init(_ value: Double) { self.value = value }
    public static func < (a: Self, b: Self) -> Bool { a.value < b.value }

    /// `tokens ÷ 1000 × $/1K`.
    public func cost(of tokens: Double) -> Dollars { Dollars(tokens / 1000 * value) }

    public var description: String { Dollars.format(value) + "/1K tokens" }
}
