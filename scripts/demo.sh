#!/usr/bin/env bash
# The demo: screens every bundled sample page with the CLI, shows one full
# JSON report, then runs the screening service (docscreend, embedded SQLite
# store, a hot folder) on the same samples.
# Usage: scripts/demo.sh PATH/TO/docscreen
set -uo pipefail
bin=${1:-build/docscreen}
cd "$(dirname "$0")/.."
shopt -s nullglob
files=(samples/pages/*.jpg samples/pages/*.png samples/pages/*.tif)
if [ ${#files[@]} -eq 0 ]; then
  echo "demo: no sample pages in samples/pages" >&2
  exit 2
fi
echo "== docscreen scan: ${#files[@]} bundled sample files =="
"$bin" scan "${files[@]}"
status=$?
echo
echo "== exit status $status (0 nothing to review, 1 flagged for review, 2 input error) =="
echo
echo "== the JSON report of ${files[0]} =="
"$bin" scan --json "${files[0]}"
echo
echo "== the screening service: docscreend with the embedded SQLite store and a hot folder =="
bash scripts/demo-daemon.sh "$(dirname "$bin")"
exit 0
