#!/usr/bin/env bash
# Load run of the screening service (issue 5): documents per second and
# p50/p99 latency through docscreend's HTTP API with N workers, beside
# `docscreen scan` on the same documents in one process.
# Usage: bench/load.sh BUILD_DIR
#
# Documents: every file of samples/pages, then generated pages by file name
# from bench/out/gen (written by bench/run.sh); when that folder has no
# images, LOAD_COUNT pages are generated into a temporary folder
# (samples/generate.py, seed 42, --degrade full, as run.sh does).
# bench/load.py starts docscreend on 127.0.0.1:0 with a temporary SQLite
# store for each worker count, submits, polls, checks every report against
# the CLI's, stops the daemon with SIGTERM and removes the temporary
# directory. About 75 s on 2 cores with the defaults.
#
# Knobs (environment): LOAD_COUNT documents per run (default 60),
# LOAD_WORKERS worker counts, one daemon each (default "1 2"), LOAD_CLIENTS
# concurrent client threads (default 4, at most 16), LOAD_MODE closed (each
# client keeps one document in flight; default) or burst (submit all, then
# wait), LOAD_POLL_MS job polling interval (default 50), LOAD_TIMEOUT
# seconds one daemon run may take (default 150).
# Written to bench/out/load/: table.txt, results.json, cli.jsonl, and the
# daemon's log of each run (daemon-wN.log).
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=${1:-build}
COUNT=${LOAD_COUNT:-60}
WORKERS=${LOAD_WORKERS:-1 2}
CLIENTS=${LOAD_CLIENTS:-4}
MODE=${LOAD_MODE:-closed}
POLL_MS=${LOAD_POLL_MS:-50}
TIMEOUT=${LOAD_TIMEOUT:-150}
PY=/usr/bin/python3
OUT=bench/out/load
GEN=bench/out/gen

for b in "$BUILD/docscreen" "$BUILD/docscreend"; do
  if [ ! -x "$b" ]; then
    echo "load: $b is missing; build first (make build)" >&2
    exit 2
  fi
done
# One OCR thread per engine, as run.sh sets for the whole benchmark: the CLI
# row is then one core, and N workers are N threads.
export OMP_THREAD_LIMIT=${OMP_THREAD_LIMIT:-1}

tmp=""
cleanup() { if [ -n "$tmp" ]; then rm -rf "$tmp"; fi; }
trap cleanup EXIT

n_gen=$(find "$GEN" -maxdepth 1 -type f \( -name '*.jpg' -o -name '*.png' -o -name '*.tif' \) 2>/dev/null | wc -l)
if [ "$n_gen" -eq 0 ]; then
  tmp=$(mktemp -d /tmp/docscreen-loadgen.XXXXXX)
  GEN=$tmp/gen
  echo "load: $GEN is empty; generating $COUNT pages (seed 42, --degrade full) into $GEN"
  "$PY" samples/generate.py --out "$GEN" --count "$COUNT" --seed 42 --degrade full --quiet \
    >"$tmp/generate.log" 2>&1 || {
    echo "load: samples/generate.py failed; going on with samples/pages only" >&2
    tail -5 "$tmp/generate.log" >&2
    GEN=""
  }
fi

mkdir -p "$OUT"
rm -f "$OUT"/table.txt "$OUT"/results.json "$OUT"/cli.jsonl "$OUT"/cli.log "$OUT"/daemon-w*.log
t0=$(date +%s)
rc=0
"$PY" bench/load.py --build "$BUILD" --gen "$GEN" --count "$COUNT" --workers "$WORKERS" \
  --clients "$CLIENTS" --mode "$MODE" --poll-ms "$POLL_MS" --timeout "$TIMEOUT" --out "$OUT" || rc=$?
repro="bash bench/load.sh $BUILD"
[ "$COUNT" != 60 ] && repro="LOAD_COUNT=$COUNT $repro"
[ "$WORKERS" != "1 2" ] && repro="LOAD_WORKERS=\"$WORKERS\" $repro"
[ "$CLIENTS" != 4 ] && repro="LOAD_CLIENTS=$CLIENTS $repro"
[ "$MODE" != closed ] && repro="LOAD_MODE=$MODE $repro"
echo "wall time: $(( $(date +%s) - t0 ))s; raw results: $OUT/ (table.txt, results.json, cli.jsonl, daemon-w*.log)"
echo "reproduce: $repro"
exit "$rc"
