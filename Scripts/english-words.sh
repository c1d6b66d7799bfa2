#!/usr/bin/env bash
# Makes Sources/AskKit/Query/EnglishWords.txt.gz: the lower-case words of Debian's wamerican package (SCOWL, size
# 50, American spelling), one a line, which typo correction leaves alone. SCOWL's copyright and permission notice is
# in Sources/AskKit/Query/EnglishWords.LICENSE. Needs apt-get (downloads the package; installs nothing).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download wamerican >/dev/null)
dpkg-deb -x "$work"/wamerican_*.deb "$work/extract"
LC_ALL=C grep -E '^[a-z]+$' "$work/extract/usr/share/dict/american-english" | LC_ALL=C sort -u \
    | gzip -9n > Sources/AskKit/Query/EnglishWords.txt.gz
echo "$(zcat Sources/AskKit/Query/EnglishWords.txt.gz | wc -l) words from $(basename "$work"/wamerican_*.deb)"
