/// One layer's forward FLOPs by component, as the Workload module counts them (`matmul`
/// convention), so the kernels' own counts can be checked against the library's formulas.
///
/// The names are Workload's component names for a prefill of one sequence:
/// ```
/// attention_qkv     2·S·d·(h + 2·h_kv)·d_k
/// attention_scores  2·S·S·h·d_k          (full S×S, even when causal)
/// attention_values  2·S·S·h·d_k
/// attention_output  2·S·(h·d_k)·d
/// ffn               2·S·d·ffn·(2 plain, 3 gated)
/// ```
public struct LayerMatmulFLOPs: Sendable, Equatable {
    public var attentionQKV: Int
    public var attentionScores: Int
    public var attentionValues: Int
    public var attentionOutput: Int
    public var ffn: Int

    public init(attentionQKV: Int, attentionScores: Int, attentionValues: Int, attentionOutput: Int, ffn: Int) {
        self.attentionQKV = attentionQKV; self.attentionScores = attentionScores
        self.attentionValues = attentionValues; self.attentionOutput = attentionOutput; self.ffn = ffn
    }

    /// The attention block: projections plus both S×S products.
    public var attention: Int { attentionQKV + attentionScores + attentionValues + attentionOutput }
    /// Attention + FFN: the whole layer (norms and residual adds are no matrix products).
    public var layer: Int { attention + ffn }
}
