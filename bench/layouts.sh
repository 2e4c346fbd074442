#!/usr/bin/env bash
# False flags on genuine documents in layouts the rules were not tuned on,
# and recall on defects drawn in them (issue 13). Usage: bench/layouts.sh BUILD_DIR
#
# Generates, with samples/generate.py --cases --degrade mild:
#   all/      LAYOUTS_COUNT genuine documents (default 60, seed 61) in --layouts all
#   heldout/  LAYOUTS_COUNT genuine documents (default 60, seed 62) in --layouts heldout
#             (held out: no rule may be tuned on it, see samples/README.md)
#   heldout2/ LAYOUTS_COUNT genuine documents (seed 64) in --layouts heldout2, a
#             second held-out family, written after the rules of issue 13
#   heldout4/ LAYOUTS_COUNT genuine documents (seed 66) in --layouts heldout4, a
#             third, written before the fixes for heldout2's failures
#   heldout5/ LAYOUTS_COUNT genuine documents (seed 67) in --layouts heldout5, a
#             fourth (samples/layout5.py), written by a session that tunes no rule
#   heldout6/ LAYOUTS_COUNT genuine documents (seed 69) in --layouts heldout6, a
#             fifth (samples/layout6.py), written by a session that tunes no rule
#   heldout7/ LAYOUTS_COUNT genuine documents (seed 71) in --layouts heldout7, a
#             sixth (samples/layout7.py), written by a session that tunes no rule
#   heldout8/ LAYOUTS_COUNT genuine documents (seed 81) in --layouts heldout8, a
#             seventh (samples/layout8.py: phone photos), by a session that tunes no rule
#   heldout9/ LAYOUTS_COUNT genuine documents (seed 91) in --layouts heldout9, an
#             eighth (samples/layout9.py: captions in Cyrillic, Greek, Georgian or
#             Armenian, photocopies, booklets curving into the gutter, engraved
#             polycarbonate), written blind by a session that tunes no rule
#   heldout10/ LAYOUTS_COUNT genuine documents (seed 101) in --layouts heldout10, a
#             ninth (samples/layout10.py: captions in Arabic, Persian, Hebrew, Thai,
#             Chinese or Japanese, mirrored pages, dual calendars, hand-held phone
#             photos, halftoned print-outs), written blind by a session that tunes no rule
#   heldout11/ LAYOUTS_COUNT genuine documents (seed 111) in --layouts heldout11, a
#             tenth (samples/layout11.py: captions in Hindi, Bengali, Tamil, Sinhala,
#             Amharic, Khmer or Korean, fieldsets, comb boxes, perforated numbers, the
#             whole A4 bed with a second card, received faxes, plastic sleeves),
#             written blind by a session that tunes no rule
#   heldout12/ LAYOUTS_COUNT genuine documents (seed 121) in --layouts heldout12, an
#             eleventh (samples/layout12.py: captions in Burmese, Lao, Dhivehi, Urdu,
#             Gujarati, Punjabi or Dzongkha, zebra tables, turned captions, the number
#             in the corner, the expiry as a sentence, Hijri dates, mobile scanner
#             app output, e-mailed low-resolution scans), written blind by a session
#             that tunes no rule
#   heldout13/ LAYOUTS_COUNT genuine documents (seed 131) in --layouts heldout13, a
#             twelfth (samples/layout13.py: captions in Telugu, Kannada, Malayalam,
#             Odia, Mongolian Cyrillic, Tifinagh with Arabic or Inuktitut with French,
#             letter-spaced, in pills or beside pictograms, two-column pages, height,
#             eyes and a previous passport number, perforated numbers, old scanners
#             with a colour cast, 150 dpi greyscale TIFFs), written blind by a
#             session that tunes no rule; screened blind once, then study data
#   heldout14/ LAYOUTS_COUNT genuine documents (seed 141) in --layouts heldout14, a
#             thirteenth (samples/layout14.py: captions in Vietnamese, Irish, Icelandic,
#             Maltese, Albanian, Latvian or Estonian, in a faint second ink, in small
#             capitals before a colon or over a microtext line, given names before the
#             surname on one line, a surname at birth, a civil number like a date,
#             remarks on residence permits, embossed values, foil glare, the booklet's
#             cover or the open lid round the document, JPEG quality 35, dust and a
#             hair on the glass), written blind by a session that tunes no rule;
#             screened blind once, then study data
#   heldout15/ LAYOUTS_COUNT genuine documents (seed 151) in --layouts heldout15, a
#             fourteenth (samples/layout15.py: captions in Azerbaijani, Uzbek,
#             Indonesian, Swahili, Welsh, Maori, Pashto or Tigrinya, with circled field
#             numbers, split English/national or under the value, the names stacked in
#             one field, the father's name, an address on cards, dates month first,
#             with middle dots or `July 14, 1985`, a ghost portrait behind the fields,
#             a TD1 back turned 180 degrees, held in the hand with a thumb over the
#             edge, 600 dpi PNG scans), written blind by a session that tunes no rule;
#             not screened yet
#   defects/  LAYOUTS_DEFECT_COUNT documents with one defect each (default 60,
#             seed 63) in --layouts all
#   defects5/ LAYOUTS_DEFECT_COUNT documents with one defect each (seed 68) in
#             --layouts heldout5: recall on layouts nobody tuned on
#   defects6/ LAYOUTS_DEFECT_COUNT documents with one defect each (seed 70) in
#             --layouts heldout6
#   defects7/ LAYOUTS_DEFECT_COUNT documents with one defect each (seed 72) in
#             --layouts heldout7
#   defects8/ LAYOUTS_DEFECT_COUNT documents with one defect each (seed 82) in
#             --layouts heldout8
#   defects9/ LAYOUTS_DEFECT_COUNT documents with one defect each (seed 92) in
#             --layouts heldout9
#   defects10/ LAYOUTS_DEFECT_COUNT documents with one defect each (seed 102) in
#             --layouts heldout10
#   defects11/ LAYOUTS_DEFECT_COUNT documents with one defect each (seed 112) in
#             --layouts heldout11
#   defects12/ LAYOUTS_DEFECT_COUNT documents with one defect each (seed 122) in
#             --layouts heldout12
#   defects13/ LAYOUTS_DEFECT_COUNT documents with one defect each (seed 132) in
#             --layouts heldout13
#   defects14/ LAYOUTS_DEFECT_COUNT documents with one defect each (seed 142) in
#             --layouts heldout14
#   defects15/ LAYOUTS_DEFECT_COUNT documents with one defect each (seed 152) in
#             --layouts heldout15
# runs `docscreen scan --json --no-barcodes --today 2026-11-23 --case CASE FILE`
# on each (bench/recall.py scan, one process per document), and prints per
# family the genuine documents with a high flag (target <= 0.5 %), with a
# warning, and the flags behind them (bench/layouts.py), then the recall per
# code on the defect set (bench/recall.py table). Output under
# bench/out/layouts/ (git-ignored). About 5 minutes on 2 cores.
# LAYOUTS_SETS="heldout4 defects" generates and screens only those sets (the
# others' files in bench/out/layouts/ are kept); an unknown set name is an
# error. LAYOUTS_OUT puts everything in another folder.
# LAYOUTS_BEFORE=OLD_BUILD/docscreen screens every set with an older build
# too and prints its figures beside (twice the time).
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=${1:-build}
COUNT=${LAYOUTS_COUNT:-60}
DCOUNT=${LAYOUTS_DEFECT_COUNT:-60}
TODAY=2026-11-23
PY=/usr/bin/python3
OUT=${LAYOUTS_OUT:-bench/out/layouts}
BIN=$BUILD/docscreen

if [ ! -x "$BIN" ]; then
  echo "layouts: $BIN is missing; build first (make build)" >&2
  exit 2
fi
stamp() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

ALL_SETS="all heldout heldout2 heldout4 heldout5 heldout6 heldout7 heldout8 heldout9 heldout10 heldout11 heldout12 heldout13 heldout14 heldout15 defects defects5 defects6 defects7 defects8 defects9 defects10 defects11 defects12 defects13 defects14 defects15"
SETS=${LAYOUTS_SETS:-$ALL_SETS}
for s in $SETS; do
  case " $ALL_SETS " in *" $s "*) ;; *) echo "layouts: unknown set '$s' (sets: $ALL_SETS)" >&2; exit 2 ;; esac
done
want() { case " $SETS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
if [ -z "${LAYOUTS_SETS:-}" ]; then rm -rf "$OUT"; fi
mkdir -p "$OUT"
t_start=$(stamp)
gen() {  # name family seed count share
  want "$1" || return 0
  rm -rf "${OUT:?}/$1"
  local cmd=("$PY" samples/generate.py --cases --genuine-share "$5" --layouts "$2" --out "$OUT/$1"
             --count "$4" --seed "$3" --degrade mild --quiet)
  echo "layouts: ${cmd[*]}"
  "${cmd[@]}" >"$OUT/$1.generate.log" 2>&1 || {
    echo "layouts: samples/generate.py failed; see $OUT/$1.generate.log" >&2
    tail -20 "$OUT/$1.generate.log" >&2
    exit 1
  }
}
gen all all 61 "$COUNT" 1
gen heldout heldout 62 "$COUNT" 1
gen heldout2 heldout2 64 "$COUNT" 1
gen heldout4 heldout4 66 "$COUNT" 1
gen heldout5 heldout5 67 "$COUNT" 1
gen heldout6 heldout6 69 "$COUNT" 1
gen heldout7 heldout7 71 "$COUNT" 1
gen heldout8 heldout8 81 "$COUNT" 1
gen heldout9 heldout9 91 "$COUNT" 1
gen heldout10 heldout10 101 "$COUNT" 1
gen heldout11 heldout11 111 "$COUNT" 1
gen heldout12 heldout12 121 "$COUNT" 1
gen heldout13 heldout13 131 "$COUNT" 1
gen heldout14 heldout14 141 "$COUNT" 1
gen heldout15 heldout15 151 "$COUNT" 1
gen defects all 63 "$DCOUNT" 0
gen defects5 heldout5 68 "$DCOUNT" 0
gen defects6 heldout6 70 "$DCOUNT" 0
gen defects7 heldout7 72 "$DCOUNT" 0
gen defects8 heldout8 82 "$DCOUNT" 0
gen defects9 heldout9 92 "$DCOUNT" 0
gen defects10 heldout10 102 "$DCOUNT" 0
gen defects11 heldout11 112 "$DCOUNT" 0
gen defects12 heldout12 122 "$DCOUNT" 0
gen defects13 heldout13 132 "$DCOUNT" 0
gen defects14 heldout14 142 "$DCOUNT" 0
gen defects15 heldout15 152 "$DCOUNT" 0
t_gen=$(secs "$t_start" "$(stamp)")
t0=$(stamp)
for s in $SETS; do
  echo "layouts: docscreen scan --case on $s/"
  "$PY" bench/recall.py scan --bin "$BIN" --dir "$OUT/$s" --out "$OUT/$s.results.jsonl" --today "$TODAY"
  if [ -n "${LAYOUTS_BEFORE:-}" ]; then
    "$PY" bench/recall.py scan --bin "$LAYOUTS_BEFORE" --dir "$OUT/$s" --out "$OUT/$s.before.jsonl" --today "$TODAY"
  fi
done
t_scan=$(secs "$t0" "$(stamp)")
{
  echo
  echo "== genuine documents, false flags per layout family =="
  for s in all heldout heldout2 heldout4 heldout5 heldout6 heldout7 heldout8 heldout9 heldout10 heldout11 heldout12 heldout13 heldout14 heldout15; do
    want "$s" || continue
    "$PY" bench/layouts.py genuine --family "$s" --dir "$OUT/$s" --results "$OUT/$s.results.jsonl" \
      --json "$OUT/$s.json" ${LAYOUTS_BEFORE:+--before "$OUT/$s.before.jsonl"}
    echo
  done
  if want defects && [ -n "${LAYOUTS_BEFORE:-}" ]; then
    echo "== BEFORE ($LAYOUTS_BEFORE): recall per code on defects drawn in --layouts all =="
    "$PY" bench/recall.py table --dir "$OUT/defects" --results "$OUT/defects.before.jsonl" \
      --bin "$LAYOUTS_BEFORE" --today "$TODAY" | sed -n '1,/^false positives on/p'
    echo
  fi
  for s in defects defects5 defects6 defects7 defects8 defects9 defects10 defects11 defects12 defects13 defects14 defects15; do
    want "$s" || continue
    case $s in
      defects) what="all" ;;
      *) what="heldout${s#defects} (held out)" ;;
    esac
    [ "$s" = defects ] || echo
    echo "== recall per code on defects drawn in --layouts $what =="
    "$PY" bench/recall.py table --dir "$OUT/$s" --results "$OUT/$s.results.jsonl" --bin "$BIN" \
      --today "$TODAY" --json "$OUT/$s.json"
  done
  repro="bash bench/layouts.sh $BUILD"
  if [ "$COUNT" != 60 ] || [ "$DCOUNT" != 60 ]; then repro="LAYOUTS_COUNT=$COUNT LAYOUTS_DEFECT_COUNT=$DCOUNT $repro"; fi
  if [ -n "${LAYOUTS_SETS:-}" ]; then repro="LAYOUTS_SETS='$SETS' $repro"; fi
  echo "reproduce: $repro"
} | tee "$OUT/table.txt"
echo "wall time: generate ${t_gen}s, docscreen ${t_scan}s; raw results: $OUT/"
