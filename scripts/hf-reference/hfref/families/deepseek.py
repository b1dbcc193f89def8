"""DeepSeek-V2 / -V3 and Kimi K2: multi-head latent attention and DeepSeek MoE (transformers 5.23).

Its own fixture (hfref/own.py; `count_hf.py --only deepseek`): figures in Fixtures/hf_mla.json, configs in
Fixtures/mla/. Quirks:

- Kimi K2's config says `model_type: kimi_k2` (remote code); transformers has no such class, so it is built as
  `deepseek_v3`, the layout its `architectures` names. The committed config keeps `kimi_k2`.
- `e_score_correction_bias` (V3) is a buffer, not a parameter: not in `parameters`.
- `num_nextn_predict_layers` (MTP) is never built by transformers: not in `parameters`.
- The hub configs' `quantization_config` (FP8, 128x128 block scales) only matters to `from_pretrained`: the builds
  drop it; own.py records the bytes transformers' FP8 integration allocates for them (`checkpoint_bytes`).
- Experts run with `experts_implementation='eager'` (a per-expert F.linear loop FlopCounterMode sees); the
  default grouped_mm path has no FlopCounterMode formula.
"""
null, true, false = None, True, False  # JSON literals spelled as in the hub files

MODEL_TYPES = ("deepseek_v2", "deepseek_v3", "kimi_k2")

# The published checkpoints' storage (their config.json `quantization_config`): FP8 E4M3 with one fp32 scale per
# 128x128 block. Kept in the written configs (llmcost prices memory with it); the builds drop it.
_FP8 = {"activation_scheme": "dynamic", "fmt": "e4m3", "quant_method": "fp8", "weight_block_size": [128, 128]}

# Architecture fields of the published config.json files (token ids, dtype and auto_map left out).
REAL = {
    "deepseek-v3": {  # https://huggingface.co/deepseek-ai/DeepSeek-V3/blob/main/config.json
        "architectures": ["DeepseekV3ForCausalLM"], "attention_bias": false, "attention_dropout": 0.0,
        "first_k_dense_replace": 3, "hidden_act": "silu", "hidden_size": 7168, "initializer_range": 0.02,
        "intermediate_size": 18432, "kv_lora_rank": 512, "max_position_embeddings": 163840,
        "model_type": "deepseek_v3", "moe_intermediate_size": 2048, "moe_layer_freq": 1, "n_group": 8,
        "n_routed_experts": 256, "n_shared_experts": 1, "norm_topk_prob": true, "num_attention_heads": 128,
        "num_experts_per_tok": 8, "num_hidden_layers": 61, "num_key_value_heads": 128,
        "num_nextn_predict_layers": 1, "q_lora_rank": 1536, "qk_nope_head_dim": 128, "qk_rope_head_dim": 64,
        "quantization_config": _FP8, "rms_norm_eps": 1e-06,
        "rope_scaling": {"beta_fast": 32, "beta_slow": 1, "factor": 40, "mscale": 1.0, "mscale_all_dim": 1.0,
                         "original_max_position_embeddings": 4096, "type": "yarn"},
        "rope_theta": 10000, "routed_scaling_factor": 2.5, "scoring_func": "sigmoid", "tie_word_embeddings": false,
        "topk_group": 4, "topk_method": "noaux_tc", "use_cache": true, "v_head_dim": 128, "vocab_size": 129280,
    },
    "kimi-k2": {  # https://huggingface.co/moonshotai/Kimi-K2-Instruct/blob/main/config.json
        "architectures": ["DeepseekV3ForCausalLM"], "first_k_dense_replace": 1, "hidden_act": "silu",
        "hidden_size": 7168, "initializer_range": 0.02, "intermediate_size": 18432, "kv_lora_rank": 512,
        "max_position_embeddings": 131072, "model_type": "kimi_k2", "moe_intermediate_size": 2048,
        "moe_layer_freq": 1, "n_group": 1, "n_routed_experts": 384, "n_shared_experts": 1, "norm_topk_prob": true,
        "num_attention_heads": 64, "num_experts_per_tok": 8, "num_hidden_layers": 61, "num_key_value_heads": 64,
        "num_nextn_predict_layers": 0, "q_lora_rank": 1536, "qk_nope_head_dim": 128, "qk_rope_head_dim": 64,
        "quantization_config": _FP8, "rms_norm_eps": 1e-06,
        "rope_scaling": {"beta_fast": 1.0, "beta_slow": 1.0, "factor": 32.0, "mscale": 1.0, "mscale_all_dim": 1.0,
                         "original_max_position_embeddings": 4096, "type": "yarn"},
        "rope_theta": 50000.0, "routed_scaling_factor": 2.827, "scoring_func": "sigmoid",
        "tie_word_embeddings": false, "topk_group": 1, "topk_method": "noaux_tc", "use_cache": true,
        "v_head_dim": 128, "vocab_size": 163840,
    },
    "deepseek-v2-lite": {  # https://huggingface.co/deepseek-ai/DeepSeek-V2-Lite/blob/main/config.json
        "architectures": ["DeepseekV2ForCausalLM"], "attention_bias": false, "attention_dropout": 0.0,
        "first_k_dense_replace": 1, "hidden_act": "silu", "hidden_size": 2048, "initializer_range": 0.02,
        "intermediate_size": 10944, "kv_lora_rank": 512, "max_position_embeddings": 163840,
        "model_type": "deepseek_v2", "moe_intermediate_size": 1408, "moe_layer_freq": 1, "n_group": 1,
        "n_routed_experts": 64, "n_shared_experts": 2, "norm_topk_prob": false, "num_attention_heads": 16,
        "num_experts_per_tok": 6, "num_hidden_layers": 27, "num_key_value_heads": 16, "q_lora_rank": null,
        "qk_nope_head_dim": 128, "qk_rope_head_dim": 64, "rms_norm_eps": 1e-06,
        "rope_scaling": {"beta_fast": 32, "beta_slow": 1, "factor": 40, "mscale": 0.707, "mscale_all_dim": 0.707,
                         "original_max_position_embeddings": 4096, "type": "yarn"},
        "rope_theta": 10000, "routed_scaling_factor": 1.0, "scoring_func": "softmax", "tie_word_embeddings": false,
        "topk_group": 1, "topk_method": "greedy", "use_cache": true, "v_head_dim": 128, "vocab_size": 102400,
    },
}

# Published totals the meta-device build must reproduce.
PUBLISHED = {"deepseek-v3": 671026404352, "kimi-k2": 1026408209408}


def _small(model_type, **kw):
    base = {"model_type": model_type, "vocab_size": 97, "hidden_size": 64, "intermediate_size": 96,
            "num_hidden_layers": 3, "num_attention_heads": 4, "num_key_value_heads": 4, "kv_lora_rank": 16,
            "q_lora_rank": 24, "qk_nope_head_dim": 8, "qk_rope_head_dim": 4, "v_head_dim": 12,
            "moe_intermediate_size": 20, "n_routed_experts": 8, "num_experts_per_tok": 2, "n_shared_experts": 1,
            "first_k_dense_replace": 1, "max_position_embeddings": 256, "tie_word_embeddings": false}
    base.update(kw)
    return base


# Small real-weight configs: every optional piece on and off at least once.
SMALL = {
    "deepseek_v3-q-lora": _small("deepseek_v3", n_group=4, topk_group=2, num_nextn_predict_layers=1),
    "deepseek_v3-plain-q-bias": _small("deepseek_v3", q_lora_rank=null, attention_bias=true, n_group=2, topk_group=1,
                                       n_shared_experts=2, first_k_dense_replace=0, num_hidden_layers=2),
    "deepseek_v3-tied-yarn": _small("deepseek_v3", n_group=1, topk_group=1, tie_word_embeddings=true, v_head_dim=8,
                                    rope_scaling={"type": "yarn", "factor": 4.0, "original_max_position_embeddings": 64,
                                                  "mscale": 1.0, "mscale_all_dim": 1.0, "beta_fast": 32,
                                                  "beta_slow": 1}),
    "kimi_k2-small": _small("kimi_k2", n_group=1, topk_group=1, num_attention_heads=2, num_key_value_heads=2,
                            n_routed_experts=12, num_experts_per_tok=3, num_nextn_predict_layers=0),
    "deepseek_v2-lite-like": _small("deepseek_v2", q_lora_rank=null, n_shared_experts=2, num_experts_per_tok=3,
                                    topk_method="greedy"),
    "deepseek_v2-grouped-bias": _small("deepseek_v2", topk_method="group_limited_greedy", n_group=4, topk_group=2,
                                       attention_bias=true, mlp_bias=true, routed_scaling_factor=16.0),
    "deepseek_v2-all-sparse": _small("deepseek_v2", first_k_dense_replace=0, n_shared_experts=1, num_hidden_layers=2,
                                     hidden_size=48, num_attention_heads=6, num_key_value_heads=6),
}

PREFILL_SHAPES = [(1, 16), (2, 16), (1, 37), (2, 37)]
EXPERTS = "eager"

FIXTURE, CONFIG_DIR = "hf_mla.json", "mla"
GENERATOR = "scripts/hf-reference/count_mla.py"  # the committed header's (count_hf.py --only deepseek)
METHOD = ("meta-device build for the hub configs (parameters); CPU build with eager attention and "
          "experts_implementation='eager' for the small ones, FlopCounterMode totals")


def buildable(cfg):
    """The dict transformers builds: Kimi K2 as deepseek_v3 (its own type is remote code)."""
    d = dict(cfg)
    d.pop("quantization_config", None)
    if d["model_type"] == "kimi_k2":
        d["model_type"] = "deepseek_v3"
    return d
