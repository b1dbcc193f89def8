import CostModel
import Workload

/// A mixture-of-experts model served as DeepSeek (its "day 6" inference overview) and SGLang's
/// large-scale expert-parallel deployment run it: attention, dense layers and shared experts
/// data-parallel on every device (each holds a whole copy and its own sequences), the routed
/// experts spread over the group (plus redundant copies of hot ones), tokens dispatched to
/// their experts' devices and combined back by all-to-alls between every MoE layer.
public struct ExpertParallelDeployment: Sendable, Equatable {
    /// Devices in the group: the expert-parallel degree and the attention data-parallel degree.
    public var devices: Int
    /// Extra expert replicas spread over the group (DeepSeek's and SGLang's EPLB: 32).
    public var redundantExperts: Int
    /// Two micro-batches interleaved so one's all-to-alls run under the other's compute
    /// (DeepSeek's dual micro-batch overlap, SGLang's two-batch overlap).
    public var overlapsAllToAll: Bool

    public init(devices: Int, redundantExperts: Int = 0, overlapsAllToAll: Bool = true) {
        self.devices = devices; self.redundantExperts = redundantExperts; self.overlapsAllToAll = overlapsAllToAll
    }
}

/// One forward step on one device of an expert-parallel deployment, by part.
///
/// ```
/// GEMMs          the step's FLOPs other than the attention core, at peak(precision) · η
/// attention      the attention core (causal prefill: half computed) at 50 % of the BF16 peak
/// memory         the weights the step reads (the dense copy, the device's share of the routed
///                experts the group's tokens touch) and the KV cache, at the datasheet bandwidth
/// all-to-all     per MoE layer, each token dispatched (FP8, 1 byte per element) and combined
///                back (BF16, 2 bytes) over the network: in prefill once per other node its
///                experts sit on (DeepEP's normal kernels forward inside a node over NVLink), in
///                decode once per expert on another device (its low-latency kernels are pure RDMA)
/// step           max(compute, memory), then the all-to-alls: hidden behind the compute when
///                two micro-batches overlap (the excess exposed), else added
/// ```
public struct ExpertParallelStep: Sendable, Equatable {
    public var gemm: Seconds
    public var attention: Seconds
    public var memory: Seconds
    public var allToAll: Seconds
    public var exposedAllToAll: Seconds
    public var total: Seconds
    /// Copies of each token sent over the network per MoE layer, each way, on average.
    public var remoteCopiesPerToken: Double
}

extension ExpertParallelDeployment {
    /// One decode step of `batchPerDevice` sequences on each device, each with `context` cached
    /// positions (latent attention decoded absorbed, as the serving engines run it).
    public func decodeStep(spec: ModelSpec, batchPerDevice: Int, context: Int, on device: Accelerator,
                           kernelEfficiency: Double = TrainingJob.fittedKernelEfficiency) throws -> ExpertParallelStep {
        let flops = try FlopCounter(spec: spec, latentDecode: .absorbed).decode(batch: batchPerDevice, context: context)
        let memory = try MemoryEstimator(spec: spec, requestedWeightType: nil).report(batch: batchPerDevice, seq: context)
        let kvBytes = Double(memory.kvCacheBytesPerToken) * Double(batchPerDevice) * Double(context)
        return try step(spec: spec, flops: flops, causal: false, traffic: memory.weightTraffic, extraBytes: kvBytes,
                        tokensPerDevice: batchPerDevice, perExpert: true, on: device, kernelEfficiency: kernelEfficiency)
    }

    /// One prefill forward of `tokensPerDevice` prompt tokens on each device, in prompts of
    /// `promptLength` tokens (no cached prefix).
    public func prefill(spec: ModelSpec, tokensPerDevice: Int, promptLength: Int, on device: Accelerator,
                        kernelEfficiency: Double = TrainingJob.fittedKernelEfficiency) throws -> ExpertParallelStep {
        guard promptLength > 0, tokensPerDevice % promptLength == 0 else {
            throw PlanError(.sequenceLength, "\(tokensPerDevice) tokens per device are not whole prompts of \(promptLength)")
        }
        let flops = try FlopCounter(spec: spec).prefill(batch: tokensPerDevice / promptLength, seq: promptLength)
        let memory = try MemoryEstimator(spec: spec, requestedWeightType: nil).report(batch: 1, seq: 1)
        return try step(spec: spec, flops: flops, causal: spec.decoder?.causal ?? true, traffic: memory.weightTraffic, extraBytes: 0,
                        tokensPerDevice: tokensPerDevice, perExpert: false, on: device, kernelEfficiency: kernelEfficiency)
    }

    private func step(spec: ModelSpec, flops: FlopReport, causal: Bool, traffic: WeightTraffic, extraBytes: Double,
                      tokensPerDevice: Int, perExpert: Bool, on device: Accelerator, kernelEfficiency eta: Double) throws -> ExpertParallelStep {
        guard let stack = spec.decoder, let moe = stack.moe, moe.experts > 0 else {
            throw PlanError(.expertParallel, "\(spec.name) has no routed experts to spread over \(devices) devices")
        }
        let slots = moe.experts.addingReportingOverflow(redundantExperts)
        guard devices >= 1, redundantExperts >= 0, !slots.overflow, slots.partialValue % devices == 0 else {
            throw PlanError(.expertParallel, "\(moe.experts) experts and \(redundantExperts) redundant copies do not spread evenly over \(devices) devices")
        }
        let attentionCore = Double(flops.flops(endingWith: FlopComponentName.attentionScores.name, FlopComponentName.attentionValues.name))
        let gemmFLOPs = Double(flops.total) - attentionCore
        let gemm = gemmFLOPs / (device.achievableMatmulPeak.value * eta)
        let attention = attentionCore * (causal ? 0.5 : 1) / (device.attentionPeak.value * DeviceStepTime.attentionEfficiency)

        // The dense copy every step; of the routed experts, this device's slots (E + R)/D per
        // layer, each read where any of the group's tokens route to it.
        let slotsShare = Double(moe.experts + redundantExperts) / Double(moe.experts) / Double(devices)
        let groupTokens = tokensPerDevice.multipliedReportingOverflow(by: devices)
        let touched = WeightTraffic.touchedShare(experts: Double(moe.experts), topK: Double(moe.topK),
                                                 tokens: groupTokens.overflow ? Int.max : groupTokens.partialValue)
        let bytes = Double(traffic.alwaysRead) + Double(traffic.routedExperts) * slotsShare * touched + extraBytes
        let memory = bytes / device.bandwidth.value

        // Copies of a token on the network: one per expert on another device (pure RDMA), or one
        // per other node, group-limited routing (DeepSeek-V3: 4 of 8 groups) bounding the nodes.
        let nodes = max(1, (Double(devices) / Double(max(1, device.devicesPerNode))).rounded(.up))
        let remote = perExpert
            ? Double(moe.topK) * Double(devices - 1) / Double(devices)
            : min(Double(moe.topK), Double(moe.routing?.topKGroups ?? moe.topK), nodes) * (nodes - 1) / nodes
        let moeLayers = Double(moe.sparseLayers(of: stack.layers))
        let perToken = Double(spec.hiddenSize) * (1 + 2) * remote
        let messageBytes = Bytes(Double(tokensPerDevice) * moeLayers * perToken)
        let allToAll = remote > 0 ? device.interNode.time(bytes: messageBytes, steps: 2 * moeLayers) : .zero

        let busy = max(gemm + attention, memory)
        let exposed = overlapsAllToAll ? Seconds(max(0, allToAll.value - busy)) : allToAll
        return ExpertParallelStep(gemm: Seconds(gemm), attention: Seconds(attention), memory: Seconds(memory), allToAll: allToAll,
                                  exposedAllToAll: exposed, total: Seconds(busy) + exposed, remoteCopiesPerToken: remote)
    }
}
