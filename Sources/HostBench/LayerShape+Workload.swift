import Workload

extension LayerShape {
    /// The one-layer model this shape is a layer of: no embedding table, no LM head, no positional
    /// parameters, so Workload's prefill count of it is exactly the layer's matrix products.
    /// Causal shapes become a decoder stack, bidirectional ones an encoder-only stack.
    public var oneLayerModel: ModelSpec {
        let stack = StackSpec(
            layers: 1, attention: AttentionSpec(heads: heads, kvHeads: kvHeads, headDim: headDim),
            ffn: FFNSpec(intermediateSize: ffn, gated: gated, activation: gated ? .silu : .geluTanh),
            norm: NormSpec(kind: norm), finalNorm: false, causal: causal)
        return ModelSpec(
            name: "hostbench-layer", vocabularySize: 0, hiddenSize: dModel,
            encoder: causal ? nil : stack, decoder: causal ? stack : nil)
    }

    /// The layer's forward FLOPs from Workload's formulas: `FlopCounter(spec: oneLayerModel,
    /// convention: .matmul).prefill(batch: 1, seq: seq)`, split into its named components.
    /// The kernels' own counts (`attentionFLOPs`, `ffnFLOPs`, what `forward` returns) must equal
    /// these; the tests check that they do.
    ///
    /// Throws `HostBenchError.invalidShape` when Workload rejects the shape or a count overflows.
    public var matmulFlops: LayerMatmulFLOPs {
        get throws {
            try validate()
            let report: FlopReport
            do {
                report = try FlopCounter(spec: oneLayerModel, convention: .matmul).prefill(batch: 1, seq: seq)
            } catch {
                throw HostBenchError.invalidShape(field: "shape", reason: "is rejected by the FLOP counter: \(error)")
            }
            func component(_ name: String) throws -> Int {
                let total = report.components.filter { $0.name == name }.reduce(ExactCount.zero) { $0 + $1.flops }
                guard !total.isOverflowed, let value = Int(exactly: total.value) else {
                    throw HostBenchError.invalidShape(field: "shape", reason: "has a \(name) FLOP count beyond Int")
                }
                return value
            }
            return LayerMatmulFLOPs(
                attentionQKV: try component("attention_qkv"), attentionScores: try component("attention_scores"),
                attentionValues: try component("attention_values"), attentionOutput: try component("attention_output"),
                ffn: try component("ffn"))
        }
    }
}
