"""Llama 4 text (`llama4_text`, and `llama4` whose `text_config` holds it) under transformers 5.23.

Its own fixture (hfref/own.py; `count_hf.py --only llama4`): figures in Fixtures/hf_llama4.json, configs in
Fixtures/llama4/. Quirks of `Llama4TextModel` that the figures show:

- `Llama4TextExperts` has no experts-implementation switch: every expert runs on every token (`bmm` over
  `(experts, tokens, d)`), the tokens pre-scaled by their router score (sigmoid of -inf = 0 for the unchosen
  ones). FlopCounterMode therefore counts `experts / top_k` times the routed-expert GEMMs a top-k dispatch runs.
- Chunked layers (`layer_types` "chunked_attention", the RoPE layers) use the sliding-window cache: at most
  `attention_chunk_size - 1` past positions are kept, and eager attention multiplies the whole
  `queries x (kept + queries)` rectangle before the chunk mask.
- `qk_norm` (`Llama4TextL2Norm`) has no weight: no parameters.
- `llama4` configs nest the text stack in `text_config`; the text figures are Llama4ForCausalLM's on it (the
  vision tower and the projector are not counted).
"""
null, true, false = None, True, False  # JSON literals spelled as in the hub files

MODEL_TYPES = ("llama4_text", "llama4")

_NOPE_EVERY_4TH = [0 if (i + 1) % 4 == 0 else 1 for i in range(48)]

# Architecture fields of the published config.json `text_config` (token ids, dtype, quantisation left out).
REAL = {
    "llama-4-scout": {  # https://huggingface.co/meta-llama/Llama-4-Scout-17B-16E/blob/main/config.json (text_config)
        "model_type": "llama4_text", "attention_bias": false, "attention_chunk_size": 8192, "attention_dropout": 0.0,
        "attn_scale": 0.1, "attn_temperature_tuning": true, "floor_scale": 8192, "head_dim": 128,
        "hidden_act": "silu", "hidden_size": 5120, "initializer_range": 0.02, "interleave_moe_layer_step": 1,
        "intermediate_size": 8192, "intermediate_size_mlp": 16384, "max_position_embeddings": 10485760,
        "moe_layers": list(range(48)), "no_rope_layers": _NOPE_EVERY_4TH, "num_attention_heads": 40,
        "num_experts_per_tok": 1, "num_hidden_layers": 48, "num_key_value_heads": 8, "num_local_experts": 16,
        "rms_norm_eps": 1e-05,
        "rope_scaling": {"factor": 16.0, "high_freq_factor": 1.0, "low_freq_factor": 1.0,
                         "original_max_position_embeddings": 8192, "rope_type": "llama3"},
        "rope_theta": 500000.0, "router_aux_loss_coef": 0.001, "router_jitter_noise": 0.0,
        "tie_word_embeddings": false, "use_qk_norm": true, "vocab_size": 202048,
    },
    "llama-4-maverick": {  # https://huggingface.co/meta-llama/Llama-4-Maverick-17B-128E/blob/main/config.json (text_config)
        "model_type": "llama4_text", "attention_bias": false, "attention_chunk_size": 8192, "attention_dropout": 0.0,
        "attn_scale": 0.1, "attn_temperature_tuning": true, "floor_scale": 8192, "head_dim": 128,
        "hidden_act": "silu", "hidden_size": 5120, "initializer_range": 0.02, "interleave_moe_layer_step": 2,
        "intermediate_size": 8192, "intermediate_size_mlp": 16384, "max_position_embeddings": 1048576,
        "moe_layers": list(range(1, 48, 2)), "no_rope_layers": _NOPE_EVERY_4TH, "num_attention_heads": 40,
        "num_experts_per_tok": 1, "num_hidden_layers": 48, "num_key_value_heads": 8, "num_local_experts": 128,
        "rms_norm_eps": 1e-05, "rope_scaling": null, "rope_theta": 500000.0, "router_aux_loss_coef": 0.001,
        "router_jitter_noise": 0.0, "tie_word_embeddings": false, "use_qk_norm": false, "vocab_size": 202048,
    },
}

# Published text totals the meta-device build must reproduce.
PUBLISHED = {"llama-4-scout": 107769861120, "llama-4-maverick": 400711848960}


def _small(**kw):
    base = {"model_type": "llama4_text", "vocab_size": 97, "hidden_size": 64, "intermediate_size": 32,
            "intermediate_size_mlp": 48, "num_hidden_layers": 4, "num_attention_heads": 4, "num_key_value_heads": 2,
            "head_dim": 16, "num_local_experts": 4, "num_experts_per_tok": 1, "interleave_moe_layer_step": 1,
            "attention_chunk_size": 8, "max_position_embeddings": 256, "tie_word_embeddings": false,
            "use_qk_norm": true, "attn_temperature_tuning": true, "floor_scale": 4, "attn_scale": 0.1}
    base.update(kw)
    return base


# Small real-weight configs (chunk 8: the longer prefill and the second decode context pass it).
SMALL = {
    "llama4_text-scout-like": _small(),
    "llama4_text-maverick-like": _small(interleave_moe_layer_step=2, num_local_experts=6, use_qk_norm=false),
    "llama4_text-explicit-lists": _small(num_hidden_layers=5, no_rope_layers=[1, 0, 1, 1, 0], moe_layers=[0, 2, 3],
                                         num_experts_per_tok=2, attention_bias=true, tie_word_embeddings=true,
                                         attn_temperature_tuning=false),
    "llama4-nested": {"model_type": "llama4", "text_config": _small(num_hidden_layers=3, num_key_value_heads=4),
                      "vision_config": {"hidden_size": 32, "num_hidden_layers": 1, "num_attention_heads": 2,
                                        "intermediate_size": 64, "image_size": 56, "patch_size": 14,
                                        "vision_output_dim": 32, "projector_input_dim": 32,
                                        "projector_output_dim": 32}},
}

PREFILL_SHAPES = [(1, 5), (2, 5), (1, 19), (2, 19)]
DECODE_SHAPES = [(1, 5), (2, 20)]  # context 20 > chunk 8: the chunked cache keeps 7
EXPERTS_NOTE = "Llama4TextExperts bmm over every expert (no switch)"  # built without experts_implementation
BUILD_FOR_TRAIN = True
MODEL_CLASS = True

FIXTURE, CONFIG_DIR = "hf_llama4.json", "llama4"
GENERATOR = "scripts/hf-reference/count_llama4.py"  # the committed header's (count_hf.py --only llama4)
METHOD = ("meta-device build of the hub text configs (parameters); CPU build with eager attention for the "
          "small ones (Llama4TextExperts runs every expert on every token), FlopCounterMode totals; "
          "llama4 configs counted as Llama4ForCausalLM on their text_config")


def buildable(cfg):
    """The text stack transformers' Llama4ForCausalLM builds: the config itself, or a `llama4`'s `text_config`."""
    if cfg["model_type"] == "llama4":
        d = dict(cfg["text_config"])
        d.setdefault("model_type", "llama4_text")
        return d
    return cfg
