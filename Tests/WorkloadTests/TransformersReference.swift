import Foundation
import Testing
@testable import Workload

/// Figures the real `transformers` code gives for one config: its parameter count and the
/// `FlopCounterMode` totals of a prefill and a decode step (see `Fixtures/tools/measure_hf.py`).
struct TransformersReference: Sendable, CustomTestStringConvertible {
    /// One counted forward call and its shape.
    struct Pass: Sendable {
        var batch: Int
        /// Prefill: tokens per sequence (the encoder's, for T5/BART). Decode: cached tokens.
        var length: Int
        /// Prefill: decoder tokens of an encoder–decoder model. Decode: encoder positions.
        var other: Int?
        var flops: Int128
    }

    var name: String
    var config: String
    var parameters: Int128?
    var prefill: Pass?
    var decode: Pass?
    /// The `transformers` major version that measured it (`nil`: not recorded).
    var transformersMajor: Int?

    var testDescription: String { name }

    /// Every model of a reference document (`{"transformers": "5.x", "models": {name: {...}}}`),
    /// each paired with the config `configPath(name)` finds; models without a config are left out.
    static func read(_ url: URL, configPath: (String) -> String?) -> [TransformersReference] {
        guard let data = try? Data(contentsOf: url),
              let document = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        else { return [] }
        let major = (document["transformers"] as? String)?.split(separator: ".").first.flatMap { Int($0) }
        let models = (document["models"] as? [String: Any]) ?? document
        return models.compactMap { name, value -> TransformersReference? in
            guard let entry = value as? [String: Any], let config = configPath(name) else { return nil }
            return TransformersReference(
                name: name, config: config, parameters: integer(entry["parameters"]),
                prefill: pass(entry["prefill"], length: "seq", other: "decoder_seq"),
                decode: pass(entry["decode"], length: "context", other: "encoder_seq"),
                transformersMajor: major)
        }
        .sorted { $0.name < $1.name }
    }

    private static func integer(_ value: Any?) -> Int128? {
        guard let number = value as? NSNumber else { return nil }
        return Int128(number.int64Value)
    }

    private static func pass(_ value: Any?, length: String, other: String) -> Pass? {
        guard let entry = value as? [String: Any], let flops = integer(entry["flops"]),
              let batch = integer(entry["batch"]), let count = integer(entry[length])
        else { return nil }
        return Pass(batch: Int(batch), length: Int(count), other: integer(entry[other]).map { Int($0) }, flops: flops)
    }
}

/// What `FlopCounterMode` and `transformers` leave out or add, so a reference can be compared
/// exactly: each gap is removed from our figure, never hidden by a tolerance.
enum TransformersGap {
    /// Our FLOPs as `FlopCounterMode` sees them under `transformers` `major`.
    ///
    /// - Mixture-of-experts: since transformers 5 the experts run as one grouped matmul, which
    ///   `FlopCounterMode` does not count (DESIGN.md); our `experts` component is removed.
    /// - Rotary frequencies: transformers 4 computed `inv_freq @ position_ids` (a counted matmul,
    ///   which our `rotary_frequencies` component reproduces); transformers 5 computes
    ///   `position_ids[..., None] * inv_freq` by broadcasting, which is not a matmul.
    static func flopsSeenByTransformers(_ report: FlopReport, major: Int?) -> Int128 {
        var total = report.total
        for component in report.components {
            let base = component.name.split(separator: ".").last.map(String.init) ?? component.name
            if base == "experts" { total -= component.flops.value }
            if base == "rotary_frequencies", (major ?? 5) >= 5 { total -= component.flops.value }
        }
        return total
    }

    /// Our parameters as `transformers` instantiates them.
    ///
    /// transformers 5's `T5Config` forces `tie_word_embeddings = True` (it keeps the config's
    /// value only as `scale_decoder_outputs`), so T5 v1.1 and mT5, whose checkpoints hold a
    /// separate `lm_head`, lose those `vocab × d_model` parameters; we count the checkpoint.
    static func parametersSeenByTransformers(_ total: Int128, spec: ModelSpec, major: Int?) -> Int128 {
        guard (major ?? 5) >= 5, ["t5", "mt5"].contains(spec.family ?? ""), spec.lmHead?.tied == false else {
            return total
        }
        return total - Int128(spec.vocabularySize) * Int128(spec.embeddingProjectionSize ?? spec.hiddenSize)
    }
}
