import Foundation
@testable import HostBench

/// Obviously-correct reference implementations in `Double`, written as triple loops straight
/// from the formulas, against which the OpenBLAS kernels are checked.
enum Naive {
    /// `(m × k) · (k × n)`, row-major.
    static func matmul(_ a: [Double], _ m: Int, _ k: Int, _ b: [Double], _ n: Int) -> [Double] {
        var c = [Double](repeating: 0, count: m * n)
        for i in 0..<m { for j in 0..<n { for t in 0..<k { c[i * n + j] += a[i * k + t] * b[t * n + j] } } }
        return c
    }

    static func transpose(_ a: [Double], _ rows: Int, _ cols: Int) -> [Double] {
        var t = [Double](repeating: 0, count: rows * cols)
        for i in 0..<rows { for j in 0..<cols { t[j * rows + i] = a[i * cols + j] } }
        return t
    }

    static func doubles(_ m: Matrix) -> [Double] { m.elements.map(Double.init) }

    struct AttentionCache { var qkv: [Double]; var p: [[Double]]; var o: [Double] }

    /// Attention forward: QKV projection, per-head softmax(QKᵀ/√d_k + causal mask)·V, output projection.
    static func attention(_ x: [Double], _ wqkv: [Double], _ wo: [Double], _ s: LayerShape) -> ([Double], AttentionCache) {
        let S = s.seq, d = s.dModel, dk = s.headDim, W = s.qkvWidth, A = s.attentionWidth
        let qkv = matmul(x, S, d, wqkv, W)
        var o = [Double](repeating: 0, count: S * A)
        var ps: [[Double]] = []
        for h in 0..<s.heads {
            let g = h / (s.heads / s.kvHeads)
            let qc = h * dk, kc = (s.heads + g) * dk, vc = (s.heads + s.kvHeads + g) * dk
            var p = [Double](repeating: 0, count: S * S)
            for i in 0..<S {
                let visible = s.causal ? i + 1 : S
                var row = [Double](repeating: 0, count: visible)
                for j in 0..<visible {
                    for t in 0..<dk { row[j] += qkv[i * W + qc + t] * qkv[j * W + kc + t] }
                    row[j] /= Double(dk).squareRoot()
                }
                let m = row.max()!
                let e = row.map { Foundation.exp($0 - m) }
                let z = e.reduce(0, +)
                for j in 0..<visible { p[i * S + j] = e[j] / z }
                for j in 0..<S { for t in 0..<dk { o[i * A + qc + t] += p[i * S + j] * qkv[j * W + vc + t] } }
            }
            ps.append(p)
        }
        return (matmul(o, S, A, wo, d), AttentionCache(qkv: qkv, p: ps, o: o))
    }

    /// Attention backward from `dy`: (dX, dW_qkv, dW_o).
    static func attentionBackward(
        _ x: [Double], _ wqkv: [Double], _ wo: [Double], _ s: LayerShape, _ dy: [Double]
    ) -> (dx: [Double], dWqkv: [Double], dWo: [Double]) {
        let (_, c) = attention(x, wqkv, wo, s)
        let S = s.seq, d = s.dModel, dk = s.headDim, W = s.qkvWidth, A = s.attentionWidth
        let scale = 1 / Double(dk).squareRoot()
        let dWo = matmul(transpose(c.o, S, A), A, S, dy, d)
        let dO = matmul(dy, S, d, transpose(wo, A, d), A)
        var dqkv = [Double](repeating: 0, count: S * W)
        for h in 0..<s.heads {
            let g = h / (s.heads / s.kvHeads)
            let qc = h * dk, kc = (s.heads + g) * dk, vc = (s.heads + s.kvHeads + g) * dk
            let p = c.p[h]
            var dP = [Double](repeating: 0, count: S * S)
            for i in 0..<S { for j in 0..<S { for t in 0..<dk {
                dP[i * S + j] += dO[i * A + qc + t] * c.qkv[j * W + vc + t]
                dqkv[j * W + vc + t] += p[i * S + j] * dO[i * A + qc + t]
            } } }
            for i in 0..<S {
                var dot = 0.0
                for j in 0..<S { dot += dP[i * S + j] * p[i * S + j] }
                for j in 0..<S {
                    let dS = p[i * S + j] * (dP[i * S + j] - dot) * scale
                    for t in 0..<dk {
                        dqkv[i * W + qc + t] += dS * c.qkv[j * W + kc + t]
                        dqkv[j * W + kc + t] += dS * c.qkv[i * W + qc + t]
                    }
                }
            }
        }
        let dWqkv = matmul(transpose(x, S, d), d, S, dqkv, W)
        let dx = matmul(dqkv, S, W, transpose(wqkv, d, W), d)
        return (dx, dWqkv, dWo)
    }

    static func sigmoid(_ z: Double) -> Double { 1 / (1 + Foundation.exp(-z)) }

    /// GELU with the tanh approximation, as GPT-2 writes it.
    static func gelu(_ u: Double) -> Double {
        0.5 * u * (1 + tanh(0.7978845608028654 * (u + 0.044715 * u * u * u)))
    }

    static func geluDerivative(_ u: Double) -> Double {
        let k = 0.7978845608028654, t = tanh(k * (u + 0.044715 * u * u * u))
        return 0.5 * (1 + t) + 0.5 * u * (1 - t * t) * k * (1 + 3 * 0.044715 * u * u)
    }

    /// FFN forward: plain `gelu(X·W₁)·W₂`, gated `(silu(X·W_g) ⊙ X·W_u)·W₂`; returns (Y, U, A).
    static func ffn(_ x: [Double], _ w1: [Double], _ w2: [Double], _ s: LayerShape) -> ([Double], [Double], [Double]) {
        let S = s.seq, d = s.dModel, F = s.ffn, Fi = s.ffnInputWidth
        let u = matmul(x, S, d, w1, Fi)
        var a = [Double](repeating: 0, count: S * F)
        for i in 0..<S { for j in 0..<F {
            a[i * F + j] = s.gated
                ? u[i * Fi + j] * sigmoid(u[i * Fi + j]) * u[i * Fi + F + j]
                : gelu(u[i * Fi + j])
        } }
        return (matmul(a, S, F, w2, d), u, a)
    }

    static func ffnBackward(
        _ x: [Double], _ w1: [Double], _ w2: [Double], _ s: LayerShape, _ dy: [Double]
    ) -> (dx: [Double], dW1: [Double], dW2: [Double]) {
        let S = s.seq, d = s.dModel, F = s.ffn, Fi = s.ffnInputWidth
        let (_, u, a) = ffn(x, w1, w2, s)
        let dW2 = matmul(transpose(a, S, F), F, S, dy, d)
        let dA = matmul(dy, S, d, transpose(w2, F, d), F)
        var dU = [Double](repeating: 0, count: S * Fi)
        for i in 0..<S { for j in 0..<F {
            if s.gated {
                let g = u[i * Fi + j], v = u[i * Fi + F + j], sg = sigmoid(g)
                dU[i * Fi + j] = dA[i * F + j] * v * sg * (1 + g * (1 - sg))
                dU[i * Fi + F + j] = dA[i * F + j] * g * sg
            } else {
                dU[i * Fi + j] = dA[i * F + j] * geluDerivative(u[i * Fi + j])
            }
        } }
        return (matmul(dU, S, Fi, transpose(w1, d, Fi), d), matmul(transpose(x, S, d), d, S, dU, Fi), dW2)
    }

    /// LayerNorm or RMSNorm of each row.
    static func norm(_ x: [Double], _ s: LayerShape, _ gamma: [Double], _ beta: [Double]) -> [Double] {
        let d = s.dModel
        var y = x
        for i in 0..<s.seq {
            let row = Array(x[i * d..<(i + 1) * d])
            let mean = s.norm == .layerNorm ? row.reduce(0, +) / Double(d) : 0
            let v = row.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(d)
            for j in 0..<d {
                let n = (row[j] - mean) / (v + 1e-5).squareRoot() * gamma[j]
                y[i * d + j] = s.norm == .layerNorm ? n + beta[j] : n
            }
        }
        return y
    }

    /// `H = X + Attn(Norm₁ X)`, `Y = H + FFN(Norm₂ H)`.
    static func layer(_ x: [Double], _ layer: TransformerLayer) -> [Double] {
        let s = layer.shape
        let n1 = norm(x, s, doubles(layer.normScale.0), doubles(layer.normShift.0))
        let a = attention(n1, doubles(layer.attention.qkvWeight), doubles(layer.attention.outputWeight), s).0
        let h = zip(x, a).map(+)
        let n2 = norm(h, s, doubles(layer.normScale.1), doubles(layer.normShift.1))
        let f = ffn(n2, doubles(layer.feedForward.inputWeight), doubles(layer.feedForward.outputWeight), s).0
        return zip(h, f).map(+)
    }
}

/// `max|result − reference| / max|reference|`: a norm-wise relative error, so entries near zero
/// do not blow it up.
func relativeError(_ result: [Double], _ reference: [Double]) -> Double {
    precondition(result.count == reference.count)
    let scale = max(reference.map(abs).max() ?? 0, 1e-30)
    return zip(result, reference).map { abs($0 - $1) }.max().map { $0 / scale } ?? 0
}
