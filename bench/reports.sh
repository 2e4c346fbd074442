#!/usr/bin/env bash
# Writes docscreen's JSON report of every reference input into a folder, one
# file per input, so that two builds can be compared (bench/report-diff.py).
# Usage: bench/reports.sh PATH/TO/docscreen OUT_DIR [--no-viz]
#
# Inputs: the committed samples, the benchmark's generated pages (seed 42,
# BENCH_COUNT of them, default 100, written once under bench/out/gen-reports)
# and, where ../shared is beside the repo, the real MRZ specimens and the
# real barcode images. "Today" is pinned so that expiry flags do not move.
set -euo pipefail
bin=$(readlink -f "${1:?usage: reports.sh PATH/TO/docscreen OUT_DIR}")
out=${2:?usage: reports.sh PATH/TO/docscreen OUT_DIR}
shift 2
cd "$(dirname "$0")/.."
COUNT=${BENCH_COUNT:-100}
GEN=bench/out/gen-reports
mkdir -p "$out"
if [ ! -f "$GEN/.count-$COUNT" ]; then
  rm -rf "$GEN"
  /usr/bin/python3 samples/generate.py --out "$GEN" --count "$COUNT" --seed 42 --degrade full >/dev/null
  touch "$GEN/.count-$COUNT"
fi
sets=("samples:samples/pages" "gen:$GEN")
if [ -d ../shared/realdata ]; then
  sets+=("real:../shared/realdata/mrz-images")
  for d in ../shared/realdata/barcodes/*/; do sets+=("barcode-$(basename "$d"):$d"); done
else
  echo "reports: ../shared/realdata is absent: real specimens and barcodes skipped" >&2
fi
n=0
for s in "${sets[@]}"; do
  name=${s%%:*} dir=${s#*:}
  for f in "$dir"/*; do
    case "$f" in *.jpg|*.jpeg|*.png|*.tif|*.tiff|*.JPG|*.PNG) ;; *) continue ;; esac
    rc=0
    "$bin" scan --json --today 2026-12-06 "$@" "$f" >"$out/$name--$(basename "$f").json" 2>/dev/null || rc=$?
    echo "$rc" >"$out/$name--$(basename "$f").rc"
    n=$((n + 1))
  done
done
echo "reports: $n reports in $out"
