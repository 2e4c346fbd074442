#!/usr/bin/python3
"""PDFs for the PDF input and its forensics, each with its ground truth.

Writes, into --out:
  scanned-dct-N.pdf, scanned-flate-N.pdf, scanned-ccitt-N.pdf,
  scanned-jbig2-N.pdf
      one page image each, embedded as JPEG (DCTDecode), as zlib-compressed
      gray samples (FlateDecode), as CCITT Group 4 fax data or as JBIG2
      (a generic region coded with MMR), at the image's own resolution (the
      page's MediaBox is the image at its dpi);
  scanned-resaved-N.pdf
                    a scanned page (JPEG quality 70) edited (an amount
                    painted over and retyped) and saved as JPEG again at
                    quality 92, embedded as it is (IMAGE_EDITED: saved twice);
  born-N.pdf        a genuine born-digital bank statement (base-14 fonts,
                    text runs placed by position);
  overwritten-N.pdf the same statement with one amount painted over in
                    white and another typed on the same spot (the text
                    layer keeps the old amount: PDF_TEXT_MISMATCH);
  fontswap-N.pdf    one amount whose last digits are set in another font
                    (PDF_FONT_MIX);
  updated-N.pdf     the genuine statement with an appended revision that
                    replaces page 1's content stream with one where an
                    amount differs (PDF_INCREMENTAL_UPDATE on page 0);
  born-objstm-N.pdf a genuine two-page statement saved with object and
                    cross-reference streams (PDF 1.5), and three incremental
                    updates of it saved the same way: updated-objstm-N.pdf
                    (an amount on page 2 edited), restyled-objstm-N.pdf
                    (page 1's font swapped: only objects inside an object
                    stream change) and metadata-objstm-N.pdf (new metadata,
                    no page changed: an information flag);
  bad/*.pdf         encrypted with a user password, broken, truncated, no
                    pages, a Flate bomb in an image, a content-stream bomb,
                    a page tree that loops, 10,000 pages, a page image over
                    the pixel limit; each with the error code expected.
For every FILE.pdf a FILE.json: {"file", "kind", "pages", "error" (the
ERR_ code or null), "defects": [{"code", "page", ...}]}.
With --demo PASSPORT.jpg SUPPORT1.jpg SUPPORT2.jpg it writes only
demo.pdf: the three scanned pages as one DCT PDF. With --bench N only the
benchmark set: page-NN.jpg (N scanned pages), scanned-N.pdf (the same JPEG
bytes embedded) and born-N.pdf (an N-page born-digital statement).

Nothing is random but for --seed. Usage:
  /usr/bin/python3 samples/pdfgen.py --out DIR [--count N] [--seed S]
  /usr/bin/python3 samples/pdfgen.py --out DIR --demo A.jpg B.jpg C.jpg
  /usr/bin/python3 samples/pdfgen.py --out DIR --bench 20
"""
import argparse
import hashlib
import io
import json
import unicodedata
import os
import random
import re
import struct
import zlib

from PIL import Image, ImageDraw, ImageFont, TiffImagePlugin

# Advance widths (1/1000 em) of the base-14 fonts for the characters the
# statements use; anything else is taken as 556 (Helvetica) / 500 (Times).
WIDTHS = {
    "Helvetica": dict({c: 556 for c in "0123456789"}, **{",": 278, ".": 278, "-": 333, " ": 278,
                                                          "/": 278, ":": 278}),
    "Times-Roman": dict({c: 500 for c in "0123456789"}, **{",": 250, ".": 250, "-": 333, " ": 250,
                                                            "/": 278, ":": 278}),
    "Courier": {},
}
FONTS = {"F1": "Helvetica", "F2": "Courier", "F3": "Times-Roman", "F4": "Helvetica-Bold"}


def text_width(text, font, size):
    if font == "Courier":
        return 0.6 * size * len(text)
    table = WIDTHS.get(font, WIDTHS["Helvetica"])
    dflt = 500 if font.startswith("Times") else 556
    return sum(table.get(c, dflt) for c in text) * size / 1000.0


def pdf_str(s):
    return "(" + s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


class Writer:
    """Numbered objects written in order, with a classic xref table."""

    def __init__(self):
        self.objs = {}

    def add(self, body, num=None):
        num = num or (max(self.objs) + 1 if self.objs else 1)
        self.objs[num] = body
        return num

    def stream(self, d, data, num=None):
        return self.add(b"<< " + d + b" /Length %d >>\nstream\n" % len(data) + data +
                        b"\nendstream", num)

    def write(self, root, info=None, header=b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n"):
        out = bytearray(header)
        offs = {}
        for n in sorted(self.objs):
            offs[n] = len(out)
            out += b"%d 0 obj\n" % n + self.objs[n] + b"\nendobj\n"
        size = max(self.objs) + 1
        x = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % size
        for n in range(1, size):
            out += (b"%010d 00000 n \n" % offs[n]) if n in offs else b"0000000000 65535 f \n"
        trailer = b"/Size %d /Root %d 0 R" % (size, root)
        if info:
            trailer += b" /Info %d 0 R" % info
        out += b"trailer\n<< " + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % x
        return bytes(out), x, size


def append_revision(base, prev_x, size, root, info, changed):
    """An incremental update: the objects in changed (num -> body) appended
    with their own xref section pointing back to prev_x."""
    out = bytearray(base)
    offs = {}
    for n, body in sorted(changed.items()):
        offs[n] = len(out)
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    x = len(out)
    out += b"xref\n"
    for n in sorted(offs):
        out += b"%d 1\n%010d 00000 n \n" % (n, offs[n])
    out += (b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n"
            % (size, root, info, prev_x, x))
    return bytes(out)


def png_rows(data, cols, kind):
    """data in rows of cols bytes, each behind a PNG filter byte: 0 (None)
    or 2 (Up, each byte less the one above), as /Predictor 12 wants."""
    out, prev = bytearray(), bytes(cols)
    for i in range(0, len(data), cols):
        row = data[i:i + cols]
        out.append(kind)
        out += row if kind == 0 else bytes((a - b) & 255 for a, b in zip(row, prev))
        prev = row
    return bytes(out)


def objstm_body(objs, predictor=False):
    """An object stream (PDF 1.5) holding objs (num -> body, no streams);
    with predictor, Flate behind PNG predictors (docscreen-pdf's own scan
    does not read those: only the cross-reference stream tells its objects)."""
    head, data = [], bytearray()
    for n, body in sorted(objs.items()):
        head.append(b"%d %d" % (n, len(data)))
        data += body + b"\n"
    h = b" ".join(head) + b"\n"
    if predictor:
        comp = zlib.compress(png_rows(h + bytes(data), 1, 0))
        return (b"<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /DecodeParms << /Predictor"
                b" 12 /Columns 1 >> /Length %d >>\nstream\n" % (len(objs), len(h), len(comp)) +
                comp + b"\nendstream")
    comp = zlib.compress(h + bytes(data))
    return (b"<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>\nstream\n"
            % (len(objs), len(h), len(comp)) + comp + b"\nendstream")


def write_compressed(objs, root, info, base=b"", prev_x=None, size=None, predictor=False):
    """objs (num -> body) as a PDF 1.5 section: streams as objects of their
    own, every other object in one object stream, and a cross-reference
    stream. With base, an incremental update appended to it (/Prev prev_x):
    only objs are listed. With predictor, both streams behind PNG predictors
    (/Predictor 12, as many writers save them). Returns (bytes, xref offset, size)."""
    out = bytearray(base or b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    size = max(size or 0, max(objs) + 1)
    stm, xnum = size, size + 1
    size += 2
    entries = {}
    inside = sorted(n for n, b in objs.items() if b"\nstream\n" not in b)
    for n in sorted(objs):
        if n not in inside:
            entries[n] = (1, len(out), 0)
            out += b"%d 0 obj\n" % n + objs[n] + b"\nendobj\n"
    for i, n in enumerate(inside):
        entries[n] = (2, stm, i)
    entries[stm] = (1, len(out), 0)
    out += (b"%d 0 obj\n" % stm + objstm_body({n: objs[n] for n in inside}, predictor) +
            b"\nendobj\n")
    x = len(out)
    entries[xnum] = (1, x, 0)
    if not base:
        entries[0] = (0, 0, 65535)
    rows = b"".join(struct.pack(">BIH", *entries[n]) for n in sorted(entries))
    index = b" ".join(b"%d 1" % n for n in sorted(entries))
    comp = zlib.compress(png_rows(rows, 7, 2) if predictor else rows)
    d = (b"<< /Type /XRef /Size %d /W [1 4 2] /Index [%s] /Root %d 0 R /Info %d 0 R%s"
         b" /Filter /FlateDecode%s /Length %d >>"
         % (size, index, root, info, b" /Prev %d" % prev_x if base else b"",
            b" /DecodeParms << /Columns 7 /Predictor 12 >>" if predictor else b"", len(comp)))
    out += b"%d 0 obj\n" % xnum + d + b"\nstream\n" + comp + b"\nendstream\nendobj\n"
    out += b"startxref\n%d\n%%%%EOF\n" % x
    return bytes(out), x, size


def info_obj(w, producer="docscreen pdfgen", creator="docscreen pdfgen"):
    return w.add(b"<< /Producer %s /Creator %s >>" % (pdf_str(producer).encode(),
                                                      pdf_str(creator).encode()))


# ------------------------------------------------------------------ scanned

def image_xobject(w, img, codec):
    if codec == "jpegfile":  # img is (JPEG bytes, width, height[, mode]): embedded as they are
        data, width, height = img[:3]
        cs = b"/DeviceRGB" if len(img) > 3 and img[3] == "RGB" else b"/DeviceGray"
        return w.stream(b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace "
                        b"%s /BitsPerComponent 8 /Filter /DCTDecode" % (width, height, cs), data)
    if codec == "dct":
        buf = io.BytesIO()
        mode = "RGB" if img.mode == "RGB" else "L"
        img.convert(mode).save(buf, "JPEG", quality=88)
        cs = b"/DeviceRGB" if mode == "RGB" else b"/DeviceGray"
        return w.stream(b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s "
                        b"/BitsPerComponent 8 /Filter /DCTDecode" % (img.width, img.height, cs),
                        buf.getvalue())
    if codec == "flate":
        g = img.convert("L")
        return w.stream(b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace "
                        b"/DeviceGray /BitsPerComponent 8 /Filter /FlateDecode"
                        % (g.width, g.height), zlib.compress(g.tobytes(), 6))
    if codec == "ccitt":
        bw = img.convert("L").point(lambda v: 255 if v > 140 else 0).convert("1")
        buf = io.BytesIO()
        TiffImagePlugin.STRIP_SIZE = 1 << 30  # one strip: the whole page's fax data
        bw.save(buf, "TIFF", compression="group4")
        t = Image.open(io.BytesIO(buf.getvalue()))
        offs, counts = t.tag_v2[273], t.tag_v2[279]
        if len(offs) != 1:
            raise SystemExit("pdfgen: the G4 TIFF has several strips")
        data = buf.getvalue()[offs[0]:offs[0] + counts[0]]
        # PIL writes MinIsBlack: decoded as PDF says, its fax data has 1 for black.
        black1 = b"true" if t.tag_v2.get(262, 0) == 1 else b"false"
        return w.stream(b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace "
                        b"/DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms "
                        b"<< /K -1 /Columns %d /Rows %d /BlackIs1 %s >>"
                        % (bw.width, bw.height, bw.width, bw.height, black1), data)
    if codec == "jbig2":
        # A JBIG2 page as PDF embeds it: a page information segment and one
        # immediate lossless generic region coded with MMR, which is CCITT
        # Group 4 (T.6): the fax data PIL writes.
        bw = img.convert("L").point(lambda v: 255 if v > 140 else 0).convert("1")
        buf = io.BytesIO()
        TiffImagePlugin.STRIP_SIZE = 1 << 30
        bw.save(buf, "TIFF", compression="group4")
        t = Image.open(io.BytesIO(buf.getvalue()))
        mmr = buf.getvalue()[t.tag_v2[273][0]:t.tag_v2[273][0] + t.tag_v2[279][0]]

        def segment(number, kind, data):
            return struct.pack(">IBBBI", number, kind, 0, 1, len(data)) + data
        page = struct.pack(">IIIIBH", bw.width, bw.height, 0, 0, 0, 0)
        region = struct.pack(">IIIIB", bw.width, bw.height, 0, 0, 0) + b"\x01" + mmr
        data = segment(0, 48, page) + segment(1, 39, region) + segment(2, 49, b"")
        return w.stream(b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace "
                        b"/DeviceGray /BitsPerComponent 1 /Filter /JBIG2Decode%s"
                        % (bw.width, bw.height,
                           b" /Decode [1 0]" if t.tag_v2.get(262, 0) == 1 else b""), data)
    raise ValueError(codec)


def scanned_pdf(images, producer="docscreen pdfgen scanner"):
    """images: [(PIL image, dpi, codec)] -> PDF bytes, one page each."""
    w = Writer()
    pages_num = 2
    w.add(b"<< /Type /Catalog /Pages 2 0 R >>", 1)
    w.add(b"", 2)
    kids = []
    for img, dpi, codec in images:
        im = image_xobject(w, img, codec)
        iw, ih = (img[1], img[2]) if codec == "jpegfile" else (img.width, img.height)
        pw, ph = iw * 72.0 / dpi, ih * 72.0 / dpi
        c = w.stream(b"", b"q %.3f 0 0 %.3f 0 0 cm /Im0 Do Q" % (pw, ph))
        kids.append(w.add(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.3f %.3f] /Contents %d 0 R"
                          b" /Resources << /XObject << /Im0 %d 0 R >> >> >>" % (pw, ph, c, im)))
    w.objs[pages_num] = (b"<< /Type /Pages /Kids [%s] /Count %d >>"
                         % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)))
    info = info_obj(w, producer, producer)
    return w.write(1, info)[0]


def scan_page(r, dpi):
    """A letter-size scanned page with a few lines of text."""
    W, H = int(8.27 * dpi), int(11.69 * dpi)
    img = Image.new("L", (W, H), 245)
    d = ImageDraw.Draw(img)
    try:
        f = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", int(dpi * 0.16))
    except OSError:
        f = ImageFont.load_default()
    y = int(dpi * 0.8)
    for i in range(12):
        d.text((int(dpi * 0.8), y), "Line %d  reference %06d  amount %d.%02d" %
               (i + 1, r.randint(0, 999999), r.randint(1, 9999), r.randint(0, 99)), fill=20, font=f)
        y += int(dpi * 0.35)
    return img


def resaved_scan(r, dpi):
    """A scanned page as its scanner saved it (JPEG quality 70), then opened
    in an editor, one amount painted over and typed again, and saved as
    JPEG again at quality 92: the JPEG bytes a PDF of the edited scan
    embeds. Returns (JPEG bytes, width, height, mode)."""
    img = scan_page(r, dpi)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=70)
    buf.seek(0)
    img = Image.open(buf)
    img.load()
    d = ImageDraw.Draw(img)
    try:
        f = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", int(dpi * 0.16))
    except OSError:
        f = ImageFont.load_default()
    y = int(dpi * 0.8) + int(dpi * 0.35) * r.randint(0, 11)
    d.rectangle((int(dpi * 4.3), y - 2, int(dpi * 7.5), y + int(dpi * 0.22)), fill=245)
    d.text((int(dpi * 4.3), y), "amount %d.%02d" % (r.randint(1, 9999), r.randint(0, 99)),
           fill=20, font=f)
    out = io.BytesIO()
    img.save(out, "JPEG", quality=92)
    return out.getvalue(), img.width, img.height, "L"


# ------------------------------------------------------------ born digital

def statement_runs(r, rows=14):
    """A bank statement page as text runs (x, top, font key, size, text) in
    points from the top left of an A4 page, and the amounts' run indices."""
    runs = [(56, 60, "F4", 16, "Northbank plc"), (56, 84, "F1", 10, "Statement of account"),
            (56, 100, "F1", 10, "Account 4023 %04d %04d" % (r.randint(0, 9999), r.randint(0, 9999))),
            (400, 100, "F1", 10, "Period 01/03/2026 - 31/03/2026"),
            (56, 140, "F4", 10, "Date"), (130, 140, "F4", 10, "Description"),
            (400, 140, "F4", 10, "Amount"), (480, 140, "F4", 10, "Balance")]
    payees = ["TESCO STORES", "COUNCIL TAX", "THAMES WATER", "SALARY ACME LTD", "TFL TRAVEL",
              "RENT PAYMENT", "VODAFONE LTD", "SAINSBURYS", "DIRECT DEBIT EDF", "NETFLIX COM"]
    balance = r.randint(50000, 500000) / 100.0
    amounts = []
    top = 160
    for i in range(rows):
        amount = r.randint(100, 250000) / 100.0
        balance += amount if r.random() < 0.3 else -amount
        date = "%02d/03/2026" % (1 + i * 2 % 28)
        a_txt, b_txt = "{:,.2f}".format(amount), "{:,.2f}".format(balance)
        runs.append((56, top, "F1", 10, date))
        runs.append((130, top, "F1", 10, r.choice(payees)))
        runs.append((450 - text_width(a_txt, "Helvetica", 10), top, "F1", 10, a_txt))
        amounts.append(len(runs) - 1)
        runs.append((540 - text_width(b_txt, "Helvetica", 10), top, "F1", 10, b_txt))
        top += 18
    return runs, amounts


def runs_content(runs, page_h=842, extra=b""):
    out = bytearray()
    for x, top, font, size, text in runs:
        out += b"BT /%s %d Tf %.2f %.2f Td %s Tj ET\n" % (font.encode(), size, x,
                                                          page_h - top - size * 0.8,
                                                          pdf_str(text).encode("latin-1"))
    return bytes(out) + extra


def latin1(text):
    """The text in the base-14 fonts' WinAnsi repertoire: letters outside it
    lose their marks (the ICAO transliteration keeps such a name the same
    person: LUKASZ for ŁUKASZ)."""
    out = []
    for c in text:
        try:
            c.encode("latin-1")
            out.append(c)
        except UnicodeEncodeError:
            base = unicodedata.normalize("NFKD", c)[0]
            out.append({"Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "ı": "i"}.get(c, base)
                       if base.encode("latin-1", "ignore") or c in "ŁłĐđı" else "?")
    return "".join(out)


def supportdocs_runs(runs):
    """samples/supportdocs.py text runs (top-left corner in points, a font
    file) as this file's runs: serif fonts as Times, monospaced as Courier,
    the rest as Helvetica."""
    out = []
    for run in runs:
        font = run["font"].lower()
        key = "F2" if "mono" in font else "F3" if ("serif" in font or "roman" in font) and \
            "sans" not in font else "F1"
        out.append((run["x_pt"], run["y_pt"], key, int(round(run["size_pt"])), latin1(run["text"])))
    return out


def born_pdf(pages_runs, producer="Northbank statements 4.2", creator="Northbank eStatement",
             compressed=False):
    """pages_runs: [content bytes] -> (PDF bytes, xref offset, size, page and content numbers,
    and with compressed, the objects: PDF 1.5 object and cross-reference streams)."""
    w = Writer()
    w.add(b"<< /Type /Catalog /Pages 2 0 R >>", 1)
    w.add(b"", 2)
    fonts = b" ".join(b"/%s %d 0 R" % (k.encode(), w.add(b"<< /Type /Font /Subtype /Type1 /BaseFont "
                                                          b"/%s /Encoding /WinAnsiEncoding >>"
                                                          % v.encode()))
                      for k, v in sorted(FONTS.items()))
    kids, contents = [], []
    for content in pages_runs:
        c = w.stream(b"", content)
        contents.append(c)
        kids.append(w.add(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                          b"/Resources << /Font << %s >> >> >>" % (c, fonts)))
    w.objs[2] = (b"<< /Type /Pages /Kids [%s] /Count %d >>"
                 % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)))
    info = info_obj(w, producer, creator)
    if compressed:
        data, x, size = write_compressed(w.objs, 1, info)
        return data, x, size, info, kids, contents, w.objs
    data, x, size = w.write(1, info)
    return data, x, size, info, kids, contents


def objstm_updates(r):
    """A two-page statement saved with object streams (PDF 1.5), and three
    incremental updates of it, each saved the same way: an amount on page 2
    edited (a new content stream; page 2's dictionary, in an object stream,
    points to it), page 1's font swapped (only objects inside an object
    stream change), and new metadata (no page changed)."""
    pages = [statement_runs(r) for _ in range(2)]
    base, x, size, info, kids, contents, objs = born_pdf([runs_content(p[0]) for p in pages],
                                                         compressed=True)
    out = {"born-objstm": (base, [], None)}
    runs, amounts = pages[1]
    runs = list(runs)
    i = r.choice(amounts)
    rx, top, font, fsize, old = runs[i]
    new = old
    while new == old:
        new = "{:,.2f}".format(r.randint(100, 250000) / 100.0)
    runs[i] = (rx + text_width(old, "Helvetica", fsize) - text_width(new, "Helvetica", fsize),
               top, font, fsize, new)
    content = runs_content(runs)
    cnum = size + 10
    page = objs[kids[1]].replace(b"/Contents %d 0 R" % contents[1], b"/Contents %d 0 R" % cnum)
    out["updated-objstm"] = (write_compressed(
        {cnum: b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
         kids[1]: page}, 1, info, base, x, size)[0], [1], {"layer": old, "printed": new})
    fnum = size + 10
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Oblique /Encoding /WinAnsiEncoding >>"
    f1 = [n for n, b in objs.items() if b"/BaseFont /Helvetica " in b][0]
    page = objs[kids[0]].replace(b"/F1 %d 0 R" % f1, b"/F1 %d 0 R" % fnum)
    out["restyled-objstm"] = (write_compressed({fnum: font, kids[0]: page}, 1, info, base, x,
                                               size)[0], [0], None)
    # the same update with its object stream behind a predictor: only the
    # cross-reference stream says page 1's dictionary is in it
    out["restyled-predictor"] = (write_compressed({fnum: font, kids[0]: page}, 1, info, base, x,
                                                  size, predictor=True)[0], [0], None)
    meta = b"<< /Producer (Northbank statements 4.2) /Creator (Northbank eStatement) /Title (Statement) >>"
    out["metadata-objstm"] = (write_compressed({info: meta}, 1, info, base, x, size)[0], [], None)
    return out


def overwritten(r):
    runs, amounts = statement_runs(r)
    i = r.choice(amounts)
    x, top, font, size, old = runs[i]
    new = old
    while new == old:
        new = "{:,.2f}".format(r.randint(100, 250000) / 100.0)
    # A white box over the old amount, the new one typed on the same spot.
    right = x + text_width(old, "Helvetica", size)
    box = b"1 g %.2f %.2f %.2f %.2f re f 0 g\n" % (x - 1, 842 - top - size - 1,
                                                    right - x + 2, size + 3)
    nx = right - text_width(new, "Helvetica", size)
    extra = box + runs_content([(nx, top, font, size, new)])
    return runs_content(runs, extra=extra), old, new


def fontswap(r):
    runs, amounts = statement_runs(r)
    i = r.choice(amounts)
    x, top, font, size, text = runs[i]
    while len(text) < 5:
        i = r.choice(amounts)
        x, top, font, size, text = runs[i]
    cut = len(text) - 4  # the last digits and the cents in Courier
    head, tail = text[:cut], text[cut:]
    runs[i] = (x, top, font, size, head)
    runs.append((x + text_width(head, "Helvetica", size), top, "F2", size, tail))
    return runs_content(runs), text


# ------------------------------------------ shared resources, xref, images

def notes_runs(r):
    """A third page of notes: Helvetica-Bold (F4) and one Courier (F2) line,
    never the statement's Helvetica (F1)."""
    return [(56, 60, "F4", 14, "Notes"), (56, 90, "F4", 10, "Rates are variable and may change."),
            (56, 110, "F2", 10, "Ref %08d" % r.randint(0, 99999999))]


def font_num(base, name):
    """The object number of the base-14 font name in born_pdf's output."""
    m = re.search(rb"(\d+) 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /%s /" % name.encode(),
                  base)
    return int(m.group(1))


def append_full(base, size, root, info, prev_x, changed, extra=b"", wrong=None):
    """An incremental update that lists every object in its xref table, the
    unchanged ones at their old offsets (as some writers save), the objects
    in changed (num -> body) at their new ones. extra: bytes appended before
    the table that no entry lists; wrong (num, other): num's entry points at
    object other's header (a hand edit)."""
    offs = {int(m.group(1)): m.start() for m in re.finditer(rb"(?m)^(\d+) 0 obj", base)}
    out = bytearray(base)
    for n, body in sorted(changed.items()):
        offs[n] = len(out)
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    out += extra
    if wrong:
        offs[wrong[0]] = offs[wrong[1]]
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for n in range(1, size):
        out += (b"%010d 00000 n \n" % offs[n]) if n in offs else b"0000000000 65535 f \n"
    out += (b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n"
            % (size, root, info, prev_x, x))
    return bytes(out)


def shared_updates(r):
    """A three-page statement (two pages of amounts in Helvetica, a page of
    notes in Helvetica-Bold and Courier; every page lists all four fonts)
    and updates of it: the Helvetica font object redefined (shared by
    pages 1 and 2, which set it; page 3 lists it and never uses it), the
    Courier font redefined (listed by every page, set on page 3 only), an
    amount's content stream replaced in an update that lists every object
    again (unchanged ones at their old offsets), and the same by a hand
    that added an object no entry lists and pointed the metadata's entry at
    another object (PDF_XREF_MISMATCH)."""
    runs = [statement_runs(r)[0], statement_runs(r)[0], notes_runs(r)]
    base, x, size, info, kids, contents = born_pdf([runs_content(p) for p in runs])
    f1, f2 = font_num(base, "Helvetica"), font_num(base, "Courier")
    out = {"born-three": (base, None)}
    oblique = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Oblique /Encoding /WinAnsiEncoding >>"
    bold = b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier-Bold /Encoding /WinAnsiEncoding >>"
    out["sharedfont"] = (append_revision(base, x, size, 1, info, {f1: oblique}),
                         {"changed_pages": [], "shared": [{"object": f1, "pages": [0, 1]}]})
    out["onefont"] = (append_revision(base, x, size, 1, info, {f2: bold}),
                      {"changed_pages": [2], "shared": []})
    page0 = list(runs[0])
    i = next(k for k, run in enumerate(page0) if re.match(r"^[\d,]+\.\d\d$", run[4]) and k > 8)
    rx, top, font, fsize, old = page0[i]
    page0[i] = (rx, top, font, fsize, "{:,.2f}".format(r.randint(100, 250000) / 100.0))
    content = runs_content(page0)
    body = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
    out["relisted"] = (append_full(base, size, 1, info, x, {contents[0]: body}),
                       {"changed_pages": [0], "shared": []})
    out["handedit"] = (append_full(base, size, 1, info, x, {contents[0]: body},
                                   extra=b"%d 0 obj\n<< /Note (added by hand) >>\nendobj\n" % (size + 5),
                                   wrong=(kids[2], kids[1])),
                       {"changed_pages": [0], "shared": [], "xref_mismatch": True})
    return out


def photo(r, w, h):
    """A synthetic ID photo: a lit background, a head and shoulders, fine
    texture (a face's and a print's grain), as RGB."""
    img = Image.new("RGB", (w, h))
    px = img.load()
    for y in range(h):
        for x in range(w):
            g = 150 + int(60 * y / h)
            px[x, y] = (g - 20 + r.randint(-6, 6), g - 10 + r.randint(-6, 6), g + r.randint(-6, 6))
    d = ImageDraw.Draw(img)
    d.ellipse((w * 0.05, h * 0.68, w * 0.95, h * 1.3), fill=(40, 50, 80))
    d.ellipse((w * 0.28, h * 0.18, w * 0.72, h * 0.72), fill=(205, 160, 130))
    d.ellipse((w * 0.26, h * 0.10, w * 0.74, h * 0.36), fill=(60, 40, 30))
    for ex in (0.40, 0.60):
        d.ellipse((w * (ex - 0.04), h * 0.40, w * (ex + 0.04), h * 0.45), fill=(40, 30, 30))
    d.line((w * 0.42, h * 0.60, w * 0.58, h * 0.60), fill=(150, 70, 70), width=max(2, w // 60))
    noise = Image.effect_noise((w, h), 18).convert("RGB")
    return Image.blend(img, noise, 0.12)


def letter_with_photo(r, jpeg, iw, ih, rect, mode="RGB"):
    """A born-digital letter (Helvetica text) with a JPEG (DCT) photo (mode
    "RGB" or "L") drawn at rect (x, top, width, height in points from the
    top left)."""
    w = Writer()
    w.add(b"<< /Type /Catalog /Pages 2 0 R >>", 1)
    w.add(b"", 2)
    fnum = w.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    im = w.stream(b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /%s "
                  b"/BitsPerComponent 8 /Filter /DCTDecode"
                  % (iw, ih, b"DeviceGray" if mode == "L" else b"DeviceRGB"), jpeg)
    runs = [(56, 60, "F1", 14, "Residence permit application"),
            (56, 90, "F1", 10, "Applicant reference %08d" % r.randint(0, 99999999)),
            (56, 110, "F1", 10, "Submitted 02/03/2026"),
            (56, 300, "F1", 10, "The photograph above was supplied by the applicant.")]
    x, top, pw, ph = rect
    draw = b"q %.2f 0 0 %.2f %.2f %.2f cm /Im1 Do Q\n" % (pw, ph, x, 842 - top - ph)
    c = w.stream(b"", runs_content(runs, extra=draw))
    page = w.add(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                 b"/Resources << /Font << /F1 %d 0 R >> /XObject << /Im1 %d 0 R >> >> >>"
                 % (c, fnum, im))
    w.objs[2] = b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % page
    info = info_obj(w, "Northbank letters 2.0", "Northbank letters")
    return w.write(1, info)[0]


def photo_letters(r):
    """A letter with an ID photo saved once as JPEG (genuine), and one whose
    photo was saved at quality 70, a part of the face pasted over from
    another photo, and saved again at 92 (IMAGE_EDITED on the page, with
    the photo's box)."""
    iw, ih = 480, 600
    rect = (400, 130, 120, 150)
    buf = io.BytesIO()
    photo(r, iw, ih).save(buf, "JPEG", quality=85)
    out = {"photo": (letter_with_photo(r, buf.getvalue(), iw, ih, rect), None)}
    first = io.BytesIO()
    photo(r, iw, ih).save(first, "JPEG", quality=70)
    first.seek(0)
    img = Image.open(first)
    img.load()
    img.paste(photo(r, iw, ih).crop((160, 200, 320, 320)), (160, 200))
    second = io.BytesIO()
    img.save(second, "JPEG", quality=92)
    out["pasted"] = (letter_with_photo(r, second.getvalue(), iw, ih, rect), rect)
    return out


# --------------------------------------------------------------- bad files

def rc4(key, data):
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    i = j = 0
    out = bytearray()
    for c in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(c ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def encrypted_pdf():
    """Standard security handler, revision 2 (40-bit RC4), user password
    "secret": no reader opens it without the password."""
    user, owner = b"secret", b"owner-secret"
    okey = hashlib.md5((owner + PAD)[:32]).digest()[:5]
    O = rc4(okey, (user + PAD)[:32])
    P = -44
    fid = hashlib.md5(b"docscreen pdfgen encrypted").digest()
    key = hashlib.md5((user + PAD)[:32] + O + struct.pack("<i", P) + fid).digest()[:5]
    U = rc4(key, PAD)
    w = Writer()
    w.add(b"<< /Type /Catalog /Pages 2 0 R >>", 1)
    w.add(b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", 2)
    w.add(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>", 3)
    content = b"BT /F1 12 Tf 72 700 Td (secret) Tj ET"
    okey4 = hashlib.md5(key + struct.pack("<i", 4)[:3] + b"\0\0").digest()[:10]
    w.stream(b"", rc4(okey4, content), 4)
    enc = w.add(b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>"
                % (O.hex().encode(), U.hex().encode(), P))
    data, x, size = w.write(1)
    tail = b"trailer\n<< /Size %d /Root 1 0 R >>" % size
    idhex = fid.hex().encode()
    return data.replace(tail, b"trailer\n<< /Size %d /Root 1 0 R /Encrypt %d 0 R /ID [<%s> <%s>] >>"
                        % (size, enc, idhex, idhex))


def simple_pdf(pages_obj, extra=None):
    w = Writer()
    w.add(b"<< /Type /Catalog /Pages 2 0 R >>", 1)
    w.add(pages_obj, 2)
    for n, body in (extra or {}).items():
        w.add(body, n)
    return w.write(1)[0]


def bomb_image_pdf():
    """A 100x100 gray image whose Flate stream inflates to 300 MB."""
    co = zlib.compressobj(9)
    chunk = b"\0" * (1 << 20)
    data = b"".join(co.compress(chunk) for _ in range(300)) + co.flush()
    w = Writer()
    w.add(b"<< /Type /Catalog /Pages 2 0 R >>", 1)
    w.add(b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", 2)
    w.add(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] /Contents 4 0 R "
          b"/Resources << /XObject << /Im0 5 0 R >> >> >>", 3)
    w.stream(b"", b"q 72 0 0 72 0 0 cm /Im0 Do Q", 4)
    w.stream(b"/Type /XObject /Subtype /Image /Width 100 /Height 100 /ColorSpace /DeviceGray "
             b"/BitsPerComponent 8 /Filter /FlateDecode", data, 5)
    return w.write(1)[0]


def bomb_content_pdf():
    """A page whose content stream inflates to 300 MB of spaces."""
    co = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    data = b"".join(co.compress(chunk) for _ in range(300)) + co.flush()
    w = Writer()
    w.add(b"<< /Type /Catalog /Pages 2 0 R >>", 1)
    w.add(b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", 2)
    w.add(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>", 3)
    w.stream(b"/Filter /FlateDecode", data, 4)
    return w.write(1)[0]


def many_pages_pdf(n=10000):
    w = Writer()
    w.add(b"<< /Type /Catalog /Pages 2 0 R >>", 1)
    w.add(b"", 2)
    c = w.stream(b"", b"")
    kids = [w.add(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R >>" % c)
            for _ in range(n)]
    w.objs[2] = (b"<< /Type /Pages /Kids [%s] /Count %d >>"
                 % (b" ".join(b"%d 0 R" % k for k in kids), n))
    return w.write(1)[0]


def huge_image_pdf():
    """A page image that declares 60000 x 60000 pixels (a 10-byte JPEG)."""
    w = Writer()
    w.add(b"<< /Type /Catalog /Pages 2 0 R >>", 1)
    w.add(b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", 2)
    w.add(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
          b"/Resources << /XObject << /Im0 5 0 R >> >> >>", 3)
    w.stream(b"", b"q 595 0 0 842 0 0 cm /Im0 Do Q", 4)
    w.stream(b"/Type /XObject /Subtype /Image /Width 60000 /Height 60000 /ColorSpace /DeviceGray "
             b"/BitsPerComponent 8 /Filter /DCTDecode", b"\xff\xd8\xff\xd9", 5)
    return w.write(1)[0]


def bad_files(r):
    genuine = born_pdf([runs_content(statement_runs(r)[0])])[0]
    return {
        "encrypted": (encrypted_pdf(), "ERR_PDF_ENCRYPTED"),
        "broken": (b"%PDF-1.7\n" + bytes(r.randrange(256) for _ in range(4000)), "ERR_CORRUPT"),
        "truncated": (genuine[: len(genuine) * 2 // 5], "ERR_CORRUPT"),
        "no-pages": (simple_pdf(b"<< /Type /Pages /Kids [] /Count 0 >>"), "ERR_PDF_NO_PAGES"),
        "flate-bomb": (bomb_image_pdf(), "ERR_PDF_LIMIT"),
        "content-bomb": (bomb_content_pdf(), "ERR_PDF_LIMIT"),
        "page-loop": (simple_pdf(b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                                 {3: b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>"}),
                      "ERR_CORRUPT"),
        "many-pages": (many_pages_pdf(), "ERR_TOO_MANY_PAGES"),
        "huge-image": (huge_image_pdf(), "ERR_PIXEL_LIMIT"),
    }


# -------------------------------------------------------------------- main

def save(out, name, data, truth):
    with open(os.path.join(out, name), "wb") as fh:
        fh.write(data)
    truth = dict({"file": name}, **truth)
    with open(os.path.join(out, name[:-4] + ".json"), "w") as fh:
        json.dump(truth, fh, indent=1, sort_keys=True)
        fh.write("\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--count", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--demo", nargs=3, metavar="PAGE")
    ap.add_argument("--bench", type=int, metavar="N", help="only the benchmark set of N pages")
    ap.add_argument("--no-bad", action="store_true", help="skip bad/ (its bombs take a few seconds)")
    ap.add_argument("--born-from", nargs="+", metavar="TRUTH.json",
                    help="born-digital PDFs of samples/supportdocs.py pages, from their text runs")
    ap.add_argument("--photos-from", nargs="+", metavar="JPEG",
                    help="born-digital letters each with one of these JPEG files placed on it")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    r = random.Random(a.seed)
    if a.photos_from:
        # Real JPEG files, each placed as it is on a born-digital letter
        # (bench/pdf.py: the image forensics of placed images on genuine ones)
        for path in a.photos_from:
            img = Image.open(path)
            if img.mode not in ("RGB", "L"):
                continue
            w = 160.0
            h = min(300.0, w * img.height / img.width)
            with open(path, "rb") as fh:
                data = fh.read()
            name = os.path.splitext(os.path.basename(path))[0]
            save(a.out, "placed-%s.pdf" % name,
                 letter_with_photo(r, data, img.width, img.height, (380, 130, w, h), img.mode),
                 {"kind": "placed", "source": os.path.basename(path), "pages": 1, "error": None,
                  "defects": []})
        return
    if a.born_from:
        for path in a.born_from:
            if path.endswith(".case.json"):
                continue  # a page's case record, passed along by a glob
            with open(path) as fh:
                truth = json.load(fh)
            name = os.path.splitext(os.path.basename(path))[0]
            with open(os.path.join(a.out, name + ".pdf"), "wb") as fh:
                fh.write(born_pdf([runs_content(supportdocs_runs(truth["runs"]))])[0])
        return
    if a.bench:
        # N scanned pages as JPEG files and as one PDF that embeds the same
        # bytes, and an N-page born-digital statement: make bench's PDF line.
        pages = []
        for i in range(a.bench):
            img = scan_page(r, 200)
            buf = io.BytesIO()
            img.save(buf, "JPEG", quality=88, dpi=(200, 200))
            with open(os.path.join(a.out, "page-%02d.jpg" % i), "wb") as fh:
                fh.write(buf.getvalue())
            pages.append(((buf.getvalue(), img.width, img.height), 200, "jpegfile"))
        save(a.out, "scanned-%d.pdf" % a.bench, scanned_pdf(pages),
             {"kind": "scanned", "codec": "dct", "pages": a.bench, "error": None, "defects": []})
        born = [runs_content(statement_runs(r, rows=30)[0]) for _ in range(a.bench)]
        save(a.out, "born-%d.pdf" % a.bench, born_pdf(born)[0],
             {"kind": "born", "pages": a.bench, "error": None, "defects": []})
        return
    if a.demo:
        images = []
        for path in a.demo:
            # The JPEG bytes as they are; the resolution from the file, else
            # from its truth JSON (samples/supporting.py writes it there).
            img = Image.open(path)
            dpi = (img.info.get("dpi") or (0, 0))[0]
            side = os.path.splitext(path)[0] + ".json"
            if not dpi and os.path.exists(side):
                with open(side) as fh:
                    dpi = json.load(fh).get("dpi", 0)
            with open(path, "rb") as fh:
                data = fh.read()
            images.append(((data, img.width, img.height, img.mode), int(round(dpi or 300)),
                           "jpegfile"))
        save(a.out, "demo.pdf", scanned_pdf(images),
             {"kind": "scanned", "codec": "dct", "pages": 3, "error": None, "defects": []})
        return
    for n in range(a.count):
        for codec in ("dct", "flate", "ccitt", "jbig2"):
            dpi = r.choice([150, 200, 300])
            save(a.out, "scanned-%s-%d.pdf" % (codec, n), scanned_pdf([(scan_page(r, dpi), dpi, codec)]),
                 {"kind": "scanned", "codec": codec, "dpi": dpi, "pages": 1, "error": None,
                  "defects": []})
        runs, _ = statement_runs(r)
        save(a.out, "born-%d.pdf" % n, born_pdf([runs_content(runs)])[0],
             {"kind": "born", "pages": 1, "error": None, "defects": []})
        content, old, new = overwritten(r)
        save(a.out, "overwritten-%d.pdf" % n, born_pdf([content])[0],
             {"kind": "overwritten", "pages": 1, "error": None,
              "defects": [{"code": "PDF_TEXT_MISMATCH", "page": 0, "layer": old, "printed": new}]})
        content, number = fontswap(r)
        save(a.out, "fontswap-%d.pdf" % n, born_pdf([content])[0],
             {"kind": "fontswap", "pages": 1, "error": None,
              "defects": [{"code": "PDF_FONT_MIX", "page": 0, "number": number}]})
        runs, amounts = statement_runs(r)
        base, x, size, info, kids, contents = born_pdf([runs_content(runs)])
        i = r.choice(amounts)
        rx, top, font, fsize, old = runs[i]
        runs[i] = (rx, top, font, fsize, "{:,.2f}".format(r.randint(100, 250000) / 100.0))
        content = runs_content(runs)
        body = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
        save(a.out, "updated-%d.pdf" % n, append_revision(base, x, size, 1, info, {contents[0]: body}),
             {"kind": "updated", "pages": 1, "error": None,
              "defects": [{"code": "PDF_INCREMENTAL_UPDATE", "page": 0, "revisions": 2}]})
        dpi = r.choice([150, 200, 300])
        save(a.out, "scanned-resaved-%d.pdf" % n, scanned_pdf([(resaved_scan(r, dpi), dpi, "jpegfile")]),
             {"kind": "resaved", "codec": "dct", "dpi": dpi, "pages": 1, "error": None,
              "defects": [{"code": "IMAGE_EDITED", "page": 0, "first_quality": 70,
                           "quality": 92}]})
        for name, (data, changed, edit) in objstm_updates(r).items():
            if not changed and name.startswith("born"):
                truth = {"kind": "born", "pages": 2, "error": None, "defects": []}
            else:
                defect = {"code": "PDF_INCREMENTAL_UPDATE", "page": changed[0] if changed else 0,
                          "revisions": 2, "changed_pages": changed,
                          "severity": "warning" if changed else "info"}
                truth = {"kind": name.split("-")[0], "pages": 2, "error": None,
                         "defects": [dict(defect, **(edit or {}))]}
            save(a.out, "%s-%d.pdf" % (name, n), data, truth)
        # (a generator of their own: the files above stay as they were)
        r2 = random.Random(a.seed * 1000 + n + 17)
        for name, (data, truth) in shared_updates(r2).items():
            if truth is None:
                save(a.out, "%s-%d.pdf" % (name, n), data,
                     {"kind": "born", "pages": 3, "error": None, "defects": []})
                continue
            changed = truth["changed_pages"]
            first = changed[0] if changed else min(p for sh in truth["shared"] for p in sh["pages"])
            defects = [dict({"code": "PDF_INCREMENTAL_UPDATE", "page": first, "revisions": 2,
                             "severity": "warning"}, **truth)]
            if truth.get("xref_mismatch"):
                defects.append({"code": "PDF_XREF_MISMATCH", "page": 0, "severity": "info"})
            save(a.out, "%s-%d.pdf" % (name, n), data,
                 {"kind": name, "pages": 3, "error": None, "defects": defects})
        for name, (data, rect) in photo_letters(r2).items():
            defects = [] if rect is None else [{"code": "IMAGE_EDITED", "page": 0, "box_pt": list(rect),
                                                "first_quality": 70, "quality": 92}]
            save(a.out, "%s-%d.pdf" % (name, n), data,
                 {"kind": name, "pages": 1, "error": None, "defects": defects})
    if not a.no_bad:
        bad = os.path.join(a.out, "bad")
        os.makedirs(bad, exist_ok=True)
        for name, (data, err) in bad_files(r).items():
            save(bad, name + ".pdf", data, {"kind": "bad", "error": err, "defects": []})


if __name__ == "__main__":
    main()
