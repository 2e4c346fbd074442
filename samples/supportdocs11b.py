"""Pieces of the heldout11 family (samples/supportdocs11.py): the
certificates' ornaments (an ornate border, arms, an embossed seal, a foil
seal on a ribbon), and what happens to the paper before and while it is
captured (punched holes, a coffee ring, a sticky note, a fold in three; a
scanning app's output, a photocopy of a photocopy, a flatbed scan). Written
blind on 2026-12-07 with supportdocs11.py; do not inspect its pages to fix
a rule.

`P` is a supportdocs11.P11 (its canvas `c`, random stream `r`, fonts).
"""
import io
import math

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

import supporting  # noqa: E402  (the flatbed scan: supportdocs11.scanner)


def border(P):
    """An ornate frame: two rules and, between them, interlaced waves; a
    rosette in each corner."""
    c, r = P.c, P.r
    m = int(0.35 * c.dpi)
    band = int(0.28 * c.dpi)
    lt = max(1, c.dpi // 150)
    for k in (0, band):
        c.d.rectangle([m + k, m + k, c.w - m - k, c.h - m - k], outline=70, width=lt * (2 if k == 0 else 1))
    amp, per = band * 0.38, band * r.uniform(1.2, 1.8)
    mid = m + band / 2
    for phase in (0, math.pi * 2 / 3, math.pi * 4 / 3):
        for side in range(4):
            length = (c.w if side < 2 else c.h) - 2 * m
            pts = []
            for t in range(0, int(length), max(2, c.dpi // 60)):
                off = amp * math.sin(2 * math.pi * t / per + phase)
                if side == 0:
                    pts.append((m + t, mid + off))
                elif side == 1:
                    pts.append((m + t, c.h - mid + off))
                elif side == 2:
                    pts.append((mid + off, m + t))
                else:
                    pts.append((c.w - mid + off, m + t))
            c.d.line(pts, fill=r.randint(110, 150), width=lt)
    for cx, cy in ((mid, mid), (c.w - mid, mid), (mid, c.h - mid), (c.w - mid, c.h - mid)):
        for k in range(8):
            a = k * math.pi / 4
            c.d.ellipse([cx + math.cos(a) * band * 0.3 - band * 0.22, cy + math.sin(a) * band * 0.3 - band * 0.22,
                         cx + math.cos(a) * band * 0.3 + band * 0.22, cy + math.sin(a) * band * 0.3 + band * 0.22],
                        outline=90, width=lt)


def arms(P, cx, y, s):
    """A coat of arms: a shield with a charge and a crown over it."""
    c = P.c
    lt = max(2, c.dpi // 100)
    c.d.polygon([(cx - s / 2, y + s * 0.2), (cx + s / 2, y + s * 0.2), (cx + s / 2, y + s * 0.7), (cx, y + s * 1.1),
                 (cx - s / 2, y + s * 0.7)], outline=40, fill=200)
    c.d.line([(cx - s / 3, y + s * 0.75), (cx, y + s * 0.35), (cx + s / 3, y + s * 0.75)], fill=40, width=lt)
    c.d.ellipse([cx - s * 0.1, y + s * 0.45, cx + s * 0.1, y + s * 0.65], fill=60)
    c.d.polygon([(cx - s * 0.35, y + s * 0.15), (cx - s * 0.35, y), (cx - s * 0.17, y + s * 0.08), (cx, y - s * 0.05),
                 (cx + s * 0.17, y + s * 0.08), (cx + s * 0.35, y), (cx + s * 0.35, y + s * 0.15)], fill=90)


def embossed(P, cx, cy, rad, words):
    """A seal pressed into the paper without ink: a relief of rings, a star
    and the office's name round the edge, lit from the top left."""
    c = P.c
    size = 2 * rad
    seal = Image.new("L", (size, size), 0)
    d = ImageDraw.Draw(seal)
    lw = max(2, c.dpi // 60)
    d.ellipse([lw, lw, size - lw, size - lw], outline=255, width=lw)
    d.ellipse([rad * 0.35, rad * 0.35, size - rad * 0.35, size - rad * 0.35], outline=255, width=lw)
    star = [(rad + math.cos(math.pi / 2 + k * math.pi / 5) * rad * (0.3 if k % 2 else 0.12),
             rad - math.sin(math.pi / 2 + k * math.pi / 5) * rad * (0.3 if k % 2 else 0.12)) for k in range(10)]
    d.polygon(star, fill=255)
    f = c.font(7, P.sans_b)
    text = (words.upper() + " * ") * 2
    for k, ch in enumerate(text[:40]):
        a = -math.pi / 2 + 2 * math.pi * k / 40
        d.text((rad + math.cos(a) * rad * 0.8, rad + math.sin(a) * rad * 0.8), ch, font=f, fill=255, anchor="mm")
    seal = seal.filter(ImageFilter.GaussianBlur(max(1, c.dpi // 150)))
    a = np.asarray(seal, np.float32)
    relief = (np.roll(a, (2, 2), (0, 1)) - np.roll(a, (-2, -2), (0, 1))) / 255.0  # light from the top left
    x0, y0 = int(cx - rad), int(cy - rad)
    page = np.asarray(c.img, np.float32)
    h, w = page.shape
    xa, ya, xb, yb = max(0, x0), max(0, y0), min(w, x0 + size), min(h, y0 + size)
    page[ya:yb, xa:xb] *= 1.0 + 0.22 * relief[ya - y0:yb - y0, xa - x0:xb - x0]
    c.img = Image.fromarray(np.clip(page, 0, 255).astype(np.uint8), "L")
    c.d = ImageDraw.Draw(c.img)


def foil_seal(P, cx, cy, rad):
    """A foil seal with a serrated edge on two ribbon tails."""
    c, r = P.c, P.r
    tail = int(rad * 2.2)
    for dx in (-0.45, 0.45):
        x = cx + dx * rad
        c.d.polygon([(x - rad * 0.25, cy), (x + rad * 0.25, cy), (x + rad * 0.25 + dx * rad * 0.6, cy + tail),
                     (x + dx * rad * 0.3, cy + tail - rad * 0.35), (x - rad * 0.25 + dx * rad * 0.6, cy + tail)],
                    fill=r.randint(120, 150))
    pts = [(cx + math.cos(k * math.pi / 24) * rad * (1.0 if k % 2 else 0.9),
            cy + math.sin(k * math.pi / 24) * rad * (1.0 if k % 2 else 0.9)) for k in range(48)]
    c.d.polygon(pts, fill=r.randint(170, 195), outline=110)
    for k in (0.75, 0.55):
        c.d.ellipse([cx - rad * k, cy - rad * k, cx + rad * k, cy + rad * k], outline=120, width=max(1, c.dpi // 120))


def rubber(P, cx, cy, lines, round_=False):
    """A company's or an office's ink stamp, pale and a little turned."""
    c, r = P.c, P.r
    w, h = int(2.2 * c.dpi), int(0.8 * c.dpi)
    if round_:
        w = h = int(1.3 * c.dpi)
    layer = Image.new("L", (w, h), 0)
    dr = ImageDraw.Draw(layer)
    lw = max(2, c.dpi // 80)
    if round_:
        dr.ellipse([lw, lw, w - lw, h - lw], outline=255, width=lw)
        dr.ellipse([w * 0.2, h * 0.2, w * 0.8, h * 0.8], outline=255, width=max(1, lw // 2))
    else:
        dr.rectangle([lw, lw, w - lw, h - lw], outline=255, width=lw)
    for k, s in enumerate(lines):
        dr.text((w // 2, int(h * (k + 1) / (len(lines) + 1))), s, font=c.font(7 if round_ else 8, P.sans_b),
                fill=255, anchor="mm")
    layer = layer.rotate(r.uniform(-12, 12), resample=Image.BILINEAR, expand=True)
    a = r.uniform(0.45, 0.7)
    ink = Image.new("L", layer.size, r.randint(60, 110))
    x = max(0, min(c.w - layer.size[0] - 1, cx - layer.size[0] // 2))
    y = max(0, min(c.h - layer.size[1] - 1, cy - layer.size[1] // 2))
    c.img.paste(ink, (x, y), layer.point(lambda v: int(v * a)))


# -- handling ------------------------------------------------------------------
NOTES = {"eng": ["copy for file", "see page 2!", "original seen"], "deu": ["Kopie für die Akte", "Original lag vor"],
         "fra": ["copie pour dossier", "original vu"], "spa": ["copia para expediente", "original visto"]}


def _free(c, box):
    """box (x0, y0, x1, y1) meets no field's box and no title (a run of 12
    points or more, its width estimated)."""
    pad = int(0.1 * c.dpi)
    boxes = [f["bbox"] for f in c.fields]
    for run in c.runs:
        if run["size_pt"] >= 12:
            k = c.dpi / 72.0
            boxes.append([run["x_pt"] * k, run["y_pt"] * k, len(run["text"]) * run["size_pt"] * 0.62 * k,
                          run["size_pt"] * 1.3 * k])
    for x, y, w, h in boxes:
        if x - pad < box[2] and box[0] < x + w + pad and y - pad < box[3] and box[1] < y + h + pad:
            return False
    return True


def marks(P):
    """What handling leaves on the paper: filing holes, a coffee ring, a
    sticky note (never over a field; dropped from spec["marks"] where none
    fits), a fold in three."""
    c, r, spec = P.c, P.r, P.spec
    a = np.asarray(c.img, np.float32)
    h, w = a.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32) if "coffee" in spec["marks"] else (None, None)
    for m in list(spec["marks"]):
        if m == "holes":
            rad = 0.118 * c.dpi
            cx = 0.47 * c.dpi
            for cy in (h / 2 - 1.575 * c.dpi, h / 2 + 1.575 * c.dpi):
                img = Image.fromarray(a.astype(np.uint8), "L")
                d = ImageDraw.Draw(img)
                d.ellipse([cx - rad, cy - rad, cx + rad, cy + rad], fill=r.randint(200, 225))
                d.arc([cx - rad, cy - rad, cx + rad, cy + rad], 200, 340, fill=90, width=max(2, c.dpi // 100))
                a = np.asarray(img, np.float32).copy()
        elif m == "coffee":
            cx, cy = r.uniform(0.15, 0.85) * w, r.uniform(0.1, 0.9) * h
            rad, width = r.uniform(0.9, 1.3) * c.dpi, r.uniform(0.04, 0.09) * c.dpi
            th = np.arctan2(yy - cy, xx - cx)
            wob = [(r.uniform(0.004, 0.012) * c.dpi, r.randint(2, 7), r.uniform(0, 6.3)) for _ in range(3)]
            dist = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) + sum(a_ * np.sin(th * f_ + p_) for a_, f_, p_ in wob)
            ring = np.clip(1 - np.abs(dist - rad) / width, 0, 1) ** 0.7
            inside = (dist < rad).astype(np.float32)
            a *= 1 - ring * r.uniform(0.12, 0.22) - inside * 0.03
        elif m == "note":
            s = int(2.4 * c.dpi)
            spots = [(w - s - int(0.3 * c.dpi), int(0.3 * c.dpi)), (w - s - int(0.3 * c.dpi), h - s - int(0.5 * c.dpi)),
                     (int(0.3 * c.dpi), h - s - int(0.5 * c.dpi)), (int(0.3 * c.dpi), int(0.3 * c.dpi))]
            spot = next((p for p in spots if _free(c, (p[0], p[1], p[0] + s, p[1] + s))), None)
            if spot is None:
                spec["marks"].remove("note")
                continue
            img = Image.fromarray(a.astype(np.uint8), "L")
            note = Image.new("L", (s, s), r.randint(218, 232))
            nd = ImageDraw.Draw(note)
            f = c.font(16, P.handf)
            words, y = r.choice(NOTES[spec["lang"]]).split(), int(0.35 * c.dpi)
            for k in range(0, len(words), 2):
                nd.text((int(0.2 * c.dpi), y), " ".join(words[k:k + 2]), font=f, fill=r.randint(30, 70))
                y += int(c.px(16) * 1.3)
            shadow = Image.new("L", (s, s), 0)
            img.paste(Image.new("L", (s, s), 120), (spot[0] + 6, spot[1] + 8), shadow.point(lambda v: 90))
            img.paste(note.rotate(r.uniform(-3, 3), resample=Image.BILINEAR, fillcolor=int(a[spot[1], spot[0]])),
                      spot)
            a = np.asarray(img, np.float32).copy()
        elif m == "fold3":
            for k in (1, 2):
                y = int(h * k / 3)
                a[y - 1:y + 1, :] *= 0.8
                a[y + 1:y + 4, :] = np.minimum(a[y + 1:y + 4, :] * 1.05, 255)
                a[y:y + int(0.5 * c.dpi), :] *= np.linspace(0.93, 1.0, int(0.5 * c.dpi), dtype=np.float32)[:, None]
            a[h // 3:2 * h // 3, :] *= 0.97
    c.img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")
    c.d = ImageDraw.Draw(c.img)


# -- capture -------------------------------------------------------------------
def _homography(src, dst):
    """The 8 coefficients mapping dst points to src (PIL's PERSPECTIVE)."""
    m, v = [], []
    for (x, y), (u, w) in zip(dst, src):
        m.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        m.append([0, 0, 0, x, y, 1, -w * x, -w * y])
        v += [u, w]
    return np.linalg.solve(np.array(m, np.float64), np.array(v, np.float64))


def _apply(h, x, y):
    d = h[6] * x + h[7] * y + 1
    return (h[0] * x + h[1] * y + h[2]) / d, (h[3] * x + h[4] * y + h[5]) / d


def _move_boxes(c, fwd):
    for f in c.fields:
        x, y, w, h = f["bbox"]
        pts = [fwd(px, py) for px in (x, x + w) for py in (y, y + h)]
        x0 = max(0, min(p[0] for p in pts))
        y0 = max(0, min(p[1] for p in pts))
        x1 = min(c.w - 1, max(p[0] for p in pts))
        y1 = min(c.h - 1, max(p[1] for p in pts))
        f["bbox"] = [int(x0), int(y0), max(1, int(x1 - x0)), max(1, int(y1 - y0))]


def capture(P):
    """A scanning app's output (keystone left by the auto-crop, contrast
    boosted, sharpened, "Scanned with ..." on half) or a photocopy of a
    photocopy; a flatbed page is left to the scan."""
    c, r, spec = P.c, P.r, P.spec
    w, h = c.img.size
    if spec["capture"] == "app":
        k = 0.025
        src = [(r.uniform(0, k) * w, r.uniform(0, k) * h), (w - r.uniform(0, k) * w, r.uniform(0, k) * h),
               (w - r.uniform(-k, k) * w, h - r.uniform(0, k) * h), (r.uniform(-k, k) * w, h - r.uniform(0, k) * h)]
        dst = [(0, 0), (w, 0), (w, h), (0, h)]
        back = _homography(src, dst)
        img = c.img.transform((w, h), Image.PERSPECTIVE, tuple(back), resample=Image.BILINEAR, fillcolor=255)
        fwd = _homography(dst, src)
        _move_boxes(c, lambda x, y: _apply(fwd, x, y))
        small = img.resize((max(8, w // 24), max(8, h // 24)), Image.BILINEAR).filter(ImageFilter.MaxFilter(3))
        bg = np.asarray(small.filter(ImageFilter.GaussianBlur(2)).resize((w, h), Image.BILINEAR), np.float32)
        a = np.asarray(img, np.float32) / np.maximum(bg, 40) * 255.0
        a = np.clip((a - r.uniform(40, 70)) * r.uniform(1.25, 1.5), 0, 255)
        img = Image.fromarray(a.astype(np.uint8), "L").filter(ImageFilter.UnsharpMask(2, r.randint(120, 200), 3))
        if r.random() < 0.5:
            d = ImageDraw.Draw(img)
            s = "Scanned with %s" % r.choice(["PocketScan", "DocSnap", "ScanPal"])
            d.text((w - int(0.35 * c.dpi) - c.font(8, P.sans).getlength(s), h - int(0.2 * c.dpi)), s,
                   font=c.font(8, P.sans), fill=150)
            spec["marks"].append("app-footer")
        c.img = img
    elif spec["capture"] == "copy2":
        img = c.img
        for gen in range(2):
            s = r.uniform(0.965, 0.99)
            ox, oy = r.uniform(0, 1 - s) * w, r.uniform(0, 1 - s) * h
            small = img.resize((int(w * s), int(h * s)), Image.BILINEAR).filter(ImageFilter.GaussianBlur(0.6))
            if gen:
                small = small.filter(ImageFilter.MinFilter(3))
            out = Image.new("L", (w, h), r.randint(70, 110))  # the copier's lid round the smaller page
            out.paste(small, (int(ox), int(oy)))
            _move_boxes(c, lambda x, y: (ox + s * x, oy + s * y))
            a = np.asarray(out, np.float32)
            a = np.where(a < 200, a * 0.8, np.minimum(255, a * 1.04))
            nr = np.random.default_rng(r.randint(0, 2 ** 31))
            a -= (nr.random(a.shape) < 0.0015) * nr.uniform(80, 160, a.shape)
            x = r.randint(0, w - 1)
            a[:, x:x + max(2, c.dpi // 100)] *= 0.85
            ramp = int(r.uniform(0.1, 0.3) * c.dpi)
            a[:, :ramp] *= np.linspace(0.45, 1.0, ramp, dtype=np.float32)[None, :]
            img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")
        c.img = img
    c.d = ImageDraw.Draw(c.img)


def scanned_app(img, r):
    """A scanning app's JPEG: at most a small turn left by the deskew, a
    little noise."""
    img = img.rotate(r.uniform(-0.4, 0.4), resample=Image.BILINEAR, expand=True, fillcolor=255)
    a = np.asarray(img, np.float32)
    a += np.random.default_rng(r.randint(0, 2 ** 31)).normal(0, r.uniform(1, 3), a.shape)
    buf = io.BytesIO()
    Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L").save(buf, "JPEG", quality=r.randint(62, 85))
    return buf.getvalue()
