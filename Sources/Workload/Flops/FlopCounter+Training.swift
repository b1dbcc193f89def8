/// Activation recomputation during the backward pass.
public enum Recompute: String, Sendable, CaseIterable, Codable {
    /// Activations are kept: training = forward + backward.
    case none
    /// Korthikanti et al. 2022: only the attention scores, softmax and attention·values are
    /// recomputed — the attention-product FLOPs run once more.
    case selective
    /// Every transformer layer's forward runs again (not the embeddings or the LM head), as
    /// Megatron-LM's full recomputation does. PyTorch's non-reentrant checkpointing (what
    /// transformers' `gradient_checkpointing` uses) stops once backward has what it needs, so it
    /// skips a layer's last FFN GEMM when nothing keeps its output: `2·tokens·d_ff·d` fewer per
    /// layer (measured against transformers 5.23); the notes say so.
    case full
}

extension FlopCounter {
    /// One training step over `batch × seq` tokens: the forward pass, then the backward pass
    /// per operation — one product per operand that needs a gradient (`dX` and `dW` of a weight
    /// GEMM, both operands of an attention product), each as costly as the forward product, none
    /// for a product of tensors without gradients — plus the forward work `recompute` repeats.
    /// For every weight GEMM and attention product that is 3 × their forward.
    public func train(batch: Int, seq: Int, decoderSeq: Int? = nil, recompute: Recompute = .none) throws -> FlopReport {
        let forward = try prefill(batch: batch, seq: seq, decoderSeq: decoderSeq)
        var components: [FlopComponent]
        switch convention {
        case .rule, .kaplan:
            components = forward.components.map {
                FlopComponent(name: $0.name == "rule_2N" ? "rule_6N" : $0.name, flops: 3 * $0.flops,
                              formula: "3 × forward (forward + 2 × backward): " + $0.formula)
            }
        case .matmul, .causal, .full:
            let trained = operations.flopComponents(trainingCall(batch, seq, decoderSeq), convention, runs: .training)
            let once = Dictionary(forward.components.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            components = trained.compactMap { c in
                guard let f = once[c.name] else { return nil }
                return FlopComponent(name: c.name, flops: c.flops, formula: Self.trainingFormula(c.flops, forward: f, name: c.name))
            }
        }
        components += recomputed(batch: batch, seq: seq, decoderSeq: decoderSeq, recompute).map {
            FlopComponent(name: "recompute." + $0.name, flops: $0.flops, formula: "recomputed in the backward pass: " + $0.formula)
        }
        var notes = forward.notes
        notes.append("training = forward + backward: 2 × forward for every weight GEMM and attention product "
            + "(input and weight gradients), none for work on tensors without gradients (the rotary table)"
            + (recompute == .none ? "" : "; plus \(recompute.rawValue) activation recomputation"))
        if let l = spec.decoder?.linearAttention, convention != .rule, convention != .kaplan {
            notes.append("gated delta rule (linear attention): its backward is not 2 × its forward — torch autograd runs both "
                + "gradients of each chunk product except the zero initial state's and the unread final state's, and adds the "
                + "triangular solves' gradient products; counted as it runs (gdn_delta_rule, chunks of \(l.chunkSize))")
        }
        if recompute == .full, convention != .rule, convention != .kaplan {
            notes.append("full recomputation re-runs each layer's whole forward (Megatron-LM); PyTorch's non-reentrant "
                + "checkpointing (transformers' gradient_checkpointing) skips a layer's last FFN GEMM when no backward needs its output")
        }
        return try FlopReport(model: spec.name, convention: convention, phase: .train, batch: batch, seq: seq,
                              tokens: ExactCount(forward.tokens), components: components, notes: notes)
    }

    /// The call a training step's forward pass makes.
    private func trainingCall(_ batch: Int, _ seq: Int, _ decoderSeq: Int?) -> ForwardPass {
        spec.isEncoderDecoder
            ? ForwardPass(batch: batch, decoderQueries: decoderSeq ?? seq, encoderTokens: seq)
            : ForwardPass(batch: batch, decoderQueries: seq)
    }

    private static func trainingFormula(_ trained: ExactCount, forward f: FlopComponent, name: String) -> String {
        if name.hasSuffix(FlopComponentName.linearAttentionCore.name) {
            return "forward + backward as torch autograd runs the chunked delta rule (not 3 × forward): both gradients of every "
                + "product, less the four no state needs (the zero initial state's two in the first chunk, the unread final "
                + "state's update: 4·C·dk·dv per head), plus the two triangular solves' gradients (C²·dk + C²·dv per head and "
                + "chunk; the solves themselves are not counted), × 2 FLOPs each: " + f.formula
        }
        if trained == 3 * f.flops { return "3 × forward (forward + 2 × backward): " + f.formula }
        if trained == f.flops { return "forward only (no operand needs a gradient): " + f.formula }
        return "forward + backward of the operands that need gradients: " + f.formula
    }

    /// The forward work `recompute` runs a second time: the operations whose recompute scope it
    /// covers (`RecomputeScope`); for the whole-model formulas, one more forward under full
    /// recomputation (the rule's 8·N) and Kaplan's attention term under selective.
    private func recomputed(batch: Int, seq: Int, decoderSeq: Int?, _ recompute: Recompute) -> [FlopComponent] {
        guard recompute != .none else { return [] }
        let call = trainingCall(batch, seq, decoderSeq)
        switch convention {
        case .rule, .kaplan:
            let whole = components(of: call)
            return recompute == .full ? whole : whole.filter { $0.name == KaplanComponent.attentionContext }
        case .matmul, .causal, .full:
            return operations.flopComponents(call, convention, runs: .recomputed(recompute))
                .filter { $0.flops != .zero }
        }
    }
}
