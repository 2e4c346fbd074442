"""The heldout15 pages' drawing (one function a type, two variants each);
the countries, names, dates and the page helper are in supportdocs15.py,
the marks and captures in supportdocs15c.py (see supportdocs15.py's
docstring for what the family draws)."""
import datetime

import supportdocs15 as h
from supportdocs15 import bd, date, dt, initials, issue_date, name

LH = 0.3528 * 1.5  # a line's height in mm per point


def _title(P, y, en, pt=15, hangul=None, de=None):
    """A centred title; the Korean pages' Hangul title above it; the German
    one alone on the Swiss pages."""
    if hangul and P.spec["country"] == "kr":
        f = P.c.font(pt + 2, h.HANGUL)
        P.c.text(P.px(P.W / 2) - f.getlength(hangul) / 2, P.px(y), hangul, pt + 2, None, h.HANGUL)
        y += (pt + 2) * LH + 1
    s = de if (de and P.de) else en
    P.t((P.W - P.w(s, pt, True)) / 2, y, s, pt, bold=True)
    return y + pt * LH + 3


def _head(P, y=14):
    P.logo(16, y - 3, 13)
    P.t(33, y, P.pg["issuer"], 12 if len(P.pg["issuer"]) < 44 else 9.5, "issuer", bold=True)
    P.rule(16, y + 11, P.W - 16, 1, 100)
    return y + 17


def _wrap(P, s, width, pt):
    """s cut into lines no wider than width mm."""
    out, line = [], ""
    for word in s.split():
        t = (line + " " + word).strip()
        if P.w(t, pt) > width and line:
            out.append(line)
            line = word
        else:
            line = t
    return out + ([line] if line else [])


def _mother(P, m):
    s = name(P, m, "native")  # the country's order (Hungarian, Korean, Hong Kong: the surname first)
    if P.spec.get("mother_maiden"):
        s += " %s %s" % (h.NEE.get(P.spec["country"], "née"), P.spec["mother_maiden"])
    return s


# -- birth ------------------------------------------------------------------------------
REGISTER = [("No.", 12), ("When and where born", 40), ("Name and surname", 42), ("Sex", 12),
            ("Name and surname of father", 40), ("Name, surname and maiden surname of mother", 46),
            ("When registered", 30), ("Signature of registrar", 36)]
REGISTER_DE = ["Nr.", "Geburtsdatum und -ort", "Vorname und Name", "Geschl.", "Vater", "Mutter (geb.)",
               "Eintragung", "Zivilstandsbeamter"]


def draw_register(P):
    """A birth register entry on a landscape page: the column heads across,
    one row of values under them, the certificate's wording below."""
    pg, r, spec = P.pg, P.r, P.spec
    p, (f, m) = pg["person"], (pg["father"], pg["mother"])
    P.t(16, 12, pg["issuer"], 12, "issuer", bold=True)
    P.right(P.W - 16, 12, "Entry No. %d" % r.randint(100, 9999), 10)
    y = _title(P, 20, "CERTIFIED COPY OF AN ENTRY OF BIRTH", 14, "출생신고 증명", "AUSZUG AUS DEM GEBURTSREGISTER")
    P.t(16, y, "Registration district: %s" % spec["birth_place"], 10)
    y += 8
    x = 16
    heads = REGISTER_DE if P.de else [s for s, _ in REGISTER]
    P.box(16, y, sum(w for _, w in REGISTER), 16, shade=225, outline=60)
    xs = []
    for k, (_, w) in enumerate(REGISTER):
        xs.append(x)
        for j, line in enumerate(_wrap(P, heads[k], w - 3, 8)):
            P.t(x + 1.5, y + 1.2 + j * 3.6, line, 8, bold=True)
        P.c.d.line([P.px(x), P.px(y), P.px(x), P.px(y + 50)], fill=60, width=max(1, P.c.dpi // 150))
        x += w
    P.c.d.line([P.px(x), P.px(y), P.px(x), P.px(y + 50)], fill=60, width=max(1, P.c.dpi // 150))
    P.rule(16, y + 50, x, 1, 60)
    y += 19
    sex = ("Female" if spec["female"] else "Male") if not P.de else ("weiblich" if spec["female"] else "männlich")
    registered = pg["birth_date"] + datetime.timedelta(days=r.randint(3, 40))
    P.t(xs[0] + 1.5, y, "%d" % r.randint(1, 400), 10)
    P.t(xs[1] + 1.5, y, bd(P, pg["birth_date"]), 10, "birth_date")
    for j, line in enumerate(_wrap(P, "%s Hospital, %s" % (spec["birth_place"], spec["birth_place"]), 37, 9)):
        P.t(xs[1] + 1.5, y + 5 + j * 4, line, 9)
    nm = name(P, p)
    lines = _wrap(P, nm, 39, 10)
    P.t(xs[2] + 1.5, y, lines[0], 10, "name" if len(lines) == 1 else None)
    if len(lines) > 1:  # a long name on two lines: its parts the surname and given names
        P.c.fields.append({"name": "name", "value": nm, "bbox": _union(P, lines, xs[2] + 1.5, y, 10)})
        P.t(xs[2] + 1.5, y + 4.5, " ".join(lines[1:]), 10)
    P.t(xs[3] + 1.5, y, sex, 9)
    for j, line in enumerate(_wrap(P, name(P, f, "native"), 37, 9.5)):
        P.t(xs[4] + 1.5, y + j * 4.5, line, 9.5, "father" if j == 0 else None)
    for j, line in enumerate(_wrap(P, _mother(P, m), 43, 9.5)):
        P.t(xs[5] + 1.5, y + j * 4.5, line, 9.5, "mother" if j == 0 else None)
    P.t(xs[6] + 1.5, y, dt(P, registered), 9.5)
    P.t(xs[7] + 1.5, y + 12, "________", 9.5)
    y += 40
    words = ("Für die Richtigkeit des Auszugs aus dem Register bescheinigt am " if P.de else
             "Certified to be a true copy of an entry in a register in my custody. Given on ")
    P.runs(16, y, [(words, None), (issue_date(P), "issue_date")], 10.5)
    P.t(16, y + 8, "Superintendent Registrar" if not P.de else "Die Zivilstandsbeamtin", 10)
    P.seal(P.W - 60, y - 4, 30)


def _union(P, lines, x, y, pt):
    """The pixel box of lines drawn at (x, y) mm, one under another."""
    x0, y0 = P.px(x), P.px(y)
    w = max(P.c.font(pt, P.reg).getlength(s) for s in lines)
    return [x0, y0, int(w), int(P.px(len(lines) * pt * LH))]


def draw_numbered(P):
    """A form with numbered captions and the values on dotted lines."""
    pg, r, spec = P.pg, P.r, P.spec
    p, (f, m) = pg["person"], (pg["father"], pg["mother"])
    y = _title(P, _head(P), "BIRTH CERTIFICATE", 16, "기본증명서 (출생)", "GEBURTSSCHEIN")
    y += 4
    rows = [("Surname", p["surname"], "surname"), ("Given names", p["given_names"], "given_names"),
            ("Sex", ("F" if spec["female"] else "M"), None), ("Date of birth", bd(P, pg["birth_date"]), "birth_date"),
            ("Place of birth", spec["birth_place"], None),
            ("Father", name(P, f, "native"), "father"), ("Mother", _mother(P, m), "mother"),
            ("Registration no.", "%s %d/%d" % (r.choice(["Vol.", "Sv.", "Kt."]), r.randint(1, 90),
                                               r.randint(100, 9999)), None)]
    if spec["country"] == "za":
        rows.insert(4, ("Identity number", h.za_id(pg["birth_date"], spec["female"], r), "id_number"))
    for k, (en, v, fld) in enumerate(rows):
        cap = "%d. %s" % (k + 1, h.DE.get(en, en) if P.de else en)
        P.t(18, y, cap, 9.5)
        P.dotted(72, y + 5, P.W - 18)
        P.t(74, y - 0.5, v, 11, fld)
        y += 10
    y += 6
    P.runs(18, y, [(("Ausgestellt am " if P.de else "Issued on ") , None), (issue_date(P), "issue_date")], 10.5)
    P.t(18, y + 7, "%s, %s" % (("Registrar" if not P.de else "Zivilstandsbeamter"), pg["issuer"].split(" - ")[0][:40]),
        9)
    P.seal(P.W - 58, y - 2, 30)
    P.t(18, P.H - 22, "This extract is issued free of stamp duty for the purpose stated." if not P.de else
        "Dieser Auszug ist gebührenfrei.", 7.5)


def draw_birth(P):
    (draw_register if P.spec["variant"] == "register" else draw_numbered)(P)


# -- marriage ---------------------------------------------------------------------------
def draw_relation(P):
    """A family-relation certificate: Self and Spouse rows, then the
    marriage's own rows."""
    pg, r, spec = P.pg, P.r, P.spec
    p, q = pg["person"], pg["spouse"]
    y = _title(P, _head(P), "CERTIFICATE OF MARRIAGE RELATION", 14, "혼인관계증명서", "EHESCHEIN")
    y += 4
    P.runs(18, y, [("Place of registration: ", None), ("%s" % spec["birth_place"], None)], 9.5)
    y += 8
    cols = [(h.DE["Relation"] if P.de else "Relation", 18), (P.L("Name"), 42), (P.L("Date of birth"), 100),
            (P.L("Sex"), 135), ("ID no." if not P.de else "AHV-Nr.", 150)]
    P.box(16, y, P.W - 32, 7, shade=215, outline=70)
    for s, x in cols:
        P.t(x, y + 1.3, s, 9, bold=True)
    y += 9
    rows = [(P.L("Self"), p, "name", spec["female"]), (P.L("Spouse"), q, "spouse", not spec["female"])]
    if not pg["applicant_first"]:
        rows.reverse()
    for rel, who, fld, fem in rows:
        P.t(18, y, rel, 10)
        nm = name(P, who, "native" if who is q else None)
        P.t(42, y, nm, 10, fld)
        P.t(100, y, bd(P, who["birth_date"]), 10)
        P.t(135, y, "F" if fem else "M", 10)
        P.t(150, y, "%06d-%d******" % (r.randint(0, 999999), 2 if fem else 1), 10)
        P.rule(16, y + 6, P.W - 16, 1, 180)
        y += 9
    y += 6
    P.t(18, y, P.L("Marriage"), 11, bold=True)
    y += 7
    P.box(16, y, P.W - 32, 7, shade=225, outline=70)
    for s, x in (("Date of report" if not P.de else "Meldung", 18), (P.L("Date of marriage"), 62),
                 ("Spouse" if not P.de else "Ehegatte", 120)):
        P.t(x, y + 1.3, s, 9, bold=True)
    y += 9
    P.t(18, y, dt(P, pg["married"] + datetime.timedelta(days=r.randint(0, 20))), 10)
    P.t(62, y, dt(P, pg["married"]), 10)
    P.t(120, y, name(P, q, "native"), 10)
    y += 16
    P.para(18, y, P.W - 18, "This certificate shows the particulars recorded in the family relation register."
           if not P.de else "Diese Bescheinigung gibt die im Personenstandsregister eingetragenen Daten wieder.", 9.5)
    y += 12
    P.runs(18, y, [(P.L("Date of issue") + ": ", None), (issue_date(P), "issue_date")], 10.5)
    P.square_seal(P.W - 50, y - 6, 24)


def draw_parts(P):
    """A marriage certificate in two blocks, Part A and Part B."""
    pg, r, spec = P.pg, P.r, P.spec
    p, q = pg["person"], pg["spouse"]
    y = _title(P, _head(P), "MARRIAGE CERTIFICATE", 16, None, "EHESCHEIN")
    P.runs(18, y, [(P.L("Date of marriage") + ": ", None), (dt(P, pg["married"]), None)], 10.5)
    P.t(120, y, "Reg. no. %d/%d" % (r.randint(1, 999), pg["married"].year), 10.5)
    y += 10
    blocks = [(p, "applicant"), (q, "spouse")] if pg["applicant_first"] else [(q, "spouse"), (p, "applicant")]
    for k, (who, role) in enumerate(blocks):
        P.box(16, y, P.W - 32, 8, shade=220, outline=60)
        P.t(19, y + 1.5, "Part %s - %s" % ("AB"[k], "Party %d" % (k + 1)) if not P.de else
            "Teil %s - Person %d" % ("AB"[k], k + 1), 10.5, bold=True)
        y += 11
        own = role == "applicant"
        rows = [("Surname", who["surname"], "surname" if own else "spouse"),
                ("Given names", who["given_names"], "given_names" if own else None),
                ("Date of birth", bd(P, who["birth_date"]), None),
                ("Place of birth", spec["birth_place"] if own else r.choice(h.NAMES[spec["country"]][3]), None)]
        if own and spec.get("maiden"):
            rows.insert(1, ("Surname at birth" if not P.de else "Ledigname", spec["maiden"], None))
        for en, v, fld in rows:
            P.t(20, y, h.DE.get(en, en) if P.de else en, 9)
            P.t(70, y - 0.5, v, 11, fld)
            P.rule(68, y + 5.5, P.W - 18, 1, 170)
            y += 8
        y += 5
    P.runs(18, y + 2, [(P.L("Date of issue") + ": ", None), (issue_date(P), "issue_date")], 10.5)
    P.seal(P.W - 56, y - 4, 30)


def draw_marriage(P):
    (draw_relation if P.spec["variant"] == "relation" else draw_parts)(P)


# -- bank -------------------------------------------------------------------------------
def _tx(P, n, start, end):
    r = P.r
    payees = ["POS PURCHASE SUPERMARKET", "SALARY CREDIT", "ATM CASH WITHDRAWAL", "STANDING ORDER RENT",
              "MOBILE MONEY TRANSFER", "CARD PURCHASE PHARMACY", "INSURANCE DEBIT", "INTEREST CREDIT"]
    days = sorted(start + datetime.timedelta(days=r.randint(0, max(0, (end - start).days))) for _ in range(n))
    return [(d, r.choice(payees), r.choice([-1, -1, -1, 1]) * r.randint(300, 250000) / 100) for d in days]


def draw_passbook(P):
    """A bank passbook opened on the scanner: the holder on the inside
    cover at the left, the printed entries on the right leaf, the gutter's
    shadow between, the scanner lid round the booklet."""
    pg, r, spec = P.pg, P.r, P.spec
    c = P.c
    c.d.rectangle([0, 0, c.w, c.h], fill=r.randint(200, 225))  # the lid
    x0, y0, lw, lh = 14, 18, 90, 128
    c.d.rectangle([P.px(x0 - 2), P.px(y0 - 2), P.px(x0 + 2 * lw + 2), P.px(y0 + lh + 2)], fill=70)  # the cover
    c.d.rectangle([P.px(x0), P.px(y0), P.px(x0 + 2 * lw), P.px(y0 + lh)], fill=r.randint(240, 252))
    for k in range(12):  # the gutter's shadow
        g = 150 + k * 8
        c.d.line([P.px(x0 + lw - 3 + k * 0.5), P.px(y0), P.px(x0 + lw - 3 + k * 0.5), P.px(y0 + lh)], fill=min(g, 245),
                 width=max(1, c.dpi // 100))
    x = x0 + 6
    P.t(x, y0 + 6, pg["issuer"], 10.5, "issuer", bold=True)
    P.t(x, y0 + 13, "SAVINGS ACCOUNT PASSBOOK" if not P.de else "SPARHEFT", 9, bold=True)
    y = y0 + 24
    P.t(x, y, P.L("Account holder"), 7.5)
    P.t(x, y + 3.5, name(P, pg["person"]), 10, "name")
    y = P.addr_lines(x, y + 9.5, 9)
    if pg["birth_date_shown"]:
        P.runs(x, y + 1, [(P.L("Date of birth") + ": ", None), (bd(P, pg["birth_date"]), "birth_date")], 8.5)
        y += 6
    P.t(x, y + 3, "A/C No. %d-%06d-%d" % (r.randint(100, 999), r.randint(0, 999999), r.randint(1, 9)), 8.5)
    P.t(x, y + 8, "Branch: %s" % h.TOWNS[spec["country"]][r.randint(0, 3)].split(",")[0], 8.5)
    P.t(x, y0 + lh - 14, "Cardholder: %s" % initials(pg["person"]), 7.5)
    P.t(x, y0 + lh - 9, "Keep this book in a safe place.", 7)
    # the right leaf: entries in a monospaced print
    xr = x0 + lw + 5
    P.reg_save = P.reg
    P.reg = h.MONO
    heads = ["DATE", "PARTICULARS", "DR", "CR", "BALANCE"]
    xs = [xr, xr + 19, xr + 47, xr + 60, xr + 72]
    for s, xx in zip(heads, xs):
        P.t(xx, y0 + 5, s, 6.5)
    P.rule(xr, y0 + 9, x0 + 2 * lw - 4, 1, 120)
    issue = pg["issue"]
    bal = r.randint(20000, 900000) / 100
    yy = y0 + 11
    for d, what, amt in _tx(P, r.randint(12, 17), issue - datetime.timedelta(days=40), issue):
        bal += amt
        P.t(xs[0], yy, date(d, "slash" if spec["date"] not in ("kr", "krsp", "hu", "ymdslash") else "kr"), 6)
        P.t(xs[1], yy, what[:14], 6)
        P.t(xs[2] if amt < 0 else xs[3], yy, "%.2f" % abs(amt), 6)
        P.t(xs[4], yy, "%.2f" % bal, 6)
        yy += 5.2
    P.reg = P.reg_save
    P.runs(xr, yy + 4, [("*** " + ("Printed " if not P.de else "Gedruckt "), None), (issue_date(P), "issue_date"),
                        (" ***", None)], 7.5)
    P.t(xr, yy + 9, "%s %.2f %s" % (P.L("Balance"), bal, h.CURRENCY[spec["country"]]), 7.5)


def draw_grouped(P):
    """A statement: the holder in a shaded sidebar, the transactions under
    one heading a day."""
    pg, r, spec = P.pg, P.r, P.spec
    issue = pg["issue"]
    start = issue - datetime.timedelta(days=31)
    P.box(0, 0, 62, P.H, shade=228)
    P.logo(10, 12, 12)
    P.t(10, 28, pg["issuer"], 10, "issuer", bold=True)
    y = 44
    P.t(10, y, P.L("Account holder"), 7.5)
    P.t(10, y + 3.5, name(P, pg["person"]), 9.5, "name")
    a, town = h.street(P)
    lines = _wrap(P, a, 46, 8.5)
    P.t(10, y + 10, lines[0], 8.5, "address" if len(lines) == 1 else None)
    if len(lines) > 1:
        P.c.fields.append({"name": "address", "value": a, "bbox": _union(P, lines, 10, y + 10, 8.5)})
        P.t(10, y + 14, " ".join(lines[1:]), 8.5)
        y += 4
    if town:
        P.t(10, y + 14, town, 8.5)
    y += 24
    if pg["birth_date_shown"]:
        P.t(10, y, P.L("Date of birth"), 7.5)
        P.t(10, y + 3.5, bd(P, pg["birth_date"]), 9, "birth_date")
        y += 10
    for cap, v in (("IBAN" if spec["country"] not in ("ke", "hk", "kr", "za") else "Account", "%s%02d %04d %04d %04d" % (
            {"gr": "GR", "cz": "CZ", "hu": "HU", "ie": "IE", "ch": "CH"}.get(spec["country"], ""), r.randint(10, 99),
            r.randint(0, 9999), r.randint(0, 9999), r.randint(0, 9999))),
                   ("Period", "%s - %s" % (dt(P, start), dt(P, issue)))):
        P.t(10, y, cap, 7.5)
        P.t(10, y + 3.5, v, 8.5)
        y += 10
    P.t(72, 14, "Account statement" if not P.de else "Kontoauszug", 16, bold=True)
    P.runs(72, 24, [("Statement date: " if not P.de else "Auszugsdatum: ", None), (issue_date(P), "issue_date")], 10)
    y = 36
    cur = h.CURRENCY[spec["country"]]
    last = None
    for d, what, amt in _tx(P, r.randint(12, 18), start, issue):
        if d != last:
            y += 2
            P.box(70, y, P.W - 84, 6, shade=238)
            P.t(72, y + 0.8, dt(P, d), 9, bold=True)
            y += 8
            last = d
        P.t(74, y, what.title(), 9)
        P.right(P.W - 16, y, "%s %s" % ("{:,.2f}".format(amt), cur), 9)
        y += 5.5
        if y > P.H - 30:
            break
    P.t(72, P.H - 14, "Page 1 of 1  -  %s" % initials(pg["person"]), 7.5)


def draw_bank(P):
    (draw_passbook if P.spec["variant"] == "passbook" else draw_grouped)(P)


# -- payslip ----------------------------------------------------------------------------
def _pay_lines(P, r):
    earn = [("Basic salary", r.randint(150000, 900000) / 100), ("Housing allowance", r.randint(10000, 90000) / 100),
            ("Overtime", r.randint(0, 40000) / 100)]
    gross = sum(v for _, v in earn)
    ded = [("Income tax", gross * r.uniform(0.08, 0.2)), ("Social security", gross * r.uniform(0.04, 0.1)),
           ("Pension fund", gross * r.uniform(0.02, 0.06))]
    return earn, ded, gross, gross - sum(v for _, v in ded)


def draw_mailer(P):
    """A pressure-sealed pay advice: tear strips with sprocket holes down
    both edges, the address where the envelope window is, the advice
    below."""
    pg, r, spec = P.pg, P.r, P.spec
    for x in (10, P.W - 10):
        for k in range(int(P.H / 12.7)):
            cy = 6 + k * 12.7
            P.c.d.ellipse([P.px(x - 2), P.px(cy - 2), P.px(x + 2), P.px(cy + 2)], outline=120,
                          width=max(1, P.c.dpi // 150))
        xp = 15 if x < 50 else P.W - 15
        for yy in range(0, int(P.H), 3):
            P.c.d.line([P.px(xp), P.px(yy), P.px(xp), P.px(yy + 1.5)], fill=150, width=1)
    P.t(20, 14, pg["issuer"], 11, "issuer", bold=True)
    P.t(20, 20, "PRIVATE AND CONFIDENTIAL" if not P.de else "PERSÖNLICH / VERTRAULICH", 8, bold=True)
    P.right(P.W - 20, 14, "PAY ADVICE" if not P.de else "LOHNABRECHNUNG", 13, bold=True)
    P.c.d.rounded_rectangle([P.px(22), P.px(34), P.px(112), P.px(68)], radius=P.px(3), outline=200, width=1)
    P.t(26, 40, name(P, pg["person"]), 10.5, "name")
    P.addr_lines(26, 40 + 10.5 * 0.3528 * 1.45, 10.5)
    P.right(P.W - 20, 40, "TEAR OFF BOTH EDGES - PULL HERE", 7)
    y = 80
    P.rule(20, y - 4, P.W - 20, 1, 120)
    end = pg["issue"] - datetime.timedelta(days=r.randint(0, 3))
    start = end.replace(day=1)
    P.runs(20, y, [(P.L("Pay period") + ": ", None), ("%s - %s" % (dt(P, start), dt(P, end)), None)], 9.5)
    P.runs(20, y + 6, [(P.L("Pay date") + ": ", None), (issue_date(P), "issue_date")], 9.5)
    P.t(120, y, "Employee no. %d" % r.randint(1000, 99999), 9.5)
    P.t(120, y + 6, "%s %s" % ({"za": "Tax ref.", "ie": "PPSN", "hk": "HKID", "ke": "KRA PIN", "kr": "RRN",
                                "ch": "AHV-Nr."}.get(spec["country"], "Tax no."), "*" * 6), 9.5)
    earn, ded, gross, net = _pay_lines(P, r)
    y += 16
    for col, (head, items) in enumerate(((("Earnings"), earn), ("Deductions", ded))):
        x = 20 + col * 88
        P.box(x, y, 82, 6.5, shade=215)
        P.t(x + 1.5, y + 1, head, 9, bold=True)
        for k, (what, v) in enumerate(items):
            P.t(x + 1.5, y + 9 + k * 6, what, 9)
            P.right(x + 80, y + 9 + k * 6, "{:,.2f}".format(v), 9)
    y += 32
    P.box(108, y, P.W - 128, 10, shade=None, outline=40)
    P.t(110, y + 2, "%s  {:,.2f} %s".format(net) % (P.L("Net pay"), h.CURRENCY[spec["country"]]), 11, bold=True)
    P.t(20, y + 2, "%s  {:,.2f}".format(gross) % P.L("Gross pay"), 10)
    P.t(20, P.H - 16, "Paid by credit transfer to account ending %04d." % r.randint(0, 9999), 8)


def _cell(P, x, y, w, hgt, cap, value, fld=None, pt=10):
    """A boxed cell, its caption small inside at the top left."""
    P.box(x, y, w, hgt, shade=None, outline=60)
    P.t(x + 1.2, y + 0.8, cap, 6.5)
    if value:
        P.t(x + 1.5, y + 4.2, value, pt, fld)


def draw_grid(P):
    """A pay statement as a grid of boxed cells."""
    pg, r, spec = P.pg, P.r, P.spec
    P.logo(16, 12, 12)
    P.t(32, 14, pg["issuer"], 12, "issuer", bold=True)
    P.right(P.W - 16, 14, "Salary statement" if not P.de else "Lohnabrechnung", 13, bold=True)
    end = pg["issue"] - datetime.timedelta(days=r.randint(0, 3))
    y, W = 32, P.W - 32
    _cell(P, 16, y, W / 3, 11, "Personnel no.", "%d" % r.randint(1000, 99999))
    _cell(P, 16 + W / 3, y, W / 3, 11, P.L("Pay period"), "%s %d" % (h.MONTHS[end.month - 1] if not P.de else
                                                                     h.DE_MONTHS[end.month - 1], end.year))
    P.box(16 + 2 * W / 3, y, W / 3, 11, shade=None, outline=60)
    P.t(16 + 2 * W / 3 + 1.2, y + 0.8, P.L("Pay date"), 6.5)
    P.t(16 + 2 * W / 3 + 1.5, y + 4.2, issue_date(P), 10, "issue_date")
    y += 11
    _cell(P, 16, y, 2 * W / 3, 11, P.L("Employee"), name(P, pg["person"]), "name")
    _cell(P, 16 + 2 * W / 3, y, W / 3, 11, {"ch": "AHV-Nr.", "ie": "PPSN", "za": "ID no."}.get(spec["country"], "ID no."),
          h.za_id(pg["birth_date"], spec["female"], r) if spec["country"] == "za" else
          "%d.%04d.%04d.%02d" % (756, r.randint(0, 9999), r.randint(0, 9999), r.randint(0, 99)))
    y += 11
    a, town = h.street(P)
    _cell(P, 16, y, 2 * W / 3, 11, P.L("Address"), a, "address")
    _cell(P, 16 + 2 * W / 3, y, W / 3, 11, "", town)
    y += 11
    _cell(P, 16, y, W / 3, 11, P.L("Department"), r.choice(["Logistics", "Production", "Finance", "Service"]))
    _cell(P, 16 + W / 3, y, W / 3, 11, "Tax code", r.choice(["A0", "B1", "STD", "M"]))
    _cell(P, 16 + 2 * W / 3, y, W / 3, 11, "Cost centre", "%d" % r.randint(100, 999))
    y += 18
    earn, ded, gross, net = _pay_lines(P, r)
    heads = ["Code", "Description", "Units", "Rate", "Amount"]
    xs = [16, 32, 110, 135, 160]
    for k, s in enumerate(heads):
        _cell(P, xs[k], y, (xs[k + 1] if k < 4 else P.W - 16) - xs[k], 7, s, "")
    y += 7
    for k, (what, v) in enumerate(earn + [(w, -v) for w, v in ded]):
        P.t(17, y + 1, "%d" % (1000 + k * 10), 9)
        P.t(33, y + 1, what, 9)
        P.t(111, y + 1, "1.00", 9)
        P.right(P.W - 17, y + 1, "{:,.2f}".format(v), 9)
        P.rule(16, y + 6, P.W - 16, 1, 200)
        y += 6.5
    y += 4
    _cell(P, 16, y, W / 2, 12, P.L("Gross pay"), "{:,.2f}".format(gross))
    _cell(P, 16 + W / 2, y, W / 2, 12, P.L("Net pay"), "{:,.2f} {}".format(net, h.CURRENCY[spec["country"]]), None, 12)


def draw_payslip(P):
    (draw_mailer if P.spec["variant"] == "mailer" else draw_grid)(P)
