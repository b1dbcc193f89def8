/// GPT-NeoX and Pythia (`GPTNeoXForCausalLM`): two LayerNorms per layer either way;
/// `use_parallel_residual` decides whether they feed parallel branches or run in sequence.
/// `attention_bias` (default true) covers `query_key_value` and `dense`; the MLP always has
/// biases; rotary over `int(head_size × fraction)` dimensions, the fraction being the rope
/// object's `partial_rotary_factor`, else `rotary_pct`, else `GPTNeoXConfig`'s 0.25 (a top-level
/// `partial_rotary_factor` is never read; an odd `int(…)` rotates one more dimension, as the
/// model slices `cos.shape[-1]` of them); untied `embed_out` without bias.
extension HuggingFaceConfig {
    func gptNeoXSpec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let d = try requiredSize("hidden_size")
        let (heads, _, headDim) = try attentionGeometry(
            hidden: d, heads: ["num_attention_heads"], hiddenKey: "hidden_size")
        let attentionBias = try bool("attention_bias", default: true)
        let parallel = try bool("use_parallel_residual", default: true)
        let fraction = try rotaryFraction(fallbackKey: "rotary_pct")
        if writes("partial_rotary_factor") {
            warnings.append("'partial_rotary_factor' ignored: GPTNeoXConfig reads the rotated fraction from 'rotary_pct' (or rope_parameters), here \(fraction.map { "\($0.fraction) from '\($0.key)'" } ?? "none")")
        }
        let stack = StackSpec(
            layers: try requiredSize("num_hidden_layers"),
            attention: AttentionSpec(heads: heads, headDim: headDim, qkvBias: attentionBias, outputBias: attentionBias),
            ffn: FFNSpec(intermediateSize: try requiredSize("intermediate_size"),
                         activation: try activation("hidden_act", default: "gelu", warnings: &warnings), bias: true),
            norm: NormSpec(kind: .layerNorm), block: parallel ? .parallelTwoNorms : .sequential,
            positions: try rotaryPositions(headDim: headDim, fraction: fraction, pairsRoundUp: true))
        return ModelSpec(
            name: "", vocabularySize: try requiredSize("vocab_size"), hiddenSize: d,
            contextWindow: try size("max_position_embeddings"), decoder: stack,
            lmHead: LMHeadSpec(tied: try tiedHead(default: false)))
    }
}
