/// A model call: how many positions each stack processes and how many logits are computed.
public struct ForwardPass: Sendable, Equatable {
    public var batch: Int
    /// New positions per sequence for the decoder (or the only stack).
    public var decoderQueries: Int
    /// Cached positions per sequence before this call (0 for a prefill).
    public var decoderPast: Int
    /// Encoder positions per sequence: the encoder runs over them when `runsEncoder`, and the
    /// decoder's cross-attention reads them.
    public var encoderTokens: Int
    public var runsEncoder: Bool
    /// Whether this call projects the cross-attention K/V (the first decoder call) or reads them
    /// from the cache.
    public var projectsCrossKeyValues: Bool
    /// Positions per sequence whose logits the LM head computes (all of them in a plain forward;
    /// the last one in Hugging Face `generate`).
    public var logitsPerSequence: Int
    /// Rows of position ids (1 in a plain forward; the batch in `generate`), which sizes the
    /// rotary-frequency product.
    public var positionBatch: Int
    /// A decode step (one new token per sequence reading the cache): latent attention takes the
    /// form its decode convention names (`LatentAttentionDecode`); a prefill never does.
    public var decodeStep: Bool

    public init(batch: Int, decoderQueries: Int, decoderPast: Int = 0, encoderTokens: Int = 0,
                runsEncoder: Bool = true, projectsCrossKeyValues: Bool = true, logitsPerSequence: Int? = nil,
                positionBatch: Int = 1, decodeStep: Bool = false) {
        self.batch = batch; self.decoderQueries = decoderQueries; self.decoderPast = decoderPast
        self.encoderTokens = encoderTokens; self.runsEncoder = runsEncoder
        self.projectsCrossKeyValues = projectsCrossKeyValues
        self.logitsPerSequence = logitsPerSequence ?? decoderQueries
        self.positionBatch = positionBatch
        self.decodeStep = decodeStep
    }
}
