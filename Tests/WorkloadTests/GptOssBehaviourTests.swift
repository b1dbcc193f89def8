import Foundation
import Testing
@testable import Workload

/// gpt-oss's own pieces: the catalog entries equal the imported hub configs, the checkpoint's
/// MXFP4 experts in memory (and a dtype that overrides them), sinks as weights without GEMMs.
@Suite struct GptOssBehaviourTests {
    static func hub(_ name: String) throws -> ModelSpec {
        try ModelLoader.loadFile(at: Fixtures.directory.appendingPathComponent("gptoss/\(name).json").path).spec
    }

    @Test(arguments: ["gpt-oss-20b", "gpt-oss-120b"])
    func catalogEntryIsTheImportedHubConfig(name: String) throws {
        let catalog = try ModelLoader.load(name, catalog: Fixtures.catalog).spec
        #expect(try Self.hub(name).structure == catalog.structure)
        #expect(catalog.checkpointPrecision == CheckpointPrecision(experts: .mxfp4))
    }

    /// 24 layers × 32 experts × 3 · 2880² matrix weights at 17 bytes per 32, their
    /// 24 × 32 × (5760 + 2880) biases and everything else at 2 bytes.
    @Test func checkpointStoresExpertMatricesInMXFP4AndTheRestInBF16() throws {
        let spec = try Self.hub("gpt-oss-20b")
        let report = try MemoryEstimator(spec: spec, checkpoint: spec.checkpointPrecision).report(batch: 1, seq: 4096)
        let experts = report.weights.components.first { $0.name == "experts" }
        #expect(experts?.bytes == ExactCount(19_110_297_600 / 32 * 17 + 2 * 6_635_520))
        let bf16 = try ParameterCount.report(for: spec).total - 19_116_933_120
        #expect(report.weights.total == 19_110_297_600 / 32 * 17 + 2 * 6_635_520 + 2 * bf16)
        #expect(report.notes.contains { $0.contains("mxfp4") })
    }

    @Test func aNamedDtypePricesEveryWeightAtThatDtype() throws {
        let spec = try Self.hub("gpt-oss-20b")
        let report = try MemoryEstimator(spec: spec, weightType: .bf16).report(batch: 1, seq: 4096)
        #expect(report.weights.total == 2 * 20_914_757_184)
        #expect(report.checkpoint == nil)
    }

    @Test func slidingLayersCacheAtMostTheWindow() throws {
        let spec = try Self.hub("gpt-oss-120b")
        let report = try MemoryEstimator(spec: spec).report(batch: 1, seq: 4096)
        // 18 sliding layers × 128 + 18 full layers × 4096 positions, 2 · 8 · 64 elements of 2 bytes.
        #expect(report.kvCache.total == (18 * 128 + 18 * 4096) * 2 * 8 * 64 * 2)
    }

    @Test func sinksAreOneWeightPerHeadAndNoMatmulFLOP() throws {
        var spec = try Self.hub("gpt-oss-20b")
        let with = try ParameterCount.report(for: spec).total
        let flopsWith = try FlopCounter(spec: spec).prefill(batch: 1, seq: 64).total
        spec.decoder?.attention.sinks = false
        #expect(try with - ParameterCount.report(for: spec).total == 24 * 64)
        #expect(try FlopCounter(spec: spec).prefill(batch: 1, seq: 64).total == flopsWith)
    }

    @Test func quantizationConfigKeepingTheExpertsOutLeavesNoCheckpointPrecision() throws {
        let json = #"{"model_type": "gpt_oss", "num_hidden_layers": 2, "num_local_experts": 4, "quantization_config": {"quant_method": "mxfp4", "modules_to_not_convert": ["model.layers.*.mlp.experts"]}}"#
        let spec = try HuggingFaceConfig.importConfig(Data(json.utf8), file: "c.json", name: "c").spec
        #expect(spec.checkpointPrecision == nil)
        #expect(spec.decoder?.windowedLayers == 1)
    }
}
