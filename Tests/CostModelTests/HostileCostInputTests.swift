import Foundation
import Testing
@testable import CostModel

/// Inputs from the hostile audit: each is one error naming its option (or profile field),
/// never a trap, an absurd figure or a silently repaired value.
@Suite struct HostileCostInputTests {
    let model = ModelFigures.rule(name: "m", parameters: 1_000_000)

    @Test func breakEvenRefusesInputsWhoseResultWouldNotFitAWholeCount() {
        expectCostError(.pretrainingCost) {
            _ = try BreakEven.solve(pretraining: Dollars(1e300), inferenceCost: .init(0.002), revenue: .perToken(.init(0.01)))
        }
        expectCostError(.pretrainingCost) {
            _ = try BreakEven.solve(pretraining: Dollars(1e36), inferenceCost: .init(0.002), revenue: .perToken(.init(0.01)))
        }
        expectCostError(.months) {
            _ = try BreakEven.solve(pretraining: Dollars(4.6e6), months: 1e-300, inferenceCost: .init(0.002), revenue: .perToken(.init(0.01)))
        }
        expectCostError(.inferenceCostPer1K) {
            _ = try BreakEven.solve(pretraining: Dollars(1e6), inferenceCost: .init(1e-300), revenue: .perToken(.init(1e-290)))
        }
        expectCostError(.feePerMonth) {
            _ = try BreakEven.solve(pretraining: Dollars(1e6), inferenceCost: .init(0.002),
                                    revenue: .subscription(fee: Dollars(1e-200), tokensPerUserPerMonth: 1))
        }
        expectCostError(.tokensPerUserMonth) {
            _ = try BreakEven.solve(pretraining: Dollars(1e6), inferenceCost: .init(0.002),
                                    revenue: .subscription(fee: Dollars(20), tokensPerUserPerMonth: 1e-300))
        }
    }

    @Test func breakEvenNeedingMoreThanAnyServiceCanSellIsAnErrorOnThePrice() {
        // Price a hair above cost: 10^13 / 0.1 months ÷ (1e-9 × 1e-12) × 1000 tokens is beyond 10^27.
        expectCostError(.pricePer1K) {
            _ = try BreakEven.solve(pretraining: Dollars(1e13), months: 0.1, inferenceCost: .init(1e-9),
                                    revenue: .perToken(.init(1e-9 * (1 + 1e-12))))
        }
        expectCostError(.feePerMonth) {
            _ = try BreakEven.solve(pretraining: Dollars(1e13), months: 0.1, inferenceCost: .init(1e-9),
                                    revenue: .subscription(fee: Dollars(1e-6), tokensPerUserPerMonth: 1))
        }
    }

    @Test func utilisationsBelowOneTenthOfAPercentAreRefused() {
        expectCostError(.mfu) { _ = try HardwareProfile.datasheet(HardwareCatalog.h100SXM, mfu: 1e-300) }
        expectCostError(.bandwidthUtilisation) {
            _ = try HardwareProfile.datasheet(HardwareCatalog.h100SXM, mfu: 0.4, bandwidthUtilisation: 1e-300)
        }
        expectCostError(.targetUtilisation) {
            _ = try OperatingCost.estimate(model: model, requestsPerDay: 1e6, promptTokens: 1, outputTokens: 1,
                                           hardware: .seedA100, targetUtilisation: 1e-300)
        }
        #expect(throws: Never.self) { _ = try HardwareProfile.datasheet(HardwareCatalog.h100SXM, mfu: 0.001) }
    }

    @Test func inferenceSizesNameTheirOwnOption() {
        expectCostError(.promptTokens) { try InferenceCost.checkSizes(promptTokens: 1 << 31, outputTokens: 1, batch: 1, devices: 1) }
        expectCostError(.batch) { try InferenceCost.checkSizes(promptTokens: 1, outputTokens: 1, batch: 1 << 31, devices: 1) }
        expectCostError(.newTokens) { try InferenceCost.checkSizes(promptTokens: 1, outputTokens: 1 << 25, batch: 1, devices: 1) }
        expectCostError(.devices) { try InferenceCost.checkSizes(promptTokens: 1, outputTokens: 1, batch: 1, devices: 1 << 40) }
    }

    @Test func trainingFLOPsBeyond2To127NameTokens() {
        let huge = ModelFigures.rule(name: "huge", parameters: 900_000_000_000_000_000)
        expectCostError(.trainingTokens) { _ = try TrainingCost.estimate(model: huge, tokens: Int128(1e30), hardware: .seedA100) }
        expectCostError(.devices) { _ = try TrainingCost.estimate(model: model, tokens: 1, hardware: .seedA100, devices: 1 << 40) }
    }

    @Test func wholeNumbersAreCheckedBeforeTheyBecomeCounts() throws {
        #expect(try CostError.wholeNumber(300e9, .trainingTokens) == 300_000_000_000)
        expectCostError(.trainingTokens) { _ = try CostError.wholeNumber(9e29, .trainingTokens) }
        expectCostError(.inputTokens) { _ = try CostError.wholeNumber(1.5, .inputTokens) }
        expectCostError(.inputTokens) { _ = try CostError.wholeNumber(.nan, .inputTokens) }
        expectCostError(.inputTokens) {
            _ = try TaskPrice.price(inputTokens: 1e300, outputTokens: 1, inputPrice: .init(0.01), outputPrice: .init(0.03))
        }
        expectCostError(.inputCharacters) {
            _ = try TaskPrice.price(inputCharacters: 0.5, outputCharacters: 1, tokensPerCharacter: 2, inputPrice: .init(0.01), outputPrice: .init(0.03))
        }
    }

    @Test func energyInputsHaveMaxima() {
        expectCostError(.pue) { _ = try EnergyOptions(pue: 1e300) }
        expectCostError(.electricityPrice) { _ = try EnergyOptions(tariff: DollarsPerKilowattHour(1e300)) }
    }
}
