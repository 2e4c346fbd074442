#!/usr/bin/python3
"""
generate.py: synthetic identity-document scans with ground truth.

Writes scans of invented passports (TD3), identity cards (TD1, TD2) and
visas (MRV-A, MRV-B) with a correct ICAO 9303 machine-readable zone, printed
visual-zone fields in the holder's native spelling, and a JSON ground truth
per file. The same --seed always gives the same files (for one Pillow and
libjpeg build). Every person, number and document here is invented; the
output must never be mistaken for, or used as, a real document.

Usage:
  /usr/bin/python3 samples/generate.py --out DIR --count N --seed S
      [--formats TD3,TD1,TD2,MRVA,MRVB] [--degrade none|mild|full]
      [--multipage K] [--dpi D] [--clean] [--cases [--genuine-share F]]
      [--layouts classic|all|heldout|heldout2|heldout4|heldout5|heldout6|heldout7|heldout8|heldout9|heldout10|heldout11|heldout12|heldout13|heldout14|heldout15]

--cases adds a case record (cases/NAME.case.json) and a label per document:
genuine, or exactly one defect named by the flag code that should catch it
(bench/recall.sh measures docscreen's recall on them).

--layouts all|heldout|heldout2|heldout4|heldout5|heldout6|heldout7|heldout8|heldout9|heldout10|heldout11|heldout12|heldout13|heldout14|heldout15 draws the pages
in other layouts (bench/layouts.sh); heldout, heldout2, heldout4, heldout5, heldout6, heldout7, heldout8, heldout9,
heldout10, heldout11, heldout12, heldout13, heldout14 and heldout15 are families no rule may be tuned on (samples/README.md).

Needs Debian's python3-pil and python3-numpy, fonts-ocr-b and
fonts-dejavu-core. See samples/README.md for the ground-truth format.
"""

import argparse
import datetime as dt
import hashlib
import io
import json
import math
import os
import random
import re
import sys
import unicodedata

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont, PngImagePlugin

OCRB_PATH = "/usr/share/fonts/opentype/ocr-b/OCRB.otf"
DEJAVU = "/usr/share/fonts/truetype/dejavu/"
REF_DATE = dt.date(2026, 11, 23)  # "today" for expiry decisions
FORMATS = ("TD1", "TD2", "TD3", "MRVA", "MRVB")

# ---------------------------------------------------------------------------
# ICAO 9303 geometry (millimetres). Card sizes from Parts 4-7; the MRZ is
# OCR-B size 1 at 10 characters per inch.
# ---------------------------------------------------------------------------
DOC_SIZE_MM = {  # width, height, upright as read
    "TD1": (85.6, 53.98),
    "TD2": (105.0, 74.0),
    "TD3": (125.0, 88.0),
    "MRVA": (120.0, 80.0),
    "MRVB": (105.0, 74.0),
}
MRZ_SHAPE = {"TD1": (3, 30), "TD2": (2, 36), "TD3": (2, 44), "MRVA": (2, 44), "MRVB": (2, 36)}
MRZ_PITCH_MM = 2.54          # 10 characters per inch
MRZ_CAP_MM = 2.40            # height of a capital (H) on paper
MRZ_LINE_MM = 4.23           # distance between baselines (6 lines per inch)
MRZ_BOTTOM_MM = {            # last baseline above the bottom edge
    "TD1": 3.9, "TD2": 5.0, "TD3": 5.3, "MRVA": 5.3, "MRVB": 5.0}
OCRB_CAP_EM = 0.722          # cap height of OCRB.otf in em (measured on H)
OCRB_ADV_EM = 0.723          # advance width of OCRB.otf in em
DEJAVU_CAP_EM = 0.729

# ---------------------------------------------------------------------------
# Countries: ICAO code -> (English name, national name, label language).
# ---------------------------------------------------------------------------
COUNTRIES = {
    "D":   ("FEDERAL REPUBLIC OF GERMANY", "BUNDESREPUBLIK DEUTSCHLAND", "de"),
    "AUT": ("REPUBLIC OF AUSTRIA", "REPUBLIK ÖSTERREICH", "de"),
    "CHE": ("SWITZERLAND", "SCHWEIZERISCHE EIDGENOSSENSCHAFT", "de"),
    "FRA": ("FRENCH REPUBLIC", "RÉPUBLIQUE FRANÇAISE", "fr"),
    "BEL": ("KINGDOM OF BELGIUM", "ROYAUME DE BELGIQUE", "fr"),
    "ESP": ("KINGDOM OF SPAIN", "REINO DE ESPAÑA", "es"),
    "MEX": ("UNITED MEXICAN STATES", "ESTADOS UNIDOS MEXICANOS", "es"),
    "ARG": ("ARGENTINE REPUBLIC", "REPÚBLICA ARGENTINA", "es"),
    "POL": ("REPUBLIC OF POLAND", "RZECZPOSPOLITA POLSKA", "pl"),
    "TUR": ("REPUBLIC OF TÜRKİYE", "TÜRKİYE CUMHURİYETİ", "tr"),
    "CZE": ("CZECH REPUBLIC", "ČESKÁ REPUBLIKA", "cs"),
    "SWE": ("KINGDOM OF SWEDEN", "KONUNGARIKET SVERIGE", "sv"),
    "NOR": ("KINGDOM OF NORWAY", "KONGERIKET NORGE", "no"),
    "DNK": ("KINGDOM OF DENMARK", "KONGERIGET DANMARK", "da"),
    "GBR": ("UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND", "UNITED KINGDOM", "en"),
    "USA": ("UNITED STATES OF AMERICA", "UNITED STATES OF AMERICA", "en"),
    "CAN": ("CANADA", "CANADA", "en"),
    "IRL": ("IRELAND", "ÉIRE", "en"),
    "PRT": ("PORTUGUESE REPUBLIC", "REPÚBLICA PORTUGUESA", "pt"),
    "BRA": ("FEDERATIVE REPUBLIC OF BRAZIL", "REPÚBLICA FEDERATIVA DO BRASIL", "pt"),
    "ITA": ("ITALIAN REPUBLIC", "REPUBBLICA ITALIANA", "it"),
    "NLD": ("KINGDOM OF THE NETHERLANDS", "KONINKRIJK DER NEDERLANDEN", "nl"),
    "IND": ("REPUBLIC OF INDIA", "REPUBLIC OF INDIA", "en"),
    "NGA": ("FEDERAL REPUBLIC OF NIGERIA", "FEDERAL REPUBLIC OF NIGERIA", "en"),
    "PHL": ("REPUBLIC OF THE PHILIPPINES", "REPUBLIKA NG PILIPINAS", "en"),
    "UKR": ("UKRAINE", "UKRAINE", "en"),
    "SYR": ("SYRIAN ARAB REPUBLIC", "SYRIAN ARAB REPUBLIC", "en"),
    "VNM": ("SOCIALIST REPUBLIC OF VIET NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "en"),
}
# The name pool each nationality draws from.
NAME_LANG = {
    "D": "de", "AUT": "de", "CHE": "de", "FRA": "fr", "BEL": "fr", "ESP": "es",
    "MEX": "es", "ARG": "es", "POL": "pl", "TUR": "tr", "CZE": "cs", "SWE": "sv",
    "NOR": "no", "DNK": "no", "GBR": "en", "USA": "en", "CAN": "en", "IRL": "en",
    "PRT": "pt", "BRA": "pt", "ITA": "it", "NLD": "nl", "IND": "in", "NGA": "ng",
    "PHL": "ph", "UKR": "ua", "SYR": "ar", "VNM": "vi",
}

# (surnames, female given names, male given names). Native spellings.
NAMES = {
    "de": (["Müller", "Schröder", "Weiß", "Köhler", "Schäfer", "Großmann", "Straße",
            "Bäcker", "Jäger", "Hoffmann", "Fuß", "Krüger", "Schmidt", "Meyer-Lüdenscheid",
            "Wolfeschlegelsteinhausenbergerdorff", "Zimmermann", "Öztürk-Bauer"],
           ["Käthe", "Anna-Lena", "Jürgen", "Sophie", "Hannelore", "Lieselotte", "Maren", "Jutta"],
           ["Jürgen", "Björn", "Günther", "Hans-Jürgen", "Lukas", "Maximilian", "Sören", "Jörg"]),
    "fr": (["Lefèvre", "Dubois", "Bélanger", "D'Artagnan", "Gagné", "Le Saux", "Thévenot",
            "Château-Giron", "Moreau", "Lemaître", "De La Fontaine-Beauséjour"],
           ["Anaïs", "Hélène", "Zoé", "Marie-Thérèse", "Léa", "Éloïse", "Françoise"],
           ["François", "Jean-Baptiste", "Jérôme", "Loïc", "Noël", "Benoît", "Théo"]),
    "es": (["Núñez", "García", "Peña", "Muñoz", "Ibáñez", "Fernández", "Martínez-Sánchez",
            "García de la Cruz", "Fernández de Córdoba y Figueroa de la Cerda", "Gutiérrez", "Ortíz"],
           ["María José", "Begoña", "Lucía", "Inés", "María de los Ángeles", "Nuria", "Ximena"],
           ["José María", "Iñigo", "Ángel", "Joaquín", "Rubén", "Sebastián", "Óscar"]),
    "pl": (["Wójcik", "Szczęsny", "Kowalczyk", "Żółkiewski", "Wiśniewska", "Łącki", "Kołodziej",
            "Brzęczyszczykiewicz", "Nowak", "Dąbrowska"],
           ["Małgorzata", "Bożena", "Agnieszka", "Łucja", "Jadwiga", "Zofia"],
           ["Łukasz", "Grzegorz", "Paweł", "Wojciech", "Michał", "Jędrzej"]),
    "tr": (["Çelik", "Öztürk", "Şahin", "Yılmaz", "Güneş", "Doğan", "Kılıç", "Aydın", "Karaçam"],
           ["Ayşe", "Gülşen", "Çiğdem", "Özlem", "Şule", "Ebru"],
           ["Çağrı", "İbrahim", "Şükrü", "Mehmet", "Oğuz", "Ümit"]),
    "cs": (["Dvořák", "Novotná", "Černý", "Procházka", "Růžička", "Kříž", "Svobodová", "Veselý"],
           ["Kateřina", "Lucie", "Markéta", "Zdeňka", "Jana"],
           ["Jiří", "Tomáš", "Radim", "Ondřej", "Vojtěch"]),
    "sv": (["Ålund", "Åkesson", "Sjöberg", "Lindström", "Öberg", "Ängström", "Söderholm", "Svensson"],
           ["Åsa", "Märta", "Linnéa", "Ingrid", "Maja", "Ebba"],
           ["Björn", "Måns", "Göran", "Nils", "Olle", "Pär"]),
    "no": (["Øster", "Østergaard", "Bjørnstad", "Kjærgaard", "Sørensen", "Ærø", "Haugen", "Dahl"],
           ["Åse", "Sølvi", "Kirsten", "Ingeborg", "Tove"],
           ["Søren", "Bjørn", "Ørjan", "Håkon", "Jens", "Morten"]),
    "en": (["O'Brien", "Smith", "Johnson", "MacDonald", "Fitzgerald-Wright", "Brown", "Taylor",
            "St. John-Smythe", "Williamson"],
           ["Mary Ann", "Elizabeth", "Sarah Jane", "Chloe", "Siobhán", "Emily"],
           ["John", "Michael James", "Oliver", "Seán", "William Henry", "Jack"]),
    "pt": (["Gonçalves", "Simões", "Conceição", "Araújo", "da Silva", "dos Santos",
            "Gonçalves Conceição dos Santos Araújo", "Magalhães", "Sebastião"],
           ["Inês", "Conceição", "Maria da Conceição Aparecida Fernanda", "Luísa", "Graça"],
           ["João", "Sebastião", "António", "Estêvão", "Gonçalo"]),
    "it": (["Di Marco", "D'Angelo", "Rossi", "Esposito", "Niccolò", "Dell'Acqua", "Bianchi", "Lo Cascio"],
           ["Chiara", "Giulia", "Maria Grazia", "Annalisa"],
           ["Niccolò", "Giuseppe", "Luca", "Gianluca", "Fabrizio"]),
    "nl": (["van der Berg", "de Vries", "Bakker", "van 't Hoff", "IJsselmuiden", "Jansen"],
           ["Maaike", "Sanne", "Anouk", "Eline"],
           ["Sjoerd", "Daan", "Joost", "Ruud"]),
    "in": (["Sharma", "Venkataraghavan", "Patel", "Subramanian", "Reddy", "Krishnamurthy"],
           ["Priya", "Lakshmi", "Ananya", "Deepika"],
           ["Rahul", "Arjun", "Venkatesh", "Sanjay Kumar"]),
    "ng": (["Okonkwo", "Adeyemi", "Oluwaseun", "Chukwuemeka", "Balogun"],
           ["Ngozi", "Chiamaka", "Folake", "Adaeze"],
           ["Chinedu", "Oluwadamilare", "Emeka", "Tunde"]),
    "ph": (["Dela Cruz", "Santos", "Reyes", "Bautista", "Villanueva"],
           ["Maria Cristina", "Ma. Theresa", "Jasmine"],
           ["Juan Carlos", "Rodel", "Jose Rizal"]),
    "ua": (["Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Melnyk"],
           ["Oksana", "Olena", "Yuliia"],
           ["Oleksandr", "Dmytro", "Andrii"]),
    "ar": (["Al-Hassan", "Al Khatib", "Haddad", "Abu-Zaid", "Al-Masri"],
           ["Fatima", "Layla", "Nour"],
           ["Mohammed", "Ahmad", "Khaled"]),
    "vi": (["Nguyễn", "Trần", "Lê", "Phạm", "Đặng"],
           ["Thị Hương", "Thị Mai", "Ngọc Anh"],
           ["Văn Minh", "Đức Anh", "Quốc Bảo"]),
}
DIACRITIC_LANGS = ("de", "es", "pl", "tr", "cs", "sv", "no", "fr", "pt")

PLACES = {
    "de": ["BERLIN", "MÜNCHEN", "KÖLN", "DÜSSELDORF", "NÜRNBERG"],
    "fr": ["PARIS", "LYON", "NÎMES", "ORLÉANS"], "es": ["MADRID", "CÓRDOBA", "MÁLAGA", "LEÓN"],
    "pl": ["ŁÓDŹ", "KRAKÓW", "GDAŃSK", "WROCŁAW"], "tr": ["İSTANBUL", "İZMİR", "MUĞLA", "ÇORUM"],
    "cs": ["PRAHA", "BRNO", "ČESKÉ BUDĚJOVICE"], "sv": ["GÖTEBORG", "MALMÖ", "UMEÅ"],
    "no": ["TROMSØ", "BODØ", "OSLO"], "en": ["LONDON", "DUBLIN", "NEW YORK", "TORONTO"],
    "pt": ["SÃO PAULO", "LISBOA", "BELÉM"], "it": ["ROMA", "NAPOLI", "FORLÌ"],
    "nl": ["AMSTERDAM", "UTRECHT"], "in": ["CHENNAI", "MUMBAI"], "ng": ["LAGOS", "ABUJA"],
    "ph": ["MANILA", "CEBU"], "ua": ["KYIV", "LVIV"], "ar": ["DAMASCUS", "ALEPPO"],
    "vi": ["HÀ NỘI", "HUẾ"],
}

# Field labels: language -> key -> text. English and French always follow
# the national form, as most issuers do.
LABELS = {
    "en": {"surname": "Surname", "given": "Given names", "nat": "Nationality", "dob": "Date of birth",
           "sex": "Sex", "pob": "Place of birth", "doi": "Date of issue", "doe": "Date of expiry",
           "auth": "Authority", "docno": "Document no.", "passno": "Passport No.", "type": "Type",
           "code": "Code", "sig": "Holder's signature", "pers": "Personal No.",
           "passport": "PASSPORT", "idcard": "IDENTITY CARD", "resid": "RESIDENCE PERMIT",
           "visa": "VISA", "valid_from": "Valid from", "until": "Until", "entries": "Number of entries",
           "duration": "Duration of stay", "issued_at": "Issued in", "remarks": "Remarks",
           "address": "Address", "height": "Height", "eyes": "Colour of eyes"},
    "fr": {"surname": "Nom", "given": "Prénoms", "nat": "Nationalité", "dob": "Date de naissance",
           "sex": "Sexe", "pob": "Lieu de naissance", "doi": "Date de délivrance", "doe": "Date d'expiration",
           "auth": "Autorité", "docno": "N° du document", "passno": "N° du passeport", "type": "Type",
           "code": "Code", "sig": "Signature du titulaire", "pers": "N° personnel",
           "passport": "PASSEPORT", "idcard": "CARTE D'IDENTITÉ", "resid": "TITRE DE SÉJOUR",
           "visa": "VISA", "valid_from": "Valable du", "until": "au", "entries": "Nombre d'entrées",
           "duration": "Durée du séjour", "issued_at": "Délivré à", "remarks": "Remarques",
           "address": "Adresse", "height": "Taille", "eyes": "Couleur des yeux"},
    "de": {"surname": "Name", "given": "Vornamen", "nat": "Staatsangehörigkeit", "dob": "Geburtstag",
           "sex": "Geschlecht", "pob": "Geburtsort", "doi": "Ausstellungsdatum", "doe": "Gültig bis",
           "auth": "Behörde", "docno": "Ausweisnummer", "passno": "Pass-Nr.", "type": "Typ",
           "code": "Kode", "sig": "Unterschrift", "pers": "Persönliche Nr.",
           "passport": "REISEPASS", "idcard": "PERSONALAUSWEIS", "resid": "AUFENTHALTSTITEL",
           "visa": "VISUM", "valid_from": "Gültig vom", "until": "bis", "entries": "Anzahl der Einreisen",
           "duration": "Aufenthaltsdauer", "issued_at": "Ausgestellt in", "remarks": "Anmerkungen",
           "address": "Anschrift", "height": "Größe", "eyes": "Augenfarbe"},
    "es": {"surname": "Apellidos", "given": "Nombre", "nat": "Nacionalidad", "dob": "Fecha de nacimiento",
           "sex": "Sexo", "pob": "Lugar de nacimiento", "doi": "Fecha de expedición", "doe": "Fecha de caducidad",
           "auth": "Autoridad", "docno": "Núm. documento", "passno": "N.º pasaporte", "type": "Tipo",
           "code": "Código", "sig": "Firma del titular", "pers": "N.º personal",
           "passport": "PASAPORTE", "idcard": "DOCUMENTO NACIONAL DE IDENTIDAD", "resid": "PERMISO DE RESIDENCIA",
           "visa": "VISADO", "valid_from": "Válido desde", "until": "hasta", "entries": "Número de entradas",
           "duration": "Duración de la estancia", "issued_at": "Expedido en", "remarks": "Observaciones",
           "address": "Domicilio", "height": "Estatura", "eyes": "Color de ojos"},
    "pl": {"surname": "Nazwisko", "given": "Imiona", "nat": "Obywatelstwo", "dob": "Data urodzenia",
           "sex": "Płeć", "pob": "Miejsce urodzenia", "doi": "Data wydania", "doe": "Data ważności",
           "auth": "Organ wydający", "docno": "Nr dokumentu", "passno": "Nr paszportu", "type": "Typ",
           "code": "Kod", "sig": "Podpis posiadacza", "pers": "Nr PESEL",
           "passport": "PASZPORT", "idcard": "DOWÓD OSOBISTY", "resid": "KARTA POBYTU",
           "visa": "WIZA", "valid_from": "Ważna od", "until": "do", "entries": "Liczba wjazdów",
           "duration": "Okres pobytu", "issued_at": "Wydana w", "remarks": "Uwagi",
           "address": "Adres", "height": "Wzrost", "eyes": "Kolor oczu"},
    "tr": {"surname": "Soyadı", "given": "Adı", "nat": "Uyruğu", "dob": "Doğum tarihi",
           "sex": "Cinsiyeti", "pob": "Doğum yeri", "doi": "Veriliş tarihi", "doe": "Geçerlilik tarihi",
           "auth": "Makam", "docno": "Belge no", "passno": "Pasaport no", "type": "Tipi",
           "code": "Kodu", "sig": "Hamilin imzası", "pers": "T.C. Kimlik no",
           "passport": "PASAPORT", "idcard": "KİMLİK KARTI", "resid": "İKAMET İZNİ",
           "visa": "VİZE", "valid_from": "Geçerlilik başlangıcı", "until": "bitişi", "entries": "Giriş sayısı",
           "duration": "Kalış süresi", "issued_at": "Verildiği yer", "remarks": "Açıklamalar",
           "address": "Adres", "height": "Boy", "eyes": "Göz rengi"},
    "cs": {"surname": "Příjmení", "given": "Jméno", "nat": "Státní občanství", "dob": "Datum narození",
           "sex": "Pohlaví", "pob": "Místo narození", "doi": "Datum vydání", "doe": "Platnost do",
           "auth": "Úřad", "docno": "Číslo dokladu", "passno": "Číslo pasu", "type": "Typ",
           "code": "Kód", "sig": "Podpis držitele", "pers": "Rodné číslo",
           "passport": "CESTOVNÍ PAS", "idcard": "OBČANSKÝ PRŮKAZ", "resid": "POVOLENÍ K POBYTU",
           "visa": "VÍZUM", "valid_from": "Platné od", "until": "do", "entries": "Počet vstupů",
           "duration": "Doba pobytu", "issued_at": "Vydáno v", "remarks": "Poznámky",
           "address": "Adresa", "height": "Výška", "eyes": "Barva očí"},
    "sv": {"surname": "Efternamn", "given": "Förnamn", "nat": "Nationalitet", "dob": "Födelsedatum",
           "sex": "Kön", "pob": "Födelseort", "doi": "Utfärdandedatum", "doe": "Sista giltighetsdag",
           "auth": "Myndighet", "docno": "Dokumentnummer", "passno": "Passnummer", "type": "Typ",
           "code": "Kod", "sig": "Innehavarens namnteckning", "pers": "Personnummer",
           "passport": "PASS", "idcard": "IDENTITETSKORT", "resid": "UPPEHÅLLSTILLSTÅND",
           "visa": "VISERING", "valid_from": "Giltig från", "until": "till", "entries": "Antal inresor",
           "duration": "Vistelsens längd", "issued_at": "Utfärdad i", "remarks": "Anmärkningar",
           "address": "Adress", "height": "Längd", "eyes": "Ögonfärg"},
    "no": {"surname": "Etternavn", "given": "Fornavn", "nat": "Nasjonalitet", "dob": "Fødselsdato",
           "sex": "Kjønn", "pob": "Fødested", "doi": "Utstedelsesdato", "doe": "Utløpsdato",
           "auth": "Myndighet", "docno": "Dokumentnr.", "passno": "Passnr.", "type": "Type",
           "code": "Kode", "sig": "Innehaverens underskrift", "pers": "Fødselsnummer",
           "passport": "PASS", "idcard": "NASJONALT ID-KORT", "resid": "OPPHOLDSKORT",
           "visa": "VISUM", "valid_from": "Gyldig fra", "until": "til", "entries": "Antall innreiser",
           "duration": "Oppholdets varighet", "issued_at": "Utstedt i", "remarks": "Merknader",
           "address": "Adresse", "height": "Høyde", "eyes": "Øyenfarge"},
    "da": {},
    "pt": {"surname": "Apelido", "given": "Nome", "nat": "Nacionalidade", "dob": "Data de nascimento",
           "sex": "Sexo", "pob": "Local de nascimento", "doi": "Data de emissão", "doe": "Válido até",
           "auth": "Autoridade", "docno": "N.º documento", "passno": "N.º passaporte", "type": "Tipo",
           "code": "Código", "sig": "Assinatura do titular", "pers": "N.º pessoal",
           "passport": "PASSAPORTE", "idcard": "CARTÃO DE CIDADÃO", "resid": "TÍTULO DE RESIDÊNCIA",
           "visa": "VISTO", "valid_from": "Válido de", "until": "até", "entries": "Número de entradas",
           "duration": "Duração da estada", "issued_at": "Emitido em", "remarks": "Observações",
           "address": "Morada", "height": "Altura", "eyes": "Cor dos olhos"},
    "it": {"surname": "Cognome", "given": "Nome", "nat": "Cittadinanza", "dob": "Data di nascita",
           "sex": "Sesso", "pob": "Luogo di nascita", "doi": "Data di rilascio", "doe": "Data di scadenza",
           "auth": "Autorità", "docno": "N. documento", "passno": "Passaporto N.", "type": "Tipo",
           "code": "Codice", "sig": "Firma del titolare", "pers": "Codice fiscale",
           "passport": "PASSAPORTO", "idcard": "CARTA D'IDENTITÀ", "resid": "PERMESSO DI SOGGIORNO",
           "visa": "VISTO", "valid_from": "Valido dal", "until": "al", "entries": "Numero di ingressi",
           "duration": "Durata del soggiorno", "issued_at": "Rilasciato a", "remarks": "Annotazioni",
           "address": "Indirizzo", "height": "Statura", "eyes": "Colore degli occhi"},
    "nl": {"surname": "Naam", "given": "Voornamen", "nat": "Nationaliteit", "dob": "Geboortedatum",
           "sex": "Geslacht", "pob": "Geboorteplaats", "doi": "Datum van afgifte", "doe": "Geldig tot",
           "auth": "Instantie", "docno": "Documentnummer", "passno": "Paspoortnr.", "type": "Soort",
           "code": "Code", "sig": "Handtekening houder", "pers": "Persoonsnummer",
           "passport": "PASPOORT", "idcard": "IDENTITEITSKAART", "resid": "VERBLIJFSDOCUMENT",
           "visa": "VISUM", "valid_from": "Geldig van", "until": "tot", "entries": "Aantal binnenkomsten",
           "duration": "Duur van verblijf", "issued_at": "Afgegeven te", "remarks": "Opmerkingen",
           "address": "Adres", "height": "Lengte", "eyes": "Kleur ogen"},
}
LABELS["da"] = LABELS["no"]

MONTHS = {
    "en": "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(),
    "fr": "JANV FÉVR MARS AVR MAI JUIN JUIL AOÛT SEPT OCT NOV DÉC".split(),
    "es": "ENE FEB MAR ABR MAY JUN JUL AGO SEP OCT NOV DIC".split(),
    "de": "JAN FEB MÄR APR MAI JUN JUL AUG SEP OKT NOV DEZ".split(),
}

# ---------------------------------------------------------------------------
# MRZ text
# ---------------------------------------------------------------------------
_SPECIAL = {
    "Ä": "AE", "Ö": "OE", "Ü": "UE", "Ø": "OE", "Å": "AA", "Æ": "AE", "Œ": "OE",
    "ß": "SS", "ẞ": "SS", "Þ": "TH", "Ł": "L", "Đ": "D", "Ð": "D", "Ħ": "H", "ı": "I",
    "Ñ": "N", "Ç": "C",
}


def mrz_name_part(text):
    """ICAO 9303 Part 3 transliteration of one name to MRZ characters.

    Apostrophes are omitted; spaces, hyphens and other punctuation become
    the filler; repeated fillers collapse to one."""
    out = []
    for ch in text.upper():
        if ch in _SPECIAL:
            out.append(_SPECIAL[ch])
            continue
        if ch in "'’`´":
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        for b in base:
            if "A" <= b <= "Z":
                out.append(b)
            elif b == "I" or b == "İ":
                out.append("I")
            else:
                out.append("<")
    s = re.sub("<+", "<", "".join(out)).strip("<")
    return s


def mrz_name_field(surname, given, width):
    """Name field (primary<<secondary), truncated to width and padded.
    Returns (field, truncated)."""
    prim = mrz_name_part(surname)
    sec = mrz_name_part(given)
    full = prim + ("<<" + sec if sec else "")
    truncated = len(full) > width
    if truncated:
        cut = full[:width]
        if len(prim) + 2 >= width:
            # The surname alone fills the field: keep it, no given names.
            cut = prim[:width]
        cut = cut.rstrip("<")
        full = cut
    return full.ljust(width, "<"), truncated


def check_digit(s):
    w = (7, 3, 1)
    total = 0
    for i, c in enumerate(s):
        if c.isdigit():
            v = ord(c) - 48
        elif "A" <= c <= "Z":
            v = ord(c) - 55
        elif c == "<":
            v = 0
        else:
            raise ValueError("bad MRZ character %r" % c)
        total += v * w[i % 3]
    return str(total % 10)


def yymmdd(d):
    return d.strftime("%y%m%d")


def pad(s, n):
    if len(s) > n:
        raise ValueError("field %r longer than %d" % (s, n))
    return s + "<" * (n - len(s))


def read_name(field):
    """The name as a reader decodes it: (surname, given names)."""
    f = field.rstrip("<")
    if "<<" in f:
        p, s = f.split("<<", 1)
    else:
        p, s = f, ""
    clean = lambda x: " ".join(t for t in x.split("<") if t)
    return clean(p), clean(s)


def build_mrz(doc):
    """Builds the MRZ lines of doc (a dict) and fills doc['fields']."""
    fmt = doc["format"]
    nlines, width = MRZ_SHAPE[fmt]
    code = pad(doc["document_code"], 2)
    state = pad(doc["issuing_state"], 3)
    nat = pad(doc["nationality"], 3)
    dob = yymmdd(doc["birth_date"])
    exp = yymmdd(doc["expiry_date"])
    sex = {"M": "M", "F": "F", "X": "<"}[doc["sex"]]
    number = doc["document_number"]
    opt = doc["optional_data"]
    opt2 = doc.get("optional_data2", "")
    name_w = {"TD1": 30, "TD2": 31, "TD3": 39, "MRVA": 39, "MRVB": 31}[fmt]
    name, truncated = mrz_name_field(doc["surname"], doc["given_names"], name_w)
    num9 = pad(number[:9], 9)
    ncd = check_digit(pad(number, max(9, len(number))))
    dcd, ecd = check_digit(dob), check_digit(exp)

    if fmt == "TD1":
        if len(number) > 9:
            l1opt = pad(number[9:] + ncd + "<" + opt, 15)
            l1 = code + state + num9 + "<" + l1opt
        else:
            l1 = code + state + num9 + ncd + pad(opt, 15)
        l2 = dob + dcd + sex + exp + ecd + nat + pad(opt2, 11)
        comp = l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29]
        l2 += check_digit(comp)
        lines = [l1, l2, name]
    elif fmt == "TD2":
        l1 = code + state + name
        l2 = num9 + ncd + nat + dob + dcd + sex + exp + ecd + pad(opt, 7)
        l2 += check_digit(l2[0:10] + l2[13:20] + l2[21:35])
        lines = [l1, l2]
    elif fmt == "TD3":
        l1 = code + state + name
        pn = pad(opt, 14)
        pcd = check_digit(pn) if opt else doc.get("empty_pn_check", "<")
        l2 = num9 + ncd + nat + dob + dcd + sex + exp + ecd + pn + pcd
        l2 += check_digit(l2[0:10] + l2[13:20] + l2[21:43])
        lines = [l1, l2]
    elif fmt == "MRVA":
        l1 = code + state + name
        l2 = num9 + ncd + nat + dob + dcd + sex + exp + ecd + pad(opt, 16)
        lines = [l1, l2]
    else:  # MRVB
        l1 = code + state + name
        l2 = num9 + ncd + nat + dob + dcd + sex + exp + ecd + pad(opt, 8)
        lines = [l1, l2]
    assert len(lines) == nlines and all(len(l) == width for l in lines), lines
    assert all(re.fullmatch("[0-9A-Z<]+", l) for l in lines), lines
    sn, gn = read_name(name)
    doc["mrz_lines"] = lines
    doc["fields"] = {
        "document_code": doc["document_code"].replace("<", ""),
        "issuing_state": doc["issuing_state"].replace("<", ""),
        "surname": sn,
        "given_names": gn,
        "document_number": number,
        "nationality": doc["nationality"].replace("<", ""),
        "birth_date": doc["birth_date"].isoformat(),
        "sex": doc["sex"],
        "expiry_date": doc["expiry_date"].isoformat(),
        "optional_data": opt,
    }
    if fmt == "TD1":
        doc["fields"]["optional_data2"] = opt2
    doc["name_truncated"] = truncated


# ---------------------------------------------------------------------------
# Random identity
# ---------------------------------------------------------------------------
GERMAN_NUM = "CFGHJKLMNPRTVWXYZ"


def rand_date(r, lo, hi):
    return lo + dt.timedelta(days=r.randrange((hi - lo).days + 1))


def add_years(d, n):
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


def doc_number(r, state, fmt):
    if state == "D":
        first = "C" if fmt == "TD3" else r.choice("LT")
        return first + "".join(r.choice(GERMAN_NUM + "0123456789") for _ in range(8))
    style = r.random()
    if style < 0.35:
        return r.choice("ABCDEFGHJKLMNPRSTUVXYZ") + "".join(r.choice("0123456789") for _ in range(8))
    if style < 0.55:
        return "".join(r.choice("ABCDEFGHJKLMNPRSTUVXYZ") for _ in range(2)) + \
            "".join(r.choice("0123456789") for _ in range(7))
    if style < 0.8:
        return "".join(r.choice("0123456789") for _ in range(9))
    return "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(9))


def pick_name(r, lang, long_name=False):
    surnames, fem, male = NAMES[lang]
    if long_name:
        longs = [s for s in surnames if len(mrz_name_part(s)) > 18]
        surname = r.choice(longs) if longs else r.choice(surnames)
    else:
        surname = r.choice(surnames)
    return surname, fem, male


def make_identity(r, fmt, idx, force):
    """Draws one document's data. force: set of coverage features to impose."""
    germans = "german" in force or (r.random() < 0.12)
    if fmt in ("MRVA", "MRVB"):
        issuer = "D" if germans else r.choice([c for c in COUNTRIES if c not in ("D",)])
        nat = r.choice([c for c in COUNTRIES if c != issuer])
    elif fmt == "TD1" and "german" not in force and r.random() < 0.25:
        # Residence card: issued to a foreign national.
        issuer = "D" if germans else r.choice(["FRA", "ESP", "ITA", "NLD", "POL", "SWE", "CZE", "AUT", "GBR"])
        nat = r.choice([c for c in COUNTRIES if c != issuer])
        force = set(force) | {"residence"}
    else:
        issuer = "D" if germans else r.choice(list(COUNTRIES))
        nat = issuer
    lang = NAME_LANG[nat]
    if "diacritics" in force and lang not in DIACRITIC_LANGS:
        nat = r.choice(["POL", "CZE", "TUR", "ESP", "SWE", "NOR"])
        if issuer not in ("D",) and fmt not in ("MRVA", "MRVB") and "residence" not in force:
            issuer = nat
        lang = NAME_LANG[nat]
    long_name = "long_name" in force or r.random() < 0.12
    surname, fem, male = pick_name(r, lang, long_name)
    sex = r.choices("MFX", weights=(47, 47, 6))[0]
    pool = fem if sex == "F" else male if sex == "M" else fem + male
    ngiven = r.choices((1, 2, 3), weights=(60, 30, 10))[0]
    given = []
    for _ in range(ngiven):
        g = r.choice(pool)
        if g not in given:
            given.append(g)
    if long_name and r.random() < 0.5:
        given.append(r.choice(pool))
    given = " ".join(dict.fromkeys(given))
    if "diacritics" in force and mrz_name_part(surname) == surname.upper() and \
            mrz_name_part(given) == given.upper():
        surname = r.choice([s for s in NAMES[lang][0] if mrz_name_part(s) != s.upper()])

    birth = rand_date(r, dt.date(1940, 1, 1), dt.date(2010, 12, 31))
    # Code and validity.
    if fmt == "TD3":
        code = r.choices(["P<", "PP", "PD", "PO"], weights=(88, 4, 4, 4))[0]
        years = r.choice((5, 10)) if birth.year <= 2006 else 5
    elif fmt in ("MRVA", "MRVB"):
        code = "V<"
        years = 0
    else:
        if "residence" in force:
            code = r.choice(["AR", "IR", "A<"])
            years = r.choice((1, 2, 3, 5))
        else:
            code = "ID" if issuer == "D" else r.choices(["I<", "ID", "AC", "C<"], weights=(62, 28, 5, 5))[0]
            years = r.choice((5, 10))
    expired = "expired" in force or r.random() < 0.15
    if years:
        span = dt.timedelta(days=int(years * 365.25))
        if expired:
            issue = rand_date(r, REF_DATE - span - dt.timedelta(days=3000), REF_DATE - span - dt.timedelta(days=2))
        else:
            issue = rand_date(r, REF_DATE - span + dt.timedelta(days=2), REF_DATE - dt.timedelta(days=1))
        expiry = add_years(issue, years) - dt.timedelta(days=1)
    else:
        days = r.choice((30, 90, 180, 365, 730))
        if expired:
            issue = rand_date(r, dt.date(2018, 1, 1), REF_DATE - dt.timedelta(days=days + 2))
        else:
            issue = rand_date(r, REF_DATE - dt.timedelta(days=days - 2), REF_DATE - dt.timedelta(days=1))
        expiry = issue + dt.timedelta(days=days - 1)
    if issue < birth + dt.timedelta(days=30):
        # Nobody holds a document before birth: move the birth back.
        birth = issue - dt.timedelta(days=r.randrange(200, 6000))
        if birth.year < 1940:
            birth = dt.date(1940, 3, 1)

    number = doc_number(r, issuer, fmt)
    opt = ""
    opt2 = ""
    if fmt == "TD1" and issuer != "D" and r.random() < 0.25:
        number += "".join(r.choice("0123456789") for _ in range(r.randint(1, 4)))
    if fmt == "TD3":
        if r.random() < 0.55:
            opt = "".join(r.choice("0123456789") for _ in range(r.choice((8, 10, 11, 14))))
            if r.random() < 0.2:
                opt = opt[:-2] + r.choice("ABCDEFGHJKLMNPRSTUVXYZ") + opt[-1]
    elif fmt == "TD1":
        room = 15 - (len(number) - 9 + 2 if len(number) > 9 else 0)
        if r.random() < 0.4 and room >= 6:
            opt = "".join(r.choice("0123456789") for _ in range(min(room, r.choice((6, 9, 11)))))
        if r.random() < 0.25:
            opt2 = "".join(r.choice("0123456789ABCDEFGHJKLMNPRSTUVXYZ") for _ in range(r.choice((3, 6, 11))))
    elif fmt == "TD2":
        if r.random() < 0.3:
            opt = "".join(r.choice("0123456789") for _ in range(r.choice((4, 7))))
    elif fmt == "MRVA":
        if r.random() < 0.5:
            opt = "".join(r.choice("0123456789ABCDEFGHJKLMNPRSTUVXYZ") for _ in range(r.choice((6, 10, 16))))
    elif fmt == "MRVB":
        if r.random() < 0.5:
            opt = "".join(r.choice("0123456789") for _ in range(r.choice((4, 8))))

    doc = {
        "format": fmt,
        "document_code": code,
        "issuing_state": issuer,
        "nationality": nat,
        "surname": surname,
        "given_names": given,
        "sex": sex,
        "birth_date": birth,
        "issue_date": issue,
        "expiry_date": expiry,
        "document_number": number,
        "optional_data": opt,
        "optional_data2": opt2,
        "empty_pn_check": r.choice("<0"),
        "residence": "residence" in force,
        "lang": COUNTRIES[issuer][2],
        "name_lang": lang,
        "place_of_birth": r.choice(PLACES[lang]),
    }
    if fmt in ("MRVA", "MRVB"):
        doc["visa_passport_number"] = doc_number(r, nat, "TD3")
        doc["entries"] = r.choice(["1", "2", "MULT"])
        doc["duration"] = str(r.choice((15, 30, 90, 180)))
        doc["visa_type"] = r.choice(["C", "D", "D", "C"])
    build_mrz(doc)
    return doc


# ---------------------------------------------------------------------------
# Rendering helpers
# ---------------------------------------------------------------------------
_font_cache = {}


def font(path, px):
    key = (path, int(round(px)))
    f = _font_cache.get(key)
    if f is None:
        f = ImageFont.truetype(path, max(4, key[1]))
        _font_cache[key] = f
    return f


class Canvas:
    """A document face drawn in millimetre coordinates at a given dpi."""

    def __init__(self, w_mm, h_mm, dpi, bg):
        self.dpi = dpi
        self.s = dpi / 25.4
        self.w = int(round(w_mm * self.s))
        self.h = int(round(h_mm * self.s))
        self.w_mm, self.h_mm = w_mm, h_mm
        self.im = bg
        self.d = ImageDraw.Draw(self.im)

    def px(self, mm):
        return mm * self.s

    def text(self, x, y, s, cap_mm, fill, bold=False, serif=False, max_w=None, anchor="ls"):
        name = ("DejaVuSerif" if serif else "DejaVuSans") + ("-Bold" if bold else "") + ".ttf"
        size = cap_mm / DEJAVU_CAP_EM * self.s
        f = font(DEJAVU + name, size)
        if max_w is not None:
            wpx = self.d.textlength(s, font=f)
            if wpx > self.px(max_w):
                f = font(DEJAVU + name, size * self.px(max_w) / wpx)
        self.d.text((self.px(x), self.px(y)), s, font=f, fill=fill, anchor=anchor)

    def label_value(self, x, y, label, value, lab_cap, val_cap, max_w, lab_fill, val_fill):
        self.text(x, y, label, lab_cap, lab_fill, max_w=max_w)
        self.text(x, y + val_cap + lab_cap * 0.75, value, val_cap, val_fill, bold=True, max_w=max_w)


def palette(r):
    hues = [(205, 225, 240), (220, 235, 215), (240, 225, 230), (235, 230, 210), (225, 220, 240),
            (215, 235, 235)]
    base = r.choice(hues)
    line1 = tuple(max(0, c - r.randint(40, 80)) for c in base)
    line2 = tuple(max(0, c - r.randint(20, 60)) for c in reversed(base))
    return base, line1, line2


def guilloche(w, h, dpi, r, colors, mrz_top_px):
    """A pale background: tinted gradient, two families of wavy lines and a
    rosette. Computed at no more than 150 dpi and scaled up."""
    base, c1, c2 = colors
    f = min(1.0, 150.0 / dpi)
    sw, sh = max(8, int(w * f)), max(8, int(h * f))
    mm = 25.4 / (dpi * f)
    y, x = np.mgrid[0:sh, 0:sw].astype(np.float32)
    x *= mm
    y *= mm
    img = np.empty((sh, sw, 3), np.float32)
    grad = (x / (sw * mm))[..., None]
    tint2 = np.array([min(255, c + 12) for c in reversed(base)], np.float32)
    img[:] = np.array(base, np.float32) * (1 - grad) + tint2 * grad
    img = img * 0.35 + 255 * 0.65 + 0  # pale paper
    lw = 0.09 * max(1.0, 1.6 * mm / 0.13)  # line half-width in periods, wide enough to survive scaling

    def draw(phase, col, strength):
        d = np.abs((phase % 1.0) - 0.5)
        a = np.clip((d - (0.5 - lw)) / (lw * 0.8), 0, 1) * strength
        img[:] = img * (1 - a[..., None]) + np.array(col, np.float32) * a[..., None]

    sp = r.uniform(0.9, 1.4)
    amp, lam, ph = r.uniform(1.5, 4), r.uniform(15, 40), r.uniform(0, 6.28)
    draw((y + amp * np.sin(2 * np.pi * x / lam + ph)) / sp, c1, 0.35)
    amp2, lam2 = r.uniform(2, 5), r.uniform(20, 50)
    draw((y * 0.6 + x * 0.8 + amp2 * np.sin(2 * np.pi * y / lam2)) / (sp * 1.7), c2, 0.25)
    cx, cy = r.uniform(0.45, 0.8) * sw * mm, r.uniform(0.3, 0.6) * sh * mm
    rr = np.hypot(x - cx, y - cy)
    th = np.arctan2(y - cy, x - cx)
    n = r.choice((9, 12, 16, 24))
    ros = (rr + 1.5 * np.sin(n * th + rr / 3.0)) / 1.1
    draw(ros, c1, 0.3 * np.clip(1 - rr / (0.35 * sw * mm), 0, 1))
    # The MRZ band stays nearly clear, as ICAO asks.
    band = y >= (mrz_top_px * f) * mm
    img[band] = img[band] * 0.25 + 252 * 0.75
    out = Image.fromarray(np.clip(img, 0, 255).astype(np.uint8), "RGB")
    if f < 1.0:
        out = out.resize((w, h), Image.BILINEAR)
    return out


def portrait(cv, x, y, w, h, r, ghost=False):
    """A grey silhouette in a frame at (x, y) mm, w x h mm."""
    pw, ph = int(cv.px(w)), int(cv.px(h))
    bgc = r.choice([(200, 210, 225), (215, 215, 215), (205, 220, 230), (230, 230, 225)])
    im = Image.new("RGB", (pw, ph), bgc)
    d = ImageDraw.Draw(im)
    tone = r.randint(70, 130)
    skin = (tone, tone, tone + 5)
    cx = pw / 2 + r.uniform(-0.04, 0.04) * pw
    hw, hh = pw * r.uniform(0.21, 0.26), ph * r.uniform(0.2, 0.24)
    hy = ph * 0.40
    # shoulders, neck, head, hair
    d.ellipse([cx - pw * 0.55, ph * 0.78, cx + pw * 0.55, ph * 1.35], fill=(tone - 30, tone - 30, tone - 25))
    d.rectangle([cx - hw * 0.45, hy + hh * 0.6, cx + hw * 0.45, ph * 0.85], fill=skin)
    d.ellipse([cx - hw, hy - hh, cx + hw, hy + hh], fill=skin)
    hair = max(0, tone - r.randint(40, 70))
    d.chord([cx - hw * 1.05, hy - hh * 1.12, cx + hw * 1.05, hy + hh * 0.5], 180, 360, fill=(hair,) * 3)
    im = im.filter(ImageFilter.GaussianBlur(max(0.5, cv.s * 0.15)))
    if ghost:
        g = im.convert("L").point(lambda v: 255 - (255 - v) * 0.3)
        im = Image.merge("RGB", (g, g, g))
    cv.im.paste(im, (int(cv.px(x)), int(cv.px(y))))
    if not ghost:
        cv.d.rectangle([cv.px(x), cv.px(y), cv.px(x + w), cv.px(y + h)], outline=(90, 90, 90),
                       width=max(1, int(cv.s * 0.12)))


def signature(cv, x, y, w, h, r):
    pts = []
    n = r.randint(14, 26)
    for i in range(n):
        t = i / (n - 1)
        pts.append((cv.px(x + t * w + r.uniform(-1.5, 1.5)),
                    cv.px(y + h * (0.5 + 0.45 * math.sin(t * r.uniform(8, 18) + r.uniform(0, 3))))))
    cv.d.line(pts, fill=(25, 30, 80), width=max(1, int(cv.s * 0.25)), joint="curve")


def fmt_date(d, style, lang):
    if style == "dots":
        return d.strftime("%d.%m.%Y")
    if style == "slash":
        return d.strftime("%d/%m/%Y")
    if style == "space":
        return d.strftime("%d %m %Y")
    mon = MONTHS["en"][d.month - 1]
    if style == "bimonth" and lang in MONTHS and lang != "en":
        nat = MONTHS[lang][d.month - 1]
        if nat != mon:
            return "%02d %s/%s %04d" % (d.day, nat, mon, d.year)
    return "%02d %s %04d" % (d.day, mon, d.year)


def lab(doc, key):
    """Label in the issuer's language, then English (and French for passports)."""
    lang = doc["lang"]
    parts = []
    for l in (lang, "en", "fr"):
        t = LABELS[l].get(key)
        if t and t not in parts:
            parts.append(t)
    return " / ".join(parts[:3 if doc["format"] == "TD3" else 2])


def render_mrz(cv, doc, r, x_jit, y_jit):
    """Prints the MRZ in OCR-B at ICAO size onto the canvas. Returns the ink
    box [x0, y0, x1, y1] in canvas pixels, the pitch and the cap height."""
    fmt = doc["format"]
    nlines, width = MRZ_SHAPE[fmt]
    pitch = MRZ_PITCH_MM * cv.s
    size = MRZ_CAP_MM / OCRB_CAP_EM * cv.s
    f = ImageFont.truetype(OCRB_PATH, int(round(size)))
    adv = f.getlength("H")
    left = (cv.w_mm - width * MRZ_PITCH_MM) / 2 + x_jit
    base_last = cv.h_mm - MRZ_BOTTOM_MM[fmt] + y_jit
    top_mm = base_last - (nlines - 1) * MRZ_LINE_MM - MRZ_CAP_MM * 1.4
    y0 = int(cv.px(top_mm))
    bh = int(cv.px(cv.h_mm)) - y0
    layer = Image.new("L", (cv.w, bh), 0)
    d = ImageDraw.Draw(layer)
    for li, line in enumerate(doc["mrz_lines"]):
        by = cv.px(base_last - (nlines - 1 - li) * MRZ_LINE_MM) - y0
        for ci, ch in enumerate(line):
            cx = cv.px(left) + ci * pitch + (pitch - adv) / 2
            d.text((round(cx), round(by)), ch, font=f, fill=255, anchor="ls")
    box = layer.getbbox()
    ink = r.randint(10, 45)
    colour = Image.new("RGB", layer.size, (ink, ink, ink + r.randint(0, 15)))
    region = cv.im.crop((0, y0, cv.w, y0 + bh))
    region.paste(colour, (0, 0), layer)
    cv.im.paste(region, (0, y0))
    return [box[0], box[1] + y0, box[2], box[3] + y0], pitch, MRZ_CAP_MM * cv.s


def header(cv, doc, title_key, colors, r):
    en, nat_name, _ = country(doc["issuing_state"])
    c = tuple(max(0, v - 150) for v in colors[1])
    w = cv.w_mm
    big = 2.3 if doc["format"] in ("TD3", "MRVA") else 1.9 if doc["format"] in ("TD2", "MRVB") else 1.5
    cv.text(w / 2, big + 2.5, nat_name, big, c, bold=True, serif=True, max_w=w - 8, anchor="ms")
    titles = []
    for l in (doc["lang"], "en", "fr"):
        t = LABELS[l][title_key]
        if t not in titles:
            titles.append(t)
    y2 = big + 2.5 + big * 1.05 + 1.0
    cv.text(w / 2, y2, " / ".join(titles), big * 0.6, c, serif=True, max_w=w - 8, anchor="ms")
    if nat_name != en:
        cv.text(w / 2, y2 + big * 0.75, en, big * 0.45, c, max_w=w - 8, anchor="ms")


def render_document(doc, dpi, r):
    """Renders the document face(s). Returns (image RGB, mask L, mrz box in
    image pixels, pitch px, cap px). TD1 yields front and back side by side
    vertically in one sheet (front on top)."""
    fmt = doc["format"]
    w_mm, h_mm = DOC_SIZE_MM[fmt]
    colors = palette(r)
    nlines, _ = MRZ_SHAPE[fmt]
    lab_fill = tuple(max(0, v - 130) for v in colors[1])
    val_fill = (15, 15, 20)
    ds = r.choice(["dots", "month", "bimonth", "slash"]) if doc["issuing_state"] != "D" else "dots"
    fd = lambda d: fmt_date(d, ds, doc["lang"])
    x_jit, y_jit = r.uniform(-0.6, 0.6), r.uniform(-0.4, 0.4)
    mrz_top_mm = h_mm - MRZ_BOTTOM_MM[fmt] - (nlines - 1) * MRZ_LINE_MM - 4.5
    s = dpi / 25.4

    def face(has_mrz=True):
        W, H = int(round(w_mm * s)), int(round(h_mm * s))
        top = mrz_top_mm * s if has_mrz else H + 1
        return Canvas(w_mm, h_mm, dpi, guilloche(W, H, dpi, r, colors, top))

    sexv = {"M": "M", "F": "F", "X": "X"}[doc["sex"]]
    natv = doc["nationality"].replace("<", "")
    if natv == "D":
        natv = "DEUTSCH" if doc["lang"] == "de" else "D"
    num = doc["document_number"]

    if fmt == "TD3":
        cv = face()
        header(cv, doc, "passport", colors, r)
        portrait(cv, 5, 17, 32, 41, r)
        portrait(cv, 111, 44, 10, 13, r, ghost=True)
        X, c2, c3 = 42, 66, 92
        L, V = 1.05, 2.0
        row = lambda i: 15 + i * 6.1
        cv.label_value(X, row(0), lab(doc, "type"), doc["document_code"][0], L, V, 20, lab_fill, val_fill)
        cv.label_value(c2, row(0), lab(doc, "code"), doc["issuing_state"].replace("<", ""), L, V, 24, lab_fill, val_fill)
        cv.label_value(c3, row(0), lab(doc, "passno"), num, L, V, 30, lab_fill, val_fill)
        cv.label_value(X, row(1), lab(doc, "surname"), doc["surname"].upper(), L, V, 80, lab_fill, val_fill)
        cv.label_value(X, row(2), lab(doc, "given"), doc["given_names"].upper(), L, V, 80, lab_fill, val_fill)
        cv.label_value(X, row(3), lab(doc, "nat"), natv, L, V, 50, lab_fill, val_fill)
        cv.label_value(X, row(4), lab(doc, "dob"), fd(doc["birth_date"]), L, V, 48, lab_fill, val_fill)
        if doc["optional_data"]:
            cv.label_value(c3, row(4), lab(doc, "pers"), doc["optional_data"], L, V, 30, lab_fill, val_fill)
        cv.label_value(X, row(5), lab(doc, "sex"), sexv, L, V, 18, lab_fill, val_fill)
        cv.label_value(c2, row(5), lab(doc, "pob"), doc["place_of_birth"], L, V, 40, lab_fill, val_fill)
        cv.label_value(X, row(6), lab(doc, "doi"), fd(doc["issue_date"]), L, V, 40, lab_fill, val_fill)
        cv.label_value(c3 - 8, row(6), lab(doc, "auth"), ("STADT " + doc["place_of_birth"]) if doc["issuing_state"] == "D" and doc["name_lang"] == "de" else "MFA " + doc["issuing_state"].replace("<", ""), L, V, 26, lab_fill, val_fill)
        cv.label_value(X, row(7), lab(doc, "doe"), fd(doc["expiry_date"]), L, V, 40, lab_fill, val_fill)
        cv.text(c3 - 8, row(7), lab(doc, "sig"), L, lab_fill, max_w=30)
        signature(cv, c3 - 6, row(7) + 0.3, 22, 4.5, r)
        box, pitch, cap = render_mrz(cv, doc, r, x_jit, y_jit)
        faces = [cv]
    elif fmt in ("TD2", "MRVB", "MRVA"):
        visa = fmt != "TD2"
        cv = face()
        header(cv, doc, "visa" if visa else ("resid" if doc["residence"] else "idcard"), colors, r)
        big = fmt == "MRVA"
        pw, ph = (30, 38) if big else (25, 32)
        portrait(cv, 4, 13 if big else 12, pw, ph, r)
        X = pw + 8
        L, V = (1.0, 1.9) if big else (0.9, 1.65)
        step = 5.6 if big else 5.1
        row = lambda i: 12.5 + i * step
        col2 = X + (w_mm - X) / 2
        half = (w_mm - X) / 2 - 2
        if visa:
            cv.label_value(X, row(0), lab(doc, "valid_from"), fd(doc["issue_date"]), L, V, half, lab_fill, val_fill)
            cv.label_value(col2, row(0), lab(doc, "until"), fd(doc["expiry_date"]), L, V, half, lab_fill, val_fill)
            cv.label_value(X, row(1), lab(doc, "type"), doc["visa_type"], L, V, half * 0.3, lab_fill, val_fill)
            cv.label_value(X + half * 0.32, row(1), lab(doc, "entries"), doc["entries"], L, V, half * 0.68 + 1.5, lab_fill, val_fill)
            cv.label_value(col2, row(1), lab(doc, "duration"), doc["duration"], L, V, half, lab_fill, val_fill)
            cv.label_value(X, row(2), lab(doc, "issued_at"), PLACES[doc["lang"] if doc["lang"] in PLACES else "en"][0], L, V, half, lab_fill, val_fill)
            cv.label_value(col2, row(2), lab(doc, "doi"), fd(doc["issue_date"]), L, V, half, lab_fill, val_fill)
            cv.label_value(X, row(3), lab(doc, "passno"), doc["visa_passport_number"], L, V, half, lab_fill, val_fill)
            cv.label_value(col2, row(3), lab(doc, "docno"), num, L, V, half, lab_fill, val_fill)
            cv.label_value(X, row(4), lab(doc, "surname") + ", " + lab(doc, "given"),
                           doc["surname"].upper() + ", " + doc["given_names"].upper(), L, V, w_mm - X - 3, lab_fill, val_fill)
            cv.label_value(X, row(5), lab(doc, "dob"), fd(doc["birth_date"]), L, V, half / 1.3, lab_fill, val_fill)
            cv.label_value(X + half / 1.3 + 2, row(5), lab(doc, "sex"), sexv, L, V, 10, lab_fill, val_fill)
            cv.label_value(col2 + 4, row(5), lab(doc, "nat"), natv, L, V, half - 4, lab_fill, val_fill)
            if big:
                cv.text(X, row(6) + 1, lab(doc, "remarks"), L, lab_fill, max_w=half)
                cv.text(X, row(6) + 1 + V * 1.6, "ERWERBSTÄTIGKEIT NICHT GESTATTET" if doc["lang"] == "de"
                        else "EMPLOYMENT NOT PERMITTED", V * 0.8, val_fill, max_w=w_mm - X - 3)
        else:
            cv.label_value(X, row(0), lab(doc, "surname"), doc["surname"].upper(), L, V, w_mm - X - 3, lab_fill, val_fill)
            cv.label_value(X, row(1), lab(doc, "given"), doc["given_names"].upper(), L, V, w_mm - X - 3, lab_fill, val_fill)
            cv.label_value(X, row(2), lab(doc, "dob"), fd(doc["birth_date"]), L, V, half, lab_fill, val_fill)
            cv.label_value(col2, row(2), lab(doc, "sex"), sexv, L, V, half, lab_fill, val_fill)
            cv.label_value(X, row(3), lab(doc, "nat"), natv, L, V, half, lab_fill, val_fill)
            cv.label_value(col2, row(3), lab(doc, "pob"), doc["place_of_birth"], L, V, half, lab_fill, val_fill)
            cv.label_value(X, row(4), lab(doc, "doi"), fd(doc["issue_date"]), L, V, half, lab_fill, val_fill)
            cv.label_value(col2, row(4), lab(doc, "doe"), fd(doc["expiry_date"]), L, V, half, lab_fill, val_fill)
            cv.label_value(X, row(5), lab(doc, "docno"), num, L, V, half, lab_fill, val_fill)
            signature(cv, col2, row(5) - 1, 25, 4, r)
        box, pitch, cap = render_mrz(cv, doc, r, x_jit, y_jit)
        faces = [cv]
    else:  # TD1: front and back
        front = face(has_mrz=False)
        header(front, doc, "resid" if doc["residence"] else "idcard", colors, r)
        portrait(front, 3, 11, 22, 29, r)
        X = 28
        L, V = 0.8, 1.5
        row = lambda i: 11 + i * 4.55
        half = (w_mm - X) / 2 - 1.5
        col2 = X + half + 2
        front.label_value(X, row(0), lab(doc, "surname"), doc["surname"].upper(), L, V, w_mm - X - 2, lab_fill, val_fill)
        front.label_value(X, row(1), lab(doc, "given"), doc["given_names"].upper(), L, V, w_mm - X - 2, lab_fill, val_fill)
        front.label_value(X, row(2), lab(doc, "dob"), fd(doc["birth_date"]), L, V, half, lab_fill, val_fill)
        front.label_value(col2, row(2), lab(doc, "sex"), sexv, L, V, half, lab_fill, val_fill)
        front.label_value(X, row(3), lab(doc, "nat"), natv, L, V, half, lab_fill, val_fill)
        front.label_value(col2, row(3), lab(doc, "pob"), doc["place_of_birth"], L, V, half, lab_fill, val_fill)
        front.label_value(X, row(4), lab(doc, "doe"), fd(doc["expiry_date"]), L, V, half, lab_fill, val_fill)
        front.label_value(col2, row(4), lab(doc, "docno"), num[:9] if len(num) <= 9 else num, L, V, half, lab_fill, val_fill)
        signature(front, X, row(5) - 2.2, 22, 3.5, r)
        back = face()
        back.label_value(4, 5, lab(doc, "address"), "%d %s" % (r.randint(1, 120), r.choice(
            ["HAUPTSTRASSE", "RUE DE LA PAIX", "CALLE MAYOR", "ULICA DŁUGA", "MAIN STREET"])), 0.8, 1.4, 50, lab_fill, val_fill)
        back.label_value(4, 11.5, lab(doc, "doi"), fd(doc["issue_date"]), 0.8, 1.4, 35, lab_fill, val_fill)
        back.label_value(45, 11.5, lab(doc, "auth"), "CITY OF " + PLACES[doc["name_lang"]][0], 0.8, 1.4, 38, lab_fill, val_fill)
        back.label_value(4, 18, lab(doc, "height"), "%d cm" % r.randint(150, 198), 0.8, 1.4, 35, lab_fill, val_fill)
        back.label_value(45, 18, lab(doc, "eyes"), r.choice(["BRAUN", "BLUE", "GRÜN", "GRIS"]), 0.8, 1.4, 35, lab_fill, val_fill)
        portrait(back, 68, 4, 12, 15, r, ghost=True)
        box, pitch, cap = render_mrz(back, doc, r, x_jit, y_jit)
        faces = [front, back]

    if doc.get("printed_specimen"):
        stamp_specimen(faces[0], doc["format"])
    return assemble_faces(faces, box, pitch, cap, fmt, r, s)


def assemble_faces(faces, box, pitch, cap, fmt, r, s):
    """Puts the faces on one sheet with rounded-corner masks (front above
    back). Returns what render_document returns."""
    # Assemble faces on a transparent sheet with rounded-corner masks.
    gap = int(round(r.uniform(4, 12) * s)) if len(faces) > 1 else 0
    W = max(f.w for f in faces)
    H = sum(f.h for f in faces) + gap * (len(faces) - 1)
    sheet = Image.new("RGB", (W, H), (255, 255, 255))
    mask = Image.new("L", (W, H), 0)
    md = ImageDraw.Draw(mask)
    rad = (3.18 if fmt in ("TD1", "TD2") else 2.0) * s
    yoff = 0
    mrz_box = None
    for i, f in enumerate(faces):
        sheet.paste(f.im, (0, yoff))
        md.rounded_rectangle([0, yoff, f.w - 1, yoff + f.h - 1], radius=rad, fill=255)
        if i == len(faces) - 1:
            mrz_box = [box[0], box[1] + yoff, box[2], box[3] + yoff]
        yoff += f.h + gap
    # Card edge: a thin darker rim as a scanner sees it.
    sd = ImageDraw.Draw(sheet)
    yoff = 0
    for f in faces:
        sd.rounded_rectangle([0, yoff, f.w - 1, yoff + f.h - 1], radius=rad, outline=(200, 200, 200))
        yoff += f.h + gap
    return sheet, mask, mrz_box, pitch, cap


# ---------------------------------------------------------------------------
# Layouts (--layouts all|heldout). The classic layout above is what rules
# were tuned on; these draw the same data in other arrangements: field order,
# caption languages and positions, names on one line, names in a second
# script, stamps, hologram, security print. Every choice comes from a random
# stream of its own (sub_rng(seed, "layout", j)), drawn before the page is
# rendered, so the identity and the scan parameters of document j stay the
# ones the same seed gives with --layouts classic.
# ---------------------------------------------------------------------------
LAYOUT_FAMILIES = ("classic", "all", "heldout", "heldout2", "heldout4", "heldout5", "heldout6", "heldout7",
                   "heldout8", "heldout9", "heldout10", "heldout11", "heldout12", "heldout13", "heldout14",
                   "heldout15")
HELD_FAMILIES = ("heldout", "heldout2", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9",
                 "heldout10", "heldout11", "heldout12", "heldout13", "heldout14", "heldout15")

# Reverse of ICAO 9303 Part 3 Table B (Cyrillic) and of ELOT 743 (Greek),
# written as "which letter gives this Latin spelling": longest spelling
# first. A name is printed in the second script only when transliterating
# it forward (CYR_FWD / GRK_FWD, the readings the tables allow) gives the
# MRZ spelling back; letters with no counterpart (W, Q, X in Cyrillic; B, C,
# J, Q, U, W in Greek) make the name stay Latin-only.
CYR_REV = [("SHCH", "Щ"), ("ZH", "Ж"), ("KH", "Х"), ("TS", "Ц"), ("CH", "Ч"), ("SH", "Ш"),
           ("YU", "Ю"), ("IU", "Ю"), ("YA", "Я"), ("IA", "Я"),
           ("A", "А"), ("B", "Б"), ("V", "В"), ("G", "Г"), ("D", "Д"), ("E", "Е"), ("Z", "З"),
           ("I", "И"), ("Y", "И"), ("K", "К"), ("L", "Л"), ("M", "М"), ("N", "Н"), ("O", "О"),
           ("P", "П"), ("R", "Р"), ("S", "С"), ("T", "Т"), ("U", "У"), ("F", "Ф"), ("H", "Г"),
           ("C", "Ц"), ("J", "Ј")]
CYR_FWD = {"А": ["A"], "Б": ["B"], "В": ["V"], "Г": ["G", "H"], "Д": ["D"], "Е": ["E"],
           "Ж": ["ZH", "Z"], "З": ["Z"], "И": ["I", "Y"], "К": ["K"], "Л": ["L"], "М": ["M"],
           "Н": ["N"], "О": ["O"], "П": ["P"], "Р": ["R"], "С": ["S"], "Т": ["T"], "У": ["U"],
           "Ф": ["F"], "Х": ["KH", "H"], "Ц": ["TS", "C"], "Ч": ["CH", "C"], "Ш": ["SH", "S"],
           "Щ": ["SHCH", "SHT"], "Ю": ["IU", "YU"], "Я": ["IA", "YA"], "Ј": ["J"]}
GRK_REV = [("TH", "Θ"), ("PS", "Ψ"), ("CH", "Χ"), ("KS", "Ξ"), ("OU", "ΟΥ"), ("MP", "ΜΠ"),
           ("NT", "ΝΤ"), ("A", "Α"), ("V", "Β"), ("G", "Γ"), ("D", "Δ"), ("E", "Ε"), ("Z", "Ζ"),
           ("I", "Ι"), ("K", "Κ"), ("L", "Λ"), ("M", "Μ"), ("N", "Ν"), ("X", "Ξ"), ("O", "Ο"),
           ("P", "Π"), ("R", "Ρ"), ("S", "Σ"), ("T", "Τ"), ("Y", "Υ"), ("F", "Φ"), ("H", "Χ")]
GRK_FWD = {"Α": ["A"], "Β": ["V"], "Γ": ["G"], "Δ": ["D"], "Ε": ["E"], "Ζ": ["Z"], "Η": ["I"],
           "Θ": ["TH"], "Ι": ["I"], "Κ": ["K"], "Λ": ["L"], "Μ": ["M"], "Ν": ["N"], "Ξ": ["X", "KS"],
           "Ο": ["O"], "Π": ["P"], "Ρ": ["R"], "Σ": ["S"], "Τ": ["T"], "Υ": ["Y", "I"], "Φ": ["F"],
           "Χ": ["CH", "X", "H"], "Ψ": ["PS"], "Ω": ["O"]}
GRK_DIGRAPHS = {"ΑΥ": ["AV", "AF", "AY"], "ΕΥ": ["EV", "EF", "EY"], "ΟΥ": ["OU"], "ΓΓ": ["NG", "GG"],
                "ΓΚ": ["GK", "NK", "G"], "ΜΠ": ["MP", "B"], "ΝΤ": ["NT", "D"]}


def _spells(word, fwd, digraphs):
    """True readings of a word in a second script: the set of Latin strings
    its letters may give (digraphs first, as the tables read them)."""
    out = {""}
    i = 0
    while i < len(word):
        if word[i:i + 2] in digraphs:
            alts, i = digraphs[word[i:i + 2]], i + 2
        elif word[i] in fwd:
            alts, i = fwd[word[i]], i + 1
        else:
            return set()
        out = {o + a for o in out for a in alts}
        if len(out) > 4096:
            return set()
    return out


def second_script(latin, script):
    """latin: a name in MRZ spelling (A-Z, spaces). Returns it written in
    Cyrillic or Greek capitals, or None when the letters do not go back."""
    rev, fwd, dig = (CYR_REV, CYR_FWD, {}) if script == "cyrillic" else (GRK_REV, GRK_FWD, GRK_DIGRAPHS)
    words = []
    for w in latin.split():
        out, i = [], 0
        while i < len(w):
            for lat, ch in rev:
                if w.startswith(lat, i):
                    out.append(ch)
                    i += len(lat)
                    break
            else:
                return None
        cw = "".join(out)
        if w not in _spells(cw, fwd, dig):
            return None
        words.append(cw)
    return " ".join(words) if words else None


def icao_words(native):
    return mrz_name_part(native).replace("<", " ")


def pick_layout(rl, doc, family):
    """The layout of one document, a small dict recorded in the truth JSON."""
    held = family in HELD_FAMILIES
    L = {"family": family}
    if family == "heldout4":
        # Fourth held-out family (written 2026-12-06 before any of its pages
        # was screened, and before the fixes of that day): captions in a
        # column with dotted leaders, in the left cell of a ruled grid, or in
        # a box's top-right corner; national with Spanish, or Italian with
        # English; surname and given names on one row split by a semicolon;
        # dates with Roman months, compact (12AUG74) or year first with dots;
        # Greek names below the Latin ones; a ghost image among the fields,
        # two stamps, a hologram band and wave patterns over the fields.
        L["captions"] = rl.choice(["dotted_leader", "grid_left", "corner_tab"])
        L["caption_langs"] = rl.choice(["nat_es", "it_en"])
        L["names"] = rl.choice(["separate", "oneline_semicolon"])
        L["dates"] = rl.choice(["roman", "compact", "ymd_dot"])
        L["portrait"] = rl.choice(["left", "right"])
        L["ghost"] = rl.random() < 0.7
        L["waves"] = rl.random() < 0.6
        L["band"] = rl.random() < 0.5
    elif family == "heldout2":
        # Second held-out family (written before any of its pages was
        # screened): captions on the value's line, before it with a dash or
        # after it in brackets; lower-case English or national with English
        # in brackets; given names first in mixed case; two-digit or
        # year-first dates.
        L["captions"] = rl.choice(["inline_dash", "caption_after"])
        L["caption_langs"] = rl.choice(["en_lower", "nat_en_paren"])
        L["names"] = rl.choice(["separate", "given_first_mixed"])
        L["dates"] = rl.choice(["ymd_slash", "dmy_short"])
        L["portrait"] = rl.choice(["left", "right"])
    elif held:
        L["captions"] = rl.choice(["colon", "boxed", "right_column"])
        L["caption_langs"] = rl.choice(["nat_caps", "en_nat_pipe", "nat_en_nospace"])
        L["names"] = rl.choice(["given_first", "separate", "oneline_caps"])
        L["dates"] = rl.choice(["iso", "dash", "title_month"])
        L["portrait"] = "right"
    else:
        L["captions"] = rl.choice(["above", "below", "left_column", "numbered", "two_line"])
        L["caption_langs"] = rl.choice(["nat", "nat_en", "nat_en", "nat_en_fr", "en"])
        L["names"] = rl.choice(["separate", "separate", "oneline", "oneline_mixed"])
        L["dates"] = rl.choice(["dots", "month", "bimonth", "slash", "space"])
        L["portrait"] = "left"
    if doc["issuing_state"] == "D":
        L["dates"] = "dots" if not held else L["dates"]
    L["order_seed"] = rl.randint(0, 10 ** 6)
    L["names_first"] = rl.random() < (0.5 if held else 0.7)
    # A second script beside the Latin names: always for Ukrainian names,
    # else now and then (issuers that print Cyrillic or Greek).
    script = None
    if family == "heldout4":
        if doc["name_lang"] == "ua" or rl.random() < 0.45:
            script = "greek" if doc["name_lang"] != "ua" else "cyrillic"
    elif doc["name_lang"] == "ua" or rl.random() < 0.3:
        script = rl.choice(["cyrillic", "greek"]) if doc["name_lang"] != "ua" else "cyrillic"
    L["script"] = None
    if script:
        s2 = second_script(icao_words(doc["surname"]), script)
        g2 = second_script(icao_words(doc["given_names"]), script) if doc["given_names"] else ""
        if s2 is not None and g2 is not None:
            L["script"] = script
            L["script_names"] = {"surname": s2, "given_names": g2}
            L["script_place"] = ("below" if family == "heldout4" else
                                 rl.choice(["above", "first"] if held else ["beside", "above"]))
    L["stamp"] = rl.random() < (0.7 if family == "heldout4" else 0.5 if held else 0.35)
    L["hologram"] = rl.random() < (0.5 if held else 0.35)
    L["security_print"] = rl.random() < (0.6 if held else 0.4)
    L["stamp_seed"] = rl.randint(0, 10 ** 6)
    return L


def layout_date(d, style, lang):
    if style == "iso":
        return d.isoformat()
    if style == "dash":
        return d.strftime("%d-%m-%Y")
    if style == "title_month":
        return "%d %s %04d" % (d.day, MONTHS["en"][d.month - 1].title(), d.year)
    if style == "ymd_slash":
        return d.strftime("%Y/%m/%d")
    if style == "dmy_short":
        return d.strftime("%d.%m.%y")
    if style == "roman":
        roman = "I II III IV V VI VII VIII IX X XI XII".split()
        return "%d.%s.%04d" % (d.day, roman[d.month - 1], d.year)
    if style == "compact":
        return "%02d%s%02d" % (d.day, MONTHS["en"][d.month - 1], d.year % 100)
    if style == "ymd_dot":
        return d.strftime("%Y.%m.%d")
    return fmt_date(d, style, lang)


def layout_caption(doc, key, L):
    """A caption's text lines (one, or two for two_line)."""
    lang = doc["lang"]
    nat = LABELS[lang].get(key) or LABELS["en"][key]
    en = LABELS["en"][key]
    fr = LABELS["fr"][key]
    mode = L["caption_langs"]
    if mode == "nat":
        parts = [nat]
    elif mode == "en":
        parts = [en]
    elif mode == "nat_en_fr":
        parts = [nat, en, fr]
    elif mode == "nat_caps":
        parts = [nat.upper()]
    elif mode == "en_nat_pipe":
        parts = [en, nat]
    elif mode == "en_lower":
        parts = [en.lower()]
    elif mode == "nat_en_paren":
        return [nat if nat == en else "%s (%s)" % (nat, en)]
    elif mode == "nat_es":
        parts = [nat, LABELS["es"][key]]
    elif mode == "it_en":
        parts = [LABELS["it"][key], en]
    else:
        parts = [nat, en]
    uniq = []
    for p in parts:
        if p not in uniq:
            uniq.append(p)
    if L["captions"] == "two_line" and len(uniq) > 1:
        return [uniq[0], " / ".join(uniq[1:])]
    sep = {"en_nat_pipe": " | ", "nat_en_nospace": "/", "nat_es": " \u00b7 ", "it_en": " - "}.get(mode, " / ")
    return [sep.join(uniq)]


def layout_fields(doc, L, fd):
    """(key, caption key, value, width class) in printing order; width class
    'full' takes a row of its own."""
    natv = doc["nationality"].replace("<", "")
    if natv == "D":
        natv = "DEUTSCH" if doc["lang"] == "de" else "D"
    fmt = doc["format"]
    num = doc["document_number"]
    sur, giv = doc["surname"].upper(), doc["given_names"].upper()
    sn = L.get("script_names") or {}
    place = L.get("script_place")
    s_sur, s_giv = sn.get("surname", ""), sn.get("given_names", "")
    above, below = {}, {}

    def compose(key, latin, script):
        script = script.strip(", ;")
        if not sn or not script:
            return latin
        if place == "above":
            above[key] = script
            return latin
        if place == "below":
            below[key] = script
            return latin
        return latin + " / " + script if place == "beside" else script + " / " + latin

    style = L["names"]
    if style == "separate":
        names = [("surname", ["surname"], compose("surname", sur, s_sur), "full"),
                 ("given", ["given"], compose("given", giv, s_giv), "full")]
    elif style == "oneline":
        names = [("name", ["surname", "given"], compose("name", sur + (", " + giv if giv else ""),
                                                        s_sur + (", " + s_giv if s_giv else "")), "full")]
    elif style == "oneline_mixed":
        g = doc["given_names"]
        names = [("name", ["surname", "given"], compose("name", sur + (", " + g if g else ""),
                                                        s_sur + (", " + s_giv if s_giv else "")), "full")]
    elif style == "oneline_caps":
        names = [("name", ["surname", "given"], compose("name", (sur + " " + giv).strip(),
                                                        (s_sur + " " + s_giv).strip()), "full")]
    elif style == "oneline_semicolon":
        names = [("name", ["surname", "given"], compose("name", sur + ("; " + giv if giv else ""),
                                                        s_sur + ("; " + s_giv if s_giv else "")), "full")]
    elif style == "given_first_mixed":
        g = doc["given_names"]
        names = [("name", ["given", "surname"], compose("name", (g + " " + sur).strip(),
                                                        (s_giv + " " + s_sur).strip()), "full")]
    else:  # given_first
        names = [("name", ["given", "surname"], compose("name", (giv + " " + sur).strip(),
                                                        (s_giv + " " + s_sur).strip()), "full")]
    L["_above"] = above
    L["_below"] = below
    rest = [("dob", ["dob"], fd(doc["birth_date"]), "half"), ("sex", ["sex"], doc["sex"], "small"),
            ("nat", ["nat"], natv, "half")]
    if fmt in ("MRVA", "MRVB"):
        rest += [("valid_from", ["valid_from"], fd(doc["issue_date"]), "half"),
                 ("until", ["until"], fd(doc["expiry_date"]), "half"),
                 ("type", ["type"], doc["visa_type"], "small"),
                 ("entries", ["entries"], doc["entries"], "half"),
                 ("duration", ["duration"], doc["duration"], "half"),
                 ("passno", ["passno"], doc["visa_passport_number"], "half"),
                 ("docno", ["docno"], num, "half")]
    else:
        rest += [("pob", ["pob"], doc["place_of_birth"], "half"),
                 ("doi", ["doi"], fd(doc["issue_date"]), "half"),
                 ("doe", ["doe"], fd(doc["expiry_date"]), "half"),
                 ("docno", ["passno" if fmt == "TD3" else "docno"], num, "half")]
        if fmt == "TD3":
            rest += [("auth", ["auth"], "MFA " + doc["issuing_state"].replace("<", ""), "half")]
            if doc["optional_data"]:
                rest.append(("pers", ["pers"], doc["optional_data"], "half"))
    ro = random.Random(L["order_seed"])
    ro.shuffle(rest)
    return names + rest if L["names_first"] else rest[:2] + names + rest[2:]


def _stamp(cv, rs, cell, held):
    """A round or oblong ink stamp, translucent, over part of a field."""
    x, y, w, h = cell
    r_mm = rs.uniform(5.5, 9.0)
    cx = x + rs.uniform(0.3, 0.9) * w
    cy = y + rs.uniform(0.2, 0.8) * h
    size = int(cv.px(r_mm * 2.3))
    layer = Image.new("L", (size, size), 0)
    d = ImageDraw.Draw(layer)
    c = size / 2
    rp = cv.px(r_mm)
    lw = max(1, int(cv.s * 0.35))
    if rs.random() < 0.6:
        d.ellipse([c - rp, c - rp, c + rp, c + rp], outline=255, width=lw)
        d.ellipse([c - rp * 0.72, c - rp * 0.72, c + rp * 0.72, c + rp * 0.72], outline=255, width=lw)
    else:
        d.rectangle([c - rp * 1.1, c - rp * 0.6, c + rp * 1.1, c + rp * 0.6], outline=255, width=lw)
    word = rs.choice(["ENTRY", "CONSULATE", "EINREISE", "ENTRÉE", "CONTROL", "PAID", "VALID"])
    f = font(DEJAVU + "DejaVuSans-Bold.ttf", cv.px(r_mm * 0.38))
    d.text((c, c), word, font=f, fill=255, anchor="mm")
    f2 = font(DEJAVU + "DejaVuSans.ttf", cv.px(r_mm * 0.22))
    d.text((c, c + rp * 0.45), "%02d.%02d.%d" % (rs.randint(1, 28), rs.randint(1, 12), rs.randint(2019, 2026)),
           font=f2, fill=255, anchor="mm")
    layer = layer.rotate(rs.uniform(-35, 35), resample=Image.BILINEAR)
    alpha = rs.uniform(0.35, 0.6 if held else 0.5)
    layer = layer.point(lambda v: int(v * alpha))
    ink = rs.choice([(40, 60, 170), (120, 40, 140), (170, 40, 50), (30, 110, 80)])
    cv.im.paste(Image.new("RGB", layer.size, ink), (int(cv.px(cx) - size / 2), int(cv.px(cy) - size / 2)), layer)


def _polar_grid(cv, rs, box_mm):
    """The pixel box of box_mm, its pixels' x in mm, and their distance and
    angle from a random centre inside it; None when the box is too small."""
    x0, y0, x1, y1 = [int(cv.px(v)) for v in box_mm]
    if x1 - x0 < 4 or y1 - y0 < 4:
        return None
    y, x = np.mgrid[y0:y1, x0:x1].astype(np.float32) / cv.s
    cx, cy = rs.uniform(box_mm[0], box_mm[2]), rs.uniform(box_mm[1], box_mm[3])
    return (x0, y0, x1, y1), x, np.hypot(x - cx, y - cy), np.arctan2(y - cy, x - cx)


def _blend(cv, box, ink, a):
    """Lays ink over the pixel box at opacity a (per pixel)."""
    region = np.asarray(cv.im.crop(box), np.float32)
    out = region * (1 - a) + ink * a
    cv.im.paste(Image.fromarray(np.clip(out, 0, 255).astype(np.uint8), "RGB"), box[:2])


def _hologram(cv, rs, box_mm):
    """A translucent iridescent pattern (concentric waves in shifting hues)
    over a region of the face."""
    g = _polar_grid(cv, rs, box_mm)
    if g is None:
        return
    box, x, rr, th = g
    wave = 0.5 + 0.5 * np.sin(rr * rs.uniform(1.5, 3.0) + 3 * np.sin(th * rs.choice((5, 6, 8))))
    hue = (rr / 12.0 + x / 40.0) % 1.0
    rgb = np.stack([0.5 + 0.5 * np.sin(2 * np.pi * (hue + k / 3.0)) for k in range(3)], -1) * 255
    a = (wave * rs.uniform(0.10, 0.22))[..., None]
    _blend(cv, box, rgb, a)


def _waves(cv, rs, box_mm, col):
    """A security background of fine wave lines (a rosette of sine-modulated
    rings) in a pale ink under the fields."""
    g = _polar_grid(cv, rs, box_mm)
    if g is None:
        return
    box, x, rr, th = g
    ph = rr * rs.uniform(2.0, 3.5) + rs.uniform(0.6, 1.4) * np.sin(th * rs.choice((7, 9, 12)))
    line = (np.abs(np.sin(ph)) < 0.18).astype(np.float32)
    a = (line * rs.uniform(0.25, 0.4))[..., None]
    ink = np.array([max(0, v - 70) for v in col], np.float32)
    _blend(cv, box, ink, a)


def _security_print(cv, rs, doc, box_mm, col):
    """Microprint: lines of tiny repeated text (the state's name) in a pale
    ink, and fine diagonal hatching, under the fields."""
    en = country(doc["issuing_state"])[0]
    x0, y0, x1, y1 = box_mm
    layer = Image.new("L", (cv.w, cv.h), 0)
    d = ImageDraw.Draw(layer)
    capmm = rs.uniform(0.45, 0.7)
    f = font(DEJAVU + "DejaVuSans.ttf", max(4, capmm / DEJAVU_CAP_EM * cv.s))
    line = (en.replace(" ", "") + "  ") * 12
    y = y0 + capmm
    while y < y1:
        d.text((cv.px(x0 - rs.uniform(0, 5)), cv.px(y)), line, font=f, fill=255, anchor="ls")
        y += capmm * rs.uniform(2.2, 3.2)
    step = rs.uniform(0.8, 1.6)
    k = x0 - (y1 - y0)
    while k < x1:
        d.line([(cv.px(k), cv.px(y1)), (cv.px(k + (y1 - y0)), cv.px(y0))], fill=160, width=1)
        k += step
    layer = layer.crop((0, 0, cv.w, min(cv.h, int(cv.px(y1)))))
    layer = layer.point(lambda v: int(v * 0.28))
    ink = tuple(max(0, v - 40) for v in col)
    cv.im.paste(Image.new("RGB", layer.size, ink), (0, 0), layer)


def _draw_cell(cv, x, y, w, h, cap_lines, value, L, num, lab_fill, val_fill, Lc, Vc):
    """One caption and its value in a cell (x, y) w x h mm, caption style
    L['captions']."""
    style = L["captions"]
    cap = cap_lines
    if style == "numbered":
        cap = ["%d. %s" % (num, cap[0])] + cap[1:]
    if style in ("above", "numbered"):
        cv.text(x, y + Lc, cap[0], Lc, lab_fill, max_w=w)
        cv.text(x, y + Lc * 1.75 + Vc, value, Vc, val_fill, bold=True, max_w=w)
    elif style == "two_line":
        cv.text(x, y + Lc, cap[0], Lc, lab_fill, max_w=w)
        yy = y + Lc
        if len(cap) > 1:
            yy += Lc * 1.4
            cv.text(x, yy, cap[1], Lc * 0.85, lab_fill, max_w=w)
        cv.text(x, yy + Lc * 0.75 + Vc, value, Vc, val_fill, bold=True, max_w=w)
    elif style == "below":
        cv.text(x, y + Vc, value, Vc, val_fill, bold=True, max_w=w)
        cv.text(x, y + Vc + Lc * 0.8 + Lc, cap[0], Lc, lab_fill, max_w=w)
    elif style in ("left_column", "right_column"):
        cw = w * 0.38
        base = y + Vc + Lc * 0.4
        if style == "left_column":
            cv.text(x, base, cap[0], Lc, lab_fill, max_w=cw - 1)
        else:
            cv.text(x + cw - 1, base, cap[0] + ":", Lc, lab_fill, max_w=cw - 1, anchor="rs")
        cv.text(x + cw, base, value, Vc, val_fill, bold=True, max_w=w - cw)
    elif style in ("inline_dash", "caption_after"):
        base = y + Vc + Lc * 0.4
        ft = font(DEJAVU + "DejaVuSans.ttf", Lc / DEJAVU_CAP_EM * cv.s)
        fv = font(DEJAVU + "DejaVuSans-Bold.ttf", Vc / DEJAVU_CAP_EM * cv.s)
        if style == "inline_dash":
            text = cap[0] + " \u2014 "
            tw = min(cv.d.textlength(text, font=ft) / cv.s, w * 0.55)
            cv.text(x, base, text, Lc, lab_fill, max_w=w * 0.55)
            cv.text(x + tw, base, value, Vc, val_fill, bold=True, max_w=max(5, w - tw))
        else:
            vw = min(cv.d.textlength(value + " ", font=fv) / cv.s, w * 0.7)
            cv.text(x, base, value, Vc, val_fill, bold=True, max_w=w * 0.7)
            cv.text(x + vw, base, "(" + cap[0] + ")", Lc, lab_fill, max_w=max(5, w - vw))
    elif style in ("dotted_leader", "grid_left"):
        cw = w * 0.42
        base = y + Vc + Lc * 0.4
        ft = font(DEJAVU + "DejaVuSans.ttf", Lc / DEJAVU_CAP_EM * cv.s)
        if style == "grid_left":
            edge = tuple(min(255, v + 60) for v in lab_fill)
            lw = max(1, int(cv.s * 0.1))
            cv.d.rectangle([cv.px(x - 0.8), cv.px(y), cv.px(x + w - 0.2), cv.px(y + h - 0.2)], outline=edge, width=lw)
            cv.d.line([(cv.px(x + cw - 1.2), cv.px(y)), (cv.px(x + cw - 1.2), cv.px(y + h - 0.2))], fill=edge, width=lw)
            cv.text(x, base, cap[0], Lc * 0.9, lab_fill, max_w=cw - 2.2)
        else:
            cv.text(x, base, cap[0], Lc, lab_fill, max_w=cw - 3)
            tw = min(cv.d.textlength(cap[0], font=ft) / cv.s, cw - 3)
            dots = x + tw + 0.8
            while dots < x + cw - 1.2:
                cv.text(dots, base, ".", Lc, lab_fill)
                dots += Lc * 0.6
        cv.text(x + cw, base, value, Vc, val_fill, bold=True, max_w=w - cw)
    elif style == "corner_tab":
        cv.d.rectangle([cv.px(x - 0.8), cv.px(y), cv.px(x + w - 0.2), cv.px(y + h - 0.2)],
                       outline=tuple(min(255, v + 60) for v in lab_fill), width=max(1, int(cv.s * 0.12)))
        cv.text(x + w - 1.0, y + Lc * 1.0, cap[0], Lc * 0.8, lab_fill, max_w=w * 0.8, anchor="rs")
        cv.text(x, y + h - Vc * 0.5, value, Vc, val_fill, bold=True, max_w=w - 1)
    elif style == "colon":
        text = cap[0] + ": "
        cv.text(x, y + Vc + Lc * 0.4, text, Lc * 1.1, lab_fill, max_w=w * 0.5)
        size = Lc * 1.1 / DEJAVU_CAP_EM * cv.s
        tw = cv.d.textlength(text, font=font(DEJAVU + "DejaVuSans.ttf", size)) / cv.s
        tw = min(tw, w * 0.5)
        cv.text(x + tw, y + Vc + Lc * 0.4, value, Vc, val_fill, bold=True, max_w=max(5, w - tw))
    else:  # boxed
        cv.d.rectangle([cv.px(x - 0.8), cv.px(y), cv.px(x + w - 0.2), cv.px(y + h - 0.2)],
                       outline=tuple(min(255, v + 60) for v in lab_fill), width=max(1, int(cv.s * 0.12)))
        cv.text(x, y + Lc * 1.1, cap[0].upper(), Lc * 0.85, lab_fill, max_w=w - 1)
        cv.text(x, y + Lc * 1.1 + Lc * 0.6 + Vc, value, Vc, val_fill, bold=True, max_w=w - 1)


def _cell_height(style, Lc, Vc, two):
    if style in ("left_column", "right_column", "colon", "inline_dash", "caption_after",
                 "dotted_leader", "grid_left"):
        return Vc + Lc * 0.4 + Vc * 0.9
    if style == "corner_tab":
        return Lc * 1.2 + Vc + Vc * 0.8
    if style == "two_line" and two:
        return Lc * 2.4 + Lc * 0.75 + Vc + Vc * 0.6
    if style == "boxed":
        return Lc * 1.7 + Vc + Vc * 0.7
    return Lc * 1.75 + Vc + Vc * 0.6


def render_layout(doc, dpi, r, L):
    """render_document for the --layouts all|heldout families. Same return."""
    fmt = doc["format"]
    w_mm, h_mm = DOC_SIZE_MM[fmt]
    colors = palette(r)
    nlines, _ = MRZ_SHAPE[fmt]
    lab_fill = tuple(max(0, v - 130) for v in colors[1])
    val_fill = (15, 15, 20)
    fd = lambda d: layout_date(d, L["dates"], doc["lang"])
    x_jit, y_jit = r.uniform(-0.6, 0.6), r.uniform(-0.4, 0.4)
    mrz_top_mm = h_mm - MRZ_BOTTOM_MM[fmt] - (nlines - 1) * MRZ_LINE_MM - 4.5
    s = dpi / 25.4
    rs = random.Random(L["stamp_seed"])
    held = L["family"] in HELD_FAMILIES

    def face(has_mrz=True):
        W, H = int(round(w_mm * s)), int(round(h_mm * s))
        top = mrz_top_mm * s if has_mrz else H + 1
        return Canvas(w_mm, h_mm, dpi, guilloche(W, H, dpi, r, colors, top))

    title = "passport" if fmt == "TD3" else "visa" if fmt in ("MRVA", "MRVB") else (
        "resid" if doc["residence"] else "idcard")
    cv = face(has_mrz=fmt != "TD1")
    header(cv, doc, title, colors, r)
    head_mm = {"TD3": 14.0, "MRVA": 12.0, "TD2": 11.0, "MRVB": 11.0, "TD1": 10.0}[fmt]
    bottom = (mrz_top_mm - 1.0) if fmt != "TD1" else h_mm - 4.0
    pw = {"TD3": 32, "MRVA": 29, "TD2": 25, "MRVB": 25, "TD1": 22}[fmt]
    ph = pw * 1.28
    if L["portrait"] == "left":
        px, fx0, fx1 = 4.0, pw + 8.0, w_mm - 3.0
    else:
        px, fx0, fx1 = w_mm - pw - 4.0, 5.0, w_mm - pw - 8.0
    fields = layout_fields(doc, L, fd)
    if L["security_print"]:
        _security_print(cv, rs, doc, (fx0 - 1, head_mm - 1, fx1 + 1, bottom), colors[1])
    if L.get("waves"):
        _waves(cv, rs, (fx0 - 1, head_mm - 1, fx1 + 1, bottom), colors[2])
    portrait(cv, px, head_mm + 0.5, pw, min(ph, bottom - head_mm - 1), r)
    # Rows: 'full' fields alone, the others two (three on wide pages) a row.
    per_row = 3 if (fx1 - fx0) > 70 and L["captions"] not in ("left_column", "right_column", "colon",
                                                               "inline_dash", "caption_after",
                                                               "dotted_leader", "grid_left") else 2
    rows, cur = [], []
    for fld in fields:
        if fld[3] == "full":
            if cur:
                rows.append(cur)
                cur = []
            rows.append([fld])
        else:
            cur.append(fld)
            if len(cur) == per_row:
                rows.append(cur)
                cur = []
    if cur:
        rows.append(cur)
    sn = L.get("script_names")
    Lc0, Vc0 = {"TD3": (1.05, 2.0), "MRVA": (1.0, 1.9), "TD2": (0.9, 1.65), "MRVB": (0.9, 1.65),
                "TD1": (0.8, 1.5)}[fmt]
    two = L["captions"] == "two_line" and L["caption_langs"] != "nat" and L["caption_langs"] != "en"
    avail = bottom - head_mm
    need = _cell_height(L["captions"], Lc0, Vc0, two)
    nrow = len(rows) + 0.6 * (len(L["_above"]) + len(L["_below"]))
    k = min(1.0, avail / (need * nrow))
    Lc, Vc = max(0.55, Lc0 * k), max(1.0, Vc0 * k)
    rh = max(_cell_height(L["captions"], Lc, Vc, two), min(avail / nrow, need * 1.25))
    y = head_mm
    n = 0
    cells = []
    for row in rows:
        if len(row) == 1 and row[0][3] == "full":
            widths = [fx1 - fx0]
        else:
            widths = [(fx1 - fx0) / per_row] * len(row)
        x = fx0
        line = L["_above"].get(row[0][0]) if len(row) == 1 else None
        if line:
            cv.text(fx0 + (widths[0] * 0.38 if L["captions"] in ("left_column", "right_column") else 0),
                    y + Vc * 0.8, line, Vc * 0.8, val_fill, max_w=widths[0] * 0.6)
            y += rh * 0.55
        for fld, wd in zip(row, widths):
            n += 1
            key, capkeys, value, _ = fld
            caps = [layout_caption(doc, ck, L) for ck in capkeys]
            cap_lines = [", ".join(c[0] for c in caps)] + (caps[0][1:] if len(caps) == 1 else [])
            if not value:
                value = "-"
            _draw_cell(cv, x, y, wd - 1.5, rh, cap_lines, value, L, n, lab_fill, val_fill, Lc, Vc)
            cells.append((x, y, wd - 1.5, rh))
            x += wd
        y += rh
        line = L["_below"].get(row[0][0]) if len(row) == 1 else None
        if line:
            cv.text(fx0 + (widths[0] * 0.42 if L["captions"] in ("dotted_leader", "grid_left") else 0),
                    y + Vc * 0.3, line, Vc * 0.8, val_fill, max_w=widths[0] * 0.55)
            y += rh * 0.55
    if fmt != "TD1":
        signature(cv, fx0 + (fx1 - fx0) * 0.55, min(y, bottom - 4), 20, 3.5, r)
    if L["hologram"]:
        _hologram(cv, rs, (max(0, px - 3), head_mm, min(w_mm, px + pw + 20), min(bottom, head_mm + ph + 3)))
    if L.get("band"):
        _hologram(cv, rs, (fx0, head_mm + (bottom - head_mm) * 0.3, fx1, head_mm + (bottom - head_mm) * 0.55))
    if L.get("ghost"):
        gw = pw * 0.4
        portrait(cv, fx1 - gw - 1, bottom - gw * 1.28 - 1, gw, gw * 1.28, rs, ghost=True)
    if L["stamp"] and cells:
        _stamp(cv, rs, rs.choice(cells[-4:] if held else cells), held)
        if L["family"] == "heldout4":
            _stamp(cv, rs, rs.choice(cells), held)
    if fmt == "TD1":
        back = face()
        back.label_value(4, 5, lab(doc, "address"), "%d %s" % (r.randint(1, 120), r.choice(
            ["HAUPTSTRASSE", "RUE DE LA PAIX", "CALLE MAYOR", "ULICA DŁUGA", "MAIN STREET"])), 0.8, 1.4, 50, lab_fill, val_fill)
        back.label_value(4, 11.5, lab(doc, "auth"), "CITY OF " + PLACES[doc["name_lang"]][0], 0.8, 1.4, 45, lab_fill, val_fill)
        portrait(back, 68, 4, 12, 15, r, ghost=True)
        box, pitch, cap = render_mrz(back, doc, r, x_jit, y_jit)
        faces = [cv, back]
    else:
        box, pitch, cap = render_mrz(cv, doc, r, x_jit, y_jit)
        faces = [cv]
    if doc.get("printed_specimen"):
        stamp_specimen(faces[0], doc["format"])
    return assemble_faces(faces, box, pitch, cap, fmt, r, s)


# ---------------------------------------------------------------------------
# Scanning and degradation
# ---------------------------------------------------------------------------
def choose_scan(r, mode, fmt, forced_rot, dpi_fixed):
    if mode == "none":
        dpi = dpi_fixed or 300
        return dict(dpi=dpi, rotation=0, skew_deg=0.0, blur=0.0, noise=0.0, brightness=0.0,
                    contrast=1.0, illumination=0.0, bed="card", bed_grey=255, out="png",
                    jpeg_quality=None, gray=False)
    if mode == "mild":
        dpi = dpi_fixed or r.choices((150, 200, 300), weights=(25, 35, 40))[0]
        rot = forced_rot if forced_rot is not None else 0
        return dict(dpi=dpi, rotation=rot, skew_deg=round(r.uniform(-2.5, 2.5), 2),
                    blur=round(r.uniform(0, 0.5) * dpi / 300, 2), noise=round(r.uniform(1, 3), 2),
                    brightness=round(r.uniform(-6, 6), 1), contrast=round(r.uniform(0.92, 1.02), 3),
                    illumination=round(r.uniform(0, 0.08), 3), bed="card",
                    bed_grey=r.randint(238, 255), out="jpg", jpeg_quality=r.randint(78, 90), gray=False)
    dpi = dpi_fixed or r.choices((150, 200, 300, 400, 600), weights=(8, 12, 60, 8, 12))[0]
    rot = forced_rot if forced_rot is not None else r.choices((0, 90, 180, 270), weights=(55, 15, 15, 15))[0]
    skew = max(-10.0, min(10.0, r.gauss(0, 4)))
    out = r.choices(("jpg", "png", "tif"), weights=(75, 13, 12))[0]
    # Lossless scans come mostly in 8-bit grey and on card-sized beds.
    a4 = out == "jpg" and r.random() < (0.03 if dpi >= 600 else 0.1 if dpi >= 400 else 0.35)
    gray = r.random() < (0.6 if out != "jpg" else 0.1)
    dark = r.random() < 0.08
    return dict(dpi=dpi, rotation=rot, skew_deg=round(skew, 2),
                blur=round(r.uniform(0, 1.2) * dpi / 300, 2), noise=round(r.uniform(2, 8), 2),
                brightness=round(r.uniform(-15, 15), 1), contrast=round(r.uniform(0.8, 1.1), 3),
                illumination=round(r.uniform(0, 0.25), 3), bed="a4" if a4 else "card",
                bed_grey=r.randint(25, 70) if dark else r.randint(215, 255), out=out,
                jpeg_quality=r.randint(35, 95) if out == "jpg" else None, gray=gray)


def _normal_quantiles():
    p = (np.arange(256) + 0.5) / 256.0
    # Inverse normal CDF by bisection on erf (no SciPy needed).
    lo, hi = np.full(256, -6.0), np.full(256, 6.0)
    erf = np.vectorize(math.erf)
    for _ in range(60):
        mid = (lo + hi) / 2
        below = 0.5 * (1 + erf(mid / math.sqrt(2))) < p
        lo = np.where(below, mid, lo)
        hi = np.where(below, hi, mid)
    return (lo + hi) / 2


_NORMAL_Q = _normal_quantiles()


def place(sheet, mask, mrz_box, sc, r, nprng):
    """Turns the sheet by rotation+skew (clockwise), lays it on the scanner
    bed and degrades the result. Returns (image, mrz_bbox, doc_quad)."""
    dpi = sc["dpi"]
    theta = math.radians(sc["rotation"] + sc["skew_deg"])
    W, H = sheet.size
    c, s_ = math.cos(theta), math.sin(theta)
    corners = [(0, 0), (W, 0), (W, H), (0, H)]

    def fwd(p):  # clockwise turn about the sheet centre, y down
        x, y = p[0] - W / 2, p[1] - H / 2
        return (x * c - y * s_, x * s_ + y * c)

    rc = [fwd(p) for p in corners]
    minx, miny = min(p[0] for p in rc), min(p[1] for p in rc)
    OW = int(math.ceil(max(p[0] for p in rc) - minx))
    OH = int(math.ceil(max(p[1] for p in rc) - miny))
    rgba = sheet.copy()
    rgba.putalpha(mask)
    if sc["rotation"] % 360 == 0 and sc["skew_deg"] == 0:
        rot = rgba
        OW, OH, minx, miny = W, H, -W / 2, -H / 2
    elif sc["skew_deg"] == 0:
        op = {90: Image.ROTATE_270, 180: Image.ROTATE_180, 270: Image.ROTATE_90}[sc["rotation"]]
        rot = rgba.transpose(op)
        OW, OH = rot.size
        minx, miny = -OW / 2, -OH / 2
    else:
        # Inverse map: output (u, v) -> input (x, y).
        data = (c, s_, minx * c + miny * s_ + W / 2, -s_, c, -minx * s_ + miny * c + H / 2)
        rot = rgba.transform((OW, OH), Image.AFFINE, data, resample=Image.BILINEAR, fillcolor=(255, 255, 255, 0))
    rmask = rot.getchannel("A")

    def to_out(p):
        q = fwd(p)
        return (q[0] - minx, q[1] - miny)

    # Scanner bed.
    s = dpi / 25.4
    if sc["bed"] in ("photo", "copy", "sheet"):  # layout8.py: a whole photo; layout9.py: a whole photocopy;
        # layout11.py: a whole A4 bed or fax page
        bw, bh = OW, OH
    elif sc["bed"] == "a4":
        bw, bh = int(210 * s), int(297 * s)
        if OW > bw or OH > bh:
            bw, bh = max(bw, OW + 10), max(bh, OH + 10)
        if OW > OH and r.random() < 0.5:
            bw, bh = bh, bw
    else:
        m = r.uniform(6, 25) * s
        bw, bh = int(OW + m * r.uniform(1, 2.2)), int(OH + m * r.uniform(1, 2.2))
    px = r.randint(0, max(0, bw - OW))
    py = r.randint(0, max(0, bh - OH))
    g = sc["bed_grey"]
    bed = Image.new("RGB", (bw, bh), (g, g, min(255, g + 2)))
    if g > 128 and sc["bed"] not in ("photo", "copy", "sheet"):  # soft shadow of the card edge on a light bed, computed at 1/4 scale
        small = rmask.resize((max(1, OW // 4), max(1, OH // 4)), Image.BILINEAR)
        small = small.filter(ImageFilter.GaussianBlur(max(0.5, s * 0.1)))
        sh = small.resize((OW, OH), Image.BILINEAR).point(lambda v: v * 2 // 5)
        bed.paste((max(0, g - 60),) * 3, (px + int(s * 0.2), py + int(s * 0.3)), sh)
    bed.paste(rot, (px, py), rmask)

    q = [to_out(p) for p in [(mrz_box[0], mrz_box[1]), (mrz_box[2], mrz_box[1]),
                             (mrz_box[2], mrz_box[3]), (mrz_box[0], mrz_box[3])]]
    q = [(x + px, y + py) for x, y in q]
    x0, y0 = math.floor(min(p[0] for p in q)), math.floor(min(p[1] for p in q))
    x1, y1 = math.ceil(max(p[0] for p in q)), math.ceil(max(p[1] for p in q))
    bbox = [max(0, x0), max(0, y0), min(bw, x1) - max(0, x0), min(bh, y1) - max(0, y0)]
    dq = [to_out(p) for p in corners]
    dq = [[round(x + px, 1), round(y + py, 1)] for x, y in dq]
    mq = [[round(x, 1), round(y, 1)] for x, y in q]

    img = bed.convert("L") if sc["gray"] else bed
    if sc["blur"] > 0.05:
        # Only the card and its shadow hold detail; the rest of the bed is flat.
        m = int(4 * sc["blur"] + s * 1.0) + 2
        box = (max(0, px - m), max(0, py - m), min(bw, px + OW + m), min(bh, py + OH + m))
        img.paste(img.crop(box).filter(ImageFilter.GaussianBlur(sc["blur"])), box[:2])
    if sc["noise"] > 0 or sc["illumination"] > 0 or sc["brightness"] or sc["contrast"] != 1.0:
        a = np.asarray(img, dtype=np.float32)
        hh, ww = a.shape[:2]
        # One gain map (contrast x illumination) and one offset map (brightness + noise).
        ang = r.uniform(0, 2 * math.pi)
        gx = np.linspace(-0.5, 0.5, ww, dtype=np.float32) * math.cos(ang)
        gy = np.linspace(-0.5, 0.5, hh, dtype=np.float32) * math.sin(ang)
        gain = (sc["contrast"] * (1.0 - sc["illumination"] * (0.5 + gy[:, None] + gx[None, :]))).astype(np.float32)
        # Gaussian noise through a 256-entry quantile table: random bytes are
        # far cheaper to draw than normal deviates.
        table = (_NORMAL_Q * sc["noise"]).astype(np.float32)
        idx = np.frombuffer(nprng.bytes(hh * ww), dtype=np.uint8).reshape(hh, ww)
        off = table[idx]
        off += np.float32(128.0 * (1 - sc["contrast"]) + sc["brightness"] + 0.5)
        if a.ndim == 3:
            a *= gain[..., None]
            a += off[..., None]
        else:
            a *= gain
            a += off
        np.clip(a, 0, 255, out=a)
        img = Image.fromarray(a.astype(np.uint8), "L" if a.ndim == 2 else "RGB")
    return img, bbox, mq, dq


# ---------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------
def sub_rng(seed, *tags):
    h = hashlib.sha256(("%s|" % seed + "|".join(map(str, tags))).encode()).digest()
    return random.Random(int.from_bytes(h[:8], "big")), np.random.default_rng(int.from_bytes(h[8:16], "big"))


def plan(count, formats, seed, mode, multipage):
    """Decides format, coverage features and page grouping for every document.
    The first documents of every run cover: a German document, a name with
    diacritics, a long (truncated) name, an expired document and, unless the
    mode is 'none', rotations of 90 and 180 degrees."""
    r, _ = sub_rng(seed, "plan")
    fmts = []
    while len(fmts) < count:
        block = list(formats)
        r.shuffle(block)
        fmts.extend(block)
    fmts = fmts[:count]
    force = [set() for _ in range(count)]
    rot = [None] * count
    slots = ["diacritics", "long_name", "expired"]
    for i, s in enumerate(slots):
        if i + 1 < count:
            force[i + 1].add(s)
    # The German slot goes to the first non-visa document so that issuing
    # state and nationality both read D.
    nonvisa = [i for i in range(count) if fmts[i] in ("TD1", "TD2", "TD3")]
    force[nonvisa[0] if nonvisa else 0].add("german")
    if mode != "none":
        if count > 4:
            rot[4] = 90
        if count > 5:
            rot[5] = 180
        if mode == "full" and count > 6:
            rot[6] = 270
    # Multi-page groups: the last documents, 2-3 per file.
    groups = []
    i = count
    for _ in range(multipage):
        k = 3 if r.random() < 0.5 else 2
        if i - k < 0:
            break
        groups.append(list(range(i - k, i)))
        i -= k
    groups.reverse()
    return fmts, force, rot, groups


def truth_for(doc, sc, name, fname, page, bbox, mq, dq, pitch, cap, size, printed=None):
    """printed: the document as its visual zone shows it, when that differs
    from what the MRZ holds (--cases, VIZ_MRZ_MISMATCH)."""
    printed = printed or doc
    t = {
        "file": fname,
        "page": page,
        "format": doc["format"],
        "mrz_lines": doc["mrz_lines"],
        "fields": doc["fields"],
        "native": {"surname": printed["surname"], "given_names": printed["given_names"]},
        "name_truncated": doc["name_truncated"],
        "issue_date": doc["issue_date"].isoformat(),
        "expired": doc["expiry_date"] < REF_DATE,
        "dpi": sc["dpi"],
        "rotation": sc["rotation"],
        "skew_deg": sc["skew_deg"],
        "jpeg_quality": sc["jpeg_quality"],
        "blur": sc["blur"],
        "noise": sc["noise"],
        "brightness": sc["brightness"],
        "contrast": sc["contrast"],
        "illumination": sc["illumination"],
        "grayscale": sc["gray"],
        "bed": sc["bed"],
        "image_size": list(size),
        "mrz_bbox": bbox,
        "mrz_quad": mq,
        "doc_quad": dq,
        "mrz_pitch_px": round(pitch, 3),
        "mrz_cap_height_px": round(cap, 3),
        "viz": {
            "place_of_birth": printed["place_of_birth"],
            "document_number": printed["document_number"],
        },
    }
    return t


def degradation_str(sc):
    parts = ["dpi=%d" % sc["dpi"], "rot=%d" % sc["rotation"], "skew=%.2f" % sc["skew_deg"],
             "blur=%.2f" % sc["blur"], "noise=%.1f" % sc["noise"], "bed=%s" % sc["bed"]]
    if sc["jpeg_quality"]:
        parts.append("q=%d" % sc["jpeg_quality"])
    if sc["gray"]:
        parts.append("gray")
    return " ".join(parts)


def save_image(img, path, sc):
    dpi = (sc["dpi"], sc["dpi"])
    if sc["out"] == "jpg":
        img.save(path, "JPEG", quality=sc["jpeg_quality"], dpi=dpi)
    elif sc["out"] == "png":
        img.save(path, "PNG", dpi=dpi, compress_level=1 if sc["noise"] > 0 else 6)
    else:
        img.save(path, "TIFF", compression="tiff_adobe_deflate", dpi=dpi)


# ---------------------------------------------------------------------------
# Labelled cases (--cases): a case record per document and a label, genuine
# or exactly one defect. Everything here draws from its own random stream
# (sub_rng(seed, "case", j)), so the identity and the scan of document j are
# the ones the same seed gives without --cases, before the defect is applied.
# ---------------------------------------------------------------------------
DEFECTS = (
    "CASE_NAME_MISMATCH", "CASE_BIRTH_DATE_MISMATCH", "CASE_DOCUMENT_NUMBER_MISMATCH",
    "CASE_NATIONALITY_MISMATCH", "CASE_SEX_MISMATCH", "DOC_EXPIRED", "DOC_VALIDITY_ANOMALY",
    "SPECIMEN_DOCUMENT", "MRZ_CHECK_DIGIT", "MRZ_UNKNOWN_CODE", "VIZ_MRZ_MISMATCH",
    "IMAGE_EDITED", "IMAGE_QUALITY_LOW",
)


def registry_codes():
    """The flag codes of the library's registry (DS_FLAG_LIST in the public
    header): the one list of codes, read, never copied."""
    header = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "include",
                          "docscreen", "docscreen.h")
    with open(header, encoding="utf-8") as fh:
        text = fh.read()
    body = text[text.index("#define DS_FLAG_LIST(X)"):text.index("typedef enum ds_flag_code")]
    return set(re.findall(r"X\(([A-Z_]+),", body))


GENUINE_PER_ROUND = 9  # with the 13 defects: 9 of every 22 documents (41 %) are genuine

# Codes a forger or a careless maker puts where a state code belongs; none is
# on the ICAO 9303 list (GER for Germany is a classic; SUN and YUG were
# withdrawn from ISO 3166 before ICAO codes were used on current documents).
UNKNOWN_CODES = {
    "GER": ("GERMANY", "DEUTSCHLAND", "de"),
    "ENG": ("ENGLAND", "ENGLAND", "en"),
    "SCO": ("SCOTLAND", "ALBA", "en"),
    "EUR": ("EUROPEAN UNION", "EUROPEAN UNION", "en"),
    "XYZ": ("REPUBLIC OF XYZ", "REPUBLIC OF XYZ", "en"),
    "SUN": ("UNION OF SOVIET SOCIALIST REPUBLICS", "USSR", "en"),
    "YUG": ("FEDERAL REPUBLIC OF YUGOSLAVIA", "JUGOSLAVIJA", "en"),
}
SPECIMEN_STATES = {"UTO": ("UTOPIA", "UTOPIA", "en")}
# Numbers printed on published specimens (ICAO Doc 9303 Utopia documents,
# German specimen passport and identity cards), by format.
SPECIMEN_NUMBERS = {
    "TD3": ["L898902C3", "C01X00T47"], "TD1": ["D23145890", "T22000129", "L01X00T47"],
    "TD2": ["D23145890"], "MRVA": ["L8988901C"], "MRVB": ["L8988901C"],
}
# Software tags: editors (IMAGE_EDITED) and scanner drivers (genuine scans
# carry these too; they must not count as editing).
EDITOR_SOFTWARE = ["Adobe Photoshop 24.0 (Windows)", "Adobe Photoshop CC 2019 (Macintosh)",
                   "Adobe Photoshop 23.5 (Windows)", "Adobe Photoshop Lightroom Classic 12.1 (Windows)"]
PNG_EDITOR_SOFTWARE = ["GIMP 2.10", "GIMP 2.10.34", "paint.net 5.0.9", "Adobe Photoshop 24.0 (Windows)"]
SCANNER_EXIF = [("EPSON", "Perfection V39", "EPSON Scan 2"), ("Canon", "CanoScan LiDE 300", "ScanGear 2.3"),
                ("Canon", "MF743C", "Canon MF Scan Utility 1.21"), ("HP", "ScanJet Pro 2600 f1", "HP Scan"),
                ("Fujitsu", "fi-7160", "PaperStream IP (TWAIN) 2.7"), ("Plustek", "OpticSlim 2680H", "DocAction")]


def country(code):
    """(English name, national name, language) of an issuing-state code,
    including the specimen and unknown codes --cases uses."""
    return COUNTRIES.get(code) or SPECIMEN_STATES.get(code) or UNKNOWN_CODES[code]


def stamp_specimen(cv, fmt):
    """Prints SPECIMEN diagonally across the upper part of a face, as on
    published specimen documents. Draws no random numbers."""
    cap = {"TD1": 5.0, "TD2": 6.5, "MRVB": 6.5, "TD3": 8.0, "MRVA": 8.0}[fmt]
    f = font(DEJAVU + "DejaVuSans-Bold.ttf", cap / DEJAVU_CAP_EM * cv.s)
    tw = int(f.getlength("SPECIMEN")) + 4
    th = int(cap * 1.6 * cv.s) + 4
    layer = Image.new("L", (tw, th), 0)
    ImageDraw.Draw(layer).text((2, th - int(cap * 0.3 * cv.s)), "SPECIMEN", font=f, fill=120, anchor="ls")
    layer = layer.rotate(18, resample=Image.BILINEAR, expand=True)
    x = int((cv.w - layer.size[0]) / 2)
    y = int(cv.h * 0.42 - layer.size[1] / 2)
    cv.im.paste(Image.new("RGB", layer.size, (200, 40, 45)), (x, max(0, y)), layer)


def plan_labels(count, seed, genuine_share=None):
    """The label of every document: the 13 defects and GENUINE_PER_ROUND
    genuine documents dealt in shuffled rounds; documents 1-3 (diacritics,
    long name, expired today) are kept genuine when the run allows."""
    r, _ = sub_rng(seed, "labels")
    labels = []
    per_round = GENUINE_PER_ROUND
    if genuine_share is not None:
        if genuine_share >= 1.0:
            return ["genuine"] * count
        per_round = int(round(len(DEFECTS) * genuine_share / (1.0 - genuine_share)))
    while len(labels) < count:
        block = list(DEFECTS) + ["genuine"] * per_round
        r.shuffle(block)
        labels.extend(block)
    labels = labels[:count]
    for i in (1, 2, 3):
        if i < count and labels[i] != "genuine":
            for k in range(i + 1, count):
                if labels[k] == "genuine" and k not in (1, 2, 3):
                    labels[i], labels[k] = labels[k], labels[i]
                    break
    return labels


def _fold(s):
    """Accents dropped (Müller -> Muller); letters with no decomposition stay."""
    return unicodedata.normalize("NFC", "".join(
        c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c)))


def _icao_spelling(s):
    """The ICAO transliteration in the person's own case and punctuation
    (Müller -> Mueller, Weiß -> Weiss, Øster -> Oester)."""
    out = []
    for i, ch in enumerate(s):
        t = _SPECIAL.get(ch.upper())
        if t is None:
            out.append(_fold(ch))
            continue
        if ch.islower() or ch == "ß":
            t = t.lower()
        elif len(t) > 1 and not (i + 1 < len(s) and s[i + 1].isupper()):
            t = t[0] + t[1:].lower()
        out.append(t)
    return "".join(out)


def name_keys(*names):
    """The words of names as an MRZ and an accent-folding reader see them."""
    keys = set()
    for n in names:
        for form in (mrz_name_part(n), mrz_name_part(_fold(n))):
            keys.update(w for w in form.split("<") if w)
    return keys


def unrelated(new, old):
    """True when no word of new equals, begins or is begun by a word of old:
    a different name under every 9303 spelling and truncation."""
    return not any(a.startswith(b) or b.startswith(a) for a in name_keys(new) for b in name_keys(*old))


def spell_name(rc, surname, given, allow_swap=True):
    """The name as a case worker types it: native spelling, capitals, the
    ICAO spelling, accents dropped, middle names left out, a hyphen as a
    space, a typographic apostrophe. Returns (surname, given, style)."""
    style = rc.choices(["native", "upper", "icao", "folded", "lower"], weights=(52, 16, 14, 12, 6))[0]
    conv = {"native": lambda x: x, "upper": str.upper, "icao": _icao_spelling, "folded": _fold,
            "lower": str.lower}[style]
    notes = [style]
    words = given.split()
    if len(words) > 1 and len(words[0]) >= 3 and rc.random() < 0.3:
        given = words[0]
        notes.append("first given name only")
    if "-" in given + surname and rc.random() < 0.35:
        given, surname = given.replace("-", " "), surname.replace("-", " ")
        notes.append("hyphen as space")
    if "'" in surname and rc.random() < 0.4:
        surname = surname.replace("'", "\u2019")
        notes.append("typographic apostrophe")
    sn, gn = conv(surname), conv(given)
    if allow_swap and rc.random() < 0.03:
        sn, gn = gn, sn
        notes.append("surname and given names swapped")
    return sn, gn, ", ".join(notes)


def spell_number(rc, number):
    x = rc.random()
    if x < 0.07:
        return number.lower()
    if x < 0.14 and len(number) >= 8:
        return number[:4] + " " + number[4:]
    return number


def pick_application_date(rc, doc):
    """A day the application was made on which the document was valid: from
    its issue to its expiry, at the latest today, at most 400 days back."""
    hi = min(REF_DATE, doc["expiry_date"])
    lo = max(doc["issue_date"], hi - dt.timedelta(days=400))
    if rc.random() < 0.06:
        return hi  # the last day: expiry on the application day is still valid
    return rand_date(rc, lo, hi)


def set_dates(rc, doc, expiry, issue=None):
    """Moves the validity to end on expiry, keeping its length, and moves the
    birth back when the document would be issued before the holder was 30
    days old."""
    span = doc["expiry_date"] - doc["issue_date"]
    doc["expiry_date"] = expiry
    doc["issue_date"] = issue if issue is not None else expiry - span
    if doc["issue_date"] < doc["birth_date"] + dt.timedelta(days=30):
        doc["birth_date"] = doc["issue_date"] - dt.timedelta(days=rc.randrange(200, 6000))
        if doc["birth_date"].year < 1940:
            doc["birth_date"] = dt.date(1940, 3, 1)


def shift_date(d, years=0, days=0):
    return add_years(d, years) + dt.timedelta(days=days)


def other_birth_date(rc, birth, not_after):
    """A different date of birth as a person would give it by mistake or a
    forger by design: another year, day and month swapped, another day."""
    for _ in range(50):
        kind = rc.choices(["year", "swap", "day", "other"], weights=(35, 20, 30, 15))[0]
        if kind == "year":
            d = shift_date(birth, years=rc.choice([-1, 1]) * rc.randint(1, 12))
        elif kind == "swap":
            if birth.day > 12 or birth.day == birth.month:
                continue
            d = dt.date(birth.year, birth.day, birth.month)
        elif kind == "day":
            d = birth + dt.timedelta(days=rc.choice([-1, 1]) * rc.randint(1, 40))
        else:
            d = rand_date(rc, dt.date(1945, 1, 1), not_after)
        if yymmdd(d) != yymmdd(birth) and dt.date(1940, 1, 1) <= d <= not_after:
            return d, kind
    raise RuntimeError("no other birth date for %s" % birth)


def other_number(rc, doc):
    num = doc["document_number"]
    kind = rc.choices(["one_char", "transposed", "other_document"], weights=(45, 20, 35))[0]
    if kind == "transposed":
        pos = [i for i in range(len(num) - 1) if num[i] != num[i + 1]]
        if pos:
            i = rc.choice(pos)
            return num[:i] + num[i + 1] + num[i] + num[i + 2:], kind
        kind = "one_char"
    if kind == "one_char":
        i = rc.randrange(len(num))
        pool = "0123456789" if num[i].isdigit() else "ABCDEFGHJKLMNPRSTUVXYZ"
        return num[:i] + rc.choice([c for c in pool if c != num[i]]) + num[i + 1:], kind
    while True:
        new = doc_number(rc, doc["issuing_state"] if doc["issuing_state"] in COUNTRIES else "FRA", doc["format"])
        if len(doc["document_number"]) > 9 and doc["format"] == "TD1":
            new += doc["document_number"][9:]
        if new != num:
            return new, kind


def other_person_name(rc, doc):
    """A different person's name from the same pool: another surname, other
    given names (a sibling), or both. The difference is one the MRZ shows:
    the new words are unrelated to the native name and to the MRZ's (maybe
    truncated) words, and the given names alone are changed only when the
    MRZ holds some."""
    surnames, fem, male = NAMES[doc["name_lang"]]
    pool = fem if doc["sex"] == "F" else male if doc["sex"] == "M" else fem + male
    mrz = doc["fields"]
    old = (doc["surname"], doc["given_names"], mrz["surname"], mrz["given_names"])
    mode = rc.choices(["surname", "given_names", "both"], weights=(50, 25, 25))[0]
    if mode == "given_names" and not mrz["given_names"]:
        mode = "surname"
    sn, gn = doc["surname"], doc["given_names"]
    if mode != "surname":
        cands = [g for g in pool if unrelated(g, old)]
        if cands:
            gn = rc.choice(cands)
        else:
            mode = "surname"
    if mode != "given_names":
        cands = [x for x in surnames if unrelated(x, old)] or \
            [x for x in NAMES["en"][0] if unrelated(x, old)]
        sn = rc.choice(cands)
    return sn, gn, mode


TAMPER_CHECK_POS = {  # (line, column) of a field's check digit; composite last
    "TD1": {"document_number": (0, 14), "birth_date": (1, 6), "expiry_date": (1, 14), "composite": (1, 29)},
    "TD2": {"document_number": (1, 9), "birth_date": (1, 19), "expiry_date": (1, 27), "composite": (1, 35)},
    "TD3": {"document_number": (1, 9), "birth_date": (1, 19), "expiry_date": (1, 27), "composite": (1, 43)},
    "MRVA": {"document_number": (1, 9), "birth_date": (1, 19), "expiry_date": (1, 27)},
    "MRVB": {"document_number": (1, 9), "birth_date": (1, 19), "expiry_date": (1, 27)},
}


def tamper_with_stale_check(rc, doc):
    """Changes one digit of a field (printed page and MRZ alike) and keeps the
    check digits the original value had, as a forger who forgot them does.
    Returns the defect detail."""
    fmt = doc["format"]
    fields = ["birth_date", "expiry_date"]
    if not (fmt == "TD1" and len(doc["document_number"]) > 9) and \
            any(c.isdigit() for c in doc["document_number"]):
        fields.append("document_number")
    orig_lines = list(doc["mrz_lines"])
    for _ in range(200):
        field = rc.choice(fields)
        saved = {k: doc[k] for k in ("birth_date", "expiry_date", "document_number")}
        if field == "document_number":
            num = doc["document_number"]
            i = rc.choice([k for k, c in enumerate(num) if c.isdigit()])
            doc["document_number"] = num[:i] + rc.choice([c for c in "0123456789" if c != num[i]]) + num[i + 1:]
            was, now = num, doc["document_number"]
        else:
            d = doc[field]
            if field == "birth_date":
                nd = rc.choice([shift_date(d, years=rc.choice([-3, -2, -1, 1, 2, 3])),
                                d + dt.timedelta(days=rc.choice([-20, -10, -3, 3, 10, 20]))])
                ok = dt.date(1940, 1, 1) <= nd <= doc["issue_date"] - dt.timedelta(days=30)
            else:  # a longer validity: the usual motive
                nd = shift_date(d, years=rc.choice([1, 2, 3]))
                ok = nd <= shift_date(REF_DATE, years=14)
            if not ok:
                continue
            doc[field] = nd
            was, now = d.isoformat(), nd.isoformat()
        build_mrz(doc)
        line, col = TAMPER_CHECK_POS[fmt][field]
        if doc["mrz_lines"][line][col] == orig_lines[line][col]:
            doc.update(saved)  # the new value happens to share the check digit
            build_mrz(doc)
            continue
        lines = [list(l) for l in doc["mrz_lines"]]
        for key in (field, "composite"):
            if key in TAMPER_CHECK_POS[fmt]:
                ln, c = TAMPER_CHECK_POS[fmt][key]
                lines[ln][c] = orig_lines[ln][c]
        doc["mrz_lines"] = ["".join(l) for l in lines]
        return {"variant": field, "field": field, "original": was, "tampered": now,
                "stale_check_digit": orig_lines[line][col]}
    raise RuntimeError("could not tamper with %s" % doc["format"])


def make_case(rc, doc, sc, label, case_id):
    """Applies label to doc and sc (in place) and draws the case record.
    Returns (printed, record, detail, save_opts): printed is the document as
    the visual zone shows it (doc itself unless the MRZ was rewritten);
    detail describes the defect; save_opts says how the file is written."""
    printed = doc
    detail = {}
    opts = {}
    app = None
    if label == "DOC_EXPIRED":
        if doc["expiry_date"] < REF_DATE - dt.timedelta(days=1):
            app = rand_date(rc, doc["expiry_date"] + dt.timedelta(days=1),
                            min(REF_DATE, doc["expiry_date"] + dt.timedelta(days=900)))
        else:
            app = rand_date(rc, REF_DATE - dt.timedelta(days=300), REF_DATE)
            k = rc.randint(1, 3) if rc.random() < 0.15 else rc.randint(4, 1500)
            set_dates(rc, doc, app - dt.timedelta(days=k))
            build_mrz(doc)
        detail = {"variant": "expired %d days before the application" % (app - doc["expiry_date"]).days}
    elif label == "DOC_VALIDITY_ANOMALY":
        kind = rc.choices(["validity_over_15_years", "age_over_120", "born_after_application",
                           "born_after_expiry"], weights=(35, 20, 20, 25))[0]
        if kind == "validity_over_15_years":
            years = rc.choice((18, 20))
            issue = rand_date(rc, REF_DATE - dt.timedelta(days=1000), REF_DATE - dt.timedelta(days=1))
            expiry = add_years(issue, years) - dt.timedelta(days=1)
            while expiry <= add_years(REF_DATE, 15):
                issue += dt.timedelta(days=30)
                expiry = add_years(issue, years) - dt.timedelta(days=1)
            set_dates(rc, doc, expiry, issue)
        elif kind == "age_over_120":
            b = doc["birth_date"]
            doc["birth_date"] = dt.date(rc.randint(1880, 1903), b.month, min(b.day, 28))
        else:
            if kind == "born_after_application":
                app = rand_date(rc, dt.date(2026, 1, 1), REF_DATE - dt.timedelta(days=60))
                if doc["expiry_date"] < app:
                    set_dates(rc, doc, add_years(app, 3))
            else:
                app = rand_date(rc, dt.date(2025, 6, 1), dt.date(2026, 3, 1))
                set_dates(rc, doc, app + dt.timedelta(days=rc.randint(0, 60)))
            lo = max(app, doc["expiry_date"] if kind == "born_after_expiry" else app) + dt.timedelta(days=1)
            doc["birth_date"] = rand_date(rc, lo, REF_DATE - dt.timedelta(days=1))
        build_mrz(doc)
        if kind == "age_over_120":
            # The MRZ has no century: a reader takes the latest year not after today.
            yy = doc["birth_date"].year % 100
            doc["fields"]["birth_date"] = doc["birth_date"].replace(
                year=(2000 + yy) if 2000 + yy <= REF_DATE.year else (1900 + yy)).isoformat()
        detail = {"variant": kind, "birth_date": doc["birth_date"].isoformat(),
                  "issue_date": doc["issue_date"].isoformat(), "expiry_date": doc["expiry_date"].isoformat()}
    elif label == "SPECIMEN_DOCUMENT":
        kind = rc.choices(["uto", "name", "number", "printed"], weights=(35, 25, 20, 20))[0]
        if kind == "uto":
            if doc["nationality"] == doc["issuing_state"]:
                doc["nationality"] = "UTO"
            doc["issuing_state"] = "UTO"
            doc["lang"] = "en"
        elif kind == "name":
            if doc["lang"] == "de":
                doc["surname"] = "Mustermann"
                doc["given_names"] = "Erika" if doc["sex"] == "F" else "Max" if doc["sex"] == "M" else "Erika Max"
            else:
                doc["surname"] = rc.choice(["Specimen", "Specimen", "Sample"])
        elif kind == "number":
            doc["document_number"] = rc.choice(SPECIMEN_NUMBERS[doc["format"]])
        doc["printed_specimen"] = kind == "printed" or rc.random() < 0.5
        build_mrz(doc)
        detail = {"variant": kind, "printed_specimen": doc["printed_specimen"]}
    elif label == "MRZ_CHECK_DIGIT":
        detail = tamper_with_stale_check(rc, doc)
    elif label == "MRZ_UNKNOWN_CODE":
        code = rc.choice(sorted(UNKNOWN_CODES))
        detail = {"variant": "issuing_state", "original": doc["issuing_state"], "code": code}
        doc["issuing_state"] = code
        doc["lang"] = UNKNOWN_CODES[code][2]
        build_mrz(doc)
    elif label == "VIZ_MRZ_MISMATCH":
        kind = rc.choices(["birth_date", "name", "document_number", "expiry_date"], weights=(35, 30, 20, 15))[0]
        printed = dict(doc)
        if kind == "birth_date":
            doc["birth_date"], how = other_birth_date(rc, doc["birth_date"],
                                                      doc["issue_date"] - dt.timedelta(days=30))
            was, now = printed["birth_date"].isoformat(), doc["birth_date"].isoformat()
        elif kind == "name":
            doc["surname"], doc["given_names"], how = other_person_name(rc, doc)
            was = printed["surname"] + ", " + printed["given_names"]
            now = doc["surname"] + ", " + doc["given_names"]
        elif kind == "document_number":
            doc["document_number"], how = other_number(rc, doc)
            was, now = printed["document_number"], doc["document_number"]
        else:
            if printed["expiry_date"] < REF_DATE:
                expiry = add_years(REF_DATE, 1) + dt.timedelta(days=rc.randint(0, 300))
                span = printed["expiry_date"] - printed["issue_date"]
                # A short validity (a visa) must still have been issued by now.
                issue = min(expiry - span, REF_DATE - dt.timedelta(days=rc.randint(30, 300)))
                set_dates(rc, printed, expiry, issue)
                doc.update({k: printed[k] for k in ("issue_date", "expiry_date", "birth_date")})
            doc["expiry_date"] = min(shift_date(printed["expiry_date"], years=rc.choice([2, 5, 10])),
                                     add_years(REF_DATE, 14))
            how = "validity extended"
            was, now = printed["expiry_date"].isoformat(), doc["expiry_date"].isoformat()
        build_mrz(doc)
        printed["mrz_lines"] = doc["mrz_lines"]
        detail = {"variant": kind, "how": how, "printed": was, "mrz": now}
    elif label == "IMAGE_EDITED":
        kind = rc.choices(["exif_software", "xmp_creator_tool", "png_software", "jpeg_saved_twice"],
                          weights=(30, 20, 25, 25))[0]
        if kind != "png_software" and sc["out"] != "jpg":  # --degrade full: lossless scans
            sc["out"], sc["jpeg_quality"] = "jpg", rc.randint(80, 92)
        if kind == "png_software":
            sc["out"], sc["jpeg_quality"] = "png", None
            opts["png_software"] = rc.choice(PNG_EDITOR_SOFTWARE)
            detail = {"variant": kind, "software": opts["png_software"]}
        elif kind == "jpeg_saved_twice":
            q1 = sc["jpeg_quality"]
            q2 = rc.choice([q for q in (60, 65, 70, 92, 95, 98) if abs(q - q1) >= 8])
            opts["first_quality"] = q1
            sc["jpeg_quality"] = q2
            detail = {"variant": kind, "first_quality": q1, "second_quality": q2}
        else:
            opts["exif_software" if kind == "exif_software" else "xmp_creator_tool"] = rc.choice(EDITOR_SOFTWARE)
            detail = {"variant": kind, "software": opts.get("exif_software") or opts["xmp_creator_tool"]}
    elif label == "IMAGE_QUALITY_LOW":
        # Both variants put the reading at risk (bench/quality.py): docscreen
        # misreads about one 75 dpi page in five, but hardly any at 100 dpi.
        kind = rc.choice(["blur", "dpi_72"])
        if kind == "blur":
            # Gaussian sigma of 9-15 % of the MRZ character pitch (2.7-4.5 px at 300 dpi).
            sc["blur"] = round(rc.uniform(0.09, 0.15) * sc["dpi"] / 10, 2)
            detail = {"variant": kind, "blur_px": sc["blur"], "dpi": sc["dpi"]}
        else:
            sc["blur"] = round(sc["blur"] * 72 / sc["dpi"], 2)
            sc["dpi"] = 72
            detail = {"variant": kind, "dpi": 72}
    if label not in ("IMAGE_EDITED",) and sc["out"] == "jpg" and rc.random() < 0.2:
        make, model, software = rc.choice(SCANNER_EXIF)
        opts["scanner"] = (make, model, software)
        detail["scanner_software"] = software

    if app is None:
        app = pick_application_date(rc, doc)
    nat = doc["nationality"].replace("<", "")
    sn, gn, style = spell_name(rc, doc["surname"], doc["given_names"], allow_swap=label == "genuine")
    rec = {"case_id": case_id, "surname": sn, "given_names": gn,
           "birth_date": doc["birth_date"].isoformat(),
           "nationality": "DEU" if nat == "D" else nat,
           "sex": doc["sex"],
           "document_number": spell_number(rc, doc["document_number"]),
           "application_date": app.isoformat()}
    if rc.random() < 0.05:
        rec["nationality"] = rec["nationality"].lower()
    if doc["sex"] == "X" and rc.random() < 0.3:
        del rec["sex"]
    detail["case_spelling"] = style

    if label == "CASE_NAME_MISMATCH":
        osn, ogn, mode = other_person_name(rc, doc)
        rec["surname"], rec["given_names"], style = spell_name(rc, osn, ogn, allow_swap=False)
        detail.update({"variant": mode, "case_spelling": style})
    elif label == "CASE_BIRTH_DATE_MISMATCH":
        d, kind = other_birth_date(rc, doc["birth_date"], app - dt.timedelta(days=3650))
        rec["birth_date"] = d.isoformat()
        detail["variant"] = kind
    elif label == "CASE_DOCUMENT_NUMBER_MISMATCH":
        num, kind = other_number(rc, doc)
        rec["document_number"] = num
        detail["variant"] = kind
    elif label == "CASE_NATIONALITY_MISMATCH":
        mine = "DEU" if nat == "D" else nat
        rec["nationality"] = rc.choice(sorted({("DEU" if c == "D" else c) for c in COUNTRIES} - {mine}))
        detail["variant"] = "another nationality"
    elif label == "CASE_SEX_MISMATCH":
        if doc["sex"] == "X":
            doc["sex"] = rc.choice("MF")
            build_mrz(doc)
        rec["sex"] = "F" if doc["sex"] == "M" else "M"
        detail["variant"] = "the other sex"
    if label in ("CASE_BIRTH_DATE_MISMATCH", "CASE_DOCUMENT_NUMBER_MISMATCH", "CASE_NATIONALITY_MISMATCH",
                 "CASE_SEX_MISMATCH", "CASE_NAME_MISMATCH"):
        detail["case"] = rec[{"CASE_NAME_MISMATCH": "surname", "CASE_BIRTH_DATE_MISMATCH": "birth_date",
                              "CASE_DOCUMENT_NUMBER_MISMATCH": "document_number",
                              "CASE_NATIONALITY_MISMATCH": "nationality", "CASE_SEX_MISMATCH": "sex"}[label]]
    return printed, rec, detail, opts


def _xmp_segment(tool):
    packet = ('<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
              '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
              '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" '
              'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" '
              'xmp:CreatorTool="%s" xmp:ModifyDate="2026-10-02T14:21:07+02:00" photoshop:ColorMode="3"/>'
              '</rdf:RDF></x:xmpmeta>\n<?xpacket end="w"?>' % tool).encode("utf-8")
    body = b"http://ns.adobe.com/xap/1.0/\x00" + packet
    return b"\xff\xe1" + (len(body) + 2).to_bytes(2, "big") + body


def save_case_image(img, path, sc, opts):
    """save_image with the traces of --cases: editor or scanner metadata, a
    second JPEG compression."""
    if not opts:
        save_image(img, path, sc)
        return
    dpi = (sc["dpi"], sc["dpi"])
    if sc["out"] == "png":
        info = PngImagePlugin.PngInfo()
        if "png_software" in opts:
            info.add_text("Software", opts["png_software"])
        img.save(path, "PNG", dpi=dpi, compress_level=1 if sc["noise"] > 0 else 6, pnginfo=info)
        return
    if sc["out"] != "jpg":
        save_image(img, path, sc)
        return
    if "first_quality" in opts:
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=opts["first_quality"], dpi=dpi)
        buf.seek(0)
        img = Image.open(buf)
        img.load()
    kw = {}
    exif = Image.Exif()
    if "exif_software" in opts:
        exif[0x0131] = opts["exif_software"]
        exif[0x0132] = "2026:10:02 14:21:07"
    if "scanner" in opts:
        exif[0x010F], exif[0x0110], exif[0x0131] = opts["scanner"]
    if len(exif):
        kw["exif"] = exif.tobytes()
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=sc["jpeg_quality"], dpi=dpi, **kw)
    data = buf.getvalue()
    if "xmp_creator_tool" in opts:
        at = 2
        if data[2:4] == b"\xff\xe0":
            at = 4 + int.from_bytes(data[4:6], "big")
        data = data[:at] + _xmp_segment(opts["xmp_creator_tool"]) + data[at:]
    with open(path, "wb") as fh:
        fh.write(data)


def main(argv=None):
    ap = argparse.ArgumentParser(description="Synthetic identity-document scans with ground truth.")
    ap.add_argument("--out", required=True)
    ap.add_argument("--count", type=int, default=12, help="number of documents")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--formats", default="TD3,TD1,TD2,MRVA,MRVB")
    ap.add_argument("--degrade", choices=("none", "mild", "full"), default="full")
    ap.add_argument("--multipage", type=int, default=None,
                    help="number of multi-page TIFF files (2-3 documents each); "
                         "default 1 when count >= 6, else 0")
    ap.add_argument("--dpi", type=int, default=None, help="fix the scan resolution")
    ap.add_argument("--clean", action="store_true",
                    help="first delete files this generator wrote earlier in --out")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--cases", action="store_true",
                    help="labelled cases: a case record per document (cases/NAME.case.json) and a "
                         "label, genuine or one defect, in the truth JSON; no multi-page files")
    ap.add_argument("--genuine-share", type=float, default=None,
                    help="with --cases: share of genuine documents, 0..1 (default: 9 of every 22); "
                         "1 makes a genuine-only set, 0 a defects-only set")
    ap.add_argument("--layouts", choices=LAYOUT_FAMILIES, default="classic",
                    help="page layouts: classic (default, what the rules were tuned on), all (several "
                         "layouts per type, drawn at random), heldout, heldout2, heldout4, heldout5, heldout6, heldout7, "
                         "heldout8, heldout9, heldout10, heldout11, heldout12, heldout13, heldout14 and heldout15 (layouts no rule may be tuned on; heldout5 is "
                         "samples/layout5.py, heldout6 samples/layout6.py, heldout7 samples/layout7.py, heldout8 "
                         "samples/layout8.py, heldout9 samples/layout9.py, heldout10 samples/layout10.py, "
                         "heldout11 samples/layout11.py, heldout12 samples/layout12.py, heldout13 samples/layout13.py, "
                         "heldout14 samples/layout14.py, heldout15 samples/layout15.py)")
    a = ap.parse_args(argv)
    formats = [f.strip().upper() for f in a.formats.split(",") if f.strip()]
    for f in formats:
        if f not in FORMATS:
            ap.error("unknown format %s" % f)
    if a.count < 1:
        ap.error("--count must be positive")
    if a.dpi is not None and not 72 <= a.dpi <= 1200:
        ap.error("--dpi must lie in 72..1200")
    if a.cases:
        unknown = set(DEFECTS) - registry_codes()
        if unknown:
            ap.error("defects not in the flag registry (include/docscreen/docscreen.h): %s"
                     % ", ".join(sorted(unknown)))
    if a.genuine_share is not None and not (a.cases and 0.0 <= a.genuine_share <= 1.0):
        ap.error("--genuine-share needs --cases and a value in 0..1")
    if a.cases and a.multipage:
        ap.error("--cases writes one document per file (one case record each): drop --multipage")
    multipage = a.multipage if a.multipage is not None else (1 if a.count >= 6 and not a.cases else 0)
    os.makedirs(a.out, exist_ok=True)
    if a.clean:
        pat = re.compile(r"^\d{4}-(td1|td2|td3|mrva|mrvb|multi)\.(jpg|png|tif|json)$")
        for fn in os.listdir(a.out):
            if pat.match(fn) or fn == "index.tsv":
                os.remove(os.path.join(a.out, fn))
        cdir = os.path.join(a.out, "cases")
        if os.path.isdir(cdir):
            cpat = re.compile(r"^\d{4}-(td1|td2|td3|mrva|mrvb)\.case\.json$")
            for fn in os.listdir(cdir):
                if cpat.match(fn):
                    os.remove(os.path.join(cdir, fn))
    labels = None
    if a.cases:
        labels = plan_labels(a.count, a.seed, a.genuine_share)
        os.makedirs(os.path.join(a.out, "cases"), exist_ok=True)

    fmts, force, rots, groups = plan(a.count, formats, a.seed, a.degrade, multipage)
    in_group = {i: g for g in groups for i in g}
    rows = ["name\tfile\tformat\tdegradations\tpage" + ("\tlabel" if a.cases else "")]
    done = set()
    for i in range(a.count):
        if i in done:
            continue
        members = in_group.get(i, [i])
        r_scan, _ = sub_rng(a.seed, "scan", members[0])
        pages, truths = [], []
        group_sc = None
        multi = len(members) > 1
        name = "%04d-%s" % (members[0], "multi" if multi else fmts[i].lower())
        for pi, j in enumerate(members):
            r, nprng = sub_rng(a.seed, "doc", j)
            doc = make_identity(r, fmts[j], j, force[j])
            sc = choose_scan(r, a.degrade, fmts[j], rots[j], a.dpi)
            if a.layouts == "heldout6":  # samples/layout6.py: JPEG quality 60-75, before the label
                sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
                import layout6
                sc = layout6.scan(sub_rng(a.seed, "scan6", j)[0], sc)
            if a.layouts == "heldout7":  # samples/layout7.py: skew up to 4 degrees, before the label
                sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
                import layout7
                sc = layout7.scan(sub_rng(a.seed, "scan7", j)[0], sc)
            if a.layouts == "heldout8":  # samples/layout8.py: a phone photo, 200-240 dpi, JPEG 55-80
                sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
                import layout8
                sc = layout8.scan(sub_rng(a.seed, "scan8", j)[0], sc)
            if a.layouts == "heldout9":  # samples/layout9.py: a photocopy on 45 % of the pages, before the label
                sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
                import layout9
                sc = layout9.scan(sub_rng(a.seed, "scan9", j)[0], sc)
            if a.layouts == "heldout10":  # samples/layout10.py: a flatbed, a hand-held photo or a print-out
                sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
                import layout10
                sc = layout10.scan(sub_rng(a.seed, "scan10", j)[0], sc)
            if a.layouts == "heldout11":  # samples/layout11.py: a flatbed, the whole A4 bed or a fax
                sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
                import layout11
                sc = layout11.scan(sub_rng(a.seed, "scan11", j)[0], sc)
            if a.layouts == "heldout12":  # samples/layout12.py: a flatbed, a scanner app or a low-res scan
                sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
                import layout12
                sc = layout12.scan(sub_rng(a.seed, "scan12", j)[0], sc)
            if a.layouts == "heldout13":  # samples/layout13.py: a flatbed, an old scanner or a grey TIFF
                sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
                import layout13
                sc = layout13.scan(sub_rng(a.seed, "scan13", j)[0], sc)
            if a.layouts == "heldout14":  # samples/layout14.py: a flatbed, a scan with the surroundings or JPEG 35
                sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
                import layout14
                sc = layout14.scan(sub_rng(a.seed, "scan14", j)[0], sc)
            if a.layouts == "heldout15":  # samples/layout15.py: a flatbed, held in the hand or a 600 dpi PNG
                sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
                import layout15
                sc = layout15.scan(sub_rng(a.seed, "scan15", j)[0], sc)
            printed, case = doc, None
            if labels is not None:
                rc, _ = sub_rng(a.seed, "case", j)
                printed, record, detail, save_opts = make_case(rc, doc, sc, labels[j], "C%d-%04d" % (a.seed, j))
                case = {"record": record, "label": labels[j], "detail": detail, "save": save_opts}
            if multi:
                if group_sc is None:
                    group_sc = sc
                sc["dpi"] = group_sc["dpi"]
                sc["out"] = "tif"
                sc["jpeg_quality"] = None
                sc["gray"] = group_sc["gray"] if a.degrade == "full" else True
            layout = None
            if a.layouts == "classic":
                sheet, mask, mbox, pitch, cap = render_document(printed, sc["dpi"], r)
            else:
                rl, _ = sub_rng(a.seed, "layout", a.layouts, j)
                if a.layouts == "heldout5":  # samples/layout5.py
                    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
                    import layout5
                    layout = layout5.pick(sys.modules[__name__], rl, printed)
                    sheet, mask, mbox, pitch, cap = layout5.render(sys.modules[__name__], printed, sc["dpi"], r, layout)
                elif a.layouts == "heldout6":  # samples/layout6.py
                    layout = layout6.pick(sys.modules[__name__], rl, printed)
                    sheet, mask, mbox, pitch, cap = layout6.render(sys.modules[__name__], printed, sc["dpi"], r, layout)
                elif a.layouts == "heldout7":  # samples/layout7.py
                    layout = layout7.pick(sys.modules[__name__], rl, printed)
                    sheet, mask, mbox, pitch, cap = layout7.render(sys.modules[__name__], printed, sc["dpi"], r, layout)
                elif a.layouts == "heldout8":  # samples/layout8.py
                    layout = layout8.pick(sys.modules[__name__], rl, printed)
                    sheet, mask, mbox, pitch, cap = layout8.render(sys.modules[__name__], printed, sc["dpi"], r, layout)
                elif a.layouts == "heldout9":  # samples/layout9.py
                    layout = layout9.pick(sys.modules[__name__], rl, printed, sc)
                    sheet, mask, mbox, pitch, cap = layout9.render(sys.modules[__name__], printed, sc["dpi"], r, layout)
                elif a.layouts == "heldout10":  # samples/layout10.py
                    layout = layout10.pick(sys.modules[__name__], rl, printed, sc)
                    sheet, mask, mbox, pitch, cap = layout10.render(sys.modules[__name__], printed, sc["dpi"], r,
                                                                    layout)
                elif a.layouts == "heldout11":  # samples/layout11.py
                    layout = layout11.pick(sys.modules[__name__], rl, printed, sc)
                    sheet, mask, mbox, pitch, cap = layout11.render(sys.modules[__name__], printed, sc["dpi"], r,
                                                                    layout)
                elif a.layouts == "heldout12":  # samples/layout12.py
                    layout = layout12.pick(sys.modules[__name__], rl, printed, sc)
                    sheet, mask, mbox, pitch, cap = layout12.render(sys.modules[__name__], printed, sc["dpi"], r,
                                                                    layout)
                elif a.layouts == "heldout13":  # samples/layout13.py
                    layout = layout13.pick(sys.modules[__name__], rl, printed, sc)
                    sheet, mask, mbox, pitch, cap = layout13.render(sys.modules[__name__], printed, sc["dpi"], r,
                                                                    layout)
                elif a.layouts == "heldout14":  # samples/layout14.py
                    layout = layout14.pick(sys.modules[__name__], rl, printed, sc)
                    sheet, mask, mbox, pitch, cap = layout14.render(sys.modules[__name__], printed, sc["dpi"], r,
                                                                    layout)
                elif a.layouts == "heldout15":  # samples/layout15.py
                    layout = layout15.pick(sys.modules[__name__], rl, printed, sc)
                    sheet, mask, mbox, pitch, cap = layout15.render(sys.modules[__name__], printed, sc["dpi"], r,
                                                                    layout)
                else:
                    layout = pick_layout(rl, printed, a.layouts)
                    sheet, mask, mbox, pitch, cap = render_layout(printed, sc["dpi"], r, layout)
            img, bbox, mq, dq = place(sheet, mask, mbox, sc, r, nprng)
            if layout is not None and "_quad" in layout:  # layout8.py (a photo), layout9.py (a booklet, a copy),
                # layout10.py (a hand-held photo, a print-out), layout11.py (an A4 bed, a fax, a sleeve),
                # layout12.py (a scanner app's output), layout13.py (an old scanner), layout14.py (the surroundings),
                # layout15.py (held in the hand)
                import layout8  # the document's and the MRZ's corners in the frame
                bbox, mq, dq = layout8.truth_quads(layout, sheet.size, dq, img.size)
            ext = {"jpg": "jpg", "png": "png", "tif": "tif"}[sc["out"]]
            fname = name + "." + ext
            pages.append((img, sc))
            t = truth_for(doc, sc, name, fname, pi, bbox, mq, dq, pitch, cap, img.size,
                          printed=printed if printed is not doc else None)
            if layout is not None:
                t["layout"] = {k: v for k, v in layout.items() if not k.endswith("_seed") and k[0] != "_"}
            row = "%s\t%s\t%s\t%s\t%d" % (name, fname, doc["format"], degradation_str(sc), pi)
            if case is not None:
                t["case"] = case["record"]
                t["label"] = case["label"]
                t["defect"] = case["detail"]
                t["case_file"] = "cases/%s.case.json" % name
                if printed is not doc:
                    t["viz_printed"] = {"surname": printed["surname"], "given_names": printed["given_names"],
                                        "birth_date": printed["birth_date"].isoformat(),
                                        "expiry_date": printed["expiry_date"].isoformat(),
                                        "document_number": printed["document_number"]}
                row += "\t" + case["label"]
            truths.append(t)
            rows.append(row)
            done.add(j)
        path = os.path.join(a.out, truths[0]["file"])
        if multi:
            first, rest = pages[0][0], [p[0] for p in pages[1:]]
            first.save(path, "TIFF", compression="tiff_adobe_deflate", dpi=(pages[0][1]["dpi"],) * 2,
                       save_all=True, append_images=rest)
            truth = {"file": truths[0]["file"], "pages": truths}
        elif case is not None:
            save_case_image(pages[0][0], path, pages[0][1], case["save"])
            truth = truths[0]
            with open(os.path.join(a.out, "cases", name + ".case.json"), "w", encoding="utf-8") as fh:
                json.dump(case["record"], fh, ensure_ascii=False, indent=1)
                fh.write("\n")
        else:
            save_image(pages[0][0], path, pages[0][1])
            truth = truths[0]
        with open(os.path.join(a.out, name + ".json"), "w", encoding="utf-8") as fh:
            json.dump(truth, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
        if not a.quiet:
            print("%s  %s%s" % (truths[0]["file"], ", ".join(t["format"] for t in truths),
                                "  " + truths[0]["label"] if "label" in truths[0] else ""), file=sys.stderr)
    with open(os.path.join(a.out, "index.tsv"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(rows) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
