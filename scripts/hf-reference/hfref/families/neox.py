"""GPT-NeoX / Pythia.
"""

from ..randutil import divisors as _divisors, heads_and_dim as _heads_and_dim

null, true, false = None, True, False  # JSON literals spelled as in the hub files

MODEL_TYPES = ("gpt_neox",)


def _neox(hidden, inter, heads, layers, act, vocab, version):
    return {
        "architectures": ["GPTNeoXForCausalLM"],
        "bos_token_id": 0,
        "eos_token_id": 0,
        "hidden_act": act,
        "hidden_size": hidden,
        "initializer_range": 0.02,
        "intermediate_size": inter,
        "layer_norm_eps": 1e-05,
        "max_position_embeddings": 2048,
        "model_type": "gpt_neox",
        "num_attention_heads": heads,
        "num_hidden_layers": layers,
        "rotary_emb_base": 10000,
        "rotary_pct": 0.25,
        "tie_word_embeddings": false,
        "torch_dtype": "float16",
        "transformers_version": version,
        "use_cache": true,
        "use_parallel_residual": true,
        "vocab_size": vocab,
    }


REAL = {
    "gpt-neox-20b": _neox(6144, 24576, 64, 44, "gelu_fast", 50432, "4.23.0.dev0"),
    "pythia-160m": _neox(768, 3072, 12, 12, "gelu", 50304, "4.24.0"),
}


def _random_neox(mt, i, r, vocab, layers, bit):
    while True:
        h, hd = _heads_and_dim(r, even=True)
        pct = [0.25, 0.5, 1.0, 0.25, 0.75, 0.5][i]
        if int(hd * pct) % 2 == 0 and int(hd * pct) > 0:
            break
    kw = dict(hidden_size=h * hd, num_attention_heads=h, num_hidden_layers=layers, vocab_size=vocab,
              intermediate_size=r.randint(50, 300), rotary_pct=pct, use_parallel_residual=bit(0),
              tie_word_embeddings=bit(1), attention_bias=(i != 4), max_position_embeddings=512,
              hidden_act=r.choice(["gelu", "gelu_fast", "relu"]))
    return kw


RANDOM = {"gpt_neox": _random_neox}
