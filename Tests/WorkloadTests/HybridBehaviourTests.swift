import Foundation
import Testing
@testable import Workload

/// How llmcost reads and counts the Mamba-2 hybrids (Bamba, Nemotron-H, Falcon-H1) beyond the
/// reference figures: the importers' readings and refusals, which layers cache what, and how the
/// three layouts compose a layer.
@Suite struct HybridBehaviourTests {
    private func imported(_ json: String) throws -> LoadedModel {
        try HuggingFaceConfig.importConfig(Data(json.utf8), file: "config.json", name: "m")
    }

    private func catalog(_ name: String) throws -> ModelSpec { try ModelLoader.load(name, catalog: Fixtures.catalog).spec }

    private func line(_ r: FlopReport, _ c: FlopComponentName) -> Int128? { r.components.first { $0.name == c.name }?.flops.value }

    // MARK: Bamba

    /// `attn_layer_indices` is asked `i in …` per layer: repeats and indices past the depth add nothing.
    @Test func bambaCountsOnlyTheAttentionIndicesThatExist() throws {
        let loaded = try imported(#"{"model_type": "bamba", "hidden_size": 32, "num_hidden_layers": 4, "attn_layer_indices": [1, 1, 7], "num_attention_heads": 4, "num_key_value_heads": 2, "mamba_n_heads": 4, "mamba_n_groups": 2, "vocab_size": 50, "intermediate_size": 48}"#)
        #expect(loaded.spec.decoder?.hybrid?.attentionLayers == 1)
        #expect(loaded.warnings.contains { $0.contains("layer 7") })
        // Class defaults: "auto" head width 2·32/4 = 16, d_state 256, rotary on half of each head.
        let m = try #require(loaded.spec.decoder?.stateSpace)
        #expect(m.headDim == 16 && m.stateSize == 256 && m.chunkSize == 256)
        #expect(loaded.spec.decoder?.positions.rotaryDimensions == 4)
    }

    @Test func bambaHeadsThatDoNotTileTheMixerAreRefused() throws {
        let error = try #require(throws: SpecError.self) {
            try imported(#"{"model_type": "bamba", "hidden_size": 32, "num_hidden_layers": 2, "num_attention_heads": 4, "mamba_n_heads": 4, "mamba_d_head": 12, "vocab_size": 50}"#)
        }
        #expect(error.field == "mamba_d_head")
    }

    /// Bamba-9B keeps K and V in its 3 attention layers, a fixed state in its 29 mixers.
    @Test func bambaCachesKeysAndValuesOnlyInItsAttentionLayers() throws {
        let stack = try #require(ModelOperations(try catalog("bamba-9b")).stacks.first)
        #expect(stack.cachedElementsPerToken == ExactCount(3 * 2 * 8 * 128))
        #expect(stack.recurrentElementsPerSequence == ExactCount(29 * (8448 * 4 + 8192 * 128)))
    }

    // MARK: Nemotron-H

    /// `layers_block_type` wins over the pattern; its length is the depth, whatever `num_hidden_layers` says.
    @Test func nemotronHLayerTypesWinOverThePatternAndSetTheDepth() throws {
        let loaded = try imported(#"{"model_type": "nemotron_h", "hidden_size": 32, "num_hidden_layers": 9, "layers_block_type": ["linear_attention", "mlp", "full_attention"], "hybrid_override_pattern": "MMMM", "num_attention_heads": 4, "num_key_value_heads": 4, "head_dim": 8, "mamba_num_heads": 4, "mamba_head_dim": 16, "n_groups": 2, "vocab_size": 50, "intermediate_size": 48}"#)
        let s = try #require(loaded.spec.decoder)
        #expect(s.layers == 3 && s.stateSpaceLayers == 1 && s.hybrid?.attentionLayers == 1 && s.hybrid?.feedForwardLayers == 1)
        #expect(loaded.warnings.contains { $0.contains("num_hidden_layers") })
    }

    /// transformers' `_LEGACY_LAYER_TYPE_REMAP` reads "mamba" and "attention" as the new names.
    @Test func nemotronHLegacyLayerNamesReadAsTheNewOnes() throws {
        let body = #""model_type": "nemotron_h", "hidden_size": 32, "num_attention_heads": 4, "num_key_value_heads": 4, "head_dim": 8, "mamba_num_heads": 4, "mamba_head_dim": 16, "n_groups": 2, "vocab_size": 50, "intermediate_size": 48"#
        let legacy = try imported("{\(body), \"layers_block_type\": [\"mamba\", \"attention\", \"mlp\"]}")
        let current = try imported("{\(body), \"layers_block_type\": [\"linear_attention\", \"full_attention\", \"mlp\"]}")
        #expect(legacy.spec == current.spec)
    }

    /// No pattern: NemotronHConfig's four layers (Mamba-2, experts, attention, MLP) with its defaults.
    @Test func nemotronHWithoutALayoutTakesTheClassDefaults() throws {
        let s = try #require(try imported(#"{"model_type": "nemotron_h"}"#).spec.decoder)
        #expect(s.layers == 4 && s.stateSpaceLayers == 1 && s.moe?.sparseLayers(of: 4) == 1)
        #expect(s.ffn.activation == .relu2 && !s.ffn.gated)
        #expect(s.moe?.experts == 8 && s.moe?.expertIntermediateSize == 7688 && s.moe?.routing?.scoring == .sigmoid)
        #expect(s.stateSpace?.innerSize == 128 * 64 && s.stateSpace?.groups == 8 && s.stateSpace?.chunkSize == 128)
    }

    /// The `mamba_`-prefixed spellings are popped over the plain fields; an unknown letter is refused.
    @Test func nemotronHPrefixedAliasesWinAndBadLettersAreRefused() throws {
        let s = try #require(try imported(#"{"model_type": "nemotron_h", "hybrid_override_pattern": "M*", "hidden_size": 32, "num_attention_heads": 4, "num_key_value_heads": 4, "head_dim": 8, "mamba_num_heads": 4, "mamba_head_dim": 16, "n_groups": 2, "mamba_n_groups": 4, "conv_kernel": 4, "mamba_d_conv": 3, "vocab_size": 50}"#).spec.decoder)
        #expect(s.stateSpace?.groups == 4 && s.stateSpace?.convKernel == 3)
        let error = try #require(throws: SpecError.self) {
            try imported(#"{"model_type": "nemotron_h", "hybrid_override_pattern": "M*X", "vocab_size": 50}"#)
        }
        #expect(error.field == "hybrid_override_pattern")
    }

    /// NemotronHForCausalLM declares no tied weights: a tied flag is read, warned about and not applied.
    @Test func nemotronHNeverTiesItsHead() throws {
        let loaded = try imported(#"{"model_type": "nemotron_h", "hybrid_override_pattern": "M-", "tie_word_embeddings": true, "vocab_size": 50}"#)
        #expect(loaded.spec.lmHead?.tied == false)
        #expect(loaded.warnings.contains { $0.contains("tie_word_embeddings") })
    }

    /// The router sums each group's top 2: groups of one expert are refused.
    @Test func nemotronHRouterGroupsNeedTwoExpertsEach() throws {
        let error = try #require(throws: SpecError.self) {
            try imported(#"{"model_type": "nemotron_h", "hybrid_override_pattern": "ME", "n_routed_experts": 4, "n_group": 4, "vocab_size": 50}"#)
        }
        #expect(error.field == "n_group")
    }

    /// Each single-block layer holds one block and one norm: the 8B's 52 layers have 52 norms, and
    /// only its 4 attention layers cache K and V.
    @Test func nemotronHLayersAreOneBlockEach() throws {
        let spec = try catalog("nemotron-h-8b")
        let ops = try #require(ModelOperations(spec).stacks.first)
        #expect(ops.layers.map(\.count).reduce(0, +) == 52)
        #expect(try ParameterCount.report(for: spec).parameters(of: .norm) == 53 * 4096)  // and the final norm
        #expect(ops.cachedElementsPerToken == ExactCount(4 * 2 * 8 * 128))
        #expect(ops.tensorParallelReductionsPerLayer == 1)
    }

    /// Latent experts: the two projections run for every token, the experts inside the latent width.
    @Test func latentProjectionsWrapTheExperts() throws {
        let path = Fixtures.directory.appendingPathComponent("hybrids/nemotron_h-latent.json").path
        let spec = try ModelLoader.loadFile(at: path).spec
        let moe = try #require(spec.decoder?.moe)
        #expect(moe.latentSize == 12)
        let experts = line(try FlopCounter(spec: spec).prefill(batch: 1, seq: 10), .experts)
        // 2 expert layers × (2·10·24·12 in + 2·10·12·24 out + top-2 × 2·10·(12·10 + 10·12)).
        let latent: Int = 2 * 10 * 24 * 12 * 2, routed: Int = 2 * 2 * 10 * 12 * 10 * 2
        #expect(experts == Int128(2 * (latent + routed)))
    }

    // MARK: Falcon-H1

    /// `mamba_d_ssm` absent is the class's 1024; null is `mamba_expand × hidden_size`.
    @Test func falconH1MixerWidthFollowsTheClass() throws {
        let absent = try imported(#"{"model_type": "falcon_h1", "hidden_size": 64, "num_hidden_layers": 1, "num_attention_heads": 4, "num_key_value_heads": 4, "vocab_size": 50, "mamba_n_heads": 8}"#)
        #expect(absent.spec.decoder?.stateSpace?.innerSize == 1024 && absent.spec.decoder?.stateSpace?.headDim == 128)
        let null = try imported(#"{"model_type": "falcon_h1", "hidden_size": 64, "num_hidden_layers": 1, "num_attention_heads": 4, "num_key_value_heads": 4, "vocab_size": 50, "mamba_n_heads": 8, "mamba_d_ssm": null}"#)
        #expect(null.spec.decoder?.stateSpace?.innerSize == 128)
        // No gated norm by default: the mixer holds no norm weights of its own.
        #expect(null.spec.decoder?.stateSpace?.hasGatedNorm == false)
    }

    /// Every layer runs both: each caches K and V and keeps a recurrent state; the mixer joins
    /// attention's tensor-parallel reduction.
    @Test func falconH1LayersRunAttentionBesideTheMixer() throws {
        let spec = try catalog("falcon-h1-7b")
        let stack = try #require(ModelOperations(spec).stacks.first)
        #expect(stack.layers.count == 1 && stack.layers[0].count == 44)
        #expect(stack.cachedElementsPerToken == ExactCount(44 * 2 * 2 * 128))
        #expect(stack.recurrentElementsPerSequence == ExactCount(44 * (3584 * 4 + 3072 * 256)))
        #expect(stack.tensorParallelReductionsPerLayer == 2)
    }

    /// The multipliers are element-wise: no matmul FLOP, only `full` counts them.
    @Test func falconH1MultipliersAreElementwise() throws {
        let spec = try catalog("falcon-h1-7b")
        let matmul = try FlopCounter(spec: spec).prefill(batch: 1, seq: 8)
        #expect(line(matmul, .multipliers) == nil && line(matmul, .lmHeadMultiplier) == nil)
        let full = try FlopCounter(spec: spec, convention: .full).prefill(batch: 1, seq: 8)
        let perLayer: Int = 5 * 3072 + 6680 + 256 + 12288
        #expect(line(full, .multipliers) == Int128(8 * (44 * perLayer + 3072)))
        #expect(line(full, .lmHeadMultiplier) == Int128(8 * 130_048))
    }

    // MARK: Specs

    /// A hybrid layout must fit its stack.
    @Test func layoutsThatDoNotFitAreRefusedNamingTheField() throws {
        var spec = try catalog("falcon-h1-7b")
        spec.decoder?.hybrid?.attentionLayers = 40
        #expect(throws: SpecError.self) { try spec.validated(file: "spec") }
        var nemo = try catalog("nemotron-h-8b")
        nemo.decoder?.hybrid?.feedForwardLayers = 50
        let error = try #require(throws: SpecError.self) { try nemo.validated(file: "spec") }
        #expect(error.field?.hasSuffix("hybrid.feedForwardLayers") == true)
    }
}
