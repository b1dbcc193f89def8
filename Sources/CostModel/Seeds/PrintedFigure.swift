/// A figure as a seed prints it: the text, its value, and the place of its last printed digit.
///
/// `"约105万美元"` is 1,050,000 printed to the nearest 10,000 (`step`). Our figure *matches*
/// when it rounds to the printed value at that step, or *matches when truncated* when the
/// seed cut digits off instead of rounding.
public struct PrintedFigure: Sendable, Equatable {
    public var text: String
    public var value: Double
    public var step: Double

    public init(_ text: String, value: Double, step: Double) { self.text = text; self.value = value; self.step = step }

    public func agreement(with ours: Double) -> SeedExample.Agreement {
        let scaled = ours / step, target = value / step
        if abs(scaled.rounded() - target) < 1e-6 { return .matches }
        if abs((scaled + 1e-9).rounded(.down) - target) < 1e-6 { return .matchesWhenTruncated }
        return .differs
    }
}
