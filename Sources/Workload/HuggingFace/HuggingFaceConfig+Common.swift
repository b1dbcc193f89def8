/// Pieces every family mapping needs: head geometry, activations, rotary fraction, tying.
extension HuggingFaceConfig {
    /// Query heads, key/value heads and head width, with the checks `transformers` leaves to
    /// chance: the width must split evenly into heads unless the head width is explicit, and the
    /// key/value heads must divide the query heads.
    func attentionGeometry(
        hidden: Int, heads headsKeys: [String], kvHeads kvKeys: [String] = [], headDim headDimKeys: [String] = [],
        hiddenKey: String
    ) throws(SpecError) -> (heads: Int, kvHeads: Int, headDim: Int) {
        guard let heads = try size(headsKeys) else {
            throw error(headsKeys.joined(separator: "' or '"), "missing; the architecture cannot be read without it")
        }
        let headsKey = headsKeys.first { has($0) } ?? headsKeys[0]
        let kvHeads = try size(kvKeys) ?? heads
        if let kvKey = kvKeys.first(where: { has($0) }), heads % kvHeads != 0 {
            throw error(kvKey, "\(kvHeads) key/value heads must divide the \(heads) attention heads ('\(headsKey)')")
        }
        if let headDim = try size(headDimKeys) { return (heads, kvHeads, headDim) }
        guard hidden % heads == 0 else {
            throw error(headsKey, "\(heads) heads do not divide '\(hiddenKey)' = \(hidden), and no explicit head width is given")
        }
        return (heads, kvHeads, hidden / heads)
    }

    /// Maps a `transformers` activation name (`ACT2FN` key) to ours; unknown names fall back to
    /// GELU with a warning, since the activation changes no parameter and only `full` FLOPs.
    func activation(_ key: String, default fallback: String, warnings: inout [String]) throws(SpecError) -> Activation {
        let name = try string(key) ?? fallback
        if let known = Self.activationNames[name.lowercased()] { return known }
        warnings.append("'\(prefix)\(key)' = \"\(name)\" is not an activation llmcost knows; priced as exact GELU (counts of parameters and matmul FLOPs are unaffected)")
        return .gelu
    }

    /// `transformers`' `ACT2FN` names: the tanh approximations of GELU are `gelu_tanh`.
    static let activationNames: [String: Activation] = [
        "gelu": .gelu, "gelu_python": .gelu, "gelu_10": .gelu, "gelu_accurate": .geluTanh,
        "gelu_new": .geluTanh, "gelu_fast": .geluTanh, "gelu_pytorch_tanh": .geluTanh, "gelu_tanh": .geluTanh,
        "quick_gelu": .gelu, "relu": .relu, "silu": .silu, "swish": .silu,
    ]

    /// The fraction of each head that is rotated, from whichever spelling the config uses:
    /// `partial_rotary_factor` (Phi), `rotary_pct` (GPT-NeoX), or either inside
    /// `rope_parameters` (transformers 5) / `rope_scaling`.
    func rotaryFraction() throws(SpecError) -> (fraction: Double, key: String)? {
        for key in ["partial_rotary_factor", "rotary_pct"] {
            if let f = try double(key) { return (f, prefix + key) }
        }
        if let rope = try object("rope_parameters") {
            for key in ["partial_rotary_factor", "rotary_pct"] {
                if let f = try rope.double(key) { return (f, rope.prefix + key) }
            }
        }
        return nil
    }

    /// Rotary positions over `int(headDim × fraction)` dimensions, truncated as `transformers`
    /// does (Phi-2: `int(80 × 0.4)` = 32); the whole head when no fraction is given.
    func rotaryPositions(headDim: Int) throws(SpecError) -> PositionEncoding {
        guard let (fraction, key) = try rotaryFraction() else { return .rotary() }
        guard fraction > 0, fraction <= 1 else {
            throw SpecError(file: file, field: key, "the rotated fraction of a head must be in (0, 1], got \(fraction)")
        }
        let dims = Int((Double(headDim) * fraction).rounded(.towardZero))
        guard dims >= 2, dims % 2 == 0 else {
            throw SpecError(file: file, field: key,
                            "int(head_dim \(headDim) × \(fraction)) = \(dims) rotated dimensions; rotary needs an even number ≥ 2")
        }
        return dims == headDim ? .rotary() : .rotary(dimensions: dims)
    }

    /// `tie_word_embeddings`, with the default of the family's config class.
    func tiedHead(default fallback: Bool) throws(SpecError) -> Bool {
        try bool("tie_word_embeddings", default: fallback)
    }
}
