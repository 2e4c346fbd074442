#!/usr/bin/env bash
# Supporting documents read and checked against the case record (issue 15).
# Usage: bench/supportdocs.sh BUILD_DIR
#
# Generates SUPPORTDOCS_COUNT pages (default 72: the nine types in the
# three tuned layout families and the held-out one, half of them with one
# labelled defect) with samples/supportdocs.py (seed SUPPORTDOCS_SEED=15),
# screens each with `docscreen scan --json --fingerprints --today
# 2026-11-23 --case CASE` two at a time, and prints (bench/supportdocs.py):
# per flag code recall and false positives, per page type, per layout
# family (held-out apart), the page classification, the genuine pages with
# a warning or high flag, the supporting-page reading time per page (OCR)
# beside the whole scan's, and the dHash distances that decide
# DUPLICATE_IMAGE (the same page re-scanned vs different pages of one
# template). Everything goes under bench/out/supportdocs/ (git-ignored).
# SUPPORTDOCS_PDF=1 screens each page as a born-digital PDF made from the
# page's text runs (samples/pdfgen.py --born-from): the text-layer path,
# with the PDF checks of the same pages (bench/out/supportdocs-pdf/).
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=${1:-build}
COUNT=${SUPPORTDOCS_COUNT:-72}
SEED=${SUPPORTDOCS_SEED:-15}
TODAY=2026-11-23
PY=/usr/bin/python3
OUT=bench/out/supportdocs
PDF=${SUPPORTDOCS_PDF:-0}
[ "$PDF" = 1 ] && OUT=bench/out/supportdocs-pdf
BIN=$BUILD/docscreen

if [ ! -x "$BIN" ]; then
  echo "supportdocs: $BIN is missing; build first (make build)" >&2
  exit 2
fi
rm -rf "$OUT"
mkdir -p "$OUT/pages" "$OUT/reports"
"$PY" samples/supportdocs.py --out "$OUT/pages" --count "$COUNT" --seed "$SEED" >/dev/null
EXT=jpg
if [ "$PDF" = 1 ]; then
  "$PY" samples/pdfgen.py --out "$OUT/pages" --born-from "$OUT"/pages/*.json
  EXT=pdf
fi
for f in "$OUT"/pages/*.jpg; do
  basename "$f" .jpg
done | xargs -P 2 -I{} sh -c \
  '"$1" scan --json --fingerprints --today "$2" --case "$3/pages/{}.case.json" "$3/pages/{}.$4" >"$3/reports/{}.json" 2>/dev/null || true' \
  _ "$BIN" "$TODAY" "$OUT" "$EXT"
"$PY" bench/supportdocs.py "$OUT"
echo "reproduce: bash bench/supportdocs.sh $BUILD   (SUPPORTDOCS_COUNT=$COUNT SUPPORTDOCS_SEED=$SEED SUPPORTDOCS_PDF=$PDF)"
