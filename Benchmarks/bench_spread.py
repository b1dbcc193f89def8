#!/usr/bin/env python3
"""How far `llmcost bench --quick` moves from run to run on this host (issue 20's bar: on an idle
machine, five consecutive runs within 15 % max ÷ min on every kernel's rate, and the layer at
most 1.05 × attention + FFN in every run).

    swift build -c release && python3 Benchmarks/bench_spread.py [--runs 5] [--binary .build/release/llmcost] [-- extra bench options]

Prints one line per kernel: GFLOP/s of each run, max ÷ min, and whether any run was measured
under load (other processes' share of the CPUs above 10 %, from the report's `foreign_load`); then
layer ÷ (attention + ffn) seconds per run. Exit status 1 when a bar is missed on an idle machine.
Standard library only.
"""
import argparse
import json
import subprocess
import sys


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--binary", default=".build/release/llmcost")
    p.add_argument("--tolerance", type=float, default=1.15, help="max ÷ min allowed per kernel")
    p.add_argument("extra", nargs="*", help="more `bench` options (after --)")
    a = p.parse_args()
    reports = []
    for i in range(a.runs):
        out = subprocess.run([a.binary, "bench", "--quick", "--format", "json", *a.extra],
                             capture_output=True, text=True, check=True).stdout
        reports.append(json.loads(out))
        print(f"run {i + 1}/{a.runs} done", file=sys.stderr, flush=True)
    names = [k["name"] for k in reports[0]["kernels"]]
    loaded_any = False
    failures = []
    print(f"{'kernel':<22}{'GFLOP/s per run (median run)':<48}{'max/min':>8}{'best-run max/min':>18}  load")
    for name in names:
        ks = [next(k for k in r["kernels"] if k["name"] == name) for r in reports]
        rates = [k["gflops"] for k in ks]
        best = [k["flops"] / k["best_seconds"] / 1e9 for k in ks]
        loads = [k.get("foreign_load") or 0 for k in ks]
        loaded = any(x > 0.10 for x in loads)
        loaded_any |= loaded
        spread = max(rates) / min(rates)
        if spread > a.tolerance and not loaded:
            failures.append(f"{name}: max/min {spread:.3f}")
        print(f"{name:<22}{' '.join(f'{x:7.1f}' for x in rates):<48}{spread:>8.3f}{max(best) / min(best):>18.3f}  "
              f"{'LOADED ' if loaded else ''}max {max(loads) * 100:.0f} %")
    for key in ("best_sgemm_gflops", "peak_gflops", "bandwidth_gbps"):
        values = [r[key] for r in reports]
        print(f"{key:<22}{' '.join(f'{x:7.1f}' for x in values):<48}{max(values) / min(values):>8.3f}")
    print("layer ÷ (attention + ffn) seconds per run:")
    ratios = []
    for r in reports:
        k = {x["name"]: x["seconds"] for x in r["kernels"]}
        ratios.append(k["layer"] / (k["attention"] + k["ffn"]))
    print("  " + " ".join(f"{x:.3f}" for x in ratios))
    if max(ratios) > 1.05 and not loaded_any:
        failures.append(f"layer ÷ (attention + ffn) up to {max(ratios):.3f} > 1.05")
    threading = reports[0].get("threading", {}).get("summary", "not reported")
    print(f"threading: {threading}")
    print(f"CPU: {reports[0]['host']['cpu_model']} ({reports[0]['host']['isa']}, OpenBLAS {reports[0]['host']['openblas_core']})")
    if loaded_any:
        print("some kernels were measured under load: the spread says more about the neighbours than the host")
    for f in failures:
        print("MISSED:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
