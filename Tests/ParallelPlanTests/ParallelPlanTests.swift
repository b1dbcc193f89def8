import Foundation
import CostModel
import _TestSupport
import Testing
import Workload
@testable import ParallelPlan

/// The catalog's A100 80GB (312 TFLOP/s bf16, 2,039 GB/s) on NVLink 3 and HDR InfiniBand at $2/h.
let a100 = try! Accelerator(HardwareCatalog.a100_80gb, intraNode: InterconnectCatalog.nvlink3,
                            interNode: InterconnectCatalog.infinibandHDR, pricePerHour: DollarsPerHour(2))

@Suite struct ZeroMemoryTests {
    /// ZeRO paper (Rajbhandari et al. 2020), Figure 1: Ψ = 7.5B, N_d = 64, K = 12.
    @Test func modelStatesMatchTheZeroPaper() {
        let psi = ExactCount(7_500_000_000)
        func total(_ stage: Int) -> Double {
            Double(ParallelConfig(dp: 64, zero: stage).modelStateComponents(psi).reduce(Int128(0)) { $0 + $1.bytes.value }) / 1e9
        }
        #expect(total(0) == 120)
        #expect(abs(total(1) - 31.40625) < 1e-9)   // 4Ψ + 12Ψ/64
        #expect(abs(total(2) - 16.640625) < 1e-9)  // 2Ψ + 14Ψ/64
        #expect(abs(total(3) - 1.875) < 1e-9)      // 16Ψ/64
    }

    @Test func tensorAndPipelineSplitLayerParameters() throws {
        let p = try ParameterCount.report(for: ReferenceSpecs.llama2_7b)
        let perDevice = ParallelConfig(tp: 4, pp: 2, dp: 1).parametersPerDevice(p).value
        let vocab: Int128 = 131_072_000
        #expect(perDevice == (6_738_415_616 - 2 * vocab) / 8 + vocab / 4)
    }
}

@Suite struct CollectiveVolumeTests {
    @Test func bubbleFractionIsPMinusOneOverMPlusPMinusOne() {
        #expect(ParallelConfig(pp: 4, microBatches: 12).bubbleFraction == 3.0 / 15.0)
        #expect(ParallelConfig(pp: 1, microBatches: 1).bubbleFraction == 0)
    }

    @Test func ringAllReduceMovesTwiceNMinusOneOverNOfTheMessage() {
        #expect(Ring.allReduce(Bytes(1000), 8) == Bytes(1750))
        #expect(Ring.gather(Bytes(1000), 4) == Bytes(750))
        #expect(Ring.allReduce(Bytes(1000), 1) == .zero)
    }

    @Test func dataParallelAllReduceCarriesBf16Gradients() throws {
        let job = TrainingJob(spec: ReferenceSpecs.gpt2, seq: 1024, globalBatch: 64)
        let e = try ParallelConfig(dp: 8).evaluate(job, on: a100)
        let dpComm = try #require(e.collectives.first { $0.name == "dp_gradient_allreduce" })
        let gradientBytes: Double = 2 * 124_439_808
        #expect(dpComm.bytesPerDevice.value == 2 * 7 / 8 * gradientBytes)
        #expect(dpComm.link.name == "nvlink3")
    }

    @Test func tensorParallelAllReducesFourPerLayerPerMicroBatch() throws {
        let job = TrainingJob(spec: ReferenceSpecs.gpt2, seq: 1024, globalBatch: 8)
        let e = try ParallelConfig(tp: 4, pp: 1, dp: 1, microBatches: 2).evaluate(job, on: a100)
        let tp = try #require(e.collectives.first { $0.name == "tp_allreduce" })
        // 12 layers × 4 all-reduces × 2 micro-batches, each of 2 bytes × 4 sequences × 1024 × 768.
        let message: Double = 2 * 4 * 1024 * 768
        let perAllReduce: Double = 2 * 3 / 4 * message
        #expect(tp.bytesPerDevice.value == 96 * perAllReduce)
    }

    @Test func crossAttentionIsOneMoreTensorParallelReductionPerDecoderLayer() throws {
        // T5-base: 12 encoder layers close 2 row-parallel blocks (attention, FFN), 12 decoder layers 3
        // (cross-attention too); each is all-reduced forward and backward, for each of 2 micro-batches.
        let job = TrainingJob(spec: ReferenceSpecs.t5Base, seq: 512, globalBatch: 8)
        let e = try ParallelConfig(tp: 4, pp: 1, dp: 1, microBatches: 2).evaluate(job, on: a100)
        let tp = try #require(e.collectives.first { $0.name == "tp_allreduce" })
        #expect(tp.count == 2 * (12 * 2 + 12 * 3) * 2)
    }

    @Test func pipelineSendsActivationsBothWaysPerMicroBatch() throws {
        let job = TrainingJob(spec: ReferenceSpecs.gpt2, seq: 1024, globalBatch: 16)
        let e = try ParallelConfig(pp: 4, microBatches: 8).evaluate(job, on: a100)
        let pp = try #require(e.collectives.first { $0.name == "pp_send_recv" })
        let activation: Double = 2 * 2 * 1024 * 768
        #expect(pp.bytesPerDevice.value == 16 * activation)
        #expect(abs(e.bubbleTime.value - e.computeTime.value * 3 / 8) < 1e-12)
    }

    @Test func activationsFollowKorthikantiWithTensorAndSequenceParallelism() {
        let layer = ModelOperations(ReferenceSpecs.gpt2).stacks[0]
        let s = 1024, b = 2, h = 768, a = 12, t = 4
        let noSP = ParallelConfig.activationBytesPerLayer(layer, hidden: h, seq: s, micro: b, tp: t, sp: false, recompute: .none)
        let replicated = s * b * h * 10, split = s * b * h * 24 / t, scores = 5 * a * s * s * b / t
        #expect(noSP.value == Int128(replicated + split + scores))
        let sp = ParallelConfig.activationBytesPerLayer(layer, hidden: h, seq: s, micro: b, tp: t, sp: true, recompute: .selective)
        #expect(sp.value == Int128(s * b * h * 34 / t))
    }
}

@Suite struct PlanValidationTests {
    let job = TrainingJob(spec: ReferenceSpecs.llama2_7b, seq: 4096, globalBatch: 64, recompute: .selective)

    @Test func devicesMustEqualTheProductOfTheDegrees() {
        #expect(throws: PlanError.self) { try ParallelConfig(tp: 2, pp: 2, dp: 2).validate(for: job.spec, devices: 16) }
    }

    @Test func headsMustDivideByTensorParallelism() {
        #expect(throws: PlanError.self) { try ParallelConfig(tp: 3).validate(for: job.spec) }
    }

    @Test func layersMustDivideByPipelineStages() {
        #expect(throws: PlanError.self) { try ParallelConfig(pp: 5).validate(for: job.spec) }
    }

    @Test func expertParallelismCannotExceedTheExperts() {
        #expect(throws: PlanError.self) { try ParallelConfig(dp: 16, ep: 16).validate(for: ReferenceSpecs.mixtral) }
        #expect(throws: PlanError.self) { try ParallelConfig(dp: 2, ep: 2).validate(for: ReferenceSpecs.llama2_7b) }
        #expect(throws: Never.self) { try ParallelConfig(dp: 8, ep: 8).validate(for: ReferenceSpecs.mixtral) }
    }

    @Test func theSearchFindsFittingPlansAndTheSmallestDeviceCount() throws {
        let plans = PlanSearch.plans(devices: 16, job: job, on: a100)
        #expect(plans.first?.fits == true)
        #expect(plans.allSatisfy { $0.config.devices == 16 })
        let smallest = try #require(PlanSearch.smallestFittingDeviceCount(job: job, on: a100))
        #expect(smallest >= 2)   // 16 bytes × 6.74B = 108 GB of model state does not fit one 80 GB device
        #expect(PlanSearch.plans(devices: smallest / 2, job: job, on: a100).allSatisfy { !$0.fits })
    }
}

@Suite struct ServingTests {
    @Test func smallBatchDecodeIsMemoryBoundAndTensorParallelismSplitsTheTraffic() throws {
        let one = try ServingPlan.estimate(spec: ReferenceSpecs.llama2_7b, tp: 1, batch: 1, context: 1024, on: a100)
        #expect(one.boundBy == "memory bandwidth")
        // Every bf16 weight but the untied 32,000 × 4,096 input table, of which the token gathers a row.
        let bytes: Double = 2 * 6_738_415_616 - 32_000 * 4_096 * 2 + 4_096 * 2 + 524_288 * 1024
        // The A100 80GB streams at the 1.80 of its 2.039 TB/s a read kernel was measured at.
        #expect(abs(a100.bandwidth.value - 1.8e12) < 1)
        let weightsAndCache = bytes / 1.8e12
        #expect(abs(one.rooflineTimePerToken.value - weightsAndCache) < 1e-12)
        let four = try ServingPlan.estimate(spec: ReferenceSpecs.llama2_7b, tp: 4, batch: 1, context: 1024, on: a100)
        #expect(four.memoryTime.value * 4 - one.memoryTime.value < 1e-12)
        #expect(try four.replicas(for: 1000) >= 1)
    }

    /// A dense decoder's step is priced operation by operation, as the published TensorRT-LLM rows
    /// are, and its throughput follows that step; the roofline stays beside it. At batch 1 both
    /// read the same weights and cache, but for the embedding row the roofline gathers (4,096 × 2
    /// bytes, split over tp = 2), the element-wise kernels the step runs and its layers' fixed cost.
    @Test func aDenseDecoderIsServedAtItsPerOperationStep() throws {
        let spec = ReferenceSpecs.llama2_7b
        let one = try ServingPlan.estimate(spec: spec, tp: 2, batch: 1, context: 1024, on: a100)
        let step = try #require(one.predictedStep)
        let direct = try TensorParallelGeneration(tp: 2).step(spec: spec, batch: 1, length: 1024, prefill: false, on: a100,
                                                              kernelEfficiency: TrainingJob.fittedKernelEfficiency)
        #expect(step == direct)
        #expect(one.timePerToken == step.total && abs(one.tokensPerSecond - 1 / step.total.value) < 1e-9)
        #expect(step.allReduce == one.communicationTime)
        let embeddingRow = 4_096.0 * 2 / 2 / a100.bandwidth.value
        #expect(abs((one.rooflineTimePerToken - step.total).value - (embeddingRow - step.elementwise.value - step.layerOverhead.value)) < 1e-12)
        // At a large batch the roofline overlaps the KV-cache read with GEMMs at the peak; the step
        // runs them one after the other, its GEMMs at η of the achievable rate.
        let big = try ServingPlan.estimate(spec: spec, tp: 1, batch: 1024, context: 128, on: a100)
        #expect(big.timePerToken.value > big.rooflineTimePerToken.value * 1.2)
    }

    /// A mixture is served at its per-operation step: at batch 1 its routed experts part reads
    /// the 2 of Mixtral's 8 experts a token reaches, a quarter of the routed weights; a dense
    /// model has no such part, and a state-space model keeps the roofline.
    @Test func aMixtureIsServedAtItsPerOperationStepReadingTheExpertsItReaches() throws {
        let mixtral = try ServingPlan.estimate(spec: ReferenceSpecs.mixtral, tp: 1, batch: 1, context: 1024, on: a100)
        let step = try #require(mixtral.predictedStep)
        #expect(mixtral.timePerToken == step.total)
        let traffic = try MemoryEstimator(spec: ReferenceSpecs.mixtral).report(batch: 1, seq: 1024).weightTraffic
        #expect(abs(step.routedExperts.value - Double((traffic.routedExperts + 3) / 4) / a100.bandwidth.value) < 1e-12)
        // Eight sequences reach 1 − (3/4)^8 of the experts: a step still bound by what it reads.
        let eight = try #require(try ServingPlan.estimate(spec: ReferenceSpecs.mixtral, tp: 2, batch: 8, context: 1024, on: a100).predictedStep)
        let share = 1 - pow(0.75, 8.0)
        #expect(abs(eight.routedExperts.value / (Double(traffic.routedExperts) * share / 2 / a100.bandwidth.value) - 1) < 1e-9)
        let dense = try #require(try ServingPlan.estimate(spec: ReferenceSpecs.llama2_7b, tp: 1, batch: 1, context: 1024, on: a100).predictedStep)
        #expect(dense.routedExperts == .zero)
        let mamba = try ServingPlan.estimate(spec: try Workload.ModelLoader.load("falcon-mamba-7b").spec, tp: 1, batch: 1, context: 1024, on: a100)
        #expect(mamba.predictedStep == nil && mamba.timePerToken == mamba.rooflineTimePerToken)
    }

    /// A mixture's decode step reads its dense weights and only the experts its batch reaches
    /// (Mixtral at batch 1: 2 of 8), at the same bytes `memory` reports for that step.
    @Test func aMixtureDecodeStepReadsOnlyTheTouchedExperts() throws {
        let spec = ReferenceSpecs.mixtral
        let one = try ServingPlan.estimate(spec: spec, tp: 1, batch: 1, context: 1024, on: a100)
        let memory = try MemoryEstimator(spec: spec).report(batch: 1, seq: 1024)
        let t = memory.weightTraffic
        let read = Double(t.alwaysRead + (t.routedExperts + 3) / 4) + 4_096 * 2 + Double(memory.kvCache.total)
        #expect(abs(one.memoryTime.value - read / a100.bandwidth.value) < 1e-12)
        #expect(Double(memory.decodeStep.total) == read)
        #expect(read < Double(memory.inferenceTotal))
    }
}

/// Qwen3-Next's Gated DeltaNet splits by its 16 key heads (each with its two value heads), as
/// Megatron splits attention; a degree that does not divide them is refused naming tp.
@Test func tensorParallelLinearAttentionSplitsByKeyHeads() throws {
    let spec = try Workload.ModelLoader.load("qwen3-next-80b-a3b").spec
    for tp in [2, 4, 8, 16] { try ParallelConfig(tp: tp, dp: 2).validate(for: spec) }
    let error = try #require(throws: PlanError.self) { try ParallelConfig(tp: 32).validate(for: spec) }
    #expect(error.parameter == .tensorParallel)
    #expect("\(error)".contains("linear-attention key heads"))
}
