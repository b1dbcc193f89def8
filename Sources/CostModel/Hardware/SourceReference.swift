import Workload

/// Where a catalogued figure comes from and when it was read.
public struct SourceReference: Sendable, Equatable {
    /// Document or page title.
    public var document: String
    public var url: String
    /// ISO date the figure was read (through the stored copy available to this project).
    public var dateRead: String
    /// Derivations and caveats (per-GPU share of an 8-GPU board, sparsity halved, …). Typed, as
    /// a caveat may tell the reader which input overrides the figure (the `pricePerHour` parameter).
    public var note: InputMessage?

    public init(_ document: String, url: String, dateRead: String, note: InputMessage? = nil) {
        self.document = document; self.url = url; self.dateRead = dateRead; self.note = note
    }

    /// `document <url>, read date; note`, with any input the note names left for the front end to spell.
    public var citation: InputMessage {
        let cited: InputMessage = "\(document) <\(url)>, read \(dateRead)"
        guard let note else { return cited }
        return "\(cited); \(note)"
    }
}
