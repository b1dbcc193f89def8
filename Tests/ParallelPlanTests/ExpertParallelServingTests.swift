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

    /// A decode micro-batch of a few tokens is bound by its weights: each part reads its own
    /// weights (the shared experts', this device's expert slots'), whichever micro-batch runs it,
    /// then runs its element-wise kernels over its tokens' activations.
    @Test func aSmallDecodeMicroBatchReadsEachPartsWeightsAnew() throws {
        let spec = try Self.deepSeek()
        let step = try ExpertParallelDeployment(devices: 72, redundantExperts: 32).decodeStep(spec: spec, batchPerDevice: 8, context: 100, on: Self.h100)
        let memory = try MemoryEstimator(spec: spec, requestedWeightType: nil).report(batch: 8, seq: 100)
        let shared = memory.weights.components.first { $0.name == "shared_expert" }!.bytes.value
        let bandwidth = Self.h100.bandwidth.value
        #expect(step.microBatches == 2)
        // A gated expert of width 2,048 on 7,168 keeps 2·7168 + 2·2·2048 bytes per token at its
        // input projections and 2·2·2048 + 7168 at its output projection: 37,888, written and read
        // once, for each of a micro-batch's 4 tokens (× 8 routed copies for the routed experts).
        let expertElementwise = 2.0 * 37_888 * 4
        #expect(abs(step.parts.sharedExperts.value - (Double(shared) / 58 + expertElementwise) / bandwidth) < 1e-15)
        // 4 tokens per micro-batch over 72 devices touch 1 − (1 − 8/256)^288 of the experts.
        let touched = WeightTraffic.touchedShare(experts: 256, topK: 8, tokens: 4 * 72)
        let slots = Double(memory.weightTraffic.routedExperts) * 288 / 256 / 72
        #expect(abs(step.parts.routedExperts.value - (slots * touched / 58 + 8 * expertElementwise) / bandwidth) < 1e-15)
    }

    /// The decode schedule of DeepSeek's profile: per micro-batch, shared experts and the
    /// attention before its core against the dispatch, the routed experts alone, the core and
    /// after against the combine, then the layer's fixed cost; dense layers and the head have no
    /// all-to-all.
    @Test func decodeWaitsOnTheLongerOfEachStageOfDeepSeeksSchedule() throws {
        let step = try ExpertParallelDeployment(devices: 72, redundantExperts: 32).decodeStep(
            spec: try Self.deepSeek(), batchPerDevice: 256, context: 2000, on: Self.h100)
        let p = step.parts
        #expect(p.fixed == TensorParallelGeneration.fittedLayerOverhead)
        let moe = (max(p.sharedExperts + p.attentionBeforeCore, p.dispatch) + p.routedExperts + max(p.attentionCoreAndAfter, p.combine) + p.fixed) * 2
        let expected = moe * 58 + (p.attention + p.denseFFN + p.fixed) * 6 + step.lmHead
        #expect(abs(step.total.value - expected.value) < 1e-12)
        #expect(step.computeUnitShare == 1)
        #expect(step.total >= step.compute && step.total <= step.compute + step.allToAll)
    }

    /// Prefill's overlap: its all-to-alls hold 24 of the H100's 132 SMs, computation the rest,
    /// on the four stages of DeepSeek's prefill profile.
    @Test func prefillComputesOnTheUnitsItsAllToAllsLeave() throws {
        let step = try ExpertParallelDeployment(devices: 32, redundantExperts: 32).prefill(
            spec: try Self.deepSeek(), tokensPerDevice: 16384, promptLength: 4096, on: Self.h100)
        #expect(abs(step.computeUnitShare - 108.0 / 132) < 1e-15)
        let p = step.parts
        let moe = max(p.attention + p.sharedExperts, p.combine) + max(p.attention, p.dispatch) + max(p.routedExperts, p.dispatch)
            + max(p.routedExperts + p.sharedExperts, p.combine) + p.fixed * 2
        let expected = moe * 58 + (p.attention + p.denseFFN + p.fixed) * 6 + step.lmHead
        #expect(abs(step.total.value - expected.value) < 1e-12)
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

    /// Without the overlap one batch runs every part on every unit, then its all-to-alls.
    @Test func withoutTheOverlapComputeAndAllToAllsAdd() throws {
        let spec = try Self.deepSeek()
        let serial = try ExpertParallelDeployment(devices: 32, redundantExperts: 32, overlapsAllToAll: false).prefill(
            spec: spec, tokensPerDevice: 16384, promptLength: 4096, on: Self.h100)
        #expect(serial.microBatches == 1 && serial.computeUnitShare == 1)
        #expect(abs(serial.total.value - (serial.compute + serial.allToAll).value) < 1e-12)
        #expect(serial.exposedAllToAll == serial.allToAll || abs(serial.exposedAllToAll.value - serial.allToAll.value) < 1e-12)
        let overlapped = try ExpertParallelDeployment(devices: 32, redundantExperts: 32).prefill(
            spec: spec, tokensPerDevice: 16384, promptLength: 4096, on: Self.h100)
        #expect(overlapped.total < serial.total)
    }

    /// Multi-token prediction: every sequence feeds its next token and its drafts through the
    /// model, reading its cache once; the draft module adds a MoE layer and a head pass per
    /// depth; the output per step counts each draft while every one before it was accepted.
    @Test func aSpeculativeStepRunsEveryDraftThroughTheModelAndTheDraftModuleAfterIt() throws {
        let spec = try Self.deepSeek()
        let deployment = ExpertParallelDeployment(devices: 128)
        let h800 = try Accelerator(HardwareCatalog.named("h800"), precision: .fp8)
        let mtp = SpeculativeDecoding(draftTokens: 1, acceptanceRate: 0.6)
        let plain = try deployment.decodeStep(spec: spec, batchPerDevice: 128, context: 4096, on: h800)
        let twice = try deployment.decodeStep(spec: spec, batchPerDevice: 256, context: 4096, on: h800)
        let step = try deployment.decodeStep(spec: spec, batchPerDevice: 128, context: 4096, on: h800, speculation: mtp)
        // The tokens of twice the sequences on the network and through the experts; absorbed
        // latent attention is compute-bound here, so the core costs what twice the sequences'
        // does, plus the draft's one extra key.
        #expect(step.parts.dispatch == twice.parts.dispatch && step.parts.routedExperts == twice.parts.routedExperts)
        let core = step.parts.attentionCoreAndAfter.value / twice.parts.attentionCoreAndAfter.value
        #expect(core > 1 && core < 1.001)
        #expect(step.draftModule.value > 0 && plain.draftModule == .zero)
        let p = step.parts
        let moe = (max(p.sharedExperts + p.attentionBeforeCore, p.dispatch) + p.routedExperts + max(p.attentionCoreAndAfter, p.combine) + p.fixed) * 2
        #expect(abs(step.draftModule.value - (moe + step.lmHead).value) < 1e-12)
        #expect(abs(step.total.value - (moe * 58 + (p.attention + p.denseFFN + p.fixed) * 6 + step.lmHead + step.draftModule).value) < 1e-12)
        #expect(abs(mtp.outputTokensPerStep - 1.6) < 1e-12)
        #expect(abs(SpeculativeDecoding(draftTokens: 3, acceptanceRate: 0.5).outputTokensPerStep - 1.875) < 1e-12)
        // Any depth returns at once: every draft held, or the geometric series' sum.
        #expect(SpeculativeDecoding(draftTokens: .max, acceptanceRate: 1).outputTokensPerStep == Double(Int.max) + 1)
        #expect(abs(SpeculativeDecoding(draftTokens: .max, acceptanceRate: 0.5).outputTokensPerStep - 2) < 1e-12)
        do {
            _ = try deployment.decodeStep(spec: spec, batchPerDevice: 1, context: 10, on: h800,
                                          speculation: SpeculativeDecoding(draftTokens: 1, acceptanceRate: .nan))
            Issue.record("accepted a NaN acceptance rate")
        } catch let error as PlanError {
            #expect(error.parameter == .draftTokens)
        }
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
            let outputTokens = Double(run.batchPerDevice) * (run.speculation?.outputTokensPerStep ?? 1)
            #expect(abs(check.reportedStepSeconds - outputTokens / run.reportedTokensPerSecondPerDevice) < 1e-12)
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
