extension AttentionBlock {
    /// Backward pass from `outputGradient` (`∂L/∂Y`, `S × d`) for the `input` of the last
    /// `forward`; writes `∂L/∂X` into `inputGradient` and the weight gradients into `gradients`,
    /// and returns the FLOPs issued (`shape.attentionBackwardFLOPs`, twice the forward):
    ///
    /// ```
    /// dW_o = Oᵀ·dY        dO = dY·W_oᵀ
    /// per head:  dV_g += Pₕᵀ·dOₕ   dPₕ = dOₕ·V_gᵀ   dSₕ = Pₕ ⊙ (dPₕ − rowsum(dPₕ ⊙ Pₕ))
    ///            dQₕ = scale·dSₕ·K_g   dK_g += scale·dSₕᵀ·Qₕ
    /// dW_qkv = Xᵀ·dQKV    dX = dQKV·W_qkvᵀ
    /// ```
    @discardableResult
    public func backward(
        _ input: MatrixView, outputGradient: MatrixView, inputGradient: MatrixView
    ) throws -> Int {
        try checkActivation(input, "input"); try checkActivation(outputGradient, "output gradient")
        try checkActivation(inputGradient, "input gradient")
        let g = makeGradients()
        var flops = try parallel.gemm(context.view, .transposed, outputGradient, into: g.outputWeight.view)
        flops += try parallel.gemm(outputGradient, outputWeight.view, .transposed, into: g.context.view)
        flops += try parallel.items(shape.heads) { h, w in
            try headBackward(h, scratch: g.scores[w].view, gradients: g)
        }
        if shape.groupSize > 1 { try sumGroupGradients(g) }
        flops += try parallel.gemm(input, .transposed, g.qkv.view, into: g.qkvWeight.view)
        flops += try parallel.gemm(g.qkv.view, qkvWeight.view, .transposed, into: inputGradient)
        return flops
    }

    /// One query head's four backward GEMMs and the softmax backward, on one thread. With
    /// grouped-query attention the K/V gradients go to per-head scratch, summed afterwards, so
    /// heads sharing a K/V head never write the same memory at once.
    private func headBackward(_ h: Int, scratch dS: MatrixView, gradients g: AttentionGradients) throws -> Int {
        let s = shape.seq, dk = shape.headDim
        let (q, k, v) = headViews(h, of: qkv.view)
        let (dQ, dKShared, dVShared) = headViews(h, of: g.qkv.view)
        let headColumns = h * dk..<(h + 1) * dk
        let dK = g.headKeys?.view.columns(headColumns) ?? dKShared
        let dV = g.headValues?.view.columns(headColumns) ?? dVShared
        let p = probabilities.view.rows(h * s..<(h + 1) * s)
        let dO = g.context.view.columns(headColumns)
        var flops = try BLAS.gemm(p, .transposed, dO, into: dV)
        flops += try BLAS.gemm(dO, v, .transposed, into: dS)
        for i in 0..<s {
            VectorMath.softmaxBackwardRow(probabilities: p.row(i), gradient: dS.row(i), count: s, valid: shape.causal ? i + 1 : s)
        }
        flops += try BLAS.gemm(dS, k, into: dQ, alpha: scoreScale)
        flops += try BLAS.gemm(dS, .transposed, q, into: dK, alpha: scoreScale)
        return flops
    }

    /// `dK_g = Σ_{h in group g} dKₕ` (and the same for V), token rows split among the workers.
    private func sumGroupGradients(_ g: AttentionGradients) throws {
        guard let keys = g.headKeys, let values = g.headValues else { return }
        let dk = shape.headDim, heads = shape.heads, kv = shape.kvHeads, group = shape.groupSize
        _ = try parallel.rows(shape.seq) { rows in
            for r in rows {
                for part in 0..<2 {  // K, then V
                    let from = (part == 0 ? keys : values).view.row(r)
                    let to = g.qkv.view.row(r) + (part == 0 ? heads : heads + kv) * dk
                    for kvHead in 0..<kv {
                        let target = to + kvHead * dk
                        target.update(from: from + kvHead * group * dk, count: dk)
                        for member in 1..<group {
                            VectorMath.add(from + (kvHead * group + member) * dk, into: target, count: dk)
                        }
                    }
                }
            }
            return 0
        }
    }
}
