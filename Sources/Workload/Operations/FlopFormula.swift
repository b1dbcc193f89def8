/// How each line of a FLOP breakdown is made, in words and sizes (the `explain` rendering). Presentation
/// only: the figures come from folding the operations (`StackPass.flops`).
struct FlopFormula {
    let spec: ModelSpec
    /// The stack the line belongs to; nil for the lines around the stacks.
    let stack: StackSpec?
    let pass: StackPass

    func text(_ c: FlopComponentName) -> String {
        if let s = stack, let text = layerText(c, s) ?? elementwiseText(c, s) { return text }
        let d = spec.hiddenSize, B = pass.batch, e = spec.embeddingProjectionSize ?? d
        switch c {
        case .embeddingProjection: return "2 · tokens · (\(e)×\(d) in + \(d)×\(e) out)"
        case .pooler: return "2 · \(B) first tokens · \(d)×\(d)"
        case .poolerElementwise: return "bias add + tanh per element"
        case .lmHead: return "2 · \(B)×\(pass.logitsPerSequence) positions · \(e)×\(spec.vocabularySize)"
        case .lmHeadBias: return "bias add per logit"
        case .lmHeadMultiplier: return "µP multiplier per logit"
        default: return c.name
        }
    }

    /// The state-space mixer's lines; `ssm_scan` states what FlopCounterMode sees of the scan.
    private func stateSpaceText(_ c: FlopComponentName, _ m: StateSpaceSpec, L: Int, tokens: String) -> String {
        let d = spec.hiddenSize, k = m.convKernel, q = pass.queries
        switch c {
        case .stateSpaceInput: return "2 · \(tokens) · \(L) layers · in_proj \(d)×\(m.inProjectionWidth)"
        case .stateSpaceConv:
            return "2 · \(pass.batch) · \(L) layers · \(m.convChannels) channels · kernel \(k) · \(pass.convOutputs(kernel: k)) outputs (depthwise; \(pass.past == 0 ? "seq + kernel − 1: padded both sides" : "the cached window and the new column"))"
        case .stateSpaceProjections:
            let R = m.timeStepRank ?? 0
            return "2 · \(tokens) · \(L) layers · (x_proj \(m.innerSize)×(\(R)+2·\(m.stateSize)) + dt_proj \(R)×\(m.innerSize))"
        case .stateSpaceScan:
            if m.variant == .mamba || (pass.past > 0 && q == 1) {
                return "2 · \(tokens) · \(L) layers · \(m.innerSize) × d_state \(m.stateSize): the per-token state·C product (the recurrence itself is element-wise: ssm_elementwise, full only)"
            }
            let Q = m.chunkSize ?? 256, chunks = (q + Q - 1) / Q, h = m.heads ?? 0, p = m.headDim, n = m.stateSize
            return "2 · \(pass.batch) · \(L) layers · SSD over \(chunks) chunk(s) of \(Q): c·Q²·h·(n+p) + 2·c·Q·h·p·n + (c+1)²·h·p·n with h \(h), p \(p), n \(n) (five einsums; padded to whole chunks)"
        case .stateSpaceOutput: return "2 · \(tokens) · \(L) layers · out_proj \(m.innerSize)×\(d)"
        default: return c.name
        }
    }

    /// Gated DeltaNet's lines; `gdn_delta_rule` states which algorithm the call runs.
    private func linearAttentionText(_ c: FlopComponentName, _ l: LinearAttentionSpec, L: Int, tokens: String) -> String {
        let d = spec.hiddenSize, k = l.convKernel
        switch c {
        case .linearAttentionInput:
            return "2 · \(tokens) · \(L) layers · \(d)×(q,k 2·\(l.keyWidth) + v,z 2·\(l.valueWidth) + b,a 2·\(l.valueHeads)) (in_proj_qkvz, in_proj_ba)"
        case .linearAttentionConv:
            return "2 · \(pass.batch) · \(L) layers · \(l.convChannels) channels (q, k, v) · kernel \(k) · \(pass.convOutputs(kernel: k)) outputs (depthwise; \(pass.past == 0 ? "seq + kernel − 1: padded both sides" : "the cached window and the new column"))"
        case .linearAttentionCore:
            let H = l.valueHeads, dk = l.keyHeadDim, dv = l.valueHeadDim
            if pass.recurrentStep {
                return "recurrent rule (one cached token): state decay, k·S, outer-product update and q·S are element-wise — no matrix product, 0 under matmul; full: \(tokens) · \(L) layers · \(H) value heads · (7·\(dk)·\(dv) + 2·\(dv))"
            }
            let C = l.chunkSize, chunks = l.chunks(pass.queries)
            return "chunked rule: 2 · \(pass.batch) · \(L) layers · \(chunks) chunk(s) of \(C) (\(pass.queries) tokens padded to \(chunks * C)) · \(H) value heads · (2·C²·dk + C²·dv + 3·C·dk·dv) with dk \(dk), dv \(dv): k_β·kᵀ, q·kᵀ, k_cumdecay·S, q·S, intra·v_new, kᵀ·v_new (the triangular solves are not counted)"
        case .linearAttentionOutput: return "2 · \(tokens) · \(L) layers · out_proj \(l.valueWidth)×\(d)"
        default: return c.name
        }
    }

    private func ffn(_ f: FFNSpec) -> String { "2·\(f.inputProjections + 1)·\(spec.hiddenSize)·\(f.intermediateSize)" }

    private func layerText(_ c: FlopComponentName, _ s: StackSpec) -> String? {
        let d = spec.hiddenSize, B = pass.batch, q = pass.queries, a = s.attention
        let x = s.crossAttention ?? a, keys = pass.crossKeys ?? 0, tokens = "\(B)×\(q) tokens"
        // Attention lines count the layers that run attention (a hybrid's share of them).
        let L = s.attentionLayerCount
        let sparse = s.moe.map { $0.sparseLayers(of: s.layers) } ?? 0
        switch c {
        case .attentionQKV:
            return "2 · \(tokens) · \(L) layers · \(d)×(\(a.outputGate ? "2·" : "")\(a.queryWidth)+2·\(a.keyValueWidth))\(a.outputGate ? " (q_proj also makes the output gate)" : "")"
        case .latentQuery, .latentKeyValueDown, .latentKeyValueUp:
            return a.latent.map { latentText(c, $0, a, L: L, tokens: tokens) }
        case .attentionScores, .attentionValues:
            if let l = a.latent {
                let dims = c == .attentionScores ? "\(l.queryKeyHeadDim) (nope \(l.nopeHeadDim) + rope \(l.ropeHeadDim))" : "v \(l.valueHeadDim)"
                return "2 · query·key pairs · \(L) layers · \(a.heads) heads · \(dims); absorbed decode: \(c == .attentionScores ? "\(l.keyValueRank)+\(l.ropeHeadDim)" : "\(l.keyValueRank)") in the latent space"
            }
            return "2 · query·key pairs · \(L) layers · \(a.heads) heads · head_dim \(a.headDim)"
        case .attentionOutput:
            if let l = a.latent { return "2 · \(tokens) · \(L) layers · o_proj \(a.heads)·\(l.valueHeadDim)×\(d)" }
            return "2 · \(tokens) · \(L) layers · \(a.queryWidth)×\(d)"
        case .crossAttentionQ: return "2 · \(tokens) · \(L) layers · \(d)×\(x.queryWidth)"
        case .crossAttentionKV: return "2 · \(B)×\(keys) encoder tokens · \(L) layers · \(d)×2·\(x.keyValueWidth) (once; cached after)"
        case .crossAttentionScores, .crossAttentionValues: return "2 · \(q)×\(keys) pairs · \(L) layers · \(x.heads) heads · \(x.headDim)"
        case .crossAttentionOutput: return "2 · \(tokens) · \(L) layers · \(x.queryWidth)×\(d)"
        case .experts:
            guard let moe = s.moe else { return nil }
            return "\(tokens) · \(sparse) layers · top-\(moe.topK) experts · \(ffn(moe.expert(of: s.ffn)))"
        case .router: return "2 · \(tokens) · \(sparse) layers · \(d)×\(s.moe?.experts ?? 0)"
        case .sharedExpert:
            guard let moe = s.moe, let shared = moe.sharedExpert(of: s.ffn) else { return nil }
            return "\(tokens) · \(sparse) layers · (\(ffn(shared))\(moe.sharedExpertGate ? " + 2·\(d) gate" : ""))"
        case .ffn:
            if s.moe != nil || s.hybrid != nil { return "\(tokens) · \(s.denseFeedForwardLayers) dense layers · \(ffn(s.ffn))" }
            return "\(tokens) · \(s.layers) layers · \(ffn(s.ffn))"
        case .stateSpaceInput, .stateSpaceConv, .stateSpaceProjections, .stateSpaceScan, .stateSpaceOutput:
            return s.stateSpace.map { stateSpaceText(c, $0, L: s.stateSpaceLayers, tokens: tokens) }
        case .linearAttentionInput, .linearAttentionConv, .linearAttentionCore, .linearAttentionOutput:
            return s.linearAttention.map { linearAttentionText(c, $0, L: s.mixerLayerCount, tokens: tokens) }
        case .rotaryFrequencies:
            let r = s.rotaryDimensions ?? 0, tables = s.positions.rotaryTables ?? 1
            return "\(tables > 1 ? "\(tables) tables · " : "")\(pass.positionBatch) position row(s) · \(r / 2) frequencies · \(q) positions: position × inv_freq, once per call (element-wise since transformers 5.23)"
        default: return nil
        }
    }

    /// The latent projections: what each one maps, and which rows it runs on.
    private func latentText(_ c: FlopComponentName, _ l: LatentAttentionSpec, _ a: AttentionSpec, L: Int, tokens: String) -> String {
        let d = spec.hiddenSize, H = a.heads
        switch c {
        case .latentQuery:
            guard let r = l.queryRank else { return "2 · \(tokens) · \(L) layers · q_proj \(d)×\(H)·\(l.queryKeyHeadDim)" }
            return "2 · \(tokens) · \(L) layers · (q_a_proj \(d)×\(r) + q_b_proj \(r)×\(H)·\(l.queryKeyHeadDim))"
        case .latentKeyValueDown:
            return "2 · \(tokens) · \(L) layers · kv_a_proj_with_mqa \(d)×(\(l.keyValueRank)+\(l.ropeHeadDim))"
        default:
            let keys = "\(pass.batch)×\(pass.past + pass.queries) keys"
            return "transformers: 2 · \(keys) (cached + new, re-expanded every call) · \(L) layers · kv_b_proj \(l.keyValueRank)×\(H)·(\(l.nopeHeadDim)+\(l.valueHeadDim)); "
                + "absorbed decode: 2 · \(tokens) · \(L) layers · \(H) heads · \(l.keyValueRank)·(\(l.nopeHeadDim)+\(l.valueHeadDim)) (W_UK into q, W_UV into the output)"
        }
    }

    /// A hybrid's norms, activations and residual adds: its mixer, attention and FFN layers each
    /// bring theirs.
    private func hybridElementwiseText(_ c: FlopComponentName, _ m: StateSpaceSpec, _ s: StackSpec) -> String? {
        typealias C = ElementwiseCost
        let d = spec.hiddenSize, M = s.stateSpaceLayers
        let gated = m.hasGatedNorm ? " + \(M) gated norms × \(m.innerSize)" : ""
        switch c {
        case .norms:
            return "\(s.layerNormsPerToken + (s.finalNorm ? 1 : 0)) norms per token × \(d) × \(C.norm(s.norm))\(gated)"
        case .activations:
            let ffn = C.activation(s.ffn.activation) + (s.ffn.gated ? C.gatePerElement : 0)
            return "\(M) mixer layers × SiLU on \(m.convChannels) conv outputs + active FFN and expert inner elements × \(ffn) per element"
        case .residuals:
            let parallel = s.hybrid?.blocks == .parallel ? " + \(s.layers) attention + mixer adds" : ""
            return "\(s.layerNormsPerToken) residual adds × \(d)\(parallel)"
        case .stateSpaceElementwise:
            return "\(M) mixer layers × (6 · \(m.innerSize) · d_state \(m.stateSize): dt·A, exp, dt·B·x, state·dA + dBx; + softplus, D skip and gate per channel) — the scan's recurrence, not a matrix product"
        case .multipliers:
            return "µP multipliers: \(s.layers) layers × (5·\(d) + in_proj \(m.inProjectionWidth) + keys \(s.attention.keyValueWidth) + FFN gate \(s.ffn.intermediateSize)) + embeddings \(d) per token"
        default: return nil
        }
    }

    private func elementwiseText(_ c: FlopComponentName, _ s: StackSpec) -> String? {
        typealias C = ElementwiseCost
        let d = spec.hiddenSize, L = s.layers, a = s.attention, La = s.attentionLayerCount
        let activation = C.activation(s.ffn.activation) + (s.ffn.gated ? C.gatePerElement : 0)
        if let m = s.stateSpace, s.hybrid != nil, let text = hybridElementwiseText(c, m, s) { return text }
        if let m = s.stateSpace, s.hybrid == nil {
            switch c {
            case .norms: return "\(L) layer norms + final norm per token × \(d) × \(C.norm(s.norm))\(m.variant == .mamba2 ? " + \(L) gated norms × \(m.innerSize)" : "")"
            case .activations: return "\(L) layers × SiLU on \(m.convChannels) conv outputs"
            case .stateSpaceElementwise:
                return "\(L) layers × (6 · \(m.innerSize) · d_state \(m.stateSize): dt·A, exp, dt·B·x, state·dA + dBx; + softplus, D skip and gate per channel) — the scan's recurrence, not a matrix product"
            case .residuals: return "\(L) residual adds × \(d)"
            default: break
            }
        }
        if let l = s.linearAttention {
            let Ll = s.mixerLayerCount
            switch c {
            case .linearAttentionElementwise:
                return "\(Ll) layers × \(l.valueHeads) value heads × (L2 norms of q and k 2·\(l.keyHeadDim)·\(C.l2NormPerElement) + query scale \(l.keyHeadDim) + β sigmoid \(C.sigmoidPerElement) + decay 6) per token (a cached step's state update is gdn_delta_rule's, under full)"
            case .activations:
                guard let moe = s.moe else { return "\(L) layers × \(s.ffn.intermediateSize) × \(activation) + \(Ll) layers × SiLU on \(l.convChannels) conv outputs" }
                let expertInner = moe.topK * moe.expert(of: s.ffn).intermediateSize + (moe.sharedExpertIntermediateSize ?? 0)
                return "\(moe.denseLayers) dense + \(moe.sparseLayers(of: L)) expert layers' FFN inner elements (\(s.ffn.intermediateSize); \(expertInner)) × \(activation) + \(Ll) layers × SiLU on \(l.convChannels) conv outputs"
            case .norms:
                let perToken = s.normsPerLayer * L + (s.finalNorm ? 1 : 0)
                return "\(perToken) norms per token × \(d) × \(C.norm(s.norm)) + \(Ll) gated norms × \(l.valueWidth) × (\(C.rmsNormPerElement) + SiLU gate)"
            default: break
            }
        }
        switch c {
        case .attentionGate: return "\(La) layers × \(a.queryWidth) × (sigmoid \(C.sigmoidPerElement) + product)"
        case .softmax:
            return "scores × (softmax \(C.softmaxPerScore) + scale \(C.scalePerScore)\(s.causal ? " + mask \(C.maskPerScore)" : ""))"
        case .norms:
            let perToken = s.normsPerLayer * L + (s.finalNorm ? 1 : 0) + (s.embeddingNorm ? 1 : 0)
            return "\(perToken) norms per token × \(d) × \(C.norm(s.norm)) per element"
        case .activations:
            guard let moe = s.moe else { return "\(L) layers × \(s.ffn.intermediateSize) × \(activation) per element" }
            let expertInner = moe.topK * moe.expert(of: s.ffn).intermediateSize + (moe.sharedExpertIntermediateSize ?? 0)
            let inner = ExactCount.product(moe.denseLayers, s.ffn.intermediateSize) + ExactCount.product(moe.sparseLayers(of: L), expertInner)
            return "\(inner) active FFN inner elements (experts, shared, dense layers) × \(activation) per element"
        case .residuals:
            return "\(L) layers × \(2 + (s.crossAttention != nil && pass.crossKeys != nil ? 1 : 0)) residual adds × \(d)"
        case .biasAdds: return "one add per biased output element"
        case .crossKVBiasAdds: return "encoder tokens × \(L) layers × 2·\((s.crossAttention ?? a).keyValueWidth)"
        case .qkNorms:
            let normed = a.qkNorm == .l2 ? s.rotaryLayers : L
            return "\(normed) layers × \(a.qkNormElements) q/k elements × \(C.qkNorm(a.qkNorm ?? .perHead, s.norm)) per element\(a.qkNorm == .l2 ? " (weightless L2 norm, rotary layers only)" : "")"
        case .queryTemperature:
            return "\(L - s.rotaryLayers) NoPE layers × (\(a.queryWidth) query elements + \(C.temperaturePerPosition) per position for the scale)"
        case .latentNorms:
            let l = a.latent
            return "\(L) layers × (q_a_layernorm \(l?.queryRank ?? 0) + kv_a_layernorm \(l?.keyValueRank ?? 0)) × \(C.rmsNormPerElement) per element (RMSNorm)"
        case .rotaryApply:
            if let l = a.latent { return "\(L) layers × (\(a.heads) query heads + 1 shared key) × rope \(l.ropeHeadDim) dims × \(C.rotaryPerElement)" }
            return "\(s.rotaryLayers) layers × (\(a.heads)+\(a.kvHeads)) heads × \(s.rotaryDimensions ?? 0) dims × \(C.rotaryPerElement)"
        case .routing:
            guard let moe = s.moe else { return nil }
            let shared = moe.sharedExpertIntermediateSize != nil ? " + shared expert" : ""
            return "\(moe.sparseLayers(of: L)) layers × (router softmax over \(moe.experts) + weighted sum of \(moe.topK) expert outputs\(shared))"
        case .embeddingAdds: return "position / token-type embedding added to each token"
        default: return nil
        }
    }
}
