"""Writes hf_measured.json: what the real `transformers` code says about each given config, in the
schema of hf_reference.json (models: [{name, config, parameters, prefill: [...], decode: [...]}]).

Usage (any venv with torch and transformers; nothing is downloaded, weights live on the meta
device, so even Falcon-40B takes a second):

    OUT=Tests/WorkloadTests/Fixtures/hf_measured.json \
        python Tests/WorkloadTests/Fixtures/tools/measure_hf.py Tests/WorkloadTests/Fixtures/hf{,-variants}/*.json

parameters = sum(p.numel() for p in model.parameters()) (tied weights once).
FLOPs      = torch.utils.flop_counter.FlopCounterMode total, attn_implementation="eager" (the
             full query x key square, as llmcost's `matmul` convention).
MoE        = experts_implementation="batched_mm", so the routed expert GEMMs are counted.
prefill    = model(input_ids [B, S]) (T5/BART: decoder_input_ids [B, S] too), logits everywhere.
decode     = one token per sequence after a cached pass over C tokens (T5/BART: the encoder
             output of S tokens is given, so its cross K/V come from the cache); a few configs
             are also measured at the longer contexts of DECODE_CONTEXTS.
"""
import json
import os
import sys
import warnings

import torch
import transformers as T
import transformers.masking_utils as masking_utils
from torch.utils.flop_counter import FlopCounterMode

warnings.filterwarnings("ignore")
# Packed-sequence detection calls .item(), which meta tensors cannot answer; no input is packed.
masking_utils.find_packed_sequence_indices = lambda *args, **kwargs: None

B, S, C = 2, 128, 100
DEVICE = "meta"
# Decode contexts per config name where C = 100 cannot show the difference: the class-default
# sliding window of 4096 only bites past 4096 cached positions.
DECODE_CONTEXTS = {"mistral-absent-sliding-window": (C, 4200), "qwen2-absent-sliding-window": (C, 4200),
                   "gemma2-class-defaults": (C, 4200)}

# Published totals the meta-device build must reproduce (the model card's figure).
PUBLISHED = {"qwen3-235b-a22b": 235093634560}


# Families whose experts run through `experts_implementation` (grouped_mm by default).
MOE_TYPES = ("mixtral", "qwen2_moe", "qwen3_moe", "olmoe", "phimoe")


def build(values):
    model_type = values.get("model_type")
    config = T.AutoConfig.for_model(**values)
    # Experts as one bmm per routed (token, expert) pair, which FlopCounterMode counts; the
    # default grouped_mm has no FLOP formula and would hide every expert GEMM.
    extra = {"experts_implementation": "batched_mm"} if model_type in MOE_TYPES else {}
    classes = {"bert": T.BertModel, "t5": T.T5ForConditionalGeneration, "mt5": T.MT5ForConditionalGeneration,
               "bart": T.BartForConditionalGeneration}
    with torch.device(DEVICE):
        if model_type in classes:
            model = classes[model_type]._from_config(config, attn_implementation="eager", **extra)
        else:
            model = T.AutoModelForCausalLM.from_config(config, attn_implementation="eager", **extra)
    return model.eval(), model_type


def counted(call):
    with FlopCounterMode(display=False) as counter:
        output = call()
    return counter.get_total_flops(), output


def tokens(length):
    return torch.zeros((B, length), dtype=torch.long, device=DEVICE)


@torch.no_grad()
def measure(path):
    model, model_type = build(json.load(open(path)))
    fixtures = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    result = {"name": os.path.basename(path)[: -len(".json")], "config": os.path.relpath(os.path.abspath(path), fixtures),
              "model_type": model_type, "model_class": type(model).__name__,
              "parameters": sum(p.numel() for p in model.parameters())}
    if result["name"] in PUBLISHED:
        assert result["parameters"] == PUBLISHED[result["name"]], (result["name"], result["parameters"])
    if model_type == "bert":
        flops, _ = counted(lambda: model(input_ids=tokens(S)))
        result["prefill"] = [{"batch": B, "seq": S, "flops": flops}]
    elif model_type in ("t5", "mt5", "bart"):
        flops, _ = counted(lambda: model(input_ids=tokens(S), decoder_input_ids=tokens(S), use_cache=False))
        result["prefill"] = [{"batch": B, "seq": S, "decoder_seq": S, "flops": flops}]
        encoded = model.get_encoder()(input_ids=tokens(S))
        cache = model(encoder_outputs=encoded, decoder_input_ids=tokens(C), use_cache=True).past_key_values
        flops, _ = counted(lambda: model(encoder_outputs=encoded, decoder_input_ids=tokens(1),
                                         past_key_values=cache, use_cache=True))
        result["decode"] = [{"batch": B, "context": C, "encoder_seq": S, "flops": flops}]
    else:
        flops, _ = counted(lambda: model(input_ids=tokens(S), use_cache=False))
        result["prefill"] = [{"batch": B, "seq": S, "flops": flops}]
        result["decode"] = []
        for context in DECODE_CONTEXTS.get(result["name"], (C,)):
            cache = model(input_ids=tokens(context), use_cache=True).past_key_values
            flops, _ = counted(lambda: model(input_ids=tokens(1), past_key_values=cache, use_cache=True))
            result["decode"].append({"batch": B, "context": context, "flops": flops})
    if model_type in MOE_TYPES:
        # The reference schema keeps expert-counting passes under their own keys.
        for phase in ("prefill", "decode"):
            result[phase + "_experts_batched_mm"] = result.pop(phase)
    return result


def main():
    models = []
    for path in sys.argv[1:]:
        models.append(measure(path))
        print(models[-1]["name"], models[-1]["parameters"], file=sys.stderr, flush=True)
    document = {
        "generator": "Fixtures/tools/measure_hf.py (its docstring says what each figure is)",
        "transformers": T.__version__, "torch": torch.__version__, "models": models,
    }
    with open(os.environ.get("OUT", "hf_measured.json"), "w") as out:
        json.dump(document, out, indent=1, sort_keys=True)
        out.write("\n")


if __name__ == "__main__":
    main()
