#!/usr/bin/env python3
"""Which characters does Tesseract confuse in the typefaces docscreen's data
pages are printed in, at the sizes a scan gives them?

Renders random groups of capital letters and digits in each typeface the
generator draws values in (DejaVu Sans and Serif, bold and plain; Liberation
Sans Narrow and Serif; Nimbus Sans; URW Gothic) at small cap heights (7 to
12 pixels: a 2.5 mm value at 75 to 120 dpi), blurred a little and saved as
JPEG, reads each line with the tesseract command (eng, one line, no
dictionary), and counts, in every word read with its length intact, which
printed character was read as which. A pair is printed as confusable when
Tesseract gave one for the other at least MIN_COUNT times. check/vizident.c's
table (ds_vizident_confusable) is this list; docs/evidence.md gives it with
the run that made it.

    /usr/bin/python3 bench/confusions.py [--lines 12] [--seed 5] [--out DIR]

Needs python3-pil and tesseract-ocr (Debian). Prints the pairs, their counts
and the number of characters read; writes DIR/confusions.json.
"""
import argparse
import io
import json
import os
import random
import subprocess
import sys
import tempfile

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONTS = {
    "dejavu_sans": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "dejavu_sans_bold": "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "dejavu_serif": "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "liberation_narrow": "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Regular.ttf",
    "liberation_serif": "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "nimbus_sans": "/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf",
    "urw_gothic": "/usr/share/fonts/opentype/urw-base35/URWGothic-Book.otf",
}
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
CAPS = (7, 8, 9, 10, 12)  # cap height in pixels
MIN_COUNT = 2


def render(text, path, cap_px, rs):
    size = 10
    f = ImageFont.truetype(path, size)
    # Scale the em so that a capital H is cap_px tall.
    top, bottom = f.getbbox("H")[1], f.getbbox("H")[3]
    size = max(4, round(size * cap_px / max(1, bottom - top)))
    f = ImageFont.truetype(path, size)
    w = int(f.getlength(text)) + 4 * cap_px
    img = Image.new("L", (w, 3 * cap_px), 235)
    ImageDraw.Draw(img).text((2 * cap_px, cap_px // 2), text, font=f, fill=30)
    img = img.filter(ImageFilter.GaussianBlur(rs.uniform(0.3, 0.7)))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=rs.randint(55, 80))
    return Image.open(io.BytesIO(buf.getvalue()))


def ocr(img, tmpdir):
    p = os.path.join(tmpdir, "line.png")
    img.save(p)
    out = subprocess.run(["tesseract", p, "-", "--psm", "7", "-l", "eng",
                          "-c", "load_system_dawg=0", "-c", "load_freq_dawg=0"],
                         capture_output=True, text=True, check=False)
    return out.stdout.strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", type=int, default=12, help="lines per typeface and size")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--out", default="bench/out/confusions")
    a = ap.parse_args()
    rs = random.Random(a.seed)
    counts, seen, words_ok, words_bad = {}, {}, 0, 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in FONTS.items():
            if not os.path.exists(path):
                print("skip %s: %s missing" % (name, path), file=sys.stderr)
                continue
            for cap in CAPS:
                for _ in range(a.lines):
                    words = ["".join(rs.choice(ALPHABET) for _ in range(rs.randint(4, 7)))
                             for _ in range(5)]
                    got = ocr(render(" ".join(words), path, cap, rs), tmp).upper().split()
                    if len(got) != len(words):
                        words_bad += 1
                        continue
                    for w, g in zip(words, got):
                        if len(w) != len(g):
                            words_bad += 1
                            continue
                        words_ok += 1
                        for c, r in zip(w, g):
                            seen[c] = seen.get(c, 0) + 1
                            if c != r:
                                k = c + r
                                counts[k] = counts.get(k, 0) + 1
    pairs = {}
    for k, n in counts.items():
        key = "".join(sorted(k))
        pairs[key] = pairs.get(key, 0) + n
    table = sorted(((k, n) for k, n in pairs.items() if n >= MIN_COUNT), key=lambda x: (-x[1], x[0]))
    print("characters read in words of intact length: %d (%d words; %d words lost or cut)"
          % (sum(seen.values()), words_ok, words_bad))
    print("confusable pairs (read one for the other at least %d times):" % MIN_COUNT)
    for k, n in table:
        print("  %s/%s %d" % (k[0], k[1], n))
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "confusions.json"), "w") as f:
        json.dump({"seed": a.seed, "lines": a.lines, "caps": CAPS, "fonts": list(FONTS),
                   "chars": sum(seen.values()), "substitutions": counts,
                   "pairs": dict(table)}, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
