"""torch / transformers set-up, model building (meta or CPU), FlopCounterMode helpers, JSON writing.

Importing this module configures transformers exactly as the counting needs (warnings off, the meta-device
mask patch below); every other module that touches torch imports it first.
"""
import copy
import json
import os
import warnings

import torch
import transformers
import transformers.masking_utils as _masking_utils
from torch.utils.flop_counter import FlopCounterMode
from transformers import (AutoModelForCausalLM, BartForConditionalGeneration, BertModel,
                          T5ForConditionalGeneration)
from transformers.models.auto.configuration_auto import CONFIG_MAPPING

warnings.filterwarnings("ignore")
transformers.logging.set_verbosity_error()

# On the meta device the mask helper's data-dependent check for packed sequences
# (`(mask[:, -1] == 0).all()` -> .item()) cannot run. Treat meta tensors like the traced
# (torch.compile / FakeTensor) case, which skips the check. This only affects mask construction
# (no matmuls); it is validated by the CPU == meta cross-check on every tiny random config.
_orig_is_tracing = _masking_utils.is_tracing


def _is_tracing(tensor=None):
    return _orig_is_tracing(tensor) or (isinstance(tensor, torch.Tensor) and tensor.is_meta)


_masking_utils.is_tracing = _is_tracing

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # scripts/hf-reference
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
FIX = os.path.join(REPO, "Tests", "WorkloadTests", "Fixtures")


def model_class(model_type):
    if model_type == "bert":
        return BertModel
    if model_type == "t5":
        return T5ForConditionalGeneration
    if model_type == "bart":
        return BartForConditionalGeneration
    return AutoModelForCausalLM


def make_config(cfg_dict):
    d = copy.deepcopy(cfg_dict)
    # auto_map points at remote code; the in-library class is what we want.
    d.pop("auto_map", None)
    return CONFIG_MAPPING[d["model_type"]].from_dict(d)


def no_dropout(config):
    """Every dropout probability (and Mixtral's router jitter) set to 0, for a deterministic training step."""
    for k, v in list(vars(config).items()):
        if ("dropout" in k or "pdrop" in k or k == "router_jitter_noise") and isinstance(v, (int, float)) \
                and not isinstance(v, bool):
            setattr(config, k, 0.0)
    return config


def build(cfg_dict, device, seed=0, experts=None, train=False):
    """The model of a config dict on `device`, eager attention; `train`: dropout 0 (see no_dropout)."""
    config = make_config(cfg_dict)
    if train:
        no_dropout(config)
    torch.manual_seed(seed)
    kw = {"attn_implementation": "eager"}
    if experts:
        kw["experts_implementation"] = experts
    with torch.device(device):
        cls = model_class(config.model_type)
        if cls is AutoModelForCausalLM:
            model = cls.from_config(config, **kw)
        else:  # concrete classes: the same path AutoModel.from_config takes
            model = cls._from_config(config, **kw)
    model.eval()
    return model


def ops(fc):
    return {str(k): int(v) for k, v in sorted(fc.get_flop_counts()["Global"].items(), key=lambda kv: str(kv[0]))}


def count(fn):
    with FlopCounterMode(display=False) as fc:
        fn()
    return int(fc.get_total_flops()), ops(fc)


def ids(batch, seq, device, vocab):
    g = torch.Generator().manual_seed(batch * 1000 + seq)
    x = torch.randint(3, max(4, min(vocab, 90)), (batch, seq), generator=g)
    return x.to(device)


def n_params(model):
    return int(sum(p.numel() for p in model.parameters()))


def write_json(doc, path):
    """hf_reference.json style: indent 1, key order kept, written atomically."""
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    os.replace(tmp, path)


def write_config(d, path):
    """configs/<name>.json style: indent 2, key order kept."""
    with open(path, "w") as f:
        json.dump(d, f, indent=2)
        f.write("\n")
