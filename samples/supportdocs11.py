"""The heldout11 family of samples/supportdocs.py (--layouts heldout11).

Written blind on 2026-12-07 by a session that tunes no rule and never
screens any of its pages, so that the supporting-page rules of that day
can be judged on pages nobody looked at. Do not inspect its pages to fix
a rule.

What it draws, unlike every earlier family (the nine types the bench
knows; German, French or Spanish on six pages in ten, ocr_langs eng+deu,
eng+fra or eng+spa, the rest English):
- certificates (birth, marriage, police, diplomas) in an ornate border of
  interlaced waves with a coat of arms, the holder's name in a script face
  (URW Z003), an embossed seal (a colourless relief) or a foil seal on a
  ribbon; on non-English pages bilingual in two parallel columns, the
  national text on the left, its English version on the right, every value
  in both (the dates in each language's form); an apostille stamped on a
  third of the birth and marriage certificates (Hague 1961: "5. at Köln
  6. the 12.10.2026"), dated after the certificate (truth field
  "apostille_date");
- filled-in forms (employer's certificates, rent certificates, earnings
  certificates, a comb-box birth extract): a form number in the corner,
  numbered section bars, the surname, given names, dates and numbers in
  comb fields (one character per box; dates as DD MM YYYY groups), check
  boxes, the entries typed in a monospaced face or written by hand (Breip,
  Comic Neue or URW Z003, each letter a little off), "place, date" and a
  signature under a company stamp at the foot;
- pages printed from a web browser (online banking, a customer portal's
  bill, an HR portal's pay statement, an online police certificate): the
  browser's print date and time and the page title at the top, the URL and
  "1/2" at the foot (truth field "print_date"), a site header with its
  menu, a sidebar with the holder's details;
- business letters in the forms of the letter's country: DIN 5008 (fold
  and hole marks, the sender's line over the window, an information block
  "Ihr Zeichen / Unser Zeichen / Datum", "Sehr geehrte Frau ..."), French
  ("Objet :", "Lyon, le 12 octobre 2026" at the top right), Spanish
  ("Asunto:", "D./Dña."), or a US letter ("RE:", "To Whom It May
  Concern:"); a bank's balance confirmation, an annual energy bill;
- names "Müller, Anna", "Frau Anna Müller geb. Schmidt", "Mme Anna DUBOIS
  née MOREAU", "M. Łukasz NOWAK", "Dña. María José García Fernández"
  (Spanish pages give the applicant two surnames, as the case record
  holds them), "GARCÍA FERNÁNDEZ, MARÍA JOSÉ", names in comb boxes;
- dates "14.07.1985", "14/07/1985", "14. Juli 1985", "Sonntag, 14. Juli
  1985", "14. Sept. 1985", "dimanche 14 juillet 1985", "14 juil. 1985",
  "1er juillet 1985", "domingo, 14 de julio de 1985",
  "14-jul-1985", "July 14, 1985", "1985-07-14", comb boxes "14 07 1985";
- addresses of the page's country with the number after the street and
  the postcode before the town ("Lindenstraße 7a", "50667 Köln"; "14, rue
  des Acacias", "69003 LYON"; "Calle Mayor, 12, 3º B", "28013 Madrid"),
  printed as the case writes them, abbreviated ("Lindenstr. 7a", "C/
  Mayor, 12, 3º B"), in capitals, or on one line;
- capture: a phone scanning app's output on about a third (auto-cropped
  to the page with a little keystone left, the contrast boosted so the
  paper is white and the ink hard, a halo from sharpening, "Scanned with
  ..." at the foot on half of them; no rotation), a photocopy of a
  photocopy on a quarter (reduced twice, strokes thickened, grey speckle,
  dark copier edges, a streak), the rest a flatbed scan; and what handling
  leaves: two punched filing holes, a coffee ring, a yellow sticky note
  with a handwritten remark (never over a field), a letter folded in three
  (truth "capture", "marks").

Every value printed is the one truth["page"] holds: genuine pages agree
with the case record, defects are the labelled ones (supportdocs.make).
`sd` is the supportdocs module (its Canvas, names, streets, lists).
"""
import datetime
import math
import os

import supportdocs11b as b11  # noqa: E402  (ornaments, handling marks, captures)
from supportdocs9 import MONTHS as MONTHS9, first_font  # noqa: E402  (month names, the first installed font)
from supportdocs10 import FEMALE  # noqa: E402  (the given names of women)

URW = "/usr/share/fonts/opentype/urw-base35/"
DV = "/usr/share/fonts/truetype/dejavu/"
LIB = "/usr/share/fonts/truetype/liberation/"
SCRIPT = [URW + "Z003-MediumItalic.otf"]
HANDS = ["/usr/share/fonts/truetype/breip/Breip.ttf", "/usr/share/fonts/opentype/comic-neue/ComicNeue-Regular.otf",
         URW + "Z003-MediumItalic.otf"]  # fonts-breip, fonts-comic-neue, fonts-urw-base35
TYPED = [URW + "NimbusMonoPS-Regular.otf", LIB + "LiberationMono-Regular.ttf", DV + "DejaVuSansMono.ttf"]
SANS = [LIB + "LiberationSans-Regular.ttf", URW + "NimbusSans-Regular.otf", DV + "DejaVuSans.ttf"]
SANS_B = [LIB + "LiberationSans-Bold.ttf", URW + "NimbusSans-Bold.otf", DV + "DejaVuSans-Bold.ttf"]
SERIF = [URW + "P052-Roman.otf", URW + "NimbusRoman-Regular.otf", DV + "DejaVuSerif.ttf"]
SERIF_B = [URW + "P052-Bold.otf", URW + "NimbusRoman-Bold.otf", DV + "DejaVuSerif-Bold.ttf"]
SERIF_I = [URW + "P052-Italic.otf", URW + "NimbusRoman-Italic.otf", DV + "DejaVuSerif-Italic.ttf"]

LANGS = ["deu", "fra", "spa"]
MONTHS = {"eng": MONTHS9["eng"], "fra": MONTHS9["fra"],
          "deu": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
                  "November", "Dezember"],
          "spa": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
                  "noviembre", "diciembre"]}
ABBR = {"deu": ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."],
        "fra": ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
        "spa": ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"]}
WEEKDAYS = {"deu": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
            "fra": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
            "spa": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]}
STYLES = {"eng": ["us", "iso", "us"], "deu": ["dots", "long", "weekday", "abbr"],
          "fra": ["slash", "long", "weekday", "abbr"], "spa": ["slash", "long", "weekday", "abbr"]}

STREETS = {"deu": ["Lindenstraße", "Goethestraße", "Am Hopfengarten", "Kastanienweg", "Friedrich-Ebert-Straße",
                   "Hauptstraße"],
           "fra": ["rue des Acacias", "avenue Jean Jaurès", "boulevard Voltaire", "rue du Moulin", "allée des Cerisiers"],
           "spa": ["Calle Mayor", "Calle de Alcalá", "Avenida de América", "Calle San Vicente", "Paseo del Prado"]}
TOWNS = {"deu": [("50667", "Köln"), ("04109", "Leipzig"), ("90402", "Nürnberg"), ("28195", "Bremen"),
                 ("60311", "Frankfurt am Main")],
         "fra": [("69003", "Lyon"), ("59000", "Lille"), ("44000", "Nantes"), ("31000", "Toulouse"),
                 ("67000", "Strasbourg")],
         "spa": [("28013", "Madrid"), ("46001", "Valencia"), ("41001", "Sevilla"), ("50001", "Zaragoza"),
                 ("48001", "Bilbao")]}
COUNTRY = {"eng": "United Kingdom", "deu": "Bundesrepublik Deutschland", "fra": "République française",
           "spa": "Reino de España"}

# Captions: (English, German, French, Spanish).
CAP = {
    "surname": ("Surname", "Familienname", "Nom", "Apellidos"),
    "given": ("Given names", "Vornamen", "Prénoms", "Nombre"),
    "birth_date": ("Date of birth", "Geburtsdatum", "Date de naissance", "Fecha de nacimiento"),
    "birth_place": ("Place of birth", "Geburtsort", "Lieu de naissance", "Lugar de nacimiento"),
    "sex": ("Sex", "Geschlecht", "Sexe", "Sexo"),
    "father": ("Father", "Vater", "Père", "Padre"),
    "mother": ("Mother", "Mutter", "Mère", "Madre"),
    "entry": ("Entry no.", "Registernummer", "N° d'acte", "Inscripción"),
    "issued": ("Date of issue", "Ausstellungsdatum", "Date de délivrance", "Fecha de expedición"),
    "spouse1": ("First spouse", "Ehegatte 1", "Premier époux", "Contrayente 1"),
    "spouse2": ("Second spouse", "Ehegatte 2", "Second époux", "Contrayente 2"),
    "married": ("Date of marriage", "Datum der Eheschließung", "Date du mariage", "Fecha del matrimonio"),
    "married_at": ("Place of marriage", "Ort der Eheschließung", "Lieu du mariage", "Lugar del matrimonio"),
    "result": ("Result", "Inhalt", "Résultat", "Resultado"),
    "address": ("Address", "Anschrift", "Adresse", "Domicilio"),
    "holder": ("Account holder", "Kontoinhaber", "Titulaire du compte", "Titular"),
    "employee": ("Employee", "Arbeitnehmer", "Salarié", "Trabajador"),
    "staff_no": ("Employee no.", "Personalnummer", "Matricule", "N.º de empleado"),
    "customer": ("Customer", "Kunde", "Client", "Cliente"),
    "customer_no": ("Customer no.", "Kundennummer", "N° client", "N.º de cliente"),
    "tenant": ("Tenant", "Mieter", "Locataire", "Arrendatario"),
    "since": ("Employed since", "Beschäftigt seit", "Date d'entrée", "Fecha de alta"),
    "job": ("Occupation", "Tätigkeit", "Emploi", "Categoría"),
    "gross": ("Gross monthly pay", "Bruttoarbeitsentgelt", "Salaire brut mensuel", "Salario bruto mensual"),
    "rent": ("Monthly rent", "Monatliche Miete", "Loyer mensuel", "Renta mensual"),
    "let_since": ("Tenancy since", "Mietbeginn", "Date d'entrée dans les lieux", "Inicio del contrato"),
    "premises": ("Address of the dwelling", "Anschrift der Wohnung", "Adresse du logement", "Dirección de la vivienda"),
    "place_date": ("Place, date", "Ort, Datum", "Fait à, le", "Lugar y fecha"),
    "degree": ("Degree", "Akademischer Grad", "Diplôme", "Título"),
}
K = {"eng": 0, "deu": 1, "fra": 2, "spa": 3}

TITLES = {
    "birth_certificate": ("Certificate of Birth", "Geburtsurkunde", "Acte de naissance", "Certificado de nacimiento"),
    "marriage_certificate": ("Certificate of Marriage", "Eheurkunde", "Acte de mariage", "Certificado de matrimonio"),
    "police_certificate": ("Criminal Record Certificate", "Führungszeugnis", "Extrait de casier judiciaire",
                           "Certificado de antecedentes penales"),
    "diploma": ("Degree Certificate", "Bachelorurkunde", "Diplôme de licence", "Título de Grado"),
}
ISSUERS = {
    "birth_certificate": ("General Register Office, %s", "Standesamt %s", "Mairie de %s - Service de l'état civil",
                          "Registro Civil de %s"),
    "marriage_certificate": ("Register Office, %s", "Standesamt %s", "Mairie de %s - Service de l'état civil",
                             "Registro Civil de %s"),
    "police_certificate": ("Disclosure and Records Service", "Bundesamt für Justiz - Bundeszentralregister",
                           "Ministère de la Justice - Casier judiciaire national",
                           "Ministerio de Justicia - Registro Central de Penados"),
    "diploma": ("University of Wrexford", "Universität Bamberg", "Université de Poitiers", "Universidad de Alcalá"),
    "bank_statement": ("Fairmont Online Bank", "Stadtsparkasse Rheintal", "Banque Populaire Rhône-Loire",
                       "Banco del Duero"),
    "payslip": ("Corvel Hospitality Group", "Hansen Logistik GmbH", "Groupe Lefort SAS", "Grupo Ibersan S.A."),
    "employment_letter": ("Corvel Hospitality Group", "Hansen Logistik GmbH", "Groupe Lefort SAS", "Grupo Ibersan S.A."),
    "utility_bill": ("Northvale Energy", "Stadtwerke Rheintal GmbH", "Énergie Rhône Services", "Iberdrola Clientes"),
    "tenancy_agreement": ("Brackley Homes Ltd", "Wohnungsbau Rheintal eG", "Immobilière des Tilleuls",
                          "Gestiones Inmobiliarias del Centro S.L."),
}
ISSUERS["employment_letter"] = ISSUERS["payslip"]
HOSTS = {"bank_statement": ("www.fairmontbank.co.uk/online/statements", "banking.stadtsparkasse-rheintal.de/de/home/"
                                                                        "onlinebanking/umsaetze.html",
                            "www.banquepopulaire.example.fr/espace-client/comptes/releves",
                            "www.bancodelduero.example.es/particulares/cuentas/movimientos"),
         "utility_bill": ("my.northvale-energy.co.uk/account/bills", "kundenportal.stadtwerke-rheintal.de/rechnungen",
                          "moncompte.energie-rhone.example.fr/factures", "www.iberdrola.example.es/clientes/facturas"),
         "payslip": ("selfservice.corvel.example.com/pay/statements", "ess.hansen-logistik.de/entgelt/nachweise",
                     "rh.groupe-lefort.example.fr/paie/bulletins", "portal.ibersan.example.es/empleado/nominas"),
         "police_certificate": ("www.disclosure-service.example.gov.uk/result", "www.fuehrungszeugnis.bund.example.de/"
                                                                                 "antrag/ergebnis",
                                "casier-judiciaire.justice.example.fr/b3/resultat",
                                "sede.mjusticia.example.es/antecedentes/certificado")}
JOBS = {"eng": ["Hotel Receptionist", "Line Cook", "Night Auditor"], "deu": ["Lagerist", "Berufskraftfahrer", "Disponentin"],
        "fra": ["Comptable", "Cariste", "Assistante de direction"], "spa": ["Auxiliar administrativo", "Camarero",
                                                                          "Mozo de almacén"]}
DEGREES = {"eng": ["Bachelor of Science (Honours) in Biology"], "deu": ["Bachelor of Arts (B.A.) Soziologie"],
           "fra": ["Licence Mention Économie"], "spa": ["Graduado en Derecho"]}


# -- values ------------------------------------------------------------------
def date(d, lang, style):
    """A date as a page of lang writes it."""
    if style == "iso":
        return d.isoformat()
    if style == "comb":
        return d.strftime("%d %m %Y")
    if style == "dots":
        return d.strftime("%d.%m.%Y")
    if style == "slash":
        return d.strftime("%d/%m/%Y")
    if style == "en_long":  # a bilingual page's English column
        return "%d %s %d" % (d.day, MONTHS["eng"][d.month - 1], d.year)
    if lang == "eng" or style == "us":
        return "%s %d, %d" % (MONTHS["eng"][d.month - 1], d.day, d.year)
    m = MONTHS[lang][d.month - 1]
    if style == "abbr":
        a = ABBR[lang][d.month - 1]
        return {"deu": "%d. %s %d", "fra": "%d %s %d"}.get(lang, "%02d-%s-%d") % (d.day, a, d.year)
    day = "1er" if lang == "fra" and d.day == 1 else str(d.day)
    s = {"deu": "%s. %s %d", "fra": "%s %s %d", "spa": "%s de %s de %d"}[lang] % (day, m, d.year)
    if style == "weekday":
        wd = WEEKDAYS[lang][d.weekday()]
        return ("%s, %s" if lang in ("deu", "spa") else "%s %s") % (wd, s)
    return s


def money(v, lang):
    s = "{:,.2f}".format(v)
    if lang == "eng":
        return "£" + s
    if lang == "fra":
        return s.replace(",", "\u202f").replace(".", ",") + " €"
    return s.replace(",", "#").replace(".", ",").replace("#", ".") + " €"


def choose(kind, r):
    """The page's language, layout, capture and marks, drawn in
    supportdocs.make before the applicant's address."""
    x = r.random()
    lang = "deu" if x < 0.22 else "fra" if x < 0.42 else "spa" if x < 0.6 else "eng"
    y = r.random()
    mode = {"birth_certificate": "cert" if y < 0.7 else "form",
            "marriage_certificate": "cert", "diploma": "cert",
            "police_certificate": "cert" if y < 0.6 else "browser",
            "bank_statement": "browser" if y < 0.65 else "letter",
            "payslip": "browser" if y < 0.6 else "form",
            "utility_bill": "browser" if y < 0.5 else "letter",
            "employment_letter": "letter" if y < 0.6 else "form",
            "tenancy_agreement": "form"}[kind]
    z = r.random()
    capture = "app" if z < 0.35 else "copy2" if z < 0.6 else "flatbed"
    marks = [m for m, p in (("holes", 0.3), ("coffee", 0.15), ("note", 0.2)) if r.random() < p]
    if mode == "letter" and r.random() < 0.5:
        marks.append("fold3")
    return {"lang": lang, "mode": mode, "capture": capture, "marks": marks,
            "hand": r.random() < 0.5, "comb_boxes": r.random() < 0.5,
            "double": lang == "spa" and r.random() < 0.8, "apostille": r.random() < 0.35}


def _address(r, lang):
    if lang == "eng":
        return None
    street = r.choice(STREETS[lang])
    code, town = r.choice(TOWNS[lang])
    n = r.randint(1, 160)
    if lang == "deu":
        return ["%s %d%s" % (street, n, r.choice(["", "", "a", "b"])), "%s %s" % (code, town)]
    if lang == "fra":
        return ["%d, %s" % (n, street), "%s %s" % (code, town.upper())]
    return ["%s, %d, %dº %s" % (street, n, r.randint(1, 8), r.choice("ABCD")), "%s %s" % (code, town)]


def applicant(r, sd, spec, app):
    """The applicant's address as the case's two lines (the page's
    country's); on Spanish pages the applicant bears two surnames."""
    if spec["double"]:
        second = r.choice([s for s in sd.SURNAMES if s != app["surname"]])
        app["surname"] = "%s %s" % (app["surname"], second)
    return _address(r, spec["lang"]) or sd.address(r)


def other_address(r, sd, spec, avoid):
    while True:
        a = _address(r, spec["lang"]) or sd.address(r)
        if a[0].split()[0] != avoid[0].split()[0] and a[1] != avoid[1]:
            return a


def issuer(kind, r, spec):
    """The issuer's name; spec["town"] is where the page is issued."""
    lang = spec["lang"]
    towns = [t for _, t in TOWNS[lang]] if lang != "eng" else ["Wrexford", "Castlebury", "Kingsmere"]
    spec["town"] = {"police_certificate": ("London", "Bonn", "Nantes", "Madrid")[K[lang]],
                    "diploma": ("Wrexford", "Bamberg", "Poitiers", "Alcalá de Henares")[K[lang]]}.get(kind, r.choice(towns))
    s = ISSUERS[kind][K[lang]]
    return s % spec["town"] if "%s" in s else s


def name(lang, p, r, how):
    """The person's name as the page writes it: "plain" (Given Surname),
    "comma" (Surname, Given), "caps" (SURNAME, GIVEN), "title" (Frau Anna
    Müller, Mme Anna MÜLLER, Dña. ..., Ms ...) or "nee" (with a birth
    name after geb./née, women on German and French pages only)."""
    g, s = p["given_names"], p["surname"]
    fem = g in FEMALE
    if how == "comma":
        return "%s, %s" % (s, g)
    if how == "caps":
        return "%s, %s" % (s.upper(), g.upper())
    if how == "nee" and fem and lang in ("deu", "fra"):
        born = r.choice(["Schmidt", "Moreau", "Hoffmann", "Lambert", "Weber", "Girard"])
        return "%s %s geb. %s" % (g, s, born) if lang == "deu" else "%s %s née %s" % (g, s.upper(), born.upper())
    if how in ("title", "nee"):
        t = {"eng": ("Ms", "Mr"), "deu": ("Frau", "Herr"), "fra": ("Mme", "M."), "spa": ("Dña.", "D.")}[lang]
        return "%s %s %s" % (t[0] if fem else t[1], g, s.upper() if lang == "fra" else s)
    return "%s %s" % (g, s)


def printed_address(addr, lang, r, how=None):
    """The address as the page prints it: [(text, field)], the field on the
    line with the street: as the case writes it, abbreviated (Str., C/),
    in capitals or on one line."""
    street, town = addr
    how = how or r.choice(["case", "case", "short", "caps", "one"])
    if how == "short":
        street = street.replace("straße", "str.").replace("Straße", "Str.").replace("Calle ", "C/ ")
    if how == "caps":
        street, town = street.upper(), town.upper()
    if how == "one":
        return [(street + ", " + town, "address")]
    return [(street, "address"), (town, None)]


class P11:
    """One heldout11 page: fonts, the entries' hand, comb fields, boxes."""

    def __init__(self, sd, c, r, kind, spec, pg):
        self.sd, self.c, self.r, self.kind, self.spec, self.pg = sd, c, r, kind, spec, pg
        self.lang = spec["lang"]
        b = c.body
        self.sans, self.sans_b = first_font(SANS, b), first_font(SANS_B, b)
        self.serif, self.serif_b, self.serif_i = first_font(SERIF, b), first_font(SERIF_B, b), first_font(SERIF_I, b)
        self.script, self.typed = first_font(SCRIPT, b), first_font(TYPED, b)
        hands = [h for h in HANDS if os.path.exists(h)]
        self.handf = r.choice(hands) if hands else self.script
        c.body = c.bold = self.sans
        self.x0, self.x1 = c.margin, c.w - c.margin
        self.st = r.choice(STYLES[self.lang])

    def d(self, d, style=None):
        return date(d, self.lang, style or self.st)

    def cap(self, key, lang=None):
        return CAP[key][K[lang or self.lang]]

    def tw(self, s, pt, path=None):
        return self.c.font(pt, path).getlength(s)

    def put(self, x, y, s, pt, fld=None, path=None):
        return self.c.text(int(x), int(y), s, pt, (fld, s) if fld else None, path)

    def line(self, s, pt, fld=None, path=None, x=None, right=False, centre=False, gap=1.45, x0=None, x1=None):
        c = self.c
        x0, x1 = self.x0 if x0 is None else x0, self.x1 if x1 is None else x1
        while self.tw(s, pt, path) > x1 - x0 and pt > 6:
            pt -= 1
        if right:
            x = x1 - self.tw(s, pt, path)
        elif centre:
            x = x0 + (x1 - x0 - self.tw(s, pt, path)) / 2
        box = self.put(x0 if x is None else x, c.y, s, pt, fld, path)
        c.y += int(c.px(pt) * gap)
        return box

    def flow(self, parts, pt, path=None, x0=None, x1=None, gap=1.45):
        """Running text from parts [(text, field)]; a field's value is never
        broken across lines."""
        c = self.c
        x0, x1 = self.x0 if x0 is None else x0, self.x1 if x1 is None else x1
        toks = []
        for s, fld in parts:
            toks += [(s, fld)] if fld else [(w, None) for w in s.split()]
        space, x = self.tw(" ", pt, path), x0
        for s, fld in toks:
            w = self.tw(s, pt, path)
            if x > x0 and x + space + w > x1:
                x = x0
                c.y += int(c.px(pt) * gap)
            elif x > x0 and s[0] not in ",.;:)":
                x += space
            self.put(x, c.y, s, pt, fld, path)
            x += w
        c.y += int(c.px(pt) * (gap + 0.4))

    def hand(self, x, y, s, pt, fld=None):
        """s written by hand: the hand's face, each letter a little off the
        line, in a dark ink; one run, one field box."""
        c, r = self.c, self.r
        f = c.font(pt, self.handf)
        ink = r.randint(20, 70)
        boxes, cx = [], x
        drift = r.uniform(-0.04, 0.04) * c.px(pt)
        for k, ch in enumerate(s):
            dy = drift * k / max(1, len(s)) + r.uniform(-0.06, 0.06) * c.px(pt)
            c.d.text((cx, y + dy), ch, font=f, fill=ink)
            if ch.strip():
                boxes.append(c.d.textbbox((cx, y + dy), ch, font=f))
            cx += f.getlength(ch) * r.uniform(0.98, 1.08)
        c.runs.append({"text": s, "x_pt": round(x * 72.0 / c.dpi, 2), "y_pt": round(y * 72.0 / c.dpi, 2),
                       "size_pt": pt, "font": os.path.basename(self.handf)})
        box = [min(b[0] for b in boxes), min(b[1] for b in boxes), 0, 0]
        box[2], box[3] = max(b[2] for b in boxes) - box[0], max(b[3] for b in boxes) - box[1]
        if fld:
            c.fields.append({"name": fld, "value": s, "bbox": [int(v) for v in box]})
        return box

    def entry(self, x, y, s, pt, fld=None):
        """A form's entry: typed or written by hand, as the page's filler."""
        if self.spec["hand"]:
            return self.hand(x, y, s, pt + 2, fld)
        return self.put(x, y, s, pt, fld, self.typed)

    def comb(self, x, y, s, n, fld=None, groups=None, value=None):
        """A comb field of n boxes, one character in each (groups: the
        boxes' grouping, a gap between groups); returns its right edge."""
        c, r = self.c, self.r
        cw, ch = int(c.px(11) * 1.1), int(c.px(11) * 1.55)
        lt = max(1, c.dpi // 150)
        xs, cx = [], x
        for g, size in enumerate(groups or [n]):
            for _ in range(size):
                xs.append(cx)
                cx += cw
            cx += int(cw * 0.5)
        for bx in xs:
            if self.spec["comb_boxes"]:
                c.d.rectangle([bx, y, bx + cw, y + ch], outline=60, width=lt)
            else:
                c.d.line([bx, y + ch, bx + cw, y + ch], fill=60, width=lt)
                c.d.line([bx, y + int(ch * 0.6), bx, y + ch], fill=60, width=lt)
                c.d.line([bx + cw, y + int(ch * 0.6), bx + cw, y + ch], fill=60, width=lt)
        chars = [ch_ for ch_ in s if ch_ != " "] if groups else list(s)
        hand = self.spec["hand"]
        path = self.handf if hand else self.typed
        pt = 12 if hand else 10
        f = c.font(pt, path)
        ink = r.randint(20, 70)
        boxes = []
        for bx, ch_ in zip(xs, chars):
            if not ch_.strip():
                continue
            tx = bx + (cw - f.getlength(ch_)) / 2 + (r.uniform(-0.1, 0.1) * cw if hand else 0)
            ty = y + (ch - c.px(pt)) / 2 - c.px(pt) * 0.1 + (r.uniform(-0.08, 0.08) * ch if hand else 0)
            c.d.text((tx, ty), ch_, font=f, fill=ink)
            boxes.append(c.d.textbbox((tx, ty), ch_, font=f))
        c.runs.append({"text": s, "x_pt": round(x * 72.0 / c.dpi, 2), "y_pt": round(y * 72.0 / c.dpi, 2),
                       "size_pt": pt, "font": os.path.basename(path)})
        if fld and boxes:
            x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
            c.fields.append({"name": fld, "value": value or s,
                             "bbox": [int(x0), int(y0), int(max(b[2] for b in boxes) - x0),
                                      int(max(b[3] for b in boxes) - y0)]})
        return cx

    def checkbox(self, x, y, label, on, pt=9):
        c = self.c
        s = int(c.px(pt) * 1.1)
        c.d.rectangle([x, y, x + s, y + s], outline=40, width=max(1, c.dpi // 150))
        if on:
            if self.spec["hand"]:
                c.d.line([(x + s * 0.15, y + s * 0.55), (x + s * 0.4, y + s * 0.9), (x + s * 1.1, y - s * 0.2)],
                         fill=40, width=max(2, c.dpi // 90))
            else:
                c.d.line([x + 2, y + 2, x + s - 2, y + s - 2], fill=20, width=max(1, c.dpi // 120))
                c.d.line([x + 2, y + s - 2, x + s - 2, y + 2], fill=20, width=max(1, c.dpi // 120))
        self.put(x + s + int(0.06 * c.dpi), y - 1, label, pt, None, self.sans)
        return x + s + int(0.12 * c.dpi) + self.tw(label, pt, self.sans) + int(0.15 * c.dpi)

    def signature(self, x, y, w=1.4):
        c, r = self.c, self.r
        n = r.randint(12, 22)
        pts = [(x + k / (n - 1) * w * c.dpi, y + 0.1 * c.dpi * (1 + math.sin(k * r.uniform(0.9, 1.6) + r.uniform(0, 3))))
               for k in range(n)]
        c.d.line(pts, fill=r.randint(30, 80), width=max(2, c.dpi // 90), joint="curve")

    def place_date(self, place, d, fld, lang=None, style=None):
        """"Köln, den 12.10.2026", "Fait à Lyon, le 12 octobre 2026", "Madrid,
        a 12 de octubre de 2026", "Wrexford, October 12, 2026" on one line
        at the cursor (the date a field of its own)."""
        c = self.c
        lang = lang or self.lang
        lead = {"deu": "%s, den ", "fra": "Fait à %s, le ", "spa": "%s, a ", "eng": "%s, "}[lang] % place
        return lead, date(d, lang, style or ("en_long" if lang == "eng" else self.st))


# -- certificates --------------------------------------------------------------
APOSTILLE = {
    "eng": ["1. Country: United Kingdom of Great Britain and Northern Ireland", "This public document",
            "2. has been signed by %s", "3. acting in the capacity of Registrar", "4. bears the seal/stamp of %s",
            "Certified", "5. at %s", "6. the ", "7. by His Majesty's Principal Secretary of State",
            "8. Number APO-%d", "9. Seal/stamp:          10. Signature:"],
    "deu": ["1. Land: Bundesrepublik Deutschland", "Diese öffentliche Urkunde", "2. ist unterschrieben von %s",
            "3. in seiner Eigenschaft als Standesbeamter", "4. sie ist versehen mit dem Siegel/Stempel des %s",
            "Bestätigt", "5. in %s", "6. am ", "7. durch den Regierungspräsidenten", "8. unter Nr. %d",
            "9. Siegel/Stempel:          10. Unterschrift:"],
    "fra": ["1. Pays : République française", "Le présent acte public", "2. a été signé par %s",
            "3. agissant en qualité d'officier de l'état civil", "4. est revêtu du sceau/timbre de %s",
            "Attesté", "5. à %s", "6. le ", "7. par le Procureur général près la Cour d'appel", "8. sous n° %d",
            "9. Sceau/timbre :          10. Signature :"],
    "spa": ["1. País: España", "El presente documento público", "2. ha sido firmado por %s",
            "3. quien actúa en calidad de Encargado del Registro Civil", "4. y está revestido del sello/timbre de %s",
            "Certificado", "5. en %s", "6. el día ", "7. por el Tribunal Superior de Justicia", "8. bajo el número %d",
            "9. Sello/timbre:          10. Firma:"]}
OFFICIALS = ["M. Becker", "J. Fontaine", "L. Ortega", "H. Price", "S. Wagner", "C. Roussel"]


def apostille(P, x, y, size, pg, place, office):
    """An apostille stamped on the certificate (Hague Convention of 5
    October 1961), its date after the certificate's (field apostille_date)."""
    c, r, lang = P.c, P.r, P.lang
    lt = max(2, c.dpi // 100)
    c.d.rectangle([x, y, x + size, y + size], outline=50, width=lt)
    c.y = y + int(0.08 * c.dpi)
    P.line("APOSTILLE", 11, None, P.sans_b, centre=True, gap=1.3, x0=x, x1=x + size)
    P.line("(Convention de La Haye du 5 octobre 1961)", 6, None, P.sans, centre=True, gap=1.8, x0=x, x1=x + size)
    args = iter([r.choice(OFFICIALS), office, place, r.randint(1000, 99999)])
    for s in APOSTILLE[lang]:
        if "%" in s:
            s %= next(args)
        if s.startswith("6. "):
            val = date(pg["apostille"], lang, "en_long" if lang == "eng" else "dots" if lang == "deu" else "slash")
            P.put(x + int(0.1 * c.dpi), c.y, s, 7, None, P.sans)
            P.put(x + int(0.1 * c.dpi) + P.tw(s, 7, P.sans), c.y, val, 7, "apostille_date", P.typed)
            c.y += int(c.px(7) * 1.55)
        else:
            P.line(s, 7, None, P.sans, x=x + int(0.1 * c.dpi), gap=1.55, x0=x + int(0.1 * c.dpi),
                   x1=x + size - int(0.05 * c.dpi))
    P.signature(x + size * 0.55, y + size - int(0.45 * c.dpi), 0.9)


def cert_rows(P, pg, place, lang):
    """The certificate's particulars in lang: [(caption, value, field)]; the
    name's value is drawn in the script face."""
    who, kind = pg["person"], P.kind
    st = "en_long" if lang == "eng" and P.lang != "eng" else None
    dt = (lambda d: date(d, lang, st or P.st))
    full = lambda q: "%s %s" % (q["given_names"], q["surname"])
    cap = lambda k: CAP[k][K[lang]]
    if kind == "birth_certificate":
        return [(cap("surname"), who["surname"], "surname"), (cap("given"), who["given_names"], "given_names"),
                (cap("birth_date"), dt(pg["birth_date"]), "birth_date"), (cap("birth_place"), place, None),
                (cap("father"), full(pg["father"]), "other_name"), (cap("mother"), full(pg["mother"]), "other_name"),
                (cap("entry"), pg["number"], "reference")]
    if kind == "marriage_certificate":
        a, b = (who, pg["spouse"]) if pg["applicant_first"] else (pg["spouse"], who)
        return [(cap("spouse1"), full(a), "name" if a is who else "other_name"),
                (cap("spouse2"), full(b), "name" if b is who else "other_name"),
                (cap("married"), dt(pg["married"]), None), (cap("married_at"), place, None),
                (cap("entry"), pg["number"], "reference")]
    res = {"eng": "No convictions recorded", "deu": "Keine Eintragung", "fra": "Néant",
           "spa": "No constan antecedentes penales"}[lang]
    return [(cap("surname"), who["surname"].upper(), "surname"), (cap("given"), who["given_names"], "given_names"),
            (cap("birth_date"), dt(pg["birth_date"]), "birth_date"), (cap("birth_place"), place, None),
            (cap("entry"), pg["number"], "reference"), (cap("result"), res, None)]


DIPLOMA = {"eng": ("The %s confers upon", "born on", "the degree of"),
           "deu": ("Die %s verleiht", "geboren am", "den akademischen Grad"),
           "fra": ("L'%s confère à", "né(e) le", "le diplôme de"),
           "spa": ("La %s otorga a", "nacido/a el", "el título de")}


def cert_column(P, pg, lang, x0, x1, place, names_script, main):
    """One column of a certificate in lang (main: the national column, its
    date fields the truth's; the English one's dates are translations)."""
    c = P.c
    y0 = c.y
    if P.kind == "diploma":
        who = pg["person"]
        lead, born, deg = DIPLOMA[lang]
        P.line(lead % pg["issuer"], 10, None, P.serif_i, centre=True, gap=2.2, x0=x0, x1=x1)
        P.line("%s %s" % (who["given_names"], who["surname"]), 22, "name", P.script, centre=True, gap=1.8, x0=x0, x1=x1)
        b = date(pg["birth_date"], lang, "en_long" if lang == "eng" and not main else P.st)
        w = P.tw(born + " " + b, 10, P.serif_i)
        x = x0 + (x1 - x0 - w) / 2
        P.put(x, c.y, born, 10, None, P.serif_i)
        P.put(x + P.tw(born + " ", 10, P.serif_i), c.y, b, 10, "birth_date", P.serif_i)
        c.y += int(c.px(10) * 2.2)
        P.line(deg, 10, None, P.serif_i, centre=True, gap=1.8, x0=x0, x1=x1)
        P.line(DEGREES[P.lang][0], 13, None, P.serif_b, centre=True, gap=2.4, x0=x0, x1=x1)
    else:
        for cap, val, fld in cert_rows(P, pg, place, lang):
            P.put(x0, c.y, cap, 7, None, P.sans if main else P.serif_i)
            c.y += int(c.px(7) * 1.35)
            script = names_script and fld in ("name", "surname", "given_names", "other_name")
            pt = 15 if script else 11
            while P.tw(val, pt, P.script if script else P.serif) > x1 - x0 and pt > 7:
                pt -= 1
            P.put(x0, c.y, val, pt, fld, P.script if script else P.serif)
            c.y += int(c.px(max(pt, 11)) * 1.5)
    y1 = c.y
    c.y = y0
    return y1


def draw_cert(P, pg):
    """A certificate in an ornate border: arms, issuer, title (national and
    English), the particulars in two parallel columns (one on English
    pages), place and date, a signature, a seal; an apostille on a third of
    the birth and marriage certificates."""
    c, r, lang = P.c, P.r, P.lang
    b11.border(P)
    P.x0, P.x1 = int(0.95 * c.dpi), c.w - int(0.95 * c.dpi)
    c.y = int(0.85 * c.dpi)
    b11.arms(P, c.w // 2, c.y, int(0.7 * c.dpi))
    c.y += int(0.95 * c.dpi)
    P.line(COUNTRY[lang].upper(), 9, None, P.sans, centre=True, gap=1.5)
    P.line(pg["issuer"], 11, "issuer", P.serif_b, centre=True, gap=1.7)
    P.line(TITLES[P.kind][K[lang]].upper(), 20, None, P.serif_b, centre=True, gap=1.5)
    if lang != "eng":
        P.line(TITLES[P.kind][0], 12, None, P.serif_i, centre=True, gap=1.8)
    c.y += int(0.2 * c.dpi)
    place = r.choice([t for _, t in TOWNS[lang]]) if lang != "eng" else r.choice(P.sd.PLACES)
    town = P.spec["town"]
    script = r.random() < 0.7
    if lang == "eng":
        y = cert_column(P, pg, "eng", P.x0 + int(0.6 * c.dpi), P.x1 - int(0.6 * c.dpi), place, script, True)
    else:
        gap = int(0.3 * c.dpi)
        mid = (P.x0 + P.x1) // 2
        c.d.line([mid, c.y, mid, c.y + int(3.3 * c.dpi)], fill=150, width=1)
        y = cert_column(P, pg, lang, P.x0, mid - gap // 2, place, script, True)
        y = max(y, cert_column(P, pg, "eng", mid + gap // 2, P.x1, place, script, False))
    c.y = y + int(0.15 * c.dpi)
    lead, val = P.place_date(town, pg["issue"], "issue_date")
    P.put(P.x0, c.y, lead, 10, None, P.serif)
    P.put(P.x0 + P.tw(lead, 10, P.serif), c.y, val, 10, "issue_date", P.serif)
    if lang != "eng":  # the English column's translation of the date (not the truth's issue date)
        lead2 = "%s, " % town
        ev = date(pg["issue"], "eng", "en_long")
        mid = (P.x0 + P.x1) // 2 + int(0.15 * c.dpi)
        P.put(mid, c.y, lead2, 10, None, P.serif_i)
        P.put(mid + P.tw(lead2, 10, P.serif_i), c.y, ev, 10, "issue_date_translated", P.serif_i)
    c.y += int(c.px(10) * 2.0)
    P.signature(P.x1 - int(2.0 * c.dpi), c.y)
    c.y += int(0.4 * c.dpi)
    P.line({"eng": "Registrar", "deu": "Der Standesbeamte / The Registrar", "fra": "L'officier de l'état civil",
            "spa": "El Encargado del Registro"}[lang] if P.kind != "diploma" else
           {"eng": "Vice-Chancellor", "deu": "Der Präsident / The President", "fra": "Le Président",
            "spa": "El Rector"}[lang], 8, None, P.sans, x=P.x1 - int(2.0 * c.dpi))
    if P.kind == "diploma":
        P.line({"eng": "Certificate no. ", "deu": "Urkunden-Nr. ", "fra": "N° ", "spa": "Registro n.º "}[lang] +
               pg["number"], 8, "reference", P.sans, x=P.x0)
    bottom = c.h - int(0.9 * c.dpi)
    size = int(2.75 * c.dpi)
    if P.spec["apostille"] and P.kind in ("birth_certificate", "marriage_certificate") and \
            c.y < bottom - size - int(0.1 * c.dpi):
        apostille(P, P.x0, bottom - size, size, pg, town, pg["issuer"])
    sx, sy = P.x1 - int(1.2 * c.dpi), bottom - int(1.5 * c.dpi)
    if r.random() < 0.5:
        b11.embossed(P, sx, sy, int(0.85 * c.dpi), pg["issuer"])
    else:
        b11.foil_seal(P, sx, sy - int(0.2 * c.dpi), int(0.6 * c.dpi))


# -- forms ---------------------------------------------------------------------
FORMS = {  # kind: (form number, title per language)
    "employment_letter": ("Form EC 12", "Employer's Certificate of Employment", "Arbeitsbescheinigung",
                          "Attestation d'emploi", "Certificado de empresa"),
    "tenancy_agreement": ("Form RC 1", "Landlord's Rent Certificate", "Mietbescheinigung", "Attestation de loyer",
                          "Certificado de arrendamiento"),
    "payslip": ("Form E 3", "Earnings Certificate", "Verdienstbescheinigung", "Attestation de salaire",
                "Certificado de haberes"),
    "birth_certificate": ("Form B 7", "Birth Registration Extract", "Auszug aus dem Geburtenregister",
                          "Extrait d'acte de naissance - formulaire", "Extracto de inscripción de nacimiento"),
}
SECTIONS = {  # (English, German, French, Spanish)
    "org": ("Issuing organisation", "Angaben zum Aussteller", "Organisme / employeur", "Datos de la entidad"),
    "person": ("Personal details", "Angaben zur Person", "Identité", "Datos personales"),
    "detail": ("Particulars", "Angaben zum Sachverhalt", "Renseignements", "Datos"),
    "sign": ("Declaration", "Bestätigung", "Certification", "Certificación"),
}
CHECKS = {
    "employment_letter": (("Permanent", "Fixed term"), ("unbefristet", "befristet"), ("CDI", "CDD"),
                          ("Indefinido", "Temporal")),
    "tenancy_agreement": (("Furnished", "Unfurnished"), ("möbliert", "unmöbliert"), ("Meublé", "Non meublé"),
                          ("Amueblada", "Sin amueblar")),
    "payslip": (("Monthly", "Weekly"), ("monatlich", "wöchentlich"), ("Mensuel", "Hebdomadaire"),
                ("Mensual", "Semanal")),
    "birth_certificate": (("Female", "Male"), ("weiblich", "männlich"), ("Féminin", "Masculin"),
                          ("Mujer", "Hombre")),
}


def draw_form(P, pg):
    """A printed form filled in: comb fields for the name, dates and
    numbers, boxes for the rest, check boxes, place and date, a signature
    and a stamp."""
    c, r, lang = P.c, P.r, P.lang
    k = K[lang]
    who, kind = pg["person"], P.kind
    lab = lambda key: CAP[key][k]
    code = FORMS[kind][0]
    P.line("%s (%02d.%d)" % (code, r.randint(1, 12), r.randint(2019, 2025)), 7, None, P.sans, gap=1.6)
    P.line(FORMS[kind][k + 1].upper(), 17, None, P.sans_b, gap=1.3)
    if lang != "eng":
        P.line(FORMS[kind][1], 9, None, P.serif_i, gap=2.0)
    n = [0]

    def section(key):
        n[0] += 1
        c.y += int(0.12 * c.dpi)
        h = int(c.px(9) * 1.7)
        c.d.rectangle([P.x0, c.y, P.x1, c.y + h], fill=r.randint(205, 225))
        P.put(P.x0 + int(0.06 * c.dpi), c.y + int(c.px(9) * 0.3), "%d  %s" % (n[0], SECTIONS[key][k]), 9, None,
              P.sans_b)
        c.y += h + int(0.1 * c.dpi)

    def caption(s, x=None):
        P.put(P.x0 if x is None else x, c.y, s, 7, None, P.sans)
        c.y += int(c.px(7) * 1.5)

    def combrow(key, value, fld, cells=None, groups=None):
        caption(lab(key) if key in CAP else key)
        P.comb(P.x0, c.y, value.upper() if not groups else value, cells or max(len(value), 22), fld, groups)
        c.y += int(c.px(11) * 2.3)

    def boxrow(key, value, fld, height=1):
        caption(lab(key) if key in CAP else key)
        h = int(c.px(11) * (1.7 * height))
        c.d.rectangle([P.x0, c.y, P.x1, c.y + h], outline=60, width=max(1, c.dpi // 150))
        values = value if isinstance(value, list) else [(value, fld)]
        for j, (s, f) in enumerate(values):
            P.entry(P.x0 + int(0.08 * c.dpi), c.y + int(c.px(11) * (0.25 + 1.5 * j)), s, 10, f)
        c.y += h + int(0.12 * c.dpi)

    def datecomb(key, d, fld):
        caption(lab(key) if key in CAP else key)
        P.comb(P.x0, c.y, date(d, lang, "comb"), 8, fld, [2, 2, 4])
        c.y += int(c.px(11) * 2.3)

    def checks(on_first):
        x = P.x0
        for j, s in enumerate(CHECKS[kind][k]):
            x = P.checkbox(x, c.y, s, (j == 0) == on_first)
        c.y += int(c.px(9) * 2.2)

    section("org")
    boxrow({"eng": "Name", "deu": "Name / Firma", "fra": "Raison sociale", "spa": "Razón social"}[lang],
           pg["issuer"], "issuer")
    if kind != "birth_certificate":
        combrow({"eng": "Reference", "deu": "Betriebsnummer", "fra": "N° SIRET", "spa": "CIF"}[lang],
                "%08d" % r.randint(10 ** 7, 10 ** 8 - 1), None, 10)
    section("person")
    combrow("surname", who["surname"], "surname")
    combrow("given", who["given_names"], "given_names")
    if kind in ("employment_letter", "birth_certificate"):
        datecomb("birth_date", pg["birth_date"], "birth_date")
    if kind == "birth_certificate":
        checks(who["given_names"] in FEMALE)
        boxrow("birth_place", r.choice([t for _, t in TOWNS[lang]]) if lang != "eng" else r.choice(P.sd.PLACES), None)
        full = lambda q: "%s %s" % (q["given_names"], q["surname"])
        boxrow("father", full(pg["father"]), "other_name")
        boxrow("mother", full(pg["mother"]), "other_name")
        section("detail")
        combrow("entry", pg["number"], "reference", len(pg["number"]) + 2)
    else:
        lines = printed_address(pg["address"], lang, r, r.choice(["case", "short", "caps"]))
        if kind == "tenancy_agreement":
            section("detail")
            boxrow("premises", lines, None, 2)
            datecomb("let_since", pg["issue"] - datetime.timedelta(days=r.randint(200, 2500)), None)
            checks(r.random() < 0.3)
            boxrow("rent", money(r.randint(420, 1900), lang), "amount")
        else:
            boxrow("address", lines, None, 2)
            combrow("staff_no", pg["number"], "account_number", len(pg["number"]) + 2)
            section("detail")
            if kind == "employment_letter":
                datecomb("since", max(pg["issue"] - datetime.timedelta(days=r.randint(300, 4000)),
                                      pg["birth_date"] + datetime.timedelta(days=365 * 18 + 30)), None)
                boxrow("job", r.choice(JOBS[lang]), None)
                checks(r.random() < 0.75)
                boxrow("gross", money(r.randint(2100, 5200), lang), "amount")
            else:
                checks(True)
                boxrow({"eng": "Pay period", "deu": "Abrechnungszeitraum", "fra": "Période", "spa": "Periodo"}[lang],
                       "%s %d" % (MONTHS[lang][pg["issue"].month - 1], pg["issue"].year), None)
                boxrow("gross", money(r.randint(2100, 5200), lang), None)
                boxrow({"eng": "Net pay", "deu": "Nettoentgelt", "fra": "Net à payer", "spa": "Líquido a percibir"}[lang],
                       money(r.randint(1500, 3600), lang), "amount")
    section("sign")
    P.flow([({"eng": "We certify that the particulars above are correct and complete.",
              "deu": "Wir bestätigen die Richtigkeit und Vollständigkeit der obigen Angaben.",
              "fra": "Nous certifions l'exactitude des renseignements ci-dessus.",
              "spa": "Certificamos que los datos anteriores son ciertos y completos."}[lang], None)], 8, P.sans)
    caption(lab("place_date"))
    fld = "statement_date" if kind == "payslip" else "issue_date"
    numeric = date(pg["issue"], lang, "dots" if lang == "deu" else "slash")
    x = P.x0 + int(0.05 * c.dpi)
    b = P.entry(x, c.y, P.spec["town"] + ",", 10)
    P.entry(b[0] + b[2] + int(0.12 * c.dpi), c.y, numeric, 10, fld)
    c.d.line([P.x0, c.y + int(c.px(12) * 1.5), P.x0 + int(3.0 * c.dpi), c.y + int(c.px(12) * 1.5)], fill=60, width=1)
    P.signature(P.x0 + int(3.6 * c.dpi), c.y - int(0.05 * c.dpi))
    c.d.line([P.x0 + int(3.4 * c.dpi), c.y + int(c.px(12) * 1.5), P.x1, c.y + int(c.px(12) * 1.5)], fill=60, width=1)
    c.y += int(c.px(12) * 1.8)
    P.put(P.x0 + int(3.4 * c.dpi), c.y, {"eng": "Signature and stamp", "deu": "Unterschrift und Stempel",
                                         "fra": "Signature et cachet", "spa": "Firma y sello"}[lang], 7, None, P.sans)
    b11.rubber(P, int(P.x0 + 5.0 * c.dpi), int(c.y - 0.25 * c.dpi), [pg["issuer"], P.spec["town"]],
             kind == "birth_certificate")


# -- pages printed from a browser ------------------------------------------------
WEB = {  # kind: (page heading per language), the date's caption per language
    "bank_statement": (("Account transactions", "Umsätze", "Opérations du compte", "Movimientos de la cuenta"),
                       ("Balance as at", "Kontostand am", "Solde au", "Saldo a"), "statement_date"),
    "utility_bill": (("Your bill", "Ihre Rechnung", "Votre facture", "Su factura"),
                     ("Bill date", "Rechnungsdatum", "Date de la facture", "Fecha de factura"), "statement_date"),
    "payslip": (("Pay statement", "Entgeltnachweis", "Bulletin de paie", "Nómina"),
                ("Pay date", "Auszahlung am", "Date de paiement", "Fecha de pago"), "statement_date"),
    "police_certificate": (("Criminal record certificate", "Führungszeugnis", "Bulletin n° 3 du casier judiciaire",
                            "Certificado de antecedentes penales"),
                           ("Issued on", "Ausgestellt am", "Délivré le", "Fecha de emisión"), "issue_date"),
}
MENU = {"eng": ["Home", "Accounts", "Documents", "Messages", "Log out"],
        "deu": ["Übersicht", "Konten", "Postfach", "Service", "Abmelden"],
        "fra": ["Accueil", "Mes comptes", "Documents", "Messagerie", "Déconnexion"],
        "spa": ["Inicio", "Cuentas", "Documentos", "Buzón", "Salir"]}


def print_stamp(d, lang, r):
    """The browser's print date and time in the header."""
    hh, mm = r.randint(8, 21), r.randint(0, 59)
    if lang == "eng":
        return "%d/%d/%02d, %d:%02d %s" % (d.month, d.day, d.year % 100, (hh - 1) % 12 + 1, mm, "PM" if hh >= 12 else "AM")
    return "%s, %02d:%02d" % (d.strftime("%d.%m.%y" if lang == "deu" else "%d/%m/%Y"), hh, mm)


def draw_browser(P, pg):
    """A web page printed from a browser: print date and title at the top,
    URL and page count at the foot, the site's header, a sidebar with the
    holder's details, the page's content."""
    c, r, lang = P.c, P.r, P.lang
    k = K[lang]
    kind, who = P.kind, pg["person"]
    heading, dcap, dfld = WEB[kind]
    title = "%s - %s" % (heading[k], pg["issuer"])
    edge = int(0.4 * c.dpi)
    printed = max(pg["issue"], pg["application"] - datetime.timedelta(days=r.randint(1, 12)))
    c.y = int(0.3 * c.dpi)
    P.put(edge, c.y, print_stamp(printed, lang, r), 7, "print_date", P.sans)
    P.line(title, 7, None, P.sans, centre=True, x0=edge, x1=c.w - edge)
    url = "https://" + HOSTS[kind][k]
    c.y = c.h - int(0.4 * c.dpi)
    P.put(edge, c.y, url, 7, None, P.sans)
    P.put(c.w - edge - P.tw("1/2", 7, P.sans), c.y, "1/2", 7, None, P.sans)
    c.extra["print_date"] = printed.isoformat()
    # the site
    top = int(0.65 * c.dpi)
    bar = int(0.55 * c.dpi)
    c.d.rectangle([P.x0 - int(0.1 * c.dpi), top, P.x1 + int(0.1 * c.dpi), top + bar], fill=r.randint(45, 90))
    f = c.font(14, P.sans_b)
    c.d.text((P.x0, top + bar * 0.22), pg["issuer"], font=f, fill=245)
    x = P.x1
    for item in reversed(MENU[lang]):  # the menu, as much of it as the name leaves room for
        x -= P.tw(item, 8, P.sans) + int(0.18 * c.dpi)
        if x < P.x0 + f.getlength(pg["issuer"]) + int(0.2 * c.dpi):
            break
        c.d.text((x, top + bar * 0.38), item, font=c.font(8, P.sans), fill=230)
    c.y = top + bar + int(0.15 * c.dpi)
    P.line(" > ".join(MENU[lang][:3] + [heading[k]]), 7, None, P.sans, gap=2.0)
    P.line(heading[k], 16, None, P.sans_b, gap=1.8)
    side = P.x1 - int(2.2 * c.dpi)
    y0 = c.y
    # sidebar: the holder's details
    c.d.rectangle([side, y0, P.x1, y0 + int(2.3 * c.dpi)], outline=170, fill=242)
    sx = side + int(0.1 * c.dpi)
    c.y = y0 + int(0.1 * c.dpi)
    P.line({"eng": "Your details", "deu": "Persönliche Daten", "fra": "Mes informations",
            "spa": "Datos personales"}[lang], 9, None, P.sans_b, x0=sx, x1=P.x1, gap=1.7)
    P.line(name(lang, who, r, r.choice(["plain", "comma", "caps", "nee"])), 9, "name", P.sans, x0=sx, x1=P.x1 - 4,
           gap=1.4)
    if kind != "police_certificate":
        for s, fld in printed_address(pg["address"], lang, r, r.choice(["case", "caps", "short"])):
            P.line(s, 8, fld, P.sans, x0=sx, x1=P.x1 - 4, gap=1.4)
    if kind == "police_certificate" or pg.get("birth_date_shown"):
        c.y += int(0.05 * c.dpi)
        P.line(CAP["birth_date"][k], 7, None, P.sans, x0=sx, x1=P.x1, gap=1.3)
        P.line(P.d(pg["birth_date"]), 9, "birth_date", P.sans, x0=sx, x1=P.x1 - 4, gap=1.6)
    # main column
    c.y = y0
    mx1 = side - int(0.25 * c.dpi)
    rows = [(dcap[k], P.d(pg["issue"]), dfld)]
    num = {"bank_statement": ("Account no.", "IBAN", "IBAN", "IBAN"), "utility_bill": CAP["customer_no"],
           "payslip": CAP["staff_no"], "police_certificate": ("Certificate no.", "Belegnummer", "N° de demande",
                                                              "Código CSV")}[kind][k]
    acct = P.sd.h3_iban(r, lang) if kind == "bank_statement" and lang != "eng" else pg["number"]
    rows.insert(0, (num, acct, "reference" if kind == "police_certificate" else "account_number"))
    for cap, val, fld in rows:
        P.put(P.x0, c.y, cap, 9, None, P.sans)
        P.put(P.x0 + int(1.7 * c.dpi), c.y, val, 9, fld, P.sans_b)
        c.y += int(c.px(9) * 1.7)
    c.y += int(0.15 * c.dpi)
    if kind == "police_certificate":
        P.flow([({"eng": "No convictions, cautions, reprimands or warnings are recorded against the person named.",
                  "deu": "Inhalt: Keine Eintragung im Bundeszentralregister.",
                  "fra": "Bulletin n° 3 : Néant. Aucune condamnation n'est inscrite.",
                  "spa": "NO CONSTAN ANTECEDENTES PENALES en el Registro Central de Penados."}[lang], None)], 10,
               P.sans, x1=mx1)
        P.flow([({"eng": "Verify this certificate online with its number.",
                  "deu": "Die Echtheit kann online mit der Belegnummer geprüft werden.",
                  "fra": "L'authenticité peut être vérifiée en ligne avec le numéro de demande.",
                  "spa": "Puede verificar este documento con el Código Seguro de Verificación."}[lang], None)], 8,
               P.sans, x1=mx1)
        return
    lines, bal = [], r.randint(30000, 900000) / 100.0
    d = pg["issue"] - datetime.timedelta(days=r.randint(25, 31))
    heads = {"eng": ["Date", "Description", "Amount"], "deu": ["Datum", "Buchungstext", "Betrag"],
             "fra": ["Date", "Libellé", "Montant"], "spa": ["Fecha", "Concepto", "Importe"]}[lang]
    items = {"eng": ["CARD PAYMENT", "DIRECT DEBIT", "FASTER PAYMENT", "STANDING ORDER"],
             "deu": ["LASTSCHRIFT", "KARTENZAHLUNG", "GUTSCHRIFT", "DAUERAUFTRAG"],
             "fra": ["PRLV SEPA", "CB CARREFOUR", "VIR SEPA RECU", "RETRAIT DAB"],
             "spa": ["RECIBO", "TRANSFERENCIA", "PAGO CON TARJETA", "BIZUM"]}[lang]
    if kind == "bank_statement":
        for _ in range(r.randint(6, 11)):
            d += datetime.timedelta(days=r.randint(1, 3))
            if d > pg["issue"]:
                break
            v = r.randint(-60000, 30000) / 100.0
            bal += v
            lines.append([d.strftime("%d.%m.%y" if lang == "deu" else "%d/%m/%y"), r.choice(items),
                          ("+" if v > 0 else "") + money(v, lang).replace("£-", "-£")])
        final = money(bal, lang)
    elif kind == "utility_bill":
        kwh = r.randint(180, 900)
        lines = [[P.d(pg["issue"] - datetime.timedelta(days=30)), {"eng": "Electricity", "deu": "Strom",
                                                                    "fra": "Électricité", "spa": "Energía"}[lang] +
                  " %d kWh" % kwh, money(kwh * 0.31, lang)],
                 ["", {"eng": "Standing charge", "deu": "Grundpreis", "fra": "Abonnement", "spa": "Potencia"}[lang],
                  money(r.randint(900, 1800) / 100.0, lang)]]
        final = money(kwh * 0.31 + r.randint(900, 1800) / 100.0, lang)
    else:
        gross = r.randint(210000, 520000) / 100.0
        lines = [["", {"eng": "Basic pay", "deu": "Gehalt", "fra": "Salaire de base", "spa": "Salario base"}[lang],
                  money(gross, lang)],
                 ["", {"eng": "Tax", "deu": "Lohnsteuer", "fra": "Prélèvement à la source", "spa": "IRPF"}[lang],
                  "-" + money(gross * 0.12, lang)],
                 ["", {"eng": "National Insurance", "deu": "Sozialversicherung", "fra": "Cotisations",
                       "spa": "Seguridad Social"}[lang], "-" + money(gross * 0.2, lang)]]
        final = money(gross * 0.68, lang)
    xs = [P.x0, P.x0 + int(0.9 * c.dpi), mx1]
    rh = int(c.px(8) * 1.9)
    for j, row in enumerate([heads] + lines):
        if j == 0:
            c.d.rectangle([P.x0, c.y, mx1, c.y + rh], fill=225)
        else:
            c.d.line([P.x0, c.y + rh, mx1, c.y + rh], fill=200, width=1)
        path = P.sans_b if j == 0 else P.sans
        P.put(xs[0] + 4, c.y + int(c.px(8) * 0.4), row[0], 8, None, path)
        P.put(xs[1], c.y + int(c.px(8) * 0.4), row[1], 8, None, path)
        P.put(xs[2] - 4 - P.tw(row[2], 8, path), c.y + int(c.px(8) * 0.4), row[2], 8, None, path)
        c.y += rh
    c.y += int(0.15 * c.dpi)
    total = {"bank_statement": ("Balance", "Kontostand", "Solde", "Saldo"),
             "utility_bill": ("Amount due", "Rechnungsbetrag", "Montant à payer", "Importe total"),
             "payslip": ("Net pay", "Auszahlungsbetrag", "Net à payer", "Líquido a percibir")}[kind][k]
    P.put(P.x0, c.y, total, 10, None, P.sans_b)
    P.put(mx1 - P.tw(final, 10, P.sans_b), c.y, final, 10, "amount", P.sans_b)


# -- business letters -------------------------------------------------------------
SUBJECT = {
    "employment_letter": ("RE: Verification of Employment", "Bestätigung Ihres Arbeitsverhältnisses",
                          "Objet : Attestation de travail", "Asunto: Certificado de empresa"),
    "bank_statement": ("RE: Bank Balance Confirmation", "Saldenbestätigung", "Objet : Attestation de solde",
                       "Asunto: Certificado de saldo"),
    "utility_bill": ("Your annual electricity statement", "Ihre Jahresrechnung Strom",
                     "Objet : Votre facture annuelle d'électricité", "Asunto: Su factura anual de electricidad"),
}
CLOSING = ("Sincerely,", "Mit freundlichen Grüßen", "Veuillez agréer, Madame, Monsieur, nos salutations distinguées.",
           "Atentamente,")
FOOTER = ("Registered in England and Wales No. %08d", "Sitz %s · Amtsgericht HRB %d · Geschäftsführer: K. Albers",
          "SAS au capital de 50 000 € · RCS %s %d", "Inscrita en el Registro Mercantil de %s, hoja %d")


def body(P, pg, iban, amount):
    """The letter's text: [(text, field)]."""
    kind, lang, r = P.kind, P.lang, P.r
    who = name(lang, pg["person"], r, "title")
    iss = pg["issuer"]
    if kind == "employment_letter":
        since = max(pg["issue"] - datetime.timedelta(days=r.randint(300, 4000)),
                    pg["birth_date"] + datetime.timedelta(days=365 * 18 + 30))
        job, b, s = r.choice(JOBS[lang]), P.d(pg["birth_date"]), date(since, lang, P.st)
        return [({"eng": "This letter confirms that %s, born" % who, "deu": "hiermit bestätigen wir, dass %s, geboren am" % who,
                  "fra": "Nous soussignés, %s, certifions que %s, né(e) le" % (iss, who),
                  "spa": "%s certifica que %s, nacido/a el" % (iss, who)}[lang], None), (b, "birth_date"),
                ({"eng": ", has been employed by %s since %s as a full-time %s. The current gross monthly salary is "
                         "%s. Please contact our Human Resources department with any questions." % (iss, s, job, amount),
                  "deu": ", seit dem %s als %s in unserem Unternehmen unbefristet in Vollzeit beschäftigt ist. Das "
                         "monatliche Bruttogehalt beträgt %s. Das Arbeitsverhältnis ist ungekündigt." % (s, job, amount),
                  "fra": ", est employé(e) au sein de notre société depuis le %s en qualité de %s, en contrat à "
                         "durée indéterminée à temps plein. Sa rémunération brute mensuelle s'élève à %s. La présente "
                         "attestation est délivrée pour servir et valoir ce que de droit." % (s, job, amount),
                  "spa": ", presta servicios en esta empresa desde el %s con la categoría de %s, con contrato "
                         "indefinido a jornada completa y un salario bruto mensual de %s. Y para que conste, se expide "
                         "el presente certificado." % (s, job, amount)}[lang], None)]
    if kind == "bank_statement":
        born = [] if not pg.get("birth_date_shown") else [
            ({"eng": "(born", "deu": "(geboren am", "fra": "(né(e) le", "spa": "(nacido/a el"}[lang], None),
            (P.d(pg["birth_date"]), "birth_date"), (")", None)]
        return [({"eng": "We confirm that %s" % who, "deu": "hiermit bestätigen wir, dass %s" % who,
                  "fra": "Nous certifions que %s" % who, "spa": "Certificamos que %s" % who}[lang], None)] + born + \
            [({"eng": "holds the account", "deu": "bei uns das Konto", "fra": "est titulaire du compte",
               "spa": "es titular de la cuenta"}[lang], None), (iban, "account_number"),
             ({"eng": "with us. The balance on the date of this letter is %s." % amount,
               "deu": "führt. Der Kontostand zum Datum dieses Schreibens beträgt %s." % amount,
               "fra": "ouvert dans nos livres. Le solde à la date de la présente s'élève à %s." % amount,
               "spa": "abierta en nuestra entidad. El saldo a la fecha de este escrito asciende a %s." % amount}[lang],
              None)]
    kwh = r.randint(1800, 4200)
    return [({"eng": "Thank you for being a customer. Your electricity use this year was %d kWh; the amount of %s "
                     "will be collected by direct debit." % (kwh, amount),
              "deu": "vielen Dank für Ihr Vertrauen. Ihr Stromverbrauch im Abrechnungsjahr betrug %d kWh. Der "
                     "Rechnungsbetrag von %s wird per SEPA-Lastschrift eingezogen." % (kwh, amount),
              "fra": "Nous vous remercions de votre confiance. Votre consommation annuelle s'élève à %d kWh. Le "
                     "montant de %s sera prélevé sur votre compte." % (kwh, amount),
              "spa": "Le agradecemos su confianza. Su consumo anual ha sido de %d kWh. El importe de %s se cargará "
                     "en su cuenta bancaria." % (kwh, amount)}[lang], None)]


def dated_right(P, lead, dval, fld, gap):
    """"Toulouse, le 17/09/2026" flush right, the date a field."""
    c = P.c
    x = P.x1 - P.tw(lead + dval, 10, P.serif)
    P.put(x, c.y, lead, 10, None, P.serif)
    P.put(x + P.tw(lead, 10, P.serif), c.y, dval, 10, fld, P.serif)
    c.y += int(c.px(10) * gap)


def draw_letter(P, pg):
    """A business letter in the form of its country."""
    c, r, lang, kind = P.c, P.r, P.lang, P.kind
    k = K[lang]
    iss, town = pg["issuer"], P.spec["town"]
    fld = "issue_date" if kind == "employment_letter" else "statement_date"
    dval = P.d(pg["issue"])
    iban = P.sd.h3_iban(r, lang) if lang != "eng" else "%s (sort code %02d-%02d-%02d)" % (
        pg["number"], r.randint(10, 99), r.randint(10, 99), r.randint(10, 99))
    amount = money(r.randint(150000, 2500000) / 100.0 if kind == "bank_statement" else
                   r.randint(2100, 5200) if kind == "employment_letter" else r.randint(40000, 180000) / 100.0, lang)
    who = pg["person"]
    right = lang in ("deu", "fra")
    P.line(iss, 15, "issuer", P.sans_b, right=lang == "deu", gap=1.3)
    street = r.choice(STREETS[lang]) if lang != "eng" else r.choice(P.sd.STREETS)
    P.line("%s %d · %s" % (street, r.randint(1, 90), town), 8, None, P.sans, right=lang == "deu", gap=2.5)
    if lang == "eng":
        P.line(dval, 10, fld, P.serif, gap=2.0)
    if lang == "spa":
        dated_right(P, "%s, " % town, dval, fld, 2.2)
    if lang == "deu":  # DIN 5008: the sender's line over the window, the information block beside it
        c.y = int(1.77 * c.dpi)
        s = "%s · Postfach %d · %s" % (iss, r.randint(1000, 9999), town)
        b = P.put(P.x0, c.y, s, 6, None, P.sans)
        c.d.line([b[0], b[1] + b[3] + 2, b[0] + b[2], b[1] + b[3] + 2], fill=90, width=1)
        y0 = c.y
        xi = P.x0 + int(4.4 * c.dpi)
        for cap, val, f in [("Ihr Zeichen", "", None), ("Unser Zeichen", "%s/%d" % (r.choice(["PA", "KS", "RG"]),
                                                                                     r.randint(100, 999)), None),
                            ("Telefon", "0%d %d" % (r.randint(200, 999), r.randint(100000, 999999)), None),
                            ("Datum", dval, fld)]:
            P.put(xi, c.y, cap, 7, None, P.sans)
            c.y += int(c.px(7) * 1.2)
            if val:
                P.put(xi, c.y, val, 9, f, P.sans)
            c.y += int(c.px(9) * 1.6)
        c.y = y0 + int(0.3 * c.dpi)
    x0 = P.x0 + int(3.3 * c.dpi) if lang == "fra" else P.x0
    P.line(name(lang, who, r, r.choice(["title", "nee", "nee", "plain"])), 10, "name", P.serif, x0=x0, gap=1.35)
    for s, f in printed_address(pg["address"], lang, r, r.choice(["case", "caps", "short"])):
        P.line(s, 10, f, P.serif, x0=x0, gap=1.35)
    c.y = max(c.y, int(4.0 * c.dpi)) if lang == "deu" else c.y + int(0.35 * c.dpi)
    if lang == "fra":
        dated_right(P, "%s, le " % town, dval, fld, 2.4)
    P.line(SUBJECT[kind][k], 11, None, P.sans_b, gap=2.0)
    fem = who["given_names"] in FEMALE
    P.line({"eng": "To Whom It May Concern:" if kind == "employment_letter" else "Dear Customer,",
            "deu": "Sehr geehrte%s %s %s," % ((("", "Frau") if fem else ("r", "Herr")) + (who["surname"],)),
            "fra": "Madame, Monsieur,", "spa": "Estimado/a cliente:"}[lang], 10, None, P.serif, gap=1.8)
    P.flow(body(P, pg, iban, amount), 10, P.serif, gap=1.5)
    if kind == "utility_bill":
        y0 = c.y
        for cap, val, f in [(CAP["customer_no"][k], pg["number"], "account_number"),
                            ({"eng": "Amount due", "deu": "Rechnungsbetrag", "fra": "Montant TTC",
                              "spa": "Total factura"}[lang], amount, "amount")]:
            P.put(P.x0 + int(0.1 * c.dpi), c.y, cap, 9, None, P.sans)
            P.put(P.x0 + int(2.6 * c.dpi), c.y, val, 10, f, P.sans_b)
            c.y += int(c.px(10) * 1.7)
        c.d.rectangle([P.x0, y0 - int(0.08 * c.dpi), P.x0 + int(4.5 * c.dpi), c.y], outline=90, width=1)
        c.y += int(0.25 * c.dpi)
    P.line(CLOSING[k], 10, None, P.serif, gap=1.3)
    P.signature(P.x0, c.y)
    c.y += int(0.5 * c.dpi)
    P.line(iss, 9, None, P.serif, gap=1.5)
    c.y = c.h - int(0.75 * c.dpi)
    P.line(FOOTER[k] % ((r.randint(10 ** 6, 10 ** 7),) if lang == "eng" else (town, r.randint(1000, 99999))), 7,
           None, P.sans, centre=True)
    if lang == "deu":  # fold and hole marks at the left edge
        for y_mm, w in ((105, 0.25), (148.5, 0.4), (210, 0.25)):
            y = int(y_mm / 25.4 * c.dpi)
            c.d.line([int(0.2 * c.dpi), y, int((0.2 + w) * c.dpi), y], fill=80, width=max(1, c.dpi // 150))


def draw11(sd, kind, c, r, truth, spec):
    """Draws a heldout11 page on c (its image, fields and runs); returns
    the page's language for ocr_langs (None on English pages)."""
    pg = truth["page"]
    P = P11(sd, c, r, kind, spec, pg)
    c.extra = {}
    # an apostille is given after the certificate, before the application
    pg["apostille"] = min(pg["issue"] + datetime.timedelta(days=r.randint(3, 40)),
                          max(pg["issue"] + datetime.timedelta(days=1), pg["application"] - datetime.timedelta(days=1)))
    {"cert": draw_cert, "form": draw_form, "browser": draw_browser, "letter": draw_letter}[spec["mode"]](P, pg)
    b11.marks(P)
    b11.capture(P)
    c.extra.update({"mode": spec["mode"], "capture": spec["capture"], "marks": spec["marks"],
                    "hand": spec["hand"] if spec["mode"] == "form" else False})
    return None if spec["lang"] == "eng" else spec["lang"]


def scanner(spec):
    """The scan of a heldout11 page: a scanning app's output is not turned
    (only a little on a second capture); the rest as every family."""
    return b11.scanned_app if spec["capture"] == "app" else b11.supporting.scanned
