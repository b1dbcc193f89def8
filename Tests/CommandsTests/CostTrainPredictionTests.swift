import CostModel
import Foundation
import ParallelPlan
import Testing
import Workload
@testable import Commands

/// `cost train` on a catalog device without `--mfu` prices at the MFU the plan model predicts.
@Suite struct CostTrainPredictionTests {
    func rendered(_ arguments: [String]) throws -> Rendered {
        guard let command = try LLMCost.parseAsRoot(arguments) as? CostTrain else { throw CLIError("not cost train") }
        return try command.rendered()
    }

    func field(_ r: Rendered, _ key: String) -> JSONValue? { r.value(at: key) }

    @Test func withoutAStatedMFUTheFastestFittingPlanPredictsIt() throws {
        let r = try rendered(["cost", "train", "llama-2-7b", "--tokens", "2e12", "--devices", "8", "--hardware", "a100-80gb", "--seq", "2048"])
        let spec = try ModelLoading.load("llama-2-7b")
        let device = try Accelerator(HardwareCatalog.a100_80gb)
        let plan = try #require(PredictedTraining.fastest(TrainingJob(spec: spec, seq: 2048, globalBatch: 512), devices: 8, on: device))
        guard case let .number(mfu)? = field(r, "mfu") else { Issue.record("no mfu"); return }
        #expect(abs(mfu - plan.mfu) < 1e-12)
        #expect(field(r, "mfu_source") == .string("predicted"))
        #expect(r.notes.contains { $0.contains("predicted by the fastest plan that fits 8 × a100-80gb-sxm") })
    }

    @Test func aStatedMFUOrTheRuleIsNotPredicted() throws {
        let stated = try rendered(["cost", "train", "llama-2-7b", "--tokens", "2e12", "--devices", "8", "--hardware", "a100-80gb", "--mfu", "0.5"])
        #expect(field(stated, "mfu_source") == .string("stated"))
        let rule = try rendered(["cost", "train", "--parameters", "7e9", "--tokens", "2e12", "--devices", "8"])
        #expect(field(rule, "mfu_source") == .string("default"))
    }

    @Test func whenNoPlanFitsTheDefaultStaysAndTheNoteSaysWhy() throws {
        let r = try rendered(["cost", "train", "llama-2-70b", "--tokens", "2e12", "--devices", "1", "--hardware", "a100-80gb"])
        #expect(field(r, "mfu_source") == .string("default"))
        #expect(r.notes.first?.contains("no plan of 512 sequences fits 1 × a100-80gb-sxm") == true)
        // A device whose links the catalog does not know cannot be planned: the note says so.
        let unlinked = try rendered(["cost", "train", "gpt2", "--tokens", "1e9", "--devices", "8", "--hardware", "rtx-4090", "--price-per-hour", "0.5"])
        #expect(field(unlinked, "mfu_source") == .string("default"))
        #expect(unlinked.notes.first?.contains("rtx-4090 has no catalogued links between devices") == true)
    }

    @Test func aGlobalBatchWithNothingToPlanIsRefusedNamingIt() throws {
        do {
            _ = try rendered(["cost", "train", "llama-2-7b", "--tokens", "2e12", "--mfu", "0.4", "--global-batch", "64"])
            Issue.record("accepted")
        } catch let error as CostError {
            #expect(error.parameter == .globalBatch)
        }
    }
}
