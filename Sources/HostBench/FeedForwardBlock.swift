/// Reference position-wise feed-forward block, FP32, forward and backward, on OpenBLAS.
///
/// ```
/// plain:  U = X·W₁ (S × F)        A = gelu(U)                 Y = A·W₂
/// gated:  U = X·W₁ (S × 2F) = [G | V]   A = silu(G) ⊙ V       Y = A·W₂
/// ```
/// Each worker takes a block of token rows through all three steps (GEMM, activation, GEMM)
/// with single-threaded OpenBLAS, so the activation runs on every core while its input is still
/// in cache and the pass needs no barrier.
public final class FeedForwardBlock: @unchecked Sendable {
    public let shape: LayerShape
    public let workers: Int
    /// `d × F` (plain) or `d × 2F` (gated: gate columns, then up columns).
    public let inputWeight: Matrix
    /// `F × d`.
    public let outputWeight: Matrix
    /// Pre-activation `U` and activation `A`, kept for the backward pass.
    let preActivation: Matrix
    let activation: Matrix
    private(set) var gradients: FeedForwardGradients?

    public init(shape: LayerShape, workers: Int = 1, seed: UInt64 = 3) throws {
        try shape.validate()
        guard workers >= 1 else { throw HostBenchError.invalidConfiguration(field: "workers", reason: "must be ≥ 1") }
        self.shape = shape; self.workers = workers
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
        return try withWorkerThreads {
            try Workers.run(workers) { w in
                let rows = Workers.share(w, of: workers, total: shape.seq)
                if rows.isEmpty { return 0 }
                var flops = try BLAS.gemm(input.rows(rows), inputWeight.view, into: preActivation.view.rows(rows))
                activate(rows)
                flops += try BLAS.gemm(activation.view.rows(rows), outputWeight.view,
                                       into: output.rows(rows), beta: accumulate ? 1 : 0)
                return flops
            }
        }
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

    func withWorkerThreads<T>(_ body: () throws -> T) rethrows -> T {
        workers > 1 ? try BLAS.withThreads(1, body) : try body()
    }

    func makeGradients() -> FeedForwardGradients {
        if let gradients { return gradients }
        let g = FeedForwardGradients(shape: shape)
        gradients = g
        return g
    }
}
