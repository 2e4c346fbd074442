"""Golden cases for `docscreen scan`, run by tests/golden/run.sh.

Two kinds of case:
- every bundled sample in samples/pages must read exactly as its ground
  truth (every MRZ line of every page, the document type, the parsed
  document number and dates), with a valid MRZ; screened on 2026-11-23 it
  is "clear" (exit 0) unless the truth says it has expired, when exactly
  DOC_EXPIRED is raised (exit 1);
- with a case record written as people write it (native spelling with
  diacritics, ICAO 'DEU' for Germany's 'D') no CASE_* flag is raised; with
  the birth date, name or document number changed, exactly that flag is;
- supporting documents (tests/golden/supporting: pages of
  samples/supporting.py, seed 7, each with its applicant's case record)
  have no MRZ (type OTHER), no high flag and no CASE_* flag, and their
  missing MRZ is information, not a warning;
- supporting pages with labelled defects (tests/golden/supportdocs: pages
  of samples/supportdocs.py) are classified as their type and raise
  exactly their defect's flag; a genuine one raises none, and raises
  SUPPORT_NAME_MISMATCH against another person's case record;
- every class of bad input (empty, truncated, not an image, a wrong
  extension, a decompression bomb, a directory, a missing file, bad usage)
  must give exit status 2 and, with --json, a report whose error code names
  the problem.
Prints one line per case and a closing 'N passed, N failed' line.
"""
import json
import shutil
import os
import struct
import subprocess
import sys
import tempfile
import zlib

TODAY = "2026-11-23"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
passed = failed = 0


def report(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print("ok   " + name)
    else:
        failed += 1
        print("FAIL " + name + (": " + detail if detail else ""))


def run(binary, args):
    p = subprocess.run([binary] + args, capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


def sample_cases(binary):
    pages_dir = os.path.join(ROOT, "samples", "pages")
    truths = sorted(f for f in os.listdir(pages_dir) if f.endswith(".json"))
    for tf in truths:
        with open(os.path.join(pages_dir, tf), encoding="utf-8") as fh:
            truth = json.load(fh)
        pages = truth["pages"] if "pages" in truth else [truth]
        path = os.path.join(pages_dir, truth["file"])
        code, out, _ = run(binary, ["scan", "--json", "--today", TODAY, path])
        name = "sample " + truth["file"]
        try:
            rep = json.loads(out)
        except ValueError:
            report(name, False, "output is not JSON")
            continue
        docs = rep.get("documents", [])
        problems = []
        if len(docs) != len(pages):
            problems.append("%d pages reported, %d expected" % (len(docs), len(pages)))
        for i, (doc, want) in enumerate(zip(docs, pages)):
            mrz = doc.get("mrz") or {}
            if mrz.get("lines") != want["mrz_lines"]:
                problems.append("page %d lines %r != %r" % (i, mrz.get("lines"), want["mrz_lines"]))
                continue
            if doc.get("type") != want["format"]:
                problems.append("page %d type %s != %s" % (i, doc.get("type"), want["format"]))
            if not mrz.get("valid"):
                problems.append("page %d MRZ not valid" % i)
            fields = mrz.get("fields", {})
            for key in ("document_number", "birth_date", "expiry_date", "surname", "given_names",
                        "issuing_state", "nationality", "sex"):
                if fields.get(key) != want["fields"].get(key):
                    problems.append("page %d %s %r != %r" % (i, key, fields.get(key),
                                                              want["fields"].get(key)))
        expired = any(p.get("expired") for p in pages)
        codes = sorted(f["code"] for f in rep.get("flags", []))
        want_codes = ["DOC_EXPIRED"] * sum(1 for p in pages if p.get("expired"))
        if codes != want_codes:
            problems.append("flags %s, expected %s" % (codes, want_codes))
        want_exit, want_verdict = (1, "review") if expired else (0, "clear")
        if code != want_exit or rep.get("verdict") != want_verdict:
            problems.append("exit %d verdict %s" % (code, rep.get("verdict")))
        report(name, not problems, "; ".join(problems))
        if len(pages) == 1:
            case_cases(binary, path, truth)


def case_flags(binary, path, record):
    fd, case_path = tempfile.mkstemp(suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(record, fh, ensure_ascii=False)
    code, out, err = run(binary, ["scan", "--json", "--today", TODAY, "--no-viz", "--no-barcodes",
                                  "--case", case_path, path])
    os.unlink(case_path)
    try:
        rep = json.loads(out)
    except ValueError:
        return code, None
    return code, sorted(f["code"] for f in rep.get("flags", []) if f["code"].startswith("CASE_"))


def case_cases(binary, path, truth):
    f = truth["fields"]
    genuine = {"case_id": "G-" + truth["file"], "surname": truth["native"]["surname"],
               "given_names": truth["native"]["given_names"], "birth_date": f["birth_date"],
               "nationality": "DEU" if f["nationality"] == "D" else f["nationality"],
               "sex": f["sex"] if f["sex"] in ("M", "F") else "X",
               "document_number": f["document_number"], "application_date": TODAY}
    code, codes = case_flags(binary, path, genuine)
    # A truncated MRZ name is accepted with a note (CASE_NAME_VARIANT, info).
    codes = [c for c in (codes or []) if c != "CASE_NAME_VARIANT"] if codes is not None else None
    report("case genuine " + truth["file"], codes == [], "flags %s" % codes)

    y, m, d = f["birth_date"].split("-")
    other = dict(genuine, birth_date="%s-%s-%02d" % (y, m, int(d) % 28 + 1))
    code, codes = case_flags(binary, path, other)
    codes = [c for c in (codes or []) if c != "CASE_NAME_VARIANT"] if codes is not None else None
    report("case other birth date " + truth["file"],
           codes == ["CASE_BIRTH_DATE_MISMATCH"] and code == 1, "exit %d flags %s" % (code, codes))

    other = dict(genuine, surname="Zzyzx" + genuine["surname"])
    code, codes = case_flags(binary, path, other)
    report("case other surname " + truth["file"],
           codes == ["CASE_NAME_MISMATCH"] and code == 1, "exit %d flags %s" % (code, codes))


def supporting_cases(binary):
    """Letters, invoices ... are not identity documents: no MRZ, no high flag."""
    folder = os.path.join(ROOT, "tests", "golden", "supporting")
    for name in sorted(f for f in os.listdir(folder) if f.endswith(".jpg")):
        case = os.path.join(folder, name[:-4] + ".case.json")
        code, out, _ = run(binary, ["scan", "--json", "--today", TODAY, "--case", case,
                                    os.path.join(folder, name)])
        try:
            rep = json.loads(out)
        except ValueError:
            report("supporting " + name, False, "output is not JSON")
            continue
        problems = []
        for doc in rep.get("documents", []):
            if doc.get("mrz") is not None or doc.get("type") != "OTHER":
                problems.append("page %d read as %s with MRZ %r" % (doc.get("page", -1),
                                doc.get("type"), (doc.get("mrz") or {}).get("lines")))
        flags = rep.get("flags", [])
        bad = [f["code"] for f in flags if f["severity"] == "high" or f["code"].startswith("CASE_")]
        if bad:
            problems.append("flags %s" % bad)
        not_found = [f["severity"] for f in flags if f["code"] == "MRZ_NOT_FOUND"]
        if not_found != ["info"]:
            problems.append("MRZ_NOT_FOUND %s, expected once as info" % not_found)
        report("supporting " + name, not problems and code in (0, 1), "; ".join(problems))


def supportdocs_cases(binary):
    """Supporting pages of samples/supportdocs.py (seed 21, --clean, tuned
    layout families) with their truth: the page type is recognised, each
    labelled defect raises exactly its flag (warning or high), a genuine
    page raises no warning or high flag, and the same genuine page screened
    against another person's case record raises SUPPORT_NAME_MISMATCH.
    Made with `samples/supportdocs.py --out DIR --count 19 --seed 21 --clean
    --layouts train --defects 0.6` (pages 0000, 0002, 0006, 0011, 0016 and
    0018 kept); the same command gives the same .jpg and .case.json today,
    and each page is screened with its truth's OCR languages, as
    bench/supportdocs.sh does."""
    folder = os.path.join(ROOT, "tests", "golden", "supportdocs")
    tmp = tempfile.mkdtemp(prefix="ds-golden-sd-")
    try:
        for name in sorted(f for f in os.listdir(folder) if f.endswith(".jpg")):
            stem = name[:-4]
            truth = json.load(open(os.path.join(folder, stem + ".json"), encoding="utf-8"))
            case = os.path.join(folder, stem + ".case.json")
            runs = [("supportdocs " + stem, case, set(truth["expect"]) - {"DUPLICATE_IMAGE"})]
            if not truth["expect"]:
                other = json.load(open(case, encoding="utf-8"))
                other.update(surname="Zyxwik", given_names="Quentin")
                other.pop("related_persons", None)
                path = os.path.join(tmp, stem + ".other.json")
                with open(path, "w", encoding="utf-8") as fh:
                    json.dump(other, fh)
                runs.append(("supportdocs " + stem + " (another person's case)", path,
                             {"SUPPORT_NAME_MISMATCH"}))
            for label, case_path, expect in runs:
                code, out, _ = run(binary, ["scan", "--json", "--no-barcodes", "--today",
                                            truth["today"], "--ocr-langs", truth.get("ocr_langs") or "eng",
                                            "--case", case_path, os.path.join(folder, name)])
                try:
                    rep = json.loads(out)
                except ValueError:
                    report(label, False, "output is not JSON")
                    continue
                problems = []
                doc = (rep.get("documents") or [{}])[0]
                got = (doc.get("page_class") or {}).get("type")
                if got != truth["kind"]:
                    problems.append("page class %s, expected %s" % (got, truth["kind"]))
                if not (doc.get("support") or {}).get("fields"):
                    problems.append("no field read")
                alerts = {f["code"] for f in rep.get("flags", [])
                          if f["severity"] in ("warning", "high")}
                if alerts != expect:
                    problems.append("flags %s, expected %s" % (sorted(alerts), sorted(expect)))
                want_code = 1 if expect else 0
                if code != want_code:
                    problems.append("exit status %d, expected %d" % (code, want_code))
                report(label, not problems, "; ".join(problems))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


FORMAT_UNKNOWN = "the file is not a supported format (JPEG, PNG, TIFF, PDF)"


def pdf_cases(binary, tmp):
    """The PDFs of samples/pdfgen.py: every bad one ends with its exact
    error and exit status 2; a scanned and a born-digital one are screened
    page by page with the pdf object of the report."""
    out_dir = os.path.join(tmp, "pdf")
    subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "samples", "pdfgen.py"), "--out", out_dir,
                    "--count", "1", "--seed", "3"], check=True)
    bad = os.path.join(out_dir, "bad")
    for name in sorted(f for f in os.listdir(bad) if f.endswith(".pdf")):
        with open(os.path.join(bad, name[:-4] + ".json")) as fh:
            want = json.load(fh)["error"]
        code, out, err = run(binary, ["scan", "--json", os.path.join(bad, name)])
        try:
            got = json.loads(out).get("error", {})
        except ValueError:
            got = {}
        report("bad pdf " + name, code == 2 and got.get("code") == want and name in err and
               bool(got.get("message")),
               "exit %d, error %s, want %s" % (code, got.get("code"), want))
    pdf_defect_cases(binary, out_dir)
    born_digital_title_case(binary, tmp)
    for name, source, codec in (("scanned-dct-0.pdf", "embedded", "dct"),
                                ("scanned-ccitt-0.pdf", "embedded", "ccitt"),
                                ("born-0.pdf", "rendered", None),
                                ("born-objstm-0.pdf", "rendered", None),
                                ("born-three-0.pdf", "rendered", None),
                                ("photo-0.pdf", "rendered", None)):
        # Screened a fortnight after the statements' period (March 2026), so
        # that an old statement is not what sets the exit code.
        code, out, err = run(binary, ["scan", "--json", "--no-viz", "--today", "2026-04-14",
                                      os.path.join(out_dir, name)])
        try:
            rep = json.loads(out)
        except ValueError:
            rep = {}
        pdf = rep.get("pdf") or {}
        pages = pdf.get("pages") or [{}]
        report("pdf " + name, code in (0, 1) and rep.get("format") == "pdf" and
               rep.get("pages") == (2 if "objstm" in name else 3 if "three" in name else 1) and
               pdf.get("revisions") == 1 and
               pages[0].get("source") == source and pages[0].get("codec") == codec and
               not any(f["source"] == "pdf" or f["code"] == "IMAGE_EDITED"
                       for f in rep.get("flags", [])),
               "exit %d %r" % (code, pdf))


def title_page_pdf(path):
    """A born-digital PDF of one short title page (six words in Helvetica):
    no identity document, no supporting type, too little text to read as a
    letter. Offsets in the cross-reference table are computed."""
    content = b"BT /F1 28 Tf 72 600 Td (Annual report of the society 2025) Tj ET"
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = b"%PDF-1.4\n"
    offs = []
    for i, o in enumerate(objs):
        offs.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offs)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    with open(path, "wb") as fh:
        fh.write(out)


def born_digital_title_case(binary, tmp):
    """A rendered page with a text layer is a file, not a scan: its missing
    MRZ is information and no image quality is measured on it (real PDF
    manuals' title pages got an MRZ rescan request and IMAGE_QUALITY_LOW)."""
    path = os.path.join(tmp, "title.pdf")
    title_page_pdf(path)
    code, out, err = run(binary, ["scan", "--json", "--today", TODAY, path])
    try:
        rep = json.loads(out)
    except ValueError:
        rep = {}
    serious = [(f["code"], f["severity"]) for f in rep.get("flags", [])
               if f["severity"] in ("warning", "high")]
    words = ((rep.get("pdf") or {}).get("pages") or [{}])[0].get("text_words")
    report("pdf born-digital title page", code == 0 and rep.get("verdict") == "clear" and
           not serious and words == 6 and
           any(f["code"] == "MRZ_NOT_FOUND" and f["severity"] == "info" for f in rep.get("flags", [])),
           "exit %d verdict %s words %s flags %r" % (code, rep.get("verdict"), words, serious))


def pdf_defect_cases(binary, out_dir):
    """The edited PDFs raise exactly their labelled defect (code and page),
    at the severity docs/pdf.md gives it, and nothing else from the PDF."""
    sev = {"PDF_TEXT_MISMATCH": "high", "PDF_FONT_MIX": "warning",
           "PDF_INCREMENTAL_UPDATE": "warning", "IMAGE_EDITED": "warning"}
    # The updates saved with object streams (PDF 1.5) are found with the
    # page they changed; one that changed no page is information. An edited
    # scan's JPEG, saved twice, is IMAGE_EDITED on its page.
    # A font several pages share, changed by an update, is one shared change
    # with the pages that set it; an update's xref that disagrees with its
    # bytes is information; an object stream the scan cannot read is told
    # by the xref stream; a JPEG photo placed on a born-digital page and
    # saved twice is IMAGE_EDITED there, with its box.
    for kind in ("overwritten", "fontswap", "updated", "updated-objstm", "restyled-objstm",
                 "metadata-objstm", "scanned-resaved", "sharedfont", "onefont", "relisted",
                 "handedit", "restyled-predictor", "pasted"):
        name = "%s-0.pdf" % kind
        with open(os.path.join(out_dir, name[:-4] + ".json")) as fh:
            defects = json.load(fh)["defects"]
        want = [(d["code"], d["page"]) for d in defects]
        want_sev = [d.get("severity") or sev[d["code"]] for d in defects]
        # Screened a fortnight after the statements' period (March 2026), so
        # that an old statement is not what sets the exit code.
        code, out, err = run(binary, ["scan", "--json", "--no-viz", "--today", "2026-04-14",
                                      os.path.join(out_dir, name)])
        try:
            rep = json.loads(out)
        except ValueError:
            rep = {}
        got = [(f["code"], f["page"], f["severity"]) for f in rep.get("flags", [])
               if f["source"] == "pdf" or f["code"] == "IMAGE_EDITED"]
        ok_exit = code == (0 if all(s == "info" for s in want_sev) else 1)
        report("pdf defect " + name, ok_exit and [(c, p) for c, p, _ in got] == want and
               [s for _, _, s in got] == want_sev, "exit %d flags %r want %r" % (code, got, want))
        if kind.endswith("-objstm"):
            upd = ((rep.get("pdf") or {}).get("updates") or [{}])[0]
            changed = defects[0]["changed_pages"]
            report("pdf defect %s: the update's pages" % name,
                   upd.get("pages") == changed and upd.get("compressed_objects", 0) >= 1 and
                   upd.get("unread_object_streams") == 0, "update %r" % (upd,))
        elif "changed_pages" in defects[0]:
            upd = ((rep.get("pdf") or {}).get("updates") or [{}])[0]
            shared = [(o["object"], o["pages"]) for o in upd.get("shared_objects", [])]
            report("pdf defect %s: the update's pages and shared objects" % name,
                   upd.get("pages") == defects[0]["changed_pages"] and
                   shared == [(o["object"], o["pages"]) for o in defects[0].get("shared", [])],
                   "update %r" % (upd,))
        # A word's evidence has its box on the page image (the annotation draws it).
        docs = rep.get("documents") or []
        for f in rep.get("flags", []):
            if f["code"] not in ("PDF_TEXT_MISMATCH", "PDF_FONT_MIX") and not (
                    f["code"] == "IMAGE_EDITED" and kind == "pasted"):
                continue
            b = f.get("bbox")
            doc = docs[f["page"]] if f["page"] < len(docs) else {}
            report("pdf defect %s: %s has its box" % (name, f["code"]),
                   isinstance(b, list) and len(b) == 4 and b[2] > 0 and b[3] > 0 and b[0] >= 0 and
                   b[1] >= 0 and b[0] + b[2] <= doc.get("width", 0) and
                   b[1] + b[3] <= doc.get("height", 0), "bbox %r" % (b,))


def bad_input_cases(binary):
    tmp = tempfile.mkdtemp(prefix="ds-golden-")
    try:
        bad_inputs_in(binary, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def bad_inputs_in(binary, tmp):
    sample = os.path.join(ROOT, "samples", "pages",
                          sorted(f for f in os.listdir(os.path.join(ROOT, "samples", "pages"))
                                 if f.endswith(".jpg"))[0])
    with open(sample, "rb") as fh:
        jpeg = fh.read()
    bomb = (b"\x89PNG\r\n\x1a\n" +
            png_chunk(b"IHDR", struct.pack(">IIBBBBB", 100000, 100000, 8, 0, 0, 0, 0)) +
            png_chunk(b"IDAT", zlib.compress(b"\0" * 1000)) + png_chunk(b"IEND", b""))
    files = {
        "empty.jpg": (b"", "ERR_EMPTY"),
        "text.jpg": (b"this is not an image\n" * 10, "ERR_FORMAT_UNKNOWN"),
        "doc.pdf": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "ERR_CORRUPT"),
        "truncated.jpg": (jpeg[: len(jpeg) // 2], "ERR_CORRUPT"),
        "corrupt.jpg": (jpeg[:600] + b"\x00" * 4000, "ERR_CORRUPT"),
        "bomb.png": (bomb, "ERR_PIXEL_LIMIT"),
    }
    for name, (data, want) in files.items():
        path = os.path.join(tmp, name)
        with open(path, "wb") as fh:
            fh.write(data)
        code, out, err = run(binary, ["scan", "--json", path])
        try:
            got = json.loads(out).get("error", {}).get("code")
        except ValueError:
            got = None
        report("bad input " + name, code == 2 and got == want and name in err,
               "exit %d, error %s, want %s" % (code, got, want))

    pdf_cases(binary, tmp)

    empty = os.path.join(tmp, "empty-folder")
    os.mkdir(empty)
    code, out, err = run(binary, ["scan", empty])
    report("empty folder", code == 2 and "no JPEG, PNG, TIFF or PDF" in err, "exit %d" % code)
    folder = os.path.join(tmp, "batch")
    os.mkdir(folder)
    for name in sorted(f for f in os.listdir(os.path.join(ROOT, "samples", "pages"))
                       if f.endswith(".jpg"))[:3]:
        shutil.copy(os.path.join(ROOT, "samples", "pages", name), folder)
    with open(os.path.join(folder, "notes.txt"), "w") as fh:
        fh.write("not an image: left out of the batch\n")
    code, out, err = run(binary, ["scan", "--no-viz", "--today", TODAY, folder])
    lines = out.strip().splitlines()
    report("batch over a folder: table, summary and the file not read",
           code in (0, 1) and lines[0].startswith("FILE") and len(lines) == 7 and
           lines[4].startswith("3 file(s)") and lines[5] == "not read: 1 file(s)" and
           lines[6].endswith("notes.txt: " + FORMAT_UNKNOWN), "exit %d out %r" % (code, out))
    # A PDF that cannot be read is counted and listed with its reason.
    shutil.copy(os.path.join(tmp, "pdf", "bad", "encrypted.pdf"), folder)
    code, out, err = run(binary, ["scan", "--no-viz", "--today", TODAY, folder])
    lines = out.strip().splitlines()
    report("batch lists an unreadable PDF with its reason",
           code == 2 and "not read: 2 file(s)" in lines and
           any(l.strip().startswith(os.path.join(folder, "encrypted.pdf") + ": ERR_PDF_ENCRYPTED: ")
               for l in lines), "exit %d out %r" % (code, out))
    code, out, _ = run(binary, ["scan", "--json", os.path.join(tmp, "missing.jpg")])
    report("bad input missing file", code == 2 and "ERR_IO" in out, "exit %d" % code)

    # A good file next to a bad one: the good one is still reported, exit 2.
    code, out, _ = run(binary, ["scan", "--json", sample, os.path.join(tmp, "empty.jpg")])
    lines = out.strip().splitlines()
    report("good and bad file together", code == 2 and len(lines) == 2 and
           json.loads(lines[0]).get("verdict") in ("clear", "review"), "exit %d" % code)

    # --annotate writes a PNG of the page (one per page of a multi-page file).
    ann = os.path.join(tmp, "annotated.png")
    code, out, _ = run(binary, ["scan", "--json", "--today", TODAY, "--annotate", ann, sample])
    ok = os.path.exists(ann) and open(ann, "rb").read(8) == b"\x89PNG\r\n\x1a\n"
    report("annotate writes a PNG", code in (0, 1) and ok, "exit %d" % code)
    multi = [f for f in os.listdir(os.path.join(ROOT, "samples", "pages")) if f.endswith(".tif")]
    if multi:
        ann2 = os.path.join(tmp, "multi.png")
        code, out, _ = run(binary, ["scan", "--json", "--no-viz", "--annotate", ann2,
                                    os.path.join(ROOT, "samples", "pages", multi[0])])
        report("annotate writes one PNG per page",
               os.path.exists(os.path.join(tmp, "multi-0.png")) and
               os.path.exists(os.path.join(tmp, "multi-1.png")), "exit %d" % code)

    # A wrong extension does not matter: the content decides.
    renamed = os.path.join(tmp, "really-a-jpeg.png")
    with open(renamed, "wb") as fh:
        fh.write(jpeg)
    code, out, _ = run(binary, ["scan", "--json", renamed])
    report("wrong extension still decodes", code in (0, 1) and json.loads(out).get("format") == "jpeg",
           "exit %d" % code)

    bad_case = os.path.join(tmp, "case.json")
    for text, label in (('{"surname": "X"}', "without case_id"), ('{"case_id": ', "truncated"),
                        ('{"case_id": "1", "birth_date": "1990-02-30"}', "impossible date"),
                        ('[1, 2]', "not an object")):
        with open(bad_case, "w") as fh:
            fh.write(text)
        code, out, err = run(binary, ["scan", "--case", bad_case, sample])
        report("bad case record " + label, code == 2 and "case record" in err and out == "",
               "exit %d" % code)

    for args, label in ((["scan"], "no file"), (["scan", "--today", "2026-02-30", sample], "bad --today"),
                        (["scan", sample, "--case"], "--case without a value"), (["scan", "--bogus", sample], "unknown option"),
                        (["frobnicate"], "unknown command"), ([], "no command")):
        code, _, err = run(binary, args)
        report("usage " + label, code == 2 and ("usage" in err or "--today" in err), "exit %d" % code)


def shared_barcode_cases(binary):
    """Barcode-only documents from ../shared/realdata (skipped when absent)."""
    base = os.path.join(os.path.dirname(ROOT), "shared", "realdata", "barcodes")
    seal = os.path.join(base, "datamatrix", "bsi-tr03137_annexF-visa-sticker_page_60_Picture_3.jpeg")
    licence = os.path.join(base, "pdf417", "dynamsoft_SampleDriversLicense.jpg")
    if not os.path.exists(seal) or not os.path.exists(licence):
        print("skip barcode documents: ../shared/realdata absent")
        return
    code, out, _ = run(binary, ["scan", "--json", "--today", TODAY, seal])
    rep = json.loads(out)
    bcs = rep["documents"][0]["barcodes"]
    parsed = bcs[0].get("parsed", {}) if bcs else {}
    flags = {(f["code"], f["severity"]) for f in rep["flags"]}
    report("visa seal read, signer unknown",
           code == 1 and parsed.get("type") == "VDS" and parsed.get("document") == "VISA" and
           parsed.get("signature") == "UNKNOWN_SIGNER" and
           ("VDS_SIGNATURE_INVALID", "warning") in flags and ("MRZ_NOT_FOUND", "info") in flags,
           "exit %d parsed %s flags %s" % (code, parsed, flags))
    code, out, _ = run(binary, ["scan", "--json", "--today", TODAY, licence])
    rep = json.loads(out)
    bcs = rep["documents"][0]["barcodes"]
    aamva = [b["parsed"] for b in bcs if b.get("parsed", {}).get("type") == "AAMVA"]
    report("driver licence PDF417 parsed",
           len(aamva) == 1 and aamva[0]["status"] == "OK" and
           len(aamva[0]["fields"]["birth_date"]) == 10, "barcodes %s" % bcs)


def main():
    binary = sys.argv[1]
    sample_cases(binary)
    shared_barcode_cases(binary)
    supporting_cases(binary)
    supportdocs_cases(binary)
    bad_input_cases(binary)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
