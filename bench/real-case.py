#!/usr/bin/python3
"""Real specimens screened with their holder's own case record.

real-flags.py screens the real specimens without a case record. An office
always has one, and on a genuine document it matches: every CASE_* flag
is then false, and a misread letter of a name (no check digit protects
names) is the likeliest cause. This screens each real image whose true
MRZ is known (the TRUTH table of real-exact.py) with a case record made
from that truth (names, birth date, document number, nationality, sex)
and lists every high-severity flag that is not SPECIMEN_DOCUMENT or a
check digit printed wrong on the specimen itself (real-flags.py's list).
It only reads ../shared/realdata and runs the binary; the case records
are written to a temporary folder that is removed.

usage: real-case.py PATH/TO/docscreen [--jobs 2] [--verbose]
Last line: false_high_with_case=N files=K/M
"""
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
REAL = os.environ.get("BENCH_REAL_ROOT", os.path.join(HERE, "..", "..", "shared", "realdata"))
TODAY = "2026-12-01"


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def century(yymmdd, today_yy):
    yy, mm, dd = int(yymmdd[:2]), yymmdd[2:4], yymmdd[4:6]
    year = 1900 + yy if yy > today_yy else 2000 + yy
    return "%04d-%s-%s" % (year, mm, dd)


def cases():
    """image -> case record built from its row of mrz-vectors.tsv."""
    exact = load("real_exact", os.path.join(HERE, "real-exact.py"))
    with open(os.path.join(REAL, "mrz-vectors.tsv"), encoding="utf-8") as f:
        rows = f.read().split("\n")
    head = rows[0].split("\t")
    out = {}
    for img, n in exact.TRUTH.items():
        row = dict(zip(head, rows[n - 1].split("\t")))
        rec = {"case_id": "REAL-%d" % n,
               "surname": row["surname"], "given_names": row["given_names"],
               "document_number": row["document_number"],
               "nationality": row["nationality"]}
        if row.get("sex") in ("M", "F"):
            rec["sex"] = row["sex"]
        b = row.get("birth_date", "")
        if len(b) == 6 and b.isdigit():
            rec["birth_date"] = century(b, int(TODAY[2:4]))
        out[img] = rec
    return out


def screen(binary, img, case_path, bad_as_printed):
    try:
        p = subprocess.run([binary, "scan", "--json", "--today", TODAY, "--case", case_path,
                            os.path.join(REAL, "mrz-images", img)],
                           capture_output=True, text=True, timeout=300)
        rep = json.loads(p.stdout)
    except Exception as e:
        return img, ["no report (%s)" % e]
    bad = []
    for fl in rep.get("flags", []):
        if fl.get("severity") != "high" or fl.get("code") == "SPECIMEN_DOCUMENT":
            continue
        if img in bad_as_printed:
            ok = bad_as_printed[img]
            if ok is None or (fl.get("code") in ("MRZ_CHECK_DIGIT", "MRZ_FORMAT")
                              and fl.get("field") in ok):
                continue
        bad.append("%s %s" % (fl.get("code"), fl.get("field")))
    return img, bad


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    if not os.path.isdir(os.path.join(REAL, "mrz-images")):
        print("SKIP: %s is absent (real specimens)" % REAL)
        print("false_high_with_case=skipped")
        return
    binary = sys.argv[1]
    jobs = int(sys.argv[sys.argv.index("--jobs") + 1]) if "--jobs" in sys.argv else 2
    verbose = "--verbose" in sys.argv
    tools = os.path.join(REAL, "..", "tools", "real-flags.py")
    bad_as_printed = load("real_flags", tools).BAD_AS_PRINTED if os.path.exists(tools) else {}
    recs = cases()
    n_flags = n_files = 0
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for img, rec in recs.items():
            paths[img] = os.path.join(tmp, img + ".case.json")
            with open(paths[img], "w", encoding="utf-8") as f:
                json.dump(rec, f)
        with ThreadPoolExecutor(jobs) as ex:
            for img, bad in ex.map(lambda i: screen(binary, i, paths[i], bad_as_printed),
                                   sorted(recs)):
                if bad:
                    n_files += 1
                    n_flags += len(bad)
                    print("%s: %s" % (img, "; ".join(bad)))
                elif verbose:
                    print("%s: no false high flag" % img)
    print("false_high_with_case=%d files=%d/%d" % (n_flags, n_files, len(recs)))


if __name__ == "__main__":
    main()
