#!/usr/bin/env python3
"""Scores the double-JPEG test on a calibration set (bench/double_jpeg_cal.py).

Input: the output of `build/tests/test_forensics --twice FILE...` (one line
per file: name, score, first quality, gain, quality, verdict). Files named
d_PAGE_qQ1_qQ2.jpg are double saves, s_PAGE_qQ.jpg single saves. Prints,
for each threshold pair (score, gain), the docs/viz.md table row, then the
accuracy of the first quality and the highest single-save measures.
"""
import re
import sys

RULES = [(0.15, 0.008), (0.12, 0.006), (0.20, 0.008), (0.20, 0.060), (0.0, 0.011)]


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: double_jpeg_table.py SCORES.txt... (test_forensics --twice output)")
    rows = []
    for path in sys.argv[1:]:
        for line in open(path):
            p = line.split()
            if len(p) < 6:
                continue
            m = re.search(r"d_\d+_q(\d+)_q(\d+)\.jpg$", p[0])
            pair = (int(m.group(1)), int(m.group(2))) if m else None
            rows.append((float(p[1]), int(p[2]), float(p[3]), pair))
    single = [r for r in rows if r[3] is None]
    up = [r for r in rows if r[3] and r[3][1] > r[3][0]]
    low = [r for r in rows if r[3] and r[3][1] < r[3][0]]
    gen_low = [r for r in low if 78 <= r[3][0] <= 92 and r[3][1] in (60, 65, 70)]
    gen = [r for r in rows if r[3] and 78 <= r[3][0] <= 92 and r[3][1] in (60, 65, 70, 92, 95, 98)
           and abs(r[3][0] - r[3][1]) >= 8]

    def hit(r, st, gt):
        return r[0] >= st and r[2] >= gt and r[1] > 0

    def cell(xs, st, gt):
        c = sum(hit(r, st, gt) for r in xs)
        return "%d/%d (%.0f %%)" % (c, len(xs), 100.0 * c / max(1, len(xs)))

    print("| score, gain | single saves flagged | q2 > q1 caught | q2 < q1 caught "
          "| q1 78..92, q2 60..70 | generator range (q2 60..98) |")
    print("|---|---|---|---|---|---|")
    for st, gt in RULES:
        print("| >= %.2f, >= %.3f | %d/%d | %s | %s | %s | %s |" % (
            st, gt, sum(hit(r, st, gt) for r in single), len(single), cell(up, st, gt),
            cell(low, st, gt), cell(gen_low, st, gt), cell(gen, st, gt)))
    st, gt = RULES[0]
    det = [r for r in up + low if hit(r, st, gt)]
    print("first quality (score >= %.2f, gain >= %.3f): exact %d, within 3 %d of %d caught" % (
        st, gt, sum(r[1] == r[3][0] for r in det), sum(abs(r[1] - r[3][0]) <= 3 for r in det), len(det)))
    if single:
        print("single saves: highest score %.4f, highest gain %.4f" % (
            max(r[0] for r in single), max(r[2] for r in single)))


if __name__ == "__main__":
    main()
