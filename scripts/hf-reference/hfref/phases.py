"""Counting phases: prefill, decode (KV cache), train (forward + backward), generate.

Each returns a list of {shape..., "flops": total, "by_operator": {aten op: flops}} entries.
"""
import torch

from .common import count, ids

PREFILL_SHAPES = [(1, 128), (2, 37)]
PREFILL_SHAPES_ED = [(1, 32, 8), (2, 17, 5)]
DECODE_SHAPES = [(1, 16), (3, 5)]
DECODE_ENCODER_SEQ = 17


def prefill(model, device, vocab, enc_dec, shapes=None):
    res = []
    if enc_dec:
        for b, s, ds in (shapes or PREFILL_SHAPES_ED):
            enc, dec = ids(b, s, device, vocab), ids(b, ds, device, vocab)
            with torch.no_grad():
                f, o = count(lambda: model(input_ids=enc, decoder_input_ids=dec, use_cache=False))
            res.append({"batch": b, "seq": s, "decoder_seq": ds, "flops": f, "by_operator": o})
    else:
        for b, s in (shapes or PREFILL_SHAPES):
            x = ids(b, s, device, vocab)
            with torch.no_grad():
                f, o = count(lambda: model(input_ids=x, use_cache=False))
            res.append({"batch": b, "seq": s, "flops": f, "by_operator": o})
    return res


def decode(model, device, vocab, enc_dec, shapes=None):
    res = []
    for b, ctx in (shapes or DECODE_SHAPES):
        with torch.no_grad():
            if enc_dec:
                enc = ids(b, DECODE_ENCODER_SEQ, device, vocab)
                eo = model.get_encoder()(input_ids=enc)
                out = model(encoder_outputs=eo, decoder_input_ids=ids(b, ctx, device, vocab), use_cache=True)
                pkv = out.past_key_values
                step = ids(b, 1, device, vocab)
                f, o = count(lambda: model(encoder_outputs=eo, decoder_input_ids=step, past_key_values=pkv,
                                           use_cache=True))
                res.append({"batch": b, "context": ctx, "encoder_seq": DECODE_ENCODER_SEQ, "flops": f,
                            "by_operator": o})
            else:
                out = model(input_ids=ids(b, ctx, device, vocab), use_cache=True)
                pkv = out.past_key_values
                step = ids(b, 1, device, vocab)
                f, o = count(lambda: model(input_ids=step, past_key_values=pkv, use_cache=True))
                res.append({"batch": b, "context": ctx, "flops": f, "by_operator": o})
    return res


TRAIN_SHAPES = [(1, 16), (1, 37), (2, 16), (2, 37)]
# Encoder-decoder: (batch, encoder seq, decoder seq); labels of the decoder length, so decoder_input_ids =
# shift_right(labels) has that length.
TRAIN_SHAPES_ED = [(1, 16, 16), (2, 37, 37), (1, 32, 8), (2, 17, 5)]


def train_counts(model, vocab, enc_dec, shapes=None):
    """Forward + loss.backward() under FlopCounterMode, model.train() (dropout is 0 in the config: build(train=True)).

    Each entry also has the forward alone (same call, under no_grad) as forward_flops / forward_by_operator."""
    model.train()
    res = []
    for shape in (shapes or (TRAIN_SHAPES_ED if enc_dec else TRAIN_SHAPES)):
        b, s = shape[0], shape[1]
        x = ids(b, s, "cpu", vocab)
        if enc_dec:
            labels = ids(b, shape[2], "cpu", vocab)
            kw = dict(input_ids=x, labels=labels)
        else:
            kw = dict(input_ids=x, labels=x)
        with torch.no_grad():
            fwd, fwd_ops = count(lambda: model(**kw))

        def step():
            model.zero_grad(set_to_none=True)
            out = model(**kw)
            out.loss.backward()

        tot, tot_ops = count(step)
        model.zero_grad(set_to_none=True)
        e = {"batch": b, "seq": s}
        if enc_dec:
            e["decoder_seq"] = shape[2]
        e.update({"labels": "decoder labels (batch, decoder_seq)" if enc_dec else "input_ids", "flops": tot,
                  "by_operator": tot_ops, "forward_flops": fwd, "forward_by_operator": fwd_ops})
        res.append(e)
    model.eval()
    return res


def generate_counts(model, vocab, enc_dec):
    res = []
    for prompt, n, k in [(12, 6, 1), (12, 6, 4)]:
        x = ids(1, prompt, "cpu", vocab)
        with torch.no_grad():
            f, o = count(lambda: model.generate(x, max_new_tokens=n, min_new_tokens=n, num_beams=k, do_sample=False,
                                                eos_token_id=None, pad_token_id=0))
            out = model.generate(x, max_new_tokens=n, min_new_tokens=n, num_beams=k, do_sample=False,
                                 eos_token_id=None, pad_token_id=0)
        e = {"batch": 1, "prompt": prompt, "max_new_tokens": n, "num_beams": k, "do_sample": False,
             "output_length": int(out.shape[1]), "flops": f, "by_operator": o}
        if enc_dec:
            e = {"batch": 1, "encoder_seq": prompt, **{kk: v for kk, v in e.items() if kk not in ("batch", "prompt")}}
        res.append(e)
    return res
