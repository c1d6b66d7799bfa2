#!/usr/bin/env python3
"""Query latency of ask against Tantivy on the same passages and queries, in the same run.

Tantivy 0.27 (a measuring stick, never a product dependency; installed by Benchmarks/Peers/setup.sh) indexes the
records of a .jsonl[.gz] file (title and text, en_stem) and answers each query's words OR-ed, top 10, after a
warm-up of 50 queries, English stop words
dropped (Lucene's list, as ask drops its own). ask is measured by the `latency` tool of the Benchmarks package on an index of the same file
(`ask index --corpus FILE --index INDEX`), run from here so that both are measured in one run.

Usage:
  .build-peers/venv/bin/python Benchmarks/Peers/speed.py PASSAGES.jsonl[.gz] QUERIES.jsonl INDEX.sqlite \
      --latency Benchmarks/.build/release/latency [--count 500]
Prints Tantivy's build time and p50/p95/p99, ask's figures, and the ratio ask/Tantivy for each.
"""
import argparse, gzip, json, re, subprocess, tempfile, time


# Lucene's EnglishAnalyzer stop words.
STOP_WORDS = set("a an and are as at be but by for if in into is it no not of on or such that the their then there "
                 "these they this to was will with".split())


def load_jsonl(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def percentile(sorted_values, p):
    index = max(0, min(len(sorted_values) - 1, int(-(-p * len(sorted_values) // 1)) - 1))
    return sorted_values[index]


def tantivy_figures(passages_path, queries):
    import tantivy
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("title", tokenizer_name="en_stem")
    builder.add_text_field("body", tokenizer_name="en_stem")
    schema = builder.build()
    with tempfile.TemporaryDirectory() as folder:
        index = tantivy.Index(schema, path=folder)
        start = time.perf_counter()
        writer = index.writer(heap_size=1_000_000_000, num_threads=1)
        count = 0
        for record in load_jsonl(passages_path):
            writer.add_document(tantivy.Document(title=record.get("title") or "", body=record.get("text") or ""))
            count += 1
        writer.commit()
        writer.wait_merging_threads()
        build = time.perf_counter() - start
        index.reload()
        searcher = index.searcher()
        parsed = []
        for text in queries:
            words = [w for w in re.findall(r"\w+", text.lower()) if w not in STOP_WORDS]
            parsed.append(index.parse_query(" ".join(words), ["title", "body"]) if words else None)
        for query in parsed[:50]:
            if query is not None:
                searcher.search(query, 10)
        times = []
        for query in parsed:
            start = time.perf_counter()
            if query is not None:
                searcher.search(query, 10).hits
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return count, build, [percentile(times, p) for p in (0.5, 0.95, 0.99)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("passages")
    ap.add_argument("queries")
    ap.add_argument("index")
    ap.add_argument("--latency", default="Benchmarks/.build/release/latency")
    ap.add_argument("--count", type=int, default=500)
    a = ap.parse_args()
    queries = [q["text"] for q in load_jsonl(a.queries)][: a.count]
    count, build, tantivy = tantivy_figures(a.passages, queries)
    print(f"Tantivy: {count} records indexed in {build:.1f} s; p50 {tantivy[0]:.2f} ms, p95 {tantivy[1]:.2f} ms, "
          f"p99 {tantivy[2]:.2f} ms")
    output = subprocess.run([a.latency, a.index, a.queries, str(a.count)], capture_output=True, text=True,
                            check=True).stdout
    print(output, end="")
    print("what             ask/Tantivy p50   p95     p99")
    for line in output.splitlines():
        parts = line.split()
        if parts and parts[0] in ("plain", "engine.search", "engine.ask"):
            name = "plain FTS5" if parts[0] == "plain" else parts[0]
            values = [float(v) for v in parts[-4:-1]]
            print(f"{name:<16} " + "  ".join(f"{v / t:7.1f}" for v, t in zip(values, tantivy)))


if __name__ == "__main__":
    main()
