/// Gemma 2 (`Gemma2ForCausalLM`): Gemma's layer (explicit `head_dim`, tied head, gated tanh-GELU,
/// biases only with `attention_bias`) with four RMSNorms per layer — before and after attention
/// and before and after the FFN — and sliding-window attention (`sliding_window`, 4096 by
/// default) in the layers `layer_types` marks `sliding_attention`: absent, every other layer
/// from the first (`Gemma2Config`). Logit soft-capping (tanh) and `query_pre_attn_scalar`
/// change no parameter and no matmul FLOP.
extension HuggingFaceConfig {
    func gemma2Spec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let attentionBias = try bool("attention_bias", default: false)
        let spec = try decoderOnlySpec(
            qkvBias: attentionBias, outputBias: attentionBias, mlpBias: false,
            activation: try activation("hidden_activation", default: "gelu_pytorch_tanh", warnings: &warnings),
            tiedDefault: true, slidingWindow: try size("sliding_window"), warnings: &warnings)
        let layers = try requiredSize("num_hidden_layers")
        let sliding = try listedSlidingLayers(layers: layers) ?? (layers + 1) / 2
        guard var stack = spec.decoder else { return spec }
        if stack.slidingWindow == nil && sliding > 0 {
            // `Gemma2Model.forward` raises on exactly this config.
            throw error("sliding_window", "is null, but \(sliding) of the \(layers) layers use sliding-window attention (layer_types); give a window or mark every layer 'full_attention'")
        }
        stack.block = .sandwichNorms
        if sliding == 0 { stack.slidingWindow = nil }
        stack.slidingWindowLayers = stack.slidingWindow == nil || sliding == layers ? nil : sliding
        if try bool("use_bidirectional_attention", default: false) { stack.causal = false }
        var result = spec
        result.decoder = stack
        return result
    }
}
