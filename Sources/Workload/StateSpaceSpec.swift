/// A selective state-space mixer (Mamba, Gu & Dao 2023; Mamba-2, Dao & Gu 2024) in place of
/// attention, in transformers' names (`MambaMixer`, `FalconMambaMixer`, `Mamba2Mixer`):
///
/// - Mamba: `in_proj` d→2·`innerSize` (x and the gate z), a depthwise causal `conv1d` of
///   `convKernel` over x, `x_proj` `innerSize`→`timeStepRank`+2·`stateSize` (dt, B, C), `dt_proj`
///   `timeStepRank`→`innerSize` (+ bias), the selective scan with `A_log` (`innerSize`×`stateSize`)
///   and the `D` skip, the gate, `out_proj` `innerSize`→d.
/// - Mamba-2: `in_proj` d→(z `innerSize`, x `innerSize`, B and C `groups`·`stateSize` each, dt
///   `heads`), the conv over x, B and C, the chunked SSD scan (`chunkSize`) with per-head `A_log`,
///   `D` and `dt_bias`, a gated RMSNorm over `innerSize`, `out_proj`.
///
/// A state-space layer has no FFN of its own and one norm; what it caches for decoding is a fixed
/// conv window and SSM state per sequence that never grows with the context.
public struct StateSpaceSpec: Codable, Sendable, Equatable {
    public enum Variant: String, Codable, Sendable { case mamba, mamba2 }
    public var variant: Variant
    /// `intermediate_size` (Mamba) or `expand × hidden_size`: the width the scan runs over.
    public var innerSize: Int
    /// `state_size` (`d_state`).
    public var stateSize: Int
    /// `conv_kernel` (`d_conv`).
    public var convKernel: Int
    /// Mamba's `time_step_rank` (dt's low-rank width); nil for Mamba-2 (dt comes from `in_proj`).
    public var timeStepRank: Int?
    /// Mamba-2's `num_heads` (`innerSize / head_dim`); nil for Mamba.
    public var heads: Int?
    /// Mamba-2's `n_groups`: B and C are shared by `heads / groups` heads.
    public var groups: Int?
    /// Mamba-2's `chunk_size`: the SSD scan pads the sequence to a multiple of it.
    public var chunkSize: Int?
    /// `use_bias`: bias on `in_proj` and `out_proj`.
    public var bias: Bool
    /// `use_conv_bias`.
    public var convBias: Bool
    /// Jamba's RMSNorms on dt, B and C (`dt_layernorm`, `b_layernorm`, `c_layernorm`), with
    /// weights: `timeStepRank + 2·stateSize` parameters per layer. (Falcon-Mamba's are weightless.)
    public var innerNorms: Bool
    /// Mamba-2's gated RMSNorm over `innerSize` (weights, `innerSize` per layer) before `out_proj`;
    /// false: the gate alone, `y · silu(z)`, element-wise (Falcon-H1 without `mamba_rms_norm`).
    public var gatedNorm: Bool
    /// Bias on `out_proj` when it differs from `bias` (Falcon-H1's `projectors_bias` beside
    /// `mamba_proj_bias` on `in_proj`); nil: `bias`.
    public var outputBias: Bool?

    public init(variant: Variant, innerSize: Int, stateSize: Int, convKernel: Int, timeStepRank: Int? = nil,
                heads: Int? = nil, groups: Int? = nil, chunkSize: Int? = nil, bias: Bool = false, convBias: Bool = true,
                innerNorms: Bool = false, gatedNorm: Bool = true, outputBias: Bool? = nil) {
        self.innerNorms = innerNorms; self.gatedNorm = gatedNorm; self.outputBias = outputBias
        self.variant = variant; self.innerSize = innerSize; self.stateSize = stateSize; self.convKernel = convKernel
        self.timeStepRank = timeStepRank; self.heads = heads; self.groups = groups; self.chunkSize = chunkSize
        self.bias = bias; self.convBias = convBias
    }

    enum CodingKeys: String, CodingKey {
        case variant, innerSize, stateSize, convKernel, timeStepRank, heads, groups, chunkSize, bias, convBias, innerNorms
        case gatedNorm, outputBias
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        variant = try c.decode(Variant.self, forKey: .variant)
        innerSize = try c.decode(Int.self, forKey: .innerSize)
        stateSize = try c.decode(Int.self, forKey: .stateSize)
        convKernel = try c.decodeIfPresent(Int.self, forKey: .convKernel) ?? 4
        timeStepRank = try c.decodeIfPresent(Int.self, forKey: .timeStepRank)
        heads = try c.decodeIfPresent(Int.self, forKey: .heads)
        groups = try c.decodeIfPresent(Int.self, forKey: .groups)
        chunkSize = try c.decodeIfPresent(Int.self, forKey: .chunkSize)
        bias = try c.decodeIfPresent(Bool.self, forKey: .bias) ?? false
        convBias = try c.decodeIfPresent(Bool.self, forKey: .convBias) ?? true
        innerNorms = try c.decodeIfPresent(Bool.self, forKey: .innerNorms) ?? false
        gatedNorm = try c.decodeIfPresent(Bool.self, forKey: .gatedNorm) ?? true
        outputBias = try c.decodeIfPresent(Bool.self, forKey: .outputBias)
    }

    /// Whether `out_proj` has a bias.
    public var hasOutputBias: Bool { outputBias ?? bias }

    /// Whether the mixer ends in Mamba-2's gated RMSNorm (with its `innerSize` weights).
    public var hasGatedNorm: Bool { variant == .mamba2 && gatedNorm }

    /// Mamba-2's head width, `innerSize / heads`.
    public var headDim: Int { innerSize / max(1, heads ?? 1) }

    /// Channels the depthwise conv runs over: x (Mamba), or x, B and C (Mamba-2).
    public var convChannels: Int {
        variant == .mamba ? innerSize : innerSize + 2 * (groups ?? 1) * stateSize
    }

    /// Outputs of `in_proj`: x and z (Mamba); z, x, B, C and dt (Mamba-2).
    public var inProjectionWidth: Int {
        variant == .mamba ? 2 * innerSize : innerSize + convChannels + (heads ?? 0)
    }

    /// Elements one layer caches per sequence, whatever the context: the conv window (transformers
    /// and mamba_ssm keep `convKernel` columns per channel) and the SSM state (`innerSize × stateSize`:
    /// Mamba's per channel, Mamba-2's `heads × head_dim × stateSize`).
    public var cachedElements: Int { convChannels * convKernel + innerSize * stateSize }

    public var convElements: Int { convChannels * convKernel }
}

/// A hybrid of attention and a mixer: how its layers combine the stack's attention, its mixer
/// (`stateSpace`, or Gated DeltaNet's `linearAttention`) and its FFN (or experts). Which layers
/// are which changes no count, so only how many of each kind.
///
/// - `sequential` (Jamba, Bamba; Qwen3-Next, the only layout of a Gated DeltaNet mixer): each layer runs attention (`attentionLayers` of them) or the
///   mixer, then the FFN or, on the stack's MoE layers, the experts (`attentionLayersWithExperts`
///   of the attention layers hold experts); two norms, two residual adds.
/// - `single` (Nemotron-H): each layer is ONE block after one norm and before one residual add:
///   attention (`attentionLayers`), the FFN alone (`feedForwardLayers`), the experts alone (the
///   stack's MoE layers), or the mixer (the rest).
/// - `parallel` (Falcon-H1): every layer runs attention and the mixer side by side on one norm and
///   adds both to the residual, then the FFN after a second norm (`attentionLayers` is every layer).
public struct HybridLayout: Codable, Sendable, Equatable {
    public enum Blocks: String, Codable, Sendable, CaseIterable {
        case sequential, single, parallel
    }

    public var blocks: Blocks
    public var attentionLayers: Int
    public var attentionLayersWithExperts: Int
    /// `single`: layers that are only the dense FFN (Nemotron-H's `-`).
    public var feedForwardLayers: Int
    /// Falcon-H1's µP multipliers: scalars on the embeddings, each branch's input and output, the
    /// keys, Mamba's `in_proj` output (a per-channel vector, a buffer), the FFN's gate and output
    /// and the logits — element-wise work, counted only by the `full` convention.
    public var multipliers: Bool

    public init(attentionLayers: Int, attentionLayersWithExperts: Int = 0, blocks: Blocks = .sequential,
                feedForwardLayers: Int = 0, multipliers: Bool = false) {
        self.attentionLayers = attentionLayers; self.attentionLayersWithExperts = attentionLayersWithExperts
        self.blocks = blocks; self.feedForwardLayers = feedForwardLayers; self.multipliers = multipliers
    }

    enum CodingKeys: String, CodingKey { case blocks, attentionLayers, attentionLayersWithExperts, feedForwardLayers, multipliers }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        blocks = try c.decodeIfPresent(Blocks.self, forKey: .blocks) ?? .sequential
        attentionLayers = try c.decode(Int.self, forKey: .attentionLayers)
        attentionLayersWithExperts = try c.decodeIfPresent(Int.self, forKey: .attentionLayersWithExperts) ?? 0
        feedForwardLayers = try c.decodeIfPresent(Int.self, forKey: .feedForwardLayers) ?? 0
        multipliers = try c.decodeIfPresent(Bool.self, forKey: .multipliers) ?? false
    }
}

extension StackSpec {
    /// Layers that run the mixer (Mamba, Mamba-2 or Gated DeltaNet) in place of attention: all of
    /// a pure mixer stack; a hybrid's layers other than its attention (and, `single`, its FFN-only
    /// and expert-only) layers; every layer of a `parallel` hybrid.
    public var mixerLayerCount: Int {
        guard stateSpace != nil || linearAttention != nil else { return 0 }
        guard let h = hybrid else { return layers }
        switch h.blocks {
        case .sequential: return layers - h.attentionLayers
        case .single: return layers - h.attentionLayers - h.feedForwardLayers - (moe.map { $0.sparseLayers(of: layers) } ?? 0)
        case .parallel: return layers
        }
    }

    /// Layers that run the state-space mixer (none in a Gated DeltaNet stack).
    public var stateSpaceLayers: Int { stateSpace == nil ? 0 : mixerLayerCount }

    /// Layers that run the stack's softmax attention: all of a plain stack, none of a pure mixer
    /// one, a hybrid's attention layers.
    public var attentionLayerCount: Int {
        stateSpace != nil || linearAttention != nil ? hybrid?.attentionLayers ?? 0 : layers
    }

    /// Layers whose FFN is the dense `ffn` (none in a pure state-space stack; a single-block
    /// hybrid's FFN-only layers).
    public var denseFeedForwardLayers: Int {
        let sparse = moe.map { $0.sparseLayers(of: layers) } ?? 0
        guard stateSpace != nil else { return layers - sparse }
        guard let h = hybrid else { return 0 }
        return h.blocks == .single ? h.feedForwardLayers : layers - sparse
    }

    /// Norms per token over the stack's layers (not the final norm): one in a state-space or a
    /// single-block layer, the block's own count otherwise.
    public var layerNormsPerToken: Int {
        guard stateSpace != nil, let h = hybrid else { return stateSpace == nil ? layers * normsPerLayer : layers }
        return h.blocks == .single ? layers : layers * normsPerLayer
    }
}
