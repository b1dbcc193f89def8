import Workload

/// MosaicML's llm-foundry throughput benchmarks on A100-80GB and H100-80GB: one framework (Composer
/// with FSDP full sharding), one architecture family, swept over model size, sequence length and
/// activation checkpointing, each row with its micro-batch, accumulation and measured tokens per
/// second per GPU. A step model is tested here on exactly what it claims to price: steady-state
/// steps whose whole setup is published.
extension PublishedRuns {
    static let mosaicBenchmarks = "MosaicML, llm-foundry, scripts/train/benchmarking/README.md (github.com/mosaicml/llm-foundry, commit 061f2c7)"

    /// The GPUs of one table of the README.
    enum MosaicGPU: String {
        case a100 = "A100", h100 = "H100"
        var hardware: String { self == .a100 ? "a100-80gb" : "h100-sxm" }
        var table: String { self == .a100 ? "table \"A100 80GB with 1600 Gbps node-node interconnect (RoCE)\"" : "table \"H100 80GB BF16\"" }
    }

    /// Why an H100 row can stay outside the bound: the same benchmark's A100 rows and the other
    /// H100 runs of the table say the gap is this stack on Hopper, not the step model.
    static let mosaicHopperGap = "the same benchmark's A100 rows are predicted within the bound, and its H100 rows imply an MFU 18–22 points below them at the same size (7B at 2K: 46 % vs 64 %), while Meta's and NVIDIA's H100 runs in this table (Llama 3.1 405B, MLPerf GPT-3 on 512 GPUs) are predicted within 10 %: what these rows hold is particular to this software stack on Hopper, whose versions and kernel timings the README does not publish"

    /// The benchmark's MPT shapes: the README's NumParams column is reproduced to the parameter by
    /// Megatron's GPT block (learned positions up to the run's sequence length, biases on every
    /// projection, LayerNorm with bias, 4d GELU MLP, tied head) over a 50,368-token vocabulary.
    static func mosaicMPT(_ size: String, layers: Int, hidden: Int, heads: Int, seq: Int) -> ModelSpec {
        megatronGPT("mpt-benchmark-\(size)", layers: layers, hidden: hidden, heads: heads, vocabulary: 50_368, seq: seq)
    }

    /// One row of the table: `microBatch` sequences per micro-batch, `accumulation` micro-batches
    /// per step on each of `gpus` devices, `tokensPerSecondPerGPU` as measured.
    static func mosaicRun(_ size: String, _ gpu: MosaicGPU = .a100, layers: Int, hidden: Int, heads: Int, seq: Int, gpus: Int = 8, microBatch: Int, accumulation: Int,
                          tokensPerSecondPerGPU: Double, checkpointing: Bool, mfu: Double) -> PublishedRun {
        let batch = gpus * microBatch * accumulation
        var run = PublishedRun(
            name: "MosaicML MPT \(size) (\(gpus) \(gpu.rawValue), \(seq / 1024)K)", model: .spec(mosaicMPT(size, layers: layers, hidden: hidden, heads: heads, seq: seq)),
            tokens: nil, hardware: gpu.hardware, devices: gpus,
            plan: ParallelConfig(tp: 1, pp: 1, dp: gpus, zero: 3, microBatches: accumulation),
            recompute: checkpointing ? .full : .none, seq: seq, globalBatch: batch,
            source: "\(mosaicBenchmarks), \(gpu.table): \(size), sequence \(seq), \(gpus) \(gpu.rawValue)-80GB, micro-batch \(microBatch), gradient accumulation \(accumulation), global batch \(batch), FULL_SHARD, activation checkpointing \(checkpointing ? "on" : "off"), \(Int(tokensPerSecondPerGPU)) tokens/s per GPU, MFU \(mfu) %",
            assumptions: ["the shape (d \(hidden), \(layers) layers, \(heads) heads) reproduces the table's NumParams column exactly; head count: llm-foundry's MPT yamls (it changes no count)",
                          "FSDP FULL_SHARD taken as ZeRO-3 over the \(gpus) GPUs; Composer's default mixed precision reduces gradients in FP32, priced as BF16 collectives",
                          checkpointing ? "activation checkpointing of every block: full recomputation" : "no activation checkpointing",
                          gpu == .a100 ? "Triton FlashAttention (submit_benchmarks.py's attn_impl default) priced as FlashAttention" : "the H100 table names no attention kernel: priced as FlashAttention",
                          "benchmark throughput (30 batches): no token count, so no GPU-hours"])
        run.reportedTokensPerSecondPerDevice = tokensPerSecondPerGPU
        if gpu == .h100 { run.outsideBecause = mosaicHopperGap }
        return run
    }

    /// A100: the rows on eight GPUs at 2,048 tokens (every size up to 30B), the 7B sequence sweep
    /// and the 70B on 64 GPUs. H100: every size the table runs on eight GPUs at 2,048 tokens (the 3B,
    /// which it runs on eight GPUs only at other lengths, at 4,096), the 7B at 4K and the 70B on 64 GPUs. The first row the
    /// table lists for each setting; none left out for fit.
    static let mosaicRuns: [PublishedRun] = [
        mosaicRun("125m", layers: 12, hidden: 768, heads: 12, seq: 2048, microBatch: 40, accumulation: 2, tokensPerSecondPerGPU: 142_830, checkpointing: false, mfu: 44.79),
        mosaicRun("350m", layers: 24, hidden: 1024, heads: 16, seq: 2048, microBatch: 32, accumulation: 2, tokensPerSecondPerGPU: 58_782, checkpointing: false, mfu: 51.62),
        mosaicRun("760m", layers: 24, hidden: 1536, heads: 12, seq: 2048, microBatch: 24, accumulation: 2, tokensPerSecondPerGPU: 32_434, checkpointing: false, mfu: 56.85),
        mosaicRun("1b", layers: 24, hidden: 2048, heads: 16, seq: 2048, microBatch: 14, accumulation: 4, tokensPerSecondPerGPU: 20_513, checkpointing: false, mfu: 59.86),
        mosaicRun("3b", layers: 32, hidden: 2560, heads: 20, seq: 2048, microBatch: 10, accumulation: 2, tokensPerSecondPerGPU: 10_811, checkpointing: false, mfu: 62.11),
        mosaicRun("7b", layers: 32, hidden: 4096, heads: 32, seq: 2048, microBatch: 6, accumulation: 2, tokensPerSecondPerGPU: 4_641, checkpointing: false, mfu: 64.23),
        mosaicRun("7b", layers: 32, hidden: 4096, heads: 32, seq: 4096, microBatch: 16, accumulation: 2, tokensPerSecondPerGPU: 3_684, checkpointing: true, mfu: 54.84),
        mosaicRun("7b", layers: 32, hidden: 4096, heads: 32, seq: 8192, microBatch: 8, accumulation: 2, tokensPerSecondPerGPU: 3_206, checkpointing: true, mfu: 54.47),
        mosaicRun("7b", layers: 32, hidden: 4096, heads: 32, seq: 16384, microBatch: 4, accumulation: 2, tokensPerSecondPerGPU: 2_453, checkpointing: true, mfu: 51.96),
        mosaicRun("13b", layers: 40, hidden: 5120, heads: 40, seq: 2048, microBatch: 2, accumulation: 3, tokensPerSecondPerGPU: 2_262, checkpointing: false, mfu: 59.57),
        mosaicRun("30b", layers: 48, hidden: 7168, heads: 56, seq: 2048, microBatch: 3, accumulation: 21, tokensPerSecondPerGPU: 916, checkpointing: true, mfu: 55.3),
        mosaicRun("70b", layers: 80, hidden: 8192, heads: 64, seq: 2048, gpus: 64, microBatch: 8, accumulation: 4, tokensPerSecondPerGPU: 410, checkpointing: true, mfu: 53.33),
        mosaicRun("760m", .h100, layers: 24, hidden: 1536, heads: 12, seq: 2048, microBatch: 24, accumulation: 2, tokensPerSecondPerGPU: 63_147, checkpointing: false, mfu: 34.9),
        mosaicRun("1b", .h100, layers: 24, hidden: 2048, heads: 16, seq: 2048, microBatch: 14, accumulation: 1, tokensPerSecondPerGPU: 45_455, checkpointing: false, mfu: 41.82),
        mosaicRun("3b", .h100, layers: 32, hidden: 2560, heads: 20, seq: 4096, microBatch: 5, accumulation: 6, tokensPerSecondPerGPU: 20_964, checkpointing: false, mfu: 42.31),
        mosaicRun("7b", .h100, layers: 32, hidden: 4096, heads: 32, seq: 2048, microBatch: 6, accumulation: 1, tokensPerSecondPerGPU: 10_643, checkpointing: false, mfu: 46.44),
        mosaicRun("7b", .h100, layers: 32, hidden: 4096, heads: 32, seq: 4096, microBatch: 16, accumulation: 2, tokensPerSecondPerGPU: 8_611, checkpointing: true, mfu: 40.42),
        mosaicRun("13b", .h100, layers: 40, hidden: 5120, heads: 40, seq: 2048, microBatch: 2, accumulation: 1, tokensPerSecondPerGPU: 4_792, checkpointing: false, mfu: 39.79),
        mosaicRun("30b", .h100, layers: 48, hidden: 7168, heads: 56, seq: 2048, microBatch: 3, accumulation: 21, tokensPerSecondPerGPU: 2_002, checkpointing: true, mfu: 38.11),
        mosaicRun("70b", .h100, layers: 80, hidden: 8192, heads: 64, seq: 2048, gpus: 64, microBatch: 8, accumulation: 4, tokensPerSecondPerGPU: 1_039, checkpointing: true, mfu: 42.57),
    ]
}
