import ArgumentParser
import ParallelPlan
import Workload

/// `llmcost plan MODEL --devices N --hardware H`: parallel training plans, ranked; or one plan in
/// detail with `--tp/--pp/--dp…`; or tensor-parallel serving with `--serve`.
struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Tensor/pipeline/data/expert-parallel training plans with ZeRO: memory per device, communication, step time, cost.")

    @Argument(help: ArgumentHelp(
        "A catalog name (see `llmcost models`), a path to one of our spec files, a path to a Hugging Face config.json, or a directory that contains one.",
        valueName: "model"))
    var model: String?
    @Option(help: "Devices to plan for.") var devices: Int = 8
    @Option(help: "Accelerator: a catalog name (see `llmcost cost train --help`); measured host profiles carry no device memory or links, so plans do not take them.")
    var hardware: String = "h100-sxm"
    @Option(help: "Link inside a node (default: the device's usual fabric, e.g. nvswitch-h100 for h100-sxm); see --list-interconnects.")
    var interconnect: String?
    @Option(help: "Link between nodes (default: the device's usual NIC, e.g. ib-ndr); see --list-interconnects.")
    var network: String?
    @Option(name: .customLong("devices-per-node"), help: "Devices sharing the intra-node link (default: 8 for the 8-GPU baseboards).")
    var devicesPerNode: Int?
    @Flag(name: .customLong("list-interconnects"), help: "Print the interconnect catalog (bandwidth, latency, sources) and exit.")
    var listInterconnects = false
    @Option(help: "Tokens per sequence.") var seq: Int = 2048
    @Option(name: .customLong("global-batch"), help: "Sequences per optimizer step.") var globalBatch: Int = 512
    @Option(help: "Fraction of peak one device's GEMMs sustain (one global constant, not MFU).") var efficiency: Double = 0.6
    @Option(help: "Activation recomputation: none, selective or full.") var recompute: Recompute = .selective
    @Option(name: .customLong("price-per-hour"), help: "Price per device-hour (default: the catalog's reference price).") var pricePerHour: Double?
    @Option var tp: Int?
    @Option var pp: Int?
    @Option var dp: Int?
    @Option var ep: Int = 1
    @Option var zero: Int = 1
    @Flag(name: .customLong("sp"), help: "Sequence parallelism.") var sequenceParallel = false
    @Option(name: .customLong("micro-batches")) var microBatches: Int?
    @Option(help: "Plans to list.") var top: Int = 10
    @Flag(help: "Serving instead of training: tensor-parallel decode latency, throughput and replicas.") var serve = false
    @Option(help: "--serve: sequences decoded together per replica.") var batch: Int = 8
    @Option(help: "--serve: tokens in each sequence's KV cache.") var context: Int = 2048
    @Option(name: .customLong("tokens-per-second"), help: "--serve: generated tokens per second to sustain (sizes the replica count).")
    var tokensPerSecond: Double?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard model != nil || listInterconnects else { throw ValidationError("Missing expected argument '<model>'") }
        guard devices >= 1, devices <= 1 << 20 else { throw ValidationError("--devices must be between 1 and 2^20") }
        guard efficiency > 0, efficiency <= 1 else { throw ValidationError("--efficiency must lie in (0, 1]") }
        guard seq >= 1, globalBatch >= 1, top >= 1 else { throw ValidationError("--seq, --global-batch and --top must be positive") }
        if let pricePerHour, !(pricePerHour > 0) { throw ValidationError("--price-per-hour must be positive") }
        if let tokensPerSecond, !(tokensPerSecond > 0) || !tokensPerSecond.isFinite { throw ValidationError("--tokens-per-second must be positive") }
        guard batch >= 1, context >= 1 else { throw ValidationError("--batch and --context must be positive") }
        if let devicesPerNode, devicesPerNode < 1 || devicesPerNode > 1 << 16 { throw ValidationError("--devices-per-node must be between 1 and 65536") }
    }

    func run() throws {
        if listInterconnects { return try output.emit(InterconnectView().rendered) }
        let spec = try ModelLoading.load(model ?? "")
        let device = try AcceleratorChoice.accelerator(named: hardware, pricePerHour: pricePerHour, intraNode: interconnect,
                                                       interNode: network, devicesPerNode: devicesPerNode)
        if serve { return try runServing(spec, device) }
        let job = TrainingJob(spec: spec, seq: seq, globalBatch: globalBatch, kernelEfficiency: efficiency, recompute: recompute)
        let evaluations: [PlanEvaluation]
        if tp != nil || pp != nil || dp != nil {
            let t = tp ?? 1, p = pp ?? 1
            let d = dp ?? max(1, devices / max(1, t * p))
            let config = ParallelConfig(tp: t, pp: p, dp: d, ep: ep, zero: zero, sequenceParallel: sequenceParallel,
                                        microBatches: microBatches ?? max(1, globalBatch / d))
            try config.validate(for: spec, devices: devices, globalBatch: globalBatch)
            evaluations = [try config.evaluate(job, on: device)]
        } else {
            evaluations = PlanSearch.plans(devices: devices, job: job, on: device)
            guard !evaluations.isEmpty else {
                throw PlanError(option: "--devices", "no valid plan for \(devices) devices: heads, layers and the global batch \(globalBatch) must divide by the degrees")
            }
        }
        let smallest = PlanSearch.smallestFittingDeviceCount(job: job, on: device)
        try output.emit(PlanView(evaluations: Array(evaluations.prefix(top)), device: device, job: job, smallest: smallest,
                                 explain: output.explain).rendered)
    }
}

extension Plan {
    /// One row per tensor-parallel degree (or the given `--tp`) that the model's heads allow.
    func runServing(_ spec: ModelSpec, _ device: Accelerator) throws {
        let heads = spec.decoder?.attention.heads ?? 1
        let degrees = tp.map { [$0] } ?? (1...device.devicesPerNode).filter { heads % $0 == 0 && $0 & ($0 - 1) == 0 }
        let estimates = try degrees.map { try ServingPlan.estimate(spec: spec, tp: $0, batch: batch, context: context, on: device) }
        var table = TextTable(title: "\(spec.name) decode on \(device.name), batch \(batch), context \(context)",
                              columns: ["tp", "fits", "GB/device", "ms/token", "bound by", "comm ms", "tokens/s/replica", "replicas", "$/1M tokens"])
        var rows: [JSONValue] = []
        for e in estimates {
            let replicas = tokensPerSecond.map { e.replicas(for: $0) }
            let dollarsPerMillion = device.dollarsPerHour * Double(e.tp) / 3600 / e.tokensPerSecond * 1e6
            table.append([String(e.tp), e.fits ? "yes" : "no", HumanUnits.decimal(Double(e.bytesPerDevice) / 1e9, 1),
                          HumanUnits.decimal(e.secondsPerToken * 1000, 2), e.boundBy, HumanUnits.decimal(e.communicationSeconds * 1000, 3),
                          HumanUnits.decimal(e.tokensPerSecond, 0), replicas.map(String.init) ?? "—", HumanUnits.decimal(dollarsPerMillion, 3)])
            rows.append(.object([("tp", .int(e.tp)), ("fits", .bool(e.fits)), ("bytes_per_device", .integer(e.bytesPerDevice)),
                                 ("seconds_per_token", .number(e.secondsPerToken)), ("compute_seconds", .number(e.computeSeconds)),
                                 ("memory_seconds", .number(e.memorySeconds)), ("communication_seconds", .number(e.communicationSeconds)),
                                 ("bound_by", .string(e.boundBy)), ("tokens_per_second", .number(e.tokensPerSecond)),
                                 ("replicas", .optional(replicas)), ("dollars_per_million_tokens", .number(dollarsPerMillion))]))
        }
        let notes = ["decode step per device: max(FLOPs ÷ tp ÷ peak, (weights + KV cache) ÷ tp ÷ HBM bandwidth) + 2 all-reduces per layer over \(device.intraNode.name)",
                     "peak is the datasheet bf16 dense figure, not derated: a roofline lower bound on latency"]
        try output.emit(Rendered(json: .object([("model", .string(spec.name)), ("hardware", .string(device.name)),
                                                ("batch", .int(batch)), ("context", .int(context)), ("serving", .array(rows))]),
                                 tables: [table], notes: notes))
    }
}
