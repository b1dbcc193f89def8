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

    /// Query·key pairs per sequence and head summed over the stack's layers: the windowed layers
    /// and the full-attention ones (Qwen2 mixes them) each with their own count.
    func layerPairs(_ stack: StackSpec, _ convention: Convention) -> ExactCount {
        let windowed = stack.windowedLayers
        return ExactCount(windowed) * selfAttentionPairs(causal: stack.causal, window: stack.slidingWindow, convention)
            + ExactCount(stack.layers - windowed) * selfAttentionPairs(causal: stack.causal, window: nil, convention)
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

extension StackPass {
    /// Matrix-product FLOPs of the stack's layers (and its rotary-frequency product).
    func matmulComponents(_ s: StackSpec, width d: Int, convention: Convention, prefix p: String) -> [FlopComponent] {
        let L = s.layers, B = batch, q = queries, a = s.attention
        let tokens = ExactCount.product(B, q)
        let pairs = ExactCount(B) * layerPairs(s, convention)   // summed over layers
        var out: [FlopComponent] = [
            .init(name: p + "attention_qkv", flops: 2 * tokens * ExactCount.product(L, d) * (ExactCount(a.queryWidth) + 2 * ExactCount(a.keyValueWidth)),
                  formula: "2 · \(B)×\(q) tokens · \(L) layers · \(d)×(\(a.queryWidth)+2·\(a.keyValueWidth))"),
            .init(name: p + "attention_scores", flops: 2 * pairs * ExactCount.product(a.heads, a.headDim),
                  formula: "2 · query·key pairs · \(L) layers · \(a.heads) heads · head_dim \(a.headDim)"),
            .init(name: p + "attention_values", flops: 2 * pairs * ExactCount.product(a.heads, a.headDim),
                  formula: "2 · query·key pairs · \(L) layers · \(a.heads) heads · head_dim \(a.headDim)"),
            .init(name: p + "attention_output", flops: 2 * tokens * ExactCount.product(L, a.queryWidth, d),
                  formula: "2 · \(B)×\(q) tokens · \(L) layers · \(a.queryWidth)×\(d)"),
        ]
        if let x = s.crossAttention, let keys = crossKeys {
            let crossPairs = ExactCount.product(B, q, keys)
            out += [
                .init(name: p + "cross_attention_q", flops: 2 * tokens * ExactCount.product(L, d, x.queryWidth),
                      formula: "2 · \(B)×\(q) tokens · \(L) layers · \(d)×\(x.queryWidth)"),
                .init(name: p + "cross_attention_kv",
                      flops: projectsCrossKeyValues ? 2 * ExactCount.product(B, keys, L, d, 2, x.keyValueWidth) : .zero,
                      formula: "2 · \(B)×\(keys) encoder tokens · \(L) layers · \(d)×2·\(x.keyValueWidth) (once; cached after)"),
                .init(name: p + "cross_attention_scores", flops: 2 * crossPairs * ExactCount.product(L, x.heads, x.headDim),
                      formula: "2 · \(q)×\(keys) pairs · \(L) layers · \(x.heads) heads · \(x.headDim)"),
                .init(name: p + "cross_attention_values", flops: 2 * crossPairs * ExactCount.product(L, x.heads, x.headDim),
                      formula: "2 · \(q)×\(keys) pairs · \(L) layers · \(x.heads) heads · \(x.headDim)"),
                .init(name: p + "cross_attention_output", flops: 2 * tokens * ExactCount.product(L, x.queryWidth, d),
                      formula: "2 · \(B)×\(q) tokens · \(L) layers · \(x.queryWidth)×\(d)"),
            ]
        }
        func ffnPerToken(_ f: FFNSpec) -> ExactCount { ExactCount.product(2, f.inputProjections + 1, d, f.intermediateSize) }
        func ffnFormula(_ f: FFNSpec) -> String { "2·\(f.inputProjections + 1)·\(d)·\(f.intermediateSize)" }
        if let moe = s.moe {
            let sparse = moe.sparseLayers(of: L), expert = moe.expert(of: s.ffn)
            out.append(.init(name: p + "experts", flops: tokens * ExactCount.product(sparse, moe.topK) * ffnPerToken(expert),
                             formula: "\(B)×\(q) tokens · \(sparse) layers · top-\(moe.topK) experts · \(ffnFormula(expert))"))
            out.append(.init(name: p + "router", flops: 2 * tokens * ExactCount.product(sparse, d, moe.experts),
                             formula: "2 · \(B)×\(q) tokens · \(sparse) layers · \(d)×\(moe.experts)"))
            if let shared = moe.sharedExpert(of: s.ffn) {
                let gate = moe.sharedExpertGate ? ExactCount.product(2, d) : .zero
                out.append(.init(name: p + "shared_expert", flops: tokens * ExactCount(sparse) * (ffnPerToken(shared) + gate),
                                 formula: "\(B)×\(q) tokens · \(sparse) layers · (\(ffnFormula(shared))\(moe.sharedExpertGate ? " + 2·\(d) gate" : ""))"))
            }
            if moe.denseLayers > 0 {
                out.append(.init(name: p + "ffn", flops: tokens * ExactCount(moe.denseLayers) * ffnPerToken(s.ffn),
                                 formula: "\(B)×\(q) tokens · \(moe.denseLayers) dense layers · \(ffnFormula(s.ffn))"))
            }
        } else {
            out.append(.init(name: p + "ffn", flops: tokens * ExactCount(L) * ffnPerToken(s.ffn),
                             formula: "\(B)×\(q) tokens · \(L) layers · \(ffnFormula(s.ffn))"))
        }
        if let r = s.rotaryDimensions {
            // Hugging Face builds cos/sin once per call as inv_freq (r/2 × 1) @ positions (1 × q),
            // a batched matmul FlopCounterMode counts: 2·(r/2)·q per position-id row — one row in a
            // plain forward, one per sequence in `generate`.
            let tables = s.positions.rotaryTables ?? 1
            out.append(.init(name: p + "rotary_frequencies", flops: 2 * ExactCount.product(tables, positionBatch, r / 2, q),
                             formula: "2 · \(tables > 1 ? "\(tables) tables · " : "")\(positionBatch) position row(s) · \(r / 2) frequencies · \(q) positions (once per call)"))
        }
        return out
    }
}
