import Foundation

/// The one error for bad model input: a spec file, a `config.json`, a catalog entry.
///
/// Every failure names where it happened — the file (or `catalog:<name>`) and the field, in the
/// spelling the user wrote (`decoder.attention.kvHeads` in our spec files, `num_key_value_heads`
/// in a Hugging Face config) — so the one line printed is enough to fix the input.
public struct SpecError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// The file path, or `catalog:<name>` when the input is a catalog name.
    public var file: String
    /// The offending field, or `nil` when the whole input is at fault (empty, not UTF-8, …).
    public var field: String?
    public var message: String

    public init(file: String, field: String? = nil, _ message: String) {
        self.file = file; self.field = field; self.message = message
    }

    /// `<file>: field '<field>': <message>` — one line, whatever went wrong; the CLI puts its
    /// own `llmcost: error:` in front. A path or key holding a newline or a terminal escape is
    /// printed with those characters escaped (`OneLine`), so the line stays one line.
    public var description: String {
        let text = OneLine.escaping(message.replacingOccurrences(of: "\n", with: " "))
        let place = OneLine.escaping(file)
        if let field { return "\(place): field '\(OneLine.escaping(field))': \(text)" }
        return "\(place): \(text)"
    }

    public var errorDescription: String? { description }

    /// The same error reported against another file (a spec validated after loading).
    func located(in file: String) -> SpecError {
        SpecError(file: file, field: field, message)
    }
}
