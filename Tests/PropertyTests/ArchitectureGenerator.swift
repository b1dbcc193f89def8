import PropertyBased
import Workload

/// Random valid architectures: every family feature (GQA, explicit head_dim, gating, MoE with
/// narrow, shared and dense-layer variants, sandwich norms,
/// parallel blocks, biases, tied heads, rotary/learned positions, encoder–decoder) at small sizes.
enum ArchitectureGenerator {
    struct Shape: Sendable, CustomStringConvertible {
        var kvHeads: Int, groups: Int, headDim: Int, hidden: Int, layers: Int, ffn: Int, vocab: Int, flags: Int
        var description: String { "kv \(kvHeads)×\(groups) hd \(headDim) d \(hidden) L \(layers) F \(ffn) V \(vocab) flags \(flags)" }

        func flag(_ bit: Int) -> Bool { flags & (1 << bit) != 0 }

        var spec: ModelSpec {
            let heads = kvHeads * groups
            let attention = AttentionSpec(heads: heads, kvHeads: kvHeads, headDim: headDim, qkvBias: flag(0), outputBias: flag(1),
                                          relativeBiasBuckets: flag(9) ? 8 : nil)
            let ffnSpec = FFNSpec(intermediateSize: ffn, gated: flag(2), activation: flag(2) ? .silu : .gelu, bias: flag(3))
            // At most one dense layer, so a deeper copy of a shape never trades experts for a dense FFN.
            let shared = (flags / 5) % 2 == 1
            let moe = flag(4) ? MoESpec(experts: 2 + flags % 5, topK: 1 + flags % 2,
                                        expertIntermediateSize: (flags / 3) % 2 == 0 ? nil : max(1, ffn / 2),
                                        sharedExpertIntermediateSize: shared ? ffn + 1 : nil,
                                        sharedExpertGate: shared && (flags / 11) % 2 == 1,
                                        denseLayers: min((flags / 13) % 2, layers - 1)) : nil
            let layouts: [BlockLayout] = [.sequential, .parallelSharedNorm, .parallelTwoNorms, .sandwichNorms]
            let decoder = StackSpec(
                layers: layers, attention: attention, crossAttention: flag(8) ? attention : nil, ffn: ffnSpec, moe: moe,
                norm: NormSpec(kind: flag(5) ? .rmsNorm : .layerNorm), block: layouts[flags % 4],
                positions: flag(6) ? .rotary(dimensions: headDim - headDim % 2) : .learned(64 + flags % 7),
                slidingWindow: flag(10) ? 3 + flags % 11 : nil)
            let encoder = flag(8) ? StackSpec(layers: layers, attention: attention, ffn: ffnSpec, norm: decoder.norm,
                                              positions: .learned(64), causal: false) : nil
            return ModelSpec(name: "random", vocabularySize: vocab, hiddenSize: hidden, contextWindow: nil,
                             encoder: encoder, decoder: decoder, lmHead: LMHeadSpec(tied: flag(7), bias: flag(11)))
        }
    }

    static let shapes = zip(Gen.int(in: 1...4), Gen.int(in: 1...4), Gen.int(in: 1...48), Gen.int(in: 8...200),
                            Gen.int(in: 1...4), Gen.int(in: 1...400), Gen.int(in: 2...3000), Gen.int(in: 0...4095))
        .map { Shape(kvHeads: $0.0, groups: $0.1, headDim: $0.2, hidden: $0.3, layers: $0.4, ffn: $0.5, vocab: $0.6, flags: $0.7) }
}
