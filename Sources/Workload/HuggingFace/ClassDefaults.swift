import Foundation

/// The defaults a `transformers` config class gives the fields llmcost reads, for a config that
/// leaves them out — copied from the dataclass fields of `transformers` 5.23.0
/// (`models/*/configuration_*.py`), exact values.
///
/// Only the fields whose absence changes a count are listed, and each one used is named in a
/// warning. Flags whose default the family mapping states itself (`attention_bias` false,
/// `tie_word_embeddings`, …) and `None` defaults that the class resolves from other fields
/// (`head_dim` → width / heads, `n_inner` → 4·width) are not here: they read the same whether
/// the key is absent or `null`.
struct ClassDefaults: Sendable {
    /// One field and its aliases (`n_embd` / `hidden_size`): the default stands in for the first
    /// key only, and only when none of them is in the config.
    struct Field: Sendable {
        var keys: [String]
        var value: JSONValue
    }

    /// `MistralConfig`.
    var className: String
    var fields: [Field]

    /// The default standing in for `key`, when `key` leads an alias group none of whose keys
    /// `values` holds.
    func value(for key: String, in values: [String: JSONValue]) -> JSONValue? {
        guard let field = fields.first(where: { $0.keys.first == key }),
              !field.keys.contains(where: { values[$0] != nil })
        else { return nil }
        return field.value
    }

    /// The class's declared default of `key` (the first key of its alias group), whatever the
    /// config holds: for fields a class reads before an alias overrides them (`T5Config`'s
    /// `num_layers`, copied into `num_decoder_layers` first).
    func declared(_ key: String) -> JSONValue? { fields.first { $0.keys.first == key }?.value }

    /// The class of each `model_type` with a dedicated mapping (RefinedWeb configs are remote
    /// code, with no class in `transformers`).
    static func forModelType(_ type: String?) -> ClassDefaults? {
        guard let type else { return nil }
        return classDefaults(type.lowercased())
    }

    private static func f(_ keys: String..., is value: Int) -> Field { Field(keys: keys, value: .int(value)) }
    private static func f(_ keys: String..., is value: Double) -> Field { Field(keys: keys, value: .double(value)) }
    private static func f(_ keys: String..., is value: String) -> Field { Field(keys: keys, value: .string(value)) }

    /// The decoder sizes every Llama-style class declares, in its order.
    private static func llamaSizes(vocab: Int, hidden: Int, intermediate: Int, layers: Int, heads: Int) -> [Field] {
        [f("vocab_size", is: vocab), f("hidden_size", is: hidden), f("intermediate_size", is: intermediate),
         f("num_hidden_layers", is: layers), f("num_attention_heads", is: heads)]
    }

    private static func classDefaults(_ type: String) -> ClassDefaults? {
        switch type {
        case "gpt2": return ClassDefaults(className: "GPT2Config", fields: [
            f("vocab_size", is: 50257), f("n_positions", "max_position_embeddings", is: 1024), f("n_embd", "hidden_size", is: 768),
            f("n_layer", "num_hidden_layers", is: 12), f("n_head", "num_attention_heads", is: 12)])
        case "gpt_bigcode": return ClassDefaults(className: "GPTBigCodeConfig", fields: [
            f("vocab_size", is: 50257), f("n_positions", "max_position_embeddings", is: 1024), f("n_embd", "hidden_size", is: 768),
            f("n_layer", "num_hidden_layers", is: 12), f("n_head", "num_attention_heads", is: 12)])
        case "llama": return ClassDefaults(className: "LlamaConfig", fields:
            llamaSizes(vocab: 32000, hidden: 4096, intermediate: 11008, layers: 32, heads: 32)
            + [f("max_position_embeddings", is: 2048)])
        case "mistral": return ClassDefaults(className: "MistralConfig", fields:
            llamaSizes(vocab: 32000, hidden: 4096, intermediate: 14336, layers: 32, heads: 32)
            + [f("num_key_value_heads", is: 8), f("max_position_embeddings", is: 131072), f("sliding_window", is: 4096)])
        case "mixtral": return ClassDefaults(className: "MixtralConfig", fields:
            llamaSizes(vocab: 32000, hidden: 4096, intermediate: 14336, layers: 32, heads: 32)
            + [f("num_key_value_heads", is: 8), f("max_position_embeddings", is: 131072),
               f("num_local_experts", "num_experts", is: 8), f("num_experts_per_tok", is: 2)])
        case "qwen2": return ClassDefaults(className: "Qwen2Config", fields:
            llamaSizes(vocab: 151936, hidden: 4096, intermediate: 22016, layers: 32, heads: 32)
            + [f("num_key_value_heads", is: 32), f("max_position_embeddings", is: 32768), f("sliding_window", is: 4096),
               f("max_window_layers", is: 28)])
        case "qwen3": return ClassDefaults(className: "Qwen3Config", fields:
            llamaSizes(vocab: 151936, hidden: 4096, intermediate: 22016, layers: 32, heads: 32)
            + [f("num_key_value_heads", is: 32), f("head_dim", is: 128), f("max_position_embeddings", is: 32768),
               f("sliding_window", is: 4096), f("max_window_layers", is: 28)])
        case "qwen2_moe": return ClassDefaults(className: "Qwen2MoeConfig", fields:
            llamaSizes(vocab: 151936, hidden: 2048, intermediate: 5632, layers: 24, heads: 16)
            + [f("num_key_value_heads", is: 16), f("max_position_embeddings", is: 32768), f("sliding_window", is: 4096),
               f("max_window_layers", is: 28), f("moe_intermediate_size", is: 1408), f("shared_expert_intermediate_size", is: 5632),
               f("num_experts_per_tok", is: 4), f("num_experts", is: 60)])
        case "qwen3_moe": return ClassDefaults(className: "Qwen3MoeConfig", fields:
            llamaSizes(vocab: 151936, hidden: 2048, intermediate: 6144, layers: 24, heads: 32)
            + [f("num_key_value_heads", is: 4), f("max_position_embeddings", is: 32768), f("sliding_window", is: 4096),
               f("moe_intermediate_size", is: 768), f("num_experts_per_tok", is: 8), f("num_experts", "num_local_experts", is: 128)])
        case "olmo": return ClassDefaults(className: "OlmoConfig", fields:
            llamaSizes(vocab: 50304, hidden: 4096, intermediate: 11008, layers: 32, heads: 32)
            + [f("max_position_embeddings", is: 2048)])
        case "olmoe": return ClassDefaults(className: "OlmoeConfig", fields:
            llamaSizes(vocab: 50304, hidden: 2048, intermediate: 2048, layers: 16, heads: 16)
            + [f("max_position_embeddings", is: 4096), f("num_experts", "num_local_experts", is: 64), f("num_experts_per_tok", is: 8)])
        case "olmo2": return ClassDefaults(className: "Olmo2Config", fields:
            llamaSizes(vocab: 50304, hidden: 4096, intermediate: 11008, layers: 32, heads: 32)
            + [f("max_position_embeddings", is: 2048)])
        case "gemma": return ClassDefaults(className: "GemmaConfig", fields:
            llamaSizes(vocab: 256000, hidden: 3072, intermediate: 24576, layers: 28, heads: 16)
            + [f("num_key_value_heads", is: 16), f("head_dim", is: 256), f("max_position_embeddings", is: 8192)])
        case "gemma2": return ClassDefaults(className: "Gemma2Config", fields:
            llamaSizes(vocab: 256000, hidden: 2304, intermediate: 9216, layers: 26, heads: 8)
            + [f("num_key_value_heads", is: 4), f("head_dim", is: 256), f("max_position_embeddings", is: 8192),
               f("sliding_window", is: 4096)])
        case "starcoder2": return ClassDefaults(className: "Starcoder2Config", fields:
            llamaSizes(vocab: 49152, hidden: 3072, intermediate: 12288, layers: 30, heads: 24)
            + [f("num_key_value_heads", is: 2), f("max_position_embeddings", is: 4096)])
        case "gemma3_text": return ClassDefaults(className: "Gemma3TextConfig", fields:
            llamaSizes(vocab: 262208, hidden: 2304, intermediate: 9216, layers: 26, heads: 8)
            + [f("num_key_value_heads", is: 4), f("head_dim", is: 256), f("max_position_embeddings", is: 131072),
               f("sliding_window", is: 4096)])
        case "phi": return ClassDefaults(className: "PhiConfig", fields:
            llamaSizes(vocab: 51200, hidden: 2048, intermediate: 8192, layers: 24, heads: 32)
            // `PhiConfig.__post_init__`: kwargs.setdefault("partial_rotary_factor", 0.5).
            + [f("max_position_embeddings", is: 2048), f("partial_rotary_factor", is: 0.5)])
        case "phi3": return ClassDefaults(className: "Phi3Config", fields:
            llamaSizes(vocab: 32064, hidden: 3072, intermediate: 8192, layers: 32, heads: 32)
            + [f("max_position_embeddings", is: 4096)])
        case "phimoe": return ClassDefaults(className: "PhimoeConfig", fields:
            llamaSizes(vocab: 32064, hidden: 4096, intermediate: 6400, layers: 32, heads: 32)
            + [f("num_key_value_heads", is: 8), f("max_position_embeddings", is: 131072), f("num_local_experts", is: 16),
               f("num_experts_per_tok", is: 2)])
        case "gpt_neox": return ClassDefaults(className: "GPTNeoXConfig", fields:
            llamaSizes(vocab: 50432, hidden: 6144, intermediate: 24576, layers: 44, heads: 64)
            // `convert_rope_params_to_dict`: kwargs.pop("rotary_pct", 0.25).
            + [f("max_position_embeddings", is: 2048), f("rotary_pct", is: 0.25)])
        case "opt": return ClassDefaults(className: "OPTConfig", fields: [
            f("vocab_size", is: 50272), f("hidden_size", is: 768), f("num_hidden_layers", is: 12), f("ffn_dim", is: 3072),
            f("max_position_embeddings", is: 2048), f("num_attention_heads", is: 12)])
        // `n_embed` is the one alias `FalconConfig` still maps (it wins over `hidden_size`).
        case "falcon": return ClassDefaults(className: "FalconConfig", fields: [
            f("vocab_size", is: 65024), f("hidden_size", "n_embed", is: 4544), f("num_hidden_layers", is: 32),
            f("num_attention_heads", is: 71)])
        case "bert": return ClassDefaults(className: "BertConfig", fields: [
            f("vocab_size", is: 30522), f("hidden_size", is: 768), f("num_hidden_layers", is: 12), f("num_attention_heads", is: 12),
            f("intermediate_size", is: 3072), f("max_position_embeddings", is: 512)])
        case "t5": return ClassDefaults(className: "T5Config", fields: [
            f("vocab_size", is: 32128), f("d_model", "hidden_size", is: 512), f("d_kv", "head_dim", is: 64), f("d_ff", is: 2048),
            f("num_layers", "num_hidden_layers", is: 6), f("num_heads", "num_attention_heads", is: 8)])
        case "mt5": return ClassDefaults(className: "MT5Config", fields: [
            f("vocab_size", is: 250112), f("d_model", "hidden_size", is: 512), f("d_kv", "head_dim", is: 64), f("d_ff", is: 1024),
            f("num_layers", "num_hidden_layers", is: 8), f("num_heads", "num_attention_heads", is: 6),
            f("feed_forward_proj", is: "gated-gelu")])
        case "bart": return ClassDefaults(className: "BartConfig", fields: [
            f("vocab_size", is: 50265), f("max_position_embeddings", is: 1024), f("encoder_layers", "num_hidden_layers", is: 12),
            f("encoder_ffn_dim", is: 4096), f("encoder_attention_heads", "num_attention_heads", is: 16),
            f("decoder_layers", is: 12), f("decoder_ffn_dim", is: 4096), f("decoder_attention_heads", is: 16),
            f("d_model", "hidden_size", is: 1024)])
        // `int | None` fields default to a number here; a `null` in the config is None (plain q_proj).
        case "deepseek_v2": return ClassDefaults(className: "DeepseekV2Config", fields:
            llamaSizes(vocab: 102400, hidden: 4096, intermediate: 11008, layers: 32, heads: 32)
            + [f("max_position_embeddings", is: 2048), f("first_k_dense_replace", is: 0), f("kv_lora_rank", is: 512),
               f("q_lora_rank", is: 1536), f("n_routed_experts", "num_experts", is: 64), f("n_shared_experts", is: 2),
               f("qk_nope_head_dim", is: 128), f("qk_rope_head_dim", is: 64), f("routed_scaling_factor", is: 1.0),
               f("topk_method", is: "greedy"), f("v_head_dim", is: 128), f("moe_intermediate_size", is: 1407)])
        case "deepseek_v3", "kimi_k2": return ClassDefaults(className: "DeepseekV3Config", fields:
            llamaSizes(vocab: 129280, hidden: 7168, intermediate: 18432, layers: 61, heads: 128)
            + [f("moe_intermediate_size", is: 2048), f("num_key_value_heads", is: 128), f("n_shared_experts", is: 1),
               f("n_routed_experts", "num_local_experts", is: 256), f("routed_scaling_factor", is: 2.5),
               f("kv_lora_rank", is: 512), f("q_lora_rank", is: 1536), f("qk_rope_head_dim", is: 64), f("v_head_dim", is: 128),
               f("qk_nope_head_dim", is: 128), f("n_group", is: 8), f("topk_group", is: 4), f("num_experts_per_tok", is: 8),
               f("first_k_dense_replace", is: 3), f("max_position_embeddings", is: 4096),
               f("num_nextn_predict_layers", "num_mtp_layers", is: 1)])
        // `Glm4MoeConfig.__post_init__`: kwargs.setdefault("partial_rotary_factor", 0.5); no `head_dim` field
        // (absent → width / heads); `num_mtp_layers` is an alias of `num_nextn_predict_layers`.
        case "glm4_moe": return ClassDefaults(className: "Glm4MoeConfig", fields:
            llamaSizes(vocab: 151552, hidden: 4096, intermediate: 10944, layers: 46, heads: 96)
            + [f("num_key_value_heads", is: 8), f("max_position_embeddings", is: 131072), f("moe_intermediate_size", is: 1408),
               f("num_experts_per_tok", is: 8), f("n_shared_experts", is: 1), f("n_routed_experts", "num_local_experts", is: 128),
               f("routed_scaling_factor", is: 1.0), f("n_group", is: 1), f("topk_group", is: 1), f("first_k_dense_replace", is: 1),
               f("partial_rotary_factor", is: 0.5), f("num_nextn_predict_layers", "num_mtp_layers", is: 1)])
        // `head_dim` 64 is a number here (null: width / heads); `attention_bias` (true) is the mapping's.
        case "gpt_oss": return ClassDefaults(className: "GptOssConfig", fields:
            llamaSizes(vocab: 201088, hidden: 2880, intermediate: 2880, layers: 36, heads: 64)
            + [f("num_key_value_heads", is: 8), f("head_dim", is: 64), f("num_local_experts", "num_experts", is: 128),
               f("num_experts_per_tok", is: 4), f("sliding_window", is: 128), f("max_position_embeddings", is: 131072)])
        case "llama4_text": return ClassDefaults(className: "Llama4TextConfig", fields:
            llamaSizes(vocab: 202048, hidden: 5120, intermediate: 8192, layers: 48, heads: 40)
            + [f("intermediate_size_mlp", is: 16384), f("num_key_value_heads", is: 8), f("head_dim", is: 128),
               f("max_position_embeddings", is: 131072), f("num_experts_per_tok", is: 1), f("num_local_experts", is: 16),
               f("interleave_moe_layer_step", is: 1), f("no_rope_layer_interval", is: 4), f("attention_chunk_size", is: 8192)])
        case "mamba", "falcon_mamba": return ClassDefaults(className: type == "mamba" ? "MambaConfig" : "FalconMambaConfig", fields: [
            f("vocab_size", is: 50280), f("hidden_size", is: 768), f("state_size", is: 16), f("num_hidden_layers", is: 32),
            f("expand", is: 2), f("conv_kernel", is: 4), f("time_step_rank", is: "auto")])
        case "jamba": return ClassDefaults(className: "JambaConfig", fields:
            llamaSizes(vocab: 65536, hidden: 4096, intermediate: 14336, layers: 32, heads: 32)
            + [f("num_key_value_heads", is: 8), f("max_position_embeddings", is: 262144), f("num_experts_per_tok", is: 2),
               f("num_experts", "num_local_experts", is: 16), f("expert_layer_period", is: 2), f("expert_layer_offset", is: 1),
               f("attn_layer_period", is: 8), f("attn_layer_offset", is: 4), f("mamba_d_state", is: 16), f("mamba_d_conv", is: 4),
               f("mamba_expand", is: 2), f("mamba_dt_rank", is: "auto")])
        case "qwen3_next": return ClassDefaults(className: "Qwen3NextConfig", fields:
            llamaSizes(vocab: 151936, hidden: 2048, intermediate: 5632, layers: 48, heads: 16)
            + [f("num_key_value_heads", is: 2), f("max_position_embeddings", is: 32768), f("head_dim", is: 256),
               f("linear_conv_kernel_dim", is: 4), f("linear_key_head_dim", is: 128), f("linear_value_head_dim", is: 128),
               f("linear_num_key_heads", is: 16), f("linear_num_value_heads", is: 32), f("moe_intermediate_size", is: 512),
               f("shared_expert_intermediate_size", is: 512), f("num_experts_per_tok", is: 10), f("num_experts", is: 512),
               // `Qwen3NextConfig.__post_init__`: kwargs.setdefault("partial_rotary_factor", 0.25); the layer
               // types default to every `full_attention_interval`-th (popped from kwargs, default 4).
               f("partial_rotary_factor", is: 0.25), f("full_attention_interval", is: 4)])
        case "mamba2": return ClassDefaults(className: "Mamba2Config", fields: [
            f("num_heads", is: 128), f("head_dim", is: 64), f("vocab_size", is: 32768), f("hidden_size", is: 4096),
            f("state_size", is: 128), f("num_hidden_layers", is: 64), f("expand", is: 2), f("conv_kernel", is: 4),
            f("n_groups", is: 8), f("chunk_size", is: 256)])
        case "bamba": return ClassDefaults(className: "BambaConfig", fields:
            llamaSizes(vocab: 128000, hidden: 4096, intermediate: 14336, layers: 32, heads: 32)
            + [f("num_key_value_heads", is: 8), f("max_position_embeddings", is: 262144), f("mamba_n_heads", is: 128),
               f("mamba_d_head", is: "auto"), f("mamba_n_groups", is: 1), f("mamba_d_state", is: 256), f("mamba_d_conv", is: 4),
               f("mamba_expand", is: 2), f("mamba_chunk_size", is: 256)])
        // The `mamba_`-prefixed spellings are aliases NemotronHConfig pops over the plain fields.
        case "nemotron_h": return ClassDefaults(className: "NemotronHConfig", fields: [
            f("vocab_size", is: 131072), f("hidden_size", is: 4096), f("num_attention_heads", is: 32),
            f("num_key_value_heads", is: 8), f("head_dim", is: 128), f("max_position_embeddings", is: 4096),
            f("intermediate_size", is: 21504), f("ssm_state_size", is: 128), f("mamba_num_heads", is: 128),
            f("mamba_head_dim", is: 64), f("n_groups", "mamba_n_groups", is: 8), f("conv_kernel", "mamba_d_conv", is: 4),
            f("chunk_size", "mamba_chunk_size", is: 128), f("n_routed_experts", "num_local_experts", is: 8),
            f("num_experts_per_tok", is: 2), f("moe_intermediate_size", is: 7688), f("moe_shared_expert_intermediate_size", is: 7688),
            f("n_group", is: 1), f("topk_group", is: 1), f("routed_scaling_factor", is: 1.0)])
        // `mamba_d_ssm` absent is 1024; written null, `mamba_expand × hidden_size`.
        case "falcon_h1": return ClassDefaults(className: "FalconH1Config", fields:
            llamaSizes(vocab: 128000, hidden: 4096, intermediate: 14336, layers: 32, heads: 32)
            + [f("num_key_value_heads", is: 8), f("max_position_embeddings", is: 8192), f("mamba_d_ssm", is: 1024),
               f("mamba_n_heads", is: 128), f("mamba_d_head", is: "auto"), f("mamba_n_groups", is: 1), f("mamba_d_state", is: 256),
               f("mamba_d_conv", is: 4), f("mamba_expand", is: 2), f("mamba_chunk_size", is: 256)])
        default: return nil
        }
    }
}

/// The class defaults an import read, in the order it read them (shared by the copies of one
/// config; an import runs on one thread, the lock only keeps the type honest about `Sendable`).
final class DefaultsRead: @unchecked Sendable {
    private let lock = NSLock()
    private var read: [(key: String, value: JSONValue)] = []

    func record(_ key: String, _ value: JSONValue) {
        lock.lock(); defer { lock.unlock() }
        if !read.contains(where: { $0.key == key }) { read.append((key, value)) }
    }

    var entries: [(key: String, value: JSONValue)] {
        lock.lock(); defer { lock.unlock() }
        return read
    }
}

extension JSONValue {
    /// The value as JSON text (`4096`, `0.5`, `"gated-gelu"`), for warnings.
    var jsonText: String {
        switch self {
        case .null: "null"
        case .bool(let b): "\(b)"
        case .int(let i): "\(i)"
        case .double(let d): "\(d)"
        case .string(let s): "\"\(s)\""
        case .array: "[…]"
        case .object: "{…}"
        }
    }
}
