#!/usr/bin/python3
"""Synthetic AAMVA driving licences for tests/test_dlfront.c.

Writes card-sized images (85.6 x 54 mm at 300 dpi, 8-bit gray PNG) into the
folder of this script:

  back_us.png         the back: a PDF417 with an AAMVA version 10 payload
                      (US dates MMDDCCYY) for SAMPLE, ALEXANDER JOSEPH
  front_us.png        the front printing the same data (US MM/DD/YYYY)
  front_us_dob.png    the same front with another date of birth
  front_us_name.png   the same front with another family name
  back_ca.png         a Canadian back (dates CCYYMMDD, DCG CAN)
  front_ca.png        its front (YYYY/MM/DD, bilingual labels)
  front_dynamsoft.png a front printing the data of the PDF417 in
                      ../shared/realdata/barcodes/pdf417/dynamsoft_SampleDriversLicense.jpg
                      (JANE DOE of Ohio, the AAMVA sample), for the test on that image

The PDF417 symbols are made with zint (Debian package `zint`); the cards
with PIL and the DejaVu fonts. Only this script needs them: the images are
committed, and the tests read the PNGs. All data is invented.
"""
import os
import subprocess
import sys
import tempfile

from PIL import Image, ImageDraw, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
W, H = 1012, 638  # 85.6 x 54 mm at 300 dpi

US = dict(family="SAMPLE", first="ALEXANDER", middle="JOSEPH", dob="06/15/1985",
          exp="06/15/2029", iss="06/15/2021", dln="D1234567", sex="M", hgt="5'-11\"",
          street="1234 MAIN STREET", city="SPRINGFIELD", state="IL", zip="627010000")
CA = dict(family="TREMBLAY", first="MARIE", middle="CLAIRE", dob="1979/03/22",
          exp="2027/03/22", iss="2022/03/22", dln="T6541-79032-20001", sex="F",
          hgt="165 cm", street="45 RUE PRINCIPALE", city="GATINEAU", state="QC",
          zip="J8T4X1")


DYNAMSOFT = dict(family="DOE", first="JANE", middle="", dob="09/16/1990", exp="01/21/2021",
                 iss="07/02/2018", dln="AB123456", sex="F", hgt="5'-09\"",
                 street="123 ANYWHERE ST", city="ANYTOWN", state="OH", zip="123450000")


def aamva_payload(d, canadian):
    """An AAMVA DL/ID version 10 payload (header, one DL subfile)."""
    def date(s):
        a, b, c = s.split("/")
        return a + b + c  # the printed order is the payload order (MMDDCCYY, CCYYMMDD)
    els = [
        ("DCA", "D"), ("DCB", "NONE"), ("DCD", "NONE"),
        ("DBA", date(d["exp"])), ("DCS", d["family"]), ("DAC", d["first"]),
        ("DAD", d["middle"]), ("DBD", date(d["iss"])), ("DBB", date(d["dob"])),
        ("DBC", {"M": "1", "F": "2"}[d["sex"]]),
        ("DAY", "BRO"), ("DAU", "071 IN" if not canadian else "165 CM"),
        ("DAG", d["street"]), ("DAI", d["city"]), ("DAJ", d["state"]),
        ("DAK", d["zip"]), ("DAQ", d["dln"].replace("-", "")), ("DCF", "0123456789ABC"),
        ("DCG", "CAN" if canadian else "USA"), ("DDE", "N"), ("DDF", "N"), ("DDG", "N"),
    ]
    sub = "DL" + "".join(k + v + "\n" for k, v in els)[:-1] + "\r"
    iin = "636012" if canadian else "636035"
    header = "@\n\x1e\rANSI " + iin + "10" + "00" + "01"
    offset = len(header) + 10
    header += "DL%04d%04d" % (offset, len(sub))
    return (header + sub).encode("ascii")


def pdf417(payload, path):
    with tempfile.NamedTemporaryFile(delete=False) as f:
        f.write(payload)
        raw = f.name
    try:
        subprocess.run(["zint", "-b", "PDF417", "--binary", "-i", raw, "--cols=12",
                        "--scale=1", "-o", path], check=True)
    finally:
        os.unlink(raw)


def card():
    im = Image.new("L", (W, H), 244)
    dr = ImageDraw.Draw(im)
    dr.rectangle([0, 0, W - 1, H - 1], outline=120, width=3)
    return im, dr


def back(d, canadian, out):
    im, dr = card()
    with tempfile.TemporaryDirectory() as t:
        p = os.path.join(t, "b.png")
        pdf417(aamva_payload(d, canadian), p)
        sym = Image.open(p).convert("L")
    # Three pixels per module, as cards print them at 300 dpi (about 0.25 mm).
    sym = sym.resize((sym.width * 3, sym.height * 3), Image.NEAREST)
    if sym.width > W - 60:
        sym = sym.resize((W - 60, sym.height), Image.NEAREST)
    im.paste(sym, ((W - sym.width) // 2, H - sym.height - 40))
    f = ImageFont.truetype(FONT, 22)
    dr.text((40, 30), "RESTRICTIONS: NONE    ENDORSEMENTS: NONE", font=f, fill=40)
    im.save(out, optimize=True)


def front(d, canadian, out):
    im, dr = card()
    lab = ImageFont.truetype(BOLD, 20)
    val = ImageFont.truetype(BOLD, 30)
    head = ImageFont.truetype(BOLD, 34)
    if canadian:
        dr.text((30, 20), "QUEBEC  PERMIS DE CONDUIRE / DRIVER'S LICENCE", font=head, fill=30)
    else:
        state = "OHIO" if d["state"] == "OH" else "ILLINOIS"
        dr.text((30, 20), state + "  DRIVER'S LICENSE   USA", font=head, fill=30)
    dr.rectangle([30, 120, 300, 470], fill=190, outline=110, width=2)  # photo
    x = 340

    def row(y, label, value, x0=x):
        dr.text((x0, y + 8), label, font=lab, fill=60)
        lw = dr.textlength(label, font=lab)
        dr.text((x0 + lw + 12, y), value, font=val, fill=10)

    if canadian:
        row(90, "4d NO", d["dln"])
        row(140, "1", d["family"])
        row(185, "2", d["first"] + " " + d["middle"])
        row(240, "3 DOB/DDN", d["dob"])
        row(290, "4a ISS/DEL", d["iss"])
        row(340, "4b EXP", d["exp"])
        row(395, "15 SEX", d["sex"])
        row(395, "16 HGT", d["hgt"], x0=620)
        row(450, "8", d["street"] + ", " + d["city"] + " " + d["state"])
    else:
        row(90, "4d DLN", d["dln"])
        row(140, "1", d["family"])
        row(185, "2", (d["first"] + " " + d["middle"]).strip())
        row(240, "8", d["street"])
        dr.text((x + 30, 280), d["city"] + ", " + d["state"] + " " + d["zip"][:5], font=val, fill=10)
        row(335, "3 DOB", d["dob"])
        row(385, "4b EXP", d["exp"])
        row(385, "4a ISS", d["iss"], x0=700)
        row(435, "15 SEX", d["sex"])
        row(435, "16 HGT", d["hgt"], x0=600)
    small = ImageFont.truetype(FONT, 18)
    dr.text((30, 560), "9 CLASS D   12 REST NONE   5 DD 0123456789ABC", font=small, fill=60)
    im.save(out, optimize=True)


def main():
    back(US, False, os.path.join(HERE, "back_us.png"))
    front(US, False, os.path.join(HERE, "front_us.png"))
    front(dict(US, dob="03/22/1979"), False, os.path.join(HERE, "front_us_dob.png"))
    front(dict(US, family="MORRISON"), False, os.path.join(HERE, "front_us_name.png"))
    front(DYNAMSOFT, False, os.path.join(HERE, "front_dynamsoft.png"))
    back(CA, True, os.path.join(HERE, "back_ca.png"))
    front(CA, True, os.path.join(HERE, "front_ca.png"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
