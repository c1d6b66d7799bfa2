#!/usr/bin/env python3
"""How often answers to MedQuAD questions quote the page judged to answer them: a check of answer choice on NIH
consumer-health pages, which MedQuAD judges by whole documents only (no sentence-level gold).

    python3 Benchmarks/Training/medquad-answers.py questions ../shared/bench/medquad .build-training/joint/queries-dev.jsonl > q.jsonl
    ask batch q.jsonl --index MEDQUAD --corpus ../shared/bench/medquad/corpus.jsonl.gz [--learned] > answers.jsonl
    python3 Benchmarks/Training/medquad-answers.py score q.jsonl answers.jsonl

`questions` writes the queries (the dev half of medquad.py by default) as judged questions; `score` prints the share
abstained, the share whose first answer sentence quotes the judged page, and the share whose every sentence does.
"""
import json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from medquad import relevant_documents  # noqa: E402


def questions(source, queries):
    relevant = relevant_documents(source)
    for line in open(queries, encoding="utf-8"):
        q = json.loads(line)
        if q["_id"] in relevant:
            print(json.dumps({"id": q["_id"], "question": q["text"], "answerable": True,
                              "gold": [{"doc": doc} for doc in relevant[q["_id"]]]}, ensure_ascii=False))


def score(questions_file, answers_file):
    judged = {}
    for line in open(questions_file, encoding="utf-8"):
        q = json.loads(line)
        judged[q["id"]] = {gold["doc"] for gold in q["gold"]}
    count = abstained = first = every = 0
    for line in open(answers_file, encoding="utf-8"):
        answer = json.loads(line)
        count += 1
        if answer.get("abstained") or answer.get("error"):
            abstained += 1
            continue
        documents = {source["n"]: source["doc"] for source in answer["sources"]}
        quoted = [documents[n] for sentence in answer["sentences"] for n in sentence["sources"]]
        pages = judged[answer["id"]]
        first += bool(quoted) and quoted[0] in pages
        every += bool(quoted) and all(doc in pages for doc in quoted)
    print(f"{count} questions: abstained {abstained / count:.3f}, first sentence from the judged page "
          f"{first / count:.3f}, every sentence {every / count:.3f}")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "score":
        score(sys.argv[2], sys.argv[3])
    elif len(sys.argv) in (3, 4) and sys.argv[1] == "questions":
        questions(sys.argv[2], sys.argv[3] if len(sys.argv) == 4 else ".build-training/joint/queries-dev.jsonl")
    else:
        sys.exit(__doc__)
