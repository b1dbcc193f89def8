"""Seeded tiny random configs (configs/random/<model_type>-<i>.json), written by `save_pretrained`."""
import os
import random

from transformers.models.auto.configuration_auto import CONFIG_MAPPING

from . import common  # noqa: F401  (transformers set-up)
from .families import RANDOM

RANDOM_TYPES = ["gpt2", "llama", "mistral", "mixtral", "qwen2", "gemma", "phi", "gpt_neox", "opt", "falcon",
                "bert", "t5", "bart"]
N_RANDOM = 6
# Added for the training fixtures (transformers 5.23): fewer configs each.
MORE_RANDOM_TYPES = ["qwen3", "gemma2", "gemma3_text", "phi3", "starcoder2", "olmo", "olmo2", "qwen2_moe", "olmoe"]
N_MORE_RANDOM = 3
# Tiny models that are also counted for generate (every tiny model except BERT is counted for train).
TRAIN_GENERATE = {"gpt2-0", "llama-0", "t5-0"}


def random_config(mt, i, wrap=None):
    """The i-th seeded config of `mt`. The generators index their per-family flag lists by i, which run out past
    the fixtures' indices: `wrap` (6 or 3, the fixtures' count) indexes them by i mod wrap, while the seed and
    `bit(k)` still use the real i (the differential sweep's configs past the fixtures)."""
    r = random.Random("%s-%d" % (mt, i))
    vocab = r.randint(97, 1000)
    layers = r.randint(1, 3)
    bit = lambda k: bool((i >> k) & 1)  # deterministic coverage of flags across i = 0..5
    if mt not in RANDOM:
        raise ValueError(mt)
    kw = RANDOM[mt](mt, i if wrap is None else i % wrap, r, vocab, layers, bit)
    return CONFIG_MAPPING[mt](**kw)


def save_config(cfg, dst):
    """Writes `cfg` to `dst` as `save_pretrained` writes config.json (through a scratch folder beside it)."""
    d = os.path.join(os.path.dirname(dst), "_tmp_" + os.path.basename(dst)[: -len(".json")])
    cfg.save_pretrained(d)
    os.replace(os.path.join(d, "config.json"), dst)
    for f in os.listdir(d):
        os.remove(os.path.join(d, f))
    os.rmdir(d)


def write_random_configs(fix):
    paths = []
    for mt, n in [(t, N_RANDOM) for t in RANDOM_TYPES] + [(t, N_MORE_RANDOM) for t in MORE_RANDOM_TYPES]:
        for i in range(n):
            name = "%s-%d" % (mt, i)
            dst = os.path.join(fix, "configs", "random", name + ".json")
            save_config(random_config(mt, i), dst)
            paths.append((name, dst))
    return paths
