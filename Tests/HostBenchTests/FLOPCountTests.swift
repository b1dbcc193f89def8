import Testing
import Workload
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

    /// The FLOPs the kernels issue equal what the Workload module counts for the same layer.
    @Test(arguments: [(3, false, true), (1, false, true), (1, true, true), (3, true, false), (1, false, false)])
    func kernelsIssueWhatWorkloadCounts(kvHeads: Int, gated: Bool, causal: Bool) throws {
        let shape = LayerShape(dModel: 24, heads: 3, kvHeads: kvHeads, headDim: 8, seq: 7, ffn: 40,
                               gated: gated, causal: causal)
        let counted = try shape.matmulFlops
        let x = Matrix(rows: 7, columns: 24, randomScale: 1, seed: 3)
        let y = Matrix(rows: 7, columns: 24), dx = Matrix(rows: 7, columns: 24)
        let attention = try AttentionBlock(shape: shape, threads: 2)
        let ffn = try FeedForwardBlock(shape: shape, threads: 2)
        let layer = try TransformerLayer(shape: shape, threads: 2)
        #expect(try attention.forward(x.view, into: y.view) == counted.attention)
        #expect(try attention.backward(x.view, outputGradient: y.view, inputGradient: dx.view) == 2 * counted.attention)
        #expect(try ffn.forward(x.view, into: y.view) == counted.ffn)
        #expect(try ffn.backward(x.view, outputGradient: y.view, inputGradient: dx.view) == 2 * counted.ffn)
        #expect(try layer.forward(x.view, into: y.view) == counted.layer)
    }

    /// At real shapes (no kernel run), the hand formulas agree with Workload's, component by component.
    @Test(arguments: [
        LayerShape.default,
        LayerShape(dModel: 4096, heads: 32, kvHeads: 8, headDim: 128, seq: 512, ffn: 14336, gated: true, norm: .rmsNorm),
        LayerShape(dModel: 3072, heads: 16, kvHeads: 16, headDim: 256, seq: 333, ffn: 24576, gated: true, norm: .rmsNorm),
        LayerShape(dModel: 768, heads: 12, seq: 128, ffn: 3072, causal: false),
    ])
    func handFormulasEqualWorkloadAtRealShapes(shape: LayerShape) throws {
        let counted = try shape.matmulFlops
        let s = shape.seq, d = shape.dModel
        #expect(counted.attentionQKV == 2 * s * d * shape.qkvWidth)
        #expect(counted.attentionScores == 2 * s * s * shape.heads * shape.headDim)
        #expect(counted.attentionValues == counted.attentionScores)
        #expect(counted.attentionOutput == 2 * s * shape.attentionWidth * d)
        #expect(counted.attention == shape.attentionFLOPs)
        #expect(counted.ffn == shape.ffnFLOPs)
        #expect(counted.layer == shape.layerFLOPs)
    }

    /// The one-layer model has nothing but the layer: Workload's total is the five components.
    @Test func oneLayerModelCountsOnlyTheLayer() throws {
        let shape = LayerShape(dModel: 24, heads: 3, kvHeads: 1, headDim: 8, seq: 7, ffn: 40, gated: true)
        let report = try FlopCounter(spec: shape.oneLayerModel, convention: .matmul).prefill(batch: 1, seq: 7)
        #expect(report.total == Int128(try shape.matmulFlops.layer))
        #expect(Set(report.components.map(\.name))
                == ["attention_qkv", "attention_scores", "attention_values", "attention_output", "ffn"])
    }

    @Test func sgemmReportsTwoMNK() throws {
        let a = Matrix(rows: 5, columns: 3), b = Matrix(rows: 3, columns: 4), c = Matrix(rows: 5, columns: 4)
        #expect(try BLAS.gemm(a.view, b.view, into: c.view) == 2 * 5 * 4 * 3)
    }
}
