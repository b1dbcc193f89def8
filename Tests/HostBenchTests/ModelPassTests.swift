import Testing
import Workload
@testable import HostBench

/// Whole-model measurement at tiny sizes: what runs and what is counted, never how fast.
@Suite struct ModelPassTests {
    /// A GPT-2-shaped toy: learned positions, tied head, 3 layers of width 32.
    static func toy(layers: Int = 3, moe: MoESpec? = nil, encoder: Bool = false) -> ModelSpec {
        let stack = StackSpec(
            layers: layers, attention: AttentionSpec(heads: 4, kvHeads: 2, headDim: 8),
            ffn: FFNSpec(intermediateSize: 48, gated: false, activation: .geluTanh), moe: moe,
            norm: NormSpec(kind: .layerNorm), positions: .learned(64))
        return ModelSpec(name: "toy", vocabularySize: 101, hiddenSize: 32, contextWindow: 64,
                         encoder: encoder ? stack : nil, decoder: stack, lmHead: LMHeadSpec(tied: true))
    }

    static func configuration(_ spec: ModelSpec, budget: Double = 5) -> ModelPassConfiguration {
        ModelPassConfiguration(model: spec, seq: 16, threads: 2, timeBudgetSeconds: budget, referenceSquareSizes: [16, 32])
    }

    @Test func theKernelsIssueExactlyTheMatmulCountOfTheModel() throws {
        let spec = Self.toy()
        let m = try ModelPassRunner.run(Self.configuration(spec))
        let exact = try FlopCounter(spec: spec, convention: .matmul).prefill(batch: 1, seq: 16)
        #expect(m.forwardFLOPs == exact.total)
        #expect(m.headFLOPs == 2 * 16 * 32 * 101)
        #expect(m.layers == 3 && (1...3).contains(m.layersMeasured))
        #expect(m.forwardSeconds == 3 * m.layerForwardSeconds + m.headForwardSeconds)
        #expect(m.backwardSeconds != nil && m.headBackwardSeconds != nil)
        #expect(Set(m.gemmRates.map(\.role)) == ["square_16", "square_32", "qkv", "attention_output", "ffn_input",
                                                  "ffn_output", "attention_scores", "attention_values", "lm_head"])
        #expect(m.bestSGEMMGflops == m.gemmRates.filter { $0.role.hasPrefix("square") }.map(\.gflops).max())
    }

    @Test func forwardOnlyMeasuresNoBackward() throws {
        var c = Self.configuration(Self.toy())
        c.includeBackward = false
        let m = try ModelPassRunner.run(c)
        #expect(m.layerBackwardSeconds == nil && m.backwardSeconds == nil)
        let r = try RuleMeasurement(spec: c.model, measurement: m)
        #expect(r.predictions.allSatisfy { $0.pass == .forward })
        #expect(r.measuredTrainingSeconds == nil)
    }

    @Test func encoderDecoderAndMixturesAreRefusedByName() {
        let moe = Self.toy(moe: MoESpec(experts: 4, topK: 2))
        #expect(throws: HostBenchError.self) { try ModelPassRunner.run(Self.configuration(moe)) }
        do {
            _ = try ModelPassRunner.run(Self.configuration(Self.toy(encoder: true)))
            Issue.record("an encoder–decoder model was measured")
        } catch {
            #expect("\(error)".contains("encoder–decoder"))
        }
        #expect(throws: HostBenchError.self) { try ModelPassRunner.run(Self.configuration(Self.toy(), budget: 0)) }
    }

    /// Predictions from a hand-made measurement, checked against hand arithmetic.
    @Test func predictionsArePricedAsTheirFormulasSay() throws {
        let spec = Self.toy(layers: 2)
        let shape = try LayerShape(model: spec, seq: 16)
        let rates = ["square_32": 10.0, "qkv": 5, "attention_output": 5, "ffn_input": 4, "ffn_output": 8,
                     "attention_scores": 2, "attention_values": 2, "lm_head": 5]
        let m = ModelPassMeasurement(
            model: "toy", seq: 16, threads: 1, shape: shape, layers: 2, layersMeasured: 1,
            layerForwardSeconds: 1e-4, layerBackwardSeconds: 3e-4, headForwardSeconds: 5e-5, headBackwardSeconds: 1e-4,
            headRowsPerChunk: 16, layerFLOPs: shape.layerFLOPs, headFLOPs: 2 * 16 * 32 * 101, bestSGEMMGflops: 10,
            gemmRates: rates.map { GEMMRate(role: $0.key, m: 1, n: 1, k: 1, gflops: $0.value) }, notes: [])
        let r = try RuleMeasurement(spec: spec, measurement: m)
        let n = Double(try ParameterCount.report(for: spec).total)
        let measuredForward = 2 * 1e-4 + 5e-5, measuredTraining = measuredForward + 2 * 3e-4 + 1e-4
        let rule = try #require(r.prediction("rule_2n_at_best_sgemm", .forward))
        #expect(abs(rule.seconds - 2 * n * 16 / 10e9) < 1e-15)
        #expect(abs(rule.relativeError - (rule.seconds / measuredForward - 1)) < 1e-12)
        #expect(abs(try #require(r.prediction("rule_6n_at_best_sgemm", .training)).seconds - 6 * n * 16 / 10e9) < 1e-15)
        #expect(abs(try #require(r.prediction("rule_3x_measured_forward", .training)).seconds - 3 * measuredForward) < 1e-15)
        #expect(abs(try #require(r.measuredTrainingSeconds) - measuredTraining) < 1e-15)
        // Per layer: QKV 2·16·32·64, scores and values 4 heads × 2·16·16·8 each, output 2·16·32·32,
        // FFN 2·16·32·48 in and out; the head 2·16·32·101 (FLOPs; rates in GFLOP/s).
        let perLayer = Double(2 * 16 * 32 * 64) / 5 + Double(4 * 2 * 16 * 16 * 8) / 2 * 2 + Double(2 * 16 * 32 * 32) / 5
            + Double(2 * 16 * 32 * 48) / 4 + Double(2 * 16 * 48 * 32) / 8
        let expected = (2 * perLayer + Double(2 * 16 * 32 * 101) / 5) / 1e9
        let atRates = try #require(r.prediction("exact_at_kernel_rates", .forward))
        #expect(abs(atRates.seconds - expected) < 1e-15)
        #expect(abs(try #require(r.prediction("exact_at_kernel_rates", .training)).seconds - 3 * expected) < 1e-14)
        #expect(abs(r.countFactor - Double(r.exactForwardFLOPs) / (2 * n * 16)) < 1e-12)
        #expect(r.verdict.contains("toy at 16 tokens"))
    }
}
