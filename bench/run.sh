#!/usr/bin/env bash
# `make bench`: docscreen's MRZ reader against stock Tesseract on the same
# images, in one run. Usage: bench/run.sh BUILD_DIR
#
# Generates the benchmark pages (samples/generate.py, fixed seed), runs
# ds_bench_mrz (docscreen, then decode-only) and ds_bench_tess (Tesseract)
# one after the other, each in its own process, then bench/score.py prints
# the table. Everything it writes goes under bench/out/ (git-ignored).
#
# Knobs (environment): BENCH_COUNT generated images (default 100),
# BENCH_TESS_COUNT how many of them, first by file name, Tesseract also reads
# (default: all), BENCH_REAL_DIR the real specimens folder.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=${1:-build}
COUNT=${BENCH_COUNT:-100}
TESS_COUNT=${BENCH_TESS_COUNT:-$COUNT}
REAL_DIR=${BENCH_REAL_DIR:-../shared/realdata/mrz-images}
PY=/usr/bin/python3
OUT=bench/out
GEN=$OUT/gen
MRZ_BIN=$BUILD/bench/ds_bench_mrz
TESS_BIN=$BUILD/bench/ds_bench_tess

for b in "$MRZ_BIN" "$TESS_BIN"; do
  if [ ! -x "$b" ]; then
    echo "bench: $b is missing; build with: cmake -S . -B $BUILD -DDS_BENCH=ON && cmake --build $BUILD" >&2
    exit 2
  fi
done
if [ ! -f samples/generate.py ]; then
  echo "bench: samples/generate.py is missing: cannot generate the benchmark pages" >&2
  exit 2
fi

CORES=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo "?")
GEN_CMD=("$PY" samples/generate.py --out "$GEN" --count "$COUNT" --seed 42 --degrade full)

# Tesseract's LSTM uses OpenMP threads; one thread per engine, as docscreen
# runs one scanner per thread, so per-page times compare like with like.
export OMP_THREAD_LIMIT=1

stamp() { date +%s.%N; }
# Runs one driver; a crash or error is reported and the run goes on, so the
# table still shows what was measured (pages it did not reach count as missing).
drive() {
  local log=$1 out=$2
  shift 2
  local rc=0
  "$@" >"$out" 2>"$log" || rc=$?
  if [ "$rc" -ne 0 ]; then
    echo "bench: WARNING: $(basename "$1") exited with status $rc; see $log" >&2
    tail -5 "$log" >&2 || true
  fi
}
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

t_start=$(stamp)
mkdir -p "$OUT"
rm -rf "$GEN"
rm -f "$OUT"/*.jsonl "$OUT"/*.list "$OUT"/*.log "$OUT/results.json" "$OUT/table.txt" "$OUT/real.tsv"
echo "bench: generating $COUNT pages (seed 42, --degrade full) into $GEN"
t0=$(stamp)
"${GEN_CMD[@]}" >"$OUT/generate.log" 2>&1 || {
  echo "bench: samples/generate.py failed; see $OUT/generate.log" >&2
  tail -20 "$OUT/generate.log" >&2
  exit 1
}
t_gen=$(secs "$t0" "$(stamp)")

"$PY" bench/score.py list "$GEN" >"$OUT/gen.list" || {
  echo "bench: no truth JSON with images found under $GEN" >&2
  exit 1
}
head -n "$TESS_COUNT" "$OUT/gen.list" >"$OUT/gen.tess.list"
n_all=$(wc -l <"$OUT/gen.list")
n_tess=$(wc -l <"$OUT/gen.tess.list")

echo "bench: decode only on $n_all images"
t0=$(stamp)
drive "$OUT/gen.decode.log" "$OUT/gen.decode.jsonl" "$MRZ_BIN" --decode-only --list "$OUT/gen.list"
t_dec=$(secs "$t0" "$(stamp)")

djpeg_args=()
if command -v djpeg >/dev/null 2>&1; then
  echo "bench: djpeg -grayscale on the JPEG files of them (the decoder's floor)"
  drive "$OUT/gen.djpeg.log" "$OUT/gen.djpeg.jsonl" "$PY" bench/score.py djpeg "$OUT/gen.list"
  djpeg_args=(--djpeg "$OUT/gen.djpeg.jsonl")
else
  echo "bench: SKIPPING the djpeg floor: djpeg is missing (libjpeg-turbo-progs)"
fi

echo "bench: docscreen on $n_all images"
t0=$(stamp)
drive "$OUT/gen.docscreen.log" "$OUT/gen.docscreen.jsonl" "$MRZ_BIN" --list "$OUT/gen.list"
t_ds=$(secs "$t0" "$(stamp)")

echo "bench: tesseract eng on $n_tess of them (about 0.5-1.5 s a page)"
t0=$(stamp)
drive "$OUT/gen.tesseract.log" "$OUT/gen.tesseract.jsonl" "$TESS_BIN" --list "$OUT/gen.tess.list"
t_ts=$(secs "$t0" "$(stamp)")

real_args=(--real-dir "$REAL_DIR")
t_real=0
if [ -d "$REAL_DIR" ]; then
  find "$REAL_DIR" -maxdepth 1 -type f \( -iname '*.png' -o -iname '*.jpg' -o -iname '*.jpeg' -o -iname '*.tif' -o -iname '*.tiff' \) \
    | LC_ALL=C sort >"$OUT/real.list"
  n_real=$(wc -l <"$OUT/real.list")
  echo "bench: real specimens: docscreen and tesseract on $n_real images of $REAL_DIR"
  t0=$(stamp)
  drive "$OUT/real.docscreen.log" "$OUT/real.docscreen.jsonl" "$MRZ_BIN" --list "$OUT/real.list"
  drive "$OUT/real.tesseract.log" "$OUT/real.tesseract.jsonl" "$TESS_BIN" --list "$OUT/real.list"
  t_real=$(secs "$t0" "$(stamp)")
  real_args+=(--real-docscreen "$OUT/real.docscreen.jsonl"
             --real-tesseract "$OUT/real.tesseract.jsonl" --real-tsv "$OUT/real.tsv")
else
  echo "bench: SKIPPING the real specimens: $REAL_DIR is absent"
fi

"$PY" bench/score.py table --truth "$GEN" --gen-cmd "${GEN_CMD[*]}" \
  --docscreen "$OUT/gen.docscreen.jsonl" --tesseract "$OUT/gen.tesseract.jsonl" \
  --decode "$OUT/gen.decode.jsonl" --json "$OUT/results.json" "${real_args[@]}" "${djpeg_args[@]}" \
  | tee "$OUT/table.txt"

echo
echo "wall time: generate ${t_gen}s, decode-only ${t_dec}s, docscreen ${t_ds}s, tesseract ${t_ts}s, real specimens ${t_real}s; total $(secs "$t_start" "$(stamp)")s"
echo "raw results: $OUT/ (*.jsonl per engine, results.json, table.txt, real.tsv)"
echo "reproduce:   make bench   (or: BENCH_COUNT=$COUNT BENCH_TESS_COUNT=$TESS_COUNT bash bench/run.sh $BUILD)"
echo "host:        $CORES cores, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null), $(uname -m), $(tesseract --version 2>&1 | head -1), OMP_THREAD_LIMIT=1"

echo
echo "== Real specimens: every MRZ read right, said unreadable, or read wrong silently; false high flags without and with the holder's case record (issue 13; read wrong silently and both flag counts must be 0) =="
if [ -d "$REAL_DIR" ]; then
  # BENCH_REAL_BEFORE=OLD_BUILD/docscreen measures an older build beside this one.
  real_root="$(dirname "$REAL_DIR")"
  BENCH_REAL_ROOT="$real_root" "$PY" bench/real-read.py "$BUILD/docscreen" \
    ${BENCH_REAL_BEFORE:+--before "$BENCH_REAL_BEFORE"} || echo "bench: real-specimen reading failed"
  for b in ${BENCH_REAL_BEFORE:+"$BENCH_REAL_BEFORE"} "$BUILD/docscreen"; do
    flags="real-flags.py skipped: $real_root/../tools is absent"
    [ -f "$real_root/../tools/real-flags.py" ] &&
      flags=$("$PY" "$real_root/../tools/real-flags.py" "$b" --jobs 2 | tail -1)
    printf '%-28s %s | %s\n' "$b:" "$flags" \
      "$(BENCH_REAL_ROOT="$real_root" "$PY" bench/real-case.py "$b" --jobs 2 | tail -1)"
  done
  echo "(reproduce: python3 bench/real-case.py $BUILD/docscreen --verbose lists the flags)"
else
  echo "bench: SKIPPING: $REAL_DIR is absent"
fi

echo
echo "== Barcodes: real set (../shared/realdata/barcodes), zbar alone vs the merged decoders =="
bash bench/barcodes.sh "$BUILD" || echo "bench: barcode benchmark failed"

echo
echo "== Full screening time in CPU time: passport pages warm and per process, the 3-page demo PDF, beside the build before the speed work (issues 13 and 15) =="
bash bench/speed.sh "$BUILD" || echo "bench: speed benchmark failed"

echo
echo "== Flags on labelled cases: recall per code, false positives on genuine documents (issue 3) =="
bash bench/recall.sh "$BUILD" || echo "bench: recall benchmark failed"

echo
echo "== Other layouts: false flags on genuine documents in --layouts all and the held-out families heldout, heldout2, heldout4, heldout5, heldout6, heldout7, heldout8, heldout9, heldout10, heldout11, heldout12 and heldout13, recall on defects in all, in heldout5, in heldout6, in heldout7, in heldout8, in heldout9, in heldout10, in heldout11, in heldout12 and in heldout13 (issue 13) =="
bash bench/layouts.sh "$BUILD" || echo "bench: layouts benchmark failed"

echo
echo "== Supporting documents: page types, fields against the case record, recall and false flags per code, per type and layout family (issue 15) =="
bash bench/supportdocs.sh "$BUILD" || echo "bench: supporting-document benchmark failed"

echo
echo "== Real PDFs no rule was tuned on (Debian's PDF manuals): flags at warning or high, all false (issue 15) =="
bash bench/realpdf.sh "$BUILD" || echo "bench: real-PDF run failed"

echo
echo "== Load through the screening service: documents/s and latency with N workers (issue 5) =="
bash bench/load.sh "$BUILD" || echo "bench: load run failed"

echo
echo "== PDF input: time per page and peak memory, scanned and born-digital, against the same pages as JPEG (issue 15) =="
bash bench/pdf.sh "$BUILD" || echo "bench: PDF benchmark failed"

echo
echo "== Several nodes on one PostgreSQL: documents/s, 1 node x 2 workers vs 2 nodes x 1 worker, SQLite beside (issue 17) =="
bash bench/nodes.sh "$BUILD" || echo "bench: nodes run failed"
