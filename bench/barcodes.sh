#!/usr/bin/env bash
# Barcode benchmark: the share of the real barcode set (../shared/realdata/
# barcodes: qr/, pdf417/, datamatrix/) decoded exactly right, per symbology,
# by zbar alone, zxing-cpp alone and docscreen's merged scan, in one run.
# Usage: bench/barcodes.sh BUILD_DIR   (BENCH_BARCODE_DIR overrides the set;
# BENCH_VERBOSE=1 lists every image). Exits 0 with a note when the set is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
DIR=${BENCH_BARCODE_DIR:-../shared/realdata/barcodes}
BIN=$BUILD/bench/ds_bench_barcodes
if [ ! -x "$BIN" ]; then
  echo "bench: $BIN is missing; build with: cmake -S . -B $BUILD -DDS_BENCH=ON && cmake --build $BUILD" >&2
  exit 2
fi
if [ ! -d "$DIR" ]; then
  echo "bench: $DIR absent: barcode benchmark skipped"
  exit 0
fi
args=()
if [ "${BENCH_VERBOSE:-0}" = 1 ]; then args+=(-v); fi
exec "$BIN" "${args[@]}" "$DIR"
