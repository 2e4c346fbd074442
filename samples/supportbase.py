"""What every supporting-page family of samples/supportdocs.py shares: the
lists it draws names, streets, issuers and months from, the applicant and
a stranger (person, stranger, address), the date styles of the first
families (fmt_date), the page (Canvas: an A4 sheet at a dpi that records
every run of text and every field's box for the truth) and three page
pieces the first four families use (filler text, a plain table, an amount).
"""
import datetime
import os

from PIL import Image, ImageDraw, ImageFont

import supporting  # (fonts, filler words, payees)

SURNAMES = ["Smith", "Müller", "García", "Nowak", "Rossi", "Johansson", "Okafor", "Dubois",
            "Kowalski", "Papadopoulos", "Schmidt", "Fernández", "Brown", "Hansen", "Novak",
            "Taylor", "Wójcik", "Moreau", "Bianchi", "Andersson", "Adeyemi", "Khan"]
GIVEN = ["Anna", "James", "Łukasz", "María José", "Chloé", "Mohammed", "Emily Rose", "Jörg",
         "Sofia", "Thomas", "Aisha", "Pierre", "Oliver", "Eva Maria", "Ibrahim", "Grace",
         "Henrik", "Lucia", "Daniel", "Fatima", "Kenji", "Olga"]
STREETS = ["High Street", "Station Road", "Church Lane", "Park Avenue", "Mill Road",
           "Victoria Street", "Green Lane", "Queen Street", "London Road", "Elm Grove",
           "Orchard Close", "Riverside Drive"]
TOWNS = ["LONDON", "MANCHESTER", "BRISTOL", "LEEDS", "GLASGOW", "CARDIFF", "YORK", "OXFORD",
         "NORWICH", "EXETER"]
BANKS = ["Northbridge Bank plc", "Albion Savings Bank", "Crown Mutual Bank", "Harbour Bank"]
EMPLOYERS = ["Acme Engineering Ltd", "Bluewater Logistics Ltd", "Kestrel Software Ltd",
             "Greenfield Foods plc", "St Mary's Hospital Trust"]
SUPPLIERS = ["Brightside Energy", "Thames Valley Water", "Northern Gas & Power"]
UNIVERSITIES = ["University of Westhaven", "Kingsbridge University", "Royal College of Arts"]
POSITIONS = ["Software Engineer", "Nurse", "Warehouse Supervisor", "Accountant", "Chef"]
DEGREES = ["Bachelor of Science in Chemistry", "Master of Arts in History",
           "Bachelor of Engineering", "Master of Business Administration"]
PLACES = ["Leeds", "Warsaw", "Lagos", "Madrid", "Hamburg", "Lyon", "Athens", "Glasgow"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def person(r, surname=None):
    birth = datetime.date(1955, 1, 1) + datetime.timedelta(days=r.randint(0, 365 * 45))
    return {"surname": surname or r.choice(SURNAMES), "given_names": r.choice(GIVEN),
            "birth_date": birth}


def stranger(r, p):
    while True:
        q = person(r)
        if q["surname"] != p["surname"] and q["given_names"].split()[0] != p["given_names"].split()[0]:
            return q


def address(r):
    return ["%d %s" % (r.randint(1, 220), r.choice(STREETS)),
            "%s %s%d %d%s" % (r.choice(TOWNS), "".join(r.choice("ABCDEFGHJKLMNPRSTW") for _ in range(2)),
                              r.randint(1, 20), r.randint(1, 9),
                              "".join(r.choice("ABDEFGHJLNPQRSTUWXYZ") for _ in range(2)))]


def fmt_date(d, style):
    if style == "long":
        return "%d %s %d" % (d.day, MONTHS[d.month - 1], d.year)
    if style == "us":
        return "%s %d, %d" % (MONTHS[d.month - 1], d.day, d.year)
    if style == "dots":
        return d.strftime("%d.%m.%Y")
    if style == "slash":
        return d.strftime("%d/%m/%Y")
    if style == "iso":
        return d.isoformat()
    return d.strftime("%d %b %Y").upper()


class Canvas:
    """An A4 page at dpi that records every run of text it draws."""

    def __init__(self, r, dpi, fontlist):
        self.r, self.dpi = r, dpi
        self.w, self.h = int(8.27 * dpi), int(11.69 * dpi)
        self.img = Image.new("L", (self.w, self.h), r.randint(238, 255))
        self.d = ImageDraw.Draw(self.img)
        serif = [p for p, mono in fontlist if not mono]
        self.body = r.choice(serif)
        self.bold = self.body
        self.margin = int(0.9 * dpi)
        self.y = self.margin
        self.runs = []
        self.fields = []
        self.cache = {}

    def px(self, pt):
        return pt * self.dpi / 72.0

    def font(self, pt, path=None):
        key = (path or self.body, pt)
        if key not in self.cache:
            self.cache[key] = ImageFont.truetype(key[0], max(6, int(round(self.px(pt)))))
        return self.cache[key]

    def text(self, x, y, s, pt, field=None, path=None):
        """Draws s with its top-left at (x, y) pixels; returns its box."""
        f = self.font(pt, path)
        self.d.text((x, y), s, font=f, fill=self.r.randint(0, 40))
        l, t, rr, b = self.d.textbbox((x, y), s, font=f)
        self.runs.append({"text": s, "x_pt": round(x * 72.0 / self.dpi, 2),
                          "y_pt": round(y * 72.0 / self.dpi, 2), "size_pt": pt,
                          "font": os.path.basename(path or self.body)})
        box = [l, t, rr - l, b - t]
        if field:
            self.fields.append({"name": field[0], "value": field[1], "bbox": box})
        return box

    def width(self, s, pt):
        return self.font(pt).getlength(s)

    def line(self, s, pt, x=None, field=None, gap=1.45):
        self.text(self.margin if x is None else x, self.y, s, pt, field)
        self.y += int(self.px(pt) * gap)

    def para(self, s, pt):
        words, cur = s.split(), ""
        for w in words:
            t = (cur + " " + w).strip()
            if self.width(t, pt) > self.w - 2 * self.margin and cur:
                self.line(cur, pt)
                cur = w
            else:
                cur = t
        if cur:
            self.line(cur, pt)
        self.y += int(self.px(pt) * 0.5)

def filler(c, r, n=2):
    for _ in range(n):
        c.para(" ".join(r.choice(supporting.LOREM) for _ in range(r.randint(25, 45))).capitalize() + ".", 10)


def table(c, r, header, rows, pt=9):
    span = c.w - 2 * c.margin
    xs = [c.margin + int(span * k / len(header)) for k in range(len(header))]
    for row in [header] + rows:
        if c.y > c.h - c.margin - int(1.2 * c.dpi):
            break
        for x, cell in zip(xs, row):
            c.text(x, c.y, cell, pt)
        c.y += int(c.px(pt) * 1.4)
    c.y += int(c.px(pt))


def money(r, lo=10, hi=3000):
    return "%.2f" % (r.randint(lo * 100, hi * 100) / 100)
