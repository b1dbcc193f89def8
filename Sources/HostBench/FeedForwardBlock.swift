/// Reference position-wise feed-forward block, FP32, forward and backward, on OpenBLAS.
///
/// ```
/// plain:  U = X·W₁ (S × F)        A = gelu(U)                 Y = A·W₂
/// gated:  U = X·W₁ (S × 2F) = [G | V]   A = silu(G) ⊙ V       Y = A·W₂
/// ```
/// With `.workers` parallelism each worker takes a block of token rows through all three steps
/// (GEMM, activation, GEMM) with single-threaded OpenBLAS, so the activation runs on every core
/// while its input is still in cache and the pass needs no barrier; otherwise OpenBLAS threads
/// the GEMMs and the activation is split among the workers between them.
public final class FeedForwardBlock: @unchecked Sendable {
    public let shape: LayerShape
    public let threads: Int
    public let parallelism: KernelParallelism
    let parallel: Parallel
    /// `d × F` (plain) or `d × 2F` (gated: gate columns, then up columns).
    public let inputWeight: Matrix
    /// `F × d`.
    public let outputWeight: Matrix
    /// Pre-activation `U` and activation `A`, kept for the backward pass.
    let preActivation: Matrix
    let activation: Matrix
    private(set) var gradients: FeedForwardGradients?

    public init(shape: LayerShape, threads: Int = 1, parallelism: KernelParallelism = .hybrid, seed: UInt64 = 3) throws {
        try shape.validate()
        guard threads >= 1 else { throw HostBenchError.invalidConfiguration(field: "threads", reason: "must be ≥ 1") }
        self.shape = shape; self.threads = threads; self.parallelism = parallelism
        parallel = Parallel(mode: parallelism, threads: threads)
        inputWeight = Matrix(rows: shape.dModel, columns: shape.ffnInputWidth,
                             randomScale: 1 / Float(shape.dModel).squareRoot(), seed: seed)
        outputWeight = Matrix(rows: shape.ffn, columns: shape.dModel,
                              randomScale: 1 / Float(shape.ffn).squareRoot(), seed: seed + 1)
        preActivation = Matrix(rows: shape.seq, columns: shape.ffnInputWidth)
        activation = Matrix(rows: shape.seq, columns: shape.ffn)
    }

    /// Runs the block on `input` (`S × d`) into `output` (`S × d`, added to when `accumulate`:
    /// the residual connection rides on the second GEMM's beta) and returns the FLOPs issued
    /// (`shape.ffnFLOPs`).
    @discardableResult
    public func forward(_ input: MatrixView, into output: MatrixView, accumulate: Bool = false) throws -> Int {
        try check(input, "input"); try check(output, "output")
        let beta: Float = accumulate ? 1 : 0
        if parallelism == .workers {
            return try parallel.rows(shape.seq) { rows in
                var flops = try BLAS.gemm(input.rows(rows), inputWeight.view, into: preActivation.view.rows(rows))
                activate(rows)
                flops += try BLAS.gemm(activation.view.rows(rows), outputWeight.view, into: output.rows(rows), beta: beta)
                return flops
            }
        }
        var flops = try parallel.gemm(input, inputWeight.view, into: preActivation.view)
        _ = try parallel.rows(shape.seq) { rows in activate(rows); return 0 }
        flops += try parallel.gemm(activation.view, outputWeight.view, into: output, beta: beta)
        return flops
    }

    private func activate(_ rows: Range<Int>) {
        let f = shape.ffn
        for r in rows {
            let u = preActivation.view.row(r), a = activation.view.row(r)
            if shape.gated {
                VectorMath.swiglu(gate: u, up: u + f, a, count: f)
            } else {
                VectorMath.gelu(u, a, count: f)
            }
        }
    }

    func check(_ m: MatrixView, _ name: String) throws {
        guard m.rows == shape.seq, m.columns == shape.dModel else {
            throw HostBenchError.invalidGEMM("FFN \(name) is \(m.rows)×\(m.columns), expected \(shape.seq)×\(shape.dModel)")
        }
    }

    func makeGradients() -> FeedForwardGradients {
        if let gradients { return gradients }
        let g = FeedForwardGradients(shape: shape)
        gradients = g
        return g
    }
}
