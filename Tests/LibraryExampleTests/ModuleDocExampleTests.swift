import CostModel
import HostBench
import ParallelPlan
import Testing
import Workload

// The code each module's DocC landing page shows (`Sources/<Module>/<Module>.docc/<Module>.md`),
// one marked function per page; `ModuleDocExampleTests` checks each page's block is its body.

func workloadPageExample() throws -> (parameters: Int128, perToken: Int128) {
    // README example: workload
    let model = try ModelLoader.load("llama-2-7b").spec
    let parameters = try ParameterCount.report(for: model).total        // 6,738,415,616
    let prefill = try FlopCounter(spec: model).prefill(batch: 1, seq: 4096)
    let perToken = prefill.total / prefill.tokens                        // 15,361,638,400
    // README example: end
    return (parameters, perToken)
}

func costModelPageExample() throws -> TrainingCost {
    // README example: costmodel
    let model = try ModelLoader.load("llama-2-7b").spec
    let figures = try ModelFigures(spec: model, sequenceLength: 4096)
    let h100 = try HardwareProfile.datasheet(HardwareCatalog.named("h100-sxm"), mfu: 0.4)
    let run = try TrainingCost.estimate(model: figures, tokens: 2_000_000_000_000, hardware: h100, devices: 1024)
    print(run.dollars, run.wallClock)  // $190,196.15 2.6 days
    // README example: end
    return run
}

func parallelPlanPageExample() throws -> PlanEvaluation {
    // README example: parallelplan
    let model = try ModelLoader.load("llama-2-7b").spec
    let h100 = try Accelerator(HardwareCatalog.named("h100-sxm"))
    let job = TrainingJob(spec: model, seq: 4096, globalBatch: 512, recompute: .selective)
    let best = PlanSearch.plans(devices: 64, job: job, on: h100)[0]
    print(best.config, best.stepTime, best.fits)  // tp1·pp1·dp64 zero2 m4 2.825 s true
    // README example: end
    return best
}

/// Compiled, not run by the tests: a bench run times this host for tens of seconds and needs
/// OpenBLAS (`llmcost bench --quick` runs the same code path in CommandsTests' end-to-end runs).
func hostBenchPageExample() throws -> HostMeasurement {
    // README example: hostbench
    let configuration = BenchConfiguration(shape: .default, quick: true)
    let report = try BenchRunner.run(configuration: configuration) { print($0) }
    let host = report.measurement  // a CostModel.HostMeasurement
    // README example: end
    return host
}

@Suite struct ModuleDocExampleTests {
    @Test(arguments: [("Workload", "workload"), ("CostModel", "costmodel"), ("ParallelPlan", "parallelplan"), ("HostBench", "hostbench")])
    func landingPageShowsCompiledCode(module: String, marker: String) throws {
        let page = "Sources/\(module)/\(module).docc/\(module).md"
        let source = try ExampleSource.text("Tests/LibraryExampleTests/ModuleDocExampleTests.swift")
        let body = try ExampleSource.region(marker, of: source.components(separatedBy: "\n"))
            .map { $0.hasPrefix("    ") ? String($0.dropFirst(4)) : $0 }.joined(separator: "\n")
        #expect(ExampleSource.swiftBlocks(in: try ExampleSource.text(page)) == [body], "\(page)'s code block is not \(marker)'s body in \(#fileID)")
    }

    @Test func landingPageFiguresAreTheCounts() throws {
        let workload = try workloadPageExample()
        #expect(workload.parameters == 6_738_415_616 && workload.perToken == 15_361_638_400)
        let run = try costModelPageExample()
        #expect(run.dollars.description == "$190,196.15" && run.wallClock.description == "2.6 days")
    }

    /// The planner's pick for llama-2-7b on 64 H100s is `llmcost plan llama-2-7b --devices 64
    /// --seq 4096`'s first row (selective recomputation and a global batch of 512 are its defaults).
    @Test func plannerPageFigures() throws {
        let best = try parallelPlanPageExample()
        #expect(best.config.description == "tp1·pp1·dp64 zero2 m4")
        #expect(best.stepTime.description == "2.825 s")
        #expect(best.fits)
    }
}
