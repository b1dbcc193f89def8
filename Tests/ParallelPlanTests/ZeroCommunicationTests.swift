import CostModel
import _TestSupport
import Testing
import Workload
@testable import ParallelPlan

/// ZeRO's data-parallel traffic per step, against hand derivations (Rajbhandari et al. 2020 §7):
/// with a device shard Ψ in bf16 (2Ψ bytes) over N ranks, a ring reduce-scatter or all-gather
/// moves (N−1)/N × 2Ψ per device, an all-reduce twice that; stages 2 and 3 repeat per micro-batch.
@Suite struct ZeroCommunicationTests {
    // GPT-2 on 8 data-parallel ranks, 4 micro-batches of 2 sequences.
    let job = TrainingJob(spec: ReferenceSpecs.gpt2, seq: 1024, globalBatch: 64)
    let psi: Double = 124_439_808
    var gather: Double { 7.0 / 8.0 * 2 * psi }

    func collectives(zero: Int) throws -> [String: Collective] {
        let e = try ParallelConfig(dp: 8, zero: zero, microBatches: 4).evaluate(job, on: a100)
        return Dictionary(uniqueKeysWithValues: e.collectives.map { ($0.name, $0) })
    }

    @Test func stageZeroAllReducesTheGradientsOncePerStep() throws {
        let c = try collectives(zero: 0)
        #expect(c.keys.sorted() == ["dp_gradient_allreduce"])
        #expect(c["dp_gradient_allreduce"]?.bytesPerDevice.value == 2 * gather)
        #expect(c["dp_gradient_allreduce"]?.count == 1)
    }

    @Test func stageOneReduceScattersGradientsAndGathersWeightsOncePerStep() throws {
        let c = try collectives(zero: 1)
        #expect(c["dp_gradient_reducescatter"]?.bytesPerDevice.value == gather)
        #expect(c["dp_weight_allgather"]?.bytesPerDevice.value == gather)
        #expect(c["dp_gradient_reducescatter"]?.count == 1)
    }

    @Test func stageTwoReduceScattersEveryMicroBatch() throws {
        let c = try collectives(zero: 2)
        #expect(c["dp_gradient_reducescatter"]?.bytesPerDevice.value == 4 * gather)
        #expect(c["dp_gradient_reducescatter"]?.count == 4)
        #expect(c["dp_weight_allgather"]?.bytesPerDevice.value == gather)
    }

    @Test func stageThreeGathersTwiceAndReduceScattersOncePerMicroBatch() throws {
        let c = try collectives(zero: 3)
        let total = c.values.filter { $0.group == "DP" }.reduce(0) { $0 + $1.bytesPerDevice.value }
        // 3 × M × (N−1)/N × 2Ψ: the ZeRO paper's 3Ψ per step, M = 4 times over.
        #expect(total == 3 * 4 * gather)
        for name in ["dp_zero3_forward_allgather", "dp_zero3_backward_allgather", "dp_zero3_gradient_reducescatter"] {
            #expect(c[name]?.count == 4, "\(name)")
        }
    }

    @Test func zeroThreeTrafficOfATp2Dp32PlanIsThreeTimesMicroBatchesOfTheShard() throws {
        let job = TrainingJob(spec: ReferenceSpecs.llama2_7b, seq: 4096, globalBatch: 1024, recompute: .selective)
        let e = try ParallelConfig(tp: 2, pp: 1, dp: 32, zero: 3, sequenceParallel: true, microBatches: 32).evaluate(job, on: a100)
        let shard = Double(e.memory.parametersPerDevice)
        let dp = e.collectives.filter { $0.group == "DP" }.reduce(0) { $0 + $1.bytesPerDevice.value }
        #expect(dp == 3 * 32 * (31.0 / 32.0) * 2 * shard)
    }

    /// With gradient accumulation only the last micro-batch's backward (2/3 of compute / M) can
    /// hide a once-per-step all-reduce.
    @Test func oncePerStepAllReduceHidesOnlyBehindTheLastMicroBatchBackward() throws {
        var slow = HardwareCatalog.a100_80gb
        slow.name = "slow"; slow.bandwidth = .giga(2000)
        let slowNetwork = try Accelerator(slow, intraNode: InterconnectCatalog.roce100, interNode: InterconnectCatalog.roce100,
                                          devicesPerNode: 8, pricePerHour: DollarsPerHour(1))
        let e = try ParallelConfig(dp: 8, zero: 0, microBatches: 4).evaluate(job, on: slowNetwork)
        let allReduce = try #require(e.collectives.first { $0.name == "dp_gradient_allreduce" })
        let window = e.computeTime.value / 4 * 2 / 3
        #expect(allReduce.time.value > window)
        #expect(abs(allReduce.exposedTime.value - (allReduce.time.value - window)) < 1e-12)
        #expect(abs(e.stepTime.value - (e.computeTime.value + allReduce.exposedTime.value)) < 1e-12)
    }

    @Test func ringTimeIsBytesOverBandwidthPlusStepsTimesLatency() throws {
        let c = try collectives(zero: 0)
        let l = InterconnectCatalog.nvlink3
        let expected = 2 * gather / l.bandwidth.value + 14 * l.latency.value
        #expect(abs(try #require(c["dp_gradient_allreduce"]).time.value - expected) < 1e-15)
    }
}

/// Mixture-of-experts state and traffic: an expert's weights are replicated over dp / ep ranks only.
@Suite struct ExpertParallelTests {
    let job = TrainingJob(spec: ReferenceSpecs.mixtral, seq: 4096, globalBatch: 512, recompute: .selective)

    @Test func expertStateIsDividedOverTheExpertDataParallelGroup() throws {
        let report = try ParameterCount.report(for: ReferenceSpecs.mixtral)
        let config = ParallelConfig(tp: 1, pp: 1, dp: 16, ep: 8, zero: 1, microBatches: 32)
        let shard = config.parameterShard(report)
        let experts = ExactCount(report.parameters(of: .experts))
        #expect(shard.experts == experts / ExactCount(8))
        #expect(shard.dense == ExactCount(report.total) - experts)
        let optimizer = try #require(config.modelStateComponents(shard).first { $0.name == "optimizer_fp32" })
        // 12Ψ_dense / 16 + 12Ψ_expert / (16 / 8)
        #expect(optimizer.bytes == 12 * shard.dense / ExactCount(16) + 12 * shard.experts / ExactCount(2))
    }

    @Test func expertGradientsAreReducedOverDpOverEpRanks() throws {
        let e = try ParallelConfig(tp: 1, pp: 1, dp: 16, ep: 8, zero: 0, microBatches: 32).evaluate(job, on: a100)
        let dense = try #require(e.collectives.first { $0.name == "dp_gradient_allreduce" })
        let expert = try #require(e.collectives.first { $0.name == "edp_gradient_allreduce" })
        let experts = Double(e.memory.expertParametersPerDevice), all = Double(e.memory.parametersPerDevice)
        #expect(dense.ranks == 16 && expert.ranks == 2)
        #expect(expert.bytesPerDevice.value == 2 * (1.0 / 2.0) * 2 * experts)
        #expect(dense.bytesPerDevice.value == 2 * (15.0 / 16.0) * 2 * (all - experts))
    }

    @Test func mixtralOnSixteenH100sWithZeroOneDoesNotFitOnceExpertsAreCountedRight() throws {
        let h100 = try Accelerator(HardwareCatalog.h100SXM, pricePerHour: DollarsPerHour(3))
        let e = try ParallelConfig(tp: 1, pp: 1, dp: 16, ep: 8, zero: 1, microBatches: 32).evaluate(job, on: h100)
        // 5.6B expert parameters per device with their 12-byte optimizer state over only 2 ranks.
        #expect(!e.fits)
    }

    /// Inside a node every expert copy crosses the node's fabric; across nodes only the copies for
    /// other nodes' experts use the network; with group-limited routing a token crosses it once per
    /// node it is routed to (DeepSeek-V3 §3.2.2).
    @Test func theExpertAllToAllSendsOverTheNetworkOnlyWhatLeavesTheNode() throws {
        let h100 = try Accelerator(HardwareCatalog.h100SXM)
        let mixtral = try #require(ReferenceSpecs.mixtral.decoder?.moe)
        let inNode = ParallelConfig(tp: 1, pp: 1, dp: 8, ep: 8).expertCopies(mixtral, device: h100)
        #expect(abs(inNode.perToken - 2.0 * 7 / 8) < 1e-12)
        let acrossFour = ParallelConfig(tp: 1, pp: 1, dp: 32, ep: 32).expertCopies(mixtral, device: h100)
        #expect(abs(acrossFour.perToken - 2.0 * 3 / 4) < 1e-12)
        let deepSeek = try ModelLoader.loadFile(at: PublishedRunTests.specs.appendingPathComponent("deepseek-v3.yaml").path).spec
        let moe = try #require(deepSeek.decoder?.moe)
        // EP64 over 8 nodes, top-8 limited to 4 groups: 4 nodes, 7/8 of them remote.
        let limited = ParallelConfig(tp: 1, pp: 1, dp: 64, ep: 64).expertCopies(moe, device: h100)
        #expect(abs(limited.perToken - 4.0 * 7 / 8) < 1e-12)
    }

    /// Overlapping the expert all-to-alls with computation (DualPipe) leaves computation 112 of the
    /// 132 SMs; without the overlap, or without expert parallelism, it has them all.
    @Test func overlappedExpertAllToAllsTakeTwentySMsFromComputation() throws {
        let h800 = try Accelerator(HardwareCatalog.named("h800"))
        var config = ParallelConfig(tp: 1, pp: 1, dp: 16, ep: 8, zero: 1, microBatches: 32)
        #expect(config.computeUnitShare(on: h800) == 1)
        config.overlapsExpertAllToAll = true
        #expect(config.computeUnitShare(on: h800) == 112.0 / 132)
        let serial = try ParallelConfig(tp: 1, pp: 1, dp: 16, ep: 8, zero: 1, microBatches: 32).evaluate(job, on: h800)
        let overlapped = try config.evaluate(job, on: h800)
        #expect(abs(overlapped.deviceTime.gemm.value - serial.deviceTime.gemm.value * 132 / 112) < 1e-9)
        #expect(overlapped.deviceTime.elementwise == serial.deviceTime.elementwise)
        config.ep = 1
        #expect(config.computeUnitShare(on: h800) == 1)
    }

    @Test func theSearchEnumeratesExpertParallelismAndSequenceParallelism() {
        let configs = PlanSearch.candidates(devices: 16, job: job, on: a100)
        #expect(Set(configs.map(\.ep)) == [1, 2, 4, 8])
        #expect(configs.allSatisfy { $0.dp % $0.ep == 0 })
        #expect(configs.contains { $0.tp > 1 && $0.sequenceParallel } && configs.contains { $0.tp > 1 && !$0.sequenceParallel })
        #expect(configs.allSatisfy { $0.tp > 1 || !$0.sequenceParallel })
    }
}
