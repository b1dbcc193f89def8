import CostModel
import Workload

/// A published run against exact FLOPs and our prediction.
///
/// One convention for every row: time per optimizer step.
/// ```
/// reported step = seconds per iteration                                   (rows that give it, or a log's)
///               = tokens per step ÷ (devices × tokens/s per device)        (rows that give tokens/s)
///               = GPU-hours × 3600 ÷ devices ÷ steps                       (rows that give time)
///               = hardware FLOPs per step ÷ (devices × reported FLOP/s)    (rows that give throughput;
///                 hardware FLOPs: our exact count with the run's recomputation, as the papers count)
/// implied MFU   = model FLOPs per step ÷ (devices × peak × reported step)  (model FLOPs: 3 × forward, no recomputation)
/// error         = predicted step ÷ reported step − 1                       (negative: we predict faster)
/// ```
public struct PublishedRunCheck: Sendable {
    public var run: PublishedRun
    public var architecture: String
    /// Exact model FLOPs of one step (3 × forward, no recomputation) and of the whole run when tokens are known.
    public var modelStepFLOPs: Double
    public var modelFLOPs: Double?
    /// Exact hardware FLOPs of one step (with the run's recomputation).
    public var hardwareStepFLOPs: Double
    public var reportedStepSeconds: Double
    public var predictedStepSeconds: Double
    /// MFU implied by the reported time or throughput, from model FLOPs.
    public var impliedMFU: Double
    /// Hardware FLOPs utilisation implied by the report (= reported FLOP/s ÷ peak for throughput rows).
    public var impliedHFU: Double
    /// Our predicted device-hours (nil without a token count) and the reported (or derived) ones.
    public var predictedDeviceHours: Double?
    public var reportedDeviceHours: Double?
    public var predictedMFU: Double
    public var predictedHFU: Double
    public var planUsed: ParallelConfig
    public var planSource: String
    /// The predicted step on `planUsed`, priced: compute by operation class, bubble, each
    /// collective's exposed time (what makes `predictedStepSeconds` traceable).
    public var evaluation: PlanEvaluation
    /// predicted step ÷ reported step − 1.
    public var error: Double
    /// The row's hand-chosen inputs, plus the global kernel efficiency.
    public var assumptions: [String]

    /// Evaluates `run` with one global kernel efficiency — the same for every run, so the error
    /// column is a calibration, not a fit. Runs that disagree say where the model is missing something.
    public static func check(_ run: PublishedRun, spec: ModelSpec, device: Accelerator,
                             kernelEfficiency: Double = TrainingJob.fittedKernelEfficiency) throws -> PublishedRunCheck {
        let job = TrainingJob(spec: spec, seq: run.seq, globalBatch: run.globalBatch, kernelEfficiency: kernelEfficiency, recompute: run.recompute)
        let counts = try JobCounts(job)
        let (plan, source) = try planFor(run, job: job, counts: counts, device: device)
        return try check(run, spec: spec, device: device, kernelEfficiency: kernelEfficiency, plan: plan, source: source, counts: counts)
    }

    /// The run's published plan, or our fastest plan that fits its devices.
    static func planFor(_ run: PublishedRun, job: TrainingJob, counts: JobCounts, device: Accelerator) throws -> (ParallelConfig, String) {
        if let plan = run.plan, run.searchesVirtualStages {
            let v = try fastestVirtualStages(plan, job: job, counts: counts, device: device)
            return (v, "published; \(v.virtualStages) chunks per stage: our fastest (not published)")
        }
        if let plan = run.plan { return (plan, "published") }
        guard let best = PlanSearch.plans(devices: run.devices, job: job, on: device).first(where: \.fits) else {
            throw PlanError(.publishedRun, "no plan fits \(run.name) on \(run.devices) × \(device.name)")
        }
        return (best.config, "our best plan (unpublished)")
    }

    /// `plan` interleaved over the chunk count that prices fastest: every divisor of the busiest
    /// stage's layers (of the deepest stack).
    static func fastestVirtualStages(_ plan: ParallelConfig, job: TrainingJob, counts: JobCounts, device: Accelerator) throws -> ParallelConfig {
        let layers = plan.stageLayers(job.spec.stacks.map(\.stack.layers).max() ?? 1)
        var best: (config: ParallelConfig, step: Seconds)?
        for v in 1...max(1, layers) where layers % v == 0 {
            var candidate = plan
            candidate.virtualStages = v
            guard let step = try? candidate.evaluate(job, counts: counts, on: device).stepTime else { continue }
            if best.map({ step < $0.step }) ?? true { best = (candidate, step) }
        }
        guard let best else { throw PlanError(.virtualStages, "no interleaving of \(plan) fits the model's layers") }
        return best.config
    }

    /// `run` on a given plan (the leave-one-out fit re-prices one plan at many efficiencies).
    static func check(_ run: PublishedRun, spec: ModelSpec, device: Accelerator, kernelEfficiency: Double,
                      plan: ParallelConfig, source: String, counts: JobCounts) throws -> PublishedRunCheck {
        let job = TrainingJob(spec: spec, seq: run.seq, globalBatch: run.globalBatch, kernelEfficiency: kernelEfficiency, recompute: run.recompute)
        let evaluation = try plan.evaluate(job, counts: counts, on: device)
        let devices = Double(run.devices), peak = device.peak.value
        let modelStep = Double(counts.modelStepFLOPs), hardwareStep = Double(counts.stepFLOPs)
        let steps = run.tokens.map { $0 / Double(run.seq * run.globalBatch) }
        let reportedStep: Double
        if let seconds = run.reportedStepSeconds {
            reportedStep = seconds
        } else if let tokensPerSecond = run.reportedTokensPerSecondPerDevice {
            reportedStep = Double(run.seq) * Double(run.globalBatch) / (devices * tokensPerSecond)
        } else if let hours = run.deviceHours, let steps {
            reportedStep = hours * 3600 / devices / steps
        } else if let rate = run.reportedFLOPsPerDevice {
            reportedStep = hardwareStep / (devices * rate)
        } else {
            throw PlanError(.publishedRun, "\(run.name) reports neither a step time, GPU-hours with a token count nor a throughput")
        }
        let predictedStep = evaluation.stepTime.value
        return PublishedRunCheck(
            run: run, architecture: spec.name, modelStepFLOPs: modelStep, modelFLOPs: steps.map { $0 * modelStep },
            hardwareStepFLOPs: hardwareStep, reportedStepSeconds: reportedStep, predictedStepSeconds: predictedStep,
            impliedMFU: modelStep / (devices * peak * reportedStep), impliedHFU: hardwareStep / (devices * peak * reportedStep),
            predictedDeviceHours: steps.map { predictedStep * $0 * devices / 3600 },
            reportedDeviceHours: run.deviceHours ?? steps.map { reportedStep * $0 * devices / 3600 },
            predictedMFU: modelStep / (devices * peak * predictedStep), predictedHFU: hardwareStep / (devices * peak * predictedStep),
            planUsed: evaluation.config, planSource: source, evaluation: evaluation, error: predictedStep / reportedStep - 1,
            assumptions: ["architecture \(spec.name)", "\(run.recompute.rawValue) recomputation"] + run.assumptions
                + [String(format: "GEMM efficiency η = %.3f of peak (fitted on the other runs, never on this one)", kernelEfficiency)])
    }
}
