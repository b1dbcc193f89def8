import Foundation
import Yams

/// Decodes our spec files — YAML, or the same structure in JSON — into a `ModelSpec`.
///
/// Parser and decoder errors become one `SpecError` each, with the field path written the way
/// the file writes it (`decoder.attention.kvHeads`), so the user can find the line to fix.
enum SpecFileDecoder {
    /// A YAML file is parsed once: the composed node is checked (spelling, schema) and then
    /// decoded, never re-parsed from the text.
    static func decode(_ input: InputFile) throws(SpecError) -> (spec: ModelSpec, hasName: Bool) {
        let tree: SpecTree
        var json: JSONValue?
        var yaml: Node?
        if input.looksLikeJSON {
            json = try JSONValue.parse(input.data, file: input.path)
            tree = SpecTree(json!)
        } else {
            let composed = try yamlNode(input)
            yaml = composed
            tree = SpecTree(composed)
        }
        guard case .mapping(let pairs) = tree else {
            throw SpecError(file: input.path, "a spec must be a mapping of fields (vocabularySize: …, decoder: …)")
        }
        try tree.check(against: .model, file: input.path)
        if let json, let (field, number) = firstFraction(in: json) {
            throw SpecError(file: input.path, field: field, "expected an integer, got \(number)")
        }
        do {
            // Every tag in the node is the one its plain spelling resolves to (`YAMLSpellingRules`
            // refuses any other), so decoding it reads what decoding the text would.
            let spec = try yaml.map { try YAMLDecoder().decode(ModelSpec.self, from: $0) }
                ?? JSONDecoder().decode(ModelSpec.self, from: input.data)
            return (spec, pairs.contains { $0.key == "name" })
        } catch let error as DecodingError {
            throw specError(error, file: input.path, tree: tree)
        } catch {
            // Never the decoder's own text: it names Swift types, not fields.
            throw SpecError(file: input.path, "cannot be read as a spec (\(String(describing: type(of: error))))")
        }
    }

    /// Fields that hold a real number rather than a count (DeepSeek's routed-expert scale).
    static let fractionalFields = ["moe.routing.scalingFactor"]

    /// The first number in a JSON spec that is not an integer (`2.5`, `1e30`, `12.0`), by path.
    ///
    /// Every other number in our spec format is a count or a size. `JSONDecoder` reports a fraction
    /// or an out-of-range number for an `Int` field with no field path at all, so such numbers
    /// are found here first, where the path is known; and `12.0` is refused as YAML refuses it.
    static func firstFraction(in value: JSONValue, path: String = "") -> (String, Double)? {
        switch value {
        case .double(let d): return fractionalFields.contains { path.hasSuffix($0) } ? nil : (path, d)
        case .object(let fields):
            for (key, inner) in fields.sorted(by: { $0.key < $1.key }) {
                if let found = firstFraction(in: inner, path: path.isEmpty ? key : "\(path).\(key)") { return found }
            }
        case .array(let items):
            for (i, inner) in items.enumerated() {
                if let found = firstFraction(in: inner, path: "\(path)[\(i)]") { return found }
            }
        default: break
        }
        return nil
    }

    /// The file's one YAML document, composed once, its size bounded and its spellings checked.
    static func yamlNode(_ input: InputFile) throws(SpecError) -> Node {
        do {
            // The decoder's own resolver (merge keys only), as `YAMLDecoder.decode(from: String)`
            // uses: decoding looks each field up by comparing key nodes, and a node whose tags
            // the default resolver must settle costs a regular-expression match per comparison.
            // The spelling rules settle plain scalars themselves (`YAMLSpellingRules.resolvedTag`).
            guard let node = try Yams.compose(yaml: input.text, mergeOnly) else {
                throw SpecError(file: input.path, "the file holds no YAML document (only comments?)")
            }
            // Aliases make a small file expand exponentially ("billion laughs"); a spec has a
            // few hundred nodes, so refuse before anything walks the expansion.
            var budget = maximumNodes
            guard fits(node, within: &budget) else {
                throw SpecError(file: input.path, "the YAML expands to more than \(maximumNodes) nodes (nested aliases?); a spec has a few hundred")
            }
            try YAMLSpellingRules.check(node, file: input.path)
            return node
        } catch let error as SpecError {
            throw error
        } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
            throw SpecError(file: input.path, field: duplicates.first,
                            "written twice in one mapping (line \(context.mark.line)); readers disagree on which value counts, so remove one")
        } catch {
            throw SpecError(file: input.path, "malformed YAML: \(firstLine(of: error))")
        }
    }

    /// Yams' decoder's resolver: merge keys (`<<`) only.
    static let mergeOnly = Resolver.basic.appending(Resolver.Rule.merge)

    /// Nodes a spec file may expand to, aliases followed.
    static let maximumNodes = 100_000

    /// Counts `node`'s expansion against `budget`, stopping as soon as it is spent.
    static func fits(_ node: Node, within budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        switch node {
        case .mapping(let m):
            for (key, value) in m where !fits(key, within: &budget) || !fits(value, within: &budget) { return false }
        case .sequence(let s):
            for item in s where !fits(item, within: &budget) { return false }
        default: break
        }
        return true
    }

    /// The decoder's error in the file's terms: the field as the file spells it, what was
    /// expected, and what the file holds there (`got "12"`); never the decoder's own text, which
    /// names Swift and Yams types (`Scalar`, `Cannot initialize Activation from …`).
    static func specError(_ error: DecodingError, file: String, tree: SpecTree? = nil) -> SpecError {
        func path(_ keys: [any CodingKey]) -> String? {
            let parts = keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return parts.isEmpty ? nil : parts.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        func got(_ keys: [any CodingKey]) -> String {
            tree?.value(at: keys.map { $0.intValue.map(SpecTree.Step.index) ?? .key($0.stringValue) }).map { ", got \($0.described)" } ?? ""
        }
        /// ` (did you mean 'silu'?)` by the one did-you-mean rule, for a value outside a field's fixed set.
        func suggestion(at keys: [any CodingKey], in accepted: String) -> String {
            let steps = keys.map { $0.intValue.map(SpecTree.Step.index) ?? .key($0.stringValue) }
            guard case .scalar(let text)? = tree?.value(at: steps) else { return "" }
            let value = text.hasPrefix("\"") && text.hasSuffix("\"") && text.count >= 2 ? String(text.dropFirst().dropLast()) : text
            return EditDistance.didYouMean(value, in: accepted.components(separatedBy: ", ")).map { " (\($0))" } ?? ""
        }
        switch error {
        case .keyNotFound(let key, let context):
            return SpecError(file: file, field: path(context.codingPath + [key]), "missing; this field is required")
        case .typeMismatch(let type, let context):
            return SpecError(file: file, field: path(context.codingPath), "expected \(describe(type))\(got(context.codingPath))")
        case .valueNotFound(let type, let context):
            return SpecError(file: file, field: path(context.codingPath), "expected \(describe(type)), got nothing (null)")
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            guard let accepted = field.flatMap({ f in SpecSchema.enumeratedValues.first { f.hasSuffix($0.key) }?.value }) else {
                return SpecError(file: file, field: field, "cannot be read\(got(context.codingPath))")
            }
            return SpecError(file: file, field: field,
                             "not an accepted value\(got(context.codingPath))\(suggestion(at: context.codingPath, in: accepted)); accepted: \(accepted)")
        @unknown default:
            return SpecError(file: file, "cannot be read as a spec")
        }
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "an integer"
        case is Bool.Type: "true or false"
        case is String.Type: "a string"
        case is Double.Type: "a number"
        case is Node.Scalar.Type: "a single value, not a mapping or a list"
        case is [Any].Type, is Node.Sequence.Type: "a list"
        default: "a mapping of fields"
        }
    }

    static func firstLine(of error: Any) -> String {
        String(describing: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
    }
}

extension SpecTree {
    init(_ node: Node) {
        switch node {
        case .mapping(let m): self = .mapping(m.map { (key: $0.key.string ?? "(a mapping or list)", value: SpecTree($0.value)) })
        case .sequence(let s): self = .sequence(s.map(SpecTree.init))
        case .scalar(let scalar) where scalar.style != .plain && scalar.style != .any: self = .scalar("\"\(scalar.string)\"")
        case .scalar(let scalar): self = .scalar(scalar.string.isEmpty ? "nothing" : scalar.string)
        case .alias: self = .scalar("an alias")
        }
    }
}
