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
