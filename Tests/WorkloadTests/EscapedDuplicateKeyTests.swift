import Foundation
import Testing
@testable import Workload

/// A key is the text it decodes to, not the bytes that spell it: `"hidden\u005fsize"` next to
/// `"hidden_size"` is a key written twice, and one of the two values would silently win.
@Suite struct EscapedDuplicateKeyTests {
    /// The Llama-2-7B fixture with `extra` inserted just after its opening brace.
    func llama(with extra: String) throws -> Data {
        var text = try String(contentsOfFile: Fixtures.hfConfig("llama-2-7b"), encoding: .utf8)
        text.insert(contentsOf: extra, at: text.index(after: text.firstIndex(of: "{")!))
        return Data(text.utf8)
    }

    @Test func aKeySpelledWithAnEscapeNextToItsPlainSpellingIsRefused() throws {
        let data = try llama(with: #""hidden\u005fsize": 2048,"#)
        expectSpecError(field: "hidden_size", fileSuffix: "config.json", containing: "twice") {
            try ModelLoader.load(data: data, path: "/models/llama/config.json")
        }
    }

    @Test(arguments: [
        (#"{"model_type": "llama", "\u0041": 1, "A": 2}"#, "A"),
        (#"{"model_type": "llama", "\ud83d\ude00": 1, "😀": 2}"#, "😀"),
        (#"{"model_type": "llama", "e\"q": 1, "e\u0022q": 2}"#, "e\"q"),
        (#"{"model_type": "llama", "b\\s": 1, "b\u005cs": 2}"#, "b\\s"),
        (#"{"model_type": "llama", "s\/": 1, "s/": 2}"#, "s/"),
        (#"{"model_type": "llama", "rope_scaling": {"factor": 2, "f\u0061ctor": 4}}"#, "rope_scaling.factor"),
        (#"{"model_type": "llama", "a": [{"k": 1}, {"k": 1, "\u006b": 2}]}"#, "a[1].k"),
        // One dictionary entry for both: Swift compares strings by canonical equivalence.
        (#"{"model_type": "llama", "\u00e9": 1, "e\u0301": 2}"#, "é"),
    ])
    func duplicatesAreFoundByDecodedKeyAtEveryLevel(_ json: String, _ field: String) {
        expectSpecError(field: field, containing: "twice") { try ModelLoader.load(data: Data(json.utf8), path: "dup.json") }
    }

    @Test func theSameKeyInDifferentObjectsOrInsideStringsIsFine() throws {
        let json = #"{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}], "c": "a,\"a\"", "\u0064": "\"c\": 1"}"#
        #expect(throws: Never.self) { try JSONValue.parse(Data(json.utf8), file: "ok.json") }
    }

    @Test func aJSONSpecFileGetsTheSameGuard() {
        let json = #"{"vocabularySize": 100, "hiddenSize": 16, "hidden\u0053ize": 32, "decoder": {"layers": 1}}"#
        expectSpecError(field: "hiddenSize", containing: "twice") { try ModelLoader.load(data: Data(json.utf8), path: "spec.json") }
    }
}
