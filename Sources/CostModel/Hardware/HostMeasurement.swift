/// What a host sustains, as HostBench measured it: the typed value HostBench hands the cost
/// model in process (`BenchReport.measurement`), and the one Codable schema of those figures in
/// a saved profile — a measurement's `profileDestination` is written through it, a profile given as
/// the `hardware` parameter is read back through it (`HostProfileFile`). No JSON passes between the two modules in process.
///
/// It lives in CostModel, the module that consumes it, so HostBench depends on CostModel (as
/// every measurement producer depends on the model that prices it) and CostModel never sees
/// OpenBLAS. Read from a file, every figure but `schema_version` may be absent (older or
/// hand-made profiles); `HardwareProfile.measured` says how each absent figure is derived.
public struct HostMeasurement: Codable, Sendable, Equatable {
    /// The only schema this reader understands.
    public static let supportedSchemaVersion = 1

    public var schemaVersion: Int
    public var llmcostVersion: String?
    /// ISO 8601, UTC.
    public var date: String?
    public var threads: Int?
    /// Measured (or estimated) FP32 peak of the host, GFLOP/s: at least every rate measured.
    public var peakGflops: Double?
    /// How the peak was obtained ("measured: fma-loop …", "best observed rate …").
    public var peakSource: String?
    public var bestSgemmGflops: Double?
    /// STREAM triad, GB/s (10⁹ bytes): bandwidth already achieved.
    public var bandwidthGbps: Double?
    public var kernels: [Kernel]?
    /// Backward seconds ÷ forward seconds of the `attention` and `ffn` kernels.
    public var backwardForwardRatios: [String: Double]?

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", llmcostVersion = "llmcost_version", date, threads
        case peakGflops = "peak_gflops", peakSource = "peak_source", bestSgemmGflops = "best_sgemm_gflops"
        case bandwidthGbps = "bandwidth_gbps", kernels, backwardForwardRatios = "backward_forward_ratios"
    }

    public init(schemaVersion: Int = supportedSchemaVersion, llmcostVersion: String? = nil, date: String? = nil,
                threads: Int? = nil, peakGflops: Double? = nil, peakSource: String? = nil, bestSgemmGflops: Double? = nil,
                bandwidthGbps: Double? = nil, kernels: [Kernel]? = nil, backwardForwardRatios: [String: Double]? = nil) {
        self.schemaVersion = schemaVersion; self.llmcostVersion = llmcostVersion; self.date = date; self.threads = threads
        self.peakGflops = peakGflops; self.peakSource = peakSource; self.bestSgemmGflops = bestSgemmGflops
        self.bandwidthGbps = bandwidthGbps; self.kernels = kernels; self.backwardForwardRatios = backwardForwardRatios
    }

    /// The peak as a rate.
    public var peak: FLOPsPerSecond? { peakGflops.map(FLOPsPerSecond.giga) }
    /// The STREAM bandwidth as a rate.
    public var bandwidth: BytesPerSecond? { bandwidthGbps.map(BytesPerSecond.giga) }

    /// The kernel named `name` with a usable throughput.
    public func kernel(_ name: String) -> Kernel? {
        kernels?.first { $0.name == name && $0.measuredGflops != nil }
    }
}
