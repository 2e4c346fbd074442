"""Webhooks of decisions: a decision on one flag, a decision on the whole
document and an escalation each reach every configured webhook as a
"decision.made" event, signed like job.finished, with ids, the flag code,
the decision, the officer's token name and the time; never the case's
names or the officer's note."""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from dtest import Daemon, Receiver, check, done, samples  # noqa: E402

build, source = sys.argv[1], sys.argv[2]
td3 = [p for p in samples(source) if p.endswith("0004-td3.jpg")][0]
rx = Receiver("secret-of-decision-hook-0123456789")
d = Daemon(build, source, extra=["webhook.a.url=" + rx.url, "webhook.a.secret=" + rx.secret])
KEYS = {"event", "job_id", "document_id", "case_id", "scope", "flag_index", "flag_code",
        "decision", "officer", "decided_at", "report_url"}


def wait_events(n, timeout=20):
    t0 = time.time()
    while time.time() - t0 < timeout:
        with rx.lock:
            got = [(b, ok) for _, b, ok in rx.got if b.get("event") == "decision.made"]
        if len(got) >= n:
            return got
        time.sleep(0.1)
    return got


try:
    d.start()
    tok = d.make_tokens()
    # A case whose names do not match the document: the report flags it.
    st, b = d.call("PUT", "/v1/cases/D1", token=tok["station"],
                   body={"case_id": "D1", "surname": "Quixotesurname", "given_names": "Zebedeegiven",
                         "birth_date": "1970-01-01"})
    check(st == 201, "case create: %s" % st)
    jobs = []
    for i in range(2):
        st, b = d.submit(tok["station"], "D1", td3, key="dec-%d" % i)
        check(st == 202, "submit %d: %s" % (i, st))
        jobs.append(b["job_id"])
    for j in jobs:
        jb = d.wait_job(tok["officer"], j)
        check(jb and jb.get("verdict") == "review" and len(jb.get("flags", [])) >= 1,
              "job %d flagged: %s" % (j, jb))
    code0 = jb["flags"][0]["code"]

    t_before = int(time.time())
    # 1. One flag of the first job.
    st, b = d.call("POST", "/v1/jobs/%d/flags/0/decision" % jobs[0], token=tok["officer"],
                   body={"decision": "rejected", "note": "Quixotesurname seen in person"})
    check(st == 201, "flag decision: %s %s" % (st, b))
    # 2. The whole second document.
    st, b = d.call("POST", "/v1/jobs/%d/decision" % jobs[1], token=tok["officer"],
                   body={"decision": "accepted", "note": "Zebedeegiven verified"})
    check(st == 201, "document decision: %s %s" % (st, b))
    # 3. An escalation of the first job's flag.
    st, b = d.call("POST", "/v1/jobs/%d/flags/0/escalation" % jobs[0], token=tok["officer"],
                   body={"note": "ask the senior officer"})
    check(st == 201, "escalation: %s %s" % (st, b))

    got = wait_events(3)
    check(len(got) == 3, "three decision.made events: %d" % len(got))
    for body, sig_ok in got:
        check(sig_ok, "valid signature: %s" % body)
        check(set(body) == KEYS, "exactly the documented keys: %s" % sorted(body))
        check(body["officer"] == "t-officer", "officer is the token name: %s" % body["officer"])
        check(body["case_id"] == "D1", "case id: %s" % body["case_id"])
        check(t_before - 2 <= body["decided_at"] <= time.time() + 2, "decided_at: %s" % body)
        check(body["report_url"] == "/v1/jobs/%d/report" % body["job_id"], "report_url: %s" % body)
    with rx.lock:
        raw = repr([b for _, b, _ in rx.got])
    for secret in ("Quixotesurname", "Zebedeegiven", "1970-01-01", "note", "verified", "senior"):
        check(secret not in raw, "no %r in any webhook body" % secret)
    by = {(b["job_id"], b["scope"], b["decision"]): b for b, _ in got}
    f = by.get((jobs[0], "flag", "rejected"))
    check(f is not None and f["flag_index"] == 0 and f["flag_code"] == code0
          and f["document_id"] > 0, "flag decision event: %s" % f)
    doc = by.get((jobs[1], "document", "accepted"))
    check(doc is not None and doc["flag_index"] is None and doc["flag_code"] is None,
          "document decision event: %s" % doc)
    esc = by.get((jobs[0], "flag", "escalated"))
    check(esc is not None and esc["flag_index"] == 0 and esc["flag_code"] == code0,
          "escalation event: %s" % esc)

    # The decisions and the audit log agree with the events.
    st, b = d.call("GET", "/v1/jobs/%d/decisions" % jobs[1], token=tok["officer"])
    check(st == 200 and len(b["flags"]) == len(jb["flags"]) and len(b["document"]) == 1,
          "document decision stored with its implied flag decisions: %s" % b)
    st, dl = d.call("GET", "/v1/deliveries?job=%d" % jobs[0], token=d.admin)
    check(st == 200 and len(dl["deliveries"]) == 3,
          "job.finished and two decision deliveries in the log: %s" % dl)
    rc = d.stop()
    check(rc == 0, "clean stop")
finally:
    d.cleanup()
    rx.close()
done("test_webhook_decisions")
