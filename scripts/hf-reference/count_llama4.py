"""Llama 4 text fixtures (llama4_text, llama4 with a nested text_config) against transformers >= 5.23.

    /work/venv-523/bin/python scripts/hf-reference/count_llama4.py          # writes Fixtures/hf_llama4.json, Fixtures/llama4/
    /work/venv-523/bin/python scripts/hf-reference/count_llama4.py --check  # regenerate in memory, compare, exit 1 on a difference

Full-size hub text configs (Scout, Maverick) are built on the meta device (parameters only; the published text
totals are asserted); small configs on CPU with real weights and eager attention (Llama4TextExperts has no
experts-implementation switch: its bmm over every expert is what runs), counted with FlopCounterMode: prefill at
batch 1 and 2 and two lengths (19 > the chunk of 8), one cached decode step (batch 1 at context 5, batch 2 at
context 20, past a chunk) and a training step (forward + backward with labels). A `llama4` config is counted as
Llama4ForCausalLM on its text_config: the vision tower is not part of the figures.
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
from hfref.families import llama4  # noqa: E402

OUT = os.path.join(common.FIX, "hf_llama4.json")
CONFIGS = os.path.join(common.FIX, "llama4")


def entry(name, cfg, rel):
    text = llama4.text_config(cfg)
    e = {"name": name, "config": rel, "model_type": cfg["model_type"]}
    if name in llama4.REAL:
        model = common.build(text, "meta")
        e["model_class"] = type(model).__name__
        e["parameters"] = common.n_params(model)
        e["device"] = "meta"
        assert e["parameters"] == llama4.PUBLISHED[name], (name, e["parameters"])
        e["prefill"], e["decode"] = [], []
        return e
    model = common.build(text, "cpu", train=True)
    vocab = text["vocab_size"]
    e["model_class"] = type(model).__name__
    e["parameters"] = common.n_params(model)
    e["device"] = "cpu"
    e["experts_implementation"] = "Llama4TextExperts bmm over every expert (no switch)"
    e["prefill"] = phases.prefill(model, "cpu", vocab, False, shapes=llama4.PREFILL_SHAPES)
    e["decode"] = phases.decode(model, "cpu", vocab, False, shapes=llama4.DECODE_SHAPES)
    e["train"] = phases.train_counts(model, vocab, False)
    return e


def document():
    models = []
    for name, cfg in list(llama4.REAL.items()) + list(llama4.SMALL.items()):
        models.append((name, cfg, entry(name, cfg, "llama4/%s.json" % name)))
        print("%-28s params=%-16d prefill=%s decode=%s" % (
            name, models[-1][2]["parameters"], [p["flops"] for p in models[-1][2]["prefill"]],
            [p["flops"] for p in models[-1][2]["decode"]]), flush=True)
    doc = {"generator": "scripts/hf-reference/count_llama4.py", "torch": torch.__version__,
           "transformers": transformers.__version__,
           "method": "meta-device build of the hub text configs (parameters); CPU build with eager attention for the "
                     "small ones (Llama4TextExperts runs every expert on every token), FlopCounterMode totals; "
                     "llama4 configs counted as Llama4ForCausalLM on their text_config",
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
        print("all models match" if same else "DIFF: regenerated hf_llama4.json differs from the committed one")
        return 0 if same else 1
    os.makedirs(CONFIGS, exist_ok=True)
    for name, cfg in configs:
        common.write_config(cfg, os.path.join(CONFIGS, name + ".json"))
    common.write_json(doc, OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
