#!/usr/bin/python3
"""Supporting-document pages for screening tests: pages that carry no MRZ.

Renders letters, bank statements, invoices, certificates, tenancy
agreements and payslips in ordinary fonts (DejaVu always; Liberation, URW
base35 and Noto Mono when installed), at 150-300 dpi, with a scanned look
(small rotation, paper tint, noise, blur, JPEG). Many pages hold dense
tables of digits and capitals (rows like
`INV2024000123 GB29NWBK60161331926819 000000012345`), the text most like an
MRZ an ordinary page has. Some print the applicant's name and birth date.

For each page NAME.jpg it writes NAME.case.json, a case record of the
applicant the page belongs to (so any CASE_* flag on it is false), and
NAME.json, the page's truth: {"file", "kind", "dpi", "has_mrz": false,
"case": "NAME.case.json"}. The output depends only on --seed and --count
(and on which fonts are installed). It must never draw an MRZ or OCR-B.

Usage: /usr/bin/python3 samples/supporting.py --out DIR [--count N] [--seed S]
"""
import argparse
import datetime
import io
import json
import os
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIRS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation",
             "/usr/share/fonts/opentype/urw-base35", "/usr/share/fonts/truetype/noto"]
# (file, monospace); only the fonts present are used, DejaVu is required.
FONT_FILES = [("DejaVuSans.ttf", False), ("DejaVuSerif.ttf", False), ("DejaVuSansMono.ttf", True),
              ("DejaVuSansCondensed.ttf", False), ("LiberationSans-Regular.ttf", False),
              ("LiberationSerif-Regular.ttf", False), ("LiberationMono-Regular.ttf", True),
              ("NimbusSans-Regular.otf", False), ("NimbusRoman-Regular.otf", False),
              ("NimbusMonoPS-Regular.otf", True), ("NotoMono-Regular.ttf", True),
              ("NimbusSansNarrow-Regular.otf", False)]
KINDS = ["letter", "bank_statement", "invoice", "certificate", "tenancy", "payslip"]

SURNAMES = ["Smith", "Müller", "García", "Nowak", "Rossi", "Johansson", "Okafor", "Dubois",
            "Kowalski", "Papadopoulos", "Schmidt", "Fernández", "Brown", "Hansen", "Novak"]
GIVEN = ["Anna", "James", "Łukasz", "María José", "Chloé", "Mohammed", "Emily Rose", "Jörg",
         "Sofia", "Thomas", "Aisha", "Pierre", "Oliver", "Eva Maria", "Ibrahim"]
NATIONALITIES = ["GBR", "DEU", "ESP", "POL", "ITA", "SWE", "NGA", "FRA", "GRC", "NLD"]
STREETS = ["High Street", "Station Road", "Church Lane", "Park Avenue", "Mill Road",
           "Victoria Street", "Green Lane", "King's Road", "Queen Street", "London Road"]
TOWNS = ["LONDON", "MANCHESTER", "BRISTOL", "LEEDS", "GLASGOW", "CARDIFF", "YORK", "OXFORD"]
BANKS = ["NWBK", "BARC", "HBUK", "LOYD", "MIDL", "RBOS"]
PAYEES = ["TESCO STORES", "COUNCIL TAX", "THAMES WATER", "BRITISH GAS", "SALARY ACME LTD",
          "TFL TRAVEL", "AMAZON MKTPLACE", "RENT PAYMENT", "VODAFONE LTD", "SAINSBURYS",
          "DIRECT DEBIT EDF", "TRANSFER TO SAVINGS", "CASH WITHDRAWAL", "NETFLIX COM"]
LOREM = ("We write to confirm the details of your account and the arrangements agreed at our "
         "last meeting. Please keep this letter with your records. If any of the information "
         "below is incorrect, contact our office within fourteen days quoting the reference "
         "shown above. The payments listed have been received in full and the balance carried "
         "forward is shown on the next statement. The tenant shall pay the rent monthly in "
         "advance by standing order and keep the premises in good and clean condition. This "
         "certificate is issued on the basis of the records held at the date of issue. Nothing "
         "in this document affects your statutory rights.").split()


def fonts():
    found = []
    for name, mono in FONT_FILES:
        for d in FONT_DIRS:
            p = os.path.join(d, name)
            if os.path.exists(p):
                found.append((p, mono))
                break
    if not any("DejaVu" in p for p, _ in found):
        raise SystemExit("supporting.py: fonts-dejavu-core is missing")
    return found


class Page:
    """An A4 page at dpi with a cursor; text is drawn in black-ish ink."""

    def __init__(self, r, dpi, fontlist):
        self.r, self.dpi = r, dpi
        self.w, self.h = int(8.27 * dpi), int(11.69 * dpi)
        tint = r.randint(235, 255)
        self.img = Image.new("L", (self.w, self.h), tint)
        self.d = ImageDraw.Draw(self.img)
        self.fontlist = fontlist
        self.body = r.choice([f for f in fontlist if not f[1]])[0]
        monos = [f for f in fontlist if f[1]]
        # Tables are often set in a monospace font: the hardest case.
        self.table = r.choice(monos)[0] if monos and r.random() < 0.6 else self.body
        self.margin = int(0.8 * dpi)
        self.y = self.margin
        self.cache = {}

    def font(self, path, pt):
        key = (path, pt)
        if key not in self.cache:
            self.cache[key] = ImageFont.truetype(path, max(6, int(pt * self.dpi / 72)))
        return self.cache[key]

    def line(self, text, pt, x=None, path=None, gap=1.35):
        f = self.font(path or self.body, pt)
        self.d.text((self.margin if x is None else x, self.y), text, font=f, fill=self.r.randint(0, 50))
        self.y += int(pt * self.dpi / 72 * gap)

    def para(self, words, pt):
        f = self.font(self.body, pt)
        cur = ""
        for w in words:
            t = (cur + " " + w).strip()
            if f.getlength(t) > self.w - 2 * self.margin and cur:
                self.line(cur, pt)
                cur = w
            else:
                cur = t
        if cur:
            self.line(cur, pt)
        self.y += int(pt * self.dpi / 72 * 0.6)

    def row(self, cells, pt, path=None):
        """Cells spread at fixed fractions of the text width."""
        f = self.font(path or self.table, pt)
        span = self.w - 2 * self.margin
        xs = [self.margin + int(span * k / len(cells)) for k in range(len(cells))]
        for x, c in zip(xs, cells):
            self.d.text((x, self.y), c, font=f, fill=self.r.randint(0, 50))
        self.y += int(pt * self.dpi / 72 * 1.3)

    def full(self):
        return self.y > self.h - self.margin - int(0.4 * self.dpi)


def person(r):
    birth = datetime.date(1950, 1, 1) + datetime.timedelta(days=r.randint(0, 365 * 50))
    return {"surname": r.choice(SURNAMES), "given_names": r.choice(GIVEN),
            "birth_date": birth.isoformat(), "nationality": r.choice(NATIONALITIES),
            "sex": r.choice("MF")}


def digits(r, n):
    return "".join(r.choice("0123456789") for _ in range(n))


def caps(r, n):
    return "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(n))


def iban(r):
    return "GB%02d%s%s" % (r.randint(10, 99), r.choice(BANKS), digits(r, 14))


def money(r, hi=3000):
    return "%.2f" % (r.randint(100, hi * 100) / 100)


def address(pg, r, pt):
    pg.line("%d %s" % (r.randint(1, 220), r.choice(STREETS)), pt)
    pg.line("%s %s%d %d%s" % (r.choice(TOWNS), caps(r, 2), r.randint(1, 20), r.randint(1, 9),
                              caps(r, 2)), pt)


def who(p):
    return "%s %s" % (p["given_names"], p["surname"])


def header(pg, r, title, p, show):
    pg.line(title, r.choice([16, 18, 22]), gap=1.6)
    if show:
        pg.line(who(p), 11)
        pg.line("Date of birth: " + p["birth_date"], 10)
    address(pg, r, 10)
    pg.line("Reference: %s%s" % (caps(r, 3), digits(r, 9)), 10)
    pg.y += int(0.2 * pg.dpi)


def body_text(pg, r, nwords, pt):
    words = [r.choice(LOREM) for _ in range(nwords)]
    words[0] = words[0].capitalize()
    pg.para(words + ["."], pt)


def dense_rows(pg, r, pt, n):
    """Rows of references, IBANs and zero-padded amounts in capitals and digits."""
    for _ in range(n):
        if pg.full():
            break
        cells = ["%s%d%s" % (r.choice(["INV", "REF", "TXN", "PO"]), r.randint(2019, 2026),
                             digits(r, 6)), iban(r), digits(r, 12)]
        if r.random() < 0.5:
            pg.line(" ".join(cells), pt, path=pg.table, gap=1.3)  # one run of text, single spaces
        else:
            pg.row(cells, pt)


def letter(pg, r, p, show):
    header(pg, r, r.choice(["Confirmation of address", "Your account", "Notice of change"]), p, show)
    pg.line("Dear %s %s," % (r.choice(["Mr", "Ms", "Dr"]), p["surname"] if show else "Customer"), 11)
    for _ in range(r.randint(3, 6)):
        body_text(pg, r, r.randint(40, 90), r.choice([10, 11, 12]))
    pg.line("Yours sincerely,", 11)


def statement(pg, r, p, show):
    header(pg, r, "STATEMENT OF ACCOUNT", p, show)
    pg.line("Sort code %02d-%02d-%02d   Account %s   IBAN %s" % (
        r.randint(10, 99), r.randint(10, 99), r.randint(10, 99), digits(r, 8), iban(r)), 9)
    pt = r.choice([7, 8, 9])
    pg.row(["DATE", "DESCRIPTION", "REFERENCE", "AMOUNT", "BALANCE"], pt)
    bal = r.randint(1000, 900000) / 100
    day = datetime.date(2024, r.randint(1, 12), 1)
    while not pg.full():
        amt = r.randint(100, 200000) / 100
        bal += amt if r.random() < 0.3 else -amt
        day += datetime.timedelta(days=r.randint(0, 3))
        if r.random() < 0.25:
            dense_rows(pg, r, pt, r.randint(2, 6))
            continue
        pg.row([day.strftime("%d %b %y").upper(), r.choice(PAYEES),
                "%s%s" % (caps(r, 2), digits(r, 10)), "%.2f" % amt, "%.2f" % bal], pt)


def invoice(pg, r, p, show):
    header(pg, r, "INVOICE %s%d%s" % (r.choice(["INV", "NO "]), r.randint(2019, 2026), digits(r, 6)),
           p, show)
    pt = r.choice([8, 9, 10])
    pg.row(["ITEM", "CODE", "QTY", "UNIT", "TOTAL"], pt)
    for _ in range(r.randint(8, 25)):
        if pg.full():
            break
        pg.row([r.choice(["Consulting", "Materials", "Delivery", "Service fee", "Licence"]),
                caps(r, 3) + digits(r, 8), str(r.randint(1, 40)), money(r, 500), money(r)], pt)
    if not pg.full():
        dense_rows(pg, r, pt, r.randint(4, 12))
    if not pg.full():
        body_text(pg, r, 40, 9)


def certificate(pg, r, p, show):
    pg.y += int(1.2 * pg.dpi)
    pg.line(r.choice(["CERTIFICATE OF EMPLOYMENT", "CERTIFICATE OF ENROLMENT",
                      "CERTIFICATE OF RESIDENCE"]), r.choice([20, 24, 28]), gap=2.0)
    pg.line("This is to certify that", 12)
    pg.line(who(p).upper() if show else "THE HOLDER NAMED IN OUR RECORDS", r.choice([16, 20]), gap=1.8)
    if show:
        pg.line("born on %s" % p["birth_date"], 12)
    for _ in range(r.randint(2, 4)):
        body_text(pg, r, r.randint(30, 60), 12)
    pg.line("Certificate no. %s%s   Issued %s" % (caps(r, 2), digits(r, 10),
                                                 datetime.date(2025, r.randint(1, 12), 5).isoformat()), 10)


def tenancy(pg, r, p, show):
    header(pg, r, "ASSURED SHORTHOLD TENANCY AGREEMENT", p, show)
    for k in range(1, r.randint(6, 12)):
        if pg.full():
            break
        pg.line("%d. %s" % (k, r.choice(["THE PROPERTY", "THE TERM", "THE RENT", "THE DEPOSIT",
                                         "OBLIGATIONS OF THE TENANT"])), 11)
        body_text(pg, r, r.randint(30, 80), r.choice([9, 10, 11]))
    if not pg.full():
        pg.line("Deposit scheme ref %s   Rent GBP %s pcm" % (digits(r, 14), money(r)), 10)


def payslip(pg, r, p, show):
    header(pg, r, "PAYSLIP  %s" % datetime.date(2025, r.randint(1, 12), 28).strftime("%B %Y"), p, show)
    pg.line("Employee no %s   NI number %s%s%s   Tax code %dL" % (
        digits(r, 7), caps(r, 2), digits(r, 6), r.choice("ABCD"), r.randint(900, 1300)), 9)
    pt = r.choice([8, 9, 10])
    pg.row(["PAYMENTS", "UNITS", "RATE", "AMOUNT", "YTD"], pt)
    for name in ["BASIC PAY", "OVERTIME", "HOLIDAY PAY", "BONUS", "INCOME TAX", "NAT INS",
                 "PENSION", "STUDENT LOAN"]:
        pg.row([name, "%d.00" % r.randint(1, 170), money(r, 60), money(r), digits(r, 6) + ".00"], pt)
    if not pg.full():
        dense_rows(pg, r, pt, r.randint(3, 10))
    if not pg.full():
        body_text(pg, r, 50, 9)


def scanned(img, r):
    """Rotation, blur, noise and JPEG as a flatbed or phone scan would give."""
    img = img.rotate(r.uniform(-2.5, 2.5), resample=Image.BICUBIC, expand=True,
                     fillcolor=r.randint(180, 240))
    if r.random() < 0.6:
        img = img.filter(ImageFilter.GaussianBlur(r.uniform(0.3, 1.0)))
    a = np.asarray(img, dtype=np.float32)
    nr = np.random.default_rng(r.randint(0, 2**31))
    a = a + nr.normal(0, r.uniform(2, 9), a.shape)
    shade = np.linspace(r.uniform(-12, 0), r.uniform(0, 12), a.shape[1], dtype=np.float32)
    a = np.clip(a + shade[None, :], 0, 255).astype(np.uint8)
    buf = io.BytesIO()
    Image.fromarray(a).save(buf, "JPEG", quality=r.randint(55, 92))
    return buf.getvalue()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    fontlist = fonts()
    draw = {"letter": letter, "bank_statement": statement, "invoice": invoice,
            "certificate": certificate, "tenancy": tenancy, "payslip": payslip}
    for i in range(a.count):
        r = random.Random("%d/%d" % (a.seed, i))
        kind = KINDS[i % len(KINDS)]
        dpi = r.choice([150, 200, 240, 300])
        p = person(r)
        pg = Page(r, dpi, fontlist)
        draw[kind](pg, r, p, r.random() < 0.6)
        name = "%04d-%s" % (i, kind.replace("_", "-"))
        with open(os.path.join(a.out, name + ".jpg"), "wb") as fh:
            fh.write(scanned(pg.img, r))
        record = dict(p, case_id="SUP-%04d" % i, application_date="2026-01-15")
        with open(os.path.join(a.out, name + ".case.json"), "w", encoding="utf-8") as fh:
            json.dump(record, fh, ensure_ascii=False, indent=1)
        with open(os.path.join(a.out, name + ".json"), "w", encoding="utf-8") as fh:
            json.dump({"file": name + ".jpg", "kind": kind, "dpi": dpi, "has_mrz": False,
                       "case": name + ".case.json"}, fh, indent=1)
    print("supporting.py: %d pages in %s" % (a.count, a.out))


if __name__ == "__main__":
    main()
