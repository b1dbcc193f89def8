/// Qwen2: Llama with a bias on q, k and v but not on o. `sliding_window` only takes effect when
/// `use_sliding_window` is true (`Qwen2Config` sets it to `None` otherwise), and then only in the
/// layers `layer_types` marks `sliding_attention` — by default those from `max_window_layers` on.
/// Absent, `sliding_window` is 4096 and `max_window_layers` 28 (the class defaults).
extension HuggingFaceConfig {
    func qwen2Spec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let window = try qwenSlidingWindow()
        var spec = try decoderOnlySpec(
            qkvBias: true, outputBias: false, mlpBias: false,
            activation: try activation("hidden_act", default: "silu", warnings: &warnings),
            tiedDefault: false, slidingWindow: window.size, warnings: &warnings)
        spec.decoder?.slidingWindowLayers = window.layers
        return spec
    }

    /// The window of `Qwen2Config` / `Qwen3Config` and how many layers use it (`nil`: all).
    func qwenSlidingWindow() throws(SpecError) -> (size: Int?, layers: Int?) {
        let layers = try requiredSize("num_hidden_layers")
        guard let w = try qwenWindow(layers: layers) else { return (nil, nil) }
        let sliding = try slidingLayers(layers: layers)
        guard sliding > 0 else { return (nil, nil) }
        return (w, sliding < layers ? sliding : nil)
    }

    /// `sliding_window` where `use_sliding_window` is true; `nil` where it is false (the config
    /// classes then set the window to `None`, Qwen2-MoE's to 0) or null. A `layer_types` that
    /// still marks layers `sliding_attention` is refused: transformers 5.23 cannot build their
    /// mask without a window (`ValueError`), nor Qwen2-MoE's cache with a window of 0.
    func qwenWindow(layers: Int) throws(SpecError) -> Int? {
        if try bool("use_sliding_window", default: false), let w = try size("sliding_window") { return w }
        if let listed = try listedSlidingLayers(layers: layers), listed > 0 {
            throw error("layer_types", "marks \(listed) of \(layers) layers 'sliding_attention', but no window applies (use_sliding_window is false or sliding_window null): transformers 5.23 fails on those layers")
        }
        return nil
    }

    /// Layers with sliding-window attention: counted in `layer_types` when the config lists
    /// them (transformers ≥ 4.53), else those from `max_window_layers` on.
    func slidingLayers(layers: Int) throws(SpecError) -> Int {
        if let listed = try listedSlidingLayers(layers: layers) { return listed }
        let first = try count("max_window_layers") ?? 0
        return max(0, layers - first)
    }

    /// The `sliding_attention` entries of `layer_types`, nil when it is absent or null. As
    /// `PreTrainedConfig.validate_layer_type` does, a list whose length is not the layer count
    /// is refused; so is a kind these families have no code for.
    func listedSlidingLayers(layers: Int) throws(SpecError) -> Int? {
        switch value("layer_types") {
        case nil, .null?: return nil
        case .array(let types)?:
            guard types.count == layers else {
                throw error("layer_types", "lists \(types.count) layers, but num_hidden_layers is \(layers)")
            }
            let kinds: [JSONValue] = [.string("sliding_attention"), .string("full_attention")]
            if let other = types.first(where: { !kinds.contains($0) }) {
                throw error("layer_types", "expected 'sliding_attention' or 'full_attention' entries, got \(other.described)")
            }
            return types.filter { $0 == .string("sliding_attention") }.count
        case let other?:
            throw error("layer_types", "expected a list of layer kinds, got \(other.described)")
        }
    }
}
