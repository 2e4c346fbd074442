#!/usr/bin/python3
"""The heldout6 families as a test: tests/samples_heldout6.py SOURCE_DIR

- samples/generate.py --layouts heldout6 (genuine documents, and a
  defects-only run as bench/layouts.sh's defects6 makes) and
  samples/supportdocs.py --layouts heldout6 write the same files, byte for
  byte, when run twice with one seed, and their truth says heldout6;
- every genuine passport page prints what its MRZ holds (no viz_printed),
  its JPEG quality is 60-75, its MRZ box lies inside the image, and the
  family's choices are recorded in the truth's layout; a defects-only run
  labels every document with one flag code;
- bench/layouts.sh accepts LAYOUTS_SETS="heldout6 defects6" and
  bench/supportdocs.sh SUPPORTDOCS_FAMILIES=heldout6 (the screening is a
  stand-in docscreen that prints an empty report, as in
  tests/samples_heldout5.py: the scripts' plumbing, not docscreen's
  figures).
Prints what fails and exits 1.
"""
import glob
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from samples_heldout5 import PY, STUB, run, same_tree  # noqa: E402

FAMILY = "heldout6"


def passports(root, tmp, problems, share, count, seed, tag):
    outs = []
    for k in range(2):
        d = os.path.join(tmp, "%s%d" % (tag, k))
        p = run([PY, os.path.join(root, "samples/generate.py"), "--cases", "--genuine-share", share,
                 "--layouts", FAMILY, "--out", d, "--count", str(count), "--seed", str(seed),
                 "--degrade", "mild", "--quiet"])
        if p.returncode:
            problems.append("generate.py --layouts %s (%s) failed: %s" % (FAMILY, tag, p.stderr[-400:]))
            return []
        outs.append(d)
    diff = same_tree(*outs)
    if diff:
        problems.append("generate.py %s (%s) is not deterministic: %s" % (FAMILY, tag, diff))
    truths = [json.load(open(t)) for t in sorted(glob.glob(os.path.join(outs[0], "*.json")))]
    if len(truths) != count:
        problems.append("generate.py %s (%s): %d truth files, expected %d" % (FAMILY, tag, len(truths), count))
    for t in truths:
        lay = t.get("layout") or {}
        if lay.get("family") != FAMILY:
            problems.append("%s: layout family %r" % (t["file"], lay.get("family")))
        for key in ("captions", "caption_langs", "names", "dates", "font", "phone", "waves"):
            if key not in lay:
                problems.append("%s: layout lacks %s" % (t["file"], key))
        w, h = t["image_size"]
        x, y, bw, bh = t["mrz_bbox"]
        if not (0 <= x and 0 <= y and x + bw <= w and y + bh <= h and bw > 0 and bh > 0):
            problems.append("%s: MRZ box %s outside the image %s" % (t["file"], t["mrz_bbox"], t["image_size"]))
    return truths


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
    problems = []
    tmp = tempfile.mkdtemp(prefix="ds-heldout6-")

    # Passports: genuine documents, twice the same seed (five: every format).
    truths = passports(root, tmp, problems, "1", 5, 7, "pass")
    if truths and {t["format"] for t in truths} != {"TD1", "TD2", "TD3", "MRVA", "MRVB"}:
        problems.append("generate.py %s: formats %s, expected all five" % (FAMILY, sorted(t["format"] for t in truths)))
    for t in truths:
        if t.get("label") != "genuine" or "viz_printed" in t:
            problems.append("%s: a genuine-only run gave label %r" % (t["file"], t.get("label")))
        q = t.get("jpeg_quality")
        if t["file"].endswith(".jpg") and not (q is not None and 60 <= q <= 75):
            problems.append("%s: JPEG quality %r, expected 60-75" % (t["file"], q))
    # A defects-only run (as defects6): one flag code per document.
    for t in passports(root, tmp, problems, "0", 3, 8, "def"):
        if t.get("label") in (None, "genuine") or not t.get("defect"):
            problems.append("%s: a defects-only run gave label %r" % (t["file"], t.get("label")))

    # Supporting pages: twice the same seed (all nine types).
    outs = []
    for k in range(2):
        d = os.path.join(tmp, "supp%d" % k)
        p = run([PY, os.path.join(root, "samples/supportdocs.py"), "--out", d, "--count", "9", "--seed", "5",
                 "--balance", "--layouts", FAMILY])
        if p.returncode:
            problems.append("supportdocs.py --layouts %s failed: %s" % (FAMILY, p.stderr[-400:]))
        outs.append(d)
    if not any("supportdocs.py" in s for s in problems):
        diff = same_tree(*outs)
        if diff:
            problems.append("supportdocs.py %s is not deterministic: %s" % (FAMILY, diff))
        sts = [json.load(open(t)) for t in sorted(glob.glob(os.path.join(outs[0], "*.json")))
               if not t.endswith(".case.json")]
        kinds = {t["kind"] for t in sts}
        if len(kinds) != 9:
            problems.append("supportdocs.py %s: kinds %s, expected all nine" % (FAMILY, sorted(kinds)))
        for t in sts:
            if t["family"] != FAMILY or not t["heldout"]:
                problems.append("%s: family %r heldout %r" % (t["file"], t["family"], t["heldout"]))
            names = {f["name"] for f in t["fields"]}
            if not names & {"name", "surname"}:
                problems.append("%s: no name field in the truth" % t["file"])
            for e in t["expect"]:
                if not e.startswith(("SUPPORT_", "DUPLICATE_")):
                    problems.append("%s: expected code %r" % (t["file"], e))

    # The bench scripts accept the new names (with a stand-in docscreen).
    build = os.path.join(tmp, "build")
    os.makedirs(build)
    stub = os.path.join(build, "docscreen")
    with open(stub, "w") as fh:
        fh.write(STUB)
    os.chmod(stub, 0o755)
    p = run(["bash", "bench/layouts.sh", build], cwd=root,
            env={"LAYOUTS_SETS": "heldout6 defects6", "LAYOUTS_COUNT": "2", "LAYOUTS_DEFECT_COUNT": "2",
                 "LAYOUTS_OUT": os.path.join(tmp, "lay")})
    out = p.stdout + p.stderr
    if p.returncode or "family heldout6: 2 genuine documents" not in p.stdout or \
            "defects drawn in --layouts heldout6" not in p.stdout:
        problems.append("bench/layouts.sh LAYOUTS_SETS='heldout6 defects6': exit %d, output %s" % (
            p.returncode, out[-600:]))
    p = run(["bash", "bench/supportdocs.sh", build], cwd=root,
            env={"SUPPORTDOCS_FAMILIES": FAMILY, "SUPPORTDOCS_COUNT": "9",
                 "SUPPORTDOCS_OUT": os.path.join(tmp, "sd")})
    if p.returncode or "pages screened: 9" not in p.stdout or "heldout6 (held-out)" not in p.stdout:
        problems.append("bench/supportdocs.sh SUPPORTDOCS_FAMILIES=heldout6: exit %d, output %s" % (
            p.returncode, (p.stdout + p.stderr)[-600:]))
    p = run(["bash", "bench/supportdocs.sh", build], cwd=root,
            env={"SUPPORTDOCS_LAYOUTS": "heldout7", "SUPPORTDOCS_OUT": os.path.join(tmp, "sd")})
    if p.returncode != 2 or "unknown SUPPORTDOCS_LAYOUTS" not in p.stderr:
        problems.append("bench/supportdocs.sh took an unknown SUPPORTDOCS_LAYOUTS: exit %d" % p.returncode)

    run(["rm", "-rf", tmp])
    for s in problems:
        print("samples_heldout6: " + s)
    if not problems:
        print("samples_heldout6: ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
