"""Falcon (multi-query / new decoder architecture / ALiBi variants).
"""

from ..randutil import divisors as _divisors, heads_and_dim as _heads_and_dim

null, true, false = None, True, False  # JSON literals spelled as in the hub files

MODEL_TYPES = ("falcon",)

_FALCON_AUTO_MAP = {
    "AutoConfig": "configuration_falcon.FalconConfig",
    "AutoModel": "modeling_falcon.FalconModel",
    "AutoModelForSequenceClassification": "modeling_falcon.FalconForSequenceClassification",
    "AutoModelForTokenClassification": "modeling_falcon.FalconForTokenClassification",
    "AutoModelForQuestionAnswering": "modeling_falcon.FalconForQuestionAnswering",
    "AutoModelForCausalLM": "modeling_falcon.FalconForCausalLM",
}

REAL = {
    "falcon-7b": {
        "alibi": false,
        "apply_residual_connection_post_layernorm": false,
        "architectures": ["FalconForCausalLM"],
        "attention_dropout": 0.0,
        "auto_map": _FALCON_AUTO_MAP,
        "bias": false,
        "bos_token_id": 11,
        "eos_token_id": 11,
        "hidden_dropout": 0.0,
        "hidden_size": 4544,
        "initializer_range": 0.02,
        "layer_norm_epsilon": 1e-05,
        "model_type": "falcon",
        "multi_query": true,
        "new_decoder_architecture": false,
        "num_attention_heads": 71,
        "num_hidden_layers": 32,
        "parallel_attn": true,
        "torch_dtype": "bfloat16",
        "transformers_version": "4.27.4",
        "use_cache": true,
        "vocab_size": 65024,
    },
    "falcon-40b": {
        "alibi": false,
        "apply_residual_connection_post_layernorm": false,
        "architectures": ["FalconForCausalLM"],
        "attention_dropout": 0.0,
        "auto_map": _FALCON_AUTO_MAP,
        "bias": false,
        "bos_token_id": 11,
        "eos_token_id": 11,
        "hidden_dropout": 0.0,
        "hidden_size": 8192,
        "initializer_range": 0.02,
        "layer_norm_epsilon": 1e-05,
        "model_type": "falcon",
        "new_decoder_architecture": true,
        "num_attention_heads": 128,
        "num_hidden_layers": 60,
        "num_kv_heads": 8,
        "parallel_attn": true,
        "torch_dtype": "bfloat16",
        "transformers_version": "4.27.4",
        "use_cache": true,
        "vocab_size": 65024,
    },
}


def _random_falcon(mt, i, r, vocab, layers, bit):
    variants = [
        dict(multi_query=True, new_decoder_architecture=False, parallel_attn=True, bias=False),  # falcon-7b
        dict(multi_query=False, new_decoder_architecture=False, parallel_attn=False, bias=True),
        dict(new_decoder_architecture=True, parallel_attn=True, bias=False),  # falcon-40b (2 LNs)
        dict(new_decoder_architecture=True, parallel_attn=True, bias=True, num_ln_in_parallel_attn=1),
        dict(multi_query=True, new_decoder_architecture=False, parallel_attn=False, bias=True),
        dict(multi_query=False, new_decoder_architecture=False, parallel_attn=True, bias=False, alibi=True),
    ]
    v = variants[i]
    while True:
        h, hd = _heads_and_dim(r, even=True)
        if not v.get("new_decoder_architecture") or h >= 2:
            break
    kw = dict(hidden_size=h * hd, num_attention_heads=h, num_hidden_layers=layers, vocab_size=vocab,
              ffn_hidden_size=r.randint(50, 300), tie_word_embeddings=bit(0), max_position_embeddings=512,
              bos_token_id=1, eos_token_id=2, **v)
    if v.get("new_decoder_architecture"):
        kw["num_kv_heads"] = r.choice([d for d in _divisors(h) if d < h] or [1])
    return kw


RANDOM = {"falcon": _random_falcon}
