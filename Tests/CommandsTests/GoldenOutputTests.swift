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

/// What the goldens promise beyond being unchanged: default tables fit 100 display columns with
/// a heading over every column, and every CSV is data a program can read back.
@Suite struct GoldenShapeTests {
    static func golden(_ name: String, _ format: String) throws -> String {
        try String(contentsOf: GoldenOutputTests.directory.appendingPathComponent("\(name).\(format)"), encoding: .utf8)
    }

    @Test(arguments: GoldenOutputTests.cases.map(\.name))
    func tableLinesFitOneHundredColumns(_ name: String) throws {
        for line in try Self.golden(name, "table").split(separator: "\n") {
            #expect(DisplayWidth.of(line) <= TextTable.defaultWidth, "\(name): \(DisplayWidth.of(line)) columns: \(line)")
        }
    }

    /// Above every run of dashes in a rule line, the heading lines put some text.
    @Test(arguments: GoldenOutputTests.cases.map(\.name))
    func everyColumnHasAHeading(_ name: String) throws {
        let lines = try Self.golden(name, "table").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (i, rule) in lines.enumerated() where !rule.isEmpty && rule.allSatisfy({ $0 == "-" || $0 == " " }) {
            // Heading lines: up to three above the rule (a long heading wraps).
            let headings = lines[max(0, i - 3)..<i].map(Self.occupied)
            var column = 0
            for run in rule.split(separator: " ", omittingEmptySubsequences: false) {
                defer { column += run.count + 1 }
                guard !run.isEmpty else { continue }
                let span = column..<(column + run.count)
                #expect(headings.contains { h in span.contains { h.indices.contains($0) && h[$0] } }, "\(name): a column without a heading at \(span)")
            }
        }
    }

    /// Which display columns of a line hold a visible character.
    static func occupied(_ line: String) -> [Bool] {
        line.flatMap { ch in Array(repeating: ch != " ", count: DisplayWidth.of(ch)) }
    }

    @Test(arguments: GoldenOutputTests.cases.map(\.name))
    func csvIsData(_ name: String) throws {
        let rows = try CSVReader.rows(try Self.golden(name, "csv"))
        let header = try #require(rows.first)
        #expect(header.allSatisfy { !$0.isEmpty && $0 == $0.lowercased() && !$0.contains(" ") }, "\(name): header \(header)")
        #expect(rows.allSatisfy { $0.count == header.count }, "\(name): ragged rows")
        for (c, key) in header.enumerated() {
            let values = rows.dropFirst().map { $0[c] }.filter { !$0.isEmpty }
            // A figure never carries thousands separators or a percent sign.
            #expect(!values.contains { $0.contains(/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/) || $0.contains(/^[-+]?[\d.,]+ ?%$/) },
                    "\(name).\(key): formatted numbers")
            // A column whose first value is a number holds only numbers.
            guard let first = values.first, Double(first) != nil else { continue }
            #expect(values.allSatisfy { Double($0) != nil }, "\(name).\(key): not every value is a number: \(values)")
        }
    }

    /// Where a CSV is the command's main table, its keys are the JSON's keys.
    @Test(arguments: ["models", "params-gpt2", "params-mixtral", "flops-llama2-7b", "plan-serve", "validate", "validate-published"])
    func csvKeysAreJSONKeys(_ name: String) throws {
        let header = try #require(try CSVReader.rows(try Self.golden(name, "csv")).first)
        let json = try JSONSerialization.jsonObject(with: Data(try Self.golden(name, "json").utf8))
        let keys = Self.keys(json)
        // Derived columns JSON leaves to the reader: a component's share of the total.
        let derived: Set = ["share_fraction"]
        #expect(header.filter { !keys.contains($0) && !derived.contains($0) } == [], "\(name): CSV keys not in the JSON")
    }

    static func keys(_ json: Any) -> Set<String> {
        if let o = json as? [String: Any] { return Set(o.keys).union(o.values.flatMap(keys)) }
        if let a = json as? [Any] { return Set(a.flatMap(keys)) }
        return []
    }
}

/// RFC 4180 reading, enough to check our own CSV: quoted cells with commas, doubled quotes.
enum CSVReader {
    struct Malformed: Error {}

    static func rows(_ text: String) throws -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false, afterQuote = false
        for ch in text {
            if quoted {
                if ch == "\"" { quoted = false; afterQuote = true } else { cell.append(ch) }
                continue
            }
            switch ch {
            case "\"":
                if afterQuote { cell.append("\""); quoted = true; afterQuote = false }
                else if cell.isEmpty { quoted = true }
                else { throw Malformed() }
            case ",": row.append(cell); cell = ""; afterQuote = false
            case "\n": row.append(cell); rows.append(row); row = []; cell = ""; afterQuote = false
            default: cell.append(ch); afterQuote = false
            }
        }
        if quoted { throw Malformed() }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return rows
    }
}
