import Testing
@testable import HostBench

/// Each OpenBLAS kernel against the naive `Double` reference at small odd shapes.
/// Bound: norm-wise relative error ≤ 1e-4 (FP32 accumulation over ≤ 48 terms is ~1e-6).
/// Every test runs each parallelism (own workers, OpenBLAS threads, hybrid) at 1 and 2 threads.
@Suite struct BlockTests {
    static let bound = 1e-4

    static func shape(kvHeads: Int, gated: Bool = false, ffn: Int = 40, causal: Bool = true,
                      norm: LayerShape.NormKind = .layerNorm) -> LayerShape {
        LayerShape(dModel: 24, heads: 3, kvHeads: kvHeads, headDim: 8, seq: 7, ffn: ffn, gated: gated,
                   norm: norm, causal: causal)
    }

    static let attentionShapes: [(LayerShape, Int)] = [
        (shape(kvHeads: 3), 1), (shape(kvHeads: 1), 1), (shape(kvHeads: 3), 2), (shape(kvHeads: 1), 2),
        (shape(kvHeads: 3, causal: false), 2),
    ]

    @Test(arguments: attentionShapes)
    func attentionForwardMatchesNaive(shape: LayerShape, workers: Int) throws {
        for mode in KernelParallelism.allCases {
            let block = try AttentionBlock(shape: shape, threads: workers, parallelism: mode)
            let x = Matrix(rows: shape.seq, columns: shape.dModel, randomScale: 1, seed: 7)
            let y = Matrix(rows: shape.seq, columns: shape.dModel)
            try block.forward(x.view, into: y.view)
            let reference = Naive.attention(Naive.doubles(x), Naive.doubles(block.qkvWeight),
                                            Naive.doubles(block.outputWeight), shape).0
            #expect(relativeError(Naive.doubles(y), reference) <= Self.bound, "\(mode)")
        }
    }

    @Test(arguments: attentionShapes)
    func attentionBackwardMatchesNaive(shape: LayerShape, workers: Int) throws {
        for mode in KernelParallelism.allCases {
            let block = try AttentionBlock(shape: shape, threads: workers, parallelism: mode)
            let x = Matrix(rows: shape.seq, columns: shape.dModel, randomScale: 1, seed: 7)
            let y = Matrix(rows: shape.seq, columns: shape.dModel)
            let dy = Matrix(rows: shape.seq, columns: shape.dModel, randomScale: 1, seed: 9)
            let dx = Matrix(rows: shape.seq, columns: shape.dModel)
            try block.forward(x.view, into: y.view)
            try block.backward(x.view, outputGradient: dy.view, inputGradient: dx.view)
            let r = Naive.attentionBackward(Naive.doubles(x), Naive.doubles(block.qkvWeight),
                                            Naive.doubles(block.outputWeight), shape, Naive.doubles(dy))
            let g = try #require(block.gradients)
            #expect(relativeError(Naive.doubles(dx), r.dx) <= Self.bound, "\(mode)")
            #expect(relativeError(Naive.doubles(g.qkvWeight), r.dWqkv) <= Self.bound, "\(mode)")
            #expect(relativeError(Naive.doubles(g.outputWeight), r.dWo) <= Self.bound, "\(mode)")
        }
    }

    static let ffnShapes: [(LayerShape, Int)] = [
        (shape(kvHeads: 3), 1), (shape(kvHeads: 3, gated: true), 1),
        (shape(kvHeads: 3, ffn: 43), 2), (shape(kvHeads: 3, gated: true, ffn: 43), 2),
    ]

    @Test(arguments: ffnShapes)
    func ffnForwardMatchesNaive(shape: LayerShape, workers: Int) throws {
        for mode in KernelParallelism.allCases {
            let block = try FeedForwardBlock(shape: shape, threads: workers, parallelism: mode)
            let x = Matrix(rows: shape.seq, columns: shape.dModel, randomScale: 2, seed: 5)
            let y = Matrix(rows: shape.seq, columns: shape.dModel)
            try block.forward(x.view, into: y.view)
            let reference = Naive.ffn(Naive.doubles(x), Naive.doubles(block.inputWeight),
                                      Naive.doubles(block.outputWeight), shape).0
            #expect(relativeError(Naive.doubles(y), reference) <= Self.bound, "\(mode)")
        }
    }

    @Test(arguments: ffnShapes)
    func ffnBackwardMatchesNaive(shape: LayerShape, workers: Int) throws {
        for mode in KernelParallelism.allCases {
            let block = try FeedForwardBlock(shape: shape, threads: workers, parallelism: mode)
            let x = Matrix(rows: shape.seq, columns: shape.dModel, randomScale: 2, seed: 5)
            let y = Matrix(rows: shape.seq, columns: shape.dModel)
            let dy = Matrix(rows: shape.seq, columns: shape.dModel, randomScale: 1, seed: 11)
            let dx = Matrix(rows: shape.seq, columns: shape.dModel)
            try block.forward(x.view, into: y.view)
            try block.backward(x.view, outputGradient: dy.view, inputGradient: dx.view)
            let r = Naive.ffnBackward(Naive.doubles(x), Naive.doubles(block.inputWeight),
                                      Naive.doubles(block.outputWeight), shape, Naive.doubles(dy))
            let g = try #require(block.gradients)
            #expect(relativeError(Naive.doubles(dx), r.dx) <= Self.bound, "\(mode)")
            #expect(relativeError(Naive.doubles(g.inputWeight), r.dW1) <= Self.bound, "\(mode)")
            #expect(relativeError(Naive.doubles(g.outputWeight), r.dW2) <= Self.bound, "\(mode)")
        }
    }

    @Test(arguments: [
        (shape(kvHeads: 1), 1), (shape(kvHeads: 3, gated: true, norm: .rmsNorm), 2),
    ])
    func layerForwardMatchesNaive(shape: LayerShape, workers: Int) throws {
        for mode in KernelParallelism.allCases {
            let layer = try TransformerLayer(shape: shape, threads: workers, parallelism: mode)
            let x = Matrix(rows: shape.seq, columns: shape.dModel, randomScale: 1, seed: 3)
            let y = Matrix(rows: shape.seq, columns: shape.dModel)
            try layer.forward(x.view, into: y.view)
            #expect(relativeError(Naive.doubles(y), Naive.layer(Naive.doubles(x), layer)) <= Self.bound, "\(mode)")
        }
    }
}
