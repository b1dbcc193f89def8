/// gpt-oss (`GptOssForCausalLM`, `model_type: gpt_oss`, transformers 5.23): the Llama skeleton with
/// biases on q, k, v and o (`attention_bias`, true by default), one learned attention sink per head
/// in every layer, sliding-window attention (`sliding_window`, 128) in the layers `layer_types`
/// marks `sliding_attention` — absent, every other layer from the first — and in every layer
/// `num_local_experts` (alias `num_experts`) experts, `num_experts_per_tok` active, behind a
/// biased router. Each expert is gated with biases on both projections (`gate_up_proj_bias`,
/// `down_proj_bias`, whatever the config says) and the clamped SwiGLU (`swiglu_limit`,
/// `swiglu_alpha`), which changes no parameter and no matmul FLOP; `hidden_act` is never read.
///
/// `quantization_config` (MXFP4 experts) says how the checkpoint stores the weights, not what
/// transformers builds: it changes memory (`checkpointPrecision`, read for every type in
/// `HuggingFaceConfig+Quantization`), never a count.
extension HuggingFaceConfig {
    func gptOssSpec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let experts = try requiredSize("num_local_experts", "num_experts")
        let topK = try activeExperts(of: experts, named: "num_local_experts")
        let bias = try bool("attention_bias", default: true)
        if let act = try string("hidden_act"), act != "silu" {
            warnings.append("'hidden_act' = \"\(act)\" ignored: gpt-oss experts always apply their clamped SwiGLU")
        }
        var spec = try decoderOnlySpec(
            qkvBias: bias, outputBias: bias, mlpBias: true, activation: .clampedSwiGLU, tiedDefault: false,
            slidingWindow: try size("sliding_window"), moe: MoESpec(experts: experts, topK: topK, routerBias: true),
            warnings: &warnings)
        guard var stack = spec.decoder else { return spec }
        let layers = stack.layers
        let sliding = try listedSlidingLayers(layers: layers) ?? (layers + 1) / 2
        if stack.slidingWindow == nil && sliding > 0 {
            throw error("sliding_window", "is null, but \(sliding) of the \(layers) layers use sliding-window attention (layer_types); give a window or mark every layer 'full_attention'")
        }
        if sliding == 0 { stack.slidingWindow = nil }
        stack.slidingWindowLayers = stack.slidingWindow == nil || sliding == layers ? nil : sliding
        stack.attention.sinks = true
        spec.decoder = stack
        return spec
    }
}
