import CostModel
import Workload

/// A dense model's static-batch generation benchmark whose hardware, tensor-parallel degree,
/// batch, prompt and output lengths and throughput were published: the dense side of the
/// serving step model, checked as `PublishedServingRun` checks the expert-parallel side.
public struct PublishedGenerationRun: Sendable {
    public var name: String
    /// Catalog name of the model.
    public var model: String
    /// Accelerator name as the hardware catalog spells it.
    public var hardware: String
    /// The precision its GEMMs ran at.
    public var precision: Precision
    public var deployment: TensorParallelGeneration
    public var batch: Int
    public var promptLength: Int
    public var outputLength: Int
    /// Reported output tokens per second per device.
    public var reportedOutputTokensPerSecondPerDevice: Double
    public var source: String
    public var assumptions: [String]
    /// What the report holds that the model does not price, where known.
    public var outsideBecause: String? = nil

    /// Output tokens the batch generates per device of the group: what a time and a per-device
    /// rate convert through.
    public var outputTokensPerDevice: Double { Double(batch) * Double(outputLength) / Double(deployment.tp) }
}

/// A published static-batch generation run against our prediction, on one convention: the time
/// to generate the whole batch.
/// ```
/// reported time = batch × output tokens ÷ (tp × reported output tokens/s per device)
/// error         = predicted time ÷ reported time − 1          (negative: we predict faster)
/// ```
public struct PublishedGenerationCheck: Sendable {
    public var run: PublishedGenerationRun
    public var generation: StaticBatchGeneration
    public var reportedSeconds: Double
    public var predictedSeconds: Double { generation.total.value }
    public var predictedOutputTokensPerSecondPerDevice: Double { run.outputTokensPerDevice / predictedSeconds }
    public var error: Double { predictedSeconds / reportedSeconds - 1 }

    /// `run` priced at `kernelEfficiency` (the η fitted on the training runs, never on a serving
    /// one) and `layerOverhead` (`PublishedGenerationFit` prices each row at the others' τ).
    public static func check(_ run: PublishedGenerationRun, spec: ModelSpec, device: Accelerator,
                             kernelEfficiency: Double = TrainingJob.fittedKernelEfficiency,
                             layerOverhead: Seconds = TensorParallelGeneration.fittedLayerOverhead) throws -> PublishedGenerationCheck {
        let generation = try run.deployment.generate(spec: spec, batch: run.batch, promptLength: run.promptLength, outputLength: run.outputLength,
                                                     on: device, kernelEfficiency: kernelEfficiency, layerOverhead: layerOverhead)
        return PublishedGenerationCheck(run: run, generation: generation,
                                        reportedSeconds: run.outputTokensPerDevice / run.reportedOutputTokensPerSecondPerDevice)
    }
}

/// The published static-batch generation runs (figures as reported; each with its source).
public enum PublishedGenerationRuns {
    /// A table of TensorRT-LLM's performance page: the release it was measured with and how its
    /// engines ran.
    struct Table {
        var release: String
        var source: String
        var hardware: String
        /// The device as a row's name says it ("H100").
        var device: String
        var precision: Precision
        var storage: DataType
        var storageNote: String
        /// Before the XQA generation kernel (v0.8) a grouped-query cache is loaded once per query head.
        var readsKVPerQueryHead: Bool
        var kernelNote: String
    }

    static let page = "NVIDIA, TensorRT-LLM, docs/source/performance.md (github.com/NVIDIA/TensorRT-LLM)"
    static let fp8 = "FP8 weights and KV cache (the page's engine builds enable FP8 and an FP8 KV cache), GEMMs at the device's FP8 matmul ceiling × η; the attention core at 50 % of the BF16 peak"
    static let fp16 = "FP16 weights and KV cache (the page's A100 builds drop its FP8 options), GEMMs at the A100's 16-bit matmul ceiling × η"
    static let beforeXQA = "v0.6.1 predates the XQA generation kernel (v0.8): its masked multi-head attention loads a KV group once per query head, so Llama 2 70B's cache (64 query heads over 8 KV heads) is read 8 times a step; Llama 2 7B has one query head per KV head"
    static let withXQA = "v0.9.0 runs the XQA generation kernel (v0.8 on; its blog credits it with 2.4× Llama-70B throughput): a grouped-query cache is read once a step per KV head"

    static let v061H100 = Table(release: "v0.6.1", source: "\(page), commit 138f96d, \"updated for v0.6.1\", table \"H100 GPUs (FP8)\"",
                                hardware: "h100-sxm", device: "H100", precision: .fp8, storage: .fp8, storageNote: fp8, readsKVPerQueryHead: true, kernelNote: beforeXQA)
    static let v090H100 = Table(release: "v0.9.0", source: "\(page), \"All data was generated using version 0.9.0\", table \"H100 GPUs (FP8)\"",
                                hardware: "h100-sxm", device: "H100", precision: .fp8, storage: .fp8, storageNote: fp8, readsKVPerQueryHead: false, kernelNote: withXQA)
    static let v090H200 = Table(release: "v0.9.0", source: "\(page), \"All data was generated using version 0.9.0\", table \"H200 GPUs (FP8)\"",
                                hardware: "h200", device: "H200", precision: .fp8, storage: .fp8, storageNote: fp8, readsKVPerQueryHead: false, kernelNote: withXQA)
    static let v090L40S = Table(release: "v0.9.0", source: "\(page), \"All data was generated using version 0.9.0\", table \"L40S GPUs (FP8)\"",
                                hardware: "l40s", device: "L40S", precision: .fp8, storage: .fp8, storageNote: fp8, readsKVPerQueryHead: false, kernelNote: withXQA)
    static let v090A100 = Table(release: "v0.9.0", source: "\(page), \"All data was generated using version 0.9.0\", table \"A100 GPUs (FP16)\"",
                                hardware: "a100-80gb-sxm", device: "A100", precision: .bf16, storage: .fp16, storageNote: fp16, readsKVPerQueryHead: false, kernelNote: withXQA)

    static let method = "gptSessionBenchmark's static batch: one context step of every prompt (its logits for the last position only), then one generation step per further output token for the whole batch, throughput = batch × output ÷ that time"
    static let llama = "\"LLaMA 7B\" and \"LLaMA 70B\" read as Llama 2 (the page's methodology benchmarks Llama2-7b and Llama2-70b engines)"
    static let pricing = "the generation steps priced at their mean cached length; element-wise kernels (norms, rotary, SwiGLU, residual adds) at the achievable bandwidth as a training plan's forward prices them: each activation a training layer keeps written and read once, in 16-bit, none fused into a GEMM"

    static let mistralKernel = "no cause established: priced with XQA's one load of each KV group, as the same release's Llama 2 70B rows are (within 25 % that way on the H100, A100 and H200 tables), Mistral 7B's long generations (2,048 tokens out) come out 18–41 % too fast on the H100, H200 and A100 tables but within 5 % on the L40S one; with a load per query head (4 of its 32 query heads share each KV head) its H200 rows would be within 13 %, its H100 rows +4 … +37 %, its A100 rows +33 … +82 % and its L40S rows +54 … +126 %: which generation kernel the engines ran is not stated"
    static let mixtralFP8 = "no cause established: the table is headed FP8, but TensorRT-LLM's release notes list FP8 for out-of-the-box MoE only from 0.12 (\"Supported FP8 OOTB MoE\"); with 16-bit weights throughout, the H100 table's rows would be −40 … +62 %. The experts are priced split over the group as the dense FFN is, read as far as the batch reaches them (uniform routing)"
    static let l40sGroups = "no cause established: the same table's single-device rows (Llama 2 7B, Mistral 7B) are within 11 %, seven of its eight 2- and 4-device rows (Llama 2 70B, Mixtral) 14–28 % too fast; the L40S has no NVLink and the groups' all-reduces are priced over the catalog's PCIe 4 link with peer-to-peer transfers, where NCCL falls back to host shared memory on a platform that gives none"
    static let mixtralL40SReads = "the report implies 17.8 ms a generation step (after our 3.2 s context step), and reading once a step what the step must read (every routed expert, all of which 32 uniformly routed sequences reach, 1 − (3/4)^32; the KV cache; the other weights) takes 17.6 ms of it at the achievable bandwidth we price, leaving 0.3 ms where we price 3.0 ms of all-reduces over PCIe and 3.7 ms of fixed per-layer cost; as on the A100 table, the benchmark's synthetic prompts may route its sequences alike (it does not say); no cause established"
    static let mixtralBeyondBandwidth = "the reported rate is above what reading every routed expert once a step allows: 32 sequences routed uniformly reach all 8 experts of a layer (1 − (3/4)^32), 46.7 GB of FP16 weights a device a step, at least 22.9 ms at the A100's datasheet 2.04 TB/s, where the report implies 20 ms a generation step; the benchmark's synthetic prompts may route its sequences alike (it does not say); no cause established"

    /// One row of `table`: `model` (catalog name) as the page names it.
    static func row(_ table: Table, _ model: String, _ pageName: String, tp: Int, batch: Int, input: Int, output: Int,
                    tokensPerSecond: Double, outsideBecause: String? = nil) -> PublishedGenerationRun {
        let device = table.device
        let precision = table.storage == .fp8 ? "FP8" : "FP16"
        var assumptions = [table.storageNote, method, table.kernelNote, pricing]
        if pageName.hasPrefix("LLaMA") { assumptions.insert(llama, at: 2) }
        if model.hasPrefix("mixtral") { assumptions.append("the routed experts split over the group as the dense FFN is, read as far as the batch reaches them (uniform routing)") }
        let label = pageName.hasPrefix("LLaMA") ? "Llama 2 " + pageName.dropFirst("LLaMA ".count) : pageName
        return PublishedGenerationRun(
            name: "TensorRT-LLM \(table.release) \(label) (\(tp) \(device) \(precision), batch \(batch), \(input)/\(output))", model: model,
            hardware: table.hardware, precision: table.precision,
            deployment: TensorParallelGeneration(tp: tp, weightType: table.storage, kvType: table.storage, readsKVPerQueryHead: table.readsKVPerQueryHead),
            batch: batch, promptLength: input, outputLength: output, reportedOutputTokensPerSecondPerDevice: tokensPerSecond,
            source: "\(table.source): \(pageName), batch \(batch), TP \(tp), input \(input), output \(output): \(Int(tokensPerSecond)) output tokens/s per GPU",
            assumptions: assumptions, outsideBecause: outsideBecause)
    }

    public static let all: [PublishedGenerationRun] = v061 + v090H100Rows + v090A100Rows + v090H200Rows + v090L40SRows

    static let v061: [PublishedGenerationRun] = [
        row(v061H100, "llama-2-7b", "LLaMA 7B", tp: 1, batch: 768, input: 128, output: 128, tokensPerSecond: 19_694),
        row(v061H100, "llama-2-7b", "LLaMA 7B", tp: 1, batch: 112, input: 128, output: 2048, tokensPerSecond: 6_818),
        row(v061H100, "llama-2-7b", "LLaMA 7B", tp: 1, batch: 80, input: 2048, output: 128, tokensPerSecond: 2_244),
        row(v061H100, "llama-2-7b", "LLaMA 7B", tp: 1, batch: 48, input: 2048, output: 2048, tokensPerSecond: 2_740),
        row(v061H100, "llama-2-70b", "LLaMA 70B", tp: 2, batch: 1024, input: 128, output: 128, tokensPerSecond: 2_657),
        row(v061H100, "llama-2-70b", "LLaMA 70B", tp: 4, batch: 480, input: 128, output: 2048, tokensPerSecond: 1_486),
        row(v061H100, "llama-2-70b", "LLaMA 70B", tp: 2, batch: 96, input: 2048, output: 128, tokensPerSecond: 306),
        row(v061H100, "llama-2-70b", "LLaMA 70B", tp: 2, batch: 64, input: 2048, output: 2048, tokensPerSecond: 547),
    ]

    static let v090H100Rows: [PublishedGenerationRun] = [
        row(v090H100, "mistral-7b", "Mistral 7B", tp: 1, batch: 896, input: 128, output: 128, tokensPerSecond: 20_404, outsideBecause: mistralKernel),
        row(v090H100, "mistral-7b", "Mistral 7B", tp: 1, batch: 120, input: 128, output: 2048, tokensPerSecond: 8_623, outsideBecause: mistralKernel),
        row(v090H100, "mistral-7b", "Mistral 7B", tp: 1, batch: 84, input: 2048, output: 128, tokensPerSecond: 2_405, outsideBecause: mistralKernel),
        row(v090H100, "mistral-7b", "Mistral 7B", tp: 1, batch: 56, input: 2048, output: 2048, tokensPerSecond: 3_731, outsideBecause: mistralKernel),
        row(v090H100, "mixtral-8x7b", "Mixtral 8x7B", tp: 2, batch: 512, input: 128, output: 128, tokensPerSecond: 5_255, outsideBecause: mixtralFP8),
        row(v090H100, "mixtral-8x7b", "Mixtral 8x7B", tp: 2, batch: 128, input: 128, output: 2048, tokensPerSecond: 3_408, outsideBecause: mixtralFP8),
        row(v090H100, "mixtral-8x7b", "Mixtral 8x7B", tp: 2, batch: 64, input: 2048, output: 128, tokensPerSecond: 588, outsideBecause: mixtralFP8),
        row(v090H100, "mixtral-8x7b", "Mixtral 8x7B", tp: 2, batch: 32, input: 2048, output: 2048, tokensPerSecond: 1_317, outsideBecause: mixtralFP8),
        row(v090H100, "llama-2-7b", "LLaMA 7B", tp: 1, batch: 896, input: 128, output: 128, tokensPerSecond: 19_854),
        row(v090H100, "llama-2-7b", "LLaMA 7B", tp: 1, batch: 120, input: 128, output: 2048, tokensPerSecond: 6_944),
        row(v090H100, "llama-2-7b", "LLaMA 7B", tp: 1, batch: 84, input: 2048, output: 128, tokensPerSecond: 2_163),
        row(v090H100, "llama-2-7b", "LLaMA 7B", tp: 1, batch: 56, input: 2048, output: 2048, tokensPerSecond: 2_826),
        row(v090H100, "llama-2-70b", "LLaMA 70B", tp: 2, batch: 1024, input: 128, output: 128, tokensPerSecond: 3_214),
        row(v090H100, "llama-2-70b", "LLaMA 70B", tp: 4, batch: 512, input: 128, output: 2048, tokensPerSecond: 2_725),
        row(v090H100, "llama-2-70b", "LLaMA 70B", tp: 2, batch: 96, input: 2048, output: 128, tokensPerSecond: 346),
        row(v090H100, "llama-2-70b", "LLaMA 70B", tp: 2, batch: 64, input: 2048, output: 2048, tokensPerSecond: 1_011),
    ]

    static let v090A100Rows: [PublishedGenerationRun] = [
        row(v090A100, "mistral-7b", "Mistral 7B", tp: 1, batch: 896, input: 128, output: 128, tokensPerSecond: 6_251),
        row(v090A100, "mistral-7b", "Mistral 7B", tp: 1, batch: 120, input: 128, output: 2048, tokensPerSecond: 3_776, outsideBecause: mistralKernel),
        row(v090A100, "mistral-7b", "Mistral 7B", tp: 1, batch: 64, input: 2048, output: 128, tokensPerSecond: 698),
        row(v090A100, "mistral-7b", "Mistral 7B", tp: 1, batch: 56, input: 2048, output: 2048, tokensPerSecond: 1_576, outsideBecause: mistralKernel),
        row(v090A100, "mixtral-8x7b", "Mixtral 8x7B", tp: 2, batch: 512, input: 128, output: 128, tokensPerSecond: 2_842),
        row(v090A100, "mixtral-8x7b", "Mixtral 8x7B", tp: 2, batch: 128, input: 128, output: 2048, tokensPerSecond: 1_724),
        row(v090A100, "mixtral-8x7b", "Mixtral 8x7B", tp: 2, batch: 64, input: 2048, output: 128, tokensPerSecond: 319),
        row(v090A100, "mixtral-8x7b", "Mixtral 8x7B", tp: 2, batch: 32, input: 2048, output: 2048, tokensPerSecond: 801, outsideBecause: mixtralBeyondBandwidth),
        row(v090A100, "llama-2-7b", "LLaMA 7B", tp: 1, batch: 256, input: 128, output: 128, tokensPerSecond: 5_390),
        row(v090A100, "llama-2-7b", "LLaMA 7B", tp: 1, batch: 32, input: 128, output: 2048, tokensPerSecond: 1_484),
        row(v090A100, "llama-2-7b", "LLaMA 7B", tp: 1, batch: 32, input: 2048, output: 128, tokensPerSecond: 533),
        row(v090A100, "llama-2-7b", "LLaMA 7B", tp: 1, batch: 16, input: 2048, output: 2048, tokensPerSecond: 603),
        row(v090A100, "llama-2-70b", "LLaMA 70B", tp: 4, batch: 1024, input: 128, output: 128, tokensPerSecond: 686),
        row(v090A100, "llama-2-70b", "LLaMA 70B", tp: 8, batch: 512, input: 128, output: 2048, tokensPerSecond: 684),
        row(v090A100, "llama-2-70b", "LLaMA 70B", tp: 4, batch: 96, input: 2048, output: 128, tokensPerSecond: 80),
        row(v090A100, "llama-2-70b", "LLaMA 70B", tp: 4, batch: 64, input: 2048, output: 2048, tokensPerSecond: 289),
    ]

    static let v090H200Rows: [PublishedGenerationRun] = [
        row(v090H200, "mistral-7b", "Mistral 7B", tp: 1, batch: 896, input: 128, output: 128, tokensPerSecond: 20_460, outsideBecause: mistralKernel),
        row(v090H200, "mistral-7b", "Mistral 7B", tp: 1, batch: 120, input: 128, output: 2048, tokensPerSecond: 8_950, outsideBecause: mistralKernel),
        row(v090H200, "mistral-7b", "Mistral 7B", tp: 1, batch: 64, input: 2048, output: 128, tokensPerSecond: 2_423, outsideBecause: mistralKernel),
        row(v090H200, "mistral-7b", "Mistral 7B", tp: 1, batch: 56, input: 2048, output: 2048, tokensPerSecond: 3_867, outsideBecause: mistralKernel),
        row(v090H200, "mixtral-8x7b", "Mixtral 8x7B", tp: 2, batch: 1024, input: 128, output: 128, tokensPerSecond: 5_444, outsideBecause: mixtralFP8),
        row(v090H200, "mixtral-8x7b", "Mixtral 8x7B", tp: 2, batch: 256, input: 128, output: 2048, tokensPerSecond: 4_973, outsideBecause: mixtralFP8),
        row(v090H200, "mixtral-8x7b", "Mixtral 8x7B", tp: 2, batch: 64, input: 2048, output: 128, tokensPerSecond: 605, outsideBecause: mixtralFP8),
        row(v090H200, "mixtral-8x7b", "Mixtral 8x7B", tp: 2, batch: 64, input: 2048, output: 2048, tokensPerSecond: 1_821, outsideBecause: mixtralFP8),
        row(v090H200, "llama-2-7b", "LLaMA 7B", tp: 1, batch: 896, input: 128, output: 128, tokensPerSecond: 20_618),
        row(v090H200, "llama-2-7b", "LLaMA 7B", tp: 1, batch: 120, input: 128, output: 2048, tokensPerSecond: 8_348),
        row(v090H200, "llama-2-7b", "LLaMA 7B", tp: 1, batch: 64, input: 2048, output: 128, tokensPerSecond: 2_391),
        row(v090H200, "llama-2-7b", "LLaMA 7B", tp: 1, batch: 56, input: 2048, output: 2048, tokensPerSecond: 3_522),
        row(v090H200, "llama-2-70b", "LLaMA 70B", tp: 1, batch: 1024, input: 128, output: 128, tokensPerSecond: 3_989),
        row(v090H200, "llama-2-70b", "LLaMA 70B", tp: 2, batch: 512, input: 128, output: 2048, tokensPerSecond: 3_963),
        row(v090H200, "llama-2-70b", "LLaMA 70B", tp: 1, batch: 64, input: 2048, output: 128, tokensPerSecond: 418),
        row(v090H200, "llama-2-70b", "LLaMA 70B", tp: 1, batch: 64, input: 2048, output: 2048, tokensPerSecond: 1_458),
    ]

    static let v090L40SRows: [PublishedGenerationRun] = [
        row(v090L40S, "mistral-7b", "Mistral 7B", tp: 1, batch: 896, input: 128, output: 128, tokensPerSecond: 9_562),
        row(v090L40S, "mistral-7b", "Mistral 7B", tp: 1, batch: 120, input: 128, output: 2048, tokensPerSecond: 4_387),
        row(v090L40S, "mistral-7b", "Mistral 7B", tp: 1, batch: 84, input: 2048, output: 128, tokensPerSecond: 971),
        row(v090L40S, "mistral-7b", "Mistral 7B", tp: 1, batch: 56, input: 2048, output: 2048, tokensPerSecond: 1_721),
        row(v090L40S, "mixtral-8x7b", "Mixtral 8x7B", tp: 4, batch: 256, input: 128, output: 128, tokensPerSecond: 1_266, outsideBecause: l40sGroups),
        row(v090L40S, "mixtral-8x7b", "Mixtral 8x7B", tp: 4, batch: 256, input: 128, output: 2048, tokensPerSecond: 1_490, outsideBecause: l40sGroups),
        row(v090L40S, "mixtral-8x7b", "Mixtral 8x7B", tp: 4, batch: 64, input: 2048, output: 128, tokensPerSecond: 155, outsideBecause: l40sGroups),
        row(v090L40S, "mixtral-8x7b", "Mixtral 8x7B", tp: 4, batch: 32, input: 2048, output: 2048, tokensPerSecond: 412, outsideBecause: mixtralL40SReads),
        row(v090L40S, "llama-2-7b", "LLaMA 7B", tp: 1, batch: 256, input: 128, output: 128, tokensPerSecond: 5_885),
        row(v090L40S, "llama-2-7b", "LLaMA 7B", tp: 1, batch: 64, input: 128, output: 2048, tokensPerSecond: 1_654),
        row(v090L40S, "llama-2-7b", "LLaMA 7B", tp: 1, batch: 32, input: 2048, output: 128, tokensPerSecond: 574),
        row(v090L40S, "llama-2-7b", "LLaMA 7B", tp: 1, batch: 16, input: 2048, output: 2048, tokensPerSecond: 537),
        row(v090L40S, "llama-2-70b", "LLaMA 70B", tp: 2, batch: 256, input: 128, output: 128, tokensPerSecond: 562, outsideBecause: l40sGroups),
        row(v090L40S, "llama-2-70b", "LLaMA 70B", tp: 4, batch: 256, input: 128, output: 2048, tokensPerSecond: 478, outsideBecause: l40sGroups),
        row(v090L40S, "llama-2-70b", "LLaMA 70B", tp: 2, batch: 16, input: 2048, output: 128, tokensPerSecond: 49, outsideBecause: l40sGroups),
        row(v090L40S, "llama-2-70b", "LLaMA 70B", tp: 4, batch: 64, input: 2048, output: 2048, tokensPerSecond: 185, outsideBecause: l40sGroups),
    ]
}
