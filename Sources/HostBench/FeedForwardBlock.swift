/// Reference position-wise feed-forward block, FP32, forward and backward, on OpenBLAS.
///
/// ```
/// plain:  U = X·W₁ (S × F)        A = gelu(U)                 Y = A·W₂
/// gated:  U = X·W₁ (S × 2F) = [G | V]   A = silu(G) ⊙ V       Y = A·W₂
/// ```
/// With `.workers` and `.hybrid` parallelism the inner dimension F is split among the workers
/// (Megatron's tensor-parallel FFN): each worker runs `X·W₁[:, F_w]`, the activation on its own
/// columns while they are in cache, and `A[:, F_w]·W₂[F_w, :]`, with single-threaded OpenBLAS;
/// each packs only its share of the weights, and the partial outputs are summed at the end.
/// With `.openblas` OpenBLAS threads each GEMM and the activation runs between them.
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
    /// Partial outputs of workers 1…n−1 (worker 0 writes into the output itself).
    let partialOutputs: [Matrix]
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
        let partials = parallelism == .openblas ? 0 : threads - 1
        partialOutputs = (0..<partials).map { _ in Matrix(rows: shape.seq, columns: shape.dModel) }
    }

    /// Runs the block on `input` (`S × d`) into `output` (`S × d`, added to when `accumulate`:
    /// the residual connection rides on the second GEMM's beta) and returns the FLOPs issued
    /// (`shape.ffnFLOPs`).
    @discardableResult
    public func forward(_ input: MatrixView, into output: MatrixView, accumulate: Bool = false) throws -> Int {
        try check(input, "input"); try check(output, "output")
        let beta: Float = accumulate ? 1 : 0
        let s = shape.seq, f = shape.ffn
        if parallelism == .openblas {
            var flops = try parallel.gemm(input, inputWeight.view, into: preActivation.view)
            _ = try parallel.rows(s) { rows in activate(rows, 0..<f); return 0 }
            flops += try parallel.gemm(activation.view, outputWeight.view, into: output, beta: beta)
            return flops
        }
        let n = parallel.workers
        let flops = try parallel.items(n) { w, _ in
            let inner = Workers.share(w, of: n, total: f)
            if inner.isEmpty { return 0 }
            var fl = try BLAS.gemm(input, inputWeight.view.columns(inner), into: preActivation.view.columns(inner))
            if shape.gated {
                let up = f + inner.lowerBound..<f + inner.upperBound
                fl += try BLAS.gemm(input, inputWeight.view.columns(up), into: preActivation.view.columns(up))
            }
            activate(0..<s, inner)
            let target = w == 0 ? output : partialOutputs[w - 1].view
            fl += try BLAS.gemm(activation.view.columns(inner), outputWeight.view.rows(inner), into: target,
                                beta: w == 0 ? beta : 0)
            return fl
        }
        if n > 1 {
            _ = try parallel.rows(s) { rows in
                for w in 1..<n where !Workers.share(w, of: n, total: f).isEmpty {  // skipped workers wrote nothing
                    let partial = partialOutputs[w - 1].view
                    for r in rows { VectorMath.add(partial.row(r), into: output.row(r), count: shape.dModel) }
                }
                return 0
            }
        }
        return flops
    }

    /// The activation on `rows × columns` of the inner dimension (`columns` within `0..<ffn`).
    private func activate(_ rows: Range<Int>, _ columns: Range<Int>) {
        let f = shape.ffn, c0 = columns.lowerBound, count = columns.count
        for r in rows {
            let u = preActivation.view.row(r), a = activation.view.row(r)
            if shape.gated {
                VectorMath.swiglu(gate: u + c0, up: u + f + c0, a + c0, count: count)
            } else {
                VectorMath.gelu(u + c0, a + c0, count: count)
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
