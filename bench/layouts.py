#!/usr/bin/python3
"""False flags on genuine documents drawn in other layouts (issue 13).

bench/layouts.sh generates genuine documents with case records in the
generator's `--layouts all` and `--layouts heldout` families, screens each
with `docscreen scan --case` (bench/recall.py scan), then calls

  layouts.py genuine --family NAME --dir DIR --results RESULTS.jsonl [--json OUT]

which prints, for that family: genuine documents with any high flag
(target <= 0.5 %), with any warning, the flag codes behind them, and every
such flag with its file, the layout it was drawn in and what was read
(expected / found / message), so a rule's false alarms can be traced to a
layout feature.
"""
import argparse
import collections
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from recall import load_truth, pct  # noqa: E402

HIGH_TARGET = 0.005


def layout_str(lay):
    if not lay:
        return "classic"
    parts = [lay.get("captions", ""), lay.get("caption_langs", ""), "names=" + lay.get("names", ""),
             "dates=" + lay.get("dates", "")]
    if lay.get("script"):
        parts.append("%s %s" % (lay["script"], lay.get("script_place", "")))
    parts += [k for k in ("stamp", "hologram", "security_print") if lay.get(k)]
    return " ".join(parts)


def load_results(path):
    results = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                r = json.loads(line)
                results[r["file"]] = r
    return results


def high_warn(docs, results):
    """(documents with a high flag, with a warning) among docs."""
    high = warn = 0
    for t in docs:
        rep = (results.get(t["file"]) or {}).get("report") or {}
        sev = {f.get("severity") for f in rep.get("flags", [])}
        high += "high" in sev
        warn += "warning" in sev
    return high, warn


def cmd_genuine(a):
    docs = [t for t in load_truth(a.dir) if t["label"] == "genuine"]
    results = load_results(a.results)
    n = len(docs)
    high, warn, err = [], [], []
    codes = collections.Counter()
    listed = []
    for t in docs:
        r = results.get(t["file"], {})
        rep = r.get("report") or {}
        if not rep or rep.get("verdict") == "error":
            err.append(t["file"])
            continue
        flags = rep.get("flags", [])
        sev = {f.get("severity") for f in flags}
        if "high" in sev:
            high.append(t["file"])
        if "warning" in sev:
            warn.append(t["file"])
        for f in flags:
            if f.get("severity") in ("warning", "high"):
                codes[(f.get("code"), f.get("severity"))] += 1
                listed.append((t, f))
    print("family %s: %d genuine documents (docscreen scan --case --no-barcodes)" % (a.family, n))
    print("  with any high flag:    %3d  %-7s target <= 0.5 %%  %s" % (
        len(high), pct(len(high), n).strip(), "ok" if n and len(high) / n <= HIGH_TARGET else "ABOVE TARGET"))
    print("  with any warning:      %3d  %s" % (len(warn), pct(len(warn), n).strip()))
    print("  no report / error:     %3d" % len(err))
    if a.before:
        bh, bw = high_warn(docs, load_results(a.before))
        print("  before (%s): any high flag %d (%s), any warning %d (%s); after: %d (%s), %d (%s)" % (
            a.before, bh, pct(bh, n).strip(), bw, pct(bw, n).strip(), len(high), pct(len(high), n).strip(),
            len(warn), pct(len(warn), n).strip()))
    if codes:
        print("  codes (warning/high flags, documents can carry several):")
        for (c, s), k in sorted(codes.items(), key=lambda x: (-x[1], x[0])):
            print("    %-28s %-7s %d" % (c, s, k))
    if listed:
        print("  each flag: file format [layout] code(severity) field: expected / found -- message")
        for t, f in listed:
            print("    %-14s %-4s [%s] %s(%s) %s: %s / %s -- %s" % (
                t["file"], t["format"], layout_str(t.get("layout")), f.get("code"), f.get("severity"),
                f.get("field") or "-", f.get("expected"), f.get("found"), (f.get("message") or "")[:160]))
    if a.json:
        with open(a.json, "w", encoding="utf-8") as fh:
            json.dump({"family": a.family, "genuine": n, "high": high, "warning": warn, "errors": err,
                       "codes": {"%s/%s" % k: v for k, v in codes.items()},
                       "flags": [{"file": t["file"], "format": t["format"], "layout": t.get("layout"),
                                  "flag": f} for t, f in listed]}, fh, ensure_ascii=False, indent=1)
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("genuine")
    g.add_argument("--family", required=True)
    g.add_argument("--dir", required=True)
    g.add_argument("--results", required=True)
    g.add_argument("--json")
    g.add_argument("--before", help="results of an older build on the same documents, printed beside")
    a = ap.parse_args()
    return cmd_genuine(a)


if __name__ == "__main__":
    sys.exit(main())
