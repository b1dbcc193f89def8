import Foundation
import Testing
@testable import Commands

/// `flops` and `memory` as people type them: defaults that fit the window, refusals past it.
@Suite struct PhaseCommandTests {
    func run(_ arguments: [String]) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("llmcost-phase-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: file) }
        var command = try LLMCost.parseAsRoot(arguments + ["--format", "json", "--output", file.path])
        try command.run()
        return try String(contentsOf: file, encoding: .utf8)
    }

    @Test func defaultDecodeAndGenerateShapesFitTheWindow() throws {
        // GPT-2's window is 1024: a decode step at 1023 cached tokens, a prompt of 1024 − 128.
        #expect(try run(["flops", "gpt2", "--phase", "decode"]).contains("\"context\": 1023"))
        #expect(try run(["flops", "gpt2", "--phase", "generate"]).contains("\"seq\": 896"))
        #expect(try run(["flops", "opt-125m", "--phase", "generate", "--new-tokens", "48"]).contains("\"seq\": 2000"))
    }

    /// `--draft-tokens`: a speculative decode step, its default context leaving room in the
    /// window for the drafts; refused outside decode and past the window.
    @Test func aSpeculativeDecodeStepFitsItsDraftsInTheWindow() throws {
        let json = try run(["flops", "gpt2", "--phase", "decode", "--draft-tokens", "2"])
        #expect(json.contains("\"context\": 1021") && json.contains("\"draft_tokens\": 2") && json.contains("\"tokens\": 3"))
        #expect(throws: PhaseError.self) { try run(["flops", "gpt2", "--phase", "prefill", "--draft-tokens", "1"]) }
        #expect(throws: PhaseError.self) { try run(["flops", "gpt2", "--phase", "decode", "--context", "1023", "--draft-tokens", "1"]) }
    }

    /// A library note that points at an input names the parameter; the command line spells it.
    @Test func notesNamingAnInputPrintItsOption() throws {
        #expect(try run(["flops", "mistral-7b", "--seq", "2048"]).contains("`--convention causal` counts only the window's band"))
        #expect(try run(["flops", "gpt2", "--phase", "generate", "--beams", "4"]).contains("counted only under --convention full"))
    }

    @Test func memoryPastTheWindowIsRefusedUnlessAllowed() throws {
        #expect(throws: PhaseError.self) { try run(["memory", "gpt2", "--seq", "2048"]) }
        #expect(try run(["memory", "gpt2", "--seq", "2048", "--allow-beyond-context"]).contains("\"seq\": 2048"))
    }

    @Test func memoryListsTheDevicesItNeeds() throws {
        let json = try run(["memory", "llama-2-70b", "--seq", "4096", "--batch", "8"])
        // 148,690,714,624 bytes of weights and cache over 80e9-byte devices: two.
        #expect(json.contains("\"inference_total_bytes\": 148690714624"))
        #expect(json.contains("""
                  "device": "h100-sxm",
                  "memory_bytes": 80000000000,
                  "inference_devices": 2,
                  "fits_on_one": false,
            """))
    }

    @Test func negativeValuesReachTheValidationAndNotTheParser() {
        #expect(LLMCost.attachingNegativeValues(["flops", "gpt2", "--seq", "-1"]) == ["flops", "gpt2", "--seq=-1"])
        #expect(LLMCost.attachingNegativeValues(["--batch", "-.5", "--gated"]) == ["--batch=-.5", "--gated"])
        #expect(LLMCost.attachingNegativeValues(["--seq", "-x"]) == ["--seq", "-x"])
        do {
            _ = try run(LLMCost.attachingNegativeValues(["flops", "gpt2", "--seq", "-1"]))
            Issue.record("a negative --seq was accepted")
        } catch {
            #expect(ErrorLine.text(error).contains("--seq"))
        }
    }

    @Test func longGenerationsListEveryStepInJSONAndElideThemInTables() throws {
        let json = try run(["flops", "gpt2", "--phase", "generate", "--seq", "8", "--new-tokens", "100"])
        #expect(json.components(separatedBy: "\"index\":").count - 1 == 100)
        let view = FlopsView(result: .generation(try FlopCounterForTests.generate(newTokens: 100)), parameters: try FlopCounterForTests.parameters,
                             shape: try PhaseOptions.parse(["--phase", "generate"]), explain: false)
        let steps = try #require(view.rendered.tables.last)
        #expect(steps.rows.count == FlopsView.tableSteps + 1)
        #expect(steps.rows[FlopsView.tableSteps / 2][0] == "…")
    }
}

import Workload

/// GPT-2 from the catalog, counted directly.
enum FlopCounterForTests {
    static var spec: ModelSpec { get throws { try ModelLoading.load("gpt2") } }
    static var parameters: ParameterReport { get throws { try ParameterCount.report(for: try spec) } }
    static func generate(newTokens: Int) throws -> GenerationReport {
        try FlopCounter(spec: try spec).generate(batch: 1, prompt: 8, newTokens: newTokens)
    }
}
