import ArgumentParser
import CostModel
import Workload

/// `llmcost hardware`: the accelerator catalog one line each, one device in full, or a measured
/// host profile in the same shape.
struct HardwareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hardware",
        abstract: "List the accelerator catalog (peaks dense and sparse, memory, bandwidth, power, price, source), or show one device or a bench profile.",
        discussion: Examples.discussion(
            "llmcost hardware",
            "llmcost hardware h100-sxm --format json"))

    @Argument(help: ArgumentHelp("A catalog device (or alias) to show in full, or a host profile JSON from `llmcost bench --save`.",
                                 valueName: "device|path"))
    var device: String?
    @Option(help: ArgumentHelp("The same as the argument, spelled as cost and plan take it.", valueName: "name|path"))
    var hardware: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if device != nil, hardware != nil {
            throw ValidationError("give the device either as the argument or as \(InputParameter.hardware.option), not both")
        }
    }

    func run() throws {
        try output.checkWritable()
        guard let reference = device ?? hardware else {
            return try output.emit(HardwareView(entries: HardwareCatalog.all.map(HardwareEntry.init), detailed: false).rendered)
        }
        if reference == "host" {
            throw CostError(.hardware, "'host' measures this machine when pricing; to see a measurement, save one with "
                + "`llmcost bench \(InputParameter.profileDestination) FILE` and pass FILE")
        }
        if HardwareOptions.looksLikePath(reference) {
            let profile = try HostProfileFile.read(path: reference, parameter: .hardware)
            return try output.emit(HardwareView(entries: [HardwareEntry(profile: profile, path: reference)], detailed: true).rendered)
        }
        let spec = try HardwareCatalog.named(reference)
        try output.emit(HardwareView(entries: [HardwareEntry(spec)], detailed: true).rendered)
    }
}
