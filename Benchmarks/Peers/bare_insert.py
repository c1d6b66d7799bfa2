#!/usr/bin/env python3
"""The floor for build throughput: a bare FTS5 insert of the records of a .jsonl file (title, text) into one
`porter unicode61 remove_diacritics 2` table in one transaction, with Python's sqlite3 (the same system SQLite).

Usage: python3 Benchmarks/Peers/bare_insert.py PASSAGES.jsonl [--tuned]
Prints records, MB of text, seconds, records per second, MB per second and the file size over the text size.
With --tuned, FTS5 is loaded with the settings ask's full builds use (a 64 MB `hashsize`, and one `optimize` at the
end) instead of FTS5's defaults.
"""
import json, os, sqlite3, sys, tempfile, time

path = sys.argv[1]
tuned = "--tuned" in sys.argv[2:]
with tempfile.TemporaryDirectory(dir=os.path.dirname(os.path.abspath(path))) as folder:
    database = os.path.join(folder, "bare.sqlite")
    db = sqlite3.connect(database)
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='porter unicode61 remove_diacritics 2')")
    if tuned:
        db.execute("INSERT INTO t(t, rank) VALUES('hashsize', ?)", (64 << 20,))
    start = time.perf_counter()
    records = text = 0
    with open(path, encoding="utf-8") as f:
        rows = []
        for line in f:
            record = json.loads(line)
            rows.append((record.get("title") or "", record.get("text") or ""))
            text += len(rows[-1][0].encode()) + len(rows[-1][1].encode())
        db.executemany("INSERT INTO t(title, body) VALUES (?, ?)", rows)
        records = len(rows)
    db.commit()
    if tuned:
        db.execute("INSERT INTO t(t) VALUES('optimize')")
        db.commit()
    seconds = time.perf_counter() - start
    db.close()
    size = os.path.getsize(database)
print(f"bare FTS5 insert{' (tuned)' if tuned else ''}: {records} records, {text / 1e6:.1f} MB of text in {seconds:.1f} s: "
      f"{records / seconds:,.0f} records/s, {text / 1e6 / seconds:.1f} MB/s; file {size / 1e6:.0f} MB = "
      f"{size / text:.2f}x the text")
