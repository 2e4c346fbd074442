"""The heldout14 layout family of samples/generate.py (--layouts heldout14).

Written blind on 2026-12-07 by a session that tunes no rule and never
screened any of its pages, so that the rules of that day can be judged on
pages nobody looked at. Do not inspect its pages to fix a rule
(samples/README.md, "Layouts").

What it draws, unlike every earlier family:
- captions in Latin-script languages no family drew, each with English,
  whatever the issuing state: Vietnamese (stacked diacritics, `Họ`),
  Irish (`Sloinne`), Icelandic (`Kenninafn`), Maltese (`Kunjom`), Albanian
  (`Mbiemri`), Latvian (`Uzvārds`) or Estonian (`Perekonnanimi`);
- three caption styles: both captions in a faint second ink (rose or pale
  blue, light enough to drop out of a grey scan) over the value; the
  captions in small capitals before the value on its own line, ending in
  a colon (`KENNINAFN / SURNAME: JÓNSDÓTTIR`); or the value standing on a
  line of microtext that repeats the captions, the national caption tiny
  and grey above it;
- the given names before the surname on one line under one caption
  (`ANNA MARIA / ERIKSSON`) on half of the pages; the authority printed
  in the place of birth's slot (the place of birth later, or on a card's
  back) on half;
- fields no family printed: a **surname at birth** (another surname, not
  the MRZ's) on a third of the passports and TD1 cards; a **civil
  registration number that looks like a date** (`850714-2931`, the birth
  date's YYMMDD then four digits) on four pages in ten that have no
  personal number; the marital status and the blood group; on residence
  permits two or three **remarks** lines (`LABOUR MARKET ACCESS:
  UNRESTRICTED`);
- the state's English name printed vertically along the left edge of
  cards and passports (read bottom to top) on half of the pages;
- dates with the caption language's month written out (`14 Iúil 1985`,
  `14. júlí 1985`, `14 Tháng 7 1985`), year first with the English month
  (`1985 JUL 14`) or with a slash and no leading zeros (`14/7/1985`);
- values in Cantarell (fonts-cantarell) or Noto Sans Display (upright or
  italic); on half of the cards the values **embossed** (a light edge
  above, a shadow below); a **foil glare band** across two fields on four
  pages in ten (never the MRZ);
- three captures, drawn from a stream of their own before the label: a
  flatbed scan as in every family (35 %); a **scan with the surroundings**
  (35 %): a passport data page with the booklet's cover and the edges of
  its other pages round it, a visa sticker on a passport's visa page (its
  printed heading, lines and page number) inside the cover, a card on the
  glass with the lid left open (black round it); or a flatbed scan saved
  as **JPEG quality 35** (30 %). On half of the pages the glass is dirty:
  dust specks and a hair (never across the MRZ).

Genuine pages are genuine: each value printed is what the MRZ holds (the
identities are the seed's, as in every family); the surname at birth, the
civil number's last four digits, the marital status, the blood group and
the remarks are the layout record's. `g` is generate.py's own module.
"""
import math
import os
import random

import numpy as np
from PIL import Image, ImageDraw

import layout7  # geometry(), finish(), em_of()
import layout10  # covers(), _canvas()
import layout11  # text()
import layout12  # _quad_of()

FAMILY = "heldout14"
_C = "/usr/share/fonts/opentype/cantarell/"
_N = "/usr/share/fonts/truetype/noto/"
_D = "/usr/share/fonts/truetype/dejavu/"
FALLBACK = (_D + "DejaVuSans.ttf", _D + "DejaVuSans-Bold.ttf")
TYPEFACES = {  # captions, values: faces no other family uses
    "cantarell": (_C + "Cantarell-Regular.otf", _C + "Cantarell-Bold.otf"),
    "cantarell_light": (_C + "Cantarell-Light.otf", _C + "Cantarell-ExtraBold.otf"),
    "noto_display": (_N + "NotoSansDisplay-Regular.ttf", _N + "NotoSansDisplay-Bold.ttf"),
    "noto_display_italic": (_N + "NotoSansDisplay-Italic.ttf", _N + "NotoSansDisplay-BoldItalic.ttf"),
}
LANGS = ["vi", "ga", "is", "mt", "sq", "lv", "et"]
_KEYS = ("surname given nat dob sex pob doi doe auth passno docno type code pers valid_from until entries "
         "duration birth_name civil marital blood remarks passport idcard resid visa name_gs").split()
_W = {
    "vi": ["Họ", "Chữ đệm và tên", "Quốc tịch", "Ngày sinh", "Giới tính", "Nơi sinh", "Ngày cấp", "Có giá trị đến",
           "Nơi cấp", "Số hộ chiếu", "Số giấy tờ", "Loại", "Mã quốc gia", "Số định danh cá nhân", "Có giá trị từ",
           "Đến ngày", "Số lần nhập cảnh", "Thời hạn lưu trú", "Họ khi sinh", "Số đăng ký hộ tịch",
           "Tình trạng hôn nhân", "Nhóm máu", "Ghi chú", "HỘ CHIẾU", "CĂN CƯỚC", "THẺ TẠM TRÚ", "THỊ THỰC",
           "Chữ đệm và tên / Họ"],
    "ga": ["Sloinne", "Réamhainm(neacha)", "Náisiúntacht", "Dáta breithe", "Gnéas", "Áit bhreithe", "Dáta eisiúna",
           "Dáta éaga", "Údarás", "Uimhir an phas", "Uimhir an doiciméid", "Cineál", "Cód", "Uimhir phearsanta",
           "Bailí ó", "Go dtí", "Líon iontrálacha", "Fad fanachta", "Sloinne breithe", "Uimhir chlárúcháin",
           "Stádas pósta", "Grúpa fola", "Nótaí", "PAS", "CÁRTA AITHEANTAIS", "CEAD CÓNAITHE", "VÍSA",
           "Réamhainm / Sloinne"],
    "is": ["Kenninafn", "Eiginnöfn", "Ríkisfang", "Fæðingardagur", "Kyn", "Fæðingarstaður", "Útgáfudagur",
           "Gildir til", "Útgefandi", "Vegabréfsnúmer", "Skjalnúmer", "Tegund", "Kóði", "Kennitala", "Gildir frá",
           "Til", "Fjöldi koma", "Dvalartími", "Fæðingarnafn", "Skráningarnúmer", "Hjúskaparstaða", "Blóðflokkur",
           "Athugasemdir", "VEGABRÉF", "NAFNSKÍRTEINI", "DVALARLEYFI", "ÁRITUN", "Eiginnöfn / Kenninafn"],
    "mt": ["Kunjom", "Ismijiet", "Nazzjonalità", "Data tat-twelid", "Sess", "Post tat-twelid", "Data tal-ħruġ",
           "Data tal-iskadenza", "Awtorità", "Nru tal-passaport", "Nru tad-dokument", "Tip", "Kodiċi",
           "Nru personali", "Validu minn", "Sa", "Numru ta' dħul", "Tul taż-żjara", "Kunjom mat-twelid",
           "Nru tar-reġistrazzjoni", "Stat ċivili", "Grupp tad-demm", "Rimarki", "PASSAPORT",
           "KARTA TAL-IDENTITÀ", "PERMESS TA' RESIDENZA", "VIŻA", "Ismijiet / Kunjom"],
    "sq": ["Mbiemri", "Emri", "Shtetësia", "Datëlindja", "Gjinia", "Vendlindja", "Data e lëshimit",
           "Data e skadimit", "Autoriteti", "Nr. i pasaportës", "Nr. i dokumentit", "Lloji", "Kodi", "Nr. personal",
           "E vlefshme nga", "Deri", "Numri i hyrjeve", "Kohëzgjatja e qëndrimit", "Mbiemri në lindje",
           "Nr. i regjistrimit", "Gjendja civile", "Grupi i gjakut", "Vërejtje", "PASAPORTË", "LETËRNJOFTIM",
           "LEJE QËNDRIMI", "VIZË", "Emri / Mbiemri"],
    "lv": ["Uzvārds", "Vārdi", "Pilsonība", "Dzimšanas datums", "Dzimums", "Dzimšanas vieta", "Izdošanas datums",
           "Derīguma termiņš", "Izdevējiestāde", "Pases numurs", "Dokumenta numurs", "Tips", "Kods",
           "Personas kods", "Derīga no", "Līdz", "Ieceļošanas reižu skaits", "Uzturēšanās ilgums",
           "Uzvārds dzimšanas brīdī", "Reģistrācijas numurs", "Ģimenes stāvoklis", "Asinsgrupa", "Piezīmes", "PASE",
           "PERSONAS APLIECĪBA", "UZTURĒŠANĀS ATĻAUJA", "VĪZA", "Vārdi / Uzvārds"],
    "et": ["Perekonnanimi", "Eesnimed", "Kodakondsus", "Sünniaeg", "Sugu", "Sünnikoht", "Väljaandmise kuupäev",
           "Kehtiv kuni", "Väljaandja", "Passi number", "Dokumendi number", "Tüüp", "Kood", "Isikukood",
           "Kehtiv alates", "Kuni", "Sisenemiste arv", "Viibimise kestus", "Sünnijärgne perekonnanimi",
           "Registreerimisnumber", "Perekonnaseis", "Veregrupp", "Märkused", "PASS", "ISIKUTUNNISTUS",
           "ELAMISLOA KAART", "VIISA", "Eesnimed / Perekonnanimi"],
}
CAPTIONS = {lang: dict(zip(_KEYS, words)) for lang, words in _W.items()}
ENGLISH = {"birth_name": "Surname at birth", "civil": "Civil registration No.", "marital": "Marital status",
           "blood": "Blood group", "remarks": "Remarks", "name_gs": "Given names / Surname"}
SEX = {"vi": ("Nam", "Nữ"), "ga": ("Fir", "Bean"), "is": ("KK", "KVK"), "mt": ("Raġel", "Mara"),
       "sq": ("Mashkull", "Femër"), "lv": ("Vīr.", "Siev."), "et": ("Mees", "Naine")}
AUTHORITY = {"vi": "Cục Quản lý xuất nhập cảnh", "ga": "An Roinn Gnóthaí Eachtracha", "is": "Þjóðskrá Íslands",
             "mt": "Identità Malta", "sq": "Drejtoria e Gjendjes Civile", "lv": "PMLP Rīgas nodaļa",
             "et": "Politsei- ja Piirivalveamet"}
MONTHS = {
    "vi": ["Tháng %d" % m for m in range(1, 13)],
    "ga": [m.replace("_", "\u00a0") for m in "Eanáir Feabhra Márta Aibreán Bealtaine Meitheamh Iúil Lúnasa "
           "Meán_Fómhair Deireadh_Fómhair Samhain Nollaig".split(" ")],
    "is": "janúar febrúar mars apríl maí júní júlí ágúst september október nóvember desember".split(),
    "mt": "Jannar Frar Marzu April Mejju Ġunju Lulju Awwissu Settembru Ottubru Novembru Diċembru".split(),
    "sq": "janar shkurt mars prill maj qershor korrik gusht shtator tetor nëntor dhjetor".split(),
    "lv": "janvāris februāris marts aprīlis maijs jūnijs jūlijs augusts septembris oktobris novembris "
          "decembris".split(),
    "et": "jaanuar veebruar märts aprill mai juuni juuli august september oktoober november detsember".split(),
}
DAY_DOT = ("is", "lv", "et")  # `14. júlí 1985`
MONTHS_EN = "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split()
DATE_KEYS = ("dob", "doi", "doe", "valid_from", "until")
VISAS = ("MRVA", "MRVB")
TITLE = {"TD3": "passport", "MRVA": "visa", "MRVB": "visa", "TD2": "idcard", "TD1": "idcard"}
PORTRAIT_W = {"TD3": 28, "MRVA": 23, "TD2": 21, "MRVB": 20, "TD1": 20}
BIRTH_NAMES = ["NIEMINEN", "KOVÁČ", "O'NEILL", "BERZIŅA", "TAMM", "HOXHA", "NGUYỄN", "BORG", "JÓNSDÓTTIR",
               "SCHÄFER", "DUBOIS", "LINDQVIST"]
MARITAL = ["SINGLE", "MARRIED", "DIVORCED", "WIDOWED"]
BLOOD = ["O+", "O-", "A+", "A-", "B+", "AB+"]
REMARKS = ["LABOUR MARKET ACCESS: UNRESTRICTED", "FAMILY MEMBER OF A UNION CITIZEN",
           "VALID ONLY WITH A VALID PASSPORT", "SELF-EMPLOYMENT NOT PERMITTED", "STUDENT - 20 H/WEEK WORK",
           "LONG-TERM RESIDENT - EU"]
FAINT = {"rose": (226, 150, 176), "blue": (138, 172, 220)}
COVERS = {"burgundy": (96, 22, 34), "navy": (22, 34, 70), "green": (24, 62, 44), "black": (26, 26, 28)}


def scan(rq, sc):
    """This family's capture, drawn from a stream of its own before the
    label: a flatbed scan (35 %), a scan with the surroundings (35 %: the
    seed's dpi and JPEG, the document as a whole sheet, no skew of the
    frame) or a flatbed scan saved at JPEG quality 35 (30 %). Drawn before
    the label, so IMAGE_QUALITY_LOW and IMAGE_EDITED still change what they
    change."""
    x = rq.random()
    capture = "flatbed" if x < 0.35 else "surround" if x < 0.70 else "jpeg35"
    sc["_capture14"] = capture  # read by pick(); not written to the truth
    if capture == "surround":
        sc.update(skew_deg=0.0, bed="sheet")
    elif capture == "jpeg35":
        sc.update(out="jpg", jpeg_quality=35, gray=False)
    return sc


def fonts_here():
    paths = [p for pair in list(TYPEFACES.values()) + [FALLBACK] for p in pair]
    return [p for p in paths if not os.path.exists(p)]


def pick(g, rl, doc, sc):
    """This document's layout (recorded in the truth JSON as `layout`)."""
    missing = fonts_here()
    if missing:
        raise SystemExit("--layouts heldout14 needs fonts-cantarell, fonts-noto-core and fonts-dejavu-core "
                         "(scripts/install-deps.sh): missing %s" % missing)
    fmt = doc["format"]
    card = fmt in ("TD1", "TD2")
    L = {"family": FAMILY}
    L["caption_lang"] = rl.choice(LANGS)
    L["captions"] = rl.choice(["faint", "colon", "micro"])
    L["faint_ink"] = rl.choice(sorted(FAINT))
    L["names"] = rl.choice(["given_first", "rows"])
    L["auth_slot"] = fmt not in VISAS and rl.random() < 0.5
    L["dates"] = rl.choice(["month_word", "ymd_word", "slash"])
    L["font"] = rl.choice(sorted(TYPEFACES))
    L["portrait"] = rl.choice(["right", "right", "left"])
    L["birth_name"] = rl.choice([n for n in BIRTH_NAMES if n != doc["surname"].upper()]) \
        if fmt in ("TD3", "TD1") and rl.random() < 0.33 else None
    L["civil_no"] = "%s-%04d" % (doc["birth_date"].strftime("%y%m%d"), rl.randint(0, 9999)) \
        if fmt not in VISAS and not doc["optional_data"] and rl.random() < 0.4 else None
    L["marital"] = rl.choice(MARITAL) if fmt not in VISAS and rl.random() < 0.35 else None
    L["blood"] = rl.choice(BLOOD) if fmt not in VISAS and rl.random() < 0.35 else None
    L["remarks"] = rl.sample(REMARKS, rl.randint(2, 3)) if card and doc["residence"] else []
    L["side_text"] = fmt not in VISAS and rl.random() < 0.5
    L["emboss"] = card and rl.random() < 0.5
    L["foil"] = rl.random() < 0.4
    L["accent"] = rl.choice(["petrol", "plum", "brick", "graphite"])
    L["capture"] = sc.get("_capture14", "flatbed")
    if L["capture"] == "surround":
        L["cover"] = rl.choice(sorted(COVERS))
    L["dirty_glass"] = rl.random() < 0.5
    L["stamp"] = rl.random() < 0.2
    L["draw_seed"] = rl.randint(0, 10 ** 6)
    return L


def date14(d, style, lang):
    """A date as the page prints it."""
    if style == "month_word":
        return "%d%s %s %04d" % (d.day, "." if lang in DAY_DOT else "", MONTHS[lang][d.month - 1], d.year)
    if style == "ymd_word":
        return "%04d %s %02d" % (d.year, MONTHS_EN[d.month - 1], d.day)
    return "%d/%d/%04d" % (d.day, d.month, d.year)


def rows_of(g, doc, L):
    """The fields as (front rows, back rows) of (key, value, extra)
    triples. A TD1's back holds the issue date, the place of birth (or the
    authority), the authority (or the place of birth), the personal
    number, the extras and the remarks. Every value the MRZ holds is the
    MRZ's; extra is the sex in the caption language."""
    lang = L["caption_lang"]
    fmt = doc["format"]
    fd = lambda key, d: (key, date14(d, L["dates"], lang), None)
    sur, giv = doc["surname"].upper(), doc["given_names"].upper() or "-"
    if L["names"] == "given_first":
        names = [[("name_gs", "%s / %s" % (giv, sur), None)]]
    else:
        names = [[("surname", sur, None)], [("given", giv, None)]]
    m, f = SEX[lang]
    sex = ("sex", {"M": "M", "F": "F"}.get(doc["sex"], "X"), {"M": m, "F": f}.get(doc["sex"]))
    nat = ("nat", doc["nationality"].replace("<", ""), None)
    pob = ("pob", doc["place_of_birth"], None)
    auth = ("auth", AUTHORITY[lang], None)
    first, later = (auth, pob) if L["auth_slot"] else (pob, auth)
    dob, doi, doe = fd("dob", doc["birth_date"]), fd("doi", doc["issue_date"]), fd("doe", doc["expiry_date"])
    extras = []
    if L["birth_name"]:
        extras.append(("birth_name", L["birth_name"], None))
    if L["civil_no"]:
        extras.append(("civil", L["civil_no"], None))
    if L["marital"]:
        extras.append(("marital", L["marital"], None))
    if L["blood"]:
        extras.append(("blood", L["blood"], None))
    pers = [("pers", doc["optional_data"], None)] if doc["optional_data"] and fmt in ("TD3", "TD1") else []
    remarks = [[("remarks", "\n".join(L["remarks"]), None)]] if L["remarks"] else []

    def pairs(fields):
        return [fields[i:i + 2] for i in range(0, len(fields), 2)]

    if fmt in VISAS:
        head = [[("type", doc["visa_type"], None), ("entries", doc["entries"], None),
                 ("duration", doc["duration"], None)], [("docno", doc["document_number"], None)]]
        vf, un = fd("valid_from", doc["issue_date"]), fd("until", doc["expiry_date"])
        return head + names + [[dob, sex, nat], [vf, un], [("passno", doc["visa_passport_number"], None)]], []
    number = ("passno" if fmt == "TD3" else "docno", doc["document_number"], None)
    if fmt == "TD1":
        front = names + [[nat, sex], [dob, doe], [number]]
        return front, [[doi], [first], [later]] + [[p] for p in pers] + pairs(extras) + remarks
    kind = ("type", doc["document_code"].replace("<", "") or "P", None)
    code = ("code", doc["issuing_state"].replace("<", ""), None)
    body = [[nat, dob], [sex, first], [doi, doe], [later]]
    return [[kind, code, number]] + names + body + pairs(pers + extras) + remarks, []


def _accent(L):
    return {"petrol": (16, 84, 104), "plum": (98, 36, 84), "brick": (142, 56, 34), "graphite": (58, 62, 70)}[
        L["accent"]]


class Face:
    """Draws the fields of one face in one caption style."""

    def __init__(self, g, cv, L, colors):
        self.g, self.cv, self.L = g, cv, L
        self.lang = L["caption_lang"]
        self.reg, self.bold = TYPEFACES[L["font"]]
        self.ink = (16, 16, 22)
        self.accent = _accent(L)
        self.faint = FAINT[L["faint_ink"]]
        self.cap_ink = tuple(max(0, v - 140) for v in colors[1])
        self.grey = (104, 104, 112)

    def english(self, key):
        return ENGLISH.get(key) or self.g.LABELS["en"].get(key) or key

    def both(self, key):
        return "%s / %s" % (CAPTIONS[self.lang][key], self.english(key))

    def tx(self, x, y, s, cap, fill, path, max_w=None, anchor="ls"):
        face = path if layout10.covers(path, s) else FALLBACK[1 if path == self.bold else 0]
        return layout11.text(self.g, self.cv, x, y, s, cap, fill, face, face, max_w=max_w, anchor=anchor)

    def ink_text(self, x, y, s, cap, max_w):
        """A value; embossed on some cards (a light edge above and left, a
        shadow below and right, the face a dark grey)."""
        if self.L["emboss"]:
            o = max(0.06, cap * 0.06)
            self.tx(x - o, y - o, s, cap, (250, 250, 246), self.bold, max_w=max_w)
            self.tx(x + o, y + o, s, cap, (120, 120, 124), self.bold, max_w=max_w)
            return self.tx(x, y, s, cap, (48, 48, 54), self.bold, max_w=max_w)
        return self.tx(x, y, s, cap, self.ink, self.bold, max_w=max_w)

    def micro_line(self, x, y, w, key, Lc):
        """A line of microtext repeating the captions, the value's
        underline."""
        unit = "%s %s " % (self.english(key).upper(), CAPTIONS[self.lang][key].upper())
        cap = max(0.3, Lc * 0.5)
        f = self.g.font(self.reg, cap / layout7.em_of(self.reg) * self.cv.s)
        per = self.cv.d.textlength(unit, font=f) / self.cv.s
        reps = w / max(per, 0.1)
        s = unit * int(reps) + unit[:int((reps - int(reps)) * len(unit))]
        layout11.text(self.g, self.cv, x, y, s.rstrip(), cap, self.accent, self.reg, FALLBACK[0], max_w=w)

    def value_lines(self, key, val, extra):
        if key == "remarks":
            return val.split("\n")
        return [val if extra is None else "%s  %s" % (val, extra)]

    def field(self, key, val, extra, x, y, w, h, Lc, Vc):
        """One field in the box (x, y, w, h) mm."""
        lines = self.value_lines(key, val, extra)
        st = self.L["captions"]
        if st == "colon":
            lab = self.both(key).upper() + ":"
            base = y + min(h * 0.5 + Vc * 0.5, h - 0.2) if len(lines) == 1 else y + Vc * 1.1
            used = self.tx(x, base, lab, Lc * 0.95, self.cap_ink, self.reg, max_w=w * 0.55)
            vx = x + used + Lc * 0.9
            for i, ln in enumerate(lines):
                self.ink_text(vx, base + i * Vc * (1.5 if len(lines) < 3 else 1.3), ln,
                              Vc if len(lines) == 1 else Vc * 0.8, max(2.0, w - (vx - x)))
            return
        if st == "faint":
            self.tx(x, y + Lc * 1.2, self.both(key), Lc, self.faint, self.reg, max_w=w)
            top = y + Lc * 1.6
        else:  # micro: the national caption tiny and grey, the value on a microtext line
            self.tx(x, y + Lc * 1.0, CAPTIONS[self.lang][key], Lc * 0.8, self.grey, self.reg, max_w=w)
            top = y + Lc * 1.3
        room = h - (top - y) - (Lc * 0.7 if st == "micro" else 0)
        if len(lines) == 1:
            base = top + min(room * 0.5 + Vc * 0.5, room - 0.1)
            self.ink_text(x, base, lines[0], Vc, w)
        else:
            v2 = min(Vc * 0.8, room / (len(lines) * 1.3))
            for i, ln in enumerate(lines):
                base = top + v2 * (1.1 + 1.3 * i)
                self.ink_text(x, base, ln, v2, w)
        if st == "micro":
            self.micro_line(x, base + Vc * 0.45 + Lc * 0.45, w, key, Lc)


def header14(g, cv, doc, L, F):
    """The title in the caption language and English at the left (`PAS /
    PASSPORT`), the state's English name at the right, a rule in the
    accent under both. Returns where the fields may start (mm)."""
    fmt = doc["format"]
    w = cv.w_mm
    big = {"TD3": 1.9, "MRVA": 1.8, "TD2": 1.5, "MRVB": 1.5, "TD1": 1.25}[fmt]
    x0 = 6.5 if L["side_text"] else 4.0
    title_key = "resid" if doc["residence"] and fmt in ("TD1", "TD2") else TITLE[fmt]
    y = 1.5 + big * 1.2
    F.tx(x0, y, "%s / %s" % (CAPTIONS[F.lang][title_key], g.LABELS["en"][title_key]), big, F.accent, F.bold,
         max_w=w * 0.55)
    F.tx(w - 4.0, y, g.country(doc["issuing_state"])[0].upper(), big * 0.85, F.ink, F.bold, max_w=w * 0.38,
         anchor="rs")
    y += big * 0.6
    cv.d.line([(cv.px(x0), cv.px(y)), (cv.px(w - 4.0), cv.px(y))], fill=F.accent, width=max(1, int(cv.s * 0.25)))
    return y + big * 0.7


def side_text(g, cv, doc, F, top, bottom):
    """The state's English name printed vertically along the left edge,
    read bottom to top, in the accent."""
    name = g.country(doc["issuing_state"])[0].upper()
    length = bottom - top - 1.0
    cap = 1.6
    f = g.font(F.bold, cap / layout7.em_of(F.bold) * cv.s)
    tw = cv.d.textlength(name, font=f)
    if tw <= 0 or length <= 4:
        return
    k = min(1.0, cv.px(length) / tw)
    f = g.font(F.bold, cap * k / layout7.em_of(F.bold) * cv.s)
    tw = cv.d.textlength(name, font=f)
    im = Image.new("L", (int(tw) + 4, int(cv.px(cap * k * 1.6)) + 4), 0)
    ImageDraw.Draw(im).text((2, im.size[1] - int(cv.px(cap * k * 0.3)) - 2), name, font=f, fill=255, anchor="ls")
    im = im.rotate(90, expand=True)
    x, y = int(cv.px(1.4)), int(cv.px(top) + (cv.px(length) - im.size[1]) / 2)
    solid = Image.new("RGB", im.size, F.accent)
    cv.im.paste(solid, (x, y), im)


def foil(cv, rs, box):
    """A foil glare band: a soft bright stripe with a rainbow edge across
    box (x0, y0, x1, y1 in mm), turned 20-40 degrees."""
    x0, y0, x1, y1 = [int(cv.px(v)) for v in box]
    if x1 - x0 < 8 or y1 - y0 < 8:
        return
    yy, xx = np.mgrid[0:y1 - y0, 0:x1 - x0].astype(np.float32)
    a = math.radians(rs.uniform(20, 40))
    u = (xx * math.cos(a) - yy * math.sin(a))
    centre = rs.uniform(0.3, 0.7) * (u.max() - u.min()) + u.min()
    half = cv.px(rs.uniform(3.0, 5.5))
    t = (u - centre) / half
    glare = np.exp(-t * t * 2.0) * rs.uniform(0.38, 0.55)
    hue = t * 2.2
    rgb = np.stack([np.cos(hue + k * 2.1) * 40 + 225 for k in range(3)], axis=2)
    region = (x0, y0, x1, y1)
    base = np.asarray(cv.im.crop(region), np.float32)
    out = base * (1 - glare[..., None]) + rgb * glare[..., None]
    cv.im.paste(Image.fromarray(np.clip(out, 0, 255).astype(np.uint8), "RGB"), region[:2])


def draw_grid(F, rows, fx0, fx1, top, step, Lc, Vc, heights=None):
    cells = []
    y = top
    for i, row in enumerate(rows):
        hh = step * (heights[i] if heights else 1)
        cw = (fx1 - fx0) / len(row)
        for k, (key, val, extra) in enumerate(row):
            x = fx0 + k * cw
            F.field(key, val, extra, x, y, cw - 1.2, hh - 0.4, Lc, Vc)
            cells.append((x, y, cw - 1.2, hh))
        y += hh
    return cells


def _heights(rows):
    return [1 + 0.45 * max(0, len(r[0][1].split("\n")) - 1) if r[0][0] == "remarks" else 1 for r in rows]


def _face(g, doc, dpi, r, L, rs):
    fmt, w_mm, h_mm, s, colors, mrz_top, x_jit, y_jit = layout7.geometry(g, doc, dpi, r)
    cv = layout10._canvas(g, w_mm, h_mm, dpi, r, colors, mrz_top if fmt != "TD1" else None)
    F = Face(g, cv, L, colors)
    front, back = rows_of(g, doc, L)
    top = header14(g, cv, doc, L, F)
    bottom = h_mm - 3.0 if fmt == "TD1" else mrz_top - 1.0
    if L["side_text"]:
        side_text(g, cv, doc, F, top, bottom)
    pw = PORTRAIT_W[fmt]
    ph = min(pw * 1.28, bottom - top - 0.5)
    left = L["portrait"] == "left"
    margin = 6.5 if L["side_text"] else 3.5
    px = margin if left else w_mm - 3.5 - pw
    g.portrait(cv, px, top + 0.3, pw, ph, r)
    fx0, fx1 = (px + pw + 2.5, w_mm - 3.0) if left else (margin, px - 2.0)
    Lc0, Vc0 = {"TD3": (0.8, 1.7), "MRVA": (0.75, 1.6), "TD2": (0.62, 1.35), "MRVB": (0.62, 1.35),
                "TD1": (0.56, 1.2)}[fmt]
    hs = _heights(front)
    step = (bottom - top) / sum(hs)
    need = {"faint": Lc0 * 1.7, "colon": 0.0, "micro": Lc0 * 2.1}[L["captions"]] + Vc0 * 1.5
    k = min(1.0, step / need)
    Lc, Vc = max(0.42, Lc0 * k), max(0.9, Vc0 * k)
    cells = draw_grid(F, front, fx0, fx1, top, step, Lc, Vc, hs)
    if L["foil"] and len(cells) >= 4:
        a, b = cells[1], cells[min(len(cells) - 1, 3)]
        foil(cv, rs, (min(a[0], b[0]), min(a[1], b[1]), max(a[0] + a[2], b[0] + b[2]),
                      min(bottom - 0.5, max(a[1] + a[3], b[1] + b[3]))))
    bk = None
    if fmt == "TD1":
        bk = layout10._canvas(g, w_mm, h_mm, dpi, r, colors, mrz_top)
        Fb = Face(g, bk, L, colors)
        hb = _heights(back)
        per = min((mrz_top - 4.0) / sum(hb), 6.5)
        draw_grid(Fb, back, 4.0, 62.0, 2.5, per, 0.5, 1.05, hb)
    if cells and L["stamp"]:
        g._stamp(cv, rs, rs.choice(cells), True)
    return layout7.finish(g, doc, r, rs, cv, bk, x_jit, y_jit, s)


def _visa_page(g, sheet, mask, dpi, rs):
    """A passport's visa page round a visa sticker: cream paper, a fine
    wave print, the heading `VISAS` at the top, ruled lines showing below
    the sticker and the page number at the bottom. Returns (page, the
    sticker's offset in it)."""
    s = dpi / 25.4
    W, H = sheet.size
    pw, ph = int(max(W + 8 * s, 125 * s)), int(H + rs.uniform(16, 22) * s)
    page = Image.new("RGB", (pw, ph), (244, 238, 222))
    d = ImageDraw.Draw(page)
    for k in range(0, ph, max(2, int(1.6 * s))):
        pts = [(x, k + 0.5 * s * math.sin(x / (4.0 * s) + k)) for x in range(0, pw, max(2, int(s)))]
        d.line(pts, fill=(230, 222, 204), width=1)
    f = g.font(FALLBACK[1], 2.4 * s)
    d.text((pw / 2, 4.5 * s), "VISAS", font=f, fill=(150, 120, 110), anchor="ms")
    ox, oy = int((pw - W) / 2 + rs.uniform(-2, 2) * s), int(6.5 * s)
    for y in range(oy + H + int(2.0 * s), ph - int(4 * s), int(3.2 * s)):
        d.line([(6 * s, y), (pw - 6 * s, y)], fill=(200, 186, 170), width=max(1, int(0.12 * s)))
    d.text((pw / 2, ph - 1.5 * s), str(rs.randint(8, 30)), font=g.font(FALLBACK[0], 1.8 * s), fill=(150, 120, 110),
           anchor="ms")
    page.paste(sheet, (ox, oy), mask)
    return page, (ox, oy)


def surround(g, sheet, mask, box, doc, dpi, rs, L):
    """The scan with the surroundings: a passport data page (or a visa on
    its visa page) with the edges of the booklet's other pages and its
    cover round it on the white lid; a card on the glass with the lid left
    open (black round it, lighter near the card). Returns (page, full mask,
    MRZ box) and sets L['_quad'] and L['_mrz_quad']."""
    s = dpi / 25.4
    fmt = doc["format"]
    W, H = sheet.size
    if fmt in ("TD1", "TD2"):
        m = int(rs.uniform(6, 12) * s)
        page = Image.new("RGB", (W + 2 * m, H + 2 * m), (18, 18, 20))
        a = np.asarray(page, np.float32)
        yy, xx = np.mgrid[0:page.size[1], 0:page.size[0]].astype(np.float32)
        dist = np.maximum(np.maximum(m - xx, xx - (m + W)), np.maximum(m - yy, yy - (m + H)))
        a += (np.exp(-np.clip(dist, 0, None) / (2.5 * s)) * 45)[..., None]
        page = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB")
        page.paste(sheet, (m, m), mask)
        off = (m, m)
    else:
        inner, ioff = (sheet, (0, 0)) if fmt == "TD3" else _visa_page(g, sheet, mask, dpi, rs)
        IW, IH = inner.size
        edges = rs.randint(3, 6)
        step = max(1, int(0.35 * s))
        cov = int(rs.uniform(2.5, 4.5) * s)
        lid = int(rs.uniform(4, 8) * s)
        grow = edges * step
        tw, th = IW + 2 * (grow + cov + lid), IH + 2 * (grow + cov + lid)
        page = Image.new("RGB", (tw, th), rs.choice([(240, 240, 236), (228, 228, 222)]))
        d = ImageDraw.Draw(page)
        o = lid
        d.rounded_rectangle([o, o, tw - o, th - o], radius=int(3 * s), fill=COVERS[L["cover"]])
        for k in range(edges, 0, -1):  # the other pages' edges, each a little out
            e = lid + cov + grow - k * step
            shade = 236 - 9 * (k % 3)
            d.rectangle([e, e, tw - e, th - e], fill=(shade, shade - 4, shade - 12), outline=(170, 164, 150))
        off0 = lid + cov + grow
        if fmt == "TD3":
            page.paste(sheet, (off0, off0), mask)
        else:
            page.paste(inner, (off0, off0))
        off = (off0 + ioff[0], off0 + ioff[1])
    L["_quad"] = [(off[0] + x, off[1] + y) for x, y in layout12._quad_of((0, 0, W, H))]
    L["_mrz_quad"] = [(off[0] + x, off[1] + y) for x, y in layout12._quad_of(box)]
    mb = [box[0] + off[0], box[1] + off[1], box[2] + off[0], box[3] + off[1]]
    return page, Image.new("L", page.size, 255), mb


def dirty_glass(img, avoid, dpi, rs):
    """Dust specks and a hair on the scanner glass, drawn on img (in
    place); the hair never crosses avoid (x0, y0, x1, y1 px), the specks
    stay out of it too."""
    s = dpi / 25.4
    W, H = img.size
    d = ImageDraw.Draw(img)
    ax0, ay0, ax1, ay1 = avoid[0] - 2 * s, avoid[1] - 2 * s, avoid[2] + 2 * s, avoid[3] + 2 * s

    def clear(x, y):
        return not (ax0 <= x <= ax1 and ay0 <= y <= ay1)

    for _ in range(rs.randint(15, 60)):
        x, y = rs.uniform(0, W), rs.uniform(0, H)
        if not clear(x, y):
            continue
        rr = rs.uniform(0.04, 0.18) * s
        c = rs.randint(40, 120)
        d.ellipse([x - rr, y - rr, x + rr, y + rr], fill=(c, c, c))
    for _ in range(20):  # a hair: a gentle curve 15-40 mm long, above the MRZ
        x, y = rs.uniform(0, W), rs.uniform(0, max(1.0, ay0))
        ang, length = rs.uniform(0, 2 * math.pi), rs.uniform(15, 40) * s
        bend = rs.uniform(-0.04, 0.04)
        pts = []
        for k in range(60):
            pts.append((x, y))
            x += math.cos(ang) * length / 60
            y += math.sin(ang) * length / 60
            ang += bend
        if all(clear(px, py) and 0 <= px < W and 0 <= py < H for px, py in pts):
            d.line(pts, fill=(36, 32, 30), width=max(1, int(0.07 * s)))
            break
    return img


def render(g, doc, dpi, r, L):
    """generate.render_layout for this family: the face(s), then the
    surroundings and the dirty glass when drawn."""
    rs = random.Random(L["draw_seed"])
    sheet, mask, box, pitch, cap = _face(g, doc, dpi, r, L, rs)
    if L["capture"] == "surround":
        sheet, mask, box = surround(g, sheet, mask, box, doc, dpi, rs, L)
    if L["dirty_glass"]:
        sheet = dirty_glass(sheet.copy(), box, dpi, rs)
    return sheet, mask, box, pitch, cap
