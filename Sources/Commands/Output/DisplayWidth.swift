/// How many terminal columns text takes: East-Asian wide and fullwidth characters take two,
/// combining marks and format characters none, everything else one.
///
/// `String.count` counts characters, so a table of Chinese seed text (`约105万美元`) came out
/// misaligned: each ideograph is drawn two columns wide.
public enum DisplayWidth {
    /// Columns taken by `text` on a terminal (monospace).
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// Columns taken by one character: the sum over its scalars (a base letter and its accents: one).
    public static func of(_ character: Character) -> Int {
        character.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        let v = scalar.value
        if (0xFE00...0xFE0F).contains(v) { return 0 }  // variation selectors
        return wideRanges.contains { $0.contains(v) } ? 2 : 1
    }

    /// East-Asian Wide (W) and Fullwidth (F) blocks: Hangul Jamo, CJK radicals to Yi, Hangul
    /// syllables, compatibility ideographs, vertical and small forms, fullwidth forms, emoji and
    /// pictographs, the supplementary ideograph planes.
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0xA4CF,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
    ]

    /// `text` padded with spaces to `width` columns, on the side `alignment` leaves open.
    static func pad(_ text: String, to width: Int, _ alignment: TextTable.Alignment) -> String {
        let fill = String(repeating: " ", count: max(0, width - of(text)))
        return alignment == .left ? text + fill : fill + text
    }

    /// `text` broken into lines of at most `width` columns: at spaces where it can, and a word
    /// wider than a line (a URL, a run of CJK text without spaces) cut between characters.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0, of(text) > width else { return [text] }
        var lines: [String] = [], line = ""
        for word in words(text) {
            let joined = line.isEmpty ? word : line + " " + word
            if of(joined) <= width { line = joined; continue }
            if !line.isEmpty { lines.append(line); line = "" }
            var rest = word
            while of(rest) > width {
                let (head, tail) = split(rest, width: width)
                lines.append(head); rest = tail
            }
            line = rest
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// Words separated by spaces, a lone `%` kept with its number (`2.7 %` never splits).
    private static func words(_ text: String) -> [String] {
        var out: [String] = []
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            if word == "%", let last = out.last, !last.isEmpty { out[out.count - 1] = last + " %" } else { out.append(word) }
        }
        return out
    }

    /// The longest prefix of `word` that fits `width` columns (at least one character), and the rest.
    private static func split(_ word: String, width: Int) -> (String, String) {
        var used = 0, end = word.startIndex
        for index in word.indices {
            let w = of(word[index])
            if used + w > width, index != word.startIndex { break }
            used += w; end = word.index(after: index)
        }
        return (String(word[..<end]), String(word[end...]))
    }
}
