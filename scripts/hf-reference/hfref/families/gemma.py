"""Gemma (and Gemma 2 / Gemma 3 text for the measured fixtures).
"""

from .llama import rotary_random_kwargs

null, true, false = None, True, False  # JSON literals spelled as in the hub files

MODEL_TYPES = ("gemma", "gemma2", "gemma3_text")


def _gemma(head_dim, hidden, inter, heads, layers, kv):
    return {
        "architectures": ["GemmaForCausalLM"],
        "attention_bias": false,
        "attention_dropout": 0.0,
        "bos_token_id": 2,
        "eos_token_id": 1,
        "head_dim": head_dim,
        "hidden_act": "gelu",
        "hidden_size": hidden,
        "initializer_range": 0.02,
        "intermediate_size": inter,
        "max_position_embeddings": 8192,
        "model_type": "gemma",
        "num_attention_heads": heads,
        "num_hidden_layers": layers,
        "num_key_value_heads": kv,
        "pad_token_id": 0,
        "rms_norm_eps": 1e-06,
        "rope_scaling": null,
        "rope_theta": 10000.0,
        "torch_dtype": "bfloat16",
        "transformers_version": "4.38.0.dev0",
        "use_cache": true,
        "vocab_size": 256000,
    }


REAL = {
    "gemma-2b": _gemma(256, 2048, 16384, 8, 18, 1),
    "gemma-7b": _gemma(256, 3072, 24576, 16, 28, 16),
}

RANDOM = {"gemma": rotary_random_kwargs}

from .llama import more_random_kwargs  # noqa: E402

RANDOM.update({"gemma2": more_random_kwargs, "gemma3_text": more_random_kwargs})
