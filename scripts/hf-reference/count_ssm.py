"""State-space model (mamba, falcon_mamba, mamba2) fixtures against transformers >= 5.23.

    /work/venv-523/bin/python scripts/hf-reference/count_ssm.py          # writes Fixtures/hf_ssm.json, Fixtures/ssm/
    /work/venv-523/bin/python scripts/hf-reference/count_ssm.py --check  # regenerate in memory, compare, exit 1 on a difference

Full-size hub configs are built on the meta device (parameters only; the published totals are asserted);
small configs are built on CPU with real weights (torch path: no hub kernels), and counted with
FlopCounterMode: prefill at batch 1 and 2 and two lengths, one cached decode step (batch 1 at context 16,
batch 3 at context 5), and a training step (forward + backward with labels).
"""
import argparse
import json
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import torch  # noqa: E402
import transformers  # noqa: E402

from hfref import common, phases  # noqa: E402
from hfref.families import ssm  # noqa: E402

OUT = os.path.join(common.FIX, "hf_ssm.json")
CONFIGS = os.path.join(common.FIX, "ssm")


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


def entry(name, cfg, rel):
    built = ssm.buildable(cfg)
    e = {"name": name, "config": rel, "model_type": cfg["model_type"]}
    if name in ssm.REAL:
        model = common.build(built, "meta")
        e["parameters"] = common.n_params(model)
        e["device"] = "meta"
        if name in ssm.PUBLISHED:
            assert e["parameters"] == ssm.PUBLISHED[name], (name, e["parameters"])
        e["prefill"], e["decode"] = [], []
        return e
    model = common.build(built, "cpu", experts="eager" if cfg["model_type"] == "jamba" else None)
    vocab = cfg["vocab_size"]
    e["parameters"] = common.n_params(model)
    e["device"] = "cpu"
    e["prefill"] = phases.prefill(model, "cpu", vocab, False, shapes=ssm.PREFILL_SHAPES)
    e["decode"] = decode(model, vocab)
    e["train"] = phases.train_counts(model, vocab, False)
    return e


def document():
    models = []
    for name, cfg in list(ssm.REAL.items()) + list(ssm.SMALL.items()):
        models.append((name, cfg, entry(name, cfg, "ssm/%s.json" % name)))
        print("%-28s params=%-16d prefill=%s decode=%s" % (
            name, models[-1][2]["parameters"], [p["flops"] for p in models[-1][2]["prefill"]],
            [p["flops"] for p in models[-1][2]["decode"]]), flush=True)
    doc = {"generator": "scripts/hf-reference/count_ssm.py", "torch": torch.__version__,
           "transformers": transformers.__version__,
           "method": "meta-device build for the hub configs (parameters); CPU build of the small ones on the torch "
                     "path (no hub kernels, use_mambapy false: Mamba's sequential scan, Mamba-2's chunked SSD), "
                     "FlopCounterMode totals",
           "models": [m[2] for m in models]}
    return doc, [(n, c) for n, c, _ in models]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="compare with the committed fixture instead of writing it")
    args = ap.parse_args()
    torch.set_num_threads(1)
    doc, configs = document()
    if args.check:
        with open(OUT) as f:
            committed = json.load(f)
        same = committed["models"] == doc["models"]
        print("all models match" if same else "DIFF: regenerated hf_ssm.json differs from the committed one")
        return 0 if same else 1
    os.makedirs(CONFIGS, exist_ok=True)
    for name, cfg in configs:
        common.write_config(cfg, os.path.join(CONFIGS, name + ".json"))
    common.write_json(doc, OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
