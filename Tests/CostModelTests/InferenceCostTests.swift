import Testing
@testable import CostModel

@Suite struct InferenceCostTests {
    /// A 7B rule model in bf16: 1.4e10 FLOPs and 1.4e10 bytes of weights per decode step.
    let model = ModelFigures.rule(name: "7b", parameters: 7_000_000_000)
    let h100: HardwareProfile
    init() throws { h100 = try .datasheet(HardwareCatalog.h100SXM, precision: .bf16, mfu: 0.4) }

    @Test func smallBatchDecodeIsMemoryBound() throws {
        let cost = try InferenceCost.estimate(model: model, promptTokens: 1, outputTokens: 101, batch: 1, hardware: h100)
        #expect(cost.memoryBoundSteps == 100 && cost.computeBoundSteps == 0)
        let step = try #require(cost.firstDecodeStep)
        #expect(step.bound == .memory)
        // 1.4e10 bytes ÷ (3.35e12 B/s × the 3,000 ÷ 3,350 a memory-bound kernel measured) per step.
        let u = 3000.0 / 3350
        expectClose(step.time.value, 1.4e10 / (3.35e12 * u))
        expectClose(cost.decodeTime.value, 100 * 1.4e10 / (3.35e12 * u))
    }

    @Test func largeBatchDecodeIsComputeBound() throws {
        let cost = try InferenceCost.estimate(model: model, promptTokens: 1, outputTokens: 101, batch: 1024, hardware: h100)
        #expect(cost.computeBoundSteps == 100)
        // 1024 × 1.4e10 FLOPs ÷ (989.4e12 × 0.4) per step.
        expectClose(try #require(cost.lastDecodeStep).time.value, 1024 * 1.4e10 / (989.4e12 * 0.4))
        let small = try InferenceCost.estimate(model: model, promptTokens: 1, outputTokens: 101, batch: 1, hardware: h100)
        // Batching amortises the weight reads: far cheaper per token.
        #expect(cost.dollarsPer1KOutputTokens.value < small.dollarsPer1KOutputTokens.value / 50)
    }

    /// Given per-operation steps, the batch is their sum (the prompt step and N − 1 decode steps
    /// at the mean), the all-reduces are the communication parts, the fixed parts neither compute
    /// nor memory, the roofline stays beside it, and the MFU is the batch's model FLOPs over that
    /// time at the datasheet peak.
    @Test func perOperationStepsPriceTheBatchInsteadOfTheRoofline() throws {
        typealias Part = PredictedGeneration.Step.Part
        let predicted = PredictedGeneration(
            prefill: .init(parts: [Part("GEMMs", key: "gemms", Seconds(0.5)), Part("all-reduces", key: "all_reduce", Seconds(0.1), kind: .communication),
                                   Part("fixed", key: "fixed", Seconds(0.05), kind: .fixed)], computeBound: Seconds(0.4)),
            meanDecodeStep: .init(parts: [Part("GEMMs", key: "gemms", Seconds(0.02)), Part("all-reduces", key: "all_reduce", Seconds(0.005), kind: .communication),
                                          Part("fixed", key: "fixed", Seconds(0.002), kind: .fixed)]),
            source: "test steps")
        let roofline = try InferenceCost.estimate(model: model, promptTokens: 100, outputTokens: 11, batch: 4, hardware: h100, devices: 2)
        let cost = try InferenceCost.estimate(model: model, promptTokens: 100, outputTokens: 11, batch: 4, hardware: h100, devices: 2, predicted: predicted)
        expectClose(cost.prefillTime.value, 0.65)
        expectClose(cost.decodeTime.value, 10 * 0.027)
        expectClose(cost.batchTime.value, 0.92)
        expectClose(cost.communicationTime.value, 0.1 + 10 * 0.005)
        let split = try #require(cost.predictedBreakdown)
        expectClose(split.compute.value, 0.4)
        expectClose(split.memory.value, 0.1 + 10 * 0.02)
        expectClose(split.communication.value, 0.15)
        expectClose(split.fixed.value, 0.05 + 10 * 0.002)
        expectClose(cost.rooflineBatchTime.value, roofline.batchTime.value)
        #expect(roofline.batchTime == roofline.rooflineBatchTime && roofline.predicted == nil)
        // 4 × 100 prompt tokens and 4 × 10 decode steps of a 1.4e10-FLOP rule model.
        expectClose(cost.modelFLOPs, 440 * 1.4e10)
        expectClose(cost.mfu, 440 * 1.4e10 / (0.92 * 989.4e12 * 2))
        expectClose(cost.dollarsPerRequest.value, 0.92 * 2 * h100.pricePerHour.value / 3600 / 4)
        #expect(cost.notes.first?.description.contains("priced operation by operation (test steps)") == true)
    }

    @Test func crossoverBatchIsTheMachineBalance() throws {
        // balance = 395.76e12 ÷ (3.35e12 × 3,000 ÷ 3,350) = 131.9 FLOP/B; intensity = batch FLOP/B for this model.
        let below = try InferenceCost.estimate(model: model, promptTokens: 1, outputTokens: 2, batch: 131, hardware: h100)
        let above = try InferenceCost.estimate(model: model, promptTokens: 1, outputTokens: 2, batch: 132, hardware: h100)
        #expect(below.firstDecodeStep?.bound == .memory)
        #expect(above.firstDecodeStep?.bound == .compute)
    }

    /// A stated share replaces the default, which is what a memory-bound kernel was measured to
    /// reach on the device (FlashMLA's 3,000 of 3,350 GB/s on Hopper), with its source.
    @Test func bandwidthUtilisationDefaultsToTheMeasuredShareAndAStatedOneReplacesIt() throws {
        let full = try HardwareProfile.datasheet(HardwareCatalog.h100SXM, mfu: 0.4, bandwidthUtilisation: 1)
        let cost = try InferenceCost.estimate(model: model, promptTokens: 1, outputTokens: 2, batch: 1, hardware: full)
        expectClose(try #require(cost.firstDecodeStep).time.value, 1.4e10 / 3.35e12)
        let measured = try HardwareProfile.datasheet(HardwareCatalog.h100SXM, mfu: 0.4)
        #expect(measured.bandwidthUtilisation == 3000.0 / 3350)
        #expect(measured.sources["bandwidth_utilisation"]?.description.contains("measured 0.896") == true)
        #expect(measured.sources["bandwidth_utilisation"]?.description.contains("FlashMLA") == true)
        let decode = try #require(try InferenceCost.estimate(model: model, promptTokens: 1, outputTokens: 2, hardware: measured)
            .explanation.first { $0.quantity == "decode time" })
        #expect(decode.inputs.contains { $0.name == "u_bw" && $0.value.hasPrefix("0.89") })
        expectCostError(.bandwidthUtilisation) { _ = try HardwareProfile.datasheet(HardwareCatalog.h100SXM, mfu: 0.4, bandwidthUtilisation: 1.2) }
    }

    @Test func memoryIsPrintedInDecimalGigabytesEverywhere() throws {
        let cost = try InferenceCost.estimate(model: model, promptTokens: 1, outputTokens: 2, hardware: h100)
        // 7e9 parameters × 2 bytes = 1.4e10 B = 14.0 GB (no KV cache in the rule model).
        #expect(cost.memory.description == "14.00 GB")
        #expect(cost.explanation.last?.result == "14.00 GB")
    }

    @Test func kvCacheBytesGrowWithContextAndBatch() throws {
        let figures = try ModelFigures(spec: SeedAudit.gpt3(layers: 2), sequenceLength: 512)
        // K and V: 2 × 2 layers × 96 heads × 128 × 2 bytes = 98,304 B per token.
        #expect(figures.kvCacheBytesPerToken == 98_304)
        let cost = try InferenceCost.estimate(model: figures, promptTokens: 512, outputTokens: 64, batch: 8, hardware: h100)
        let last = try #require(cost.lastDecodeStep)
        #expect(last.context == 512 + 62)
        // GPT-3 ties its token table to the head and gathers one of its 2,048 learned positions
        // (12,288 bf16 values) for each of the step's 8 tokens.
        #expect(figures.weightTraffic.gatheredTables == [.init(name: "the learned positions", bytes: 2_048 * 12_288 * 2, rows: 2_048)])
        expectClose(last.bytes, Double(figures.weightBytes) - 2_048 * 12_288 * 2 + 8 * 12_288 * 2 + 8 * 98_304 * Double(512 + 62))
        expectClose(last.flops, 8 * Double(figures.decodeFLOPs(context: 574)))
        #expect(figures.decodeFLOPsPerCachedToken > 0)
    }

    @Test func dollarsFollowFromTime() throws {
        let cost = try InferenceCost.estimate(model: model, promptTokens: 100, outputTokens: 100, batch: 4, hardware: h100)
        expectClose(cost.dollarsPerBatch.value, cost.batchTime.hours * 2.94)
        expectClose(cost.dollarsPerRequest.value, cost.dollarsPerBatch.value / 4)
        expectClose(cost.dollarsPer1KOutputTokens.value, cost.dollarsPerRequest.value / 100 * 1000)
        expectClose(cost.dollarsPer1KTokens.value, cost.dollarsPerRequest.value / 200 * 1000)
        // Every printed figure has its line: prefill, decode, $/request, $/1K output, $/1K, memory.
        #expect(cost.explanation.map(\.quantity) == ["prefill time", "decode time", "dollars per request",
                                                     "dollars per 1K output tokens", "dollars per 1K tokens", "memory"])
    }
}
