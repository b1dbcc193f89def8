/// Qwen2: Llama with a bias on q, k and v but not on o. `sliding_window` only takes effect when
/// `use_sliding_window` is true, and then only in layers from `max_window_layers` on.
extension HuggingFaceConfig {
    func qwen2Spec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        var window: Int?
        if try bool("use_sliding_window", default: false), let w = try size("sliding_window") {
            let layers = try requiredSize("num_hidden_layers")
            let firstSliding = try count("max_window_layers") ?? 0
            if firstSliding < layers {
                window = w
                if firstSliding > 0 {
                    warnings.append("sliding window \(w) applies from layer \(firstSliding) on ('max_window_layers'); llmcost applies it to all \(layers) layers")
                }
            }
        }
        return try decoderOnlySpec(
            qkvBias: true, outputBias: false, mlpBias: false,
            activation: try activation("hidden_act", default: "silu", warnings: &warnings),
            tiedDefault: false, slidingWindow: window)
    }
}
