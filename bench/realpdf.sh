#!/usr/bin/env bash
# Real PDFs no rule was tuned on: the PDF manuals Debian ships in a few
# documentation packages (pdfTeX, LaTeX and Texinfo output from several
# years and authors). None is an identity or supporting document, so every
# warning or high flag on them is false: a born-digital page is not a scan
# to rescan, and a text layer that matches its rendering is not an edit.
#
# Usage: bash bench/realpdf.sh BUILD_DIR
# Fetches the packages with `apt-get download` (Debian's archive is the one
# source this project may download from) into bench/out/realpdf, takes
# whole short files and pages 1-3 and 4-6 of long ones (`mutool merge`,
# which the PDF reader already needs), screens each file and prints the
# flags at warning or high per code. REALPDF_PACKAGES overrides the list.
set -uo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
BIN=$BUILD/docscreen
OUT=bench/out/realpdf
PKGS=${REALPDF_PACKAGES:-"texlive-fonts-recommended-doc gnuplot-doc r-doc-pdf libtasn1-doc shared-mime-info"}

[ -x "$BIN" ] || { echo "realpdf: $BIN is missing" >&2; exit 2; }
command -v mutool >/dev/null || { echo "realpdf: mutool is missing (scripts/install-deps.sh installs it)" >&2; exit 2; }
mkdir -p "$OUT/debs" "$OUT/x" "$OUT/set"
( cd "$OUT/debs" && for p in $PKGS; do ls "$p"_*.deb >/dev/null 2>&1 || apt-get download "$p" >/dev/null 2>&1 || echo "realpdf: cannot download $p (skipped)" >&2; done )
for d in "$OUT"/debs/*.deb; do [ -f "$d" ] && dpkg-deb -x "$d" "$OUT/x"; done

# one copy of each manual (r-doc-pdf installs the same files twice)
mapfile -t files < <(find "$OUT/x" -name '*.pdf' -printf '%s %f %p\n' | sort -k2,2 -u | awk '{print $3}' | sort)
if [ "${#files[@]}" -eq 0 ]; then
  echo "SKIP: no documentation PDF could be fetched (no network to Debian's archive?)"
  exit 0
fi
for f in "${files[@]}"; do
  b=$(basename "$f" .pdf)
  n=$(mutool show "$f" trailer/Root/Pages/Count 2>/dev/null | tail -1)
  case "$n" in ''|*[!0-9]*) continue ;; esac
  if [ "$n" -le 8 ]; then
    cp "$f" "$OUT/set/$b.pdf"
  else
    [ -f "$OUT/set/$b-p1-3.pdf" ] || mutool merge -o "$OUT/set/$b-p1-3.pdf" "$f" 1-3 2>/dev/null
    [ -f "$OUT/set/$b-p4-6.pdf" ] || mutool merge -o "$OUT/set/$b-p4-6.pdf" "$f" 4-6 2>/dev/null
  fi
done

t0=$(date +%s)
for f in "$OUT"/set/*.pdf; do
  "$BIN" scan --json --today 2026-12-01 "$f" >"$f.json" 2>/dev/null
done
/usr/bin/python3 - "$OUT/set" "$(( $(date +%s) - t0 ))" <<'EOF'
import collections, glob, json, os, sys
d, secs = sys.argv[1], int(sys.argv[2])
pages = files = 0
by_code = collections.Counter()
pages_flagged = set()
errors = []
for j in sorted(glob.glob(os.path.join(d, "*.pdf.json"))):
    name = os.path.basename(j)[:-5]
    try:
        r = json.load(open(j))
    except ValueError:
        errors.append(name)
        continue
    files += 1
    if r.get("error"):
        errors.append("%s (%s)" % (name, r["error"].get("code")))
        continue
    pages += len(r.get("documents") or [])
    for f in r.get("flags", []):
        if f.get("severity") in ("warning", "high"):
            by_code[(f["code"], f["severity"])] += 1
            pages_flagged.add((name, f.get("page")))
            print("  %s page %s: %s %s" % (name, f.get("page"), f["code"], f["severity"]))
high = sum(n for (c, s), n in by_code.items() if s == "high")
print("real PDFs: %d files, %d pages screened in %d s" % (files, pages, secs))
for (c, s), n in sorted(by_code.items()):
    print("  %-26s %-8s %d" % (c, s, n))
print("pages with a warning or high flag: %d/%d; high flags: %d (target 0; every one is false)"
      % (len(pages_flagged), pages, high))
if errors:
    print("not read: %s" % ", ".join(errors))
EOF
