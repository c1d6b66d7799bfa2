#!/usr/bin/env bash
# Makes the Word and EPUB fixtures of the reader tests with pandoc (Debian's pandoc) from the Markdown written here.
# Run from the repository's root; the files are committed.
set -euo pipefail
out=Tests/AskKitTests/Fixtures/office
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/guide.md" <<'MD'
---
title: Recovering From a Spine Fracture
---

# Healing

Most compression fractures heal in about three months.
Rest, a back brace and pain medicine help while the bone knits.

| Week | What to do |
|------|------------|
| 1–2  | Rest and short walks |
| 3–8  | Gentle exercise |

# Kyphoplasty

Kyphoplasty uses a small balloon to restore the height of the vertebra.
The doctor then fills the space with bone cement, which hardens within minutes.
MD
pandoc "$work/guide.md" -o "$out/guide.docx"
# --split-level 1: one chapter file per top-level heading, as most books have.
pandoc "$work/guide.md" --split-level=1 -o "$out/guide.epub" 2>/dev/null \
    || pandoc "$work/guide.md" --epub-chapter-level=1 -o "$out/guide.epub"
# An OpenDocument text, from the same Markdown.
pandoc "$work/guide.md" -o "$out/guide.odt"

# Hostile containers, written with Python's zipfile: a "Word document" whose body inflates to 80 MB of spaces (a zip
# bomb of 78 KB), an EPUB whose chapters point out of the book (`..`, an absolute path) beside one good chapter, and
# the Word fixture cut short.
python3 - "$out" <<'PY'
import sys, zipfile
out = sys.argv[1]
with zipfile.ZipFile(f"{out}/bomb.docx", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr("word/document.xml", b'<?xml version="1.0"?><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>'
               + b" " * (80 << 20) + b"</w:t></w:r></w:p></w:body></w:document>")
package = """<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf"><metadata
xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Escaping Book</dc:title></metadata><manifest>
<item id="a" href="../../etc/passwd.xhtml" media-type="application/xhtml+xml"/>
<item id="b" href="/abs.xhtml" media-type="application/xhtml+xml"/>
<item id="c" href="text/good.xhtml" media-type="application/xhtml+xml"/></manifest>
<spine><itemref idref="a"/><itemref idref="b"/><itemref idref="c"/></spine></package>"""
with zipfile.ZipFile(f"{out}/escape.epub", "w") as z:
    z.writestr("mimetype", "application/epub+zip")
    z.writestr("META-INF/container.xml", '<?xml version="1.0"?><container><rootfiles>'
               '<rootfile full-path="OPS/book.opf"/></rootfiles></container>')
    z.writestr("OPS/book.opf", package)
    z.writestr("OPS/text/good.xhtml", "<html><body><p>Vitamin D helps the body take up calcium from food.</p></body></html>")
    z.writestr("../../etc/passwd.xhtml", "<html><body><p>Outside text that must never be read.</p></body></html>")
PY
head -c 4000 "$out/guide.docx" > "$out/truncated.docx"

# A Word file whose body is stored (not deflated) and whose sizes in the central directory run past the end of the
# file: the reader must find it damaged rather than trust them.
python3 - "$out" <<'PY'
import io, struct, sys, zipfile
out = sys.argv[1]
buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as z:
    z.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>'
               "Calcium keeps bones strong.</w:t></w:r></w:p></w:body></w:document>")
data = bytearray(buffer.getvalue())
entry = struct.unpack("<I", data[data.rindex(b"PK\x05\x06") + 16:][:4])[0]
data[entry + 20:entry + 28] = struct.pack("<II", 0x7FFFFFF0, 0x7FFFFFF0)
open(f"{out}/size-past-end.docx", "wb").write(bytes(data))
PY
