import Workload

/// One catalogued device: datasheet peaks, memory, power and a reference rental price.
///
/// Peaks are **dense**: NVIDIA and AMD quote tensor-core figures "with sparsity" (2:4 structured
/// sparsity) that are twice the dense rate; the catalog halves those, since a dense transformer's
/// matmuls cannot use them. A datasheet peak is a ceiling; real training reaches a fraction of it
/// (model FLOP utilisation, MFU), which every cost figure states.
public struct HardwareSpec: Sendable, Equatable {
    public enum Kind: String, Sendable { case gpu, cpu, tpu, accelerator, soc }

    /// Catalog name, lower-case with hyphens: `h100-sxm`.
    public var name: String
    public var displayName: String
    /// Other spellings accepted on the command line.
    public var aliases: [String]
    public var kind: Kind
    /// Dense peak per precision; a precision the device has no peak for is absent.
    public var densePeaks: [Precision: FLOPsPerSecond]
    /// The 2:4 structured-sparsity peak per precision, where the datasheet prints one (shown by
    /// `llmcost hardware`; costs use the dense peaks). Absent where none is published.
    public var sparsePeaks: [Precision: FLOPsPerSecond]
    public var memoryGigabytes: Double
    public var bandwidth: BytesPerSecond
    /// Board power (TDP / maximum configurable power); `nil` where the vendor publishes none
    /// (Cloud TPUs, Apple's SoCs).
    public var tdp: Watts?
    /// Indicative price per device-hour; rental prices vary several-fold between providers.
    /// `nil` for a device with no rental price of record (a workstation card, a laptop SoC):
    /// costs on it need the `pricePerHour` parameter.
    public var referencePrice: DollarsPerHour?
    /// Source of the peaks, memory, bandwidth and power.
    public var specSource: SourceReference
    /// Source of the reference price (`nil` with the price).
    public var priceSource: SourceReference?
    /// The links the device usually sits on (the planner's default fabric and network), part of
    /// the entry so that a new device states them instead of inheriting a guess from its name.
    /// `nil` where the catalog has no entry for its fabric (TPU ICI, Gaudi's on-chip RoCE, a
    /// single workstation or laptop): plans on it need the links given.
    public var links: NodeLinks?
    /// The GPU's compute units (SMs, CUs) and GEMM tile, where the count is published: what
    /// decides how much of the peak a product of a given shape can use. nil for devices whose
    /// matrix units are not tiled this way (TPUs, Gaudi, CPUs, Apple SoCs): no wave term.
    public var computeUnits: ComputeUnits?
    /// The fraction of the BF16 peak a matmul reaches on this device when measured (`AchievableMatmul`);
    /// nil where nobody published a measurement (`matmulCeiling` then gives the measured devices' median).
    public var achievableMatmul: AchievableMatmul?
    /// The fraction of the FP8 peak an FP8 matmul was measured to reach, where published; other
    /// devices' FP8 GEMMs take the BF16 fraction (`matmulCeiling(_:)`).
    public var achievableFP8Matmul: AchievableMatmul?
    /// The fraction of `bandwidth` a memory-bound kernel was measured to reach on this device
    /// (`AchievableBandwidth`); nil where nobody published one (`bandwidthCeiling` then gives the
    /// measured devices' median).
    public var achievableBandwidth: AchievableBandwidth?

    public init(name: String, displayName: String, aliases: [String] = [], kind: Kind,
                densePeaks: [Precision: FLOPsPerSecond], sparsePeaks: [Precision: FLOPsPerSecond] = [:],
                memoryGigabytes: Double, bandwidth: BytesPerSecond,
                tdp: Watts?, referencePrice: DollarsPerHour?, specSource: SourceReference, priceSource: SourceReference?,
                links: NodeLinks?) {
        self.name = name; self.displayName = displayName; self.aliases = aliases; self.kind = kind
        self.densePeaks = densePeaks; self.sparsePeaks = sparsePeaks; self.memoryGigabytes = memoryGigabytes; self.bandwidth = bandwidth
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
            throw CostError(.precision, "\(name) has no \(precision.rawValue) peak in its datasheet (it has: \(have.isEmpty ? "none published" : have))")
        }
        return peak
    }

    /// This device with the 2:4-sparsity peaks its datasheet prints beside (or instead of) the
    /// dense ones: twice the dense rate at each of `precisions` (tensor-core formats; FP32 has none).
    public func withSparsePeaksTwiceDense(at precisions: [Precision] = [.tf32, .bf16, .fp16, .fp8, .fp4, .int8]) -> HardwareSpec {
        var copy = self
        for precision in precisions { if let dense = densePeaks[precision] { copy.sparsePeaks[precision] = dense * 2 } }
        return copy
    }

    /// This device with `count` compute units of the catalog's GEMM tile (`ComputeUnits`).
    func withComputeUnits(_ count: Int) -> HardwareSpec {
        var copy = self
        copy.computeUnits = ComputeUnits(count: count, source: HardwareCatalog.matmulGuide)
        return copy
    }

    /// This device with the matmul fraction `mamfDevice` measured (a row of `HardwareCatalog.measuredMatmul`).
    func withMeasuredMatmul(_ mamfDevice: String, note: String? = nil) -> HardwareSpec {
        var copy = self
        copy.achievableMatmul = HardwareCatalog.measuredMatmul(mamfDevice, note: note)
        return copy
    }

    /// The fraction of the peak a matmul can reach here: measured, or the measured devices' median.
    public var matmulCeiling: AchievableMatmul { achievableMatmul ?? HardwareCatalog.unmeasuredMatmul }

    /// The ceiling at `precision`: the FP8 measurement for FP8 where one is published, else the
    /// BF16 fraction (`matmulCeiling`), which no other precision has a published figure to replace.
    public func matmulCeiling(_ precision: Precision) -> AchievableMatmul {
        precision == .fp8 ? achievableFP8Matmul ?? matmulCeiling : matmulCeiling
    }

    /// This device with DeepGEMM's FP8 figure (`HardwareCatalog.deepGEMMFP8`), noted as `note` says it applies.
    func withMeasuredFP8Matmul(note: String? = nil) -> HardwareSpec {
        var copy = self
        copy.achievableFP8Matmul = HardwareCatalog.deepGEMMFP8(note: note)
        return copy
    }

    /// The fraction of the datasheet bandwidth a memory-bound kernel can reach here: measured, or
    /// the measured devices' median.
    public var bandwidthCeiling: AchievableBandwidth { achievableBandwidth ?? HardwareCatalog.unmeasuredBandwidth }

    /// This device with the bandwidth fraction measured on `device` (a row of `HardwareCatalog.measuredBandwidth`).
    func withMeasuredBandwidth(_ device: String, note: String? = nil) -> HardwareSpec {
        var copy = self
        copy.achievableBandwidth = HardwareCatalog.measuredBandwidth(device, note: note)
        return copy
    }

    /// The reference price, or an error asking for the `pricePerHour` parameter.
    public func price() throws(CostError) -> DollarsPerHour {
        guard let referencePrice else {
            throw CostError(.pricePerHour, "\(name) has no reference rental price in the catalog; pass \(InputParameter.pricePerHour)")
        }
        return referencePrice
    }
}
