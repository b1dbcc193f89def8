import Foundation
import Testing
import CPeakFLOPS
@testable import HostBench

/// Every implementation of each activation and of the softmax this CPU runs (AVX-512F and
/// AVX2+FMA in C when the CPU has them, `SIMD8<Float>` everywhere) against the formula in `Double`, over a range that exercises both tails of the
/// exponential and a count that is not a multiple of 8. Bound: 1e-5 relative (absolute near 0).
@Suite struct ActivationTests {
    static let inputs: [Float] = (0..<203).map { Float($0) * 0.25 - 25 } + [-120, 90, 0]

    static func check(_ result: [Float], _ reference: [Double], sourceLocation: SourceLocation = #_sourceLocation) {
        for (r, e) in zip(result, reference) {
            #expect(abs(Double(r) - e) <= 1e-5 * max(1, abs(e)), "got \(r), expected \(e)", sourceLocation: sourceLocation)
        }
    }

    @Test func geluMatchesTheTanhFormula() {
        let reference = Self.inputs.map { Naive.gelu(Double($0)) }
        var out = [Float](repeating: .nan, count: Self.inputs.count)
        VectorMath.geluPortable(Self.inputs, &out, count: out.count)
        Self.check(out, reference)
        out = [Float](repeating: .nan, count: Self.inputs.count)
        VectorMath.gelu(Self.inputs, &out, count: out.count)
        Self.check(out, reference)
    }

    @Test func swigluMatchesSiLUTimesUp() {
        let up = Self.inputs.reversed().map { $0 / 10 }
        let reference = zip(Self.inputs, up).map { a, b in Double(a) * Naive.sigmoid(Double(a)) * Double(b) }
        var out = [Float](repeating: .nan, count: up.count)
        VectorMath.swigluPortable(gate: Self.inputs, up: up, &out, count: out.count)
        Self.check(out, reference)
        out = [Float](repeating: .nan, count: up.count)
        VectorMath.swiglu(gate: Self.inputs, up: up, &out, count: out.count)
        Self.check(out, reference)
    }

    @Test func everyInstructionSetAgrees() {
        let up = Self.inputs.reversed().map { $0 / 10 }
        let gelu = Self.inputs.map { Naive.gelu(Double($0)) }
        let swiglu = zip(Self.inputs, up).map { a, b in Double(a) * Naive.sigmoid(Double(a)) * Double(b) }
        var kernels: [(String, (UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int) -> Void,
                       (UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int) -> Void)] = []
        if VectorMath.avx2Activations { kernels.append(("avx2", llmcost_gelu_avx2, llmcost_swiglu_avx2)) }
        if VectorMath.avx512Activations { kernels.append(("avx512", llmcost_gelu_avx512, llmcost_swiglu_avx512)) }
        for (_, g, sw) in kernels {
            for n in [0, 1, 15, 16, 17, Self.inputs.count] {
                var out = [Float](repeating: .nan, count: n + 1)
                g(Self.inputs, &out, n)
                Self.check(Array(out[..<n]), Array(gelu[..<n]))
                #expect(out[n].isNaN, "wrote past count \(n)")
                out = [Float](repeating: .nan, count: n + 1)
                sw(Self.inputs, up, &out, n)
                Self.check(Array(out[..<n]), Array(swiglu[..<n]))
                #expect(out[n].isNaN, "wrote past count \(n)")
            }
        }
    }

    /// Softmax rows of every length and mask position against the formula in `Double`; masked
    /// entries exactly 0, nothing written past the row.
    @Test func softmaxMatchesTheFormulaOnEveryPath() {
        var paths: [(UnsafeMutablePointer<Float>, Int, Int) -> Void] = [
            { VectorMath.softmaxRowPortable($0, count: $1, valid: $2) }, { VectorMath.softmaxRow($0, count: $1, valid: $2) },
        ]
        if VectorMath.avx2Activations { paths.append { llmcost_softmax_row_avx2($0, $1, $2) } }
        if VectorMath.avx512Activations { paths.append { llmcost_softmax_row_avx512($0, $1, $2) } }
        for count in [1, 7, 16, 17, 40, 64] {
            for valid in Set([1, 2, count / 2, 15, 16, 17, count - 1, count]) where valid >= 1 && valid <= count {
                let row = (0..<count).map { Float(($0 * 37) % 23) * 0.7 - 8 }
                let m = row[..<valid].map(Double.init).max()!
                let sum = row[..<valid].reduce(0) { $0 + Foundation.exp(Double($1) - m) }
                for run in paths {
                    var p = row + [.nan]
                    run(&p, count, valid)
                    for j in 0..<count {
                        let expected = j < valid ? Foundation.exp(Double(row[j]) - m) / sum : 0
                        #expect(abs(Double(p[j]) - expected) <= 1e-6 * max(1e-3, expected), "count \(count) valid \(valid) j \(j)")
                        if j >= valid { #expect(p[j] == 0) }
                    }
                    #expect(p[count].isNaN)
                }
            }
        }
    }
}
