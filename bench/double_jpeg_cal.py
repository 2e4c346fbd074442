#!/usr/bin/env python3
"""Calibration set of the double-JPEG test (docs/viz.md, "Double JPEG compression").

From lossless pages written by samples/generate.py (--degrade none), each page
is degraded at random (blur 0-1 px, contrast, brightness, noise sd 1-6, 15 %
grey, 30 % rescaled) and saved with PIL (4:2:0):
  s_PAGE_qQ.jpg         single saves, every 4th quality of 35..98 per page
  d_PAGE_qQ1_qQ2.jpg    saved at Q1, decoded, saved at Q2
Modes (doubles per page):
  mixed      6: Q1 50..90, alternately Q2 > Q1 + 5 and Q2 < Q1 - 5 (Q2 >= 35)
  generator  6: Q1 78..92, Q2 in {60, 65, 70, 92, 95, 98}, |Q2 - Q1| >= 8
  low        4 (no single saves): Q1 78..92, Q2 in {60, 65, 70}
The same --seed gives the same files.
"""
import argparse
import glob
import io
import os
import random

import numpy as np
from PIL import Image, ImageFilter


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", required=True, help="folder of PNG/TIFF pages")
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--mode", choices=("mixed", "generator", "low"), default="mixed")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    r = random.Random(a.seed)
    srcs = sorted(glob.glob(a.pages + "/*.png")) + sorted(glob.glob(a.pages + "/*.tif"))

    def degrade(im):
        im = im.convert("RGB")
        b = r.uniform(0, 1.0)
        if b > 0.05:
            im = im.filter(ImageFilter.GaussianBlur(b))
        x = np.asarray(im).astype(np.float32)
        contrast, brightness = r.uniform(0.85, 1.05), r.uniform(-12, 12)
        rng = np.random.default_rng(r.randint(0, 1 << 30))
        noise = rng.normal(0, r.uniform(1, 6), x.shape[:2])
        x = x * contrast + brightness + noise[..., None]
        im = Image.fromarray(np.clip(x, 0, 255).astype(np.uint8))
        if r.random() < 0.15:
            im = im.convert("L")
        if r.random() < 0.3:
            s = r.choice([0.5, 0.67, 0.75, 1.33])
            im = im.resize((int(im.width * s), int(im.height * s)), Image.BILINEAR)
        return im

    def save(im, q):
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=q, dpi=(300, 300))
        buf.seek(0)
        return buf

    for i, src in enumerate(srcs):
        base = degrade(Image.open(src))
        if a.mode != "low":
            for q in range(35 + (i % 4), 99, 4):
                with open("%s/s_%03d_q%d.jpg" % (a.out, i, q), "wb") as fh:
                    fh.write(save(base, q).getvalue())
        for k in range(6 if a.mode != "low" else 4):
            if a.mode == "mixed":
                q1 = r.randint(50, 90)
                q2 = r.randint(min(q1 + 6, 98), 98) if k % 2 == 0 else r.randint(35, max(35, q1 - 6))
            elif a.mode == "generator":
                q1 = r.randint(78, 92)
                q2 = r.choice([q for q in (60, 65, 70, 92, 95, 98) if abs(q - q1) >= 8])
            else:
                q1 = r.randint(78, 92)
                q2 = r.choice([60, 65, 70])
            im = Image.open(save(base, q1))
            im.load()
            with open("%s/d_%03d_q%d_q%d.jpg" % (a.out, i, q1, q2), "wb") as fh:
                fh.write(save(im, q2).getvalue())


if __name__ == "__main__":
    main()
