"""A worker that hangs (alive, not dead) gives its job up at job_timeout_s:
another worker takes the job over, and the claim that finds two attempts
run past the deadline fails the job with that reason instead of hanging a
third worker.

The hang is real, not simulated in the daemon: the queued document's blob
(SQLite keeps files in the blob directory) is a named pipe, so a worker
that opens it to screen the document blocks in open(2), as on a file
system that stopped answering. The job is put into the store while the
daemon is stopped, so no worker sees the document before its file is the
pipe. Before job deadlines existed the job stayed running for ever."""
import errno
import hashlib
import os
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from dtest import Daemon, check, done  # noqa: E402

build, source = sys.argv[1], sys.argv[2]
# SQLite whatever DS_TEST_PG_URL says: the blob must be a file.
d = Daemon(build, source, workers=3, store="sqlite:", extra=["job_timeout_s=1"])
d.store = "sqlite:" + d.db
fifo = None
try:
    d.start()
    tok = d.make_tokens()
    check(d.stop() == 0, "first start stops cleanly")

    body = b"a file that is never read"
    sha = hashlib.sha256(body).hexdigest()
    blob_dir = os.path.join(d.db + ".blobs", sha[:2])
    os.makedirs(blob_dir, mode=0o700, exist_ok=True)
    fifo = os.path.join(blob_dir, sha)
    os.mkfifo(fifo, 0o600)
    con = sqlite3.connect(d.db)
    now = int(time.time())
    cur = con.execute("INSERT INTO documents(case_id, sha256, size, filename, source, station,"
                      " created_at, token_id) VALUES('HANG-1', ?, ?, 'scan.jpg', 'api', 'desk',"
                      " ?, 0)", (sha, len(body), now))
    doc = cur.lastrowid
    cur = con.execute("INSERT INTO jobs(document_id, case_id, state, attempts, worker, created_at,"
                      " updated_at) VALUES(?, 'HANG-1', 0, 0, '', ?, ?)", (doc, now, now))
    job = cur.lastrowid
    con.commit()
    con.close()

    d.start()
    jb = d.wait_job(tok["officer"], job, timeout=60)
    check(jb is not None and jb["state"] == "failed", "the hung job is failed: %s" % jb)
    check(jb is not None and jb["attempts"] == 3, "after three claims: %s" % jb)
    st, rep = d.call("GET", "/v1/jobs/%d/report" % job, token=tok["officer"])
    msg = rep.get("error", {}).get("message", "") if st == 200 else ""
    check("job_timeout_s" in msg, "the report gives the reason: %s %s" % (st, rep))
    log = d.logtext()
    check("ran past job_timeout_s (1 s); taken over" in log, "the takeover is logged")
    check("2 attempts ran past job_timeout_s" in log, "the give-up is logged")
    st, m = d.call("GET", "/metrics", token=tok["officer"])
    check(st == 200 and "docscreen_jobs_taken_over_total 2" in m, "two takeovers counted")
    # /healthz still answers: a third worker is free
    st, h = d.call("GET", "/healthz")
    check(st == 200, "healthz while two workers hang: %s" % st)

    # The file system answers again: the hung workers find no regular file,
    # and their late attempts change nothing.
    t0 = time.time()
    while time.time() - t0 < 10:
        try:
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            os.close(fd)
        except OSError as e:
            if e.errno != errno.ENXIO:
                raise
            break  # nobody is waiting on it any more
        time.sleep(0.2)
    time.sleep(0.5)
    st, b = d.call("GET", "/v1/jobs/%d" % job, token=tok["officer"])
    check(st == 200 and b["state"] == "failed" and b["attempts"] == 3,
          "still failed once the workers return: %s" % b)
    check(d.stop() == 0, "stops cleanly")
finally:
    if fifo and os.path.exists(fifo):
        os.unlink(fifo)
    d.cleanup()
done("daemon_job_timeout")
