import CostModel
import Workload

/// Tensor-parallel decoding of one replica: latency per token, throughput, replicas for a load.
public struct ServingEstimate: Sendable {
    public var tp: Int
    public var batch: Int
    public var context: Int
    /// Seconds per decode step: the larger of compute and memory traffic per device, plus the
    /// TP all-reduces (2 per layer of b·h bf16 activations, latency-bound).
    public var secondsPerToken: Double
    public var computeSeconds: Double
    public var memorySeconds: Double
    public var communicationSeconds: Double
    public var tokensPerSecond: Double
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

public enum ServingPlan {
    /// Seconds of the tensor-parallel all-reduces one forward step of `tokens` tokens needs:
    /// Megatron's 2 per layer over `tokens × d` bf16 activations, ring time plus per-step link
    /// latency, over the node's link when the group fits in a node, else the network. The layers
    /// are the decoder's (the stack every generated token runs through).
    public static func tensorParallelSeconds(spec: ModelSpec, tp: Int, tokens: Int, on device: Accelerator) -> Double {
        guard tp > 1 else { return 0 }
        let layers = (spec.decoder ?? spec.encoder)?.layers ?? 0
        let link = tp <= device.devicesPerNode ? device.intraNode : device.interNode
        let message = 2.0 * Double(tokens) * Double(spec.hiddenSize)
        return Double(2 * layers) * (Ring.allReduce(message, tp) / link.bytesPerSecond + Ring.allReduceSteps(tp) * link.latencySeconds)
    }

    public static func estimate(spec: ModelSpec, tp: Int, batch: Int, context: Int, on device: Accelerator) throws -> ServingEstimate {
        try ParallelConfig(tp: tp).validate(for: spec)
        // Weights as the checkpoint stores them where it says (gpt-oss's MXFP4 experts: what vLLM serves), else bf16.
        let memory = try MemoryEstimator(spec: spec, checkpoint: spec.checkpointPrecision).report(batch: batch, seq: context)
        // Serving engines (vLLM, SGLang, DeepSeek's own) decode latent attention absorbed; no other
        // model reads the convention.
        let step = try FlopCounter(spec: spec, latentDecode: .absorbed).decode(batch: batch, context: context).total
        let perDeviceBytes = Double(memory.decodeStep.total) / Double(tp)
        let roofline = device.roofline().step(context: context, flops: Double(step) / Double(tp), bytes: perDeviceBytes)
        let compute = roofline.computeTime.value, traffic = roofline.memoryTime.value
        let comm = tensorParallelSeconds(spec: spec, tp: tp, tokens: batch, on: device)
        let seconds = max(compute, traffic) + comm
        let resident = Double(memory.inferenceTotal) / Double(tp)
        var estimate = ServingEstimate(tp: tp, batch: batch, context: context, secondsPerToken: seconds, computeSeconds: compute,
                               memorySeconds: traffic, communicationSeconds: comm, tokensPerSecond: Double(batch) / seconds,
                               boundBy: traffic >= compute ? "memory bandwidth" : "compute",
                               fits: resident <= Double(device.memoryBytes),
                               bytesPerDevice: memory.inferenceTotal / Int128(tp) + (memory.inferenceTotal % Int128(tp) == 0 ? 0 : 1))
        estimate.dollarsPerMillionTokens = device.pricePerHour.value * Double(tp) / 3600 / estimate.tokensPerSecond * 1e6
        return estimate
    }
}
