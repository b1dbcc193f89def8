import Testing
@testable import CostModel

@Suite struct OperatingBreakEvenTaskTests {
    @Test func operatingCostProvisionsWholeDevices() throws {
        let model = ModelFigures.rule(name: "7b", parameters: 7_000_000_000)
        let h100 = try HardwareProfile.datasheet(HardwareCatalog.h100SXM, precision: .bf16, mfu: 0.4)
        let op = try OperatingCost.estimate(model: model, requestsPerDay: 1_000_000, promptTokens: 1, outputTokens: 101,
                                            batch: 1, hardware: h100, targetUtilisation: 0.5)
        // Batch 1: each request is 100 memory-bound steps plus a tiny prefill.
        let perRequest = op.inference.deviceTimePerRequest.value
        expectClose(perRequest, op.inference.batchTime.value)
        let devices = (1_000_000 * perRequest / (86_400 * 0.5)).rounded(.up)
        #expect(op.devices == Int(devices))
        expectClose(op.computeDollarsPerDay.value, devices * 24 * 2.94)
        // 700 W × 24 h × devices × 1.2 PUE ÷ 1000 × $0.10/kWh
        expectClose(try #require(op.energyDollarsPerDay).value, devices * 700 * 24 * 1.2 / 1000 * 0.10)
        expectClose(op.dollarsPer1KTokens.value, op.totalDollarsPerDay.value / (1_000_000 * 102 / 1000))
        // A rental price includes energy: the total is the compute alone, energy shown beside it.
        #expect(!op.energyAddedToTotal)
        expectClose(op.totalDollarsPerDay.value, devices * 24 * 2.94)
    }

    @Test func energyIsAddedOnlyWhenThePriceExcludesIt() throws {
        let model = ModelFigures.rule(name: "7b", parameters: 7_000_000_000)
        let h100 = try HardwareProfile.datasheet(HardwareCatalog.h100SXM, precision: .bf16, mfu: 0.4)
        let op = try OperatingCost.estimate(model: model, requestsPerDay: 1_000, promptTokens: 1, outputTokens: 11,
                                            batch: 1, hardware: h100, priceExcludesEnergy: true)
        // One device all day: 24 × $2.94 = $70.56 compute + 700 W × 24 h × 1.2 ÷ 1000 × $0.10 = $2.016 energy.
        #expect(op.devices == 1)
        #expect(op.energyAddedToTotal)
        expectClose(op.totalDollarsPerDay.value, 70.56 + 2.016)
    }

    @Test func breakEvenReproducesSeed003() throws {
        let tokens = try BreakEven.solve(pretraining: Dollars(2.4e7 * 6), inferenceCost: DollarsPerThousandTokens(0.007),
                                         revenue: .perToken(DollarsPerThousandTokens(0.02)))
        expectClose(tokens.tokensPerMonth, 1.8461538461538e12, within: 1e-12)
        expectClose(tokens.inferenceShare, 0.35)
        #expect(tokens.explanation.last?.result == "35.0%")   // 0.007 ÷ 0.02
        let plus = try BreakEven.solve(pretraining: Dollars(2.4e7 * 6), inferenceCost: DollarsPerThousandTokens(0.007),
                                       revenue: .subscription(fee: Dollars(20), tokensPerUserPerMonth: 1_800_000))
        expectClose(try #require(plus.subscribers), 24e6 / 7.4)   // 3,243,243
    }

    @Test func taskPriceFromCharacters() throws {
        let task = try TaskPrice.price(inputCharacters: 5000, outputCharacters: 500, tokensPerCharacter: 2,
                                       inputPrice: DollarsPerThousandTokens(0.01), outputPrice: DollarsPerThousandTokens(0.03))
        expectClose(task.dollars.value, 0.13)
        expectClose(task.inputDollars.value, 0.10)
        #expect(task.explanation.count == 2)
    }
}
