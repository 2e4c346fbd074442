"""The heldout12 supporting pages (samples/supportdocs.py --layouts heldout12),
written blind on 2026-12-07 by a session that tunes no rule and never
screened any of its pages. English pages of UK, US, Canadian and Australian
issuers, the applicant's address in that country's order, drawn unlike
heldout4..heldout11:

- birth certificates as an extract of the register of births (the entry as
  one table row under its column heads, portrait or landscape); marriage
  certificates with the two parties in shaded boxes side by side; bank
  statements as ledgers with alternating row shading and a running balance
  (landscape on four in ten); payslips with the employee's details in a
  shaded box; employment letters on a letterhead with a logo and a shaded
  sidebar of the employer's details (PO box, telephone, web), the birth
  date and the start inside sentences; utility bills as mobile-phone bills,
  council-tax / property-tax bills or water bills with a meter-reading
  table; leases with the parties in a shaded box; police certificates with
  a QR-like square and a reference block; university enrolment
  certificates (the diploma type);
- names with titles and suffixes (`Dr. Lukasz Nowak`, `Lukasz Nowak Jr.`,
  `Anna Rossi (nee Smith)`); a salutation with initials only;
- dates `14th March 2023`, `Mar 14, 2023`, `14.3.2023`, `2023-03-14T10:22`,
  a statement period `01/02/2023 - 28/02/2023`, dates inside sentences,
  the issue date of letters and bills headed by its weekday on about half
  (`Tuesday, 14 March 2023`); the defect weekday_mismatch prints a weekday
  the date did not fall on (SUPPORT_DATE_WEEKDAY_MISMATCH);
- addresses under a c/o line, with a flat and floor line, `1203-58 King
  Street West`, `Springfield, IL 62704`, `BONDI NSW 2026`;
- captures (truth `capture`): a phone photo on a desk (perspective, warm
  light, a shadow; the field boxes follow), a crumpled page flattened, a
  low-toner print with a faded streak, a blue carbon copy, a two-page
  spread scanned together, heavy JPEG, or a flatbed scan; a yellow sticky
  note over a corner (never over a field) on one in five (truth `marks`).
"""
import datetime
import io

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

import supportdocs11b as b11  # the perspective helpers (homography, moving the field boxes)

U = "/usr/share/fonts/opentype/urw-base35/"
N = "/usr/share/fonts/truetype/noto/"
FACES = {"gothic": (U + "URWGothic-Book.otf", U + "URWGothic-Demi.otf"),
         "bookman": (U + "URWBookman-Light.otf", U + "URWBookman-Demi.otf"),
         "c059": (U + "C059-Roman.otf", U + "C059-Bold.otf"),
         "narrow": (U + "NimbusSansNarrow-Regular.otf", U + "NimbusSansNarrow-Bold.otf"),
         "display": (N + "NotoSansDisplay-Regular.ttf", N + "NotoSansDisplay-Bold.ttf")}
HAND = "/usr/share/fonts/truetype/breip/Breip.ttf"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FEMALE = {"Anna", "María José", "Chloé", "Emily Rose", "Sofia", "Aisha", "Eva Maria", "Grace", "Lucia",
          "Fatima", "Olga"}
COUNTRIES = ["uk", "us", "ca", "au"]
STREETS = {"uk": ["Albert Road", "Cromwell Street", "Beech Avenue", "Marlborough Crescent"],
           "us": ["Maple Ave", "W Jefferson St", "Lakeview Dr", "N Oak Blvd"],
           "ca": ["King Street West", "Rue Sainte-Catherine", "Bathurst Street", "Granville Street"],
           "au": ["Beach Road", "Wattle Street", "Bridge Road", "Hopetoun Avenue"]}
TOWNS = {"uk": [("LEEDS", "LS6 1AB"), ("BATH", "BA2 3QT"), ("DERBY", "DE1 2FH"), ("PERTH", "PH1 5RT")],
         "us": [("Springfield, IL", "62704"), ("Dayton, OH", "45402"), ("Tacoma, WA", "98402"),
                ("Macon, GA", "31201")],
         "ca": [("Toronto ON", "M5H 2N2"), ("Montréal QC", "H3B 1A7"), ("Vancouver BC", "V6C 1T2"),
                ("Halifax NS", "B3J 1S9")],
         "au": [("BONDI NSW", "2026"), ("FITZROY VIC", "3065"), ("NEW FARM QLD", "4005"),
                ("SUBIACO WA", "6008")]}
COUNTRY_NAME = {"uk": "United Kingdom", "us": "USA", "ca": "Canada", "au": "Australia"}
ISSUERS = {
    "birth_certificate": ["General Register Office", "Office of Vital Records", "Vital Statistics Agency",
                          "Registry of Births, Deaths and Marriages"],
    "marriage_certificate": ["General Register Office", "County Clerk - Marriage Records", "Vital Statistics Agency",
                             "Registry of Births, Deaths and Marriages"],
    "bank_statement": ["Wexley Federal Credit Union", "Coastline Building Society", "Maplegate Trust Bank",
                       "Southern Cross Savings Bank"],
    "payslip": ["Harrowgate Dental Group", "Pinecrest Freight Inc.", "Laurier Home Care Ltd.",
                "Gumtree Hospitality Pty Ltd"],
    "employment_letter": ["Orchard & Vale Architects LLP", "Summit Ridge Analytics Inc.", "Northern Lights Transit Corp.",
                          "Kookaburra Civil Works Pty Ltd"],
    "tenancy_agreement": ["Keystone Lettings", "Bayview Property Management LLC", "Rideau Rentals Inc.",
                          "Coastal Realty Pty Ltd"],
    "police_certificate": ["Disclosure and Barring Service", "State Police - Criminal History Unit",
                           "Royal Canadian Mounted Police",
                           "Australian Federal Police - National Police Checks"],
    "diploma": ["University of Eastmoor", "Lakeshore State University", "Université Laurentienne de Québec",
                "University of the Coral Coast"]}
WEEKDAY_KINDS = {"employment_letter", "utility_bill", "tenancy_agreement", "payslip"}
# Look-alike digits (a misread day or year digit that could fall on the
# printed weekday): the mismatch's weekday avoids all their days.
LOOK = {"0": "689", "1": "47", "2": "7", "3": "58", "4": "19", "5": "368", "6": "058", "7": "12",
        "8": "03569", "9": "08"}


# -- what the page is ------------------------------------------------------------
def choose(kind, r):
    """The page's country, face, capture, marks and styles, drawn in
    supportdocs.make before the applicant's address."""
    z = r.random()
    capture = ("photo" if z < 0.22 else "crumpled" if z < 0.36 else "lowtoner" if z < 0.50 else
               "carbon" if z < 0.60 else "spread" if z < 0.70 else "jpeg" if z < 0.80 else "flatbed")
    return {"country": r.choice(COUNTRIES), "face": r.choice(sorted(FACES)), "capture": capture,
            "marks": ["note"] if r.random() < 0.2 else [],
            "landscape": (kind == "bank_statement" and r.random() < 0.4) or
                         (kind == "birth_certificate" and r.random() < 0.6),
            "weekday": kind in WEEKDAY_KINDS and r.random() < 0.5,
            "variant": r.choice(["mobile", "council", "water"]) if kind == "utility_bill" else "",
            "name": r.choice(["plain", "title", "suffix", "nee", "plain"]),
            "addr": r.choice(["case", "case", "co", "caps", "floor"]),
            "date": r.choice(["ord", "usabbr", "dotnum", "long", "ord"]),
            "birth": r.choice(["ord", "usabbr", "dotnum", "iso", "long"])}


def _address(r, country, flat):
    street, (town, code) = r.choice(STREETS[country]), r.choice(TOWNS[country])
    n = r.randint(2, 240)
    unit = r.randint(1, 19)
    if country == "uk":
        line = ("Flat %d, %d %s" % (unit, n, street)) if flat else "%d %s" % (n, street)
        return [line, "%s %s" % (town, code)]
    if country == "us":
        return ["%d %s%s" % (n * 7, street, " Apt %d%s" % (unit, r.choice("AB")) if flat else ""),
                "%s %s" % (town, code)]
    if country == "ca":
        return ["%s%d %s" % ("%d-" % (unit * 100 + 3) if flat else "", n, street), "%s  %s" % (town, code)]
    return ["%s%d %s" % ("Unit %d, " % unit if flat else "", n, street), "%s %s" % (town, code)]


def address(r, spec):
    """The applicant's address as the case's two lines, in the page's
    country's order (a flat or unit on about half)."""
    return _address(r, spec["country"], r.random() < 0.5)


def street_only(line):
    """The street line without a UK flat or Australian unit before it."""
    head, _, rest = line.partition(", ")
    return rest if rest and head.split()[0] in ("Flat", "Unit") else line


def other_address(r, spec, avoid):
    while True:
        a = _address(r, spec["country"], r.random() < 0.5)
        if street_only(a[0]) != street_only(avoid[0]) and a[1] != avoid[1]:
            return a


def issuer(kind, r, spec):
    """The issuer: of the page's country, a bill's of its variant."""
    if kind == "utility_bill":
        return {"mobile": r.choice(["Skylark Mobile", "Maplewave Wireless"]), "water": "Riverbend Water Authority",
                "council": "Borough Council of Eastmoor" if spec["country"] == "uk" else
                "City of Harbourside - Property Tax"}[spec["variant"]]
    return ISSUERS[kind][COUNTRIES.index(spec["country"]) % len(ISSUERS[kind])]


def extra_defects(kind):
    """heldout12's defect beyond every family's: the weekday left when the
    date was edited, on letters and bills."""
    return ["weekday_mismatch"] if kind in WEEKDAY_KINDS else []


def variants(d):
    """The days one look-alike digit off in the day or the year's last digit."""
    out = set()
    for text in {"%d" % d.day, "%02d" % d.day}:
        for k, ch in enumerate(text):
            for alt in LOOK[ch]:
                try:
                    out.add(datetime.date(d.year, d.month, int(text[:k] + alt + text[k + 1:])))
                except ValueError:
                    pass
    y = "%d" % d.year
    for alt in LOOK[y[-1]]:
        try:
            out.add(datetime.date(int(y[:-1] + alt), d.month, d.day))
        except ValueError:
            pass
    return out


def weekday_edit(pg, r):
    """A weekday_mismatch page: the weekday printed before the issue date,
    one the date did not fall on nor any look-alike reading of it (the
    date moved back a day or two when none is left)."""
    for _ in range(8):
        d = pg["issue"]
        bad = {d.weekday()} | {v.weekday() for v in variants(d)}
        left = [k for k in range(7) if k not in bad]
        if left:
            pg["weekday_of"] = r.choice(left)
            return
        pg["issue"] = d - datetime.timedelta(days=1)
    pg["weekday_of"] = (pg["issue"].weekday() + 3) % 7


def ordinal(n):
    return "%d%s" % (n, "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def date(d, style):
    if style == "ord":
        return "%s %s %d" % (ordinal(d.day), MONTHS[d.month - 1], d.year)
    if style == "usabbr":
        return "%s %d, %d" % (MONTHS[d.month - 1][:3], d.day, d.year)
    if style == "dotnum":
        return "%d.%d.%d" % (d.day, d.month, d.year)
    if style == "iso":
        return d.isoformat()
    if style == "slash":
        return d.strftime("%d/%m/%Y")
    if style == "usslash":
        return d.strftime("%m/%d/%Y")
    return "%d %s %d" % (d.day, MONTHS[d.month - 1], d.year)


def issue_date(P):
    """The issue date as printed: with its weekday on letters and bills
    that print one (another day's weekday on a weekday_mismatch page)."""
    pg, spec = P.pg, P.spec
    d = pg["issue"]
    if spec["weekday"] or "weekday_of" in pg:
        wd = WEEKDAYS[pg.get("weekday_of", d.weekday())]
        P.c.extra["weekday"] = wd
        s = spec["date"]
        if s == "usabbr" or spec["country"] == "us":
            return "%s, %s %d, %d" % (wd, MONTHS[d.month - 1], d.day, d.year)
        if s == "ord":
            return "%s %s" % (wd, date(d, "ord"))
        return "%s, %s" % (wd, date(d, "long"))
    return date(d, spec["date"])


def name(P, p):
    g, s = p["given_names"], p["surname"]
    how, fem = P.spec["name"], g in FEMALE
    if how == "title":
        t = P.r.choice(["Dr.", "Dr"]) if P.r.random() < 0.4 else ("Ms." if fem else "Mr.")
        return "%s %s %s" % (t, g, s)
    if how == "suffix" and not fem:
        return "%s %s %s" % (g, s, P.r.choice(["Jr.", "Sr.", "III"]))
    if how in ("nee", "suffix") and fem:
        return "%s %s (née %s)" % (g, s, P.r.choice(["Hartley", "Okoro", "Lindqvist", "Ferreira"]))
    return "%s %s" % (g, s)


def salutation(p):
    return "Dear %s. %s," % (p["given_names"][0], p["surname"])


# -- drawing -----------------------------------------------------------------------
class P12:
    """One heldout12 page being drawn: the canvas, the face, mm helpers."""

    def __init__(self, sd, c, r, kind, spec, pg):
        self.sd, self.c, self.r, self.kind, self.spec, self.pg = sd, c, r, kind, spec, pg
        self.reg, self.bold = FACES[spec["face"]]
        if spec["landscape"]:
            c.w, c.h = c.h, c.w
            c.img = Image.new("L", (c.w, c.h), c.img.getpixel((0, 0)))
            c.d = ImageDraw.Draw(c.img)
            c.page_pt = [841.9, 595.3]
        self.W, self.H = c.w * 25.4 / c.dpi, c.h * 25.4 / c.dpi

    def px(self, mm):
        return int(mm / 25.4 * self.c.dpi)

    def t(self, x, y, s, pt, fld=None, bold=False):
        """Text at (x, y) mm; returns its right edge in mm."""
        box = self.c.text(self.px(x), self.px(y), s, pt, (fld, s) if fld else None, self.bold if bold else self.reg)
        return (box[0] + box[2]) * 25.4 / self.c.dpi

    def w(self, s, pt, bold=False):
        return self.c.font(pt, self.bold if bold else self.reg).getlength(s) * 25.4 / self.c.dpi

    def right(self, x1, y, s, pt, fld=None, bold=False):
        self.t(x1 - self.w(s, pt, bold), y, s, pt, fld, bold)

    def runs(self, x, y, parts, pt):
        """Consecutive runs [(text, field or None)] on one line."""
        for s, fld in parts:
            if s:
                self.t(x, y, s, pt, fld)
                x += self.w(s, pt)
        return x

    def box(self, x, y, w, h, shade=232, outline=None):
        self.c.d.rectangle([self.px(x), self.px(y), self.px(x + w), self.px(y + h)], fill=shade,
                           outline=outline, width=max(1, self.c.dpi // 150))

    def rule(self, x0, y, x1, width=1, fill=60):
        self.c.d.line([self.px(x0), self.px(y), self.px(x1), self.px(y)], fill=fill,
                      width=max(1, width * self.c.dpi // 150))

    def para(self, x, y, x1, s, pt, gap=1.5):
        """Wrapped prose; returns the y below it."""
        line = ""
        for word in s.split():
            t = (line + " " + word).strip()
            if self.w(t, pt) > x1 - x and line:
                self.t(x, y, line, pt)
                y += pt * 0.3528 * gap
                line = word
            else:
                line = t
        if line:
            self.t(x, y, line, pt)
            y += pt * 0.3528 * gap
        return y

    def logo(self, x, y, size):
        """A logo mark: a ring with a triangle, stacked bars or a diamond."""
        c, k = self.c, self.r.randint(0, 2)
        x0, y0, s = self.px(x), self.px(y), self.px(size)
        if k == 0:
            c.d.ellipse([x0, y0, x0 + s, y0 + s], outline=70, width=max(2, s // 10))
            c.d.polygon([(x0 + s // 2, y0 + s // 5), (x0 + s // 5, y0 + 3 * s // 4), (x0 + 4 * s // 5, y0 + 3 * s // 4)],
                        fill=90)
        elif k == 1:
            for j in range(4):
                c.d.rectangle([x0, y0 + j * s // 4, x0 + s * (4 - j) // 4, y0 + j * s // 4 + s // 6], fill=60 + 25 * j)
        else:
            c.d.polygon([(x0 + s // 2, y0), (x0 + s, y0 + s // 2), (x0 + s // 2, y0 + s), (x0, y0 + s // 2)], fill=80)
            c.d.polygon([(x0 + s // 2, y0 + s // 4), (x0 + 3 * s // 4, y0 + s // 2), (x0 + s // 2, y0 + 3 * s // 4),
                         (x0 + s // 4, y0 + s // 2)], fill=235)

    def addressee(self, x, y, p, pt=10.5, name_field=True):
        """The name and address block; returns the y below it."""
        spec, addr = self.spec, self.pg["address"]
        lh = pt * 0.3528 * 1.45
        nm = name(self, p)
        self.t(x, y, nm, pt, "name" if name_field else None)
        y += lh
        if spec["addr"] == "co":
            self.t(x, y, "c/o %s" % self.r.choice(["Mrs P. Hale", "Harbour Accountants", "J. & M. Whitcombe"]), pt)
            y += lh
        street, town = addr
        if spec["addr"] == "floor" and self.spec["country"] == "uk" and street.startswith("Flat "):
            flat, rest = street.split(", ", 1)
            self.t(x, y, "%s, %s floor" % (flat, self.r.choice(["Ground", "First", "Second", "Third"])), pt)
            y += lh
            street = rest
        if spec["addr"] == "caps":
            street, town = street.upper(), town.upper()
        self.t(x, y, street, pt, "address")
        y += lh
        self.t(x, y, town, pt)
        y += lh
        if spec["country"] != "uk" and self.r.random() < 0.4:
            self.t(x, y, COUNTRY_NAME[spec["country"]].upper(), pt)
            y += lh
        return y

    def letterhead(self, with_logo=True):
        pg, r = self.pg, self.r
        y = 14
        x = 18
        if with_logo:
            self.logo(18, 12, 14)
            x = 36
        self.t(x, y, pg["issuer"], 15 if len(pg["issuer"]) < 40 else 11, "issuer", bold=True)
        self.t(x, y + 7, "PO Box %d, %s" % (r.randint(100, 9999), r.choice(["Wellington Quay", "Station Plaza",
                                                                                "Harbour Point"])), 8.5)
        self.rule(18, y + 13, self.W - 18, 2, 100)
        return y + 20


def qr_square(P, x, y, size):
    """A QR-like square: three finder patterns and random modules."""
    n, c, r = 25, P.c, P.r
    m = P.px(size) / n
    x0, y0 = P.px(x), P.px(y)
    grid = [[r.random() < 0.5 for _ in range(n)] for _ in range(n)]
    for fx, fy in ((0, 0), (n - 7, 0), (0, n - 7)):
        for i in range(7):
            for j in range(7):
                ring = max(abs(i - 3), abs(j - 3))
                grid[fy + i][fx + j] = ring != 2
    for i in range(n):
        for j in range(n):
            if grid[i][j]:
                c.d.rectangle([int(x0 + j * m), int(y0 + i * m), int(x0 + (j + 1) * m) - 1, int(y0 + (i + 1) * m) - 1],
                              fill=20)


def issued_line(P, x, y, lead, pt=10):
    """"<lead> <issue date>" as one line: the issue date a field of its own."""
    return P.runs(x, y, [(lead, None), (issue_date(P), "issue_date")], pt)


def draw_register(P):
    """A birth certificate as an extract of the register of births: the
    entry as one table row under its column heads."""
    pg, r, W = P.pg, P.r, P.W
    p = pg["person"]
    P.t(18, 14, pg["issuer"], 12, "issuer", bold=True)
    P.t(18, 22, "CERTIFIED COPY OF AN ENTRY - EXTRACT FROM THE REGISTER OF BIRTHS", 13, bold=True)
    P.t(18, 30, "Registration district %s    Sub-district %s    Entry No. %s" % (
        r.choice(["Eastmoor", "Kingsmere", "Lakeshore"]), r.choice(["North", "Central", "St Anne"]), pg["number"]), 9)
    heads = ["No.", "When and where born", "Name and surname", "Sex", "Name and surname of father",
             "Name and surname of mother", "When registered", "Signature of registrar"]
    frac = [0.05, 0.19, 0.16, 0.05, 0.15, 0.15, 0.12, 0.13]
    x0, x1, y0 = 14, W - 14, 40
    xs = [x0]
    for f in frac:
        xs.append(xs[-1] + f * (x1 - x0))
    P.box(x0, y0, x1 - x0, 16, 222, outline=40)
    for k, h in enumerate(heads):
        yy = y0 + 2
        for part in _split(P, h, xs[k + 1] - xs[k] - 2, 7.5):
            P.t(xs[k] + 1, yy, part, 7.5, bold=True)
            yy += 3.4
    y1 = y0 + 16
    P.box(x0, y1, x1 - x0, 34, 250, outline=40)
    for x in xs[1:-1]:
        P.c.d.line([P.px(x), P.px(y0), P.px(x), P.px(y1 + 34)], fill=40, width=max(1, P.c.dpi // 150))
    pt = 8.5
    born = pg["birth_date"]
    registered = born + datetime.timedelta(days=r.randint(3, 40))
    P.t(xs[0] + 1, y1 + 3, "%d" % r.randint(1, 480), pt)
    P.t(xs[1] + 1, y1 + 3, date(born, P.spec["birth"]), pt, "birth_date")
    P.t(xs[1] + 1, y1 + 7, r.choice(["City Hospital", "Maternity Wing", "at home"]), pt)
    P.t(xs[1] + 1, y1 + 11, r.choice(["Eastmoor", "Kingsmere", "Lakeshore"]), pt)
    P.t(xs[2] + 1, y1 + 3, p["given_names"], pt, "given_names")
    P.t(xs[2] + 1, y1 + 7, p["surname"].upper(), pt, "surname")
    P.t(xs[3] + 1, y1 + 3, r.choice(["M", "F"]), pt)
    for k, who in ((4, pg["father"]), (5, pg["mother"])):
        P.t(xs[k] + 1, y1 + 3, who["given_names"], pt, "father" if k == 4 else "mother")
        P.t(xs[k] + 1, y1 + 7, who["surname"].upper(), pt)
    P.t(xs[6] + 1, y1 + 3, date(registered, "long"), pt)
    P.c.text(P.px(xs[7] + 2), P.px(y1 + 5), r.choice(["J. Marsh", "K. Oduya", "P. Lenz"]), 11, None, HAND)
    y = y1 + 44
    y = P.para(18, y, W - 18, "I certify that this is a true copy of the entry in a register of births in the "
               "district above, in my custody.", 9.5)
    issued_line(P, 18, y + 3, "Given at the Register Office on ", 10)
    P.t(W - 70, y + 12, "Superintendent Registrar", 9)
    P.t(18, P.H - 22, "CAUTION: THERE ARE OFFENCES RELATING TO FALSIFYING OR ALTERING A CERTIFICATE.", 7.5, bold=True)


def _split(P, s, width, pt):
    out, line = [], ""
    for word in s.split():
        t = (line + " " + word).strip()
        if P.w(t, pt, True) > width and line:
            out.append(line)
            line = word
        else:
            line = t
    return out + [line]


def draw_marriage(P):
    pg, r, W = P.pg, P.r, P.W
    y = P.letterhead(with_logo=False)
    P.t(18, y, "MARRIAGE CERTIFICATE", 18, bold=True)
    P.t(18, y + 9, "Certificate No. %s" % pg["number"], 9)
    app, sp = pg["person"], pg["spouse"]
    parties = [(app, True), (sp, False)] if pg["applicant_first"] else [(sp, False), (app, True)]
    bw = (W - 36 - 6) / 2
    y0 = y + 18
    for k, (who, mine) in enumerate(parties):
        x = 18 + k * (bw + 6)
        P.box(x, y0, bw, 48, 228)
        P.t(x + 3, y0 + 3, "PARTY %d" % (k + 1), 8, bold=True)
        P.t(x + 3, y0 + 10, "Full name", 7.5)
        P.t(x + 3, y0 + 14, name(P, who) if mine else "%s %s" % (who["given_names"], who["surname"]), 10,
            "name" if mine else "spouse")
        P.t(x + 3, y0 + 22, "Occupation", 7.5)
        P.t(x + 3, y0 + 26, r.choice(["Teacher", "Electrician", "Pharmacist", "Clerk", "Engineer"]), 10)
        P.t(x + 3, y0 + 34, "Usual residence", 7.5)
        P.t(x + 3, y0 + 38, r.choice(["Eastmoor", "Kingsmere", "Lakeshore", "Harbourside"]), 10)
    y = y0 + 58
    P.runs(18, y, [("Solemnised at %s on the " % r.choice(["St Anne's Church", "the Register Office, Eastmoor",
                                                               "Lakeview Gardens"]), None),
                       (date(pg["married"], "ord"), None), (" according to the %s." % r.choice(
                           ["rites of the Church", "civil ceremony", "Marriage Act"]), None)], 10)
    issued_line(P, 18, y0 + 70, "Issued on ", 10)
    P.c.text(P.px(W - 80), P.px(y0 + 86), r.choice(["A. Pryce", "D. Ng"]), 14, None, HAND)
    P.t(W - 80, y0 + 94, "Registrar", 8)


def draw_ledger(P):
    """A bank statement: a ledger with alternating row shading and a
    running balance, the period's closing date the statement date."""
    pg, r, W, H = P.pg, P.r, P.W, P.H
    y = P.letterhead()
    us = P.spec["country"] == "us"
    P.addressee(18, y + 2, pg["person"])
    P.t(W - 95, y + 2, "ACCOUNT STATEMENT", 13, bold=True)
    P.t(W - 95, y + 9, "Account no. %s" % pg["number"], 9)
    start = pg["issue"] - datetime.timedelta(days=r.randint(27, 31))
    fmt = "usslash" if us else "slash"
    if us:  # "Oct 1, 2026 through Oct 31, 2026"
        P.runs(W - 95, y + 14, [(date(start, "usabbr"), None), (" through ", None),
                                (date(pg["issue"], "usabbr"), "statement_date")], 9)
    else:
        P.runs(W - 95, y + 14, [("Statement period ", None), (date(start, fmt), None), (" - ", None),
                                (date(pg["issue"], fmt), "statement_date")], 9)
    y = y + 36
    cols = ["Date", "Description", "Paid out", "Paid in", "Balance"]
    xs = [18, 45, W - 100, W - 70, W - 40]
    P.box(16, y - 1, W - 32, 6, 200)
    for x, h in zip(xs, cols):
        P.t(x, y, h, 8.5, bold=True)
    y += 7
    bal = r.randint(20000, 400000) / 100
    P.t(xs[1], y, "Balance brought forward", 8.5)
    P.t(xs[4], y, "{:,.2f}".format(bal), 8.5)
    y += 5
    d = start
    rows = 0
    while y < H - 30 and rows < 22:
        d += datetime.timedelta(days=r.randint(0, 3))
        if d > pg["issue"]:
            break
        amt = r.randint(300, 90000) / 100
        out = r.random() < 0.7 and bal > amt
        bal += -amt if out else amt
        if rows % 2 == 0:
            P.box(16, y - 0.8, W - 32, 5, 236)
        P.t(xs[0], y, date(d, fmt)[:5], 8.5)
        P.t(xs[1], y, (r.choice(["CARD PAYMENT", "DIRECT DEBIT", "ATM WITHDRAWAL", "STANDING ORDER"]) + " " +
                       r.choice(["GROCER", "RENT", "PHONE", "FUEL"])) if out else
            r.choice(["SALARY", "TRANSFER IN", "REFUND"]) + " REF %d" % r.randint(1000, 9999), 8.5)
        P.t(xs[2] if out else xs[3], y, "{:,.2f}".format(amt), 8.5)
        P.t(xs[4], y, "{:,.2f}".format(bal), 8.5)
        y += 5
        rows += 1
    P.rule(16, y + 1, W - 16, 1)
    P.t(xs[1], y + 3, "Closing balance", 9, bold=True)
    P.t(xs[4], y + 3, "{:,.2f}".format(bal), 9, bold=True)


def draw_payslip(P):
    pg, r, W = P.pg, P.r, P.W
    y = P.letterhead()
    P.t(18, y, "PAYSLIP", 16, bold=True)
    start = pg["issue"] - datetime.timedelta(days=r.randint(25, 30))
    fmt = "usslash" if P.spec["country"] == "us" else "slash"
    P.runs(18, y + 9, [("Pay period: ", None), (date(start, fmt), None), (" - ", None),
                       (date(pg["issue"] - datetime.timedelta(days=1), fmt), None)], 9.5)
    issued_line(P, 18, y + 15, "Paid on ", 9.5)
    P.box(W - 100, y - 2, 82, 42, 228)
    P.addressee(W - 96, y + 1, pg["person"], 9.5)
    P.t(W - 96, y + 30, "Employee no. %s   Tax code %s" % (pg["number"][-6:], r.choice(["1257L", "BR", "S1257L"])), 8.5)
    y += 48
    P.box(18, y, W - 36, 6, 205)
    for x, h in ((20, "Earnings"), (W / 2 - 20, "Amount"), (W / 2 + 2, "Deductions"), (W - 45, "Amount")):
        P.t(x, y + 1, h, 9, bold=True)
    y += 8
    gross = r.randint(180000, 520000) / 100
    earn = [("Basic pay", gross * 0.9), ("Overtime", gross * 0.1)]
    ded = [("Income tax", gross * 0.18), ("National Insurance" if P.spec["country"] == "uk" else "Social security",
                                          gross * 0.08), ("Pension", gross * 0.05)]
    for k in range(3):
        if k % 2:
            P.box(18, y - 0.8, W - 36, 5.5, 238)
        if k < len(earn):
            P.t(20, y, earn[k][0], 9)
            P.t(W / 2 - 20, y, "{:,.2f}".format(earn[k][1]), 9)
        P.t(W / 2 + 2, y, ded[k][0], 9)
        P.t(W - 45, y, "{:,.2f}".format(ded[k][1]), 9)
        y += 6
    P.rule(18, y + 1, W - 18)
    P.t(W / 2 + 2, y + 4, "NET PAY", 11, bold=True)
    P.t(W - 45, y + 4, "{:,.2f}".format(gross * 0.69), 11, bold=True)


def draw_sidebar(P):
    """An employment letter on letterhead: a shaded sidebar of the
    employer's details on the left, the letter beside it."""
    pg, r, W, H = P.pg, P.r, P.W, P.H
    p = pg["person"]
    P.box(0, 0, 58, H, 226)
    P.logo(12, 14, 18)
    y = 38
    for s in _split(P, pg["issuer"], 40, 11):
        P.t(10, y, s, 11, bold=True)
        y += 5
    y += 4
    for s in ("PO Box %d" % r.randint(100, 9999), r.choice(["Wellington Quay", "Harbour Point"]),
              "Tel. +%d %d %d" % (r.choice([44, 1, 61]), r.randint(200, 999), r.randint(1000000, 9999999)),
              "hr@%s.example" % pg["issuer"].split()[0].lower().strip("&"), "", "Human Resources",
              "Ref. HR/%s" % pg["number"][-5:]):
        P.t(10, y, s, 8.5)
        y += 4.5
    x, x1 = 68, W - 18
    y = 24
    P.right(x1, y, issue_date(P), 10, "issue_date")
    y = P.addressee(x, y + 10, p)
    y += 8
    P.t(x, y, "RE: CONFIRMATION OF EMPLOYMENT", 10.5, bold=True)
    y += 8
    P.t(x, y, salutation(p), 10.5)
    y += 8
    nm = "%s %s" % (p["given_names"], p["surname"])
    since = pg["issue"] - datetime.timedelta(days=r.randint(400, 3000))
    P.runs(x, y, [("We confirm that ", None), (nm, "name"), (", born on ", None),
                  (date(pg["birth_date"], P.spec["birth"]), "birth_date"), (",", None)], 10.5)
    y += 5.5
    P.runs(x, y, [("has been employed by us since ", None), (date(since, "ord"), None), (" as a", None)], 10.5)
    y += 5.5
    P.t(x, y, "%s on a permanent, full-time contract." % r.choice(["Project Coordinator", "Data Analyst",
                                                                      "Bus Operator", "Site Engineer"]), 10.5)
    y = P.para(x, y + 8, x1, "The current gross annual salary is %s %s. This letter is issued at the employee's "
               "request and carries no liability on the part of the company or its officers." % (
                   {"uk": "GBP", "us": "USD", "ca": "CAD", "au": "AUD"}[P.spec["country"]],
                   "{:,}".format(r.randint(28, 95) * 1000)), 10.5)
    P.t(x, y + 6, "Yours sincerely,", 10.5)
    P.c.text(P.px(x), P.px(y + 13), r.choice(["R. Castellano", "M. Whitby", "S. Tremblay"]), 16, None, HAND)
    P.t(x, y + 24, "Head of People Operations", 10)


def draw_bill(P):
    """A utility bill: a mobile-phone bill, a council / property-tax bill or
    a water bill with a meter-reading table."""
    pg, r, W = P.pg, P.r, P.W
    v = P.spec["variant"]
    y = P.letterhead()
    P.addressee(18, y + 4, pg["person"])
    P.box(W - 92, y, 74, 34, 230)
    P.t(W - 89, y + 3, {"mobile": "YOUR MOBILE BILL", "council": "COUNCIL TAX BILL 2026/27" if P.spec["country"] == "uk"
                         else "PROPERTY TAX BILL", "water": "WATER & SEWER ACCOUNT"}[v], 10.5, bold=True)
    P.t(W - 89, y + 10, "Account %s" % pg["number"], 8.5)
    P.t(W - 89, y + 15, "Bill date", 8.5)
    P.t(W - 89, y + 19.5, issue_date(P), 9, "issue_date")
    P.t(W - 89, y + 26, "Amount due  %s" % "{:,.2f}".format(r.randint(2000, 40000) / 100), 9.5, bold=True)
    y += 46
    if v == "mobile":
        P.t(18, y, "Mobile number 07%d %06d   Plan: %s" % (r.randint(100, 999), r.randint(0, 999999),
                                                           r.choice(["Unlimited 30GB", "Talk & Text 5GB"])), 9.5)
        y += 6
        P.t(18, y, "Generated %sT%02d:%02d" % (pg["issue"].isoformat(), r.randint(6, 22), r.randint(0, 59)), 8.5)
        rows = [("Monthly plan charge", "1 month"), ("Calls to other networks", "%d min" % r.randint(10, 200)),
                ("Roaming data", "%d MB" % r.randint(0, 900)), ("Premium SMS", "%d" % r.randint(0, 6))]
        heads = ["Item", "Usage", "Charge"]
    elif v == "council":
        P.runs(18, y, [("Property: ", None), (", ".join(pg["address"]), None)], 9.5)
        y += 6
        P.t(18, y, "Valuation band %s   Annual charge %s" % (r.choice("ABCDEF"), "{:,.2f}".format(r.randint(900, 3200))), 9.5)
        rows = [("Instalment %d" % k, MONTHS[(pg["issue"].month + k - 1) % 12][:3]) for k in range(1, 5)]
        heads = ["Instalment", "Due", "Amount"]
    else:
        P.t(18, y, "Meter serial %s%d" % (r.choice(["WM", "KX", "TG"]), r.randint(100000, 999999)), 9.5)
        y += 6
        prev = r.randint(100, 900)
        rows = [("Previous reading", "%05d m3" % prev), ("Current reading", "%05d m3" % (prev + r.randint(8, 60))),
                ("Water supply", "per m3"), ("Wastewater", "per m3")]
        heads = ["Meter readings / charges", "Reading", "Charge"]
    y += 8
    P.box(18, y - 1, W - 36, 6, 205)
    for x, h in zip((20, W / 2, W - 50), heads):
        P.t(x, y, h, 9, bold=True)
    y += 7
    for k, (a, b) in enumerate(rows):
        if k % 2:
            P.box(18, y - 0.8, W - 36, 5.5, 238)
        P.t(20, y, a, 9)
        P.t(W / 2, y, b, 9)
        P.t(W - 50, y, "{:,.2f}".format(r.randint(100, 9000) / 100), 9)
        y += 6
    P.para(18, y + 8, W - 18, "Please pay by the due date shown. Payments can be made by direct debit, online or at "
           "any post office. Keep this bill as a record of your account.", 9)


def draw_lease(P):
    pg, r, W = P.pg, P.r, P.W
    y = P.letterhead(with_logo=r.random() < 0.5)
    P.t(18, y, "RESIDENTIAL LEASE AGREEMENT" if P.spec["country"] != "uk" else "ASSURED SHORTHOLD TENANCY AGREEMENT",
        14, bold=True)
    y += 11
    P.box(18, y, W - 36, 44, 230)
    P.t(22, y + 3, "LANDLORD", 8, bold=True)
    P.t(22, y + 8, pg["issuer"] + " (as agent)", 10)
    P.t(22, y + 16, "TENANT", 8, bold=True)
    P.addressee(22, y + 21, pg["person"], 10)
    y += 52
    start = pg["issue"] + datetime.timedelta(days=r.randint(0, 20))
    P.runs(18, y, [("1. The term begins on ", None), (date(start, "ord"), None),
                   (" for a fixed period of %d months." % r.choice([6, 12, 24]), None)], 10)
    yy = P.para(18, y + 6, W - 18, "2. The rent is %s per month, payable in advance on the first day of each "
                "month. 3. The deposit is protected in an authorised scheme. 4. The tenant shall keep the premises "
                "in good and clean condition and shall not sublet." % "{:,.2f}".format(r.randint(600, 3200)), 10)
    issued_line(P, 18, yy + 6, "Signed by both parties on ", 10)
    P.c.text(P.px(24), P.px(yy + 16), r.choice(["K. Bramley", "L. Santos"]), 14, None, HAND)
    P.c.text(P.px(W - 80), P.px(yy + 16), pg["person"]["surname"], 14, None, HAND)


def draw_police(P):
    pg, r, W = P.pg, P.r, P.W
    p = pg["person"]
    y = P.letterhead()
    P.t(18, y, r.choice(["POLICE CERTIFICATE", "CRIMINAL RECORD CHECK", "NATIONAL POLICE CHECK"]), 16, bold=True)
    y += 12
    qr_square(P, W - 48, y, 30)
    P.box(18, y, W - 76, 30, 232, outline=120)
    P.t(21, y + 3, "Certificate number  %s" % pg["number"], 9)
    P.t(21, y + 9, "Reference  %s-%04d" % (r.choice(["DBS", "CRH", "NPC"]), r.randint(0, 9999)), 9)
    issued_line(P, 21, y + 15, "Date of issue  ", 9)
    P.t(21, y + 21, "Verify at verify.%s.example/%s" % (r.choice(["checks", "police", "records"]), pg["number"][-6:]), 8)
    y += 40
    for cap, val, fld in (("Surname", p["surname"].upper(), "surname"), ("Given names", p["given_names"], "given_names"),
                          ("Date of birth", date(pg["birth_date"], P.spec["birth"]), "birth_date"),
                          ("Place of birth", r.choice(["Eastmoor", "Warsaw", "Lagos", "Manila"]), None)):
        P.t(18, y, cap, 9.5)
        P.t(70, y, val, 10.5, fld)
        y += 7
    y += 4
    P.box(18, y, W - 36, 14, 215)
    P.t(22, y + 4, "RESULT: NO DISCLOSABLE COURT OUTCOMES", 11, bold=True)
    P.para(18, y + 22, W - 18, "This certificate reflects the records held on the date of issue only. It is not a "
           "certificate of character. Scan the code or visit the address above to confirm it.", 9)


def draw_enrolment(P):
    pg, r, W = P.pg, P.r, P.W
    p = pg["person"]
    y = P.letterhead()
    P.t(18, y + 2, "CERTIFICATE OF ENROLMENT", 17, bold=True)
    y += 16
    P.t(18, y, "Student ID  %s" % pg["number"], 9.5)
    y += 10
    nm = name(P, p)
    P.runs(18, y, [("This is to certify that ", None), (nm, "name"), (", born", None)], 11)
    y += 6
    P.runs(18, y, [("on ", None), (date(pg["birth_date"], P.spec["birth"]), "birth_date"),
                   (", is enrolled as a full-time student for the academic year %d/%02d" % (
                       pg["issue"].year, (pg["issue"].year + 1) % 100), None)], 11)
    y += 6
    P.t(18, y, "in the programme %s." % r.choice(["BSc (Hons) Computer Science", "Master of Public Health",
                                                  "BA Economics", "Diploma of Nursing"]), 11)
    y += 12
    P.box(18, y, W - 36, 22, 232)
    P.t(22, y + 3, "Year of study  %d      Mode  Full-time      Expected completion  %d" % (
        r.randint(1, 3), pg["issue"].year + r.randint(1, 3)), 9.5)
    P.t(22, y + 11, "Status  ENROLLED - fees paid", 9.5)
    issued_line(P, 18, y + 34, "Issued by the Student Records Office on ", 10)
    P.c.text(P.px(18), P.px(y + 44), r.choice(["E. Whitlock", "T. Nguyen"]), 14, None, HAND)
    P.t(18, y + 53, "Academic Registrar", 9)


DRAW = {"birth_certificate": draw_register, "marriage_certificate": draw_marriage, "bank_statement": draw_ledger,
        "payslip": draw_payslip, "employment_letter": draw_sidebar, "utility_bill": draw_bill,
        "tenancy_agreement": draw_lease, "police_certificate": draw_police, "diploma": draw_enrolment}


# -- handling and capture ----------------------------------------------------------
def sticky_note(P):
    """A yellow sticky note with a handwritten remark over a corner that
    holds no field; the page turns colour."""
    c, r = P.c, P.r
    s = P.px(r.uniform(38, 48))
    boxes = [f["bbox"] for f in c.fields]
    grey = c.img.convert("L")
    free = []  # corners over no field: (ink under it, order, x, y)
    for k, (cx, cy) in enumerate(r.sample([(c.w - s - P.px(6), P.px(6)), (c.w - s - P.px(6), c.h - s - P.px(6)),
                                           (P.px(6), c.h - s - P.px(6))], 3)):
        if not any(bx < cx + s and cx < bx + bw and by < cy + s and cy < by + bh for bx, by, bw, bh in boxes):
            ink = int((np.asarray(grey.crop((cx, cy, cx + s, cy + s))) < 128).sum())
            free.append((ink, k, cx, cy))
    if not free:
        return False
    _, _, cx, cy = min(free)  # the corner with least text under it
    img = c.img.convert("RGB")
    d = ImageDraw.Draw(img)
    d.rectangle([cx + P.px(1.5), cy + P.px(1.5), cx + s + P.px(1.5), cy + s + P.px(1.5)], fill=(150, 150, 140))
    d.rectangle([cx, cy, cx + s, cy + s], fill=(250, 236, 120))
    f = c.font(13, HAND)
    for k, line in enumerate(r.choice([("copy for", "file - OK"), ("rec'd", "%d/%d" % (r.randint(1, 28), r.randint(1, 12))),
                                       ("seen orig.", "JH"), ("scan both", "sides pls")])):
        d.text((cx + P.px(4), cy + P.px(6 + 10 * k)), line, font=f, fill=(30, 40, 120))
    c.img, c.d = img, ImageDraw.Draw(img)
    return True


def phone_photo(P):
    """The page photographed on a wooden desk: perspective, warm light
    falling off, a soft shadow across; the output the page's size."""
    c, r = P.c, P.r
    w, h = c.w, c.h
    m = lambda f: r.uniform(0.03, f)
    dst = [(w * m(0.10), h * m(0.07)), (w * (1 - m(0.10)), h * m(0.07)),
           (w * (1 - m(0.05)), h * (1 - m(0.04))), (w * m(0.05), h * (1 - m(0.04)))]
    src = [(0, 0), (w, 0), (w, h), (0, h)]
    nr = np.random.default_rng(r.randint(0, 2 ** 31))
    grain = np.cumsum(nr.normal(0, 1, (h // 8 + 1, 1)), axis=0)
    wood = np.clip(120 + 8 * np.sin(np.arange(w // 8 + 1)[None, :] / 3.0 + grain) + nr.normal(0, 4, (h // 8 + 1, w // 8 + 1)), 60, 200)
    desk = Image.fromarray(wood.astype(np.uint8)).resize((w, h)).convert("RGB")
    desk = Image.merge("RGB", [ch.point(lambda v, k=k: int(v * k)) for ch, k in zip(desk.split(), (1.0, 0.78, 0.55))])
    page = c.img.convert("RGB").transform((w, h), Image.PERSPECTIVE, tuple(b11._homography(src, dst)), Image.BICUBIC)
    mask = Image.new("L", (w, h), 0)
    ImageDraw.Draw(mask).polygon(dst, fill=255)
    desk.paste(page, (0, 0), mask)
    a = np.asarray(desk, dtype=np.float32)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = r.uniform(0.3, 0.7) * w, r.uniform(0.2, 0.6) * h
    fall = 1.0 - 0.35 * (((xx - cx) / w) ** 2 + ((yy - cy) / h) ** 2)
    edge = r.uniform(0.3, 0.7) * w
    shadow = np.where(xx * r.choice([1, -1]) > edge * r.choice([1, -1]) + 0.2 * yy, r.uniform(0.72, 0.85), 1.0)
    shadow = np.asarray(Image.fromarray((shadow * 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(c.dpi // 10)),
                        dtype=np.float32) / 255.0
    a *= (fall * shadow)[..., None]
    a *= np.array([1.04, 0.97, 0.84], dtype=np.float32)
    c.img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB")
    back = b11._homography(dst, src)  # page points to the photo's
    b11._move_boxes(c, lambda x, y: b11._apply(back, x, y))


def crumpled(P):
    """A crumpled page flattened: facets lighter and darker, crease lines,
    the text moved a little along them."""
    c, r = P.c, P.r
    w, h = c.w, c.h
    nr = np.random.default_rng(r.randint(0, 2 ** 31))
    low = nr.normal(0, 1, (9, 7)).astype(np.float32)
    field = np.asarray(Image.fromarray(low).resize((w, h), Image.BICUBIC), dtype=np.float32)
    shade = Image.new("L", (w, h), 128)
    d = ImageDraw.Draw(shade)
    for _ in range(r.randint(8, 14)):
        x0, y0 = r.uniform(0, w), r.uniform(0, h)
        ang = r.uniform(0, np.pi)
        ln = r.uniform(0.2, 0.6) * max(w, h)
        ex, ey = x0 + np.cos(ang) * ln, y0 + np.sin(ang) * ln
        o = max(1, c.dpi // 150)  # a crease: a dark side and a lit side
        d.line([(x0, y0), (ex, ey)], fill=70, width=o)
        d.line([(x0 + o * np.sin(ang), y0 - o * np.cos(ang)), (ex + o * np.sin(ang), ey - o * np.cos(ang))],
               fill=185, width=o)
    shade = np.asarray(shade.filter(ImageFilter.GaussianBlur(1.0)), dtype=np.float32) - 128
    a = np.asarray(c.img.convert("L"), dtype=np.float32)
    dx = np.clip(np.round(field * r.uniform(1.0, 2.5)), -3, 3).astype(np.int64)
    yy, xx = np.mgrid[0:h, 0:w]
    a = a[np.clip(yy + dx, 0, h - 1), np.clip(xx - dx, 0, w - 1)]
    a = a * (1.0 + 0.06 * field) + 0.8 * shade
    c.img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")


def low_toner(P):
    """A print with the toner running low: all ink lighter, a vertical
    streak fainter still."""
    c, r = P.c, P.r
    a = np.asarray(c.img.convert("L"), dtype=np.float32)
    ink = 255.0 - a
    fade = np.full(c.w, r.uniform(0.75, 0.9), dtype=np.float32)
    x0 = r.randint(c.w // 5, c.w * 3 // 5)
    x1 = x0 + r.randint(c.w // 12, c.w // 5)
    fade[x0:x1] *= r.uniform(0.4, 0.6)
    fade = np.convolve(fade, np.ones(31) / 31, mode="same")
    paper = float(a[2, 2])
    a = np.clip(paper - np.maximum(ink - (255 - paper), 0) * fade[None, :], 0, 255)
    c.img = Image.fromarray(a.astype(np.uint8), "L")


def carbon(P):
    """A blue carbon copy on thin paper: ink blue and soft."""
    c, r = P.c, P.r
    a = np.asarray(c.img.convert("L").filter(ImageFilter.GaussianBlur(0.8)), dtype=np.float32) / 255.0
    paper = np.array([r.randint(238, 250), r.randint(232, 244), r.randint(215, 235)], dtype=np.float32)
    ink = np.array([40, 55, r.randint(140, 175)], dtype=np.float32)
    out = a[..., None] * paper + (1 - a[..., None]) * ink
    c.img = Image.fromarray(np.clip(out, 0, 255).astype(np.uint8), "RGB")


def spread(P):
    """The page and its second page scanned together side by side (page 1
    on the left, so the field boxes stay)."""
    c, r = P.c, P.r
    mode = c.img.mode
    second = Image.new(mode, c.img.size, c.img.getpixel((3, 3)))
    d = ImageDraw.Draw(second)
    f = c.font(9, P.reg)
    ink = 0 if mode == "L" else (0, 0, 0)
    d.text((P.px(18), P.px(18)), "TERMS AND CONDITIONS", font=c.font(11, P.bold), fill=ink)
    y, line = P.px(28), ""
    words = " ".join("%d. %s" % (k + 1, r.choice(CLAUSES)) for k in range(r.randint(10, 16))).split()
    for word in words + [""]:
        t = (line + " " + word).strip()
        if word and f.getlength(t) < c.w - P.px(36):
            line = t
            continue
        d.text((P.px(18), y), line, font=f, fill=ink)
        y, line = y + P.px(4.5), word
        if y > c.h - P.px(30):
            break
    d.text((P.px(18), c.h - P.px(15)), "Page 2 of 2", font=f, fill=0 if mode == "L" else (0, 0, 0))
    sheet = Image.new(mode, (c.w * 2, c.h), c.img.getpixel((3, 3)))
    sheet.paste(c.img, (0, 0))
    sheet.paste(second, (c.w, 0))
    a = np.asarray(sheet, dtype=np.float32)
    xx = np.arange(2 * c.w, dtype=np.float32)
    gutter = 1.0 - 0.45 * np.exp(-((xx - c.w) / (c.dpi * 0.25)) ** 2)
    a = a * (gutter[None, :, None] if a.ndim == 3 else gutter[None, :])
    c.img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), mode)


CLAUSES = ["Notices may be given by post or by e-mail to the last address held.",
           "Payments received after the due date may attract a late charge as set out in the schedule.",
           "Please tell us at once if any of your details change, including your name or address.",
           "Complaints are handled under our published procedure; you may refer an unresolved complaint to the ombudsman.",
           "We may record calls for training and to prevent fraud.",
           "These terms are governed by the law of the place where the account is held.",
           "Personal data is processed in accordance with our privacy notice, available on request.",
           "Nothing in these terms affects your statutory rights."]
CAPTURE = {"photo": phone_photo, "crumpled": crumpled, "lowtoner": low_toner, "carbon": carbon, "spread": spread}


def draw12(sd, kind, c, r, truth, spec):
    """Draws a heldout12 page on c (image, fields, runs, truth extras)."""
    pg = truth["page"]
    P = P12(sd, c, r, kind, spec, pg)
    c.extra = {}
    DRAW[kind](P)
    # a note stuck on before the photo is in it; on the others it is put on
    # the copy or print handed in
    photo = spec["capture"] == "photo"
    marks = ["note"] if spec["marks"] and photo and sticky_note(P) else []
    if spec["capture"] in CAPTURE:
        CAPTURE[spec["capture"]](P)
    if spec["marks"] and not photo and sticky_note(P):
        marks = ["note"]
    c.extra.update({"capture": spec["capture"], "marks": marks, "country": spec["country"],
                    "variant": spec["variant"], "landscape": spec["landscape"]})


def scan(img, r, spec):
    """The scan: a small turn (none on a photo), blur, noise, JPEG (heavy on
    a heavy-JPEG capture); greyscale pages stay greyscale."""
    mode = img.mode
    if spec["capture"] != "photo":
        fill = r.randint(190, 240)
        img = img.rotate(r.uniform(-1.5, 1.5), resample=Image.BILINEAR, expand=True,
                         fillcolor=fill if mode == "L" else (fill,) * 3)
    if r.random() < 0.5:
        img = img.filter(ImageFilter.GaussianBlur(r.uniform(0.3, 0.8)))
    a = np.asarray(img, dtype=np.float32)
    nr = np.random.default_rng(r.randint(0, 2 ** 31))
    noise = nr.normal(0, r.uniform(2, 6), a.shape[:2]).astype(np.float32)
    a += noise[..., None] if a.ndim == 3 else noise
    buf = io.BytesIO()
    q = r.randint(12, 24) if spec["capture"] == "jpeg" else r.randint(62, 90)
    Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), mode).save(buf, "JPEG", quality=q)
    return buf.getvalue()


def scanner(spec):
    return lambda img, r: scan(img, r, spec)
