import Workload

extension VectorMath {
    /// The norms' ε (Llama's RMSNorm and GPT-2's LayerNorm both use 1e-5 or close to it).
    static let normEpsilon: Float = 1e-5

    /// One row of LayerNorm or RMSNorm, `input` → `output` (may not alias):
    ///
    /// ```
    /// LayerNorm: yᵢ = (xᵢ − μ)/√(σ² + ε)·γᵢ + βᵢ        RMSNorm: yᵢ = xᵢ/√(mean(x²) + ε)·γᵢ
    /// ```
    static func normalizeRow(
        _ kind: NormSpec.Kind, _ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>,
        count: Int, gamma: UnsafePointer<Float>, beta: UnsafePointer<Float>
    ) {
        var sum = V.zero, squares = V.zero
        var i = 0
        while i + 8 <= count { let x = load(input + i); sum += x; squares += x * x; i += 8 }
        var s = sum.sum(), q = squares.sum()
        while i < count { s += input[i]; q += input[i] * input[i]; i += 1 }
        let n = Float(count)
        let mean: Float = kind == .layerNorm ? s / n : 0
        let variance = kind == .layerNorm ? max(q / n - mean * mean, 0) : q / n
        let rstd = 1 / (variance + normEpsilon).squareRoot()
        let vm = V(repeating: mean), vr = V(repeating: rstd)
        i = 0
        if kind == .layerNorm {
            while i + 8 <= count {
                store((load(input + i) - vm) * vr * load(gamma + i) + load(beta + i), output + i); i += 8
            }
            while i < count { output[i] = (input[i] - mean) * rstd * gamma[i] + beta[i]; i += 1 }
        } else {
            while i + 8 <= count { store(load(input + i) * vr * load(gamma + i), output + i); i += 8 }
            while i < count { output[i] = input[i] * rstd * gamma[i]; i += 1 }
        }
    }
}
