"""Mixture-of-experts decoders: Mixtral here; Qwen2/3-MoE, OLMoE and Phi-MoE in the measured fixtures.

Quirk: transformers' default experts path (grouped_mm) has no FlopCounterMode formula, so the experts are counted
again through `experts_implementation='batched_mm'` (and 'eager' on CPU) under their own keys.
"""
import torch

from ..common import build
from ..phases import decode, prefill
from .llama import rotary_random_kwargs

null, true, false = None, True, False  # JSON literals spelled as in the hub files

MODEL_TYPES = ("mixtral", "qwen2_moe", "qwen3_moe", "olmoe", "phimoe")
# grouped_mm cannot run float32 on meta, so the CPU == meta cross-check compares this path.
CROSS_CHECK_EXPERTS = "batched_mm"

REAL = {
    "mixtral-8x7b": {
        "architectures": ["MixtralForCausalLM"],
        "attention_dropout": 0.0,
        "bos_token_id": 1,
        "eos_token_id": 2,
        "hidden_act": "silu",
        "hidden_size": 4096,
        "initializer_range": 0.02,
        "intermediate_size": 14336,
        "max_position_embeddings": 32768,
        "model_type": "mixtral",
        "num_attention_heads": 32,
        "num_experts_per_tok": 2,
        "num_hidden_layers": 32,
        "num_key_value_heads": 8,
        "num_local_experts": 8,
        "output_router_logits": false,
        "rms_norm_eps": 1e-05,
        "rope_theta": 1000000.0,
        "router_aux_loss_coef": 0.02,
        "sliding_window": null,
        "tie_word_embeddings": false,
        "torch_dtype": "bfloat16",
        "transformers_version": "4.36.0.dev0",
        "use_cache": true,
        "vocab_size": 32000,
    },
}

RANDOM = {"mixtral": rotary_random_kwargs}

MIXTRAL_NOTE = (
    "MoE: transformers' default experts_implementation here is 'grouped_mm' (torch._grouped_mm / "
    "F.grouped_mm); torch %s FlopCounterMode has no formula for it, so `prefill`/`decode` contain NO expert "
    "FLOPs (only attention, router gate and lm_head). `prefill_experts_batched_mm`/`decode_experts_batched_mm` "
    "rebuild the model with experts_implementation='batched_mm' (one torch.bmm per routed token-expert pair, "
    "counted as aten.bmm): that is the top-k routed expert compute (2*tokens*k*3*hidden*intermediate)."
    % torch.__version__.split("+")[0])


def experts_passes(entry, model, cfg_dict, device, vocab, enc_dec):
    entry["experts_implementation"] = model.config._experts_implementation
    # Same model with the data-independent batched_mm experts path (torch.bmm per routed token-expert
    # pair): FlopCounterMode sees these. On CPU also the eager (per-expert loop, F.linear) path.
    impls = ["batched_mm"] + (["eager"] if device == "cpu" else [])
    for impl in impls:
        mx = build(cfg_dict, device, experts=impl)
        entry["prefill_experts_" + impl] = prefill(mx, device, vocab, enc_dec)
        entry["decode_experts_" + impl] = decode(mx, device, vocab, enc_dec)
        del mx

from .llama import more_random_kwargs  # noqa: E402

RANDOM.update({"qwen2_moe": more_random_kwargs, "olmoe": more_random_kwargs})
