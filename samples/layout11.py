"""The heldout11 layout family of samples/generate.py (--layouts heldout11).

Written blind on 2026-12-07 by a session that tunes no rule and never
screened any of its pages, so that the rules of that day can be judged on
pages nobody looked at. Do not inspect its pages to fix a rule
(samples/README.md, "Layouts").

What it draws, unlike every earlier family:
- captions in an Indic or another script with English, whatever the
  issuing state: Hindi (Devanagari), Bengali, Tamil, Sinhala, Amharic
  (Ethiopic), Khmer or Korean (Hangul), shaped by raqm; the Latin parts of
  a caption (the slash, digits) in the Latin face;
- three caption styles: the caption line (national / English) over a
  value standing on a dotted underline; each value in a thin rounded box
  whose top border the caption interrupts (a fieldset); or the value
  first with the two captions in small type under it;
- dates year first with dots and a trailing dot ("1985. 07. 14."), in
  comb boxes (DD MM YYYY, the English caption saying so), or
  "14/07/1985" beside the same day in the caption language: its digits
  (Devanagari, Bengali, Khmer), the Ethiopian calendar ("7 ሐምሌ 1977"),
  Korean ("1985년 7월 14일"), or the month's name in Tamil or Sinhala;
- on half of the pages the surname and the given names side by side,
  the given names wrapping onto a second line when their field is too
  narrow; on half of the passports, visas and TD2 cards the issue, expiry
  and authority block under the portrait, apart from the other fields;
  the personal number in comb boxes on half of the pages that print one;
- on six passports in ten the document number laser-perforated along the
  right edge (holes with a scorched rim, read bottom to top); on a fifth
  of the pages a violet UV-like cast with glowing fibres;
- typefaces Noto Sans, Noto Serif, Nanum Gothic or Nanum Myeongjo for the
  Latin (fonts-noto-core, fonts-nanum; values whose letters a face lacks
  in DejaVu Sans Bold);
- three captures, drawn from a stream of their own before the label: a
  flatbed scan as in every family (40 %; on half of them the document in
  a plastic sleeve: a haze, the sleeve's edge round the document and a
  glossy reflection band); the whole A4 bed at 150 or 200 dpi (38 %) with
  the document turned by up to 30 degrees and a second item beside it (a
  driving licence or a bank card of the same holder, no MRZ), a passport
  as the open booklet (both pages); or a received fax (22 %): the
  document on an A4 page, binarised and dithered, at 200 dpi in "fine"
  mode or with every other line doubled ("standard" mode, 100 lines per
  inch), a sender's header line, specks, grey JPEG quality 40-60.

Genuine pages are genuine: each value printed is what the MRZ holds (the
identities are the seed's, as in every family); the extra dates are the
same day. `g` is generate.py's own module. On an A4 bed or a fax the
truth's doc_quad is the data page's (card's, visa's) four corners in the
image, mrz_quad the MRZ's (samples/layout8.py's truth_quads).
"""
import datetime
import math
import os
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

import layout7  # geometry(), finish()
import layout10  # covers(), em()

FAMILY = "heldout11"
_N = "/usr/share/fonts/truetype/noto/"
_K = "/usr/share/fonts/truetype/nanum/"
_D = "/usr/share/fonts/truetype/dejavu/"
FALLBACK = (_D + "DejaVuSans.ttf", _D + "DejaVuSans-Bold.ttf")
MONO = _D + "DejaVuSansMono.ttf"
TYPEFACES = {  # regular, bold: Latin faces no other family uses
    "noto_sans": (_N + "NotoSans-Regular.ttf", _N + "NotoSans-Bold.ttf"),
    "noto_serif": (_N + "NotoSerif-Regular.ttf", _N + "NotoSerif-Bold.ttf"),
    "nanum_gothic": (_K + "NanumGothic.ttf", _K + "NanumGothicBold.ttf"),
    "nanum_myeongjo": (_K + "NanumMyeongjo.ttf", _K + "NanumMyeongjoBold.ttf"),
}
SCRIPT_FONT = {
    "hi": (_N + "NotoSansDevanagari-Regular.ttf", _N + "NotoSansDevanagari-Bold.ttf"),
    "bn": (_N + "NotoSansBengali-Regular.ttf", _N + "NotoSansBengali-Bold.ttf"),
    "ta": (_N + "NotoSansTamil-Regular.ttf", _N + "NotoSansTamil-Bold.ttf"),
    "si": (_N + "NotoSansSinhala-Regular.ttf", _N + "NotoSansSinhala-Bold.ttf"),
    "am": (_N + "NotoSansEthiopic-Regular.ttf", _N + "NotoSansEthiopic-Bold.ttf"),
    "km": (_N + "NotoSansKhmer-Regular.ttf", _N + "NotoSansKhmer-Bold.ttf"),
    "ko": (_K + "NanumGothic.ttf", _K + "NanumGothicBold.ttf"),
}
LANGS = ["hi", "bn", "ta", "si", "am", "km", "ko"]
_KEYS = ("surname given nat dob sex pob doi doe auth passno docno type code sig pers valid_from until "
         "entries duration passport idcard resid visa remarks").split()
_W = {
    "hi": ["उपनाम", "दिया गया नाम", "राष्ट्रीयता", "जन्म तिथि", "लिंग", "जन्म स्थान", "जारी करने की तिथि",
           "समाप्ति की तिथि", "प्राधिकारी", "पासपोर्ट सं.", "दस्तावेज़ सं.", "प्रकार", "देश कोड", "धारक के हस्ताक्षर",
           "व्यक्तिगत सं.", "से मान्य", "तक", "प्रवेशों की संख्या", "ठहरने की अवधि", "पासपोर्ट", "पहचान पत्र",
           "निवास परमिट", "वीज़ा", "टिप्पणियाँ"],
    "bn": ["পদবি", "প্রদত্ত নাম", "জাতীয়তা", "জন্ম তারিখ", "লিঙ্গ", "জন্মস্থান", "প্রদানের তারিখ",
           "মেয়াদোত্তীর্ণের তারিখ", "প্রদানকারী কর্তৃপক্ষ", "পাসপোর্ট নং", "নথি নং", "ধরন", "দেশের কোড",
           "বাহকের স্বাক্ষর", "ব্যক্তিগত নং", "বৈধ হবে", "পর্যন্ত", "প্রবেশের সংখ্যা", "অবস্থানের মেয়াদ", "পাসপোর্ট",
           "পরিচয়পত্র", "বসবাসের অনুমতিপত্র", "ভিসা", "মন্তব্য"],
    "ta": ["குடும்பப் பெயர்", "இயற்பெயர்", "நாட்டுரிமை", "பிறந்த தேதி", "பாலினம்", "பிறந்த இடம்", "வழங்கிய தேதி",
           "காலாவதி தேதி", "வழங்கும் அதிகாரம்", "கடவுச்சீட்டு எண்", "ஆவண எண்", "வகை", "நாட்டுக் குறியீடு",
           "உரிமையாளர் கையொப்பம்", "தனிப்பட்ட எண்", "செல்லுபடி தொடக்கம்", "வரை", "நுழைவுகளின் எண்ணிக்கை",
           "தங்கும் காலம்", "கடவுச்சீட்டு", "அடையாள அட்டை", "வதிவிட அனுமதி", "விசா", "குறிப்புகள்"],
    "si": ["වාසගම", "මුල් නම්", "ජාතිකත්වය", "උපන් දිනය", "ලිංගය", "උපන් ස්ථානය", "නිකුත් කළ දිනය",
           "කල් ඉකුත් වන දිනය", "නිකුත් කළ බලධාරියා", "ගමන් බලපත්‍ර අංකය", "ලේඛන අංකය", "වර්ගය", "රටේ කේතය",
           "දරන්නාගේ අත්සන", "පුද්ගල අංකය", "වලංගු වන්නේ", "දක්වා", "ඇතුළුවීම් ගණන", "රැඳී සිටින කාලය",
           "ගමන් බලපත්‍රය", "හැඳුනුම්පත", "පදිංචි බලපත්‍රය", "වීසා", "සටහන්"],
    "am": ["የቤተሰብ ስም", "ስም", "ዜግነት", "የትውልድ ቀን", "ጾታ", "የትውልድ ቦታ", "የተሰጠበት ቀን", "የሚያበቃበት ቀን",
           "ሰጪ ባለሥልጣን", "የፓስፖርት ቁጥር", "የሰነድ ቁጥር", "ዓይነት", "የአገር ኮድ", "የባለቤቱ ፊርማ", "የግል ቁጥር",
           "የሚጸናበት ቀን", "እስከ", "የመግቢያ ብዛት", "የቆይታ ጊዜ", "ፓስፖርት", "መታወቂያ ካርድ", "የመኖሪያ ፈቃድ", "ቪዛ",
           "ማሳሰቢያ"],
    "km": ["នាមត្រកូល", "នាមខ្លួន", "សញ្ជាតិ", "ថ្ងៃខែឆ្នាំកំណើត", "ភេទ", "ទីកន្លែងកំណើត", "ថ្ងៃចេញ",
           "ថ្ងៃផុតកំណត់", "អាជ្ញាធរ", "លេខលិខិតឆ្លងដែន", "លេខឯកសារ", "ប្រភេទ", "លេខកូដប្រទេស",
           "ហត្ថលេខាម្ចាស់", "លេខផ្ទាល់ខ្លួន", "មានសុពលភាពពី", "ដល់", "ចំនួនចូល", "រយៈពេលស្នាក់នៅ",
           "លិខិតឆ្លងដែន", "អត្តសញ្ញាណប័ណ្ណ", "ប័ណ្ណស្នាក់នៅ", "ទិដ្ឋាការ", "កំណត់សម្គាល់"],
    "ko": ["성", "이름", "국적", "생년월일", "성별", "출생지", "발급일", "기간만료일", "발행관청", "여권번호",
           "문서번호", "종류", "발행국", "소지인 서명", "개인번호", "유효기간 시작", "만료일", "입국횟수", "체류기간",
           "여권", "신분증", "체류허가증", "사증", "비고"],
}
CAPTIONS = {lang: dict(zip(_KEYS, words)) for lang, words in _W.items()}
SEX = {"hi": ("पुरुष", "महिला"), "bn": ("পুরুষ", "মহিলা"), "ta": ("ஆண்", "பெண்"), "si": ("පුරුෂ", "ස්ත්‍රී"),
       "am": ("ወንድ", "ሴት"), "km": ("ប្រុស", "ស្រី"), "ko": ("남", "여")}
AUTHORITY = {"hi": "विदेश मंत्रालय", "bn": "বহিরাগমন ও পাসপোর্ট অধিদপ্তর", "ta": "குடிவரவு குடியகல்வு திணைக்களம்",
             "si": "ආගමන හා විගමන දෙපාර්තමේන්තුව", "am": "የኢሚግሬሽንና የዜግነት ጉዳዮች", "km": "ក្រសួងការបរទេស",
             "ko": "외교부"}
DIGITS = {"hi": "०१२३४५६७८९", "bn": "০১২৩৪৫৬৭৮৯", "km": "០១២៣៤៥៦៧៨៩"}
MONTHS_LOCAL = {
    "ta": "ஜனவரி பிப்ரவரி மார்ச் ஏப்ரல் மே ஜூன் ஜூலை ஆகஸ்ட் செப்டம்பர் அக்டோபர் நவம்பர் டிசம்பர்".split(),
    "si": "ජනවාරි පෙබරවාරි මාර්තු අප්‍රේල් මැයි ජූනි ජූලි අගෝස්තු සැප්තැම්බර් ඔක්තෝබර් නොවැම්බර් දෙසැම්බර්".split(),
}
ETH_MONTHS = "መስከረም ጥቅምት ኅዳር ታኅሣሥ ጥር የካቲት መጋቢት ሚያዝያ ግንቦት ሰኔ ሐምሌ ነሐሴ ጳጉሜ".split()
DATE_KEYS = ("dob", "doi", "doe", "valid_from", "until")
VISAS = ("MRVA", "MRVB")
TITLE = {"TD3": "passport", "MRVA": "visa", "MRVB": "visa", "TD2": "idcard", "TD1": "idcard"}
PORTRAIT_W = {"TD3": 28, "MRVA": 24, "TD2": 22, "MRVB": 21, "TD1": 20}


def scan(rq, sc):
    """This family's capture, drawn from a stream of its own before the
    label: a flatbed scan (40 %), the whole A4 bed with a second item
    (38 %: 150 or 200 dpi, no skew of the frame: the document's own turn is
    the layout's), or a received fax (22 %: 200 dpi, grey, JPEG quality
    40-60). dpi and quality are drawn before the label, so
    IMAGE_QUALITY_LOW and IMAGE_EDITED still change what they change."""
    x = rq.random()
    capture = "flatbed" if x < 0.40 else "a4_pair" if x < 0.78 else "fax"
    sc["_capture11"] = capture  # read by pick(); not written to the truth
    if capture == "a4_pair":
        dpi = rq.choice((150, 200))
        sc.update(blur=round(sc["blur"] * dpi / sc["dpi"], 2), dpi=dpi, skew_deg=0.0, bed="sheet")
    elif capture == "fax":
        quality = rq.randint(40, 60)
        sc.update(blur=round(sc["blur"] * 200 / sc["dpi"], 2), dpi=200, skew_deg=0.0, bed="sheet", gray=True)
        if sc.get("out") == "jpg":
            sc["jpeg_quality"] = quality
    return sc


def fonts_here():
    paths = [p for pair in list(SCRIPT_FONT.values()) + list(TYPEFACES.values()) + [FALLBACK] for p in pair]
    return [p for p in paths + [MONO] if not os.path.exists(p)]


def pick(g, rl, doc, sc):
    """This document's layout (recorded in the truth JSON as `layout`)."""
    missing = fonts_here()
    if missing:
        raise SystemExit("--layouts heldout11 needs fonts-noto-core, fonts-nanum and fonts-dejavu-core "
                         "(scripts/install-deps.sh): missing %s" % missing)
    fmt = doc["format"]
    L = {"family": FAMILY}
    L["caption_lang"] = rl.choice(LANGS)
    L["captions"] = rl.choice(["dotted", "fieldset", "under"])
    L["given_case"] = rl.choice(["upper", "as_written"])
    L["names_row"] = rl.random() < 0.5  # surname and given names side by side: long given names wrap
    L["dates"] = rl.choice(["ymd_dots", "boxed", "dual"])
    L["portrait"] = "left" if rl.random() < 0.6 else "right"
    L["font"] = rl.choice(sorted(TYPEFACES))
    L["split"] = fmt in ("TD3", "MRVA", "TD2") and rl.random() < 0.5
    L["perforated"] = fmt == "TD3" and rl.random() < 0.6
    L["comb_pers"] = rl.random() < 0.5
    L["uv_tint"] = rl.random() < 0.2
    L["capture"] = sc.get("_capture11", "flatbed")
    L["sleeve"] = L["capture"] == "flatbed" and rl.random() < 0.5
    L["booklet"] = L["capture"] == "a4_pair" and fmt == "TD3"
    if L["capture"] == "a4_pair":
        L["turn_deg"] = round(rl.uniform(-30.0, 30.0), 2)
        L["other_item"] = rl.choice(["licence", "bank_card"])
        L["other_below"] = rl.random() < 0.5
    if L["capture"] == "fax":
        L["fax_mode"] = "standard" if rl.random() < 0.35 else "fine"
        L["turn_deg"] = round(rl.uniform(-1.5, 1.5), 2)
    L["stamp"] = rl.random() < 0.25
    L["draw_seed"] = rl.randint(0, 10 ** 6)
    L["_bed_grey"] = sc.get("bed_grey", 250)
    return L


def ethiopian(d):
    """The Ethiopian (Amete Mihret) date of a Gregorian date: (year, month,
    day), months of 30 days and a thirteenth of 5 or 6."""
    jdn = d.toordinal() + 1721425
    era = 1723856
    r = (jdn - era) % 1461
    n = r % 365 + 365 * (r // 1460)
    year = 4 * ((jdn - era) // 1461) + r // 365 - r // 1460
    return year, n // 30 + 1, n % 30 + 1


def digits(s, lang):
    return "".join(DIGITS[lang][int(c)] if c.isdigit() else c for c in s)


def date11(d, style, lang):
    """(printed text, extra text in the caption language or None)."""
    if style == "ymd_dots":
        return "%04d. %02d. %02d." % (d.year, d.month, d.day), None
    if style == "boxed":
        return "%02d %02d %04d" % (d.day, d.month, d.year), None
    greg = "%02d/%02d/%04d" % (d.day, d.month, d.year)
    if lang in DIGITS:
        return greg, digits(greg, lang)
    if lang == "am":
        y, m, dd = ethiopian(d)
        return greg, "%d %s %d" % (dd, ETH_MONTHS[m - 1], y)
    if lang == "ko":
        return greg, "%d년 %d월 %d일" % (d.year, d.month, d.day)
    return greg, "%d %s %d" % (d.day, MONTHS_LOCAL[lang][d.month - 1], d.year)


def rows_of(g, doc, L):
    """The fields as (main rows, side rows) of (key, value, extra)
    triples; a row holds one or two fields. Side rows go under the
    portrait (L['split']) or on a TD1's back. Every value is what the MRZ
    holds; extra is the same date in the caption language or None."""
    lang = L["caption_lang"]
    fd = lambda key, d: (key,) + date11(d, L["dates"], lang)
    fmt = doc["format"]
    giv = doc["given_names"] if L["given_case"] == "as_written" else doc["given_names"].upper()
    sur, gv = ("surname", doc["surname"].upper(), None), ("given", giv or "-", None)
    names = [[sur, gv]] if L["names_row"] else [[sur], [gv]]
    m, f = SEX[lang]
    sex = ("sex", {"M": "M", "F": "F"}.get(doc["sex"], "X"), {"M": m, "F": f}.get(doc["sex"]))
    nat = ("nat", doc["nationality"].replace("<", ""), None)
    code = ("code", doc["issuing_state"].replace("<", ""), None)
    dob, pob = fd("dob", doc["birth_date"]), ("pob", doc["place_of_birth"], None)
    doi, doe = fd("doi", doc["issue_date"]), fd("doe", doc["expiry_date"])
    auth = ("auth", AUTHORITY[lang], None)
    pers = [[("pers", doc["optional_data"], None)]] if doc["optional_data"] and fmt in ("TD3", "TD1") else []
    if fmt in VISAS:
        main = [[("type", doc["visa_type"], None), ("entries", doc["entries"], None)],
                [("duration", doc["duration"], None), ("docno", doc["document_number"], None)],
                *names, [dob], [sex, nat], [("passno", doc["visa_passport_number"], None)]]
        side = [[fd("valid_from", doc["issue_date"])], [fd("until", doc["expiry_date"])]]
        if L["split"]:
            return main, side
        return main[:2] + side + main[2:], []
    if fmt == "TD1":
        return names + [[sex, nat], [dob], [doe], [("docno", doc["document_number"], None)]], \
            [[doi], [pob], [auth]] + pers
    kind = ("type", doc["document_code"].replace("<", "") or "P", None)
    number = ("passno" if fmt == "TD3" else "docno", doc["document_number"], None)
    main = [[kind, code], [number], *names, [nat, sex], [dob], [pob]]
    side = [[doi], [doe]] + ([[auth]] if fmt == "TD3" else [])
    if L["split"]:
        return main + pers, side
    return main + side + pers, []


def em(path):
    return 0.72 if path in [p for pair in SCRIPT_FONT.values() for p in pair] else layout10.em(path)


def runs(text, script, latin):
    """text split into runs, each with the face that has its letters: the
    script face where it has them, else the Latin face (DejaVu Sans as the
    last resort); spaces stay with the run before them."""
    out = []
    for ch in text:
        if ch == " " and out:
            path = out[-1][1]
        elif layout10.covers(script, ch):
            path = script
        elif layout10.covers(latin, ch):
            path = latin
        else:
            path = FALLBACK[0]
        if out and out[-1][1] == path:
            out[-1][0] += ch
        else:
            out.append([ch, path])
    return out


def text(g, cv, x, y, s, cap_mm, fill, script, latin, max_w=None, anchor="ls"):
    """Mixed-script text on one baseline (left, centre "ms" or right "rs"
    anchored), its capitals cap_mm high, squeezed to max_w mm. Returns
    its width in mm."""
    if not s:
        return 0.0
    parts = runs(s, script, latin)
    k = 1.0
    for _ in range(2):
        fonts = [g.font(p, cap_mm * k / em(p) * cv.s) for _, p in parts]
        w = sum(cv.d.textlength(t, font=f) for (t, _), f in zip(parts, fonts))
        if max_w is None or w <= cv.px(max_w) or w <= 0:
            break
        k *= cv.px(max_w) / w
    x0 = cv.px(x) - (w / 2 if anchor == "ms" else w if anchor == "rs" else 0)
    for (t, _), f in zip(parts, fonts):
        cv.d.text((x0, cv.px(y)), t, font=f, fill=fill, anchor="ls")
        x0 += cv.d.textlength(t, font=f)
    return w / cv.s


class Face:
    """Draws the fields of one face in one caption style."""

    def __init__(self, g, cv, L, ink, cap_ink, rule):
        self.g, self.cv, self.L = g, cv, L
        self.lang = L["caption_lang"]
        self.reg, self.bold = TYPEFACES.get(L["font"]) or TYPEFACES["noto_sans"]
        self.sreg, self.sbold = SCRIPT_FONT[self.lang]
        self.ink, self.cap_ink, self.rule = ink, cap_ink, rule

    def height(self, Lc, Vc):
        return {"dotted": Lc * 1.6 + Vc * 1.75, "fieldset": Lc * 0.7 + Vc * 2.1 + 0.5,
                "under": Vc * 1.2 + Lc * 2.0 + 0.4}[self.L["captions"]]

    def english(self, key):
        en = self.g.LABELS["en"].get(key) or key
        if self.L["dates"] == "boxed" and key in DATE_KEYS:
            en += " (DD MM YYYY)"
        return en

    def caption(self, x, y, key, Lc, w):
        return text(self.g, self.cv, x, y, "%s / %s" % (CAPTIONS[self.lang][key], self.english(key)), Lc,
                    self.cap_ink, self.sreg, self.reg, max_w=w)

    def comb(self, x, y, chars, Vc, w, groups=None):
        """Characters in comb boxes on baseline y (groups: box counts with a
        gap between them). Returns the width drawn in mm."""
        cv = self.cv
        groups = groups or [len(chars)]
        gap = Vc * 0.45
        bw = min(Vc * 1.15, (w - gap * (len(groups) - 1)) / max(1, len(chars)))
        lw = max(1, int(cv.s * 0.07))
        xx, i = x, 0
        for n in groups:
            for _ in range(n):
                cv.d.rectangle([cv.px(xx), cv.px(y - bw * 1.2), cv.px(xx + bw), cv.px(y + bw * 0.25)],
                               outline=self.rule, width=lw)
                text(self.g, cv, xx + bw / 2, y, chars[i], min(Vc, bw * 0.8), self.ink, self.bold, self.bold,
                     anchor="ms")
                xx += bw
                i += 1
            xx += gap
        return xx - gap - x

    def lines(self, value, Vc, w):
        """The value on one line, or the given names wrapped onto two."""
        path = self.bold if layout10.covers(self.bold, value) else FALLBACK[1]
        f = self.g.font(path, Vc / em(path) * self.cv.s)
        if self.cv.d.textlength(value, font=f) <= self.cv.px(w) or " " not in value:
            return [value]
        words = value.split(" ")
        for cut in range(len(words) - 1, 0, -1):
            head = " ".join(words[:cut])
            if self.cv.d.textlength(head, font=f) <= self.cv.px(w):
                return [head, " ".join(words[cut:])]
        return [words[0], " ".join(words[1:])]

    def value(self, x, y, key, val, extra, Vc, w):
        """The value (comb boxes for boxed dates and the personal number,
        two lines for wrapped given names), then its extra. Returns the
        width drawn in mm."""
        g, cv = self.g, self.cv
        if key in DATE_KEYS and self.L["dates"] == "boxed":
            return self.comb(x, y, val.replace(" ", ""), Vc, w, [2, 2, 4])
        if key == "pers" and self.L["comb_pers"]:
            return self.comb(x, y, val, Vc, w)
        path = self.bold if layout10.covers(self.bold, val) else FALLBACK[1]
        first = path if layout10.covers(path, val) else self.sbold  # the authority: in the caption script
        if key == "given":
            ls = self.lines(val, Vc, w)
            for n, line in enumerate(ls):
                text(g, cv, x, y + n * Vc * 1.3, line, Vc, self.ink, path, path, max_w=w)
            return w
        if extra is None:
            return text(g, cv, x, y, val, Vc, self.ink, first, path, max_w=w)
        w0 = text(g, cv, x, y, val, Vc, self.ink, path, path, max_w=w * 0.5)
        w1 = text(g, cv, x + w0 + Vc * 0.9, y, extra, Vc * 0.85, self.ink, self.sbold, path,
                  max_w=max(2.0, w - w0 - Vc * 0.9))
        return w0 + Vc * 0.9 + w1

    def extra_height(self, key, val, Vc, w):
        return (len(self.lines(val, Vc, w)) - 1) * Vc * 1.3 if key == "given" else 0.0

    def field(self, key, val, extra, x, y, w, Lc, Vc):
        cv = self.cv
        lw = max(1, int(cv.s * 0.07))
        st = self.L["captions"]
        grow = self.extra_height(key, val, Vc, w - 2.0 if st == "fieldset" else w)
        if st == "dotted":
            self.caption(x, y + Lc, key, Lc, w)
            base = y + Lc * 1.6 + Vc * 1.1
            self.value(x, base, key, val, extra, Vc, w)
            line = base + grow + Vc * 0.4
            r_ = max(1, int(cv.s * 0.06))
            dx = x
            while dx < x + w:
                cv.d.ellipse([cv.px(dx) - r_, cv.px(line) - r_, cv.px(dx) + r_, cv.px(line) + r_], fill=self.rule)
                dx += 0.7
        elif st == "fieldset":
            top, bot = y + Lc * 0.7, y + Lc * 0.7 + Vc * 2.1 + grow
            cw = self.caption(x + 1.6, y + Lc * 1.05, key, Lc, w - 3.0)
            rad = cv.px(0.8)
            X0, X1, Y0, Y1 = cv.px(x), cv.px(x + w), cv.px(top), cv.px(bot)
            d = cv.d
            d.arc([X0, Y0, X0 + 2 * rad, Y0 + 2 * rad], 180, 270, fill=self.rule, width=lw)
            d.arc([X1 - 2 * rad, Y0, X1, Y0 + 2 * rad], 270, 360, fill=self.rule, width=lw)
            d.arc([X0, Y1 - 2 * rad, X0 + 2 * rad, Y1], 90, 180, fill=self.rule, width=lw)
            d.arc([X1 - 2 * rad, Y1 - 2 * rad, X1, Y1], 0, 90, fill=self.rule, width=lw)
            d.line([(X0 + rad, Y0), (cv.px(x + 1.2), Y0)], fill=self.rule, width=lw)
            d.line([(cv.px(x + 2.0 + cw), Y0), (X1 - rad, Y0)], fill=self.rule, width=lw)
            d.line([(X0 + rad, Y1), (X1 - rad, Y1)], fill=self.rule, width=lw)
            d.line([(X0, Y0 + rad), (X0, Y1 - rad)], fill=self.rule, width=lw)
            d.line([(X1, Y0 + rad), (X1, Y1 - rad)], fill=self.rule, width=lw)
            self.value(x + 1.0, top + Vc * 1.45, key, val, extra, Vc, w - 2.0)
        else:  # under: the value, a hairline, the captions in small type
            self.value(x, y + Vc * 1.1, key, val, extra, Vc, w)
            hy = y + Vc * 1.1 + grow + Vc * 0.35
            cv.d.line([(cv.px(x), cv.px(hy)), (cv.px(x + w * 0.9), cv.px(hy))], fill=self.rule, width=lw)
            self.caption(x, hy + Lc * 1.35, key, Lc * 0.95, w)
        return grow


def header11(g, cv, doc, L, title_key, colour, F):
    """An emblem at the left, the title in the caption script centred over
    the English title and the state's English name."""
    fmt = doc["format"]
    big = {"TD3": 2.0, "MRVA": 1.9, "TD2": 1.6, "MRVB": 1.6, "TD1": 1.3}[fmt]
    w = cv.w_mm
    cx, cy, rr = 3.5 + big * 1.3, 2.0 + big * 1.3, big * 1.2
    lw = max(1, int(cv.s * 0.12))
    cv.d.ellipse([cv.px(cx - rr), cv.px(cy - rr), cv.px(cx + rr), cv.px(cy + rr)], outline=colour, width=lw)
    for k in range(12):
        a = k * math.pi / 6
        cv.d.line([(cv.px(cx + rr * 0.35 * math.cos(a)), cv.px(cy + rr * 0.35 * math.sin(a))),
                   (cv.px(cx + rr * 0.8 * math.cos(a)), cv.px(cy + rr * 0.8 * math.sin(a)))], fill=colour, width=lw)
    en_title = g.LABELS["en"][title_key]
    en_state = g.country(doc["issuing_state"])[0]
    text(g, cv, w / 2, 2.0 + big * 1.1, CAPTIONS[F.lang][title_key], big * 1.1, colour, F.sbold, F.bold,
         max_w=w * 0.6, anchor="ms")
    text(g, cv, w / 2, 2.6 + big * 2.0, "%s  ·  %s" % (en_title, en_state), big * 0.55, colour, F.reg, F.reg,
         max_w=w * 0.7, anchor="ms")
    y = 3.2 + big * 2.2
    cv.d.line([(cv.px(3), cv.px(y)), (cv.px(w - 3), cv.px(y))], fill=colour, width=max(1, int(cv.s * 0.1)))
    return y + 0.8


def draw_rows(F, rows, fx0, fx1, top, step, Lc, Vc):
    cells = []
    y = top
    for row in rows:
        cw = (fx1 - fx0) / len(row)
        grow = 0.0
        for n, (key, val, extra) in enumerate(row):
            grow = max(grow, F.field(key, val, extra, fx0 + n * cw, y, cw - 1.2, Lc, Vc))
            cells.append((fx0 + n * cw, y, cw - 1.2, step))
        y += step + grow
    return cells, y


def perforate(cv, number, x_mm, y0_mm, y1_mm, rs):
    """The document number laser-perforated along a vertical strip at
    x_mm, read bottom to top between y1_mm and y0_mm: holes on a 0.32 mm
    grid where a small bold rendering of the number has ink, pale (the
    next page shows through) with a brownish scorched rim."""
    pitch = 0.32
    rows = 8
    length = int((y1_mm - y0_mm) / pitch)
    im = Image.new("L", (max(8, length), rows), 0)
    f = ImageFont.truetype(FALLBACK[1], rows + 3)
    d = ImageDraw.Draw(im)
    tw = d.textlength(number, font=f)
    d.text(((length - tw) / 2, rows - 1), number, font=f, fill=255, anchor="ls")
    im = im.transpose(Image.ROTATE_90)  # read bottom to top
    a = np.asarray(im) > 110
    r_ = max(1.0, cv.s * 0.11)
    rim = (150, 110, 70)
    fill = tuple(rs.randint(222, 240) for _ in range(3))
    for j, i in zip(*np.nonzero(a)):
        px_, py_ = cv.px(x_mm + i * pitch), cv.px(y1_mm - (a.shape[0] - j) * pitch)
        cv.d.ellipse([px_ - r_, py_ - r_, px_ + r_, py_ + r_], fill=fill, outline=rim)


def uv_tint(cv, rs, clear_mm):
    """A violet UV-like cast over the face and short glowing fibres (none in
    the MRZ band, from clear_mm down)."""
    a = np.asarray(cv.im, np.float32)
    k = np.array([rs.uniform(0.86, 0.92), rs.uniform(0.8, 0.88), 1.0], np.float32)
    a = a * k + np.array([0, 0, rs.uniform(0, 8)], np.float32)
    cv.im.paste(Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB"), (0, 0))
    cv.d = ImageDraw.Draw(cv.im)
    lw = max(1, int(cv.s * 0.08))
    for _ in range(rs.randint(40, 80)):
        x, y = rs.uniform(1, cv.w_mm - 1), rs.uniform(1, clear_mm - 1.5)
        ang, ln = rs.uniform(0, math.pi), rs.uniform(0.8, 2.2)
        col = rs.choice([(240, 250, 120), (255, 120, 150), (120, 200, 255), (150, 255, 170)])
        pts = [(cv.px(x + t * ln * math.cos(ang) + 0.2 * math.sin(t * 5)), cv.px(y + t * ln * math.sin(ang)))
               for t in np.linspace(0, 1, 5)]
        cv.d.line(pts, fill=col, width=lw)


def _face(g, doc, dpi, r, L, rs):
    fmt, w_mm, h_mm, s, colors, mrz_top, x_jit, y_jit = layout7.geometry(g, doc, dpi, r)
    ink, dark, rule = (18, 18, 26), tuple(max(0, v - 130) for v in colors[1]), tuple(max(0, v - 80) for v in colors[1])
    cv = layout10._canvas(g, w_mm, h_mm, dpi, r, colors, mrz_top if fmt != "TD1" else None)
    F = Face(g, cv, L, ink, dark, rule)
    title_key = "resid" if doc["residence"] and fmt in ("TD1", "TD2") else TITLE[fmt]
    top = header11(g, cv, doc, L, title_key, dark, F)
    bottom = h_mm - 3.0 if fmt == "TD1" else mrz_top - 1.0
    rows, side = rows_of(g, doc, L)
    pw = PORTRAIT_W[fmt]
    right_room = 3.2 if L["perforated"] else 0.0  # the perforation strip at the right edge
    split = fmt != "TD1" and bool(side)
    if split:  # the portrait smaller, the issue block under it
        pw = min(pw, 24)
    sig_h = 0.0 if fmt in ("TD1", "MRVB", "TD2") or split else 5.0
    ph = min(pw * 1.28, bottom - top - 1 - sig_h) if not split else min(pw * 1.28, (bottom - top) * 0.5)
    px = 3.5 if L["portrait"] == "left" else w_mm - 3.5 - right_room - pw
    fx0, fx1 = (px + pw + 2.5, w_mm - 3.5 - right_room) if L["portrait"] == "left" else (3.5, px - 2.5)
    g.portrait(cv, px, top + 0.5, pw, ph, r)
    if sig_h:
        sy = top + 0.5 + ph + 1.0
        text(g, cv, px, sy + 0.8, CAPTIONS[F.lang]["sig"], 0.75, dark, F.sreg, F.reg, max_w=pw)
        g.signature(cv, px + 1, sy + 1.2, pw - 2, min(3.0, bottom - sy - 1.5), r)
    Lc0, Vc0 = {"TD3": (0.8, 1.8), "MRVA": (0.76, 1.7), "TD2": (0.66, 1.45), "MRVB": (0.66, 1.45),
                "TD1": (0.6, 1.3)}[fmt]
    wrap = sum(F.extra_height(k, v, Vc0, (fx1 - fx0) / len(row) - 2.2) for row in rows for k, v, _ in row)
    per_row = (bottom - top - wrap) / len(rows)
    k = min(1.0, per_row / F.height(Lc0, Vc0))
    Lc, Vc = max(0.5, Lc0 * k), max(1.0, Vc0 * k)
    spare = max(0.0, per_row - F.height(Lc, Vc))
    cells, _ = draw_rows(F, rows, fx0, fx1, top, F.height(Lc, Vc) + min(Vc * 0.8, spare), Lc, Vc)
    bk = None
    if fmt == "TD1":  # the back: issue date, place of birth, authority, personal number
        bk = layout10._canvas(g, w_mm, h_mm, dpi, r, colors, mrz_top)
        Fb = Face(g, bk, L, ink, dark, rule)
        Lb, Vb = 0.58, 1.25
        draw_rows(Fb, side, 4.0, 62.0, 3.0, Fb.height(Lb, Vb) + 0.3, Lb, Vb)
    elif split:  # the issue block under the portrait
        sy = top + 0.5 + ph + 1.2
        per = (bottom - sy) / len(side)
        ks = min(1.0, per / F.height(Lc0, Vc0))
        Ls, Vs = max(0.5, Lc0 * ks), max(1.0, Vc0 * ks)
        cells += draw_rows(F, side, px, px + pw + 1.2, sy, F.height(Ls, Vs), Ls, Vs)[0]
    if cells and L["stamp"]:
        g._stamp(cv, rs, rs.choice(cells), True)
    if L["perforated"]:
        perforate(cv, doc["document_number"], w_mm - 3.0, top + 1.0, mrz_top - 1.5, rs)
    if L["uv_tint"]:
        uv_tint(cv, rs, mrz_top if fmt != "TD1" else h_mm)
        if bk is not None:
            uv_tint(bk, rs, mrz_top)
    return layout7.finish(g, doc, r, rs, cv, bk, x_jit, y_jit, s)


def _quad_of(box):
    return [(box[0], box[1]), (box[2], box[1]), (box[2], box[3]), (box[0], box[3])]


def turn(img, mask, deg):
    """img and its mask turned clockwise by deg about the centre, on a
    transparent canvas just large enough. Returns (RGBA, fwd: a point of
    img to the turned image)."""
    W, H = img.size
    t = math.radians(deg)
    c, s_ = math.cos(t), math.sin(t)

    def rot(p):
        x, y = p[0] - W / 2, p[1] - H / 2
        return x * c - y * s_, x * s_ + y * c

    rc = [rot(p) for p in _quad_of((0, 0, W, H))]
    minx, miny = min(p[0] for p in rc), min(p[1] for p in rc)
    OW, OH = int(math.ceil(max(p[0] for p in rc) - minx)), int(math.ceil(max(p[1] for p in rc) - miny))
    rgba = img.convert("RGB")
    rgba.putalpha(mask)
    data = (c, s_, minx * c + miny * s_ + W / 2, -s_, c, -minx * s_ + miny * c + H / 2)
    out = rgba.transform((OW, OH), Image.AFFINE, data, resample=Image.BILINEAR, fillcolor=(255, 255, 255, 0))

    def fwd(p):
        q = rot(p)
        return q[0] - minx, q[1] - miny

    return out, fwd


def booklet(g, sheet, mask, dpi, rs, L):
    """The open passport: the upper page (remarks, a page number, an entry
    stamp now and then) above the data page, inside the cover. Returns
    (rgb, mask, (x, y) of the data page in it)."""
    s = dpi / 25.4
    W, H = sheet.size
    m = int(round(2.0 * s))
    obj = Image.new("RGB", (W + 2 * m, 2 * H + 2 * m), rs.choice([(96, 26, 34), (24, 40, 88), (20, 64, 52)]))
    omask = Image.new("L", obj.size, 0)
    ImageDraw.Draw(omask).rounded_rectangle([0, 0, obj.size[0] - 1, obj.size[1] - 1], radius=int(3 * s), fill=255)
    colors = g.palette(rs)
    up = g.Canvas(W / s, H / s, dpi, g.guilloche(W, H, dpi, rs, colors, H + 1))
    grey = (105, 105, 115)
    lang = L["caption_lang"]
    text(g, up, W / s / 2, 10, "%s / REMARKS" % CAPTIONS[lang]["remarks"], 1.7, grey, SCRIPT_FONT[lang][0],
         TYPEFACES["noto_serif"][0], anchor="ms")
    text(g, up, W / s - 6, H / s - 4, str(rs.randint(2, 5)), 1.4, grey, TYPEFACES["noto_serif"][0],
         TYPEFACES["noto_serif"][0], anchor="rs")
    for _ in range(rs.randint(0, 2)):
        g._stamp(up, rs, (rs.uniform(8, W / s - 40), rs.uniform(15, H / s - 30), 25, 18), True)
    obj.paste(up.im, (m, m))
    obj.paste(sheet, (m, m + H), mask)
    ImageDraw.Draw(obj).line([(m, m + H), (m + W, m + H)], fill=(120, 115, 110), width=max(1, int(s * 0.3)))
    return obj, omask, (m, m + H)


def other_item(g, doc, dpi, rs, L):
    """A second card of the same holder, no MRZ: a driving licence (EU-style
    numbered fields) or a bank card (the number masked but its last four
    digits). Returns (rgb, mask)."""
    s = dpi / 25.4
    w_mm, h_mm = 85.6, 53.98
    W, H = int(round(w_mm * s)), int(round(h_mm * s))
    mask = Image.new("L", (W, H), 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, W - 1, H - 1], radius=int(3.18 * s), fill=255)
    reg, bold = TYPEFACES["noto_sans"]
    name = "%s %s" % (doc["given_names"].upper(), doc["surname"].upper())
    if L["other_item"] == "bank_card":
        base = np.array(rs.choice([(20, 40, 90), (30, 30, 34), (110, 20, 40), (16, 80, 70)]), np.float32)
        yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
        a = base * (0.8 + 0.4 * (xx / W)[..., None]) + (yy / H)[..., None] * 12
        cv = g.Canvas(w_mm, h_mm, dpi, Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB"))
        cv.d.rounded_rectangle([cv.px(8), cv.px(18), cv.px(19), cv.px(26.5)], radius=cv.px(1.2), fill=(212, 180, 100),
                               outline=(150, 120, 60))
        white = (235, 235, 240)
        text(g, cv, 8, 36, "**** **** **** %04d" % rs.randint(0, 9999), 2.6, white, MONO, MONO)
        text(g, cv, 8, 42, "VALID THRU %02d/%02d" % (rs.randint(1, 12), rs.randint(27, 32)), 1.3, white, MONO, MONO)
        text(g, cv, 8, 48.5, name, 1.9, white, MONO, MONO, max_w=60)
        text(g, cv, w_mm - 6, 8, rs.choice(["BANK", "CREDIT UNION", "SAVINGS BANK"]), 2.2, white, bold, bold,
             anchor="rs")
        return cv.im, mask
    colors = g.palette(rs)
    cv = g.Canvas(w_mm, h_mm, dpi, g.guilloche(W, H, dpi, rs, colors, H + 1))
    dark = tuple(max(0, v - 130) for v in colors[1])
    text(g, cv, 30, 6.5, "DRIVING LICENCE", 2.2, dark, bold, bold)
    text(g, cv, 30, 10.5, g.country(doc["nationality"])[0], 1.1, dark, reg, reg, max_w=52)
    g.portrait(cv, 4, 8, 22, 28, rs)
    b = doc["birth_date"]
    lines = ["1. %s" % doc["surname"].upper(), "2. %s" % doc["given_names"].upper(),
             "3. %02d.%02d.%04d" % (b.day, b.month, b.year),
             "4a. %02d.%02d.%04d   4b. %02d.%02d.%04d" % (rs.randint(1, 28), rs.randint(1, 12), rs.randint(2015, 2024),
                                                        rs.randint(1, 28), rs.randint(1, 12), rs.randint(2030, 2036)),
             "5. %s%06d" % (rs.choice("ABCDEFGHJKLMNPRSTUVWXYZ"), rs.randint(0, 999999)), "9. AM/B"]
    for n, line in enumerate(lines):
        text(g, cv, 30, 16 + n * 5.2, line, 1.6, (20, 20, 28), bold, bold, max_w=52)
    g.signature(cv, 6, 40, 20, 4, rs)
    return cv.im, mask


def a4_pair(g, sheet, mask, box, doc, dpi, rs, L):
    """The whole A4 bed: the document (a passport as the open booklet)
    turned by up to 30 degrees in one part, the other item in the other.
    Returns (frame, full mask, MRZ box) and sets L['_quad'],
    L['_mrz_quad'] (and L['turn_deg'] when it had to be lessened to fit)."""
    s = dpi / 25.4
    if L["booklet"]:
        obj, omask, at = booklet(g, sheet, mask, dpi, rs, L)
    else:
        obj, omask, at = sheet, mask, (0, 0)
    FW, FH = int(round(210 * s)), int(round(297 * s))
    grey = L["_bed_grey"]
    frame = Image.new("RGB", (FW, FH), (grey, grey, min(255, grey + 2)))
    other, other_mask = other_item(g, doc, dpi, rs, L)
    margin = int(6 * s)
    split = int(FH * (0.34 if not L["booklet"] else 0.27))
    main_box = (margin, margin + split, FW - margin, FH - margin)
    other_box = (margin, margin, FW - margin, split)
    if L["other_below"]:  # the other item below, the document above
        main_box = (margin, margin, FW - margin, FH - margin - split)
        other_box = (margin, FH - split, FW - margin, FH - margin)
    deg = L["turn_deg"]
    for _ in range(40):
        turned, fwd = turn(obj, omask, deg)
        if turned.size[0] <= main_box[2] - main_box[0] and turned.size[1] <= main_box[3] - main_box[1]:
            break
        deg *= 0.85
    L["turn_deg"] = round(deg, 2)
    ox = main_box[0] + rs.randint(0, max(0, main_box[2] - main_box[0] - turned.size[0]))
    oy = main_box[1] + rs.randint(0, max(0, main_box[3] - main_box[1] - turned.size[1]))
    odeg = rs.uniform(-20, 20)
    for _ in range(40):
        o_turned, _f = turn(other, other_mask, odeg)
        if o_turned.size[0] <= other_box[2] - other_box[0] and o_turned.size[1] <= other_box[3] - other_box[1]:
            break
        odeg *= 0.8
    qx = other_box[0] + rs.randint(0, max(0, other_box[2] - other_box[0] - o_turned.size[0]))
    qy = other_box[1] + rs.randint(0, max(0, other_box[3] - other_box[1] - o_turned.size[1]))
    for im, (x, y) in ((o_turned, (qx, qy)), (turned, (ox, oy))):
        alpha = im.getchannel("A")
        shadow = alpha.filter(ImageFilter.GaussianBlur(max(1.0, s * 0.4))).point(lambda v: v * 2 // 5)
        frame.paste((max(0, grey - 70),) * 3, (x + int(s * 0.3), y + int(s * 0.4)), shadow)
        frame.paste(im.convert("RGB"), (x, y), alpha)
    W, H = sheet.size
    L["_quad"] = [(ox + p[0], oy + p[1]) for p in (fwd((at[0] + x, at[1] + y)) for x, y in _quad_of((0, 0, W, H)))]
    L["_mrz_quad"] = [(ox + p[0], oy + p[1]) for p in (fwd((at[0] + x, at[1] + y)) for x, y in _quad_of(box))]
    return frame, Image.new("L", frame.size, 255), _box_of(L["_mrz_quad"])


def _box_of(q):
    return [int(math.floor(min(p[0] for p in q))), int(math.floor(min(p[1] for p in q))),
            int(math.ceil(max(p[0] for p in q))), int(math.ceil(max(p[1] for p in q)))]


def fax(g, sheet, mask, box, doc, dpi, rs, L):
    """A received fax: the document on an A4 page (turned a little), the
    sender's header line, levels pushed so the pale print drops out,
    dithered to black and white; in standard mode every other line
    doubled; a few specks. Returns (page, full mask, MRZ box) and sets
    L['_quad'] and L['_mrz_quad']."""
    s = dpi / 25.4
    FW, FH = int(round(210 * s)), int(round(297 * s))
    page = Image.new("RGB", (FW, FH), (255, 255, 255))
    turned, fwd = turn(sheet, mask, L["turn_deg"])
    ox = int(rs.uniform(0.08, 0.9) * max(1, FW - turned.size[0]))
    oy = int(rs.uniform(18 * s, max(18 * s + 1, FH * 0.5 - turned.size[1] * 0.3)))
    oy = min(oy, FH - turned.size[1] - int(10 * s))
    page.paste(turned.convert("RGB"), (ox, oy), turned.getchannel("A"))
    cv = g.Canvas(210, 297, dpi, page)
    when = datetime.datetime(2026, rs.randint(1, 11), rs.randint(1, 28), rs.randint(7, 18), rs.randint(0, 59))
    head = "%s  FROM: +%d %d %07d   %s   P.%03d/%03d" % (
        when.strftime("%d/%m/%Y %H:%M"), rs.randint(30, 99), rs.randint(10, 99), rs.randint(0, 9999999),
        rs.choice(["VISA SECTION", "TRAVEL DESK", "RECEPTION", "HR DEPT"]), 1, rs.randint(1, 4))
    text(g, cv, 6, 6, head, 1.5, (0, 0, 0), MONO, MONO, max_w=198)
    cv.d.rectangle([cv.px(5), cv.px(9), cv.px(205), cv.px(9.2)], fill=(0, 0, 0))
    grey = page.convert("L")
    lo, hi = rs.randint(40, 70), rs.randint(190, 215)
    grey = grey.point(lambda v: 0 if v <= lo else 255 if v >= hi else int((v - lo) * 255 / (hi - lo)))
    if L["fax_mode"] == "standard":
        grey = grey.resize((FW, FH // 2), Image.BOX)
    bw = grey.convert("1")  # Floyd-Steinberg dithering
    if L["fax_mode"] == "standard":
        bw = bw.resize((FW, FH), Image.NEAREST)
    a = np.array(bw.convert("L"), np.uint8)
    nrng = np.random.default_rng(rs.randint(0, 2 ** 31))
    n = int(FW * FH * 0.00015)
    ys, xs = nrng.integers(0, FH, n), nrng.integers(0, FW, n)
    a[ys, xs] = 0
    W, H = sheet.size
    L["_quad"] = [(ox + p[0], oy + p[1]) for p in (fwd(q) for q in _quad_of((0, 0, W, H)))]
    L["_mrz_quad"] = [(ox + p[0], oy + p[1]) for p in (fwd(q) for q in _quad_of(box))]
    mb = _box_of(L["_mrz_quad"])
    for _ in range(rs.randint(0, 2)):  # a white dropout line, off the MRZ
        y = rs.randint(int(12 * s), FH - 1)
        if not mb[1] - 3 <= y <= mb[3] + 3:
            a[y, :] = 255
    out = Image.fromarray(a, "L").convert("RGB")
    return out, Image.new("L", out.size, 255), mb


def sleeve(sheet, mask, box, dpi, rs, L):
    """The document in a plastic sleeve on the flatbed: the sleeve a few mm
    larger (its welded edge a pale line), a haze over everything, a
    glossy band of reflection across the upper part. Returns (sheet, mask,
    MRZ box) and sets L['_quad'] and L['_mrz_quad']."""
    s = dpi / 25.4
    W, H = sheet.size
    m = int(rs.uniform(3, 6) * s)
    grey = L["_bed_grey"]
    big = Image.new("RGB", (W + 2 * m, H + 2 * m), (grey, grey, min(255, grey + 2)))
    big.paste(sheet, (m, m), mask)
    a = np.asarray(big, np.float32)
    haze = rs.uniform(0.06, 0.12)
    a = a * (1 - haze) + 245 * haze
    BH, BW = a.shape[:2]
    yy, xx = np.mgrid[0:BH, 0:BW].astype(np.float32)
    ang = rs.uniform(-0.6, 0.6)
    c0 = rs.uniform(0.1, 0.45) * BH
    dist = (yy - c0) * math.cos(ang) - (xx - BW / 2) * math.sin(ang)
    width = rs.uniform(0.04, 0.09) * BH
    band = np.exp(-(dist / width) ** 2) * rs.uniform(0.25, 0.45)
    band[int(box[1] + m - width):] *= 0.0  # never over the MRZ
    a = a * (1 - band[..., None]) + 252 * band[..., None]
    out = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB")
    d = ImageDraw.Draw(out)
    d.rectangle([1, 1, BW - 2, BH - 2], outline=(min(255, grey + 4),) * 3, width=max(1, int(s * 0.5)))
    d.rectangle([0, 0, BW - 1, BH - 1], outline=(max(0, grey - 35),) * 3, width=1)
    L["_quad"] = [(m + x, m + y) for x, y in _quad_of((0, 0, W, H))]
    L["_mrz_quad"] = [(m + x, m + y) for x, y in _quad_of(box)]
    return out, Image.new("L", out.size, 255), [box[0] + m, box[1] + m, box[2] + m, box[3] + m]


def render(g, doc, dpi, r, L):
    """generate.render_layout for this family: the face(s), then the
    sleeve, the A4 bed or the fax when drawn."""
    rs = random.Random(L["draw_seed"])
    sheet, mask, box, pitch, cap = _face(g, doc, dpi, r, L, rs)
    if L["capture"] == "a4_pair":
        return a4_pair(g, sheet, mask, box, doc, dpi, rs, L) + (pitch, cap)
    if L["capture"] == "fax":
        return fax(g, sheet, mask, box, doc, dpi, rs, L) + (pitch, cap)
    if L["sleeve"]:
        return sleeve(sheet, mask, box, dpi, rs, L) + (pitch, cap)
    return sheet, mask, box, pitch, cap
