import Testing
@testable import HostBench

/// The FLOPs each kernel reports (summed from the GEMMs it issued) equal the hand formula.
@Suite struct FLOPCountTests {
    // d 24, 3 heads of 8, seq 7, ffn 40.
    // Attention, MHA: 2·7·24·72 (QKV) + 3·2·(2·7·7·8) (QKᵀ, PV) + 2·7·24·24 (out) = 24192 + 4704 + 8064.
    // Attention, kv 1: QKV width (3 + 2)·8 = 40: 2·7·24·40 + 4704 + 8064 = 13440 + 4704 + 8064.
    // FFN plain: 2·(2·7·24·40) = 26880; gated: 3·(2·7·24·40) = 40320.
    static let cases: [(kvHeads: Int, gated: Bool, attention: Int, ffn: Int)] = [
        (3, false, 24192 + 4704 + 8064, 26880),
        (1, false, 13440 + 4704 + 8064, 26880),
        (1, true, 13440 + 4704 + 8064, 40320),
    ]

    @Test(arguments: cases)
    func kernelsReportTheHandFormula(kvHeads: Int, gated: Bool, attention: Int, ffn: Int) throws {
        let shape = LayerShape(dModel: 24, heads: 3, kvHeads: kvHeads, headDim: 8, seq: 7, ffn: 40, gated: gated)
        #expect(shape.attentionFLOPs == attention)
        #expect(shape.ffnFLOPs == ffn)
        let x = Matrix(rows: 7, columns: 24, randomScale: 1, seed: 1)
        let y = Matrix(rows: 7, columns: 24), dx = Matrix(rows: 7, columns: 24)
        for workers in [1, 2] { for mode in KernelParallelism.allCases {
            let a = try AttentionBlock(shape: shape, threads: workers, parallelism: mode)
            #expect(try a.forward(x.view, into: y.view) == attention)
            #expect(try a.backward(x.view, outputGradient: y.view, inputGradient: dx.view) == 2 * attention)
            let f = try FeedForwardBlock(shape: shape, threads: workers, parallelism: mode)
            #expect(try f.forward(x.view, into: y.view) == ffn)
            #expect(try f.backward(x.view, outputGradient: y.view, inputGradient: dx.view) == 2 * ffn)
            let layer = try TransformerLayer(shape: shape, threads: workers, parallelism: mode)
            #expect(try layer.forward(x.view, into: y.view) == attention + ffn)
        } }
    }

    @Test func sgemmReportsTwoMNK() throws {
        let a = Matrix(rows: 5, columns: 3), b = Matrix(rows: 3, columns: 4), c = Matrix(rows: 5, columns: 4)
        #expect(try BLAS.gemm(a.view, b.view, into: c.view) == 2 * 5 * 4 * 3)
    }
}
