#!/usr/bin/python3
"""Scores the MRZ benchmark and prints the side-by-side table.

Reads the JSON-lines output of bench/ds_bench_mrz (docscreen and
--decode-only) and bench/ds_bench_tess (stock Tesseract) and the generator's
truth JSON, and prints, for the images both engines read, the documents with
every MRZ line exact, per-field accuracy, time per page, peak memory and the
decode-only floor; then, for the real specimens (no truth file), the share
read with every check digit valid. It only reads files; it never runs an
engine, so a table can be re-printed from bench/out/ at any time.

  score.py list TRUTH_DIR                 image paths of the truth set, sorted
  score.py table --truth DIR --docscreen F --tesseract F --decode F
                 [--djpeg F] [--real-docscreen F --real-tesseract F] [--json OUT]
  score.py djpeg LIST                     times `djpeg -grayscale` on each JPEG
  score.py floor --djpeg F NAME=F...      MRZ path runs against the djpeg floor

`djpeg` is the one subcommand that runs a program: the bare libjpeg-turbo
decoder (package libjpeg-turbo-progs), once per JPEG of LIST, output thrown
away, one JSON line per file as the drivers print them (wall "ms" of the
whole process, "cpu_ms" of the child). That is the floor of the MRZ path:
no reader of a JPEG page can be faster than decoding it.
"""
import argparse
import glob
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time

FIELDS = ["document_number", "birth_date", "expiry_date", "surname", "given_names",
          "nationality", "sex", "issuing_state", "document_code", "optional_data"]
DATE_FIELDS = {"birth_date", "expiry_date"}


# ---------------------------------------------------------------- truth ----

def _truth_records(obj, base):
    """Yields truth records (dicts with "file" and "mrz_lines") from one JSON
    document: a record, a list of records, or a dict holding such a list."""
    if isinstance(obj, dict) and "file" in obj and ("mrz_lines" in obj or "fields" in obj):
        rec = dict(obj)
        path = rec["file"]
        if not os.path.isabs(path):
            cand = os.path.normpath(os.path.join(base, path))
            if not os.path.exists(cand) and os.path.exists(os.path.join(base, os.path.basename(path))):
                cand = os.path.join(base, os.path.basename(path))
            path = cand
        rec["path"] = path
        yield rec
    elif isinstance(obj, list):
        for o in obj:
            yield from _truth_records(o, base)
    elif isinstance(obj, dict):
        for v in obj.values():
            if isinstance(v, (list, dict)):
                yield from _truth_records(v, base)


def load_truth(truth_dir):
    """Returns {(image path, page): truth record} for every truth JSON under
    truth_dir; a multi-page file's truth lists its pages under "pages"."""
    truth = {}
    for jf in sorted(glob.glob(os.path.join(truth_dir, "**", "*.json"), recursive=True)):
        try:
            with open(jf, encoding="utf-8") as f:
                obj = json.load(f)
        except (OSError, ValueError):
            continue
        for rec in _truth_records(obj, os.path.dirname(jf)):
            if os.path.exists(rec["path"]):
                truth[(os.path.normpath(rec["path"]), int(rec.get("page") or 0))] = rec
    return truth


def load_run(path):
    """Returns ({(image path, page): record}, summary dict) of a driver's output."""
    recs, summary = {}, {}
    if not path or not os.path.exists(path):
        return recs, summary
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line.startswith("{"):
                continue
            try:
                r = json.loads(line)
            except ValueError:
                continue
            if "summary" in r:
                summary = r["summary"]
            elif "file" in r:
                recs[(os.path.normpath(r["file"]), int(r.get("page") or 0))] = r
    return recs, summary


# -------------------------------------------------------------- compare ----

def norm_text(v):
    s = "" if v is None else str(v)
    s = s.upper().replace("<", " ")
    return re.sub(r"\s+", " ", s).strip()


def norm_date(v):
    """A date as YYYY-MM-DD when it has a century, else as YYMMDD."""
    s = "" if v is None else str(v).strip()
    m = re.fullmatch(r"(\d{4})-?(\d{2})-?(\d{2})", s)
    if m:
        return "-".join(m.groups())
    return s.replace("<", "").upper()


def field_equal(name, truth, got):
    if got is None:
        return False
    if name in DATE_FIELDS:
        t, g = norm_date(truth), norm_date(got)
        if t == g:
            return True
        # One side without a century: compare YYMMDD.
        yymmdd = lambda d: d[2:4] + d[5:7] + d[8:10] if len(d) == 10 else d
        return (len(t) == 6 or len(g) == 6) and yymmdd(t) == yymmdd(g)
    if name == "sex":
        t, g = norm_text(truth) or "X", norm_text(got) or "X"
        return t == g
    return norm_text(truth) == norm_text(got)


def pct(n, d):
    return 100.0 * n / d if d else 0.0


def quantile(xs, q):
    """Nearest-rank quantile; None for an empty list."""
    if not xs:
        return None
    xs = sorted(xs)
    k = max(0, min(len(xs) - 1, int(-(-q * len(xs) // 1)) - 1))
    return xs[k]


def score_truth(paths, truth, run):
    """Scores one engine's run on the given image paths against the truth."""
    s = {"n": 0, "n_mrz": 0, "found": 0, "exact": 0, "valid": 0, "valid_wrong": 0,
         "missing": 0, "errors": 0, "fields": {}, "by_format": {}, "ms": [], "cpu": [], "upright": [0, 0]}
    for p in paths:
        t = truth[p]
        r = run.get(p)
        s["n"] += 1
        want = [str(x) for x in (t.get("mrz_lines") or [])]
        fmt = str(t.get("format") or "?")
        bf = s["by_format"].setdefault(fmt, [0, 0])
        if r is None:
            s["missing"] += 1
            r = {}
        if r and r.get("status") not in (None, "OK"):
            s["errors"] += 1
        if "ms" in r:
            s["ms"].append(float(r["ms"]))
        if "cpu_ms" in r:
            s["cpu"].append(float(r["cpu_ms"]))
        got = [str(x) for x in (r.get("lines") or [])]
        if not want:
            continue  # a page without an MRZ: scored by the no-MRZ row only
        s["n_mrz"] += 1
        bf[1] += 1
        exact = got == want
        if r.get("found"):
            s["found"] += 1
        if exact:
            s["exact"] += 1
            bf[0] += 1
        if not t.get("rotation"):
            s["upright"][1] += 1
            s["upright"][0] += 1 if exact else 0
        if r.get("valid"):
            s["valid"] += 1
            if not exact:
                s["valid_wrong"] += 1
        tf = t.get("fields") or {}
        gf = r.get("fields") or {}
        for name in FIELDS:
            if name not in tf:
                continue
            ok, tot = s["fields"].get(name, (0, 0))
            s["fields"][name] = (ok + (1 if field_equal(name, tf[name], gf.get(name)) else 0), tot + 1)
    s["no_mrz"] = s["n"] - s["n_mrz"]
    s["no_mrz_false"] = sum(1 for p in paths if not (truth[p].get("mrz_lines") or [])
                            and (run.get(p) or {}).get("found"))
    return s


def score_real(paths, run):
    s = {"n": len(paths), "found": 0, "parsed": 0, "valid": 0, "ms": [], "cpu": [], "errors": 0}
    for p in paths:
        r = run.get(p) or {}
        if r.get("status") not in (None, "OK"):
            s["errors"] += 1
        if r.get("found"):
            s["found"] += 1
        if r.get("fields"):
            s["parsed"] += 1
        if r.get("valid"):
            s["valid"] += 1
        if "ms" in r:
            s["ms"].append(float(r["ms"]))
        if "cpu_ms" in r:
            s["cpu"].append(float(r["cpu_ms"]))
    return s


# ---------------------------------------------------------------- print ----

def fmt_count(n, d):
    return "%d/%d (%.1f%%)" % (n, d, pct(n, d)) if d else "-"


def fmt_ms(xs):
    if not xs:
        return "-"
    return "%.0f / %.0f" % (quantile(xs, 0.5), quantile(xs, 0.95))


def fmt_mb(summary):
    kb = summary.get("maxrss_kb")
    return "%.0f MB" % (kb / 1024.0) if kb else "-"


def print_rows(header, rows, widths=(34, 22)):
    line = header[0].ljust(widths[0]) + "".join(h.rjust(widths[1]) for h in header[1:])
    print(line)
    print("-" * len(line))
    for r in rows:
        if r is None:
            print()
            continue
        print(r[0].ljust(widths[0]) + "".join(str(c).rjust(widths[1]) for c in r[1:]))


def cmd_list(args):
    truth = load_truth(args.truth_dir)
    for p in sorted({path for path, _ in truth}):
        print(p)
    return 0 if truth else 1


def page_name(key):
    path, page = key
    return os.path.basename(path) + ("#%d" % page if page else "")


def is_jpeg(path):
    try:
        with open(path, "rb") as f:
            return f.read(3) == b"\xff\xd8\xff"
    except OSError:
        return False


def cmd_djpeg(args):
    djpeg = shutil.which("djpeg")
    if not djpeg:
        print("score.py djpeg: djpeg is missing (apt-get install libjpeg-turbo-progs)", file=sys.stderr)
        return 2
    with open(args.list, encoding="utf-8") as f:
        paths = [l.strip() for l in f if l.strip()]
    n = 0
    for p in paths:
        if not is_jpeg(p):
            continue
        c0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        rc = subprocess.run([djpeg, "-grayscale", "-outfile", os.devnull, p],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        ms = (time.perf_counter() - t0) * 1000.0
        c1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (c1.ru_utime - c0.ru_utime + c1.ru_stime - c0.ru_stime) * 1000.0
        print(json.dumps({"file": p, "page": 0, "engine": "djpeg", "status": "OK" if rc == 0 else "ERR",
                          "ms": ms, "cpu_ms": cpu}))
        n += 1
    print(json.dumps({"summary": {"engine": "djpeg", "files": n}}))
    return 0


def floor_rows(djpeg_run, runs):
    """Rows of wall/CPU p50 and p95 per page over the JPEG pages every run has,
    each with its ratio to the djpeg floor. runs: [(label, {key: record})]."""
    keys = sorted(k for k in djpeg_run
                  if k[1] == 0 and djpeg_run[k].get("status") == "OK"
                  and all(k in r and r[k].get("status") == "OK" for _, r in runs))
    if not keys:
        return 0, []
    def q(run, name, p):
        return quantile([float(run[k][name]) for k in keys], p)
    f50, f95 = q(djpeg_run, "ms", 0.5), q(djpeg_run, "ms", 0.95)
    c50, c95 = q(djpeg_run, "cpu_ms", 0.5), q(djpeg_run, "cpu_ms", 0.95)
    rows = [["djpeg -grayscale (floor)", "%.1f / %.1f" % (f50, f95), "%.1f / %.1f" % (c50, c95), "1.00 / 1.00"]]
    for label, run in runs:
        m50, m95 = q(run, "ms", 0.5), q(run, "ms", 0.95)
        rows.append([label, "%.1f / %.1f" % (m50, m95), "%.1f / %.1f" % (q(run, "cpu_ms", 0.5), q(run, "cpu_ms", 0.95)),
                     "%.2f / %.2f" % (m50 / f50, m95 / f95)])
    return len(keys), rows


def print_floor(djpeg_run, runs):
    n, rows = floor_rows(djpeg_run, runs)
    if not n:
        print("   no JPEG page with a djpeg time and a result of every run")
        return
    print("   the same %d single-page JPEG files; djpeg is a whole process per file (start-up" % n)
    print("   included), the MRZ path ds_scan_file in one process (file read to parsed fields)")
    print()
    print_rows(["per page", "wall p50 / p95 ms", "CPU p50 / p95 ms", "wall x floor p50 / p95"],
               rows, widths=(34, 25))


def cmd_floor(args):
    djpeg_run, _ = load_run(args.djpeg)
    runs = []
    for spec in args.runs:
        label, _, path = spec.partition("=")
        runs.append((label, load_run(path)[0]))
    print_floor(djpeg_run, runs)
    return 0


def cmd_table(args):
    out = {}
    truth = load_truth(args.truth)
    ds_run, ds_sum = load_run(args.docscreen)
    ts_run, ts_sum = load_run(args.tesseract)
    dec_run, dec_sum = load_run(args.decode)

    all_paths = sorted(p for p in truth if p in ds_run or p in ts_run)
    both = sorted(p for p in all_paths if p in ds_run and p in ts_run)
    ds_only_extra = len(all_paths) > len(both) and bool(ds_run)

    print()
    print("== MRZ benchmark: generated pages (truth: %s) ==" % args.truth)
    if args.gen_cmd:
        print("   pages from: %s" % args.gen_cmd)
    if not truth:
        print("   no truth JSON found under %s: nothing to score" % args.truth)
        return 1
    nfiles_both = len({k[0] for k in both})
    nfiles_all = len({k[0] for k in all_paths})
    if nfiles_both == nfiles_all:
        print("   side by side on the SAME %d pages (all %d files)." % (len(both), nfiles_all))
    else:
        print("   side by side on the SAME %d pages (%d files: the first %d of %d files by name);"
              % (len(both), nfiles_both, nfiles_both, nfiles_all))
    if ds_only_extra:
        print("   the right-hand column is docscreen alone on all %d generated pages (%d files)."
              % (len(all_paths), nfiles_all))
    print()

    ds = score_truth(both, truth, ds_run)
    ts = score_truth(both, truth, ts_run)
    dsa = score_truth(all_paths, truth, ds_run) if ds_only_extra else None
    def col(run, keys, name):
        return [float(run[k][name]) for k in keys if name in run.get(k, {})]
    dec_both, dec_all = col(dec_run, both, "ms"), col(dec_run, all_paths, "ms")
    dec_cpu_both, dec_cpu_all = col(dec_run, both, "cpu_ms"), col(dec_run, all_paths, "cpu_ms")
    ts_read = col(ts_run, both, "read_ms")

    header = ["", "docscreen", "tesseract eng"] + (["docscreen, all %d" % len(all_paths)] if dsa else [])

    def row(label, f):
        r = [label, f(ds, ds_sum), f(ts, ts_sum)]
        if dsa:
            r.append(f(dsa, ds_sum))
        return r

    rows = [
        row("pages (with an MRZ)", lambda s, _: "%d (%d)" % (s["n"], s["n_mrz"])),
        row("MRZ found", lambda s, _: fmt_count(s["found"], s["n_mrz"])),
        row("every MRZ line exact", lambda s, _: fmt_count(s["exact"], s["n_mrz"])),
        row("every check digit valid", lambda s, _: fmt_count(s["valid"], s["n_mrz"])),
        row("  valid but a line wrong", lambda s, _: "%d" % s["valid_wrong"]),
        row("every MRZ line exact, upright", lambda s, _: fmt_count(*s["upright"])),
    ]
    formats = sorted(set(ds["by_format"]) | (set(dsa["by_format"]) if dsa else set()))
    for fm in formats:
        rows.append(row("  exact, %s" % fm, lambda s, _, fm=fm:
                        fmt_count(*s["by_format"].get(fm, [0, 0]))))
    if ds["no_mrz"] or (dsa and dsa["no_mrz"]):
        rows.append(row("pages without MRZ: MRZ reported", lambda s, _: "%d/%d" % (s["no_mrz_false"], s["no_mrz"])))
    rows.append(None)
    rows.append(["field accuracy"] + [""] * (len(header) - 1))
    names = [n for n in FIELDS if n in ds["fields"] or (dsa and n in dsa["fields"])]
    for n in names:
        rows.append(row("  " + n, lambda s, _, n=n: "%.1f%%" % pct(*s["fields"].get(n, (0, 0)))))
    rows.append(None)
    rows.append(row("wall/page p50 / p95 (ms)", lambda s, _: fmt_ms(s["ms"])))
    rows.append(row("CPU/page p50 / p95 (ms)", lambda s, _: fmt_ms(s["cpu"])))
    dec_row = ["decode only, wall p50 / p95 (ms)", fmt_ms(dec_both), fmt_ms(ts_read) + " *"]
    dec_cpu_row = ["decode only, CPU p50 / p95 (ms)", fmt_ms(dec_cpu_both), ""]
    if dsa:
        dec_row.append(fmt_ms(dec_all))
        dec_cpu_row.append(fmt_ms(dec_cpu_all))
    rows.append(dec_row)
    rows.append(dec_cpu_row)
    rows.append(row("peak RSS (own process)", lambda s, summ: fmt_mb(summ)))
    rss_row = ["decode-only process peak RSS", fmt_mb(dec_sum), ""] + ([""] if dsa else [])
    rows.append(rss_row)
    rows.append(row("engine init (ms)", lambda s, summ: "%.0f" % summ["init_ms"] if "init_ms" in summ else "-"))
    rows.append(row("CPU time, whole process (s)", lambda s, summ: "%.1f" % summ["cpu_s"] if "cpu_s" in summ else "-"))
    errs = ds["errors"] + ts["errors"] + ds["missing"] + ts["missing"]
    if errs:
        rows.append(row("files with an error / missing", lambda s, _: "%d / %d" % (s["errors"], s["missing"])))
    print_rows(header, rows)
    print()
    print("   * Tesseract column: its own image read (pixRead) on the same files, for comparison;")
    print("     the docscreen decode floor is ds_decode_file, timed in its own process.")
    print("   peak RSS is each run's whole process (getrusage ru_maxrss), engine and all its files;")
    if dsa:
        print("   the docscreen process read all %d pages, Tesseract's only the %d side by side." % (len(all_paths), len(both)))
    if args.djpeg:
        print()
        print("== MRZ path against the bare decoder (djpeg -grayscale, libjpeg-turbo) ==")
        print_floor(load_run(args.djpeg)[0], [("docscreen MRZ path", ds_run)])
    out["generated"] = {"images_side_by_side": both, "docscreen": _public(ds), "tesseract": _public(ts),
                        "docscreen_all": _public(dsa) if dsa else None,
                        "summaries": {"docscreen": ds_sum, "tesseract": ts_sum, "decode": dec_sum}}

    print()
    print("== Real specimens (%s) ==" % (args.real_dir or "../shared/realdata/mrz-images"))
    if not args.real_docscreen and not args.real_tesseract:
        print("   SKIPPED: the real-specimen folder %s is absent." % (args.real_dir or "../shared/realdata/mrz-images"))
    else:
        rds, rds_sum = load_run(args.real_docscreen)
        rts, rts_sum = load_run(args.real_tesseract)
        rpaths = sorted(set(rds) & set(rts)) if rds and rts else sorted(set(rds) | set(rts))
        a, b = score_real(rpaths, rds), score_real(rpaths, rts)
        print("   no truth file: an MRZ counts as read when every check digit it carries is valid;")
        print("   Tesseract's lines are parsed by the same ds_mrz_parse. Same %d pages for both." % len(rpaths))
        print()
        rrows = [
            ["pages", "%d" % a["n"], "%d" % b["n"]],
            ["MRZ found", fmt_count(a["found"], a["n"]), fmt_count(b["found"], b["n"])],
            ["MRZ parsed into fields", fmt_count(a["parsed"], a["n"]), fmt_count(b["parsed"], b["n"])],
            ["every check digit valid", fmt_count(a["valid"], a["n"]), fmt_count(b["valid"], b["n"])],
            ["wall/page p50 / p95 (ms)", fmt_ms(a["ms"]), fmt_ms(b["ms"])],
            ["CPU/page p50 / p95 (ms)", fmt_ms(a["cpu"]), fmt_ms(b["cpu"])],
            ["peak RSS (own process)", fmt_mb(rds_sum), fmt_mb(rts_sum)],
        ]
        if a["errors"] or b["errors"]:
            rrows.append(["files with an error", "%d" % a["errors"], "%d" % b["errors"]])
        print_rows(["", "docscreen", "tesseract eng"], rrows)
        only_ds = [page_name(p) for p in rpaths if (rds.get(p) or {}).get("valid") and not (rts.get(p) or {}).get("valid")]
        only_ts = [page_name(p) for p in rpaths if (rts.get(p) or {}).get("valid") and not (rds.get(p) or {}).get("valid")]
        print()
        print("   valid by docscreen only: %d; by Tesseract only: %d%s" % (
            len(only_ds), len(only_ts), (" (" + ", ".join(only_ts) + ")") if only_ts else ""))
        out["real"] = {"images": rpaths, "docscreen": _public(a), "tesseract": _public(b),
                       "valid_docscreen_only": only_ds, "valid_tesseract_only": only_ts}
        if args.real_tsv:
            with open(args.real_tsv, "w", encoding="utf-8") as f:
                f.write("file\tdocscreen_valid\ttesseract_valid\tdocscreen_lines\ttesseract_lines\n")
                for p in rpaths:
                    x, y = rds.get(p) or {}, rts.get(p) or {}
                    f.write("%s\t%s\t%s\t%s\t%s\n" % (page_name(p), bool(x.get("valid")), bool(y.get("valid")),
                                                      "|".join(x.get("lines") or []), "|".join(y.get("lines") or [])))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(out, f, indent=1, sort_keys=True)
    return 0


def _public(s):
    if s is None:
        return None
    r = dict(s)
    ms, cpu = r.pop("ms", []), r.pop("cpu", [])
    r["ms_p50"], r["ms_p95"] = quantile(ms, 0.5), quantile(ms, 0.95)
    r["cpu_ms_p50"], r["cpu_ms_p95"] = quantile(cpu, 0.5), quantile(cpu, 0.95)
    r["fields"] = {k: {"ok": v[0], "total": v[1]} for k, v in s["fields"].items()} if "fields" in s else None
    return r


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("list")
    a.add_argument("truth_dir")
    b = sub.add_parser("table")
    b.add_argument("--truth", required=True)
    b.add_argument("--docscreen")
    b.add_argument("--tesseract")
    b.add_argument("--decode")
    b.add_argument("--real-dir")
    b.add_argument("--real-docscreen")
    b.add_argument("--real-tesseract")
    b.add_argument("--real-tsv")
    b.add_argument("--json")
    b.add_argument("--gen-cmd", help="the generator command, printed with the table")
    b.add_argument("--djpeg", help="score.py djpeg output: print the MRZ path against that floor")
    c = sub.add_parser("djpeg")
    c.add_argument("list")
    d = sub.add_parser("floor")
    d.add_argument("--djpeg", required=True)
    d.add_argument("runs", nargs="+", metavar="LABEL=JSONL")
    args = ap.parse_args()
    return {"list": cmd_list, "table": cmd_table, "djpeg": cmd_djpeg, "floor": cmd_floor}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
