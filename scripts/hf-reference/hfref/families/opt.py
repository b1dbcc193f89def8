"""OPT (word_embed_proj_dim projections, pre/post layer norm).
"""

from ..randutil import divisors as _divisors, heads_and_dim as _heads_and_dim

null, true, false = None, True, False  # JSON literals spelled as in the hub files

MODEL_TYPES = ("opt",)


def _opt(name, hidden, ffn, heads, layers, proj, pre_ln):
    return {
        "_name_or_path": name,
        "_remove_final_layer_norm": false,
        "activation_dropout": 0.0,
        "activation_function": "relu",
        "architectures": ["OPTForCausalLM"],
        "attention_dropout": 0.0,
        "bos_token_id": 2,
        "do_layer_norm_before": pre_ln,
        "dropout": 0.1,
        "eos_token_id": 2,
        "ffn_dim": ffn,
        "hidden_size": hidden,
        "init_std": 0.02,
        "layerdrop": 0.0,
        "max_position_embeddings": 2048,
        "model_type": "opt",
        "num_attention_heads": heads,
        "num_hidden_layers": layers,
        "pad_token_id": 1,
        "prefix": "</s>",
        "torch_dtype": "float16",
        "transformers_version": "4.21.0.dev0",
        "use_cache": true,
        "vocab_size": 50272,
        "word_embed_proj_dim": proj,
    }


REAL = {
    "opt-125m": _opt("facebook/opt-125m", 768, 3072, 12, 12, 768, true),
    "opt-350m": _opt("facebook/opt-350m", 1024, 4096, 16, 24, 512, false),
    "opt-1.3b": _opt("facebook/opt-1.3b", 2048, 8192, 32, 24, 2048, true),
}


def _random_opt(mt, i, r, vocab, layers, bit):
    h, hd = _heads_and_dim(r)
    hidden = h * hd
    proj = hidden if i in (0, 3) else r.choice([x for x in range(40, 170) if x != hidden])
    kw = dict(hidden_size=hidden, num_attention_heads=h, num_hidden_layers=layers, vocab_size=vocab,
              ffn_dim=r.randint(50, 300), word_embed_proj_dim=proj, do_layer_norm_before=bit(0),
              enable_bias=(i not in (2, 5)), max_position_embeddings=r.randint(160, 300),
              tie_word_embeddings=(i != 4), pad_token_id=1, bos_token_id=2, eos_token_id=2)
    return kw


RANDOM = {"opt": _random_opt}
