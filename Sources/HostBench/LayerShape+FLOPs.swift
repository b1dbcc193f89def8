extension LayerShape {
    /// FLOPs of the attention block's forward pass, `matmul` convention (2 per multiply-add,
    /// full S×S score and value products even when causal, no element-wise work):
    ///
    /// ```
    /// 2·S·d·qkvW            QKV projection, qkvW = (h + 2·h_kv)·d_k
    /// + 2·h·(2·S·S·d_k)     QKᵀ and P·V per query head (GQA shares K/V, not the FLOPs)
    /// + 2·S·(h·d_k)·d       output projection
    /// ```
    public var attentionFLOPs: Int {
        2 * seq * dModel * qkvWidth + heads * 2 * (2 * seq * seq * headDim) + 2 * seq * attentionWidth * dModel
    }

    /// FLOPs of the FFN forward pass: `2·S·d·ffn` per projection, 2 plain or 3 gated.
    public var ffnFLOPs: Int { 2 * seq * dModel * ffn * (gated ? 3 : 2) }

    /// Attention + FFN (norms and residual adds cost no GEMM).
    public var layerFLOPs: Int { attentionFLOPs + ffnFLOPs }

    /// Backward = 2 × forward: every forward GEMM `C = A·B` has two backward GEMMs, `dA = dC·Bᵀ`
    /// and `dB = Aᵀ·dC`, of the same size (for attention, `dQ`/`dK` from `dS` and `dP`/`dV`
    /// from `dO`).
    public var attentionBackwardFLOPs: Int { 2 * attentionFLOPs }
    public var ffnBackwardFLOPs: Int { 2 * ffnFLOPs }
}
