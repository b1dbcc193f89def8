extension FeedForwardBlock {
    /// Backward pass from `outputGradient` (`∂L/∂Y`) for the `input` of the last `forward`;
    /// writes `∂L/∂X` into `inputGradient`, the weight gradients into `gradients`, and returns
    /// the FLOPs issued (`shape.ffnBackwardFLOPs`, twice the forward):
    ///
    /// ```
    /// dA = dY·W₂ᵀ   dU = dA ⊙ act'(U)   dX = dU·W₁ᵀ     (token rows split among workers)
    /// dW₂ = Aᵀ·dY   dW₁ = Xᵀ·dU                        (output rows or columns split)
    /// ```
    @discardableResult
    public func backward(
        _ input: MatrixView, outputGradient: MatrixView, inputGradient: MatrixView
    ) throws -> Int {
        try check(input, "input"); try check(outputGradient, "output gradient"); try check(inputGradient, "input gradient")
        let g = makeGradients()
        return try withWorkerThreads {
            var flops = try Workers.run(workers) { w in
                let rows = Workers.share(w, of: workers, total: shape.seq)
                if rows.isEmpty { return 0 }
                var f = try BLAS.gemm(outputGradient.rows(rows), outputWeight.view, .transposed,
                                      into: g.activation.view.rows(rows))
                activationBackward(rows, g)
                f += try BLAS.gemm(g.preActivation.view.rows(rows), inputWeight.view, .transposed,
                                   into: inputGradient.rows(rows))
                return f
            }
            flops += try Workers.gemm(activation.view, .transposed, outputGradient, into: g.outputWeight.view, workers: workers)
            flops += try Workers.gemm(input, .transposed, g.preActivation.view, into: g.inputWeight.view, workers: workers)
            return flops
        }
    }

    private func activationBackward(_ rows: Range<Int>, _ g: FeedForwardGradients) {
        let f = shape.ffn
        for r in rows {
            let u = preActivation.view.row(r), dA = g.activation.view.row(r), dU = g.preActivation.view.row(r)
            if shape.gated {
                VectorMath.swigluBackward(gate: u, up: u + f, outputGradient: dA, gateGradient: dU, upGradient: dU + f, count: f)
            } else {
                dU.update(from: dA, count: f)
                VectorMath.geluBackward(u, dU, count: f)
            }
        }
    }
}
