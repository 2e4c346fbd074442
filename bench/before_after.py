#!/usr/bin/python3
"""Two builds of docscreen measured in one run, on the same pages.

usage: bench/before_after.py OLD_BUILD NEW_BUILD [--pages DIR] [--full N] [--rounds R]

- The MRZ path (decode to parsed fields): each build's bench/ds_bench_mrz
  over every page of DIR, the builds taking turns, R rounds; p50 and p95 of
  the per-page wall time.
- Full screening: `docscreen scan --json --today 2026-12-06 FILE` (printed
  page, barcodes, forensics; process start included) on the first N pages,
  the builds alternating page by page; p50 and p95 per page.
- The floor: `djpeg -grayscale` of the same JPEG pages, when djpeg is there.
DIR defaults to bench/out/gen-reports (bench/reports.sh makes it: 100 pages,
seed 42, --degrade full).
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def pct(values, q):
    if not values:
        return float("nan")
    v = sorted(values)
    return v[min(len(v) - 1, int(round(q * (len(v) - 1))))]


def pages(d):
    out = []
    for f in sorted(os.listdir(d)):
        if f.lower().endswith((".jpg", ".jpeg", ".png", ".tif", ".tiff")):
            out.append(os.path.join(d, f))
    return out


def mrz_path(build, listfile):
    p = subprocess.run([os.path.join(build, "bench", "ds_bench_mrz"), "--list", listfile],
                       capture_output=True, text=True, env=dict(os.environ, OMP_THREAD_LIMIT="1"))
    ms = []
    for line in p.stdout.splitlines():
        try:
            r = json.loads(line)
        except ValueError:
            continue
        if r.get("engine") == "docscreen" and "ms" in r:
            ms.append(float(r["ms"]))
    return ms


def full(build, f):
    t0 = time.monotonic()
    subprocess.run([os.path.join(build, "docscreen"), "scan", "--json", "--today", "2026-12-06", f],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.monotonic() - t0) * 1000.0


def djpeg(files):
    if not shutil.which("djpeg"):
        return []
    ms = []
    for f in files:
        if not f.lower().endswith((".jpg", ".jpeg")):
            continue
        t0 = time.monotonic()
        subprocess.run(["djpeg", "-grayscale", "-outfile", os.devnull, f],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        ms.append((time.monotonic() - t0) * 1000.0)
    return ms


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--pages", default="bench/out/gen-reports")
    ap.add_argument("--full", type=int, default=40)
    ap.add_argument("--rounds", type=int, default=2)
    a = ap.parse_args()
    files = pages(a.pages)
    if not files:
        print("before_after: no pages in %s (run bench/reports.sh first)" % a.pages, file=sys.stderr)
        return 2
    with tempfile.NamedTemporaryFile("w", suffix=".list", delete=False) as fh:
        fh.write("\n".join(files) + "\n")
        listfile = fh.name
    mrz = {"old": [], "new": []}
    for _ in range(a.rounds):
        for which in ("old", "new"):
            mrz[which] += mrz_path(getattr(a, which), listfile)
    os.unlink(listfile)
    floor = djpeg(files)
    scr = {"old": [], "new": []}
    for f in files[:a.full]:
        for which in ("old", "new"):
            scr[which].append(full(getattr(a, which), f))
    print("%-40s %14s %14s" % ("per page, ms (p50 / p95)", "before", "after"))
    print("%-40s %6.1f / %5.1f %6.1f / %5.1f" % (
        "MRZ path (%d pages x %d rounds)" % (len(files), a.rounds),
        pct(mrz["old"], .5), pct(mrz["old"], .95), pct(mrz["new"], .5), pct(mrz["new"], .95)))
    if floor:
        print("%-40s %6.1f / %5.1f" % ("djpeg -grayscale, %d JPEGs (the floor)" % len(floor),
                                        pct(floor, .5), pct(floor, .95)))
        print("%-40s %6.2fx        %6.2fx" % ("MRZ path / floor at p50", pct(mrz["old"], .5) /
                                               pct(floor, .5), pct(mrz["new"], .5) / pct(floor, .5)))
    print("%-40s %6.0f / %5.0f %6.0f / %5.0f" % (
        "full screening, %d pages (process)" % len(scr["old"]),
        pct(scr["old"], .5), pct(scr["old"], .95), pct(scr["new"], .5), pct(scr["new"], .95)))
    print("old: %s\nnew: %s\nhost: %d cores, load %s" % (a.old, a.new, os.cpu_count(),
                                                         open("/proc/loadavg").read().split()[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
