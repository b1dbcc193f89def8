extension StackPass {
    /// Element-wise FLOPs the `full` convention adds, at the per-element costs of `ElementwiseCost`.
    func elementwiseComponents(_ s: StackSpec, width d: Int, prefix p: String) -> [FlopComponent] {
        typealias C = ElementwiseCost
        let L = s.layers, a = s.attention, F = s.ffn.intermediateSize
        let tokens = ExactCount.product(batch, queries)
        let perScore = C.softmaxPerScore + C.scalePerScore + (s.causal ? C.maskPerScore : 0)
        var softmax = ExactCount(batch) * selfAttentionPairs(s, .matmul) * ExactCount.product(L, a.heads, perScore)
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
        let activeExperts = s.moe?.topK ?? 1
        if s.ffn.bias { biasWidth += ExactCount.product(L, activeExperts) * (ExactCount.product(s.ffn.inputProjections, F) + d) }
        let activationCost = C.activation(s.ffn.activation) + (s.ffn.gated ? C.gatePerElement : 0)
        var out: [FlopComponent] = [
            .init(name: p + "softmax", flops: softmax,
                  formula: "scores × (softmax \(C.softmaxPerScore) + scale \(C.scalePerScore)\(s.causal ? " + mask \(C.maskPerScore)" : ""))"),
            .init(name: p + "norms", flops: tokens * ExactCount.product(normsPerToken, d, C.norm(s.norm)),
                  formula: "\(normsPerToken) norms per token × \(d) × \(C.norm(s.norm)) per element"),
            .init(name: p + "activations", flops: tokens * ExactCount.product(L, activeExperts, F, activationCost),
                  formula: "\(L) layers × \(activeExperts) FFN(s) × \(F) × \(activationCost) per element"),
            .init(name: p + "residuals", flops: tokens * ExactCount.product(L, residualAdds, d),
                  formula: "\(L) layers × \(residualAdds) residual adds × \(d)"),
            .init(name: p + "bias_adds", flops: tokens * biasWidth, formula: "one add per biased output element"),
        ]
        if let x = s.crossAttention, let keys = crossKeys, projectsCrossKeyValues, x.qkvBias {
            out.append(.init(name: p + "cross_kv_bias_adds", flops: ExactCount.product(batch, keys, L, 2, x.keyValueWidth),
                             formula: "encoder tokens × \(L) layers × 2·\(x.keyValueWidth)"))
        }
        if let r = s.rotaryDimensions {
            out.append(.init(name: p + "rotary_apply", flops: tokens * ExactCount.product(L, a.heads + a.kvHeads, r, C.rotaryPerElement),
                             formula: "\(L) layers × (\(a.heads)+\(a.kvHeads)) heads × \(r) dims × \(C.rotaryPerElement)"))
        }
        if let moe = s.moe {
            out.append(.init(name: p + "routing", flops: tokens * ExactCount(L) * (ExactCount.product(moe.experts, C.softmaxPerScore) + ExactCount.product(2, moe.topK, d)),
                             formula: "router softmax over \(moe.experts) + weighted sum of \(moe.topK) expert outputs"))
        }
        let embeddingAdds = (s.learnedPositions != nil ? 1 : 0) + (s.tokenTypes > 0 ? 1 : 0)
        if embeddingAdds > 0 {
            out.append(.init(name: p + "embedding_adds", flops: tokens * ExactCount.product(embeddingAdds, d),
                             formula: "position / token-type embedding added to each token"))
        }
        return out
    }
}
