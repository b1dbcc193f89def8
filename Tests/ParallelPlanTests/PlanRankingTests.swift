import _TestSupport
import Testing
import Workload
@testable import ParallelPlan

@Suite struct UtilisationTests {
    @Test func mfuCountsModelFlopsAndHfuCountsRecomputation() throws {
        let job = TrainingJob(spec: ReferenceSpecs.llama2_7b, seq: 4096, globalBatch: 64, recompute: .full)
        let e = try ParallelConfig(tp: 8, dp: 2, zero: 1, microBatches: 32).evaluate(job, on: a100)
        let model = try FlopCounter(spec: ReferenceSpecs.llama2_7b).train(batch: 64, seq: 4096, recompute: .none).total
        #expect(e.modelStepFLOPs == model)
        #expect(e.stepFLOPs > model)
        #expect(abs(e.mfu / e.hfu - Double(model) / Double(e.stepFLOPs)) < 1e-12)
        #expect(abs(e.hfu - Double(e.stepFLOPs) / (16 * 312e12 * e.stepTime.value)) < 1e-12)
    }
}

@Suite struct PlanRankingTests {
    let job = TrainingJob(spec: ReferenceSpecs.llama2_7b, seq: 4096, globalBatch: 64, recompute: .selective)

    @Test func everyPlanAfterTheWinnerSaysWhyItLoses() {
        let plans = PlanSearch.plans(devices: 16, job: job, on: a100)
        #expect(plans.first?.versusBest == "fastest")
        for p in plans.dropFirst() {
            let reason = p.versusBest ?? ""
            #expect(reason.hasPrefix("does not fit: ") || reason.hasPrefix("+") || reason.hasPrefix("same step time") || reason == "ties with the winner",
                    "\(p.config): '\(reason)'")
        }
    }

    @Test func aPlanThatDoesNotFitSaysByHowMuch() throws {
        let plans = PlanSearch.plans(devices: 16, job: job, on: a100)
        let loser = try #require(plans.first { !$0.fits })
        let gb = String(format: "%.1f GB", Double(loser.memory.total) / 1e9)
        #expect(loser.versusBest == "does not fit: \(gb) > 80 GB")
    }

    @Test func aSlowerPlanNamesThePartOfTheStepThatGrewMost() throws {
        let best = try ParallelConfig(tp: 2, pp: 1, dp: 8, zero: 1, microBatches: 8).evaluate(job, on: a100)
        let piped = try ParallelConfig(tp: 2, pp: 4, dp: 2, zero: 1, microBatches: 32).evaluate(job, on: a100)
        let reason = PlanSearch.reason(piped, against: best, device: a100)
        let slower = String(format: "%.1f %%", 100 * (piped.stepTime.value / best.stepTime.value - 1))
        #expect(reason == "+\(slower) step time: bubble \(String(format: "%.1f %%", 100 * 3.0 / 35.0)) vs 0.0 %")
    }

    @Test func plansAreRankedFittingFirstThenByStepTime() {
        let plans = PlanSearch.plans(devices: 16, job: job, on: a100)
        let fitting = plans.prefix { $0.fits }
        #expect(plans.dropFirst(fitting.count).allSatisfy { !$0.fits })
        #expect(zip(fitting, fitting.dropFirst()).allSatisfy { $0.stepTime <= $1.stepTime })
    }
}
