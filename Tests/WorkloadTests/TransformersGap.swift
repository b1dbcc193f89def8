import Foundation
@testable import Workload

/// Where `transformers` (and `FlopCounterMode` running it) differ from the architecture for
/// reasons of their own, so that a reference can be compared exactly: each gap is a stated
/// formula applied to our figure, never a tolerance.
enum TransformersGap {
    /// Our FLOPs as `FlopCounterMode` sees them in a plain `model(input_ids)` call.
    ///
    /// - Rotary frequencies: up to 5.14 at least, `transformers` computes `inv_freq @
    ///   position_ids` (a counted matmul) once per call, and a call without `position_ids` builds
    ///   them for ONE sequence (`cache_position.unsqueeze(0)`): `2 · (r/2) · queries` however
    ///   large the batch. 5.23 computes them by broadcasting, which is no matmul at all. Falcon
    ///   builds its rotary table even for ALiBi models, which never use it.
    /// - Mixture-of-experts: with the default `grouped_mm` experts `FlopCounterMode` counts no
    ///   expert GEMM; references without `*_experts_batched_mm` lack our `experts` component.
    static func flopsSeenByTransformers(_ report: FlopReport, spec: ModelSpec, pass: TransformersReference.Pass,
                                        version: (major: Int, minor: Int)?) -> Int128 {
        var total = report.total
        for component in report.components {
            let base = component.name.split(separator: ".").last.map(String.init) ?? component.name
            if base == "rotary_frequencies" { total -= component.flops.value }
            if base == "experts", !pass.countsExperts { total -= component.flops.value }
        }
        let queries = pass.phase == .prefill ? pass.length : 1
        return total + rotaryFrequencyFlops(spec: spec, queries: queries, version: version)
    }

    /// `2 · (r/2) · queries` for the `r` rotated dimensions `transformers` builds a table for,
    /// once per table (Gemma 3: one for its local and one for its global layers).
    static func rotaryFrequencyFlops(spec: ModelSpec, queries: Int, version: (major: Int, minor: Int)?) -> Int128 {
        if let version, version.major > 5 || (version.major == 5 && version.minor >= 23) { return 0 }
        guard !spec.isEncoderDecoder, let stack = spec.decoder else { return 0 }
        let rotated: Int
        switch stack.positions.kind {
        case .rotary: rotated = stack.positions.rotaryDimensions ?? stack.attention.headDim
        case .alibi where spec.family == "falcon": rotated = stack.attention.headDim
        default: return 0
        }
        return Int128((stack.positions.rotaryTables ?? 1) * 2 * (rotated / 2) * queries)
    }

    /// Our parameters as `transformers` 5 instantiates them.
    ///
    /// - `T5Config` forces `tie_word_embeddings = True` (keeping the config's value only as
    ///   `scale_decoder_outputs`), so T5 v1.1 and mT5, whose checkpoints hold a separate
    ///   `lm_head`, lose those `vocab × d_model` parameters.
    /// - BART with `tie_word_embeddings: false` unties not only the LM head but also the
    ///   encoder's and decoder's `embed_tokens` from `shared`, which stays as a dead table:
    ///   four vocabulary tables where transformers 4 (and we) have two.
    static func parametersSeenByTransformers(_ total: Int128, spec: ModelSpec, version: (major: Int, minor: Int)?) -> Int128 {
        guard (version?.major ?? 5) >= 5, spec.lmHead?.tied == false else { return total }
        let table = Int128(spec.vocabularySize) * Int128(spec.embeddingProjectionSize ?? spec.hiddenSize)
        switch spec.family {
        case "t5", "mt5": return total - table
        case "bart": return total + 2 * table
        default: return total
        }
    }
}
