#!/usr/bin/env bash
# Supporting documents (letters, bank statements, invoices, certificates,
# tenancy agreements, payslips) must not be read as an MRZ nor flagged
# (issue 13). Usage: bench/supporting.sh BUILD_DIR
#
# Generates SUPPORTING_COUNT pages (default 40) with samples/supporting.py
# (seed SUPPORTING_SEED=7), runs `docscreen scan --json --today 2026-11-23
# --case CASE FILE` on each with the case record of the page's applicant
# (so every CASE_* flag is false), two at a time, and prints per page type:
# pages with an MRZ accepted, pages with any high flag, pages with any
# warning. The target is 0 and 0 for the first two. Everything goes under
# bench/out/supporting/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=${1:-build}
COUNT=${SUPPORTING_COUNT:-40}
SEED=${SUPPORTING_SEED:-7}
TODAY=2026-11-23
PY=/usr/bin/python3
OUT=bench/out/supporting
BIN=$BUILD/docscreen

if [ ! -x "$BIN" ]; then
  echo "supporting: $BIN is missing; build first (make build)" >&2
  exit 2
fi
rm -rf "$OUT"
mkdir -p "$OUT/pages" "$OUT/reports"
"$PY" samples/supporting.py --out "$OUT/pages" --count "$COUNT" --seed "$SEED" >/dev/null
for f in "$OUT"/pages/*.jpg; do
  n=$(basename "$f" .jpg)
  echo "$n"
done | xargs -P 2 -I{} sh -c \
  '"$1" scan --json --today "$2" --case "$3/pages/{}.case.json" "$3/pages/{}.jpg" >"$3/reports/{}.json" 2>/dev/null || true' \
  _ "$BIN" "$TODAY" "$OUT"
"$PY" - "$OUT" <<'PYEOF'
import collections, glob, json, os, sys
out = sys.argv[1]
rows = collections.OrderedDict()
codes = collections.Counter()
for t in sorted(glob.glob(os.path.join(out, "pages", "*.json"))):
    if t.endswith(".case.json"):
        continue
    truth = json.load(open(t))
    rep = json.load(open(os.path.join(out, "reports", truth["file"][:-4] + ".json")))
    docs = rep.get("documents", [])
    flags = rep.get("flags", [])
    r = rows.setdefault(truth["kind"], [0, 0, 0, 0])
    r[0] += 1
    r[1] += any(d.get("mrz") for d in docs)
    r[2] += any(f["severity"] == "high" for f in flags)
    r[3] += any(f["severity"] == "warning" for f in flags)
    for f in flags:
        if f["severity"] != "info":
            codes[(f["code"], f["severity"])] += 1
print("%-16s %6s %12s %10s %13s" % ("type", "pages", "MRZ accepted", "any high", "any warning"))
tot = [0, 0, 0, 0]
for k, r in rows.items():
    print("%-16s %6d %12d %10d %13d" % (k, *r))
    tot = [a + b for a, b in zip(tot, r)]
print("%-16s %6d %12d %10d %13d" % ("all", *tot))
print("flags (warning and high) by code: " +
      (", ".join("%s/%s %d" % (c, s, n) for (c, s), n in sorted(codes.items())) or "none"))
PYEOF
echo "reproduce: bash bench/supporting.sh $BUILD   (SUPPORTING_COUNT=$COUNT SUPPORTING_SEED=$SEED)"
