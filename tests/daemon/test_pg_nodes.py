"""Two docscreend nodes on one PostgreSQL database (a throw-away cluster,
tests/pg/pgcluster.py), one worker each.

1. A batch split across the nodes; node A is killed with -9 while it has a
   job running (seen in the jobs table). The submissions A can no longer
   take go to B with the same Idempotency-Key (what a load balancer's
   retry does). B finishes A's jobs once their lease ran out.
2. A comes back; another batch over both, and the PostgreSQL server is
   stopped (as a crash: immediate) in the middle: requests get 503
   store_unavailable and /healthz 503 while it is away; the server comes
   back on the same port and both nodes carry on by themselves.

Every acknowledged document ends in a final state exactly once (one
delivery row per job, one delivery id per job at the receiver), no webhook
is lost, both nodes report the same job counts, and the audit chain and
the store's integrity verify. Exits 77 with a message when the PostgreSQL
server binaries are absent."""
import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pg"))
import pgcluster  # noqa: E402
from dtest import Daemon, Receiver, check, done, samples  # noqa: E402

if not pgcluster.bindir():
    print("SKIPPED: the PostgreSQL server binaries are not installed "
          "(scripts/install-deps.sh installs the package postgresql)")
    sys.exit(77)

build, source = sys.argv[1], sys.argv[2]
pages = samples(source)
cluster = pgcluster.Cluster().start()
url = cluster.createdb("nodes") + "?ds_lease=2"
rx = Receiver("nodes-test-secret-0123456789")
extra = ["webhook.r.url=" + rx.url, "webhook.r.secret=" + rx.secret, "webhook_lease_s=3"]
a = Daemon(build, source, extra=extra, workers=1, store=url)
b = Daemon(build, source, extra=extra, workers=1, store=url)
b.admin = a.admin  # one bootstrap admin token for the one database
acked = {}          # i -> job id
statuses = []       # (node, status, error code) of every answer that was not 202
lock = threading.Lock()


def code(body):
    """The error code of an answer's body, or its text."""
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        return body["error"].get("code")
    return str(body)[:60]


def submit_any(nodes, tok, prefix, i):
    """Submits document i to the first node that takes it, retrying the
    same key on the others (and again) until one answers 202."""
    p = pages[i % len(pages)]
    t0 = time.time()
    k = i
    while time.time() - t0 < 120:
        d = nodes[k % len(nodes)]
        k += 1
        if d.proc is None:
            continue
        try:
            st, body = d.submit(tok, "%s%02d" % (prefix, i), p, key="%s-%d" % (prefix, i))
        except OSError:
            continue
        if st == 202:
            with lock:
                acked[(prefix, i)] = body["job_id"]
            return
        with lock:
            statuses.append((d is a and "a" or "b", st, code(body)))
        time.sleep(0.2)
    check(False, "document %s%d was never acknowledged" % (prefix, i))


def feed(nodes, tok, prefix, n, pace=0.0):
    for i in range(n):
        submit_any(nodes, tok, prefix, i)
        time.sleep(pace)


def running_on(node):
    """Jobs the node holds under a lease now (its id carries its pid)."""
    out = cluster.psql("nodes", "SELECT id FROM jobs WHERE state = 1 AND lease_node LIKE '%%:%d:%%'"
                       % node.proc.pid)
    return [int(x) for x in out.split()]


def wait_final(d, tok, jobs, timeout=240):
    t0 = time.time()
    for j in jobs:
        left = max(1, timeout - (time.time() - t0))
        jb = d.wait_job(tok["officer"], j, timeout=left)
        if not check(jb is not None and jb["state"] in ("done", "failed"), "job %d final: %s" % (j, jb)):
            print("  job row:", cluster.psql("nodes", "SELECT state, attempts, worker, lease_node,"
                  " lease_until - extract(epoch FROM clock_timestamp()) FROM jobs WHERE id = %d" % j))


def exactly_once(d, jobs):
    for j in jobs:
        st, dl = d.call("GET", "/v1/deliveries?job=%d" % j, token=d.admin)
        check(st == 200 and len(dl["deliveries"]) == 1, "job %d completed once: %s" % (j, dl))
    t0 = time.time()
    want = set(jobs)
    while not want <= rx.jobs() and time.time() - t0 < 60:
        time.sleep(0.2)
    check(want <= rx.jobs(), "no webhook lost: missing %s" % sorted(want - rx.jobs()))
    by_job = {}
    for did, body, ok in rx.got:
        check(ok, "delivery %s signed" % did)
        by_job.setdefault(body.get("job_id"), set()).add(did)
    check(all(len(v) == 1 for v in by_job.values()),
          "one delivery id per job (a resend after a crash reuses it): %s" % by_job)


try:
    a.start()
    b.start()
    tok = a.make_tokens()
    b.tokens = tok
    station = tok["station"]

    # ---- 1. kill -9 one node mid-batch
    N = 16
    t = threading.Thread(target=feed, args=([a, b], station, "K", N))
    t.start()
    held, t0 = [], time.time()
    while not held and time.time() - t0 < 90:
        held = running_on(a)
        time.sleep(0.02)
    check(bool(held), "node A had a job running before the kill")
    a.kill9()
    t.join()
    jobs1 = [acked[("K", i)] for i in range(N) if ("K", i) in acked]
    check(len(jobs1) == N, "every document of batch 1 acknowledged: %d/%d" % (len(jobs1), N))
    wait_final(b, tok, jobs1)
    for j in held:
        st, jb = b.call("GET", "/v1/jobs/%d" % j, token=tok["officer"])
        check(st == 200 and jb["state"] in ("done", "failed") and jb.get("attempts", 2) >= 2,
              "job %d that A held was finished by B: %s" % (j, jb))
    exactly_once(b, jobs1)

    # ---- 2. restart PostgreSQL mid-batch, both nodes up
    a.start()
    M = 12
    t = threading.Thread(target=feed, args=([a, b], station, "R", M, 0.3))
    t.start()
    t0 = time.time()
    while len([k for k in acked if k[0] == "R"]) < 3 and time.time() - t0 < 90:
        time.sleep(0.05)
    cluster.stop("immediate")
    # while the database is away: a clear 503, on both nodes
    st, body = b.call("GET", "/v1/jobs/%d" % jobs1[0], token=tok["officer"])
    check(st == 503 and code(body) == "store_unavailable",
          "a request while the database is away: %s %s" % (st, body))
    st, _ = a.call("GET", "/healthz")
    check(st == 503, "/healthz while the database is away: %s" % st)
    time.sleep(2)
    cluster.start()
    t.join()
    jobs2 = [acked[("R", i)] for i in range(M) if ("R", i) in acked]
    check(len(jobs2) == M, "every document of batch 2 acknowledged: %d/%d" % (len(jobs2), M))
    wait_final(a, tok, jobs2)
    exactly_once(a, jobs1 + jobs2)

    # both nodes see one store: the same counts
    def counts(d):
        st, m = d.call("GET", "/metrics", token=tok["officer"])
        return {l.split('"')[1]: int(l.split()[-1]) for l in m.splitlines()
                if l.startswith("docscreen_jobs{")}
    ca, cb = counts(a), counts(b)
    check(ca == cb and ca.get("done", 0) + ca.get("failed", 0) == N + M,
          "both nodes count the same jobs: %s %s" % (ca, cb))
    st, _ = b.call("GET", "/healthz")
    check(st == 200, "/healthz once the database is back: %s" % st)
    for d in (a, b):
        check(d.stop() == 0, "clean stop")
    r = b.run_tool("--verify-audit")
    check(r.returncode == 0, "audit chain and integrity: %s %s" % (r.stdout, r.stderr))
    refused = [s for s in statuses if s[1] != 202]
    print("  batch 1: %d documents, node A killed holding job(s) %s; batch 2: %d documents, "
          "%d answers refused while the database was away (%s); %d webhooks received"
          % (N, held, M, len(refused), sorted({(s, e) for _, s, e in refused}), len(rx.got)))
finally:
    a.cleanup()
    b.cleanup()
    rx.close()
    cluster.destroy()
done("test_pg_nodes")
