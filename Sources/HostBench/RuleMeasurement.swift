import Workload

/// One way of predicting how long a pass takes, and how far it lands from the measurement.
public struct TimePrediction: Codable, Sendable, Equatable {
    public enum Pass: String, Codable, Sendable { case forward, training }

    /// `rule_2n_at_best_sgemm`, `exact_at_best_sgemm`, `exact_at_kernel_rates`, `rule_6n_at_best_sgemm`,
    /// `rule_3x_measured_forward`.
    public var name: String
    public var pass: Pass
    public var seconds: Double
    /// `seconds ÷ measured − 1`: negative when the prediction is too optimistic.
    public var relativeError: Double
    public var formula: String

    enum CodingKeys: String, CodingKey { case name, pass, seconds, formula, relativeError = "relative_error" }
}

/// The rules of thumb against a measured pass: the measured seconds, and what 2·N (6·N) at the
/// best SGEMM rate, the exact count at that rate, and the exact count at the rate of each GEMM
/// shape predict.
///
/// The rule's error splits into two factors: `count` (exact FLOPs ÷ 2·N·tokens: what the rule
/// leaves out or over-counts) and `rate` (measured ÷ exact-at-best-SGEMM: how far the pass's real
/// throughput falls below one large GEMM's).
public struct RuleMeasurement: Sendable {
    public var measurement: ModelPassMeasurement
    public var parameters: Int128
    public var tokens: Int
    /// Exact `matmul` forward FLOPs of the real model (Workload's count).
    public var exactForwardFLOPs: Int128
    public var exactTrainingFLOPs: Int128
    public var predictions: [TimePrediction]
    /// What eager PyTorch should take for the same model on this host (forward, training step,
    /// decode step); empty when the lowering does not cover the model.
    public var frameworkPredictions: [FrameworkPrediction]

    /// The reference pass's forward seconds (nil when none ran: an encoder–decoder, a mixture of experts).
    public var measuredForwardSeconds: Double? { measurement.referencePassRan ? measurement.forwardSeconds : nil }
    /// Forward + backward, when the backward was measured.
    public var measuredTrainingSeconds: Double? {
        measurement.referencePassRan ? measurement.backwardSeconds.map { $0 + measurement.forwardSeconds } : nil
    }
    /// Exact ÷ rule FLOPs of the forward pass.
    public var countFactor: Double { Double(exactForwardFLOPs) / (2 * Double(parameters) * Double(tokens)) }
    /// Measured seconds ÷ the exact count at the best SGEMM rate (nil without a reference pass).
    public var rateFactor: Double? {
        guard let measured = measuredForwardSeconds else { return nil }
        let ideal = Double(exactForwardFLOPs) / (measurement.bestSGEMMGflops * 1e9)
        return ideal > 0 ? measured / ideal : 0
    }
    /// Backward ÷ forward measured seconds (the rule says 2).
    public var backwardForwardRatio: Double? {
        guard let forward = measuredForwardSeconds, let backward = measurement.backwardSeconds else { return nil }
        return backward / forward
    }

    public init(spec: ModelSpec, measurement: ModelPassMeasurement) throws {
        self.measurement = measurement
        tokens = measurement.seq
        parameters = try ParameterCount.report(for: spec).total
        let counter = try FlopCounter(spec: spec, convention: .matmul)
        let forward = try counter.prefill(batch: 1, seq: measurement.seq)
        exactForwardFLOPs = forward.total
        exactTrainingFLOPs = try counter.train(batch: 1, seq: measurement.seq).total
        predictions = measurement.referencePassRan
            ? Self.predictions(forward: forward, training: exactTrainingFLOPs, parameters: parameters, tokens: tokens, measurement: measurement)
            : []
        if let eager = measurement.eager, let lowering = try? EagerLowering(spec: spec) {
            frameworkPredictions = FrameworkPrediction.pytorchEager(lowering, seq: measurement.seq, model: eager)
        } else {
            frameworkPredictions = []
        }
    }

    static func predictions(
        forward: FlopReport, training: Int128, parameters: Int128, tokens: Int, measurement m: ModelPassMeasurement
    ) -> [TimePrediction] {
        let best = m.bestSGEMMGflops * 1e9, n = Double(parameters), t = Double(tokens)
        let bestText = String(format: "%.1f GFLOP/s", m.bestSGEMMGflops)
        let atRates = kernelRateSeconds(forward, measurement: m)
        func make(_ name: String, _ pass: TimePrediction.Pass, _ seconds: Double, _ formula: String) -> TimePrediction? {
            let measured = pass == .forward ? m.forwardSeconds : m.backwardSeconds.map { $0 + m.forwardSeconds }
            guard let measured, measured > 0, seconds.isFinite else { return nil }
            return TimePrediction(name: name, pass: pass, seconds: seconds, relativeError: seconds / measured - 1, formula: formula)
        }
        return [
            make("rule_2n_at_best_sgemm", .forward, 2 * n * t / best, "2 · N \(parameters) · \(tokens) tokens ÷ best SGEMM \(bestText)"),
            make("exact_at_best_sgemm", .forward, Double(forward.total) / best, "exact \(forward.total) FLOPs ÷ best SGEMM \(bestText)"),
            make("exact_at_kernel_rates", .forward, atRates,
                 "Σ each component's exact FLOPs ÷ the rate of its own GEMM shape, timed alone"),
            make("rule_6n_at_best_sgemm", .training, 6 * n * t / best, "6 · N \(parameters) · \(tokens) tokens ÷ best SGEMM \(bestText)"),
            make("rule_3x_measured_forward", .training, 3 * m.forwardSeconds, "3 × the measured forward (backward = 2 × forward)"),
            make("exact_at_kernel_rates", .training, atRates * Double(training) / Double(forward.total),
                 "exact training \(training) FLOPs (3 × forward) at the forward GEMM shapes' rates"),
        ].compactMap { $0 }
    }

    /// Seconds of the exact count with each component priced at its GEMM's measured rate; the FFN
    /// splits between its input and output projections by their widths, anything without a timed
    /// shape of its own (rotary tables, projections, pooler) goes at the best SGEMM rate.
    static func kernelRateSeconds(_ report: FlopReport, measurement m: ModelPassMeasurement) -> Double {
        let best = m.bestSGEMMGflops
        func at(_ role: String, _ flops: Double) -> Double { flops / ((m.rate(role) ?? best) * 1e9) }
        let shape = m.shape
        let inputShare = Double(shape.ffnInputWidth) / Double(shape.ffnInputWidth + shape.ffn)
        return report.components.reduce(0.0) { sum, c in
            let f = Double(c.flops.value)
            switch c.name {
            case "attention_qkv": return sum + at("qkv", f)
            case "attention_scores": return sum + at("attention_scores", f)
            case "attention_values": return sum + at("attention_values", f)
            case "attention_output": return sum + at("attention_output", f)
            case "ffn": return sum + at("ffn_input", f * inputShare) + at("ffn_output", f * (1 - inputShare))
            case "lm_head": return sum + at("lm_head", f)
            default: return sum + f / (best * 1e9)
            }
        }
    }
}
