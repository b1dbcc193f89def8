import ArgumentParser
import CostModel

/// `llmcost cost operate MODEL --requests-per-day R`: devices, dollars and energy per day.
struct CostOperate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "operate", abstract: "Daily operating cost of a service: devices at a target utilisation, compute and energy $/day, $/1K tokens.",
        discussion: Examples.discussion(
            "llmcost cost operate llama-2-7b --requests-per-day 1e6 --batch 32",
            "llmcost cost operate llama-2-70b --requests-per-day 2e5 --devices 4 --price-per-hour 2.5 --price-excludes-energy"))

    @OptionGroup var model: CostModelChoice
    @Option(name: .customLong("requests-per-day"), help: "Requests served per day.")
    var requestsPerDay: Double
    @OptionGroup var request: ServedRequest
    @Option(help: "Requests decoded together.")
    var batch: Int = 8
    @Option(name: .customLong("target-utilisation"), help: "Fraction of each day the devices are busy, in (0, 1].")
    var targetUtilisation: Double = 0.6
    @Option(name: .customLong("devices"), help: "Devices per model replica (default 1).")
    var devicesOption: Int?
    @Option(name: Renamed.name(Renamed.OldNames.gpus), help: .hidden) var gpusRetired: Int?
    var devices: Int { devicesOption ?? 1 }
    @Flag(name: .customLong("price-excludes-energy"), help: "The --price-per-hour is for the hardware alone (an owner's amortised price): add energy $/day to the total. By default a rental price includes energy.")
    var priceExcludesEnergy = false
    @OptionGroup var hardware: HardwareOptions
    @OptionGroup var energy: EnergyArguments
    @OptionGroup var output: OutputOptions

    mutating func validate() throws {
        devicesOption = try Renamed.value(devicesOption, gpusRetired, old: Renamed.OldNames.gpus, new: .devices)
    }

    func run() throws { try output.emit(try rendered()) }

    /// The result before formatting (what tests inspect).
    func rendered() throws -> Rendered {
        let prompt = request.prompt, outputTokens = request.newTokens, devices = self.devices
        try InferenceCost.checkSizes(promptTokens: prompt, outputTokens: outputTokens, batch: batch, devices: devices)
        let energyOptions = try energy.options()
        var profile = try hardware.profile()
        let (figures, spec) = try model.loaded(sequenceLength: prompt, parameter: .promptTokens, newTokens: outputTokens, measuredHost: profile.isMeasured)
        model.describeStorage(of: figures, on: &profile)
        let steps = try ServingStepChoice.choose(spec: spec, model: model, hardware: hardware, profile: profile, devices: devices,
                                                 batch: batch, promptTokens: prompt, outputTokens: outputTokens)
        let cost = try OperatingCost.estimate(model: figures, requestsPerDay: requestsPerDay, promptTokens: prompt,
                                              outputTokens: outputTokens, batch: batch, hardware: profile,
                                              devicesPerReplica: devices, targetUtilisation: targetUtilisation,
                                              energy: energyOptions, priceExcludesEnergy: priceExcludesEnergy,
                                              communication: try TensorParallelLink.communication(spec: spec, hardware: hardware, devices: devices),
                                              predicted: steps.predicted)
        var rendered = Self.rendered(cost, model: figures.name, hardware: profile, explain: output.explain)
        if let reason = steps.rooflineReason { rendered.notes.insert(reason, at: 0) }
        return rendered
    }

    static func rendered(_ c: OperatingCost, model: String, hardware: HardwareProfile, explain: Bool) -> Rendered {
        var table = TextTable(title: "\(model): \(HumanUnits.decimal(c.requestsPerDay, 0)) requests/day of \(c.tokensPerRequest) tokens",
                              columns: ["figure", "value", "≈ / note"], alignments: [.left, .right, .left])
        table.append(["busy device-hours/day", HumanUnits.decimal(c.busyDeviceTime.hours, 1),
                      "batch \(c.inference.batch), \(c.inference.predicted == nil ? "roofline" : "per-operation steps")"])
        table.append(["devices", String(c.devices), "at \(HumanUnits.percent(c.targetUtilisation)) utilisation"])
        table.append(["compute $/day", c.computeDollarsPerDay.description, hardware.pricePerHour.description])
        if let e = c.energyPerDay, let d = c.energyDollarsPerDay {
            table.append(["energy/day", e.description, "full TDP × PUE (upper bound)"])
            table.append(["energy $/day", d.description, c.energyAddedToTotal ? "added: price excludes energy" : "inside the rental price; not added"])
        }
        table.append(["total $/day", c.totalDollarsPerDay.description, c.energyAddedToTotal ? "compute + energy" : "compute (rental includes energy)"])
        table.append(["$ per 1K tokens", c.dollarsPer1KTokens.description, ""])
        var tables = [table]
        if explain { tables.append(Explanation.table(c.explanation)) }
        let json: JSONValue = .object([
            ("model", .string(model)),
            ("requests_per_day", .number(c.requestsPerDay)),
            ("tokens_per_request", .int(c.tokensPerRequest)),
            ("target_utilisation", .number(c.targetUtilisation)),
            ("busy_device_seconds_per_day", .number(c.busyDeviceTime.value)),
            ("device_seconds_per_request", .number(c.inference.deviceTimePerRequest.value)),
            ("time_model", .string(c.inference.predicted == nil ? "roofline" : "per_operation")),
            ("devices", .int(c.devices)),
            ("compute_dollars_per_day", .number(c.computeDollarsPerDay.value)),
            ("energy_kwh_per_day", c.energyPerDay.map { .number($0.value) } ?? .null),
            ("energy_dollars_per_day", c.energyDollarsPerDay.map { .number($0.value) } ?? .null),
            ("energy_added_to_total", .bool(c.energyAddedToTotal)),
            ("total_dollars_per_day", .number(c.totalDollarsPerDay.value)),
            ("dollars_per_1k_tokens", .number(c.dollarsPer1KTokens.value)),
            ("hardware", hardware.json),
            ("explanation", .array(c.explanation.map(\.json))),
        ])
        var csv = FigureCSV()
        csv.add("requests_per_day", c.requestsPerDay, "requests/day")
        csv.add("tokens_per_request", c.tokensPerRequest, "tokens")
        csv.add("batch", c.inference.batch, "sequences")
        csv.add("busy_device_hours_per_day", c.busyDeviceTime.hours, "h/day")
        csv.add("devices", c.devices, "devices")
        csv.add("target_utilisation", c.targetUtilisation, "fraction")
        csv.add("compute_dollars_per_day", c.computeDollarsPerDay.value, "USD/day")
        csv.add("energy_per_day", c.energyPerDay?.value, "kWh/day")
        csv.add("energy_dollars_per_day", c.energyDollarsPerDay?.value, "USD/day")
        csv.add("energy_added_to_total", c.energyAddedToTotal ? 1 : 0, "bool")
        csv.add("total_dollars_per_day", c.totalDollarsPerDay.value, "USD/day")
        csv.add("dollars_per_1k_tokens", c.dollarsPer1KTokens.value, "USD/1K tokens")
        return Rendered(json: json, tables: tables, notes: c.inference.notes.map(OptionNames.text) + hardware.sourceNotes, csvTable: csv.table)
    }
}
