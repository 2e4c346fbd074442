#!/usr/bin/python3
"""Exact MRZ reads against the angle the page lies at on the platen.

Turns every real specimen that has a known true MRZ (the set of
bench/real-exact.py) and a generated set of genuine pages by each angle of
ANGLES (about the image centre, the canvas grown to hold the whole turned
page, the corners filled with the page's own border gray, bilinear), screens
each turned image with `docscreen scan --json --mrz-only`, and counts the
MRZs read exactly (every character of every line). Rotation is not tuning:
the real images under rotation are a fair held-out set, and nothing here
feeds back into a rule.

usage: rotation.py PATH/TO/docscreen [--jobs 2] [--angles 0,15,30,...]
                   [--gen-count 12] [--gen-seed 61] [--out bench/out/rotation]
                   [--verbose]

Prints one row per angle: real exact N/M, generated exact N/M, and a total
line. Everything it writes goes under --out (git-ignored).
"""
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import importlib.util  # noqa: E402

_spec = importlib.util.spec_from_file_location("real_exact", os.path.join(HERE, "real-exact.py"))
real_exact = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(real_exact)

ANGLES = [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 60, 75, 90, 135, 180, 200, 270, 330]
PY = "/usr/bin/python3"


def arg(name, default):
    if name in sys.argv:
        return sys.argv[sys.argv.index(name) + 1]
    return default


def border_gray(im):
    a = np.asarray(im.convert("L"))
    edge = np.concatenate([a[0, :], a[-1, :], a[:, 0], a[:, -1]])
    return int(np.median(edge))


def turn(src, dst, angle):
    if os.path.exists(dst):
        return
    im = Image.open(src).convert("L")
    if angle % 360 == 0:
        out = im
    else:
        # PIL turns counter-clockwise for a positive angle.
        out = im.rotate(angle, resample=Image.BILINEAR, expand=True, fillcolor=border_gray(im))
    out.save(dst, "PNG")


def read(binary, path):
    try:
        p = subprocess.run([binary, "scan", "--json", "--mrz-only", path],
                           capture_output=True, text=True, timeout=300)
        rep = json.loads(p.stdout)
        docs = rep.get("documents") or []
        mrz = docs[0].get("mrz") if docs else None
        return (mrz or {}).get("lines") or []
    except Exception:
        return []


def generated(out, count, seed):
    d = os.path.join(out, "gen")
    if not os.path.isdir(d) or not any(f.endswith(".json") for f in os.listdir(d)):
        subprocess.run([PY, os.path.join(HERE, "..", "samples", "generate.py"), "--out", d,
                        "--count", str(count), "--seed", str(seed), "--degrade", "mild",
                        "--multipage", "0", "--quiet"], check=True)
    truth = {}
    for f in sorted(os.listdir(d)):
        if not f.endswith(".json"):
            continue
        with open(os.path.join(d, f), encoding="utf-8") as fh:
            t = json.load(fh)
        if isinstance(t, dict) and t.get("mrz_lines") and t.get("file"):
            truth[os.path.join(d, t["file"])] = t["mrz_lines"]
    return truth


def main():
    if len(sys.argv) < 2 or sys.argv[1].startswith("-"):
        sys.exit(__doc__)
    binary = sys.argv[1]
    jobs = int(arg("--jobs", 2))
    angles = [int(a) for a in arg("--angles", ",".join(map(str, ANGLES))).split(",")]
    out = arg("--out", os.path.join(HERE, "out", "rotation"))
    verbose = "--verbose" in sys.argv
    os.makedirs(os.path.join(out, "turned"), exist_ok=True)

    sets = {}
    rt = real_exact.truth_lines()
    sets["real"] = {os.path.join(real_exact.REAL, "mrz-images", k): v for k, v in rt.items()}
    gc = int(arg("--gen-count", 12))
    if gc > 0:
        sets["gen"] = generated(out, gc, int(arg("--gen-seed", 61)))

    jobs_list = []
    for name, truth in sets.items():
        for src in truth:
            for a in angles:
                base = os.path.splitext(os.path.basename(src))[0]
                dst = os.path.join(out, "turned", "%s-%s-%03d.png" % (name, base, a))
                jobs_list.append((name, src, a, dst))
    with ThreadPoolExecutor(jobs) as ex:
        list(ex.map(lambda j: turn(j[1], j[3], j[2]), jobs_list))
        got = list(ex.map(lambda j: read(binary, j[3]), jobs_list))

    table = {}
    for (name, src, a, dst), lines in zip(jobs_list, got):
        ok = lines == sets[name][src]
        t = table.setdefault(a, {}).setdefault(name, [0, 0])
        t[0] += ok
        t[1] += 1
        if verbose and not ok:
            print("miss %s %d %s: %s" % (name, a, os.path.basename(src), "|".join(lines) or "(none)"))
    names = list(sets)
    print("angle  " + "  ".join("%-12s" % ("%s exact" % n) for n in names))
    tot = {n: [0, 0] for n in names}
    for a in angles:
        row = []
        for n in names:
            c = table[a].get(n, [0, 0])
            tot[n][0] += c[0]
            tot[n][1] += c[1]
            row.append("%-12s" % ("%d/%d" % tuple(c)))
        print("%5d  %s" % (a, "  ".join(row)))
    print("total  " + "  ".join("%-12s" % ("%d/%d" % tuple(tot[n])) for n in names))


if __name__ == "__main__":
    main()
