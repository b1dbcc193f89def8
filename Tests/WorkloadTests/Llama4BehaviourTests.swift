import Foundation
import Testing
@testable import Workload

/// What Llama 4's layer kinds do to each figure, beyond the reference totals: the catalog
/// entries are the imported hub configs, chunked layers cap their cache and their causal band,
/// NoPE layers neither rotate nor normalise q/k, and a `llama4` config reads its text stack.
@Suite struct Llama4BehaviourTests {
    static func hub(_ name: String) throws -> ModelSpec {
        try ModelLoader.loadFile(at: Fixtures.directory.appendingPathComponent("llama4/\(name).json").path).spec
    }

    @Test(arguments: ["llama-4-scout", "llama-4-maverick"])
    func catalogEntryIsTheImportedHubTextConfig(name: String) throws {
        let catalog = try ModelLoader.load(name, catalog: Fixtures.catalog).spec
        #expect(try Self.hub(name).structure == catalog.structure)
    }

    @Test func activeParametersAreTheTopOneExpertPlusTheSharedOne() throws {
        #expect(try ParameterCount.report(for: Self.hub("llama-4-scout")).active == 17_172_894_720)
        #expect(try ParameterCount.report(for: Self.hub("llama-4-maverick")).active == 17_184_691_200)
    }

    @Test func maverickAlternatesDenseAndExpertLayersWithAGlobalLayerEveryFourth() throws {
        let d = try #require(try Self.hub("llama-4-maverick").decoder)
        #expect(d.layerPattern?.count == 4)
        #expect(d.layers(reaching: .chunked) == 36 && d.layers(reaching: .full) == 12)
        #expect(d.layerKinds.filter(\.experts).count == 24 && d.moe?.denseLayers == 24)
        #expect(d.rotaryLayers == 36)
    }

    @Test func chunkedLayersCacheAtMostOneChunk() throws {
        let spec = try Self.hub("llama-4-scout")
        let report = try MemoryEstimator(spec: spec).report(batch: 1, seq: 32_768)
        // 2 · 8 kv heads · 128 · 2 bytes per position and layer; 12 global × 32768 + 36 chunked × 8192.
        #expect(report.kvCache.total == 4_096 * (12 * 32_768 + 36 * 8_192))
        #expect(report.notes.contains { $0.contains("chunked attention 8192 on 36 of 48 layers") })
    }

    @Test func causalConventionCountsTheChunkBandNotTheTriangle() {
        // Chunk 4, 10 positions: 1+2+3+4 + 1+2+3+4 + 1+2 = 23 pairs.
        #expect(StackPass(batch: 1, queries: 10).pairs(.chunked(size: 4), .causal) == ExactCount(23))
        // A decode step at position 11 (past 10) reads ((11 − 1) mod 4) + 1 = 3 keys.
        #expect(StackPass(batch: 1, queries: 1, past: 10).pairs(.chunked(size: 4), .causal) == ExactCount(3))
        // Eager attention: the prefill's whole square; a cached step min(past, C − 1) + 1 keys.
        #expect(StackPass(batch: 1, queries: 10).pairs(.chunked(size: 4), .matmul) == ExactCount(100))
        #expect(StackPass(batch: 2, queries: 1, past: 10).pairs(.chunked(size: 4), .matmul) == ExactCount(8))
    }

    @Test func noPELayersSkipRotaryAndTheWeightlessQKNormButScaleTheirQueries() throws {
        let spec = try Self.hub("llama-4-scout")
        let full = try FlopCounter(spec: spec, convention: .full).prefill(batch: 1, seq: 16)
        func line(_ name: String) -> Int128? { full.components.first { $0.name == name }?.flops.value }
        // 36 RoPE layers × 16 tokens × (40 + 8) heads × 128 dims × 3; the L2 norm × 3 per element.
        #expect(line("rotary_apply") == Int128(36 * 16 * 48 * 128 * 3))
        #expect(line("qk_norms") == Int128(36 * 16 * 48 * 128 * 3))
        #expect(line("query_temperature") == Int128(12 * 16 * (40 * 128 + 6)))
        #expect(try ParameterCount.report(for: spec).components.first { $0.name == "qk_norms" } == nil)
    }

    @Test func aNestedLlama4ConfigCountsItsTextStackAndSaysTheVisionTowerIsNot() throws {
        let loaded = try ModelLoader.loadFile(at: Fixtures.directory.appendingPathComponent("llama4/llama4-nested.json").path)
        #expect(loaded.warnings.contains { $0.contains("vision tower") })
        #expect(loaded.spec.decoder?.layers == 3)
    }

    @Test func aPatternThatDisagreesWithDenseLayersIsRejected() {
        let yaml = """
        vocabularySize: 10
        hiddenSize: 8
        decoder:
          layers: 2
          attention: {heads: 2, headDim: 4}
          ffn: {intermediateSize: 8, gated: true, activation: silu}
          moe: {experts: 2, topK: 1}
          norm: {kind: rmsnorm}
          layerPattern: [{experts: true}, {experts: false}]
        lmHead: {tied: false}
        """
        expectSpecError(field: "decoder.moe.denseLayers", containing: "1 dense layers") {
            try ModelLoader.load(data: Data(yaml.utf8), path: "m.yaml")
        }
    }
}
