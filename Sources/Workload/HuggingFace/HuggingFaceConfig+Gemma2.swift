/// Gemma 2 (`Gemma2ForCausalLM`): Gemma's layer (explicit `head_dim`, tied head, gated tanh-GELU,
/// biases only with `attention_bias`) with four RMSNorms per layer — before and after attention
/// and before and after the FFN — and sliding-window attention (`sliding_window`, 4096 by
/// default) in the layers `layer_types` marks `sliding_attention`: absent, every other layer
/// from the first (`Gemma2Config`). Logit soft-capping (tanh) and `query_pre_attn_scalar`
/// change no parameter and no matmul FLOP.
///
/// Gemma 3's text model (`Gemma3ForCausalLM`, `gemma3_text`) is the same layer with RMSNorms
/// over each head's q and k, five sliding layers to one global by default
/// (`sliding_window_pattern` 6), and one rotary table per kind of layer (local and global bases).
extension HuggingFaceConfig {
    func gemma2Spec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        try gemmaSandwichSpec(qkNorm: nil, defaultSliding: { layers in (layers + 1) / 2 }, tablePerLayerKind: false,
                              warnings: &warnings)
    }

    func gemma3TextSpec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let pattern = try count("sliding_window_pattern") ?? 6
        guard pattern >= 1 else { throw error("sliding_window_pattern", "must be at least 1 (transformers divides by it), got \(pattern)") }
        guard try size("sliding_window") != nil else {
            throw error("sliding_window", "is null: Gemma3TextModel.forward builds a sliding-window mask for every config and raises without a window")
        }
        return try gemmaSandwichSpec(qkNorm: .perHead, defaultSliding: { layers in layers - layers / pattern },
                                     tablePerLayerKind: true, warnings: &warnings)
    }

    private func gemmaSandwichSpec(
        qkNorm: AttentionSpec.QKNorm?, defaultSliding: (Int) -> Int, tablePerLayerKind: Bool, warnings: inout [String]
    ) throws(SpecError) -> ModelSpec {
        let attentionBias = try bool("attention_bias", default: false)
        let spec = try decoderOnlySpec(
            qkvBias: attentionBias, outputBias: attentionBias, mlpBias: false,
            activation: try activation("hidden_activation", default: "gelu_pytorch_tanh", warnings: &warnings),
            tiedDefault: true, slidingWindow: try size("sliding_window"), qkNorm: qkNorm, warnings: &warnings)
        let layers = try requiredSize("num_hidden_layers")
        let sliding = try listedSlidingLayers(layers: layers) ?? defaultSliding(layers)
        guard var stack = spec.decoder else { return spec }
        if stack.slidingWindow == nil && sliding > 0 {
            // The model's forward raises on exactly this config.
            throw error("sliding_window", "is null, but \(sliding) of the \(layers) layers use sliding-window attention (layer_types); give a window or mark every layer 'full_attention'")
        }
        stack.block = .sandwichNorms
        if sliding == 0 { stack.slidingWindow = nil }
        stack.slidingWindowLayers = stack.slidingWindow == nil || sliding == layers ? nil : sliding
        if try bool("use_bidirectional_attention", default: false) {
            stack.causal = false
            // `Gemma3TextConfig` halves the window for bidirectional attention: w // 2 + 1.
            if tablePerLayerKind, let w = stack.slidingWindow { stack.slidingWindow = w / 2 + 1 }
        }
        let kinds = (sliding > 0 ? 1 : 0) + (sliding < layers ? 1 : 0)
        if tablePerLayerKind, kinds > 1 { stack.positions.rotaryTables = kinds }
        var result = spec
        result.decoder = stack
        return result
    }
}
