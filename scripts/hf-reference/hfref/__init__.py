"""Ground-truth parameter / FLOP fixtures from Hugging Face transformers (see ../README.md).

common      torch/transformers set-up, building models (meta or CPU), FlopCounterMode helpers, JSON writing
phases      prefill / decode / train / generate counting
measure     one model's hf_reference.json entry (parameters, phases, per-family quirks)
families/   hub configs, tiny-random-config generators and quirks, one module per model family
tiny        the seeded tiny random configs (configs/random/*.json)
reference   hf_reference.json + configs/*.json
measured    hf_measured.json (runs Tests/WorkloadTests/Fixtures/tools/measure_hf.py on hf/ and hf-variants/)
check       compare a regenerated fixture tree with the committed one
"""
