/// DeepSeek-V2 and -V3 (`DeepseekV2ForCausalLM`, `DeepseekV3ForCausalLM`, transformers 5.23), and
/// Kimi K2 (`model_type: kimi_k2`, DeepSeek-V3's layout under its own name): multi-head latent
/// attention in every layer; the first `first_k_dense_replace` layers keep a dense SwiGLU MLP of
/// `intermediate_size`, every later one holds `n_routed_experts` experts of
/// `moe_intermediate_size` (top `num_experts_per_tok`) and one shared MLP of
/// `n_shared_experts × moe_intermediate_size` behind a bias-free `d × experts` router.
///
/// What transformers ignores is reported, not modelled: `moe_layer_freq` (every layer from
/// `first_k_dense_replace` on is sparse), `scoring_func` (V2 always softmax, V3 always sigmoid),
/// `head_dim` (overwritten with `qk_rope_head_dim`), `num_key_value_heads` (the latent expands
/// into every head). `num_nextn_predict_layers` (multi-token prediction) is in the checkpoint
/// but never built: kept as `predictionModules`, reported beside the count.
extension HuggingFaceConfig {
    func deepseekV2Spec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let d = try requiredSize("hidden_size"), heads = try requiredSize("num_attention_heads")
        // `DeepseekV2Config.validate_architecture` refuses a width the heads do not divide.
        guard d % heads == 0 else {
            throw error("num_attention_heads", "\(heads) heads do not divide hidden_size \(d) (DeepseekV2Config refuses it)")
        }
        let method = try string("topk_method") ?? "greedy"
        var routing = ExpertRouting(scoring: .softmax, scalingFactor: try double("routed_scaling_factor"))
        switch method {
        case "greedy": break
        case "group_limited_greedy":
            routing.groups = try requiredSize("n_group")
            routing.topKGroups = try requiredSize("topk_group")
        default:
            throw error("topk_method", "\"\(method)\" is not a method DeepseekV2TopkRouter runs (greedy, group_limited_greedy)")
        }
        if let scoring = try string("scoring_func"), scoring != "softmax" {
            warnings.append("'scoring_func' = \"\(scoring)\" ignored: transformers' DeepSeek-V2 router always scores with softmax")
        }
        let mlpBias = try bool("mlp_bias", default: false)
        return try deepseekSpec(width: d, heads: heads, routing: routing, mlpBias: mlpBias, predictionModules: nil, warnings: &warnings)
    }

    func deepseekV3Spec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        if modelType == "kimi_k2" {
            warnings.append("model_type 'kimi_k2' is read as DeepSeek-V3 (its config names DeepseekV3ForCausalLM; transformers has no Kimi class, absent fields take DeepseekV3Config's defaults)")
        }
        let d = try requiredSize("hidden_size"), heads = try requiredSize("num_attention_heads")
        let routing = ExpertRouting(scoring: .sigmoid, groups: try requiredSize("n_group"), topKGroups: try requiredSize("topk_group"),
                                    scoreCorrectionBias: true, scalingFactor: try double("routed_scaling_factor"))
        if let scoring = try string("scoring_func"), scoring != "sigmoid" {
            warnings.append("'scoring_func' = \"\(scoring)\" ignored: transformers' DeepSeek-V3 router always scores with sigmoid")
        }
        if let method = try string("topk_method"), method != "noaux_tc" {
            warnings.append("'topk_method' = \"\(method)\" ignored: transformers' DeepSeek-V3 router always chooses by group (noaux_tc)")
        }
        let modules = try count("num_nextn_predict_layers", "num_mtp_layers")
        return try deepseekSpec(width: d, heads: heads, routing: routing, mlpBias: false, predictionModules: modules, warnings: &warnings)
    }

    /// `num_nextn_predict_layers` under either spelling (`num_mtp_layers` is its alias).
    func count(_ key: String, _ alias: String) throws(SpecError) -> Int? {
        if let n = try count(key) { return n }
        return try count(alias)
    }

    private func deepseekSpec(width d: Int, heads: Int, routing: ExpertRouting, mlpBias: Bool, predictionModules: Int?,
                              warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let latent = LatentAttentionSpec(
            queryRank: try size("q_lora_rank"), keyValueRank: try requiredSize("kv_lora_rank"),
            nopeHeadDim: try requiredSize("qk_nope_head_dim"), ropeHeadDim: try requiredSize("qk_rope_head_dim"),
            valueHeadDim: try requiredSize("v_head_dim"))
        guard latent.ropeHeadDim % 2 == 0 else {
            throw error("qk_rope_head_dim", "rotary needs an even number of dimensions, got \(latent.ropeHeadDim)")
        }
        if let kv = try size("num_key_value_heads"), kv != heads {
            warnings.append("'num_key_value_heads' = \(kv) ignored: latent attention expands its latent into all \(heads) heads (transformers' eager attention would fail to run with it)")
        }
        if writes("head_dim") {
            warnings.append("'head_dim' ignored: DeepSeek configs overwrite it with qk_rope_head_dim (\(latent.ropeHeadDim))")
        }
        if let freq = try int("moe_layer_freq"), freq != 1 {
            warnings.append("'moe_layer_freq' = \(freq) ignored: transformers puts experts in every layer from first_k_dense_replace on")
        }
        let bias = try bool("attention_bias", default: false)
        let layers = try requiredSize("num_hidden_layers")
        let attention = AttentionSpec(heads: heads, kvHeads: heads, headDim: latent.queryKeyHeadDim, qkvBias: bias, outputBias: bias,
                                      latent: latent)
        let stack = StackSpec(
            layers: layers, attention: attention,
            ffn: FFNSpec(intermediateSize: try requiredSize("intermediate_size"), gated: true,
                         activation: try activation("hidden_act", default: "silu", warnings: &warnings), bias: mlpBias),
            moe: try deepseekExperts(layers: layers, routing: routing, mlpBias: mlpBias),
            norm: NormSpec(kind: .rmsNorm), positions: .rotary(dimensions: latent.ropeHeadDim))
        var spec = ModelSpec(
            name: "", vocabularySize: try requiredSize("vocab_size"), hiddenSize: d,
            contextWindow: try size("max_position_embeddings"), decoder: stack,
            lmHead: LMHeadSpec(tied: try tiedHead(default: false)))
        spec.attachPredictionModules(predictionModules, warnings: &warnings)
        return spec
    }

    /// The routed and shared experts, or nil when `first_k_dense_replace` leaves every layer dense
    /// (GLM-4.5's `Glm4MoeMoE` has the same layout and reads the same fields).
    func deepseekExperts(layers: Int, routing: ExpertRouting, mlpBias: Bool) throws(SpecError) -> MoESpec? {
        guard let dense = try count("first_k_dense_replace") else {
            throw error("first_k_dense_replace", "missing (null); transformers compares each layer index with it")
        }
        guard dense < layers else { return nil }
        let experts = try requiredSize("n_routed_experts", "num_experts", "num_local_experts")
        let topK = try activeExperts(of: experts, named: "n_routed_experts")
        let width = try requiredSize("moe_intermediate_size")
        guard let shared = try count("n_shared_experts") else {
            throw error("n_shared_experts", "missing (null); the shared MLP's width is n_shared_experts × moe_intermediate_size")
        }
        return MoESpec(experts: experts, topK: topK, routerBias: false, expertIntermediateSize: width,
                       sharedExpertIntermediateSize: shared > 0 ? shared * width : nil, denseLayers: dense,
                       routing: routing, expertBias: mlpBias ? false : nil)
    }
}

extension ModelSpec {
    /// Records `num_nextn_predict_layers` multi-token-prediction modules (DeepSeek-V3, GLM-4.5):
    /// the checkpoint holds them, transformers never builds them, so the import says how large
    /// they are and leaves them out of the count.
    mutating func attachPredictionModules(_ modules: Int?, warnings: inout [String]) {
        guard let modules, modules > 0 else { return }
        predictionModules = modules
        if let counts = try? predictionModuleParameters() {
            warnings.append("'num_nextn_predict_layers' = \(modules): the checkpoint also holds \(modules) multi-token-prediction module(s), \(counts.module) parameters each (+ \(counts.copies) in its copies of the embedding and LM head), which transformers does not build: not counted")
        }
    }
}
