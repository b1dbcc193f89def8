import ArgumentParser
import CostModel
import ParallelPlan
import Workload

/// `llmcost cost train MODEL --tokens D`: exact training FLOPs beside 6·N·D, time, dollars, energy.
struct CostTrain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train", abstract: "Pretraining cost: exact FLOPs vs 6·N·D, device-hours, wall-clock days, dollars, energy.",
        discussion: Examples.discussion(
            "llmcost cost train llama-2-7b --tokens 2e12 --devices 1024 --hardware a100-80gb-sxm",
            "llmcost cost train --parameters 175e9 --tokens 300e9 --devices 1024 --mfu 0.35"))

    @OptionGroup var model: CostModelChoice
    @Option(help: "Training tokens D, a whole number up to 1e18 (e.g. 300e9).")
    var tokens: Double
    @Option(help: "Tokens per training sequence (default 2048 or the context window).")
    var seq: Int?
    @Option(name: .customLong("devices"), help: "Devices G training in parallel, perfect scaling assumed (default 1).")
    var devicesOption: Int?
    @Option(name: Renamed.name(Renamed.OldNames.gpus), help: .hidden) var gpusRetired: Int?
    var devices: Int { devicesOption ?? 1 }
    @Option(help: "Activation recomputation: none, selective or full (hardware FLOPs; MFU stays on model FLOPs).")
    var recompute: Recompute = .none
    @Option(name: .customLong("global-batch"), help: "Sequences per optimizer step for the MFU prediction (default 512): the plan search splits them over the devices.")
    var globalBatch: Int?
    @OptionGroup var hardware: HardwareOptions
    @OptionGroup var energy: EnergyArguments
    @OptionGroup var output: OutputOptions

    mutating func validate() throws {
        devicesOption = try Renamed.value(devicesOption, gpusRetired, old: Renamed.OldNames.gpus, new: .devices)
    }

    func run() throws { try output.emit(try rendered()) }

    /// The result before formatting (what tests inspect).
    func rendered() throws -> Rendered {
        let tokens = try CostError.wholeNumber(self.tokens, .trainingTokens, minimum: 1)
        try CostError.count(devices, .devices, maximum: CostLimits.devices)
        if let seq { try CostError.count(seq, .sequenceLength, maximum: CostLimits.sequence) }
        let energyOptions = try energy.options()
        var profile = try hardware.profile()
        let (figures, spec) = try model.loaded(sequenceLength: seq, parameter: .sequenceLength, recompute: recompute, measuredHost: profile.isMeasured)
        if let globalBatch { try CostError.count(globalBatch, .globalBatch, maximum: Limits.batch.maximum) }
        var mfuSource = profile.isMeasured ? "measured" : hardware.mfu != nil ? "stated" : "default"
        var fallbackNote: String?
        if mfuSource == "default", let spec {
            fallbackNote = predictMFU(spec, figures: figures, into: &profile)
            if fallbackNote == nil { mfuSource = "predicted" }
        } else if globalBatch != nil {
            let planless: InputMessage = hardware.mfu != nil ? "a stated \(InputParameter.mfu)"
                : profile.isMeasured ? "a measured host" : "\(InputParameter.parameters) (no architecture)"
            throw CostError(.globalBatch, "sizes the plan that predicts the MFU of a catalog device running a MODEL; with \(planless) nothing is planned")
        }
        let cost = try TrainingCost.estimate(model: figures, tokens: tokens, hardware: profile, devices: devices,
                                             energy: energyOptions)
        var rendered = Self.rendered(cost, figures: figures, hardware: profile, mfuSource: mfuSource, explain: output.explain)
        if let fallbackNote { rendered.notes.insert(fallbackNote, at: 0) }
        return rendered
    }

    /// A catalog device with no stated MFU is priced at the MFU its fastest plan on `devices`
    /// predicts (`PredictedTraining`); where no plan fits, or the device has no catalogued links,
    /// the default stays and the returned note says why (nil when the prediction is in place).
    private func predictMFU(_ spec: ModelSpec, figures: ModelFigures, into profile: inout HardwareProfile) -> String? {
        let fallback = "MFU \(HardwareProfile.defaultMFU) (the default)"
        let device: Accelerator
        do {
            let spec = try HardwareCatalog.named(hardware.hardware)
            guard spec.links != nil else {
                return OptionNames.text("\(fallback): \(spec.name) has no catalogued links between devices, which a plan needs; state an MFU with \(InputParameter.mfu)")
            }
            device = try Accelerator(spec, precision: hardware.precision, pricePerHour: profile.pricePerHour)
        } catch {
            return OptionNames.text("\(fallback): no plan predicts the MFU of \(hardware.hardware) (\(error.message)); state one with \(InputParameter.mfu)")
        }
        let job = TrainingJob(spec: spec, seq: figures.sequenceLength, globalBatch: globalBatch ?? 512, recompute: recompute)
        guard let prediction = PredictedTraining.fastest(job, devices: devices, on: device) else {
            return OptionNames.text("\(fallback): no plan of \(job.globalBatch) sequences fits \(devices) × \(device.name) (see llmcost plan); "
                + "state one with \(InputParameter.mfu), or change \(InputParameter.devices) or \(InputParameter.globalBatch)")
        }
        // Training is all this profile prices: its utilisation is the predicted MFU, and the
        // hardware note ("utilisation: …") carries where it came from.
        profile.utilisation = prediction.mfu
        profile.trainingUtilisation = prediction.mfu
        profile.sources["utilisation"] = "MFU \(String(format: "%.3f", prediction.mfu)) " + prediction.source
        profile.sources["training_utilisation"] = profile.sources["utilisation"]
        return nil
    }

    /// `mfuSource`: where the MFU came from — `predicted` (the fastest plan's step model),
    /// `stated`, `default` or `measured`.
    static func rendered(_ c: TrainingCost, figures: ModelFigures, hardware: HardwareProfile, mfuSource: String, explain: Bool) -> Rendered {
        var table = TextTable(title: "\(c.model): training on \(HumanUnits.grouped(c.tokens)) tokens", columns: ["figure", "value", "≈ / note"], alignments: [.left, .right, .left])
        let recomputing = c.recompute != "none"
        if c.isRule {
            table.append(["training FLOPs (6·N·D rule, no architecture)", HumanUnits.grouped(c.flops.count), HumanUnits.flops(c.flops.count)])
        } else {
            table.append([recomputing ? "model FLOPs (exact, no recompute)" : "training FLOPs (exact)",
                          HumanUnits.grouped(c.flops.count), HumanUnits.flops(c.flops.count)])
            if recomputing {
                table.append(["hardware FLOPs (\(c.recompute) recompute)", HumanUnits.grouped(c.hardwareFLOPs.count),
                              "\(HumanUnits.flops(c.hardwareFLOPs.count)), × \(HumanUnits.decimal(c.hardwareOverModel, 4))"])
            }
            table.append(["6·N·D (rule)", HumanUnits.grouped(c.ruleFLOPs.count), HumanUnits.flops(c.ruleFLOPs.count)])
            table.append(["exact ÷ rule", HumanUnits.decimal(c.exactOverRule, 4), ""])
        }
        if hardware.isMeasured {
            table.append(["throughput (measured training rate)", hardware.effectiveTrainingThroughput.description,
                          "HFU \(HumanUnits.decimal(c.hfu, 3)), MFU \(HumanUnits.decimal(c.mfu, 3)) (implied)"])
        } else {
            table.append(["throughput (peak × MFU)", hardware.effectiveTrainingThroughput.description,
                          "MFU \(HumanUnits.decimal(c.mfu, 3))" + (recomputing ? ", HFU \(HumanUnits.decimal(c.hfu, 3)) (implied)" : "")])
        }
        table.append(["device-hours", HumanUnits.wholeOrSignificant(c.deviceTime.hours), ""])
        // Under a day the wall-clock reads in hours, seconds or milliseconds, never "0.00 days".
        table.append(["wall-clock on \(c.devices) device\(c.devices == 1 ? "" : "s")",
                      c.wallClock.days >= 1 ? HumanUnits.decimal(c.wallClock.days, 2) + " days" : c.wallClock.description, ""])
        table.append(["dollars", c.dollars.description, hardware.pricePerHour.description])
        if let e = c.energy, let d = c.energyDollars {
            table.append(["energy", e.description, "TDP × device-h × PUE"])
            table.append(["energy dollars", d.description, "usually inside a rental price; not added"])
        }
        var tables = [table]
        if explain { tables.append(Explanation.table(c.explanation)) }
        let json: JSONValue = .object([
            ("model", .string(c.model)),
            ("tokens", .integer(c.tokens)),
            ("sequence_length", .int(figures.sequenceLength)),
            ("flops_are_rule", .bool(c.isRule)),
            ("training_flops", .integer(c.flops.count)),
            ("hardware_flops", .integer(c.hardwareFLOPs.count)),
            ("recompute", .string(c.recompute)),
            ("rule_flops_6nd", .integer(c.ruleFLOPs.count)),
            ("exact_over_rule", .number(c.exactOverRule)),
            ("mfu", .number(c.mfu)),
            ("mfu_source", .string(mfuSource)),
            ("hfu", .number(c.hfu)),
            ("device_seconds", .number(c.deviceTime.value)),
            ("devices", .int(c.devices)),
            ("wall_clock_days", .number(c.wallClock.days)),
            ("dollars", .number(c.dollars.value)),
            ("energy_kwh", c.energy.map { .number($0.value) } ?? .null),
            ("energy_dollars", c.energyDollars.map { .number($0.value) } ?? .null),
            ("hardware", hardware.json),
            ("explanation", .array(c.explanation.map(\.json))),
        ])
        var csv = FigureCSV()
        csv.add("tokens", exact: c.tokens, "tokens")
        csv.add("sequence_length", figures.sequenceLength, "tokens")
        csv.add(c.isRule ? "training_flops_rule_6nd" : "training_flops", exact: c.flops.count, "FLOP")
        csv.add("hardware_flops", exact: c.hardwareFLOPs.count, "FLOP")
        csv.add("rule_flops_6nd", exact: c.ruleFLOPs.count, "FLOP")
        csv.add("exact_over_rule", c.exactOverRule, "ratio")
        csv.add("effective_flops_per_second", hardware.effectiveTrainingThroughput.value, "FLOP/s")
        csv.add("mfu", c.mfu, "fraction")
        csv.add("hfu", c.hfu, "fraction")
        csv.add("device_hours", c.deviceTime.hours, "h")
        csv.add("devices", c.devices, "devices")
        csv.add("wall_clock_days", c.wallClock.days, "days")
        csv.add("price_per_device_hour", hardware.pricePerHour.value, "USD/h")
        csv.add("dollars", c.dollars.value, "USD")
        csv.add("energy", c.energy?.value, "kWh")
        csv.add("energy_dollars", c.energyDollars?.value, "USD")
        var notes = hardware.sourceNotes + (figures.notes + figures.trainingNotes).map(OptionNames.text)
        if !hardware.isMeasured, hardware.sources["training_utilisation"] == nil {
            notes.append("MFU is on model FLOPs (3 × forward, no recomputation): device time = model FLOPs ÷ (peak × MFU); "
                + "training typically reaches MFU 0.3–0.5 of a datasheet peak")
        }
        return Rendered(json: json, tables: tables, notes: notes, csvTable: csv.table)
    }
}
