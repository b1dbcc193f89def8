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
        // Its dollars are at the stated MFU too: 6 × 444e9 × 13e12 ÷ (312e12 × 0.4) × 2.2659 ÷ 3600.
        #expect(e.correctedText?.contains("$174,663,125.00") == true)
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
        // The corrected yuan follows the corrected GPT-3 dollars, not the seed's: $2,714,292.37 × 0.5 × 7.1.
        expectClose(try #require(gpt3Yuan.corrected), 2_714_292.37408 * 0.5 * 7.1, within: 1e-11)
        #expect(gpt3Yuan.inherits == ["gpt3-pretraining"])
    }

    @Test func inferencePerThousandTokens() throws {
        // 1000 × 2 × 1.776e12 ÷ 312e12 = 11.384615 s × 2.2659 ÷ 3600 = 0.00716566…
        let e = try example("gpt4-turbo-inference-per-1k")
        #expect(String(format: "%.7f", e.ours) == "0.0071657")
        #expect(String(format: "%.8f", e.ours) == "0.00716567")   // the seed's later "0.00716567"
        #expect(e.agreement == .matchesWhenTruncated)             // "$0.0071656"
        #expect(try example("inference-share-of-price").agreement == .matches)   // 36 %
    }

    @Test func seed002DividesByThePriceAndDropsTheFactorTwo() throws {
        let e = try example("seed002-inference-per-1k")
        expectClose(e.ours, 8.222e14 / 3.93e14)   // 2.0921…: "$2.09"
        #expect(e.agreement == .matches)
        // Units fixed and P read as 8×222B with ≤ 444B active: 2 × 444e9 × 1000 ÷ 1e14 = 8.88 s × 3.93 ÷ 3600.
        expectClose(try #require(e.corrected), 8.88 * 3.93 / 3600)
        #expect(e.inherits == ["gpt4-turbo-pretraining"])
    }

    @Test func breakEvenTokensAndSubscribers() throws {
        let tokens = try example("breakeven-tokens-per-month")
        expectClose(tokens.ours, 2.4e7 / 0.013 * 1000)            // 1.846e12: "1.85 万亿"
        #expect(tokens.agreement == .matches)
        // The seed's rounding alone (1.45亿 ÷ 6, $0.0071657) would give 1.883T; that is in the reason, not the corrected column.
        #expect(tokens.reason.contains("seed arithmetic, unrounded: 1.883 T tokens"))
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

    @Test func correctedChainPropagatesEveryUpstreamCorrection() throws {
        // GPT-3: exact 1,076,373,430,272 FLOP/token × 500e9 ÷ (312e12 × 0.4) × 2.2659 ÷ 3600.
        let gpt3 = 1_076_373_430_272 * 500e9 / (312e12 * 0.4) * 2.2659 / 3600   // $2,714,292.37
        expectClose(try #require(example("gpt3-pretraining").corrected), gpt3, within: 1e-12)
        // GPT-4: 283,237,500 ÷ 0.4 = 708,093,750; the ratio is recomputed from the two corrected figures.
        expectClose(try #require(example("gpt4-pretraining").corrected), 708_093_750)
        let ratio = try example("gpt4-over-gpt3")
        expectClose(try #require(ratio.corrected), 708_093_750 / gpt3)          // 260.88×, not 267.43×
        #expect(ratio.correctedText == "260.88×")
        #expect(ratio.inherits == ["gpt3-pretraining", "gpt4-pretraining"])
        // Discounted and in yuan follow the corrected GPT-4.
        expectClose(try #require(example("gpt4-pretraining-discounted").corrected), 354_046_875)
        let yuan = try example("gpt4-pretraining-yuan")
        expectClose(try #require(yuan.corrected), 354_046_875 * 7.1)            // ¥2,513,732,812.5
        #expect(yuan.inherits == ["gpt4-pretraining-discounted"])
    }

    @Test func correctedInferenceIsTheRooflineAtTheStatedBatch() throws {
        // Batch 256 reads all 8 experts (1 − 0.75^256 ≈ 1): 2 B × 1.776e12 ÷ (1,555e9 × 0.8) = 2.8553 s per step,
        // against 256 × 2 × 444e9 ÷ (312e12 × 0.4) = 1.8215 s of compute: memory-bound.
        let step = 2 * 1.776e12 / (1555e9 * 0.8)
        let per1K = 1000 * step / 256 * 2.2659 / 3600                              // $0.0070202
        let e = try example("gpt4-turbo-inference-per-1k")
        expectClose(try #require(e.corrected), per1K, within: 1e-12)
        #expect(e.correctedText == "$0.0070202 (batch 256, memory-bound)")
        expectClose(try #require(example("inference-share-of-price").corrected), per1K / 0.02 * 100, within: 1e-12)
        // At batch 1 only 2 of 8 experts' weights are read: 1 − 0.75 = 0.25 of the bytes.
        let single = try SeedAudit.corrections(batch: 1)
        expectClose(single.expertsTouched, 0.25)
        expectClose(single.per1K, 1000 * (2 * 1.776e12 * 0.25 / (1555e9 * 0.8)) * 2.2659 / 3600, within: 1e-12)
    }

    @Test func correctedBreakEvenUsesTheCorrectedPretrainingAndInference() throws {
        let per1K = 1000 * (2 * 1.776e12 / (1555e9 * 0.8)) / 256 * 2.2659 / 3600
        let monthly = 354_046_875.0 / 6                                              // $59,007,812.50
        let tokens = try example("breakeven-tokens-per-month")
        expectClose(try #require(tokens.corrected), monthly / (0.02 - per1K) * 1000, within: 1e-12)   // 4.546T, not 1.883T
        #expect(tokens.inherits == ["gpt4-pretraining-discounted", "gpt4-turbo-inference-per-1k"])
        expectClose(try #require(example("breakeven-tokens-per-user-day").corrected), monthly / (0.02 - per1K) * 1000 / 1e7 / 30, within: 1e-12)
        expectClose(try #require(example("breakeven-plus-subscribers").corrected), monthly / (20 - 1800 * per1K), within: 1e-12)  // 8.01M
        expectClose(try #require(example("breakeven-plus-6700-per-day").corrected), monthly / (20 - 201 * per1K), within: 1e-12)
    }

    @Test func subscribersThatNeverBreakEvenAreSaidNotGuessed() throws {
        // At batch 1 the per-1K cost is 0.25 × 3.552e12 ÷ 1.244e12 s × 1000 × 2.2659 ÷ 3600 = $0.449: above $0.02.
        let examples = Dictionary(uniqueKeysWithValues: try SeedAudit.examples(batch: 1).map { ($0.id, $0) })
        let plus = try #require(examples["breakeven-plus-subscribers"])
        #expect(plus.corrected == nil)
        #expect(plus.correctedText?.hasPrefix("never") == true)
        #expect(try #require(examples["breakeven-tokens-per-month"]).correctedText?.hasPrefix("never") == true)
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
