#!/usr/bin/env bash
# Recall per flag code and false positives on genuine documents, on a
# labelled set from samples/generate.py --cases (issue 3's targets: recall
# >= 98 % per code, false positives <= 1 %). Usage: bench/recall.sh BUILD_DIR
#
# Generates RECALL_COUNT documents (default 120, seed RECALL_SEED=43,
# --degrade mild, about 40 % genuine, the rest one defect each), runs
# `docscreen scan --json --no-barcodes --today 2026-11-23 --case CASE FILE`
# on each in its own process, and bench/recall.py prints the table.
# Everything goes under bench/out/recall/ (git-ignored). About 30 s on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=${1:-build}
COUNT=${RECALL_COUNT:-120}
SEED=${RECALL_SEED:-43}
TODAY=2026-11-23
PY=/usr/bin/python3
OUT=bench/out/recall
BIN=$BUILD/docscreen

if [ ! -x "$BIN" ]; then
  echo "recall: $BIN is missing; build first (make build)" >&2
  exit 2
fi
stamp() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

rm -rf "$OUT"
mkdir -p "$OUT"
GEN_CMD=("$PY" samples/generate.py --cases --out "$OUT/set" --count "$COUNT" --seed "$SEED" --degrade mild --quiet)
echo "recall: generating $COUNT labelled documents (seed $SEED, --degrade mild) into $OUT/set"
t0=$(stamp)
"${GEN_CMD[@]}" >"$OUT/generate.log" 2>&1 || {
  echo "recall: samples/generate.py failed; see $OUT/generate.log" >&2
  tail -20 "$OUT/generate.log" >&2
  exit 1
}
t_gen=$(secs "$t0" "$(stamp)")
echo "recall: docscreen scan --case on each document"
t0=$(stamp)
"$PY" bench/recall.py scan --bin "$BIN" --dir "$OUT/set" --out "$OUT/results.jsonl" --today "$TODAY"
t_scan=$(secs "$t0" "$(stamp)")
echo
repro="bash bench/recall.sh $BUILD"
if [ "$COUNT" != 120 ] || [ "$SEED" != 43 ]; then repro="RECALL_COUNT=$COUNT RECALL_SEED=$SEED $repro"; fi
"$PY" bench/recall.py table --dir "$OUT/set" --results "$OUT/results.jsonl" --bin "$BIN" --today "$TODAY" \
  --json "$OUT/results.json" --cmd "$repro   (generator: ${GEN_CMD[*]})" ${RECALL_VERBOSE:+--verbose} \
  | tee "$OUT/table.txt"
echo "wall time: generate ${t_gen}s, docscreen ${t_scan}s; raw results: $OUT/ (results.jsonl, results.json, table.txt, set/)"
