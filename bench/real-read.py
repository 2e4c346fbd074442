#!/usr/bin/python3
"""Every real specimen's MRZ: read right, said unreadable, or read wrong silently (issue 13).

Screens each image of ../shared/realdata/mrz-images (full screening, no case
record: `docscreen scan --json --today 2026-12-06 FILE`) with one or two
docscreen binaries and sorts every image into exactly one class:

  read exactly       the true lines are known (bench/real-exact.py's TRUTH)
                     and the lines reported are exactly them;
  checks valid       no true lines are known and every check digit of the
                     reading is valid (the best this bench can tell);
  bad as printed     the printed MRZ itself fails its checks (specimens with
                     a deliberately wrong MRZ, see BAD_AS_PRINTED) and the
                     reading says so;
  said unreadable    the report asks for a rescan: a flag of UNREADABLE (no
                     MRZ found, a check digit that a misreading may explain,
                     the MRZ clipped or breaking its layout, a name not read
                     reliably, the image too poor to read);
  read wrong         anything else: lines that differ from the truth, or
  silently           checks that fail, with no flag saying the reading is
                     unreliable. This is the number that must be 0.

A reading that is right but also carries a rescan warning counts as read (the
warning is listed). With two binaries (--before OLD) the classes are printed
side by side, and every image whose class changed is listed.

usage: real-read.py NEW_DOCSCREEN [--before OLD_DOCSCREEN] [--jobs 2] [--verbose]
Last line: read N/M said_unreadable K read_wrong_silently W
"""
import importlib.util
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
REAL = os.environ.get("BENCH_REAL_ROOT", os.path.join(HERE, "..", "..", "shared", "realdata"))
TODAY = "2026-12-06"

# Flags (any severity) that tell the officer the MRZ was not read reliably.
UNREADABLE = {"MRZ_NOT_FOUND", "MRZ_CLIPPED", "MRZ_FORMAT", "MRZ_NAME_UNREADABLE",
              "IMAGE_QUALITY_LOW"}
# MRZ_CHECK_DIGIT counts as "unreadable" only at warning severity (a check a
# misreading may explain); at high it claims the printed MRZ is wrong.

# Specimens whose printed MRZ fails its own checks (checked by eye against the
# images): the check-digit fields that fail as printed; None for a VOID
# specimen whose MRZ is nonsense.
BAD_AS_PRINTED = {
    "arg_id_cards_Malta_BAD.png": {"document_number", "birth_date"},
    "arg_other_USA_Border_Crosser.png": {"document_number", "composite"},
    "arg_resident_cards_USA.png": None,
    "pe_77_card-cmw.png": {"composite"},
    "pe_0_id-esp.png": None,
}

CLASSES = ["read exactly", "checks valid", "bad as printed", "said unreadable",
           "read wrong silently"]


def load_truth():
    spec = importlib.util.spec_from_file_location("real_exact", os.path.join(HERE, "real-exact.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.truth_lines()


def screen(binary, img):
    try:
        p = subprocess.run([binary, "scan", "--json", "--today", TODAY,
                            os.path.join(REAL, "mrz-images", img)],
                           capture_output=True, text=True, timeout=300)
        return json.loads(p.stdout)
    except Exception as e:  # no report is itself a failure, shown as such
        return {"error": str(e)}


def classify(img, rep, truth):
    """(class, note) of one image's report."""
    if "error" in rep:
        return "read wrong silently", "no report (%s)" % rep["error"]
    docs = rep.get("documents") or []
    mrz = (docs[0].get("mrz") if docs else None) or {}
    lines = mrz.get("lines") or []
    flags = rep.get("flags") or []
    unread = sorted({f["code"] for f in flags
                     if f.get("code") in UNREADABLE or
                     (f.get("code") == "MRZ_CHECK_DIGIT" and f.get("severity") == "warning")})
    high_cd = {f.get("field") for f in flags
               if f.get("code") == "MRZ_CHECK_DIGIT" and f.get("severity") == "high"}
    note = ",".join(unread)
    if img in truth and lines == truth[img]:
        return "read exactly", note
    if img not in truth and mrz.get("valid") and not unread:
        return "checks valid", note
    if img in BAD_AS_PRINTED and mrz and not unread:
        ok = BAD_AS_PRINTED[img]
        if high_cd and (ok is None or high_cd <= ok):
            return "bad as printed", "high on " + ",".join(sorted(high_cd))
    if unread:
        return "said unreadable", note
    if img in truth:
        return "read wrong silently", "read %s" % "|".join(lines)
    return "read wrong silently", "checks fail without a rescan warning (%s)" % (
        ",".join(sorted(high_cd)) or "no MRZ flag")


def run(binary, imgs, truth, jobs):
    with ThreadPoolExecutor(jobs) as ex:
        reps = list(ex.map(lambda i: screen(binary, i), imgs))
    return {i: classify(i, r, truth) for i, r in zip(imgs, reps)}


def counts(res):
    c = {k: 0 for k in CLASSES}
    for cls, _ in res.values():
        c[cls] += 1
    return c


def main():
    args = sys.argv[1:]
    if not args or args[0].startswith("-"):
        sys.exit(__doc__)
    new = args[0]
    old = args[args.index("--before") + 1] if "--before" in args else None
    jobs = int(args[args.index("--jobs") + 1]) if "--jobs" in args else 2
    verbose = "--verbose" in args
    folder = os.path.join(REAL, "mrz-images")
    if not os.path.isdir(folder):
        print("real-read: SKIPPED, %s is absent" % folder)
        return
    imgs = sorted(x for x in os.listdir(folder)
                  if x.lower().endswith((".png", ".jpg", ".jpeg", ".tif", ".tiff")))
    truth = load_truth()
    res_new = run(new, imgs, truth, jobs)
    res_old = run(old, imgs, truth, jobs) if old else None
    cn = counts(res_new)
    n_truth = sum(1 for i in imgs if i in truth)
    print("real specimens: %d images (%d with known lines), screened %s" % (len(imgs), n_truth, TODAY))
    if res_old:
        co = counts(res_old)
        print("%-22s %8s %8s" % ("class", "before", "after"))
        for k in CLASSES:
            print("%-22s %8d %8d" % (k, co[k], cn[k]))
        ex_o = sum(1 for i in imgs if i in truth and res_old[i][0] == "read exactly")
        ex_n = sum(1 for i in imgs if i in truth and res_new[i][0] == "read exactly")
        print("%-22s %8s %8s" % ("exact / known lines", "%d/%d" % (ex_o, n_truth), "%d/%d" % (ex_n, n_truth)))
        changed = [i for i in imgs if res_old[i][0] != res_new[i][0]]
        for i in changed:
            print("  changed %s: %s -> %s (%s)" % (i, res_old[i][0], res_new[i][0], res_new[i][1]))
    else:
        for k in CLASSES:
            print("%-22s %8d" % (k, cn[k]))
    for i in imgs:
        cls, note = res_new[i]
        if cls == "read wrong silently" or (verbose and cls != "read exactly" and cls != "checks valid"):
            print("  %s: %s%s" % (cls, i, (" (%s)" % note) if note else ""))
        elif verbose and note:
            print("  %s, with %s: %s" % (cls, note, i))
    print("read %d/%d said_unreadable %d read_wrong_silently %d" % (
        cn["read exactly"] + cn["checks valid"] + cn["bad as printed"], len(imgs),
        cn["said unreadable"], cn["read wrong silently"]))


if __name__ == "__main__":
    main()
