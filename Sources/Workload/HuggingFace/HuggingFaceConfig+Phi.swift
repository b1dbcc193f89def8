/// Phi (phi-1, phi-1.5, phi-2; `PhiForCausalLM`): a parallel block whose attention and MLP
/// share ONE LayerNorm (`input_layernorm`), biases on q, k, v, `dense`, `fc1`, `fc2`, a
/// `head_dim` of its own when the config gives one, partial rotary over
/// `int(head_dim × partial_rotary_factor)` dimensions (the rope object's factor first, then the
/// top-level one, then `PhiConfig`'s 0.5), a final LayerNorm, and an untied LM head that HAS a bias.
extension HuggingFaceConfig {
    func phiSpec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let d = try requiredSize("hidden_size")
        let (heads, kvHeads, headDim) = try attentionGeometry(
            hidden: d, heads: ["num_attention_heads"], kvHeads: ["num_key_value_heads"], headDim: ["head_dim"],
            hiddenKey: "hidden_size")
        let layers = try requiredSize("num_hidden_layers")
        // `qk_layernorm`: a LayerNorm over head_dim for q and one for k, shared by the heads.
        let qkNorm: AttentionSpec.QKNorm? = try bool("qk_layernorm", default: false) ? .perHead : nil
        let stack = StackSpec(
            layers: layers,
            attention: AttentionSpec(heads: heads, kvHeads: kvHeads, headDim: headDim, qkvBias: true, outputBias: true, qkNorm: qkNorm),
            ffn: FFNSpec(intermediateSize: try requiredSize("intermediate_size"),
                         activation: try activation("hidden_act", default: "gelu_new", warnings: &warnings), bias: true),
            norm: NormSpec(kind: .layerNorm), block: .parallelSharedNorm,
            positions: try rotaryPositions(headDim: headDim, fraction: try rotaryFraction(fallbackKey: "partial_rotary_factor")))
        return ModelSpec(
            name: "", vocabularySize: try requiredSize("vocab_size"), hiddenSize: d,
            contextWindow: try size("max_position_embeddings"), decoder: stack,
            lmHead: LMHeadSpec(tied: try tiedHead(default: false), bias: true))
    }
}
