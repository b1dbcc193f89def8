import ArgumentParser
import CostModel

/// `llmcost cost infer MODEL`: cost per request and per 1K tokens, by the per-operation serving
/// steps where they price the model (`ServingStepChoice`), else by the roofline.
struct CostInfer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "infer", abstract: "Serving cost per request and per 1K tokens: prefill and decode steps operation by operation, or on the roofline (batch matters).",
        discussion: Examples.discussion(
            "llmcost cost infer llama-2-7b --prompt 1000 --new-tokens 200 --batch 16",
            "llmcost cost infer mixtral-8x7b --devices 2 --weight-type fp8 --precision fp8"))

    @OptionGroup var model: CostModelChoice
    @OptionGroup var request: ServedRequest
    @Option(help: "Requests decoded together (B): weights are read once per step for the whole batch.")
    var batch: Int = 1
    @Option(name: .customLong("devices"), help: "Devices per model replica, tensor parallel with its all-reduces on catalog devices (default 1).")
    var devicesOption: Int?
    @Option(name: Renamed.name(Renamed.OldNames.gpus), help: .hidden) var gpusRetired: Int?
    var devices: Int { devicesOption ?? 1 }
    @OptionGroup var hardware: HardwareOptions
    @OptionGroup var output: OutputOptions

    mutating func validate() throws {
        devicesOption = try Renamed.value(devicesOption, gpusRetired, old: Renamed.OldNames.gpus, new: .devices)
    }

    func run() throws { try output.emit(try rendered()) }

    /// The result before formatting (what tests inspect).
    func rendered() throws -> Rendered {
        let prompt = request.prompt, outputTokens = request.newTokens, devices = self.devices
        try InferenceCost.checkSizes(promptTokens: prompt, outputTokens: outputTokens, batch: batch, devices: devices)
        var profile = try hardware.profile()
        let (figures, spec) = try model.loaded(sequenceLength: prompt, parameter: .promptTokens, newTokens: outputTokens, measuredHost: profile.isMeasured)
        model.describeStorage(of: figures, on: &profile)
        let steps = try ServingStepChoice.choose(spec: spec, model: model, hardware: hardware, profile: profile, devices: devices,
                                                 batch: batch, promptTokens: prompt, outputTokens: outputTokens)
        let cost = try InferenceCost.estimate(model: figures, promptTokens: prompt, outputTokens: outputTokens, batch: batch,
                                              hardware: profile, devices: devices,
                                              communication: try TensorParallelLink.communication(spec: spec, hardware: hardware, devices: devices),
                                              predicted: steps.predicted)
        var rendered = Self.rendered(cost, hardware: profile, notes: figures.notes.map(OptionNames.text), explain: output.explain)
        if let reason = steps.rooflineReason { rendered.notes.insert(reason, at: 0) }
        return rendered
    }

    static func rendered(_ c: InferenceCost, hardware: HardwareProfile, notes: [String], explain: Bool) -> Rendered {
        var table = TextTable(title: "\(c.model): \(c.promptTokens) prompt + \(c.outputTokens) generated tokens, batch \(c.batch)",
                              columns: ["figure", "value", "≈ / note"], alignments: [.left, .right, .left])
        let predicted = c.predicted != nil
        table.append(["prefill", c.prefillTime.description,
                      (predicted ? "roofline \(c.rooflinePrefillTime), " : "") + "\(c.prefill.bound.rawValue)-bound"])
        table.append(["decode (\(c.outputTokens - 1) steps)", c.decodeTime.description,
                      (predicted ? "roofline \(c.rooflineDecodeTime): " : "") + "\(c.memoryBoundSteps) memory-bound, \(c.computeBoundSteps) compute-bound"])
        if c.outputTokens > 1, let step = c.predicted?.meanDecodeStep, let largest = step.parts.max(by: { $0.time < $1.time }) {
            table.append(["mean decode step", step.total.description, "largest part: \(largest.name), \(largest.time)"])
        }
        if let s = c.firstDecodeStep {
            table.append(["first decode step" + (c.predicted == nil ? "" : " (roofline)"), s.time.description,
                          "\(s.bound.rawValue)-bound, \(HumanUnits.decimal(s.arithmeticIntensity, 1)) FLOP/B"])
        }
        if let split = c.predictedBreakdown {
            table.append(["of which compute-bound parts", split.compute.description, "FLOPs ÷ rate above bytes ÷ bandwidth"])
            table.append(["of which memory-bound parts", split.memory.description, "weights, KV cache, element-wise traffic"])
            table.append(["of which per-layer fixed costs", split.fixed.description, "launches and host work a layer adds to each step"])
        }
        if c.communicationTime.value > 0 {
            table.append(["of which all-reduces", c.communicationTime.description, "tensor parallel over \(c.devices) devices"])
        }
        table.append(["batch time", c.batchTime.description,
                      c.predicted == nil ? "roofline" : "per-operation steps; roofline \(c.rooflineBatchTime)"])
        table.append(["$ per request", c.dollarsPerRequest.description, ""])
        table.append(["$ per 1K generated tokens", c.dollarsPer1KOutputTokens.description, ""])
        table.append(["$ per 1K tokens (prompt + generated)", c.dollarsPer1KTokens.description, ""])
        table.append(["memory (weights + KV cache)", c.memory.description, ""])
        if c.predicted != nil {
            table.append(["MFU (predicted)", HumanUnits.percent(c.mfu), "model FLOPs ÷ (batch time × peak × \(c.devices))"])
        } else if let bandwidth = hardware.effectiveBandwidth {
            table.append(["throughput (peak × MFU)", hardware.effectiveThroughput.description, "MFU \(HumanUnits.decimal(hardware.utilisation, 3))"])
            table.append(["bandwidth (× utilisation)", bandwidth.description, "u_bw \(HumanUnits.decimal(hardware.bandwidthUtilisation, 2))"])
        }
        var tables = [table]
        if explain { tables.append(Explanation.table(c.explanation)) }
        let json: JSONValue = .object([
            ("model", .string(c.model)),
            ("prompt_tokens", .int(c.promptTokens)), ("output_tokens", .int(c.outputTokens)),
            ("batch", .int(c.batch)), ("devices", .int(c.devices)),
            ("prefill_seconds", .number(c.prefillTime.value)), ("prefill_bound", .string(c.prefill.bound.rawValue)),
            ("decode_seconds", .number(c.decodeTime.value)),
            ("memory_bound_steps", .int(c.memoryBoundSteps)), ("compute_bound_steps", .int(c.computeBoundSteps)),
            ("communication_seconds", .number(c.communicationTime.value)),
            ("batch_seconds", .number(c.batchTime.value)),
            ("time_model", .string(c.predicted == nil ? "roofline" : "per_operation")),
            ("roofline_batch_seconds", .number(c.rooflineBatchTime.value)),
            ("model_flops", .number(c.modelFLOPs)),
            ("mfu", .number(c.mfu)),
            ("predicted_steps", c.predicted.map(Self.json) ?? .null),
            ("predicted_breakdown", c.predictedBreakdown.map { .object([
                ("compute_bound_seconds", .number($0.compute.value)), ("memory_bound_seconds", .number($0.memory.value)),
                ("communication_seconds", .number($0.communication.value)), ("fixed_seconds", .number($0.fixed.value))]) } ?? .null),
            ("dollars_per_request", .number(c.dollarsPerRequest.value)),
            ("dollars_per_1k_output_tokens", .number(c.dollarsPer1KOutputTokens.value)),
            ("dollars_per_1k_tokens", .number(c.dollarsPer1KTokens.value)),
            ("memory_bytes", .number(c.memoryBytes)),
            ("bandwidth_utilisation", .number(hardware.bandwidthUtilisation)),
            ("hardware", hardware.json),
            ("explanation", .array(c.explanation.map(\.json))),
            ("notes", .array((c.notes.map(OptionNames.text) + notes).map { .string($0) })),
        ])
        var csv = FigureCSV()
        csv.add("prompt_tokens", c.promptTokens, "tokens")
        csv.add("output_tokens", c.outputTokens, "tokens")
        csv.add("batch", c.batch, "sequences")
        csv.add("devices", c.devices, "devices")
        csv.add("prefill_seconds", c.prefillTime.value, "s")
        csv.add("prefill_memory_bound", c.prefill.bound == .memory ? 1 : 0, "bool")
        csv.add("decode_seconds", c.decodeTime.value, "s")
        csv.add("memory_bound_steps", c.memoryBoundSteps, "steps")
        csv.add("compute_bound_steps", c.computeBoundSteps, "steps")
        csv.add("communication_seconds", c.communicationTime.value, "s")
        csv.add("batch_seconds", c.batchTime.value, "s")
        csv.add("roofline_batch_seconds", c.rooflineBatchTime.value, "s")
        csv.add("mfu", c.mfu, "fraction")
        csv.add("dollars_per_request", c.dollarsPerRequest.value, "USD")
        csv.add("dollars_per_1k_output_tokens", c.dollarsPer1KOutputTokens.value, "USD/1K tokens")
        csv.add("dollars_per_1k_tokens", c.dollarsPer1KTokens.value, "USD/1K tokens")
        csv.add("memory", c.memoryBytes, "B")
        csv.add("effective_flops_per_second", hardware.effectiveThroughput.value, "FLOP/s")
        csv.add("effective_bandwidth", hardware.effectiveBandwidth?.value, "B/s")
        csv.add("bandwidth_utilisation", hardware.bandwidthUtilisation, "fraction")
        return Rendered(json: json, tables: tables, notes: c.notes.map(OptionNames.text) + hardware.sourceNotes + notes, csvTable: csv.table)
    }

    /// Each predicted step by part, with the keys `plan --serve` gives its step.
    static func json(_ predicted: PredictedGeneration) -> JSONValue {
        .object([("prefill", predicted.prefill.json), ("mean_decode_step", predicted.meanDecodeStep.json), ("source", .string(predicted.source))])
    }
}
