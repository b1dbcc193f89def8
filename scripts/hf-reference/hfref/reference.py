"""hf_reference.json (real configs on meta, tiny random configs on CPU) and the configs/*.json it reads."""
import json
import os
import sys
import traceback

import torch
import transformers

from . import common, families, tiny
from .families import gpt2, moe
from .measure import measure

GENERATOR = "scripts/hf-reference/count_hf.py"
# Extra prefill shapes per hub config (the Llama-2-7B 1x2048 anchor).
MORE_PREFILL = {"llama-2-7b": [(1, 2048)]}


def header():
    doc = {"generator": GENERATOR, "torch": torch.__version__,
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
               "train": "CPU, random weights, every tiny random config but BERT; config dropout probabilities (and "
                        "router_jitter_noise) set to 0; model.train(); FlopCounterMode around model(input_ids, "
                        "labels=...) + loss.backward() (labels = input_ids; encoder-decoder: labels of decoder_seq "
                        "tokens, so decoder_input_ids = shift_right(labels)); MoE with experts_implementation='eager' "
                        "(train_experts_implementation); forward_flops = the same call under no_grad",
               "generate": "CPU, random weights; FlopCounterMode around model.generate(input_ids, max_new_tokens=N, "
                           "min_new_tokens=N, num_beams=K, do_sample=False, eos_token_id=None, pad_token_id=0)",
               "real_models_device": "meta",
               "random_models_device": "cpu (re-counted on meta: meta_device_matches_cpu)",
           },
           "version_note": (
               "transformers 5.23.0 is the reference for every model type. Before 5.15 (these fixtures were made with "
               "5.14.1 until 5.23.0 replaced it) the RoPE frequencies were inv_freq_expanded @ position_ids_expanded "
               "(an aten.bmm of 2 * position_ids.shape[0] * (rotary_dim/2) * seq FLOPs once per forward, not "
               "scaling with batch); from 5.15 they are position_ids[..., None] * inv_freq (element-wise), which "
               "FlopCounterMode does not count. Llama-2-7B 1x2048: 29,261,612,187,648 on 5.23.0; "
               "29,261,612,449,792 on 5.14.1 (and 4.57.6)."),
           "observations": [
               "Only aten.mm / addmm / bmm (and baddbmm, convolution, sdpa if present) are counted; "
               "norms, softmax, activations, rotary elementwise ops, embeddings and the loss count 0.",
               "Eager attention appears as aten.bmm: 2 bmm per layer (QK^T and PV) of 2*b*heads*q*kv*head_dim each "
               "(the RoPE table is element-wise since 5.15, see version_note).",
               "GQA: K/V are repeat_kv-expanded before the bmm, so attention FLOPs use num_attention_heads.",
               "Mistral-style sliding_window: the decode cache (DynamicSlidingWindowLayer) keeps only the last "
               "sliding_window-1 tokens, so decode attention sees min(context+1, sliding_window) keys "
               "(random/mistral-4, window 8); prefill still computes the full masked seq x seq product.",
               "train: forward+backward = exactly 3x the forward for every tiny model (each counted product has "
               "both operands needing a gradient: dX and dW of a weight GEMM, both factors of QK^T and PV; the "
               "embedding lookup, loss, norms and softmax backward count 0).",
               "generate: = prefill with logits_to_keep=1 (lm_head on the last prompt token only) + (N-1) decode "
               "steps; num_beams=K is exactly K x greedy for decoder-only models (prompt expanded to K rows "
               "before prefill); for T5 the encoder runs once at batch 1, so beam 4 is < 4x.",
           ],
           "models": []}
    return doc


def write_configs(fix):
    """configs/<name>.json for every hub config and GPT-3 size (always all of them)."""
    os.makedirs(os.path.join(fix, "configs", "random"), exist_ok=True)
    for n, d in families.catalog():
        common.write_config(d, os.path.join(fix, "configs", n + ".json"))


def _failed(name, rel, d, ex):
    traceback.print_exc()
    return {"name": name, "config": rel, "model_type": d["model_type"], "error": repr(ex), "notes": ["failed: %r" % ex]}


def regenerate(fix, types=None, names=None, random_configs=True):
    """Writes fix/configs/*.json, fix/configs/random/*.json and fix/hf_reference.json.

    types / names (None: all) select which models are counted; the JSON then holds only those.
    """
    out = os.path.join(fix, "hf_reference.json")
    write_configs(fix)
    doc = header()
    selected = lambda n, d: (types is None or d["model_type"] in types) and (names is None or n in names)

    for n, d in families.catalog():
        if not selected(n, d):
            continue
        rel = "configs/%s.json" % n
        try:
            e = measure(n, d, rel, "meta", more_prefill=MORE_PREFILL.get(n))
            if d["model_type"] == "mixtral":
                e["notes"].append(moe.MIXTRAL_NOTE)
            if n.startswith("gpt3-"):
                e["notes"].append(gpt2.gpt3_note(n))
            if d.get("auto_map"):
                e["notes"].append("auto_map (remote code) dropped when building; in-library %s used."
                                  % e["model_class"])
        except Exception as ex:
            e = _failed(n, rel, d, ex)
        doc["models"].append(e)
        common.write_json(doc, out)

    if random_configs:
        for n, path in tiny.write_random_configs(fix):
            with open(path) as f:
                d = json.load(f)
            if not selected(n, d):
                continue
            rel = "configs/random/%s.json" % n
            try:
                e = measure("random/" + n, d, rel, "cpu", cross_check=True, extra=(n in tiny.TRAIN_GENERATE),
                            train=True)
                if d["model_type"] in moe.MODEL_TYPES:
                    e["notes"].append(moe.MIXTRAL_NOTE)
            except Exception as ex:
                e = _failed("random/" + n, rel, d, ex)
            doc["models"].append(e)
            common.write_json(doc, out)
    for e in doc["models"]:
        e["notes"] = " ".join(e.get("notes", []))
    common.write_json(doc, out)
    return out
