"""The heldout14 supporting pages (samples/supportdocs.py --layouts heldout14),
written blind on 2026-12-07 by a session that tunes no rule and never
screened any of its pages. Issuers of Poland, Romania, Turkey, Ukraine,
Vietnam and Australia writing in English (with the original's captions
beside the English ones on bilingual certificates), of Morocco and Quebec
writing in French; the applicant's name and address of that country.
Drawn unlike heldout4..heldout13:

- a civil-register extract with the original caption over the English one,
  or the whole record twice in two language columns; a marriage certificate
  with the captions in the middle column and the two spouses' values left
  and right, the maiden name ("z d.", "nascuta", "nee") beside the
  married one; a bank's online statement printed from a browser (date and
  title in the header, the URL and "1/2" in the footer) or a printed
  screenshot of a banking app; a pay stub with current and year-to-date
  columns and a voucher under a perforation; an employment letter with the
  logo left and the firm's address block right, the name in the salutation
  ("Dear Ms Wisniewska,") and "born 14.03.1985 in Krakow" in the prose, in
  two columns on some, tiny legal print in the footer; an energy or
  internet bill with a consumption chart, a payment QR square and a
  reference holding the date (REF-20260314-77); a tenancy form of boxed
  cells and check boxes with a co-tenant beside the applicant; a certificate
  of good conduct / criminal-record extract with a QR square, the father's
  given name and a validity period; a university transcript with a grade
  table, or a diploma in an ornate border under a calligraphic title;
- dates `14.III.2023` (Roman months), `2023-03-14`, `14.03.2023`,
  `14/03/2023`, `14 March 2023`, `14 mars 2023`; periods "from ... to ...";
  the issue date headed by its English weekday on some letters and bills
  (another day's on a weekday_mismatch page);
- faces Lato, FreeSerif, FreeSans, Roboto Condensed, Noto Serif Display
  (fonts-lato, fonts-freefont-ttf, fonts-roboto-unhinted, fonts-noto-core);
- captures (truth `capture`): a phone photo of the page on a stone table
  under a lamp (colour, perspective; the field boxes follow), a page folded
  in three (two creases), a double-sided page whose back shows through, a
  laser print with faded toner bands, coloured paper (pink, green, yellow,
  blue; colour), or a plain flatbed scan; marks (truth `marks`): a coffee
  ring over no field, a highlighter stroke over the issue date (colour).
"""
import datetime
import unicodedata

import supportdocs12 as s12  # P12 (mm helpers), weekday_edit, variants, qr_square, ordinal

FACES = {"lato": ("/usr/share/fonts/truetype/lato/Lato-Regular.ttf", "/usr/share/fonts/truetype/lato/Lato-Bold.ttf"),
         "freeserif": ("/usr/share/fonts/truetype/freefont/FreeSerif.ttf",
                       "/usr/share/fonts/truetype/freefont/FreeSerifBold.ttf"),
         "freesans": ("/usr/share/fonts/truetype/freefont/FreeSans.ttf",
                      "/usr/share/fonts/truetype/freefont/FreeSansBold.ttf"),
         "roboto": ("/usr/share/fonts/truetype/roboto/unhinted/RobotoCondensed-Regular.ttf",
                    "/usr/share/fonts/truetype/roboto/unhinted/RobotoCondensed-Bold.ttf"),
         "notodisplay": ("/usr/share/fonts/truetype/noto/NotoSerifDisplay-Regular.ttf",
                         "/usr/share/fonts/truetype/noto/NotoSerifDisplay-Bold.ttf")}
SCRIPT = "/usr/share/fonts/truetype/noto/NotoSerifDisplay-BoldItalic.ttf"  # the calligraphic title
ITALIC = "/usr/share/fonts/truetype/freefont/FreeSerifItalic.ttf"
MONTHS = s12.MONTHS
FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
             "novembre", "décembre"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
COUNTRIES = ["pl", "ro", "tr", "ua", "vn", "au", "ma", "qc"]
FRENCH = {"ma", "qc"}
WEEKDAY_KINDS = {"bank_statement", "payslip", "employment_letter", "utility_bill", "police_certificate"}
# given names (female ones marked by a leading "*"), surnames as (his, hers), maiden names, birth places
NAMES = {
    "pl": (["*Katarzyna", "Tomasz", "*Agnieszka", "Paweł", "*Małgorzata Anna", "Krzysztof"],
           [("Wiśniewski", "Wiśniewska"), ("Kowalczyk", "Kowalczyk"), ("Lewandowski", "Lewandowska"),
            ("Zając", "Zając"), ("Dąbrowski", "Dąbrowska")], ["Nowicka", "Jasińska", "Kaczmarek"],
           ["Kraków", "Gdańsk", "Łódź", "Wrocław"]),
    "ro": (["*Andreea", "Mihai", "*Ioana", "Bogdan", "*Elena Cristina", "Ștefan"],
           [("Popescu",) * 2, ("Ionescu",) * 2, ("Constantinescu",) * 2, ("Dumitrescu",) * 2, ("Stănescu",) * 2],
           ["Munteanu", "Georgescu", "Rusu"], ["Cluj-Napoca", "Iași", "Timișoara", "Brașov"]),
    "tr": (["*Elif", "Mehmet", "*Zeynep", "Emre", "*Ayşe Nur", "Burak"],
           [(s, s) for s in ("Yılmaz", "Kaya", "Demir", "Çelik", "Şahin", "Öztürk")], ["Aydın", "Arslan", "Koç"],
           ["İzmir", "Bursa", "Ankara", "Trabzon"]),
    "ua": (["*Oksana", "Andriy", "*Iryna", "Dmytro", "*Olena", "Taras"],
           [(s, s) for s in ("Shevchenko", "Kovalenko", "Bondarenko", "Tkachuk", "Melnyk")],
           ["Savchuk", "Lysenko", "Moroz"], ["Lviv", "Kharkiv", "Odesa", "Poltava"]),
    "vn": (["*Thị Lan", "Văn Hùng", "*Thị Mai Anh", "Minh Tuấn", "*Thu Hà", "Đức Anh"],
           [(s, s) for s in ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ")], [], ["Hà Nội", "Đà Nẵng", "Huế"]),
    "au": (["*Chloe", "Liam", "*Matilda", "Jack", "*Isla", "Cooper"],
           [(s, s) for s in ("van der Berg", "O'Connor", "McKenzie", "Di Santo", "Whitfield")],
           ["Harrington", "Costa", "Fairweather"], ["Brisbane", "Perth", "Hobart", "Ballarat"]),
    "ma": (["Youssef", "*Fatima Zahra", "Hamza", "*Salma", "Mehdi", "*Khadija"],
           [(s, s) for s in ("El Amrani", "Benjelloun", "Al-Fassi", "Tazi", "El Idrissi", "Bennani")],
           ["Chraibi", "Alaoui", "Berrada"], ["Fès", "Rabat", "Marrakech", "Tanger"]),
    "qc": (["*Marie-Ève", "Jean-François", "*Geneviève", "Mathieu", "*Émilie", "Louis-Philippe"],
           [(s, s) for s in ("Tremblay", "Gagnon", "Bouchard", "Côté", "de la Durantaye", "Lévesque")], [],
           ["Québec", "Sherbrooke", "Trois-Rivières", "Chicoutimi"])}
NEE = {"pl": "z d.", "ro": "născută", "ma": "née", "tr": "née", "ua": "née", "au": "née"}
STREETS = {"pl": ["Długa", "Floriańska", "Piotrkowska", "Świętojańska"],
           "ro": ["Mihai Eminescu", "Avram Iancu", "Republicii", "Lalelelor"],
           "tr": ["Atatürk Cad.", "Bağdat Cad.", "Cumhuriyet Mah. 1204. Sok.", "İnönü Bulvarı"],
           "ua": ["Khreshchatyk", "Shevchenka", "Ivana Franka", "Sichovykh Striltsiv"],
           "vn": ["Ngõ 45 Phố Huế", "Đường Trần Hưng Đạo", "Hẻm 12 Lê Văn Sỹ", "Phố Hàng Bông"],
           "au": ["Banksia Crescent", "Jacaranda Street", "Wattle Grove", "Kingfisher Parade"],
           "ma": ["Rue Ibn Batouta", "Boulevard Zerktouni", "Avenue Mohammed V", "Rue de Fès"],
           "qc": ["rue Saint-Denis", "boulevard René-Lévesque", "avenue Cartier", "rue des Érables"]}
TOWNS = {"pl": ["31-147 Kraków", "90-134 Łódź", "81-388 Gdynia", "50-077 Wrocław"],
         "ro": ["010512 București, Sector 1", "400117 Cluj-Napoca", "300011 Timișoara", "500030 Brașov"],
         "tr": ["34710 Kadıköy/İstanbul", "06690 Çankaya/Ankara", "35220 Konak/İzmir", "16050 Nilüfer/Bursa"],
         "ua": ["Kyiv 01001", "Lviv 79008", "Odesa 65014", "Kharkiv 61002"],
         "vn": ["Hai Bà Trưng, Hà Nội", "Quận 1, TP. Hồ Chí Minh", "Hải Châu, Đà Nẵng", "Ba Đình, Hà Nội"],
         "au": ["Fremantle WA 6160", "Toowong QLD 4066", "Glenelg SA 5045", "Sandy Bay TAS 7005"],
         "ma": ["20250 Casablanca", "10000 Rabat", "40000 Marrakech", "90000 Tanger"],
         "qc": ["Montréal (Québec) H2J 2L4", "Québec (Québec) G1R 2B5", "Sherbrooke (Québec) J1H 4K7",
                "Laval (Québec) H7N 3X8"]}
CURRENCY = {"pl": "PLN", "ro": "RON", "tr": "TRY", "ua": "UAH", "vn": "VND", "au": "AUD", "ma": "MAD", "qc": "CAD"}
ISSUERS = {  # kind -> country -> issuer
    "birth_certificate": {"pl": "Urząd Stanu Cywilnego w Krakowie", "ro": "Primăria Municipiului Cluj-Napoca",
                          "tr": "Nüfus ve Vatandaşlık İşleri Genel Müdürlüğü", "ua": "Civil Registry Office, Lviv",
                          "vn": "Ủy ban nhân dân Phường Lê Đại Hành", "au": "Registry of Births, Deaths and Marriages",
                          "ma": "Royaume du Maroc - Bureau de l'état civil", "qc": "Directeur de l'état civil"},
    "bank_statement": {"pl": "Bank Wisła S.A.", "ro": "Banca Carpatica S.A.", "tr": "Boğaziçi Katılım Bankası A.Ş.",
                       "ua": "Dnipro Commercial Bank JSC", "vn": "Sông Hồng Commercial Bank",
                       "au": "Southern Cross Mutual Bank", "ma": "Banque Atlas du Maroc",
                       "qc": "Caisse populaire du Plateau"},
    "payslip": {"pl": "Mazowsze Logistics Sp. z o.o.", "ro": "Dacia Components S.R.L.",
                "tr": "Ege Tekstil Sanayi A.Ş.", "ua": "Karpaty Software LLC", "vn": "Mekong Garment Co., Ltd.",
                "au": "Swan River Hospitality Pty Ltd", "ma": "Atlas Agro Export SARL", "qc": "Usinage Laurentides inc."},
    "utility_bill": {"pl": "Energa Południe S.A.", "ro": "Electrica Transilvania S.A.", "tr": "Marmara Elektrik Perakende A.Ş.",
                     "ua": "Kyivteploenergo Supply", "vn": "Hanoi Fibre Telecom JSC", "au": "Bluegum Energy Pty Ltd",
                     "ma": "Régie Autonome de Distribution d'Eau et d'Électricité", "qc": "Vidéotron Plateau inc."},
    "police_certificate": {"pl": "Krajowy Rejestr Karny - National Criminal Register",
                           "ro": "Inspectoratul General al Poliției Române", "tr": "Adli Sicil ve İstatistik Genel Müdürlüğü",
                           "ua": "Ministry of Internal Affairs of Ukraine", "vn": "Department of Justice, Hà Nội",
                           "au": "Australian Federal Police - Criminal Records", "ma": "Direction Générale de la Sûreté Nationale",
                           "qc": "Sûreté du Québec - Vérification des antécédents"},
    "diploma": {"pl": "Uniwersytet Morski w Gdyni", "ro": "Universitatea Babeș-Bolyai", "tr": "Ege Üniversitesi",
                "ua": "Ivan Franko National University of Lviv", "vn": "Vietnam National University, Hanoi",
                "au": "University of the Sunshine Coast", "ma": "Université Hassan II de Casablanca",
                "qc": "Université de Sherbrooke"}}
ISSUERS["marriage_certificate"] = ISSUERS["birth_certificate"]
ISSUERS["employment_letter"] = ISSUERS["payslip"]
LANDLORDS = {"pl": "Jan Kaczmarek", "ro": "Gheorghe Rusu", "tr": "Hasan Koç", "ua": "Petro Moroz",
             "vn": "Lê Văn Bình", "au": "Harbourside Property Management", "ma": "Abdelkader Berrada",
             "qc": "Gestion immobilière Beaubien"}
TITLES = {  # the original's title over the English one
    "birth": {"pl": "ODPIS SKRÓCONY AKTU URODZENIA", "ro": "CERTIFICAT DE NAȘTERE", "tr": "DOĞUM KAYIT ÖRNEĞİ",
              "ua": "SVIDOTSTVO PRO NARODZHENNIA", "vn": "GIẤY KHAI SINH"},
    "marriage": {"pl": "ODPIS SKRÓCONY AKTU MAŁŻEŃSTWA", "ro": "CERTIFICAT DE CĂSĂTORIE", "tr": "EVLENME KAYIT ÖRNEĞİ",
                 "ua": "SVIDOTSTVO PRO SHLIUB", "vn": "GIẤY CHỨNG NHẬN KẾT HÔN"}}
# the original captions of the register extracts (pl, ro, tr, ua, vn) for the English ones
ORIG = {"Surname": ("Nazwisko", "Nume", "Soyadı", "Prizvyshche", "Họ"),
        "Given names": ("Imię (imiona)", "Prenume", "Adı", "Imia", "Tên"),
        "Date of birth": ("Data urodzenia", "Data nașterii", "Doğum tarihi", "Data narodzhennia", "Ngày sinh"),
        "Place of birth": ("Miejsce urodzenia", "Locul nașterii", "Doğum yeri", "Mistse narodzhennia", "Nơi sinh"),
        "Sex": ("Płeć", "Sexul", "Cinsiyeti", "Stat", "Giới tính"),
        "Father": ("Ojciec", "Tatăl", "Baba adı", "Batko", "Cha"),
        "Mother": ("Matka", "Mama", "Ana adı", "Maty", "Mẹ"),
        "Entry no.": ("Numer aktu", "Nr. act", "Kayıt no", "Aktovyi zapys", "Số"),
        "Date of issue": ("Data wydania", "Data eliberării", "Veriliş tarihi", "Data vydachi", "Ngày cấp"),
        "Surname before marriage": ("Nazwisko rodowe", "Numele anterior", "Evlenmeden önceki soyadı",
                                    "Prizvyshche do shliubu", "Họ trước khi kết hôn"),
        "Surname after marriage": ("Nazwisko po zawarciu", "Numele după căsătorie", "Evlendikten sonraki soyadı",
                                   "Prizvyshche pislia shliubu", "Họ sau khi kết hôn"),
        "Date of marriage": ("Data zawarcia", "Data căsătoriei", "Evlenme tarihi", "Data shliubu", "Ngày kết hôn")}
FR = {"Surname": "Nom", "Given names": "Prénoms", "Date of birth": "Date de naissance", "Place of birth":
      "Lieu de naissance", "Sex": "Sexe", "Father": "Père", "Mother": "Mère", "Entry no.": "Numéro d'acte",
      "Date of issue": "Date de délivrance", "Surname before marriage": "Nom avant le mariage",
      "Surname after marriage": "Nom après le mariage", "Date of marriage": "Date du mariage",
      "Spouse": "Époux / Épouse", "BIRTH CERTIFICATE": "EXTRAIT D'ACTE DE NAISSANCE",
      "MARRIAGE CERTIFICATE": "EXTRAIT D'ACTE DE MARIAGE", "Account holder": "Titulaire du compte",
      "Address": "Adresse", "Account history": "Historique du compte", "Period": "Période",
      "from": "du", "to": "au", "Generated on": "Édité le", "Date": "Date", "Description": "Libellé",
      "Amount": "Montant", "Balance": "Solde", "Pay statement": "Relevé de paie", "Employee": "Salarié",
      "Pay date": "Date de paie", "Pay period": "Période de paie", "Earnings": "Gains", "Current": "Période",
      "YTD": "Cumul annuel", "Deductions": "Retenues", "Net pay": "Net à payer", "Rate": "Taux", "Hours": "Heures",
      "Invoice": "Facture", "Invoice date": "Date de facture", "Customer reference": "Référence client",
      "Supply address": "Adresse de fourniture", "Billing period": "Période de facturation",
      "Amount due": "Montant à payer", "Due date": "Échéance", "Consumption": "Consommation",
      "TENANCY AGREEMENT": "BAIL DE LOGEMENT", "Landlord": "Locateur", "Tenant": "Locataire",
      "Co-tenant": "Colocataire", "Premises": "Logement", "House": "Maison", "Apartment": "Appartement",
      "Furnished": "Meublé", "Term": "Durée", "Monthly rent": "Loyer mensuel", "Bond": "Dépôt de garantie",
      "Signed on": "Signé le", "CERTIFICATE OF GOOD CONDUCT": "EXTRAIT DU CASIER JUDICIAIRE",
      "Reference": "Référence", "Valid": "Valable", "Father's given name": "Prénom du père",
      "ACADEMIC TRANSCRIPT": "RELEVÉ DE NOTES", "Student": "Étudiant(e)", "Course": "Matière",
      "Credits": "Crédits", "Grade": "Note", "Issued on": "Délivré le", "Student no.": "Matricule"}


# -- what the page is ----------------------------------------------------------------
def choose(kind, r):
    """The page's country, face, capture, marks and styles, drawn in
    supportdocs.make before the applicant."""
    country = r.choice(COUNTRIES)
    z = r.random()
    capture = ("table" if z < 0.17 else "trifold" if z < 0.34 else "showthrough" if z < 0.50 else
               "bands" if z < 0.66 else "paper" if z < 0.82 else "flatbed")
    lang = "fra" if country in FRENCH else None
    dates = {"pl": ["roman", "iso", "dots"], "ro": ["roman", "dots", "iso"], "tr": ["dots", "slash", "iso"],
             "ua": ["roman", "dots", "iso"], "vn": ["slash", "iso", "long"], "au": ["long", "slash", "iso"],
             "ma": ["long", "slash", "iso"], "qc": ["long", "iso"]}[country]
    return {"country": country, "lang": lang, "face": r.choice(sorted(FACES)), "capture": capture,
            "paper": r.choice(["pink", "green", "yellow", "blue"]),
            "coffee": r.random() < 0.2, "highlight": r.random() < 0.2,
            "weekday": kind in WEEKDAY_KINDS and not lang and r.random() < 0.4,
            "variant": {"bank_statement": r.choice(["browser", "app"]), "diploma": r.choice(["transcript", "ornate"]),
                        "utility_bill": r.choice(["energy", "internet"]),
                        "birth_certificate": "rows" if country in FRENCH | {"au"} or r.random() < 0.5 else "twocol",
                        "employment_letter": r.choice(["onecol", "twocol"])}.get(kind, ""),
            "name": r.choice(["plain", "caps", "plain", "nee"]), "addr": r.choice(["case", "case", "caps", "oneline"]),
            "date": r.choice(dates), "birth": r.choice(dates), "joint": r.random() < 0.5}


def fold_ascii(s):
    """s without its diacritics (for an e-mail address)."""
    s = s.replace("ł", "l").replace("Ł", "L").replace("ı", "i").replace("đ", "d").replace("Đ", "D")
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


def _surname(pair, female):
    return pair[1] if female else pair[0]


def _person(r, country, female=None, names=None):
    given, pairs = (names or NAMES)[country][0], (names or NAMES)[country][1]
    g = r.choice([n for n in given if female is None or n.startswith("*") == female])
    fem = g.startswith("*")
    return g.lstrip("*"), _surname(r.choice(pairs), fem), fem


def _address(r, country):
    street, town, n = r.choice(STREETS[country]), r.choice(TOWNS[country]), r.randint(2, 160)
    line = {"pl": "ul. %s %d m. %d" % (street, n, r.randint(1, 40)),
            "ro": "Str. %s nr. %d, bl. %s, ap. %d" % (street, n, r.choice(["A2", "C4", "M7"]), r.randint(1, 60)),
            "tr": "%s No: %d D: %d" % (street, n, r.randint(1, 24)),
            "ua": "vul. %s %d, apt. %d" % (street, n, r.randint(1, 90)),
            "vn": "Số %d %s" % (n, street), "au": "%d/%d %s" % (r.randint(1, 12), n, street),
            "ma": "%d, %s, Appt %d" % (n, street, r.randint(1, 20)),
            "qc": "%d, %s, app. %d" % (n * 20 + r.randint(1, 19), street, r.randint(1, 8))}[country]
    return [line, town]


def applicant(r, sd, spec, app, names=None, address=None):
    """The applicant as the page's country names them (the case record
    too: given names, surname, the maiden name on a married woman's
    page); returns the address as the case's two lines. names and address
    (a function of r and the country) are another family's (heldout15)."""
    names = names or NAMES
    app["given_names"], app["surname"], female = _person(r, spec["country"], None, names)
    spec["female"] = female
    maidens = names[spec["country"]][2]
    spec["maiden"] = r.choice(maidens) if female and maidens and spec["name"] == "nee" else ""
    spec["birth_place"] = r.choice(names[spec["country"]][3])
    return (address or _address)(r, spec["country"])


def stranger(r, spec, p, names=None):
    """Another person of the page's country: no name in common with p."""
    while True:
        g, s, _ = _person(r, spec["country"], None, names)
        if s != p["surname"] and g.split()[0] != p["given_names"].split()[0]:
            birth = datetime.date(1955, 1, 1) + datetime.timedelta(days=r.randint(0, 365 * 45))
            return {"surname": s, "given_names": g, "birth_date": birth}


def parents(r, spec, app, names=None):
    """The birth certificate's father and mother (the family's surname in
    its man's and woman's form; the mother's maiden name kept in spec)."""
    names = names or NAMES
    pair = next((p for p in names[spec["country"]][1] if app["surname"] in p), (app["surname"],) * 2)
    out = []
    for female in (False, True):
        g = app["given_names"]
        while g == app["given_names"]:  # a parent never shares the child's given names here
            g, _, _ = _person(r, spec["country"], female, names)
        birth = app["birth_date"] - datetime.timedelta(days=r.randint(365 * 20, 365 * 38))
        out.append({"surname": _surname(pair, female), "given_names": g, "birth_date": birth})
    maidens = names[spec["country"]][2]
    spec["mother_maiden"] = r.choice(maidens) if maidens else ""
    return out


def other_address(r, spec, avoid):
    while True:
        a = _address(r, spec["country"])
        if a[1] != avoid[1] and a[0].split()[1:3] != avoid[0].split()[1:3]:
            return a


def issuer(kind, r, spec):
    if kind == "tenancy_agreement":
        return LANDLORDS[spec["country"]]
    return ISSUERS[kind][spec["country"]]


def extra_defects(kind, spec):
    """weekday_mismatch on the English letters, bills, statements and police
    certificates (the French pages print no weekday)."""
    return ["weekday_mismatch"] if kind in WEEKDAY_KINDS and not spec["lang"] else []


# -- how values are written ------------------------------------------------------------
def date(d, style, lang=None):
    if style == "roman":
        return "%d.%s.%d" % (d.day, ROMAN[d.month - 1], d.year)
    if style == "iso":
        return d.isoformat()
    if style == "dots":
        return d.strftime("%d.%m.%Y")
    if style == "slash":
        return d.strftime("%d/%m/%Y")
    if lang == "fra":
        return "%d %s %d" % (d.day, FR_MONTHS[d.month - 1], d.year)
    return "%d %s %d" % (d.day, MONTHS[d.month - 1], d.year)


def issue_date(P, style=None):
    """The issue date as printed, headed by its English weekday on some
    letters and bills (another day's on a weekday_mismatch page)."""
    pg, spec = P.pg, P.spec
    d, style = pg["issue"], style or spec["date"]
    s = date(d, style, spec["lang"])
    if (spec["weekday"] or "weekday_of" in pg) and not spec["lang"]:
        wd = s12.WEEKDAYS[pg.get("weekday_of", d.weekday())]
        P.c.extra["weekday"] = wd
        return ("%s, %s" % (wd, s)) if style == "long" else ("%s %s" % (wd[:3], s))
    return s


def dt(P, d):
    """Any other date of the page in its style."""
    return date(d, P.spec["date"], P.spec["lang"])


def name(P, p, how=None):
    """The name as the page writes it: Given Surname, SURNAME Given, or with
    the maiden name after z d. / născută / née on a married woman's page."""
    how = how or P.spec["name"]
    s = "%s %s" % (p["given_names"], p["surname"])
    if how == "caps":
        return "%s %s" % (p["surname"].upper(), p["given_names"])
    if how == "nee" and P.spec.get("maiden") and p is P.pg["person"]:
        return "%s %s %s" % (s, NEE.get(P.spec["country"], "née"), P.spec["maiden"])
    return s


def salutation(P, p):
    fem = P.spec.get("female")
    if P.spec["lang"]:
        return "%s %s," % ("Madame" if fem else "Monsieur", p["surname"])
    return "Dear %s %s," % ("Ms" if fem else "Mr", p["surname"])


def street(P):
    a = P.pg["address"]
    if P.spec["addr"] == "caps":
        return a[0].upper(), a[1].upper()
    if P.spec["addr"] == "oneline":
        return "%s, %s" % (a[0], a[1]), ""
    return a[0], a[1]


class P14(s12.P12):
    """One heldout14 page being drawn: the canvas, the face, mm helpers."""

    def __init__(self, sd, c, r, kind, spec, pg):
        self.sd, self.c, self.r, self.kind, self.spec, self.pg = sd, c, r, kind, spec, pg
        self.reg, self.bold = FACES[spec["face"]]
        self.W, self.H = c.w * 25.4 / c.dpi, c.h * 25.4 / c.dpi
        self.fr = spec["lang"] == "fra"

    def L(self, en):
        return FR.get(en, en) if self.fr else en

    def addr_block(self, x, y, pt=10, label=None):
        """The address: the street line a field, the town below."""
        lh = pt * 0.3528 * 1.45
        a, town = street(self)
        if label:
            self.t(x, y, label, pt * 0.8)
            y += lh * 0.85
        self.t(x, y, a, pt, "address")
        y += lh
        if town:
            self.t(x, y, town, pt)
            y += lh
        return y

    def born(self, x, y, pt, lead):
        """"<lead> born 14.03.1985 in Kraków": the date a field of its own."""
        word, place = ("né(e) le", "à") if self.fr else ("born", "in")
        return self.runs(x, y, [(lead, None), ("%s " % word, None),
                                (date(self.pg["birth_date"], self.spec["birth"], self.spec["lang"]), "birth_date"),
                                (" %s %s" % (place, self.spec.get("birth_place", "")), None)], pt)

    def legal(self, y):
        """Tiny legal print across the foot."""
        r, k = self.r, self.spec["country"]
        s = {"pl": "Sąd Rejonowy dla Krakowa-Śródmieścia, XI Wydział Gospodarczy KRS 0000%06d, NIP %d, kapitał "
                   "zakładowy 500 000,00 zł wpłacony w całości." % (r.randint(0, 999999), r.randint(10**9, 10**10)),
             "ro": "Înregistrată la Registrul Comerțului J12/%d/2009, CUI RO%d, capital social 200 lei." %
                   (r.randint(100, 9999), r.randint(10**6, 10**8)),
             "tr": "Mersis No: 0%d. Ticaret Sicil No: %d. Büyük Mükellefler Vergi Dairesi." %
                   (r.randint(10**14, 10**15), r.randint(10**5, 10**6)),
             "ma": "Société au capital de 1 000 000 DH - RC Casablanca %d - IF %d - ICE 00%d." %
                   (r.randint(10**4, 10**6), r.randint(10**6, 10**8), r.randint(10**12, 10**13)),
             "qc": "NEQ %d. Les renseignements personnels sont protégés conformément à la Loi 25." %
                   r.randint(10**9, 10**10)}.get(k, "Registered office as above. Company registration no. %d. "
                                                    "This document was generated electronically and is valid "
                                                    "without a signature." % r.randint(10**6, 10**9))
        self.rule(16, y - 2, self.W - 16, 1, 150)
        return self.para(16, y, self.W - 16, s, 5.5, 1.3)

    def seal(self, x, y, size):
        """A round office seal: two rings and a star."""
        d, p = self.c.d, self.px
        d.ellipse([p(x), p(y), p(x + size), p(y + size)], outline=90, width=max(2, self.c.dpi // 100))
        d.ellipse([p(x + 3), p(y + 3), p(x + size - 3), p(y + size - 3)], outline=110, width=1)
        cx, cy, s = x + size / 2, y + size / 2, size / 5
        d.polygon([(p(cx), p(cy - s)), (p(cx + s * .3), p(cy - s * .3)), (p(cx + s), p(cy - s * .2)),
                   (p(cx + s * .4), p(cy + s * .3)), (p(cx + s * .6), p(cy + s)), (p(cx), p(cy + s * .55)),
                   (p(cx - s * .6), p(cy + s)), (p(cx - s * .4), p(cy + s * .3)), (p(cx - s), p(cy - s * .2)),
                   (p(cx - s * .3), p(cy - s * .3))], fill=120)


def check(P, x, y, on, label, pt=9.5):
    """A check box, ticked with an X or empty, and its label."""
    P.c.d.rectangle([P.px(x), P.px(y), P.px(x + 3.5), P.px(y + 3.5)], outline=40, width=max(1, P.c.dpi // 150))
    if on:
        P.c.d.line([P.px(x + .6), P.px(y + .6), P.px(x + 2.9), P.px(y + 2.9)], fill=30, width=max(2, P.c.dpi // 120))
        P.c.d.line([P.px(x + .6), P.px(y + 2.9), P.px(x + 2.9), P.px(y + .6)], fill=30, width=max(2, P.c.dpi // 120))
    return P.t(x + 5, y - 0.4, label, pt) + 6


def cell(P, x, y, w, caption, value, fld, pt=10.5):
    """A boxed cell with its caption above the box, the value inside."""
    P.t(x, y, caption, 7)
    P.box(x, y + 3.5, w, 7.5, shade=None, outline=60)
    if value:
        P.t(x + 1.5, y + 4.8, value, pt, fld)
    return y + 13
