import Foundation
import Testing
@testable import Workload

/// Spec files built to exhaust the reader: refused quickly, with one error naming the file.
@Suite struct HostileSpecFileTests {
    /// "Billion laughs": each level aliases the previous one nine times.
    static func aliasBomb(levels: Int) -> String {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1...levels {
            let refs = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(refs)]")
        }
        lines += ["vocabularySize: 10", "hiddenSize: 8"]
        return lines.joined(separator: "\n")
    }

    @Test func anAliasBombIsRefusedBeforeItExpands() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bomb-\(UUID()).yaml").path
        try Data(Self.aliasBomb(levels: 9).utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let start = Date()
        do {
            _ = try ModelLoader.loadFile(at: path)
            Issue.record("an alias bomb loaded")
        } catch {
            #expect("\(error)".contains("expands to more than"), "\(error)")
            #expect("\(error)".contains(path))
        }
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func aFewAliasesStillWork() throws {
        let yaml = """
            name: aliased
            vocabularySize: 100
            hiddenSize: 16
            decoder:
              layers: 2
              attention: &attention {heads: 2, kvHeads: 2, headDim: 8}
              crossAttention: *attention
              ffn: {intermediateSize: 32, gated: false, activation: gelu}
              norm: {kind: layernorm}
            lmHead: {tied: true}
            """
        let spec = try ModelLoader.load(data: Data(yaml.utf8), path: "aliased.yaml").spec
        #expect(spec.decoder?.crossAttention == spec.decoder?.attention)
    }
}

/// A JSON key written twice is refused: which value counts differs between readers.
@Suite struct DuplicateJSONKeyTests {
    @Test func aRepeatedKeyNamesTheKey() {
        let json = #"{"model_type": "llama", "hidden_size": 4096, "nested": {"a": 1, "b": [1, {"a": 2}]}, "hidden_size": 8192}"#
        do {
            _ = try ModelLoader.load(data: Data(json.utf8), path: "dup.json")
            Issue.record("a duplicate key was accepted")
        } catch {
            #expect("\(error)".contains("hidden_size") && "\(error)".contains("twice"), "\(error)")
        }
    }

    @Test func theSameKeyInDifferentObjectsOrInStringsIsFine() {
        #expect(throws: Never.self) { try JSONValue.parse(Data(#"{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}], "c": "a,\"a\""}"#.utf8), file: "x") }
        expectSpecError(field: "y.k") { try JSONValue.parse(Data(#"{"x": [1, 2], "y": {"k": 1, "k": 2}}"#.utf8), file: "x") }
        expectSpecError(field: #"e"q"#) { try JSONValue.parse(Data(#"{"e\"q": 1, "e\"q": 2}"#.utf8), file: "x") }
    }
}
