/// The bytes a kernel must move at least: every GEMM reads its two operands and writes its
/// result once (FP32). It places a kernel on the host's roofline (`flops ÷ bytes` is its
/// arithmetic intensity); caches can only lower real traffic towards it, never below.
extension LayerShape {
    /// `(m, n, k)` of each GEMM one attention forward issues: fused QKV, each head's QKᵀ and P·V,
    /// the output projection.
    var attentionGEMMs: [(m: Int, n: Int, k: Int)] {
        [(seq, qkvWidth, dModel)]
            + Array(repeating: (seq, seq, headDim), count: heads)
            + Array(repeating: (seq, headDim, seq), count: heads)
            + [(seq, dModel, attentionWidth)]
    }

    /// The FFN's input (gate and up fused when gated) and output projections.
    var ffnGEMMs: [(m: Int, n: Int, k: Int)] { [(seq, ffnInputWidth, dModel), (seq, dModel, ffn)] }

    static func compulsoryBytes(m: Int, n: Int, k: Int) -> Int { 4 * (m * k + k * n + m * n) }

    static func compulsoryBytes(_ gemms: [(m: Int, n: Int, k: Int)]) -> Int {
        gemms.reduce(0) { $0 + compulsoryBytes(m: $1.m, n: $1.n, k: $1.k) }
    }

    /// Forward kernels; a backward pass issues two GEMMs (dX, dW) per forward GEMM, each
    /// touching the same three matrix sizes, so twice these bytes.
    var attentionBytes: Int { Self.compulsoryBytes(attentionGEMMs) }
    var ffnBytes: Int { Self.compulsoryBytes(ffnGEMMs) }
    var layerBytes: Int { attentionBytes + ffnBytes }
}
