"""The heldout7 layout family of samples/generate.py (--layouts heldout7).

Written on 2026-12-06 by a session that tunes no rule, before any of its
pages was screened, so that the rules of that day can be judged on pages
nobody looked at. Do not inspect its pages to fix a rule (samples/README.md,
"Layouts").

What it draws, unlike every earlier family:
- captions numbered with two digits in capitals above the value
  ("03 NOM / SURNAME"), on two lines above the value (the national caption
  in capitals, the English one in italics under it), or in white on a
  coloured tab left of the value;
- caption languages French, Portuguese, Italian, Polish or Dutch, each
  with English after a slash, whatever the issuing state;
- names on two rows, or on one row under one caption as
  "SURNAME, Given Names" (given names as written) or "SURNAME, GIVEN NAMES";
- dates "14.07.1985", "14. 07. 1985" or the caption language's month with
  the English one and a two-digit year ("14 JUIL/JUL 85");
- a header on the left (state, then the title), type, code and the
  document number in a dark red on the header's right, a height line on
  passports, the holder's signature under a caption;
- portrait mostly on the right, the ghost image low on the other side of
  the fields, a coloured background (a two-hue "rainbow" tint and a dense
  rosette over the page's own guilloche);
- uneven lighting from one side and, on some pages, a soft shadow across
  part of the document (a hand or a phone over it);
- typefaces Nimbus Sans Narrow, Nimbus Roman, Liberation Sans or DejaVu
  Serif Condensed, which no other family's fields use;
- a skew of up to 4 degrees (scan(), applied before the labels).

Genuine pages are genuine: each value printed is what the MRZ holds, in
this family's arrangement. `g` is generate.py's own module, whose canvas,
guilloche, portraits and MRZ this family draws with.
"""
import math
import os
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFont

FAMILY = "heldout7"
_U = "/usr/share/fonts/opentype/urw-base35/"
_L = "/usr/share/fonts/truetype/liberation/"
_D = "/usr/share/fonts/truetype/dejavu/"
TYPEFACES = {  # regular, bold, italic
    "nimbus_narrow": (_U + "NimbusSansNarrow-Regular.otf", _U + "NimbusSansNarrow-Bold.otf",
                      _U + "NimbusSansNarrow-Oblique.otf"),
    "nimbus_roman": (_U + "NimbusRoman-Regular.otf", _U + "NimbusRoman-Bold.otf", _U + "NimbusRoman-Italic.otf"),
    "liberation_sans": (_L + "LiberationSans-Regular.ttf", _L + "LiberationSans-Bold.ttf",
                        _L + "LiberationSans-Italic.ttf"),
    "dejavu_serif_condensed": (_D + "DejaVuSerifCondensed.ttf", _D + "DejaVuSerifCondensed-Bold.ttf",
                               _D + "DejaVuSerifCondensed-Italic.ttf"),
}
CAPTION_LANGS = ["fr", "pt", "it", "pl", "nl"]
# Captions generate.LABELS lacks, per language (English last).
MORE_CAPTIONS = {
    "names": {"fr": "Nom, prénoms", "pt": "Apelido, nome", "it": "Cognome, nome", "pl": "Nazwisko, imiona",
              "nl": "Naam, voornamen", "en": "Surname, given names"},
    "height": {"fr": "Taille", "pt": "Altura", "it": "Statura", "pl": "Wzrost", "nl": "Lengte", "en": "Height"},
    "sig": {"fr": "Signature du titulaire", "pt": "Assinatura do titular", "it": "Firma del titolare",
            "pl": "Podpis posiadacza", "nl": "Handtekening houder", "en": "Holder's signature"},
}
MONTHS7 = {
    "fr": "JANV FÉVR MARS AVR MAI JUIN JUIL AOÛT SEPT OCT NOV DÉC".split(),
    "pt": "JAN FEV MAR ABR MAI JUN JUL AGO SET OUT NOV DEZ".split(),
    "it": "GEN FEB MAR APR MAG GIU LUG AGO SET OTT NOV DIC".split(),
    "pl": "STY LUT MAR KWI MAJ CZE LIP SIE WRZ PAŹ LIS GRU".split(),
    "nl": "JAN FEB MRT APR MEI JUN JUL AUG SEP OKT NOV DEC".split(),
}
MONTHS_EN = "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split()
OFFICES = {"fr": "PRÉFECTURE DE %s", "pt": "CONSULADO GERAL EM %s", "it": "QUESTURA DI %s",
           "pl": "WOJEWODA %s", "nl": "BURGEMEESTER VAN %s"}  # in the caption language
_ems = {}


def scan(rq, sc):
    """This family's scan: the seed's own scan turned by up to 4 degrees
    instead of mild's 2.5, drawn from a stream of its own before the label."""
    sc["skew_deg"] = round(rq.uniform(-4.0, 4.0), 2)
    return sc


def typefaces_here():
    return [k for k, paths in TYPEFACES.items() if all(os.path.exists(p) for p in paths)]


def pick(g, rl, doc):
    """This document's layout (recorded in the truth JSON as `layout`)."""
    L = {"family": FAMILY}
    L["captions"] = rl.choice(["numbered", "two_line", "tab"])
    L["caption_langs"] = rl.choice(CAPTION_LANGS) + "/en"
    L["names"] = rl.choice(["two_rows", "comma_written", "comma_caps"])
    L["dates"] = rl.choice(["dots", "dots_spaced", "month_yy"])
    L["portrait"] = "right" if rl.random() < 0.7 else "left"
    L["font"] = rl.choice(typefaces_here() or ["dejavu_serif_condensed"])
    L["rainbow"] = rl.random() < 0.75
    L["light"] = round(rl.uniform(0.08, 0.22), 3)
    L["shadow"] = rl.random() < 0.45
    if L["shadow"]:
        L["shadow_depth"] = round(rl.uniform(0.22, 0.42), 3)
    L["stamp"] = rl.random() < 0.3
    L["draw_seed"] = rl.randint(0, 10 ** 6)
    return L


def date7(d, style, lang):
    """14.07.1985, 14. 07. 1985, or 14 JUIL/JUL 85 (the caption language's
    month, then the English one when it differs; a two-digit year)."""
    if style == "month_yy":
        nat, en = MONTHS7[lang][d.month - 1], MONTHS_EN[d.month - 1]
        return "%02d %s %02d" % (d.day, en if nat == en else nat + "/" + en, d.year % 100)
    sep = ". " if style == "dots_spaced" else "."
    return sep.join(["%02d" % d.day, "%02d" % d.month, "%04d" % d.year])


def caption_parts(g, key, lang):
    """(national, English) caption of a field."""
    if key in MORE_CAPTIONS:
        return MORE_CAPTIONS[key][lang], MORE_CAPTIONS[key]["en"]
    return g.LABELS[lang].get(key) or g.LABELS["en"][key], g.LABELS["en"][key]


def rows_of(g, doc, L):
    """The fields as rows of (caption key, value) pairs, in printing order;
    a row holds one or two fields. Every value is what the MRZ holds."""
    lang = L["caption_langs"].split("/")[0]
    fd = lambda d: date7(d, L["dates"], lang)
    sur = doc["surname"].upper()
    fmt = doc["format"]
    if L["names"] == "two_rows":
        rows = [[("surname", sur)], [("given", doc["given_names"].upper() or "-")]]
    else:
        giv = doc["given_names"] if L["names"] == "comma_written" else doc["given_names"].upper()
        rows = [[("names", sur + ", " + giv if giv else sur)]]
    nat = doc["nationality"].replace("<", "")
    if fmt in ("MRVA", "MRVB"):
        rows += [[("dob", fd(doc["birth_date"])), ("sex", doc["sex"])],
                 [("nat", nat), ("passno", doc["visa_passport_number"])],
                 [("valid_from", fd(doc["issue_date"])), ("until", fd(doc["expiry_date"]))],
                 [("type", doc["visa_type"]), ("entries", doc["entries"])],
                 [("duration", doc["duration"]), ("docno", doc["document_number"])]]
        return rows
    rows += [[("nat", nat), ("dob", fd(doc["birth_date"]))],
             [("sex", doc["sex"]), ("pob", doc["place_of_birth"])],
             [("doi", fd(doc["issue_date"])), ("doe", fd(doc["expiry_date"]))]]
    if fmt == "TD3":
        rows.append([("auth", OFFICES[lang] % doc["place_of_birth"].upper())])
        h = 150 + sum(map(ord, doc["surname"])) % 45
        rows.append([("height", "%d,%02d m" % (h // 100, h % 100))] +
                    ([("pers", doc["optional_data"])] if doc["optional_data"] else []))
    elif fmt == "TD2":
        rows.append([("docno", doc["document_number"])])
    return rows


def em_of(path):
    """Cap height of a typeface in em (measured on H)."""
    if path not in _ems:
        f = ImageFont.truetype(path, 200)
        t, b = f.getbbox("H", anchor="ls")[1::2]
        _ems[path] = max(0.5, (b - t) / 200.0)
    return _ems[path]


def put(g, cv, x, y, s, cap_mm, fill, path, max_w=None, anchor="ls"):
    """Text with its capitals cap_mm high, squeezed to max_w mm."""
    f = g.font(path, cap_mm / em_of(path) * cv.s)
    if max_w is not None:
        w = cv.d.textlength(s, font=f)
        if w > cv.px(max_w):
            f = g.font(path, f.size * cv.px(max_w) / w)
    cv.d.text((cv.px(x), cv.px(y)), s, font=f, fill=fill, anchor=anchor)


class Face:
    """Draws the fields of one face in one caption style."""

    def __init__(self, g, cv, L, ink, cap_ink, tab_fill):
        self.g, self.cv, self.L = g, cv, L
        self.lang = L["caption_langs"].split("/")[0]
        self.reg, self.bold, self.ital = TYPEFACES.get(L["font"]) or TYPEFACES["dejavu_serif_condensed"]
        self.ink, self.cap_ink, self.tab_fill = ink, cap_ink, tab_fill
        self.number = 0

    def height(self, Lc, Vc):
        st = self.L["captions"]
        if st == "numbered":
            return Lc * 1.5 + Vc * 1.55
        if st == "two_line":
            return Lc * 2.75 + Vc * 1.55
        return max(Lc * 3.0, Vc * 1.8)

    def field(self, key, value, x, y, w, Lc, Vc):
        g, cv = self.g, self.cv
        nat, en = caption_parts(g, key, self.lang)
        self.number += 1
        st = self.L["captions"]
        if st == "numbered":
            cap = "%02d %s / %s" % (self.number, nat.upper(), en.upper())
            put(g, cv, x, y + Lc, cap, Lc, self.cap_ink, self.reg, max_w=w)
            put(g, cv, x, y + Lc * 1.5 + Vc * 1.1, value, Vc, self.ink, self.reg, max_w=w)
        elif st == "two_line":
            put(g, cv, x, y + Lc, nat.upper(), Lc, self.cap_ink, self.reg, max_w=w)
            put(g, cv, x, y + Lc * 2.3, "/ " + en, Lc * 0.95, self.cap_ink, self.ital, max_w=w)
            put(g, cv, x, y + Lc * 2.75 + Vc * 1.1, value, Vc, self.ink, self.bold, max_w=w)
        else:  # a coloured tab holding the caption in white, the value right of it
            tw = min(w * 0.42, 17.0)
            th = Lc * 2.7
            cv.d.rounded_rectangle([cv.px(x), cv.px(y), cv.px(x + tw), cv.px(y + th)], radius=cv.px(0.6),
                                   fill=self.tab_fill)
            put(g, cv, x + 0.5, y + Lc * 1.15, nat, Lc * 0.92, (255, 255, 255), self.bold, max_w=tw - 1.0)
            put(g, cv, x + 0.5, y + Lc * 2.35, en, Lc * 0.92, (240, 240, 240), self.ital, max_w=tw - 1.0)
            put(g, cv, x + tw + 1.2, y + th * 0.5 + Vc * 0.5, value, Vc, self.ink, self.bold,
                max_w=w - tw - 1.4)


def rainbow(cv, rs, colors, clear_from_mm):
    """Colours the page's background: a tint turning from one hue to another
    across the width, and a dense rosette of fine rings, left pale over the
    MRZ band."""
    W, H = cv.im.size
    a = np.asarray(cv.im, np.float32)
    x = np.linspace(0.0, 1.0, W, dtype=np.float32)[None, :, None]
    h1 = np.array(rs.choice([(250, 200, 170), (190, 215, 250), (200, 240, 200), (245, 200, 230)]), np.float32)
    h2 = np.array(rs.choice([(250, 240, 170), (200, 190, 250), (170, 230, 240), (250, 215, 190)]), np.float32)
    tint = h1 * (1 - x) + h2 * x
    a = a * (tint / 255.0) * 0.8 + a * 0.2
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32) / cv.s
    cx, cy = rs.uniform(0.2, 0.8) * cv.w_mm, rs.uniform(0.25, 0.6) * cv.h_mm
    rr = np.hypot(xx - cx, yy - cy)
    th = np.arctan2(yy - cy, xx - cx)
    petals = rs.choice([7, 11, 13, 18])
    ring = np.abs(((rr + 0.9 * np.sin(petals * th)) / rs.uniform(0.7, 1.1)) % 1.0 - 0.5) > 0.42
    alpha = ring.astype(np.float32) * 0.28 * np.clip(1.3 - rr / (0.5 * cv.w_mm), 0, 1)
    ink = np.array([max(0, c - 70) for c in colors[1]], np.float32)
    a = a * (1 - alpha[..., None]) + ink * alpha[..., None]
    top = int(cv.px(clear_from_mm))
    if top < H:
        a[top:] = a[top:] * 0.3 + 250 * 0.7
    cv.im.paste(Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB"), (0, 0))


def header7(g, cv, doc, title_key, colour, path_b, path_r, ink_no, fmt):
    """The state and the title on the left; type, code and number on the right."""
    en, nat_name, _ = g.country(doc["issuing_state"])
    big = {"TD3": 2.4, "MRVA": 2.2, "TD2": 1.9, "MRVB": 1.9, "TD1": 1.5}[fmt]
    state = nat_name.upper() if nat_name == en else "%s / %s" % (nat_name.upper(), en.upper())
    put(g, cv, 3.5, 2.5 + big, state, big, colour, path_b, max_w=cv.w_mm * 0.55)
    titles = [g.LABELS[doc["lang"]][title_key], g.LABELS["en"][title_key]]
    title = titles[0] if titles[0] == titles[1] else " / ".join(titles)
    put(g, cv, 3.5, 3.6 + big * 2.0, title, big * 0.6, colour, path_r, max_w=cv.w_mm * 0.55)
    xr = cv.w_mm - 3.5
    code = doc["issuing_state"].replace("<", "")
    put(g, cv, xr, 2.0 + big * 0.55, "TYPE %s   CODE %s" % (doc["document_code"].replace("<", "") or "P", code),
        big * 0.42, colour, path_r, anchor="rs")
    put(g, cv, xr, 3.4 + big * 1.6, doc["document_number"], big * 0.85, ink_no, path_b, anchor="rs")
    return 5.5 + big * 2.2


def geometry(g, doc, dpi, r):
    """A face's size in mm, pixels per mm, palette, the top of the MRZ band
    in mm and the MRZ's jitter (samples/layout8.py draws with it too)."""
    fmt = doc["format"]
    w_mm, h_mm = g.DOC_SIZE_MM[fmt]
    colors = g.palette(r)
    nlines = g.MRZ_SHAPE[fmt][0]
    mrz_top = h_mm - g.MRZ_BOTTOM_MM[fmt] - (nlines - 1) * g.MRZ_LINE_MM - 4.5
    x_jit, y_jit = r.uniform(-0.6, 0.6), r.uniform(-0.4, 0.4)
    return fmt, w_mm, h_mm, dpi / 25.4, colors, mrz_top, x_jit, y_jit


def _face(g, doc, dpi, r, L, rs):
    fmt, w_mm, h_mm, s, colors, mrz_top, x_jit, y_jit = geometry(g, doc, dpi, r)
    reg, bold, ital = TYPEFACES.get(L["font"]) or TYPEFACES["dejavu_serif_condensed"]
    dark = tuple(max(0, v - 140) for v in colors[1])
    tab = tuple(max(0, v - 90) for v in colors[1])
    ink = (20, 22, 30)

    def blank(with_mrz):
        W, H = int(round(w_mm * s)), int(round(h_mm * s))
        cv = g.Canvas(w_mm, h_mm, dpi, g.guilloche(W, H, dpi, r, colors, mrz_top * s if with_mrz else H + 1))
        if L["rainbow"]:
            rainbow(cv, rs, colors, mrz_top if with_mrz else h_mm + 1)
            cv.d = ImageDraw.Draw(cv.im)
        return cv

    title_key = "passport" if fmt == "TD3" else "visa" if fmt in ("MRVA", "MRVB") else (
        "resid" if doc["residence"] else "idcard")
    cv = blank(fmt != "TD1")
    top = header7(g, cv, doc, title_key, dark, bold, reg, (125, 25, 35), fmt)
    bottom = (mrz_top - 1.0) if fmt != "TD1" else h_mm - 3.0
    pw = {"TD3": 30, "MRVA": 26, "TD2": 22, "MRVB": 22, "TD1": 20}[fmt]
    ph = min(pw * 1.3, bottom - top - 1)
    gw = pw * 0.38
    if L["portrait"] == "right":
        px = w_mm - 3.5 - pw
        fx0, fx1 = 3.5 + gw + 2.0, px - 2.5
        gx = 3.0
    else:
        px = 3.5
        fx0, fx1 = px + pw + 2.5, w_mm - 3.5 - gw - 1.5
        gx = w_mm - 3.0 - gw
    g.portrait(cv, px, top, pw, ph, r)
    gy = max(top, bottom - gw * 1.3 - 0.5)
    g.portrait(cv, gx, gy, gw, gw * 1.3, rs, ghost=True)
    F = Face(g, cv, L, ink, dark, tab)
    rows = rows_of(g, doc, L)
    if fmt == "TD1":
        back_keys = ("pob", "doi")
        back = [[f for f in row if f[0] in back_keys] for row in rows]
        rows = [[f for f in row if f[0] not in back_keys] for row in rows]
        back = [f for row in back for f in row]
        rows = [row for row in rows if row]
    else:
        back = []
    sig_h = 5.0 if fmt in ("TD3", "MRVA") else 0.0
    Lc0, Vc0 = {"TD3": (0.95, 2.0), "MRVA": (0.9, 1.85), "TD2": (0.8, 1.6), "MRVB": (0.8, 1.6),
                "TD1": (0.72, 1.45)}[fmt]
    avail = bottom - top - sig_h
    need = len(rows) * F.height(Lc0, Vc0)
    k = min(1.0, avail / need)
    Lc, Vc = max(0.55, Lc0 * k), max(1.0, Vc0 * k)
    step = F.height(Lc, Vc) + min(0.9, max(0.0, avail - len(rows) * F.height(Lc, Vc)) / max(1, len(rows)))
    y = top
    cells = []
    for row in rows:
        cw = (fx1 - fx0) / len(row)
        for n, (key, val) in enumerate(row):
            F.field(key, val, fx0 + n * cw, y, cw - 1.2, Lc, Vc)
            cells.append((fx0 + n * cw, y, cw - 1.2, F.height(Lc, Vc)))
        y += step
    if sig_h:
        nat, en = caption_parts(g, "sig", F.lang)
        put(g, cv, fx0, y + Lc, "%s / %s" % (nat, en), Lc * 0.9, dark, ital, max_w=fx1 - fx0)
        g.signature(cv, fx0 + 2, y + Lc * 1.3, min(22, fx1 - fx0 - 3), 3.0, r)
    if L["stamp"] and cells:
        g._stamp(cv, rs, rs.choice(cells), True)
    bk = None
    if fmt == "TD1":
        bk = blank(True)
        Fb = Face(g, bk, L, ink, dark, tab)
        Fb.number = F.number
        by = 3.0
        office = OFFICES[F.lang] % doc["place_of_birth"].upper()
        for key, val in back + [("auth", office)]:
            Fb.field(key, val, 4.0, by, 56.0, 0.7, 1.35)
            by += Fb.height(0.7, 1.35) + 0.4
    return finish(g, doc, r, rs, cv, bk, x_jit, y_jit, s)


def finish(g, doc, r, rs, cv, bk, x_jit, y_jit, s):
    """The MRZ on the last face (bk, a TD1's back, gains a ghost image),
    the specimen stamp on the front, the faces on one sheet (front above
    back): generate.assemble_faces's return. samples/layout8.py uses it too."""
    faces = [cv] if bk is None else [cv, bk]
    if bk is not None:
        g.portrait(bk, 66, 4, 13, 16.5, rs, ghost=True)
    box, pitch, cap = g.render_mrz(faces[-1], doc, r, x_jit, y_jit)
    if doc.get("printed_specimen"):
        g.stamp_specimen(cv, doc["format"])
    return g.assemble_faces(faces, box, pitch, cap, doc["format"], r, s)


def light_and_shadow(sheet, L, rs):
    """Light from one side (the far side up to L['light'] darker) and, on some
    pages, a soft shadow over a corner or a strip of the document."""
    W, H = sheet.size
    a = np.asarray(sheet, np.float32)
    ang = rs.uniform(0, 2 * math.pi)
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    t = ((xx / W - 0.5) * math.cos(ang) + (yy / H - 0.5) * math.sin(ang)) + 0.5
    gain = 1.04 - L["light"] * np.clip(t, 0, 1)
    if L["shadow"]:
        # A straight shadow edge across the sheet; the side beyond it darker.
        p = (rs.uniform(0.15, 0.85) * W, rs.uniform(0.15, 0.85) * H)
        th = rs.uniform(0, 2 * math.pi)
        dist = (xx - p[0]) * math.cos(th) + (yy - p[1]) * math.sin(th)
        soft = max(2.0, 0.03 * W)
        m = np.clip(dist / soft + 0.5, 0, 1)
        # Keep the shadow to part of the sheet: the far side, not more than about half.
        gain = gain * (1 - L["shadow_depth"] * m)
    a = np.clip(a * gain[..., None], 0, 255)
    return Image.fromarray(a.astype(np.uint8), "RGB")


def render(g, doc, dpi, r, L):
    """generate.render_layout for this family: the face(s), then the light."""
    rs = random.Random(L["draw_seed"])
    sheet, mask, box, pitch, cap = _face(g, doc, dpi, r, L, rs)
    sheet = light_and_shadow(sheet, L, rs)
    return sheet, mask, box, pitch, cap
