"""The heldout12 layout family of samples/generate.py (--layouts heldout12).

Written blind on 2026-12-07 by a session that tunes no rule and never
screened any of its pages, so that the rules of that day can be judged on
pages nobody looked at. Do not inspect its pages to fix a rule
(samples/README.md, "Layouts").

What it draws, unlike every earlier family:
- captions in scripts no family drew before, each with English, whatever
  the issuing state: Burmese (Myanmar), Lao, Dhivehi (Thaana, right to
  left), Urdu (Nastaliq, right to left), Gujarati, Punjabi (Gurmukhi) or
  Dzongkha (Tibetan); right-to-left pages mirrored (the portrait at the
  right, captions and values right-aligned);
- three caption styles: a zebra table (rows shaded in turn, the caption
  cell at the start of the field, the national caption over the English
  one in small capitals); the caption turned 90 degrees in a strip at the
  start of a ruled box, read bottom to top; or a shaded header strip over
  each row holding its captions, the values under it;
- values in a second colour (navy or brown) on two pages in three;
- field orders no family used: the dates (birth, issue, expiry) before
  the names on half of the pages; sex and nationality in one box
  (`F / CAN`, the sex word of the caption language after it) on half;
  the document number in red in the top corner at the end of the line
  (on half of those turned 90 degrees, read bottom to top) on six
  passports and cards in ten; the expiry as a sentence under the fields
  (`VALID UNTIL 14 JULY 2031`) on four in ten;
- dates with the English month in full (`14 JULY 1985`), with an ordinal
  day (`14th July 1985`), or `14-07-1985` beside the same day in the
  caption language: its digits (Myanmar, Lao, Gujarati, Gurmukhi, Tibetan,
  Urdu's Eastern digits) or, on Dhivehi pages, the tabular Islamic (Hijri)
  date (`26.10.1405 AH`);
- the title `EMERGENCY TRAVEL DOCUMENT` or `DIPLOMATIC PASSPORT` on three
  passports in ten (the MRZ unchanged);
- typefaces FreeSans, FreeSerif or Lato for the Latin (fonts-freefont-ttf,
  fonts-lato), DejaVu Sans Bold for letters a face lacks;
- three captures, drawn from a stream of their own before the label: a
  flatbed scan as in every family (35 %); a **mobile scanner app's
  output** (40 %): the document photographed, cut out and flattened
  imperfectly (corners off by up to 2.5 % of the width, a strip of the
  desk at one or two edges), uneven light half taken out, then the app's
  filter (colours boosted and paper whitened, grey, or black and white by
  a local threshold), sharpened, a small "Scanned with" line under the
  document, at 170-220 dpi, JPEG quality 55-80; or an **e-mailed
  low-resolution scan** (25 %): a flatbed at 100-120 dpi, JPEG quality
  45-65.

Genuine pages are genuine: each value printed is what the MRZ holds (the
identities are the seed's, as in every family); the extra dates are the
same day. `g` is generate.py's own module. From the app, the truth's
doc_quad is the document's four corners in the image and mrz_quad the
MRZ's (samples/layout8.py's truth_quads).
"""
import math
import os
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

import layout7  # geometry(), finish()
import layout10  # covers(), _canvas()
import layout5  # _perspective_coeffs(), _apply()
import layout11  # text(), runs()

FAMILY = "heldout12"
_N = "/usr/share/fonts/truetype/noto/"
_F = "/usr/share/fonts/truetype/freefont/"
_L = "/usr/share/fonts/truetype/lato/"
_D = "/usr/share/fonts/truetype/dejavu/"
FALLBACK = (_D + "DejaVuSans.ttf", _D + "DejaVuSans-Bold.ttf")
TYPEFACES = {  # regular, bold: Latin faces no other family uses
    "free_sans": (_F + "FreeSans.ttf", _F + "FreeSansBold.ttf"),
    "free_serif": (_F + "FreeSerif.ttf", _F + "FreeSerifBold.ttf"),
    "lato": (_L + "Lato-Regular.ttf", _L + "Lato-Bold.ttf"),
}
SCRIPT_FONT = {
    "my": (_N + "NotoSansMyanmar-Regular.ttf", _N + "NotoSansMyanmar-Bold.ttf"),
    "lo": (_N + "NotoSansLao-Regular.ttf", _N + "NotoSansLao-Bold.ttf"),
    "dv": (_N + "NotoSansThaana-Regular.ttf", _N + "NotoSansThaana-Bold.ttf"),
    "ur": (_N + "NotoNastaliqUrdu-Regular.ttf", _N + "NotoNastaliqUrdu-Bold.ttf"),
    "gu": (_N + "NotoSansGujarati-Regular.ttf", _N + "NotoSansGujarati-Bold.ttf"),
    "pa": (_N + "NotoSansGurmukhi-Regular.ttf", _N + "NotoSansGurmukhi-Bold.ttf"),
    "dz": (_N + "NotoSerifTibetan-Regular.ttf", _N + "NotoSerifTibetan-Bold.ttf"),
}
LANGS = ["my", "lo", "dv", "ur", "gu", "pa", "dz"]
RTL = ("dv", "ur")
_KEYS = ("surname given nat dob sex pob doi doe auth passno docno type code pers valid_from until entries "
         "duration passport idcard resid visa").split()
_W = {
    "my": ["မျိုးရိုးအမည်", "အမည်", "နိုင်ငံသား", "မွေးသက္ကရာဇ်", "ကျား/မ", "မွေးရပ်", "ထုတ်ပေးသည့်နေ့",
           "သက်တမ်းကုန်ဆုံးသည့်နေ့", "ထုတ်ပေးသူ", "နိုင်ငံကူးလက်မှတ်အမှတ်", "စာရွက်စာတမ်းအမှတ်", "အမျိုးအစား",
           "နိုင်ငံကုဒ်", "ကိုယ်ပိုင်အမှတ်", "စတင်သက်တမ်း", "အထိ", "ဝင်ခွင့်အကြိမ်", "နေထိုင်ခွင့်ကာလ",
           "နိုင်ငံကူးလက်မှတ်", "မှတ်ပုံတင်ကတ်", "နေထိုင်ခွင့်ကတ်", "ဗီဇာ"],
    "lo": ["ນາມສະກຸນ", "ຊື່", "ສັນຊາດ", "ວັນເດືອນປີເກີດ", "ເພດ", "ສະຖານທີ່ເກີດ", "ວັນທີອອກ", "ວັນໝົດອາຍຸ",
           "ອົງການອອກ", "ເລກທີໜັງສືຜ່ານແດນ", "ເລກທີເອກະສານ", "ປະເພດ", "ລະຫັດປະເທດ", "ເລກປະຈຳຕົວ", "ໃຊ້ໄດ້ແຕ່",
           "ເຖິງ", "ຈຳນວນເຂົ້າ", "ໄລຍະພັກເຊົາ", "ໜັງສືຜ່ານແດນ", "ບັດປະຈຳຕົວ", "ບັດອະນຸຍາດພັກເຊົາ", "ວີຊາ"],
    "dv": ["ފަހު ނަން", "ފުރަތަމަ ނަން", "ޤައުމިއްޔަތު", "އުފަން ތާރީޚު", "ޖިންސު", "އުފަން ތަން", "ދޫކުރި ތާރީޚު",
           "މުއްދަތު ހަމަވާ ތާރީޚު", "ދޫކުރި ފަރާތް", "ޕާސްޕޯޓް ނަންބަރު", "ލިޔުމުގެ ނަންބަރު", "ބާވަތް",
           "ޤައުމުގެ ކޯޑް", "ފަރުދީ ނަންބަރު", "ޞައްޙަ ފެށޭ", "އަށް", "ވަނުމުގެ ޢަދަދު", "ހުރެވޭ މުއްދަތު",
           "ޕާސްޕޯޓް", "އައިޑީ ކާޑް", "ހުރުމުގެ ހުއްދަ", "ވިސާ"],
    "ur": ["خاندانی نام", "نام", "قومیت", "تاریخ پیدائش", "جنس", "جائے پیدائش", "تاریخ اجراء", "تاریخ تنسیخ",
           "جاری کنندہ", "پاسپورٹ نمبر", "دستاویز نمبر", "قسم", "ملک کا کوڈ", "شناختی نمبر", "کار آمد از", "تک",
           "داخلوں کی تعداد", "قیام کی مدت", "پاسپورٹ", "شناختی کارڈ", "اقامتی اجازت نامہ", "ویزا"],
    "gu": ["અટક", "નામ", "રાષ્ટ્રીયતા", "જન્મ તારીખ", "જાતિ", "જન્મ સ્થળ", "જારી કર્યાની તારીખ", "સમાપ્તિ તારીખ",
           "જારી કરનાર અધિકારી", "પાસપોર્ટ નં.", "દસ્તાવેજ નં.", "પ્રકાર", "દેશ કોડ", "વ્યક્તિગત નં.", "માન્ય થી",
           "સુધી", "પ્રવેશોની સંખ્યા", "રોકાણની અવધિ", "પાસપોર્ટ", "ઓળખ પત્ર", "નિવાસ પરવાનગી", "વિઝા"],
    "pa": ["ਉਪਨਾਮ", "ਨਾਮ", "ਕੌਮੀਅਤ", "ਜਨਮ ਮਿਤੀ", "ਲਿੰਗ", "ਜਨਮ ਸਥਾਨ", "ਜਾਰੀ ਕਰਨ ਦੀ ਮਿਤੀ", "ਮਿਆਦ ਪੁੱਗਣ ਦੀ ਮਿਤੀ",
           "ਜਾਰੀ ਕਰਨ ਵਾਲਾ ਅਧਿਕਾਰੀ", "ਪਾਸਪੋਰਟ ਨੰ.", "ਦਸਤਾਵੇਜ਼ ਨੰ.", "ਕਿਸਮ", "ਦੇਸ਼ ਕੋਡ", "ਨਿੱਜੀ ਨੰ.", "ਤੋਂ ਵੈਧ", "ਤੱਕ",
           "ਦਾਖਲਿਆਂ ਦੀ ਗਿਣਤੀ", "ਠਹਿਰਨ ਦੀ ਮਿਆਦ", "ਪਾਸਪੋਰਟ", "ਪਛਾਣ ਪੱਤਰ", "ਨਿਵਾਸ ਪਰਮਿਟ", "ਵੀਜ਼ਾ"],
    "dz": ["རུས་མིང་།", "མིང་།", "རྒྱལ་ཁབ།", "སྐྱེས་ཚེས།", "ཕོ་མོ།", "སྐྱེས་ས།", "སྤྲོད་ཚེས།", "དུས་ཡུན་རྫོགས་ཚེས།",
           "སྤྲོད་མཁན།", "ལམ་ཡིག་ཨང་།", "ཡིག་ཆའི་ཨང་།", "དབྱེ་བ།", "རྒྱལ་ཁབ་ཨང་རྟགས།", "རང་ཨང་།", "ནས་ནུས་ཅན།",
           "ཚུན།", "འཛུལ་ཐེངས།", "སྡོད་ཡུན།", "ལམ་ཡིག", "ངོ་སྤྲོད་ཡིག་ཆ།", "སྡོད་གནས་ཆོག་ཐམ།", "བི་ཛ།"],
}
CAPTIONS = {lang: dict(zip(_KEYS, words)) for lang, words in _W.items()}
SEX = {"my": ("ကျား", "မ"), "lo": ("ຊາຍ", "ຍິງ"), "dv": ("ފިރިހެން", "އަންހެން"), "ur": ("مرد", "عورت"),
       "gu": ("પુરુષ", "સ્ત્રી"), "pa": ("ਪੁਰਸ਼", "ਇਸਤਰੀ"), "dz": ("ཕོ", "མོ")}
AUTHORITY = {"my": "ပြည်ထဲရေးဝန်ကြီးဌာန", "lo": "ກະຊວງການຕ່າງປະເທດ", "dv": "މޯލްޑިވްސް އިމިގްރޭޝަން",
             "ur": "ڈائریکٹوریٹ جنرل امیگریشن", "gu": "પ્રાદેશિક પાસપોર્ટ કચેરી", "pa": "ਖੇਤਰੀ ਪਾਸਪੋਰਟ ਦਫ਼ਤਰ",
             "dz": "ལས་ཁུངས་"}
DIGITS = {"my": "၀၁၂၃၄၅၆၇၈၉", "lo": "໐໑໒໓໔໕໖໗໘໙", "gu": "૦૧૨૩૪૫૬૭૮૯", "pa": "੦੧੨੩੪੫੬੭੮੯",
          "dz": "༠༡༢༣༤༥༦༧༨༩", "ur": "۰۱۲۳۴۵۶۷۸۹"}
MONTHS = "JANUARY FEBRUARY MARCH APRIL MAY JUNE JULY AUGUST SEPTEMBER OCTOBER NOVEMBER DECEMBER".split()
DATE_KEYS = ("dob", "doi", "doe", "valid_from", "until")
VISAS = ("MRVA", "MRVB")
TITLE = {"TD3": "passport", "MRVA": "visa", "MRVB": "visa", "TD2": "idcard", "TD1": "idcard"}
EN_TITLE = {"emergency": "EMERGENCY TRAVEL DOCUMENT", "diplomatic": "DIPLOMATIC PASSPORT"}
PORTRAIT_W = {"TD3": 27, "MRVA": 23, "TD2": 21, "MRVB": 20, "TD1": 20}
VALUE_INK = {"black": (16, 16, 22), "navy": (18, 34, 96), "brown": (92, 44, 20)}
ISLAMIC_EPOCH = 227015  # 16 July 622 (Julian) as a proleptic Gregorian ordinal


def scan(rq, sc):
    """This family's capture, drawn from a stream of its own before the
    label: a flatbed scan (35 %), a mobile scanner app's output (40 %:
    170-220 dpi, JPEG 55-80, no skew of the frame) or an e-mailed
    low-resolution scan (25 %: 100-120 dpi, JPEG 45-65). dpi and quality
    are drawn before the label, so IMAGE_QUALITY_LOW and IMAGE_EDITED
    still change what they change."""
    x = rq.random()
    capture = "flatbed" if x < 0.35 else "scanner_app" if x < 0.75 else "lowres"
    sc["_capture12"] = capture  # read by pick(); not written to the truth
    if capture == "scanner_app":
        dpi, quality = rq.randint(170, 220), rq.randint(55, 80)
        sc.update(blur=round(sc["blur"] * dpi / sc["dpi"], 2), dpi=dpi, skew_deg=0.0, bed="photo")
    elif capture == "lowres":
        dpi, quality = rq.randint(100, 120), rq.randint(45, 65)
        sc.update(blur=round(sc["blur"] * dpi / sc["dpi"], 2), dpi=dpi)
    if capture != "flatbed" and sc.get("out") == "jpg":
        sc["jpeg_quality"] = quality
    return sc


def fonts_here():
    paths = [p for pair in list(SCRIPT_FONT.values()) + list(TYPEFACES.values()) + [FALLBACK] for p in pair]
    return [p for p in paths if not os.path.exists(p)]


def pick(g, rl, doc, sc):
    """This document's layout (recorded in the truth JSON as `layout`)."""
    missing = fonts_here()
    if missing:
        raise SystemExit("--layouts heldout12 needs fonts-noto-core, fonts-freefont-ttf, fonts-lato and "
                         "fonts-dejavu-core (scripts/install-deps.sh): missing %s" % missing)
    fmt = doc["format"]
    L = {"family": FAMILY}
    L["caption_lang"] = rl.choice(LANGS)
    L["rtl"] = L["caption_lang"] in RTL
    L["captions"] = rl.choice(["zebra", "vertical", "header"])
    L["dates"] = rl.choice(["month_name", "ordinal", "dual"])
    L["order"] = rl.choice(["names_first", "dates_first"])
    L["sexnat"] = rl.random() < 0.5
    L["value_ink"] = rl.choice(["black", "navy", "brown"])
    L["font"] = rl.choice(sorted(TYPEFACES))
    L["portrait"] = "right" if L["rtl"] else rl.choice(["left", "left", "right"])
    L["number_corner"] = fmt not in VISAS and rl.random() < 0.6
    L["number_turned"] = L["number_corner"] and rl.random() < 0.5
    L["valid_text"] = fmt not in VISAS and rl.random() < 0.4
    L["title"] = "passport"
    if fmt == "TD3":
        L["title"] = rl.choice(["passport"] * 7 + ["emergency", "emergency", "diplomatic"])
    L["capture"] = sc.get("_capture12", "flatbed")
    if L["capture"] == "scanner_app":
        L["app_filter"] = rl.choice(["colour", "colour", "grey", "bw"])
        L["app_edges"] = rl.randint(1, 2)
    L["stamp"] = rl.random() < 0.2
    L["draw_seed"] = rl.randint(0, 10 ** 6)
    return L


def _fixed_from_islamic(y, m, d):
    return d + 29 * (m - 1) + (6 * m - 1) // 11 + (y - 1) * 354 + (3 + 11 * y) // 30 + ISLAMIC_EPOCH - 1


def hijri(day):
    """The tabular (arithmetical) Islamic date of a Gregorian date: (year,
    month, day); 11 leap years in 30."""
    fixed = day.toordinal()
    y = (30 * (fixed - ISLAMIC_EPOCH) + 10646) // 10631
    m = 1
    while m < 12 and _fixed_from_islamic(y, m + 1, 1) <= fixed:
        m += 1
    return y, m, fixed - _fixed_from_islamic(y, m, 1) + 1


def digits(s, lang):
    return "".join(DIGITS[lang][int(c)] if c.isdigit() else c for c in s)


def ordinal(n):
    return "%d%s" % (n, "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def date12(d, style, lang):
    """(printed text, extra text in the caption language or None)."""
    if style == "month_name":
        return "%02d %s %04d" % (d.day, MONTHS[d.month - 1], d.year), None
    if style == "ordinal":
        return "%s %s %04d" % (ordinal(d.day), MONTHS[d.month - 1].capitalize(), d.year), None
    greg = "%02d-%02d-%04d" % (d.day, d.month, d.year)
    if lang in DIGITS:
        return greg, digits(greg, lang)
    y, m, dd = hijri(d)
    return greg, "%02d.%02d.%04d AH" % (dd, m, y)


def rows_of(g, doc, L):
    """The fields as (front rows, back rows) of (key, value, extra)
    triples; a row holds one to three fields. A TD1's back holds the issue
    date, the place of birth, the authority and the personal number. Every
    value is what the MRZ holds; extra is the same date in the caption
    language (or the Hijri date) or the sex in the caption language."""
    lang = L["caption_lang"]
    fd = lambda key, d: (key,) + date12(d, L["dates"], lang)
    fmt = doc["format"]
    sur, gv = ("surname", doc["surname"].upper(), None), ("given", doc["given_names"].upper() or "-", None)
    m, f = SEX[lang]
    sex_ch = {"M": "M", "F": "F"}.get(doc["sex"], "X")
    word = {"M": m, "F": f}.get(doc["sex"])
    nat_v = doc["nationality"].replace("<", "")
    if L["sexnat"]:
        sexnat = [("sexnat", "%s / %s" % (sex_ch, nat_v), word)]
    else:
        sexnat = [("sex", sex_ch, word), ("nat", nat_v, None)]
    code = ("code", doc["issuing_state"].replace("<", ""), None)
    dob, pob = fd("dob", doc["birth_date"]), ("pob", doc["place_of_birth"], None)
    doi, doe = fd("doi", doc["issue_date"]), fd("doe", doc["expiry_date"])
    auth = ("auth", AUTHORITY[lang], None)
    pers = [[("pers", doc["optional_data"], None)]] if doc["optional_data"] and fmt in ("TD3", "TD1") else []
    names = [[sur], [gv]]
    if fmt in VISAS:
        head = [[("type", doc["visa_type"], None), ("entries", doc["entries"], None),
                 ("duration", doc["duration"], None)], [("docno", doc["document_number"], None)]]
        dates = [[fd("valid_from", doc["issue_date"]), fd("until", doc["expiry_date"])], [dob]]
        tail = [sexnat, [("passno", doc["visa_passport_number"], None)]]
        body = names + dates if L["order"] == "names_first" else dates + names
        return head + body + tail, []
    number = ("passno" if fmt == "TD3" else "docno", doc["document_number"], None)
    if fmt == "TD1":
        dates = [[dob], [doe]]
        body = names + dates if L["order"] == "names_first" else dates + names
        return body + [sexnat, [number]], [[doi], [pob], [auth]] + pers
    kind = ("type", doc["document_code"].replace("<", "") or "P", None)
    dates = [[dob, doi], [doe]] if L["order"] == "dates_first" else [[dob], [doi, doe]]
    body = names + [sexnat] if L["order"] == "names_first" else [sexnat] + names
    body = body + dates if L["order"] == "names_first" else dates + body
    auth_row = [[auth]] if fmt == "TD3" else []
    return [[kind, code, number]] + body + [[pob]] + auth_row + pers, []


class _Mask:
    """A one-channel canvas with Canvas's drawing interface, for text that
    is turned before it is laid on a face."""

    def __init__(self, w_mm, h_mm, s):
        self.s, self.w_mm = s, w_mm
        self.im = Image.new("L", (max(1, int(w_mm * s)), max(1, int(h_mm * s))), 0)
        self.d = ImageDraw.Draw(self.im)

    def px(self, mm):
        return mm * self.s


def turned_text(g, cv, x, y, lines, cap, fill, length):
    """lines (text, cap-height factor, script face, Latin face) turned 90
    degrees (read bottom to top) in a strip whose left edge is x and bottom
    is y mm, each squeezed to length mm."""
    h = sum(k for _, k, _, _ in lines) * cap * 1.7 + cap * 0.4
    m = _Mask(length, h, cv.s)
    yy = 0.0
    for t, k, script, latin in lines:
        yy += k * cap * 1.5
        layout11.text(g, m, 0, yy, t, k * cap, 255, script, latin, max_w=length)
    rot = m.im.transpose(Image.ROTATE_90)
    cv.im.paste(fill, (int(cv.px(x)), int(cv.px(y)) - rot.size[1]), rot)
    return h


class Face:
    """Draws the fields of one face in one caption style."""

    def __init__(self, g, cv, L, colors):
        self.g, self.cv, self.L = g, cv, L
        self.lang, self.rtl = L["caption_lang"], L["rtl"]
        self.reg, self.bold = TYPEFACES[L["font"]]
        self.sreg, self.sbold = SCRIPT_FONT[self.lang]
        self.ink = VALUE_INK[L["value_ink"]]
        self.cap_ink = tuple(max(0, v - 140) for v in colors[1])
        self.rule = tuple(max(0, v - 90) for v in colors[1])
        self.shade = tuple(min(255, int(v * 0.3 + 255 * 0.7)) for v in colors[1])

    def english(self, key):
        if key == "sexnat":
            return "Sex / Nationality"
        return self.g.LABELS["en"].get(key) or key

    def national(self, key):
        if key == "sexnat":
            return "%s / %s" % (CAPTIONS[self.lang]["sex"], CAPTIONS[self.lang]["nat"])
        return CAPTIONS[self.lang][key]

    def t(self, x, y, s, cap, fill, script, latin, w, end=False):
        """Text at the start of [x, x+w] (its end on right-to-left pages or
        when end)."""
        if self.rtl or end:
            return layout11.text(self.g, self.cv, x + w, y, s, cap, fill, script, latin, max_w=w, anchor="rs")
        return layout11.text(self.g, self.cv, x, y, s, cap, fill, script, latin, max_w=w)

    def smallcaps(self, x, y, s, cap, w):
        """English in small capitals: capitals for the first letters of its
        words, smaller capitals for the rest."""
        parts = []
        for word in s.split(" "):
            parts += [(word[:1].upper(), 1.0), (word[1:].upper() + " ", 0.78)]
        total = sum(self.cv.d.textlength(p, font=self.g.font(self.reg, cap * k / layout7.em_of(self.reg) * self.cv.s))
                    for p, k in parts) / self.cv.s
        squeeze = min(1.0, w / total) if total > 0 else 1.0
        xx = x + w - total * squeeze if self.rtl else x
        for p, k in parts:
            xx += layout11.text(self.g, self.cv, xx, y, p, cap * k * squeeze, self.cap_ink, self.reg, self.reg)

    def pair(self, x, y, latin, extra, cap, fill, w, script=None):
        """latin in the Latin face (script first when given), then extra in
        the caption script after a gap (before it on right-to-left
        pages), from the start of [x, x+w] (its end on right-to-left
        pages). Returns the width drawn in mm."""
        path = self.bold if layout10.covers(self.bold, latin) else FALLBACK[1]
        first = script or path
        if extra is None:
            return self.t(x, y, latin, cap, fill, first, path, w)
        gap = cap * 0.9
        w0 = layout11.text(self.g, self.cv, x + w if self.rtl else x, y, latin, cap, fill, first, path, max_w=w * 0.62,
                           anchor="rs" if self.rtl else "ls")
        if self.rtl:
            return w0 + gap + layout11.text(self.g, self.cv, x + w - w0 - gap, y, extra, cap * 0.9, fill, self.sbold,
                                            path, max_w=max(2.0, w - w0 - gap), anchor="rs")
        return w0 + gap + layout11.text(self.g, self.cv, x + w0 + gap, y, extra, cap * 0.9, fill, self.sbold, path,
                                        max_w=max(2.0, w - w0 - gap))

    def value(self, x, y, val, extra, Vc, w):
        path = self.bold if layout10.covers(self.bold, val) else FALLBACK[1]
        first = None if layout10.covers(path, val) else self.sbold  # the authority: in the caption script
        return self.pair(x, y, val, extra, Vc, self.ink, w, first)

    def field(self, key, val, extra, x, y, w, h, Lc, Vc, row_no):
        cv, st = self.cv, self.L["captions"]
        lw = max(1, int(cv.s * 0.07))
        if st == "zebra":
            if row_no % 2 == 0:
                cv.d.rectangle([cv.px(x), cv.px(y), cv.px(x + w), cv.px(y + h)], fill=self.shade)
            cw = min(w * 0.42, 26.0)
            cx = x + w - cw if self.rtl else x + 0.6
            vx = x + 0.6 if self.rtl else x + cw + 0.8
            self.t(cx, y + h * 0.42, self.national(key), Lc, self.cap_ink, self.sreg, self.reg, cw - 0.8)
            self.smallcaps(cx, y + h * 0.42 + Lc * 1.7, self.english(key), Lc * 0.85, cw - 0.8)
            self.value(vx, y + h * 0.5 + Vc * 0.5, val, extra, Vc, w - cw - 1.4)
        elif st == "vertical":
            cv.d.rectangle([cv.px(x), cv.px(y), cv.px(x + w), cv.px(y + h - 0.4)], outline=self.rule, width=lw)
            sw = Lc * 4.4
            sx = x + w - sw if self.rtl else x
            cv.d.rectangle([cv.px(sx), cv.px(y), cv.px(sx + sw), cv.px(y + h - 0.4)], fill=self.shade)
            turned_text(self.g, cv, sx + 0.3, y + h - 0.7,
                        [(self.national(key), 1.0, self.sreg, self.reg), (self.english(key).upper(), 0.8, self.reg,
                                                                          self.reg)],
                        Lc * 1.15, self.cap_ink, h - 1.2)
            vx = x + 0.8 if self.rtl else x + sw + 1.0
            self.value(vx, y + h * 0.5 + Vc * 0.45, val, extra, Vc, w - sw - 1.8)
        else:  # header: a shaded strip of captions over the row, the values under it
            sh = Lc * 3.3
            cv.d.rectangle([cv.px(x), cv.px(y), cv.px(x + w), cv.px(y + sh)], fill=self.shade)
            self.t(x + 0.5, y + Lc * 1.35, self.national(key), Lc, self.cap_ink, self.sreg, self.reg, w - 1.0)
            self.smallcaps(x + 0.5, y + Lc * 2.85, self.english(key), Lc * 0.8, w - 1.0)
            self.value(x + 0.5, y + sh + (h - sh) * 0.5 + Vc * 0.45, val, extra, Vc, w - 1.0)


def header12(g, cv, doc, L, F, colour, room, edge):
    """The title in the caption script at the start of the line (its end
    on right-to-left pages), the English title in small capitals and the
    state's English name under it, a double rule (short of the turned
    number's strip, edge mm); room mm kept free at the line's end for the
    document number."""
    fmt = doc["format"]
    big = {"TD3": 2.0, "MRVA": 1.9, "TD2": 1.6, "MRVB": 1.6, "TD1": 1.3}[fmt]
    w = cv.w_mm
    title_key = "resid" if doc["residence"] and fmt in ("TD1", "TD2") else TITLE[fmt]
    en = EN_TITLE.get(L["title"]) or g.LABELS["en"][title_key].upper()
    x0, tw = (3.5 + room, w - 7 - room) if L["rtl"] else (3.5, w * 0.62)
    F.t(x0, 2.2 + big * 1.1, CAPTIONS[F.lang][title_key], big * 1.1, colour, F.sbold, F.bold, tw)
    F.t(x0, 3.0 + big * 2.0, "%s  —  %s" % (en, g.country(doc["issuing_state"])[0].upper()), big * 0.52, colour,
        F.bold, F.bold, tw)
    y = 3.6 + big * 2.2
    lw = max(1, int(cv.s * 0.1))
    x0, x1 = (3 + edge, w - 3) if L["rtl"] else (3, w - 3 - edge)
    for dy in (0.0, 0.45):
        cv.d.line([(cv.px(x0), cv.px(y + dy)), (cv.px(x1), cv.px(y + dy))], fill=colour, width=lw)
    return y + 1.2


def corner_number(g, cv, L, F, number, top_y):
    """The document number in red at the top corner at the end of the line
    (the start on right-to-left pages), turned to read bottom to top when
    L['number_turned']. Returns the width it takes at the edge in mm."""
    red = (170, 24, 30)
    cap = {True: 2.0, False: 2.4}[L["number_turned"]]
    if L["number_turned"]:
        x = 3.0 if L["rtl"] else cv.w_mm - 3.0 - cap * 2.1
        turned_text(g, cv, x, top_y + 16.0, [(number, 1.0, F.bold, F.bold)], cap, red, 15.5)
        return cap * 2.3
    if L["rtl"]:
        return layout11.text(g, cv, 3.5, 2.2 + cap, number, cap, red, F.bold, F.bold) + 1.0
    return layout11.text(g, cv, cv.w_mm - 3.5, 2.2 + cap, number, cap, red, F.bold, F.bold, anchor="rs") + 1.0


def draw_rows(F, rows, fx0, fx1, top, step, Lc, Vc, start=0):
    cells = []
    y = top
    for n, row in enumerate(rows):
        cw = (fx1 - fx0) / len(row)
        order = list(enumerate(row))
        for k, (key, val, extra) in order:
            x = fx1 - (k + 1) * cw if F.rtl else fx0 + k * cw
            F.field(key, val, extra, x, y, cw - 1.0, step - 0.5, Lc, Vc, start + n)
            cells.append((x, y, cw - 1.0, step))
        y += step
    return cells, y


def _face(g, doc, dpi, r, L, rs):
    fmt, w_mm, h_mm, s, colors, mrz_top, x_jit, y_jit = layout7.geometry(g, doc, dpi, r)
    cv = layout10._canvas(g, w_mm, h_mm, dpi, r, colors, mrz_top if fmt != "TD1" else None)
    F = Face(g, cv, L, colors)
    dark = F.cap_ink
    front, back = rows_of(g, doc, L)
    number_key = "passno" if fmt == "TD3" else "docno"
    number = None
    if L["number_corner"]:
        number = next(v for row in front for k, v, _ in row if k == number_key)
        front = [[c for c in row if c[0] != number_key] for row in front]
    sentence = None
    if L["valid_text"]:
        sentence = next(c for row in front for c in row if c[0] == "doe")
        front = [[c for c in row if c[0] != "doe"] for row in front]
    front = [row for row in front if row]
    edge = 0.0
    if number is not None:
        drawn = corner_number(g, cv, L, F, number, 2.0)
        edge = drawn if L["number_turned"] else 0.0
    top = header12(g, cv, doc, L, F, dark, 0.0 if number is None or L["number_turned"] else w_mm * 0.3, edge)
    bottom = h_mm - 3.0 if fmt == "TD1" else mrz_top - 1.0
    if sentence is not None:
        bottom -= 3.2
    pw = PORTRAIT_W[fmt]
    ph = min(pw * 1.28, bottom - top - 0.5)
    left = L["portrait"] == "left"
    lo_edge, hi_edge = (edge, 0.0) if L["rtl"] else (0.0, edge)  # the turned number's strip
    px = 3.5 + lo_edge if left else w_mm - 3.5 - pw - hi_edge
    g.portrait(cv, px, top + 0.3, pw, ph, r)
    fx0, fx1 = (px + pw + 2.0, w_mm - 3.0 - hi_edge) if left else (3.0 + lo_edge, px - 2.0)
    Lc0, Vc0 = {"TD3": (0.78, 1.75), "MRVA": (0.74, 1.65), "TD2": (0.64, 1.4), "MRVB": (0.64, 1.4),
                "TD1": (0.58, 1.25)}[fmt]
    step = (bottom - top) / len(front)
    need = {"zebra": Lc0 * 3.4 + 0.6, "vertical": Vc0 * 2.2, "header": Lc0 * 3.3 + Vc0 * 1.9}[L["captions"]]
    k = min(1.0, step / need)
    Lc, Vc = max(0.45, Lc0 * k), max(0.95, Vc0 * k)
    cells, y = draw_rows(F, front, fx0, fx1, top, step, Lc, Vc)
    if sentence is not None:
        _, val, extra = sentence
        cw = w_mm * 0.3  # the caption at the line's start (its end on right-to-left pages), then the sentence
        cap_w = F.t(4.0 if not L["rtl"] else w_mm - 4.0 - cw, bottom + 2.4, CAPTIONS[F.lang]["doe"], Vc * 0.85,
                    F.cap_ink, F.sbold, F.bold, cw)
        rest = w_mm - 8.0 - cap_w - 1.0
        words = ("VALID UNTIL  %s /" if L["rtl"] else "/ VALID UNTIL  %s") % val
        F.pair(4.0 + (0.0 if L["rtl"] else cap_w + 1.0), bottom + 2.4, words, extra, Vc * 0.85, F.ink, rest)
    bk = None
    if fmt == "TD1":
        bk = layout10._canvas(g, w_mm, h_mm, dpi, r, colors, mrz_top)
        Fb = Face(g, bk, L, colors)
        per = (mrz_top - 4.0) / len(back)
        draw_rows(Fb, back, 4.0, 62.0, 3.0, min(per, 7.0), 0.55, 1.15)
    if cells and L["stamp"]:
        g._stamp(cv, rs, rs.choice(cells), True)
    return layout7.finish(g, doc, r, rs, cv, bk, x_jit, y_jit, s)


def _quad_of(box):
    return [(box[0], box[1]), (box[2], box[1]), (box[2], box[3]), (box[0], box[3])]


def scanner_app(g, sheet, mask, box, dpi, rs, L):
    """A mobile scanner app's output: the document cut out of a photo and
    flattened imperfectly (each corner off by up to 2.5 % of the width, a
    strip of the desk showing at one or two edges), the light uneven and
    half corrected, then the app's filter (colour: boosted and the paper
    whitened; grey; bw: a local threshold), sharpened, and a "Scanned with"
    line under the document. Returns (page, full mask, MRZ box) and sets
    L['_quad'] and L['_mrz_quad']."""
    s = dpi / 25.4
    W, H = sheet.size
    desk = rs.choice([(120, 96, 70), (60, 60, 66), (170, 160, 150), (40, 52, 70)])
    m = int(rs.uniform(1.0, 2.5) * s)
    foot = int(7 * s)
    OW, OH = W + 2 * m, H + 2 * m + foot
    src = Image.new("RGB", (W + 2 * m, H + 2 * m), desk)
    src.paste(sheet, (m, m), mask)
    corners = [(m, m), (m + W, m), (m + W, m + H), (m, m + H)]
    edges = rs.sample(range(4), L["app_edges"])  # the sides where the desk shows: top, right, bottom, left
    dst = []
    for i, (x, y) in enumerate(corners):
        inx, iny = (1 if x == m else -1), (1 if y == m else -1)  # towards the inside
        dx, dy = rs.uniform(-0.6 * m, 0.025 * W), rs.uniform(-0.6 * m, 0.02 * W)  # outwards at most 0.6 m
        for e in edges:
            if i in (e, (e + 1) % 4):
                extra = rs.uniform(0.005, 0.015) * W
                dx, dy = (dx + extra, dy) if e in (1, 3) else (dx, dy + extra)
        dst.append((x + inx * dx, y + iny * dy))
    coeffs = layout5._perspective_coeffs(corners, dst)
    flat = src.transform(src.size, Image.PERSPECTIVE, coeffs, resample=Image.BICUBIC, fillcolor=desk)
    a = np.asarray(flat, np.float32)
    hh, ww = a.shape[:2]
    yy, xx = np.mgrid[0:hh, 0:ww].astype(np.float32)
    ang = rs.uniform(0, 2 * math.pi)
    ramp = ((xx / ww - 0.5) * math.cos(ang) + (yy / hh - 0.5) * math.sin(ang))
    a = a * (1 - rs.uniform(0.05, 0.14) * (ramp + 0.5))[..., None]
    filt = L["app_filter"]
    if filt == "colour":
        lo, hi = np.percentile(a, 2), np.percentile(a, 85)
        a = (a - lo) * 255.0 / max(1.0, hi - lo)
        grey = a.mean(axis=2, keepdims=True)
        a = grey + (a - grey) * 1.35
    else:
        grey = a @ np.array([0.299, 0.587, 0.114], np.float32)
        lo, hi = np.percentile(grey, 2), np.percentile(grey, 88)
        grey = np.clip((grey - lo) * 255.0 / max(1.0, hi - lo), 0, 255)
        if filt == "bw":
            local = np.asarray(Image.fromarray(grey.astype(np.uint8)).filter(
                ImageFilter.BoxBlur(max(4, int(s * 2.5)))), np.float32)
            grey = np.where(grey < local - 28, 0, 255).astype(np.float32)
        a = np.repeat(grey[..., None], 3, axis=2)
    page = Image.new("RGB", (OW, OH), (255, 255, 255))
    page.paste(Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB"), (0, 0))
    page = page.filter(ImageFilter.UnsharpMask(radius=max(1, int(s * 0.15)), percent=80, threshold=2))
    cv = g.Canvas(OW / s, OH / s, dpi, page)
    layout11.text(g, cv, OW / s - 3, OH / s - 2.2, "Scanned with %s" % rs.choice(["DocScan", "ScanPro", "PaperCam"]),
                  1.3, (150, 150, 150), TYPEFACES["lato"][0], TYPEFACES["lato"][0], anchor="rs")
    L["_quad"] = [layout5._apply(coeffs, (m + x, m + y)) for x, y in _quad_of((0, 0, W, H))]
    L["_mrz_quad"] = [layout5._apply(coeffs, (m + x, m + y)) for x, y in _quad_of(box)]
    q = L["_mrz_quad"]
    mb = [int(math.floor(min(p[0] for p in q))), int(math.floor(min(p[1] for p in q))),
          int(math.ceil(max(p[0] for p in q))), int(math.ceil(max(p[1] for p in q)))]
    return page, Image.new("L", page.size, 255), mb


def render(g, doc, dpi, r, L):
    """generate.render_layout for this family: the face(s), then the
    scanner app when drawn."""
    rs = random.Random(L["draw_seed"])
    sheet, mask, box, pitch, cap = _face(g, doc, dpi, r, L, rs)
    if L["capture"] == "scanner_app":
        return scanner_app(g, sheet, mask, box, dpi, rs, L) + (pitch, cap)
    return sheet, mask, box, pitch, cap
