import Foundation
import Testing
import Workload
@testable import Commands

/// Every deterministic command in each format, byte for byte against `Golden/<case>.<format>`.
///
/// A deliberate change of output regenerates them:
/// `LLMCOST_UPDATE_GOLDEN=1 swift test --filter GoldenOutputTests`, then review the diff;
/// `LLMCOST_UPDATE_GOLDEN=plan` regenerates only the cases whose name starts with `plan`.
@Suite struct GoldenOutputTests {
    static let cases: [(name: String, arguments: [String])] = [
        ("models", ["models"]),
        ("params-gpt2", ["params", "gpt2"]),
        ("params-mixtral", ["params", "mixtral-8x7b", "--explain"]),
        ("params-t5-base", ["params", "t5-base"]),
        ("flops-llama2-7b", ["flops", "llama-2-7b", "--seq", "2048"]),
        ("flops-mistral-causal", ["flops", "mistral-7b", "--seq", "2048", "--convention", "causal", "--explain"]),
        ("flops-gpt2-full", ["flops", "gpt2", "--seq", "128", "--convention", "full"]),
        ("flops-gpt2-kaplan", ["flops", "gpt2", "--seq", "128", "--convention", "kaplan"]),
        ("flops-gpt2-decode", ["flops", "gpt2", "--phase", "decode", "--context", "127"]),
        ("flops-gpt2-generate", ["flops", "gpt2", "--phase", "generate", "--seq", "32", "--new-tokens", "4", "--beams", "2"]),
        ("flops-t5-generate", ["flops", "t5-small", "--phase", "generate", "--seq", "16", "--new-tokens", "3", "--beams", "2", "--convention", "full"]),
        ("flops-llama2-train", ["flops", "llama-2-7b", "--phase", "train", "--seq", "4096", "--recompute", "full"]),
        ("memory-llama2-7b", ["memory", "llama-2-7b", "--seq", "4096", "--batch", "8", "--weight-type", "int4", "--kv-type", "fp8"]),
        ("seeds", ["seeds"]),
        ("cost-train", ["cost", "train", "gpt3-175b", "--tokens", "300e9", "--hardware", "h100-sxm", "--devices", "1024", "--explain"]),
        ("cost-infer", ["cost", "infer", "llama-2-7b", "--prompt", "512", "--new-tokens", "256", "--batch", "8", "--hardware", "a100-80gb-sxm"]),
        ("cost-operate", ["cost", "operate", "llama-2-7b", "--requests-per-day", "1e6"]),
        ("cost-breakeven", ["cost", "breakeven", "--pretraining-cost", "1059115", "--inference-cost-per-1k", "0.0071657",
                            "--fee-per-month", "20", "--tokens-per-user-month", "1.8e6"]),
        ("cost-task", ["cost", "task", "--input-characters", "5000", "--output-characters", "500", "--tokens-per-character", "2",
                       "--input-price-per-1k", "0.01", "--output-price-per-1k", "0.03"]),
        ("validate", ["validate", "gpt2", "llama-2-7b", "mixtral-8x7b", "--contexts", "128,2048,8192,32768"]),
        ("validate-published", ["validate", "--published"]),
        ("hardware", ["hardware"]),
        ("hardware-b200", ["hardware", "b200"]),
        ("plan-train", ["plan", "llama-2-70b", "--devices", "64", "--hardware", "a100-80gb-sxm", "--seq", "4096", "--global-batch", "1024"]),
        ("plan-serve", ["plan", "llama-2-7b", "--serve", "--hardware", "h100-sxm", "--batch", "16", "--context", "4096",
                        "--tokens-per-second", "20000"]),
    ]

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let updatePrefix = ProcessInfo.processInfo.environment["LLMCOST_UPDATE_GOLDEN"]
    static func updating(_ name: String) -> Bool {
        guard let prefix = updatePrefix, !prefix.isEmpty else { return false }
        return prefix == "1" || name.hasPrefix(prefix)
    }

    /// What the command writes with `--format F --output FILE`.
    static func output(_ arguments: [String], format: String) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("llmcost-golden-\(UUID()).\(format)")
        defer { try? FileManager.default.removeItem(at: file) }
        var command = try LLMCost.parseAsRoot(arguments + ["--format", format, "--output", file.path])
        try command.run()
        return normalized(try String(contentsOf: file, encoding: .utf8))
    }

    /// A catalog directory given by `LLMCOST_SPECS` as `ModelSpecs`, so the files read the same
    /// as with the built-in catalog.
    static func normalized(_ text: String) -> String {
        guard let directory = ModelCatalog.located().directory else { return text }
        return text.replacingOccurrences(of: directory, with: "ModelSpecs")
    }

    @Test(arguments: cases.map(\.name))
    func outputIsUnchanged(_ name: String) throws {
        let arguments = try #require(Self.cases.first { $0.name == name }).arguments
        for format in ["table", "json", "csv"] {
            let text = try Self.output(arguments, format: format)
            let golden = Self.directory.appendingPathComponent("\(name).\(format)")
            if Self.updating(name) {
                try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
                try text.write(to: golden, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOf: golden, encoding: .utf8)
            #expect(text == expected, "\(name).\(format) differs from its golden file; regenerate with LLMCOST_UPDATE_GOLDEN=1 if intended")
            // A non-finite number prints as a word of its own; AMD's link "infinity-fabric" is a name.
            #expect(!text.contains(/(?i)\b(nan|inf|infinity)\b(?!-)/), "\(name).\(format): a non-finite figure")
        }
    }

    @Test func jsonOutputsParseAndCSVRowsHaveTheHeaderWidth() throws {
        for (name, arguments) in Self.cases {
            let json = try Self.output(arguments, format: "json")
            #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil, "\(name): JSON does not parse")
            let csv = try Self.output(arguments, format: "csv")
            let lines = csv.split(separator: "\n", omittingEmptySubsequences: true)
            #expect(!lines.isEmpty, "\(name): empty CSV")
            // Quoted cells may hold commas: count only the unquoted ones.
            func width(_ line: Substring) -> Int {
                var quoted = false, commas = 0
                for ch in line { if ch == "\"" { quoted.toggle() } else if ch == ",", !quoted { commas += 1 } }
                return commas
            }
            #expect(lines.allSatisfy { width($0) == width(lines[0]) }, "\(name): ragged CSV")
        }
    }
}
