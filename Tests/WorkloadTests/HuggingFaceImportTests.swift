import _TestSupport
import Foundation
import Testing
@testable import Workload

/// Each family's quirks land in the spec features the counters read.
@Suite struct HuggingFaceImportTests {
    @Test func gpt2HasLearnedPositionsBiasesEverywhereAndATiedHead() throws {
        let spec = try Fixtures.load("gpt2")
        let d = try #require(spec.decoder)
        #expect(spec.family == "gpt2" && spec.vocabularySize == 50257 && spec.hiddenSize == 768)
        #expect(d.positions == .learned(1024))
        #expect(d.attention.qkvBias && d.attention.outputBias && d.ffn.bias)
        #expect(d.ffn == FFNSpec(intermediateSize: 3072, activation: .geluTanh, bias: true))
        #expect(d.norm == NormSpec(kind: .layerNorm, bias: true) && d.finalNorm)
        #expect(spec.lmHead == LMHeadSpec(tied: true))
        #expect(spec.structure == ReferenceSpecs.gpt2.structure.withFamily("gpt2"))
    }

    @Test func gpt2NullInnerWidthMeansFourTimesTheWidth() throws {
        let spec = try Fixtures.load("gpt2-xl")
        #expect(spec.decoder?.ffn.intermediateSize == 4 * 1600)
        #expect(try Fixtures.importVariant(of: "gpt2", ["n_inner": 1000]).spec.decoder?.ffn.intermediateSize == 1000)
    }

    @Test func llamaIsRMSNormSwiGLURotaryWithoutBiasesAndUntied() throws {
        let spec = try Fixtures.load("llama-2-7b")
        #expect(spec.structure == ReferenceSpecs.llama2_7b.structure.withFamily("llama"))
    }

    @Test func llamaAttentionBiasCoversQKVAndOutputAndMLPBiasTheFFN() throws {
        let spec = try Fixtures.importVariant(of: "llama-2-7b", ["attention_bias": true, "mlp_bias": true]).spec
        #expect(spec.decoder?.attention.qkvBias == true && spec.decoder?.attention.outputBias == true)
        #expect(spec.decoder?.ffn.bias == true)
    }

    @Test func llama32HasExplicitHeadDimGQAAndATiedHead() throws {
        let spec = try Fixtures.load("llama-3.2-1b")
        #expect(spec.decoder?.attention == AttentionSpec(heads: 32, kvHeads: 8, headDim: 64))
        #expect(spec.lmHead?.tied == true)
    }

    @Test func mistralKeepsItsSlidingWindowAndMixtralAddsExperts() throws {
        #expect(try Fixtures.load("mistral-7b").decoder?.slidingWindow == 4096)
        let mixtral = try Fixtures.load("mixtral-8x7b")
        #expect(mixtral.decoder?.moe == MoESpec(experts: 8, topK: 2, routerBias: false))
        #expect(mixtral.decoder?.slidingWindow == nil)
        #expect(mixtral.structure == ReferenceSpecs.mixtral.structure.withFamily("mixtral"))
    }

    @Test func qwen2HasQKVBiasButNoOutputBiasAndHonoursTying() throws {
        let spec = try Fixtures.load("qwen2-0.5b")
        #expect(spec.decoder?.attention.qkvBias == true && spec.decoder?.attention.outputBias == false)
        #expect(spec.lmHead?.tied == true)
        #expect(spec.decoder?.slidingWindow == nil, "use_sliding_window is false")
    }

    @Test func qwen2SlidingWindowOnlyWhenEnabledAndSomeLayerUsesIt() throws {
        let on = try Fixtures.importVariant(of: "qwen2-0.5b", ["use_sliding_window": true, "sliding_window": 4096, "max_window_layers": 0])
        #expect(on.spec.decoder?.slidingWindow == 4096 && on.warnings.isEmpty)
        let partial = try Fixtures.importVariant(of: "qwen2-0.5b", ["use_sliding_window": true, "sliding_window": 4096, "max_window_layers": 12])
        #expect(partial.spec.decoder?.slidingWindow == 4096 && partial.warnings.isEmpty)
        #expect(partial.spec.decoder?.slidingWindowLayers == 12 && partial.spec.decoder?.windowedLayers == 12)
        let none = try Fixtures.importVariant(of: "qwen2-0.5b", ["use_sliding_window": true, "max_window_layers": 24])
        #expect(none.spec.decoder?.slidingWindow == nil)
        let listed = try Fixtures.importVariant(of: "qwen2-0.5b", ["use_sliding_window": true, "sliding_window": 4096,
            "layer_types": Array(repeating: "sliding_attention", count: 24)])
        #expect(listed.spec.decoder?.slidingWindow == 4096 && listed.warnings.isEmpty)
        let full = try Fixtures.importVariant(of: "qwen2-0.5b", ["use_sliding_window": true, "max_window_layers": 0,
            "layer_types": Array(repeating: "full_attention", count: 24)])
        #expect(full.spec.decoder?.slidingWindow == nil)
    }

    @Test func gemmaHasHeadDim256GatedTanhGELUAndATiedHeadByDefault() throws {
        let spec = try Fixtures.load("gemma-2b")
        #expect(spec.decoder?.attention == AttentionSpec(heads: 8, kvHeads: 1, headDim: 256))
        #expect(spec.decoder?.ffn == FFNSpec(intermediateSize: 16384, gated: true, activation: .geluTanh))
        #expect(spec.lmHead == LMHeadSpec(tied: true))
    }

    /// Phi-MoE's sparsemixer picks the best expert, masks it and picks the next: two per token
    /// whatever `num_experts_per_tok` says (measured: `hf-variants/phimoe-top-k-4-ignored.json`).
    @Test func phiMoERoutesEveryTokenToTwoExperts() throws {
        let four = try Fixtures.importVariant(of: "phi-3.5-moe", ["num_experts_per_tok": 4])
        #expect(four.spec.decoder?.moe?.topK == 2)
        #expect(four.warnings.contains { $0.contains("'num_experts_per_tok' = 4 ignored") })
        let two = try Fixtures.importVariant(of: "phi-3.5-moe", ["num_experts_per_tok": 2])
        #expect(two.spec.decoder?.moe?.topK == 2 && !two.warnings.contains { $0.contains("ignored") })
        expectSpecError(field: "num_local_experts", containing: "routes every token to 2") {
            try Fixtures.importVariant(of: "phi-3.5-moe", ["num_local_experts": 1])
        }
    }

    @Test func phiHasOneSharedNormPartialRotaryAndAHeadWithBias() throws {
        let spec = try Fixtures.load("phi-2")
        let d = try #require(spec.decoder)
        #expect(d.block == .parallelSharedNorm)
        #expect(d.positions == .rotary(dimensions: 32))
        #expect(d.attention.qkvBias && d.attention.outputBias && d.ffn.bias && !d.ffn.gated)
        #expect(spec.lmHead == LMHeadSpec(tied: false, bias: true))
    }

    @Test func phiRotaryDimensionsTruncateLikeTransformers() throws {
        // int(80 × 0.5) = 40; int(80 × 0.41) = int(32.8) = 32; int(80 × 0.3125) = 25 is odd → error.
        #expect(try Fixtures.importVariant(of: "phi-2", ["partial_rotary_factor": 0.5]).spec.decoder?.positions == .rotary(dimensions: 40))
        #expect(try Fixtures.importVariant(of: "phi-2", ["partial_rotary_factor": 0.41]).spec.decoder?.positions == .rotary(dimensions: 32))
        #expect(try Fixtures.importVariant(of: "phi-2", ["partial_rotary_factor": 1.0]).spec.decoder?.positions == .rotary())
        expectSpecError(field: "partial_rotary_factor") { try Fixtures.importVariant(of: "phi-2", ["partial_rotary_factor": 0.3125]) }
    }

    /// GPT-NeoX and Phi-3 rotate `cos.shape[-1]` dimensions: `arange(0, dim, 2)` gives an odd
    /// `int(head × fraction)` one more frequency pair, so it rotates one more dimension (Phi slices
    /// `int(…)` and fails, above). Parameters and FLOPs: `hf-variants/*odd*`.
    @Test func anOddRotatedWidthRoundsUpWhereTheModelSlicesTheTableWidth() throws {
        let neox = try Fixtures.importVariant(of: "gpt-neox-20b", ["rotary_pct": 0.1875])  // int(96 × 0.1875) = 18
        #expect(neox.spec.decoder?.positions == .rotary(dimensions: 18))
        let odd = try Fixtures.importVariant(of: "gpt-neox-20b", ["rotary_pct": 0.09375])  // int(9) → 10
        #expect(odd.spec.decoder?.positions == .rotary(dimensions: 10))
        let phi3 = try Fixtures.importVariant(of: "phi-3-mini-4k", ["partial_rotary_factor": 0.3])  // int(96 × 0.3) = 28
        #expect(phi3.spec.decoder?.positions == .rotary(dimensions: 28))
        let phi3Odd = try Fixtures.importVariant(of: "phi-3-mini-4k", ["partial_rotary_factor": 0.28125])  // int(27) → 28
        #expect(phi3Odd.spec.decoder?.positions == .rotary(dimensions: 28))
    }

    @Test func gptNeoXParallelResidualChoosesTheBlockAndRotaryPctTheDimensions() throws {
        let spec = try Fixtures.load("gpt-neox-20b")
        #expect(spec.decoder?.block == .parallelTwoNorms)
        #expect(spec.decoder?.positions == .rotary(dimensions: 24))
        #expect(spec.decoder?.attention.qkvBias == true && spec.decoder?.ffn.bias == true)
        #expect(spec.lmHead == LMHeadSpec(tied: false))
        let sequential = try Fixtures.importVariant(of: "gpt-neox-20b", ["use_parallel_residual": false, "attention_bias": false])
        #expect(sequential.spec.decoder?.block == .sequential)
        #expect(sequential.spec.decoder?.attention.qkvBias == false && sequential.spec.decoder?.ffn.bias == true)
    }

    @Test func optOffsetsPositionsProjectsEmbeddingsAndDropsTheFinalNormWhenPostNorm() throws {
        let small = try Fixtures.load("opt-350m")
        #expect(small.decoder?.positions == .learned(2050))
        #expect(small.embeddingProjectionSize == 512)
        #expect(small.decoder?.finalNorm == false)
        let large = try Fixtures.load("opt-1.3b")
        #expect(large.embeddingProjectionSize == nil && large.decoder?.finalNorm == true)
        #expect(large.decoder?.ffn == FFNSpec(intermediateSize: 8192, activation: .relu, bias: true))
        let removed = try Fixtures.importVariant(of: "opt-1.3b", ["_remove_final_layer_norm": true])
        #expect(removed.spec.decoder?.finalNorm == false)
    }

    @Test func optBiasAndAffineSwitches() throws {
        let spec = try Fixtures.importVariant(of: "opt-1.3b", ["enable_bias": false, "layer_norm_elementwise_affine": false]).spec
        #expect(spec.decoder?.attention.qkvBias == false && spec.decoder?.ffn.bias == false)
        #expect(spec.decoder?.norm == NormSpec(kind: .layerNorm, affine: false))
        #expect(spec.decoder?.norm.parameters(width: 2048) == 0)
    }

    @Test func falcon7bIsMultiQueryWithOneSharedNorm() throws {
        let spec = try Fixtures.load("falcon-7b")
        #expect(spec.decoder?.attention == AttentionSpec(heads: 71, kvHeads: 1, headDim: 64))
        #expect(spec.decoder?.block == .parallelSharedNorm)
        #expect(spec.decoder?.ffn == FFNSpec(intermediateSize: 4 * 4544, activation: .gelu))
        #expect(spec.decoder?.positions == .rotary() && spec.lmHead == LMHeadSpec(tied: true))
    }

    @Test func falconNewArchitectureUsesKVHeadsAndTwoNorms() throws {
        let spec = try Fixtures.load("falcon-40b")
        #expect(spec.decoder?.attention.kvHeads == 8 && spec.decoder?.block == .parallelTwoNorms)
        let oneNorm = try Fixtures.importVariant(of: "falcon-40b", ["num_ln_in_parallel_attn": 1]).spec
        #expect(oneNorm.decoder?.block == .parallelSharedNorm)
        let sequential = try Fixtures.importVariant(of: "falcon-7b", ["parallel_attn": false, "multi_query": false]).spec
        #expect(sequential.decoder?.block == .sequential && sequential.decoder?.attention.kvHeads == 71)
        let alibi = try Fixtures.importVariant(of: "falcon-7b", ["alibi": true, "bias": true]).spec
        #expect(alibi.decoder?.positions == PositionEncoding(kind: .alibi))
        #expect(alibi.decoder?.attention.qkvBias == true && alibi.decoder?.ffn.bias == true)
    }

    @Test func falconOldRefinedWebConfigsAreRead() throws {
        let rw7b: [String: Any] = ["model_type": "RefinedWebModel", "hidden_size": 4544, "n_head": 71, "n_layer": 32,
                                   "multi_query": true, "parallel_attn": true, "bias": false, "alibi": false, "vocab_size": 65024]
        let old = try Fixtures.importConfig(rw7b).spec
        #expect(old.structure.withFamily("falcon") == (try Fixtures.load("falcon-7b")).structure)
        let rw40b: [String: Any] = ["model_type": "RefinedWeb", "hidden_size": 8192, "n_head": 128, "n_head_kv": 8,
                                    "n_layer": 60, "parallel_attn": true, "bias": false, "alibi": false, "vocab_size": 65024]
        let loaded = try Fixtures.importConfig(rw40b)
        #expect(loaded.spec.structure.withFamily("falcon") == (try Fixtures.load("falcon-40b")).structure)
        #expect(loaded.warnings.count == 1)
    }

    @Test func bertIsAPostNormEncoderWithTokenTypesPoolerAndNoHead() throws {
        let spec = try Fixtures.load("bert-base")
        let e = try #require(spec.encoder)
        #expect(spec.decoder == nil && spec.lmHead == nil && spec.pooler)
        #expect(!e.causal && !e.finalNorm && e.embeddingNorm && e.tokenTypes == 2)
        #expect(e.positions == .learned(512) && e.attention.qkvBias && e.attention.outputBias && e.ffn.bias)
    }

    @Test func t5HasRelativeBiasInSelfAttentionOnlyAndNoBiases() throws {
        let spec = try Fixtures.load("t5-base")
        #expect(spec.structure == ReferenceSpecs.t5Base.structure.withFamily("t5"))
        #expect(spec.decoder?.crossAttention?.relativeBiasBuckets == nil)
        #expect(spec.encoder?.causal == false && spec.decoder?.causal == true)
    }

    @Test func t5FeedForwardProjectionSpellings() throws {
        let v11 = try Fixtures.load("t5-v1_1-base")
        #expect(v11.decoder?.ffn == FFNSpec(intermediateSize: 2048, gated: true, activation: .geluTanh))
        #expect(v11.lmHead?.tied == false)
        let silu = try Fixtures.importVariant(of: "t5-base", ["feed_forward_proj": "gated-silu"]).spec
        #expect(silu.encoder?.ffn.gated == true && silu.encoder?.ffn.activation == .silu)
        expectSpecError(field: "feed_forward_proj") { try Fixtures.importVariant(of: "t5-base", ["feed_forward_proj": "gated-gelu-x"]) }
        let decoderLayers = try Fixtures.importVariant(of: "t5-base", ["num_decoder_layers": 3]).spec
        #expect(decoderLayers.encoder?.layers == 12 && decoderLayers.decoder?.layers == 3)
    }

    @Test func mt5IsReadAsT5() throws {
        let spec = try Fixtures.importVariant(of: "t5-v1_1-base", ["model_type": "mt5", "vocab_size": 250112]).spec
        #expect(spec.family == "mt5" && spec.vocabularySize == 250112 && spec.isEncoderDecoder)
    }

    @Test func bartHasOffsetPositionsAndEmbeddingNormsInEachStackAndNoFinalNorm() throws {
        let spec = try Fixtures.load("bart-large")
        for (_, stack) in spec.stacks {
            #expect(stack.positions == .learned(1026) && stack.embeddingNorm && !stack.finalNorm)
            #expect(stack.attention.qkvBias && stack.attention.outputBias && stack.ffn.bias)
        }
        #expect(spec.decoder?.crossAttention != nil && spec.encoder?.crossAttention == nil)
        #expect(spec.lmHead == LMHeadSpec(tied: true, bias: false))
    }

    @Test func importedSpecsNameTheirFileAndFamily() throws {
        let spec = try Fixtures.load("mixtral-8x7b")
        #expect(spec.name == "mixtral-8x7b")
        #expect(spec.source == Fixtures.hfConfig("mixtral-8x7b"))
        #expect(spec.family == "mixtral")
    }

    @Test func knownFamiliesInTheirUsualShapeGiveNoWarnings() throws {
        for name in ["gpt2", "llama-2-7b", "mixtral-8x7b", "gemma-2b", "phi-2", "opt-350m", "falcon-7b", "bert-base", "t5-base", "bart-large"] {
            #expect(try ModelLoader.loadFile(at: Fixtures.hfConfig(name)).warnings.isEmpty, "\(name)")
        }
    }
}

extension ModelSpec {
    func withFamily(_ family: String) -> ModelSpec {
        var copy = self
        copy.family = family
        return copy
    }
}
