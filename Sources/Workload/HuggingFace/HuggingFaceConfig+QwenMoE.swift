/// Qwen-MoE (`Qwen2MoeForCausalLM`, `Qwen3MoeForCausalLM`): the Qwen2 / Qwen3 layer with its FFN
/// replaced, in the layers that are sparse, by `num_experts` gated experts of
/// `moe_intermediate_size`, `num_experts_per_tok` active, behind a bias-free router. A layer is
/// sparse unless `mlp_only_layers` lists it or `(i + 1) % decoder_sparse_step ≠ 0`; the others
/// keep a dense FFN of `intermediate_size`. Qwen2-MoE adds a shared expert of
/// `shared_expert_intermediate_size` every token goes through, scaled by a sigmoid gate `d × 1`.
/// `Qwen3MoeConfig` maps `num_experts` onto `num_local_experts` (`attribute_map`), so either
/// spelling counts there; `Qwen2MoeConfig` reads `num_experts` only.
extension HuggingFaceConfig {
    func qwen2MoESpec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let layers = try requiredSize("num_hidden_layers")
        let window = try qwen2MoESlidingWindow(layers: layers)
        var spec = try decoderOnlySpec(
            qkvBias: try bool("qkv_bias", default: true), outputBias: false, mlpBias: false,
            activation: try activation("hidden_act", default: "silu", warnings: &warnings),
            tiedDefault: false, slidingWindow: window.size, warnings: &warnings)
        spec.decoder?.slidingWindowLayers = window.layers
        // `Qwen2MoeMLP(intermediate_size=None)` falls back to the dense width, so null means that.
        var shared = try requiredSize("intermediate_size")
        if let width = try size("shared_expert_intermediate_size") { shared = width }
        spec.decoder?.moe = try qwenExperts(layers: layers, shared: shared)
        return spec
    }

    func qwen3MoESpec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let layers = try requiredSize("num_hidden_layers")
        let bias = try bool("attention_bias", default: false)
        // `Qwen3MoeConfig`: the window (every layer) only with `use_sliding_window`.
        let window = try bool("use_sliding_window", default: false) ? try size("sliding_window") : nil
        var spec = try decoderOnlySpec(
            qkvBias: bias, outputBias: bias, mlpBias: false,
            activation: try activation("hidden_act", default: "silu", warnings: &warnings),
            tiedDefault: false, slidingWindow: window, qkNorm: .perHead, warnings: &warnings)
        spec.decoder?.moe = try qwenExperts(layers: layers, shared: nil, expertKeys: ["num_experts", "num_local_experts"])
        return spec
    }

    /// The experts of a Qwen-MoE stack, or nil when no layer is sparse (`num_experts` 0, or every
    /// layer in `mlp_only_layers`): then it is a dense model.
    func qwenExperts(layers: Int, shared: Int?, expertKeys: [String] = ["num_experts"]) throws(SpecError) -> MoESpec? {
        let experts = try count(expertKeys) ?? 0
        let sparse = try qwenSparseLayers(layers: layers, experts: experts)
        guard sparse > 0 else { return nil }
        let topK = try activeExperts(of: experts, named: "num_experts")
        return MoESpec(experts: experts, topK: topK, routerBias: false,
                       expertIntermediateSize: try requiredSize("moe_intermediate_size"),
                       sharedExpertIntermediateSize: shared, sharedExpertGate: shared != nil,
                       denseLayers: layers - sparse)
    }

    /// How many layers hold experts, as `Qwen2MoeDecoderLayer` decides it.
    private func qwenSparseLayers(layers: Int, experts: Int) throws(SpecError) -> Int {
        let step = try qwenSparseStep(), denseOnly = try qwenDenseOnlyLayers()
        guard experts > 0 else { return 0 }
        // Counted, not looped: a hostile config may claim 2^31 layers.
        let onStep = layers / step
        return onStep - denseOnly.filter { $0 >= 0 && $0 < layers && ($0 + 1) % step == 0 }.count
    }

    /// `decoder_sparse_step`: layer `i` may hold experts when `(i + 1) % step == 0`.
    func qwenSparseStep() throws(SpecError) -> Int {
        let step = try count("decoder_sparse_step") ?? 1
        guard step >= 1 else { throw error("decoder_sparse_step", "must be at least 1 (transformers divides by it), got \(step)") }
        return step
    }

    /// `mlp_only_layers`: the layers kept dense whatever the step.
    func qwenDenseOnlyLayers() throws(SpecError) -> Set<Int> {
        var denseOnly = Set<Int>()
        switch value("mlp_only_layers") {
        case nil: break
        case .array(let entries)?:
            for entry in entries {
                guard case .int(let i) = entry else {
                    throw error("mlp_only_layers", "expected layer indices, got \(entry.described)")
                }
                denseOnly.insert(i)
            }
        case let other?: throw error("mlp_only_layers", "expected a list of layer indices, got \(other.described)")
        }
        return denseOnly
    }

    /// `Qwen2MoeConfig`'s window: only with `use_sliding_window`, and then in the layers
    /// `layer_types` marks — by default every other one from the first, below `max_window_layers`.
    private func qwen2MoESlidingWindow(layers: Int) throws(SpecError) -> (size: Int?, layers: Int?) {
        guard let w = try qwenWindow(layers: layers) else { return (nil, nil) }
        let below = try count("max_window_layers") ?? layers
        let sliding = try listedSlidingLayers(layers: layers) ?? (min(layers, below) + 1) / 2
        guard sliding > 0 else { return (nil, nil) }
        return (w, sliding < layers ? sliding : nil)
    }
}
