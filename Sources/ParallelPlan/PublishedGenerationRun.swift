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

    /// `run` priced at `kernelEfficiency`: the η fitted on the training runs, never on a serving one.
    public static func check(_ run: PublishedGenerationRun, spec: ModelSpec, device: Accelerator,
                             kernelEfficiency: Double = TrainingJob.fittedKernelEfficiency) throws -> PublishedGenerationCheck {
        let generation = try run.deployment.generate(spec: spec, batch: run.batch, promptLength: run.promptLength,
                                                     outputLength: run.outputLength, on: device, kernelEfficiency: kernelEfficiency)
        return PublishedGenerationCheck(run: run, generation: generation,
                                        reportedSeconds: run.outputTokensPerDevice / run.reportedOutputTokensPerSecondPerDevice)
    }
}

/// The published static-batch generation runs (figures as reported; each with its source).
public enum PublishedGenerationRuns {
    static let tensorRTLLM = "NVIDIA, TensorRT-LLM, docs/source/performance.md (github.com/NVIDIA/TensorRT-LLM, commit 138f96d, \"updated for v0.6.1\"), table \"H100 GPUs (FP8)\""
    static let fp8 = "FP8 weights and KV cache (the page's engine builds enable FP8 and an FP8 KV cache), GEMMs at the H100's FP8 matmul ceiling × η; the attention core at 50 % of the BF16 peak"
    static let method = "gptSessionBenchmark's static batch: one context step of every prompt (its logits for the last position only), then one generation step per further output token for the whole batch, throughput = batch × output ÷ that time"
    static let beforeXQA = "v0.6.1 predates the XQA generation kernel (v0.8): its masked multi-head attention loads a KV group once per query head, so Llama 2 70B's cache (64 query heads over 8 KV heads) is read 8 times a step; Llama 2 7B has one query head per KV head"
    static let llama = "\"LLaMA 7B\" and \"LLaMA 70B\" read as Llama 2 (the page's methodology benchmarks Llama2-7b and Llama2-70b engines)"

    /// What is known where a 7B row falls outside the bound (no cause is established).
    static let sevenB = "no cause established: the same table's 70B rows, priced the same way, are predicted slow, not fast; the 7B's generation steps are the table's most bound by reading the KV cache (one KV head per query head, 256 KB a cached token in FP8), priced at the achievable bandwidth, and its element-wise kernels, priced as a training plan's forward (each kept activation written and read once, unfused), weigh more beside 4,096-wide GEMMs than beside 8,192-wide ones"

    static func h100(_ size: String, tp: Int, batch: Int, input: Int, output: Int, tokensPerSecond: Double) -> PublishedGenerationRun {
        PublishedGenerationRun(
            name: "TensorRT-LLM Llama 2 \(size) (\(tp) H100, batch \(batch), \(input)/\(output))", model: "llama-2-\(size.lowercased())",
            hardware: "h100-sxm", precision: .fp8, deployment: TensorParallelGeneration(tp: tp, weightType: .fp8, kvType: .fp8, readsKVPerQueryHead: true),
            batch: batch, promptLength: input, outputLength: output, reportedOutputTokensPerSecondPerDevice: tokensPerSecond,
            source: "\(tensorRTLLM): LLaMA \(size), batch \(batch), TP \(tp), input \(input), output \(output): \(Int(tokensPerSecond)) output tokens/s per GPU",
            assumptions: [fp8, method, llama, beforeXQA, "the generation steps priced at their mean cached length; element-wise kernels (norms, rotary, SwiGLU, residual adds) at the achievable bandwidth as a training plan's forward prices them: each activation a training layer keeps written and read once, in 16-bit, none fused into a GEMM"],
            outsideBecause: size == "7B" ? sevenB : nil)
    }

    public static let all: [PublishedGenerationRun] = [
        h100("7B", tp: 1, batch: 768, input: 128, output: 128, tokensPerSecond: 19_694),
        h100("7B", tp: 1, batch: 112, input: 128, output: 2048, tokensPerSecond: 6_818),
        h100("7B", tp: 1, batch: 80, input: 2048, output: 128, tokensPerSecond: 2_244),
        h100("7B", tp: 1, batch: 48, input: 2048, output: 2048, tokensPerSecond: 2_740),
        h100("70B", tp: 2, batch: 1024, input: 128, output: 128, tokensPerSecond: 2_657),
        h100("70B", tp: 4, batch: 480, input: 128, output: 2048, tokensPerSecond: 1_486),
        h100("70B", tp: 2, batch: 96, input: 2048, output: 128, tokensPerSecond: 306),
        h100("70B", tp: 2, batch: 64, input: 2048, output: 2048, tokensPerSecond: 547),
    ]
}
