import ArgumentParser
import Workload

/// The phase and its shape: shared by `flops`, `memory` and the cost commands.
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
    @Option(name: .customLong("new-tokens"), help: "generate: tokens to produce.")
    var newTokens: Int = 128
    @Option(help: "generate: beam width K (1 = greedy).")
    var beams: Int = 1
    @Option(name: .customLong("beam-prefill"), help: "generate with beams: replicated (Hugging Face: prompt copied K times) or shared (one prefill, cache shared).")
    var beamPrefill: BeamPrefill = .replicated
    @Option(help: "train: activation recomputation none, selective or full.")
    var recompute: Recompute = .none
    @Flag(name: .customLong("allow-beyond-context"), help: "Count sequences longer than the model's context window.")
    var allowBeyondContext = false

    /// `--seq` or its default for this model: 2048 or the window if smaller; for `generate` of a
    /// decoder-only model, what leaves room in the window for the new tokens.
    func sequenceLength(for spec: ModelSpec) -> Int {
        if let seq { return seq }
        let window = spec.contextWindow ?? 2048
        if phase == .generate, !spec.isEncoderDecoder, newTokens > 0, newTokens < window {
            return min(2048, window - newTokens)
        }
        return min(2048, window)
    }

    /// `--context` or its default: `--seq`, kept inside the window with room for the new token.
    func contextLength(for spec: ModelSpec) -> Int {
        if let context { return context }
        let s = sequenceLength(for: spec)
        guard seq == nil, let window = spec.contextWindow, s >= window else { return s }
        return max(0, window - 1)
    }

    /// The counted phase; the counter validates the sizes.
    func count(with counter: FlopCounter) throws -> PhaseResult {
        let spec = counter.spec
        let s = sequenceLength(for: spec)
        if phase != .generate { try checkWindow(s, spec, option: "--seq") }
        switch phase {
        case .prefill: return .single(try counter.prefill(batch: batch, seq: s, decoderSeq: decoderSeq))
        case .train: return .single(try counter.train(batch: batch, seq: s, decoderSeq: decoderSeq, recompute: recompute))
        case .decode:
            let p = contextLength(for: spec)
            try checkWindow(p + 1, spec, option: "--context")
            return .single(try counter.decode(batch: batch, context: p, encoderSeq: encoderSeq))
        case .generate:
            return .generation(try counter.generate(batch: batch, prompt: s, newTokens: newTokens, beams: beams,
                                                    beamPrefill: beamPrefill, allowBeyondContext: allowBeyondContext))
        }
    }

    private func checkWindow(_ length: Int, _ spec: ModelSpec, option: String) throws {
        guard let window = spec.contextWindow, length > window, !allowBeyondContext else { return }
        throw PhaseError(option: option, "\(length) positions exceed \(spec.name)'s context window of \(window); "
            + "pass --allow-beyond-context to count it anyway")
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
