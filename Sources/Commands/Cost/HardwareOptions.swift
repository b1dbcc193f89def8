import HostBench
import ArgumentParser
import CostModel
import Foundation

/// `--hardware` and what qualifies it: a catalog device at a precision and MFU, or a measured
/// host profile (a JSON path written by `llmcost bench --save`).
struct HardwareOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A catalog name (\(HardwareCatalog.all.map(\.name).joined(separator: ", "))), a host profile JSON from `llmcost bench --save`, or `host`.",
                               valueName: "name|path"))
    var hardware: String = "h100-sxm"
    @Option(help: "Datasheet precision: \(Precision.allCases.map(\.rawValue).joined(separator: ", ")) (dense peaks).")
    var precision: Precision = .bf16
    @Option(help: "Model FLOP utilisation in (0, 1] for a datasheet device (a measured profile derives its own).")
    var mfu: Double = 0.4
    @Option(name: .customLong("price-per-hour"), help: "Dollars per device-hour (default: the catalog's reference price; required for a measured profile).")
    var pricePerHour: Double?
    @Option(help: "Watts per device for a measured profile (datasheet devices use their TDP).")
    var tdp: Double?

    /// Resolves `--hardware` into a profile; every failure is one line naming the option.
    func profile() throws -> HardwareProfile {
        let price = pricePerHour.map(DollarsPerHour.init)
        if let p = pricePerHour { try CostError.positive(p, "--price-per-hour") }
        if hardware == "host" {
            // A quick bench now, read through the same schema a saved profile has.
            if let tdp { try CostError.positive(tdp, "--tdp") }
            // Refuse a doomed request before spending ten seconds measuring.
            guard price != nil else { throw HardwareProfile.missingMeasuredPrice }
            StandardStreams.writeError("llmcost: --hardware host: running a quick bench of this host…\n")
            let report = try HostBench.run(configuration: BenchConfiguration(quick: true, llmcostVersion: LLMCost.version))
            let measured = try MeasuredHostProfile.decode(try report.jsonData(), path: "host (quick bench)")
            return try HardwareProfile.measured(measured, path: "host (quick bench)", pricePerHour: price, tdp: tdp.map(Watts.init))
        }
        if Self.looksLikePath(hardware) {
            if let tdp { try CostError.positive(tdp, "--tdp") }
            let measured = try MeasuredHostProfile.load(path: hardware)
            return try HardwareProfile.measured(measured, path: hardware, pricePerHour: price, tdp: tdp.map(Watts.init))
        }
        return try HardwareProfile.datasheet(try HardwareCatalog.named(hardware), precision: precision, mfu: mfu, pricePerHour: price)
    }

    static func looksLikePath(_ s: String) -> Bool {
        s.contains("/") || s.hasSuffix(".json") || FileManager.default.fileExists(atPath: s)
    }
}

extension Precision: ExpressibleByArgument {}
