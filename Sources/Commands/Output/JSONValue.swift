/// JSON as scripts read it: keys in a fixed order, integers exact beyond 2^53 and 2^63.
///
/// Foundation's encoder neither keeps key order nor writes `Int128`; this small value type does
/// both, and refuses non-finite numbers (a NaN must never reach a script).
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case integer(Int128)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }

    public static func int(_ v: Int) -> JSONValue { .integer(Int128(v)) }
    public static func optional(_ v: Int?) -> JSONValue { v.map { .integer(Int128($0)) } ?? .null }
    public static func optional(_ v: String?) -> JSONValue { v.map { .string($0) } ?? .null }

    /// Pretty-printed with two-space indentation.
    public func serialized(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1), end = String(repeating: "  ", count: indent)
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .number(let d): return Self.format(d)
        case .string(let s): return Self.quote(s)
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { pad + $0.serialized(indent: indent + 1) }.joined(separator: ",\n") + "\n\(end)]"
        case .object(let pairs):
            if pairs.isEmpty { return "{}" }
            return "{\n" + pairs.map { pad + Self.quote($0.0) + ": " + $0.1.serialized(indent: indent + 1) }
                .joined(separator: ",\n") + "\n\(end)}"
        }
    }

    /// Shortest round-tripping decimal; integral values without a fraction; non-finite as null.
    static func format(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if abs(d) < 1e15, let whole = Int64(exactly: d) { return String(whole) }
        return "\(d)"
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

import Foundation
