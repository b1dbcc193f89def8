import Foundation
import Testing
import _TestSupport
@testable import Workload

/// GGUF files written by the test writer load as the architecture they describe, with the
/// parameters transformers would build and the weights' bytes exactly as the file stores them.
@Suite struct GGUFImportTests {
    static func write(_ w: GGUFWriter, name: String = "model.gguf") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("llmcost-gguf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent(name).path
        try w.write(to: path)
        return path
    }

    @Test func tinyLlamaCountsAndStoredBytes() throws {
        let path = try Self.write(.tinyLlama(), name: "tiny-llama-Q4_K_M.gguf")
        let loaded = try ModelLoader.load(path)
        #expect(loaded.spec.name == "tiny-llama-Q4_K_M")
        #expect(loaded.spec.family == "llama")
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        let d = try #require(loaded.spec.decoder)
        #expect(d.layers == 2 && d.attention.heads == 4 && d.attention.kvHeads == 2 && d.attention.headDim == 64)
        #expect(d.ffn.intermediateSize == 512 && loaded.spec.vocabularySize == 512 && loaded.spec.contextWindow == 2048)
        #expect(loaded.spec.lmHead?.tied == false)
        // Written out by hand: 2 × 512×256 embedding and head, norm 256, 2 layers of
        // 65536 + 2·32768 + 65536 (attention) + 3 · 131072 (FFN) + 2 · 256 (norms).
        #expect(try ParameterCount.report(for: loaded.spec).total == 1_443_072)
        let stored = try #require(loaded.spec.checkpointPrecision?.file)
        #expect(stored.fileType == "MOSTLY_Q4_K_M")
        // Q4_K 144 B / 256, Q6_K 210 B / 256, Q8_0 34 B / 32, F16 2 B, F32 4 B, per tensor.
        let perLayer = 1024 + 1024 + 36864 + 18432 + 34816 + 131072 + 73728 + 73728 + 139264
        #expect(stored.totalBytes == Int128(73728 + 107520 + 1024 + 2 * perLayer))
        #expect(stored.totalElements == 1_443_072)
        let q4k = try #require(stored.types.first { $0.type == "Q4_K" })
        #expect(q4k.bitsPerWeight == 4.5 && q4k.tensors == 9)
        #expect(stored.types.first { $0.type == "Q6_K" }?.bitsPerWeight == 6.5625)
        #expect(stored.types.first { $0.type == "Q8_0" }?.bitsPerWeight == 8.5)

        let memory = try MemoryEstimator(spec: loaded.spec, requestedWeightType: nil).report(batch: 1, seq: 1000)
        #expect(memory.weights.total == stored.totalBytes)
        #expect(memory.weights.components.first { $0.name == "attention" }?.bytes == ExactCount(2 * (36864 + 18432 + 34816 + 131072)))
        // KV cache: 2 · 2 kv heads · 64 · 2 bytes · 2 layers per position.
        #expect(memory.kvCache.total == 1000 * 2 * 2 * 64 * 2 * 2)
        #expect(memory.notes.contains { $0.contains("GGUF") && $0.contains("MOSTLY_Q4_K_M") })
        // Naming a dtype prices every weight at it instead.
        let bf16 = try MemoryEstimator(spec: loaded.spec, requestedWeightType: .bf16).report(batch: 1, seq: 1000)
        #expect(bf16.weights.total == 2 * 1_443_072)
    }

    @Test func moeExpertsAreTheRoutedTraffic() throws {
        let loaded = try ModelLoader.load(try Self.write(.tinyQwen3MoE()))
        #expect(loaded.spec.family == "qwen3_moe")
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        #expect(loaded.spec.lmHead?.tied == true)
        #expect(loaded.spec.decoder?.moe?.experts == 4 && loaded.spec.decoder?.moe?.topK == 2)
        #expect(try ParameterCount.report(for: loaded.spec).total == 2_100_736)
        let memory = try MemoryEstimator(spec: loaded.spec, requestedWeightType: nil).report(batch: 1, seq: 16)
        #expect(memory.weights.total == 2_242_560)
        #expect(memory.weightTraffic.routedExperts == 2 * 3 * 278_528)
        #expect(memory.weightTraffic.alwaysRead == 2_242_560 - 2 * 3 * 278_528)
    }

    @Test func mismatchedMetadataIsReportedNotHidden() throws {
        var w = GGUFWriter.tinyLlama()
        // The metadata says FFN 1024, the tensors are 512 wide: the count disagrees with the file.
        w.metadata = w.metadata.map { $0.0 == "llama.feed_forward_length" ? ($0.0, .u32(1024)) : $0 }
        let loaded = try ModelLoader.load(try Self.write(w))
        #expect(loaded.warnings.contains { $0.contains("ffn: file 786432, counted 1572864") }, "\(loaded.warnings)")
    }

    @Test func buffersArePricedNotCounted() throws {
        var w = GGUFWriter.tinyLlama()
        w.tensors.append(.init("rope_freqs.weight", [32], GGUFWriter.f32))
        let loaded = try ModelLoader.load(try Self.write(w))
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        let memory = try MemoryEstimator(spec: loaded.spec, requestedWeightType: nil).report(batch: 1, seq: 1)
        #expect(memory.weights.components.last?.name == "buffers (not parameters)" && memory.weights.components.last?.bytes == ExactCount(128))
        #expect(try ParameterCount.report(for: loaded.spec).total == 1_443_072)
    }

    /// Ollama keeps its GGUF files as content-addressed blobs without an extension: the magic decides.
    @Test func anOllamaBlobIsKnownByItsMagic() throws {
        let path = try Self.write(.tinyLlama(), name: "sha256-6a0746a1ec1aef3e7ec53868f220ff6e389f6f8ef87a01d77c96807de94ca2aa")
        let loaded = try ModelLoader.load(path)
        #expect(loaded.spec.checkpointPrecision?.file?.fileType == "MOSTLY_Q4_K_M")
    }

    /// Bytes in memory (a test, a pipe) load the same way as the file.
    @Test func inMemoryBytesLoadLikeTheFile() throws {
        let loaded = try ModelLoader.load(data: Data(GGUFWriter.tinyLlama().file()), path: "memory.gguf")
        #expect(try ParameterCount.report(for: loaded.spec).total == 1_443_072)
        #expect { try ModelLoader.load(data: Data(GGUFWriter.tinyLlama().header()), path: "cut.gguf") } throws: {
            ($0 as? SpecError)?.file == "cut.gguf" && ($0 as? SpecError)?.field?.hasSuffix(".offset") == true
        }
    }

    /// The embedding's rows are the vocabulary the parameters have, whatever the token list says.
    @Test func theEmbeddingDecidesTheVocabulary() throws {
        var w = GGUFWriter.tinyLlama()
        w.metadata = w.metadata.map { $0.0 == "tokenizer.ggml.tokens" ? ($0.0, .strings(["a", "b"])) : $0 }
        #expect(try ModelLoader.load(try Self.write(w)).spec.vocabularySize == 512)
    }

    @Test func guessedAndUnknownFileTypes() throws {
        var w = GGUFWriter.tinyLlama()
        w.metadata = w.metadata.map { $0.0 == "general.file_type" ? ($0.0, .u32(1024 + 7)) : $0 }
        #expect(try ModelLoader.load(try Self.write(w)).spec.checkpointPrecision?.file?.fileType == "MOSTLY_Q8_0 (guessed)")
        w.metadata = w.metadata.map { $0.0 == "general.file_type" ? ($0.0, .u32(33)) : $0 }
        #expect(try ModelLoader.load(try Self.write(w)).spec.checkpointPrecision?.file?.fileType == "file type 33")
    }

    @Test func vocabularyFromTheEmbeddingWithoutTokens() throws {
        var w = GGUFWriter.tinyLlama()
        w.metadata.removeAll { $0.0.hasPrefix("tokenizer.") }
        #expect(try ModelLoader.load(try Self.write(w)).spec.vocabularySize == 512)
    }

    @Test func unsupportedArchitectureIsNamed() throws {
        var w = GGUFWriter.tinyLlama()
        w.metadata[0] = ("general.architecture", .string("rwkv6"))
        #expect {
            try ModelLoader.load(try Self.write(w))
        } throws: { ($0 as? SpecError)?.field == "general.architecture" && "\($0)".contains("rwkv6") }
    }

    @Test func missingSizeNamesTheGGUFKey() throws {
        var w = GGUFWriter.tinyLlama()
        w.metadata.removeAll { $0.0 == "llama.embedding_length" }
        #expect {
            try ModelLoader.load(try Self.write(w))
        } throws: { ($0 as? SpecError)?.field == "llama.embedding_length" }
    }

    @Test func negativeSizeNamesTheGGUFKey() throws {
        var w = GGUFWriter.tinyLlama()
        w.metadata = w.metadata.map { $0.0 == "llama.block_count" ? ($0.0, .i32(-2)) : $0 }
        #expect {
            try ModelLoader.load(try Self.write(w))
        } throws: { ($0 as? SpecError)?.field == "llama.block_count" && "\($0)".contains("-2") }
    }

    @Test func ggmlBlockLayouts() {
        let bits = Dictionary(uniqueKeysWithValues: GGMLType.all.map { ($0.name, $0.bitsPerWeight) })
        #expect(bits["F32"] == 32 && bits["F16"] == 16 && bits["BF16"] == 16)
        #expect(bits["Q8_0"] == 8.5 && bits["Q4_0"] == 4.5 && bits["Q4_1"] == 5 && bits["Q5_0"] == 5.5 && bits["Q5_1"] == 6)
        #expect(bits["Q2_K"] == 2.625 && bits["Q3_K"] == 3.4375 && bits["Q4_K"] == 4.5 && bits["Q5_K"] == 5.5 && bits["Q6_K"] == 6.5625)
        #expect(bits["MXFP4"] == 4.25 && bits["IQ4_XS"] == 4.25 && bits["IQ2_XXS"] == 2.0625 && bits["TQ1_0"] == 1.6875)
        #expect(Set(GGMLType.all.map(\.id)).count == GGMLType.all.count)
    }
}
