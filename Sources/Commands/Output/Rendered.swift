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

    public func formatted(as format: OutputFormat) -> String {
        switch format {
        case .json: return (jsonText ?? json.serialized()) + "\n"
        case .csv: return ((csvTable ?? tables.first)?.csv() ?? "") + "\n"
        case .table:
            var parts = tables.map { $0.rendered() }
            if !notes.isEmpty { parts.append(notes.map { "note: " + $0 }.joined(separator: "\n")) }
            return parts.joined(separator: "\n\n") + "\n"
        }
    }
}
