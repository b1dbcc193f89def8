/// The hardware a cost is computed on: a throughput the workload actually gets, a bandwidth,
/// power and a price, each with where it came from.
///
/// ```
/// effective FLOP/s = peak × utilisation
/// ```
/// For a datasheet device the utilisation (MFU) is stated by the caller; for a measured host
/// the effective rate *is* the measurement and the utilisation is derived from it
/// (`measured kernel ÷ measured peak`), never guessed.
public struct HardwareProfile: Sendable {
    public enum Origin: Sendable, Equatable {
        case datasheet(name: String, precision: Precision)
        case measured(path: String, kernel: String)
        /// Figures passed in directly (the seeds' "312 TFLOPS" and their price).
        case stated
    }

    public var name: String
    public var origin: Origin
    /// Datasheet dense peak, or the host's measured peak.
    public var peak: FLOPsPerSecond
    /// Model FLOP utilisation in (0, 1]: stated for datasheets, derived for measurements.
    public var utilisation: Double
    /// What the workload gets: `peak × utilisation`.
    public var effectiveThroughput: FLOPsPerSecond { peak * utilisation }
    public var bandwidth: BytesPerSecond?
    public var memoryGigabytes: Double?
    public var tdp: Watts?
    public var pricePerHour: DollarsPerHour
    /// Sources of peak, utilisation, bandwidth, power and price, one line each.
    public var sources: [String: String]

    public init(name: String, origin: Origin, peak: FLOPsPerSecond, utilisation: Double,
                bandwidth: BytesPerSecond?, memoryGigabytes: Double?, tdp: Watts?,
                pricePerHour: DollarsPerHour, sources: [String: String]) throws(CostError) {
        try CostError.positive(peak.value, "--peak-flops")
        try CostError.fraction(utilisation, "--mfu")
        try CostError.positive(pricePerHour.value, "--price-per-hour")
        if let bandwidth { try CostError.positive(bandwidth.value, "--bandwidth") }
        if let tdp { try CostError.positive(tdp.value, "--tdp") }
        self.name = name; self.origin = origin; self.peak = peak; self.utilisation = utilisation
        self.bandwidth = bandwidth; self.memoryGigabytes = memoryGigabytes; self.tdp = tdp
        self.pricePerHour = pricePerHour; self.sources = sources
    }

    /// A catalogued device at a stated MFU and precision; the price defaults to the reference.
    public static func datasheet(_ spec: HardwareSpec, precision: Precision = .bf16, mfu: Double,
                                 pricePerHour: DollarsPerHour? = nil) throws(CostError) -> HardwareProfile {
        try CostError.fraction(mfu, "--mfu")
        let price = pricePerHour ?? spec.referencePrice
        return try HardwareProfile(
            name: spec.name, origin: .datasheet(name: spec.name, precision: precision),
            peak: try spec.peak(precision), utilisation: mfu, bandwidth: spec.bandwidth,
            memoryGigabytes: spec.memoryGigabytes, tdp: spec.tdp, pricePerHour: price,
            sources: [
                "peak": "\(spec.displayName) dense \(precision.rawValue) peak (datasheet)",
                "utilisation": "stated MFU \(mfu) (a datasheet peak is a ceiling; training typically reaches 0.3–0.5 of it)",
                "bandwidth": "\(spec.displayName) (datasheet)",
                "tdp": "\(spec.displayName) (datasheet)",
                "datasheet": spec.specSource.citation,
                "price": pricePerHour == nil ? spec.priceSource.citation : "--price-per-hour",
            ])
    }

    /// The seeds' A100: 312 TFLOP/s taken at face value (utilisation 1) at $2.2659/h.
    public static let seedA100: HardwareProfile = {
        // Constant inputs that pass validation.
        try! HardwareProfile(name: "a100 (seed)", origin: .stated, peak: .tera(312), utilisation: 1,
                             bandwidth: HardwareCatalog.a100_40gb.bandwidth, memoryGigabytes: 40, tdp: Watts(400),
                             pricePerHour: DollarsPerHour(2.2659),
                             sources: ["peak": "seed 002/003: \"312 TFLOPS\", used as if sustained (MFU 1)",
                                       "price": "seed 002/003: Azure A100 3-year reserved, $2.2659/h"])
    }()
}
