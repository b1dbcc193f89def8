/// Falcon (`FalconForCausalLM`; the older `RefinedWebModel` / `RefinedWeb` configs too).
///
/// Key/value heads: `num_kv_heads` with `new_decoder_architecture`, else 1 with `multi_query`,
/// else all heads. The layer follows `transformers`' `FalconDecoderLayer`: sequential with two
/// norms unless `parallel_attn`; parallel with `ln_attn`/`ln_mlp` when
/// `num_ln_in_parallel_attn` is 2 (its default under `new_decoder_architecture`), else one
/// shared `input_layernorm`. `bias` covers every linear map; ALiBi or rotary positions;
/// `ffn_hidden_size` (default 4·width); tied head; `max_position_embeddings` defaults to
/// 2048 as in `FalconConfig` (the converted Falcon configs omit it).
///
/// Field names: `FalconConfig` (transformers 5) maps only `n_embed` (which wins over
/// `hidden_size`); the RefinedWeb spellings `n_head`, `n_layer`, `n_head_kv` are not read, so a
/// `falcon` config that uses them gets the class defaults (71 heads, 32 layers, kv = heads),
/// with a warning. The remote-code `RefinedWeb*` configs keep those spellings as aliases.
extension HuggingFaceConfig {
    func falconSpec(warnings: inout [String]) throws(SpecError) -> ModelSpec {
        let refinedWeb = modelType?.lowercased() != "falcon"
        let d: Int
        if !refinedWeb, let embed = try size("n_embed") {
            if let hidden = try size("hidden_size"), writes("hidden_size"), hidden != embed {
                warnings.append("'n_embed' = \(embed) overrides 'hidden_size' = \(hidden), as FalconConfig does")
            }
            d = embed
        } else {
            d = try requiredSize(refinedWeb ? ["hidden_size", "n_embed"] : ["hidden_size"])
        }
        if !refinedWeb {
            let ignored = ["n_head": "num_attention_heads", "n_layer": "num_hidden_layers", "n_head_kv": "num_kv_heads"]
                .filter { writes($0.key) }.sorted { $0.key < $1.key }
            if !ignored.isEmpty {
                let list = ignored.map { "'\($0.key)' (FalconConfig reads '\($0.value)')" }.joined(separator: ", ")
                warnings.append("\(list) ignored, as transformers' FalconConfig ignores them: its own fields or their defaults are used")
            }
        }
        // The original RefinedWeb code was the 40B layout; its configs predate the flag.
        let newArchitecture = try bool("new_decoder_architecture", default: modelType == "RefinedWeb")
        if modelType == "RefinedWeb", !has("new_decoder_architecture") {
            warnings.append("'RefinedWeb' config without 'new_decoder_architecture': read as the new (Falcon-40B) decoder architecture")
        }
        let multiQuery = try bool("multi_query", default: true)
        let geometry = try attentionGeometry(
            hidden: d, heads: refinedWeb ? ["num_attention_heads", "n_head"] : ["num_attention_heads"],
            kvHeads: newArchitecture ? (refinedWeb ? ["num_kv_heads", "n_head_kv"] : ["num_kv_heads"]) : [],
            hiddenKey: "hidden_size")
        let kvHeads = newArchitecture ? geometry.kvHeads : (multiQuery ? 1 : geometry.heads)
        let parallel = try bool("parallel_attn", default: true)
        let parallelNorms = try size("num_ln_in_parallel_attn") ?? (newArchitecture ? 2 : 1)
        let block: BlockLayout = !parallel ? .sequential : (parallelNorms == 2 ? .parallelTwoNorms : .parallelSharedNorm)
        let bias = try bool("bias", default: false)
        let stack = StackSpec(
            layers: try requiredSize(refinedWeb ? ["num_hidden_layers", "n_layer"] : ["num_hidden_layers"]),
            attention: AttentionSpec(heads: geometry.heads, kvHeads: kvHeads, headDim: geometry.headDim,
                                     qkvBias: bias, outputBias: bias),
            ffn: FFNSpec(intermediateSize: try size("ffn_hidden_size") ?? 4 * d,
                         activation: try activation("activation", default: "gelu", warnings: &warnings), bias: bias),
            norm: NormSpec(kind: .layerNorm), block: block,
            positions: try bool("alibi", default: false) ? PositionEncoding(kind: .alibi) : .rotary())
        return ModelSpec(
            name: "", vocabularySize: try requiredSize("vocab_size"), hiddenSize: d,
            contextWindow: try size("max_position_embeddings") ?? 2048, decoder: stack,
            lmHead: LMHeadSpec(tied: try tiedHead(default: true)))
    }
}
