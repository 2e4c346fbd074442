"""heldout13's marks and captures (samples/supportdocs13.py draws the pages):
a typewriter's uneven strikes, a rotated rubber stamp beside the name line
(never over a field), and the captures: through a plastic sleeve (a glare
band), a stapled page with a folded corner, a fax with its header lines,
a photo at an angle with a thumb on the margin, a greyscale 150 dpi scan,
heavy sharpening halos; then the scan (scanner).
"""
import datetime
import io
import math

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

import supportdocs11b as b11  # _free, the homography helpers

T = "/usr/share/fonts/truetype/tlwg/"


def uneven(P, x0, y, x1, pt):
    """A typewriter's strikes: some letters of the run just drawn at
    (x0, y)..x1 mm lighter, some a touch heavier."""
    c, r = P.c, P.r
    a0, a1 = P.px(x0), P.px(x1)
    top, bot = P.px(y), P.px(y + pt * 0.3528 * 1.3)
    step = max(2, int(P.px(pt * 0.3528 * 0.6)))
    for xa in range(a0, a1, step):
        k = r.random()
        if k < 0.25:
            region = c.img.crop((xa, top, xa + step, bot))
            a = np.asarray(region, dtype=np.float32)
            paper = float(c.img.getpixel((2, 2))) if c.img.mode == "L" else 245.0
            a = paper - (paper - a) * r.uniform(0.45, 0.7)
            c.img.paste(Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), c.img.mode), (xa, top))
        elif k > 0.92:
            region = c.img.crop((xa, top, xa + step, bot)).filter(ImageFilter.MinFilter(3))
            c.img.paste(region, (xa, top))
    c.d = ImageDraw.Draw(c.img)


def stamp(P):
    """A rotated rubber stamp beside the name line, over no field: a double
    ring with the issuer's words, or a box with VERIFIED / ATTESTED."""
    c, r = P.c, P.r
    names = [f for f in c.fields if f["name"] in ("name", "surname")]
    if not names:
        return False
    nx, ny, nw, nh = names[0]["bbox"]
    s = P.px(r.uniform(26, 34))
    layer = Image.new("L", (s, s), 0)
    d = ImageDraw.Draw(layer)
    w = max(2, c.dpi // 90)
    if r.random() < 0.5:
        d.ellipse([w, w, s - w, s - w], outline=255, width=w)
        d.ellipse([s // 6, s // 6, s - s // 6, s - s // 6], outline=255, width=max(1, w // 2))
        f = c.font(7, T + "Sawasdee-Bold.ttf")
        word = r.choice(["ATTESTED", "VERIFIED", "RECEIVED"])
        d.text((s // 2 - f.getlength(word) / 2, s // 2 - P.px(1.8)), word, font=f, fill=255)
    else:
        d.rectangle([w, s // 4, s - w, 3 * s // 4], outline=255, width=w)
        f = c.font(8, T + "Sawasdee-Bold.ttf")
        for k, word in enumerate(r.choice([("TRUE COPY", "ATTESTED"), ("ORIGINAL", "SEEN"), ("NOTARY", "PUBLIC")])):
            d.text((s // 2 - f.getlength(word) / 2, s // 4 + P.px(2 + 5 * k)), word, font=f, fill=255)
    layer = layer.rotate(r.uniform(15, 40) * r.choice([1, -1]), resample=Image.BILINEAR)
    # beside the name line: after the line's end, or above it; never over a field or title
    for x, y in ((nx + nw + P.px(6), ny + nh // 2 - s // 2), (nx + nw + P.px(20), ny - s // 3),
                 (nx + P.px(30), ny - s - P.px(2)), (nx + nw + P.px(40), ny + nh // 2 - s // 2)):
        if x < 0 or y < 0 or x + s > c.w or y + s > c.h:
            continue
        if b11._free(c, (x, y, x + s, y + s)):
            ink = Image.new(c.img.mode, (s, s), 95 if c.img.mode == "L" else (95, 60, 140))
            c.img.paste(ink, (int(x), int(y)), layer.point(lambda v: int(v * 0.8)))
            c.d = ImageDraw.Draw(c.img)
            return True
    return False


# -- captures -------------------------------------------------------------------------
def sleeve(P):
    """Scanned through a plastic sleeve: a haze, a bright glare band across
    the page where the ink fades, the welded edge's line."""
    c, r = P.c, P.r
    a = np.asarray(c.img.convert("L"), dtype=np.float32)
    a = a * 0.9 + 18
    h, w = a.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    ang = r.uniform(-0.5, 0.5)
    centre = r.uniform(0.25, 0.75) * h
    dist = (yy - centre - (xx - w / 2) * math.tan(ang)) / (h * r.uniform(0.04, 0.07))
    glare = np.exp(-dist ** 2)
    a = a + (255 - a) * glare * r.uniform(0.45, 0.65)
    edge = P.px(r.uniform(3, 6))
    a[:, edge:edge + max(1, c.dpi // 100)] -= 25
    c.img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")
    c.d = ImageDraw.Draw(c.img)


def fold(P):
    """Stapled at the top left, the bottom-right or top-right corner folded
    over (the paper's back showing, a shadow), over no field."""
    c, r = P.c, P.r
    img = c.img.convert("L")
    d = ImageDraw.Draw(img)
    sx, sy = P.px(8), P.px(9)  # the staple
    d.line([(sx, sy), (sx + P.px(11), sy - P.px(4))], fill=60, width=max(2, c.dpi // 75))
    d.line([(sx + P.px(1), sy + P.px(1)), (sx + P.px(12), sy - P.px(3))], fill=200, width=1)
    for _ in range(6):
        k = P.px(r.uniform(18, 34))
        corner = r.choice(["br", "tr"])
        if corner == "br":
            tri = [(c.w - k, c.h), (c.w, c.h - k), (c.w, c.h)]
            box = (c.w - k, c.h - k, c.w, c.h)
            flap = [(c.w - k, c.h), (c.w, c.h - k), (c.w - k, c.h - k)]
        else:
            tri = [(c.w - k, 0), (c.w, k), (c.w, 0)]
            box = (c.w - k, 0, c.w, k)
            flap = [(c.w - k, 0), (c.w, k), (c.w - k, k)]
        if b11._free(c, box):
            d.polygon(tri, fill=r.randint(150, 190))  # the scanner's lid behind
            d.polygon(flap, fill=228, outline=120)
            shadow = [(x + (P.px(1.5) if corner == "tr" else -P.px(1.5)), y) for x, y in flap]
            d.line(shadow[:2], fill=170, width=max(1, c.dpi // 100))
            c.img, c.d = img, ImageDraw.Draw(img)
            return
    c.img, c.d = img, ImageDraw.Draw(img)


def fax(P):
    """Received by fax: the sender's header line and the receiver's at the
    top, black and white, every other line doubled, specks."""
    c, r = P.c, P.r
    pg = P.pg
    sent = pg["issue"] + datetime.timedelta(days=r.randint(0, 6))
    if pg["issue"] <= datetime.date(2026, 11, 23):
        sent = min(sent, datetime.date(2026, 11, 23))
    img = c.img.convert("L")
    d = ImageDraw.Draw(img)
    f = c.font(8, T + "TlwgMono.ttf")
    t1 = "%s %02d:%02d    FROM: %s    TO: %s    P.%03d/%03d" % (
        sent.strftime("%b-%d-%Y").upper(), r.randint(7, 19), r.randint(0, 59),
        r.choice(["+91 20 2553 4412", "+92 42 3571 2345", "+234 1 461 7720", "+63 2 8723 0945"]),
        r.choice(["0044 20 7946 0018", "001 212 555 0143"]), 1, r.randint(1, 3))
    d.text((P.px(6), P.px(2.5)), t1, font=f, fill=0)
    d.text((P.px(6), P.px(6.5)), "RECEIVED %s  %s" % (sent.strftime("%d/%m/%Y"), "OK  ECM  9600 bps"), font=f, fill=0)
    c.extra["fax_date"] = sent.isoformat()
    a = np.asarray(img, dtype=np.float32)
    bw = np.where(a < r.uniform(150, 175), 0, 255).astype(np.float32)
    if r.random() < 0.5:  # standard resolution: every other line doubled
        bw[1::2] = bw[0:-1:2][:bw[1::2].shape[0]]
    nr = np.random.default_rng(r.randint(0, 2 ** 31))
    specks = nr.random(bw.shape) < 0.0008
    bw[specks] = 0
    c.img = Image.fromarray(bw.astype(np.uint8), "L")
    c.d = ImageDraw.Draw(c.img)


def thumb(P):
    """Photographed at an angle, held with a thumb on the margin: a
    perspective, a grey-brown table round the page, light falling off,
    the thumb over the left or bottom margin (over no field); colour."""
    c, r = P.c, P.r
    w, h = c.w, c.h
    dst = [(w * r.uniform(0.06, 0.14), h * r.uniform(0.03, 0.08)), (w * r.uniform(0.9, 0.97), h * r.uniform(0.01, 0.05)),
           (w * r.uniform(0.95, 0.99), h * r.uniform(0.95, 0.99)), (w * r.uniform(0.01, 0.05), h * r.uniform(0.92, 0.97))]
    src = [(0, 0), (w, 0), (w, h), (0, h)]
    back = Image.new("RGB", (w, h), (r.randint(70, 110), r.randint(70, 100), r.randint(60, 90)))
    page = c.img.convert("RGB").transform((w, h), Image.PERSPECTIVE, tuple(b11._homography(src, dst)), Image.BICUBIC)
    mask = Image.new("L", (w, h), 0)
    ImageDraw.Draw(mask).polygon(dst, fill=255)
    back.paste(page, (0, 0), mask)
    b11._move_boxes(c, lambda x, y: b11._apply(b11._homography(dst, src), x, y))
    a = np.asarray(back, dtype=np.float32)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    fall = 1.0 - 0.3 * (((xx - w * 0.55) / w) ** 2 + ((yy - h * 0.4) / h) ** 2) * 2
    a *= fall[..., None] * np.array([1.03, 1.0, 0.92], dtype=np.float32)
    img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB")
    # the thumb: a skin-toned rounded shape from the page's edge inwards
    tw, th = int(c.dpi * 0.75), int(c.dpi * 1.05)
    spots = [(int(dst[3][0] + (dst[0][0] - dst[3][0]) * f) - tw // 3, int(h * f)) for f in (0.55, 0.7, 0.4)]
    spots += [(int(w * f), h - th * 2 // 3) for f in (0.5, 0.3, 0.7)]
    for k, (x, y) in enumerate(spots):
        bottom = k >= 3
        sw, sh = (th, tw) if bottom else (tw, th)
        box = (x, y, x + sw, y + sh)
        if x < 0 or y < 0 or x + sw > w or y + sh > h:
            continue
        if not any(bx < box[2] and box[0] < bx + bw and by < box[3] and box[1] < by + bh
                   for bx, by, bw, bh in (f["bbox"] for f in c.fields)):
            layer = Image.new("L", (w, h), 0)
            ImageDraw.Draw(layer).rounded_rectangle(box, radius=min(sw, sh) // 2, fill=255)
            layer = layer.filter(ImageFilter.GaussianBlur(c.dpi // 60))
            skin = Image.new("RGB", (w, h), (r.randint(150, 215), r.randint(105, 160), r.randint(80, 130)))
            img.paste(skin, (0, 0), layer)
            nail = (x + sw // 4, y + sh // 12, x + 3 * sw // 4, y + sh // 3) if not bottom else \
                (x + sw // 12, y + sh // 4, x + sw // 3, y + 3 * sh // 4)
            ImageDraw.Draw(img).rounded_rectangle(nail, radius=c.dpi // 20, fill=(225, 190, 180))
            c.extra["thumb"] = True
            break
    c.img, c.d = img, ImageDraw.Draw(img)


def grey150(P):
    """A greyscale scan at 150 dpi: the page and its field boxes scaled,
    the truth's dpi 150."""
    c = P.c
    k = 150.0 / c.dpi
    c.img = c.img.convert("L").resize((int(round(c.w * k)), int(round(c.h * k))), Image.BILINEAR)
    for f in c.fields:
        x, y, w, h = f["bbox"]
        f["bbox"] = [int(x * k), int(y * k), max(1, int(round(w * k))), max(1, int(round(h * k)))]
    c.w, c.h = c.img.size
    c.extra["dpi"] = 150
    c.d = ImageDraw.Draw(c.img)


def halo(P):
    """A scanner's heavy sharpening: white halos round the strokes."""
    c, r = P.c, P.r
    img = c.img.convert("L").filter(ImageFilter.GaussianBlur(r.uniform(0.6, 1.0)))
    c.img = img.filter(ImageFilter.UnsharpMask(radius=r.uniform(2.5, 4.0), percent=r.randint(220, 320), threshold=0))
    c.d = ImageDraw.Draw(c.img)


CAPTURE = {"sleeve": sleeve, "fold": fold, "fax": fax, "thumb": thumb, "grey150": grey150, "halo": halo}


def scan(img, r, spec):
    """The scan: a small turn (none on a photo), a little blur and noise,
    JPEG; greyscale pages stay greyscale."""
    mode = img.mode
    if spec["capture"] != "thumb":
        fill = r.randint(200, 245)
        img = img.rotate(r.uniform(-1.2, 1.2), resample=Image.BILINEAR, expand=True,
                         fillcolor=fill if mode == "L" else (fill,) * 3)
    if spec["capture"] not in ("halo", "fax") and r.random() < 0.5:
        img = img.filter(ImageFilter.GaussianBlur(r.uniform(0.3, 0.7)))
    a = np.asarray(img, dtype=np.float32)
    nr = np.random.default_rng(r.randint(0, 2 ** 31))
    noise = nr.normal(0, r.uniform(1.5, 4.5), a.shape[:2]).astype(np.float32)
    a += noise[..., None] if a.ndim == 3 else noise
    buf = io.BytesIO()
    Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), mode).save(buf, "JPEG", quality=r.randint(55, 88))
    return buf.getvalue()


def scanner(spec):
    return lambda img, r: scan(img, r, spec)
