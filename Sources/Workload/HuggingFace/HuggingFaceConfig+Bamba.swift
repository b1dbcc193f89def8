/// Bamba (`bamba`, `BambaForCausalLM`, transformers 5.23): a Mamba-2 hybrid. Layer `i` runs
/// grouped-query attention when `i` is in `attn_layer_indices` (a half-width rotary — BambaConfig
/// fixes `partial_rotary_factor` at 0.5 — and `attention_bias` on q, k, v and o), else a Mamba-2
/// mixer (`mamba_expand × hidden_size` wide, `mamba_n_heads` heads of `mamba_d_head` — "auto" is
/// the width over the heads — `mamba_n_groups`, `mamba_d_state`, `mamba_d_conv`,
/// `mamba_chunk_size`, `mamba_proj_bias` on both projections, `mamba_conv_bias`, the gated norm);
/// every layer then a SwiGLU MLP of `intermediate_size` (`mlp_bias`) and two RMSNorms. Head
/// untied unless `tie_word_embeddings`.
extension HuggingFaceConfig {
    func bambaSpec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let d = try requiredSize("hidden_size"), layers = try requiredSize("num_hidden_layers")
        let attention = try attentionLayerIndices(layers: layers, warnings: &warnings).count
        let mixer = try mamba2Mixer(width: d, inner: d * (try requiredSize("mamba_expand")), headsKey: "mamba_n_heads",
                                    headDimKey: "mamba_d_head", groups: try requiredSize("mamba_n_groups"),
                                    stateSize: try requiredSize("mamba_d_state"), convKernel: try requiredSize("mamba_d_conv"),
                                    chunkSize: try requiredSize("mamba_chunk_size"), bias: try bool("mamba_proj_bias", default: false),
                                    convBias: try bool("mamba_conv_bias", default: true))
        let attn = try hybridAttention(width: d, bias: try bool("attention_bias", default: false))
        let stack = StackSpec(layers: layers, attention: attn,
                              ffn: FFNSpec(intermediateSize: try requiredSize("intermediate_size"), gated: true,
                                           activation: try activation("hidden_act", default: "silu", warnings: &warnings),
                                           bias: try bool("mlp_bias", default: false)),
                              norm: NormSpec(kind: .rmsNorm), positions: .rotary(dimensions: attn.headDim / 2), stateSpace: mixer,
                              hybrid: HybridLayout(attentionLayers: attention))
        return ModelSpec(name: "model", vocabularySize: try requiredSize("vocab_size"), hiddenSize: d,
                         contextWindow: try size("max_position_embeddings"), decoder: stack,
                         lmHead: LMHeadSpec(tied: try tiedHead(default: false)))
    }

    /// The layers of `attn_layer_indices` that exist: transformers asks `i in attn_layer_indices`
    /// for each of the `layers`, so an index beyond them (or repeated) adds no attention layer.
    private func attentionLayerIndices(layers: Int, warnings: inout [String]) throws(SpecError) -> Set<Int> {
        guard let v = value("attn_layer_indices") else { return [] }
        guard case .array(let items) = v else { throw error("attn_layer_indices", "expected a list of layer indices, got \(v.described)") }
        var indices = Set<Int>()
        for item in items {
            guard case .int(let i) = item else { throw error("attn_layer_indices", "entries must be layer indices, got \(item.jsonText)") }
            if (0..<layers).contains(i) { indices.insert(i) } else {
                warnings.append("'\(prefix)attn_layer_indices' names layer \(i), which a \(layers)-layer model does not have: transformers ignores it, so does the count")
            }
        }
        return indices
    }

    /// Grouped-query attention of a Mamba-2 hybrid: `head_dim` when the config writes it (the
    /// modules read `getattr(config, "head_dim", hidden_size // heads)`), `bias` on q, k, v and o.
    func hybridAttention(width d: Int, bias: Bool, headDimDefault: Int? = nil) throws(SpecError) -> AttentionSpec {
        let heads = try requiredSize("num_attention_heads")
        let kvHeads = try size("num_key_value_heads") ?? heads
        guard heads % kvHeads == 0 else {
            throw error("num_key_value_heads", "\(kvHeads) KV heads do not divide \(heads) query heads (repeat_kv needs whole groups)")
        }
        guard let headDim = try size("head_dim") ?? headDimDefault ?? (d % heads == 0 ? d / heads : nil) else {
            throw error("num_attention_heads", "\(heads) heads do not divide 'hidden_size' = \(d), and no 'head_dim' is given")
        }
        return AttentionSpec(heads: heads, kvHeads: kvHeads, headDim: headDim, qkvBias: bias, outputBias: bias)
    }

    /// A Mamba-2 mixer of `inner` channels in heads of the width under `headDimKey` ("auto": the
    /// width over the heads), which must tile `inner` (the config classes refuse it otherwise) and
    /// be shared by whole groups of B and C.
    func mamba2Mixer(width d: Int, inner: Int, headsKey: String, headDimKey: String, groups: Int, groupsKey: String = "mamba_n_groups",
                     stateSize: Int, convKernel: Int, chunkSize: Int, bias: Bool, convBias: Bool,
                     gatedNorm: Bool = true, outputBias: Bool? = nil) throws(SpecError) -> StateSpaceSpec {
        let heads = try requiredSize(headsKey)
        let headDim: Int
        if case .string("auto")? = value(headDimKey) { headDim = inner / heads } else { headDim = try requiredSize(headDimKey) }
        guard inner % heads == 0, heads * headDim == inner else {
            throw error(headDimKey, "\(heads) heads × \(headDim) = \(heads * headDim), but the mixer is \(inner) wide: the config class refuses it")
        }
        guard heads % groups == 0 else {
            throw error(groupsKey, "\(groups) groups do not divide \(heads) heads: B and C are shared by heads / groups heads")
        }
        return StateSpaceSpec(variant: .mamba2, innerSize: inner, stateSize: stateSize, convKernel: convKernel, heads: heads,
                              groups: groups, chunkSize: chunkSize, bias: bias, convBias: convBias, gatedNorm: gatedNorm,
                              outputBias: outputBias)
    }
}
