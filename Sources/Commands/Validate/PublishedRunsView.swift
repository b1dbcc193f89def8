import ParallelPlan
import Workload

/// Published training runs against exact FLOPs and the plan model's prediction.
struct PublishedRunsView {
    var checks: [PublishedRunCheck]

    static func checks() throws -> [PublishedRunCheck] {
        try PublishedRuns.all.map { run in
            try PublishedRunCheck.check(run, spec: try ModelLoading.load(run.model),
                                        device: try AcceleratorChoice.accelerator(named: run.hardware, pricePerHour: nil))
        }
    }

    var rendered: Rendered {
        var table = TextTable(title: "published training runs", columns: [
            "run", "devices", "tokens", "reported", "implied MFU", "plan", "predicted", "predicted MFU", "error"])
        for c in checks {
            let reported = c.run.deviceHours.map { "\(HumanUnits.count(Int128($0))) GPU-h" }
                ?? c.run.reportedFLOPsPerDevice.map { "\(HumanUnits.decimal($0 / 1e12, 0)) TFLOP/s/GPU" } ?? "—"
            let predicted = c.run.deviceHours != nil ? "\(HumanUnits.count(Int128(c.predictedDeviceHours.rounded()))) GPU-h"
                : "\(HumanUnits.decimal(c.predictedHardwareFLOPsPerDevice / 1e12, 0)) TFLOP/s/GPU"
            table.append([c.run.name, "\(c.run.devices) × \(c.run.hardware)", HumanUnits.count(Int128(c.run.tokens)), reported,
                          HumanUnits.percent(c.impliedMFU), "\(c.planUsed) (\(c.planSource))", predicted,
                          HumanUnits.percent(c.predictedMFU), signed(c.error)])
        }
        let notes = [
            "implied MFU = exact model FLOPs (3 × forward per token, from Workload) ÷ (reported time × devices × bf16 dense peak); runs that report TFLOP/s per GPU count recomputation, so they are compared on hardware FLOP/s",
            "prediction: one global kernel efficiency (0.6 of peak) for every run — no per-run factor; where the error is large the model is missing something (data loading, failures and restarts in GPU-hour totals, smaller micro-batch efficiency)",
        ] + checks.map { "\($0.run.name): \($0.run.source)" }
        return Rendered(json: .object([("runs", .array(checks.map(json)))]), tables: [table], notes: notes)
    }

    private func signed(_ x: Double) -> String { x.isFinite ? (x >= 0 ? "+" : "") + HumanUnits.percent(x) : "—" }

    private func json(_ c: PublishedRunCheck) -> JSONValue {
        .object([
            ("run", .string(c.run.name)), ("model", .string(c.run.model)), ("hardware", .string(c.run.hardware)),
            ("devices", .int(c.run.devices)), ("tokens", .number(c.run.tokens)),
            ("reported_device_hours", c.run.deviceHours.map { .number($0) } ?? .null),
            ("reported_flops_per_device", c.run.reportedFLOPsPerDevice.map { .number($0) } ?? .null),
            ("model_flops", .number(c.modelFLOPs)), ("implied_mfu", .number(c.impliedMFU)),
            ("plan", .string(c.planUsed.description)), ("plan_source", .string(c.planSource)),
            ("predicted_device_hours", .number(c.predictedDeviceHours)), ("predicted_mfu", .number(c.predictedMFU)),
            ("error", .number(c.error)), ("source", .string(c.run.source)),
        ])
    }
}
