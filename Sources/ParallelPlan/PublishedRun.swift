import CostModel
import Workload

/// A training run whose hardware and duration (or throughput) were published, to calibrate
/// predictions against. Every input the paper did not give is named in `assumptions`.
public struct PublishedRun: Sendable {
    public var name: String
    /// Catalog name of the architecture, or a spec written out from the paper's table.
    public var model: Architecture
    /// Tokens of the whole run; nil for benchmark runs that report throughput only.
    public var tokens: Double?
    /// Accelerator name as the hardware catalog spells it; its catalog bf16 peak is the MFU denominator.
    public var hardware: String
    public var devices: Int
    /// Reported device-hours (GPU-hours), when given.
    public var deviceHours: Double?
    /// Reported per-device throughput (FLOP/s), when given instead of time. Papers count it with
    /// their recomputation included (hardware FLOPs): it is converted to a step time with our
    /// exact count of the same work.
    public var reportedFLOPsPerDevice: Double?
    /// The parallel plan used; nil when unpublished (then our best plan for `devices` is used).
    public var plan: ParallelConfig?
    public var recompute: Recompute
    public var seq: Int
    public var globalBatch: Int
    public var source: String
    /// Every hand-chosen input of this row: what was not published and what we put in its place.
    public var assumptions: [String]
    /// The precision its GEMMs ran at: the peak our step is priced at and the MFU denominator.
    public var precision: Precision = .bf16

    public enum Architecture: Sendable {
        case catalog(String)
        case spec(ModelSpec)

        public var name: String {
            switch self { case .catalog(let n): n; case .spec(let s): s.name }
        }
    }
}

/// The published runs (figures as reported; each with its source).
public enum PublishedRuns {
    /// The GPT models of Narayanan et al. 2021 (Megatron-LM): V = 51,200, s = 2048, learned
    /// positions, biases, LayerNorm, 4h GELU MLP, tied head; P = 12lh²(1 + 13/(12h) + (V + s)/(12lh)).
    static func megatronGPT(_ name: String, layers: Int, hidden: Int, heads: Int) -> ModelSpec {
        ModelSpec(name: name, vocabularySize: 51200, hiddenSize: hidden, contextWindow: 2048,
                  decoder: StackSpec(layers: layers, attention: AttentionSpec(heads: heads, headDim: hidden / heads, qkvBias: true, outputBias: true),
                                     ffn: FFNSpec(intermediateSize: 4 * hidden, activation: .gelu, bias: true),
                                     norm: NormSpec(kind: .layerNorm), positions: .learned(2048)),
                  lmHead: LMHeadSpec(tied: true))
    }

    static let megatron = "Narayanan et al. 2021, \"Efficient Large-Scale Language Model Training on GPU Clusters Using Megatron-LM\", arXiv:2104.04473"
    static let megatronAssumptions = [
        "micro-batch of 1 sequence, non-interleaved 1F1B (not given in the table)",
        "reported TFLOP/s counts the recomputed forward (the paper's Eq. 3: 96·B·s·l·h²(…), i.e. 4 × forward): compared as hardware FLOPs of full recomputation",
        "benchmark run: no token count, so no GPU-hours",
    ]

    static func megatronTable1(_ params: String, layers: Int, hidden: Int, heads: Int, tp: Int, pp: Int, gpus: Int, batch: Int, tflops: Double) -> PublishedRun {
        let dp = gpus / (tp * pp)
        return PublishedRun(
            name: "Megatron-LM \(params)B (\(gpus) GPUs)", model: .spec(megatronGPT("megatron-gpt-\(params)b", layers: layers, hidden: hidden, heads: heads)),
            tokens: nil, hardware: "a100-80gb", devices: gpus, reportedFLOPsPerDevice: tflops * 1e12,
            plan: ParallelConfig(tp: tp, pp: pp, dp: dp, microBatches: batch / dp), recompute: .full, seq: 2048, globalBatch: batch,
            source: "\(megatron), Table 1: \(params)B, \(heads) heads, hidden \(hidden), \(layers) layers, TP \(tp), PP \(pp), \(gpus) A100 (80 GB, Selene), batch \(batch), \(Int(tflops)) TFLOP/s per GPU",
            assumptions: megatronAssumptions)
    }

    static func megatronTable2(gpus: Int, tflops: Double) -> PublishedRun {
        let dp = gpus / 96
        return PublishedRun(
            name: "Megatron-LM 174.6B (\(gpus) GPUs)", model: .spec(megatronGPT("megatron-gpt-174.6b", layers: 96, hidden: 12288, heads: 96)),
            tokens: 300e9, hardware: "a100-80gb", devices: gpus, reportedFLOPsPerDevice: tflops * 1e12,
            plan: ParallelConfig(tp: 8, pp: 12, dp: dp, microBatches: 1536 / dp), recompute: .full, seq: 2048, globalBatch: 1536,
            source: "\(megatron), Table 2 (PTD-P): 174.6B (GPT-3 shape: 96 layers, hidden 12288, 96 heads), model-parallel size 96, batch 1536, micro-batch 1, \(gpus) A100, \(Int(tflops)) TFLOP/s per GPU; 300B tokens as in the table's training-time column",
            assumptions: ["model-parallel size 96 taken as TP 8 × PP 12 (the table gives only the product; TP ≤ 8 GPUs per node, the paper's Takeaway #1)",
                          megatronAssumptions[1]])
    }

    /// BLOOM's TP 4 · PP 12 · DP 8: 70 layers over 12 stages, 6 on the busiest.
    static let bloomPlan: ParallelConfig = {
        var c = ParallelConfig(tp: 4, pp: 12, dp: 8, zero: 1, microBatches: 128)
        c.unevenStages = true
        return c
    }()
    static let bloomStages = "70 layers on 12 stages: 6 on the busiest (Megatron-DeepSpeed counted the embedding and head as pipeline layers, 72 = 12 × 6); compute taken as evenly split"

    static let llama2Assumptions = [
        "2048 devices (the paper gives GPU-hours, not the device count)",
        "plan: our best plan for 2048 devices (not published)",
        "selective recomputation (not published)",
        "4M-token batches of 4096 tokens = 1024 sequences (published, §2.2)",
    ]

    static func llama3Assumptions(_ devices: Int) -> [String] {
        ["\(devices) devices (the model card gives GPU-hours only)", "plan: our best plan for \(devices) devices (not published)",
         "selective recomputation (not published)", "8192-token sequences, 2048 per step (not published for 8B/70B)"]
    }

    /// Llama 3.1 405B as Dubey et al. 2024 give it (Table 3): 126 layers, d 16,384, FFN 53,248,
    /// 128 heads with 8 key/value heads, vocabulary 128,256, RMSNorm, rotary, SwiGLU, untied head.
    static let llama3_405b = ModelSpec(
        name: "llama-3.1-405b", vocabularySize: 128_256, hiddenSize: 16_384, contextWindow: 131_072,
        decoder: StackSpec(layers: 126, attention: AttentionSpec(heads: 128, kvHeads: 8, headDim: 128),
                           ffn: FFNSpec(intermediateSize: 53_248, gated: true, activation: .silu),
                           norm: NormSpec(kind: .rmsNorm), positions: .rotary()),
        lmHead: LMHeadSpec(tied: false))

    static let llama3Herd = "Dubey et al. 2024, \"The Llama 3 Herd of Models\", arXiv:2407.21783"

    /// Table 4 of the Llama 3 paper: 8K-token sequences, 16M-token batches (2048 sequences), TP 8,
    /// PP 16, no context parallelism; BF16 MFU over the H100's 989 TFLOP/s dense peak.
    static func llama3_405bRun(gpus: Int, dp: Int, perReplica: Int, tflops: Double, mfu: Int) -> PublishedRun {
        var plan = ParallelConfig(tp: 8, pp: 16, dp: dp, zero: 1, microBatches: perReplica)
        plan.unevenStages = true
        return PublishedRun(
            name: "Llama 3.1 405B (\(gpus) GPUs)", model: .spec(llama3_405b), tokens: nil, hardware: "h100-sxm", devices: gpus,
            reportedFLOPsPerDevice: tflops * 1e12, plan: plan, recompute: .none, seq: 8192, globalBatch: dp * perReplica,
            source: "\(llama3Herd), Table 4: \(gpus) H100, TP 8, CP 1, PP 16, DP \(dp), sequence 8,192, batch \(perReplica) per DP group (16M tokens), \(Int(tflops)) TFLOP/s per GPU, BF16 MFU \(mfu) %",
            assumptions: ["the reported TFLOP/s are model FLOPs (MFU × 989 TFLOP/s): compared without recomputation",
                          "126 layers on 16 stages, one layer fewer on the first and the last (the paper's §3.3.2); compute taken as evenly split",
                          "micro-batch of 1 sequence; ZeRO-1 over the data-parallel group (the paper shards optimizer states, not the exact stage)",
                          "benchmark configuration: no token count, so no GPU-hours"])
    }

    public static let all: [PublishedRun] = [
        .init(name: "Llama 2 7B", model: .catalog("llama-2-7b"), tokens: 2.0e12, hardware: "a100-80gb",
              devices: 2048, deviceHours: 184_320, plan: nil, recompute: .selective, seq: 4096, globalBatch: 1024,
              source: "Touvron et al. 2023, Llama 2, arXiv:2307.09288, Table 2 (GPU-hours, 2.0T tokens) and §2.2 (4M-token batches, 4k context)",
              assumptions: llama2Assumptions),
        .init(name: "Llama 2 13B", model: .catalog("llama-2-13b"), tokens: 2.0e12, hardware: "a100-80gb",
              devices: 2048, deviceHours: 368_640, plan: nil, recompute: .selective, seq: 4096, globalBatch: 1024,
              source: "Touvron et al. 2023, Llama 2, arXiv:2307.09288, Table 2", assumptions: llama2Assumptions),
        .init(name: "Llama 2 70B", model: .catalog("llama-2-70b"), tokens: 2.0e12, hardware: "a100-80gb",
              devices: 2048, deviceHours: 1_720_320, plan: nil, recompute: .selective, seq: 4096, globalBatch: 1024,
              source: "Touvron et al. 2023, Llama 2, arXiv:2307.09288, Table 2", assumptions: llama2Assumptions),
        .init(name: "Llama 3 8B", model: .catalog("llama-3-8b"), tokens: 15e12, hardware: "h100-sxm",
              devices: 4096, deviceHours: 1_300_000, plan: nil, recompute: .selective, seq: 8192, globalBatch: 2048,
              source: "Meta Llama 3 model card (2024): 1.3M H100-80GB GPU-hours, 15T tokens", assumptions: llama3Assumptions(4096)),
        .init(name: "Llama 3 70B", model: .catalog("llama-3-70b"), tokens: 15e12, hardware: "h100-sxm",
              devices: 8192, deviceHours: 6_400_000, plan: nil, recompute: .selective, seq: 8192, globalBatch: 2048,
              source: "Meta Llama 3 model card (2024): 6.4M H100-80GB GPU-hours, 15T tokens", assumptions: llama3Assumptions(8192)),
        .init(name: "OPT-175B", model: .catalog("gpt3-175b"), tokens: 180e9, hardware: "a100-80gb",
              devices: 992, reportedFLOPsPerDevice: 147e12, plan: ParallelConfig(tp: 8, pp: 1, dp: 124, zero: 3, microBatches: 1),
              recompute: .full, seq: 2048, globalBatch: 992,
              source: "Zhang et al. 2022, OPT, arXiv:2205.01068, §2.4: 992 A100-80GB, FSDP with Megatron-LM TP, up to 147 TFLOP/s per GPU; 180B tokens, 2M-token batches",
              assumptions: ["architecture: the gpt3-175b spec (OPT-175B has GPT-3's shape; its 50,272-token vocabulary and learned positions differ by < 0.01 % of the parameters)",
                            "FSDP taken as ZeRO-3 over dp 124 with TP 8 (the paper does not give the TP degree in §2.4)",
                            "batch of 992 sequences (≈ the 2M tokens published, chosen so dp 124 divides it), one micro-batch per step",
                            "full recomputation, and the 147 TFLOP/s counted with it (not stated)"]),
        .init(name: "BLOOM-176B (throughput)", model: .catalog("bloom-176b"), tokens: 366e9, hardware: "a100-80gb",
              devices: 384, reportedFLOPsPerDevice: 150e12, plan: bloomPlan,
              recompute: .full, seq: 2048, globalBatch: 2048,
              source: "BigScience 2022, BLOOM, arXiv:2211.05100, §3.4–3.5: 384 A100-80GB, TP 4 · PP 12 · DP 8 with ZeRO-1, global batch 2048 × 2048 tokens, 366B tokens; \"about 150 TFLOPs\" per GPU from https://bigscience.notion.site/BigScience-176B-Model-ad073ca07cdf479398d5f95d88e218c4",
              assumptions: [bloomStages, "micro-batch of 2 sequences → 128 per step (the bigscience tr11 training script; not in the paper)",
                            "full recomputation (Megatron-DeepSpeed activation checkpointing), and the ≈150 TFLOP/s counted with it",
                            "the global-batch ramp-up of the first tokens is ignored"]),
        .init(name: "BLOOM-176B (GPU-hours)", model: .catalog("bloom-176b"), tokens: 366e9, hardware: "a100-80gb",
              devices: 384, deviceHours: 1_082_990, plan: bloomPlan,
              recompute: .full, seq: 2048, globalBatch: 2048,
              source: "BigScience 2022, BLOOM, arXiv:2211.05100, §3.5: 1,082,990 compute hours on 384 A100-80GB, 366B tokens",
              assumptions: [bloomStages, "micro-batch of 2 sequences → 128 per step (the bigscience tr11 training script; not in the paper)",
                            "full recomputation (Megatron-DeepSpeed activation checkpointing)",
                            "the hours include restarts and evaluation; the model predicts steady-state steps only"]),
        megatronTable2(gpus: 384, tflops: 153),
        megatronTable2(gpus: 1536, tflops: 141),
        megatronTable1("145.6", layers: 80, hidden: 12288, heads: 96, tp: 8, pp: 8, gpus: 1536, batch: 2304, tflops: 148),
        megatronTable1("310.1", layers: 96, hidden: 16384, heads: 128, tp: 8, pp: 16, gpus: 1920, batch: 2160, tflops: 155),
        megatronTable1("529.6", layers: 105, hidden: 20480, heads: 128, tp: 8, pp: 35, gpus: 2520, batch: 2520, tflops: 163),
        megatronTable1("1008.0", layers: 128, hidden: 25600, heads: 160, tp: 8, pp: 64, gpus: 3072, batch: 3072, tflops: 163),
        llama3_405bRun(gpus: 8192, dp: 64, perReplica: 32, tflops: 430, mfu: 43),
        llama3_405bRun(gpus: 16384, dp: 128, perReplica: 16, tflops: 400, mfu: 41),
        deepSeekV3,
    ]

    /// DeepSeek-V3's pre-training: 2,664K H800 GPU-hours for 14.8T tokens (of 2,788K in all, with
    /// context extension and post-training), FP8 GEMMs, PP 16 (DualPipe) × EP 64 over 8 nodes ×
    /// ZeRO-1 data parallelism on 2,048 GPUs, no tensor parallelism.
    static var deepSeekV3: PublishedRun {
        var plan = ParallelConfig(tp: 1, pp: 16, dp: 128, ep: 64, zero: 1, microBatches: 120)
        plan.unevenStages = true
        plan.overlapsExpertAllToAll = true
        return PublishedRun(
            name: "DeepSeek-V3", model: .catalog("deepseek-v3"), tokens: 14.8e12, hardware: "h800", devices: 2048,
            deviceHours: 2_664_000, plan: plan, recompute: .none, seq: 4096, globalBatch: 15_360,
            source: "DeepSeek-AI 2024, \"DeepSeek-V3 Technical Report\", arXiv:2412.19437: Table 1 (2,664K H800 GPU-hours of pre-training, 14.8T tokens), §3.2 (2,048 H800, 16-way pipeline with DualPipe, 64-way expert parallelism over 8 nodes, ZeRO-1 data parallelism, no tensor parallelism), §3.3 (FP8 mixed precision), §4.2 (4K sequences, batch 3,072 → 15,360)",
            assumptions: ["FP8 GEMMs priced at the FP8 peak, attention and element-wise work as in BF16; implied MFU over the FP8 peak",
                          "the batch at its final 15,360 sequences (the ramp over the first 469B tokens ignored), 120 micro-batches of one sequence per pipeline",
                          "61 layers on 16 stages (the busiest holds 4); the MTP module's extra layer and its loss are not counted",
                          "DualPipe overlaps the expert all-to-alls with computation (§3.2.1): each micro-batch's all-to-alls hide behind its forward and backward computation, the excess exposed; its smaller bubble is not modelled (1F1B's is charged)",
                          "recomputation of RMSNorm and MLA up-projections only (§3.2.3): not counted"],
            precision: .fp8)
    }
}
