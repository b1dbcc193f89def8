import CostModel
import Workload

/// A decoder of softmax attention (dense or a mixture of experts) served by one tensor-parallel
/// group with a static batch, as TensorRT-LLM's throughput benchmark (`gptSessionBenchmark`) runs
/// it: every sequence's prompt in one context step that also yields its first token, then one
/// generation step per further output token, every sequence of the batch in every step. A
/// mixture's experts are split as its dense FFN is (each device holds 1/tp of every expert, as
/// vLLM's and TensorRT-LLM's tensor-parallel MoE do).
public struct TensorParallelGeneration: Sendable, Equatable {
    /// Devices in the group: each holds 1/tp of every layer (Megatron's column and row splits)
    /// and of the vocabulary-parallel LM head.
    public var tp: Int
    /// How the weights and the KV cache are stored (FP8 on Hopper with TensorRT-LLM's FP8 build).
    public var weightType: DataType
    public var kvType: DataType
    /// The generation kernel loads a group's keys and values once for each of its query heads
    /// instead of once for the group: TensorRT-LLM's masked multi-head attention before its XQA
    /// kernel (v0.8), whose blog credits XQA with 2.4× Llama-70B throughput at 128/2048
    /// (nvidia.github.io/TensorRT-LLM/blogs/XQA-kernel.html). A grouped-query model's cache is
    /// then read heads ÷ KV heads times per step.
    public var readsKVPerQueryHead: Bool

    public init(tp: Int, weightType: DataType = .bf16, kvType: DataType = .bf16, readsKVPerQueryHead: Bool = false) {
        self.tp = tp; self.weightType = weightType; self.kvType = kvType; self.readsKVPerQueryHead = readsKVPerQueryHead
    }

    /// The time a layer adds to every step beyond its FLOPs and bytes: its kernels' launches,
    /// ramp-up and tails, the engine's host work between them. No datasheet gives it; it is the
    /// median over the published static-batch rows of what each implies
    /// (`PublishedGenerationFit`, which reports every row leave-one-out). It comes out about the
    /// same on A100, H100, H200 and L40S rows, whose bandwidths differ 5.6-fold: a cost that does
    /// not scale with the device.
    public static let fittedLayerOverhead = Seconds(115.6e-6)
}

/// One forward step on one device of the group, by part, each at max(FLOPs ÷ rate, bytes ÷
/// bandwidth) over the whole stack: the weight GEMMs at the achievable matmul rate × η, the
/// attention core at 50 % of the attention peak (prefill: the causal half; decode: reading the
/// KV cache, once per query head where the kernel does not share it over a group), the
/// element-wise kernels at the achievable bandwidth, two all-reduces per layer over the node's
/// link, not overlapped, and a fixed cost per layer (`TensorParallelGeneration.fittedLayerOverhead`).
public struct TensorParallelStep: Sendable, Equatable {
    /// q, k, v and output projections.
    public var attentionProjections: Seconds
    public var attentionCore: Seconds
    /// The dense FFN, a mixture's shared experts and its router.
    public var ffn: Seconds
    /// A mixture's routed experts: their FLOPs, or the experts the step's tokens reach read once
    /// (uniform routing, `WeightTraffic.routedBytes`), whichever is slower; zero in a dense model.
    public var routedExperts: Seconds
    /// The LM head over one position per sequence (the engine gathers the last token's logits),
    /// with the norms outside the layers.
    public var lmHead: Seconds
    /// Norms, activation, rotary and residual adds: the forward half of a training plan's
    /// element-wise traffic (`DeviceStepTime.elementwise`), each activation a layer keeps written
    /// and read once, on the device's share of them (tensor-parallel, no sequence parallelism).
    public var elementwise: Seconds
    public var allReduce: Seconds
    /// The layers' fixed cost: each layer × the fitted per-layer, per-step time no FLOP or byte
    /// accounts for (`TensorParallelGeneration.fittedLayerOverhead`).
    public var layerOverhead: Seconds = .zero
    /// Of the parts above, the time of those whose FLOPs took longer than their bytes; the rest
    /// but the all-reduces and the fixed cost is memory-bound.
    public var computeBound: Seconds = .zero
    public var total: Seconds { attentionProjections + attentionCore + ffn + routedExperts + lmHead + elementwise + allReduce + layerOverhead }
    public var memoryBound: Seconds { total - computeBound - allReduce - layerOverhead }

    static let zero = TensorParallelStep(attentionProjections: .zero, attentionCore: .zero, ffn: .zero, routedExperts: .zero,
                                         lmHead: .zero, elementwise: .zero, allReduce: .zero)

    /// Part by part, the mean of steps taken `weight` times each.
    static func mean(_ steps: [(step: Self, weight: Double)]) -> Self {
        let total = steps.reduce(0) { $0 + $1.weight }
        func part(_ path: KeyPath<Self, Seconds>) -> Seconds {
            Seconds(steps.reduce(0) { $0 + $1.step[keyPath: path].value * $1.weight } / total)
        }
        return TensorParallelStep(attentionProjections: part(\.attentionProjections), attentionCore: part(\.attentionCore),
                                  ffn: part(\.ffn), routedExperts: part(\.routedExperts), lmHead: part(\.lmHead), elementwise: part(\.elementwise),
                                  allReduce: part(\.allReduce), layerOverhead: part(\.layerOverhead), computeBound: part(\.computeBound))
    }
}

/// A static batch generated to its end on one group.
/// ```
/// total = context step (batch × prompt tokens, the first output token)
///       + (output − 1) × the generation step at the mean cached length
/// ```
/// Generation step j (1 … output − 1) feeds output token j over prompt + j − 1 cached
/// positions, so the mean is prompt + (output − 2) ÷ 2 (a half-way length: the mean of the two
/// steps beside it). Pricing the steps at their mean is exact while a step's time is affine in
/// its cached length; a sliding window or attention chunk caps a layer's cache at its size, so
/// the lengths are split where a cap falls among them and each run priced at its own mean.
public struct StaticBatchGeneration: Sendable, Equatable {
    public var context: TensorParallelStep
    /// One generation step at the mean cached length.
    public var meanGenerationStep: TensorParallelStep
    public var generationSteps: Int
    public var generation: Seconds { meanGenerationStep.total * Double(generationSteps) }
    public var total: Seconds { context.total + generation }
}

extension TensorParallelGeneration {
    /// `batch` sequences of `promptLength` tokens generated to `outputLength` tokens each.
    public func generate(spec: ModelSpec, batch: Int, promptLength: Int, outputLength: Int, on device: Accelerator,
                         kernelEfficiency: Double = TrainingJob.fittedKernelEfficiency,
                         layerOverhead: Seconds = fittedLayerOverhead) throws -> StaticBatchGeneration {
        try check(spec)
        for (value, parameter, what) in [(batch, InputParameter.batch, "sequence"), (promptLength, .promptTokens, "prompt token"),
                                         (outputLength, .outputTokens, "output token")] where value < 1 {
            throw PlanError(parameter, "a static batch needs at least one \(what), got \(value)")
        }
        guard !promptLength.addingReportingOverflow(outputLength).overflow else { throw PlanError(.sequenceLength, "\(promptLength) prompt tokens and \(outputLength) output tokens overflow") }
        let context = try step(spec: spec, batch: batch, length: promptLength, prefill: true, on: device,
                               kernelEfficiency: kernelEfficiency, layerOverhead: layerOverhead)
        func generationStep(_ cached: Int) throws -> TensorParallelStep {
            try step(spec: spec, batch: batch, length: cached, prefill: false, on: device, kernelEfficiency: kernelEfficiency, layerOverhead: layerOverhead)
        }
        // The cached lengths of the generation steps: prompt … prompt + output − 2 (none for one output token).
        let runs = outputLength == 1 ? [] : Self.affineRuns(of: promptLength...(promptLength + outputLength - 2), spec: spec)
        let mean: TensorParallelStep = runs.isEmpty ? .zero : .mean(try runs.map { run in
            // The mean of a run's lengths, halfway between two of them when their count is even.
            let middle = run.lowerBound + (run.count - 1) / 2
            let step = run.count % 2 == 1 ? try generationStep(middle)
                : TensorParallelStep.mean([(try generationStep(middle), 1), (try generationStep(middle + 1), 1)])
            return (step, Double(run.count))
        })
        return StaticBatchGeneration(context: context, meanGenerationStep: mean, generationSteps: outputLength - 1)
    }

    /// `lengths` split where a cache cap C (a sliding window, an attention chunk) bends a step's
    /// time: its attention reads min(length, C − 1) cached keys and its cache keeps min(length, C)
    /// positions, so a run ends at C − 1 and at C, and a step is affine in its cached length
    /// over each run while every part keeps its bound through it (a decode step's attention core
    /// reads its cache at a few FLOPs a byte, far below any device's balance).
    static func affineRuns(of lengths: ClosedRange<Int>, spec: ModelSpec) -> [ClosedRange<Int>] {
        let caps = spec.decoder.map { stack in
            [LayerKind.Reach.sliding, .chunked].compactMap { stack.layers(reaching: $0) > 0 ? stack.cacheCap($0) : nil }
        } ?? []
        let ends = Set(caps.flatMap { [$0 - 1, $0] }).filter { lengths.lowerBound <= $0 && $0 < lengths.upperBound }
        var runs: [ClosedRange<Int>] = [], start = lengths.lowerBound
        for end in ends.sorted() {
            runs.append(start...end)
            start = end + 1
        }
        return runs + [start...lengths.upperBound]
    }

    /// Whether `spec` is what this model prices: a decoder of softmax attention, dense or a
    /// mixture of experts.
    public static func covers(_ spec: ModelSpec) -> Bool {
        guard !spec.isEncoderDecoder, let stack = spec.decoder else { return false }
        return stack.stateSpace == nil && stack.linearAttention == nil && stack.attention.latent == nil
    }

    /// What `covers` prices, in words, for the notes of what it does not.
    public static let coverage: InputMessage = "decoders of softmax attention, dense or mixtures of experts (no state-space, linear or latent attention, no encoder)"

    /// Only what the parts above describe: one decoder of softmax attention whose heads and KV
    /// heads split evenly over the group (the degree itself checked by `ParallelConfig`).
    func check(_ spec: ModelSpec) throws {
        guard Self.covers(spec) else {
            throw PlanError(.tensorParallel, "\(spec.name): static-batch tensor-parallel generation prices \(Self.coverage)")
        }
        try ParallelConfig(tp: tp).validate(for: spec)
    }

    /// One step of `batch` sequences: a context step over `length` prompt tokens each, or a
    /// generation step of one token each over `length` cached positions.
    func step(spec: ModelSpec, batch: Int, length: Int, prefill: Bool, on device: Accelerator, kernelEfficiency eta: Double,
              layerOverhead: Seconds = fittedLayerOverhead) throws -> TensorParallelStep {
        let tokens = batch.multipliedReportingOverflow(by: prefill ? length : 1)
        guard !tokens.overflow else { throw PlanError(.batch, "\(batch) sequences × \(length) prompt tokens overflow") }
        let counter = try FlopCounter(spec: spec)
        let flops = prefill ? try counter.prefill(batch: batch, seq: length) : try counter.decode(batch: batch, context: length)
        // The engine computes logits for each sequence's last position only, as a decode step does.
        let headFLOPs = prefill ? Double(try counter.decode(batch: batch, context: 1).flops(endingWith: FlopComponentName.lmHead.name))
                                : Double(flops.flops(endingWith: FlopComponentName.lmHead.name))
        let memory = try MemoryEstimator(spec: spec, weightType: weightType, kvType: kvType).report(batch: batch, seq: length)
        func f(_ names: FlopComponentName...) -> Double { names.reduce(0) { $0 + Double(flops.flops(endingWith: $1.name)) } }
        func b(_ group: ParameterGroup) -> Double { Double(memory.weights.bytes(of: group)) }
        let t = Double(tp)
        let gemmRate = device.achievableMatmulPeak.value * eta, coreRate = device.attentionPeak.value * DeviceStepTime.attentionEfficiency
        let bandwidth = device.bandwidth.value
        var computeBound = 0.0
        func part(_ flops: Double, _ bytes: Double, rate: Double = gemmRate) -> Seconds {
            let compute = flops / t / rate, memory = bytes / t / bandwidth
            if compute > memory { computeBound += compute }
            return Seconds(max(compute, memory))
        }
        let causal = prefill && (spec.decoder?.causal ?? true)
        let coreFLOPs = f(.attentionScores, .attentionValues) * (causal ? 0.5 : 1)
        let attention = spec.decoder?.attention
        let kvReads = readsKVPerQueryHead ? Double(attention?.heads ?? 1) / Double(max(1, attention?.kvHeads ?? 1)) : 1
        // Each sequence's cache as kept: a sliding-window layer holds at most its window.
        let kvBytes = prefill ? 0 : Double(memory.kvCache.total) * kvReads
        // A tied head reads the embedding table.
        let headBytes = b(.lmHead) > 0 ? b(.lmHead) : b(.tokenEmbedding)
        // Every activation a layer keeps, written and read once, on this device's share.
        let elementwiseBytes = ModelOperations(spec).stacks.reduce(0.0) { $0 + $1.keptBytesPerToken(tp: tp) }
            * Double(tokens.partialValue) * DeviceStepTime.forwardElementwiseTrafficPerSavedByte
        // The routed experts this step's tokens reach, each read once (all of them in a long prefill).
        let routedBytes = Double(memory.weightTraffic.routedBytes(tokens: tokens.partialValue))
        var step = TensorParallelStep(
            attentionProjections: part(f(.attentionQKV, .attentionOutput), b(.attention) + b(.qkNorms) + b(.norms)),
            attentionCore: part(coreFLOPs, kvBytes, rate: coreRate),
            ffn: part(f(.ffn, .sharedExpert, .router), b(.ffn) + b(.sharedExpert) + b(.router)),
            routedExperts: part(f(.experts), routedBytes),
            lmHead: part(headFLOPs, headBytes + b(.finalNorm) + b(.embeddingNorm)),
            elementwise: Seconds(elementwiseBytes / bandwidth),
            allReduce: ServingPlan.tensorParallelTime(spec: spec, tp: tp, tokens: tokens.partialValue, on: device),
            layerOverhead: layerOverhead * Double(spec.decoder?.layers ?? 0))
        step.computeBound = Seconds(computeBound)
        return step
    }
}
