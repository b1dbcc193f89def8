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
            throw CLIError("--hardware host: a quick in-process bench is not yet available; run `llmcost bench --save host.json` and pass --hardware host.json")
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
