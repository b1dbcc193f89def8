"""GLM-4.5 and GLM-4.5-Air (`glm4_moe`, transformers 5.23): grouped-query attention with q/k/v bias (no o bias),
partial rotary (`partial_rotary_factor`, class default 0.5), optional per-head qk norm (`use_qk_norm`), dense first
layers (`first_k_dense_replace`), sigmoid group-limited routing with a shared expert.

Its own fixture (hfref/own.py; `count_hf.py --only glm`): figures in Fixtures/hf_glm.json, configs in
Fixtures/glm/. Quirks:

- `e_score_correction_bias` is an `nn.Buffer` (fp32) in Glm4MoeTopkRouter: not in `parameters`.
- `num_nextn_predict_layers` (MTP, `model.layers.92` / `.46` in the checkpoints) is never built by transformers
  (`_keys_to_ignore_on_load_unexpected`): not in `parameters`.
- `o_proj` never has a bias, whatever `attention_bias` says.
- Experts run with `experts_implementation='eager'` (a per-expert F.linear loop FlopCounterMode sees).
"""
null, true, false = None, True, False  # JSON literals spelled as in the hub files

MODEL_TYPES = ("glm4_moe",)

# Architecture fields of the published config.json files (token ids, dtype and transformers_version left out).
REAL = {
    "glm-4.5": {  # https://huggingface.co/zai-org/GLM-4.5/blob/main/config.json
        "architectures": ["Glm4MoeForCausalLM"], "attention_bias": true, "attention_dropout": 0.0, "head_dim": 128,
        "hidden_act": "silu", "hidden_size": 5120, "partial_rotary_factor": 0.5, "initializer_range": 0.02,
        "intermediate_size": 12288, "max_position_embeddings": 131072, "model_type": "glm4_moe",
        "moe_intermediate_size": 1536, "norm_topk_prob": true, "num_attention_heads": 96, "n_group": 1,
        "topk_group": 1, "n_routed_experts": 160, "n_shared_experts": 1, "routed_scaling_factor": 2.5,
        "num_experts_per_tok": 8, "first_k_dense_replace": 3, "num_hidden_layers": 92, "num_key_value_heads": 8,
        "rms_norm_eps": 1e-05, "rope_scaling": null, "rope_theta": 1000000, "num_nextn_predict_layers": 1,
        "tie_word_embeddings": false, "use_cache": true, "use_qk_norm": true, "vocab_size": 151552,
    },
    "glm-4.5-air": {  # https://huggingface.co/zai-org/GLM-4.5-Air/blob/main/config.json
        "architectures": ["Glm4MoeForCausalLM"], "attention_bias": true, "attention_dropout": 0.0, "head_dim": 128,
        "hidden_act": "silu", "hidden_size": 4096, "partial_rotary_factor": 0.5, "initializer_range": 0.02,
        "intermediate_size": 10944, "max_position_embeddings": 131072, "model_type": "glm4_moe",
        "moe_intermediate_size": 1408, "norm_topk_prob": true, "num_attention_heads": 96, "n_group": 1,
        "topk_group": 1, "n_routed_experts": 128, "n_shared_experts": 1, "routed_scaling_factor": 1.0,
        "num_experts_per_tok": 8, "first_k_dense_replace": 1, "num_hidden_layers": 46, "num_key_value_heads": 8,
        "rms_norm_eps": 1e-05, "rope_scaling": null, "rope_theta": 1000000, "num_nextn_predict_layers": 1,
        "tie_word_embeddings": false, "use_cache": true, "use_qk_norm": false, "vocab_size": 151552,
    },
    # Not a hub config: every field absent, so Glm4MoeConfig's defaults (GLM-4.5-Air-like, but head_dim
    # 4096 // 96 = 42, q/k/v 4032 wide, no attention bias) -- checks that the importer takes them exactly.
    "glm4_moe-class-defaults": {"model_type": "glm4_moe"},
}

# Published totals the meta-device build must reproduce (GLM-4.5-Air: issue 16; GLM-4.5: this build, recorded).
PUBLISHED = {"glm-4.5-air": 106852245504}


def _small(drop=(), **kw):
    base = {"model_type": "glm4_moe", "vocab_size": 97, "hidden_size": 64, "intermediate_size": 96,
            "num_hidden_layers": 3, "num_attention_heads": 4, "num_key_value_heads": 2, "head_dim": 16,
            "moe_intermediate_size": 20, "n_routed_experts": 8, "num_experts_per_tok": 2, "n_shared_experts": 1,
            "first_k_dense_replace": 1, "n_group": 1, "topk_group": 1, "max_position_embeddings": 256,
            "tie_word_embeddings": false}
    base.update(kw)
    for key in drop:  # left out of the config: the class falls back (head_dim -> width / heads)
        del base[key]
    return base


# Small real-weight configs: every optional piece on and off at least once.
SMALL = {
    # GLM-4.5's shape: qk norm, q/k/v bias, grouped routing, partial rotary 0.5 at top level, MTP declared.
    "glm4_moe-qk-norm-bias": _small(use_qk_norm=true, attention_bias=true, partial_rotary_factor=0.5, n_group=4,
                                    topk_group=2, routed_scaling_factor=2.5, num_nextn_predict_layers=1),
    # GLM-4.5-Air's shape, two dense layers, two shared experts, no explicit head_dim (64 / 4 = 16).
    "glm4_moe-air-like": _small(attention_bias=true, first_k_dense_replace=2, num_hidden_layers=4, drop=("head_dim",),
                                n_shared_experts=2, partial_rotary_factor=0.5),
    # Absent partial_rotary_factor: the class default 0.5; rotary factor inside rope_parameters wins when given.
    "glm4_moe-rope-object": _small(rope_parameters={"rope_type": "default", "rope_theta": 10000.0,
                                                    "partial_rotary_factor": 0.25},
                                   head_dim=32, num_attention_heads=2, num_key_value_heads=1),
    "glm4_moe-defaults-tied": _small(tie_word_embeddings=true, first_k_dense_replace=0, num_hidden_layers=2,
                                     num_experts_per_tok=3, n_routed_experts=6, n_group=2, topk_group=2),
}

PREFILL_SHAPES = [(1, 16), (2, 16), (1, 37), (2, 37)]
EXPERTS = "eager"

FIXTURE, CONFIG_DIR = "hf_glm.json", "glm"
GENERATOR = "scripts/hf-reference/count_glm.py"  # the committed header's (count_hf.py --only glm)
METHOD = ("meta-device build for the hub configs (parameters); CPU build with eager attention and "
          "experts_implementation='eager' for the small ones, FlopCounterMode totals")


def buildable(cfg):
    """The dict transformers builds: the config itself (glm4_moe is a transformers class)."""
    return dict(cfg)
