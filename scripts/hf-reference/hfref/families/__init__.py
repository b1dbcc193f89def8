"""Model families: real Hugging Face config.json contents and tiny-random-config generators.

Hub configs are field values of the published files, written out verbatim (key order preserved) to
Tests/WorkloadTests/Fixtures/configs/<name>.json; JSON literals are spelled as in the files (each module aliases
null/true/false). Each family module defines MODEL_TYPES (used by `--only FAMILY`; the measured fixtures'
model types are covered too), REAL ({name: config dict}) and RANDOM ({model_type: kwargs generator}).

OWN holds the families with their own fixture file (hf_mla.json, …; see hfref/own.py for what they declare): they
are not in the catalog, hf_reference.json or hf_measured.json. Adding one: its module here and a line in OWN.
"""
from . import (bert, deepseek, encdec, falcon, gemma, glm, gpt2, gptoss, hybrids, llama, llama4, moe, neox, opt, phi,
               qwen3next, ssm)

FAMILIES = {m.__name__.rsplit(".", 1)[1]: m for m in (gpt2, llama, gemma, moe, phi, neox, opt, falcon, bert, encdec)}
OWN = {m.__name__.rsplit(".", 1)[1]: m for m in (deepseek, glm, gptoss, llama4, ssm, hybrids, qwen3next)}
OWN_OF_TYPE = {t: name for name, m in OWN.items() for t in m.MODEL_TYPES}

# The order of configs/*.json entries in hf_reference.json (hub configs, then the GPT-3 table).
CATALOG_ORDER = [
    "gpt2", "gpt2-medium", "gpt2-large", "gpt2-xl",
    "llama-2-7b", "llama-2-13b", "llama-2-70b", "llama-3-8b", "llama-3-70b", "llama-3.1-8b", "llama-3.2-1b",
    "mistral-7b", "mixtral-8x7b", "qwen2-7b", "qwen2-0.5b", "gemma-2b", "gemma-7b", "phi-2",
    "gpt-neox-20b", "pythia-160m", "opt-125m", "opt-350m", "opt-1.3b", "falcon-7b", "falcon-40b",
    "bert-base-uncased", "bert-large-uncased", "t5-small", "t5-base", "t5-large", "t5-v1_1-base",
    "bart-base", "bart-large",
] + list(gpt2.GPT3_TABLE)

REAL = {}
for _m in FAMILIES.values():
    REAL.update(_m.REAL)
assert sorted(REAL) == sorted(n for n in CATALOG_ORDER if n not in gpt2.GPT3_TABLE), "CATALOG_ORDER is stale"

RANDOM = {}
for _m in FAMILIES.values():
    RANDOM.update(_m.RANDOM)

FAMILY_OF_TYPE = {t: name for name, m in FAMILIES.items() for t in m.MODEL_TYPES}


def catalog():
    """[(name, config dict)] of every hub config and GPT-3 size, in output order."""
    return [(n, REAL[n]) for n in CATALOG_ORDER if n in REAL] + [(n, gpt2.gpt3_config(n)) for n in gpt2.GPT3_TABLE]


def model_types(selection):
    """Model types named by a list of family names and/or model types (None: everything)."""
    if not selection:
        return None
    out = set()
    for s in selection:
        if s in FAMILIES:
            out.update(FAMILIES[s].MODEL_TYPES)
        elif s in FAMILY_OF_TYPE:
            out.add(s)
        else:
            raise SystemExit("--only %s: not a family (%s) or model type (%s)"
                             % (s, ", ".join(list(FAMILIES) + list(OWN)),
                                ", ".join(sorted(list(FAMILY_OF_TYPE) + list(OWN_OF_TYPE)))))
    return out


def select(selection):
    """--only split in two: (model types of the catalog run: None for all, an empty set for none;
    the OWN family modules to regenerate, in OWN order). A model type of an OWN family selects that family."""
    if not selection:
        return None, list(OWN.values())
    own = {OWN_OF_TYPE.get(s, s) for s in selection if s in OWN or s in OWN_OF_TYPE}
    rest = [s for s in selection if s not in OWN and s not in OWN_OF_TYPE]
    return (model_types(rest) if rest else set()), [m for n, m in OWN.items() if n in own]
