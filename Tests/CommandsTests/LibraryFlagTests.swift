import Foundation
import Testing

/// The libraries name inputs by `InputParameter`; only the command line (`Options/OptionNames.swift`)
/// knows how an option is spelled. A `--flag` written anywhere in a library's Swift source — an
/// error, a note, a doc comment — is a second spelling that goes stale when an option is renamed,
/// and it reaches users of the library who have no command line at all. The same holds for the
/// modules' DocC pages (`<Module>.docc/*.md`), the library's documentation.
@Suite struct LibraryFlagTests {
    /// The modules that must not spell an option.
    static let libraries = ["Workload", "CostModel", "ParallelPlan", "HostBench"]

    static var sources: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
    }

    /// `path:line: text` for every line holding `--` followed by a lower-case letter.
    static func flagLines(in module: String) throws -> [String] {
        let root = sources.appendingPathComponent(module)
        let files = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        var found: [String] = []
        for case let file as URL in files
        where file.pathExtension == "swift" || (file.pathExtension == "md" && file.path.contains(".docc/")) {
            let relative = String(file.path.dropFirst(sources.path.count + 1))
            let text = try String(contentsOf: file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains(/--[a-z]/) {
                found.append("\(relative):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        return found
    }

    @Test(arguments: libraries)
    func noLibrarySourceSpellsACommandLineOption(_ module: String) throws {
        let root = Self.sources.appendingPathComponent(module)
        #expect(FileManager.default.fileExists(atPath: root.path), "no sources at \(root.path)")
        let lines = try Self.flagLines(in: module)
        #expect(lines.isEmpty, "name the InputParameter instead (the CLI spells it):\n\(lines.joined(separator: "\n"))")
    }

    /// The scan itself works: the command line's one map does spell options.
    @Test func theScanFindsTheOptionMap() throws {
        let map = try String(contentsOf: Self.sources.appendingPathComponent("Commands/Options/OptionNames.swift"), encoding: .utf8)
        #expect(map.contains(/--[a-z]/))
    }
}
