import Workload

/// The hardware a cost is computed on: a throughput the workload actually gets, a bandwidth,
/// power and a price, each with where it came from.
///
/// ```
/// effective FLOP/s          = peak × utilisation                    (inference, prefill)
/// effective training FLOP/s = peak × training utilisation           (= utilisation on a datasheet)
/// effective bandwidth       = bandwidth × bandwidth utilisation
/// ```
/// For a datasheet device the utilisation (MFU) and the bandwidth utilisation are stated by the
/// caller; for a measured host the effective rates *are* the measurements and the utilisations are
/// derived from them (`measured kernel ÷ measured peak`; STREAM is already achieved bandwidth, 1.0),
/// never guessed.
public struct HardwareProfile: Sendable {
    /// Where the figures come from, which decides how utilisation is read: stated for a
    /// datasheet, derived for a measurement.
    public enum Origin: Sendable, Equatable {
        case datasheet(name: String, precision: Precision)
        case measured(path: String, kernel: String)
        /// Figures passed in directly (the seeds' "312 TFLOPS" and their price).
        case stated
    }

    /// The share of the datasheet bandwidth the seeds' corrected examples state: HBM devices
    /// stream weights at roughly 75–90 % of the printed figure. A catalog device's own default is
    /// what a memory-bound kernel was measured to reach on it (`HardwareSpec.bandwidthCeiling`).
    public static let defaultBandwidthUtilisation = 0.8
    /// The stated MFU when none is given.
    public static let defaultMFU = 0.4

    public var name: String
    public var origin: Origin
    /// Datasheet dense peak, or the host's measured peak.
    public var peak: FLOPsPerSecond
    /// Model FLOP utilisation in (0, 1]: stated for datasheets, derived for measurements.
    public var utilisation: Double
    /// What the workload gets: `peak × utilisation`.
    public var effectiveThroughput: FLOPsPerSecond { roofline.throughput }
    /// Utilisation of training (forward + backward) work: the stated MFU on a datasheet; on a
    /// measured host `(forward + backward FLOPs) ÷ (forward + backward seconds) ÷ peak`.
    public var trainingUtilisation: Double
    public var effectiveTrainingThroughput: FLOPsPerSecond { peak * trainingUtilisation }
    /// Datasheet (or measured) memory bandwidth.
    public var bandwidth: BytesPerSecond?
    /// Share of `bandwidth` a decode step achieves, in (0, 1].
    public var bandwidthUtilisation: Double
    /// What a decode step gets: `bandwidth × bandwidth utilisation`.
    public var effectiveBandwidth: BytesPerSecond? { bandwidth.map { $0 * bandwidthUtilisation } }
    public var memoryGigabytes: Double?
    public var tdp: Watts?
    public var pricePerHour: DollarsPerHour
    /// Sources of peak, utilisation, bandwidth, power and price, one line each. A source may be
    /// an input the person set (`pricePerHour`), which each front end spells its own way.
    public var sources: [String: InputMessage]

    /// The roofline of inference work on this hardware: `peak × utilisation` against
    /// `bandwidth × bandwidth utilisation` (an unknown bandwidth never bounds a step).
    public var roofline: Roofline {
        Roofline(peak: peak, utilisation: utilisation, bandwidth: bandwidth ?? BytesPerSecond(.infinity),
                 bandwidthUtilisation: bandwidthUtilisation)
    }

    /// True when the utilisations are measured rates of work actually issued (hardware FLOPs),
    /// false when they are a stated model FLOP utilisation.
    public var isMeasured: Bool { if case .measured = origin { true } else { false } }

    public init(name: String, origin: Origin, peak: FLOPsPerSecond, utilisation: Double, trainingUtilisation: Double? = nil,
                bandwidth: BytesPerSecond?, bandwidthUtilisation: Double = 1, memoryGigabytes: Double?, tdp: Watts?,
                pricePerHour: DollarsPerHour, sources: [String: InputMessage]) throws(CostError) {
        // Callers check their own inputs under their own parameters; these guard the type.
        try CostError.positive(peak.value, .hardware)
        try CostError.fraction(utilisation, .mfu)
        if let trainingUtilisation { try CostError.fraction(trainingUtilisation, .mfu) }
        try CostError.fraction(bandwidthUtilisation, .bandwidthUtilisation)
        try CostError.positive(pricePerHour.value, .pricePerHour)
        if let bandwidth { try CostError.positive(bandwidth.value, .hardware) }
        if let tdp { try CostError.positive(tdp.value, .tdp) }
        self.name = name; self.origin = origin; self.peak = peak; self.utilisation = utilisation
        self.trainingUtilisation = trainingUtilisation ?? utilisation
        self.bandwidth = bandwidth; self.bandwidthUtilisation = bandwidthUtilisation
        self.memoryGigabytes = memoryGigabytes; self.tdp = tdp
        self.pricePerHour = pricePerHour; self.sources = sources
    }

    /// A catalogued device at a stated MFU (nil: `defaultMFU`, and the sources say it is the
    /// default), bandwidth utilisation (nil: the fraction measured on the device,
    /// `HardwareSpec.bandwidthCeiling`) and precision; the price defaults to the reference.
    public static func datasheet(_ spec: HardwareSpec, precision: Precision = .bf16, mfu stated: Double?,
                                 bandwidthUtilisation: Double? = nil,
                                 pricePerHour: DollarsPerHour? = nil) throws(CostError) -> HardwareProfile {
        let mfu = stated ?? defaultMFU
        try CostError.fraction(mfu, .mfu)
        if let bandwidthUtilisation { try CostError.fraction(bandwidthUtilisation, .bandwidthUtilisation) }
        // `??` would throw untyped through its autoclosure.
        let price = if let pricePerHour { pricePerHour } else { try spec.price() }
        let ceiling = spec.bandwidthCeiling
        let bu = bandwidthUtilisation ?? ceiling.fraction
        return try HardwareProfile(
            name: spec.name, origin: .datasheet(name: spec.name, precision: precision),
            peak: try spec.peak(precision), utilisation: mfu, bandwidth: spec.bandwidth, bandwidthUtilisation: bu,
            memoryGigabytes: spec.memoryGigabytes, tdp: spec.tdp, pricePerHour: price,
            sources: [
                "peak": "\(spec.displayName) dense \(precision.rawValue) peak (datasheet)",
                "utilisation": "stated MFU \(mfu) (\(stated == nil ? "default; " : "")\(InputParameter.mfu)): a datasheet peak is a ceiling a workload reaches only in part",
                "bandwidth": "\(spec.displayName) (datasheet)",
                "bandwidth_utilisation": bandwidthUtilisation == nil
                    ? "measured \(CostError.trim((bu * 1000).rounded() / 1000)), what a memory-bound kernel reached on this device (\(ceiling.source.citation)); pass \(InputParameter.bandwidthUtilisation) to state another"
                    : "stated \(bu) (\(InputParameter.bandwidthUtilisation))",
                "tdp": spec.tdp == nil ? "not published for \(spec.displayName); pass \(InputParameter.tdp)" : "\(spec.displayName) (datasheet)",
                "datasheet": spec.specSource.citation,
                "price": pricePerHour == nil ? spec.priceSource?.citation ?? "catalog" : "\(InputParameter.pricePerHour)",
            ])
    }

    /// The seeds' A100: 312 TFLOP/s taken at face value (utilisation 1) at $2.2659/h, and the
    /// A100 40GB's datasheet bandwidth taken at face value too.
    public static let seedA100: HardwareProfile = {
        // Constant inputs that pass validation.
        try! HardwareProfile(name: "a100 (seed)", origin: .stated, peak: .tera(312), utilisation: 1,
                             bandwidth: HardwareCatalog.a100_40gb.bandwidth, memoryGigabytes: 40, tdp: Watts(400),
                             pricePerHour: DollarsPerHour(2.2659),
                             sources: ["peak": "seed 002/003: \"312 TFLOPS\", used as if sustained (MFU 1)",
                                       "price": "seed 002/003: Azure A100 3-year reserved, $2.2659/h"])
    }()

    /// The seeds' A100 as corrected: the same 312 TFLOP/s dense BF16 peak and $2.2659/h, at a
    /// stated MFU and bandwidth utilisation.
    public static func seedA100Corrected(mfu: Double = defaultMFU,
                                         bandwidthUtilisation: Double = defaultBandwidthUtilisation) throws(CostError) -> HardwareProfile {
        var profile = try datasheet(HardwareCatalog.a100_40gb, precision: .bf16, mfu: mfu, bandwidthUtilisation: bandwidthUtilisation,
                                    pricePerHour: DollarsPerHour(SeedAudit.Inputs.a100PricePerHour))
        profile.name = "a100 (seed's price, MFU \(CostError.trim(mfu)))"
        profile.sources["price"] = "seed 002/003: Azure A100 3-year reserved, $2.2659/h"
        return profile
    }
}
