#!/usr/bin/env bash
# Build and question costs of this checkout against another build of ask, alternating in one run (the machines are
# shared and noisy: compare ratios). BASE is a worktree with release builds of `ask` and of Benchmarks' `latency`:
#
#   git worktree add /tmp/base 1646f07
#   (cd /tmp/base && swift build -c release --product ask && swift build -c release --package-path Benchmarks --product latency)
#   swift build -c release --product ask && swift build -c release --package-path Benchmarks --product latency
#   Benchmarks/compare-builds.sh /tmp/base [WORK]      (WORK: where indexes go, /tmp/compare-builds by default)
#
# Needs the generated corpora of Benchmarks/README.md in .build-scale/100000 and .build-scale/1000000.
set -euo pipefail
cd "$(dirname "$0")/.."
base=$1
work=${2:-/tmp/compare-builds}
mkdir -p "$work"
questions=../shared/bench/medquad/queries-dev.jsonl
builds=("base:$base/.build/release/ask" "new:.build/release/ask")
latency=("base:$base/Benchmarks/.build/release/latency" "new:Benchmarks/.build/release/latency")
timed() { /usr/bin/time -f "%e s wall, %U s user, %M KB peak" "$@" 2>&1 >/dev/null | tail -1; }
for round in 1 2 3; do
    for build in "${builds[@]}"; do
        echo "${build%%:*} 100k full build: $(timed "${build#*:}" index --full --corpus .build-scale/100000 --index "$work/${build%%:*}-100k.sqlite")"
    done
done
for build in "${builds[@]}"; do
    echo "${build%%:*} MedQuAD full build: $(timed "${build#*:}" index --full --corpus ../shared/bench/medquad/corpus.jsonl.gz --index "$work/${build%%:*}-medquad.sqlite")"
done
for round in 1 2; do
    for build in "${builds[@]}"; do
        echo "${build%%:*} 1M full build: $(timed "${build#*:}" index --full --corpus .build-scale/1000000 --index "$work/${build%%:*}-1M.sqlite")"
    done
done
ls -l "$work"/*.sqlite
# latency_rounds NAME INDEX-SUFFIX COUNT: each build's latency tool on its own index, two alternating rounds.
latency_rounds() {
    for round in 1 2; do
        for tool in "${latency[@]}"; do
            echo "${tool%%:*} $1 latency:"
            "${tool#*:}" "$work/${tool%%:*}-$2.sqlite" "$questions" "$3" 2>&1 | grep -E "plain|engine"
        done
    done
}
latency_rounds MedQuAD medquad 400
latency_rounds 1M 1M 100
for build in "${builds[@]}"; do
    echo "${build%%:*} one ask at 1M: $(timed "${build#*:}" "What are the treatments for Central Pain Syndrome ?" --index "$work/${build%%:*}-1M.sqlite" --corpus .build-scale/1000000)"
done
