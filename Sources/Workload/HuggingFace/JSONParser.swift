/// A strict RFC 8259 JSON reader producing `JSONValue`, with errors a user can act on.
///
/// Why not `JSONDecoder`: it accepts what Python's `json` (and so `transformers`) refuses — a
/// trailing comma — so the same file could mean a model to us and an error to the library it
/// was written for; it says only "The given data was not valid JSON" for a syntax error, and its
/// internals (`DecodingError.typeMismatch`, `Dictionary<String, Any>`) leaked into our errors for
/// a number like `1e400` or a lone surrogate; and it keeps one of two equal keys in silence.
/// This reader decodes every key (escapes, `\u005f`, surrogate pairs) before it compares keys,
/// so `"hidden\u005fsize"` next to `"hidden_size"` is the duplicate it is, at any depth.
struct JSONParser {
    /// A parse failure: what is wrong, where (line and column, 1-based), and the field path when
    /// the fault is a value (`rope_scaling.factor`).
    struct Failure: Error, Equatable {
        var message: String
        var line: Int
        var column: Int
        var field: String?
    }

    /// Objects and arrays nested deeper than this are refused: recursion must not exhaust the
    /// stack, and a config nests three or four levels.
    static let maximumDepth = 512

    private let bytes: [UInt8]
    private var i = 0
    /// The field path of the value being read, as the user would write it: `a.b[2].c`.
    private var path: [String] = []

    static func parse(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        // A UTF-8 byte-order mark is tolerated, as before (`InputFile.looksLikeJSON` skips it too).
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.i = 3 }
        parser.skipSpace()
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.i == bytes.count else { throw parser.fail("unexpected \(parser.describeHere()) after the end of the JSON value") }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    // MARK: - Values

    private mutating func value(depth: Int) throws(Failure) -> JSONValue {
        guard i < bytes.count else { throw fail("the file ends where a value was expected") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        case UInt8(ascii: "N"), UInt8(ascii: "I"):
            throw fail("NaN and Infinity are not JSON numbers", atValue: true)
        default: throw fail("expected a value, found \(describeHere())")
        }
    }

    private mutating func object(depth: Int) throws(Failure) -> JSONValue {
        guard depth <= Self.maximumDepth else { throw fail("objects and arrays nested more than \(Self.maximumDepth) deep") }
        i += 1
        var fields: [String: JSONValue] = [:]
        skipSpace()
        if peek(UInt8(ascii: "}")) { i += 1; return .object(fields) }
        while true {
            skipSpace()
            guard peek(UInt8(ascii: "\"")) else { throw fail("expected a key in double quotes, found \(describeHere())") }
            // Only the offset: a line and column cost a scan from the start, so they are counted
            // when an error is reported, not for every key (a safetensors index has 100k keys).
            let keyStart = i
            let key = try string()
            // Swift's `String ==` is how the dictionary below compares keys, so it is also how
            // duplicates are found: two spellings that would land on one entry are two values.
            if fields[key] != nil {
                throw Failure(message: "written twice in one object; readers disagree on which value counts (Python keeps the last), so remove one",
                              line: position(of: keyStart).line, column: position(of: keyStart).column, field: fieldPath(appending: key))
            }
            skipSpace()
            guard peek(UInt8(ascii: ":")) else { throw fail("expected ':' after the key \"\(key)\", found \(describeHere())") }
            i += 1
            skipSpace()
            path.append(key)
            fields[key] = try value(depth: depth)
            path.removeLast()
            skipSpace()
            if peek(UInt8(ascii: ",")) {
                i += 1
                skipSpace()
                if peek(UInt8(ascii: "}")) { throw fail("a trailing comma before '}' (Python's json refuses it)") }
                continue
            }
            if peek(UInt8(ascii: "}")) { i += 1; return .object(fields) }
            throw fail("expected ',' or '}' in an object, found \(describeHere())")
        }
    }

    private mutating func array(depth: Int) throws(Failure) -> JSONValue {
        guard depth <= Self.maximumDepth else { throw fail("objects and arrays nested more than \(Self.maximumDepth) deep") }
        i += 1
        var items: [JSONValue] = []
        skipSpace()
        if peek(UInt8(ascii: "]")) { i += 1; return .array(items) }
        while true {
            skipSpace()
            path.append("[\(items.count)]")
            items.append(try value(depth: depth))
            path.removeLast()
            skipSpace()
            if peek(UInt8(ascii: ",")) {
                i += 1
                skipSpace()
                if peek(UInt8(ascii: "]")) { throw fail("a trailing comma before ']' (Python's json refuses it)") }
                continue
            }
            if peek(UInt8(ascii: "]")) { i += 1; return .array(items) }
            throw fail("expected ',' or ']' in an array, found \(describeHere())")
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard bytes.count - i >= expected.count, bytes[i..<i + expected.count].elementsEqual(expected) else {
            throw fail("expected a value, found \(describeHere())")
        }
        i += expected.count
    }

    // MARK: - Numbers

    /// A number: an integer literal that fits 64 bits is `.int`; any other is `.double`, unless
    /// it cannot be held as a 64-bit float (`1e400`) or would silently read as 0 (`1e-400`).
    private mutating func number() throws(Failure) -> JSONValue {
        let start = i
        if peek(UInt8(ascii: "-")) { i += 1 }
        guard i < bytes.count, isDigit(bytes[i]) else {
            if peek(UInt8(ascii: "I")) { throw fail("NaN and Infinity are not JSON numbers", atValue: true) }
            throw fail("expected a digit after '-'")
        }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if i < bytes.count, isDigit(bytes[i]) { throw fail("a number with a leading zero is not JSON", atValue: true) }
        } else {
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        var isInteger = true
        if peek(UInt8(ascii: ".")) {
            isInteger = false
            i += 1
            guard i < bytes.count, isDigit(bytes[i]) else { throw fail("expected a digit after the decimal point") }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            isInteger = false
            i += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { i += 1 }
            guard i < bytes.count, isDigit(bytes[i]) else { throw fail("expected a digit in the exponent") }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        if isInteger, let int = Int(text) { return .int(int) }
        guard let double = Double(text), double.isFinite else {
            throw Failure(message: "the number \(text) is beyond the range of a 64-bit float",
                          line: position(of: start).line, column: position(of: start).column, field: fieldPath())
        }
        if double == 0, bytes[start..<i].prefix(while: { $0 != UInt8(ascii: "e") && $0 != UInt8(ascii: "E") })
            .contains(where: { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") }) {
            throw Failure(message: "the number \(text) is too small for a 64-bit float and would read as 0",
                          line: position(of: start).line, column: position(of: start).column, field: fieldPath())
        }
        return .double(double)
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    // MARK: - Strings

    /// A string with every escape decoded; a lone UTF-16 surrogate is refused (it is not text).
    private mutating func string() throws(Failure) -> String {
        i += 1  // the opening quote
        var scalars = String.UnicodeScalarView()
        var runStart = i
        func flushRun(_ parser: JSONParser, to end: Int) {
            scalars.append(contentsOf: String(decoding: parser.bytes[runStart..<end], as: UTF8.self).unicodeScalars)
        }
        while true {
            guard i < bytes.count else { throw fail("a string is not closed before the end of the file") }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                flushRun(self, to: i)
                i += 1
                return String(scalars)
            }
            if b < 0x20 { throw fail("a control character (U+\(hex(UInt32(b)))) inside a string; write it as an escape") }
            guard b == UInt8(ascii: "\\") else { i += 1; continue }
            flushRun(self, to: i)
            i += 1
            guard i < bytes.count else { throw fail("a string is not closed before the end of the file") }
            let escape = bytes[i]
            i += 1
            switch escape {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{8}")
            case UInt8(ascii: "f"): scalars.append("\u{C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"): scalars.append(try unicodeEscape())
            default:
                i -= 2
                throw fail("an unknown escape in a string (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)")
            }
            runStart = i
        }
    }

    /// The scalar of `\uXXXX` (after `\u`), joining a surrogate pair written as two escapes.
    private mutating func unicodeEscape() throws(Failure) -> Unicode.Scalar {
        let first = try hex4()
        if (0xD800...0xDBFF).contains(first) {
            if bytes.count - i >= 6, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                let mark = i
                i += 2
                let second = try hex4()
                if (0xDC00...0xDFFF).contains(second) {
                    return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))!
                }
                i = mark
            }
            throw fail("a lone UTF-16 surrogate \\u\(hex(first)) in a string is not text")
        }
        guard let scalar = Unicode.Scalar(first) else {
            throw fail("a lone UTF-16 surrogate \\u\(hex(first)) in a string is not text")
        }
        return scalar
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard bytes.count - i >= 4 else { throw fail("\\u must be followed by four hexadecimal digits") }
        var value: UInt32 = 0
        for b in bytes[i..<i + 4] {
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
            default: throw fail("\\u must be followed by four hexadecimal digits")
            }
            value = value << 4 | UInt32(digit)
        }
        i += 4
        return value
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    // MARK: - Positions and messages

    private mutating func skipSpace() {
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
    }

    private func peek(_ b: UInt8) -> Bool { i < bytes.count && bytes[i] == b }

    private func position() -> (line: Int, column: Int) { position(of: i) }

    /// Line and column (in characters) of byte `offset`, counted only when an error is reported.
    private func position(of offset: Int) -> (line: Int, column: Int) {
        let end = min(offset, bytes.count)
        let lineStart = bytes[..<end].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let line = bytes[..<end].count { $0 == 0x0A } + 1
        let column = String(decoding: bytes[lineStart..<end], as: UTF8.self).count + 1
        return (line, column)
    }

    /// What stands at the current position, for "found …": a character in quotes or the end.
    private func describeHere() -> String {
        guard i < bytes.count else { return "the end of the file" }
        let b = bytes[i]
        if b >= 0x21, b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x\(String(b, radix: 16, uppercase: true))"
    }

    private func fieldPath(appending key: String? = nil) -> String? {
        let parts = path + (key.map { [$0] } ?? [])
        guard !parts.isEmpty else { return nil }
        return parts.enumerated().map { $0.offset > 0 && !$0.element.hasPrefix("[") ? "." + $0.element : $0.element }.joined()
    }

    private func fail(_ message: String, atValue: Bool = false) -> Failure {
        let (line, column) = position()
        return Failure(message: message, line: line, column: column, field: atValue ? fieldPath() : nil)
    }
}
