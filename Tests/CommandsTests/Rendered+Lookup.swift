@testable import Commands

extension Rendered {
    /// The JSON value at `path` (object keys, outermost first); nil where a key is missing.
    func value(at path: [String]) -> JSONValue? {
        var value = json
        for key in path {
            guard case let .object(fields) = value, let next = fields.first(where: { $0.0 == key })?.1 else { return nil }
            value = next
        }
        return value
    }

    func value(at path: String...) -> JSONValue? { value(at: path) }
}
