/// One pre-norm transformer layer, the way GPT-2 and Llama compose it:
///
/// ```
/// H = X + Attention(Norm₁(X))
/// Y = H + FFN(Norm₂(H))
/// ```
/// The residual adds ride on the output GEMMs' beta (H starts as a copy of X, Y of H), so
/// the layer issues exactly the GEMMs of its two blocks.
public final class TransformerLayer: @unchecked Sendable {
    public let shape: LayerShape
    public let threads: Int
    public let parallelism: KernelParallelism
    public let attention: AttentionBlock
    public let feedForward: FeedForwardBlock
    /// Norm scales γ and shifts β (β unused by RMSNorm), 1 × d each.
    public let normScale: (Matrix, Matrix)
    public let normShift: (Matrix, Matrix)
    let normalized: Matrix
    let hidden: Matrix

    public init(shape: LayerShape, threads: Int = 1, parallelism: KernelParallelism = .hybrid, seed: UInt64 = 1) throws {
        attention = try AttentionBlock(shape: shape, threads: threads, parallelism: parallelism, seed: seed)
        feedForward = try FeedForwardBlock(shape: shape, threads: threads, parallelism: parallelism, seed: seed + 2)
        self.shape = shape; self.threads = threads; self.parallelism = parallelism
        let d = shape.dModel
        func around(_ center: Float, _ s: UInt64) -> Matrix {
            let m = Matrix(rows: 1, columns: d, randomScale: 0.1, seed: s)
            for i in 0..<d { m.storage[i] += center }
            return m
        }
        normScale = (around(1, seed + 10), around(1, seed + 11))
        normShift = (around(0, seed + 12), around(0, seed + 13))
        normalized = Matrix(rows: shape.seq, columns: d)
        hidden = Matrix(rows: shape.seq, columns: d)
    }

    /// Runs the layer on `input` (`S × d`) into `output` (`S × d`) and returns the FLOPs issued
    /// (`shape.layerFLOPs`).
    @discardableResult
    public func forward(_ input: MatrixView, into output: MatrixView) throws -> Int {
        try attention.checkActivation(input, "input"); try attention.checkActivation(output, "output")
        try normalize(input, copyInto: hidden.view, scale: normScale.0, shift: normShift.0)
        var flops = try attention.forward(normalized.view, into: hidden.view, accumulate: true)
        try normalize(hidden.view, copyInto: output, scale: normScale.1, shift: normShift.1)
        flops += try feedForward.forward(normalized.view, into: output, accumulate: true)
        return flops
    }

    /// `normalized ← Norm(source)` and `residual ← source`, token rows split among workers.
    private func normalize(_ source: MatrixView, copyInto residual: MatrixView, scale: Matrix, shift: Matrix) throws {
        let d = shape.dModel
        _ = try attention.parallel.rows(shape.seq) { rows in
            for r in rows {
                VectorMath.normalizeRow(shape.norm, source.row(r), normalized.view.row(r), count: d,
                                        gamma: scale.storage, beta: shift.storage)
                residual.row(r).update(from: source.row(r), count: d)
            }
            return 0
        }
    }
}
