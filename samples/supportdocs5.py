"""The heldout5 family of samples/supportdocs.py (--layouts heldout5).

Written on 2026-12-06 by a session that tunes no rule, before any of its
pages was screened, so that the supporting-page rules of that day can be
judged on pages nobody looked at. Do not inspect its pages to fix a rule.

What it draws, unlike every earlier family:
- other wording per type ("Certificate of Live Birth", "Statement of
  Account", "Employment Verification", "Council Tax Bill", a "Tenancy
  Agreement" written as running prose, "Police Clearance Certificate",
  "Marriage Licence and Certificate", "Pay Advice", "Degree Certificate");
- fields in a key/value table with no colons and no rules, or inside
  running prose ("THIS AGREEMENT is made on the 3rd day of March 2021
  BETWEEN ... AND Mr John SMITH (the Tenant) ...");
- names as "Mr John SMITH", "SMITH, John" or "John Smith";
- dates "the 3rd day of March 2021", "03/04/2021" (day first, or month
  first on pages in the United States' style, whose wording says so),
  "2021-03-04" or "March 3rd, 2021";
- amounts with currency codes ("GBP 1,234.56", "USD 950.00");
- a letterhead with the issuer's postal address, telephone and web
  address on the right, a footer with a registration line and "Page 1 of
  1", a pale diagonal watermark ("COPY", "ORIGINAL", "VOID IF ALTERED");
- half of the pages bilingual, English with French or Spanish titles
  and keys (their truth's ocr_langs is eng+fra or eng+spa).

`sd` is the supportdocs module (its Canvas, names, streets, months).
"""
import datetime

from PIL import Image, ImageDraw

TITLES = {
    "birth_certificate": ["Certificate of Live Birth", "Birth Registration Certificate"],
    "marriage_certificate": ["Marriage Licence and Certificate", "Certificate of Marriage Registration"],
    "bank_statement": ["Statement of Account", "Monthly Account Statement"],
    "payslip": ["Pay Advice", "Remittance Advice - Salary"],
    "employment_letter": ["Employment Verification", "Confirmation of Employment"],
    "utility_bill": ["Council Tax Bill", "Council Tax Demand Notice"],
    "tenancy_agreement": ["Tenancy Agreement", "Assured Shorthold Tenancy Agreement"],
    "police_certificate": ["Police Clearance Certificate", "Certificate of Good Conduct"],
    "diploma": ["Degree Certificate", "Diploma of Higher Education"],
}
SECOND = {  # title in the second language
    "fra": {"birth_certificate": "Certificat de naissance", "marriage_certificate": "Certificat de mariage",
            "bank_statement": "Relevé de compte", "payslip": "Avis de paie",
            "employment_letter": "Attestation d'emploi", "utility_bill": "Avis de taxe municipale",
            "tenancy_agreement": "Bail de logement", "police_certificate": "Certificat de bonne conduite",
            "diploma": "Diplôme"},
    "spa": {"birth_certificate": "Certificado de nacimiento", "marriage_certificate": "Certificado de matrimonio",
            "bank_statement": "Estado de cuenta", "payslip": "Recibo de nómina",
            "employment_letter": "Constancia de empleo", "utility_bill": "Recibo del impuesto municipal",
            "tenancy_agreement": "Contrato de arrendamiento", "police_certificate": "Certificado de buena conducta",
            "diploma": "Título"},
}
KEYS = {  # key: (English, French, Spanish)
    "child": ("Name of child", "Nom de l'enfant", "Nombre del menor"),
    "born": ("Date of birth", "Date de naissance", "Fecha de nacimiento"),
    "born_at": ("Place of birth", "Lieu de naissance", "Lugar de nacimiento"),
    "father": ("Father", "Père", "Padre"),
    "mother": ("Mother", "Mère", "Madre"),
    "reg": ("Registration number", "Numéro d'enregistrement", "Número de registro"),
    "filed": ("Date issued", "Date de délivrance", "Fecha de expedición"),
    "holder": ("Account holder", "Titulaire", "Titular"),
    "acct": ("Account number", "Numéro de compte", "Número de cuenta"),
    "stmt": ("Statement date", "Date du relevé", "Fecha del estado"),
    "closing": ("Closing balance", "Solde de clôture", "Saldo final"),
    "birth_ref": ("Customer date of birth", "Date de naissance du client", "Fecha de nacimiento del cliente"),
    "employee": ("Employee", "Employé", "Empleado"),
    "emp_no": ("Employee number", "Matricule", "Número de empleado"),
    "paid": ("Payment date", "Date de paiement", "Fecha de pago"),
    "net": ("Net pay", "Salaire net", "Neto a pagar"),
    "home": ("Home address", "Adresse", "Domicilio"),
    "liable": ("Liable person", "Contribuable", "Contribuyente"),
    "prop": ("Property", "Propriété", "Inmueble"),
    "acct_ref": ("Account reference", "Référence", "Referencia"),
    "bill_date": ("Bill date", "Date de l'avis", "Fecha del recibo"),
    "payable": ("Amount payable", "Montant dû", "Importe a pagar"),
}
ISSUERS = {
    "birth_certificate": ["Department of Vital Records, County of %s", "General Register Office for %s"],
    "marriage_certificate": ["Department of Vital Records, County of %s", "General Register Office for %s"],
    "bank_statement": ["First Coastal Bank N.A.", "Pennine Building Society"],
    "payslip": ["Morrow & Daughters Ltd", "Summit Freight Inc."],
    "employment_letter": ["Morrow & Daughters Ltd", "Summit Freight Inc."],
    "utility_bill": ["Borough Council of %s", "District Council of %s"],
    "tenancy_agreement": ["Cedar Lane Property Management"],
    "police_certificate": ["Metropolitan Police Records Bureau", "State Police Identification Section"],
    "diploma": ["University of Northcliffe", "Lakeshore College"],
}
COUNTIES = ["Hampden", "Marlow", "Ashford", "Redbridge", "Kingsley"]
WATERMARKS = ["COPY", "ORIGINAL", "VOID IF ALTERED", "CERTIFIED COPY"]
PAGE_PT = 595.3  # A4 width in points


def issuer(kind, r):
    s = r.choice(ISSUERS[kind])
    return s % r.choice(COUNTIES) if "%s" in s else s


def ordinal(n):
    return "%d%s" % (n, "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


class H5:
    """One heldout5 page's choices: date style, name style, second language."""

    def __init__(self, sd, c, r, lang2):
        self.sd, self.c, self.r = sd, c, r
        self.lang2 = lang2
        self.us = lang2 == "spa" or (lang2 is None and r.random() < 0.3)
        self.dstyle = r.choice(["day_of", "slash", "iso", "month_first"])
        self.nstyle = r.choice(["title", "comma", "plain"])
        self.honorific = r.choice(["Mr", "Ms", "Mrs", "Dr"])
        self.cur = "USD" if self.us else r.choice(["GBP", "EUR"])
        self.pt = r.choice([10, 11])

    def date(self, d):
        sd = self.sd
        if self.dstyle == "day_of":
            return "the %s day of %s %d" % (ordinal(d.day), sd.MONTHS[d.month - 1], d.year)
        if self.dstyle == "slash":
            return d.strftime("%m/%d/%Y") if self.us else d.strftime("%d/%m/%Y")
        if self.dstyle == "iso":
            return d.isoformat()
        return "%s %s, %d" % (sd.MONTHS[d.month - 1], ordinal(d.day), d.year)

    def name(self, p):
        if self.nstyle == "title":
            return "%s %s %s" % (self.honorific, p["given_names"], p["surname"].upper())
        if self.nstyle == "comma":
            return "%s, %s" % (p["surname"].upper(), p["given_names"])
        return "%s %s" % (p["given_names"], p["surname"])

    def money(self, lo=10, hi=3000):
        v = self.r.randint(lo * 100, hi * 100) / 100.0
        return "%s %s" % (self.cur, "{:,.2f}".format(v))

    def key(self, k):
        en, fr, es = KEYS[k]
        if self.lang2 == "fra":
            return "%s / %s" % (en, fr)
        if self.lang2 == "spa":
            return "%s / %s" % (en, es)
        return en

    # -- drawing ---------------------------------------------------------
    def letterhead(self, name):
        c, r = self.c, self.r
        y0 = c.y
        c.text(c.margin, c.y, name, 15, ("issuer", name), c.bold)
        c.y += int(c.px(15) * 1.5)
        c.text(c.margin, c.y, r.choice(["Serving the community since %d" % r.randint(1890, 1990),
                                        "Registered office", "Customer services"]), 8)
        lines = ["%d %s" % (r.randint(1, 300), r.choice(self.sd.STREETS)),
                 "%s %s" % (r.choice(self.sd.TOWNS).title(), "%s%d %d%s" % (
                     "".join(r.choice("ABCDEHKLMNPRSTW") for _ in range(2)), r.randint(1, 20), r.randint(1, 9),
                     "".join(r.choice("ABDEFGHJLNPQRSTUWXYZ") for _ in range(2)))),
                 "Tel. +44 %d %06d" % (r.randint(100, 199), r.randint(0, 999999)),
                 "www.%s.example" % "".join(ch for ch in name.lower() if ch.isalpha())[:14]]
        y = y0
        for s in lines:
            x = c.w - c.margin - int(c.width(s, 8))
            c.text(x, y, s, 8)
            y += int(c.px(8) * 1.4)
        c.y = max(c.y + int(c.px(8) * 1.6), y) + int(0.15 * c.dpi)
        c.d.line([c.margin, c.y, c.w - c.margin, c.y], fill=90, width=max(1, c.dpi // 100))
        c.y += int(0.3 * c.dpi)

    def title(self, kind, t):
        c = self.c
        x = (c.w - int(c.width(t, 18))) // 2
        c.text(x, c.y, t, 18, None, c.bold)
        c.y += int(c.px(18) * 1.5)
        if self.lang2:
            s = SECOND[self.lang2][kind]
            x = (c.w - int(c.width(s, 12))) // 2
            c.text(x, c.y, s, 12)
            c.y += int(c.px(12) * 1.5)
        c.y += int(0.15 * c.dpi)

    def kv(self, rows):
        """Keys left, values in a second column: no colons, no rules."""
        c, pt = self.c, self.pt
        kx = c.margin + int(0.2 * c.dpi)
        vx = c.margin + int((2.9 if self.lang2 else 2.3) * c.dpi)
        for k, val, fld in rows:
            lines = val if isinstance(val, list) else [val]
            c.text(kx, c.y, self.key(k) if k in KEYS else k, max(8, pt - 1))
            for n, s in enumerate(lines):
                c.text(vx, c.y, s, pt, (fld, s) if fld and n == 0 else None)
                c.y += int(c.px(pt) * 1.45)
            c.y += int(c.px(pt) * 0.4)
        c.y += int(0.2 * c.dpi)

    def prose(self, parts, pt=None):
        """Running text; parts: (text, field or None). A field's text is
        kept whole on one line and its box recorded."""
        c = self.c
        pt = pt or self.pt
        x0, x1 = c.margin, c.w - c.margin
        x = x0
        sp = c.width(" ", pt)
        step = int(c.px(pt) * 1.55)
        for text, fld in parts:
            tokens = [text] if fld else text.split()
            for tok in tokens:
                w = c.width(tok, pt)
                if tok[0] in ",.;" and x > x0:
                    x -= sp  # punctuation follows the word before it
                if x > x0 and x + w > x1:
                    x = x0
                    c.y += step
                c.text(int(x), c.y, tok, pt, (fld, tok) if fld else None)
                x += w + sp
        c.y += step + int(c.px(pt) * 0.8)

    def table(self, header, rows):
        c = self.c
        span = c.w - 2 * c.margin
        n = len(header)
        xs = [c.margin + int(span * k / n) for k in range(n)]
        for i, row in enumerate([header] + rows):
            if c.y > c.h - c.margin - int(1.8 * c.dpi):
                break
            for k, cell in enumerate(row):
                c.text(xs[k], c.y, cell, 9, None, c.bold if i == 0 else None)
            c.y += int(c.px(9) * 1.6)
            if i == 0:
                c.d.line([c.margin, c.y - int(c.px(9) * 0.3), c.w - c.margin, c.y - int(c.px(9) * 0.3)], fill=120)
        c.y += int(0.25 * c.dpi)

    def footer(self, iss):
        c, r = self.c, self.r
        y = c.h - c.margin + int(0.2 * c.dpi)
        s = "%s  -  registered in England and Wales no. %08d" % (iss, r.randint(0, 99999999))
        c.text(c.margin, y, s, 7)
        p = "Page 1 of 1"
        c.text(c.w - c.margin - int(c.width(p, 8)), y, p, 8)

    def watermark(self):
        c, r = self.c, self.r
        word = r.choice(WATERMARKS)
        layer = Image.new("L", (c.w, c.h), 0)
        d = ImageDraw.Draw(layer)
        f = c.font(r.choice([60, 72, 84]))
        tw = d.textlength(word, font=f)
        d.text(((c.w - tw) / 2, c.h / 2 - c.px(40)), word, font=f, fill=255)
        layer = layer.rotate(r.uniform(25, 45), resample=Image.BILINEAR)
        shade = r.randint(20, 35)  # how much darker than the paper
        dark = c.img.point(lambda v: max(0, v - shade))
        c.img.paste(dark, (0, 0), layer)
        c.d = ImageDraw.Draw(c.img)


def draw5(sd, kind, c, r, truth, lang2):
    pg = truth["page"]
    H = H5(sd, c, r, lang2)
    if r.random() < 0.6:
        H.watermark()
    who = pg["person"]
    dt = H.date
    iss = pg["issuer"]
    addr = pg["address"]
    H.letterhead(iss)
    t = r.choice(TITLES[kind])
    if H.us and kind == "birth_certificate":
        t = "Certificate of Live Birth"
    if kind == "birth_certificate":
        H.title(kind, t)
        H.kv([("child", H.name(who), "name"), ("born", dt(pg["birth_date"]), "birth_date"),
              ("born_at", r.choice(sd.PLACES), None),
              ("father", "%s %s" % (pg["father"]["given_names"], pg["father"]["surname"]), "other_name"),
              ("mother", "%s %s" % (pg["mother"]["given_names"], pg["mother"]["surname"]), "other_name"),
              ("reg", pg["number"], "reference"), ("filed", dt(pg["issue"]), "issue_date")])
        H.prose([("I certify that this is a true copy of the record filed in this office.", None)], 10)
    elif kind == "marriage_certificate":
        H.title(kind, t)
        first, second = (who, pg["spouse"]) if pg["applicant_first"] else (pg["spouse"], who)
        f1 = "name" if first is who else "other_name"
        f2 = "name" if second is who else "other_name"
        H.prose([("This is to certify that", None), (H.name(first), f1), ("and", None), (H.name(second), f2),
                 ("were joined in marriage on", None), (dt(pg["married"]), None),
                 ("at %s in accordance with the law, as appears from the register kept in this office." %
                  r.choice(sd.PLACES), None)])
        H.kv([("reg", pg["number"], "reference"), ("filed", dt(pg["issue"]), "issue_date")])
    elif kind == "bank_statement":
        H.title(kind, t)
        rows = [("holder", H.name(who), "name"), ("home", addr, "address"),
                ("acct", pg["number"], "account_number"), ("stmt", dt(pg["issue"]), "statement_date")]
        if pg.get("birth_date_shown"):
            rows.append(("birth_ref", dt(pg["birth_date"]), "birth_date"))
        H.kv(rows)
        trs, bal = [], r.randint(1000, 900000) / 100.0
        day = pg["issue"] - datetime.timedelta(days=30)
        for _ in range(r.randint(5, 10)):
            amt = r.randint(100, 90000) / 100.0
            inc = r.random() < 0.3
            bal += amt if inc else -amt
            day += datetime.timedelta(days=r.randint(0, 3))
            trs.append([day.strftime("%d %b"), r.choice(sd.supporting.PAYEES).title()[:22],
                        "%s %.2f" % (H.cur, amt) if not inc else "", "%s %.2f" % (H.cur, amt) if inc else "",
                        "%s %.2f" % (H.cur, bal)])
        H.table(["Date", "Description", "Debit", "Credit", "Balance"], trs)
        H.kv([("closing", "%s %s" % (H.cur, "{:,.2f}".format(bal)), "amount")])
    elif kind == "payslip":
        H.title(kind, t)
        H.kv([("employee", H.name(who), "name"), ("home", addr, "address"),
              ("emp_no", pg["number"], "account_number"), ("paid", dt(pg["issue"]), "statement_date")])
        H.table(["Element", "Units", "Rate", "Amount"],
                [[n, "%d" % r.randint(1, 170), H.money(5, 60), H.money()] for n in
                 ["Basic pay", "Overtime", "Income tax", "Social insurance", "Pension scheme"]])
        H.kv([("net", H.money(800, 4000), "amount")])
    elif kind == "employment_letter":
        c.text(c.margin, c.y, dt(pg["issue"]), H.pt, ("issue_date", dt(pg["issue"])))
        c.y += int(c.px(H.pt) * 2.2)
        H.title(kind, t)
        H.prose([("To whom it may concern,", None)])
        role = r.choice(sd.POSITIONS)
        since = dt(pg["issue"] - datetime.timedelta(days=r.randint(400, 4000)))
        H.prose([("We hereby confirm that", None), (H.name(who), "name"), (", born", None),
                 (dt(pg["birth_date"]), "birth_date"), (", residing at", None),
                 (", ".join(addr), "address"),
                 (", has been employed by %s as a %s since %s on a permanent full-time contract." %
                  (iss, role, since), None)])
        H.prose([("This letter is issued at the request of the employee and carries no liability "
                  "on the part of the company or its officers.", None)])
        H.prose([("Yours faithfully,", None)])
        H.prose([("Head of People Services", None)], 10)
    elif kind == "utility_bill":
        H.title(kind, t + " %d/%02d" % (pg["issue"].year, (pg["issue"].year + 1) % 100))
        H.kv([("liable", H.name(who), "name"), ("prop", addr, "address"),
              ("acct_ref", pg["number"], "account_number"), ("bill_date", dt(pg["issue"]), "statement_date")])
        H.table(["Band", "Annual charge", "Discount", "Instalments"],
                [[r.choice("ABCDEFG"), H.money(900, 2500), H.money(0, 300), "10"]])
        H.kv([("payable", H.money(90, 400), "amount")])
    elif kind == "tenancy_agreement":
        H.title(kind, t)
        landlord = r.choice(["Mr R. Whitcombe", "Ashgrove Homes Ltd", "Mrs E. Lindqvist"])
        H.prose([("THIS AGREEMENT is made on", None), (dt(pg["issue"]), "issue_date"), ("BETWEEN", None),
                 (landlord, None), ("(the Landlord) AND", None), (H.name(who), "name"),
                 ("(the Tenant) for the letting of the dwelling house at", None), (", ".join(addr), "address"),
                 ("for a term of twelve months at a rent of", None), (H.money(500, 2500), "amount"),
                 ("per calendar month, payable in advance on the first day of each month.", None)])
        H.prose([("The Tenant agrees to keep the interior of the property in good and clean condition "
                  "and to allow the Landlord access at reasonable times upon notice.", None)])
    elif kind == "police_certificate":
        H.title(kind, t)
        H.prose([("This is to certify that", None), (H.name(who), "name"), (", born on", None),
                 (dt(pg["birth_date"]), "birth_date"), ("at %s," % r.choice(sd.PLACES), None),
                 ("has no criminal record on file with this bureau as of the date of issue below.", None)])
        H.kv([("reg", pg["number"], "reference"), ("filed", dt(pg["issue"]), "issue_date")])
    elif kind == "diploma":
        c.y += int(0.3 * c.dpi)
        H.title(kind, t)
        H.prose([("Be it known that", None), ("%s %s" % (who["given_names"], who["surname"].upper()), "name"),
                 (", born", None), (dt(pg["birth_date"]), "birth_date"),
                 (", having fulfilled the requirements prescribed by the Academic Board, has been "
                  "admitted to the degree of %s." % r.choice(sd.DEGREES), None)], 12)
        H.kv([("reg", pg["number"], "reference"), ("filed", dt(pg["issue"]), "issue_date")])
    H.footer(iss)
