import Workload

extension LayerShape {
    /// What the reference layer (one dense attention + FFN layer at `model`'s widths) does not
    /// run of `model`'s real layers, one sentence each: a profile measured at a model's shape says
    /// which parts of that model it stands in for.
    public static func approximations(of model: ModelSpec) -> [String] {
        guard let stack = model.decoder ?? model.encoder else { return [] }
        var notes: [String] = []
        if stack.stateSpace != nil {
            notes.append("\(model.name)'s mixer layers are state-space scans (conv1d + selective scan), which the reference does not run: its layer is attention + FFN at the same width")
        }
        if stack.linearAttention != nil {
            notes.append("\(model.name)'s Gated DeltaNet layers are linear attention (conv1d + delta rule), which the reference does not run: its layer is softmax attention + FFN at the same width")
        }
        if let latent = stack.attention.latent {
            notes.append("\(model.name)'s latent attention (q/kv LoRA ranks \(latent.queryRank.map(String.init) ?? "none")/\(latent.keyValueRank)) runs here as plain multi-head attention with its query/key head width; the low-rank down/up projections are not run")
        }
        if let moe = stack.moe {
            let width = moe.expert(of: stack.ffn).intermediateSize
            notes.append("\(model.name) is a mixture of \(moe.experts) experts (top \(moe.topK)): the reference FFN is one expert's FFN (width \(width)) over every token (no router, no dispatch, no shared expert)")
        }
        if stack.crossAttention != nil {
            notes.append("\(model.name)'s decoder cross-attention is not run: the reference layer is self-attention + FFN")
        }
        return notes
    }
}
