import Workload
import Testing
@testable import CostModel

@Suite struct BadInputTests {
    let model = ModelFigures.rule(name: "m", parameters: 1_000_000)

    @Test func utilisationOutsideZeroToOne() {
        for mfu in [0, -0.1, 1.01, .nan, .infinity] {
            expectCostError(.mfu) { _ = try HardwareProfile.datasheet(HardwareCatalog.h100SXM, mfu: mfu) }
        }
    }

    @Test func zeroOrNegativePrices() {
        expectCostError(.pricePerHour) { _ = try HardwareProfile.datasheet(HardwareCatalog.h100SXM, mfu: 0.4, pricePerHour: DollarsPerHour(0)) }
        expectCostError(.pricePerHour) { _ = try HardwareProfile.datasheet(HardwareCatalog.h100SXM, mfu: 0.4, pricePerHour: DollarsPerHour(-2)) }
        expectCostError(.inputPricePer1K) {
            _ = try TaskPrice.price(inputTokens: 1, outputTokens: 1, inputPrice: .init(0), outputPrice: .init(0.03))
        }
        expectCostError(.pricePer1K) {
            _ = try BreakEven.solve(pretraining: Dollars(1e6), inferenceCost: .init(0.01), revenue: .perToken(.init(-1)))
        }
    }

    @Test func tokensAndDevices() {
        expectCostError(.trainingTokens) { _ = try TrainingCost.estimate(model: model, tokens: 0, hardware: .seedA100) }
        expectCostError(.devices) { _ = try TrainingCost.estimate(model: model, tokens: 1, hardware: .seedA100, devices: 0) }
        expectCostError(.promptTokens) { _ = try InferenceCost.estimate(model: model, promptTokens: 0, outputTokens: 1, hardware: .seedA100) }
        expectCostError(.newTokens) { _ = try InferenceCost.estimate(model: model, promptTokens: 1, outputTokens: 0, hardware: .seedA100) }
        expectCostError(.batch) { _ = try InferenceCost.estimate(model: model, promptTokens: 1, outputTokens: 1, batch: 0, hardware: .seedA100) }
        expectCostError(.devices) { _ = try InferenceCost.estimate(model: model, promptTokens: 1, outputTokens: 1, hardware: .seedA100, devices: -1) }
        expectCostError(.inputTokens) {
            _ = try TaskPrice.price(inputTokens: -5, outputTokens: 1, inputPrice: .init(0.01), outputPrice: .init(0.03))
        }
        expectCostError(.sequenceLength) { _ = try ModelFigures(spec: SeedAudit.gpt3(layers: 1), sequenceLength: 0) }
    }

    @Test func operatingInputs() {
        expectCostError(.requestsPerDay) {
            _ = try OperatingCost.estimate(model: model, requestsPerDay: 0, promptTokens: 1, outputTokens: 1, hardware: .seedA100)
        }
        expectCostError(.targetUtilisation) {
            _ = try OperatingCost.estimate(model: model, requestsPerDay: 1, promptTokens: 1, outputTokens: 1, hardware: .seedA100,
                                           targetUtilisation: 1.5)
        }
        expectCostError(.pue) { _ = try EnergyOptions(pue: 0.9) }
        expectCostError(.electricityPrice) { _ = try EnergyOptions(tariff: .init(-0.1)) }
        expectCostError(.electricityPrice) { _ = try EnergyOptions(tariff: .init(0)) }   // a zero price is an error, like every price
    }

    @Test func revenueThatNeverCoversCost() {
        expectCostError(.pricePer1K) {
            _ = try BreakEven.solve(pretraining: Dollars(1e6), inferenceCost: .init(0.03), revenue: .perToken(.init(0.02)))
        }
        expectCostError(.feePerMonth) {
            _ = try BreakEven.solve(pretraining: Dollars(1e6), inferenceCost: .init(0.02),
                                    revenue: .subscription(fee: Dollars(20), tokensPerUserPerMonth: 2_000_000))
        }
        expectCostError(.months) {
            _ = try BreakEven.solve(pretraining: Dollars(1e6), months: 0, inferenceCost: .init(0.01), revenue: .perToken(.init(0.02)))
        }
    }

    @Test func hardwareWithoutBandwidthCannotDecode() throws {
        let noBandwidth = try HardwareProfile(name: "x", origin: .stated, peak: .tera(1), utilisation: 1, bandwidth: nil,
                                              memoryGigabytes: nil, tdp: nil, pricePerHour: .init(1), sources: [:])
        expectCostError(.hardware) { _ = try InferenceCost.estimate(model: model, promptTokens: 1, outputTokens: 1, hardware: noBandwidth) }
    }

    @Test func anMFUThatImpliesMoreThanFullHardwareUtilisationIsRejected() throws {
        // Full recomputation of GPT-3 (1 layer, seq 2048) makes the hardware do 18,603,515,904 ÷ 14,878,973,952
        // = 1.2503 × the model FLOPs: MFU 0.8 would need HFU 1.0003.
        let figures = try ModelFigures(spec: SeedAudit.gpt3(layers: 1), sequenceLength: 2048, recompute: .full)
        let h100 = try HardwareProfile.datasheet(HardwareCatalog.h100SXM, mfu: 0.8)
        expectCostError(.mfu) { _ = try TrainingCost.estimate(model: figures, tokens: 2048, hardware: h100) }
    }

    @Test func errorDescriptionIsOneLineNamingTheOption() {
        #expect(CostError(.mfu, "must lie in (0, 1]").description == "mfu: must lie in (0, 1]")
        #expect(CostError(.mfu, "state a lower \(InputParameter.mfu)").rendered { "--" + $0.rawValue } == "--mfu: state a lower --mfu")
    }
}
