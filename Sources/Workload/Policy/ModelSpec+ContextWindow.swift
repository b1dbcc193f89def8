extension ModelSpec {
    /// The one context-window check: `length` positions (given as `parameter`) fit the model's
    /// window, or the caller allows counting beyond it. Every command that takes a sequence,
    /// a context, a decoder sequence or a prompt plus new tokens asks here, so they refuse the
    /// same requests with the same words.
    public func checkContext(length: Int, parameter: InputParameter, allowBeyond: Bool) throws(PhaseError) {
        guard let window = contextWindow, length > window, !allowBeyond else { return }
        throw PhaseError(parameter, "\(length) positions exceed \(name)'s context window of \(window); "
            + "pass \(InputParameter.allowBeyondContext) to count it anyway")
    }

    /// A prompt of `prompt` tokens followed by `newTokens` generated ones (the decoder of an
    /// encoder–decoder model reads only the new tokens).
    public func checkGeneration(prompt: Int, newTokens: Int, allowBeyond: Bool) throws(PhaseError) {
        guard let window = contextWindow, !allowBeyond else { return }
        let decoderLength = isEncoderDecoder ? newTokens : prompt + newTokens
        guard decoderLength > window || prompt > window else { return }
        throw PhaseError(.newTokens, "prompt \(prompt) + \(newTokens) new tokens exceeds \(name)'s "
            + "context window of \(window); pass \(InputParameter.allowBeyondContext) to count it anyway")
    }

    /// Tokens per sequence when none is given: 2048, or the context window if smaller.
    public var defaultSequenceLength: Int { min(Self.defaultSequence, contextWindow ?? Self.defaultSequence) }

    /// A prompt that leaves room in the window for `newTokens` (decoder-only models), else the
    /// default sequence.
    public func defaultPromptLength(newTokens: Int) -> Int {
        let window = contextWindow ?? Self.defaultSequence
        if !isEncoderDecoder, newTokens > 0, newTokens < window { return min(Self.defaultSequence, window - newTokens) }
        return min(Self.defaultSequence, window)
    }

    /// Cached positions of a decode step when none is given: the default sequence, kept inside
    /// the window with room for the new token (and a speculative step's `draftTokens`) when the
    /// window is what limited it.
    public func defaultDecodeContext(sequence: Int?, draftTokens: Int = 0) -> Int {
        let s = sequence ?? defaultSequenceLength
        let fed = 1 + min(max(0, draftTokens), Limits.sequence.maximum)
        guard sequence == nil, let window = contextWindow, s > window - fed else { return s }
        return max(0, window - fed)
    }

    /// The sequence a figure is counted at when the user names none: the seeds' 2048.
    public static let defaultSequence = 2048
}
