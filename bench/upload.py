"""Issue 14, defect 5, as the audit ran it: N concurrent uploads of SIZE
MiB to one docscreend (1 worker), its peak resident memory (VmHWM) before
and after, the answers and the wall time, for each build directory given
(e.g. the current build and one of an older commit, measured in the same
run). Extra `key=value` arguments after `--` go to every daemon's --set.

    python3 bench/upload.py build [old/build ...] [-- max_inflight_body_bytes=2147483648]

Environment: UPLOAD_COUNT (default 30), UPLOAD_MIB (default 60).
Writes COUNT x SIZE bytes to a temporary store per build."""
import collections
import http.client
import os
import sys
import threading
import time

SRC = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(SRC, "tests", "daemon"))
from dtest import Daemon  # noqa: E402

MIB = 1 << 20
N = int(os.environ.get("UPLOAD_COUNT", "30"))
SIZE = int(os.environ.get("UPLOAD_MIB", "60")) * MIB
args = sys.argv[1:]
extra = args[args.index("--") + 1:] if "--" in args else []
builds = args[:args.index("--")] if "--" in args else args


def run(build):
    d = Daemon(build, SRC, workers=1,
               extra=["max_connections_per_ip=64", "max_upload_bytes=%d" % SIZE] + extra)
    d.start()
    tok = d.make_tokens()["station"]
    pid = d.proc.pid

    def vm(key):
        for line in open("/proc/%d/status" % pid):
            if line.startswith(key + ":"):
                return int(line.split()[1]) // 1024
        return 0

    block = os.urandom(MIB)
    before = vm("VmHWM")
    res, lock = [], threading.Lock()

    def up(i):
        def chunks():
            yield bytes([i & 255, i >> 8, 0x5a]) + block[3:]
            for _ in range(SIZE // MIB - 1):
                yield block
        c = http.client.HTTPConnection("127.0.0.1", d.port, timeout=600)
        try:
            c.request("POST", "/v1/cases/U-%d/documents" % i, body=chunks(),
                      headers={"Authorization": "Bearer " + tok, "Content-Length": str(SIZE),
                               "Content-Type": "application/octet-stream"})
            st = c.getresponse().status
        except OSError as e:
            st = type(e).__name__
        finally:
            c.close()
        with lock:
            res.append(st)

    t0 = time.time()
    threads = [threading.Thread(target=up, args=(i,)) for i in range(N)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.time() - t0
    print("%-12s %d x %d MiB: %s; VmHWM %d -> %d MiB; %.1f s, %.0f MiB/s" % (
        build, N, SIZE // MIB, dict(collections.Counter(res)), before, vm("VmHWM"), wall,
        N * SIZE / MIB / wall), flush=True)
    d.stop()
    d.cleanup()


print("host: %d cores, load average %s" % (os.cpu_count(), open("/proc/loadavg").read().split()[0]))
for b in builds:
    run(b)
