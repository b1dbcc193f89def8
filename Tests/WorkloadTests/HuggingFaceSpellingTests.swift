import Foundation
import Testing
@testable import Workload

/// Old and new spellings of the same architecture give the same spec.
@Suite struct HuggingFaceSpellingTests {
    @Test func ropeThetaAndRopeParametersGiveTheSameSpec() throws {
        let old = try Fixtures.importVariant(of: "llama-2-7b", ["rope_theta": 10000.0])
        let new = try Fixtures.importVariant(of: "llama-2-7b", ["rope_theta": nil, "rope_scaling": nil,
            "rope_parameters": ["rope_type": "default", "rope_theta": 10000.0]])
        #expect(old.spec == new.spec)
    }

    @Test func headDimAbsentNullOrExplicitAreTheSameWhenTheyAgree() throws {
        let absent = try Fixtures.importVariant(of: "llama-2-7b", ["head_dim": nil]).spec
        let null = try Fixtures.importVariant(of: "llama-2-7b", ["head_dim": NSNull()]).spec
        let explicit = try Fixtures.importVariant(of: "llama-2-7b", ["head_dim": 128]).spec
        #expect(absent == null && null == explicit)
        let different = try Fixtures.importVariant(of: "llama-2-7b", ["head_dim": 96]).spec
        #expect(different.decoder?.attention.headDim == 96)
    }

    /// `Qwen3MoeConfig` maps `num_experts` onto `num_local_experts`, `JambaConfig` the other way
    /// round: either spelling alone counts; both, disagreeing, are a contradiction.
    @Test func expertCountAliasesOfQwen3MoEAndJamba() throws {
        let alias = try Fixtures.importVariant(of: "qwen3-30b-a3b", ["num_experts": nil, "num_local_experts": 64]).spec
        #expect(alias.decoder?.moe?.experts == 64)
        expectSpecError(field: "num_local_experts", containing: "contradicts") {
            try Fixtures.importVariant(of: "qwen3-30b-a3b", ["num_experts": 128, "num_local_experts": 64])
        }
        let jamba = #"{"model_type": "jamba", "hidden_size": 64, "num_hidden_layers": 4, "num_attention_heads": 4, "num_key_value_heads": 2, "intermediate_size": 96, "vocab_size": 100, "num_local_experts": 6}"#
        let spec = try HuggingFaceConfig.importConfig(Data(jamba.utf8), file: "config.json", name: "m").spec
        #expect(spec.decoder?.moe?.experts == 6)
    }

    /// `T5Config` copies `num_layers` into `num_decoder_layers` before the `num_hidden_layers`
    /// alias applies: spelled alone, the alias sets the encoder and the decoder keeps the class
    /// default (T5 6, mT5 8). Measured: `hf-variants/*-hidden-layers-alias.json`.
    @Test func t5HiddenLayersAliasSetsTheEncoderOnly() throws {
        let t5 = try Fixtures.importVariant(of: "t5-base", ["num_layers": nil, "num_decoder_layers": nil, "num_hidden_layers": 2])
        #expect(t5.spec.encoder?.layers == 2 && t5.spec.decoder?.layers == 6)
        #expect(t5.warnings.contains { $0.contains("decoder has T5Config's default num_layers = 6") })
        let mt5 = try Fixtures.importConfig(["model_type": "mt5", "d_model": 64, "d_kv": 16, "d_ff": 96, "num_heads": 4, "num_hidden_layers": 3, "vocab_size": 100])
        #expect(mt5.spec.encoder?.layers == 3 && mt5.spec.decoder?.layers == 8)
        let both = try Fixtures.importVariant(of: "t5-base", ["num_layers": 2, "num_decoder_layers": nil])
        #expect(both.spec.decoder?.layers == 2 && !both.warnings.contains { $0.contains("decoder has") })
    }

    @Test func gpt2InnerWidthNullAndAbsentAreTheSame() throws {
        let null = try Fixtures.importVariant(of: "gpt2", ["n_inner": NSNull()]).spec
        let absent = try Fixtures.importVariant(of: "gpt2", ["n_inner": nil]).spec
        let explicit = try Fixtures.importVariant(of: "gpt2", ["n_inner": 3072]).spec
        #expect(null == absent && absent == explicit)
    }

    @Test func gpt2WidthAndDepthUnderEitherSpelling() throws {
        let renamed = try Fixtures.importVariant(of: "gpt2", [
            "n_embd": nil, "hidden_size": 768, "n_layer": nil, "num_hidden_layers": 12,
            "n_head": nil, "num_attention_heads": 12, "n_positions": nil, "max_position_embeddings": 1024,
        ]).spec
        #expect(renamed == (try Fixtures.importVariant(of: "gpt2", [:]).spec))
    }

    @Test func missingKeyValueHeadsMeansMultiHead() throws {
        let absent = try Fixtures.importVariant(of: "llama-2-7b", ["num_key_value_heads": nil]).spec
        #expect(absent == (try Fixtures.importVariant(of: "llama-2-7b", [:]).spec))
        #expect(absent.decoder?.attention.kvHeads == 32)
    }

    @Test func partialRotaryFactorInsideRopeParametersCountsToo() throws {
        let top = try Fixtures.importVariant(of: "phi-2", [:]).spec
        let nested = try Fixtures.importVariant(of: "phi-2", ["partial_rotary_factor": nil,
            "rope_parameters": ["rope_type": "default", "rope_theta": 10000.0, "partial_rotary_factor": 0.4]]).spec
        #expect(top == nested)
        let neox = try Fixtures.importVariant(of: "pythia-160m", ["rotary_pct": nil, "partial_rotary_factor": 0.25]).spec
        #expect(neox == (try Fixtures.importVariant(of: "pythia-160m", [:]).spec))
    }

    @Test func integralFloatsAreAcceptedAsIntegers() throws {
        let spec = try Fixtures.importVariant(of: "llama-2-7b", ["num_hidden_layers": 32.0]).spec
        #expect(spec.decoder?.layers == 32)
    }

    @Test func unknownExtraFieldsAreIgnored() throws {
        let extra = try Fixtures.importVariant(of: "mistral-7b", ["quantization_config": ["bits": 4], "my_note": "hello", "foo": [1, 2]])
        #expect(extra.spec == (try Fixtures.importVariant(of: "mistral-7b", [:]).spec))
    }

    @Test func tieWordEmbeddingsDefaultsFollowTheConfigClass() throws {
        #expect(try Fixtures.importVariant(of: "gpt2", ["tie_word_embeddings": nil]).spec.lmHead?.tied == true)
        #expect(try Fixtures.importVariant(of: "gpt2", ["tie_word_embeddings": false]).spec.lmHead?.tied == false)
        #expect(try Fixtures.importVariant(of: "llama-2-7b", ["tie_word_embeddings": nil]).spec.lmHead?.tied == false)
        #expect(try Fixtures.importVariant(of: "gemma-2b", ["tie_word_embeddings": nil]).spec.lmHead?.tied == true)
        #expect(try Fixtures.importVariant(of: "gpt-neox-20b", ["tie_word_embeddings": nil]).spec.lmHead?.tied == false)
        #expect(try Fixtures.importVariant(of: "t5-base", ["tie_word_embeddings": nil]).spec.lmHead?.tied == true)
        #expect(try Fixtures.importVariant(of: "falcon-7b", ["tie_word_embeddings": nil]).spec.lmHead?.tied == true)
    }
}
