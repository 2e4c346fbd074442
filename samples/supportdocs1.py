"""The first layout families of samples/supportdocs.py: "colon", "column"
and "stacked" (the families rules may be tuned on) and "heldout" and
"heldout2" (kept apart and measured separately). Layout is how a family
prints a labelled field, a name and a date; draw() draws any of the nine
types with it (its letter head, title and address block).
"""
import datetime

import supporting  # (filler words, payees)
from supportbase import DEGREES, PLACES, POSITIONS, UNIVERSITIES, filler, fmt_date, money, table


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
