import Foundation
/// What a command produces before it is formatted: JSON for scripts, tables for people.
///
/// CSV is the primary (first) table, the breakdown a spreadsheet wants; `notes` appear under the
/// tables and, in JSON, as the `notes` array the command put there itself.
public struct Rendered: Sendable {
    public var json: JSONValue
    public var tables: [TextTable]
    /// Lines printed under the tables: conventions, assumptions, sources.
    public var notes: [String]
    /// JSON already serialised by a library (a saved profile's own encoding), printed as is.
    public var jsonText: String?
    /// A machine-readable table for `--format csv` (plain numbers, units in the header); the
    /// first human table when nil.
    public var csvTable: TextTable?

    public init(json: JSONValue, tables: [TextTable], notes: [String] = [], jsonText: String? = nil, csvTable: TextTable? = nil) {
        self.json = json; self.tables = tables; self.notes = notes; self.jsonText = jsonText; self.csvTable = csvTable
    }

    /// The result as text. A table is fitted to 100 columns (notes wrapped, detail columns left
    /// out) unless `wide`, which prints every column and every note on one line; `styling`
    /// colours table titles (tables only: JSON and CSV are data).
    public func formatted(as format: OutputFormat, wide: Bool = false, styling: Styling = .plain) -> String {
        switch format {
        case .json: return (jsonText ?? json.serialized()) + "\n"
        case .csv: return ((csvTable ?? tables.first)?.csv() ?? "") + "\n"
        case .table:
            let width = wide ? nil : TextTable.defaultWidth
            var parts = tables.map { Self.styledTitle(of: $0, $0.rendered(maxWidth: width), styling) }
            if !notes.isEmpty { parts.append(notes.flatMap { Self.note($0, width: width) }.joined(separator: "\n")) }
            return parts.joined(separator: "\n\n") + "\n"
        }
    }

    /// `note: …`, continued under its first word when wrapped.
    static func note(_ text: String, width: Int?) -> [String] {
        let prefix = "note: ", indent = String(repeating: " ", count: prefix.count)
        guard let width else { return [prefix + text] }
        return DisplayWidth.wrap(text, width: width - prefix.count).enumerated().map { ($0.offset == 0 ? prefix : indent) + $0.element }
    }

    /// A titled table renders its title as its first line: that line is styled as a heading,
    /// the rest (the cells, which hold user-supplied names) is left as the table wrote it.
    static func styledTitle(of table: TextTable, _ text: String, _ styling: Styling) -> String {
        guard styling.isEnabled, table.title != nil else { return text }
        let end = text.firstIndex(of: "\n") ?? text.endIndex
        return styling.heading(String(text[..<end])) + text[end...]
    }
}
