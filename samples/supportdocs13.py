"""The heldout13 supporting pages (samples/supportdocs.py --layouts heldout13),
written blind on 2026-12-07 by a session that tunes no rule and never
screened any of its pages. Issuers of India, Pakistan, Nigeria and the
Philippines writing in English, and Brazilian and Mexican certificates in
Portuguese or Spanish (or their sworn English translation under the
translator's header); the applicant's name and address of that country.
Drawn unlike heldout4..heldout12:

- a hospital birth record (a form filled in by hand in boxes, the time of
  birth beside the date) or a civil-registry certidão / acta; a church
  marriage certificate ("were united in Holy Matrimony", the register's
  book, page and entry) or a certidão / acta; a bank's balance
  confirmation letter instead of a statement (lakh grouping
  `2,34,567.00`, the amount in words); a salary certificate with the month's
  salary table; an employment certificate whose addressee block is at the
  foot of the page; an electricity or gas bill with a tear-off payment
  slip and a barcode at the foot; a rent receipt from a receipt book
  (counterfoil + receipt, perforation, a revenue stamp signed across);
  a police clearance certificate with a large seal behind the text; a
  school leaving certificate with the birth date in figures and words;
- names with the country's honorifics (`Shri`, `Smt.`, `Alhaji`, `Chief`,
  `Engr.`, `Sr.`, `Sra.`), "Surname, Given", all lower case as a system
  prints an e-mail-style name; a father's or husband's name after
  `s/o`, `d/o`, `son of`, `daughter of` that is not the applicant;
- dates `14/03/23`, `March 14th, 2023`, `14-Mar-2023`, `14.03.2023`,
  `14th day of March 2023` ("issued this ..."), `14 de março de 2023`,
  `14 de marzo de 2023`, weekdays before them (`Tue 14-Mar-2023`), a
  billing period with an en dash, a date beside a time, a Julian date
  (`2023073`) under a bill's barcode;
- typewritten letters (TlwgTypist, uneven strikes) on four in ten letters
  and certificates, hand entries in Purisa, faces Laksaman, Sawasdee,
  Norasi, Garuda (fonts-thai-tlwg); a rotated rubber stamp beside the
  name line, never over a field;
- captures (truth `capture`): through a plastic sleeve (a glare band), a
  stapled page with a folded corner, a fax with its header lines, a photo
  at an angle with a thumb on the margin (colour), a greyscale 150 dpi
  scan, heavy sharpening halos, or a plain flatbed scan.
"""
import datetime
import math

import supportdocs12 as s12  # P12's drawing helpers, weekday_edit, ordinal
import supportdocs13b as cap  # the captures and the stamp

T = "/usr/share/fonts/truetype/tlwg/"
FACES = {"laksaman": (T + "Laksaman.ttf", T + "Laksaman-Bold.ttf"),
         "sawasdee": (T + "Sawasdee.ttf", T + "Sawasdee-Bold.ttf"),
         "norasi": (T + "Norasi.ttf", T + "Norasi-Bold.ttf"),
         "garuda": (T + "Garuda.ttf", T + "Garuda-Bold.ttf")}
TYPE = (T + "TlwgTypist.ttf", T + "TlwgTypist-Bold.ttf")
HAND = T + "Purisa.ttf"
MONTHS = s12.MONTHS
PT_MONTHS = ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro",
             "outubro", "novembro", "dezembro"]
ES_MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
             "octubre", "noviembre", "diciembre"]
ENGLISH = ["in", "pk", "ng", "ph"]
CERTS = {"birth_certificate", "marriage_certificate", "police_certificate"}
WEEKDAY_KINDS = {"bank_statement", "payslip", "employment_letter", "utility_bill", "tenancy_agreement",
                 "police_certificate"}
# (given names, female ones, surnames) of each country
NAMES = {"in": (["Priya", "Rajesh", "Anjali", "Vikram", "Sunita", "Arjun"], {"Priya", "Anjali", "Sunita"},
                ["Sharma", "Patel", "Iyer", "Reddy", "Nair", "Gupta"]),
         "pk": (["Muhammad Usman", "Ayesha", "Bilal", "Sana", "Hamza", "Mehwish"], {"Ayesha", "Sana", "Mehwish"},
                ["Qureshi", "Chaudhry", "Malik", "Butt", "Siddiqui", "Awan"]),
         "ng": (["Chukwuemeka", "Ngozi", "Oluwaseun", "Hadiza", "Emeka", "Folake"], {"Ngozi", "Hadiza", "Folake"},
                ["Okonkwo", "Adebayo", "Eze", "Bello", "Nwosu", "Abubakar"]),
         "ph": (["Maria Cristina", "Juan Miguel", "Rowena", "Jose Antonio", "Lourdes", "Ramil"],
                {"Maria Cristina", "Rowena", "Lourdes"}, ["Dela Cruz", "Santos", "Reyes", "Bautista", "Villanueva"]),
         "br": (["João Pedro", "Ana Luíza", "Luciana", "Thiago", "Fernanda", "Rodrigo"],
                {"Ana Luíza", "Luciana", "Fernanda"}, ["da Silva", "Oliveira", "Conceição", "Araújo", "Gonçalves"]),
         "mx": (["José Luis", "María Guadalupe", "Alejandro", "Ximena", "Jesús", "Itzel"],
                {"María Guadalupe", "Ximena", "Itzel"}, ["Hernández", "García López", "Ramírez", "Núñez", "Treviño"])}
FATHERS = {"in": ["Ramesh", "Suresh", "Mohan Lal"], "pk": ["Abdul Rashid", "Ghulam Hussain", "Tariq"],
           "ng": ["Ikechukwu", "Babatunde", "Musa"], "ph": ["Rodolfo", "Ernesto", "Danilo"],
           "br": ["Antônio Carlos", "Sebastião"], "mx": ["Juan Manuel", "Refugio"]}
MOTHERS = {"in": ["Kamala", "Lakshmi"], "pk": ["Nasreen", "Shahida"], "ng": ["Chioma", "Amina"],
           "ph": ["Erlinda", "Corazon"], "br": ["Maria das Graças", "Aparecida"], "mx": ["Guadalupe", "Rosa María"]}
STREETS = {"in": ["Gandhi Road", "Nehru Nagar", "MG Road", "Park Street", "Tilak Marg"],
           "pk": ["Street 9, F-8/3", "Mall Road", "Jinnah Avenue", "Street 14, G-11/2"],
           "ng": ["Adeola Odeku Street", "Awolowo Road", "Ahmadu Bello Way", "Herbert Macaulay Street"],
           "ph": ["Mabini St., Brgy. San Isidro", "Rizal Ave., Brgy. Poblacion", "Bonifacio St., Brgy. Malinta"],
           "br": ["Rua das Flores", "Avenida Brasil", "Rua XV de Novembro"],
           "mx": ["Calle Hidalgo", "Avenida Juárez", "Calle Morelos"]}
TOWNS = {"in": ["Pune 411001", "Chennai 600017", "Jaipur 302001", "Kochi 682011"],
         "pk": ["Islamabad 44000", "Lahore 54000", "Karachi 75500", "Multan 60000"],
         "ng": ["Victoria Island, Lagos", "Ikeja, Lagos", "Wuse II, Abuja", "GRA, Enugu"],
         "ph": ["Quezon City 1100", "Cebu City 6000", "Davao City 8000", "Makati City 1200"],
         "br": ["01310-100 São Paulo - SP", "80010-000 Curitiba - PR", "30130-000 Belo Horizonte - MG"],
         "mx": ["06000 Ciudad de México, CDMX", "44100 Guadalajara, Jal.", "64000 Monterrey, N.L."]}
HONOR = {"in": (["Shri", "Mr."], ["Smt.", "Ms.", "Kum."]), "pk": (["Mr."], ["Mst.", "Mrs."]),
         "ng": (["Alhaji", "Chief", "Engr.", "Mr."], ["Mrs.", "Alhaja", "Engr."]),
         "ph": (["Mr.", "Engr."], ["Ms.", "Mrs."]), "br": (["Sr."], ["Sra."]), "mx": (["Sr.", "C."], ["Sra.", "C."])}
CURRENCY = {"in": "INR", "pk": "PKR", "ng": "NGN", "ph": "PHP", "br": "BRL", "mx": "MXN"}
ISSUERS = {
    "birth_certificate": {"in": "Lokmanya Maternity & Nursing Home", "pk": "Mayo Road Maternity Hospital",
                          "ng": "St. Gerard's Catholic Hospital", "ph": "Our Lady of Lourdes Medical Center",
                          "br": "Registro Civil das Pessoas Naturais - 2º Subdistrito",
                          "mx": "Registro Civil - Oficialía 12"},
    "marriage_certificate": {"in": "St. Thomas Cathedral Parish", "pk": "Sacred Heart Cathedral Parish",
                             "ng": "Holy Cross Cathedral, Archdiocese of Lagos", "ph": "Parish of San Roque",
                             "br": "Cartório de Registro Civil - 1º Ofício", "mx": "Registro Civil - Oficialía 3"},
    "bank_statement": {"in": "Deccan Co-operative Bank Ltd.", "pk": "Indus Crescent Bank Limited",
                       "ng": "Niger Delta Trust Bank Plc", "ph": "Visayas Rural Bank, Inc."},
    "payslip": {"in": "Sahyadri Pharma Pvt. Ltd.", "pk": "Ravi Textile Mills (Pvt.) Ltd.",
                "ng": "Lekki Port Logistics Limited", "ph": "Cebu Pacific Outsourcing Corp."},
    "employment_letter": {"in": "Konkan Infotech Solutions Pvt. Ltd.", "pk": "Margalla Engineering Services",
                          "ng": "Harmattan Agro-Allied Industries Ltd.", "ph": "Mindanao Grainworks, Inc."},
    "utility_bill": {"in": "Western Grid Power Distribution Co. Ltd.", "pk": "Punjab Piped Gas Company Ltd.",
                     "ng": "Lagoon Power Distribution Plc", "ph": "Metro Luzon Electric Cooperative"},
    "tenancy_agreement": {"in": "", "pk": "", "ng": "", "ph": ""},
    "police_certificate": {"in": "Office of the Superintendent of Police, Pune District",
                           "pk": "Office of the Senior Superintendent of Police, Lahore",
                           "ng": "Nigeria Police Force - Criminal Investigation Department",
                           "ph": "Philippine National Police - Clearance Section",
                           "br": "Secretaria da Segurança Pública - Instituto de Identificação",
                           "mx": "Fiscalía General de Justicia - Dirección de Servicios Periciales"},
    "diploma": {"in": "Saraswati Vidya Mandir Higher Secondary School", "pk": "Government Islamia High School",
                "ng": "Queen's College Model Secondary School", "ph": "Rizal National High School"}}
LANDLORDS = ["Mohan Lal Agarwal", "Haji Abdul Ghafoor", "Chief Festus Adeyemi", "Remedios Tan"]


# -- what the page is ----------------------------------------------------------------
def choose(kind, r):
    """The page's country, face, capture, marks and styles, drawn in
    supportdocs.make before the applicant."""
    countries = ENGLISH + (["br", "mx", "br", "mx"] if kind in CERTS else [])  # certificates half Brazil, Mexico
    country = r.choice(countries)
    z = r.random()
    capture = ("sleeve" if z < 0.15 else "fold" if z < 0.30 else "fax" if z < 0.42 else "thumb" if z < 0.58 else
               "grey150" if z < 0.72 else "halo" if z < 0.86 else "flatbed")
    lang = {"br": "por", "mx": "spa"}.get(country)
    translated = bool(lang) and r.random() < 0.4
    return {"country": country, "lang": None if translated else lang, "translated": translated,
            "face": r.choice(sorted(FACES)), "capture": capture,
            "typed": kind in ("bank_statement", "payslip", "employment_letter", "police_certificate",
                              "marriage_certificate") and r.random() < 0.4,
            "stamp": r.random() < 0.5, "seal": kind in ("police_certificate", "diploma", "marriage_certificate")
            or r.random() < 0.2,
            "weekday": kind in WEEKDAY_KINDS and r.random() < 0.4,
            "fuel": r.choice(["electricity", "gas"]) if kind == "utility_bill" else "",
            "name": r.choice(["plain", "hon", "comma", "hon", "lower", "caps"]),
            "father": r.random() < 0.6, "addr": r.choice(["case", "case", "caps", "oneline", "abbr"]),
            "date": r.choice(["yy", "mdyord", "dmyabbr", "dots", "slash", "dayof"]),
            "birth": r.choice(["slash", "dmyabbr", "mdyord", "dots"]),
            "bottom": kind == "employment_letter" and r.random() < 0.7}


def _address(r, country):
    street, town = r.choice(STREETS[country]), r.choice(TOWNS[country])
    n = r.randint(2, 240)
    if country == "in":
        line = r.choice(["House No. %d, %s", "Flat No. %d, Sai Residency, %s", "%d, %s"]) % (n, street)
    elif country == "pk":
        line = "House %d, %s" % (n, street)
    elif country == "ph":
        line = "Blk %d Lot %d, %s" % (r.randint(1, 40), r.randint(1, 30), street)
    elif country == "br":
        line = "%s, %d%s" % (street, n * 5, r.choice(["", ", apto %d" % r.randint(11, 154)]))
    elif country == "mx":
        line = "%s %d, Col. %s" % (street, n, r.choice(["Centro", "Roma Norte", "Del Valle"]))
    else:
        line = "%d %s" % (n, street)
    return [line, town]


def applicant(r, sd, spec, app):
    """The applicant as the page's country names them (the case record
    too); returns the address as the case's two lines."""
    given, _, surnames = NAMES[spec["country"]]
    app["given_names"], app["surname"] = r.choice(given), r.choice(surnames)
    return _address(r, spec["country"])


def stranger(r, spec, p):
    """Another person of the page's country: no name in common with p."""
    given, _, surnames = NAMES[spec["country"]]
    while True:
        g, s = r.choice(given), r.choice(surnames)
        if s != p["surname"] and g.split()[0] != p["given_names"].split()[0]:
            birth = datetime.date(1955, 1, 1) + datetime.timedelta(days=r.randint(0, 365 * 45))
            return {"surname": s, "given_names": g, "birth_date": birth}


def parents(r, spec, app):
    """The birth certificate's father and mother (the applicant's surname)."""
    c = spec["country"]
    out = []
    for pool in (FATHERS[c], MOTHERS[c]):
        birth = app["birth_date"] - datetime.timedelta(days=r.randint(365 * 20, 365 * 38))
        out.append({"surname": app["surname"], "given_names": r.choice(pool), "birth_date": birth})
    return out


def other_address(r, spec, avoid):
    while True:
        a = _address(r, spec["country"])
        if a[1] != avoid[1] and a[0].split(",")[-1] != avoid[0].split(",")[-1]:
            return a


def issuer(kind, r, spec):
    s = ISSUERS[kind][spec["country"]]
    if kind == "tenancy_agreement":
        return r.choice(LANDLORDS)
    if kind == "utility_bill" and spec["fuel"] == "gas":
        return {"in": "Deccan City Gas Distribution Ltd.", "pk": "Punjab Piped Gas Company Ltd.",
                "ng": "Greater Lagos Gas Network Ltd.", "ph": "Manila Bay LPG Piped Supply Corp."}[spec["country"]]
    if kind == "utility_bill" and spec["country"] == "pk":
        return "Ravi Electric Supply Company (RESCO)"
    return s


def extra_defects(kind, spec):
    """The weekday left when the date was edited (weekday_mismatch), on
    letters, bills, receipts and police certificates in English (a
    Brazilian or Mexican certificate prints no weekday)."""
    return ["weekday_mismatch"] if kind in WEEKDAY_KINDS and spec["country"] in ENGLISH else []


# -- how values are written ------------------------------------------------------------
def date(d, style, lang=None):
    if lang == "por":
        return "%d de %s de %d" % (d.day, PT_MONTHS[d.month - 1], d.year)
    if lang == "spa":
        return "%d de %s de %d" % (d.day, ES_MONTHS[d.month - 1], d.year)
    if style == "yy":
        return d.strftime("%d/%m/%y")
    if style == "mdyord":
        return "%s %s, %d" % (MONTHS[d.month - 1], s12.ordinal(d.day), d.year)
    if style == "dmyabbr":
        return "%02d-%s-%d" % (d.day, MONTHS[d.month - 1][:3], d.year)
    if style == "dots":
        return d.strftime("%d.%m.%Y")
    if style == "dayof":
        return "%s day of %s %d" % (s12.ordinal(d.day), MONTHS[d.month - 1], d.year)
    if style == "long":
        return "%d %s %d" % (d.day, MONTHS[d.month - 1], d.year)
    return d.strftime("%d/%m/%Y")


def issue_date(P, style=None):
    """The issue date as printed, headed by its weekday on some letters and
    bills (another day's on a weekday_mismatch page)."""
    pg, spec = P.pg, P.spec
    d, style = pg["issue"], style or spec["date"]
    s = date(d, style, spec["lang"])
    if (spec["weekday"] or "weekday_of" in pg) and not spec["lang"]:
        wd = s12.WEEKDAYS[pg.get("weekday_of", d.weekday())]
        P.c.extra["weekday"] = wd
        if style in ("yy", "dmyabbr", "dots", "slash"):
            return "%s %s" % (wd[:3], s)
        if style == "dayof":  # "Saturday, the 3rd day of ..." is not written: the month first
            return "%s, %s" % (wd, date(d, "mdyord"))
        return "%s, %s" % (wd, s)
    return s


def name(P, p, how=None):
    """The name as the page writes it: Given Surname, with an honorific,
    Surname, Given, all lower case (a system's), or in capitals."""
    how = how or P.spec["name"]
    g, s, c = p["given_names"], p["surname"], P.spec["country"]
    fem = g in NAMES[c][1]
    if how == "hon":
        return "%s %s %s" % (P.r.choice(HONOR[c][1 if fem else 0]), g, s)
    if how == "comma":
        return "%s, %s" % (s.upper() if P.r.random() < 0.5 else s, g)
    if how == "lower":
        return "%s %s" % (g.lower(), s.lower())
    if how == "caps":
        return "%s %s" % (g.upper(), s.upper())
    return "%s %s" % (g, s)


def relation(P, p):
    """("s/o", "Shri Ramesh Sharma"): the father (or a wife's husband) the
    page names after the person: not the applicant."""
    c = P.spec["country"]
    fem = p["given_names"] in NAMES[c][1]
    father = "%s %s" % (P.r.choice(FATHERS[c]), p["surname"])
    word = P.r.choice(["d/o", "daughter of"] if fem else ["s/o", "son of"])
    if c == "in" and P.r.random() < 0.5:
        father = "Shri " + father
    return word, father


def amount(x, country):
    """An amount with Indian/Pakistani lakh grouping (2,34,567.00) or
    thousands (234,567.00)."""
    s = "%.2f" % x
    whole, frac = s.split(".")
    if country in ("in", "pk") and len(whole) > 3:
        head, tail = whole[:-3], whole[-3:]
        parts = []
        while len(head) > 2:
            parts.insert(0, head[-2:])
            head = head[:-2]
        whole = ",".join([head] + parts + [tail]) if head else ",".join(parts + [tail])
    else:
        whole = "{:,}".format(int(whole))
    return whole + "." + frac


ONES = ["", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve",
        "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen"]
TENS = ["", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"]
ORD = ["", "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
       "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth", "Sixteenth", "Seventeenth", "Eighteenth",
       "Nineteenth", "Twentieth"]


def words(n):
    """An integer below a million in words (Nine Thousand Four Hundred)."""
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("-" + ONES[n % 10] if n % 10 else "")
    if n < 1000:
        return ONES[n // 100] + " Hundred" + (" " + words(n % 100) if n % 100 else "")
    return words(n // 1000) + " Thousand" + (" " + words(n % 1000) if n % 1000 else "")


def words_lakh(n):
    """An amount below a crore as India and Pakistan write it (Seven Lakh
    Eighty-Three Thousand ...)."""
    if n < 100000:
        return words(n)
    return words(n // 100000) + " Lakh" + (" " + words(n % 100000) if n % 100000 else "")


def date_words(d):
    """Fourteenth March Nineteen Eighty-Five (a school register's)."""
    day = ORD[d.day] if d.day <= 20 else TENS[d.day // 10] + ("-" + ORD[d.day % 10].lower() if d.day % 10 else "ieth")
    if d.day in (20, 30):
        day = TENS[d.day // 10][:-1] + "ieth"
    y = d.year
    year = words(y // 100) + " " + words(y % 100) if y < 2000 else words(y)
    return "%s %s %s" % (day, MONTHS[d.month - 1], year)


# -- drawing ---------------------------------------------------------------------------
class P13(s12.P12):
    """One heldout13 page: P12's helpers with this family's faces; typed
    pages in a typewriter face with uneven strikes."""

    def __init__(self, sd, c, r, kind, spec, pg):
        self.sd, self.c, self.r, self.kind, self.spec, self.pg = sd, c, r, kind, spec, pg
        self.reg, self.bold = TYPE if spec["typed"] else FACES[spec["face"]]
        self.W, self.H = c.w * 25.4 / c.dpi, c.h * 25.4 / c.dpi

    def t(self, x, y, s, pt, fld=None, bold=False):
        right = super().t(x, y, s, pt, fld, bold)
        if self.spec["typed"]:
            cap.uneven(self, x, y, right, pt)
        return right

    def centre(self, y, s, pt, fld=None):
        """A bold line centred on the page."""
        self.t((self.W - self.w(s, pt, True)) / 2, y, s, pt, fld, bold=True)

    def hand(self, x, y, s, pt, fld=None):
        """An entry written by hand (Purisa) a little off the line."""
        jx, jy = self.r.uniform(-0.6, 0.6), self.r.uniform(-0.8, 0.4)
        box = self.c.text(self.px(x + jx), self.px(y + jy), s, pt, (fld, s) if fld else None, HAND)
        return (box[0] + box[2]) * 25.4 / self.c.dpi

    def head(self, title=None):
        """A centred letterhead: the issuer in bold, an address and contact
        line, a double rule; returns the y below it."""
        pg, r, W = self.pg, self.r, self.W
        iss = pg["issuer"]
        pt = 14 if len(iss) < 42 else 11.5
        self.centre(12, iss, pt, "issuer")
        town = TOWNS[self.spec["country"]][0] if self.spec["country"] in TOWNS else ""
        sub = "%s  |  Tel: %s  |  %s" % (town, r.choice(["+91 20 2553 4412", "+92 42 3571 2345", "+234 1 461 7720",
                                                          "+63 2 8723 0945"]),
                                         "info@%s.example" % iss.split()[0].lower().strip(".'"))
        self.t((W - self.w(sub, 8.5)) / 2, 20, sub, 8.5)
        self.rule(15, 26, W - 15, 2, 50)
        self.rule(15, 27.2, W - 15, 1, 50)
        y = 32
        if title:
            self.centre(y, title, 14)
            y += 10
        return y

    def refdate(self, y, style=None):
        """"Ref. No. ...  Date: <issue>" on one line (the date a field)."""
        self.t(18, y, "Ref. No. %s/%d/%s" % (self.r.choice(["HR", "ADM", "BR", "EST"]), self.pg["issue"].year,
                                             self.pg["number"][-4:]), 10)
        s = issue_date(self, style)
        self.right(self.W - 18, y, s, 10, "issue_date")
        self.right(self.W - 18 - self.w(s, 10) - 1, y, "Date: ", 10)
        return y + 10

    def person_line(self, x, y, p, pt=11, lead="", tail=""):
        """<lead><name>[ s/o <father>]<tail> as runs; returns the x after it."""
        parts = [(lead, None), (name(self, p), "name")]
        if self.spec["father"]:
            word, father = relation(self, p)
            parts += [(" %s " % word, None), (father, "father")]
        return self.runs(x, y, parts + [(tail, None)], pt)

    def addr_text(self):
        """The address as the page prints it: [(line, is the field)]."""
        street, town = self.pg["address"]
        how = self.spec["addr"]
        if how == "caps":
            return [(street.upper(), True), (town.upper(), False)]
        if how == "oneline":
            return [("%s, %s" % (street, town), True)]
        if how == "abbr":
            short = street.replace("House No.", "H.No.").replace("Flat No.", "Flat").replace("Street", "St.") \
                .replace("Avenue", "Ave.").replace("Road", "Rd.")
            return [(short, True), (town, False)]
        return [(street, True), (town, False)]

    def addr_runs(self, x, y, lead, pt, tail=""):
        """<lead><street>, <town><tail> on one line, the street the field."""
        lines = self.addr_text()
        self.runs(x, y, [(lead, None), (lines[0][0], "address")] +
                  [(", " + s, None) for s, _ in lines[1:]] + [(tail, None)], pt)

    def address_block(self, x, y, pt=10.5):
        for s, is_field in self.addr_text():
            self.t(x, y, s, pt, "address" if is_field else None)
            y += pt * 0.3528 * 1.5
        return y

    def sign(self, x, y, who, title):
        self.c.text(self.px(x), self.px(y), who, 15, None, HAND)
        self.rule(x, y + 10, x + 55, 1, 90)
        self.t(x, y + 11.5, title, 9)


def seal(P, cx, cy, rad, text):
    """A large faint seal behind the text: rings, a star and the issuer's
    words round it (drawn before the text)."""
    c = P.c
    x, y, r0 = P.px(cx), P.px(cy), P.px(rad)
    tone = 222
    for k, f in enumerate((1.0, 0.93, 0.62)):
        rr = int(r0 * f)
        c.d.ellipse([x - rr, y - rr, x + rr, y + rr], outline=tone, width=max(2, P.c.dpi // (50 if k == 0 else 90)))
    pts = []
    for k in range(10):
        a = math.pi / 2 + k * math.pi / 5
        rr = r0 * (0.45 if k % 2 == 0 else 0.2)
        pts.append((x + rr * math.cos(a), y - rr * math.sin(a)))
    c.d.polygon(pts, fill=232)
    f = c.font(13, P.bold)
    letters = text.upper()
    for k, ch in enumerate(letters):
        a = math.pi - k * (math.pi * 1.6) / max(1, len(letters) - 1) - math.pi * 0.2 + math.pi * 0.5
        px_, py_ = x + r0 * 0.78 * math.cos(a), y - r0 * 0.78 * math.sin(a)
        c.d.text((px_ - P.px(1.5), py_ - P.px(2)), ch, font=f, fill=tone)


def _translator(P):
    """A sworn translator's header above an English translation; returns y."""
    pg, r, W = P.pg, P.r, P.W
    lang = "PORTUGUESE" if P.spec["country"] == "br" else "SPANISH"
    P.box(14, 10, W - 28, 27, 238, outline=60)
    who = r.choice(["Marta Regina Coelho", "Eduardo Paz Villarreal", "Helena Kowalczyk Prado"])
    P.t(18, 13, "SWORN TRANSLATION FROM %s INTO ENGLISH" % lang, 11, bold=True)
    P.t(18, 19, "Translator: %s - %s No. %d" % (who, "JUCESP" if lang == "PORTUGUESE" else "Perito Traductor TSJ",
                                                 r.randint(100, 1999)), 9)
    P.t(18, 24, "Translation No. %d/%d   Book %d   Page %d" % (r.randint(10, 900), pg["issue"].year,
                                                               r.randint(20, 90), r.randint(1, 200)), 9)
    P.t(18, 29, "[Translator's note: the original bears a coat of arms and the seal of the issuing office]", 8.5)
    return 44


def draw_birth(P):
    """A hospital birth record filled in by hand in boxes, or a civil
    registry's certidão / acta (or its sworn translation)."""
    pg, r, W = P.pg, P.r, P.W
    p = pg["person"]
    if P.spec["country"] in ("br", "mx"):
        return _registry_birth(P)
    y = P.head()
    title = r.choice(["CERTIFICATE OF BIRTH (HOSPITAL RECORD)", "BIRTH NOTIFICATION - HOSPITAL COPY",
                      "CERTIFICATE OF LIVE BIRTH"])
    P.centre(y, title, 13)
    y += 10
    P.t(18, y, "Hospital Reg. No. %s      Ward: Maternity (Labour Room %d)" % (pg["number"], r.randint(1, 6)), 9)
    y += 8
    rows = [("1. Name of child (Surname)", p["surname"], "surname"), ("2. Given name(s)", p["given_names"], "given_names"),
            ("3. Sex", r.choice(["Male", "Female"]), None),
            ("4. Date of birth", date(pg["birth_date"], P.spec["birth"]), "birth_date"),
            ("5. Time of birth", "%02d:%02d hrs" % (r.randint(0, 23), r.randint(0, 59)), None),
            ("6. Weight at birth", "%.2f kg" % r.uniform(2.4, 4.1), None),
            ("7. Name of mother", "%s %s" % (pg["mother"]["given_names"], pg["mother"]["surname"]), "mother"),
            ("8. Name of father", "%s %s" % (pg["father"]["given_names"], pg["father"]["surname"]), "father"),
            ("9. Attending physician", "Dr. %s" % r.choice(["S. Kulkarni", "A. Okafor", "R. Lim", "F. Javed"]), None)]
    for cap_, val, fld in rows:
        P.box(18, y, 62, 9, 236, outline=70)
        P.t(20, y + 2.3, cap_, 8.5)
        P.box(80, y, W - 98, 9, 252, outline=70)
        P.hand(83, y + 1.2, val, 12, fld)
        y += 9
    y += 8
    y = P.para(18, y, W - 18, "Certified that the above particulars are true copies of the entries in the birth "
               "register of this hospital. This record does not replace registration with the civil registrar.", 9.5)
    P.runs(18, y + 3, [("Date of issue: ", None), (issue_date(P), "issue_date")], 10)
    P.sign(W - 80, y + 8, r.choice(["K. Deshmukh", "E. Nwankwo", "M. Tiongson"]), "Medical Records Officer")


def _registry_birth(P):
    pg, r, W = P.pg, P.r, P.W
    p, lang = pg["person"], P.spec["lang"]
    y = _translator(P) if P.spec["translated"] else 14
    P.t(18, y, pg["issuer"], 11, "issuer", bold=True)
    y += 8
    title = {"por": "CERTIDÃO DE NASCIMENTO", "spa": "ACTA DE NACIMIENTO"}.get(lang, "BIRTH CERTIFICATE")
    P.centre(y, title, 16)
    y += 12
    caps = {"por": ["Nome", "Data de nascimento", "Local de nascimento", "Filiação", "Matrícula"],
            "spa": ["Nombre", "Fecha de nacimiento", "Lugar de nacimiento", "Padres", "CURP"]}.get(
        lang, ["Name", "Date of birth", "Place of birth", "Parents", "Registration no."])
    place = "São Paulo - SP" if P.spec["country"] == "br" else "Guadalajara, Jalisco"
    P.t(18, y, caps[0], 9)
    P.t(70, y, "%s %s" % (p["given_names"].upper(), p["surname"].upper()), 11.5, "name", bold=True)
    y += 8
    P.t(18, y, caps[1], 9)
    P.t(70, y, date(pg["birth_date"], "long", lang) if lang else date(pg["birth_date"], "long"), 11, "birth_date")
    y += 8
    P.t(18, y, caps[2], 9)
    P.t(70, y, place, 11)
    y += 8
    P.t(18, y, caps[3], 9)
    P.t(70, y, "%s %s" % (pg["father"]["given_names"], pg["father"]["surname"]), 11, "father")
    P.t(70, y + 5.5, "%s %s" % (pg["mother"]["given_names"], pg["mother"]["surname"]), 11, "mother")
    y += 14
    P.t(18, y, caps[4], 9)
    P.t(70, y, pg["number"], 11)
    y += 14
    lead = {"por": "%s, " % place.split(" - ")[0], "spa": "Guadalajara, Jal., a "}.get(
        lang, "Issued at %s on " % place.split(" - ")[0].split(",")[0])
    P.runs(18, y, [(lead, None), (date(pg["issue"], "long", lang), "issue_date")], 10.5)
    P.sign(W - 85, y + 8, r.choice(["Oficial Registrador", "C. Oficial del Registro Civil"]),
           {"por": "Oficial de Registro Civil", "spa": "Oficial del Registro Civil"}.get(lang, "Civil Registrar"))


def draw_marriage(P):
    """A church marriage certificate ("were united in Holy Matrimony") or a
    civil registry's certidão / acta."""
    pg, r, W = P.pg, P.r, P.W
    app, sp = pg["person"], pg["spouse"]
    lang = P.spec["lang"]
    if P.spec["seal"]:
        seal(P, W / 2, 88, 55, pg["issuer"][:30])
    y = _translator(P) + 2 if P.spec["translated"] else 16
    P.centre(y, pg["issuer"], 12, "issuer")
    y += 10
    title = {"por": "CERTIDÃO DE CASAMENTO", "spa": "ACTA DE MATRIMONIO"}.get(
        lang, "CERTIFICATE OF MARRIAGE" if P.spec["country"] in ENGLISH else "MARRIAGE CERTIFICATE")
    P.centre(y, title, 18)
    y += 16
    first, second = ((app, True), (sp, False)) if pg["applicant_first"] else ((sp, False), (app, True))
    pt = 11

    def party(who, mine, y, lead):
        fld = "name" if mine else "spouse"
        nm = name(P, who) if mine else "%s %s" % (who["given_names"], who["surname"])
        word = {"por": "filho(a) de", "spa": "hijo(a) de"}.get(lang, "child of")
        return P.runs(18, y, [(lead, None), (nm, fld), (", %s %s %s" % (word, P.r.choice(FATHERS[P.spec["country"]]),
                                                                         who["surname"]), None)], pt)

    if lang or P.spec["translated"]:  # the civil registry's wording (or its translation)
        key = lang or "eng"
        intro = {"por": "Certifico que, no livro de registro de casamentos, consta o casamento de:",
                 "spa": "Se hace constar que en el libro de matrimonios se encuentra inscrito el de:",
                 "eng": "I certify that the register of marriages records the marriage of:"}[key]
        P.t(18, y, intro, pt)
        party(first[0], first[1], y + 8, "")
        party(second[0], second[1], y + 15, {"por": "e ", "spa": "y ", "eng": "and "}[key])
        P.runs(18, y + 24, [({"por": "celebrado em ", "spa": "celebrado el ", "eng": "celebrated on "}[key], None),
                            (date(pg["married"], "long", lang), None)], pt)
        y += 40
        town = "Curitiba" if P.spec["country"] == "br" else "Monterrey"
        lead = {"por": "O referido é verdade e dou fé. %s, ", "spa": "Se expide la presente en %s, el ",
                "eng": "The above is true and I attest it. %s, "}[key] % town
        P.runs(18, y, [(lead, None), (date(pg["issue"], "long", lang), "issue_date")], 10.5)
        P.sign(W - 85, y + 10, "[illegible signature]" if key == "eng" else "Registrador(a)",
               {"por": "Oficial Registrador", "spa": "Juez del Registro Civil", "eng": "Registrar"}[key])
        return
    P.t(18, y, "This is to certify that", pt)
    party(first[0], first[1], y + 8, "")
    P.t(18, y + 15, "and", pt)
    party(second[0], second[1], y + 22, "")
    y = P.para(18, y + 31, W - 18, "were united in Holy Matrimony according to the rites of the %s on the %s in the "
               "presence of the witnesses named in the register, as recorded in the Marriage Register, Book No. %d, "
               "Page %d, Entry No. %d." % (r.choice(["Catholic Church", "Church of South India", "Anglican Communion"]),
                                          date(pg["married"], "dayof"), r.randint(3, 40), r.randint(1, 300),
                                          r.randint(1, 12)), pt)
    P.runs(18, y + 4, [("Issued this ", None), (date(pg["issue"], "dayof"), "issue_date"), (".", None)], pt)
    P.sign(W - 85, y + 14, r.choice(["Rev. Fr. J. D'Souza", "Rev. Fr. P. Okeke", "Msgr. R. Dizon"]), "Parish Priest")
    P.t(18, y + 20, "(Parish seal)", 8.5)


def draw_bank(P):
    """A bank's balance confirmation letter (instead of a statement)."""
    pg, r, W = P.pg, P.r, P.W
    p, c = pg["person"], P.spec["country"]
    y = P.head()
    y = P.refdate(y + 2)
    P.t(18, y, "%s Branch" % r.choice(["Shivaji Nagar", "Gulberg III", "Marina", "Colon Street"]), 10)
    y += 12
    title = r.choice(["BALANCE CONFIRMATION CERTIFICATE", "TO WHOM IT MAY CONCERN", "CERTIFICATE OF ACCOUNT BALANCE"])
    P.centre(y, title, 12.5)
    y += 12
    pt = 11
    P.person_line(18, y, p, pt, "This is to certify that ", ",")
    y += 7
    P.addr_runs(18, y, "residing at ", pt, ",")
    y += 7
    if pg.get("birth_date_shown"):
        P.runs(18, y, [("date of birth ", None), (date(pg["birth_date"], P.spec["birth"]), "birth_date"), (",", None)], pt)
        y += 7
    since = pg["issue"] - datetime.timedelta(days=r.randint(500, 4000))
    bal = r.randint(1500000, 90000000) / 100
    y = P.para(18, y, W - 18, "maintains %s Account No. %s with our branch since %s. The balance in the account at "
               "the close of business on the date of this letter is %s %s (%s %s Only)." % (
                   r.choice(["Savings", "Current", "Savings Bank"]), pg["number"], date(since, "dmyabbr"),
                   CURRENCY[c], amount(bal, c), {"in": "Rupees", "pk": "Rupees", "ng": "Naira", "ph": "Pesos"}[c],
                   (words_lakh if c in ("in", "pk") else words)(int(bal) % 10000000)), pt)
    y = P.para(18, y + 2, W - 18, "This certificate is issued at the request of the account holder without any risk "
               "or responsibility on the part of the bank or any of its officers.", pt)
    P.sign(18, y + 10, r.choice(["A. Kulkarni", "S. Rehman", "B. Olatunji", "C. Mendoza"]), "Branch Manager")
    P.t(W - 70, y + 22, "(Authorised Signatory)", 9)


def draw_salary(P):
    """A salary certificate: the month's components in a table."""
    pg, r, W = P.pg, P.r, P.W
    p, c = pg["person"], P.spec["country"]
    y = P.head("SALARY CERTIFICATE")
    y = P.refdate(y)
    pt = 10.5
    P.person_line(18, y, p, pt, "This is to certify that ", ",")
    y += 6.5
    P.t(18, y, "Employee Code %s, is working with us as %s since %s." % (
        pg["number"][-6:], r.choice(["Senior Executive", "Machine Operator", "Accounts Assistant", "Team Lead"]),
        date(pg["issue"] - datetime.timedelta(days=r.randint(400, 3000)), "dmyabbr")), pt)
    y += 6.5
    P.addr_runs(18, y, "Address as per our records: ", pt)
    y += 9
    month = pg["issue"].replace(day=1) - datetime.timedelta(days=1)
    P.t(18, y, "The salary for the month of %s %d is as under:" % (MONTHS[month.month - 1], month.year), pt)
    y += 9
    gross = r.randint(2500000, 25000000) / 100
    rows = [("Basic Salary", 0.5), ("House Rent Allowance", 0.2), ("Conveyance Allowance", 0.08),
            ("Medical Allowance", 0.07), ("Special Allowance", 0.15)]
    ded = [("Provident Fund", 0.06), ("Professional Tax", 0.01), ("Income Tax (TDS)", 0.08)]
    x0, x1 = 30, W - 30
    P.box(x0, y, x1 - x0, 7, 215, outline=60)
    P.t(x0 + 3, y + 1.5, "Particulars", 9.5, bold=True)
    P.right(x1 - 3, y + 1.5, "Amount (%s)" % CURRENCY[c], 9.5, bold=True)
    y += 7
    for label, share in rows + [("GROSS SALARY", 1.0)] + [("Less: " + a, b) for a, b in ded] + \
            [("NET SALARY", 1.0 - sum(b for _, b in ded))]:
        P.box(x0, y, x1 - x0, 6.5, 250, outline=120)
        P.t(x0 + 3, y + 1.3, label, 9.5, bold=label.isupper())
        P.right(x1 - 3, y + 1.3, amount(gross * share, c), 9.5, bold=label.isupper())
        y += 6.5
    y = P.para(18, y + 8, W - 18, "This certificate is issued on the request of the employee for whatever purpose it "
               "may serve and does not constitute a guarantee by the company.", pt)
    P.sign(18, y + 8, r.choice(["R. Menon", "F. Yousaf", "T. Adewale", "G. Ramos"]), "Manager - Human Resources")


def draw_employment(P):
    """An employment certificate; on seven in ten the addressee block at
    the foot of the page (a window envelope's), with fold marks."""
    pg, r, W, H = P.pg, P.r, P.W, P.H
    p = pg["person"]
    y = P.head()
    y = P.refdate(y + 2)
    y += 4
    title = r.choice(["EMPLOYMENT CERTIFICATE", "CERTIFICATE OF EMPLOYMENT", "TO WHOM IT MAY CONCERN"])
    P.centre(y, title, 13)
    y += 13
    pt = 11
    P.person_line(18, y, p, pt, "This is to certify that ", ",")
    y += 7
    P.runs(18, y, [("born on ", None), (date(pg["birth_date"], P.spec["birth"]), "birth_date"),
                   (", has been in the employment of this organisation", None)], pt)
    y += 7
    y = P.para(18, y, W - 18, "since %s as %s on a permanent basis. %s conduct during this period has been "
               "satisfactory. This certificate is issued on request for visa and immigration purposes." % (
                   date(pg["issue"] - datetime.timedelta(days=r.randint(400, 3500)), "mdyord"),
                   r.choice(["Assistant Engineer", "Field Supervisor", "Customer Care Officer", "Lab Technician"]),
                   "Her" if p["given_names"] in NAMES[P.spec["country"]][1] else "His"), pt)
    P.t(18, y + 4, "For %s" % pg["issuer"], 10, bold=True)
    P.sign(18, y + 10, r.choice(["V. Raghavan", "N. Siddiqui", "O. Chukwu", "L. Aquino"]), "General Manager (Admin)")
    if P.spec["bottom"]:
        for k in (1, 2):  # fold marks in thirds
            P.rule(0, H * k / 3, 6, 1, 80)
        yb = H - 62
        P.t(22, yb - 6, "To,", 10)
        P.t(22, yb, name(P, p), 10.5, "name")
        P.address_block(22, yb + 5.5, 10.5)
        P.t(W - 90, yb + 2, "BY HAND / REGISTERED POST", 8.5, bold=True)
    else:
        P.t(18, y + 30, "Address:", 9.5)
        P.address_block(38, y + 30, 10)


def barcode(P, x, y, w, h, digits):
    """A 1-D barcode-like pattern over its digits (not a decodable code)."""
    c, r = P.c, P.r
    x0, x1 = P.px(x), P.px(x + w)
    u = max(1, (x1 - x0) // 190)
    xx = x0
    while xx < x1 - 3 * u:
        k = r.choice([1, 1, 2, 3])
        c.d.rectangle([xx, P.px(y), xx + k * u - 1, P.px(y + h)], fill=10)
        xx += k * u + r.choice([1, 1, 2, 3]) * u
    P.t(x + w / 2 - P.w(digits, 8) / 2, y + h + 1, digits, 8)


def draw_bill(P):
    """An electricity or gas bill with a tear-off payment slip and a
    barcode at the foot; the period with an en dash, the date beside a
    time."""
    pg, r, W, H = P.pg, P.r, P.W, P.H
    p, c = pg["person"], P.spec["country"]
    gas = P.spec["fuel"] == "gas"
    y = P.head()
    P.t(18, y, ("GAS BILL" if gas else "ELECTRICITY BILL") + " / STATEMENT OF ACCOUNT", 13, bold=True)
    y += 10
    start = pg["issue"] - datetime.timedelta(days=r.randint(28, 31))
    end = pg["issue"] - datetime.timedelta(days=r.randint(1, 4))
    P.box(W - 92, y, 74, 40, 236, outline=90)
    P.t(W - 89, y + 3, "Consumer No.  %s" % pg["number"], 9)
    P.runs(W - 89, y + 10, [("Bill Date  ", None), (issue_date(P, P.spec["date"] if P.spec["date"] != "dayof"
                                                            else "dmyabbr"), "issue_date"),
                            ("  %02d:%02d" % (r.randint(7, 20), r.randint(0, 59)), None)], 9)
    due = pg["issue"] + datetime.timedelta(days=r.randint(10, 20))
    P.t(W - 89, y + 17, "Due Date  %s" % date(due, "dmyabbr"), 9)
    P.t(W - 89, y + 24, "Billing period", 8.5)
    P.t(W - 89, y + 29, "%s \u2013 %s" % (date(start, "slash"), date(end, "slash")), 9)
    nm = name(P, p) if P.spec["name"] != "comma" else name(P, p, "caps")
    P.t(18, y, "Consumer name", 8.5)
    P.t(18, y + 4.5, nm, 10.5, "name")
    P.t(18, y + 11, "Supply address", 8.5)
    P.address_block(18, y + 15.5, 10)
    y += 50
    units = r.randint(60, 900)
    prev = r.randint(1000, 60000)
    heads = ["Meter No.", "Previous reading", "Present reading", "Units (%s)" % ("SCM" if gas else "kWh"), "Status"]
    xs = [18, 48, 88, 128, 165]
    P.box(16, y - 1, W - 32, 7, 215)
    for x, h in zip(xs, heads):
        P.t(x, y, h, 8.5, bold=True)
    y += 8
    for x, v in zip(xs, ["%s%d" % (r.choice("EGM"), r.randint(100000, 999999)), "%d" % prev, "%d" % (prev + units),
                         "%d" % units, r.choice(["Actual", "Actual", "Estimated"])]):
        P.t(x, y, v, 9)
    y += 12
    charges = [("Energy charges" if not gas else "Gas charges", units * r.uniform(4, 9)),
               ("Fixed / meter rent", r.uniform(50, 300)), ("Fuel adjustment", r.uniform(10, 200)),
               ("Taxes and duty", r.uniform(20, 400))]
    total = sum(v for _, v in charges)
    for label, v in charges:
        P.t(18, y, label, 9.5)
        P.right(W - 20, y, amount(v, c), 9.5)
        y += 5.5
    P.rule(18, y, W - 18)
    P.t(18, y + 2, "AMOUNT PAYABLE BY DUE DATE", 10.5, bold=True)
    P.right(W - 20, y + 2, "%s %s" % (CURRENCY[c], amount(total, c)), 10.5, bold=True)
    # the tear-off slip
    ys = H - 78
    for x in range(8, int(W) - 8, 4):
        P.rule(x, ys, x + 2, 1, 70)
    P.t(10, ys - 5, "- - cut here and return with your payment - -", 7.5)
    ys += 6
    P.t(18, ys, "PAYMENT SLIP", 11, bold=True)
    P.t(18, ys + 7, "Consumer No. %s" % pg["number"], 9)
    P.t(18, ys + 12, "Name: %s" % nm, 9)
    P.t(18, ys + 17, "Amount: %s %s      Due: %s" % (CURRENCY[c], amount(total, c), date(due, "dmyabbr")), 9)
    julian = "%d%03d" % (pg["issue"].year, pg["issue"].timetuple().tm_yday)
    barcode(P, W - 100, ys + 2, 80, 16, "%s %s %s" % (pg["number"][-8:], julian, "%08d" % int(total * 100)))
    P.t(18, ys + 26, "Pay at any bank branch, bills payment centre or online. Keep the counterfoil.", 8)


def draw_receipt(P):
    """A rent receipt from a receipt book: the counterfoil at the left, the
    receipt at the right, a perforation between, the entries by hand, a
    revenue stamp signed across."""
    pg, r, W = P.pg, P.r, P.W
    p, c = pg["person"], P.spec["country"]
    x0, y0, x1, y1 = 12, 16, W - 12, 128
    P.box(x0, y0, x1 - x0, y1 - y0, 250, outline=40)
    xp = x0 + 48
    for y in range(int(y0) + 2, int(y1) - 2, 3):  # the perforation
        P.c.d.ellipse([P.px(xp) - 2, P.px(y) - 2, P.px(xp) + 2, P.px(y) + 2], fill=120)
    no = "%04d" % r.randint(1, 9999)
    month = MONTHS[pg["issue"].month - 1] + " %d" % pg["issue"].year
    rent = r.choice([8000, 12000, 15000, 25000, 35000]) if c in ("in", "pk", "ph") else r.choice([150000, 300000])
    # counterfoil
    P.t(x0 + 3, y0 + 4, "COUNTERFOIL", 8, bold=True)
    P.t(x0 + 3, y0 + 12, "No. %s" % no, 9)
    for k, (cap_, val) in enumerate((("Date", date(pg["issue"], "slash")), ("From", p["surname"]),
                                     ("For", month), ("Rs." if c in ("in", "pk") else CURRENCY[c], "%d/-" % rent))):
        P.t(x0 + 3, y0 + 22 + 12 * k, cap_, 8)
        P.hand(x0 + 14, y0 + 20 + 12 * k, val, 10)
    # receipt
    x = xp + 5
    P.t(x, y0 + 4, "RENT RECEIPT", 14, bold=True)
    P.t(x1 - 30, y0 + 5, "No. %s" % no, 10)
    P.runs(x1 - 62, y0 + 14, [("Date ", None)], 10)
    P.hand(x1 - 50, y0 + 12, issue_date(P, P.spec["date"] if P.spec["date"] != "dayof" else "slash"), 11, "issue_date")
    yy = y0 + 26
    P.t(x, yy, "Received with thanks from", 10)
    P.hand(x + 48, yy - 2, name(P, p, "hon" if P.spec["name"] in ("plain", "hon") else P.spec["name"]), 12, "name")
    P.rule(x + 47, yy + 5, x1 - 6, 1, 140)
    yy += 12
    P.t(x, yy, "the sum of %s" % ("Rupees" if c in ("in", "pk") else {"ng": "Naira", "ph": "Pesos"}[c]), 10)
    P.hand(x + 30, yy - 2, "%s only" % words(rent), 11)
    P.rule(x + 29, yy + 5, x1 - 6, 1, 140)
    yy += 12
    P.t(x, yy, "towards rent for the month of", 10)
    P.hand(x + 52, yy - 2, month, 11)
    P.rule(x + 51, yy + 5, x1 - 6, 1, 140)
    yy += 12
    P.t(x, yy, "for the premises at", 10)
    lines = P.addr_text()
    P.hand(x + 34, yy - 2, lines[0][0], 11, "address")
    P.rule(x + 33, yy + 5, x1 - 6, 1, 140)
    if len(lines) > 1:
        P.hand(x + 34, yy + 6, lines[1][0], 11)
        P.rule(x + 33, yy + 13, x1 - 6, 1, 140)
    yy += 22
    P.box(x, yy - 3, 46, 10, 240, outline=60)
    P.hand(x + 3, yy - 2, "%s %d/-" % ("Rs." if c in ("in", "pk") else CURRENCY[c], rent), 12)
    P.box(x1 - 40, yy - 14, 18, 20, 215, outline=70)  # the revenue stamp
    P.t(x1 - 39, yy - 12, "REVENUE", 5.5)
    P.c.text(P.px(x1 - 52), P.px(yy - 6), pg["issuer"].split()[-1], 13, None, HAND)
    P.t(x1 - 58, yy + 9, "Landlord: %s" % pg["issuer"], 8.5)
    P.t(x0, y1 + 6, "(Receipt book page scanned for the tenant's file)", 8)


def draw_police(P):
    """A police clearance certificate with a large seal behind the text
    ("issued this 14th day of March 2023"), or a certidão / constancia."""
    pg, r, W = P.pg, P.r, P.W
    p, lang = pg["person"], P.spec["lang"]
    if P.spec["seal"]:
        seal(P, W / 2, 82, 52, pg["issuer"][:34])
    if P.spec["country"] in ("br", "mx"):
        y = _translator(P) + 2 if P.spec["translated"] else 14
        P.t(18, y, pg["issuer"], 10.5, "issuer", bold=True)
        y += 10
    else:
        y = P.head()
    title = {"por": "CERTIDÃO DE ANTECEDENTES CRIMINAIS", "spa": "CONSTANCIA DE ANTECEDENTES NO PENALES"}.get(
        lang, r.choice(["POLICE CLEARANCE CERTIFICATE", "POLICE CHARACTER CERTIFICATE", "CERTIFICATE OF GOOD CONDUCT"]))
    P.centre(y, title, 14)
    y += 10
    P.t(18, y, "No. PCC/%d/%s" % (pg["issue"].year, pg["number"][-6:]), 9.5)
    P.box(W - 50, y, 32, 40, 240, outline=80)
    P.t(W - 44, y + 18, "PHOTO", 9)
    y += 12
    pt = 11
    if lang:
        intro = {"por": "Certificamos que, consultados os registros, NADA CONSTA em nome de",
                 "spa": "Se hace constar que NO se encontraron antecedentes penales a nombre de"}[lang]
        y = P.para(18, y, W - 56, intro, pt)
        P.t(18, y, "%s %s" % (p["given_names"].upper(), p["surname"].upper()), 12, "name", bold=True)
        y += 8
        P.runs(18, y, [({"por": "nascido(a) em ", "spa": "nacido(a) el "}[lang], None),
                       (date(pg["birth_date"], "long", lang), "birth_date")], pt)
        y += 14
        lead = {"por": "São Paulo, ", "spa": "Ciudad de México, a "}[lang]
        P.runs(18, y, [(lead, None), (date(pg["issue"], "long", lang), "issue_date")], pt)
        P.sign(W - 85, y + 10, "Delegado(a)", {"por": "Diretor do Instituto", "spa": "Director de Servicios Periciales"}[lang])
        return
    if P.spec["translated"]:
        P.t(18, y, "We certify that no criminal records were found in the name of", pt)
        P.t(18, y + 7, "%s %s" % (p["given_names"].upper(), p["surname"].upper()), 12, "name", bold=True)
        P.runs(18, y + 15, [("born on ", None), (date(pg["birth_date"], "long"), "birth_date")], pt)
        P.runs(18, y + 29, [("Issued on ", None), (date(pg["issue"], "long"), "issue_date")], pt)
        P.sign(W - 85, y + 38, "[illegible signature]", "Director")
        return
    P.person_line(18, y, p, pt, "This is to certify that ", ",")
    y += 7
    P.runs(18, y, [("born on ", None), (date(pg["birth_date"], P.spec["birth"]), "birth_date"),
                   (", holder of passport No. %s%d," % (r.choice("ABKP"), r.randint(1000000, 9999999)), None)], pt)
    y += 7
    y = P.para(18, y, W - 56, "has no criminal record on the files of this office and is not wanted in connection "
               "with any case registered in this district up to the date of issue of this certificate.", pt)
    y += 4
    wd = (P.spec["weekday"] or "weekday_of" in pg)
    if wd:
        P.runs(18, y, [("Issued on ", None), (issue_date(P, "long"), "issue_date"), (".", None)], pt)
    else:
        P.runs(18, y, [("Issued this ", None), (date(pg["issue"], "dayof"), "issue_date"), (".", None)], pt)
    P.sign(W - 85, y + 12, r.choice(["A. Patil", "M. Iqbal", "D. Okoro", "R. Cruz"]), "Superintendent of Police")
    P.t(18, y + 30, "Valid for six months from the date of issue. Verify by quoting the certificate number.", 8.5)


def draw_leaving(P):
    """A school leaving certificate: numbered rows, the birth date in
    figures and in words."""
    pg, r, W = P.pg, P.r, P.W
    p = pg["person"]
    if P.spec["seal"]:
        seal(P, W / 2, 102, 55, pg["issuer"][:30])
    y = P.head()
    title = r.choice(["SCHOOL LEAVING CERTIFICATE", "TRANSFER CERTIFICATE", "CERTIFICATE OF SCHOOL LEAVING"])
    P.centre(y, title, 15)
    y += 10
    P.t(18, y, "Admission No. %s        Serial No. %d" % (pg["number"][-5:], r.randint(100, 999)), 9.5)
    y += 10
    word, father = relation(P, p)
    born = pg["birth_date"]
    left = pg["issue"] - datetime.timedelta(days=r.randint(0, 30))
    rows = [("Name of the pupil", name(P, p, "caps" if P.spec["name"] == "lower" else None), "name"),
            ("Father's / Guardian's name", father, "father"),
            ("Nationality", {"in": "Indian", "pk": "Pakistani", "ng": "Nigerian", "ph": "Filipino"}[P.spec["country"]],
             None),
            ("Date of birth (in figures)", date(born, P.spec["birth"]), "birth_date"),
            ("Date of birth (in words)", date_words(born), None),
            ("Date of admission", date(born + datetime.timedelta(days=365 * 11 + r.randint(0, 300)), "slash"), None),
            ("Class in which last studied", r.choice(["XII (Science)", "Grade 12", "SS3", "Form V"]), None),
            ("Date of leaving", date(left, "slash"), None),
            ("Reason for leaving", "Completed the course", None), ("Conduct and character", "Good", None)]
    for k, (cap_, val, fld) in enumerate(rows):
        P.t(18, y, "%d." % (k + 1), 10)
        P.t(26, y, cap_, 10)
        P.t(92, y, ":", 10)
        P.t(96, y, val, 10.5, fld)
        P.rule(95, y + 5.2, W - 18, 1, 170)
        y += 8.5
    y += 8
    P.runs(18, y, [("Date of issue: ", None), (issue_date(P, P.spec["date"]), "issue_date")], 10.5)
    P.sign(18, y + 10, r.choice(["S. Joshi", "K. Bibi", "A. Ojo", "E. Garcia"]), "Class Teacher")
    P.sign(W - 80, y + 10, r.choice(["P. Kulkarni", "Z. Ahmed", "F. Bankole", "N. Santos"]), "Principal")


DRAW = {"birth_certificate": draw_birth, "marriage_certificate": draw_marriage, "bank_statement": draw_bank,
        "payslip": draw_salary, "employment_letter": draw_employment, "utility_bill": draw_bill,
        "tenancy_agreement": draw_receipt, "police_certificate": draw_police, "diploma": draw_leaving}


def draw13(sd, kind, c, r, truth, spec):
    """Draws a heldout13 page on c (image, fields, runs, truth extras);
    returns the page's OCR language beside English, or None."""
    pg = truth["page"]
    P = P13(sd, c, r, kind, spec, pg)
    c.extra = {}
    DRAW[kind](P)
    marks = []
    if spec["stamp"] and cap.stamp(P):
        marks.append("stamp")
    if spec["seal"] and kind in ("police_certificate", "diploma", "marriage_certificate"):
        marks.append("seal")
    cap.CAPTURE.get(spec["capture"], lambda P: None)(P)
    c.extra.update({"capture": spec["capture"], "marks": marks, "country": spec["country"],
                    "translated": spec["translated"], "typed": spec["typed"], "fuel": spec["fuel"],
                    "name_form": spec["name"]})
    return spec["lang"]

