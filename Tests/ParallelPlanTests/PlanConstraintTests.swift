import _TestSupport
import Testing
import Workload
@testable import ParallelPlan

/// `--zero`, `--ep` and `--micro-batches` in a search restrict it; they are never dropped.
@Suite struct PlanConstraintTests {
    let job = TrainingJob(spec: ReferenceSpecs.llama2_7b, seq: 4096, globalBatch: 64, recompute: .selective)

    @Test func aFixedZeroStageIsTheOnlyOneSearched() {
        for stage in 0...3 {
            let plans = PlanSearch.plans(devices: 16, job: job, on: a100, constraints: PlanConstraints(zero: stage))
            #expect(!plans.isEmpty)
            #expect(plans.allSatisfy { $0.config.zero == stage })
        }
    }

    @Test func aFixedMicroBatchCountIsTheOnlyOneSearched() {
        let plans = PlanSearch.plans(devices: 16, job: job, on: a100, constraints: PlanConstraints(microBatches: 4))
        #expect(!plans.isEmpty)
        #expect(plans.allSatisfy { $0.config.microBatches == 4 })
        #expect(PlanSearch.plans(devices: 16, job: job, on: a100, constraints: PlanConstraints(microBatches: 1_000_000)).isEmpty)
    }

    @Test func aFixedExpertDegreeIsTheOnlyOneSearched() {
        let moe = TrainingJob(spec: ReferenceSpecs.mixtral, seq: 1024, globalBatch: 64)
        let plans = PlanSearch.plans(devices: 16, job: moe, on: a100, constraints: PlanConstraints(ep: 2))
        #expect(!plans.isEmpty)
        #expect(plans.allSatisfy { $0.config.ep == 2 })
    }

    @Test func impossibleConstraintsNameTheirOption() {
        func option(_ c: PlanConstraints, _ spec: ModelSpec) -> InputParameter? {
            do { try c.validate(for: spec); return nil } catch { return error.parameter }
        }
        #expect(option(PlanConstraints(zero: 4), ReferenceSpecs.llama2_7b) == .zeroStage)
        #expect(option(PlanConstraints(ep: 2), ReferenceSpecs.llama2_7b) == .expertParallel)      // dense: no experts
        #expect(option(PlanConstraints(ep: 16), ReferenceSpecs.mixtral) == .expertParallel)       // 8 experts
        #expect(option(PlanConstraints(ep: 3), ReferenceSpecs.mixtral) == .expertParallel)
        #expect(option(PlanConstraints(microBatches: 0), ReferenceSpecs.llama2_7b) == .microBatches)
        #expect(option(PlanConstraints(ep: 4, microBatches: 8), ReferenceSpecs.mixtral) == nil)
    }

    @Test func replicasForAnAbsurdLoadAreAnErrorNotATrap() throws {
        let one = try ServingPlan.estimate(spec: ReferenceSpecs.llama2_7b, tp: 1, batch: 1, context: 1024, on: a100)
        #expect(throws: PlanError.self) { _ = try one.replicas(for: 1e300) }
        #expect(throws: PlanError.self) { _ = try one.replicas(for: .nan) }
        #expect(try one.replicas(for: one.tokensPerSecond * 2.5) == 3)
    }
}
