import ArgumentParser
import CostModel
import Workload

/// `llmcost cost train MODEL --tokens D`: exact training FLOPs beside 6·N·D, time, dollars, energy.
struct CostTrain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train", abstract: "Pretraining cost: exact FLOPs vs 6·N·D, device-hours, wall-clock days, dollars, energy.")

    @OptionGroup var model: CostModelChoice
    @Option(help: "Training tokens D (e.g. 300e9).")
    var tokens: Double
    @Option(help: "Tokens per training sequence (default 2048 or the context window).")
    var seq: Int?
    @Option(name: [.customLong("devices"), .customLong("gpus")], help: "Devices G training in parallel (perfect scaling assumed); --gpus is the same option.")
    var devices: Int = 1
    @Option(help: "Activation recomputation: none, selective or full.")
    var recompute: Recompute = .none
    @OptionGroup var hardware: HardwareOptions
    @OptionGroup var energy: EnergyArguments
    @OptionGroup var output: OutputOptions

    func run() throws { try output.emit(try rendered()) }

    /// The result before formatting (what tests inspect).
    func rendered() throws -> Rendered {
        try CostError.positive(tokens, "--tokens")
        guard tokens < 1e30, tokens == tokens.rounded() else { throw CLIError("--tokens: must be a whole number below 1e30, got \(tokens)") }
        let figures = try model.figures(sequenceLength: seq, recompute: recompute)
        let profile = try hardware.profile()
        let cost = try TrainingCost.estimate(model: figures, tokens: Int128(tokens), hardware: profile, devices: devices,
                                             energy: try energy.options())
        return Self.rendered(cost, figures: figures, hardware: profile, explain: output.explain)
    }

    static func rendered(_ c: TrainingCost, figures: ModelFigures, hardware: HardwareProfile, explain: Bool) -> Rendered {
        var table = TextTable(title: "\(c.model): training on \(HumanUnits.grouped(c.tokens)) tokens", columns: ["figure", "value", ""])
        table.append(["training FLOPs (exact)", HumanUnits.grouped(c.flops.count), HumanUnits.flops(c.flops.count)])
        table.append(["6·N·D (rule)", HumanUnits.grouped(c.ruleFLOPs.count), HumanUnits.flops(c.ruleFLOPs.count)])
        table.append(["exact ÷ rule", HumanUnits.decimal(c.exactOverRule, 4), ""])
        table.append(["throughput (peak × MFU)", hardware.effectiveThroughput.description, "MFU \(HumanUnits.decimal(hardware.utilisation, 3))"])
        table.append(["device-hours", HumanUnits.grouped(Int128(c.deviceTime.hours.rounded())), ""])
        table.append(["wall-clock on \(c.devices) devices", HumanUnits.decimal(c.wallClock.days, 2) + " days", ""])
        table.append(["dollars", c.dollars.description, hardware.pricePerHour.description])
        if let e = c.energy, let d = c.energyDollars {
            table.append(["energy", e.description, "TDP × device-h × PUE"])
            table.append(["energy dollars", d.description, "usually inside a rental price"])
        }
        var tables = [table]
        if explain { tables.append(Explanation.table(c.explanation)) }
        let json: JSONValue = .object([
            ("model", .string(c.model)),
            ("tokens", .integer(c.tokens)),
            ("sequence_length", .int(figures.sequenceLength)),
            ("training_flops", .integer(c.flops.count)),
            ("rule_flops_6nd", .integer(c.ruleFLOPs.count)),
            ("exact_over_rule", .number(c.exactOverRule)),
            ("device_seconds", .number(c.deviceTime.value)),
            ("devices", .int(c.devices)),
            ("wall_clock_days", .number(c.wallClock.days)),
            ("dollars", .number(c.dollars.value)),
            ("energy_kwh", c.energy.map { .number($0.value) } ?? .null),
            ("energy_dollars", c.energyDollars.map { .number($0.value) } ?? .null),
            ("hardware", hardware.json),
            ("explanation", .array(c.explanation.map(\.json))),
        ])
        return Rendered(json: json, tables: tables, notes: hardware.sourceNotes + figures.notes)
    }
}

