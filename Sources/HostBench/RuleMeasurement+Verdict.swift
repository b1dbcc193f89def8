import Foundation

extension RuleMeasurement {
    /// The prediction of `name` for `pass`, if it could be made.
    public func prediction(_ name: String, _ pass: TimePrediction.Pass) -> TimePrediction? {
        predictions.first { $0.name == name && $0.pass == pass }
    }

    /// One paragraph, generated from the numbers: how wrong the rule is here, and why (the count
    /// or the rate), then the same for training.
    public var verdict: String {
        guard let measuredForward = measuredForwardSeconds, let rateFactor else { return frameworkVerdict }
        var parts = [String(format: "%@ at %d tokens: the forward pass measured %@", measurement.model, tokens, Self.time(measuredForward))]
        if let rule = prediction("rule_2n_at_best_sgemm", .forward) {
            parts.append(String(format: "2·N at the best SGEMM rate predicts %@ (%@)", Self.time(rule.seconds), Self.signed(rule.relativeError)))
            parts.append(String(format: "the exact count is %.3f× 2·N and the pass runs at %.0f %% of the best SGEMM's rate",
                                countFactor, 100 / max(rateFactor, 1e-12)))
        }
        if let exact = prediction("exact_at_kernel_rates", .forward) {
            parts.append(String(format: "the exact count at each GEMM's own rate predicts %@ (%@)", Self.time(exact.seconds), Self.signed(exact.relativeError)))
        }
        var text = parts.joined(separator: "; ") + "."
        if let training = measuredTrainingSeconds, let ratio = backwardForwardRatio {
            var t = [String(format: "Training (forward + backward) measured %@, backward %.2f× forward (the rule assumes 2×)", Self.time(training), ratio)]
            if let rule = prediction("rule_6n_at_best_sgemm", .training) {
                t.append(String(format: "6·N predicts %@ (%@)", Self.time(rule.seconds), Self.signed(rule.relativeError)))
            }
            if let three = prediction("rule_3x_measured_forward", .training) {
                t.append(String(format: "3 × the measured forward predicts %@ (%@)", Self.time(three.seconds), Self.signed(three.relativeError)))
            }
            text += " " + t.joined(separator: "; ") + "."
        }
        return text
    }

    /// Without a reference pass (an encoder–decoder, a mixture of experts, latent attention): what
    /// eager PyTorch is predicted to take.
    var frameworkVerdict: String {
        let passes = frameworkPredictions.map { "\($0.pass.rawValue) \(Self.time($0.seconds))" }
        return String(format: "%@ at %d tokens: no reference pass ran (no kernel of llmcost's own for cross-attention, routing or latent attention); eager PyTorch is predicted at %@.",
                      measurement.model, tokens, passes.isEmpty ? "nothing" : passes.joined(separator: ", "))
    }

    static func signed(_ error: Double) -> String { String(format: "%+.1f %%", 100 * error) }

    static func time(_ seconds: Double) -> String {
        seconds >= 1 ? String(format: "%.2f s", seconds) : String(format: "%.1f ms", seconds * 1000)
    }
}
