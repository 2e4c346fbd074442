#!/usr/bin/python3
"""MRZs cut at the edge of the image: said so, never a fraud flag.

Takes the real specimens of bench/real-exact.py that the binary reads
exactly and upright, and cuts each through its MRZ (the MRZ box the binary
reports) at the start or the end of the lines by 0.5, 1.5 and 3 character
pitches. Screens each cut image with `docscreen scan --json --mrz-only` and
prints per side and cut: images, MRZs reported, MRZ_CLIPPED flags, high
MRZ_CHECK_DIGIT flags (the target is 0) and readings with repairs.

usage: clipped.py PATH/TO/docscreen [--jobs 2] [--out bench/out/clipped] [--verbose]
"""
import importlib.util
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("real_exact", os.path.join(HERE, "real-exact.py"))
real_exact = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(real_exact)


def arg(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def scan(binary, path):
    p = subprocess.run([binary, "scan", "--json", "--mrz-only", path], capture_output=True,
                       text=True, timeout=300)
    return json.loads(p.stdout)


def main():
    if len(sys.argv) < 2 or sys.argv[1].startswith("-"):
        sys.exit(__doc__)
    binary = sys.argv[1]
    jobs = int(arg("--jobs", 2))
    out = arg("--out", os.path.join(HERE, "out", "clipped"))
    os.makedirs(out, exist_ok=True)
    truth = real_exact.truth_lines()
    srcs = {img: os.path.join(real_exact.REAL, "mrz-images", img) for img in sorted(truth)}
    with ThreadPoolExecutor(jobs) as ex:
        whole = dict(zip(srcs, ex.map(lambda i: scan(binary, srcs[i]), srcs)))
    cuts = []
    for img, r in whole.items():
        d = r["documents"][0] if r.get("documents") else {}
        m = d.get("mrz")
        if not m or d["orientation"]["rotation"] != 0 or m["lines"] != truth[img]:
            continue
        x, y, w, h = m["bbox"]
        pitch = w / len(m["lines"][0])
        im = Image.open(srcs[img]).convert("L")
        for side in ("start", "end"):
            for cut in (0.5, 1.5, 3.0):
                if side == "start":
                    box = (int(x + cut * pitch), 0, im.size[0], im.size[1])
                else:
                    box = (0, 0, int(x + w - cut * pitch), im.size[1])
                name = os.path.join(out, "%s-%s-%.1f.png" % (os.path.splitext(img)[0], side, cut))
                im.crop(box).save(name)
                cuts.append((side, cut, name))
    with ThreadPoolExecutor(jobs) as ex:
        reps = list(ex.map(lambda c: scan(binary, c[2]), cuts))
    stat = {}
    for (side, cut, name), r in zip(cuts, reps):
        d = r["documents"][0] if r.get("documents") else {}
        m = d.get("mrz") or {}
        codes = [(f["code"], f["severity"]) for f in r.get("flags", [])]
        high = any(c == "MRZ_CHECK_DIGIT" and s == "high" for c, s in codes)
        clipped = any(c == "MRZ_CLIPPED" for c, s in codes)
        s = stat.setdefault((side, cut), [0, 0, 0, 0, 0])
        s[0] += 1
        s[1] += bool(m)
        s[2] += clipped
        s[3] += high
        s[4] += bool(m.get("repairs"))
        if "--verbose" in sys.argv and (high or (m and not clipped)):
            print(os.path.basename(name), "|".join(m.get("lines") or []), codes)
    print("side   cut  images  mrz  MRZ_CLIPPED  MRZ_CHECK_DIGIT-high  repaired")
    for k in sorted(stat):
        print("%-5s %4.1f %7d %4d %12d %21d %9d" % (k[0], k[1], *stat[k]))


if __name__ == "__main__":
    main()
