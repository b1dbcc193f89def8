/// T5 and mT5 (`T5ForConditionalGeneration`): heads of `d_kv` (so heads × `d_kv` need not be
/// `d_model`), no bias anywhere, RMSNorm (T5's `T5LayerNorm` has a scale only), a relative
/// position bias of `relative_attention_num_buckets × num_heads` in the first layer of each
/// stack's self-attention (never in cross-attention), a final norm on both stacks, and a head
/// tied per `tie_word_embeddings` (true for T5, false for T5 v1.1 and mT5). An absent
/// `feed_forward_proj` is `relu` for T5 and `gated-gelu` for mT5 (`MT5Config`).
extension HuggingFaceConfig {
    func t5Spec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let d = try requiredSize("d_model", "hidden_size")
        let heads = try requiredSize("num_heads", "num_attention_heads")
        let headDim = try requiredSize("d_kv", "head_dim")
        let buckets = try size("relative_attention_num_buckets") ?? 32
        let encoderLayers = try requiredSize("num_layers", "num_hidden_layers")
        let decoderLayers = try t5DecoderLayers(warnings: &warnings)
        let (gated, activation) = try t5FeedForward(warnings: &warnings)
        let ffn = FFNSpec(intermediateSize: try requiredSize("d_ff"), gated: gated, activation: activation)
        let selfAttention = AttentionSpec(heads: heads, headDim: headDim, relativeBiasBuckets: buckets)
        let norm = NormSpec(kind: .rmsNorm)
        return ModelSpec(
            name: "", vocabularySize: try requiredSize("vocab_size"), hiddenSize: d,
            contextWindow: try size("n_positions"),
            encoder: StackSpec(layers: encoderLayers, attention: selfAttention, ffn: ffn, norm: norm, causal: false),
            decoder: StackSpec(layers: decoderLayers, attention: selfAttention,
                               crossAttention: AttentionSpec(heads: heads, headDim: headDim), ffn: ffn, norm: norm),
            lmHead: LMHeadSpec(tied: try tiedHead(default: true)))
    }

    /// `num_decoder_layers`, else `num_layers` as `T5Config.__post_init__` copies it — before the
    /// `num_hidden_layers` alias is applied, so a config that spells only the alias gets the class
    /// default (T5 6, mT5 8) in its decoder, as transformers 5.23 builds it.
    func t5DecoderLayers(warnings: inout [String]) throws(SpecError) -> Int {
        if let layers = try size("num_decoder_layers") { return layers }
        if let layers = try size("num_layers") { return layers }
        guard let defaults = ClassDefaults.forModelType(modelType), case .int(let classDefault)? = defaults.declared("num_layers") else {
            return try requiredSize("num_layers")
        }
        warnings.append("'num_hidden_layers' sets the encoder's layers only: with no 'num_layers' or 'num_decoder_layers', the decoder has \(defaults.className)'s default num_layers = \(classDefault) (transformers 5.23 copies it before the alias applies)")
        return classDefault
    }

    /// `feed_forward_proj` is `ACT` or `gated-ACT`, as `T5Config` parses it; `gated-gelu` runs
    /// `gelu_new` (the tanh form), per `T5Config`.
    func t5FeedForward(warnings: inout [String]) throws(SpecError) -> (gated: Bool, activation: Activation) {
        let proj = try string("feed_forward_proj") ?? "relu"
        let parts = proj.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        let gated = parts.count == 2 && parts[0] == "gated"
        guard parts.count == 1 || gated, let name = parts.last, !name.isEmpty else {
            throw error("feed_forward_proj", "\"\(proj)\" is not 'ACT' or 'gated-ACT' (e.g. \"relu\", \"gated-gelu\")")
        }
        if proj == "gated-gelu" { return (true, .geluTanh) }
        guard let activation = Self.activationNames[name] else {
            warnings.append("'feed_forward_proj' activation \"\(name)\" is unknown; priced as exact GELU")
            return (gated, .gelu)
        }
        return (gated, activation)
    }
}
