"""hf_measured.json: transformers' own counts for every hand-written config in Fixtures/hf and hf-variants.

The measuring code is Tests/WorkloadTests/Fixtures/tools/measure_hf.py (its docstring says what each figure
is). It runs in its own process: it patches transformers' mask helper differently from `common`.
"""
import json
import os
import subprocess
import sys

FIX = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "Tests", "WorkloadTests",
                   "Fixtures")
FIX = os.path.abspath(FIX)
TOOL = os.path.join(FIX, "tools", "measure_hf.py")
CONFIG_DIRS = ("hf", "hf-variants")


def config_paths(types=None, names=None):
    """The inputs in the committed order (per directory, sorted by file name), filtered by model type / name."""
    paths = []
    for sub in CONFIG_DIRS:
        for f in sorted(os.listdir(os.path.join(FIX, sub))):
            if not f.endswith(".json"):
                continue
            p = os.path.join(FIX, sub, f)
            if types is not None:
                with open(p) as fh:
                    if json.load(fh).get("model_type") not in types:
                        continue
            if names is not None and f[: -len(".json")] not in names:
                continue
            paths.append(p)
    return paths


def regenerate(fix, types=None, names=None):
    """Writes fix/hf_measured.json (only the selected configs when types / names are given)."""
    out = os.path.join(fix, "hf_measured.json")
    paths = config_paths(types, names)
    if not paths:
        print("hf_measured.json: no config selected, not written", flush=True)
        return None
    subprocess.run([sys.executable, TOOL] + paths, env=dict(os.environ, OUT=out), check=True)
    return out
