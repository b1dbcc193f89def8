/// Checks of the DeepSeek fields: the latent sizes must agree with the head geometry the rest of
/// the spec states, and a router's groups must split its experts as transformers' `view` does.
extension LatentAttentionSpec {
    func validate(prefix: String, attention a: AttentionSpec, with check: SpecChecker) throws(SpecError) {
        let p = "\(prefix).latent"
        if let queryRank { try check.size(queryRank, "\(p).queryRank") }
        try check.size(keyValueRank, "\(p).keyValueRank")
        try check.size(nopeHeadDim, "\(p).nopeHeadDim")
        try check.size(ropeHeadDim, "\(p).ropeHeadDim")
        try check.size(valueHeadDim, "\(p).valueHeadDim")
        guard ropeHeadDim % 2 == 0 else {
            throw check.error("\(p).ropeHeadDim", "rotary needs an even number of dimensions, got \(ropeHeadDim)")
        }
        guard a.headDim == queryKeyHeadDim else {
            throw check.error("\(prefix).headDim", "latent attention's query/key head is nopeHeadDim + ropeHeadDim = \(queryKeyHeadDim), got \(a.headDim)")
        }
        guard a.kvHeads == a.heads else {
            throw check.error("\(prefix).kvHeads", "latent attention expands its latent into all \(a.heads) heads; kvHeads must equal heads, got \(a.kvHeads)")
        }
        guard a.qkNorm == nil, a.relativeBiasBuckets == nil else {
            throw check.error(a.qkNorm != nil ? "\(prefix).qkNorm" : "\(prefix).relativeBiasBuckets",
                              "not part of latent attention (its own norms are on the latents)")
        }
        for (name, width) in [("valueHeadDim", valueHeadDim), ("nopeHeadDim", nopeHeadDim)] {
            guard let w = CheckedArithmetic.product(a.heads, width), w <= SpecLimits.maximumSize else {
                throw check.error("\(p).\(name)", "heads × \(name) = \(a.heads) × \(width) \(SpecLimits.sizeLimitReason)")
            }
        }
    }
}

extension ExpertRouting {
    func validate(prefix: String, experts: Int, topK: Int, with check: SpecChecker) throws(SpecError) {
        if let scalingFactor, !(scalingFactor.isFinite && scalingFactor > 0) {
            throw check.error("\(prefix).scalingFactor", "must be a positive number, got \(scalingFactor)")
        }
        guard let groups else {
            if topKGroups != nil { throw check.error("\(prefix).topKGroups", "needs 'groups' (the experts' group count)") }
            return
        }
        try check.size(groups, "\(prefix).groups")
        guard experts % groups == 0 else {
            throw check.error("\(prefix).groups", "\(groups) groups must divide the \(experts) experts")
        }
        let chosen = topKGroups ?? groups
        try check.size(chosen, "\(prefix).topKGroups")
        guard chosen <= groups else {
            throw check.error("\(prefix).topKGroups", "\(chosen) groups chosen of only \(groups)")
        }
        guard topK <= chosen * (experts / groups) else {
            throw check.error("\(prefix).topKGroups", "top-\(topK) experts cannot come from \(chosen) groups of \(experts / groups) experts")
        }
    }
}
