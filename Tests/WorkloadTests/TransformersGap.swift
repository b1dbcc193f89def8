import Foundation
@testable import Workload

/// Where `transformers` (and `FlopCounterMode` running it) differ from the architecture for
/// reasons of their own, so that a reference can be compared exactly: each gap is a stated
/// formula applied to our figure, never a tolerance.
enum TransformersGap {
    /// Our FLOPs as `FlopCounterMode` sees them in a plain `model(input_ids)` call (or a training
    /// step, `model(input_ids, labels=…)` and `loss.backward()`), under transformers 5.23.
    ///
    /// - Mixture-of-experts: with the default `grouped_mm` experts `FlopCounterMode` counts no
    ///   expert GEMM; references without `*_experts_batched_mm` (or, for training, the `eager`
    ///   experts) lack our `experts` component — forward and backward alike.
    ///
    /// (Until transformers 5.14 the rotary table was an `inv_freq @ position_ids` matmul counted
    /// once per call, `2 · (r/2) · queries` for one sequence whatever the batch; 5.23, the
    /// reference version, computes it element-wise, and every fixture is recorded under 5.23, so
    /// that gap is gone.)
    static func flopsSeenByTransformers(_ report: FlopReport, pass: TransformersReference.Pass) -> Int128 {
        var total = report.total
        for component in report.components {
            let base = component.name.split(separator: ".").last.map(String.init) ?? component.name
            if base == "experts", !pass.countsExperts { total -= component.flops.value }
        }
        return total
    }

    /// Our FLOPs as `FlopCounterMode` sees Llama 4 (`Llama4TextMoe`): `Llama4TextExperts` has no
    /// experts-implementation switch and runs every expert on every token — one `bmm` over
    /// `(experts, tokens, d)`, the tokens pre-scaled by their router score (0 for the unchosen) —
    /// so its expert GEMMs are `experts / top_k` times ours, which count the `top_k` experts a
    /// token really needs: `reference = total + experts_flops · (E/k − 1)`, forward and backward.
    static func flopsOfLlama4EveryExpert(_ report: FlopReport, moe: MoESpec?) -> Int128 {
        guard let moe else { return report.total }
        let experts = report.components.filter { ($0.name.split(separator: ".").last.map(String.init) ?? $0.name) == "experts" }
            .reduce(Int128(0)) { $0 + $1.flops.value }
        return report.total - experts + experts / Int128(moe.topK) * Int128(moe.experts)
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

extension TransformersGap {
    /// What `FlopCounterMode` adds to a training step of a state-space model (Mamba, Mamba-2) or of
    /// Gated DeltaNet's linear-attention layers (Qwen3-Next, whose conv runs over q, k and v):
    /// torch 2.13's `conv_backward_flop` ignores `groups`, so the weight gradient of the depthwise
    /// `conv1d` (`channels` groups of one channel) is counted as a dense `channels × channels`
    /// convolution, `2·batch·C²·kernel·(seq + kernel − 1)` per layer, where the work done (and
    /// llmcost's figure, one product like the forward) is `2·batch·C·kernel·(seq + kernel − 1)`:
    /// `layers · 2·batch·C·kernel·(seq + kernel − 1)·(C − 1)` more, over the mixer layers (a
    /// hybrid's attention, FFN-only and expert-only layers have no conv). The input gradient is counted
    /// right (as costly as the forward).
    static func depthwiseConvWeightGradientOvercount(_ spec: ModelSpec, batch: Int, seq: Int) -> Int128 {
        guard let d = spec.decoder else { return 0 }
        let conv: (channels: Int, kernel: Int)
        if let m = d.stateSpace { conv = (m.convChannels, m.convKernel) } else if let l = d.linearAttention { conv = (l.convChannels, l.convKernel) } else { return 0 }
        let C = Int128(conv.channels), k = Int128(conv.kernel)
        let mixerLayers = Int128(d.mixerLayerCount)
        return mixerLayers * 2 * Int128(batch) * C * k * Int128(seq + conv.kernel - 1) * (C - 1)
    }
}
