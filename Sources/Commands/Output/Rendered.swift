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

    /// The text for `format`; `styling` colours table titles (tables only: JSON and CSV are data).
    public func formatted(as format: OutputFormat, styling: Styling = .plain) -> String {
        switch format {
        case .json: return (jsonText ?? json.serialized()) + "\n"
        case .csv: return ((csvTable ?? tables.first)?.csv() ?? "") + "\n"
        case .table:
            var parts = tables.map { Self.styledTitle(of: $0, styling) }
            if !notes.isEmpty { parts.append(notes.map { "note: " + $0 }.joined(separator: "\n")) }
            return parts.joined(separator: "\n\n") + "\n"
        }
    }

    /// A titled table renders its title as its first line: that line is styled as a heading,
    /// the rest (the cells, which hold user-supplied names) is left as the table wrote it.
    static func styledTitle(of table: TextTable, _ styling: Styling) -> String {
        let text = table.rendered()
        guard styling.isEnabled, table.title != nil else { return text }
        let end = text.firstIndex(of: "\n") ?? text.endIndex
        return styling.heading(String(text[..<end])) + text[end...]
    }
}
