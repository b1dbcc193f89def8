/// One operation of a model, described once: what it computes, which of its tensors are
/// weights, what the backward pass does with it, what it keeps for that backward pass, what it
/// caches for decoding and how it splits over tensor parallelism.
///
/// Every figure llmcost derives from an architecture is a fold over these values — parameters
/// (`weights`), each FLOP convention (`work`), training (`backwardProducts`, `recompute`),
/// activation and KV-cache memory (`saved`, `cache`) and tensor-parallel sharding (`saved`'s
/// replicated part). A new kind of layer is a new list of operations, not a new walk.
public struct Operation: Sendable, Equatable {
    /// The FLOP breakdown line this operation's work is reported under; nil for a lookup.
    public var component: FlopComponentName?
    public var work: Work
    /// The weights it owns, counted once per layer holding it.
    public var weights: Weights?
    /// Products the backward pass computes per forward product: one per operand that needs a
    /// gradient (`dX` and `dW` of a weight GEMM, `dQ` and `dK` of the scores), each as costly as
    /// the forward; 0 for a product of tensors that need none (the rotary table).
    public var backwardProducts: Int
    /// Which recomputation policies run it a second time in the backward pass.
    public var recompute: RecomputeScope
    /// Bytes kept for the backward pass (Korthikanti et al. 2022 with 16-bit activations).
    public var saved: SavedActivations
    /// State a decoder keeps for later positions.
    public var cache: CachedState?
    /// How its weights split over tensor-parallel ranks.
    public var tensorShard: TensorShard

    public init(_ component: FlopComponentName?, _ work: Work, weights: Weights? = nil, backwardProducts: Int = 2,
                recompute: RecomputeScope = .layer, saved: SavedActivations = .none, cache: CachedState? = nil,
                tensorShard: TensorShard = .replicated) {
        self.component = component; self.work = work; self.weights = weights
        self.backwardProducts = backwardProducts; self.recompute = recompute
        self.saved = saved; self.cache = cache; self.tensorShard = tensorShard
    }
}

/// What an operation computes.
public enum Work: Sendable, Equatable {
    /// `rows × inputs` activations times an `inputs × outputs` weight matrix, `copies` times per
    /// row (a gated FFN's two input projections; the top-k experts a token visits): `2·rows·inputs·outputs·copies`.
    case linear(inputs: Int, outputs: Int, copies: Int = 1, rows: Rows)
    /// Attention scores (Q·Kᵀ) or attention·values (P·V), per head over query·key pairs:
    /// `2·pairs·heads·headDim`.
    case attention(heads: Int, headDim: Int, keys: Keys)
    /// Element-wise work per row (norms, activations, residual and bias adds, rotary, routing),
    /// counted only by the `full` convention.
    case elementwise(flopsPerRow: ExactCount, rows: Rows)
    /// Element-wise work on every attention score (scale, mask, softmax), `full` only.
    case perScore(flops: Int, heads: Int, keys: Keys)
    /// Hugging Face's rotary angle table, `position_ids[..., None] * inv_freq` once per call, per
    /// position-id row and per table: `tables·rows·frequencies·q` multiplies. Element-wise since
    /// transformers 5.23 (earlier versions ran it as an `inv_freq @ positions` matmul), so only
    /// the `full` convention counts it; no operand needs a gradient.
    case positionTable(frequencies: Int, tables: Int)
    /// A table lookup: weights, no arithmetic.
    case lookup
    /// A depthwise causal convolution over the sequence (Mamba's `conv1d`, `groups = channels`):
    /// FlopCounterMode counts `2·batch·channels·kernel·outputs` (bias excluded), and the outputs are
    /// those before transformers slices them (`StackPass.convOutputs`).
    case depthwiseConv(channels: Int, kernel: Int)
    /// A selective scan: the products FlopCounterMode sees of it on the torch path
    /// (`StackPass.scanProducts`); its element-wise recurrence is a separate `full`-only operation.
    case scan(StateSpaceSpec)
    /// Gated DeltaNet's delta rule: the products FlopCounterMode sees of transformers'
    /// `torch_chunk_gated_delta_rule` over a prompt (chunks of 64, padded), none of its
    /// recurrent one-token step (`StackPass.deltaRuleProducts`); its backward is not a multiple of
    /// its forward (`StackPass.deltaRuleBackwardProducts`).
    case gatedDeltaRule(LinearAttentionSpec)
}

/// Which rows (token positions) of a call an operation processes.
public enum Rows: Sendable, Equatable {
    /// The new positions of the stack (`batch × queries`).
    case queries
    /// The same positions, when the stack's cross-attention runs (an encoder–decoder's decoder).
    case crossQueries
    /// Encoder positions projected into cross-attention K/V (the first decoder call only).
    case crossKeys
    /// The first token of each sequence (BERT's pooler).
    case firstToken
    /// Positions whose logits the LM head computes.
    case logits
    /// Every self-attention key of the call, cached and new (`batch × (past + queries)`): what
    /// transformers' latent attention re-expands through `kv_b_proj` at each call.
    case keys
}

/// The keys a query reads.
public enum Keys: Sendable, Equatable {
    /// Its own stack's positions: the cache and the new ones, at most `window` back when set.
    case selfAttention(causal: Bool, window: Int?)
    /// Its own stack's positions within its chunk of `size` (Llama 4's chunked local attention,
    /// causal): the query at 1-based position `a` reads the `((a − 1) mod size) + 1` positions
    /// from its chunk's start; Hugging Face's cache for it keeps the last `size − 1` positions.
    case chunked(size: Int)
    /// The encoder's positions.
    case cross
}

/// Weights an operation owns in one layer (biases included).
public struct Weights: Sendable, Equatable {
    public var group: ParameterGroup
    public var count: ExactCount
    /// What one token touches: all of them, or the top-k of a mixture's experts.
    public var active: ExactCount
    /// The weight matrices among `count` as a checkpoint stores them, where that differs from
    /// the operation's `linear` shape (`Operation.storedMatrices`): every expert stored, top-k
    /// run; q, k and v stored apart, run as one GEMM; latent attention's `kv_b_proj` used
    /// absorbed. nil: the `linear` work's own matrix, `copies` of it.
    public var matrices: [WeightMatrix]?

    public init(_ group: ParameterGroup, _ count: ExactCount, active: ExactCount? = nil, matrices: [WeightMatrix]? = nil) {
        self.group = group; self.count = count; self.active = active ?? count; self.matrices = matrices
    }
}

/// `count` weight matrices of `outputs × inputs` values per layer (PyTorch's `Linear.weight`
/// layout): what a quantised checkpoint splits into blocks, each block with its own scale, so
/// the bytes depend on each matrix's shape and not only on how many values there are.
public struct WeightMatrix: Sendable, Equatable {
    public var inputs: Int
    public var outputs: Int
    public var count: Int

    public init(inputs: Int, outputs: Int, count: Int = 1) {
        self.inputs = inputs; self.outputs = outputs; self.count = count
    }

    /// Values in all `count` matrices.
    public var elements: ExactCount { ExactCount.product(count, inputs, outputs) }
}

extension Operation {
    /// The weight matrices this operation's weights hold per layer, as stored; the rest of
    /// `weights.count` is biases and vectors. Empty for an operation without weights or
    /// without a weight GEMM (a lookup, a norm).
    public var storedMatrices: [WeightMatrix] {
        guard let w = weights else { return [] }
        if let m = w.matrices { return m }
        if case .linear(let inputs, let outputs, let copies, _) = work { return [WeightMatrix(inputs: inputs, outputs: outputs, count: copies)] }
        return []
    }
}

/// Which recomputation policies run an operation again during the backward pass.
public enum RecomputeScope: Sendable, Equatable {
    /// Attention's scores, softmax and attention·values: recomputed by selective and full recomputation.
    case attentionCore
    /// The rest of a transformer layer: recomputed by full recomputation only.
    case layer
    /// Outside the layers (embeddings, the LM head, the rotary table): never recomputed.
    case outsideLayers

    func runsAgain(under policy: Recompute) -> Bool {
        switch (self, policy) {
        case (_, .none), (.outsideLayers, _): false
        case (.attentionCore, _), (.layer, .full): true
        case (.layer, .selective): false
        }
    }
}

/// Activation bytes an operation keeps for the backward pass.
public struct SavedActivations: Sendable, Equatable {
    /// Bytes per processed row (token).
    public var bytesPerRow: ExactCount
    /// Of those, bytes every tensor-parallel rank keeps whole (inputs of column-parallel GEMMs,
    /// norm inputs, dropout masks on the residual stream); the rest is split over the ranks.
    public var replicatedBytesPerRow: ExactCount
    /// Bytes per attention score and head (softmax output, dropout mask and output: 5), dropped
    /// by selective recomputation.
    public var bytesPerScore: Int
    /// Heads the per-score bytes are kept for.
    public var scoreHeads: Int

    public static let none = SavedActivations(bytesPerRow: .zero)

    public init(bytesPerRow: ExactCount, replicatedBytesPerRow: ExactCount = .zero, bytesPerScore: Int = 0, scoreHeads: Int = 0) {
        self.bytesPerRow = bytesPerRow; self.replicatedBytesPerRow = replicatedBytesPerRow
        self.bytesPerScore = bytesPerScore; self.scoreHeads = scoreHeads
    }
}

/// State a decoder keeps between calls.
public enum CachedState: Sendable, Equatable {
    /// K and V of every cached position of the stack itself: `elements` per position, at most
    /// `window` positions when the layer attends through a sliding window or a chunk (a chunk's
    /// last query reads `size` positions, so the cache must hold up to that many).
    case selfKeyValues(elements: Int, window: Int?)
    /// Cross-attention K and V projected once from each encoder position.
    case crossKeyValues(elements: Int)
    /// Multi-head latent attention's compressed latent and shared rotary key, `elements` per
    /// position (`kv_lora_rank + qk_rope_head_dim`), instead of per-head K and V.
    case latent(elements: Int)
    /// A state-space layer's recurrent state per sequence: the conv window and the SSM state. Fixed
    /// in size: it does not grow with the context, so it adds nothing per cached token.
    case recurrentState(convElements: Int, stateElements: Int)
}

/// How an operation splits over a tensor-parallel group (Megatron-LM, Shoeybi et al. 2019).
public enum TensorShard: Sendable, Equatable {
    /// Every rank holds it whole (norms, the router, element-wise work).
    case replicated
    /// Output features split over the ranks: no communication of its own.
    case column
    /// Input features split: each rank holds a partial sum. `closesBlock`: the block's partial
    /// sums are all-reduced after it in the forward pass (and the input gradient of the block's
    /// first column-parallel GEMM in the backward pass); a row-parallel GEMM whose output is added
    /// into the same reduction (a shared expert beside the routed ones) does not close it.
    case row(closesBlock: Bool)
    /// Input features split, and its narrow output (`outputs` features per token, not the
    /// residual stream) all-reduced before the next operation reads it whole: Mamba's `x_proj`
    /// (dt, B and C) contracts over the channels `in_proj` split.
    case rowPartial(outputs: Int)
}
