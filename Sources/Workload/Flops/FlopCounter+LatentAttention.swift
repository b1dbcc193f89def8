/// What a report of a model with multi-head latent attention says about it: the cache it keeps
/// and which decode convention the figures follow, with the other convention's figure beside it.
extension ModelSpec {
    /// Whether any stack uses multi-head latent attention.
    public var hasLatentAttention: Bool { stacks.contains { $0.stack.attention.latent != nil } }
}

extension FlopCounter {
    /// Notes of every FLOP report of a latent-attention model.
    var latentAttentionNotes: [InputMessage] {
        guard let l = spec.decoder?.attention.latent, let a = spec.decoder?.attention else { return [] }
        let expanded = a.heads * (l.queryKeyHeadDim + l.valueHeadDim)
        return ["multi-head latent attention: the cache holds a \(l.keyValueRank)+\(l.ropeHeadDim)-element latent per token and layer "
            + "instead of \(expanded) elements of per-head K and V; decode steps follow the \(latentDecode.rawValue) convention "
            + "(\(latentDecode.summary)); `\(InputParameter.latentDecode)` chooses"]
    }

    /// The same decode step under the other latent-attention convention, and what separates them.
    func otherLatentDecodeNote(_ call: ForwardPass, total: Int128) throws -> InputMessage? {
        guard spec.hasLatentAttention, convention == .matmul || convention == .causal || convention == .full,
              let l = spec.decoder?.attention.latent, let a = spec.decoder?.attention
        else { return nil }
        let other: LatentAttentionDecode = latentDecode == .transformers ? .absorbed : .transformers
        let counter = try FlopCounter(spec: spec, convention: convention, latentDecode: other)
        let otherTotal = try counter.components(of: call).reduce(ExactCount.zero) { $0 + $1.flops }.checked("decode FLOPs")
        let keys = call.decoderPast + call.decoderQueries
        return "under the \(other.rawValue) convention this step is \(otherTotal) FLOPs (\(otherTotal - total > 0 ? "+" : "")\(otherTotal - total)): "
            + "transformers re-expands all \(keys) keys per sequence through kv_b_proj (2·\(l.keyValueRank)·\(a.heads)·(\(l.nopeHeadDim)+\(l.valueHeadDim)) per key and layer) "
            + "and attends over \(l.queryKeyHeadDim)/\(l.valueHeadDim) per head; absorbed folds W_UK and W_UV into the new token "
            + "(2·\(a.heads)·\(l.keyValueRank)·(\(l.nopeHeadDim)+\(l.valueHeadDim)) per token and layer) and attends over "
            + "\(l.keyValueRank + l.ropeHeadDim)/\(l.keyValueRank) per head in the latent space — cheaper once the context exceeds a few positions"
    }
}
