extension StackPass {
    /// Element-wise FLOPs the `full` convention adds, at the per-element costs of `ElementwiseCost`.
    func elementwiseComponents(_ s: StackSpec, width d: Int, prefix p: String) -> [FlopComponent] {
        typealias C = ElementwiseCost
        let L = s.layers, a = s.attention, F = s.ffn.intermediateSize
        let tokens = ExactCount.product(batch, queries)
        let perScore = C.softmaxPerScore + C.scalePerScore + (s.causal ? C.maskPerScore : 0)
        var softmax = ExactCount(batch) * layerPairs(s, .matmul) * ExactCount.product(a.heads, perScore)
        var residualAdds = 2, normsPerToken = s.normsPerLayer * L + (s.finalNorm ? 1 : 0) + (s.embeddingNorm ? 1 : 0)
        var biasWidth = ExactCount.zero
        if a.qkvBias { biasWidth += ExactCount(L) * (ExactCount(a.queryWidth) + 2 * ExactCount(a.keyValueWidth)) }
        if a.outputBias { biasWidth += ExactCount.product(L, d) }
        if let x = s.crossAttention, let keys = crossKeys {
            softmax += ExactCount.product(batch, queries, keys, L, x.heads, C.softmaxPerScore + C.scalePerScore)
            residualAdds += 1
            if x.qkvBias { biasWidth += ExactCount.product(L, x.queryWidth) }
            if x.outputBias { biasWidth += ExactCount.product(L, d) }
        }
        // Inner elements per token of every FFN a token goes through, and how many FFNs.
        let (ffnInner, ffnCount) = activeFFNWidths(s)
        if s.ffn.bias { biasWidth += ExactCount(s.ffn.inputProjections) * ffnInner + ffnCount * ExactCount(d) }
        let activationCost = C.activation(s.ffn.activation) + (s.ffn.gated ? C.gatePerElement : 0)
        var out: [FlopComponent] = [
            .init(name: p + "softmax", flops: softmax,
                  formula: "scores × (softmax \(C.softmaxPerScore) + scale \(C.scalePerScore)\(s.causal ? " + mask \(C.maskPerScore)" : ""))"),
            .init(name: p + "norms", flops: tokens * ExactCount.product(normsPerToken, d, C.norm(s.norm)),
                  formula: "\(normsPerToken) norms per token × \(d) × \(C.norm(s.norm)) per element"),
            .init(name: p + "activations", flops: tokens * ffnInner * ExactCount(activationCost),
                  formula: s.moe == nil ? "\(L) layers × \(F) × \(activationCost) per element"
                      : "\(ffnInner) active FFN inner elements (experts, shared, dense layers) × \(activationCost) per element"),
            .init(name: p + "residuals", flops: tokens * ExactCount.product(L, residualAdds, d),
                  formula: "\(L) layers × \(residualAdds) residual adds × \(d)"),
            .init(name: p + "bias_adds", flops: tokens * biasWidth, formula: "one add per biased output element"),
        ]
        if let x = s.crossAttention, let keys = crossKeys, projectsCrossKeyValues, x.qkvBias {
            out.append(.init(name: p + "cross_kv_bias_adds", flops: ExactCount.product(batch, keys, L, 2, x.keyValueWidth),
                             formula: "encoder tokens × \(L) layers × 2·\(x.keyValueWidth)"))
        }
        if a.qkNorm != nil {
            out.append(.init(name: p + "qk_norms", flops: tokens * ExactCount.product(L, a.qkNormElements, C.norm(s.norm)),
                             formula: "\(L) layers × \(a.qkNormElements) q/k elements × \(C.norm(s.norm)) per element"))
        }
        if let r = s.rotaryDimensions {
            out.append(.init(name: p + "rotary_apply", flops: tokens * ExactCount.product(L, a.heads + a.kvHeads, r, C.rotaryPerElement),
                             formula: "\(L) layers × (\(a.heads)+\(a.kvHeads)) heads × \(r) dims × \(C.rotaryPerElement)"))
        }
        if let moe = s.moe {
            let sparse = moe.sparseLayers(of: L)
            // The shared expert's output is added (after scaling by one sigmoid per token, when gated).
            let shared = moe.sharedExpertIntermediateSize == nil ? 0 : (moe.sharedExpertGate ? 2 * d + C.sigmoidPerElement : d)
            out.append(.init(name: p + "routing", flops: tokens * ExactCount(sparse) * (ExactCount.product(moe.experts, C.softmaxPerScore) + ExactCount.product(2, moe.topK, d) + ExactCount(shared)),
                             formula: "\(sparse) layers × (router softmax over \(moe.experts) + weighted sum of \(moe.topK) expert outputs\(shared > 0 ? " + shared expert" : ""))"))
        }
        let embeddingAdds = (s.learnedPositions != nil ? 1 : 0) + (s.tokenTypes > 0 ? 1 : 0)
        if embeddingAdds > 0 {
            out.append(.init(name: p + "embedding_adds", flops: tokens * ExactCount.product(embeddingAdds, d),
                             formula: "position / token-type embedding added to each token"))
        }
        return out
    }
}

extension StackPass {
    /// FFN inner elements one token passes through over all layers (routed experts, the shared
    /// expert, the dense layers), and how many FFNs that is — what activations and biases scale with.
    func activeFFNWidths(_ s: StackSpec) -> (inner: ExactCount, count: ExactCount) {
        s.layerFFNs.reduce((ExactCount.zero, ExactCount.zero)) { sum, kind in
            (sum.0 + ExactCount(kind.layers) * kind.ffns.innerElements, sum.1 + ExactCount.product(kind.layers, kind.ffns.ffnCount))
        }
    }
}
