"""gpt-oss (`model_type: gpt_oss`, GptOssForCausalLM in transformers 5.23): attention sinks, alternating
sliding-window / full attention (`layer_types`), q/k/v/o biases, a biased router and biased MXFP4 experts.

Its own fixture (hfref/own.py; `count_hf.py --only gptoss`): figures in Fixtures/hf_gptoss.json, configs in
Fixtures/gptoss/. Quirks:

- `quantization_config` (MXFP4 experts) only matters to `from_pretrained`; the meta/CPU builds here drop it
  (parameters are counted as the bf16 model transformers builds: one element each). The committed configs keep it.
- Experts run with `experts_implementation='eager'` (a per-expert matmul loop FlopCounterMode sees).
- The rotary table is `position_ids[..., None] * inv_freq` (element-wise): no FlopCounterMode FLOPs.
- The sink logit is concatenated to each score row before the softmax: element-wise, no FlopCounterMode FLOPs.
"""
null, true, false = None, True, False  # JSON literals spelled as in the hub files

MODEL_TYPES = ("gpt_oss",)

_MXFP4 = {"modules_to_not_convert": ["model.layers.*.self_attn", "model.layers.*.mlp.router", "model.embed_tokens",
                                     "lm_head"],
          "quant_method": "mxfp4"}


def _real(layers, experts):
    return {
        "architectures": ["GptOssForCausalLM"], "attention_bias": true, "attention_dropout": 0.0,
        "eos_token_id": 200002, "experts_per_token": 4, "head_dim": 64, "hidden_act": "silu", "hidden_size": 2880,
        "initial_context_length": 4096, "initializer_range": 0.02, "intermediate_size": 2880,
        "layer_types": ["sliding_attention" if i % 2 == 0 else "full_attention" for i in range(layers)],
        "max_position_embeddings": 131072, "model_type": "gpt_oss", "num_attention_heads": 64,
        "num_experts_per_tok": 4, "num_hidden_layers": layers, "num_key_value_heads": 8,
        "num_local_experts": experts, "output_router_logits": false, "pad_token_id": 199999,
        "quantization_config": _MXFP4, "rms_norm_eps": 1e-05,
        "rope_scaling": {"beta_fast": 32.0, "beta_slow": 1.0, "factor": 32.0, "original_max_position_embeddings": 4096,
                         "rope_type": "yarn", "truncate": false},
        "rope_theta": 150000, "router_aux_loss_coef": 0.9, "sliding_window": 128, "swiglu_limit": 7.0,
        "tie_word_embeddings": false, "use_cache": true, "vocab_size": 201088,
    }


# Architecture fields of the published config.json files (https://huggingface.co/openai/gpt-oss-20b and
# https://huggingface.co/openai/gpt-oss-120b, config.json).
REAL = {"gpt-oss-20b": _real(24, 32), "gpt-oss-120b": _real(36, 128)}

# Published totals the meta-device build must reproduce.
PUBLISHED = {"gpt-oss-20b": 20914757184, "gpt-oss-120b": 116829156672}


def _small(**kw):
    base = {"model_type": "gpt_oss", "vocab_size": 97, "hidden_size": 64, "intermediate_size": 48,
            "num_hidden_layers": 4, "num_attention_heads": 4, "num_key_value_heads": 2, "head_dim": 16,
            "num_local_experts": 8, "num_experts_per_tok": 2, "sliding_window": 8, "max_position_embeddings": 256,
            "tie_word_embeddings": false}
    base.update(kw)
    return base


# Small real-weight configs: the window shorter than the longer prompts and decode contexts.
SMALL = {
    "gpt_oss-alternating": _small(),
    "gpt_oss-listed-types": _small(num_hidden_layers=3, sliding_window=12, num_key_value_heads=4, head_dim=8,
                                   num_local_experts=4, num_experts_per_tok=4,
                                   layer_types=["full_attention", "sliding_attention", "sliding_attention"]),
    "gpt_oss-no-bias-tied": _small(attention_bias=false, tie_word_embeddings=true, num_hidden_layers=2,
                                   num_key_value_heads=1, quantization_config=_MXFP4),
}

PREFILL_SHAPES = [(1, 16), (2, 16), (1, 37), (2, 37)]
# (batch, context): the first and last beyond every small window.
DECODE_SHAPES = [(1, 16), (3, 5), (2, 40)]
EXPERTS = "eager"
BUILD_FOR_TRAIN = True

FIXTURE, CONFIG_DIR = "hf_gptoss.json", "gptoss"
GENERATOR = "scripts/hf-reference/count_gptoss.py"  # the committed header's (count_hf.py --only gptoss)
METHOD = ("meta-device build for the hub configs (parameters); CPU build with eager attention and "
          "experts_implementation='eager' for the small ones, FlopCounterMode totals")


def buildable(cfg):
    """The dict transformers builds: without quantization_config (MXFP4 applies only when loading weights)."""
    d = dict(cfg)
    d.pop("quantization_config", None)
    return d
