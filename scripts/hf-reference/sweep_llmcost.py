#!/usr/bin/env python3
"""Differential sweep: llmcost against transformers 5.23 on configs the fixtures do not hold.

The committed fixtures (`count_hf.py`) pin a few configs per family. This sweep draws many more from the
same seeded generators (`hfref.tiny.random_config`, i = --start … --end − 1; flags come from the bits of i, so
each i past the fixtures' 0–5 is a new combination), plus any config files given with --config, builds each on
the `meta` device, counts parameters and matmul FLOPs of prefill (batch 1 × 128, 2 × 37; encoder–decoders
(1, 32, 8), (2, 17, 5)) and KV-cache decode (batch 1 at 16, 3 at 5) — with --train also the training step
(`hfref.phases.train_counts`' four shapes, on the CPU) — and compares them with
`llmcost params|flops --format json` on the same file. Prints one line per config and exits 1 on any
difference. Not run by the tests or CI (they need no Python); run it after changing an importer:

  /work/venv-523/bin/python scripts/hf-reference/sweep_llmcost.py --llmcost .build/debug/llmcost \
      --types llama,qwen2,phi3 --end 40

What it tolerates: the gaps `TransformersGap.swift` names (5.23 ties T5's head whatever the config says;
BART's untied encoder/decoder tables), and a refusal by llmcost where transformers fails too. A refusal
where transformers runs is reported (`OURS REFUSED`): deliberate ones (an odd rotated width Phi cannot
slice, a window of 1) are listed in the importers' errors. On the 2026-12-07 sweep (1,276 random configs,
i = 6…63 of 22 families, plus 139 hand-written ones) the differences it found were fixed or refused.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hfref import phases  # noqa: E402  (sets transformers up)
from hfref.common import build, n_params  # noqa: E402
from hfref.families import encdec, moe  # noqa: E402
from hfref import tiny  # noqa: E402
from hfref.tiny import MORE_RANDOM_TYPES, RANDOM_TYPES  # noqa: E402


def random_config_file(mt, i, folder):
    """The i-th seeded config of `mt` past the fixtures' indices, written as `save_pretrained` writes it."""
    path = os.path.join(folder, "%s-%d.json" % (mt, i))
    tiny.save_config(tiny.random_config(mt, i, wrap=6 if mt in RANDOM_TYPES else 3), path)
    return path


def theirs(cfg, train=False):
    mt = cfg["model_type"]
    enc_dec = mt in encdec.ENC_DEC
    model = build(cfg, "meta", experts=moe.CROSS_CHECK_EXPERTS if mt in moe.MODEL_TYPES else None)
    vocab = model.config.vocab_size
    emb_in, emb_out = model.get_input_embeddings(), model.get_output_embeddings()
    out = {"parameters": n_params(model), "tied": emb_out is not None and emb_out.weight is emb_in.weight,
           "table": emb_in.weight.numel(), "prefill": [x["flops"] for x in phases.prefill(model, "meta", vocab, enc_dec)]}
    if mt != "bert":
        out["decode"] = [x["flops"] for x in phases.decode(model, "meta", vocab, enc_dec)]
    if train and mt != "bert":
        # As the fixtures count it: on the CPU, dropout 0, MoE through the per-expert loop.
        trained = build(cfg, "cpu", experts="eager" if mt in moe.MODEL_TYPES else None, train=True)
        out["train"] = [x["flops"] for x in phases.train_counts(trained, vocab, enc_dec)]
    return out


def ours(llmcost, path, mt, train=False):
    def run(args):
        p = subprocess.run([llmcost] + args + ["--format", "json"], capture_output=True, text=True, timeout=120)
        if p.returncode != 0:
            raise RuntimeError((p.stderr or p.stdout).strip().splitlines()[-1][:300])
        return json.loads(p.stdout)
    enc_dec = mt in encdec.ENC_DEC
    out = {"parameters": run(["params", path])["total_parameters"], "prefill": [], "decode": []}
    for shape in (phases.PREFILL_SHAPES_ED if enc_dec else phases.PREFILL_SHAPES):
        args = ["flops", path, "--batch", str(shape[0]), "--seq", str(shape[1]), "--allow-beyond-context"]
        out["prefill"].append(run(args + (["--decoder-seq", str(shape[2])] if enc_dec else []))["total_flops"])
    if mt != "bert":
        for b, c in phases.DECODE_SHAPES:
            args = ["flops", path, "--phase", "decode", "--batch", str(b), "--context", str(c), "--allow-beyond-context"]
            out["decode"].append(run(args + (["--encoder-seq", str(phases.DECODE_ENCODER_SEQ)] if enc_dec else []))["total_flops"])
    if train and mt != "bert":
        out["train"] = []
        for shape in (phases.TRAIN_SHAPES_ED if enc_dec else phases.TRAIN_SHAPES):
            args = ["flops", path, "--phase", "train", "--batch", str(shape[0]), "--seq", str(shape[1]), "--allow-beyond-context"]
            out["train"].append(run(args + (["--decoder-seq", str(shape[2])] if enc_dec else []))["total_flops"])
    return out


def differences(mt, t, o):
    diffs = []
    known = {o["parameters"]}
    if mt == "t5" and t["tied"]:
        known.add(o["parameters"] - t["table"])  # 5.23 ties the head whatever tie_word_embeddings says
    if mt == "bart" and not t["tied"]:
        known.add(o["parameters"] + 2 * t["table"])  # untied encoder/decoder tables (TransformersGap)
    if t["parameters"] not in known:
        diffs.append("parameters ours %d theirs %d" % (o["parameters"], t["parameters"]))
    for key in ("prefill", "decode", "train"):
        for j, (a, b) in enumerate(zip(o.get(key, []), t.get(key, []))):
            if a != b:
                diffs.append("%s[%d] ours %d theirs %d" % (key, j, a, b))
    return diffs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--llmcost", required=True)
    ap.add_argument("--types", help="comma-separated model types (default: every generator)")
    ap.add_argument("--start", type=int, default=6)
    ap.add_argument("--end", type=int, default=20)
    ap.add_argument("--config", nargs="*", default=[], help="hand-written config.json files to compare as well")
    ap.add_argument("--train", action="store_true",
                    help="also compare training steps (forward + loss.backward(), four shapes; built on the CPU, so slower)")
    ap.add_argument("--keep", help="write the random configs here (default: a temporary folder)")
    a = ap.parse_args()
    folder = a.keep or tempfile.mkdtemp()
    os.makedirs(folder, exist_ok=True)
    types = a.types.split(",") if a.types else RANDOM_TYPES + MORE_RANDOM_TYPES
    paths = [random_config_file(mt, i, folder) for mt in types for i in range(a.start, a.end)] + a.config
    failed = 0
    for path in paths:
        with open(path) as f:
            cfg = json.load(f)
        mt, name = cfg["model_type"], os.path.basename(path)
        try:
            t = theirs(cfg, a.train)
        except Exception as ex:  # transformers refuses: llmcost should too
            try:
                ours(a.llmcost, path, mt)
                print("%-32s THEIRS FAILED, OURS RAN: %s" % (name, str(ex)[:160]))
            except RuntimeError:
                print("%-32s both refuse" % name)
            continue
        try:
            o = ours(a.llmcost, path, mt, a.train)
        except RuntimeError as ex:
            failed += 1
            print("%-32s OURS REFUSED: %s" % (name, ex))
            continue
        diffs = differences(mt, t, o)
        failed += bool(diffs)
        print("%-32s %s" % (name, "; ".join(diffs) if diffs else "ok"))
    print("%d of %d configs differ or are refused by llmcost alone (configs in %s)" % (failed, len(paths), folder))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
