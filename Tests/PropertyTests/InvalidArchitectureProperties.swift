import Foundation
import PropertyBased
import Testing
@testable import Workload

/// Random architectures with any sizes at all — zero, negative, huge, inconsistent: each is
/// either refused by validation with one line naming a field, or counted with exact,
/// non-negative figures whose components sum to the totals. Never a trap.
@Suite struct InvalidArchitectureProperties {
    /// Sizes: small powers of two, and the edges — negatives, zero, an odd size, 2^31, 2^62,
    /// Int.max. Every other case draws small sizes only, so that half the architectures have a
    /// chance to be valid and reach the counters.
    static let pool = [1, 2, 4, 8, 16, 32, 64, 2, 4, 8, -1, 0, 3, 1 << 31, 1 << 62, Int.max]
    static let pick = Gen.int(in: 0...15)
    static let sizes = zip(Gen.bool, zip(pick, pick, pick, pick, pick, pick, pick, pick)).map { small, p in
        let v = { (i: Int) in pool[small ? i % 10 : i] }
        return (v(p.0), v(p.1), v(p.2), v(p.3), v(p.4), v(p.5), v(p.6), v(p.7))
    }

    static func spec(_ s: (Int, Int, Int, Int, Int, Int, Int, Int)) -> ModelSpec {
        let attention = AttentionSpec(heads: s.0, kvHeads: s.1, headDim: s.2)
        let moe = s.6 % 3 == 0 || s.6 == 2 ? nil : MoESpec(experts: s.6, topK: s.7)
        let decoder = StackSpec(layers: s.3, attention: attention, ffn: FFNSpec(intermediateSize: s.4, gated: s.5 % 2 == 0, activation: .silu),
                                moe: moe, norm: NormSpec(kind: .rmsNorm), positions: .rotary(dimensions: s.2),
                                slidingWindow: s.7 > 0 && s.7 < 100 ? s.7 : nil)
        return ModelSpec(name: "hostile", vocabularySize: s.5, hiddenSize: s.7 % 4 == 3 ? s.4 / 2 &+ s.0 : s.0 &* s.2, contextWindow: s.3 > 0 ? s.3 : nil,
                         decoder: decoder, lmHead: LMHeadSpec(tied: s.1 % 2 == 0))
    }

    @Test func everyArchitectureIsCountedExactlyOrRefusedInOneLine() async {
        await propertyCheck(count: 400, input: Self.sizes) { sizes in
            let candidate = Self.spec(sizes)
            let spec: ModelSpec
            do {
                spec = try candidate.validated(file: "random.yaml")
            } catch {
                let text = "\(error)"
                #expect(!text.isEmpty && !text.contains("\n") && text.contains("random.yaml"), "\(sizes): \(text)")
                return
            }
            do {
                let p = try ParameterCount.report(for: spec)
                #expect(p.total >= 0 && p.components.reduce(Int128(0)) { $0 + $1.parameters.value } == p.total, "\(sizes)")
                for convention in Convention.allCases {
                    let f = try FlopCounter(spec: spec, convention: convention).prefill(batch: 3, seq: 7)
                    #expect(f.total >= 0 && f.components.reduce(Int128(0)) { $0 + $1.flops.value } == f.total, "\(sizes)")
                    #expect(f.flopsPerToken.isFinite)
                }
            } catch {
                // Too large for 128 bits: an overflow error, one line, never a wrapped figure.
                #expect(!"\(error)".contains("\n"), "\(sizes): \(error)")
            }
        }
    }
}
