import Foundation
import Testing
@testable import Commands

/// `validate --measure`: every bad request is refused before anything is timed.
@Suite struct ValidateMeasureTests {
    func run(_ arguments: [String]) throws {
        var command = try LLMCost.parseAsRoot(arguments)
        try command.run()
    }

    /// `validate --measure` of the spec `yaml` (written to a scratch folder) at 8 tokens, as JSON:
    /// the model's object.
    func measuredJSON(spec yaml: String) throws -> [String: Any] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("llmcost-measure-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = dir.appendingPathComponent("spec.yaml").path, out = dir.appendingPathComponent("out.json").path
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: spec))
        try run(["validate", spec, "--measure", "--seq", "8", "--time-budget", "1", "--format", "json", "--output", out])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        return try #require((json["models"] as? [[String: Any]])?.first)
    }

    @Test func badRequestsFailBeforeMeasuring() {
        let cases: [([String], String)] = [
            (["validate", "bart-base", "--measure"], "encoder–decoder"),
            (["validate", "mixtral-8x7b", "--measure"], "mixture of experts"),
            (["validate", "gpt2", "--measure", "--plot", "/tmp/x.svg"], "--plot"),
            (["validate", "gpt2", "--measure", "--time-budget", "0"], "--time-budget"),
            (["validate", "gpt2", "--measure", "--seq", "0"], "--seq"),
            (["validate", "gpt2", "--measure", "--threads", "0"], "--threads"),
            (["validate", "gpt2", "--measure", "--output", "/nonexistent-dir/out.json"], "--output"),
            (["validate", "gpt9", "--measure"], "gpt2"),
            (["validate", "gpt2", "--measure", "--seq", "1000000", "--allow-beyond-context"], "not enough memory"),
        ]
        for (arguments, expected) in cases {
            let start = Date()
            do {
                try run(arguments)
                Issue.record("no error for \(arguments)")
            } catch {
                let text = ErrorLine.text(error)
                #expect(text.contains(expected), "\(arguments): \(text)")
                #expect(!text.contains("\n"), "\(arguments)")
            }
            #expect(Date().timeIntervalSince(start) < 30, "\(arguments) measured before refusing")
        }
    }

    @Test func aTinyModelIsMeasuredEndToEnd() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("llmcost-measure-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = dir.appendingPathComponent("tiny.yaml").path, out = dir.appendingPathComponent("out.json").path
        try Data("""
            name: tiny
            vocabularySize: 97
            hiddenSize: 32
            decoder:
              layers: 2
              attention: {heads: 4, kvHeads: 4, headDim: 8}
              ffn: {intermediateSize: 64, gated: true, activation: silu}
              norm: {kind: rmsnorm}
            lmHead: {tied: false}
            """.utf8).write(to: URL(fileURLWithPath: spec))
        try run(["validate", spec, "--measure", "--seq", "8", "--time-budget", "1", "--format", "json", "--output", out])
        let text = try String(contentsOfFile: out, encoding: .utf8)
        for key in ["\"measured_forward_seconds\"", "\"measured_training_seconds\"", "\"rule_2n_at_best_sgemm\"",
                    "\"rule_6n_at_best_sgemm\"", "\"rule_3x_measured_forward\"", "\"exact_at_kernel_rates\"",
                    "\"count_factor\"", "\"verdict\"", "\"layers_measured\"", "\"pytorch_eager\"", "\"breakdown\"",
                    "\"decode\"", "\"operators\"", "\"launch_only_seconds\""] {
            #expect(text.contains(key), "\(key)")
        }
        #expect(!text.contains("nan") && !text.contains("inf"))
        // The tables, --explain's included, fit 100 display columns.
        let table = dir.appendingPathComponent("out.txt").path
        try run(["validate", spec, "--measure", "--seq", "8", "--time-budget", "1", "--explain", "--output", table])
        let lines = try String(contentsOfFile: table, encoding: .utf8).split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("what ran") })
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= TextTable.defaultWidth }, "\(lines.map { DisplayWidth.of($0) }.max() ?? 0) columns")
    }

    /// No reference layer runs cross-attention: a T5 gets eager PyTorch's three passes predicted,
    /// and no rule is checked against a pass that did not run.
    @Test func aTinyT5GetsEagerPredictionsWithoutAReferencePass() throws {
        let stack = """
              layers: 2
              attention: {heads: 4, headDim: 8, relativeBiasBuckets: 8}
              ffn: {intermediateSize: 64, activation: relu}
              norm: {kind: rmsnorm}
              positions: {kind: none}
            """
        let model = try measuredJSON(spec: """
            name: tiny-t5
            family: t5
            vocabularySize: 97
            hiddenSize: 32
            encoder:
            \(stack)
              causal: false
            decoder:
            \(stack)
              crossAttention: {heads: 4, headDim: 8}
            lmHead: {tied: true}
            """)
        for key in ["measured_forward_seconds", "rate_factor", "layer_forward_seconds", "head_forward_seconds", "best_sgemm_gflops"] {
            #expect(model[key] is NSNull, "\(key)")
        }
        let predictions = try #require(model["predictions"] as? [[String: Any]])
        #expect(predictions.map { $0["name"] as? String } == Array(repeating: "pytorch_eager", count: 3))
        #expect(Set(predictions.compactMap { $0["pass"] as? String }) == ["forward", "training", "decode"])
        #expect(predictions.allSatisfy { ($0["seconds"] as? Double).map { $0 > 0 && $0.isFinite } ?? false })
        #expect((model["verdict"] as? String)?.contains("no reference pass ran") == true)
    }

    /// Routing has no reference kernel either: a Qwen2-MoE gets the three eager predictions, each
    /// expert's product among the timed shapes.
    @Test func aTinyQwen2MoEGetsEagerPredictionsWithoutAReferencePass() throws {
        let model = try measuredJSON(spec: """
            name: tiny-moe
            family: qwen2_moe
            vocabularySize: 97
            hiddenSize: 32
            decoder:
              layers: 2
              attention: {heads: 4, headDim: 8, qkvBias: true}
              ffn: {intermediateSize: 64, gated: true, activation: silu}
              moe: {experts: 5, topK: 2, expertIntermediateSize: 16, sharedExpertIntermediateSize: 48, sharedExpertGate: true}
              norm: {kind: rmsnorm}
              positions: {kind: rotary}
            lmHead: {tied: false}
            """)
        #expect(model["measured_forward_seconds"] is NSNull)
        let predictions = try #require(model["predictions"] as? [[String: Any]])
        #expect(Set(predictions.compactMap { $0["pass"] as? String }) == ["forward", "training", "decode"])
        // 8 tokens × 2 routed copies over 5 experts: one expert gets 4 rows, four get 3.
        let rates = try #require((model["eager_time_model"] as? [String: Any])?["gemm_rates"] as? [[String: Any]])
        #expect(rates.contains { $0["m"] as? Int == 4 && $0["n"] as? Int == 32 && $0["k"] as? Int == 32 })
        #expect(rates.contains { $0["m"] as? Int == 3 && $0["n"] as? Int == 32 && $0["k"] as? Int == 16 })
    }
}
