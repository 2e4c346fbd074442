"""Webhooks: every finished job is POSTed to each configured URL with a
valid HMAC-SHA256 signature over "timestamp.body"; a failed attempt is
retried on the store's schedule, and the schedule survives a restart; the
summary carries ids, verdict and flag codes, never personal data."""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from dtest import Daemon, Receiver, check, done, samples, verify_signature  # noqa: E402

build, source = sys.argv[1], sys.argv[2]
pages = samples(source)
ok_rx = Receiver("secret-of-hook-a-0123456789")
flaky = Receiver("secret-of-hook-b-9876543210", fail_first=3)
d = Daemon(build, source, extra=[
    "webhook.a.url=" + ok_rx.url, "webhook.a.secret=" + ok_rx.secret,
    "webhook.b.url=" + flaky.url, "webhook.b.secret=" + flaky.secret,
    "webhook_lease_s=2", "webhook_timeout_ms=3000"])
try:
    d.start()
    tok = d.make_tokens()
    jobs = []
    for i, p in enumerate(pages[:3]):
        st, b = d.submit(tok["hook"], "W%d" % i, p)
        check(st == 202, "submit %d" % i)
        jobs.append(b["job_id"])
    for j in jobs:
        check(d.wait_job(tok["officer"], j) is not None, "job %d finished" % j)
    t0 = time.time()
    while len(ok_rx.jobs()) < 3 and time.time() - t0 < 90:
        time.sleep(0.1)
    check(ok_rx.jobs() == set(jobs), "receiver a got every job: %s" % ok_rx.jobs())
    for did, body, sig_ok in ok_rx.got:
        check(sig_ok, "valid signature on delivery %s" % did)
        check(body.get("event") == "job.finished" and body.get("verdict") in ("clear", "review", "error"),
              "summary shape: %s" % body)
        check(all(k not in body for k in ("surname", "given_names", "file", "documents")),
              "no personal data in the summary")
        check(all(set(f) <= {"code", "severity", "page"} for f in body.get("flags", [])), "flag codes only")
    check(not verify_signature("wrong-secret-xxxxxxxx", "t=%d,v1=%s" % (time.time(), "0" * 64), b"{}"),
          "a wrong signature does not verify")
    # receiver b answered 500: the deliveries wait for their retry. The first
    # attempts may still be on their way on a loaded machine: poll the log
    # until all three have been tried once and answered. Each retry is due 30 s after its
    # failed attempt was recorded (updated_at), however long ago that was.
    def flaky_tried():
        st, dl = d.call("GET", "/v1/deliveries", token=d.admin)
        pend = [x for x in dl.get("deliveries", []) if x["url"] == flaky.url] if st == 200 else []
        return st, dl, pend
    t0 = time.time()
    st, dl, pend = flaky_tried()
    # An attempt under way counts its try before its answer (last_status 0).
    while (len(pend) < 3 or any(x["attempts"] < 1 or not x.get("last_status") for x in pend)) \
            and time.time() - t0 < 60:
        time.sleep(0.2)
        st, dl, pend = flaky_tried()
    check(st == 200, "delivery log: %s" % st)
    check(len(pend) == 3 and all(x["state"] == "pending" and x["attempts"] == 1 and x["last_status"] == 500
                                 and x["next_attempt_at"] >= x["updated_at"] + 10 for x in pend),
          "failed attempts scheduled for a retry: %s" % pend)
    delivered = [x for x in dl.get("deliveries", []) if x["url"] == ok_rx.url]
    check(len(delivered) == 3 and all(x["state"] == "delivered" for x in delivered), "log: delivered")
    st, one = d.call("GET", "/v1/deliveries?job=%d" % jobs[0], token=d.admin)
    check(st == 200 and len(one["deliveries"]) == 2, "delivery log per job")
    # the schedule survives a restart; the retry arrives after the backoff (30 s)
    rc = d.stop()
    check(rc == 0, "clean stop")
    d.start()
    t0 = time.time()
    while len(flaky.jobs()) < 3 and time.time() - t0 < 45:
        time.sleep(0.5)
    check(flaky.jobs() == set(jobs), "retried deliveries arrive after a restart: %s" % flaky.jobs())
    check(all(s for _, _, s in flaky.got), "retries are signed afresh")
    check(len(ok_rx.got) == 3, "delivered ones are not sent again: %d" % len(ok_rx.got))
    d.stop()
finally:
    d.cleanup()
    ok_rx.close()
    flaky.close()
done("test_webhooks")
