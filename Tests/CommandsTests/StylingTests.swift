import Foundation
import Testing
@testable import Commands

/// Colour is one switch (`Styling`): on only for a terminal without `NO_COLOR`; never in JSON,
/// CSV, files or pipes.
@Suite struct StylingTests {
    static let escape = "\u{1B}"
    static let terminal = Styling.decide(isTerminal: true, environment: [:])

    @Test func colourOnlyOnATerminalWithoutNoColor() {
        #expect(Self.terminal.isEnabled)
        #expect(!Styling.decide(isTerminal: false, environment: [:]).isEnabled)
        #expect(!Styling.decide(isTerminal: true, environment: ["NO_COLOR": "1"]).isEnabled)
        #expect(!Styling.decide(isTerminal: true, environment: ["TERM": "dumb"]).isEnabled)
        // no-color.org: an empty NO_COLOR is as if it were unset.
        #expect(Styling.decide(isTerminal: true, environment: ["NO_COLOR": ""]).isEnabled)
    }

    @Test func labelsAreStyledOnlyWhenEnabled() {
        #expect(Self.terminal.warning("warning:") == "\u{1B}[1;33mwarning:\u{1B}[0m")
        #expect(Self.terminal.error("error:") == "\u{1B}[1;31merror:\u{1B}[0m")
        #expect(Styling.plain.heading("title") == "title")
        #expect(Styling.plain.error("error:") == "error:")
    }

    /// Computed, not stored: a stored static holding JSON enum payloads (pointers with tag bits)
    /// reads as a leak to LeakSanitizer at exit.
    static var sample: Rendered { Rendered(json: .object([("a", .int(1))]),
                                 tables: [TextTable(title: "weights (bf16)", columns: ["component", "bytes"], rows: [["wte", "1"]]),
                                          TextTable(columns: ["untitled", "x"], rows: [["y", "2"]])],
                                 notes: ["a note"]) }

    @Test func aTerminalGetsTheTitleInBoldAndNothingElseStyled() {
        let text = Self.sample.formatted(as: .table, styling: Self.terminal)
        #expect(text.hasPrefix("\u{1B}[1mweights (bf16)\u{1B}[0m\ncomponent"))
        #expect(text.components(separatedBy: Self.escape).count == 3, "one heading, opened and closed: \(text)")
        // Unstyled, the same text less the codes.
        #expect(text.replacingOccurrences(of: "\u{1B}[1m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "")
            == Self.sample.formatted(as: .table))
    }

    @Test(arguments: [OutputFormat.json, .csv])
    func dataFormatsAreNeverStyled(_ format: OutputFormat) {
        #expect(!Self.sample.formatted(as: format, styling: Self.terminal).contains(Self.escape))
    }

    @Test func goldenOutputsHoldNoEscapeCodes() throws {
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
        let files = try FileManager.default.contentsOfDirectory(at: golden, includingPropertiesForKeys: nil)
        #expect(!files.isEmpty)
        for file in files {
            #expect(!(try String(contentsOf: file, encoding: .utf8)).contains(Self.escape), "\(file.lastPathComponent)")
        }
    }

    /// Through pipes (as a script reads them), tables, warnings and errors carry no escape codes.
    @Test func pipesGetPlainText() throws {
        let runner = ExecutableTests()
        let table = try runner.run(["memory", "gpt2", "--dtype", "int8"], removing: ["NO_COLOR"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("weights (int8)"))
        #expect(table.stderr.contains("llmcost: warning: --dtype is deprecated"))
        #expect(!table.stdout.contains(Self.escape) && !table.stderr.contains(Self.escape))
        let failure = try runner.run(["params", "gtp2"], removing: ["NO_COLOR"])
        #expect(failure.status == 1)
        #expect(failure.stderr.hasPrefix("llmcost: error: "), "\(failure.stderr)")
        #expect(!failure.stderr.contains(Self.escape))
    }

    /// On a real terminal (a pseudo-terminal from util-linux `script`, where it exists) the
    /// heading and the warning label are coloured, and `NO_COLOR` turns both off.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script") && ExecutableTests.executable != nil))
    func aTerminalIsColouredUnlessNoColorIsSet() throws {
        let command = "\(ExecutableTests.executable!.path) memory gpt2 --dtype int8"
        let coloured = try ExecutableTests().run(["-qec", command, "/dev/null"], removing: ["NO_COLOR", "TERM"],
                                                executable: URL(fileURLWithPath: "/usr/bin/script"))
        #expect(coloured.status == 0, "\(coloured.stderr)")
        #expect(coloured.stdout.contains("\u{1B}[1mweights (int8)\u{1B}[0m"), "\(coloured.stdout.prefix(300))")
        #expect(coloured.stdout.contains("llmcost: \u{1B}[1;33mwarning:\u{1B}[0m --dtype is deprecated"))
        let plain = try ExecutableTests().run(["-qec", command, "/dev/null"], environment: ["NO_COLOR": "1"],
                                             executable: URL(fileURLWithPath: "/usr/bin/script"))
        #expect(plain.status == 0)
        #expect(plain.stdout.contains("weights (int8)") && !plain.stdout.contains(Self.escape))
    }
}
