"""Regenerates every transformers reference fixture under Tests/WorkloadTests/Fixtures (see README.md).

    python scripts/hf-reference/count_hf.py                 # everything (configs, hf_reference, hf_measured,
                                                            #   hf_mla, hf_glm, hf_gptoss, hf_llama4 and their configs)
    python scripts/hf-reference/count_hf.py --check         # regenerate into a temp dir, diff against the repo
    python scripts/hf-reference/count_hf.py --only gemma    # one family (or model type); output is then partial
    python scripts/hf-reference/count_hf.py --only glm      # a family with its own fixture: hf_glm.json + glm/

The code lives in hfref/ (one module per phase, one per model family; hfref/own.py for the own-fixture families).
"""
import argparse
import os
import shutil
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ in the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from hfref import check, common, families, measured, own, reference  # noqa: E402

# The reference version of every fixture (DESIGN.md); figures from another version are not comparable.
TRANSFORMERS = "5.23.0"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", nargs="+", metavar="FAMILY",
                    help="only these families (%s; with their own fixture file: %s) or model types; "
                         "hf_reference.json / hf_measured.json then hold only that subset"
                         % (", ".join(families.FAMILIES), ", ".join(families.OWN)))
    ap.add_argument("--models", nargs="+", metavar="NAME",
                    help="only these model names (e.g. gpt2-xl, llama-0 for configs/random/llama-0.json); "
                         "the own-fixture families are then skipped unless --only names them")
    ap.add_argument("--no-random", action="store_true", help="skip the tiny random configs")
    ap.add_argument("--no-measured", action="store_true", help="skip hf_measured.json")
    ap.add_argument("--check", action="store_true",
                    help="write into a temporary directory and compare with the committed fixtures; "
                         "exit 1 and print the differing keys on any difference")
    ap.add_argument("--out", metavar="DIR", help="write the fixture tree under DIR instead of the repository")
    args = ap.parse_args()
    if common.transformers.__version__ != TRANSFORMERS:
        raise SystemExit("count_hf.py: transformers %s found, the fixtures are made with %s (see README.md, Set-up)"
                         % (common.transformers.__version__, TRANSFORMERS))

    types, own_families = families.select(args.only)
    names = set(args.models) if args.models else None
    if names is not None and not args.only:
        own_families = []
    catalog_run = types is None or len(types) > 0  # False: --only names own-fixture families alone
    partial = types is not None or names is not None
    if args.check:
        target = tempfile.mkdtemp(prefix="hfref-check-")
    else:
        target = os.path.abspath(args.out) if args.out else common.FIX
        os.makedirs(target, exist_ok=True)
        if partial and catalog_run and target == common.FIX:
            print("note: --only/--models: hf_reference.json and hf_measured.json will hold only the selection",
                  file=sys.stderr)

    if catalog_run:
        reference.regenerate(target, types, names, random_configs=not args.no_random)
    wrote_measured = None if args.no_measured or not catalog_run else measured.regenerate(target, types, names)
    for fam in own_families:
        own.regenerate(fam, target)
    if not args.check:
        return 0

    def keep(m, random_prefix):
        n = m["name"]
        if random_prefix and n.startswith("random/"):
            if args.no_random:
                return False
            n = n[len("random/"):]
        return (types is None or m["model_type"] in types) and (names is None or n in names)

    whole = not partial and not args.no_random
    diffs = []
    for sub in (("configs", os.path.join("configs", "random")) if not args.no_random else ("configs",)) \
            if catalog_run else ():
        for f in sorted(os.listdir(os.path.join(target, sub))):
            if f.endswith(".json"):
                diffs += check.compare_file(os.path.join(sub, f), common.FIX, target)
        diffs += check.stale_files(sub, common.FIX, target)
    if catalog_run:
        diffs += check.compare_file("hf_reference.json", common.FIX, target,
                                    keep_model=None if whole else (lambda m: keep(m, True)))
    for fam in own_families:
        diffs += own.compare(fam, common.FIX, target)
    if wrote_measured:
        diffs += check.compare_file("hf_measured.json", common.FIX, target,
                                    keep_model=None if not partial else (lambda m: keep(m, False)))
    shutil.rmtree(target)
    return check.report(diffs)


if __name__ == "__main__":
    sys.exit(main())
