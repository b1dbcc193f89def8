extension FlopCounter {
    /// A forward pass over `seq` tokens × `batch` sequences, logits at every position (what a
    /// plain Hugging Face forward computes). Encoder–decoder models: the encoder reads `seq`
    /// tokens and the decoder `decoderSeq` (default `seq`).
    public func prefill(batch: Int, seq: Int, decoderSeq: Int? = nil) throws -> FlopReport {
        try requirePositive(batch, .batch, Limits.batch); try requirePositive(seq, .sequenceLength)
        let call = spec.isEncoderDecoder
            ? ForwardPass(batch: batch, decoderQueries: decoderSeq ?? seq, encoderTokens: seq)
            : ForwardPass(batch: batch, decoderQueries: seq)
        if let decoderSeq { try requirePositive(decoderSeq, .decoderSequenceLength) }
        return try FlopReport(model: spec.name, convention: convention, phase: .prefill, batch: batch,
                              seq: seq, tokens: processedTokens(call), components: components(of: call),
                              notes: modelNotes)
    }

    /// One new token per sequence with `context` tokens already in the KV cache: every weight
    /// matmul for one position, attention over `context + 1` keys, logits for one position.
    /// Encoder–decoder: the decoder step only, cross-attending to `encoderSeq` cached positions.
    ///
    /// `draftTokens` > 0 is a speculative step (multi-token prediction, draft models): each
    /// sequence feeds its next token and `draftTokens` drafted ones, the i-th attending over
    /// `context + i` keys, with logits at every one so all drafts are verified in one call.
    public func decode(batch: Int, context: Int, encoderSeq: Int? = nil, draftTokens: Int = 0) throws -> FlopReport {
        try requirePositive(batch, .batch, Limits.batch)
        guard context >= 0 else { throw PhaseError(.context, "must be 0 or more, got \(context)") }
        if context > 0 { try requirePositive(context, .context) }
        if let encoderSeq { try requirePositive(encoderSeq, .encoderSequenceLength) }
        guard draftTokens >= 0 else { throw PhaseError(.draftTokens, "must be 0 or more, got \(draftTokens)") }
        if draftTokens > 0 {
            try requirePositive(draftTokens, .draftTokens)
            // transformers' cached state-space and linear-attention paths advance the state one
            // token per call: verifying drafts through them is not a step it runs.
            if spec.stacks.contains(where: { $0.stack.stateSpace != nil || $0.stack.linearAttention != nil }) {
                throw PhaseError(.draftTokens, "\(spec.name) has recurrent (state-space or linear-attention) layers, whose cached step takes one token per sequence; a speculative step over them is not modelled")
            }
        }
        guard spec.decoder != nil, spec.lmHead != nil else {
            throw PhaseError(.phase, "\(spec.name) has no decoder with an LM head; it cannot decode")
        }
        let call = ForwardPass(batch: batch, decoderQueries: 1 + draftTokens, decoderPast: context,
                               encoderTokens: encoderSeq ?? (spec.isEncoderDecoder ? context : 0),
                               runsEncoder: false, projectsCrossKeyValues: false, decodeStep: true)
        var report = try FlopReport(model: spec.name, convention: convention, phase: .decode, batch: batch,
                                    seq: context, tokens: processedTokens(call), components: components(of: call),
                                    notes: modelNotes)
        if let note = try otherLatentDecodeNote(call, total: report.total) { report.notes.append(note) }
        if let kv = spec.decoder?.attention, kv.kvHeads < kv.heads, kv.latent == nil {
            report.notes.append("grouped-query attention (\(kv.heads) query heads, \(kv.kvHeads) KV heads): "
                + "the KV cache is \(kv.heads / kv.kvHeads)× smaller than with MHA, but every query head still "
                + "attends over all cached positions — attention FLOPs are unchanged")
        }
        return report
    }

    /// Sizes are positive and within their bound in `Limits` (positions: `Limits.sequence`), so
    /// sums and products of two sizes stay inside `Int`; larger products are formed as `ExactCount`.
    func requirePositive(_ value: Int, _ parameter: InputParameter, _ bound: Limits.Bound<Int> = Limits.sequence) throws {
        guard value > 0 else { throw PhaseError(parameter, "must be a positive integer, got \(value)") }
        guard value <= bound.maximum else {
            throw PhaseError(parameter, "\(value) is larger than the supported maximum of \(bound.written) (\(bound.reason))")
        }
    }
}
