import Testing
@testable import CostModel

@Suite struct SeedAuditTests {
    let examples: [String: SeedExample]
    init() throws { examples = Dictionary(uniqueKeysWithValues: try SeedAudit.examples().map { ($0.id, $0) }) }

    func example(_ id: String) throws -> SeedExample { try #require(examples[id]) }

    @Test func gpt3PretrainingIsReproducedToTheCent() throws {
        // 6 × 175e9 × 500e9 ÷ 312e12 = 1,682,692,307.69 s; × 2.2659 ÷ 3600 $/s.
        let e = try example("gpt3-pretraining")
        #expect((e.ours * 100).rounded() / 100 == 1_059_114.58)
        #expect(e.oursText == "$1,059,114.58")
        // Seed prints 约105万: its own figure truncated, not rounded (105.9万).
        #expect(e.agreement == .matchesWhenTruncated)
    }

    @Test func gpt3CorrectionUsesExactFLOPsAndStatedMFU() throws {
        let e = try example("gpt3-pretraining")
        let corrected = try #require(e.corrected)
        // At MFU 0.4 the rule alone gives 1,059,114.58 ÷ 0.4 = 2,647,786.46; the exact count of
        // GPT-3 at seq 2048 adds the attention products and the LM head (a few percent more).
        #expect(corrected > 2_647_786.46 && corrected < 2_647_786.46 * 1.1)
    }

    @Test func gpt4PretrainingAndRatio() throws {
        // 6 × 1.8e12 × 13e12 ÷ 312e12 × 2.2659 ÷ 3600 = 283,237,500.00
        expectClose(try example("gpt4-pretraining").ours, 283_237_500, within: 1e-12)
        let ratio = try example("gpt4-over-gpt3")
        expectClose(ratio.ours, 1.8e12 * 13e12 / (175e9 * 500e9))   // 267.428…
        #expect(String(format: "%.0f", ratio.ours) == "267")
        #expect(ratio.agreement == .differs)   // seed: 280 倍
    }

    @Test func gpt4TurboCostsAboutTheSameOnlyWhenCountedDense() throws {
        let e = try example("gpt4-turbo-pretraining")
        // (8 × 222e9 × 13e12) ÷ (1.8e12 × 13e12) = 1.776 ÷ 1.8 = 0.98667: "差不多" (≈ 1.0×).
        expectClose(e.ours, 1.776 / 1.8)
        #expect(e.agreement == .matches)
        // Two 222B experts active per token: 444e9 ÷ 1.8e12 = 0.24667 of GPT-4's cost.
        expectClose(try #require(e.corrected), 444e9 / 1.8e12)
        #expect(e.oursText.contains("$279,461,000.00"))   // 6 × 1.776e12 × 13e12 ÷ 312e12 × 2.2659 ÷ 3600
    }

    @Test func gpt4DiscountedAndYuan() throws {
        let discounted = try example("gpt4-pretraining-discounted")
        expectClose(discounted.ours, 141_618_750)
        #expect(discounted.agreement == .differs)   // seed: 1.45亿
        let yuan = try example("gpt4-pretraining-yuan")
        expectClose(yuan.ours, 141_618_750 * 7.1)
        #expect(yuan.agreement == .matches)          // 10.05亿 → 10亿
        let gpt3Yuan = try example("gpt3-pretraining-yuan")
        #expect(gpt3Yuan.ours == 3_727_500)
        #expect(gpt3Yuan.agreement == .matches)
        expectClose(try #require(gpt3Yuan.corrected), 1_059_114.583333 * 0.5 * 7.1, within: 1e-9)
    }

    @Test func inferencePerThousandTokens() throws {
        // 1000 × 2 × 1.776e12 ÷ 312e12 = 11.384615 s × 2.2659 ÷ 3600 = 0.00716566…
        let e = try example("gpt4-turbo-inference-per-1k")
        #expect(String(format: "%.7f", e.ours) == "0.0071657")
        #expect(String(format: "%.8f", e.ours) == "0.00716567")   // the seed's later "0.00716567"
        #expect(e.agreement == .matchesWhenTruncated)             // "$0.0071656"
        expectClose(try #require(e.corrected), e.ours / 0.4)
        #expect(try example("inference-share-of-price").agreement == .matches)   // 36 %
    }

    @Test func seed002DividesByThePriceAndDropsTheFactorTwo() throws {
        let e = try example("seed002-inference-per-1k")
        expectClose(e.ours, 8.222e14 / 3.93e14)   // 2.0921…: "$2.09"
        #expect(e.agreement == .matches)
        // 2 × 8.222e11 × 1000 ÷ 1e14 = 16.444 s × 3.93 ÷ 3600 = $0.0179514
        expectClose(try #require(e.corrected), 16.444 * 3.93 / 3600)
    }

    @Test func breakEvenTokensAndSubscribers() throws {
        let tokens = try example("breakeven-tokens-per-month")
        expectClose(tokens.ours, 2.4e7 / 0.013 * 1000)            // 1.846e12: "1.85 万亿"
        #expect(tokens.agreement == .matches)
        expectClose(try #require(tokens.corrected), 1.45e8 / 6 / (0.02 - 0.0071656666666667) * 1000, within: 1e-9)
        #expect(try #require(tokens.corrected) > 1.88e12 && (try #require(tokens.corrected)) < 1.885e12)
        #expect(try example("breakeven-tokens-per-user-day").agreement == .matches)   // 6154
        let plus = try example("breakeven-plus-subscribers")
        expectClose(plus.ours, 2.4e7 / (20 - 1800 * 0.007))        // 3,243,243: "324 万"
        #expect(plus.agreement == .matches)
        let light = try example("breakeven-plus-6700-per-day")
        expectClose(light.ours, 2.4e7 / (20 - 201 * 0.007))        // 1,290,808: "129 万"
        #expect(light.agreement == .matches)
        #expect(try example("plus-tokens-per-user-month").ours == 1_800_000)
        let words = try example("breakeven-words-per-user-day")
        expectClose(words.ours, 4733.846153846154)                  // 6154 ÷ 1.3; the seed prints 4733
        #expect(words.agreement == .matchesWhenTruncated)
    }

    @Test func taskPriceIsThirteenCents() throws {
        let e = try example("task-summary-price")
        expectClose(e.ours, 0.13)
        #expect(e.agreement == .matches)
        #expect(try example("task-summary-yuan").agreement == .matches)   // ¥0.923 → 9 毛
        #expect(try example("task-yearly-yuan").ours == 3285)
    }

    @Test func seed000PrintsTheWrongTotal() throws {
        let e = try example("seed000-total-cost")
        #expect(String(format: "%.2f", e.ours) == "1025.04")
        #expect(e.printed?.text.contains("1025.40") == true)
        #expect(e.agreement == .differs)
    }

    @Test func theWattSlipIsFlagged() throws {
        let e = try example("a100-312-tflops-per-watt")
        expectClose(e.ours, 0.78)
        #expect(e.agreement == .differs)
        #expect(e.corrected == 312)
    }

    @Test func seed001AttentionFormulaAgainstTheExactCount() throws {
        let e = try example("seed001-attention-parameters")
        // 96 × 4 × (12288·128 + 128·128 + 128·12288) = 1,214,251,008
        #expect(e.ours == 1_214_251_008)
        // 4 · 12288² + 4 · 12288 = 604,028,928 (q, k, v, o weights and biases)
        #expect(e.corrected == 604_028_928)
        #expect(e.agreement == .notPrinted)
    }

    @Test func everyExampleIsFiniteAndNamesItsSeed() throws {
        let all = try SeedAudit.examples()
        #expect(all.count == 22)
        for e in all {
            #expect(e.ours.isFinite, "\(e.id)")
            #expect(e.corrected?.isFinite ?? true, "\(e.id)")
            #expect(e.seedFile.contains(".txt"), "\(e.id)")
            #expect(!e.reason.isEmpty, "\(e.id)")
        }
        #expect(Set(all.map(\.id)).count == all.count)
    }
}
