#!/usr/bin/python3
"""The heldout9 passport family as a test: tests/samples_heldout9.py SOURCE_DIR

- samples/generate.py --layouts heldout9 writes the same files, byte for
  byte, when run twice with one seed (four genuine documents);
- genuine documents (10, seed 91 as bench/layouts.sh's heldout9): the five
  formats; every page genuine and printing what its MRZ holds (no
  viz_printed); the MRZ lines' check digits hold and their dates and
  number are the truth's fields; the case record names the same person,
  birth date, nationality, sex and document number (tests/samples_heldout8.py's
  checks);
- on every page, genuine or not, the truth is right for the capture: a
  photocopy is scanned in grey as a whole sheet (bed `copy`) and only a
  copy is; booklets only for passports and visas, polycarbonate only for
  cards and passports, a lid only on copies; on a booklet or a copy
  doc_quad lies in the image, the MRZ quad's corners inside it, mrz_bbox
  the box around the MRZ quad, the MRZ as wide as the format's characters
  at the page's dpi; the MRZ stays legible (dark ink on a light ground in
  its box, whatever is printed behind it);
- over the genuine and defect pages together the family draws what it
  says: the three caption styles, plain pages, booklets, copies and copies
  of copies, paper and polycarbonate;
- defects (60, seed 92 as bench/layouts.sh's defects9): each of the 13
  flag codes 4 or 5 times, each with its defect and case file;
- bench/layouts.sh accepts LAYOUTS_SETS="heldout9 defects9" (with a
  stand-in docscreen that prints an empty report: the script's plumbing;
  docscreen itself is never run on this family here).
Prints what fails and exits 1.
"""
import collections
import json
import os
import sys
import tempfile

import numpy as np
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples"))
import generate  # noqa: E402
from samples_blind import bench_scripts, finish, genuine_run, passports  # noqa: E402
from samples_heldout7 import CODES  # noqa: E402
from samples_heldout8 import case_agrees, inside, mrz_consistent  # noqa: E402

FAMILY = "heldout9"
KEYS = ("captions", "caption_lang", "given_case", "dates", "dob_pob", "portrait", "font", "material",
        "mrz_print", "rainbow", "booklet", "copies", "lid", "stamp")


def capture_truth(t, problems):
    """The truth against the capture the layout records."""
    name, lay = t["file"], t["layout"]
    copy = lay["copies"] > 0
    if copy != (t["bed"] == "copy") or (copy and not t["grayscale"]) or (lay["lid"] == "none") == copy:
        problems.append("%s: copies %s, bed %s, grey %s, lid %s" % (
            name, lay["copies"], t["bed"], t["grayscale"], lay["lid"]))
    if lay["booklet"] and t["format"] not in ("TD3", "MRVA", "MRVB"):
        problems.append("%s: a booklet for a %s" % (name, t["format"]))
    if lay["material"] == "polycarbonate" and t["format"] not in ("TD1", "TD2", "TD3"):
        problems.append("%s: polycarbonate for a %s" % (name, t["format"]))
    w, h = t["image_size"]
    dq, mq = t["doc_quad"], t["mrz_quad"]
    if lay["booklet"] or copy:
        if not all(-1 <= x <= w + 1 and -1 <= y <= h + 1 for x, y in dq):
            problems.append("%s: doc_quad %s outside the image %s" % (name, dq, t["image_size"]))
        for p in mq:
            if not inside(p, dq):
                problems.append("%s: MRZ corner %s outside doc_quad %s" % (name, p, dq))
        x, y, bw, bh = t["mrz_bbox"]
        xs, ys = [p[0] for p in mq], [p[1] for p in mq]
        if abs(x - min(xs)) > 2 or abs(y - min(ys)) > 2 or abs(x + bw - max(xs)) > 2 or abs(y + bh - max(ys)) > 2:
            problems.append("%s: mrz_bbox %s is not the box of mrz_quad %s" % (name, t["mrz_bbox"], mq))
    # The MRZ's top edge is as long as its characters at the page's dpi (a
    # copy or a booklet turns the page but does not scale it).
    n = generate.MRZ_SHAPE[t["format"]][1]
    want = (n - 1) * generate.MRZ_PITCH_MM * t["dpi"] / 25.4
    got = ((mq[1][0] - mq[0][0]) ** 2 + (mq[1][1] - mq[0][1]) ** 2) ** 0.5
    if not 0.95 * want < got < 1.15 * want:
        problems.append("%s: MRZ %0.f px wide, %0.f expected at %d dpi" % (name, got, want, t["dpi"]))


def mrz_legible(d, t, problems):
    """Dark ink on a light ground in the MRZ's box: the darkest 3 % of its
    pixels at least 90 levels below its median (security print, an
    engraving or a copier may lower the contrast, never lose the MRZ)."""
    x, y, bw, bh = t["mrz_bbox"]
    im = Image.open(os.path.join(d, t["file"])).convert("L")
    a = np.asarray(im.crop((x, y, x + bw, y + bh)), np.float32)
    if a.size == 0:
        problems.append("%s: empty MRZ box" % t["file"])
        return
    ink, ground = np.percentile(a, 3), np.median(a)
    if ground - ink < 90 or ground < 150:
        problems.append("%s: MRZ ink %.0f on ground %.0f (%s)" % (t["file"], ink, ground, t["layout"]))


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
    problems = []
    tmp = tempfile.mkdtemp(prefix="ds-heldout9-")

    # Determinism: four genuine documents twice.
    passports(root, tmp, problems, FAMILY, KEYS, "1", 4, 91, "twice")
    # Genuine documents, the bench's seed.
    g, gen = passports(root, tmp, problems, FAMILY, KEYS, "1", 10, 91, "pass", runs=1)
    genuine_run(gen, problems, FAMILY)
    for t in gen:
        mrz_consistent(t, problems)
        case_agrees(t, problems)
    # Defects, the bench's seed and count.
    d, defects = passports(root, tmp, problems, FAMILY, KEYS, "0", 60, 92, "def", runs=1)
    counts = collections.Counter(t.get("label") for t in defects)
    if defects and (set(counts) != CODES or not all(4 <= n <= 5 for n in counts.values())):
        problems.append("generate.py %s defects-only: labels %s, expected the 13 codes 4-5 times each" % (
            FAMILY, dict(counts)))
    for t in defects:
        if not t.get("defect"):
            problems.append("%s: label %r without its defect" % (t["file"], t.get("label")))
        case_path = os.path.join(d, t.get("case_file", ""))
        if not os.path.isfile(case_path) or json.load(open(case_path)) != t.get("case"):
            problems.append("%s: case file missing or not the truth's case" % t["file"])
    seen = collections.Counter()
    for folder, truths in ((g, gen), (d, defects)):
        for t in truths:
            capture_truth(t, problems)
            if t.get("label") != "IMAGE_QUALITY_LOW":  # blurred or at 72 dpi on purpose
                mrz_legible(folder, t, problems)
            lay = t["layout"]
            seen.update([lay["captions"], lay["material"], "copies%d" % lay["copies"],
                         "booklet" if lay["booklet"] else "flat"])
    want = {"spine", "split", "sandwich", "paper", "polycarbonate", "copies0", "copies1", "copies2", "booklet",
            "flat"}
    if gen and defects and not want <= set(seen):
        problems.append("%s draws only %s, expected every one of %s" % (FAMILY, dict(seen), sorted(want)))

    # The bench script accepts the new names (with a stand-in docscreen).
    bench_scripts(root, tmp, problems, FAMILY, "defects9", supportdocs=False)
    return finish("samples_heldout9", tmp, problems)


if __name__ == "__main__":
    sys.exit(main())
