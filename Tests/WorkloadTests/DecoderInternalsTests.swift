import Foundation
import Testing
@testable import Workload

/// A value the decoder cannot hold is one line naming the file and the field as the user spelt
/// it — never `DecodingError.typeMismatch … Dictionary<String, Any> … Debug description`.
@Suite struct DecoderInternalsTests {
    static let internals = ["DecodingError", "codingPath", "CodingKeys", "debugDescription", "Debug description",
                            "Swift.", "Dictionary<", "Yams", "Scalar", "Mapping", "Cannot initialize"]

    func expectNoInternals(_ error: SpecError?, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let error else { return }
        for word in Self.internals {
            #expect(!error.description.contains(word), "\(error)", sourceLocation: sourceLocation)
        }
    }

    /// The Llama-2-7B fixture with `num_hidden_layers` (or `rope_scaling`) written as `value`.
    func llama(_ key: String, _ value: String) throws -> Data {
        let text = try String(contentsOfFile: Fixtures.hfConfig("llama-2-7b"), encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.contains("\"\(key)\":") })
        return Data(text.replacingOccurrences(of: line, with: "  \"\(key)\": \(value),").utf8)
    }

    @Test(arguments: ["1e400", "-1e400", "1E+400", "1e-400", "1e30", "2.5", "\"32\"", "99999999999999999999",
                      "NaN", "Infinity", "-Infinity", "[1e400]", "{\"a\": 1e400}", "\"\\ud800\"", "\"\\x\"", "012", "true"])
    func aConfigValueOfAnyShapeIsOneLineNamingTheField(_ value: String) throws {
        let data = try llama("num_hidden_layers", value)
        let error = expectSpecError(fileSuffix: "llama/config.json") { try ModelLoader.load(data: data, path: "/m/llama/config.json") }
        expectNoInternals(error)
        if let field = error?.field { #expect(field.hasPrefix("num_hidden_layers"), "\(String(describing: error))") }
    }

    @Test func aNumberBeyondTheFloatRangeIsNamedWhereverItIs() throws {
        let error = expectSpecError(field: "rope_scaling.factor", containing: "1e400") {
            try ModelLoader.load(data: try llama("rope_scaling", #"{"type": "linear", "factor": 1e400}"#), path: "config.json")
        }
        #expect(error?.message.contains("64-bit float") == true)
        expectSpecError(field: "num_hidden_layers", containing: "would read as 0") {
            try ModelLoader.load(data: try llama("num_hidden_layers", "1e-400"), path: "config.json")
        }
    }

    /// Python's `json` refuses a trailing comma, so `transformers` would not load such a file.
    @Test func malformedJSONSaysWhereAndWhat() {
        let json = "{\"model_type\": \"llama\",\n  \"hidden_size\": 4096,\n}"
        expectSpecError(containing: "line 3, column 1: a trailing comma") { try ModelLoader.load(data: Data(json.utf8), path: "c.json") }
        expectSpecError(containing: "nested more than") {
            try ModelLoader.load(data: Data(("{\"a\": " + String(repeating: "[", count: 100_000)).utf8), path: "deep.json")
        }
    }

    static let yamlSpec = YAMLSpellingTests.yamlSpec

    @Test(arguments: ["1e400", "-1e400", "1e30", "2.5", "\"2\"", "99999999999999999999", ".inf", ".nan", "[1]",
                      "{a: 1}", "null", "", "true"])
    func aSpecValueOfAnyShapeIsOneLineNamingTheField(_ value: String) {
        let yaml = Self.yamlSpec.replacingOccurrences(of: "  layers: 2", with: "  layers: \(value)")
        let error = expectSpecError(field: "decoder.layers", fileSuffix: "s.yaml") { try ModelLoader.load(data: Data(yaml.utf8), path: "s.yaml") }
        expectNoInternals(error)
    }

    @Test func wrongShapesAndUnknownValuesSayWhatTheFileHolds() {
        func load(_ from: String, _ to: String) throws -> LoadedModel {
            try ModelLoader.load(data: Data(Self.yamlSpec.replacingOccurrences(of: from, with: to).utf8), path: "s.yaml")
        }
        expectNoInternals(expectSpecError(field: "decoder.attention", containing: "expected a mapping of fields, got 5") {
            try load("attention: {heads: 2, headDim: 8}", "attention: 5")
        })
        expectNoInternals(expectSpecError(field: "decoder.ffn.activation", containing: "expected a single value, not a mapping or a list, got a list") {
            try load("activation: gelu", "activation: [1]")
        })
        expectNoInternals(expectSpecError(field: "decoder.ffn.activation", containing: "got gelu2 (did you mean 'gelu', 'relu2'") {
            try load("activation: gelu", "activation: gelu2")
        })
        // The one did-you-mean rule: a far value gets the list only.
        expectNoInternals(expectSpecError(field: "decoder.ffn.activation", containing: "got tanhshrink; accepted: gelu") {
            try load("activation: gelu", "activation: tanhshrink")
        })
    }
}

/// `JSONDecoder` reported a fraction or a too-large number in an integer field of a JSON spec
/// with no field path ("cannot be read, got a mapping"); the reader now names the field.
@Suite struct JSONSpecNumberTests {
    @Test(arguments: ["1e30", "2.5", "99999999999999999999", "1e-5", "12.0"])
    func aNonIntegerInAJSONSpecNamesItsField(_ value: String) {
        let json = #"{"vocabularySize": 100, "hiddenSize": 16, "decoder": {"layers": \#(value), "attention": {"heads": 2, "headDim": 8}, "#
            + #""ffn": {"intermediateSize": 32, "gated": false, "activation": "gelu"}, "norm": {"kind": "layernorm"}}}"#
        expectSpecError(field: "decoder.layers", containing: "expected an integer, got") {
            try ModelLoader.load(data: Data(json.utf8), path: "spec.json")
        }
    }
}
