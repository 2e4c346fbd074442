#!/usr/bin/python3
"""Scores bench/supportdocs.sh: reports in OUT/reports against the truth in
OUT/pages (samples/supportdocs.py). Usage: bench/supportdocs.py OUT [FAMILY...]
(only the pages of those layout families).

A defect is found when its flag code is raised on its page at warning or
high severity (an officer sees it). A false positive is a warning or high
SUPPORT_* or CASE_* flag of a code the page's truth does not expect.
DUPLICATE_IMAGE is raised by docscreend across cases, so here it is scored
from the reports' page fingerprints: the re-scanned copy must be within the
daemon's default distance (duplicate_image_distance = 4 bits) of its
original, and two different pages must not be.
"""
import collections
import glob
import json
import os
import statistics
import sys

DUP_DISTANCE = 4
ALERT = ("warning", "high")


def load(out, families=None):
    pages = []
    for t in sorted(glob.glob(os.path.join(out, "pages", "*.json"))):
        if t.endswith(".case.json"):
            continue
        truth = json.load(open(t))
        if families and truth["family"] not in families:
            continue
        stem = truth["file"][:-4]
        rp = os.path.join(out, "reports", stem + ".json")
        if not os.path.exists(rp):
            continue  # not screened (a run stopped early): left out, and counted below
        try:
            rep = json.load(open(rp))
        except (OSError, ValueError):
            rep = {"documents": [], "flags": [], "error": {"code": "NO_REPORT"}}
        dup = None
        dp = os.path.join(out, "reports", stem + ".dup.json")
        if os.path.exists(dp):
            try:
                dup = json.load(open(dp))
            except ValueError:
                dup = None
        pages.append((truth, rep, dup))
    return pages


def dhash(rep):
    docs = rep.get("documents") or []
    h = docs[0].get("dhash") if docs else None
    return int(h, 16) if h else None


def group(truth):
    """tuned, held-out (looked at after its first run), heldout3 (measured
    before any rule was changed for it), heldout4, heldout5, heldout6, heldout7, heldout8, heldout9,
    heldout10, heldout11, heldout12, heldout13, heldout14 and heldout15 (the same)."""
    if not truth["heldout"]:
        return "tuned"
    return truth["family"] if truth["family"] in ("heldout3", "heldout4", "heldout5", "heldout6",
                                                     "heldout7", "heldout8", "heldout9", "heldout10", "heldout11",
                                                     "heldout12", "heldout13", "heldout14", "heldout15") else \
        "held-out 1-2"


GROUPS = ["tuned", "held-out 1-2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8",
          "heldout9", "heldout10", "heldout11", "heldout12", "heldout13", "heldout14", "heldout15"]


def pct(a, b):
    return "%5.1f%%" % (100.0 * a / b) if b else "   n/a"


def main():
    out = sys.argv[1]
    pages = load(out, sys.argv[2:])
    if not pages:
        print("supportdocs: no pages")
        return 1
    print("pages screened: %d" % len(pages))
    codes = sorted({c for t, _, _ in pages for c in t["expect"] if c != "DUPLICATE_IMAGE"})
    rec = collections.defaultdict(lambda: [0, 0])       # code -> [found, expected]
    rec_g = collections.defaultdict(lambda: [0, 0])     # (code, group) -> [found, expected]
    gen_g = collections.defaultdict(lambda: [0, 0])     # group -> [flagged, genuine]
    fp = collections.Counter()                           # code -> false positives
    by_kind = collections.OrderedDict()
    by_fam = collections.OrderedDict()
    genuine = genuine_flagged = 0
    flagged_list = []
    missed = []
    t_support, t_total = [], []
    for truth, rep, _ in pages:
        exp = set(c for c in truth["expect"] if c != "DUPLICATE_IMAGE")
        raised = {f["code"] for f in rep.get("flags", []) if f["severity"] in ALERT}
        docs = rep.get("documents") or [{}]
        pclass = (docs[0].get("page_class") or {}).get("type", "none")
        g = group(truth)
        for c in exp:
            rec[c][1] += 1
            rec[c][0] += c in raised
            if c not in raised:
                missed.append("%s (%s, %s): %s missed; raised %s" % (
                    truth["file"], truth["family"], pclass, c,
                    ", ".join(sorted("%s/%s" % (f["code"], f["severity"]) for f in rep.get("flags", [])
                                     if f["code"] != "MRZ_NOT_FOUND")) or "nothing"))
            rec_g[(c, g)][1] += 1
            rec_g[(c, g)][0] += c in raised
        wrong = [f for f in rep.get("flags", []) if f["severity"] in ALERT and f["code"] not in exp
                 and (f["code"].startswith("SUPPORT_") or f["code"].startswith("CASE_"))]
        for f in wrong:
            fp[f["code"]] += 1
        is_genuine = not exp
        alerted = any(f["severity"] in ALERT for f in rep.get("flags", []))
        if is_genuine:
            genuine += 1
            genuine_flagged += alerted
            gen_g[g][1] += 1
            gen_g[g][0] += alerted
            if alerted:
                flagged_list.append("%s: %s" % (truth["file"], ", ".join(
                    "%s/%s" % (f["code"], f["severity"]) for f in rep["flags"] if f["severity"] in ALERT)))
        for table, key in ((by_kind, truth["kind"]), (by_fam, truth["family"] + (" (held-out)" if truth["heldout"] else ""))):
            row = table.setdefault(key, collections.Counter())
            row["pages"] += 1
            row["classified"] += pclass == truth["kind"]
            row["expected"] += len(exp)
            row["found"] += len(exp & raised)
            row["genuine"] += is_genuine
            row["genuine_flagged"] += is_genuine and alerted
            row["false_pos"] += len(wrong)
        tm = rep.get("timing_ms") or {}
        if "support" in tm:
            t_support.append(tm["support"])
            t_total.append(tm["total"])

    print("per flag code (found at warning/high; false positives on pages not expecting the code)")
    print("  %-30s %8s %8s %8s" % ("code", "found", "recall", "false+"))
    for c in codes:
        f, n = rec[c]
        print("  %-30s %4d/%-3d %8s %8d" % (c, f, n, pct(f, n), fp[c]))
    for c in sorted(set(fp) - set(codes)):
        print("  %-30s %8s %8s %8d" % (c, "-", "-", fp[c]))
    print("per flag code, tuned families apart from held-out ones (found/expected, recall)")
    print("  %-30s" % "code" + "".join(" %20s" % g for g in GROUPS))
    for c in codes:
        print("  %-30s" % c + "".join(" %20s" % ("%d/%d %s" % (rec_g[(c, g)][0], rec_g[(c, g)][1],
                                                              pct(*rec_g[(c, g)]).strip()))
                                       for g in GROUPS))
    print("  %-30s" % "genuine with warning/high" + "".join(
        " %20s" % ("%d/%d %s" % (gen_g[g][0], gen_g[g][1], pct(*gen_g[g]).strip())) for g in GROUPS))
    for title, table in (("per page type", by_kind), ("per layout family", by_fam)):
        print(title)
        print("  %-26s %5s %11s %13s %16s %7s" % ("", "pages", "classified", "defects found",
                                                 "genuine flagged", "false+"))
        for k, row in table.items():
            print("  %-26s %5d %11s %13s %16s %7d" % (
                k, row["pages"], "%d (%s)" % (row["classified"], pct(row["classified"], row["pages"]).strip()),
                "%d/%d" % (row["found"], row["expected"]),
                "%d/%d" % (row["genuine_flagged"], row["genuine"]), row["false_pos"]))
    print("genuine pages with a warning or high flag: %d/%d (%s; target <= 1%%)" % (
        genuine_flagged, genuine, pct(genuine_flagged, genuine).strip()))
    for s in flagged_list[:12]:
        print("    " + s)
    print("missed defects: %d" % len(missed))
    for s in missed[:20]:
        print("    " + s)
    if t_support:
        t_support.sort()
        t_total.sort()
        q = lambda v, p: v[min(len(v) - 1, int(p * len(v)))]
        print("time per page (ms): supporting-page reading p50 %.0f p90 %.0f max %.0f; whole scan "
              "p50 %.0f p90 %.0f (barcode fallbacks included)" % (
                  q(t_support, 0.5), q(t_support, 0.9), t_support[-1], q(t_total, 0.5), q(t_total, 0.9)))
    # Fingerprints.
    dup_d = []
    for truth, rep, dup in pages:
        if dup is not None and dhash(rep) is not None and dhash(dup) is not None:
            dup_d.append(bin(dhash(rep) ^ dhash(dup)).count("1"))
    near_pairs = pairs = 0
    groups = collections.defaultdict(list)
    for truth, rep, _ in pages:
        h = dhash(rep)
        if h is not None:
            groups[truth["kind"]].append(h)
    for hs in groups.values():
        for i in range(len(hs)):
            for j in range(i + 1, len(hs)):
                pairs += 1
                near_pairs += bin(hs[i] ^ hs[j]).count("1") <= DUP_DISTANCE
    if dup_d:
        print("DUPLICATE_IMAGE: re-scanned copies within %d bits of the original: %d/%d (distances %s)"
              % (DUP_DISTANCE, sum(d <= DUP_DISTANCE for d in dup_d), len(dup_d),
                 " ".join(map(str, sorted(dup_d)))))
    print("DUPLICATE_IMAGE: different pages of one type within %d bits: %d of %d pairs"
          % (DUP_DISTANCE, near_pairs, pairs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
