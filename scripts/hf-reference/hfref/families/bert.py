"""BERT (encoder only: BertModel, no KV cache, so no decode).
"""

from ..randutil import divisors as _divisors, heads_and_dim as _heads_and_dim

null, true, false = None, True, False  # JSON literals spelled as in the hub files

MODEL_TYPES = ("bert",)

DECODE_NOTE = "BertModel is an encoder (no KV cache): decode not applicable."
TRAIN_NOTE = ("train not counted: BertModel (what llmcost's bert spec describes: encoder + pooler, no head) takes no "
              "labels, and BertForMaskedLM / BertForPreTraining replace the pooler by other heads.")


def _bert(hidden, inter, heads, layers):
    return {
        "architectures": ["BertForMaskedLM"],
        "attention_probs_dropout_prob": 0.1,
        "gradient_checkpointing": false,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "hidden_size": hidden,
        "initializer_range": 0.02,
        "intermediate_size": inter,
        "layer_norm_eps": 1e-12,
        "max_position_embeddings": 512,
        "model_type": "bert",
        "num_attention_heads": heads,
        "num_hidden_layers": layers,
        "pad_token_id": 0,
        "position_embedding_type": "absolute",
        "transformers_version": "4.6.0.dev0",
        "type_vocab_size": 2,
        "use_cache": true,
        "vocab_size": 30522,
    }


REAL = {
    "bert-base-uncased": _bert(768, 3072, 12, 12),
    "bert-large-uncased": _bert(1024, 4096, 16, 24),
}


def _random_bert(mt, i, r, vocab, layers, bit):
    h, hd = _heads_and_dim(r)
    kw = dict(hidden_size=h * hd, num_attention_heads=h, num_hidden_layers=layers, vocab_size=vocab,
              intermediate_size=r.randint(50, 300), max_position_embeddings=r.randint(160, 300),
              type_vocab_size=r.randint(1, 3), hidden_act=r.choice(["gelu", "relu", "gelu_new"]))
    return kw


RANDOM = {"bert": _random_bert}
