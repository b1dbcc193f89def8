import Foundation
import Testing
import Workload

/// Every error the executable prints is exactly one line, whatever the path holds: a newline in
/// a directory name used to split the error in two, and an ESC went to the terminal raw.
@Suite struct ErrorLineTests {
    /// A directory under a fresh temporary one, named `name`, holding a config with a bad field.
    func directory(named name: String) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("llmcost-errorline-\(UUID().uuidString)")
        let dir = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(#"{"model_type": "llama", "hidden_size": "wide"}"#.utf8).write(to: dir.appendingPathComponent("config.json"))
        return dir
    }

    @Test(arguments: ["new\nline", "carriage\rreturn", "tab\there", "esc\u{1B}[31mred", "csi\u{9B}31m", "sep\u{2028}arator"])
    func aControlCharacterInAPathStaysInsideOneEscapedLine(_ name: String) throws {
        let dir = try directory(named: name)
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let r = try ExecutableTests().run(["params", dir.path])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("llmcost: error: "), "\(r.stderr)")
        #expect(r.stderr.hasSuffix("\n"))
        #expect(r.stderr.unicodeScalars.filter { OneLine.needsEscape($0) } == ["\n"], "exactly one line, nothing raw: \(r.stderr.debugDescription)")
        #expect(r.stderr.contains(OneLine.escaping(name)), "\(r.stderr.debugDescription)")
        #expect(r.stderr.contains("field 'hidden_size'"), "\(r.stderr)")
    }

    @Test func aMissingPathWithANewlineIsOneLine() throws {
        let r = try ExecutableTests().run(["params", "/nonexistent/a\nb/config.json"])
        #expect(r.status == 1)
        #expect(r.stderr == "llmcost: error: /nonexistent/a\\nb/config.json: no such file or directory\n", "\(r.stderr.debugDescription)")
    }

    @Test func escapingNamesEachControlCharacterAndLeavesTextAlone() {
        #expect(OneLine.escaping("a\nb\rc\td\u{1B}e\u{7F}f\u{202E}g") == "a\\nb\\rc\\td\\u{1B}e\\u{7F}f\\u{202E}g")
        #expect(OneLine.escaping("/models/Llama-2 (7B)/é\\x") == "/models/Llama-2 (7B)/é\\x")
    }
}
