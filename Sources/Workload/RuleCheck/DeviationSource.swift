/// Why an exact count departs from `2·N` per token: each part of the model is charged the
/// difference between the FLOPs it really costs per token and the `2 × its parameters` the rule
/// charges it. The parts sum to `exact − 2·N` exactly.
public enum DeviationSource: String, Sendable, CaseIterable, Codable {
    /// Attention scores and attention·values (and rotary frequencies): FLOPs with no parameters,
    /// growing with context.
    case attentionProducts = "attention products"
    /// Token, position and segment tables: parameters that cost no matmul (a lookup).
    case embeddings = "embeddings counted in N"
    /// The vocabulary projection: a matmul of `d × V` per token, parameter-free when tied.
    case lmHead = "LM head / vocabulary"
    /// All experts are parameters; only the top-k run per token.
    case mixtureOfExperts = "MoE total vs active"
    /// Encoder weights run per encoder token and decoder weights per decoder token, not per
    /// token of the whole request; cross-attention K/V run per encoder token.
    case encoderDecoderSplit = "encoder–decoder split"
    /// A state-space mixer's scan and depthwise conv: FLOPs with no (or few) parameters, the
    /// scan's growing slowly with context (Mamba-2's chunks are padded to whole chunks).
    case stateSpaceScan = "state-space scan"
    /// Gated DeltaNet's delta rule and depthwise conv: FLOPs with few parameters, linear in the
    /// sequence (chunks of 64, padded), so per token they barely grow with context.
    case linearAttention = "linear-attention delta rule"
    /// Everything else: norms (parameters, no matmul), the pooler (once per sequence), OPT's projections.
    case other = "norms, pooler and other"

    /// Whether `spec` has the part this source names: the mixers' sources only where a stack
    /// has that mixer (every other model's breakdown is unchanged).
    func applies(to spec: ModelSpec) -> Bool {
        switch self {
        case .stateSpaceScan: spec.decoder?.stateSpace != nil
        case .linearAttention: spec.decoder?.linearAttention != nil
        default: true
        }
    }

    /// Which source a FLOP component or parameter component belongs to.
    static func of(flopComponent name: String) -> DeviationSource? {
        let base = name.split(separator: ".").last.map(String.init) ?? name
        switch base {
        case "attention_scores", "attention_values", "cross_attention_scores", "cross_attention_values",
             "rotary_frequencies", "softmax", "rotary_apply": return .attentionProducts
        case "lm_head", "lm_head_bias": return .lmHead
        case "experts", "router", "routing": return .mixtureOfExperts
        case "embedding_projection": return .embeddings
        case "ssm_scan", "ssm_conv1d", "ssm_elementwise": return .stateSpaceScan
        case "gdn_delta_rule", "gdn_conv1d", "gdn_elementwise": return .linearAttention
        default: return nil
        }
    }
}

/// The parts of `exact − 2·N` per token at one context.
public struct RuleDeviation: Sendable, Equatable {
    public var context: Int
    public var convention: Convention
    /// Exact forward FLOPs per token.
    public var exactPerToken: Double
    /// `2·N` per token with N the total parameters.
    public var rulePerToken: Double
    /// `exact − 2·N` per token, split by source; sums to `exactPerToken − rulePerToken`.
    public var bySource: [DeviationSource: Double]

    /// `exact / 2·N`.
    public var ratio: Double { exactPerToken / rulePerToken }

    /// The source with the largest share of the gap.
    public var dominantSource: DeviationSource {
        bySource.max { abs($0.value) < abs($1.value) }?.key ?? .other
    }
}
