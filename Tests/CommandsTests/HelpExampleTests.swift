import ArgumentParser
import Foundation
import Testing
@testable import Commands
import Workload

/// Every command's `--help` shows at least one runnable example; each is parsed by the real
/// parser, and every one that does not measure this host is run, so none can rot.
@Suite struct HelpExampleTests {
    /// Every command in the tree with its path (`cost infer`).
    static func commands(_ type: any ParsableCommand.Type = LLMCost.self, path: [String] = []) -> [(path: [String], type: any ParsableCommand.Type)] {
        let here = (path, type)
        return [here] + type.configuration.subcommands.flatMap { commands($0, path: path + [$0._commandName]) }
    }

    static let all = commands()

    static var examples: [(path: [String], line: String)] {
        all.flatMap { c in Examples.commandLines(in: c.type.configuration.discussion).map { (c.path, $0) } }
    }

    @Test func everyCommandHasAnExampleInItsHelp() {
        #expect(Self.all.count >= 16, "\(Self.all.map(\.path))")
        for c in Self.all {
            let lines = Examples.commandLines(in: c.type.configuration.discussion)
            #expect(!lines.isEmpty, "llmcost \(c.path.joined(separator: " ")) has no example")
            // Shown as written: no example line is long enough for the help's wrapping to break it.
            let help = LLMCost.helpMessage(for: c.type, columns: 80)
            #expect(help.contains(c.type.configuration.discussion), "\(c.path): \(help)")
            // An example of a subcommand invokes that subcommand.
            let prefix = (["llmcost"] + c.path).joined(separator: " ")
            if !c.path.isEmpty { #expect(lines.allSatisfy { $0.hasPrefix(prefix + " ") || $0 == prefix }, "\(lines)") }
        }
    }

    static func arguments(_ line: String) -> [String] {
        Array(line.split(separator: " ").map(String.init).dropFirst())
    }

    /// Examples that time this host (a bench, a measurement): parsed, not run.
    static func measures(_ arguments: [String]) -> Bool {
        arguments.first == "bench" || arguments.contains(OptionNames.measure) || arguments.contains("host")
    }

    @Test func everyExampleParses() throws {
        for e in Self.examples {
            #expect(e.line.hasPrefix("llmcost "), "\(e.line)")
            #expect(throws: Never.self, "\(e.line)") { _ = try LLMCost.parseAsRoot(Self.arguments(e.line)) }
        }
    }

    @Test func everyExampleThatDoesNotMeasureRuns() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("llmcost-examples-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for e in Self.examples where !Self.measures(Self.arguments(e.line)) {
            // Written to a scratch file (an example's own --output names one in the scratch directory).
            let file = directory.appendingPathComponent("out").path
            var arguments = Self.arguments(e.line)
            if let i = arguments.firstIndex(of: InputParameter.outputPath.option) { arguments[i + 1] = file } else { arguments += ["--output", file] }
            do {
                var command = try LLMCost.parseAsRoot(arguments)
                try command.run()
                #expect(FileManager.default.fileExists(atPath: file), "\(e.line) wrote nothing")
            } catch {
                Issue.record("\(e.line): \(ErrorLine.text(error))")
            }
            try? FileManager.default.removeItem(atPath: file)
        }
    }
}
