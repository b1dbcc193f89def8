import _TestSupport
import Testing
@testable import Workload

@Suite struct RuleCheckTests {
    @Test func deviationSourcesSumToTheGapBetweenExactAndRule() throws {
        for spec in [ReferenceSpecs.gpt2, ReferenceSpecs.llama2_7b, ReferenceSpecs.mixtral, ReferenceSpecs.t5Base] {
            let d = try RuleCheck(spec: spec).deviation(at: 777, convention: .matmul)
            let sum = d.bySource.values.reduce(0, +)
            #expect(abs(sum - (d.exactPerToken - d.rulePerToken)) <= 1e-6 * d.rulePerToken, "\(spec.name)")
        }
    }

    @Test func contextsBeyondTheWindowAreSkippedAndSaid() throws {
        var spec = ReferenceSpecs.gpt2
        spec.contextWindow = 1024
        let check = try RuleCheck(spec: spec)
        let within = try check.run(contexts: [128, 2048, 8192], beyondWindow: false)
        #expect(within.rows.map(\.context) == [128] && within.skippedContexts == [2048, 8192] && within.contextWindow == 1024)
        // None fits: the window itself is checked instead, the rest still said.
        let none = try check.run(contexts: [4096], beyondWindow: false)
        #expect(none.rows.map(\.context) == [1024] && none.skippedContexts == [4096])
        let beyond = try check.run(contexts: [128, 2048], beyondWindow: true)
        #expect(beyond.rows.map(\.context) == [128, 2048] && beyond.skippedContexts.isEmpty && beyond.contextWindow == nil)
    }

    @Test func llamaRatioAt2048MatchesTheHandFigure() throws {
        // exact per token = 2·(N − embedding − norms) + 4·L·d·s (scores + values), / 2N
        let n = 6_738_415_616.0, s = 2048.0
        let exact = 2 * (n - 131_072_000 - 65 * 4096) + 4 * 32 * 4096 * s
        let row = try RuleCheck(spec: ReferenceSpecs.llama2_7b).row(2048)
        #expect(abs(row.ratioTotal - exact / (2 * n)) < 1e-12)
    }

    @Test func gpt2RuleBreaksWhereAttentionReachesTenPercent() throws {
        // Biases, norms and positions are parameters without matmul FLOPs (the tied LM head's
        // matmul balances the token table), so exact/2N = (2·(N − pos − norms − biases) + 4·L·d·s) / 2N,
        // which exceeds 1.1 where s > (0.2·N + 2·(pos + norms + biases)) / (4·12·768).
        let n = 124_439_808.0, biases = 12.0 * (4 * 768 + 4 * 768 + 768)
        let threshold = (0.2 * n + 2 * (786_432 + 38_400 + biases)) / 36_864
        let range = try RuleCheck(spec: ReferenceSpecs.gpt2).range(.matmul, limit: 1 << 20)
        #expect(range.within?.lowerBound == 1)
        #expect(range.breaksAt == Int(threshold.rounded(.down)) + 1)
    }

    @Test func verdictBlamesAttentionForLongContextsOfDenseModels() throws {
        let result = try RuleCheck(spec: ReferenceSpecs.llama2_7b).run(contexts: [128, 2048, 8192, 32768])
        #expect(result.responsible == .attentionProducts)
        #expect(result.verdict.contains("attention products"))
    }

    @Test func verdictBlamesTotalVersusActiveExpertsForMixtral() throws {
        let result = try RuleCheck(spec: ReferenceSpecs.mixtral).run(contexts: [128, 2048])
        #expect(result.matmulRange.within?.lowerBound ?? 2 > 1)
        #expect(result.responsible == .mixtureOfExperts)
    }

    @Test func toleranceLineIsHonouredOnBothSides() throws {
        // A constructed model whose ratio is just inside and just outside 10 % at two contexts.
        let check = try RuleCheck(spec: ReferenceSpecs.gpt2)
        let range = try check.range(.matmul, limit: 1 << 20)
        let last = try #require(range.within?.upperBound)
        #expect(try check.deviation(at: last, convention: .matmul).ratio <= 1.1)
        #expect(try check.deviation(at: last + 1, convention: .matmul).ratio > 1.1)
    }
}

extension RuleCheckTests {
    /// A padded scan puts short contexts far above 2·N (Bamba at one token: 7.3×); the band is
    /// still found in the middle, and the narrative blames each edge on its own cause.
    @Test func theBandIsFoundWhenShortContextsStartAboveIt() throws {
        let spec = try ModelLoader.load("bamba-9b").spec
        let result = try RuleCheck(spec: spec).run(contexts: [128, 2048], beyondWindow: true)
        let within = try #require(result.matmulRange.within)
        #expect(within.lowerBound > 1 && within.contains(128) && within.contains(2048))
        #expect(result.verdict.contains("above 2·N below \(within.lowerBound) tokens"))
        #expect(result.responsible == .attentionProducts)
        #expect(RuleCheck.searchGrid(limit: 16) == [1, 2, 3, 4, 6, 8, 12, 16])
    }
}
