#!/usr/bin/env python3
"""Writes a copy of a BEIR query file with one typo injected into each query, deterministically.

For each query, a generator seeded with "SEED:QUERY_ID" picks one word of 5 or more letters (letters only), then one
edit, each with equal chance: delete a letter, insert a letter (a-z), substitute a letter (a different one, a-z), or
transpose two adjacent letters (that differ). Queries without such a word are copied unchanged. The same seed and
input always give the same output.

Usage: python3 Benchmarks/Peers/typos.py ../shared/bench/medquad/queries-dev.jsonl > /tmp/queries-dev-typos.jsonl
"""
import json, random, re, string, sys

WORD = re.compile(r"[A-Za-z]{5,}")


def inject(text, rng):
    words = list(WORD.finditer(text))
    if not words:
        return text
    match = rng.choice(words)
    word = match.group()
    kind = rng.choice(["deletion", "insertion", "substitution", "transposition"])
    i = rng.randrange(len(word))
    if kind == "deletion":
        typo = word[:i] + word[i + 1:]
    elif kind == "insertion":
        typo = word[:i] + rng.choice(string.ascii_lowercase) + word[i:]
    elif kind == "substitution":
        typo = word[:i] + rng.choice([c for c in string.ascii_lowercase if c != word[i].lower()]) + word[i + 1:]
    else:
        pairs = [j for j in range(len(word) - 1) if word[j] != word[j + 1]]
        if not pairs:
            return text
        j = rng.choice(pairs)
        typo = word[:j] + word[j + 1] + word[j] + word[j + 2:]
    return text[:match.start()] + typo + text[match.end():]


def main():
    seed = sys.argv[2] if len(sys.argv) > 2 else "ask-typos-1"
    with open(sys.argv[1]) as f:
        for line in f:
            if not line.strip():
                continue
            query = json.loads(line)
            key = "text" if "text" in query else "question"
            query[key] = inject(query[key], random.Random(f"{seed}:{query.get('_id', query.get('id'))}"))
            print(json.dumps(query))


if __name__ == "__main__":
    main()
