/// Where a catalogued figure comes from and when it was read.
public struct SourceReference: Sendable, Equatable {
    /// Document or page title.
    public var document: String
    public var url: String
    /// ISO date the figure was read (through the stored copy available to this project).
    public var dateRead: String
    /// Derivations and caveats (per-GPU share of an 8-GPU board, sparsity halved, …).
    public var note: String?

    public init(_ document: String, url: String, dateRead: String, note: String? = nil) {
        self.document = document; self.url = url; self.dateRead = dateRead; self.note = note
    }

    public var citation: String { "\(document) <\(url)>, read \(dateRead)" + (note.map { "; \($0)" } ?? "") }
}
