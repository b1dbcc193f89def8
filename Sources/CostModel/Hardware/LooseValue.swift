/// A JSON scalar of unknown type: how a profile's `schema_version` is read before the rest, so a
/// string or a boolean there is reported as written rather than as a decoder complaint.
public enum LooseValue: Codable, Sendable, Equatable, CustomStringConvertible {
    case string(String), number(Double), bool(Bool), other

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else { self = .other }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .number(let n): try c.encode(n)
        case .bool(let b): try c.encode(b)
        case .other: try c.encodeNil()
        }
    }

    public var description: String {
        switch self {
        case .string(let s): s
        case .number(let n): abs(n) < 1e15 ? Int64(exactly: n).map { String($0) } ?? String(n) : String(n)
        case .bool(let b): String(b)
        case .other: "…"
        }
    }
}
