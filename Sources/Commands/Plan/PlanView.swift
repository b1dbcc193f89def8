import CostModel
import ParallelPlan
import Workload

struct PlanView {
    var evaluations: [PlanEvaluation]
    var device: Accelerator
    var job: TrainingJob
    var smallest: Int?
    var explain: Bool
    /// η came from the user, not from the published-run fit.
    var efficiencyGiven = false

    var rendered: Rendered {
        // CSV keys are the JSON keys; bubble, exposed communication and HFU are detail (--wide, CSV), so
        // the reason a plan loses has room in 100 columns.
        var ranking = TextTable(title: "plans on \(evaluations.first?.config.devices ?? 0) × \(device.name), fastest first", columns: [
            .init("plan", .left), .init("b", key: "micro_batch_size"), .init("fits"), .init("GB/device", key: "memory_bytes_per_device"),
            .init("step s", key: "step_seconds"), .init("bubble", key: "bubble_fraction", role: .detail),
            .init("exposed comm s", key: "exposed_communication_seconds", role: .detail), .init("MFU", key: "mfu"),
            .init("HFU", key: "hfu", role: .detail), .init("$/step", key: "dollars_per_step"), .init("why it loses", key: "why_it_loses", .left)])
        for e in evaluations {
            ranking.append([.text(e.config.description), .count(e.microBatchSize), .yesNo(e.fits),
                            .figure(HumanUnits.decimal(Bytes(Double(e.memory.total)).gigabytes, 1), exact: e.memory.total),
                            .number(e.stepTime.value, 3), .percent(e.config.bubbleFraction), .number(e.exposedCommunicationTime.value, 3),
                            .percent(e.mfu), .percent(e.hfu), .number(e.dollarsPerStep.value, 4),
                            .text(e.versusBest ?? e.weaknesses.joined(separator: "; "))])
        }
        var tables = [ranking]
        if let best = evaluations.first {
            tables += detail(best)
            if explain { tables.append(Explanation.table(explanations(best))) }
        }
        var notes = [
            "FLOPs per step are exact (Workload): HFU counts 3 × forward + recomputation (\(job.recompute.rawValue)); MFU counts the model's 3 × forward only",
            "time = the busiest device's compute, operation by operation (weight GEMMs at their sharded shapes with tile and wave quantization\(device.spec.computeUnits.map { " over \($0.count) compute units" } ?? " (no unit count published for \(device.name): none applied)"), FlashAttention at \(HumanUnits.percent(DeviceStepTime.attentionEfficiency)) of peak, element-wise kernels and the Adam update at the achievable bandwidth, \(HumanUnits.percent(device.bandwidthCeiling.fraction)) of the datasheet's) + pipeline bubble (P−1)/M × compute + exposed communication",
            efficiencyGiven
                ? "GEMM efficiency η = \(job.kernelEfficiency) (\(InputParameter.kernelEfficiency.option), as given): the fraction of the achievable matmul rate a large GEMM sustains; every GEMM time scales with it"
                : "GEMM efficiency η = \(job.kernelEfficiency) (the fraction of the achievable matmul rate a large GEMM sustains in a training framework): fitted on the published runs (\(InputParameter.publishedRun.option): the median η they imply, with leave-one-out errors), not measured for this device",
            "achievable matmul rate = peak × \(HumanUnits.percent(device.matmulCeiling.fraction)): \(device.matmulCeiling.source.citation)",
            "overlap: data-parallel traffic sent once per step hides only behind the last micro-batch's backward (gradient accumulation: the gradient is complete only then); the post-optimizer weight all-gather (ZeRO-1/2) behind the next step's first forward; ZeRO-2/3 per-micro-batch traffic behind that micro-batch's forward or backward; tensor-parallel, pipeline and expert all-to-all traffic is not overlapped",
            "the micro-batch size b is searched over \(PlanSearch.microBatchSizes.map(String.init).joined(separator: ", ")); its effect on GEMM efficiency is modelled through the GEMM shapes (tile and wave quantization), not through the kernels a library picks for them",
            "links: \(device.intraNode.name) inside a node of \(device.devicesPerNode), \(device.interNode.name) between nodes (\(OptionNames.listInterconnects) for the catalog and sources)",
        ]
        if let smallest { notes.append("smallest device count with a plan that fits: \(smallest)") }
        return Rendered(json: json, tables: tables, notes: notes)
    }

    private func detail(_ e: PlanEvaluation) -> [TextTable] {
        var memory = TextTable(title: "\(e.config) b\(e.microBatchSize) — memory on the busiest device", columns: ["component", "bytes", "", "formula"])
        memory.alignments[3] = .left
        for c in e.memory.components { memory.append([.text(c.name), .count(c.bytes.value), .human(HumanUnits.bytes(c.bytes.value)), .text(c.formula)]) }
        memory.append(["total", .count(e.memory.total), .human(HumanUnits.bytes(e.memory.total)), ""])
        var comms = TextTable(title: "communication per step", columns: [
            .init("collective", .left), .init("calls", role: .detail), .init("bytes/device"), .init("link", .left, role: .detail), .init("seconds"),
            .init("exposed s"), .init("overlap", .left)])
        for c in e.collectives {
            comms.append([.text(c.name), .count(c.count), .number(c.bytesPerDevice.value, 0), .text(c.link.name), .number(c.time.value, 4),
                          .number(c.exposedTime.value, 4), .text(c.overlap)])
        }
        let t = e.deviceTime, step = e.stepTime.value
        var time = TextTable(title: "step time on the busiest device", columns: ["part", "seconds", "share", "how"])
        time.alignments[3] = .left
        let exposed = e.collectives.reduce(0.0) { $0 + $1.exposedTime.value }
        for (name, seconds, how) in [
            ("weight GEMMs", t.gemm.value, "sharded shapes at peak × m × η × tile/wave efficiency (m = \(HumanUnits.percent(device.matmulCeiling.fraction)) achievable matmul; tile/wave \(HumanUnits.percent(t.gemmShapeEfficiency)) overall), or bytes ÷ bandwidth when memory-bound"),
            ("attention", t.attention.value, "exact attention FLOPs as FlashAttention runs them (causal: half computed; backward recomputes the scores) at \(HumanUnits.percent(DeviceStepTime.attentionEfficiency)) of peak"),
            ("other compute", t.otherCompute.value, "scans, convolutions, delta rules at peak × m × η"),
            ("element-wise", t.elementwise.value, "4 × activations kept per layer, at the achievable bandwidth"),
            ("optimizer", t.optimizer.value, "Adam: 28 bytes per parameter whose state this device holds, at the achievable bandwidth"),
            ("pipeline bubble", e.bubbleTime.value, e.config.virtualStages > 1 ? "(P − 1)/(v·M) × compute (interleaved, v = \(e.config.virtualStages))" : "(P − 1)/M × compute"),
            ("exposed communication", exposed, "collectives not hidden behind compute (below)"),
            ("step", step, "MFU \(HumanUnits.percent(e.mfu))"),
        ] where seconds > 0 || name == "step" {
            time.append([.text(name), .number(seconds, 4), step > 0 ? .percent(seconds / step) : .missing, .text(how)])
        }
        return [time, memory, comms]
    }

    /// `--explain`: every figure of the winning plan with its formula, inputs and their sources.
    private func explanations(_ e: PlanEvaluation) -> [Explanation] {
        let c = e.config
        func n(_ v: Int) -> String { String(v) }
        let degrees: [Explanation.Input] = [.init("T", n(c.tp), "", source: "plan"), .init("P", n(c.pp), "", source: "plan"),
                                            .init("D", n(c.dp), "", source: "plan"), .init("E", n(c.ep), "", source: "plan")]
        var out: [Explanation] = [
            Explanation("parameters per device", formula: "Ψ = (N − N_vocab − N_experts)/(T·P) + N_experts/(T·P·E) + N_vocab/T (vocabulary on the first/last stage)",
                        inputs: degrees, result: HumanUnits.grouped(e.memory.parametersPerDevice)),
        ]
        for m in e.memory.components {
            out.append(Explanation(m.name, formula: m.formula, inputs: [.init("Ψ", HumanUnits.grouped(e.memory.parametersPerDevice), "parameters", source: "above"),
                                                                      .init("ZeRO stage", n(c.zero), "", source: "plan")],
                                   result: HumanUnits.bytes(m.bytes.value)))
        }
        let peak = Explanation.Input("peak", HumanUnits.decimal(device.peak.teraFLOPs, 1), "TFLOP/s", source: "\(device.name) bf16 dense, hardware catalog")
        let ceiling = Explanation.Input("achievable matmul fraction m", HumanUnits.percent(device.matmulCeiling.fraction), "of peak",
                                        citing: device.matmulCeiling.source.citation)
        let bandwidth = Explanation.Input("achievable bandwidth", HumanUnits.decimal(device.bandwidth.value / 1e9, 0), "GB/s",
                                          citing: "\(HumanUnits.percent(device.bandwidthCeiling.fraction)) of the datasheet's \(HumanUnits.decimal(device.spec.bandwidth.value / 1e9, 0)) GB/s: \(device.bandwidthCeiling.source.citation)")
        let efficiency = Explanation.Input("GEMM efficiency η", String(job.kernelEfficiency), "",
                                           citing: efficiencyGiven ? "\(InputParameter.kernelEfficiency), as given" : "fitted on the published runs (\(InputParameter.publishedRun.option))")
        out += [
            Explanation("step FLOPs (hardware)", formula: "exact training FLOPs: 3 × forward + recomputed forward, B sequences of s tokens",
                        inputs: [.init("B", n(job.globalBatch), "sequences", citing: "\(InputParameter.globalBatch)"), .init("s", n(job.seq), "tokens", citing: "\(InputParameter.sequenceLength)"),
                                 .init("recompute", job.recompute.rawValue, "", citing: "\(InputParameter.recompute)")],
                        result: HumanUnits.flops(e.stepFLOPs)),
            Explanation("step FLOPs (model)", formula: "exact 3 × forward, no recomputation", inputs: [], result: HumanUnits.flops(e.modelStepFLOPs)),
            Explanation("compute", formula: "Σ over the busiest device's operations: weight GEMMs max(FLOPs ÷ (peak × m × η × tile/wave efficiency), bytes ÷ bandwidth) + attention FLOPs ÷ (peak × FlashAttention efficiency) + element-wise and optimizer bytes ÷ bandwidth",
                        inputs: [.init("devices", n(c.devices), ""), peak, ceiling, efficiency, bandwidth], result: "\(HumanUnits.decimal(e.computeTime.value, 3)) s"),
            Explanation("pipeline bubble", formula: "compute × (P − 1)/(v·M) (1F1B, v = 1; interleaved over v chunks per stage: idle fraction (P − 1)/(v·M + P − 1), Narayanan et al. 2021)",
                        inputs: [.init("P", n(c.pp), "", source: "plan"), .init("M", n(c.microBatches), "micro-batches", source: "B ÷ (D × b)"),
                                 .init("v", n(c.virtualStages), "chunks per stage", source: "plan")],
                        result: "\(HumanUnits.decimal(e.bubbleTime.value, 3)) s"),
        ]
        for col in e.collectives {
            let link = col.link
            out.append(Explanation(col.name, formula: "bytes = \(col.formula); time = bytes ÷ bandwidth + ring steps × latency; \(col.overlap)",
                                   inputs: [.init("bandwidth", HumanUnits.decimal(link.bandwidth.gigabytesPerSecond, 1), "GB/s", source: link.bandwidthCitation),
                                            .init("latency", HumanUnits.decimal(link.latency.microseconds, 1), "µs", source: link.latencyCitation)],
                                   result: "\(HumanUnits.decimal(col.bytesPerDevice.value, 0)) bytes, \(HumanUnits.decimal(col.time.value, 4)) s, \(HumanUnits.decimal(col.exposedTime.value, 4)) s exposed"))
        }
        out += [
            Explanation("step time", formula: "compute + bubble + Σ exposed communication", inputs: [], result: "\(HumanUnits.decimal(e.stepTime.value, 3)) s"),
            Explanation("MFU", formula: "step FLOPs (model) ÷ (devices × peak × step time)", inputs: [peak], result: HumanUnits.percent(e.mfu)),
            Explanation("HFU", formula: "step FLOPs (hardware) ÷ (devices × peak × step time)", inputs: [peak], result: HumanUnits.percent(e.hfu)),
            Explanation("$/step", formula: "step time ÷ 3600 × $/h × devices",
                        inputs: [.init("$/h", HumanUnits.decimal(device.pricePerHour.value, 2), "per device", citing: "\(InputParameter.pricePerHour) or the catalog's reference price")],
                        result: HumanUnits.decimal(e.dollarsPerStep.value, 4)),
        ]
        return out
    }

    var json: JSONValue {
        .object([
            ("hardware", .string(device.name)),
            ("intra_node_link", .string(device.intraNode.name)), ("inter_node_link", .string(device.interNode.name)),
            ("devices_per_node", .int(device.devicesPerNode)),
            ("kernel_efficiency", .number(job.kernelEfficiency)), ("recompute", .string(job.recompute.rawValue)),
            ("smallest_fitting_devices", .optional(smallest)),
            ("plans", .array(evaluations.map(plan))),
        ])
    }

    /// The busiest device's compute by operation class (also each published row's breakdown).
    static func computeBreakdown(_ t: DeviceStepTime) -> JSONValue {
        .object([
            ("gemm_seconds", .number(t.gemm.value)), ("attention_seconds", .number(t.attention.value)),
            ("other_compute_seconds", .number(t.otherCompute.value)),
            ("elementwise_seconds", .number(t.elementwise.value)), ("optimizer_seconds", .number(t.optimizer.value)),
            ("gemm_shape_efficiency", .number(t.gemmShapeEfficiency)),
        ])
    }

    private func plan(_ e: PlanEvaluation) -> JSONValue {
        .object([
            ("tp", .int(e.config.tp)), ("pp", .int(e.config.pp)), ("dp", .int(e.config.dp)), ("ep", .int(e.config.ep)),
            ("zero", .int(e.config.zero)), ("sequence_parallel", .bool(e.config.sequenceParallel)),
            ("micro_batches", .int(e.config.microBatches)), ("virtual_stages", .int(e.config.virtualStages)),
            ("micro_batch_size", .int(e.microBatchSize)), ("fits", .bool(e.fits)),
            ("parameters_per_device", .integer(e.memory.parametersPerDevice)),
            ("expert_parameters_per_device", .integer(e.memory.expertParametersPerDevice)),
            ("memory_bytes_per_device", .integer(e.memory.total)),
            ("memory_components", .array(e.memory.components.map {
                .object([("name", .string($0.name)), ("bytes", .integer($0.bytes.value)), ("formula", .string($0.formula))])
            })),
            ("step_flops", .integer(e.stepFLOPs)), ("model_step_flops", .integer(e.modelStepFLOPs)), ("flops_per_device", .number(e.flopsPerDevice)),
            ("compute_seconds", .number(e.computeTime.value)),
            ("compute_breakdown", Self.computeBreakdown(e.deviceTime)),
            ("bubble_fraction", .number(e.config.bubbleFraction)),
            ("bubble_seconds", .number(e.bubbleTime.value)),
            ("collectives", .array(e.collectives.map {
                .object([("name", .string($0.name)), ("group", .string($0.group)), ("calls", .int($0.count)), ("ranks", .int($0.ranks)),
                         ("bytes_per_device", .number($0.bytesPerDevice.value)), ("link", .string($0.link.name)),
                         ("seconds", .number($0.time.value)), ("exposed_seconds", .number($0.exposedTime.value)),
                         ("overlap", .string($0.overlap)), ("formula", .string($0.formula))])
            })),
            ("step_seconds", .number(e.stepTime.value)), ("mfu", .number(e.mfu)), ("hfu", .number(e.hfu)), ("dollars_per_step", .number(e.dollarsPerStep.value)),
            ("why_it_loses", .optional(e.versusBest == "fastest" ? nil : e.versusBest)),
            ("weaknesses", .array(e.weaknesses.map { .string($0) })),
        ])
    }
}
