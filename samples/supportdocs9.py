"""The heldout9 family of samples/supportdocs.py (--layouts heldout9).

Written on 2026-12-07 by a session that tunes no rule and never screens
any of its pages, so that the supporting-page rules of that day can be
judged on pages nobody looked at. Do not inspect its pages to fix a rule.

What it draws, unlike every earlier family (the nine types the bench
knows):
- originals in Italian, Portuguese, Dutch or French (four pages in ten),
  half of them with a short English gloss in brackets after the caption
  ("Data di nascita (date of birth)"); ocr_langs eng+ita, eng+por,
  eng+nld or eng+fra;
- certified translations into English (a quarter of the pages): a
  translator's header "Certified translation from the Portuguese", the
  original's title in quotes, bracketed translator's notes ("[coat of
  arms]", "[illegible signature]"), the English captions with the
  original's values, and at the foot the sworn translator's declaration,
  the translation's date and a rectangular translator's stamp (ocr_langs
  eng); the rest English pages in the forms below;
- pre-printed forms whose values are typed in a typewriter face (Nimbus
  Mono) or filled in by hand (URW Z003) on dotted lines, a little off the
  line; running prose attestations ("Si attesta che NOWAK Łukasz, nato il
  14 luglio 1985 ...") with the place and date of issue at the foot
  ("Lisboa, 3 de novembro de 2026");
- statements, payslips and bills printed by a line printer: tables without
  rules aligned by spaces in a monospaced face, bank statements on a
  landscape page on four in ten; a letterhead with a logo block and a
  large faint watermark behind the text (the issuer's name diagonally,
  "ORIGINALE", "COPIA", "DUPLICAAT");
- tenancy agreements with their clauses in two columns of small print;
- names as "NOWAK Łukasz", "Sig. Łukasz Nowak", "Sra. Anna Rossi",
  "M. NOWAK Łukasz", "MR ŁUKASZ NOWAK", "de heer Ł. Nowak" in a
  salutation with the full name in a reference block;
- dates "14/VII/1985", "14.VII.1985", "14 luglio 1985", "14 de julho de
  1985", "14 juli 1985", "14-7-1985", "le 14 juillet 1985", "1985.07.14",
  "14th of July, 1985";
- addresses of the page's country ("Via Garibaldi 12, 20121 Milano",
  "Rua Augusta, 120, 1100-053 Lisboa", "Kerkstraat 12, 1017 GC
  Amsterdam", "12 rue des Lilas, 69003 Lyon") or the case's British one;
- capture: a photocopy on a third of the pages (binarised, toner speckle,
  the copier's dark lid border round a slightly smaller page), a fax (a
  transmission line with the page count across the top, the coarse
  vertical resolution of a fax's standard mode) on one in eight, a
  stapled payment receipt over a corner of the page (never over a field)
  on one in five statements, payslips, bills, police and birth
  certificates; then the scan of every family.

Every value printed is the one truth["page"] holds: genuine pages agree
with the case record, defects are the labelled ones (supportdocs.make).
`sd` is the supportdocs module (its Canvas, names, streets, lists).
"""
import datetime
import os

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

import supportdocs8  # noqa: E402  (its pen stroke)

FEMALE = {"Anna", "María José", "Chloé", "Emily Rose", "Sofia", "Aisha", "Eva Maria", "Grace", "Lucia",
          "Fatima", "Olga"}
LANG_NAME = {"ita": "Italian", "por": "Portuguese", "nld": "Dutch", "fra": "French", "pol": "Polish",
             "ron": "Romanian"}
ORIGINAL = ["ita", "por", "nld", "fra"]
TRANSLATED = ["ita", "por", "nld", "pol", "ron"]
COL = {"eng": 0, "ita": 1, "por": 2, "nld": 3, "fra": 4}
MONTHS = {
    "eng": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December"],
    "ita": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
            "ottobre", "novembre", "dicembre"],
    "por": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
            "novembro", "dezembro"],
    "nld": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
            "november", "december"],
    "fra": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
            "novembre", "décembre"],
}
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
TITLES = {  # (English page or translation, Italian, Portuguese, Dutch, French, Polish, Romanian)
    "birth_certificate": ("Certificate of Registration of Birth", "Estratto dell'atto di nascita",
                          "Certidão de Nascimento", "Uittreksel uit het register van geboorten",
                          "Copie intégrale d'acte de naissance", "Odpis skrócony aktu urodzenia",
                          "Certificat de naștere"),
    "marriage_certificate": ("Certificate of Registration of Marriage", "Estratto dell'atto di matrimonio",
                             "Certidão de Casamento", "Uittreksel uit het register van huwelijken",
                             "Copie d'acte de mariage", "Odpis skrócony aktu małżeństwa",
                             "Certificat de căsătorie"),
    "bank_statement": ("Statement of Current Account", "Estratto conto corrente", "Extrato de conta à ordem",
                       "Rekeningafschrift", "Relevé de compte courant", "Wyciąg z rachunku",
                       "Extras de cont"),
    "payslip": ("Wage Slip", "Cedolino paga", "Recibo de vencimento", "Loonstrook", "Fiche de paie",
                "Odcinek wypłaty", "Fluturaș de salariu"),
    "employment_letter": ("Employer's Declaration", "Dichiarazione del datore di lavoro", "Declaração de trabalho",
                          "Werkgeversverklaring", "Certificat de travail", "Zaświadczenie o zatrudnieniu",
                          "Adeverință de salariat"),
    "utility_bill": ("Gas Account", "Bolletta energia elettrica", "Fatura de eletricidade", "Jaarnota energie",
                     "Facture de gaz naturel", "Faktura za energię elektryczną", "Factură energie electrică"),
    "tenancy_agreement": ("Tenancy Agreement for a Furnished Flat", "Contratto di locazione ad uso abitativo",
                          "Contrato de arrendamento para habitação", "Huurovereenkomst woonruimte",
                          "Contrat de location vide", "Umowa najmu lokalu mieszkalnego",
                          "Contract de închiriere"),
    "police_certificate": ("Certificate of Police Record", "Certificato del casellario giudiziale",
                           "Certificado do Registo Criminal", "Verklaring Omtrent het Gedrag",
                           "Bulletin n° 3 du casier judiciaire", "Informacja z Krajowego Rejestru Karnego",
                           "Certificat de cazier judiciar"),
    "diploma": ("Testamur", "Diploma di Laurea", "Carta de Curso", "Getuigschrift", "Diplôme de master",
                "Dyplom ukończenia studiów", "Diplomă de licență"),
}
TR_TITLE = {"birth_certificate": "Birth Certificate", "marriage_certificate": "Marriage Certificate",
            "bank_statement": "Account Statement", "payslip": "Salary Slip",
            "employment_letter": "Employer's Statement", "utility_bill": "Electricity Bill",
            "tenancy_agreement": "Residential Lease Agreement", "police_certificate": "Criminal Record Certificate",
            "diploma": "Degree Diploma"}
TR_INDEX = {"ita": 1, "por": 2, "nld": 3, "fra": 4, "pol": 5, "ron": 6}
CAP = {  # key: (English, Italian, Portuguese, Dutch, French)
    "surname": ("Surname", "Cognome", "Apelidos", "Geslachtsnaam", "Nom"),
    "given": ("Forenames", "Nome", "Nomes próprios", "Voornamen", "Prénoms"),
    "born": ("Date of birth", "Data di nascita", "Data de nascimento", "Geboortedatum", "Date de naissance"),
    "born_at": ("Place of birth", "Luogo di nascita", "Naturalidade", "Geboorteplaats", "Lieu de naissance"),
    "father": ("Father", "Padre", "Pai", "Vader", "Père"),
    "mother": ("Mother", "Madre", "Mãe", "Moeder", "Mère"),
    "entry": ("Entry no.", "Atto n.", "Assento n.º", "Aktenummer", "Acte n°"),
    "issued": ("Date of issue", "Data di rilascio", "Data de emissão", "Datum van afgifte", "Délivré le"),
    "spouse1": ("First spouse", "Primo coniuge", "Primeiro cônjuge", "Echtgenoot 1", "Premier époux"),
    "spouse2": ("Second spouse", "Secondo coniuge", "Segundo cônjuge", "Echtgenoot 2", "Second époux"),
    "married": ("Date of marriage", "Data del matrimonio", "Data do casamento", "Datum huwelijk", "Date du mariage"),
    "married_at": ("Place of marriage", "Luogo del matrimonio", "Local do casamento", "Plaats huwelijk",
                   "Lieu du mariage"),
    "holder": ("Account holder", "Intestatario", "Titular", "Rekeninghouder", "Titulaire"),
    "address": ("Address", "Indirizzo", "Morada", "Adres", "Adresse"),
    "account": ("Account no.", "Conto n.", "N.º de conta", "Rekeningnummer", "N° de compte"),
    "stmt": ("Statement date", "Data estratto", "Data do extrato", "Datum afschrift", "Date d'arrêté"),
    "balance": ("Closing balance", "Saldo finale", "Saldo final", "Nieuw saldo", "Solde au"),
    "employee": ("Employee", "Dipendente", "Trabalhador", "Werknemer", "Salarié"),
    "emp_no": ("Staff no.", "Matricola", "N.º mecanográfico", "Personeelsnummer", "Matricule"),
    "paid_on": ("Payment date", "Data pagamento", "Data de pagamento", "Betaaldatum", "Payé le"),
    "net": ("Net pay", "Netto in busta", "Valor líquido", "Netto uitbetaald", "Net à payer"),
    "position": ("Position", "Qualifica", "Categoria", "Functie", "Emploi"),
    "since": ("Employed since", "Data di assunzione", "Data de admissão", "In dienst sinds", "Date d'entrée"),
    "customer": ("Customer", "Cliente", "Cliente", "Klant", "Client"),
    "supply": ("Supply address", "Indirizzo di fornitura", "Local de consumo", "Leveringsadres",
               "Adresse de livraison"),
    "customer_no": ("Customer no.", "Codice cliente", "N.º de cliente", "Klantnummer", "N° client"),
    "bill_date": ("Bill date", "Data emissione", "Data da fatura", "Factuurdatum", "Date de facture"),
    "total": ("Total due", "Totale da pagare", "Total a pagar", "Te betalen", "Montant TTC"),
    "landlord": ("Landlord", "Locatore", "Senhorio", "Verhuurder", "Bailleur"),
    "tenant": ("Tenant", "Conduttore", "Arrendatário", "Huurder", "Locataire"),
    "property": ("Property", "Immobile", "Locado", "Gehuurde woning", "Logement"),
    "rent": ("Monthly rent", "Canone mensile", "Renda mensal", "Huurprijs per maand", "Loyer mensuel"),
    "start": ("Term begins", "Decorrenza", "Início", "Ingangsdatum", "Prise d'effet"),
    "cert_no": ("Certificate no.", "Certificato n.", "Certificado n.º", "Nummer", "N° de certificat"),
    "degree": ("Degree", "Corso di laurea", "Curso", "Opleiding", "Mention"),
    "full": ("Full name", "Cognome e nome", "Nome completo", "Naam", "Nom et prénoms"),
}
TOWNS9 = {"ita": ["Milano", "Torino", "Bologna", "Napoli", "Verona"],
          "por": ["Lisboa", "Porto", "Coimbra", "Braga", "Faro"],
          "nld": ["Amsterdam", "Utrecht", "Rotterdam", "Groningen", "Eindhoven"],
          "fra": ["Lyon", "Toulouse", "Nantes", "Strasbourg", "Rennes"],
          "pol": ["Kraków", "Poznań", "Gdańsk", "Wrocław"], "ron": ["Cluj-Napoca", "Iași", "Timișoara", "Brașov"]}
STREETS9 = {"ita": ["Via Garibaldi", "Corso Vittorio Emanuele", "Via dei Mille", "Viale Mazzini"],
            "por": ["Rua Augusta", "Avenida da Liberdade", "Rua do Carmo", "Travessa das Flores"],
            "nld": ["Kerkstraat", "Prinsengracht", "Dorpsweg", "Molenlaan"],
            "fra": ["rue des Lilas", "avenue Jean Jaurès", "rue Pasteur", "place Bellecour"],
            "pol": ["ul. Długa", "ul. Ogrodowa", "al. Jana Pawła II"],
            "ron": ["Strada Republicii", "Bulevardul Eroilor", "Strada Florilor"]}
ISSUERS = {  # (English page or translation's original, then by language)
    "birth_certificate": {"eng": ["General Register Office, %s"], "ita": ["Comune di %s - Servizi Demografici"],
                          "por": ["Conservatória do Registo Civil de %s"], "nld": ["Gemeente %s - Burgerzaken"],
                          "fra": ["Mairie de %s - Service de l'état civil"], "pol": ["Urząd Stanu Cywilnego, %s"],
                          "ron": ["Primăria %s - Starea Civilă"]},
    "bank_statement": {"eng": ["Pennine & Dales Bank"], "ita": ["Banca Popolare del Lario"],
                       "por": ["Banco Atlântico Português"], "nld": ["Rijnland Spaarbank N.V."],
                       "fra": ["Banque Rhône-Alpes"], "pol": ["Bank Spółdzielczy w Krakowie"],
                       "ron": ["Banca Transilvană Comercială"]},
    "payslip": {"eng": ["Tamworth Precision Castings Ltd"], "ita": ["Officine Meccaniche Ferrari & Figli S.r.l."],
                "por": ["Conservas Ribeira, Lda."], "nld": ["Van Dijk Installatietechniek B.V."],
                "fra": ["Menuiserie Garnier SARL"], "pol": ["Zakłady Mięsne Nowak Sp. z o.o."],
                "ron": ["Carpați Logistic S.R.L."]},
    "utility_bill": {"eng": ["Wessex Gas plc"], "ita": ["Energia Padana S.p.A."], "por": ["Luz do Tejo, S.A."],
                     "nld": ["Polder Energie B.V."], "fra": ["Gaz du Lyonnais"], "pol": ["Energa Południe S.A."],
                     "ron": ["Electrica Nord S.A."]},
    "tenancy_agreement": {"eng": ["Halsey & Mott Lettings"], "ita": ["Immobiliare Il Portico S.r.l."],
                          "por": ["Imobiliária Sol Nascente, Lda."], "nld": ["Woonstichting De Linde"],
                          "fra": ["Cabinet Fournier Immobilier"], "pol": ["Biuro Nieruchomości Dom"],
                          "ron": ["Imobiliare Casa Nouă S.R.L."]},
    "police_certificate": {"eng": ["Central Police Records Bureau"],
                           "ita": ["Ministero della Giustizia - Casellario Giudiziale"],
                           "por": ["Direção-Geral da Administração da Justiça"], "nld": ["Justis - Ministerie van Justitie"],
                           "fra": ["Casier judiciaire national, Nantes"], "pol": ["Krajowy Rejestr Karny"],
                           "ron": ["Inspectoratul General al Poliției Române"]},
    "diploma": {"eng": ["University of Wyvern"], "ita": ["Università degli Studi di %s"],
                "por": ["Universidade de %s"], "nld": ["Hogeschool %s"], "fra": ["Université de %s"],
                "pol": ["Uniwersytet Ekonomiczny, %s"], "ron": ["Universitatea din %s"]},
}
ISSUERS["marriage_certificate"] = ISSUERS["birth_certificate"]
ISSUERS["employment_letter"] = ISSUERS["payslip"]
POSITIONS = {"eng": ["machine operator", "quality inspector", "payroll clerk"],
             "ita": ["impiegato amministrativo", "operaio specializzato", "magazziniere"],
             "por": ["operador fabril", "técnica administrativa", "motorista"],
             "nld": ["monteur", "administratief medewerker", "projectleider"],
             "fra": ["menuisier", "assistante de gestion", "chauffeur-livreur"],
             "pol": ["operator maszyn", "księgowa"], "ron": ["operator depozit", "contabil"]}
DEGREES = {"eng": ["Bachelor of Laws", "Master of Science in Statistics"],
           "ita": ["Ingegneria Civile", "Lettere Moderne"], "por": ["Licenciatura em Enfermagem", "Mestrado em Direito"],
           "nld": ["Bachelor Verpleegkunde", "Bachelor Bedrijfskunde"], "fra": ["Master Droit des affaires",
                                                                                "Master Biologie"],
           "pol": ["Informatyka", "Ekonomia"], "ron": ["Drept", "Informatică"]}
WATERMARK = {"eng": ["COPY", "ORIGINAL"], "ita": ["COPIA", "ORIGINALE"], "por": ["CÓPIA", "ORIGINAL"],
             "nld": ["DUPLICAAT", "KOPIE"], "fra": ["COPIE", "DUPLICATA"]}
BODY = {  # the closing sentence of a certificate
    "eng": "This certificate is issued from the records held at this office and is valid without erasures.",
    "ita": "Si rilascia in carta libera per gli usi consentiti dalla legge. Il presente certificato non può "
           "essere prodotto agli organi della pubblica amministrazione.",
    "por": "Por ser verdade e me ter sido pedida, passo a presente certidão, que vai assinada e autenticada com "
           "o selo branco em uso nesta Conservatória.",
    "nld": "Dit uittreksel is kosteloos verstrekt en geldt uitsluitend voor het doel waarvoor het is aangevraagd.",
    "fra": "Le présent document est délivré pour servir et valoir ce que de droit. Toute rature le rend nul.",
}
MONO = ["/usr/share/fonts/opentype/urw-base35/NimbusMonoPS-Regular.otf",
        "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"]
MONO_B = ["/usr/share/fonts/opentype/urw-base35/NimbusMonoPS-Bold.otf"] + MONO
HAND = ["/usr/share/fonts/opentype/urw-base35/Z003-MediumItalic.otf"]
SANS = ["/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"]
SANS_B = ["/usr/share/fonts/opentype/urw-base35/NimbusSans-Bold.otf",
          "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"]
SERIF = ["/usr/share/fonts/opentype/urw-base35/NimbusRoman-Regular.otf",
         "/usr/share/fonts/opentype/urw-base35/P052-Roman.otf",
         "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"]
SERIF_B = ["/usr/share/fonts/opentype/urw-base35/NimbusRoman-Bold.otf",
           "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"]
SERIF_I = ["/usr/share/fonts/opentype/urw-base35/NimbusRoman-Italic.otf",
           "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf"]


def first_font(paths, fallback):
    return next((p for p in paths if os.path.exists(p)), fallback)


def choose(kind, r):
    """The page's mode and language, drawn in supportdocs.make before the
    applicant's address: ("orig", ita|por|nld|fra), ("trans", source
    language) or ("eng", None)."""
    x = r.random()
    if x < 0.4:
        return ("orig", r.choice(ORIGINAL))
    if x < 0.65:
        return ("trans", r.choice(TRANSLATED))
    return ("eng", None)


def address(r, spec, avoid=None):
    """An address of the page's country as the case's two lines, or None
    for an English page (the case keeps supportdocs' British address).
    With avoid: another address than avoid."""
    lang = spec[1]
    if lang is None:
        return None
    while True:
        street, town = r.choice(STREETS9[lang]), r.choice(TOWNS9[lang])
        n = r.randint(1, 180)
        if lang == "ita":
            lines = ["%s %d" % (street, n), "%05d %s" % (r.randint(10, 98) * 1000 + r.randint(0, 199), town.upper())]
        elif lang == "por":
            lines = ["%s, %d" % (street, n), "%04d-%03d %s" % (r.randint(1000, 9999), r.randint(0, 999), town.upper())]
        elif lang == "nld":
            lines = ["%s %d" % (street, n), "%04d %s%s %s" % (r.randint(1000, 9999), r.choice("BCDGHJKLMNPRSTVWXZ"),
                                                            r.choice("ABCDEGHJKLMNPRSTVWXZ"), town.upper())]
        elif lang == "fra":
            lines = ["%d %s" % (n, street), "%05d %s" % (r.randint(1000, 95999), town.upper())]
        elif lang == "pol":
            lines = ["%s %d" % (street, n), "%02d-%03d %s" % (r.randint(10, 99), r.randint(0, 999), town.upper())]
        else:
            lines = ["%s nr. %d" % (street, n), "%06d %s" % (r.randint(100000, 999999), town.upper())]
        if lines != avoid:
            return lines


def issuer(kind, r, spec):
    s = r.choice(ISSUERS[kind][spec[1] or "eng"])
    if "%s" in s:
        s %= r.choice(TOWNS9[spec[1]] if spec[1] else ["Wyvern", "Kestrel Bay", "Ashby"])
    return s


def ordinal(n):
    return "%d%s" % (n, "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def later_date(d, application):
    """A date after d and not after the application (a fax or a
    translation of the document); a few days after d when d is later."""
    if d >= application:
        return d + datetime.timedelta(days=(application.toordinal() * 7 + d.toordinal()) % 6)
    gap = (application - d).days
    return d + datetime.timedelta(days=min(gap, 1 + (d.toordinal() * 13) % 25) if gap < 400
                                  else gap - (d.toordinal() * 13) % 60)


class P9:
    """One heldout9 page: its choices and drawing helpers."""

    def __init__(self, sd, c, r, kind, spec):
        self.sd, self.c, self.r, self.kind = sd, c, r, kind
        self.mode, self.src = spec
        self.lang = self.src if self.mode == "orig" else "eng"
        self.gloss = self.mode == "orig" and r.random() < 0.5
        self.sans = first_font(SANS, c.body)
        self.sans_b = first_font(SANS_B, c.body)
        self.serif = first_font(SERIF, c.body)
        self.serif_b = first_font(SERIF_B, c.body)
        self.serif_i = first_font(SERIF_I, c.body)
        self.mono = first_font(MONO, c.body)
        self.mono_b = first_font(MONO_B, c.body)
        self.hand = first_font(HAND, self.serif_i)
        c.body = c.bold = r.choice([self.serif, self.sans])
        self.fill = r.choice(["typed", "typed", "hand"])
        styles = {"ita": ["long", "roman_slash"], "por": ["long", "roman_dots"], "nld": ["long", "dash"],
                  "fra": ["long", "slash"], "eng": ["of", "roman_dots", "ymd"]}[self.lang]
        self.dstyle = r.choice(styles)
        self.ink = r.randint(10, 45)
        self.caps_addr = r.random() < 0.5

    # -- values ----------------------------------------------------------
    def date(self, d, style=None):
        st, lang = style or self.dstyle, self.lang
        if st == "roman_slash":
            return "%d/%s/%d" % (d.day, ROMAN[d.month - 1], d.year)
        if st == "roman_dots":
            return "%02d.%s.%d" % (d.day, ROMAN[d.month - 1], d.year)
        if st == "dash":
            return "%d-%d-%d" % (d.day, d.month, d.year)
        if st == "slash":
            return d.strftime("%d/%m/%Y")
        if st == "ymd":
            return d.strftime("%Y.%m.%d")
        m = MONTHS[lang][d.month - 1]
        if lang == "eng":
            return "%s of %s, %d" % (ordinal(d.day), m, d.year)
        if lang == "por":
            return "%d de %s de %d" % (d.day, m, d.year)
        if lang == "fra":
            return self.sd.h3_date(d, "fra", "long")
        return "%d %s %d" % (d.day, m, d.year)

    def female(self, p):
        return p["given_names"] in FEMALE

    def name(self, p, style=None):
        """The full name as the page's language writes it."""
        g, s = p["given_names"], p["surname"]
        style = style or {"ita": "surname_first", "fra": "civ_fra", "por": "civ_por", "nld": "mixed",
                          "eng": "caps_title"}[self.lang]
        if style == "surname_first":
            return "%s %s" % (s.upper(), g)
        if style == "civ_fra":
            return "%s %s %s" % ("Mme" if self.female(p) else "M.", s.upper(), g)
        if style == "civ_por":
            return "%s %s %s" % ("Sra." if self.female(p) else "Sr.", g, s)
        if style == "civ_ita":
            return "%s %s %s" % ("Sig.ra" if self.female(p) else "Sig.", g, s)
        if style == "caps_title":
            return ("MS %s %s" if self.female(p) else "MR %s %s") % (g.upper(), s.upper())
        return "%s %s" % (g, s)

    def salutation(self, p):
        """Initials only (the full name stands in the reference block)."""
        ini = "".join(w[0] + "." for w in p["given_names"].split())
        return {"nld": "Geachte %s %s %s," % ("mevrouw" if self.female(p) else "heer", ini, p["surname"]),
                "ita": "Gentile %s %s %s," % ("Sig.ra" if self.female(p) else "Sig.", ini, p["surname"]),
                "por": "Ex.%s Sr%s. %s %s," % ("ma" if self.female(p) else "mo", "a" if self.female(p) else "",
                                              ini, p["surname"]),
                "fra": "%s %s %s," % ("Madame" if self.female(p) else "Monsieur", ini, p["surname"].upper()),
                "eng": "Dear %s %s %s," % ("Ms" if self.female(p) else "Mr", ini, p["surname"])}[self.lang]

    def addr_line(self, addr):
        """The case's two lines on one line as the page's country writes it:
        the town in its own case in Italy, Portugal and the Netherlands, in
        capitals in France and on British pages; all in capitals with a
        dash on some Italian pages."""
        street, rest = addr
        if self.lang == "ita" and self.caps_addr:
            return ("%s - %s" % (street, rest)).upper()
        if self.lang in ("ita", "por", "nld"):
            words = rest.split()
            k = 2 if self.lang == "nld" else 1
            rest = " ".join(words[:k] + [w.title() for w in words[k:]])
        return "%s, %s" % (street, rest)

    def money(self, v):
        s = "{:,.2f}".format(v)
        if self.mode == "eng":
            return "£" + s
        if self.mode == "trans":
            return "%s %s" % ({"pol": "PLN", "ron": "RON"}.get(self.src, "EUR"), s)
        s = s.replace(",", " ").replace(".", ",").replace(" ", "." if self.lang != "fra" else " ")
        return ("€ " + s) if self.lang in ("ita", "nld") else (s + " €")

    def cap(self, key):
        """The caption in the page's language; an original with a gloss adds
        the English in brackets."""
        s = CAP[key][COL[self.lang]]
        if self.gloss:
            s += " (%s)" % CAP[key][0].lower()
        return s

    # -- drawing ---------------------------------------------------------
    def tw(self, s, pt, path=None):
        return self.c.font(pt, path).getlength(s)

    def watermark(self, words):
        """A large faint word or the issuer's name diagonally behind the text."""
        c, r = self.c, self.r
        pt = 90 if len(words) < 12 else 46
        f = c.font(pt, self.sans_b)
        tw = int(f.getlength(words)) + 20
        layer = Image.new("L", (tw, int(c.px(pt) * 1.4)), 0)
        ImageDraw.Draw(layer).text((10, 0), words, font=f, fill=255)
        layer = layer.rotate(r.uniform(28, 42), resample=Image.BILINEAR, expand=True)
        x = max(0, (c.w - layer.size[0]) // 2)
        y = max(0, int(c.h * r.uniform(0.3, 0.45)) - layer.size[1] // 2)
        layer = layer.crop((0, 0, min(layer.size[0], c.w - x), min(layer.size[1], c.h - y)))
        box = (x, y, x + layer.size[0], y + layer.size[1])
        dim = r.randint(14, 24)
        light = c.img.crop(box).point(lambda v: max(0, v - dim))
        c.img.paste(light, box[:2], layer)
        c.d = ImageDraw.Draw(c.img)

    def letterhead(self, iss, sub):
        """A logo block (a square of initials or a shield) left of the
        issuer's name, a thin rule under it."""
        c, r = self.c, self.r
        s = int(0.65 * c.dpi)
        x, y = c.margin, c.y
        ini = "".join(w[0] for w in iss.replace("-", " ").split() if w[0].isupper())[:2]
        if r.random() < 0.5:
            c.d.rectangle([x, y, x + s, y + s], outline=self.ink, width=max(2, c.dpi // 50))
            c.d.text((x + s // 2, y + s // 2), ini, font=c.font(20, self.serif_b), fill=self.ink, anchor="mm")
        else:
            pts = [(x, y), (x + s, y), (x + s, int(y + 0.6 * s)), (x + s // 2, y + s), (x, int(y + 0.6 * s))]
            c.d.polygon(pts, fill=r.randint(60, 110))
            c.d.text((x + s // 2, y + int(0.42 * s)), ini, font=c.font(16, self.serif_b), fill=240, anchor="mm")
        tx = x + s + int(0.18 * c.dpi)
        pt = 15
        while self.tw(iss, pt, self.serif_b) > c.w - c.margin - tx and pt > 9:
            pt -= 1
        c.text(tx, y + int(0.02 * c.dpi), iss, pt, ("issuer", iss), self.serif_b)
        c.text(tx, y + int(c.px(pt) * 1.5), sub, 8, None, self.sans)
        c.y = y + s + int(0.1 * c.dpi)
        c.d.line([c.margin, c.y, c.w - c.margin, c.y], fill=80, width=max(1, c.dpi // 150))
        c.y += int(0.3 * c.dpi)

    def centred(self, s, pt, path=None, field=None, gap=1.6):
        c = self.c
        while self.tw(s, pt, path) > c.w - 2 * c.margin and pt > 8:
            pt -= 1
        c.text(int((c.w - self.tw(s, pt, path)) / 2), c.y, s, pt, field, path)
        c.y += int(c.px(pt) * gap)

    def flow(self, parts, pt=11, x0=None, x1=None, path=None, gap=1.5):
        """Running prose: parts are (text, field); a field's value is never
        broken across lines and gets its own box."""
        c = self.c
        x0 = c.margin if x0 is None else x0
        x1 = c.w - c.margin if x1 is None else x1
        toks = []
        for s, fld in parts:
            if fld:
                toks.append((s, fld))
            else:
                toks += [(w, None) for w in s.split()]
        space = self.tw(" ", pt, path)
        x = x0
        for s, fld in toks:
            glue = not (s[0] in ",.;:)" and x > x0)
            w = self.tw(s, pt, path)
            if x > x0 and x + (space if glue else 0) + w > x1:
                x = x0
                c.y += int(c.px(pt) * gap)
            elif x > x0 and glue:
                x += space
            c.text(int(x), c.y, s, pt, (fld, s) if fld else None, path)
            x += w
        c.y += int(c.px(pt) * (gap + 0.6))

    def value(self, x, y, s, fld, pt=None):
        """A value typed in the typewriter face or written by hand, a little
        off the line; its field box covers the whole value."""
        c, r = self.c, self.r
        if self.fill == "typed":
            pt = pt or 11
            box = c.text(x + r.randint(-2, 6), y + r.randint(-3, 3), s, pt, None, self.mono)
        else:
            pt = (pt or 11) + 3
            boxes, cx = [], x + r.randint(0, 8)
            for w in s.split():
                boxes.append(c.text(int(cx), y + r.randint(-4, 3) - int(c.px(pt) * 0.15), w, pt, None, self.hand))
                cx += self.tw(w + " ", pt, self.hand) * r.uniform(0.98, 1.08)
            x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
            x1, y1 = max(b[0] + b[2] for b in boxes), max(b[1] + b[3] for b in boxes)
            box = [x0, y0, x1 - x0, y1 - y0]
        if fld:
            c.fields.append({"name": fld, "value": s, "bbox": box})

    def dotted(self, rows, col=None):
        """A pre-printed form: caption, a dotted line to the margin, the value
        typed or written on it. rows: (key or caption, value, field)."""
        c = self.c
        col = col or int(2.5 * c.dpi)
        cpt = 9
        for key, val, fld in rows:
            capt = self.cap(key) if key in CAP else key
            cw = self.tw(capt, cpt, self.sans)
            y = c.y
            c.text(c.margin, y, capt, cpt, None, self.sans)
            base = y + int(c.px(cpt) * 1.05)
            x0 = c.margin + int(cw) + int(0.06 * c.dpi)
            if x0 > c.margin + col - int(0.1 * c.dpi):  # a long caption: the line below
                c.y += int(c.px(cpt) * 1.6)
                y, base, x0 = c.y, c.y + int(c.px(cpt) * 1.05), c.margin + int(0.3 * c.dpi)
            step = max(3, c.dpi // 40)
            for x in range(x0, c.w - c.margin, step):
                c.d.rectangle([x, base, x + max(1, c.dpi // 150), base + max(1, c.dpi // 150)], fill=90)
            vpt = 11
            self.value(c.margin + col, base - int(c.px(vpt) * 1.05), val, fld, vpt)
            c.y = base + int(c.px(cpt) * 1.5)
        c.y += int(0.15 * c.dpi)

    def colon_rows(self, rows, col=None, pt=10):
        """A translation's particulars: the English caption, the original's
        caption in brackets under it, the value beside."""
        c = self.c
        col = col or int(2.6 * c.dpi)
        for key, val, fld in rows:
            capt = CAP[key][0] if key in CAP else key
            c.text(c.margin, c.y, capt + ":", pt, None, self.serif)
            lines = val if isinstance(val, list) else [val]
            y = c.y
            for k, s in enumerate(lines):
                c.text(c.margin + col, y, s, pt, (fld, s) if fld and k == 0 else None, self.serif_b)
                y += int(c.px(pt) * 1.35)
            c.y = max(y, c.y + int(c.px(pt) * 1.35)) + int(c.px(pt) * 0.35)
        c.y += int(0.12 * c.dpi)

    def place_date(self, town, d, fld, x=None):
        """"Town, date" at the foot: the date of issue."""
        c = self.c
        lead = {"fra": "Fait à %s, le ", "por": "%s, ", "ita": "%s, lì ", "nld": "%s, ", "eng": "Given at %s on "}
        s = lead[self.lang] % town
        x = c.margin if x is None else x
        c.text(x, c.y, s, 11, None, self.serif)
        c.text(x + int(self.tw(s, 11, self.serif)), c.y, self.date(d), 11, (fld, self.date(d)), self.serif)
        c.y += int(c.px(11) * 2.0)

    signature = supportdocs8.P8.signature  # a pen stroke (uses self.c and self.r only)

    def spaced(self, head, rows, widths, pt=9, right=(), x0=None):
        """A line printer's table: no rules, columns aligned by spaces in the
        monospaced face; right-aligned columns padded on the left."""
        c = self.c
        x0 = c.margin if x0 is None else x0
        for i, row in enumerate([head, ["-" * w for w in widths]] + rows):
            cells = []
            for k, (s, w) in enumerate(zip(row, widths)):
                s = s[:w]
                cells.append(s.rjust(w) if k in right else s.ljust(w))
            c.text(x0, c.y, "  ".join(cells).rstrip(), pt, None, self.mono_b if i == 0 else self.mono)
            c.y += int(c.px(pt) * 1.3)
            if c.y > c.h - c.margin - int(1.0 * c.dpi):
                break
        c.y += int(c.px(pt) * 0.8)

    def window(self, nm, addr, x=None):
        """The addressee in a window envelope's place; name and address fields."""
        c = self.c
        x = c.margin + int(0.1 * c.dpi) if x is None else x
        for k, (s, fld) in enumerate([(nm, "name"), (addr[0], "address"), (addr[1], None)]):
            c.text(x, c.y, s, 10, (fld, s) if fld else None, self.mono if self.fill == "typed" else self.sans)
            c.y += int(c.px(10) * 1.35)
        c.y += int(0.25 * c.dpi)

    def stamp_box(self, lines, x, y):
        """A rectangular rubber stamp (the translator's), translucent ink."""
        c, r = self.c, self.r
        f1, f2 = c.font(9, self.sans_b), c.font(7, self.sans)
        w = int(max(f1.getlength(lines[0]), max(f2.getlength(s) for s in lines[1:])) + 0.3 * c.dpi)
        h = int(c.px(9) * 1.6 + c.px(7) * 1.4 * (len(lines) - 1) + 0.2 * c.dpi)
        layer = Image.new("L", (w, h), 0)
        d = ImageDraw.Draw(layer)
        lw = max(2, c.dpi // 70)
        d.rounded_rectangle([lw, lw, w - lw, h - lw], radius=int(0.06 * c.dpi), outline=255, width=lw)
        d.text((w // 2, int(0.1 * c.dpi + c.px(9) * 0.6)), lines[0], font=f1, fill=255, anchor="mm")
        for k, s in enumerate(lines[1:]):
            d.text((w // 2, int(0.1 * c.dpi + c.px(9) * 1.5 + c.px(7) * 1.4 * (k + 0.5))), s, font=f2, fill=255,
                   anchor="mm")
        layer = layer.rotate(r.uniform(-6, 6), resample=Image.BILINEAR, expand=True)
        x = max(0, min(c.w - layer.size[0] - 1, x))
        y = max(0, min(c.h - layer.size[1] - 1, y))
        alpha = r.uniform(0.65, 0.9)
        layer = layer.point(lambda v: int(v * alpha))
        box = (x, y, x + layer.size[0], y + layer.size[1])
        c.img.paste(c.img.crop(box).point(lambda v: max(0, v - 160)), box[:2], layer)
        c.d = ImageDraw.Draw(c.img)

    def columns(self, paras, pt=8):
        """Clauses in two columns of small print, the lines shared evenly
        between them (as far as the page allows)."""
        c = self.c
        gap = int(0.3 * c.dpi)
        half = (c.w - 2 * c.margin - gap) // 2
        lines = []
        for p in paras:
            cur = ""
            for w in p.split():
                t = (cur + " " + w).strip()
                if self.tw(t, pt) > half and cur:
                    lines.append(cur)
                    cur = w
                else:
                    cur = t
            lines += [cur, None]  # None: the space between two clauses
        step = int(c.px(pt) * 1.35)
        room = max(4, (c.h - c.margin - int(2.2 * c.dpi) - c.y) // step)
        n = min((len(lines) + 1) // 2, room)
        y0, y1 = c.y, c.y
        for col, part in enumerate((lines[:n], lines[n:2 * n])):
            y = y0
            for s in part:
                if s:
                    c.text(c.margin + col * (half + gap), y, s, pt)
                y += step if s else step // 2
            y1 = max(y1, y)
        c.y = y1 + step

    # -- capture ---------------------------------------------------------
    def fax_line(self, sent, sender, pages):
        c, r = self.c, self.r
        s = "%s %02d:%02d   %s   +%d %d %07d   #%04d  P.%02d/%02d" % (
            sent.strftime("%b-%d-%Y").upper(), r.randint(7, 19), r.randint(0, 59), sender.upper()[:28],
            DIAL[self.src or "eng"], r.randint(10, 99), r.randint(0, 9999999), r.randint(0, 9999),
            r.randint(1, pages), pages)
        c.text(int(0.25 * c.dpi), int(0.12 * c.dpi), s, 8, None, self.mono)

    def fax(self):
        """A fax in standard mode: black and white, half the vertical
        resolution, a few dropped lines."""
        c, r = self.c, self.r
        w, h = c.img.size
        bw = c.img.point(lambda v: 255 if v > 150 else 0)
        bw = bw.resize((w, h // 2), Image.BILINEAR).point(lambda v: 255 if v > 128 else 0)
        a = np.asarray(bw.resize((w, h), Image.NEAREST), np.float32)
        for _ in range(r.randint(1, 5)):
            y = r.randint(0, h - 3)
            a[y:y + 2] = 255 if r.random() < 0.5 else a[y:y + 2] * 0.3
        c.img = Image.fromarray(np.clip(a * 0.93 + 12, 0, 255).astype(np.uint8), "L")
        c.d = ImageDraw.Draw(c.img)

    def photocopy(self):
        """A photocopy: hard blacks and white paper (binarised), toner
        speckle, the page a little smaller on the copier glass with the
        lid's dark border round it; field boxes follow."""
        c, r = self.c, self.r
        w, h = c.img.size
        rng = np.random.default_rng(r.randint(0, 2 ** 31))
        a = np.asarray(c.img, np.float32)
        a = np.where(a > r.uniform(130, 170), 250.0, a * 0.35)
        spk = rng.random(a.shape) < r.uniform(0.0005, 0.002)
        a[spk] = rng.uniform(0, 80, int(spk.sum()))
        page = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")
        s = r.uniform(0.9, 0.96)
        pw, ph = int(w * s), int(h * s)
        page = page.resize((pw, ph), Image.BILINEAR)
        ox, oy = r.randint(0, w - pw), r.randint(0, h - ph)
        frame = np.full((h, w), r.uniform(25, 70), np.float32)
        frame += rng.normal(0, 6, frame.shape)
        out = Image.fromarray(np.clip(frame, 0, 255).astype(np.uint8), "L")
        out.paste(page, (ox, oy))
        c.img = out.filter(ImageFilter.GaussianBlur(0.4)) if r.random() < 0.5 else out
        c.d = ImageDraw.Draw(c.img)
        for f in c.fields:
            x, y, bw, bh = f["bbox"]
            f["bbox"] = [int(ox + x * s), int(oy + y * s), max(1, int(bw * s)), max(1, int(bh * s))]

    def receipt(self, when):
        """A small payment receipt stapled over a corner of the page, placed
        where it covers no field."""
        c, r = self.c, self.r
        w, h = int(r.uniform(1.9, 2.4) * c.dpi), int(r.uniform(2.3, 3.0) * c.dpi)
        lines = {"ita": ["RICEVUTA", "Diritti di segreteria", "EUR 0,52", "Marca da bollo EUR 16,00"],
                 "por": ["RECIBO", "Emolumentos", "EUR 20,00", "Pago em numerário"],
                 "nld": ["KWITANTIE", "Leges", "EUR 17,40", "Pin betaling"],
                 "fra": ["REÇU", "Droits de timbre", "EUR 12,50", "Payé par carte"],
                 "eng": ["RECEIPT", "Certificate fee", "GBP 11.00", "Paid by card"]}[self.lang]
        img = Image.new("L", (w, h), r.randint(235, 250))
        d = ImageDraw.Draw(img)
        y = int(0.25 * c.dpi)
        thanks = {"ita": "GRAZIE", "por": "OBRIGADO", "nld": "BEDANKT", "fra": "MERCI", "eng": "THANK YOU"}[self.lang]
        for k, s in enumerate(lines + ["%04d/%d" % (r.randint(1, 9999), when.year), "*" * 14, thanks]):
            f = c.font(10 if k == 0 else 8, self.mono_b if k == 0 else self.mono)
            d.text((w // 2, y), s, font=f, fill=r.randint(40, 90), anchor="mt")
            y += int(c.px(10) * 1.5)
        img = img.rotate(r.uniform(-8, 8), resample=Image.BILINEAR, expand=True, fillcolor=0)
        mask = img.point(lambda v: 255 if v > 0 else 0)
        boxes = [f["bbox"] for f in c.fields]
        spots = [(c.w - img.size[0] - int(0.3 * c.dpi), c.h - img.size[1] - int(0.4 * c.dpi)),
                 (int(0.3 * c.dpi), c.h - img.size[1] - int(0.4 * c.dpi)),
                 (c.w - img.size[0] - int(0.2 * c.dpi), int(0.2 * c.dpi)),
                 (c.w - img.size[0] - int(0.3 * c.dpi), c.h // 2)]
        r.shuffle(spots)
        pad = int(0.05 * c.dpi)
        for x, y in spots:
            x1, y1 = x + img.size[0], y + img.size[1]
            if all(bx + bw < x - pad or bx > x1 + pad or by + bh < y - pad or by > y1 + pad
                   for bx, by, bw, bh in boxes):
                shadow = c.img.crop((x + 6, y + 6, x1 + 6, y1 + 6)).point(lambda v: int(v * 0.75))
                c.img.paste(shadow, (x + 6, y + 6), mask)
                c.img.paste(img, (x, y), mask)
                c.d = ImageDraw.Draw(c.img)
                sx, sy = x + img.size[0] // 2, y + int(0.12 * c.dpi)  # the staple
                c.d.line([sx - int(0.25 * c.dpi), sy, sx + int(0.25 * c.dpi), sy], fill=70, width=max(3, c.dpi // 45))
                c.d.line([sx - int(0.25 * c.dpi), sy + 3, sx + int(0.25 * c.dpi), sy + 3], fill=200,
                         width=max(1, c.dpi // 150))
                return True
        return False


DIAL = {"eng": 44, "ita": 39, "por": 351, "nld": 31, "fra": 33, "pol": 48, "ron": 40}
LANDLORDS = {"eng": ["Mr A. Pemberton", "Mrs J. Okoro"], "ita": ["Rossi Immobili S.r.l.", "Sig. Paolo Ferri"],
             "por": ["Sr. Joaquim Pires", "Sra. Maria do Céu Lopes"], "nld": ["dhr. K. de Vries", "mevr. A. Jansen"],
             "fra": ["Mme Hélène Garnier", "SCI du Parc"], "pol": ["Pan Marek Zieliński"],
             "ron": ["Dl. Andrei Popescu"]}
MORE_CLAUSES = {
    "ita": ["Art. %d - Il conduttore dichiara di aver visitato l'immobile e di averlo trovato in buono stato "
            "locativo, idoneo all'uso convenuto, e si obbliga a riconsegnarlo nello stesso stato.",
            "Art. %d - Per quanto non previsto dal presente contratto le parti rinviano alle disposizioni del "
            "codice civile e alle leggi vigenti in materia di locazione."],
    "por": ["Cláusula %d.ª - O arrendatário declara ter visitado o locado e tê-lo encontrado em bom estado de "
            "conservação, obrigando-se a restituí-lo no mesmo estado no termo do contrato.",
            "Cláusula %d.ª - Em tudo o que não estiver previsto no presente contrato aplica-se o disposto no "
            "Código Civil e demais legislação aplicável."],
    "nld": ["Artikel %d - Huurder verklaart de woonruimte te hebben bezichtigd en in goede staat te hebben "
            "aanvaard, en zal deze bij het einde van de huur in dezelfde staat opleveren.",
            "Artikel %d - Op deze overeenkomst zijn de algemene bepalingen huurovereenkomst woonruimte van "
            "toepassing, waarvan huurder een exemplaar heeft ontvangen."],
    "fra": ["Article %d - Le locataire reconnaît avoir visité les lieux et les accepter dans l'état décrit par "
            "l'état des lieux d'entrée annexé au présent contrat.",
            "Article %d - Le présent contrat est soumis aux dispositions de la loi du 6 juillet 1989 tendant à "
            "améliorer les rapports locatifs."],
    "eng": ["Clause %d. The Tenant has inspected the Property and accepts it in the condition recorded in the "
            "inventory signed by both parties at the start of the tenancy.",
            "Clause %d. Any notice under this agreement shall be in writing and served at the address given "
            "above or at such other address as a party may notify."],
}
HEAD = {"ita": "REPUBBLICA ITALIANA", "por": "REPÚBLICA PORTUGUESA", "nld": "KONINKRIJK DER NEDERLANDEN",
        "fra": "RÉPUBLIQUE FRANÇAISE", "eng": None}
RESULT = {"ita": "NULLA", "por": "NADA CONSTA", "nld": "GEEN BEZWAAR", "fra": "NÉANT", "eng": "NO TRACE"}


def prose(P, kind, nm, born, place, extra):
    """The parts of a certificate's or a letter's sentence in the page's
    language: (text, field) with the name and the birth date (and the
    address) as fields."""
    lang = P.lang
    f = "a" if P.female(P.page["person"]) else "o"
    if kind == "police_certificate":
        return {
            "ita": [("Visti gli atti d'ufficio, si certifica che nel casellario giudiziale a nome di", None),
                    (nm, "name"), (", nat%s a %s il" % (f, place), None), (born, "birth_date"),
                    (", risulta: %s." % RESULT[lang], None)],
            "por": [("Certifica-se que, relativamente a", None), (nm, "name"), (", nascid%s em" % f, None),
                    (born, "birth_date"), (", natural de %s, %s do registo criminal." % (place, RESULT[lang].lower()),
                                           None)],
            "nld": [("De Minister van Justitie en Veiligheid verklaart dat uit het onderzoek naar het gedrag van",
                     None), (nm, "name"), (", geboren op", None), (born, "birth_date"),
                    ("te %s, %s zijn gebleken." % (place, "geen bezwaren"), None)],
            "fra": [("Relevé des condamnations applicables à", None), (nm, "name"),
                    (", né%s le" % ("e" if f == "a" else ""), None), (born, "birth_date"),
                    ("à %s. Bulletin n° 3 : %s." % (place, RESULT[lang]), None)],
            "eng": [("We certify that a search of the national police records in respect of", None), (nm, "name"),
                    (", born", None), (born, "birth_date"), ("at %s, has disclosed no convictions, cautions or "
                                                             "warnings (%s)." % (place, RESULT[lang]), None)],
        }[lang]
    addr, since, pos, iss = extra
    return {
        "ita": [("Si attesta che", None), (nm, "name"), (", nat%s il" % f, None), (born, "birth_date"),
                ("e residente in", None), (addr, "address"), (", è dipendente di %s dal %s con la qualifica di %s, "
                                                             "con contratto a tempo indeterminato e orario pieno."
                                                             % (iss, since, pos), None)],
        "por": [("Declara-se, para os devidos efeitos, que", None), (nm, "name"), (", nascid%s em" % f, None),
                (born, "birth_date"), (", residente em", None), (addr, "address"),
                (", é trabalhador%s da %s desde %s, com a categoria profissional de %s, por tempo indeterminado."
                 % ("a" if f == "a" else "", iss, since, pos), None)],
        "nld": [("Hierbij verklaart %s dat" % iss, None), (nm, "name"), (", geboren op", None), (born, "birth_date"),
                (", wonende te", None), (addr, "address"), (", sinds %s bij ons in dienst is in de functie van %s. "
                                                           "Het dienstverband is voor onbepaalde tijd." % (since, pos),
                                                           None)],
        "fra": [("Je soussigné, directeur de %s, certifie que" % iss, None), (nm, "name"),
                (", né%s le" % ("e" if f == "a" else ""), None), (born, "birth_date"), (", demeurant", None),
                (addr, "address"), (", est employé%s dans notre entreprise depuis le %s en qualité de %s, "
                                    "en contrat à durée indéterminée." % ("e" if f == "a" else "", since, pos), None)],
        "eng": [("This is to confirm that", None), (nm, "name"), (", born", None), (born, "birth_date"),
                (", of", None), (addr, "address"), (", has been employed by %s since %s as a %s on a permanent, "
                                                   "full-time contract." % (iss, since, pos), None)],
    }[lang]


def draw9(sd, kind, c, r, truth, spec):
    """Draws a heldout9 page on c; returns its language for ocr_langs (None
    for a page in English)."""
    pg = truth["page"]
    P = P9(sd, c, r, kind, spec)
    P.page = pg
    who, iss, num = pg["person"], pg["issuer"], pg["number"]
    app = pg["application"]
    lang, src, trans = P.lang, P.src, P.mode == "trans"
    town = r.choice(TOWNS9[src]) if src else r.choice(["Wyvern", "Kestrel Bay", "Ashby", "Thornbury"])
    place = r.choice(TOWNS9[src] if src else sd.PLACES)
    dt = P.date
    nm = P.name(who, "surname_first" if trans else "civ_ita" if kind == "employment_letter" and lang == "ita"
                else None)
    addr = pg["address"]
    aline = P.addr_line(addr)
    if kind == "bank_statement" and r.random() < 0.4:  # a landscape statement
        c.w, c.h = c.h, c.w
        c.img = Image.new("L", (c.w, c.h), c.img.getpixel((0, 0)))
        c.d = ImageDraw.Draw(c.img)
        c.page_pt = [841.9, 595.3]
        c.margin = int(0.6 * c.dpi)
        c.y = c.margin
    statement = kind in ("bank_statement", "payslip", "utility_bill")
    if not trans and (kind in ("employment_letter", "utility_bill") or r.random() < 0.25):
        P.watermark(r.choice(WATERMARK[lang] + [iss.split(" - ")[0].upper()]))
    fax = not trans and r.random() < 0.13
    if fax:
        c.y += int(0.15 * c.dpi)
    # The head: a translator's header, or the state's / issuer's.
    tr_date = later_date(pg["issue"], app)
    if trans:
        s = r.choice(["CERTIFIED TRANSLATION FROM %s" % LANG_NAME[src].upper(),
                      "Translation from the %s original" % LANG_NAME[src]])
        P.centred(s, 12, P.sans_b, None, 1.5)
        P.centred("[Translator's note: the original bears the %s]" % r.choice(
            ["coat of arms of the issuing state", "issuer's logo", "stamp of the issuing office"]), 9, P.serif_i,
            None, 1.8)
        c.text(c.margin, c.y, "Issuing authority:", 10, None, P.serif)
        c.text(c.margin + int(P.tw("Issuing authority: ", 10, P.serif)), c.y, iss, 10, ("issuer", iss), P.serif_b)
        c.y += int(c.px(10) * 1.9)
        P.centred(TR_TITLE[kind].upper(), 15, P.serif_b, None, 1.3)
        P.centred('(original title: "%s")' % TITLES[kind][TR_INDEX[src]], 9, P.serif_i, None, 2.2)
    elif statement or kind in ("employment_letter", "tenancy_agreement"):
        sub = "%s  ·  Tel. %s" % (P.addr_line(address(r, ("orig", src)) if src else
                                             ["%d %s" % (r.randint(1, 90), r.choice(sd.STREETS)),
                                              r.choice(sd.TOWNS) + " " + "WY%d 4%s" % (r.randint(1, 9),
                                                                                     r.choice(["AB", "QT", "LN"]))]),
                                 "+%d %d %07d" % (DIAL[src or "eng"], r.randint(10, 99), r.randint(0, 9999999)))
        P.letterhead(iss, sub)
    else:
        if HEAD[lang]:
            P.centred(HEAD[lang], 11, P.serif_b, None, 1.4)
        P.centred(iss, 12, P.serif, ("issuer", iss), 1.8)
    if not trans:
        title = TITLES[kind][0 if lang == "eng" else TR_INDEX[lang]]
        if kind not in ("diploma",):
            P.centred(title.upper() if kind not in statement_kinds() else title, 15, P.serif_b, None, 1.4)
            if P.gloss:
                P.centred("(%s)" % TR_TITLE[kind], 9, P.serif_i, None, 1.6)
            c.y += int(0.2 * c.dpi)
    issue_key = "stmt" if kind == "bank_statement" else "paid_on" if kind == "payslip" else \
        "bill_date" if kind == "utility_bill" else "issued"
    issue_fld = "statement_date" if statement else "issue_date"
    # -- the body ------------------------------------------------------
    if kind in ("birth_certificate", "marriage_certificate"):
        if kind == "birth_certificate":
            rows = [("surname", who["surname"].upper(), "surname"), ("given", who["given_names"], "given_names"),
                    ("born", dt(pg["birth_date"]), "birth_date"), ("born_at", place, None),
                    ("father", P.name(pg["father"], "mixed"), "other_name"),
                    ("mother", P.name(pg["mother"], "mixed"), "other_name"), ("entry", num, "reference")]
        else:
            pair = (who, pg["spouse"]) if pg["applicant_first"] else (pg["spouse"], who)
            rows = [("spouse1", P.name(pair[0], "surname_first"), "name" if pair[0] is who else "other_name"),
                    ("spouse2", P.name(pair[1], "surname_first"), "name" if pair[1] is who else "other_name"),
                    ("married", dt(pg["married"]), None), ("married_at", place, None), ("entry", num, "reference")]
        if trans:
            P.colon_rows(rows + [(issue_key, dt(pg["issue"]), issue_fld)])
        else:
            P.dotted(rows)
            P.flow([(BODY[lang], None)], 9, path=P.serif)
            P.place_date(town, pg["issue"], issue_fld)
    elif kind == "police_certificate":
        if trans:
            P.colon_rows([("full", nm, "name"), ("born", dt(pg["birth_date"]), "birth_date"),
                          ("born_at", place, None), ("cert_no", num, "reference"), ("Result", RESULT["eng"], None),
                          (issue_key, dt(pg["issue"]), issue_fld)])
        else:
            P.dotted([("cert_no", num, "reference")])
            P.flow(prose(P, kind, nm, dt(pg["birth_date"]), place, None), 11, path=P.serif)
            P.place_date(town, pg["issue"], issue_fld)
    elif kind == "diploma":
        c.y += int(0.3 * c.dpi)
        words = {"ita": ("DIPLOMA DI LAUREA", "Il Rettore, visti gli atti, conferisce a", "la Laurea in"),
                 "por": ("CARTA DE CURSO", "Certifica-se que", "concluiu o curso de"),
                 "nld": ("GETUIGSCHRIFT", "De examencommissie verklaart dat",
                         "met goed gevolg het examen heeft afgelegd van de opleiding"),
                 "fra": ("DIPLÔME DE MASTER", "Le diplôme est conféré à", "mention"),
                 "eng": ("TESTAMUR" if not trans else "DIPLOMA", "This is to certify that",
                         "was admitted to the degree of")}[lang]
        P.centred(words[0], 26, P.serif_b, None, 2.0)
        P.centred(words[1], 13, P.serif_i, None, 1.8)
        P.centred(nm, 22, P.serif_b, ("name", nm), 1.8)
        lead = {"ita": "nat%s a %s il " % ("a" if P.female(who) else "o", place), "por": "natural de %s, nascid%s em "
                % (place, "a" if P.female(who) else "o"), "nld": "geboren te %s op " % place,
                "fra": "né%s à %s le " % ("e" if P.female(who) else "", place), "eng": "born at %s on " % place}[lang]
        b = dt(pg["birth_date"])
        x = int((c.w - P.tw(lead + b, 12, P.serif_i)) / 2)
        c.text(x, c.y, lead, 12, None, P.serif_i)
        c.text(x + int(P.tw(lead, 12, P.serif_i)), c.y, b, 12, ("birth_date", b), P.serif_i)
        c.y += int(c.px(12) * 1.9)
        P.centred(words[2], 13, P.serif_i, None, 1.6)
        src_l = src or "eng"
        P.centred(r.choice(DEGREES[src_l]), 17, P.serif_b, None, 2.6)
        P.place_date(town, pg["issue"], issue_fld, x=int(c.w / 2 - 1.6 * c.dpi))
        P.centred("N. %s" % num, 9, P.sans, ("reference", num), 2.4)
        for k in range(2):
            P.signature(c.margin + int(0.3 * c.dpi) + k * int((c.w - 2 * c.margin) * 0.55), c.y)
        c.y += int(0.6 * c.dpi)
    elif kind == "employment_letter":
        since = dt(pg["issue"] - datetime.timedelta(days=r.randint(300, 5000)))
        pos = r.choice(POSITIONS[src or "eng"])
        x = c.w - c.margin - int(2.6 * c.dpi)
        y0 = c.y
        ref = {"ita": "Rif.", "por": "Ref.ª", "nld": "Ons kenmerk", "fra": "Réf.", "eng": "Our ref."}[lang]
        c.text(x, c.y, "%s %s/%d" % (ref, num[-4:], pg["issue"].year), 9, None, P.sans)
        c.y += int(c.px(9) * 1.5)
        c.text(x, c.y, CAP["emp_no"][COL[lang]] + ": " + num, 9, None, P.sans)
        c.y = y0 + int(0.6 * c.dpi)
        subj = {"ita": "Oggetto: dichiarazione di servizio -", "por": "Assunto: declaração de trabalho -",
                "nld": "Betreft: werkgeversverklaring -", "fra": "Objet : certificat de travail -",
                "eng": "Re: confirmation of employment -"}[lang] + " "
        c.text(c.margin, c.y, subj, 11, None, P.serif_b)
        c.text(c.margin + int(P.tw(subj, 11, P.serif_b)), c.y, nm, 11, ("name", nm), P.serif_b)
        c.y += int(c.px(11) * 2.2)
        if not trans:
            c.text(c.margin, c.y, P.salutation(who), 11, None, P.serif)
            c.y += int(c.px(11) * 2.0)
        P.flow(prose(P, kind, nm, dt(pg["birth_date"]), place, (aline, since, pos, iss)), 11, path=P.serif)
        P.flow([({"ita": "Si rilascia su richiesta dell'interessato per gli usi consentiti.",
                  "por": "Por ser verdade, e a pedido do interessado, se passa a presente declaração.",
                  "nld": "Deze verklaring is afgegeven op verzoek van de werknemer.",
                  "fra": "Cette attestation est délivrée à la demande de l'intéressé pour servir et valoir ce que "
                         "de droit.",
                  "eng": "This letter is issued at the employee's request and without liability."}[lang], None)],
               11, path=P.serif)
        P.place_date(town, pg["issue"], issue_fld)
        P.signature(c.margin + int(0.2 * c.dpi), c.y)
        c.y += int(0.5 * c.dpi)
        c.text(c.margin, c.y, {"ita": "Ufficio del Personale", "por": "Recursos Humanos", "nld": "Afdeling P&O",
                               "fra": "La Direction", "eng": "Human Resources"}[lang], 9, None, P.sans)
        c.y += int(0.4 * c.dpi)
    elif kind == "tenancy_agreement":
        rent = P.money(r.randint(450, 2200))
        start = pg["issue"] + datetime.timedelta(days=r.randint(0, 20))
        rows = [("landlord", r.choice(LANDLORDS[src or "eng"]), None),
                ("tenant", nm, "name"), ("property", aline, "address"), ("rent", rent, "amount"),
                ("start", dt(start), None)]
        if trans:
            P.colon_rows(rows + [(issue_key, dt(pg["issue"]), issue_fld)])
        else:
            P.dotted(rows)
        clauses = {
            "ita": ["Art. %d - Il conduttore si obbliga a pagare il canone mensile anticipatamente entro il giorno "
                    "cinque di ogni mese mediante bonifico bancario." , "Art. %d - Il deposito cauzionale è pari a tre "
                    "mensilità del canone e sarà restituito al termine della locazione.", "Art. %d - È vietata la "
                    "sublocazione totale o parziale dell'immobile senza il consenso scritto del locatore.",
                    "Art. %d - Le spese ordinarie di manutenzione sono a carico del conduttore."],
            "por": ["Cláusula %d.ª - A renda será paga até ao dia oito do mês anterior àquele a que disser respeito.",
                    "Cláusula %d.ª - O arrendatário entrega nesta data uma caução correspondente a dois meses de "
                    "renda.", "Cláusula %d.ª - É proibida a sublocação ou cedência do locado sem autorização escrita.",
                    "Cláusula %d.ª - As obras de conservação ordinária ficam a cargo do senhorio."],
            "nld": ["Artikel %d - De huurprijs wordt bij vooruitbetaling voldaan vóór de eerste dag van de maand.",
                    "Artikel %d - Huurder betaalt een waarborgsom gelijk aan twee maanden huur.",
                    "Artikel %d - Onderverhuur is niet toegestaan zonder schriftelijke toestemming van verhuurder.",
                    "Artikel %d - Kleine herstellingen komen voor rekening van huurder."],
            "fra": ["Article %d - Le loyer est payable mensuellement et d'avance le premier de chaque mois.",
                    "Article %d - Le dépôt de garantie est fixé à un mois de loyer hors charges.",
                    "Article %d - Le locataire ne peut sous-louer le logement sans l'accord écrit du bailleur.",
                    "Article %d - Les réparations locatives sont à la charge du locataire."],
            "eng": ["Clause %d. The Tenant shall pay the rent monthly in advance on the first day of each month.",
                    "Clause %d. A deposit of one month's rent is held in a government authorised scheme.",
                    "Clause %d. The Tenant shall not assign, sublet or part with possession of the Property.",
                    "Clause %d. The Landlord shall keep the structure and exterior of the Property in repair."]}[lang]
        P.columns([s % (k + 1) for k, s in enumerate(clauses + MORE_CLAUSES[lang])])
        c.y += int(0.2 * c.dpi)
        if not trans:
            P.place_date(town, pg["issue"], issue_fld)
        for k in range(2):
            P.signature(c.margin + int(0.2 * c.dpi) + k * int((c.w - 2 * c.margin) * 0.5), c.y)
        c.y += int(0.5 * c.dpi)
    else:  # bank statement, payslip, utility bill: a line printer's pages
        mono_name = nm.upper() if r.random() < 0.5 else nm
        if kind == "bank_statement":
            P.window(mono_name, addr)
            iban = sd.h3_iban(r, src) if src in ("ita", "por", "nld", "fra") else num
            rows = [("account", iban, "account_number"), ("stmt", dt(pg["issue"]), issue_fld)]
            if pg.get("birth_date_shown"):
                rows.append(("born", dt(pg["birth_date"]), "birth_date"))
        elif kind == "payslip":
            rows = [("employee", mono_name, "name"), ("emp_no", num, "account_number"),
                    ("address", aline, "address"), ("paid_on", dt(pg["issue"]), issue_fld),
                    ("position", r.choice(POSITIONS[src or "eng"]), None)]
        else:
            P.window(mono_name, addr)
            rows = [("customer_no", num, "account_number"), ("bill_date", dt(pg["issue"]), issue_fld)]
        if trans:
            P.colon_rows(rows)
        else:
            w = max(len(P.cap(k) if k in CAP else k) for k, _, _ in rows)
            for k, v, fld in rows:
                s = (P.cap(k) if k in CAP else k).ljust(w) + " : "
                c.text(c.margin, c.y, s, 10, None, P.mono)
                c.text(c.margin + int(P.tw(s, 10, P.mono)), c.y, v, 10, (fld, v) if fld else None, P.mono)
                c.y += int(c.px(10) * 1.4)
            c.y += int(0.2 * c.dpi)
        cur = "" if P.mode == "eng" else " EUR"
        num_fmt = lambda v: ("{:,.2f}".format(v) if P.mode == "eng" or lang == "eng" else
                             "{:,.2f}".format(v).replace(",", " ").replace(".", ",").replace(" ", "."))
        head = {"ita": ["DATA", "VALUTA", "DESCRIZIONE", "DARE", "AVERE"],
                "por": ["DATA", "VALOR", "DESCRITIVO", "DÉBITO", "CRÉDITO"],
                "nld": ["DATUM", "VALUTA", "OMSCHRIJVING", "AF", "BIJ"],
                "fra": ["DATE", "VALEUR", "LIBELLÉ", "DÉBIT", "CRÉDIT"],
                "eng": ["DATE", "VALUE", "DETAILS", "DEBIT", "CREDIT"]}[lang]
        if kind == "bank_statement":
            wide = c.w > c.h
            bal = r.randint(20000, 600000) / 100.0
            rows, d = [], pg["issue"] - datetime.timedelta(days=31)
            payees = {"ita": ["POS ESSELUNGA", "SEPA DD ENEL", "BONIFICO STIPENDIO", "PRELIEVO ATM"],
                      "por": ["MB WAY", "PINGO DOCE", "TRF SALARIO", "LEV ATM MULTIBANCO"],
                      "nld": ["ALBERT HEIJN", "IDEAL BOL.COM", "SALARIS", "GELDAUTOMAAT"],
                      "fra": ["CB CARREFOUR", "PRLV SEPA EDF", "VIR SALAIRE", "RETRAIT DAB"],
                      "pol": ["BLIK ZAKUP", "BIEDRONKA", "PRZELEW WYNAGRODZENIE", "WYPLATA BANKOMAT"],
                      "ron": ["POS LIDL", "PLATA ENEL", "SALARIU", "RETRAGERE ATM"],
                      "eng": ["CARD TESCO", "DD COUNCIL TAX", "BACS SALARY", "CASH ATM"]}[src or "eng"]
            for _ in range(r.randint(10, 18)):
                d += datetime.timedelta(days=r.randint(0, 2))
                if d > pg["issue"]:
                    break
                amt = r.randint(250, 80000) / 100.0
                credit = r.random() < 0.2
                bal += amt if credit else -amt
                dd = d.strftime("%d/%m")
                rows.append([dd, dd, r.choice(payees) + (" %06d" % r.randint(0, 999999) if wide else ""),
                             "" if credit else num_fmt(amt), num_fmt(amt) if credit else ""])
            P.spaced(head, rows, [5, 5, 30 if wide else 19, 11, 11], 9 if wide else 8, right=(3, 4))
            s = "%s%s" % (num_fmt(bal), cur)
            lab = P.cap("balance") + " " + dt(pg["issue"], "slash" if lang != "eng" else None) + " : " \
                if lang == "fra" else P.cap("balance") + " : "
            c.text(c.margin, c.y, lab, 10, None, P.mono_b)
            c.text(c.margin + int(P.tw(lab, 10, P.mono_b)), c.y, s, 10, ("amount", s), P.mono_b)
            c.y += int(c.px(10) * 2.0)
        elif kind == "payslip":
            items = {"ita": ["Retribuzione base", "Straordinari", "Contributi INPS", "IRPEF", "Addizionale reg."],
                     "por": ["Vencimento base", "Subsídio de alimentação", "Segurança Social", "IRS", "Sindicato"],
                     "nld": ["Bruto salaris", "Vakantiegeld", "Loonheffing", "Pensioenpremie", "Zvw-bijdrage"],
                     "fra": ["Salaire de base", "Heures supp.", "CSG/CRDS", "Retraite compl.", "Mutuelle"],
                     "eng": ["Basic pay", "Overtime", "Income tax", "National Insurance", "Pension"]}[lang]
            gross = r.randint(150000, 420000) / 100.0
            vals = [gross, r.randint(0, 30000) / 100.0] + [round(gross * f, 2) for f in (0.092, 0.18, 0.03)]
            rows = [[items[k], "%d" % (k + 1) + "0" * 2, num_fmt(v) if k < 2 else "", num_fmt(v) if k >= 2 else ""]
                    for k, v in enumerate(vals)]
            P.spaced([{"ita": "VOCE", "por": "RUBRICA", "nld": "OMSCHRIJVING", "fra": "RUBRIQUE",
                       "eng": "ITEM"}[lang], "COD", head[4], head[3]], rows, [26, 4, 11, 11], 9, right=(2, 3))
            net = vals[0] + vals[1] - sum(vals[2:])
            s = P.money(net)
            lab = P.cap("net") + " : "
            c.text(c.margin, c.y, lab, 11, None, P.mono_b)
            c.text(c.margin + int(P.tw(lab, 11, P.mono_b)), c.y, s, 11, ("amount", s), P.mono_b)
            c.y += int(c.px(11) * 2.0)
        else:
            kwh = r.randint(300, 4200)
            energy = kwh * r.uniform(0.18, 0.34)
            fixed = r.randint(2000, 9000) / 100.0
            tax = round((energy + fixed) * 0.1, 2)
            rows = [["%s - %s" % (dt(pg["issue"] - datetime.timedelta(days=92), "slash" if lang != "eng" else "ymd"),
                                  dt(pg["issue"] - datetime.timedelta(days=1), "slash" if lang != "eng" else "ymd")),
                     "%d kWh" % kwh, num_fmt(energy)], ["", "", num_fmt(fixed)], ["", "", num_fmt(tax)]]
            P.spaced([{"ita": "PERIODO", "por": "PERÍODO", "nld": "PERIODE", "fra": "PÉRIODE", "eng": "PERIOD"}[lang],
                      "CONSUMO" if lang in ("ita", "por") else "QTY", "EUR" if P.mode != "eng" else "GBP"], rows,
                     [25, 10, 11], 9, right=(2,))
            s = P.money(energy + fixed + tax)
            lab = P.cap("total") + " : "
            c.text(c.margin, c.y, lab, 11, None, P.mono_b)
            c.text(c.margin + int(P.tw(lab, 11, P.mono_b)), c.y, s, 11, ("amount", s), P.mono_b)
            c.y += int(c.px(11) * 2.0)
        if not trans and kind != "payslip":
            P.flow([({"ita": "Conservare il presente documento. Eventuali reclami entro 60 giorni dalla data.",
                      "por": "Em caso de divergência, contacte-nos no prazo de 30 dias.",
                      "nld": "Controleer dit overzicht. Onjuistheden graag binnen 30 dagen melden.",
                      "fra": "Toute réclamation doit être formulée dans un délai de deux mois.",
                      "eng": "Please examine this statement and report any discrepancy within 30 days."}[lang],
                     None)], 8, path=P.sans)
    # A translation ends with the translator's declaration and stamp.
    if trans:
        c.y += int(0.1 * c.dpi)
        c.text(c.margin, c.y, r.choice(["[illegible signature]", "[signature]"]) + "     " + r.choice(
            ["[round seal of the issuing office]", "[dry seal]", "[stamp: %s]" % iss[:30]]), 9, None, P.serif_i)
        c.y += int(c.px(9) * 2.6)
        c.d.line([c.margin, c.y, c.w - c.margin, c.y], fill=100, width=max(1, c.dpi // 150))
        c.y += int(0.12 * c.dpi)
        translator = r.choice(["Maria Conti", "Joana Ferreira", "Pieter Bakker", "Agnieszka Lis", "Ioana Marin"])
        P.flow([("I, %s, sworn translator of the %s language, registration no. %d, certify that the foregoing "
                 "is a true and complete translation into English of the original document in %s presented to me."
                 % (translator, LANG_NAME[src], r.randint(100, 9999), LANG_NAME[src]), None)], 9, path=P.serif)
        lead = "%s, " % r.choice(["London", "Manchester", "Birmingham", town])
        c.text(c.margin, c.y, lead, 10, None, P.serif)
        td = dt(tr_date)
        c.text(c.margin + int(P.tw(lead, 10, P.serif)), c.y, td, 10, ("translation_date", td), P.serif)
        P.signature(c.margin + int(3.0 * c.dpi), c.y - int(0.1 * c.dpi), 1.3)
        P.stamp_box(["SWORN TRANSLATOR", translator, "%s - English" % LANG_NAME[src],
                     "Reg. no. %d" % r.randint(100, 9999)], c.w - c.margin - int(2.4 * c.dpi), c.y - int(0.3 * c.dpi))
        c.y += int(0.8 * c.dpi)
    elif kind in ("birth_certificate", "marriage_certificate", "police_certificate"):
        P.signature(c.w - c.margin - int(2.2 * c.dpi), c.y)
        c.y += int(0.5 * c.dpi)
        c.text(c.w - c.margin - int(2.2 * c.dpi), c.y, {"ita": "L'Ufficiale dello Stato Civile",
                                                         "por": "O Conservador", "nld": "De ambtenaar",
                                                         "fra": "L'officier de l'état civil",
                                                         "eng": "Superintendent Registrar"}[lang], 9, None, P.sans)
        c.y += int(0.4 * c.dpi)
    # Capture.
    if fax:
        P.fax_line(tr_date, iss, r.randint(1, 4))
    if kind in ("bank_statement", "payslip", "utility_bill", "police_certificate", "birth_certificate") and \
            r.random() < 0.2:
        P.receipt(pg["issue"])
    if fax:
        P.fax()
    elif r.random() < 0.33:
        P.photocopy()
    return None if lang == "eng" else lang


def statement_kinds():
    return ("bank_statement", "payslip", "utility_bill")
