#!/usr/bin/env bash
# make bench, PDF input (issue 15): time per page and peak memory of a
# scanned and a born-digital PDF of BENCH_PDF_PAGES pages (default 20),
# beside the same scanned pages as JPEG files. Usage: bench/pdf.sh BUILD_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
N=${BENCH_PDF_PAGES:-20}
OUT=bench/out/pdf
rm -rf "$OUT"
mkdir -p "$OUT"
export OMP_THREAD_LIMIT=1
/usr/bin/python3 bench/pdf.py "$BUILD" "$OUT" "$N"
echo "host: $(getconf _NPROCESSORS_ONLN) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
