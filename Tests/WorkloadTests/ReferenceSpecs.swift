@testable import Workload

/// Architectures written out by hand from the real model code, independent of the catalog files
/// and the config importer, so the counting formulas are checked on their own.
enum ReferenceSpecs {
    static let gpt2 = ModelSpec(
        name: "gpt2", vocabularySize: 50257, hiddenSize: 768, contextWindow: 1024,
        decoder: StackSpec(
            layers: 12, attention: AttentionSpec(heads: 12, headDim: 64, qkvBias: true, outputBias: true),
            ffn: FFNSpec(intermediateSize: 3072, activation: .geluTanh, bias: true),
            norm: NormSpec(kind: .layerNorm), positions: .learned(1024)),
        lmHead: LMHeadSpec(tied: true))

    static let llama2_7b = ModelSpec(
        name: "llama-2-7b", vocabularySize: 32000, hiddenSize: 4096, contextWindow: 4096,
        decoder: StackSpec(
            layers: 32, attention: AttentionSpec(heads: 32, headDim: 128),
            ffn: FFNSpec(intermediateSize: 11008, gated: true, activation: .silu),
            norm: NormSpec(kind: .rmsNorm), positions: .rotary()),
        lmHead: LMHeadSpec(tied: false))

    static let mixtral = ModelSpec(
        name: "mixtral-8x7b", vocabularySize: 32000, hiddenSize: 4096, contextWindow: 32768,
        decoder: StackSpec(
            layers: 32, attention: AttentionSpec(heads: 32, kvHeads: 8, headDim: 128),
            ffn: FFNSpec(intermediateSize: 14336, gated: true, activation: .silu),
            moe: MoESpec(experts: 8, topK: 2), norm: NormSpec(kind: .rmsNorm), positions: .rotary(),
            slidingWindow: nil),
        lmHead: LMHeadSpec(tied: false))

    static let t5Base: ModelSpec = {
        let attention = AttentionSpec(heads: 12, headDim: 64, relativeBiasBuckets: 32)
        let ffn = FFNSpec(intermediateSize: 3072, activation: .relu)
        let norm = NormSpec(kind: .rmsNorm)
        return ModelSpec(
            name: "t5-base", vocabularySize: 32128, hiddenSize: 768, contextWindow: 512,
            encoder: StackSpec(layers: 12, attention: attention, ffn: ffn, norm: norm, causal: false),
            decoder: StackSpec(layers: 12, attention: attention,
                               crossAttention: AttentionSpec(heads: 12, headDim: 64), ffn: ffn, norm: norm),
            lmHead: LMHeadSpec(tied: true))
    }()
}
