extension MemoryEstimator {
    /// Mixed-precision Adam (ZeRO paper's 16 bytes per parameter) and activations.
    func trainingComponents(_ p: ParameterReport, batch: Int, seq: Int) -> [MemoryComponent] {
        let n = ExactCount(p.total)
        typealias A = AdamState
        return [
            .init(name: "weights_bf16", bytes: A.weightBytes * n, formula: "\(A.weightBytes) bytes × \(p.total)"),
            .init(name: "gradients_bf16", bytes: A.gradientBytes * n, formula: "\(A.gradientBytes) bytes × \(p.total)"),
            .init(name: "master_weights_fp32", bytes: A.masterWeightBytes * n, formula: "\(A.masterWeightBytes) bytes × \(p.total)"),
            .init(name: "adam_moments_fp32", bytes: A.momentBytes * n, formula: "2 moments × \(A.momentBytes / 2) bytes × \(p.total)"),
        ] + activationComponents(batch: batch, seq: seq)
    }

    /// Activations kept for the backward pass, per Korthikanti et al. 2022 ("Reducing Activation
    /// Recomputation in Large Transformer Models", §4), generalised to GQA, gated and MoE FFNs.
    /// Per layer, in bytes, with 16-bit activations and 1-byte dropout masks (s = seq, b = batch):
    /// ```
    /// attention: s·b·(2h + 2(q+kv) + 2kv + 2q + h) + 5·a·s²·b     (q = heads·head_dim, kv = kv width)
    /// FFN:       s·b·(3h + 4·g·F)·k                                  (g = 2 if gated, k = top-k experts)
    /// norms:     4·s·b·h
    /// ```
    /// For GPT (q = kv = h, F = 4h, g = k = 1) this is the paper's `s·b·h·(34 + 5·a·s/h)`.
    /// Selective recomputation drops the `5·a·s²·b` score term; full recomputation keeps only
    /// each layer's input, `2·s·b·h`. Logits are kept in fp32: `4·s·b·V`.
    func activationComponents(batch: Int, seq: Int) -> [MemoryComponent] {
        let h = spec.hiddenSize, sb = ExactCount.product(seq, batch)
        var parts: [MemoryComponent] = []
        let model = operations
        for stack in model.stacks {
            let prefix = model.prefix(stack.role)
            if recompute == .full {
                parts.append(.init(name: prefix + "activations", bytes: ExactCount(stack.spec.layers) * 2 * sb * ExactCount(h),
                                   formula: "full recomputation: 2·s·b·h per layer (layer inputs only)"))
                continue
            }
            let kept = stack.layers.reduce(ExactCount.zero) { $0 + ExactCount($1.count) * stack.savedBytesPerToken($1).total }
            parts.append(.init(name: prefix + "activations", bytes: sb * kept,
                               formula: "per layer s·b·(attention + FFN + norms) bytes (Korthikanti et al. 2022)"))
            if recompute == .none {
                let scores = stack.layers.reduce(ExactCount.zero) { $0 + ExactCount($1.count) * stack.savedBytesPerScore($1) }
                parts.append(.init(name: prefix + "attention_scores", bytes: scores * ExactCount.product(seq, seq, batch),
                                   formula: "5·a·s²·b per layer: softmax output, dropout mask and output"))
            }
        }
        if spec.lmHead != nil {
            parts.append(.init(name: "logits_fp32", bytes: 4 * ExactCount.product(seq, batch, spec.vocabularySize),
                               formula: "4 bytes × s·b·V"))
        }
        return parts
    }
}
