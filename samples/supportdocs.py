#!/usr/bin/python3
"""Supporting-document pages with ground truth and labelled defects (issue 15).

Draws the nine supporting types docscreen classifies (birth and marriage
certificates, bank statements, payslips, employment letters, utility bills,
tenancy agreements, police certificates, diplomas) in several layout
families, each page with the case record of its applicant, and optionally
one defect a screening must find:

  wrong_name        the page names another person            SUPPORT_NAME_MISMATCH
  wrong_birth_date  the page prints another date of birth    SUPPORT_BIRTH_DATE_MISMATCH
  wrong_address     the page prints another address          SUPPORT_ADDRESS_MISMATCH
  future_issue      the page is dated after the screening    SUPPORT_DATE_FUTURE
  stale_statement   a statement/bill/payslip older than 90 d SUPPORT_STATEMENT_OLD
  before_birth      a birth certificate issued before birth  SUPPORT_ISSUED_BEFORE_BIRTH
  duplicate         the same page, submitted for two cases   DUPLICATE_IMAGE (docscreend)
  weekday_mismatch  a weekday the printed date did not fall on SUPPORT_DATE_WEEKDAY_MISMATCH
                    (heldout12 and heldout13 letters and bills only)

Layout families: "colon" (Label: value), "column" (labels in a column,
values beside them), "stacked" (a small label over its value) are the
families rules may be tuned on; "heldout" (bilingual labels, values in a
right-hand column, "SURNAME, Given" names, dates written "March 5, 1980",
a right-aligned letter head) and "heldout2" (LABELS IN CAPITALS, values
flush with the right margin, "Given SURNAME" names, dates "05-Mar-1980")
and "heldout3" (German, French or Spanish pages with labels in that
language only, boxed fields in two columns, the holder's family name and
given names in two boxes, dates "05.03.1980", "5. März 1980", "5 mars
1980", "05/03/1980", "5 de marzo de 1980", "05-03-1980" or ISO, the
country's addresses, IBANs, amounts "1.234,56 EUR"; its truth names the
Tesseract languages an office there would use, "ocr_langs") are kept
apart and measured separately. "heldout4" (English with wording no other
family uses, a logo letterhead, letters in two columns, fields in ruled
tables, other typefaces, ordinal dates "5th March 1980"; drawn only with
--layouts heldout4, so the pages of the other families stay as they were)
is the fourth held-out family, and "heldout5" (samples/supportdocs5.py: other
wording, key/value tables without colons, running prose, "SMITH, John" and
"Mr John SMITH" names, "the 3rd day of March 2021" dates, currency codes,
letterheads with addresses, footers, watermarks, English with French or
Spanish; drawn only with --layouts heldout5) the fifth, and "heldout6"
(samples/supportdocs6.py: "Extract of Birth Entry", "Account Summary",
"Salary Certificate" and other wording, form pages of ruled boxes under
shaded header rows, two columns with the person's block on the right,
"Surname: SMITH  Forename(s): John" on one row, dates "March 3, 2021",
"3 Mar 21" or "03.03.2021", a stamp and a signature over the text, uneven
lighting; drawn only with --layouts heldout6) the sixth, and "heldout7"
(samples/supportdocs7.py: multilingual extracts and certificates with
French / English captions, a bank reference letter, a pension payment
advice, a payslip with earnings and deductions side by side, a property
tax assessment, a landlord's confirmation for residence registration,
letters with "Dear Mr Nowak", "NOWAK Lukasz" names, ISO and dotted dates,
addresses with the postcode before the town, two-column pages, a
photocopy or fax look and stamps over the text; drawn only with
--layouts heldout7) the seventh, and "heldout8" (samples/supportdocs8.py:
US-style forms with captions inside the boxes and checkboxes, German or
Spanish pages with English glosses, "Nowak, Łukasz" and middle initials,
"July 14, 1985" / "14th July 1985" / "14/07/85" dates, addresses on one
line with commas or below a c/o line, a statement page 1 of 2 with a
running balance, a bill with a remittance slip, a script diploma in a
border, seals over the text, phone photos, creases and faded thermal
print; drawn only with --layouts heldout8) the eighth, and "heldout9"
(samples/supportdocs9.py: Italian, Portuguese, Dutch or French originals
with or without an English gloss, certified translations into English
with the translator's declaration and stamp, typed or handwritten values
on dotted lines, prose attestations dated "Lisboa, 3 de novembro de 2026",
line-printer statements aligned by spaces, landscape statements,
watermarks behind the text, "NOWAK Łukasz" / "Sig." / "Sra." / "M." names,
"14/VII/1985" and "le 14 juillet 1985" dates, photocopies with the copier
lid's border, faxes, stapled receipts; drawn only with --layouts heldout9)
the ninth, and "heldout10" (samples/supportdocs10.py: colour pages on
coloured paper with highlighter, ballpoint ticks and a coloured "certified
true copy" stamp, sheets turned 90/180/270 degrees in the scan, two A5
pages side by side, an A5 page in the scanner's corner, a till-roll
counter statement, dot-matrix continuous stationery, reverse-video
headers and merged cells, a marriage register entry table, dates in
words or with the weekday, honorifics, joint holders, addresses with a
flat over three lines, a curled page photographed on a desk; drawn only
with --layouts heldout10) the tenth, and "heldout11" (samples/supportdocs11.py: German,
French or Spanish pages, bilingual certificates in two columns in an
ornate border with an embossed or foil seal and an apostille, filled-in
forms with comb fields, typed or handwritten entries and check boxes,
pages printed from a browser, DIN 5008 and other countries' business
letters, Spanish double surnames and birth names, the weekday and
abbreviated months in those languages, scanning-app output, photocopies
of photocopies, punched holes, coffee rings, sticky notes; drawn only
with --layouts heldout11) the eleventh, and "heldout12" (samples/supportdocs12.py: UK, US,
Canadian and Australian issuers, register-extract birth entries, zebra ledgers,
sidebar letters, mobile, council-tax and water bills, police certificates
with a QR-like square, enrolment certificates, weekdays before dates and
the weekday_mismatch defect, phone photos on a desk, crumpled, low-toner,
carbon-copy and two-page captures, sticky notes; drawn only with --layouts
heldout12) the twelfth, and "heldout13" (samples/supportdocs13.py and
supportdocs13b.py: Indian, Pakistani, Nigerian and Philippine issuers in
English, Brazilian and Mexican certificates in Portuguese or Spanish or
their sworn translation, hospital birth records filled in by hand, church
marriage certificates, bank balance confirmation letters, salary
certificates, letters with the addressee at the foot, bills with a
tear-off slip and barcode, receipt-book rent receipts, police clearances
with a seal behind the text, school leaving certificates, honorifics and
s/o lines, "14/03/23" and "14th day of March 2023" dates, sleeve glare,
folded corners, faxes, a thumb on a photo, 150 dpi and over-sharpened
scans; drawn only with --layouts heldout13) the thirteenth, and "heldout14"
(samples/supportdocs14.py and supportdocs14b.py: Polish, Romanian, Turkish,
Ukrainian, Vietnamese and Australian issuers in English, Moroccan and Quebec
ones in French, bilingual register extracts, browser-printed statements and
banking-app screenshots, pay stubs with year-to-date columns, tenancy forms
with check boxes, certificates of good conduct with a QR square, transcripts
and ornate diplomas, "14.III.2023" and ISO dates, maiden names, table photos,
tri-folds, show-through, toner bands, coloured paper; drawn only with
--layouts heldout14) the fourteenth, and "heldout15" (samples/supportdocs15.py,
supportdocs15b.py and supportdocs15c.py: Greek, Czech, Hungarian, Kenyan,
South African, Hong Kong, Korean and Irish issuers in English, Swiss ones in
German, birth register rows, numbered forms, family-relation certificates,
passbooks, pressure-sealed pay advices, grids of boxed cells, memos, bills
with a turned remittance stub, leases in prose, fingerprint boxes, diploma
supplements, landscape certificates, "14. 3. 2023" / "2023.03.14." /
"2023. 3. 14." dates, weekdays after the date, monitor photos, phone
shadows, messenger copies, askew scans, RECEIVED stamps; drawn only with
--layouts heldout15) the fifteenth. --balance gives each page with a defect
the defect its type can carry that the pages before it carry least, so a
run of a few hundred pages has every code about equally often.

For each page NAME.jpg it writes NAME.case.json (the case record; the
screening date is TODAY below) and NAME.json, the truth:
  {"file", "kind", "family", "heldout", "dpi", "defect", "expect": [codes],
   "case", "today", "fields": [{"name", "value", "bbox": [x, y, w, h]}],
   "page_pt": [w, h], "runs": [{"text", "x_pt", "y_pt", "size_pt", "font"}]}
bbox in page pixels (before the scan's small rotation); runs give every
piece of text with its top-left corner in points from the top-left of the
page, its size in points and the font file, so the same page can be made
as a born-digital PDF. A "duplicate" page also writes NAME.dup.case.json:
a second, unrelated case, and NAME.dup.jpg, the same paper scanned again
(another rotation, noise and compression), submitted for it.

Usage: /usr/bin/python3 samples/supportdocs.py --out DIR [--count N] [--seed S]
                                              [--layouts train|heldout|all|FAMILY [FAMILY...]]
                                              [--defects 0.5] [--clean] [--balance]
"""
import argparse
import collections
import datetime
import io
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import supporting  # noqa: E402  (fonts and the scanned look)
# The page, the lists and the applicant (supportbase.py), the first families
# (supportdocs1.py: colon, column, stacked, heldout, heldout2), heldout3 and
# heldout4. The later families get this module as `sd` and read some of
# these names through it (sd.PLACES, sd.MONTHS, sd.h3_iban, ...), hence the
# names imported here that make() does not use.
from supportbase import (  # noqa: E402,F401
    BANKS, DEGREES, EMPLOYERS, GIVEN, MONTHS, PLACES, POSITIONS, STREETS, SUPPLIERS, SURNAMES, TOWNS,
    Canvas, address, person, stranger)
from supportdocs1 import Layout, draw  # noqa: E402
from supportdocs3 import H3_ISSUERS, H3_LANGS, H3_PLACES, draw3, h3_address, h3_date, h3_iban  # noqa: E402,F401
from supportdocs4 import H4_ISSUERS, draw4  # noqa: E402
import supportdocs5  # noqa: E402  (the heldout5 family)
import supportdocs6  # noqa: E402  (the heldout6 family)
import supportdocs7  # noqa: E402  (the heldout7 family)
import supportdocs8  # noqa: E402  (the heldout8 family)
import supportdocs9  # noqa: E402  (the heldout9 family)
import supportdocs10  # noqa: E402  (the heldout10 family)
import supportdocs11  # noqa: E402  (the heldout11 family)
import supportdocs12  # noqa: E402  (the heldout12 family)
import supportdocs13  # noqa: E402  (the heldout13 family)
import supportdocs14  # noqa: E402  (the heldout14 family: countries, names, dates)
import supportdocs14b  # noqa: E402  (the heldout14 family: drawing, captures)
import supportdocs15  # noqa: E402  (the heldout15 family: countries, names, dates)
import supportdocs15c  # noqa: E402  (the heldout15 family: drawing (15b, 15c), captures)

TODAY = datetime.date(2026, 11, 23)
KINDS = ["birth_certificate", "marriage_certificate", "bank_statement", "payslip",
         "employment_letter", "utility_bill", "tenancy_agreement", "police_certificate",
         "diploma"]
TRAIN = ["colon", "column", "stacked"]
HELDOUT = ["heldout", "heldout2", "heldout3"]
# heldout4 is drawn only on request (--layouts heldout4), so that the pages of
# the other families stay what they were.
HELDOUT4 = ["heldout4"]
# heldout5 (samples/supportdocs5.py) likewise, only with --layouts heldout5.
HELDOUT5 = ["heldout5"]
# heldout6 (samples/supportdocs6.py) likewise, only with --layouts heldout6.
HELDOUT6 = ["heldout6"]
# heldout7 (samples/supportdocs7.py) likewise, only with --layouts heldout7.
HELDOUT7 = ["heldout7"]
# heldout8 (samples/supportdocs8.py) likewise, only with --layouts heldout8.
HELDOUT8 = ["heldout8"]
# heldout9 (samples/supportdocs9.py) likewise, only with --layouts heldout9.
HELDOUT9 = ["heldout9"]
# heldout10 (samples/supportdocs10.py) likewise, only with --layouts heldout10.
HELDOUT10 = ["heldout10"]
# heldout11 (samples/supportdocs11.py) likewise, only with --layouts heldout11.
HELDOUT11 = ["heldout11"]
# heldout12 (samples/supportdocs12.py) likewise, only with --layouts heldout12.
HELDOUT12 = ["heldout12"]
# heldout13 (samples/supportdocs13.py) likewise, only with --layouts heldout13.
HELDOUT13 = ["heldout13"]
# heldout14 (samples/supportdocs14.py, 14b) likewise, only with --layouts heldout14.
HELDOUT14 = ["heldout14"]
# heldout15 (samples/supportdocs15.py, 15b, 15c) likewise, only with --layouts heldout15.
HELDOUT15 = ["heldout15"]
EXPECT = {"wrong_name": "SUPPORT_NAME_MISMATCH", "wrong_birth_date": "SUPPORT_BIRTH_DATE_MISMATCH",
          "wrong_address": "SUPPORT_ADDRESS_MISMATCH", "future_issue": "SUPPORT_DATE_FUTURE",
          "stale_statement": "SUPPORT_STATEMENT_OLD", "before_birth": "SUPPORT_ISSUED_BEFORE_BIRTH",
          "duplicate": "DUPLICATE_IMAGE", "weekday_mismatch": "SUPPORT_DATE_WEEKDAY_MISMATCH"}
PRINTS_BIRTH = {"birth_certificate", "police_certificate", "employment_letter", "diploma"}
PRINTS_ADDRESS = {"bank_statement", "payslip", "utility_bill", "tenancy_agreement",
                  "employment_letter"}
STATEMENTS = {"bank_statement", "payslip", "utility_bill"}
def defects_for(kind):
    d = ["wrong_name", "future_issue", "duplicate"]
    if kind in PRINTS_BIRTH:
        d.append("wrong_birth_date")
    if kind in PRINTS_ADDRESS:
        d.append("wrong_address")
    if kind in STATEMENTS:
        d.append("stale_statement")
    if kind == "birth_certificate":
        d.append("before_birth")
    return d


def make(i, a, fontlist, families, used):
    r = random.Random("%d/%d" % (a.seed, i))
    kind = KINDS[i % len(KINDS)]
    family = families[(i // len(KINDS)) % len(families)]
    dpi = r.choice([200, 240, 300])
    app = person(r)
    app_addr = address(r)
    lang = None
    if family == "heldout3":
        lang = r.choice(H3_LANGS)
        app_addr = h3_address(r, lang)
    spec9 = None
    if family == "heldout9":  # the page's language decides the applicant's address
        spec9 = supportdocs9.choose(kind, r)
        app_addr = supportdocs9.address(r, spec9) or app_addr
    spec10 = None
    if family == "heldout10":  # the sheet, and whether the applicant's address has a flat
        spec10 = supportdocs10.choose(kind, r)
        app_addr = supportdocs10.address(r, sys.modules[__name__], spec10)
    spec11 = None
    if family == "heldout11":  # the page's language decides the address (and a Spanish page's two surnames)
        spec11 = supportdocs11.choose(kind, r)
        app_addr = supportdocs11.applicant(r, sys.modules[__name__], spec11, app)
    spec12 = supportdocs12.choose(kind, r) if family == "heldout12" else None
    if spec12:
        app_addr = supportdocs12.address(r, spec12)
    spec13 = supportdocs13.choose(kind, r) if family == "heldout13" else None
    if spec13:  # the page's country names the applicant and gives the address
        app_addr = supportdocs13.applicant(r, sys.modules[__name__], spec13, app)
    spec14 = supportdocs14.choose(kind, r) if family == "heldout14" else None
    if spec14:  # the page's country names the applicant and gives the address
        app_addr = supportdocs14.applicant(r, sys.modules[__name__], spec14, app)
    spec15 = supportdocs15.choose(kind, r) if family == "heldout15" else None
    if spec15:  # the page's country names the applicant and gives the address
        app_addr = supportdocs15.applicant(r, sys.modules[__name__], spec15, app)
    application = TODAY - datetime.timedelta(days=r.randint(0, 20))
    defect = None
    # Balanced runs give birth certificates, the one type that can be
    # issued before the birth, defects more often.
    rate = min(1.0, a.defects * 1.5) if a.balance and kind == "birth_certificate" else a.defects
    if r.random() < rate:
        cands = defects_for(kind) + (supportdocs12.extra_defects(kind) if spec12 else
                                     supportdocs13.extra_defects(kind, spec13) if spec13 else
                                     supportdocs14.extra_defects(kind, spec14) if spec14 else
                                     supportdocs15.extra_defects(kind, spec15) if spec15 else [])
        defect = r.choice(cands)
        if a.balance:
            # The defect this page can carry that the pages so far carry
            # least (so that a larger run has every code about as often).
            low = min(used[d] for d in cands)
            if used[defect] != low:
                defect = [d for d in cands if used[d] == low][0]
        used[defect] += 1
    shown = {"person": dict(app), "birth_date": app["birth_date"], "address": app_addr,
             "number": "%s%d" % (r.choice(["", "AB", "CX", "N"]), r.randint(10**7, 10**9)),
             "issuer": r.choice({"bank_statement": BANKS, "payslip": EMPLOYERS,
                                 "employment_letter": EMPLOYERS,
                                 "utility_bill": SUPPLIERS}.get(kind, ["Registry"]))}
    if lang:
        group = {"bank_statement": "bank_statement", "payslip": "payslip", "employment_letter": "payslip",
                 "utility_bill": "utility_bill", "police_certificate": "police", "diploma": "university",
                 "tenancy_agreement": "landlord"}.get(kind, "registry")
        shown["issuer"] = r.choice(H3_ISSUERS[group][lang])
        if group == "registry":
            shown["issuer"] %= r.choice(H3_PLACES[lang])
        shown["iban"] = h3_iban(r, lang)
    if family == "heldout4":
        shown["issuer"] = r.choice(H4_ISSUERS[kind])
        if "%s" in shown["issuer"]:
            shown["issuer"] %= r.choice(PLACES)
    lang5 = None
    if family == "heldout5":
        lang5 = r.choice([None, None, "fra", "spa"])
        shown["issuer"] = supportdocs5.issuer(kind, r)
    if family == "heldout6":
        shown["issuer"] = supportdocs6.issuer(kind, r)
    lang7 = None
    if family == "heldout7":
        shown["issuer"] = supportdocs7.issuer(kind, r)
    lang8 = None
    if family == "heldout8":
        shown["issuer"] = supportdocs8.issuer(kind, r)
    lang9 = None
    if family == "heldout9":
        shown["issuer"] = supportdocs9.issuer(kind, r, spec9)
        shown["application"] = application
    if family == "heldout10":
        shown["issuer"] = supportdocs10.issuer(kind, r)
        shown["joint"] = kind in ("bank_statement", "tenancy_agreement") and r.random() < 0.4
        shown["co_holder"] = stranger(r, app)
        shown["co_first"] = r.random() < 0.5
    lang11 = lang13 = lang14 = lang15 = None
    if family == "heldout11":
        shown["issuer"] = supportdocs11.issuer(kind, r, spec11)
        shown["application"] = application
    if spec12:
        shown["issuer"] = supportdocs12.issuer(kind, r, spec12)
    if spec13:
        shown["issuer"] = supportdocs13.issuer(kind, r, spec13)
    if spec14:
        shown["issuer"] = supportdocs14.issuer(kind, r, spec14)
    if spec15:
        shown["issuer"] = supportdocs15.issuer(kind, r, spec15)
    case = {"case_id": "SD-%04d" % i, "surname": app["surname"], "given_names": app["given_names"],
            "birth_date": app["birth_date"].isoformat(), "application_date": application.isoformat(),
            "address": "\n".join(app_addr)}
    if kind in STATEMENTS:
        shown["issue"] = application - datetime.timedelta(days=r.randint(3, 60))
    elif kind == "birth_certificate":
        shown["issue"] = r.choice([app["birth_date"] + datetime.timedelta(days=r.randint(3, 40)),
                                   application - datetime.timedelta(days=r.randint(10, 400))])
    else:
        shown["issue"] = application - datetime.timedelta(days=r.randint(5, 300))
    shown["birth_date_shown"] = kind == "bank_statement" and r.random() < 0.5
    if kind == "birth_certificate":
        father, mother = supportdocs13.parents(r, spec13, app) if spec13 else \
            supportdocs14.parents(r, spec14, app) if spec14 else \
            supportdocs15.parents(r, spec15, app) if spec15 else (
            person(r, app["surname"]), person(r, app["surname"]))
        shown["father"], shown["mother"] = father, mother
        case["related_persons"] = [
            {"surname": father["surname"], "given_names": father["given_names"], "relation": "father"},
            {"surname": mother["surname"], "given_names": mother["given_names"], "relation": "mother"}]
    if kind == "marriage_certificate":
        spouse = supportdocs13.stranger(r, spec13, app) if spec13 else \
            supportdocs14.stranger(r, spec14, app) if spec14 else \
            supportdocs15.stranger(r, spec15, app) if spec15 else stranger(r, app)
        shown["spouse"] = spouse
        shown["applicant_first"] = r.random() < 0.5
        shown["married"] = shown["issue"] - datetime.timedelta(days=r.randint(0, 3000))
        case["related_persons"] = [{"surname": spouse["surname"], "given_names": spouse["given_names"],
                                    "birth_date": spouse["birth_date"].isoformat(), "relation": "spouse"}]
    if defect == "wrong_name":
        other = (lambda p: supportdocs13.stranger(r, spec13, p)) if spec13 else \
            (lambda p: supportdocs14.stranger(r, spec14, p)) if spec14 else \
            (lambda p: supportdocs15.stranger(r, spec15, p)) if spec15 else (lambda p: stranger(r, p))
        shown["person"] = other(app)
        if kind == "marriage_certificate":
            shown["person"]["surname"] = other(shown["spouse"])["surname"]
    elif defect == "wrong_birth_date":
        shown["birth_date"] = app["birth_date"] + datetime.timedelta(days=r.choice([-1, 1]) * r.randint(40, 4000))
    elif defect == "wrong_address":
        shown["address"] = h3_address(r, lang) if lang else \
            supportdocs9.address(r, spec9, app_addr) if spec9 and spec9[1] else \
            supportdocs10.other_address(r, sys.modules[__name__], app_addr) if spec10 else \
            supportdocs11.other_address(r, sys.modules[__name__], spec11, app_addr) if spec11 else \
            supportdocs12.other_address(r, spec12, app_addr) if spec12 else \
            supportdocs13.other_address(r, spec13, app_addr) if spec13 else \
            supportdocs14.other_address(r, spec14, app_addr) if spec14 else \
            supportdocs15.other_address(r, spec15, app_addr) if spec15 else address(r)
    elif defect == "future_issue":
        shown["issue"] = TODAY + datetime.timedelta(days=r.randint(20, 300))
    elif defect == "stale_statement":
        shown["issue"] = application - datetime.timedelta(days=r.randint(120, 600))
    elif defect == "before_birth":
        shown["issue"] = app["birth_date"] - datetime.timedelta(days=r.randint(30, 3000))
    elif defect == "weekday_mismatch":
        supportdocs12.weekday_edit(shown, r)
    truth = {"page": shown}
    c = Canvas(r, dpi, fontlist)
    if lang:
        draw3(kind, c, r, truth, lang)
    elif family == "heldout4":
        draw4(kind, c, r, truth, fontlist)
    elif family == "heldout5":
        supportdocs5.draw5(sys.modules[__name__], kind, c, r, truth, lang5)
    elif family == "heldout6":
        supportdocs6.draw6(sys.modules[__name__], kind, c, r, truth)
    elif family == "heldout7":
        lang7 = supportdocs7.draw7(sys.modules[__name__], kind, c, r, truth)
    elif family == "heldout8":
        lang8 = supportdocs8.draw8(sys.modules[__name__], kind, c, r, truth)
    elif family == "heldout9":
        lang9 = supportdocs9.draw9(sys.modules[__name__], kind, c, r, truth, spec9)
    elif family == "heldout10":
        supportdocs10.draw10(sys.modules[__name__], kind, c, r, truth, spec10)
    elif family == "heldout11":
        lang11 = supportdocs11.draw11(sys.modules[__name__], kind, c, r, truth, spec11)
    elif family == "heldout12":
        supportdocs12.draw12(sys.modules[__name__], kind, c, r, truth, spec12)
    elif family == "heldout13":
        lang13 = supportdocs13.draw13(sys.modules[__name__], kind, c, r, truth, spec13)
    elif family == "heldout14":
        lang14 = supportdocs14b.draw14(sys.modules[__name__], kind, c, r, truth, spec14)
    elif family == "heldout15":
        lang15 = supportdocs15c.draw15(sys.modules[__name__], kind, c, r, truth, spec15)
    else:
        L = Layout(family, r, c)
        draw(kind, c, L, r, app, truth)
    name = "%04d-%s" % (i, kind.replace("_", "-"))
    if a.clean:
        buf = io.BytesIO()
        c.img.save(buf, "JPEG", quality=92)
        data = buf.getvalue()
    else:
        data = (supportdocs10.scanned if spec10 else supportdocs11.scanner(spec11) if spec11 else
                supportdocs12.scanner(spec12) if spec12 else supportdocs13.cap.scanner(spec13) if spec13 else
                supportdocs14b.scanner(spec14) if spec14 else supportdocs15c.scanner(spec15) if spec15 else
                supporting.scanned)(c.img, r)
    with open(os.path.join(a.out, name + ".jpg"), "wb") as fh:
        fh.write(data)
    with open(os.path.join(a.out, name + ".case.json"), "w", encoding="utf-8") as fh:
        json.dump(case, fh, ensure_ascii=False, indent=1)
    expect = [EXPECT[defect]] if defect else []
    page_lang = lang or lang5 or lang7 or lang8 or lang9 or lang11 or lang13 or lang14 or lang15
    if defect == "duplicate":
        other = person(r)
        dup = {"case_id": "SD-%04d-B" % i, "surname": other["surname"],
               "given_names": other["given_names"], "birth_date": other["birth_date"].isoformat(),
               "application_date": application.isoformat()}
        with open(os.path.join(a.out, name + ".dup.case.json"), "w", encoding="utf-8") as fh:
            json.dump(dup, fh, ensure_ascii=False, indent=1)
        # The same paper through the scanner again: another rotation, noise
        # and compression.
        again = (supportdocs10.scanned if spec10 else supportdocs11.scanner(spec11) if spec11 else
                supportdocs12.scanner(spec12) if spec12 else supportdocs13.cap.scanner(spec13) if spec13 else
                supportdocs14b.scanner(spec14) if spec14 else supportdocs15c.scanner(spec15) if spec15 else
                supporting.scanned)(
            c.img, random.Random("%d/%d/again" % (a.seed, i)))
        with open(os.path.join(a.out, name + ".dup.jpg"), "wb") as fh:
            fh.write(again)
    with open(os.path.join(a.out, name + ".json"), "w", encoding="utf-8") as fh:
        json.dump({"file": name + ".jpg", "kind": kind, "family": family,
                   "heldout": family in HELDOUT + HELDOUT4 + HELDOUT5 + HELDOUT6 + HELDOUT7 + HELDOUT8 + HELDOUT9 +
                   HELDOUT10 + HELDOUT11 + HELDOUT12 + HELDOUT13 + HELDOUT14 + HELDOUT15,
                   "dpi": dpi, "defect": defect or "",
                   "expect": expect, "case": name + ".case.json", "today": TODAY.isoformat(),
                   "lang": page_lang or "eng", "ocr_langs": "eng+" + page_lang if page_lang else "eng",
                   "fields": c.fields, "page_pt": getattr(c, "page_pt", [595.3, 841.9]), "runs": c.runs,
                   **getattr(c, "extra", {})},
                  fh, ensure_ascii=False, indent=1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--count", type=int, default=54)
    ap.add_argument("--seed", type=int, default=15)
    sets = {"train": TRAIN, "heldout": HELDOUT, "all": TRAIN + HELDOUT}
    single = {f: [f] for f in TRAIN + HELDOUT + HELDOUT4 + HELDOUT5 + HELDOUT6 + HELDOUT7 + HELDOUT8 +
              HELDOUT9 + HELDOUT10 + HELDOUT11 + HELDOUT12 + HELDOUT13 + HELDOUT14 + HELDOUT15}
    ap.add_argument("--layouts", nargs="+", default=["all"], metavar="LAYOUT",
                    help="train, heldout or all (alone), or one or more family names (colon ... "
                         "heldout15), drawn in turn: page i is of family (i // 9) %% N")
    ap.add_argument("--defects", type=float, default=0.5, help="share of pages with a defect")
    ap.add_argument("--clean", action="store_true", help="no scanned look (rotation, noise, blur)")
    ap.add_argument("--balance", action="store_true",
                    help="give each page's defect as the one used least so far (every code about as often)")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    # One name keeps its old meaning (a set, or one family); several are
    # families ("heldout" then the first held-out family, not the set).
    if len(a.layouts) == 1 and a.layouts[0] in sets:
        families = sets[a.layouts[0]]
    elif all(name in single for name in a.layouts):
        families = [single[name][0] for name in a.layouts]
    else:
        ap.error("--layouts: train, heldout or all alone, or family names among %s" % " ".join(single))
    fontlist = supporting.fonts()
    used = collections.Counter()
    for i in range(a.count):
        make(i, a, fontlist, families, used)
    print("supportdocs.py: %d pages in %s" % (a.count, a.out))


if __name__ == "__main__":
    main()
