import CostModel
import ParallelPlan
import Workload

/// Which model times a served batch in `cost infer` and `cost operate`: a decoder of softmax
/// attention (dense or a mixture) on a catalog device with no stated efficiency is priced
/// operation by operation, by the step `plan --serve` uses (`TensorParallelGeneration`);
/// everything else stays on the roofline at the stated or default MFU and bandwidth
/// utilisation, with a note saying why.
enum ServingStepChoice {
    struct Choice {
        var predicted: PredictedGeneration?
        /// Why the roofline prices the batch where a per-operation step could have (nil: it did, or nothing could).
        var rooflineReason: String?
    }

    static func choose(spec: ModelSpec?, model: CostModelChoice, hardware: HardwareOptions, profile: HardwareProfile,
                       devices: Int, batch: Int, promptTokens: Int, outputTokens: Int) throws -> Choice {
        // A measured host has its own measured rates; `--parameters` has no operations to time.
        guard let spec, !profile.isMeasured else { return Choice() }
        let stated = [(hardware.mfu, InputParameter.mfu), (hardware.bandwidthUtilisation, .bandwidthUtilisation)]
            .filter { $0.0 != nil }.map(\.1.option)
        if !stated.isEmpty {
            return Choice(rooflineReason: "priced on the roofline at the stated \(stated.joined(separator: " and ")); without \(stated.count == 1 ? "it" : "them") a decoder of softmax attention on a catalog device is priced operation by operation, as llmcost plan --serve does")
        }
        guard TensorParallelGeneration.pricesSteps(of: spec, weightTypeNamed: model.weightType != nil) else {
            let what = TensorParallelGeneration.covers(spec)
                ? "its checkpoint stores weights at more than one type (the per-operation step reads one; name \(InputParameter.weightType.option) to price them at one)"
                : "the per-operation step prices \(TensorParallelGeneration.coverage)"
            return Choice(rooflineReason: "priced on the roofline at the default MFU: \(what)")
        }
        let catalogued = try HardwareCatalog.named(hardware.hardware)
        guard catalogued.links != nil || devices == 1 else {
            return Choice(rooflineReason: "priced on the roofline at the default MFU: \(catalogued.name) has no catalogued links between devices, which the per-operation step's all-reduces need")
        }
        let device = devices == 1
            ? try Accelerator.alone(catalogued, precision: hardware.precision, pricePerHour: profile.pricePerHour)
            : try Accelerator(catalogued, precision: hardware.precision, pricePerHour: profile.pricePerHour)
        let memory = try MemoryEstimator(spec: spec, requestedWeightType: model.weightType, kvType: model.kvType ?? .bf16).report(batch: 1, seq: 1)
        let deployment = TensorParallelGeneration(tp: devices, weightType: memory.weightType, kvType: memory.kvType)
        do {
            return Choice(predicted: try deployment.prediction(spec: spec, batch: batch, promptTokens: promptTokens,
                                                               outputTokens: outputTokens, on: device))
        } catch let error as PlanError {
            return Choice(rooflineReason: "priced on the roofline at the default MFU: the per-operation step splits every layer over the \(devices) devices, and \(error.message)")
        }
    }
}
