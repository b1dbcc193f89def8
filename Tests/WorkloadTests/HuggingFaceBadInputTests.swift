import Foundation
import Testing
@testable import Workload

/// Every malformed or contradictory config is one `SpecError` naming the key.
@Suite struct HuggingFaceBadInputTests {
    @Test func aFieldOfTheWrongTypeIsNamed() {
        let error = expectSpecError(field: "num_hidden_layers", containing: "string \"32\"") {
            try Fixtures.importVariant(of: "llama-2-7b", ["num_hidden_layers": "32"])
        }
        #expect(error?.file == Fixtures.hfConfig("llama-2-7b"))
        expectSpecError(field: "num_hidden_layers", containing: "boolean") {
            try Fixtures.importVariant(of: "llama-2-7b", ["num_hidden_layers": true])
        }
        expectSpecError(field: "tie_word_embeddings") { try Fixtures.importVariant(of: "llama-2-7b", ["tie_word_embeddings": "yes"]) }
        expectSpecError(field: "num_hidden_layers") { try Fixtures.importVariant(of: "llama-2-7b", ["num_hidden_layers": 32.5]) }
        expectSpecError(field: "rope_parameters.partial_rotary_factor") {
            try Fixtures.importVariant(of: "phi-2", ["partial_rotary_factor": nil, "rope_parameters": ["partial_rotary_factor": "0.4"]])
        }
    }

    /// An absent size takes the class default (`HuggingFaceClassDefaultsTests`); a `null` one is
    /// refused, as the `int` fields of the transformers 5 config classes refuse `None`.
    @Test func nullStructuralFieldsAreNamed() {
        expectSpecError(field: "intermediate_size", containing: "missing") {
            try Fixtures.importVariant(of: "llama-2-7b", ["intermediate_size": NSNull()])
        }
        expectSpecError(field: "n_embd' or 'hidden_size") { try Fixtures.importVariant(of: "gpt2", ["n_embd": NSNull()]) }
        expectSpecError(field: "num_local_experts' or 'num_experts") { try Fixtures.importVariant(of: "mixtral-8x7b", ["num_local_experts": NSNull()]) }
    }

    /// transformers 5.23's sliding cache keeps `[-window + 1:]` of the history: for a window of 1
    /// that is all of it, while the mask lets a token see only itself — refused, in every family.
    @Test func aSelfOnlyWindowIsRefused() {
        expectSpecError(field: "sliding_window", containing: "window of 1") { try Fixtures.importVariant(of: "mistral-7b", ["sliding_window": 1]) }
        expectSpecError(field: "sliding_window", containing: "window of 1") { try Fixtures.importVariant(of: "gemma-2-2b", ["sliding_window": 1]) }
        #expect(throws: Never.self) { try Fixtures.importVariant(of: "mistral-7b", ["sliding_window": 2]) }
        // Qwen2 ignores its window unless use_sliding_window is true.
        #expect(throws: Never.self) { try Fixtures.importVariant(of: "qwen2-0.5b", ["sliding_window": 1, "use_sliding_window": false]) }
    }

    /// Qwen2/3 set `sliding_window` to `None` (Qwen2-MoE to 0) unless `use_sliding_window`; a
    /// `layer_types` that still lists sliding layers makes transformers 5.23 fail on them.
    @Test func slidingLayersWithoutAWindowAreRefused() {
        let types: [String] = ["sliding_attention"] + Array(repeating: "full_attention", count: 23)
        expectSpecError(field: "layer_types", containing: "no window applies") {
            try Fixtures.importVariant(of: "qwen2-0.5b", ["use_sliding_window": false, "sliding_window": 4096, "layer_types": types])
        }
        expectSpecError(field: "layer_types", containing: "no window applies") {
            try Fixtures.importVariant(of: "qwen2-0.5b", ["use_sliding_window": true, "sliding_window": NSNull(), "layer_types": types])
        }
        expectSpecError(field: "layer_types", containing: "no window applies") {
            try Fixtures.importVariant(of: "qwen1.5-moe-a2.7b", ["use_sliding_window": false, "layer_types": types])
        }
        let full: [String] = Array(repeating: "full_attention", count: 24)
        #expect(throws: Never.self) { try Fixtures.importVariant(of: "qwen2-0.5b", ["use_sliding_window": false, "layer_types": full]) }
    }

    @Test func unknownFamiliesStillNeedTheirStructuralFields() {
        expectSpecError(field: "model_type", containing: "missing") {
            try Fixtures.importConfig(["model_type": "not_a_family", "hidden_size": 64])
        }
    }

    @Test func nonPositiveAndHugeSizesAreRefused() {
        expectSpecError(field: "num_hidden_layers", containing: "positive") { try Fixtures.importVariant(of: "llama-2-7b", ["num_hidden_layers": 0]) }
        expectSpecError(field: "vocab_size") { try Fixtures.importVariant(of: "llama-2-7b", ["vocab_size": -5]) }
        expectSpecError(field: "hidden_size", containing: "2^31") { try Fixtures.importVariant(of: "llama-2-7b", ["hidden_size": 1 << 50]) }
        expectSpecError(field: "vocab_size") { try Fixtures.importVariant(of: "llama-2-7b", ["vocab_size": 1e30]) }
    }

    /// `transformers` maps `num_hidden_layers` onto `encoder_layers` (BART), `n_layer` (GPT-2),
    /// `num_layers` (T5); which spelling wins depends on its version, so a disagreement is refused.
    @Test func aliasesThatDisagreeAreAContradiction() {
        expectSpecError(field: "num_hidden_layers", containing: "contradicts 'encoder_layers' = 12") {
            try Fixtures.importVariant(of: "bart-large", ["num_hidden_layers": 2])
        }
        expectSpecError(field: "hidden_size", containing: "contradicts 'n_embd'") { try Fixtures.importVariant(of: "gpt2", ["hidden_size": 1024]) }
        expectSpecError(field: "num_attention_heads") { try Fixtures.importVariant(of: "t5-base", ["num_attention_heads": 16]) }
        // FalconConfig lets `n_embed` win over `hidden_size`; 71 heads do not divide 4096.
        expectSpecError(field: "num_attention_heads") { try Fixtures.importVariant(of: "falcon-7b", ["n_embed": 4096]) }
        #expect(throws: Never.self) { try Fixtures.importVariant(of: "gpt2", ["hidden_size": 768, "num_hidden_layers": 12]) }
    }

    @Test func contradictoryHeadCountsAreNamed() {
        expectSpecError(field: "num_key_value_heads", containing: "divide") {
            try Fixtures.importVariant(of: "llama-2-7b", ["num_key_value_heads": 5])
        }
        expectSpecError(field: "num_attention_heads", containing: "do not divide") {
            try Fixtures.importVariant(of: "llama-2-7b", ["num_attention_heads": 30, "num_key_value_heads": nil])
        }
        expectSpecError(field: "n_head") { try Fixtures.importVariant(of: "gpt2", ["n_head": 7]) }
        expectSpecError(field: "num_experts_per_tok") { try Fixtures.importVariant(of: "mixtral-8x7b", ["num_experts_per_tok": 9]) }
        expectSpecError(field: "num_kv_heads") { try Fixtures.importVariant(of: "falcon-40b", ["num_kv_heads": 7]) }
    }

    @Test func malformedJSONIsOneLine() {
        let broken = Data("{\"model_type\": \"llama\", \"hidden_size\": 4096,,}".utf8)
        expectSpecError(containing: "malformed JSON") { try HuggingFaceConfig.importConfig(broken, file: "x.json", name: "x") }
        expectSpecError(containing: "JSON object") { try HuggingFaceConfig.importConfig(Data("[1, 2]".utf8), file: "x.json", name: "x") }
    }

    @Test func unknownFamilyWithoutStructureListsTheMissingFields() {
        let error = expectSpecError(field: "model_type", containing: "missing") {
            try Fixtures.importConfig(["model_type": "rwkv", "hidden_size": 768, "vocab_size": 50280])
        }
        #expect(error?.message.contains("num_hidden_layers") == true)
        #expect(error?.message.contains("num_attention_heads") == true)
        #expect(error?.message.contains("d_model") == false, "present fields are not listed")
    }

    @Test func unknownFamilyWithStructureIsAGenericDecoderWithWarnings() throws {
        let loaded = try Fixtures.importConfig([
            "model_type": "internlm2", "hidden_size": 4096, "num_hidden_layers": 32, "num_attention_heads": 32,
            "num_key_value_heads": 8, "vocab_size": 92544, "intermediate_size": 14336, "hidden_act": "silu",
            "rms_norm_eps": 1e-5, "max_position_embeddings": 32768, "tie_word_embeddings": false,
        ])
        let d = try #require(loaded.spec.decoder)
        #expect(loaded.spec.family == "internlm2")
        #expect(d.attention == AttentionSpec(heads: 32, kvHeads: 8, headDim: 128))
        #expect(d.ffn == FFNSpec(intermediateSize: 14336, gated: true, activation: .silu))
        #expect(d.norm.kind == .rmsNorm && d.positions == .rotary() && loaded.spec.lmHead?.tied == false)
        for topic in ["RMSNorm", "gated", "LM head", "bias", "rotary"] {
            #expect(loaded.warnings.contains { $0.contains(topic) }, "a warning about \(topic)")
        }
    }

    /// An absent `tie_word_embeddings` takes the default of transformers' class for the type
    /// (`CohereConfig`: true; see `GenericDecoderHonestyTests` for the untied ones).
    @Test func genericDecoderTiesTheHeadWhenTheKeyIsAbsentAndReadsUseBias() throws {
        let loaded = try Fixtures.importConfig([
            "model_type": "cohere", "hidden_size": 3072, "num_hidden_layers": 30, "num_attention_heads": 24,
            "num_key_value_heads": 2, "vocab_size": 49152, "intermediate_size": 12288, "hidden_act": "gelu_pytorch_tanh",
            "use_bias": true,
        ])
        #expect(loaded.spec.lmHead?.tied == true)
        #expect(loaded.spec.decoder?.attention.qkvBias == true && loaded.spec.decoder?.ffn.bias == true)
        #expect(loaded.warnings.contains { $0.contains("absent: the default of transformers' config class for 'cohere', true") })
    }

    @Test func genericDecoderReadsOtherSpellings() throws {
        let loaded = try Fixtures.importConfig([
            "model_type": "gptj", "n_embd": 4096, "n_layer": 28, "n_head": 16, "vocab_size": 50400, "n_inner": 16384,
            "activation_function": "gelu_new", "layer_norm_epsilon": 1e-5, "rotary_dim": 64,
        ])
        #expect(loaded.spec.decoder?.ffn == FFNSpec(intermediateSize: 16384, activation: .geluTanh))
        #expect(loaded.spec.decoder?.norm.kind == .layerNorm)
        #expect(!loaded.warnings.isEmpty)
    }

    @Test func unknownActivationIsAWarningNotAnError() throws {
        let loaded = try Fixtures.importVariant(of: "llama-2-7b", ["hidden_act": "squared_relu"])
        #expect(loaded.spec.decoder?.ffn.activation == .gelu)
        #expect(loaded.warnings.count == 1 && loaded.warnings[0].contains("hidden_act"))
    }

    @Test func unmodelledOptionsAreWarningsAndModelledOnesAreNot() throws {
        let phi = try Fixtures.importVariant(of: "phi-2", ["qk_layernorm": true])
        #expect(phi.warnings.isEmpty && phi.spec.decoder?.attention.qkNorm == .perHead)
        #expect(try Fixtures.importVariant(of: "gpt2", ["add_cross_attention": true]).warnings.count == 1)
    }
}
