/// Falcon-H1 (`falcon_h1`, `FalconH1ForCausalLM`, transformers 5.23): every layer runs grouped-
/// query attention (rotary over the whole head, `head_dim` when written, `attention_bias` on q, k,
/// v and o) and a Mamba-2 mixer side by side on one RMSNorm, adds both, then a SwiGLU MLP after a
/// second RMSNorm. The mixer is `mamba_d_ssm` wide (`mamba_expand × hidden_size` when null; the
/// class default, 1024, when absent), `mamba_n_heads` heads of `mamba_d_head` ("auto": the width
/// over the heads), with `mamba_proj_bias` on `in_proj`, `projectors_bias` on `out_proj` and the
/// gated RMSNorm only when `mamba_rms_norm` (otherwise the gate is an element-wise multiply). The
/// µP multipliers scale activations (element-wise, `mup_vector` a buffer): no parameter, no GEMM.
/// Head untied unless `tie_word_embeddings`.
extension HuggingFaceConfig {
    func falconH1Spec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let d = try requiredSize("hidden_size"), layers = try requiredSize("num_hidden_layers")
        var inner = d
        if let written = try size("mamba_d_ssm") { inner = written } else { inner *= try requiredSize("mamba_expand") }
        let inBias = try bool("mamba_proj_bias", default: false), outBias = try bool("projectors_bias", default: false)
        let mixer = try mamba2Mixer(width: d, inner: inner, headsKey: "mamba_n_heads", headDimKey: "mamba_d_head",
                                    groups: try requiredSize("mamba_n_groups"), stateSize: try requiredSize("mamba_d_state"),
                                    convKernel: try requiredSize("mamba_d_conv"), chunkSize: try requiredSize("mamba_chunk_size"),
                                    bias: inBias, convBias: try bool("mamba_conv_bias", default: true),
                                    gatedNorm: try bool("mamba_rms_norm", default: false), outputBias: outBias == inBias ? nil : outBias)
        let stack = StackSpec(layers: layers, attention: try hybridAttention(width: d, bias: try bool("attention_bias", default: false)),
                              ffn: FFNSpec(intermediateSize: try requiredSize("intermediate_size"), gated: true,
                                           activation: try activation("hidden_act", default: "silu", warnings: &warnings),
                                           bias: try bool("mlp_bias", default: false)),
                              norm: NormSpec(kind: .rmsNorm), positions: .rotary(), stateSpace: mixer,
                              hybrid: HybridLayout(attentionLayers: layers, blocks: .parallel, multipliers: true))
        return ModelSpec(name: "model", vocabularySize: try requiredSize("vocab_size"), hiddenSize: d,
                         contextWindow: try size("max_position_embeddings"), decoder: stack,
                         lmHead: LMHeadSpec(tied: try tiedHead(default: false)))
    }
}
