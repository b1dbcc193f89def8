/// How each line of a parameter breakdown is made, in words and sizes (the `explain` rendering).
/// Presentation only: the figures come from the operations' weights.
enum ParameterFormula {
    static func text(_ group: ParameterGroup, spec: ModelSpec, stack s: StackSpec?) -> String {
        let d = spec.hiddenSize, V = spec.vocabularySize, e = spec.embeddingProjectionSize ?? d
        if let s, let text = stackText(group, s, width: d) { return text }
        switch group {
        case .tokenEmbedding: return "vocab \(V) × \(e)"
        case .embeddingProjection: return "project_in \(e)×\(d) + project_out \(d)×\(e), no bias"
        case .pooler: return "dense \(d)×\(d) + bias \(d)"
        case .lmHead:
            let head = spec.lmHead
            return (head?.tied == true ? "tied to token_embedding" : "\(e) × vocab \(V)") + (head?.bias == true ? " + bias \(V)" : "")
        default: return group.rawValue
        }
    }

    private static func stackText(_ group: ParameterGroup, _ s: StackSpec, width d: Int) -> String? {
        let L = s.layers, a = s.attention, kind = s.norm.kind.rawValue
        let sparse = s.moe.map { $0.sparseLayers(of: L) } ?? 0
        switch group {
        case .positionEmbedding: return "\(s.learnedPositions ?? 0) positions × \(d)"
        case .tokenTypeEmbedding: return "\(s.tokenTypes) types × \(d)"
        case .embeddingNorm: return "one norm over \(d)"
        case .attention:
            if let l = a.latent {
                let q = l.queryRank.map { "q_a \(d)×\($0), q_b \($0)×\(a.heads)·\(l.queryKeyHeadDim)" } ?? "q \(d)×\(a.heads)·\(l.queryKeyHeadDim)"
                return "\(L) layers × latent attention: \(q), kv_a \(d)×(\(l.keyValueRank)+\(l.ropeHeadDim)), kv_b \(l.keyValueRank)×\(a.heads)·(\(l.nopeHeadDim)+\(l.valueHeadDim)), o \(a.heads)·\(l.valueHeadDim)×\(d)"
                    + (a.qkvBias || a.outputBias ? " + biases" : "")
            }
            return "\(s.attentionLayerCount) layers × q,k,v,o (\(a.heads) heads, \(a.kvHeads) kv heads, head_dim \(a.headDim)\(a.outputGate ? "; q_proj twice as wide, for the output gate" : ""))"
        case .latentNorms:
            return "\(L) layers × RMSNorm scales over the latents (q \(a.latent?.queryRank ?? 0) + kv \(a.latent?.keyValueRank ?? 0))"
        case .qkNorms: return "\(s.attentionLayerCount) layers × q and k \(kind) (\(a.qkNorm?.rawValue ?? ""))"
        case .relativeAttentionBias: return "first layer: \(a.relativeBiasBuckets ?? 0) buckets × \(a.heads) heads"
        case .crossAttention:
            let x = s.crossAttention ?? a
            return "\(L) layers × q,k,v,o (\(x.heads) heads, head_dim \(x.headDim))"
        case .experts:
            guard let moe = s.moe else { return nil }
            return "\(sparse) layers × \(moe.experts) experts (\(moe.topK) active) × FFN \(d)→\(moe.expert(of: s.ffn).intermediateSize)"
        case .router: return "\(sparse) layers × \(d)×\(s.moe?.experts ?? 0)"
        case .sharedExpert:
            guard let moe = s.moe, let shared = moe.sharedExpert(of: s.ffn) else { return nil }
            return "\(sparse) layers × shared FFN \(d)→\(shared.intermediateSize)\(moe.sharedExpertGate ? " + its \(d)×1 gate" : "")"
        case .ffn:
            let gated = s.ffn.gated ? " gated" : ""
            if s.moe != nil || s.hybrid != nil { return "\(s.denseFeedForwardLayers) dense layers × FFN \(d)→\(s.ffn.intermediateSize)\(gated)" }
            return "\(L) layers × FFN \(d)→\(s.ffn.intermediateSize)\(gated)"
        case .stateSpace:
            guard let m = s.stateSpace else { return nil }
            let bias = m.bias ? " (+ biases)" : ""
            if let R = m.timeStepRank {
                return "\(s.stateSpaceLayers) layers × in_proj \(d)×\(m.inProjectionWidth)\(bias), conv1d \(m.innerSize)×\(m.convKernel)\(m.convBias ? " + bias" : ""), x_proj \(m.innerSize)×(\(R)+2·\(m.stateSize)), dt_proj \(R)×\(m.innerSize) + bias, A_log \(m.innerSize)×\(m.stateSize), D \(m.innerSize), out_proj \(m.innerSize)×\(d)"
            }
            return "\(s.stateSpaceLayers) layers × in_proj \(d)×\(m.inProjectionWidth)\(bias), conv1d \(m.convChannels)×\(m.convKernel)\(m.convBias ? " + bias" : ""), A_log/D/dt_bias 3×\(m.heads ?? 0)\(m.hasGatedNorm ? ", gated norm \(m.innerSize)" : ""), out_proj \(m.innerSize)×\(d)\(m.hasOutputBias && !m.bias ? " + bias" : "")"
        case .linearAttention:
            guard let l = s.linearAttention else { return nil }
            return "\(s.mixerLayerCount) layers × in_proj_qkvz \(d)×(2·\(l.keyWidth)+2·\(l.valueWidth)), in_proj_ba \(d)×2·\(l.valueHeads), conv1d \(l.convChannels)×\(l.convKernel), A_log/dt_bias 2×\(l.valueHeads), gated norm \(l.valueHeadDim), out_proj \(l.valueWidth)×\(d)"
        case .norms:
            if s.hybrid != nil, s.stateSpace != nil { return "\(s.layerNormsPerToken) \(kind) over \(L) layers" }
            return "\(L) layers × \(s.stateSpace == nil ? s.normsPerLayer : 1) \(kind)"
        case .finalNorm: return "one \(kind)"
        default: return nil
        }
    }
}
