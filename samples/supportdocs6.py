"""The heldout6 family of samples/supportdocs.py (--layouts heldout6).

Written on 2026-12-06 by a session that tunes no rule, before any of its
pages was screened, so that the supporting-page rules of that day can be
judged on pages nobody looked at. Do not inspect its pages to fix a rule.

What it draws, unlike every earlier family:
- other wording per type ("Extract of Birth Entry", "Extract of Marriage
  Entry", "Account Summary", "Salary Certificate", "Statement of
  Service", "Gas and Electricity Statement", "Rental Contract", "Extract
  from the Criminal Records", "Transcript / Degree Certificate");
- form-like pages: fields in ruled boxes with a small caption in the box's
  top-left corner, sections under shaded header rows ("SECTION A -
  PARTICULARS OF THE HOLDER"), or a two-column page with the issuer's block
  on the left and the person's block on the right;
- names on one row as "Surname: SMITH  Forename(s): John", or "SMITH John"
  under a caption "Full name (surname first)";
- dates "March 3, 2021", "3 Mar 21" (two-digit year) or "03.03.2021";
- a round office stamp and a signature over the text near the end, a
  scanned tilt and uneven lighting (a bright spot and a darker corner).

`sd` is the supportdocs module (its Canvas, names, streets, months).
"""
import datetime
import math

import numpy as np
from PIL import Image, ImageDraw

TITLES = {
    "birth_certificate": ["Extract of Birth Entry", "Certified Extract of an Entry of Birth"],
    "marriage_certificate": ["Extract of Marriage Entry", "Certified Extract - Register of Marriages"],
    "bank_statement": ["Account Summary", "Current Account Summary"],
    "payslip": ["Salary Certificate", "Monthly Salary Certificate"],
    "employment_letter": ["Statement of Service", "Employer's Statement of Service"],
    "utility_bill": ["Gas and Electricity Statement", "Dual Fuel Energy Statement"],
    "tenancy_agreement": ["Rental Contract", "Residential Rental Contract"],
    "police_certificate": ["Extract from the Criminal Records", "Criminal Records Extract"],
    "diploma": ["Transcript / Degree Certificate", "Academic Transcript and Award"],
}
ISSUERS = {
    "birth_certificate": ["Civil Registration Service, District of %s", "Registrar of Births, %s"],
    "marriage_certificate": ["Civil Registration Service, District of %s", "Registrar of Marriages, %s"],
    "bank_statement": ["Westmoor Savings Bank", "Fenwick & Hale Bank Ltd"],
    "payslip": ["Orchard Valley Foods Ltd", "Castlegate Engineering plc"],
    "employment_letter": ["Orchard Valley Foods Ltd", "Castlegate Engineering plc"],
    "utility_bill": ["Meridian Energy Supply", "Heartland Gas & Electric"],
    "tenancy_agreement": ["Brookfield Lettings", "Harbourside Residential Ltd"],
    "police_certificate": ["Central Criminal Records Office", "National Records Directorate"],
    "diploma": ["University of Eastmere", "Thornbury Institute of Technology"],
}
DISTRICTS = ["Eastmere", "Holloway", "Carrick", "Wyndham", "Aldgrave"]
MON3 = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def issuer(kind, r):
    s = r.choice(ISSUERS[kind])
    return s % r.choice(DISTRICTS) if "%s" in s else s


class H6:
    """One heldout6 page's choices and drawing helpers."""

    def __init__(self, sd, c, r):
        self.sd, self.c, self.r = sd, c, r
        self.dstyle = r.choice(["month_comma", "d_mon_yy", "dots"])
        self.layout = r.choice(["form", "form", "two_col"])
        self.nstyle = r.choice(["one_row", "surname_first"])
        self.pt = r.choice([10, 11])
        self.shade = r.randint(200, 225)

    def date(self, d):
        if self.dstyle == "month_comma":
            return "%s %d, %d" % (self.sd.MONTHS[d.month - 1], d.day, d.year)
        if self.dstyle == "d_mon_yy":
            return "%d %s %02d" % (d.day, MON3[d.month - 1], d.year % 100)
        return d.strftime("%d.%m.%Y")

    def money(self, lo=10, hi=3000):
        return "£{:,.2f}".format(self.r.randint(lo * 100, hi * 100) / 100.0)

    # -- drawing ---------------------------------------------------------
    def header(self, iss, ref):
        c = self.c
        c.text(c.margin, c.y, iss, 14, ("issuer", iss), c.bold)
        s = "Ref. %s" % ref
        c.text(c.w - c.margin - int(c.width(s, 9)), c.y + int(c.px(3)), s, 9)
        c.y += int(c.px(14) * 1.7)

    def title(self, t):
        c = self.c
        x = (c.w - int(c.width(t, 17))) // 2
        c.text(x, c.y, t, 17, None, c.bold)
        c.y += int(c.px(17) * 1.8)

    def band(self, s):
        """A shaded header row across the page holding a section title."""
        c = self.c
        h = int(c.px(self.pt) * 1.9)
        c.d.rectangle([c.margin, c.y, c.w - c.margin, c.y + h], fill=self.shade)
        c.text(c.margin + int(0.1 * c.dpi), c.y + int(h * 0.2), s, self.pt, None, c.bold)
        c.y += h + int(c.px(self.pt) * 0.6)

    def boxes(self, cells, x0=None, x1=None):
        """One row of ruled boxes; cells: (caption, value lines, field).
        The caption small in the box's top-left corner, the value under it."""
        c, pt = self.c, self.pt
        x0 = c.margin if x0 is None else x0
        x1 = c.w - c.margin if x1 is None else x1
        nl = max(len(v) if isinstance(v, list) else 1 for _, v, _ in cells)
        h = int(c.px(7) * 1.5 + c.px(pt) * 1.45 * nl + c.px(pt) * 0.5)
        span = (x1 - x0) / len(cells)
        lw = max(1, c.dpi // 150)
        for k, (cap, val, fld) in enumerate(cells):
            bx0, bx1 = int(x0 + k * span), int(x0 + (k + 1) * span)
            c.d.rectangle([bx0, c.y, bx1, c.y + h], outline=70, width=lw)
            c.text(bx0 + int(0.06 * c.dpi), c.y + int(0.04 * c.dpi), cap, 7)
            lines = val if isinstance(val, list) else [val]
            y = c.y + int(c.px(7) * 1.5)
            for n, s in enumerate(lines):
                c.text(bx0 + int(0.1 * c.dpi), y, s, pt, (fld, s) if fld and n == 0 else None)
                y += int(c.px(pt) * 1.45)
        c.y += h + int(0.08 * c.dpi)

    def name_row(self, who, x0=None, fld_prefix=""):
        """'Surname: SMITH   Forename(s): John' on one line, or 'SMITH John'
        under 'Full name (surname first)'."""
        c, pt = self.c, self.pt
        x = c.margin if x0 is None else x0
        if self.nstyle == "one_row":
            c.text(x, c.y, "Surname:", pt)
            x += int(c.width("Surname: ", pt))
            c.text(x, c.y, who["surname"].upper(), pt, (fld_prefix + "surname", who["surname"].upper()), c.bold)
            x += int(c.width(who["surname"].upper() + "    ", pt))
            c.text(x, c.y, "Forename(s):", pt)
            x += int(c.width("Forename(s): ", pt))
            c.text(x, c.y, who["given_names"], pt, (fld_prefix + "given_names", who["given_names"]), c.bold)
            c.y += int(c.px(pt) * 1.9)
        else:
            c.text(x, c.y, "Full name (surname first)", 8)
            c.y += int(c.px(8) * 1.5)
            s = "%s %s" % (who["surname"].upper(), who["given_names"])
            c.text(x, c.y, s, pt + 1, (fld_prefix + "name", s), c.bold)
            c.y += int(c.px(pt + 1) * 1.9)

    def kv_lines(self, rows, x0):
        """'Caption: value' lines from x0 (the person's block on the right)."""
        c, pt = self.c, self.pt
        for cap, val, fld in rows:
            lines = val if isinstance(val, list) else [val]
            c.text(x0, c.y, cap, 8)
            c.y += int(c.px(8) * 1.4)
            for n, s in enumerate(lines):
                c.text(x0, c.y, s, pt, (fld, s) if fld and n == 0 else None)
                c.y += int(c.px(pt) * 1.4)
            c.y += int(c.px(pt) * 0.4)

    def person_block(self, who, rows, left_rows):
        """Two columns: the issuer's details on the left, the person's block
        (name, then rows) on the right, under a shaded header row each."""
        c = self.c
        mid = c.margin + (c.w - 2 * c.margin) * 0.48
        top = c.y
        h = int(c.px(self.pt) * 1.9)
        c.d.rectangle([c.margin, c.y, int(mid) - int(0.1 * c.dpi), c.y + h], fill=self.shade)
        c.d.rectangle([int(mid), c.y, c.w - c.margin, c.y + h], fill=self.shade)
        c.text(c.margin + int(0.08 * c.dpi), c.y + int(h * 0.2), "ISSUED BY", self.pt, None, c.bold)
        c.text(int(mid) + int(0.08 * c.dpi), c.y + int(h * 0.2), "PARTICULARS OF THE HOLDER", self.pt, None, c.bold)
        c.y = top + h + int(c.px(self.pt) * 0.8)
        self.kv_lines(left_rows, c.margin)
        yl = c.y
        c.y = top + h + int(c.px(self.pt) * 0.8)
        save = self.nstyle
        self.nstyle = "surname_first"  # a narrow column: the name under its caption
        self.name_row(who, int(mid))
        self.nstyle = save
        self.kv_lines(rows, int(mid))
        c.y = max(c.y, yl) + int(0.15 * c.dpi)

    def holder(self, who, rows, left_rows, section="SECTION A - PARTICULARS OF THE HOLDER"):
        """The person's fields: a boxed form section, or the two-column block."""
        if self.layout == "two_col":
            self.person_block(who, rows, left_rows)
            return
        self.band(section)
        self.name_row(who)
        pairs = [rows[i:i + 2] for i in range(0, len(rows), 2)]
        for p in pairs:
            self.boxes(p)
        if left_rows:
            self.band("SECTION B - ISSUING OFFICE")
            self.boxes(left_rows[:3])

    def para(self, s, pt=None):
        self.c.para(s, pt or self.pt)

    def table(self, header, rows):
        c = self.c
        span = c.w - 2 * c.margin
        n = len(header)
        xs = [c.margin + int(span * k / n) for k in range(n)]
        h = int(c.px(9) * 1.7)
        c.d.rectangle([c.margin, c.y - int(c.px(9) * 0.3), c.w - c.margin, c.y + h - int(c.px(9) * 0.3)],
                      fill=self.shade)
        for i, row in enumerate([header] + rows):
            if c.y > c.h - c.margin - int(2.2 * c.dpi):
                break
            for k, cell in enumerate(row):
                c.text(xs[k] + int(0.05 * c.dpi), c.y, cell, 9, None, c.bold if i == 0 else None)
            c.y += h
        c.y += int(0.25 * c.dpi)

    def stamp_and_signature(self):
        """A round office stamp, translucent, and a signature over the text
        near the end of the page."""
        c, r = self.c, self.r
        rad = int(r.uniform(0.45, 0.6) * c.dpi)
        cx = int(r.uniform(0.45, 0.75) * c.w)
        cy = int(min(c.h - c.margin - rad, max(c.margin + rad, c.y - r.uniform(0.1, 0.5) * c.dpi)))
        layer = Image.new("L", (2 * rad + 4, 2 * rad + 4), 0)
        d = ImageDraw.Draw(layer)
        lw = max(2, c.dpi // 60)
        d.ellipse([2, 2, 2 * rad, 2 * rad], outline=255, width=lw)
        d.ellipse([rad * 0.28, rad * 0.28, rad * 1.72, rad * 1.72], outline=255, width=lw)
        f = c.font(9)
        for k, ch in enumerate("OFFICIAL * SEAL * "):
            a = 2 * math.pi * k / 18
            d.text((rad + 1 + math.cos(a) * rad * 0.86 - 4, rad + 1 + math.sin(a) * rad * 0.86 - 6), ch,
                   font=f, fill=255)
        layer = layer.rotate(r.uniform(-30, 30), resample=Image.BILINEAR)
        shade = r.randint(70, 110)
        dark = c.img.crop((cx - rad, cy - rad, cx + rad + 4, cy + rad + 4)).point(lambda v: max(0, v - shade))
        c.img.paste(dark, (cx - rad, cy - rad), layer)
        c.d = ImageDraw.Draw(c.img)
        pts, n = [], r.randint(16, 28)
        sx, sy = c.margin + r.uniform(0.2, 1.5) * c.dpi, cy + r.uniform(-0.1, 0.3) * c.dpi
        for k in range(n):
            t = k / (n - 1)
            pts.append((sx + t * 1.8 * c.dpi, sy + 0.18 * c.dpi * math.sin(t * r.uniform(9, 16) + r.uniform(0, 3))))
        c.d.line(pts, fill=r.randint(20, 60), width=max(2, c.dpi // 70), joint="curve")

    def lighting(self):
        """Uneven lighting: a bright spot and a darker far corner."""
        c, r = self.c, self.r
        a = np.asarray(c.img, np.float32)
        h, w = a.shape
        y, x = np.mgrid[0:h, 0:w].astype(np.float32)
        cx, cy = r.uniform(0.1, 0.9) * w, r.uniform(0.1, 0.9) * h
        d = np.hypot((x - cx) / w, (y - cy) / h)
        k = r.uniform(0.12, 0.25)
        a = np.clip(a * (1.05 - k * np.clip(d / 0.9, 0, 1.2)), 0, 255)
        c.img = Image.fromarray(a.astype(np.uint8), "L")
        c.d = ImageDraw.Draw(c.img)


def draw6(sd, kind, c, r, truth):
    pg = truth["page"]
    H = H6(sd, c, r)
    who = pg["person"]
    dt = H.date
    iss = pg["issuer"]
    addr = pg["address"]
    H.header(iss, pg["number"])
    t = r.choice(TITLES[kind])
    H.title(t)
    office = [("Office", iss.split(",")[0], None), ("Date of issue", dt(pg["issue"]), "issue_date"),
              ("Entry no.", pg["number"], "reference")]
    if kind == "birth_certificate":
        rows = [("Date of birth", dt(pg["birth_date"]), "birth_date"), ("Place of birth", r.choice(sd.PLACES), None),
                ("Father", "%s %s" % (pg["father"]["given_names"], pg["father"]["surname"].upper()), "other_name"),
                ("Mother", "%s %s" % (pg["mother"]["given_names"], pg["mother"]["surname"].upper()), "other_name")]
        H.holder(who, rows, office, "SECTION A - PARTICULARS OF THE CHILD")
        H.para("Certified to be a true extract of an entry in a register in the custody of the Registrar.")
    elif kind == "marriage_certificate":
        first, second = (who, pg["spouse"]) if pg["applicant_first"] else (pg["spouse"], who)
        H.band("SECTION A - PARTIES TO THE MARRIAGE")
        for p in (first, second):
            H.name_row(p, fld_prefix="" if p is who else "other_")
        H.boxes([("Date of marriage", dt(pg["married"]), None), ("Place of marriage", r.choice(sd.PLACES), None)])
        H.band("SECTION B - REGISTRATION")
        H.boxes(office)
        H.para("Certified to be a true extract of an entry in the register of marriages kept at this office.")
    elif kind == "bank_statement":
        rows = [("Address", addr, "address"), ("Account no.", pg["number"], "account_number"),
                ("Summary date", dt(pg["issue"]), "statement_date")]
        if pg.get("birth_date_shown"):
            rows.append(("Date of birth", dt(pg["birth_date"]), "birth_date"))
        H.holder(who, rows, [("Branch", r.choice(sd.PLACES), None), ("Sort code", "%02d-%02d-%02d" % (
            r.randint(10, 99), r.randint(0, 99), r.randint(0, 99)), None)])
        trs, bal = [], r.randint(1000, 900000) / 100.0
        day = pg["issue"] - datetime.timedelta(days=30)
        for _ in range(r.randint(4, 8)):
            amt = r.randint(100, 90000) / 100.0
            inc = r.random() < 0.3
            bal += amt if inc else -amt
            day += datetime.timedelta(days=r.randint(0, 3))
            trs.append([dt(day), sd.supporting.PAYEES[r.randrange(len(sd.supporting.PAYEES))].title()[:20],
                        "" if inc else "%.2f" % amt, "%.2f" % amt if inc else "", "%.2f" % bal])
        H.table(["Date", "Details", "Paid out", "Paid in", "Balance"], trs)
        H.boxes([("Closing balance", "£{:,.2f}".format(bal), "amount")])
    elif kind == "payslip":
        rows = [("Home address", addr, "address"), ("Staff no.", pg["number"], "account_number"),
                ("Pay date", dt(pg["issue"]), "statement_date")]
        H.holder(who, rows, [("Employer", iss, None), ("Tax office", "%03d/%s%d" % (
            r.randint(100, 999), r.choice("ABKLMN"), r.randint(1000, 9999)), None)])
        H.table(["Item", "Hours", "Rate", "Amount"],
                [[n, "%d" % r.randint(1, 170), H.money(5, 60), H.money()] for n in
                 ["Basic salary", "Overtime", "Income tax", "National insurance", "Pension"]])
        H.boxes([("Net salary paid", H.money(800, 4000), "amount")])
    elif kind == "employment_letter":
        rows = [("Date of birth", dt(pg["birth_date"]), "birth_date"), ("Address", addr, "address"),
                ("Position", r.choice(sd.POSITIONS), None),
                ("In service since", dt(pg["issue"] - datetime.timedelta(days=r.randint(400, 4000))), None)]
        H.holder(who, rows, [("Employer", iss, None), ("Date", dt(pg["issue"]), "issue_date")])
        H.para("We certify that the employee named above is in our service on a permanent contract and "
               "that this statement is given at the employee's request.")
    elif kind == "utility_bill":
        rows = [("Supply address", addr, "address"), ("Customer no.", pg["number"], "account_number"),
                ("Statement date", dt(pg["issue"]), "statement_date")]
        H.holder(who, rows, [("Supplier", iss, None), ("Tariff", r.choice(["Standard variable", "Fixed 12M"]), None)])
        H.table(["Fuel", "Units", "Unit rate", "Charge"],
                [["Gas", "%d kWh" % r.randint(200, 1800), "%.2fp" % r.uniform(5, 9), H.money(30, 200)],
                 ["Electricity", "%d kWh" % r.randint(100, 600), "%.2fp" % r.uniform(20, 35), H.money(30, 200)]])
        H.boxes([("Total due", H.money(60, 400), "amount")])
    elif kind == "tenancy_agreement":
        H.band("1. THE PARTIES")
        H.boxes([("Landlord", r.choice(["Mr P. Ashdown", "Brookfield Estates Ltd", "Mrs K. Varga"]), None),
                 ("Agreement date", dt(pg["issue"]), "issue_date")])
        H.c.text(H.c.margin, H.c.y, "Tenant", 8)
        H.c.y += int(H.c.px(8) * 1.5)
        H.name_row(who)
        H.band("2. THE PROPERTY AND THE RENT")
        H.boxes([("Property", addr, "address"), ("Monthly rent", H.money(500, 2500), "amount")])
        H.para("The Tenant shall pay the rent monthly in advance and keep the property in good repair; "
               "either party may end this contract with two months' notice in writing.")
    elif kind == "police_certificate":
        rows = [("Date of birth", dt(pg["birth_date"]), "birth_date"), ("Place of birth", r.choice(sd.PLACES), None),
                ("Certificate no.", pg["number"], "reference")]
        H.holder(who, rows, [("Issuing office", iss, None), ("Date of issue", dt(pg["issue"]), "issue_date")])
        H.para("A search of the criminal records has been made: no entries are recorded against the "
               "person named above on the date of issue.")
    elif kind == "diploma":
        rows = [("Date of birth", dt(pg["birth_date"]), "birth_date"), ("Student no.", pg["number"], "reference"),
                ("Award", r.choice(sd.DEGREES), None), ("Date of award", dt(pg["issue"]), "issue_date")]
        H.holder(who, rows, [("Institution", iss, None)])
        H.table(["Module", "Credits", "Grade"],
                [[m, "%d" % r.choice([10, 15, 20, 30]), r.choice(["A", "B+", "B", "A-", "C+"])] for m in
                 ["Research Methods", "Statistics", "Dissertation", "Professional Practice"]])
    H.stamp_and_signature()
    H.lighting()
