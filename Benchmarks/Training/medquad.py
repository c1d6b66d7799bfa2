#!/usr/bin/env python3
"""Splits MedQuAD's dev questions into our own train and dev halves, and makes one training corpus of MedQuAD and
the MASH-QA training corpus, so that `ask train` fits one passage ranking on both kinds of page: MedQuAD's have
titles and sections, MASH-QA's have none.

    python3 Benchmarks/Training/mashqa.py ../shared/qa/mashqa .build-training/mashqa
    python3 Benchmarks/Training/medquad.py ../shared/bench/medquad .build-training/mashqa .build-training/joint

Writes, under the output folder:
  queries-train.jsonl, queries-dev.jsonl  the halves in BEIR's format (queries sorted by id, alternately), for
                                          `ask eval --qrels … --queries …`
  medquad-train.jsonl                     the train half as judged questions for `ask train`: each relevant document
                                          a gold without a quote (any of its passages answers)
  train.jsonl                             MASH-QA's training questions (from the mashqa folder) and medquad-train
  corpus/                                 the MASH-QA training corpus and MedQuAD's corpus.jsonl.gz, copied

Nothing here is shipped or committed: it is derived from ../shared, which never enters the product.
"""
import json, os, shutil, sys


def relevant_documents(source):
    """The documents judged relevant to each dev query, by query id."""
    relevant = {}
    with open(os.path.join(source, "qrels-dev.tsv"), encoding="utf-8") as qrels:
        next(qrels)
        for line in qrels:
            query, doc, score = line.rstrip("\n").split("\t")
            if int(score) > 0:
                relevant.setdefault(query, []).append(doc)
    return relevant


def main(source, mashqa, output):
    queries = [json.loads(line) for line in open(os.path.join(source, "queries-dev.jsonl"), encoding="utf-8") if line.strip()]
    relevant = relevant_documents(source)
    queries.sort(key=lambda q: q["_id"])
    halves = {"train": queries[0::2], "dev": queries[1::2]}
    os.makedirs(output, exist_ok=True)
    for name, half in halves.items():
        with open(os.path.join(output, f"queries-{name}.jsonl"), "w", encoding="utf-8") as out:
            for q in half:
                out.write(json.dumps(q, ensure_ascii=False) + "\n")
    judged = [{"id": q["_id"], "question": q["text"], "answerable": True,
               "gold": [{"doc": doc} for doc in relevant[q["_id"]]]}
              for q in halves["train"] if q["_id"] in relevant]
    with open(os.path.join(output, "medquad-train.jsonl"), "w", encoding="utf-8") as out:
        for q in judged:
            out.write(json.dumps(q, ensure_ascii=False) + "\n")
    with open(os.path.join(output, "train.jsonl"), "w", encoding="utf-8") as out:
        for line in open(os.path.join(mashqa, "train.jsonl"), encoding="utf-8"):
            out.write(line)
        for q in judged:
            out.write(json.dumps(q, ensure_ascii=False) + "\n")
    corpus = os.path.join(output, "corpus")
    if os.path.exists(corpus):
        shutil.rmtree(corpus)
    shutil.copytree(os.path.join(mashqa, "corpus-minus-train"), corpus)
    shutil.copy2(os.path.join(source, "corpus.jsonl.gz"), os.path.join(corpus, "medquad.jsonl.gz"))
    print(f"MedQuAD dev: {len(halves['train'])} train and {len(halves['dev'])} dev questions; "
          f"{len(judged)} judged for training")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
