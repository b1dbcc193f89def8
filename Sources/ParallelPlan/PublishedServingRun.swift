import CostModel
import Workload

/// A serving deployment whose hardware, parallel layout and throughput were published: what the
/// serving side of the step model is checked against. Every input the source did not give is
/// named in `assumptions`.
public struct PublishedServingRun: Sendable {
    public enum Phase: String, Sendable { case decode, prefill }

    public var name: String
    /// Catalog name of the model.
    public var model: String
    /// Accelerator name as the hardware catalog spells it.
    public var hardware: String
    public var deployment: ExpertParallelDeployment
    public var phase: Phase
    /// Decode: sequences per device in one step. Prefill: prompt tokens per device in one forward.
    public var batchPerDevice: Int
    /// Decode: cached positions each sequence attends to. Prefill: tokens per prompt.
    public var length: Int
    /// Reported tokens per second per device (output tokens for decode, input tokens for prefill).
    public var reportedTokensPerSecondPerDevice: Double
    /// The precision its GEMMs ran at.
    public var precision: Precision
    public var source: String
    public var assumptions: [String]
    /// What the report holds that the model does not price, where known.
    public var outsideBecause: String? = nil
    /// Decode with multi-token prediction: the drafts each sequence verifies per step, and the
    /// acceptance rate its reported throughput was counted at.
    public var speculation: SpeculativeDecoding? = nil

    /// Output (decode) or input (prefill) tokens per sequence slot and step: what turns tokens
    /// per second into a step time.
    public var tokensPerSlotAndStep: Double { speculation?.outputTokensPerStep ?? 1 }
}

/// A published serving run against our prediction, on one convention: time per forward step
/// on one device.
/// ```
/// reported step  = tokens per device in the step ÷ reported tokens/s per device
///                  (speculative decode: sequences × output tokens per sequence and step)
/// error          = predicted step ÷ reported step − 1          (negative: we predict faster)
/// ```
public struct PublishedServingCheck: Sendable {
    public var run: PublishedServingRun
    public var step: ExpertParallelStep
    public var reportedStepSeconds: Double
    public var predictedStepSeconds: Double { step.total.value }
    public var predictedTokensPerSecondPerDevice: Double { Double(run.batchPerDevice) * run.tokensPerSlotAndStep / predictedStepSeconds }
    public var error: Double { predictedStepSeconds / reportedStepSeconds - 1 }

    /// `run` priced at `kernelEfficiency`: the η fitted on the training runs, never on a serving one.
    public static func check(_ run: PublishedServingRun, spec: ModelSpec, device: Accelerator,
                             kernelEfficiency: Double = TrainingJob.fittedKernelEfficiency) throws -> PublishedServingCheck {
        let step = switch run.phase {
        case .decode: try run.deployment.decodeStep(spec: spec, batchPerDevice: run.batchPerDevice, context: run.length, on: device,
                                                   speculation: run.speculation, kernelEfficiency: kernelEfficiency)
        case .prefill: try run.deployment.prefill(spec: spec, tokensPerDevice: run.batchPerDevice, promptLength: run.length, on: device,
                                                 kernelEfficiency: kernelEfficiency)
        }
        return PublishedServingCheck(run: run, step: step,
                                     reportedStepSeconds: Double(run.batchPerDevice) * run.tokensPerSlotAndStep / run.reportedTokensPerSecondPerDevice)
    }
}

/// The published serving runs (figures as reported; each with its source).
public enum PublishedServingRuns {
    static let sglang = "LMSYS Org, 5 May 2025, \"Deploying DeepSeek with PD Disaggregation and Large-scale Expert Parallelism on 96 H100 GPUs\" (lmsys.org/blog/2025-05-05-large-scale-ep)"
    static let deepSeekDay6 = "DeepSeek-AI, Feb 2025, \"Day 6: DeepSeek-V3/R1 Inference System Overview\" (github.com/deepseek-ai/open-infra-index, 202502OpenSourceWeek)"
    static let profileData = "DeepSeek-AI, profile-data (github.com/deepseek-ai/profile-data, README and assets/decode.jpg, assets/prefill.jpg)"
    /// The profile rows' throughput: SGLang's blog derives it; DeepSeek printed kernel times.
    static let sglangReading = "the throughput is SGLang's reading of the profile's kernel times, not a figure DeepSeek printed"
    /// What the step model leaves out, and why it cannot yet price it from structure.
    static let unpricedServingWork = "the model prices each part's GEMMs at η, the attention core, the weight and KV traffic and the all-to-all bytes on DeepSeek's overlap schedule, and the element-wise kernels (RMSNorm, RoPE, SiLU, residual adds) by their bytes alone; it does not price the other small kernels between them (the FP8 quantization of every GEMM's input, routing top-k, token permutation) nor the launch-and-ramp time of each kernel, which at 64–256 tokens per micro-batch is no longer small against a layer, but through the fixed cost τ a layer a micro-batch fitted on TensorRT-LLM's static-batch rows; nor expert load imbalance, nor all-to-all kernels that busy-wait on the SMs (SGLang's breakdown: dispatch 0.17 ms per layer against 0.06 ms in DeepEP's unit test); no published per-kernel figure lets those be priced from structure"
    static let fp8 = "FP8 GEMMs priced at the FP8 peak × DeepGEMM's measured FP8 ceiling × η (DeepGEMM is the FP8 GEMM library these deployments run; DeepSeek's overview: matrix multiplications and dispatch in FP8, the attention core and combine in BF16)"

    public static let all: [PublishedServingRun] = [
        PublishedServingRun(
            name: "SGLang DeepSeek-V3 decode (72 H100)", model: "deepseek-v3", hardware: "h100-sxm",
            deployment: ExpertParallelDeployment(devices: 72, redundantExperts: 32), phase: .decode, batchPerDevice: 256, length: 2000,
            reportedTokensPerSecondPerDevice: 22_282.0 / 8, precision: .fp8,
            source: "\(sglang): decode on 9 nodes of 8 H100 (EP72, data-parallel attention, DeepEP low-latency dispatch, two-batch overlap, 32 redundant experts), batch 256 per device at 2,000 cached tokens: 22,282 output tokens/s per node",
            assumptions: [fp8, "the batch of 256 is per device, as the blog's decode table lists it", "routing spread evenly over the group (the blog's EPLB balances it)",
                          "KV cache in BF16 (the blog does not say)"],
            outsideBecause: unpricedServingWork),
        PublishedServingRun(
            name: "DeepSeek-V3 decode (144 H800)", model: "deepseek-v3", hardware: "h800",
            deployment: ExpertParallelDeployment(devices: 144, redundantExperts: 32), phase: .decode, batchPerDevice: 128, length: 4989,
            reportedTokensPerSecondPerDevice: 14_800.0 / 8, precision: .fp8,
            source: "\(deepSeekDay6): decode units of 18 nodes (routed experts EP144, MLA and shared experts DP144, 2 routed experts per GPU), 14.8k output tokens/s per H800 node, 4,989 cached tokens per output token on average",
            assumptions: [fp8, "batch 128 per device: the overview does not give it; SGLang's blog reads DeepSeek's figures as batch 128 at 4,989 tokens",
                          "a day's average over a serving fleet whose load varies; the model prices a full, steady batch",
                          "KV cache in BF16 (the overview keeps the attention core in BF16)"],
            outsideBecause: "a 24-hour average of a production fleet (load follows the day, and the overview's figure is per node while serving, not at a fixed full batch); the batch of 128 is SGLang's reading, not DeepSeek's figure; and \(unpricedServingWork)"),
        PublishedServingRun(
            name: "SGLang DeepSeek-V3 prefill (32 H100, 4K prompts)", model: "deepseek-v3", hardware: "h100-sxm",
            deployment: ExpertParallelDeployment(devices: 32, redundantExperts: 32), phase: .prefill, batchPerDevice: 16_384, length: 4096,
            reportedTokensPerSecondPerDevice: 50_302.0 / 8, precision: .fp8,
            source: "\(sglang): prefill on 4 nodes of 8 H100 (EP32, DeepEP normal dispatch, two-batch overlap), 16,384 tokens per device of 4,096-token prompts: 50,302 input tokens/s per node (default EPLB)",
            assumptions: [fp8, "routing spread evenly over the group (the blog's simulated perfect EPLB reaches 59,337 per node; the default's imbalance is not modelled)"],
            outsideBecause: "\(unpricedServingWork); the blog's perfectly balanced simulation alone is 18 % faster than this row"),
        PublishedServingRun(
            name: "DeepSeek profile decode (128 H800)", model: "deepseek-v3", hardware: "h800",
            deployment: ExpertParallelDeployment(devices: 128), phase: .decode, batchPerDevice: 128, length: 4096,
            reportedTokensPerSecondPerDevice: 18_598.0 / 8, precision: .fp8,
            source: "\(profileData): decoding profiled at EP128, TP1, 4K prompts, 128 requests per GPU, two micro-batches, perfectly balanced routing; 18,598 output tokens/s per node as \(sglang) derives it from that profile (its decode table, KV cache length 4,096, read with multi-token prediction at a 60 % acceptance rate)",
            assumptions: [fp8, sglangReading,
                          "no redundant experts: 256 routed experts over 128 GPUs, 2 each (the profile simulates balanced routing)",
                          "KV cache in BF16, 4,096 cached positions per sequence (SGLang's table)",
                          "multi-token prediction: each sequence verifies one drafted token per step, so 256 tokens per GPU pass through the model (SGLang's blog reads the profile's attention time as MTP's and simulates it with slowed attention); output counted at SGLang's conservative 60 % acceptance, 1.6 tokens per sequence and step, so the reported step is 128 × 1.6 ÷ 2,325 tok/s = 88 ms",
                          "the draft module priced as one more MoE layer on the step's tokens and one more LM head pass (DeepSeek-V3 §2.2: one transformer block, the shared head, and a 2d × d projection not priced)"],
            outsideBecause: "\(unpricedServingWork); this row is balanced by construction, so what remains is the small kernels and the busy-waiting all-to-alls",
            speculation: SpeculativeDecoding(draftTokens: 1, acceptanceRate: 0.6)),
        PublishedServingRun(
            name: "DeepSeek profile prefill (32 H800, 4K prompts)", model: "deepseek-v3", hardware: "h800",
            deployment: ExpertParallelDeployment(devices: 32, redundantExperts: 32), phase: .prefill, batchPerDevice: 16_384, length: 4096,
            reportedTokensPerSecondPerDevice: 62_713.0 / 8, precision: .fp8,
            source: "\(profileData): prefilling profiled at EP32, TP1, 4K prompts, 16K tokens per GPU, two micro-batches, perfectly balanced routing; 62,713 input tokens/s per node as \(sglang) derives it from that profile (its prefill table)",
            assumptions: [fp8, sglangReading,
                          "32 redundant experts, as DeepSeek's prefill deployment runs (day 6 overview: 9 routed experts per GPU)"]),
    ]
}

/// Accuracy over every published row, training and serving: the training rows at their
/// leave-one-out η, the serving rows (expert-parallel and static-batch dense) at the η fitted on
/// all training rows (never on a serving one). What the accuracy bar (median and worst |error|) is measured on.
public struct PublishedAccuracy: Sendable {
    public var training: PublishedRunFit
    public var serving: [PublishedServingCheck]
    public var generation: [PublishedGenerationCheck]

    public init(training: PublishedRunFit, serving: [PublishedServingCheck], generation: [PublishedGenerationCheck] = []) {
        self.training = training; self.serving = serving; self.generation = generation
    }

    var errors: [Double] { training.rows.map { abs($0.check.error) } + serving.map { abs($0.error) } + generation.map { abs($0.error) } }
    public var rowCount: Int { errors.count }
    public var medianAbsoluteError: Double { PublishedRunFit.median(errors) }
    public var worstAbsoluteError: Double { errors.max() ?? .nan }
}
