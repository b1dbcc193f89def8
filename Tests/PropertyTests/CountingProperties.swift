import PropertyBased
import Testing
@testable import Workload

@Suite struct CountingProperties {
    @Test func componentsSumToTheTotals() async {
        await propertyCheck(count: 300, input: ArchitectureGenerator.shapes) { shape in
            let spec = shape.spec
            let p = try ParameterCount.report(for: spec)
            #expect(p.components.reduce(Int128(0)) { $0 + $1.parameters.value } == p.total, "\(shape)")
            #expect(p.active <= p.total && p.nonEmbedding <= p.total)
            for convention in Convention.allCases {
                let f = try FlopCounter(spec: spec, convention: convention).prefill(batch: 2, seq: 9)
                #expect(f.components.reduce(Int128(0)) { $0 + $1.flops.value } == f.total)
                #expect(f.components.allSatisfy { $0.flops.value > 0 })
            }
        }
    }

    @Test func parametersGrowWithWidthDepthVocabularyAndExperts() async {
        await propertyCheck(count: 200, input: ArchitectureGenerator.shapes) { shape in
            let base = try ParameterCount.report(for: shape.spec).total
            var wider = shape; wider.hidden += 1
            var deeper = shape; deeper.layers += 1
            var bigger = shape; bigger.vocab += 1
            #expect(try ParameterCount.report(for: wider.spec).total > base, "\(shape)")
            #expect(try ParameterCount.report(for: deeper.spec).total > base)
            #expect(try ParameterCount.report(for: bigger.spec).total > base)
            var spec = shape.spec
            if let moe = spec.decoder?.moe {
                spec.decoder?.moe?.experts = moe.experts + 1
                #expect(try ParameterCount.report(for: spec).total > base)
            }
        }
    }

    @Test func flopsScaleExactlyLinearlyWithBatch() async {
        await propertyCheck(count: 200, input: ArchitectureGenerator.shapes, Gen.int(in: 2...50)) { shape, batch in
            for convention in Convention.allCases {
                let c = try FlopCounter(spec: shape.spec, convention: convention)
                #expect(try c.prefill(batch: batch, seq: 13).total == Int128(batch) * c.prefill(batch: 1, seq: 13).total, "\(shape)")
                #expect(try c.decode(batch: batch, context: 7).total == Int128(batch) * c.decode(batch: 1, context: 7).total)
            }
        }
    }

    @Test func causalIsAtMostMatmulIsAtMostFull() async {
        await propertyCheck(count: 200, input: ArchitectureGenerator.shapes, Gen.int(in: 1...300)) { shape, seq in
            let totals = try [Convention.causal, .matmul, .full].map {
                try FlopCounter(spec: shape.spec, convention: $0).prefill(batch: 1, seq: seq).total
            }
            #expect(totals[0] <= totals[1] && totals[1] <= totals[2], "\(shape) seq \(seq)")
        }
    }

    @Test func trainingIsThreeTimesForwardUnderMatmul() async {
        await propertyCheck(count: 200, input: ArchitectureGenerator.shapes, Gen.int(in: 1...200)) { shape, seq in
            let c = try FlopCounter(spec: shape.spec)
            #expect(try c.train(batch: 1, seq: seq).total == 3 * c.prefill(batch: 1, seq: seq).total, "\(shape)")
        }
    }

    @Test func decodeAtContextPlusPrefillIsPrefillOfOneMoreUnderCausal() async {
        await propertyCheck(count: 200, input: ArchitectureGenerator.shapes, Gen.int(in: 1...300)) { shape, p in
            var spec = shape.spec
            guard !spec.isEncoderDecoder else { return }   // the identity is about one causal stack
            spec.encoder = nil
            let c = try FlopCounter(spec: spec, convention: .causal)
            let lhs = try c.decode(batch: 1, context: p).total + c.prefill(batch: 1, seq: p).total
            #expect(lhs == (try c.prefill(batch: 1, seq: p + 1).total), "\(shape) p \(p)")
        }
    }

    @Test func activeParametersNeverExceedTotal() async {
        await propertyCheck(count: 200, input: ArchitectureGenerator.shapes) { shape in
            let p = try ParameterCount.report(for: shape.spec)
            #expect(p.active <= p.total)
            if shape.flag(4) { #expect(p.active < p.total || shape.spec.decoder?.moe?.topK == shape.spec.decoder?.moe?.experts) }
        }
    }
}
