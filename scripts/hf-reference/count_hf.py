"""Real Hugging Face config.json contents (field values of the published hub files).

Written out verbatim (key order preserved) to Tests/WorkloadTests/Fixtures/configs/<name>.json
by count_hf.py. JSON literals are spelled as in the files (null/true/false aliases below).
"""
null, true, false = None, True, False

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


def _llama2(hidden, inter, heads, layers, kv):
    return {
        "_name_or_path": "meta-llama/Llama-2-%s-hf" % {4096: "7b", 5120: "13b", 8192: "70b"}[hidden],
        "architectures": ["LlamaForCausalLM"],
        "bos_token_id": 1,
        "eos_token_id": 2,
        "hidden_act": "silu",
        "hidden_size": hidden,
        "initializer_range": 0.02,
        "intermediate_size": inter,
        "max_position_embeddings": 4096,
        "model_type": "llama",
        "num_attention_heads": heads,
        "num_hidden_layers": layers,
        "num_key_value_heads": kv,
        "pretraining_tp": 1,
        "rms_norm_eps": 1e-05,
        "rope_scaling": null,
        "rope_theta": 10000.0,
        "tie_word_embeddings": false,
        "torch_dtype": "float16",
        "transformers_version": "4.32.0.dev0",
        "use_cache": true,
        "vocab_size": 32000,
    }


def _llama3(hidden, inter, heads, layers):
    return {
        "architectures": ["LlamaForCausalLM"],
        "attention_bias": false,
        "attention_dropout": 0.0,
        "bos_token_id": 128000,
        "eos_token_id": 128001,
        "hidden_act": "silu",
        "hidden_size": hidden,
        "initializer_range": 0.02,
        "intermediate_size": inter,
        "max_position_embeddings": 8192,
        "model_type": "llama",
        "num_attention_heads": heads,
        "num_hidden_layers": layers,
        "num_key_value_heads": 8,
        "pretraining_tp": 1,
        "rms_norm_eps": 1e-05,
        "rope_scaling": null,
        "rope_theta": 500000.0,
        "tie_word_embeddings": false,
        "torch_dtype": "bfloat16",
        "transformers_version": "4.40.0.dev0",
        "use_cache": true,
        "vocab_size": 128256,
    }


def _gemma(head_dim, hidden, inter, heads, layers, kv):
    return {
        "architectures": ["GemmaForCausalLM"],
        "attention_bias": false,
        "attention_dropout": 0.0,
        "bos_token_id": 2,
        "eos_token_id": 1,
        "head_dim": head_dim,
        "hidden_act": "gelu",
        "hidden_size": hidden,
        "initializer_range": 0.02,
        "intermediate_size": inter,
        "max_position_embeddings": 8192,
        "model_type": "gemma",
        "num_attention_heads": heads,
        "num_hidden_layers": layers,
        "num_key_value_heads": kv,
        "pad_token_id": 0,
        "rms_norm_eps": 1e-06,
        "rope_scaling": null,
        "rope_theta": 10000.0,
        "torch_dtype": "bfloat16",
        "transformers_version": "4.38.0.dev0",
        "use_cache": true,
        "vocab_size": 256000,
    }


def _qwen2(hidden, inter, heads, layers, kv, window_layers, tie, version):
    return {
        "architectures": ["Qwen2ForCausalLM"],
        "attention_dropout": 0.0,
        "bos_token_id": 151643,
        "eos_token_id": 151643,
        "hidden_act": "silu",
        "hidden_size": hidden,
        "initializer_range": 0.02,
        "intermediate_size": inter,
        "max_position_embeddings": 131072,
        "max_window_layers": window_layers,
        "model_type": "qwen2",
        "num_attention_heads": heads,
        "num_hidden_layers": layers,
        "num_key_value_heads": kv,
        "rms_norm_eps": 1e-06,
        "rope_theta": 1000000.0,
        "sliding_window": 131072,
        "tie_word_embeddings": tie,
        "torch_dtype": "bfloat16",
        "transformers_version": version,
        "use_cache": true,
        "use_sliding_window": false,
        "vocab_size": 151936 if tie else 152064,
    }


def _neox(hidden, inter, heads, layers, act, vocab, version):
    return {
        "architectures": ["GPTNeoXForCausalLM"],
        "bos_token_id": 0,
        "eos_token_id": 0,
        "hidden_act": act,
        "hidden_size": hidden,
        "initializer_range": 0.02,
        "intermediate_size": inter,
        "layer_norm_eps": 1e-05,
        "max_position_embeddings": 2048,
        "model_type": "gpt_neox",
        "num_attention_heads": heads,
        "num_hidden_layers": layers,
        "rotary_emb_base": 10000,
        "rotary_pct": 0.25,
        "tie_word_embeddings": false,
        "torch_dtype": "float16",
        "transformers_version": version,
        "use_cache": true,
        "use_parallel_residual": true,
        "vocab_size": vocab,
    }


def _opt(name, hidden, ffn, heads, layers, proj, pre_ln):
    return {
        "_name_or_path": name,
        "_remove_final_layer_norm": false,
        "activation_dropout": 0.0,
        "activation_function": "relu",
        "architectures": ["OPTForCausalLM"],
        "attention_dropout": 0.0,
        "bos_token_id": 2,
        "do_layer_norm_before": pre_ln,
        "dropout": 0.1,
        "eos_token_id": 2,
        "ffn_dim": ffn,
        "hidden_size": hidden,
        "init_std": 0.02,
        "layerdrop": 0.0,
        "max_position_embeddings": 2048,
        "model_type": "opt",
        "num_attention_heads": heads,
        "num_hidden_layers": layers,
        "pad_token_id": 1,
        "prefix": "</s>",
        "torch_dtype": "float16",
        "transformers_version": "4.21.0.dev0",
        "use_cache": true,
        "vocab_size": 50272,
        "word_embed_proj_dim": proj,
    }


_FALCON_AUTO_MAP = {
    "AutoConfig": "configuration_falcon.FalconConfig",
    "AutoModel": "modeling_falcon.FalconModel",
    "AutoModelForSequenceClassification": "modeling_falcon.FalconForSequenceClassification",
    "AutoModelForTokenClassification": "modeling_falcon.FalconForTokenClassification",
    "AutoModelForQuestionAnswering": "modeling_falcon.FalconForQuestionAnswering",
    "AutoModelForCausalLM": "modeling_falcon.FalconForCausalLM",
}


def _bert(hidden, inter, heads, layers):
    return {
        "architectures": ["BertForMaskedLM"],
        "attention_probs_dropout_prob": 0.1,
        "gradient_checkpointing": false,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "hidden_size": hidden,
        "initializer_range": 0.02,
        "intermediate_size": inter,
        "layer_norm_eps": 1e-12,
        "max_position_embeddings": 512,
        "model_type": "bert",
        "num_attention_heads": heads,
        "num_hidden_layers": layers,
        "pad_token_id": 0,
        "position_embedding_type": "absolute",
        "transformers_version": "4.6.0.dev0",
        "type_vocab_size": 2,
        "use_cache": true,
        "vocab_size": 30522,
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
    "gpt2": _gpt2(768, 12, 12),
    "gpt2-medium": _gpt2(1024, 16, 24, extra_before={"n_special": 0, "predict_special_tokens": true}),
    "gpt2-large": _gpt2(1280, 20, 36),
    "gpt2-xl": _gpt2(1600, 25, 48, extra_before={"output_past": true}),
    "llama-2-7b": _llama2(4096, 11008, 32, 32, 32),
    "llama-2-13b": _llama2(5120, 13824, 40, 40, 40),
    "llama-2-70b": _llama2(8192, 28672, 64, 80, 8),
    "llama-3-8b": _llama3(4096, 14336, 32, 32),
    "llama-3-70b": _llama3(8192, 28672, 64, 80),
    "llama-3.1-8b": {
        "architectures": ["LlamaForCausalLM"],
        "attention_bias": false,
        "attention_dropout": 0.0,
        "bos_token_id": 128000,
        "eos_token_id": 128001,
        "hidden_act": "silu",
        "hidden_size": 4096,
        "initializer_range": 0.02,
        "intermediate_size": 14336,
        "max_position_embeddings": 131072,
        "mlp_bias": false,
        "model_type": "llama",
        "num_attention_heads": 32,
        "num_hidden_layers": 32,
        "num_key_value_heads": 8,
        "pretraining_tp": 1,
        "rms_norm_eps": 1e-05,
        "rope_scaling": {
            "factor": 8.0,
            "low_freq_factor": 1.0,
            "high_freq_factor": 4.0,
            "original_max_position_embeddings": 8192,
            "rope_type": "llama3",
        },
        "rope_theta": 500000.0,
        "tie_word_embeddings": false,
        "torch_dtype": "bfloat16",
        "transformers_version": "4.43.0.dev0",
        "use_cache": true,
        "vocab_size": 128256,
    },
    "llama-3.2-1b": {
        "architectures": ["LlamaForCausalLM"],
        "attention_bias": false,
        "attention_dropout": 0.0,
        "bos_token_id": 128000,
        "eos_token_id": 128001,
        "head_dim": 64,
        "hidden_act": "silu",
        "hidden_size": 2048,
        "initializer_range": 0.02,
        "intermediate_size": 8192,
        "max_position_embeddings": 131072,
        "mlp_bias": false,
        "model_type": "llama",
        "num_attention_heads": 32,
        "num_hidden_layers": 16,
        "num_key_value_heads": 8,
        "pretraining_tp": 1,
        "rms_norm_eps": 1e-05,
        "rope_scaling": {
            "factor": 32.0,
            "high_freq_factor": 4.0,
            "low_freq_factor": 1.0,
            "original_max_position_embeddings": 8192,
            "rope_type": "llama3",
        },
        "rope_theta": 500000.0,
        "tie_word_embeddings": true,
        "torch_dtype": "bfloat16",
        "transformers_version": "4.45.0.dev0",
        "use_cache": true,
        "vocab_size": 128256,
    },
    "mistral-7b": {
        "architectures": ["MistralForCausalLM"],
        "bos_token_id": 1,
        "eos_token_id": 2,
        "hidden_act": "silu",
        "hidden_size": 4096,
        "initializer_range": 0.02,
        "intermediate_size": 14336,
        "max_position_embeddings": 32768,
        "model_type": "mistral",
        "num_attention_heads": 32,
        "num_hidden_layers": 32,
        "num_key_value_heads": 8,
        "rms_norm_eps": 1e-05,
        "rope_theta": 10000.0,
        "sliding_window": 4096,
        "tie_word_embeddings": false,
        "torch_dtype": "bfloat16",
        "transformers_version": "4.34.0.dev0",
        "use_cache": true,
        "vocab_size": 32000,
    },
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
    "qwen2-7b": _qwen2(3584, 18944, 28, 28, 4, 28, false, "4.37.2"),
    "qwen2-0.5b": _qwen2(896, 4864, 14, 24, 2, 24, true, "4.40.1"),
    "gemma-2b": _gemma(256, 2048, 16384, 8, 18, 1),
    "gemma-7b": _gemma(256, 3072, 24576, 16, 28, 16),
    "phi-2": {
        "_name_or_path": "microsoft/phi-2",
        "architectures": ["PhiForCausalLM"],
        "attention_dropout": 0.0,
        "bos_token_id": 50256,
        "embd_pdrop": 0.0,
        "eos_token_id": 50256,
        "hidden_act": "gelu_new",
        "hidden_size": 2560,
        "initializer_range": 0.02,
        "intermediate_size": 10240,
        "layer_norm_eps": 1e-05,
        "max_position_embeddings": 2048,
        "model_type": "phi",
        "num_attention_heads": 32,
        "num_hidden_layers": 32,
        "num_key_value_heads": 32,
        "partial_rotary_factor": 0.4,
        "qk_layernorm": false,
        "resid_pdrop": 0.1,
        "rope_scaling": null,
        "rope_theta": 10000.0,
        "tie_word_embeddings": false,
        "torch_dtype": "float16",
        "transformers_version": "4.37.0",
        "use_cache": true,
        "vocab_size": 51200,
    },
    "gpt-neox-20b": _neox(6144, 24576, 64, 44, "gelu_fast", 50432, "4.23.0.dev0"),
    "pythia-160m": _neox(768, 3072, 12, 12, "gelu", 50304, "4.24.0"),
    "opt-125m": _opt("facebook/opt-125m", 768, 3072, 12, 12, 768, true),
    "opt-350m": _opt("facebook/opt-350m", 1024, 4096, 16, 24, 512, false),
    "opt-1.3b": _opt("facebook/opt-1.3b", 2048, 8192, 32, 24, 2048, true),
    "falcon-7b": {
        "alibi": false,
        "apply_residual_connection_post_layernorm": false,
        "architectures": ["FalconForCausalLM"],
        "attention_dropout": 0.0,
        "auto_map": _FALCON_AUTO_MAP,
        "bias": false,
        "bos_token_id": 11,
        "eos_token_id": 11,
        "hidden_dropout": 0.0,
        "hidden_size": 4544,
        "initializer_range": 0.02,
        "layer_norm_epsilon": 1e-05,
        "model_type": "falcon",
        "multi_query": true,
        "new_decoder_architecture": false,
        "num_attention_heads": 71,
        "num_hidden_layers": 32,
        "parallel_attn": true,
        "torch_dtype": "bfloat16",
        "transformers_version": "4.27.4",
        "use_cache": true,
        "vocab_size": 65024,
    },
    "falcon-40b": {
        "alibi": false,
        "apply_residual_connection_post_layernorm": false,
        "architectures": ["FalconForCausalLM"],
        "attention_dropout": 0.0,
        "auto_map": _FALCON_AUTO_MAP,
        "bias": false,
        "bos_token_id": 11,
        "eos_token_id": 11,
        "hidden_dropout": 0.0,
        "hidden_size": 8192,
        "initializer_range": 0.02,
        "layer_norm_epsilon": 1e-05,
        "model_type": "falcon",
        "new_decoder_architecture": true,
        "num_attention_heads": 128,
        "num_hidden_layers": 60,
        "num_kv_heads": 8,
        "parallel_attn": true,
        "torch_dtype": "bfloat16",
        "transformers_version": "4.27.4",
        "use_cache": true,
        "vocab_size": 65024,
    },
    "bert-base-uncased": _bert(768, 3072, 12, 12),
    "bert-large-uncased": _bert(1024, 4096, 16, 24),
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


# ----------------------------------------------------------------------------------------------
# Counting
# ----------------------------------------------------------------------------------------------
import argparse
import copy
import json
import os
import random
import sys
import time
import traceback
import warnings

import torch
import transformers
import transformers.masking_utils as _masking_utils
from torch.utils.flop_counter import FlopCounterMode
from transformers import (AutoModelForCausalLM, BartForConditionalGeneration, BertModel,
                          T5ForConditionalGeneration)
from transformers.models.auto.configuration_auto import CONFIG_MAPPING

warnings.filterwarnings("ignore")
transformers.logging.set_verbosity_error()

# On the meta device the mask helper's data-dependent check for packed sequences
# (`(mask[:, -1] == 0).all()` -> .item()) cannot run. Treat meta tensors like the traced
# (torch.compile / FakeTensor) case, which skips the check. This only affects mask construction
# (no matmuls); it is validated by the CPU == meta cross-check on every tiny random config.
_orig_is_tracing = _masking_utils.is_tracing


def _is_tracing(tensor=None):
    return _orig_is_tracing(tensor) or (isinstance(tensor, torch.Tensor) and tensor.is_meta)


_masking_utils.is_tracing = _is_tracing

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
FIX = os.path.join(REPO, "Tests", "WorkloadTests", "Fixtures")
OUT = os.path.join(FIX, "hf_reference.json")

ENC_DEC = {"t5", "bart"}
PREFILL_SHAPES = [(1, 128), (2, 37)]
PREFILL_SHAPES_ED = [(1, 32, 8), (2, 17, 5)]
DECODE_SHAPES = [(1, 16), (3, 5)]
DECODE_ENCODER_SEQ = 17


def model_class(model_type):
    if model_type == "bert":
        return BertModel
    if model_type == "t5":
        return T5ForConditionalGeneration
    if model_type == "bart":
        return BartForConditionalGeneration
    return AutoModelForCausalLM


def make_config(cfg_dict):
    d = copy.deepcopy(cfg_dict)
    # auto_map points at remote code; the in-library class is what we want.
    d.pop("auto_map", None)
    return CONFIG_MAPPING[d["model_type"]].from_dict(d)


def build(cfg_dict, device, seed=0, experts=None):
    config = make_config(cfg_dict)
    torch.manual_seed(seed)
    kw = {"attn_implementation": "eager"}
    if experts:
        kw["experts_implementation"] = experts
    with torch.device(device):
        cls = model_class(config.model_type)
        if cls is AutoModelForCausalLM:
            model = cls.from_config(config, **kw)
        else:  # concrete classes: the same path AutoModel.from_config takes
            model = cls._from_config(config, **kw)
    model.eval()
    return model


def ops(fc):
    return {str(k): int(v) for k, v in sorted(fc.get_flop_counts()["Global"].items(), key=lambda kv: str(kv[0]))}


def count(fn):
    with FlopCounterMode(display=False) as fc:
        fn()
    return int(fc.get_total_flops()), ops(fc)


def ids(batch, seq, device, vocab):
    g = torch.Generator().manual_seed(batch * 1000 + seq)
    x = torch.randint(3, max(4, min(vocab, 90)), (batch, seq), generator=g)
    return x.to(device)


def n_params(model):
    return int(sum(p.numel() for p in model.parameters()))


def prefill(model, device, vocab, enc_dec, shapes=None):
    res = []
    if enc_dec:
        for b, s, ds in (shapes or PREFILL_SHAPES_ED):
            enc, dec = ids(b, s, device, vocab), ids(b, ds, device, vocab)
            with torch.no_grad():
                f, o = count(lambda: model(input_ids=enc, decoder_input_ids=dec, use_cache=False))
            res.append({"batch": b, "seq": s, "decoder_seq": ds, "flops": f, "by_operator": o})
    else:
        for b, s in (shapes or PREFILL_SHAPES):
            x = ids(b, s, device, vocab)
            with torch.no_grad():
                f, o = count(lambda: model(input_ids=x, use_cache=False))
            res.append({"batch": b, "seq": s, "flops": f, "by_operator": o})
    return res


def decode(model, device, vocab, enc_dec):
    res = []
    for b, ctx in DECODE_SHAPES:
        with torch.no_grad():
            if enc_dec:
                enc = ids(b, DECODE_ENCODER_SEQ, device, vocab)
                eo = model.get_encoder()(input_ids=enc)
                out = model(encoder_outputs=eo, decoder_input_ids=ids(b, ctx, device, vocab), use_cache=True)
                pkv = out.past_key_values
                step = ids(b, 1, device, vocab)
                f, o = count(lambda: model(encoder_outputs=eo, decoder_input_ids=step, past_key_values=pkv,
                                           use_cache=True))
                res.append({"batch": b, "context": ctx, "encoder_seq": DECODE_ENCODER_SEQ, "flops": f,
                            "by_operator": o})
            else:
                out = model(input_ids=ids(b, ctx, device, vocab), use_cache=True)
                pkv = out.past_key_values
                step = ids(b, 1, device, vocab)
                f, o = count(lambda: model(input_ids=step, past_key_values=pkv, use_cache=True))
                res.append({"batch": b, "context": ctx, "flops": f, "by_operator": o})
    return res


def train_counts(model, vocab, enc_dec):
    model.train()
    b, s = 2, 37
    x = ids(b, s, "cpu", vocab)
    kw = dict(input_ids=x, labels=x)
    with torch.no_grad():
        fwd, fwd_ops = count(lambda: model(**kw))

    def step():
        model.zero_grad(set_to_none=True)
        out = model(**kw)
        out.loss.backward()

    tot, tot_ops = count(step)
    model.zero_grad(set_to_none=True)
    model.eval()
    e = {"batch": b, "seq": s, "labels": "input_ids", "flops": tot, "by_operator": tot_ops,
         "forward_flops": fwd, "forward_by_operator": fwd_ops}
    if enc_dec:
        e["decoder_seq"] = s
    return [e]


def generate_counts(model, vocab, enc_dec):
    res = []
    for prompt, n, k in [(12, 6, 1), (12, 6, 4)]:
        x = ids(1, prompt, "cpu", vocab)
        with torch.no_grad():
            f, o = count(lambda: model.generate(x, max_new_tokens=n, min_new_tokens=n, num_beams=k, do_sample=False,
                                                eos_token_id=None, pad_token_id=0))
            out = model.generate(x, max_new_tokens=n, min_new_tokens=n, num_beams=k, do_sample=False,
                                 eos_token_id=None, pad_token_id=0)
        e = {"batch": 1, "prompt": prompt, "max_new_tokens": n, "num_beams": k, "do_sample": False,
             "output_length": int(out.shape[1]), "flops": f, "by_operator": o}
        if enc_dec:
            e = {"batch": 1, "encoder_seq": prompt, **{kk: v for kk, v in e.items() if kk not in ("batch", "prompt")}}
        res.append(e)
    return res


def strip_ops(entries):
    return [{k: v for k, v in e.items() if k != "by_operator"} for e in entries]


def measure(name, cfg_dict, cfg_rel, device, cross_check=False, extra=False, more_prefill=None):
    t0 = time.time()
    mt = cfg_dict["model_type"]
    enc_dec = mt in ENC_DEC
    vocab = cfg_dict["vocab_size"]
    notes = []
    entry = {"name": name, "config": cfg_rel, "model_type": mt}
    model = build(cfg_dict, device)
    entry["model_class"] = type(model).__name__
    entry["parameters"] = n_params(model)
    emb_in, emb_out = model.get_input_embeddings(), model.get_output_embeddings()
    entry["lm_head_tied_to_embedding"] = None if emb_out is None else bool(emb_out.weight is emb_in.weight)
    if mt == "t5" and (cfg_dict.get("tie_word_embeddings") is False or cfg_dict.get("scale_decoder_outputs") is False):
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
        model = build(cfg_dict, device)
    entry["device"] = device
    entry["prefill"] = prefill(model, device, vocab, enc_dec)
    if more_prefill:
        entry["prefill"] += prefill(model, device, vocab, enc_dec, shapes=more_prefill)
    if mt == "bert":
        entry["decode"] = []
        notes.append("BertModel is an encoder (no KV cache): decode not applicable.")
    else:
        try:
            entry["decode"] = decode(model, device, vocab, enc_dec)
        except Exception as ex:  # record, never invent
            entry["decode"] = []
            notes.append("decode failed on %s: %r" % (device, ex))
    if mt == "mixtral":
        entry["experts_implementation"] = model.config._experts_implementation
        # Same model with the data-independent batched_mm experts path (torch.bmm per routed token-expert
        # pair): FlopCounterMode sees these. On CPU also the eager (per-expert loop, F.linear) path.
        impls = ["batched_mm"] + (["eager"] if device == "cpu" else [])
        for impl in impls:
            mx = build(cfg_dict, device, experts=impl)
            entry["prefill_experts_" + impl] = prefill(mx, device, vocab, enc_dec)
            entry["decode_experts_" + impl] = decode(mx, device, vocab, enc_dec)
            del mx
    if cross_check and device == "cpu":
        # Rebuild on meta and compare totals and per-operator counts (validates the meta-device method).
        # Mixtral: grouped_mm cannot run float32 on meta, so the batched_mm path is compared.
        impl = "batched_mm" if mt == "mixtral" else None
        mm = build(cfg_dict, "meta", experts=impl)
        key = "_experts_batched_mm" if impl else ""
        same = n_params(mm) == entry["parameters"]
        same &= prefill(mm, "meta", vocab, enc_dec) == entry["prefill" + key]
        if mt != "bert":
            same &= decode(mm, "meta", vocab, enc_dec) == entry["decode" + key]
        entry["meta_device_matches_cpu"] = bool(same)
        del mm
    if extra:
        entry["train"] = train_counts(model, vocab, enc_dec)
        entry["generate"] = generate_counts(model, vocab, enc_dec)
    entry["notes"] = notes
    del model
    print("%-22s %-10s params=%-14d prefill=%s decode=%s  (%.1fs)" % (
        name, mt, entry["parameters"], [e["flops"] for e in entry["prefill"]],
        [e["flops"] for e in entry["decode"]], time.time() - t0), flush=True)
    return entry


# ----------------------------------------------------------------------------------------------
# Tiny random configs
# ----------------------------------------------------------------------------------------------
RANDOM_TYPES = ["gpt2", "llama", "mistral", "mixtral", "qwen2", "gemma", "phi", "gpt_neox", "opt", "falcon",
                "bert", "t5", "bart"]
N_RANDOM = 6


def _divisors(n, lo=1, hi=None):
    return [d for d in range(lo, (hi or n) + 1) if n % d == 0]


def _heads_and_dim(r, even=False, lo=48, hi=160):
    """(heads, head_dim) with heads*head_dim in [lo, hi]."""
    while True:
        h = r.choice([1, 2, 3, 4, 5, 6, 7, 8, 10, 12])
        hd = r.randint(max(2, -(-lo // h)), hi // h)
        if even and hd % 2:
            continue
        if lo <= h * hd <= hi:
            return h, hd


def random_config(mt, i):
    r = random.Random("%s-%d" % (mt, i))
    vocab = r.randint(97, 1000)
    layers = r.randint(1, 3)
    bit = lambda k: bool((i >> k) & 1)  # deterministic coverage of flags across i = 0..5
    if mt == "gpt2":
        h, hd = _heads_and_dim(r)
        kw = dict(n_embd=h * hd, n_head=h, n_layer=layers, vocab_size=vocab, n_positions=r.randint(160, 300),
                  n_inner=None if i % 2 == 0 else r.randint(50, 400),
                  activation_function=r.choice(["gelu_new", "relu", "gelu"]),
                  tie_word_embeddings=(i % 3 != 0))
    elif mt in ("llama", "mistral", "mixtral", "qwen2", "gemma"):
        h, hd = _heads_and_dim(r, even=True)
        kv = r.choice(_divisors(h))
        hidden = h * hd
        kw = dict(num_attention_heads=h, num_key_value_heads=kv, num_hidden_layers=layers, vocab_size=vocab,
                  intermediate_size=r.randint(50, 300), max_position_embeddings=512,
                  tie_word_embeddings=bit(0))
        explicit_hd = (mt == "gemma") or (mt in ("llama", "mistral", "mixtral") and i % 3 != 0)
        if explicit_hd:
            # LlamaConfig validates hidden % heads == 0 even with an explicit head_dim.
            hidden = h * r.randint(-(-48 // h), 160 // h) if mt == "llama" else r.randint(48, 160)
            if mt == "mixtral":  # grouped_mm (the default experts path) needs 16-byte strides
                hidden = 4 * r.randint(12, 40)
            while True:
                new_hd = 2 * r.randint(4, 40)
                if new_hd * h != hidden and new_hd * h <= 400:
                    break
            kw["head_dim"] = new_hd
        if mt == "mixtral" and not explicit_hd:  # keep hidden % 4 == 0 (grouped_mm strides)
            while hidden % 4:
                h, hd = _heads_and_dim(r, even=True)
                hidden = h * hd
            kw["num_attention_heads"] = h
            kw["num_key_value_heads"] = r.choice(_divisors(h))
        kw["hidden_size"] = hidden
        if mt == "llama":
            kw["attention_bias"] = bit(1)
            kw["mlp_bias"] = bit(0) ^ bit(2)
            if i == 5:
                kw["rope_parameters"] = {"rope_type": "llama3", "rope_theta": 500000.0, "factor": 8.0,
                                         "low_freq_factor": 1.0, "high_freq_factor": 4.0,
                                         "original_max_position_embeddings": 64}
        if mt in ("mistral", "mixtral"):
            kw["sliding_window"] = [None, 4096, None, 4096, 8, None][i] if mt == "mistral" else None
        if mt == "mixtral":
            kw["intermediate_size"] = 4 * r.randint(13, 75)
            kw["num_local_experts"] = r.randint(3, 6)
            kw["num_experts_per_tok"] = 1 + i % 3
        if mt == "gemma":
            kw["hidden_act"] = "gelu_pytorch_tanh"
            kw["hidden_activation"] = "gelu_pytorch_tanh"
    elif mt == "phi":
        while True:
            h, hd = _heads_and_dim(r, even=True)
            prf = [0.25, 0.4, 0.5, 0.75, 1.0, 0.5][i]
            if int(hd * prf) % 2 == 0 and int(hd * prf) > 0:
                break
        kw = dict(hidden_size=h * hd, num_attention_heads=h, num_key_value_heads=r.choice(_divisors(h)),
                  num_hidden_layers=layers, vocab_size=vocab, intermediate_size=r.randint(50, 300),
                  partial_rotary_factor=prf, qk_layernorm=bit(0), tie_word_embeddings=bit(1),
                  max_position_embeddings=512)
    elif mt == "gpt_neox":
        while True:
            h, hd = _heads_and_dim(r, even=True)
            pct = [0.25, 0.5, 1.0, 0.25, 0.75, 0.5][i]
            if int(hd * pct) % 2 == 0 and int(hd * pct) > 0:
                break
        kw = dict(hidden_size=h * hd, num_attention_heads=h, num_hidden_layers=layers, vocab_size=vocab,
                  intermediate_size=r.randint(50, 300), rotary_pct=pct, use_parallel_residual=bit(0),
                  tie_word_embeddings=bit(1), attention_bias=(i != 4), max_position_embeddings=512,
                  hidden_act=r.choice(["gelu", "gelu_fast", "relu"]))
    elif mt == "opt":
        h, hd = _heads_and_dim(r)
        hidden = h * hd
        proj = hidden if i in (0, 3) else r.choice([x for x in range(40, 170) if x != hidden])
        kw = dict(hidden_size=hidden, num_attention_heads=h, num_hidden_layers=layers, vocab_size=vocab,
                  ffn_dim=r.randint(50, 300), word_embed_proj_dim=proj, do_layer_norm_before=bit(0),
                  enable_bias=(i not in (2, 5)), max_position_embeddings=r.randint(160, 300),
                  tie_word_embeddings=(i != 4), pad_token_id=1, bos_token_id=2, eos_token_id=2)
    elif mt == "falcon":
        variants = [
            dict(multi_query=True, new_decoder_architecture=False, parallel_attn=True, bias=False),  # falcon-7b
            dict(multi_query=False, new_decoder_architecture=False, parallel_attn=False, bias=True),
            dict(new_decoder_architecture=True, parallel_attn=True, bias=False),  # falcon-40b (2 LNs)
            dict(new_decoder_architecture=True, parallel_attn=True, bias=True, num_ln_in_parallel_attn=1),
            dict(multi_query=True, new_decoder_architecture=False, parallel_attn=False, bias=True),
            dict(multi_query=False, new_decoder_architecture=False, parallel_attn=True, bias=False, alibi=True),
        ]
        v = variants[i]
        while True:
            h, hd = _heads_and_dim(r, even=True)
            if not v.get("new_decoder_architecture") or h >= 2:
                break
        kw = dict(hidden_size=h * hd, num_attention_heads=h, num_hidden_layers=layers, vocab_size=vocab,
                  ffn_hidden_size=r.randint(50, 300), tie_word_embeddings=bit(0), max_position_embeddings=512,
                  bos_token_id=1, eos_token_id=2, **v)
        if v.get("new_decoder_architecture"):
            kw["num_kv_heads"] = r.choice([d for d in _divisors(h) if d < h] or [1])
    elif mt == "bert":
        h, hd = _heads_and_dim(r)
        kw = dict(hidden_size=h * hd, num_attention_heads=h, num_hidden_layers=layers, vocab_size=vocab,
                  intermediate_size=r.randint(50, 300), max_position_embeddings=r.randint(160, 300),
                  type_vocab_size=r.randint(1, 3), hidden_act=r.choice(["gelu", "relu", "gelu_new"]))
    elif mt == "t5":
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
    elif mt == "bart":
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
    else:
        raise ValueError(mt)
    return CONFIG_MAPPING[mt](**kw)


def write_random_configs():
    paths = []
    for mt in RANDOM_TYPES:
        for i in range(N_RANDOM):
            cfg = random_config(mt, i)
            name = "%s-%d" % (mt, i)
            d = os.path.join(FIX, "configs", "random", "_tmp_" + name)
            cfg.save_pretrained(d)
            dst = os.path.join(FIX, "configs", "random", name + ".json")
            os.replace(os.path.join(d, "config.json"), dst)
            for f in os.listdir(d):
                os.remove(os.path.join(d, f))
            os.rmdir(d)
            paths.append((name, dst))
    return paths


# ----------------------------------------------------------------------------------------------
# Driver
# ----------------------------------------------------------------------------------------------
TRAIN_GENERATE = {"gpt2-0", "llama-0", "t5-0"}


def write_json(doc):
    tmp = OUT + ".tmp"
    with open(tmp, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    os.replace(tmp, OUT)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", nargs="*", help="only these model names (for debugging; output is then partial)")
    ap.add_argument("--no-random", action="store_true")
    args = ap.parse_args()
    os.makedirs(os.path.join(FIX, "configs", "random"), exist_ok=True)

    catalog = [(n, d) for n, d in REAL.items()] + [(n, gpt3_config(n)) for n in GPT3_TABLE]
    for n, d in catalog:
        with open(os.path.join(FIX, "configs", n + ".json"), "w") as f:
            json.dump(d, f, indent=2)
            f.write("\n")

    doc = {"generator": "scripts/hf-reference/count_hf.py", "torch": torch.__version__,
           "transformers": transformers.__version__, "python": sys.version.split()[0],
           "method": {
               "flop_counter": "torch.utils.flop_counter.FlopCounterMode(display=False).get_total_flops(); "
                               "by_operator = get_flop_counts()['Global']",
               "attn_implementation": "eager",
               "parameters": "sum(p.numel() for p in model.parameters()) (tied weights counted once)",
               "prefill": "one forward, input_ids (batch, seq), use_cache=False, under torch.no_grad(); "
                          "encoder-decoder: input_ids (batch, seq) + decoder_input_ids (batch, decoder_seq)",
               "decode": "prefill `context` tokens with use_cache=True outside the counter, then count one forward of "
                         "input_ids (batch, 1) with the returned past_key_values; encoder-decoder: encoder run "
                         "outside the counter on encoder_seq tokens, decoder cache of `context` tokens (self- and "
                         "cross-attention K/V cached), count one decoder step given encoder_outputs",
               "train": "CPU, random weights, model.train(); FlopCounterMode around forward(labels=input_ids) + "
                        "loss.backward(); forward_flops = forward with labels alone",
               "generate": "CPU, random weights; FlopCounterMode around model.generate(input_ids, max_new_tokens=N, "
                           "min_new_tokens=N, num_beams=K, do_sample=False, eos_token_id=None, pad_token_id=0)",
               "real_models_device": "meta",
               "random_models_device": "cpu (re-counted on meta: meta_device_matches_cpu)",
           },
           "version_note": (
               "transformers is pinned to 5.14.1, not the newest (5.23.0 at generation time): from 5.15.0 the RoPE "
               "frequencies are computed as position_ids[..., None] * inv_freq (elementwise) instead of "
               "inv_freq_expanded @ position_ids_expanded (an aten.bmm), so FlopCounterMode stops counting that "
               "matmul. The bmm costs 2 * position_ids.shape[0] * (rotary_dim/2) * seq FLOPs once per forward "
               "(position_ids has batch 1 unless passed explicitly, so it does not scale with batch). Llama-2-7B "
               "1x2048 on 5.23.0: 29,261,612,187,648; on 5.14.1 (and 4.57.6): 29,261,612,449,792."),
           "observations": [
               "Only aten.mm / addmm / bmm (and baddbmm, convolution, sdpa if present) are counted; "
               "norms, softmax, activations, rotary elementwise ops, embeddings and the loss count 0.",
               "Eager attention appears as aten.bmm: 2 bmm per layer (QK^T and PV) of 2*b*heads*q*kv*head_dim each; "
               "the RoPE inv_freq @ position_ids bmm (see version_note) is the only other bmm in rotary models.",
               "GQA: K/V are repeat_kv-expanded before the bmm, so attention FLOPs use num_attention_heads.",
               "Mistral-style sliding_window: the decode cache (DynamicSlidingWindowLayer) keeps only the last "
               "sliding_window-1 tokens, so decode attention sees min(context+1, sliding_window) keys "
               "(random/mistral-4, window 8); prefill still computes the full masked seq x seq product.",
               "train: forward+backward = exactly 3x forward, except no_grad parts (RoPE bmm) which count once.",
               "generate: = prefill with logits_to_keep=1 (lm_head on the last prompt token only) + (N-1) decode "
               "steps; num_beams=K is exactly K x greedy for decoder-only models (prompt expanded to K rows "
               "before prefill); for T5 the encoder runs once at batch 1, so beam 4 is < 4x.",
           ],
           "models": []}
    only = set(args.only) if args.only else None

    for n, d in catalog:
        if only and n not in only:
            continue
        try:
            more = [(1, 2048)] if n == "llama-2-7b" else None
            e = measure(n, d, "configs/%s.json" % n, "meta", more_prefill=more)
            mt = d["model_type"]
            if mt == "mixtral":
                e["notes"].append(MIXTRAL_NOTE)
            if n.startswith("gpt3-"):
                e["notes"].append("GPT-3 paper Table 2.1 size as a GPT-2-architecture config (dense attention; the "
                                  "paper's alternating sparse attention is not modelled), n_inner = 4*n_embd, "
                                  "tied embeddings, n_positions 2048." +
                                  (" d_model 5120 used instead of the table's 5140 (not divisible by 40 heads; "
                                   "40 x d_head 128 = 5120)." if n == "gpt3-13b" else ""))
            if d.get("auto_map"):
                e["notes"].append("auto_map (remote code) dropped when building; in-library %s used."
                                  % e["model_class"])
        except Exception as ex:
            traceback.print_exc()
            e = {"name": n, "config": "configs/%s.json" % n, "model_type": d["model_type"],
                 "error": repr(ex), "notes": ["failed: %r" % ex]}
        doc["models"].append(e)
        write_json(doc)

    if not args.no_random:
        for n, path in write_random_configs():
            if only and n not in only:
                continue
            with open(path) as f:
                d = json.load(f)
            try:
                e = measure("random/" + n, d, "configs/random/%s.json" % n, "cpu", cross_check=True,
                            extra=(n in TRAIN_GENERATE))
                if d["model_type"] == "mixtral":
                    e["notes"].append(MIXTRAL_NOTE)
            except Exception as ex:
                traceback.print_exc()
                e = {"name": "random/" + n, "config": "configs/random/%s.json" % n, "model_type": d["model_type"],
                     "error": repr(ex), "notes": ["failed: %r" % ex]}
            doc["models"].append(e)
            write_json(doc)
    for e in doc["models"]:
        e["notes"] = " ".join(e.get("notes", []))
    write_json(doc)


MIXTRAL_NOTE = (
    "MoE: transformers' default experts_implementation here is 'grouped_mm' (torch._grouped_mm / "
    "F.grouped_mm); torch %s FlopCounterMode has no formula for it, so `prefill`/`decode` contain NO expert "
    "FLOPs (only attention, router gate and lm_head). `prefill_experts_batched_mm`/`decode_experts_batched_mm` "
    "rebuild the model with experts_implementation='batched_mm' (one torch.bmm per routed token-expert pair, "
    "counted as aten.bmm): that is the top-k routed expert compute (2*tokens*k*3*hidden*intermediate)."
    % torch.__version__.split("+")[0])

if __name__ == "__main__":
    main()
