#!/usr/bin/env bash
# Load on loopback with wrk (Debian's wrk): `ask serve` answering /ask on an index, with 1, 2 and 16 connections
# (throughput and p99), then 4 connections for 15 s while `ask index --full` replaces a small index 10 times
# (failed requests). Run from the repository's root:
#   Benchmarks/http-load.sh INDEX.sqlite
set -euo pipefail
index=${1:?usage: Benchmarks/http-load.sh INDEX.sqlite}
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)"; exit 2; }
swift build -c release --product ask --product ask-server >/dev/null 2>&1 || swift build -c release >/dev/null
ask=$PWD/.build/release/ask
work=$(mktemp -d)
cat > "$work/ask.lua" <<'LUA'
local questions = {"what are the symptoms of diabetes", "how is asthma treated", "what causes kidney stones",
  "is glaucoma hereditary", "how to prevent osteoporosis", "what is lupus", "treatment for migraine", "symptoms of anemia"}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/ask?q=" .. questions[(i % #questions) + 1]:gsub(" ", "%%20"))
end
LUA
"$ask" serve --port 8790 --index "$index" --corpus "$work/no-corpus" 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
sleep 3
for connections in 1 2 16; do
    echo "== /ask, $connections connection(s), 10 s"
    wrk -t1 -c"$connections" -d10s --latency -s "$work/ask.lua" http://127.0.0.1:8790 | grep -E "Requests/sec|99%|Non-2xx|Socket errors"
done
kill $server

# The index replaced 10 times under load: wrk reports Non-2xx or socket errors only when there are some.
cp -r Corpus "$work/Corpus"
(cd "$work" && "$ask" index >/dev/null 2>&1 && "$ask" serve --port 8791 2>/dev/null) &
server=$!
sleep 3
wrk -t1 -c4 -d15s -s "$work/ask.lua" http://127.0.0.1:8791 > "$work/wrk.out" &
load=$!
sleep 1
for _ in $(seq 10); do (cd "$work" && "$ask" index --full >/dev/null 2>&1); done
wait $load
echo "== /ask, 4 connections, 15 s, while ask index --full replaced the index 10 times"
grep -E "requests in|Non-2xx|Socket errors" "$work/wrk.out" || true
pkill -f "serve --port 8791" 2>/dev/null || true
