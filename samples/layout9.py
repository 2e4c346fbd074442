"""The heldout9 layout family of samples/generate.py (--layouts heldout9).

Written blind on 2026-12-07 by a session that tunes no rule and never
screened any of its pages, so that the rules of that day can be judged on
pages nobody looked at. Do not inspect its pages to fix a rule
(samples/README.md, "Layouts").

What it draws, unlike every earlier family:
- captions in a second script with English: Russian, Bulgarian, Serbian or
  Ukrainian (Cyrillic), Greek, Georgian or Armenian ("Фамилия / Surname",
  "Επώνυμο / Surname", "გვარი / Surname"), whatever the issuing state; the
  sex printed in both ("Ж/F", "Θ/F");
- three arrangements of the captions: two columns of fields meeting at a
  centre rule (the left column's caption and value aligned on its right
  edge, the right column's on its left edge), the national caption at the
  left and the English one at the right end of one line above a value
  standing on a hairline, or the national caption above the value and the
  English one below it;
- dates "14 VII 1985", "14.VII.85", "1985-JUL-14" or the caption language's
  month with the English one and a two-digit year ("14 ЛИП/JUL 85"); on
  half of the passports and cards the date and place of birth on one line
  under one caption; the personal number on a line of its own;
- a state emblem and the state's English name in the header, the title in
  the caption language and English, a border of fine wavy lines;
- security print running behind the MRZ itself on six pages in ten
  (faint), a split-fountain "rainbow" tint on half;
- polycarbonate cards (most TD1 and TD2, some passport data pages): values
  and MRZ laser-engraved (grey, a little soft), a transparent window beside
  the fields showing what lies behind the card, with an engraved image;
- passports and visas on half of the pages as an open booklet on the
  flatbed: the facing page above, the paper curving into the gutter (text
  squeezed, bent and darkened towards the spine);
- on 45 % of the pages a black-and-white photocopy instead of the document
  (the copy then scanned in grey): contrast pushed, a grey paper cast,
  toner speckle, now and then a drum streak, the copier's lid (white, or
  black with the lid open) round the document and the dark edge of the
  platen; one in three of them a copy of a copy.

Genuine pages are genuine: each value printed is what the MRZ holds (the
identities are the seed's, as in every family). `g` is generate.py's own
module, whose canvas, guilloche, portraits and MRZ this family draws with.
On a booklet or a copy the truth's doc_quad is the data page's (the
card's, the visa's) four corners in the image, mrz_quad the MRZ's
(samples/layout8.py's truth_quads).
"""
import math
import os
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

import layout5  # the perspective helpers
import layout7  # put(): text at a cap height in any typeface; geometry()

FAMILY = "heldout9"
_U = "/usr/share/fonts/opentype/urw-base35/"
_L = "/usr/share/fonts/truetype/liberation/"
_D = "/usr/share/fonts/truetype/dejavu/"
_N = "/usr/share/fonts/truetype/noto/"
TYPEFACES = {  # regular, bold
    "noto_mono": (_N + "NotoSansMono-Regular.ttf", _N + "NotoSansMono-Bold.ttf"),
    "liberation_mono": (_L + "LiberationMono-Regular.ttf", _L + "LiberationMono-Bold.ttf"),
    "urw_gothic": (_U + "URWGothic-Book.otf", _U + "URWGothic-Demi.otf"),
    "dejavu_light": (_D + "DejaVuSans-ExtraLight.ttf", _D + "DejaVuSansCondensed-Bold.ttf"),
}
WIDE_SCRIPT = _D + "DejaVuSans.ttf"  # Georgian and Armenian captions: only DejaVu has the letters
WIDE_BOLD = _D + "DejaVuSans-Bold.ttf"  # and values holding them ("Ա/M")


def wide(text):
    """Whether text holds Armenian or Georgian letters."""
    return any(0x530 <= ord(c) < 0x590 or 0x10A0 <= ord(c) < 0x1100 for c in text)
LANGS = ["ru", "bg", "sr", "uk", "el", "ka", "hy"]
_K = ("surname given nat dob sex pob dob_pob doi doe auth passno docno type code sig pers valid_from until "
      "entries duration passport idcard resid visa observations visas").split()
_T = {
    "ru": ["Фамилия", "Имя", "Гражданство", "Дата рождения", "Пол", "Место рождения", "Дата и место рождения",
           "Дата выдачи", "Дата окончания срока действия", "Орган, выдавший документ", "Номер паспорта",
           "Номер документа", "Тип", "Код государства", "Подпись владельца", "Личный код", "Действительна с",
           "до", "Количество въездов", "Продолжительность пребывания", "ПАСПОРТ", "УДОСТОВЕРЕНИЕ ЛИЧНОСТИ",
           "ВИД НА ЖИТЕЛЬСТВО", "ВИЗА", "ОСОБЫЕ ОТМЕТКИ", "ВИЗЫ"],
    "bg": ["Фамилия", "Име", "Гражданство", "Дата на раждане", "Пол", "Място на раждане",
           "Дата и място на раждане", "Дата на издаване", "Валиден до", "Издаден от", "Паспорт №",
           "Номер на документа", "Вид", "Код", "Подпис", "ЕГН", "Валидна от", "до", "Брой влизания",
           "Продължителност на престоя", "ПАСПОРТ", "ЛИЧНА КАРТА", "РАЗРЕШЕНИЕ ЗА ПРЕБИВАВАНЕ", "ВИЗА",
           "ЗАБЕЛЕЖКИ", "ВИЗИ"],
    "sr": ["Презиме", "Име", "Држављанство", "Датум рођења", "Пол", "Место рођења", "Датум и место рођења",
           "Датум издавања", "Важи до", "Издаје", "Број пасоша", "Број документа", "Тип", "Шифра државе",
           "Потпис", "ЈМБГ", "Важи од", "до", "Број улазака", "Трајање боравка", "ПАСОШ", "ЛИЧНА КАРТА",
           "ДОЗВОЛА БОРАВКА", "ВИЗА", "НАПОМЕНЕ", "ВИЗЕ"],
    "uk": ["Прізвище", "Ім'я", "Громадянство", "Дата народження", "Стать", "Місце народження",
           "Дата і місце народження", "Дата видачі", "Дійсний до", "Орган, що видав", "Номер паспорта",
           "Номер документа", "Тип", "Код держави", "Підпис", "Запис №", "Дійсна з", "до",
           "Кількість в'їздів", "Тривалість перебування", "ПАСПОРТ", "ПОСВІДЧЕННЯ ОСОБИ",
           "ПОСВІДКА НА ПРОЖИВАННЯ", "ВІЗА", "ОСОБЛИВІ ВІДМІТКИ", "ВІЗИ"],
    "el": ["Επώνυμο", "Όνομα", "Ιθαγένεια", "Ημερ. γέννησης", "Φύλο", "Τόπος γέννησης",
           "Ημερ. και τόπος γέννησης", "Ημερ. έκδοσης", "Ισχύει έως", "Αρχή έκδοσης", "Αριθ. διαβατηρίου",
           "Αριθ. εγγράφου", "Τύπος", "Κωδ. χώρας", "Υπογραφή κατόχου", "Προσωπικός αριθ.", "Ισχύει από",
           "έως", "Αριθμός εισόδων", "Διάρκεια παραμονής", "ΔΙΑΒΑΤΗΡΙΟ", "ΔΕΛΤΙΟ ΤΑΥΤΟΤΗΤΑΣ", "ΑΔΕΙΑ ΔΙΑΜΟΝΗΣ",
           "ΘΕΩΡΗΣΗ", "ΠΑΡΑΤΗΡΗΣΕΙΣ", "ΘΕΩΡΗΣΕΙΣ"],
    "ka": ["გვარი", "სახელი", "მოქალაქეობა", "დაბადების თარიღი", "სქესი", "დაბადების ადგილი",
           "დაბადების თარიღი და ადგილი", "გაცემის თარიღი", "მოქმედების ვადა", "გამცემი ორგანო",
           "პასპორტის №", "დოკუმენტის №", "ტიპი", "კოდი", "ხელმოწერა", "პირადი №", "მოქმედებს",
           "მდე", "შესვლების რაოდენობა", "ყოფნის ხანგრძლივობა", "პასპორტი", "პირადობის მოწმობა",
           "ბინადრობის ნებართვა", "ვიზა", "შენიშვნები", "ვიზები"],
    "hy": ["Ազգանուն", "Անուն", "Քաղաքացիություն", "Ծննդյան ամսաթիվ", "Սեռ", "Ծննդավայր",
           "Ծննդյան ամսաթիվ և վայր", "Տրման ամսաթիվ", "Վավեր է մինչև", "Տրված է", "Անձնագրի համար",
           "Փաստաթղթի համար", "Տեսակ", "Կոդ", "Ստորագրություն", "Անձնական համար", "Վավեր է", "մինչև",
           "Մուտքերի քանակ", "Մնալու տևողություն", "ԱՆՁՆԱԳԻՐ", "ՆՈՒՅՆԱԿԱՆԱՑՄԱՆ ՔԱՐՏ", "ԿԱՑՈՒԹՅԱՆ ՔԱՐՏ",
           "ՎԻԶԱ", "ՆՇՈՒՄՆԵՐ", "ՎԻԶԱՆԵՐ"],
}
CAPTIONS = {lang: dict(zip(_K, words)) for lang, words in _T.items()}
ENGLISH_MORE = {"dob_pob": "Date and place of birth", "observations": "OBSERVATIONS", "visas": "VISAS"}
SEX = {"ru": ("М", "Ж"), "bg": ("М", "Ж"), "sr": ("М", "Ж"), "uk": ("Ч", "Ж"), "el": ("Α", "Θ"),
       "ka": ("მ", "ქ"), "hy": ("Ա", "Ի")}  # male, female
MONTHS9 = {  # as passports in these languages abbreviate them (Georgian and Armenian: English only)
    "ru": "ЯНВ ФЕВ МАР АПР МАЙ ИЮН ИЮЛ АВГ СЕН ОКТ НОЯ ДЕК".split(),
    "bg": "ЯНУ ФЕВ МАР АПР МАЙ ЮНИ ЮЛИ АВГ СЕП ОКТ НОЕ ДЕК".split(),
    "sr": "ЈАН ФЕБ МАР АПР МАЈ ЈУН ЈУЛ АВГ СЕП ОКТ НОВ ДЕЦ".split(),
    "uk": "СІЧ ЛЮТ БЕР КВІ ТРА ЧЕР ЛИП СЕР ВЕР ЖОВ ЛИС ГРУ".split(),
    "el": "ΙΑΝ ΦΕΒ ΜΑΡ ΑΠΡ ΜΑΪ ΙΟΥΝ ΙΟΥΛ ΑΥΓ ΣΕΠ ΟΚΤ ΝΟΕ ΔΕΚ".split(),
}
MONTHS_EN = "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split()
ROMAN = "I II III IV V VI VII VIII IX X XI XII".split()
OFFICES = {"ru": "ФМС %05d", "bg": "МВР %04d", "sr": "ПУ %04d", "uk": "%04d", "el": "Α.Ε.Α./Δ.Δ. %03d",
           "ka": "სსგს %04d", "hy": "%03d"}
VISAS = ("MRVA", "MRVB")


def scan(rq, sc):
    """This family's capture, drawn from a stream of its own before the
    label: on 45 % of the pages a photocopy (one in three a copy of a
    copy), scanned in grey as a whole sheet (no card-sized bed round it);
    dpi, blur, noise and JPEG quality stay the seed's, so IMAGE_QUALITY_LOW
    and IMAGE_EDITED still change what they change."""
    x = rq.random()
    copies = 0 if x < 0.55 else 1 if x < 0.85 else 2
    sc["_copies9"] = copies  # read by pick(); not written to the truth
    if copies:
        sc["gray"] = True
        sc["bed"] = "copy"
    return sc


def typefaces_here():
    return [k for k, paths in TYPEFACES.items() if all(os.path.exists(p) for p in paths)]


def pick(g, rl, doc, sc):
    """This document's layout (recorded in the truth JSON as `layout`)."""
    fmt = doc["format"]
    L = {"family": FAMILY}
    L["captions"] = rl.choice(["spine", "split", "sandwich"])
    L["caption_lang"] = rl.choice(LANGS)
    L["given_case"] = rl.choice(["upper", "as_written"])
    L["dates"] = rl.choice(["roman_space", "roman_dot_yy", "ymd_mon", "script_month"])
    L["dob_pob"] = fmt not in VISAS and rl.random() < 0.5
    L["portrait"] = "left" if rl.random() < 0.6 else "right"
    # Liberation Mono and URW Gothic lack Vietnamese letters (Nguyễn, HÀ NỘI).
    faces = [k for k in typefaces_here() if doc["name_lang"] != "vi" or k in ("noto_mono", "dejavu_light")]
    L["font"] = rl.choice(faces or ["dejavu_light"])
    L["material"] = "polycarbonate" if rl.random() < {"TD1": 0.7, "TD2": 0.6, "TD3": 0.3}.get(fmt, 0.0) else "paper"
    L["mrz_print"] = rl.random() < 0.6
    L["rainbow"] = rl.random() < 0.5
    L["booklet"] = fmt in ("TD3",) + VISAS and rl.random() < 0.5
    L["copies"] = sc.get("_copies9", 0)
    L["lid"] = rl.choice(["closed", "closed", "open"]) if L["copies"] else "none"
    L["stamp"] = rl.random() < 0.2
    L["draw_seed"] = rl.randint(0, 10 ** 6)
    return L


def date9(d, style, lang):
    if style == "roman_space":
        return "%02d %s %04d" % (d.day, ROMAN[d.month - 1], d.year)
    if style == "roman_dot_yy":
        return "%02d.%s.%02d" % (d.day, ROMAN[d.month - 1], d.year % 100)
    if style == "ymd_mon":
        return "%04d-%s-%02d" % (d.year, MONTHS_EN[d.month - 1], d.day)
    en = MONTHS_EN[d.month - 1]
    mon = MONTHS9[lang][d.month - 1] + "/" + en if lang in MONTHS9 else en
    return "%02d %s %02d" % (d.day, mon, d.year % 100)


def caption_parts(g, key, lang):
    """(national, English) caption of a field."""
    return CAPTIONS[lang][key], ENGLISH_MORE.get(key) or g.LABELS["en"][key]


def rows_of(g, doc, L):
    """The fields as (front rows, back rows) of (caption key, value) pairs,
    a row holding one or two fields; back rows only on TD1. Every value is
    what the MRZ holds."""
    lang = L["caption_lang"]
    fd = lambda d: date9(d, L["dates"], lang)
    fmt = doc["format"]
    giv = doc["given_names"] if L["given_case"] == "as_written" else doc["given_names"].upper()
    sur, gv = [("surname", doc["surname"].upper())], [("given", giv or "-")]
    m, f = SEX[lang]
    sex = ("sex", {"M": m + "/M", "F": f + "/F"}.get(doc["sex"], doc["sex"]))
    nat = ("nat", doc["nationality"].replace("<", ""))
    code = ("code", doc["issuing_state"].replace("<", ""))
    dob = ("dob", fd(doc["birth_date"]))
    pob = ("pob", doc["place_of_birth"])
    dob_pob = ("dob_pob", "%s, %s" % (fd(doc["birth_date"]), doc["place_of_birth"]))
    issued, expiry = ("doi", fd(doc["issue_date"])), ("doe", fd(doc["expiry_date"]))
    pers = [[("pers", doc["optional_data"])]] if doc["optional_data"] and fmt in ("TD3", "TD1") else []
    if fmt in VISAS:
        return [[("type", doc["visa_type"]), ("entries", doc["entries"])],
                [("valid_from", fd(doc["issue_date"])), ("until", fd(doc["expiry_date"]))],
                [("duration", doc["duration"]), ("docno", doc["document_number"])],
                sur, gv, [dob, sex], [nat, ("passno", doc["visa_passport_number"])]], []
    auth = ("auth", OFFICES[lang] % (sum(map(ord, doc["surname"])) * 7 % 1000 + 11))
    birth = [[dob_pob, sex]] if L["dob_pob"] else [[dob, sex], [pob]]
    kind = ("type", doc["document_code"].replace("<", "") or "P")
    if fmt == "TD1":
        front = [sur, gv, [nat, sex], [dob_pob if L["dob_pob"] else dob],
                 [expiry, ("docno", doc["document_number"])]]
        back = [[issued, auth]] + ([] if L["dob_pob"] else [[pob]]) + pers
        return front, back
    number = ("passno" if fmt == "TD3" else "docno", doc["document_number"])
    rows = [[kind, code], [number, nat], sur, gv] + birth + [[issued, expiry]]
    if fmt == "TD3":
        rows += [[auth]] + pers
    return rows, []


class Face:
    """Draws the fields of one face in one caption style. Values go to the
    engraving layer `eng` (an L canvas) on polycarbonate, else in ink."""

    def __init__(self, g, cv, eng, L, ink, cap_ink):
        self.g, self.cv, self.eng, self.L = g, cv, eng, L
        self.lang = L["caption_lang"]
        self.reg, self.bold = TYPEFACES.get(L["font"]) or TYPEFACES["dejavu_light"]
        self.capf = WIDE_SCRIPT if self.lang in ("ka", "hy") and L["font"] != "dejavu_light" else self.reg
        self.ink, self.cap_ink = ink, cap_ink

    def height(self, Lc, Vc):
        per_cap, per_value = {"spine": (1.45, 1.55), "split": (1.5, 1.75), "sandwich": (2.6, 1.45)}[self.L["captions"]]
        return Lc * per_cap + Vc * per_value

    def value(self, x, y, text, Vc, max_w, anchor="ls"):
        path = WIDE_BOLD if wide(text) else self.bold
        if self.eng is not None:
            layout7.put(self.g, self.eng, x, y, text, Vc, 255, path, max_w=max_w, anchor=anchor)
        else:
            layout7.put(self.g, self.cv, x, y, text, Vc, self.ink, path, max_w=max_w, anchor=anchor)

    def field(self, key, value, x, y, w, Lc, Vc, side="left"):
        g, cv = self.g, self.cv
        nat, en = caption_parts(g, key, self.lang)
        st = self.L["captions"]
        if st == "spine":  # the left column aligned on its right edge, the right column on its left edge
            a, xa = ("rs", x + w) if side == "left" else ("ls", x)
            layout7.put(g, cv, xa, y + Lc, "%s / %s" % (nat, en), Lc, self.cap_ink, self.capf, max_w=w, anchor=a)
            self.value(xa, y + Lc * 1.45 + Vc * 1.1, value, Vc, w, anchor=a)
        elif st == "split":  # national at the left end, English at the right end, the value on a hairline
            layout7.put(g, cv, x, y + Lc, nat, Lc, self.cap_ink, self.capf, max_w=w * 0.55)
            layout7.put(g, cv, x + w, y + Lc, en, Lc, self.cap_ink, self.reg, max_w=w * 0.43, anchor="rs")
            base = y + Lc * 1.5 + Vc * 1.15
            self.value(x + 0.3, base, value, Vc, w - 0.6)
            lw = max(1, int(cv.s * 0.08))
            cv.d.line([(cv.px(x), cv.px(base + Vc * 0.3)), (cv.px(x + w), cv.px(base + Vc * 0.3))],
                      fill=self.cap_ink, width=lw)
        else:  # sandwich: national above the value, English below it
            layout7.put(g, cv, x, y + Lc, nat, Lc, self.cap_ink, self.capf, max_w=w)
            self.value(x, y + Lc * 1.35 + Vc * 1.1, value, Vc, w)
            layout7.put(g, cv, x, y + Lc * 2.35 + Vc * 1.35, en, Lc * 0.9, (120, 120, 125), self.reg, max_w=w)


def backdrop(cv, rs, L, colors, mrz_top_mm, poly):
    """What the page's own guilloche lacks: a split-fountain tint (pale
    hues turning across the width), a border of fine wavy lines, a paler
    polycarbonate substrate, and over the MRZ band (printed through when
    mrz_print) a wash that keeps it faint."""
    W, H = cv.im.size
    a = np.asarray(cv.im, np.float32)
    if L["rainbow"]:
        x = np.linspace(0.0, 1.0, W, dtype=np.float32)[None, :, None]
        h1 = np.array(rs.choice([(255, 214, 222), (214, 236, 255), (222, 250, 214)]), np.float32)
        h2 = np.array(rs.choice([(255, 244, 200), (236, 214, 255), (200, 244, 240)]), np.float32)
        tint = (h1 * (1 - x) + h2 * x) / 255.0
        a = a * (0.3 + 0.7 * tint)
    if poly:
        grey = a.mean(axis=2, keepdims=True)
        a = (a * 0.45 + grey * 0.55) * 0.7 + 250 * 0.3
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32) / cv.s
    edge = np.minimum(np.minimum(xx, cv.w_mm - xx), np.minimum(yy, cv.h_mm - yy))
    wave = np.abs(((edge + 0.35 * np.sin((xx + yy) / rs.uniform(1.2, 2.0))) / 0.42) % 1.0 - 0.5) > 0.38
    ring = (wave & (edge > 1.2) & (edge < rs.uniform(2.6, 3.4))).astype(np.float32)[..., None] * 0.45
    ink = np.array([max(0, c - 60) for c in colors[1]], np.float32)
    a = a * (1 - ring) + ink * ring
    top = int(cv.px(mrz_top_mm)) if mrz_top_mm is not None else H
    if top < H:
        keep = rs.uniform(0.45, 0.65) if L["mrz_print"] else 0.25
        a[top:] = a[top:] * keep + 252 * (1 - keep)
    cv.im.paste(Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB"), (0, 0))
    cv.d = ImageDraw.Draw(cv.im)


def header9(g, cv, doc, L, title_key, colour, face):
    """An emblem (a ring round a star), the state's English name, the
    title in the caption language and English."""
    fmt = doc["format"]
    big = {"TD3": 2.2, "MRVA": 2.1, "TD2": 1.8, "MRVB": 1.8, "TD1": 1.45}[fmt]
    er = big * 1.25
    ex, ey = 3.2 + er, 2.0 + er
    lw = max(1, int(cv.s * 0.15))
    cv.d.ellipse([cv.px(ex - er), cv.px(ey - er), cv.px(ex + er), cv.px(ey + er)], outline=colour, width=lw)
    star = [(cv.px(ex + er * (0.78 if k % 2 == 0 else 0.33) * math.sin(k * math.pi / 5)),
             cv.px(ey - er * (0.78 if k % 2 == 0 else 0.33) * math.cos(k * math.pi / 5))) for k in range(10)]
    cv.d.polygon(star, fill=colour)
    en, _, _ = g.country(doc["issuing_state"])
    x = ex + er + 1.8
    layout7.put(g, cv, x, 2.0 + big, en, big * 0.9, colour, face.bold, max_w=cv.w_mm - x - 3)
    title = "%s / %s" % (CAPTIONS[face.lang][title_key], g.LABELS["en"][title_key])
    layout7.put(g, cv, x, 3.0 + big * 1.9, title, big * 0.6, colour, face.capf, max_w=cv.w_mm - x - 3)
    return 4.6 + big * 2.1


def engrave(cv, eng, rs, dpi):
    """Lays the engraving layer on the face: grey, a little soft."""
    if eng is None:
        return
    soft = eng.im.filter(ImageFilter.GaussianBlur(dpi / 10.0 * rs.uniform(0.008, 0.015)))
    alpha = np.asarray(soft, np.float32)[..., None] / 255.0 * rs.uniform(0.86, 0.95)
    grey = rs.randint(45, 80)
    a = np.asarray(cv.im, np.float32)
    a = a * (1 - alpha) + np.array([grey, grey, grey + 4], np.float32) * alpha
    cv.im.paste(Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB"), (0, 0))
    cv.d = ImageDraw.Draw(cv.im)


def _face(g, doc, dpi, r, L, rs):
    fmt, w_mm, h_mm, s, colors, mrz_top, x_jit, y_jit = layout7.geometry(g, doc, dpi, r)
    poly = L["material"] == "polycarbonate"
    dark = tuple(max(0, v - 125) for v in colors[1])
    ink = (16, 18, 24)

    def blank(with_mrz):
        W, H = int(round(w_mm * s)), int(round(h_mm * s))
        clear = mrz_top * s if with_mrz and not L["mrz_print"] else H + 1
        cv = g.Canvas(w_mm, h_mm, dpi, g.guilloche(W, H, dpi, r, colors, clear))
        backdrop(cv, rs, L, colors, mrz_top if with_mrz else None, poly)
        eng = g.Canvas(w_mm, h_mm, dpi, Image.new("L", (W, H), 0)) if poly else None
        return cv, eng

    title_key = "passport" if fmt == "TD3" else "visa" if fmt in VISAS else (
        "resid" if doc["residence"] else "idcard")
    cv, eng = blank(fmt != "TD1")
    F = Face(g, cv, eng, L, ink, dark)
    top = header9(g, cv, doc, L, title_key, dark, F)
    bottom = (mrz_top - 1.0) if fmt != "TD1" else h_mm - 3.0
    pw = {"TD3": 30, "MRVA": 26, "TD2": 23, "MRVB": 22, "TD1": 20}[fmt]
    sig_h = 5.0 if fmt in ("TD3", "MRVA", "TD2") else 0.0
    ph = min(pw * 1.3, bottom - top - 1 - sig_h)
    ww = pw * 0.45 if poly else 0.0  # the transparent window's column
    if L["portrait"] == "left":
        px = 3.5
        fx0, fx1 = px + pw + 2.5, w_mm - 3.5 - (ww + 1.5 if ww else 0)
        wx = w_mm - 3.0 - ww
    else:
        px = w_mm - 3.5 - pw
        fx0, fx1 = 3.5 + (ww + 1.5 if ww else 0), px - 2.5
        wx = 3.0
    g.portrait(cv, px, top + 0.5, pw, ph, r)
    if poly:  # an engraved portrait is grey
        box = [int(cv.px(px)), int(cv.px(top + 0.5)), int(cv.px(px + pw)), int(cv.px(top + 0.5 + ph))]
        cv.im.paste(cv.im.crop(box).convert("L").convert("RGB"), box[:2])
    if sig_h:
        sy = top + 0.5 + ph + 1.0
        nat, en = caption_parts(g, "sig", F.lang)
        layout7.put(g, cv, px, sy + 0.8, "%s / %s" % (nat, en), 0.65, dark, F.capf, max_w=pw)
        g.signature(cv, px + 1, sy + 1.2, pw - 2, min(3.0, bottom - sy - 1.5), r)
    rows, back = rows_of(g, doc, L)
    Lc0, Vc0 = {"TD3": (0.8, 1.9), "MRVA": (0.76, 1.8), "TD2": (0.68, 1.55), "MRVB": (0.68, 1.55),
                "TD1": (0.62, 1.4)}[fmt]
    avail = bottom - top
    k = min(1.0, avail / (len(rows) * F.height(Lc0, Vc0)))
    Lc, Vc = max(0.5, Lc0 * k), max(1.0, Vc0 * k)
    step = F.height(Lc, Vc) + min(Vc * 0.8, max(0.0, avail - len(rows) * F.height(Lc, Vc)) / len(rows))
    cells = draw_rows(F, rows, fx0, fx1, top, step, Lc, Vc)
    if L["stamp"] and cells:
        g._stamp(cv, rs, rs.choice(cells), True)
    windows = []
    if poly:  # the window: an engraved image seen through clear polycarbonate
        wy, wh = top + 0.5, min(ww * 1.35, bottom - top - 1)
        g.portrait(cv, wx, wy, ww, wh, rs)
        windows.append((wx, wy, ww, wh))
    bk = beng = None
    if fmt == "TD1":
        bk, beng = blank(True)
        Fb = Face(g, bk, beng, L, ink, dark)
        hb = Fb.height(0.62, 1.35) + 0.6
        draw_rows(Fb, back, 4.0, 60.0, 3.0, hb, 0.62, 1.35)
        g.portrait(bk, 66, 4, 13, 16.5, rs, ghost=True)
    engrave(cv, eng, rs, dpi)
    if bk is not None:
        engrave(bk, beng, rs, dpi)
    faces = [cv] if bk is None else [cv, bk]
    last = faces[-1]
    before = last.im.copy()
    box, pitch, cap = g.render_mrz(last, doc, r, x_jit, y_jit)
    if poly:  # the MRZ engraved too: lighter and a little soft
        pad = int(cv.s)
        b = (max(0, box[0] - pad), max(0, box[1] - pad), min(last.w, box[2] + pad), min(last.h, box[3] + pad))
        mix = Image.blend(before.crop(b), last.im.crop(b), rs.uniform(0.78, 0.88))
        last.im.paste(mix.filter(ImageFilter.GaussianBlur(dpi / 10.0 * rs.uniform(0.006, 0.012))), b[:2])
    if doc.get("printed_specimen"):
        g.stamp_specimen(cv, fmt)
    sheet, mask, mrz_box, pitch, cap = g.assemble_faces(faces, box, pitch, cap, fmt, r, s)
    if windows:
        md, sd = ImageDraw.Draw(mask), ImageDraw.Draw(sheet)
        for x, y, w, h in windows:
            rect = [cv.px(x), cv.px(y), cv.px(x + w), cv.px(y + h)]
            md.rounded_rectangle(rect, radius=cv.px(1.5), fill=rs.randint(80, 120))
            sd.rounded_rectangle(rect, radius=cv.px(1.5), outline=(150, 150, 155), width=max(1, int(cv.s * 0.1)))
    return sheet, mask, mrz_box, pitch, cap


def draw_rows(F, rows, fx0, fx1, top, step, Lc, Vc):
    """The rows of fields. In the spine style a row of two is two columns
    meeting at a centre rule; a row of one spans the width from the left.
    Returns the cells drawn (x, y, w, h in mm)."""
    cv = F.cv
    cells = []
    y = top
    spine = F.L["captions"] == "spine"
    xm = (fx0 + fx1) / 2
    lw = max(1, int(cv.s * 0.08))
    for row in rows:
        if spine and len(row) == 2:
            for n, (key, val) in enumerate(row):
                x, w = (fx0, xm - fx0 - 1.2) if n == 0 else (xm + 1.2, fx1 - xm - 1.2)
                F.field(key, val, x, y, w, Lc, Vc, side="left" if n == 0 else "right")
                cells.append((x, y, w, step))
            cv.d.line([(cv.px(xm), cv.px(y + 0.2)), (cv.px(xm), cv.px(y + step - 0.4))], fill=F.cap_ink, width=lw)
        elif spine:
            key, val = row[0]
            F.field(key, val, fx0, y, fx1 - fx0, Lc, Vc, side="right")
            cells.append((fx0, y, fx1 - fx0, step))
        else:
            cw = (fx1 - fx0) / len(row)
            for n, (key, val) in enumerate(row):
                F.field(key, val, fx0 + n * cw, y, cw - 1.4, Lc, Vc)
                cells.append((fx0 + n * cw, y, cw - 1.4, step))
        y += step
    return cells


def _page(g, w, h, dpi, rs, L, title_key):
    """A booklet's other page: its own pale guilloche, the title in the
    caption language and English, a page number, now and then an entry stamp."""
    s = dpi / 25.4
    colors = g.palette(rs)
    cv = g.Canvas(w / s, h / s, dpi, g.guilloche(w, h, dpi, rs, colors, h + 1))
    grey = tuple(max(0, v - 110) for v in colors[1])
    lang = L["caption_lang"]
    font = WIDE_SCRIPT if lang in ("ka", "hy") else _D + "DejaVuSerif.ttf"
    title = "%s / %s" % (CAPTIONS[lang][title_key], ENGLISH_MORE[title_key])
    layout7.put(g, cv, w / s / 2, 12, title, 1.7, grey, font, max_w=w / s - 14, anchor="ms")
    layout7.put(g, cv, w / s / 2, 5, str(rs.randint(2, 31)), 1.5, grey, _D + "DejaVuSerif.ttf", anchor="ms")
    for _ in range(rs.randint(0, 2)):
        g._stamp(cv, rs, (rs.uniform(8, w / s - 40), rs.uniform(18, h / s - 30), 25, 18), True)
    return cv.im


def _quad_of(box):
    return [(box[0], box[1]), (box[2], box[1]), (box[2], box[3]), (box[0], box[3])]


def booklet(g, sheet, mask, mrz_box, doc, dpi, rs, L):
    """The open booklet on the flatbed: the facing page above, the data
    page (or the visa page with the visa) below, the paper curving into
    the gutter between them. Returns (spread, mask, document quad, MRZ quad)."""
    s = dpi / 25.4
    W, H = sheet.size
    pw, ph = int(round(125 * s)), int(round(88 * s))
    m = int(round(rs.uniform(1.5, 2.5) * s))
    obj = Image.new("RGB", (pw + 2 * m, 2 * ph + 2 * m), rs.choice([(92, 28, 34), (28, 38, 80), (30, 64, 48)]))
    omask = Image.new("L", obj.size, 0)
    ImageDraw.Draw(omask).rounded_rectangle([0, 0, obj.size[0] - 1, obj.size[1] - 1], radius=int(3 * s), fill=255)
    obj.paste(_page(g, pw, ph, dpi, rs, L, "observations" if doc["format"] == "TD3" else "visas"), (m, m))
    if doc["format"] == "TD3":  # the data page itself; under a window, the next page's paper
        obj.paste(Image.new("RGB", (pw, ph), (236, 234, 226)), (m, m + ph))
        at = (m, m + ph)
    else:  # a visa stuck on the lower page
        obj.paste(_page(g, pw, ph, dpi, rs, L, "visas"), (m, m + ph))
        at = (m + int(rs.uniform(0.1, 0.9) * max(0, pw - W)), m + ph + int(rs.uniform(0.2, 0.8) * max(0, ph - H)))
    obj.paste(sheet, at, mask)
    quad = [(at[0] + x, at[1] + y) for x, y in _quad_of((0, 0, W, H))]
    mq = [(at[0] + x, at[1] + y) for x, y in _quad_of(mrz_box)]
    return gutter(obj, omask, m + ph, dpi, rs, L, quad, mq)


def gutter(obj, omask, spine, dpi, rs, L, quad, mq):
    """The paper lifting off the glass near the spine (row `spine`): rows
    there are squeezed (foreshortened), more at one end of the spine than
    the other, so the lines near it bend; the far edge of the lower page
    stays put. Darker and softer towards the spine."""
    s = dpi / 25.4
    W, H = obj.size
    z = rs.uniform(3.0, 7.0) * s  # the zone's half-width
    k0 = rs.uniform(0.25, 0.5)
    tilt, bow = rs.uniform(-0.3, 0.3), rs.uniform(-0.25, 0.25)
    L["gutter_mm"], L["gutter_squeeze"] = round(z / s, 2), round(k0, 3)
    xs = np.arange(W, dtype=np.float32) / W
    kx = k0 * (1 + tilt * (xs - 0.5) * 2 + bow * np.sin(np.pi * xs))  # squeeze per column
    ys = np.arange(H, dtype=np.float64)
    phi = np.exp(-((ys - spine) / z) ** 2)
    Phi = np.cumsum(phi[::-1])[::-1]  # the squeeze summed from a row down to the bottom edge

    def fwd(x, y):  # where a point of the flat spread lands
        k = float(np.interp(x / W, xs, kx))
        return x, y + k * float(np.interp(y, ys, Phi))

    # Below the zone nothing moves: only rows above lim are drawn again.
    lim = min(H, int(spine + 4 * z))
    src = np.empty((lim, W), np.float32)  # the source row of every output pixel
    cols = list(range(0, W, 8)) + ([W - 1] if (W - 1) % 8 else [])
    table = np.empty((lim, len(cols)), np.float32)
    for i, c in enumerate(cols):
        table[:, i] = np.interp(ys[:lim], ys + kx[c] * Phi, ys)
    for yy in range(lim):
        src[yy] = np.interp(np.arange(W), cols, table[yy])
    y0 = np.clip(np.floor(src).astype(np.int64), 0, H - 2)
    f = (src - y0)[..., None]
    xi = np.arange(W)[None, :]
    a = np.asarray(obj, np.float32)
    soft = np.asarray(obj.crop((0, 0, W, min(H, lim + 1))).filter(
        ImageFilter.GaussianBlur(max(1.0, 0.35 * s))), np.float32)
    out = a[y0, xi] * (1 - f) + a[y0 + 1, xi] * f
    sout = soft[y0, xi] * (1 - f) + soft[y0 + 1, xi] * f
    w = np.exp(-((src - spine) / z) ** 2)[..., None] * (kx[None, :, None] / k0)
    out = out * (1 - np.clip(w, 0, 1)) + sout * np.clip(w, 0, 1)
    gain = 1 - rs.uniform(0.3, 0.55) * np.clip(w, 0, 1) - 0.45 * np.exp(-((src - spine) / (0.4 * s)) ** 2)[..., None]
    out = np.concatenate([out * gain, a[lim:]])
    m = np.asarray(omask, np.float32)
    mo = m[y0, xi] * (1 - f[..., 0]) + m[y0 + 1, xi] * f[..., 0]
    mo[src < 0.5] = 0  # above the spread's lowered top edge: nothing
    mo = np.concatenate([mo, m[lim:]])
    spread = Image.fromarray(np.clip(out, 0, 255).astype(np.uint8), "RGB")
    smask = Image.fromarray(np.clip(mo, 0, 255).astype(np.uint8), "L")
    return spread, smask, [fwd(*p) for p in quad], [fwd(*p) for p in mq]


def photocopy(sheet, mask, quad, mq, dpi, rs, L):
    """The document (or the open booklet) on a copier's glass and the copy
    scanned: grey, contrast pushed, a grey paper cast, the lid round the
    document (white, or black when left open), the dark edge of the platen
    on one or two sides, toner speckle, now and then a drum streak; a copy
    of a copy goes through the glass a second time. Returns (copy, mask,
    document quad, MRZ quad) in the copy's pixels."""
    s = dpi / 25.4
    W, H = sheet.size
    ml, mt, mr, mb = [int(rs.uniform(4, 14) * s) for _ in range(4)]
    fw, fh = W + ml + mr, H + mt + mb
    lid = L["lid"]
    t = math.radians(rs.uniform(-1.5, 1.5))
    cx, cy = ml + W / 2, mt + H / 2
    dst = [(cx + (x - W / 2) * math.cos(t) - (y - H / 2) * math.sin(t),
            cy + (x - W / 2) * math.sin(t) + (y - H / 2) * math.cos(t)) for x, y in _quad_of((0, 0, W, H))]
    coeffs = layout5._perspective_coeffs(_quad_of((0, 0, W, H)), dst)
    grey = sheet.convert("L").transform((fw, fh), Image.PERSPECTIVE, coeffs, resample=Image.BILINEAR)
    wmask = mask.transform((fw, fh), Image.PERSPECTIVE, coeffs, resample=Image.BILINEAR, fillcolor=0)
    frame = Image.new("L", (fw, fh), rs.randint(28, 60) if lid == "open" else 250)
    frame.paste(grey, (0, 0), wmask)
    # The card's or the booklet's edge throws a thin shadow on the glass.
    rim = np.asarray(wmask.filter(ImageFilter.MaxFilter(3)), np.int16) - np.asarray(
        wmask.filter(ImageFilter.MinFilter(3)), np.int16)
    edge = np.asarray(frame, np.float32)
    edge[rim > 100] = np.minimum(edge[rim > 100], rs.uniform(90, 140))
    frame = Image.fromarray(edge.astype(np.uint8), "L")
    quad = [layout5._apply(coeffs, p) for p in quad]
    mq = [layout5._apply(coeffs, p) for p in mq]
    a = np.asarray(frame, np.float32)
    nrng = np.random.default_rng(rs.randint(0, 2 ** 31))
    for gen in range(L["copies"]):
        if gen:  # the copy itself copied: a little softer, the tones pushed again
            a = np.asarray(Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L").filter(
                ImageFilter.GaussianBlur(dpi / 10.0 * rs.uniform(0.006, 0.012))), np.float32)
        lo, hi = rs.uniform(45, 80), rs.uniform(196, 222)
        v = np.clip((a - lo) / (hi - lo), 0, 1) ** rs.uniform(0.85, 1.2)
        toner, paper = rs.uniform(16, 40), rs.uniform(228, 246)
        a = toner + (paper - toner) * v
        dots = nrng.random(a.shape) < rs.uniform(2e-5, 1.2e-4)  # toner specks
        a[dots] = np.minimum(a[dots], rs.uniform(40, 120))
        if rs.random() < 0.3:  # toner spreading a little round the strokes
            spread = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L").filter(ImageFilter.MinFilter(3))
            a = np.asarray(spread, np.float32) * 0.35 + a * 0.65
        if rs.random() < 0.3:  # a drum streak along the paper's path, light
            x = rs.randint(0, fw - 1)
            a[:, x] = np.minimum(a[:, x], rs.uniform(190, 215))
    sides = rs.sample(["top", "bottom", "left", "right"], rs.randint(1, 2))
    e = max(2, int(rs.uniform(0.6, 2.0) * s))
    for side in sides:  # the platen's edge, dark
        val = rs.uniform(25, 70)
        if side == "top":
            a[:e] = np.minimum(a[:e], val)
        elif side == "bottom":
            a[-e:] = np.minimum(a[-e:], val)
        elif side == "left":
            a[:, :e] = np.minimum(a[:, :e], val)
        else:
            a[:, -e:] = np.minimum(a[:, -e:], val)
    L["platen_edges"] = sorted(sides)
    copy = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L").convert("RGB")
    return copy, Image.new("L", copy.size, 255), quad, mq


def render(g, doc, dpi, r, L):
    """generate.render_layout for this family: the face(s), then the
    booklet and the copier when drawn."""
    rs = random.Random(L["draw_seed"])
    sheet, mask, box, pitch, cap = _face(g, doc, dpi, r, L, rs)
    if not L["booklet"] and not L["copies"]:
        return sheet, mask, box, pitch, cap
    quad, mq = _quad_of((0, 0) + sheet.size), _quad_of(box)
    if L["booklet"]:
        sheet, mask, quad, mq = booklet(g, sheet, mask, box, doc, dpi, rs, L)
    if L["copies"]:
        sheet, mask, quad, mq = photocopy(sheet, mask, quad, mq, dpi, rs, L)
    L["_quad"], L["_mrz_quad"] = quad, mq
    xs, ys = [p[0] for p in mq], [p[1] for p in mq]
    mbox = [int(math.floor(min(xs))), int(math.floor(min(ys))), int(math.ceil(max(xs))), int(math.ceil(max(ys)))]
    return sheet, mask, mbox, pitch, cap
