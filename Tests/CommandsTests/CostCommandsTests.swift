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
        // The corrected yuan follows the corrected GPT-3 ($2,714,292.37 × 0.5 × 7.1), and names what it inherits.
        #expect(r.tables[0].rows.contains { $0[0] == "gpt3-pretraining-yuan" && $0[5] == "¥9,635,738" && $0[6] == "gpt3-pretraining" })
        #expect(r.tables[0].rows.contains { $0[0] == "gpt4-over-gpt3" && $0[5] == "260.88×" })
        #expect(r.tables[0].rows.contains { $0[0] == "seed000-total-cost" && $0[3] == "$1025.04" && $0[4] == "differs" })
        #expect(r.tables[1].rows.contains { $0[0] == "gpt3-pretraining" && $0[1] == "h200" })
    }

    @Test func seedsRecomputesOnAMeasuredHost() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("llmcost-host-\(UUID()).json").path
        try Data(#"{"schema_version": 1, "peak_gflops": 268, "best_sgemm_gflops": 150, "bandwidth_gbps": 20}"#.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try rendered(["seeds", "--host-profile", path, "--price-per-hour", "0.1"])
        #expect(r.tables[1].rows.contains { $0[1].text.hasPrefix("host") })
        let infer = try json(["cost", "infer", "--parameters", "1e9", "--hardware", path, "--price-per-hour", "0.1"])
        #expect(infer.contains("\"effective_flops\": 150000000000"))
    }

    @Test func recomputationKeepsMFUOnModelFLOPs() throws {
        let none = try rendered(["cost", "train", "llama-2-7b", "--tokens", "1e12"])
        let full = try rendered(["cost", "train", "llama-2-7b", "--tokens", "1e12", "--recompute", "full"])
        // Same model FLOPs at the same MFU: the same 30,085 device-hours (42,863,689,728e9 ÷ 395.76e12 ÷ 3600).
        let hours = { (r: Rendered) in r.tables[0].rows.first { $0[0] == "device-hours" }?[1] }
        #expect(hours(none) == "30,085" && hours(full) == "30,085")
        let json = full.json.serialized()
        #expect(json.contains("\"training_flops\": 42863689728000000000000"))
        #expect(json.contains("\"hardware_flops\": 56889442304000000000000"))
        // HFU = 0.4 × 56,889,442,304 ÷ 42,863,689,728 = 0.531
        #expect(full.tables[0].rows.contains { $0[0] == "throughput (peak × MFU)" && $0[2] == "MFU 0.400, HFU 0.531 (implied)" })
        #expect(full.tables[0].rows.contains { $0[0] == "hardware FLOPs (full recompute)" })
    }

    @Test func trainLabelsTheRuleAndCountsDevicesInTheSingular() throws {
        let r = try rendered(["cost", "train", "--parameters", "175e9", "--tokens", "1e9"])
        #expect(r.tables[0].rows.contains { $0[0] == "training FLOPs (6·N·D rule, no architecture)" })
        #expect(!r.tables[0].rows.contains { $0[0].text.contains("exact") })
        #expect(r.tables[0].rows.contains { $0[0] == "wall-clock on 1 device" })
        #expect(try rendered(["cost", "train", "--parameters", "175e9", "--tokens", "1e9", "--devices", "8"])
            .tables[0].rows.contains { $0[0] == "wall-clock on 8 devices" })
    }

    @Test func inferNotesSayNothingAboutTraining() throws {
        let r = try rendered(["cost", "infer", "llama-2-7b", "--explain"])
        for note in r.notes { #expect(!note.contains("training"), "\(note)") }
        #expect(r.tables[0].rows.contains { $0[0] == "MFU (predicted)" })
        // On the roofline (a stated MFU) the table shows the rates it priced at.
        let roofline = try rendered(["cost", "infer", "llama-2-7b", "--mfu", "0.4"])
        #expect(roofline.tables[0].rows.contains { $0[0] == "bandwidth (× utilisation)" && $0[2] == "u_bw 0.90" })
        // llama-2-7b bf16 weights 13,476,831,232 B + 2 × 32 × 4096 × 2 B × 768 tokens of KV cache = 13,879,484,416 B = 13.88 GB (decimal, as in --explain).
        let memory = try #require(r.tables[0].rows.first { $0[0] == "memory (weights + KV cache)" }?[1])
        #expect(memory == "13.88 GB")
        #expect(r.tables[1].rows.contains { $0[0] == "memory" && $0[3] == memory })
    }

    @Test func operateDoesNotAddEnergyToARentalPrice() throws {
        let r = try rendered(["cost", "operate", "--parameters", "7e9", "--requests-per-day", "1000", "--explain"])
        let compute = try #require(r.tables[0].rows.first { $0[0] == "compute $/day" }?[1])
        #expect(r.tables[0].rows.contains { $0[0] == "total $/day" && $0[1] == compute })
        // PUE is the stated default, not an input.
        #expect(r.tables[1].rows.contains { $0[0] == "energy $/day" && $0[2].text.contains("PUE = 1.2 [default 1.2") })
        let owned = try rendered(["cost", "operate", "--parameters", "7e9", "--requests-per-day", "1000", "--price-excludes-energy"])
        // One H100 all day: $70.56 + 700 W × 24 h × 1.2 ÷ 1000 × $0.10 = $72.58 (rounded).
        #expect(owned.tables[0].rows.contains { $0[0] == "total $/day" && $0[1] == "$72.58" })
    }

    @Test func csvIsPlainNumbersWithUnits() throws {
        let csv = try rendered(["cost", "train", "llama-2-7b", "--tokens", "1e12"]).formatted(as: .csv)
        #expect(csv.hasPrefix("figure,value,unit\n"))
        #expect(csv.contains("\ntraining_flops,42863689728000000000000,FLOP\n"))
        #expect(csv.contains("\nmfu,0.4,fraction\n"))
        #expect(!csv.contains("$") && !csv.contains("%") && !csv.contains("\""))
        let task = try rendered(["cost", "task", "--input-tokens", "10000", "--output-tokens", "1000", "--input-price-per-1k", "0.01", "--output-price-per-1k", "0.03"])
        #expect(task.formatted(as: .csv).contains("\ndollars,0.13,USD\n"))
    }

    @Test func measuredHostsDefaultToFP32WeightsAndRejectMFU() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("llmcost-host-\(UUID()).json").path
        try Data(#"{"schema_version": 1, "peak_gflops": 268, "best_sgemm_gflops": 140, "bandwidth_gbps": 20}"#.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        // 1e9 parameters × 4 bytes (fp32) = 4e9 B.
        let json = try json(["cost", "infer", "--parameters", "1e9", "--prompt", "1", "--new-tokens", "2", "--hardware", path, "--price-per-hour", "0.1"])
        #expect(json.contains("\"memory_bytes\": 4000000000"))
        do {
            _ = try rendered(["cost", "infer", "--parameters", "1e9", "--hardware", path, "--price-per-hour", "0.1", "--mfu", "0.9"])
            Issue.record("--mfu on a measured profile was accepted")
        } catch {
            #expect(ErrorLine.text(error).contains("--mfu: a measured host profile derives its utilisation") && ErrorLine.text(error).contains("0.522 here"))
        }
    }

    @Test func badInputsAreOneLineErrorsNamingTheOption() {
        let cases: [([String], String)] = [
            (["cost", "train", "--parameters", "1e9", "--tokens", "1e9", "--mfu", "0"], "--mfu"),
            (["cost", "train", "--parameters", "1e9", "--tokens", "1e9", "--hardware", "h100-sxn"], "did you mean 'h100-sxm'"),
            (["cost", "infer", "--parameters", "1e9", "--hardware", "host"], "--price-per-hour: a measured host profile carries no price"),
            (["cost", "infer", "--parameters", "1e9", "--hardware", "/nonexistent/p.json"], "--hardware"),
            (["cost", "infer", "--parameters", "1e9", "--devices", "0"], "--devices"),
            (["cost", "infer", "--parameters", "1e9", "--new-tokens", "0"], "--new-tokens"),
            (["cost", "breakeven", "--pretraining-cost", "1e6", "--inference-cost-per-1k", "0.007", "--fee-per-month", "20",
              "--tokens-per-user-day", "0"], "--tokens-per-user-day"),
            (["cost", "infer"], "missing MODEL"),
            (["cost", "task", "--input-tokens", "10", "--input-price-per-1k", "0", "--output-price-per-1k", "1"], "--input-price-per-1k"),
            (["cost", "breakeven", "--pretraining-cost", "1e6", "--inference-cost-per-1k", "0.03", "--price-per-1k", "0.02"], "--price-per-1k"),
            (["cost", "task", "--input-tokens", "10", "--input-characters", "5", "--input-price-per-1k", "0.01", "--output-price-per-1k", "0.03"],
             "--input-tokens/--output-tokens and --input-characters/--output-characters"),
            (["cost", "train", "--parameters", "1e9", "--tokens", "1e9", "--electricity", "0"], "--electricity: must be greater than zero"),
            (["cost", "train", "--parameters", "1e9", "--tokens", "0"], "--tokens: must lie in [1, 1e18], got 0"),
            (["cost", "infer", "--parameters", "1e9", "--mfu", "1.5"], "--mfu"),
            (["cost", "infer", "--parameters", "1e9", "--bandwidth-utilisation", "0"], "--bandwidth-utilisation"),
            (["cost", "infer", "--parameters", "1e9", "--price-per-hour", "0"], "--price-per-hour"),
            (["cost", "train", "llama-2-7b", "--tokens", "1e9", "--recompute", "full", "--mfu", "0.9"], "--mfu: MFU 0.9 with full recomputation"),
            (["seeds", "--host-profile", "host"], "--price-per-hour: a measured host profile carries no price"),
            (["seeds", "--host-profile", "/nonexistent/p.json", "--price-per-hour", "1"], "--host-profile"),
        ]
        for (arguments, expected) in cases {
            do {
                _ = try rendered(arguments)
                Issue.record("no error for \(arguments)")
            } catch {
                let text = ErrorLine.text(error)
                #expect(text.contains(expected), "\(arguments): \(text)")
                #expect(!text.contains("\n"), "\(arguments)")
            }
        }
    }
}
