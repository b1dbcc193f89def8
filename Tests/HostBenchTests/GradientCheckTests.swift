import Testing
@testable import HostBench

/// The naive backward passes (which the kernels are checked against) against central finite
/// differences of the naive forward passes, in `Double`: `∂L/∂θ ≈ (L(θ+ε) − L(θ−ε)) / 2ε` with
/// `L = Σ Y ⊙ G`. Bound: 1e-6 relative (truncation error ~ε² = 1e-10, rounding ~1e-16/ε).
@Suite struct GradientCheckTests {
    static let shape = LayerShape(dModel: 6, heads: 3, kvHeads: 1, headDim: 2, seq: 5, ffn: 7)

    static func values(_ n: Int, seed: UInt64) -> [Double] {
        Naive.doubles(Matrix(rows: 1, columns: n, randomScale: 1, seed: seed))
    }

    /// Central difference of `loss` with respect to every entry of `x`.
    static func numericGradient(_ x: [Double], _ loss: ([Double]) -> Double) -> [Double] {
        let eps = 1e-5
        return x.indices.map { i in
            var plus = x, minus = x
            plus[i] += eps; minus[i] -= eps
            return (loss(plus) - loss(minus)) / (2 * eps)
        }
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).map(*).reduce(0, +) }

    @Test(arguments: [true, false])
    func naiveAttentionBackwardMatchesFiniteDifferences(causal: Bool) {
        var s = Self.shape
        s.causal = causal
        let x = Self.values(s.seq * s.dModel, seed: 1), wqkv = Self.values(s.dModel * s.qkvWidth, seed: 2)
        let wo = Self.values(s.attentionWidth * s.dModel, seed: 3), g = Self.values(s.seq * s.dModel, seed: 4)
        let analytic = Naive.attentionBackward(x, wqkv, wo, s, g)
        let dx = Self.numericGradient(x) { Self.dot(Naive.attention($0, wqkv, wo, s).0, g) }
        let dWqkv = Self.numericGradient(wqkv) { Self.dot(Naive.attention(x, $0, wo, s).0, g) }
        let dWo = Self.numericGradient(wo) { Self.dot(Naive.attention(x, wqkv, $0, s).0, g) }
        #expect(relativeError(analytic.dx, dx) <= 1e-6)
        #expect(relativeError(analytic.dWqkv, dWqkv) <= 1e-6)
        #expect(relativeError(analytic.dWo, dWo) <= 1e-6)
    }

    @Test(arguments: [false, true])
    func naiveFFNBackwardMatchesFiniteDifferences(gated: Bool) {
        var s = Self.shape
        s.gated = gated
        let x = Self.values(s.seq * s.dModel, seed: 5), w1 = Self.values(s.dModel * s.ffnInputWidth, seed: 6)
        let w2 = Self.values(s.ffn * s.dModel, seed: 7), g = Self.values(s.seq * s.dModel, seed: 8)
        let analytic = Naive.ffnBackward(x, w1, w2, s, g)
        #expect(relativeError(analytic.dx, Self.numericGradient(x) { Self.dot(Naive.ffn($0, w1, w2, s).0, g) }) <= 1e-6)
        #expect(relativeError(analytic.dW1, Self.numericGradient(w1) { Self.dot(Naive.ffn(x, $0, w2, s).0, g) }) <= 1e-6)
        #expect(relativeError(analytic.dW2, Self.numericGradient(w2) { Self.dot(Naive.ffn(x, w1, $0, s).0, g) }) <= 1e-6)
    }
}
