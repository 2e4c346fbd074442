"""Checks that need memory across cases, against a real daemon:
- the same page image submitted for another case is DUPLICATE_IMAGE, also
  after a JPEG re-save;
- two different small cards, each on a large blank page, are not (the
  fingerprint is taken over the document, not the blank scanner bed);
- a supporting page (a bank statement) submitted again for another case is
  DUPLICATE_IMAGE, another person's statement is not;
- the same document number under another identity is DUPLICATE_DOCUMENT
  (the same genuine file for a second case carries the same identity, so it
  is a duplicate image but not a duplicate document)."""
import io
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from dtest import Daemon, check, done, samples  # noqa: E402

try:
    from PIL import Image
except ImportError:  # the product needs no PIL; this test builds its pages with it
    print("SKIP: python3-pil absent")
    sys.exit(0)

build, source = sys.argv[1], sys.argv[2]
pages = [p for p in samples(source) if p.endswith(".jpg")]
tmp = tempfile.mkdtemp(prefix="ds-memory-")


def on_blank_page(src, name, quality=90):
    """The card of src, small, pasted on a white A4-sized page at 300 dpi."""
    card = Image.open(src).convert("L")
    card.thumbnail((900, 900))
    page = Image.new("L", (2480, 3507), 250)
    page.paste(card, (120, 160))
    out = os.path.join(tmp, name)
    page.save(out, quality=quality)
    return out


def codes(report):
    return [f["code"] for f in report.get("flags", [])]


d = Daemon(build, source)
try:
    d.start()
    tok = d.make_tokens()
    st_tok, off = tok["station"], tok["officer"]

    def screen(case, path, timeout=90):
        st, b = d.submit(st_tok, case, path)
        check(st == 202, "submit %s for %s: %d" % (os.path.basename(path), case, st))
        job = d.wait_job(st_tok, b["job_id"], timeout=timeout)
        check(job.get("state") == "done", "job done")
        st, rep = d.call("GET", "/v1/jobs/%d/report" % b["job_id"], off)
        check(st == 200, "report read")
        return rep

    a = on_blank_page(pages[0], "a.jpg")
    b = on_blank_page(pages[4], "b.jpg")
    ra = screen("M-A", a)
    check("DUPLICATE_IMAGE" not in codes(ra), "first document: no duplicate")
    rb = screen("M-B", b)
    check("DUPLICATE_IMAGE" not in codes(rb),
          "another card on the same kind of blank page is not a duplicate image")

    ra3 = screen("M-A", a)
    check("DUPLICATE_IMAGE" not in codes(ra3), "the same page again for the same case is no alarm")

    a2 = os.path.join(tmp, "a-resaved.jpg")
    Image.open(a).save(a2, quality=70)
    ra2 = screen("M-C", a2)
    check("DUPLICATE_IMAGE" in codes(ra2), "the same page re-saved, for another case: duplicate")
    check(ra2.get("verdict") == "review", "a duplicate image sends the document to review")
    check("DUPLICATE_DOCUMENT" not in codes(ra2),
          "same document, same identity: not a duplicate document")

    # Supporting pages (issue 15): two bank statements of two people look
    # alike to a picture hash; their text fingerprints do not. The same
    # statement re-saved smaller, for another case, is a duplicate.
    sd = os.path.join(source, "tests", "golden", "supportdocs")
    s1 = os.path.join(sd, "0002-bank-statement.jpg")
    s2 = os.path.join(sd, "0011-bank-statement.jpg")
    r1 = screen("S-1", s1, timeout=300)
    doc1 = (r1.get("documents") or [{}])[0]
    check(doc1.get("page_class", {}).get("type") == "bank_statement",
          "a statement is read as a bank statement")
    check(doc1.get("fingerprint") == "text", "a supporting page is fingerprinted by its text")
    check("DUPLICATE_IMAGE" not in codes(r1), "first statement: no duplicate")
    r2 = screen("S-2", s2, timeout=300)
    check("DUPLICATE_IMAGE" not in codes(r2),
          "another person's statement for another case is not a duplicate image")
    s3 = os.path.join(tmp, "statement-again.jpg")
    im = Image.open(s1)
    im.resize((im.size[0] * 9 // 10, im.size[1] * 9 // 10)).save(s3, quality=70)
    r3 = screen("S-3", s3, timeout=300)
    check("DUPLICATE_IMAGE" in codes(r3),
          "the same statement re-saved, for another case: duplicate")
finally:
    d.stop()
    d.cleanup()
    for f in os.listdir(tmp):
        os.unlink(os.path.join(tmp, f))
    os.rmdir(tmp)
done("daemon_memory")
