/// The work one stack does in one model call: `queries` new positions per sequence, attending
/// over `past` cached positions plus themselves, and (decoder of an encoder–decoder) over
/// `crossKeys` encoder positions.
struct StackPass {
    var batch: Int
    var queries: Int
    var past: Int = 0
    /// Sequences Hugging Face builds the rotary table for: 1 in a plain forward (position ids
    /// are made for one sequence and broadcast), the whole batch in `generate`.
    var positionBatch: Int = 1
    /// Encoder positions the cross-attention reads; nil when the stack has none.
    var crossKeys: Int? = nil
    /// Whether the cross-attention K/V are projected in this call (prefill) or come from the cache.
    var projectsCrossKeyValues: Bool = true
    /// Positions per sequence whose logits are computed (the head's pass only).
    var logitsPerSequence: Int = 0

    /// Query·key pairs per sequence and head of the self-attention.
    ///
    /// Under `matmul` (and `full`) the whole `queries × keys` rectangle, as eager attention
    /// computes it before masking; keys are `past + queries`, except that a sliding-window cache
    /// keeps only the last `W − 1` past positions (Hugging Face's sliding-window cache), so a call
    /// with a cache sees `min(past, W − 1) + queries`. Under `causal`, for a causal stack, query
    /// at absolute position `a` (1-based) sees `min(a, W)` keys: `Σ_{a=past+1}^{past+queries} min(a, W)`.
    func selfAttentionPairs(causal: Bool, window: Int?, _ convention: Convention) -> ExactCount {
        guard convention == .causal, causal else {
            let cached = window.map { past > 0 ? min(past, $0 - 1) : 0 } ?? past
            return .product(queries, cached + queries)
        }
        return Self.sumOfMin(from: past + 1, to: past + queries, cap: window)
    }

    /// Query·key pairs per sequence and head of chunked attention. Under `matmul` (and `full`)
    /// eager attention multiplies the rectangle its sliding-window cache hands it,
    /// `queries × (min(past, C − 1) + queries)` — in a prefill the whole `queries²`, however many
    /// chunks; under `causal` the chunk band: query at 1-based position `a` reads
    /// `((a − 1) mod C) + 1` keys.
    func chunkedAttentionPairs(size c: Int, _ convention: Convention) -> ExactCount {
        guard convention == .causal else { return selfAttentionPairs(causal: true, window: c, .matmul) }
        return Self.chunkBand(through: past + queries, size: c) - Self.chunkBand(through: past, size: c)
    }

    /// `Σ_{a=1}^{n} (((a − 1) mod C) + 1)`: whole chunks of `C(C+1)/2` and a partial one.
    static func chunkBand(through n: Int, size c: Int) -> ExactCount {
        guard n > 0, c > 0 else { return .zero }
        let whole = n / c, rest = n % c
        return ExactCount(whole) * triangle(c) + triangle(rest)
    }

    /// Rows (token positions, over the batch) an operation processes in this call.
    func rows(_ rows: Rows) -> ExactCount {
        switch rows {
        case .queries: ExactCount.product(batch, queries)
        case .crossQueries: crossKeys == nil ? .zero : ExactCount.product(batch, queries)
        case .crossKeys: projectsCrossKeyValues ? ExactCount.product(batch, crossKeys ?? 0) : .zero
        case .firstToken: ExactCount(batch)
        case .logits: ExactCount.product(batch, logitsPerSequence)
        case .keys: ExactCount.product(batch, past + queries)
        }
    }

    /// Query·key pairs per head over the batch.
    func pairs(_ keys: Keys, _ convention: Convention) -> ExactCount {
        switch keys {
        case let .selfAttention(causal, window): ExactCount(batch) * selfAttentionPairs(causal: causal, window: window, convention)
        case let .chunked(size): ExactCount(batch) * chunkedAttentionPairs(size: size, convention)
        case .cross: ExactCount.product(batch, queries, crossKeys ?? 0)
        }
    }

    /// FLOPs of one operation in this call under `convention`; nil when the convention does not
    /// count that kind of work (element-wise work outside `full`, lookups).
    func flops(_ op: Operation, _ convention: Convention) -> ExactCount? {
        switch op.work {
        case let .linear(inputs, outputs, copies, rows):
            return 2 * self.rows(rows) * ExactCount.product(inputs, outputs, copies)
        case let .attention(heads, headDim, keys):
            return 2 * pairs(keys, convention) * ExactCount.product(heads, headDim)
        case let .elementwise(perRow, rows):
            return convention == .full ? self.rows(rows) * perRow : nil
        case let .perScore(flops, heads, keys):
            // Eager attention scales, masks and normalises the whole rectangle it computed.
            return convention == .full ? pairs(keys, .matmul) * ExactCount.product(heads, flops) : nil
        case let .positionTable(frequencies, tables):
            return convention == .full ? ExactCount.product(tables, positionBatch, frequencies, queries) : nil
        case .lookup:
            return nil
        case let .depthwiseConv(channels, kernel):
            return 2 * ExactCount.product(batch, channels, kernel, convOutputs(kernel: kernel))
        case let .scan(m):
            return 2 * ExactCount(batch) * scanProducts(m)
        case let .gatedDeltaRule(l):
            return deltaRuleFlops(l, convention)
        }
    }

    /// The FLOPs of one operation's backward pass in this call, given its forward FLOPs: one
    /// forward's worth per product that needs a gradient (`backwardProducts`), except for the
    /// delta rule, whose autograd graph is not a multiple of its forward (`deltaRuleBackwardFlops`).
    func backwardFlops(_ op: Operation, forward: ExactCount) -> ExactCount {
        if case let .gatedDeltaRule(l) = op.work, !recurrentStep { return deltaRuleBackwardFlops(l) }
        return ExactCount(op.backwardProducts) * forward
    }

    /// Outputs per channel of transformers' causal conv1d, before it keeps the last `queries`:
    /// without a cache (or at prefill) the input is padded by `kernel − 1` on both sides,
    /// `queries + kernel − 1`; a one-token decode step convolves the `kernel` cached columns and the
    /// new one without padding, 2; a longer call after a cache, `queries + 2·kernel − 1`. (A cached
    /// prefill shorter than the kernel is first padded to it: not modelled, `kernel − queries` more.)
    func convOutputs(kernel k: Int) -> Int {
        if past == 0 { return queries + k - 1 }
        return queries == 1 ? 2 : queries + 2 * k - 1
    }

    /// Multiply–adds per sequence FlopCounterMode counts inside the scan.
    ///
    /// - Mamba (sequential scan, `mamba_selective_scan` / `mamba_selective_state_update`): one
    ///   `state @ C` matmul per token, `inner · d_state`.
    /// - Mamba-2 decode step (`mamba2_selective_state_update`): one `bmm`, `heads · head_dim · d_state`.
    /// - Mamba-2 chunked SSD (`mamba2_chunk_scan`), `c = ⌈queries / Q⌉` chunks of `Q`: the einsums
    ///   `C·Bᵀ` (`c·Q²·h·n`), `M·x` (`c·Q²·h·p`), the chunk states (`c·Q·h·p·n`), the inter-chunk
    ///   recurrence (`(c+1)²·h·p·n`) and the state output (`c·Q·h·n·p`).
    func scanProducts(_ m: StateSpaceSpec) -> ExactCount {
        let n = m.stateSize
        guard m.variant == .mamba2, past == 0 || queries > 1, let h = m.heads else {
            return ExactCount.product(queries, m.innerSize, n)
        }
        let p = m.headDim, Q = m.chunkSize ?? 256, c = (queries + Q - 1) / Q
        return ExactCount.product(c, Q, Q, h, n + p) + ExactCount.product(2, c, Q, h, p * n) + ExactCount.product(c + 1, c + 1, h, p * n)
    }

    /// `Σ_{a=lo}^{hi} min(a, cap)` in closed form.
    static func sumOfMin(from lo: Int, to hi: Int, cap: Int?) -> ExactCount {
        guard hi >= lo else { return .zero }
        let split = min(hi, cap ?? hi)          // a ≤ split contributes a, beyond it contributes cap
        var sum = ExactCount.zero
        if split >= lo { sum += triangle(split) - triangle(lo - 1) }
        if let cap, hi > split { sum += ExactCount(cap) * ExactCount(hi - max(split, lo - 1)) }
        return sum
    }

    private static func triangle(_ n: Int) -> ExactCount {
        n <= 0 ? .zero : ExactCount.product(n, n + 1) / ExactCount(2)
    }
}
