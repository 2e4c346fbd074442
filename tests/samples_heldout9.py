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
  cards and passports, a lid only on copies; on every page (booklets and
  copies included) the quads pass samples_heldout8.quad_truth (no
  perspective: the MRZ's width within 5 % of its characters'); the MRZ
  stays legible (dark ink on a light ground in its box, whatever is
  printed behind it);
- over the genuine and defect pages together the family draws what it
  says: the three caption styles, plain pages, booklets, copies and copies
  of copies, paper and polycarbonate;
- the defects set of bench/layouts.sh (defects9: 60, seed 92) passes
  samples_blind.defect_run; bench/layouts.sh runs LAYOUTS_SETS="heldout9
  defects9" with samples_blind's stand-in docscreen (never the real one).
Exits 1, printing each failure, when anything is wrong.
"""
import collections
import os
import sys
import tempfile

import numpy as np
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples"))
from samples_blind import bench_scripts, finish  # noqa: E402
from samples_heldout8 import family_runs, quad_truth  # noqa: E402

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
    quad_truth(t, problems, 0.95, 1.15)  # through the booklet's or the copier's geometry, if any


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

    g, gen, d, defects = family_runs(root, tmp, problems, FAMILY, KEYS, 91, 92, twice_count=4)
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
