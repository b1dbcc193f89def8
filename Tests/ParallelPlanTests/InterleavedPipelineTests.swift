import CostModel
import _TestSupport
import Testing
import Workload
@testable import ParallelPlan

/// Megatron-LM's interleaved 1F1B schedule (Narayanan et al. 2021, §2.2.2): v chunks per stage.
@Suite struct InterleavedPipelineTests {
    func config(v: Int) -> ParallelConfig {
        var c = ParallelConfig(tp: 1, pp: 4, dp: 1, microBatches: 8)
        c.virtualStages = v
        return c
    }

    @Test func chunksPerStageDivideTheBubbleAndMultiplyTheStageTraffic() throws {
        let job = TrainingJob(spec: ReferenceSpecs.gpt2, seq: 1024, globalBatch: 8)
        let plain = try config(v: 1).evaluate(job, on: a100), interleaved = try config(v: 3).evaluate(job, on: a100)
        // Same work on every device; the idle slots are a third as long.
        #expect(plain.computeTime == interleaved.computeTime)
        #expect(abs(interleaved.bubbleTime.value - plain.bubbleTime.value / 3) < 1e-12)
        #expect(abs(plain.bubbleTime.value - plain.computeTime.value * 3 / 8) < 1e-12)
        #expect(config(v: 3).bubbleFraction == 3.0 / (24.0 + 3.0))
        let send = { (e: PlanEvaluation) in try #require(e.collectives.first { $0.name == "pp_send_recv" }) }
        #expect(try send(interleaved).bytesPerDevice.value == 3 * send(plain).bytesPerDevice.value)
        #expect(try send(interleaved).count == 3 * send(plain).count)
    }

    @Test func interleavingKeepsMoreActivationsInFlight() throws {
        let job = TrainingJob(spec: ReferenceSpecs.gpt2, seq: 1024, globalBatch: 8)
        let activations = { (v: Int) throws -> Int128 in
            try #require(try self.config(v: v).evaluate(job, on: a100).memory.components.first { $0.name == "decoder_activations" }).bytes.value
        }
        // Korthikanti et al. 2022, §4.2.3: × (1 + (P − 1)/(P·v)), here 1 + 3/12.
        let plain = try activations(1), interleaved = try activations(3)
        #expect(interleaved == (plain * 15 + 11) / 12)
    }

    @Test func chunksMustHoldWholeLayersOfAPipeline() {
        // GPT-2: 12 layers on 4 stages, 3 each.
        #expect(throws: PlanError.self) { try config(v: 2).validate(for: ReferenceSpecs.gpt2) }
        #expect(throws: Never.self) { try config(v: 3).validate(for: ReferenceSpecs.gpt2) }
        var flat = ParallelConfig(tp: 1, pp: 1, dp: 4, microBatches: 2)
        flat.virtualStages = 2
        do {
            try flat.validate(for: ReferenceSpecs.gpt2)
            Issue.record("interleaving without a pipeline was accepted")
        } catch let error as PlanError {
            #expect(error.parameter == .virtualStages)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
