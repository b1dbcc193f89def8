/// Activation recomputation during the backward pass.
public enum Recompute: String, Sendable, CaseIterable, Codable {
    /// Activations are kept: training = forward + backward = 3 × forward.
    case none
    /// Korthikanti et al. 2022: only the attention scores, softmax and attention·values are
    /// recomputed — the attention-product FLOPs run once more.
    case selective
    /// Every transformer layer's forward runs again (not the embeddings or the LM head).
    case full
}

extension FlopCounter {
    /// One training step over `batch × seq` tokens: forward + backward, the backward costing
    /// 2 × the forward (one GEMM for the input gradient, one for the weight gradient, per forward
    /// GEMM), so 3 × forward; plus the recomputed forward work of `recompute`.
    public func train(batch: Int, seq: Int, decoderSeq: Int? = nil, recompute: Recompute = .none) throws -> FlopReport {
        let forward = try prefill(batch: batch, seq: seq, decoderSeq: decoderSeq)
        var components = forward.components.map {
            FlopComponent(name: $0.name, flops: 3 * $0.flops, formula: "3 × forward (forward + 2 × backward): " + $0.formula)
        }
        if convention == .rule || convention == .kaplan {
            components = components.map { c in var c = c; c.name = c.name == "rule_2N" ? "rule_6N" : c.name; return c }
        }
        components += forward.components.filter { recomputes($0.name, recompute) }.map {
            FlopComponent(name: "recompute." + $0.name, flops: $0.flops, formula: "recomputed in the backward pass: " + $0.formula)
        }
        var notes = forward.notes
        notes.append("training = forward + backward (2 × forward) = 3 × forward"
            + (recompute == .none ? "" : "; plus \(recompute.rawValue) activation recomputation"))
        return try FlopReport(model: spec.name, convention: convention, phase: .train, batch: batch, seq: seq,
                              tokens: ExactCount(forward.tokens), components: components, notes: notes)
    }

    /// Whether a forward component runs again under `recompute`. Layer work is everything but
    /// the embeddings, the LM head, OPT's projections and BERT's pooler.
    private func recomputes(_ name: String, _ recompute: Recompute) -> Bool {
        let base = name.split(separator: ".").last.map(String.init) ?? name
        if convention == .rule || convention == .kaplan {
            // Whole-model formulas: full recomputation is one more forward (the rule's 8·N).
            return recompute == .full || (recompute == .selective && base == "attention_context")
        }
        switch recompute {
        case .none: return false
        case .selective: return ["attention_scores", "attention_values", "softmax"].contains(base)
        case .full:
            let outsideLayers: Set = ["lm_head", "lm_head_bias", "embedding_projection", "pooler",
                                      "pooler_elementwise", "rule_2N", "non_embedding_weights", "attention_context",
                                      "embedding_adds", "rotary_frequencies"]
            return !outsideLayers.contains(base)
        }
    }
}
