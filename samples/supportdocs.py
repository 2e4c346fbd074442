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
                    (heldout12 letters and bills only)

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
heldout12) the twelfth. --balance gives each page with a defect
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
                                              [--layouts train|heldout|all|heldout4|...|heldout11|heldout12]
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

from PIL import Image, ImageDraw, ImageFont

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import supporting  # noqa: E402  (fonts and the scanned look)
import supportdocs5  # noqa: E402  (the heldout5 family)
import supportdocs6  # noqa: E402  (the heldout6 family)
import supportdocs7  # noqa: E402  (the heldout7 family)
import supportdocs8  # noqa: E402  (the heldout8 family)
import supportdocs9  # noqa: E402  (the heldout9 family)
import supportdocs10  # noqa: E402  (the heldout10 family)
import supportdocs11  # noqa: E402  (the heldout11 family)
import supportdocs12  # noqa: E402  (the heldout12 family)

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
EXPECT = {"wrong_name": "SUPPORT_NAME_MISMATCH", "wrong_birth_date": "SUPPORT_BIRTH_DATE_MISMATCH",
          "wrong_address": "SUPPORT_ADDRESS_MISMATCH", "future_issue": "SUPPORT_DATE_FUTURE",
          "stale_statement": "SUPPORT_STATEMENT_OLD", "before_birth": "SUPPORT_ISSUED_BEFORE_BIRTH",
          "duplicate": "DUPLICATE_IMAGE", "weekday_mismatch": "SUPPORT_DATE_WEEKDAY_MISMATCH"}
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

# heldout3: pages of German, French and Spanish offices. Labels only in the
# page's language, the holder's name in two boxes (family name, given
# names), boxed fields in two columns, dates in the language's own forms,
# addresses of the country, IBANs, amounts with a decimal comma.
H3_MONTHS = {
    "deu": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
            "Oktober", "November", "Dezember"],
    "fra": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
            "octobre", "novembre", "décembre"],
    "spa": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
            "septiembre", "octubre", "noviembre", "diciembre"],
}
H3_TITLES = {
    "birth_certificate": {"deu": ["Geburtsurkunde"], "fra": ["Acte de naissance", "Extrait d'acte de naissance"],
                          "spa": ["Certificado de nacimiento", "Certificación literal de nacimiento"]},
    "marriage_certificate": {"deu": ["Eheurkunde", "Heiratsurkunde"], "fra": ["Acte de mariage"],
                             "spa": ["Certificado de matrimonio"]},
    "bank_statement": {"deu": ["Kontoauszug"], "fra": ["Relevé de compte"], "spa": ["Extracto de cuenta"]},
    "payslip": {"deu": ["Entgeltabrechnung", "Gehaltsabrechnung"], "fra": ["Bulletin de paie", "Bulletin de salaire"],
                "spa": ["Nómina", "Recibo de salarios"]},
    "employment_letter": {"deu": ["Arbeitgeberbescheinigung", "Bescheinigung über das Arbeitsverhältnis"],
                          "fra": ["Attestation de travail", "Attestation employeur"],
                          "spa": ["Certificado de empresa", "Certificado laboral"]},
    "utility_bill": {"deu": ["Stromrechnung", "Ihre Jahresrechnung Strom"], "fra": ["Facture d'électricité"],
                     "spa": ["Factura de electricidad"]},
    "tenancy_agreement": {"deu": ["Mietvertrag", "Wohnraummietvertrag"], "fra": ["Contrat de location", "Bail d'habitation"],
                          "spa": ["Contrato de arrendamiento de vivienda"]},
    "police_certificate": {"deu": ["Führungszeugnis"], "fra": ["Extrait de casier judiciaire"],
                           "spa": ["Certificado de antecedentes penales"]},
    "diploma": {"deu": ["Diplom", "Bachelorurkunde"], "fra": ["Diplôme", "Diplôme de licence"],
                "spa": ["Título universitario", "Título de Grado"]},
}
H3_LABELS = {  # field: (deu, fra, spa)
    "surname": ("Familienname", "Nom", "Apellidos"),
    "given": ("Vorname(n)", "Prénom(s)", "Nombre"),
    "birth_date": ("Geburtsdatum", "Date de naissance", "Fecha de nacimiento"),
    "birth_place": ("Geburtsort", "Lieu de naissance", "Lugar de nacimiento"),
    "father": ("Vater", "Père", "Padre"),
    "mother": ("Mutter", "Mère", "Madre"),
    "cert_number": ("Registernummer", "N° d'acte", "Número de inscripción"),
    "issue": ("Ausstellungsdatum", "Délivré le", "Fecha de expedición"),
    "spouse1": ("Ehegatte 1", "Époux", "Contrayente 1"),
    "spouse2": ("Ehegatte 2", "Épouse", "Contrayente 2"),
    "married": ("Tag der Eheschließung", "Date du mariage", "Fecha del matrimonio"),
    "married_place": ("Ort der Eheschließung", "Lieu du mariage", "Lugar del matrimonio"),
    "holder": ("Kontoinhaber", "Titulaire du compte", "Titular"),
    "address": ("Anschrift", "Adresse", "Domicilio"),
    "iban": ("IBAN", "IBAN", "IBAN"),
    "statement_date": ("Auszugsdatum", "Date du relevé", "Fecha del extracto"),
    "balance": ("Neuer Kontostand", "Nouveau solde", "Saldo final"),
    "employee_no": ("Personalnummer", "Matricule", "Número de empleado"),
    "pay_date": ("Auszahlungsdatum", "Date de paiement", "Fecha de pago"),
    "net_pay": ("Auszahlungsbetrag", "Net à payer", "Líquido a percibir"),
    "letter_date": ("Datum", "Date", "Fecha"),
    "job": ("Tätigkeit", "Emploi occupé", "Categoría profesional"),
    "since": ("Beschäftigt seit", "Date d'entrée", "Fecha de alta"),
    "bill_date": ("Rechnungsdatum", "Date de facture", "Fecha de factura"),
    "supply": ("Lieferanschrift", "Adresse de consommation", "Dirección de suministro"),
    "customer_no": ("Kundennummer", "N° client", "Número de contrato"),
    "amount_due": ("Rechnungsbetrag", "Montant à payer", "Total a pagar"),
    "landlord": ("Vermieter", "Bailleur", "Arrendador"),
    "tenant_surname": ("Mieter: Familienname", "Locataire : nom", "Arrendatario: apellidos"),
    "property": ("Mietobjekt", "Adresse du logement", "Vivienda"),
    "rent": ("Monatliche Miete", "Loyer mensuel", "Renta mensual"),
    "degree": ("Studiengang", "Mention", "Titulación"),
}
H3_LANGS = ["deu", "fra", "spa"]
H3_PLACES = {"deu": ["Köln", "Leipzig", "Hamburg", "München", "Bremen"],
             "fra": ["Lyon", "Lille", "Nantes", "Bordeaux", "Rennes"],
             "spa": ["Sevilla", "Valencia", "Zaragoza", "Bilbao", "Málaga"]}
H3_STREETS = {"deu": ["Lindenstraße", "Bahnhofstraße", "Am Markt", "Gartenweg", "Schillerstraße"],
              "fra": ["rue Victor Hugo", "avenue de la République", "rue des Lilas", "boulevard Pasteur"],
              "spa": ["Calle Mayor", "Avenida de la Constitución", "Calle del Sol", "Paseo de Gracia"]}
H3_ISSUERS = {
    "bank_statement": {"deu": ["Sparkasse Rheinland", "Volksbank Mittelhessen eG"],
                       "fra": ["Banque Populaire du Nord", "Crédit Mutuel de Bretagne"],
                       "spa": ["Banco Cantábrico", "Caja Rural del Sur"]},
    "payslip": {"deu": ["Müller Logistik GmbH", "Brenner Maschinenbau AG"],
                "fra": ["Transports Lefèvre SA", "Boulangeries Martin SARL"],
                "spa": ["Construcciones Ibéricas S.L.", "Hostelería del Sur S.A."]},
    "utility_bill": {"deu": ["Stadtwerke Neustadt"], "fra": ["Électricité de Provence"],
                     "spa": ["Iberluz Energía"]},
    "registry": {"deu": ["Standesamt %s"], "fra": ["Mairie de %s - État civil"], "spa": ["Registro Civil de %s"]},
    "police": {"deu": ["Bundesamt für Justiz - Bundeszentralregister"], "fra": ["Casier judiciaire national"],
               "spa": ["Registro Central de Penados"]},
    "university": {"deu": ["Universität Heidelberg"], "fra": ["Université de Lille"], "spa": ["Universidad de Salamanca"]},
    "landlord": {"deu": ["Wohnbau Nord GmbH", "Herr K. Albers"], "fra": ["SCI Les Tilleuls", "M. J. Girard"],
                 "spa": ["Inmobiliaria Levante S.L.", "D. Luis Ortega"]},
}
H3_JOBS = {"deu": ["Lagerist", "Buchhalterin", "Softwareentwickler"], "fra": ["Comptable", "Infirmière", "Chauffeur"],
           "spa": ["Administrativo", "Enfermera", "Cocinero"]}
H3_DEGREES = {"deu": ["Betriebswirtschaftslehre", "Chemie"], "fra": ["Droit", "Histoire"], "spa": ["Derecho", "Biología"]}
H3_BODY = {
    "deu": "Es wird bescheinigt, dass die oben genannten Angaben mit den Eintragungen im Register "
           "übereinstimmen. Diese Urkunde wurde maschinell erstellt und ist ohne Unterschrift gültig.",
    "fra": "Le présent document est délivré pour servir et valoir ce que de droit. Toute modification "
           "ou surcharge le rend nul. Les informations ci-dessus sont conformes aux registres.",
    "spa": "Se expide el presente documento a petición de la persona interesada para los fines que "
           "estime oportunos. Los datos anteriores coinciden con los que constan en el registro.",
}


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


def h3_date(d, lang, style):
    """A date as a German, French or Spanish page writes it."""
    if style == "iso":
        return d.isoformat()
    if style == "dots":
        return d.strftime("%d.%m.%Y")
    if style == "slash":
        return d.strftime("%d/%m/%Y")
    if style == "dash":
        return d.strftime("%d-%m-%Y")
    m = H3_MONTHS[lang][d.month - 1]
    if lang == "deu":
        return "%d. %s %d" % (d.day, m, d.year)
    if lang == "fra":
        return "%s %s %d" % ("1er" if d.day == 1 else str(d.day), m, d.year)
    return "%d de %s de %d" % (d.day, m, d.year)


def h3_address(r, lang):
    street = r.choice(H3_STREETS[lang])
    town = r.choice(H3_PLACES[lang])
    if lang == "fra":
        return ["%d %s" % (r.randint(1, 120), street), "%05d %s" % (r.randint(1000, 95999), town.upper())]
    return ["%s %d" % (street, r.randint(1, 120)), "%05d %s" % (r.randint(1000, 99999), town)]


def h3_money(r, lang, lo=10, hi=3000):
    v = "%.2f" % (r.randint(lo * 100, hi * 100) / 100)
    whole, cents = v.split(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return ("\u00a0" if False else (" " if lang == "fra" else ".")).join(groups) + "," + cents + " EUR"


def h3_iban(r, lang):
    cc, n = {"deu": ("DE", 18), "fra": ("FR", 23), "spa": ("ES", 20), "ita": ("IT", 23), "por": ("PT", 21),
             "nld": ("NL", 14)}[lang]
    bban = "".join(str(r.randint(0, 9)) for _ in range(n))
    num = int("".join(str(int(ch, 36)) for ch in bban + cc + "00"))
    iban = "%s%02d%s" % (cc, 98 - num % 97, bban)
    return " ".join(iban[k:k + 4] for k in range(0, len(iban), 4))


class Grid:
    """heldout3: boxed fields in two columns, a small label at the top of
    each box and the value under it."""

    def __init__(self, c, r):
        self.c, self.r = c, r
        self.pt = r.choice([10, 11])
        self.lpt = 7
        self.half = (c.w - 2 * c.margin) // 2
        self.left_pending = False
        self.row_h = int(c.px(self.lpt) * 1.5 + c.px(self.pt) * 1.6)

    def _box(self, x, w, label, value, fld):
        c = self.c
        c.d.rectangle([x, c.y, x + w - int(0.05 * c.dpi), c.y + self.row_h], outline=60, width=max(1, c.dpi // 150))
        pad = int(0.04 * c.dpi)
        c.text(x + pad, c.y + pad, label, self.lpt)
        c.text(x + pad, c.y + pad + int(c.px(self.lpt) * 1.4), value, self.pt, fld)

    def cell(self, label, value, name=None, full=False):
        c = self.c
        fld = (name, value) if name else None
        if full or len(value) > 34:
            if self.left_pending:
                c.y += self.row_h + int(0.06 * c.dpi)
                self.left_pending = False
            self._box(c.margin, 2 * self.half, label, value, fld)
            c.y += self.row_h + int(0.06 * c.dpi)
        elif not self.left_pending:
            self._box(c.margin, self.half, label, value, fld)
            self.left_pending = True
        else:
            self._box(c.margin + self.half, self.half, label, value, fld)
            self.left_pending = False
            c.y += self.row_h + int(0.06 * c.dpi)

    def end(self):
        if self.left_pending:
            self.c.y += self.row_h + int(0.06 * self.c.dpi)
            self.left_pending = False
        self.c.y += int(0.15 * self.c.dpi)


def draw3(kind, c, r, truth, lang):
    """A heldout3 page: the page's language only, names in two boxes."""
    pg = truth["page"]
    k = H3_LANGS.index(lang)
    lab = {f: v[k] for f, v in H3_LABELS.items()}
    style = r.choice({"deu": ["dots", "long", "iso"], "fra": ["slash", "long"],
                      "spa": ["slash", "long", "dash"]}[lang])
    dt = lambda d: h3_date(d, lang, style)
    G = Grid(c, r)
    who = pg["person"]
    full = lambda q: "%s %s" % (q["given_names"], q["surname"].upper())
    issuer = pg["issuer"]
    # Letter head: issuer centred, a rule under it.
    pt = 13
    c.text((c.w - int(c.width(issuer, pt))) // 2, c.y, issuer, pt, ("issuer", issuer))
    c.y += int(c.px(pt) * 1.6)
    c.d.line([c.margin, c.y, c.w - c.margin, c.y], fill=40, width=max(1, c.dpi // 100))
    c.y += int(0.3 * c.dpi)
    t = r.choice(H3_TITLES[kind][lang])
    tpt = 18
    c.text((c.w - int(c.width(t.upper(), tpt))) // 2, c.y, t.upper(), tpt)
    c.y += int(c.px(tpt) * 2.0)

    def holder(surname_label=None):
        G.cell(surname_label or lab["surname"], who["surname"].upper(), "surname")
        G.cell(lab["given"], who["given_names"], "given_names")

    if kind == "birth_certificate":
        holder()
        G.cell(lab["birth_date"], dt(pg["birth_date"]), "birth_date")
        G.cell(lab["birth_place"], r.choice(H3_PLACES[lang]))
        G.cell(lab["father"], full(pg["father"]), "other_name")
        G.cell(lab["mother"], full(pg["mother"]), "other_name")
        G.cell(lab["cert_number"], pg["number"], "reference")
        G.cell(lab["issue"], dt(pg["issue"]), "issue_date")
    elif kind == "marriage_certificate":
        first, second = (pg["person"], pg["spouse"]) if pg["applicant_first"] else (pg["spouse"], pg["person"])
        G.cell(lab["spouse1"], full(first), "name" if first is pg["person"] else "other_name", full=True)
        G.cell(lab["spouse2"], full(second), "name" if second is pg["person"] else "other_name", full=True)
        G.cell(lab["married"], dt(pg["married"]))
        G.cell(lab["married_place"], r.choice(H3_PLACES[lang]))
        G.cell(lab["cert_number"], pg["number"], "reference")
        G.cell(lab["issue"], dt(pg["issue"]), "issue_date")
    elif kind == "bank_statement":
        G.cell(lab["holder"], full(who), "name", full=True)
        G.cell(lab["address"], ", ".join(pg["address"]), "address", full=True)
        if pg.get("birth_date_shown"):
            G.cell(lab["birth_date"], dt(pg["birth_date"]), "birth_date")
        G.cell(lab["iban"], pg["iban"], "iban")
        G.cell(lab["statement_date"], dt(pg["issue"]), "statement_date")
        G.end()
        rows, day = [], pg["issue"] - datetime.timedelta(days=30)
        for _ in range(r.randint(6, 12)):
            day += datetime.timedelta(days=r.randint(0, 3))
            rows.append([day.strftime("%d.%m."), r.choice(supporting.PAYEES), h3_money(r, lang, 5, 900)])
        table(c, r, {"deu": ["Datum", "Vorgang", "Betrag"], "fra": ["Date", "Opération", "Montant"],
                     "spa": ["Fecha", "Concepto", "Importe"]}[lang], rows)
        G.cell(lab["balance"], h3_money(r, lang, 100, 9000), "amount")
    elif kind == "payslip":
        holder()
        G.cell(lab["address"], ", ".join(pg["address"]), "address", full=True)
        G.cell(lab["employee_no"], pg["number"], "account_number")
        G.cell(lab["pay_date"], dt(pg["issue"]), "statement_date")
        G.end()
        rows = [[n, h3_money(r, lang, 50, 3000)] for n in
                {"deu": ["Grundgehalt", "Lohnsteuer", "Krankenversicherung", "Rentenversicherung"],
                 "fra": ["Salaire de base", "CSG déductible", "Assurance maladie", "Retraite"],
                 "spa": ["Salario base", "IRPF", "Contingencias comunes", "Desempleo"]}[lang]]
        table(c, r, {"deu": ["Lohnart", "Betrag"], "fra": ["Rubrique", "Montant"],
                     "spa": ["Concepto", "Importe"]}[lang], rows)
        G.cell(lab["net_pay"], h3_money(r, lang, 800, 4000), "amount")
    elif kind == "employment_letter":
        G.cell(lab["letter_date"], dt(pg["issue"]), "issue_date")
        G.end()
        holder()
        G.cell(lab["birth_date"], dt(pg["birth_date"]), "birth_date")
        G.cell(lab["job"], r.choice(H3_JOBS[lang]))
        G.cell(lab["address"], ", ".join(pg["address"]), "address", full=True)
        G.cell(lab["since"], dt(pg["issue"] - datetime.timedelta(days=r.randint(400, 4000))))
    elif kind == "utility_bill":
        holder()
        G.cell(lab["supply"], ", ".join(pg["address"]), "address", full=True)
        G.cell(lab["customer_no"], pg["number"], "account_number")
        G.cell(lab["bill_date"], dt(pg["issue"]), "statement_date")
        G.end()
        table(c, r, ["kWh", {"deu": "Zeitraum", "fra": "Période", "spa": "Periodo"}[lang],
                     {"deu": "Betrag", "fra": "Montant", "spa": "Importe"}[lang]],
              [["%d" % r.randint(800, 5000), "%s - %s" % ((pg["issue"] - datetime.timedelta(days=365)).strftime("%d.%m.%Y"),
                                                           pg["issue"].strftime("%d.%m.%Y")), h3_money(r, lang, 300, 2000)]])
        G.cell(lab["amount_due"], h3_money(r, lang, 30, 400), "amount")
    elif kind == "tenancy_agreement":
        G.cell(lab["letter_date"], dt(pg["issue"]), "issue_date")
        G.cell(lab["landlord"], r.choice(H3_ISSUERS["landlord"][lang]))
        holder(lab["tenant_surname"])
        G.cell(lab["property"], ", ".join(pg["address"]), "address", full=True)
        G.cell(lab["rent"], h3_money(r, lang, 400, 2000), "amount")
    elif kind == "police_certificate":
        holder()
        G.cell(lab["birth_date"], dt(pg["birth_date"]), "birth_date")
        G.cell(lab["birth_place"], r.choice(H3_PLACES[lang]))
        G.cell(lab["cert_number"], pg["number"], "reference")
        G.cell(lab["issue"], dt(pg["issue"]), "issue_date")
    elif kind == "diploma":
        holder()
        G.cell(lab["birth_date"], dt(pg["birth_date"]), "birth_date")
        G.cell(lab["degree"], r.choice(H3_DEGREES[lang]))
        G.cell(lab["cert_number"], pg["number"], "reference")
        G.cell(lab["issue"], dt(pg["issue"]), "issue_date")
    G.end()
    c.para(H3_BODY[lang], 10)


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
    application = TODAY - datetime.timedelta(days=r.randint(0, 20))
    defect = None
    # Balanced runs give birth certificates, the one type that can be
    # issued before the birth, defects more often.
    rate = min(1.0, a.defects * 1.5) if a.balance and kind == "birth_certificate" else a.defects
    if r.random() < rate:
        cands = defects_for(kind) + (supportdocs12.extra_defects(kind) if spec12 else [])
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
    lang11 = None
    if family == "heldout11":
        shown["issuer"] = supportdocs11.issuer(kind, r, spec11)
        shown["application"] = application
    if spec12:
        shown["issuer"] = supportdocs12.issuer(kind, r, spec12)
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
        shown["address"] = h3_address(r, lang) if lang else \
            supportdocs9.address(r, spec9, app_addr) if spec9 and spec9[1] else \
            supportdocs10.other_address(r, sys.modules[__name__], app_addr) if spec10 else \
            supportdocs11.other_address(r, sys.modules[__name__], spec11, app_addr) if spec11 else \
            supportdocs12.other_address(r, spec12, app_addr) if spec12 else address(r)
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
                supportdocs12.scanner(spec12) if spec12 else
                supporting.scanned)(c.img, r)
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
        again = (supportdocs10.scanned if spec10 else supportdocs11.scanner(spec11) if spec11 else
                supportdocs12.scanner(spec12) if spec12 else supporting.scanned)(
            c.img, random.Random("%d/%d/again" % (a.seed, i)))
        with open(os.path.join(a.out, name + ".dup.jpg"), "wb") as fh:
            fh.write(again)
    with open(os.path.join(a.out, name + ".json"), "w", encoding="utf-8") as fh:
        json.dump({"file": name + ".jpg", "kind": kind, "family": family,
                   "heldout": family in HELDOUT + HELDOUT4 + HELDOUT5 + HELDOUT6 + HELDOUT7 + HELDOUT8 + HELDOUT9 +
                   HELDOUT10 + HELDOUT11 + HELDOUT12,
                   "dpi": dpi, "defect": defect or "",
                   "expect": expect, "case": name + ".case.json", "today": TODAY.isoformat(),
                   "lang": lang or lang5 or lang7 or lang8 or lang9 or lang11 or "eng",
                   "ocr_langs": "eng+" + (lang or lang5 or lang7 or lang8 or lang9 or lang11) if (
                       lang or lang5 or lang7 or lang8 or lang9 or lang11) else "eng",
                   "fields": c.fields, "page_pt": getattr(c, "page_pt", [595.3, 841.9]), "runs": c.runs,
                   **getattr(c, "extra", {})},
                  fh, ensure_ascii=False, indent=1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--count", type=int, default=54)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--layouts", choices=["train", "heldout", "all", "heldout4", "heldout5", "heldout6", "heldout7",
                                              "heldout8", "heldout9", "heldout10", "heldout11", "heldout12"],
                    default="all")
    ap.add_argument("--defects", type=float, default=0.5, help="share of pages with a defect")
    ap.add_argument("--clean", action="store_true", help="no scanned look (rotation, noise, blur)")
    ap.add_argument("--balance", action="store_true",
                    help="give each page's defect as the one used least so far (every code about as often)")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    families = {"train": TRAIN, "heldout": HELDOUT, "all": TRAIN + HELDOUT, "heldout4": HELDOUT4,
                "heldout5": HELDOUT5, "heldout6": HELDOUT6, "heldout7": HELDOUT7,
                "heldout8": HELDOUT8, "heldout9": HELDOUT9, "heldout10": HELDOUT10,
                "heldout11": HELDOUT11, "heldout12": HELDOUT12}[a.layouts]
    fontlist = supporting.fonts()
    used = collections.Counter()
    for i in range(a.count):
        make(i, a, fontlist, families, used)
    print("supportdocs.py: %d pages in %s" % (a.count, a.out))


if __name__ == "__main__":
    main()
