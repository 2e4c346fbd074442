"""The heldout15 layout family of samples/generate.py (--layouts heldout15).

Written blind on 2026-12-07/08 by a session that tunes no rule and never
screened any of its pages, so that the rules of that day can be judged on
pages nobody looked at. Do not inspect its pages to fix a rule
(samples/README.md, "Layouts").

What it draws, unlike every earlier family:
- captions in languages no family drew, each with English, whatever the
  issuing state: Azerbaijani (`Soyadı`), Uzbek in Latin letters
  (`Familiyasi`, `Tugʻilgan sanasi` with the turned comma), Indonesian
  (`Nama keluarga`), Swahili (`Jina la ukoo`), Welsh (`Cyfenw`), Māori
  (`Ingoa whānau`), Pashto in Arabic script (`تخلص`) or Tigrinya in Ethiopic
  (`ስም ስድራ`);
- three caption styles: **circled field numbers** (a drawn ring round the
  number, the national / English caption after it, the value under both);
  **split captions** (the English caption at the left, the national one
  right-aligned at the field's right edge on the same line, the value
  under them on a hairline); or the captions **under the value** (the
  value on a hairline, `national · English` in small grey print below);
- the surname and the given names on two rows, or **stacked in one field**
  under one caption (`Soyadı, adı / Surname, given names`: the surname on
  the first line, the given names on the second);
- fields no family printed: the **father's name** (a given name that is
  not the holder's) on four passports and TD1 cards in ten; a two-line
  **address** on half of the cards (the TD1's back, the TD2's front);
- dates **month first** with slashes (`07/14/1985`, as on US cards), with
  **middle dots** (`14·07·1985`) or the English month in full with a comma
  (`July 14, 1985`);
- values in B612 (fonts-b612, the cockpit face) or Carlito upright or
  italic (fonts-crosextra-carlito); a **ghost image of the portrait
  translucent behind the fields** on half of the pages; the title
  centred on two lines (the national title over the English one) with a
  ring holding the issuing state's code;
- TD1 cards: the back under the front as in `classic`, but **turned 180
  degrees** (as a card flipped top to bottom on the glass) on four in
  ten: its MRZ reads upside down while the front stands upright;
- three captures, drawn from a stream of their own before the label: a
  flatbed scan as in every family (35 %); a **card or page held in the
  hand** (35 %): the document before a dim blurred room, the holder's
  thumb over one side edge (3-4 mm onto it, never over the MRZ), the
  fingers' shadow at the other, lit from above (a whole sheet, no skew,
  JPEG as drawn); or a
  **600 dpi lossless PNG** scan (30 %).

Genuine pages are genuine: each value printed is what the MRZ holds (the
identities are the seed's, as in every family); the father's name, the
address and the authority are the layout record's or the caption
language's. `g` is generate.py's own module.
"""
import os
import random

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter

import layout7  # geometry(), finish()
import layout10  # covers(), _canvas()
import layout11  # text()
import layout12  # _quad_of()

FAMILY = "heldout15"
_B = "/usr/share/fonts/opentype/b612/"
_C = "/usr/share/fonts/truetype/crosextra/"
_N = "/usr/share/fonts/truetype/noto/"
_D = "/usr/share/fonts/truetype/dejavu/"
FALLBACK = (_D + "DejaVuSans.ttf", _D + "DejaVuSans-Bold.ttf")
TYPEFACES = {  # captions, values: faces no other family uses
    "b612": (_B + "B612-Regular.otf", _B + "B612-Bold.otf"),
    "carlito": (_C + "Carlito-Regular.ttf", _C + "Carlito-Bold.ttf"),
    "carlito_italic": (_C + "Carlito-Italic.ttf", _C + "Carlito-BoldItalic.ttf"),
}
SCRIPT_FONT = {"ps": _N + "NotoSansArabic-Regular.ttf", "ti": _N + "NotoSansEthiopic-Regular.ttf"}
LANGS = ["az", "uz", "id", "sw", "cy", "mi", "ps", "ti"]
_KEYS = ("surname given nat dob sex pob doi doe auth passno docno type code pers valid_from until entries "
         "duration father address passport idcard resid visa names2").split()
_W = {
    "az": ["Soyadı", "Adı", "Vətəndaşlığı", "Doğum tarixi", "Cinsi", "Doğum yeri", "Verilmə tarixi",
           "Etibarlılıq müddəti", "Verən orqan", "Pasportun nömrəsi", "Sənədin nömrəsi", "Növü", "Ölkə kodu",
           "Şəxsi nömrə", "Başlama tarixi", "Bitmə tarixi", "Girişlərin sayı", "Qalma müddəti", "Atasının adı",
           "Ünvanı", "PASPORT", "ŞƏXSİYYƏT VƏSİQƏSİ", "YAŞAMA İCAZƏSİ", "VİZA", "Soyadı, adı"],
    "uz": ["Familiyasi", "Ismi", "Fuqaroligi", "Tugʻilgan sanasi", "Jinsi", "Tugʻilgan joyi", "Berilgan sanasi",
           "Amal qilish muddati", "Kim tomonidan berilgan", "Pasport raqami", "Hujjat raqami", "Turi",
           "Davlat kodi", "Shaxsiy raqami", "Amal qilish boshlanishi", "Gacha", "Kirishlar soni",
           "Qolish muddati", "Otasining ismi", "Manzili", "PASPORT", "ID-KARTA", "YASHASH GUVOHNOMASI", "VIZA",
           "Familiyasi, ismi"],
    "id": ["Nama keluarga", "Nama depan", "Kewarganegaraan", "Tanggal lahir", "Jenis kelamin", "Tempat lahir",
           "Tanggal pengeluaran", "Tanggal habis berlaku", "Kantor yang mengeluarkan", "No. paspor",
           "No. dokumen", "Tipe", "Kode negara", "Nomor identitas", "Berlaku dari", "Sampai", "Jumlah masuk",
           "Lama tinggal", "Nama ayah", "Alamat", "PASPOR", "KARTU IDENTITAS", "IZIN TINGGAL", "VISA",
           "Nama keluarga, nama depan"],
    "sw": ["Jina la ukoo", "Majina mengine", "Uraia", "Tarehe ya kuzaliwa", "Jinsia", "Mahali pa kuzaliwa",
           "Tarehe ya kutolewa", "Tarehe ya kuisha", "Mamlaka", "Namba ya pasipoti", "Namba ya hati", "Aina",
           "Msimbo", "Namba binafsi", "Halali kuanzia", "Hadi", "Idadi ya kuingia", "Muda wa kukaa",
           "Jina la baba", "Anwani", "PASIPOTI", "KITAMBULISHO", "KIBALI CHA UKAAZI", "VIZA",
           "Jina la ukoo, majina"],
    "cy": ["Cyfenw", "Enwau cyntaf", "Cenedligrwydd", "Dyddiad geni", "Rhyw", "Man geni", "Dyddiad cyhoeddi",
           "Dyddiad dod i ben", "Awdurdod", "Rhif pasbort", "Rhif y ddogfen", "Math", "Cod", "Rhif personol",
           "Dilys o", "Hyd at", "Nifer y mynediadau", "Hyd yr arhosiad", "Enw'r tad", "Cyfeiriad", "PASBORT",
           "CERDYN ADNABOD", "TRWYDDED BRESWYLIO", "FISA", "Cyfenw, enwau cyntaf"],
    "mi": ["Ingoa whānau", "Ingoa tuatahi", "Kirirarau", "Rā whānau", "Ira", "Wāhi whānau", "Rā tukunga",
           "Rā pau", "Mana tuku", "Nama uruwhenua", "Nama tuhinga", "Momo", "Waehere", "Nama whaiaro",
           "Whaimana mai i", "Tae noa ki", "Maha o ngā urunga", "Roa o te noho", "Ingoa o te matua",
           "Wāhi noho", "URUWHENUA", "KĀRI TUAKIRI", "WHAKAAETANGA NOHO", "WHAKAAETANGA URU",
           "Ingoa whānau, ingoa tuatahi"],
    "ps": ["تخلص", "نوم", "تابعیت", "د زېږېدو نېټه", "جنس", "د زېږېدو ځای", "د صدور نېټه", "د پای نېټه",
           "صادرونکې اداره", "د پاسپورټ شمېره", "د سند شمېره", "ډول", "کوډ", "شخصي شمېره", "د اعتبار پیل",
           "تر نېټې پورې", "د ننوتلو شمېر", "د اوسېدو موده", "د پلار نوم", "پته", "پاسپورټ", "پېژند پاڼه",
           "د اوسېدو جواز", "ویزه", "تخلص، نوم"],
    "ti": ["ስም ስድራ", "ስም", "ዜግነት", "ዕለት ልደት", "ጾታ", "ቦታ ልደት", "ዝተዋህበሉ ዕለት", "ዘገልግለሉ ክሳብ",
           "ዝሃበ ኣካል", "ቁጽሪ ፓስፖርት", "ቁጽሪ ሰነድ", "ዓይነት", "ኮድ", "ውልቃዊ ቁጽሪ", "ካብ", "ክሳብ",
           "በዝሒ ምእታው", "ግዜ ጽንሓት", "ስም ኣቦ", "ኣድራሻ", "ፓስፖርት", "መንነት ወረቐት", "ፍቓድ መንበሪ", "ቪዛ",
           "ስም ስድራ፣ ስም"],
}
CAPTIONS = {lang: dict(zip(_KEYS, words)) for lang, words in _W.items()}
ENGLISH = {"father": "Father's name", "address": "Address", "names2": "Surname, given names"}
SEX = {"az": ("Kişi", "Qadın"), "uz": ("Erkak", "Ayol"), "id": ("Laki-laki", "Perempuan"), "sw": ("Me", "Ke"),
       "cy": ("Gwryw", "Benyw"), "mi": ("Tāne", "Wahine"), "ps": ("نارینه", "ښځینه"), "ti": ("ተባዕታይ", "ኣንስተይቲ")}
AUTHORITY = {"az": "Dövlət Miqrasiya Xidməti", "uz": "IIV 26201", "id": "Kantor Imigrasi Jakarta Selatan",
             "sw": "Idara ya Uhamiaji", "cy": "Swyddfa Pasbort EF", "mi": "Te Tari Taiwhenua",
             "ps": "د پاسپورټ عمومي ریاست", "ti": "ክፍሊ ኢሚግሬሽን ኣስመራ"}
FATHERS = ["ILHAM", "RUSTAM", "BUDI", "JUMA", "RHODRI", "TAMATI", "AHMAD", "TESFAY", "JOHN", "PETER", "KARIM",
           "ELDAR"]
ADDRESSES = [("NIZAMI KÜÇƏSİ 14, MƏNZİL 6", "BAKI AZ1000"), ("AMIR TEMUR KOʻCHASI 45, 12-XONADON", "TOSHKENT"),
             ("JL. MERDEKA NO. 7 RT 003/RW 005", "BANDUNG 40111"), ("MTAA WA KARIAKOO, S.L.P. 2145", "DAR ES SALAAM"),
             ("23 HEOL Y FRENHINES", "CAERDYDD CF10 1AA"), ("15 TE ARA ROAD, FLAT 3", "ROTORUA 3010"),
             ("KARTE SE, STREET 4, HOUSE 12", "KABUL 1006"), ("GODENA HARNET 112", "ASMARA")]
MONTHS_FULL = "January February March April May June July August September October November December".split()
DATE_KEYS = ("dob", "doi", "doe", "valid_from", "until")
VISAS = ("MRVA", "MRVB")
TITLE = {"TD3": "passport", "MRVA": "visa", "MRVB": "visa", "TD2": "idcard", "TD1": "idcard"}
PORTRAIT_W = {"TD3": 29, "MRVA": 24, "TD2": 21, "MRVB": 20, "TD1": 20}
ROOMS = {"dim": (58, 54, 50), "blue": (46, 56, 72), "warm": (84, 66, 50), "grey": (96, 96, 98)}


def scan(rq, sc):
    """This family's capture, drawn from a stream of its own before the
    label: a flatbed scan (35 %), the document held in the hand (35 %: a
    whole sheet at the seed's dpi and JPEG, no skew of the frame) or a
    600 dpi lossless PNG scan (30 %). Drawn before the label, so
    IMAGE_QUALITY_LOW and IMAGE_EDITED still change what they change."""
    x = rq.random()
    capture = "flatbed" if x < 0.35 else "held" if x < 0.70 else "png600"
    sc["_capture15"] = capture  # read by pick(); not written to the truth
    if capture == "held":
        sc.update(skew_deg=0.0, bed="sheet")
    elif capture == "png600":
        sc.update(dpi=600, out="png", jpeg_quality=None, blur=round(sc["blur"] * 2, 2))
    return sc


def fonts_here():
    paths = [p for pair in list(TYPEFACES.values()) + [FALLBACK] for p in pair] + list(SCRIPT_FONT.values())
    return [p for p in paths if not os.path.exists(p)]


def pick(g, rl, doc, sc):
    """This document's layout (recorded in the truth JSON as `layout`)."""
    missing = fonts_here()
    if missing:
        raise SystemExit("--layouts heldout15 needs fonts-b612, fonts-crosextra-carlito, fonts-noto-core and "
                         "fonts-dejavu-core (scripts/install-deps.sh): missing %s" % missing)
    fmt = doc["format"]
    card = fmt in ("TD1", "TD2")
    L = {"family": FAMILY}
    L["caption_lang"] = rl.choice(LANGS)
    L["captions"] = rl.choice(["circled", "split", "under"])
    L["names"] = rl.choice(["rows", "stacked"])
    L["dates"] = rl.choice(["mdy_slash", "middot", "us_long"])
    L["font"] = rl.choice(sorted(TYPEFACES))
    L["portrait"] = rl.choice(["right", "right", "left"])
    L["father"] = rl.choice([n for n in FATHERS if n not in doc["given_names"].upper().split()]) \
        if fmt in ("TD3", "TD1") and rl.random() < 0.4 else None
    L["address"] = list(rl.choice(ADDRESSES)) if card and rl.random() < 0.5 else None
    L["ghost_over"] = rl.random() < 0.5
    L["back_turned"] = fmt == "TD1" and rl.random() < 0.4
    L["accent"] = rl.choice(["teal", "maroon", "indigo", "olive"])
    L["capture"] = sc.get("_capture15", "flatbed")
    if L["capture"] == "held":
        L["room"] = rl.choice(sorted(ROOMS))
        L["thumb_side"] = rl.choice(["left", "right"])
    L["stamp"] = rl.random() < 0.2
    L["draw_seed"] = rl.randint(0, 10 ** 6)
    return L


def date15(d, style):
    """A date as the page prints it."""
    if style == "mdy_slash":
        return "%02d/%02d/%04d" % (d.month, d.day, d.year)
    if style == "middot":
        return "%02d\u00b7%02d\u00b7%04d" % (d.day, d.month, d.year)
    return "%s %d, %04d" % (MONTHS_FULL[d.month - 1], d.day, d.year)


def rows_of(g, doc, L):
    """The fields as (front rows, back rows) of (key, value, extra)
    triples. A TD1's back holds the issue date, the place of birth, the
    authority, the personal number, the father's name and the address.
    Every value the MRZ holds is the MRZ's; extra is the sex in the caption
    language."""
    lang = L["caption_lang"]
    fmt = doc["format"]
    fd = lambda key, d: (key, date15(d, L["dates"]), None)
    sur, giv = doc["surname"].upper(), doc["given_names"].upper() or "-"
    if L["names"] == "stacked":
        names = [[("names2", "%s\n%s" % (sur, giv), None)]]
    else:
        names = [[("surname", sur, None)], [("given", giv, None)]]
    m, f = SEX[lang]
    sex = ("sex", {"M": "M", "F": "F"}.get(doc["sex"], "X"), {"M": m, "F": f}.get(doc["sex"]))
    nat = ("nat", doc["nationality"].replace("<", ""), None)
    pob = ("pob", doc["place_of_birth"], None)
    auth = ("auth", AUTHORITY[lang], None)
    dob, doi, doe = fd("dob", doc["birth_date"]), fd("doi", doc["issue_date"]), fd("doe", doc["expiry_date"])
    pers = [("pers", doc["optional_data"], None)] if doc["optional_data"] and fmt in ("TD3", "TD1") else []
    father = [("father", L["father"], None)] if L["father"] else []
    address = [[("address", "\n".join(L["address"]), None)]] if L["address"] else []
    if fmt in VISAS:
        head = [[("type", doc["visa_type"], None), ("entries", doc["entries"], None),
                 ("duration", doc["duration"], None)], [("docno", doc["document_number"], None)]]
        vf, un = fd("valid_from", doc["issue_date"]), fd("until", doc["expiry_date"])
        return head + names + [[nat, sex], [dob], [vf, un], [("passno", doc["visa_passport_number"], None)]], []
    number = ("passno" if fmt == "TD3" else "docno", doc["document_number"], None)
    if fmt == "TD1":
        front = [[number]] + names + [[nat, sex], [dob, doe]]
        return front, [[doi, pob], [auth]] + ([pers + father] if pers or father else []) + address
    kind = ("type", doc["document_code"].replace("<", "") or "P", None)
    code = ("code", doc["issuing_state"].replace("<", ""), None)
    if fmt == "TD2":
        return [[kind, code, number]] + names + [[nat, sex], [dob, pob], [doi, doe], [auth]] + address, []
    more = [pers + father] if pers or father else []
    return [[kind, code, number]] + names + [[nat, sex], [dob, pob], [doi, doe], [auth]] + more, []


def _accent(L):
    return {"teal": (14, 96, 100), "maroon": (112, 30, 44), "indigo": (46, 46, 120), "olive": (84, 90, 30)}[
        L["accent"]]


class Face:
    """Draws the fields of one face in one caption style."""

    def __init__(self, g, cv, L):
        self.g, self.cv, self.L = g, cv, L
        self.lang = L["caption_lang"]
        self.reg, self.bold = TYPEFACES[L["font"]]
        self.script = SCRIPT_FONT.get(self.lang, self.reg)
        self.ink = (18, 18, 26)
        self.accent = _accent(L)
        self.grey = (96, 96, 104)
        self.number = 0

    def english(self, key):
        return ENGLISH.get(key) or self.g.LABELS["en"].get(key) or key

    def nat(self, key):
        return CAPTIONS[self.lang][key]

    def tx(self, x, y, s, cap, fill, latin, max_w=None, anchor="ls"):
        """Text in the caption language's script where it has letters,
        else in the page's face (DejaVu for letters neither has)."""
        return layout11.text(self.g, self.cv, x, y, s, cap, fill, self.script, latin, max_w=max_w, anchor=anchor)

    def value(self, x, y, s, cap, max_w):
        """A value in the page's bold face; letters it lacks (the sex word or
        the authority in Pashto or Tigrinya, a rare Latin letter) in the
        caption script's face, else in DejaVu Sans Bold."""
        if layout10.covers(self.bold, s):
            return layout11.text(self.g, self.cv, x, y, s, cap, self.ink, self.bold, self.bold, max_w=max_w)
        script = SCRIPT_FONT.get(self.lang, FALLBACK[1])
        latin = self.bold if all(layout10.covers(self.bold, ch) or layout10.covers(script, ch) or ch == " "
                                 for ch in s) else FALLBACK[1]
        return layout11.text(self.g, self.cv, x, y, s, cap, self.ink, script, latin, max_w=max_w)

    def hairline(self, x, y, w):
        d, cv = self.cv.d, self.cv
        d.line([(cv.px(x), cv.px(y)), (cv.px(x + w), cv.px(y))], fill=self.accent, width=max(1, int(cv.s * 0.1)))

    def ring(self, x, y, Lc):
        """A drawn circled field number, its centre Lc*0.75 right of x on the
        caption's middle; returns its width in mm."""
        self.number += 1
        cv = self.cv
        r = Lc * 0.85
        cx, cy = x + r, y - Lc * 0.45
        cv.d.ellipse([cv.px(cx - r), cv.px(cy - r), cv.px(cx + r), cv.px(cy + r)], outline=self.accent,
                     width=max(1, int(cv.s * 0.09)))
        layout11.text(self.g, cv, cx, y - Lc * 0.05, str(self.number), Lc * 0.8, self.accent, self.bold, self.bold,
                      anchor="ms")
        return 2 * r + Lc * 0.4

    def field(self, key, val, extra, x, y, w, h, Lc, Vc):
        """One field in the box (x, y, w, h) mm."""
        lines = val.split("\n") if "\n" in val else [val if extra is None else "%s  %s" % (val, extra)]
        st = self.L["captions"]
        n = len(lines)
        vc = Vc if n == 1 else min(Vc * 0.85, (h - Lc * 2.0) / (n * 1.35))
        if st == "under":
            top = y + vc * 1.1
            for i, ln in enumerate(lines):
                self.value(x, top + i * vc * 1.35, ln, vc, w)
            rule = top + (n - 1) * vc * 1.35 + vc * 0.45
            self.hairline(x, rule, w)
            cap = "%s \u00b7 %s" % (self.nat(key), self.english(key))
            self.tx(x, rule + Lc * 1.25, cap, Lc * 0.9, self.grey, self.reg, max_w=w)
            return
        base = y + Lc * 1.2
        if st == "circled":
            used = self.ring(x, base, Lc)
            self.tx(x + used, base, "%s / %s" % (self.nat(key), self.english(key)), Lc, self.grey, self.reg,
                    max_w=max(2.0, w - used))
        else:  # split: English at the left, national right-aligned
            ew = self.tx(x, base, self.english(key), Lc, self.grey, self.reg, max_w=w * 0.48)
            self.tx(x + w, base, self.nat(key), Lc, self.accent, self.reg, max_w=max(2.0, w - ew - 1.5),
                    anchor="rs")
        top = base + Lc * 0.4
        for i, ln in enumerate(lines):
            b = top + vc * 1.15 + i * vc * 1.35
            self.value(x, b, ln, vc, w)
        if st == "split":
            self.hairline(x, top + vc * 1.15 + (n - 1) * vc * 1.35 + vc * 0.4, w)


def header15(g, cv, doc, L, F):
    """The title centred on two lines (the national one bold in the accent,
    the English one under it), a ring at the left holding the issuing
    state's code. Returns where the fields may start (mm)."""
    fmt = doc["format"]
    w = cv.w_mm
    big = {"TD3": 2.0, "MRVA": 1.8, "TD2": 1.5, "MRVB": 1.5, "TD1": 1.3}[fmt]
    key = "resid" if doc["residence"] and fmt in ("TD1", "TD2") else TITLE[fmt]
    y = 1.6 + big * 1.2
    F.tx(w / 2, y, CAPTIONS[F.lang][key], big, F.accent, F.bold, max_w=w * 0.6, anchor="ms")
    y2 = y + big * 1.05
    F.tx(w / 2, y2, "%s \u2022 %s" % (g.LABELS["en"][key], g.country(doc["issuing_state"])[0].upper()),
         big * 0.6, F.ink, F.reg, max_w=w * 0.62, anchor="ms")
    r = big * 1.1
    cx, cy = 4.0 + r, 1.4 + r
    cv.d.ellipse([cv.px(cx - r), cv.px(cy - r), cv.px(cx + r), cv.px(cy + r)], outline=F.accent,
                 width=max(1, int(cv.s * 0.2)))
    layout11.text(g, cv, cx, cy + big * 0.3, doc["issuing_state"].replace("<", ""), big * 0.62, F.accent, F.bold,
                  F.bold, anchor="ms")
    return max(y2 + big * 0.7, cy + r + 0.8)


def ghost_over(g, cv, box, rs):
    """A translucent ghost image of the portrait over box (x, y, w, h mm),
    multiplied into the face so the fields' text stays on top of it."""
    x, y, w, h = box

    class _Stub:
        pass

    st = _Stub()
    st.s = cv.s
    st.px = lambda mm: mm * cv.s
    st.im = Image.new("RGB", (max(1, int(cv.px(w))), max(1, int(cv.px(h)))), (255, 255, 255))
    st.d = ImageDraw.Draw(st.im)
    g.portrait(st, 0, 0, w, h, rs, ghost=True)
    ghost = st.im.point(lambda v: 255 - (255 - v) // 2)
    x0, y0 = int(cv.px(x)), int(cv.px(y))
    region = cv.im.crop((x0, y0, x0 + ghost.size[0], y0 + ghost.size[1]))
    cv.im.paste(ImageChops.multiply(region, ghost), (x0, y0))


def draw_grid(F, rows, fx0, fx1, top, step, Lc, Vc, heights):
    cells = []
    y = top
    for i, row in enumerate(rows):
        hh = step * heights[i]
        cw = (fx1 - fx0) / len(row)
        for k, (key, val, extra) in enumerate(row):
            x = fx0 + k * cw
            F.field(key, val, extra, x, y, cw - 1.4, hh - 0.4, Lc, Vc)
            cells.append((x, y, cw - 1.4, hh))
        y += hh
    return cells


def _heights(rows):
    return [1 + 0.55 * max(len(v.split("\n")) - 1 for _, v, _ in r) for r in rows]


def _face(g, doc, dpi, r, L, rs):
    fmt, w_mm, h_mm, s, colors, mrz_top, x_jit, y_jit = layout7.geometry(g, doc, dpi, r)
    cv = layout10._canvas(g, w_mm, h_mm, dpi, r, colors, mrz_top if fmt != "TD1" else None)
    F = Face(g, cv, L)
    front, back = rows_of(g, doc, L)
    top = header15(g, cv, doc, L, F)
    bottom = h_mm - 3.0 if fmt == "TD1" else mrz_top - 1.0
    pw = PORTRAIT_W[fmt]
    ph = min(pw * 1.28, bottom - top - 0.5)
    left = L["portrait"] == "left"
    px = 3.5 if left else w_mm - 3.5 - pw
    g.portrait(cv, px, top + 0.3, pw, ph, r)
    fx0, fx1 = (px + pw + 2.5, w_mm - 3.0) if left else (3.5, px - 2.0)
    if L["ghost_over"]:
        gw = min(pw * 0.75, (fx1 - fx0) * 0.4)
        gx = fx1 - gw - 1.0 if left else fx0 + (fx1 - fx0) * 0.45
        ghost_over(g, cv, (gx, top + (bottom - top) * 0.25, gw, min(gw * 1.28, (bottom - top) * 0.7)), rs)
    Lc0, Vc0 = {"TD3": (0.78, 1.7), "MRVA": (0.74, 1.6), "TD2": (0.6, 1.35), "MRVB": (0.6, 1.35),
                "TD1": (0.55, 1.2)}[fmt]
    hs = _heights(front)
    step = (bottom - top) / sum(hs)
    need = Lc0 * (2.3 if L["captions"] == "under" else 1.8) + Vc0 * 1.45
    k = min(1.0, step / need)
    Lc, Vc = max(0.42, Lc0 * k), max(0.9, Vc0 * k)
    cells = draw_grid(F, front, fx0, fx1, top, step, Lc, Vc, hs)
    bk = None
    if fmt == "TD1":
        bk = layout10._canvas(g, w_mm, h_mm, dpi, r, colors, mrz_top)
        Fb = Face(g, bk, L)
        Fb.number = F.number
        hb = _heights(back)
        per = min((mrz_top - 4.0) / sum(hb), 7.0)
        draw_grid(Fb, back, 4.0, 62.0, 2.5, per, 0.5, 1.05, hb)
    if cells and L["stamp"]:
        g._stamp(cv, rs, rs.choice(cells), True)
    sheet, mask, box, pitch, cap = layout7.finish(g, doc, r, rs, cv, bk, x_jit, y_jit, s)
    if L["back_turned"]:
        sheet, mask, box = turn_back(sheet, mask, box, bk.h)
    return sheet, mask, box, pitch, cap


def turn_back(sheet, mask, box, back_h):
    """The TD1's back (the lowest back_h pixels of the sheet
    generate.assemble_faces made) turned 180 degrees, the MRZ box turned
    with it; the rounded mask is the same either way."""
    W, H = sheet.size
    top = H - back_h
    sheet = sheet.copy()
    sheet.paste(sheet.crop((0, top, W, H)).transpose(Image.ROTATE_180), (0, top))
    box = [W - box[2], top + H - box[3], W - box[0], top + H - box[1]]
    return sheet, mask, box


def held(g, sheet, mask, box, doc, dpi, rs, L):
    """The document held in the hand before a dim, blurred room: lit from
    above (the lower part a little darker), the holder's thumb over one
    side edge above the MRZ band, the shadow of the fingers behind at the
    other. Returns (page, full mask, MRZ box) and sets L['_quad'] and
    L['_mrz_quad']."""
    s = dpi / 25.4
    W, H = sheet.size
    m = int(rs.uniform(14, 22) * s)
    PW, PH = W + 2 * m, H + 2 * m
    base = np.array(ROOMS[L["room"]], np.float32)
    yy, xx = np.mgrid[0:PH, 0:PW].astype(np.float32)
    blobs = np.zeros((PH, PW), np.float32)
    for _ in range(4):  # out-of-focus shapes of the room
        cx, cy, rr = rs.uniform(0, PW), rs.uniform(0, PH), rs.uniform(0.15, 0.4) * PW
        blobs += rs.uniform(-25, 35) * np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * rr * rr))
    room = np.clip(base[None, None, :] + np.clip(blobs, -30, 40)[..., None], 0, 255)
    page = Image.fromarray(room.astype(np.uint8), "RGB")
    ox, oy = m, m
    fingers = Image.new("L", (PW, PH), 0)  # the shadow of the fingers behind the far edge
    fd = ImageDraw.Draw(fingers)
    far_left = L["thumb_side"] == "right"
    fx = ox - int(4 * s) if far_left else ox + W - int(6 * s)
    for k in range(3):
        fy = oy + int(H * 0.18) + k * int(9 * s)
        fd.rounded_rectangle([fx, fy, fx + int(10 * s), fy + int(7.5 * s)], radius=int(3.5 * s), fill=150)
    fingers = fingers.filter(ImageFilter.GaussianBlur(2.5 * s))
    page.paste((20, 16, 14), (0, 0), fingers)
    sh = Image.new("L", (PW, PH), 0)  # the document's own soft shadow
    ImageDraw.Draw(sh).rectangle([ox + int(1.5 * s), oy + int(2 * s), ox + W + int(1.5 * s), oy + H + int(2 * s)],
                                 fill=120)
    page.paste((10, 10, 10), (0, 0), sh.filter(ImageFilter.GaussianBlur(1.8 * s)))
    a = np.asarray(sheet, np.float32)
    light = 1.03 - rs.uniform(0.08, 0.16) * (np.arange(H, dtype=np.float32) / H)
    lit = Image.fromarray(np.clip(a * light[:, None, None], 0, 255).astype(np.uint8), "RGB")
    page.paste(lit, (ox, oy), mask)
    # The thumb: a rounded skin-toned shape over the side edge (a quarter of
    # it, 3-4 mm, on the document), its nail lighter, kept above the MRZ
    # band (box[1] is the MRZ's top).
    tone = rs.choice([(224, 176, 150), (196, 142, 108), (150, 102, 74), (104, 70, 52)])
    tw, th = int(rs.uniform(13, 17) * s), int(rs.uniform(19, 24) * s)
    top_room = box[1] - int(3 * s) - th
    ty = oy + max(0, int(rs.uniform(0.05, 0.35) * max(1, top_room)))
    if L["thumb_side"] == "left":
        tx = ox - int(tw * 0.75)
    else:
        tx = ox + W - int(tw * 0.25)
    thumb = Image.new("L", (PW, PH), 0)
    ImageDraw.Draw(thumb).rounded_rectangle([tx, ty, tx + tw, ty + th], radius=int(tw * 0.48), fill=255)
    shadow = thumb.filter(ImageFilter.GaussianBlur(1.2 * s)).point(lambda v: v * 3 // 5)
    page.paste((30, 24, 20), (int(0.8 * s), int(1.2 * s)), shadow)
    skin = Image.new("RGB", (PW, PH), tone)
    sd = ImageDraw.Draw(skin)
    nail = (min(255, tone[0] + 30), min(255, tone[1] + 28), min(255, tone[2] + 34))
    nx0 = tx + int(tw * 0.2)
    sd.rounded_rectangle([nx0, ty + int(th * 0.06), nx0 + int(tw * 0.6), ty + int(th * 0.4)], radius=int(tw * 0.28),
                         fill=nail)
    page.paste(skin, (0, 0), thumb.filter(ImageFilter.GaussianBlur(0.3 * s)))
    L["_quad"] = [(ox + x, oy + y) for x, y in layout12._quad_of((0, 0, W, H))]
    L["_mrz_quad"] = [(ox + x, oy + y) for x, y in layout12._quad_of(box)]
    mb = [box[0] + ox, box[1] + oy, box[2] + ox, box[3] + oy]
    return page, Image.new("L", page.size, 255), mb


def render(g, doc, dpi, r, L):
    """generate.render_layout for this family: the face(s), then the hand
    round them when held."""
    rs = random.Random(L["draw_seed"])
    sheet, mask, box, pitch, cap = _face(g, doc, dpi, r, L, rs)
    if L["capture"] == "held":
        sheet, mask, box = held(g, sheet, mask, box, doc, dpi, rs, L)
    return sheet, mask, box, pitch, cap
