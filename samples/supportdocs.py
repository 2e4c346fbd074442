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

Layout families: "colon" (Label: value), "column" (labels in a column,
values beside them), "stacked" (a small label over its value) are the
families rules may be tuned on; "heldout" (bilingual labels, values in a
right-hand column, "SURNAME, Given" names, dates written "March 5, 1980",
a right-aligned letter head) and "heldout2" (LABELS IN CAPITALS, values
flush with the right margin, "Given SURNAME" names, dates "05-Mar-1980")
are kept apart and measured separately.

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
                                              [--layouts train|heldout|all]
                                              [--defects 0.5] [--clean]
"""
import argparse
import datetime
import io
import json
import os
import random
import sys

from PIL import Image, ImageDraw, ImageFont

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import supporting  # noqa: E402  (fonts and the scanned look)

TODAY = datetime.date(2026, 11, 23)
KINDS = ["birth_certificate", "marriage_certificate", "bank_statement", "payslip",
         "employment_letter", "utility_bill", "tenancy_agreement", "police_certificate",
         "diploma"]
TRAIN = ["colon", "column", "stacked"]
HELDOUT = ["heldout", "heldout2"]
EXPECT = {"wrong_name": "SUPPORT_NAME_MISMATCH", "wrong_birth_date": "SUPPORT_BIRTH_DATE_MISMATCH",
          "wrong_address": "SUPPORT_ADDRESS_MISMATCH", "future_issue": "SUPPORT_DATE_FUTURE",
          "stale_statement": "SUPPORT_STATEMENT_OLD", "before_birth": "SUPPORT_ISSUED_BEFORE_BIRTH",
          "duplicate": "DUPLICATE_IMAGE"}
PRINTS_BIRTH = {"birth_certificate", "police_certificate", "employment_letter", "diploma"}
PRINTS_ADDRESS = {"bank_statement", "payslip", "utility_bill", "tenancy_agreement",
                  "employment_letter"}
STATEMENTS = {"bank_statement", "payslip", "utility_bill"}

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


class Layout:
    """How one family prints a labelled field."""

    def __init__(self, family, r, c):
        self.family, self.r, self.c = family, r, c
        self.pt = r.choice([10, 11, 12])
        self.col = c.margin + int(2.4 * c.dpi)

    def field(self, label, value, name=None, second=None):
        c, pt = self.c, self.pt
        fld = (name, value) if name else None
        if self.family == "colon":
            lab = label + ": "
            c.text(c.margin, c.y, lab, pt)
            c.text(c.margin + int(c.width(lab, pt)), c.y, value, pt, fld)
            c.y += int(c.px(pt) * 1.6)
        elif self.family == "column":
            c.text(c.margin, c.y, label, pt)
            c.text(self.col, c.y, value, pt, fld)
            c.y += int(c.px(pt) * 1.7)
        elif self.family == "stacked":
            c.text(c.margin, c.y, label, max(7, pt - 3))
            c.y += int(c.px(pt - 3) * 1.3)
            c.text(c.margin, c.y, value, pt + 1, fld)
            c.y += int(c.px(pt) * 1.9)
        elif self.family == "heldout2":  # LABEL IN CAPITALS ... value flush right
            c.text(c.margin, c.y, label.upper(), max(7, pt - 1))
            x = c.w - c.margin - int(c.width(value, pt))
            c.text(x, c.y, value, pt, fld)
            c.y += int(c.px(pt) * 1.7)
        else:  # heldout: "English / other language" label, value in a right column
            lab = label + (" / " + second if second else "")
            c.text(c.margin, c.y, lab, max(7, pt - 2))
            x = c.margin + int(3.6 * c.dpi)
            c.text(x, c.y, value, pt, fld)
            c.y += int(c.px(pt) * 1.8)

    def name(self, p):
        if self.family == "heldout2":
            return "%s %s" % (p["given_names"], p["surname"].upper())
        if self.family == "heldout":
            return "%s, %s" % (p["surname"].upper(), p["given_names"])
        return "%s %s" % (p["given_names"], p["surname"])

    def date(self, d):
        if self.family == "heldout2":
            return d.strftime("%d-%b-%Y")
        if self.family == "heldout":
            return fmt_date(d, self.r.choice(["us", "long"]))
        return fmt_date(d, {"colon": self.r.choice(["long", "iso", "dots"]),
                            "column": self.r.choice(["slash", "long", "abbr"]),
                            "stacked": self.r.choice(["long", "dots", "abbr"])}[self.family])


def letterhead(c, L, issuer, lines=None):
    pt = 14
    if L.family == "heldout":
        x = c.w - c.margin - int(c.width(issuer, pt))
        c.text(x, c.y, issuer, pt)
        c.y += int(c.px(pt) * 1.5)
        for s in lines or []:
            c.text(c.w - c.margin - int(c.width(s, 9)), c.y, s, 9)
            c.y += int(c.px(9) * 1.4)
    else:
        c.line(issuer, pt, field=("issuer", issuer))
        for s in lines or []:
            c.line(s, 9)
    c.y += int(0.25 * c.dpi)


def title(c, s, pt=20):
    c.line(s, pt, gap=1.8)


def addr_block(c, L, p, addr, label="Address", second="Adresse"):
    if L.family == "heldout" or L.family == "stacked":
        L.field(label, ", ".join(addr), "address", second)
    else:
        c.line(L.name(p), 11, field=("name", L.name(p)))
        c.line(addr[0], 11, field=("address", addr[0]))
        c.line(addr[1], 11)
        c.y += int(0.15 * c.dpi)


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


def draw(kind, c, L, r, p, truth):
    """Draws the page; truth["page"] holds what the page prints."""
    pg = truth["page"]
    name = L.name(pg["person"])
    if kind == "birth_certificate":
        letterhead(c, L, "General Register Office", ["Registration District of " + r.choice(PLACES)])
        title(c, r.choice(["CERTIFICATE OF BIRTH", "BIRTH CERTIFICATE"]))
        L.field("Name of child", name, "name", "Nom de l'enfant")
        L.field("Date of birth", L.date(pg["birth_date"]), "birth_date", "Date de naissance")
        L.field("Place of birth", r.choice(PLACES), None, "Lieu de naissance")
        L.field("Name of father", L.name(pg["father"]), "other_name", "Nom du père")
        L.field("Name of mother", L.name(pg["mother"]), "other_name", "Nom de la mère")
        L.field("Certificate number", pg["number"], "reference", "Numéro")
        L.field("Date of issue", L.date(pg["issue"]), "issue_date", "Date de délivrance")
        filler(c, r, 1)
    elif kind == "marriage_certificate":
        letterhead(c, L, "Register Office of " + r.choice(PLACES))
        title(c, r.choice(["CERTIFICATE OF MARRIAGE", "MARRIAGE CERTIFICATE"]))
        first, second = (pg["person"], pg["spouse"]) if pg["applicant_first"] else (pg["spouse"], pg["person"])
        L.field("Husband" if r.random() < 0.5 else "Spouse 1", L.name(first), "name", "Époux")
        L.field("Wife" if r.random() < 0.5 else "Spouse 2", L.name(second), "other_name", "Épouse")
        L.field("Date of marriage", L.date(pg["married"]), None, "Date du mariage")
        L.field("Place of marriage", r.choice(PLACES), None, "Lieu du mariage")
        L.field("Certificate number", pg["number"], "reference", "Numéro")
        L.field("Date of issue", L.date(pg["issue"]), "issue_date", "Date de délivrance")
        filler(c, r, 1)
    elif kind == "bank_statement":
        letterhead(c, L, pg["issuer"], ["Customer service 0800 %06d" % r.randint(0, 999999)])
        title(c, r.choice(["STATEMENT OF ACCOUNT", "BANK STATEMENT", "ACCOUNT STATEMENT"]))
        if L.family in ("colon", "column"):
            addr_block(c, L, pg["person"], pg["address"])
        else:
            L.field("Account holder", name, "name", "Titulaire")
            addr_block(c, L, pg["person"], pg["address"])
        if pg.get("birth_date_shown"):
            L.field("Date of birth", L.date(pg["birth_date"]), "birth_date", "Date de naissance")
        L.field("Account number", pg["number"], "account_number", "Numéro de compte")
        L.field("Statement date", L.date(pg["issue"]), "statement_date", "Date du relevé")
        rows, bal = [], r.randint(1000, 900000) / 100
        day = pg["issue"] - datetime.timedelta(days=30)
        for _ in range(r.randint(8, 16)):
            amt = r.randint(100, 90000) / 100
            bal += amt if r.random() < 0.3 else -amt
            day += datetime.timedelta(days=r.randint(0, 2))
            rows.append([day.strftime("%d %b").upper(), r.choice(supporting.PAYEES), "%.2f" % amt, "%.2f" % bal])
        table(c, r, ["DATE", "DESCRIPTION", "AMOUNT", "BALANCE"], rows)
        L.field("Closing balance", "%.2f" % bal, "amount", "Solde final")
    elif kind == "payslip":
        letterhead(c, L, pg["issuer"])
        title(c, r.choice(["PAYSLIP", "PAY STATEMENT"]))
        if L.family in ("colon", "column"):
            addr_block(c, L, pg["person"], pg["address"])
        else:
            L.field("Employee name", name, "name", "Nom du salarié")
            addr_block(c, L, pg["person"], pg["address"])
        L.field("Employee number", pg["number"], "account_number", "Matricule")
        L.field("Pay date", L.date(pg["issue"]), "statement_date", "Date de paie")
        rows = [[n, "%d.00" % r.randint(1, 170), money(r, 5, 60), money(r)] for n in
                ["BASIC PAY", "OVERTIME", "INCOME TAX", "NAT INS", "PENSION"]]
        table(c, r, ["PAYMENTS", "UNITS", "RATE", "AMOUNT"], rows)
        L.field("Net pay", money(r, 800, 4000), "amount", "Net à payer")
    elif kind == "employment_letter":
        letterhead(c, L, pg["issuer"], ["Human Resources"])
        L.field("Date", L.date(pg["issue"]), "issue_date", "Date")
        title(c, r.choice(["CONFIRMATION OF EMPLOYMENT", "LETTER OF EMPLOYMENT",
                           "CERTIFICATE OF EMPLOYMENT"]), 16)
        c.line("To whom it may concern,", 11)
        L.field("Employee name", name, "name", "Nom")
        L.field("Date of birth", L.date(pg["birth_date"]), "birth_date", "Date de naissance")
        L.field("Home address", ", ".join(pg["address"]), "address", "Adresse")
        L.field("Job title", r.choice(POSITIONS), None, "Poste")
        L.field("Start date", L.date(pg["issue"] - datetime.timedelta(days=r.randint(400, 4000))), None, "Début")
        c.para("We confirm that the employee named above is employed by %s on a permanent, full "
               "time contract. This letter is issued at the employee's request." % pg["issuer"], 11)
        c.line("Yours faithfully,", 11)
    elif kind == "utility_bill":
        letterhead(c, L, pg["issuer"])
        title(c, r.choice(["YOUR ELECTRICITY BILL", "YOUR ENERGY BILL", "YOUR GAS BILL"]))
        if L.family in ("colon", "column"):
            addr_block(c, L, pg["person"], pg["address"])
        else:
            L.field("Customer name", name, "name", "Client")
            L.field("Supply address", ", ".join(pg["address"]), "address", "Adresse")
        L.field("Account number", pg["number"], "account_number", "Numéro de compte")
        L.field("Bill date", L.date(pg["issue"]), "statement_date", "Date de facture")
        rows = [["Meter reading", "%05d" % r.randint(0, 99999), "kWh", money(r, 20, 200)],
                ["Standing charge", "%d days" % r.randint(28, 31), "", money(r, 5, 20)]]
        table(c, r, ["ITEM", "READING", "UNITS", "COST"], rows)
        L.field("Amount due", money(r, 30, 400), "amount", "Montant dû")
    elif kind == "tenancy_agreement":
        letterhead(c, L, r.choice(["Parkside Lettings", "Homefinder Estates", "City Lets Ltd"]))
        title(c, r.choice(["ASSURED SHORTHOLD TENANCY AGREEMENT", "TENANCY AGREEMENT"]), 16)
        L.field("Date", L.date(pg["issue"]), "issue_date", "Date")
        L.field("Landlord", r.choice(["Mr P. Harrow", "Westgate Property Ltd", "Mrs J. Ellison"]), None, "Bailleur")
        L.field("Tenant", name, "name", "Locataire")
        L.field("Property address", ", ".join(pg["address"]), "address", "Adresse du bien")
        L.field("Monthly rent", "GBP " + money(r, 500, 2500), "amount", "Loyer mensuel")
        filler(c, r, 2)
    elif kind == "police_certificate":
        letterhead(c, L, r.choice(["National Police Records Office", "Criminal Records Bureau"]))
        title(c, r.choice(["POLICE CERTIFICATE", "CERTIFICATE OF GOOD CONDUCT"]))
        L.field("Full name", name, "name", "Nom complet")
        L.field("Date of birth", L.date(pg["birth_date"]), "birth_date", "Date de naissance")
        L.field("Place of birth", r.choice(PLACES), None, "Lieu de naissance")
        L.field("Certificate number", pg["number"], "reference", "Numéro")
        L.field("Date of issue", L.date(pg["issue"]), "issue_date", "Date de délivrance")
        c.para("A search of the national records has found no convictions recorded against the "
               "person named above.", 11)
    elif kind == "diploma":
        letterhead(c, L, r.choice(UNIVERSITIES))
        title(c, r.choice(["DIPLOMA", "DEGREE CERTIFICATE"]), 24)
        c.line("This is to certify that", 12)
        c.line(name, 18, field=("name", name), gap=1.7)
        c.line("has been awarded the degree of " + r.choice(DEGREES), 12)
        c.y += int(0.2 * c.dpi)
        L.field("Date of birth", L.date(pg["birth_date"]), "birth_date", "Date de naissance")
        L.field("Certificate number", pg["number"], "reference", "Numéro")
        L.field("Date of issue", L.date(pg["issue"]), "issue_date", "Date de délivrance")


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


def make(i, a, fontlist, families):
    r = random.Random("%d/%d" % (a.seed, i))
    kind = KINDS[i % len(KINDS)]
    family = families[(i // len(KINDS)) % len(families)]
    dpi = r.choice([200, 240, 300])
    app = person(r)
    app_addr = address(r)
    application = TODAY - datetime.timedelta(days=r.randint(0, 20))
    defect = None
    if r.random() < a.defects:
        defect = r.choice(defects_for(kind))
    shown = {"person": dict(app), "birth_date": app["birth_date"], "address": app_addr,
             "number": "%s%d" % (r.choice(["", "AB", "CX", "N"]), r.randint(10**7, 10**9)),
             "issuer": r.choice({"bank_statement": BANKS, "payslip": EMPLOYERS,
                                 "employment_letter": EMPLOYERS,
                                 "utility_bill": SUPPLIERS}.get(kind, ["Registry"]))}
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
        father, mother = person(r, app["surname"]), person(r, app["surname"])
        shown["father"], shown["mother"] = father, mother
        case["related_persons"] = [
            {"surname": father["surname"], "given_names": father["given_names"], "relation": "father"},
            {"surname": mother["surname"], "given_names": mother["given_names"], "relation": "mother"}]
    if kind == "marriage_certificate":
        spouse = stranger(r, app)
        shown["spouse"] = spouse
        shown["applicant_first"] = r.random() < 0.5
        shown["married"] = shown["issue"] - datetime.timedelta(days=r.randint(0, 3000))
        case["related_persons"] = [{"surname": spouse["surname"], "given_names": spouse["given_names"],
                                    "birth_date": spouse["birth_date"].isoformat(), "relation": "spouse"}]
    if defect == "wrong_name":
        shown["person"] = stranger(r, app)
        if kind == "marriage_certificate":
            shown["person"]["surname"] = stranger(r, shown["spouse"])["surname"]
    elif defect == "wrong_birth_date":
        shown["birth_date"] = app["birth_date"] + datetime.timedelta(days=r.choice([-1, 1]) * r.randint(40, 4000))
    elif defect == "wrong_address":
        shown["address"] = address(r)
    elif defect == "future_issue":
        shown["issue"] = TODAY + datetime.timedelta(days=r.randint(20, 300))
    elif defect == "stale_statement":
        shown["issue"] = application - datetime.timedelta(days=r.randint(120, 600))
    elif defect == "before_birth":
        shown["issue"] = app["birth_date"] - datetime.timedelta(days=r.randint(30, 3000))
    truth = {"page": shown}
    c = Canvas(r, dpi, fontlist)
    L = Layout(family, r, c)
    draw(kind, c, L, r, app, truth)
    name = "%04d-%s" % (i, kind.replace("_", "-"))
    if a.clean:
        buf = io.BytesIO()
        c.img.save(buf, "JPEG", quality=92)
        data = buf.getvalue()
    else:
        data = supporting.scanned(c.img, r)
    with open(os.path.join(a.out, name + ".jpg"), "wb") as fh:
        fh.write(data)
    with open(os.path.join(a.out, name + ".case.json"), "w", encoding="utf-8") as fh:
        json.dump(case, fh, ensure_ascii=False, indent=1)
    expect = [EXPECT[defect]] if defect else []
    if defect == "duplicate":
        other = person(r)
        dup = {"case_id": "SD-%04d-B" % i, "surname": other["surname"],
               "given_names": other["given_names"], "birth_date": other["birth_date"].isoformat(),
               "application_date": application.isoformat()}
        with open(os.path.join(a.out, name + ".dup.case.json"), "w", encoding="utf-8") as fh:
            json.dump(dup, fh, ensure_ascii=False, indent=1)
        # The same paper through the scanner again: another rotation, noise
        # and compression.
        again = supporting.scanned(c.img, random.Random("%d/%d/again" % (a.seed, i)))
        with open(os.path.join(a.out, name + ".dup.jpg"), "wb") as fh:
            fh.write(again)
    with open(os.path.join(a.out, name + ".json"), "w", encoding="utf-8") as fh:
        json.dump({"file": name + ".jpg", "kind": kind, "family": family,
                   "heldout": family in HELDOUT, "dpi": dpi, "defect": defect or "",
                   "expect": expect, "case": name + ".case.json", "today": TODAY.isoformat(),
                   "fields": c.fields, "page_pt": [595.3, 841.9], "runs": c.runs},
                  fh, ensure_ascii=False, indent=1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--count", type=int, default=54)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--layouts", choices=["train", "heldout", "all"], default="all")
    ap.add_argument("--defects", type=float, default=0.5, help="share of pages with a defect")
    ap.add_argument("--clean", action="store_true", help="no scanned look (rotation, noise, blur)")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    families = {"train": TRAIN, "heldout": HELDOUT, "all": TRAIN + HELDOUT}[a.layouts]
    fontlist = supporting.fonts()
    for i in range(a.count):
        make(i, a, fontlist, families)
    print("supportdocs.py: %d pages in %s" % (a.count, a.out))


if __name__ == "__main__":
    main()
