import Testing
import Workload
@testable import CostModel

/// `cost` prices the weights as `memory` does (one rule, `MemoryEstimator(requestedWeightType:)`)
/// and reads only the routed experts a step's tokens reach.
@Suite struct WeightStorageCostTests {
    let h100: HardwareProfile
    init() throws { h100 = try .datasheet(HardwareCatalog.h100SXM, precision: .bf16, mfu: 0.4) }

    @Test(arguments: ["gpt-oss-20b", "deepseek-v3"])
    func costPricesTheCheckpointsStorageUnlessADtypeIsNamed(name: String) throws {
        let spec = try ModelLoader.load(name).spec
        let memory = try MemoryEstimator(spec: spec, requestedWeightType: nil).report(batch: 1, seq: 512)
        let figures = try ModelFigures(spec: spec, sequenceLength: 512)
        #expect(figures.weightBytes == memory.weights.total)
        #expect(figures.weightTraffic == memory.weightTraffic)
        #expect(figures.weightBytes < 2 * figures.totalParameters)   // mxfp4 / fp8, not bf16
        let bf16 = try ModelFigures(spec: spec, sequenceLength: 512, weightType: .bf16)
        #expect(bf16.weightBytes == 2 * bf16.totalParameters)
    }

    /// Mixtral at batch 1: each decode step reads the dense weights, 2 of 8 experts and the cache.
    @Test func aMixtureDecodeStepReadsOnlyTheTouchedExperts() throws {
        let spec = try ModelLoader.load("mixtral-8x7b").spec
        let figures = try ModelFigures(spec: spec, sequenceLength: 512)
        let t = figures.weightTraffic
        #expect(t.experts == 8 && t.topK == 2 && t.routedExperts > 0)
        let cost = try InferenceCost.estimate(model: figures, promptTokens: 512, outputTokens: 3, batch: 1, hardware: h100)
        let step = try #require(cost.firstDecodeStep)
        // Its untied input embedding (32,000 × 4,096 bf16) is read one row a token.
        #expect(t.gatheredTables == [.init(name: "the untied token embedding", bytes: 32_000 * 4_096 * 2, rows: 32_000)])
        let row = 4_096.0 * 2, table = 32_000 * row
        let expected = Double(t.alwaysRead + (t.routedExperts + 3) / 4) + row + Double(figures.kvCacheBytesPerToken) * 512
        #expect(abs(step.bytes - expected) <= 1)
        #expect(step.bytes < Double(figures.weightBytes))
        #expect(cost.notes.contains { $0.description.contains("uniform, independent routing") })
        // The prefill's 512 tokens reach every expert (to within a byte) and 512 rows of the table.
        #expect(abs(cost.prefill.bytes - (Double(figures.weightBytes) - table + 512 * row) - Double(figures.kvCacheBytesPerToken) * 512) <= 1)
        // A large batch reads nearly every expert; a dense rule model reads every weight at any batch.
        let big = try InferenceCost.estimate(model: figures, promptTokens: 512, outputTokens: 3, batch: 64, hardware: h100)
        #expect(try #require(big.firstDecodeStep).bytes > Double(figures.weightBytes))
        let rule = ModelFigures.rule(name: "7b", parameters: 7_000_000_000)
        let dense = try InferenceCost.estimate(model: rule, promptTokens: 1, outputTokens: 2, batch: 1, hardware: h100)
        #expect(dense.firstDecodeStep?.bytes == 1.4e10)
    }
}
