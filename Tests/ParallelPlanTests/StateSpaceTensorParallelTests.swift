import CostModel
import Testing
import Workload
@testable import ParallelPlan

/// Tensor parallelism over state-space mixers, as Megatron-LM and vLLM shard them: `in_proj`
/// column-parallel (Mamba by channels, Mamba-2 by heads and groups), the conv and scan per shard,
/// Mamba's `x_proj` row-parallel with a narrow all-reduce, `out_proj` row-parallel closing the
/// block (or joining attention's reduction in Falcon-H1's parallel layer).
@Suite struct StateSpaceTensorParallelTests {
    private func load(_ name: String) throws -> ModelSpec { try ModelLoader.load(name).spec }

    static let splittable: [(String, Int)] = ["jamba-v0.1", "falcon-mamba-7b", "nemotron-h-8b", "nemotron-3-nano-30b-a3b"]
        .flatMap { name in [2, 4, 8].map { (name, $0) } }

    /// Jamba (Mamba), Falcon-Mamba, Nemotron-H and Nemotron-3-Nano (Mamba-2 with 8 groups) plan at tp 2, 4 and 8.
    @Test(arguments: splittable) func plansAtTensorParallelDegrees(name: String, tp: Int) throws {
        let spec = try load(name)
        try ParallelConfig(tp: tp, dp: 2).validate(for: spec)
        let job = TrainingJob(spec: spec, seq: 2048, globalBatch: 8)
        let e = try ParallelConfig(tp: tp, dp: 2, zero: 1, microBatches: 4).evaluate(job, on: a100)
        #expect(e.collectives.contains { $0.name == "tp_allreduce" })
        #expect(e.collectives.contains { $0.name == "tp_allreduce_ssm_projections" } == (spec.decoder?.stateSpace?.variant == .mamba))
    }

    /// Serving with no tensor-parallel degree asked: the degrees the model cannot shard are left
    /// out with their reason, not a refusal of the whole plan.
    @Test func servingSkipsTheDegreesAOneGroupModelCannotShard() throws {
        let (estimates, skipped) = try ServingPlan.estimates(spec: try load("bamba-9b"), tp: nil, batch: 8, context: 2048, on: a100)
        #expect(estimates.map(\.tp) == [1])
        #expect(skipped.map(\.tp) == [2, 4, 8])
        #expect(skipped.first?.reason.description.contains("stateSpace.groups") == true)
        // Asked for explicitly, the degree is still refused.
        #expect(throws: PlanError.self) { try ServingPlan.estimates(spec: try load("bamba-9b"), tp: 2, batch: 8, context: 2048, on: a100) }
    }

    /// One Mamba-2 group cannot be split: refused naming the spec field, whatever else fits.
    @Test(arguments: ["mamba2-2.7b", "bamba-9b", "falcon-h1-7b"]) func oneGroupIsRefusedNamingTheField(name: String) throws {
        let spec = try load(name)
        let error = try #require(throws: PlanError.self) { try ParallelConfig(tp: 2).validate(for: spec) }
        #expect(error.parameter == .tensorParallel)
        #expect(error.message.description.contains("stateSpace.groups"))
        try ParallelConfig(tp: 1, dp: 8).validate(for: spec)
    }

    @Test func headsAndChannelsThatDoNotSplitAreRefusedNamingTheField() throws {
        var spec = try load("nemotron-h-8b")
        spec.decoder?.stateSpace?.groups = 4
        #expect(throws: Never.self) { try ParallelConfig(tp: 4).validate(for: spec) }
        let groups = try #require(throws: PlanError.self) { try ParallelConfig(tp: 8).validate(for: spec) }
        #expect(groups.message.description.contains("stateSpace.groups"))
        spec.decoder?.stateSpace?.heads = 120; spec.decoder?.stateSpace?.innerSize = 120 * 64
        let heads = try #require(throws: PlanError.self) { try ParallelConfig(tp: 16).validate(for: spec) }
        #expect(heads.message.description.contains("stateSpace.heads"))
        var jamba = try load("jamba-v0.1")
        jamba.decoder?.stateSpace?.innerSize = 8190
        let channels = try #require(throws: PlanError.self) { try ParallelConfig(tp: 4).validate(for: jamba) }
        #expect(channels.message.description.contains("stateSpace.innerSize"))
    }

    /// A pure state-space stack's placeholder attention (one head) does not stop tp.
    @Test func pureStateSpaceStackIgnoresItsPlaceholderHeads() throws {
        var spec = try load("mamba2-2.7b")
        spec.decoder?.stateSpace?.groups = 8
        try ParallelConfig(tp: 8).validate(for: spec)
    }

    /// Nemotron-H: each layer one block, so one all-reduce per layer forward and one backward.
    @Test func singleBlockLayersReduceOncePerLayer() throws {
        let spec = try load("nemotron-h-8b")
        let job = TrainingJob(spec: spec, seq: 1024, globalBatch: 4)
        let e = try ParallelConfig(tp: 4, microBatches: 2).evaluate(job, on: a100)
        let tp = try #require(e.collectives.first { $0.name == "tp_allreduce" })
        #expect(tp.count == 2 * 52 * 2)
    }

    /// Falcon-H1: the mixer's partial sums join attention's all-reduce (both go into the same
    /// residual add), so a layer reduces twice (that and the FFN), not three times.
    @Test func parallelMixerJoinsAttentionsReduction() throws {
        var spec = try load("falcon-h1-7b")
        spec.decoder?.stateSpace?.groups = 4
        let ops = ModelOperations(spec)
        #expect(ops.stacks[0].tensorParallelReductionsPerLayer == 2)
        let job = TrainingJob(spec: spec, seq: 1024, globalBatch: 4)
        let e = try ParallelConfig(tp: 2, microBatches: 2).evaluate(job, on: a100)
        #expect(try #require(e.collectives.first { $0.name == "tp_allreduce" }).count == 2 * 44 * 2 * 2)
    }

    /// Jamba's x_proj output — dt rank 256 + 2 × d_state 16 per token in each of its 28 Mamba
    /// layers — is all-reduced forward and backward per micro-batch: a message of 2·b·s·28·288 bytes.
    @Test func mambaProjectionsAllReduceTheirNarrowOutput() throws {
        let spec = try load("jamba-v0.1")
        let job = TrainingJob(spec: spec, seq: 1024, globalBatch: 4)
        let e = try ParallelConfig(tp: 4, microBatches: 2).evaluate(job, on: a100)
        let narrow = try #require(e.collectives.first { $0.name == "tp_allreduce_ssm_projections" })
        let message: Double = 2 * 2 * 1024 * 28 * 288
        #expect(narrow.count == 2 * 2)
        #expect(narrow.bytesPerDevice.value == 4 * Ring.allReduce(Bytes(message), 4).value)
    }

    /// What every rank keeps whole of a mixer's saved activations: its input (and the norm's);
    /// Mamba adds dt (for dt_proj) and B and C (for the scan), which x_proj's all-reduce hands to
    /// every rank. The rest splits over the ranks.
    @Test func mixerActivationsSplitExceptWhatEveryRankHolds() throws {
        let mamba2 = ModelOperations(try load("mamba2-2.7b")).stacks[0]
        let d = 2560
        #expect(mamba2.savedBytesPerToken(mamba2.layers[0]).replicated == ExactCount(2 * d + 2 * d))
        let falcon = ModelOperations(try load("falcon-mamba-7b")).stacks[0]
        let m = try #require(falcon.spec.stateSpace), R = try #require(m.timeStepRank)
        #expect(falcon.savedBytesPerToken(falcon.layers[0]).replicated == ExactCount(2 * 4096 + 2 * 4096 + 2 * R + 2 * 2 * m.stateSize))
    }
}
