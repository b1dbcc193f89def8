import Foundation
import Workload

extension ModelPassRunner {
    /// The layers that ran, and one layer's forward time derived from them.
    struct LayerStack {
        var layers: Int, count: Int, repeats: Int
        var secondsPerLayer: Double, flopsPerLayer: Int
        var first: TransformerLayer
        var notes: [String]
    }

    /// Times `count` distinct layers back to back, `count` chosen so that a warm-up and three
    /// timed runs fit the budget and the weights fit half of MemAvailable.
    static func layerStack(
        _ shape: LayerShape, spec: ModelSpec, _ configuration: ModelPassConfiguration, threads: Int
    ) throws -> LayerStack {
        let total = (spec.decoder ?? spec.encoder)?.layers ?? 1
        let first = try TransformerLayer(shape: shape, threads: threads, parallelism: .hybrid, seed: 1)
        let pristine = Matrix(rows: shape.seq, columns: shape.dModel, randomScale: 1, seed: 99)
        var a = Matrix(rows: shape.seq, columns: shape.dModel), b = Matrix(rows: shape.seq, columns: shape.dModel)
        // One untimed run: page faults, OpenBLAS's buffers, and the estimate that sizes the stack.
        let start = Timing.now()
        let flopsPerLayer = try first.forward(pristine.view, into: b.view)
        let estimate = max(Timing.now() - start, 1e-6)
        // Checked: a NaN or negative budget runs one layer, never a trapping conversion.
        let byTime = Int(exactly: max(1, min(Double(total), configuration.timeBudgetSeconds / (4 * estimate))).rounded(.down)) ?? 1
        let perLayer = max(1, shape.workingSetBytes(backward: false) ?? .max)
        let byMemory = HostMemory.availableBytes().map { $0 / 2 / perLayer } ?? total
        let count = max(1, min(total, byTime, byMemory))
        var layers = [first]
        for i in 1..<count {
            layers.append(try TransformerLayer(shape: shape, threads: threads, parallelism: .hybrid, seed: UInt64(1 + 16 * i)))
        }
        let timed = try Timing.measure(warmup: 1, repeats: 3) {
            a.view.copy(from: pristine.view)
            for layer in layers {
                try layer.forward(a.view, into: b.view)
                swap(&a, &b)
            }
        }
        let limit = count == total ? "all \(total) layers" : "\(count) of \(total) layers (\(byTime < byMemory ? "time budget" : "memory"))"
        let note = "layers: \(limit) ran back to back, each with its own weights; one layer = median of 3 runs ÷ \(count)"
            + (count < total ? ", scaled × \(total) to the model's depth" : "")
        return LayerStack(layers: total, count: count, repeats: estimate * 8 > configuration.timeBudgetSeconds ? 1 : 3,
                          secondsPerLayer: timed.median / Double(count), flopsPerLayer: flopsPerLayer,
                          first: first, notes: [note])
    }

    /// One layer's backward: the FFN block's, then the attention block's (median each), after a
    /// forward pass has filled the activations they read.
    static func layerBackward(_ layer: TransformerLayer, repeats: Int) throws -> Double {
        let s = layer.shape
        let x = Matrix(rows: s.seq, columns: s.dModel, randomScale: 1, seed: 7), y = Matrix(rows: s.seq, columns: s.dModel)
        let dy = Matrix(rows: s.seq, columns: s.dModel, randomScale: 0.01, seed: 8), dx = Matrix(rows: s.seq, columns: s.dModel)
        try layer.forward(x.view, into: y.view)
        let ffn = try Timing.measure(warmup: 1, repeats: repeats) {
            try layer.feedForward.backward(layer.normalized.view, outputGradient: dy.view, inputGradient: dx.view)
        }
        let attention = try Timing.measure(warmup: 1, repeats: repeats) {
            try layer.attention.backward(x.view, outputGradient: dy.view, inputGradient: dx.view)
        }
        return ffn.median + attention.median
    }

    /// Every GEMM shape the pass issues, timed alone through OpenBLAS's threading, and two
    /// square sizes for the best-SGEMM reference.
    static func gemmRates(_ s: LayerShape, head: HeadShape?, squares: [Int], threads: Int) throws -> [GEMMRate] {
        var shapes = squares.map { GEMMSweep.Shape(m: $0, n: $0, k: $0, role: "square_\($0)") }
        let roles = ["qkv", "attention_output", "ffn_input", "ffn_output", "attention_scores", "attention_values"]
        shapes += zip(GEMMSweep.layerShapes(s), roles).map { shape, role in
            GEMMSweep.Shape(m: shape.m, n: shape.n, k: shape.k, role: role)
        }
        if let head { shapes.append(.init(m: head.chunk, n: head.vocabulary, k: head.width, role: "lm_head")) }
        // One untimed pass first: a process's first GEMMs run while OpenBLAS's threads and the
        // pages are still cold, and the reference must not be judged on them.
        _ = try GEMMSweep.run(Array(shapes.prefix(squares.count)), threads: threads, budget: .repeats(1), progress: { _ in })
        let measured = try GEMMSweep.run(shapes, threads: threads, budget: .repeats(5), progress: { _ in })
        // The reference squares are "the best OpenBLAS reaches": their fastest run; the model's
        // own shapes are priced at their median, like the pass they predict.
        return zip(shapes, measured).map { shape, m in
            let seconds = shape.role.hasPrefix("square_") ? m.bestSeconds : m.seconds
            return GEMMRate(role: shape.role, m: shape.m, n: shape.n, k: shape.k,
                            gflops: seconds > 0 ? Double(m.flops) / seconds / 1e9 : 0)
        }
    }

    /// What the reference pass does differently from the real model, one sentence each.
    static func passNotes(_ spec: ModelSpec, shape: LayerShape, head: HeadShape?) -> [String] {
        var notes = [
            "FP32 on OpenBLAS, one sequence of \(shape.seq) tokens; attention products over the full \(shape.seq)×\(shape.seq) square (matmul convention), causal mask applied",
            "not run (element-wise or tiny): embedding lookup, positional tables, rotary, final norm, norm and residual backward",
        ]
        if let choice = OpenBLASCoreChoice.note { notes.append(choice) }
        guard let stack = spec.decoder ?? spec.encoder else { return notes }
        switch stack.block {
        case .sequential: break
        case .parallelSharedNorm, .parallelTwoNorms:
            notes.append("\(spec.name) runs attention and FFN in parallel; the reference layer runs them one after the other (the same GEMMs)")
        case .sandwichNorms:
            notes.append("\(spec.name) also normalises each sub-block's output; the reference layer runs only the norms before them (element-wise, no GEMM)")
        }
        let kernelActivation = shape.gated ? "SwiGLU" : "GELU (tanh)"
        notes.append("activation: the reference runs \(kernelActivation); \(spec.name) uses \(stack.ffn.activation.rawValue)\(stack.ffn.gated ? " gated" : "")")
        if let head, head.chunk < head.rows {
            notes.append("LM head: logits in chunks of \(head.chunk) rows (bounded memory; the same FLOPs)")
        }
        if spec.embeddingProjectionSize != nil { notes.append("embedding projections (in and out) not run") }
        if spec.pooler { notes.append("pooler not run") }
        return notes
    }
}
