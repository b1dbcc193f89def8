import Yams

/// YAML spellings a spec file may not use, because readers disagree on what they mean.
///
/// Yams reads YAML 1.1 scalars: `layers: 012` is octal 10, `layers: 1:0` is base-60 60,
/// `0x0C`, `0b1100` and `1_2` are 12, `qkvBias: yes` is true (`on`, `no`, `off` likewise) — while a YAML 1.2 reader (and the
/// person who wrote the file) sees 12, a string, or an error. An explicit tag is followed by
/// neither reader consistently: Yams decodes `layers: !!str 12` as the integer 12 and keys a
/// mapping entry `!custom layers` apart from `layers`, so it slips past the duplicate-key check.
/// Each of these would change a count in silence, so each is refused, naming the field; the
/// plain spellings (`12`, `true`, `"text"`) mean one thing to every reader.
enum YAMLSpellingRules {
    /// Throws on the first node, in document order, written in a disputed spelling, or on the
    /// first key written twice in one mapping (compared as the decoder compares them: as text).
    static func check(_ node: Node, path: String = "", file: String) throws(SpecError) {
        try checkTag(of: node, path: path, file: file, isKey: false)
        switch node {
        case .scalar(let scalar):
            try checkScalar(scalar, path: path, file: file)
        case .mapping(let mapping):
            var seen: Set<String> = []
            for (key, value) in mapping {
                // A mapping or a list as a key (`? {a: 1}`) names no field; printing it would
                // dump the parser's node types into the error.
                guard case .scalar(let scalar) = key else {
                    throw SpecError(file: file, field: path.isEmpty ? nil : path, "a mapping or a list is used as a key\(line(of: key)); a key is a field name")
                }
                let name = scalar.string
                let field = path.isEmpty ? name : "\(path).\(name)"
                try checkTag(of: key, path: field, file: file, isKey: true)
                guard seen.insert(name).inserted else {
                    throw SpecError(file: file, field: field, "written twice in one mapping\(line(of: key)); readers disagree on which value counts, so remove one")
                }
                try check(value, path: field, file: file)
            }
        case .sequence(let sequence):
            for (i, item) in sequence.enumerated() { try check(item, path: "\(path)[\(i)]", file: file) }
        case .alias:
            break
        }
    }

    /// An integer in plain decimal (`[-+]?(0|[1-9][0-9]*)`), which every YAML version reads alike.
    static func isPlainDecimal(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.utf8.dropFirst() : text.utf8[...]
        guard let first = digits.first, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return false }
        return first != UInt8(ascii: "0") || digits.count == 1
    }

    private static func checkScalar(_ scalar: Node.Scalar, path: String, file: String) throws(SpecError) {
        guard scalar.style == .plain || scalar.style == .any else { return }
        let text = scalar.string
        switch resolvedTag(text) {
        case .int where !isPlainDecimal(text):
            throw SpecError(file: file, field: path, "'\(text)' is a YAML 1.1 integer notation (octal 012, hex, binary, base 60 or digits with '_') that YAML readers read differently; write the number in plain decimal, or quote it if it is text")
        case .float where text.contains("_") || text.contains(":"):
            throw SpecError(file: file, field: path, "'\(text)' is a YAML 1.1 number notation ('_' or base 60) that YAML readers read differently; write the number plainly")
        case .bool where !["true", "True", "TRUE", "false", "False", "FALSE"].contains(text):
            throw SpecError(file: file, field: path, "'\(text)' is a YAML 1.1 boolean that YAML 1.2 readers take as text; write true or false, or quote it if it is text")
        default:
            return
        }
    }

    /// Refuses a tag written in the file (`!!str 12`, `!custom`). The node is read as the parser
    /// left it (`SpecFileDecoder.yamlNode` composes with the decoder's own merge-only resolver and
    /// never asks for `Node.tag`, which would resolve it): its tag is the implicit one unless the
    /// file names one, or — for a key, which the parser hashes while checking for duplicates —
    /// the string tag the resolver gave it. A written tag that says what the plain form would
    /// resolve to anyway (`!!int 12`, `!!map`) changes nothing and is let through.
    private static func checkTag(of node: Node, path: String, file: String, isKey: Bool) throws(SpecError) {
        let expected: Tag.Name, written: Tag
        switch node {
        case .scalar(let scalar):
            expected = scalar.style == .plain || scalar.style == .any ? resolvedTag(scalar.string) : .str
            written = scalar.tag
        case .mapping(let mapping): expected = .map; written = mapping.tag
        case .sequence(let sequence): expected = .seq; written = sequence.tag
        case .alias: return
        }
        let tag = written.description
        guard tag != Tag.Name.implicit.rawValue, tag != expected.rawValue, !(isKey && tag == Tag.Name.str.rawValue) else { return }
        let shown = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
        throw SpecError(file: file, field: path.isEmpty ? nil : path, "the YAML tag '\(shown)' is not read the same way by every YAML reader; remove it (quote a value that is text)")
    }

    /// The tag a plain scalar resolves to. Plain decimals and plain words (field names, `rmsnorm`,
    /// `silu`) are settled without the resolver's regular expressions, which otherwise dominate
    /// loading the catalog; anything else (signs, dots, colons, `true`, `null`, `~`) asks them.
    static func resolvedTag(_ text: String) -> Tag.Name {
        if isPlainDecimal(text) { return .int }
        let isWord = !text.isEmpty && text.utf8.allSatisfy { ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || $0 == UInt8(ascii: "_") || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) }
        let yaml11Words: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "nan", "inf"]
        if isWord, !yaml11Words.contains(text), text.utf8.first.map({ $0 < UInt8(ascii: "0") || $0 > UInt8(ascii: "9") }) == true {
            return .str
        }
        return Resolver.default.resolveTag(of: Node(text))
    }

    private static func line(of node: Node) -> String {
        node.mark.map { " (line \($0.line), column \($0.column))" } ?? ""
    }
}
