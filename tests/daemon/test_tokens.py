"""Token identity (issue 14, defect 11): a new token given the name of a
revoked one does not inherit the old token's jobs or idempotency keys; the
old token's own view stays as it was until it was revoked."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from dtest import Daemon, check, done, samples  # noqa: E402

build, source = sys.argv[1], sys.argv[2]
pages = samples(source)
a = [p for p in pages if p.endswith("0004-td3.jpg")][0]
b = [p for p in pages if p.endswith("0001-td1.jpg")][0]

d = Daemon(build, source, extra=["viz=false", "forensics=false", "barcodes=false"], workers=1)
try:
    d.start()
    st, body = d.call("POST", "/v1/tokens", token=d.admin, body={"name": "desk", "role": "station"})
    check(st == 201, "first token")
    old = body.get("token")
    st, j1 = d.submit(old, "K-1", a, key="key-1")
    check(st == 202, "submission with the first token")
    check(d.wait_job(old, j1["job_id"]) is not None, "the first token sees its job")
    st, _ = d.call("DELETE", "/v1/tokens/desk", token=d.admin)
    check(st == 200, "revoked")
    st, body = d.call("POST", "/v1/tokens", token=d.admin, body={"name": "desk", "role": "station"})
    check(st == 201, "a new token with the same name")
    new = body.get("token")
    st, _ = d.call("GET", "/v1/jobs/%d" % j1["job_id"], token=new)
    check(st == 404, "the new token does not see the old token's job: %s" % st)
    st, _ = d.call("GET", "/v1/jobs/%d" % j1["job_id"], token=old)
    check(st == 401, "the revoked token is refused: %s" % st)
    # the same key: the old submission is neither replayed nor a conflict
    st, j2 = d.submit(new, "K-1", a, key="key-1")
    check(st == 202 and not j2.get("replayed") and j2.get("job_id") != j1["job_id"],
          "same key, same bytes: a new job, not the old one: %s %s" % (st, j2))
    st, j3 = d.submit(new, "K-2", b, key="key-1b")
    st, j4 = d.submit(new, "K-2", b, key="key-1b")
    check(st == 202 and j4.get("replayed") and j4.get("job_id") == j3.get("job_id"),
          "the new token's own keys replay")
    st, j5 = d.submit(new, "K-9", b, key="key-1")
    check(st == 409, "the new token's own key with other bytes conflicts: %s" % st)
    check(d.wait_job(new, j2["job_id"]) is not None, "the new token sees its own job")
finally:
    d.cleanup()
done("daemon_tokens")
