extension TextTable {
    /// Columns padded to their widest cell (in display columns), two spaces apart, a rule under
    /// the header. With a `maxWidth` (the default 100; nil is `--wide`), detail columns are left
    /// out and, if the rest is still wider, the widest left-aligned text columns after the first
    /// are narrowed and their cells wrapped onto continuation lines, so every line fits.
    public func rendered(maxWidth: Int? = TextTable.defaultWidth) -> String {
        let shown = columns.indices.filter { maxWidth == nil || columns[$0].role != .detail }
        let natural = shown.map { c in
            ([columns[c].header] + rows.map { cell($0, c).text }).flatMap(Self.lines).map(DisplayWidth.of).max() ?? 0
        }
        let widths = maxWidth.map { fitted(natural, shown: shown, into: $0) } ?? natural
        func lines(_ texts: [String]) -> [String] {
            let wrapped = texts.indices.map { i in
                Self.lines(texts[i]).flatMap { widths[i] < natural[i] ? DisplayWidth.wrap($0, width: widths[i]) : [$0] }
            }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { line in
                wrapped.indices.map { i in
                    DisplayWidth.pad(wrapped[i].indices.contains(line) ? wrapped[i][line] : "", to: widths[i], columns[shown[i]].alignment)
                }.joined(separator: "  ").trimmingTrailingSpaces()
            }
        }
        var out: [String] = []
        if let title { out += maxWidth.map { DisplayWidth.wrap(title, width: $0) } ?? [title] }
        out += lines(shown.map { columns[$0].header })
        out.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        for row in rows { out += lines(shown.map { cell(row, $0).text }) }
        return out.joined(separator: "\n")
    }

    /// A heading may break over lines where it says (`implied\nMFU`), so a narrow column keeps a narrow heading.
    static func lines(_ text: String) -> [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// Narrowest a wrapped column becomes: below this, words break into fragments.
    static let narrowestWrapped = 12

    /// Widths that fit `maxWidth`, one column at a time from the widest left-aligned text column
    /// after the first: first down to its longest word (so no word breaks), then down to
    /// `narrowestWrapped`; the first column (the row's name) only when nothing else can give.
    private func fitted(_ natural: [Int], shown: [Int], into maxWidth: Int) -> [Int] {
        var widths = natural
        let wrappable = widths.indices.filter { columns[shown[$0]].alignment == .left }
        let longestWord = widths.indices.map { i in
            ([columns[shown[i]].header] + rows.map { cell($0, shown[i]).text })
                .flatMap { $0.split(whereSeparator: { $0 == " " || $0 == "\n" }) }.map(DisplayWidth.of).max() ?? 0
        }
        var total: Int { widths.reduce(0, +) + 2 * max(0, widths.count - 1) }
        let floors: [(Int) -> Int] = [{ max(Self.narrowestWrapped, longestWord[$0]) }, { _ in Self.narrowestWrapped }]
        for floor in floors {
            for pass in [wrappable.filter { $0 > 0 }, wrappable.filter { $0 == 0 }] {
                while total > maxWidth, let widest = pass.filter({ widths[$0] > floor($0) }).max(by: { widths[$0] < widths[$1] }) {
                    widths[widest] -= 1
                }
            }
        }
        return widths
    }

    private func cell(_ row: [Cell], _ c: Int) -> Cell { row.indices.contains(c) ? row[c] : .empty }
}
