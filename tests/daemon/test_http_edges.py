"""HTTP edge cases (issue 14, defect 10): a method with a non-ASCII byte is
answered in JSON with a right Content-Length; no answer echoes the method;
Content-Length headers that disagree are refused; a multipart body without
its closing boundary is refused, never screened in part; a target or
headers over our caps get JSON 414/431; and on SIGTERM the listener stays
open, answering 503 shutting_down, while the work in hand drains."""
import json
import os
import signal
import socket
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from dtest import Daemon, check, done, samples  # noqa: E402

build, source = sys.argv[1], sys.argv[2]
pages = samples(source)
page = [p for p in pages if p.endswith("0004-td3.jpg")][0]
data = open(page, "rb").read()


def raw(port, head, body=b"", timeout=10):
    """Sends bytes, reads to EOF; returns (status, headers dict, body bytes)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        s.sendall(head + body)
        buf = b""
        while True:
            try:
                chunk = s.recv(65536)
            except (ConnectionResetError, socket.timeout):
                break
            if not chunk:
                break
            buf += chunk
    finally:
        s.close()
    head_b, _, rest = buf.partition(b"\r\n\r\n")
    lines = head_b.split(b"\r\n")
    try:
        status = int(lines[0].split()[1])
    except (IndexError, ValueError):
        status = 0
    hdrs = {}
    for ln in lines[1:]:
        k, _, v = ln.partition(b":")
        hdrs[k.strip().lower().decode("latin-1")] = v.strip().decode("latin-1")
    return status, hdrs, rest


def json_answer(status, hdrs, body, what):
    ok = hdrs.get("content-type", "").startswith("application/json")
    cl = hdrs.get("content-length")
    check(cl is not None and int(cl) == len(body),
          "%s: Content-Length %s matches the body (%d bytes)" % (what, cl, len(body)))
    try:
        parsed = json.loads(body)
    except ValueError:
        parsed = None
    check(ok and isinstance(parsed, dict) and "error" in parsed,
          "%s: a JSON error: %s %r" % (what, status, body[:120]))
    return parsed or {}


d = Daemon(build, source, extra=["viz=false", "forensics=false", "barcodes=false"], workers=1)
try:
    d.start()
    tok = d.make_tokens()
    auth = ("Authorization: Bearer %s\r\n" % tok["station"]).encode()
    officer = ("Authorization: Bearer %s\r\n" % tok["officer"]).encode()

    st, h, b = raw(d.port, b"G\xc9T /v1/review HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + officer + b"\r\n")
    e = json_answer(st, h, b, "non-ASCII method")
    check(st in (400, 405, 501), "non-ASCII method is a client error: %s" % st)

    st, h, b = raw(d.port, b"PATCHY /v1/review HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + officer + b"\r\n")
    e = json_answer(st, h, b, "unknown method")
    check(st == 405 and b"PATCHY" not in b, "405 without echoing the method: %s %r" % (st, b))

    st, h, b = raw(d.port, b"POST /v1/cases/K-1/documents?filename=a.jpg HTTP/1.1\r\nHost: x\r\n"
                   b"Connection: close\r\nContent-Type: application/octet-stream\r\n" + auth +
                   b"Content-Length: %d\r\nContent-Length: %d\r\n\r\n" % (len(data), len(data) - 10),
                   data)
    json_answer(st, h, b, "conflicting Content-Length")
    check(st == 400, "conflicting Content-Length refused: %s %r" % (st, b[:100]))

    bnd = b"BoUnDaRy42"
    part = (b"--" + bnd + b"\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n"
            b"Content-Type: image/jpeg\r\n\r\n" + data[: len(data) // 2])
    st, h, b = raw(d.port, b"POST /v1/cases/K-1/documents HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                   b"Content-Type: multipart/form-data; boundary=" + bnd + b"\r\n" + auth +
                   b"Content-Length: %d\r\n\r\n" % len(part), part)
    e = json_answer(st, h, b, "multipart without closing boundary")
    check(st == 400 and e.get("error", {}).get("code") == "invalid_multipart",
          "multipart without closing boundary refused: %s %r" % (st, b[:120]))
    # the same body with its closing boundary is accepted
    whole = part[: -(len(data) // 2)] + data + b"\r\n--" + bnd + b"--\r\n"
    st, h, b = raw(d.port, b"POST /v1/cases/K-1/documents HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                   b"Content-Type: multipart/form-data; boundary=" + bnd + b"\r\n" + auth +
                   b"Content-Length: %d\r\n\r\n" % len(whole), whole)
    check(st == 202, "a complete multipart body is accepted: %s %r" % (st, b[:120]))

    st, h, b = raw(d.port, b"GET /v1/review?x=" + b"a" * 20000 + b" HTTP/1.1\r\nHost: x\r\n"
                   b"Connection: close\r\n" + officer + b"\r\n")
    json_answer(st, h, b, "long target")
    check(st == 414, "long target: JSON 414: %s" % st)
    st, h, b = raw(d.port, b"GET /v1/review HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + officer +
                   b"".join(b"X-Pad-%d: %s\r\n" % (i, b"p" * 1000) for i in range(40)) + b"\r\n")
    json_answer(st, h, b, "large headers")
    check(st == 431, "large headers: JSON 431: %s" % st)

finally:
    d.cleanup()

# SIGTERM with work in hand (full screening of a multi-page file takes
# seconds): the listener stays open and answers 503 until drained
d = Daemon(build, source, workers=1)
try:
    d.start()
    tok = d.make_tokens()
    multi = [p for p in pages if p.endswith(".tif")][0]
    jobs = []
    for i in range(3):
        st, j = d.submit(tok["station"], "K-T%d" % i, multi, filename="m%d.tif" % i)
        jobs.append(j["job_id"])
    t0 = time.time()
    while time.time() - t0 < 30:
        st, j = d.call("GET", "/v1/jobs/%d" % jobs[-1], token=tok["officer"])
        if j.get("state") == "running":
            break
        time.sleep(0.01)
    d.proc.send_signal(signal.SIGTERM)
    time.sleep(0.05)
    answers = []
    t0 = time.time()
    while d.proc.poll() is None and time.time() - t0 < 30:
        try:
            st, b = d.call("POST", "/v1/cases/K-9/documents?filename=a.jpg", token=tok["station"],
                           raw=data, timeout=5)
            answers.append((st, b.get("error", {}).get("code") if isinstance(b, dict) else b))
        except OSError as ex:
            answers.append(("refused", str(ex)))
            break
        time.sleep(0.05)
    check(answers and answers[0] == (503, "shutting_down"),
          "while draining, a submission gets 503 shutting_down: %s" % answers[:3])
    rc = d.proc.wait(60)
    d.proc = None
    d.log.close()
    check(rc == 0, "clean stop: %s" % rc)
finally:
    d.cleanup()
done("daemon_http_edges")
