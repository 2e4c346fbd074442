"""The heldout10 family of samples/supportdocs.py (--layouts heldout10).

Written blind on 2026-12-07 by a session that tunes no rule and never
screens any of its pages, so that the supporting-page rules of that day
can be judged on pages nobody looked at. Do not inspect its pages to fix
a rule.

What it draws, unlike every earlier family (the nine types the bench
knows, in English):
- colour: pages on coloured paper (cream, pale yellow, pink, blue, green,
  buff), letterheads with a coloured band whose name is printed in white
  (reverse video), and what a person does to a page before handing it in:
  a highlighter stroke over their name or address, blue ballpoint ticks
  in the margin beside the lines checked and a ring round the date, a
  coloured (red, violet, blue) "CERTIFIED TRUE COPY" stamp with a blue
  signature over the name or the date;
- sheets: the page turned by 90, 180 or 270 degrees in the scan (truth
  "turned"); two A5 pages side by side on one landscape sheet (a short
  birth certificate and its reverse, a statement's pages 1 and 2, a
  payslip and its notes; the continuation on the left on a third); an A5
  page alone in the scanner's corner with the lid round it; a till-roll
  wide counter statement printed at a bank branch;
- tables with reverse-video header rows and merged cells (a section cell
  spanning the rows of its group: HOLDER / ACCOUNT / PERIOD), transaction
  lists with zebra stripes, a marriage register entry as a table of two
  rows under column heads ("When married", "Name and surname", "Age",
  "Condition", "Rank or profession", "Father's name");
- payslips and statements (six A4 ones in ten) on continuous stationery
  printed by a dot-matrix printer (the glyphs of dots, sprocket holes down both edges,
  a tear-off perforation, the ribbon fading);
- wording: "Birth Certificate (Short Form)", "Certificate of Solemnisation
  of Marriage", "Passbook Statement", "Counter Statement", "Remuneration
  Advice", "Employment and Salary Confirmation", "Statement of Charges",
  "Licence to Occupy", "Police Records Disclosure", "Be it known that ...
  was admitted to the degree of", a multi-column footer (registered office,
  company number and VAT, contact);
- dates in words ("Fourteenth July 1985", "the fourteenth day of July,
  nineteen hundred and eighty-five") or with the weekday ("Sunday, 14 July
  1985", "Sun 14 Jul 1985", "Sunday, July 14, 1985");
- names with honorifics ("Dr Łukasz Nowak", "Mrs Anna Rossi", "Miss",
  "Mx"), joint holders on two lines (the applicant first or second: a
  joint account, two tenants);
- addresses with a flat ("Flat 3, 12 High Street" in the case record),
  over three lines ("Flat 3" / "12 High Street" / "LEEDS LS1 2AB", or the
  town and the postcode on lines of their own);
- amounts "£1,234.56", "GBP 1 234.56" or "1,234.56 CR";
- capture: a phone photo of the page lying curled on a desk on about a
  third of the A4 sheets (the lines bow, light falls off towards the lifted edge, a colour
  cast; the fields' boxes follow), otherwise a colour flatbed scan.

Every value printed is the one truth["page"] holds: genuine pages agree
with the case record, defects are the labelled ones (supportdocs.make).
Field boxes are in the sheet's pixels before the scan's turn (a turned
sheet keeps its upright frame; "turned" says how it lies in the image).
`sd` is the supportdocs module (its Canvas, names, streets, lists).
"""
import datetime
import io
import math
import os

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter

from supportdocs9 import first_font  # noqa: E402  (the first installed font of a list)

FEMALE = {"Anna", "María José", "Chloé", "Emily Rose", "Sofia", "Aisha", "Eva Maria", "Grace", "Lucia",
          "Fatima", "Olga"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
       "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
       "twentieth"]
PAPER = {"white": (248, 248, 244), "cream": (250, 244, 226), "yellow": (252, 244, 196), "pink": (250, 224, 230),
         "blue": (222, 234, 250), "green": (224, 244, 226), "buff": (238, 224, 196)}
BRAND = [(20, 60, 130), (140, 20, 40), (10, 100, 80), (90, 40, 120), (30, 30, 30), (180, 90, 10)]
HIGHLIGHT = [(255, 236, 60), (140, 240, 110), (255, 150, 200), (120, 220, 255)]
STAMP_INK = [(200, 30, 40), (110, 40, 160), (30, 60, 170)]
BIRO = [(25, 45, 150), (20, 30, 90), (30, 30, 35)]

TITLES = {
    "birth_certificate": ["BIRTH CERTIFICATE (SHORT FORM)", "Short Certificate of Birth"],
    "marriage_certificate": ["Certificate of Solemnisation of Marriage", "MARRIAGE REGISTER ENTRY - CERTIFIED COPY"],
    "bank_statement": ["Passbook Statement", "Joint Account Statement"],
    "payslip": ["Remuneration Advice", "Earnings Advice - Private and Confidential"],
    "employment_letter": ["Employment and Salary Confirmation", "Letter of Confirmation of Employment and Income"],
    "utility_bill": ["Statement of Charges - Electricity", "Quarterly Water and Sewerage Account"],
    "tenancy_agreement": ["Licence to Occupy a Room", "Periodic Tenancy - Memorandum of Terms"],
    "police_certificate": ["Police Records Disclosure", "Record of Police Check"],
    "diploma": ["Degree Parchment", "Certificate of Award"],
}
ISSUERS = {
    "birth_certificate": ["General Register Office for %s", "Superintendent Registrar, %s"],
    "marriage_certificate": ["Superintendent Registrar, %s", "Register Office for the District of %s"],
    "bank_statement": ["Marlow & Fenwick Building Society", "Cheviot Savings Bank", "Tamar Valley Bank"],
    "payslip": ["Ravensworth Components Ltd", "Brindley Catering Services", "Hythe Marine Engineering plc"],
    "utility_bill": ["Pennant Electricity Supply", "Mercia Water Services", "Solent Power"],
    "tenancy_agreement": ["Lark Rise Lettings", "Goodwin & Strand Property Management"],
    "police_certificate": ["Police Records Unit, %s Constabulary", "ACRO Records Office"],
    "diploma": ["University of Northfleet", "Harrowgate University", "Marchmont College, University of Calder"],
}
ISSUERS["employment_letter"] = ISSUERS["payslip"]
COUNTIES = ["Wessex", "Mercia", "Calder", "Northfleet", "Avonmouth"]
DISTRICTS = ["Kirklees", "Tameside", "Wirral", "Solihull", "Thanet", "Allerdale", "Broxtowe"]
DEGREES = ["Bachelor of Science with Honours in Geography", "Master of Science in Data Science",
           "Bachelor of Arts with Honours in English Literature", "Master of Engineering in Civil Engineering"]
JOBS = ["Laboratory Technician", "Sous Chef", "Logistics Coordinator", "Staff Nurse", "Quantity Surveyor",
        "Customer Adviser"]
PAYEES = ["DIRECT DEBIT COUNCIL", "CARD PAYMENT CO-OP", "STANDING ORDER RENT", "FASTER PAYMENT RECEIVED",
          "CASH MACHINE", "CARD PAYMENT BOOTS", "DD MOBILE", "INTEREST"]

SANS = ["/usr/share/fonts/opentype/urw-base35/URWGothic-Book.otf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"]
SANS_B = ["/usr/share/fonts/opentype/urw-base35/URWGothic-Demi.otf",
          "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"]
NARROW = ["/usr/share/fonts/opentype/urw-base35/NimbusSansNarrow-Regular.otf",
          "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf"]
NARROW_B = ["/usr/share/fonts/opentype/urw-base35/NimbusSansNarrow-Bold.otf",
            "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf"]
SERIF = ["/usr/share/fonts/opentype/urw-base35/URWBookman-Light.otf",
         "/usr/share/fonts/opentype/urw-base35/C059-Roman.otf", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"]
SERIF_B = ["/usr/share/fonts/opentype/urw-base35/URWBookman-Demi.otf",
           "/usr/share/fonts/opentype/urw-base35/C059-Bold.otf",
           "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"]
SERIF_I = ["/usr/share/fonts/opentype/urw-base35/C059-Italic.otf",
           "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf"]
MONO = ["/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf"]


# -- values ------------------------------------------------------------------
def words(n):
    """A number below 100 in words."""
    if n < 20:
        return UNITS[n]
    return TENS[n // 10] + ("-" + UNITS[n % 10] if n % 10 else "")


def ordinal_words(n):
    if n <= 20:
        return ORD[n - 1]
    if n % 10 == 0:
        return TENS[n // 10][:-1] + "ieth"
    return TENS[n // 10] + "-" + ORD[n % 10 - 1]


def year_words(y):
    if y >= 2000:
        return "two thousand" + (" and " + words(y - 2000) if y > 2000 else "")
    return "%s hundred" % words(y // 100) + (" and " + words(y % 100) if y % 100 else "")


def date(d, style):
    if style == "words_day":  # Fourteenth July 1985
        return "%s %s %d" % (ordinal_words(d.day).capitalize(), MONTHS[d.month - 1], d.year)
    if style == "deed":  # fourteenth day of July, nineteen hundred and eighty-five
        return "%s day of %s, %s" % (ordinal_words(d.day), MONTHS[d.month - 1], year_words(d.year))
    if style == "weekday":
        return "%s, %d %s %d" % (DAYS[d.weekday()], d.day, MONTHS[d.month - 1], d.year)
    if style == "weekday_short":
        return "%s %d %s %d" % (DAYS[d.weekday()][:3], d.day, MONTHS[d.month - 1][:3], d.year)
    if style == "weekday_us":
        return "%s, %s %d, %d" % (DAYS[d.weekday()], MONTHS[d.month - 1], d.day, d.year)
    return "%d %s %d" % (d.day, MONTHS[d.month - 1], d.year)


def female(p):
    return p["given_names"] in FEMALE


def choose(kind, r):
    """The page's sheet, paper and capture, drawn in supportdocs.make before
    the applicant's address (whether it has a flat)."""
    x = r.random()
    sheet = {"birth_certificate": "pair" if x < 0.4 else "corner" if x < 0.7 else "a4",
             "bank_statement": "pair" if x < 0.35 else "till" if x < 0.55 else "a4",
             "payslip": "corner" if x < 0.4 else "pair" if x < 0.65 else "a4",
             "police_certificate": "corner" if x < 0.25 else "a4"}.get(kind, "a4")
    spec = {"sheet": sheet, "flat": r.random() < 0.55,
            "paper": r.choice(["white", "white", "cream", "yellow", "pink", "blue", "green", "buff"]),
            "dotmatrix": kind in ("payslip", "bank_statement") and sheet == "a4" and r.random() < 0.6,
            "phone": sheet == "a4" and r.random() < 0.35}
    spec["turned"] = r.choice([90, 180, 270]) if sheet in ("a4", "pair") and not spec["phone"] and \
        r.random() < 0.35 else 0
    return spec


def address(r, sd, spec):
    """The applicant's address as the case's two lines: a flat on part of
    them ("Flat 3, 12 High Street")."""
    a = sd.address(r)
    if spec["flat"]:
        a[0] = "%s %s, %s" % (r.choice(["Flat", "Flat", "Apartment"]),
                              r.choice([str(r.randint(1, 40)), "%d%s" % (r.randint(1, 9), r.choice("ABCD"))]), a[0])
    return a


def other_address(r, sd, avoid):
    """Another address than avoid: another street or number, another town."""
    def street(line):
        return line.split(", ")[-1]
    while True:
        a = sd.address(r)
        if street(a[0]) != street(avoid[0]) and a[1].split()[0] != avoid[1].split()[0]:
            if r.random() < 0.4:
                a[0] = "Flat %d, %s" % (r.randint(1, 30), a[0])
            return a


def issuer(kind, r):
    s = r.choice(ISSUERS[kind])
    return s % r.choice(COUNTIES if "Constabulary" in s or "General" in s else DISTRICTS) if "%s" in s else s


# -- drawing -----------------------------------------------------------------
class D10:
    """One heldout10 sheet: its regions (pages), fonts and colour marks."""

    def __init__(self, sd, c, r, kind, spec):
        self.sd, self.c, self.r, self.kind, self.spec = sd, c, r, kind, spec
        self.sans, self.sans_b = first_font(SANS, c.body), first_font(SANS_B, c.body)
        self.narrow, self.narrow_b = first_font(NARROW, c.body), first_font(NARROW_B, c.body)
        self.serif, self.serif_b = first_font(SERIF, c.body), first_font(SERIF_B, c.body)
        self.serif_i, self.mono = first_font(SERIF_I, c.body), first_font(MONO, c.body)
        c.body = c.bold = r.choice([self.serif, self.sans, self.narrow])
        self.bold = {self.serif: self.serif_b, self.sans: self.sans_b, self.narrow: self.narrow_b}[c.body]
        self.papers = []  # paper rectangles on the sheet
        self.marks = []   # colour operations applied at the end
        self.brand = r.choice(BRAND)
        self.pt = 10
        self.money_style = r.choice(["pound", "code", "cr"])
        self.plain = spec["dotmatrix"]  # a dot-matrix printer prints no solid bars

    # regions
    def sheet(self, w_in, h_in):
        c = self.c
        c.w, c.h = int(w_in * c.dpi), int(h_in * c.dpi)
        c.img = Image.new("L", (c.w, c.h), 255)
        c.d = ImageDraw.Draw(c.img)
        c.page_pt = [round(w_in * 72, 1), round(h_in * 72, 1)]

    def region(self, x, y, w, h, margin):
        """A paper rectangle; text goes inside its margins."""
        c = self.c
        self.papers.append((x, y, x + w, y + h))
        self.x0, self.x1, self.top, self.bottom = x + margin, x + w - margin, y + margin, y + h - margin
        c.y = self.top

    @property
    def width(self):
        return self.x1 - self.x0

    def tw(self, s, pt, path=None):
        return self.c.font(pt, path).getlength(s)

    def money(self, v, balance=False):
        """"£1,234.56", "GBP 1 234.56" or, for a balance in credit,
        "1,234.56 CR"."""
        s = "{:,.2f}".format(v)
        if self.money_style == "code":
            return "GBP " + s.replace(",", " ")
        if self.money_style == "cr" and balance and v >= 0:
            return s + " CR"
        return "£" + s

    def name(self, p, honorific=True):
        g, s = p["given_names"], p["surname"]
        if not honorific:
            return "%s %s" % (g, s)
        h = self.r.choice(["Mrs", "Ms", "Ms", "Miss", "Dr", "Mrs", "Ms", "Miss", "Dr", "Mx"] if female(p) else
                          ["Mr", "Mr", "Mr", "Dr", "Mr", "Mr", "Mr", "Dr", "Mx"])
        return "%s %s %s" % (h, g, s.upper() if self.r.random() < 0.5 else s)

    # text
    def line(self, s, pt=None, fld=None, path=None, x=None, gap=1.45, right=False, centre=False):
        c = self.c
        pt = pt or self.pt
        while self.tw(s, pt, path) > self.width and pt > 6:
            pt -= 1
        if right:
            x = self.x1 - self.tw(s, pt, path)
        elif centre:
            x = self.x0 + (self.width - self.tw(s, pt, path)) / 2
        c.text(int(self.x0 if x is None else x), c.y, s, pt, (fld, s) if fld else None, path)
        c.y += int(c.px(pt) * gap)

    def flow(self, parts, pt=None, path=None, gap=1.5):
        """Running text; parts (text, field), a field's value never broken."""
        c = self.c
        pt = pt or self.pt
        toks = []
        for s, fld in parts:
            toks += [(s, fld)] if fld else [(w, None) for w in s.split()]
        space, x = self.tw(" ", pt, path), self.x0
        for s, fld in toks:
            glue = not (s[0] in ",.;:)" and x > self.x0)
            w = self.tw(s, pt, path)
            if x > self.x0 and x + space + w > self.x1:
                x = self.x0
                c.y += int(c.px(pt) * gap)
            elif x > self.x0 and glue:
                x += space
            c.text(int(x), c.y, s, pt, (fld, s) if fld else None, path)
            x += w
        c.y += int(c.px(pt) * (gap + 0.5))

    def address_lines(self, addr, how=None):
        """The address as the page prints it: [(text, field)]; the field is
        on the line holding the street."""
        street, rest = addr
        how = how or self.r.choice(["two", "three", "one"])
        if how == "one":
            return [(street + ", " + rest, "address")]
        if how == "three":
            if ", " in street:
                flat, st = street.split(", ", 1)
                return [(flat, None), (st, "address"), (rest, None)]
            town, code = rest.split(" ", 1)
            return [(street, "address"), (town, None), (code, None)]
        return [(street, "address"), (rest, None)]

    # letterhead and footer
    def letterhead(self, iss, sub):
        """A band in the issuer's colour across the region, its name in
        white on it (reverse video), a strap line under it."""
        c = self.c
        h = int(c.px(15) * 2.1)
        y = c.y
        c.d.rectangle([self.x0 - int(0.1 * c.dpi), y, self.x1 + int(0.1 * c.dpi), y + h], fill=30)
        self.marks.append(("brand", (self.x0 - int(0.1 * c.dpi), y, self.x1 + int(0.1 * c.dpi), y + h), self.brand))
        pt = 15
        while self.tw(iss, pt, self.bold) > self.width - int(0.3 * c.dpi) and pt > 8:
            pt -= 1
        f = c.font(pt, self.bold)
        ty = y + (h - c.px(pt)) / 2 - c.px(pt) * 0.1
        c.d.text((self.x0 + int(0.12 * c.dpi), ty), iss, font=f, fill=250)
        l, t, rr, b = c.d.textbbox((self.x0 + int(0.12 * c.dpi), ty), iss, font=f)
        c.runs.append({"text": iss, "x_pt": round((self.x0 + int(0.12 * c.dpi)) * 72.0 / c.dpi, 2),
                       "y_pt": round(ty * 72.0 / c.dpi, 2), "size_pt": pt, "font": os.path.basename(self.bold)})
        c.fields.append({"name": "issuer", "value": iss, "bbox": [l, t, rr - l, b - t]})
        c.y = y + h + int(0.06 * c.dpi)
        self.line(sub, 7, path=self.sans, gap=2.2)

    def footer(self, iss):
        """Three columns of small print at the foot of the region."""
        c, r = self.c, self.r
        cols = [["Registered office:", "%d %s" % (r.randint(1, 99), r.choice(self.sd.STREETS)),
                 r.choice(self.sd.TOWNS).title()],
                ["Registered in England and Wales", "Company no. %08d" % r.randint(10 ** 6, 10 ** 8 - 1),
                 "VAT reg. GB %03d %04d %02d" % (r.randint(100, 999), r.randint(0, 9999), r.randint(0, 99))],
                ["Enquiries 0%d %03d %04d" % (r.randint(300, 345), r.randint(0, 999), r.randint(0, 9999)),
                 "Lines open 8am-6pm", "www.%s.co.uk" % "".join(ch for ch in iss.split()[0].lower() if ch.isalpha())]]
        pt = 6
        y = self.bottom - int(c.px(pt) * 1.3 * 3)
        c.d.line([self.x0, y - int(0.05 * c.dpi), self.x1, y - int(0.05 * c.dpi)], fill=120, width=1)
        colw = self.width / 3
        for k, col in enumerate(cols):
            for j, s in enumerate(col):
                c.text(int(self.x0 + k * colw), y + int(c.px(pt) * 1.3 * j), s, pt, None, self.sans)

    # tables
    def form(self, title, groups, pt=None):
        """A ruled form: a reverse-video title row, then groups whose
        section cell spans their rows (merged), a caption cell and a value
        cell per row. groups: [(section, [(caption, value, field)])]."""
        c = self.c
        pt = pt or self.pt
        lt = max(1, c.dpi // 120)
        x0, x1 = self.x0, self.x1
        xs, xc = x0 + int(self.width * 0.2), x0 + int(self.width * 0.5)
        rh = int(c.px(pt) * 1.9)
        if self.plain:
            c.d.line([x0, c.y + rh - 2, x1, c.y + rh - 2], fill=20, width=lt)
        else:
            c.d.rectangle([x0, c.y, x1, c.y + rh], fill=25)
        c.d.text((x0 + int(0.06 * c.dpi), c.y + int(c.px(pt) * 0.4)), title, font=c.font(pt, self.bold),
                 fill=20 if self.plain else 245)
        c.runs.append({"text": title, "x_pt": round((x0 + int(0.06 * c.dpi)) * 72.0 / c.dpi, 2),
                       "y_pt": round((c.y + int(c.px(pt) * 0.4)) * 72.0 / c.dpi, 2), "size_pt": pt,
                       "font": os.path.basename(self.bold)})
        c.y += rh
        for section, rows in groups:
            y0 = c.y
            for cap, val, fld in rows:
                vpt = pt
                while self.tw(val, vpt) > x1 - xc - int(0.12 * c.dpi) and vpt > 6:
                    vpt -= 1
                c.d.rectangle([xs, c.y, xc, c.y + rh], outline=20, width=lt)
                c.d.rectangle([xc, c.y, x1, c.y + rh], outline=20, width=lt)
                c.text(xs + int(0.05 * c.dpi), c.y + int(c.px(pt) * 0.45), cap, pt - 1, None, self.narrow)
                c.text(xc + int(0.06 * c.dpi), c.y + int(c.px(pt) * 0.4), val, vpt, (fld, val) if fld else None)
                c.y += rh
            c.d.rectangle([x0, y0, xs, c.y], fill=None if self.plain else 215, outline=20, width=lt)
            ws = section.split()
            ty = (y0 + c.y) / 2 - len(ws) * c.px(pt - 1) * 0.65
            for k, w in enumerate(ws):
                c.text(x0 + int(0.05 * c.dpi), int(ty + k * c.px(pt - 1) * 1.3), w, pt - 1, None, self.bold)
        c.y += int(0.25 * c.dpi)

    def ledger(self, head, rows, shares, right=(), pt=None, zebra=True):
        """A table under a reverse-video header row; zebra stripes."""
        c = self.c
        pt = pt or self.pt - 1
        xs = [self.x0 + int(self.width * s) for s in shares] + [self.x1]
        rh = int(c.px(pt) * 1.6)
        for i, row in enumerate([head] + rows):
            if c.y > self.bottom - int(1.4 * c.dpi):
                break
            if i == 0 and self.plain:
                c.d.line([self.x0, c.y + rh - 2, self.x1, c.y + rh - 2], fill=20, width=max(1, c.dpi // 120))
            elif i == 0:
                c.d.rectangle([self.x0, c.y, self.x1, c.y + rh], fill=35)
            elif zebra and i % 2 == 0 and not self.plain:
                c.d.rectangle([self.x0, c.y, self.x1, c.y + rh], fill=228)
            for k, cell in enumerate(row):
                if not cell:
                    continue
                path = self.bold if i == 0 else None
                x = xs[k + 1] - int(0.05 * c.dpi) - self.tw(cell, pt, path) if k in right else xs[k] + int(0.05 * c.dpi)
                if i == 0:
                    c.d.text((int(x), c.y + int(c.px(pt) * 0.25)), cell, font=c.font(pt, path),
                             fill=20 if self.plain else 245)
                    c.runs.append({"text": cell, "x_pt": round(int(x) * 72.0 / c.dpi, 2),
                                   "y_pt": round((c.y + int(c.px(pt) * 0.25)) * 72.0 / c.dpi, 2), "size_pt": pt,
                                   "font": os.path.basename(path)})
                else:
                    c.text(int(x), c.y + int(c.px(pt) * 0.25), cell, pt, None, path)
            c.y += rh
        c.y += int(0.2 * c.dpi)

    def signature(self, x, y, width=1.5):
        c, r = self.c, self.r
        n = r.randint(14, 24)
        pts = [(x + k / (n - 1) * width * c.dpi,
                y + 0.12 * c.dpi * (1 + math.sin(k * r.uniform(0.8, 1.5) + r.uniform(0, 3)))) for k in range(n)]
        self.marks.append(("pen", pts, r.choice(BIRO[:2]), max(2, c.dpi // 80)))

    # colour marks on the person's values (recorded; drawn at the end)
    def annotate(self):
        c, r = self.c, self.r
        by = {f["name"]: f["bbox"] for f in c.fields}
        mine = [n for n in ("name", "surname", "address") if n in by]
        if r.random() < 0.45 and mine:
            self.marks.append(("highlight", by[r.choice(mine)], r.choice(HIGHLIGHT)))
        if r.random() < 0.4:  # ticks in the right margin beside the lines checked
            ink = r.choice(BIRO)
            for n in [n for n in ("name", "birth_date", "address", "account_number") if n in by][:3]:
                x, y, w, h = by[n]
                self.marks.append(("tick", (self.x1 + int(0.06 * c.dpi), y + h // 2), ink))
        dates = [n for n in ("issue_date", "statement_date") if n in by]
        if dates and r.random() < 0.3:
            self.marks.append(("ring", by[dates[0]], r.choice(BIRO)))
        over = [n for n in ("name", "surname", "issue_date", "statement_date") if n in by]
        if r.random() < 0.35 and over:
            k = r.choice(over)
            x, y, w, h = by[k]
            self.marks.append(("stamp", (x + int(w * r.uniform(0.2, 0.8)), y + h // 2), r.choice(STAMP_INK),
                               r.uniform(-20, 20)))
            self.signature(x + int(w * 0.3), y - int(0.05 * c.dpi), 1.2)

    # -- finishing ---------------------------------------------------------
    def dotmatrix(self):
        """The page as a dot-matrix printer prints it on continuous
        stationery: glyphs of dots, the ribbon fading down the page,
        sprocket holes and perforations."""
        c, r = self.c, self.r
        p = max(3, int(round(c.dpi / 62.0)))
        a = np.asarray(c.img, np.float32)
        h, w = a.shape
        gh, gw = h // p, w // p
        ink = 255.0 - a[:gh * p, :gw * p]
        cells = ink.reshape(gh, p, gw, p).mean(axis=(1, 3))
        on = (cells > r.uniform(45, 70)).astype(np.float32)
        yy, xx = np.mgrid[0:p, 0:p].astype(np.float32) - (p - 1) / 2.0
        dot = np.clip(1.2 - np.sqrt(xx ** 2 + yy ** 2) / (p * 0.48), 0, 1)
        fade = np.linspace(r.uniform(0.8, 0.95), r.uniform(0.55, 0.75), gh, dtype=np.float32)[:, None]
        dots = np.kron(on * fade, dot)
        out = np.full((h, w), 252.0, np.float32)
        out[:gh * p, :gw * p] = 252.0 - dots * r.uniform(170, 215)
        c.img = Image.fromarray(np.clip(out, 0, 255).astype(np.uint8), "L")
        c.d = ImageDraw.Draw(c.img)
        hole = int(0.16 * c.dpi)
        step = int(0.5 * c.dpi)
        for y in range(int(0.25 * c.dpi), c.h - hole, step):
            for x in (int(0.12 * c.dpi), c.w - int(0.12 * c.dpi) - hole):
                c.d.ellipse([x, y, x + hole, y + hole], fill=244, outline=150)
        for x in (int(0.5 * c.dpi), c.w - int(0.5 * c.dpi)):
            for y in range(0, c.h, int(0.06 * c.dpi)):
                c.d.line([x, y, x, y + int(0.03 * c.dpi)], fill=190, width=1)

    def colour(self):
        """The grey sheet on coloured paper with the lid around it, then the
        colour marks."""
        c, r = self.c, self.r
        lid = (r.randint(236, 252),) * 3
        img = Image.new("RGB", c.img.size, lid)
        paper = PAPER[self.spec["paper"]]
        s = max(2, c.dpi // 60)  # the paper's edge shadow on the lid
        for x0, y0, x1, y1 in self.papers:
            img.paste(tuple(int(v * 0.8) for v in lid), (x0 + s, y0 + s, x1 + s, y1 + s))
        for x0, y0, x1, y1 in self.papers:
            grey = c.img.crop((x0, y0, x1, y1)).convert("RGB")
            img.paste(ImageChops.multiply(grey, Image.new("RGB", grey.size, paper)), (x0, y0))
        for op in self.marks:
            if op[0] == "brand":
                x0, y0, x1, y1 = op[1]
                sub = np.asarray(c.img.crop(op[1]), np.float32)[..., None] / 255.0
                band = np.where(sub < 0.5, np.array(op[2], np.float32),
                                np.array(paper, np.float32) * np.maximum(sub, 0.9))
                img.paste(Image.fromarray(band.astype(np.uint8), "RGB"), (x0, y0))
        for op in self.marks:
            if op[0] == "highlight":
                x, y, w, h = op[1]
                pad = int(0.04 * c.dpi)
                box = (max(0, x - 2 * pad), max(0, y - 2 * pad), min(img.size[0], x + w + 3 * pad),
                       min(img.size[1], y + h + 3 * pad))
                layer = Image.new("L", (box[2] - box[0], box[3] - box[1]), 0)
                ox, oy = box[0], box[1]
                ImageDraw.Draw(layer).polygon([(x - pad - ox, y - pad - oy + r.randint(-3, 3)),
                                               (x + w + pad - ox, y - pad - oy),
                                               (x + w + pad - ox + r.randint(0, 6), y + h + pad - oy),
                                               (x - pad - ox, y + h + pad - oy + r.randint(-3, 3))], fill=217)
                part = img.crop(box)
                img.paste(ImageChops.multiply(part, Image.new("RGB", part.size, op[2])), box[:2], layer)
            elif op[0] == "pen":
                ImageDraw.Draw(img).line(op[1], fill=op[2], width=op[3], joint="curve")
            elif op[0] == "tick":
                x, y = op[1]
                s = int(0.09 * c.dpi)
                ImageDraw.Draw(img).line([(x, y), (x + s // 2, y + s // 2), (x + int(s * 1.4), y - s)], fill=op[2],
                                         width=max(2, c.dpi // 90), joint="curve")
            elif op[0] == "ring":
                x, y, w, h = op[1]
                p = int(0.08 * c.dpi)
                ImageDraw.Draw(img).ellipse([x - 2 * p, y - p, x + w + 2 * p, y + h + p], outline=op[2],
                                            width=max(2, c.dpi // 100))
            elif op[0] == "stamp":
                img = self.stamp(img, op[1], op[2], op[3])
        c.img = img
        c.d = ImageDraw.Draw(c.img)

    def stamp(self, img, centre, ink, angle):
        """A rubber stamp "CERTIFIED TRUE COPY OF THE ORIGINAL" in
        translucent coloured ink."""
        c, r = self.c, self.r
        w, h = int(2.3 * c.dpi), int(0.75 * c.dpi)
        layer = Image.new("L", (w, h), 0)
        d = ImageDraw.Draw(layer)
        lw = max(2, c.dpi // 70)
        d.rounded_rectangle([lw, lw, w - lw, h - lw], radius=int(0.1 * c.dpi), outline=255, width=lw)
        d.text((w // 2, int(h * 0.32)), "CERTIFIED TRUE COPY", font=c.font(11, self.sans_b), fill=255, anchor="mm")
        d.text((w // 2, int(h * 0.68)), "OF THE ORIGINAL", font=c.font(9, self.sans_b), fill=255, anchor="mm")
        layer = layer.rotate(angle, resample=Image.BILINEAR, expand=True)
        x = max(0, min(img.size[0] - layer.size[0] - 1, centre[0] - layer.size[0] // 2))
        y = max(0, min(img.size[1] - layer.size[1] - 1, centre[1] - layer.size[1] // 2))
        a = r.uniform(0.55, 0.8)
        mask = layer.point(lambda v: int(v * a))
        ink_img = Image.new("RGB", layer.size, ink)
        img.paste(ink_img, (x, y), mask)
        return img

    def turn(self):
        deg = self.spec["turned"]
        if deg:
            self.c.img = self.c.img.rotate(-deg, expand=True)  # clockwise
            self.c.d = ImageDraw.Draw(self.c.img)
        self.c.extra = {"sheet": self.spec["sheet"], "turned": deg, "paper": self.spec["paper"],
                        "capture": "phone" if self.spec["phone"] else "scan",
                        "print": "dot-matrix" if self.spec["dotmatrix"] else "laser"}

    def phone(self):
        """The sheet photographed curled on a desk: the lines bow (most in
        the middle), the lifted part darker, a colour cast, the desk round
        the page; the fields' boxes follow."""
        c, r = self.c, self.r
        w, h = c.img.size
        s = r.uniform(0.82, 0.9)
        ox, oy = (w - w * s) * r.uniform(0.3, 0.7), (h - h * s) * r.uniform(0.25, 0.6)
        b0 = r.uniform(0.006, 0.016) * h * r.choice([-1, 1])
        b1 = r.uniform(-0.006, 0.006) * h

        def bow(u):
            return 4.0 * (u / w) * (1.0 - u / w)

        def fwd(x, y):
            return ox + s * x, oy + s * y + (b0 + b1 * y / h) * bow(x)

        def back(x, y):
            xs = (x - ox) / s
            bw = bow(xs)
            return xs, (y - oy - b0 * bw) / (s + b1 * bw / h)

        n = 16  # a mesh of small quads, each mapped as the curl maps its corners
        mesh = []
        for gy in range(n):
            for gx in range(n):
                x0, x1 = w * gx // n, w * (gx + 1) // n
                y0, y1 = h * gy // n, h * (gy + 1) // n
                quad = back(x0, y0) + back(x0, y1) + back(x1, y1) + back(x1, y0)
                mesh.append(((x0, y0, x1, y1), quad))
        desk = r.choice([(120, 86, 60), (70, 70, 74), (180, 170, 150), (40, 44, 52)])
        img = c.img.convert("RGB").transform((w, h), Image.MESH, mesh, resample=Image.BILINEAR, fillcolor=desk)
        # light: the lifted middle and far edge darker, a colour cast (a small gain map, enlarged)
        gw, gh = 64, 64
        u = (np.arange(gw, dtype=np.float32) + 0.5) / gw
        v = (np.arange(gh, dtype=np.float32) + 0.5) / gh
        lift = 1.0 - r.uniform(0.1, 0.25) * (np.abs(4 * u * (1 - u) - 0.5) * 2) ** 2
        fall = 1.0 - r.uniform(0.0, 0.15) * (v if r.random() < 0.5 else 1 - v)
        gain = fall[:, None] * lift[None, :]
        cast = np.array([r.uniform(0.95, 1.05), 1.0, r.uniform(0.88, 1.02)], np.float32)
        gm = np.clip(gain[..., None] * cast * 255.0, 0, 255).astype(np.uint8)
        c.img = ImageChops.multiply(img, Image.fromarray(gm, "RGB").resize((w, h), Image.BILINEAR))
        c.d = ImageDraw.Draw(c.img)
        for f in c.fields:
            x, y, fw, fh = f["bbox"]
            pts = [fwd(px, py) for px in (x, x + fw / 2.0, x + fw) for py in (y, y + fh)]
            x0, y0 = min(p[0] for p in pts), min(p[1] for p in pts)
            x1, y1 = max(p[0] for p in pts), max(p[1] for p in pts)
            f["bbox"] = [int(x0), int(y0), max(1, int(x1 - x0)), max(1, int(y1 - y0))]


def scanned(img, r):
    """The colour scan of a heldout10 sheet: a small tilt, blur, noise, a
    shade across it, JPEG (supporting.scanned for colour)."""
    fill = (r.randint(200, 245),) * 3
    img = img.convert("RGB").rotate(r.uniform(-2.0, 2.0), resample=Image.BILINEAR, expand=True, fillcolor=fill)
    if r.random() < 0.5:
        img = img.filter(ImageFilter.BoxBlur(r.choice([0.6, 0.8, 1.0])))
    a = np.asarray(img, dtype=np.float32)
    nr = np.random.default_rng(r.randint(0, 2 ** 31))
    tile = nr.standard_normal((257, 263), dtype=np.float32) * r.uniform(2, 7)  # sensor noise, tiled
    h, w = a.shape[:2]
    noise = np.tile(tile, (h // 257 + 1, w // 263 + 1))[:h, :w]
    noise += np.linspace(r.uniform(-10, 0), r.uniform(0, 10), a.shape[1], dtype=np.float32)[None, :]
    a += noise[..., None]
    np.clip(a, 0, 255, out=a)
    buf = io.BytesIO()
    Image.fromarray(a.astype(np.uint8), "RGB").save(buf, "JPEG", quality=r.randint(60, 92))
    return buf.getvalue()


# -- the pages -----------------------------------------------------------------
def window(D, people, addr, refs):
    """The addressee block on the left (one or two names, the address), the
    references right-aligned beside it: refs [(caption, value, field)]."""
    c = D.c
    y0 = c.y
    for nm, fld in people:
        D.line(nm, D.pt + 1, fld, gap=1.35)
    for s, fld in D.address_lines(addr):
        D.line(s, D.pt + 1, fld, gap=1.35)
    yl = c.y
    c.y = y0
    for cap, val, fld in refs:
        vw = D.tw(val, D.pt)
        c.text(int(D.x1 - vw), c.y, val, D.pt, (fld, val) if fld else None)
        c.text(int(D.x1 - vw - D.tw(cap + "  ", D.pt - 1, D.narrow)), c.y + 1, cap, D.pt - 1, None, D.narrow)
        c.y += int(c.px(D.pt) * 1.5)
    c.y = max(c.y, yl) + int(0.25 * c.dpi)


def holders(D, pg, joint):
    """The applicant's name line and, on a joint document, the co-holder's
    (first or second): [(name, field)]."""
    me = (D.name(pg["person"]), "name")
    if not joint:
        return [me]
    other = (D.name(pg["co_holder"]), "other_name")
    return [me, other] if pg["co_first"] else [other, me]


def transactions(D, r, start, end, n, money):
    rows, bal, d = [], r.randint(20000, 900000) / 100.0, start
    for _ in range(n):
        d += datetime.timedelta(days=r.randint(0, 3))
        if d > end:
            break
        amt = r.randint(200, 90000) / 100.0
        credit = r.random() < 0.25
        bal += amt if credit else -amt
        rows.append([date(d, "weekday_short")[:-5], r.choice(PAYEES), "" if credit else "{:,.2f}".format(amt),
                     "{:,.2f}".format(amt) if credit else "", "{:,.2f}".format(bal)])
    return rows, bal


def continuation(D, kind, pg, r):
    """The second page of a pair: the reverse of a certificate, page 2 of a
    statement, the notes to a payslip (no field of the person)."""
    c = D.c
    if kind == "birth_certificate":
        c.y += int(1.0 * c.dpi)
        D.line("CAUTION", 12, path=D.bold, centre=True, gap=1.8)
        D.flow([("THERE ARE OFFENCES RELATING TO FALSIFYING OR ALTERING A CERTIFICATE AND USING OR POSSESSING "
                 "A FALSE CERTIFICATE. PROSECUTION MAY RESULT.", None)], 9, D.bold)
        D.line("WARNING", 12, path=D.bold, centre=True, gap=1.8)
        D.flow([("A CERTIFICATE IS NOT EVIDENCE OF THE IDENTITY OF THE PERSON PRESENTING IT.", None)], 9, D.bold)
        D.flow([("This short certificate contains only the particulars shown on the front. A full certificate, "
                 "which also shows the particulars of the parents, may be ordered from the office that issued "
                 "this one, quoting the entry number.", None)], 8, D.serif_i)
        c.y = D.bottom - int(0.4 * c.dpi)
        D.line("Form %s %d" % (r.choice(["BC", "RBD"]), r.randint(10, 99)), 7, path=D.sans)
        return
    D.line("Page 2 of 2", 8, right=True, path=D.sans)
    if kind == "bank_statement":
        D.line("Your transactions (continued)", D.pt + 1, path=D.bold, gap=1.8)
        rows, bal = transactions(D, r, pg["issue"] - datetime.timedelta(days=14), pg["issue"], r.randint(6, 12),
                                 D.money)
        D.ledger(["Date", "Details", "Paid out", "Paid in", "Balance"], rows, [0, 0.2, 0.55, 0.7, 0.85],
                 right=(2, 3, 4))
        D.line("Closing balance  " + D.money(bal, True), D.pt, path=D.bold, gap=2.0)
        D.flow([("Your eligible deposits with us are protected up to a total of £85,000 by the Financial Services "
                 "Compensation Scheme, the UK's deposit guarantee scheme. Please check this statement and tell us "
                 "at once about any entry you do not recognise.", None)], 8)
    else:
        D.line("Notes to your %s" % ("payslip" if kind == "payslip" else "document"), D.pt + 1, path=D.bold, gap=1.8)
        for k, s in enumerate(["Your tax code is issued by HM Revenue & Customs. If you think it is wrong, "
                               "contact HMRC, not the payroll office.",
                               "Pension contributions are deducted before tax under the net pay arrangement.",
                               "Holiday pay is shown in the period in which the holiday is taken.",
                               "Keep your payslips: you may need them to claim benefits or to apply for credit."]):
            D.flow([("%d. %s" % (k + 1, s), None)], 8)
    D.footer(pg["issuer"])


def caution(D):
    """The warning at the foot of a certificate."""
    c = D.c
    c.y = max(c.y, D.bottom - int(c.px(7) * 4.5))
    D.flow([("CAUTION: THERE ARE OFFENCES RELATING TO FALSIFYING OR ALTERING A CERTIFICATE AND USING OR "
             "POSSESSING A FALSE CERTIFICATE. WARNING: A CERTIFICATE IS NOT EVIDENCE OF IDENTITY.", None)], 7, D.sans_b)


def draw_main(D, kind, pg, r):
    c = D.c
    who, iss, num = pg["person"], pg["issuer"], pg["number"]
    st = D.style
    plain = "%s %s" % (who["given_names"], who["surname"].upper())
    place = r.choice(D.sd.PLACES)
    sub = "%d %s, %s %s  ·  0%d %03d %04d" % (r.randint(1, 200), r.choice(D.sd.STREETS), r.choice(D.sd.TOWNS).title(),
                                             "".join(r.choice("ABDEGHLMNRSTW") for _ in range(2)) +
                                             str(r.randint(1, 20)),
                                             r.randint(100, 345), r.randint(0, 999), r.randint(0, 9999))
    if kind == "birth_certificate":
        D.line(iss, D.pt + 2, "issuer", D.serif_b, centre=True, gap=1.6)
        D.line(r.choice(TITLES[kind]), D.pt + 5, None, D.serif_b, centre=True, gap=2.0)
        D.form("PARTICULARS OF BIRTH", [
            ("CHILD", [("Name and surname", plain, "name"), ("Sex", "Female" if female(who) else "Male", None),
                       ("Date of birth", date(pg["birth_date"], st["birth"]), "birth_date"),
                       ("Place of birth", place, None)]),
            ("ENTRY", [("Registration district", r.choice(DISTRICTS), None), ("Entry no.", num, "reference")])])
        D.flow([("Certified to have been compiled from records in the custody of the Registrar General. Given "
                 "under the seal of the said Office, the", None), (date(pg["issue"], "deed"), "issue_date"),
                (".", None)], D.pt, D.serif_i)
        D.signature(D.x1 - int(1.8 * c.dpi), c.y)
        c.y += int(0.45 * c.dpi)
        D.line("Registrar General", 8, path=D.sans, x=D.x1 - int(1.8 * c.dpi))
        if D.spec["sheet"] != "pair":
            caution(D)
    elif kind == "marriage_certificate":
        D.line(iss, D.pt + 1, "issuer", D.serif_b, centre=True, gap=1.5)
        D.line(r.choice(TITLES[kind]), D.pt + 5, None, D.serif_b, centre=True, gap=1.8)
        D.line("Marriage solemnised at the Register Office in the District of %s" % r.choice(DISTRICTS), D.pt,
               path=D.serif_i, gap=1.8)
        pair = [(who, "name"), (pg["spouse"], "other_name")]
        if not pg["applicant_first"]:
            pair.reverse()
        heads = ["No.", "When married", "Name and surname", "Age", "Condition", "Rank or profession",
                 "Residence at the time of marriage", "Father's name and surname"]
        shares = [0, 0.05, 0.17, 0.37, 0.43, 0.52, 0.66, 0.82, 1.0]
        xs = [D.x0 + int(D.width * s) for s in shares]
        pt = D.pt - 1
        hh, rh = int(c.px(pt) * 3.2), int(c.px(pt) * 2.6)
        y0 = c.y
        lt = max(2, c.dpi // 100)
        c.d.rectangle([xs[0], y0, xs[-1], y0 + hh], fill=30)
        for k, hd in enumerate(heads):  # reverse-video column heads, two lines where needed
            ws, cur, lines = hd.split(), "", []
            for w in ws:
                t = (cur + " " + w).strip()
                if D.tw(t, pt - 1, D.narrow_b) > xs[k + 1] - xs[k] - 6 and cur:
                    lines.append(cur)
                    cur = w
                else:
                    cur = t
            lines.append(cur)
            for j, s in enumerate(lines[:3]):
                c.d.text((xs[k] + 4, y0 + 4 + int(c.px(pt - 1) * 1.2 * j)), s, font=c.font(pt - 1, D.narrow_b),
                         fill=245)
        y = y0 + hh
        for j, (p, fld) in enumerate(pair):
            age = (pg["married"] - p["birth_date"]).days // 365
            father = r.choice([g for g in D.sd.GIVEN if g not in FEMALE]).split()[0]
            cells = [str(r.randint(1, 400)) if j == 0 else "", "", "%s %s" % (p["given_names"], p["surname"]),
                     str(age), r.choice(["Single", "Single", "Divorced"]), r.choice(JOBS),
                     r.choice(D.sd.PLACES), "%s %s" % (father, p["surname"])]
            for k, s in enumerate(cells):
                if k != 1:
                    c.d.rectangle([xs[k], y, xs[k + 1], y + rh], outline=20, width=lt)
                q = pt
                while D.tw(s, q) > xs[k + 1] - xs[k] - 8 and q > 6:
                    q -= 1
                if s:
                    c.text(xs[k] + 4, y + int(rh * 0.3), s, q, (fld, s) if k == 2 else None)
            y += rh
        c.d.rectangle([xs[1], y0 + hh, xs[2], y], outline=20, width=lt)  # "When married" spans both rows
        wm = date(pg["married"], "words_day")
        parts, cur = [], ""
        for w in wm.split():
            t = (cur + " " + w).strip()
            if D.tw(t, pt) > xs[2] - xs[1] - 8 and cur:
                parts.append(cur)
                cur = w
            else:
                cur = t
        parts.append(cur)
        for j, s in enumerate(parts):
            c.text(xs[1] + 4, y0 + hh + int(rh * 0.3) + int(c.px(pt) * 1.3 * j), s, pt)
        c.y = y + int(0.3 * c.dpi)
        D.flow([("Certified to be a true copy of an entry in a register in my custody. Given at the Register "
                 "Office on", None), (date(pg["issue"], st["issue"]), "issue_date"), ("(entry", None),
                (num, "reference"), (").", None)], D.pt, D.serif)
        D.signature(D.x1 - int(2.2 * c.dpi), c.y)
        c.y += int(0.4 * c.dpi)
        D.line("Superintendent Registrar", 8, path=D.sans, x=D.x1 - int(2.2 * c.dpi))
        caution(D)
    elif kind == "bank_statement" and D.spec["sheet"] == "till":
        D.line(iss, D.pt + 1, "issuer", D.bold, centre=True, gap=1.4)
        D.line("%s branch" % r.choice(D.sd.TOWNS).title(), D.pt - 1, centre=True, gap=1.6, path=D.sans)
        D.line("COUNTER STATEMENT", D.pt + 1, path=D.bold, centre=True, gap=1.8)
        for nm, fld in holders(D, pg, pg["joint"]):
            D.line(nm, D.pt, fld, gap=1.3)
        for s, fld in D.address_lines(pg["address"], r.choice(["two", "three"])):
            D.line(s, D.pt, fld, gap=1.3)
        c.y += int(0.1 * c.dpi)
        D.line("Acc " + num, D.pt, None, D.mono, gap=1.3)
        c.text(D.x0, c.y, "Printed ", D.pt, None, D.mono)
        ds = date(pg["issue"], "weekday_short")
        c.text(int(D.x0 + D.tw("Printed ", D.pt, D.mono)), c.y, ds, D.pt, ("statement_date", ds), D.mono)
        c.y += int(c.px(D.pt) * 1.3)
        D.line("%02d:%02d  till %d" % (r.randint(9, 16), r.randint(0, 59), r.randint(1, 9)), D.pt, path=D.mono,
               gap=1.8)
        if pg.get("birth_date_shown"):
            s = date(pg["birth_date"], st["birth"])
            D.line("DOB", D.pt - 1, path=D.mono, gap=1.1)
            D.line(s, D.pt, "birth_date", D.mono, gap=1.6)
        rows, bal = transactions(D, r, pg["issue"] - datetime.timedelta(days=20), pg["issue"], r.randint(6, 10),
                                 D.money)
        for row in rows:
            s = "%s %s" % (row[0][4:], row[1][:14])
            amt = row[2] or row[3]
            c.text(D.x0, c.y, s, D.pt - 1, None, D.mono)
            c.text(int(D.x1 - D.tw(amt, D.pt - 1, D.mono)), c.y, amt, D.pt - 1, None, D.mono)
            c.y += int(c.px(D.pt - 1) * 1.35)
        c.y += int(0.1 * c.dpi)
        s = D.money(bal, True)
        D.line("BALANCE", D.pt, path=D.mono, gap=1.2)
        D.line(s, D.pt + 2, "amount", D.mono, gap=1.8)
        D.line("Thank you for banking with us", D.pt - 2, path=D.sans, centre=True)
        x0, y0, x1, _ = D.papers[-1]  # the slip ends a little below its last line
        D.papers[-1] = (x0, y0, x1, c.y + int(0.5 * c.dpi))
    elif kind in ("bank_statement", "payslip", "utility_bill"):
        band = not D.spec["dotmatrix"]
        if band:
            D.letterhead(iss, sub)
        else:
            D.line(iss, D.pt + 3, "issuer", D.bold, gap=1.3)
            D.line(sub, 7, path=D.sans, gap=2.4)
        sd_key = {"bank_statement": "Statement date", "payslip": "Pay date", "utility_bill": "Bill date"}[kind]
        ds = date(pg["issue"], st["issue"])
        refs = [(sd_key, ds, "statement_date"),
                ({"bank_statement": "Account no.", "payslip": "Payroll no.", "utility_bill": "Account no."}[kind],
                 num, "account_number")]
        window(D, holders(D, pg, pg["joint"] and kind == "bank_statement"), pg["address"], refs)
        D.line(r.choice(TITLES[kind]), D.pt + 4, None, D.bold, gap=1.8)
        if kind == "bank_statement":
            groups = [("ACCOUNT", [("Sort code", "%02d-%02d-%02d" % (r.randint(10, 99), r.randint(0, 99),
                                                                    r.randint(0, 99)), None),
                                   ("Account type", r.choice(["Instant Saver", "Current Account", "Passbook Saver"]),
                                    None)]),
                      ("PERIOD", [("From", date(pg["issue"] - datetime.timedelta(days=30), "plain"), None),
                                  ("To", date(pg["issue"], "plain"), None)])]
            if pg.get("birth_date_shown"):
                groups.insert(0, ("HOLDER", [("Customer's date of birth", date(pg["birth_date"], st["birth"]),
                                              "birth_date")]))
            D.form("YOUR ACCOUNT AT A GLANCE", groups)
            pair = D.spec["sheet"] == "pair"
            end = pg["issue"] - datetime.timedelta(days=15 if pair else 0)
            rows, bal = transactions(D, r, pg["issue"] - datetime.timedelta(days=30), end, r.randint(6, 12), D.money)
            D.ledger(["Date", "Details", "Paid out", "Paid in", "Balance"], rows, [0, 0.2, 0.55, 0.7, 0.85],
                     right=(2, 3, 4))
            s = D.money(bal, True)
            c.text(D.x0, c.y, "Balance carried forward to page 2" if pair else
                   "Balance on " + date(pg["issue"], "plain") + "  ", D.pt, None, D.bold)
            c.text(int(D.x1 - D.tw(s, D.pt + 1, D.bold)), c.y, s, D.pt + 1, ("amount", s), D.bold)
            c.y += int(c.px(D.pt) * 2.0)
        elif kind == "payslip":
            D.form("EMPLOYEE", [("TAX", [("Tax code", r.choice(["1257L", "1257L M1", "BR", "K475"]), None),
                                         ("NI number", "QQ %02d %02d %02d %s" % (r.randint(0, 99), r.randint(0, 99),
                                                                                 r.randint(0, 99), r.choice("ABCD")),
                                          None)]),
                                ("PERIOD", [("Tax period", "Month %d" % ((pg["issue"].month + 8) % 12 + 1), None),
                                            ("Department", r.choice(["Operations", "Catering", "Stores", "Wards"]),
                                             None)])])
            gross = r.randint(150000, 450000) / 100.0
            items = [("Basic salary", gross), ("Overtime", r.randint(0, 40000) / 100.0),
                     ("Income tax", -round(gross * 0.14, 2)), ("National Insurance", -round(gross * 0.06, 2)),
                     ("Pension", -round(gross * 0.05, 2))]
            D.ledger(["Description", "Payments", "Deductions"],
                     [[n, "{:,.2f}".format(v) if v >= 0 else "", "{:,.2f}".format(-v) if v < 0 else ""]
                      for n, v in items], [0, 0.55, 0.78], right=(1, 2), zebra=False)
            s = D.money(sum(v for _, v in items))
            c.text(D.x0, c.y, "NET PAY", D.pt + 1, None, D.bold)
            c.text(int(D.x1 - D.tw(s, D.pt + 1, D.bold)), c.y, s, D.pt + 1, ("amount", s), D.bold)
            c.y += int(c.px(D.pt) * 2.2)
        else:
            kwh = r.randint(250, 3800)
            rate = r.uniform(0.21, 0.34)
            days = r.randint(28, 92)
            stand = days * r.uniform(0.4, 0.6)
            D.form("YOUR SUPPLY", [("METER", [("Meter serial", "%02dM%07d" % (r.randint(0, 99), r.randint(0, 9999999)),
                                               None), ("Reading type", r.choice(["Actual", "Estimated", "Customer"]),
                                                       None)])])
            items = [["Energy used", "%d kWh" % kwh, "{:,.2f}".format(kwh * rate)],
                     ["Standing charge", "%d days" % days, "{:,.2f}".format(stand)],
                     ["VAT at 5%", "", "{:,.2f}".format((kwh * rate + stand) * 0.05)]]
            D.ledger(["Charge", "Quantity", "Amount"], items, [0, 0.5, 0.75], right=(2,))
            s = D.money((kwh * rate + stand) * 1.05)
            c.text(D.x0, c.y, "Total to pay", D.pt + 1, None, D.bold)
            c.text(int(D.x1 - D.tw(s, D.pt + 1, D.bold)), c.y, s, D.pt + 1, ("amount", s), D.bold)
            c.y += int(c.px(D.pt) * 2.2)
        if D.spec["sheet"] == "a4" and not D.plain:
            D.footer(iss)
    elif kind == "employment_letter":
        D.letterhead(iss, sub)
        ds = date(pg["issue"], st["issue"])
        D.line(ds, D.pt, "issue_date", right=True, gap=1.8)
        nm = D.name(who)
        window(D, [(nm, "name")], pg["address"], [])
        D.line("Dear %s," % " ".join(nm.split()[:1] + [who["surname"]]), D.pt + 1, gap=1.8)
        D.line(r.choice(TITLES[kind]), D.pt + 1, None, D.bold, gap=1.8)
        since = pg["issue"] - datetime.timedelta(days=r.randint(300, 4500))
        since = max(since, pg["birth_date"] + datetime.timedelta(days=365 * 18 + 30))  # an adult's first day
        D.flow([("We confirm that", None), (plain, "name"), (", born", None),
                (date(pg["birth_date"], st["birth"]), "birth_date"),
                (", has been employed by %s since %s as a %s. The employment is permanent and full-time and "
                 "the current gross annual salary is %s, paid monthly in arrears." % (
                     iss, date(since, "plain"), r.choice(JOBS), D.money(r.randint(2200000, 5800000) / 100.0)),
                 None)], D.pt + 1)
        D.flow([("The employee is not under notice and no disciplinary proceedings are pending. This letter "
                 "is given at the employee's request and without liability on the part of the company or its "
                 "officers.", None)], D.pt + 1)
        D.line("Yours sincerely,", D.pt + 1, gap=1.5)
        D.signature(D.x0, c.y)
        c.y += int(0.5 * c.dpi)
        D.line("%s %s, People Services" % (r.choice(["Hannah", "Rajesh", "Gareth", "Siobhan"]),
                                          r.choice(["Pryce", "Mistry", "Llewellyn", "Doherty"])), D.pt)
        D.footer(iss)
    elif kind == "tenancy_agreement":
        D.line(iss, D.pt, "issuer", D.sans, right=True, gap=2.0)
        D.line(r.choice(TITLES[kind]).upper(), D.pt + 4, None, D.bold, centre=True, gap=2.0)
        landlord = r.choice(["Mr Desmond Ashworth", "Mrs Priya Kaur", "Fenland Homes Ltd", "Ms Orla Breen"])
        people = [(D.name(who, False), "name")]
        if pg["joint"]:
            other = (D.name(pg["co_holder"], False), "other_name")
            people = [people[0], other] if pg["co_first"] else [other, people[0]]
        parts = [("THIS AGREEMENT is made on the", None), (date(pg["issue"], "deed"), "issue_date"),
                 ("BETWEEN %s (the Landlord) AND" % landlord, None)]
        for k, (nm, fld) in enumerate(people):
            parts += [("(%d)" % (k + 1), None) if len(people) > 1 else ("", None), (nm, fld),
                      ("and" if k == 0 and len(people) > 1 else "", None)]
        parts.append(("(the %s)." % ("Tenants" if len(people) > 1 else "Occupier"), None))
        D.flow([p for p in parts if p[0]], D.pt + 1, D.serif)
        lines = D.address_lines(pg["address"], r.choice(["three", "two"]))
        D.form("THE PREMISES AND THE RENT", [
            ("PREMISES", [("Address" if k == 0 else "", s, fld) for k, (s, fld) in enumerate(lines)]),
            ("RENT", [("Rent", D.money(r.randint(450, 2400)) + " per month", "amount"),
                      ("Deposit", D.money(r.randint(450, 2400)), None), ("Payable", "monthly in advance", None)])])
        for k, s in enumerate(["The Occupier may use the premises as a private residence only and shall not "
                               "sublet or part with possession of them.",
                               "Either party may end this agreement by giving not less than one month's notice "
                               "in writing, ending on a rent day.",
                               "The Landlord shall keep in repair the structure and exterior of the premises "
                               "and the installations for the supply of water, gas and electricity.",
                               "The deposit is protected in an authorised tenancy deposit scheme within thirty "
                               "days of receipt."]):
            D.flow([("%d. %s" % (k + 1, s), None)], D.pt - 1)
        for k, who_signs in enumerate(["Signed by the Landlord",
                                       "Signed by the Tenants" if pg["joint"] else "Signed by the Occupier"]):
            D.signature(D.x0 + k * int(D.width * 0.5), c.y)
            c.text(D.x0 + k * int(D.width * 0.5), c.y + int(0.45 * c.dpi), who_signs, 8, None, D.sans)
        c.y += int(0.8 * c.dpi)
    elif kind == "police_certificate":
        D.line(iss, D.pt + 1, "issuer", D.bold, centre=True, gap=1.5)
        D.line(r.choice(TITLES[kind]).upper(), D.pt + 4, None, D.bold, centre=True, gap=2.0)
        D.form("SUBJECT OF THE CHECK", [
            ("APPLICANT", [("Surname", who["surname"].upper(), "surname"), ("Forenames", who["given_names"],
                                                                             "given_names"),
                           ("Date of birth", date(pg["birth_date"], st["birth"]), "birth_date"),
                           ("Place of birth", place, None)]),
            ("RESULT", [("Reference", num, "reference"), ("Date of issue", date(pg["issue"], st["issue"]),
                                                           "issue_date"),
                        ("Outcome", r.choice(["No Live Trace", "No trace on PNC"]), None)])])
        D.flow([("The Police National Computer has been searched against the particulars above. No convictions, "
                 "cautions, reprimands or warnings are recorded. This disclosure reflects the records held on "
                 "the date of issue only.", None)], D.pt - 1)
        D.signature(D.x1 - int(1.8 * c.dpi), c.y)
        c.y += int(0.45 * c.dpi)
        D.line("Disclosure Manager", 8, path=D.sans, x=D.x1 - int(1.8 * c.dpi))
    else:  # diploma
        c.y += int(0.4 * c.dpi)
        D.line(iss, 20, "issuer", D.serif_b, centre=True, gap=2.4)
        D.line("Be it known that", 13, None, D.serif_i, centre=True, gap=2.0)
        D.line(plain if r.random() < 0.5 else "%s %s" % (who["given_names"], who["surname"]), 24, "name", D.serif_b,
               centre=True, gap=1.8)
        b = date(pg["birth_date"], st["birth"])
        lead = "born " + ("on the " if st["birth"] == "deed" else "")
        x = D.x0 + (D.width - D.tw(lead + b, 11, D.serif_i)) / 2
        c.text(int(x), c.y, lead, 11, None, D.serif_i)
        c.text(int(x + D.tw(lead, 11, D.serif_i)), c.y, b, 11, ("birth_date", b), D.serif_i)
        c.y += int(c.px(11) * 2.2)
        D.line("having fulfilled the requirements prescribed by the Senate,", 12, None, D.serif_i, centre=True)
        D.line("was admitted to the degree of", 12, None, D.serif_i, centre=True, gap=2.0)
        D.line(r.choice(DEGREES), 17, None, D.serif_b, centre=True, gap=2.2)
        lead = "at a Congregation held on the "
        ds = date(pg["issue"], "deed")
        pt = 11
        while D.tw(lead + ds, pt, D.serif_i) > D.width and pt > 7:
            pt -= 1
        x = D.x0 + (D.width - D.tw(lead + ds, pt, D.serif_i)) / 2
        c.text(int(x), c.y, lead, pt, None, D.serif_i)
        c.text(int(x + D.tw(lead, pt, D.serif_i)), c.y, ds, pt, ("issue_date", ds), D.serif_i)
        c.y += int(c.px(pt) * 3.0)
        for k, role in enumerate(["Vice-Chancellor", "Academic Registrar"]):
            x = D.x0 + int(0.2 * c.dpi) + k * int(D.width * 0.55)
            D.signature(x, c.y)
            c.text(x, c.y + int(0.4 * c.dpi), role, 9, None, D.sans)
        c.y += int(0.9 * c.dpi)
        D.line("Certificate no. " + num, 8, "reference", D.sans, centre=True)


def draw10(sd, kind, c, r, truth, spec):
    """Draws a heldout10 sheet on c (its image, fields and runs); the page
    is in English (None for ocr_langs)."""
    pg = truth["page"]
    D = D10(sd, c, r, kind, spec)
    D.style = {"birth": r.choice(["words_day", "deed", "weekday", "weekday_short", "weekday_us"]),
               "issue": r.choice(["weekday", "weekday_short", "weekday_us", "words_day"])}
    dpi = c.dpi
    sheet = spec["sheet"]
    if sheet == "pair":
        D.sheet(11.69, 8.27)
        D.pt = 9
        boxes = [(int(0.12 * dpi), int(0.15 * dpi)), (int(5.98 * dpi), int(0.1 * dpi))]
        order = [0, 1] if r.random() < 0.67 else [1, 0]
        D.region(boxes[order[0]][0], boxes[order[0]][1], int(5.55 * dpi), int(7.95 * dpi), int(0.45 * dpi))
        draw_main(D, kind, pg, r)
        main = (D.x0, D.x1, D.top, D.bottom)
        D.region(boxes[order[1]][0], boxes[order[1]][1], int(5.55 * dpi), int(7.95 * dpi), int(0.45 * dpi))
        continuation(D, kind, pg, r)
        D.x0, D.x1, D.top, D.bottom = main
    elif sheet == "corner":
        D.sheet(8.27, 11.69)
        D.pt = 9
        D.region(int(r.uniform(0.03, 0.2) * dpi), int(r.uniform(0.03, 0.2) * dpi), int(5.83 * dpi), int(8.27 * dpi),
                 int(0.45 * dpi))
        draw_main(D, kind, pg, r)
    elif sheet == "till":
        D.sheet(8.27, 11.69)
        D.pt = 9
        D.region(int(r.uniform(1.5, 3.6) * dpi), int(r.uniform(0.3, 1.2) * dpi), int(3.15 * dpi), int(9.6 * dpi),
                 int(0.22 * dpi))
        draw_main(D, kind, pg, r)
    else:
        if kind == "marriage_certificate":
            D.sheet(11.69, 8.27)
        else:
            D.sheet(8.27, 11.69)
        D.pt = r.choice([10, 11])
        D.region(0, 0, c.w, c.h, int(0.75 * dpi))
        draw_main(D, kind, pg, r)
    D.annotate()
    if spec["dotmatrix"]:
        D.dotmatrix()
    D.colour()
    if spec["phone"]:
        D.phone()
    D.turn()
    return None
