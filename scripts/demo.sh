#!/usr/bin/env bash
# The demo: screens every bundled sample page with the CLI, shows one full
# JSON report, then runs the screening service (docscreend, embedded SQLite
# store, a hot folder) on the same samples.
# Usage: scripts/demo.sh PATH/TO/docscreen
set -uo pipefail
bin=${1:-build/docscreen}
# Every screening in the demo is as on one date, so its output is the same
# on any day: the samples were made around it (several expire in the weeks
# after it, two expired years before and show DOC_EXPIRED), and so were the
# supporting pages of the PDF. DEMO_TODAY=YYYY-MM-DD screens as on another.
today=${DEMO_TODAY:-2026-11-23}
export DEMO_TODAY=$today
cd "$(dirname "$0")/.."
shopt -s nullglob
files=(samples/pages/*.jpg samples/pages/*.png samples/pages/*.tif)
if [ ${#files[@]} -eq 0 ]; then
  echo "demo: no sample pages in samples/pages" >&2
  exit 2
fi
echo "== docscreen scan: ${#files[@]} bundled sample files, screened as on $today =="
"$bin" scan --today "$today" "${files[@]}"
status=$?
echo
echo "== exit status $status (0 nothing to review, 1 flagged for review, 2 input error) =="
echo
echo "== the JSON report of ${files[0]} =="
"$bin" scan --json --today "$today" "${files[0]}"
echo
echo "== a scanned PDF: a passport page and two supporting pages (samples/pdfgen.py --demo) =="
pdfdir=$(mktemp -d)
# The supporting pages (samples/supportdocs.py) are dated around its
# screening date, 2026-11-23; the bank statement is older than the office's
# 90-day window, which the report says.
if /usr/bin/python3 samples/supportdocs.py --out "$pdfdir/sup" --count 3 --seed 3 >/dev/null &&
   /usr/bin/python3 samples/pdfgen.py --out "$pdfdir" --demo samples/pages/0004-td3.jpg \
     "$pdfdir"/sup/0000-*.jpg "$pdfdir"/sup/0002-*.jpg; then
  "$bin" scan --today "$today" "$pdfdir/demo.pdf"
  echo "-- the report's pdf object and its pages --"
  "$bin" scan --json --today "$today" "$pdfdir/demo.pdf" | /usr/bin/python3 -c '
import json, sys
r = json.load(sys.stdin)
print(json.dumps(r.get("pdf"), indent=1))
for d in r["documents"]:
    print("page %d: %s, %s, %dx%d at %d dpi, mrz %s" % (d["page"], d["page_class"]["type"],
          d["type"], d["width"], d["height"], d["dpi"],
          "valid" if (d.get("mrz") or {}).get("valid") else "none"))
print("flags:", [(f["code"], f["severity"], f["page"]) for f in r["flags"]])
print("verdict:", r["verdict"])'
else
  echo "demo: the sample PDF could not be generated" >&2
fi
rm -rf "$pdfdir"

echo
echo "== the screening service: docscreend with the embedded SQLite store and a hot folder =="
bash scripts/demo-daemon.sh "$(dirname "$bin")"
exit 0
