/// Jamba (`jamba`, `JambaForCausalLM`, transformers 5.23): an attention–Mamba hybrid. Layer `i`
/// runs grouped-query attention (no bias, no position encoding) when `i % attn_layer_period ==
/// attn_layer_offset`, else a Mamba mixer (`mamba_expand × hidden_size` wide, `mamba_d_state`,
/// `mamba_d_conv`, `mamba_dt_rank` — "auto" is `⌈hidden_size / 16⌉` — `mamba_proj_bias`,
/// `mamba_conv_bias`, and weighted RMSNorms on dt, B and C); every layer then has a SwiGLU MLP of
/// `intermediate_size`, or `num_experts` (alias `num_local_experts`) of them behind a bias-free top-`num_experts_per_tok`
/// router when `i % expert_layer_period == expert_layer_offset`, and two RMSNorms. Head untied
/// unless `tie_word_embeddings`.
extension HuggingFaceConfig {
    func jambaSpec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let d = try requiredSize("hidden_size"), layers = try requiredSize("num_hidden_layers")
        let attnPeriod = try requiredSize("attn_layer_period"), attnOffset = try count("attn_layer_offset") ?? 0
        let expertPeriod = try requiredSize("expert_layer_period"), expertOffset = try count("expert_layer_offset") ?? 0
        if attnOffset >= attnPeriod { throw error("attn_layer_offset", "\(attnOffset) must be below attn_layer_period \(attnPeriod) (JambaConfig refuses it)") }
        if expertOffset >= expertPeriod { throw error("expert_layer_offset", "\(expertOffset) must be below expert_layer_period \(expertPeriod) (JambaConfig refuses it)") }
        let experts = try requiredSize("num_experts", "num_local_experts")
        let isAttention = { (i: Int) in i % attnPeriod == attnOffset }
        let hasExperts = { (i: Int) in experts > 1 && i % expertPeriod == expertOffset }
        let attention = (0..<layers).filter(isAttention).count
        let expertLayers = (0..<layers).filter(hasExperts).count
        let both = (0..<layers).filter { isAttention($0) && hasExperts($0) }.count
        let rank: Int
        if case .string("auto")? = value("mamba_dt_rank") { rank = (d + 15) / 16 } else { rank = try requiredSize("mamba_dt_rank") }
        let mixer = StateSpaceSpec(variant: .mamba, innerSize: d * (try requiredSize("mamba_expand")), stateSize: try requiredSize("mamba_d_state"),
                                   convKernel: try requiredSize("mamba_d_conv"), timeStepRank: rank,
                                   bias: try bool("mamba_proj_bias", default: false), convBias: try bool("mamba_conv_bias", default: true),
                                   innerNorms: true)
        let heads = try requiredSize("num_attention_heads")
        let kvHeads = try size("num_key_value_heads") ?? heads
        let moe = expertLayers > 0
            ? MoESpec(experts: experts, topK: try requiredSize("num_experts_per_tok"), denseLayers: layers - expertLayers) : nil
        let stack = StackSpec(layers: layers, attention: AttentionSpec(heads: heads, kvHeads: kvHeads, headDim: d / heads),
                              ffn: FFNSpec(intermediateSize: try requiredSize("intermediate_size"), gated: true,
                                           activation: try activation("hidden_act", default: "silu", warnings: &warnings)),
                              moe: moe, norm: NormSpec(kind: .rmsNorm), stateSpace: mixer,
                              hybrid: HybridLayout(attentionLayers: attention, attentionLayersWithExperts: both))
        return ModelSpec(name: "model", vocabularySize: try requiredSize("vocab_size"), hiddenSize: d,
                         contextWindow: try size("max_position_embeddings"), decoder: stack,
                         lmHead: LMHeadSpec(tied: try tiedHead(default: false)))
    }
}
