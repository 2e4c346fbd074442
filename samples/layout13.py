"""The heldout13 layout family of samples/generate.py (--layouts heldout13).

Written blind on 2026-12-07 by a session that tunes no rule and never
screened any of its pages, so that the rules of that day can be judged on
pages nobody looked at. Do not inspect its pages to fix a rule
(samples/README.md, "Layouts").

What it draws, unlike every earlier family:
- captions in scripts no family drew before, each with English, whatever
  the issuing state: Telugu, Kannada, Malayalam, Odia, Mongolian Cyrillic,
  Tifinagh (Standard Moroccan Amazigh, with Arabic beside it) or
  Inuktitut in Canadian syllabics (with French beside it);
- three caption styles: the English caption in letter-spaced capitals
  (`S U R N A M E`) then a bar and the national caption, over the value;
  the national caption in white inside a coloured rounded pill, the
  English one in small grey italics after it; or a small pictogram (a
  person, a calendar, a globe, a pin, a hash, a ruler, an eye, a building)
  with a tiny English word and the national caption beside it;
- two arrangements: a two-column data page (the left column the names,
  nationality and place of birth, the right column the dates and the sex)
  or rows in an order no family used (the birth date, sex and nationality
  on one row, issue and expiry on another);
- fields no family printed: the height (`172 cm` or `1.72 m`), the colour
  of the eyes, a previous passport number (a number of the same shape as
  the document number, not the document's); the place of birth with a
  country code in brackets (`LYON (FRA)`);
- on six passports in ten the document number printed twice: laser
  perforated across the top margin (holes in a dot matrix) and printed in
  its field;
- values in a condensed or an italic face: Roboto Condensed (upright or
  italic; fonts-roboto-unhinted), Open Sans Condensed or Open Sans Italic
  (fonts-open-sans); a long surname or given names wrapped onto two lines;
- dates `14 jul. 1985` (Spanish or Portuguese month abbreviations in lower
  case with a dot), `Jul 14, 1985` (US long form, the caption saying
  `(MMM DD, YYYY)`), or split over two lines (`14 JUL` over `1985`);
- a laminate over the portrait with a rainbow moire, and on passports and
  visas now and then the facing page's print showing through the paper
  (mirrored, faint);
- three captures, drawn from a stream of their own before the label: a
  flatbed scan as in every family (40 %); an **old scanner** (35 %): a
  strong colour cast (a yellowed, magenta or green-cyan lamp), the blacks
  lifted, the light falling off across the carriage, a dust streak along
  the scan direction, the document turned up to 2 degrees on the glass
  under a lid; or a **150 dpi greyscale TIFF** (25 %), lossless.

A cancelled passport (a clipped corner, VOID perforated) is not drawn:
it is no longer a valid travel document, so a screen ought to say so, and
the shared labels have no code for it (samples/README.md).

Genuine pages are genuine: each value printed is what the MRZ holds (the
identities are the seed's, as in every family). `g` is generate.py's own
module.
"""
import math
import os
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

import layout7  # geometry(), finish()
import layout10  # covers(), _canvas()
import layout11  # text()
import layout12  # _quad_of()

FAMILY = "heldout13"
_N = "/usr/share/fonts/truetype/noto/"
_R = "/usr/share/fonts/truetype/roboto/unhinted/"
_O = "/usr/share/fonts/truetype/open-sans/"
_D = "/usr/share/fonts/truetype/dejavu/"
FALLBACK = (_D + "DejaVuSans.ttf", _D + "DejaVuSans-Bold.ttf")
TYPEFACES = {  # captions, values: Latin faces no other family uses
    "roboto_cond": (_R + "RobotoCondensed-Regular.ttf", _R + "RobotoCondensed-Bold.ttf"),
    "roboto_cond_italic": (_R + "RobotoCondensed-Italic.ttf", _R + "RobotoCondensed-BoldItalic.ttf"),
    "open_sans_cond": (_O + "OpenSans-CondLight.ttf", _O + "OpenSans-CondBold.ttf"),
    "open_sans_italic": (_O + "OpenSans-Italic.ttf", _O + "OpenSans-SemiboldItalic.ttf"),
}
ITALIC = ("roboto_cond_italic", "open_sans_italic")
SCRIPT_FONT = {
    "te": (_N + "NotoSansTelugu-Regular.ttf", _N + "NotoSansTelugu-Bold.ttf"),
    "kn": (_N + "NotoSansKannada-Regular.ttf", _N + "NotoSansKannada-Bold.ttf"),
    "ml": (_N + "NotoSansMalayalam-Regular.ttf", _N + "NotoSansMalayalam-Bold.ttf"),
    "or": (_N + "NotoSansOriya-Regular.ttf", _N + "NotoSansOriya-Bold.ttf"),
    "mn": (_N + "NotoSans-Regular.ttf", _N + "NotoSans-Bold.ttf"),
    "zgh": (_N + "NotoSansTifinagh-Regular.ttf", _N + "NotoSansTifinagh-Regular.ttf"),
    "iu": (_N + "NotoSansCanadianAboriginal-Regular.ttf", _N + "NotoSansCanadianAboriginal-Bold.ttf"),
}
ARABIC = (_N + "NotoNaskhArabic-Regular.ttf", _N + "NotoNaskhArabic-Bold.ttf")
LANGS = ["te", "kn", "ml", "or", "mn", "zgh", "iu"]
_KEYS = ("surname given nat dob sex pob doi doe auth passno docno type code pers valid_from until entries "
         "duration height eyes prev passport idcard resid visa").split()
_W = {
    "te": ["ఇంటి పేరు", "పేరు", "జాతీయత", "పుట్టిన తేదీ", "లింగం", "పుట్టిన స్థలం", "జారీ తేదీ", "గడువు తేదీ",
           "జారీ చేసిన అధికారి", "పాస్‌పోర్ట్ సంఖ్య", "పత్రం సంఖ్య", "రకం", "దేశ కోడ్", "వ్యక్తిగత సంఖ్య",
           "నుండి చెల్లుతుంది", "వరకు", "ప్రవేశాల సంఖ్య", "బస వ్యవధి", "ఎత్తు", "కళ్ళ రంగు",
           "పాత పాస్‌పోర్ట్ సంఖ్య", "పాస్‌పోర్ట్", "గుర్తింపు కార్డు", "నివాస అనుమతి", "వీసా"],
    "kn": ["ಉಪನಾಮ", "ಹೆಸರು", "ರಾಷ್ಟ್ರೀಯತೆ", "ಜನ್ಮ ದಿನಾಂಕ", "ಲಿಂಗ", "ಜನ್ಮ ಸ್ಥಳ", "ನೀಡಿದ ದಿನಾಂಕ", "ಮುಕ್ತಾಯ ದಿನಾಂಕ",
           "ನೀಡಿದ ಅಧಿಕಾರಿ", "ಪಾಸ್‌ಪೋರ್ಟ್ ಸಂಖ್ಯೆ", "ದಾಖಲೆ ಸಂಖ್ಯೆ", "ವಿಧ", "ದೇಶದ ಸಂಕೇತ", "ವೈಯಕ್ತಿಕ ಸಂಖ್ಯೆ",
           "ಇಂದ ಮಾನ್ಯ", "ವರೆಗೆ", "ಪ್ರವೇಶಗಳ ಸಂಖ್ಯೆ", "ವಾಸದ ಅವಧಿ", "ಎತ್ತರ", "ಕಣ್ಣಿನ ಬಣ್ಣ",
           "ಹಿಂದಿನ ಪಾಸ್‌ಪೋರ್ಟ್ ಸಂಖ್ಯೆ", "ಪಾಸ್‌ಪೋರ್ಟ್", "ಗುರುತಿನ ಚೀಟಿ", "ವಾಸ ಪರವಾನಗಿ", "ವೀಸಾ"],
    "ml": ["കുടുംബപ്പേര്", "പേര്", "ദേശീയത", "ജനന തീയതി", "ലിംഗം", "ജനന സ്ഥലം", "നൽകിയ തീയതി",
           "കാലാവധി തീയതി", "നൽകിയ അധികാരി", "പാസ്പോർട്ട് നമ്പർ", "രേഖ നമ്പർ", "തരം", "രാജ്യ കോഡ്",
           "വ്യക്തിഗത നമ്പർ", "മുതൽ സാധു", "വരെ", "പ്രവേശനങ്ങൾ", "താമസ കാലാവധി", "ഉയരം", "കണ്ണിന്റെ നിറം",
           "മുൻ പാസ്പോർട്ട് നമ്പർ", "പാസ്പോർട്ട്", "തിരിച്ചറിയൽ കാർഡ്", "താമസ അനുമതി", "വിസ"],
    "or": ["ଉପନାମ", "ନାମ", "ଜାତୀୟତା", "ଜନ୍ମ ତାରିଖ", "ଲିଙ୍ଗ", "ଜନ୍ମ ସ୍ଥାନ", "ଜାରି ତାରିଖ", "ମିଆଦ ସମାପ୍ତି ତାରିଖ",
           "ଜାରିକାରୀ ଅଧିକାରୀ", "ପାସପୋର୍ଟ ନମ୍ବର", "ଦଲିଲ ନମ୍ବର", "ପ୍ରକାର", "ଦେଶ କୋଡ୍", "ବ୍ୟକ୍ତିଗତ ନମ୍ବର",
           "ଠାରୁ ବୈଧ", "ପର୍ଯ୍ୟନ୍ତ", "ପ୍ରବେଶ ସଂଖ୍ୟା", "ରହିବା ଅବଧି", "ଉଚ୍ଚତା", "ଆଖି ରଙ୍ଗ", "ପୂର୍ବ ପାସପୋର୍ଟ ନମ୍ବର",
           "ପାସପୋର୍ଟ", "ପରିଚୟ ପତ୍ର", "ବାସ ଅନୁମତି", "ଭିସା"],
    "mn": ["Овог", "Нэр", "Иргэншил", "Төрсөн огноо", "Хүйс", "Төрсөн газар", "Олгосон огноо", "Дуусах хугацаа",
           "Олгосон байгууллага", "Гадаад паспортын дугаар", "Баримт бичгийн дугаар", "Төрөл", "Улсын код",
           "Регистрийн дугаар", "Хүчинтэй эхлэх", "хүртэл", "Орох тоо", "Оршин суух хугацаа", "Өндөр",
           "Нүдний өнгө", "Өмнөх паспортын дугаар", "ГАДААД ПАСПОРТ", "ИРГЭНИЙ ҮНЭМЛЭХ", "ОРШИН СУУХ ЗӨВШӨӨРӨЛ",
           "ВИЗ"],
    "zgh": ["ⵉⵙⵎ ⵏ ⵜⵡⵊⵊⴰ", "ⵉⵙⵎ", "ⵜⴰⵖⵍⴰⵏⵜ", "ⴰⵣⵎⵣ ⵏ ⵜⵍⴰⵍⵉⵜ", "ⴰⵏⴰⵡ", "ⴰⴷⵖⴰⵔ ⵏ ⵜⵍⴰⵍⵉⵜ", "ⴰⵣⵎⵣ ⵏ ⵓⵙⵙⵓⴼⵖ",
            "ⴰⵣⵎⵣ ⵏ ⵜⵉⵔⵎⵉ", "ⵜⴰⵏⴱⴰⴹⵜ", "ⵓⵟⵟⵓⵏ ⵏ ⵓⵣⵔⴰⵢ", "ⵓⵟⵟⵓⵏ ⵏ ⵜⵙⵏⴷⵉⵜ", "ⴰⵏⴰⵡ", "ⵜⴰⵏⴳⴰⵍⵜ", "ⵓⵟⵟⵓⵏ ⴰⵏⵎⴰⵍ",
            "ⵉⵙⵎⵔⵙ ⵙⴳ", "ⴰⵔ", "ⵉⴽⵛⵛⵓⵎⵏ", "ⵜⴰⵣⵎⵣⵜ", "ⵜⴰⵖⵣⵉ", "ⵉⵏⵢⵏ", "ⴰⵣⵔⴰⵢ ⴰⵎⵣⵡⴰⵔⵓ", "ⴰⵣⵔⴰⵢ",
            "ⵜⴰⴽⴰⵔⴹⴰ ⵏ ⵜⵎⴰⴳⵉⵜ", "ⵜⴰⴽⴰⵔⴹⴰ ⵏ ⵜⵣⴷⵉⵖⵜ", "ⵜⵉⵣⵉⵔⴰ"],
    "iu": ["ᐊᑎᖅ ᑭᖑᓪᓕᖅ", "ᐊᑎᖅ", "ᓄᓇᖃᖅᑎᐅᓂᖅ", "ᐃᓅᓪᓗᓂ ᐅᓪᓗᖓ", "ᐊᖑᑦ/ᐊᕐᓇᖅ", "ᐃᓅᕝᕕᖓ", "ᑐᓂᔭᐅᓂᖓ", "ᐱᔭᕇᕐᕕᖓ",
           "ᑐᓂᔨ", "ᐊᖏᕐᓂᖅ ᓈᓴᐅᑎ", "ᑎᑎᖅᑲᖅ ᓈᓴᐅᑎ", "ᖃᓄᐃᑦᑐᐊᕐᓂᖓ", "ᓄᓇ ᓈᓴᐅᑎ", "ᐃᒻᒥᓂᑦ ᓈᓴᐅᑎ", "ᐊᑐᖅᑕᐅᔪᖅ ᐅᕙᙵᑦ",
           "ᑎᑭᓪᓗᒍ", "ᐃᑦᑕᕐᓂᖅ", "ᓇᑭᖃᕐᓂᖅ", "ᖁᑭᓯᒋᔭᖓ", "ᐃᔨᒃ", "ᓯᕗᓪᓕᖅ ᐊᖏᕐᓂᖅ", "ᐊᖏᕐᓂᖅ ᑎᑎᖅᑲᖅ", "ᐃᓕᓴᕆᔾᔪᑎ",
           "ᓄᓇᖃᕐᓂᕐᒧᑦ ᐊᖏᕐᓂᖅ", "ᕕᓴ"],
}
CAPTIONS = {lang: dict(zip(_KEYS, words)) for lang, words in _W.items()}
_AR = ["النسب", "الاسم", "الجنسية", "تاريخ الازدياد", "الجنس", "مكان الازدياد", "تاريخ الإصدار", "تاريخ الانتهاء",
       "السلطة", "رقم الجواز", "رقم الوثيقة", "النوع", "رمز البلد", "الرقم الشخصي", "صالح من", "إلى", "عدد الدخول",
       "مدة الإقامة", "الطول", "لون العينين", "رقم الجواز السابق", "جواز سفر", "بطاقة التعريف", "بطاقة الإقامة",
       "تأشيرة"]
ARABIC_CAPTIONS = dict(zip(_KEYS, _AR))
SEX = {"te": ("పురుషుడు", "స్త్రీ"), "kn": ("ಪುರುಷ", "ಮಹಿಳೆ"), "ml": ("പുരുഷൻ", "സ്ത്രീ"), "or": ("ପୁରୁଷ", "ମହିଳା"),
       "mn": ("Эр", "Эм"), "zgh": ("ⴰⵔⴳⴰⵣ", "ⵜⴰⵎⵟⵟⵓⵜ"), "iu": ("ᐊᖑᑦ", "ᐊᕐᓇᖅ")}
AUTHORITY = {"te": "ప్రాంతీయ పాస్‌పోర్ట్ కార్యాలయం", "kn": "ಪ್ರಾದೇಶಿಕ ಪಾಸ್‌ಪೋರ್ಟ್ ಕಚೇರಿ",
             "ml": "റീജിയണൽ പാസ്പോർട്ട് ഓഫീസ്", "or": "ଆଞ୍ଚଳିକ ପାସପୋର୍ଟ କାର୍ଯ୍ୟାଳୟ",
             "mn": "Улсын бүртгэлийн ерөнхий газар", "zgh": "ⵜⴰⵏⴱⴰⴹⵜ ⵏ ⵜⵎⵏⴰⴹⵜ", "iu": "ᑲᓇᑕ ᐊᖏᕐᓂᖅ"}
MONTHS_EN = "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split()
MONTHS_LOWER = {"es": "ene. feb. mar. abr. may. jun. jul. ago. sept. oct. nov. dic.".split(),
                "pt": "jan. fev. mar. abr. mai. jun. jul. ago. set. out. nov. dez.".split()}
DATE_KEYS = ("dob", "doi", "doe", "valid_from", "until")
EYES = ["BROWN", "BLUE", "GREEN", "GREY", "HAZEL", "BLACK"]
VISAS = ("MRVA", "MRVB")
TITLE = {"TD3": "passport", "MRVA": "visa", "MRVB": "visa", "TD2": "idcard", "TD1": "idcard"}
PORTRAIT_W = {"TD3": 28, "MRVA": 23, "TD2": 21, "MRVB": 20, "TD1": 20}
ICON = {"surname": "person", "given": "person", "nat": "globe", "code": "globe", "dob": "calendar",
        "doi": "calendar", "doe": "calendar", "valid_from": "calendar", "until": "calendar", "sex": "sex",
        "pob": "pin", "auth": "building", "passno": "hash", "docno": "hash", "prev": "hash", "pers": "hash",
        "type": "hash", "height": "ruler", "eyes": "eye", "entries": "hash", "duration": "calendar"}
CASTS = {"yellow": (1.0, 0.95, 0.74), "magenta": (1.0, 0.83, 0.95), "cyan": (0.84, 0.97, 0.94)}


def scan(rq, sc):
    """This family's capture, drawn from a stream of its own before the
    label: a flatbed scan (40 %), an old scanner (35 %: the seed's dpi and
    JPEG, the document turned on the glass by render(), so no skew of the
    frame) or a 150 dpi greyscale TIFF (25 %, lossless). Drawn before the
    label, so IMAGE_QUALITY_LOW and IMAGE_EDITED still change what they
    change."""
    x = rq.random()
    capture = "flatbed" if x < 0.40 else "old_scanner" if x < 0.75 else "grey_tiff"
    sc["_capture13"] = capture  # read by pick(); not written to the truth
    if capture == "old_scanner":
        sc.update(skew_deg=0.0, bed="sheet")
    elif capture == "grey_tiff":
        sc.update(blur=round(sc["blur"] * 150 / sc["dpi"], 2), dpi=150, out="tif", jpeg_quality=None, gray=True)
    return sc


def fonts_here():
    paths = [p for pair in list(SCRIPT_FONT.values()) + list(TYPEFACES.values()) + [FALLBACK, ARABIC]
             for p in pair]
    return [p for p in paths if not os.path.exists(p)]


def _other_number(rl, number):
    """A previous passport's number: the same shape as number (letters
    where it has letters, digits where it has digits), never equal."""
    while True:
        out = "".join(rl.choice("ABCDEFGHJKLMNPRSTUVWXYZ") if c.isalpha() else str(rl.randint(0, 9))
                      if c.isdigit() else c for c in number)
        if out != number:
            return out


def pick(g, rl, doc, sc):
    """This document's layout (recorded in the truth JSON as `layout`)."""
    missing = fonts_here()
    if missing:
        raise SystemExit("--layouts heldout13 needs fonts-noto-core, fonts-roboto-unhinted, fonts-open-sans and "
                         "fonts-dejavu-core (scripts/install-deps.sh): missing %s" % missing)
    fmt = doc["format"]
    L = {"family": FAMILY}
    L["caption_lang"] = rl.choice(LANGS)
    L["captions"] = rl.choice(["spaced", "pill", "icon"])
    L["arrangement"] = rl.choice(["two_col", "rows"])
    L["dates"] = rl.choice(["lower_abbr", "us_long", "split"])
    L["month_lang"] = rl.choice(["es", "pt"])
    L["font"] = rl.choice(sorted(TYPEFACES))
    L["portrait"] = rl.choice(["left", "left", "right"])
    L["pob_code"] = rl.random() < 0.5
    L["height"] = fmt not in VISAS and rl.random() < 0.5
    L["height_cm"] = rl.randint(152, 196)
    L["height_unit"] = rl.choice(["cm", "m"])
    L["eyes"] = rl.choice(EYES) if fmt not in VISAS and rl.random() < 0.45 else None
    L["prev_no"] = _other_number(rl, doc["document_number"]) if fmt == "TD3" and rl.random() < 0.45 else None
    L["perforated"] = fmt == "TD3" and rl.random() < 0.6
    L["laminate"] = fmt not in VISAS and rl.random() < 0.5
    L["show_through"] = fmt in ("TD3",) + VISAS and rl.random() < 0.4
    L["accent"] = rl.choice(["teal", "maroon", "olive", "slate"])
    L["capture"] = sc.get("_capture13", "flatbed")
    if L["capture"] == "old_scanner":
        L["cast"] = rl.choice(sorted(CASTS))
        L["tilt_deg"] = round(rl.uniform(-2.0, 2.0), 2)
    L["stamp"] = rl.random() < 0.2
    L["draw_seed"] = rl.randint(0, 10 ** 6)
    return L


def date13(d, style, month_lang):
    """A date as the page prints it (split: the two lines joined by a
    space; the drawing breaks it before the year)."""
    if style == "lower_abbr":
        return "%d %s %04d" % (d.day, MONTHS_LOWER[month_lang][d.month - 1], d.year)
    if style == "us_long":
        return "%s %02d, %04d" % (MONTHS_EN[d.month - 1].capitalize(), d.day, d.year)
    return "%02d %s %04d" % (d.day, MONTHS_EN[d.month - 1], d.year)


def height_text(L):
    cm = L["height_cm"]
    return "%d cm" % cm if L["height_unit"] == "cm" else "%d.%02d m" % (cm // 100, cm % 100)


def rows_of(g, doc, L):
    """The fields as (front rows, back rows) of (key, value, extra)
    triples. In the two-column arrangement each of the first rows holds a
    left field (names, nationality, place of birth) and a right field
    (dates, sex). A TD1's back holds the issue date, the place of birth,
    the authority, the personal number and the extras. Every value is what
    the MRZ holds; extra is the sex in the caption language."""
    lang = L["caption_lang"]
    fmt = doc["format"]
    fd = lambda key, d: (key, date13(d, L["dates"], L["month_lang"]), None)
    sur, gv = ("surname", doc["surname"].upper(), None), ("given", doc["given_names"].upper() or "-", None)
    m, f = SEX[lang]
    sex = ("sex", {"M": "M", "F": "F"}.get(doc["sex"], "X"), {"M": m, "F": f}.get(doc["sex"]))
    nat = ("nat", doc["nationality"].replace("<", ""), None)
    pob_v = doc["place_of_birth"]
    if L["pob_code"]:
        pob_v = "%s (%s)" % (pob_v, doc["nationality"].replace("<", ""))
    pob = ("pob", pob_v, None)
    dob, doi, doe = fd("dob", doc["birth_date"]), fd("doi", doc["issue_date"]), fd("doe", doc["expiry_date"])
    auth = ("auth", AUTHORITY[lang], None)
    extras = []
    if L["height"]:
        extras.append(("height", height_text(L), None))
    if L["eyes"]:
        extras.append(("eyes", L["eyes"], None))
    if L["prev_no"]:
        extras.append(("prev", L["prev_no"], None))
    pers = [("pers", doc["optional_data"], None)] if doc["optional_data"] and fmt in ("TD3", "TD1") else []
    two = L["arrangement"] == "two_col"

    def pairs(fields):
        return [fields[i:i + 2] for i in range(0, len(fields), 2)]

    if fmt in VISAS:
        head = [[("type", doc["visa_type"], None), ("entries", doc["entries"], None),
                 ("duration", doc["duration"], None)], [("docno", doc["document_number"], None)]]
        vf, un = fd("valid_from", doc["issue_date"]), fd("until", doc["expiry_date"])
        passno = ("passno", doc["visa_passport_number"], None)
        if two:
            return head + [list(p) for p in zip([sur, gv, nat, passno], [vf, un, dob, sex])], []
        return head + [[sur], [gv], [dob, sex, nat], [vf, un], [passno]], []
    number = ("passno" if fmt == "TD3" else "docno", doc["document_number"], None)
    if fmt == "TD1":
        front = [list(p) for p in zip([sur, gv, nat], [dob, sex, doe])] if two else [[sur], [gv], [dob, sex, nat],
                                                                                   [doe]]
        return front + [[number]], [[doi], [pob], [auth]] + [[p] for p in pers] + pairs(extras)
    kind = ("type", doc["document_code"].replace("<", "") or "P", None)
    code = ("code", doc["issuing_state"].replace("<", ""), None)
    rest = pers + ([auth] if fmt == "TD3" else []) + extras
    if two:
        body = [list(p) for p in zip([sur, gv, nat, pob], [dob, sex, doi, doe])]
    else:
        body = [[sur], [gv], [dob, sex, nat], [pob], [doi, doe]]
    return [[kind, code, number]] + body + pairs(rest), []


def _accent(L):
    return {"teal": (18, 110, 112), "maroon": (118, 28, 46), "olive": (96, 100, 30), "slate": (52, 68, 96)}[
        L["accent"]]


def icon(cv, kind, x, y, size, col):
    """A small pictogram in a size mm square at (x, y) (top left)."""
    d, P = cv.d, cv.px
    lw = max(1, int(cv.s * size * 0.09))
    cx, cy, r = x + size / 2, y + size / 2, size / 2
    if kind == "person":
        d.ellipse([P(cx - r * 0.32), P(y + r * 0.1), P(cx + r * 0.32), P(y + r * 0.74)], outline=col, width=lw)
        d.chord([P(cx - r * 0.7), P(y + r * 0.86), P(cx + r * 0.7), P(y + size * 1.3)], 180, 360, outline=col,
                width=lw)
    elif kind == "calendar":
        d.rectangle([P(x + r * 0.15), P(y + r * 0.3), P(x + size - r * 0.15), P(y + size - r * 0.1)], outline=col,
                    width=lw)
        d.rectangle([P(x + r * 0.15), P(y + r * 0.3), P(x + size - r * 0.15), P(y + r * 0.7)], fill=col)
        for k in (0.55, 1.45):
            d.line([(P(x + r * k), P(y + r * 0.05)), (P(x + r * k), P(y + r * 0.45))], fill=col, width=lw)
    elif kind == "globe":
        d.ellipse([P(cx - r * 0.85), P(cy - r * 0.85), P(cx + r * 0.85), P(cy + r * 0.85)], outline=col, width=lw)
        d.ellipse([P(cx - r * 0.4), P(cy - r * 0.85), P(cx + r * 0.4), P(cy + r * 0.85)], outline=col, width=lw)
        d.line([(P(cx - r * 0.85), P(cy)), (P(cx + r * 0.85), P(cy))], fill=col, width=lw)
    elif kind == "pin":
        d.ellipse([P(cx - r * 0.55), P(y + r * 0.1), P(cx + r * 0.55), P(y + r * 1.2)], outline=col, width=lw)
        d.polygon([(P(cx - r * 0.45), P(y + r * 0.95)), (P(cx + r * 0.45), P(y + r * 0.95)),
                   (P(cx), P(y + size - r * 0.05))], fill=col)
    elif kind == "building":
        d.polygon([(P(x + r * 0.1), P(y + r * 0.6)), (P(cx), P(y + r * 0.1)), (P(x + size - r * 0.1),
                                                                               P(y + r * 0.6))], fill=col)
        for k in (0.4, 0.85, 1.3, 1.75 - 0.15):
            d.line([(P(x + r * k), P(y + r * 0.75)), (P(x + r * k), P(y + size - r * 0.3))], fill=col, width=lw)
        d.line([(P(x + r * 0.1), P(y + size - r * 0.15)), (P(x + size - r * 0.1), P(y + size - r * 0.15))],
               fill=col, width=lw)
    elif kind == "ruler":
        d.rectangle([P(cx - r * 0.3), P(y + r * 0.05), P(cx + r * 0.3), P(y + size - r * 0.05)], outline=col,
                    width=lw)
        for k in range(1, 6):
            yy = y + size * k / 6
            d.line([(P(cx - r * 0.3), P(yy)), (P(cx + (0.0 if k % 2 else -0.15) * r), P(yy))], fill=col, width=lw)
    elif kind == "eye":
        d.chord([P(x + r * 0.05), P(cy - r * 0.7), P(x + size - r * 0.05), P(cy + r * 0.9)], 200, 340, outline=col,
                width=lw)
        d.chord([P(x + r * 0.05), P(cy - r * 0.9), P(x + size - r * 0.05), P(cy + r * 0.7)], 20, 160, outline=col,
                width=lw)
        d.ellipse([P(cx - r * 0.25), P(cy - r * 0.25), P(cx + r * 0.25), P(cy + r * 0.25)], fill=col)
    elif kind == "sex":
        d.ellipse([P(x + r * 0.1), P(y + r * 0.5), P(x + r * 0.9), P(y + r * 1.3)], outline=col, width=lw)
        d.line([(P(x + r * 0.5), P(y + r * 1.3)), (P(x + r * 0.5), P(y + size))], fill=col, width=lw)
        d.ellipse([P(x + r * 1.05), P(y + r * 0.5), P(x + r * 1.85), P(y + r * 1.3)], outline=col, width=lw)
        d.line([(P(x + r * 1.75), P(y + r * 0.6)), (P(x + size), P(y + r * 0.1))], fill=col, width=lw)
    else:  # hash
        for k in (0.65, 1.35):
            d.line([(P(x + r * k + r * 0.1), P(y + r * 0.15)), (P(x + r * k - r * 0.1), P(y + size - r * 0.15))],
                   fill=col, width=lw)
            d.line([(P(x + r * 0.2), P(y + r * k)), (P(x + size - r * 0.2), P(y + r * k))], fill=col, width=lw)


class Face:
    """Draws the fields of one face in one caption style."""

    def __init__(self, g, cv, L, colors):
        self.g, self.cv, self.L = g, cv, L
        self.lang = L["caption_lang"]
        self.reg, self.bold = TYPEFACES[L["font"]]
        self.sreg, self.sbold = SCRIPT_FONT[self.lang]
        self.ink = (14, 14, 20)
        self.accent = _accent(L)
        self.cap_ink = tuple(max(0, v - 140) for v in colors[1])
        self.grey = (96, 96, 104)

    def english(self, key):
        return {"prev": "Previous passport No.", "height": "Height", "eyes": "Colour of eyes"}.get(key) or \
            self.g.LABELS["en"].get(key) or key

    def english_for(self, key):
        """The English caption; a date's says how to read it on month-first
        pages."""
        en = self.english(key)
        if key in DATE_KEYS and self.L["dates"] == "us_long":
            en += " (MMM DD, YYYY)"
        return en

    def second(self, key):
        """The third caption language: Arabic on Tifinagh pages, French on
        Inuktitut pages."""
        if self.lang == "zgh":
            return ARABIC_CAPTIONS.get(key)
        if self.lang == "iu":
            return self.g.LABELS["fr"].get(key) or {"prev": "Ancien passeport"}.get(key)
        return None

    def national(self, key):
        s = CAPTIONS[self.lang][key]
        sec = self.second(key)
        return s if sec is None else "%s · %s" % (s, sec)

    def tx(self, x, y, s, cap, fill, script, latin, max_w=None, anchor="ls"):
        """layout11.text with the Arabic face for Arabic letters."""
        if self.lang == "zgh" and any("\u0600" <= c <= "\u06ff" for c in s):
            parts = s.split(" · ")
            if len(parts) == 2:
                w0 = layout11.text(self.g, self.cv, x, y, parts[0] + " · ", cap, fill, script, latin,
                                   max_w=None if max_w is None else max_w * 0.55)
                return w0 + layout11.text(self.g, self.cv, x + w0, y, parts[1], cap, fill, ARABIC[0], latin,
                                          max_w=None if max_w is None else max(1.0, max_w - w0))
        return layout11.text(self.g, self.cv, x, y, s, cap, fill, script, latin, max_w=max_w, anchor=anchor)

    def spaced(self, x, y, s, cap, fill, w):
        """s in letter-spaced capitals from x, squeezed into w mm."""
        s = s.upper()
        track = cap * 0.42
        widths = [self.cv.d.textlength(c, font=self.g.font(self.reg, cap / layout7.em_of(self.reg) * self.cv.s))
                  / self.cv.s for c in s]
        total = sum(widths) + track * (len(s) - 1)
        k = min(1.0, w / total) if total > 0 else 1.0
        xx = x
        for c, cw in zip(s, widths):
            if c != " ":
                layout11.text(self.g, self.cv, xx, y, c, cap * k, fill, self.reg, self.reg)
            xx += (cw + track) * k
        return xx - x

    def caption(self, key, x, y, w, Lc):
        """The captions at the top of a field; returns their height in mm."""
        cv, st = self.cv, self.L["captions"]
        if st == "spaced":
            used = self.spaced(x, y + Lc * 1.2, self.english_for(key), Lc * 0.9, self.cap_ink, w * 0.62)
            bx = x + used + Lc * 0.5
            cv.d.line([(cv.px(bx), cv.px(y + Lc * 0.1)), (cv.px(bx), cv.px(y + Lc * 1.4))], fill=self.accent,
                      width=max(1, int(cv.s * 0.1)))
            if w - used - Lc > 2.0:
                self.tx(bx + Lc * 0.5, y + Lc * 1.2, self.national(key), Lc, self.accent, self.sreg, self.reg,
                        max_w=w - used - Lc)
            return Lc * 1.9
        if st == "pill":
            nat = self.national(key)
            f = self.g.font(self.sbold, Lc / layout7.em_of(self.sbold) * cv.s)
            tw = min(cv.d.textlength(nat, font=f) / cv.s, w * 0.6)
            ph = Lc * 2.0
            cv.d.rounded_rectangle([cv.px(x), cv.px(y), cv.px(x + tw + Lc * 1.6), cv.px(y + ph)],
                                   radius=cv.px(ph / 2), fill=self.accent)
            self.tx(x + Lc * 0.8, y + ph * 0.5 + Lc * 0.5, nat, Lc, (255, 255, 255), self.sbold, self.bold,
                    max_w=tw)
            ex = x + tw + Lc * 2.2
            if w - (ex - x) > 2.0:
                layout11.text(self.g, cv, ex, y + ph * 0.5 + Lc * 0.45, self.english_for(key), Lc * 0.85, self.grey,
                              TYPEFACES["open_sans_italic"][0], TYPEFACES["open_sans_italic"][0],
                              max_w=w - (ex - x))
            return ph + Lc * 0.4
        # icon: a pictogram, a tiny English word and the national caption beside it
        size = Lc * 2.2
        icon(cv, ICON.get(key, "hash"), x, y, size, self.accent)
        word = self.english_for(key).upper()
        layout11.text(self.g, cv, x + size + Lc * 0.5, y + Lc * 0.95, word, Lc * 0.7, self.grey, self.reg, self.reg,
                      max_w=w - size - Lc)
        self.tx(x + size + Lc * 0.5, y + Lc * 2.1, self.national(key), Lc * 0.85, self.cap_ink, self.sreg, self.reg,
                max_w=max(2.0, w - size - Lc))
        return size + Lc * 0.3

    def value(self, key, val, extra, x, y, w, h, Vc):
        """The value from (x, y), the top of its area h mm high: a split
        date on two lines, a long name wrapped, the sex word after it."""
        path = self.bold if layout10.covers(self.bold, val) else FALLBACK[1]
        script = path if layout10.covers(path, val) else self.sbold  # the authority: the caption script
        lines = [val]
        if key in DATE_KEYS and self.L["dates"] == "split":
            lines = val.rsplit(" ", 1)
        elif key in ("surname", "given") and (" " in val or "-" in val):
            f = self.g.font(path, Vc / layout7.em_of(path) * self.cv.s)
            if self.cv.d.textlength(val, font=f) / self.cv.s > w * 1.08:
                cut = [i for i, c in enumerate(val) if c in " -"]
                i = min(cut, key=lambda k: abs(k - len(val) / 2))
                lines = [val[:i + 1].rstrip(), val[i + 1:]] if val[i] == "-" else [val[:i], val[i + 1:]]
        if len(lines) == 2:
            v2 = min(Vc * 0.9, h / 2.6)
            self.tx(x, y + v2 * 1.1, lines[0], v2, self.ink, script, path, max_w=w)
            self.tx(x, y + v2 * 2.5, lines[1], v2, self.ink, script, path, max_w=w)
            return
        base = y + min(h * 0.5 + Vc * 0.5, h - 0.2)
        if extra is None:
            self.tx(x, base, val, Vc, self.ink, script, path, max_w=w)
            return
        w0 = self.tx(x, base, val, Vc, self.ink, script, path, max_w=w * 0.4)
        self.tx(x + w0 + Vc, base, extra, Vc * 0.85, self.ink, self.sbold, path, max_w=max(2.0, w - w0 - Vc))

    def field(self, key, val, extra, x, y, w, h, Lc, Vc):
        ch = self.caption(key, x, y, w, Lc)
        if self.L["captions"] == "icon":
            inset = Lc * 2.7
            self.value(key, val, extra, x + inset, y + ch, w - inset, h - ch, Vc)
        else:
            self.value(key, val, extra, x + 0.2, y + ch, w - 0.2, h - ch, Vc)


def perforate(g, cv, number, x, y, hole, colour):
    """number as laser-perforated holes on a dot matrix from (x, y), each
    hole hole mm wide: the text drawn small, one hole per dark pixel."""
    f = g.font(FALLBACK[1], 9)
    w = int(ImageDraw.Draw(Image.new("L", (1, 1))).textlength(number, font=f)) + 2
    im = Image.new("L", (w, 10), 0)
    ImageDraw.Draw(im).text((1, 8), number, font=f, fill=255, anchor="ls")
    a = np.asarray(im)
    pitch = hole * 1.45
    for j in range(a.shape[0]):
        for i in range(a.shape[1]):
            if a[j, i] > 110:
                cx, cy = cv.px(x + i * pitch), cv.px(y + j * pitch)
                rr = cv.px(hole / 2)
                cv.d.ellipse([cx - rr * 1.25, cy - rr * 1.25, cx + rr * 1.25, cy + rr * 1.25], fill=colour)
                cv.d.ellipse([cx - rr, cy - rr, cx + rr, cy + rr], fill=(250, 248, 240))
    return a.shape[1] * pitch


def header13(g, cv, doc, L, F):
    """A coloured band at the top with the state's English name, the title
    in the caption script (with its second language) and the English title
    in letter-spaced capitals; the perforated number above it when drawn.
    Returns where the fields may start (mm)."""
    fmt = doc["format"]
    w = cv.w_mm
    big = {"TD3": 1.9, "MRVA": 1.8, "TD2": 1.5, "MRVB": 1.5, "TD1": 1.25}[fmt]
    y = 1.6
    if L["perforated"]:
        perforate(g, cv, doc["document_number"], w * 0.55, 1.2, 0.42, tuple(max(0, v - 40) for v in F.cap_ink))
        y = 1.2 + 10 * 0.42 * 1.45 + 0.3
    band = big * 1.9
    cv.d.rectangle([0, cv.px(y), cv.px(w), cv.px(y + band)], fill=F.accent)
    title_key = "resid" if doc["residence"] and fmt in ("TD1", "TD2") else TITLE[fmt]
    layout11.text(g, cv, 4.0, y + band * 0.5 + big * 0.45, g.country(doc["issuing_state"])[0].upper(), big * 0.9,
                  (255, 255, 255), F.bold, F.bold, max_w=w * 0.4)
    F.tx(w - 4.0, y + band * 0.5 + big * 0.45, CAPTIONS[F.lang][title_key], big * 0.95, (255, 255, 255), F.sbold,
         F.bold, max_w=w * 0.4, anchor="rs")
    y += band + big * 1.3
    F.spaced(4.0, y, g.LABELS["en"][title_key], big * 0.7, F.accent, w * 0.5)
    sec = F.second(title_key)
    if sec:
        F.tx(w - 4.0, y, sec, big * 0.7, F.accent, ARABIC[1] if F.lang == "zgh" else F.bold, F.bold, max_w=w * 0.35,
             anchor="rs")
    return y + big * 0.8


def laminate(cv, x, y, w, h, rs):
    """A laminate's rainbow moire over a box (mm): two fine gratings
    beating, tinted through the hues, blended lightly."""
    x0, y0, x1, y1 = int(cv.px(x)), int(cv.px(y)), int(cv.px(x + w)), int(cv.px(y + h))
    if x1 - x0 < 4 or y1 - y0 < 4:
        return
    yy, xx = np.mgrid[0:y1 - y0, 0:x1 - x0].astype(np.float32) / cv.s
    a1 = rs.uniform(0, math.pi)
    a2 = a1 + math.radians(rs.uniform(2, 5))
    f = rs.uniform(2.5, 4.0)  # lines per mm
    beat = np.cos(2 * math.pi * f * (xx * math.cos(a1) + yy * math.sin(a1))) + \
        np.cos(2 * math.pi * f * (xx * math.cos(a2) + yy * math.sin(a2)))
    phase = (xx * math.cos(a1 + 1.2) + yy * math.sin(a1 + 1.2)) * 0.35
    rgb = np.stack([np.cos(phase + k * 2.1) * 0.5 + 0.5 for k in range(3)], axis=2) * 255
    alpha = (0.10 + 0.08 * (beat[..., None] * 0.5)) * rs.uniform(0.8, 1.2)
    box = (x0, y0, x1, y1)
    base = np.asarray(cv.im.crop(box), np.float32)
    out = base * (1 - alpha) + rgb * alpha
    cv.im.paste(Image.fromarray(np.clip(out, 0, 255).astype(np.uint8), "RGB"), box[:2])


def show_through(g, cv, rs, L, top_mm):
    """The facing page's print showing through the paper: a few lines of
    text and a round stamp, mirrored, blurred, darkening the page by 8-14 %
    (the MRZ band is drawn over it later)."""
    W, H = cv.im.size
    layer = Image.new("L", (W, H), 0)
    d = ImageDraw.Draw(layer)
    f = g.font(FALLBACK[1], cv.s * 3.0)
    words = ["ENDORSEMENTS", "OBSERVATIONS", "VISAS", "ENTRY  ADMITTED", "DEPARTED", "AMENDMENTS"]
    y = cv.px(top_mm)
    while y < H * 0.8:
        d.text((cv.px(rs.uniform(4, 20)), y), rs.choice(words) + "  " + "%02d.%02d.20%02d" % (
            rs.randint(1, 28), rs.randint(1, 12), rs.randint(15, 26)), font=f, fill=255)
        y += cv.px(rs.uniform(6, 11))
    cx, cy, rr = cv.px(rs.uniform(30, cv.w_mm - 20)), cv.px(rs.uniform(15, cv.h_mm * 0.6)), cv.px(rs.uniform(8, 12))
    d.ellipse([cx - rr, cy - rr, cx + rr, cy + rr], outline=255, width=max(1, int(cv.s * 0.6)))
    layer = layer.transpose(Image.FLIP_LEFT_RIGHT).filter(ImageFilter.GaussianBlur(cv.s * 0.12))
    k = rs.uniform(0.08, 0.14)
    a = np.asarray(cv.im, np.float32) * (1 - k * np.asarray(layer, np.float32)[..., None] / 255.0)
    cv.im.paste(Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB"))


def draw_grid(F, rows, fx0, fx1, top, step, Lc, Vc):
    cells = []
    y = top
    for row in rows:
        cw = (fx1 - fx0) / len(row)
        for k, (key, val, extra) in enumerate(row):
            x = fx0 + k * cw
            F.field(key, val, extra, x, y, cw - 1.2, step - 0.4, Lc, Vc)
            cells.append((x, y, cw - 1.2, step))
        y += step
    return cells


def _face(g, doc, dpi, r, L, rs):
    fmt, w_mm, h_mm, s, colors, mrz_top, x_jit, y_jit = layout7.geometry(g, doc, dpi, r)
    cv = layout10._canvas(g, w_mm, h_mm, dpi, r, colors, mrz_top if fmt != "TD1" else None)
    F = Face(g, cv, L, colors)
    front, back = rows_of(g, doc, L)
    top = header13(g, cv, doc, L, F)
    if L["show_through"]:
        show_through(g, cv, rs, L, top)
    bottom = h_mm - 3.0 if fmt == "TD1" else mrz_top - 1.0
    pw = PORTRAIT_W[fmt]
    ph = min(pw * 1.28, bottom - top - 0.5)
    left = L["portrait"] == "left"
    px = 3.5 if left else w_mm - 3.5 - pw
    g.portrait(cv, px, top + 0.3, pw, ph, r)
    if L["laminate"]:
        laminate(cv, px - 1.0, top - 0.5, pw + 2.0, ph + 1.5, rs)
    fx0, fx1 = (px + pw + 2.5, w_mm - 3.0) if left else (3.5, px - 2.0)
    Lc0, Vc0 = {"TD3": (0.8, 1.7), "MRVA": (0.75, 1.6), "TD2": (0.62, 1.35), "MRVB": (0.62, 1.35),
                "TD1": (0.56, 1.2)}[fmt]
    step = (bottom - top) / len(front)
    need = {"spaced": Lc0 * 1.9, "pill": Lc0 * 2.4, "icon": Lc0 * 2.5}[L["captions"]] + Vc0 * 1.6
    k = min(1.0, step / need)
    Lc, Vc = max(0.42, Lc0 * k), max(0.9, Vc0 * k)
    cells = draw_grid(F, front, fx0, fx1, top, step, Lc, Vc)
    bk = None
    if fmt == "TD1":
        bk = layout10._canvas(g, w_mm, h_mm, dpi, r, colors, mrz_top)
        Fb = Face(g, bk, L, colors)
        per = min((mrz_top - 4.0) / len(back), 6.5)
        draw_grid(Fb, back, 4.0, 62.0, 2.5, per, 0.5, 1.05)
    if cells and L["stamp"]:
        g._stamp(cv, rs, rs.choice(cells), True)
    return layout7.finish(g, doc, r, rs, cv, bk, x_jit, y_jit, s)


def old_scanner(sheet, mask, box, dpi, rs, L):
    """An old flatbed: the document turned by L['tilt_deg'] on the glass
    under a lid, the lamp's colour cast, the blacks lifted, the light
    falling off across the carriage and a dust streak along the scan
    direction. Returns (page, full mask, MRZ box) and sets L['_quad'] and
    L['_mrz_quad']."""
    s = dpi / 25.4
    W, H = sheet.size
    rgba = sheet.copy()
    rgba.putalpha(mask)
    ang = L["tilt_deg"]
    rot = rgba.rotate(ang, resample=Image.BICUBIC, expand=True)
    RW, RH = rot.size
    t = math.radians(ang)

    def turn(p):  # where a point of the sheet lands in rot (anticlockwise by ang, y down)
        dx, dy = p[0] - W / 2, p[1] - H / 2
        return (RW / 2 + dx * math.cos(t) + dy * math.sin(t), RH / 2 - dx * math.sin(t) + dy * math.cos(t))

    m = int(rs.uniform(4, 9) * s)
    lid = rs.choice([(236, 234, 228), (214, 212, 206), (246, 246, 244)])
    page = Image.new("RGB", (RW + 2 * m, RH + 2 * m), lid)
    page.paste(rot.convert("RGB"), (m, m), rot.getchannel("A"))
    a = np.asarray(page, np.float32)
    hh, ww = a.shape[:2]
    a = a * rs.uniform(0.84, 0.9) + rs.uniform(18, 30)  # the blacks lifted
    a *= np.array(CASTS[L["cast"]], np.float32)
    fall = 1.0 - rs.uniform(0.06, 0.14) * np.linspace(0, 1, ww, dtype=np.float32) ** 1.5
    if rs.random() < 0.5:
        fall = fall[::-1]
    a *= fall[None, :, None]
    sx = rs.randint(int(ww * 0.1), int(ww * 0.9))
    a[:, sx:sx + max(1, int(s * 0.12))] *= np.array([0.8, 0.78, 0.82], np.float32)
    page = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB")
    L["_quad"] = [(m + x, m + y) for x, y in (turn(p) for p in layout12._quad_of((0, 0, W, H)))]
    L["_mrz_quad"] = [(m + x, m + y) for x, y in (turn(p) for p in layout12._quad_of(box))]
    q = L["_mrz_quad"]
    mb = [int(math.floor(min(p[0] for p in q))), int(math.floor(min(p[1] for p in q))),
          int(math.ceil(max(p[0] for p in q))), int(math.ceil(max(p[1] for p in q)))]
    return page, Image.new("L", page.size, 255), mb


def render(g, doc, dpi, r, L):
    """generate.render_layout for this family: the face(s), then the old
    scanner when drawn."""
    rs = random.Random(L["draw_seed"])
    sheet, mask, box, pitch, cap = _face(g, doc, dpi, r, L, rs)
    if L["capture"] == "old_scanner":
        return old_scanner(sheet, mask, box, dpi, rs, L) + (pitch, cap)
    return sheet, mask, box, pitch, cap
