import _TestSupport
import Foundation
import Testing
@testable import Workload

/// A decode step reads the dense weights every time and a mixture's routed experts only as far as
/// its tokens reach them: `E·(1 − (1 − k/E)^B)` distinct experts per sparse layer under uniform,
/// independent routing.
@Suite struct WeightTrafficTests {
    @Test func touchedShareIsOneMinusTheMissProbability() {
        #expect(WeightTraffic.touchedShare(experts: 8, topK: 2, tokens: 1) == 0.25)
        #expect(abs(WeightTraffic.touchedShare(experts: 8, topK: 2, tokens: 2) - (1 - 0.75 * 0.75)) < 1e-15)
        #expect(abs(WeightTraffic.touchedShare(experts: 256, topK: 8, tokens: 37) - (1 - pow(1 - 8.0 / 256, 37))) < 1e-12)
        #expect(WeightTraffic.touchedShare(experts: 8, topK: 2, tokens: 0) == 0)
        #expect(WeightTraffic.touchedShare(experts: 8, topK: 8, tokens: 1) == 1)
        #expect(WeightTraffic.touchedShare(experts: 128, topK: 8, tokens: 1 << 20) == 1)
    }

    /// Mixtral at batch 1 reads 2 of its 8 experts per layer; at batch 4 1 − 0.75⁴ of them.
    @Test func aMixtureDecodeStepReadsTheDenseWeightsAndTheTouchedExperts() throws {
        let spec = ReferenceSpecs.mixtral
        let parameters = try ParameterCount.report(for: spec)
        let experts = try #require(parameters.components.first { $0.name == "experts" }).parameters.value
        // Mixtral's input embedding is untied: 32,000 rows of 4,096 bf16 values, gathered by row.
        let all = 2 * parameters.total, routed = 2 * experts, table: Int128 = 32_000 * 4_096 * 2
        for (batch, share) in [(1, 0.25), (4, 1 - pow(0.75, 4))] {
            let report = try MemoryEstimator(spec: spec).report(batch: batch, seq: 128)
            #expect(report.weightTraffic == WeightTraffic(alwaysRead: all - routed - table, routedExperts: routed, experts: 8, topK: 2,
                                                          gatheredTables: [.init(name: "the untied token embedding", bytes: table, rows: 32_000)]))
            let read = Dictionary(uniqueKeysWithValues: report.decodeStep.components.map { ($0.name, $0.bytes.value) })
            #expect(read["weights"] == all - routed - table)
            #expect(read["embedding_rows"] == Int128(batch) * 4_096 * 2)
            #expect(read["routed_experts"] == Int128((Double(routed) * share).rounded(.up)))
            #expect(read["kv_cache"] == report.kvCache.total)
            #expect(report.decodeStep.total < report.inferenceTotal)
        }
    }

    /// Every weight every step, but an untied input embedding (Llama 2: 32,000 × 4,096) only in the
    /// rows the step's tokens gather; a tied one is the LM head's matrix and is read whole.
    @Test func aDenseModelReadsEveryWeightButTheEmbeddingRowsItDoesNotGather() throws {
        let report = try MemoryEstimator(spec: ReferenceSpecs.llama2_7b).report(batch: 3, seq: 64)
        #expect(report.decodeStep.components.map(\.name) == ["weights", "embedding_rows", "kv_cache"])
        let table: Int128 = 32_000 * 4_096 * 2
        #expect(report.weightTraffic.alwaysRead == report.weights.total - table)
        #expect(report.weightTraffic.total == report.weights.total)
        #expect(report.weightTraffic.bytes(tokens: 3) == report.weights.total - table + 3 * 4_096 * 2)
        #expect(report.weightTraffic.bytes(tokens: 40_000) == report.weights.total)
        #expect(report.decodeStep.total == report.inferenceTotal - table + 3 * 4_096 * 2)
        // GPT-2 ties its table to the head and gathers one of its 1,024 learned positions a token.
        let gpt2 = try MemoryEstimator(spec: try ModelLoader.load("gpt2").spec).report(batch: 1, seq: 64)
        #expect(gpt2.weightTraffic.gatheredTables == [.init(name: "the learned positions", bytes: 1_024 * 768 * 2, rows: 1_024)])
        let gathered = try #require(gpt2.decodeStep.components.first { $0.name == "embedding_rows" })
        #expect(gathered.bytes == ExactCount(768 * 2))
    }

    /// The routed experts are priced at the checkpoint's own storage (gpt-oss: MXFP4), shared
    /// experts stay in the part read every step (DeepSeek-V3), and a large batch reads nearly all.
    @Test func theTouchedShareIsOfTheStoredExpertBytes() throws {
        let oss = try ModelLoader.load("gpt-oss-20b").spec
        let stored = try MemoryEstimator(spec: oss, requestedWeightType: nil).report(batch: 1, seq: 64)
        let experts = try #require(stored.weights.components.first { $0.name == "experts" }).bytes.value
        #expect(stored.weightTraffic.routedExperts == experts)
        let ossTable = try #require(stored.weights.components.first { $0.name == "token_embedding" }).bytes.value
        #expect(stored.weightTraffic.alwaysRead == stored.weights.total - experts - ossTable)

        let v3 = try ModelLoader.load("deepseek-v3").spec
        let one = try MemoryEstimator(spec: v3, requestedWeightType: nil).report(batch: 1, seq: 64)
        let shared = try #require(one.weights.components.first { $0.name == "shared_expert" }).bytes.value
        let routed = try #require(one.weights.components.first { $0.name == "experts" }).bytes.value
        let v3Table = try #require(one.weights.components.first { $0.name == "token_embedding" }).bytes.value
        #expect(one.weightTraffic.alwaysRead == one.weights.total - routed - v3Table)
        #expect(one.weightTraffic.alwaysRead > shared)
        let read = try #require(one.decodeStep.components.first { $0.name == "routed_experts" })
        #expect(read.bytes.value == Int128((Double(routed) * 8 / 256).rounded(.up)))
        #expect(read.formula.contains("uniform, independent routing"))
        let big = try MemoryEstimator(spec: v3, requestedWeightType: nil).report(batch: 4096, seq: 64)
        #expect(big.decodeStep.components.first { $0.name == "routed_experts" }?.bytes.value == routed)
    }

    /// The one rule for the weights' storage: a named dtype, else the checkpoint's, else bf16.
    @Test func aNamedDtypeOverridesTheCheckpointAndNothingNamedKeepsIt() throws {
        let v3 = try ModelLoader.load("deepseek-v3").spec
        #expect(MemoryEstimator(spec: v3, requestedWeightType: nil).checkpoint == v3.checkpointPrecision)
        let named = MemoryEstimator(spec: v3, requestedWeightType: .fp8)
        #expect(named.checkpoint == nil && named.weightType == .fp8)
        let dense = MemoryEstimator(spec: ReferenceSpecs.llama2_7b, requestedWeightType: nil)
        #expect(dense.checkpoint == nil && dense.weightType == .bf16)
    }
}
