import CostModel
import Workload

/// A serving step's work on one device, split into the parts the overlap schedules move
/// (`ExpertParallelLayerParts`): FLOPs from the step's `FlopReport`, weight bytes from the
/// checkpoint's storage, by the same component names.
struct ExpertParallelWork {
    enum Phase { case decode, prefill }

    /// Whole-step FLOPs of each part (the attention core already halved where causal). The routed
    /// experts' are the device's own tokens' (on average what its slots compute for the group);
    /// latent attention's absorbed up-projections count before the core, both halves.
    var beforeCoreFLOPs = 0.0, coreFLOPs = 0.0, afterCoreFLOPs = 0.0, sharedFLOPs = 0.0, routedFLOPs = 0.0,
        denseFFNFLOPs = 0.0, headFLOPs = 0.0
    /// Weight bytes of each part over the whole stack; the routed experts' are this device's share.
    var beforeCoreBytes = 0.0, afterCoreBytes = 0.0, sharedBytes = 0.0, denseFFNBytes = 0.0, headBytes = 0.0
    /// This device's expert slots' bytes over the stack; a micro-batch reads the share of them
    /// its group's tokens touch.
    var slotBytes = 0.0
    /// Bytes the element-wise kernels move per token over the stack (a training plan's forward:
    /// each activation a layer keeps written and read once, `TensorParallelStep.elementwise`), by
    /// the part whose operations keep them; the routed experts' count each token's top-k copies,
    /// which balanced routing spreads evenly over the devices.
    var attentionElementwiseBytes = 0.0, sharedElementwiseBytes = 0.0, routedElementwiseBytes = 0.0, denseFFNElementwiseBytes = 0.0
    var deployment: ExpertParallelDeployment
    var experts: Double, topK: Double
    var kvBytes: Double
    var tokensPerDevice: Int
    var layers: Double, moeLayers: Double
    var hiddenSize: Double
    var topKGroups: Double?
    /// Draft depth of a speculative step: its draft module runs this many MoE layers and LM head
    /// passes after the model (DeepSeek-V3's MTP module is one MoE block sharing the head).
    var draftDepth: Int

    init(spec: ModelSpec, flops: FlopReport, memory: MemoryReport, kvBytes: Double, causal: Bool, tokensPerDevice: Int,
         deployment: ExpertParallelDeployment, draftDepth: Int = 0) throws {
        let d = deployment
        guard let stack = spec.decoder, let moe = stack.moe, moe.experts > 0 else {
            throw PlanError(.expertParallel, "\(spec.name) has no routed experts to spread over \(d.devices) devices")
        }
        let slots = moe.experts.addingReportingOverflow(d.redundantExperts)
        guard d.devices >= 1, d.redundantExperts >= 0, !slots.overflow, slots.partialValue % d.devices == 0 else {
            throw PlanError(.expertParallel, "\(moe.experts) experts and \(d.redundantExperts) redundant copies do not spread evenly over \(d.devices) devices")
        }
        self.deployment = d; self.experts = Double(moe.experts); self.topK = Double(moe.topK); self.kvBytes = kvBytes
        self.tokensPerDevice = tokensPerDevice; self.layers = Double(stack.layers); self.moeLayers = Double(moe.sparseLayers(of: stack.layers))
        self.hiddenSize = Double(spec.hiddenSize); self.topKGroups = moe.routing?.topKGroups.map(Double.init)
        self.draftDepth = draftDepth

        func f(_ names: FlopComponentName...) -> Double { names.reduce(0) { $0 + Double(flops.flops(endingWith: $1.name)) } }
        let core = f(.attentionScores, .attentionValues)
        coreFLOPs = core * (causal ? 0.5 : 1)
        sharedFLOPs = f(.sharedExpert); routedFLOPs = f(.experts); denseFFNFLOPs = f(.ffn); headFLOPs = f(.lmHead)
        afterCoreFLOPs = f(.attentionOutput, .router)
        beforeCoreFLOPs = max(0, Double(flops.total) - core - sharedFLOPs - routedFLOPs - denseFFNFLOPs - headFLOPs - afterCoreFLOPs)

        func b(_ group: ParameterGroup) -> Double { Double(memory.weights.bytes(of: group)) }
        // The projections' bytes split as their FLOPs do (each weight meets every token once).
        let outputFLOPs = f(.attentionOutput)
        let attention = b(.attention) + b(.latentNorms) + b(.qkNorms) + b(.norms)
        let afterShare = beforeCoreFLOPs + outputFLOPs > 0 ? outputFLOPs / (beforeCoreFLOPs + outputFLOPs) : 0
        beforeCoreBytes = attention * (1 - afterShare)
        afterCoreBytes = attention * afterShare + b(.router)
        sharedBytes = b(.sharedExpert); denseFFNBytes = b(.ffn)
        // A tied head reads the embedding table; an untied model gathers one row of it per token.
        headBytes = b(.lmHead) > 0 ? b(.lmHead) : b(.tokenEmbedding)
        slotBytes = Double(memory.weightTraffic.routedExperts) * Double(slots.partialValue) / experts / Double(d.devices)
        let stacks = ModelOperations(spec).stacks
        func kept(_ including: (Operation) -> Bool) -> Double {
            stacks.reduce(0) { $0 + $1.keptBytesPerToken(including: including) } * DeviceStepTime.forwardElementwiseTrafficPerSavedByte
        }
        routedElementwiseBytes = kept { $0.component == .experts }
        sharedElementwiseBytes = kept { $0.component == .sharedExpert }
        denseFFNElementwiseBytes = kept { $0.component == .ffn }
        attentionElementwiseBytes = kept { ![.experts, .sharedExpert, .ffn].contains($0.component) }
    }

    /// Copies of a token on the network per MoE layer: one per expert on another device (pure
    /// RDMA), or one per other node, group-limited routing (DeepSeek-V3: 4 of 8 groups) bounding the nodes.
    func remoteCopies(_ phase: Phase, devicesPerNode: Int) -> Double {
        let devices = Double(deployment.devices)
        let nodes = max(1, (devices / Double(max(1, devicesPerNode))).rounded(.up))
        return switch phase {
        case .decode: topK * (devices - 1) / devices
        case .prefill: min(topK, topKGroups ?? topK, nodes) * (nodes - 1) / nodes
        }
    }

    func step(phase: Phase, on device: Accelerator, kernelEfficiency eta: Double, layerOverhead: Seconds) -> ExpertParallelStep {
        let overlap = deployment.overlapsAllToAll
        let m = overlap ? 2.0 : 1.0
        let share = overlap && phase == .prefill ? device.computeUnitShare(reserving: ExpertParallelDeployment.prefillCommunicationUnits) : 1
        let gemmRate = device.achievableMatmulPeak.value * eta * share
        let coreRate = device.attentionPeak.value * DeviceStepTime.attentionEfficiency * share
        let bandwidth = device.bandwidth.value
        // One micro-batch's part of one layer of `count`: its FLOPs at `rate`, or its bytes.
        func part(_ flops: Double, _ bytes: Double, over count: Double, rate: Double = gemmRate, perTokenBytes: Double = 0) -> Seconds {
            guard count > 0 else { return .zero }
            return Seconds(max(flops / count / m / rate, (bytes / count + perTokenBytes / count / m) / bandwidth))
        }
        let microTokens = Double(tokensPerDevice) / m
        let groupTokens = Int(min(microTokens * Double(deployment.devices), Double(Int.max / 2)))
        let touched = WeightTraffic.touchedShare(experts: experts, topK: topK, tokens: groupTokens)
        let remote = remoteCopies(phase, devicesPerNode: device.devicesPerNode)
        func message(_ bytesPerElement: Double) -> Seconds {
            remote > 0 ? device.interNode.time(bytes: Bytes(microTokens * hiddenSize * bytesPerElement * remote), steps: 1) : .zero
        }
        // One micro-batch's element-wise kernels in one layer of `count`, beside the part's GEMMs.
        func elementwise(_ bytesPerToken: Double, over count: Double) -> Seconds {
            count > 0 ? Seconds(bytesPerToken / count * microTokens / bandwidth) : .zero
        }
        let parts = ExpertParallelLayerParts(
            attentionBeforeCore: part(beforeCoreFLOPs, beforeCoreBytes, over: layers) + elementwise(attentionElementwiseBytes, over: layers),
            attentionCoreAndAfter: part(coreFLOPs, 0, over: layers, rate: coreRate, perTokenBytes: kvBytes)
                + part(afterCoreFLOPs, afterCoreBytes, over: layers),
            sharedExperts: part(sharedFLOPs, sharedBytes, over: moeLayers) + elementwise(sharedElementwiseBytes, over: moeLayers),
            routedExperts: part(routedFLOPs, slotBytes * touched, over: moeLayers) + elementwise(routedElementwiseBytes, over: moeLayers),
            denseFFN: part(denseFFNFLOPs, denseFFNBytes, over: layers - moeLayers) + elementwise(denseFFNElementwiseBytes, over: layers - moeLayers),
            dispatch: message(1), combine: message(2), fixed: layerOverhead)
        let p = parts
        // Each micro-batch's kernels pay the layer's fixed cost on the compute stream.
        let moeLayer: Seconds = switch (overlap, phase) {
        case (false, _): p.attention + p.sharedExperts + p.routedExperts + p.dispatch + p.combine + p.fixed
        case (true, .decode):
            (max(p.sharedExperts + p.attentionBeforeCore, p.dispatch) + p.routedExperts + max(p.attentionCoreAndAfter, p.combine) + p.fixed) * m
        case (true, .prefill):
            max(p.attention + p.sharedExperts, p.combine) + max(p.attention, p.dispatch) + max(p.routedExperts, p.dispatch)
                + max(p.routedExperts + p.sharedExperts, p.combine) + p.fixed * m
        }
        let denseLayers = layers - moeLayers
        let head = part(headFLOPs, headBytes, over: 1) * m
        let denseTime = (p.attention + p.denseFFN + p.fixed) * (denseLayers * m)
        let draft = Double(draftDepth)
        let draftModule = (moeLayer + head) * draft
        let moeCompute = (p.attention + p.sharedExperts + p.routedExperts + p.fixed) * m
        let compute = moeCompute * (moeLayers + draft) + denseTime + head * (1 + draft)
        return ExpertParallelStep(parts: parts, microBatches: Int(m), computeUnitShare: share, lmHead: head, draftModule: draftModule,
                                  compute: compute, allToAll: (p.dispatch + p.combine) * ((moeLayers + draft) * m),
                                  total: moeLayer * moeLayers + denseTime + head + draftModule, remoteCopiesPerToken: remote)
    }
}
