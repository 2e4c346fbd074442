"""The heldout10 layout family of samples/generate.py (--layouts heldout10).

Written blind on 2026-12-07 by a session that tunes no rule and never
screened any of its pages, so that the rules of that day can be judged on
pages nobody looked at. Do not inspect its pages to fix a rule
(samples/README.md, "Layouts").

What it draws, unlike every earlier family:
- captions in a right-to-left script (Arabic, Persian, Hebrew) or in Thai,
  Chinese or Japanese, with English, whatever the issuing state; the two
  captions drawn as separate pieces (the right-to-left one shaped and
  ordered right to left); on right-to-left pages the page is mirrored: the
  portrait on the right, the national title at the right, values and
  captions right-aligned;
- three arrangements of the captions: the value first and a dotted leader
  running right to the caption at the field's right end, numbered at the
  right (Eastern Arabic digits on Arabic and Persian pages: "١", "۱");
  a caption line numbered in drawn circles ("① 姓 / Surname"); or a
  ruled three-column table (English caption | value | national caption);
- the sex in English and the caption language ("F 女", "M ذكر");
- dates with the caption language's month and the English one ("14 7月/JUL
  1985", "14 يوليو/JUL 1985", "14 ก.ค./JUL 1985"), in month-first order
  with the English caption saying so ("07/14/1985", "Date of birth
  (MM/DD/YYYY)"), or the Gregorian date beside the same day in the
  caption language's calendar: the Solar Hijri date in Persian digits
  ("14.07.1985  ۱۳۶۴/۰۴/۲۳"), the date in Eastern Arabic digits, the Thai
  Buddhist-era date ("14 ก.ค. 2528"), the Japanese era ("昭和60年7月14日") or
  "1985年07月14日" (Hebrew pages: the month style);
- the authority in the caption language's script; typefaces from the Thai
  TLWG set for the Latin (Waree, Kinnari, Tlwg Typewriter, Umpush; values
  whose letters a face lacks in DejaVu Sans Bold);
- three captures: a flatbed scan as every family; a phone photo of the
  card, or of the open booklet, held in a hand (fingers over one edge, a
  thumb on the face away from the MRZ, a blurred room behind, a strong
  perspective with each corner moved by 3-8 % of the width, turned up to
  8 degrees, a barrel lens distortion, two to four small glare spots of
  ceiling lights, the hard-edged shadow of the phone over one corner, a
  little motion blur), at 150-190 dpi and JPEG quality 42-68; or a colour
  laser print-out of an earlier scan, scanned again: CMYK halftone screens
  at 85-133 lines per inch (moire at the scan's dpi), the four colours a
  little out of register, the first scan's grey bed round the document on
  the white paper.

Genuine pages are genuine: each value printed is what the MRZ holds (the
identities are the seed's, as in every family); the extra calendar dates
are the same day. `g` is generate.py's own module, whose canvas,
guilloche, portraits and MRZ this family draws with. On a photo or a
print-out the truth's doc_quad is the data page's (the card's, the
visa's) four corners in the image, mrz_quad the MRZ's (samples/layout8.py's
truth_quads).
"""
import math
import os
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

import layout5  # the perspective helpers
import layout7  # em_of(), geometry(), finish()
import layout8  # _fit(): the quad inside the frame

FAMILY = "heldout10"
_D = "/usr/share/fonts/truetype/dejavu/"
_T = "/usr/share/fonts/truetype/tlwg/"
DROID = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
FALLBACK = (_D + "DejaVuSans.ttf", _D + "DejaVuSans-Bold.ttf")
TYPEFACES = {  # regular, bold (fonts-thai-tlwg): Latin no other family uses
    "waree": (_T + "Waree.ttf", _T + "Waree-Bold.ttf"),
    "kinnari": (_T + "Kinnari.ttf", _T + "Kinnari-Bold.ttf"),
    "tlwg_typewriter": (_T + "TlwgTypewriter.ttf", _T + "TlwgTypewriter-Bold.ttf"),
    "umpush": (_T + "Umpush.ttf", _T + "Umpush-Bold.ttf"),
}
SCRIPT_FONT = {"ar": FALLBACK, "fa": FALLBACK, "he": FALLBACK, "th": (_T + "Loma.ttf", _T + "Loma-Bold.ttf"),
               "zh": (DROID, DROID), "ja": (DROID, DROID)}
RTL = ("ar", "fa", "he")
LANGS = ["ar", "fa", "he", "th", "zh", "ja"]
_K = ("surname given nat dob sex pob doi doe auth passno docno type code sig pers valid_from until "
      "entries duration passport idcard resid visa remarks").split()
_W = {
    "ar": ["اللقب", "الاسم", "الجنسية", "تاريخ الميلاد", "الجنس", "محل الميلاد", "تاريخ الإصدار",
           "تاريخ الانتهاء", "جهة الإصدار", "رقم الجواز", "رقم الوثيقة", "النوع", "رمز الدولة", "توقيع حامله",
           "الرقم الشخصي", "صالحة من", "إلى", "عدد السفرات", "مدة الإقامة", "جواز سفر", "بطاقة هوية",
           "تصريح إقامة", "تأشيرة", "ملاحظات"],
    "fa": ["نام خانوادگی", "نام", "ملیت", "تاریخ تولد", "جنسیت", "محل تولد", "تاریخ صدور", "تاریخ انقضا",
           "مرجع صدور", "شماره گذرنامه", "شماره سند", "نوع", "کد کشور", "امضای دارنده", "شماره ملی",
           "معتبر از", "تا", "تعداد ورود", "مدت اقامت", "گذرنامه", "کارت شناسایی", "پروانه اقامت", "روادید",
           "ملاحظات"],
    "he": ["שם משפחה", "שם פרטי", "אזרחות", "תאריך לידה", "מין", "מקום לידה", "תאריך הנפקה", "תאריך תפוגה",
           "רשות מנפיקה", "מספר דרכון", "מספר מסמך", "סוג", "קוד מדינה", "חתימת בעל הדרכון", "מספר זהות",
           "בתוקף מ", "עד", "מספר כניסות", "משך שהייה", "דרכון", "תעודת זהות", "רישיון ישיבה", "אשרה",
           "הערות"],
    "th": ["นามสกุล", "ชื่อ", "สัญชาติ", "วันเกิด", "เพศ", "สถานที่เกิด", "วันที่ออก", "วันหมดอายุ", "ออกให้โดย",
           "หนังสือเดินทางเลขที่", "เลขที่เอกสาร", "ประเภท", "รหัสประเทศ", "ลายมือชื่อผู้ถือ", "เลขประจำตัว",
           "ใช้ได้ตั้งแต่", "ถึง", "จำนวนครั้งที่เข้า", "ระยะเวลาพำนัก", "หนังสือเดินทาง", "บัตรประจำตัว",
           "ใบสำคัญถิ่นที่อยู่", "วีซ่า", "บันทึก"],
    "zh": ["姓", "名", "国籍", "出生日期", "性别", "出生地点", "签发日期", "有效期至", "签发机关", "护照号",
           "证件号码", "类型", "国家码", "持照人签名", "个人号码", "有效期自", "至", "入境次数", "停留期",
           "护照", "身份证", "居留许可", "签证", "备注"],
    "ja": ["姓", "名", "国籍", "生年月日", "性別", "出生地", "発行年月日", "有効期間満了日", "発行官庁",
           "旅券番号", "文書番号", "型", "発行国", "所持人自署", "個人番号", "有効開始日", "満了日", "入国回数",
           "在留期間", "旅券", "身分証明書", "在留カード", "査証", "備考"],
}
CAPTIONS = {lang: dict(zip(_K, words)) for lang, words in _W.items()}
SEX = {"ar": ("ذكر", "أنثى"), "fa": ("مرد", "زن"), "he": ("ז", "נ"), "th": ("ชาย", "หญิง"), "zh": ("男", "女"),
       "ja": ("男", "女")}
MONTHS10 = {
    "ar": "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر".split(),
    "fa": "ژانویه فوریه مارس آوریل مه ژوئن ژوئیه اوت سپتامبر اکتبر نوامبر دسامبر".split(),
    "he": "ינו פבר מרץ אפר מאי יונ יול אוג ספט אוק נוב דצמ".split(),
    "th": "ม.ค. ก.พ. มี.ค. เม.ย. พ.ค. มิ.ย. ก.ค. ส.ค. ก.ย. ต.ค. พ.ย. ธ.ค.".split(),
    "zh": ["%d月" % m for m in range(1, 13)],
    "ja": ["%d月" % m for m in range(1, 13)],
}
MONTHS_EN = "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split()
AUTHORITY = {"ar": "المديرية العامة للجوازات", "fa": "پلیس مهاجرت و گذرنامه", "he": "רשות האוכלוסין וההגירה",
             "th": "กรมการกงสุล", "zh": "出入境管理局", "ja": "外務省"}
DIGITS = {"ar": "٠١٢٣٤٥٦٧٨٩", "fa": "۰۱۲۳۴۵۶۷۸۹"}
VISAS = ("MRVA", "MRVB")
ERAS = [((2019, 5, 1), "令和", 2018), ((1989, 1, 8), "平成", 1988), ((1926, 12, 25), "昭和", 1925)]


def scan(rq, sc):
    """This family's capture, drawn from a stream of its own before the
    label: a flatbed scan (35 %), a phone photo held in a hand (40 %: the
    document at 150-190 dpi, JPEG quality 42-68, no skew of the frame), or a
    print-out of a scan scanned again (25 %). dpi and quality are drawn
    before the label, so IMAGE_QUALITY_LOW and IMAGE_EDITED still change
    what they change."""
    x = rq.random()
    capture = "flatbed" if x < 0.35 else "handheld" if x < 0.75 else "printout"
    sc["_capture10"] = capture  # read by pick(); not written to the truth
    if capture == "handheld":  # the document's scale in the photo, its JPEG quality
        dpi, quality = rq.randint(150, 190), rq.randint(42, 68)
        sc.update(blur=round(sc["blur"] * dpi / sc["dpi"], 2), dpi=dpi, skew_deg=0.0, bed="photo")
        if sc.get("out") == "jpg":
            sc["jpeg_quality"] = quality
    return sc


def pick(g, rl, doc, sc):
    """This document's layout (recorded in the truth JSON as `layout`)."""
    fmt = doc["format"]
    paths = [p for pair in list(SCRIPT_FONT.values()) + list(TYPEFACES.values()) + [FALLBACK] for p in pair]
    if not all(map(os.path.exists, paths)):
        raise SystemExit("--layouts heldout10 needs fonts-thai-tlwg, fonts-droid-fallback and fonts-dejavu-core "
                         "(scripts/install-deps.sh): missing %s" % [p for p in paths if not os.path.exists(p)])
    L = {"family": FAMILY}
    L["caption_lang"] = rl.choice(LANGS)
    L["captions"] = rl.choice(["leader", "circled", "table"])
    L["given_case"] = rl.choice(["upper", "as_written"])
    L["dates"] = rl.choice(["local_month", "mdy", "dual_calendar"])
    rtl = L["caption_lang"] in RTL
    L["mirrored"] = rtl
    L["portrait"] = ("right" if rl.random() < 0.85 else "left") if rtl else ("left" if rl.random() < 0.8 else "right")
    L["font"] = rl.choice(sorted(TYPEFACES))
    L["capture"] = sc.get("_capture10", "flatbed")
    L["booklet"] = L["capture"] == "handheld" and fmt in ("TD3",) + VISAS
    if L["capture"] == "handheld":
        L["turn_deg"] = round(rl.uniform(-8.0, 8.0), 2)
        L["corner_shift"] = round(rl.uniform(0.03, 0.08), 4)
        L["barrel"] = round(rl.uniform(0.01, 0.05), 4)
        L["glare_spots"] = rl.randint(2, 4)
        L["hand"] = rl.choice(["left", "right", "top"])
        L["phone_shadow"] = rl.random() < 0.7
    if L["capture"] == "printout":
        L["lpi"] = rl.choice([85, 100, 120, 133])
        L["misregister_px"] = round(rl.uniform(0.3, 1.6), 2)
    L["stamp"] = rl.random() < 0.25
    L["draw_seed"] = rl.randint(0, 10 ** 6)
    return L


def jalali(d):
    """The Solar Hijri (Persian) date of a Gregorian date: (year, month, day)."""
    gy, gm, gd = d.year, d.month, d.day
    cum = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
    gy2 = gy + 1 if gm > 2 else gy
    days = 355666 + 365 * gy + (gy2 + 3) // 4 - (gy2 + 99) // 100 + (gy2 + 399) // 400 + gd + cum[gm - 1]
    jy = -1595 + 33 * (days // 12053)
    days %= 12053
    jy += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        jy += (days - 1) // 365
        days = (days - 1) % 365
    if days < 186:
        return jy, 1 + days // 31, 1 + days % 31
    return jy, 7 + (days - 186) // 30, 1 + (days - 186) % 30


def japanese_era(d):
    for start, name, base in ERAS:
        if (d.year, d.month, d.day) >= start:
            y = d.year - base
            return "%s%s年%d月%d日" % (name, "元" if y == 1 else str(y), d.month, d.day)
    return "%d年%d月%d日" % (d.year, d.month, d.day)


def digits(s, lang):
    return "".join(DIGITS[lang][int(c)] if c.isdigit() else c for c in s)


def date10(d, style, lang):
    """(Gregorian text, extra text in the caption language's calendar or
    digits or None)."""
    en = MONTHS_EN[d.month - 1]
    if style == "mdy":
        return "%02d/%02d/%04d" % (d.month, d.day, d.year), None
    if style == "local_month":
        return "%02d %s/%s %04d" % (d.day, MONTHS10[lang][d.month - 1], en, d.year), None
    greg = "%02d.%02d.%04d" % (d.day, d.month, d.year)
    if lang == "fa":
        return greg, digits("%04d/%02d/%02d" % jalali(d), "fa")
    if lang == "ar":
        return greg, digits("%02d/%02d/%04d" % (d.day, d.month, d.year), "ar")
    if lang == "th":
        return greg, "%d %s %d" % (d.day, MONTHS10["th"][d.month - 1], d.year + 543)
    if lang == "ja":
        return greg, japanese_era(d)
    if lang == "zh":
        return greg, "%04d年%02d月%02d日" % (d.year, d.month, d.day)
    return "%02d %s/%s %04d" % (d.day, MONTHS10[lang][d.month - 1], en, d.year), None


def rows_of(g, doc, L):
    """The fields as (front rows, back rows) of (key, value, extra) triples;
    a row holds one or two fields; back rows only on TD1. Every value is
    what the MRZ holds; extra is the same date in another calendar or None."""
    lang = L["caption_lang"]
    fd = lambda key, d: (key,) + date10(d, L["dates"], lang)
    fmt = doc["format"]
    giv = doc["given_names"] if L["given_case"] == "as_written" else doc["given_names"].upper()
    sur, gv = [("surname", doc["surname"].upper(), None)], [("given", giv or "-", None)]
    m, f = SEX[lang]
    sex = ("sex", {"M": "M", "F": "F"}.get(doc["sex"], "X"), {"M": m, "F": f}.get(doc["sex"]))
    nat = ("nat", doc["nationality"].replace("<", ""), None)
    code = ("code", doc["issuing_state"].replace("<", ""), None)
    dob, pob = fd("dob", doc["birth_date"]), ("pob", doc["place_of_birth"], None)
    doi, doe = fd("doi", doc["issue_date"]), fd("doe", doc["expiry_date"])
    auth = ("auth", AUTHORITY[lang], None)
    pers = [[("pers", doc["optional_data"], None)]] if doc["optional_data"] and fmt in ("TD3", "TD1") else []
    if fmt in VISAS:
        return [[("type", doc["visa_type"], None), ("entries", doc["entries"], None)],
                [fd("valid_from", doc["issue_date"])], [fd("until", doc["expiry_date"])],
                [("duration", doc["duration"], None), ("docno", doc["document_number"], None)],
                sur, gv, [dob], [sex, nat], [("passno", doc["visa_passport_number"], None)]], []
    kind = ("type", doc["document_code"].replace("<", "") or "P", None)
    if fmt == "TD1":
        return [sur, gv, [sex, nat], [dob], [doe], [("docno", doc["document_number"], None)]], \
            [[doi], [pob], [auth]] + pers
    number = ("passno" if fmt == "TD3" else "docno", doc["document_number"], None)
    rows = [[kind, code], [number], sur, gv, [nat, sex], [dob], [pob], [doi], [doe]]
    if fmt == "TD3":
        rows += [[auth]] + pers
    return rows, []


_missing = {}


def covers(path, text):
    """Whether the typeface has a glyph for every letter of text."""
    f = ImageFont.truetype(path, 24)

    def ink(ch):
        im = Image.new("L", (48, 48), 0)
        ImageDraw.Draw(im).text((8, 36), ch, font=f, fill=255, anchor="ls")
        return im.tobytes()

    for ch in sorted(set(text) - {" "}):
        key = (path, ch)
        if key not in _missing:
            if (path, None) not in _missing:
                _missing[(path, None)] = ink("\U0010fffd")
            _missing[key] = ink(ch) != _missing[(path, None)]
        if not _missing[key]:
            return False
    return True


def em(path):
    return 0.8 if path == DROID else layout7.em_of(path)


def put(g, cv, x, y, s, cap_mm, fill, path, max_w=None, anchor="ls", rtl=False):
    """Text with its capitals cap_mm high, squeezed to max_w mm; right to
    left (shaped by raqm) when rtl. Returns its width in mm."""
    direction = "rtl" if rtl else "ltr"
    f = g.font(path, cap_mm / em(path) * cv.s)
    w = cv.d.textlength(s, font=f, direction=direction)
    if max_w is not None and w > cv.px(max_w):
        f = g.font(path, f.size * cv.px(max_w) / w)
        w = cv.d.textlength(s, font=f, direction=direction)
    cv.d.text((cv.px(x), cv.px(y)), s, font=f, fill=fill, anchor=anchor, direction=direction)
    return w / cv.s


class Face:
    """Draws the fields of one face in one caption style."""

    def __init__(self, g, cv, L, ink, cap_ink, rule):
        self.g, self.cv, self.L = g, cv, L
        self.lang = L["caption_lang"]
        self.rtl = L["mirrored"]
        self.reg, self.bold = TYPEFACES.get(L["font"]) or TYPEFACES["waree"]
        self.sreg, self.sbold = SCRIPT_FONT[self.lang]
        self.ink, self.cap_ink, self.rule = ink, cap_ink, rule
        self.n = 0

    def height(self, Lc, Vc):
        return {"leader": Vc * 2.0, "circled": Lc * 1.5 + Vc * 1.6, "table": Vc * 1.9}[self.L["captions"]]

    def english(self, key):
        en = self.g.LABELS["en"].get(key) or key
        if self.L["dates"] == "mdy" and key in ("dob", "doi", "doe", "valid_from", "until"):
            en += " (MM/DD/YYYY)"
        return en

    def number(self):
        self.n += 1
        if self.L["captions"] == "circled":
            return str(self.n)
        return digits(str(self.n), self.lang) if self.lang in DIGITS else "%d." % self.n

    def value(self, x, y, key, text, extra, Vc, max_w, anchor="ls"):
        """The value (in the Latin face, or DejaVu Sans Bold when the face
        lacks a letter), then, a space apart on the reading side, its extra
        in the caption script. Returns the width drawn in mm."""
        g, cv = self.g, self.cv
        path = self.bold if covers(self.bold, text) else FALLBACK[1]
        if extra is None:
            return put(g, cv, x, y, text, Vc, self.ink, path, max_w=max_w, anchor=anchor)
        ex_path = self.sbold if not extra.isascii() else path
        width = lambda t, p, c: cv.d.textlength(t, font=g.font(p, c / em(p) * cv.s)) / cv.s
        w0 = min(max_w * 0.55, width(text, path, Vc))
        w1 = min(max_w - w0 - Vc, width(extra, ex_path, Vc * 0.85))
        if anchor == "rs":  # right to left: the extra at the right, the Gregorian value left of it
            put(g, cv, x, y, extra, Vc * 0.85, self.ink, ex_path, max_w=w1, anchor="rs")
            put(g, cv, x - w1 - Vc, y, text, Vc, self.ink, path, max_w=w0, anchor="rs")
        else:
            put(g, cv, x, y, text, Vc, self.ink, path, max_w=w0)
            put(g, cv, x + w0 + Vc, y, extra, Vc * 0.85, self.ink, ex_path, max_w=w1)
        return w0 + Vc + w1

    def circled(self, x, y, num, size, anchor="ls"):
        """A field number in a circle (drawn: the fonts here have circled
        numbers only up to 10). Returns the circle's width in mm."""
        cv = self.cv
        d = size * 1.45
        x0 = x - d if anchor == "rs" else x
        cy = y - size * 0.5
        cv.d.ellipse([cv.px(x0), cv.px(cy - d / 2), cv.px(x0 + d), cv.px(cy + d / 2)], outline=self.cap_ink,
                     width=max(1, int(cv.s * 0.06)))
        put(self.g, cv, x0 + d / 2, y - size * 0.02, num, size * 0.78, self.cap_ink, FALLBACK[0], max_w=d * 0.8,
            anchor="ms")
        return d

    def field(self, key, value, extra, x, y, w, Lc, Vc):
        g, cv = self.g, self.cv
        nat, en = CAPTIONS[self.lang][key], self.english(key)
        st = self.L["captions"]
        lw = max(1, int(cv.s * 0.08))
        if st == "leader":  # value, dots, then the captions and the number at the right end
            base = y + Vc * 1.45
            num = self.number()
            put(g, cv, x + w, base, num, Lc * 1.2, self.cap_ink, self.sreg if self.lang in DIGITS else self.reg,
                anchor="rs")
            capw = w * 0.42
            put(g, cv, x + w - Lc * 2.4, base, nat, Lc * 1.15, self.cap_ink, self.sreg, max_w=capw * 0.55,
                anchor="rs", rtl=self.rtl)
            put(g, cv, x + w - Lc * 2.4, base + Lc * 1.35, en, Lc * 0.8, self.cap_ink, self.reg, max_w=capw,
                anchor="rs")
            vw = self.value(x, base, key, value, extra, Vc, w - capw - Lc * 3)
            dx = x + vw + Vc * 0.6
            step = max(0.6, Lc * 0.9)
            r_ = max(1, int(cv.s * 0.07))
            while dx < x + w - capw * 0.6 - Lc * 2.6:
                cv.d.ellipse([cv.px(dx) - r_, cv.px(base) - r_, cv.px(dx) + r_, cv.px(base) + r_], fill=self.cap_ink)
                dx += step
        elif st == "circled":  # "① national / English" above the value; mirrored on right-to-left pages
            num = self.number()
            if self.rtl:
                xr = x + w
                self.circled(xr, y + Lc, num, Lc, anchor="rs")
                wn = put(g, cv, xr - Lc * 1.9, y + Lc, nat, Lc, self.cap_ink, self.sreg, max_w=w * 0.5,
                         anchor="rs", rtl=True)
                put(g, cv, xr - Lc * 2.5 - wn, y + Lc, "/ " + en, Lc, self.cap_ink, self.reg,
                    max_w=max(2.0, w - wn - Lc * 2.4), anchor="rs")
                self.value(xr, y + Lc * 1.5 + Vc * 1.15, key, value, extra, Vc, w, anchor="rs")
            else:
                self.circled(x, y + Lc, num, Lc)
                wn = put(g, cv, x + Lc * 1.9, y + Lc, nat, Lc, self.cap_ink, self.sreg, max_w=w * 0.5)
                put(g, cv, x + Lc * 2.5 + wn, y + Lc, "/ " + en, Lc, self.cap_ink, self.reg,
                    max_w=max(2.0, w - wn - Lc * 2.4))
                self.value(x, y + Lc * 1.5 + Vc * 1.15, key, value, extra, Vc, w)
        else:  # table: English | value | national, ruled
            ce = w * 0.27
            base = y + Vc * 1.35
            cv.d.line([(cv.px(x), cv.px(y + Vc * 1.9)), (cv.px(x + w), cv.px(y + Vc * 1.9))], fill=self.rule, width=lw)
            for xx in (x + ce, x + w - ce):
                cv.d.line([(cv.px(xx), cv.px(y + 0.2)), (cv.px(xx), cv.px(y + Vc * 1.9))], fill=self.rule, width=lw)
            put(g, cv, x + 0.4, base, en, Lc, self.cap_ink, self.reg, max_w=ce - 0.8)
            put(g, cv, x + w - 0.4, base, nat, Lc * 1.1, self.cap_ink, self.sreg, max_w=ce - 0.8, anchor="rs",
                rtl=self.rtl)
            if self.rtl:
                self.value(x + w - ce - 0.8, base, key, value, extra, Vc, w - 2 * ce - 1.6, anchor="rs")
            else:
                self.value(x + ce + 0.8, base, key, value, extra, Vc, w - 2 * ce - 1.6)


def header10(g, cv, doc, L, title_key, colour, F):
    """The state's English name and the title in English on one side, the
    title in the caption script on the other (mirrored pages: at the right)."""
    fmt = doc["format"]
    big = {"TD3": 2.0, "MRVA": 1.9, "TD2": 1.6, "MRVB": 1.6, "TD1": 1.35}[fmt]
    en_state = g.country(doc["issuing_state"])[0]
    nat_title, en_title = CAPTIONS[F.lang][title_key], g.LABELS["en"][title_key]
    w = cv.w_mm
    if F.rtl:
        put(g, cv, w - 3.5, 2.2 + big * 1.2, nat_title, big * 1.2, colour, F.sbold, max_w=w * 0.4, anchor="rs",
            rtl=True)
        put(g, cv, 3.5, 2.0 + big, en_state, big * 0.75, colour, F.bold, max_w=w * 0.5)
        put(g, cv, 3.5, 2.0 + big * 2.1, en_title, big * 0.7, colour, F.reg, max_w=w * 0.5)
    else:
        put(g, cv, 3.5, 2.2 + big * 1.2, nat_title, big * 1.2, colour, F.sbold, max_w=w * 0.4)
        put(g, cv, w - 3.5, 2.0 + big, en_state, big * 0.75, colour, F.bold, max_w=w * 0.5, anchor="rs")
        put(g, cv, w - 3.5, 2.0 + big * 2.1, en_title, big * 0.7, colour, F.reg, max_w=w * 0.5, anchor="rs")
    y = 2.6 + big * 2.4
    cv.d.line([(cv.px(3), cv.px(y)), (cv.px(w - 3), cv.px(y))], fill=colour, width=max(1, int(cv.s * 0.15)))
    return y + 0.9


def draw_rows(F, rows, fx0, fx1, top, step, Lc, Vc):
    cells = []
    y = top
    for row in rows:
        cw = (fx1 - fx0) / len(row)
        order = list(enumerate(row))
        if F.rtl:  # the first field of a row at the right
            order = [(len(row) - 1 - n, f) for n, f in order]
        for n, (key, val, extra) in order:
            F.field(key, val, extra, fx0 + n * cw, y, cw - 1.2, Lc, Vc)
            cells.append((fx0 + n * cw, y, cw - 1.2, step))
        y += step
    return cells


def _canvas(g, w_mm, h_mm, dpi, r, colors, clear_mm):
    """A face's canvas on the pale guilloche, kept clear from clear_mm down
    (the MRZ band) when clear_mm is given."""
    s = dpi / 25.4
    size = int(round(w_mm * s)), int(round(h_mm * s))
    clear = clear_mm * s if clear_mm is not None else size[1] + 1
    return g.Canvas(w_mm, h_mm, dpi, g.guilloche(size[0], size[1], dpi, r, colors, clear))


TITLE = {"TD3": "passport", "MRVA": "visa", "MRVB": "visa", "TD2": "idcard", "TD1": "idcard"}
PORTRAIT_W = {"TD3": 29, "MRVA": 25, "TD2": 22, "MRVB": 21, "TD1": 20}


def _face(g, doc, dpi, r, L, rs):
    fmt, w_mm, h_mm, s, colors, mrz_top, x_jit, y_jit = layout7.geometry(g, doc, dpi, r)
    ink, dark, rule = (16, 18, 24), tuple(max(0, v - 135) for v in colors[1]), tuple(max(0, v - 70) for v in colors[1])
    cv = _canvas(g, w_mm, h_mm, dpi, r, colors, mrz_top if fmt != "TD1" else None)
    F = Face(g, cv, L, ink, dark, rule)
    title_key = "resid" if doc["residence"] and fmt in ("TD1", "TD2") else TITLE[fmt]
    top = header10(g, cv, doc, L, title_key, dark, F)
    bottom = h_mm - 3.0 if fmt == "TD1" else mrz_top - 1.0
    pw = PORTRAIT_W[fmt]
    sig_h = 0.0 if fmt in ("TD1", "MRVB") else 5.0
    ph = min(pw * 1.3, bottom - top - 1 - sig_h)
    px = 3.5 if L["portrait"] == "left" else w_mm - 3.5 - pw
    fx0, fx1 = (px + pw + 2.5, w_mm - 3.5) if L["portrait"] == "left" else (3.5, px - 2.5)
    g.portrait(cv, px, top + 0.5, pw, ph, r)
    if sig_h:
        sy = top + 0.5 + ph + 1.0
        put(g, cv, px, sy + 0.8, CAPTIONS[F.lang]["sig"], 0.7, dark, F.sreg, max_w=pw, rtl=F.rtl)
        g.signature(cv, px + 1, sy + 1.2, pw - 2, min(3.0, bottom - sy - 1.5), r)
    rows, back = rows_of(g, doc, L)
    Lc0, Vc0 = {"TD3": (0.78, 1.85), "MRVA": (0.74, 1.75), "TD2": (0.66, 1.5), "MRVB": (0.66, 1.5),
                "TD1": (0.6, 1.35)}[fmt]
    # Shrink the type when the rows do not fit; spread them (a little) when they do.
    per_row = (bottom - top) / len(rows)
    k = min(1.0, per_row / F.height(Lc0, Vc0))
    Lc, Vc = max(0.5, Lc0 * k), max(1.0, Vc0 * k)
    spare = max(0.0, per_row - F.height(Lc, Vc))
    cells = draw_rows(F, rows, fx0, fx1, top, F.height(Lc, Vc) + min(Vc * 1.1, spare), Lc, Vc)
    if cells and L["stamp"]:
        g._stamp(cv, rs, rs.choice(cells), True)
    bk = _canvas(g, w_mm, h_mm, dpi, r, colors, mrz_top) if fmt == "TD1" else None
    if bk is not None:  # the back: issue date, place of birth, authority, personal number
        Fb, Lb, Vb = Face(g, bk, L, ink, dark, rule), 0.6, 1.3
        Fb.n = F.n
        draw_rows(Fb, back, 4.0 if not F.rtl else 22.0, 60.0 if not F.rtl else 82.0, 3.0, Fb.height(Lb, Vb) + 0.4,
                  Lb, Vb)
    if F.rtl and bk is not None:  # the ghost image goes to the left on a mirrored back
        faces = [cv, bk]
        g.portrait(bk, 4, 4, 13, 16.5, rs, ghost=True)
        box, pitch, cap = g.render_mrz(bk, doc, r, x_jit, y_jit)
        if doc.get("printed_specimen"):
            g.stamp_specimen(cv, fmt)
        return g.assemble_faces(faces, box, pitch, cap, fmt, r, s)
    return layout7.finish(g, doc, r, rs, cv, bk, x_jit, y_jit, s)


def _quad_of(box):
    return [(box[0], box[1]), (box[2], box[1]), (box[2], box[3]), (box[0], box[3])]


def _upper_page(g, w, h, dpi, rs, L):
    """A booklet's other page: pale paper, its title in the caption
    script and English, a page number, now and then an entry stamp."""
    s = dpi / 25.4
    colors = g.palette(rs)
    cv = g.Canvas(w / s, h / s, dpi, g.guilloche(w, h, dpi, rs, colors, h + 1))
    grey = (110, 110, 118)
    lang = L["caption_lang"]
    put(g, cv, w / s / 2 + 2, 10, CAPTIONS[lang]["remarks"], 1.8, grey, SCRIPT_FONT[lang][0], anchor="ls",
        rtl=lang in RTL)
    put(g, cv, w / s / 2 - 2, 10, "REMARKS", 1.5, grey, _D + "DejaVuSerif.ttf", anchor="rs")
    put(g, cv, w / s - 6, h / s - 4, str(rs.randint(2, 5)), 1.4, grey, _D + "DejaVuSerif.ttf", anchor="rs")
    for _ in range(rs.randint(0, 2)):
        g._stamp(cv, rs, (rs.uniform(8, w / s - 40), rs.uniform(15, h / s - 30), 25, 18), True)
    return cv.im


def booklet(g, sheet, mask, doc, dpi, rs, L):
    """The open booklet held in the hand: cover, the other page above, the
    data page (or the visa page with the visa) below. Returns (rgb, mask,
    (x, y) of the sheet in it)."""
    s = dpi / 25.4
    W, H = sheet.size
    pw, ph = int(round(125 * s)), int(round(88 * s))
    m = int(round(2.0 * s))
    obj = Image.new("RGB", (pw + 2 * m, 2 * ph + 2 * m), rs.choice([(100, 30, 38), (26, 44, 92), (22, 72, 60)]))
    omask = Image.new("L", obj.size, 0)
    ImageDraw.Draw(omask).rounded_rectangle([0, 0, obj.size[0] - 1, obj.size[1] - 1], radius=int(3 * s), fill=255)
    obj.paste(_upper_page(g, pw, ph, dpi, rs, L), (m, m))
    if doc["format"] == "TD3":
        at = (m, m + ph)
    else:
        obj.paste(_upper_page(g, pw, ph, dpi, rs, L), (m, m + ph))
        at = (m + int(rs.uniform(0.2, 0.8) * max(1, pw - W)), m + ph + int(rs.uniform(0.3, 0.7) * max(1, ph - H)))
    obj.paste(sheet, at, mask)
    ImageDraw.Draw(obj).line([(m, m + ph), (m + pw, m + ph)], fill=(120, 115, 110), width=max(1, int(s * 0.3)))
    return obj, omask, at


def _room(fw, fh, nrng, rs):
    """A blurred room behind the hand: a wall and a floor or a desk in two
    tones, a few soft blobs (furniture, a window), out of focus."""
    sw, sh = max(8, fw // 8), max(8, fh // 8)
    yy, xx = np.mgrid[0:sh, 0:sw].astype(np.float32)
    wall = np.array(rs.choice([(196, 188, 170), (150, 160, 170), (210, 205, 196), (120, 110, 100)]), np.float32)
    floor = wall * rs.uniform(0.5, 0.8)
    split = rs.uniform(0.45, 0.75) * sh + (xx - sw / 2) * rs.uniform(-0.2, 0.2)
    a = np.where((yy > split)[..., None], floor, wall)
    for _ in range(rs.randint(2, 5)):
        cx, cy, rr = rs.uniform(0, sw), rs.uniform(0, sh), rs.uniform(0.08, 0.3) * sw
        blob = np.exp(-(((xx - cx) ** 2 + (yy - cy) ** 2) / (rr * rr)))[..., None]
        col = np.array([rs.uniform(40, 250) for _ in range(3)], np.float32)
        a = a * (1 - 0.7 * blob) + col * 0.7 * blob
    a += nrng.normal(0, 2, a.shape).astype(np.float32)
    img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB").filter(ImageFilter.GaussianBlur(3))
    return img.resize((fw, fh), Image.BILINEAR)


def _hand(frame, quad, side, rs, s):
    """Fingers behind the object's edge and a thumb over its face, on the
    side the hand holds it (never the MRZ's bottom edge). Returns the frame."""
    skin = np.array(rs.choice([(224, 180, 150), (196, 150, 118), (150, 104, 76), (104, 72, 54)]), np.float32)
    tl, tr, br, bl = quad
    if side == "left":
        a, b = tl, bl
    elif side == "right":
        a, b = tr, br
    else:
        a, b = tl, tr
    d = ImageDraw.Draw(frame)
    ex, ey = b[0] - a[0], b[1] - a[1]
    n = math.hypot(ex, ey) or 1.0
    nx, ny = -ey / n, ex / n  # the edge's normal; pointing out of the object for our corner order
    cx_, cy_ = sum(p[0] for p in quad) / 4, sum(p[1] for p in quad) / 4
    mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
    if (mx - cx_) * nx + (my - cy_) * ny < 0:
        nx, ny = -nx, -ny
    fw_ = 7.5 * s  # a finger's width
    col = tuple(int(v) for v in skin)
    shade = tuple(int(v * 0.78) for v in skin)
    t0 = rs.uniform(0.15, 0.35) if side != "top" else rs.uniform(0.1, 0.3)
    for k in range(3):  # fingers behind the object, showing beyond its edge
        t = t0 + k * 0.12
        px_, py_ = a[0] + ex * t, a[1] + ey * t
        out = rs.uniform(4, 9) * s
        pts = [(px_ - ex / n * fw_ / 2, py_ - ey / n * fw_ / 2), (px_ + ex / n * fw_ / 2, py_ + ey / n * fw_ / 2),
               (px_ + ex / n * fw_ / 2 + nx * out, py_ + ey / n * fw_ / 2 + ny * out),
               (px_ - ex / n * fw_ / 2 + nx * out, py_ - ey / n * fw_ / 2 + ny * out)]
        d.polygon(pts, fill=shade)
        d.ellipse([px_ + nx * out - fw_ / 2, py_ + ny * out - fw_ / 2, px_ + nx * out + fw_ / 2,
                   py_ + ny * out + fw_ / 2], fill=shade)
    # The thumb over the face: a long ellipse along the edge's normal, its
    # tip 4-7 mm in from the edge, the nail lighter near the tip.
    t = rs.uniform(0.25, 0.6) if side != "top" else rs.uniform(0.55, 0.85)
    px_, py_ = a[0] + ex * t, a[1] + ey * t
    inward, half_len, half_w = rs.uniform(4, 7) * s, 12 * s, rs.uniform(4.2, 5.2) * s
    ux, uy = ex / n, ey / n  # along the edge
    tilt = rs.uniform(-0.35, 0.35)
    ax_, ay_ = nx * math.cos(tilt) + ux * math.sin(tilt), ny * math.cos(tilt) + uy * math.sin(tilt)
    bx_, by_ = -ay_, ax_
    cx0, cy0 = px_ - ax_ * inward + ax_ * half_len, py_ - ay_ * inward + ay_ * half_len

    def ellipse(cx1, cy1, la, lb):
        return [(cx1 + ax_ * la * math.cos(q) + bx_ * lb * math.sin(q), cy1 + ay_ * la * math.cos(q) + by_ * lb * math.sin(q))
                for q in np.linspace(0, 2 * math.pi, 48)]

    tip = half_len - 3.2 * s
    nail = tuple(min(255, int(v * 1.15) + 20) for v in skin)
    for pts, fill, colour, blur in ((ellipse(cx0, cy0, half_len, half_w), 255, col, 0.3 * s),
                                    (ellipse(cx0 - ax_ * tip, cy0 - ay_ * tip, 2.6 * s, half_w * 0.6), 150, nail,
                                     0.25 * s)):
        m = int(blur * 3) + 2  # drawn and blurred in its own box
        x0, y0 = int(min(p[0] for p in pts)) - m, int(min(p[1] for p in pts)) - m
        x1, y1 = int(max(p[0] for p in pts)) + m, int(max(p[1] for p in pts)) + m
        layer = Image.new("L", (x1 - x0, y1 - y0), 0)
        ImageDraw.Draw(layer).polygon([(p[0] - x0, p[1] - y0) for p in pts], fill=fill)
        layer = layer.filter(ImageFilter.GaussianBlur(max(1.0, blur)))
        frame.paste(Image.new("RGB", layer.size, colour), (x0, y0), layer)
    return frame


def _distort(frame, k):
    """Barrel distortion: a pixel of the output shows the frame's pixel at
    c + (p - c)(1 + k |p - c|^2 / R^2) / (1 + k) (R the half diagonal: the
    corners stay), drawn as a mesh of 40 px cells (the map exact at their
    corners, bilinear between). Returns (image, map of a frame point to
    the output)."""
    fw, fh = frame.size
    cx, cy, R2 = fw / 2, fh / 2, (fw * fw + fh * fh) / 4

    def src(x, y):
        f = (1 + k * ((x - cx) ** 2 + (y - cy) ** 2) / R2) / (1 + k)
        return cx + (x - cx) * f, cy + (y - cy) * f

    step = 40
    mesh = []
    for y0 in range(0, fh, step):
        for x0 in range(0, fw, step):
            x1, y1 = min(fw, x0 + step), min(fh, y0 + step)
            quad = src(x0, y0) + src(x0, y1) + src(x1, y1) + src(x1, y0)
            mesh.append(((x0, y0, x1, y1), quad))
    out = frame.transform((fw, fh), Image.MESH, mesh, resample=Image.BILINEAR)

    def fwd(p):  # the output point showing frame point p: solve p = src(q)
        qx, qy = p
        for _ in range(40):
            f = (1 + k * ((qx - cx) ** 2 + (qy - cy) ** 2) / R2) / (1 + k)
            qx, qy = cx + (p[0] - cx) / f, cy + (p[1] - cy) / f
        return qx, qy

    return out, fwd


def handheld(g, sheet, mask, box, doc, dpi, rs, L):
    """The phone photo of the object held in a hand. Returns (frame, full
    mask, MRZ box) and sets L['_quad'] and L['_mrz_quad']."""
    s = dpi / 25.4
    if L["booklet"]:
        obj, omask, at = booklet(g, sheet, mask, doc, dpi, rs, L)
    else:
        obj, omask, at = sheet, mask, (0, 0)
    W, H = obj.size
    A = 4 / 3 if W >= H else 3 / 4
    share = rs.uniform(0.72, 0.86)
    fw = int(max(W / share, A * H / share))
    fh = int(fw / A)
    nrng = np.random.default_rng(rs.randint(0, 2 ** 31))
    frame = _room(fw, fh, nrng, rs)
    cx = fw / 2 + rs.uniform(-0.4, 0.4) * (fw - W) * 0.5
    cy = fh / 2 + rs.uniform(-0.4, 0.4) * (fh - H) * 0.5
    t = math.radians(L["turn_deg"])
    sh = L["corner_shift"] * W
    quad = []
    for x, y in _quad_of((0, 0, W, H)):
        dx, dy = x - W / 2, y - H / 2
        quad.append((cx + dx * math.cos(t) - dy * math.sin(t) + rs.uniform(-sh, sh),
                     cy + dx * math.sin(t) + dy * math.cos(t) + rs.uniform(-sh, sh)))
    quad = layout8._fit(quad, fw, fh, 0.04 * fw)
    coeffs = layout5._perspective_coeffs(_quad_of((0, 0, W, H)), quad)
    warped = obj.transform((fw, fh), Image.PERSPECTIVE, coeffs, resample=Image.BILINEAR)
    wmask = omask.transform((fw, fh), Image.PERSPECTIVE, coeffs, resample=Image.BILINEAR, fillcolor=0)
    frame.paste(warped, (0, 0), wmask)
    frame = _hand(frame, quad, L["hand"], rs, s)
    sw, shh = sheet.size
    dq = [layout5._apply(coeffs, (at[0] + x, at[1] + y)) for x, y in _quad_of((0, 0, sw, shh))]
    mq = [layout5._apply(coeffs, (at[0] + x, at[1] + y)) for x, y in _quad_of(box)]
    a = np.array(frame, np.float32)
    xs, ys = np.arange(fw, dtype=np.float32), np.arange(fh, dtype=np.float32)
    xx, yy = xs[None, :], ys[:, None]
    dw = math.hypot(dq[1][0] - dq[0][0], dq[1][1] - dq[0][1])
    if L["phone_shadow"]:  # the phone's hard-edged shadow over one upper corner of the page
        c0 = dq[rs.choice([0, 1])]
        ang = rs.uniform(0, 2 * math.pi)
        ux, uy = math.cos(ang), math.sin(ang)
        edge = (xx - c0[0]) * ux + (yy - c0[1]) * uy - dw * rs.uniform(0.1, 0.25)
        m = np.clip(-edge / max(1.5, 0.004 * fw) + 0.5, 0, 1) * np.exp(
            -(((xx - c0[0]) ** 2 + (yy - c0[1]) ** 2) / (dw * 0.45) ** 2))
        a *= (1 - rs.uniform(0.25, 0.4) * m)[..., None]
    for _ in range(L["glare_spots"]):  # small specular spots of ceiling lights, off the MRZ
        u, v = rs.uniform(0.1, 0.9), rs.uniform(0.05, 0.55)
        top = (dq[0][0] + u * (dq[1][0] - dq[0][0]), dq[0][1] + u * (dq[1][1] - dq[0][1]))
        bot = (dq[3][0] + u * (dq[2][0] - dq[3][0]), dq[3][1] + u * (dq[2][1] - dq[3][1]))
        gx, gy = top[0] + v * (bot[0] - top[0]), top[1] + v * (bot[1] - top[1])
        rx = dw * rs.uniform(0.015, 0.04)
        squash = rs.uniform(1.2, 2.5)
        x0, x1 = max(0, int(gx - 3 * rx)), min(fw, int(gx + 3 * rx) + 1)
        y0, y1 = max(0, int(gy - 3 * rx)), min(fh, int(gy + 3 * rx) + 1)
        if x1 > x0 and y1 > y0:  # the spot is nil beyond three radii
            wx, wy = xs[x0:x1][None, :], ys[y0:y1][:, None]
            spot = np.clip(np.exp(-(((wx - gx) ** 2 + ((wy - gy) * squash) ** 2) / (rx * rx))) * 1.4, 0, 1)
            a[y0:y1, x0:x1] = a[y0:y1, x0:x1] * (1 - spot[..., None]) + 252 * spot[..., None]
    vig = 1.0 - rs.uniform(0.1, 0.25) * (((xx / fw - 0.5) ** 2 + (yy / fh - 0.5) ** 2) * 2)
    frame = Image.fromarray(np.clip(a * vig[..., None], 0, 255).astype(np.uint8), "RGB")
    frame, fwd = _distort(frame, L["barrel"])
    ang = rs.uniform(0, math.pi)  # a little motion blur: the frame shifted and averaged along one direction
    steps = rs.randint(1, 3)
    if steps > 1:
        acc = np.zeros((fh, fw, 3), np.float32)
        for i in range(steps):
            ox, oy = int(round(math.cos(ang) * i)), int(round(math.sin(ang) * i))
            acc += np.roll(np.roll(np.asarray(frame, np.float32), oy, axis=0), ox, axis=1)
        frame = Image.fromarray(np.clip(acc / steps, 0, 255).astype(np.uint8), "RGB")
    L["_quad"], L["_mrz_quad"] = [fwd(p) for p in dq], [fwd(p) for p in mq]
    mqo = L["_mrz_quad"]
    mbox = [int(math.floor(min(p[0] for p in mqo))), int(math.floor(min(p[1] for p in mqo))),
            int(math.ceil(max(p[0] for p in mqo))), int(math.ceil(max(p[1] for p in mqo)))]
    return frame, Image.new("L", frame.size, 255), mbox


def printout(sheet, mask, box, dpi, rs, L):
    """An earlier scan (the document on a grey bed) printed on a colour
    laser printer and laid on the glass: CMYK halftone screens at L['lpi']
    (15, 75, 0 and 45 degrees), the colours out of register by a pixel or
    so, white paper round the print. Returns (print, full mask, MRZ box)
    and sets L['_quad'] and L['_mrz_quad']."""
    s = dpi / 25.4
    W, H = sheet.size
    mb = int(rs.uniform(5, 12) * s)
    grey = rs.randint(170, 215)
    first = Image.new("RGB", (W + 2 * mb, H + 2 * mb), (grey, grey, grey + 3))
    first.paste(sheet, (mb, mb), mask)
    mp = int(rs.uniform(6, 14) * s)
    fw, fh = first.size[0] + 2 * mp, first.size[1] + 2 * mp
    rgb = np.asarray(first, np.float32) / 255.0
    k = 1 - rgb.max(axis=2)
    cmy = (1 - rgb - k[..., None]) / np.maximum(1e-3, 1 - k[..., None])
    period = dpi / float(L["lpi"])
    yy, xx = np.mgrid[0:first.size[1], 0:first.size[0]].astype(np.float32)
    inks = []
    for ch, ang in zip([cmy[..., 0], cmy[..., 1], cmy[..., 2], k], (15, 75, 0, 45)):
        t = math.radians(ang)
        u = (xx * math.cos(t) + yy * math.sin(t)) / period
        v = (-xx * math.sin(t) + yy * math.cos(t)) / period
        spot = (np.cos(2 * np.pi * u) + np.cos(2 * np.pi * v)) * 0.25 + 0.5  # 0..1, a dot screen
        inks.append((ch > spot).astype(np.float32) * 0.92 + np.clip(ch - 0.9, 0, 1) * 0.8)
    c, m, y_, kk = inks
    shift = L["misregister_px"]
    dxs = [int(round(rs.uniform(-shift, shift))) for _ in range(3)]
    c, m, y_ = [np.roll(ch, d, axis=i % 2) for i, (ch, d) in enumerate(zip((c, m, y_), dxs))]
    paper = 250.0
    out = np.stack([paper * (1 - 0.88 * c) * (1 - 0.05 * m), paper * (1 - 0.85 * m) * (1 - 0.06 * c),
                    paper * (1 - 0.8 * y_) * (1 - 0.05 * m)], -1) * (1 - 0.9 * kk[..., None])
    out = Image.fromarray(np.clip(out, 0, 255).astype(np.uint8), "RGB").filter(ImageFilter.GaussianBlur(0.45))
    page = Image.new("RGB", (fw, fh), (250, 250, 248))
    page.paste(out, (mp, mp))
    o = mp + mb
    L["_quad"] = [(o + x, o + y) for x, y in _quad_of((0, 0, W, H))]
    L["_mrz_quad"] = [(o + x, o + y) for x, y in _quad_of(box)]
    return page, Image.new("L", page.size, 255), [box[0] + o, box[1] + o, box[2] + o, box[3] + o]


def render(g, doc, dpi, r, L):
    """generate.render_layout for this family: the face(s), then the photo
    or the print-out when drawn."""
    rs = random.Random(L["draw_seed"])
    sheet, mask, box, pitch, cap = _face(g, doc, dpi, r, L, rs)
    if L["capture"] == "handheld":
        frame, fmask, mbox = handheld(g, sheet, mask, box, doc, dpi, rs, L)
        return frame, fmask, mbox, pitch, cap
    if L["capture"] == "printout":
        page, pmask, mbox = printout(sheet, mask, box, dpi, rs, L)
        return page, pmask, mbox, pitch, cap
    return sheet, mask, box, pitch, cap
