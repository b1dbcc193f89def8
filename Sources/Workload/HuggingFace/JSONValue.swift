import Foundation

/// A parsed JSON value that keeps booleans, integers and floats apart.
///
/// `JSONSerialization` hands back `NSNumber` for all three (and `true as? Int` succeeds), which
/// would let `"num_hidden_layers": true` pass as 1; parsing into this enum keeps each JSON type
/// what it was written as, so a wrong type is reported instead of converted.
enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses `data` as strict JSON (`JSONParser`), or throws one `SpecError` naming `file`, the
    /// line and column, and the field when a value is at fault; a key written twice in one
    /// object, in whatever spelling (`"hidden\u005fsize"`), is refused by its decoded name.
    static func parse(_ data: Data, file: String) throws(SpecError) -> JSONValue {
        do {
            return try JSONParser.parse([UInt8](data))
        } catch {
            let place = "line \(error.line), column \(error.column)"
            guard let field = error.field else { throw SpecError(file: file, "malformed JSON at \(place): \(error.message)") }
            throw SpecError(file: file, field: field, "\(error.message) (\(place))")
        }
    }

    /// How the value is described in a type error: `string "32"`, `boolean true`.
    var described: String {
        switch self {
        case .null: "null"
        case .bool(let b): "boolean \(b)"
        case .int(let i): "integer \(i)"
        case .double(let d): "number \(d)"
        case .string(let s): "string \"\(s.count > 40 ? String(s.prefix(40)) + "…" : s)\""
        case .array: "an array"
        case .object: "an object"
        }
    }
}
