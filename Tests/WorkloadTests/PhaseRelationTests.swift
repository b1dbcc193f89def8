import _TestSupport
import Testing
@testable import Workload

@Suite struct PhaseRelationTests {
    let gpt2 = ReferenceSpecs.gpt2, llama = ReferenceSpecs.llama2_7b, t5 = ReferenceSpecs.t5Base

    @Test func trainingIsThreeTimesTheForwardPassUnderMatmul() throws {
        for spec in [gpt2, llama, t5, ReferenceSpecs.mixtral] {
            let c = try FlopCounter(spec: spec)
            #expect(try c.train(batch: 2, seq: 64).total == 3 * c.prefill(batch: 2, seq: 64).total)
        }
    }

    @Test func fullRecomputationAddsTheLayersButNotTheHead() throws {
        let c = try FlopCounter(spec: llama)
        let forward = try c.prefill(batch: 1, seq: 512)
        let head = forward.flops(endingWith: "lm_head")
        #expect(try c.train(batch: 1, seq: 512, recompute: .full).total == 4 * forward.total - head)
    }

    @Test func selectiveRecomputationAddsTheAttentionProductsOnce() throws {
        let c = try FlopCounter(spec: gpt2)
        let forward = try c.prefill(batch: 1, seq: 256)
        let products = forward.flops(endingWith: "attention_scores", "attention_values")
        #expect(try c.train(batch: 1, seq: 256, recompute: .selective).total == 3 * forward.total + products)
    }

    @Test func fullRecomputationRepeatsLayerNormsButNotTheFinalNormOrTheRotaryTable() throws {
        // Under `full`, the final norm and the rotary table run outside the layers: recomputation
        // repeats the layers' norms (2 per layer) only, and nothing of the table.
        let c = try FlopCounter(spec: llama, convention: .full)
        let train = try c.train(batch: 1, seq: 64, recompute: .full)
        let forwardNorms = try c.prefill(batch: 1, seq: 64).flops(endingWith: "norms")
        let recomputedNorms = train.flops(endingWith: "recompute.norms")
        #expect(recomputedNorms * 65 == forwardNorms * 64)
        #expect(train.components.allSatisfy { $0.name != "recompute.rotary_frequencies" })
        // The rotary table has no backward: it appears once in the step, as in the forward.
        #expect(train.flops(endingWith: "rotary_frequencies") == (try c.prefill(batch: 1, seq: 64).flops(endingWith: "rotary_frequencies")))
    }

    @Test func selectiveRecomputationRepeatsCrossAttentionProductsToo() throws {
        let c = try FlopCounter(spec: t5)
        let forward = try c.prefill(batch: 1, seq: 128)
        let core = forward.flops(endingWith: "attention_scores", "attention_values")
        #expect(forward.flops(endingWith: "cross_attention_scores") > 0)
        #expect(try c.train(batch: 1, seq: 128, recompute: .selective).total == 3 * forward.total + core)
    }

    @Test func decodeAtContextPlusPrefillOfContextIsPrefillOfOneMoreUnderCausal() throws {
        for spec in [gpt2, llama, ReferenceSpecs.mixtral] {
            let c = try FlopCounter(spec: spec, convention: .causal)
            for p in [1, 17, 127] {
                let lhs = try c.decode(batch: 3, context: p).total + c.prefill(batch: 3, seq: p).total
                #expect(lhs == (try c.prefill(batch: 3, seq: p + 1).total), "\(spec.name) at \(p)")
            }
        }
    }

    /// A speculative step verifies its drafts in one call: under `causal`, the same FLOPs as
    /// decoding the next token and each draft one at a time over a growing cache.
    @Test func aSpeculativeStepCostsItsTokensDecodedOneByOneUnderCausal() throws {
        for spec in [gpt2, llama, ReferenceSpecs.mixtral] {
            let c = try FlopCounter(spec: spec, convention: .causal)
            for (p, drafts) in [(0, 1), (17, 1), (100, 3)] {
                let oneByOne = try (0...drafts).reduce(Int128(0)) { $0 + (try c.decode(batch: 2, context: p + $1).total) }
                let step = try c.decode(batch: 2, context: p, draftTokens: drafts)
                #expect(step.total == oneByOne, "\(spec.name) at \(p) with \(drafts) drafts")
                #expect(step.tokens == 2 * (1 + drafts))
            }
        }
        #expect(throws: PhaseError.self) { try FlopCounter(spec: gpt2).decode(batch: 1, context: 4, draftTokens: -1) }
    }

    @Test func llamaDecodeStepMatchesTheHandFormula() throws {
        // One token: 2 × (all linear weights incl. LM head) + attention over P+1 keys; the rotary
        // table is element-wise (transformers 5.23), not a matrix product.
        let p = 1000
        let linear: Int128 = 6_738_415_616 - 131_072_000 - 65 * 4096
        let attention = Int128(2 * 2 * 32 * 32 * 128 * (p + 1))
        #expect(try FlopCounter(spec: llama).decode(batch: 1, context: p).total == 2 * linear + attention)
    }

    @Test func countsScaleExactlyLinearlyWithBatch() throws {
        for convention in Convention.allCases {
            let c = try FlopCounter(spec: t5, convention: convention)
            #expect(try c.prefill(batch: 7, seq: 33).total == 7 * c.prefill(batch: 1, seq: 33).total)
        }
    }

    @Test func causalIsAtMostMatmulIsAtMostFull() throws {
        for spec in [gpt2, llama, t5, ReferenceSpecs.mixtral] {
            let totals = try [Convention.causal, .matmul, .full].map { try FlopCounter(spec: spec, convention: $0).prefill(batch: 1, seq: 300).total }
            #expect(totals[0] <= totals[1] && totals[1] < totals[2], "\(spec.name)")
        }
    }

    @Test func causalAttentionCountsTheTriangle() throws {
        let s = 100
        let matmul = try FlopCounter(spec: gpt2).prefill(batch: 1, seq: s).flops(endingWith: "attention_scores")
        let causal = try FlopCounter(spec: gpt2, convention: .causal).prefill(batch: 1, seq: s).flops(endingWith: "attention_scores")
        #expect(matmul == Int128(2 * 12 * 12 * 64 * s * s))
        #expect(causal == Int128(2 * 12 * 12 * 64 * s * (s + 1) / 2))
    }

    @Test func slidingWindowCapsEachQueryAtTheWindow() {
        // keys per query for positions 1…10 with window 4: 1,2,3,4,4,4,4,4,4,4 = 34
        #expect(StackPass.sumOfMin(from: 1, to: 10, cap: 4) == ExactCount(34))
        #expect(StackPass.sumOfMin(from: 6, to: 10, cap: 4) == ExactCount(20))
        #expect(StackPass.sumOfMin(from: 3, to: 5, cap: nil) == ExactCount(12))
        #expect(StackPass.sumOfMin(from: 3, to: 5, cap: 100) == ExactCount(12))
    }

    @Test func kaplanFormulaMatchesItsDefinitionForGPT2() throws {
        let s = 1024
        let nonEmbedding: Int128 = 124_439_808 - 50257 * 768 - 1024 * 768
        let expected = Int128(s) * (2 * nonEmbedding + Int128(2 * 12 * s * 768))
        #expect(try FlopCounter(spec: gpt2, convention: .kaplan).prefill(batch: 1, seq: s).total == expected)
    }

    @Test func ruleIsTwoNPerTokenAndSixNForTraining() throws {
        let c = try FlopCounter(spec: llama, convention: .rule)
        #expect(try c.prefill(batch: 2, seq: 100).total == 2 * 200 * 6_738_415_616)
        #expect(try c.train(batch: 2, seq: 100).total == 6 * 200 * 6_738_415_616)
    }

    @Test func greedyGenerationIsPrefillWithLastLogitsThenDecodeSteps() throws {
        let c = try FlopCounter(spec: gpt2)
        let g = try c.generate(batch: 1, prompt: 32, newTokens: 16)
        let headAllButLast = Int128(2 * 31 * 768 * 50257)
        var expected = try c.prefill(batch: 1, seq: 32).total - headAllButLast
        for step in 1..<16 { expected += try c.decode(batch: 1, context: 32 + step - 1).total }
        #expect(g.report.total == expected)
        #expect(g.steps.count == 16)
    }

    @Test func replicatedBeamSearchIsKTimesGreedyForDecoderOnlyUnderMatmul() throws {
        let g = try FlopCounter(spec: gpt2).generate(batch: 1, prompt: 32, newTokens: 16, beams: 4)
        #expect(g.report.total == 4 * g.greedyTotal)
        #expect(g.extraOverGreedy == 3 * g.greedyTotal)
    }

    @Test func sharedBeamPrefillRunsThePromptOnce() throws {
        let c = try FlopCounter(spec: gpt2)
        let shared = try c.generate(batch: 1, prompt: 32, newTokens: 16, beams: 4, beamPrefill: .shared)
        let replicated = try c.generate(batch: 1, prompt: 32, newTokens: 16, beams: 4)
        #expect(replicated.report.total - shared.report.total == 3 * replicated.steps[0].flops / 4)
    }

    @Test func encoderDecoderGenerationRunsTheEncoderOnceAndCrossKVOncePerBeam() throws {
        let c = try FlopCounter(spec: t5)
        let g = try c.generate(batch: 1, prompt: 20, newTokens: 5, beams: 3)
        let encoder = g.steps[0].flops
        #expect(encoder == (try c.prefill(batch: 1, seq: 20, decoderSeq: 1).flops(endingWith: "encoder.attention_qkv", "encoder.attention_scores", "encoder.attention_values", "encoder.attention_output", "encoder.ffn")))
        let crossKV: Int128 = 3 * 2 * 20 * 12 * 768 * 2 * 768
        #expect(g.report.flops(endingWith: "cross_attention_kv") == crossKV)
        #expect(g.report.total < 3 * g.greedyTotal)
    }

    @Test func beamSearchBookkeepingIsCountedOnlyUnderFull() throws {
        let full = try FlopCounter(spec: gpt2, convention: .full).generate(batch: 1, prompt: 8, newTokens: 4, beams: 2)
        #expect(full.report.flops(endingWith: "beam_search") == Int128(4 * 2 * 50257 * 6))
        let matmul = try FlopCounter(spec: gpt2).generate(batch: 1, prompt: 8, newTokens: 4, beams: 2)
        #expect(matmul.report.flops(endingWith: "beam_search") == 0)
    }

    @Test func generationBeyondTheContextWindowIsRefusedUnlessAllowed() throws {
        let c = try FlopCounter(spec: gpt2)
        #expect(throws: PhaseError.self) { try c.generate(batch: 1, prompt: 1000, newTokens: 100) }
        #expect(try c.generate(batch: 1, prompt: 1000, newTokens: 100, allowBeyondContext: true).steps.count == 100)
    }

    @Test func badPhaseShapesAreErrorsNotTraps() throws {
        let c = try FlopCounter(spec: gpt2)
        #expect(throws: PhaseError.self) { try c.prefill(batch: 0, seq: 10) }
        #expect(throws: PhaseError.self) { try c.decode(batch: 1, context: -1) }
        #expect(throws: PhaseError.self) { try c.generate(batch: 1, prompt: 5, newTokens: 5, beams: 0) }
        #expect(throws: PhaseError.self) { try c.generate(batch: Int.max, prompt: 5, newTokens: 5, beams: Int.max) }
        let bert = ModelSpec(name: "enc", vocabularySize: 10, hiddenSize: 8, encoder: gpt2.decoder)
        #expect(throws: PhaseError.self) { try FlopCounter(spec: bert).decode(batch: 1, context: 3) }
    }

    @Test func hugeWorkloadsAreExactOrAClearOverflow() throws {
        var big = llama
        big.hiddenSize = 1 << 20; big.decoder!.layers = 1 << 14; big.vocabularySize = 1 << 20
        let report = try FlopCounter(spec: big).train(batch: 1 << 20, seq: 1 << 20)   // 10⁶ × 1M tokens
        #expect(report.total > 0)
        var absurd = big
        absurd.decoder!.layers = 1 << 31; absurd.hiddenSize = 1 << 31
        // The largest batch and sequence every command accepts (Limits) on an absurd spec: a clear overflow.
        #expect(throws: CountOverflow.self) { try FlopCounter(spec: absurd).train(batch: Limits.batch.maximum, seq: Limits.sequence.maximum) }
        #expect(throws: PhaseError.self) { try FlopCounter(spec: big).train(batch: 1 << 40, seq: 1) }
    }
}
