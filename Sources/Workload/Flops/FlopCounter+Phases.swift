/// What is requested when the shape itself is invalid (zero sizes, decode without a decoder).
public struct PhaseError: Error, Sendable, CustomStringConvertible {
    /// The command-line option at fault, e.g. `--seq`.
    public var option: String
    public var message: String
    public init(option: String, _ message: String) { self.option = option; self.message = message }
    public var description: String { "\(option): \(message)" }
}

extension FlopCounter {
    /// A forward pass over `seq` tokens × `batch` sequences, logits at every position (what a
    /// plain Hugging Face forward computes). Encoder–decoder models: the encoder reads `seq`
    /// tokens and the decoder `decoderSeq` (default `seq`).
    public func prefill(batch: Int, seq: Int, decoderSeq: Int? = nil) throws -> FlopReport {
        try requirePositive(batch, "--batch"); try requirePositive(seq, "--seq")
        let call = spec.isEncoderDecoder
            ? ForwardPass(batch: batch, decoderQueries: decoderSeq ?? seq, encoderTokens: seq)
            : ForwardPass(batch: batch, decoderQueries: seq)
        if let decoderSeq { try requirePositive(decoderSeq, "--decoder-seq") }
        return try FlopReport(model: spec.name, convention: convention, phase: .prefill, batch: batch,
                              seq: seq, tokens: processedTokens(call), components: components(of: call),
                              notes: modelNotes)
    }

    /// One new token per sequence with `context` tokens already in the KV cache: every weight
    /// matmul for one position, attention over `context + 1` keys, logits for one position.
    /// Encoder–decoder: the decoder step only, cross-attending to `encoderSeq` cached positions.
    public func decode(batch: Int, context: Int, encoderSeq: Int? = nil) throws -> FlopReport {
        try requirePositive(batch, "--batch")
        guard context >= 0 else { throw PhaseError(option: "--context", "must be 0 or more, got \(context)") }
        if context > 0 { try requirePositive(context, "--context") }
        if let encoderSeq { try requirePositive(encoderSeq, "--encoder-seq") }
        guard spec.decoder != nil, spec.lmHead != nil else {
            throw PhaseError(option: "--phase", "\(spec.name) has no decoder with an LM head; it cannot decode")
        }
        let call = ForwardPass(batch: batch, decoderQueries: 1, decoderPast: context,
                               encoderTokens: encoderSeq ?? (spec.isEncoderDecoder ? context : 0),
                               runsEncoder: false, projectsCrossKeyValues: false)
        var report = try FlopReport(model: spec.name, convention: convention, phase: .decode, batch: batch,
                                    seq: context, tokens: processedTokens(call), components: components(of: call),
                                    notes: modelNotes)
        if let kv = spec.decoder?.attention, kv.kvHeads < kv.heads {
            report.notes.append("grouped-query attention (\(kv.heads) query heads, \(kv.kvHeads) KV heads): "
                + "the KV cache is \(kv.heads / kv.kvHeads)× smaller than with MHA, but every query head still "
                + "attends over all cached positions — attention FLOPs are unchanged")
        }
        return report
    }

    /// Sizes are positive and at most 2^40 (≈ 1.1 × 10^12), so sums and products of two sizes
    /// stay far inside `Int`; larger products are formed as `ExactCount`.
    func requirePositive(_ value: Int, _ option: String) throws {
        guard value > 0 else { throw PhaseError(option: option, "must be a positive integer, got \(value)") }
        guard value <= Self.maximumSize else {
            throw PhaseError(option: option, "\(value) is larger than the supported maximum of \(Self.maximumSize)")
        }
    }

    static let maximumSize = 1 << 40
}
