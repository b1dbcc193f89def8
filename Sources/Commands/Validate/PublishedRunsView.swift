import CostModel
import ParallelPlan
import Workload

/// Published training runs against exact FLOPs and the plan model's prediction.
struct PublishedRunsView {
    var fit: PublishedRunFit
    var serving: [PublishedServingCheck]
    var generationFit: PublishedGenerationFit
    var generation: [PublishedGenerationCheck] { generationFit.checks }
    var checks: [PublishedRunCheck] { fit.rows.map(\.check) }
    var accuracy: PublishedAccuracy { PublishedAccuracy(training: fit, serving: serving, generation: generation) }

    /// The training fit and the serving rows priced at its η.
    static func load() throws -> PublishedRunsView {
        let fit = try fit()
        let serving = try PublishedServingRuns.all.map { run in
            try PublishedServingCheck.check(run, spec: try ModelLoading.load(run.model), device: try device(run.hardware, run.precision),
                                            kernelEfficiency: fit.efficiency)
        }
        let generation = try PublishedGenerationFit.fit(PublishedGenerationRuns.all.map { run in
            PublishedGenerationFit.Input(run: run, spec: try ModelLoading.load(run.model), device: try device(run.hardware, run.precision))
        }, kernelEfficiency: fit.efficiency)
        return PublishedRunsView(fit: fit, serving: serving, generationFit: generation)
    }

    /// A published row's catalog device at the precision its GEMMs ran at.
    static func device(_ name: String, _ precision: Precision) throws -> Accelerator {
        try Accelerator(try AcceleratorChoice.accelerator(named: name, pricePerHour: nil).spec, precision: precision)
    }

    static func fit() throws -> PublishedRunFit {
        try PublishedRunFit.fit(PublishedRuns.all.map { run in
            let spec: ModelSpec
            switch run.model {
            case .catalog(let name): spec = try ModelLoading.load(name)
            case .spec(let s): spec = s
            }
            return PublishedRunFit.Input(run: run, spec: spec, device: try device(run.hardware, run.precision))
        })
    }

    var rendered: Rendered {
        // Devices, tokens, HFU, the plan and the assumptions are detail (--wide; JSON and CSV have them).
        var table = TextTable(title: "published training runs (error = predicted step time ÷ reported − 1; negative: we predict faster)", columns: [
            .init("run", .left), .init("devices", role: .detail), .init("tokens", role: .detail), .init("reported"), .init("implied\nMFU"),
            .init("implied\nHFU", role: .detail), .init("plan", role: .detail), .init("η\n(others)", key: "leave_one_out_kernel_efficiency"),
            .init("predicted"), .init("predicted\nMFU"), .init("error"), .init("assumptions", .left, role: .detail)])
        for row in fit.rows {
            let c = row.check
            let reported = c.run.deviceHours.map { "\(HumanUnits.count(approximately: $0, rounding: .towardZero)) GPU-h" }
                ?? c.run.reportedFLOPsPerDevice.map { "\(HumanUnits.decimal($0 / 1e12, 0)) TFLOP/s/GPU" } ?? "—"
            let predicted = c.run.deviceHours != nil ? c.predictedDeviceHours.map { "\(HumanUnits.count(approximately: $0, rounding: .toNearestOrAwayFromZero)) GPU-h" } ?? "—"
                : "\(HumanUnits.decimal(c.hardwareStepFLOPs / Double(c.run.devices) / c.predictedStepSeconds / 1e12, 0)) TFLOP/s/GPU"
            table.append([.text(c.run.name), .text("\(c.run.devices) × \(c.run.hardware)"), .text(c.run.tokens.map { HumanUnits.count(approximately: $0, rounding: .towardZero) } ?? "—"),
                          .text(reported), .percent(c.impliedMFU), .percent(c.impliedHFU), .text("\(c.planUsed) (\(c.planSource))"),
                          .number(row.leaveOneOutEfficiency, 3), .text(predicted), .percent(c.predictedMFU), .text(signed(c.error)),
                          .text(c.assumptions.joined(separator: "; "))])
        }
        let notes = [
            "one convention for every row: time per optimizer step; runs that give GPU-hours → hours × 3600 ÷ devices ÷ steps; runs that give TFLOP/s per GPU → our exact hardware FLOPs per step (with the run's recomputation, as the papers count) ÷ (devices × TFLOP/s)",
            "implied MFU = exact model FLOPs per step (3 × forward, no recomputation) ÷ (devices × bf16 dense peak × reported step time); implied HFU counts the recomputed forward as well (for throughput rows it equals the reported TFLOP/s ÷ peak)",
            "prediction: the plan's step, operation by operation (weight GEMMs at their sharded shapes with tile and wave quantization, FlashAttention at 50 % of peak (its backward recomputing the scores), element-wise kernels and the optimizer at the achievable bandwidth (the datasheet's × the fraction a memory-bound kernel was measured to reach: \(HumanUnits.percent(HardwareCatalog.a100_80gb.bandwidthCeiling.fraction)) on A100 80GB, a read kernel; \(HumanUnits.percent(HardwareCatalog.h800.bandwidthCeiling.fraction)) on H800 and H100 SXM, FlashMLA), pipeline bubble, exposed communication); GEMMs at the device's achievable matmul rate (its peak × the fraction a matmul benchmark reaches: \(HumanUnits.percent(HardwareCatalog.a100_80gb.matmulCeiling.fraction)) on A100 SXM, \(HumanUnits.percent(HardwareCatalog.h100SXM.matmulCeiling.fraction)) on H100 SXM, Bekman's MAMF table; FP8 on Hopper \(HumanUnits.percent(HardwareCatalog.h100SXM.matmulCeiling(.fp8).fraction)), DeepGEMM's) × η; that one constant η (the fraction of the achievable rate a large GEMM sustains in a training framework) is fitted leave-one-out: each row uses the median η the other rows imply, never its own",
            String(format: "fit: η over all %d training runs = %.3f (the planner's default); leave-one-out |error| median %@, worst %@", fit.rows.count, fit.efficiency,
                   HumanUnits.percent(fit.medianAbsoluteError), HumanUnits.percent(fit.worstAbsoluteError)),
        ] + outside + checks.map { "\($0.run.name): \($0.run.source)" }
        let runs = zip(fit.rows, checks).map { row, c -> JSONValue in
            guard case var .object(fields) = json(c) else { return json(c) }
            fields += [("implied_kernel_efficiency", .number(row.impliedEfficiency)), ("leave_one_out_kernel_efficiency", .number(row.leaveOneOutEfficiency))]
            return .object(fields)
        }
        let all = accuracy
        let servingNotes = [
            "serving: one forward step on one device of an expert-parallel deployment (attention data-parallel, routed experts spread over the group): each part of a layer (attention before and after its core, shared and routed experts) at max(FLOPs ÷ rate, bytes ÷ achievable bandwidth), GEMMs at the achievable matmul rate × η (η fitted on the training rows above, never on these), the attention core at 50 % of the BF16 peak; dispatch (FP8) and combine (BF16) all-to-alls over the network; two overlapped micro-batches on the schedules of DeepSeek's published profiles (each reads the weights anew; prefill's all-to-alls hold 24 of 132 SMs), each stage waiting on the longer of one micro-batch's compute and the other's all-to-all; each layer of each micro-batch pays the fixed cost τ on its compute stream (fitted on the static-batch generation rows below, never on these)",
            String(format: "all %d rows, training and serving: |error| median %@, worst %@ (training alone: median %@, worst %@)", all.rowCount,
                   HumanUnits.percent(all.medianAbsoluteError), HumanUnits.percent(all.worstAbsoluteError),
                   HumanUnits.percent(fit.medianAbsoluteError), HumanUnits.percent(fit.worstAbsoluteError)),
        ] + servingOutside + serving.map { "\($0.run.name): \($0.run.source)" }
        let generationNotes = [
            "static-batch generation: a dense model on one tensor-parallel group, one context step over every prompt (logits for the last position only) and one generation step per further output token, priced at the mean cached length; each step on one device part by part (q/k/v/output projections, the attention core, FFN, LM head: each at max(FLOPs ÷ rate, bytes ÷ achievable bandwidth), weights and KV cache at their stored precision), GEMMs at the achievable matmul rate × η (fitted on the training rows, never on these), the core at 50 % of the BF16 peak, two all-reduces per layer not overlapped, and a fixed cost τ a layer a step (kernel launches, ramp-up and tails, the engine's host work: what no FLOP or byte accounts for)",
            String(format: "fit: τ over all %d generation rows = %.1f µs a layer a step (the serving step's default): the median of what each row implies, (reported − predicted at τ = 0) ÷ ((generation steps + 1) × layers); each row uses the median of the others (column τ), never its own; leave-one-out |error| median %@, worst %@",
                   generationFit.rows.count, generationFit.overhead.value * 1e6,
                   HumanUnits.percent(generationFit.medianAbsoluteError), HumanUnits.percent(generationFit.worstAbsoluteError)),
        ] + generationOutside + generation.map { "\($0.run.name): \($0.run.source)" }
        return Rendered(json: .object([("runs", .array(runs)), ("serving_runs", .array(serving.map(json))),
                                       ("generation_runs", .array(generationFit.rows.map(json))),
                                       ("fitted_kernel_efficiency", .number(fit.efficiency)),
                                       ("fitted_layer_overhead_seconds", .number(generationFit.overhead.value)),
                                       ("median_absolute_error", .number(all.medianAbsoluteError)),
                                       ("worst_absolute_error", .number(all.worstAbsoluteError)),
                                       ("training_median_absolute_error", .number(fit.medianAbsoluteError)),
                                       ("training_worst_absolute_error", .number(fit.worstAbsoluteError))]),
                        tables: [table, servingTable, generationTable], notes: notes + servingNotes + generationNotes, csvTable: csv)
    }

    private var servingTable: TextTable {
        var t = TextTable(title: "published serving runs (error = predicted step time ÷ reported − 1; negative: we predict faster)", columns: [
            .init("run", .left), .init("setup", .left, role: .detail), .init("reported\ntok/s/GPU", key: "reported_tokens_per_second_per_device"),
            .init("predicted\ntok/s/GPU", key: "predicted_tokens_per_second_per_device"), .init("compute\nms", key: "compute_seconds"),
            .init("all-to-all\nms", key: "all_to_all_seconds"), .init("exposed\nms", key: "exposed_all_to_all_seconds"),
            .init("error"), .init("assumptions", .left, role: .detail)])
        for c in serving {
            let r = c.run, s = c.step
            func ms(_ x: Seconds) -> TextTable.Cell { .figure(HumanUnits.decimal(x.milliseconds, 1), x.value) }
            t.append([.text(r.name), .text("\(r.phase.rawValue), EP\(r.deployment.devices) + \(r.deployment.redundantExperts) redundant on \(r.deployment.devices) × \(r.hardware), \(r.batchPerDevice) \(r.phase == .decode ? "sequences" : "tokens") per device, \(r.length) \(r.phase == .decode ? "cached" : "per prompt")\(speculationSetup(r))"),
                      .number(r.reportedTokensPerSecondPerDevice, 0), .number(c.predictedTokensPerSecondPerDevice, 0),
                      ms(s.compute), ms(s.allToAll), ms(s.exposedAllToAll), .text(signed(c.error)), .text(r.assumptions.joined(separator: "; "))])
        }
        return t
    }

    /// A speculative row's drafts and the acceptance its throughput was counted at.
    private func speculationSetup(_ r: PublishedServingRun) -> String {
        guard let m = r.speculation else { return "" }
        return ", \(m.draftTokens) drafted token\(m.draftTokens == 1 ? "" : "s") verified per sequence (\(HumanUnits.percent(m.acceptanceRate)) accepted: \(HumanUnits.decimal(m.outputTokensPerStep, 2)) tokens a step)"
    }

    private var generationTable: TextTable {
        var t = TextTable(title: "published static-batch generation runs (error = predicted time ÷ reported − 1; negative: we predict faster)", columns: [
            .init("run", .left), .init("reported\nout tok/s/GPU", key: "reported_output_tokens_per_second_per_device"),
            .init("predicted\nout tok/s/GPU", key: "predicted_output_tokens_per_second_per_device"),
            .init("context\nstep s", key: "context_seconds"), .init("generation\nsteps s", key: "generation_seconds"),
            .init("τ µs\n(others)", key: "leave_one_out_layer_overhead_seconds"), .init("error"), .init("assumptions", .left, role: .detail)])
        for row in generationFit.rows {
            let c = row.check
            func s(_ x: Seconds) -> TextTable.Cell { .figure(HumanUnits.decimal(x.value, 2), x.value) }
            t.append([.text(c.run.name), .number(c.run.reportedOutputTokensPerSecondPerDevice, 0), .number(c.predictedOutputTokensPerSecondPerDevice, 0),
                      s(c.generation.context.total), s(c.generation.generation),
                      .figure(HumanUnits.decimal(row.leaveOneOutOverhead.value * 1e6, 1), row.leaveOneOutOverhead.value),
                      .text(signed(c.error)), .text(c.run.assumptions.joined(separator: "; "))])
        }
        return t
    }

    private var generationOutside: [String] {
        generation.compactMap { outsideNote($0.run.name, error: $0.error, because: $0.run.outsideBecause) }
    }

    private func json(_ row: PublishedGenerationFit.Row) -> JSONValue {
        let c = row.check, r = c.run, g = c.generation
        return .object([
            ("run", .string(r.name)), ("model", .string(r.model)), ("hardware", .string(r.hardware)), ("precision", .string(r.precision.rawValue)),
            ("tp", .int(r.deployment.tp)), ("weight_type", .string(r.deployment.weightType.rawValue)), ("kv_type", .string(r.deployment.kvType.rawValue)),
            ("batch", .int(r.batch)), ("input_length", .int(r.promptLength)), ("output_length", .int(r.outputLength)),
            ("reported_output_tokens_per_second_per_device", .number(r.reportedOutputTokensPerSecondPerDevice)),
            ("predicted_output_tokens_per_second_per_device", .number(c.predictedOutputTokensPerSecondPerDevice)),
            ("reported_seconds", .number(c.reportedSeconds)), ("predicted_seconds", .number(c.predictedSeconds)),
            ("breakdown", .object([("context_step", g.context.json), ("mean_generation_step", g.meanGenerationStep.json),
                                   ("generation_steps", .int(g.generationSteps)), ("generation_seconds", .number(g.generation.value))])),
            ("implied_layer_overhead_seconds", .number(row.impliedOverhead.value)),
            ("leave_one_out_layer_overhead_seconds", .number(row.leaveOneOutOverhead.value)),
            ("error", .number(c.error)), ("error_convention", .string("predicted seconds / reported seconds - 1")),
            ("assumptions", .array(r.assumptions.map { .string($0) })), ("source", .string(r.source)),
            ("outside_because", r.outsideBecause.map { .string($0) } ?? .null),
        ])
    }

    private var servingOutside: [String] {
        serving.compactMap { outsideNote($0.run.name, error: $0.error, because: $0.run.outsideBecause) }
    }

    private func json(_ c: PublishedServingCheck) -> JSONValue {
        let r = c.run, s = c.step
        return .object([
            ("run", .string(r.name)), ("model", .string(r.model)), ("hardware", .string(r.hardware)), ("devices", .int(r.deployment.devices)),
            ("redundant_experts", .int(r.deployment.redundantExperts)), ("phase", .string(r.phase.rawValue)),
            ("batch_per_device", .int(r.batchPerDevice)), ("length", .int(r.length)), ("precision", .string(r.precision.rawValue)),
            ("reported_tokens_per_second_per_device", .number(r.reportedTokensPerSecondPerDevice)),
            ("predicted_tokens_per_second_per_device", .number(c.predictedTokensPerSecondPerDevice)),
            ("reported_step_seconds", .number(c.reportedStepSeconds)), ("predicted_step_seconds", .number(c.predictedStepSeconds)),
            ("breakdown", .object([("compute_seconds", .number(s.compute.value)), ("all_to_all_seconds", .number(s.allToAll.value)),
                                   ("exposed_all_to_all_seconds", .number(s.exposedAllToAll.value)), ("lm_head_seconds", .number(s.lmHead.value)),
                                   ("draft_module_seconds", .number(s.draftModule.value)),
                                   ("micro_batches", .int(s.microBatches)), ("compute_unit_share", .number(s.computeUnitShare)),
                                   ("network_copies_per_token", .number(s.remoteCopiesPerToken)), ("layer_parts", layerParts(s.parts))])),
            ("error", .number(c.error)), ("error_convention", .string("predicted step seconds / reported step seconds - 1")),
            ("assumptions", .array(r.assumptions.map { .string($0) })), ("source", .string(r.source)),
            ("outside_because", r.outsideBecause.map { .string($0) } ?? .null),
            ("speculation", r.speculation.map { m in .object([("draft_tokens", .int(m.draftTokens)), ("acceptance_rate", .number(m.acceptanceRate)),
                                                              ("output_tokens_per_sequence_step", .number(m.outputTokensPerStep))]) } ?? .null),
        ])
    }

    /// One micro-batch's share of one layer, by part (`ExpertParallelLayerParts`), in seconds.
    private func layerParts(_ p: ExpertParallelLayerParts) -> JSONValue {
        .object([("attention_before_core_seconds", .number(p.attentionBeforeCore.value)),
                 ("attention_core_and_after_seconds", .number(p.attentionCoreAndAfter.value)),
                 ("shared_experts_seconds", .number(p.sharedExperts.value)), ("routed_experts_seconds", .number(p.routedExperts.value)),
                 ("dense_ffn_seconds", .number(p.denseFFN.value)), ("dispatch_seconds", .number(p.dispatch.value)),
                 ("combine_seconds", .number(p.combine.value)), ("fixed_seconds", .number(p.fixed.value))])
    }

    /// Each row the model misses by more than `PublishedRunFit.outsideBound`, with what its
    /// figure holds that the model does not price (or that no reason is known).
    private var outside: [String] {
        checks.compactMap { outsideNote($0.run.name, error: $0.error, because: $0.run.outsideBecause) }
    }

    /// The note for a row missed by more than `PublishedRunFit.outsideBound` (nil inside it).
    private func outsideNote(_ name: String, error: Double, because: String?) -> String? {
        guard abs(error) > PublishedRunFit.outsideBound else { return nil }
        return "outside \(HumanUnits.percent(PublishedRunFit.outsideBound)): \(name) (\(signed(error))): \(because ?? "no reason known")"
    }

    /// Plain numbers under the JSON keys (fractions, seconds, device-hours), one row a run.
    private var csv: TextTable {
        let keys = ["run", "model", "hardware", "devices", "tokens", "reported_device_hours", "reported_flops_per_device",
                    "reported_step_seconds", "predicted_step_seconds", "predicted_device_hours", "implied_mfu", "implied_hfu",
                    "predicted_mfu", "predicted_hfu", "error", "implied_kernel_efficiency", "leave_one_out_kernel_efficiency",
                    "plan", "plan_source", "recompute"]
        var t = TextTable(columns: keys.map { TextTable.Column($0, key: $0) })
        func n(_ x: Double?) -> TextTable.Cell { .figure("", x) }
        for row in fit.rows {
            let c = row.check
            t.append([.text(c.run.name), .text(c.architecture), .text(c.run.hardware), .count(c.run.devices), n(c.run.tokens),
                      n(c.run.deviceHours), n(c.run.reportedFLOPsPerDevice), n(c.reportedStepSeconds), n(c.predictedStepSeconds),
                      n(c.predictedDeviceHours), n(c.impliedMFU), n(c.impliedHFU), n(c.predictedMFU), n(c.predictedHFU), n(c.error),
                      n(row.impliedEfficiency), n(row.leaveOneOutEfficiency), .text(c.planUsed.description), .text(c.planSource), .text(c.run.recompute.rawValue)])
        }
        return t
    }

    private func signed(_ x: Double) -> String { x.isFinite ? (x >= 0 ? "+" : "") + HumanUnits.percent(x) : "—" }

    private func number(_ x: Double?) -> JSONValue { x.map { .number($0) } ?? .null }

    private func json(_ c: PublishedRunCheck) -> JSONValue {
        .object([
            ("run", .string(c.run.name)), ("model", .string(c.architecture)), ("hardware", .string(c.run.hardware)),
            ("devices", .int(c.run.devices)), ("tokens", number(c.run.tokens)),
            ("reported_device_hours", number(c.run.deviceHours)),
            ("reported_flops_per_device", number(c.run.reportedFLOPsPerDevice)),
            ("model_step_flops", .number(c.modelStepFLOPs)), ("hardware_step_flops", .number(c.hardwareStepFLOPs)),
            ("model_flops", number(c.modelFLOPs)),
            ("reported_step_seconds", .number(c.reportedStepSeconds)), ("predicted_step_seconds", .number(c.predictedStepSeconds)),
            ("implied_mfu", .number(c.impliedMFU)), ("implied_hfu", .number(c.impliedHFU)),
            ("plan", .string(c.planUsed.description)), ("plan_source", .string(c.planSource)), ("recompute", .string(c.run.recompute.rawValue)),
            ("predicted_device_hours", number(c.predictedDeviceHours)), ("reported_or_derived_device_hours", number(c.reportedDeviceHours)),
            ("predicted_mfu", .number(c.predictedMFU)), ("predicted_hfu", .number(c.predictedHFU)),
            ("error", .number(c.error)), ("error_convention", .string("predicted step seconds / reported step seconds - 1")),
            ("assumptions", .array(c.assumptions.map { .string($0) })),
            ("source", .string(c.run.source)),
            ("outside_because", c.run.outsideBecause.map { .string($0) } ?? .null),
            ("breakdown", breakdown(c.evaluation)),
        ])
    }

    /// Where the predicted step goes: compute by operation class, the pipeline bubble, and each
    /// parallel group's exposed communication (their sum is `predicted_step_seconds`).
    private func breakdown(_ e: PlanEvaluation) -> JSONValue {
        .object([("compute_seconds", .number(e.computeTime.value)), ("compute", PlanView.computeBreakdown(e.deviceTime)),
                 ("bubble_seconds", .number(e.bubbleTime.value)),
                 ("communication_seconds", .object(Collective.groups.map { ($0.lowercased(), .number(e.communicationTime($0).value)) })),
                 ("exposed_communication_seconds", .object(Collective.groups.map { ($0.lowercased(), .number(e.exposedTime($0).value)) }))])
    }
}
