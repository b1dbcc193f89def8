import Workload

/// A published run against exact FLOPs and our prediction.
public struct PublishedRunCheck: Sendable {
    public var run: PublishedRun
    /// Exact model FLOPs of the whole run (3 × forward per token, no recomputation).
    public var modelFLOPs: Double
    /// MFU implied by the reported time or throughput.
    public var impliedMFU: Double
    /// Our predicted device-hours under the paper's plan (or our best plan where unpublished).
    public var predictedDeviceHours: Double
    public var predictedMFU: Double
    /// Hardware FLOP/s per device we predict (recomputation included), for runs that report it.
    public var predictedHardwareFLOPsPerDevice: Double
    public var planUsed: ParallelConfig
    public var planSource: String
    /// predicted / reported − 1 (device-hours, or per-device throughput).
    public var error: Double

    /// Evaluates `run` with one global kernel efficiency — the same for every run, so the error
    /// column is a calibration, not a fit. Runs that disagree say where the model is missing something.
    public static func check(_ run: PublishedRun, spec: ModelSpec, device: Accelerator, kernelEfficiency: Double = 0.6) throws -> PublishedRunCheck {
        let perToken = try FlopCounter(spec: spec).train(batch: 1, seq: run.seq).flopsPerToken
        let modelFLOPs = perToken * run.tokens
        let job = TrainingJob(spec: spec, seq: run.seq, globalBatch: run.globalBatch, kernelEfficiency: kernelEfficiency,
                              recompute: run.plan == nil ? .selective : .full)
        let evaluation: PlanEvaluation
        let source: String
        if let plan = run.plan {
            evaluation = try plan.evaluate(job, on: device); source = "published"
        } else {
            guard let best = PlanSearch.plans(devices: run.devices, job: job, on: device).first(where: \.fits) else {
                throw PlanError(option: "--published", "no plan fits \(run.name) on \(run.devices) × \(device.name)")
            }
            evaluation = best; source = "our best plan (unpublished)"
        }
        let steps = run.tokens / Double(run.seq * run.globalBatch)
        let predictedHours = evaluation.stepSeconds * steps * Double(run.devices) / 3600
        // MFU counts model FLOPs only: recomputation is work the hardware does but the model does not need.
        let predictedMFU = modelFLOPs / (predictedHours * 3600 * run.peakFLOPsPerSecond)
        let predictedHardware = Double(evaluation.stepFLOPs) / Double(run.devices) / evaluation.stepSeconds
        let implied: Double, error: Double
        if let hours = run.deviceHours {
            implied = modelFLOPs / (hours * 3600 * run.peakFLOPsPerSecond)
            error = predictedHours / hours - 1
        } else {
            let reported = run.reportedFLOPsPerDevice ?? .nan
            implied = reported / run.peakFLOPsPerSecond
            // Reported throughputs count the hardware FLOPs incl. recomputation: compare like with like.
            error = predictedHardware / reported - 1
        }
        return PublishedRunCheck(run: run, modelFLOPs: modelFLOPs, impliedMFU: implied, predictedDeviceHours: predictedHours,
                                 predictedMFU: predictedMFU, predictedHardwareFLOPsPerDevice: predictedHardware, planUsed: evaluation.config, planSource: source, error: error)
    }
}
