#!/usr/bin/python3
"""Trains the OCR-B MRZ character classifier and writes models/ocrb-mrz.bin.

Renders MRZ-like lines from Debian's fonts-ocr-b (Regular and Sharp faces)
at the ICAO pitch (2.54 mm) and 130..650 dpi (--dpi-min), varies the print (glyph width,
cap height against the pitch, slant, weight, faint or engraved ink,
perspective), degrades the scan (stroke weight, rotation, blur, background
texture, contrast, noise, JPEG), cuts one cell per character exactly as the
MRZ locator does (one pitch wide, +-15% centre error, 0.2 cap height margins
+-10%), and turns each cell into features with the C function
ds_ocrb_features from src/mrz/ocrb.c, loaded through ctypes, so training
and inference share one implementation. Trains a small ReLU MLP with Adam in
numpy and writes the versioned, CRC-checked model file described in
models/README.md. Deterministic for a given --seed (and --jobs).

Needs Debian's /usr/bin/python3 with python3-numpy and python3-pil, a C
compiler, and /usr/share/fonts/opentype/ocr-b/OCRB.otf.
"""
import argparse
import ctypes
import io
import math
import multiprocessing
import os
import struct
import subprocess
import sys
import tempfile
import time
import zlib

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<"
CLS = {c: i for i, c in enumerate(ALPHABET)}
FONT_DIR = "/usr/share/fonts/opentype/ocr-b"
FONT = FONT_DIR + "/OCRB.otf"
# The faces of fonts-ocr-b drawn as real MRZs are: Regular, and Sharp (the
# same glyphs with square stroke ends, as many printers' and engravers'
# OCR-B implementations have). Oblique, Outline and the inverted faces are
# not MRZ print; slant comes from a shear instead.
FONTS = [FONT, FONT_DIR + "/OCRBS.otf"]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAGIC = b"DSOCRB\r\n"
FORMAT_VERSION = 1
FEATURE_VERSION = 1          # must equal DS_OCRB_FEATURE_VERSION in ocrb.h
GRID_W, GRID_H, N_SCALARS = 16, 20, 8
N_FEATURES = GRID_W * GRID_H + N_SCALARS
PITCH_MM = 2.54
CAP_EM = 0.723               # OCRB.otf: cap height of H = 723/1000 em, advance 723
LEVELS = ["clean", "mild", "medium", "heavy"]

# ---------------------------------------------------------------- C features

_lib = None
_lib_path = None


def build_lib(tmpdir):
    path = os.path.join(tmpdir, "libocrb_train.so")
    cmd = ["cc", "-shared", "-fPIC", "-O2", "-DDS_OCRB_NO_BUILTIN",
           "-I" + os.path.join(ROOT, "include"), "-I" + os.path.join(ROOT, "src"),
           os.path.join(ROOT, "src/mrz/ocrb.c"), os.path.join(ROOT, "src/base/error.c"),
           "-lm", "-o", path]
    subprocess.run(cmd, check=True)
    return path


def lib():
    global _lib
    if _lib is None:
        _lib = ctypes.CDLL(_lib_path)
        _lib.ds_ocrb_features.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_int,
                                          ctypes.c_int, ctypes.c_float, ctypes.c_void_p]
        _lib.ds_ocrb_features.restype = None
    return _lib


def features(cell, thr, cap):
    cell = np.ascontiguousarray(cell, dtype=np.uint8)
    out = np.zeros(N_FEATURES, dtype=np.float32)
    h, w = cell.shape
    lib().ds_ocrb_features(cell.ctypes.data, w, h, w, int(thr), float(cap), out.ctypes.data)
    return out


def init_worker(path):
    global _lib_path
    _lib_path = path

# ----------------------------------------------------------------- rendering

_fonts = {}


def font(px, face=0):
    if (px, face) not in _fonts:
        _fonts[(px, face)] = ImageFont.truetype(FONTS[face], px)
    return _fonts[(px, face)]


def print_params(rng):
    """How this document's OCR-B was printed, independent of the scan's
    degradation level: the face, glyph width (condensed or expanded
    implementations), the cap height against the pitch, slant, extra stroke
    weight (erode or dilate at render size), contrast (engraved or faint
    print) and a progressive change of scale along the line (perspective)."""
    u = rng.uniform
    wide = u() < 0.6
    return dict(
        face=int(rng.choice(len(FONTS), p=[0.65, 0.35])),
        sx=float(np.exp(u(np.log(0.76), np.log(1.1)))) if wide else 1.0,
        capr=u(0.80, 1.02) if u() < 0.5 else u(0.86, 0.98),
        shear=u(-0.08, 0.08) if u() < 0.3 else 0.0,
        weight=int(rng.choice([-2, -1, 0, 0, 0, 1, 2, 3, 4])),
        faint=u() < 0.15,
        persp=u(-0.05, 0.05) if u() < 0.25 else 0.0)


def mrz_text(rng, n):
    """Random MRZ-like text: runs of letters, digits and '<' fillers."""
    out = []
    letters, digits = ALPHABET[10:36], ALPHABET[:10]
    while len(out) < n:
        k = rng.integers(4)
        if k == 0:
            out += [letters[i] for i in rng.integers(26, size=rng.integers(1, 10))]
        elif k == 1:
            out += [digits[i] for i in rng.integers(10, size=rng.integers(1, 9))]
        elif k == 2:
            out += ["<"] * int(rng.integers(1, 8))
        else:
            out += [ALPHABET[i] for i in rng.integers(37, size=rng.integers(1, 8))]
    return "".join(out[:n])


def level_params(rng, level):
    u = rng.uniform
    p = {}
    if level == 0:
        p.update(blur=u(0.0, 0.35), noise=u(0, 2), jpeg=None if u() < 0.5 else int(u(88, 96)),
                 rot=u(-0.3, 0.3), ink=u(0, 50), paper=u(215, 255), texture=0.0,
                 stroke=int(rng.choice([-1, 0, 0, 0, 1])))
    elif level == 1:
        p.update(blur=u(0.3, 0.65), noise=u(1, 5), jpeg=int(u(65, 96)), rot=u(-0.8, 0.8),
                 ink=u(0, 70), paper=u(190, 250), texture=u(0, 12),
                 stroke=int(rng.choice([-1, 0, 0, 1, 2])))
    elif level == 2:
        p.update(blur=u(0.5, 0.95), noise=u(3, 8), jpeg=int(u(42, 80)), rot=u(-1.5, 1.5),
                 ink=u(10, 90), paper=u(165, 245), texture=u(5, 22),
                 stroke=int(rng.choice([-2, -1, 0, 1, 2])))
    else:
        p.update(blur=u(0.75, 1.2), noise=u(4, 9), jpeg=int(u(30, 50)), rot=u(-1.5, 1.5),
                 ink=u(20, 95), paper=u(160, 240), texture=u(8, 22),
                 stroke=int(rng.choice([-2, -1, 0, 1, 2, 3])))
    return p


WIDE = False   # --wide: print_params on every line (set in main, before the pool forks)
DPI_MIN = 130  # --dpi-min: lowest scan resolution drawn (likewise)


def render_line(rng, text, dpi, level, wide=None):
    """Renders text as one MRZ line; returns the gray image, per-character
    centres (x, y) in pixels, the cap height in pixels and the line's ink
    threshold, all in the final image."""
    p = level_params(rng, level)
    if wide is None:
        wide = WIDE
    q = print_params(rng) if wide else dict(face=0, sx=1.0, capr=rng.uniform(0.86, 0.98), shear=0.0,
                                            weight=0, faint=False, persp=0.0)
    pitch = dpi * PITCH_MM / 25.4                      # px per character
    cap = pitch * q["capr"]                            # px, real MRZs: ~2.2-2.5 mm
    ss = max(1, int(round(140.0 / pitch)))            # supersampling factor
    # A glyph width factor sx is drawn by laying the glyphs out at the pitch
    # P / sx and squeezing the whole line by sx afterwards.
    P, C = pitch * ss / q["sx"], cap * ss
    em = int(round(C / CAP_EM))
    C = em * CAP_EM
    n = len(text)
    margin_x, margin_y = 1.5 * P, 1.2 * C
    W = int(math.ceil((n * P + 2 * margin_x) / ss)) * ss
    H = int(math.ceil((C + 2 * margin_y) / ss)) * ss
    ink = Image.new("L", (W, H), 0)
    d = ImageDraw.Draw(ink)
    f = font(em, q["face"])
    base = margin_y + C
    adv = f.getlength("H")
    for i, ch in enumerate(text):
        x = margin_x + i * P + (P - adv) / 2 + rng.normal(0, 0.01 * P)
        d.text((x, base + rng.normal(0, 0.01 * C)), ch, font=f, fill=255, anchor="ls")
    # Stroke weight: blur at the supersampled scale and re-threshold below
    # (bolder) or above (thinner) the middle; about 1.5% of the cap a step.
    # The print's own weight (bold or thin implementations, engraving)
    # comes on top of the scan's; beyond 2 steps the blur widens with it so
    # that the threshold stays inside the stroke's edge.
    stroke = p["stroke"] + q["weight"]
    if stroke != 0:
        mul = max(1.0, abs(stroke) / 2.0) if q["weight"] else 1.0
        ink = ink.filter(ImageFilter.GaussianBlur(0.03 * C * mul))
        t = 0.5 - 0.13 * stroke / mul + rng.uniform(-0.04, 0.04)
        lut = [int(255 * min(1.0, max(0.0, (v / 255.0 - t) / 0.25 + 0.5))) for v in range(256)]
        ink = ink.point(lut)
    # Slant: a shear about the line's middle row.
    if q["shear"] != 0.0:
        sh = q["shear"]
        ink = ink.transform(ink.size, Image.AFFINE, (1, sh, -sh * (base - C / 2), 0, 1, 0),
                            resample=Image.BILINEAR, fillcolor=0)
    # Glyph width: the line drawn at pitch P / sx is squeezed to pitch P*sx.
    if q["sx"] != 1.0:
        W2 = max(ss, int(round(W * q["sx"] / ss)) * ss)
        ink = ink.resize((W2, H), Image.BILINEAR)
        margin_x, P, W = margin_x * W2 / W, P * W2 / W, W2
    # Perspective: the scale changes steadily along the line (a page held at
    # an angle to the camera), up to +-5% from end to end.
    if q["persp"] != 0.0:
        k = q["persp"]
        # x' = x * (1 + k * (x / W - 0.5)) approximately, applied per column.
        xs = np.arange(W, dtype=np.float32)
        src = xs / (1 + k * (xs / W - 0.5))
        arr = np.asarray(ink, dtype=np.float32)
        i0 = np.clip(np.floor(src).astype(np.int64), 0, W - 1)
        i1 = np.clip(i0 + 1, 0, W - 1)
        fr = (src - np.floor(src))[None, :]
        ink = Image.fromarray(np.clip(arr[:, i0] * (1 - fr) + arr[:, i1] * fr, 0, 255).astype(np.uint8))
    cx0, cy0 = W / 2, H / 2
    ink = ink.rotate(p["rot"], resample=Image.BILINEAR, center=(cx0, cy0), fillcolor=0)
    ink = ink.resize((W // ss, H // ss), Image.BOX)
    a = math.radians(p["rot"])
    centres = []
    for i in range(n):
        x = margin_x + (i + 0.5) * P
        if q["persp"] != 0.0:
            # Invert src = x' / (1 + k (x'/W - 0.5)) for x' by iteration.
            k, xt = q["persp"], x
            for _ in range(6):
                xt = x * (1 + k * (xt / W - 0.5))
            x = xt
        x = x - cx0
        y = base - C / 2 - cy0
        # PIL rotates counter-clockwise on screen (y down).
        xr = x * math.cos(a) + y * math.sin(a) + cx0
        yr = -x * math.sin(a) + y * math.cos(a) + cy0
        centres.append((xr / ss, yr / ss))
    w, h = ink.size
    m = np.asarray(ink, dtype=np.float32) / 255.0
    paper = np.full((h, w), p["paper"], dtype=np.float32)
    if p["texture"] > 0:
        # Smooth blotches plus faint guilloche-like waves.
        lo = rng.normal(0, 1, size=(max(2, h // 8), max(2, w // 8))).astype(np.float32)
        lo = np.asarray(Image.fromarray(lo).resize((w, h), Image.BICUBIC))
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        per = rng.uniform(0.5, 2.0) * pitch
        wav = np.sin((xx * math.cos(rng.uniform(0, 3.14)) + yy * rng.uniform(-1, 1)) * 2 * math.pi / per
                     + rng.uniform(0, 6.28) + 2.0 * np.sin(xx / (3 * per)))
        paper = paper - p["texture"] * (0.6 * np.abs(lo) + 0.4 * (wav > 0.7))
    ink_level = p["ink"]
    if q["faint"]:
        # Engraved or faint print: ink only 35..90 gray levels under the paper.
        ink_level = max(0.0, float(np.mean(paper)) - rng.uniform(35, 90))
    g = paper - (paper - ink_level) * m
    img = Image.fromarray(np.clip(g, 0, 255).astype(np.uint8))
    if p["blur"] > 0.05:
        img = img.filter(ImageFilter.GaussianBlur(p["blur"]))
    g = np.asarray(img, dtype=np.float32)
    if p["noise"] > 0:
        g = g + rng.normal(0, p["noise"], size=g.shape)
    img = Image.fromarray(np.clip(np.round(g), 0, 255).astype(np.uint8))
    if p["jpeg"]:
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=p["jpeg"])
        img = Image.open(io.BytesIO(buf.getvalue())).convert("L")
    g = np.asarray(img, dtype=np.uint8)
    # The locator's line threshold: between the ink and paper levels.
    band = g[int(h / 2 - cap / 2):int(h / 2 + cap / 2) + 1]
    lo_v, hi_v = np.percentile(band, 3), np.percentile(band, 60)
    thr = int(round(lo_v + (hi_v - lo_v) * rng.uniform(0.4, 0.6)))
    return g, centres, cap, thr


def measured_line(g, thr):
    """The line's extent as src/mrz/locate.c measures it: the run of rows
    around the middle whose count of ink pixels exceeds 12% of the largest
    row count. Returns (top, bottom) inclusive, or None."""
    prof = (g < thr).sum(1)
    if prof.max() == 0:
        return None
    on = prof > 0.12 * prof.max()
    mid = g.shape[0] // 2
    if not on[mid]:
        idx = np.nonzero(on)[0]
        mid = int(idx[np.argmin(np.abs(idx - mid))])
    top = mid
    while top > 0 and on[top - 1]:
        top -= 1
    bot = mid
    while bot < len(on) - 1 and on[bot + 1]:
        bot += 1
    return top, bot


def cut_cell(rng, g, cx, cy, pitch, cap, jitter=True, rows=None):
    """Cuts one cell per the contract in ocrb.h, with the locator's errors.
    rows=(y0, y1) gives the cell's rows (end exclusive) instead of cy, cap."""
    w = max(1, int(round(pitch)))
    jx = rng.uniform(-0.15, 0.15) if jitter else 0.0
    jy = rng.uniform(-0.07, 0.07) if jitter else 0.0
    mt = 0.2 + (rng.uniform(-0.05, 0.05) if jitter else 0.0)
    mb = 0.2 + (rng.uniform(-0.05, 0.05) if jitter else 0.0)
    x0 = int(round(cx + jx * pitch - w / 2))
    y0 = int(round(cy + jy * cap - cap / 2 - mt * cap))
    y1 = int(round(cy + jy * cap + cap / 2 + mb * cap))
    if rows is not None:
        y0, y1 = rows
    H, W = g.shape
    x0 = min(max(0, x0), W - w)
    y0, y1 = max(0, y0), min(H, y1)
    return g[y0:y1, x0:x0 + w]


def make_chunk(args):
    seed, nlines, level, dpis, extra = args
    rng = np.random.default_rng(seed)
    X, Y, L = [], [], []
    cells = []
    for li in range(nlines):
        lv = level if level is not None else int(rng.choice(4, p=[0.15, 0.25, 0.3, 0.3]))
        dpi = dpis[li % len(dpis)] if dpis else float(np.exp(rng.uniform(np.log(DPI_MIN), np.log(650))))
        text = mrz_text(rng, 22)
        g, centres, cap, thr = render_line(rng, text, dpi, lv)
        pitch = dpi * PITCH_MM / 25.4
        # Half the lines are cut as src/mrz/locate.c does: the cap height
        # is the measured line extent, the rows are that extent +- 0.2 of it,
        # the same for the whole line; the other half per character from the
        # true cap height with random errors.
        meas = measured_line(g, thr) if rng.uniform() < 0.5 else None
        for i in range(1, len(text) - 1):
            if meas:
                capm = (meas[1] - meas[0] + 1) * rng.uniform(0.98, 1.02)
                rows = (int(round(meas[0] - 0.2 * capm)), int(round(meas[1] + 0.2 * capm)) + 1)
                cell = cut_cell(rng, g, centres[i][0], centres[i][1], pitch, cap, rows=rows)
            else:
                cell = cut_cell(rng, g, centres[i][0], centres[i][1], pitch, cap)
                capm = cap * rng.uniform(0.93, 1.07)
            X.append(features(cell, thr, capm))
            Y.append(CLS[text[i]])
            L.append(lv)
            if extra:
                cells.append((cell.copy(), text[i], thr, capm))
    return np.array(X, np.float32), np.array(Y, np.int64), np.array(L, np.int64), cells


def make_set(pool, seed, nlines, level=None, chunk=40):
    jobs = []
    for k in range(0, nlines, chunk):
        jobs.append((seed * 1000003 + k, min(chunk, nlines - k), level, None, False))
    parts = pool.map(make_chunk, jobs)
    return (np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts]),
            np.concatenate([p[2] for p in parts]))


def read_pgm(path):
    return np.asarray(Image.open(path).convert("L"), dtype=np.uint8)


def load_extra(path):
    X, Y = [], []
    base = os.path.dirname(os.path.abspath(path))
    with open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            p, lab, thr, cap = line.split("\t")[:4]
            if lab not in CLS:
                raise SystemExit("extra cell %s: label %r is not an MRZ character" % (p, lab))
            cell = read_pgm(p if os.path.isabs(p) else os.path.join(base, p))
            X.append(features(cell, int(thr), float(cap)))
            Y.append(CLS[lab])
    return np.array(X, np.float32).reshape(-1, N_FEATURES), np.array(Y, np.int64)

# ------------------------------------------------------------------------ MLP


def init_params(rng, sizes):
    ps = []
    for a, b in zip(sizes[:-1], sizes[1:]):
        ps.append([(rng.normal(0, math.sqrt(2.0 / a), size=(a, b))).astype(np.float32),
                   np.zeros(b, np.float32)])
    return ps


def forward(ps, x):
    acts = [x]
    for i, (w, b) in enumerate(ps):
        x = x @ w + b
        if i + 1 < len(ps):
            x = np.maximum(x, 0)
        acts.append(x)
    return acts


def predict(ps, x, bs=4096):
    out = []
    for k in range(0, len(x), bs):
        out.append(forward(ps, x[k:k + bs])[-1])
    return np.concatenate(out)


def train(ps, X, Y, rng, epochs, lr0, bs=256, wd=1e-5, label_smooth=0.02, log=print):
    m = [[np.zeros_like(t) for t in layer] for layer in ps]
    v = [[np.zeros_like(t) for t in layer] for layer in ps]
    b1, b2, eps, step = 0.9, 0.999, 1e-8, 0
    n = len(X)
    ncls = ps[-1][1].shape[0]
    for ep in range(epochs):
        lr = lr0 * 0.5 * (1 + math.cos(math.pi * ep / epochs))
        perm = rng.permutation(n)
        tot = 0.0
        for k in range(0, n, bs):
            idx = perm[k:k + bs]
            x, y = X[idx], Y[idx]
            acts = forward(ps, x)
            z = acts[-1]
            z = z - z.max(1, keepdims=True)
            e = np.exp(z)
            prob = e / e.sum(1, keepdims=True)
            t = np.full_like(prob, label_smooth / ncls)
            t[np.arange(len(y)), y] += 1 - label_smooth
            tot += float(-(t * np.log(prob + 1e-12)).sum())
            grad = (prob - t) / len(y)
            step += 1
            for i in range(len(ps) - 1, -1, -1):
                w, b = ps[i]
                gw = acts[i].T @ grad + wd * w
                gb = grad.sum(0)
                if i > 0:
                    grad = (grad @ w.T) * (acts[i] > 0)
                for j, gr in enumerate((gw, gb)):
                    m[i][j] = b1 * m[i][j] + (1 - b1) * gr
                    v[i][j] = b2 * v[i][j] + (1 - b2) * gr * gr
                    mh = m[i][j] / (1 - b1 ** step)
                    vh = v[i][j] / (1 - b2 ** step)
                    ps[i][j] -= (lr * mh / (np.sqrt(vh) + eps)).astype(np.float32)
        acc = (predict(ps, X[:20000]).argmax(1) == Y[:20000]).mean()
        log("epoch %2d lr %.5f loss %.4f train-acc %.4f" % (ep + 1, lr, tot / n, acc))
    return ps

# ---------------------------------------------------------------- model file


def fold_normalisation(ps, mu, sd):
    """Folds (x - mu) / sd on the inputs into the first layer."""
    w, b = ps[0]
    w2 = (w / sd[:, None]).astype(np.float32)
    b2 = (b - (mu / sd) @ w).astype(np.float32)
    return [[w2, b2]] + [[w.copy(), b.copy()] for w, b in ps[1:]]


def write_model(path, ps):
    sizes = [w.shape[1] for w, _ in ps]
    hdr = MAGIC + struct.pack("<5I", FORMAT_VERSION, FEATURE_VERSION, N_FEATURES, len(ALPHABET), len(ps))
    hdr += struct.pack("<%dI" % len(sizes), *sizes)
    alpha = ALPHABET.encode()
    alpha += b"\0" * ((4 - len(alpha) % 4) % 4)
    body = hdr + alpha
    for w, b in ps:
        body += w.astype("<f4").tobytes() + b.astype("<f4").tobytes()
    body += struct.pack("<I", zlib.crc32(body) & 0xffffffff)
    with open(path, "wb") as f:
        f.write(body)
    return len(body)


def read_model(path):
    data = open(path, "rb").read()
    assert data[:8] == MAGIC and zlib.crc32(data[:-4]) & 0xffffffff == struct.unpack("<I", data[-4:])[0]
    ver, fver, nin, ncls, nl = struct.unpack("<5I", data[8:28])
    assert ver == FORMAT_VERSION and fver == FEATURE_VERSION and nin == N_FEATURES
    sizes = struct.unpack("<%dI" % nl, data[28:28 + 4 * nl])
    pos = 28 + 4 * nl + ((ncls + 3) // 4) * 4
    ps, prev = [], nin
    for s in sizes:
        w = np.frombuffer(data, "<f4", prev * s, pos).reshape(prev, s).astype(np.float32)
        pos += 4 * prev * s
        b = np.frombuffer(data, "<f4", s, pos).astype(np.float32)
        pos += 4 * s
        ps.append([w, b])
        prev = s
    return ps

# ---------------------------------------------------------------- evaluation


def report(ps, X, Y, L, log=print):
    pred = predict(ps, X).argmax(1)
    ok = pred == Y
    log("held-out accuracy: %.4f%% (%d/%d cells)" % (100 * ok.mean(), ok.sum(), len(ok)))
    for lv, name in enumerate(LEVELS):
        s = L == lv
        if s.any():
            log("  %-7s %.4f%% (%d errors / %d)" % (name, 100 * ok[s].mean(), (~ok[s]).sum(), s.sum()))
    conf = {}
    for y, p in zip(Y[~ok], pred[~ok]):
        conf[(ALPHABET[y], ALPHABET[p])] = conf.get((ALPHABET[y], ALPHABET[p]), 0) + 1
    top = sorted(conf.items(), key=lambda kv: -kv[1])[:12]
    log("top confusions (truth -> read: count): " +
        ", ".join("%s->%s: %d" % (a, b, c) for (a, b), c in top))
    return ok.mean()


def softmax(z):
    z = z - z.max(1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(1, keepdims=True)


def report_ensemble(paths, X, Y, L, doubt_p=0.9, log=print):
    """Each model alone and all of them as src/mrz/ocrb.c combines them (the
    best character of the mean, as sure as the least sure model): how many
    cells are read wrong, and how many of those *with confidence* (p at or
    above the MRZ parser's doubt threshold, DS_MRZ_DOUBT_P), the misreadings
    no check digit may correct and no name doubt reports."""
    probs = [softmax(predict(read_model(pth), X)) for pth in paths]
    rows = [(os.path.basename(pth), pr.argmax(1), pr.max(1)) for pth, pr in zip(paths, probs)]
    mean = sum(probs) / len(probs)
    best = mean.argmax(1)
    p = np.min([pr[np.arange(len(best)), best] for pr in probs], axis=0)
    rows.append(("together", best, p))
    for name, pred, conf in rows:
        wrong = pred != Y
        sure = conf >= doubt_p
        log("%-22s wrong %5d / %d, wrong with p >= %.2f: %4d, doubted: %5.2f%%" %
            (name, wrong.sum(), len(Y), doubt_p, (wrong & sure).sum(), 100 * (~sure).mean()))
        for lv, lname in enumerate(LEVELS):
            s = L == lv
            log("  %-7s wrong %4d, wrong and sure %3d, doubted %5.2f%%" %
                (lname, (wrong & s).sum(), (wrong & sure & s).sum(), 100 * (~sure[s]).mean()))


def dump_test_cells(outdir, seed, dpis=(150, 300)):
    """Writes one cell per character at each resolution (mild degradation,
    real neighbours, locator jitter), as one vertical strip PGM per
    resolution plus cells.tsv (file, row, label, ink threshold, cap)."""
    rng = np.random.default_rng(seed)
    os.makedirs(outdir, exist_ok=True)
    rows = []
    for dpi in dpis:
        pitch = dpi * PITCH_MM / 25.4
        cells = []
        for ch in ALPHABET:
            text = mrz_text(rng, 9)
            text = text[:4] + ch + text[5:]
            g, centres, cap, thr = render_line(rng, text, dpi, 1, wide=False)
            cell = cut_cell(rng, g, centres[4][0], centres[4][1], pitch, cap)
            cells.append((cell, ch, thr, cap))
        cw = max(c[0].shape[1] for c in cells)
        chh = max(c[0].shape[0] for c in cells)
        strip = np.full((chh * len(cells), cw), 255, np.uint8)
        name = "cells_%d.pgm" % dpi
        for r, (cell, ch, thr, cap) in enumerate(cells):
            # Pad at the bottom with paper if a cell came out a pixel short.
            strip[r * chh:r * chh + cell.shape[0], :cell.shape[1]] = cell
            rows.append("%s\t%d\t%s\t%d\t%.2f" % (name, r, ch, thr, cap))
        Image.fromarray(strip).save(os.path.join(outdir, name))
        print("wrote %s (%dx%d cells)" % (name, cw, chh))
    with open(os.path.join(outdir, "cells.tsv"), "w") as f:
        f.write("# file\trow\tlabel\tink_threshold\tcap_height (cells are equal-height rows)\n")
        f.write("\n".join(rows) + "\n")


def report_dpi(path, dpis, seed, lines=30, doubt_p=0.9, log=print):
    """The model at fixed scan resolutions, below and inside the trained
    range: per resolution and level (mild, medium), cells read wrong, read
    wrong with p >= doubt_p (DS_MRZ_DOUBT_P) and doubted. Lines of their own
    seeds, `lines` per resolution and level."""
    ps = read_model(path)
    log("dpi  pitch px  level   cells  wrong  wrong p>=%.1f  doubted" % doubt_p)
    for dpi in dpis:
        for lv in (1, 2):
            X, Y, _, _ = make_chunk((20_000_000 + 7919 * seed + 10 * dpi + lv, lines, lv, [dpi], False))
            pr = softmax(predict(ps, X))
            wrong, sure = pr.argmax(1) != Y, pr.max(1) >= doubt_p
            log("%3d  %8.1f  %-6s  %5d  %5d  %11d  %6.1f%%" %
                (dpi, dpi * PITCH_MM / 25.4, LEVELS[lv], len(Y), wrong.sum(), (wrong & sure).sum(),
                 100 * (~sure).mean()))


def main():
    sys.stdout.reconfigure(line_buffering=True)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default=os.path.join(ROOT, "models/ocrb-mrz.bin"))
    ap.add_argument("--train-lines", type=int, default=7000)
    ap.add_argument("--test-lines", type=int, default=300, help="held-out lines per degradation level")
    ap.add_argument("--epochs", type=int, default=24)
    ap.add_argument("--hidden", default="160", help="hidden layer sizes, e.g. 160 or 192,96")
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--extra-cells", action="append", default=[],
                    help="TSV: PGM cell path, label, ink_threshold, cap_height")
    ap.add_argument("--wide", action="store_true",
                    help="vary the print too (print_params: face, glyph width, cap/pitch, slant, "
                         "weight, faint ink, perspective); off: the committed model's training")
    ap.add_argument("--eval-only", action="store_true", help="evaluate --out instead of training")
    ap.add_argument("--ensemble", metavar="MODEL", action="append", default=[],
                    help="with --eval-only: also evaluate --out and these models together")
    ap.add_argument("--dump-test-cells", metavar="DIR", help="write the unit-test cells and exit")
    ap.add_argument("--dpi-min", type=float, default=130,
                    help="lowest scan resolution of the training and held-out lines (default 130)")
    ap.add_argument("--eval-dpi", metavar="LIST",
                    help="evaluate --out at these resolutions (e.g. 80,90,100,130) and exit")
    a = ap.parse_args()

    t0 = time.time()
    global _lib_path, WIDE, DPI_MIN
    WIDE = a.wide
    DPI_MIN = a.dpi_min
    with tempfile.TemporaryDirectory() as tmp:
        _lib_path = build_lib(tmp)
        if a.dump_test_cells:
            dump_test_cells(a.dump_test_cells, a.seed)
            return
        if a.eval_dpi:
            report_dpi(a.out, [int(v) for v in a.eval_dpi.split(",") if v], a.seed)
            return
        with multiprocessing.get_context("fork").Pool(a.jobs, initializer=init_worker,
                                                      initargs=(_lib_path,)) as pool:
            # Held-out data uses its own seeds, never the training ones.
            tests = [make_set(pool, 10_000_000 + 7919 * a.seed + lv, a.test_lines, level=lv)
                     for lv in range(4)]
            Xt = np.concatenate([t[0] for t in tests])
            Yt = np.concatenate([t[1] for t in tests])
            Lt = np.concatenate([t[2] for t in tests])
            if a.eval_only:
                if a.ensemble:
                    report_ensemble([a.out] + a.ensemble, Xt, Yt, Lt)
                else:
                    report(read_model(a.out), Xt, Yt, Lt)
                return
            X, Y, _ = make_set(pool, a.seed, a.train_lines)
        for path in a.extra_cells:
            Xe, Ye = load_extra(path)
            print("extra cells from %s: %d" % (path, len(Ye)))
            X, Y = np.concatenate([X, Xe]), np.concatenate([Y, Ye])
        print("rendered %d training and %d held-out cells in %.0f s" % (len(Y), len(Yt), time.time() - t0))
        counts = np.bincount(Y, minlength=len(ALPHABET))
        print("per class: min %d (%s) max %d (%s)" % (counts.min(), ALPHABET[counts.argmin()],
                                                      counts.max(), ALPHABET[counts.argmax()]))
    rng = np.random.default_rng(a.seed)
    mu = np.zeros(N_FEATURES, np.float32)
    sd = np.ones(N_FEATURES, np.float32)
    s = slice(GRID_W * GRID_H, N_FEATURES)   # only the scalars are standardised
    mu[s] = X[:, s].mean(0)
    sd[s] = np.maximum(X[:, s].std(0), 1e-3)
    hidden = [int(v) for v in a.hidden.split(",") if v]
    ps = init_params(rng, [N_FEATURES] + hidden + [len(ALPHABET)])
    ps = train(ps, (X - mu) / sd, Y, rng, a.epochs, a.lr)
    ps = fold_normalisation(ps, mu, sd)
    n = write_model(a.out, ps)
    print("wrote %s: %d bytes, layers %s" % (a.out, n, [N_FEATURES] + hidden + [len(ALPHABET)]))
    report(read_model(a.out), Xt, Yt, Lt)
    print("total time %.0f s" % (time.time() - t0))


if __name__ == "__main__":
    main()
