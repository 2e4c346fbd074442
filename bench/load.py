#!/usr/bin/python3
"""Load run of docscreend (issue 5): documents per second and latency through
the HTTP API with N workers, against `docscreen scan` in one process on the
same documents. Called by bench/load.sh; Python standard library only.

For each worker count it starts build/docscreend on 127.0.0.1:0 with a
temporary SQLite store, creates a station and an officer token, submits the
documents with `POST /v1/cases/{id}/documents` from a bounded number of client
threads, polls `GET /v1/jobs/{id}` until each job is done or failed, fetches
every report once (outside the timing) to check it against the CLI's, stops
the daemon with SIGTERM and removes the temporary directory. Every loop is
bounded in count and in time; nothing leaves the loopback interface.
"""
import argparse
import hashlib
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

IMAGE_EXT = (".jpg", ".jpeg", ".png", ".tif", ".tiff")


def pct(values, p):
    """Nearest-rank percentile; None for an empty list."""
    if not values:
        return None
    v = sorted(values)
    k = max(0, min(len(v) - 1, int(-(-p * len(v) // 100)) - 1))
    return v[k]


def images(folder):
    if not folder or not os.path.isdir(folder):
        return []
    return sorted(os.path.join(folder, f) for f in os.listdir(folder)
                  if f.lower().endswith(IMAGE_EXT) and not f.startswith("."))


def pick_documents(samples_dir, gen_dir, count):
    """All bundled samples first, then generated pages by file name; cycles
    when more documents are asked for than there are files."""
    pool = [(p, "samples") for p in images(samples_dir)] + [(p, "gen") for p in images(gen_dir)]
    if not pool:
        return []
    return [pool[i % len(pool)] for i in range(count)]


# ---------------------------------------------------------------- HTTP

class Api:
    def __init__(self, port, timeout=30.0):
        self.port, self.timeout = port, timeout

    def call(self, method, path, token=None, body=None, headers=None):
        """Returns (status, parsed JSON or text). Raises OSError and
        http.client errors on transport failures."""
        h = dict(headers or {})
        if token:
            h["Authorization"] = "Bearer " + token
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
            h.setdefault("Content-Type", "application/json")
        elif body is not None:
            h.setdefault("Content-Type", "application/octet-stream")
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        try:
            c.request(method, path, body=body, headers=h)
            r = c.getresponse()
            data = r.read()
            status, ctype = r.status, r.getheader("Content-Type", "")
        finally:
            c.close()
        if ctype.startswith("application/json"):
            try:
                return status, json.loads(data)
            except ValueError:
                return status, {"_invalid_json": data[:200].decode("utf-8", "replace")}
        return status, data.decode("utf-8", "replace")


def err_text(st, body):
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        return "%s %s" % (st, body["error"].get("code"))
    return str(st)


# ---------------------------------------------------------------- baseline

def report_key(rep):
    """What must agree between the CLI and the daemon for one document: the
    verdict and the flag codes, without the store's memory flags (which the
    CLI cannot raise)."""
    flags = sorted((f.get("code"), f.get("page", 0)) for f in rep.get("flags", [])
                   if f.get("source") != "store")
    return rep.get("verdict"), flags


def run_baseline(docscreen, files, today, out_dir):
    """`docscreen scan --json` over every distinct file in one process."""
    distinct = sorted(set(files))
    cmd = [docscreen, "scan", "--json", "--today", today] + distinct
    m0 = machine_busy()
    t0 = time.monotonic()
    with open(os.path.join(out_dir, "cli.jsonl"), "wb") as out, \
            open(os.path.join(out_dir, "cli.log"), "wb") as err:
        p = subprocess.Popen(cmd, stdout=out, stderr=err)
        rusage = None
        deadline = t0 + 600
        while time.monotonic() < deadline:
            pid, status, rusage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(0.05)
        else:
            p.kill()
            pid, status, rusage = os.wait4(p.pid, 0)
    wall = time.monotonic() - t0
    m1 = machine_busy()
    p.returncode = os.waitstatus_to_exitcode(status)
    reports = {}
    with open(os.path.join(out_dir, "cli.jsonl"), errors="replace") as f:
        for line in f:
            try:
                rep = json.loads(line)
            except ValueError:
                continue
            reports[rep.get("file")] = rep
    totals, viz, mrz, bars = [], 0.0, 0.0, 0.0
    all_total = 0.0
    pages = 0
    for rep in reports.values():
        t = rep.get("timing_ms", {})
        totals.append(t.get("total", 0.0))
        all_total += t.get("total", 0.0)
        viz += t.get("viz", 0.0)
        bars += t.get("barcodes", 0.0)
        mrz += sum(t.get(k, 0.0) for k in ("decode", "locate", "ocr", "parse"))
        pages += int(rep.get("pages") or 1)
    # Per submitted document (the list may repeat files): seconds of one
    # process for this list, scaled from the distinct files it read.
    per_file = wall / max(1, len(distinct))
    return {
        "cmd": " ".join(cmd[:4]) + " FILE...",
        "rc": p.returncode,
        "files": len(distinct),
        "reports": reports,
        "missing": [f for f in distinct if f not in reports],
        "wall_s": wall,
        "docs_per_s": len(distinct) / wall if wall > 0 else 0.0,
        "per_file_s": per_file,
        "cpu_s": rusage.ru_utime + rusage.ru_stime,
        "rss_mb": rusage.ru_maxrss / 1024.0,
        "doc_ms_p50": pct(totals, 50), "doc_ms_p99": pct(totals, 99),
        "doc_ms_mean": (all_total / len(totals)) if totals else None,
        "viz_share": viz / all_total if all_total else 0.0,
        "mrz_share": mrz / all_total if all_total else 0.0,
        "barcode_share": bars / all_total if all_total else 0.0,
        "pages": pages,
        "other_cores": other_cores(m0, m1, wall, rusage.ru_utime + rusage.ru_stime),
    }


# ---------------------------------------------------------------- one daemon run

class Daemon:
    def __init__(self, bin_path, workers, today, keep_log):
        self.bin, self.workers, self.today, self.keep_log = bin_path, workers, today, keep_log
        self.dir = tempfile.mkdtemp(prefix="docscreen-load-")
        self.admin = "load-admin-" + os.urandom(12).hex()
        self.proc = None
        self.rusage = None
        self.stop_rc = None
        self.stop_s = None

    def start(self):
        pf = os.path.join(self.dir, "port")
        args = [self.bin, "--store", "sqlite:" + os.path.join(self.dir, "store.db"),
                "--listen", "127.0.0.1:0", "--workers", str(self.workers),
                # The CLI's defaults: VIZ, barcodes and forensics on (the
                # daemon has no VIZ/forensics keys; they are always on).
                "--set", "barcodes=true", "--set", "today=" + self.today,
                "--set", "tmp_dir=" + self.dir, "--set", "admin_token=" + self.admin,
                "--set", "shutdown_grace_s=30", "--set", "log_level=info"]
        env = dict(os.environ, DOCSCREEND_PORT_FILE=pf)
        self.log = open(os.path.join(self.dir, "daemon.log"), "wb")
        self.proc = subprocess.Popen(args, stdout=self.log, stderr=self.log, env=env)
        t0 = time.monotonic()
        while not os.path.exists(pf) or not open(pf).read().strip():
            if self.proc.poll() is not None or time.monotonic() - t0 > 30:
                raise RuntimeError("docscreend did not start:\n" + self.logtext()[-2000:])
            time.sleep(0.05)
        self.port = int(open(pf).read())
        self.api = Api(self.port)
        return self

    def logtext(self):
        try:
            with open(os.path.join(self.dir, "daemon.log"), errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def token(self, name, role):
        st, b = self.api.call("POST", "/v1/tokens", token=self.admin, body={"name": name, "role": role})
        if st != 201:
            raise RuntimeError("cannot create the %s token: %s" % (role, err_text(st, b)))
        return b["token"]

    def stop(self):
        """SIGTERM, then wait up to 60 s (SIGKILL after); keeps the exit
        status, the time to stop and the process's rusage."""
        if not self.proc:
            return
        t0 = time.monotonic()
        self.proc.send_signal(signal.SIGTERM)
        status = None
        while time.monotonic() - t0 < 60:
            pid, status, ru = os.wait4(self.proc.pid, os.WNOHANG)
            if pid:
                self.rusage = ru
                break
            time.sleep(0.05)
        else:
            self.proc.kill()
            pid, status, self.rusage = os.wait4(self.proc.pid, 0)
            self.stop_rc = "killed after 60 s"
        self.stop_s = time.monotonic() - t0
        if self.stop_rc is None:
            self.stop_rc = os.waitstatus_to_exitcode(status)
        self.proc.returncode = os.waitstatus_to_exitcode(status)
        self.proc = None
        self.log.close()

    def cleanup(self):
        try:
            if self.proc:
                self.stop()
        finally:
            if self.keep_log:
                try:
                    shutil.copyfile(os.path.join(self.dir, "daemon.log"), self.keep_log)
                except OSError:
                    pass
            shutil.rmtree(self.dir, ignore_errors=True)


def proc_cpu(pid):
    """CPU seconds (user + system) a live process has used so far."""
    try:
        with open("/proc/%d/stat" % pid) as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def machine_busy():
    """(busy CPU seconds of the whole machine, own process CPU seconds)."""
    try:
        with open("/proc/stat") as fh:
            v = [int(x) for x in fh.readline().split()[1:]]
        busy = (sum(v[:8]) - v[3] - v[4]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        busy = None
    t = os.times()
    return busy, t.user + t.system


def other_cores(m0, m1, wall, ours):
    """Cores the rest of the machine used over `wall` seconds: all busy time
    minus the measured process (`ours` CPU seconds) and this script."""
    if m0[0] is None or m1[0] is None or not wall or ours is None:
        return None
    return max(0.0, (m1[0] - m0[0]) - ours - (m1[1] - m0[1])) / wall


def loadavg():
    try:
        with open("/proc/loadavg") as fh:
            return " ".join(fh.read().split()[:3])
    except OSError:
        return "?"


def metric(text, name):
    """Sum of every sample of a Prometheus metric (labels ignored)."""
    total, seen = 0.0, False
    for m in re.finditer(r"^%s(?:\{[^}]*\})? (\S+)$" % re.escape(name), text or "", re.M):
        total += float(m.group(1))
        seen = True
    return total if seen else None


def run_load(args, docs, workers, baseline, out_dir):
    """One daemon with `workers` workers; returns the figures of the run."""
    keep_log = os.path.join(out_dir, "daemon-w%d.log" % workers)
    d = Daemon(args.daemon, workers, args.today, keep_log)
    res = {"workers": workers, "failures": [], "docs": len(docs)}
    try:
        d.start()
        station = d.token("load-station", "station")
        officer = d.token("load-officer", "officer")
        api = d.api
        lock = threading.Lock()
        nxt = [0]
        recs = [None] * len(docs)
        pending = {}          # burst mode: job id -> index, polled by one thread
        stop_mon = threading.Event()
        qpeak = [0, 0]        # queue depth, queued + running
        health_bad = [0]
        deadline = time.monotonic() + args.timeout
        poll = args.poll_ms / 1000.0
        blobs = {}
        for path, _ in docs:
            if path not in blobs:
                with open(path, "rb") as f:
                    blobs[path] = f.read()
        case_of = {p: "LOAD-%03d" % i for i, p in enumerate(sorted(blobs))}

        def fail(i, what):
            with lock:
                res["failures"].append("doc %d (%s): %s" % (i, os.path.basename(docs[i][0]), what))

        def wait_job(i, job_id):
            """Polls one job until done/failed or the deadline; returns the
            job body or None."""
            while time.monotonic() < deadline:
                try:
                    st, b = api.call("GET", "/v1/jobs/%d" % job_id, token=station)
                except (OSError, http.client.HTTPException) as e:
                    fail(i, "poll: %s" % e)
                    return None
                if st != 200:
                    fail(i, "poll: %s" % err_text(st, b))
                    return None
                if b.get("state") in ("done", "failed"):
                    return b
                time.sleep(poll)
            fail(i, "not finished after %d s" % args.timeout)
            return None

        def submit(i):
            path, _ = docs[i]
            data = blobs[path]
            case_id = case_of[path]
            key = hashlib.sha256(b"%d:" % i + data).hexdigest()
            t0 = time.monotonic()
            try:
                st, b = api.call("POST", "/v1/cases/%s/documents?filename=%s" % (case_id, os.path.basename(path)),
                                 token=station, body=data, headers={"Idempotency-Key": key})
            except (OSError, http.client.HTTPException) as e:
                fail(i, "submit: %s" % e)
                return None
            t1 = time.monotonic()
            if st != 202 or not isinstance(b, dict) or "job_id" not in b:
                fail(i, "submit: %s" % err_text(st, b))
                return None
            if b.get("replayed"):
                fail(i, "submit answered as a replay")
            recs[i] = {"i": i, "file": path, "job": b["job_id"], "t0": t0, "submit_s": t1 - t0}
            return recs[i]

        def finish(rec, body):
            rec["e2e_s"] = time.monotonic() - rec["t0"]
            rec["t_end"] = time.monotonic()
            rec["state"] = body.get("state")
            rec["verdict"] = body.get("verdict")
            if body.get("state") != "done":
                fail(rec["i"], "job %d ended %s" % (rec["job"], body.get("state")))

        def client():
            for _ in range(len(docs)):
                with lock:
                    i = nxt[0]
                    nxt[0] += 1
                if i >= len(docs) or time.monotonic() > deadline:
                    return
                rec = submit(i)
                if rec is None:
                    continue
                if args.mode == "burst":
                    with lock:
                        pending[rec["job"]] = rec
                    continue
                body = wait_job(i, rec["job"])
                if body is not None:
                    finish(rec, body)

        def burst_poller(submitters):
            """Polls every pending job, round robin, until all are final."""
            while time.monotonic() < deadline:
                with lock:
                    jobs = list(pending.items())
                if not jobs and not any(t.is_alive() for t in submitters):
                    return
                for job_id, rec in jobs:
                    try:
                        st, b = api.call("GET", "/v1/jobs/%d" % job_id, token=station)
                    except (OSError, http.client.HTTPException) as e:
                        fail(rec["i"], "poll: %s" % e)
                        st, b = None, {}
                    if st is not None and st != 200:
                        fail(rec["i"], "poll: %s" % err_text(st, b))
                    if st != 200 or b.get("state") in ("done", "failed"):
                        if st == 200:
                            finish(rec, b)
                        with lock:
                            pending.pop(job_id, None)
                time.sleep(poll)
            with lock:
                for job_id, rec in pending.items():
                    fail(rec["i"], "not finished after %d s" % args.timeout)

        def monitor():
            while not stop_mon.wait(0.1):
                try:
                    st, b = api.call("GET", "/healthz")
                    if st == 200:
                        qpeak[0] = max(qpeak[0], int(b.get("queue_depth", 0)))
                    else:
                        health_bad[0] += 1
                    st, m = api.call("GET", "/metrics", token=officer)
                    if st == 200:
                        busy = metric(m, "docscreen_workers_busy") or 0
                        queued = metric(m, 'docscreen_queue_depth') or 0
                        qpeak[1] = max(qpeak[1], int(busy + queued))
                except (OSError, http.client.HTTPException, ValueError):
                    health_bad[0] += 1

        mon = threading.Thread(target=monitor, daemon=True)
        mon.start()
        t_start = time.monotonic()
        cpu0, m0 = proc_cpu(d.proc.pid), machine_busy()
        threads = [threading.Thread(target=client, daemon=True) for _ in range(args.clients)]
        for t in threads:
            t.start()
        poller = None
        if args.mode == "burst":
            poller = threading.Thread(target=burst_poller, args=(threads,), daemon=True)
            poller.start()
        for t in threads + ([poller] if poller else []):
            t.join(max(1.0, deadline - time.monotonic() + 5))
        cpu1, t_cpu1, m1 = proc_cpu(d.proc.pid), time.monotonic(), machine_busy()
        stop_mon.set()
        mon.join(5)
        done = [r for r in recs if r and r.get("state") == "done"]
        t_last = max((r["t_end"] for r in recs if r and "t_end" in r), default=time.monotonic())
        wall = t_last - t_start
        if cpu0 is not None and cpu1 is not None and t_cpu1 > t_start:
            res["busy_cores"] = (cpu1 - cpu0) / (t_cpu1 - t_start)
            res["other_cores"] = other_cores(m0, m1, t_cpu1 - t_start, cpu1 - cpu0)
        res.update({
            "wall_s": wall,
            "done": len(done),
            "docs_per_s": len(done) / wall if wall > 0 else 0.0,
            "submit_ms_p50": pct([r["submit_s"] * 1000 for r in recs if r], 50),
            "submit_ms_p99": pct([r["submit_s"] * 1000 for r in recs if r], 99),
            "e2e_s_p50": pct([r["e2e_s"] for r in done], 50),
            "e2e_s_p99": pct([r["e2e_s"] for r in done], 99),
            "queue_peak": qpeak[0],
            "in_flight_peak": qpeak[1],
            "health_errors": health_bad[0],
        })
        st, m = api.call("GET", "/metrics", token=officer)
        if st == 200:
            n, s = metric(m, "docscreen_scan_seconds_count"), metric(m, "docscreen_scan_seconds_sum")
            res["scan_ms_mean"] = 1000.0 * s / n if n else None
            # Workers scanning at once, on average over the run.
            res["busy_workers"] = s / wall if n and wall > 0 else None
            res["finished_metric"] = metric(m, "docscreen_jobs_finished_total")
            res["http_5xx"] = sum(float(x) for x in re.findall(
                r'^docscreen_http_responses_total\{class="5xx"\} (\S+)$', m, re.M))
        # Every report once, outside the timing: present, and as the CLI's.
        same, differ, memory = 0, [], []
        for r in done:
            st, rep = api.call("GET", "/v1/jobs/%d/report" % r["job"], token=officer)
            if st != 200 or not isinstance(rep, dict):
                fail(r["i"], "report: %s" % err_text(st, rep))
                continue
            cli = baseline["reports"].get(r["file"])
            if cli is None:
                continue
            mem = sorted(x.get("code") for x in rep.get("flags", []) if x.get("source") == "store")
            if mem:
                file_of = {c: p for p, c in case_of.items()}
                rel = ["%s with %s%s" % (x.get("code"), os.path.basename(file_of.get(y.get("case_id"), "?")),
                                         " (distance %s)" % y["distance"] if "distance" in y else "")
                       for x in rep.get("flags", []) if x.get("source") == "store"
                       for y in (x.get("related") or [])[:2]]
                memory.append("%s: %s" % (os.path.basename(r["file"]), ", ".join(rel) or ",".join(mem)))
            (dv, dflags), (cv, cflags) = report_key(rep), report_key(cli)
            # A memory flag (source store) turns the verdict to review.
            if dflags == cflags and (dv == cv or (mem and dv == "review")):
                same += 1
            else:
                differ.append("%s: daemon %s, CLI %s" % (os.path.basename(r["file"]),
                                                          report_key(rep), report_key(cli)))
        res["same_as_cli"], res["differ"], res["memory_flags"] = same, differ, memory
        lost = [i for i, r in enumerate(recs) if r is None or "state" not in r]
        res["unfinished"] = len(lost)
    except Exception as e:  # a broken run is reported, and the next one goes on
        res["failures"].append("run aborted: %s: %s" % (type(e).__name__, e))
    finally:
        if d.proc:
            d.stop()
        log = d.logtext()
        res["log_errors"] = [l for l in log.splitlines()
                             if re.search(r"^\S+ (ERROR|WARN)\b|AddressSanitizer|runtime error", l)][:20]
        res["stop_rc"], res["stop_s"] = d.stop_rc, d.stop_s
        if d.rusage:
            res["cpu_s"] = d.rusage.ru_utime + d.rusage.ru_stime
            res["rss_mb"] = d.rusage.ru_maxrss / 1024.0
        d.cleanup()
    return res


# ---------------------------------------------------------------- table

def f(v, fmt):
    return "-" if v is None else fmt % v


def table(args, docs, baseline, runs):
    out = []
    n_s = sum(1 for _, k in docs if k == "samples")
    n_g = len(docs) - n_s
    size = sum(os.path.getsize(p) for p, _ in docs) / 1e6
    out.append("load: %d documents (%d from %s, %d from %s), %d distinct files, %.1f MB; "
               "%d pages in the distinct files" % (len(docs), n_s, args.samples, n_g, args.gen or "-",
                                                  baseline["files"], size, baseline["pages"]))
    mode = ("closed loop: each client keeps one document in flight (submit, poll until done, next)"
            if args.mode == "closed" else "burst: clients submit everything at once, one thread polls")
    out.append("clients: %d, %s; poll every %d ms" % (args.clients, mode, args.poll_ms))
    out.append("host: %s cores, load average %s before the run (other work on the machine "
               "slows every row; compare `cores used`)" % (os.cpu_count() or "?", args.load_before))
    out.append("screening options, daemon = CLI defaults: VIZ on, barcodes on, forensics on, "
               "today %s, OMP_THREAD_LIMIT=%s" % (args.today, os.environ.get("OMP_THREAD_LIMIT", "unset")))
    out.append("")
    hdr = ("%-26s %7s %7s %17s %15s %6s %6s %8s %7s %7s %6s %6s %6s %s" %
           ("run", "docs/s", "wall s", "submit p50/p99", "e2e p50/p99", "queue", "in", "scan ms",
            "busy", "CPU s/", "cores", "other", "RSS", "failures"))
    out.append(hdr)
    out.append("%-26s %7s %7s %17s %15s %6s %6s %8s %7s %7s %6s %6s %6s" %
               ("", "", "", "ms", "s", "peak", "flight", "mean", "workers", "doc", "used", "cores", "MB"))
    b = baseline
    out.append("%-26s %7.2f %7.1f %17s %15s %6s %6s %8s %7s %7.2f %6.2f %6s %6.0f %s" % (
        "docscreen scan, 1 process", b["docs_per_s"], b["wall_s"], "-",
        "%s / %s" % (f(b["doc_ms_p50"] and b["doc_ms_p50"] / 1000, "%.2f"),
                     f(b["doc_ms_p99"] and b["doc_ms_p99"] / 1000, "%.2f")),
        "-", "-", f(b["doc_ms_mean"], "%.0f"), "-", b["cpu_s"] / max(1, b["files"]),
        b["cpu_s"] / b["wall_s"] if b["wall_s"] else 0, f(b["other_cores"], "%.2f"), b["rss_mb"],
        len(b["missing"]) + (1 if b["rc"] not in (0, 1) else 0)))
    for r in runs:
        cpu = r.get("cpu_s")
        out.append("%-26s %7s %7s %17s %15s %6s %6s %8s %7s %7s %6s %6s %6s %d" % (
            "docscreend workers=%d" % r["workers"], f(r.get("docs_per_s"), "%.2f"),
            f(r.get("wall_s"), "%.1f"),
            "%s / %s" % (f(r.get("submit_ms_p50"), "%.1f"), f(r.get("submit_ms_p99"), "%.1f")),
            "%s / %s" % (f(r.get("e2e_s_p50"), "%.2f"), f(r.get("e2e_s_p99"), "%.2f")),
            f(r.get("queue_peak"), "%d"), f(r.get("in_flight_peak"), "%d"),
            f(r.get("scan_ms_mean"), "%.0f"), f(r.get("busy_workers"), "%.2f"),
            f(cpu / r["docs"] if cpu is not None and r["docs"] else None, "%.2f"),
            f(r.get("busy_cores"), "%.2f"), f(r.get("other_cores"), "%.2f"),
            f(r.get("rss_mb"), "%.0f"), len(r["failures"])))
    out.append("")
    out.append("docscreen scan row: e2e = the report's timing_ms.total per file (in process); "
               "docs/s over the distinct files. scan ms = time in the scanner per document "
               "(daemon: docscreen_scan_seconds); busy workers = scanner time / wall, the workers "
               "screening at once on average; cores used = CPU of the CLI or daemon process / wall during the run; other cores = the rest "
               "of the machine (this script excluded) over the same time: above ~0.1 the run shared its cores.")
    out.append("where a document's time goes (the CLI's timing_ms, summed): VIZ reader (Tesseract on the "
               "printed page) %.0f %%, barcodes %.0f %%, MRZ path (decode, locate, OCR-B, parse) %.0f %%, "
               "the rest (forensics, checks) %.0f %%; `--no-viz` or `--mrz-only` would change the picture "
               "entirely (the daemon has no such key)."
               % (100 * b["viz_share"], 100 * b["barcode_share"], 100 * b["mrz_share"],
                  max(0.0, 100 * (1 - b["viz_share"] - b["barcode_share"] - b["mrz_share"]))))
    w = {r["workers"]: r for r in runs if r.get("docs_per_s")}
    notes = []
    if 1 in w and b["docs_per_s"]:
        notes.append("API at workers=1 vs one CLI process: %.2fx the throughput"
                     % (w[1]["docs_per_s"] / b["docs_per_s"]))
    for n in sorted(w):
        if n > 1 and 1 in w:
            notes.append("workers=%d vs workers=1: %.2fx" % (n, w[n]["docs_per_s"] / w[1]["docs_per_s"]))
    if notes:
        out.append("; ".join(notes) + " (%s cores)." % (os.cpu_count() or "?"))
    for r in runs:
        line = ("workers=%d: %d/%d jobs done, reports as the CLI's (verdict + flag codes) %s/%d, "
                "daemon stopped by SIGTERM with status %s in %s s, /healthz or /metrics errors %d, "
                "5xx %s" % (r["workers"], r.get("done", 0), r["docs"], r.get("same_as_cli", "-"),
                            r.get("done", 0), r.get("stop_rc"), f(r.get("stop_s"), "%.1f"),
                            r.get("health_errors", 0), f(r.get("http_5xx"), "%d")))
        out.append(line)
        for x in r["failures"][:10]:
            out.append("    FAILURE " + x)
        if len(r["failures"]) > 10:
            out.append("    ... %d more failures" % (len(r["failures"]) - 10))
        if r.get("memory_flags"):
            out.append("    memory flags (source store, not in the CLI; verdict review): "
                       + "; ".join(r["memory_flags"][:5]))
        for x in r.get("differ", [])[:5]:
            out.append("    DIFFERS " + x)
        for x in r.get("log_errors", [])[:5]:
            out.append("    LOG " + x[:200])
    if b["missing"] or b["rc"] not in (0, 1):
        out.append("docscreen scan: exit status %s, %d file(s) without a report" % (b["rc"], len(b["missing"])))
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default="build")
    ap.add_argument("--samples", default="samples/pages")
    ap.add_argument("--gen", default="", help="folder of generated pages")
    ap.add_argument("--count", type=int, default=60)
    ap.add_argument("--workers", default="1 2")
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--mode", choices=("closed", "burst"), default="closed")
    ap.add_argument("--poll-ms", type=int, default=50)
    ap.add_argument("--timeout", type=int, default=150, help="seconds one daemon run may take")
    ap.add_argument("--today", default="2026-11-23")
    ap.add_argument("--out", default="bench/out/load")
    args = ap.parse_args()
    args.clients = max(1, min(args.clients, 16))
    args.poll_ms = max(10, args.poll_ms)
    args.daemon = os.path.join(args.build, "docscreend")
    args.docscreen = os.path.join(args.build, "docscreen")
    try:
        workers = [int(x) for x in args.workers.replace(",", " ").split()]
    except ValueError:
        ap.error("--workers takes numbers, e.g. \"1 2\"")
    if not workers or any(n < 1 or n > 64 for n in workers):
        ap.error("--workers takes counts from 1 to 64")
    docs = pick_documents(args.samples, args.gen, max(1, args.count))
    if not docs:
        print("load: no documents under %s or %s" % (args.samples, args.gen), file=sys.stderr)
        return 2
    os.makedirs(args.out, exist_ok=True)
    args.load_before = loadavg()
    print("load: docscreen scan (one process) on %d distinct files" % len(set(p for p, _ in docs)), flush=True)
    baseline = run_baseline(args.docscreen, [p for p, _ in docs], args.today, args.out)
    runs = []
    for n in workers:
        print("load: docscreend with %d worker(s), %d documents from %d client(s)" % (n, len(docs), args.clients),
              flush=True)
        runs.append(run_load(args, docs, n, baseline, args.out))
    text = table(args, docs, baseline, runs)
    print()
    print(text)
    with open(os.path.join(args.out, "table.txt"), "w") as fh:
        fh.write(text + "\n")
    slim = {k: v for k, v in baseline.items() if k != "reports"}
    with open(os.path.join(args.out, "results.json"), "w") as fh:
        json.dump({"baseline": slim, "runs": runs, "count": len(docs), "clients": args.clients,
                   "mode": args.mode}, fh, indent=1)
    bad = any(r["failures"] for r in runs) or baseline["missing"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
