#!/usr/bin/env bash
# Slow robustness check, not part of `swift test` (about 70 s and 0.7 GB here): a corpus holding one 200 MB text
# file beside the shipped documents is indexed whole, and a question about the shipped documents is still answered.
#   bash Tests/slow/big-file.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus"
cp Corpus/*.txt "$work/corpus/"
python3 - "$work/corpus/big.txt" <<'PY'
import random, sys
random.seed(1)
words = "bone cement fracture heal spine vertebra pain osteoporosis density calcium the a of and to in".split()
with open(sys.argv[1], "w") as f:
    size = 0
    while size < 200_000_000:
        paragraph = " ".join(random.choice(words) for _ in range(80)).capitalize() + ".\n\n"
        f.write(paragraph)
        size += len(paragraph)
PY
swift build -c release --product ask >/dev/null
/usr/bin/time -f "%e s, %M KB peak" .build/release/ask index --corpus "$work/corpus" --index "$work/ask.sqlite"
.build/release/ask "is the cement dangerous" --corpus "$work/corpus" --index "$work/ask.sqlite" | grep -q "cement"
echo "200 MB file indexed; the shipped documents still answer"
