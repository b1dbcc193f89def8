import Foundation

/// Workload's duplicate-key check (`JSONDuplicateKeys`), open to the other modules' JSON files
/// (host profiles), so every JSON input of llmcost refuses a repeated key the same way.
public enum DuplicateJSONKey {
    /// The first key written twice in one object of `data`, or nil.
    public static func first(in data: Data) -> String? { JSONDuplicateKeys.first(in: [UInt8](data)) }
}
