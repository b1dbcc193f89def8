/// One worked example of a seed article: its inputs, its printed figure, the figure its own
/// formula gives from those inputs, and the corrected figure with the reason.
public struct SeedExample: Sendable {
    public enum Agreement: String, Sendable {
        /// Ours rounds to the printed figure at the printed precision.
        case matches
        /// Ours agrees once cut (not rounded) to the printed precision.
        case matchesWhenTruncated = "matches_when_truncated"
        case differs
        /// The seed prints a formula or a unit, not a number to compare.
        case notPrinted = "not_printed"
    }

    public struct Input: Sendable, Equatable {
        public var name: String
        public var value: Double
        public var unit: String
        public init(_ name: String, _ value: Double, _ unit: String) { self.name = name; self.value = value; self.unit = unit }
    }

    public var id: String
    /// File under `seeds/` the example comes from.
    public var seedFile: String
    public var description: String
    /// The seed's formula, as the seed states it.
    public var formula: String
    public var inputs: [Input]
    /// The seed's figure as printed; nil when it prints none.
    public var printed: PrintedFigure?
    /// The seed's formula evaluated on the seed's inputs.
    public var ours: Double
    public var oursText: String
    /// The corrected figure; nil when the seed's figure stands (`correctedText` nil too) or when
    /// the corrected quantity does not exist (`correctedText` says why, e.g. "never: …").
    public var corrected: Double?
    public var correctedText: String?
    public var reason: String
    /// Ids of the upstream examples whose corrected figures this corrected figure is computed
    /// from (the corrected chain); empty when its correction is its own.
    public var inherits: [String] = []

    public var agreement: Agreement { printed?.agreement(with: ours) ?? .notPrinted }
    /// True when the seed's printed figure is what its formula gives at its printed precision.
    public var matches: Bool { agreement == .matches || agreement == .matchesWhenTruncated }
}
