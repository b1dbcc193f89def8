/// A training run whose hardware and duration were published, to calibrate predictions against.
public struct PublishedRun: Sendable {
    public var name: String
    /// Catalog name of the architecture.
    public var model: String
    public var tokens: Double
    /// Accelerator name as the cost catalog spells it, and its dense bf16 peak used for MFU.
    public var hardware: String
    public var peakFLOPsPerSecond: Double
    public var devices: Int
    /// Reported device-hours (GPU-hours), when given.
    public var deviceHours: Double?
    /// Reported per-device model throughput (FLOP/s), when given instead of time.
    public var reportedFLOPsPerDevice: Double?
    /// The parallel plan the paper used; nil when unpublished (then our best plan is used).
    public var plan: ParallelConfig?
    public var seq: Int
    public var globalBatch: Int
    public var source: String
}

/// The published runs (figures as reported; each with its source).
public enum PublishedRuns {
    static let a100 = 312e12, h100 = 989e12

    public static let all: [PublishedRun] = [
        .init(name: "Llama 2 7B", model: "llama-2-7b", tokens: 2.0e12, hardware: "a100-80gb", peakFLOPsPerSecond: a100,
              devices: 2048, deviceHours: 184_320, plan: nil, seq: 4096, globalBatch: 1024,
              source: "Touvron et al. 2023, Llama 2, Table 2 (GPU-hours) and §2.2 (4M-token batches, 4k context); device count and plan not published — 2048 assumed"),
        .init(name: "Llama 2 13B", model: "llama-2-13b", tokens: 2.0e12, hardware: "a100-80gb", peakFLOPsPerSecond: a100,
              devices: 2048, deviceHours: 368_640, plan: nil, seq: 4096, globalBatch: 1024,
              source: "Touvron et al. 2023, Llama 2, Table 2; device count and plan not published — 2048 assumed"),
        .init(name: "Llama 2 70B", model: "llama-2-70b", tokens: 2.0e12, hardware: "a100-80gb", peakFLOPsPerSecond: a100,
              devices: 2048, deviceHours: 1_720_320, plan: nil, seq: 4096, globalBatch: 1024,
              source: "Touvron et al. 2023, Llama 2, Table 2; device count and plan not published — 2048 assumed"),
        .init(name: "Llama 3 8B", model: "llama-3-8b", tokens: 15e12, hardware: "h100-sxm", peakFLOPsPerSecond: h100,
              devices: 4096, deviceHours: 1_300_000, plan: nil, seq: 8192, globalBatch: 2048,
              source: "Meta Llama 3 model card (2024): 1.3M H100-80GB GPU-hours, 15T tokens; plan not published — 4096 devices assumed"),
        .init(name: "Llama 3 70B", model: "llama-3-70b", tokens: 15e12, hardware: "h100-sxm", peakFLOPsPerSecond: h100,
              devices: 8192, deviceHours: 6_400_000, plan: nil, seq: 8192, globalBatch: 2048,
              source: "Meta Llama 3 model card (2024): 6.4M H100-80GB GPU-hours, 15T tokens; plan not published — 8192 devices assumed"),
        .init(name: "OPT-175B", model: "gpt3-175b", tokens: 180e9, hardware: "a100-80gb", peakFLOPsPerSecond: a100,
              devices: 992, reportedFLOPsPerDevice: 147e12, plan: ParallelConfig(tp: 8, pp: 1, dp: 124, zero: 3, microBatches: 1),
              seq: 2048, globalBatch: 992,
              source: "Zhang et al. 2022, OPT, §2.4: 992 A100-80GB, 147 TFLOP/s per GPU, FSDP with Megatron TP 8; 2M-token batches (GPT-3 175B architecture)"),
        .init(name: "BLOOM-176B", model: "gpt3-175b", tokens: 366e9, hardware: "a100-80gb", peakFLOPsPerSecond: a100,
              devices: 384, reportedFLOPsPerDevice: 150e12, plan: ParallelConfig(tp: 4, pp: 12, dp: 8, zero: 1, microBatches: 256),
              seq: 2048, globalBatch: 2048,
              source: "BigScience 2022, BLOOM §3.4: 384 A100-80GB, TP 4 · PP 12 · DP 8, ZeRO-1, 150 TFLOP/s per GPU (GPT-3 175B architecture used as stand-in: BLOOM has 250k vocabulary and ALiBi)"),
        .init(name: "Megatron-LM GPT-3 175B", model: "gpt3-175b", tokens: 300e9, hardware: "a100-80gb", peakFLOPsPerSecond: a100,
              devices: 1536, reportedFLOPsPerDevice: 153e12, plan: ParallelConfig(tp: 8, pp: 8, dp: 24, microBatches: 64),
              seq: 2048, globalBatch: 1536,
              source: "Narayanan et al. 2021, Table 1: 175B on 1536 A100, TP 8 · PP 8, batch 1536, 153 TFLOP/s per GPU (49 % of peak, counting recomputation)"),
    ]
}
