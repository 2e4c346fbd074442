#!/usr/bin/python3
"""MRZs cut at the edge of the image: read as far as they go, said so, never a fraud flag.

Takes the real specimens of bench/real-exact.py that the binary reads
exactly and upright (or, with --generated DIR, the pages of DIR made by
samples/generate.py with their truth files, any orientation), and cuts each
through its MRZ (the MRZ box the binary reports, or the truth's) at the
start or the end of the lines by 0.5, 1.5, 3, 6.5 and 10.5 character
pitches (the .5 cuts run through a glyph). Screens each cut image with
`docscreen scan --json --mrz-only` and prints per side and cut: images,
MRZs reported, MRZ_CLIPPED flags, high flags of any code (the target is 0),
readings with repairs, MRZs read as far as they go (every character
reported that is not '?' is the true one at its place, and the lines have
the format's length), and characters reported wrong (not '?', not the
truth).

usage: clipped.py PATH/TO/docscreen [--generated DIR] [--jobs 2] [--out bench/out/clipped] [--verbose]
"""
import glob
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


CUTS = (0.5, 1.5, 3.0, 6.5, 10.5)


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
    cuts = []
    gen = arg("--generated", None)
    if gen:
        for tf in sorted(glob.glob(os.path.join(gen, "*.json"))):
            t = json.load(open(tf))
            if not t.get("mrz_lines") or not t.get("mrz_bbox"):
                continue
            img = os.path.join(gen, t["file"])
            cut_page(img, t["mrz_bbox"], t.get("rotation") or 0, t["mrz_lines"], out, cuts)
    else:
        truth = real_exact.truth_lines()
        srcs = {img: os.path.join(real_exact.REAL, "mrz-images", img) for img in sorted(truth)}
        with ThreadPoolExecutor(jobs) as ex:
            whole = dict(zip(srcs, ex.map(lambda i: scan(binary, srcs[i]), srcs)))
        for img, r in whole.items():
            d = r["documents"][0] if r.get("documents") else {}
            m = d.get("mrz")
            if not m or d["orientation"]["rotation"] != 0 or m["lines"] != truth[img]:
                continue
            cut_page(srcs[img], m["bbox"], 0, truth[img], out, cuts)
    with ThreadPoolExecutor(jobs) as ex:
        reps = list(ex.map(lambda c: scan(binary, c[2]), cuts))
    stat = {}
    for (side, cut, name, want), r in zip(cuts, reps):
        d = r["documents"][0] if r.get("documents") else {}
        m = d.get("mrz") or {}
        codes = [(f["code"], f["severity"]) for f in r.get("flags", [])]
        high = any(s == "high" for c, s in codes)
        clipped = any(c == "MRZ_CLIPPED" for c, s in codes)
        got = m.get("lines") or []
        wrong = 0
        far = bool(got) and len(got) == len(want)
        for g, w in zip(got, want):
            far = far and len(g) == len(w)
            wrong += sum(1 for a, b in zip(g, w) if a != "?" and a != b)
        far = far and wrong == 0
        s = stat.setdefault((side, cut), [0] * 7)
        s[0] += 1
        s[1] += bool(m)
        s[2] += clipped
        s[3] += high
        s[4] += bool(m.get("repairs"))
        s[5] += far
        s[6] += wrong
        if "--verbose" in sys.argv and (high or wrong or (m and not clipped)):
            print(os.path.basename(name), "|".join(got), codes)
    print("side   cut  images  mrz  MRZ_CLIPPED  high-flags  repaired  read-as-far  wrong-chars")
    tot = [0] * 7
    for k in sorted(stat):
        print("%-5s %4.1f %7d %4d %12d %11d %9d %12d %12d" % (k[0], k[1], *stat[k]))
        tot = [a + b for a, b in zip(tot, stat[k])]
    print("all        %7d %4d %12d %11d %9d %12d %12d" % tuple(tot))


def cut_page(path, bbox, rotation, want, out, cuts):
    """Crops path through its MRZ (bbox x, y, w, h; the page turned by
    rotation, clockwise to upright) at the start and the end of its lines."""
    x, y, w, h = bbox
    n = len(want[0])
    im = Image.open(path).convert("L")
    vertical = rotation in (90, 270)
    pitch = (h if vertical else w) / n
    for side in ("start", "end"):
        # which image side holds the start of the upright lines
        low = (side == "start") == (rotation in (0, 90))
        for cut in CUTS:
            if vertical:
                box = ((0, int(y + cut * pitch), im.size[0], im.size[1]) if low
                       else (0, 0, im.size[0], int(y + h - cut * pitch)))
            else:
                box = ((int(x + cut * pitch), 0, im.size[0], im.size[1]) if low
                       else (0, 0, int(x + w - cut * pitch), im.size[1]))
            name = os.path.join(out, "%s-%s-%.1f.png" % (
                os.path.splitext(os.path.basename(path))[0], side, cut))
            im.crop(box).save(name)
            cuts.append((side, cut, name, want))


if __name__ == "__main__":
    main()
