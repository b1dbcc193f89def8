/// A titled table of strings: rendered aligned for people and as CSV for spreadsheets.
public struct TextTable: Sendable, Equatable {
    public enum Alignment: Sendable { case left, right }
    public var title: String?
    public var columns: [String]
    public var alignments: [Alignment]
    public var rows: [[String]]

    public init(title: String? = nil, columns: [String], alignments: [Alignment]? = nil, rows: [[String]] = []) {
        self.title = title; self.columns = columns
        self.alignments = alignments ?? columns.indices.map { $0 == 0 ? .left : .right }
        self.rows = rows
    }

    public mutating func append(_ row: [String]) { rows.append(row) }

    /// Columns padded to their widest cell, two spaces apart, a rule under the header.
    public func rendered() -> String {
        let all = [columns] + rows
        let widths = columns.indices.map { c in all.map { $0.indices.contains(c) ? $0[c].count : 0 }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            columns.indices.map { c in
                let cell = cells.indices.contains(c) ? cells[c] : ""
                let fill = String(repeating: " ", count: widths[c] - cell.count)
                return alignments[c] == .left ? cell + fill : fill + cell
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        var out: [String] = []
        if let title { out.append(title) }
        out.append(line(columns))
        out.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        out += rows.map(line)
        return out.joined(separator: "\n")
    }

    /// RFC 4180 CSV: header row, then rows; cells quoted when they hold a comma, quote or newline.
    public func csv() -> String {
        ([columns] + rows).map { $0.map(Self.csvCell).joined(separator: ",") }.joined(separator: "\n")
    }

    static func csvCell(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}

import Foundation
