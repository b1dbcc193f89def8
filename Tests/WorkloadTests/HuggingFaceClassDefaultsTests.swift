import Foundation
import Testing
@testable import Workload

/// An absent key takes the default of the `transformers` 5.23.0 config class of its family, a
/// `null` the class's `None` handling — and every default that changes a count is named in a
/// warning. (The exact figures of these configs against transformers are in `hf_measured.json`:
/// `Fixtures/hf-variants/*-class-defaults.json` and the `*-absent-*` variants.)
@Suite struct HuggingFaceClassDefaultsTests {
    @Test func aBareLlamaConfigIsLlamaConfigsDefaultsWhichAreLlama2_7B() throws {
        let loaded = try Fixtures.importConfig(["model_type": "llama"])
        #expect(try ParameterCount.report(for: loaded.spec).total == 6_738_415_616)
        let warning = try #require(loaded.warnings.first)
        for field in ["LlamaConfig", "vocab_size = 32000", "hidden_size = 4096", "intermediate_size = 11008",
                      "num_hidden_layers = 32", "num_attention_heads = 32", "max_position_embeddings = 2048"] {
            #expect(warning.contains(field), "\(warning)")
        }
    }

    @Test func aConfigThatSetsEveryFieldGetsNoDefaultsWarning() throws {
        let loaded = try ModelLoader.loadFile(at: Fixtures.hfConfig("llama-2-7b"))
        #expect(!loaded.warnings.contains { $0.contains("defaults") })
    }

    @Test func absentKeyValueHeadsTakeTheClassDefault() throws {
        let base: [String: Any] = ["hidden_size": 64, "num_attention_heads": 16, "num_hidden_layers": 2,
                                   "intermediate_size": 96, "vocab_size": 211, "max_position_embeddings": 256]
        for (type, kv) in [("mistral", 8), ("mixtral", 8), ("llama", 16), ("phi", 16)] {
            var values = base.merging(["model_type": type]) { $1 }
            if type == "mixtral" { values["num_local_experts"] = 4; values["num_experts_per_tok"] = 2 }
            #expect(try Fixtures.importConfig(values).spec.decoder?.attention.kvHeads == kv, "\(type)")
        }
        let qwen = base.merging(["model_type": "qwen2", "hidden_size": 128, "num_attention_heads": 64]) { $1 }
        #expect(try Fixtures.importConfig(qwen).spec.decoder?.attention.kvHeads == 32)
        // `null` is `None`: as many key/value heads as heads.
        #expect(try Fixtures.importConfig(qwen.merging(["num_key_value_heads": NSNull()]) { $1 }).spec.decoder?.attention.kvHeads == 64)
    }

    @Test func aClassDefaultThatDoesNotDivideTheHeadsIsAClearError() {
        let error = expectSpecError(field: "num_key_value_heads", containing: "MistralConfig's default") {
            try Fixtures.importConfig(["model_type": "mistral", "hidden_size": 48, "num_attention_heads": 6, "num_hidden_layers": 2,
                                       "intermediate_size": 96, "vocab_size": 211])
        }
        #expect(error?.message.contains("8 key/value heads must divide the 6 attention heads") == true)
    }

    @Test func gemmaHeadsAre256WideAndSixteenKeyValueHeadsByDefault() throws {
        let spec = try Fixtures.importConfig(["model_type": "gemma", "hidden_size": 64, "num_attention_heads": 16,
                                              "num_hidden_layers": 2, "intermediate_size": 96, "vocab_size": 211]).spec
        #expect(spec.decoder?.attention == AttentionSpec(heads: 16, kvHeads: 16, headDim: 256))
        expectSpecError(field: "num_key_value_heads", containing: "GemmaConfig's default") {
            try Fixtures.importConfig(["model_type": "gemma", "num_attention_heads": 4])
        }
    }

    @Test func mistralSlidingWindowAbsentIs4096AndNullIsNone() throws {
        let absent = try Fixtures.importVariant(of: "mistral-7b", ["sliding_window": nil])
        #expect(absent.spec.decoder?.slidingWindow == 4096)
        #expect(absent.warnings.contains { $0.contains("sliding_window = 4096") })
        let null = try Fixtures.importVariant(of: "mistral-7b", ["sliding_window": NSNull()])
        #expect(null.spec.decoder?.slidingWindow == nil && null.warnings.isEmpty)
        // Mixtral's class has no window.
        #expect(try Fixtures.importVariant(of: "mixtral-8x7b", ["sliding_window": nil]).spec.decoder?.slidingWindow == nil)
    }

    @Test func qwen2WindowDefaultsOnlyWhenTheWindowIsOn() throws {
        let on = try Fixtures.importVariant(of: "qwen2-0.5b", ["use_sliding_window": true, "sliding_window": nil, "max_window_layers": nil])
        // 24 layers, window from layer 28 on: no layer slides.
        #expect(on.spec.decoder?.slidingWindow == nil)
        #expect(on.warnings.contains { $0.contains("max_window_layers = 28") && $0.contains("sliding_window = 4096") })
        let off = try Fixtures.importVariant(of: "qwen2-0.5b", ["sliding_window": nil, "max_window_layers": nil])
        #expect(off.warnings.isEmpty, "an unused default is not reported")
    }

    @Test func llamaFamiliesIgnorePartialRotaryFactorAndSaySo() throws {
        for changes: [String: Any?] in [["partial_rotary_factor": 0.5],
                                        ["rope_parameters": ["rope_type": "default", "rope_theta": 10000.0, "partial_rotary_factor": 0.5]]] {
            let loaded = try Fixtures.importVariant(of: "llama-2-7b", changes)
            #expect(loaded.spec.decoder?.positions == .rotary())
            #expect(loaded.warnings.contains { $0.contains("partial_rotary_factor") && $0.contains("ignored") })
        }
    }

    @Test func phiRotaryFractionPrecedenceAndHeadDim() throws {
        // Absent: PhiConfig's 0.5.
        #expect(try Fixtures.importVariant(of: "phi-2", ["partial_rotary_factor": nil]).spec.decoder?.positions == .rotary(dimensions: 40))
        // rope_parameters beats the top level.
        let both = try Fixtures.importVariant(of: "phi-2", ["partial_rotary_factor": 0.25,
            "rope_parameters": ["rope_type": "default", "rope_theta": 10000.0, "partial_rotary_factor": 1.0]])
        #expect(both.spec.decoder?.positions == .rotary())
        let headDim = try Fixtures.importVariant(of: "phi-2", ["head_dim": 40]).spec.decoder
        #expect(headDim?.attention.headDim == 40 && headDim?.positions == .rotary(dimensions: 16))
    }

    @Test func phi3ReadsItsPartialRotaryFractionWhereLlamaIgnoresIt() throws {
        // Phi-3-mini: the whole head, a window of 2047, untied, no warning about rotary keys.
        let mini = try Fixtures.load("phi-3-mini-4k")
        #expect(mini.decoder?.positions == .rotary())
        #expect(mini.decoder?.slidingWindow == 2047)
        #expect(mini.lmHead?.tied == false)
        // Phi-4-mini-like: int(128 × 0.75) = 96 rotated dimensions, tied head.
        let four = try Fixtures.importVariant(of: "phi-3-mini-4k", [
            "num_attention_heads": 24, "num_key_value_heads": 8, "partial_rotary_factor": 0.75, "tie_word_embeddings": true])
        #expect(four.spec.decoder?.positions == .rotary(dimensions: 96))
        #expect(!four.warnings.contains { $0.contains("ignored") })
        // The same key on a Llama config is reported and ignored.
        let llama = try Fixtures.importVariant(of: "phi-3-mini-4k", ["model_type": "llama", "partial_rotary_factor": 0.75])
        #expect(llama.spec.decoder?.positions == .rotary())
        #expect(llama.warnings.contains { $0.contains("'partial_rotary_factor' ignored") })
    }

    @Test func gemma2HasFourNormsPerLayerAndWindowsEveryOtherLayer() throws {
        let small: [String: Any] = ["model_type": "gemma2", "hidden_size": 64, "intermediate_size": 96, "num_attention_heads": 4,
                                    "num_key_value_heads": 2, "head_dim": 16, "num_hidden_layers": 5, "vocab_size": 211]
        let alternating = try Fixtures.importConfig(small).spec.decoder
        #expect(alternating?.block == .sandwichNorms && alternating?.normsPerLayer == 4)
        // Layers 0, 2, 4 slide (Gemma2Config's default layer_types), over the class's 4096.
        #expect(alternating?.slidingWindow == 4096 && alternating?.slidingWindowLayers == 3)
        let allFull = try Fixtures.importConfig(small.merging(["sliding_window": NSNull(), "layer_types": Array(repeating: "full_attention", count: 5)]) { $1 })
        #expect(allFull.spec.decoder?.slidingWindow == nil)
        expectSpecError(field: "sliding_window") { try Fixtures.importConfig(small.merging(["sliding_window": NSNull()]) { $1 }) }
        expectSpecError(field: "layer_types") {
            try Fixtures.importConfig(small.merging(["layer_types": ["full_attention", "sliding_attention"]]) { $1 })
        }
        expectSpecError(field: "layer_types") {
            try Fixtures.importConfig(small.merging(["layer_types": Array(repeating: "chunked_attention", count: 5)]) { $1 })
        }
    }

    @Test func gptBigCodeIsGPT2WithMultiQuery() throws {
        let starcoder = try Fixtures.load("starcoder")
        #expect(starcoder.decoder?.attention.kvHeads == 1 && starcoder.decoder?.attention.heads == 48)
        #expect(starcoder.decoder?.positions == .learned(8192))
        #expect(starcoder.decoder?.norm.kind == .layerNorm && starcoder.lmHead?.tied == true)
        #expect(try ParameterCount.report(for: starcoder).total == 15_517_456_384)
        // multi_query defaults to true in GPTBigCodeConfig; false is GPT-2's attention.
        let small: [String: Any] = ["model_type": "gpt_bigcode", "n_embd": 64, "n_head": 4, "n_layer": 2, "n_positions": 256, "vocab_size": 211]
        #expect(try Fixtures.importConfig(small).spec.decoder?.attention.kvHeads == 1)
        #expect(try Fixtures.importConfig(small.merging(["multi_query": false]) { $1 }).spec.decoder?.attention.kvHeads == 4)
        expectSpecError(field: "add_cross_attention") {
            try Fixtures.importConfig(small.merging(["add_cross_attention": true]) { $1 })
        }
    }

    @Test func starcoder2HasLayerNormsAPlainFFNAndUseBias() throws {
        let three = try Fixtures.load("starcoder2-3b")
        #expect(three.decoder?.norm.kind == .layerNorm && three.decoder?.ffn.gated == false)
        #expect(three.decoder?.attention.qkvBias == true && three.decoder?.ffn.bias == true)
        #expect(three.decoder?.slidingWindow == 4096 && three.lmHead?.tied == true)
        #expect(try ParameterCount.report(for: three).total == 3_030_371_328)
        let plain = try Fixtures.importVariant(of: "starcoder2-3b", ["use_bias": false]).spec.decoder
        #expect(plain?.attention.qkvBias == false && plain?.attention.outputBias == false && plain?.ffn.bias == false)
    }

    @Test func qwenMoEHasNarrowExpertsASharedGatedExpertAndDenseLayers() throws {
        // Qwen1.5-MoE-A2.7B: 60 experts of 1408 (4 active), a shared expert of 5632 behind a gate.
        let a27 = try Fixtures.load("qwen1.5-moe-a2.7b")
        #expect(a27.decoder?.moe == MoESpec(experts: 60, topK: 4, expertIntermediateSize: 1408,
                                             sharedExpertIntermediateSize: 5632, sharedExpertGate: true))
        let report = try ParameterCount.report(for: a27)
        #expect(report.total == 14_315_784_192)
        // Active: all but the 56 idle experts of each layer, 24 × 56 × 3·2048·1408 = 11,626,610,688.
        #expect(report.active == 2_689_173_504)
        // Sparse where (i + 1) % step == 0 and i is not in mlp_only_layers: of 6 layers with step 2
        // and [1, 3] dense-only, only layer 5 holds experts.
        let mixed = try Fixtures.importVariant(of: "qwen1.5-moe-a2.7b", ["num_hidden_layers": 6, "decoder_sparse_step": 2, "mlp_only_layers": [1, 3]])
        #expect(mixed.spec.decoder?.moe?.denseLayers == 5)
        #expect(try Fixtures.importVariant(of: "qwen1.5-moe-a2.7b", ["num_experts": 0]).spec.decoder?.moe == nil)
        // A null shared width is the dense width (Qwen2MoeMLP's fallback); zero is refused.
        #expect(try Fixtures.importVariant(of: "qwen1.5-moe-a2.7b", ["intermediate_size": 4096, "shared_expert_intermediate_size": NSNull()])
            .spec.decoder?.moe?.sharedExpertIntermediateSize == 4096)
        expectSpecError(field: "shared_expert_intermediate_size") {
            try Fixtures.importVariant(of: "qwen1.5-moe-a2.7b", ["shared_expert_intermediate_size": 0])
        }
        // Qwen3-30B-A3B: 128 experts of 768, 8 active, no shared expert; q/k norms.
        let a3b = try Fixtures.load("qwen3-30b-a3b")
        #expect(a3b.decoder?.moe == MoESpec(experts: 128, topK: 8, expertIntermediateSize: 768))
        #expect(a3b.decoder?.attention.qkNorm == .perHead)
        #expect(try ParameterCount.report(for: a3b).total == 30_532_122_624)
        let small: [String: Any] = ["model_type": "qwen3_moe", "hidden_size": 64, "num_attention_heads": 4, "num_hidden_layers": 2,
                                    "intermediate_size": 96, "vocab_size": 211, "num_experts": 4, "num_experts_per_tok": 2]
        expectSpecError(field: "decoder_sparse_step") { try Fixtures.importConfig(small.merging(["decoder_sparse_step": 0]) { $1 }) }
        expectSpecError(field: "num_experts_per_tok") { try Fixtures.importConfig(small.merging(["num_experts_per_tok": 5]) { $1 }) }
        expectSpecError(field: "mlp_only_layers") { try Fixtures.importConfig(small.merging(["mlp_only_layers": ["one"]]) { $1 }) }
    }

    @Test func gemma3TextAddsQKNormsFiveLocalLayersInSixAndTwoRotaryTables() throws {
        let one = try Fixtures.load("gemma-3-1b")
        #expect(one.decoder?.block == .sandwichNorms && one.decoder?.attention.qkNorm == .perHead)
        #expect(one.decoder?.slidingWindow == 512 && one.decoder?.slidingWindowLayers == 22)
        #expect(one.decoder?.positions.rotaryTables == 2)
        #expect(try ParameterCount.report(for: one).total == 999_885_952)
        // Bidirectional: Gemma3TextConfig halves the window (512 // 2 + 1) and drops the mask.
        let both = try Fixtures.importVariant(of: "gemma-3-1b", ["use_bidirectional_attention": true]).spec.decoder
        #expect(both?.slidingWindow == 257 && both?.causal == false)
        // One kind of layer, one table.
        let local = try Fixtures.importVariant(of: "gemma-3-1b", ["sliding_window_pattern": 100]).spec.decoder
        #expect(local?.slidingWindowLayers == nil && local?.positions.rotaryTables == nil)
        expectSpecError(field: "sliding_window") { try Fixtures.importVariant(of: "gemma-3-1b", ["sliding_window": NSNull()]) }
        expectSpecError(field: "sliding_window_pattern") { try Fixtures.importVariant(of: "gemma-3-1b", ["sliding_window_pattern": 0]) }
    }

    @Test func gptNeoXRotaryFractionPrecedence() throws {
        #expect(try Fixtures.importVariant(of: "gpt-neox-20b", ["rotary_pct": nil]).spec.decoder?.positions == .rotary(dimensions: 24))
        let params = try Fixtures.importVariant(of: "gpt-neox-20b", [
            "rope_parameters": ["rope_type": "default", "rope_theta": 10000.0, "partial_rotary_factor": 0.5]])
        #expect(params.spec.decoder?.positions == .rotary(dimensions: 48))
        let topLevel = try Fixtures.importVariant(of: "gpt-neox-20b", ["rotary_pct": nil, "partial_rotary_factor": 0.5])
        #expect(topLevel.spec.decoder?.positions == .rotary(dimensions: 24))
        #expect(topLevel.warnings.contains { $0.contains("'partial_rotary_factor' ignored") })
    }

    @Test func mt5FeedForwardDefaultsToGatedGELUAndT5ToReLU() throws {
        let base: [String: Any] = ["d_model": 64, "d_kv": 16, "num_heads": 4, "num_layers": 2, "d_ff": 96, "vocab_size": 211]
        let mt5 = try Fixtures.importConfig(base.merging(["model_type": "mt5"]) { $1 })
        #expect(mt5.spec.encoder?.ffn == FFNSpec(intermediateSize: 96, gated: true, activation: .geluTanh))
        #expect(mt5.warnings.contains { $0.contains("feed_forward_proj = \"gated-gelu\"") })
        let t5 = try Fixtures.importConfig(base.merging(["model_type": "t5"]) { $1 })
        #expect(t5.spec.encoder?.ffn == FFNSpec(intermediateSize: 96, activation: .relu) && t5.warnings.isEmpty)
    }

    @Test func falconIgnoresTheRefinedWebSpellingsAsFalconConfigDoes() throws {
        let loaded = try Fixtures.importConfig(["model_type": "falcon", "hidden_size": 142, "n_head": 71, "n_layer": 2,
                                                "vocab_size": 211, "new_decoder_architecture": false])
        #expect(loaded.spec.decoder?.layers == 32 && loaded.spec.decoder?.attention.heads == 71)
        #expect(loaded.warnings.contains { $0.contains("'n_head'") && $0.contains("'n_layer'") && $0.contains("ignored") })
        let kv = try Fixtures.importConfig(["model_type": "falcon", "hidden_size": 64, "num_attention_heads": 4, "num_hidden_layers": 2,
                                            "vocab_size": 211, "new_decoder_architecture": true, "n_head_kv": 2])
        #expect(kv.spec.decoder?.attention.kvHeads == 4)
        #expect(kv.warnings.contains { $0.contains("'n_head_kv'") })
        let embed = try Fixtures.importConfig(["model_type": "falcon", "n_embed": 64, "hidden_size": 128, "num_attention_heads": 4,
                                               "num_hidden_layers": 2, "vocab_size": 211])
        #expect(embed.spec.hiddenSize == 64 && embed.warnings.contains { $0.contains("'n_embed' = 64 overrides") })
    }

    @Test func crossAttentionOfDecoderOnlyModelsIsCountedInParametersOnly() throws {
        let gpt2 = try Fixtures.importConfig(["model_type": "gpt2", "n_embd": 48, "n_head": 4, "n_layer": 2, "n_positions": 256,
                                              "vocab_size": 211, "add_cross_attention": true])
        #expect(try ParameterCount.report(for: gpt2.spec).total == 98_064)   // GPT2LMHeadModel, transformers 5.23.0
        let flops = try FlopCounter(spec: gpt2.spec).prefill(batch: 2, seq: 17, decoderSeq: nil)
        #expect(!flops.components.contains { $0.name.contains("cross") })
        let bert = try Fixtures.importConfig(["model_type": "bert", "hidden_size": 64, "num_attention_heads": 4, "num_hidden_layers": 2,
                                              "intermediate_size": 96, "vocab_size": 211, "max_position_embeddings": 256,
                                              "is_decoder": true, "add_cross_attention": true])
        #expect(try ParameterCount.report(for: bert.spec).total == 126_528)   // BertModel, transformers 5.23.0
        expectSpecError(field: "add_cross_attention") {
            try Fixtures.importConfig(["model_type": "bert", "add_cross_attention": true])
        }
    }

    @Test func bertRelativePositionTypeIsNotReadByTransformers5() throws {
        let loaded = try Fixtures.importVariant(of: "bert-base", ["position_embedding_type": "relative_key"])
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.spec.encoder == (try Fixtures.load("bert-base")).encoder)
    }
}

/// The generic decoder reading: class defaults where `transformers` has a class, honest
/// warnings for what it ignores, and a refusal where a guess would be far off.
@Suite struct GenericDecoderHonestyTests {
    static var decoder: [String: Any] { ["hidden_size": 64, "num_attention_heads": 4, "num_key_value_heads": 2,
                                         "num_hidden_layers": 2, "intermediate_size": 96, "vocab_size": 211,
                                         "max_position_embeddings": 256, "hidden_act": "silu"] }

    @Test func absentTieTakesTheTransformersClassDefault() throws {
        for (type, tied) in [("granite", false), ("stablelm", false), ("qwen2_moe_like_unknown", true), ("cohere", true), ("gptj", false)] {
            var values = Self.decoder.merging(["model_type": type]) { $1 }
            if type == "gptj" { values["rotary_dim"] = 8 }
            let loaded = try Fixtures.importConfig(values)
            #expect(loaded.spec.lmHead?.tied == tied, "\(type)")
            #expect(loaded.warnings.contains { $0.contains("LM head") }, "\(type)")
        }
    }

    @Test func hybridStacksAreRefusedNotReadAsAttention() throws {
        let hybrid = Self.decoder.merging(["model_type": "lfm2", "layer_types": ["conv", "full_attention"]]) { $1 }
        expectSpecError(field: "layer_types", containing: "\"conv\"") { try Fixtures.importConfig(hybrid) }
        let attentionOnly = Self.decoder.merging(["model_type": "some_llama", "layer_types": ["sliding_attention", "full_attention"],
                                                  "sliding_window": 16]) { $1 }
        #expect(try Fixtures.importConfig(attentionOnly).warnings.contains { $0.contains("'layer_types'") })
    }

    @Test func mixtureOfExpertsConfigsAreRefused() {
        expectSpecError(field: "num_experts", containing: "mixture-of-experts") {
            try Fixtures.importConfig(Self.decoder.merging(["model_type": "jetmoe", "num_experts": 4, "moe_intermediate_size": 32]) { $1 })
        }
    }

    @Test func multiQueryAndRotaryDimAreRead() throws {
        // A family llmcost has no mapping for (GPTBigCode now has one: gptBigCodeIsGPT2WithMultiQuery).
        let bigcode = try Fixtures.importConfig(["model_type": "bigcode_like_unknown", "n_embd": 64, "n_head": 4, "n_layer": 2, "n_positions": 256,
                                                 "vocab_size": 211, "n_inner": 96, "multi_query": true,
                                                 "activation_function": "gelu_pytorch_tanh", "layer_norm_epsilon": 1e-5])
        #expect(bigcode.spec.decoder?.attention.kvHeads == 1)
        #expect(bigcode.warnings.contains { $0.contains("'multi_query'") })
        #expect(bigcode.warnings.contains { $0.contains("'n_positions'") && $0.contains("learned position table") })
        let gptj = try Fixtures.importConfig(["model_type": "gptj", "n_embd": 64, "n_head": 4, "n_layer": 2, "vocab_size": 211,
                                              "n_inner": 96, "rotary_dim": 8, "activation_function": "gelu_new"])
        #expect(gptj.spec.decoder?.positions == .rotary(dimensions: 8))
    }

    @Test func structuralFieldsTheReadingIgnoresAreNamed() throws {
        let gemma3 = try Fixtures.importConfig(Self.decoder.merging([
            "model_type": "gemma3", "hidden_act": NSNull(), "hidden_activation": "gelu_pytorch_tanh", "sliding_window": 64]) { $1 })
        #expect(gemma3.spec.decoder?.ffn.gated == true)
        #expect(gemma3.warnings.contains { $0.contains("'sliding_window' = 64") })
    }
}
