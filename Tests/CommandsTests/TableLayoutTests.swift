import Foundation
import Testing
@testable import Commands

/// Tables for people fit 100 columns measured as a terminal draws them; CSV is data.
@Suite struct TableLayoutTests {
    @Test func wideCharactersTakeTwoColumnsAndMarksNone() {
        #expect(DisplayWidth.of("约105万美元") == 11)  // four ideographs × 2 + three digits
        #expect(DisplayWidth.of("324 万") == 6)
        #expect(DisplayWidth.of("ＡＢ") == 4)  // fullwidth forms
        #expect(DisplayWidth.of("한국") == 4)  // Hangul syllables
        #expect(DisplayWidth.of("e\u{301}") == 1)  // a combining accent adds nothing
        #expect(DisplayWidth.of("—±×") == 3)
        #expect(DisplayWidth.of("tp4·pp1") == 7)
    }

    /// The column after CJK text starts at the same display column on every row (it drifted by
    /// one per ideograph when padding counted characters).
    @Test func cjkCellsKeepTheNextColumnAligned() {
        let table = TextTable(columns: [.init("printed", .left), .init("ours")],
                              rows: [["约105万美元", "$1,059,114.58"], ["36%", "35.83%"], ["人民币10亿元", "¥1,005,493,125"]])
        let lines = table.rendered().split(separator: "\n").map(String.init)
        let ends = lines.map(DisplayWidth.of)
        #expect(Set(ends).count == 1, "right-aligned column ends at different display columns: \(ends)")
    }

    @Test func longTextWrapsWithinItsColumnAndKeepsEveryWord() {
        let reason = (1...40).map { "word\($0)" }.joined(separator: " ")
        let table = TextTable(title: "t", columns: [.init("name", .left), .init("figure"), .init("why", .left)],
                              rows: [["first", .count(1_234_567), .text(reason)]])
        let lines = table.rendered().split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= TextTable.defaultWidth })
        #expect(lines.count > 4)
        let body = lines.dropFirst(3).map { $0.split(separator: " ").filter { $0.hasPrefix("word") } }.joined()
        #expect(body.map(String.init) == reason.split(separator: " ").map(String.init))
        // --wide: one line per row.
        #expect(table.rendered(maxWidth: nil).split(separator: "\n").count == 4)
    }

    @Test func detailColumnsOnlyWide() {
        let table = TextTable(columns: [.init("name", .left), .init("n"), .init("source", .left, role: .detail)],
                              rows: [["a", .count(1), "https://example.com/a"]])
        #expect(!table.rendered().contains("source"))
        #expect(table.rendered(maxWidth: nil).contains("https://example.com/a"))
        #expect(table.csv() == "name,n,source\na,1,https://example.com/a")
    }

    /// `--wide` on the command line: the catalog's source URLs come back, one line per model.
    @Test func wideKeepsTheLongForm() throws {
        let narrow = try GoldenOutputTests.output(["models"], format: "table")
        let wide = try GoldenOutputTests.output(["models", "--wide"], format: "table")
        #expect(!narrow.contains("https://") && wide.contains("https://huggingface.co/openai-community/gpt2/blob/main/config.json"))
        #expect(wide.split(separator: "\n").count == narrow.split(separator: "\n").count)
        #expect(wide.split(separator: "\n").contains { DisplayWidth.of($0) > TextTable.defaultWidth })
    }

    @Test func humanColumnsHaveAHeadingAndStayOutOfCSV() {
        let table = TextTable(columns: ["component", "parameters", "", "share"],
                              rows: [["ffn", .count(2_147_483_648), .human("2.15 B"), .percent(0.319)]])
        #expect(table.columns[2].header == "≈")
        #expect(table.rendered().split(separator: "\n")[0].contains("≈"))
        #expect(table.csv() == "component,parameters,share\nffn,2147483648,0.319")
    }

    @Test func notesWrapUnderTheirFirstWord() {
        let note = (1...30).map { "part\($0)" }.joined(separator: " ")
        let text = Rendered(json: .null, tables: [], notes: [note]).formatted(as: .table)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count > 1 && lines.allSatisfy { DisplayWidth.of($0) <= 100 })
        #expect(lines[0].hasPrefix("note: part1 ") && lines[1].hasPrefix("      part"))
        #expect(Rendered(json: .null, tables: [], notes: [note]).formatted(as: .table, wide: true) == "note: \(note)\n")
    }
}
