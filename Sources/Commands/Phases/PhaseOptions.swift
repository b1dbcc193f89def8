import ArgumentParser
import Workload

/// The phase and its shape, for `flops`. Defaults and the context-window check live in Workload
/// (`ModelSpec.defaultSequenceLength`, `checkContext`); this type only reads options, and refuses
/// an option the chosen phase or model would silently ignore.
struct PhaseOptions: ParsableArguments {
    @Option(help: "prefill (default), decode, generate or train.")
    var phase: Phase = .prefill
    @Option(help: "Tokens per sequence (the prompt for generate). Default: 2048, or the model's context window if smaller.")
    var seq: Int?
    @Option(help: "Sequences per batch.")
    var batch: Int = 1
    @Option(help: "decode: tokens already in the KV cache (default: --seq, at most the window less the new token).")
    var context: Int?
    @Option(name: .customLong("decoder-seq"), help: "Encoder–decoder prefill/train: decoder tokens (default: --seq).")
    var decoderSeq: Int?
    @Option(name: .customLong("encoder-seq"), help: "Encoder–decoder decode: encoder positions the cross-attention reads (default: --context).")
    var encoderSeq: Int?
    @Option(name: .customLong("draft-tokens"), help: "decode: drafted tokens each sequence verifies in the step (speculative decoding; default 0).")
    var draftTokensOption: Int?
    @Option(name: .customLong("new-tokens"), help: "generate: tokens to produce (default 128).")
    var newTokensOption: Int?
    @Option(name: .customLong("beams"), help: "generate: beam width K (default 1 = greedy).")
    var beamsOption: Int?
    @Option(name: .customLong("beam-prefill"), help: "generate with beams: replicated (default; Hugging Face: prompt copied K times) or shared (one prefill, cache shared).")
    var beamPrefillOption: BeamPrefill?
    @Option(name: .customLong("recompute"), help: "train: activation recomputation none (default), selective or full.")
    var recomputeOption: Recompute?
    @Flag(name: .customLong("allow-beyond-context"), help: "Count sequences longer than the model's context window.")
    var allowBeyondContext = false

    var newTokens: Int { newTokensOption ?? 128 }
    var draftTokens: Int { draftTokensOption ?? 0 }
    var beams: Int { beamsOption ?? 1 }
    var beamPrefill: BeamPrefill { beamPrefillOption ?? .replicated }
    var recompute: Recompute { recomputeOption ?? .none }

    /// `--seq` or the model's default (for `generate`, a prompt that leaves room for the new tokens).
    func sequenceLength(for spec: ModelSpec) -> Int {
        seq ?? (phase == .generate ? spec.defaultPromptLength(newTokens: newTokens) : spec.defaultSequenceLength)
    }

    /// `--context` or its default: `--seq`, kept inside the window with room for the new token
    /// and the drafts.
    func contextLength(for spec: ModelSpec) -> Int {
        context ?? spec.defaultDecodeContext(sequence: seq, draftTokens: draftTokens)
    }

    /// The counted phase; the counter validates the sizes.
    func count(with counter: FlopCounter) throws -> PhaseResult {
        let spec = counter.spec
        try PhaseApplicability(self, spec: spec).check()
        let s = sequenceLength(for: spec)
        if phase != .generate { try spec.checkContext(length: s, parameter: .sequenceLength, allowBeyond: allowBeyondContext) }
        if let decoderSeq {
            try spec.checkContext(length: decoderSeq, parameter: .decoderSequenceLength, allowBeyond: allowBeyondContext)
        }
        switch phase {
        case .prefill: return .single(try counter.prefill(batch: batch, seq: s, decoderSeq: decoderSeq))
        case .train: return .single(try counter.train(batch: batch, seq: s, decoderSeq: decoderSeq, recompute: recompute))
        case .decode:
            let p = contextLength(for: spec)
            let (fed, overflow) = p.addingReportingOverflow(1 &+ max(0, draftTokens))
            if !overflow { try spec.checkContext(length: fed, parameter: draftTokens > 0 ? .draftTokens : .context, allowBeyond: allowBeyondContext) }
            if let encoderSeq {
                try spec.checkContext(length: encoderSeq, parameter: .encoderSequenceLength, allowBeyond: allowBeyondContext)
            }
            return .single(try counter.decode(batch: batch, context: p, encoderSeq: encoderSeq, draftTokens: draftTokens))
        case .generate:
            return .generation(try counter.generate(batch: batch, prompt: s, newTokens: newTokens, beams: beams,
                                                    beamPrefill: beamPrefill, allowBeyondContext: allowBeyondContext))
        }
    }
}

/// A counted phase: one report, or a whole generation request with its steps.
enum PhaseResult {
    case single(FlopReport)
    case generation(GenerationReport)

    var report: FlopReport {
        switch self {
        case .single(let r): r
        case .generation(let g): g.report
        }
    }
}
