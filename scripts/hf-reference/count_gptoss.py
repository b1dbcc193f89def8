"""gpt-oss fixtures (gpt-oss-20b, gpt-oss-120b and small configs) against transformers >= 5.23.

    /work/venv-523/bin/python scripts/hf-reference/count_gptoss.py          # writes Fixtures/hf_gptoss.json, Fixtures/gptoss/
    /work/venv-523/bin/python scripts/hf-reference/count_gptoss.py --check  # regenerate in memory, compare, exit 1 on a difference

Full-size hub configs are built on the meta device (parameters only; the published totals are asserted);
small configs are built on CPU with real weights, eager attention and eager experts, and counted with
FlopCounterMode: prefill at batch 1 and 2 and two lengths (37 > every small window), cached decode steps
(one at a context beyond the window), and training steps (model.train(), dropout 0, labels=input_ids,
loss.backward()).
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
from hfref.families import gptoss  # noqa: E402

OUT = os.path.join(common.FIX, "hf_gptoss.json")
CONFIGS = os.path.join(common.FIX, "gptoss")


def decode(model, vocab):
    """One cached step after a prompt of `context` tokens (the sliding layers' cache keeps window − 1)."""
    res = []
    for b, ctx in gptoss.DECODE_SHAPES:
        with torch.no_grad():
            out = model(input_ids=common.ids(b, ctx, "cpu", vocab), use_cache=True)
            pkv = out.past_key_values
            step = common.ids(b, 1, "cpu", vocab)
            f, o = common.count(lambda: model(input_ids=step, past_key_values=pkv, use_cache=True))
        res.append({"batch": b, "context": ctx, "flops": f, "by_operator": o})
    return res


def entry(name, cfg, rel):
    built = gptoss.buildable(cfg)
    e = {"name": name, "config": rel, "model_type": cfg["model_type"]}
    if name in gptoss.REAL:
        model = common.build(built, "meta")
        e["parameters"] = common.n_params(model)
        e["device"] = "meta"
        assert e["parameters"] == gptoss.PUBLISHED[name], (name, e["parameters"])
        e["prefill"], e["decode"] = [], []
        return e
    model = common.build(built, "cpu", experts="eager", train=True)
    vocab = cfg["vocab_size"]
    e["parameters"] = common.n_params(model)
    e["device"] = "cpu"
    e["experts_implementation"] = "eager"
    e["prefill"] = phases.prefill(model, "cpu", vocab, False, shapes=gptoss.PREFILL_SHAPES)
    e["decode"] = decode(model, vocab)
    e["train"] = phases.train_counts(model, vocab, False)
    return e


def document():
    models = []
    for name, cfg in list(gptoss.REAL.items()) + list(gptoss.SMALL.items()):
        models.append((name, cfg, entry(name, cfg, "gptoss/%s.json" % name)))
        print("%-24s params=%-16d prefill=%s decode=%s" % (
            name, models[-1][2]["parameters"], [p["flops"] for p in models[-1][2]["prefill"]],
            [p["flops"] for p in models[-1][2]["decode"]]), flush=True)
    doc = {"generator": "scripts/hf-reference/count_gptoss.py", "torch": torch.__version__,
           "transformers": transformers.__version__,
           "method": "meta-device build for the hub configs (parameters); CPU build with eager attention and "
                     "experts_implementation='eager' for the small ones, FlopCounterMode totals",
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
        print("all models match" if same else "DIFF: regenerated hf_gptoss.json differs from the committed one")
        return 0 if same else 1
    os.makedirs(CONFIGS, exist_ok=True)
    for name, cfg in configs:
        common.write_config(cfg, os.path.join(CONFIGS, name + ".json"))
    common.write_json(doc, OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
