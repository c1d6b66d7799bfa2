#!/usr/bin/env bash
# Measures a folder of 200 PDFs and a watched folder. Makes 200 PDFs (ps2pdf, Debian's ghostscript) of public-domain
# NIH text: MedQuAD's answers from ../shared/bench/medquad when present, else the shipped corpus's documents. Then:
# a full build of the folder with its summary, and `ask index --watch` on it while one PDF is replaced by a new one
# holding a new word: the seconds from the copy until `ask search` finds the word. Run from the repository's root.
set -euo pipefail
work=${1:-$(mktemp -d)}
mkdir -p "$work/pdfs"
swift build -c release --product ask >/dev/null
ask=$PWD/.build/release/ask
python3 - "$work/ps" <<'PY'
import gzip, json, os, sys, textwrap, glob
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
source = "../shared/bench/medquad/corpus.jsonl.gz"
if os.path.exists(source):
    texts = [json.loads(line)["text"] for _, line in zip(range(2000), gzip.open(source, "rt"))]
else:
    texts = [open(p).read() for p in sorted(glob.glob("Corpus/*.txt"))] * 400
def ps_string(text):
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"
for number in range(200):
    words = " ".join(" ".join(texts[(number * 10 + k) % len(texts)].split()) for k in range(10)).encode("latin-1", "replace").decode("latin-1")
    lines = textwrap.wrap(words, 90)
    pages = [lines[i:i + 55] for i in range(0, len(lines), 55)]
    with open(f"{out}/leaflet-{number:03}.ps", "w", encoding="latin-1") as ps:
        ps.write("%!PS\n")
        for page_number, page in enumerate(pages, 1):
            ps.write("/Times-Roman findfont 10 scalefont setfont\n")
            for row, line in enumerate(page):
                ps.write(f"{ps_string(line)} 60 {750 - row * 12} moveto show\n")
            ps.write(f"(Leaflet {number} - page {page_number}) 260 30 moveto show showpage\n")
PY
ls "$work/ps"/*.ps | xargs -P 2 -I{} sh -c 'ps2pdf "{}" "'"$work"'/pdfs/$(basename "{}" .ps).pdf"'
echo "200 PDFs, $(du -sh "$work/pdfs" | cut -f1):"
rm -f "$work/pdfs.sqlite"
"$ask" index --full --corpus "$work/pdfs" --index "$work/pdfs.sqlite"

# The watched folder: replace one PDF by one holding a word no other has, and time until a search finds it.
"$ask" index --watch --corpus "$work/pdfs" --index "$work/pdfs.sqlite" > "$work/watch.log" 2>&1 &
watcher=$!
trap 'kill $watcher 2>/dev/null || true' EXIT
sleep 2
printf '%%!PS\n/Times-Roman findfont 12 scalefont setfont\n(Zorblaxine is a made-up drug name used to test the watched folder.) 60 700 moveto show showpage\n' > "$work/new.ps"
ps2pdf "$work/new.ps" "$work/new.pdf"
start=$(date +%s.%N)
cp "$work/new.pdf" "$work/pdfs/leaflet-007.pdf"
# Searched with a corpus that does not exist, so that the search uses the index as it is and never updates it itself:
# only the watcher does.
until "$ask" search zorblaxine --index "$work/pdfs.sqlite" --corpus "$work/absent" 2>/dev/null | tee "$work/found" >/dev/null
    grep -q "Zorblaxine" "$work/found"; do
    sleep 0.05
done
end=$(date +%s.%N)
echo "a replaced PDF was found by search $(python3 -c "print(f'{$end - $start:.2f}')") s after the copy"
kill -INT $watcher; wait $watcher 2>/dev/null || true
echo "the watcher said:"; cat "$work/watch.log"
