/// Checks that a spec describes a model the counters can count exactly.
///
/// Specs arrive from files people write by hand and from configs of any vintage, so every size is
/// checked before a formula multiplies it: a zero or negative size, a `kvHeads` that does not
/// divide `heads`, a `topK` above the expert count or a size past `SpecLimits` is one
/// `SpecError` naming the field (`decoder.attention.kvHeads`), never a crash or a silent zero.
extension ModelSpec {
    /// The spec itself when it is valid.
    /// - Parameter file: where the spec came from (a path or `catalog:<name>`), for the error.
    public func validated(file: String) throws(SpecError) -> ModelSpec {
        let check = SpecChecker(file: file)
        try check.size(vocabularySize, "vocabularySize")
        try check.size(hiddenSize, "hiddenSize")
        if let contextWindow { try check.size(contextWindow, "contextWindow") }
        if let embeddingProjectionSize { try check.size(embeddingProjectionSize, "embeddingProjectionSize") }
        guard encoder != nil || decoder != nil else {
            throw SpecError(file: file, field: "decoder", "a model needs at least one stack: give 'decoder' (or 'encoder')")
        }
        for (role, stack) in stacks {
            try stack.validate(prefix: role.rawValue, with: check)
        }
        if let predictionModules {
            guard predictionModules >= 0, predictionModules <= 64 else {
                throw SpecError(file: file, field: "predictionModules", "must be 0 to 64 multi-token-prediction modules, got \(predictionModules)")
            }
            // A module is a copy of the last decoder layer plus its projection and norms
            // (DeepSeek-V3, GLM-4.5): only a decoder-only model has one to copy.
            guard predictionModules == 0 || (decoder != nil && encoder == nil) else {
                throw SpecError(file: file, field: "predictionModules", "multi-token-prediction modules (DeepSeek-V3, GLM-4.5) repeat the last decoder layer; they need a decoder-only model")
            }
        }
        if let checkpointPrecision { try checkpointPrecision.validate(for: self, file: file) }
        try check.bound(parameterUpperBound, "the model as a whole")
        return self
    }

    /// A generous upper bound on the parameter count, `nil` when it overflows `Int`.
    ///
    /// Every layer is taken at its largest (biases on, three norms, all experts), so the true
    /// count is never above it; it only serves to refuse absurd sizes before counting.
    var parameterUpperBound: Int? {
        let d = hiddenSize
        let embedding = CheckedArithmetic.product(vocabularySize, embeddingProjectionSize ?? d, 2)
        let projection = embeddingProjectionSize.flatMap { CheckedArithmetic.product(2, $0, d) } ?? 0
        var total = CheckedArithmetic.sum(embedding, projection, CheckedArithmetic.product(2, d, d))
        for (_, stack) in stacks {
            total = CheckedArithmetic.sum(total, stack.parameterUpperBound(width: d))
        }
        return total
    }
}

extension StackSpec {
    func validate(prefix: String, with check: SpecChecker) throws(SpecError) {
        try check.size(layers, "\(prefix).layers")
        try attention.validate(prefix: "\(prefix).attention", with: check)
        if let crossAttention {
            try crossAttention.validate(prefix: "\(prefix).crossAttention", with: check)
        }
        try check.size(ffn.intermediateSize, "\(prefix).ffn.intermediateSize")
        if let moe {
            try check.size(moe.experts, "\(prefix).moe.experts")
            try check.size(moe.topK, "\(prefix).moe.topK")
            guard moe.topK <= moe.experts else {
                throw check.error("\(prefix).moe.topK", "\(moe.topK) active experts of only \(moe.experts): topK must not exceed experts")
            }
            if let w = moe.expertIntermediateSize { try check.size(w, "\(prefix).moe.expertIntermediateSize") }
            if let w = moe.sharedExpertIntermediateSize { try check.size(w, "\(prefix).moe.sharedExpertIntermediateSize") }
            if let w = moe.latentSize { try check.size(w, "\(prefix).moe.latentSize") }
            if moe.sharedExpertGate && moe.sharedExpertIntermediateSize == nil {
                throw check.error("\(prefix).moe.sharedExpertGate", "gates a shared expert, but sharedExpertIntermediateSize gives none")
            }
            guard moe.denseLayers >= 0, moe.denseLayers < layers else {
                throw check.error("\(prefix).moe.denseLayers", "must be 0 up to \(layers - 1) (at least one layer holds the experts), got \(moe.denseLayers)")
            }
            if let routing = moe.routing { try routing.validate(prefix: "\(prefix).moe.routing", experts: moe.experts, topK: moe.topK, with: check) }
        }
        guard tokenTypes >= 0, tokenTypes <= SpecLimits.maximumSize else {
            throw check.error("\(prefix).tokenTypes", "must be 0 (none) or a positive count up to 2^31, got \(tokenTypes)")
        }
        if let stateSpace { try stateSpace.validate(prefix: "\(prefix).stateSpace", with: check) }
        // Linear attention first: it admits only the sequential layout, whose own checks follow.
        if let linearAttention { try validate(linearAttention, prefix: prefix, with: check) }
        if let hybrid { try validate(hybrid: hybrid, prefix: "\(prefix).hybrid", with: check) }
        if attention.outputGate, attention.latent != nil {
            throw check.error("\(prefix).attention.outputGate", "the output gate (Qwen3-Next) is not modelled with latent attention")
        }
        if let slidingWindow { try check.size(slidingWindow, "\(prefix).slidingWindow") }
        if let slidingWindowLayers {
            try check.size(slidingWindowLayers, "\(prefix).slidingWindowLayers")
            guard slidingWindow != nil, slidingWindowLayers <= layers else {
                throw check.error("\(prefix).slidingWindowLayers", "needs a slidingWindow and at most \(layers) layers, got \(slidingWindowLayers)")
            }
        }
        if let attentionChunkSize { try check.size(attentionChunkSize, "\(prefix).attentionChunkSize") }
        if let layerPattern { try validate(pattern: layerPattern, prefix: "\(prefix).layerPattern", with: check) }
        if !norm.affine && norm.bias {
            throw check.error("\(prefix).norm.bias", "a norm without learned scale (affine: false) has no shift either")
        }
        try positions.validate(prefix: "\(prefix).positions", headDim: attention.headDim, with: check)
        if let latent = attention.latent {
            guard crossAttention == nil, slidingWindow == nil else {
                throw check.error("\(prefix).attention.latent", "latent attention is modelled for decoder-only stacks without a sliding window")
            }
            if positions.kind == .rotary, let dims = positions.rotaryDimensions, dims != latent.ropeHeadDim {
                throw check.error("\(prefix).positions.rotaryDimensions", "latent attention rotates exactly its ropeHeadDim (\(latent.ropeHeadDim)) dimensions, got \(dims)")
            }
        }
    }

    /// Gated DeltaNet as Qwen3-Next runs it: the only mixer, in a causal decoder-only-style stack of
    /// sequential layers with full attention in the others.
    private func validate(_ l: LinearAttentionSpec, prefix: String, with check: SpecChecker) throws(SpecError) {
        guard stateSpace == nil else {
            throw check.error("\(prefix).linearAttention", "a stack has one mixer: stateSpace or linearAttention, not both")
        }
        guard crossAttention == nil, causal, block == .sequential, attention.latent == nil, layerPattern == nil, slidingWindow == nil else {
            throw check.error("\(prefix).linearAttention", "linear attention is modelled in causal, sequential stacks without cross-attention, latent attention, a layer pattern or a sliding window (Qwen3-Next's)")
        }
        if let h = hybrid, h.blocks != .sequential || h.multipliers {
            throw check.error("\(prefix).hybrid.\(h.blocks != .sequential ? "blocks" : "multipliers")", "linear attention is modelled in Qwen3-Next's sequential layout (attention or Gated DeltaNet, then the FFN), without µP multipliers")
        }
        try l.validate(prefix: "\(prefix).linearAttention", with: check)
    }

    /// A pattern covers the stack, names only the windows and experts the stack has, and agrees
    /// with `moe.denseLayers` (which other figures read) on how many layers stay dense.
    private func validate(pattern: [LayerKind], prefix: String, with check: SpecChecker) throws(SpecError) {
        guard !pattern.isEmpty, pattern.count <= layers else {
            throw check.error(prefix, "needs 1 to \(layers) layer kinds (repeated over the layers), got \(pattern.count)")
        }
        guard slidingWindowLayers == nil, attention.latent == nil else {
            throw check.error(prefix, "a layer pattern replaces slidingWindowLayers and is not modelled with latent attention")
        }
        if pattern.contains(where: { $0.attention == .chunked }), attentionChunkSize == nil {
            throw check.error(prefix, "has chunked layers but the stack gives no attentionChunkSize")
        }
        if pattern.contains(where: { $0.attention == .sliding }), slidingWindow == nil {
            throw check.error(prefix, "has sliding layers but the stack gives no slidingWindow")
        }
        let dense = layerKinds.filter { !$0.experts }.count
        if let moe {
            guard dense == moe.denseLayers else {
                throw check.error("\(prefix.dropLast(".layerPattern".count)).moe.denseLayers", "must equal the layer pattern's \(dense) dense layers, got \(moe.denseLayers)")
            }
        } else if dense < layers {
            throw check.error(prefix, "has expert layers but the stack has no moe section")
        }
    }

    func parameterUpperBound(width d: Int) -> Int? {
        let p = CheckedArithmetic.self
        let attentionBound = attention.parameterUpperBound(width: d)
        let crossBound = crossAttention?.parameterUpperBound(width: d) ?? 0
        func ffnBound(_ inner: Int) -> Int? { p.sum(p.product(3, d, inner), p.product(2, inner), d) }
        let dense = ffnBound(ffn.intermediateSize)
        let experts = moe.map { m in ffnBound(m.expertIntermediateSize ?? ffn.intermediateSize).flatMap { p.product($0, m.experts) } } ?? 0
        let shared = moe?.sharedExpertIntermediateSize.map { p.sum(ffnBound($0), d) } ?? 0
        let router = moe.flatMap { p.product(d + 1, $0.experts) } ?? 0
        let layer = p.sum(attentionBound, crossBound, dense, experts, shared, router, p.product(8, d),
                          linearAttention?.parameterUpperBound(width: d) ?? 0)
        let tables = p.sum(positions.count.flatMap { p.product($0, d) } ?? 0, p.product(tokenTypes, d),
                           p.product(4, d), attention.relativeBiasBuckets.flatMap { p.product($0, attention.heads) } ?? 0)
        return p.sum(layer.flatMap { p.product($0, layers) }, tables)
    }
}

extension AttentionSpec {
    func validate(prefix: String, with check: SpecChecker) throws(SpecError) {
        try check.size(heads, "\(prefix).heads")
        try check.size(kvHeads, "\(prefix).kvHeads")
        try check.size(headDim, "\(prefix).headDim")
        guard heads % kvHeads == 0 else {
            throw check.error("\(prefix).kvHeads", "\(kvHeads) key/value heads must divide the \(heads) query heads")
        }
        guard let width = CheckedArithmetic.product(heads, headDim), width <= SpecLimits.maximumSize else {
            throw check.error("\(prefix).headDim", "heads × headDim = \(heads) × \(headDim) \(SpecLimits.sizeLimitReason)")
        }
        if let relativeBiasBuckets { try check.size(relativeBiasBuckets, "\(prefix).relativeBiasBuckets") }
        if let latent { try latent.validate(prefix: prefix, attention: self, with: check) }
    }

    func parameterUpperBound(width d: Int) -> Int? {
        let q = CheckedArithmetic.product(heads, headDim)
        let kv = CheckedArithmetic.product(kvHeads, headDim)
        let dense = q.flatMap { q in
            kv.flatMap { kv in
                CheckedArithmetic.sum(CheckedArithmetic.product(2, d, q), CheckedArithmetic.product(2, d, kv),
                                      q, CheckedArithmetic.product(2, kv), d)
            }
        }
        guard let l = latent else { return dense }
        // The latent projections and norms, each at most as wide as its own sizes make it.
        let p = CheckedArithmetic.self, r = l.queryRank ?? 0
        return p.sum(dense, p.product(d + 1, r), p.product(r + 1, heads, l.queryKeyHeadDim),
                     p.product(d + 2, l.keyValueRank + l.ropeHeadDim),
                     p.product(l.keyValueRank, heads, l.nopeHeadDim + l.valueHeadDim), p.product(heads, l.valueHeadDim, d))
    }
}

extension PositionEncoding {
    func validate(prefix: String, headDim: Int, with check: SpecChecker) throws(SpecError) {
        switch kind {
        case .learned:
            guard let count else {
                throw check.error("\(prefix).count", "learned positions need a table size ('count')")
            }
            try check.size(count, "\(prefix).count")
        case .rotary:
            if let dims = rotaryDimensions {
                guard dims >= 2, dims <= headDim, dims % 2 == 0 else {
                    throw check.error("\(prefix).rotaryDimensions",
                                      "rotated dimensions must be even and between 2 and headDim (\(headDim)), got \(dims)")
                }
            }
            if let tables = rotaryTables, tables < 1 || tables > 16 {
                throw check.error("\(prefix).rotaryTables", "must be 1…16 frequency tables per pass, got \(tables)")
            }
        case .none, .alibi:
            break
        }
        if kind != .learned, count != nil {
            throw check.error("\(prefix).count", "a table size only applies to learned positions, not '\(kind.rawValue)'")
        }
        if kind != .rotary, rotaryTables != nil {
            throw check.error("\(prefix).rotaryTables", "frequency tables only apply to rotary positions, not '\(kind.rawValue)'")
        }
        if kind != .rotary, rotaryDimensions != nil {
            throw check.error("\(prefix).rotaryDimensions", "rotated dimensions only apply to rotary positions, not '\(kind.rawValue)'")
        }
    }
}

/// Carries the file name through the checks so each one is a single line.
struct SpecChecker {
    let file: String

    func error(_ field: String, _ message: String) -> SpecError {
        SpecError(file: file, field: field, message)
    }

    /// A size must be at least 1 and at most `SpecLimits.maximumSize`.
    func size(_ value: Int, _ field: String) throws(SpecError) {
        guard value >= 1 else { throw error(field, "must be a positive size, got \(value)") }
        guard value <= SpecLimits.maximumSize else {
            throw error(field, "\(value) \(SpecLimits.sizeLimitReason)")
        }
    }

    func bound(_ total: Int?, _ what: String) throws(SpecError) {
        guard let total, total <= SpecLimits.maximumParameters else {
            throw SpecError(file: file, field: nil,
                            "\(what) would exceed 2^53 parameters; the sizes are implausible for a real model")
        }
    }
}

extension StackSpec {
    /// The layout's kinds must fit the stack: counts within the layers, a mixer to run, and per
    /// layout what its layers can hold.
    func validate(hybrid h: HybridLayout, prefix: String, with check: SpecChecker) throws(SpecError) {
        let expertLayers = moe.map { $0.sparseLayers(of: layers) } ?? 0
        guard stateSpace != nil || linearAttention != nil else {
            throw check.error(prefix, "a hybrid layout needs a stateSpace or linearAttention mixer for its other layers")
        }
        guard h.attentionLayers >= 0, h.attentionLayers <= layers else {
            throw check.error("\(prefix).attentionLayers", "must be 0 to \(layers) layers, got \(h.attentionLayers)")
        }
        let e = h.attentionLayersWithExperts
        switch h.blocks {
        case .sequential:
            // Attention layers with experts must fit both in the attention and in the expert layers.
            guard e >= 0, e <= min(h.attentionLayers, expertLayers), layers - h.attentionLayers - expertLayers + e >= 0 else {
                throw check.error("\(prefix).attentionLayersWithExperts", "\(e) does not fit \(h.attentionLayers) attention and \(expertLayers) expert layers of \(layers)")
            }
        case .single:
            guard e == 0 else { throw check.error("\(prefix).attentionLayersWithExperts", "a single-block layer is attention or experts, never both; got \(e)") }
            guard h.feedForwardLayers >= 0, h.attentionLayers + h.feedForwardLayers + expertLayers <= layers else {
                throw check.error("\(prefix).feedForwardLayers", "\(h.feedForwardLayers) FFN, \(h.attentionLayers) attention and \(expertLayers) expert layers do not fit \(layers)")
            }
        case .parallel:
            guard h.attentionLayers == layers else {
                throw check.error("\(prefix).attentionLayers", "every layer of a parallel hybrid runs attention beside the mixer: must be \(layers), got \(h.attentionLayers)")
            }
        }
        if h.blocks != .single, h.feedForwardLayers != 0 {
            throw check.error("\(prefix).feedForwardLayers", "only a single-block layout has FFN-only layers; got \(h.feedForwardLayers)")
        }
    }
}

extension StateSpaceSpec {
    /// Sizes positive, Mamba with a dt rank, Mamba-2 with heads tiling the inner width.
    func validate(prefix: String, with check: SpecChecker) throws(SpecError) {
        try check.size(innerSize, "\(prefix).innerSize")
        try check.size(stateSize, "\(prefix).stateSize")
        try check.size(convKernel, "\(prefix).convKernel")
        switch variant {
        case .mamba:
            guard let r = timeStepRank else { throw check.error("\(prefix).timeStepRank", "a Mamba mixer needs its dt rank") }
            try check.size(r, "\(prefix).timeStepRank")
        case .mamba2:
            guard let h = heads, h > 0, innerSize % h == 0 else {
                throw check.error("\(prefix).heads", "Mamba-2 needs heads dividing innerSize \(innerSize)")
            }
            guard let g = groups, g > 0, h % g == 0 else { throw check.error("\(prefix).groups", "must divide the \(h) heads") }
            try check.size(chunkSize ?? 256, "\(prefix).chunkSize")
        }
        if variant == .mamba, outputBias != nil || !gatedNorm {
            throw check.error("\(prefix).\(gatedNorm ? "outputBias" : "gatedNorm")", "a Mamba mixer has neither a gated norm nor a separate out_proj bias (Mamba-2 fields)")
        }
    }
}

extension LinearAttentionSpec {
    /// Sizes positive, each key head serving a whole number of value heads (transformers repeats
    /// the key heads `valueHeads / keyHeads` times), widths within `SpecLimits`.
    func validate(prefix: String, with check: SpecChecker) throws(SpecError) {
        try check.size(keyHeads, "\(prefix).keyHeads")
        try check.size(valueHeads, "\(prefix).valueHeads")
        try check.size(keyHeadDim, "\(prefix).keyHeadDim")
        try check.size(valueHeadDim, "\(prefix).valueHeadDim")
        try check.size(convKernel, "\(prefix).convKernel")
        try check.size(chunkSize, "\(prefix).chunkSize")
        guard valueHeads % keyHeads == 0 else {
            throw check.error("\(prefix).valueHeads", "\(valueHeads) value heads must be a multiple of the \(keyHeads) key heads")
        }
        for (width, field) in [(CheckedArithmetic.product(keyHeads, keyHeadDim), "keyHeadDim"), (CheckedArithmetic.product(valueHeads, valueHeadDim), "valueHeadDim"),
                               (CheckedArithmetic.product(valueHeads, keyHeadDim, valueHeadDim), "valueHeadDim"), (CheckedArithmetic.product(chunkSize, chunkSize), "chunkSize")] {
            guard let width, width <= SpecLimits.maximumSize / 4 else {
                throw check.error("\(prefix).\(field)", "the widths it makes (heads × head widths, the state, chunk²) \(SpecLimits.sizeLimitReason)")
            }
        }
    }

    func parameterUpperBound(width d: Int) -> Int? {
        let p = CheckedArithmetic.self
        return p.sum(p.product(d, 2 * keyWidth + 2 * valueWidth + 2 * valueHeads), p.product(convChannels, convKernel),
                     p.product(2, valueHeads), valueHeadDim, p.product(valueWidth, d))
    }
}
