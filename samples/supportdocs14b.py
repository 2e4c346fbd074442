"""The heldout14 pages' drawing (one function a type), the marks, the
captures and the scan; the countries, names, dates and the page helper
are in supportdocs14.py (see its docstring for what the family draws)."""
import datetime

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

import supportdocs11b as b11
import supportdocs12 as s12
import supportdocs13b as cap  # the scan
import supportdocs14 as h
from supportdocs14 import cell, check, date, dt, issue_date, name, salutation

LH = 0.3528 * 1.5  # a line's height in mm per point


def _title(P, y, en, pt=15):
    """The original's title over the English one on the English-writing
    countries' certificates, the French title alone in Morocco and Quebec."""
    c = P.spec["country"]
    key = "birth" if "BIRTH" in en else "marriage"
    if P.fr or c == "au" or c not in h.TITLES[key]:
        s = P.L(en)
        P.t((P.W - P.w(s, pt, True)) / 2, y, s, pt, bold=True)
        return y + pt * LH + 3
    s = h.TITLES[key][c]
    P.t((P.W - P.w(s, pt, True)) / 2, y, s, pt, bold=True)
    P.c.text(P.px((P.W - P.c.font(pt - 3, h.ITALIC).getlength(en) * 25.4 / P.c.dpi) / 2), P.px(y + pt * LH),
             en, pt - 3, None, h.ITALIC)
    return y + pt * LH + (pt - 3) * LH + 3


def _caption(P, x, y, en, pt=8):
    """A caption: the original's over the English one (register extracts), or
    the French one, or the English one alone."""
    c = P.spec["country"]
    if P.fr or c == "au":
        P.t(x, y, P.L(en), pt)
        return
    orig = h.ORIG[en][["pl", "ro", "tr", "ua", "vn"].index(c)]
    P.t(x, y - 1.6, orig, pt)
    P.c.text(P.px(x), P.px(y + 1.9), en, pt - 1, None, h.ITALIC)


def _head(P, y=14):
    """The issuing office's head: the seal at the left, its name."""
    P.seal(16, y - 4, 16)
    P.t(36, y, P.pg["issuer"], 12 if len(P.pg["issuer"]) < 44 else 9.5, "issuer", bold=True)
    P.rule(16, y + 14, P.W - 16, 1, 90)
    return y + 20


def draw_birth(P):
    """A civil-register extract: the captions (original over English) at the
    left, the values in ruled rows; or the record twice, in two language
    columns."""
    pg, r, spec = P.pg, P.r, P.spec
    y = _title(P, _head(P), "BIRTH CERTIFICATE")
    p, (f, m) = pg["person"], (pg["father"], pg["mother"])
    bd = date(pg["birth_date"], spec["birth"], spec["lang"])
    mother = "%s %s" % (m["given_names"], m["surname"])
    if spec.get("mother_maiden"):
        mother += " %s %s" % (h.NEE.get(spec["country"], "née"), spec["mother_maiden"])
    rows = [("Surname", p["surname"].upper(), "surname"), ("Given names", p["given_names"], "given_names"),
            ("Date of birth", bd, "birth_date"), ("Place of birth", spec["birth_place"], None),
            ("Sex", ("F" if spec["female"] else "M"), None),
            ("Father", "%s %s" % (f["given_names"], f["surname"]), "father"), ("Mother", mother, "mother"),
            ("Entry no.", "%d/%d" % (r.randint(100, 2999), pg["birth_date"].year), None),
            ("Date of issue", issue_date(P), "issue_date")]
    y += 6
    if spec["variant"] == "twocol":
        # the record in the original's captions at the left, in English at the right
        c = spec["country"]
        for k, (en, v, fld) in enumerate(rows):
            orig = h.ORIG[en][["pl", "ro", "tr", "ua", "vn"].index(c)]
            P.t(18, y, orig + ":", 8.5)
            P.t(18, y + 4.5, v, 10.5, fld if fld != "issue_date" else None)
            P.t(110, y, en + ":", 8.5)
            P.t(110, y + 4.5, v, 10.5, fld)
            y += 12
        P.c.d.line([P.px(104), P.px(70), P.px(104), P.px(y)], fill=150, width=max(1, P.c.dpi // 150))
    else:
        for en, v, fld in rows:
            _caption(P, 18, y + 1.5, en)
            P.t(75, y, v, 11, fld)
            P.rule(18, y + 8, P.W - 18, 1, 185)
            y += 11
    P.seal(P.W - 60, y + 8, 32)
    P.t(18, y + 20, h.FR["Date of issue"] if P.fr else "Registrar / Kierownik USC" if spec["country"] == "pl"
        else "Registrar", 9)
    P.t(18, y + 26, "________________________", 9)


def draw_marriage(P):
    """The captions in the middle column, the two spouses' values left and
    right (the applicant on one side, the spouse on the other)."""
    pg, r, spec = P.pg, P.r, P.spec
    y = _title(P, _head(P), "MARRIAGE CERTIFICATE") + 6
    p, q = pg["person"], pg["spouse"]
    own = [("Surname before marriage", spec.get("maiden") or p["surname"], None),
           ("Surname after marriage", p["surname"].upper(), "surname"), ("Given names", p["given_names"], "given_names"),
           ("Date of birth", date(p["birth_date"], spec["birth"], spec["lang"]), None),
           ("Place of birth", spec["birth_place"], None)]
    other = [q["surname"], q["surname"].upper(), q["given_names"], date(q["birth_date"], spec["birth"], spec["lang"]),
             r.choice(h.NAMES[spec["country"]][3])]
    left = pg["applicant_first"]
    P.box(16, y - 2, P.W - 32, 8, shade=225)
    P.t(30, y - 0.5, P.L("Spouse") + " 1", 10, bold=True)
    P.t(P.W - 70, y - 0.5, P.L("Spouse") + " 2", 10, bold=True)
    y += 10
    for k, (en, v, fld) in enumerate(own):
        P.rule(16, y + 9, P.W - 16, 1, 170)
        cap = P.L(en) if P.fr or spec["country"] == "au" else en
        P.t((P.W - P.w(cap, 8)) / 2, y + 2, cap, 8)
        a, b = (v, other[k]) if left else (other[k], v)
        fa = fld if left else ("spouse" if k == 1 else None)
        fb = ("spouse" if k == 1 else None) if left else fld
        P.t(18, y + 1, a, 10.5, fa)
        P.right(P.W - 18, y + 1, b, 10.5, fb)
        y += 11
    y += 4
    P.runs(18, y, [(P.L("Date of marriage") + ": ", None), (dt(P, pg["married"]), None)], 10.5)
    P.runs(18, y + 7, [(P.L("Entry no.") + ": ", None), ("%d/%d" % (r.randint(10, 900), pg["married"].year), None)], 10.5)
    P.runs(18, y + 14, [(P.L("Date of issue") + ": ", None), (issue_date(P), "issue_date")], 10.5)
    P.seal(P.W - 58, y, 30)


def _tx(P, n, start, end):
    """n transactions between start and end, newest first."""
    r = P.r
    payees = ["Card payment BIEDRONKA", "Transfer from employer", "ATM withdrawal", "Standing order rent",
              "Mobile top-up", "Card payment LIDL", "Direct debit insurance", "Online shop"]
    days = sorted((start + datetime.timedelta(days=r.randint(0, max(0, (end - start).days))) for _ in range(n)),
                  reverse=True)
    return [(d, r.choice(payees), r.choice([-1, -1, -1, 1]) * r.randint(300, 250000) / 100) for d in days]


def draw_bank(P):
    pg, r, spec = P.pg, P.r, P.spec
    issue = pg["issue"]
    start = issue - datetime.timedelta(days=30)
    cur = h.CURRENCY[spec["country"]]
    iban = "%s%02d %s" % ({"ro": "RO", "tr": "TR", "ua": "UA", "ma": "MA", "pl": "PL"}.get(spec["country"], "AC"),
                          r.randint(10, 99), " ".join("%04d" % r.randint(0, 9999) for _ in range(5)))
    if spec["variant"] == "app":  # a printed screenshot of the banking app
        x0, w = (P.W - 78) / 2, 78
        P.c.d.rounded_rectangle([P.px(x0), P.px(20), P.px(x0 + w), P.px(270)], radius=P.px(8), outline=40,
                                width=max(2, P.c.dpi // 70))
        P.t(x0 + 5, 24, "%02d:%02d" % (r.randint(7, 22), r.randint(0, 59)), 8, bold=True)
        P.right(x0 + w - 5, 24, "4G  %d%%" % r.randint(12, 99), 8)
        P.box(x0 + 1, 31, w - 2, 14, shade=205)
        P.t(x0 + 5, 34, pg["issuer"][:30], 10, "issuer", bold=True)
        y = 50
        P.t(x0 + 5, y, ("Bonjour, " if P.fr else "Hello, ") + "%s. %s" % (pg["person"]["given_names"][0],
                                                                         pg["person"]["surname"]), 9)
        y += 8
        P.t(x0 + 5, y, P.L("Account holder"), 7)
        P.t(x0 + 5, y + 3.5, name(P, pg["person"]), 9.5, "name")
        y += 11
        P.t(x0 + 5, y, P.L("Address"), 7)
        a, town = h.street(P)
        P.t(x0 + 5, y + 3.5, a, 8.5, "address")
        if town:
            P.t(x0 + 5, y + 7.5, town, 8.5)
        y += 14
        if pg["birth_date_shown"]:
            P.runs(x0 + 5, y, [(P.L("Date of birth") + " ", None),
                               (date(pg["birth_date"], spec["birth"], spec["lang"]), "birth_date")], 8)
            y += 6
        P.t(x0 + 5, y, iban, 8)
        P.t(x0 + 5, y + 5, "%s %s" % ("{:,.2f}".format(r.randint(10000, 900000) / 100), cur), 16, bold=True)
        y += 16
        P.runs(x0 + 5, y, [(P.L("Balance") + " " + ("au " if P.fr else "as of "), None), (issue_date(P), "issue_date")], 7.5)
        y += 8
        for d, what, amt in _tx(P, 11, start, issue):
            P.t(x0 + 5, y, dt(P, d), 7)
            P.t(x0 + 5, y + 3.3, what[:26], 8.5)
            P.right(x0 + w - 5, y + 1.5, "%+.2f" % amt, 8.5)
            P.rule(x0 + 5, y + 8, x0 + w - 5, 1, 200)
            y += 10
            if y > 250:
                break
        return
    # printed from a browser: the print date and page title above, the URL and page number below
    stamp = "%s, %02d:%02d" % (issue.strftime("%d.%m.%Y") if spec["country"] != "au" else issue.strftime("%d/%m/%Y"),
                               r.randint(8, 21), r.randint(0, 59))
    P.t(8, 6, stamp, 7)
    P.t(P.W / 2 - 20, 6, "%s - %s" % (pg["issuer"][:24], P.L("Account history")), 7)
    P.logo(16, 16, 12)
    P.t(32, 18, pg["issuer"], 13, "issuer", bold=True)
    P.right(P.W - 16, 18, P.L("Account history"), 11, bold=True)
    y = 36
    P.t(16, y, P.L("Account holder"), 8)
    P.t(16, y + 4, name(P, pg["person"]), 11, "name")
    y = P.addr_block(16, y + 10, 10)
    if pg["birth_date_shown"]:
        P.runs(16, y, [(P.L("Date of birth") + ": ", None),
                       (date(pg["birth_date"], spec["birth"], spec["lang"]), "birth_date")], 9.5)
        y += 6
    P.runs(110, 40, [("IBAN: " + iban, None)], 9.5)
    P.runs(110, 46, [(P.L("Period") + ": " + P.L("from") + " " + dt(P, start) + " " + P.L("to") + " " + dt(P, issue),
                      None)], 9.5)
    P.runs(110, 52, [(P.L("Generated on") + " ", None), (issue_date(P), "issue_date")], 9.5)
    y = max(y, 62) + 4
    cols = [16, 46, 130, P.W - 16]
    P.box(16, y, P.W - 32, 7, shade=215)
    for x, s in zip(cols[:3], (P.L("Date"), P.L("Description"), P.L("Amount"))):
        P.t(x + 1, y + 1.3, s, 9, bold=True)
    P.right(cols[3] - 1, y + 1.3, P.L("Balance"), 9, bold=True)
    y += 9
    bal = r.randint(50000, 900000) / 100
    for d, what, amt in _tx(P, r.randint(14, 20), start, issue):
        P.t(17, y, dt(P, d), 9)
        P.t(47, y, what, 9)
        P.t(131, y, "%+.2f %s" % (amt, cur), 9)
        P.right(cols[3] - 1, y, "%.2f" % bal, 9)
        bal -= amt
        P.rule(16, y + 5.5, P.W - 16, 1, 215)
        y += 7
        if y > 262:
            break
    url = "https://online.%s/retail/accounts/history?acc=%d&from=%s&to=%s" % (
        {"pl": "bankwisla.pl", "ro": "carpatica.ro", "tr": "bogazici.com.tr", "ua": "dniprobank.ua",
         "vn": "songhongbank.vn", "au": "southerncross.com.au", "ma": "banqueatlas.ma",
         "qc": "caissepopulaire.ca"}[spec["country"]], r.randint(10**7, 10**8), start.isoformat(), issue.isoformat())
    P.t(8, P.H - 9, url, 7)
    P.right(P.W - 8, P.H - 9, "1/%d" % r.randint(1, 3), 7)


def draw_payslip(P):
    """A pay stub: current and year-to-date columns, the voucher below a
    perforation."""
    pg, r, spec = P.pg, P.r, P.spec
    cur = h.CURRENCY[spec["country"]]
    P.logo(16, 14, 12)
    P.t(32, 15, pg["issuer"], 13, "issuer", bold=True)
    P.right(P.W - 16, 15, P.L("Pay statement").upper(), 12, bold=True)
    end = pg["issue"] - datetime.timedelta(days=r.randint(0, 4))
    start = end - datetime.timedelta(days=r.choice([13, 14, 29, 30]))
    P.t(16, 34, P.L("Employee"), 8)
    P.t(16, 38, name(P, pg["person"]), 11, "name")
    P.addr_block(16, 44, 10)
    P.runs(115, 34, [(P.L("Pay period") + ": ", None), (dt(P, start) + " - " + dt(P, end), None)], 9.5)
    P.runs(115, 40, [(P.L("Pay date") + ": ", None), (issue_date(P), "issue_date")], 9.5)
    P.t(115, 46, "ID %d   %s" % (r.randint(1000, 99999), r.choice(["TFN ***", "NIN ***", "SIN ***", "PESEL ***"])), 9.5)
    ym = max(1, (pg["issue"].timetuple().tm_yday // 30))
    y = 66
    heads = [P.L("Earnings"), P.L("Rate"), P.L("Hours"), P.L("Current"), P.L("YTD")]
    xs = [16, 80, 105, 135, P.W - 16]
    P.box(16, y, P.W - 32, 7, shade=210)
    for k, s in enumerate(heads):
        if k < 3:
            P.t(xs[k] + 1, y + 1.3, s, 9, bold=True)
        else:
            P.right(160 if k == 3 else xs[4], y + 1.3, s, 9, bold=True)
    y += 9
    gross = 0
    for what in ("Regular", "Overtime", "Holiday pay"):
        rate, hours = r.randint(1800, 9000) / 100, r.choice([80, 86.67, 160, 8, 12])
        amt = rate * hours
        gross += amt
        P.t(17, y, what if not P.fr else {"Regular": "Salaire de base", "Overtime": "Heures supp.",
                                          "Holiday pay": "Congés payés"}[what], 9.5)
        P.t(81, y, "%.2f" % rate, 9.5)
        P.t(106, y, "%g" % hours, 9.5)
        P.right(160, y, "{:,.2f}".format(amt), 9.5)
        P.right(P.W - 16, y, "{:,.2f}".format(amt * ym * r.uniform(0.9, 1.05)), 9.5)
        y += 6.5
    y += 3
    P.box(16, y, P.W - 32, 7, shade=210)
    P.t(17, y + 1.3, P.L("Deductions"), 9, bold=True)
    P.right(160, y + 1.3, P.L("Current"), 9, bold=True)
    P.right(P.W - 16, y + 1.3, P.L("YTD"), 9, bold=True)
    y += 9
    ded = 0
    for what in ("Income tax", "Social insurance", "Health insurance", "Pension"):
        amt = gross * r.uniform(0.02, 0.12)
        ded += amt
        P.t(17, y, what, 9.5)
        P.right(160, y, "{:,.2f}".format(amt), 9.5)
        P.right(P.W - 16, y, "{:,.2f}".format(amt * ym), 9.5)
        y += 6.5
    y += 4
    P.box(120, y, P.W - 136, 10, shade=None, outline=50)
    P.t(122, y + 2, "%s: {:,.2f} %s".format(gross - ded) % (P.L("Net pay"), cur), 11, bold=True)
    # the voucher under a perforation: the name again, the date as plain text
    y = 205
    for x in range(16, int(P.W) - 16, 3):
        P.rule(x, y, x + 1.5, 1, 90)
    P.t(16, y + 5, "NON-NEGOTIABLE" if not P.fr else "NON NÉGOCIABLE", 9, bold=True)
    P.t(16, y + 12, name(P, pg["person"]), 10)
    P.t(16, y + 18, "%s  %s" % (date(pg["issue"], "iso"), "{:,.2f} {}".format(gross - ded, cur)), 10)
    P.t(16, y + 24, "**** **** %04d" % r.randint(0, 9999), 10)


def _letter_body(P, x0, x1, y, col2=None):
    """The employment letter's prose, in one column or two (col2 = the
    second column's x0)."""
    pg, r, spec = P.pg, P.r, P.spec
    p = pg["person"]
    since = pg["issue"] - datetime.timedelta(days=r.randint(300, 3000))
    pos = r.choice(["technicien(ne) de maintenance", "développeur(se) logiciel", "infirmier(ère) autorisé(e)",
                    "ingénieur(e) qualité"] if P.fr else
                   ["logistics coordinator", "software developer", "registered nurse", "quality engineer"])
    # the lead sentence with the name and the birth date as fields
    pre = "Nous certifions que %s " % ("Mme" if spec["female"] else "M.") if P.fr else \
        "We confirm that %s " % ("Ms" if spec["female"] else "Mr")
    P.runs(x0, y, [(pre, None), (name(P, p, "plain"), "name"), (",", None)], 10.5)
    y += 10.5 * LH
    P.born(x0, y, 10.5, "")
    y += 10.5 * LH
    rest = ("est employé(e) par notre société depuis le %s en qualité de %s, à temps plein, sous contrat à durée "
            "indéterminée. Son salaire mensuel brut s'élève à %s %s. La présente attestation est délivrée à la "
            "demande de l'intéressé(e) pour servir et valoir ce que de droit." if P.fr else
            "has been employed by our company since %s as a %s on a full-time, permanent contract. The gross "
            "monthly salary is %s %s. The employment is not under notice of termination. This letter is issued "
            "at the employee's request for submission to the immigration authorities.") % (
        dt(P, since), pos, "{:,.2f}".format(r.randint(300000, 1200000) / 100), h.CURRENCY[spec["country"]])
    words = rest.split()
    half = len(words) // 2
    if col2:
        y2 = P.para(x0, y, x1, " ".join(words[:half]), 10.5)
        P.para(col2, P.ytop, col2 + (x1 - x0), " ".join(words[half:]), 10.5)
        return max(y2, P.ytop + 40)
    return P.para(x0, y, x1, rest, 10.5)


def draw_letter(P):
    """Logo left, the firm's address block right; the applicant's block
    below, the date on the right, the name in the salutation."""
    pg, r, spec = P.pg, P.r, P.spec
    P.logo(16, 14, 16)
    P.t(36, 18, pg["issuer"], 12, "issuer", bold=True)
    town = h.TOWNS[spec["country"]][r.randint(0, 3)]
    firm = [h.STREETS[spec["country"]][r.randint(0, 3)] + " %d" % r.randint(1, 90), town,
            "Tel. +%d %d %d" % (r.randint(30, 99), r.randint(100, 999), r.randint(100000, 999999)),
            "hr@%s.%s" % (h.fold_ascii(pg["issuer"].split()[0]).lower().strip(".,"),
                          {"au": "com.au", "qc": "ca", "ua": "com.ua", "vn": "com.vn"}.get(spec["country"],
                                                                                         spec["country"]))]
    for k, s in enumerate(firm):
        P.right(P.W - 16, 14 + 4.2 * k, s, 8.5)
    P.rule(16, 34, P.W - 16, 1, 120)
    P.t(20, 46, name(P, pg["person"]), 10.5, "name")
    P.addr_block(20, 46 + 10.5 * LH, 10.5)
    place = town.split()[-1] if spec["country"] != "qc" else town.split()[0]
    lead = "%s, %s" % (place, "le " if P.fr else "")
    P.runs(P.W - 16 - P.w(lead + issue_date(P), 10.5) - 2, 72, [(lead, None), (issue_date(P), "issue_date")], 10.5)
    P.t(20, 86, "Objet : attestation d'emploi" if P.fr else "Re: Confirmation of employment", 10.5, bold=True)
    P.t(20, 96, salutation(P, pg["person"]), 10.5)
    P.ytop = 106
    if spec["variant"] == "twocol":
        y = _letter_body(P, 20, 100, 106, col2=110)
    else:
        y = _letter_body(P, 20, P.W - 20, 106)
    P.t(20, y + 8, "Veuillez agréer nos salutations distinguées." if P.fr else "Yours sincerely,", 10.5)
    P.t(20, y + 24, r.choice(["Head of Human Resources", "HR Manager", "Directeur des ressources humaines"]), 10)
    P.legal(P.H - 20)


def draw_bill(P):
    """An energy or internet bill: logo left, the addressee block right, a
    reference holding the date, a consumption chart, a payment QR square,
    tiny legal print."""
    pg, r, spec = P.pg, P.r, P.spec
    issue = pg["issue"]
    P.logo(16, 14, 14)
    P.t(34, 16, pg["issuer"], 12 if len(pg["issuer"]) < 40 else 9, "issuer", bold=True)
    P.t(118, 42, name(P, pg["person"]), 10.5, "name")
    P.addr_block(118, 42 + 10.5 * LH, 10.5)
    P.t(16, 42, P.L("Invoice").upper() + " %d" % r.randint(10**8, 10**9), 13, bold=True)
    P.runs(16, 52, [(P.L("Invoice date") + ": ", None), (issue_date(P), "issue_date")], 10)
    ref = "REF-%s-%02d" % (issue.strftime("%Y%m%d"), r.randint(10, 99))
    P.t(16, 58, "%s: %s" % (P.L("Customer reference"), ref), 10)
    start = issue - datetime.timedelta(days=r.randint(35, 40))
    end = issue - datetime.timedelta(days=r.randint(3, 6))
    P.t(16, 64, "%s: %s %s %s %s" % (P.L("Billing period"), P.L("from"), dt(P, start), P.L("to"), dt(P, end)), 10)
    y = 80
    unit = "kWh" if spec["variant"] == "energy" else "GB"
    P.t(16, y, "%s (%s)" % (P.L("Consumption"), unit), 10, bold=True)
    base = y + 40
    for k in range(12):
        bh = r.uniform(8, 34)
        P.box(18 + k * 8, base - bh, 5, bh, shade=150 if k < 11 else 60)
        P.t(18 + k * 8, base + 1, MONTHS_SHORT(P)[(issue.month + k) % 12], 6.5)
    P.rule(16, base, 116, 1, 60)
    amount = r.randint(3000, 40000) / 100
    P.box(125, y, P.W - 141, 30, shade=235, outline=90)
    P.t(128, y + 3, P.L("Amount due"), 10)
    P.t(128, y + 10, "{:,.2f} {}".format(amount, h.CURRENCY[spec["country"]]), 16, bold=True)
    P.t(128, y + 21, "%s: %s" % (P.L("Due date"), dt(P, issue + datetime.timedelta(days=r.randint(14, 21)))), 9)
    y = base + 14
    P.box(16, y, P.W - 32, 7, shade=220)
    P.t(18, y + 1.2, P.L("Description"), 9, bold=True)
    P.right(P.W - 18, y + 1.2, P.L("Amount"), 9, bold=True)
    y += 9
    items = (["Energy charge", "Network charge", "Capacity fee", "Excise duty", "VAT"] if spec["variant"] == "energy"
             else ["Fibre 300/100 plan", "Router rental", "Static IP", "VAT"])
    for what in items:
        P.t(18, y, what, 9.5)
        P.right(P.W - 18, y, "%.2f" % (amount * r.uniform(0.05, 0.4)), 9.5)
        y += 6.5
    y += 8
    s12.qr_square(P, 16, y, 32)
    P.t(54, y + 2, "Scan to pay" if not P.fr else "Payer avec le code QR", 9.5, bold=True)
    P.t(54, y + 8, "%s/%d/%s" % (ref, r.randint(10**9, 10**10), "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
                                                                     for _ in range(12))), 8)
    P.legal(P.H - 18)


def MONTHS_SHORT(P):
    return [m[:3] for m in (h.FR_MONTHS if P.fr else h.MONTHS)]


def draw_tenancy(P):
    """A form: boxed cells, check boxes, the co-tenant beside the applicant."""
    pg, r, spec = P.pg, P.r, P.spec
    title = P.L("TENANCY AGREEMENT")
    if spec["country"] == "au":
        title = "RESIDENTIAL TENANCY AGREEMENT (Form 18a)"
    elif spec["country"] == "pl":
        title = "UMOWA NAJMU LOKALU / TENANCY AGREEMENT"
    P.t((P.W - P.w(title, 13, True)) / 2, 14, title, 13, bold=True)
    y = 28
    P.t(16, y, "1. " + P.L("Landlord"), 10.5, bold=True)
    y = cell(P, 16, y + 5, P.W - 32, P.L("Surname") + " / " + P.L("Given names"), pg["issuer"], "issuer")
    P.t(16, y, "2. " + P.L("Tenant"), 10.5, bold=True)
    y += 5
    p = pg["person"]
    cell(P, 16, y, 85, P.L("Surname"), p["surname"].upper(), "surname")
    y = cell(P, 105, y, P.W - 121, P.L("Given names"), p["given_names"], "given_names")
    if spec["joint"]:
        co = pg.get("co_tenant")
        cell(P, 16, y, 85, P.L("Co-tenant") + " - " + P.L("Surname"), co["surname"].upper(), "co_tenant")
        y = cell(P, 105, y, P.W - 121, P.L("Given names"), co["given_names"], None)
    P.t(16, y, "3. " + P.L("Premises"), 10.5, bold=True)
    y += 5
    a, town = h.street(P)
    y = cell(P, 16, y, P.W - 32, P.L("Address"), a, "address")
    if town:
        y = cell(P, 16, y, P.W - 32, "", town, None)
    x = 16
    flat = r.random() < 0.7
    for label, on in ((P.L("House"), not flat), (P.L("Apartment"), flat), (P.L("Furnished"), r.random() < 0.4)):
        x = check(P, x, y, on, label)
    y += 10
    P.t(16, y, "4. " + P.L("Term"), 10.5, bold=True)
    start = pg["issue"] + datetime.timedelta(days=r.randint(0, 20))
    end = start + datetime.timedelta(days=365 * r.choice([1, 2]) - 1)
    P.t(16, y + 6, "%s %s %s %s" % (P.L("from").capitalize(), dt(P, start), P.L("to"), dt(P, end)), 10.5)
    x = check(P, 16, y + 13, True, "Fixed term" if not P.fr else "Durée déterminée")
    check(P, x, y + 13, False, "Periodic" if not P.fr else "Durée indéterminée")
    y += 22
    rent = r.randint(800, 4000)
    cell(P, 16, y, 85, P.L("Monthly rent"), "{:,} {}".format(rent * 10 if spec["country"] in ("tr", "ua") else rent,
                                                              h.CURRENCY[spec["country"]]), None)
    y = cell(P, 105, y, P.W - 121, P.L("Bond"), "{:,} {}".format(rent * 2, h.CURRENCY[spec["country"]]), None)
    y += 4
    P.para(16, y, P.W - 16, "The tenant shall pay the rent in advance on the first day of each month. The landlord "
           "shall keep the premises in good repair. Either party may end the agreement as the law provides."
           if not P.fr else "Le locataire paie le loyer le premier jour de chaque mois. Le locateur maintient le "
           "logement en bon état. Les parties peuvent mettre fin au bail selon la loi.", 9.5)
    y += 22
    P.runs(16, y, [(P.L("Signed on") + ": ", None), (issue_date(P), "issue_date")], 10.5)
    P.t(16, y + 20, "________________________", 10)
    P.t(16, y + 25, P.L("Landlord"), 8)
    P.t(120, y + 20, "________________________", 10)
    P.t(120, y + 25, P.L("Tenant"), 8)


def draw_police(P):
    """A certificate of good conduct: the office's head, a QR square and a
    long reference, 'born ... in ...', the father's given name, a validity."""
    pg, r, spec = P.pg, P.r, P.spec
    y = _head(P)
    title = P.L("CERTIFICATE OF GOOD CONDUCT")
    if spec["country"] == "pl":
        title = "INFORMACJA Z KRAJOWEGO REJESTRU KARNEGO"
    P.t((P.W - P.w(title, 14, True)) / 2, y, title, 14, bold=True)
    if spec["country"] == "pl":
        P.t((P.W - P.w("Criminal Record Certificate", 10)) / 2, y + 7, "Criminal Record Certificate", 10)
    y += 16
    issue = pg["issue"]
    ref = "%s/%s/%d" % ({"pl": "KRK", "ro": "IGPR", "tr": "ADLI", "ua": "MVS", "vn": "LLTP", "au": "NPC",
                         "ma": "DGSN", "qc": "SQ"}[spec["country"]], issue.strftime("%Y%m%d"), r.randint(10**5, 10**7))
    s12.qr_square(P, P.W - 46, y, 28)
    P.t(16, y, "%s: %s" % (P.L("Reference"), ref), 9.5)
    P.runs(16, y + 6, [(P.L("Date of issue") + ": ", None), (issue_date(P), "issue_date")], 10)
    y += 20
    p = pg["person"]
    P.t(16, y, P.L("Surname") + " / " + P.L("Given names") + ":", 9)
    P.t(16, y + 4.5, name(P, p), 12, "name", bold=True)
    y += 13
    P.born(16, y, 10.5, "")
    y += 7
    father = r.choice([n for n in h.NAMES[spec["country"]][0] if not n.startswith("*")])
    P.runs(16, y, [(P.L("Father's given name") + ": ", None), (father, "father")], 10.5)
    y += 12
    text = ("Il est certifié que la personne désignée ci-dessus ne fait l'objet d'aucune condamnation inscrite au "
            "casier judiciaire à la date de délivrance du présent extrait." if P.fr else
            "This is to certify that, according to the records of the national criminal register, the person named "
            "above has no criminal convictions recorded as at the date of issue of this certificate.")
    y = P.para(16, y, P.W - 16, text, 10.5) + 4
    months = r.choice([3, 6])
    until = issue + datetime.timedelta(days=30 * months)
    P.t(16, y, ("Valable %d mois, du %s au %s." if P.fr else "Valid for %d months, from %s to %s.") %
        (months, dt(P, issue), dt(P, until)), 10)
    P.seal(P.W - 62, y + 12, 34)
    P.t(16, y + 40, "Verify: https://verify.%s/%s" % ("gov.example", ref.replace("/", "-")), 8)


def _border(P):
    """An ornate border: two frames and a chain of small diamonds between,
    rosettes at the corners."""
    d, p = P.c.d, P.px
    w = max(2, P.c.dpi // 75)
    d.rectangle([p(8), p(8), p(P.W - 8), p(P.H - 8)], outline=70, width=w)
    d.rectangle([p(14), p(14), p(P.W - 14), p(P.H - 14)], outline=70, width=max(1, w // 2))
    for x0, y0, x1, y1 in ((11, 11, P.W - 11, 11), (11, P.H - 11, P.W - 11, P.H - 11), (11, 11, 11, P.H - 11),
                           (P.W - 11, 11, P.W - 11, P.H - 11)):
        n = int(max(x1 - x0, y1 - y0) / 5)
        for k in range(n + 1):
            cx, cy = x0 + (x1 - x0) * k / n, y0 + (y1 - y0) * k / n
            d.polygon([(p(cx), p(cy - 1.3)), (p(cx + 1.3), p(cy)), (p(cx), p(cy + 1.3)), (p(cx - 1.3), p(cy))], fill=110)
    for cx, cy in ((11, 11), (P.W - 11, 11), (11, P.H - 11), (P.W - 11, P.H - 11)):
        d.ellipse([p(cx - 5), p(cy - 5), p(cx + 5), p(cy + 5)], fill=235, outline=70, width=w)
        d.ellipse([p(cx - 2), p(cy - 2), p(cx + 2), p(cy + 2)], fill=90)


def draw_diploma(P):
    pg, r, spec = P.pg, P.r, P.spec
    p = pg["person"]
    if spec["variant"] == "ornate":
        _border(P)
        P.t((P.W - P.w(pg["issuer"], 13, True)) / 2, 30, pg["issuer"], 13, "issuer", bold=True)
        word = "Diplôme" if P.fr else "Diploma"
        f = P.c.font(40, h.SCRIPT)
        P.c.text(P.px(P.W / 2) - f.getlength(word) / 2, P.px(48), word, 40, None, h.SCRIPT)
        s = "Le présent diplôme est décerné à" if P.fr else "This is to certify that"
        P.t((P.W - P.w(s, 11)) / 2, 80, s, 11)
        nm = name(P, p)
        P.c.text(P.px(P.W / 2) - P.c.font(22, h.SCRIPT).getlength(nm) / 2, P.px(90), nm, 22, ("name", nm), h.SCRIPT)
        lead = P.w("%s %s %s %s" % ("né(e) le" if P.fr else "born", date(pg["birth_date"], spec["birth"], spec["lang"]),
                                    "à" if P.fr else "in", spec["birth_place"]), 11)
        P.born((P.W - lead) / 2, 108, 11, "")
        deg = r.choice(["Master of Science in Civil Engineering", "Bachelor of Arts in Economics",
                        "Licence en sciences économiques", "Master en génie logiciel"][2 if P.fr else 0:4 if P.fr else 2])
        s = ("a satisfait aux exigences du grade de" if P.fr else "has fulfilled the requirements for the degree of")
        P.t((P.W - P.w(s, 11)) / 2, 122, s, 11)
        P.t((P.W - P.w(deg, 15, True)) / 2, 132, deg, 15, bold=True)
        lead = ("Délivré le " if P.fr else "Conferred on ")
        iss = issue_date(P)
        P.runs((P.W - P.w(lead + iss, 11)) / 2, 150, [(lead, None), (iss, "issue_date")], 11)
        P.seal(P.W / 2 - 17, 175, 34)
        P.t(30, 230, "________________", 10)
        P.t(30, 235, "Rector" if not P.fr else "Recteur", 9)
        P.t(P.W - 70, 230, "________________", 10)
        P.t(P.W - 70, 235, "Dean" if not P.fr else "Doyen", 9)
        return
    # a transcript: the student block, a grade table, the mean
    P.logo(16, 14, 14)
    P.t(34, 16, pg["issuer"], 12, "issuer", bold=True)
    P.right(P.W - 16, 32, P.L("ACADEMIC TRANSCRIPT"), 13, bold=True)
    P.t(16, 42, P.L("Student"), 8)
    P.t(16, 46, name(P, p), 11.5, "name")
    P.born(16, 53, 10, "")
    P.t(16, 59, "%s: %d" % (P.L("Student no."), r.randint(10**5, 10**7)), 10)
    y = 70
    xs = [16, 30, 140, 165]
    P.box(16, y, P.W - 32, 7, shade=215)
    for x, s in zip(xs, ("#", P.L("Course"), P.L("Credits"), P.L("Grade"))):
        P.t(x + 1, y + 1.3, s, 9, bold=True)
    y += 9
    courses = ["Mathematical Analysis I", "Linear Algebra", "Thermodynamics", "Academic English", "Statistics",
               "Microeconomics", "Programming Fundamentals", "Materials Science", "Project Management",
               "Engineering Drawing", "Law and Ethics", "Diploma Seminar", "Diploma Thesis"]
    grades = {"pl": ["5.0", "4.5", "4.0", "3.5"], "ro": ["10", "9", "8", "7"], "tr": ["AA", "BA", "BB", "CB"],
              "ua": ["A", "B", "C", "A"], "vn": ["9.2", "8.5", "7.8", "8.0"], "au": ["HD", "D", "C", "P"],
              "ma": ["16/20", "14/20", "12/20", "15/20"], "qc": ["A+", "A", "B+", "B"]}[spec["country"]]
    for k, what in enumerate(r.sample(courses, r.randint(9, 13))):
        P.t(17, y, "%d" % (k + 1), 9.5)
        P.t(31, y, what, 9.5)
        P.t(141, y, "%d" % r.choice([3, 4, 5, 6, 8]), 9.5)
        P.t(166, y, r.choice(grades), 9.5)
        P.rule(16, y + 5.5, P.W - 16, 1, 210)
        y += 7
    y += 6
    P.runs(16, y, [(P.L("Issued on") + " ", None), (issue_date(P), "issue_date")], 10)
    P.seal(P.W - 60, y, 30)


DRAW = {"birth_certificate": draw_birth, "marriage_certificate": draw_marriage, "bank_statement": draw_bank,
        "payslip": draw_payslip, "employment_letter": draw_letter, "utility_bill": draw_bill,
        "tenancy_agreement": draw_tenancy, "police_certificate": draw_police, "diploma": draw_diploma}


# -- marks ----------------------------------------------------------------------------
def _rgb(P):
    if P.c.img.mode != "RGB":
        P.c.img = P.c.img.convert("RGB")
        P.c.d = ImageDraw.Draw(P.c.img)


def coffee(P):
    """A coffee ring where no field is: a brown ring, darker at its rim."""
    c, r = P.c, P.r
    s = P.px(r.uniform(55, 75))
    for _ in range(12):
        x, y = r.randint(0, c.w - s), r.randint(0, c.h - s)
        if b11._free(c, (x, y, x + s, y + s)):
            break
    else:
        return False
    _rgb(P)
    yy, xx = np.mgrid[0:s, 0:s].astype(np.float32)
    d = np.hypot(xx - s / 2, yy - s / 2) / (s / 2)
    ring = np.exp(-((d - 0.92) / 0.04) ** 2) * 0.55 + np.where(d < 0.92, 0.12, 0.0)
    ring *= np.clip(1 + 0.4 * np.sin(np.arctan2(yy - s / 2, xx - s / 2) * 3 + r.uniform(0, 6)), 0, None)
    tint = np.array([0.86, 0.68, 0.48], np.float32)  # what each channel keeps at full strength
    a = np.asarray(c.img.crop((x, y, x + s, y + s)), dtype=np.float32)
    a *= 1 - ring[..., None] * (1 - tint)
    c.img.paste(Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB"), (x, y))
    c.d = ImageDraw.Draw(c.img)
    return True


def highlight(P):
    """A yellow highlighter stroke over the issue date (the ink shows
    through: it multiplies)."""
    c, r = P.c, P.r
    box = next((f["bbox"] for f in c.fields if f["name"] == "issue_date"), None)
    if not box:
        return False
    _rgb(P)
    x, y, w, hgt = box
    pad = P.px(1.2)
    x0, y0, x1, y1 = max(0, x - pad), max(0, y - pad), min(c.w, x + w + pad), min(c.h, y + hgt + pad)
    a = np.asarray(c.img.crop((x0, y0, x1, y1)), dtype=np.float32)
    colour = np.array(r.choice([(1.0, 0.97, 0.35), (1.0, 0.75, 0.85), (0.7, 1.0, 0.55)]), np.float32)
    a *= colour
    c.img.paste(Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB"), (x0, y0))
    c.d = ImageDraw.Draw(c.img)
    return True


# -- captures -------------------------------------------------------------------------
def table_photo(P):
    """A phone photo of the page on a grey stone table under a lamp: the
    page in perspective, the light falling off from one corner."""
    c, r = P.c, P.r
    w, hgt = c.w, c.h
    m = lambda f: r.uniform(0.02, f)
    dst = [(w * m(0.08), hgt * m(0.06)), (w * (1 - m(0.12)), hgt * m(0.04)),
           (w * (1 - m(0.06)), hgt * (1 - m(0.06))), (w * m(0.10), hgt * (1 - m(0.03)))]
    src = [(0, 0), (w, 0), (w, hgt), (0, hgt)]
    nr = np.random.default_rng(r.randint(0, 2 ** 31))
    stone = 105 + nr.normal(0, 14, (hgt // 6 + 1, w // 6 + 1))
    stone += 25 * (nr.random((hgt // 6 + 1, w // 6 + 1)) > 0.97)  # pale flecks
    table = Image.fromarray(np.clip(stone, 40, 220).astype(np.uint8)).resize((w, hgt)).convert("RGB")
    page = c.img.convert("RGB").transform((w, hgt), Image.PERSPECTIVE, tuple(b11._homography(src, dst)),
                                          Image.BICUBIC)
    mask = Image.new("L", (w, hgt), 0)
    ImageDraw.Draw(mask).polygon(dst, fill=255)
    table.paste(page, (0, 0), mask)
    a = np.asarray(table, dtype=np.float32)
    yy, xx = np.mgrid[0:hgt, 0:w].astype(np.float32)
    lx, ly = r.choice([(-0.2, -0.2), (1.2, -0.2), (-0.2, 1.2), (1.2, 1.2)])
    dist = np.hypot(xx / w - lx, yy / hgt - ly)
    a *= (1.15 - 0.45 * (dist - dist.min()) / (dist.max() - dist.min()))[..., None]
    a *= np.array([0.98, 0.99, 1.05], dtype=np.float32)  # a cool white lamp
    c.img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB")
    back = b11._homography(dst, src)
    b11._move_boxes(c, lambda x, y: b11._apply(back, x, y))


def trifold(P):
    """Folded in three for an envelope: two creases across, a line of
    shadow with a lit edge, the panels a shade apart."""
    c, r = P.c, P.r
    a = np.asarray(c.img, dtype=np.float32).copy()
    hgt = a.shape[0]
    for k, y in enumerate((hgt // 3 + r.randint(-30, 30), 2 * hgt // 3 + r.randint(-30, 30))):
        t = max(2, c.dpi // 60)
        a[y - t:y] *= 0.78
        a[y:y + t] = np.minimum(255, a[y:y + t] * 1.06 + 8)
        a[y:] *= r.uniform(0.975, 0.995)  # the panel below the crease a shade darker
    c.img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), c.img.mode)
    c.d = ImageDraw.Draw(c.img)


def showthrough(P):
    """Printed on both sides: the back's lines show faint and mirrored."""
    c, r = P.c, P.r
    back = Image.new("L", (c.w, c.h), 255)
    d = ImageDraw.Draw(back)
    f = c.font(10, P.reg)
    y = P.px(20)
    words = ["terms", "conditions", "the", "holder", "shall", "notify", "any", "change", "within", "days",
             "of", "address", "data", "protection", "processing", "personal", "rights", "complaints"]
    while y < c.h - P.px(20):
        d.text((P.px(18), y), " ".join(r.choice(words) for _ in range(14)), font=f, fill=0)
        y += P.px(6)
    back = back.transpose(Image.FLIP_LEFT_RIGHT).filter(ImageFilter.GaussianBlur(c.dpi / 100))
    k = r.uniform(0.07, 0.13)
    a = np.asarray(c.img, dtype=np.float32)
    shade = 1 - k * (1 - np.asarray(back, dtype=np.float32) / 255)
    a = a * (shade[..., None] if a.ndim == 3 else shade)
    c.img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), c.img.mode)
    c.d = ImageDraw.Draw(c.img)


def bands(P):
    """A laser print low on toner: the ink faded in horizontal bands (the
    drum's turn), the rest full."""
    c, r = P.c, P.r
    a = np.asarray(c.img, dtype=np.float32)
    hgt = a.shape[0]
    period = P.px(r.uniform(60, 95))
    phase = r.uniform(0, 6.28)
    yy = np.arange(hgt, dtype=np.float32)
    keep = 0.62 + 0.38 * np.clip(np.sin(yy / period * 6.283 + phase) * 2 + 1, 0, 1)
    keep = keep[:, None, None] if a.ndim == 3 else keep[:, None]
    paper = 250.0
    a = paper - (paper - a) * keep
    c.img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), c.img.mode)
    c.d = ImageDraw.Draw(c.img)


PAPERS = {"pink": (252, 214, 226), "green": (214, 240, 208), "yellow": (250, 244, 196), "blue": (212, 228, 250)}


def paper(P):
    """Printed on coloured paper: the ink multiplies the paper's colour."""
    c = P.c
    g = np.asarray(c.img.convert("L"), dtype=np.float32) / 255.0
    tint = np.array(PAPERS[P.spec["paper"]], np.float32)
    c.img = Image.fromarray(np.clip(g[..., None] * tint, 0, 255).astype(np.uint8), "RGB")
    c.d = ImageDraw.Draw(c.img)


CAPTURE = {"table": table_photo, "trifold": trifold, "showthrough": showthrough, "bands": bands, "paper": paper}


def draw14(sd, kind, c, r, truth, spec):
    """Draws a heldout14 page on c (image, fields, runs, truth extras);
    returns the page's language (None: English)."""
    pg = truth["page"]
    P = h.P14(sd, c, r, kind, spec, pg)
    c.img = Image.new("L", (c.w, c.h), r.randint(246, 255))
    c.d = ImageDraw.Draw(c.img)
    c.extra = {}
    if kind == "tenancy_agreement":
        pg["co_tenant"] = h.stranger(r, spec, pg["person"])
    DRAW[kind](P)
    marks = []
    if spec["capture"] == "paper":  # the paper first, the marks on it
        paper(P)
    if spec["highlight"] and highlight(P):
        marks.append("highlight")
    if spec["coffee"] and coffee(P):
        marks.append("coffee")
    if spec["capture"] in CAPTURE and spec["capture"] != "paper":
        CAPTURE[spec["capture"]](P)
    c.extra.update({"capture": spec["capture"], "marks": marks, "country": spec["country"],
                    "variant": spec["variant"], "name_form": spec["name"],
                    "maiden": spec.get("maiden", ""), "paper": spec["paper"] if spec["capture"] == "paper" else ""})
    return spec["lang"]


def scanner(spec):
    """heldout13's scan (a small turn, none on a photo; a little blur and
    noise; JPEG; greyscale pages stay greyscale), the table photo as its
    photo."""
    look = {"capture": "thumb" if spec["capture"] == "table" else "flatbed"}
    return lambda img, r: cap.scan(img, r, look)
