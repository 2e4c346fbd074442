#!/usr/bin/python3
"""The heldout8 passport family as a test: tests/samples_heldout8.py SOURCE_DIR

- samples/generate.py --layouts heldout8 writes the same files, byte for
  byte, when run twice with one seed (three genuine documents);
- genuine documents (10, seed 81 as bench/layouts.sh's heldout8): the five
  formats; every page genuine and printing what its MRZ holds (no
  viz_printed); the MRZ lines' check digits hold and their dates and
  number are the truth's fields; the case record names the same person
  (the case name's words among the MRZ's or the printed name's), birth date, nationality, sex and
  document number (DEU for Germany's D, spaces in the number ignored);
  the capture is the family's (a photo at 200-240 dpi, JPEG 55-80, no
  skew of the frame);
- the truth is right for the photo: doc_quad lies in the image, the MRZ
  quad's corners inside it, mrz_bbox the box around the MRZ quad; the MRZ quad is as wide as the format's characters at the page's
  dpi (give or take the perspective); the layout records the family's
  choices;
- defects (60, seed 82 as bench/layouts.sh's defects8): each of the 13
  flag codes 4 or 5 times, each with its defect and case file;
- bench/layouts.sh accepts LAYOUTS_SETS="heldout8 defects8" (with a
  stand-in docscreen that prints an empty report: the script's plumbing;
  docscreen itself is never run on this family here).
Prints what fails and exits 1.
"""
import datetime
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples"))
import generate  # noqa: E402
from samples_blind import bench_scripts, defect_run, finish, genuine_run, passports  # noqa: E402

FAMILY = "heldout8"
KEYS = ("captions", "caption_langs", "given_case", "dates", "portrait", "font", "security", "desk",
        "frame_share", "turn_deg", "corner_shift", "cast", "cast_strength", "glare", "sheen")
# Line and start of the number, birth date and expiry date in the MRZ, and
# where the composite check digit is (None: visas have none).
POS = {"TD1": ((0, 5), (1, 0), (1, 8), (1, 29)), "TD2": ((1, 0), (1, 13), (1, 21), (1, 35)),
       "TD3": ((1, 0), (1, 13), (1, 21), (1, 43)), "MRVA": ((1, 0), (1, 13), (1, 21), None),
       "MRVB": ((1, 0), (1, 13), (1, 21), None)}


def yymmdd(iso):
    return generate.yymmdd(datetime.date.fromisoformat(iso))


def mrz_consistent(t, problems):
    """The MRZ's check digits, and its number and dates against the fields."""
    L, f = t["mrz_lines"], t["fields"]
    (nl, nx), (bl, bx), (el, ex), comp = POS[t["format"]]
    cd = generate.check_digit
    if len(f["document_number"]) <= 9:
        num = L[nl][nx:nx + 9]
        if num.rstrip("<") != f["document_number"] or cd(num) != L[nl][nx + 9]:
            problems.append("%s: MRZ number %r against %r" % (t["file"], num, f["document_number"]))
    for (li, x), key in (((bl, bx), "birth_date"), ((el, ex), "expiry_date")):
        s = L[li][x:x + 6]
        if s != yymmdd(f[key]) or cd(s) != L[li][x + 6]:
            problems.append("%s: MRZ %s %r against %s" % (t["file"], key, s, f[key]))
    if comp:
        l1, l2 = L[0], L[1]
        if t["format"] == "TD1":
            data = l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29]
        elif t["format"] == "TD2":
            data = l2[0:10] + l2[13:20] + l2[21:35]
        else:
            data = l2[0:10] + l2[13:20] + l2[21:43]
        if cd(data) != L[comp[0]][comp[1]]:
            problems.append("%s: composite check digit wrong" % t["file"])


def case_agrees(t, problems):
    """A genuine page's case record names the holder of its MRZ: every word
    of the case's name is a word of the MRZ name (under an MRZ or an
    accent-folding spelling, or of the page's full name)."""
    c, f = t["case"], t["fields"]
    # The MRZ's words and the page's full name's (which the MRZ may cut) in
    # their MRZ and accent-folded spellings (Müller: MUELLER, MULLER).
    words = set((f["surname"] + " " + f["given_names"]).split())
    words |= generate.name_keys(t["native"]["surname"], t["native"]["given_names"])
    for w in (c["surname"] + " " + c["given_names"]).split():
        forms = generate.name_keys(w)
        if not forms & words:
            problems.append("%s: the case's name word %s is not in the MRZ name %s" % (
                t["file"], w, sorted(words)))
    for key in ("birth_date", "nationality", "sex", "document_number"):
        v = c.get(key, f[key]).upper().replace(" ", "")  # a number may be written in groups
        if v != f[key] and {v, f[key]} != {"D", "DEU"}:  # Germany: D, the case DEU
            problems.append("%s: case %s %r, MRZ %r" % (t["file"], key, c[key], f[key]))


def inside(p, quad):
    """p inside the convex quad (either winding)."""
    s = []
    for i in range(4):
        (x0, y0), (x1, y1) = quad[i], quad[(i + 1) % 4]
        s.append((x1 - x0) * (p[1] - y0) - (y1 - y0) * (p[0] - x0))
    return all(v > 0 for v in s) or all(v < 0 for v in s)


def quad_truth(t, problems, lo=0.8, hi=1.25):
    """doc_quad in the image, the MRZ quad's corners inside it, mrz_bbox the
    box around the MRZ quad, and the MRZ's top edge as long as its
    characters at the page's dpi (between lo and hi times that: a
    perspective changes it by up to a fifth). tests/samples_heldout9.py
    checks its booklets and copies with it too."""
    name = t["file"]
    w, h = t["image_size"]
    dq, mq = t["doc_quad"], t["mrz_quad"]
    if not all(0 <= x <= w and 0 <= y <= h for x, y in dq):
        problems.append("%s: doc_quad %s outside the image %s" % (name, dq, t["image_size"]))
    for p in mq:
        if not inside(p, dq):
            problems.append("%s: MRZ corner %s outside doc_quad %s" % (name, p, dq))
    x, y, bw, bh = t["mrz_bbox"]
    xs, ys = [p[0] for p in mq], [p[1] for p in mq]
    if abs(x - min(xs)) > 2 or abs(y - min(ys)) > 2 or abs(x + bw - max(xs)) > 2 or abs(y + bh - max(ys)) > 2:
        problems.append("%s: mrz_bbox %s is not the box of mrz_quad %s" % (name, t["mrz_bbox"], mq))
    n = generate.MRZ_SHAPE[t["format"]][1]
    want = (n - 1) * generate.MRZ_PITCH_MM * t["dpi"] / 25.4
    got = ((mq[1][0] - mq[0][0]) ** 2 + (mq[1][1] - mq[0][1]) ** 2) ** 0.5
    if not lo * want < got < hi * want:
        problems.append("%s: MRZ %0.f px wide, %0.f expected at %d dpi" % (name, got, want, t["dpi"]))


def photo_truth(t, problems):
    """doc_quad, mrz_quad and mrz_bbox as the photo draws them."""
    name = t["file"]
    quad_truth(t, problems)
    if t["skew_deg"] != 0 or t["bed"] != "photo":
        problems.append("%s: skew %s bed %s, not a photo" % (name, t["skew_deg"], t["bed"]))
    lay = t["layout"]
    if not 0.6 <= lay["frame_share"] <= 0.85 or not 0 < lay["corner_shift"] <= 0.05 or abs(lay["turn_deg"]) > 3:
        problems.append("%s: frame share, corner shift or turn out of range: %s" % (name, lay))


def family_runs(root, tmp, problems, family, keys, seed, defect_seed, twice_count=3):
    """The runs of a blind passport family's test (this one and
    tests/samples_heldout9.py): twice_count genuine documents twice (the
    same bytes), the bench's 10 genuine ones (seed) checked against their
    MRZ and case records, its 60 defects (defect_seed) checked by
    samples_blind.defect_run. Returns (genuine folder, truths, defects
    folder, truths)."""
    passports(root, tmp, problems, family, keys, "1", twice_count, seed, "twice")
    g, gen = passports(root, tmp, problems, family, keys, "1", 10, seed, "pass", runs=1)
    genuine_run(gen, problems, family)
    for t in gen:
        mrz_consistent(t, problems)
        case_agrees(t, problems)
    d, defects = passports(root, tmp, problems, family, keys, "0", 60, defect_seed, "def", runs=1)
    defect_run(d, defects, problems, family)
    return g, gen, d, defects


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
    problems = []
    tmp = tempfile.mkdtemp(prefix="ds-heldout8-")
    _, gen, _, defects = family_runs(root, tmp, problems, FAMILY, KEYS, 81, 82)
    for t in gen:
        photo_truth(t, problems)
        if not (200 <= t["dpi"] <= 240 and 55 <= (t["jpeg_quality"] or 0) <= 80):
            problems.append("%s: dpi %s JPEG quality %s" % (t["file"], t["dpi"], t["jpeg_quality"]))
    for t in defects:
        photo_truth(t, problems)

    # The bench script accepts the new names (with a stand-in docscreen).
    bench_scripts(root, tmp, problems, FAMILY, "defects8", supportdocs=False)
    return finish("samples_heldout8", tmp, problems)


if __name__ == "__main__":
    sys.exit(main())
