import CostModel
import Workload

/// Tensor-parallel decoding of one replica: latency per token, throughput, replicas for a load.
public struct ServingEstimate: Sendable {
    public var tp: Int
    public var batch: Int
    public var context: Int
    /// The decode step part by part (`TensorParallelGeneration`, as the published TensorRT-LLM rows
    /// are priced): each projection, the FFN and the LM head at max(FLOPs ÷ (achievable matmul
    /// rate × η), bytes ÷ achievable bandwidth), the KV cache read, the element-wise kernels, the
    /// all-reduces. Nil for what it does not price (experts, state-space, linear or latent
    /// attention, encoder–decoders).
    public var predictedStep: TensorParallelStep?
    /// The roofline's step: the larger of compute at the datasheet peak and memory traffic per
    /// device (`memory`'s decode-step bytes), plus the TP all-reduces (2 per layer of b·h bf16
    /// activations, latency-bound) — a lower bound on latency.
    public var rooflineTimePerToken: Seconds
    /// Time per decode step: the step priced operation by operation (`predictedStep`) where that
    /// model covers the architecture, else the roofline's bound.
    public var timePerToken: Seconds { predictedStep?.total ?? rooflineTimePerToken }
    public var computeTime: Seconds
    public var memoryTime: Seconds
    public var communicationTime: Seconds
    /// Generated tokens per second of one replica: batch ÷ time per token.
    public var tokensPerSecond: Double { Double(batch) / timePerToken.value }
    public var boundBy: String
    public var fits: Bool
    public var bytesPerDevice: Int128
    /// Dollars per million generated tokens: the replica's tp devices at their hourly price over
    /// its throughput, `$/h × tp ÷ 3600 ÷ tokens/s × 10^6`.
    public var dollarsPerMillionTokens: Double = 0

    /// Replicas needed to sustain `load` generated tokens per second, at most 2^30 (checked,
    /// never a trapping conversion).
    public func replicas(for load: Double) throws(PlanError) -> Int {
        let needed = (load / tokensPerSecond).rounded(.up)
        guard load > 0, needed.isFinite, needed <= Double(1 << 30), let whole = Int(exactly: needed) else {
            throw PlanError(.tokensPerSecond, "\(load) tokens/s needs more than 2^30 replicas of \(String(format: "%.0f", tokensPerSecond)) tokens/s each")
        }
        return max(1, whole)
    }
}

/// Serving one replica split by tensor parallelism: the estimates the CLI's serving plan prints,
/// on the planner's interconnect model (which `CostModel` does not own).
public enum ServingPlan {
    /// Time of the tensor-parallel all-reduces one forward step of `tokens` tokens needs:
    /// Megatron's 2 per layer over `tokens × d` bf16 activations, ring time plus per-step link
    /// latency, over the node's link when the group fits in a node, else the network. The layers
    /// are the decoder's (the stack every generated token runs through).
    public static func tensorParallelTime(spec: ModelSpec, tp: Int, tokens: Int, on device: Accelerator) -> Seconds {
        guard tp > 1 else { return .zero }
        let layers = (spec.decoder ?? spec.encoder)?.layers ?? 0
        let message = Bytes(2.0 * Double(tokens) * Double(spec.hiddenSize))
        return device.link(forGroupOf: tp).time(bytes: Ring.allReduce(message, tp), steps: Ring.allReduceSteps(tp)) * Double(2 * layers)
    }

    /// `tensorParallelTime` in seconds, for the cost model's communication hook
    /// (`InferenceCost.Communication`), which takes a plain number of seconds.
    public static func tensorParallelSeconds(spec: ModelSpec, tp: Int, tokens: Int, on device: Accelerator) -> Double {
        tensorParallelTime(spec: spec, tp: tp, tokens: tokens, on: device).value
    }

    /// The estimates at `tp`, or — when none is asked for — at every power-of-two degree up to the
    /// node's devices that the model can shard (its heads, and its state-space heads and groups,
    /// divide evenly), with the degrees left out and why.
    public static func estimates(
        spec: ModelSpec, tp: Int?, batch: Int, context: Int, on device: Accelerator
    ) throws -> (estimates: [ServingEstimate], skipped: [(tp: Int, reason: InputMessage)]) {
        if let tp { return ([try estimate(spec: spec, tp: tp, batch: batch, context: context, on: device)], []) }
        let heads = spec.decoder?.attention.heads ?? 1
        var estimates: [ServingEstimate] = [], skipped: [(Int, InputMessage)] = []
        for degree in (1...max(1, device.devicesPerNode)) where heads % degree == 0 && degree & (degree - 1) == 0 {
            do {
                try ParallelConfig(tp: degree).validate(for: spec)
            } catch let error as PlanError where degree > 1 {
                skipped.append((degree, error.message))
                continue
            }
            estimates.append(try estimate(spec: spec, tp: degree, batch: batch, context: context, on: device))
        }
        return (estimates, skipped)
    }

    /// What takes the largest share of a per-operation step: its compute-bound parts, its
    /// memory-bound ones, its all-reduces, or its layers' fixed cost (a small model's step).
    static func boundBy(_ step: TensorParallelStep) -> String {
        let shares = [("compute", step.computeBound), ("memory bandwidth", step.memoryBound), ("communication", step.allReduce),
                      ("layer overhead", step.layerOverhead)]
        return shares.max { $0.1 < $1.1 }?.0 ?? "memory bandwidth"
    }

    /// One decode step of `batch` sequences at `context` positions on `tp` devices: weights as the
    /// checkpoint stores them, the step operation by operation where `TensorParallelGeneration`
    /// prices the model (a decoder of softmax attention, dense or a mixture), the roofline of the step and the all-reduces; a `tp` the model
    /// cannot shard (heads, state-space groups) is a `PlanError` naming why.
    public static func estimate(spec: ModelSpec, tp: Int, batch: Int, context: Int, on device: Accelerator) throws -> ServingEstimate {
        try ParallelConfig(tp: tp).validate(for: spec)
        // Weights as the checkpoint stores them where it says (gpt-oss's MXFP4 experts, DeepSeek-V3's FP8: what
        // vLLM serves), else bf16; a decode step reads the dense weights and the routed experts its batch touches.
        let memory = try MemoryEstimator(spec: spec, requestedWeightType: nil).report(batch: batch, seq: context)
        // Serving engines (vLLM, SGLang, DeepSeek's own) decode latent attention absorbed; no other
        // model reads the convention.
        let step = try FlopCounter(spec: spec, latentDecode: .absorbed).decode(batch: batch, context: context).total
        let perDeviceBytes = Double(memory.decodeStep.total) / Double(tp)
        let roofline = device.roofline().step(context: context, flops: Double(step) / Double(tp), bytes: perDeviceBytes)
        let compute = roofline.computeTime, traffic = roofline.memoryTime
        let comm = tensorParallelTime(spec: spec, tp: tp, tokens: batch, on: device)
        let bound = Seconds.max(compute, traffic) + comm
        // The per-operation step reads its weights at one storage type: a checkpoint's own mixed
        // storage (a quantized GGUF file's) keeps the roofline, which reads its real bytes.
        let predicted = TensorParallelGeneration.covers(spec) && spec.checkpointPrecision == nil
            ? try TensorParallelGeneration(tp: tp, weightType: memory.weightType, kvType: memory.kvType)
                .step(spec: spec, batch: batch, length: context, prefill: false, on: device, kernelEfficiency: TrainingJob.fittedKernelEfficiency)
            : nil
        let resident = Double(memory.inferenceTotal) / Double(tp)
        var estimate = ServingEstimate(tp: tp, batch: batch, context: context, predictedStep: predicted,
                               rooflineTimePerToken: bound, computeTime: compute,
                               memoryTime: traffic, communicationTime: comm,
                               boundBy: predicted.map(boundBy) ?? (traffic >= compute ? "memory bandwidth" : "compute"),
                               fits: resident <= Double(device.memoryBytes),
                               bytesPerDevice: memory.inferenceTotal / Int128(tp) + (memory.inferenceTotal % Int128(tp) == 0 ? 0 : 1))
        estimate.dollarsPerMillionTokens = device.pricePerHour.value * Double(tp) / 3600 / estimate.tokensPerSecond * 1e6
        return estimate
    }
}
