import Foundation
import Testing
import _TestSupport
@testable import Commands

/// `plan --serve` prints the per-operation decode step where it prices the model and the
/// roofline beside it; what the step does not price keeps the roofline, with a note saying so.
@Suite struct PlanServeCommandTests {
    static let gguf: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("llmcost-serve-\(UUID())-tiny-Q4_K_M.gguf").path
        try? GGUFWriter.tinyLlama().write(to: path)
        return path
    }()

    func rows(_ arguments: [String]) throws -> (rows: [[String: Any]], notes: [String]) {
        let command = try #require(try LLMCost.parseAsRoot(["plan"] + arguments + ["--serve"]) as? Plan)
        let rendered = try command.rendered()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(rendered.json.serialized().utf8)) as? [String: Any])
        return (try #require(object["serving"] as? [[String: Any]]), rendered.notes)
    }

    @Test func aDenseDecoderIsPricedStepByStepBesideItsRoofline() throws {
        let (rows, notes) = try rows(["llama-2-7b", "--hardware", "a100", "--batch", "512", "--context", "512"])
        for row in rows {
            let step = try #require(row["predicted_step"] as? [String: Any])
            let seconds = try #require(row["seconds_per_token"] as? Double), roofline = try #require(row["roofline_seconds_per_token"] as? Double)
            #expect(seconds == step["seconds"] as? Double)
            #expect(seconds > roofline, "batch 512 is compute-bound: η and the achievable rate slow the step")
        }
        #expect(notes.first?.hasPrefix("ms/token: the decode step per device, operation by operation") == true)
    }

    /// A mixture is priced step by step, its routed experts a part of their own.
    @Test func aMixtureIsPricedStepByStep() throws {
        let (rows, _) = try rows(["mixtral-8x7b", "--hardware", "h100-sxm"])
        for row in rows {
            let step = try #require(row["predicted_step"] as? [String: Any])
            #expect(try #require(step["routed_experts_seconds"] as? Double) > 0)
            #expect(row["seconds_per_token"] as? Double == step["seconds"] as? Double)
        }
    }

    @Test func latentAttentionAndAQuantizedCheckpointKeepTheRoofline() throws {
        for arguments in [["deepseek-v2-lite", "--hardware", "h100-sxm"], [Self.gguf, "--hardware", "l4", "--context", "1024"]] {
            let (rows, notes) = try rows(arguments)
            for row in rows {
                #expect(row["predicted_step"] is NSNull, "\(arguments)")
                #expect(row["seconds_per_token"] as? Double == row["roofline_seconds_per_token"] as? Double, "\(arguments)")
            }
            #expect(notes.first?.hasPrefix("ms/token is the roofline") == true, "\(arguments)")
        }
    }
}
