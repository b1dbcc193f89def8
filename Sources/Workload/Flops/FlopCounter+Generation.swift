/// How the prompt of a beam search is prefilled.
public enum BeamPrefill: String, Sendable, CaseIterable, Codable {
    /// The prompt is expanded to K copies before the prefill (Hugging Face `generate`); an
    /// encoder–decoder runs its encoder once and expands the encoder output to K copies.
    case replicated
    /// One prefill whose KV cache the K beams share (paged-attention servers such as vLLM).
    case shared
}

/// One model call of a generation request.
public struct GenerationStep: Sendable, Equatable {
    public var index: Int
    /// Cached decoder positions before the call.
    public var context: Int
    /// Sequences in the call (batch × beams, or batch for a shared prefill).
    public var sequences: Int
    public var flops: Int128
}

/// A whole request: prefill, decode steps, and what beam search adds.
public struct GenerationReport: Sendable {
    public var report: FlopReport
    public var steps: [GenerationStep]
    /// The same request decoded greedily (K = 1), for the beam-search overhead.
    public var greedyTotal: Int128
    public var beams: Int
    public var beamPrefill: BeamPrefill
    public var extraOverGreedy: Int128 { report.total - greedyTotal }
}

/// Per-logit costs of beam search's bookkeeping under the `full` convention.
public enum BeamSearchCost {
    /// log-softmax over the vocabulary: subtract max, exp, sum, subtract log-sum.
    public static let logSoftmaxPerLogit = 4
    /// Adding each hypothesis' running score.
    public static let scoreAddPerLogit = 1
    /// Top-2K selection over K·|V| candidates, about one comparison per candidate.
    public static let selectionPerLogit = 1
    /// Greedy decoding's argmax: one comparison per logit.
    public static let argmaxPerLogit = 1
}

extension FlopCounter {
    /// `prompt` tokens in, `newTokens` out, `beams` hypotheses: the prefill (logits at the last
    /// prompt position only, as `generate` computes them) then `newTokens − 1` decode steps — the
    /// first new token comes from the prefill's logits. Encoder–decoder models run the encoder
    /// once, then `newTokens` decoder steps, the first projecting the cross-attention K/V.
    public func generate(batch: Int, prompt: Int, newTokens: Int, beams: Int = 1,
                         beamPrefill: BeamPrefill = .replicated, allowBeyondContext: Bool = false) throws -> GenerationReport {
        try requirePositive(batch, .batch, Limits.batch); try requirePositive(prompt, .sequenceLength)
        try requirePositive(newTokens, .newTokens, Limits.newTokens); try requirePositive(beams, .beams, Limits.hypotheses)
        let hypotheses = batch.multipliedReportingOverflow(by: beams)
        guard !hypotheses.overflow, hypotheses.partialValue <= Limits.hypotheses.maximum else {
            throw PhaseError(.beams, "batch × beams is larger than the supported maximum of \(Limits.hypotheses.maximum)")
        }
        guard spec.decoder != nil, spec.lmHead != nil else {
            throw PhaseError(.phase, "\(spec.name) has no decoder with an LM head; it cannot generate")
        }
        try spec.checkGeneration(prompt: prompt, newTokens: newTokens, allowBeyond: allowBeyondContext)
        let calls = generationCalls(batch: batch, prompt: prompt, newTokens: newTokens, beams: beams, prefill: beamPrefill)
        var steps: [GenerationStep] = [], merged = ComponentSum()
        steps.reserveCapacity(calls.count)
        for (i, call) in calls.enumerated() {
            var parts = components(of: call)
            if convention == .full { parts.append(searchComponent(sequences: call.batch, beams: beams)) }
            let stepTotal = try parts.reduce(ExactCount.zero) { $0 + $1.flops }.checked("generation step FLOPs")
            steps.append(.init(index: i, context: call.decoderPast, sequences: call.batch, flops: stepTotal))
            merged.add(parts)
        }
        let tokens = ExactCount.product(batch, newTokens)
        var report = try FlopReport(model: spec.name, convention: convention, phase: .generate, batch: batch, seq: prompt,
                                    tokens: tokens, components: merged.components, notes: modelNotes + generationNotes(beams, beamPrefill))
        report.notes.append("flops_per_token divides by the \(batch)×\(newTokens) tokens generated")
        let greedy = beams == 1 ? report.total
            : try generate(batch: batch, prompt: prompt, newTokens: newTokens, beams: 1, allowBeyondContext: true).report.total
        return GenerationReport(report: report, steps: steps, greedyTotal: greedy, beams: beams, beamPrefill: beamPrefill)
    }

    func generationCalls(batch: Int, prompt: Int, newTokens: Int, beams: Int, prefill: BeamPrefill) -> [ForwardPass] {
        let hypotheses = batch * beams
        if spec.isEncoderDecoder {
            // Encoder once on the prompt; every decoder step (the first projects cross K/V) on K copies.
            var calls = [ForwardPass(batch: batch, decoderQueries: 0, encoderTokens: prompt, runsEncoder: true,
                                     projectsCrossKeyValues: false, logitsPerSequence: 0)]
            for step in 0..<newTokens {
                calls.append(ForwardPass(batch: hypotheses, decoderQueries: 1, decoderPast: step, encoderTokens: prompt,
                                         runsEncoder: false, projectsCrossKeyValues: step == 0, logitsPerSequence: 1))
            }
            return calls
        }
        let prefillBatch = prefill == .replicated ? hypotheses : batch
        var calls = [ForwardPass(batch: prefillBatch, decoderQueries: prompt, logitsPerSequence: 1, positionBatch: prefillBatch)]
        for step in 1..<newTokens {
            calls.append(ForwardPass(batch: hypotheses, decoderQueries: 1, decoderPast: prompt + step - 1, positionBatch: hypotheses,
                                     decodeStep: true))
        }
        return calls
    }

    /// Beam bookkeeping (or greedy argmax) over the logits of one step, under `full`.
    private func searchComponent(sequences: Int, beams: Int) -> FlopComponent {
        let perLogit = beams == 1 ? BeamSearchCost.argmaxPerLogit
            : BeamSearchCost.logSoftmaxPerLogit + BeamSearchCost.scoreAddPerLogit + BeamSearchCost.selectionPerLogit
        return FlopComponent(name: beams == 1 ? "greedy_argmax" : "beam_search",
                             flops: ExactCount.product(sequences, spec.vocabularySize, perLogit),
                             formula: "\(perLogit) per logit × \(sequences) sequences × vocab \(spec.vocabularySize)")
    }

    private func generationNotes(_ beams: Int, _ prefill: BeamPrefill) -> [InputMessage] {
        var notes: [InputMessage] = ["generate: prefill with logits at the last prompt position only (Hugging Face generate), then one decode step per further token"]
        if beams > 1 {
            notes.append(prefill == .replicated
                ? "beam prefill replicated: the prompt is expanded to \(beams) copies before the prefill (Hugging Face generate)"
                : "beam prefill shared: one prefill per request whose KV cache the \(beams) beams share (paged attention)")
        }
        if spec.isEncoderDecoder {
            notes.append("encoder–decoder: the encoder runs once per request; its output is expanded to \(beams) copies, so the first decoder step projects the cross-attention K/V \(beams) times")
        }
        if convention != .full && beams > 1 {
            notes.append("beam search's log-softmax and top-k selection are element-wise work, counted only under \(InputParameter.convention) full")
        }
        return notes
    }

    /// New tokens one request is counted for, step by step: 131,072 (the longest outputs models
    /// offer) count in about a second; more is refused rather than left to run for minutes.
    public static let maximumNewTokens = Limits.newTokens.maximum

}

/// A running sum of components by name, in first-seen order.
struct ComponentSum {
    private var order: [String] = []
    private var byName: [String: FlopComponent] = [:]

    mutating func add(_ parts: [FlopComponent]) {
        for p in parts {
            if byName[p.name] != nil {
                byName[p.name]!.flops += p.flops
            } else {
                order.append(p.name); byName[p.name] = p
            }
        }
    }

    var components: [FlopComponent] { order.compactMap { byName[$0] } }
}
