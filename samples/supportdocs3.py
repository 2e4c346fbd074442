"""The heldout3 family of samples/supportdocs.py (German, French or
Spanish pages; see its docstring): the labels, titles, issuers, places and
streets of those offices, dates, addresses, amounts and IBANs as they write
them (h3_date, h3_address, h3_money, h3_iban, which later families use too),
and draw3 with its Grid of boxed fields in two columns.
"""
import datetime

import supporting  # (payees)
from supportbase import table

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
