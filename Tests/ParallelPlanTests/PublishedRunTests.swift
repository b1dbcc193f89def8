import CostModel
import Foundation
import _TestSupport
import Testing
import Workload
@testable import ParallelPlan

@Suite struct PublishedRunTests {
    static let specs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../ModelSpecs")

    /// BLOOM's published 176,247,271,424 parameters from the architecture: token table V·h, the
    /// embedding LayerNorm, 70 × (12h² + 13h) with biases, the final LayerNorm, tied head.
    @Test func bloomSpecCountsThePublishedParameters() throws {
        let spec = try ModelLoader.loadFile(at: Self.specs.appendingPathComponent("bloom-176b.yaml").path).spec
        let h = 14336
        let byHand = 250_880 * h + 2 * h + 70 * (12 * h * h + 13 * h) + 2 * h
        #expect(byHand == 176_247_271_424)
        #expect(try ParameterCount.report(for: spec).total == Int128(byHand))
    }

    /// Megatron-LM's GPT shapes reproduce the paper's parameter column (P = 12lh²(1 + 13/(12h) + (V + s)/(12lh))).
    @Test func megatronTableShapesGiveThePublishedParameterCounts() throws {
        for (layers, hidden, heads, billions) in [(80, 12288, 96, 145.6), (96, 16384, 128, 310.1), (105, 20480, 128, 529.6), (128, 25600, 160, 1008.0)] {
            let p = try ParameterCount.report(for: PublishedRuns.megatronGPT("m", layers: layers, hidden: hidden, heads: heads)).total
            #expect(abs(Double(p) / 1e9 - billions) < 0.05, "\(billions)B")
        }
    }

    @Test func everyRowStatesItsAssumptionsAndUsesOneErrorConvention() throws {
        for run in PublishedRuns.all {
            #expect(!run.assumptions.isEmpty, "\(run.name)")
            if let plan = run.plan { #expect(plan.devices == run.devices, "\(run.name)") }
        }
    }

    /// Each row's prediction is traceable: compute, bubble and every group's exposed
    /// communication add up to the predicted step.
    @Test func aRowsPredictedStepIsItsBreakdownsSum() throws {
        let run = try #require(PublishedRuns.all.first { $0.name == "Megatron-LM 174.6B (384 GPUs)" })
        guard case .spec(let spec) = run.model else { Issue.record("Megatron row is written out"); return }
        let e = try PublishedRunCheck.check(run, spec: spec, device: a100).evaluation
        let exposed = Collective.groups.reduce(Seconds.zero) { $0 + e.exposedTime($1) }
        #expect(abs((e.computeTime + e.bubbleTime + exposed).value - e.stepTime.value) <= 1e-12 * e.stepTime.value)
        #expect(e.communicationTime("TP") >= e.exposedTime("TP") && e.exposedTime("TP") > .zero)
        #expect(abs(e.deviceTime.total.value - e.computeTime.value) <= 1e-12 * e.computeTime.value)
    }

    @Test func throughputRowsAreComparedOnStepTimeAndMFUExcludesRecomputation() throws {
        let run = try #require(PublishedRuns.all.first { $0.name == "Megatron-LM 174.6B (384 GPUs)" })
        guard case .spec(let spec) = run.model else { Issue.record("Megatron row is written out"); return }
        let check = try PublishedRunCheck.check(run, spec: spec, device: a100)
        // reported step = hardware FLOPs ÷ (devices × 153 TFLOP/s); HFU = 153/312.
        #expect(abs(check.reportedStepSeconds - check.hardwareStepFLOPs / (384 * 153e12)) < 1e-9)
        #expect(abs(check.impliedHFU - 153.0 / 312.0) < 1e-12)
        #expect(abs(check.impliedMFU - check.impliedHFU * check.modelStepFLOPs / check.hardwareStepFLOPs) < 1e-12)
        #expect(check.impliedMFU < check.impliedHFU)
        #expect(abs(check.error - (check.predictedStepSeconds / check.reportedStepSeconds - 1)) < 1e-12)
        #expect(check.assumptions.contains { $0.contains("GEMM efficiency η") })
    }

    /// Llama 3.1 405B as the paper's Table 3 gives it: 405,853,388,800 parameters (the Hugging Face
    /// checkpoint's count); at Table 4's 430 and 400 TFLOP/s our exact count implies the paper's
    /// own BF16 MFU of 43 % and 41 % (model FLOPs, no recomputation).
    @Test func llama3_405bRowsImplyThePapersMFU() throws {
        #expect(try ParameterCount.report(for: PublishedRuns.llama3_405b).total == 405_853_388_800)
        let h100 = try Accelerator(HardwareCatalog.h100SXM)
        for (gpus, mfu) in [(8192, 0.43), (16384, 0.41)] {
            let run = try #require(PublishedRuns.all.first { $0.name == "Llama 3.1 405B (\(gpus) GPUs)" })
            let check = try PublishedRunCheck.check(run, spec: PublishedRuns.llama3_405b, device: h100)
            #expect(abs(check.impliedMFU - mfu) < 0.01, "\(gpus) GPUs")
            #expect(check.impliedMFU == check.impliedHFU)
        }
    }

    /// MegaScale's Table 2 gives seconds per iteration: that is the reported step, and our exact
    /// count at it implies the MFU the table prints (within a point: its FLOP formula is its own).
    @Test func iterationTimeRowsTakeTheirStepAsPublished() throws {
        for (name, seconds, mfu) in [("MegaScale 175B (12288 GPUs)", 6.34, 0.552), ("MegaScale's Megatron-LM 175B (256 GPUs)", 40.0, 0.530)] {
            let run = try #require(PublishedRuns.all.first { $0.name == name })
            guard case .spec(let spec) = run.model else { Issue.record("MegaScale rows are written out"); return }
            let check = try PublishedRunCheck.check(run, spec: spec, device: a100)
            #expect(check.reportedStepSeconds == seconds)
            #expect(abs(check.impliedMFU - mfu) < 0.01, "\(name): \(check.impliedMFU)")
        }
    }
}

@Suite struct MosaicBenchmarkRowTests {
    /// The README's NumParams column (size, sequence), which moves with the sequence length
    /// (learned positions): every row's shape must reproduce it to the parameter, or the row
    /// prices another model.
    @Test func mptShapesReproduceTheTablesParameterCounts() throws {
        let published: [String: Int] = [
            "125m 2048": 125_311_488, "350m 2048": 355_985_408, "760m 2048": 760_470_528, "1b 2048": 1_315_950_592,
            "3b 2048": 2_651_837_440, "3b 4096": 2_657_080_320, "7b 2048": 6_658_859_008, "7b 4096": 6_667_247_616,
            "7b 8192": 6_684_024_832, "7b 16384": 6_717_579_264, "13b 2048": 12_853_954_560, "30b 2048": 29_975_214_080,
            "70b 2048": 64_862_437_376,
        ]
        #expect(PublishedRuns.mosaicRuns.count == 20)
        for run in PublishedRuns.mosaicRuns {
            guard case .spec(let spec) = run.model else { Issue.record("\(run.name) is written out"); continue }
            let size = spec.name.replacingOccurrences(of: "mpt-benchmark-", with: "")
            let expected = try #require(published["\(size) \(run.seq)"], "\(run.name)")
            #expect(try ParameterCount.report(for: spec).total == Int128(expected), "\(run.name)")
            #expect(run.plan?.devices == run.devices)
        }
    }

    /// The H100 rows' note says the other H100 runs are predicted within 10 %: it must stay true.
    @Test func theHopperNotesClaimAboutTheOtherH100RunsHolds() throws {
        let fit = try PublishedRunFit.fit(try PublishedRunFitTests.inputs())
        let named = ["Llama 3.1 405B (8192 GPUs)", "Llama 3.1 405B (16384 GPUs)", "MLPerf GPT-3 175B (512 H100)"]
        for name in named {
            let row = try #require(fit.rows.first { $0.check.run.name == name })
            #expect(abs(row.check.error) <= 0.10, "\(name): \(row.check.error)")
        }
        #expect(PublishedRuns.mosaicHopperGap.contains("within 10 %"))
    }

    /// Tokens per second per GPU become the step time; our exact FLOPs at that step imply the MFU
    /// the table prints (within a point: MosaicML counts 6N plus non-causal attention).
    @Test func tokenThroughputRowsImplyTheTablesMFU() throws {
        let h100 = try Accelerator(HardwareCatalog.h100SXM)
        let mfu: [String: (Double, Accelerator)] = [
            "MosaicML MPT 125m (8 A100, 2K)": (0.4479, a100), "MosaicML MPT 7b (8 A100, 2K)": (0.6423, a100),
            "MosaicML MPT 7b (8 A100, 16K)": (0.5196, a100), "MosaicML MPT 70b (64 A100, 2K)": (0.5333, a100),
            "MosaicML MPT 7b (8 H100, 2K)": (0.4644, h100), "MosaicML MPT 70b (64 H100, 2K)": (0.4257, h100),
        ]
        for (name, (expected, device)) in mfu {
            let run = try #require(PublishedRuns.mosaicRuns.first { $0.name == name })
            guard case .spec(let spec) = run.model else { Issue.record("\(name) is written out"); continue }
            let check = try PublishedRunCheck.check(run, spec: spec, device: device)
            let tokensPerStep = Double(run.seq * run.globalBatch)
            #expect(abs(check.reportedStepSeconds - tokensPerStep / (Double(run.devices) * run.reportedTokensPerSecondPerDevice!)) < 1e-12)
            #expect(abs(check.impliedMFU - expected) < 0.01, "\(name): \(check.impliedMFU)")
        }
    }
}
