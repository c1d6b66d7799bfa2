#!/usr/bin/env bash
# Makes Sources/AskKit/Query/EnglishWordList.swift: the lower-case words of Debian's wamerican package (SCOWL, size
# 50, American spelling), sorted, one a line, gzip-compressed and base64-encoded in a string literal (a literal of
# bytes would cost the compiler over a minute). Typo correction leaves these words alone. SCOWL's copyright and
# permission notice is in Sources/AskKit/Query/EnglishWords.LICENSE. Needs apt-get (downloads the package; installs
# nothing).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download wamerican >/dev/null 2>&1)
dpkg-deb -x "$work"/wamerican_*.deb "$work/extract"
LC_ALL=C grep -E '^[a-z]+$' "$work/extract/usr/share/dict/american-english" | LC_ALL=C sort -u > "$work/words"
package=$(basename "$work"/wamerican_*.deb .deb)
{
    echo "// Made by Scripts/english-words.sh from Debian's $package (SCOWL); do not edit."
    echo "// $(wc -l < "$work/words") words. Notice: EnglishWords.LICENSE."
    echo
    echo "extension EnglishWords {"
    echo "    /// The words, one a line, sorted byte by byte, gzip-compressed, in base64."
    echo '    static let compressedList = """'
    gzip -9n < "$work/words" | base64 -w 100 | sed 's/^/        /'
    echo '        """'
    echo "}"
} > Sources/AskKit/Query/EnglishWordList.swift
echo "$(wc -l < "$work/words") words from $package"
