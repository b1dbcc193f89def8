import Foundation

/// Workload's strict JSON reader (`JSONParser`), open to the other modules' JSON files (host
/// profiles), so every JSON input of llmcost refuses a repeated key — compared after decoding
/// escapes — a trailing comma or an unrepresentable number the same way.
public enum StrictJSON {
    /// Why `data` is not strict JSON, in one line with its position and field; nil when it is.
    /// A key written twice (however spelt) is named as `key 'NAME' is written twice`.
    public static func problem(in data: Data) -> String? {
        do {
            _ = try JSONParser.parse([UInt8](data))
            return nil
        } catch {
            if error.message.hasPrefix("written twice"), let field = error.field {
                return "key '\(field.split(separator: ".").last.map(String.init) ?? field)' is written twice in one object"
            }
            let place = error.field.map { "field '\($0)' " } ?? ""
            return "\(place)line \(error.line), column \(error.column): \(error.message)"
        }
    }
}
