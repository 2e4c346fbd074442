"""The heldout5 layout family of samples/generate.py (--layouts heldout5).

Written on 2026-12-06 by a session that tunes no rule, before any of its
pages was screened, so that the rules of that day can be judged on pages
nobody looked at. Do not inspect its pages to fix a rule (samples/README.md,
"Layouts").

What it draws, unlike every earlier family:
- captions numbered in brackets above the value in italics ("(1) Apelido /
  Surname"), under a thin rule the value stands on, or only a field number
  before each value with the captions in a legend at the top of the fields;
- caption languages paired with English whatever the issuing state:
  Portuguese, Dutch, Polish or Czech first, or English then Italian;
- names as given names on the row above the surname, as surname,
  nationality, given names (the nationality between the names), or on one
  row as "SURNAME / Given Names" (given names as written);
- dates "14 JUL/JUIL 1985" (English then French month), "14-JUL-1985" or
  "4.7.1985" (no leading zeros);
- other typefaces (Liberation Sans Narrow, Nimbus Sans, Liberation Serif,
  URW Gothic), a darker, lighter or cream paper tone;
- names also in Cyrillic or Greek in brackets after the Latin form;
- a passport data page on the lower half of a whole booklet spread (the
  upper page holds observations and an entry stamp), turned a little and
  seen in slight perspective; a visa on a passport's visa page beside entry
  stamps; the portrait on either side, a second small portrait.

Every value printed is the one the MRZ holds (genuine pages are genuine);
only the arrangement differs. The module takes generate.py's own module as
`g` so that it draws with the same helpers (canvas, guilloche, MRZ).
"""
import math
import os
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFont

FAMILY = "heldout5"
FONT_SETS = {
    "liberation_narrow": ("/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Regular.ttf",
                          "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Bold.ttf",
                          "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Italic.ttf"),
    "nimbus_sans": ("/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf",
                    "/usr/share/fonts/opentype/urw-base35/NimbusSans-Bold.otf",
                    "/usr/share/fonts/opentype/urw-base35/NimbusSans-Italic.otf"),
    "liberation_serif": ("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
                         "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
                         "/usr/share/fonts/truetype/liberation/LiberationSerif-Italic.ttf"),
    "urw_gothic": ("/usr/share/fonts/opentype/urw-base35/URWGothic-Book.otf",
                   "/usr/share/fonts/opentype/urw-base35/URWGothic-Demi.otf",
                   "/usr/share/fonts/opentype/urw-base35/URWGothic-BookOblique.otf"),
}
LANG_PAIRS = {"pt_en": ("pt", "en"), "nl_en": ("nl", "en"), "pl_en": ("pl", "en"),
              "cs_en": ("cs", "en"), "en_it": ("en", "it")}
EN_FR_MONTHS = list(zip("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(),
                        "JANV FÉVR MARS AVR MAI JUIN JUIL AOÛT SEPT OCT NOV DÉC".split()))
_cap_em = {}


def fonts_present():
    """The typefaces of FONT_SETS installed here (fonts-liberation and
    fonts-urw-base35, both in scripts/install-deps.sh)."""
    return [k for k, v in FONT_SETS.items() if all(os.path.exists(p) for p in v)]


def pick(g, rl, doc):
    """The layout of one document (a dict recorded in the truth JSON)."""
    L = {"family": FAMILY}
    L["captions"] = rl.choice(["num_paren_above", "rule_below", "legend_number"])
    L["caption_langs"] = rl.choice(sorted(LANG_PAIRS))
    L["names"] = rl.choice(["given_first_rows", "nat_between", "oneline_slash"])
    L["dates"] = rl.choice(["en_fr_month", "dash_mon", "dot_nopad"])
    L["portrait"] = rl.choice(["left", "right"])
    have = fonts_present() or ["dejavu"]
    L["font"] = rl.choice(have)
    L["paper"] = rl.choice(["dark", "light", "cream"])
    fmt = doc["format"]
    if fmt == "TD3":
        L["mount"] = rl.choice(["spread", "spread", "page"])
    elif fmt in ("MRVA", "MRVB"):
        L["mount"] = rl.choice(["visa_page", "visa_page", "page"])
    else:
        L["mount"] = "page"
    L["tilt_deg"] = round(rl.uniform(-2.5, 2.5), 2) if L["mount"] != "page" else 0.0
    L["perspective"] = round(rl.uniform(0.0, 0.03), 4) if L["mount"] != "page" else 0.0
    L["script"] = None
    if doc["name_lang"] == "ua" or rl.random() < 0.35:
        script = "cyrillic" if doc["name_lang"] == "ua" else rl.choice(["cyrillic", "greek"])
        s2 = g.second_script(g.icao_words(doc["surname"]), script)
        g2 = g.second_script(g.icao_words(doc["given_names"]), script) if doc["given_names"] else ""
        if s2 is not None and g2 is not None:
            L["script"] = script
            L["script_names"] = {"surname": s2, "given_names": g2}
            L["script_place"] = "brackets"
    L["stamp"] = rl.random() < 0.5
    L["hologram"] = rl.random() < 0.4
    L["security_print"] = rl.random() < 0.5
    L["stamp_seed"] = rl.randint(0, 10 ** 6)
    return L


def fmt_date(d, style):
    if style == "en_fr_month":
        en, fr = EN_FR_MONTHS[d.month - 1]
        return "%02d %s/%s %04d" % (d.day, en, fr, d.year) if en != fr else "%02d %s %04d" % (d.day, en, d.year)
    if style == "dash_mon":
        return "%02d-%s-%04d" % (d.day, EN_FR_MONTHS[d.month - 1][0], d.year)
    return "%d.%d.%04d" % (d.day, d.month, d.year)


def caption(g, key, L):
    a, b = LANG_PAIRS[L["caption_langs"]]
    parts = []
    for lang in (a, b):
        t = g.LABELS[lang].get(key) or g.LABELS["en"][key]
        if t not in parts:
            parts.append(t)
    return " / ".join(parts)


def fields(g, doc, L):
    """(caption keys, value, 'full' or 'half') in printing order; every value
    is what the MRZ holds, written as the page prints it."""
    natv = doc["nationality"].replace("<", "")
    if natv == "D":
        natv = "DEUTSCH" if doc["lang"] == "de" else "D"
    sur, giv = doc["surname"].upper(), doc["given_names"].upper()
    sn = L.get("script_names") or {}

    def with_script(latin, key):
        s = sn.get(key)
        return "%s (%s)" % (latin, s) if s else latin

    fd = lambda d: fmt_date(d, L["dates"])
    nat = (["nat"], natv, "half")
    style = L["names"]
    if style == "given_first_rows":
        names = [(["given"], with_script(giv, "given_names") if giv else "", "full"),
                 (["surname"], with_script(sur, "surname"), "full")]
    elif style == "nat_between":
        names = [(["surname"], with_script(sur, "surname"), "full"), (nat[0], nat[1], "full"),
                 (["given"], with_script(giv, "given_names") if giv else "", "full")]
    else:
        g_as = doc["given_names"]
        latin = sur + (" / " + g_as if g_as else "")
        s2 = (sn.get("surname", "") + (" / " + sn["given_names"] if sn.get("given_names") else "")) if sn else ""
        names = [(["surname", "given"], latin + (" (%s)" % s2 if s2 else ""), "full")]
    fmt = doc["format"]
    rest = [(["dob"], fd(doc["birth_date"]), "half"), (["sex"], doc["sex"], "half")]
    if style != "nat_between":
        rest.append(nat)
    if fmt in ("MRVA", "MRVB"):
        rest += [(["valid_from"], fd(doc["issue_date"]), "half"), (["until"], fd(doc["expiry_date"]), "half"),
                 (["type"], doc["visa_type"], "half"), (["entries"], doc["entries"], "half"),
                 (["duration"], doc["duration"], "half"), (["passno"], doc["visa_passport_number"], "half"),
                 (["docno"], doc["document_number"], "half")]
    else:
        rest += [(["pob"], doc["place_of_birth"], "half"), (["doi"], fd(doc["issue_date"]), "half"),
                 (["doe"], fd(doc["expiry_date"]), "half"),
                 (["passno" if fmt == "TD3" else "docno"], doc["document_number"], "half")]
        if fmt == "TD3":
            rest.append((["auth"], "MFA " + doc["issuing_state"].replace("<", ""), "half"))
        if doc["optional_data"] and fmt == "TD3":
            rest.append((["pers"], doc["optional_data"], "half"))
    return names + rest


def _cap(path):
    if path not in _cap_em:
        f = ImageFont.truetype(path, 200)
        l, t, r_, b = f.getbbox("H", anchor="ls")
        _cap_em[path] = max(0.5, (b - t) / 200.0)
    return _cap_em[path]


def _text(g, cv, x, y, s, cap_mm, fill, path, max_w=None, anchor="ls"):
    size = cap_mm / _cap(path) * cv.s
    f = g.font(path, size)
    if max_w is not None:
        wpx = cv.d.textlength(s, font=f)
        if wpx > cv.px(max_w):
            f = g.font(path, size * cv.px(max_w) / wpx)
    cv.d.text((cv.px(x), cv.px(y)), s, font=f, fill=fill, anchor=anchor)
    return cv.d.textlength(s, font=f) / cv.s


def _paper(img, tone, rs):
    a = np.asarray(img, np.float32)
    if tone == "dark":
        a = a * rs.uniform(0.80, 0.88)
    elif tone == "light":
        a = a * 0.5 + 255 * 0.5
    else:  # cream
        a = a * np.array([0.99, 0.95, 0.84], np.float32)
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB")


def _cell(g, cv, x, y, w, caps, value, L, num, fonts, lab_fill, val_fill, Lc, Vc):
    reg, bold, ital = fonts
    style = L["captions"]
    if style == "num_paren_above":
        _text(g, cv, x, y + Lc, "(%d) %s" % (num, caps), Lc, lab_fill, ital, max_w=w)
        _text(g, cv, x, y + Lc * 1.9 + Vc, value, Vc, val_fill, bold, max_w=w)
    elif style == "rule_below":
        base = y + Vc * 1.1
        _text(g, cv, x + 0.4, base, value, Vc, val_fill, bold, max_w=w - 0.4)
        yy = cv.px(base + Vc * 0.35)
        cv.d.line([(cv.px(x), yy), (cv.px(x + w - 1), yy)], fill=lab_fill, width=max(1, int(cv.s * 0.1)))
        _text(g, cv, x, base + Vc * 0.35 + Lc * 1.25, caps.upper(), Lc * 0.85, lab_fill, reg, max_w=w)
    else:  # legend_number: a small field number before the value
        _text(g, cv, x, y + Vc * 1.1, str(num), Lc * 0.9, lab_fill, reg)
        _text(g, cv, x + Lc * 1.8, y + Vc * 1.1, value, Vc, val_fill, bold, max_w=w - Lc * 1.8)


def _cell_h(style, Lc, Vc):
    if style == "num_paren_above":
        return Lc * 1.9 + Vc + Vc * 0.6
    if style == "rule_below":
        return Vc * 1.45 + Lc * 1.25 + Vc * 0.5
    return Vc * 1.1 + Vc * 0.8


def _face(g, doc, dpi, r, L, rs):
    """The document face(s) drawn in this family. Same return as
    generate.render_document."""
    fmt = doc["format"]
    w_mm, h_mm = g.DOC_SIZE_MM[fmt]
    colors = g.palette(r)
    nlines, _ = g.MRZ_SHAPE[fmt]
    lab_fill = tuple(max(0, v - 140) for v in colors[1])
    val_fill = (20, 18, 25)
    fonts = FONT_SETS.get(L["font"]) or (g.DEJAVU + "DejaVuSans.ttf", g.DEJAVU + "DejaVuSans-Bold.ttf",
                                         g.DEJAVU + "DejaVuSans.ttf")
    x_jit, y_jit = r.uniform(-0.6, 0.6), r.uniform(-0.4, 0.4)
    mrz_top_mm = h_mm - g.MRZ_BOTTOM_MM[fmt] - (nlines - 1) * g.MRZ_LINE_MM - 4.5
    s = dpi / 25.4

    def face(has_mrz=True):
        W, H = int(round(w_mm * s)), int(round(h_mm * s))
        top = mrz_top_mm * s if has_mrz else H + 1
        return g.Canvas(w_mm, h_mm, dpi, _paper(g.guilloche(W, H, dpi, r, colors, top), L["paper"], rs))

    title = "passport" if fmt == "TD3" else "visa" if fmt in ("MRVA", "MRVB") else (
        "resid" if doc["residence"] else "idcard")
    cv = face(has_mrz=fmt != "TD1")
    g.header(cv, doc, title, colors, r)
    head_mm = {"TD3": 14.0, "MRVA": 12.0, "TD2": 11.0, "MRVB": 11.0, "TD1": 10.0}[fmt]
    bottom = (mrz_top_mm - 1.0) if fmt != "TD1" else h_mm - 4.0
    pw = {"TD3": 30, "MRVA": 27, "TD2": 23, "MRVB": 23, "TD1": 21}[fmt]
    ph = pw * 1.28
    if L["portrait"] == "left":
        px, fx0, fx1 = 4.0, pw + 8.0, w_mm - 4.0
    else:
        px, fx0, fx1 = w_mm - pw - 4.0, 5.0, w_mm - pw - 8.0
    flds = fields(g, doc, L)
    if L["security_print"]:
        g._security_print(cv, rs, doc, (fx0 - 1, head_mm - 1, fx1 + 1, bottom), colors[1])
    g.portrait(cv, px, head_mm + 0.5, pw, min(ph, bottom - head_mm - 1), r)
    sp = pw * 0.35
    spx = px + pw - sp if L["portrait"] == "left" else px
    if head_mm + ph + 1.5 + sp * 1.28 < bottom:
        g.portrait(cv, spx, head_mm + ph + 1.5, sp, sp * 1.28, rs, ghost=True)
    rows, cur = [], []
    for f in flds:
        if f[2] == "full":
            if cur:
                rows.append(cur)
                cur = []
            rows.append([f])
        else:
            cur.append(f)
            if len(cur) == 2:
                rows.append(cur)
                cur = []
    if cur:
        rows.append(cur)
    Lc0, Vc0 = {"TD3": (1.0, 1.95), "MRVA": (0.95, 1.85), "TD2": (0.85, 1.6), "MRVB": (0.85, 1.6),
                "TD1": (0.75, 1.45)}[fmt]
    y = head_mm
    if L["captions"] == "legend_number":
        # The legend: every field's number and caption in small print.
        items = []
        for i, f in enumerate(flds, 1):
            items.append("%d %s" % (i, ", ".join(caption(g, k, L) for k in f[0])))
        leg_c = max(0.5, Lc0 * 0.62)
        line, lines = "", []
        for it in items:
            t = (line + "   " + it) if line else it
            if len(t) * leg_c * 0.62 > (fx1 - fx0) and line:
                lines.append(line)
                line = it
            else:
                line = t
        lines.append(line)
        for ln in lines[:4]:
            y += leg_c * 1.6
            _text(g, cv, fx0, y, ln, leg_c, lab_fill, fonts[2], max_w=fx1 - fx0)
        y += leg_c * 1.2
    avail = bottom - y
    need = _cell_h(L["captions"], Lc0, Vc0)
    k = min(1.0, avail / (need * len(rows)))
    Lc, Vc = max(0.55, Lc0 * k), max(1.0, Vc0 * k)
    rh = max(_cell_h(L["captions"], Lc, Vc), min(avail / len(rows), need * 1.2))
    cells = []
    n = 0
    for row in rows:
        wd = (fx1 - fx0) / (1 if row[0][2] == "full" else 2)
        x = fx0
        for keys, value, _ in row:
            n += 1
            caps = ", ".join(caption(g, k_, L) for k_ in keys)
            _cell(g, cv, x, y, wd - 1.5, caps, value or "-", L, n, fonts, lab_fill, val_fill, Lc, Vc)
            cells.append((x, y, wd - 1.5, rh))
            x += wd
        y += rh
    if fmt != "TD1":
        g.signature(cv, fx0 + (fx1 - fx0) * 0.5, min(y, bottom - 4), 18, 3.2, r)
    if L["hologram"]:
        g._hologram(cv, rs, (max(0, px - 2), head_mm, min(w_mm, px + pw + 14), min(bottom, head_mm + ph + 2)))
    if L["stamp"] and cells:
        g._stamp(cv, rs, rs.choice(cells), True)
    if fmt == "TD1":
        back = face()
        back.label_value(4, 5, g.lab(doc, "address"), "%d %s" % (r.randint(1, 120), r.choice(
            ["RUA DAS FLORES", "KERKSTRAAT", "ULICA POLNA", "NÁDRAŽNÍ", "VIA ROMA"])), 0.8, 1.4, 50, lab_fill, val_fill)
        back.label_value(4, 11.5, g.lab(doc, "auth"), "CITY OF " + g.PLACES[doc["name_lang"]][0], 0.8, 1.4, 45,
                         lab_fill, val_fill)
        box, pitch, cap = g.render_mrz(back, doc, r, x_jit, y_jit)
        faces = [cv, back]
    else:
        box, pitch, cap = g.render_mrz(cv, doc, r, x_jit, y_jit)
        faces = [cv]
    if doc.get("printed_specimen"):
        g.stamp_specimen(faces[0], doc["format"])
    return g.assemble_faces(faces, box, pitch, cap, fmt, r, s)


def _perspective_coeffs(src, dst):
    """PIL PERSPECTIVE data mapping output points dst to input points src."""
    A, b = [], []
    for (x, y), (u, v) in zip(dst, src):
        A.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        A.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        b += [u, v]
    return list(np.linalg.solve(np.array(A, np.float64), np.array(b, np.float64)))


def _apply(c, p):
    a, b_, cc, d, e, f, g_, h = c
    # Inverse of the output->input map, for a point of the input: solve.
    M = np.array([[a, b_, cc], [d, e, f], [g_, h, 1.0]])
    q = np.linalg.solve(M, np.array([p[0], p[1], 1.0]))
    return q[0] / q[2], q[1] / q[2]


def _upper_page(g, doc, dpi, w_mm, h_mm, rs, L, title):
    """The booklet's other page: observations or a visa page, with entry stamps."""
    s = dpi / 25.4
    W, H = int(round(w_mm * s)), int(round(h_mm * s))
    base = rs.choice([(247, 248, 242), (244, 246, 250), (250, 246, 240)])
    img = _paper(Image.new("RGB", (W, H), base), L["paper"], rs)
    cv = g.Canvas(w_mm, h_mm, dpi, img)
    fonts = FONT_SETS.get(L["font"]) or (g.DEJAVU + "DejaVuSans.ttf",) * 3
    ink = (90, 90, 110)
    _text(g, cv, w_mm / 2, 9, title, 1.8, ink, fonts[0], max_w=w_mm - 10, anchor="ms")
    cv.d.line([(cv.px(8), cv.px(12)), (cv.px(w_mm - 8), cv.px(12))], fill=ink, width=max(1, int(s * 0.1)))
    _text(g, cv, w_mm - 6, h_mm - 4, str(rs.randint(2, 3)), 1.4, ink, fonts[0], anchor="rs")
    cells = [(rs.uniform(8, w_mm - 40), rs.uniform(16, h_mm - 40), 24, 20) for _ in range(rs.randint(1, 3))]
    for c in cells:
        g._stamp(cv, rs, c, True)
    return cv.im


def mount(g, sheet, mask, box, doc, dpi, rs, L):
    """Lays the rendered document on a booklet spread or a visa page, turned
    by L['tilt_deg'] and seen in slight perspective. Returns (sheet, mask,
    mrz box) with the MRZ box the axis-aligned box of its turned corners."""
    fmt = doc["format"]
    s = dpi / 25.4
    W, H = sheet.size
    pw_mm, ph_mm = W / s + 6.0, H / s + 6.0
    if fmt == "TD3":
        upper_h = ph_mm
        title = "OBSERVATIONS / " + caption(g, "remarks", L).upper()
    else:
        pw_mm, ph_mm = 125.0 + 3.0, 88.0 * 2 + 3.0
        upper_h = ph_mm - H / s - 12.0
        title = g.LABELS["en"]["visa"] + "S"
    SW, SH = int(round(pw_mm * s)), int(round((upper_h + H / s + 6.0) * s)) if fmt == "TD3" else int(round(ph_mm * s))
    page = _upper_page(g, doc, dpi, SW / s, SH / s, rs, L, title)
    if fmt == "TD3":
        fold = int(round(upper_h * s))
        d = ImageDraw.Draw(page)
        d.line([(0, fold), (SW, fold)], fill=(150, 150, 150), width=max(1, int(s * 0.3)))
        ox, oy = int(round(3.0 * s)), fold + int(round(3.0 * s))
    else:
        ox = int(round(rs.uniform(2.0, (SW / s) - W / s - 2.0) * s))
        oy = SH - H - int(round(rs.uniform(5.0, 9.0) * s))
    # Turn the document by the tilt about its centre.
    rgba = sheet.copy()
    rgba.putalpha(mask)
    t = L["tilt_deg"]
    rot = rgba.rotate(-t, resample=Image.BILINEAR, expand=True)
    th = math.radians(t)
    cx, cy = W / 2, H / 2
    RW, RH = rot.size

    def turn(p):
        x, y = p[0] - cx, p[1] - cy
        return (x * math.cos(th) - y * math.sin(th) + RW / 2, x * math.sin(th) + y * math.cos(th) + RH / 2)

    px0, py0 = ox - (RW - W) // 2, oy - (RH - H) // 2
    page.paste(rot, (px0, py0), rot.getchannel("A"))
    corners = [(box[0], box[1]), (box[2], box[1]), (box[2], box[3]), (box[0], box[3])]
    pts = [(x + px0, y + py0) for x, y in (turn(p) for p in corners)]
    out_mask = Image.new("L", page.size, 255)
    # Slight perspective: the top edge narrower by the perspective share.
    k = L["perspective"]
    if k > 0:
        dx = SW * k
        src = [(0, 0), (SW, 0), (SW, SH), (0, SH)]
        dst = [(dx, 0), (SW - dx, 0), (SW, SH), (0, SH)]
        coeffs = _perspective_coeffs(src, dst)
        page = page.transform(page.size, Image.PERSPECTIVE, coeffs, resample=Image.BILINEAR,
                              fillcolor=(255, 255, 255))
        out_mask = out_mask.transform(page.size, Image.PERSPECTIVE, coeffs, resample=Image.BILINEAR, fillcolor=0)
        pts = [_apply(coeffs, p) for p in pts]
    mbox = [int(math.floor(min(p[0] for p in pts))), int(math.floor(min(p[1] for p in pts))),
            int(math.ceil(max(p[0] for p in pts))), int(math.ceil(max(p[1] for p in pts)))]
    return page, out_mask, mbox


def render(g, doc, dpi, r, L):
    """generate.render_layout for this family: the face(s), then the mount."""
    rs = random.Random(L["stamp_seed"])
    sheet, mask, box, pitch, cap = _face(g, doc, dpi, r, L, rs)
    if L["mount"] != "page":
        sheet, mask, box = mount(g, sheet, mask, box, doc, dpi, rs, L)
    return sheet, mask, box, pitch, cap
