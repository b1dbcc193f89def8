import ArgumentParser
import CostModel
import ParallelPlan
import Workload

/// `llmcost plan MODEL --devices N --hardware H`: parallel training plans, ranked; or one plan in
/// detail with `--tp/--pp/--dp…`; or tensor-parallel serving with `--serve`.
struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Tensor/pipeline/data/expert-parallel training plans with ZeRO: memory per device, communication, step time, cost.",
        discussion: Examples.discussion(
            "llmcost plan llama-2-7b --devices 64 --top 5",
            "llmcost plan llama-2-70b --serve --tp 8 --tokens-per-second 5000",
            "llmcost plan --list-interconnects"))

    @Argument(help: ArgumentHelp(ModelArgument.help, valueName: "model"))
    var model: String?
    @Option(help: ArgumentHelp(ModelArgument.revisionHelp, valueName: "revision"))
    var revision: String?
    @Option(name: .customLong("devices"), help: "Devices to plan for, 1…2^20 (default 8; training only).") var devicesOption: Int?
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
    @Option(name: .customLong("seq"), help: "Tokens per sequence (default 2048), 1…131072 (no context parallelism is modelled), within the model's context window unless --allow-beyond-context.") var seqOption: Int?
    @Option(name: .customLong("global-batch"), help: "Sequences per optimizer step, 1…2^20 (default 512).") var globalBatchOption: Int?
    @Option(name: .customLong("efficiency"), help: "Fraction of the device's achievable matmul rate (its peak × the fraction a matmul benchmark reaches on it) that its GEMMs sustain, in [0.001, 1] (one global constant, not MFU).") var efficiencyOption: Double?
    @Option(name: .customLong("recompute"), help: "Activation recomputation: none, selective (default) or full.") var recomputeOption: Recompute?
    @Option(name: .customLong("price-per-hour"), help: "Price per device-hour (default: the catalog's reference price).") var pricePerHour: Double?
    @Option(help: "Tensor-parallel degree. Any of --tp/--pp/--dp gives one plan instead of a search (--tp, --pp default 1; --dp the devices left); with --serve, the replica's size.") var tp: Int?
    @Option(help: "Pipeline-parallel degree (one plan; default 1 there).") var pp: Int?
    @Option(help: "Data-parallel degree (one plan; default: the devices left over by --tp × --pp).") var dp: Int?
    @Option(help: "Expert-parallel degree (MoE only; it divides the expert count). Without tp/pp/dp: search only plans with it.") var ep: Int?
    @Option(help: "ZeRO stage 0…3 (default 1 for a single plan). Without tp/pp/dp: search only plans with it.") var zero: Int?
    @Flag(name: .customLong("sp"), help: "Sequence parallelism.") var sequenceParallel = false
    @Option(name: .customLong("micro-batches"), help: "Micro-batches per step, 1…2^20. Without tp/pp/dp: search only plans with it.") var microBatches: Int?
    @Option(name: .customLong("virtual-stages"), help: "Interleaved pipeline: model chunks per stage, dividing each stage's layers (one plan; default 1, plain 1F1B).")
    var virtualStages: Int?
    @Option(name: .customLong("top"), help: "Plans to list (default 10).") var topOption: Int?
    @Flag(help: "Serving instead of training: tensor-parallel decode latency, throughput and replicas.") var serve = false
    @Option(name: .customLong("batch"), help: "--serve: sequences decoded together per replica (default 8).") var batchOption: Int?
    @Option(name: .customLong("context"), help: "--serve: tokens in each sequence's KV cache (default 2048).") var contextOption: Int?
    @Option(name: .customLong("tokens-per-second"), help: "--serve: generated tokens per second to sustain, up to 1e12 (sizes the replica count).")
    var tokensPerSecond: Double?
    @Flag(name: .customLong("allow-beyond-context"), help: "Plan sequences (or a --serve context) longer than the model's context window.")
    var allowBeyondContext = false
    @OptionGroup var output: OutputOptions

    var devices: Int { devicesOption ?? 8 }
    var seq: Int { seqOption ?? 2048 }
    var globalBatch: Int { globalBatchOption ?? 512 }
    var efficiency: Double { efficiencyOption ?? TrainingJob.fittedKernelEfficiency }
    var recompute: Recompute { recomputeOption ?? .selective }
    var top: Int { topOption ?? 10 }
    var batch: Int { batchOption ?? 8 }
    var context: Int { contextOption ?? 2048 }

    func validate() throws {
        guard model != nil || listInterconnects else { throw ValidationError("Missing expected argument '<model>'") }
    }

    func run() throws {
        if listInterconnects { return try output.emit(InterconnectView().rendered) }
        try output.emit(try rendered())
    }

    /// The plans (or serving rows) before formatting (what tests inspect); every bad option is
    /// an error before any search.
    func rendered() throws -> Rendered {
        try PlanOptionCheck(self).check()
        let spec = try ModelLoading.load(model ?? "", revision: revision)
        let device = try AcceleratorChoice.accelerator(named: hardware, pricePerHour: pricePerHour, intraNode: interconnect,
                                                       interNode: network, devicesPerNode: devicesPerNode)
        if serve { return try serving(spec, device) }
        try spec.checkContext(length: seq, parameter: .sequenceLength, allowBeyond: allowBeyondContext)
        let job = TrainingJob(spec: spec, seq: seq, globalBatch: globalBatch, kernelEfficiency: efficiency, recompute: recompute)
        let evaluations: [PlanEvaluation]
        var constraints = PlanConstraints()
        if tp != nil || pp != nil || dp != nil {
            let t = tp ?? 1, p = pp ?? 1
            let d = dp ?? max(1, devices / max(1, t * p))
            var config = ParallelConfig(tp: t, pp: p, dp: d, ep: ep ?? 1, zero: zero ?? 1, sequenceParallel: sequenceParallel,
                                        microBatches: microBatches ?? max(1, globalBatch / d))
            config.virtualStages = virtualStages ?? 1
            try config.validate(for: spec, devices: devices, globalBatch: globalBatch)
            evaluations = [try config.evaluate(job, on: device)]
        } else {
            constraints = PlanConstraints(zero: zero, ep: ep, microBatches: microBatches)
            try constraints.validate(for: spec)
            evaluations = PlanSearch.plans(devices: devices, job: job, on: device, constraints: constraints)
            guard !evaluations.isEmpty else { throw PlanError.noPlan(devices: devices, globalBatch: globalBatch, constraints: constraints) }
        }
        let smallest = PlanSearch.smallestFittingDeviceCount(job: job, on: device, constraints: constraints)
        return PlanView(evaluations: Array(evaluations.prefix(top)), device: device, job: job, smallest: smallest,
                        explain: output.explain, efficiencyGiven: efficiencyOption != nil).rendered
    }
}

extension Plan {
    /// One row per tensor-parallel degree (or the given `--tp`) that the model's heads allow.
    func serving(_ spec: ModelSpec, _ device: Accelerator) throws -> Rendered {
        try spec.checkContext(length: context, parameter: .context, allowBeyond: allowBeyondContext)
        let (estimates, skipped) = try ServingPlan.estimates(spec: spec, tp: tp, batch: batch, context: context, on: device)
        var table = TextTable(title: "\(spec.name) decode on \(device.name), batch \(batch), context \(context)", columns: [
            .init("tp", .left), .init("fits"), .init("GB/dev", key: "bytes_per_device"), .init("ms/token", key: "seconds_per_token"),
            .init("roofline", key: "roofline_seconds_per_token"), .init("bound by", key: "bound_by"), .init("comm ms", key: "communication_seconds"),
            .init("tok/s/replica", key: "tokens_per_second"), .init("replicas"), .init("$/1M tok", key: "dollars_per_million_tokens")])
        var rows: [JSONValue] = []
        for e in estimates {
            let replicas = try tokensPerSecond.map { try e.replicas(for: $0) }
            let dollarsPerMillion = e.dollarsPerMillionTokens
            table.append([.plain(e.tp), .yesNo(e.fits), .figure(HumanUnits.decimal(Bytes(Double(e.bytesPerDevice)).gigabytes, 1), exact: e.bytesPerDevice),
                          .figure(HumanUnits.decimal(e.timePerToken.milliseconds, 2), e.timePerToken.value),
                          .figure(HumanUnits.decimal(e.rooflineTimePerToken.milliseconds, 2), e.rooflineTimePerToken.value), .text(e.boundBy),
                          .figure(HumanUnits.decimal(e.communicationTime.milliseconds, 3), e.communicationTime.value),
                          .number(e.tokensPerSecond, 0), replicas.map { .count($0) } ?? .missing, .number(dollarsPerMillion, 3)])
            rows.append(.object([("tp", .int(e.tp)), ("fits", .bool(e.fits)), ("bytes_per_device", .integer(e.bytesPerDevice)),
                                 ("seconds_per_token", .number(e.timePerToken.value)), ("predicted_step", e.predictedStep?.json ?? .null),
                                 ("roofline_seconds_per_token", .number(e.rooflineTimePerToken.value)), ("compute_seconds", .number(e.computeTime.value)),
                                 ("memory_seconds", .number(e.memoryTime.value)), ("communication_seconds", .number(e.communicationTime.value)),
                                 ("bound_by", .string(e.boundBy)), ("tokens_per_second", .number(e.tokensPerSecond)),
                                 ("replicas", .optional(replicas)), ("dollars_per_million_tokens", .number(dollarsPerMillion))]))
        }
        var notes: [String] = []
        let mixture = spec.decoder?.moe != nil
        if estimates.contains(where: { $0.predictedStep != nil }) {
            notes.append("ms/token: the decode step per device, operation by operation, as validate --published prices TensorRT-LLM's rows: q/k/v/output projections, \(mixture ? "FFN (with the shared experts and router), routed experts" : "FFN") and LM head each at max(FLOPs ÷ (achievable matmul rate × η \(HumanUnits.decimal(TrainingJob.fittedKernelEfficiency, 3)), the fit over the published training runs), weight bytes ÷ achievable bandwidth\(mixture ? "; the routed experts as far as the batch reaches them" : "")); the KV cache read and the element-wise kernels (each activation a layer keeps written and read once) at the achievable bandwidth; 2 all-reduces per layer over \(device.intraNode.name); \(HumanUnits.decimal(TensorParallelGeneration.fittedLayerOverhead.value * 1e6, 1)) µs a layer fixed (the median the published TensorRT-LLM rows imply; validate --published reports it leave-one-out)")
        } else {
            notes.append("ms/token is the roofline: the per-operation decode step prices \(TensorParallelGeneration.coverage) whose weights share one storage type (not \(spec.name))")
        }
        notes += ["roofline (ms/token): max(FLOPs ÷ tp ÷ peak, (weights + KV cache) ÷ tp ÷ achievable bandwidth) + 2 all-reduces per layer over \(device.intraNode.name); the peak is the datasheet bf16 dense figure, not derated: a lower bound on latency",
                     "achievable bandwidth \(HumanUnits.decimal(device.bandwidth.value / 1e9, 0)) GB/s: \(HumanUnits.percent(device.bandwidthCeiling.fraction)) of the datasheet's \(HumanUnits.decimal(device.spec.bandwidth.value / 1e9, 0)) GB/s, what a memory-bound kernel was measured to reach (\(device.bandwidthCeiling.source.citation))"]
        if let moe = spec.decoder?.moe {
            notes.append("mixture of experts: a step reads the dense weights and only the routed experts its batch reaches, E·(1 − (1 − k/E)^batch) of E = \(moe.experts) per sparse layer (k = \(moe.topK); uniform, independent routing assumed; skewed real routing reads fewer)")
        }
        if let first = skipped.first {
            notes.append("tp \(skipped.map { String($0.tp) }.joined(separator: ", ")) not planned: \(first.reason.rendered(\.option))")
        }
        if let c = spec.checkpointPrecision {
            notes.append("weights as the checkpoint stores them: \(c.summary)")
        }
        if let l = spec.decoder?.attention.latent {
            notes.append("multi-head latent attention: the KV cache holds the \(l.keyValueRank)+\(l.ropeHeadDim)-element latent per token and layer; decode FLOPs follow the absorbed convention (W_UK/W_UV folded in), as serving engines run it")
        }
        return Rendered(json: .object([("model", .string(spec.name)), ("hardware", .string(device.name)),
                                       ("batch", .int(batch)), ("context", .int(context)), ("serving", .array(rows))]),
                        tables: [table], notes: notes)
    }
}
