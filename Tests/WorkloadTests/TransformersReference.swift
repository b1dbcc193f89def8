import Foundation
import Testing
@testable import Workload

/// What the real `transformers` code gives for one config: the parameters it instantiates and
/// the `FlopCounterMode` totals of prefill and decode calls and of training steps (forward +
/// `loss.backward()`).
///
/// Read from `hf_reference.json` (written by the reference helper's `count_hf.py`) or
/// `hf_measured.json` (our `Fixtures/tools/measure_hf.py`), which share one schema:
/// `{"transformers": "5.23.0", "models": [{"name", "config", "parameters", "prefill": [...],
/// "decode": [...], "train": [...]?, "error"?}]}`.
struct TransformersReference: Sendable, CustomTestStringConvertible {
    /// One counted forward call and its shape.
    struct Pass: Sendable, CustomStringConvertible {
        /// `.prefill`, `.decode` or `.train` (one forward with `labels` and `loss.backward()`).
        var phase: Phase
        var batch: Int
        /// Prefill and train: tokens per sequence (the encoder's, for T5/BART). Decode: cached tokens.
        var length: Int
        /// Prefill and train: decoder tokens of an encoder–decoder model. Decode: encoder positions.
        var other: Int?
        var flops: Int128
        /// Whether the routed expert GEMMs are in `flops` (`*_experts_batched_mm`; training steps
        /// run with `train_experts_implementation` "eager").
        var countsExperts: Bool

        var description: String {
            "\(phase.rawValue) batch \(batch) \(phase == .decode ? "context" : "seq") \(length)" + (other.map { " / \($0)" } ?? "")
        }
    }

    var name: String
    /// Absolute path of the config.
    var config: String
    var parameters: Int128?
    var passes: [Pass]
    /// What `transformers` said when it could not build or run the model.
    var error: String?
    /// `transformers` version as (major, minor); `nil` when not recorded.
    var version: (major: Int, minor: Int)?

    var testDescription: String { name }

    /// Every model of the reference document at `url`; configs are resolved against `fixtures`.
    static func read(_ url: URL, fixtures: URL) -> [TransformersReference] {
        guard let data = try? Data(contentsOf: url),
              let document = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let models = document["models"] as? [[String: Any]]
        else { return [] }
        let parts = ((document["transformers"] as? String) ?? "").split(separator: ".").compactMap { Int($0) }
        let version = parts.count >= 2 ? (parts[0], parts[1]) : nil
        return models.compactMap { entry -> TransformersReference? in
            guard let name = entry["name"] as? String, let config = entry["config"] as? String else { return nil }
            var passes: [Pass] = []
            for phase in [Phase.prefill, .decode] {
                let batched = entry["\(phase.rawValue)_experts_batched_mm"] as? [[String: Any]]
                for pass in batched ?? (entry[phase.rawValue] as? [[String: Any]]) ?? [] {
                    if let parsed = Self.pass(pass, phase: phase, countsExperts: batched != nil) { passes.append(parsed) }
                }
            }
            let eagerExperts = entry["train_experts_implementation"] as? String == "eager"
            for pass in (entry[Phase.train.rawValue] as? [[String: Any]]) ?? [] {
                if let parsed = Self.pass(pass, phase: .train, countsExperts: eagerExperts) { passes.append(parsed) }
            }
            return TransformersReference(
                name: name, config: fixtures.appendingPathComponent(config).path,
                parameters: integer(entry["parameters"]), passes: passes, error: entry["error"] as? String,
                version: version)
        }
        .sorted { $0.name < $1.name }
    }

    private static func integer(_ value: Any?) -> Int128? {
        (value as? NSNumber).map { Int128($0.int64Value) }
    }

    private static func pass(_ entry: [String: Any], phase: Phase, countsExperts: Bool) -> Pass? {
        let (lengthKey, otherKey) = phase == .decode ? ("context", "encoder_seq") : ("seq", "decoder_seq")
        guard let flops = integer(entry["flops"]), let batch = integer(entry["batch"]),
              let length = integer(entry[lengthKey])
        else { return nil }
        return Pass(phase: phase, batch: Int(batch), length: Int(length), other: integer(entry[otherKey]).map { Int($0) },
                    flops: flops, countsExperts: countsExperts)
    }
}
