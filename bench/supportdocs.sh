#!/usr/bin/env bash
# Supporting documents read and checked against the case record (issue 15).
# Usage: bench/supportdocs.sh BUILD_DIR
#
# Generates SUPPORTDOCS_COUNT pages (default 108: the nine types in the
# three tuned layout families and the three held-out ones, two of each,
# about half of them with one labelled defect, balanced over the codes:
# samples/supportdocs.py --balance) with seed SUPPORTDOCS_SEED=15, screens
# each with `docscreen scan --json --fingerprints --today 2026-11-23 --case
# CASE` (and `--ocr-langs` as the page's truth names: eng+deu, eng+fra or
# eng+spa for the heldout3 family, as an office there would set it) two at
# a time, and prints (bench/supportdocs.py): per flag code recall and false
# positives, tuned families and held-out ones apart, per page type, per
# layout family, the page classification, the genuine pages with a warning
# or high flag, the supporting-page reading time per page (OCR) beside the
# whole scan's, and the fingerprint distances that decide DUPLICATE_IMAGE
# (the same page re-scanned vs different pages of one type). A larger run:
# SUPPORTDOCS_COUNT=405 (about 20 or more cases of every SUPPORT_* code and
# 190 genuine pages; about 30-60 minutes on the 2-core machine).
# Everything goes under bench/out/supportdocs/ (git-ignored; SUPPORTDOCS_OUT
# for another place, SUPPORTDOCS_JOBS screenings at a time, default 2); the generated
# pages are reused when count, seed and kind are the same
# (SUPPORTDOCS_FRESH=1 generates them again).
# SUPPORTDOCS_LAYOUTS=heldout4 generates only the fourth held-out family
# (samples/supportdocs.py --layouts heldout4; into bench/out/supportdocs-heldout4/),
# SUPPORTDOCS_LAYOUTS=heldout5 only the fifth (samples/supportdocs5.py; into
# bench/out/supportdocs-heldout5/), SUPPORTDOCS_LAYOUTS=heldout6 only the
# sixth (samples/supportdocs6.py; into bench/out/supportdocs-heldout6/),
# SUPPORTDOCS_LAYOUTS=heldout7 only the seventh (samples/supportdocs7.py;
# into bench/out/supportdocs-heldout7/), SUPPORTDOCS_LAYOUTS=heldout8 only
# the eighth (samples/supportdocs8.py; into bench/out/supportdocs-heldout8/;
# blind: SUPPORTDOCS_FAMILIES=heldout8 SUPPORTDOCS_COUNT=72), SUPPORTDOCS_LAYOUTS=heldout9
# only the ninth (samples/supportdocs9.py; blind, screened once with
# SUPPORTDOCS_FAMILIES=heldout9 SUPPORTDOCS_COUNT=72; its pages name
# eng+ita, eng+por, eng+nld or eng+fra, so tesseract-ocr-ita, -por and -nld
# must be installed: scripts/install-deps.sh), SUPPORTDOCS_LAYOUTS=heldout10 only
# the tenth (samples/supportdocs10.py; blind, screened once with
# SUPPORTDOCS_FAMILIES=heldout10 SUPPORTDOCS_COUNT=72; English, colour JPEGs),
# SUPPORTDOCS_LAYOUTS=heldout11 only the eleventh (samples/supportdocs11.py and
# supportdocs11b.py; blind, screened once; eng+deu, eng+fra or eng+spa),
# SUPPORTDOCS_LAYOUTS=heldout12 only the twelfth (samples/supportdocs12.py; blind,
# screened once: SUPPORTDOCS_FAMILIES=heldout12 SUPPORTDOCS_COUNT=72; English,
# and the defect weekday_mismatch, SUPPORT_DATE_WEEKDAY_MISMATCH),
# SUPPORTDOCS_LAYOUTS=heldout13 only the thirteenth (samples/supportdocs13.py and
# supportdocs13b.py; blind, screened once: SUPPORTDOCS_FAMILIES=heldout13
# SUPPORTDOCS_COUNT=72; English, eng+por or eng+spa), SUPPORTDOCS_LAYOUTS=heldout14
# only the fourteenth (samples/supportdocs14.py and supportdocs14b.py; blind,
# screened once: SUPPORTDOCS_FAMILIES=heldout14 SUPPORTDOCS_COUNT=72; eng or eng+fra),
# SUPPORTDOCS_LAYOUTS=heldout15 only the fifteenth (samples/supportdocs15.py, 15b
# and 15c; written blind, not screened yet: SUPPORTDOCS_FAMILIES=heldout15
# SUPPORTDOCS_COUNT=72; eng or eng+deu).
# SUPPORTDOCS_LAYOUTS="heldout10 heldout11" (or SUPPORTDOCS_FAMILIES naming
# them) generates several of these families in one run, in turn, into
# bench/out/supportdocs-heldout10-heldout11/; see SUPPORTDOCS_FAMILIES below.
# SUPPORTDOCS_PDF=1 screens each page as a born-digital PDF made from the
# page's text runs (samples/pdfgen.py --born-from): the text-layer path,
# with the PDF checks of the same pages (bench/out/supportdocs-pdf/).
# SUPPORTDOCS_WORDS=1 also keeps each page's OCR words (the scanner's study
# switch DOCSCREEN_DEBUG_SUP_WORDS=1, into reports/NAME.words) and prints how
# many of the truth's words were read exactly, by capture kind
# (bench/supwords.py; the reading itself, not the rules).
set -euo pipefail
cd "$(dirname "$0")/.."
WORDS=${SUPPORTDOCS_WORDS:-0}
if [ "$WORDS" = 1 ]; then export DOCSCREEN_DEBUG_SUP_WORDS=1; else unset DOCSCREEN_DEBUG_SUP_WORDS; fi

BUILD=${1:-build}
COUNT=${SUPPORTDOCS_COUNT:-108}
SEED=${SUPPORTDOCS_SEED:-15}
TODAY=2026-11-23
PY=/usr/bin/python3
OUT=bench/out/supportdocs
PDF=${SUPPORTDOCS_PDF:-0}
[ "$PDF" = 1 ] && OUT=bench/out/supportdocs-pdf
OUT=${SUPPORTDOCS_OUT:-$OUT}
BIN=$BUILD/docscreen

if [ ! -x "$BIN" ]; then
  echo "supportdocs: $BIN is missing; build first (make build)" >&2
  exit 2
fi
# SUPPORTDOCS_FAMILIES (e.g. "heldout3") screens only the pages of those
# layout families. When every family named is of the default set (colon,
# column, stacked, heldout, heldout2, heldout3) the default pages are
# generated and filtered; when any is drawn only on request (heldout4 ...
# heldout15), exactly the families named are generated, in turn (page i of
# family (i / 9) mod N, as samples/supportdocs.py --layouts F1 F2 draws
# them), so SUPPORTDOCS_FAMILIES="heldout10 heldout11" SUPPORTDOCS_COUNT=144
# screens 72 pages of each in one run (one family alone gives the same
# pages as before; two together give other pages of each). Until tidy13
# several families generated the default set and screened "no pages".
FAMILIES=$(echo ${SUPPORTDOCS_FAMILIES:-})
DEFAULT_FAMILIES="colon column stacked heldout heldout2 heldout3"
KNOWN_FAMILIES="$DEFAULT_FAMILIES heldout4 heldout5 heldout6 heldout7 heldout8 heldout9 heldout10 heldout11 heldout12 heldout13 heldout14 heldout15"
DEFAULT_LAYOUTS=all
for f in $FAMILIES; do
  case " $KNOWN_FAMILIES " in *" $f "*) ;; *) echo "supportdocs: unknown family '$f' (families: $KNOWN_FAMILIES)" >&2; exit 2 ;; esac
  case " $DEFAULT_FAMILIES " in *" $f "*) ;; *) DEFAULT_LAYOUTS=$FAMILIES ;; esac
done
LAYOUTS=$(echo ${SUPPORTDOCS_LAYOUTS:-$DEFAULT_LAYOUTS})
case "$LAYOUTS" in
  train|heldout|all) ;;
  *)
    for f in $LAYOUTS; do
      case " $KNOWN_FAMILIES " in *" $f "*) ;; *) echo "supportdocs: unknown SUPPORTDOCS_LAYOUTS '$LAYOUTS' (train, heldout, all, or families among: $KNOWN_FAMILIES)" >&2; exit 2 ;; esac
    done
    [ -z "${SUPPORTDOCS_OUT:-}" ] && OUT=$OUT-${LAYOUTS// /-} ;;
esac
STAMP="count=$COUNT seed=$SEED pdf=$PDF balance=1 layouts=$LAYOUTS gen=$(cat samples/supportdocs.py samples/supportdocs5.py samples/supportdocs6.py samples/supportdocs7.py \
  samples/supportdocs8.py samples/supportdocs9.py samples/supportdocs10.py samples/supportdocs11.py \
  samples/supportdocs11b.py samples/supportdocs12.py samples/supportdocs13.py samples/supportdocs13b.py \
  samples/supportdocs14.py samples/supportdocs14b.py samples/supportdocs15.py samples/supportdocs15b.py \
  samples/supportdocs15c.py | sha1sum | cut -c1-12)"
if [ "${SUPPORTDOCS_FRESH:-0}" = 1 ] || [ "$(cat "$OUT/pages/.stamp" 2>/dev/null)" != "$STAMP" ]; then
  rm -rf "$OUT"
  mkdir -p "$OUT/pages"
  # shellcheck disable=SC2086  # one or more layout names
  "$PY" samples/supportdocs.py --out "$OUT/pages" --count "$COUNT" --seed "$SEED" --balance --layouts $LAYOUTS >/dev/null
  if [ "$PDF" = 1 ]; then
    "$PY" samples/pdfgen.py --out "$OUT/pages" --born-from "$OUT"/pages/*.json
  fi
  echo "$STAMP" >"$OUT/pages/.stamp"
else
  echo "supportdocs: reusing the pages in $OUT/pages ($STAMP)"
fi
EXT=jpg
[ "$PDF" = 1 ] && EXT=pdf
rm -rf "$OUT/reports"
mkdir -p "$OUT/reports"
# The OCR languages of each page (its truth's ocr_langs; a duplicate's
# from its original's).
for f in "$OUT"/pages/*.jpg; do
  s=$(basename "$f" .jpg)
  t="$OUT/pages/${s%.dup}.json"
  "$PY" -c 'import json,sys
t = json.load(open(sys.argv[1]))
fams = sys.argv[3].split()
if not fams or t["family"] in fams:
    print(sys.argv[2], t.get("ocr_langs") or "eng")' "$t" "$s" "$FAMILIES"
done | xargs -P "${SUPPORTDOCS_JOBS:-2}" -L 1 sh -c \
  'err=/dev/null; [ "$DOCSCREEN_DEBUG_SUP_WORDS" = 1 ] && err="$3/reports/$5.words"
  "$1" scan --json --fingerprints --ocr-langs "$6" --today "$2" --case "$3/pages/$5.case.json" "$3/pages/$5.$4" >"$3/reports/$5.json" 2>"$err" || true' \
  _ "$BIN" "$TODAY" "$OUT" "$EXT"
"$PY" bench/supportdocs.py "$OUT" $FAMILIES
[ "$WORDS" = 1 ] && "$PY" bench/supwords.py "$OUT" $FAMILIES
echo "reproduce: bash bench/supportdocs.sh $BUILD   (SUPPORTDOCS_COUNT=$COUNT SUPPORTDOCS_SEED=$SEED SUPPORTDOCS_PDF=$PDF SUPPORTDOCS_LAYOUTS=\"$LAYOUTS\" SUPPORTDOCS_FAMILIES=\"$FAMILIES\")"
