import Foundation
import Testing
import _TestSupport
@testable import Commands

/// A GGUF file as a llama.cpp user passes it: every command accepts it, prices its weights as
/// stored, and a broken file is one error line naming the file and field.
@Suite struct GGUFCommandTests {
    static let file: String = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("llmcost-gguf-cli-\(UUID())")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("tiny-Q4_K_M.gguf").path
        try? GGUFWriter.tinyLlama().write(to: path)
        return path
    }()

    func run(_ arguments: [String]) throws -> String {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("llmcost-gguf-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: out) }
        var command = try LLMCost.parseAsRoot(arguments + ["--format", "json", "--output", out.path])
        if let plan = command as? Plan { return try plan.rendered().json.serialized() }
        try command.run()
        return try String(contentsOf: out, encoding: .utf8)
    }

    @Test func paramsListsTheStoredTypes() throws {
        let json = try run(["params", Self.file])
        #expect(json.contains("\"total_parameters\": 1443072"))
        #expect(json.contains("\"file_type\": \"MOSTLY_Q4_K_M\""))
        #expect(json.contains("\"total_bytes\": 1202176"))
        #expect(json.contains("\"type\": \"Q6_K\""))
    }

    @Test func memoryPricesTheFileBytesAndTheRequestedContext() throws {
        let json = try run(["memory", Self.file, "--seq", "1024"])
        #expect(json.contains("1202176"))
        // KV cache at 1024 positions: 2 · 2 · 64 · 2 B · 2 layers · 1024.
        #expect(json.contains("1048576"))
    }

    @Test func everyCommandAcceptsIt() throws {
        for arguments in [["flops", Self.file, "--phase", "decode"], ["flops", Self.file, "--phase", "train", "--seq", "256"],
                          ["flops", Self.file, "--phase", "generate", "--seq", "64", "--new-tokens", "8", "--beams", "2"],
                          ["cost", "infer", Self.file, "--hardware", "l4", "--prompt", "128", "--new-tokens", "16"],
                          ["cost", "train", Self.file, "--tokens", "1e6"],
                          ["plan", Self.file, "--serve", "--hardware", "l4", "--context", "1024"],
                          ["validate", Self.file]] {
            #expect(try !run(arguments).isEmpty, "\(arguments)")
        }
    }

    @Test func aBrokenFileIsOneLineNamingTheField() throws {
        var bytes = GGUFWriter.tinyLlama().file()
        bytes.replaceSubrange(8..<16, with: [0, 0, 0, 0, 0, 0, 0, 0x40])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("llmcost-broken-\(UUID()).gguf").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        do {
            _ = try run(["params", path])
            Issue.record("a tensor count of 2^62 was accepted")
        } catch {
            let line = ErrorLine.text(error)
            #expect(line.contains(path) && line.contains("tensor_count") && !line.contains("\n"), "\(line)")
        }
    }
}
