"""Crash safety: kill -9 the daemon in the middle of a batch, restart;
every acknowledged document reaches a final state exactly once, no webhook
is lost (a loopback receiver counts them), the store passes PRAGMA
integrity_check and the audit chain verifies. Run with DS_TEST_PG_URL set
(ctest daemon_crash_pg) it does the same against PostgreSQL, whose
integrity check docscreend --verify-audit runs."""
import os
import sqlite3
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
from dtest import Daemon, Receiver, check, done, samples  # noqa: E402

build, source = sys.argv[1], sys.argv[2]
pages = samples(source)
rx = Receiver("crash-test-secret-0123456789")
d = Daemon(build, source, extra=["webhook.r.url=" + rx.url, "webhook.r.secret=" + rx.secret,
                                 "webhook_lease_s=2"])
acked = []
try:
    d.start()
    tok = d.make_tokens()
    station = tok["station"]
    stop = threading.Event()

    def feeder():
        i = 0
        while not stop.is_set() and i < 40:
            p = pages[i % len(pages)]
            try:
                st, b = d.submit(station, "CR%02d" % i, p, key="crash-%d" % i)
            except OSError:
                return
            if st == 202:
                acked.append((i, b["job_id"]))
            i += 1

    t = threading.Thread(target=feeder)
    t.start()
    t0 = time.time()
    while len(acked) < 12 and time.time() - t0 < 60:
        time.sleep(0.05)
    # some jobs done, some running, some queued, submissions in flight
    before = len(rx.jobs())
    d.kill9()
    stop.set()
    t.join()
    check(len(acked) >= 12, "documents acknowledged before the crash: %d" % len(acked))
    if not d.pg:
        con = sqlite3.connect(d.db)
        check(con.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "integrity right after kill -9")
        con.close()

    d.start()
    # resubmitting an acknowledged document with its key answers the same job
    i0, j0 = acked[0]
    st, b = d.submit(station, "CR%02d" % i0, pages[i0 % len(pages)], key="crash-%d" % i0)
    check(st == 202 and b["job_id"] == j0 and b["replayed"], "replay after the crash")
    for i, j in acked:
        jb = d.wait_job(tok["officer"], j, timeout=120)
        check(jb is not None and jb["state"] in ("done", "failed"), "job %d final: %s" % (j, jb))
    # a submission committed whose answer the crash swallowed is screened too
    t0 = time.time()
    while True:
        st, m = d.call("GET", "/metrics", token=tok["officer"])
        states = {l.split('"')[1]: int(l.split()[-1]) for l in m.splitlines()
                  if l.startswith("docscreen_jobs{")}
        if (states.get("queued") == 0 and states.get("running") == 0) or time.time() - t0 > 60:
            break
        time.sleep(0.2)
    check(states.get("queued") == 0 and states.get("running") == 0, "nothing left queued or running: %s" % states)
    # exactly once: one delivery per job (a job completed twice would have two)
    for i, j in acked:
        st, dl = d.call("GET", "/v1/deliveries?job=%d" % j, token=d.admin)
        check(st == 200 and len(dl["deliveries"]) == 1, "job %d completed once: %s" % (j, dl))
    t0 = time.time()
    want = {j for _, j in acked}
    while not want <= rx.jobs() and time.time() - t0 < 30:
        time.sleep(0.2)
    check(want <= rx.jobs(), "no webhook lost: missing %s" % sorted(want - rx.jobs()))
    check(all(ok for _, _, ok in rx.got), "every delivery signed")
    # duplicates (a delivery in flight at the crash) carry the same delivery id
    by_job = {}
    for did, body, _ in rx.got:
        by_job.setdefault(body.get("job_id"), set()).add(did)
    check(all(len(v) == 1 for v in by_job.values()), "one delivery id per job: %s" % by_job)
    rc = d.stop()
    check(rc == 0, "clean stop after recovery")
    if not d.pg:
        con = sqlite3.connect(d.db)
        check(con.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "PRAGMA integrity_check")
        con.close()
    r = d.run_tool("--verify-audit")
    check(r.returncode == 0, "audit chain and integrity: %s %s" % (r.stdout, r.stderr))
    print("  acknowledged %d (webhooks received at the crash: %d), webhooks received %d; %s"
          % (len(acked), before, len(rx.got),
             "running jobs requeued at restart" if "requeued" in d.logtext() else "no job was running at the crash"))
finally:
    d.cleanup()
    rx.close()
done("test_crash")
