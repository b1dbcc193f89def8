import CostModel
import Foundation
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
    /// (DeepSeek's dual micro-batch overlap, SGLang's two-batch overlap), on the schedules of
    /// DeepSeek's published profiles (`ExpertParallelStep`).
    public var overlapsAllToAll: Bool

    public init(devices: Int, redundantExperts: Int = 0, overlapsAllToAll: Bool = true) {
        self.devices = devices; self.redundantExperts = redundantExperts; self.overlapsAllToAll = overlapsAllToAll
    }

    /// Compute units (SMs) prefill's all-to-all kernels hold while two micro-batches overlap:
    /// DeepSeek's prefill profile gives communication 24 of the H800's 132 SMs (computation 108).
    /// Decode's low-latency kernels hold none: after the RDMA messages are issued every SM is
    /// free (DeepSeek's profile-data README).
    public static let prefillCommunicationUnits = 24
}

/// One micro-batch's share of one layer, by part: each at max(FLOPs ÷ rate, bytes ÷ bandwidth)
/// on the compute units left to computation. GEMMs run at the achievable matmul rate × η, the
/// attention core at 50 % of the BF16 peak; every micro-batch reads the part's weights anew.
/// Each part's element-wise kernels (norms, rotary, activations, residual adds) follow its GEMMs
/// at the achievable bandwidth, as a training plan's forward prices them (the attention parts
/// carry the layer's norms and residual adds; the expert parts their activations).
///
/// ```
/// attentionBeforeCore    the projections before the core (DeepSeek's decode profile: ATTN-0)
/// attentionCoreAndAfter  the core (decode: reading the KV cache), output projection, router (ATTN-1)
/// sharedExperts          the shared experts of a MoE layer
/// routedExperts          this device's expert slots (the group's tokens routed to them)
/// denseFFN               the FFN of a dense (non-MoE) layer
/// dispatch, combine      each token to its experts' devices (FP8, 1 byte per element) and back
///                        (BF16, 2 bytes) over the network: in prefill once per other node its
///                        experts sit on (DeepEP's normal kernels forward inside a node over
///                        NVLink), in decode once per expert on another device (its low-latency
///                        kernels are pure RDMA)
/// fixed                  the layer's fixed cost (`TensorParallelGeneration.fittedLayerOverhead`):
///                        launches, ramp-up and tails on the compute stream, which no all-to-all hides
/// ```
public struct ExpertParallelLayerParts: Sendable, Equatable {
    public var attentionBeforeCore: Seconds
    public var attentionCoreAndAfter: Seconds
    public var sharedExperts: Seconds
    public var routedExperts: Seconds
    public var denseFFN: Seconds
    public var dispatch: Seconds
    public var combine: Seconds
    public var fixed: Seconds = .zero
    /// The whole attention (prefill's ATTN).
    public var attention: Seconds { attentionBeforeCore + attentionCoreAndAfter }
}

/// One forward step on one device of an expert-parallel deployment.
///
/// With two overlapped micro-batches, a MoE layer runs on the schedule DeepSeek's profiles
/// publish (github.com/deepseek-ai/profile-data): each `max` is a compute stage against the
/// all-to-all the figures run beside it, the stage waiting only where the all-to-all is longer.
/// ```
/// decode   per micro-batch: max(shared + attention before core, dispatch) + routed experts
///                           + max(attention core and after, combine) + fixed
/// prefill  max(attention + shared, combine) + max(attention, dispatch) + max(routed, dispatch)
///          + max(routed + shared, combine)       (computation on the units communication leaves)
///          + micro-batches × fixed
/// serial   one batch: every part, then dispatch and combine, back to back
/// step     MoE layers × that + dense layers × micro-batches × (attention + FFN + fixed) + the LM
///          head + the draft module (speculative decoding: draft depth × (a MoE layer + the LM head))
/// ```
public struct ExpertParallelStep: Sendable, Equatable {
    /// One micro-batch (the whole batch when serial), one layer.
    public var parts: ExpertParallelLayerParts
    public var microBatches: Int
    /// Share of the device's compute units computation runs on (prefill's overlap: 108 of 132).
    public var computeUnitShare: Double
    /// The LM head, over the whole step.
    public var lmHead: Seconds
    /// A speculative step's draft module: per draft depth one MoE layer on the step's tokens and
    /// an LM head pass (zero without speculation).
    public var draftModule: Seconds
    /// Every compute part of the step back to back, on the units it had.
    public var compute: Seconds
    /// Every dispatch and combine of the step back to back.
    public var allToAll: Seconds
    public var total: Seconds
    /// Copies of each token sent over the network per MoE layer, each way, on average.
    public var remoteCopiesPerToken: Double
    /// The time the step waits on all-to-alls its compute does not cover.
    public var exposedAllToAll: Seconds { Seconds(max(0, total.value - compute.value)) }
}

/// Multi-token prediction used for speculative decoding (DeepSeek-V3 §5.4.3): each step the
/// model verifies `draftTokens` drafted tokens per sequence beside its next token, and the draft
/// module (per draft depth one transformer block and a pass of the shared LM head) drafts the
/// next ones.
public struct SpeculativeDecoding: Sendable, Equatable {
    public var draftTokens: Int
    /// Chance a drafted token is accepted once every draft before it was.
    public var acceptanceRate: Double

    public init(draftTokens: Int, acceptanceRate: Double) { self.draftTokens = draftTokens; self.acceptanceRate = acceptanceRate }

    /// Output tokens per sequence per step on average: the verified next token, then each draft
    /// while every one before it held, `Σ_{i=0}^{k} pⁱ` (1.6 for one draft at p = 0.6).
    public var outputTokensPerStep: Double {
        let k = max(0, draftTokens), p = acceptanceRate
        // Summed term by term for any draft depth in use; the closed form past it, so no depth a
        // caller passes loops for long.
        if k <= 64 { return (0...k).reduce(0) { $0 + pow(p, Double($1)) } }
        return p == 1 ? Double(k) + 1 : (1 - pow(p, Double(k) + 1)) / (1 - p)
    }
}

extension ExpertParallelDeployment {
    /// One decode step of `batchPerDevice` sequences on each device, each with `context` cached
    /// positions (latent attention decoded absorbed, as the serving engines run it). With
    /// `speculation`, every sequence feeds `1 + draftTokens` tokens through the model (one read
    /// of its cache), and the draft module runs after it.
    public func decodeStep(spec: ModelSpec, batchPerDevice: Int, context: Int, on device: Accelerator,
                           speculation: SpeculativeDecoding? = nil,
                           kernelEfficiency: Double = TrainingJob.fittedKernelEfficiency,
                           layerOverhead: Seconds = TensorParallelGeneration.fittedLayerOverhead) throws -> ExpertParallelStep {
        let drafts = speculation?.draftTokens ?? 0
        if let speculation, !(speculation.acceptanceRate >= 0 && speculation.acceptanceRate <= 1) {
            throw PlanError(.draftTokens, "the acceptance rate of drafted tokens must lie in [0, 1], got \(speculation.acceptanceRate)")
        }
        let flops = try FlopCounter(spec: spec, latentDecode: .absorbed).decode(batch: batchPerDevice, context: context, draftTokens: drafts)
        let memory = try MemoryEstimator(spec: spec, requestedWeightType: nil).report(batch: batchPerDevice, seq: context)
        let kvBytes = Double(memory.kvCacheBytesPerToken) * Double(batchPerDevice) * Double(context)
        let tokens = batchPerDevice.multipliedReportingOverflow(by: 1 + drafts)
        guard !tokens.overflow else { throw PlanError(.draftTokens, "\(batchPerDevice) sequences × \(1 + drafts) tokens overflow") }
        let work = try ExpertParallelWork(spec: spec, flops: flops, memory: memory, kvBytes: kvBytes, causal: false,
                                          tokensPerDevice: tokens.partialValue, deployment: self, draftDepth: drafts)
        return work.step(phase: .decode, on: device, kernelEfficiency: kernelEfficiency, layerOverhead: layerOverhead)
    }

    /// One prefill forward of `tokensPerDevice` prompt tokens on each device, in prompts of
    /// `promptLength` tokens (no cached prefix).
    public func prefill(spec: ModelSpec, tokensPerDevice: Int, promptLength: Int, on device: Accelerator,
                        kernelEfficiency: Double = TrainingJob.fittedKernelEfficiency,
                        layerOverhead: Seconds = TensorParallelGeneration.fittedLayerOverhead) throws -> ExpertParallelStep {
        guard promptLength > 0, tokensPerDevice % promptLength == 0 else {
            throw PlanError(.sequenceLength, "\(tokensPerDevice) tokens per device are not whole prompts of \(promptLength)")
        }
        let flops = try FlopCounter(spec: spec).prefill(batch: tokensPerDevice / promptLength, seq: promptLength)
        let memory = try MemoryEstimator(spec: spec, requestedWeightType: nil).report(batch: 1, seq: 1)
        let work = try ExpertParallelWork(spec: spec, flops: flops, memory: memory, kvBytes: 0, causal: spec.decoder?.causal ?? true,
                                          tokensPerDevice: tokensPerDevice, deployment: self)
        return work.step(phase: .prefill, on: device, kernelEfficiency: kernelEfficiency, layerOverhead: layerOverhead)
    }
}
