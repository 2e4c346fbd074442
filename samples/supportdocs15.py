"""The heldout15 supporting pages (samples/supportdocs.py --layouts heldout15),
written blind on 2026-12-07 by a session that tunes no rule and never
screened any of its pages. Issuers of Greece, Czechia, Hungary, Kenya, South
Africa, Hong Kong, Korea and Ireland writing in English, of Switzerland
writing in German; the applicant's name and address of that country.
Drawn unlike heldout4..heldout14:

- a birth register entry as one row under column heads across the page
  ("When and where born", "Name and surname of mother"), or a form with
  numbered captions ("1. Surname", "2. Given name(s)") and the values on
  dotted lines; a family-relation certificate (Self / Spouse / Father /
  Mother rows under "Relation", "Name", "Date of birth") or a marriage
  certificate in two blocks "Part A" / "Part B"; a bank passbook opened on
  the scanner (the holder on the inside cover, printed entries on the right
  leaf, the gutter's shadow) or a statement grouped under date headings
  with the holder in a sidebar; a pay advice as a pressure-sealed mailer
  (tear strips with sprocket holes, a window address) or a grid of boxed
  cells with the caption inside each cell; a memo ("TO / FROM / DATE / RE",
  "To whom it may concern") or a certificate of employment as a boxed
  table with a square company seal; a bill with a remittance stub down the
  left edge (turned text) or a meter-reading table; a lease in prose
  ('between X ("the Lessor") and Y ("the Lessee")') with numbered clauses
  in two columns and initial boxes, or a schedule of particulars ("Item 1
  Landlord"); a certificate of good conduct with a photo box and a
  fingerprint box, or a police letter "This is to certify that Mr ..."; a
  diploma supplement with numbered sections ("1.1 Family name(s)") or a
  landscape certificate with a gold foil seal and ribbons;
- names in the country's order: "Nagy Katalin" (Hungarian: the surname
  first, not in capitals), "KIM Min-jun", "CHAN Tai Man", "Janse van
  Rensburg", "Ní Bhriain", "von Gunten"; maiden names after "geb.",
  "rozená", "née"; initials ("K. NAGY") only in text beside the name;
  a South African identity number holding the birth date (YYMMDD);
- dates "14. 3. 2023", "14.3.2023", "2023.03.14.", "2023. 3. 14.",
  "2023.03.14", "2023/03/14", "14/3/2023", "14 MAR 2023", "14 March 2023",
  "14.03.2023", "14/03/2023", "14. März 2023"; the English weekday after
  the date in brackets ("2023.03.14 (Tue)") or before it without a comma
  ("Tuesday 14 March 2023"); a date inside a reference (INV/2023/03/14-...);
- faces Cantarell, Open Sans (and its condensed cut), Nanum Gothic, Nanum
  Myeongjo (Latin letters; the Korean pages' Hangul titles), Noto Sans
  Mono for the passbook's print (fonts-cantarell, fonts-open-sans,
  fonts-nanum, fonts-noto-core);
- captures (truth `capture`): a photo of a monitor showing the page (moire,
  colour fringes, a bezel), a phone photo with the phone's shadow over part
  of the page (warm light), a page forwarded through a messenger (scaled
  down and recompressed), a page laid askew on a larger scanner bed, or a
  plain flatbed scan; marks (truth `marks`): an office's RECEIVED date
  stamp in violet (a date that is not the issue date), a red ballpoint
  line under the name.
"""

import supportdocs12 as s12  # weekday names, qr_square
import supportdocs14 as s14  # P14 (mm helpers, the office seal)

T = "/usr/share/fonts/truetype/"
FACES = {"cantarell": ("/usr/share/fonts/opentype/cantarell/Cantarell-Regular.otf",
                       "/usr/share/fonts/opentype/cantarell/Cantarell-Bold.otf"),
         "opensans": (T + "open-sans/OpenSans-Regular.ttf", T + "open-sans/OpenSans-Bold.ttf"),
         "opencond": (T + "open-sans/OpenSans-CondLight.ttf", T + "open-sans/OpenSans-CondBold.ttf"),
         "nanumgothic": (T + "nanum/NanumGothic.ttf", T + "nanum/NanumGothicBold.ttf"),
         "nanummyeongjo": (T + "nanum/NanumMyeongjo.ttf", T + "nanum/NanumMyeongjoBold.ttf")}
HANGUL = T + "nanum/NanumGothicBold.ttf"
MONO = T + "noto/NotoSansMono-Regular.ttf"
ITALIC = T + "open-sans/OpenSans-Italic.ttf"
MONTHS = s12.MONTHS
DE_MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
             "November", "Dezember"]
COUNTRIES = ["gr", "cz", "hu", "ke", "za", "hk", "kr", "ie", "ch"]
GERMAN = {"ch"}
WEEKDAY_KINDS = {"bank_statement", "payslip", "employment_letter", "utility_bill", "police_certificate"}
# given names (female ones marked by a leading "*"), surnames as (his, hers), maiden names, birth places
NAMES = {
    "gr": (["*Eleni", "Georgios", "*Maria", "Konstantinos", "*Aikaterini", "Dimitrios"],
           [("Papadopoulos", "Papadopoulou"), ("Georgiou", "Georgiou"), ("Nikolaidis", "Nikolaidou"),
            ("Karagiannis", "Karagianni"), ("Vlachos", "Vlachou")], ["Antonopoulou", "Stavrou", "Mavridou"],
           ["Thessaloniki", "Patra", "Irakleio", "Larisa"]),
    "cz": (["*Tereza", "Jakub", "*Lucie", "Ondřej", "*Kateřina", "Jiří"],
           [("Novák", "Nováková"), ("Svoboda", "Svobodová"), ("Dvořák", "Dvořáková"), ("Černý", "Černá"),
            ("Procházka", "Procházková")], ["Horáková", "Kučerová", "Veselá"], ["Brno", "Ostrava", "Plzeň", "Olomouc"]),
    "hu": (["*Katalin", "László", "*Zsófia", "Gábor", "*Eszter", "Bence"],
           [(s, s) for s in ("Nagy", "Kovács", "Tóth", "Szabó", "Horváth", "Varga")], ["Kiss", "Molnár", "Farkas"],
           ["Debrecen", "Szeged", "Pécs", "Győr"]),
    "ke": (["*Grace Wanjiru", "Brian Otieno", "*Faith Akinyi", "Dennis Kiprono", "*Mercy Njeri", "Kevin Mwangi"],
           [(s, s) for s in ("Kamau", "Odhiambo", "Mutua", "Wekesa", "Kiptoo", "Ochieng")],
           ["Wambui", "Atieno", "Muthoni"], ["Nakuru", "Kisumu", "Eldoret", "Nyeri"]),
    "za": (["*Annelie", "Pieter", "*Thandiwe", "Sipho", "*Chantelle", "Johannes"],
           [(s, s) for s in ("van der Merwe", "du Plessis", "Janse van Rensburg", "Botha", "Nkosi", "de Villiers")],
           ["Pretorius", "Mokoena", "Steyn"], ["Bloemfontein", "Durban", "Gqeberha", "Polokwane"]),
    "hk": (["*Mei Ling", "Tai Man", "*Wing Yan", "Ka Ho", "*Hoi Ching", "Chun Kit"],
           [(s, s) for s in ("Chan", "Wong", "Leung", "Cheung", "Lau", "Ng")], [],
           ["Hong Kong", "Guangzhou", "Macao", "Kowloon"]),
    "kr": (["*Ji-yeon", "Min-jun", "*Seo-yeon", "Hyun-woo", "*Eun-ji", "Jae-sung"],
           [(s, s) for s in ("Kim", "Lee", "Park", "Choi", "Jung", "Kang")], [], ["Busan", "Daegu", "Incheon", "Gwangju"]),
    "ie": (["*Aoife", "Seán", "*Siobhán", "Ciarán", "*Niamh", "Pádraig"],
           [("O'Sullivan", "O'Sullivan"), ("Mac Giolla Phádraig", "Nic Giolla Phádraig"), ("Ó Briain", "Ní Bhriain"),
            ("Fitzgerald", "Fitzgerald"), ("McNamara", "McNamara"), ("de Búrca", "de Búrca")],
           ["Kavanagh", "Doyle", "Brennan"], ["Galway", "Limerick", "Waterford", "Sligo"]),
    "ch": (["*Nadine", "Lukas", "*Sandra", "Reto", "*Bettina", "Urs"],
           [(s, s) for s in ("Müller", "Meier", "Schneider", "Keller", "von Gunten", "Zürcher")],
           ["Brunner", "Baumann", "Frei"], ["Bern", "Luzern", "St. Gallen", "Winterthur"])}
NEE = {"ch": "geb.", "cz": "rozená", "hu": "szül."}
STREETS = {"gr": ["Ermou", "Egnatias", "Tsimiski", "Vasilissis Sofias"],
           "cz": ["Vinohradská", "Masarykova", "Husova", "Palackého"],
           "hu": ["Váci utca", "Kossuth Lajos utca", "Petőfi Sándor utca", "Rákóczi út"],
           "ke": ["Riverside Drive", "Ngong Road", "Kenyatta Avenue", "Argwings Kodhek Road"],
           "za": ["Jacaranda Avenue", "Kloof Street", "Voortrekker Road", "Bree Street"],
           "hk": ["Kam Fung House", "Sunshine Court", "Harbour View Mansion", "Fortune Garden Block 2"],
           "kr": ["Teheran-ro", "Sejong-daero", "Haeundae-ro", "Dongseong-ro"],
           "ie": ["Ashgrove Park", "Ballymun Road", "Cois Abhann", "Ardnacrusha Lawn"],
           "ch": ["Kramgasse", "Seefeldstrasse", "Hauptstrasse", "Spalenberg"]}
TOWNS = {"gr": ["105 63 Athina", "546 22 Thessaloniki", "262 21 Patra", "712 02 Irakleio"],
         "cz": ["120 00 Praha 2", "602 00 Brno", "702 00 Ostrava", "301 00 Plzeň"],
         "hu": ["1052 Budapest", "4024 Debrecen", "6720 Szeged", "7621 Pécs"],
         "ke": ["Nairobi 00100", "Nakuru 20100", "Kisumu 40100", "Mombasa 80100"],
         "za": ["Lynnwood, Pretoria 0081", "Gardens, Cape Town 8001", "Parow, Cape Town 7500", "Brooklyn, Pretoria 0181"],
         "hk": ["Quarry Bay, Hong Kong", "Mong Kok, Kowloon", "Sha Tin, New Territories", "Tsuen Wan, New Territories"],
         "kr": ["Gangnam-gu, Seoul 06234", "Jung-gu, Seoul 04519", "Haeundae-gu, Busan 48094", "Jung-gu, Daegu 41911"],
         "ie": ["Dublin 9, D09 X2Y7", "Galway, H91 K3T2", "Limerick, V94 E8C4", "Cork, T12 PX97"],
         "ch": ["8001 Zürich", "3011 Bern", "6003 Luzern", "4051 Basel"]}
CURRENCY = {"gr": "EUR", "cz": "CZK", "hu": "HUF", "ke": "KES", "za": "ZAR", "hk": "HKD", "kr": "KRW", "ie": "EUR",
            "ch": "CHF"}
ISSUERS = {  # kind -> country -> issuer
    "birth_certificate": {"gr": "Municipality of Thessaloniki - Registry Office", "cz": "Úřad městské části Praha 2",
                          "hu": "Budapest Főváros V. kerület Polgármesteri Hivatal", "ke": "Civil Registration Services",
                          "za": "Department of Home Affairs", "hk": "Births and Deaths General Register Office",
                          "kr": "Ministry of Justice - Family Relations Registration", "ie": "General Register Office",
                          "ch": "Zivilstandsamt der Stadt Zürich"},
    "bank_statement": {"gr": "Aegean Cooperative Bank", "cz": "Vltava Spořitelna a.s.", "hu": "Duna Takarék Bank Zrt.",
                       "ke": "Rift Valley Savings Bank Ltd", "za": "Karoo Mutual Bank Ltd", "hk": "Victoria Harbour Bank",
                       "kr": "Hangang Savings Bank", "ie": "Liffey Credit Union Ltd", "ch": "Zürcher Landbank AG"},
    "payslip": {"gr": "Olympia Ferries S.A.", "cz": "Moravské strojírny s.r.o.", "hu": "Balaton Foods Kft.",
                "ke": "Savannah Horticulture Ltd", "za": "Highveld Mining Services (Pty) Ltd",
                "hk": "Kowloon Logistics Limited", "kr": "Hanbit Semiconductor Co., Ltd.", "ie": "Shannon Aerotech DAC",
                "ch": "Alpenblick Hotellerie AG"},
    "utility_bill": {"gr": "Hellenic Water Supply S.A.", "cz": "Pražské teplo a plyn a.s.", "hu": "Főtáv Energia Zrt.",
                     "ke": "Nairobi City Water and Sewerage Co.", "za": "City of Tshwane Utility Services",
                     "hk": "Harbour Gas Company Limited", "kr": "Seoul Metropolitan Water Works",
                     "ie": "Atlantic Gas and Electric", "ch": "Elektrizitätswerk der Stadt Bern"},
    "police_certificate": {"gr": "Hellenic Police - Criminal Records Section",
                           "cz": "Rejstřík trestů - Criminal Register of the Czech Republic",
                           "hu": "Hungarian Police - Office of Criminal Records",
                           "ke": "Directorate of Criminal Investigations", "za": "South African Police Service - CRC",
                           "hk": "Hong Kong Police Force", "kr": "Korean National Police Agency",
                           "ie": "Garda Síochána - National Vetting Bureau",
                           "ch": "Bundesamt für Justiz - Schweizerisches Strafregister"},
    "diploma": {"gr": "Aristotle University of Thessaloniki", "cz": "Masarykova univerzita",
                "hu": "Eötvös Loránd Tudományegyetem", "ke": "University of Nairobi", "za": "Stellenbosch University",
                "hk": "The Hong Kong Polytechnic University", "kr": "Pusan National University",
                "ie": "University of Galway", "ch": "Universität Bern"}}
ISSUERS["marriage_certificate"] = ISSUERS["birth_certificate"]
ISSUERS["employment_letter"] = ISSUERS["payslip"]
LANDLORDS = {"gr": "Nikolaos Stavrou", "cz": "Bytové družstvo Vinohrady", "hu": "Molnár Ferenc",
             "ke": "Jacaranda Estates Ltd", "za": "Boland Property Rentals (Pty) Ltd", "hk": "Lucky Star Properties Ltd",
             "kr": "Park Sang-hoon", "ie": "Corrib Lettings Ltd", "ch": "Immobilien Aare AG"}
DE = {"Surname": "Familienname", "Given names": "Vornamen", "Date of birth": "Geburtsdatum",
      "Place of birth": "Geburtsort", "Sex": "Geschlecht", "Father": "Vater", "Mother": "Mutter",
      "Date of issue": "Ausstellungsdatum", "Name": "Name", "Relation": "Beziehung", "Self": "Person",
      "Spouse": "Ehegatte", "Address": "Adresse", "Account holder": "Kontoinhaber", "Balance": "Saldo",
      "Date": "Datum", "Description": "Buchungstext", "Amount": "Betrag", "Employee": "Mitarbeiter/in",
      "Pay date": "Auszahlungsdatum", "Pay period": "Abrechnungsperiode", "Net pay": "Nettolohn",
      "Gross pay": "Bruttolohn", "Invoice date": "Rechnungsdatum", "Amount due": "Zahlbarer Betrag",
      "Due date": "Zahlbar bis", "Customer no.": "Kundennummer", "Landlord": "Vermieter", "Tenant": "Mieter",
      "Premises": "Mietobjekt", "Commencement": "Mietbeginn", "Monthly rent": "Monatsmiete",
      "Signed on": "Unterzeichnet am", "Reference": "Referenz", "Issued on": "Ausgestellt am",
      "Department": "Abteilung", "Position": "Funktion", "Employed since": "Angestellt seit",
      "Purpose": "Verwendungszweck", "Marriage": "Eheschliessung", "Date of marriage": "Datum der Eheschliessung"}


# -- what the page is ----------------------------------------------------------------
def choose(kind, r):
    """The page's country, face, capture, marks and styles, drawn in
    supportdocs.make before the applicant."""
    country = r.choice(COUNTRIES)
    z = r.random()
    capture = ("screen" if z < 0.18 else "shadow" if z < 0.36 else "messenger" if z < 0.54 else
               "skew" if z < 0.72 else "flatbed")
    lang = "deu" if country in GERMAN else None
    dates = {"gr": ["slash", "dots", "upper"], "cz": ["czsp", "dotsnp", "dotsnp"], "hu": ["hu", "hu", "iso"],
             "ke": ["slashnp", "upper", "long"], "za": ["ymdslash", "long", "ymdslash"], "hk": ["slashnp", "upper"],
             "kr": ["krsp", "kr"], "ie": ["long", "upper", "slash"], "ch": ["dots", "delong"]}[country]
    face = "nanum" + r.choice(["gothic", "myeongjo"]) if country == "kr" else \
        r.choice(["cantarell", "opensans", "opencond"])
    return {"country": country, "lang": lang, "face": face, "capture": capture,
            "stamp": r.random() < 0.25, "pen": r.random() < 0.2,
            "weekday": kind in WEEKDAY_KINDS and not lang and r.random() < 0.45,
            "variant": {"birth_certificate": r.choice(["register", "numbered"]),
                        "marriage_certificate": r.choice(["relation", "parts"]),
                        "bank_statement": r.choice(["passbook", "grouped"]), "payslip": r.choice(["mailer", "grid"]),
                        "employment_letter": r.choice(["memo", "table"]), "utility_bill": r.choice(["stub", "meter"]),
                        "tenancy_agreement": r.choice(["prose", "schedule"]),
                        "police_certificate": r.choice(["fingerprint", "letter"]),
                        "diploma": r.choice(["supplement", "landscape"])}[kind],
            "name": r.choice(["native", "native", "caps", "nee"]), "addr": r.choice(["case", "case", "caps", "oneline"]),
            "date": r.choice(dates), "birth": r.choice(dates), "joint": r.random() < 0.5}


def _address(r, country):
    street, town, n = r.choice(STREETS[country]), r.choice(TOWNS[country]), r.randint(2, 160)
    line = {"gr": "%s %d" % (street, n),
            "cz": "%s %d/%d" % (street, r.randint(300, 2600), r.randint(1, 60)),
            "hu": "%s %d. %d. em. %d." % (street, n, r.randint(1, 6), r.randint(1, 12)),
            "ke": "House No. %d, %s" % (n, street),
            "za": "%d %s" % (n, street),
            "hk": "Flat %d%s, %d/F, %s" % (r.randint(1, 28), r.choice("ABCDEFGH"), r.randint(2, 40), street),
            "kr": "%d-dong %d-ho, %d %s" % (r.randint(101, 115), r.randint(2, 25) * 100 + r.randint(1, 8),
                                            r.randint(10, 500), street),
            "ie": "%d %s" % (n, street), "ch": "%s %d" % (street, n)}[country]
    return [line, town]


def applicant(r, sd, spec, app):
    """The applicant as the page's country names them (the case record
    too); returns the address as the case's two lines (heldout14's
    drawing of them, with this family's names and addresses)."""
    return s14.applicant(r, sd, spec, app, NAMES, _address)


def stranger(r, spec, p):
    """Another person of the page's country: no name in common with p."""
    return s14.stranger(r, spec, p, NAMES)


def parents(r, spec, app):
    """The father and mother (the family's surname in its man's and woman's
    form; the mother's maiden name kept in spec). No two given names of a
    country here share their first word, so heldout14's test of the whole
    given names keeps a parent's first name off the child's."""
    return s14.parents(r, spec, app, NAMES)


def other_address(r, spec, avoid):
    while True:
        a = _address(r, spec["country"])
        if a[1] != avoid[1] and a[0].split()[:2] != avoid[0].split()[:2]:
            return a


def issuer(kind, r, spec):
    if kind == "tenancy_agreement":
        return LANDLORDS[spec["country"]]
    return ISSUERS[kind][spec["country"]]


def extra_defects(kind, spec):
    """weekday_mismatch on the English letters, bills, statements, payslips
    and police certificates (the Swiss German pages print no weekday)."""
    return ["weekday_mismatch"] if kind in WEEKDAY_KINDS and not spec["lang"] else []


# -- how values are written ------------------------------------------------------------
def date(d, style, lang=None):
    if style == "czsp":
        return "%d. %d. %d" % (d.day, d.month, d.year)
    if style == "dotsnp":
        return "%d.%d.%d" % (d.day, d.month, d.year)
    if style == "hu":
        return "%d.%02d.%02d." % (d.year, d.month, d.day)
    if style == "kr":
        return "%d.%02d.%02d" % (d.year, d.month, d.day)
    if style == "krsp":
        return "%d. %d. %d." % (d.year, d.month, d.day)
    if style == "ymdslash":
        return "%d/%02d/%02d" % (d.year, d.month, d.day)
    if style == "slashnp":
        return "%d/%d/%d" % (d.day, d.month, d.year)
    if style == "upper":
        return "%02d %s %d" % (d.day, MONTHS[d.month - 1][:3].upper(), d.year)
    if style == "iso":
        return d.isoformat()
    if style == "dots":
        return "%02d.%02d.%d" % (d.day, d.month, d.year)
    if style == "slash":
        return "%02d/%02d/%d" % (d.day, d.month, d.year)
    if style == "delong":
        return "%d. %s %d" % (d.day, DE_MONTHS[d.month - 1], d.year)
    return "%d %s %d" % (d.day, MONTHS[d.month - 1], d.year)


def issue_date(P, style=None):
    """The issue date as printed; on some English pages with its weekday:
    after it in brackets on the Korean and Hong Kong pages ("2023.03.14
    (Tue)"), before it without a comma elsewhere ("Tuesday 14 March 2023");
    another day's on a weekday_mismatch page."""
    pg, spec = P.pg, P.spec
    d, style = pg["issue"], style or spec["date"]
    s = date(d, style, spec["lang"])
    if (spec["weekday"] or "weekday_of" in pg) and not spec["lang"]:
        wd = s12.WEEKDAYS[pg.get("weekday_of", d.weekday())]
        P.c.extra["weekday"] = wd
        if spec["country"] in ("kr", "hk"):
            return "%s (%s)" % (s, wd[:3])
        return "%s %s" % (wd, s)
    return s


def dt(P, d):
    """Any other date of the page in its style."""
    return date(d, P.spec["date"], P.spec["lang"])


def bd(P, d):
    return date(d, P.spec["birth"], P.spec["lang"])


EASTERN = {"hu", "kr", "hk"}


def name(P, p, how=None):
    """The name as the page writes it: the country's order (Hungarian,
    Korean, Hong Kong: the surname first; Korean and Hong Kong surnames in
    capitals), SURNAME Given, or with the maiden name after geb. / rozená /
    szül. / née on a married woman's page."""
    how = how or P.spec["name"]
    k = P.spec["country"]
    if k in EASTERN:
        s = "%s %s" % (p["surname"].upper() if k != "hu" else p["surname"], p["given_names"])
    else:
        s = "%s %s" % (p["given_names"], p["surname"])
    if how == "caps":
        return "%s %s" % (p["surname"].upper(), p["given_names"])
    if how == "nee" and P.spec.get("maiden") and p is P.pg["person"]:
        return "%s %s %s" % (s, NEE.get(k, "née"), P.spec["maiden"])
    return s


def initials(p):
    """"K. NAGY", "G. W. KAMAU": the initials and the surname."""
    return "%s %s" % (" ".join(g[0] + "." for g in p["given_names"].replace("-", " ").split()), p["surname"].upper())


def street(P):
    """The address as printed: the case's two lines, in capitals, or on one
    line (Hungarian: the town first, "1052 Budapest, Váci utca 12. ...")."""
    a = P.pg["address"]
    if P.spec["addr"] == "caps":
        return a[0].upper(), a[1].upper()
    if P.spec["addr"] == "oneline":
        if P.spec["country"] == "hu":
            return "%s, %s" % (a[1], a[0]), ""
        return "%s, %s" % (a[0], a[1]), ""
    return a[0], a[1]


def za_id(d, female, r):
    """A South African identity number: YYMMDD, a gender sequence, the
    citizenship digit, 8 and a check digit (Luhn)."""
    s = "%02d%02d%02d%04d%d8" % (d.year % 100, d.month, d.day, r.randint(0, 4999) + (0 if female else 5000),
                                 r.randint(0, 1))
    total = 0
    for k, ch in enumerate(reversed(s)):
        v = int(ch) * (2 if k % 2 == 0 else 1)
        total += v - 9 if v > 9 else v
    return s + str((10 - total % 10) % 10)


class P15(s14.P14):
    """One heldout15 page being drawn: the canvas, the face, mm helpers."""

    def __init__(self, sd, c, r, kind, spec, pg, landscape=False):
        self.sd, self.c, self.r, self.kind, self.spec, self.pg = sd, c, r, kind, spec, pg
        self.reg, self.bold = FACES[spec["face"]]
        if landscape:
            c.w, c.h = c.h, c.w
            c.page_pt = [841.9, 595.3]
        self.W, self.H = c.w * 25.4 / c.dpi, c.h * 25.4 / c.dpi
        self.de = spec["lang"] == "deu"

    def L(self, en):
        return DE.get(en, en) if self.de else en

    def addr_lines(self, x, y, pt=10, field=True):
        """The address: the street line a field, the town below."""
        lh = pt * 0.3528 * 1.45
        a, town = street(self)
        self.t(x, y, a, pt, "address" if field else None)
        y += lh
        if town:
            self.t(x, y, town, pt)
            y += lh
        return y

    def dotted(self, x0, y, x1):
        """A dotted line to write on."""
        for x in range(int(x0 * 2), int(x1 * 2), 3):
            self.rule(x / 2, y, x / 2 + 0.5, 1, 120)

    def square_seal(self, x, y, size, colour=(200, 40, 40)):
        """A square company seal (a frame and a grid of strokes), in red on a
        colour page, grey otherwise."""
        d, p = self.c.d, self.px
        fill = colour if self.c.img.mode == "RGB" else 110
        d.rectangle([p(x), p(y), p(x + size), p(y + size)], outline=fill, width=max(2, self.c.dpi // 60))
        for k in range(1, 4):
            d.line([p(x + size * k / 4), p(y + 3), p(x + size * k / 4), p(y + size - 3)], fill=fill,
                   width=max(2, self.c.dpi // 90))
            d.line([p(x + 3), p(y + size * k / 4), p(x + size * k / 4), p(y + size * k / 4)], fill=fill,
                   width=max(1, self.c.dpi // 120))
