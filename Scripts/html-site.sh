#!/usr/bin/env bash
# Measures a whole web site: SQLite's documentation as Debian's sqlite3-doc installs it (766 HTML pages). Installs the
# package when missing, builds `ask` in release mode, and prints the site's build time, the time of its largest page
# alone (requirements.html, 1.8 MB) and what the passages hold: the most repeated sentences, undecoded entities,
# the widest citation. Run from the repository's root.
set -euo pipefail
site=/usr/share/doc/sqlite3
if [ ! -f "$site/lang.html" ]; then
    SUDO=""; [ "$(id -u)" != "0" ] && SUDO="sudo"
    $SUDO apt-get install -y sqlite3-doc >/dev/null
fi
swift build -c release --product ask >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "site:"
.build/release/ask index --full --corpus "$site" --index "$work/site.sqlite" 2>/dev/null
mkdir "$work/large" && cp "$site/requirements.html" "$work/large/"
echo "largest page alone:"
.build/release/ask index --full --corpus "$work/large" --index "$work/large.sqlite" 2>/dev/null
python3 - "$work/site.sqlite" <<'PY'
import collections, re, sqlite3, sys
rows = sqlite3.connect(sys.argv[1]).execute(
    "SELECT d.file, p.section, p.body, p.line_start, p.line_end FROM passages p JOIN documents d ON d.id = p.document_id"
).fetchall()
holding = collections.Counter()
for _, section, body, _, _ in rows:
    holding.update(set(s for s in re.split(r"(?<=[.!?])\s+", body) if s) | ({"section: " + section} if section else set()))
print(f"{len(rows)} passages; most repeated sentences or sections:")
for text, count in holding.most_common(3):
    print(f"  {count} ({count / len(rows):.1%}) {text[:80]!r}")
entities = collections.Counter(m for r in rows for m in re.findall(r"&[A-Za-z][A-Za-z0-9]*;", r[2]))
print("entity-like text in passages (the pages' own written-out '&amp;lt;' decodes to '&lt;'):", dict(entities))
widest = max(rows, key=lambda r: r[4] - r[3])
print(f"widest citation: {widest[0]}, lines {widest[3]}-{widest[4]} ({widest[4] - widest[3] + 1} lines)")
PY
