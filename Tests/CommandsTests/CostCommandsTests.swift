import Foundation
import Testing
@testable import Commands

/// Runs the cost commands in-process and inspects what they would print.
@Suite struct CostCommandsTests {
    func rendered(_ arguments: [String]) throws -> Rendered {
        let command = try LLMCost.parseAsRoot(arguments)
        switch command {
        case let c as CostTrain: return try c.rendered()
        case let c as CostInfer: return try c.rendered()
        case let c as CostOperate: return try c.rendered()
        case let c as CostBreakEven: return try c.rendered()
        case let c as CostTask: return try c.rendered()
        case let c as Seeds: return try c.rendered()
        default: throw CLIError("not a cost command: \(type(of: command))")
        }
    }

    func json(_ arguments: [String]) throws -> String { try rendered(arguments).json.serialized() }

    @Test func trainReproducesTheSeedsGPT3Figure() throws {
        let out = try json(["cost", "train", "--parameters", "175e9", "--tokens", "500e9", "--hardware", "a100",
                            "--mfu", "1", "--price-per-hour", "2.2659", "--devices", "1024"])
        #expect(out.contains("\"training_flops\": 525000000000000000000000"))
        #expect(out.contains("\"rule_flops_6nd\": 525000000000000000000000"))
        #expect(out.contains("\"dollars\": 1059114.58333"))
    }

    @Test func inferIsMemoryBoundAtBatchOneAndComputeBoundAtLargeBatch() throws {
        let small = try json(["cost", "infer", "--parameters", "7e9", "--prompt", "1", "--new-tokens", "101", "--batch", "1"])
        #expect(small.contains("\"memory_bound_steps\": 100"))
        let large = try json(["cost", "infer", "--parameters", "7e9", "--prompt", "1", "--new-tokens", "101", "--batch", "1024"])
        #expect(large.contains("\"compute_bound_steps\": 100"))
    }

    @Test func operateBreakevenAndTaskRun() throws {
        #expect(try json(["cost", "operate", "--parameters", "7e9", "--requests-per-day", "1e6"]).contains("\"devices\": "))
        let breakeven = try json(["cost", "breakeven", "--pretraining-cost", "144e6", "--inference-cost-per-1k", "0.007",
                                  "--fee-per-month", "20", "--tokens-per-user-month", "1.8e6"])
        #expect(breakeven.contains("\"subscribers\": 3243243.24"))
        let task = try rendered(["cost", "task", "--input-characters", "5000", "--output-characters", "500",
                                 "--input-price-per-1k", "0.01", "--output-price-per-1k", "0.03", "--explain"])
        #expect(task.json.serialized().contains("\"dollars\": 0.13"))
        #expect(task.tables.count == 2)   // --explain adds the formula table
    }

    @Test func seedsListsEveryExampleAndRecomputes() throws {
        let r = try rendered(["seeds"])
        #expect(r.tables[0].rows.count == 22)
        #expect(r.tables[0].rows.contains { $0[0] == "seed000-total-cost" && $0[3] == "$1025.04" && $0[4] == "differs" })
        #expect(r.tables[1].rows.contains { $0[0] == "gpt3-pretraining" && $0[1] == "h200" })
    }

    @Test func seedsRecomputesOnAMeasuredHost() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("llmcost-host-\(UUID()).json").path
        try Data(#"{"schema_version": 1, "peak_gflops": 268, "best_sgemm_gflops": 150, "bandwidth_gbps": 20}"#.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try rendered(["seeds", "--host-profile", path, "--price-per-hour", "0.1"])
        #expect(r.tables[1].rows.contains { $0[1].hasPrefix("host") })
        let infer = try json(["cost", "infer", "--parameters", "1e9", "--hardware", path, "--price-per-hour", "0.1"])
        #expect(infer.contains("\"effective_flops\": 150000000000"))
    }

    @Test func badInputsAreOneLineErrorsNamingTheOption() {
        let cases: [([String], String)] = [
            (["cost", "train", "--parameters", "1e9", "--tokens", "1e9", "--mfu", "0"], "--mfu"),
            (["cost", "train", "--parameters", "1e9", "--tokens", "1e9", "--hardware", "h100-sxn"], "did you mean h100-sxm"),
            (["cost", "infer", "--parameters", "1e9", "--hardware", "host"], "--price-per-hour: a measured host profile carries no price"),
            (["cost", "infer", "--parameters", "1e9", "--hardware", "/nonexistent/p.json"], "--hardware"),
            (["cost", "infer", "--parameters", "1e9", "--devices", "0"], "--devices"),
            (["cost", "infer", "--parameters", "1e9", "--new-tokens", "0"], "--new-tokens"),
            (["cost", "breakeven", "--pretraining-cost", "1e6", "--inference-cost-per-1k", "0.007", "--fee-per-month", "20",
              "--tokens-per-user-day", "0"], "--tokens-per-user-day"),
            (["cost", "infer"], "missing MODEL"),
            (["cost", "task", "--input-tokens", "10", "--input-price-per-1k", "0", "--output-price-per-1k", "1"], "--input-price-per-1k"),
            (["cost", "breakeven", "--pretraining-cost", "1e6", "--inference-cost-per-1k", "0.03", "--price-per-1k", "0.02"], "--price-per-1k"),
        ]
        for (arguments, expected) in cases {
            do {
                _ = try rendered(arguments)
                Issue.record("no error for \(arguments)")
            } catch {
                let text = "\(error)"
                #expect(text.contains(expected), "\(arguments): \(text)")
                #expect(!text.contains("\n"), "\(arguments)")
            }
        }
    }
}

/// The option spellings of the issue text and of the README both work, with the same result.
@Suite struct CostOptionSpellingTests {
    func json(_ arguments: [String]) throws -> String { try CostCommandsTests().json(arguments) }

    @Test func issueSpellingsAreAliasesOfTheREADMEs() throws {
        #expect(try json(["cost", "train", "--parameters", "7e9", "--tokens", "1e12", "--gpus", "64", "--electricity-price", "0.2"])
            == json(["cost", "train", "--parameters", "7e9", "--tokens", "1e12", "--devices", "64", "--electricity", "0.2"]))
        #expect(try json(["cost", "infer", "--parameters", "7e9", "--prompt-tokens", "100", "--output-tokens", "50"])
            == json(["cost", "infer", "--parameters", "7e9", "--prompt", "100", "--new-tokens", "50"]))
        #expect(try json(["cost", "task", "--input-tokens", "10000", "--output-tokens", "1000", "--price-in", "0.01", "--price-out", "0.03"])
            == json(["cost", "task", "--input-tokens", "10000", "--output-tokens", "1000",
                     "--input-price-per-1k", "0.01", "--output-price-per-1k", "0.03"]))
    }
}
