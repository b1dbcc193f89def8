"""Mamba-2 hybrids (transformers 5.23): Bamba (`bamba`), Nemotron-H (`nemotron_h`) and Falcon-H1 (`falcon_h1`).

A family with its own fixture (hfref/own.py): `count_hf.py --only hybrids` writes these figures to
Fixtures/hf_hybrids.json and the configs to Fixtures/hybrids/. All three run the Mamba-2 mixer of `ssm.py` on the
torch path (CPU, no hub kernels): `in_proj` to (z, x, B, C, dt), the depthwise `conv1d` over x, B and C, the
chunked SSD scan's five einsums (a `bmm` in a cached decode step), the gated RMS norm, `out_proj`.

- Bamba: each layer a Mamba-2 mixer or (at `attn_layer_indices`) grouped-query attention with a half-width rotary,
  then a SwiGLU MLP; two RMSNorms per layer.
- Nemotron-H: each layer ONE block after one RMSNorm -- `M` Mamba-2 (inner `mamba_num_heads x mamba_head_dim`), `*`
  attention (no position encoding), `-` a relu^2 MLP (up, down), `E` a mixture of relu^2 experts (sigmoid router in
  fp32, group-limited top-k, a shared expert, optional latent projections).
- Falcon-H1: each layer attention and a Mamba-2 mixer side by side on one RMSNorm (inner `mamba_d_ssm`; gated norm
  only with `mamba_rms_norm`), then a SwiGLU MLP; the muP multipliers are element-wise (a buffer, not parameters).

Decode: one step after a cached prefill; the hybrid cache goes back in as `past_key_values`.

The hub configs are the architecture fields of the published `config.json` files, written from the model cards and
their published totals, not downloaded here: Bamba-9B's total 9,780,235,392 is IBM's 9.78B, Nemotron-H-8B's
8,100,852,736 NVIDIA's 8.1B, Nemotron-3-Nano-30B-A3B's 31,577,937,344 NVIDIA's 31.6B,
Falcon-H1-7B's 7,585,648,736 TII's 7.59B -- asserted below as they are computed here,
with the caveat that the config fields were not re-read from the hub for this fixture.
"""
from . import ssm

null, true, false = None, True, False  # JSON literals spelled as in the hub files

MODEL_TYPES = ("bamba", "nemotron_h", "falcon_h1")

REAL = {
    # https://huggingface.co/ibm-ai-platform/Bamba-9B/blob/main/config.json (architecture fields): attention at
    # layers 9, 18 and 27 of 32, 128 Mamba-2 heads of 64, one group, d_state 128.
    "bamba-9b": {
        "architectures": ["BambaForCausalLM"], "model_type": "bamba", "attn_layer_indices": [9, 18, 27],
        "hidden_act": "silu", "hidden_size": 4096, "intermediate_size": 14336, "mamba_chunk_size": 256,
        "mamba_conv_bias": true, "mamba_d_conv": 4, "mamba_d_head": 64, "mamba_d_state": 128, "mamba_expand": 2,
        "mamba_n_groups": 1, "mamba_n_heads": 128, "mamba_proj_bias": false, "max_position_embeddings": 262144,
        "num_attention_heads": 32, "num_hidden_layers": 32, "num_key_value_heads": 8, "rms_norm_eps": 1e-05,
        "tie_word_embeddings": false, "vocab_size": 128256,
    },
    # https://huggingface.co/nvidia/Nemotron-H-8B-Base-8K/blob/main/config.json (architecture fields): 24 Mamba-2,
    # 4 attention and 24 relu^2 MLP layers; the hub file names the head width `attention_head_dim`, which
    # NemotronHConfig does not read (its `head_dim` keeps the class default 128, the same width here).
    "nemotron-h-8b": {
        "architectures": ["NemotronHForCausalLM"], "model_type": "nemotron_h", "attention_bias": false,
        "attention_head_dim": 128, "chunk_size": 128, "conv_kernel": 4, "expand": 2, "hidden_size": 4096,
        "hybrid_override_pattern": "M-M-M-M*-M-M-M-M-M*-M-M-M-M-M*-M-M-M-M-M*-M-M-M-M-M-",
        "intermediate_size": 21504, "layer_norm_epsilon": 1e-05, "mamba_head_dim": 64, "mamba_hidden_act": "silu",
        "mamba_num_heads": 128, "mamba_proj_bias": false, "max_position_embeddings": 8192, "mlp_bias": false,
        "mlp_hidden_act": "relu2", "n_groups": 8, "num_attention_heads": 32, "num_hidden_layers": 52,
        "num_key_value_heads": 8, "ssm_state_size": 128, "tie_word_embeddings": false, "use_bias": false,
        "use_conv_bias": true, "vocab_size": 131072,
    },
    # https://huggingface.co/nvidia/NVIDIA-Nemotron-3-Nano-30B-A3B-BF16/blob/main/config.json (architecture
    # fields): Mamba-2 and MoE layers (128 relu^2 experts, top 6, shared expert 3712) with 6 attention layers.
    "nemotron-3-nano-30b-a3b": {
        "architectures": ["NemotronHForCausalLM"], "model_type": "nemotron_h", "attention_bias": false,
        "chunk_size": 128, "conv_kernel": 4, "head_dim": 128, "hidden_size": 2688,
        "hybrid_override_pattern": "MEMEM*EMEMEM*EMEMEM*EMEMEM*EMEMEM*EMEMEMEM*EMEMEMEME",
        "intermediate_size": 1856, "layer_norm_epsilon": 1e-05, "mamba_head_dim": 64, "mamba_num_heads": 64,
        "max_position_embeddings": 262144, "mlp_bias": false, "mlp_hidden_act": "relu2",
        "moe_intermediate_size": 1856, "moe_shared_expert_intermediate_size": 3712, "n_group": 1, "n_groups": 8,
        "n_routed_experts": 128, "n_shared_experts": 1, "norm_topk_prob": true, "num_attention_heads": 32,
        "num_experts_per_tok": 6, "num_hidden_layers": 52, "num_key_value_heads": 2, "routed_scaling_factor": 2.5,
        "ssm_state_size": 128, "tie_word_embeddings": false, "topk_group": 1, "use_bias": false,
        "use_conv_bias": true, "vocab_size": 131072,
    },
    # https://huggingface.co/tiiuae/Falcon-H1-7B-Base/blob/main/config.json (architecture fields; the multipliers
    # are element-wise and change no count): 44 layers, attention 12 heads of 128 (2 KV) beside 24 Mamba-2 heads
    # of 128 (d_ssm 3072, d_state 256, one group), SwiGLU 12288.
    "falcon-h1-7b": {
        "architectures": ["FalconH1ForCausalLM"], "model_type": "falcon_h1", "attention_bias": false,
        "head_dim": 128, "hidden_act": "silu", "hidden_size": 3072, "intermediate_size": 12288,
        "mamba_chunk_size": 128, "mamba_conv_bias": true, "mamba_d_conv": 4, "mamba_d_head": 128,
        "mamba_d_ssm": 3072, "mamba_d_state": 256, "mamba_expand": 2, "mamba_n_groups": 1, "mamba_n_heads": 24,
        "mamba_norm_before_gate": false, "mamba_proj_bias": false, "mamba_rms_norm": true,
        "max_position_embeddings": 262144, "mlp_bias": false, "num_attention_heads": 12, "num_hidden_layers": 44,
        "num_key_value_heads": 2, "projectors_bias": false, "rms_norm_eps": 1e-05, "tie_word_embeddings": false,
        "vocab_size": 130048,
    },
}

PUBLISHED = {"bamba-9b": 9780235392, "nemotron-h-8b": 8100852736, "nemotron-3-nano-30b-a3b": 31577937344,
             "falcon-h1-7b": 7585648736}

SMALL = {
    # Bamba: attention at layer 1 of 4, 4 heads of 16 (2 KV), 4 Mamba-2 heads ("auto": 2 * 32 / 4 = 16), 2 groups,
    # chunk 8 (16 tokens: 2 chunks; 37: padded to 40), untied head.
    "bamba-small": {"model_type": "bamba", "vocab_size": 97, "hidden_size": 32, "intermediate_size": 48,
                    "num_hidden_layers": 4, "attn_layer_indices": [1], "num_attention_heads": 4,
                    "num_key_value_heads": 2, "mamba_n_heads": 4, "mamba_d_head": "auto", "mamba_n_groups": 2,
                    "mamba_d_state": 8, "mamba_d_conv": 4, "mamba_expand": 2, "mamba_chunk_size": 8,
                    "tie_word_embeddings": false},
    # Two attention layers of 3, biases everywhere but the conv, kernel 3, chunk 16, tied head.
    "bamba-bias-tied": {"model_type": "bamba", "vocab_size": 89, "hidden_size": 24, "intermediate_size": 40,
                        "num_hidden_layers": 3, "attn_layer_indices": [0, 2], "num_attention_heads": 3,
                        "num_key_value_heads": 3, "mamba_n_heads": 6, "mamba_d_head": 8, "mamba_n_groups": 1,
                        "mamba_d_state": 4, "mamba_d_conv": 3, "mamba_expand": 2, "mamba_chunk_size": 16,
                        "mamba_proj_bias": true, "mamba_conv_bias": false, "attention_bias": true, "mlp_bias": true,
                        "tie_word_embeddings": true},
    # Nemotron-H's four single-block kinds but experts: Mamba-2, attention (head_dim 8, not 32 / 4), Mamba-2, MLP.
    "nemotron_h-small": {"model_type": "nemotron_h", "vocab_size": 97, "hidden_size": 32,
                         "hybrid_override_pattern": "M*M-", "num_attention_heads": 4, "num_key_value_heads": 2,
                         "head_dim": 8, "intermediate_size": 48, "mamba_num_heads": 4, "mamba_head_dim": 16,
                         "n_groups": 2, "ssm_state_size": 8, "conv_kernel": 4, "chunk_size": 8,
                         "tie_word_embeddings": false},
    # Every kind with experts: 4 relu^2 experts (top 2) in 2 router groups, shared expert 20, biases on the mixer
    # projections and the MLPs, no conv bias, kernel 3, chunk 16, explicit layers_block_type.
    "nemotron_h-moe": {"model_type": "nemotron_h", "vocab_size": 89, "hidden_size": 24,
                       "layers_block_type": ["linear_attention", "moe", "full_attention", "moe", "linear_attention",
                                             "mlp"],
                       "num_attention_heads": 3, "num_key_value_heads": 1, "head_dim": 8, "intermediate_size": 40,
                       "mamba_num_heads": 6, "mamba_head_dim": 8, "n_groups": 3, "ssm_state_size": 4,
                       "conv_kernel": 3, "chunk_size": 16, "use_bias": true, "use_conv_bias": false,
                       "mlp_bias": true, "n_routed_experts": 4, "num_experts_per_tok": 2, "moe_intermediate_size": 16,
                       "moe_shared_expert_intermediate_size": 20, "n_group": 2, "topk_group": 1,
                       "routed_scaling_factor": 2.5, "tie_word_embeddings": false},
    # Experts behind latent projections (24 -> 12 -> 24), pattern spelling, tied flag (Nemotron-H never ties).
    "nemotron_h-latent": {"model_type": "nemotron_h", "vocab_size": 97, "hidden_size": 24,
                          "hybrid_override_pattern": "ME*E", "num_attention_heads": 2, "num_key_value_heads": 2,
                          "head_dim": 12, "intermediate_size": 40, "mamba_num_heads": 4, "mamba_head_dim": 12,
                          "n_groups": 2, "ssm_state_size": 8, "conv_kernel": 4, "chunk_size": 8,
                          "n_routed_experts": 6, "num_experts_per_tok": 2, "moe_intermediate_size": 10,
                          "moe_shared_expert_intermediate_size": 14, "moe_latent_size": 12, "n_group": 1,
                          "topk_group": 1, "tie_word_embeddings": true},
    # Falcon-H1 with the gated norm: d_ssm 48 (not expand * hidden), 6 heads ("auto": 8), 2 groups, head_dim 8,
    # multipliers away from 1, untied head.
    "falcon_h1-small": {"model_type": "falcon_h1", "vocab_size": 97, "hidden_size": 32, "intermediate_size": 48,
                        "num_hidden_layers": 2, "num_attention_heads": 4, "num_key_value_heads": 2, "head_dim": 8,
                        "mamba_d_ssm": 48, "mamba_n_heads": 6, "mamba_d_head": "auto", "mamba_n_groups": 2,
                        "mamba_d_state": 8, "mamba_d_conv": 4, "mamba_expand": 2, "mamba_chunk_size": 8,
                        "mamba_rms_norm": true, "mamba_norm_before_gate": false, "key_multiplier": 0.5,
                        "ssm_multipliers": [0.5, 1.5, 0.25, 2.0, 0.75], "mlp_multipliers": [0.5, 2.0],
                        "attention_in_multiplier": 0.5, "attention_out_multiplier": 1.5, "ssm_in_multiplier": 0.25,
                        "ssm_out_multiplier": 2.0, "embedding_multiplier": 3.0, "lm_head_multiplier": 0.5,
                        "tie_word_embeddings": false},
    # No gated norm (the gate is element-wise), d_ssm null (expand * hidden = 48), biases on both projectors, in_proj
    # and attention, no conv bias, kernel 3, chunk 16, head width hidden / heads, tied head.
    "falcon_h1-no-norm": {"model_type": "falcon_h1", "vocab_size": 89, "hidden_size": 24, "intermediate_size": 40,
                          "num_hidden_layers": 3, "num_attention_heads": 3, "num_key_value_heads": 1,
                          "mamba_d_ssm": null, "mamba_n_heads": 4, "mamba_d_head": 12, "mamba_n_groups": 1,
                          "mamba_d_state": 4, "mamba_d_conv": 3, "mamba_expand": 2, "mamba_chunk_size": 16,
                          "mamba_rms_norm": false, "mamba_proj_bias": true, "projectors_bias": true,
                          "attention_bias": true, "mamba_conv_bias": false, "tie_word_embeddings": true},
}

PREFILL_SHAPES = [(1, 16), (2, 16), (1, 37), (2, 37)]


def buildable(cfg):
    """The dict transformers builds: the config itself."""
    return dict(cfg)


FIXTURE = "hf_hybrids.json"
CONFIG_DIR = "hybrids"
GENERATOR = "scripts/hf-reference/count_hf.py --only hybrids"
METHOD = ("meta-device build for the hub configs (parameters); CPU build of the small ones on the torch "
          "path (no hub kernels: Mamba-2's chunked SSD, eager attention, eager experts), FlopCounterMode totals")
RECORD_EXPERTS = False


def experts_for(cfg):
    """Only Nemotron-H has experts (and the switch)."""
    return "eager" if cfg["model_type"] == "nemotron_h" else None


decode = ssm.decode
