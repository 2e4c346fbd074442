"""Helpers of the daemon tests: a docscreend on 127.0.0.1 with a temporary
store, tokens for every role, HTTP calls, a loopback webhook receiver that
checks signatures. Python standard library only."""
import hashlib
import hmac
import http.client
import http.server
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

ROLES = ("station", "hook", "officer", "admin")
FAILURES = []
CHECKS = [0]


def check(cond, what):
    CHECKS[0] += 1
    if not cond:
        FAILURES.append(what)
        print("  FAIL:", what, flush=True)
    return cond


def done(name):
    if FAILURES:
        print("%s: %d failure(s)" % (name, len(FAILURES)))
        sys.exit(1)
    print("%s: ok (%d checks)" % (name, CHECKS[0]))
    sys.exit(0)


class Daemon:
    def __init__(self, build, source, extra=None, workers=2, keep_dir=None, store=None):
        self.build, self.source = build, source
        self.bin = os.path.join(build, "docscreend")
        self.dir = keep_dir or tempfile.mkdtemp(prefix="dsd-test-")
        self.db = os.path.join(self.dir, "store.db")
        # The store: SQLite in the directory; a PostgreSQL url when given, or
        # when DS_TEST_PG_URL names a server (tests/pg/pgcluster.py run):
        # a database of this directory's own there.
        self.store = store or pg_database(self.dir) or ("sqlite:" + self.db)
        self.pg = self.store.startswith("postgresql://")
        self.extra = list(extra or [])
        self.workers = workers
        self.proc = None
        self.port = None
        self.tokens = {}
        self.admin = "admin-token-" + os.urandom(12).hex()

    def args(self):
        a = [self.bin, "--store", self.store, "--listen", "127.0.0.1:0",
             "--workers", str(self.workers), "--set", "admin_token=" + self.admin,
             "--set", "today=2024-06-01", "--set", "tmp_dir=" + self.dir,
             "--set", "shutdown_grace_s=20", "--set", "webhook_allow_internal=true"]
        for kv in self.extra:
            a += ["--set", kv]
        return a

    def start(self):
        pf = os.path.join(self.dir, "port")
        if os.path.exists(pf):
            os.unlink(pf)
        env = dict(os.environ, DOCSCREEND_PORT_FILE=pf)
        env.setdefault("ASAN_OPTIONS", "detect_leaks=1")
        self.log = open(os.path.join(self.dir, "daemon.log"), "ab")
        self.proc = subprocess.Popen(self.args(), stderr=self.log, stdout=self.log, env=env)
        t0 = time.time()
        while not os.path.exists(pf):
            if self.proc.poll() is not None or time.time() - t0 > 30:
                raise RuntimeError("docscreend did not start:\n" + self.logtext())
            time.sleep(0.05)
        self.port = int(open(pf).read())
        return self

    def logtext(self):
        try:
            return open(os.path.join(self.dir, "daemon.log"), errors="replace").read()
        except OSError:
            return ""

    def stop(self, sig=signal.SIGTERM, timeout=60):
        if not self.proc:
            return 0
        self.proc.send_signal(sig)
        try:
            rc = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            rc = self.proc.wait()
        self.proc = None
        self.log.close()
        return rc

    def kill9(self):
        self.proc.kill()
        self.proc.wait()
        self.proc = None
        self.log.close()

    def cleanup(self):
        if self.proc:
            self.stop()
        log = self.logtext()
        if ("ERROR: AddressSanitizer" in log or "runtime error:" in log or "LeakSanitizer" in log
                or "WARNING: ThreadSanitizer" in log):
            check(False, "sanitizer report in the daemon log:\n" + log[-4000:])
        if FAILURES and os.environ.get("DSD_KEEP"):
            print("  kept", self.dir)
            return
        shutil.rmtree(self.dir, ignore_errors=True)

    def run_tool(self, *args, input=None):
        a = [self.bin, "--store", self.store] + list(args)
        return subprocess.run(a, capture_output=True, text=True, input=input, timeout=60)

    def make_tokens(self):
        for r in ROLES:
            st, body = self.call("POST", "/v1/tokens", token=self.admin,
                                 body={"name": "t-" + r, "role": r})
            check(st == 201 and body.get("token", "").startswith("dst_"), "token for " + r)
            self.tokens[r] = body["token"]
        return self.tokens

    def call(self, method, path, token=None, body=None, raw=None, headers=None, timeout=30):
        """Returns (status, parsed JSON or text)."""
        h = dict(headers or {})
        if token:
            h["Authorization"] = "Bearer " + token
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            h.setdefault("Content-Type", "application/json")
        elif raw is not None:
            data = raw
            h.setdefault("Content-Type", "application/octet-stream")
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            c.request(method, path, body=data, headers=h)
            r = c.getresponse()
            text = r.read()
            self.last_headers = dict(r.getheaders())
            status = r.status
        finally:
            c.close()
        ctype = self.last_headers.get("Content-Type", "")
        if ctype.startswith("application/json"):
            try:
                return status, json.loads(text)
            except ValueError:
                return status, {"_invalid_json": text[:200]}
        return status, text.decode("utf-8", "replace")

    def submit(self, token, case_id, path, key=None, filename=None):
        h = {"Idempotency-Key": key} if key else {}
        q = "?filename=" + (filename or os.path.basename(path))
        return self.call("POST", "/v1/cases/%s/documents%s" % (case_id, q), token=token,
                         raw=open(path, "rb").read(), headers=h)

    def wait_job(self, token, job_id, timeout=90):
        t0 = time.time()
        while time.time() - t0 < timeout:
            st, b = self.call("GET", "/v1/jobs/%d" % job_id, token=token)
            if st == 200 and b.get("state") in ("done", "failed"):
                return b
            time.sleep(0.1)
        return None


def pg_database(directory):
    """With DS_TEST_PG_URL set, the url of a database named after directory
    on that server (created when missing), with a two-second job lease;
    else None."""
    server = os.environ.get("DS_TEST_PG_URL")
    if not server:
        return None
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pg"))
    import pgcluster
    name = "dsd_" + hashlib.sha256(os.path.abspath(directory).encode()).hexdigest()[:16]
    psql = os.path.join(pgcluster.bindir(), "psql")
    r = subprocess.run([psql, "-X", "-q", "-d", server + "/postgres", "-c",
                        "CREATE DATABASE " + name], capture_output=True, text=True)
    if r.returncode != 0 and "already exists" not in r.stderr:
        raise RuntimeError("cannot create the test database: " + r.stderr)
    return "%s/%s?ds_lease=2" % (server, name)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def verify_signature(secret, header, body, tolerance=300):
    parts = dict(p.split("=", 1) for p in header.split(",") if "=" in p)
    ts = parts.get("t", "")
    if not ts.isdigit() or abs(time.time() - int(ts)) > tolerance:
        return False
    want = hmac.new(secret.encode(), ts.encode() + b"." + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(want, parts.get("v1", ""))


class Receiver:
    """A loopback webhook receiver that records every delivery and checks
    its signature; `fail_first` answers 500 to the first N requests."""

    def __init__(self, secret, fail_first=0):
        self.secret = secret
        self.got = []   # (delivery_id, body dict, signature_ok)
        self.lock = threading.Lock()
        self.fail_left = fail_first
        rec = self

        class H(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                n = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(n)
                ok = verify_signature(rec.secret, self.headers.get("X-Docscreen-Signature", ""), body)
                with rec.lock:
                    if rec.fail_left > 0:
                        rec.fail_left -= 1
                        self.send_response(500)
                        self.end_headers()
                        return
                    try:
                        parsed = json.loads(body)
                    except ValueError:
                        parsed = {}
                    rec.got.append((self.headers.get("X-Docscreen-Delivery"), parsed, ok))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *a):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.port = self.server.server_address[1]
        self.url = "http://127.0.0.1:%d/hook" % self.port
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def jobs(self):
        with self.lock:
            return {b.get("job_id") for _, b, _ in self.got}

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def samples(source):
    d = os.path.join(source, "samples", "pages")
    return sorted(os.path.join(d, f) for f in os.listdir(d)
                  if f.endswith((".jpg", ".tif", ".png")))
