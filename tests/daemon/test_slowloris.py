"""Slowloris (issue 14, defect 3): connections that trickle their request
head a byte at a time must not hold the server's connections past the
request deadline. With max_connections=12 and request_deadline_s=2, twelve
tricklers from 127.0.0.1 fill every connection; each must be cut near its
deadline (not kept alive by its trickle, as libmicrohttpd's per-activity
timeout would), and a normal client must then get /healthz. A trickled
body is cut the same way. Bounded: 12 sockets, about 10 s."""
import os
import select
import socket
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from dtest import Daemon, check, done  # noqa: E402

build, source = sys.argv[1], sys.argv[2]
N = 12
DEADLINE = 2.0

d = Daemon(build, source, extra=["max_connections=%d" % N, "max_connections_per_ip=100",
                                 "request_timeout_s=30", "request_deadline_s=2"])
try:
    d.start()
    st, _ = d.call("GET", "/healthz")
    check(st == 200, "healthz before the tricklers")

    socks, opened, cut = [], {}, {}
    for i in range(N):
        s = socket.create_connection(("127.0.0.1", d.port), timeout=5)
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        s.setblocking(False)
        socks.append(s)
        opened[s] = time.time()

    # Trickle one byte of a header line every 0.4 s for up to 6 s; note when
    # each trickler's connection ends.
    healthz_ok_at = None
    t0 = time.time()
    while time.time() - t0 < 7 and (len(cut) < N or healthz_ok_at is None):
        alive = [s for s in socks if s not in cut]
        for s in alive:
            try:
                s.send(b"X")
            except OSError:
                cut[s] = time.time()
        alive = [s for s in socks if s not in cut]
        if alive:
            r, _, _ = select.select(alive, [], [], 0.2)
            for s in r:
                try:
                    if not s.recv(4096):
                        cut[s] = time.time()
                except OSError:
                    cut[s] = time.time()
        if healthz_ok_at is None and time.time() - t0 > 0.5:
            try:
                st, _ = d.call("GET", "/healthz", timeout=1)
                if st == 200:
                    healthz_ok_at = time.time() - t0
            except OSError:
                pass
        time.sleep(0.2)

    check(len(cut) == N, "every trickler was cut (%d of %d)" % (len(cut), N))
    lives = [cut[s] - opened[s] for s in cut]
    check(all(DEADLINE - 0.3 <= x <= DEADLINE + 2.0 for x in lives),
          "tricklers were cut near the 2 s deadline (lived %s s)" %
          ", ".join("%.1f" % x for x in sorted(lives)))
    check(healthz_ok_at is not None, "a normal client got /healthz while tricklers came and went")
    for s in socks:
        s.close()

    # A body trickled after a complete, authorised head is cut at the
    # deadline too.
    tok = d.make_tokens()["station"]
    s = socket.create_connection(("127.0.0.1", d.port), timeout=5)
    s.sendall(b"PUT /v1/cases/C-1 HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n"
              b"Authorization: Bearer " + tok.encode() + b"\r\n"
              b"Content-Type: application/json\r\n\r\n")
    t1, ended = time.time(), None
    s.setblocking(False)
    while time.time() - t1 < 6 and ended is None:
        try:
            s.send(b" ")
        except OSError:
            ended = time.time() - t1
            break
        r, _, _ = select.select([s], [], [], 0.4)
        if r:
            try:
                if not s.recv(4096):
                    ended = time.time() - t1
            except OSError:
                ended = time.time() - t1
    s.close()
    check(ended is not None and ended <= DEADLINE + 2.0,
          "a trickled body was cut at the deadline (%s)" % ended)

    # An ordinary request after all that is still answered.
    st, _ = d.call("GET", "/healthz")
    check(st == 200, "healthz after the tricklers")
finally:
    d.cleanup()
done("daemon_slowloris")
