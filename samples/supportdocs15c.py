"""The heldout15 pages' letters, bills, leases, police certificates and
diplomas (two variants each), the marks, the captures and the scan; see
supportdocs15.py's docstring for what the family draws."""
import datetime
import io

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

import supportdocs11b as b11
import supportdocs12 as s12
import supportdocs13b as cap  # the scan
import supportdocs15 as h
import supportdocs15b as hb
from supportdocs15 import bd, dt, initials, issue_date, name

LH = hb.LH


# -- employment -------------------------------------------------------------------------
def _since(P):
    return P.pg["issue"] - datetime.timedelta(days=P.r.randint(300, 3500))


def draw_memo(P):
    """A memo: TO / FROM / DATE / RE, "To whom it may concern", the name,
    birth date and address inside the prose."""
    pg, r, spec = P.pg, P.r, P.spec
    p = pg["person"]
    P.logo(16, 12, 12)
    P.t(32, 14, pg["issuer"], 12, "issuer", bold=True)
    P.t(16, 34, "MEMORANDUM", 20, bold=True)
    y = 50
    for cap_, v, fld in (("TO:", "To whom it may concern", None), ("FROM:", "Human Resources Department", None),
                         ("DATE:", issue_date(P), "issue_date"), ("RE:", "Confirmation of employment - %s" %
                                                                  initials(p), None)):
        P.t(16, y, cap_, 10.5, bold=True)
        P.t(40, y, v, 10.5, fld)
        y += 7
    P.rule(16, y, P.W - 16, 2, 60)
    y += 8
    P.runs(16, y, [("We confirm that ", None), (name(P, p), "name"), (", date of birth ", None),
                   (bd(P, pg["birth_date"]), "birth_date"), (",", None)], 10.5)
    y += 10.5 * LH
    a, town = h.street(P)
    P.runs(16, y, [("residing at ", None), (a, "address"), ((", " + town) if town else "", None), (",", None)], 10.5)
    y += 10.5 * LH
    pos = r.choice(["warehouse supervisor", "process engineer", "accounts assistant", "laboratory technician"])
    y = P.para(16, y, P.W - 16, "has been employed by %s since %s as a %s on a permanent, full-time basis. The "
               "gross monthly salary is %s %s. The employee is not serving a notice period. This memo is issued at "
               "the employee's request." % (pg["issuer"], dt(P, _since(P)), pos,
                                            "{:,}".format(r.randint(2000, 90000)), h.CURRENCY[spec["country"]]), 10.5)
    P.t(16, y + 10, "For and on behalf of %s" % pg["issuer"], 10)
    P.t(16, y + 26, "______________________", 10)
    P.t(16, y + 31, r.choice(["HR Business Partner", "Head of People", "Personnel Officer"]), 9.5)
    P.t(16, P.H - 16, "Ref. HR/%d/%04d" % (pg["issue"].year, r.randint(1, 9999)), 7.5)


def draw_table(P):
    """A certificate of employment as a boxed table, a square company seal."""
    pg, r = P.pg, P.r
    p = pg["person"]
    y = hb._title(P, 24, "CERTIFICATE OF EMPLOYMENT", 17, "재직증명서", "ARBEITSBESTÄTIGUNG") + 6
    a, town = h.street(P)
    rows = [("Name", name(P, p), "name"), ("Date of birth", bd(P, pg["birth_date"]), "birth_date"),
            ("Address", a, "address"), ("", town, None),
            ("Department", r.choice(["R&D Centre", "Quality Assurance", "Sales", "Plant 2"]), None),
            ("Position", r.choice(["Senior Engineer", "Team Leader", "Assistant Manager", "Technician"]), None),
            ("Employed since", dt(P, _since(P)), None), ("Purpose", "Submission to the immigration office"
                                                          if not P.de else "Vorlage bei der Migrationsbehörde", None)]
    for en, v, fld in rows:
        if en == "" and not v:
            continue
        P.box(20, y, 45, 10, shade=228, outline=60)
        P.box(65, y, P.W - 85, 10, shade=None, outline=60)
        P.t(22, y + 2.3, P.L(en), 10, bold=True)
        P.t(68, y + 2.3, v, 10.5, fld)
        y += 10
    y += 12
    s = ("We hereby certify that the above person is employed by our company as stated." if not P.de else
         "Wir bestätigen, dass die oben genannte Person in unserem Unternehmen angestellt ist.")
    P.t((P.W - P.w(s, 10.5)) / 2, y, s, 10.5)
    y += 16
    iss = issue_date(P)
    P.t((P.W - P.w(iss, 12)) / 2, y, iss, 12, "issue_date")
    y += 16
    P.t((P.W - P.w(pg["issuer"], 13, True)) / 2, y, pg["issuer"], 13, "issuer", bold=True)
    P.t((P.W - P.w("CEO  %s" % r.choice(["Han Ji-ho", "M. Brunner", "P. Odhiambo", "T. Ng"]), 10.5)) / 2, y + 8,
        "CEO  %s" % r.choice(["Han Ji-ho", "M. Brunner", "P. Odhiambo", "T. Ng"]), 10.5)
    P.square_seal(P.W / 2 + 30, y - 4, 22)


def draw_letter(P):
    (draw_memo if P.spec["variant"] == "memo" else draw_table)(P)


# -- bills ------------------------------------------------------------------------------
def _turned(P, x, y, lines, pt):
    """Lines of text turned 90 degrees (read bottom to top), pasted at (x, y) mm."""
    f = P.c.font(pt, P.reg)
    w = int(max(f.getlength(s) for s in lines)) + 4
    hgt = int(len(lines) * P.c.px(pt) * 1.5) + 4
    im = Image.new("L", (w, hgt), 255)
    d = ImageDraw.Draw(im)
    for k, s in enumerate(lines):
        d.text((2, 2 + k * P.c.px(pt) * 1.5), s, font=f, fill=30)
    im = im.rotate(90, expand=True)
    mask = Image.eval(im, lambda v: 255 - v)
    P.c.img.paste(0, (P.px(x), P.px(y)), mask)


def _ref(issue, r):
    return "INV/%d/%02d/%02d-%04d" % (issue.year, issue.month, issue.day, r.randint(1, 9999))


def _bill_top(P, x):
    pg, r = P.pg, P.r
    P.logo(x, 12, 13)
    P.t(x + 16, 14, pg["issuer"], 11.5 if len(pg["issuer"]) < 36 else 9.5, "issuer", bold=True)
    P.t(x, 36, name(P, pg["person"]), 10.5, "name")
    P.addr_lines(x, 36 + 10.5 * 0.3528 * 1.45, 10.5)
    xr = x + 92
    P.runs(xr, 36, [(P.L("Invoice date") + ": ", None), (issue_date(P), "issue_date")], 9.5)
    P.t(xr, 42, "%s: %s" % (P.L("Reference"), _ref(pg["issue"], r)), 9)
    P.t(xr, 48, "%s: %d" % (P.L("Customer no."), r.randint(10**6, 10**8)), 9)


def draw_stub(P):
    """A bill with a remittance stub down the left edge, its text turned."""
    pg, r, spec = P.pg, P.r, P.spec
    amount = r.randint(2000, 60000) / 100
    cur = h.CURRENCY[spec["country"]]
    _turned(P, 8, 40, ["PAYMENT SLIP - RETURN THIS PORTION WITH YOUR PAYMENT",
                       "Account %d   Amount due %.2f %s" % (r.randint(10**6, 10**8), amount, cur),
                       "%s" % initials(pg["person"])], 9)
    for yy in range(0, int(P.H), 3):
        P.c.d.line([P.px(40), P.px(yy), P.px(40), P.px(yy + 1.5)], fill=110, width=max(1, P.c.dpi // 150))
    P.t(38, 20, "X", 8)  # where to cut
    _bill_top(P, 48)
    y = 74
    start = pg["issue"] - datetime.timedelta(days=r.randint(60, 64))
    end = pg["issue"] - datetime.timedelta(days=r.randint(2, 6))
    P.t(48, y, ("Abrechnung vom %s bis %s" if P.de else "Charges for the period %s to %s") % (dt(P, start), dt(P, end)),
        10, bold=True)
    y += 9
    items = ["Grundgebühr", "Energie", "Netznutzung", "Abgaben", "MWST"] if P.de else \
        ["Standing charge", "Units used", "Carbon tax", "Meter rental", "VAT"]
    for what in items:
        P.t(50, y, what, 9.5)
        P.right(P.W - 16, y, "%.2f" % (amount * r.uniform(0.04, 0.4)), 9.5)
        P.rule(48, y + 5.5, P.W - 16, 1, 210)
        y += 7
    y += 6
    P.box(110, y, P.W - 126, 22, shade=232, outline=70)
    P.t(113, y + 2, P.L("Amount due"), 10)
    P.t(113, y + 8, "{:,.2f} {}".format(amount, cur), 15, bold=True)
    P.t(113, y + 16, "%s %s" % (P.L("Due date"), dt(P, pg["issue"] + datetime.timedelta(days=r.randint(14, 28)))), 8.5)
    P.t(48, P.H - 16, "Emergency line 24 h: %d %d" % (r.randint(100, 999), r.randint(100000, 999999)), 8)


def draw_meter(P):
    """A water or gas bill with a meter-reading table."""
    pg, r, spec = P.pg, P.r, P.spec
    _bill_top(P, 16)
    y = 72
    prev = pg["issue"] - datetime.timedelta(days=r.randint(88, 95))
    cur_d = pg["issue"] - datetime.timedelta(days=r.randint(3, 8))
    heads = ["Meter no.", "Previous reading", "", "Present reading", "", "Consumption"]
    xs = [16, 44, 74, 96, 126, 150]
    P.box(16, y, P.W - 32, 7, shade=215, outline=70)
    for s, x in zip(heads, xs):
        P.t(x + 1, y + 1.3, s, 8.5, bold=True)
    y += 9
    a = r.randint(1000, 9000)
    for k in range(r.randint(1, 2)):
        b = a + r.randint(20, 400)
        P.t(17, y, "M%07d" % r.randint(0, 9999999), 9)
        P.t(45, y, dt(P, prev), 9)
        P.t(75, y, "%d" % a, 9)
        P.t(97, y, dt(P, cur_d), 9)
        P.t(127, y, "%d" % b, 9)
        P.t(151, y, "%d m3" % (b - a), 9)
        y += 7
        a = r.randint(1000, 9000)
    y += 8
    total = 0
    for what in ("Water supply", "Sewerage charge", "Fixed charge", "Meter rent", "VAT"):
        v = r.randint(200, 9000) / 100
        total += v
        P.t(18, y, what, 9.5)
        P.right(P.W - 16, y, "%.2f" % v, 9.5)
        y += 6.5
    P.rule(120, y, P.W - 16, 1, 60)
    P.right(P.W - 16, y + 2, "%s  {:,.2f} {}".format(total, h.CURRENCY[spec["country"]]) % P.L("Amount due"), 11)
    y += 16
    s12.qr_square(P, 16, y, 26)
    P.t(46, y + 3, "Pay online or at any agent with the code", 9)
    P.t(46, y + 9, _ref(pg["issue"], r), 9)


def draw_bill(P):
    (draw_stub if P.spec["variant"] == "stub" else draw_meter)(P)


# -- leases -----------------------------------------------------------------------------
CLAUSES = ["The Lessee shall pay the rent monthly in advance on or before the first day of each month.",
           "The deposit shall be held in an interest-bearing account and refunded within fourteen days of the end "
           "of the lease, less any amount due.", "The Lessee shall not sublet the premises without written consent.",
           "The Lessor shall maintain the roof, the walls and the installations in good order.",
           "Either party may terminate this lease on two calendar months' written notice.",
           "The Lessee shall keep the garden and the premises clean and tidy.",
           "No animals shall be kept on the premises without the Lessor's consent."]


def draw_prose(P):
    """A lease in prose: "between X ("the Lessor") and Y ("the Lessee")",
    numbered clauses in two columns, initial boxes at the foot."""
    pg, r, spec = P.pg, P.r, P.spec
    p = pg["person"]
    hb._title(P, 16, "LEASE AGREEMENT", 18, "주택임대차계약서", "MIETVERTRAG")
    y = 34
    P.t(16, y, "entered into by and between", 10.5)
    y += 7
    P.runs(16, y, [(pg["issuer"], "issuer"), (' (hereinafter "the Lessor")', None)], 10.5)
    y += 7
    P.t(16, y, "and", 10.5)
    y += 7
    ident = h.za_id(pg["birth_date"], spec["female"], r) if spec["country"] == "za" else \
        "%s%d" % (r.choice(["A", "M", "X"]), r.randint(10**6, 10**7))
    P.runs(16, y, [(name(P, p), "name"), (", identity no. %s" % ident, None)], 10.5)
    y += 7
    if spec["joint"]:
        co = pg["co_tenant"]
        P.runs(16, y, [("together with ", None), (name(P, co, "native"), "co_tenant"), (",", None)], 10.5)
        y += 7
    P.t(16, y, '(hereinafter "the Lessee")', 10.5)
    y += 8
    a, town = h.street(P)
    P.runs(16, y, [("in respect of the premises situated at ", None), (a, "address"), (", " + town if town else "", None)],
           10.5)
    y += 10
    start = pg["issue"] + datetime.timedelta(days=r.randint(1, 25))
    P.t(16, y, "for the period from %s to %s." % (dt(P, start), dt(P, start + datetime.timedelta(days=364))), 10.5)
    y += 10
    colw = (P.W - 40) / 2
    yl = yr = y
    for k, s in enumerate(r.sample(CLAUSES, 6)):
        x = 16 if k % 2 == 0 else 24 + colw
        yy = yl if k % 2 == 0 else yr
        P.t(x, yy, "%d." % (k + 1), 9.5, bold=True)
        yy = P.para(x + 6, yy, x + colw, s, 9.5) + 2
        if k % 2 == 0:
            yl = yy
        else:
            yr = yy
    y = max(yl, yr) + 6
    P.t(16, y, "Monthly rent: {:,} {}".format(r.randint(400, 3000) * (10 if spec["country"] in ("ke", "za", "cz") else 1),
                                               h.CURRENCY[spec["country"]]), 10.5)
    y += 10
    town_name = " ".join(w for w in (town or a).split(",")[-1].split() if not w[0].isdigit())
    P.runs(16, y, [("Thus done and signed at %s on " % town_name, None), (issue_date(P), "issue_date"), (".", None)],
           10.5)
    y += 18
    P.t(16, y, "______________________", 10)
    P.t(110, y, "______________________", 10)
    P.t(16, y + 5, "LESSOR", 9)
    P.t(110, y + 5, "LESSEE", 9)
    for k, who in enumerate(("Lessor", "Lessee")):
        x = P.W - 60 + k * 24
        P.box(x, P.H - 22, 18, 10, shade=None, outline=60)
        P.t(x + 1, P.H - 26, who, 7)
    P.t(16, P.H - 18, "Page 1 of 1 - initial every page", 7.5)


def draw_schedule(P):
    """A schedule of particulars: numbered items in a ruled table."""
    pg, r, spec = P.pg, P.r, P.spec
    p = pg["person"]
    y = hb._title(P, 16, "RESIDENTIAL LEASE", 16, None, "MIETVERTRAG") + 2
    P.t((P.W - P.w("SCHEDULE OF PARTICULARS", 11, True)) / 2, y, "SCHEDULE OF PARTICULARS", 11, bold=True)
    y += 10
    a, town = h.street(P)
    start = pg["issue"] + datetime.timedelta(days=r.randint(1, 25))
    rows = [(P.L("Landlord"), pg["issuer"], "issuer"), (P.L("Tenant"), name(P, p), "name")]
    if spec["joint"]:
        rows.append(("Co-tenant" if not P.de else "Mitmieter", name(P, pg["co_tenant"], "native"), "co_tenant"))
    rows += [(P.L("Premises"), a, "address"), ("", town, None),
             (P.L("Commencement"), dt(P, start), None), ("Term", "12 months" if not P.de else "12 Monate", None),
             (P.L("Monthly rent"), "{:,} {}".format(r.randint(600, 3000) * (10 if spec["country"] in ("hk", "cz") else 1),
                                                    h.CURRENCY[spec["country"]]), None),
             ("Deposit" if not P.de else "Kaution", "2 months' rent", None),
             ("Date of this agreement" if not P.de else "Datum des Vertrags", issue_date(P), "issue_date")]
    k = 0
    for en, v, fld in rows:
        if en == "" and not v:
            continue
        if en:
            k += 1
        P.box(16, y, 22, 9, shade=230, outline=70)
        P.box(38, y, 52, 9, shade=None, outline=70)
        P.box(90, y, P.W - 106, 9, shade=None, outline=70)
        if en:
            P.t(18, y + 2, "Item %d" % k, 9.5, bold=True)
            P.t(40, y + 2, en, 9.5)
        P.t(92, y + 1.8, v, 10.5, fld)
        y += 9
    y += 10
    y = P.para(16, y, P.W - 16, "The terms and conditions annexed hereto form part of this lease. The parties "
               "acknowledge that they have read and understood them.", 9.5)
    P.t(16, y + 14, "______________________", 10)
    P.t(110, y + 14, "______________________", 10)
    P.t(16, y + 19, "Landlord", 9)
    P.t(110, y + 19, "Tenant (%s)" % initials(p), 9)


def draw_tenancy(P):
    (draw_prose if P.spec["variant"] == "prose" else draw_schedule)(P)


# -- police -----------------------------------------------------------------------------
def _fingerprint(P, x, y, w, hgt):
    """A thumb print: concentric ridges in an oval, a little broken."""
    d, r = P.c.d, P.r
    cx, cy = P.px(x + w / 2), P.px(y + hgt / 2)
    for k in range(3, 40, 2):
        rx, ry = P.px(k * w / 90), P.px(k * hgt / 80)
        if rx > P.px(w / 2 - 2) or ry > P.px(hgt / 2 - 2):
            break
        a0 = r.randint(0, 60)
        d.arc([cx - rx, cy - ry, cx + rx, cy + ry], a0, a0 + r.randint(260, 340), fill=70,
              width=max(1, P.c.dpi // 110))


def draw_fingerprint(P):
    """A certificate of good conduct with a photo box and a thumb print."""
    pg, r, spec = P.pg, P.r, P.spec
    p = pg["person"]
    y = hb._title(P, hb._head(P), "CERTIFICATE OF GOOD CONDUCT" if spec["country"] != "za" else
                  "POLICE CLEARANCE CERTIFICATE", 14, "범죄경력회보서", "PRIVATAUSZUG AUS DEM STRAFREGISTER")
    ref = "%s/%d/%06d" % ({"ke": "DCI", "za": "CRC", "gr": "HP", "cz": "RT"}.get(spec["country"], "PC"),
                          pg["issue"].year, r.randint(0, 999999))
    P.t(16, y, "%s: %s" % (P.L("Reference"), ref), 9.5)
    y += 8
    P.box(P.W - 50, y, 32, 40, shade=None, outline=60)  # the photo box
    P.c.d.ellipse([P.px(P.W - 42), P.px(y + 6), P.px(P.W - 26), P.px(y + 24)], fill=150)
    P.c.d.pieslice([P.px(P.W - 48), P.px(y + 24), P.px(P.W - 20), P.px(y + 52)], 180, 360, fill=150)
    P.box(P.W - 50, y + 40, 32, 1, shade=255)
    rows = [(P.L("Name"), name(P, p), "name"), (P.L("Date of birth"), bd(P, pg["birth_date"]), "birth_date"),
            (P.L("Place of birth"), spec["birth_place"], None),
            ("ID / Passport no." if not P.de else "Ausweis-Nr.",
             h.za_id(pg["birth_date"], spec["female"], r) if spec["country"] == "za" else
             "%d" % r.randint(10**7, 10**8), "id_number" if spec["country"] == "za" else None)]
    for en, v, fld in rows:
        P.t(16, y, en, 9)
        P.t(56, y - 0.5, v, 11, fld)
        P.dotted(55, y + 5, P.W - 56)
        y += 9
    y += 10
    text = ("Es wird bescheinigt, dass die oben genannte Person im Strafregister nicht verzeichnet ist." if P.de else
            "This is to certify that after a search of the criminal records, the person named above, whose "
            "fingerprints appear hereon, has no criminal record.")
    y = P.para(16, y, P.W - 16, text, 10.5) + 8
    P.box(16, y, 40, 45, shade=None, outline=60)
    _fingerprint(P, 20, y + 4, 32, 34)
    P.t(18, y + 46, "Right thumb print", 8)
    P.runs(70, y + 8, [(P.L("Date of issue") + ": ", None), (issue_date(P), "issue_date")], 10.5)
    P.t(70, y + 22, "______________________", 10)
    P.t(70, y + 27, "for Director of Criminal Investigations" if spec["country"] == "ke" else "Issuing officer", 9)
    P.seal(P.W - 52, y + 12, 30)


def draw_police_letter(P):
    """A police letter: "This is to certify that Mr ... born on ..."."""
    pg, r, spec = P.pg, P.r, P.spec
    p = pg["person"]
    hb._head(P)
    P.t(16, 38, "Our Ref.: CNCC/%d/%06d" % (pg["issue"].year, r.randint(0, 999999)), 9.5)
    P.runs(P.W - 16 - P.w("Date: " + issue_date(P), 10), 38, [("Date: ", None), (issue_date(P), "issue_date")], 10)
    P.t(16, 52, "To whom it may concern" if not P.de else "An die zuständige Behörde", 10.5)
    y = 64
    s = "CERTIFICATE OF NO CRIMINAL CONVICTION" if not P.de else "STRAFREGISTERAUSZUG"
    P.t(16, y, s, 12, bold=True)
    P.rule(16, y + 6, 16 + P.w(s, 12, True), 1, 40)
    y += 14
    title = ("Ms" if spec["female"] else "Mr") if not P.de else ("Frau" if spec["female"] else "Herr")
    P.runs(16, y, [("This is to certify that %s " % title if not P.de else "Hiermit wird bescheinigt, dass %s "
                    % title, None), (name(P, p), "name"), (",", None)], 10.5)
    y += 10.5 * LH
    P.runs(16, y, [("born on " if not P.de else "geboren am ", None), (bd(P, pg["birth_date"]), "birth_date"),
                   (" at %s," % spec["birth_place"] if not P.de else " in %s," % spec["birth_place"], None)], 10.5)
    y += 10.5 * LH
    y = P.para(16, y, P.W - 16, "has no criminal conviction recorded against him/her as at the date of this "
               "certificate. This certificate is issued for the purpose of an application for residence abroad and "
               "is valid for use with the authority named in the application only." if not P.de else
               "im Schweizerischen Strafregister nicht verzeichnet ist. Dieser Auszug dient zur Vorlage bei einer "
               "Behörde.", 10.5)
    P.t(16, y + 16, "Yours faithfully," if not P.de else "Freundliche Grüsse", 10.5)
    P.t(16, y + 34, "(%s)" % r.choice(["W. K. LAM", "S. MOKOENA", "A. GEORGIOU", "P. NOVÁK"]), 10)
    P.t(16, y + 39, "for Commissioner of Police" if not P.de else "Bundesamt für Justiz", 9.5)
    s12.qr_square(P, P.W - 44, y + 20, 26)
    P.t(P.W - 60, y + 48, "Verify online with the QR code", 7.5)


def draw_police(P):
    (draw_fingerprint if P.spec["variant"] == "fingerprint" else draw_police_letter)(P)


# -- diplomas ---------------------------------------------------------------------------
def draw_supplement(P):
    """A diploma supplement: numbered sections, "1.1 Family name(s)"."""
    pg, r = P.pg, P.r
    p = pg["person"]
    P.t(16, 14, pg["issuer"], 12, "issuer", bold=True)
    P.right(P.W - 16, 14, "DIPLOMA SUPPLEMENT", 14, bold=True)
    P.rule(16, 24, P.W - 16, 2, 60)
    y = 30

    def section(n, s):
        nonlocal y
        y += 3
        P.box(16, y, P.W - 32, 7, shade=220)
        P.t(18, y + 1.3, "%d. %s" % (n, s), 9.5, bold=True)
        y += 10

    def item(n, cap_, v, fld=None):
        nonlocal y
        P.t(18, y, n, 9)
        P.t(28, y, cap_, 9)
        P.t(90, y - 0.5, v, 10.5, fld)
        y += 7

    section(1, "INFORMATION IDENTIFYING THE HOLDER OF THE QUALIFICATION")
    item("1.1", "Family name(s)", p["surname"], "surname")
    item("1.2", "Given name(s)", p["given_names"], "given_names")
    item("1.3", "Date of birth", bd(P, pg["birth_date"]), "birth_date")
    item("1.4", "Student identification number", "%d" % r.randint(10**5, 10**8))
    section(2, "INFORMATION IDENTIFYING THE QUALIFICATION")
    deg = r.choice(["Master of Science in Chemistry", "Bachelor of Commerce", "Master of Laws (LL.M.)",
                    "Bachelor of Engineering"])
    item("2.1", "Name of qualification", deg)
    item("2.2", "Main field(s) of study", deg.split(" in ")[-1].split(" of ")[-1])
    item("2.3", "Name of awarding institution", pg["issuer"][:40])
    item("2.4", "Language(s) of instruction", r.choice(["English", "German", "Czech", "Greek", "Hungarian"]))
    section(3, "INFORMATION ON THE LEVEL AND DURATION")
    item("3.1", "Level of the qualification", "Second cycle (EQF level 7)" if "Master" in deg else "First cycle")
    item("3.2", "Official duration", "%d ECTS credits" % r.choice([120, 180, 240]))
    section(8, "CERTIFICATION OF THE SUPPLEMENT")
    item("8.1", "Date", issue_date(P), "issue_date")
    item("8.2", "Signature", "____________________")
    item("8.3", "Capacity", "Registrar")
    P.seal(P.W - 56, y - 20, 28)


def draw_landscape(P):
    """A landscape certificate: the name large, a gold foil seal with ribbons."""
    pg, r, spec = P.pg, P.r, P.spec
    p = pg["person"]
    c = P.c
    P.t((P.W - P.w(pg["issuer"], 16, True)) / 2, 22, pg["issuer"], 16, "issuer", bold=True)
    s = "hereby certifies that" if not P.de else "bescheinigt hiermit, dass"
    P.t((P.W - P.w(s, 12)) / 2, 40, s, 12)
    nm = name(P, p)
    P.t((P.W - P.w(nm, 26, True)) / 2, 50, nm, 26, "name", bold=True)
    born = "born on %s in %s" % (bd(P, pg["birth_date"]), spec["birth_place"]) if not P.de else \
        "geboren am %s in %s" % (bd(P, pg["birth_date"]), spec["birth_place"])
    x = (P.W - P.w(born, 12)) / 2
    lead = "born on " if not P.de else "geboren am "
    P.runs(x, 66, [(lead, None), (bd(P, pg["birth_date"]), "birth_date"), (born[len(lead) + len(bd(P, pg["birth_date"])):],
                                                                           None)], 12)
    s = "having fulfilled the requirements, has been awarded the degree of" if not P.de else \
        "nach Erfüllung der Anforderungen den akademischen Grad"
    P.t((P.W - P.w(s, 12)) / 2, 80, s, 12)
    deg = r.choice(["Bachelor of Science", "Master of Business Administration", "Master of Arts", "Bachelor of Laws"])
    P.t((P.W - P.w(deg, 20, True)) / 2, 90, deg, 20, bold=True)
    lead = "Given under the seal of the University on " if not P.de else "Verliehen am "
    iss = issue_date(P)
    P.runs((P.W - P.w(lead + iss, 12)) / 2, 110, [(lead, None), (iss, "issue_date")], 12)
    for k, who in enumerate(("Rector", "Dean")):
        x = P.W - 150 + k * 70
        P.t(x, P.H - 40, "____________________", 10)
        P.t(x + 10, P.H - 34, who if not P.de else ("Rektorin", "Dekan")[k], 10)
    # in colour from here: the frames, the gold foil seal with two ribbons
    _rgb(c)
    w = max(2, c.dpi // 60)
    c.d.rectangle([P.px(8), P.px(8), P.px(P.W - 8), P.px(P.H - 8)], outline=(60, 60, 90), width=w)
    c.d.rectangle([P.px(11), P.px(11), P.px(P.W - 11), P.px(P.H - 11)], outline=(150, 120, 40), width=max(1, w // 2))
    cx, cy, rad = P.px(48), P.px(P.H - 48), P.px(17)
    for dx in (-1, 1):
        c.d.polygon([(cx, cy), (cx + dx * P.px(6), cy + P.px(30)), (cx + dx * P.px(14), cy + P.px(26))],
                    fill=(150, 20, 30))
    pts = []
    for k in range(48):
        a = k / 48 * 6.2832
        rr = rad if k % 2 == 0 else rad * 0.9
        pts.append((cx + rr * np.cos(a), cy + rr * np.sin(a)))
    c.d.polygon(pts, fill=(212, 175, 55), outline=(160, 120, 30))
    c.d.ellipse([cx - rad * 0.7, cy - rad * 0.7, cx + rad * 0.7, cy + rad * 0.7], outline=(250, 225, 130),
                width=max(1, c.dpi // 100))


def draw_diploma(P):
    (draw_supplement if P.spec["variant"] == "supplement" else draw_landscape)(P)


DRAW = {"birth_certificate": hb.draw_birth, "marriage_certificate": hb.draw_marriage, "bank_statement": hb.draw_bank,
        "payslip": hb.draw_payslip, "employment_letter": draw_letter, "utility_bill": draw_bill,
        "tenancy_agreement": draw_tenancy, "police_certificate": draw_police, "diploma": draw_diploma}


# -- marks ------------------------------------------------------------------------------
def _rgb(c):
    if c.img.mode != "RGB":
        c.img = c.img.convert("RGB")
    c.d = ImageDraw.Draw(c.img)


def received(P, sd):
    """An office's RECEIVED date stamp in violet, turned a little, where no
    field is; its date after the issue date and not after the screening."""
    c, r, pg = P.c, P.r, P.pg
    day = sd.TODAY - datetime.timedelta(days=r.randint(0, 12))
    if day <= pg["issue"]:
        return None
    w, hgt = P.px(50), P.px(24)
    for _ in range(16):
        x, y = r.randint(P.px(10), c.w - w - P.px(10)), r.randint(P.px(10), c.h - hgt - P.px(10))
        if b11._free(c, (x, y, x + w, y + hgt)):
            break
    else:
        return None
    _rgb(c)
    stamp = Image.new("L", (w, hgt), 0)
    d = ImageDraw.Draw(stamp)
    d.rounded_rectangle([2, 2, w - 3, hgt - 3], radius=P.px(2), outline=255, width=max(2, c.dpi // 80))
    f1, f2 = c.font(9, P.bold), c.font(12, P.bold)
    top = "RECEIVED" if not P.de else "EINGANG"
    d.text(((w - f1.getlength(top)) / 2, P.px(2.5)), top, font=f1, fill=255)
    s = h.date(day, "upper")
    d.text(((w - f2.getlength(s)) / 2, P.px(8.5)), s, font=f2, fill=255)
    s = r.choice(["Notary Public", "Front desk", "Poststelle", "Intake"])
    d.text(((w - f1.getlength(s)) / 2, P.px(17)), s, font=f1, fill=255)
    stamp = stamp.rotate(r.uniform(-8, 8), expand=False)
    a = np.asarray(c.img, dtype=np.float32)
    m = np.asarray(stamp, dtype=np.float32)[..., None] / 255.0 * r.uniform(0.6, 0.85)
    ink = np.array([110, 60, 170], np.float32)
    a[y:y + hgt, x:x + w] = a[y:y + hgt, x:x + w] * (1 - m) + ink * m
    c.img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB")
    c.d = ImageDraw.Draw(c.img)
    return day


def pen(P):
    """A red ballpoint line under the name field (a little wavy)."""
    c, r = P.c, P.r
    box = next((f["bbox"] for f in c.fields if f["name"] in ("name", "surname")), None)
    if not box:
        return False
    _rgb(c)
    x, y, w, hgt = box
    yy = y + hgt + P.px(0.8)
    pts = [(x + k * w / 20, yy + np.sin(k * 0.9 + r.uniform(0, 3)) * P.px(0.4)) for k in range(21)]
    c.d.line(pts, fill=(200, 30, 40), width=max(2, c.dpi // 110))
    return True


# -- captures ---------------------------------------------------------------------------
def _warp(P, dst, background):
    """The page drawn into the quadrilateral dst over background (an RGB or
    L image of the page's size); the field boxes follow."""
    c = P.c
    w, hgt = c.w, c.h
    src = [(0, 0), (w, 0), (w, hgt), (0, hgt)]
    page = c.img.convert(background.mode).transform((w, hgt), Image.PERSPECTIVE, tuple(b11._homography(src, dst)),
                                                    Image.BICUBIC)
    mask = Image.new("L", (w, hgt), 0)
    ImageDraw.Draw(mask).polygon(dst, fill=255)
    background.paste(page, (0, 0), mask)
    c.img = background
    c.d = ImageDraw.Draw(c.img)
    back = b11._homography(dst, src)
    b11._move_boxes(c, lambda x, y: b11._apply(back, x, y))


def screen(P):
    """A phone photo of a monitor showing the page: the bezel round it, a
    slight perspective, moire, the sub-pixels' colour fringes and a glare."""
    c, r = P.c, P.r
    w, hgt = c.w, c.h
    m = lambda a, b: r.uniform(a, b)
    dst = [(w * m(0.05, 0.09), hgt * m(0.04, 0.07)), (w * m(0.91, 0.95), hgt * m(0.03, 0.06)),
           (w * m(0.92, 0.96), hgt * m(0.94, 0.97)), (w * m(0.04, 0.08), hgt * m(0.93, 0.96))]
    _warp(P, dst, Image.new("RGB", (w, hgt), (r.randint(15, 35),) * 3))
    a = np.asarray(c.img, dtype=np.float32)
    yy, xx = np.mgrid[0:hgt, 0:w].astype(np.float32)
    th, period = r.uniform(0.2, 0.6), r.uniform(5, 9)
    moire = 0.5 + 0.5 * np.sin((xx * np.cos(th) + yy * np.sin(th)) / period * 6.283)
    a *= (1 - 0.12 * moire)[..., None]
    stripes = (np.arange(w) % 3)
    for ch in range(3):  # each column lit a little more in one channel
        a[:, stripes == ch, ch] *= 1.06
    glare = np.exp(-(((xx / w - m(0.3, 0.7)) ** 2) / 0.05 + ((yy / hgt - m(0.2, 0.5)) ** 2) / 0.03)) * 45
    a = a * np.array([0.95, 0.98, 1.06], np.float32) + glare[..., None]
    c.img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB")
    c.d = ImageDraw.Draw(c.img)


def shadow(P):
    """A phone photo on a wooden desk: warm light, the phone's shadow over
    one side of the page."""
    c, r = P.c, P.r
    w, hgt = c.w, c.h
    m = lambda f: r.uniform(0.01, f)
    dst = [(w * m(0.06), hgt * m(0.05)), (w * (1 - m(0.06)), hgt * m(0.04)), (w * (1 - m(0.04)), hgt * (1 - m(0.05))),
           (w * m(0.07), hgt * (1 - m(0.03)))]
    nr = np.random.default_rng(r.randint(0, 2 ** 31))
    grain = 120 + 20 * np.sin(np.arange(w, dtype=np.float32)[None, :] / r.uniform(6, 14)) + nr.normal(0, 6, (hgt, w))
    wood = np.stack([grain * 1.25, grain * 0.85, grain * 0.55], -1)
    _warp(P, dst, Image.fromarray(np.clip(wood, 0, 255).astype(np.uint8), "RGB"))
    sh = Image.new("L", (w, hgt), 0)
    side = r.choice(["left", "right", "bottom"])
    box = {"left": (-w // 10, hgt // 3, w // 4, hgt + 10), "right": (w * 3 // 4, hgt // 4, w + w // 10, hgt + 10),
           "bottom": (w // 5, hgt * 4 // 5, w * 4 // 5, hgt + hgt // 10)}[side]
    ImageDraw.Draw(sh).rounded_rectangle(box, radius=w // 20, fill=255)
    sh = sh.filter(ImageFilter.GaussianBlur(c.dpi / 8))
    a = np.asarray(c.img, dtype=np.float32)
    a *= (1 - 0.45 * np.asarray(sh, dtype=np.float32) / 255)[..., None]
    a *= np.array([1.04, 0.98, 0.88], np.float32)  # a warm bulb
    c.img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB")
    c.d = ImageDraw.Draw(c.img)


def messenger(P):
    """Forwarded through a messenger: scaled down to about a third, saved as
    a rough JPEG, scaled back up for the screening."""
    c, r = P.c, P.r
    k = r.uniform(0.35, 0.5)
    small = c.img.resize((int(c.w * k), int(c.h * k)), Image.BILINEAR)
    buf = io.BytesIO()
    small.save(buf, "JPEG", quality=r.randint(30, 45))
    c.img = Image.open(io.BytesIO(buf.getvalue())).convert(c.img.mode).resize((c.w, c.h), Image.BILINEAR)
    c.d = ImageDraw.Draw(c.img)


def skew(P):
    """Laid askew on a larger scanner bed: the page smaller, turned 3 to 6
    degrees, the lid grey round it."""
    c, r = P.c, P.r
    w, hgt = c.w, c.h
    k = r.uniform(0.86, 0.9)
    ang = np.radians(r.choice([-1, 1]) * r.uniform(3, 6))
    cx, cy = w / 2 + r.uniform(-0.02, 0.02) * w, hgt / 2 + r.uniform(-0.02, 0.02) * hgt
    dst = []
    for px, py in ((0, 0), (w, 0), (w, hgt), (0, hgt)):
        x, y = (px - w / 2) * k, (py - hgt / 2) * k
        dst.append((cx + x * np.cos(ang) - y * np.sin(ang), cy + x * np.sin(ang) + y * np.cos(ang)))
    bed = r.randint(95, 140)
    _warp(P, dst, Image.new(c.img.mode, (w, hgt), bed if c.img.mode == "L" else (bed,) * 3))


CAPTURE = {"screen": screen, "shadow": shadow, "messenger": messenger, "skew": skew}


def draw15(sd, kind, c, r, truth, spec):
    """Draws a heldout15 page on c (image, fields, runs, truth extras);
    returns the page's language (None: English)."""
    pg = truth["page"]
    landscape = kind == "diploma" and spec["variant"] == "landscape" or \
        kind == "birth_certificate" and spec["variant"] == "register"
    P = h.P15(sd, c, r, kind, spec, pg, landscape)
    c.img = Image.new("L", (c.w, c.h), r.randint(246, 255))
    c.d = ImageDraw.Draw(c.img)
    c.extra = {}
    if kind == "tenancy_agreement":
        pg["co_tenant"] = h.stranger(r, spec, pg["person"])
    DRAW[kind](P)
    marks, stamp = [], None
    if spec["pen"] and pen(P):
        marks.append("pen")
    if spec["stamp"]:
        stamp = received(P, sd)
        if stamp:
            marks.append("stamp")
    if spec["capture"] in CAPTURE:
        CAPTURE[spec["capture"]](P)
    c.extra.update({"capture": spec["capture"], "marks": marks, "country": spec["country"],
                    "variant": spec["variant"], "name_form": spec["name"], "maiden": spec.get("maiden", ""),
                    "stamp_date": stamp.isoformat() if stamp else "", "landscape": landscape})
    return spec["lang"]


def scanner(spec):
    """heldout13's scan (a small turn, none on a photo; a little blur and
    noise; JPEG; greyscale pages stay greyscale)."""
    look = {"capture": "thumb" if spec["capture"] in ("screen", "shadow") else "flatbed"}
    return lambda img, r: cap.scan(img, r, look)
