/// `general.architecture` → the transformers `model_type` whose importer reads it, and the
/// `config.json` values llama.cpp's converter took the `<arch>.*` keys from
/// (`convert_hf_to_gguf.py`). What the metadata does not store (biases, tied embeddings) is read
/// from which tensors exist.
enum GGUFArchitecture {
    /// The architectures read, for the error naming them.
    static let supported = ["llama", "mistral", "mixtral", "qwen2", "qwen3", "qwen2moe", "qwen3moe", "gemma", "gemma2", "gemma3",
                            "phi3", "gpt2", "starcoder2", "falcon", "deepseek2"]

    static func configValues(_ h: GGUFHeader, arch: String, path: String) throws(SpecError) -> [String: JSONValue] {
        guard supported.contains(arch) else {
            throw SpecError(file: path, field: "general.architecture", "\"\(arch)\" is not an architecture llmcost reads from GGUF (\(supported.joined(separator: ", "))); give the model's config.json instead")
        }
        let key = { (k: String) in "\(arch).\(k)" }
        let heads = try h.requiredSize(key("attention.head_count"), path: path)
        var v: [String: JSONValue] = [
            "vocab_size": .int(try vocabularySize(h, arch: arch, path: path)),
            "hidden_size": .int(try h.requiredSize(key("embedding_length"), path: path)),
            "num_hidden_layers": .int(try h.requiredSize(key("block_count"), path: path)),
            "num_attention_heads": .int(heads),
            "num_key_value_heads": .int(try h.size(key("attention.head_count_kv"), path: path) ?? heads),
            "tie_word_embeddings": .bool(h.tensor("output.weight") == nil),
        ]
        if let ffn = try h.size(key("feed_forward_length"), path: path) { v["intermediate_size"] = .int(ffn) }
        if let context = try h.size(key("context_length"), path: path) { v["max_position_embeddings"] = .int(context) }
        if let headDim = try h.size(key("attention.key_length"), path: path) { v["head_dim"] = .int(headDim) }
        if let window = try h.size(key("attention.sliding_window"), path: path) { v["sliding_window"] = .int(window) }
        let experts = try h.count(key("expert_count"), path: path)
        let used = try h.count(key("expert_used_count"), path: path)
        switch arch {
        case "llama", "mistral", "mixtral":
            v["model_type"] = .string(experts > 0 ? "mixtral" : "llama")
            if experts > 0 {
                v["num_local_experts"] = .int(experts); v["num_experts_per_tok"] = .int(used)
                v["sliding_window"] = v["sliding_window"] ?? .null
            } else {
                v["attention_bias"] = .bool(h.tensor("blk.0.attn_q.bias") != nil)
                v["mlp_bias"] = .bool(h.tensor("blk.0.ffn_up.bias") != nil)
            }
        case "qwen2", "qwen3":
            v["model_type"] = .string(arch)
            if arch == "qwen3" { v["attention_bias"] = .bool(h.tensor("blk.0.attn_q.bias") != nil) }
        case "qwen2moe", "qwen3moe":
            v["model_type"] = .string(arch == "qwen2moe" ? "qwen2_moe" : "qwen3_moe")
            v["num_experts"] = .int(experts); v["num_experts_per_tok"] = .int(used)
            v["decoder_sparse_step"] = .int(1); v["mlp_only_layers"] = .array([])
            if let e = try h.size(key("expert_feed_forward_length"), path: path) { v["moe_intermediate_size"] = .int(e) }
            if let s = try h.size(key("expert_shared_feed_forward_length"), path: path) { v["shared_expert_intermediate_size"] = .int(s) }
            if arch == "qwen3moe" { v["attention_bias"] = .bool(h.tensor("blk.0.attn_q.bias") != nil) }
        case "gemma", "gemma2":
            v["model_type"] = .string(arch)
        case "gemma3":
            v["model_type"] = .string("gemma3_text")
        case "phi3":
            v["model_type"] = .string("phi3")
            if let rotary = try h.size(key("rope.dimension_count"), path: path) {
                let headDim = (try h.size(key("embedding_length"), path: path) ?? 0) / heads
                if headDim > 0, rotary != headDim { v["partial_rotary_factor"] = .double(Double(rotary) / Double(headDim)) }
            }
        case "gpt2":
            v = ["model_type": .string("gpt2"), "vocab_size": v["vocab_size"]!, "n_embd": v["hidden_size"]!,
                 "n_layer": v["num_hidden_layers"]!, "n_head": .int(heads),
                 "n_positions": v["max_position_embeddings"] ?? .int(1024), "n_inner": v["intermediate_size"] ?? .null]
        case "starcoder2":
            v["model_type"] = .string("starcoder2")
            v["use_bias"] = .bool(h.tensor("blk.0.attn_q.bias") != nil)
        case "falcon":
            let kv = try h.size(key("attention.head_count_kv"), path: path) ?? 1
            let newArchitecture = h.tensor("blk.0.attn_norm_2.weight") != nil
            v["model_type"] = .string("falcon")
            v["new_decoder_architecture"] = .bool(newArchitecture)
            v["multi_query"] = .bool(kv == 1)
            v["num_kv_heads"] = .int(kv)
            v["bias"] = .bool(h.tensor("blk.0.attn_qkv.bias") != nil)
            v["parallel_attn"] = .bool(true)
            v["num_key_value_heads"] = nil
            v["tie_word_embeddings"] = .bool(h.tensor("output.weight") == nil)
        case "deepseek2":
            try deepseek2(h, key: key, heads: heads, experts: experts, used: used, into: &v, path: path)
        default: break
        }
        return v
    }

    /// DeepSeek-V2 / V3 (`deepseek2`): latent attention and routed experts. `key_length_mla` /
    /// `value_length_mla` are the per-head sizes where a converter stores the absorbed form's
    /// (`key_length` = kv_lora_rank + rope, one KV head); V3 is told by its sigmoid gating
    /// (`expert_gating_func` 2) or its `exp_probs_b` score-correction biases.
    private static func deepseek2(_ h: GGUFHeader, key: (String) -> String, heads: Int, experts: Int, used: Int,
                                  into v: inout [String: JSONValue], path: String) throws(SpecError) {
        let dense = try h.count(key("leading_dense_block_count"), path: path)
        let sigmoid = try h.count(key("expert_gating_func"), path: path) == 2
        let v3 = sigmoid || h.tensor("blk.\(dense).exp_probs_b.bias") != nil
        let rope = try h.requiredSize(key("rope.dimension_count"), path: path)
        let keyLength = try mla(h, key("attention.key_length"), path: path)
        let valueLength = try mla(h, key("attention.value_length"), path: path)
        guard keyLength > rope else {
            throw SpecError(file: path, field: key("attention.key_length"), "\(keyLength) must exceed rope.dimension_count \(rope): a head's key is its no-position part and its rotary part")
        }
        let groups = try h.count(key("expert_group_count"), path: path), groupsUsed = try h.count(key("expert_group_used_count"), path: path)
        let qRank = try h.count(key("attention.q_lora_rank"), path: path)
        v["model_type"] = .string(v3 ? "deepseek_v3" : "deepseek_v2")
        v["head_dim"] = nil
        v["num_key_value_heads"] = .int(heads)
        v["qk_rope_head_dim"] = .int(rope)
        v["qk_nope_head_dim"] = .int(keyLength - rope)
        v["v_head_dim"] = .int(valueLength)
        v["kv_lora_rank"] = .int(try h.requiredSize(key("attention.kv_lora_rank"), path: path))
        v["q_lora_rank"] = qRank > 0 ? .int(qRank) : .null
        v["n_routed_experts"] = .int(experts)
        v["num_experts_per_tok"] = .int(used)
        v["n_shared_experts"] = .int(try h.count(key("expert_shared_count"), path: path))
        v["moe_intermediate_size"] = .int(try h.requiredSize(key("expert_feed_forward_length"), path: path))
        v["first_k_dense_replace"] = .int(dense)
        // Files that keep the multi-token-prediction layers count them in block_count.
        let nextn = try h.count(key("nextn_predict_layers"), path: path)
        v["num_nextn_predict_layers"] = .int(nextn)
        if nextn > 0, case .int(let blocks)? = v["num_hidden_layers"] {
            guard blocks > nextn else { throw SpecError(file: path, field: key("nextn_predict_layers"), "\(nextn) is not fewer than block_count \(blocks)") }
            v["num_hidden_layers"] = .int(blocks - nextn)
        }
        if v3 {
            v["n_group"] = .int(max(groups, 1)); v["topk_group"] = .int(max(groupsUsed, 1))
        } else {
            v["topk_method"] = .string(groups > 1 ? "group_limited_greedy" : "greedy")
            if groups > 1 { v["n_group"] = .int(groups); v["topk_group"] = .int(max(groupsUsed, 1)) }
        }
        if case .float(let scale)? = h.metadata[key("expert_weights_scale")], scale.isFinite, scale > 0 {
            v["routed_scaling_factor"] = .double(scale)
        }
    }

    /// A per-head size: `<key>_mla` where the converter wrote the absorbed form, else `<key>`.
    private static func mla(_ h: GGUFHeader, _ key: String, path: String) throws(SpecError) -> Int {
        if let n = try h.size(key + "_mla", path: path) { return n }
        return try h.requiredSize(key, path: path)
    }

    /// `<arch>.vocab_size`, else the token embedding's rows (what the parameters are), else the
    /// tokenizer's token list.
    static func vocabularySize(_ h: GGUFHeader, arch: String, path: String) throws(SpecError) -> Int {
        if let n = try h.size("\(arch).vocab_size", path: path) { return n }
        if let t = h.tensor("token_embd.weight"), t.dims.count == 2, t.dims[1] >= 1, t.dims[1] <= SpecLimits.maximumSize { return t.dims[1] }
        if let n = h.arrayCount("tokenizer.ggml.tokens"), n >= 1, n <= SpecLimits.maximumSize { return n }
        throw SpecError(file: path, field: "tokenizer.ggml.tokens", "missing, as are \(arch).vocab_size and a 2-D token_embd.weight: the vocabulary size cannot be read")
    }
}
