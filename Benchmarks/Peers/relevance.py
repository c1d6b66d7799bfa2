#!/usr/bin/env python3
"""Relevance of ask against Lucene-class BM25 peers on a BEIR collection, on the same files.

Peers (measuring sticks, never dependencies of the product), installed by `Benchmarks/Peers/setup.sh` into a
throwaway virtual environment:
  - Tantivy 0.27.0: BM25, English stemming (en_stem), title + text fields, OR of the query words;
  - bm25s 0.3.16: Lucene BM25, English stop words, Snowball stemmer, title and text as one field;
  - plain FTS5: SQLite's bm25() over title and text (porter unicode61), OR of the quoted query words.
ask is run through its own CLI (`ask index`, `ask run`), so what is measured is what users get.

Usage:
  Benchmarks/Peers/setup.sh                       # once: creates .build-peers/venv
  .build-peers/venv/bin/python Benchmarks/Peers/relevance.py ../shared/bench/medquad --queries queries-dev.jsonl \
      --qrels qrels-dev.tsv --ask .build/release/ask
Prints one table row per engine: nDCG@10, Recall@100, MRR@10 (trec_eval definitions), and query time.
"""
import argparse, gzip, json, math, os, re, sqlite3, subprocess, sys, tempfile, time


def load_jsonl(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_qrels(path):
    qrels = {}
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) != 3 or not parts[2].lstrip("-").isdigit():
                continue
            qrels.setdefault(parts[0], {})[parts[1]] = int(parts[2])
    return qrels


def read_run(path):
    """A TREC run file as {qid: [docid, ...]} in the file's order (best first, as `ask run` writes it)."""
    run = {}
    with open(path) as f:
        for line in f:
            qid, _, doc, *_ = line.split()
            run.setdefault(qid, []).append(doc)
    return run


def measures(run, qrels):
    """run: {qid: [docid, ...] best first}. Averaged over queries with a relevant document (missing runs score 0)."""
    scored = [q for q, judged in qrels.items() if any(g > 0 for g in judged.values())]
    ndcg = recall = mrr = 0.0
    for q in scored:
        judged, ranking = qrels[q], run.get(q, [])
        dcg = sum(max(0, judged.get(d, 0)) / math.log2(i + 2) for i, d in enumerate(ranking[:10]))
        ideal = sorted((g for g in judged.values() if g > 0), reverse=True)[:10]
        idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
        ndcg += dcg / idcg if idcg else 0
        relevant = [d for d, g in judged.items() if g > 0]
        recall += sum(1 for d in ranking[:100] if judged.get(d, 0) > 0) / len(relevant)
        mrr += next((1 / (i + 1) for i, d in enumerate(ranking[:10]) if judged.get(d, 0) > 0), 0)
    n = max(len(scored), 1)
    return ndcg / n, recall / n, mrr / n


WORD = re.compile(r"\w+", re.UNICODE)


def queries_with_words(queries, run):
    """Yields (id, words) of each query with words; a query without any gets an empty ranking."""
    for q in queries:
        words = WORD.findall(q["text"].lower())
        if words:
            yield q["_id"], words
        else:
            run[q["_id"]] = []


def run_tantivy(corpus, queries, k):
    import tantivy
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("title", tokenizer_name="en_stem")
    builder.add_text_field("body", tokenizer_name="en_stem")
    schema = builder.build()
    index = tantivy.Index(schema)
    writer = index.writer(heap_size=512_000_000, num_threads=1)
    for doc in corpus:
        writer.add_document(tantivy.Document(id=doc["_id"], title=doc.get("title") or "", body=doc.get("text") or ""))
    writer.commit()
    index.reload()
    searcher = index.searcher()
    run, start = {}, time.perf_counter()
    for qid, words in queries_with_words(queries, run):
        query = index.parse_query(" ".join(words), ["title", "body"])
        hits = searcher.search(query, k).hits
        run[qid] = [searcher.doc(address)["id"][0] for _, address in hits]
    return run, time.perf_counter() - start


def run_bm25s(corpus, queries, k):
    import bm25s, Stemmer
    stemmer = Stemmer.Stemmer("english")
    ids = [d["_id"] for d in corpus]
    tokens = bm25s.tokenize([f'{d.get("title") or ""} {d.get("text") or ""}' for d in corpus],
                            stopwords="en", stemmer=stemmer, show_progress=False)
    retriever = bm25s.BM25()
    retriever.index(tokens, show_progress=False)
    run, start = {}, time.perf_counter()
    for q in queries:
        query_tokens = bm25s.tokenize([q["text"]], stopwords="en", stemmer=stemmer, show_progress=False)
        if not query_tokens.vocab:
            run[q["_id"]] = []
            continue
        results, _ = retriever.retrieve(query_tokens, k=min(k, len(ids)), show_progress=False)
        run[q["_id"]] = [ids[i] for i in results[0]]
    return run, time.perf_counter() - start


def run_fts5(corpus, queries, k):
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, tokenize='porter unicode61')")
    db.executemany("INSERT INTO docs VALUES (?, ?, ?)",
                   ((d["_id"], d.get("title") or "", d.get("text") or "") for d in corpus))
    run, start = {}, time.perf_counter()
    for qid, words in queries_with_words(queries, run):
        match = " OR ".join('"%s"' % w.replace('"', '""') for w in words)
        rows = db.execute("SELECT id FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ?", (match, k)).fetchall()
        run[qid] = [r[0] for r in rows]
    return run, time.perf_counter() - start


def run_ask(ask, corpus_path, queries_path, k, workdir):
    index = os.path.join(workdir, "ask.sqlite")
    subprocess.run([ask, "index", "--corpus", corpus_path, "--index", index], check=True, stdout=subprocess.DEVNULL)
    output = os.path.join(workdir, "ask.run")
    start = time.perf_counter()
    subprocess.run([ask, "run", "--queries", queries_path, "--output", output, "--limit", str(k),
                    "--index", index, "--corpus", corpus_path], check=True)
    elapsed = time.perf_counter() - start
    return read_run(output), elapsed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("collection", help="folder with corpus.jsonl.gz")
    ap.add_argument("--queries", required=True)
    ap.add_argument("--qrels", required=True)
    ap.add_argument("--ask", help="path of the ask binary (release build)")
    ap.add_argument("--queries-file", help="use these queries instead (e.g. a typo variant), same ids")
    ap.add_argument("--engines", default="tantivy,bm25s,fts5,ask")
    ap.add_argument("-k", type=int, default=100)
    a = ap.parse_args()
    corpus_path = os.path.join(a.collection, "corpus.jsonl.gz")
    queries_path = a.queries_file or os.path.join(a.collection, a.queries)
    qrels = load_qrels(os.path.join(a.collection, a.qrels))
    queries = [q for q in load_jsonl(queries_path) if q["_id"] in qrels]
    corpus = load_jsonl(corpus_path)
    print(f"{os.path.basename(os.path.normpath(a.collection))}: {len(corpus)} documents, {len(queries)} queries")
    print(f"| engine | nDCG@10 | Recall@100 | MRR@10 | query time (s, all queries) |")
    print(f"|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as workdir:
        scored_queries = os.path.join(workdir, "queries.jsonl")
        with open(scored_queries, "w") as f:
            for q in queries:
                f.write(json.dumps({"_id": q["_id"], "text": q["text"]}) + "\n")
        for engine in a.engines.split(","):
            if engine == "ask":
                if not a.ask:
                    continue
                run, seconds = run_ask(a.ask, corpus_path, scored_queries, a.k, workdir)
            else:
                run, seconds = {"tantivy": run_tantivy, "bm25s": run_bm25s, "fts5": run_fts5}[engine](corpus, queries, a.k)
            ndcg, recall, mrr = measures(run, qrels)
            print(f"| {engine} | {ndcg:.4f} | {recall:.4f} | {mrr:.4f} | {seconds:.2f} |", flush=True)


if __name__ == "__main__":
    main()
