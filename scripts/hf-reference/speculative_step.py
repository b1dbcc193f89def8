"""Speculative decode steps (drafts verified in one cached call) as transformers runs them.

    /work/venv-523/bin/python scripts/hf-reference/speculative_step.py    # writes hf_speculative.json

For each config below (tiny random ones from Fixtures/configs/random and two MLA ones from
Fixtures/mla): prefill `CONTEXT` tokens with use_cache, then count under FlopCounterMode one call
that feeds `1 + DRAFTS` new tokens per sequence against that cache (logits at every new position),
which is how a verifier checks its drafts. Encoder-decoder models (T5, BART) do the same on the
decoder side, cross-attending to an encoder output of `ENCODER_SEQ` positions. `FlopCounter.decode(batch:context:draftTokens:)` must
give the same totals (WorkloadTests/SpeculativeStepReferenceTests).
"""
import json
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import torch  # noqa: E402
import transformers  # noqa: E402
from hfref import common  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "WorkloadTests", "Fixtures")
CONFIGS = ["configs/random/gpt2-0.json", "configs/random/llama-0.json", "configs/random/llama-1.json",
           "configs/random/mistral-0.json", "configs/random/qwen2-0.json", "configs/random/mixtral-0.json",
           "configs/random/gemma2-0.json", "configs/random/phi-0.json", "configs/random/opt-0.json",
           "configs/random/falcon-0.json", "configs/random/gpt_neox-0.json",
           "mla/deepseek_v3-q-lora.json", "mla/deepseek_v2-lite-like.json"]
# Encoder-decoder: the decoder verifies its drafts against an encoder output of ENCODER_SEQ positions.
ENCODER_DECODER = ["configs/random/t5-0.json", "configs/random/bart-0.json"]
ENCODER_SEQ = 37
BATCH, CONTEXT, DRAFTS = 2, 37, 2


def count(path):
    with open(os.path.join(ROOT, path)) as f:
        cfg = json.load(f)
    model = common.build(cfg, "cpu", experts="eager" if "expert" in json.dumps(cfg) else None)
    vocab = cfg.get("vocab_size", 1000)
    with torch.no_grad():
        cache = model(input_ids=common.ids(BATCH, CONTEXT, "cpu", vocab), use_cache=True).past_key_values
        step = common.ids(BATCH, 1 + DRAFTS, "cpu", vocab)
        flops, _ = common.count(lambda: model(input_ids=step, past_key_values=cache, use_cache=True))
    return flops


def count_encoder_decoder(path):
    with open(os.path.join(ROOT, path)) as f:
        cfg = json.load(f)
    model = common.build(cfg, "cpu")
    vocab = cfg.get("vocab_size", 1000)
    with torch.no_grad():
        eo = model.get_encoder()(input_ids=common.ids(BATCH, ENCODER_SEQ, "cpu", vocab))
        cache = model(encoder_outputs=eo, decoder_input_ids=common.ids(BATCH, CONTEXT, "cpu", vocab), use_cache=True).past_key_values
        step = common.ids(BATCH, 1 + DRAFTS, "cpu", vocab)
        flops, _ = common.count(lambda: model(encoder_outputs=eo, decoder_input_ids=step, past_key_values=cache, use_cache=True))
    return flops


def main():
    assert transformers.__version__ == "5.23.0", transformers.__version__
    rows = [{"config": p, "batch": BATCH, "context": CONTEXT, "draft_tokens": DRAFTS, "flops": count(p)} for p in CONFIGS]
    rows += [{"config": p, "batch": BATCH, "context": CONTEXT, "encoder_seq": ENCODER_SEQ, "draft_tokens": DRAFTS,
              "flops": count_encoder_decoder(p)} for p in ENCODER_DECODER]
    doc = {"transformers": transformers.__version__, "torch": torch.__version__.split("+")[0], "steps": rows}
    common.write_json(doc, os.path.join(ROOT, "hf_speculative.json"))
    for r in rows:
        print(r["config"], r["flops"])


if __name__ == "__main__":
    main()
