"""The heldout7 family of samples/supportdocs.py (--layouts heldout7).

Written on 2026-12-06 by a session that tunes no rule, before any of its
pages was screened, so that the supporting-page rules of that day can be
judged on pages nobody looked at. Do not inspect its pages to fix a rule.

What it draws, unlike every earlier family (the nine types the bench
knows, in documents of those types no other family draws):
- multilingual extracts of birth and marriage records and other
  certificates with bilingual captions, French first, English after a
  slash ("Date de naissance / Date of birth"); a bank reference letter
  beside a statement of balances; a pension payment advice and a payslip
  whose earnings and deductions stand side by side with year-to-date
  columns; a telephone and broadband bill and a property tax assessment;
  a landlord's confirmation for the registration of a residence and a
  lease agreement; a certificate of no criminal record; a certificate of
  completion;
- letters to the holder with "Dear Mr Nowak" / "Dear Ms Rossi" salutations
  and the values in the prose as well as in a short table of particulars;
- names as "SURNAME Given" ("NOWAK Łukasz");
- dates in ISO form ("2021-03-04") or dotted ("04.03.2021");
- addresses on several lines with the postcode before the town
  ("AB1 2CD  LEEDS"), on part of the pages with the house number after
  the street ("Station Road 12"), as continental forms write it;
- three page arrangements: a letter (window block left, date right), two
  columns (a shaded sidebar with the references, the body on the right),
  or a numbered form grid;
- a photocopy or fax look on part of the pages (grey paper, toner
  speckle, streaks, darker edges, a fax transmission line at the top) and
  a rectangular ink stamp over the text.

Every value printed is the one truth["page"] holds: genuine pages agree
with the case record, defects are the labelled ones (supportdocs.make).
`sd` is the supportdocs module (its Canvas, names, streets, lists).
"""
import datetime
import math

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

FEMALE = {"Anna", "María José", "Chloé", "Emily Rose", "Sofia", "Aisha", "Eva Maria", "Grace", "Lucia",
          "Fatima", "Olga"}
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
DISTRICTS = ["Northam", "Kelby", "Ravensworth", "Ashcombe", "Lowmoor"]
ISSUERS = {  # one per variant of TITLES (the pension advice from a pensions agency, ...)
    "birth_certificate": ["Civil Registry Office of %s", "Registry of Births, Deaths and Marriages - %s"],
    "marriage_certificate": ["Civil Registry Office of %s", "Registry of Births, Deaths and Marriages - %s"],
    "bank_statement": ["Portland Mutual Bank", "Caledon Trust Bank"],
    "payslip": ["Public Service Pensions Agency", "Brightwater Foods Ltd"],
    "employment_letter": ["Linden & Shaw Architects", "Northgate Hospital Trust"],
    "utility_bill": ["Skyline Telecom", "Borough of %s - Revenue Services"],
    "tenancy_agreement": ["Marlow Property Management", "Mr T. Kessler"],
    "police_certificate": ["National Criminal Records Service", "Police Headquarters, %s"],
    "diploma": ["Institute of Applied Studies, %s", "Westbrook College"],
}
TITLES = {  # (French, English) or (None, English)
    "birth_certificate": [("Extrait plurilingue d'acte de naissance", "Multilingual extract of a birth record"),
                          ("Acte de naissance", "Birth certificate")],
    "marriage_certificate": [("Extrait plurilingue d'acte de mariage", "Multilingual extract of a marriage record"),
                             ("Certificat de mariage", "Certificate of marriage")],
    "bank_statement": [(None, "Bank Reference Letter"), (None, "Statement of Balances")],
    "payslip": [(None, "Pension Payment Advice"), (None, "Payslip - Earnings and Deductions")],
    "employment_letter": [(None, "Your Employment with Us"),
                          ("Attestation d'emploi", "Certificate of employment")],
    "utility_bill": [(None, "Telephone and Broadband Bill"), (None, "Property Tax Assessment Notice")],
    "tenancy_agreement": [(None, "Landlord's Confirmation for Residence Registration"), (None, "Lease Agreement")],
    "police_certificate": [("Certificat de non-condamnation", "Certificate of no criminal record"),
                           (None, "Police Character Certificate")],
    "diploma": [("Diplôme", "Diploma"), (None, "Certificate of Completion")],
}
FR = {  # French captions of the English ones used on bilingual pages
    "Surname": "Nom", "Given names": "Prénoms", "Date of birth": "Date de naissance",
    "Place of birth": "Lieu de naissance", "Father": "Père", "Mother": "Mère", "Entry number": "N° d'acte",
    "Date of issue": "Date de délivrance", "Spouse 1": "Époux 1", "Spouse 2": "Époux 2",
    "Date of marriage": "Date du mariage", "Place of marriage": "Lieu du mariage", "Employee": "Salarié",
    "Address": "Adresse", "Position": "Emploi", "Employed since": "Date d'entrée", "Holder": "Titulaire",
    "Certificate number": "N° du certificat", "Full name": "Nom et prénoms", "Award": "Diplôme",
    "Date of award": "Date de délivrance",
}


SIGNERS = {"birth_certificate": "J. Whitcombe, Registrar", "marriage_certificate": "J. Whitcombe, Registrar",
           "bank_statement": "M. Lindqvist, Customer Services", "payslip": "Payroll Department",
           "employment_letter": "A. Delacroix, HR Manager", "utility_bill": "Customer Accounts",
           "tenancy_agreement": "For the landlord", "police_certificate": "P. Okonjo, Head of Records",
           "diploma": "R. Castellano, Director of Studies"}


def issuer(kind, r):
    """An issuer of the type (supportdocs.make); draw7 takes the one of the
    page's variant."""
    s = r.choice(ISSUERS[kind])
    return s % r.choice(DISTRICTS) if "%s" in s else s


def issuer_of(kind, variant, drawn):
    """The issuer of a variant: the one make drew when it is that variant's,
    else the variant's own (its district taken from a hash of the drawn one)."""
    s = ISSUERS[kind][variant]
    if "%s" not in s:
        return s
    head = s.split("%s")[0]
    if drawn.startswith(head):
        return drawn
    return s % DISTRICTS[sum(map(ord, drawn)) % len(DISTRICTS)]


class P7:
    """One heldout7 page: its choices and drawing helpers."""

    def __init__(self, sd, c, r, kind):
        self.sd, self.c, self.r, self.kind = sd, c, r, kind
        self.dstyle = r.choice(["iso", "dots"])
        self.variant = r.randrange(2)
        self.fr, self.en_title = TITLES[kind][self.variant]
        self.bilingual = self.fr is not None
        if kind in ("birth_certificate", "marriage_certificate", "police_certificate", "diploma"):
            self.arr = r.choice(["form", "form", "two_col"])
        elif self.en_title in ("Bank Reference Letter", "Pension Payment Advice", "Your Employment with Us",
                               "Landlord's Confirmation for Residence Registration"):
            self.arr = r.choice(["letter", "letter", "two_col"])
        else:
            self.arr = r.choice(["two_col", "form", "letter"])
        self.street_after = r.random() < 0.35
        self.copy = r.random() < 0.5
        self.fax = self.copy and r.random() < 0.4
        self.stamp = r.random() < 0.6
        self.pt = r.choice([10, 11])

    # -- values ----------------------------------------------------------
    def date(self, d):
        return d.isoformat() if self.dstyle == "iso" else d.strftime("%d.%m.%Y")

    def name(self, p):
        return "%s %s" % (p["surname"].upper(), p["given_names"])

    def title_of(self, p):
        return "Ms" if p["given_names"] in FEMALE else "Mr"

    def addr_lines(self, addr):
        """The case's two lines written with the postcode before the town,
        and on part of the pages the house number after the street."""
        street = addr[0]
        if self.street_after:
            num, rest = street.split(" ", 1)
            street = "%s %s" % (rest, num)
        words = addr[1].split()
        town, post = " ".join(words[:-2]), " ".join(words[-2:])
        return [street, "%s  %s" % (post, town)]

    def money(self, lo=10, hi=3000):
        return "GBP {:,.2f}".format(self.r.randint(lo * 100, hi * 100) / 100.0)

    def cap(self, en):
        fr = FR.get(en)
        return "%s / %s" % (fr, en) if self.bilingual and fr else en

    # -- drawing ---------------------------------------------------------
    def fax_line(self):
        c, r = self.c, self.r
        s = "%02d:%02d   FROM: %s   +44 %d %07d   P.%03d/%03d" % (
            r.randint(7, 18), r.randint(0, 59), "REGISTRY" if "Regist" in self.iss else "OFFICE",
            r.randint(11, 99), r.randint(0, 9999999), 1, 1)
        c.text(int(0.35 * c.dpi), int(0.2 * c.dpi), s, 8)

    def letterhead(self, iss, extra):
        c = self.c
        self.iss = iss
        if self.arr == "two_col":
            return
        c.text(c.margin, c.y, iss, 15, ("issuer", iss), c.bold)
        c.y += int(c.px(15) * 1.5)
        for s in extra:
            c.text(c.margin, c.y, s, 8)
            c.y += int(c.px(8) * 1.35)
        c.d.line([c.margin, c.y + 4, c.w - c.margin, c.y + 4], fill=90, width=max(1, c.dpi // 120))
        c.y += int(0.3 * c.dpi)

    def title(self):
        c = self.c
        x0 = self.body_x()
        span = c.w - c.margin - x0
        if self.fr:
            s1 = self.fr.upper()
            c.text(x0 + (span - int(c.width(s1, 15))) // 2, c.y, s1, 15, None, c.bold)
            c.y += int(c.px(15) * 1.45)
            s2 = self.en_title
            c.text(x0 + (span - int(c.width(s2, 12))) // 2, c.y, s2, 12)
            c.y += int(c.px(12) * 1.9)
        else:
            s = self.en_title
            pt = 16 if c.width(s, 16) < span else 13
            c.text(x0, c.y, s, pt, None, c.bold)
            c.y += int(c.px(pt) * 1.9)

    def body_x(self):
        return self.c.margin + int(2.35 * self.c.dpi) if self.arr == "two_col" else self.c.margin

    def sidebar(self, iss, refs):
        """two_col: a shaded column on the left with the issuer and the references."""
        c = self.c
        x0, x1 = int(0.45 * c.dpi), c.margin + int(2.1 * c.dpi)
        c.d.rectangle([x0, 0, x1, c.h], fill=self.r.randint(222, 236))
        y = c.margin
        words, line = iss.split(), ""
        for w in words:  # the issuer's name wrapped in the column
            t = (line + " " + w).strip()
            if c.width(t, 12) > x1 - x0 - int(0.3 * c.dpi) and line:
                c.text(x0 + int(0.15 * c.dpi), y, line, 12, None, c.bold)
                y += int(c.px(12) * 1.35)
                line = w
            else:
                line = t
        c.text(x0 + int(0.15 * c.dpi), y, line, 12, None, c.bold)
        c.fields.append({"name": "issuer", "value": iss, "bbox": [x0, c.margin, x1 - x0, y + int(c.px(12)) - c.margin]})
        y += int(c.px(12) * 2.2)
        for capt, val, fld in refs:
            c.text(x0 + int(0.15 * c.dpi), y, capt, 8)
            y += int(c.px(8) * 1.4)
            c.text(x0 + int(0.15 * c.dpi), y, val, 10, (fld, val) if fld else None)
            y += int(c.px(10) * 2.0)

    def window(self, who, addr, dated):
        """letter: the holder's block on the left (postcode before the town),
        the place and date on the right."""
        c = self.c
        y0 = c.y
        nm = self.name(who)
        c.text(c.margin, c.y, nm, 11, ("name", nm))
        c.y += int(c.px(11) * 1.4)
        for k, s in enumerate(self.addr_lines(addr) if addr else []):
            c.text(c.margin, c.y, s, 11, ("address", s) if k == 0 else None)
            c.y += int(c.px(11) * 1.4)
        s = "Date: %s" % dated[0]
        c.text(c.w - c.margin - int(c.width(s, 10)), y0, s, 10)
        if dated[1]:
            c.fields.append({"name": dated[1], "value": dated[0], "bbox": [c.w - c.margin - int(c.width(dated[0], 10)),
                                                                         y0, int(c.width(dated[0], 10)), int(c.px(10))]})
        c.y += int(0.35 * c.dpi)

    def particulars(self, rows):
        """Caption / value rows: a numbered grid (form), or an indented table
        of particulars (letter, two columns)."""
        c, pt = self.c, self.pt
        x0 = self.body_x()
        x1 = c.w - c.margin
        lw = max(1, c.dpi // 150)
        capw = int((x1 - x0) * 0.42)
        for n, (capt, val, fld) in enumerate(rows, 1):
            lines = val if isinstance(val, list) else [val]
            h = int(c.px(pt) * (0.7 + 1.4 * len(lines)))
            if self.arr == "form":
                c.d.rectangle([x0, c.y, x1, c.y + h], outline=60, width=lw)
                c.d.line([x0 + int(0.35 * c.dpi), c.y, x0 + int(0.35 * c.dpi), c.y + h], fill=60, width=lw)
                c.d.line([x0 + capw, c.y, x0 + capw, c.y + h], fill=60, width=lw)
                c.text(x0 + int(0.08 * c.dpi), c.y + int(c.px(pt) * 0.3), "%d" % n, pt - 1)
                c.text(x0 + int(0.42 * c.dpi), c.y + int(c.px(pt) * 0.35), capt, 8)
                vx = x0 + capw + int(0.08 * c.dpi)
            else:
                c.text(x0 + int(0.2 * c.dpi), c.y + int(c.px(pt) * 0.3), capt, 9)
                vx = x0 + capw
                if c.width(capt, 9) > capw - int(0.3 * c.dpi):  # a long caption: the value on the next line
                    c.y += int(c.px(9) * 1.5)
            y = c.y + int(c.px(pt) * 0.3)
            for k, s in enumerate(lines):
                c.text(vx, y, s, pt, (fld, s) if fld and k == 0 else None, c.bold if self.arr == "form" else None)
                y += int(c.px(pt) * 1.4)
            c.y += h - (lw if self.arr == "form" else -int(c.px(pt) * 0.1))
        c.y += int(0.25 * c.dpi)

    def para(self, s):
        """A paragraph in the body column."""
        c, pt = self.c, self.pt
        x0 = self.body_x()
        words, cur = s.split(), ""
        for w in words:
            t = (cur + " " + w).strip()
            if c.width(t, pt) > c.w - c.margin - x0 and cur:
                c.text(x0, c.y, cur, pt)
                c.y += int(c.px(pt) * 1.45)
                cur = w
            else:
                cur = t
        if cur:
            c.text(x0, c.y, cur, pt)
            c.y += int(c.px(pt) * 1.45)
        c.y += int(c.px(pt) * 0.6)

    def side_table(self, left, right):
        """Two tables side by side (earnings | deductions), each with a
        year-to-date column."""
        c = self.c
        x0 = self.body_x()
        half = (c.w - c.margin - x0) // 2
        y0 = c.y
        yend = y0
        for k, (head, rows) in enumerate((left, right)):
            xs = [x0 + k * half + int(half * f) for f in (0.0, 0.5, 0.76)]
            y = y0
            c.d.rectangle([xs[0], y - 2, x0 + (k + 1) * half - int(0.1 * c.dpi), y + int(c.px(9) * 1.5)],
                          fill=215)
            for i, row in enumerate([head] + rows):
                for x, cell in zip(xs, row):
                    c.text(x + int(0.04 * c.dpi), y, cell, 9, None, c.bold if i == 0 else None)
                y += int(c.px(9) * 1.55)
            yend = max(yend, y)
        c.y = yend + int(0.25 * c.dpi)

    def grid(self, header, rows):
        c = self.c
        x0 = self.body_x()
        span = c.w - c.margin - x0
        xs = [x0 + int(span * k / len(header)) for k in range(len(header))]
        c.d.line([x0, c.y - 3, c.w - c.margin, c.y - 3], fill=40, width=max(1, c.dpi // 100))
        for i, row in enumerate([header] + rows):
            if c.y > c.h - c.margin - int(2.0 * c.dpi):
                break
            for x, cell in zip(xs, row):
                c.text(x, c.y, cell, 9, None, c.bold if i == 0 else None)
            c.y += int(c.px(9) * 1.5)
            if i == 0:
                c.d.line([x0, c.y - 3, c.w - c.margin, c.y - 3], fill=40, width=max(1, c.dpi // 150))
        c.y += int(0.25 * c.dpi)

    def sign_off(self, closing, who_signs):
        c, r = self.c, self.r
        x0 = self.body_x()
        if closing:
            c.text(x0, c.y, closing, self.pt)
        c.y += int(c.px(self.pt) * 1.6)
        pts, n = [], r.randint(14, 24)
        for k in range(n):
            t = k / (n - 1)
            pts.append((x0 + int(0.2 * c.dpi) + t * 1.6 * c.dpi,
                        c.y + 0.15 * c.dpi * (1 + math.sin(t * r.uniform(8, 15) + r.uniform(0, 3)))))
        c.d.line(pts, fill=r.randint(20, 70), width=max(2, c.dpi // 80), joint="curve")
        c.y += int(0.45 * c.dpi)
        c.text(x0, c.y, who_signs, 9)
        c.y += int(c.px(9) * 1.8)

    def ink_stamp(self):
        """A rectangular stamp in translucent ink over the text of the page's
        upper half or its particulars."""
        c, r = self.c, self.r
        w, h = int(r.uniform(1.9, 2.6) * c.dpi), int(r.uniform(0.7, 0.95) * c.dpi)
        layer = Image.new("L", (w, h), 0)
        d = ImageDraw.Draw(layer)
        lw = max(2, c.dpi // 55)
        d.rectangle([lw, lw, w - lw, h - lw], outline=255, width=lw)
        d.rectangle([3 * lw, 3 * lw, w - 3 * lw, h - 3 * lw], outline=255, width=max(1, lw // 2))
        words = r.choice([("CERTIFIED TRUE COPY", "of the original"), ("RECEIVED", "Front Office"),
                          ("COPIE CONFORME", "certified copy"), ("CHECKED", "Records Section")])
        d.text((w // 2, int(h * 0.4)), words[0], font=c.font(13, c.bold), fill=255, anchor="mm")
        d.text((w // 2, int(h * 0.72)), words[1], font=c.font(9), fill=255, anchor="mm")
        layer = layer.rotate(r.uniform(-14, 14), resample=Image.BILINEAR, expand=True)
        spots = [f["bbox"] for f in c.fields if f["name"] != "issuer"]
        if spots:  # partly over a field's text
            bx, by, bw, bh = r.choice(spots)
            x = int(bx + r.uniform(-0.3, 0.6) * bw)
            y = int(by + bh / 2 - layer.size[1] * r.uniform(0.3, 0.7))
        else:
            x, y = int(r.uniform(0.25, 0.6) * c.w), int(r.uniform(0.22, 0.55) * c.h)
        x = max(0, min(c.w - layer.size[0] - 1, x))
        y = max(0, min(c.h - layer.size[1] - 1, y))
        alpha = r.uniform(0.45, 0.7)
        layer = layer.point(lambda v: int(v * alpha))
        shade = r.randint(60, 110)
        box = (x, y, x + layer.size[0], y + layer.size[1])
        dark = c.img.crop(box).point(lambda v: max(0, v - shade))
        c.img.paste(dark, box[:2], layer)
        c.d = ImageDraw.Draw(c.img)

    def photocopy(self):
        """Grey paper, toner speckle, a few vertical streaks, darker edges
        and harder blacks, as a photocopy or a fax gives."""
        c, r = self.c, self.r
        a = np.asarray(c.img, np.float32)
        h, w = a.shape
        rng = np.random.default_rng(r.randint(0, 2 ** 31))
        grey = r.uniform(200, 228)
        a = np.where(a > 140, a * grey / 255.0, a * 0.6)  # paper greyed, ink harder
        spk = rng.random(a.shape) < r.uniform(0.0008, 0.003)
        a[spk] = rng.uniform(20, 90, int(spk.sum()))
        for _ in range(r.randint(1, 4)):
            x = r.randint(0, w - 1)
            sw = max(1, int(r.uniform(0.003, 0.012) * c.dpi))
            a[:, x:x + sw] = a[:, x:x + sw] * r.uniform(0.55, 0.85)
        if r.random() < 0.5:  # a lighter band where the toner ran thin
            y = r.randint(0, h - 1)
            bh = int(r.uniform(0.1, 0.35) * c.dpi)
            a[y:y + bh] = a[y:y + bh] * 0.7 + 255 * 0.3
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        edge = np.minimum(np.minimum(xx, w - 1 - xx) / w, np.minimum(yy, h - 1 - yy) / h)
        a = a * (0.82 + 0.18 * np.clip(edge / 0.06, 0, 1))
        c.img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")
        if r.random() < 0.5:
            c.img = c.img.filter(ImageFilter.GaussianBlur(r.uniform(0.3, 0.7)))
        c.d = ImageDraw.Draw(c.img)


def draw7(sd, kind, c, r, truth):
    pg = truth["page"]
    P = P7(sd, c, r, kind)
    who = pg["person"]
    dt = P.date
    iss = issuer_of(kind, P.variant, pg["issuer"])
    addr = pg["address"]
    nm = P.name(who)
    extra = ["%s, %s" % (r.choice(sd.STREETS), r.choice(sd.TOWNS).title()), "Tel. +44 %d %07d" % (
        r.randint(11, 99), r.randint(0, 9999999))]
    num = pg["number"]
    closing = ("Yours sincerely," if P.arr == "letter" else None)
    signer = SIGNERS[kind]
    rows, refs, paras, after = [], [], [], None
    dear = "Dear %s %s," % (P.title_of(who), who["surname"])
    if kind == "birth_certificate":
        rows = [(P.cap("Surname"), who["surname"].upper(), "surname"),
                (P.cap("Given names"), who["given_names"], "given_names"),
                (P.cap("Date of birth"), dt(pg["birth_date"]), "birth_date"),
                (P.cap("Place of birth"), r.choice(sd.PLACES), None),
                (P.cap("Father"), P.name(pg["father"]), "other_name"),
                (P.cap("Mother"), P.name(pg["mother"]), "other_name")]
        refs = [(P.cap("Entry number"), num, "reference"), (P.cap("Date of issue"), dt(pg["issue"]), "issue_date")]
        paras = ["Extract issued from the register of births kept at this office, in accordance with the "
                 "Convention on the issue of multilingual extracts from civil status records."]
    elif kind == "marriage_certificate":
        first, second = (who, pg["spouse"]) if pg["applicant_first"] else (pg["spouse"], who)
        rows = [(P.cap("Spouse 1"), P.name(first), "name" if first is who else "other_name"),
                (P.cap("Spouse 2"), P.name(second), "name" if second is who else "other_name"),
                (P.cap("Date of marriage"), dt(pg["married"]), None),
                (P.cap("Place of marriage"), r.choice(sd.PLACES), None)]
        refs = [(P.cap("Entry number"), num, "reference"), (P.cap("Date of issue"), dt(pg["issue"]), "issue_date")]
        paras = ["Extract issued from the register of marriages. Any alteration renders this extract void."]
    elif kind == "bank_statement":
        refs = [("Account no.", num, "account_number"), ("Date", dt(pg["issue"]), "statement_date")]
        bal = "GBP {:,.2f}".format(r.randint(1000, 900000) / 100.0)
        since = dt(pg["issue"] - datetime.timedelta(days=r.randint(700, 5000)))
        rows = [("Account holder", nm, "name"), ("Address", P.addr_lines(addr), "address")]
        if pg.get("birth_date_shown"):
            rows.append(("Date of birth", dt(pg["birth_date"]), "birth_date"))
        if P.variant == 0:
            paras = [dear, "At your request we confirm that you have held a current account with us since %s "
                     "and that the account has been conducted satisfactorily. On %s the cleared balance was %s."
                     % (since, dt(pg["issue"]), bal)]
        else:
            rows.append(("Balance at %s" % dt(pg["issue"]), bal, "amount"))
            accs = [["Current account", num, bal], ["Instant saver", "%08d" % r.randint(0, 10 ** 8 - 1),
                                                    P.money(50, 20000)]]
            after = ("grid", ["Account", "Number", "Balance"], accs)
    elif kind == "payslip":
        refs = [("Reference", num, "account_number"), ("Payment date", dt(pg["issue"]), "statement_date")]
        rows = [("Name", nm, "name"), ("Address", P.addr_lines(addr), "address")]
        if P.variant == 0:
            month = MONTHS_EN[pg["issue"].month - 1]
            gross = r.randint(60000, 300000) / 100.0
            tax = round(gross * r.uniform(0.05, 0.2), 2)
            paras = [dear, "Your pension for %s %d will be paid into your bank account on %s. The amounts "
                     "are shown below." % (month, pg["issue"].year, dt(pg["issue"]))]
            after = ("grid", ["", "This month", "Tax year to date"],
                     [["Gross pension", "%.2f" % gross, "%.2f" % (gross * pg["issue"].month)],
                      ["Income tax", "%.2f" % tax, "%.2f" % (tax * pg["issue"].month)],
                      ["Net pension", "%.2f" % (gross - tax), "%.2f" % ((gross - tax) * pg["issue"].month)]])
            signer = "Pensions Payroll Team"
        else:
            m = pg["issue"].month
            earn = [[n, "%.2f" % v, "%.2f" % (v * m)] for n, v in
                    [("Basic pay", r.randint(150000, 400000) / 100.0), ("Overtime", r.randint(0, 40000) / 100.0)]]
            ded = [[n, "%.2f" % v, "%.2f" % (v * m)] for n, v in
                   [("Income tax", r.randint(20000, 80000) / 100.0), ("Nat. insurance", r.randint(8000, 30000) / 100.0),
                    ("Pension", r.randint(5000, 20000) / 100.0)]]
            after = ("side", (["Earnings", "Period", "Year to date"], earn),
                     (["Deductions", "Period", "Year to date"], ded))
            rows.append(("Net pay", P.money(800, 4000), "amount"))
    elif kind == "employment_letter":
        start = dt(pg["issue"] - datetime.timedelta(days=r.randint(400, 4000)))
        pos = r.choice(sd.POSITIONS)
        refs = [("Our ref.", "HR-%05d" % r.randint(0, 99999), None), (P.cap("Date of issue"), dt(pg["issue"]),
                                                                      "issue_date")]
        rows = [(P.cap("Employee"), nm, "name"), (P.cap("Date of birth"), dt(pg["birth_date"]), "birth_date"),
                (P.cap("Address"), P.addr_lines(addr), "address"), (P.cap("Position"), pos, None),
                (P.cap("Employed since"), start, None)]
        if P.variant == 0:
            paras = [dear, "As you asked, we confirm that you have been employed by %s as %s since %s on a "
                     "permanent full-time contract, and that your employment continues." % (iss, pos, start)]
        else:
            paras = ["Nous certifions que la personne ci-dessus est employée par notre société. / We certify "
                     "that the person named above is employed by our company."]
    elif kind == "utility_bill":
        refs = [("Customer ref.", num, "account_number"), ("Bill date", dt(pg["issue"]), "statement_date")]
        rows = [("Customer", nm, "name"), ("Address" if P.variant == 0 else "Property assessed",
                                           P.addr_lines(addr), "address")]
        if P.variant == 0:
            after = ("grid", ["Service", "Period", "Charge"],
                     [["Line rental", "1 month", P.money(10, 25)], ["Broadband 500 Mb", "1 month", P.money(20, 45)],
                      ["Calls", "%d min" % r.randint(10, 400), P.money(1, 15)]])
        else:
            yr = pg["issue"].year
            after = ("grid", ["Tax year", "Rateable value", "Rate", "Amount"],
                     [["%d/%02d" % (yr, (yr + 1) % 100), "GBP {:,}".format(r.randint(80, 400) * 100),
                       "%.4f" % r.uniform(0.4, 0.55), P.money(300, 2200)]])
            paras = ["This notice sets out the property tax assessed for the property above. Payment is due "
                     "in ten monthly instalments."]
        rows.append(("Amount due", P.money(30, 400), "amount"))
    elif kind == "tenancy_agreement":
        landlord = iss
        refs = [("Reference", "T-%06d" % r.randint(0, 999999), None), ("Date", dt(pg["issue"]), "issue_date")]
        if P.variant == 0:
            moved = dt(pg["issue"] - datetime.timedelta(days=r.randint(3, 60)))
            rows = [("Tenant", nm, "name"), ("Address of the dwelling", P.addr_lines(addr), "address"),
                    ("Moved in on", moved, None), ("Landlord", landlord, None)]
            paras = ["I confirm as landlord, for the registration of the residence with the local authority, "
                     "that the person named above has moved into the dwelling at the address given."]
        else:
            rows = [("Lessor", landlord, None), ("Lessee", nm, "name"), ("Premises", P.addr_lines(addr), "address"),
                    ("Monthly rent", P.money(450, 2400), "amount"), ("Term", "12 months", None)]
            paras = ["The Lessor lets and the Lessee takes the premises for the term stated, the rent payable "
                     "monthly in advance on the first day of each month."]
    elif kind == "police_certificate":
        rows = [(P.cap("Full name"), nm, "name"), (P.cap("Date of birth"), dt(pg["birth_date"]), "birth_date"),
                (P.cap("Place of birth"), r.choice(sd.PLACES), None)]
        refs = [(P.cap("Certificate number"), num, "reference"), (P.cap("Date of issue"), dt(pg["issue"]),
                                                                  "issue_date")]
        paras = ["No conviction is recorded against the person named above in the national records on "
                 "the date of issue." + (" / Aucune condamnation n'est inscrite." if P.bilingual else "")]
    elif kind == "diploma":
        rows = [(P.cap("Full name"), nm, "name"), (P.cap("Date of birth"), dt(pg["birth_date"]), "birth_date"),
                (P.cap("Award"), r.choice(sd.DEGREES) if P.variant == 0 else "Course in Project Management", None)]
        refs = [(P.cap("Certificate number"), num, "reference"), (P.cap("Date of award"), dt(pg["issue"]),
                                                                  "issue_date")]
        paras = ["The holder has completed the programme of study and passed the assessments required."]
    # The page.
    if P.copy and P.fax:
        P.iss = iss
        P.fax_line()
    if P.arr == "two_col":
        P.sidebar(iss, refs + [("Contact", extra[1], None)])
        P.iss = iss
        c.y = c.margin
    else:
        P.letterhead(iss, extra)
    if P.arr == "letter":
        d_ref = next(((v, f) for cpt, v, f in refs if f in ("issue_date", "statement_date")), (dt(pg["issue"]), None))
        P.window(who, addr if kind in sd.PRINTS_ADDRESS else None, d_ref)
        P.title()
        body_rows = [row for row in rows if row[2] not in ("name", "address") or kind not in sd.PRINTS_ADDRESS]
        for s in paras:
            P.para(s)
        P.particulars(body_rows + [x for x in refs if x[2] not in ("issue_date", "statement_date")])
    else:
        P.title()
        if paras and paras[0] is dear:
            P.para(dear)
            paras = paras[1:]
        P.particulars(rows + (refs if P.arr == "form" else []))
        for s in paras:
            P.para(s)
    if after:
        if after[0] == "grid":
            P.grid(after[1], after[2])
        else:
            P.side_table(after[1], after[2])
    P.sign_off(closing, signer)
    if P.stamp:
        P.ink_stamp()
    if P.copy:
        P.photocopy()
    # The OCR languages an office would set: French too on the bilingual pages.
    return "fra" if P.bilingual else None
