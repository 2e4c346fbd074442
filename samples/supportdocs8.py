"""The heldout8 family of samples/supportdocs.py (--layouts heldout8).

Written on 2026-12-07 by a session that tunes no rule, before any of its
pages was screened, so that the supporting-page rules of that day can be
judged on pages nobody looked at. Do not inspect its pages to fix a rule.

What it draws, unlike every earlier family (the nine types the bench
knows):
- US-style forms: boxes with the caption inside the box's top-left corner
  ("LAST NAME", "FIRST NAME", "MIDDLE NAME" in three boxes), checkboxes
  ("[x] Certified copy", "Sex [x] M [ ] F"), a record grid; payslips as a
  grid of boxes whose captions break the box's top edge;
- German or Spanish pages (a third of the certificates, letters and
  agreements) with the English gloss in small italics under or after each
  caption ("Geburtsdatum" / "date of birth"); ocr_langs eng+deu or eng+spa;
- names as "Łukasz NOWAK", "Nowak, Łukasz", with a middle initial
  ("Emily R. Nowak"), "Mr. Ł. Nowak" in a salutation with the full name
  elsewhere, the name in a table cell; machine-printed statements drop
  the diacritics on part of the pages ("LUKASZ NOWAK");
- dates "July 14, 1985", "14th July 1985", "1985-07-14", "14/07/85", in
  German "14. Juli 1985" and Spanish "14 de julio de 1985"; a diploma's
  "this 14th day of July, 2024";
- addresses on one line with commas ("12 High Street, Leeds, AB1 2CD"),
  in capitals, with "St" / "Rd" abbreviations, below a "c/o" line;
- a bank statement "Page 1 of 2" with a running balance and "Balance
  carried forward"; a utility bill with a tear-off remittance slip that
  repeats the customer and account; a letter with its reference sidebar on
  the right; a diploma in a script typeface inside an ornate border;
- a round seal over the text of certificates, a signature across a field;
- capture: a phone photo (perspective, a dark table around the page, a
  soft shadow) on a quarter of the pages, a folded page (crease lines),
  a faded low-contrast thermal-paper look on some payslips and bills.

Every value printed is the one truth["page"] holds: genuine pages agree
with the case record, defects are the labelled ones (supportdocs.make).
`sd` is the supportdocs module (its Canvas, names, streets, lists).
"""
import datetime
import math
import os
import unicodedata

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

FEMALE = {"Anna", "María José", "Chloé", "Emily Rose", "Sofia", "Aisha", "Eva Maria", "Grace", "Lucia",
          "Fatima", "Olga"}
MONTHS = {"eng": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December"],
          "deu": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
                  "Oktober", "November", "Dezember"],
          "spa": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                  "octubre", "noviembre", "diciembre"]}
FOREIGN = {"birth_certificate", "marriage_certificate", "police_certificate", "employment_letter",
           "tenancy_agreement", "diploma"}
# Captions in German and Spanish with the English gloss printed beside them.
CAPS = {
    "Surname": ("Familienname", "Apellidos"), "Given names": ("Vornamen", "Nombre"),
    "Date of birth": ("Geburtsdatum", "Fecha de nacimiento"), "Place of birth": ("Geburtsort", "Lugar de nacimiento"),
    "Father": ("Vater", "Padre"), "Mother": ("Mutter", "Madre"), "Register no.": ("Registernummer", "Número de registro"),
    "Date of issue": ("Ausstellungsdatum", "Fecha de expedición"), "Spouse": ("Ehegatte", "Cónyuge"),
    "Date of marriage": ("Tag der Eheschließung", "Fecha del matrimonio"),
    "Place of marriage": ("Ort der Eheschließung", "Lugar del matrimonio"),
    "Certificate no.": ("Zeugnisnummer", "Número de certificado"), "Address": ("Anschrift", "Domicilio"),
    "Tenant": ("Mieter", "Arrendatario"), "Landlord": ("Vermieter", "Arrendador"),
    "Rent per month": ("Monatsmiete", "Renta mensual"), "Start of tenancy": ("Mietbeginn", "Inicio del contrato"),
    "Date of agreement": ("Datum des Vertrags", "Fecha del contrato"), "Position": ("Tätigkeit", "Puesto"),
    "Employed since": ("Beschäftigt seit", "Antigüedad"), "Employee": ("Arbeitnehmer", "Trabajador"),
    "Full name": ("Name", "Nombre completo"),
}
TITLES = {
    "birth_certificate": ("CERTIFIED COPY OF BIRTH RECORD", "Geburtsurkunde", "Certificado de nacimiento"),
    "marriage_certificate": ("CERTIFICATE OF MARRIAGE", "Eheurkunde", "Certificado de matrimonio"),
    "police_certificate": ("CRIMINAL RECORD CHECK - RESULT", "Führungszeugnis", "Certificado de antecedentes penales"),
    "employment_letter": ("Confirmation of Employment", "Arbeitgeberbescheinigung", "Certificado de empresa"),
    "tenancy_agreement": ("Assured Shorthold Tenancy Agreement", "Mietvertrag", "Contrato de arrendamiento"),
    "diploma": ("Diploma", "Urkunde", "Título"),
}
GLOSS = {"birth_certificate": "Birth certificate", "marriage_certificate": "Marriage certificate",
         "police_certificate": "Certificate of good conduct", "employment_letter": "Certificate of employment",
         "tenancy_agreement": "Tenancy agreement", "diploma": "Diploma"}
ISSUERS = {
    "birth_certificate": ["County Recorder's Office, %s", "Vital Records Section, %s"],
    "marriage_certificate": ["County Recorder's Office, %s", "Vital Records Section, %s"],
    "bank_statement": ["Westmere Bank", "First Meridian Savings"],
    "payslip": ["Halcyon Logistics Ltd", "Ridgeway Care Homes Ltd"],
    "employment_letter": ["Orbis Medical Devices GmbH", "Calloway & Finch LLP"],
    "utility_bill": ["Evergreen Energy", "Trent Valley Water Services"],
    "tenancy_agreement": ["Beacon Lettings", "Harlow Estates Ltd"],
    "police_certificate": ["Disclosure and Records Office", "State Police - Records Division"],
    "diploma": ["University of %s", "Kingsbridge School of Nursing"],
}
PLACES8 = ["Fairview", "Ashford", "Millbrook", "Stonehaven", "Oakridge"]
ABBR = [("Street", "St"), ("Road", "Rd"), ("Avenue", "Ave"), ("Lane", "Ln"), ("Drive", "Dr"), ("Close", "Cl")]
SCRIPT_FONTS = ["/usr/share/fonts/opentype/urw-base35/Z003-MediumItalic.otf",
                "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf"]
SANS_FONTS = ["/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
              "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"]
SANS_BOLD = ["/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
             "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"]
ITALIC = ["/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf"]
MONO = ["/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"]


def first_font(paths, fallback):
    return next((p for p in paths if os.path.exists(p)), fallback)


def issuer(kind, r):
    """An issuer of the type (supportdocs.make); draw8 prints it."""
    s = r.choice(ISSUERS[kind])
    return s % r.choice(PLACES8) if "%s" in s else s


def ascii_fold(s):
    s = s.replace("Ł", "L").replace("ł", "l")
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


def ordinal(n):
    return "%d%s" % (n, "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


class P8:
    """One heldout8 page: its choices and drawing helpers."""

    def __init__(self, sd, c, r, kind):
        self.sd, self.c, self.r, self.kind = sd, c, r, kind
        self.lang = r.choice(["deu", "spa"]) if kind in FOREIGN and r.random() < 0.34 else None
        self.dstyle = r.choice(["us", "ord", "iso", "short"])
        self.nstyle = r.choice(["given_first", "comma", "initial"])
        self.fold = r.random() < 0.3 and kind not in ("bank_statement", "utility_bill", "payslip")
        self.ascii = kind in ("bank_statement", "payslip", "utility_bill") and r.random() < 0.3
        self.addr_style = r.choice(["one_line", "one_line", "caps", "co", "abbr"])
        self.sans = first_font(SANS_FONTS, c.body)
        self.sans_b = first_font(SANS_BOLD, c.body)
        self.ital = first_font(ITALIC, c.body)
        self.mono = first_font(MONO, c.body)
        self.script = first_font(SCRIPT_FONTS, c.body)
        self.seal_at = None

    # -- values ----------------------------------------------------------
    def date(self, d, style=None):
        style = style or self.dstyle
        if self.lang == "deu":
            return "%d. %s %d" % (d.day, MONTHS["deu"][d.month - 1], d.year)
        if self.lang == "spa":
            return "%d de %s de %d" % (d.day, MONTHS["spa"][d.month - 1], d.year)
        m = MONTHS["eng"][d.month - 1]
        if style == "us":
            return "%s %d, %d" % (m, d.day, d.year)
        if style == "ord":
            return "%s %s %d" % (ordinal(d.day), m, d.year)
        if style == "iso":
            return d.isoformat()
        return d.strftime("%d/%m/%y")

    def fold_if(self, s):
        return ascii_fold(s) if self.ascii else s

    def name(self, p, style=None):
        style = style or self.nstyle
        g, s = p["given_names"], p["surname"]
        if style == "comma":
            out = "%s, %s" % (s, g)
        elif style == "initial" and " " in g:
            first, rest = g.split(" ", 1)
            out = "%s %s. %s" % (first, rest[0], s)
        elif style == "caps":
            out = "%s %s" % (g.upper(), s.upper())
        else:
            out = "%s %s" % (g, s.upper())
        return self.fold_if(out)

    def salutation(self, p):
        title = "Ms." if p["given_names"] in FEMALE else "Mr."
        return "Dear %s %s. %s," % (title, p["given_names"][0], p["surname"])

    def addr(self, addr):
        """The case's two lines as the page writes them: the lines before
        the street (a c/o line), then the address line(s)."""
        street, rest = addr[0], addr[1]
        words = rest.split()
        town, post = " ".join(words[:-2]).title(), " ".join(words[-2:])
        st = self.addr_style
        if st == "abbr":
            for long, short in ABBR:
                if street.endswith(" " + long):
                    street = street[:-len(long)] + short
        if st == "caps":
            return [], "%s, %s %s" % (street.upper(), town.upper(), post)
        if st == "co":
            return ["c/o %s %s" % (self.r.choice(["M.", "J.", "P."]), self.r.choice(["Harding", "Clarke", "Evans"]))], \
                "%s, %s %s" % (street, town, post)
        return [], "%s, %s, %s" % (street, town, post)

    def cap(self, en):
        """(caption, gloss): the page's language and the English under it."""
        if self.lang and en in CAPS:
            return CAPS[en][0 if self.lang == "deu" else 1], en.lower()
        return en, None

    def money(self, v):
        if self.lang:
            s = "{:,.2f}".format(v).replace(",", "X").replace(".", ",").replace("X", ".")
            return s + " EUR"
        return "£{:,.2f}".format(v)

    # -- drawing ---------------------------------------------------------
    def tw(self, s, pt, path=None):
        return self.c.font(pt, path).getlength(s)

    def header(self, iss, sub):
        """The issuer: a round mark and the name on the left, or centred."""
        c, r = self.c, self.r
        if r.random() < 0.5:
            rad = int(0.28 * c.dpi)
            cx, cy = c.margin + rad, c.y + rad
            c.d.ellipse([cx - rad, cy - rad, cx + rad, cy + rad], outline=40, width=max(2, c.dpi // 70))
            ini = "".join(w[0] for w in iss.split()[:2]).upper()
            c.d.text((cx, cy), ini, font=c.font(14, self.sans_b), fill=40, anchor="mm")
            c.text(c.margin + 2 * rad + int(0.15 * c.dpi), c.y, iss, 14, ("issuer", iss), self.sans_b)
            c.text(c.margin + 2 * rad + int(0.15 * c.dpi), c.y + int(c.px(14) * 1.4), sub, 8, None, self.sans)
            c.y += 2 * rad + int(0.2 * c.dpi)
        else:
            w = self.tw(iss, 15, self.sans_b)
            c.text(int((c.w - w) / 2), c.y, iss, 15, ("issuer", iss), self.sans_b)
            c.y += int(c.px(15) * 1.4)
            c.text(int((c.w - self.tw(sub, 8, self.sans)) / 2), c.y, sub, 8, None, self.sans)
            c.y += int(c.px(8) * 1.6)
        c.d.line([c.margin, c.y, c.w - c.margin, c.y], fill=60, width=max(1, c.dpi // 100))
        c.y += int(0.25 * c.dpi)

    def title(self, x1=None):
        """The title centred between the margin and x1 (the page's right
        margin unless a sidebar takes the right), with its gloss."""
        c = self.c
        x0, x1 = c.margin, x1 or c.w - c.margin
        en, de, es = TITLES[self.kind]
        s = (de if self.lang == "deu" else es).upper() if self.lang else en
        pt = 16 if self.lang else 15
        while self.tw(s, pt, self.sans_b) > x1 - x0 and pt > 9:
            pt -= 1
        c.text(int((x0 + x1 - self.tw(s, pt, self.sans_b)) / 2), c.y, s, pt, None, self.sans_b)
        c.y += int(c.px(pt) * (1.3 if self.lang else 2.0))
        if self.lang:
            g = "(%s)" % GLOSS[self.kind]
            c.text(int((x0 + x1 - self.tw(g, 10, self.ital)) / 2), c.y, g, 10, None, self.ital)
            c.y += int(c.px(10) * 2.0)

    def box(self, x, y, w, h, caption, value, fld=None, pt=11, legend=False):
        """A box with its caption inside the top-left corner (a US form) or
        breaking the top edge (legend); the value low in the box."""
        c = self.c
        lw = max(1, c.dpi // 150)
        c.d.rectangle([x, y, x + w, y + h], outline=50, width=lw)
        capt, gloss = self.cap(caption)
        if legend:
            cw = self.tw(capt, 7, self.sans)
            c.d.rectangle([x + int(0.08 * c.dpi), y - int(c.px(7) * 0.6), x + int(0.12 * c.dpi) + cw,
                           y + int(c.px(7) * 0.6)], fill=c.img.getpixel((2, 2)))
            c.text(x + int(0.1 * c.dpi), y - int(c.px(7) * 0.55), capt, 7, None, self.sans)
        else:
            c.text(x + int(0.05 * c.dpi), y + int(0.04 * c.dpi), capt.upper(), 6, None, self.sans)
        if gloss:
            gx = x + int(0.1 * c.dpi) + self.tw(capt.upper() if not legend else capt, 7 if legend else 6, self.sans)
            c.text(int(gx), y + (int(0.04 * c.dpi) if not legend else int(c.px(7) * 0.5)), gloss, 6, None, self.ital)
        lines = value if isinstance(value, list) else [value]
        vy = y + h - int(c.px(pt) * (0.3 + 1.3 * len(lines)))
        for k, s in enumerate(lines):
            while self.tw(s, pt) > w - int(0.12 * c.dpi) and pt > 7:
                pt -= 1
            c.text(x + int(0.07 * c.dpi), vy, s, pt, (fld, s) if fld and k == len(lines) - 1 else None)
            vy += int(c.px(pt) * 1.3)

    def row(self, cells, h_lines=1, legend=False, pt=11):
        """A row of boxes across the body: cells are (share, caption, value, field)."""
        c = self.c
        x, span = c.margin, c.w - 2 * c.margin
        n = max(len(v) if isinstance(v, list) else 1 for _, _, v, _ in cells)
        h = int(c.px(pt) * (1.4 + 1.3 * max(n, h_lines))) + int(0.12 * c.dpi)
        for share, capt, val, fld in cells:
            w = int(span * share)
            self.box(x, c.y, w, h, capt, val, fld, pt, legend)
            x += w
        c.y += h + (int(0.12 * c.dpi) if legend else 0)

    def checkboxes(self, label, options, chosen):
        c = self.c
        x = c.margin
        c.text(x, c.y, label, 9, None, self.sans)
        x += int(self.tw(label, 9, self.sans) + 0.15 * c.dpi)
        s = int(c.px(9))
        for k, opt in enumerate(options):
            c.d.rectangle([x, c.y + 2, x + s, c.y + 2 + s], outline=30, width=max(1, c.dpi // 150))
            if k == chosen:
                c.d.line([x + 2, c.y + 4, x + s - 2, c.y + s], fill=20, width=max(2, c.dpi // 100))
                c.d.line([x + 2, c.y + s, x + s - 2, c.y + 4], fill=20, width=max(2, c.dpi // 100))
            c.text(x + s + int(0.06 * c.dpi), c.y, opt, 9, None, self.sans)
            x += int(s + self.tw(opt, 9, self.sans) + 0.3 * c.dpi)
        c.y += int(c.px(9) * 2.0)

    def addressee(self, nm, co, aline):
        """The holder's name, the c/o line and the address line at the
        margin (the window of a statement or bill); the cursor below."""
        c = self.c
        for s, fld in [(nm, "name")] + [(s, None) for s in co] + [(aline, "address")]:
            c.text(c.margin, c.y, s, 10, (fld, s) if fld else None)
            c.y += int(c.px(10) * 1.4)

    def para(self, s, pt=10, x0=None, x1=None, path=None):
        c = self.c
        x0 = c.margin if x0 is None else x0
        x1 = c.w - c.margin if x1 is None else x1
        cur = ""
        for w in s.split():
            t = (cur + " " + w).strip()
            if self.tw(t, pt, path) > x1 - x0 and cur:
                c.text(x0, c.y, cur, pt, None, path)
                c.y += int(c.px(pt) * 1.45)
                cur = w
            else:
                cur = t
        if cur:
            c.text(x0, c.y, cur, pt, None, path)
            c.y += int(c.px(pt) * 1.45)
        c.y += int(c.px(pt) * 0.5)

    def table(self, head, rows, shares, pt=9, x0=None, x1=None, right=()):
        c = self.c
        x0 = c.margin if x0 is None else x0
        x1 = c.w - c.margin if x1 is None else x1
        xs, x = [], x0
        for sh in shares:
            xs.append(x)
            x += int((x1 - x0) * sh)
        xs.append(x1)
        lw = max(1, c.dpi // 150)
        rh = int(c.px(pt) * 1.6)
        c.d.rectangle([x0, c.y, x1, c.y + rh], fill=205)
        for i, cells in enumerate([[(h, None) for h in head]] + rows):
            for k, cell in enumerate(cells):
                s, fld = cell if isinstance(cell, tuple) else (cell, None)
                tx = xs[k + 1] - int(0.06 * c.dpi) - int(self.tw(s, pt)) if k in right else xs[k] + int(0.06 * c.dpi)
                c.text(tx, c.y + int(c.px(pt) * 0.25), s, pt, (fld, s) if fld else None,
                       c.bold if i == 0 else None)
            c.y += rh
            c.d.line([x0, c.y, x1, c.y], fill=120, width=lw)
        c.y += int(0.2 * c.dpi)

    def signature(self, x, y, width=1.7):
        c, r = self.c, self.r
        pts, n = [], r.randint(16, 26)
        for k in range(n):
            t = k / (n - 1)
            pts.append((x + t * width * c.dpi, y + 0.14 * c.dpi * (1 + math.sin(t * r.uniform(9, 16) + r.uniform(0, 3)))))
        c.d.line(pts, fill=r.randint(15, 60), width=max(2, c.dpi // 75), joint="curve")

    def sign_across(self, fld_names):
        """A signature whose stroke crosses a printed field (the signer's
        pen over the name or the date)."""
        spots = [f["bbox"] for f in self.c.fields if f["name"] in fld_names]
        if spots:
            bx, by, bw, bh = self.r.choice(spots)
            self.signature(bx + int(bw * self.r.uniform(0.1, 0.5)), by - int(0.1 * self.c.dpi))

    def seal(self, words):
        """A round seal, printed or inked over the text around a field."""
        c, r = self.c, self.r
        rad = int(r.uniform(0.55, 0.75) * c.dpi)
        size = 2 * rad + 4
        layer = Image.new("L", (size, size), 0)
        d = ImageDraw.Draw(layer)
        lw = max(2, c.dpi // 60)
        d.ellipse([2, 2, size - 3, size - 3], outline=255, width=lw)
        d.ellipse([int(0.28 * rad), int(0.28 * rad), size - int(0.28 * rad), size - int(0.28 * rad)], outline=255,
                  width=max(1, lw // 2))
        f = c.font(8, self.sans_b)
        n = len(words)
        for k, ch in enumerate(words):  # the words around the ring
            a = -math.pi / 2 + 2 * math.pi * k / (n + 2)
            g = Image.new("L", (int(c.px(10)), int(c.px(10))), 0)
            ImageDraw.Draw(g).text((g.size[0] // 2, g.size[1] // 2), ch, font=f, fill=255, anchor="mm")
            g = g.rotate(-math.degrees(a) - 90, resample=Image.BILINEAR)
            px = int(rad + 2 + math.cos(a) * rad * 0.86 - g.size[0] / 2)
            py = int(rad + 2 + math.sin(a) * rad * 0.86 - g.size[1] / 2)
            layer.paste(255, (px, py), g)
        d.regular_polygon((rad + 2, rad + 2, int(rad * 0.3)), 5, rotation=r.uniform(0, 72), fill=255)
        spots = [f["bbox"] for f in c.fields if f["name"] != "issuer"]
        bx, by, bw, bh = r.choice(spots) if spots else (c.w // 2, c.h // 2, 10, 10)
        x = max(0, min(c.w - size - 1, int(bx + bw * r.uniform(0.3, 0.9) - rad)))
        y = max(0, min(c.h - size - 1, int(by + bh / 2 - rad * r.uniform(0.6, 1.4))))
        layer = layer.point(lambda v: int(v * r.uniform(0.4, 0.6)))
        box = (x, y, x + size, y + size)
        dark = c.img.crop(box).point(lambda v: max(0, v - 120))
        c.img.paste(dark, box[:2], layer)
        c.d = ImageDraw.Draw(c.img)

    def border(self):
        """An ornate double border with corner rosettes (the diploma)."""
        c = self.c
        m = int(0.4 * c.dpi)
        for k, wd in ((0, max(3, c.dpi // 40)), (int(0.12 * c.dpi), max(1, c.dpi // 150))):
            c.d.rectangle([m + k, m + k, c.w - m - k, c.h - m - k], outline=50, width=wd)
        for cx, cy in ((m, m), (c.w - m, m), (m, c.h - m), (c.w - m, c.h - m)):
            for k in range(8):
                a = k * math.pi / 4
                rr = int(0.17 * c.dpi)
                c.d.ellipse([cx + math.cos(a) * rr - rr // 2, cy + math.sin(a) * rr - rr // 2,
                             cx + math.cos(a) * rr + rr // 2, cy + math.sin(a) * rr + rr // 2], outline=70,
                            width=max(1, c.dpi // 150))
        y = m + int(0.25 * c.dpi)
        step = int(0.18 * c.dpi)
        for x in range(m + int(0.5 * c.dpi), c.w - m - int(0.5 * c.dpi), step):  # a chain along the top and bottom
            c.d.ellipse([x, y - step // 4, x + step // 2, y + step // 4], outline=90)
            c.d.ellipse([x, c.h - y - step // 4, x + step // 2, c.h - y + step // 4], outline=90)

    def centred(self, s, pt, path=None, field=None, gap=1.6):
        c = self.c
        while self.tw(s, pt, path) > c.w - 2.4 * c.margin and pt > 8:
            pt -= 1
        c.text(int((c.w - self.tw(s, pt, path)) / 2), c.y, s, pt, field, path)
        c.y += int(c.px(pt) * gap)

    # -- capture ---------------------------------------------------------
    def crease(self):
        c, r = self.c, self.r
        a = np.asarray(c.img, np.float32)
        h = a.shape[0]
        for frac in ((1 / 3.0, 2 / 3.0) if r.random() < 0.6 else (0.5,)):
            y = int(h * frac + r.uniform(-0.02, 0.02) * h)
            band = int(0.25 * c.dpi)
            ramp = np.linspace(1.0, 0.0, band, dtype=np.float32)[:, None]
            a[y - band:y] *= 1 - 0.08 * ramp[::-1]
            a[y:y + band] = a[y:y + band] * (1 - 0.04 * ramp) + 10 * ramp
            a[y - 1:y + 1] *= r.uniform(0.6, 0.8)
        c.img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")
        c.d = ImageDraw.Draw(c.img)

    def thermal(self):
        """Faded ink on grey paper: a low-contrast thermal or old print."""
        c, r = self.c, self.r
        a = np.asarray(c.img, np.float32)
        paper = r.uniform(215, 235)
        ink = r.uniform(95, 130)
        a = ink + (a / 255.0) * (paper - ink)
        fade = np.linspace(0, r.uniform(10, 30), a.shape[0], dtype=np.float32)[:, None]
        a = np.minimum(paper, a + fade * (a < paper - 5))
        c.img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")
        c.d = ImageDraw.Draw(c.img)

    def phone(self):
        """A phone photo: the page in perspective on a darker table, light
        falling off to one side and a soft shadow; the fields' boxes follow."""
        c, r = self.c, self.r
        w, h = c.w, c.h
        pad = 0.06
        dst = [(w * r.uniform(0.01, pad), h * r.uniform(0.01, pad)), (w * (1 - r.uniform(0.01, pad)), h * r.uniform(0.01, pad)),
               (w * (1 - r.uniform(0.0, pad)), h * (1 - r.uniform(0.0, pad / 2))),
               (w * r.uniform(0.0, pad), h * (1 - r.uniform(0.0, pad / 2)))]
        src = [(0, 0), (w, 0), (w, h), (0, h)]
        back = homography(dst, src)  # output -> page
        fwd = homography(src, dst)
        table = r.randint(40, 110)
        img = c.img.transform((w, h), Image.PERSPECTIVE, tuple(back.flatten()[:8] / back[2, 2]),
                              resample=Image.BICUBIC, fillcolor=table)
        a = np.asarray(img, np.float32)
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        ang = r.uniform(0, 2 * math.pi)
        ramp = (xx * math.cos(ang) + yy * math.sin(ang)) / (w + h)
        a = a * (1 - r.uniform(0.08, 0.22) * (ramp - ramp.min()) / max(1e-6, ramp.max() - ramp.min()))
        sh = Image.new("L", (w, h), 0)  # the soft shadow of the phone and hand
        cx, cy = r.uniform(0.2, 0.8) * w, r.choice([0.0, 1.0]) * h
        ImageDraw.Draw(sh).ellipse([cx - 0.35 * w, cy - 0.3 * h, cx + 0.35 * w, cy + 0.3 * h], fill=255)
        sh = np.asarray(sh.filter(ImageFilter.GaussianBlur(0.12 * w)), np.float32) / 255.0
        a = a * (1 - r.uniform(0.15, 0.3) * sh)
        c.img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")
        c.d = ImageDraw.Draw(c.img)
        for f in c.fields:
            x, y, bw, bh = f["bbox"]
            pts = [apply(fwd, px, py) for px, py in ((x, y), (x + bw, y), (x, y + bh), (x + bw, y + bh))]
            x0, y0 = min(p[0] for p in pts), min(p[1] for p in pts)
            x1, y1 = max(p[0] for p in pts), max(p[1] for p in pts)
            f["bbox"] = [int(x0), int(y0), max(1, int(x1 - x0)), max(1, int(y1 - y0))]


def homography(src, dst):
    """The 3x3 matrix mapping the four points src onto dst."""
    m, v = [], []
    for (x, y), (u, w) in zip(src, dst):
        m.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        m.append([0, 0, 0, x, y, 1, -w * x, -w * y])
        v += [u, w]
    s = np.linalg.solve(np.array(m, np.float64), np.array(v, np.float64))
    return np.append(s, 1.0).reshape(3, 3)


def apply(hm, x, y):
    p = hm @ np.array([x, y, 1.0])
    return p[0] / p[2], p[1] / p[2]


def draw8(sd, kind, c, r, truth):
    pg = truth["page"]
    P = P8(sd, c, r, kind)
    who, dt, iss = pg["person"], P.date, pg["issuer"]
    num = pg["number"]
    co, aline = P.addr(pg["address"])
    issue = dt(pg["issue"])
    sub = "%s, %s  |  Tel. +44 %d %07d" % (r.choice(sd.STREETS), r.choice(sd.TOWNS).title(), r.randint(11, 99),
                                         r.randint(0, 9999999))
    span = c.w - 2 * c.margin
    if kind == "diploma":
        P.border()
        c.y = int(1.3 * c.dpi)
        P.centred(iss, 20, P.script, ("issuer", iss), 2.2)
        if P.lang:
            P.centred(TITLES[kind][1 if P.lang == "deu" else 2], 30, P.script, None, 1.3)
            P.centred("(%s)" % GLOSS[kind], 10, P.ital, None, 2.4)
            intro = {"deu": "Hiermit wird bestätigt, dass", "spa": "Se certifica que"}[P.lang]
            born = {"deu": "geboren am", "spa": "nacido/a el"}[P.lang]
        else:
            P.centred("Diploma", 34, P.script, None, 2.0)
            intro, born = "This is to certify that", "born"
        P.centred(intro, 13, P.script, None, 2.0)
        nm = P.name(who, r.choice(["given_first", "initial"]))
        P.centred(nm, 26, P.script, ("name", nm), 1.9)
        c.text(int(c.w / 2 - P.tw(born + " " + dt(pg["birth_date"]), 13, P.script) / 2), c.y, born + " ", 13, None,
               P.script)
        bx = int(c.w / 2 - P.tw(born + " " + dt(pg["birth_date"]), 13, P.script) / 2 + P.tw(born + " ", 13, P.script))
        c.text(bx, c.y, dt(pg["birth_date"]), 13, ("birth_date", dt(pg["birth_date"])), P.script)
        c.y += int(c.px(13) * 2.2)
        P.centred("has completed the prescribed course of study and is awarded the", 13, P.script, None, 1.8)
        P.centred(r.choice(sd.DEGREES + ["Diploma of Higher Education in Nursing"]), 18, P.script, None, 2.6)
        d = pg["issue"]
        if P.lang:
            given = dt(d)
            lead = {"deu": "Ausgestellt am ", "spa": "Expedido el "}[P.lang]
        else:
            given = "%s day of %s, %d" % (ordinal(d.day), MONTHS["eng"][d.month - 1], d.year)
            lead = "Given this "
        tot = P.tw(lead + given, 12, P.script)
        c.text(int((c.w - tot) / 2), c.y, lead, 12, None, P.script)
        c.text(int((c.w - tot) / 2 + P.tw(lead, 12, P.script)), c.y, given, 12, ("issue_date", given), P.script)
        c.y += int(c.px(12) * 2.0)
        P.centred("Diploma no. %s" % num, 9, P.sans, None, 3.5)
        y = c.y
        for k, who_signs in enumerate(("Registrar", "Vice-Chancellor")):
            x = c.margin + int(0.3 * c.dpi) + k * int(span * 0.55)
            P.signature(x, y)
            c.d.line([x, y + int(0.5 * c.dpi), x + int(2.0 * c.dpi), y + int(0.5 * c.dpi)], fill=60)
            c.text(x, y + int(0.55 * c.dpi), who_signs, 9, None, P.sans)
        c.y = y + int(0.9 * c.dpi)
        P.seal("*SEAL OF THE UNIVERSITY*" if not P.lang else "*SIGILLUM*")
    else:
        P.header(iss, sub)
        if kind in ("birth_certificate", "marriage_certificate", "police_certificate"):
            legend = bool(P.lang)
            P.title()
            if kind == "birth_certificate":
                first, rest = (who["given_names"].split(" ", 1) + [""])[:2]
                P.row([(0.4, "Surname", who["surname"].upper(), "surname"),
                       (0.6 if P.lang else 0.35, "Given names" if P.lang else "First name", first if not P.lang else who["given_names"],
                        "given_names")] + ([] if P.lang else [(0.25, "Middle name", rest or "-", None)]), legend=legend)
                P.row([(0.35, "Date of birth", dt(pg["birth_date"]), "birth_date"),
                       (0.35, "Place of birth", r.choice(sd.PLACES), None), (0.3, "Register no.", num, "reference")],
                      legend=legend)
                for rel in ("father", "mother"):
                    p = pg[rel]
                    P.row([(0.5, rel.title(), P.name(p, "caps"), "other_name"),
                           (0.5, "Place of birth", r.choice(sd.PLACES), None)], legend=legend)
                if not P.lang:
                    P.checkboxes("Sex:", ["Male", "Female"], 1 if who["given_names"] in FEMALE else 0)
                P.row([(0.5, "Date of issue", issue, "issue_date"), (0.5, "Registrar", "J. M. Calder", None)],
                      legend=legend)
            elif kind == "marriage_certificate":
                pair = (who, pg["spouse"]) if pg["applicant_first"] else (pg["spouse"], who)
                for k, p in enumerate(pair):
                    P.row([(0.45, "Spouse", p["surname"].upper(), "surname" if p is who else "other_name"),
                           (0.55, "Given names", p["given_names"], "given_names" if p is who else None)],
                          legend=legend)
                P.row([(0.4, "Date of marriage", dt(pg["married"]), None),
                       (0.6, "Place of marriage", r.choice(sd.PLACES), None)], legend=legend)
                P.row([(0.5, "Register no.", num, "reference"), (0.5, "Date of issue", issue, "issue_date")],
                      legend=legend)
                if not P.lang:
                    P.checkboxes("Type of copy:", ["Certified copy", "Informational copy"], 0)
            else:
                nm = P.name(who, "caps")
                P.row([(0.6, "Full name", nm, "name"), (0.4, "Date of birth", dt(pg["birth_date"]), "birth_date")],
                      legend=legend)
                P.row([(0.5, "Certificate no.", num, "reference"), (0.5, "Date of issue", issue, "issue_date")],
                      legend=legend)
                c.y += int(0.1 * c.dpi)
                P.checkboxes("Result:", ["No record found", "Record attached"], 0)
                P.para("A search of the central records has been made against the particulars above. "
                       "No conviction, caution or warning is recorded on the date of issue.")
            c.y += int(0.2 * c.dpi)
            P.para(r.choice(["This is a true copy of the entry in the register in my custody.",
                             "Any alteration or erasure voids this certificate. Not valid without the seal."]), 9)
            P.signature(c.margin + int(0.2 * c.dpi), c.y)
            c.y += int(0.55 * c.dpi)
            c.text(c.margin, c.y, "Authorised officer", 9, None, P.sans)
            if r.random() < 0.7:
                P.seal("*OFFICIAL SEAL*" + iss.split(",")[0].upper()[:18])
        elif kind == "employment_letter":
            side_x = c.w - c.margin - int(1.9 * c.dpi)
            body_x1 = side_x - int(0.3 * c.dpi)
            c.d.line([side_x - int(0.12 * c.dpi), c.y, side_x - int(0.12 * c.dpi), c.y + int(4.0 * c.dpi)], fill=120)
            y0 = c.y
            for capt, val, fld in (("Our reference", "HR/%05d" % r.randint(0, 99999), None),
                                   ("Date of issue", issue, "issue_date"), ("Contact", "Human Resources", None),
                                   ("Telephone", "+44 %d %07d" % (r.randint(11, 99), r.randint(0, 9999999)), None)):
                capt2, gloss = P.cap(capt)
                c.text(side_x, c.y, capt2 + (" / " + gloss if gloss else ""), 7, None, P.sans)
                c.y += int(c.px(7) * 1.5)
                c.text(side_x, c.y, val, 9, (fld, val) if fld else None)
                c.y += int(c.px(9) * 2.2)
            c.y = y0
            P.title(body_x1)
            if P.lang:
                intro = {"deu": "Hiermit bestätigen wir, dass / We confirm that",
                         "spa": "Por la presente certificamos que / We certify that"}[P.lang]
            else:
                P.para(P.salutation(who), 10, None, body_x1)
                intro = "At your request, we confirm that"
            P.para(intro, 10, None, body_x1)
            x = c.margin + int(0.4 * c.dpi)
            nm = P.name(who)
            c.text(x, c.y, nm, 11, ("name", nm), c.bold)
            c.y += int(c.px(11) * 1.5)
            lab = {"deu": "geboren am ", "spa": "nacido/a el "}.get(P.lang, "born ")
            c.text(x, c.y, lab, 10)
            c.text(x + int(P.tw(lab, 10)), c.y, dt(pg["birth_date"]), 10, ("birth_date", dt(pg["birth_date"])))
            c.y += int(c.px(10) * 1.5)
            lab = {"deu": "wohnhaft ", "spa": "con domicilio en "}.get(P.lang, "residing at ")
            for s in co:
                c.text(x + int(P.tw(lab, 10)), c.y, s, 10)
                c.y += int(c.px(10) * 1.4)
            c.text(x, c.y, lab, 10)
            c.text(x + int(P.tw(lab, 10)), c.y, aline, 10, ("address", aline))
            c.y += int(c.px(10) * 2.0)
            start = dt(pg["issue"] - datetime.timedelta(days=r.randint(300, 4000)))
            pos = r.choice(sd.POSITIONS)
            P.para("has been employed by %s as %s since %s on a permanent contract of %d hours a week. "
                   "The employment has not been terminated and no notice has been given by either side."
                   % (iss, pos, start, r.choice([37, 38, 40])), 10, None, body_x1)
            P.para("This letter is given without liability on the part of the company or its officers.", 10, None,
                   body_x1)
            c.text(c.margin, c.y, "Yours sincerely," if not P.lang else "Mit freundlichen Grüßen" if
                   P.lang == "deu" else "Atentamente,", 10)
            c.y += int(c.px(10) * 1.6)
            P.signature(c.margin + int(0.1 * c.dpi), c.y)
            c.y += int(0.5 * c.dpi)
            c.text(c.margin, c.y, "%s, Head of People" % r.choice(["K. Brandt", "S. Iglesias", "R. Patel"]), 9)
            if r.random() < 0.5:
                P.sign_across(("issue_date",))
        elif kind == "tenancy_agreement":
            P.title()
            landlord = iss
            nm = P.name(who)
            heads = {"deu": ["Vertragsparteien", "Mietsache", "Bedingungen"],
                     "spa": ["Partes", "Vivienda", "Condiciones"]}.get(P.lang, [None] * 3)
            for k, (en, row) in enumerate(zip(("Parties", "The Property", "Terms"), (
                    [(0.5, "Landlord", landlord, None), (0.5, "Tenant", nm, "name")],
                    [(1.0, "Address", co + [aline], "address")], None))):
                s = "%d. %s" % (k + 1, heads[k] + " (%s)" % en.lower() if heads[k] else en)
                c.text(c.margin, c.y, s, 11, None, c.bold)
                c.y += int(c.px(11) * 1.7)
                if row:
                    P.row(row)
                    c.y += int(0.2 * c.dpi)
            start = pg["issue"] + datetime.timedelta(days=r.randint(0, 14))
            P.row([(0.34, "Date of agreement", issue, "issue_date"), (0.33, "Start of tenancy", dt(start), None),
                   (0.33, "Rent per month", P.money(r.randint(450, 2200)), None)])
            c.y += int(0.2 * c.dpi)
            for k, s in enumerate(["The Tenant shall pay the rent monthly in advance by standing order.",
                                   "The Tenant shall keep the interior of the Property in good and clean condition.",
                                   "The deposit is protected in a government authorised scheme.",
                                   "Either party may end the tenancy by two months' notice in writing."], 4):
                P.para("%d. %s" % (k, s), 10)
            y = c.y + int(0.2 * c.dpi)
            for k, lab in enumerate(("Signed by the Landlord", "Signed by the Tenant")):
                x = c.margin + k * int(span * 0.5)
                c.text(x, y, lab, 9, None, P.sans)
                P.signature(x, y + int(0.25 * c.dpi), 1.5)
            c.y = y + int(0.8 * c.dpi)
            if r.random() < 0.5:
                P.sign_across(("name",))
        elif kind == "bank_statement":
            nm = P.name(who, r.choice(["caps", "given_first"]))
            P.addressee(nm, co, aline)
            c.y += int(c.px(10) * 0.8)
            c.text(c.margin, c.y, "Current Account Statement", 14, None, P.sans_b)
            pgs = "Page 1 of 2"
            c.text(c.w - c.margin - int(P.tw(pgs, 9)), c.y, pgs, 9)
            c.y += int(c.px(14) * 1.8)
            start = pg["issue"] - datetime.timedelta(days=30)
            cells = [(0.32, "Account holder", nm, None), (0.2, "Account number", num, "account_number"),
                     (0.18, "Sort code", "%02d-%02d-%02d" % (r.randint(10, 99), r.randint(0, 99), r.randint(0, 99)),
                      None), (0.3, "Statement date", issue, "statement_date")]
            P.row(cells, pt=10)
            if pg.get("birth_date_shown"):
                P.row([(0.4, "Date of birth", dt(pg["birth_date"]), "birth_date"),
                       (0.6, "Period", "%s to %s" % (dt(start, "iso"), dt(pg["issue"], "iso")), None)], pt=10)
            c.y += int(0.25 * c.dpi)
            bal = r.randint(20000, 500000) / 100.0
            rows = [[dt(start, "iso"), "BALANCE BROUGHT FORWARD", "", "", "{:,.2f}".format(bal)]]
            d = start
            for _ in range(r.randint(9, 13)):
                d += datetime.timedelta(days=r.randint(1, 3))
                if d > pg["issue"]:
                    break
                payee = r.choice(["CARD PAYMENT TESCO", "DIRECT DEBIT EVERGREEN", "FASTER PAYMENT RENT",
                                  "SALARY HALCYON LTD", "CASH ATM", "STANDING ORDER SAVINGS", "CARD PAYMENT TFL"])
                amt = r.randint(300, 90000) / 100.0
                credit = payee.startswith("SALARY")
                bal += amt if credit else -amt
                rows.append([dt(d, "iso"), payee, "" if credit else "{:,.2f}".format(amt),
                             "{:,.2f}".format(amt) if credit else "", "{:,.2f}".format(bal)])
            rows.append(["", "BALANCE CARRIED FORWARD TO PAGE 2", "", "", "{:,.2f}".format(bal)])
            P.table(["Date", "Description", "Paid out", "Paid in", "Balance"], rows, [0.16, 0.42, 0.14, 0.14, 0.14],
                    8, right=(2, 3, 4))
            P.para("Please check this statement carefully and tell us about any entry you do not recognise. "
                   "Continued overleaf.", 8)
        elif kind == "payslip":
            c.text(c.margin, c.y, "PAYSLIP", 16, None, P.sans_b)
            c.y += int(c.px(16) * 2.0)
            nm = P.name(who, r.choice(["caps", "comma"]))
            P.row([(0.45, "Employer", iss, None), (0.3, "Pay date", issue, "statement_date"),
                   (0.25, "Tax period", "M%02d" % ((pg["issue"].month + 8) % 12 + 1), None)], legend=True, pt=10)
            P.row([(0.45, "Employee name", nm, "name"), (0.3, "Employee no.", num, "account_number"),
                   (0.25, "Tax code", "%dL" % r.randint(1000, 1300), None)], legend=True, pt=10)
            P.row([(0.72, "Address", co + [aline], "address"),
                   (0.28, "NI number", "%s%06d%s" % ("".join(r.choice("ABCEGHJ") for _ in range(2)), r.randint(0, 999999),
                                                    r.choice("ABCD")), None)], legend=True, pt=10)
            c.y += int(0.15 * c.dpi)
            basic = r.randint(150000, 400000) / 100.0
            ot = r.randint(0, 40000) / 100.0
            tax = round((basic + ot) * 0.16, 2)
            ni = round((basic + ot) * 0.08, 2)
            pens = round(basic * 0.05, 2)
            P.table(["Payments", "Amount", "Deductions", "Amount"],
                    [["Basic salary", "{:,.2f}".format(basic), "PAYE tax", "{:,.2f}".format(tax)],
                     ["Overtime", "{:,.2f}".format(ot), "National Insurance", "{:,.2f}".format(ni)],
                     ["", "", "Pension", "{:,.2f}".format(pens)]], [0.3, 0.2, 0.3, 0.2], 9, right=(1, 3))
            P.row([(0.34, "Total payments", "{:,.2f}".format(basic + ot), None),
                   (0.33, "Total deductions", "{:,.2f}".format(tax + ni + pens), None),
                   (0.33, "Net pay", P.money(basic + ot - tax - ni - pens), "amount")], legend=True, pt=12)
        else:  # utility_bill
            nm = P.name(who, r.choice(["caps", "given_first", "comma"]))
            c.text(c.margin, c.y, "Your energy bill" if "Energy" in iss else "Your water and sewerage bill", 15, None,
                   P.sans_b)
            c.y += int(c.px(15) * 1.9)
            y0 = c.y
            P.addressee(nm, co, aline)
            yl = c.y + int(c.px(10) * 0.6)
            x = c.margin + int(span * 0.58)
            c.y = y0
            for capt, val, fld in (("Account number", num, "account_number"), ("Bill date", issue, "statement_date"),
                                   ("Billing period", "%s - %s" % (dt(pg["issue"] - datetime.timedelta(days=91), "iso"),
                                                                   dt(pg["issue"] - datetime.timedelta(days=1), "iso")),
                                    None)):
                c.text(x, c.y, capt, 8, None, P.sans)
                c.text(x + int(1.2 * c.dpi), c.y, val, 9, (fld, val) if fld else None)
                c.y += int(c.px(9) * 1.6)
            c.y = max(c.y, yl) + int(0.2 * c.dpi)
            charges = [r.randint(3000, 30000) / 100.0, r.randint(1000, 5000) / 100.0]
            vat = round(sum(charges) * 0.05, 2)
            total = sum(charges) + vat
            P.table(["Charge", "Details", "Amount"],
                    [["Usage", "%d units" % r.randint(200, 3000), "{:,.2f}".format(charges[0])],
                     ["Standing charge", "91 days", "{:,.2f}".format(charges[1])],
                     ["VAT", "5 %", "{:,.2f}".format(vat)], ["Total due", "", "{:,.2f}".format(total)]],
                    [0.45, 0.3, 0.25], 9, right=(2,))
            P.para("We will collect the amount due by Direct Debit on or after %s. If you pay another way, "
                   "please return the slip below with your payment." % dt(pg["issue"] + datetime.timedelta(days=14)), 9)
            # The tear-off remittance slip.
            c.y = max(c.y + int(0.4 * c.dpi), int(c.h - 3.0 * c.dpi))
            x = int(0.3 * c.dpi)
            while x < c.w - int(0.3 * c.dpi):
                c.d.line([x, c.y, x + int(0.08 * c.dpi), c.y], fill=60, width=max(1, c.dpi // 150))
                x += int(0.14 * c.dpi)
            c.text(int(0.3 * c.dpi), c.y - int(c.px(10) * 0.6), "\u2702", 10, None,
                   first_font(["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"], P.sans))
            c.y += int(0.15 * c.dpi)
            c.text(c.margin, c.y, "Remittance slip - detach and return with your payment", 8, None, P.sans)
            c.y += int(c.px(8) * 2.0)
            P.row([(0.4, "Name", nm, None), (0.3, "Account number", num, None),
                   (0.3, "Amount due", P.money(total), None)], pt=10)
            c.y += int(0.25 * c.dpi)
            c.text(c.margin, c.y, "<%s> %010d %09d <" % (num, r.randint(0, 10 ** 10 - 1), int(total * 100)), 10, None,
                   P.mono)
    # Capture.
    if P.fold:
        P.crease()
    if kind in ("payslip", "utility_bill", "bank_statement") and r.random() < 0.35:
        P.thermal()
    if r.random() < 0.25:
        P.phone()
    return P.lang
