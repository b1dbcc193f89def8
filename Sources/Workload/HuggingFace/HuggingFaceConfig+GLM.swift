/// GLM-4.5 and GLM-4.5-Air (`Glm4MoeForCausalLM`, transformers 5.23): Llama's grouped-query
/// skeleton with `attention_bias` on q, k and v only (`o_proj` never has one), rotary over
/// `int(head_dim × partial_rotary_factor)` dimensions (the rope object's factor first, then the
/// top level, else the class's 0.5), per-head q/k RMSNorms when `use_qk_norm`, and DeepSeek-V3's
/// MoE: `first_k_dense_replace` dense layers, then `n_routed_experts` experts behind a bias-free
/// sigmoid router with group-limited choice (`n_group`, `topk_group`) and one shared MLP of
/// `n_shared_experts × moe_intermediate_size`.
///
/// `e_score_correction_bias` is a buffer in `Glm4MoeTopkRouter` (not a parameter), and the
/// multi-token-prediction layers (`num_nextn_predict_layers`, `model.layers.92` of GLM-4.5) are
/// never built: both are reported beside the count, as for DeepSeek-V3.
extension HuggingFaceConfig {
    func glm4MoESpec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        // `Glm4MoeAttention` reads `getattr(config, "head_dim", width / heads)`: a `null` is kept and fails there.
        if !isAbsent("head_dim"), !writes("head_dim") {
            throw error("head_dim", "null: Glm4MoeAttention takes an explicit head_dim as given and cannot build None-wide heads (leave the key out for hidden_size / num_attention_heads)")
        }
        let layers = try requiredSize("num_hidden_layers")
        let routing = ExpertRouting(scoring: .sigmoid, groups: try requiredSize("n_group"), topKGroups: try requiredSize("topk_group"),
                                    scoreCorrectionBias: true, scalingFactor: try double("routed_scaling_factor"))
        let moe = try deepseekExperts(layers: layers, routing: routing, mlpBias: false)
        if let moe, let groups = routing.groups, moe.experts % groups == 0, moe.experts / groups < 2 {
            throw error("n_group", "\(groups) groups of \(moe.experts / groups) expert: Glm4MoeTopkRouter scores each group by its top 2")
        }
        for key in ["scoring_func", "topk_method"] where writes(key) {
            warnings.append("'\(key)' ignored: transformers' GLM-4.5 router always scores with sigmoid and chooses by group (noaux_tc)")
        }
        if writes("mlp_bias") {
            warnings.append("'mlp_bias' ignored: Glm4MoeMLP's projections never have a bias")
        }
        let bias = try bool("attention_bias", default: false)
        var spec = try decoderOnlySpec(
            qkvBias: bias, outputBias: false, mlpBias: false,
            activation: try activation("hidden_act", default: "silu", warnings: &warnings),
            tiedDefault: false, slidingWindow: nil, moe: moe,
            qkNorm: try bool("use_qk_norm", default: false) ? .perHead : nil, partialRotary: true, unchecked: true,
            warnings: &warnings)
        if let a = spec.decoder?.attention, a.heads * a.headDim != spec.hiddenSize {
            warnings.append("head width \(a.headDim) (\(writes("head_dim") ? "head_dim" : "hidden_size // num_attention_heads, floored")): the query projects \(spec.hiddenSize) to \(a.heads) × \(a.headDim) = \(a.heads * a.headDim) features")
        }
        spec.attachPredictionModules(try count("num_nextn_predict_layers", "num_mtp_layers"), warnings: &warnings)
        return spec
    }
}
