/// Mistral and Mixtral: Llama without any bias. Mistral's `sliding_window` defaults to 4096 when
/// absent (`MistralConfig`); `null` means no window. Mixtral's defaults to no window, and
/// Mixtral replaces the FFN by `num_local_experts` (alias `num_experts`) experts,
/// `num_experts_per_tok` active, behind a bias-free router.
extension HuggingFaceConfig {
    func mistralSpec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        try decoderOnlySpec(
            qkvBias: false, outputBias: false, mlpBias: false,
            activation: try activation("hidden_act", default: "silu", warnings: &warnings),
            tiedDefault: false, slidingWindow: try size("sliding_window"), warnings: &warnings)
    }

    func mixtralSpec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let experts = try requiredSize("num_local_experts", "num_experts")
        let topK = try activeExperts(of: experts, named: "num_local_experts")
        return try decoderOnlySpec(
            qkvBias: false, outputBias: false, mlpBias: false,
            activation: try activation("hidden_act", default: "silu", warnings: &warnings),
            tiedDefault: false, slidingWindow: try size("sliding_window"),
            moe: MoESpec(experts: experts, topK: topK, routerBias: false), warnings: &warnings)
    }
}

extension HuggingFaceConfig {
    /// `num_experts_per_tok`, which must not exceed the `experts` the config gives under `key`.
    func activeExperts(of experts: Int, named key: String) throws(SpecError) -> Int {
        let topK = try requiredSize("num_experts_per_tok")
        guard topK <= experts else {
            throw error("num_experts_per_tok", "\(topK) active experts of only \(experts) ('\(key)')")
        }
        return topK
    }
}
