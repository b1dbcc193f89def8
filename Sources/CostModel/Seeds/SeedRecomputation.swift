/// A seed example recomputed on other hardware: the seed's formula with its "312 TFLOPS" and
/// "$2.2659/h" replaced by a measured or datasheet-at-MFU throughput and that device's price.
public struct SeedRecomputation: Sendable {
    public var id: String
    public var hardware: String
    public var description: String
    /// The figure on the seed's A100 (from `SeedAudit.examples()`), for comparison.
    public var seedValue: Double
    /// `seedValue` formatted like `text`.
    public var seedText: String
    /// The figure on `hardware`; nil when it does not exist (e.g. revenue never covers the cost).
    public var value: Double?
    public var text: String
    public var explanation: Explanation
}
