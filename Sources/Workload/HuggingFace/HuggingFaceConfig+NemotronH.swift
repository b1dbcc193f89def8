/// Nemotron-H (`nemotron_h`, `NemotronHForCausalLM`, transformers 5.23): each layer ONE block after
/// one RMSNorm, named by `layers_block_type` (or `layer_types`), else by `hybrid_override_pattern`
/// (`M` Mamba-2, `*` attention, `-` MLP, `E` experts), else NemotronHConfig's four-layer default;
/// their count is the model's depth (`num_hidden_layers` is ignored).
///
/// - `M`: a Mamba-2 mixer `mamba_num_heads × mamba_head_dim` wide (`expand` is not read), `n_groups`,
///   `ssm_state_size`, `conv_kernel`, `chunk_size` (the `mamba_`-prefixed spellings win), `use_bias`
///   on both projections, `use_conv_bias`, the gated norm.
/// - `*`: grouped-query attention of `head_dim` (class default 128; the hub's `attention_head_dim`
///   is not read) without bias or position encoding.
/// - `-`: an MLP `up → mlp_hidden_act (relu²) → down` of `intermediate_size`, `mlp_bias`.
/// - `E`: `n_routed_experts` bias-free relu² experts of `moe_intermediate_size`, top
///   `num_experts_per_tok` by a sigmoid router (fp32, no bias; `e_score_correction_bias` a buffer)
///   choosing within `topk_group` of `n_group` groups, scaled by `routed_scaling_factor`; a shared
///   MLP of `moe_shared_expert_intermediate_size`; with `moe_latent_size`, the experts work behind
///   two latent projections.
///
/// The head is never tied: the class declares no tied weights, whatever `tie_word_embeddings` says.
extension HuggingFaceConfig {
    func nemotronHSpec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let d = try requiredSize("hidden_size")
        let (kinds, key) = try nemotronHBlocks()
        let layers = kinds.count
        if let written = try size("num_hidden_layers"), written != layers {
            warnings.append("'\(prefix)num_hidden_layers' = \(written), but '\(prefix)\(key)' names \(layers) layers: NemotronHConfig takes the depth from the latter, so does the count")
        }
        func count(_ k: Character) -> Int { kinds.filter { $0 == k }.count }
        let mixer = try mamba2Mixer(width: d, inner: try requiredSize("mamba_num_heads") * (try requiredSize("mamba_head_dim")),
                                    headsKey: "mamba_num_heads", headDimKey: "mamba_head_dim",
                                    groups: try prefixed("n_groups"), groupsKey: isAbsent("mamba_n_groups") ? "n_groups" : "mamba_n_groups",
                                    stateSize: try requiredSize("ssm_state_size"), convKernel: try prefixed("conv_kernel", "mamba_d_conv"),
                                    chunkSize: try prefixed("chunk_size", "mamba_chunk_size"), bias: try bool("use_bias", default: false),
                                    convBias: try prefixedFlag("use_conv_bias", "mamba_conv_bias", default: true))
        let mlp = FFNSpec(intermediateSize: try requiredSize("intermediate_size"),
                          activation: try activation("mlp_hidden_act", default: "relu2", warnings: &warnings),
                          bias: try bool("mlp_bias", default: false))
        let experts = count("E")
        let moe = experts > 0 ? try nemotronHExperts(denseLayers: layers - experts) : nil
        if try bool("tie_word_embeddings") == true {
            warnings.append("'\(prefix)tie_word_embeddings' is true, but NemotronHForCausalLM declares no tied weights: its lm_head is its own matrix, counted as such")
        }
        let stack = StackSpec(layers: layers, attention: try hybridAttention(width: d, bias: false, headDimDefault: nil), ffn: mlp,
                              moe: moe, norm: NormSpec(kind: .rmsNorm), stateSpace: mixer,
                              hybrid: HybridLayout(attentionLayers: count("*"), blocks: .single, feedForwardLayers: count("-")))
        return ModelSpec(name: "model", vocabularySize: try requiredSize("vocab_size"), hiddenSize: d,
                         contextWindow: try size("max_position_embeddings"), decoder: stack, lmHead: LMHeadSpec(tied: false))
    }

    /// NemotronHConfig's `__post_init__` pops the `mamba_`-prefixed spelling over the plain field.
    private func prefixed(_ key: String, _ alias: String? = nil) throws(SpecError) -> Int {
        if let v = try size(alias ?? "mamba_\(key)") { return v }
        return try requiredSize(key)
    }

    private func prefixedFlag(_ key: String, _ alias: String, default fallback: Bool) throws(SpecError) -> Bool {
        if let v = try bool(alias) { return v }
        return try bool(key, default: fallback)
    }

    /// The layer kinds as pattern letters, and the key they were read from.
    private func nemotronHBlocks() throws(SpecError) -> (kinds: [Character], key: String) {
        // transformers' `_LEGACY_LAYER_TYPE_REMAP` reads the old names "mamba" and "attention" as the new ones.
        let letters: [String: Character] = ["linear_attention": "M", "full_attention": "*", "mlp": "-", "moe": "E",
                                            "mamba": "M", "attention": "*"]
        for key in ["layers_block_type", "layer_types"] {
            guard let v = value(key) else { continue }
            guard case .array(let items) = v, !items.isEmpty else { throw error(key, "expected a non-empty list of layer types, got \(v.described)") }
            var kinds: [Character] = []
            for item in items {
                guard case .string(let name) = item, let letter = letters[name] else {
                    throw error(key, "entries must be one of linear_attention, full_attention, mlp, moe, got \(item.jsonText)")
                }
                kinds.append(letter)
            }
            return (kinds, key)
        }
        if let pattern = try string("hybrid_override_pattern") {
            guard !pattern.isEmpty, pattern.allSatisfy({ "M*-E".contains($0) }) else {
                throw error("hybrid_override_pattern", "must be a non-empty string of M (Mamba-2), * (attention), - (MLP) and E (experts), got \"\(pattern)\"")
            }
            return (Array(pattern), "hybrid_override_pattern")
        }
        return (Array("ME*-"), "layers_block_type")
    }

    /// The `E` layers' experts (see the type's documentation).
    private func nemotronHExperts(denseLayers: Int) throws(SpecError) -> MoESpec {
        let experts = try requiredSize("n_routed_experts", "num_local_experts"), topK = try requiredSize("num_experts_per_tok")
        let groups = try requiredSize("n_group"), topKGroups = try requiredSize("topk_group")
        guard experts % groups == 0, experts / groups >= 2 else {
            throw error("n_group", "\(groups) router groups of \(experts) experts: each group needs a whole share of at least 2 (the router sums each group's top 2)")
        }
        guard topKGroups <= groups else { throw error("topk_group", "\(topKGroups) of only \(groups) groups") }
        guard topK <= experts / groups * topKGroups else {
            throw error("num_experts_per_tok", "\(topK) experts cannot be chosen from the \(topKGroups) group(s) of \(experts / groups) kept")
        }
        let routing = ExpertRouting(scoring: .sigmoid, groups: groups, topKGroups: topKGroups, scoreCorrectionBias: true,
                                    scalingFactor: try double("routed_scaling_factor"))
        return MoESpec(experts: experts, topK: topK, expertIntermediateSize: try requiredSize("moe_intermediate_size"),
                       sharedExpertIntermediateSize: try requiredSize("moe_shared_expert_intermediate_size"), denseLayers: denseLayers,
                       routing: routing, expertBias: false, latentSize: try size("moe_latent_size"))
    }
}
