import Testing
import Workload
@testable import CostModel

@Suite struct TrainingCostTests {
    @Test func ruleModelOnTheSeedA100ReproducesTheSeed() throws {
        let model = ModelFigures.rule(name: "gpt3", parameters: 175_000_000_000)
        let cost = try TrainingCost.estimate(model: model, tokens: 500_000_000_000, hardware: .seedA100, devices: 1024)
        #expect(cost.flops == 525_000_000_000_000_000_000_000)     // 6 · N · D exactly
        #expect(cost.flops == cost.ruleFLOPs)
        expectClose(cost.dollars.value, 1_059_114.583333333, within: 1e-12)
        // 5.25e23 ÷ 312e12 = 1,682,692,307.7 device-s; ÷ 1024 devices ÷ 86 400 = 19.019 days.
        expectClose(cost.wallClock.days, 5.25e23 / 312e12 / 1024 / 86_400)
        // 400 W × 467,414.53 device-h × 1.2 PUE ÷ 1000 = 224,358.97 kWh; × $0.10.
        expectClose(try #require(cost.energy).value, 400 * (5.25e23 / 312e12 / 3600) * 1.2 / 1000)
        expectClose(try #require(cost.energyDollars).value, 400 * (5.25e23 / 312e12 / 3600) * 1.2 / 1000 * 0.10)
        #expect(cost.explanation.map(\.quantity).contains("energy"))
    }

    @Test func exactCountOfGPT3ExceedsSixND() throws {
        let figures = try ModelFigures(spec: SeedAudit.gpt3(), sequenceLength: 2048)
        // Per layer: attention 4d² + 4d = 604,028,928; FFN 8d² + 5d = 1,208,020,992; two
        // LayerNorms 4d = 49,152 → 1,812,099,072 × 96 = 173,961,510,912. Plus tokens
        // 50257 × 12288 = 617,558,016, positions 2048 × 12288 = 25,165,824, final norm 24,576.
        #expect(figures.totalParameters == 174_604_259_328)
        let hw = try HardwareProfile.datasheet(HardwareCatalog.h100SXM, precision: .bf16, mfu: 0.4)
        let cost = try TrainingCost.estimate(model: figures, tokens: 300_000_000_000, hardware: hw, devices: 1024)
        // matmul convention: 3 × (2·N_nonembedding-ish weights + attention 2·2·L·seq·d + LM head) per token.
        #expect(cost.exactOverRule > 1.0 && cost.exactOverRule < 1.2)
        expectClose(cost.deviceTime.value, cost.flops.approximate / (989.4e12 * 0.4))
        expectClose(cost.dollars.value, cost.flops.approximate / (989.4e12 * 0.4) / 3600 * 2.94)
    }

    @Test func trainingFLOPsBeyondTwoToThe63AreExact() throws {
        // GPT-4's rumoured 6 · 1.8e12 · 13e12 = 1.404e26 > 2^63 ≈ 9.22e18, exact to the last FLOP.
        let model = ModelFigures.rule(name: "gpt4", parameters: 1_800_000_000_000)
        let cost = try TrainingCost.estimate(model: model, tokens: 13_000_000_000_000, hardware: .seedA100)
        #expect(cost.flops == 140_400_000_000_000_000_000_000_000)
        #expect(cost.flops.description == "140400000000000000000000000")
        expectClose(cost.dollars.value, 283_237_500)
    }

    @Test func aCountBeyondInt128IsAnErrorNotAWrappedFigure() {
        let huge = FLOPsPerToken(perToken: Int128.max / 2)
        #expect(throws: CountOverflow.self) { _ = try huge.total(forTokens: 3) }
    }

    @Test func trainingFLOPsPerTokenIsExactPerSequence() throws {
        let figures = try ModelFigures(spec: SeedAudit.gpt3(layers: 1), sequenceLength: 2048)
        let counter = try FlopCounter(spec: SeedAudit.gpt3(layers: 1))
        let step = try counter.train(batch: 1, seq: 2048)
        // D = 10 sequences of 2048 tokens → exactly 10 training steps.
        #expect(try figures.trainingFLOPsPerToken.total(forTokens: 20_480) == FLOPs(10 * step.total))
    }
}
