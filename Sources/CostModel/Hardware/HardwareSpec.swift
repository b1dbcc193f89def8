import Workload

/// One catalogued device: datasheet peaks, memory, power and a reference rental price.
///
/// Peaks are **dense**: NVIDIA and AMD quote tensor-core figures "with sparsity" (2:4 structured
/// sparsity) that are twice the dense rate; the catalog halves those, since a dense transformer's
/// matmuls cannot use them. A datasheet peak is a ceiling; real training reaches a fraction of it
/// (model FLOP utilisation, MFU), which every cost figure states.
public struct HardwareSpec: Sendable, Equatable {
    public enum Kind: String, Sendable { case gpu, cpu }

    /// Catalog name, lower-case with hyphens: `h100-sxm`.
    public var name: String
    public var displayName: String
    /// Other spellings accepted on the command line.
    public var aliases: [String]
    public var kind: Kind
    /// Dense peak per precision; a precision the device has no peak for is absent.
    public var densePeaks: [Precision: FLOPsPerSecond]
    public var memoryGigabytes: Double
    public var bandwidth: BytesPerSecond
    /// Board power (TDP / maximum configurable power).
    public var tdp: Watts
    /// Indicative price per device-hour; rental prices vary several-fold between providers.
    public var referencePrice: DollarsPerHour
    /// Source of the peaks, memory, bandwidth and power.
    public var specSource: SourceReference
    /// Source of the reference price.
    public var priceSource: SourceReference
    /// The links the device usually sits on (the planner's default fabric and network), part of
    /// the entry so that a new device states them instead of inheriting a guess from its name.
    public var links: NodeLinks

    public init(name: String, displayName: String, aliases: [String] = [], kind: Kind,
                densePeaks: [Precision: FLOPsPerSecond], memoryGigabytes: Double, bandwidth: BytesPerSecond,
                tdp: Watts, referencePrice: DollarsPerHour, specSource: SourceReference, priceSource: SourceReference,
                links: NodeLinks) {
        self.name = name; self.displayName = displayName; self.aliases = aliases; self.kind = kind
        self.densePeaks = densePeaks; self.memoryGigabytes = memoryGigabytes; self.bandwidth = bandwidth
        self.tdp = tdp; self.referencePrice = referencePrice; self.specSource = specSource; self.priceSource = priceSource
        self.links = links
    }

    /// The datasheet memory in bytes (decimal gigabytes × 10⁹, rounded to a whole byte), the one
    /// figure the cost model's device fit and the planner's memory check both compare against
    /// (0 when the figure is not a finite byte count).
    public var memoryBytes: Int128 { Int128(exactly: (memoryGigabytes * 1e9).rounded()) ?? 0 }

    /// The dense peak at `precision`, or an error listing the precisions this device has.
    public func peak(_ precision: Precision) throws(CostError) -> FLOPsPerSecond {
        guard let peak = densePeaks[precision] else {
            let have = Precision.allCases.filter { densePeaks[$0] != nil }.map(\.rawValue).joined(separator: ", ")
            throw CostError(.precision, "\(name) has no \(precision.rawValue) peak in its datasheet (it has: \(have))")
        }
        return peak
    }
}
