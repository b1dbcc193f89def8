import Testing
import Workload
@testable import HostBench

@Suite struct ShapeValidationTests {
    @Test(arguments: [
        LayerShape(dModel: 0, heads: 1, seq: 4, ffn: 4),
        LayerShape(dModel: 8, heads: 0, headDim: 8, seq: 4, ffn: 4),
        LayerShape(dModel: 8, heads: 2, seq: -1, ffn: 4),
        LayerShape(dModel: 8, heads: 2, seq: 4, ffn: 0),
        LayerShape(dModel: 24, heads: 3, kvHeads: 2, headDim: 8, seq: 4, ffn: 4),
        LayerShape(dModel: 8, heads: 2, seq: Int.max / 2, ffn: 4),
    ])
    func badShapesThrow(shape: LayerShape) {
        #expect(throws: HostBenchError.self) { try shape.validate() }
        #expect(throws: HostBenchError.self) { try AttentionBlock(shape: shape) }
        #expect(throws: HostBenchError.self) { try FeedForwardBlock(shape: shape) }
    }

    @Test func headsThatDoNotDivideTheWidthThrowNamingTheField() throws {
        #expect(throws: HostBenchError.invalidShape(field: "heads", reason: "(3) must divide d_model (10)")) {
            try LayerShape(dModel: 10, heads: 3, seq: 4, ffn: 4).validate()
        }
        #expect(throws: HostBenchError.invalidShape(field: "kv_heads", reason: "(2) must divide heads (3)")) {
            try LayerShape(dModel: 12, heads: 3, kvHeads: 2, seq: 4, ffn: 4).validate()
        }
        // Gemma-style heads wider than d_model / heads are legal.
        try LayerShape(dModel: 24, heads: 2, headDim: 16, seq: 4, ffn: 4).validate()
    }

    @Test func memoryBeyondWhatIsAvailableThrowsSayingHowMuch() throws {
        let shape = LayerShape.default
        let needed = try #require(shape.workingSetBytes(backward: true))
        #expect(throws: HostBenchError.insufficientMemory(
            neededBytes: needed, availableBytes: 1 << 20, what: "a layer at \(shape.description)")) {
            try shape.checkMemory(backward: true, available: 1 << 20)
        }
        try shape.checkMemory(backward: true, available: needed + 1)
    }

    @Test func gemmSizesBeyondInt32ThrowInsteadOfTrapping() {
        let buffer = Matrix(rows: 1, columns: 1)
        #expect(throws: HostBenchError.self) {
            try BLAS.sgemm(transA: .none, transB: .none, m: Int(Int32.max) + 1, n: 1, k: 1, alpha: 1,
                           a: buffer.storage, lda: 1, b: buffer.storage, ldb: 1, beta: 0,
                           c: buffer.storage, ldc: Int(Int32.max) + 1)
        }
        let a = Matrix(rows: 2, columns: 3), c = Matrix(rows: 2, columns: 2)
        #expect(throws: HostBenchError.self) { try BLAS.gemm(a.view, a.view, into: c.view) }
    }

    @Test func shapeComesFromTheDecoderStackOfAModel() throws {
        let stack = StackSpec(
            layers: 32, attention: AttentionSpec(heads: 32, kvHeads: 8, headDim: 128),
            ffn: FFNSpec(intermediateSize: 14336, gated: true, activation: .silu),
            norm: NormSpec(kind: .rmsNorm))
        let model = ModelSpec(name: "llama-3-8b", vocabularySize: 128_256, hiddenSize: 4096, decoder: stack)
        let shape = try LayerShape(model: model, seq: 512)
        #expect(shape == LayerShape(dModel: 4096, heads: 32, kvHeads: 8, headDim: 128, seq: 512, ffn: 14336,
                                    gated: true, norm: .rmsNorm, causal: true))
        let encoderOnly = ModelSpec(name: "bert", vocabularySize: 30522, hiddenSize: 768, encoder: StackSpec(
            layers: 12, attention: AttentionSpec(heads: 12, headDim: 64), ffn: FFNSpec(intermediateSize: 3072),
            norm: NormSpec(kind: .layerNorm), causal: false))
        #expect(try LayerShape(model: encoderOnly, seq: 128).causal == false)
    }
}

/// A profile measured at a model's shape says what of that model the reference layer leaves out.
@Suite struct ShapeApproximationTests {
    @Test func referenceLayerNamesWhatItDoesNotRunOfTheModel() throws {
        func notes(_ name: String) throws -> [String] { LayerShape.approximations(of: try ModelLoader.load(name).spec) }
        #expect(try notes("gpt2").isEmpty)
        #expect(try notes("falcon-mamba-7b").contains { $0.contains("state-space") })
        #expect(try notes("qwen3-next-80b-a3b").contains { $0.contains("Gated DeltaNet") })
        let lite = try notes("deepseek-v2-lite")
        #expect(lite.contains { $0.contains("latent attention") } && lite.contains { $0.contains("one expert's FFN (width 1408)") })
        #expect(try notes("t5-small").contains { $0.contains("cross-attention") })
    }
}
