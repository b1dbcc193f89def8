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

    public init(batch: Int, decoderQueries: Int, decoderPast: Int = 0, encoderTokens: Int = 0,
                runsEncoder: Bool = true, projectsCrossKeyValues: Bool = true, logitsPerSequence: Int? = nil) {
        self.batch = batch; self.decoderQueries = decoderQueries; self.decoderPast = decoderPast
        self.encoderTokens = encoderTokens; self.runsEncoder = runsEncoder
        self.projectsCrossKeyValues = projectsCrossKeyValues
        self.logitsPerSequence = logitsPerSequence ?? decoderQueries
    }
}

extension ModelSpec {
    /// Component FLOPs of one call under `matmul`, `causal` or `full`.
    func forwardComponents(_ call: ForwardPass, _ convention: Convention) -> [FlopComponent] {
        let d = hiddenSize, B = call.batch
        var out: [FlopComponent] = []
        for (role, stack) in stacks {
            let prefix = isEncoderDecoder ? "\(role.rawValue)." : ""
            let pass: StackPass
            if role == .encoder && decoder != nil {
                guard call.runsEncoder else { continue }
                pass = StackPass(batch: B, queries: call.encoderTokens)
            } else if role == .encoder {
                pass = StackPass(batch: B, queries: call.decoderQueries, past: call.decoderPast)
            } else {
                pass = StackPass(batch: B, queries: call.decoderQueries, past: call.decoderPast,
                                 crossKeys: isEncoderDecoder ? call.encoderTokens : nil,
                                 projectsCrossKeyValues: call.projectsCrossKeyValues)
            }
            out += pass.matmulComponents(stack, width: d, convention: convention, prefix: prefix)
            if convention == .full { out += pass.elementwiseComponents(stack, width: d, prefix: prefix) }
        }
        out += headComponents(call, convention)
        return out
    }

    /// OPT's embedding projections, the pooler and the LM head.
    private func headComponents(_ call: ForwardPass, _ convention: Convention) -> [FlopComponent] {
        let d = hiddenSize, B = call.batch, V = vocabularySize
        let outputTokens = ExactCount.product(B, call.decoderQueries)
        var out: [FlopComponent] = []
        if let e = embeddingProjectionSize {
            out.append(.init(name: "embedding_projection", flops: 2 * 2 * outputTokens * ExactCount.product(e, d),
                             formula: "2 · tokens · (\(e)×\(d) in + \(d)×\(e) out)"))
        }
        if pooler {
            out.append(.init(name: "pooler", flops: 2 * ExactCount.product(B, d, d), formula: "2 · \(B) first tokens · \(d)×\(d)"))
            if convention == .full {
                out.append(.init(name: "pooler_elementwise", flops: ExactCount.product(B, d, 2), formula: "bias add + tanh per element"))
            }
        }
        if let head = lmHead {
            let e = embeddingProjectionSize ?? d
            let logits = ExactCount.product(B, call.logitsPerSequence)
            out.append(.init(name: "lm_head", flops: 2 * logits * ExactCount.product(e, V),
                             formula: "2 · \(B)×\(call.logitsPerSequence) positions · \(e)×\(V)"))
            if convention == .full && head.bias {
                out.append(.init(name: "lm_head_bias", flops: logits * ExactCount(V), formula: "bias add per logit"))
            }
        }
        return out
    }
}
