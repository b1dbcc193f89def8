"""Phi (partial rotary, parallel attention + MLP) and Phi-3.
"""

from ..randutil import divisors as _divisors, heads_and_dim as _heads_and_dim

null, true, false = None, True, False  # JSON literals spelled as in the hub files

MODEL_TYPES = ("phi", "phi3")

REAL = {
    "phi-2": {
        "_name_or_path": "microsoft/phi-2",
        "architectures": ["PhiForCausalLM"],
        "attention_dropout": 0.0,
        "bos_token_id": 50256,
        "embd_pdrop": 0.0,
        "eos_token_id": 50256,
        "hidden_act": "gelu_new",
        "hidden_size": 2560,
        "initializer_range": 0.02,
        "intermediate_size": 10240,
        "layer_norm_eps": 1e-05,
        "max_position_embeddings": 2048,
        "model_type": "phi",
        "num_attention_heads": 32,
        "num_hidden_layers": 32,
        "num_key_value_heads": 32,
        "partial_rotary_factor": 0.4,
        "qk_layernorm": false,
        "resid_pdrop": 0.1,
        "rope_scaling": null,
        "rope_theta": 10000.0,
        "tie_word_embeddings": false,
        "torch_dtype": "float16",
        "transformers_version": "4.37.0",
        "use_cache": true,
        "vocab_size": 51200,
    },
}


def _random_phi(mt, i, r, vocab, layers, bit):
    while True:
        h, hd = _heads_and_dim(r, even=True)
        prf = [0.25, 0.4, 0.5, 0.75, 1.0, 0.5][i]
        if int(hd * prf) % 2 == 0 and int(hd * prf) > 0:
            break
    kw = dict(hidden_size=h * hd, num_attention_heads=h, num_key_value_heads=r.choice(_divisors(h)),
              num_hidden_layers=layers, vocab_size=vocab, intermediate_size=r.randint(50, 300),
              partial_rotary_factor=prf, qk_layernorm=bit(0), tie_word_embeddings=bit(1),
              max_position_embeddings=512)
    return kw


RANDOM = {"phi": _random_phi}

from .llama import more_random_kwargs  # noqa: E402

RANDOM["phi3"] = more_random_kwargs
