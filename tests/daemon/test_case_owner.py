"""Case ownership (issue 14, defect 7): a case record belongs to the token
or hot-folder station that created it. Another station can neither
replace it (PUT) nor add documents to it, and its refusal is the same 404
an unknown record gets, never the record or its owner; a hot folder's
CASE.json naming another's case is refused to failed/ and leaves the record
as it was. The owner itself updates its record (200)."""
import json
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from dtest import Daemon, check, done, samples  # noqa: E402

build, source = sys.argv[1], sys.argv[2]
pages = samples(source)
page = [p for p in pages if p.endswith("0004-td3.jpg")][0]


def wait_files(folder, n, timeout=30):
    t0 = time.time()
    while time.time() - t0 < timeout:
        got = [f for f in os.listdir(folder) if not f.endswith((".report.json", ".tmp"))] \
            if os.path.isdir(folder) else []
        if len(got) >= n:
            return sorted(got)
        time.sleep(0.2)
    return []


d = Daemon(build, source)
try:
    inbox = os.path.join(d.dir, "inbox")
    os.makedirs(os.path.join(inbox, "X"))
    d.extra += ["hotfolder.desk9=" + inbox, "hotfolder_interval_ms=200",
                "hotfolder_stable_ms=0"]
    d.start()
    tok = d.make_tokens()
    st, b = d.call("POST", "/v1/tokens", token=d.admin, body={"name": "st2", "role": "station"})
    check(st == 201, "a second station token")
    st2 = b["token"]
    st1 = tok["station"]

    rec = {"case_id": "C-1", "surname": "ORIGINAL"}
    st, b = d.call("PUT", "/v1/cases/C-1", token=st1, body=rec)
    check(st == 201, "st1 creates C-1: %s" % st)

    # st2 may not rewrite it; the refusal is the unknown-record answer.
    st, b = d.call("PUT", "/v1/cases/C-1", token=st2, body={"case_id": "C-1", "surname": "EVIL"})
    check(st == 404, "st2 cannot rewrite st1's case: %s %s" % (st, b))
    check("ORIGINAL" not in json.dumps(b) and "st1" not in json.dumps(b) and
          "t-station" not in json.dumps(b), "the refusal names neither content nor owner")
    st, b = d.call("GET", "/v1/cases/C-1", token=tok["officer"])
    check(st == 200 and b.get("surname") == "ORIGINAL", "the record is unchanged: %s" % b)

    # nor add a document to it
    st, b = d.submit(st2, "C-1", page)
    check(st == 404, "st2 cannot submit to st1's case: %s" % st)

    # the owner updates its own record
    st, b = d.call("PUT", "/v1/cases/C-1", token=st1, body={"case_id": "C-1", "surname": "NEW"})
    check(st == 200 and b.get("created") is False, "st1 updates C-1: %s" % st)
    st, b = d.submit(st1, "C-1", page)
    check(st == 202, "st1 submits to its case: %s" % st)

    # a hot folder's CASE.json naming st1's case is refused to failed/
    with open(os.path.join(inbox, "X", "CASE.json"), "w") as f:
        json.dump({"case_id": "C-1", "surname": "HOTFOLDER"}, f)
    shutil.copy(page, os.path.join(inbox, "X", "p.jpg"))
    fails = wait_files(os.path.join(inbox, "failed"), 1)
    check(len(fails) == 1, "the file for st1's case went to failed/: %s" % fails)
    st, b = d.call("GET", "/v1/cases/C-1", token=tok["officer"])
    check(st == 200 and b.get("surname") == "NEW", "the hot folder left C-1 alone: %s" % b)
finally:
    d.cleanup()
done("daemon_case_owner")
