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
        var flops = 0
        if parallelism == .workers {
            flops += try parallel.rows(shape.seq) { rows in
                var f = try BLAS.gemm(outputGradient.rows(rows), outputWeight.view, .transposed,
                                      into: g.activation.view.rows(rows))
                activationBackward(rows, g)
                f += try BLAS.gemm(g.preActivation.view.rows(rows), inputWeight.view, .transposed,
                                   into: inputGradient.rows(rows))
                return f
            }
        } else {
            flops += try parallel.gemm(outputGradient, outputWeight.view, .transposed, into: g.activation.view)
            _ = try parallel.rows(shape.seq) { rows in activationBackward(rows, g); return 0 }
            flops += try parallel.gemm(g.preActivation.view, inputWeight.view, .transposed, into: inputGradient)
        }
        flops += try parallel.gemm(activation.view, .transposed, outputGradient, into: g.outputWeight.view)
        flops += try parallel.gemm(input, .transposed, g.preActivation.view, into: g.inputWeight.view)
        return flops
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
