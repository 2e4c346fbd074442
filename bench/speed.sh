#!/usr/bin/env bash
# Full screening time (issues 13 and 15): this build against a baseline
# measured in the same run, in CPU time (bench/speed.py says what is
# measured and how).
# Usage: bench/speed.sh BUILD_DIR
#
# The baseline is the source at SPEED_BASE (a commit; default 7dfdc0a, the
# tree before the speed work), extracted with git archive and built once
# under bench/out/speed/ (Release, only the library and the two programs;
# rebuilt when SPEED_BASE names another commit). SPEED_BASE_BUILD and
# SPEED_BASE_SRC name an existing build and its source tree instead.
# Knobs: SPEED_COUNT passport pages (default 24), SPEED_COLD of them
# screened one process each (default 12), SPEED_PDF_RUNS (default 3).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
OUT=bench/out/speed
BASE=${SPEED_BASE:-7dfdc0a}
mkdir -p "$OUT"
if [ ! -x "$BUILD/docscreen" ]; then
  echo "speed: $BUILD/docscreen is missing; build first (make build)" >&2
  exit 2
fi
if [ -n "${SPEED_BASE_BUILD:-}" ]; then
  base_build=$SPEED_BASE_BUILD
  base_src=${SPEED_BASE_SRC:?speed: SPEED_BASE_BUILD needs SPEED_BASE_SRC (its source tree)}
else
  if ! commit=$(git rev-parse --verify -q "$BASE^{commit}" 2>/dev/null); then
    echo "speed: SKIPPED: $BASE is not a commit of this repository (set SPEED_BASE or SPEED_BASE_BUILD)"
    exit 0
  fi
  base_src=$OUT/base-src
  base_build=$OUT/base-build
  if [ "$(cat "$base_build/.commit" 2>/dev/null)" != "$commit" ]; then
    echo "speed: building the baseline ${commit:0:10} in $base_build (once)"
    rm -rf "$base_src" "$base_build"
    mkdir -p "$base_src"
    git archive "$commit" | tar -x -C "$base_src"
    cmake -S "$base_src" -B "$base_build" -DCMAKE_BUILD_TYPE=Release -DDS_BENCH=OFF >/dev/null
    cmake --build "$base_build" -j "${JOBS:-2}" --target docscreen docscreen-pdf docscreen_shared >/dev/null
    echo "$commit" >"$base_build/.commit"
  fi
fi
/usr/bin/python3 bench/speed.py "$base_build" "$base_src" "$BUILD" --out "$OUT" \
  --count "${SPEED_COUNT:-24}" --cold "${SPEED_COLD:-12}" --pdf-runs "${SPEED_PDF_RUNS:-3}" \
  --json "$OUT/results.json"
echo "reproduce: bash bench/speed.sh $BUILD   (baseline: ${SPEED_BASE_BUILD:-SPEED_BASE=$BASE})"
