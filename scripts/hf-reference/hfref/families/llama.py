"""Llama-style rotary decoders (Llama 2/3, Mistral, Qwen2; also the shape of Qwen3, OLMo, StarCoder2).

The tiny random configs of every rotary decoder with gated FFN (llama, mistral, mixtral, qwen2, gemma) come
from one generator here, `rotary_random_kwargs`; its per-type branches keep the draws of the random stream.
"""

from ..randutil import divisors as _divisors, heads_and_dim as _heads_and_dim

null, true, false = None, True, False  # JSON literals spelled as in the hub files

MODEL_TYPES = ("llama", "mistral", "qwen2", "qwen3", "olmo", "olmo2", "starcoder2")


def _llama2(hidden, inter, heads, layers, kv):
    return {
        "_name_or_path": "meta-llama/Llama-2-%s-hf" % {4096: "7b", 5120: "13b", 8192: "70b"}[hidden],
        "architectures": ["LlamaForCausalLM"],
        "bos_token_id": 1,
        "eos_token_id": 2,
        "hidden_act": "silu",
        "hidden_size": hidden,
        "initializer_range": 0.02,
        "intermediate_size": inter,
        "max_position_embeddings": 4096,
        "model_type": "llama",
        "num_attention_heads": heads,
        "num_hidden_layers": layers,
        "num_key_value_heads": kv,
        "pretraining_tp": 1,
        "rms_norm_eps": 1e-05,
        "rope_scaling": null,
        "rope_theta": 10000.0,
        "tie_word_embeddings": false,
        "torch_dtype": "float16",
        "transformers_version": "4.32.0.dev0",
        "use_cache": true,
        "vocab_size": 32000,
    }


def _llama3(hidden, inter, heads, layers):
    return {
        "architectures": ["LlamaForCausalLM"],
        "attention_bias": false,
        "attention_dropout": 0.0,
        "bos_token_id": 128000,
        "eos_token_id": 128001,
        "hidden_act": "silu",
        "hidden_size": hidden,
        "initializer_range": 0.02,
        "intermediate_size": inter,
        "max_position_embeddings": 8192,
        "model_type": "llama",
        "num_attention_heads": heads,
        "num_hidden_layers": layers,
        "num_key_value_heads": 8,
        "pretraining_tp": 1,
        "rms_norm_eps": 1e-05,
        "rope_scaling": null,
        "rope_theta": 500000.0,
        "tie_word_embeddings": false,
        "torch_dtype": "bfloat16",
        "transformers_version": "4.40.0.dev0",
        "use_cache": true,
        "vocab_size": 128256,
    }


def _qwen2(hidden, inter, heads, layers, kv, window_layers, tie, version):
    return {
        "architectures": ["Qwen2ForCausalLM"],
        "attention_dropout": 0.0,
        "bos_token_id": 151643,
        "eos_token_id": 151643,
        "hidden_act": "silu",
        "hidden_size": hidden,
        "initializer_range": 0.02,
        "intermediate_size": inter,
        "max_position_embeddings": 131072,
        "max_window_layers": window_layers,
        "model_type": "qwen2",
        "num_attention_heads": heads,
        "num_hidden_layers": layers,
        "num_key_value_heads": kv,
        "rms_norm_eps": 1e-06,
        "rope_theta": 1000000.0,
        "sliding_window": 131072,
        "tie_word_embeddings": tie,
        "torch_dtype": "bfloat16",
        "transformers_version": version,
        "use_cache": true,
        "use_sliding_window": false,
        "vocab_size": 151936 if tie else 152064,
    }


REAL = {
    "llama-2-7b": _llama2(4096, 11008, 32, 32, 32),
    "llama-2-13b": _llama2(5120, 13824, 40, 40, 40),
    "llama-2-70b": _llama2(8192, 28672, 64, 80, 8),
    "llama-3-8b": _llama3(4096, 14336, 32, 32),
    "llama-3-70b": _llama3(8192, 28672, 64, 80),
    "llama-3.1-8b": {
        "architectures": ["LlamaForCausalLM"],
        "attention_bias": false,
        "attention_dropout": 0.0,
        "bos_token_id": 128000,
        "eos_token_id": 128001,
        "hidden_act": "silu",
        "hidden_size": 4096,
        "initializer_range": 0.02,
        "intermediate_size": 14336,
        "max_position_embeddings": 131072,
        "mlp_bias": false,
        "model_type": "llama",
        "num_attention_heads": 32,
        "num_hidden_layers": 32,
        "num_key_value_heads": 8,
        "pretraining_tp": 1,
        "rms_norm_eps": 1e-05,
        "rope_scaling": {
            "factor": 8.0,
            "low_freq_factor": 1.0,
            "high_freq_factor": 4.0,
            "original_max_position_embeddings": 8192,
            "rope_type": "llama3",
        },
        "rope_theta": 500000.0,
        "tie_word_embeddings": false,
        "torch_dtype": "bfloat16",
        "transformers_version": "4.43.0.dev0",
        "use_cache": true,
        "vocab_size": 128256,
    },
    "llama-3.2-1b": {
        "architectures": ["LlamaForCausalLM"],
        "attention_bias": false,
        "attention_dropout": 0.0,
        "bos_token_id": 128000,
        "eos_token_id": 128001,
        "head_dim": 64,
        "hidden_act": "silu",
        "hidden_size": 2048,
        "initializer_range": 0.02,
        "intermediate_size": 8192,
        "max_position_embeddings": 131072,
        "mlp_bias": false,
        "model_type": "llama",
        "num_attention_heads": 32,
        "num_hidden_layers": 16,
        "num_key_value_heads": 8,
        "pretraining_tp": 1,
        "rms_norm_eps": 1e-05,
        "rope_scaling": {
            "factor": 32.0,
            "high_freq_factor": 4.0,
            "low_freq_factor": 1.0,
            "original_max_position_embeddings": 8192,
            "rope_type": "llama3",
        },
        "rope_theta": 500000.0,
        "tie_word_embeddings": true,
        "torch_dtype": "bfloat16",
        "transformers_version": "4.45.0.dev0",
        "use_cache": true,
        "vocab_size": 128256,
    },
    "mistral-7b": {
        "architectures": ["MistralForCausalLM"],
        "bos_token_id": 1,
        "eos_token_id": 2,
        "hidden_act": "silu",
        "hidden_size": 4096,
        "initializer_range": 0.02,
        "intermediate_size": 14336,
        "max_position_embeddings": 32768,
        "model_type": "mistral",
        "num_attention_heads": 32,
        "num_hidden_layers": 32,
        "num_key_value_heads": 8,
        "rms_norm_eps": 1e-05,
        "rope_theta": 10000.0,
        "sliding_window": 4096,
        "tie_word_embeddings": false,
        "torch_dtype": "bfloat16",
        "transformers_version": "4.34.0.dev0",
        "use_cache": true,
        "vocab_size": 32000,
    },
    "qwen2-7b": _qwen2(3584, 18944, 28, 28, 4, 28, false, "4.37.2"),
    "qwen2-0.5b": _qwen2(896, 4864, 14, 24, 2, 24, true, "4.40.1"),
}


def rotary_random_kwargs(mt, i, r, vocab, layers, bit):
    h, hd = _heads_and_dim(r, even=True)
    kv = r.choice(_divisors(h))
    hidden = h * hd
    kw = dict(num_attention_heads=h, num_key_value_heads=kv, num_hidden_layers=layers, vocab_size=vocab,
              intermediate_size=r.randint(50, 300), max_position_embeddings=512,
              tie_word_embeddings=bit(0))
    explicit_hd = (mt == "gemma") or (mt in ("llama", "mistral", "mixtral") and i % 3 != 0)
    if explicit_hd:
        # LlamaConfig validates hidden % heads == 0 even with an explicit head_dim.
        hidden = h * r.randint(-(-48 // h), 160 // h) if mt == "llama" else r.randint(48, 160)
        if mt == "mixtral":  # grouped_mm (the default experts path) needs 16-byte strides
            hidden = 4 * r.randint(12, 40)
        while True:
            new_hd = 2 * r.randint(4, 40)
            if new_hd * h != hidden and new_hd * h <= 400:
                break
        kw["head_dim"] = new_hd
    if mt == "mixtral" and not explicit_hd:  # keep hidden % 4 == 0 (grouped_mm strides)
        while hidden % 4:
            h, hd = _heads_and_dim(r, even=True)
            hidden = h * hd
        kw["num_attention_heads"] = h
        kw["num_key_value_heads"] = r.choice(_divisors(h))
    kw["hidden_size"] = hidden
    if mt == "llama":
        kw["attention_bias"] = bit(1)
        kw["mlp_bias"] = bit(0) ^ bit(2)
        if i == 5:
            kw["rope_parameters"] = {"rope_type": "llama3", "rope_theta": 500000.0, "factor": 8.0,
                                     "low_freq_factor": 1.0, "high_freq_factor": 4.0,
                                     "original_max_position_embeddings": 64}
    if mt in ("mistral", "mixtral"):
        kw["sliding_window"] = [None, 4096, None, 4096, 8, None][i] if mt == "mistral" else None
    if mt == "mixtral":
        kw["intermediate_size"] = 4 * r.randint(13, 75)
        kw["num_local_experts"] = r.randint(3, 6)
        kw["num_experts_per_tok"] = 1 + i % 3
    if mt == "gemma":
        kw["hidden_act"] = "gelu_pytorch_tanh"
        kw["hidden_activation"] = "gelu_pytorch_tanh"
    return kw


RANDOM = {"llama": rotary_random_kwargs, "mistral": rotary_random_kwargs, "qwen2": rotary_random_kwargs}


def more_random_kwargs(mt, i, r, vocab, layers, bit):
    """Tiny configs of the rotary decoders added for the training fixtures (qwen3, olmo, olmo2, starcoder2, gemma2,
    gemma3_text, phi3, qwen2_moe, olmoe): one seeded stream per (type, i); flags vary with i."""
    h, hd = _heads_and_dim(r, even=True)
    kv = r.choice(_divisors(h))
    hidden = h * hd
    if mt in ("qwen2_moe", "olmoe"):  # grouped_mm (the default experts path) needs 16-byte strides
        while hidden % 4:
            h, hd = _heads_and_dim(r, even=True)
            hidden = h * hd
        kv = r.choice(_divisors(h))
    kw = dict(hidden_size=hidden, num_attention_heads=h, num_key_value_heads=kv, num_hidden_layers=layers,
              vocab_size=vocab, intermediate_size=r.randint(50, 300), max_position_embeddings=512,
              tie_word_embeddings=bit(0))
    if mt in ("qwen3", "gemma2", "gemma3_text") and i != 0:
        kw["head_dim"] = 2 * r.randint(4, 40)  # explicit, != hidden / heads
    if mt == "qwen3":
        kw["attention_bias"] = bit(1)
        if i == 2:
            kw.update(use_sliding_window=True, sliding_window=8, max_window_layers=1)
    if mt in ("olmo", "olmo2", "olmoe"):
        kw["attention_bias"] = bit(1)
        if mt != "olmo2" and i == 2:
            kw["clip_qkv"] = 8.0
    if mt == "starcoder2":
        kw["use_bias"] = not bit(1)
        kw["sliding_window"] = [None, 8, 4096][i]
    if mt in ("gemma2", "gemma3_text"):
        kw["query_pre_attn_scalar"] = r.randint(8, 64)
        kw["sliding_window"] = [4096, 8, 16][i]
        kw["attention_bias"] = bit(1)
        if mt == "gemma3_text" and i == 2:
            kw["layer_types"] = (["sliding_attention", "full_attention"] * layers)[:layers]
    if mt == "phi3":
        kw["partial_rotary_factor"] = [1.0, 0.5, 0.75][i]
        kw["pad_token_id"] = 0
        kw["eos_token_id"] = 1
        kw["bos_token_id"] = 1
    if mt == "qwen2_moe":
        kw["intermediate_size"] = 4 * r.randint(13, 75)
        kw["moe_intermediate_size"] = 4 * r.randint(5, 40)
        kw["shared_expert_intermediate_size"] = 4 * r.randint(5, 40)
        kw["num_experts"] = r.randint(3, 6)
        kw["num_experts_per_tok"] = 1 + i % 3
        kw["norm_topk_prob"] = bit(1)
        kw["qkv_bias"] = not bit(1)
        if i == 1:
            kw["decoder_sparse_step"] = 2
        if i == 2:
            kw["mlp_only_layers"] = [0]
    if mt == "olmoe":
        kw["intermediate_size"] = 4 * r.randint(13, 75)
        kw["num_experts"] = r.randint(3, 6)
        kw["num_experts_per_tok"] = 1 + i % 3
        kw["norm_topk_prob"] = bit(1)
    return kw


RANDOM.update({t: more_random_kwargs for t in ("qwen3", "olmo", "olmo2", "starcoder2")})
