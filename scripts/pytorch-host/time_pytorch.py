#!/usr/bin/env python3
"""Time a catalog model in PyTorch eager on this CPU, and compare with llmcost's prediction.

The outside reference for `llmcost validate --measure`'s `pytorch_eager` predictions (issue 20):
FP32, random weights, eager attention, `--threads` intra-op threads (default: every core), batch 1.

  forward   one `model(input_ids)` over `--seq` tokens, `torch.no_grad()`, `use_cache=False`
  training  `model(input_ids, labels=input_ids)` + `loss.backward()` in `model.train()` with every
            dropout set to 0; gradients dropped between steps (`set_to_none`), no optimizer step
  decode    one cached step: prefill `--seq - 1` tokens (untimed), then time the forward of one
            token over that cache, the cache cropped back after every run

Encoder-only models (BERT, as `BertModel` with its pooler, which is what llmcost counts) have no
decode step, and their training step's loss is `last_hidden_state.sum()`. Encoder–decoder models
(T5) encode `--seq` tokens and decode `--seq` tokens in the forward pass, decode the labels shifted
right in training, and decode one token over `--seq - 1` cached positions and the `--seq` encoder
positions in the decode step.

Each pass: one or more warm-up runs, then repeats until `--min-seconds` of timed runs (at least
`--repeats`), min / median / max seconds.

Needs a scratch virtual environment with `torch==2.13.0+cpu` and `transformers==5.23.0` (PyPI);
llmcost's tests and CI never run it. Configs come from the real hub `config.json`s under
`Tests/WorkloadTests/Fixtures/configs/` (`--config` for any other file).

  python scripts/pytorch-host/time_pytorch.py gpt2 qwen2-0.5b llama-3.2-1b --seq 512 \
      --llmcost .build/release/llmcost          # predicted vs measured, side by side
  python scripts/pytorch-host/time_pytorch.py gpt2 --seq 512 --profile   # where eager time goes
  ... --llmcost .build/release/llmcost --bracket   # PyTorch timed before and after llmcost, pooled
  python scripts/pytorch-host/time_pytorch.py t5-small --faults   # fresh pages each pass touches

torch's CPU wheels carry Intel MKL linked in (`BLAS_INFO=mkl`); with `pip install mkl==2024.2.0` in
the same environment (the version torch 2.13.0+cpu reports) the comparison points llmcost at that
MKL (`LLMCOST_FRAMEWORK_BLAS`), so its GEMM rates are the library torch runs, not OpenBLAS's.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONFIGS = ROOT / "Tests" / "WorkloadTests" / "Fixtures" / "configs"
# Catalog names whose hub config is stored under the hub repository's name.
FIXTURE_NAMES = {"bert-base": "bert-base-uncased", "bert-large": "bert-large-uncased"}


def parse():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("models", nargs="+", help="catalog names with a hub config in the fixtures (gpt2, qwen2-0.5b, llama-3.2-1b, …)")
    p.add_argument("--config", help="a config.json to use instead of the fixture (one model only)")
    p.add_argument("--seq", type=int, default=512)
    p.add_argument("--threads", type=int, default=os.cpu_count())
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--min-seconds", type=float, default=3.0, help="timed seconds per pass at least")
    p.add_argument("--passes", default="forward,training,decode")
    p.add_argument("--llmcost", help="llmcost binary: also run `validate --measure` and print predicted vs measured")
    p.add_argument("--bracket", action="store_true",
                   help="with --llmcost: time PyTorch again after llmcost's run and pool both timings, so the "
                        "measurement spans the window llmcost measured in (a shared host's speed drifts by a fifth "
                        "over minutes); prints the drift between the two")
    p.add_argument("--layers", type=int,
                   help="build the model with this many layers (every layer count in the config set to it) and give "
                        "llmcost the same reduced config.json: for models whose full depth does not fit in memory at FP32 "
                        "(qwen1.5-moe-a2.7b, deepseek-v2-lite)")
    p.add_argument("--profile", action="store_true", help="print the operators eager PyTorch runs, by self CPU time")
    p.add_argument("--json", help="write the measurements here")
    p.add_argument("--block", action="store_true",
                   help="time one transformer block (GPT-2's GPT2Block at --seq) forward and forward + backward, "
                        "and llmcost's layer kernels (`bench --quick`) beside it, and stop")
    p.add_argument("--count-calls", action="store_true",
                   help="count the aten calls per layer and outside the layers (EagerCallCounts in llmcost) and stop")
    p.add_argument("--faults", action="store_true",
                   help="count the minor page faults (fresh pages touched) of each pass after two warm-up runs, and stop")
    p.add_argument("--dispatch", action="store_true",
                   help="time one aten call from Python (torch.add of one-element tensors; EagerTimeModel.defaultDispatchSeconds) and stop")
    return p.parse_args()


def config_file(name):
    """The stored hub config of catalog model `name` (`configs/`, else `hf/`)."""
    stem = FIXTURE_NAMES.get(name, name)
    for folder in (CONFIGS, CONFIGS.parent / "hf", CONFIGS.parent / "mla"):
        if (folder / f"{stem}.json").exists():
            return folder / f"{stem}.json"
    return CONFIGS / f"{stem}.json"


LAYER_KEYS = ("n_layer", "num_hidden_layers", "num_layers", "num_decoder_layers")


def reduced_config(name, args):
    """`--layers`: the model's config with every layer count set to it, written beside the other
    scratch files; the path both PyTorch and llmcost read. Without `--layers`, `--config` (or None)."""
    if args.layers is None:
        return args.config
    import tempfile
    raw = json.loads((Path(args.config) if args.config else config_file(name)).read_text())
    for key in LAYER_KEYS:
        if key in raw:
            raw[key] = args.layers
    path = Path(tempfile.gettempdir()) / f"{name}-{args.layers}-layers.json"
    path.write_text(json.dumps(raw, indent=2) + "\n")
    return str(path)


def build(name, config_path, layers=None):
    import torch
    import transformers
    path = Path(config_path) if config_path else config_file(name)
    raw = json.loads(path.read_text())
    if layers is not None:
        for key in LAYER_KEYS:
            if key in raw:
                raw[key] = layers
    config = transformers.AutoConfig.for_model(**raw)
    for key in list(vars(config)):
        if ("dropout" in key or key.endswith("_pdrop")) and isinstance(getattr(config, key), (int, float)):
            setattr(config, key, 0.0)
    config._attn_implementation = "eager"
    torch.manual_seed(0)
    auto = (transformers.AutoModel if encoder_only(config)
            else transformers.AutoModelForSeq2SeqLM if encoder_decoder(config) else transformers.AutoModelForCausalLM)
    model = auto.from_config(config, dtype=torch.float32, attn_implementation="eager")
    return model, config


# Encoder-only families, built as their base model (`BertModel`, pooler included, as llmcost counts
# BERT): no cache and no decode step; the training step's loss is `last_hidden_state.sum()`.
ENCODER_ONLY = {"bert"}


def encoder_only(config):
    return config.model_type in ENCODER_ONLY


# Encoder–decoder families (T5, as `T5ForConditionalGeneration`): the forward pass encodes `--seq`
# tokens and decodes `--seq` tokens against them (what llmcost's prefill counts); the training step's
# decoder reads the labels shifted right; the decode step is one decoder token over `--seq - 1`
# cached decoder positions and the `--seq` encoder positions' cached cross-attention keys and values.
ENCODER_DECODER = {"t5"}


def encoder_decoder(config):
    return config.model_type in ENCODER_DECODER


def forward_call(model, config, ids):
    if encoder_only(config):
        return lambda: model(ids)
    if encoder_decoder(config):
        return lambda: model(input_ids=ids, decoder_input_ids=ids, use_cache=False)
    return lambda: model(ids, use_cache=False)


def decode_step(model, config, ids):
    """The cache of `ids[:, :-1]` (built untimed), one step that decodes `ids[:, -1:]` over it, and
    the crop that takes the step's position back out of the cache (timed with the step, not counted)."""
    prefix, last = ids[:, :-1], ids[:, -1:]
    if encoder_decoder(config):
        encoded = model.get_encoder()(input_ids=ids)
        cache = model(encoder_outputs=encoded, decoder_input_ids=prefix, use_cache=True).past_key_values
        return (lambda: model(encoder_outputs=encoded, decoder_input_ids=last, past_key_values=cache, use_cache=True),
                lambda: cache.self_attention_cache.crop(-1))
    cache = model(prefix, use_cache=True).past_key_values
    return lambda: model(last, past_key_values=cache, use_cache=True), lambda: cache.crop(-1)


def training_call(model, config, ids):
    def step():
        model.zero_grad(set_to_none=True)
        if encoder_only(config):
            model(ids).last_hidden_state.sum().backward()
        elif encoder_decoder(config):
            model(input_ids=ids, labels=ids, use_cache=False).loss.backward()
        else:
            model(ids, labels=ids, use_cache=False).loss.backward()
    return step


def timed(body, repeats, min_seconds, warmup=1):
    for _ in range(warmup):
        body()
    times = []
    while len(times) < repeats or sum(times) < min_seconds:
        t0 = time.perf_counter()
        body()
        times.append(time.perf_counter() - t0)
        if len(times) >= 200:
            break
    return summary(times)


def summary(times):
    return {"min": min(times), "median": statistics.median(times), "max": max(times), "runs": len(times),
            "seconds": times}


def pooled(first, second):
    """One measurement of two timings of the same pass made before and after llmcost's own run:
    their runs pooled, and how far the host's speed moved between them (`drift`)."""
    merged = {}
    for key in first:
        if isinstance(first[key], dict) and "seconds" in first[key] and key in second:
            a, b = first[key], second[key]
            merged[key] = summary(a["seconds"] + b["seconds"])
            merged[key]["drift"] = b["median"] / a["median"] - 1
        else:
            merged[key] = first[key]
    return merged


def measure(name, args, config_path=None):
    import torch
    torch.set_num_threads(args.threads)
    model, config = build(name, config_path or args.config)
    vocab = config.vocab_size
    g = torch.Generator().manual_seed(1)
    ids = torch.randint(0, vocab, (1, args.seq), generator=g)
    result = {"model": name, "seq": args.seq, "threads": torch.get_num_threads(), "torch": torch.__version__,
              "parameters": sum(p.numel() for p in model.parameters())}
    passes = args.passes.split(",")
    if "forward" in passes:
        model.eval()
        with torch.no_grad():
            result["forward"] = timed(forward_call(model, config, ids), args.repeats, args.min_seconds)
    if "training" in passes:
        model.train()
        result["training"] = timed(training_call(model, config, ids), args.repeats, args.min_seconds)
        model.zero_grad(set_to_none=True)
    if "decode" in passes and not encoder_only(config):
        model.eval()
        with torch.no_grad():
            run, crop = decode_step(model, config, ids)
            result["decode"] = timed(lambda: (run(), crop()), max(args.repeats, 10), args.min_seconds / 3)
    if args.profile:
        profile(model, config, ids)
    return result


def profile(model, config, ids):
    import torch
    from torch.profiler import profile as prof, ProfilerActivity
    model.eval()
    with torch.no_grad(), prof(activities=[ProfilerActivity.CPU], record_shapes=True) as p:
        forward_call(model, config, ids)()
    print(p.key_averages(group_by_input_shape=True).table(sort_by="self_cpu_time_total", row_limit=40))


def count_calls(name, args):
    """aten calls of forward, decode and training, per layer (2 layers − 1 layer) and outside; for a
    DeepSeek-style mixture (dense first layers, `n_routed_experts`), per expert layer, per dense
    layer and per expert (EagerCallCounts.deepseekV2)."""
    import torch
    from torch.profiler import profile as prof, ProfilerActivity

    def calls(body):
        with prof(activities=[ProfilerActivity.CPU]) as p:
            body()
        return sum(e.count for e in p.key_averages() if e.key.startswith("aten::"))

    def totals(layers, **fields):
        path = args.config
        if fields:
            import tempfile
            raw = json.loads((Path(args.config) if args.config else config_file(name)).read_text())
            raw.update(fields)
            path = str(Path(tempfile.gettempdir()) / f"{name}-count-calls.json")
            Path(path).write_text(json.dumps(raw))
        model, config = build(name, path, layers)
        ids = torch.randint(0, config.vocab_size, (1, 64))
        model.eval()
        with torch.no_grad():
            forward = calls(forward_call(model, config, ids))
            decode = 0 if encoder_only(config) else calls(decode_step(model, config, ids)[0])
        model.train()
        step = training_call(model, config, ids)
        step()
        return forward, decode, calls(step)

    raw = json.loads((Path(args.config) if args.config else config_file(name)).read_text())
    if "first_k_dense_replace" in raw and "n_routed_experts" in raw:
        experts = raw["n_routed_experts"]
        one, two = totals(1, first_k_dense_replace=0), totals(2, first_k_dense_replace=0)
        dense = totals(2, first_k_dense_replace=1)
        half = totals(1, first_k_dense_replace=0, n_routed_experts=experts // 2)
        for i, key in enumerate(("forward", "decode", "training")):
            sparse = two[i] - one[i]
            per_expert = (one[i] - half[i]) / (experts - experts // 2)
            print(f"{name} {key}: {sparse} aten calls per expert layer ({round(per_expert)} per expert, "
                  f"{sparse - round(per_expert) * experts} besides), {dense[i] - one[i]} per dense layer, "
                  f"{one[i] - sparse} outside the layers")
        return
    one, two = totals(1), totals(2)
    for i, key in enumerate(("forward", "decode", "training")):
        per_layer = two[i] - one[i]
        print(f"{name} {key}: {per_layer} aten calls per layer, {one[i] - per_layer} outside the layers")


def faults(name, args):
    """Minor page faults of one forward, training step and decode step (after two warm-up runs):
    the outputs that land on fresh pages, which `EagerTimeModel` prices at the first-touch cost."""
    import resource
    import torch
    torch.set_num_threads(args.threads)
    model, config = build(name, reduced_config(name, args))
    ids = torch.randint(0, config.vocab_size, (1, args.seq))

    def count(body):
        body(); body()
        before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        body()
        return (resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before) * resource.getpagesize()
    passes = args.passes.split(",")
    line = f"{name} seq {args.seq}: fresh pages touched per pass:"
    if "forward" in passes:
        model.eval()
        with torch.no_grad():
            line += f"  forward {count(forward_call(model, config, ids)) / 1e6:.0f} MB"
    if "training" in passes:
        model.train()
        line += f"  training {count(training_call(model, config, ids)) / 1e6:.0f} MB"
        model.zero_grad(set_to_none=True)
    if "decode" in passes and not encoder_only(config):
        model.eval()
        with torch.no_grad():
            run, crop = decode_step(model, config, ids)
            line += f"  decode {count(lambda: (run(), crop())) / 1e6:.1f} MB"
    print(line, flush=True)


def block(name, args):
    """One decoder block of `name` in PyTorch vs llmcost's reference layer at the same shape; with
    `--bracket`, PyTorch and llmcost alternate twice and each side's runs are pooled."""
    import torch
    torch.set_num_threads(args.threads)
    model, config = build(name, args.config, layers=1)
    base = model.base_model
    layer = base.h[0] if hasattr(base, "h") else base.layers[0]
    x = torch.randn(1, args.seq, config.hidden_size)
    kwargs = {}
    if hasattr(base, "rotary_emb"):
        # Rotary layers take the cos/sin table the model computes once per forward.
        positions = torch.arange(args.seq).unsqueeze(0)
        with torch.no_grad():
            kwargs["position_embeddings"] = base.rotary_emb(x, positions)
    if not encoder_only(config):
        # The causal mask the model passes down (llmcost's layer is causal too).
        kwargs["attention_mask"] = torch.full((1, 1, args.seq, args.seq), float("-inf")).triu(1)
    xg = x.clone().requires_grad_(True)

    def step():
        layer.zero_grad(set_to_none=True)
        out = layer(xg, **kwargs)
        (out[0] if isinstance(out, tuple) else out).sum().backward()

    def pytorch():
        layer.eval()
        with torch.no_grad():
            forward = timed(lambda: layer(x, **kwargs), args.repeats, args.min_seconds)
        layer.train()
        return forward["seconds"], timed(step, args.repeats, args.min_seconds)["seconds"]

    def ours():
        out = subprocess.run([args.llmcost, "bench", "--quick", name, "--seq", str(args.seq), "--threads", str(args.threads),
                              "--format", "json"], capture_output=True, text=True, check=True).stdout
        k = {x["name"]: x["seconds"] for x in json.loads(out)["kernels"]}
        return k["layer"], k["layer"] + k["attention_backward"] + k["ffn_backward"]

    rounds = 2 if args.bracket and args.llmcost else 1
    forward, both, mine = [], [], []
    for _ in range(rounds):
        f, b = pytorch()
        forward += f; both += b
        if args.llmcost:
            mine.append(ours())
    fwd, bwd = statistics.median(forward), statistics.median(both)
    print(f"PyTorch {name} block, seq {args.seq}: forward {fwd * 1e3:.1f} ms, forward + backward {bwd * 1e3:.1f} ms"
          + (f" ({rounds} rounds alternating with llmcost, pooled)" if rounds > 1 else ""))
    if mine:
        ours_fwd, ours_both = statistics.median(m[0] for m in mine), statistics.median(m[1] for m in mine)
        print(f"llmcost layer: forward {ours_fwd * 1e3:.1f} ms ({fwd / ours_fwd:.2f}× PyTorch's speed), "
              f"forward + backward {ours_both * 1e3:.1f} ms ({bwd / ours_both:.2f}×)")


def dispatch():
    import torch
    x, y = torch.randn(1), torch.randn(1)
    for _ in range(2000):
        torch.add(x, y)
    runs = []
    for _ in range(7):
        t0 = time.perf_counter()
        for _ in range(20000):
            torch.add(x, y)
        runs.append((time.perf_counter() - t0) / 20000)
    print(f"one aten call from Python (torch.add, one-element tensors): median {statistics.median(runs) * 1e6:.2f} µs, "
          f"min {min(runs) * 1e6:.2f} µs")


def framework_blas():
    """The MKL a `pip install mkl` put beside this torch (torch's CPU wheels link MKL in; llmcost
    times the same library's GEMMs through LLMCOST_FRAMEWORK_BLAS), or None."""
    for lib in (Path(sys.prefix) / "lib" / "libmkl_rt.so.2", Path(sys.prefix) / "lib" / "libmkl_rt.so"):
        if lib.exists():
            return str(lib)
    return None


def predictions(binary, name, seq, threads):
    env = dict(os.environ)
    blas = env.get("LLMCOST_FRAMEWORK_BLAS") or framework_blas()
    if blas:
        env["LLMCOST_FRAMEWORK_BLAS"] = blas
    else:
        print("  (no MKL beside torch: llmcost prices GEMMs at OpenBLAS's rates; `pip install mkl==2024.2.0` "
              "to time the library torch runs)", flush=True)
    out = subprocess.run([binary, "validate", "--measure", name, "--seq", str(seq), "--threads", str(threads),
                          "--format", "json"], capture_output=True, text=True, check=True, env=env).stdout
    data = json.loads(out)
    models = data["models"] if isinstance(data, dict) and "models" in data else data
    entry = models[0] if isinstance(models, list) else models
    return {(p["name"], p["pass"]): p["seconds"] for p in entry.get("predictions", [])}


def main():
    args = parse()
    if args.dispatch:
        import torch
        torch.set_num_threads(args.threads)
        return dispatch()
    if args.block:
        for name in args.models:
            block(name, args)
        return 0
    if args.count_calls:
        for name in args.models:
            count_calls(name, args)
        return 0
    if args.faults:
        for name in args.models:
            faults(name, args)
        return 0
    results = []
    for name in args.models:
        path = reduced_config(name, args)
        r = measure(name, args, path)
        results.append(r)
        line = f"{name}{f' ({args.layers} layers)' if args.layers else ''} seq {args.seq}, {r['threads']} threads, torch {r['torch']}:"
        for key in ("forward", "training", "decode"):
            if key in r:
                t = r[key]
                line += f"  {key} {t['median']:.4f} s (min {t['min']:.4f}, max {t['max']:.4f}, {t['runs']} runs)"
        print(line, flush=True)
        if args.llmcost:
            predicted = predictions(args.llmcost, path or name, args.seq, args.threads)
            if args.bracket:
                r = pooled(r, measure(name, args, path))
                results[-1] = r
                print("  bracketed: PyTorch timed again after llmcost's run; host drift between the two "
                      + ", ".join(f"{k} {r[k]['drift'] * 100:+.1f} %" for k in ("forward", "training", "decode") if k in r),
                      flush=True)
            r["llmcost"] = {f"{n}/{p}": s for (n, p), s in predicted.items()}
            print(f"  {'pass':<10}{'PyTorch measured':>18}{'llmcost pytorch_eager':>24}{'error':>9}")
            for key in ("forward", "training", "decode"):
                if key in r and ("pytorch_eager", key) in predicted:
                    m, q = r[key]["median"], predicted[("pytorch_eager", key)]
                    print(f"  {key:<10}{m:>16.4f} s{q:>22.4f} s{(q / m - 1) * 100:>+8.1f} %")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    sys.exit(main())
