#!/usr/bin/python3
"""Throughput of docscreend on its two stores (issue 17): documents per
second through the HTTP API for

  sqlite      1 node  x 2 workers, SQLite store (the baseline)
  pg-1x2      1 node  x 2 workers, PostgreSQL store
  pg-2x1      2 nodes x 1 worker,  PostgreSQL store (one database)

on the same documents in the same run. PostgreSQL is a throw-away cluster
(tests/pg/pgcluster.py) with fsync and synchronous_commit on, as SQLite runs
with synchronous=FULL. Clients keep LOAD_CLIENTS documents in flight,
spread round-robin over the nodes; the time is from the first submission to
the last job final. Then the store alone (bench/bench_store.c: submit a
300 KB file, claim, complete, one webhook delivery; no screening) for the
same three layouts, as threads of one process or processes (nodes) on one
database. Called by bench/nodes.sh; standard library only.
"""
import argparse
import http.client
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "pg"))
import pgcluster  # noqa: E402


PICK_BEFORE = "before: poll every 0.5 s (ds_listen=0)"
PICK_AFTER = "after: LISTEN/NOTIFY, poll as fallback"


def call(port, method, path, token=None, body=None, headers=None, timeout=60):
    h = dict(headers or {})
    if token:
        h["Authorization"] = "Bearer " + token
    if isinstance(body, dict):
        body = json.dumps(body).encode()
        h["Content-Type"] = "application/json"
    elif body is not None:
        h["Content-Type"] = "application/octet-stream"
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        c.request(method, path, body=body, headers=h)
        r = c.getresponse()
        data = r.read()
        st = r.status
    finally:
        c.close()
    try:
        return st, json.loads(data)
    except ValueError:
        return st, {}


class Node:
    def __init__(self, build, store, workers, admin, today):
        self.dir = tempfile.mkdtemp(prefix="docscreen-nodes-")
        self.store = store or "sqlite:" + os.path.join(self.dir, "store.db")
        pf = os.path.join(self.dir, "port")
        args = [os.path.join(build, "docscreend"), "--store", self.store, "--listen", "127.0.0.1:0",
                "--workers", str(workers), "--set", "barcodes=true", "--set", "today=" + today,
                "--set", "tmp_dir=" + self.dir, "--set", "admin_token=" + admin,
                "--set", "shutdown_grace_s=30"]
        self.log = open(os.path.join(self.dir, "daemon.log"), "wb")
        self.proc = subprocess.Popen(args, stdout=self.log, stderr=self.log,
                                     env=dict(os.environ, DOCSCREEND_PORT_FILE=pf))
        t0 = time.monotonic()
        while not os.path.exists(pf) or not open(pf).read().strip():
            if self.proc.poll() is not None or time.monotonic() - t0 > 30:
                raise RuntimeError("docscreend did not start: " +
                                   open(os.path.join(self.dir, "daemon.log"), errors="replace").read()[-1500:])
            time.sleep(0.05)
        self.port = int(open(pf).read())

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)


def run(name, build, store, layout, files, clients, today):
    """layout: workers per node, e.g. [2] or [1, 1]. Returns a result dict."""
    admin = "bench-admin-" + os.urandom(12).hex()
    nodes = []
    try:
        for w in layout:
            nodes.append(Node(build, store, w, admin, today))
        st, b = call(nodes[0].port, "POST", "/v1/tokens", admin, {"name": "st", "role": "station"})
        station = b["token"]
        st, b = call(nodes[0].port, "POST", "/v1/tokens", admin, {"name": "of", "role": "officer"})
        officer = b["token"]
        data = [open(f, "rb").read() for f in files]
        nxt = [0]
        lock = threading.Lock()
        errors = []
        done_at = []
        accept = []
        failed = []   # jobs whose screening failed (an input error): counted apart

        def client():
            while True:
                with lock:
                    i = nxt[0]
                    nxt[0] += 1
                if i >= len(data):
                    return
                n = nodes[i % len(nodes)]
                s0 = time.monotonic()
                st, b = call(n.port, "POST", "/v1/cases/B%04d/documents?filename=p.jpg" % i, station,
                             data[i], {"Idempotency-Key": "bench-%d" % i})
                if st != 202:
                    errors.append(st)
                    continue
                with lock:
                    accept.append(time.monotonic() - s0)
                t0 = time.monotonic()
                while time.monotonic() - t0 < 600:
                    st, j = call(n.port, "GET", "/v1/jobs/%d" % b["job_id"], officer)
                    if st == 200 and j.get("state") in ("done", "failed"):
                        with lock:
                            done_at.append(time.monotonic())
                            if j.get("state") == "failed":
                                failed.append(i)
                        break
                    time.sleep(0.05)

        t0 = time.monotonic()
        ts = [threading.Thread(target=client) for _ in range(clients)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        wall = (max(done_at) if done_at else time.monotonic()) - t0
        return {"run": name, "nodes": len(layout), "workers": sum(layout), "documents": len(done_at),
                "failed_jobs": len(failed),
                "errors": len(errors), "wall_s": round(wall, 2),
                "docs_per_s": round(len(done_at) / wall, 3) if wall > 0 else 0.0,
                "accept_ms_p50": round(1000 * sorted(accept)[len(accept) // 2], 1) if accept else None}
    finally:
        for n in nodes:
            n.stop()


def store_only(build, url, procs, threads, seconds, size):
    """ds_bench_store in procs processes of threads threads each on url at
    once: documents per second through the store alone (no screening)."""
    exe = os.path.join(build, "bench", "ds_bench_store")
    ps = [subprocess.Popen([exe, url, str(threads), str(seconds), str(size)], stdout=subprocess.PIPE)
          for _ in range(procs)]
    docs, wall, fails = 0, 0.0, 0
    for p in ps:
        out, _ = p.communicate(timeout=seconds + 120)
        try:
            r = json.loads(out.decode().strip().splitlines()[-1])
        except (ValueError, IndexError):
            fails += 1
            continue
        docs += r["documents"]
        fails += r["failures"]
        wall = max(wall, r["seconds"])
    return {"documents": docs, "failures": fails, "seconds": round(wall, 2),
            "docs_per_s": round(docs / wall, 1) if wall else 0.0}


def pickup(build, url, count):
    """ds_bench_store pickup: submission in one process to the claim of its
    job in another (another node), waiting as docscreend's workers do."""
    exe = os.path.join(build, "bench", "ds_bench_store")
    out = subprocess.run([exe, "pickup", url, str(count)], stdout=subprocess.PIPE, timeout=count * 2 + 120)
    try:
        return json.loads(out.stdout.decode().strip().splitlines()[-1])
    except (ValueError, IndexError):
        return {"jobs": 0, "failures": count}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--store-seconds", type=int, default=10)
    ap.add_argument("--pickup-count", type=int, default=40)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples", "pages")
    pool = sorted(os.path.join(src, f) for f in os.listdir(src) if f.endswith((".jpg", ".png", ".tif")))
    files = [pool[i % len(pool)] for i in range(a.count)]
    today = "2024-06-01"
    os.makedirs(a.out, exist_ok=True)
    # The machine is shared: every configuration runs once per round, the
    # order reversed every other round, so a burst of other load does not
    # land on one configuration only.
    configs = [("sqlite 1 node x 2 workers", None, [2])]
    c = None
    if not pgcluster.bindir():
        print("nodes: SKIPPED the PostgreSQL rows: the PostgreSQL server binaries are not installed")
    else:
        c = pgcluster.Cluster(fsync=True).start()
        configs += [("postgresql 1 node x 2 workers", "pg", [2]),
                    ("postgresql 2 nodes x 1 worker", "pg", [1, 1])]
    results = []
    sizes = None
    pick = {}
    mapped = None
    try:
        for rnd in range(a.rounds):
            order = configs if rnd % 2 == 0 else configs[::-1]
            for name, kind, layout in order:
                store = None
                if kind == "pg":
                    store = c.createdb("bench_%d_%d" % (rnd, len(layout))) + "?ds_pool=4"
                r = run(name, a.build, store, layout, files, a.clients, today)
                if kind == "pg" and rnd == 0 and len(layout) == 1:
                    # what the files cost in the database: table bytes
                    # (heap, TOAST, index) against the files' own bytes
                    out = c.psql("bench_0_1", "SELECT pg_total_relation_size('blobs'),"
                                 " sum(length(data)), count(*) FROM blobs").strip().split("|")
                    sizes = {"table_bytes": int(out[0]), "file_bytes": int(out[1]),
                             "files": int(out[2])}
                r["round"] = rnd + 1
                r["loadavg"] = open("/proc/loadavg").read().split()[0]
                results.append(r)
                print("  round %d: %-32s %.2f docs/s (load average %s)" % (rnd + 1, name, r["docs_per_s"],
                                                                       r["loadavg"]), flush=True)
        # The store alone, 300 KB files (a scan's size), the same layouts.
        size = 300000
        sq_dir = tempfile.mkdtemp(prefix="docscreen-storebench-")
        try:
            store_rows = [("sqlite 1 process x 2 threads",
                           store_only(a.build, "sqlite:" + os.path.join(sq_dir, "s.db"), 1, 2,
                                      a.store_seconds, size))]
        finally:
            shutil.rmtree(sq_dir, ignore_errors=True)
        if c:
            store_rows.append(("postgresql 1 process x 2 threads",
                               store_only(a.build, c.createdb("store_one"), 1, 2, a.store_seconds, size)))
            store_rows.append(("postgresql 2 processes x 1 thread",
                               store_only(a.build, c.createdb("store_two"), 2, 1, a.store_seconds, size)))
            # One copy: a 64 MB file got for screening (ds_store_document_map)
            # against reading it and copying it into a mapping, as before.
            out = subprocess.run([os.path.join(a.build, "bench", "ds_bench_store"), "map",
                                  c.createdb("store_map"), "64"], stdout=subprocess.PIPE, timeout=600)
            try:
                mapped = json.loads(out.stdout.decode().strip().splitlines()[-1])
            except (ValueError, IndexError):
                mapped = None
            # Cross-node pickup: the poll alone (ds_listen=0, as before
            # LISTEN/NOTIFY) against notifications, alternating, same run.
            for rnd in range(2):
                for label, q in ((PICK_BEFORE, "?ds_listen=0"), (PICK_AFTER, ""))[::1 if rnd == 0 else -1]:
                    r = pickup(a.build, c.createdb("pickup_%d_%d" % (rnd, len(q))) + q, a.pickup_count)
                    pick.setdefault(label, []).append(r)
    finally:
        if c:
            c.destroy()
    lines = ["%-32s %6s %7s %7s %9s %7s %10s  %s" % ("run", "docs", "failed", "errors", "wall s",
                                                     "docs/s", "202 p50 ms", "docs/s per round")]
    for name, _, _ in configs:
        rs = [r for r in results if r["run"] == name]
        docs = sum(r["documents"] for r in rs)
        wall = sum(r["wall_s"] for r in rs)
        acc = sorted(r["accept_ms_p50"] for r in rs if r["accept_ms_p50"] is not None)
        lines.append("%-32s %6d %7d %7d %9.1f %7.2f %10s  %s" % (
            name, docs, sum(r["failed_jobs"] for r in rs), sum(r["errors"] for r in rs), wall,
            docs / wall if wall else 0.0,
            "%.1f" % acc[len(acc) // 2] if acc else "-",
            " ".join("%.2f" % r["docs_per_s"] for r in rs)))
    lines.append("load average during the runs: %s" % " ".join(r["loadavg"] for r in results))
    lines.append("")
    lines.append("the store alone (submit 300 KB, claim, complete, one webhook delivery; no screening):")
    for name, r in store_rows:
        lines.append("  %-34s %6d documents in %5.1f s: %7.1f docs/s%s" % (
            name, r["documents"], r["seconds"], r["docs_per_s"],
            "" if not r["failures"] else " (%d failures)" % r["failures"]))
    if pick:
        lines.append("")
        lines.append("cross-node pickup (PostgreSQL): submission in one process to the claim of its job"
                     " in another, %d jobs 50-250 ms apart, twice each; ms:" % a.pickup_count)
        lines.append("  %-44s %8s %8s %8s %8s" % ("", "p50", "p95", "mean", "max"))
        for label in (PICK_BEFORE, PICK_AFTER):
            for r in pick.get(label, []):
                lines.append("  %-44s %8.1f %8.1f %8.1f %8.1f%s" % (
                    label, r.get("p50_ms", 0), r.get("p95_ms", 0), r.get("mean_ms", 0),
                    r.get("max_ms", 0), "" if not r.get("failures") else " (%d failures)" % r["failures"]))
    if mapped:
        lines.append("")
        lines.append("peak memory of a process getting a %d MB file from PostgreSQL for screening:"
                     " read then copied into a mapping (before) %.0f MB, ds_store_document_map"
                     " (one copy) %.0f MB" % (mapped["size_mb"], mapped["read_then_copy_peak_mb"],
                                             mapped["document_map_peak_mb"]))
    if sizes:
        lines.append("files in PostgreSQL: %d distinct files, %d bytes of files, blobs table %d bytes"
                     " (%.2fx)" % (sizes["files"], sizes["file_bytes"], sizes["table_bytes"],
                                   sizes["table_bytes"] / max(1, sizes["file_bytes"])))
    text = "\n".join(lines)
    print(text)
    open(os.path.join(a.out, "table.txt"), "w").write(text + "\n")
    json.dump({"runs": results, "blob_sizes": sizes, "store_only": dict(store_rows), "pickup": pick,
               "map": mapped}, open(os.path.join(a.out, "results.json"), "w"),
              indent=1)
    return 0 if all(r["errors"] == 0 and r["documents"] == a.count for r in results) and \
        all(not r["failures"] for _, r in store_rows) and \
        all(not r.get("failures") for rs in pick.values() for r in rs) else 1


if __name__ == "__main__":
    sys.exit(main())
