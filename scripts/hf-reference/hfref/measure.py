"""One model's hf_reference.json entry: parameters, prefill/decode (and train/generate), per-family quirks."""
import time

from . import phases
from .common import build, n_params
from .families import bert, encdec, moe


def measure(name, cfg_dict, cfg_rel, device, cross_check=False, extra=False, train=False, more_prefill=None):
    t0 = time.time()
    mt = cfg_dict["model_type"]
    enc_dec = mt in encdec.ENC_DEC
    vocab = cfg_dict["vocab_size"]
    notes = []
    entry = {"name": name, "config": cfg_rel, "model_type": mt}
    model = build(cfg_dict, device)
    entry["model_class"] = type(model).__name__
    entry["parameters"] = n_params(model)
    emb_in, emb_out = model.get_input_embeddings(), model.get_output_embeddings()
    entry["lm_head_tied_to_embedding"] = None if emb_out is None else bool(emb_out.weight is emb_in.weight)
    if encdec.wants_untied_head(cfg_dict):
        model = encdec.t5_untied_head(model, cfg_dict, entry, notes, device)
    entry["device"] = device
    entry["prefill"] = phases.prefill(model, device, vocab, enc_dec)
    if more_prefill:
        entry["prefill"] += phases.prefill(model, device, vocab, enc_dec, shapes=more_prefill)
    if mt == "bert":
        entry["decode"] = []
        notes.append(bert.DECODE_NOTE)
    else:
        try:
            entry["decode"] = phases.decode(model, device, vocab, enc_dec)
        except Exception as ex:  # record, never invent
            entry["decode"] = []
            notes.append("decode failed on %s: %r" % (device, ex))
    if mt in moe.MODEL_TYPES:
        moe.experts_passes(entry, model, cfg_dict, device, vocab, enc_dec)
    if cross_check and device == "cpu":
        # Rebuild on meta and compare totals and per-operator counts (validates the meta-device method).
        # MoE: grouped_mm cannot run float32 on meta, so the batched_mm path is compared.
        impl = moe.CROSS_CHECK_EXPERTS if mt in moe.MODEL_TYPES else None
        mm = build(cfg_dict, "meta", experts=impl)
        key = "_experts_" + impl if impl else ""
        same = n_params(mm) == entry["parameters"]
        same &= phases.prefill(mm, "meta", vocab, enc_dec) == entry["prefill" + key]
        if mt != "bert":
            same &= phases.decode(mm, "meta", vocab, enc_dec) == entry["decode" + key]
        entry["meta_device_matches_cpu"] = bool(same)
        del mm
    if train and mt != "bert":
        # A fresh model with dropout 0 (MoE: eager experts, a per-expert F.linear loop FlopCounterMode sees).
        tm = build(cfg_dict, device, experts="eager" if mt in moe.MODEL_TYPES else None, train=True)
        entry["train"] = phases.train_counts(tm, vocab, enc_dec)
        if mt in moe.MODEL_TYPES:
            entry["train_experts_implementation"] = "eager"
        del tm
    elif train:
        notes.append(bert.TRAIN_NOTE)
    if extra:
        entry["generate"] = phases.generate_counts(model, vocab, enc_dec)
    entry["notes"] = notes
    del model
    print("%-22s %-10s params=%-14d prefill=%s decode=%s  (%.1fs)" % (
        name, mt, entry["parameters"], [e["flops"] for e in entry["prefill"]],
        [e["flops"] for e in entry["decode"]], time.time() - t0), flush=True)
    return entry
