"""API tests against a real docscreend on loopback: every endpoint, every
role x endpoint pair, bad bodies, oversize uploads, idempotency replays,
decisions and the audit chain, connection limits, reload, tools."""
import os
import signal
import socket
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from dtest import Daemon, ROLES, check, done, samples  # noqa: E402

build, source = sys.argv[1], sys.argv[2]
pages = samples(source)
td3 = [p for p in pages if p.endswith("0004-td3.jpg")][0]
td1 = [p for p in pages if p.endswith("0001-td1.jpg")][0]

conf_path = None
d = Daemon(build, source, extra=["max_upload_bytes=400000", "max_connections_per_ip=6"])
try:
    conf_path = os.path.join(d.dir, "docscreend.conf")
    with open(conf_path, "w") as f:
        f.write("# test configuration\nlog_level = info\nmetrics_public = false\n")
    d.extra.append("retention_days=0")
    d.start()
    tok = d.make_tokens()

    # ---------------------------------------------------------------- health
    st, b = d.call("GET", "/healthz")
    check(st == 200 and b.get("status") == "ok", "healthz: %s %s" % (st, b))

    # ------------------------------------------------- set-up for the matrix
    st, b = d.call("PUT", "/v1/cases/M1", token=tok["station"],
                   body={"case_id": "M1", "surname": "Smith", "given_names": "John",
                         "birth_date": "1970-01-01"})
    check(st == 201 and b.get("created") is True, "case create: %s %s" % (st, b))
    st, b = d.call("PUT", "/v1/cases/M1", token=tok["station"],
                   body={"case_id": "M1", "surname": "Smith", "given_names": "John",
                         "birth_date": "1970-01-01"})
    check(st == 200 and b.get("created") is False, "case update: %s %s" % (st, b))
    st, b = d.submit(tok["station"], "M1", td3)
    check(st == 202 and b.get("job_id"), "submit: %s %s" % (st, b))
    check(d.last_headers.get("Location") == "/v1/jobs/%d" % b.get("job_id", 0), "Location header")
    job = b["job_id"]
    jb = d.wait_job(tok["officer"], job)
    check(jb is not None and jb["state"] == "done", "job finished: %s" % jb)
    check(jb and jb.get("verdict") == "review" and len(jb.get("flags", [])) >= 1,
          "case mismatch flagged: %s" % jb)

    # --------------------------------------------------- role x endpoint
    counter = [0]

    def fresh_name():
        counter[0] += 1
        return "m%d" % counter[0]

    def victim():
        n = fresh_name()
        d.call("POST", "/v1/tokens", token=d.admin, body={"name": n, "role": "station"})
        return n

    # A case belongs to the token that created it (docs/daemon.md, *Case
    # ownership*), so each token writes a case of its own here.
    def own_case(t):
        return "M2-" + (t or "none")[-8:]

    endpoints = [
        ("PUT case", {"station", "hook"},
         lambda t: d.call("PUT", "/v1/cases/" + own_case(t), token=t,
                          body={"case_id": own_case(t)})),
        ("GET case", {"officer"}, lambda t: d.call("GET", "/v1/cases/M1", token=t)),
        ("POST document", {"station", "hook"},
         lambda t: d.submit(t, own_case(t), td1, key="matrix")),
        ("GET job", {"station", "officer"}, lambda t: d.call("GET", "/v1/jobs/%d" % job, token=t)),
        ("GET report", {"officer"}, lambda t: d.call("GET", "/v1/jobs/%d/report" % job, token=t)),
        ("POST decision", {"officer"},
         lambda t: d.call("POST", "/v1/jobs/%d/flags/0/decision" % job, token=t,
                          body={"decision": "accepted", "note": "checked"})),
        ("GET review", {"officer"}, lambda t: d.call("GET", "/v1/review", token=t)),
        ("POST token", {"admin"},
         lambda t: d.call("POST", "/v1/tokens", token=t, body={"name": fresh_name(), "role": "hook"})),
        ("GET tokens", {"admin"}, lambda t: d.call("GET", "/v1/tokens", token=t)),
        ("DELETE token", {"admin"}, lambda t: d.call("DELETE", "/v1/tokens/" + victim(), token=t)),
        ("GET deliveries", {"admin"}, lambda t: d.call("GET", "/v1/deliveries", token=t)),
        ("POST reload", {"admin"}, lambda t: d.call("POST", "/v1/admin/reload", token=t)),
        ("GET metrics", {"officer", "admin"}, lambda t: d.call("GET", "/metrics", token=t)),
    ]
    callers = [(r, tok[r]) for r in ROLES] + [("none", None), ("bogus", "dst_" + "0" * 64)]
    callers.insert(4, ("admin", d.admin))
    for name, allowed, fn in endpoints:
        for role, t in callers:
            st, b = fn(t)
            ok = 200 <= st < 300
            if role in allowed:
                check(ok, "%s as %s must succeed: %s %s" % (name, role, st, b))
            else:
                check(not ok, "%s as %s must be refused: %s" % (name, role, st))
                check(st in (401, 403, 404), "%s as %s: 401/403/404, got %s" % (name, role, st))
                if st != 404:
                    check(isinstance(b, dict) and "code" in b.get("error", {}),
                          "%s as %s: JSON error body" % (name, role))
                if role in ("none", "bogus"):
                    check(st == 401, "%s without a valid token: 401, got %s" % (name, st))
    # a hook token cannot see the station's job (404, not 403: ids leak nothing)
    st, b = d.call("GET", "/v1/jobs/%d" % job, token=tok["hook"])
    check(st == 404, "other submitter's job hidden: %s" % st)

    # ------------------------------------------------------------ bad bodies
    st, b = d.call("PUT", "/v1/cases/M3", token=tok["station"], raw=b"{not json",
                   headers={"Content-Type": "application/json"})
    check(st == 400 and b["error"]["code"] == "invalid_json", "bad case JSON: %s %s" % (st, b))
    st, b = d.call("PUT", "/v1/cases/M3", token=tok["station"], body={"surname": "X"})
    check(st == 422 and b["error"]["code"] == "invalid_case", "case without id: %s %s" % (st, b))
    st, b = d.call("PUT", "/v1/cases/M3", token=tok["station"], body={"case_id": "OTHER"})
    check(st == 422 and b["error"]["code"] == "case_id_mismatch", "case id mismatch: %s" % st)
    st, b = d.call("PUT", "/v1/cases/M3", token=tok["station"], body={"case_id": "M3", "sex": "Q"})
    check(st == 422, "case bad sex: %s" % st)
    st, b = d.call("PUT", "/v1/cases/M3", token=tok["station"], body=[1, 2])
    check(st == 400, "case array: %s" % st)
    st, b = d.call("POST", "/v1/cases/M3/documents", token=tok["station"], raw=b"")
    check(st == 400 and b["error"]["code"] == "empty_document", "empty document: %s %s" % (st, b))
    st, b = d.call("POST", "/v1/jobs/%d/flags/0/decision" % job, token=tok["officer"],
                   body={"decision": "maybe"})
    check(st == 422 and b["error"]["code"] == "invalid_decision", "bad decision: %s" % st)
    st, b = d.call("POST", "/v1/jobs/%d/flags/0/decision" % job, token=tok["officer"],
                   raw=b"[", headers={"Content-Type": "application/json"})
    check(st == 400, "decision bad JSON: %s" % st)
    st, b = d.call("POST", "/v1/jobs/%d/flags/99/decision" % job, token=tok["officer"],
                   body={"decision": "rejected"})
    check(st == 404 and b["error"]["code"] == "flag_not_found", "flag out of range: %s" % st)
    st, b = d.call("POST", "/v1/jobs/%d/flags/0/decision" % job, token=tok["officer"],
                   body={"decision": "rejected", "note": "x" * 3000})
    check(st == 413, "decision note too long: %s" % st)
    st, b = d.call("POST", "/v1/tokens", token=d.admin, body={"name": "x1", "role": "king"})
    check(st == 422, "token bad role: %s" % st)
    st, b = d.call("POST", "/v1/tokens", token=d.admin, body={"name": "t-station", "role": "hook"})
    check(st == 409 and b["error"]["code"] == "token_exists", "token name reused: %s" % st)
    st, b = d.call("GET", "/v1/nothing", token=tok["officer"])
    check(st == 404 and b["error"]["code"] == "not_found", "unknown endpoint: %s" % st)
    st, b = d.call("DELETE", "/v1/review", token=tok["officer"])
    check(st == 405 and b["error"]["code"] == "method_not_allowed", "wrong method: %s" % st)
    st, b = d.call("GET", "/v1/jobs/abc", token=tok["officer"])
    check(st == 404, "non-numeric job id: %s" % st)
    st, b = d.call("GET", "/v1/jobs/999999", token=tok["officer"])
    check(st == 404, "missing job: %s" % st)
    st, b = d.call("GET", "/v1/review?limit=0", token=tok["officer"])
    check(st == 400 and b["error"]["code"] == "invalid_query", "bad limit: %s" % st)
    st, b = d.call("GET", "/v1/cases/..", token=tok["officer"])
    check(st in (400, 404), "dot-dot case id: %s" % st)

    # -------------------------------------------------------------- oversize
    big = os.urandom(500000)
    st, b = d.call("POST", "/v1/cases/M4/documents", token=tok["station"], raw=big)
    check(st == 413 and b["error"]["code"] == "payload_too_large", "oversize upload: %s %s" % (st, b))
    # chunked (no Content-Length): refused once the cap is crossed
    import http.client
    c = http.client.HTTPConnection("127.0.0.1", d.port, timeout=30)
    c.request("POST", "/v1/cases/M4/documents",
              body=iter([big[i:i + 65536] for i in range(0, len(big), 65536)]),
              headers={"Authorization": "Bearer " + tok["station"],
                       "Content-Type": "application/octet-stream"}, encode_chunked=True)
    r = c.getresponse()
    check(r.status == 413, "chunked oversize: %s" % r.status)
    r.read()
    c.close()
    st, b = d.call("PUT", "/v1/cases/M4", token=tok["station"], raw=b"{" + b" " * 70000 + b"}",
                   headers={"Content-Type": "application/json"})
    check(st == 413, "oversize case record: %s" % st)

    # ------------------------------------------------------------- multipart
    boundary = "----dstest" + os.urandom(4).hex()
    data = open(td1, "rb").read()
    mp = ("--%s\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
          "--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan 1.jpg\"\r\n"
          "Content-Type: image/jpeg\r\n\r\n" % (boundary, boundary)).encode() + data + \
         ("\r\n--%s--\r\n" % boundary).encode()
    st, b = d.call("POST", "/v1/cases/MP/documents", token=tok["hook"], raw=mp,
                   headers={"Content-Type": "multipart/form-data; boundary=" + boundary})
    check(st == 202, "multipart upload: %s %s" % (st, b))
    if st == 202:
        jb = d.wait_job(tok["officer"], b["job_id"])
        st2, rep = d.call("GET", "/v1/jobs/%d/report" % b["job_id"], token=tok["officer"])
        check(st2 == 200 and rep.get("file") == "scan 1.jpg" and rep.get("documents"),
              "multipart report: %s %s" % (st2, str(rep)[:200]))
    mp2 = ("--%s\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n--%s--\r\n"
           % (boundary, boundary)).encode()
    st, b = d.call("POST", "/v1/cases/MP/documents", token=tok["hook"], raw=mp2,
                   headers={"Content-Type": "multipart/form-data; boundary=" + boundary})
    check(st == 400 and b["error"]["code"] == "no_document", "multipart without file: %s" % st)

    # ----------------------------------------------------------- idempotency
    st1, b1 = d.submit(tok["station"], "ID1", td1, key="key-1")
    st2, b2 = d.submit(tok["station"], "ID1", td1, key="key-1")
    check(st1 == 202 and st2 == 202 and b1["job_id"] == b2["job_id"], "replay same job")
    check(b1.get("replayed") is False and b2.get("replayed") is True, "replayed flag")
    st3, b3 = d.submit(tok["station"], "ID1", td3, key="key-1")
    check(st3 == 409 and b3["error"]["code"] == "idempotency_conflict", "key reuse: %s" % st3)
    st4, b4 = d.submit(tok["station"], "ID2", td1, key="key-1")
    check(st4 == 409, "key reuse with another case: %s" % st4)
    st5, b5 = d.submit(tok["hook"], "ID1", td1, key="key-1")
    check(st5 == 202 and b5["job_id"] != b1["job_id"], "keys are per token")
    st6, b6 = d.submit(tok["station"], "ID1", td1, key="k" * 300)
    check(st6 == 400, "overlong key: %s" % st6)
    jb = d.wait_job(tok["station"], b1["job_id"])
    st7, b7 = d.submit(tok["station"], "ID1", td1, key="key-1")
    check(st7 == 202 and b7["job_id"] == b1["job_id"] and b7["state"] == "done",
          "replay after completion: %s" % b7)

    # ------------------------------------------------ review and decisions
    st, rv = d.call("GET", "/v1/review?limit=1", token=tok["officer"])
    check(st == 200 and isinstance(rv.get("items"), list), "review: %s" % rv)
    st, rv_all = d.call("GET", "/v1/review?all=1&limit=500", token=tok["officer"])
    ids = [i["job_id"] for i in rv_all.get("items", [])]
    check(job in ids, "decided job still listed with all=1")
    times = [i["completed_at"] for i in rv_all.get("items", [])]
    check(times == sorted(times), "review oldest first")
    if rv.get("next"):
        st, rv2 = d.call("GET", "/v1/review?limit=1&after=" + rv["next"], token=tok["officer"])
        check(st == 200, "review next page")
    st, b = d.call("POST", "/v1/jobs/%d/flags/0/decision" % job, token=tok["officer"],
                   body={"decision": "rejected", "note": "second look"})
    check(st == 201 and b.get("decision") == "rejected" and b.get("officer") == "t-officer",
          "decision: %s %s" % (st, b))
    st, rep = d.call("GET", "/v1/jobs/%d/report" % job, token=tok["officer"])
    check(st == 200 and rep.get("job_id") == job and rep.get("case_id") == "M1", "report body")

    # ------------------------------------------------------------ metrics
    st, m = d.call("GET", "/metrics", token=tok["officer"])
    check(st == 200 and "docscreen_queue_depth" in m and "docscreen_job_latency_seconds_bucket" in m
          and 'docscreen_jobs_finished_total{outcome="review"}' in m, "metrics text")
    # what is read from the store (cluster-wide on PostgreSQL) and what is this node's
    check('docscreen_store_info{backend="%s"} 1' % ("postgresql" if d.pg else "sqlite") in m
          and "docscreen_queue_depth Jobs waiting for a worker, from the store: every node's" in m
          and "docscreen_submissions_total Documents accepted by this node's API" in m,
          "metrics say their scope")

    # ------------------------------------------------------- token revoke
    st, b = d.call("POST", "/v1/tokens", token=d.admin, body={"name": "gone", "role": "officer"})
    gone = b.get("token")
    st, b = d.call("GET", "/v1/review", token=gone)
    check(st == 200, "new officer token works")
    st, b = d.call("DELETE", "/v1/tokens/gone", token=d.admin)
    check(st == 200, "revoke: %s" % st)
    st, b = d.call("GET", "/v1/review", token=gone)
    check(st == 401, "revoked token refused: %s" % st)
    st, b = d.call("DELETE", "/v1/tokens/gone", token=d.admin)
    check(st == 404, "revoke twice: %s" % st)
    st, tl = d.call("GET", "/v1/tokens", token=d.admin)
    check(st == 200 and all("hash" not in t and "token" not in t for t in tl["tokens"]),
          "token list has no secrets")

    # ------------------------------------------ connections per address
    socks = []
    for _ in range(6):
        s = socket.create_connection(("127.0.0.1", d.port))
        socks.append(s)
    time.sleep(0.3)
    st, b = d.call("GET", "/healthz")
    check(st == 429 and b["error"]["code"] == "too_many_connections", "per-address limit: %s" % st)
    for s in socks:
        s.close()
    time.sleep(0.5)
    st, b = d.call("GET", "/healthz")
    check(st == 200, "after closing connections: %s" % st)

    # ---------------------------------------------------- reload (SIGHUP)
    st, b = d.call("GET", "/metrics")
    check(st == 401, "metrics need a token: %s" % st)
    # restart with a configuration file, change it, SIGHUP
    d.stop()
    d_args = d.args
    d.args = lambda: d_args() + ["--config", conf_path]
    with open(conf_path, "w") as f:
        f.write("log_level = info\nmetrics_public = false\n")
    d.start()
    st, b = d.call("GET", "/metrics")
    check(st == 401, "metrics private before reload: %s" % st)
    with open(conf_path, "w") as f:
        f.write("log_level = debug\nmetrics_public = true\n")
    d.proc.send_signal(signal.SIGHUP)
    time.sleep(1.5)
    st, b = d.call("GET", "/metrics")
    check(st == 200, "metrics public after SIGHUP: %s" % st)
    with open(conf_path, "w") as f:
        f.write("log_level = nonsense\n")
    d.proc.send_signal(signal.SIGHUP)
    time.sleep(1.5)
    st, b = d.call("GET", "/healthz")
    check(st == 200, "a bad reload keeps the daemon running")
    check("reload refused" in d.logtext(), "bad reload logged")

    # ------------------------------------------------- graceful shutdown
    st, b = d.submit(tok["station"], "SD", td3)
    rc = d.stop()
    check(rc == 0, "SIGTERM exit status 0: %s" % rc)
    check("stopped" in d.logtext(), "clean stop logged")

    # ------------------------------------------------------------- tools
    r = d.run_tool("--verify-audit")
    check(r.returncode == 0 and "intact" in r.stdout and "integrity: ok" in r.stdout,
          "verify-audit: %s %s" % (r.stdout, r.stderr))
    n = int(r.stdout.split("intact:")[1].split()[0]) if "intact:" in r.stdout else 0
    check(n >= 4, "audit entries for reads and decisions: %d" % n)
    r = d.run_tool("--check-config")
    check(r.returncode == 0 and "configuration ok" in r.stdout, "check-config")
    r = d.run_tool("--check-config", "--set", "workers=-1")
    check(r.returncode == 2 and "workers" in r.stderr, "check-config refuses a bad value")
    r = d.run_tool("--check-config", "--set", "webhook.a.url=http://127.0.0.1:1/")
    check(r.returncode == 2, "check-config: webhook without secret")
    r = d.run_tool("--check-config", "--set", "nosuchkey=1")
    check(r.returncode == 2, "check-config: unknown key")
    r = d.run_tool("--create-token", "cli-off", "officer")
    check(r.returncode == 0 and r.stdout.strip().startswith("dst_"), "create-token")
    r = d.run_tool("--create-token", "cli-off", "officer")
    check(r.returncode == 2, "create-token twice")
    lost = os.path.join(d.dir, "lost.csv")
    with open(lost, "w") as f:
        f.write("document_number,issuing_state,reported_on,source\nL898902C3,UTO,2020-01-01,test\nbad line,,\n")
    r = d.run_tool("--import-lost", lost)
    check(r.returncode == 0 and "imported 1" in r.stdout, "import-lost: %s %s" % (r.stdout, r.stderr))
    # the job submitted before SIGTERM is finished after a restart
    with open(conf_path, "w") as f:
        f.write("log_level = info\n")
    d.start()
    jb = d.wait_job(tok["officer"], b["job_id"]) if st == 202 else None
    check(st != 202 or (jb and jb["state"] == "done"), "job acknowledged before SIGTERM finished")
    d.stop()
finally:
    d.cleanup()
done("test_api")
