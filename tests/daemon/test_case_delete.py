"""Case deletion (issue 14, defect 6b): DELETE /v1/cases/{id} is for admins
only and removes everything of the case: its record, documents and files,
jobs and reports (answered 404 afterwards), and the hot folder's done/
copies and reports of its documents; other cases are untouched."""
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from dtest import Daemon, check, done, samples  # noqa: E402

build, source = sys.argv[1], sys.argv[2]
pages = samples(source)
page = [p for p in pages if p.endswith("0004-td3.jpg")][0]
other = [p for p in pages if p.endswith("0001-td1.jpg")][0]


def listing(folder):
    return sorted(os.listdir(folder)) if os.path.isdir(folder) else []


def wait_for(pred, timeout=60):
    t0 = time.time()
    while time.time() - t0 < timeout:
        if pred():
            return True
        time.sleep(0.2)
    return False


d = Daemon(build, source)
try:
    inbox = os.path.join(d.dir, "inbox")
    os.makedirs(os.path.join(inbox, "D-2"))
    d.extra += ["hotfolder.desk1=" + inbox, "hotfolder_interval_ms=200",
                "hotfolder_stable_ms=0"]
    d.start()
    tok = d.make_tokens()
    st, _ = d.call("PUT", "/v1/cases/D-1", token=tok["station"],
                   body={"case_id": "D-1", "surname": "GONE"})
    check(st == 201, "case D-1 created")
    st, b = d.submit(tok["station"], "D-1", page)
    check(st == 202, "document for D-1")
    job1 = b["job_id"]
    st, b = d.submit(tok["station"], "KEEP", other)
    check(st == 202, "document for KEEP")
    job_keep = b["job_id"]
    shutil.copy(page, os.path.join(inbox, "D-2", "scan.jpg"))
    done_dir = os.path.join(inbox, "done")
    check(wait_for(lambda: len([f for f in listing(done_dir) if f.endswith(".report.json")]) == 1),
          "the hot-folder file is done with its report: %s" % listing(done_dir))
    check(d.wait_job(tok["station"], job1) is not None, "D-1's job finished")
    check(d.wait_job(tok["station"], job_keep) is not None, "KEEP's job finished")

    st, _ = d.call("DELETE", "/v1/cases/D-1", token=tok["station"])
    check(st == 403, "a station may not delete: %s" % st)
    st, _ = d.call("DELETE", "/v1/cases/D-1", token=tok["officer"])
    check(st == 403, "an officer may not delete: %s" % st)
    st, b = d.call("DELETE", "/v1/cases/D-1", token=d.admin)
    check(st == 200 and b.get("documents") == 1, "admin deletes D-1: %s %s" % (st, b))
    st, _ = d.call("GET", "/v1/cases/D-1", token=tok["officer"])
    check(st == 404, "D-1's record is gone: %s" % st)
    st, _ = d.call("GET", "/v1/jobs/%d" % job1, token=tok["officer"])
    check(st == 404, "D-1's job is gone: %s" % st)
    st, _ = d.call("GET", "/v1/jobs/%d/report" % job1, token=tok["officer"])
    check(st == 404, "D-1's report is gone: %s" % st)
    st, _ = d.call("GET", "/v1/jobs/%d/report" % job_keep, token=tok["officer"])
    check(st == 200, "KEEP's report is kept: %s" % st)
    st, _ = d.call("DELETE", "/v1/cases/D-1", token=d.admin)
    check(st == 404, "deleting again: 404 (%s)" % st)

    st, b = d.call("DELETE", "/v1/cases/D-2", token=d.admin)
    check(st == 200 and b.get("documents") == 1, "admin deletes the hot-folder case D-2: %s" % st)
    check(wait_for(lambda: listing(done_dir) == [], 60),
          "the hot folder's done/ copies of D-2 are removed: %s" % listing(done_dir))
    st, b = d.call("PUT", "/v1/cases/D-1", token=tok["hook"], body={"case_id": "D-1"})
    check(st == 201, "the id is free again: %s" % st)
finally:
    d.cleanup()
done("daemon_case_delete")
