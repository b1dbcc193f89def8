import Foundation

/// A transformer architecture, as much of it as decides parameter counts, FLOPs and memory.
///
/// The same value comes from one of our YAML spec files (`ModelSpecs/*.yaml`) or from a Hugging
/// Face `config.json` (see `HuggingFaceConfig`). Every stack (encoder, decoder) describes its own
/// layers; the token embedding and the LM head are shared by the whole model.
public struct ModelSpec: Codable, Sendable, Equatable {
    /// Catalog name or file-derived name (`llama-2-7b`).
    public var name: String
    /// Where the figures come from (a URL, a paper table); printed beside the counts.
    public var source: String?
    /// Hugging Face `model_type` this spec corresponds to, when there is one.
    public var family: String?
    public var vocabularySize: Int
    /// Residual-stream width (`d_model`, `hidden_size`).
    public var hiddenSize: Int
    /// Context window the model was trained for (`max_position_embeddings`), if stated.
    public var contextWindow: Int?
    /// OPT-350m's `word_embed_proj_dim`: embeddings live in a narrower space and are projected
    /// in and out of the residual stream (two bias-free linear maps).
    public var embeddingProjectionSize: Int?
    /// The encoder stack of an encoder–decoder or encoder-only (BERT) model.
    public var encoder: StackSpec?
    /// The decoder stack of a decoder-only or encoder–decoder model.
    public var decoder: StackSpec?
    /// The vocabulary projection; `nil` for a bare encoder (BERT's base model).
    public var lmHead: LMHeadSpec?
    /// BERT's pooler: a dense `d×d` layer with bias on the first token.
    public var pooler: Bool
    /// DeepSeek's multi-token-prediction modules (`num_nextn_predict_layers`): the checkpoint holds
    /// them, transformers never builds them, so they are reported beside the count, never in it.
    public var predictionModules: Int?
    /// How the checkpoint stores the weights where one dtype does not say it (gpt-oss's MXFP4
    /// experts); nil: at the weight dtype asked for (bf16 by default). Memory only.
    public var checkpointPrecision: CheckpointPrecision?

    public init(
        name: String, source: String? = nil, family: String? = nil, vocabularySize: Int,
        hiddenSize: Int, contextWindow: Int? = nil, embeddingProjectionSize: Int? = nil,
        encoder: StackSpec? = nil, decoder: StackSpec? = nil, lmHead: LMHeadSpec? = nil,
        pooler: Bool = false, predictionModules: Int? = nil, checkpointPrecision: CheckpointPrecision? = nil
    ) {
        self.name = name; self.source = source; self.family = family
        self.vocabularySize = vocabularySize; self.hiddenSize = hiddenSize
        self.contextWindow = contextWindow; self.embeddingProjectionSize = embeddingProjectionSize
        self.encoder = encoder; self.decoder = decoder; self.lmHead = lmHead; self.pooler = pooler
        self.predictionModules = predictionModules; self.checkpointPrecision = checkpointPrecision
    }

    enum CodingKeys: String, CodingKey {
        case name, source, family, vocabularySize, hiddenSize, contextWindow
        case embeddingProjectionSize, encoder, decoder, lmHead, pooler, predictionModules, checkpointPrecision
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? "model"
        source = try c.decodeIfPresent(String.self, forKey: .source)
        family = try c.decodeIfPresent(String.self, forKey: .family)
        vocabularySize = try c.decode(Int.self, forKey: .vocabularySize)
        hiddenSize = try c.decode(Int.self, forKey: .hiddenSize)
        contextWindow = try c.decodeIfPresent(Int.self, forKey: .contextWindow)
        embeddingProjectionSize = try c.decodeIfPresent(Int.self, forKey: .embeddingProjectionSize)
        encoder = try c.decodeIfPresent(StackSpec.self, forKey: .encoder)
        self.decoder = try c.decodeIfPresent(StackSpec.self, forKey: .decoder)
        lmHead = try c.decodeIfPresent(LMHeadSpec.self, forKey: .lmHead)
        pooler = try c.decodeIfPresent(Bool.self, forKey: .pooler) ?? false
        predictionModules = try c.decodeIfPresent(Int.self, forKey: .predictionModules)
        checkpointPrecision = try c.decodeIfPresent(CheckpointPrecision.self, forKey: .checkpointPrecision)
    }

    /// True when both an encoder and a decoder are present (T5, BART).
    public var isEncoderDecoder: Bool { encoder != nil && decoder != nil }

    /// The stacks in the order a forward pass runs them, each tagged with its role.
    public var stacks: [(role: StackRole, stack: StackSpec)] {
        var result: [(StackRole, StackSpec)] = []
        if let encoder { result.append((.encoder, encoder)) }
        if let decoder { result.append((.decoder, decoder)) }
        return result
    }
}

/// Which stack of the model a figure belongs to.
public enum StackRole: String, Codable, Sendable, CaseIterable {
    case encoder, decoder
}

/// One stack of identical transformer layers and the embeddings that feed it.
public struct StackSpec: Codable, Sendable, Equatable {
    public var layers: Int
    public var attention: AttentionSpec
    /// Decoder layers of encoder–decoder models attend to the encoder output as well; the
    /// cross-attention has the same shape as the self-attention unless given separately.
    public var crossAttention: AttentionSpec?
    public var ffn: FFNSpec
    /// Mixture-of-experts replaces the FFN when present (`ffn` then describes one expert).
    public var moe: MoESpec?
    public var norm: NormSpec
    /// How attention and FFN are composed in a layer.
    public var block: BlockLayout
    /// A norm after the last layer (`ln_f`, `norm`, `final_layer_norm`).
    public var finalNorm: Bool
    /// How positions enter the stack.
    public var positions: PositionEncoding
    /// BERT's segment embeddings (`type_vocab_size`); 0 when absent.
    public var tokenTypes: Int
    /// A norm applied to the embeddings before the first layer (BERT, BART).
    public var embeddingNorm: Bool
    /// Whether self-attention is causal (decoders) or bidirectional (encoders).
    public var causal: Bool
    /// Mistral-style sliding-window attention: each position attends to at most this many.
    public var slidingWindow: Int?
    /// How many layers use the window (Qwen2: those from `max_window_layers` on; Gemma 2: every
    /// other one); nil means all. Layers are alike in size, so which ones does not change a count.
    public var slidingWindowLayers: Int?
    /// Llama 4's chunked local attention: a `chunked` layer's query reads only the positions of
    /// its own chunk of this many (from the chunk's start up to itself).
    public var attentionChunkSize: Int?
    /// The kinds of layers 0, 1, … when they differ by more than counts say (Llama 4: chunked
    /// RoPE and global NoPE attention, dense and expert FFNs interleaved), repeated cyclically
    /// to cover `layers`; nil: kinds follow from `slidingWindowLayers` and `moe.denseLayers`.
    public var layerPattern: [LayerKind]?
    /// A state-space mixer (Mamba, Mamba-2) in place of attention and FFN in every layer: each
    /// layer is then one norm, the mixer and one residual add; `attention` and `ffn` are not run.
    public var stateSpace: StateSpaceSpec?
    /// With `stateSpace`: some layers run attention instead and every layer has an FFN (Jamba).
    /// With `linearAttention`: the layers that run the stack's softmax attention (Qwen3-Next).
    public var hybrid: HybridLayout?
    /// Gated DeltaNet linear attention (Qwen3-Next) in place of softmax attention in every layer
    /// but the `hybrid` layout's attention layers; each layer keeps its FFN (or experts) and two norms.
    public var linearAttention: LinearAttentionSpec?

    public init(
        layers: Int, attention: AttentionSpec, crossAttention: AttentionSpec? = nil, ffn: FFNSpec,
        moe: MoESpec? = nil, norm: NormSpec, block: BlockLayout = .sequential, finalNorm: Bool = true,
        positions: PositionEncoding = .none, tokenTypes: Int = 0, embeddingNorm: Bool = false,
        causal: Bool = true, slidingWindow: Int? = nil, slidingWindowLayers: Int? = nil,
        attentionChunkSize: Int? = nil, layerPattern: [LayerKind]? = nil, stateSpace: StateSpaceSpec? = nil,
        hybrid: HybridLayout? = nil, linearAttention: LinearAttentionSpec? = nil
    ) {
        self.stateSpace = stateSpace; self.hybrid = hybrid; self.linearAttention = linearAttention
        self.layers = layers; self.attention = attention; self.crossAttention = crossAttention
        self.ffn = ffn; self.moe = moe; self.norm = norm; self.block = block
        self.finalNorm = finalNorm; self.positions = positions; self.tokenTypes = tokenTypes
        self.embeddingNorm = embeddingNorm; self.causal = causal; self.slidingWindow = slidingWindow
        self.slidingWindowLayers = slidingWindowLayers
        self.attentionChunkSize = attentionChunkSize; self.layerPattern = layerPattern
    }

    enum CodingKeys: String, CodingKey {
        case layers, attention, crossAttention, ffn, moe, norm, block, finalNorm, positions
        case tokenTypes, embeddingNorm, causal, slidingWindow, slidingWindowLayers, attentionChunkSize, layerPattern, stateSpace, hybrid
        case linearAttention
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        layers = try c.decode(Int.self, forKey: .layers)
        stateSpace = try c.decodeIfPresent(StateSpaceSpec.self, forKey: .stateSpace)
        hybrid = try c.decodeIfPresent(HybridLayout.self, forKey: .hybrid)
        linearAttention = try c.decodeIfPresent(LinearAttentionSpec.self, forKey: .linearAttention)
        // A pure state-space stack runs neither attention nor an FFN: neither need be written.
        let placeholder = (hybrid == nil ? stateSpace : nil).map { StackSpec.stateSpacePlaceholders(innerSize: $0.innerSize) }
        attention = try placeholder.map { p in try c.decodeIfPresent(AttentionSpec.self, forKey: .attention) ?? p.attention }
            ?? c.decode(AttentionSpec.self, forKey: .attention)
        crossAttention = try c.decodeIfPresent(AttentionSpec.self, forKey: .crossAttention)
        ffn = try placeholder.map { p in try c.decodeIfPresent(FFNSpec.self, forKey: .ffn) ?? p.ffn }
            ?? c.decode(FFNSpec.self, forKey: .ffn)
        moe = try c.decodeIfPresent(MoESpec.self, forKey: .moe)
        norm = try c.decode(NormSpec.self, forKey: .norm)
        block = try c.decodeIfPresent(BlockLayout.self, forKey: .block) ?? .sequential
        finalNorm = try c.decodeIfPresent(Bool.self, forKey: .finalNorm) ?? true
        positions = try c.decodeIfPresent(PositionEncoding.self, forKey: .positions) ?? .none
        tokenTypes = try c.decodeIfPresent(Int.self, forKey: .tokenTypes) ?? 0
        embeddingNorm = try c.decodeIfPresent(Bool.self, forKey: .embeddingNorm) ?? false
        causal = try c.decodeIfPresent(Bool.self, forKey: .causal) ?? true
        slidingWindow = try c.decodeIfPresent(Int.self, forKey: .slidingWindow)
        slidingWindowLayers = try c.decodeIfPresent(Int.self, forKey: .slidingWindowLayers)
        attentionChunkSize = try c.decodeIfPresent(Int.self, forKey: .attentionChunkSize)
        layerPattern = try c.decodeIfPresent([LayerKind].self, forKey: .layerPattern)
    }

    /// Layers attending through the sliding window (0 without one).
    public var windowedLayers: Int {
        if layerPattern != nil { return layers(reaching: .sliding) }
        return slidingWindow == nil ? 0 : min(layers, slidingWindowLayers ?? layers)
    }
}

/// Multi-head, grouped-query or multi-query attention.
public struct AttentionSpec: Codable, Sendable, Equatable {
    /// Query heads.
    public var heads: Int
    /// Key/value heads: `heads` for MHA, 1 for MQA, in between for GQA.
    public var kvHeads: Int
    /// Width of one head; `hiddenSize / heads` unless the model says otherwise (Gemma: 256).
    public var headDim: Int
    /// Bias on the q, k, v projections (GPT-2, Qwen2, BERT, OPT, Phi, NeoX).
    public var qkvBias: Bool
    /// Bias on the output projection.
    public var outputBias: Bool
    /// T5's learned relative-position bias: `buckets × heads`, in the first layer of a stack only.
    public var relativeBiasBuckets: Int?
    /// Norms on the queries and keys (the stack's norm kind): Phi's `qk_layernorm` and Qwen3's
    /// `q_norm`/`k_norm` normalise each head (`perHead`), OLMo2's the whole projection.
    public var qkNorm: QKNorm?
    /// DeepSeek's multi-head latent attention in place of q/k/v projections; then `headDim` is
    /// the query/key head (`qk_nope + qk_rope`), `kvHeads` equals `heads`, `qkvBias` puts a bias
    /// on `q_a_proj` and `kv_a_proj_with_mqa`, `outputBias` on `o_proj`.
    public var latent: LatentAttentionSpec?
    /// gpt-oss's attention sinks: one learned logit per head (`sinks`, `heads` parameters per
    /// layer) joins each query's softmax and is dropped after it, so a query can attend to
    /// nothing. Element-wise only: no GEMM, no cached state.
    public var sinks: Bool
    /// Llama 4's attention temperature tuning (`attn_temperature_tuning`): on layers without
    /// rotary, each query is scaled by `1 + attn_scale·log1p(⌊(position+1)/floor_scale⌋)` —
    /// element-wise work, no parameters.
    public var queryTemperature: Bool
    /// Qwen3-Next's gated attention: `q_proj` also produces one gate per query element (twice the
    /// query width), and the attention output is multiplied by its sigmoid before `o_proj`.
    public var outputGate: Bool

    public enum QKNorm: String, Codable, Sendable {
        /// One norm over `head_dim` for the queries and one for the keys, shared by all heads.
        case perHead = "per_head"
        /// One norm over the query width (`heads × head_dim`) and one over the key width.
        case projection
        /// Llama 4's `Llama4TextL2Norm`: `x·rsqrt(mean(x²)+ε)` over each head, no weight (no
        /// parameters), on the rotary layers only.
        case l2 = "l2"
    }

    public init(
        heads: Int, kvHeads: Int? = nil, headDim: Int, qkvBias: Bool = false,
        outputBias: Bool = false, relativeBiasBuckets: Int? = nil, qkNorm: QKNorm? = nil,
        latent: LatentAttentionSpec? = nil, sinks: Bool = false, queryTemperature: Bool = false, outputGate: Bool = false
    ) {
        self.queryTemperature = queryTemperature; self.outputGate = outputGate
        self.heads = heads; self.kvHeads = kvHeads ?? heads; self.headDim = headDim
        self.qkvBias = qkvBias; self.outputBias = outputBias
        self.relativeBiasBuckets = relativeBiasBuckets; self.qkNorm = qkNorm; self.latent = latent
        self.sinks = sinks
    }

    enum CodingKeys: String, CodingKey {
        case heads, kvHeads, headDim, qkvBias, outputBias, relativeBiasBuckets, qkNorm, latent, sinks, queryTemperature, outputGate
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        heads = try c.decode(Int.self, forKey: .heads)
        kvHeads = try c.decodeIfPresent(Int.self, forKey: .kvHeads) ?? heads
        headDim = try c.decode(Int.self, forKey: .headDim)
        qkvBias = try c.decodeIfPresent(Bool.self, forKey: .qkvBias) ?? false
        outputBias = try c.decodeIfPresent(Bool.self, forKey: .outputBias) ?? false
        relativeBiasBuckets = try c.decodeIfPresent(Int.self, forKey: .relativeBiasBuckets)
        qkNorm = try c.decodeIfPresent(QKNorm.self, forKey: .qkNorm)
        latent = try c.decodeIfPresent(LatentAttentionSpec.self, forKey: .latent)
        sinks = try c.decodeIfPresent(Bool.self, forKey: .sinks) ?? false
        queryTemperature = try c.decodeIfPresent(Bool.self, forKey: .queryTemperature) ?? false
        outputGate = try c.decodeIfPresent(Bool.self, forKey: .outputGate) ?? false
    }
}

/// The position-wise feed-forward network (or one expert of a mixture).
public struct FFNSpec: Codable, Sendable, Equatable {
    /// Inner width (`intermediate_size`, `d_ff`, `n_inner`).
    public var intermediateSize: Int
    /// Gated FFNs (SwiGLU, GeGLU) have two input projections multiplied element-wise.
    public var gated: Bool
    public var activation: Activation
    /// Bias on the input projection(s) and the output projection.
    public var bias: Bool

    public init(intermediateSize: Int, gated: Bool = false, activation: Activation = .gelu, bias: Bool = false) {
        self.intermediateSize = intermediateSize; self.gated = gated
        self.activation = activation; self.bias = bias
    }

    enum CodingKeys: String, CodingKey { case intermediateSize, gated, activation, bias }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        intermediateSize = try c.decode(Int.self, forKey: .intermediateSize)
        gated = try c.decodeIfPresent(Bool.self, forKey: .gated) ?? false
        activation = try c.decodeIfPresent(Activation.self, forKey: .activation) ?? .gelu
        bias = try c.decodeIfPresent(Bool.self, forKey: .bias) ?? false
    }
}

/// Element-wise nonlinearity of the FFN; only the `full` convention prices it.
public enum Activation: String, Codable, Sendable, CaseIterable {
    case gelu, geluTanh = "gelu_tanh", relu, silu
    /// Squared ReLU, `relu(x)²` (Nemotron-H's `relu2`).
    case relu2
    /// gpt-oss's experts: the gate clamped above and the up branch clamped on both sides at
    /// `swiglu_limit`, then `(up + 1) · gate · σ(α · gate)` (α = `swiglu_alpha`). Gated only.
    case clampedSwiGLU = "clamped_swiglu"
}

/// Mixture-of-experts: `experts` copies of the FFN, `topK` active per token, a linear router —
/// and, in the Qwen-MoE / DeepSeek-MoE style, experts narrower than the dense FFN, a shared
/// expert every token goes through, and some layers left dense.
public struct MoESpec: Codable, Sendable, Equatable {
    public var experts: Int
    public var topK: Int
    /// Router bias (Mixtral's router has none).
    public var routerBias: Bool
    /// Inner width of each routed expert; nil: the stack's `ffn.intermediateSize` (Mixtral).
    /// Qwen-MoE's `moe_intermediate_size`.
    public var expertIntermediateSize: Int?
    /// Inner width of the shared expert every token also goes through (Qwen2-MoE's
    /// `shared_expert_intermediate_size`); nil: none.
    public var sharedExpertIntermediateSize: Int?
    /// The shared expert's output is scaled by `sigmoid(x · w)`, `w` a `d × 1` gate (Qwen2-MoE).
    public var sharedExpertGate: Bool
    /// Layers whose FFN stays the dense `ffn` (Qwen-MoE's `mlp_only_layers` and
    /// `decoder_sparse_step`); the others hold the experts. Layers are alike otherwise, so only
    /// how many counts.
    public var denseLayers: Int
    /// DeepSeek's router details (scoring, group-limited choice, score correction, scaling);
    /// nil for a plain softmax router.
    public var routing: ExpertRouting?
    /// Bias on the routed experts when it differs from the dense FFN's (DeepSeek-V2's `mlp_bias`
    /// reaches its dense and shared MLPs, never the routed experts); nil: the FFN's.
    public var expertBias: Bool?
    /// Nemotron-H's `moe_latent_size`: the routed experts work in a narrower space, entered and left
    /// through two dense projections (`fc1_latent_proj` d→latent, `fc2_latent_proj` latent→d, with
    /// the FFN's bias) that every token runs; nil: the experts read the residual stream itself.
    public var latentSize: Int?

    public init(experts: Int, topK: Int, routerBias: Bool = false, expertIntermediateSize: Int? = nil,
                sharedExpertIntermediateSize: Int? = nil, sharedExpertGate: Bool = false, denseLayers: Int = 0,
                routing: ExpertRouting? = nil, expertBias: Bool? = nil, latentSize: Int? = nil) {
        self.latentSize = latentSize
        self.experts = experts; self.topK = topK; self.routerBias = routerBias
        self.expertIntermediateSize = expertIntermediateSize
        self.sharedExpertIntermediateSize = sharedExpertIntermediateSize
        self.sharedExpertGate = sharedExpertGate; self.denseLayers = denseLayers
        self.routing = routing; self.expertBias = expertBias
    }

    enum CodingKeys: String, CodingKey {
        case experts, topK, routerBias, expertIntermediateSize, sharedExpertIntermediateSize, sharedExpertGate, denseLayers
        case routing, expertBias, latentSize
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        experts = try c.decode(Int.self, forKey: .experts)
        topK = try c.decode(Int.self, forKey: .topK)
        routerBias = try c.decodeIfPresent(Bool.self, forKey: .routerBias) ?? false
        expertIntermediateSize = try c.decodeIfPresent(Int.self, forKey: .expertIntermediateSize)
        sharedExpertIntermediateSize = try c.decodeIfPresent(Int.self, forKey: .sharedExpertIntermediateSize)
        sharedExpertGate = try c.decodeIfPresent(Bool.self, forKey: .sharedExpertGate) ?? false
        denseLayers = try c.decodeIfPresent(Int.self, forKey: .denseLayers) ?? 0
        routing = try c.decodeIfPresent(ExpertRouting.self, forKey: .routing)
        expertBias = try c.decodeIfPresent(Bool.self, forKey: .expertBias)
        latentSize = try c.decodeIfPresent(Int.self, forKey: .latentSize)
    }

    /// One routed expert: the stack's FFN at the expert width.
    public func expert(of ffn: FFNSpec) -> FFNSpec {
        var e = ffn
        e.intermediateSize = expertIntermediateSize ?? ffn.intermediateSize
        e.bias = expertBias ?? ffn.bias
        return e
    }

    /// The shared expert, if any: the stack's FFN at the shared width.
    public func sharedExpert(of ffn: FFNSpec) -> FFNSpec? {
        sharedExpertIntermediateSize.map { var e = ffn; e.intermediateSize = $0; return e }
    }

    /// Layers holding experts, of a stack of `layers`.
    public func sparseLayers(of layers: Int) -> Int { max(0, layers - denseLayers) }
}

public struct NormSpec: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable { case layerNorm = "layernorm", rmsNorm = "rmsnorm" }
    public var kind: Kind
    /// LayerNorm's shift; always false for RMSNorm.
    public var bias: Bool
    /// False for a norm without learned scale or shift: OPT's `layer_norm_elementwise_affine:
    /// false` (PyTorch's `elementwise_affine=False`) has no parameters at all.
    public var affine: Bool

    public init(kind: Kind, bias: Bool? = nil, affine: Bool = true) {
        self.kind = kind
        self.affine = affine
        self.bias = affine && (bias ?? (kind == .layerNorm))
    }

    enum CodingKeys: String, CodingKey { case kind, bias, affine }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(Kind.self, forKey: .kind)
        affine = try c.decodeIfPresent(Bool.self, forKey: .affine) ?? true
        bias = try c.decodeIfPresent(Bool.self, forKey: .bias) ?? (affine && kind == .layerNorm)
    }

    /// Parameters of one norm over `width` features.
    public func parameters(width: Int) -> Int { affine ? (bias ? 2 * width : width) : 0 }
}

/// How a layer composes attention and FFN.
public enum BlockLayout: String, Codable, Sendable {
    /// `x + attn(norm(x))`, then `x + ffn(norm(x))` (or post-norm): two norms per layer, three
    /// with cross-attention.
    case sequential
    /// GPT-J / Phi / Falcon-7B: `x + attn(norm(x)) + ffn(norm(x))` with one shared norm.
    case parallelSharedNorm = "parallel_shared_norm"
    /// GPT-NeoX / Falcon-40B: parallel residual with a separate norm for each branch.
    case parallelTwoNorms = "parallel_two_norms"
    /// Gemma 2: sequential, each sub-block between a norm before it and one after it,
    /// `x + norm(attn(norm(x)))`: four norms per layer.
    case sandwichNorms = "sandwich_norms"
}

/// How positions enter a stack.
public struct PositionEncoding: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        /// No positional parameters (T5 puts them in the attention bias; ALiBi has none).
        case none
        /// A learned table of `count` rows added to the token embeddings (GPT-2, BERT, OPT, BART).
        case learned
        /// Rotary embeddings on the first `rotaryFraction` of each head's dimensions.
        case rotary
        /// ALiBi's linear biases: no parameters and no matmul.
        case alibi
    }
    public var kind: Kind
    /// Rows of a learned table, including OPT's and BART's offset of 2.
    public var count: Int?
    /// Dimensions of each head that are rotated (Phi-2: 32 of 80; GPT-NeoX-20B: 24 of 96);
    /// `nil` means the whole head. Hugging Face computes `int(head_dim × fraction)`.
    public var rotaryDimensions: Int?
    /// Rotary frequency tables built per forward pass; nil means one. Gemma 3 builds one for its
    /// local and one for its global layers (different bases), each an `inv_freq @ positions` matmul.
    public var rotaryTables: Int?

    public static let none = PositionEncoding(kind: .none)
    public static func learned(_ count: Int) -> PositionEncoding { .init(kind: .learned, count: count) }
    public static func rotary(dimensions: Int? = nil) -> PositionEncoding {
        .init(kind: .rotary, rotaryDimensions: dimensions)
    }

    public init(kind: Kind, count: Int? = nil, rotaryDimensions: Int? = nil, rotaryTables: Int? = nil) {
        self.kind = kind; self.count = count; self.rotaryDimensions = rotaryDimensions; self.rotaryTables = rotaryTables
    }
}

/// The projection from the residual stream to vocabulary logits.
public struct LMHeadSpec: Codable, Sendable, Equatable {
    /// Shares its weight with the token embedding (no parameters of its own).
    public var tied: Bool
    /// A learned bias over the vocabulary (Phi-2).
    public var bias: Bool

    public init(tied: Bool, bias: Bool = false) { self.tied = tied; self.bias = bias }

    enum CodingKeys: String, CodingKey { case tied, bias }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        tied = try c.decode(Bool.self, forKey: .tied)
        bias = try c.decodeIfPresent(Bool.self, forKey: .bias) ?? false
    }
}
