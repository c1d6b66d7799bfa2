#!/usr/bin/env bash
# Makes the PDF fixtures of the reader tests with real tools: ps2pdf (Debian's ghostscript) from PostScript written
# here, and qpdf (Debian's qpdf) for the encrypted copies. Run from the repository's root; the PDFs are committed.
set -euo pipefail
out=Tests/AskKitTests/Fixtures/pdf
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A three-page leaflet in two columns, with a running header and a page footer on every page.
cat > "$work/leaflet.ps" <<'PS'
%!PS
/line { moveto show } def
/furniture { /Helvetica findfont 9 scalefont setfont (Spine Fracture Care) 72 770 line
             /Times-Roman findfont 11 scalefont setfont } def
furniture
(Osteoporosis makes bones weak and) 72 700 line
(brittle. A compression fracture is a) 72 686 line
(break in one vertebra of the spine.) 72 672 line
(Most compression fractures heal in) 72 644 line
(about three months with rest, a brace) 72 630 line
(and pain medicine.) 72 616 line
(Kyphoplasty uses a small balloon to) 320 700 line
(restore the height of the vertebra.) 320 686 line
(The doctor then fills the space with) 320 672 line
(bone cement, which hardens within) 320 658 line
(minutes.) 320 644 line
(Page 1 of 3) 280 40 line
showpage
furniture
(Vertebroplasty injects cement into) 72 700 line
(the broken vertebra through a needle.) 72 686 line
(Patients usually go home the same day.) 72 672 line
(Cement can leak out of the bone, but) 320 700 line
(this rarely causes any symptoms.) 320 686 line
(Page 2 of 3) 280 40 line
showpage
furniture
(Calcium and vitamin D help keep bones) 72 700 line
(strong. Walking and other weight-bearing) 72 686 line
(exercise slow the loss of bone.) 72 672 line
(Page 3 of 3) 280 40 line
showpage
PS
ps2pdf "$work/leaflet.ps" "$out/two-column.pdf"

# A page of drawing only: no text layer.
printf '%%!PS\n72 72 300 300 rectfill showpage\n' > "$work/image.ps"
ps2pdf "$work/image.ps" "$out/image-only.pdf"

# The leaflet locked with a user password, and with an owner password only (readable, printing restricted).
qpdf --encrypt secret owner 256 -- "$out/two-column.pdf" "$out/password.pdf"
qpdf --encrypt "" owner 256 --print=none -- "$out/two-column.pdf" "$out/owner-password.pdf"

# The leaflet cut short: damaged.
head -c 1200 "$out/two-column.pdf" > "$out/truncated.pdf"
