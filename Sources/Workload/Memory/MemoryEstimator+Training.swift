extension MemoryEstimator {
    /// Mixed-precision Adam (ZeRO paper's 16 bytes per parameter) and activations.
    func trainingComponents(_ p: ParameterReport, batch: Int, seq: Int) -> [MemoryComponent] {
        let n = ExactCount(p.total)
        return [
            .init(name: "weights_bf16", bytes: 2 * n, formula: "2 bytes × \(p.total)"),
            .init(name: "gradients_bf16", bytes: 2 * n, formula: "2 bytes × \(p.total)"),
            .init(name: "master_weights_fp32", bytes: 4 * n, formula: "4 bytes × \(p.total)"),
            .init(name: "adam_moments_fp32", bytes: 8 * n, formula: "2 moments × 4 bytes × \(p.total)"),
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
        let h = spec.hiddenSize
        var parts: [MemoryComponent] = []
        for (role, s) in spec.stacks {
            let prefix = spec.isEncoderDecoder ? "\(role.rawValue)." : ""
            let sb = ExactCount.product(seq, batch), L = ExactCount(s.layers), a = s.attention
            if recompute == .full {
                parts.append(.init(name: prefix + "activations", bytes: L * 2 * sb * ExactCount(h),
                                   formula: "full recomputation: 2·s·b·h per layer (layer inputs only)"))
                continue
            }
            let q = ExactCount(a.queryWidth), kv = ExactCount(a.keyValueWidth)
            let attention = sb * (ExactCount(3 * h) + 4 * q + 4 * kv)
            let crossTerms = s.crossAttention.map { x in sb * (ExactCount(3 * h) + 4 * ExactCount(x.queryWidth) + 4 * ExactCount(x.keyValueWidth)) } ?? .zero
            let ffn = sb * s.ffnActivationBytesPerTokenAllLayers(width: h)
            let norms = sb * ExactCount(2 * h * s.normsPerLayer)
            parts.append(.init(name: prefix + "activations", bytes: L * (attention + crossTerms + norms) + ffn,
                               formula: "per layer s·b·(attention + FFN + norms) bytes (Korthikanti et al. 2022)"))
            if recompute == .none {
                let scores = 5 * ExactCount.product(a.heads, seq, seq, batch)
                let crossScores = s.crossAttention.map { 5 * ExactCount.product($0.heads, seq, seq, batch) } ?? .zero
                parts.append(.init(name: prefix + "attention_scores", bytes: L * (scores + crossScores),
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
