#!/usr/bin/env python3
"""Writes the small sentence model that tests SentenceModel, and the vectors numpy gives it.

A BERT of random weights (2 layers, width 32, 4 heads, a vocabulary of a few hundred WordPiece tokens), saved as
sentence-transformers saves all-MiniLM-L6-v2 (config.json, model.safetensors, tokenizer.json written by the Hugging
Face `tokenizers` library, sentence_bert_config.json reading at most 16 tokens), and expected.json: texts and their
mean-pooled unit vectors by the numpy forward pass of Scripts/distill-embeddings.py. Deterministic (seeded).

    python3 -m venv /tmp/fixture && /tmp/fixture/bin/pip install numpy tokenizers==0.23.3
    /tmp/fixture/bin/python Scripts/sentence-model-fixture.py

writes Tests/AskKitTests/Fixtures/sentence-model/.
"""
import importlib.util
import json
import struct
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer, models, normalizers, pre_tokenizers

root = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("distill", root / "Scripts" / "distill-embeddings.py")
distill = importlib.util.module_from_spec(spec)
spec.loader.exec_module(distill)

OUTPUT = root / "Tests" / "AskKitTests" / "Fixtures" / "sentence-model"
WIDTH, HEADS, LAYERS, INTERMEDIATE, POSITIONS, LONGEST = 32, 4, 2, 64, 64, 16
WORDS = ("the a is it how long to heal bone cement fracture back pain spine after weeks most need about "
         "can you catch from someone contagious doctor x ray scan will be done check placement of").split()
TEXTS = [
    "How long to heal?",
    "Most bones need about 6 weeks to heal.",
    "Is it contagious? You cannot catch it from someone.",
    "An X-ray or CT scan will be done to check the placement of the cement.",
    "Zebras",
    "",
    "the back pain after a spine fracture can last weeks and the doctor will check the bone cement placement",
]


def main():
    rng = np.random.default_rng(14)
    letters = [chr(c) for c in range(ord("a"), ord("z") + 1)] + [str(d) for d in range(10)]
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + list("?.,-!'") + letters + ["##" + c for c in letters]
    vocab += [w for w in WORDS if w not in vocab] + ["##s", "##ing", "##ed"]
    ids = {token: i for i, token in enumerate(vocab)}
    tokenizer = Tokenizer(models.WordPiece(ids, unk_token="[UNK]", max_input_chars_per_word=100))
    tokenizer.normalizer = normalizers.BertNormalizer(lowercase=True, strip_accents=None, clean_text=True)
    tokenizer.pre_tokenizer = pre_tokenizers.BertPreTokenizer()

    def weight(*shape):
        return (rng.standard_normal(shape) * 0.3).astype(np.float32)

    tensors = {
        "embeddings.word_embeddings.weight": weight(len(vocab), WIDTH),
        "embeddings.position_embeddings.weight": weight(POSITIONS, WIDTH),
        "embeddings.token_type_embeddings.weight": weight(2, WIDTH),
        "embeddings.LayerNorm.weight": 1 + weight(WIDTH),
        "embeddings.LayerNorm.bias": weight(WIDTH),
    }
    for layer in range(LAYERS):
        p = f"encoder.layer.{layer}."
        for name, (out, inner) in {"attention.self.query": (WIDTH, WIDTH), "attention.self.key": (WIDTH, WIDTH),
                                   "attention.self.value": (WIDTH, WIDTH), "attention.output.dense": (WIDTH, WIDTH),
                                   "intermediate.dense": (INTERMEDIATE, WIDTH),
                                   "output.dense": (WIDTH, INTERMEDIATE)}.items():
            tensors[p + name + ".weight"] = weight(out, inner)
            tensors[p + name + ".bias"] = weight(out)
        for norm in ("attention.output.LayerNorm", "output.LayerNorm"):
            tensors[p + norm + ".weight"] = 1 + weight(WIDTH)
            tensors[p + norm + ".bias"] = weight(WIDTH)

    vectors = []
    for text in TEXTS:
        pieces = tokenizer.encode(text, add_special_tokens=False).ids[:LONGEST - 2]
        row = np.array([[ids["[CLS]"]] + pieces + [ids["[SEP]"]]])
        pooled = distill.encode(tensors, row, heads=HEADS)[0].mean(0)
        vectors.append([round(float(x), 6) for x in pooled / np.linalg.norm(pooled)])

    OUTPUT.mkdir(parents=True, exist_ok=True)
    header, offset, blobs = {}, 0, []
    for name, tensor in tensors.items():
        blob = tensor.astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(tensor.shape), "data_offsets": [offset, offset + len(blob)]}
        offset += len(blob)
        blobs.append(blob)
    header_bytes = json.dumps(header, separators=(",", ":")).encode()
    (OUTPUT / "model.safetensors").write_bytes(struct.pack("<Q", len(header_bytes)) + header_bytes + b"".join(blobs))
    (OUTPUT / "config.json").write_text(json.dumps({
        "architectures": ["BertModel"], "hidden_act": "gelu", "hidden_size": WIDTH, "intermediate_size": INTERMEDIATE,
        "layer_norm_eps": 1e-12, "max_position_embeddings": POSITIONS, "model_type": "bert",
        "num_attention_heads": HEADS, "num_hidden_layers": LAYERS, "type_vocab_size": 2, "vocab_size": len(vocab),
    }, indent=2) + "\n")
    (OUTPUT / "sentence_bert_config.json").write_text(json.dumps({"max_seq_length": LONGEST}) + "\n")
    (OUTPUT / "tokenizer.json").write_text(tokenizer.to_str() + "\n")
    (OUTPUT / "expected.json").write_text(json.dumps(
        [{"text": t, "vector": v} for t, v in zip(TEXTS, vectors)], indent=1) + "\n")


if __name__ == "__main__":
    main()
