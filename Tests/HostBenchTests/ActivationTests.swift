import Foundation
import Testing
@testable import HostBench

/// Both implementations of each activation (AVX2+FMA in C when the CPU has it, `SIMD8<Float>`
/// otherwise) against the formula in `Double`, over a range that exercises both tails of the
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
}
