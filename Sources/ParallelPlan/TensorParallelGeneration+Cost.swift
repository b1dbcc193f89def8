import CostModel
import Workload

/// The per-operation steps `cost infer` and `cost operate` price a decoder's batch by: the
/// static-batch generation that the serving plans and published-run checks use, handed to the cost
/// model as its `PredictedGeneration`.
extension TensorParallelGeneration {
    /// Whether the per-operation step prices `spec` at one storage type: a decoder of softmax
    /// attention (`covers`) whose weights are all stored alike — the bf16 default or a
    /// named type, not a checkpoint's own mixed storage (a quantized GGUF file's, DeepSeek's FP8
    /// with bf16 norms), which the roofline reads byte for byte.
    public static func pricesSteps(of spec: ModelSpec, weightTypeNamed: Bool) -> Bool {
        covers(spec) && (spec.checkpointPrecision == nil || weightTypeNamed)
    }

    /// `batch` requests of `promptTokens` tokens each generating `outputTokens` on a group of `tp`
    /// devices, as the cost model adds it up.
    public func prediction(spec: ModelSpec, batch: Int, promptTokens: Int, outputTokens: Int,
                           on device: Accelerator) throws -> PredictedGeneration {
        let generation = try generate(spec: spec, batch: batch, promptLength: promptTokens, outputLength: outputTokens, on: device)
        let eta = TrainingJob.fittedKernelEfficiency
        let source = "the plan library's static-batch serving model, the one its serving plans and the published TensorRT-LLM checks use: GEMMs at max(FLOPs ÷ (achievable matmul \(device.achievableMatmulPeak) × η \(String(format: "%.3f", eta)))), weight bytes ÷ achievable bandwidth \(device.bandwidth)), "
            + "attention core at \(String(format: "%.0f", DeviceStepTime.attentionEfficiency * 100)) % of the attention peak or its KV-cache bytes, element-wise kernels at the bandwidth, \(weightType.rawValue) weights, \(kvType.rawValue) KV cache, "
            + "\(String(format: "%.1f", Self.fittedLayerOverhead.value * 1e6)) µs a layer a step fixed (fitted on the published TensorRT-LLM rows)"
        return PredictedGeneration(prefill: generation.context.byPart, meanDecodeStep: generation.meanGenerationStep.byPart, source: source)
    }
}

extension TensorParallelStep {
    /// The step's parts under the names and keys every report prints them by.
    public var byPart: PredictedGeneration.Step {
        PredictedGeneration.Step(parts: [
            .init("attention projections", key: "attention_projections", attentionProjections),
            .init("attention core", key: "attention_core", attentionCore),
            .init("FFN", key: "ffn", ffn),
            .init("routed experts", key: "routed_experts", routedExperts),
            .init("LM head and final norms", key: "lm_head", lmHead),
            .init("element-wise kernels", key: "elementwise", elementwise),
            .init("all-reduces", key: "all_reduce", allReduce, kind: .communication),
            .init("per-layer fixed cost", key: "layer_overhead", layerOverhead, kind: .fixed),
        ], computeBound: computeBound)
    }
}
