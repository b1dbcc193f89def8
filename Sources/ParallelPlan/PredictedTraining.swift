import CostModel
import Workload

/// The MFU a training run reaches, predicted rather than stated: the fastest plan of the job that
/// fits the devices, priced operation by operation (`DeviceStepTime`: GEMMs by shape, attention,
/// element-wise traffic, the optimizer, bubble and exposed communication). What `cost train`
/// prices a catalog device at when no MFU is given.
public struct PredictedTraining: Sendable {
    /// The winning plan; its `mfu` is the prediction.
    public var plan: PlanEvaluation
    public var devices: Int

    public var mfu: Double { plan.mfu }

    /// Where the MFU came from, for a table's note or an explanation's citation.
    public var source: InputMessage {
        let t = plan.deviceTime, step = plan.stepTime.value
        func share(_ s: Double) -> String { String(format: "%.0f %%", 100 * s / step) }
        let shares = "GEMMs \(share(t.gemm.value)), attention \(share(t.attention.value)), element-wise and optimizer \(share(t.memoryBound.value)), "
            + "bubble \(share(plan.bubbleTime.value)), exposed communication \(share(plan.exposedCommunicationTime.value)) of the step"
        return "predicted by the fastest plan that fits \(devices) × \(plan.accelerator) (\(plan.config.description), micro-batch \(plan.microBatchSize)): "
            + "\(shares) (the step model checked by \(InputParameter.publishedRun); its GEMM efficiency η fitted on the published runs)"
    }

    /// The fastest fitting plan of `job` on `devices` × `device`, or nil when none fits (the
    /// model's heads or layers allow no split of that size, or the memory does not fit).
    public static func fastest(_ job: TrainingJob, devices: Int, on device: Accelerator) -> PredictedTraining? {
        guard let best = PlanSearch.plans(devices: devices, job: job, on: device).first(where: \.fits), best.mfu.isFinite, best.mfu > 0 else {
            return nil
        }
        return PredictedTraining(plan: best, devices: devices)
    }
}
