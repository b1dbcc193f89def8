import CPeakFLOPS

extension VectorMath {
    /// √(2/π), the tanh-approximation GELU's constant.
    static let geluK: Float = 0.797_884_56
    static let geluC: Float = 0.044_715

    /// GELU, tanh approximation, written as a sigmoid so one `exp` per element suffices:
    ///
    /// ```
    /// gelu(x) = ½·x·(1 + tanh(u)) = x·σ(2u),   u = √(2/π)·(x + 0.044715·x³)
    /// ```
    @inline(__always) static func gelu(_ x: V) -> V {
        let u = V(repeating: geluK) * (x + V(repeating: geluC) * x * x * x)
        return x * sigmoid(u + u)
    }

    /// `d gelu / dx = σ(2u) + x·2σ(2u)(1 − σ(2u))·√(2/π)·(1 + 3·0.044715·x²)`.
    @inline(__always) static func geluDerivative(_ x: V) -> V {
        let x2 = x * x
        let u = V(repeating: geluK) * (x + V(repeating: geluC) * x2 * x)
        let s = sigmoid(u + u)
        let du = V(repeating: geluK) * (V(repeating: 1) + V(repeating: 3 * geluC) * x2)
        return s + x * V(repeating: 2) * s * (V(repeating: 1) - s) * du
    }

    /// Whether the AVX2+FMA activations of `CPeakFLOPS` can run here (3× faster than the
    /// SSE2 code Swift emits for `SIMD8<Float>`).
    static let avx2Activations = llmcost_activations_avx2_available() != 0
    /// Whether the AVX-512F versions can run here (16 lanes, masked tails).
    static let avx512Activations = llmcost_activations_avx512_available() != 0

    /// `output = gelu(input)` over `count` contiguous elements.
    static func gelu(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, count: Int) {
        if avx512Activations { llmcost_gelu_avx512(input, output, count); return }
        if avx2Activations { llmcost_gelu_avx2(input, output, count); return }
        geluPortable(input, output, count: count)
    }

    /// `gelu` in `SIMD8<Float>` (SSE2 on x86-64): the fallback, and the tests' second opinion.
    static func geluPortable(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        while i + 8 <= count { store(gelu(load(input + i)), output + i); i += 8 }
        if i < count { storePartial(gelu(loadPartial(input + i, count - i, fill: 0)), output + i, count - i) }
    }

    /// `gradient ← gradient · gelu'(input)` over `count` contiguous elements.
    static func geluBackward(_ input: UnsafePointer<Float>, _ gradient: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        while i + 8 <= count { store(load(gradient + i) * geluDerivative(load(input + i)), gradient + i); i += 8 }
        while i < count {
            let d = geluDerivative(V(repeating: input[i]))[0]
            gradient[i] *= d; i += 1
        }
    }

    /// SwiGLU: `output = silu(gate) ⊙ up`, `silu(a) = a·σ(a)`.
    static func swiglu(
        gate: UnsafePointer<Float>, up: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, count: Int
    ) {
        if avx512Activations { llmcost_swiglu_avx512(gate, up, output, count); return }
        if avx2Activations { llmcost_swiglu_avx2(gate, up, output, count); return }
        swigluPortable(gate: gate, up: up, output, count: count)
    }

    /// `swiglu` in `SIMD8<Float>`: the fallback, and the tests' second opinion.
    static func swigluPortable(
        gate: UnsafePointer<Float>, up: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, count: Int
    ) {
        var i = 0
        while i + 8 <= count {
            let a = load(gate + i)
            store(a * sigmoid(a) * load(up + i), output + i); i += 8
        }
        if i < count {
            let a = loadPartial(gate + i, count - i, fill: 0)
            storePartial(a * sigmoid(a) * loadPartial(up + i, count - i, fill: 0), output + i, count - i)
        }
    }

    /// SwiGLU backward: from `dA` and the cached gate and up activations,
    /// `d gate = dA·up·σ(a)(1 + a(1 − σ(a)))` and `d up = dA·a·σ(a)`.
    static func swigluBackward(
        gate: UnsafePointer<Float>, up: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>,
        gateGradient: UnsafeMutablePointer<Float>, upGradient: UnsafeMutablePointer<Float>, count: Int
    ) {
        @inline(__always) func step(_ a: V, _ b: V, _ g: V) -> (V, V) {
            let s = sigmoid(a)
            let one = V(repeating: 1)
            return (g * b * s * (one + a * (one - s)), g * a * s)
        }
        var i = 0
        while i + 8 <= count {
            let (da, db) = step(load(gate + i), load(up + i), load(outputGradient + i))
            store(da, gateGradient + i); store(db, upGradient + i); i += 8
        }
        if i < count {
            let n = count - i
            let (da, db) = step(
                loadPartial(gate + i, n, fill: 0), loadPartial(up + i, n, fill: 0),
                loadPartial(outputGradient + i, n, fill: 0))
            storePartial(da, gateGradient + i, n); storePartial(db, upGradient + i, n)
        }
    }
}
