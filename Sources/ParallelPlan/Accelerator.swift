import CostModel
import Workload

/// A catalogued device as a plan sees it: the cost model's `HardwareSpec` (one catalog, one
/// figure per datasheet number), the precision plans run at, the links between devices and the
/// price of a device-hour.
///
/// Plans train and serve in bf16, so `peak` is the spec's dense bf16 peak unless another
/// precision is asked for; the memory and bandwidth are the spec's own.
public struct Accelerator: Sendable, Equatable {
    public var spec: HardwareSpec
    public var precision: Precision
    /// Dense peak at `precision`.
    public var peak: FLOPsPerSecond
    public var intraNode: Interconnect
    public var interNode: Interconnect
    public var devicesPerNode: Int
    public var pricePerHour: DollarsPerHour

    /// `spec` at `precision`, on the links given (by default the ones its catalog entry says it
    /// usually sits on, `HardwareSpec.links`), at `pricePerHour` (default: the catalog's
    /// reference price). A spec without a peak at `precision` is an error naming the ones it has.
    public init(_ spec: HardwareSpec, precision: Precision = .bf16, intraNode: Interconnect? = nil,
                interNode: Interconnect? = nil, devicesPerNode: Int? = nil, pricePerHour: DollarsPerHour? = nil) throws(CostError) {
        self.spec = spec; self.precision = precision; self.peak = try spec.peak(precision)
        if let links = spec.links {
            self.intraNode = intraNode ?? InterconnectCatalog.link(links.intraNode)
            self.interNode = interNode ?? InterconnectCatalog.link(links.interNode)
            self.devicesPerNode = devicesPerNode ?? links.devicesPerNode
        } else {
            guard let intraNode, let interNode, let devicesPerNode else {
                throw CostError(.interconnect, "\(spec.name) has no catalogued links (its fabric is not in the interconnect catalog); "
                    + "pass \(InputParameter.interconnect), \(InputParameter.network) and \(InputParameter.devicesPerNode)")
            }
            self.intraNode = intraNode; self.interNode = interNode; self.devicesPerNode = devicesPerNode
        }
        self.pricePerHour = if let pricePerHour { pricePerHour } else { try spec.price() }
    }

    /// `spec` as a lone device: a group of one exchanges nothing, so a device whose links the
    /// catalog lacks is still priced (its links, never used, left at PCIe 4 in a node of one).
    public static func alone(_ spec: HardwareSpec, precision: Precision = .bf16, pricePerHour: DollarsPerHour? = nil) throws(CostError) -> Accelerator {
        let none = spec.links == nil ? InterconnectCatalog.link(.pcie4) : nil
        return try Accelerator(spec, precision: precision, intraNode: none, interNode: none, devicesPerNode: none.map { _ in 1 },
                               pricePerHour: pricePerHour)
    }

    public var name: String { spec.name }
    /// Datasheet memory per device, bytes.
    public var memoryBytes: Int128 { spec.memoryBytes }
    /// The peak attention runs at: BF16, even where GEMMs run in FP8 (DeepSeek-V3 §3.3,
    /// Transformer Engine's default recipe); the plan's own peak where that is lower.
    public var attentionPeak: FLOPsPerSecond {
        guard let bf16 = try? spec.peak(.bf16), bf16 < peak else { return peak }
        return bf16
    }

    /// The fastest a matmul runs here at the plan's precision: its peak × the fraction a matmul was
    /// measured to reach (`HardwareSpec.matmulCeiling(_:)`: DeepGEMM's for FP8 on Hopper, else the
    /// BF16 fraction). GEMMs run at this × η.
    public var matmulCeiling: AchievableMatmul { spec.matmulCeiling(precision) }
    public var achievableMatmulPeak: FLOPsPerSecond { peak * matmulCeiling.fraction }

    /// Compute units (SMs) the device has, where its catalog entry publishes them; else the
    /// Hopper count (132) that the SM splits this planner prices (DeepSeek's) were published on.
    public var computeUnitCount: Int { spec.computeUnits?.count ?? 132 }

    /// The share of the compute units left to computation while communication kernels hold
    /// `reserved` of them (DualPipe's 20, DeepSeek's prefill overlap's 24).
    func computeUnitShare(reserving reserved: Int) -> Double {
        let units = Double(computeUnitCount)
        return max(0, units - Double(reserved)) / units
    }

    /// The memory bandwidth memory-bound work runs at: the datasheet (HBM) figure × the fraction a
    /// memory-bound kernel was measured to reach (`HardwareSpec.bandwidthCeiling`: FlashMLA's 3,000
    /// of the H800's 3,350 GB/s, 1.80 of the A100 80GB's 2.04 TB/s), as GEMMs run at the achievable
    /// matmul rate rather than the peak. Decode is bound by it.
    public var bandwidth: BytesPerSecond { spec.bandwidth * bandwidthCeiling.fraction }
    public var bandwidthCeiling: AchievableBandwidth { spec.bandwidthCeiling }

    /// The link a group of `size` devices runs over: the node's fabric when it fits in one node,
    /// else the network.
    public func link(forGroupOf size: Int) -> Interconnect { size <= devicesPerNode ? intraNode : interNode }

    /// The device's roofline with `utilisation` of the peak (a kernel efficiency; 1 for the
    /// datasheet ceiling) and the achievable bandwidth.
    public func roofline(utilisation: Double = 1) -> Roofline {
        Roofline(peak: peak, utilisation: utilisation, bandwidth: bandwidth)
    }
}
