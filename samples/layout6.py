"""The heldout6 layout family of samples/generate.py (--layouts heldout6).

Written on 2026-12-06 by a session that tunes no rule, before any of its
pages was screened, so that the rules of that day can be judged on pages
nobody looked at. Do not inspect its pages to fix a rule (samples/README.md,
"Layouts").

What it draws, unlike every earlier family:
- captions to the right of the value on its baseline, in small capitals in
  a column left of the value, in small capitals above a ruled box holding
  the value, or right-aligned above a tinted band holding the value;
- caption languages Spanish, German, Swedish, Turkish, Finnish with
  Swedish, or Greek written in Latin letters ("Epitheto"), each with
  English, whatever the issuing state;
- names on two rows, under one caption on two lines (surname, then given
  names), or the given names as written (mixed case) on their own row;
- dates "14 07 1985", "14/JUL/1985", "JUL 14 1985" or a national month
  with the English one ("14 HEINÄ/JUL 1985");
- a wave-line security background of darker ink under the fields, the
  ghost image right beside the portrait, sometimes a second, smaller
  portrait, authority and place of birth lines;
- identity cards (TD1) with front and back side by side, not one above
  the other;
- a phone-photo look on part of the pages: uneven lighting (a bright spot
  and a darker corner), a mild blur, a slight keystone; and every JPEG at
  quality 60-75 (scan(), applied before the labels).

Every value printed is the one the MRZ holds (genuine pages are genuine);
only the arrangement differs. The module takes generate.py's own module as
`g` so that it draws with the same helpers (canvas, guilloche, MRZ).
"""
import math
import os
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

import layout5  # the perspective helpers

FAMILY = "heldout6"
_U = "/usr/share/fonts/opentype/urw-base35/"
_D = "/usr/share/fonts/truetype/dejavu/"
FONT_SETS = {  # regular, bold, italic; none of them used by another family's fields
    "c059": (_U + "C059-Roman.otf", _U + "C059-Bold.otf", _U + "C059-Italic.otf"),
    "p052": (_U + "P052-Roman.otf", _U + "P052-Bold.otf", _U + "P052-Italic.otf"),
    "bookman": (_U + "URWBookman-Light.otf", _U + "URWBookman-Demi.otf", _U + "URWBookman-LightItalic.otf"),
    "dejavu_condensed": (_D + "DejaVuSansCondensed.ttf", _D + "DejaVuSansCondensed-Bold.ttf",
                         _D + "DejaVuSansCondensed-Oblique.ttf"),
}
# Captions in languages generate.LABELS lacks: Finnish, and Greek written in
# Latin letters as many Greek forms print it beside the Greek script.
EXTRA_LABELS = {
    "fi": {"surname": "Sukunimi", "given": "Etunimet", "nat": "Kansalaisuus", "dob": "Syntymäaika",
           "sex": "Sukupuoli", "pob": "Syntymäpaikka", "doi": "Myöntämispäivä", "doe": "Voimassa",
           "auth": "Myöntäjä", "docno": "Asiakirjan numero", "passno": "Passin numero", "type": "Tyyppi",
           "pers": "Henkilötunnus", "valid_from": "Voimassa alkaen", "until": "asti",
           "entries": "Maahantulokerrat", "duration": "Oleskelun kesto", "address": "Osoite",
           "names": "Sukunimi ja etunimet"},
    "el": {"surname": "Epitheto", "given": "Onomata", "nat": "Ithageneia", "dob": "Imerominia gennisis",
           "sex": "Fylo", "pob": "Topos gennisis", "doi": "Imerominia ekdosis", "doe": "Imerominia lixis",
           "auth": "Archi ekdosis", "docno": "Arithmos engrafou", "passno": "Arithmos diavatiriou",
           "type": "Typos", "pers": "Prosopikos arithmos", "valid_from": "Ischyei apo", "until": "eos",
           "entries": "Arithmos eisodon", "duration": "Diarkeia paramonis", "address": "Diefthynsi",
           "names": "Epitheto kai onomata"},
}
NAMES_CAPTION = {"en": "Surname and given names", "es": "Apellidos y nombre", "de": "Name und Vornamen",
                 "sv": "Efternamn och förnamn", "tr": "Soyadı ve adı"}
LANG_PAIRS = {"es_en": ("es", "en"), "de_en": ("de", "en"), "sv_en": ("sv", "en"), "tr_en": ("tr", "en"),
              "fi_sv": ("fi", "sv"), "el_en": ("el", "en")}
NAT_MONTHS = {
    "es": "ENE FEB MAR ABR MAY JUN JUL AGO SEP OCT NOV DIC".split(),
    "de": "JAN FEB MÄR APR MAI JUN JUL AUG SEP OKT NOV DEZ".split(),
    "sv": "JAN FEB MARS APR MAJ JUNI JULI AUG SEPT OKT NOV DEC".split(),
    "tr": "OCA ŞUB MAR NİS MAY HAZ TEM AĞU EYL EKİ KAS ARA".split(),
    "fi": "TAMMI HELMI MAALIS HUHTI TOUKO KESÄ HEINÄ ELO SYYS LOKA MARRAS JOULU".split(),
    "el": "IAN FEV MAR APR MAI IOUN IOUL AVG SEP OKT NOE DEK".split(),
}
EN_MONTHS = "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split()
AUTHORITIES = ["POLICE HQ %s", "MINISTRY OF INTERIOR", "PASSPORT OFFICE %s", "CONSULATE GENERAL",
               "REGISTRY OFFICE %s"]
_cap_em = {}


def fonts_present():
    """The typefaces of FONT_SETS installed here (fonts-urw-base35 and
    fonts-dejavu-extra, both in scripts/install-deps.sh)."""
    return [k for k, v in FONT_SETS.items() if all(os.path.exists(p) for p in v)]


def scan(rq, sc):
    """This family's scan: the seed's own scan with a JPEG quality of 60-75
    (phone cameras and web uploads), drawn from a stream of its own. Called
    before the case label is applied, so IMAGE_EDITED's second save still
    differs by at least 8."""
    if sc.get("out") == "jpg":
        sc["jpeg_quality"] = rq.randint(60, 75)
    return sc


def pick(g, rl, doc):
    """The layout of one document (a dict recorded in the truth JSON)."""
    L = {"family": FAMILY}
    L["captions"] = rl.choice(["right_of_value", "smallcaps_left", "boxed", "band"])
    L["caption_langs"] = rl.choice(sorted(LANG_PAIRS))
    L["names"] = rl.choice(["two_rows", "one_caption", "given_as_written"])
    L["dates"] = rl.choice(["space_num", "slash_mon", "mon_first", "nat_en_month"])
    L["portrait"] = rl.choice(["left", "right"])
    have = fonts_present() or ["dejavu_condensed"]
    L["font"] = rl.choice(have)
    L["second_portrait"] = rl.random() < 0.4
    L["waves"] = rl.random() < 0.7
    L["stamp"] = rl.random() < 0.45
    L["phone"] = rl.random() < 0.5
    if L["phone"]:
        L["light"] = round(rl.uniform(0.12, 0.3), 3)
        L["blur_pitch"] = round(rl.uniform(0.012, 0.03), 4)  # sigma as a share of the MRZ pitch
        L["keystone"] = round(rl.uniform(0.0, 0.02), 4)
    L["stamp_seed"] = rl.randint(0, 10 ** 6)
    return L


def fmt_date(d, style, lang):
    if style == "space_num":
        return "%02d %02d %04d" % (d.day, d.month, d.year)
    if style == "slash_mon":
        return "%02d/%s/%04d" % (d.day, EN_MONTHS[d.month - 1], d.year)
    if style == "mon_first":
        return "%s %02d %04d" % (EN_MONTHS[d.month - 1], d.day, d.year)
    nat = NAT_MONTHS.get(lang, EN_MONTHS)[d.month - 1]
    en = EN_MONTHS[d.month - 1]
    return "%02d %s/%s %04d" % (d.day, nat, en, d.year) if nat != en else "%02d %s %04d" % (d.day, en, d.year)


def _label(g, lang, key):
    if lang in EXTRA_LABELS:
        return EXTRA_LABELS[lang].get(key) or g.LABELS["en"].get(key, key)
    if key == "names":
        return NAMES_CAPTION.get(lang, NAMES_CAPTION["en"])
    return g.LABELS[lang].get(key) or g.LABELS["en"][key]


def caption(g, key, L):
    a, b = LANG_PAIRS[L["caption_langs"]]
    parts = []
    for lang in (a, b):
        t = _label(g, lang, key)
        if t not in parts:
            parts.append(t)
    return " / ".join(parts)


def fields(g, doc, L):
    """(caption key, value lines, 'full' or 'half') in printing order; every
    value is what the MRZ holds, written as the page prints it."""
    natv = doc["nationality"].replace("<", "")
    if natv == "D":
        natv = "DEUTSCH" if doc["lang"] == "de" else "D"
    sur, giv = doc["surname"].upper(), doc["given_names"].upper()
    lang = LANG_PAIRS[L["caption_langs"]][0]
    fd = lambda d: fmt_date(d, L["dates"], lang)
    style = L["names"]
    if style == "one_caption":
        names = [("names", [sur, giv] if giv else [sur], "full")]
    elif style == "given_as_written":
        names = [("surname", [sur], "full"), ("given", [doc["given_names"] or "-"], "full")]
    else:
        names = [("surname", [sur], "full"), ("given", [giv or "-"], "full")]
    fmt = doc["format"]
    rest = [("dob", [fd(doc["birth_date"])], "half"), ("sex", [doc["sex"]], "half"),
            ("nat", [natv], "half")]
    if fmt in ("MRVA", "MRVB"):
        rest += [("valid_from", [fd(doc["issue_date"])], "half"), ("until", [fd(doc["expiry_date"])], "half"),
                 ("type", [doc["visa_type"]], "half"), ("entries", [doc["entries"]], "half"),
                 ("duration", [doc["duration"]], "half"), ("passno", [doc["visa_passport_number"]], "half"),
                 ("docno", [doc["document_number"]], "half")]
    else:
        rest += [("pob", [doc["place_of_birth"]], "half"), ("doi", [fd(doc["issue_date"])], "half"),
                 ("doe", [fd(doc["expiry_date"])], "half"),
                 ("passno" if fmt == "TD3" else "docno", [doc["document_number"]], "half")]
        if fmt != "TD1":
            a = AUTHORITIES[sum(map(ord, doc["document_number"])) % len(AUTHORITIES)]
            rest.append(("auth", [a % doc["place_of_birth"] if "%s" in a else a], "full"))
        if doc["optional_data"] and fmt == "TD3":
            rest.append(("pers", [doc["optional_data"]], "half"))
    return names + rest


def _cap(path):
    if path not in _cap_em:
        f = ImageFont.truetype(path, 200)
        l, t, r_, b = f.getbbox("H", anchor="ls")
        _cap_em[path] = max(0.5, (b - t) / 200.0)
    return _cap_em[path]


def _font_for(g, cv, path, cap_mm):
    return g.font(path, cap_mm / _cap(path) * cv.s)


def _text(g, cv, x, y, s, cap_mm, fill, path, max_w=None, anchor="ls"):
    f = _font_for(g, cv, path, cap_mm)
    if max_w is not None:
        wpx = cv.d.textlength(s, font=f)
        if wpx > cv.px(max_w):
            f = g.font(path, f.size * cv.px(max_w) / wpx)
    cv.d.text((cv.px(x), cv.px(y)), s, font=f, fill=fill, anchor=anchor)
    return cv.d.textlength(s, font=f) / cv.s


def _smallcaps(g, cv, x, y, s, cap_mm, fill, path, max_w=None, right=False):
    """Small capitals: each word's first letter a capital of cap_mm, the rest
    capitals of 0.75 cap_mm, on one baseline. Returns the width in mm."""
    big, small = _font_for(g, cv, path, cap_mm), _font_for(g, cv, path, cap_mm * 0.75)
    pieces = []
    for w in s.split(" "):
        if not w:
            continue
        pieces.append((w[0].upper(), big))
        if len(w) > 1:
            pieces.append((w[1:].upper(), small))
        pieces.append((" ", small))
    if pieces:
        pieces.pop()
    width = sum(cv.d.textlength(t, font=f) for t, f in pieces)
    k = 1.0
    if max_w is not None and width > cv.px(max_w):
        k = cv.px(max_w) / width
        pieces = [(t, g.font(path, f.size * k)) for t, f in pieces]
        width *= k
    cx = cv.px(x) - (width if right else 0)
    for t, f in pieces:
        cv.d.text((cx, cv.px(y)), t, font=f, fill=fill, anchor="ls")
        cx += cv.d.textlength(t, font=f)
    return width / cv.s


def _cell(g, cv, x, y, w, cap, lines, L, fonts, lab_fill, val_fill, band_fill, Lc, Vc):
    reg, bold, ital = fonts
    style = L["captions"]
    lh = Vc * 1.45
    if style == "right_of_value":
        base = y + Vc * 1.15
        vw = 0.0
        for i, v in enumerate(lines):
            vw = max(vw, _text(g, cv, x, base + i * lh, v, Vc, val_fill, bold, max_w=w * 0.62))
        cx = x + max(vw + 2.0, w * 0.45)
        room = max(4.0, x + w - cx)
        parts = cap.split(" / ")
        if len(parts) == 2 and cv.d.textlength(cap, font=_font_for(g, cv, ital, Lc)) > cv.px(room):
            # Too long for one line: the two languages stacked, the English on the baseline.
            _text(g, cv, cx, base - Lc * 1.45, parts[0], Lc, lab_fill, ital, max_w=room)
            _text(g, cv, cx, base, parts[1], Lc, lab_fill, ital, max_w=room)
        else:
            _text(g, cv, cx, base, cap, Lc, lab_fill, ital, max_w=room)
    elif style == "smallcaps_left":
        cw = w * 0.36
        base = y + Vc * 1.15
        _smallcaps(g, cv, x, base, cap, Lc, lab_fill, reg, max_w=cw - 1.0)
        for i, v in enumerate(lines):
            _text(g, cv, x + cw, base + i * lh, v, Vc, val_fill, bold, max_w=w - cw)
    elif style == "boxed":
        _smallcaps(g, cv, x + 0.3, y + Lc * 1.05, cap, Lc, lab_fill, reg, max_w=w - 0.6)
        top = y + Lc * 1.5
        bh = Vc * 1.6 + (len(lines) - 1) * lh
        cv.d.rectangle([cv.px(x), cv.px(top), cv.px(x + w - 0.6), cv.px(top + bh)], outline=lab_fill,
                       width=max(1, int(cv.s * 0.08)))
        for i, v in enumerate(lines):
            _text(g, cv, x + 0.8, top + Vc * 1.3 + i * lh, v, Vc, val_fill, bold, max_w=w - 2.2)
    else:  # band: the value on a tinted band, the caption right-aligned above it
        _text(g, cv, x + w - 0.6, y + Lc * 1.05, cap, Lc, lab_fill, reg, max_w=w - 0.6, anchor="rs")
        top = y + Lc * 1.45
        bh = Vc * 1.55 + (len(lines) - 1) * lh
        cv.d.rectangle([cv.px(x), cv.px(top), cv.px(x + w - 0.6), cv.px(top + bh)], fill=band_fill)
        for i, v in enumerate(lines):
            _text(g, cv, x + 0.6, top + Vc * 1.25 + i * lh, v, Vc, val_fill, bold, max_w=w - 1.8)


def _cell_h(style, Lc, Vc, nlines):
    extra = (nlines - 1) * Vc * 1.45
    if style in ("right_of_value", "smallcaps_left"):
        return Vc * 1.9 + extra
    return Lc * 1.5 + Vc * 1.6 + Vc * 0.5 + extra


def _wave_lines(cv, rs, box_mm, col):
    """A wave-line security background: two crossing families of sine lines
    in a pale but visible ink, under the fields (darker than the page's own
    guilloche)."""
    x0, y0, x1, y1 = [int(cv.px(v)) for v in box_mm]
    if x1 - x0 < 4 or y1 - y0 < 4:
        return
    y, x = np.mgrid[y0:y1, x0:x1].astype(np.float32) / cv.s
    a = np.zeros(x.shape, np.float32)
    for _ in range(2):
        amp, lam, ph = rs.uniform(0.6, 1.6), rs.uniform(6, 14), rs.uniform(0, 6.3)
        sp = rs.uniform(0.9, 1.5)
        slope = rs.uniform(-0.3, 0.3)
        phase = (y + slope * x + amp * np.sin(2 * np.pi * x / lam + ph)) / sp
        d = np.abs((phase % 1.0) - 0.5)
        a = np.maximum(a, (d > 0.44).astype(np.float32))
    a = (a * rs.uniform(0.22, 0.35))[..., None]
    ink = np.array([max(0, v - 60) for v in col], np.float32)
    box = (x0, y0, x1, y1)
    region = np.asarray(cv.im.crop(box), np.float32)
    out = region * (1 - a) + ink * a
    cv.im.paste(Image.fromarray(np.clip(out, 0, 255).astype(np.uint8), "RGB"), box[:2])


def _side_by_side(g, faces, box, pitch, cap, r, s):
    """A TD1 card's front and back next to each other (front left) on one
    sheet with rounded-corner masks. Same return as generate.assemble_faces."""
    gap = int(round(r.uniform(4, 12) * s))
    W = sum(f.w for f in faces) + gap
    H = max(f.h for f in faces)
    sheet = Image.new("RGB", (W, H), (255, 255, 255))
    mask = Image.new("L", (W, H), 0)
    md, sd = ImageDraw.Draw(mask), ImageDraw.Draw(sheet)
    rad = 3.18 * s
    xoff = 0
    for f in faces:
        sheet.paste(f.im, (xoff, 0))
        md.rounded_rectangle([xoff, 0, xoff + f.w - 1, f.h - 1], radius=rad, fill=255)
        sd.rounded_rectangle([xoff, 0, xoff + f.w - 1, f.h - 1], radius=rad, outline=(200, 200, 200))
        xoff += f.w + gap
    xb = faces[0].w + gap
    return sheet, mask, [box[0] + xb, box[1], box[2] + xb, box[3]], pitch, cap


def _face(g, doc, dpi, r, L, rs):
    fmt = doc["format"]
    w_mm, h_mm = g.DOC_SIZE_MM[fmt]
    colors = g.palette(r)
    nlines, _ = g.MRZ_SHAPE[fmt]
    lab_fill = tuple(max(0, v - 150) for v in colors[1])
    val_fill = (18, 20, 28)
    band_fill = tuple(min(255, int(v * 0.55 + 255 * 0.45)) for v in colors[0])
    band_fill = tuple(max(0, v - 18) for v in band_fill)
    fonts = FONT_SETS.get(L["font"]) or FONT_SETS["dejavu_condensed"]
    x_jit, y_jit = r.uniform(-0.6, 0.6), r.uniform(-0.4, 0.4)
    mrz_top_mm = h_mm - g.MRZ_BOTTOM_MM[fmt] - (nlines - 1) * g.MRZ_LINE_MM - 4.5
    s = dpi / 25.4

    def face(has_mrz=True):
        W, H = int(round(w_mm * s)), int(round(h_mm * s))
        top = mrz_top_mm * s if has_mrz else H + 1
        return g.Canvas(w_mm, h_mm, dpi, g.guilloche(W, H, dpi, r, colors, top))

    title = "passport" if fmt == "TD3" else "visa" if fmt in ("MRVA", "MRVB") else (
        "resid" if doc["residence"] else "idcard")
    cv = face(has_mrz=fmt != "TD1")
    g.header(cv, doc, title, colors, r)
    head_mm = {"TD3": 14.0, "MRVA": 12.0, "TD2": 11.0, "MRVB": 11.0, "TD1": 10.0}[fmt]
    bottom = (mrz_top_mm - 1.0) if fmt != "TD1" else h_mm - 3.5
    pw = {"TD3": 28, "MRVA": 25, "TD2": 21, "MRVB": 21, "TD1": 19}[fmt]
    ph = min(pw * 1.28, bottom - head_mm - 1)
    gw = pw * 0.42  # the ghost image beside the portrait
    if L["portrait"] == "left":
        px, gx = 3.5, 3.5 + pw + 0.8
        fx0, fx1 = gx + gw + 3.0, w_mm - 3.5
    else:
        px = w_mm - pw - 3.5
        gx = px - 0.8 - gw
        fx0, fx1 = 4.0, gx - 3.0
    if L["waves"]:
        _wave_lines(cv, rs, (fx0 - 1, head_mm - 0.5, fx1 + 1, bottom), colors[1])
    g.portrait(cv, px, head_mm + 0.5, pw, ph, r)
    g.portrait(cv, gx, head_mm + 0.5 + ph * 0.25, gw, gw * 1.28, rs, ghost=True)
    if L["second_portrait"]:
        sp = pw * 0.36
        if head_mm + ph + 1.5 + sp * 1.28 < bottom:
            g.portrait(cv, px + (pw - sp if L["portrait"] == "left" else 0), head_mm + ph + 1.5, sp, sp * 1.28, rs)
    flds = fields(g, doc, L)
    if fmt == "TD1":  # the card front holds the names, dates and number; the rest goes on the back
        back_keys = ("pob", "doi")
        front_f = [f for f in flds if f[0] not in back_keys]
        back_f = [f for f in flds if f[0] in back_keys]
    else:
        front_f, back_f = flds, []
    rows, cur = [], []
    for f in front_f:
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
    Lc0, Vc0 = {"TD3": (1.0, 1.9), "MRVA": (0.95, 1.8), "TD2": (0.85, 1.55), "MRVB": (0.85, 1.55),
                "TD1": (0.75, 1.4)}[fmt]
    style = L["captions"]
    avail = bottom - head_mm
    need = sum(max(_cell_h(style, Lc0, Vc0, len(f[1])) for f in row) for row in rows)
    k = min(1.0, avail / need)
    Lc, Vc = max(0.55, Lc0 * k), max(1.0, Vc0 * k)
    spare = max(0.0, avail - sum(max(_cell_h(style, Lc, Vc, len(f[1])) for f in row) for row in rows))
    gapr = min(spare / max(1, len(rows)), Vc * 0.5)
    y = head_mm
    cells = []
    for row in rows:
        wd = (fx1 - fx0) / (1 if row[0][2] == "full" else 2)
        x = fx0
        rh = max(_cell_h(style, Lc, Vc, len(f[1])) for f in row)
        for key, lines, _ in row:
            _cell(g, cv, x, y, wd - 1.5, caption(g, key, L), lines, L, fonts, lab_fill, val_fill, band_fill,
                  Lc, Vc)
            cells.append((x, y, wd - 1.5, rh))
            x += wd
        y += rh + gapr
    if fmt != "TD1":
        g.signature(cv, fx0 + (fx1 - fx0) * 0.5, min(y, bottom - 4), 18, 3.0, r)
    if L["stamp"] and cells:
        g._stamp(cv, rs, rs.choice(cells), True)
    if fmt == "TD1":
        back = face()
        bL = dict(L, captions="smallcaps_left" if style in ("right_of_value", "smallcaps_left") else style)
        by = 3.0
        for key, lines, _ in back_f + [("auth", ["CITY OF " + g.PLACES[doc["name_lang"]][0]], "full")]:
            _cell(g, back, 4.0, by, 58.0, caption(g, key, L), lines, bL, fonts, lab_fill, val_fill, band_fill,
                  0.72, 1.3)
            by += _cell_h(bL["captions"], 0.72, 1.3, 1) + 0.3
        g.portrait(back, 68, 4, 12, 15, r, ghost=True)
        box, pitch, cap = g.render_mrz(back, doc, r, x_jit, y_jit)
        faces = [cv, back]
    else:
        box, pitch, cap = g.render_mrz(cv, doc, r, x_jit, y_jit)
        faces = [cv]
    if doc.get("printed_specimen"):
        g.stamp_specimen(faces[0], doc["format"])
    if fmt == "TD1":
        return _side_by_side(g, faces, box, pitch, cap, r, s)
    return g.assemble_faces(faces, box, pitch, cap, fmt, r, s)


def _phone(sheet, mask, box, pitch, L, rs):
    """Uneven lighting (a bright spot, a darker far corner), a mild blur and
    a slight keystone, as a phone photo of the document has."""
    W, H = sheet.size
    a = np.asarray(sheet, np.float32)
    y, x = np.mgrid[0:H, 0:W].astype(np.float32)
    cx, cy = rs.uniform(0.1, 0.9) * W, rs.uniform(0.1, 0.9) * H
    d = np.hypot((x - cx) / W, (y - cy) / H)
    k = L["light"]
    gain = (1.0 + 0.08 - k * np.clip(d / 0.9, 0, 1.2)).astype(np.float32)
    a = np.clip(a * gain[..., None], 0, 255)
    out = Image.fromarray(a.astype(np.uint8), "RGB")
    sigma = L["blur_pitch"] * pitch
    if sigma > 0.3:
        out = out.filter(ImageFilter.GaussianBlur(sigma))
    kk = L["keystone"]
    if kk > 0:
        dx = W * kk
        src = [(0, 0), (W, 0), (W, H), (0, H)]
        dst = [(dx, 0), (W - dx, 0), (W, H), (0, H)]
        coeffs = layout5._perspective_coeffs(src, dst)
        out = out.transform(out.size, Image.PERSPECTIVE, coeffs, resample=Image.BILINEAR, fillcolor=(255, 255, 255))
        mask = mask.transform(mask.size, Image.PERSPECTIVE, coeffs, resample=Image.BILINEAR, fillcolor=0)
        pts = [layout5._apply(coeffs, p) for p in [(box[0], box[1]), (box[2], box[1]), (box[2], box[3]),
                                                   (box[0], box[3])]]
        box = [int(math.floor(min(p[0] for p in pts))), int(math.floor(min(p[1] for p in pts))),
               int(math.ceil(max(p[0] for p in pts))), int(math.ceil(max(p[1] for p in pts)))]
    return out, mask, box


def render(g, doc, dpi, r, L):
    """generate.render_layout for this family: the face(s), then the phone look."""
    rs = random.Random(L["stamp_seed"])
    sheet, mask, box, pitch, cap = _face(g, doc, dpi, r, L, rs)
    if L["phone"]:
        sheet, mask, box = _phone(sheet, mask, box, pitch, L, rs)
    return sheet, mask, box, pitch, cap
