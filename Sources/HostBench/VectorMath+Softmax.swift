import CPeakFLOPS

extension VectorMath {
    /// Numerically stable softmax of one score row in place, over its first `valid` entries
    /// (the causal mask: query `i` sees keys `0…i`); the masked entries become exactly 0.
    ///
    /// ```
    /// pⱼ = exp(sⱼ − maxₖ sₖ) / Σₖ exp(sₖ − maxₖ sₖ)   for j < valid,   pⱼ = 0 otherwise
    /// ```
    /// The `1/√d_k` scale is already in the scores (the QKᵀ GEMM's alpha).
    /// Runs in AVX-512F or AVX2+FMA C when the CPU has it (`CPeakFLOPS`), else `softmaxRowPortable`.
    static func softmaxRow(_ p: UnsafeMutablePointer<Float>, count: Int, valid: Int) {
        if avx512Activations { llmcost_softmax_row_avx512(p, count, valid); return }
        if avx2Activations { llmcost_softmax_row_avx2(p, count, valid); return }
        softmaxRowPortable(p, count: count, valid: valid)
    }

    /// `softmaxRow` in `SIMD8<Float>` (SSE2 on x86-64): the fallback, and the tests' second opinion.
    static func softmaxRowPortable(_ p: UnsafeMutablePointer<Float>, count: Int, valid: Int) {
        var m = V(repeating: -.infinity)
        var i = 0
        while i + 8 <= valid { let x = load(p + i); m.replace(with: x, where: x .> m); i += 8 }
        if i < valid {
            let x = loadPartial(p + i, valid - i, fill: -.infinity)
            m.replace(with: x, where: x .> m)
        }
        let rowMax = V(repeating: m.max())
        var s = V.zero
        i = 0
        while i + 8 <= valid {
            let e = exp(load(p + i) - rowMax)
            store(e, p + i); s += e; i += 8
        }
        if i < valid {
            let e = exp(loadPartial(p + i, valid - i, fill: -.infinity) - rowMax)
            let lanes = SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7)
            let kept = e.replacing(with: 0, where: lanes .>= SIMD8<Int32>(repeating: Int32(valid - i)))
            storePartial(kept, p + i, valid - i); s += kept
        }
        let inverse = V(repeating: 1 / s.sum())
        i = 0
        while i + 8 <= valid { store(load(p + i) * inverse, p + i); i += 8 }
        while i < valid { p[i] *= inverse[0]; i += 1 }
        if valid < count { (p + valid).update(repeating: 0, count: count - valid) }
    }

    /// Softmax backward for one row in place: `dP` becomes `dS`, the gradient of the scores.
    ///
    /// ```
    /// dSⱼ = Pⱼ · (dPⱼ − Σₖ dPₖ·Pₖ)
    /// ```
    /// Masked entries have `Pⱼ = 0`, so they get no gradient.
    static func softmaxBackwardRow(
        probabilities p: UnsafePointer<Float>, gradient g: UnsafeMutablePointer<Float>, count: Int, valid: Int
    ) {
        var acc = V.zero
        var i = 0
        while i + 8 <= valid { acc += load(p + i) * load(g + i); i += 8 }
        var dot = acc.sum()
        while i < valid { dot += p[i] * g[i]; i += 1 }
        let d = V(repeating: dot)
        i = 0
        while i + 8 <= valid { store(load(p + i) * (load(g + i) - d), g + i); i += 8 }
        while i < valid { g[i] = p[i] * (g[i] - dot); i += 1 }
        if valid < count { (g + valid).update(repeating: 0, count: count - valid) }
    }
}
