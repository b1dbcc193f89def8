"""State-space models (transformers 5.23): Mamba (`mamba`, `falcon_mamba`) and Mamba-2 (`mamba2`).

A family with its own fixture (hfref/own.py): `count_hf.py --only ssm` writes these figures to
Fixtures/hf_ssm.json and the configs to Fixtures/ssm/. What FlopCounterMode sees on the torch path (CPU, no hub kernels, `use_mambapy` false):

- Mamba: `in_proj`, the depthwise `conv1d` (padding `conv_kernel - 1`, so `seq + conv_kernel - 1` outputs per
  channel before the slice), `x_proj`, `dt_layer = dt_proj.weight @ time_step` (a matmul; the bias is added inside
  the scan), the sequential scan's per-token `state @ C` matmul (`2 * d_inner * d_state` per token), `out_proj`.
  Falcon-Mamba adds weightless RMS norms on dt, B and C (buffers, not parameters).
- Mamba-2: `in_proj` to (z, x, B, C, dt), the depthwise `conv1d` over x, B and C, the chunked SSD scan's five
  einsums (sequence padded to a multiple of `chunk_size`), the gated RMS norm, `out_proj`.
- Decode: one step after a cached prefill; the conv runs over the `conv_kernel` cached columns plus the new one
  (two outputs), the scan is one recurrent update (`state @ C`, a bmm for Mamba-2).
"""
import torch

from .. import common, phases

null, true, false = None, True, False  # JSON literals spelled as in the hub files

MODEL_TYPES = ("mamba", "falcon_mamba", "mamba2", "jamba")

REAL = {
    # https://huggingface.co/tiiuae/falcon-mamba-7b/blob/main/config.json (architecture fields)
    "falcon-mamba-7b": {
        "architectures": ["FalconMambaForCausalLM"], "conv_kernel": 4, "expand": 16, "hidden_act": "silu",
        "hidden_size": 4096, "initializer_range": 0.1, "intermediate_size": 8192, "layer_norm_epsilon": 1e-05,
        "model_type": "falcon_mamba", "num_hidden_layers": 64, "rescale_prenorm_residual": false,
        "residual_in_fp32": true, "state_size": 16, "tie_word_embeddings": false, "time_step_floor": 0.0001,
        "time_step_init_scheme": "random", "time_step_max": 0.1, "time_step_min": 0.001, "time_step_rank": 256,
        "time_step_scale": 1.0, "use_bias": false, "use_cache": true, "use_conv_bias": true, "vocab_size": 65024,
        "mixer_rms_eps": 1e-06, "use_mambapy": false,
    },
    # state-spaces/mamba2-2.7b ships a mamba_ssm config (d_model 2560, n_layer 64, vocab 50277 padded to a multiple
    # of 16 = 50288, ssm_cfg layer Mamba2, tie_embeddings true; Mamba2 defaults expand 2, headdim 64, d_state 128,
    # ngroups 1, d_conv 4, chunk 256): https://huggingface.co/state-spaces/mamba2-2.7b/blob/main/config.json,
    # mapped to Mamba2Config as transformers' convert_mamba2_ssm_checkpoint_to_pytorch.py does.
    "mamba2-2.7b": {
        "architectures": ["Mamba2ForCausalLM"], "model_type": "mamba2", "hidden_size": 2560, "num_hidden_layers": 64,
        "vocab_size": 50288, "expand": 2, "head_dim": 64, "num_heads": 80, "state_size": 128, "n_groups": 1,
        "conv_kernel": 4, "chunk_size": 256, "use_bias": false, "use_conv_bias": true, "residual_in_fp32": true,
        "layer_norm_epsilon": 1e-05, "tie_word_embeddings": true,
    },
    # https://huggingface.co/ai21labs/Jamba-v0.1/blob/main/config.json (architecture fields): attention every 8th
    # layer from 4, MoE every 2nd from 1 (16 experts, top 2), Mamba mixers with dt/B/C RMSNorms (weighted).
    "jamba-v0.1": {
        "architectures": ["JambaForCausalLM"], "model_type": "jamba", "attn_layer_offset": 4, "attn_layer_period": 8,
        "expert_layer_offset": 1, "expert_layer_period": 2, "hidden_act": "silu", "hidden_size": 4096,
        "intermediate_size": 14336, "mamba_conv_bias": true, "mamba_d_conv": 4, "mamba_d_state": 16,
        "mamba_dt_rank": 256, "mamba_expand": 2, "mamba_proj_bias": false, "max_position_embeddings": 262144,
        "num_attention_heads": 32, "num_experts": 16, "num_experts_per_tok": 2, "num_hidden_layers": 32,
        "num_key_value_heads": 8, "rms_norm_eps": 1e-06, "tie_word_embeddings": false, "use_mamba_kernels": true,
        "vocab_size": 65536,
    },
}

PUBLISHED = {"falcon-mamba-7b": 7272665088, "mamba2-2.7b": 2702599680, "jamba-v0.1": 51570323328}

SMALL = {
    # Mamba's class defaults at a small width: tied head, time_step_rank "auto" = ceil(32 / 16) = 2.
    "mamba-small": {"model_type": "mamba", "vocab_size": 97, "hidden_size": 32, "num_hidden_layers": 2,
                    "state_size": 8, "expand": 2, "conv_kernel": 4},
    # Biases on in_proj/out_proj, none on the conv, explicit rank, kernel 3, untied head.
    "mamba-bias-untied": {"model_type": "mamba", "vocab_size": 89, "hidden_size": 24, "num_hidden_layers": 3,
                          "state_size": 4, "expand": 3, "conv_kernel": 3, "time_step_rank": 5, "use_bias": true,
                          "use_conv_bias": false, "tie_word_embeddings": false},
    # Falcon-Mamba's shape: explicit intermediate_size, untied head, weightless dt/B/C norms.
    "falcon_mamba-small": {"model_type": "falcon_mamba", "vocab_size": 97, "hidden_size": 32, "intermediate_size": 48,
                           "num_hidden_layers": 2, "state_size": 8, "expand": 16, "conv_kernel": 4,
                           "time_step_rank": 4, "tie_word_embeddings": false},
    # Mamba-2: 4 heads of 16, two groups, chunk 8 (16 tokens: 2 chunks; 37: padded to 40).
    "mamba2-small": {"model_type": "mamba2", "vocab_size": 97, "hidden_size": 32, "num_hidden_layers": 2,
                     "expand": 2, "num_heads": 4, "head_dim": 16, "state_size": 8, "n_groups": 2, "chunk_size": 8,
                     "conv_kernel": 4, "tie_word_embeddings": true},
    # Biases on in_proj/out_proj, no conv bias, one group, kernel 3, chunk 16, untied head.
    "mamba2-bias-untied": {"model_type": "mamba2", "vocab_size": 89, "hidden_size": 24, "num_hidden_layers": 3,
                           "expand": 2, "num_heads": 6, "head_dim": 8, "state_size": 4, "n_groups": 1,
                           "chunk_size": 16, "conv_kernel": 3, "use_bias": true, "use_conv_bias": false,
                           "tie_word_embeddings": false},
    # Jamba's layout at a small width: 8 layers, attention at 1 and 5 (period 4, offset 1: both MoE layers),
    # experts every 2nd from 1 -- so attention+MoE, Mamba+MoE and Mamba+dense layers all occur.
    "jamba-small": {"model_type": "jamba", "vocab_size": 97, "hidden_size": 32, "intermediate_size": 48,
                    "num_hidden_layers": 8, "num_attention_heads": 4, "num_key_value_heads": 2, "attn_layer_period": 4,
                    "attn_layer_offset": 1, "expert_layer_period": 2, "expert_layer_offset": 1, "num_experts": 4,
                    "num_experts_per_tok": 2, "mamba_d_state": 8, "mamba_d_conv": 4, "mamba_expand": 2,
                    "mamba_dt_rank": "auto", "use_mamba_kernels": false, "tie_word_embeddings": false},
    # Attention layers dense (period 3, offset 2; experts at odd layers), biases on the Mamba projections, tied head.
    "jamba-dense-attention": {"model_type": "jamba", "vocab_size": 89, "hidden_size": 24, "intermediate_size": 40,
                              "num_hidden_layers": 6, "num_attention_heads": 3, "num_key_value_heads": 3,
                              "attn_layer_period": 3, "attn_layer_offset": 2, "expert_layer_period": 2,
                              "expert_layer_offset": 1, "num_experts": 3, "num_experts_per_tok": 1, "mamba_d_state": 4,
                              "mamba_d_conv": 3, "mamba_expand": 2, "mamba_dt_rank": 5, "mamba_proj_bias": true,
                              "mamba_conv_bias": false, "use_mamba_kernels": false, "tie_word_embeddings": true},
}

PREFILL_SHAPES = [(1, 16), (2, 16), (1, 37), (2, 37)]


def buildable(cfg):
    """The dict transformers builds: the config itself."""
    return dict(cfg)


FIXTURE = "hf_ssm.json"
CONFIG_DIR = "ssm"
GENERATOR = "scripts/hf-reference/count_ssm.py"  # the committed header's (count_hf.py --only ssm)
METHOD = ("meta-device build for the hub configs (parameters); CPU build of the small ones on the torch "
          "path (no hub kernels, use_mambapy false: Mamba's sequential scan, Mamba-2's chunked SSD), "
          "FlopCounterMode totals")
RECORD_EXPERTS = False


def experts_for(cfg):
    """Only Jamba has experts (and the switch)."""
    return "eager" if cfg["model_type"] == "jamba" else None


def decode(model, vocab):
    """One cached step after a cached prefill of `context` tokens, as `generate` runs it: the models return their
    recurrent cache as `cache_params` (not `past_key_values`) and take it back under that name."""
    res = []
    for b, ctx in phases.DECODE_SHAPES:
        with torch.no_grad():
            out = model(input_ids=common.ids(b, ctx, "cpu", vocab), use_cache=True)
            step = common.ids(b, 1, "cpu", vocab)
            if hasattr(out, "cache_params"):
                cache = out.cache_params
                f, o = common.count(lambda: model(input_ids=step, cache_params=cache, use_cache=True))
            else:  # Jamba: a hybrid cache (KV for attention layers, conv + SSM state for Mamba layers)
                cache = out.past_key_values
                f, o = common.count(lambda: model(input_ids=step, past_key_values=cache, use_cache=True))
        res.append({"batch": b, "context": ctx, "flops": f, "by_operator": o})
    return res
