"""Encoder-decoders: T5 (and mT5 for the measured fixtures) and BART.

Quirk: transformers >= 5 forces T5 tie_word_embeddings=True; `t5_untied_head` measures the untied variant.
"""

import torch
import transformers

from ..common import build, n_params
from ..randutil import divisors as _divisors, heads_and_dim as _heads_and_dim

null, true, false = None, True, False  # JSON literals spelled as in the hub files

MODEL_TYPES = ("t5", "mt5", "bart")
ENC_DEC = {"t5", "bart"}

_T5_TASKS = {
    "summarization": {"early_stopping": true, "length_penalty": 2.0, "max_length": 200, "min_length": 30,
                      "no_repeat_ngram_size": 3, "num_beams": 4, "prefix": "summarize: "},
    "translation_en_to_de": {"early_stopping": true, "max_length": 300, "num_beams": 4,
                             "prefix": "translate English to German: "},
    "translation_en_to_fr": {"early_stopping": true, "max_length": 300, "num_beams": 4,
                             "prefix": "translate English to French: "},
    "translation_en_to_ro": {"early_stopping": true, "max_length": 300, "num_beams": 4,
                             "prefix": "translate English to Romanian: "},
}


def _t5(d_model, d_ff, heads, layers):
    return {
        "architectures": ["T5ForConditionalGeneration"],
        "d_ff": d_ff,
        "d_kv": 64,
        "d_model": d_model,
        "decoder_start_token_id": 0,
        "dropout_rate": 0.1,
        "eos_token_id": 1,
        "initializer_factor": 1.0,
        "is_encoder_decoder": true,
        "layer_norm_epsilon": 1e-06,
        "model_type": "t5",
        "n_positions": 512,
        "num_heads": heads,
        "num_layers": layers,
        "output_past": true,
        "pad_token_id": 0,
        "relative_attention_num_buckets": 32,
        "task_specific_params": _T5_TASKS,
        "vocab_size": 32128,
    }


def _bart(name, d_model, heads, ffn, layers):
    return {
        "_name_or_path": name,
        "activation_dropout": 0.1,
        "activation_function": "gelu",
        "add_bias_logits": false,
        "add_final_layer_norm": false,
        "architectures": ["BartModel"],
        "attention_dropout": 0.1,
        "bos_token_id": 0,
        "classif_dropout": 0.1,
        "classifier_dropout": 0.0,
        "d_model": d_model,
        "decoder_attention_heads": heads,
        "decoder_ffn_dim": ffn,
        "decoder_layerdrop": 0.0,
        "decoder_layers": layers,
        "decoder_start_token_id": 2,
        "dropout": 0.1,
        "early_stopping": true,
        "encoder_attention_heads": heads,
        "encoder_ffn_dim": ffn,
        "encoder_layerdrop": 0.0,
        "encoder_layers": layers,
        "eos_token_id": 2,
        "forced_bos_token_id": 0,
        "forced_eos_token_id": 2,
        "gradient_checkpointing": false,
        "id2label": {"0": "LABEL_0", "1": "LABEL_1", "2": "LABEL_2"},
        "init_std": 0.02,
        "is_encoder_decoder": true,
        "label2id": {"LABEL_0": 0, "LABEL_1": 1, "LABEL_2": 2},
        "max_position_embeddings": 1024,
        "model_type": "bart",
        "no_repeat_ngram_size": 3,
        "normalize_before": false,
        "normalize_embedding": true,
        "num_beams": 4,
        "num_hidden_layers": layers,
        "pad_token_id": 1,
        "scale_embedding": false,
        "task_specific_params": {
            "summarization": {"length_penalty": 1.0, "max_length": 128, "min_length": 12, "num_beams": 4},
            "summarization_cnn": {"length_penalty": 2.0, "max_length": 142, "min_length": 56, "num_beams": 4},
            "summarization_xsum": {"length_penalty": 1.0, "max_length": 62, "min_length": 11, "num_beams": 6},
        },
        "torch_dtype": "float32",
        "transformers_version": "4.12.0.dev0",
        "use_cache": true,
        "vocab_size": 50265,
    }


REAL = {
    "t5-small": _t5(512, 2048, 8, 6),
    "t5-base": _t5(768, 3072, 12, 12),
    "t5-large": _t5(1024, 4096, 16, 24),
    "t5-v1_1-base": {
        "architectures": ["T5ForConditionalGeneration"],
        "d_ff": 2048,
        "d_kv": 64,
        "d_model": 768,
        "decoder_start_token_id": 0,
        "dropout_rate": 0.1,
        "eos_token_id": 1,
        "feed_forward_proj": "gated-gelu",
        "initializer_factor": 1.0,
        "is_encoder_decoder": true,
        "layer_norm_epsilon": 1e-06,
        "model_type": "t5",
        "num_decoder_layers": 12,
        "num_heads": 12,
        "num_layers": 12,
        "output_past": true,
        "pad_token_id": 0,
        "relative_attention_num_buckets": 32,
        "tie_word_embeddings": false,
        "vocab_size": 32128,
    },
    "bart-base": _bart("bart-base", 768, 12, 3072, 6),
    "bart-large": _bart("facebook/bart-large", 1024, 16, 4096, 12),
}


def _random_t5(mt, i, r, vocab, layers, bit):
    d_model = r.randint(48, 160)
    heads = r.choice([1, 2, 3, 4, 6, 8])
    while True:
        d_kv = r.randint(5, 40)
        if d_kv * heads != d_model:
            break
    kw = dict(d_model=d_model, d_kv=d_kv, num_heads=heads, d_ff=r.randint(50, 300), num_layers=layers,
              num_decoder_layers=r.randint(1, 3), vocab_size=vocab,
              feed_forward_proj=["relu", "gated-gelu", "gated-silu", "gelu", "relu", "gated-gelu"][i],
              tie_word_embeddings=bit(0), relative_attention_num_buckets=r.randint(8, 32),
              decoder_start_token_id=0, pad_token_id=0, eos_token_id=1)
    return kw


def _random_bart(mt, i, r, vocab, layers, bit):
    while True:
        d_model = r.randint(48, 160)
        eh = [d for d in _divisors(d_model) if d <= 12]
        if len(eh) >= 3:
            break
    kw = dict(d_model=d_model, encoder_layers=layers, decoder_layers=r.randint(1, 3),
              encoder_attention_heads=r.choice(eh), decoder_attention_heads=r.choice(eh),
              encoder_ffn_dim=r.randint(50, 300), decoder_ffn_dim=r.randint(50, 300), vocab_size=vocab,
              max_position_embeddings=r.randint(64, 200), scale_embedding=bit(0),
              tie_word_embeddings=(i != 3), pad_token_id=1, bos_token_id=0, eos_token_id=2,
              decoder_start_token_id=2, forced_eos_token_id=None)
    return kw


RANDOM = {"t5": _random_t5, "bart": _random_bart}


def wants_untied_head(cfg_dict):
    return cfg_dict["model_type"] == "t5" and (cfg_dict.get("tie_word_embeddings") is False or
                                              cfg_dict.get("scale_decoder_outputs") is False)


def t5_untied_head(model, cfg_dict, entry, notes, device):
    # transformers >= 5 (PR #42815) forces T5Config.tie_word_embeddings = True and only uses the saved False to
    # switch off decoder-output scaling; transformers 4.x (and the real T5 v1.1 checkpoints) have a separate
    # lm_head. Measure that variant too: untie lm_head only (shared/encoder/decoder embeddings stay shared).
    model.lm_head.weight = torch.nn.Parameter(torch.empty_like(model.lm_head.weight))
    entry["parameters_untied_lm_head"] = n_params(model)
    notes.append("transformers %s forces T5 tie_word_embeddings=True (the config asked for false; a config "
                 "written by transformers>=5 then says tie_word_embeddings true + scale_decoder_outputs false): "
                 "`parameters` "
                 "counts lm_head tied to `shared`. The real T5 v1.1-style model (and transformers 4.57.6) has a "
                 "separate lm_head: `parameters_untied_lm_head`. FLOPs are the same either way."
                 % transformers.__version__)
    return build(cfg_dict, device)
