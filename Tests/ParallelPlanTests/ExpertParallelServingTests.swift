import CostModel
import Foundation
import _TestSupport
import Testing
import Workload
@testable import ParallelPlan

/// The expert-parallel serving step (`ExpertParallelDeployment`) and the published serving rows.
@Suite struct ExpertParallelServingTests {
    static func deepSeek() throws -> ModelSpec {
        try ModelLoader.loadFile(at: PublishedRunTests.specs.appendingPathComponent("deepseek-v3.yaml").path).spec
    }
    static let h100 = try! Accelerator(HardwareCatalog.h100SXM, precision: .fp8)

    /// Decode reads the dense copy, this device's slots of the routed experts the group touches,
    /// and its sequences' KV cache, at the datasheet bandwidth.
    @Test func decodeReadsTheDenseCopyItsExpertSlotsAndItsCache() throws {
        let spec = try Self.deepSeek()
        let deployment = ExpertParallelDeployment(devices: 72, redundantExperts: 32)
        let step = try deployment.decodeStep(spec: spec, batchPerDevice: 256, context: 2000, on: Self.h100)
        let memory = try MemoryEstimator(spec: spec, requestedWeightType: nil).report(batch: 256, seq: 2000)
        let touched = WeightTraffic.touchedShare(experts: 256, topK: 8, tokens: 256 * 72)
        let bytes = Double(memory.weightTraffic.alwaysRead) + Double(memory.weightTraffic.routedExperts) * 288 / 256 / 72 * touched
            + Double(memory.kvCacheBytesPerToken) * 256 * 2000
        #expect(abs(step.memory.value - bytes / Self.h100.bandwidth.value) < 1e-12)
    }

    /// DeepEP's low-latency (decode) kernels send a token to each expert on another device over
    /// RDMA; its normal (prefill) kernels send one copy per other node, forwarding over NVLink,
    /// and group-limited routing bounds those nodes.
    @Test func decodeSendsPerExpertAndPrefillPerNode() throws {
        let spec = try Self.deepSeek()
        let decode = try ExpertParallelDeployment(devices: 72, redundantExperts: 32).decodeStep(spec: spec, batchPerDevice: 8, context: 100, on: Self.h100)
        #expect(abs(decode.remoteCopiesPerToken - 8.0 * 71 / 72) < 1e-12)
        let prefill = try ExpertParallelDeployment(devices: 32, redundantExperts: 32).prefill(spec: spec, tokensPerDevice: 4096, promptLength: 1024, on: Self.h100)
        // 4 nodes, routing limited to 4 groups: 4 × 3/4 other nodes per token.
        #expect(abs(prefill.remoteCopiesPerToken - 3) < 1e-12)
    }

    /// Two overlapped micro-batches hide the all-to-alls behind compute (the excess is exposed);
    /// without the overlap they add.
    @Test func overlapHidesTheAllToAllsBehindCompute() throws {
        let spec = try Self.deepSeek()
        var deployment = ExpertParallelDeployment(devices: 32, redundantExperts: 32)
        let hidden = try deployment.prefill(spec: spec, tokensPerDevice: 16384, promptLength: 4096, on: Self.h100)
        let busy = max(hidden.gemm + hidden.attention, hidden.memory)
        #expect(hidden.exposedAllToAll == Seconds(max(0, hidden.allToAll.value - busy.value)))
        #expect(hidden.total == busy + hidden.exposedAllToAll)
        deployment.overlapsAllToAll = false
        let serial = try deployment.prefill(spec: spec, tokensPerDevice: 16384, promptLength: 4096, on: Self.h100)
        #expect(serial.total == busy + serial.allToAll)
    }

    @Test func aDenseModelOrUnevenExpertsAreRefusedNamingExpertParallelism() throws {
        let llama = try ModelLoader.loadFile(at: PublishedRunTests.specs.appendingPathComponent("llama-2-7b.yaml").path).spec
        for (spec, deployment) in [(llama, ExpertParallelDeployment(devices: 8)), (try Self.deepSeek(), ExpertParallelDeployment(devices: 7))] {
            do {
                _ = try deployment.decodeStep(spec: spec, batchPerDevice: 1, context: 10, on: Self.h100)
                Issue.record("accepted \(spec.name) on \(deployment.devices)")
            } catch let error as PlanError {
                #expect(error.parameter == .expertParallel)
            }
        }
    }

    /// Every serving row states its setup and, outside 25 %, why; its reported step is the
    /// tokens of the step at the reported rate.
    @Test func servingRowsStateTheirSetupAndWhyTheyMiss() throws {
        let spec = try Self.deepSeek()
        for run in PublishedServingRuns.all {
            #expect(!run.assumptions.isEmpty && !run.source.isEmpty, "\(run.name)")
            let device = try Accelerator(HardwareCatalog.named(run.hardware), precision: run.precision)
            let check = try PublishedServingCheck.check(run, spec: spec, device: device)
            #expect(abs(check.reportedStepSeconds - Double(run.batchPerDevice) / run.reportedTokensPerSecondPerDevice) < 1e-12)
            if abs(check.error) > PublishedRunFit.outsideBound { #expect(run.outsideBecause != nil, "\(run.name)") }
        }
    }

    /// The accuracy bar is measured on every row, training and serving together.
    @Test func accuracyCountsTrainingAndServingRowsTogether() throws {
        let fit = try PublishedRunFit.fit(try PublishedRunFitTests.inputs())
        let spec = try Self.deepSeek()
        let serving = try PublishedServingRuns.all.map { run in
            try PublishedServingCheck.check(run, spec: spec, device: try Accelerator(HardwareCatalog.named(run.hardware), precision: run.precision),
                                            kernelEfficiency: fit.efficiency)
        }
        let accuracy = PublishedAccuracy(training: fit, serving: serving)
        let errors = fit.rows.map { abs($0.check.error) } + serving.map { abs($0.error) }
        #expect(accuracy.rowCount == fit.rows.count + serving.count && accuracy.rowCount >= 15)
        #expect(accuracy.medianAbsoluteError == PublishedRunFit.median(errors))
        #expect(accuracy.worstAbsoluteError == errors.max())
    }
}
