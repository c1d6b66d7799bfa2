#!/usr/bin/env python3
"""Makes the MASH-QA training data for `ask train`, as dev-unans was made for dev.

    python3 Benchmarks/Training/mashqa.py ../shared/qa/mashqa .build-training/mashqa

Writes, under the output folder:
  corpus-minus-train/  the corpus without every third training article (sorted by file name): 119 of 358
  train.jsonl          every training question; those whose article was removed are marked "answerable": false,
                       with no gold, so that the confidence model learns when to abstain

Nothing here is shipped or committed: it is derived from ../shared, which never enters the product.
"""
import json, os, shutil, sys


def main(source, output):
    questions = [json.loads(line) for line in open(os.path.join(source, "train.jsonl"), encoding="utf-8") if line.strip()]
    articles = sorted({gold["doc"] for q in questions for gold in q["gold"]})
    removed = set(articles[2::3])
    corpus = os.path.join(output, "corpus-minus-train")
    if os.path.exists(corpus):
        shutil.rmtree(corpus)
    os.makedirs(corpus)
    for name in sorted(os.listdir(os.path.join(source, "corpus"))):
        if name not in removed:
            shutil.copy2(os.path.join(source, "corpus", name), os.path.join(corpus, name))
    unanswerable = 0
    with open(os.path.join(output, "train.jsonl"), "w", encoding="utf-8") as out:
        for q in questions:
            if {gold["doc"] for gold in q["gold"]} & removed:
                q = dict(q, answerable=False, gold=[], answer_sentences=[])
                unanswerable += 1
            out.write(json.dumps(q, ensure_ascii=False) + "\n")
    print(f"{len(removed)} of {len(articles)} training articles removed; "
          f"{len(questions)} questions, {unanswerable} of them now unanswerable")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
