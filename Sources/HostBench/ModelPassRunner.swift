import Foundation
import Workload

/// Runs a model's real layers and LM head on this host and times them.
///
/// Layers of one stack are identical in shape, so the depth is covered by running as many
/// distinct layers (each with its own weights, so none is timed out of a warm cache) as the time
/// budget and memory allow, back to back, and scaling by the model's layer count.
public enum ModelPassRunner {
    /// LM-head logits are computed this many bytes of rows at a time, so a 150K vocabulary over a
    /// long sequence does not need gigabytes of logits (the FLOPs are the same).
    static let headChunkBytes = 256 << 20

    public static func run(
        _ configuration: ModelPassConfiguration, progress: (String) -> Void = { _ in }
    ) throws -> ModelPassMeasurement {
        let spec = configuration.model
        try BLAS.requireLibrary()
        // A framework BLAS that cannot be opened fails now, not after minutes of measuring.
        _ = try FrameworkBLAS.configured?.get()
        try checkMeasurable(spec, configuration)
        let shape = try LayerShape(model: spec, seq: configuration.seq)
        let threads = configuration.resolvedThreads
        if let missing = missingReferenceKernel(spec) {
            return try eagerOnly(configuration, missing: missing, shape: shape, threads: threads, progress: progress)
        }
        try BenchConfiguration(shape: shape, threads: threads, includeBackward: configuration.includeBackward).validate()
        let head = headShape(spec, seq: configuration.seq)
        let previousBLASThreads = BLAS.threads
        defer { BLAS.setThreads(previousBLASThreads) }

        progress("\(spec.name): GEMM rates at the model's shapes…")
        let rates = try gemmRates(shape, head: head, squares: configuration.referenceSquareSizes, threads: threads)
        let best = rates.filter { $0.role.hasPrefix("square_") }.map(\.gflops).max() ?? 0

        progress("\(spec.name): layer forward at \(shape)…")
        let stack = try layerStack(shape, spec: spec, configuration, threads: threads)
        var notes = stack.notes
        var backwardSeconds: Double?
        if configuration.includeBackward {
            progress("\(spec.name): layer backward…")
            backwardSeconds = try layerBackward(stack.first, repeats: stack.repeats)
        }
        var headTimes = (forward: 0.0, backward: Double?.none, flops: 0)
        if let head {
            progress("\(spec.name): LM head \(head.rows)×\(head.vocabulary)×\(head.width) in chunks of \(head.chunk) rows…")
            headTimes = try headPass(head, threads: threads, backward: configuration.includeBackward)
        }
        notes += passNotes(spec, shape: shape, head: head)
        let eager = try eagerTimeModel(spec, seq: configuration.seq, threads: threads, timed: rates, progress: progress)
        return ModelPassMeasurement(
            model: spec.name, seq: configuration.seq, threads: threads, shape: shape,
            layers: stack.layers, layersMeasured: stack.count, layerForwardSeconds: stack.secondsPerLayer,
            layerBackwardSeconds: backwardSeconds, headForwardSeconds: headTimes.forward,
            headBackwardSeconds: headTimes.backward, headRowsPerChunk: head?.chunk ?? 0,
            layerFLOPs: stack.flopsPerLayer, headFLOPs: headTimes.flops, bestSGEMMGflops: best,
            gemmRates: rates, notes: notes, eager: eager)
    }

    /// The reference layer is one dense pre-norm self-attention + FFN layer: encoder–decoder
    /// models (cross-attention) and mixtures of experts (routing) are not what it runs. Those the
    /// eager lowering covers (T5, Qwen2-MoE) get eager PyTorch's predicted time alone.
    public static func checkMeasurable(_ spec: ModelSpec, _ configuration: ModelPassConfiguration) throws {
        if let missing = missingReferenceKernel(spec), (try? EagerLowering(spec: spec)) == nil {
            throw HostBenchError.invalidConfiguration(
                field: "model", reason: "\(spec.name) is \(missing.model): \(missing.part) has no reference kernel and eager PyTorch's kernels for \(missing.lowered) are not written down\(missing.covered.map { " (only \($0)'s are)" } ?? ""), so it cannot be measured")
        }
        if configuration.referenceSquareSizes.isEmpty || configuration.referenceSquareSizes.contains(where: { $0 < 1 || $0 > 16384 }) {
            throw HostBenchError.invalidConfiguration(field: "reference square sizes", reason: "must be 1…16384, at least one")
        }
        guard configuration.timeBudgetSeconds.isFinite, configuration.timeBudgetSeconds > 0 else {
            throw HostBenchError.invalidConfiguration(field: "time budget", reason: "must be a positive number of seconds")
        }
    }
}

// MARK: - Eager PyTorch alone

extension ModelPassRunner {
    /// What of `spec` llmcost's reference layer cannot run (nil: every layer is the dense one it runs):
    /// the kind of model, the part without a kernel, and the family whose eager kernels are written down.
    struct MissingReferenceKernel {
        var model: String, part: String, lowered: String
        /// The families whose eager kernels are written down (nil: none of this kind).
        var covered: String?
    }

    static func missingReferenceKernel(_ spec: ModelSpec) -> MissingReferenceKernel? {
        if spec.isEncoderDecoder { return .init(model: "encoder–decoder", part: "cross-attention", lowered: "it", covered: "T5") }
        let stacks = spec.stacks.map(\.stack)
        if stacks.contains(where: { $0.stateSpace != nil || $0.linearAttention != nil || $0.hybrid != nil }) {
            return .init(model: "a state-space, linear-attention or hybrid model", part: "a state-space scan or linear attention",
                         lowered: "its layers", covered: nil)
        }
        if stacks.contains(where: { $0.moe != nil }) {
            return .init(model: "a mixture of experts", part: "routing", lowered: "its experts", covered: "Qwen2-MoE and DeepSeek-V2")
        }
        if stacks.contains(where: { $0.attention.latent != nil }) {
            return .init(model: "a latent-attention model", part: "latent attention", lowered: "its attention", covered: "DeepSeek-V2")
        }
        return nil
    }

    /// An encoder–decoder or a mixture of experts: no reference pass (nothing of llmcost's own
    /// runs cross-attention, routing or latent attention), so no layer or head is timed and no rule of thumb is
    /// checked against one; the eager PyTorch time model is measured and priced as for any model.
    static func eagerOnly(_ configuration: ModelPassConfiguration, missing: MissingReferenceKernel, shape: LayerShape, threads: Int,
                          progress: (String) -> Void) throws -> ModelPassMeasurement {
        let spec = configuration.model
        let previousBLASThreads = BLAS.threads
        defer { BLAS.setThreads(previousBLASThreads) }
        let eager = try eagerTimeModel(spec, seq: configuration.seq, threads: threads, timed: [], progress: progress)
        let note = "\(spec.name) is \(missing.model): llmcost's reference layer has no \(missing.part) kernel, so no layer ran here "
            + "and no rule of thumb is checked against a measured pass; eager PyTorch's time is predicted per operator "
            + "(compare with scripts/pytorch-host/time_pytorch.py)"
        return ModelPassMeasurement(
            model: spec.name, seq: configuration.seq, threads: threads, shape: shape, layers: spec.stacks.reduce(0) { $0 + $1.stack.layers },
            layersMeasured: 0, layerForwardSeconds: 0, layerBackwardSeconds: nil, headForwardSeconds: 0, headBackwardSeconds: nil,
            headRowsPerChunk: 0, layerFLOPs: 0, headFLOPs: 0, bestSGEMMGflops: 0, gemmRates: [], notes: [note], eager: eager)
    }
}

// MARK: - LM head

extension ModelPassRunner {
    /// The vocabulary projection: `rows × width` activations times a `width × vocabulary` matrix.
    struct HeadShape {
        var rows: Int, width: Int, vocabulary: Int, chunk: Int
    }

    static func headShape(_ spec: ModelSpec, seq: Int) -> HeadShape? {
        guard spec.lmHead != nil, spec.vocabularySize > 0 else { return nil }
        let width = spec.embeddingProjectionSize ?? spec.hiddenSize
        let chunk = max(1, min(seq, headChunkBytes / (4 * spec.vocabularySize)))
        return HeadShape(rows: seq, width: width, vocabulary: spec.vocabularySize, chunk: chunk)
    }

    /// Forward logits chunk by chunk; backward `dX = dL·Wᵀ` and `dW += Xᵀ·dL` per chunk.
    static func headPass(_ h: HeadShape, threads: Int, backward: Bool) throws -> (forward: Double, backward: Double?, flops: Int) {
        try checkHeadMemory(h, backward: backward)
        let x = Matrix(rows: h.rows, columns: h.width, randomScale: 1, seed: 41)
        let w = Matrix(rows: h.width, columns: h.vocabulary, randomScale: 1 / Float(h.width).squareRoot(), seed: 42)
        let logits = Matrix(rows: h.chunk, columns: h.vocabulary, randomScale: 0.01, seed: 43)
        let chunks = stride(from: 0, to: h.rows, by: h.chunk).map { $0..<min(h.rows, $0 + h.chunk) }
        return try BLAS.withThreads(threads) {
            var flops = 0
            let forward = try Timing.measure(warmup: 1, repeats: 3) {
                flops = 0
                for rows in chunks {
                    flops += try BLAS.gemm(x.view.rows(rows), w.view, into: logits.view.rows(0..<rows.count))
                }
            }
            guard backward else { return (forward.median, nil, flops) }
            let dx = Matrix(rows: h.rows, columns: h.width), dw = Matrix(rows: h.width, columns: h.vocabulary)
            let back = try Timing.measure(warmup: 1, repeats: 3) {
                for rows in chunks {
                    let dl = logits.view.rows(0..<rows.count)
                    try BLAS.gemm(dl, w.view, .transposed, into: dx.view.rows(rows))
                    try BLAS.gemm(x.view.rows(rows), .transposed, dl, into: dw.view, beta: 1)
                }
            }
            return (forward.median, back.median, flops)
        }
    }

    private static func checkHeadMemory(_ h: HeadShape, backward: Bool) throws {
        guard let available = HostMemory.availableBytes() else { return }
        let weights = h.width * h.vocabulary, activations = h.rows * h.width
        let floats = (backward ? 2 : 1) * (weights + activations) + h.chunk * h.vocabulary
        let (bytes, overflow) = floats.multipliedReportingOverflow(by: 4)
        if overflow || bytes > available {
            throw HostBenchError.insufficientMemory(neededBytes: overflow ? .max : bytes, availableBytes: available,
                                                    what: "an LM head of \(h.width)×\(h.vocabulary)")
        }
    }
}
