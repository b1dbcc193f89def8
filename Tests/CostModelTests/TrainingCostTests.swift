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

    @Test func recomputationLeavesDeviceTimeOnModelFLOPsAndRaisesHFU() throws {
        // GPT-3 shape, one layer, seq 2048, matmul convention, per token:
        //   layer forward = 24·d² + 4·seq·d = 3,623,878,656 + 100,663,296 = 3,724,541,952
        //   LM head       = 2·d·V = 2 × 12288 × 50257 = 1,235,116,032
        //   model (3 × forward)      = 3 × 4,959,657,984 = 14,878,973,952
        //   hardware (+ layer again) = 14,878,973,952 + 3,724,541,952 = 18,603,515,904
        let figures = try ModelFigures(spec: SeedAudit.gpt3(layers: 1), sequenceLength: 2048, recompute: .full)
        let h100 = try HardwareProfile.datasheet(HardwareCatalog.h100SXM, precision: .bf16, mfu: 0.4)
        let cost = try TrainingCost.estimate(model: figures, tokens: 2048, hardware: h100)
        #expect(cost.flops == FLOPs(14_878_973_952 * 2048))
        #expect(cost.hardwareFLOPs == FLOPs(18_603_515_904 * 2048))
        // MFU is on model FLOPs: the stated 0.4 sets the time; HFU = 0.4 × 18,603,515,904 ÷ 14,878,973,952.
        expectClose(cost.deviceTime.value, 14_878_973_952 * 2048 / (989.4e12 * 0.4))
        expectClose(cost.mfu, 0.4)
        expectClose(cost.hfu, 0.4 * 18_603_515_904 / 14_878_973_952)
        #expect(cost.explanation.map(\.quantity).contains("HFU (implied)"))
        let none = try TrainingCost.estimate(model: try ModelFigures(spec: SeedAudit.gpt3(layers: 1), sequenceLength: 2048),
                                             tokens: 2048, hardware: h100)
        #expect(none.deviceTime == cost.deviceTime)
        #expect(!none.explanation.map(\.quantity).contains("HFU (implied)"))   // nothing to say without recomputation
    }

    @Test func aRuleModelIsLabelledTheRuleNotAnExactCount() throws {
        let cost = try TrainingCost.estimate(model: .rule(name: "175b", parameters: 175_000_000_000), tokens: 1, hardware: .seedA100)
        #expect(cost.isRule)
        #expect(cost.explanation.first?.quantity == "training FLOPs (6·N·D rule)")
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
