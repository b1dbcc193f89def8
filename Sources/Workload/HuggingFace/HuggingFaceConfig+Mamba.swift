/// Mamba (`mamba`, `MambaForCausalLM`), Falcon-Mamba (`falcon_mamba`: the same mixer plus
/// weightless RMS norms on dt, B and C — buffers, not parameters) and Mamba-2 (`mamba2`), as
/// transformers 5.23 builds them: every layer one RMSNorm and a state-space mixer, no attention,
/// no FFN, no position encoding; a final RMSNorm; the head tied per `tie_word_embeddings`
/// (class defaults: true for Mamba and Falcon-Mamba, false for Mamba-2).
///
/// Mamba's inner width is `intermediate_size` when the config writes it (the config's key is
/// applied after `MambaConfig.__post_init__` sets `expand × hidden_size`: Falcon-Mamba-7B writes
/// 8192 beside `expand` 16), else `expand × hidden_size`; `time_step_rank` "auto" is
/// `⌈hidden_size / 16⌉`. Mamba-2's is `expand × hidden_size`, which must equal
/// `num_heads × head_dim` (Mamba2Config refuses the config otherwise).
extension HuggingFaceConfig {
    func mambaSpec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let d = try requiredSize("hidden_size")
        var inner = d
        if let written = try size("intermediate_size") { inner = written } else { inner *= try requiredSize("expand") }
        let rank: Int
        if case .string("auto")? = value("time_step_rank") {
            rank = (d + 15) / 16
        } else {
            rank = try requiredSize("time_step_rank")
        }
        let m = StateSpaceSpec(variant: .mamba, innerSize: inner, stateSize: try requiredSize("state_size"),
                               convKernel: try requiredSize("conv_kernel"), timeStepRank: rank,
                               bias: try bool("use_bias", default: false), convBias: try bool("use_conv_bias", default: true))
        if try bool("use_mambapy", default: false) {
            warnings.append("'use_mambapy' true: transformers runs mambapy's parallel scan when that package is installed; FLOPs are counted for the sequential torch scan (the same state @ C products per token)")
        }
        return try stateSpaceModel(m, width: d, tiedDefault: true)
    }

    func mamba2Spec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let d = try requiredSize("hidden_size")
        let inner = d * (try requiredSize("expand"))
        let heads = try requiredSize("num_heads"), headDim = try requiredSize("head_dim")
        if heads * headDim != inner {
            throw error("num_heads", "\(heads) heads × head_dim \(headDim) = \(heads * headDim), but expand × hidden_size = \(inner): Mamba2Config refuses the config")
        }
        let groups = try requiredSize("n_groups")
        if heads % groups != 0 {
            throw error("n_groups", "\(groups) groups do not divide \(heads) heads: B and C are shared by heads / n_groups heads")
        }
        let m = StateSpaceSpec(variant: .mamba2, innerSize: inner, stateSize: try requiredSize("state_size"),
                               convKernel: try requiredSize("conv_kernel"), heads: heads, groups: groups,
                               chunkSize: try requiredSize("chunk_size"),
                               bias: try bool("use_bias", default: false), convBias: try bool("use_conv_bias", default: true))
        return try stateSpaceModel(m, width: d, tiedDefault: false)
    }

    private func stateSpaceModel(_ m: StateSpaceSpec, width d: Int, tiedDefault: Bool) throws(SpecError) -> ModelSpec {
        let placeholders = StackSpec.stateSpacePlaceholders(innerSize: m.innerSize)
        let stack = StackSpec(layers: try requiredSize("num_hidden_layers"), attention: placeholders.attention, ffn: placeholders.ffn,
                              norm: NormSpec(kind: .rmsNorm), stateSpace: m)
        return ModelSpec(name: "model", vocabularySize: try requiredSize("vocab_size"), hiddenSize: d,
                         decoder: stack, lmHead: LMHeadSpec(tied: try tiedHead(default: tiedDefault)))
    }
}
