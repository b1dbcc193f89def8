import Workload

/// Everything the cost model needs to know about a model, as plain values.
///
/// Build it from a `Workload.ModelSpec` (exact counts at a stated sequence length) or from a
/// bare parameter count with the seeds' rule (`2N` forward, `6N` training, no attention term).
public struct ModelFigures: Sendable, Equatable {
    public var name: String
    public var totalParameters: Int128
    /// Parameters one token touches (differs from the total for mixture-of-experts).
    public var activeParameters: Int128
    /// Sequence length the per-token figures were counted at (training seq, or prompt length).
    public var sequenceLength: Int
    /// Training *model* FLOPs per token at `sequenceLength`, exact: forward + backward
    /// (3 × forward), no recomputation — what model FLOP utilisation (MFU) is defined on.
    public var trainingFLOPsPerToken: FLOPsPerToken
    /// Training FLOPs the hardware executes per token: the model FLOPs plus any activation
    /// recomputation (equal to `trainingFLOPsPerToken` without it).
    public var hardwareTrainingFLOPsPerToken: FLOPsPerToken
    /// Activation recomputation counted in `hardwareTrainingFLOPsPerToken`: none, selective, full.
    public var recompute: String
    /// True for the seeds' rule (2·N, 6·N; no architecture), false for an exact count.
    public var isRule: Bool
    /// Prefill (forward over the prompt) FLOPs per token at `sequenceLength`, exact.
    public var prefillFLOPsPerToken: FLOPsPerToken
    /// FLOPs of one decode step per sequence with `sequenceLength` tokens cached.
    public var decodeFLOPsPerToken: Int128
    /// How much one more cached position adds to a decode step (attention over the cache);
    /// decode FLOPs are linear in the context: `decode(c) = decode(seq) + slope · (c − seq)`.
    public var decodeFLOPsPerCachedToken: Int128
    /// Bytes of all weights in the serving format.
    public var weightBytes: Int128
    /// How a step reads them: the dense parts every step, routed experts by the share its tokens
    /// touch (uniform routing assumed); every weight every step for the rule.
    public var weightTraffic: WeightTraffic
    /// The weights' storage, as `memory` titles it (`bf16`, `checkpoint: linear layers fp8 …`).
    public var weightStorage: String
    /// KV-cache bytes per cached position per sequence.
    public var kvCacheBytesPerToken: Int128
    /// Counting convention and anything else a reader must know (every phase); typed, as a note
    /// may name an input the front end spells (the `convention` parameter).
    public var notes: [InputMessage]
    /// What only the training figures need said (3 × forward, recomputation).
    public var trainingNotes: [InputMessage]
    /// Whether the model generates tokens (a decoder with an LM head). An encoder-only model
    /// (BERT) encodes but generates nothing, so it has training and encoding costs and no serving
    /// cost per generated token; `InferenceCost` refuses it rather than price a decode it cannot run.
    public var generates = true

    public init(name: String, totalParameters: Int128, activeParameters: Int128, sequenceLength: Int,
                trainingFLOPsPerToken: FLOPsPerToken, prefillFLOPsPerToken: FLOPsPerToken,
                decodeFLOPsPerToken: Int128, decodeFLOPsPerCachedToken: Int128 = 0,
                weightBytes: Int128, kvCacheBytesPerToken: Int128, weightTraffic: WeightTraffic? = nil,
                weightStorage: String = "bf16", notes: [InputMessage] = [],
                hardwareTrainingFLOPsPerToken: FLOPsPerToken? = nil, recompute: String = "none", isRule: Bool = false,
                trainingNotes: [InputMessage] = []) {
        self.name = name; self.totalParameters = totalParameters; self.activeParameters = activeParameters
        self.sequenceLength = sequenceLength; self.trainingFLOPsPerToken = trainingFLOPsPerToken
        self.prefillFLOPsPerToken = prefillFLOPsPerToken; self.decodeFLOPsPerToken = decodeFLOPsPerToken
        self.decodeFLOPsPerCachedToken = decodeFLOPsPerCachedToken; self.weightBytes = weightBytes
        self.weightTraffic = weightTraffic ?? .dense(weightBytes); self.weightStorage = weightStorage
        self.kvCacheBytesPerToken = kvCacheBytesPerToken; self.notes = notes
        self.hardwareTrainingFLOPsPerToken = hardwareTrainingFLOPsPerToken ?? trainingFLOPsPerToken
        self.recompute = recompute; self.isRule = isRule; self.trainingNotes = trainingNotes
    }

    /// The seeds' view of a model: `N` parameters, `2N` per forward token, `6N` per training
    /// token, no attention and no KV cache; weights at `bytesPerParameter` (2 for bf16).
    public static func rule(name: String, parameters: Int128, bytesPerParameter: Int128 = 2) -> ModelFigures {
        ModelFigures(
            name: name, totalParameters: parameters, activeParameters: parameters, sequenceLength: 1,
            trainingFLOPsPerToken: FLOPsPerToken(perToken: 6 * parameters),
            prefillFLOPsPerToken: FLOPsPerToken(perToken: 2 * parameters), decodeFLOPsPerToken: 2 * parameters,
            weightBytes: bytesPerParameter * parameters, kvCacheBytesPerToken: 0, weightStorage: "\(bytesPerParameter) bytes per parameter",
            notes: ["rule convention: 2·N per forward token, 6·N per training token (no attention term, no KV cache)"],
            isRule: true)
    }

    /// Decode FLOPs of one step of one sequence with `context` positions cached.
    public func decodeFLOPs(context: Int) -> Int128 {
        decodeFLOPsPerToken + decodeFLOPsPerCachedToken * Int128(context - sequenceLength)
    }
}
