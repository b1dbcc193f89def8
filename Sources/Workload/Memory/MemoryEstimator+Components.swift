extension MemoryEstimator {
    /// Weight bytes by component. Quantised formats store linear layers at `weightType` (int4 with
    /// one fp16 scale per `groupSize` weights) and keep embeddings and norms in bf16.
    func weightComponents(_ parameters: ParameterReport) -> [MemoryComponent] {
        if let storedWeights { return storedComponents(storedWeights) }
        if let checkpoint { return checkpointComponents(parameters, checkpoint) }
        return parameters.components.map { c in
            let linear = c.kind != .embedding && c.kind != .norm
            let type = weightType.quantisesLinearLayersOnly && !linear ? DataType.bf16 : weightType
            var bytes = type.bytes(c.parameters)
            var formula = "\(c.parameters) parameters × \(type.bits) bits"
            if type.hasGroupScales {
                let groups = (c.parameters + ExactCount(groupSize - 1)) / ExactCount(groupSize)
                bytes += 2 * groups
                formula += " + one fp16 scale per \(groupSize)"
            }
            return MemoryComponent(name: c.name, bytes: bytes, formula: formula)
        }
    }

    /// K and V of every layer of the decoder's self-attention, per cached token:
    /// `2 · layers · kv_heads · head_dim · bytes` — grouped-query attention shrinks it by heads/kv_heads.
    func kvBytesPerToken() -> ExactCount {
        guard let decoder = decoderOperations else { return .zero }
        return kvType.bytes(decoder.cachedElementsPerToken)
    }

    func kvComponents(batch: Int, seq: Int) -> [MemoryComponent] {
        guard let decoder = decoderOperations, let d = spec.decoder else { return [] }
        if let m = d.stateSpace {
            return fixedStateComponents(d, decoder, batch: batch, seq: seq, stateFormula:
                "(conv \(m.convChannels) channels × \(m.convKernel) columns + SSM state \(m.innerSize) × \(m.stateSize)) · \(kvType.bits) bits × \(batch) × \(d.stateSpaceLayers) layers", attentionLabel: "attention layers")
        }
        if let l = d.linearAttention { return linearAttentionCacheComponents(l, d, decoder, batch: batch, seq: seq) }
        if let l = d.attention.latent {
            return [MemoryComponent(
                name: "latent", bytes: kvType.bytes(ExactCount(batch) * decoder.cachedSelfElements(seq: seq)),
                formula: "(kv_lora_rank \(l.keyValueRank) + qk_rope_head_dim \(l.ropeHeadDim)) · \(kvType.bits) bits × \(batch) × \(d.layers) layers × \(seq) positions (the compressed latent, not per-head K and V)")]
        }
        var parts = [MemoryComponent(
            name: "self_attention",
            bytes: kvType.bytes(ExactCount(batch) * decoder.cachedSelfElements(seq: seq)),
            formula: "2 · \(d.attention.kvHeads) kv heads · \(d.attention.headDim) · \(kvType.bits) bits × \(batch) × (\(Self.positionsByReach(d, seq: seq)))")]
        if let x = d.crossAttention {
            // The encoder output projected once per layer into K and V, cached for every decoder step.
            parts.append(.init(name: "cross_attention",
                               bytes: kvType.bytes(ExactCount(batch) * decoder.cachedCrossElements(encoderPositions: seq)),
                               formula: "2 · \(d.layers) layers · \(x.kvHeads) · \(x.headDim) × \(batch) × \(seq) encoder positions"))
        }
        return parts
    }

    /// Gated DeltaNet layers keep a fixed conv window and state per sequence; the full-attention
    /// layers K and V of every position.
    private func linearAttentionCacheComponents(_ l: LinearAttentionSpec, _ d: StackSpec, _ decoder: StackOperations,
                                                batch: Int, seq: Int) -> [MemoryComponent] {
        fixedStateComponents(d, decoder, batch: batch, seq: seq, stateFormula:
            "(conv \(l.convChannels) channels × \(l.convKernel) columns + delta-rule state \(l.valueHeads) heads × \(l.keyHeadDim) × \(l.valueHeadDim)) · \(kvType.bits) bits × \(batch) × \(d.mixerLayerCount) linear-attention layers",
            stateNote: "; transformers keeps the state in fp32", attentionLabel: "full-attention layers")
    }

    /// A recurrent mixer's state, fixed per sequence, and — in a hybrid — the attention layers' K
    /// and V of every position, as any decoder's.
    private func fixedStateComponents(_ d: StackSpec, _ decoder: StackOperations, batch: Int, seq: Int, stateFormula: String,
                                      stateNote: String = "", attentionLabel: String) -> [MemoryComponent] {
        var parts = [MemoryComponent(
            name: "recurrent_state", bytes: kvType.bytes(ExactCount(batch) * decoder.recurrentElementsPerSequence),
            formula: "\(stateFormula) — fixed: the same at any context length (\(seq) positions here)\(stateNote)")]
        let attention = d.attentionLayerCount
        if attention > 0 {
            parts.append(MemoryComponent(
                name: "self_attention", bytes: kvType.bytes(ExactCount(batch) * decoder.cachedSelfElements(seq: seq)),
                formula: "2 · \(d.attention.kvHeads) kv heads · \(d.attention.headDim) · \(kvType.bits) bits × \(batch) × \(attention) \(attentionLabel) × \(seq) positions"))
        }
        return parts
    }

    /// Layers × positions kept, by how far the layers reach: windowed and chunked layers keep at
    /// most their window or chunk, the others every position (Qwen2 and Llama 4 mix them).
    static func positionsByReach(_ d: StackSpec, seq: Int) -> String {
        guard d.layerPattern != nil else {
            let windowed = d.windowedLayers, cached = min(seq, d.slidingWindow ?? seq)
            return "\(windowed) layers × \(cached) + \(d.layers - windowed) layers × \(seq) positions"
        }
        let parts = LayerKind.Reach.allCases.reversed().compactMap { reach -> String? in
            let n = d.layers(reaching: reach)
            guard n > 0 else { return nil }
            return "\(n) \(reach == .full ? "global" : reach.rawValue) layers × \(min(seq, d.cacheCap(reach) ?? seq))"
        }
        return parts.joined(separator: " + ") + " positions"
    }

    /// The decoder stack as operations (its attention operations say what they cache).
    var decoderOperations: StackOperations? {
        operations.stacks.first { $0.role == .decoder }
    }

    func notes() -> [String] {
        var notes: [String] = []
        if let m = spec.decoder?.stateSpace {
            if let h = spec.decoder?.hybrid, h.blocks == .parallel {
                notes.append("attention–state-space hybrid, both in every layer: each layer keeps a KV cache that grows with the context and a fixed recurrent state per sequence")
            } else if let h = spec.decoder?.hybrid {
                notes.append("attention–state-space hybrid: \(h.attentionLayers) of \(spec.decoder?.layers ?? 0) layers run attention and keep a KV cache that grows with the context; the other layers keep a fixed recurrent state per sequence")
            } else {
            notes.append("state-space model (\(m.variant.rawValue)): no KV cache — each layer keeps a fixed conv window (\(m.convChannels) × \(m.convKernel)) and SSM state (\(m.innerSize) × \(m.stateSize)) per sequence that does not grow with the context; decode FLOPs per token do not grow with it either")
            }
        }
        if let d = spec.decoder, let l = d.linearAttention {
            notes.append("linear attention (Gated DeltaNet) on \(d.mixerLayerCount) of \(d.layers) layers: each keeps a fixed conv window (\(l.convChannels) × \(l.convKernel)) and delta-rule state (\(l.valueHeads) × \(l.keyHeadDim) × \(l.valueHeadDim)) per sequence that does not grow with the context; only the \(d.attentionLayerCount) full-attention layers keep a KV cache that does")
        }
        if spec.decoder?.stateSpace == nil, let a = spec.decoder?.attention, let l = a.latent {
            let full = a.heads * (l.queryKeyHeadDim + l.valueHeadDim)
            let ratio = Double(full) / Double(l.cachedElements)
            notes.append("multi-head latent attention: the cache holds the compressed latent, \(l.keyValueRank) + \(l.ropeHeadDim) = \(l.cachedElements) elements per token and layer, not per-head K and V (\(full) elements across \(a.heads) heads): \(String(format: "%.1f", ratio))× smaller; transformers re-expands it through kv_b_proj at every step; flops counts decode under either convention")
        }
        if spec.decoder?.stateSpace == nil, let a = spec.decoder?.attention, a.kvHeads < a.heads {
            notes.append("grouped-query attention: \(a.kvHeads) KV heads for \(a.heads) query heads — the KV cache is \(a.heads / a.kvHeads)× smaller than multi-head attention's; attention FLOPs are not")
        }
        if let w = spec.decoder?.slidingWindow {
            notes.append("sliding window \(w): the cache keeps at most \(w) positions per sequence")
        }
        if let d = spec.decoder, let c = d.attentionChunkSize, d.layers(reaching: .chunked) > 0 {
            notes.append("chunked attention \(c) on \(d.layers(reaching: .chunked)) of \(d.layers) layers: a query reads only its own chunk, so those layers cache at most \(c) positions per sequence (transformers keeps the last \(c - 1) and the new one); the \(d.layers - d.layers(reaching: .chunked)) global layers cache every position")
        }
        if let storedWeights {
            notes += storedWeightNotes(storedWeights)
        } else if let checkpoint {
            notes.append(Self.checkpointNote(checkpoint))
            let extra = checkpointFileExtraBytes(checkpoint)
            if extra != .zero, let weights = try? operations.parameterReport() {
                let built = weightComponents(weights).reduce(ExactCount.zero) { $0 + $1.bytes }
                let what = (spec.predictionModules ?? 0) > 0
                    ? "the multi-token-prediction module(s) at the same precision with their bf16 embedding and LM-head copies, and the fp32 e_score_correction_bias"
                    : "the fp32 e_score_correction_bias"
                notes.append("the checkpoint's files also hold \(extra) bytes transformers does not build (\(what)): \(built + extra) bytes in all")
            }
        } else if weightType.quantisesLinearLayersOnly {
            notes.append("\(weightType.rawValue): linear layers quantised, embeddings and norms kept in bf16")
        }
        notes.append("training: bf16 weights and gradients, fp32 master weights and two Adam moments (\(AdamState.totalBytes) bytes/parameter, Rajbhandari et al. 2020); activations per Korthikanti et al. 2022 with 16-bit activations")
        return notes
    }
}
