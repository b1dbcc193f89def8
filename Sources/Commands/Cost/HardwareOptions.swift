import HostBench
import ArgumentParser
import CostModel
import Foundation
import Workload

/// `--hardware` and what qualifies it: a catalog device at a precision, MFU and bandwidth
/// utilisation, or a measured host profile (a JSON path written by `llmcost bench --save`, or
/// `host` for a quick bench now).
struct HardwareOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A catalog name (\(HardwareCatalog.all.map(\.name).joined(separator: ", "))), a host profile JSON from `llmcost bench --save`, or `host`.",
                               valueName: "name|path"))
    var hardware: String = "h100-sxm"
    @Option(help: "Datasheet precision: \(Precision.allCases.map(\.rawValue).joined(separator: ", ")) (dense peaks).")
    var precision: Precision = .bf16
    @Option(help: "Model FLOP utilisation in (0, 1] for a catalog device (default 0.4; cost train with a MODEL predicts it from the fastest plan on --devices); a measured profile derives its own and rejects --mfu.")
    var mfu: Double?
    @Option(name: .customLong("bandwidth-utilisation"),
            help: "Share of the datasheet memory bandwidth decode achieves, in (0, 1] (default: what a memory-bound kernel was measured to reach on the catalog device, shown by `llmcost hardware NAME`; a measured profile's STREAM figure is used as is).")
    var bandwidthUtilisation: Double?
    @Option(name: .customLong("price-per-hour"), help: "Dollars per device-hour (default: the catalog's reference price; required for a measured profile).")
    var pricePerHour: Double?
    @Option(help: "Watts per device, up to 1e6: required for a measured profile's energy; replaces a datasheet device's TDP.")
    var tdp: Double?

    /// True when `--hardware` names a measured host (a profile path or `host`).
    var isMeasured: Bool { hardware == "host" || Self.looksLikePath(hardware) }

    /// Resolves `--hardware` into a profile; every failure is one line naming the option.
    func profile() throws -> HardwareProfile {
        let price = pricePerHour.map(DollarsPerHour.init)
        if let p = pricePerHour { try CostError.positive(p, .pricePerHour, maximum: CostLimits.pricePerHour, " dollars per device-hour") }
        if let mfu { try CostError.fraction(mfu, .mfu) }
        if let bandwidthUtilisation { try CostError.fraction(bandwidthUtilisation, .bandwidthUtilisation) }
        if let tdp { try CostError.positive(tdp, .tdp, maximum: CostLimits.watts, " watts") }
        if isMeasured {
            if bandwidthUtilisation != nil {
                throw CostError(.bandwidthUtilisation, "a measured host profile's bandwidth is already achieved (STREAM triad); "
                    + "\(InputParameter.bandwidthUtilisation) applies to catalog devices only")
            }
            if mfu != nil, hardware == "host" {
                throw CostError(.mfu, "a measured host profile derives its utilisation from the measured kernels; "
                    + "\(InputParameter.mfu) applies to catalog devices only — drop it, or use a catalog name")
            }
            return try Self.measuredProfile(hardware, pricePerHour: price, tdp: tdp.map(Watts.init), mfu: mfu)
        }
        let spec = try HardwareCatalog.named(hardware)
        var profile = try HardwareProfile.datasheet(spec, precision: precision, mfu: mfu,
                                                    bandwidthUtilisation: bandwidthUtilisation, pricePerHour: price)
        if let tdp {
            profile.tdp = Watts(tdp)
            profile.sources["tdp"] = "\(InputParameter.tdp) (replaces \(spec.tdp.map { "\(spec.displayName)'s datasheet \($0)" } ?? "no published TDP"))"
        }
        if hardware.lowercased() != spec.name {
            profile.sources["hardware"] = "\(InputParameter.hardware) \(hardware) is the catalog's \(spec.name)"
        }
        return profile
    }

    /// A measured host: `host` runs a quick bench now (after checking the price, so a doomed
    /// request does not spend ten seconds measuring); anything else is a saved profile's path.
    /// `parameter` is the input that named it (`hardware`, or `hostProfile` beside the seeds' devices).
    static func measuredProfile(_ reference: String, pricePerHour price: DollarsPerHour?, tdp: Watts? = nil,
                                mfu: Double? = nil, parameter: InputParameter = .hardware) throws -> HardwareProfile {
        if reference == "host" {
            guard price != nil else { throw HardwareProfile.missingMeasuredPrice }
            StandardStreams.writeError("llmcost: \(parameter.option) host: running a quick bench of this host…\n")
            let report = try HostBench.run(configuration: BenchConfiguration(quick: true, llmcostVersion: LLMCost.version))
            return try HardwareProfile.measured(report.measurement, path: "host (quick bench)", pricePerHour: price, tdp: tdp, mfu: mfu,
                                                parameter: parameter)
        }
        let measured = try HostProfileFile.read(path: reference, parameter: parameter)
        return try HardwareProfile.measured(measured, path: reference, pricePerHour: price, tdp: tdp, mfu: mfu, parameter: parameter)
    }

    static func looksLikePath(_ s: String) -> Bool {
        s.contains("/") || s.hasSuffix(".json") || FileManager.default.fileExists(atPath: s)
    }
}

extension Precision: ExpressibleByArgument {}
