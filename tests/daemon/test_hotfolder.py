"""Hot folders end to end: files renamed into an inbox (and, with
hotfolder_require_ready, only with a .ready marker) are screened once, moved
to done/ or failed/ with their report beside them; case ids come from
CASE.json or the folder name; a restart never takes a file twice."""
import json
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from dtest import Daemon, check, done, samples  # noqa: E402

build, source = sys.argv[1], sys.argv[2]
pages = samples(source)


def drop(src, dst):
    tmp = os.path.join(os.path.dirname(dst), "." + os.path.basename(dst) + ".tmp")
    shutil.copy(src, tmp)
    os.rename(tmp, dst)


def wait_files(folder, n, timeout=60):
    t0 = time.time()
    while time.time() - t0 < timeout:
        # A report being written atomically shows as NAME.report.json.tmp for
        # the time of its fsync: not a finished file.
        got = [f for f in os.listdir(folder) if not f.endswith((".report.json", ".tmp"))] \
            if os.path.isdir(folder) else []
        if len(got) >= n:
            return sorted(got)
        time.sleep(0.2)
    return sorted(os.listdir(folder)) if os.path.isdir(folder) else []


d = Daemon(build, source)
try:
    inbox = os.path.join(d.dir, "inbox-a")
    inbox_b = os.path.join(d.dir, "inbox-b")
    os.makedirs(os.path.join(inbox, "CASE-7"))
    os.makedirs(inbox_b)
    d.extra += ["hotfolder.desk1=" + inbox, "hotfolder.desk2=" + inbox_b,
                "hotfolder_interval_ms=200"]
    d.start()
    # a case sub-folder with CASE.json naming the case, a file in the root
    with open(os.path.join(inbox, "CASE-7", "CASE.json"), "w") as f:
        json.dump({"case_id": "K-700", "surname": "Brown", "given_names": "Elizabeth Emily Chloe"}, f)
    drop([p for p in pages if p.endswith("0004-td3.jpg")][0], os.path.join(inbox, "CASE-7", "p1.jpg"))
    drop([p for p in pages if p.endswith("0001-td1.jpg")][0], os.path.join(inbox, "root.jpg"))
    with open(os.path.join(inbox, "broken.jpg"), "wb") as f:
        f.write(b"\xff\xd8\xff\xe0 not really a jpeg")
    # PDFs (samples/pdfgen.py): a scanned passport page, and one that needs a password
    sys.path.insert(0, os.path.join(source, "samples"))
    import pdfgen  # noqa: E402
    from PIL import Image  # noqa: E402
    jpg = [p for p in pages if p.endswith("0004-td3.jpg")][0]
    im = Image.open(jpg)
    with open(os.path.join(d.dir, "scan.pdf.tmp"), "wb") as f:
        f.write(pdfgen.scanned_pdf([((open(jpg, "rb").read(), im.width, im.height, im.mode), 150,
                                     "jpegfile")]))
    os.rename(os.path.join(d.dir, "scan.pdf.tmp"), os.path.join(inbox, "scan.pdf"))
    with open(os.path.join(d.dir, "locked.pdf.tmp"), "wb") as f:
        f.write(pdfgen.encrypted_pdf())
    os.rename(os.path.join(d.dir, "locked.pdf.tmp"), os.path.join(inbox, "locked.pdf"))
    # files that must never be taken
    with open(os.path.join(inbox, ".hidden.jpg"), "wb") as f:
        f.write(b"x")
    with open(os.path.join(inbox, "half.jpg.part"), "wb") as f:
        f.write(b"x")
    done_dir, failed_dir = os.path.join(inbox, "done"), os.path.join(inbox, "failed")
    got = wait_files(done_dir, 3)
    check(len(got) == 3, "three files done: %s" % got)
    fails = wait_files(failed_dir, 2)
    check(len(fails) == 2, "corrupt and encrypted files failed: %s" % fails)
    for f in got + fails:
        folder = done_dir if f in got else failed_dir
        rep = os.path.join(folder, f + ".report.json")
        check(os.path.exists(rep), "report beside " + f)
        if os.path.exists(rep):
            r = json.load(open(rep))
            if f.endswith("p1.jpg"):
                check(r.get("case_id") == "K-700", "case id from CASE.json: %s" % r.get("case_id"))
                check(r.get("verdict") == "clear", "case record matches: %s" % r.get("flags"))
            if f.endswith("root.jpg"):
                check(r.get("case_id") == "inbox-a", "case id from the folder name: %s" % r.get("case_id"))
            if folder == failed_dir:
                check(r.get("verdict") == "error" and r.get("error"), "failed report names the error")
            if f.endswith("scan.pdf"):
                check(r.get("format") == "pdf" and r.get("pages") == 1 and
                      r["documents"][0]["type"] == "TD3" and
                      r["pdf"]["pages"][0]["codec"] == "dct", "scanned PDF screened: %r" % r.get("pdf"))
            if f.endswith("locked.pdf"):
                check(r.get("error", {}).get("code") == "ERR_PDF_ENCRYPTED",
                      "encrypted PDF's reason: %s" % r.get("error"))
    check(os.path.exists(os.path.join(inbox, ".hidden.jpg")), "hidden file left alone")
    check(os.path.exists(os.path.join(inbox, "half.jpg.part")), "partial file left alone")

    # restart with require_ready: a file without its marker waits
    d.stop()
    d.extra.append("hotfolder_require_ready=true")
    d.start()
    drop([p for p in pages if p.endswith("0007-td1.jpg")][0], os.path.join(inbox_b, "w.jpg"))
    time.sleep(1.5)
    check(os.path.exists(os.path.join(inbox_b, "w.jpg")), "no marker: file waits")
    open(os.path.join(inbox_b, "w.jpg.ready"), "w").close()
    got_b = wait_files(os.path.join(inbox_b, "done"), 1)
    check(len(got_b) == 1, "with marker: taken: %s" % got_b)
    check(not os.path.exists(os.path.join(inbox_b, "w.jpg.ready")), "marker removed")

    # crash between submission and move: the file is back in the inbox
    # (as if the move never happened); a restart must not screen it twice
    d.stop()
    p1 = [f for f in got if f.endswith("-p1.jpg")][0]
    again = os.path.join(inbox, "CASE-7", "p1.jpg")
    shutil.copy(os.path.join(done_dir, p1), again)
    d.extra = [e for e in d.extra if not e.startswith("hotfolder_require_ready")]
    d.start()
    time.sleep(2.5)
    tok = d.make_tokens()
    # the repeated file is answered by the same job (idempotency key = path + sha256)
    got2 = wait_files(done_dir, 3)
    check(not os.path.exists(again), "the repeated file was moved")
    check(sorted(got2) == sorted(got), "no new job for a file taken before: %s" % got2)
    st, b = d.call("GET", "/metrics", token=tok["officer"])
    total_jobs = sum(int(l.split()[-1]) for l in b.splitlines() if l.startswith("docscreen_jobs{"))
    check(total_jobs == 6, "six jobs in the store: %d" % total_jobs)
    d.stop()
finally:
    d.cleanup()
done("test_hotfolder")
