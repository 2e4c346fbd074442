#!/usr/bin/python3
"""make bench, PDF input: time per page and peak memory of docscreen on a
scanned PDF and a born-digital PDF of N pages, beside the same scanned pages
screened as JPEG files in the same run (the baseline).

Each run is one `docscreen scan --json` process; its wall time and the peak
resident memory of its process tree (the largest of docscreen, the PDF
reader and the renderer, as wait4 reports it) are printed.
Usage: bench/pdf.py BUILD_DIR OUT_DIR N
"""
import glob
import json
import os
import subprocess
import sys
import time


def run(cmd):
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = p.stdout.read()
    _, status, ru = os.wait4(p.pid, 0)
    return time.monotonic() - t0, ru.ru_maxrss / 1024.0, status, out


def main():
    build, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    binary = os.path.join(build, "docscreen")
    subprocess.run(["/usr/bin/python3", "samples/pdfgen.py", "--out", out, "--bench", str(n),
                    "--seed", "5"], check=True)
    jpegs = sorted(glob.glob(os.path.join(out, "page-*.jpg")))
    base = [binary, "scan", "--json", "--today", "2026-11-23"]
    rows = []
    for label, files in (("scanned pages as JPEG files (baseline)", jpegs),
                         ("scanned PDF, DCT pages embedded", [os.path.join(out, "scanned-%d.pdf" % n)]),
                         ("born-digital PDF, rendered + text layer", [os.path.join(out, "born-%d.pdf" % n)])):
        secs, mb, status, text = run(base + files)
        pages = 0
        for line in text.decode().splitlines():
            try:
                rep = json.loads(line)
            except ValueError:
                continue
            pages += len(rep.get("documents", []))
        if pages == 0:  # pretty JSON of one file
            try:
                pages = len(json.loads(text).get("documents", []))
            except ValueError:
                pages = 0
        rows.append((label, pages, secs, mb, status))
    print("%-42s %6s %9s %9s %9s" % ("input", "pages", "total s", "s/page", "peak MB"))
    for label, pages, secs, mb, status in rows:
        print("%-42s %6d %9.1f %9.2f %9.0f%s" % (label, pages, secs, secs / max(pages, 1), mb,
                                                "" if status == 0 or os.WEXITSTATUS(status) in (0, 1)
                                                else "  (exit %d)" % os.WEXITSTATUS(status)))
    print("target: a %d-page PDF under 300 MB peak; reproduce: bash bench/pdf.sh BUILD" % n)


if __name__ == "__main__":
    main()
