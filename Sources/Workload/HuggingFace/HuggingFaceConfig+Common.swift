/// Pieces every family mapping needs: head geometry, activations, rotary fraction, tying.
extension HuggingFaceConfig {
    /// Query heads, key/value heads and head width, with the checks `transformers` leaves to
    /// chance: the width must split evenly into heads unless the head width is explicit, and the
    /// key/value heads must divide the query heads. `floorsHeadWidth`: the class computes
    /// `hidden_size // num_attention_heads` without checking (GLM-4.5's default config: 4096 / 96 → 42).
    func attentionGeometry(
        hidden: Int, heads headsKeys: [String], kvHeads kvKeys: [String] = [], headDim headDimKeys: [String] = [],
        hiddenKey: String, floorsHeadWidth: Bool = false
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
        guard hidden % heads == 0 || (floorsHeadWidth && hidden >= heads) else {
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
        "quick_gelu": .gelu, "relu": .relu, "relu2": .relu2, "silu": .silu, "swish": .silu,
    ]

    /// The rotary-parameter object `transformers` 5 keeps: `rope_scaling` when the config has a
    /// non-empty one (it replaces `rope_parameters` outright), else `rope_parameters`.
    func ropeObject() throws(SpecError) -> HuggingFaceConfig? {
        if let scaling = try object("rope_scaling"), !scaling.values.isEmpty { return scaling }
        return try object("rope_parameters")
    }

    /// The rotated fraction under any spelling — `partial_rotary_factor` (Phi, StableLM),
    /// `rotary_pct` (GPT-NeoX), or either inside the rope object — for the generic reading.
    func anyRotaryFraction() throws(SpecError) -> (fraction: Double, key: String)? {
        for key in ["partial_rotary_factor", "rotary_pct"] {
            if let f = try double(key) { return (f, prefix + key) }
        }
        if let rope = try ropeObject() {
            for key in ["partial_rotary_factor", "rotary_pct"] {
                if let f = try rope.double(key) { return (f, rope.prefix + key) }
            }
        }
        return nil
    }

    /// The rotated fraction as `PhiConfig` / `GPTNeoXConfig` resolve it: the rope object's
    /// `partial_rotary_factor` first, then the top-level `fallbackKey` (whose class default the
    /// defaults table supplies).
    func rotaryFraction(fallbackKey: String) throws(SpecError) -> (fraction: Double, key: String)? {
        if let rope = try ropeObject(), let f = try rope.double("partial_rotary_factor") {
            return (f, rope.prefix + "partial_rotary_factor")
        }
        return try double(fallbackKey).map { ($0, prefix + fallbackKey) }
    }

    /// Where a config spells a partial rotary fraction that the family's model code never
    /// reads (Llama's rotary embedding always covers the whole head).
    func ignoredRotaryFractionKeys(_ keys: [String] = ["partial_rotary_factor", "rotary_pct"]) throws(SpecError) -> [String] {
        var found = keys.filter(writes).map { prefix + $0 }
        if let rope = try ropeObject() {
            found += keys.filter(rope.writes).map { rope.prefix + $0 }
        }
        return found
    }

    /// Rotary positions over `int(headDim × fraction)` dimensions, truncated as `transformers`
    /// does (Phi-2: `int(80 × 0.4)` = 32); the whole head when no fraction is given.
    /// `pairsRoundUp`: an odd `int(…)` rotates one more dimension, as `arange(0, dim, 2)` makes
    /// `ceil(dim / 2)` frequencies, each used twice, and the classes that slice `cos.shape[-1]`
    /// dimensions (GPT-NeoX, Phi-3, Qwen3-Next, GLM-4.5: `int(42 × 0.5)` = 21 → 22) rotate them
    /// all; Phi slices `int(…)` and fails on an odd width, so it is refused there.
    func rotaryPositions(headDim: Int, fraction: (fraction: Double, key: String)?, pairsRoundUp: Bool = false) throws(SpecError) -> PositionEncoding {
        guard let (fraction, key) = fraction else { return .rotary() }
        // A top-level key goes through `error`, which says when the value is a class default.
        func failure(_ message: String) -> SpecError {
            key.contains(".") ? SpecError(file: file, field: key, message) : error(key, message)
        }
        guard fraction > 0, fraction <= 1 else {
            throw failure("the rotated fraction of a head must be in (0, 1], got \(fraction)")
        }
        var dims = Int((Double(headDim) * fraction).rounded(.towardZero))
        if pairsRoundUp, dims % 2 == 1, dims < headDim { dims += 1 }
        guard dims >= 2, dims % 2 == 0 else {
            throw failure("int(head_dim \(headDim) × \(fraction)) = \(dims) rotated dimensions; rotary needs an even number ≥ 2")
        }
        return dims == headDim ? .rotary() : .rotary(dimensions: dims)
    }

    /// What a decoder-only (or encoder-only) model's cross-attention adds and what it does not.
    static func crossAttentionNote(family: String) -> String {
        "'add_cross_attention' is true: each layer's cross-attention and its norm are counted in the parameters; FLOPs are those of a call without encoder_hidden_states, which skips them (as \(family) does)"
    }

    /// `tie_word_embeddings`, with the default of the family's config class.
    func tiedHead(default fallback: Bool) throws(SpecError) -> Bool {
        try bool("tie_word_embeddings", default: fallback)
    }
}
