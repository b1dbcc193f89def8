"""Qwen3-Next (`model_type: qwen3_next`, Qwen3NextForCausalLM in transformers 5.23): a hybrid of Gated DeltaNet
linear-attention layers and gated full-attention layers (`layer_types`, or every `full_attention_interval`-th
layer), each with a mixture of experts (a gated shared expert beside the routed ones) or a dense MLP
(`mlp_only_layers`, `decoder_sparse_step`).

Its own fixture (hfref/own.py; `count_hf.py --only qwen3next`): figures in Fixtures/hf_qwen3next.json, configs in
Fixtures/qwen3next/. What FlopCounterMode sees on CPU (no `flash-linear-attention`, no `causal-conv1d`: the torch
fallbacks run):

- Linear-attention layers: `in_proj_qkvz`, `in_proj_ba`, the depthwise `conv1d` over q, k and v (padding
  `kernel - 1`: `seq + kernel - 1` outputs per channel; two outputs in a cached one-token step), `out_proj`; and
  `torch_chunk_gated_delta_rule`'s `bmm`s over the sequence padded to a multiple of 64, per value head (the key
  heads are repeated): per chunk `k_beta @ k^T` and `q @ k^T` (64 x 64 x dk each), the two reads of the carried
  state (64 x dk x dv each), `intra @ v_new` (64 x 64 x dv) and the state update (dk x 64 x dv). Its two
  `linalg.solve_triangular` calls are not counted; their backward is (one `bmm` each, 64 x 64 x dk and x dv).
  The cached one-token step runs `torch_recurrent_gated_delta_rule`: element-wise only, nothing counted.
- Full-attention layers: `q_proj` to twice the query width (the output gate), `k_proj`, `v_proj`, eager scores and
  attention x values, `o_proj`; the gate, q/k norms and rotary are element-wise.
- Training: every product as usual except the delta rule's: the zero initial state and the final state (which no
  loss reads) need no gradient, and the triangular solves add their `bmm`s (see the Swift side, `StackPass`).
"""
null, true, false = None, True, False  # JSON literals spelled as in the hub files

MODEL_TYPES = ("qwen3_next",)

# Architecture fields of https://huggingface.co/Qwen/Qwen3-Next-80B-A3B-Instruct/blob/main/config.json (the -Thinking
# and -Base configs have the same architecture).
REAL = {
    "qwen3-next-80b-a3b": {
        "architectures": ["Qwen3NextForCausalLM"], "attention_bias": false, "attention_dropout": 0.0,
        "bos_token_id": 151643, "decoder_sparse_step": 1, "eos_token_id": 151645, "full_attention_interval": 4,
        "head_dim": 256, "hidden_act": "silu", "hidden_size": 2048, "initializer_range": 0.02,
        "intermediate_size": 5120, "linear_conv_kernel_dim": 4, "linear_key_head_dim": 128,
        "linear_num_key_heads": 16, "linear_num_value_heads": 32, "linear_value_head_dim": 128,
        "max_position_embeddings": 262144, "mlp_only_layers": [], "model_type": "qwen3_next",
        "moe_intermediate_size": 512, "norm_topk_prob": true, "num_attention_heads": 16, "num_experts": 512,
        "num_experts_per_tok": 10, "num_hidden_layers": 48, "num_key_value_heads": 2, "output_router_logits": false,
        "partial_rotary_factor": 0.25, "rms_norm_eps": 1e-06, "rope_scaling": null, "rope_theta": 10000000,
        "router_aux_loss_coef": 0.001, "shared_expert_intermediate_size": 512, "tie_word_embeddings": false,
        "torch_dtype": "bfloat16", "use_cache": true, "use_sliding_window": false, "vocab_size": 151936,
    },
    # Every class default (48 layers of width 2048, 512 experts of 512, intermediate_size 5632).
    "qwen3_next-class-defaults": {"model_type": "qwen3_next"},
}

# The published total (issue 16; the model card's "80B total, 3B activated"), as transformers builds it: without the
# checkpoint's multi-token-prediction weights (`mtp.*`, ignored on load).
PUBLISHED = {"qwen3-next-80b-a3b": 79674391296}


def _small(**kw):
    base = {"model_type": "qwen3_next", "vocab_size": 97, "hidden_size": 32, "num_hidden_layers": 4,
            "num_attention_heads": 4, "num_key_value_heads": 2, "head_dim": 8, "intermediate_size": 40,
            "linear_num_key_heads": 2, "linear_num_value_heads": 4, "linear_key_head_dim": 8,
            "linear_value_head_dim": 12, "linear_conv_kernel_dim": 4, "num_experts": 4, "num_experts_per_tok": 2,
            "moe_intermediate_size": 16, "shared_expert_intermediate_size": 24, "max_position_embeddings": 512,
            "tie_word_embeddings": false}
    base.update(kw)
    return base


SMALL = {
    # The hub layout at a small width: three linear-attention layers then one full-attention layer, every layer
    # MoE; two value heads per key head, key and value heads of different widths.
    "qwen3_next-small": _small(),
    # Listed layer types (two full-attention layers), dense MLPs on layer 1 (mlp_only_layers) and on the odd-numbered
    # ones (decoder_sparse_step 2), attention biases, kernel 3, as many value heads as key heads, a half-rotary head,
    # a tied head.
    "qwen3_next-mixed": _small(num_hidden_layers=5, layer_types=["full_attention", "linear_attention",
                                                                 "linear_attention", "full_attention",
                                                                 "linear_attention"],
                               mlp_only_layers=[1], decoder_sparse_step=2, attention_bias=true,
                               linear_conv_kernel_dim=3, linear_num_key_heads=3, linear_num_value_heads=3,
                               linear_key_head_dim=16, linear_value_head_dim=8, partial_rotary_factor=0.5,
                               num_experts=3, num_experts_per_tok=1, tie_word_embeddings=true),
    # No experts at all (num_experts 0: every layer dense), full attention every second layer.
    "qwen3_next-dense": _small(num_hidden_layers=4, full_attention_interval=2, num_experts=0,
                               linear_num_key_heads=1, linear_num_value_heads=2),
}

# Lengths within one chunk of 64, exactly one, and two and three chunks (padded).
PREFILL_SHAPES = [(1, 16), (2, 16), (1, 37), (2, 37), (1, 64), (1, 100), (2, 130)]
# (batch, context): one step after a cached prefill, the last past a chunk.
DECODE_SHAPES = [(1, 16), (3, 5), (2, 70)]
# The usual four, and two spanning several chunks (the carried state's gradients).
TRAIN_SHAPES = [(1, 16), (1, 37), (2, 16), (2, 37), (1, 100), (2, 130)]
EXPERTS = "eager"
BUILD_FOR_TRAIN = True

FIXTURE, CONFIG_DIR = "hf_qwen3next.json", "qwen3next"
GENERATOR = "scripts/hf-reference/count_hf.py --only qwen3next"
METHOD = ("meta-device build for the hub configs (parameters); CPU build with eager attention, "
          "experts_implementation='eager' and the torch fallbacks of the gated delta rule and causal conv1d "
          "(no flash-linear-attention, no causal-conv1d) for the small ones, FlopCounterMode totals")


def buildable(cfg):
    """The dict transformers builds: the config itself."""
    return dict(cfg)
