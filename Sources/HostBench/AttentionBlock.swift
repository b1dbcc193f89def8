/// Reference self-attention block, FP32, forward and backward, on OpenBLAS.
///
/// ```
/// QKV = X·W_qkv                       one GEMM for all heads (fused projection)
/// Pₕ  = softmax(Qₕ·K_gᵀ/√d_k + mask)    per query head h, g = h / (h / h_kv) its K/V head
/// Oₕ  = Pₕ·V_g
/// Y   = O·W_o                          (+ Y when accumulating into a residual stream)
/// ```
/// Heads are read from the fused QKV activation through BLAS leading dimensions (no copies);
/// the scale rides on the QKᵀ GEMM's alpha. Heads are dealt to the worker threads (single-threaded
/// OpenBLAS each); the projections follow the block's `KernelParallelism`.
public final class AttentionBlock: @unchecked Sendable {
    public let shape: LayerShape
    /// Threads the block runs on, and how it uses them.
    public let threads: Int
    public let parallelism: KernelParallelism
    let parallel: Parallel
    /// `d × (h + 2·h_kv)·d_k`: Q columns for every head, then K, then V.
    public let qkvWeight: Matrix
    /// `h·d_k × d`.
    public let outputWeight: Matrix
    /// Forward activations kept for the backward pass.
    let qkv: Matrix
    /// Every head's `S × S` probabilities, head after head.
    let probabilities: Matrix
    let context: Matrix
    /// Gradient buffers, allocated on the first backward pass.
    private(set) var gradients: AttentionGradients?

    public init(shape: LayerShape, threads: Int = 1, parallelism: KernelParallelism = .hybrid, seed: UInt64 = 1) throws {
        try shape.validate()
        guard threads >= 1 else { throw HostBenchError.invalidConfiguration(field: "threads", reason: "must be ≥ 1") }
        self.shape = shape; self.threads = threads; self.parallelism = parallelism
        parallel = Parallel(mode: parallelism, threads: threads)
        let scale = 1 / Float(shape.dModel).squareRoot()
        qkvWeight = Matrix(rows: shape.dModel, columns: shape.qkvWidth, randomScale: scale, seed: seed)
        outputWeight = Matrix(rows: shape.attentionWidth, columns: shape.dModel, randomScale: scale, seed: seed + 1)
        qkv = Matrix(rows: shape.seq, columns: shape.qkvWidth)
        probabilities = Matrix(rows: shape.heads * shape.seq, columns: shape.seq)
        context = Matrix(rows: shape.seq, columns: shape.attentionWidth)
    }

    /// Query head `h`'s Q, its K and V (views into the fused activation).
    func headViews(_ h: Int, of m: MatrixView) -> (q: MatrixView, k: MatrixView, v: MatrixView) {
        let dk = shape.headDim, g = h / shape.groupSize
        let kStart = (shape.heads + g) * dk, vStart = (shape.heads + shape.kvHeads + g) * dk
        return (m.columns(h * dk..<(h + 1) * dk), m.columns(kStart..<kStart + dk), m.columns(vStart..<vStart + dk))
    }

    /// `1/√d_k`.
    var scoreScale: Float { 1 / Float(shape.headDim).squareRoot() }

    /// Runs the block on `input` (`S × d`) into `output` (`S × d`; added to it when
    /// `accumulate`, which fuses a residual connection into the output GEMM's beta) and
    /// returns the FLOPs issued (`shape.attentionFLOPs`).
    @discardableResult
    public func forward(_ input: MatrixView, into output: MatrixView, accumulate: Bool = false) throws -> Int {
        try checkActivation(input, "input"); try checkActivation(output, "output")
        var flops = try parallel.gemm(input, qkvWeight.view, into: qkv.view)
        flops += try parallel.items(shape.heads) { h, _ in try headForward(h) }
        flops += try parallel.gemm(context.view, outputWeight.view, into: output, beta: accumulate ? 1 : 0)
        return flops
    }

    /// Query rows per block of one head: a 128 × S block of scores (256 KB at S = 512) stays in
    /// a core's L2 between the QKᵀ GEMM, the softmax and the P·V GEMM.
    static let queryBlock = 128

    /// `Pₕ = softmax(scale·Qₕ·K_gᵀ)`, `Oₕ = Pₕ·V_g` on one thread, one block of query rows at a time.
    private func headForward(_ h: Int) throws -> Int {
        let s = shape.seq, dk = shape.headDim
        let (q, k, v) = headViews(h, of: qkv.view)
        let p = probabilities.view.rows(h * s..<(h + 1) * s)
        let o = context.view.columns(h * dk..<(h + 1) * dk)
        var flops = 0
        for start in Swift.stride(from: 0, to: s, by: Self.queryBlock) {
            let rows = start..<min(s, start + Self.queryBlock)
            let block = p.rows(rows)
            flops += try BLAS.gemm(q.rows(rows), k, .transposed, into: block, alpha: scoreScale)
            for i in rows { VectorMath.softmaxRow(p.row(i), count: s, valid: shape.causal ? i + 1 : s) }
            flops += try BLAS.gemm(block, v, into: o.rows(rows))
        }
        return flops
    }

    func checkActivation(_ m: MatrixView, _ name: String) throws {
        guard m.rows == shape.seq, m.columns == shape.dModel else {
            throw HostBenchError.invalidGEMM("attention \(name) is \(m.rows)×\(m.columns), expected \(shape.seq)×\(shape.dModel)")
        }
    }

    func makeGradients() -> AttentionGradients {
        if let gradients { return gradients }
        let g = AttentionGradients(shape: shape, workers: parallel.workers)
        gradients = g
        return g
    }
}
