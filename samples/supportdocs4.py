"""The heldout4 family of samples/supportdocs.py (drawn only with
--layouts heldout4; see its docstring): its typefaces, titles and issuers,
the H4 page (logo letter head, window block, ruled tables) and draw4.
"""
import datetime
import os

import supporting  # (font folders, filler words, payees)
from supportbase import DEGREES, MONTHS, PLACES, POSITIONS, STREETS, TOWNS, filler, money


# heldout4 (written 2026-12-06 before any of its pages was screened): English
# pages with wording no other family uses, a letterhead with a logo block,
# letters in two columns (the addressee's window block on the left, the
# references and date on the right), fields in ruled tables (a shaded label
# cell and a value cell with grid lines), sometimes two tables side by side,
# other typefaces (URW Bookman, Gothic, Century Schoolbook, Palatino), names
# with a courtesy title ("Mrs Anna SMITH") or surname and forenames in two
# rows, and ordinal dates ("5th March 1980").
H4_FONTS = ["URWBookman-Light.otf", "URWGothic-Book.otf", "C059-Roman.otf", "P052-Roman.otf"]
H4_BOLD = {"URWBookman-Light.otf": "URWBookman-Demi.otf", "URWGothic-Book.otf": "URWGothic-Demi.otf",
           "C059-Roman.otf": "C059-Bold.otf", "P052-Roman.otf": "P052-Bold.otf"}
H4_TITLES = {
    "birth_certificate": ["CERTIFIED COPY OF AN ENTRY OF BIRTH", "Extract of Birth Registration"],
    "marriage_certificate": ["CERTIFIED COPY OF AN ENTRY OF MARRIAGE", "Record of Marriage"],
    "bank_statement": ["Current Account Statement", "Your Account Summary"],
    "payslip": ["Earnings Statement", "Salary Advice"],
    "employment_letter": ["Re: Verification of Employment", "Reference: Employment Status"],
    "utility_bill": ["Water Services Invoice", "Electricity Account Invoice"],
    "tenancy_agreement": ["RESIDENTIAL LEASE", "Agreement to Let a Dwelling"],
    "police_certificate": ["Basic Disclosure Certificate", "Criminal Record Check Result"],
    "diploma": ["Certificate of Graduation", "Award Certificate"],
}
H4_ISSUERS = {
    "birth_certificate": ["Office of the Registrar, District of %s"], "marriage_certificate": ["Office of the Registrar, District of %s"],
    "bank_statement": ["Lakeland Building Society", "Meridian Bank"], "payslip": ["Hollis & Crane Printers", "Westmoor Care Homes"],
    "employment_letter": ["Hollis & Crane Printers", "Westmoor Care Homes"],
    "utility_bill": ["Severnside Water", "Vale Electricity Co."], "tenancy_agreement": ["Oakwood Residential Lettings"],
    "police_certificate": ["Disclosure Services Agency"], "diploma": ["University of Eastmarch", "Fairhaven Institute of Technology"],
}


def h4_date(d, style):
    suf = "th" if 10 <= d.day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
    if style == "ordinal":
        return "%d%s %s %d" % (d.day, suf, MONTHS[d.month - 1], d.year)
    if style == "slash":
        return d.strftime("%d/%m/%Y")
    return "%d %s %d" % (d.day, MONTHS[d.month - 1][:3], d.year)


class H4:
    """A heldout4 page: logo letterhead, window block, ruled tables."""

    def __init__(self, c, r, fontlist):
        self.c, self.r = c, r
        found = {}
        for name in H4_FONTS + list(H4_BOLD.values()):
            for d in supporting.FONT_DIRS:
                p = os.path.join(d, name)
                if os.path.exists(p):
                    found[name] = p
        choices = [n for n in H4_FONTS if n in found]
        if choices:
            n = r.choice(choices)
            c.body = found[n]
            c.bold = found.get(H4_BOLD[n], c.body)
        self.pt = r.choice([10, 11])
        self.style = r.choice(["ordinal", "ordinal", "slash", "short"])
        self.honorific = r.choice(["Mr", "Ms", "Mrs", "Dr"])

    def date(self, d):
        return h4_date(d, self.style)

    def name(self, p):
        return "%s %s %s" % (self.honorific, p["given_names"], p["surname"].upper())

    def logo(self, issuer, sub):
        c = self.c
        s = int(0.75 * c.dpi)
        x, y = c.margin, c.y
        initials = "".join(w[0] for w in issuer.replace("&", "").split() if w[0].isupper())[:3]
        if self.r.random() < 0.5:
            c.d.ellipse([x, y, x + s, y + s], fill=self.r.randint(30, 80))
        else:
            c.d.rectangle([x, y, x + s, y + s], fill=self.r.randint(30, 80))
        f = c.font(16, c.bold)
        tw = c.d.textlength(initials, font=f)
        c.d.text((x + (s - tw) / 2, y + s * 0.28), initials, font=f, fill=250)
        tx = x + s + int(0.2 * c.dpi)
        c.text(tx, y + int(0.05 * c.dpi), issuer, 15, ("issuer", issuer), c.bold)
        c.text(tx, y + int(0.42 * c.dpi), sub, 8)
        c.y = y + s + int(0.12 * c.dpi)
        c.d.line([c.margin, c.y, c.w - c.margin, c.y], fill=30, width=max(2, c.dpi // 60))
        c.y += int(0.3 * c.dpi)

    def window(self, p, addr, refs):
        """The addressee's block on the left, references and date on the right."""
        c = self.c
        y0 = c.y
        nm = self.name(p)
        c.text(c.margin, c.y, nm, 11, ("name", nm))
        c.y += int(c.px(11) * 1.4)
        for k, s in enumerate(addr):
            c.text(c.margin, c.y, s, 11, ("address", s) if k == 0 else None)
            c.y += int(c.px(11) * 1.4)
        yl = c.y
        c.y = y0
        x = c.margin + int(4.1 * c.dpi)
        for lab, val, fld in refs:
            c.text(x, c.y, lab, 9)
            c.text(x + int(1.35 * c.dpi), c.y, val, 10, (fld, val) if fld else None)
            c.y += int(c.px(10) * 1.5)
        c.y = max(c.y, yl) + int(0.3 * c.dpi)

    def heading(self, s):
        c = self.c
        c.text(c.margin, c.y, s, 16, None, c.bold)
        c.y += int(c.px(16) * 1.8)

    def ruled(self, rows, x=None, w=None):
        """rows: (label, value, field); a shaded label cell and a value cell."""
        c = self.c
        x = c.margin if x is None else x
        w = (c.w - 2 * c.margin) if w is None else w
        lw = int(w * 0.38)
        pad = int(0.05 * c.dpi)
        y = c.y
        lt = max(1, c.dpi // 120)
        for lab, val, fld in rows:
            lines = val if isinstance(val, list) else [val]
            h = int(c.px(self.pt) * (0.6 + 1.35 * len(lines)))
            c.d.rectangle([x, y, x + lw, y + h], fill=self.r.randint(215, 232), outline=20, width=lt)
            c.d.rectangle([x + lw, y, x + w, y + h], outline=20, width=lt)
            c.text(x + pad, y + pad, lab, max(8, self.pt - 1))
            for k, s in enumerate(lines):
                c.text(x + lw + pad, y + pad + int(c.px(self.pt) * 1.35 * k), s, self.pt,
                       (fld, s) if fld and k == 0 else None)
            y += h
        return y

    def table(self, rows):
        c = self.c
        c.y = self.ruled(rows) + int(0.25 * c.dpi)

    def two(self, left, right):
        c = self.c
        half = (c.w - 2 * c.margin - int(0.25 * c.dpi)) // 2
        y0 = c.y
        y1 = self.ruled(left, c.margin, half)
        c.y = y0
        y2 = self.ruled(right, c.margin + half + int(0.25 * c.dpi), half)
        c.y = max(y1, y2) + int(0.25 * c.dpi)

    def grid(self, header, rows):
        """A ruled table with a header row (transactions, charges)."""
        c = self.c
        span = c.w - 2 * c.margin
        n = len(header)
        xs = [c.margin + int(span * k / n) for k in range(n)] + [c.w - c.margin]
        h = int(c.px(9) * 1.6)
        lt = max(1, c.dpi // 150)
        for i, row in enumerate([header] + rows):
            if c.y > c.h - c.margin - int(1.6 * c.dpi):
                break
            if i == 0:
                c.d.rectangle([xs[0], c.y, xs[-1], c.y + h], fill=self.r.randint(200, 225))
            for k, cell in enumerate(row):
                c.d.rectangle([xs[k], c.y, xs[k + 1], c.y + h], outline=30, width=lt)
                c.text(xs[k] + int(0.04 * c.dpi), c.y + int(0.2 * c.px(9)), cell, 9)
            c.y += h
        c.y += int(0.25 * c.dpi)


def draw4(kind, c, r, truth, fontlist):
    pg = truth["page"]
    H = H4(c, r, fontlist)
    who = pg["person"]
    dt = H.date
    iss = pg["issuer"]
    sub = "%d %s, %s  ·  Tel. 0%d %06d" % (r.randint(1, 90), r.choice(STREETS), r.choice(TOWNS).title(),
                                          r.randint(100, 199), r.randint(0, 999999))
    H.logo(iss, sub)
    t = r.choice(H4_TITLES[kind])
    addr = pg["address"]
    split_name = [("Surname", who["surname"].upper(), "surname"), ("Forename(s)", who["given_names"], "given_names")]
    if kind == "birth_certificate":
        H.heading(t)
        left = split_name + [("Born on", dt(pg["birth_date"]), "birth_date"), ("Born at", r.choice(PLACES), None)]
        right = [("Father", H.name(pg["father"]).split(" ", 1)[1], "other_name"),
                 ("Mother", H.name(pg["mother"]).split(" ", 1)[1], "other_name"),
                 ("Entry no.", pg["number"], "reference"), ("Certified on", dt(pg["issue"]), "issue_date")]
        H.two(left, right) if r.random() < 0.5 else H.table(left + right)
        filler(c, r, 1)
    elif kind == "marriage_certificate":
        H.heading(t)
        first, second = (pg["person"], pg["spouse"]) if pg["applicant_first"] else (pg["spouse"], pg["person"])
        nm = lambda q: "%s %s" % (q["given_names"], q["surname"].upper())
        H.table([("First party", nm(first), "name" if first is pg["person"] else "other_name"),
                 ("Second party", nm(second), "name" if second is pg["person"] else "other_name"),
                 ("Married on", dt(pg["married"]), None), ("Married at", r.choice(PLACES), None),
                 ("Entry no.", pg["number"], "reference"), ("Certified on", dt(pg["issue"]), "issue_date")])
        filler(c, r, 1)
    elif kind in ("bank_statement", "payslip", "utility_bill"):
        refs = {"bank_statement": [("Account no.", pg["number"], "account_number"),
                                   ("Period ending", dt(pg["issue"]), "statement_date")],
                "payslip": [("Payroll ref.", pg["number"], "account_number"),
                            ("Paid on", dt(pg["issue"]), "statement_date")],
                "utility_bill": [("Customer ref.", pg["number"], "account_number"),
                                 ("Invoice date", dt(pg["issue"]), "statement_date")]}[kind]
        H.window(who, addr, refs)
        H.heading(t)
        if kind == "bank_statement":
            if pg.get("birth_date_shown"):
                H.table([("Customer born", dt(pg["birth_date"]), "birth_date")])
            rows, bal, day = [], r.randint(1000, 900000) / 100, pg["issue"] - datetime.timedelta(days=30)
            for _ in range(r.randint(6, 12)):
                amt = r.randint(100, 90000) / 100
                inc = r.random() < 0.3
                bal += amt if inc else -amt
                day += datetime.timedelta(days=r.randint(0, 3))
                rows.append([day.strftime("%d %b"), r.choice(supporting.PAYEES).title(),
                             "" if inc else "%.2f" % amt, "%.2f" % amt if inc else "", "%.2f" % bal])
            H.grid(["Date", "Details", "Paid out", "Paid in", "Balance"], rows)
            H.table([("Balance carried forward", "%.2f" % bal, "amount")])
        elif kind == "payslip":
            H.grid(["Description", "Hours", "Rate", "Amount"],
                   [[n, "%d.00" % r.randint(1, 170), money(r, 5, 60), money(r)] for n in
                    ["Basic salary", "Overtime", "PAYE tax", "National Insurance", "Pension"]])
            H.two([("Tax code", "%dL" % r.randint(1000, 1300), None)],
                  [("Net amount paid", money(r, 800, 4000), "amount")])
        else:
            H.grid(["Charge", "Period", "Quantity", "Cost"],
                   [["Supply", "%d days" % r.randint(28, 92), "%d m3" % r.randint(10, 90), money(r, 20, 200)],
                    ["Standing charge", "", "", money(r, 5, 30)]])
            H.table([("Total to pay", money(r, 30, 400), "amount")])
        c.para(" ".join(r.choice(supporting.LOREM) for _ in range(r.randint(20, 30))).capitalize() + ".", 9)
    elif kind == "employment_letter":
        H.window(who, addr, [("Our ref.", "HR/%d" % r.randint(1000, 9999), None), ("Dated", dt(pg["issue"]), "issue_date")])
        H.heading(t)
        c.para("Dear %s %s," % (H.honorific, who["surname"]), 11)
        c.para("Further to your request we set out below the particulars of your employment with %s, "
               "which remains current at the date of this letter." % iss, 11)
        H.table([("Employee", "%s %s" % (who["given_names"], who["surname"].upper()), "name"),
                 ("Born", dt(pg["birth_date"]), "birth_date"),
                 ("Role", r.choice(POSITIONS), None),
                 ("Employed since", dt(pg["issue"] - datetime.timedelta(days=r.randint(400, 4000))), None),
                 ("Residence", ", ".join(addr), "address")])
        c.para("Kind regards,", 11)
    elif kind == "tenancy_agreement":
        H.heading(t)
        H.table([("Dated", dt(pg["issue"]), "issue_date"),
                 ("Lessor", r.choice(["Mr R. Pennington", "Harlow Estates Ltd", "Mrs D. Fairweather"]), None),
                 ("Lessee", "%s %s" % (who["given_names"], who["surname"].upper()), "name"),
                 ("Premises", addr, "address"),
                 ("Rent per calendar month", "£" + money(r, 500, 2500), "amount")])
        filler(c, r, 2)
    elif kind == "police_certificate":
        H.heading(t)
        H.two(split_name + [("Born", dt(pg["birth_date"]), "birth_date")],
              [("Birthplace", r.choice(PLACES), None), ("Disclosure no.", pg["number"], "reference"),
               ("Issued", dt(pg["issue"]), "issue_date")])
        c.para("There is no conviction or conditional caution recorded against the applicant "
               "named above at the date shown.", 11)
    elif kind == "diploma":
        c.y += int(0.3 * c.dpi)
        for s, pt, fld in [(t.upper(), 20, None), ("The Senate hereby confers upon", 12, None),
                           ("%s %s" % (who["given_names"], who["surname"].upper()), 20, "name"),
                           ("the award of " + r.choice(DEGREES), 12, None)]:
            x = (c.w - int(c.width(s, pt))) // 2
            c.text(x, c.y, s, pt, (fld, s) if fld else None)
            c.y += int(c.px(pt) * 2.0)
        c.y += int(0.3 * c.dpi)
        H.two([("Student born", dt(pg["birth_date"]), "birth_date")],
              [("Award no.", pg["number"], "reference"), ("Conferred on", dt(pg["issue"]), "issue_date")])
