"""Every job reaches a final state after a bounded number of attempts,
whatever its content (issue 14, defect 1): a hot-folder sub-folder whose
name is Latin-1 (not UTF-8) becomes a valid case id and its job finishes;
a stored job whose case id is not UTF-8 (a store from before the edge
checks) finishes; a job whose file fails its checksum on every attempt is
failed after DS_WORKER_MAX_ATTEMPTS claims instead of being requeued
forever; and none of them blocks the queue for the next document."""
import json
import os
import shutil
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from dtest import Daemon, check, done, samples  # noqa: E402

build, source = sys.argv[1], sys.argv[2]
page = [p for p in samples(source) if p.endswith("0004-td3.jpg")][0]
FAST = ["viz=false", "forensics=false", "barcodes=false"]


def wait_dir(folder, timeout=40):
    """The finished files of folder, once each has its report: a report
    being written atomically shows as NAME.report.json.tmp meanwhile."""
    t0 = time.time()
    while time.time() - t0 < timeout:
        names = os.listdir(folder) if os.path.isdir(folder) else []
        got = [f for f in names if not f.endswith((".report.json", ".tmp"))]
        if got and all(f + ".report.json" in names for f in got):
            return got
        time.sleep(0.2)
    return []


d = Daemon(build, source, extra=FAST + ["hotfolder_interval_ms=100"], workers=1)
try:
    inbox = os.path.join(d.dir, "inbox")
    latin = os.path.join(os.fsencode(inbox), b"Fran\xe7ois")
    os.makedirs(latin)
    d.extra.append("hotfolder.desk=" + inbox)
    d.start()
    tok = d.make_tokens()
    tmp = os.path.join(latin, b".p.jpg.tmp")
    shutil.copy(page, tmp)
    os.rename(tmp, os.path.join(latin, b"p.jpg"))
    got = wait_dir(os.path.join(inbox, "done"))
    check(len(got) == 1, "the file of the Latin-1 folder finished: %s" % got)
    if got:
        rep = json.load(open(os.path.join(inbox, "done", got[0] + ".report.json")))
        check(rep.get("case_id") == "Fran\u00e7ois", "case id re-encoded: %r" % rep.get("case_id"))

    # two jobs planted in the store as an old version could leave them
    st, a = d.submit(tok["station"], "K-1", page)
    st2, b = d.submit(tok["station"], "K-2", page, filename="other.jpg")
    check(st == 202 and st2 == 202, "two submissions")
    d.wait_job(tok["officer"], a["job_id"])
    d.wait_job(tok["officer"], b["job_id"])
    d.stop()
    db = sqlite3.connect(d.db)
    now = int(time.time())
    # a case id that is not UTF-8
    db.execute("UPDATE documents SET case_id = CAST(? AS TEXT) WHERE id = ?",
               (b"Fran\xe7ois", a["document_id"]))
    db.execute("INSERT INTO jobs(document_id, case_id, state, attempts, worker, created_at,"
               " updated_at) VALUES(?, CAST(? AS TEXT), 0, 0, '', ?, ?)",
               (a["document_id"], b"Fran\xe7ois", now, now))
    bad_case_job = db.execute("SELECT max(id) FROM jobs").fetchone()[0]
    # a file whose bytes no longer match its SHA-256: every read fails
    sha = db.execute("SELECT sha256 FROM documents WHERE id = ?",
                     (b["document_id"],)).fetchone()[0]
    db.execute("UPDATE documents SET sha256 = ? WHERE id = ?", ("0" * 64, b["document_id"]))
    db.execute("INSERT INTO jobs(document_id, case_id, state, attempts, worker, created_at,"
               " updated_at) VALUES(?, 'K-2', 0, 0, '', ?, ?)", (b["document_id"], now, now))
    bad_blob_job = db.execute("SELECT max(id) FROM jobs").fetchone()[0]
    db.commit()
    db.close()
    d.start()
    st, c = d.submit(tok["station"], "K-3", page, filename="third.jpg")
    check(st == 202, "a submission after them")
    for name, jid in (("non-UTF-8 case id", bad_case_job), ("unreadable file", bad_blob_job),
                      ("the next document", c.get("job_id", 0))):
        j = d.wait_job(tok["officer"], jid, timeout=40)
        check(j is not None, "job of the %s reached a final state" % name)
        if j and name == "unreadable file":
            check(j["state"] == "failed" and j["attempts"] <= 6,
                  "failed after a bounded number of attempts: %s" % j)
    st, body = d.call("GET", "/v1/review?all=1", token=tok["officer"])
    check(st == 200, "review list answers")
finally:
    d.cleanup()
done("daemon_final")
