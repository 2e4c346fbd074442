#!/usr/bin/python3
"""Real PDFs updated by a real writer: the Debian manuals bench/realpdf.sh
fetched (whole files of at most 64 pages, pdfTeX and Texinfo output, some
with object and cross-reference streams), each given three incremental
updates by MuPDF (`mutool run`, `save(..., "incremental")`): new metadata
(no page changed), page 1's content stream rewritten (page 0 changed), and
a font page 1 names marked (a shared font: the pages that set it). The
reader's revision scan (docscreen-pdf's HEAD frame, read and the reader
stopped before it renders) must find two revisions, the labelled change,
and no disagreement between each update's cross-reference data and its
bytes (a real writer's updates are not hand edits).

Usage: bench/realpdfupd.py BUILD_DIR (after bash bench/realpdf.sh BUILD_DIR)
"""
import glob
import os
import re
import signal
import struct
import subprocess
import sys

JS = r"""
var kind = scriptArgs[0];
var doc = new PDFDocument(scriptArgs[1]);
var page = doc.findPage(0);
if (kind == "meta") {
    var info = doc.getTrailer().get("Info");
    if (info.isNull()) { info = doc.addObject(doc.newDictionary()); doc.getTrailer().put("Info", info); }
    info.put("Title", "Edited title");
} else if (kind == "content") {
    var c = page.get("Contents");
    if (c.isArray()) c = c.get(0);
    var buf = c.readStream();
    buf.writeLine(" q Q");
    c.writeStream(buf);
} else {
    var fonts = page.get("Resources").get("Font");
    var m = /\/([^\s\/<>\[\]()]+)\s*\d+\s+\d+\s+R/.exec(fonts.toString());
    if (!m) throw "no indirect font";
    fonts.get(m[1]).put("Edited", true);
}
doc.save(scriptArgs[2], "incremental");
"""


def head(reader, path):
    """The HEAD frame's lines, the reader stopped right after it."""
    with open(path, "rb") as fh:
        p = subprocess.Popen([reader], stdin=fh, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             start_new_session=True)
        try:
            h = p.stdout.read(8)
            tag, n = h[:4], struct.unpack("<I", h[4:8])[0] if len(h) == 8 else 0
            payload = p.stdout.read(n) if tag == b"HEAD" else b""
        finally:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
    return payload.decode(errors="replace").splitlines()


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    reader = os.path.join(build, "docscreen-pdf")
    src = sorted(glob.glob("bench/out/realpdf/x/**/*.pdf", recursive=True))
    if not src:
        print("SKIP: no Debian manuals under bench/out/realpdf/x (run bash bench/realpdf.sh first)")
        return
    out = "bench/out/realpdfupd"
    os.makedirs(out, exist_ok=True)
    js = os.path.join(out, "update.js")
    with open(js, "w") as fh:
        fh.write(JS)
    seen, files = set(), []
    for f in src:
        name = os.path.basename(f)
        n = subprocess.run(["mutool", "show", f, "trailer/Root/Pages/Count"], capture_output=True,
                           text=True).stdout.strip().splitlines()
        if name in seen or not n or not n[-1].isdigit() or int(n[-1]) > 64:
            continue
        seen.add(name)
        files.append((f, int(n[-1]), b"/ObjStm" in open(f, "rb").read()))
    rows = {k: [0, 0, 0, 0] for k in ("meta", "content", "font")}  # files, found, mismatched, unread
    shared_pages, listed_pages = [], []
    for f, npages, objstm in files:
        base = os.path.basename(f)[:-4]
        for kind in ("meta", "content", "font"):
            dst = os.path.join(out, "%s-%s.pdf" % (base, kind))
            with open(f, "rb") as a, open(dst, "wb") as b:
                b.write(a.read())
            if subprocess.run(["mutool", "run", js, kind, f, dst], capture_output=True).returncode:
                continue
            lines = head(reader, dst)
            rev = [l.split("\t") for l in lines if l.startswith("rev\t")]
            xref = [l.split("\t") for l in lines if l.startswith("revxref\t")]
            shared = [l.split("\t") for l in lines if l.startswith("revshared\t")]
            r = rows[kind]
            r[0] += 1
            if len(rev) != 1 or len(xref) != 1:
                print("  %s: %d revisions found" % (dst, len(rev) + 1))
                continue
            pages = rev[0][3]
            if kind == "meta":
                ok = pages == "" and not shared
            elif kind == "content":
                ok = pages == "0" and not shared
            else:  # the font: page 0's own change, or shared with page 0 among its pages
                ok = (pages == "0" and not shared) or (
                    pages == "" and len(shared) == 1 and "0" in shared[0][4].split(","))
                if shared:
                    shared_pages.append(len(shared[0][4].split(",")) if shared[0][4] else 0)
                    listed_pages.append(npages)
            r[1] += ok
            x = [int(v) for v in xref[0][2:]]
            r[2] += x[4] + x[5] > 0  # misplaced or unlisted
            r[3] += x[1] > 0
            if not ok or x[4] + x[5] or x[1]:
                print("  %s: pages %r shared %r xref %r" % (dst, pages, shared, x))
    print("real manuals updated by MuPDF: %d files (%d with object streams)"
          % (len(files), sum(1 for f in files if f[2])))
    for kind, (n, ok, bad, unread) in rows.items():
        print("  %-8s %2d updates: change found as labelled %d, xref disagreements %d, "
              "xref unread %d" % (kind, n, ok, bad, unread))
    if shared_pages:
        print("  font updates reported once as a shared change: %d, drawn by %d of those files' "
              "%d pages (the old reader listed each such page as changed)"
              % (len(shared_pages), sum(shared_pages), sum(listed_pages)))


if __name__ == "__main__":
    main()
