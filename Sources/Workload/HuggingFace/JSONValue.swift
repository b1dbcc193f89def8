import Foundation

/// A parsed JSON value that keeps booleans, integers and floats apart.
///
/// `JSONSerialization` hands back `NSNumber` for all three (and `true as? Int` succeeds), which
/// would let `"num_hidden_layers": true` pass as 1; decoding into this enum keeps each JSON type
/// what it was written as, so a wrong type is reported instead of converted.
enum JSONValue: Decodable, Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    /// Parses `data` as JSON, or throws a `SpecError` naming `file`.
    static func parse(_ data: Data, file: String) throws(SpecError) -> JSONValue {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            let detail = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
                ?? context.underlyingError?.localizedDescription ?? context.debugDescription
            throw SpecError(file: file, "malformed JSON: \(detail)")
        } catch {
            throw SpecError(file: file, "malformed JSON: \(error)")
        }
        if let key = JSONDuplicateKeys.first(in: [UInt8](data)) {
            throw SpecError(file: file, field: key, "written twice in one object; readers disagree on which value counts (Python keeps the last), so remove one")
        }
        return value
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
