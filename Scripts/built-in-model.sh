#!/usr/bin/env bash
# Makes Sources/AskKit/Answer/BuiltInAnswerModel.swift, the learned answer model of `ask --learned`, from
# MASH-QA's training questions and the train half of MedQuAD's dev questions (../shared, never shipped). Each step is
# an `ask` command anyone can run; the README's "Learned answers" gives the dev figures that chose the threshold.
#
#   Scripts/built-in-model.sh [THRESHOLD]     (default 0.48: the best on MASH-QA dev within 8% false abstention)
set -euo pipefail
cd "$(dirname "$0")/.."
threshold=${1:-0.48}
shared=../shared
training=.build-training
swift build -c release --product ask
ask=.build/release/ask
python3 Benchmarks/Training/mashqa.py "$shared/qa/mashqa" "$training/mashqa"
python3 Benchmarks/Training/medquad.py "$shared/bench/medquad" "$training/mashqa" "$training/joint"
$ask index --full --corpus "$training/mashqa/corpus-minus-train" --index "$training/mashqa/minus-train.sqlite"
$ask index --full --corpus "$training/joint/corpus" --index "$training/joint/joint.sqlite"
# Passage ranking on both kinds of page; then sentence choice, length and confidence on MASH-QA's alone.
$ask train --questions "$training/joint/train.jsonl" --index "$training/joint/joint.sqlite" \
    --corpus "$training/joint/corpus" --output "$training/joint-ranking.json"
$ask train --questions "$training/mashqa/train.jsonl" --index "$training/mashqa/minus-train.sqlite" \
    --corpus "$training/mashqa/corpus-minus-train" --ranking "$training/joint-ranking.json" \
    --min-confidence "$threshold" --output "$training/built-in-model.json" \
    --note "MASH-QA train (2,420 questions, 796 made unanswerable) and MedQuAD dev's train half (1,000); passage ranking fitted on both, the rest on MASH-QA; threshold $threshold chosen on MASH-QA dev and dev-unans (Scripts/built-in-model.sh)"
{
    echo "// Made by Scripts/built-in-model.sh; do not edit."
    echo
    echo "import Foundation"
    echo
    echo "extension AnswerModel {"
    echo "    /// The learned model \`ask --learned\` answers with: see the README's \"Learned answers\" for how it was fitted"
    echo "    /// and what it scores."
    echo "    public static let builtIn: AnswerModel = {"
    echo "        do {"
    echo "            return try AnswerModel(json: Data(builtInJSON.utf8))"
    echo "        } catch {"
    echo "            preconditionFailure(\"the built-in answer model does not load: \\(error)\")"
    echo "        }"
    echo "    }()"
    echo "}"
    echo
    echo "private let builtInJSON = #\"\"\""
    cat "$training/built-in-model.json"
    echo "\"\"\"#"
} > Sources/AskKit/Answer/BuiltInAnswerModel.swift
echo "Sources/AskKit/Answer/BuiltInAnswerModel.swift from $training/built-in-model.json"
