"""GPT-2 (and GPT-BigCode): hub configs, GPT-3 Table 2.1 sizes as GPT-2 configs, tiny random configs.
"""

from ..randutil import divisors as _divisors, heads_and_dim as _heads_and_dim

null, true, false = None, True, False  # JSON literals spelled as in the hub files

MODEL_TYPES = ("gpt2", "gpt_bigcode")

_GPT2_TASKS = {"text-generation": {"do_sample": true, "max_length": 50}}


def _gpt2(n_embd, n_head, n_layer, extra_before=None, extra_after=None):
    d = {
        "activation_function": "gelu_new",
        "architectures": ["GPT2LMHeadModel"],
        "attn_pdrop": 0.1,
        "bos_token_id": 50256,
        "embd_pdrop": 0.1,
        "eos_token_id": 50256,
        "initializer_range": 0.02,
        "layer_norm_epsilon": 1e-05,
        "model_type": "gpt2",
        "n_ctx": 1024,
        "n_embd": n_embd,
        "n_head": n_head,
        "n_layer": n_layer,
        "n_positions": 1024,
    }
    d.update(extra_before or {})
    d.update({
        "resid_pdrop": 0.1,
        "summary_activation": null,
        "summary_first_dropout": 0.1,
        "summary_proj_to_labels": true,
        "summary_type": "cls_index",
        "summary_use_proj": true,
        "task_specific_params": _GPT2_TASKS,
        "vocab_size": 50257,
    })
    d.update(extra_after or {})
    return d


REAL = {
    "gpt2": _gpt2(768, 12, 12),
    "gpt2-medium": _gpt2(1024, 16, 24, extra_before={"n_special": 0, "predict_special_tokens": true}),
    "gpt2-large": _gpt2(1280, 20, 36),
    "gpt2-xl": _gpt2(1600, 25, 48, extra_before={"output_past": true}),
}

# GPT-3 paper (Brown et al. 2020), Table 2.1: (n_layers, d_model, n_heads).
# Two rows of the table are internally inconsistent (n_heads * d_head != d_model) and HF GPT2Attention
# requires n_embd % n_head == 0:
#  - 1.3B: d_model 2048, n_heads 24, d_head 128 -> n_head 16 (= 2048 / 128) is used.
#  - 13B: d_model 5140, n_heads 40, d_head 128 -> d_model 5120 (= 40 * 128) is used.
# The head count changes neither parameters nor FLOPs (attention score FLOPs are 4*b*s^2*d_model per layer).
GPT3_TABLE = {
    "gpt3-125m": (12, 768, 12),
    "gpt3-350m": (24, 1024, 16),
    "gpt3-760m": (24, 1536, 16),
    "gpt3-1.3b": (24, 2048, 16),
    "gpt3-2.7b": (32, 2560, 32),
    "gpt3-6.7b": (32, 4096, 32),
    "gpt3-13b": (40, 5120, 40),
    "gpt3-175b": (96, 12288, 96),
}


def gpt3_config(name):
    n_layer, d_model, n_head = GPT3_TABLE[name]
    return {
        "activation_function": "gelu_new",
        "architectures": ["GPT2LMHeadModel"],
        "attn_pdrop": 0.1,
        "bos_token_id": 50256,
        "embd_pdrop": 0.1,
        "eos_token_id": 50256,
        "initializer_range": 0.02,
        "layer_norm_epsilon": 1e-05,
        "model_type": "gpt2",
        "n_ctx": 2048,
        "n_embd": d_model,
        "n_head": n_head,
        "n_inner": 4 * d_model,
        "n_layer": n_layer,
        "n_positions": 2048,
        "resid_pdrop": 0.1,
        "tie_word_embeddings": true,
        "vocab_size": 50257,
    }


def gpt3_note(name):
    return ("GPT-3 paper Table 2.1 size as a GPT-2-architecture config (dense attention; the "
            "paper's alternating sparse attention is not modelled), n_inner = 4*n_embd, "
            "tied embeddings, n_positions 2048." +
            (" d_model 5120 used instead of the table's 5140 (not divisible by 40 heads; "
             "40 x d_head 128 = 5120)." if name == "gpt3-13b" else ""))


def _random_gpt2(mt, i, r, vocab, layers, bit):
    h, hd = _heads_and_dim(r)
    kw = dict(n_embd=h * hd, n_head=h, n_layer=layers, vocab_size=vocab, n_positions=r.randint(160, 300),
              n_inner=None if i % 2 == 0 else r.randint(50, 400),
              activation_function=r.choice(["gelu_new", "relu", "gelu"]),
              tie_word_embeddings=(i % 3 != 0))
    return kw


RANDOM = {"gpt2": _random_gpt2}
