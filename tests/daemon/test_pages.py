"""Paging by key (issue 14, defect 9): an item decided between two pages of
/v1/review, or a delivery created between two pages of /v1/deliveries,
never makes another item skipped or listed twice."""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from dtest import Daemon, Receiver, check, done, samples  # noqa: E402

build, source = sys.argv[1], sys.argv[2]
page = [p for p in samples(source) if p.endswith("0004-td3.jpg")][0]

rec = Receiver("a-webhook-secret-0123456789")
d = Daemon(build, source, extra=["viz=false", "forensics=false", "barcodes=false",
                                 "webhook.hook.url=" + rec.url,
                                 "webhook.hook.secret=a-webhook-secret-0123456789"], workers=1)
try:
    d.start()
    tok = d.make_tokens()
    jobs = []
    # the same page for six cases: every one after the first is a DUPLICATE_IMAGE
    for i in range(6):
        st, b = d.submit(tok["station"], "K-%d" % i, page, filename="p%d.jpg" % i)
        check(st == 202, "submission %d" % i)
        jobs.append(b["job_id"])
    for j in jobs:
        d.wait_job(tok["officer"], j)
    st, full = d.call("GET", "/v1/review?limit=500", token=tok["officer"])
    all_ids = [it["job_id"] for it in full.get("items", [])]
    check(len(all_ids) >= 4, "at least four documents to review: %s" % all_ids)

    st, p1 = d.call("GET", "/v1/review?limit=2", token=tok["officer"])
    check(st == 200 and len(p1["items"]) == 2 and p1.get("next"), "first page: %s" % p1)
    first = p1["items"][0]
    # decide every flag of the first item: it leaves the pending queue
    for n in range(first["flag_count"]):
        st, _ = d.call("POST", "/v1/jobs/%d/flags/%d/decision" % (first["job_id"], n),
                       token=tok["officer"], body={"decision": "accepted"})
        check(st == 201, "decision %d" % n)
    seen = [it["job_id"] for it in p1["items"]]
    nxt = p1["next"]
    while nxt:
        st, pg = d.call("GET", "/v1/review?limit=2&after=" + str(nxt), token=tok["officer"])
        check(st == 200, "next page: %s %s" % (st, pg))
        if st != 200:
            break
        seen += [it["job_id"] for it in pg["items"]]
        nxt = pg.get("next")
    check(sorted(seen) == sorted(all_ids) and len(seen) == len(set(seen)),
          "every item listed once across pages: %s vs %s" % (seen, all_ids))
    st, _ = d.call("GET", "/v1/review?after=12", token=tok["officer"])
    check(st == 400, "a cursor that is not one is refused: %s" % st)

    # deliveries: newest first; a new one between pages changes nothing
    # (one job.finished per job and one decision.made per decision above)
    want = len(jobs) + first["flag_count"]
    t0 = time.time()
    while time.time() - t0 < 30:
        st, dl = d.call("GET", "/v1/deliveries?limit=500", token=tok["admin"])
        if st == 200 and len(dl["deliveries"]) >= want:
            break
        time.sleep(0.2)
    before = [x["id"] for x in dl["deliveries"]]
    check(len(before) == want, "one delivery per job and per decision: %s" % before)
    st, p1 = d.call("GET", "/v1/deliveries?limit=2", token=tok["admin"])
    got = [x["id"] for x in p1["deliveries"]]
    st, b = d.submit(tok["station"], "K-new", page, filename="new.jpg")
    d.wait_job(tok["officer"], b["job_id"])
    time.sleep(0.3)
    nxt = p1.get("next")
    while nxt is not None:
        st, pg = d.call("GET", "/v1/deliveries?limit=2&after=%s" % nxt, token=tok["admin"])
        check(st == 200, "next delivery page")
        if st != 200:
            break
        got += [x["id"] for x in pg["deliveries"]]
        nxt = pg.get("next")
    check(got == before, "every delivery listed once, newest first: %s vs %s" % (got, before))
finally:
    d.cleanup()
    rec.close()
done("daemon_pages")
