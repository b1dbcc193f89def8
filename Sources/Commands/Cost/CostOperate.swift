import ArgumentParser
import CostModel

/// `llmcost cost operate MODEL --requests-per-day R`: devices, dollars and energy per day.
struct CostOperate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "operate", abstract: "Daily operating cost of a service: devices at a target utilisation, compute and energy $/day, $/1K tokens.")

    @OptionGroup var model: CostModelChoice
    @Option(name: .customLong("requests-per-day"), help: "Requests served per day.")
    var requestsPerDay: Double
    @Option(name: [.customLong("prompt"), .customLong("prompt-tokens")], help: "Prompt tokens per request (also --prompt-tokens).")
    var prompt: Int = 512
    @Option(name: [.customLong("new-tokens"), .customLong("output-tokens")], help: "Generated tokens per request (also --output-tokens).")
    var outputTokens: Int = 256
    @Option(help: "Requests decoded together.")
    var batch: Int = 8
    @Option(name: .customLong("target-utilisation"), help: "Fraction of each day the devices are busy, in (0, 1].")
    var targetUtilisation: Double = 0.6
    @Option(name: [.customLong("devices"), .customLong("gpus")], help: "Devices per model replica (also --gpus).")
    var devices: Int = 1
    @OptionGroup var hardware: HardwareOptions
    @OptionGroup var energy: EnergyArguments
    @OptionGroup var output: OutputOptions

    func run() throws { try output.emit(try rendered()) }

    /// The result before formatting (what tests inspect).
    func rendered() throws -> Rendered {
        try CostError.atLeastOne(prompt, "--prompt")
        let figures = try model.figures(sequenceLength: prompt)
        let profile = try hardware.profile()
        let cost = try OperatingCost.estimate(model: figures, requestsPerDay: requestsPerDay, promptTokens: prompt,
                                              outputTokens: outputTokens, batch: batch, hardware: profile,
                                              devicesPerReplica: devices, targetUtilisation: targetUtilisation,
                                              energy: try energy.options())
        return Self.rendered(cost, model: figures.name, hardware: profile, explain: output.explain)
    }

    static func rendered(_ c: OperatingCost, model: String, hardware: HardwareProfile, explain: Bool) -> Rendered {
        var table = TextTable(title: "\(model): \(HumanUnits.decimal(c.requestsPerDay, 0)) requests/day of \(c.tokensPerRequest) tokens",
                              columns: ["figure", "value", ""])
        table.append(["busy device-hours/day", HumanUnits.decimal(c.busyDeviceTime.hours, 1), "batch \(c.inference.batch)"])
        table.append(["devices", String(c.devices), "at \(HumanUnits.percent(c.targetUtilisation)) utilisation"])
        table.append(["compute $/day", c.computeDollarsPerDay.description, hardware.pricePerHour.description])
        if let e = c.energyPerDay, let d = c.energyDollarsPerDay {
            table.append(["energy/day", e.description, "full TDP × PUE (upper bound)"])
            table.append(["energy $/day", d.description, "usually inside a rental price"])
        }
        table.append(["total $/day", c.totalDollarsPerDay.description, ""])
        table.append(["$ per 1K tokens", c.dollarsPer1KTokens.description, ""])
        var tables = [table]
        if explain { tables.append(Explanation.table(c.explanation)) }
        let json: JSONValue = .object([
            ("model", .string(model)),
            ("requests_per_day", .number(c.requestsPerDay)),
            ("tokens_per_request", .int(c.tokensPerRequest)),
            ("target_utilisation", .number(c.targetUtilisation)),
            ("busy_device_seconds_per_day", .number(c.busyDeviceTime.value)),
            ("devices", .int(c.devices)),
            ("compute_dollars_per_day", .number(c.computeDollarsPerDay.value)),
            ("energy_kwh_per_day", c.energyPerDay.map { .number($0.value) } ?? .null),
            ("energy_dollars_per_day", c.energyDollarsPerDay.map { .number($0.value) } ?? .null),
            ("total_dollars_per_day", .number(c.totalDollarsPerDay.value)),
            ("dollars_per_1k_tokens", .number(c.dollarsPer1KTokens.value)),
            ("hardware", hardware.json),
            ("explanation", .array(c.explanation.map(\.json))),
        ])
        return Rendered(json: json, tables: tables, notes: c.inference.notes + hardware.sourceNotes)
    }
}
