"""Outside strings are checked once, at the edge (issue 14, defect 2): a
file name that is not UTF-8 is refused by the API with 400
invalid_encoding (query or multipart), an Idempotency-Key that is not
UTF-8 too; a hot-folder file name in Latin-1 is re-encoded; and every
flagged document the daemon accepted appears in /v1/review."""
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from dtest import Daemon, check, done, samples  # noqa: E402

build, source = sys.argv[1], sys.argv[2]
flagged = [p for p in samples(source) if p.endswith("0003-td2.jpg")][0]
data = open(flagged, "rb").read()

d = Daemon(build, source, extra=["hotfolder_interval_ms=100"], workers=2)
try:
    inbox = os.path.join(d.dir, "inbox")
    os.makedirs(inbox)
    d.extra.append("hotfolder.desk=" + inbox)
    d.start()
    tok = d.make_tokens()
    accepted = []

    st, b = d.call("POST", "/v1/cases/K-1/documents?filename=caf%E9.jpg", token=tok["station"],
                   raw=data)
    check(st == 400 and isinstance(b, dict) and b.get("error", {}).get("code") == "invalid_encoding",
          "Latin-1 file name in the query refused: %s %s" % (st, b))
    if st == 202:
        accepted.append(b["job_id"])

    boundary = "XyZ123"
    body = (b"--" + boundary.encode() + b"\r\nContent-Disposition: form-data; name=\"file\"; "
            b"filename=\"na\xefve.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n" + data +
            b"\r\n--" + boundary.encode() + b"--\r\n")
    st, b = d.call("POST", "/v1/cases/K-1/documents", token=tok["station"], raw=body,
                   headers={"Content-Type": "multipart/form-data; boundary=" + boundary})
    check(st == 400 and isinstance(b, dict) and b.get("error", {}).get("code") == "invalid_encoding",
          "Latin-1 file name of a multipart part refused: %s %s" % (st, b))
    if st == 202:
        accepted.append(b["job_id"])

    st, b = d.call("POST", "/v1/cases/K-1/documents?filename=x.jpg", token=tok["station"],
                   raw=data, headers={"Idempotency-Key": "cl\xe9"})
    check(st == 400 and isinstance(b, dict) and
          b.get("error", {}).get("code") == "invalid_idempotency_key",
          "Latin-1 Idempotency-Key refused: %s %s" % (st, b))

    st, b = d.call("POST", "/v1/cases/K-1/documents?filename=caf%C3%A9.jpg", token=tok["station"],
                   raw=data)
    check(st == 202, "UTF-8 file name accepted: %s" % st)
    if st == 202:
        accepted.append(b["job_id"])

    tmp = os.path.join(os.fsencode(inbox), b".x.tmp")
    shutil.copy(flagged, tmp)
    os.rename(tmp, os.path.join(os.fsencode(inbox), b"caf\xe9.jpg"))
    t0 = time.time()
    hot_job = None
    while time.time() - t0 < 40 and hot_job is None:
        wd = os.path.join(inbox, ".docscreen")
        dn = os.path.join(inbox, "done")
        for f in (os.listdir(wd) if os.path.isdir(wd) else []) + \
                (os.listdir(dn) if os.path.isdir(dn) else []):
            if "--" in f or not f.endswith(".json"):
                try:
                    hot_job = int(f.split("-")[0])
                except ValueError:
                    pass
        time.sleep(0.2)
    check(hot_job is not None, "the hot-folder file with a Latin-1 name was taken")
    if hot_job:
        accepted.append(hot_job)

    names = {}
    for jid in accepted:
        j = d.wait_job(tok["officer"], jid, timeout=60)
        check(j is not None, "job %s finished" % jid)
        if j:
            names[jid] = j.get("verdict")
    check("review" in names.values(), "the flagged sample is flagged: %s" % names)
    st, rv = d.call("GET", "/v1/review?all=1&limit=500", token=tok["officer"])
    listed = {it["job_id"]: it for it in rv.get("items", [])} if st == 200 else {}
    for jid, verdict in names.items():
        if verdict == "review":
            check(jid in listed, "flagged job %d is in the review queue" % jid)
    if hot_job in listed:
        check(listed[hot_job]["filename"] == "caf\u00e9.jpg",
              "hot-folder name re-encoded: %r" % listed[hot_job]["filename"])
finally:
    d.cleanup()
done("daemon_encoding")
