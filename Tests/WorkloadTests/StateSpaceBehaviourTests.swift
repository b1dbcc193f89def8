import Foundation
import Testing
@testable import Workload

/// How llmcost reads and counts state-space models, beyond the reference figures: the importer's
/// class defaults and refusals, the catalog entries, and a cache that does not grow with context.
@Suite struct StateSpaceBehaviourTests {
    private func imported(_ json: String) throws -> ModelSpec {
        try HuggingFaceConfig.importConfig(Data(json.utf8), file: "config.json", name: "m").spec
    }

    @Test(arguments: ["falcon-mamba-7b", "mamba2-2.7b", "jamba-v0.1"])
    func catalogEntryIsTheImportedHubConfig(name: String) throws {
        let catalog = try ModelLoader.load(name, catalog: Fixtures.catalog).spec
        let imported = try ModelLoader.loadFile(at: Fixtures.directory.appendingPathComponent("ssm/\(name).json").path).spec
        #expect(imported.structure == catalog.structure)
    }

    /// MambaConfig sets `expand × hidden_size` and `⌈hidden_size / 16⌉` when the config leaves them out.
    @Test func absentIntermediateSizeAndAutoRankTakeTheClassFormulas() throws {
        let spec = try imported(#"{"model_type": "mamba", "hidden_size": 40, "num_hidden_layers": 2, "vocab_size": 50, "expand": 3}"#)
        let m = try #require(spec.decoder?.stateSpace)
        #expect(m.innerSize == 120)
        #expect(m.timeStepRank == 3)
        #expect(m.stateSize == 16 && m.convKernel == 4)
        #expect(spec.lmHead?.tied == true)
    }

    /// Falcon-Mamba-7B writes intermediate_size 8192 beside expand 16: the written width is built.
    @Test func writtenIntermediateSizeWinsOverExpand() throws {
        let spec = try imported(#"{"model_type": "falcon_mamba", "hidden_size": 64, "intermediate_size": 96, "expand": 16, "num_hidden_layers": 1, "vocab_size": 50, "time_step_rank": 4}"#)
        #expect(spec.decoder?.stateSpace?.innerSize == 96)
    }

    @Test func mamba2HeadsThatDoNotTileTheInnerWidthAreRefused() {
        #expect(throws: SpecError.self) {
            try imported(#"{"model_type": "mamba2", "hidden_size": 64, "expand": 2, "num_heads": 3, "head_dim": 16, "n_groups": 1, "num_hidden_layers": 1, "vocab_size": 50}"#)
        }
    }

    /// The recurrent state is per sequence, not per token: nothing is added per cached position.
    @Test func recurrentStateIsFixedPerSequence() throws {
        let spec = try ModelLoader.load("falcon-mamba-7b", catalog: Fixtures.catalog).spec
        let stack = try #require(ModelOperations(spec).stacks.first)
        #expect(stack.cachedElementsPerToken == .zero)
        // 64 layers × (conv 8192 × 4 + SSM 8192 × 16)
        #expect(stack.recurrentElementsPerSequence == ExactCount(64 * (8192 * 4 + 8192 * 16)))
    }

    @Test func decodeStepCostsTheSameAtAnyContext() throws {
        let counter = try FlopCounter(spec: try ModelLoader.load("falcon-mamba-7b", catalog: Fixtures.catalog).spec)
        #expect(try counter.decode(batch: 4, context: 10).total == counter.decode(batch: 4, context: 1_000_000).total)
    }

    /// Jamba's hybrid keeps K and V only in its attention layers: 4 of 32 in Jamba v0.1.
    @Test func jambaCachesKeysAndValuesOnlyInItsAttentionLayers() throws {
        let spec = try ModelLoader.load("jamba-v0.1", catalog: Fixtures.catalog).spec
        let stack = try #require(ModelOperations(spec).stacks.first)
        #expect(stack.cachedElementsPerToken == ExactCount(4 * 2 * 8 * 128))
        #expect(stack.recurrentElementsPerSequence == ExactCount(28 * (8192 * 4 + 8192 * 16)))
    }
}
