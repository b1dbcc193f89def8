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
    /// Reported (or derived from a log) seconds per optimizer step, for runs that give time per iteration.
    public var reportedStepSeconds: Double? = nil
    /// Reported training tokens per second per device, for runs that give throughput in tokens.
    public var reportedTokensPerSecondPerDevice: Double? = nil
    /// The run interleaves its pipeline (`plan.virtualStages`) without publishing how many chunks
    /// a stage holds: every count the stage's layers allow is priced and the fastest kept.
    public var searchesVirtualStages = false
    /// What the report's figure holds that no step model has, where that is known (restarts,
    /// evaluation, a slower early phase): printed beside a row the model cannot reach.
    public var outsideBecause: String? = nil

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
    /// MegaScale's and MosaicML's benchmark models are the same block with their own V and s.
    static func megatronGPT(_ name: String, layers: Int, hidden: Int, heads: Int, vocabulary: Int = 51200, seq: Int = 2048) -> ModelSpec {
        ModelSpec(name: name, vocabularySize: vocabulary, hiddenSize: hidden, contextWindow: seq,
                  decoder: StackSpec(layers: layers, attention: AttentionSpec(heads: heads, headDim: hidden / heads, qkvBias: true, outputBias: true),
                                     ffn: FFNSpec(intermediateSize: 4 * hidden, activation: .gelu, bias: true),
                                     norm: NormSpec(kind: .layerNorm), positions: .learned(seq)),
                  lmHead: LMHeadSpec(tied: true))
    }

    static let megatron = "Narayanan et al. 2021, \"Efficient Large-Scale Language Model Training on GPU Clusters Using Megatron-LM\", arXiv:2104.04473"
    static let megatronAssumptions = [
        "reported TFLOP/s counts the recomputed forward (the paper's Eq. 3: 96·B·s·l·h²(…), i.e. 4 × forward): compared as hardware FLOPs of full recomputation",
        "benchmark run: no token count, so no GPU-hours",
    ]

    /// A row of Table 1, with the micro-batch size and interleaving (chunks per stage) of NVIDIA's
    /// reproduction script for it: the paper's §5.1 says the interleaved schedule was used
    /// but gives neither figure.
    static func megatronTable1(_ params: String, layers: Int, hidden: Int, heads: Int, tp: Int, pp: Int, gpus: Int, batch: Int, tflops: Double,
                               microBatchSize: Int, chunks: Int) -> PublishedRun {
        let dp = gpus / (tp * pp)
        var plan = ParallelConfig(tp: tp, pp: pp, dp: dp, microBatches: batch / dp / microBatchSize)
        plan.virtualStages = chunks
        let schedule = chunks > 1 ? "interleaved, \(chunks) chunks of \(layers / pp / chunks) layers per stage" : "not interleaved"
        return PublishedRun(
            name: "Megatron-LM \(params)B (\(gpus) GPUs)", model: .spec(megatronGPT("megatron-gpt-\(params)b", layers: layers, hidden: hidden, heads: heads)),
            tokens: nil, hardware: "a100-80gb", devices: gpus, reportedFLOPsPerDevice: tflops * 1e12,
            plan: plan, recompute: .full, seq: 2048, globalBatch: batch,
            source: "\(megatron), Table 1: \(params)B, \(heads) heads, hidden \(hidden), \(layers) layers, TP \(tp), PP \(pp), \(gpus) A100 (80 GB, Selene), batch \(batch), \(Int(tflops)) TFLOP/s per GPU; §5.1: the interleaved schedule",
            assumptions: ["micro-batch of \(microBatchSize) sequence\(microBatchSize == 1 ? "" : "s"), \(schedule) (NVIDIA's reproduction script examples/sc21/run_table_1.sh in github.com/NVIDIA/Megatron-LM; not in the paper)",
                          megatronAssumptions[0], megatronAssumptions[1]])
    }

    static func megatronTable2(gpus: Int, tflops: Double) -> PublishedRun {
        let dp = gpus / 96
        return PublishedRun(
            name: "Megatron-LM 174.6B (\(gpus) GPUs)", model: .spec(megatronGPT("megatron-gpt-174.6b", layers: 96, hidden: 12288, heads: 96)),
            tokens: 300e9, hardware: "a100-80gb", devices: gpus, reportedFLOPsPerDevice: tflops * 1e12,
            plan: ParallelConfig(tp: 8, pp: 12, dp: dp, microBatches: 1536 / dp), recompute: .full, seq: 2048, globalBatch: 1536,
            source: "\(megatron), Table 2 (PTD-P): 174.6B (GPT-3 shape: 96 layers, hidden 12288, 96 heads), model-parallel size 96, batch 1536, micro-batch 1, \(gpus) A100, \(Int(tflops)) TFLOP/s per GPU; 300B tokens as in the table's training-time column",
            assumptions: ["model-parallel size 96 taken as TP 8 × PP 12 (the table gives only the product; TP ≤ 8 GPUs per node, the paper's Takeaway #1)",
                          "non-interleaved 1F1B (the table does not say)", megatronAssumptions[0]])
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
        var run = PublishedRun(
            name: "Llama 3.1 405B (\(gpus) GPUs)", model: .spec(llama3_405b), tokens: nil, hardware: "h100-sxm", devices: gpus,
            reportedFLOPsPerDevice: tflops * 1e12, plan: plan, recompute: .none, seq: 8192, globalBatch: dp * perReplica,
            source: "\(llama3Herd), Table 4: \(gpus) H100, TP 8, CP 1, PP 16, DP \(dp), sequence 8,192, batch \(perReplica) per DP group (16M tokens), \(Int(tflops)) TFLOP/s per GPU, BF16 MFU \(mfu) %; §3.3.2: an interleaved schedule, bubble (PP − 1)/(V·M), no activation checkpointing at 8K",
            assumptions: ["the reported TFLOP/s are model FLOPs (MFU × 989 TFLOP/s): compared without recomputation",
                          "126 layers on 16 stages, one layer fewer on the first and the last (the paper's §3.3.2); compute taken as evenly split",
                          "interleaved over V chunks per stage, V not published: every V the busiest stage's 8 layers allow (1, 2, 4, 8) is priced and the fastest kept",
                          "micro-batch of 1 sequence; ZeRO-1 over the data-parallel group (the paper shards optimizer states, not the exact stage)",
                          "benchmark configuration: no token count, so no GPU-hours"])
        run.searchesVirtualStages = true
        return run
    }

    static let megaScale = "Jiang et al. 2024, \"MegaScale: Scaling Large Language Model Training to More Than 10,000 GPUs\", arXiv:2402.15627 (NSDI '24)"

    /// MegaScale's 175B model (Table 1: 96 layers, hidden 12,288, 128 heads; §6.1: vocabulary
    /// 64,000, sequence 2,048; TP 8, PP 8 with six interleaved chunks per stage), one row of Table 2.
    /// `baseline`: the paper's Megatron-LM row for the same model and batch, not MegaScale's own.
    static func megaScale175B(gpus: Int, batch: Int, seconds: Double, mfu: Double, baseline: Bool = false) -> PublishedRun {
        let dp = gpus / 64
        var plan = ParallelConfig(tp: 8, pp: 8, dp: dp, zero: 1, sequenceParallel: true, microBatches: batch / dp)
        plan.virtualStages = 6
        let system = baseline ? "Megatron-LM" : "MegaScale"
        return PublishedRun(
            name: "\(baseline ? "MegaScale's Megatron-LM" : "MegaScale") 175B (\(gpus) GPUs)", model: .spec(megatronGPT("megascale-175b", layers: 96, hidden: 12288, heads: 128, vocabulary: 64000)),
            tokens: nil, hardware: "a100-80gb", devices: gpus, plan: plan, recompute: .selective, seq: 2048, globalBatch: batch,
            source: "\(megaScale), Table 1 (175B: 128 heads, hidden 12288, 96 layers, TP 8, PP 8), §6.1 (six interleaved stages, sequence 2,048, vocabulary 64,000) and Table 2 (\(gpus) GPUs, batch \(batch), \(system): \(seconds) s per iteration, MFU \(mfu) %)",
            assumptions: ["the GPUs: A100 80GB (the paper says NVIDIA Ampere; its MFU figures match the A100's 312 TFLOP/s)",
                          "a GPT-3-style block (LayerNorm, 4h GELU MLP, learned positions, biases, tied head): the paper's parallel block and sliding-window attention are not modelled (both would make the step faster)",
                          "micro-batch of 1 sequence (not published); sequence parallelism and a ZeRO-1 distributed optimizer (Megatron-LM's, which MegaScale extends)",
                          "selective recomputation (not published): with FlashAttention it recomputes nothing else",
                          "benchmark iteration time: no GPU-hours"] + (baseline ? ["Megatron-LM at the paper's baseline commit, with the model's parallel configuration"] : []),
            reportedStepSeconds: seconds,
            outsideBecause: baseline ? nil : "MegaScale's time includes its own changes to the model and the system (a parallel transformer block, sliding-window attention, overlapped communication; its Table 3 takes 256 GPUs from 47.7 % to 65.3 % MFU), which the model does not price: it predicts a standard Megatron-LM block, as the baseline rows beside it")
    }

    static let mlperfTraining = "MLCommons MLPerf Training v4.0, NVIDIA closed-division results (github.com/mlcommons/training_results_v4.0)"

    /// NVIDIA's MLPerf Training v4.0 GPT-3 175B runs: from the reference checkpoint to log
    /// perplexity 2.69 on C4, FP8 (Transformer Engine); the step time is the log's training
    /// blocks divided by their steps, evaluation excluded.
    static func mlperfGPT3(system: String, gpus: Int, tp: Int, pp: Int, chunks: Int, microBatchSize: Int, batch: Int, seconds: Double, minutes: Double,
                           outsideBecause: String? = nil) -> PublishedRun {
        let dp = gpus / (tp * pp)
        var plan = ParallelConfig(tp: tp, pp: pp, dp: dp, zero: 1, sequenceParallel: true, microBatches: batch / dp / microBatchSize)
        plan.virtualStages = chunks
        return PublishedRun(
            name: "MLPerf GPT-3 175B (\(gpus) H100)", model: .catalog("gpt3-175b"), tokens: nil, hardware: "h100-sxm", devices: gpus,
            plan: plan, recompute: .selective, seq: 2048, globalBatch: batch,
            source: "\(mlperfTraining), \(system) gpt3 result logs: \(gpus) H100-SXM5-80GB, TP \(tp), PP \(pp), \(chunks) interleaved chunks, micro-batch \(microBatchSize), global batch \(batch) × 2,048 tokens, FP8; time to train \(minutes) min (mean of three runs); \(seconds) s per step (the log's training blocks ÷ their steps)",
            assumptions: ["the step time is derived from the result log (block time ÷ steps per block), evaluation excluded; not a published figure",
                          "FP8 GEMMs priced at the FP8 peak × DeepGEMM's measured FP8 ceiling × η (implied MFU over the FP8 peak), attention and element-wise work in BF16",
                          "sequence parallelism and a ZeRO-1 distributed optimizer (NeMo's; not in the log)",
                          "selective recomputation (not in the log): with FlashAttention it recomputes nothing else"],
            precision: .fp8, reportedStepSeconds: seconds, outsideBecause: outsideBecause)
    }

    /// IBM and Meta's FSDP run of the Llama 2 7B architecture: 3,700 tokens/s per A100 on 128
    /// GPUs, 57 % MFU, with selective activation checkpointing.
    static var fsdpLlama7B: PublishedRun {
        var run = PublishedRun(
            name: "PyTorch FSDP Llama 2 7B (128 GPUs)", model: .catalog("llama-2-7b"), tokens: nil, hardware: "a100-80gb", devices: 128,
            plan: ParallelConfig(tp: 1, pp: 1, dp: 128, zero: 3, microBatches: 1), recompute: .selective, seq: 4096, globalBatch: 256,
            source: "Team PyTorch at IBM and Meta 2024, \"Maximizing training throughput using PyTorch FSDP\" (pytorch.org/blog/maximizing-training/): the Llama 2 7B architecture on 128 A100, 3,700 tokens/s per GPU, MFU and HFU 57 %, FSDP with selective activation checkpointing; the 57 % is restated in pytorch.org/blog/maximizing-training-throughput/",
            assumptions: ["FSDP taken as ZeRO-3 over all 128 GPUs (the blog does not say whether it shards hybrid within nodes)",
                          "2 sequences of 4,096 tokens per GPU per step, one micro-batch (the per-GPU batch is not verified; the step time is per-GPU tokens ÷ 3,700)",
                          "selective recomputation as our count defines it; the blog checkpoints a subset of layers",
                          "benchmark throughput: no GPU-hours"])
        run.reportedTokensPerSecondPerDevice = 3700
        return run
    }

    public static let all: [PublishedRun] = [
        .init(name: "Llama 2 7B", model: .catalog("llama-2-7b"), tokens: 2.0e12, hardware: "a100-80gb",
              devices: 2048, deviceHours: 184_320, plan: nil, recompute: .selective, seq: 4096, globalBatch: 1024,
              source: "Touvron et al. 2023, Llama 2, arXiv:2307.09288, Table 2 (GPU-hours, 2.0T tokens) and §2.2 (4M-token batches, 4k context)",
              assumptions: llama2Assumptions, outsideBecause: "GPU-hours of the whole pre-training: they hold what a step model has not (failures and restarts, checkpointing, evaluation, the 350 W power cap of Meta's production cluster beside RSC's 400 W, Llama 2 §2.2.1); the device count and plan are not published"),
        .init(name: "Llama 2 13B", model: .catalog("llama-2-13b"), tokens: 2.0e12, hardware: "a100-80gb",
              devices: 2048, deviceHours: 368_640, plan: nil, recompute: .selective, seq: 4096, globalBatch: 1024,
              source: "Touvron et al. 2023, Llama 2, arXiv:2307.09288, Table 2", assumptions: llama2Assumptions, outsideBecause: "GPU-hours of the whole pre-training: they hold what a step model has not (failures and restarts, checkpointing, evaluation, the 350 W power cap of Meta's production cluster beside RSC's 400 W, Llama 2 §2.2.1); the device count and plan are not published"),
        .init(name: "Llama 2 70B", model: .catalog("llama-2-70b"), tokens: 2.0e12, hardware: "a100-80gb",
              devices: 2048, deviceHours: 1_720_320, plan: nil, recompute: .selective, seq: 4096, globalBatch: 1024,
              source: "Touvron et al. 2023, Llama 2, arXiv:2307.09288, Table 2", assumptions: llama2Assumptions, outsideBecause: "GPU-hours of the whole pre-training: they hold what a step model has not (failures and restarts, checkpointing, evaluation, the 350 W power cap of Meta's production cluster beside RSC's 400 W, Llama 2 §2.2.1); the device count and plan are not published"),
        .init(name: "Llama 3 8B", model: .catalog("llama-3-8b"), tokens: 15e12, hardware: "h100-sxm",
              devices: 4096, deviceHours: 1_300_000, plan: nil, recompute: .selective, seq: 8192, globalBatch: 2048,
              source: "Meta Llama 3 model card (2024): 1.3M H100-80GB GPU-hours, 15T tokens", assumptions: llama3Assumptions(4096), outsideBecause: "GPU-hours from the model card: they imply an MFU far below the 38–43 % Meta reports for the 405B's steps on the same H100 clusters (Llama 3 paper, Table 4); beyond > 90 % effective training time (466 interruptions in 54 days, §3.3.4) and a shorter-sequence early phase, what they hold is not published, nor are the device count and plan"),
        .init(name: "Llama 3 70B", model: .catalog("llama-3-70b"), tokens: 15e12, hardware: "h100-sxm",
              devices: 8192, deviceHours: 6_400_000, plan: nil, recompute: .selective, seq: 8192, globalBatch: 2048,
              source: "Meta Llama 3 model card (2024): 6.4M H100-80GB GPU-hours, 15T tokens", assumptions: llama3Assumptions(8192), outsideBecause: "GPU-hours from the model card: they imply an MFU far below the 38–43 % Meta reports for the 405B's steps on the same H100 clusters (Llama 3 paper, Table 4); beyond > 90 % effective training time (466 interruptions in 54 days, §3.3.4) and a shorter-sequence early phase, what they hold is not published, nor are the device count and plan"),
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
        megatronTable1("145.6", layers: 80, hidden: 12288, heads: 96, tp: 8, pp: 8, gpus: 1536, batch: 2304, tflops: 148, microBatchSize: 2, chunks: 2),
        megatronTable1("310.1", layers: 96, hidden: 16384, heads: 128, tp: 8, pp: 16, gpus: 1920, batch: 2160, tflops: 155, microBatchSize: 1, chunks: 2),
        megatronTable1("529.6", layers: 105, hidden: 20480, heads: 128, tp: 8, pp: 35, gpus: 2520, batch: 2520, tflops: 163, microBatchSize: 1, chunks: 3),
        megatronTable1("1008.0", layers: 128, hidden: 25600, heads: 160, tp: 8, pp: 64, gpus: 3072, batch: 3072, tflops: 163, microBatchSize: 1, chunks: 1),
        llama3_405bRun(gpus: 8192, dp: 64, perReplica: 32, tflops: 430, mfu: 43),
        llama3_405bRun(gpus: 16384, dp: 128, perReplica: 16, tflops: 400, mfu: 41),
        deepSeekV3,
        fsdpLlama7B,
        megaScale175B(gpus: 256, batch: 768, seconds: 32.0, mfu: 65.3),
        megaScale175B(gpus: 12288, batch: 6144, seconds: 6.34, mfu: 55.2),
        megaScale175B(gpus: 256, batch: 768, seconds: 40.0, mfu: 53.0, baseline: true),
        megaScale175B(gpus: 12288, batch: 6144, seconds: 8.57, mfu: 41.2, baseline: true),
        mlperfGPT3(system: "eos_n64", gpus: 512, tp: 4, pp: 8, chunks: 4, microBatchSize: 2, batch: 2304, seconds: 10.9, minutes: 51.28),
        mlperfGPT3(system: "eos-dfw_n1344", gpus: 10752, tp: 4, pp: 6, chunks: 8, microBatchSize: 1, batch: 2688, seconds: 0.921, minutes: 3.711,
                   outsideBecause: "six micro-batches per step: the model exposes most of the distributed optimizer's gradient reduce-scatter and weight all-gather over InfiniBand (each 14.8 GB per device per step), hiding them only behind one micro-batch's compute; NeMo overlaps them with the interleaved chunks' whole backward and forward"),
    ] + mosaicRuns

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
            assumptions: ["FP8 GEMMs priced at the FP8 peak × DeepGEMM's measured FP8 ceiling × η, attention and element-wise work as in BF16; implied MFU over the FP8 peak",
                          "the batch at its final 15,360 sequences (the ramp over the first 469B tokens ignored), 120 micro-batches of one sequence per pipeline",
                          "61 layers on 16 stages (the busiest holds 4); the MTP module's extra layer and its loss are not counted",
                          "DualPipe overlaps the expert all-to-alls with computation (§3.2.1): each micro-batch's all-to-alls hide behind its forward and backward computation, the excess exposed, while their kernels hold 20 of the 132 SMs (§3.2.2); its smaller bubble is not modelled (1F1B's is charged)",
                          "node-limited routing (§3.2.2): a token crosses InfiniBand once per node it is routed to (at most 4), then NVLink to its experts there (BF16 both ways; the FP8 dispatch of §3.3 not modelled)",
                          "a GPU-hour total: restarts, evaluation, the batch ramp and routing imbalance are in the report and not in the step (DeepSeek's published training profile, github.com/deepseek-ai/profile-data, runs 4 MoE layers' forward and backward of one micro-batch in 112 ms; the model's busiest stage, which also holds the LM head, 123 ms, about 97 ms without it)",
                          "recomputation of RMSNorm and MLA up-projections only (§3.2.3): not counted"],
            precision: .fp8)
    }
}
