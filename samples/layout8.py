"""The heldout8 layout family of samples/generate.py (--layouts heldout8).

Written on 2026-12-07 by a session that tunes no rule and never screened
any of its pages, so that the rules of that day can be judged on pages
nobody looked at. Do not inspect its pages to fix a rule (samples/README.md,
"Layouts").

What it draws, unlike every earlier family:
- captions tiny in the top-left corner of ruled table cells with the value
  centred in the cell, or tiny and grey above the value with no rules;
- caption languages Hungarian, Croatian, Romanian or Lithuanian with
  English ("Családi név / Surname"), or three languages with the English
  in the middle ("Családi név / Surname / Nume");
- a first row "type / code / number" on passports and TD2 cards, the
  title in the caption language and English in a coloured band;
- dates "14-07-85", "1985 07 14" or the caption language's month in lower
  case ("14 júl 1985", "14 srp 1985");
- security print of line moire (two sets of fine lines a few degrees
  apart) and rows of micro-text (the state's name) behind the fields;
- typefaces Nimbus Mono, DejaVu Sans Mono or DejaVu Serif;
- a phone photo instead of a scan: the open booklet (a passport's data page
  under its upper page, a visa on a booklet's visa page) or the card on a
  desk (wood, fabric, a light or a dark top), the document covering 60-85 %
  of the frame, turned up to 3 degrees and seen in perspective (every
  corner moved by up to 5 % of the document's width), its shadow on the
  desk, a warm or cool colour cast, a glare spot over part of the fields
  on most pages (now and then over one end of the MRZ, never over all of
  it), a laminate sheen band on laminated pages, a vignette;
- 200-240 dpi and JPEG quality 55-80 (scan(), before the labels).

Genuine pages are genuine: each value printed is what the MRZ holds (the
identities are the seed's, as in every family). `g` is generate.py's own
module, whose canvas, guilloche, portraits and MRZ this family draws with.
The truth's doc_quad is the data page's (the card's, the visa's) four
corners in the photo, mrz_quad the MRZ's, mrz_bbox the box around it.
"""
import math
import os
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

import layout5  # the perspective helpers
import layout7  # put(): text at a cap height in any typeface

FAMILY = "heldout8"
_U = "/usr/share/fonts/opentype/urw-base35/"
_D = "/usr/share/fonts/truetype/dejavu/"
TYPEFACES = {  # regular, bold, italic: none used by another family's fields
    "nimbus_mono": (_U + "NimbusMonoPS-Regular.otf", _U + "NimbusMonoPS-Bold.otf", _U + "NimbusMonoPS-Italic.otf"),
    "dejavu_mono": (_D + "DejaVuSansMono.ttf", _D + "DejaVuSansMono-Bold.ttf", _D + "DejaVuSansMono-Oblique.ttf"),
    "dejavu_serif": (_D + "DejaVuSerif.ttf", _D + "DejaVuSerif-Bold.ttf", _D + "DejaVuSerif-Italic.ttf"),
}
LANGS = ["hu", "hr", "ro", "lt"]
THIRD = {"hu": "ro", "hr": "hu", "ro": "hu", "lt": "hr"}  # the third language of triple captions
CAPTIONS = {
    "hu": {"surname": "Családi név", "given": "Utónév", "nat": "Állampolgárság", "dob": "Születési idő",
           "sex": "Nem", "pob": "Születési hely", "doi": "Kiállítás dátuma", "doe": "Érvényesség",
           "auth": "Kiállító hatóság", "docno": "Okmányazonosító", "passno": "Útlevélszám", "type": "Típus",
           "code": "Kód", "valid_from": "Érvényes ettől", "until": "eddig", "entries": "Beutazások száma",
           "duration": "Tartózkodás időtartama", "pers": "Személyi azonosító", "sig": "Aláírás",
           "passport": "ÚTLEVÉL", "idcard": "SZEMÉLYAZONOSÍTÓ IGAZOLVÁNY", "resid": "TARTÓZKODÁSI ENGEDÉLY",
           "visa": "VÍZUM", "remarks": "Megjegyzések"},
    "hr": {"surname": "Prezime", "given": "Ime", "nat": "Državljanstvo", "dob": "Datum rođenja", "sex": "Spol",
           "pob": "Mjesto rođenja", "doi": "Datum izdavanja", "doe": "Datum isteka", "auth": "Izdao",
           "docno": "Broj isprave", "passno": "Broj putovnice", "type": "Vrsta", "code": "Kod",
           "valid_from": "Vrijedi od", "until": "do", "entries": "Broj ulazaka", "duration": "Trajanje boravka",
           "pers": "OIB", "sig": "Potpis", "passport": "PUTOVNICA", "idcard": "OSOBNA ISKAZNICA",
           "resid": "DOZVOLA BORAVKA", "visa": "VIZA", "remarks": "Napomene"},
    "ro": {"surname": "Nume", "given": "Prenume", "nat": "Cetățenie", "dob": "Data nașterii", "sex": "Sex",
           "pob": "Locul nașterii", "doi": "Data eliberării", "doe": "Data expirării", "auth": "Autoritatea",
           "docno": "Nr. documentului", "passno": "Nr. pașaportului", "type": "Tip", "code": "Cod",
           "valid_from": "Valabil de la", "until": "până la", "entries": "Număr de intrări",
           "duration": "Durata șederii", "pers": "CNP", "sig": "Semnătura", "passport": "PAȘAPORT",
           "idcard": "CARTE DE IDENTITATE", "resid": "PERMIS DE ȘEDERE", "visa": "VIZĂ", "remarks": "Observații"},
    "lt": {"surname": "Pavardė", "given": "Vardas", "nat": "Pilietybė", "dob": "Gimimo data", "sex": "Lytis",
           "pob": "Gimimo vieta", "doi": "Išdavimo data", "doe": "Galioja iki", "auth": "Išdavė",
           "docno": "Dokumento Nr.", "passno": "Paso Nr.", "type": "Tipas", "code": "Kodas",
           "valid_from": "Galioja nuo", "until": "iki", "entries": "Atvykimų skaičius",
           "duration": "Buvimo trukmė", "pers": "Asmens kodas", "sig": "Parašas", "passport": "PASAS",
           "idcard": "ASMENS TAPATYBĖS KORTELĖ", "resid": "LEIDIMAS GYVENTI", "visa": "VIZA",
           "remarks": "Pastabos"},
}
MONTHS8 = {  # lower case, as these languages abbreviate them
    "hu": "jan febr márc ápr máj jún júl aug szept okt nov dec".split(),
    "hr": "sij velj ožu tra svi lip srp kol ruj lis stu pro".split(),
    "ro": "ian feb mar apr mai iun iul aug sep oct nov dec".split(),
    "lt": "saus vas kov bal geg birž liep rugp rugs spal lapkr gruod".split(),
}
OFFICES = {"hu": "KORMÁNYHIVATAL %s", "hr": "PU %s", "ro": "SPCLEP %s", "lt": "MIGRACIJOS SKYRIUS %s"}
COVERS = [(95, 25, 35), (30, 40, 85), (25, 70, 50), (35, 35, 40), (110, 40, 30)]
DESKS = ["wood", "fabric", "light", "dark"]


def scan(rq, sc):
    """This family's capture: a phone photo at 200-240 dpi (the document's
    scale in the frame), JPEG quality 55-80, no scanner-bed margin and no
    turn of the whole frame (the document is turned inside the photo
    instead); drawn from a stream of its own before the label, so that
    IMAGE_QUALITY_LOW and IMAGE_EDITED still change what they change."""
    dpi = rq.randint(200, 240)
    sc["blur"] = round(sc["blur"] * dpi / sc["dpi"], 2)
    sc["dpi"] = dpi
    if sc.get("out") == "jpg":
        sc["jpeg_quality"] = rq.randint(55, 80)
    sc["skew_deg"] = 0.0
    sc["bed"] = "photo"
    return sc


def typefaces_here():
    return [k for k, paths in TYPEFACES.items() if all(os.path.exists(p) for p in paths)]


def pick(g, rl, doc):
    """This document's layout (recorded in the truth JSON as `layout`)."""
    L = {"family": FAMILY}
    L["captions"] = rl.choice(["cell", "grey"])
    lang = rl.choice(LANGS)
    L["caption_langs"] = rl.choice([lang + "/en", lang + "/en/" + THIRD[lang]])
    L["given_case"] = rl.choice(["upper", "as_written"])
    L["dates"] = rl.choice(["dash_yy", "ymd_space", "month_lower"])
    L["portrait"] = "left" if rl.random() < 0.7 else "right"
    L["font"] = rl.choice(typefaces_here() or ["dejavu_serif"])
    L["security"] = rl.choice(["moire", "microtext", "both"])
    L["stamp"] = rl.random() < 0.25
    L["desk"] = rl.choice(DESKS)
    L["cover"] = doc["format"] in ("TD3", "MRVA", "MRVB")
    L["frame_share"] = round(rl.uniform(0.60, 0.85), 3)
    L["turn_deg"] = round(rl.uniform(-3.0, 3.0), 2)
    L["corner_shift"] = round(rl.uniform(0.01, 0.05), 4)
    L["cast"] = rl.choice(["warm", "cool"])
    L["cast_strength"] = round(rl.uniform(0.03, 0.11), 3)
    r = rl.random()
    L["glare"] = "none" if r < 0.2 else "mrz_end" if r < 0.35 else "fields"
    L["sheen"] = doc["format"] in ("TD1", "TD2", "TD3") and rl.random() < 0.6
    L["draw_seed"] = rl.randint(0, 10 ** 6)
    return L


def date8(d, style, lang):
    if style == "dash_yy":
        return "%02d-%02d-%02d" % (d.day, d.month, d.year % 100)
    if style == "ymd_space":
        return "%04d %02d %02d" % (d.year, d.month, d.day)
    return "%02d %s %04d" % (d.day, MONTHS8[lang][d.month - 1], d.year)


def caption(g, key, langs):
    """'national / English' or 'national / English / third', words said
    twice kept once."""
    out = []
    for l in langs:
        t = g.LABELS["en"][key] if l == "en" else CAPTIONS[l][key]
        if t not in out:
            out.append(t)
    return " / ".join(out)


def rows_of(g, doc, L):
    """The fields as rows of (caption key, value), in printing order. Every
    value is what the MRZ holds."""
    lang = L["caption_langs"].split("/")[0]
    fd = lambda d: date8(d, L["dates"], lang)
    fmt = doc["format"]
    giv = doc["given_names"] if L["given_case"] == "as_written" else doc["given_names"].upper()
    names = [[("surname", doc["surname"].upper())], [("given", giv or "-")]]
    nat = doc["nationality"].replace("<", "")
    code = doc["issuing_state"].replace("<", "")
    if fmt in ("MRVA", "MRVB"):
        return names + [[("dob", fd(doc["birth_date"])), ("sex", doc["sex"]), ("nat", nat)],
                        [("valid_from", fd(doc["issue_date"])), ("until", fd(doc["expiry_date"]))],
                        [("type", doc["visa_type"]), ("entries", doc["entries"]), ("duration", doc["duration"])],
                        [("passno", doc["visa_passport_number"]), ("docno", doc["document_number"])]]
    first = [("type", doc["document_code"].replace("<", "") or "P"), ("code", code),
             ("passno" if fmt == "TD3" else "docno", doc["document_number"])]
    rows = ([first] if fmt != "TD1" else []) + names
    rows += [[("nat", nat), ("dob", fd(doc["birth_date"]))],
             [("sex", doc["sex"]), ("pob", doc["place_of_birth"])],
             [("doi", fd(doc["issue_date"])), ("doe", fd(doc["expiry_date"]))]]
    if fmt == "TD1":
        rows.append([("docno", doc["document_number"])])
    auth = [("auth", OFFICES[lang] % doc["place_of_birth"].upper())]
    rows.append(auth + ([("pers", doc["optional_data"])] if fmt == "TD3" and doc["optional_data"] else []))
    return rows


class Face:
    """Draws the fields of one face in one caption style."""

    def __init__(self, g, cv, L, ink, cap_ink, rule):
        self.g, self.cv, self.L = g, cv, L
        self.langs = L["caption_langs"].split("/")
        self.reg, self.bold, self.ital = TYPEFACES.get(L["font"]) or TYPEFACES["dejavu_serif"]
        self.ink, self.cap_ink, self.rule = ink, cap_ink, rule

    def height(self, Lc, Vc):
        return Lc * 1.7 + Vc * 1.75 if self.L["captions"] == "cell" else Lc * 1.5 + Vc * 1.6

    def field(self, key, value, x, y, w, h, Lc, Vc):
        g, cv = self.g, self.cv
        cap = caption(g, key, self.langs)
        if self.L["captions"] == "cell":
            lw = max(1, int(cv.s * 0.12))
            cv.d.rectangle([cv.px(x), cv.px(y), cv.px(x + w), cv.px(y + h)], outline=self.rule, width=lw)
            layout7.put(g, cv, x + 0.5, y + 0.4 + Lc, cap, Lc, self.cap_ink, self.reg, max_w=w - 1.0)
            vy = y + Lc * 1.5 + (h - Lc * 1.5) * 0.5 + Vc * 0.5
            layout7.put(g, cv, x + w / 2, vy, value, Vc, self.ink, self.bold, max_w=w - 1.2, anchor="ms")
        else:
            layout7.put(g, cv, x, y + Lc, cap, Lc, (128, 128, 128), self.reg, max_w=w)
            layout7.put(g, cv, x, y + Lc * 1.45 + Vc * 1.15, value, Vc, self.ink, self.bold, max_w=w)


def security(g, cv, rs, L, doc, colors, box_mm):
    """Line moire (two sets of fine straight lines a few degrees apart) and
    rows of micro-text (the state's name) behind the fields."""
    x0, y0, x1, y1 = [int(cv.px(v)) for v in box_mm]
    if x1 <= x0 or y1 <= y0:
        return
    ink = np.array([max(0, c - 60) for c in colors[1]], np.float32)
    region = np.asarray(cv.im.crop((x0, y0, x1, y1)), np.float32)
    if L["security"] in ("moire", "both"):
        yy, xx = np.mgrid[0:y1 - y0, 0:x1 - x0].astype(np.float32) / cv.s
        a = math.radians(rs.uniform(20, 70))
        per = rs.uniform(0.45, 0.7)
        alpha = np.zeros_like(xx)
        for da in (0.0, math.radians(rs.uniform(2.0, 5.0))):
            ph = (xx * math.cos(a + da) + yy * math.sin(a + da)) / per
            alpha = np.maximum(alpha, (np.abs(ph % 1.0 - 0.5) > 0.36).astype(np.float32))
        alpha = (alpha * rs.uniform(0.16, 0.26))[..., None]
        region = region * (1 - alpha) + ink * alpha
    cv.im.paste(Image.fromarray(np.clip(region, 0, 255).astype(np.uint8), "RGB"), (x0, y0))
    if L["security"] in ("microtext", "both"):
        en, nat_name, _ = g.country(doc["issuing_state"])
        word = (nat_name.upper() + " ") * 40
        pale = tuple(int(c * 0.55 + 255 * 0.45) for c in ink)
        f = g.font(_D + "DejaVuSans.ttf", max(4, cv.px(0.42)))
        y = box_mm[1] + 0.6
        off = 0
        while y < box_mm[3]:
            cv.d.text((cv.px(box_mm[0]) - off, cv.px(y)), word, font=f, fill=pale, anchor="ls")
            off = (off + cv.px(1.7)) % cv.px(6)
            y += 1.25
    cv.d = ImageDraw.Draw(cv.im)


def band(g, cv, doc, L, title_key, colour, face):
    """The coloured band at the top: state on the left, the title in the
    caption language and English on the right, in white."""
    fmt = doc["format"]
    big = {"TD3": 2.2, "MRVA": 2.1, "TD2": 1.8, "MRVB": 1.8, "TD1": 1.45}[fmt]
    h = big * 2.6
    cv.d.rectangle([0, 0, cv.w, cv.px(h)], fill=colour)
    en, nat_name, _ = g.country(doc["issuing_state"])
    state = nat_name.upper() if nat_name == en else "%s / %s" % (nat_name.upper(), en.upper())
    layout7.put(g, cv, 3.5, h * 0.5 + big * 0.5, state, big, (255, 255, 255), face.bold, max_w=cv.w_mm * 0.5)
    lang = face.langs[0]
    title = "%s / %s" % (CAPTIONS[lang][title_key], g.LABELS["en"][title_key])
    layout7.put(g, cv, cv.w_mm - 3.5, h * 0.5 + big * 0.3, title, big * 0.62, (240, 240, 240), face.reg,
                max_w=cv.w_mm * 0.45, anchor="rs")
    return h + 1.2


def _face(g, doc, dpi, r, L, rs):
    fmt, w_mm, h_mm, s, colors, mrz_top, x_jit, y_jit = layout7.geometry(g, doc, dpi, r)
    dark = tuple(max(0, v - 130) for v in colors[1])
    ink = (18, 20, 26)
    rule = tuple(max(0, v - 90) for v in colors[1])

    def blank(with_mrz):
        W, H = int(round(w_mm * s)), int(round(h_mm * s))
        return g.Canvas(w_mm, h_mm, dpi, g.guilloche(W, H, dpi, r, colors, mrz_top * s if with_mrz else H + 1))

    title_key = "passport" if fmt == "TD3" else "visa" if fmt in ("MRVA", "MRVB") else (
        "resid" if doc["residence"] else "idcard")
    cv = blank(fmt != "TD1")
    F = Face(g, cv, L, ink, dark, rule)
    bottom = (mrz_top - 1.0) if fmt != "TD1" else h_mm - 3.0
    security(g, cv, rs, L, doc, colors, (2.0, 6.0, w_mm - 2.0, bottom))
    top = band(g, cv, doc, L, title_key, dark, F)
    pw = {"TD3": 30, "MRVA": 26, "TD2": 23, "MRVB": 22, "TD1": 21}[fmt]
    sig_h = 5.5 if fmt in ("TD3", "MRVA", "TD2") else 0.0
    ph = min(pw * 1.3, bottom - top - 1 - sig_h)
    gw = pw * 0.36
    if L["portrait"] == "left":
        px = 3.5
        fx0, fx1 = px + pw + 2.5, w_mm - 3.5 - gw - 1.5
        gx = w_mm - 3.0 - gw
    else:
        px = w_mm - 3.5 - pw
        fx0, fx1 = 3.5 + gw + 1.5, px - 2.5
        gx = 3.0
    g.portrait(cv, px, top + 0.5, pw, ph, r)
    g.portrait(cv, gx, max(top, bottom - gw * 1.3 - 0.5), gw, gw * 1.3, rs, ghost=True)
    if sig_h:
        sy = top + 0.5 + ph + 1.0
        layout7.put(g, cv, px, sy + 0.8, caption(g, "sig", F.langs), 0.7, (128, 128, 128), F.reg, max_w=pw)
        g.signature(cv, px + 1, sy + 1.2, pw - 2, min(3.0, bottom - sy - 1.5), r)
    rows = rows_of(g, doc, L)
    back = []
    if fmt == "TD1":
        back_keys = ("pob", "doi", "auth")
        back = [f for row in rows for f in row if f[0] in back_keys]
        rows = [[f for f in row if f[0] not in back_keys] for row in rows]
        rows = [row for row in rows if row]
    Lc0, Vc0 = {"TD3": (0.78, 1.9), "MRVA": (0.74, 1.8), "TD2": (0.66, 1.55), "MRVB": (0.66, 1.55),
                "TD1": (0.6, 1.4)}[fmt]
    avail = bottom - top
    k = min(1.0, avail / (len(rows) * F.height(Lc0, Vc0)))
    Lc, Vc = max(0.5, Lc0 * k), max(1.0, Vc0 * k)
    rh = F.height(Lc, Vc)
    if L["captions"] == "cell":
        rh = min(avail / len(rows), rh * 1.15)
    else:
        rh += min(Vc * 0.9, max(0.0, avail - len(rows) * rh) / len(rows))
    y = top
    cells = []
    for row in rows:
        cw = (fx1 - fx0) / len(row)
        for n, (key, val) in enumerate(row):
            gap = 0.0 if L["captions"] == "cell" else 1.2
            F.field(key, val, fx0 + n * cw, y, cw - gap, rh, Lc, Vc)
            cells.append((fx0 + n * cw, y, cw - gap, rh))
        y += rh
    if L["stamp"] and cells:
        g._stamp(cv, rs, rs.choice(cells), True)
    bk = None
    if fmt == "TD1":
        bk = blank(True)
        security(g, bk, rs, L, doc, colors, (2.0, 2.0, w_mm - 2.0, mrz_top - 1.0))
        Fb = Face(g, bk, L, ink, dark, rule)
        by, bh = 3.0, Fb.height(0.62, 1.3) * (1.12 if L["captions"] == "cell" else 1.0)
        for key, val in back:
            Fb.field(key, val, 4.0, by, 56.0, bh, 0.62, 1.3)
            by += bh + (0.0 if L["captions"] == "cell" else 0.4)
    return layout7.finish(g, doc, r, rs, cv, bk, x_jit, y_jit, s)


def _paper_page(g, w, h, dpi, rs, lang):
    """A booklet's other page: pale paper, fine wavy lines, its title and
    page number, now and then an entry stamp."""
    s = dpi / 25.4
    base = np.array(rs.choice([(246, 244, 236), (240, 244, 248), (248, 242, 240)]), np.float32)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32) / s
    ph = (yy + 1.8 * np.sin(xx / rs.uniform(6, 12))) / rs.uniform(0.9, 1.3)
    line = (np.abs(ph % 1.0 - 0.5) > 0.44).astype(np.float32)[..., None] * 0.18
    ink = base - np.array(rs.choice([(60, 40, 20), (40, 30, 60), (30, 60, 40)]), np.float32)
    a = base * (1 - line) + ink * line
    cv = g.Canvas(w / s, h / s, dpi, Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB"))
    grey = (110, 110, 120)
    layout7.put(g, cv, w / s / 2, 9, "%s / REMARKS" % CAPTIONS[lang]["remarks"].upper(), 1.6, grey,
                _D + "DejaVuSerif.ttf", max_w=w / s - 12, anchor="ms")
    layout7.put(g, cv, w / s - 6, h / s - 4, str(rs.randint(2, 5)), 1.4, grey, _D + "DejaVuSerif.ttf", anchor="rs")
    for _ in range(rs.randint(0, 2)):
        g._stamp(cv, rs, (rs.uniform(8, w / s - 40), rs.uniform(15, h / s - 30), 25, 18), True)
    return cv.im


def booklet(g, sheet, mask, doc, dpi, rs, L):
    """The object on the desk and where the document lies in it: an open
    booklet (cover, the other page above, the data page or the visa page
    below), or the card itself. Returns (rgb, mask, (x, y) of the sheet)."""
    if not L["cover"]:
        return sheet, mask, (0, 0)
    s = dpi / 25.4
    W, H = sheet.size
    pw, ph = int(round(125 * s)), int(round(88 * s))
    m = int(round(2.2 * s))
    lang = L["caption_langs"].split("/")[0]
    obj = Image.new("RGB", (pw + 2 * m, 2 * ph + 2 * m), rs.choice(COVERS))
    omask = Image.new("L", obj.size, 0)
    ImageDraw.Draw(omask).rounded_rectangle([0, 0, obj.size[0] - 1, obj.size[1] - 1], radius=int(3 * s), fill=255)
    obj.paste(_paper_page(g, pw, ph, dpi, rs, lang), (m, m))
    if doc["format"] == "TD3":
        at = (m, m + ph)
    else:  # a visa sticker on the lower page, near its foot
        obj.paste(_paper_page(g, pw, ph, dpi, rs, lang), (m, m + ph))
        at = (m + int(rs.uniform(0.2, 0.8) * max(1, pw - W)), m + ph + max(0, ph - H - int(rs.uniform(2, 4) * s)))
    obj.paste(sheet, at, mask)
    d = ImageDraw.Draw(obj)
    d.line([(m, m + ph), (m + pw, m + ph)], fill=(120, 115, 110), width=max(1, int(s * 0.35)))
    return obj, omask, at


def _desk(kind, fw, fh, nrng):
    """A desk top at a quarter of the frame's resolution, scaled up."""
    sw, sh = max(8, fw // 4), max(8, fh // 4)
    yy, xx = np.mgrid[0:sh, 0:sw].astype(np.float32)
    n = nrng.normal(0, 1, (sh, sw)).astype(np.float32)
    if kind == "wood":
        grain = np.sin(yy / sh * 40 + 3 * np.sin(xx / sw * 6 + nrng.uniform(0, 6)) + n * 0.3)
        base = np.array([150, 108, 70], np.float32) * nrng.uniform(0.75, 1.1)
        a = base * (1 + 0.12 * grain[..., None]) + n[..., None] * 4
    elif kind == "fabric":
        weave = np.sin(xx * 2.2) * np.sin(yy * 2.2)
        base = np.array(nrng.choice([[90, 100, 120], [120, 110, 95], [70, 85, 75]]), np.float32)
        a = base * (1 + 0.08 * weave[..., None]) + n[..., None] * 7
    elif kind == "light":
        a = np.array([222, 222, 216], np.float32) * (1 - 0.06 * yy[..., None] / sh) + n[..., None] * 2
    else:
        a = np.array([48, 48, 54], np.float32) + n[..., None] * 3
    img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB")
    return img.resize((fw, fh), Image.BILINEAR)


def _fit(quad, fw, fh, margin):
    """Scales the quad about the frame's centre until it lies inside."""
    cx, cy = fw / 2, fh / 2
    k = 1.0
    for x, y in quad:
        if x < margin or x > fw - margin:
            k = min(k, (fw / 2 - margin) / max(1e-6, abs(x - cx)))
        if y < margin or y > fh - margin:
            k = min(k, (fh / 2 - margin) / max(1e-6, abs(y - cy)))
    return [(cx + (x - cx) * k, cy + (y - cy) * k) for x, y in quad]


def _gauss_spot(fw, fh, cx, cy, rx, ry, ang):
    yy, xx = np.mgrid[0:fh, 0:fw].astype(np.float32)
    c, s_ = math.cos(ang), math.sin(ang)
    u = ((xx - cx) * c + (yy - cy) * s_) / rx
    v = (-(xx - cx) * s_ + (yy - cy) * c) / ry
    return np.exp(-(u * u + v * v))


def photo(g, sheet, mask, box, doc, dpi, rs, L):
    """The phone photo: the object on a desk in perspective, its shadow,
    glare, sheen, vignette and colour cast. Returns (frame, full mask, MRZ
    box) and puts the data page's and the MRZ's corners in the frame in
    L['_quad'] and L['_mrz_quad']."""
    obj, omask, at = booklet(g, sheet, mask, doc, dpi, rs, L)
    W, H = obj.size
    f = L["frame_share"]
    A = 4 / 3 if W >= H else 3 / 4
    fw = int(max(W / f, A * H / f))
    fh = int(fw / A)
    nrng = np.random.default_rng(rs.randint(0, 2 ** 31))
    frame = _desk(L["desk"], fw, fh, nrng)
    # Where the object's corners go: centred (give or take), turned, each
    # corner moved by up to corner_shift of the object's width.
    cx = fw / 2 + rs.uniform(-0.5, 0.5) * (fw - W) * 0.5
    cy = fh / 2 + rs.uniform(-0.5, 0.5) * (fh - H) * 0.5
    t = math.radians(L["turn_deg"])
    sh = L["corner_shift"] * W
    quad = []
    for x, y in [(0, 0), (W, 0), (W, H), (0, H)]:
        dx, dy = x - W / 2, y - H / 2
        quad.append((cx + dx * math.cos(t) - dy * math.sin(t) + rs.uniform(-sh, sh),
                     cy + dx * math.sin(t) + dy * math.cos(t) + rs.uniform(-sh, sh)))
    quad = _fit(quad, fw, fh, 0.02 * fw)
    src = [(0, 0), (W, 0), (W, H), (0, H)]
    coeffs = layout5._perspective_coeffs(src, quad)
    warped = obj.transform((fw, fh), Image.PERSPECTIVE, coeffs, resample=Image.BILINEAR)
    wmask = omask.transform((fw, fh), Image.PERSPECTIVE, coeffs, resample=Image.BILINEAR, fillcolor=0)
    # The object's shadow on the desk, soft and a little off to one side.
    small = wmask.resize((max(1, fw // 8), max(1, fh // 8)), Image.BILINEAR).filter(ImageFilter.GaussianBlur(3))
    shadow = np.asarray(small.resize((fw, fh), Image.BILINEAR), np.float32) / 255.0
    off = (int(fw * rs.uniform(0.005, 0.02)), int(fh * rs.uniform(0.005, 0.02)))
    shadow = np.roll(np.roll(shadow, off[1], axis=0), off[0], axis=1)
    a = np.asarray(frame, np.float32) * (1 - rs.uniform(0.3, 0.5) * shadow[..., None])
    frame = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB")
    frame.paste(warped, (0, 0), wmask)
    # The document's corners (the sheet within the object) and its MRZ.
    sw, shh = sheet.size
    dq = [layout5._apply(coeffs, (at[0] + x, at[1] + y)) for x, y in [(0, 0), (sw, 0), (sw, shh), (0, shh)]]
    mq = [layout5._apply(coeffs, (at[0] + x, at[1] + y))
          for x, y in [(box[0], box[1]), (box[2], box[1]), (box[2], box[3]), (box[0], box[3])]]
    L["_quad"], L["_mrz_quad"] = dq, mq
    dmask_obj = Image.new("L", obj.size, 0)
    dmask_obj.paste(mask, at)
    dmask = np.asarray(dmask_obj.transform((fw, fh), Image.PERSPECTIVE, coeffs, resample=Image.BILINEAR,
                                           fillcolor=0), np.float32) / 255.0

    def on_doc(u, v):  # a point of the document, (u, v) its share of the width and height
        top = (dq[0][0] + u * (dq[1][0] - dq[0][0]), dq[0][1] + u * (dq[1][1] - dq[0][1]))
        bot = (dq[3][0] + u * (dq[2][0] - dq[3][0]), dq[3][1] + u * (dq[2][1] - dq[3][1]))
        return top[0] + v * (bot[0] - top[0]), top[1] + v * (bot[1] - top[1])

    dw = math.hypot(dq[1][0] - dq[0][0], dq[1][1] - dq[0][1])
    a = np.asarray(frame, np.float32)
    if L["sheen"]:  # a laminate sheen: a pale band with a faint rainbow, on the document only
        ang = rs.uniform(0, math.pi)
        px_, py_ = on_doc(rs.uniform(0.2, 0.8), rs.uniform(0.2, 0.6))
        yy, xx = np.mgrid[0:fh, 0:fw].astype(np.float32)
        dist = (xx - px_) * math.cos(ang) + (yy - py_) * math.sin(ang)
        wband = dw * rs.uniform(0.05, 0.12)
        prof = np.exp(-(dist / wband) ** 2) * rs.uniform(0.12, 0.22) * dmask
        hue = np.stack([np.sin(dist / wband * 2 + k * 2.1) for k in range(3)], -1) * 12
        a = a * (1 - prof[..., None]) + (240 + hue) * prof[..., None]
    if L["glare"] != "none":  # a specular spot, washed out to white at its core
        if L["glare"] == "fields":
            gx, gy = on_doc(rs.uniform(0.3, 0.85), rs.uniform(0.25, 0.5))
        else:
            gx, gy = on_doc(rs.choice([0.1, 0.9]), 0.86)
        rx = dw * rs.uniform(0.07, 0.14)
        spot = _gauss_spot(fw, fh, gx, gy, rx, rx * rs.uniform(0.45, 0.8), rs.uniform(0, math.pi))
        spot = np.clip(spot * rs.uniform(1.1, 1.5), 0, 1)
        a = a * (1 - spot[..., None]) + np.array([255, 253, 248], np.float32) * spot[..., None]
    yy, xx = np.mgrid[0:fh, 0:fw].astype(np.float32)
    vig = 1.0 - rs.uniform(0.08, 0.22) * (((xx / fw - 0.5) ** 2 + (yy / fh - 0.5) ** 2) * 2)
    c = L["cast_strength"]
    cast = np.array([1 + c, 1 + c / 3, 1 - c] if L["cast"] == "warm" else [1 - c, 1, 1 + c], np.float32)
    a = a * vig[..., None] * cast
    frame = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB")
    mbox = [int(math.floor(min(p[0] for p in mq))), int(math.floor(min(p[1] for p in mq))),
            int(math.ceil(max(p[0] for p in mq))), int(math.ceil(max(p[1] for p in mq)))]
    return frame, Image.new("L", frame.size, 255), mbox


def render(g, doc, dpi, r, L):
    """generate.render_layout for this family: the face(s), then the photo."""
    rs = random.Random(L["draw_seed"])
    sheet, mask, box, pitch, cap = _face(g, doc, dpi, r, L, rs)
    frame, fmask, mbox = photo(g, sheet, mask, box, doc, dpi, rs, L)
    return frame, fmask, mbox, pitch, cap


def truth_quads(L, size, frame_quad, img_size):
    """The truth's mrz_bbox, mrz_quad and doc_quad once generate.place has
    laid the frame (size) at frame_quad (its corners in the image, turned
    by the rotation only): the MRZ's and the document's own corners."""
    W, H = size
    o, ex, ey = frame_quad[0], frame_quad[1], frame_quad[3]

    def to_img(p):
        u, v = p[0] / W, p[1] / H
        return (o[0] + u * (ex[0] - o[0]) + v * (ey[0] - o[0]), o[1] + u * (ex[1] - o[1]) + v * (ey[1] - o[1]))

    mq = [to_img(p) for p in L["_mrz_quad"]]
    dq = [[round(x, 1), round(y, 1)] for x, y in (to_img(p) for p in L["_quad"])]
    x0, y0 = math.floor(min(p[0] for p in mq)), math.floor(min(p[1] for p in mq))
    x1, y1 = math.ceil(max(p[0] for p in mq)), math.ceil(max(p[1] for p in mq))
    bw, bh = img_size
    bbox = [max(0, x0), max(0, y0), min(bw, x1) - max(0, x0), min(bh, y1) - max(0, y0)]
    return bbox, [[round(x, 1), round(y, 1)] for x, y in mq], dq
