#!/usr/bin/python3
"""Full screening time, two builds measured in one run on the same files.

usage: bench/speed.py OLD_BUILD OLD_SRC NEW_BUILD [--out DIR] [--count N] [--cold N]
                      [--pdf-runs R] [--json FILE]

The machine is shared, so every figure is CPU time (user + system of the
process and of the children it waited for, the PDF reader included), not
wall time, and the two builds take turns.

- Passport pages, warm (the daemon's case: one scanner, engines made once):
  bench/bench_scan.c built against each build screens N generated passport
  pages (samples/generate.py --formats TD3 --degrade mild --seed 42) twice
  in one process; the first round warms the engines up and is not counted.
  Two such processes per build, the builds taking turns. p50 and p95 of
  the per-page CPU time: the fair per-page figure for the service.
- Passport pages, cold (`docscreen scan --json FILE`, one process per page,
  the first --cold of them): process start, model load and Tesseract's
  set-up included. What one CLI call costs.
- The 3-page scanned PDF of `make demo` (a passport page and two
  supporting pages, samples/pdfgen.py --demo): `docscreen scan` on it, R
  times per build, median CPU time; and warm in one process.
- Whether the reports agree: verdict and flags (code, severity, page) of
  every file, old against new; each difference is listed.

OLD_SRC is the source tree of OLD_BUILD (its include/ for bench_scan.c).
"""
import argparse
import glob
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PY = "/usr/bin/python3"
TODAY = "2026-11-23"


def pct(values, q):
    if not values:
        return float("nan")
    v = sorted(values)
    return v[min(len(v) - 1, int(round(q * (len(v) - 1))))]


def children_cpu_ms():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (r.ru_utime + r.ru_stime) * 1000.0


def build_driver(build, src, out):
    """bench_scan.c compiled against build's libdocscreen.so."""
    lib = os.path.abspath(build)
    cmd = ["cc", "-O2", "-std=c11", "-I", os.path.join(src, "include"),
           os.path.join(HERE, "bench_scan.c"), "-o", out, "-L", lib, "-ldocscreen",
           "-Wl,-rpath," + lib]
    subprocess.run(cmd, check=True)
    return out


def warm(driver, build, listfile, rounds, skip_first=True):
    """Per-file CPU ms of the rounds after the first; {file: (verdict, flags)}."""
    # The driver is not beside the build's PDF reader: name it.
    env = dict(os.environ, DOCSCREEN_PDF_HELPER=os.path.abspath(os.path.join(build, "docscreen-pdf")))
    p = subprocess.run([driver, "--today", TODAY, "--rounds", str(rounds), "--list", listfile],
                       capture_output=True, text=True, env=env)
    ms, reports, create = [], {}, None
    for line in p.stdout.splitlines():
        try:
            r = json.loads(line)
        except ValueError:
            continue
        if r.get("create"):
            create = r["cpu_ms"]
            continue
        if r.get("error") != "OK":
            print("speed: %s: %s" % (r["file"], r.get("error")), file=sys.stderr)
        if skip_first and r["round"] == 0:
            reports[r["file"]] = (r.get("verdict"), tuple(r.get("flags", [])))
            continue
        ms.append(r["cpu_ms"])
        reports.setdefault(r["file"], (r.get("verdict"), tuple(r.get("flags", []))))
    if p.returncode != 0:
        print("speed: %s exited with %d: %s" % (driver, p.returncode, p.stderr[-400:]),
              file=sys.stderr)
    return ms, reports, create


def cold(build, f):
    c0 = children_cpu_ms()
    subprocess.run([os.path.join(build, "docscreen"), "scan", "--json", "--today", TODAY, f],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return children_cpu_ms() - c0


def make_sets(out, count):
    gen = os.path.join(out, "passports")
    mark = os.path.join(gen, ".count-%d" % count)
    if not os.path.exists(mark):
        shutil.rmtree(gen, ignore_errors=True)
        subprocess.run([PY, os.path.join(ROOT, "samples/generate.py"), "--out", gen, "--count",
                        str(count), "--seed", "42", "--formats", "TD3", "--degrade", "mild",
                        "--multipage", "0", "--quiet"], check=True, stdout=subprocess.DEVNULL)
        open(mark, "w").close()
    pages = sorted(glob.glob(os.path.join(gen, "*.jpg")) + glob.glob(os.path.join(gen, "*.png")) +
                   glob.glob(os.path.join(gen, "*.tif")))
    pdfdir = os.path.join(out, "pdf")
    pdf = os.path.join(pdfdir, "demo.pdf")
    if not os.path.exists(pdf):
        shutil.rmtree(pdfdir, ignore_errors=True)
        sup = os.path.join(pdfdir, "sup")
        subprocess.run([PY, os.path.join(ROOT, "samples/supportdocs.py"), "--out", sup,
                        "--count", "3", "--seed", "3"], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([PY, os.path.join(ROOT, "samples/pdfgen.py"), "--out", pdfdir, "--demo",
                        os.path.join(ROOT, "samples/pages/0004-td3.jpg")] +
                       sorted(glob.glob(os.path.join(sup, "0000-*.jpg"))) +
                       sorted(glob.glob(os.path.join(sup, "0002-*.jpg"))),
                       check=True, stdout=subprocess.DEVNULL)
    return pages, pdf


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("old")
    ap.add_argument("old_src")
    ap.add_argument("new")
    ap.add_argument("--out", default=os.path.join(ROOT, "bench/out/speed"))
    ap.add_argument("--count", type=int, default=24)
    ap.add_argument("--cold", type=int, default=12)
    ap.add_argument("--pdf-runs", type=int, default=3)
    ap.add_argument("--json")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    os.environ["OMP_THREAD_LIMIT"] = "1"
    pages, pdf = make_sets(a.out, a.count)
    drivers = {
        "old": build_driver(a.old, a.old_src, os.path.join(a.out, "bench_scan-old")),
        "new": build_driver(a.new, ROOT, os.path.join(a.out, "bench_scan-new")),
    }
    builds = {"old": a.old, "new": a.new}
    listfile = os.path.join(a.out, "passports.list")
    with open(listfile, "w") as fh:
        fh.write("\n".join(pages) + "\n")
    pdflist = os.path.join(a.out, "pdf.list")
    with open(pdflist, "w") as fh:
        fh.write(pdf + "\n")

    res = {w: {"warm": [], "reports": {}} for w in builds}
    # Warm: each process screens every page twice and the second round
    # counts; the builds take turns, twice.
    for _ in range(2):
        for w in ("old", "new"):
            ms, reps, create = warm(drivers[w], builds[w], listfile, 2)
            res[w]["warm"] += ms
            res[w]["reports"].update(reps)
            res[w]["create"] = create
    # Cold, alternating page by page.
    for w in builds:
        res[w]["cold"] = []
    for f in pages[:a.cold]:
        for w in ("old", "new"):
            res[w]["cold"].append(cold(builds[w], f))
    # The 3-page PDF: cold CLI runs alternating, then warm in one process.
    for w in builds:
        res[w]["pdf_cold"] = []
    for _ in range(a.pdf_runs):
        for w in ("old", "new"):
            res[w]["pdf_cold"].append(cold(builds[w], pdf))
    for w in ("old", "new"):
        ms, reps, _ = warm(drivers[w], builds[w], pdflist, a.pdf_runs + 1)
        res[w]["pdf_warm"] = ms
        res[w]["reports"].update(reps)

    def row(label, key, fmt="%7.0f", q=(.5, .95)):
        cells = []
        for w in ("old", "new"):
            v = res[w][key]
            cells.append(" / ".join(fmt % pct(v, x) for x in q))
        ratio = pct(res["new"][key], .5) / pct(res["old"][key], .5) if res["old"][key] else float("nan")
        print("%-52s %17s %17s %7.2fx" % (label, cells[0], cells[1], ratio))

    print("CPU time (user + system), ms; both builds in this run, taking turns")
    print("%-52s %17s %17s %8s" % ("", "before", "after", "after/before"))
    row("passport page, warm in one process (p50 / p95)", "warm")
    row("passport page, `docscreen scan` process (p50 / p95)", "cold")
    row("3-page scanned PDF, `docscreen scan` (median / max)", "pdf_cold", q=(.5, 1.0))
    row("3-page scanned PDF, warm in one process (median / max)", "pdf_warm", q=(.5, 1.0))
    print("%-52s %17.0f %17.0f" % ("scanner set-up (model, one Tesseract engine)",
                                     res["old"]["create"] or float("nan"),
                                     res["new"]["create"] or float("nan")))
    diff = [f for f in res["old"]["reports"]
            if res["new"]["reports"].get(f) != res["old"]["reports"][f]]
    print("reports (verdict, flag codes, severities, pages): %d of %d files differ" %
          (len(diff), len(res["old"]["reports"])))
    for f in diff:
        print("  %s\n    before: %s\n    after:  %s" % (os.path.relpath(f, ROOT),
                                                      res["old"]["reports"][f],
                                                      res["new"]["reports"].get(f)))
    print("sets: %d passport pages (samples/generate.py --formats TD3 --degrade mild --seed 42), "
          "%d of them cold; the demo PDF %d times per build" % (len(pages), min(a.cold, len(pages)),
                                                               a.pdf_runs))
    print("old: %s\nnew: %s\nhost: %d cores, load average %s, OMP_THREAD_LIMIT=1" % (
        a.old, a.new, os.cpu_count(), " ".join(open("/proc/loadavg").read().split()[:3])))
    if a.json:
        with open(a.json, "w") as fh:
            json.dump({w: {k: v for k, v in res[w].items() if k != "reports"} for w in res}, fh,
                      indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
