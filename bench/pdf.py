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
            if isinstance(rep, dict):  # not a bare number of pretty JSON
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
    flags_table(binary, out, int(os.environ.get("BENCH_PDF_FILES", "8")))
    placed_real(binary, out)


def flags_table(binary, out, count):
    """Per PDF flag code (and IMAGE_EDITED on an embedded JPEG page): recall
    on the labelled edited files, and genuine files (born-digital and
    scanned) with any such flag at warning or high."""
    gen = os.path.join(out, "labelled")
    subprocess.run(["/usr/bin/python3", "samples/pdfgen.py", "--out", gen, "--count", str(count),
                    "--seed", "11", "--no-bad"], check=True)
    hits, totals, genuine, false = {}, {}, 0, []
    exact, updates = 0, 0
    for name in sorted(f for f in os.listdir(gen) if f.endswith(".pdf")):
        with open(os.path.join(gen, name[:-4] + ".json")) as fh:
            truth = json.load(fh)
        _, _, _, text = run([binary, "scan", "--json", "--no-viz", "--today", "2026-11-23",
                             os.path.join(gen, name)])
        try:
            rep = json.loads(text)
        except ValueError:
            rep = {"flags": []}
        # The PDF's flags and the image forensics of its embedded JPEG pages.
        flags = [f for f in rep.get("flags", []) if f["source"] in ("pdf", "image")]
        got = {(f["code"], f["page"]) for f in flags if f["severity"] in ("warning", "high")}
        for d in truth["defects"]:
            # A defect labelled as information (an update that changed no
            # page) is found when it is raised at exactly that severity.
            key = "%s (%s)" % (d["code"], d["severity"]) if d.get("severity") == "info" else d["code"]
            found = ((d["code"], d["page"], "info") in {(f["code"], f["page"], f["severity"])
                                                        for f in flags}
                     if d.get("severity") == "info" else (d["code"], d["page"]) in got)
            totals[key] = totals.get(key, 0) + 1
            hits[key] = hits.get(key, 0) + found
        # An update's pages as labelled: the pages its own objects changed,
        # and the shared objects it changed with the pages that use them.
        for d in truth["defects"]:
            if "changed_pages" not in d:
                continue
            upd = ((rep.get("pdf") or {}).get("updates") or [{}])[0]
            shared = [(o["object"], o["pages"]) for o in upd.get("shared_objects", [])]
            updates += 1
            exact += upd.get("pages") == d["changed_pages"] and (
                "shared" not in d or shared == [(o["object"], o["pages"]) for o in d["shared"]])
        if not truth["defects"]:
            genuine += 1
            if got:
                false.append((name, sorted(got)))
    print()
    print("%-26s %8s" % ("code (labelled files)", "recall"))
    for code in sorted(totals):
        print("%-26s %4d/%-3d" % (code, hits[code], totals[code]))
    print("genuine files (born-digital and scanned) with a PDF or image warning or high: %d/%d %s"
          % (len(false), genuine, false if false else ""))
    print("updates whose changed pages and shared objects are the labelled ones: %d/%d"
          % (exact, updates))


def placed_real(binary, out):
    """Real JPEG files (../shared/realdata: photographed and scanned
    documents, saved by cameras, scanners and editors) placed as they are on
    a born-digital letter: the image forensics of placed images on genuine
    letters. Every IMAGE_EDITED warning is counted (the same bytes as a
    JPEG file get the file rules; these files' edits are not labelled)."""
    src = os.path.join("..", "shared", "realdata")
    jpegs = sorted(glob.glob(os.path.join(src, "**", "*.jp*g"), recursive=True))
    if not jpegs:
        print("SKIP: placed real JPEGs: ../shared/realdata is absent")
        return
    gen = os.path.join(out, "placed")
    subprocess.run(["/usr/bin/python3", "samples/pdfgen.py", "--out", gen, "--photos-from"] + jpegs,
                   check=True)
    sev, files, checked = {}, 0, 0
    for name in sorted(f for f in os.listdir(gen) if f.endswith(".pdf")):
        _, _, _, text = run([binary, "scan", "--json", "--no-viz", "--today", "2026-11-23",
                             os.path.join(gen, name)])
        try:
            rep = json.loads(text)
        except ValueError:
            continue
        files += 1
        checked += sum(len(p.get("images", [])) for p in (rep.get("pdf") or {}).get("pages", []))
        for f in rep.get("flags", []):
            if f["code"] == "IMAGE_EDITED":
                sev[f["severity"]] = sev.get(f["severity"], 0) + 1
    print("real JPEGs placed on a born-digital letter: %d files, %d images checked; IMAGE_EDITED "
          "warning %d, info %d, high %d" % (files, checked, sev.get("warning", 0),
                                            sev.get("info", 0), sev.get("high", 0)))


if __name__ == "__main__":
    main()
