/// Text from the user (a path, a key, a value) made safe to print inside one line of a terminal.
///
/// A directory may be named `a⏎b` or hold an ESC sequence; printed raw, such a name splits an
/// error over two lines (so scripts reading one line per error misread it) or restyles and
/// rewrites the user's terminal. Every control character (C0, DEL, C1), the Unicode line and
/// paragraph separators and the bidirectional overrides (which reorder what is shown) are
/// written as escapes instead: `\n`, `\r`, `\t`, `\u{1B}`. Backslashes are left alone, so an
/// ordinary Windows-style name still reads as written; the escapes are for reading, not parsing.
public enum OneLine {
    /// `text` with every character that could break or restyle a line written as an escape.
    public static func escaping(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else { result.unicodeScalars.append(scalar); continue }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            }
        }
        return result
    }

    /// Whether `scalar` is written as an escape by `escaping`.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true          // C0, DEL, C1 (CSI is U+009B)
        case 0x2028, 0x2029: return true                    // line and paragraph separators
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true  // bidi controls
        default: return false
        }
    }
}
