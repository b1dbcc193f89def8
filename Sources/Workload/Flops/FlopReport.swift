/// One line of a FLOP breakdown.
public struct FlopComponent: Sendable, Equatable {
    /// Stable, script-friendly name: `attention_qkv`, `decoder.cross_attention_kv`, `lm_head`, …
    public var name: String
    public var flops: ExactCount
    /// How the figure is made, for a reader who asks for the explanation of each line.
    public var formula: String

    public init(name: String, flops: ExactCount, formula: String) {
        self.name = name; self.flops = flops; self.formula = formula
    }
}

/// Which part of a model's life a count describes.
public enum Phase: String, Sendable, CaseIterable, Codable {
    case prefill, decode, generate, train
}

/// FLOPs of one phase under one convention, with a breakdown that sums to the total.
public struct FlopReport: Sendable, Equatable {
    public var model: String
    public var convention: Convention
    public var phase: Phase
    public var batch: Int
    /// Tokens per sequence the pass reads (the `sequenceLength` parameter; the prompt for `generate`; the cache for `decode`).
    public var seq: Int
    /// Tokens the figure is divided by for `flopsPerToken` (batch × tokens produced or processed).
    public var tokens: Int128
    public var components: [FlopComponent]
    public var total: Int128
    /// Assumptions a reader must know to trust the figure (MoE counting, HF quirks, …). Typed
    /// messages, because a note may point at another input (the `convention` parameter), which
    /// each front end spells its own way.
    public var notes: [InputMessage]

    public init(model: String, convention: Convention, phase: Phase, batch: Int, seq: Int,
                tokens: ExactCount, components: [FlopComponent], notes: [InputMessage] = []) throws(CountOverflow) {
        self.model = model; self.convention = convention; self.phase = phase
        self.batch = batch; self.seq = seq
        self.components = components.filter { $0.flops != .zero }
        self.notes = notes
        self.tokens = try tokens.checked("token count")
        total = try components.reduce(ExactCount.zero) { $0 + $1.flops }
            .checked("\(phase.rawValue) FLOP count of \(model)")
    }

    /// `total / tokens`; a ratio, so a `Double` (exact counts stay in `total`).
    public var flopsPerToken: Double { tokens == 0 ? 0 : Double(total) / Double(tokens) }

    /// The FLOPs of the components whose name ends with one of `suffixes`.
    public func flops(endingWith suffixes: String...) -> Int128 {
        flops { c in suffixes.contains { c.name.hasSuffix($0) } }
    }

    /// The FLOPs of the components named exactly one of `names` (`decoder.attention_scores`, not
    /// `decoder.cross_attention_scores`, which a suffix would also match).
    public func flops(exactly names: String...) -> Int128 {
        flops { names.contains($0.name) }
    }

    private func flops(where include: (FlopComponent) -> Bool) -> Int128 {
        components.filter(include).reduce(0) { $0 + $1.flops.value }
    }
}
