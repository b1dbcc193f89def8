import CostModel
import ParallelPlan
import Workload

/// Published training runs against exact FLOPs and the plan model's prediction.
struct PublishedRunsView {
    var fit: PublishedRunFit
    var checks: [PublishedRunCheck] { fit.rows.map(\.check) }

    static func fit() throws -> PublishedRunFit {
        try PublishedRunFit.fit(PublishedRuns.all.map { run in
            let spec: ModelSpec
            switch run.model {
            case .catalog(let name): spec = try ModelLoading.load(name)
            case .spec(let s): spec = s
            }
            let device = try AcceleratorChoice.accelerator(named: run.hardware, pricePerHour: nil)
            return PublishedRunFit.Input(run: run, spec: spec, device: try Accelerator(device.spec, precision: run.precision))
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
            "prediction: the plan's step, operation by operation (weight GEMMs at their sharded shapes with tile and wave quantization, FlashAttention at 50 % of peak (its backward recomputing the scores), element-wise kernels and the optimizer at the datasheet bandwidth, pipeline bubble, exposed communication); its one constant η (the fraction of peak a large GEMM sustains in a training framework) is fitted leave-one-out: each row uses the median η the other rows imply, never its own",
            String(format: "fit: η over all %d runs = %.3f (the planner's default); leave-one-out |error| median %@, worst %@", fit.rows.count, fit.efficiency,
                   HumanUnits.percent(fit.medianAbsoluteError), HumanUnits.percent(fit.worstAbsoluteError)),
        ] + outside + checks.map { "\($0.run.name): \($0.run.source)" }
        let runs = zip(fit.rows, checks).map { row, c -> JSONValue in
            guard case var .object(fields) = json(c) else { return json(c) }
            fields += [("implied_kernel_efficiency", .number(row.impliedEfficiency)), ("leave_one_out_kernel_efficiency", .number(row.leaveOneOutEfficiency))]
            return .object(fields)
        }
        return Rendered(json: .object([("runs", .array(runs)), ("fitted_kernel_efficiency", .number(fit.efficiency)),
                                       ("median_absolute_error", .number(fit.medianAbsoluteError)),
                                       ("worst_absolute_error", .number(fit.worstAbsoluteError))]),
                        tables: [table], notes: notes, csvTable: csv)
    }

    /// Each row the model misses by more than `PublishedRunFit.outsideBound`, with what its
    /// figure holds that the model does not price (or that no reason is known).
    private var outside: [String] {
        checks.filter { abs($0.error) > PublishedRunFit.outsideBound }.map {
            "outside \(HumanUnits.percent(PublishedRunFit.outsideBound)): \($0.run.name) (\(signed($0.error))): \($0.run.outsideBecause ?? "no reason known")"
        }
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
        ])
    }
}
