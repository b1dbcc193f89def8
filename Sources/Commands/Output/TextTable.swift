/// A titled table of typed cells, the one table type: rendered for people (aligned, digits
/// grouped, human units, fitted to 100 columns) and as CSV for programs (plain numbers, a header
/// of JSON-style keys) from the same rows.
public struct TextTable: Sendable, Equatable {
    public enum Alignment: Sendable { case left, right }

    /// Who sees a column.
    public enum Role: Sendable {
        /// Everyone: the table and the CSV.
        case data
        /// People only: a scaled copy of the exact figure beside it (`124.44 M`), left out of CSV.
        case human
        /// The table only with `--wide` (and always in CSV): what a 100-column table leaves out.
        case detail
    }

    public struct Column: Sendable, Equatable {
        /// The heading people read.
        public var header: String
        /// The CSV heading: the JSON key where the command has one, units in the name.
        public var key: String
        public var alignment: Alignment
        public var role: Role

        public init(_ header: String, key: String? = nil, _ alignment: Alignment = .right, role: Role = .data) {
            self.header = header; self.key = key ?? Self.key(for: header)
            self.alignment = alignment; self.role = role
        }

        /// The human-units copy of the figure to its left, headed `≈`.
        public static let human = Column("≈", key: "", .right, role: .human)

        /// `exposed comm s` → `exposed_comm_s`: lower case, runs of other characters one `_`.
        static func key(for header: String) -> String {
            var out = "", pending = false
            for scalar in header.lowercased().unicodeScalars {
                if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                    if pending, !out.isEmpty { out += "_" }
                    out.unicodeScalars.append(scalar); pending = false
                } else { pending = true }
            }
            return out
        }
    }

    public var title: String?
    public var columns: [Column]
    public var rows: [[Cell]]

    public init(title: String? = nil, columns: [Column], rows: [[Cell]] = []) {
        self.title = title; self.columns = columns; self.rows = rows
    }

    /// Columns by heading: the first left-aligned, the rest right-aligned (unless `alignments`
    /// says otherwise); an empty heading is the human-units copy of the column before it.
    public init(title: String? = nil, columns: [String], alignments: [Alignment]? = nil, rows: [[Cell]] = []) {
        let columns = columns.enumerated().map { c, header in
            header.isEmpty ? Column.human : Column(header, alignments?[c] ?? (c == 0 ? .left : .right))
        }
        self.init(title: title, columns: columns, rows: rows)
    }

    /// The alignment of each column (set one: `table.alignments[3] = .left`).
    public var alignments: [Alignment] {
        get { columns.map(\.alignment) }
        set { for (c, a) in newValue.enumerated() where columns.indices.contains(c) { columns[c].alignment = a } }
    }

    public mutating func append(_ row: [Cell]) { rows.append(row) }
    public mutating func append(_ row: [String]) { rows.append(row.map(Cell.text)) }

    /// The width a default table fits: wider text wraps within its column, detail columns wait for `--wide`.
    public static let defaultWidth = 100

    /// RFC 4180 CSV: a header row of keys, then rows of plain values; human-units columns left
    /// out; cells quoted when they hold a comma, quote or newline.
    public func csv() -> String {
        let kept = columns.indices.filter { columns[$0].role != .human }
        let header = kept.map { columns[$0].key }
        let body = rows.map { row in kept.map { row.indices.contains($0) ? row[$0].value : "" } }
        return ([header] + body).map { $0.map(Self.csvCell).joined(separator: ",") }.joined(separator: "\n")
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
