import Foundation
import Testing
@testable import Workload

/// What the GLM-4.5 import does beyond matching the reference figures: the class defaults taken
/// exactly (floored head width included), the fields it reads or refuses, and the checkpoint
/// extras it reports instead of counting.
@Suite struct GLMBehaviourTests {
    static func importing(_ json: String) throws -> LoadedModel {
        try ModelLoader.load(data: Data(json.utf8), path: "config.json")
    }

    static func catalog(_ name: String) throws -> ModelSpec { try ModelLoader.load(name, catalog: Fixtures.catalog).spec }

    @Test func anEmptyConfigTakesGlm4MoeConfigsDefaultsWithTheFlooredHeadWidth() throws {
        let loaded = try Self.importing(#"{"model_type": "glm4_moe"}"#)
        #expect(try ParameterCount.report(for: loaded.spec).total == 103_481_200_640)
        let attention = try #require(loaded.spec.decoder?.attention)
        #expect(attention.headDim == 42, "4096 // 96")
        #expect(loaded.spec.decoder?.positions.rotaryDimensions == 22, "int(42 × 0.5) = 21 rotates 22: arange(0, 21, 2) has 11 frequencies")
        #expect(loaded.warnings.first?.contains("Glm4MoeConfig's defaults") == true)
        #expect(loaded.warnings.contains { $0.contains("96 × 42 = 4032") })
    }

    @Test func attentionBiasReachesQKVButNeverTheOutputProjection() throws {
        let spec = try Self.catalog("glm-4.5-air")
        #expect(spec.decoder?.attention.qkvBias == true)
        #expect(spec.decoder?.attention.outputBias == false)
    }

    @Test func useQKNormAddsPerHeadNorms() throws {
        let base = #""model_type": "glm4_moe", "hidden_size": 64, "num_attention_heads": 4, "num_key_value_heads": 2, "head_dim": 16, "num_hidden_layers": 2, "n_routed_experts": 8, "num_experts_per_tok": 2"#
        let with = try Self.importing("{\(base), \"use_qk_norm\": true}").spec
        let without = try Self.importing("{\(base)}").spec
        #expect(with.decoder?.attention.qkNorm == .perHead)
        #expect(without.decoder?.attention.qkNorm == nil)
        #expect(try ParameterCount.report(for: with).total - ParameterCount.report(for: without).total == 2 * 2 * 16)
    }

    @Test func theRopeObjectsRotaryFactorWinsOverTheTopLevelOne() throws {
        let spec = try Self.importing(#"{"model_type": "glm4_moe", "head_dim": 128, "partial_rotary_factor": 0.75, "rope_parameters": {"rope_type": "default", "rope_theta": 10000.0, "partial_rotary_factor": 0.25}}"#).spec
        #expect(spec.decoder?.positions.rotaryDimensions == 32)
    }

    @Test func aNullHeadDimIsRefusedBecauseTheAttentionWouldFail() {
        #expect(throws: SpecError.self) { try Self.importing(#"{"model_type": "glm4_moe", "head_dim": null}"#) }
    }

    @Test func groupsOfOneExpertAreRefusedBecauseEachGroupScoresItsTopTwo() {
        #expect(throws: SpecError.self) {
            try Self.importing(#"{"model_type": "glm4_moe", "n_routed_experts": 8, "n_group": 8, "topk_group": 4, "head_dim": 128}"#)
        }
    }

    @Test func theMultiTokenPredictionLayerAndCorrectionBiasesAreReportedNotCounted() throws {
        let spec = try Self.catalog("glm-4.5-air")
        let extras = try spec.predictionModuleParameters()
        #expect(extras.module == 2_375_059_456)
        #expect(extras.copies == 2 * 151_552 * 4096)
        let notes = spec.checkpointExtraNotes()
        #expect(notes.count == 2)
        #expect(notes[1].contains("5760 values"))
        let none = try Self.importing(#"{"model_type": "glm4_moe", "head_dim": 128, "num_mtp_layers": 0}"#)
        #expect(none.spec.predictionModules == nil, "num_mtp_layers is num_nextn_predict_layers' alias")
    }

    @Test func theCacheHoldsEightKeyValueHeadsPerLayer() throws {
        let memory = try MemoryEstimator(spec: Self.catalog("glm-4.5-air")).report(batch: 1, seq: 1000)
        #expect(memory.kvCacheBytesPerToken == 46 * 2 * 8 * 128 * 2)
    }

    @Test func publishedActiveCountsLeaveOutTheEmbeddingAndHead() throws {
        for (name, published) in [("glm-4.5", 32.0e9), ("glm-4.5-air", 12.0e9)] {
            let spec = try Self.catalog(name)
            let report = try ParameterCount.report(for: spec)
            let tables = 2 * Int128(spec.vocabularySize * spec.hiddenSize)
            let withoutTables = Double(report.active - tables)
            #expect(abs(withoutTables - published) / published < 0.02, "\(name)")
        }
    }
}
