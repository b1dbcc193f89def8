"""Families with their own fixture file (hf_mla.json, hf_glm.json, …): hub configs on meta + small configs on CPU.

Each such family module (families.OWN) declares only what is its own:

    FIXTURE          the figures' file under Fixtures/ (e.g. "hf_mla.json")
    CONFIG_DIR       where its configs are written (Fixtures/<CONFIG_DIR>/<name>.json)
    GENERATOR        the `generator` recorded in the fixture's header
    METHOD           the `method` recorded in the fixture's header
    REAL             {name: hub config}: built on the meta device, parameters only
    PUBLISHED        {name: published total} asserted for those REAL configs that have one
    SMALL            {name: small config}: built on CPU with random weights and eager attention, counted with
                     FlopCounterMode for prefill, decode and training steps
    PREFILL_SHAPES   [(batch, seq)]
    buildable(cfg)   the dict transformers builds (a remote model_type renamed, a text_config taken, …)
  optional:
    DECODE_SHAPES    [(batch, context)]   (default phases.DECODE_SHAPES)
    TRAIN_SHAPES     [(batch, seq)]       (default phases.TRAIN_SHAPES)
    EXPERTS          experts_implementation to build with (default None: the model has no switch)
    experts_for(cfg) the same per config, when only some model types have the switch (overrides EXPERTS)
    EXPERTS_NOTE     the entry's `experts_implementation` (default EXPERTS)
    RECORD_EXPERTS   write `experts_implementation` into each small entry (default True)
    decode(model, vocab)  the cached decode steps, when the model's cache is not `past_key_values`
                     (state-space models return and take `cache_params`; default phases.decode)
    BUILD_FOR_TRAIN  build with every dropout 0 (common.no_dropout; default False)
    MODEL_CLASS      record the built class as `model_class` (default False)

Every small entry records parameters, prefill, decode and train; hub entries parameters only (empty prefill/decode),
and, where the hub config's `quantization_config` is FP8, `checkpoint_bytes` (fp8_checkpoint_bytes).
"""
import os

import torch
import transformers

from . import check, common, phases


def _entry(fam, name, cfg, rel):
    built = fam.buildable(cfg)
    e = {"name": name, "config": rel, "model_type": cfg["model_type"]}
    if name in fam.REAL:
        model = common.build(built, "meta")
        if getattr(fam, "MODEL_CLASS", False):
            e["model_class"] = type(model).__name__
        e["parameters"] = common.n_params(model)
        e["device"] = "meta"
        if name in fam.PUBLISHED:
            assert e["parameters"] == fam.PUBLISHED[name], (name, e["parameters"])
        if (cfg.get("quantization_config") or {}).get("quant_method") == "fp8":
            e["checkpoint_bytes"] = fp8_checkpoint_bytes(model, cfg["quantization_config"])
        e["prefill"], e["decode"] = [], []
        return e
    experts = fam.experts_for(cfg) if hasattr(fam, "experts_for") else getattr(fam, "EXPERTS", None)
    model = common.build(built, "cpu", experts=experts, train=getattr(fam, "BUILD_FOR_TRAIN", False))
    vocab = built["vocab_size"]
    if getattr(fam, "MODEL_CLASS", False):
        e["model_class"] = type(model).__name__
    e["parameters"] = common.n_params(model)
    e["device"] = "cpu"
    if getattr(fam, "RECORD_EXPERTS", True):
        e["experts_implementation"] = getattr(fam, "EXPERTS_NOTE", experts)
    e["prefill"] = phases.prefill(model, "cpu", vocab, False, shapes=fam.PREFILL_SHAPES)
    e["decode"] = (fam.decode(model, vocab) if hasattr(fam, "decode")
                   else phases.decode(model, "cpu", vocab, False, shapes=getattr(fam, "DECODE_SHAPES", None)))
    e["train"] = phases.train_counts(model, vocab, False, shapes=getattr(fam, "TRAIN_SHAPES", None))
    return e


def fp8_checkpoint_bytes(model, quantization):
    """Bytes of the weights as an FP8 checkpoint stores them: transformers' own fine-grained FP8 integration swaps
    the modules `from_pretrained` would (`replace_with_fp8_linear`: every nn.Linear and every `experts` module but
    the output embedding, `get_keys_to_not_convert`), on the meta model; then FP8 tensors count 1 byte per value,
    their fp32 `*_scale_inv` tensors 4, every other parameter 2 (bf16, the checkpoints' dtype)."""
    from transformers.integrations.finegrained_fp8 import replace_with_fp8_linear
    from transformers.quantizers.base import get_keys_to_not_convert
    from transformers.utils.quantization_config import FineGrainedFP8Config
    config = FineGrainedFP8Config(weight_block_size=tuple(quantization["weight_block_size"]),
                                  activation_scheme=quantization.get("activation_scheme", "dynamic"))
    skip = get_keys_to_not_convert(model) + list(quantization.get("modules_to_not_convert") or [])
    replace_with_fp8_linear(model, modules_to_not_convert=skip, quantization_config=config, pre_quantized=True)
    total = 0
    for name, p in model.named_parameters():
        if p.dtype in (torch.float8_e4m3fn, torch.float8_e5m2):
            total += p.numel()
        elif name.endswith("scale_inv"):
            assert p.dtype == torch.float32, (name, p.dtype)
            total += 4 * p.numel()
        else:
            total += 2 * p.numel()
    return total


def document(fam):
    """(the fixture document, [(name, config)] to write under CONFIG_DIR)."""
    torch.set_num_threads(1)
    configs = list(fam.REAL.items()) + list(fam.SMALL.items())
    models = []
    for name, cfg in configs:
        e = _entry(fam, name, cfg, "%s/%s.json" % (fam.CONFIG_DIR, name))
        models.append(e)
        print("%-28s params=%-16d prefill=%s decode=%s" % (
            name, e["parameters"], [p["flops"] for p in e["prefill"]], [p["flops"] for p in e["decode"]]), flush=True)
    doc = {"generator": fam.GENERATOR, "torch": torch.__version__, "transformers": transformers.__version__,
           "method": fam.METHOD, "models": models}
    return doc, configs


def regenerate(fam, fix):
    """Writes fix/<CONFIG_DIR>/*.json and fix/<FIXTURE>."""
    doc, configs = document(fam)
    os.makedirs(os.path.join(fix, fam.CONFIG_DIR), exist_ok=True)
    for name, cfg in configs:
        common.write_config(cfg, os.path.join(fix, fam.CONFIG_DIR, name + ".json"))
    common.write_json(doc, os.path.join(fix, fam.FIXTURE))


def compare(fam, committed_fix, regen_fix):
    """Differences between a regenerated family (regenerate(fam, regen_fix)) and the committed files: the fixture
    and every config byte for byte, and committed configs no longer written."""
    diffs = check.compare_file(fam.FIXTURE, committed_fix, regen_fix)
    for f in sorted(os.listdir(os.path.join(regen_fix, fam.CONFIG_DIR))):
        if f.endswith(".json"):
            diffs += check.compare_file(os.path.join(fam.CONFIG_DIR, f), committed_fix, regen_fix)
    return diffs + check.stale_files(fam.CONFIG_DIR, committed_fix, regen_fix)
