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
        components += recomputed(batch: batch, seq: seq, decoderSeq: decoderSeq, recompute).map {
            FlopComponent(name: "recompute." + $0.name, flops: $0.flops, formula: "recomputed in the backward pass: " + $0.formula)
        }
        var notes = forward.notes
        notes.append("training = forward + backward (2 × forward) = 3 × forward"
            + (recompute == .none ? "" : "; plus \(recompute.rawValue) activation recomputation"))
        return try FlopReport(model: spec.name, convention: convention, phase: .train, batch: batch, seq: seq,
                              tokens: ExactCount(forward.tokens), components: components, notes: notes)
    }

    /// The forward work `recompute` runs a second time: the operations whose recompute scope it
    /// covers (`RecomputeScope`); for the whole-model formulas, one more forward under full
    /// recomputation (the rule's 8·N) and Kaplan's attention term under selective.
    private func recomputed(batch: Int, seq: Int, decoderSeq: Int?, _ recompute: Recompute) -> [FlopComponent] {
        guard recompute != .none else { return [] }
        let call = spec.isEncoderDecoder
            ? ForwardPass(batch: batch, decoderQueries: decoderSeq ?? seq, encoderTokens: seq)
            : ForwardPass(batch: batch, decoderQueries: seq)
        switch convention {
        case .rule, .kaplan:
            let whole = components(of: call)
            return recompute == .full ? whole : whole.filter { $0.name == KaplanComponent.attentionContext }
        case .matmul, .causal, .full:
            return operations.flopComponents(call, convention) { $0.recompute.runsAgain(under: recompute) }
                .filter { $0.flops != .zero }
        }
    }
}
