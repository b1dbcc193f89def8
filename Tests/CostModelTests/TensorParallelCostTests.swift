import Testing
@testable import CostModel

/// A tensor-parallel replica pays its all-reduces on every step, prefill included.
@Suite struct TensorParallelCostTests {
    @Test func communicationIsAddedToEveryStep() throws {
        let figures = try ModelFigures(spec: SeedAudit.gpt3(layers: 2), sequenceLength: 512)
        let h100 = try HardwareProfile.datasheet(try HardwareCatalog.named("h100-sxm"), precision: .bf16, mfu: 0.4)
        // 1 ms per all-reduce round plus 1 µs per token: prefill of 8 × 512 tokens, 63 decode steps of 8.
        let link = InferenceCost.Communication(source: "test") { tokens in 1e-3 + 1e-6 * Double(tokens) }
        let alone = try InferenceCost.estimate(model: figures, promptTokens: 512, outputTokens: 64, batch: 8, hardware: h100, devices: 2)
        let with = try InferenceCost.estimate(model: figures, promptTokens: 512, outputTokens: 64, batch: 8, hardware: h100, devices: 2,
                                              communication: link)
        let expected = (1e-3 + 1e-6 * 4096) + 63 * (1e-3 + 1e-6 * 8)
        #expect(abs(with.communicationTime.value - expected) < 1e-12)
        #expect(abs(with.batchTime.value - alone.batchTime.value - expected) < 1e-9)
        #expect(alone.communicationTime.value == 0)
        #expect(with.notes.contains { $0.description.contains("all-reduces per batch (test)") })
        #expect(alone.notes.contains { $0.description.contains("communication not modelled") })
    }
}
