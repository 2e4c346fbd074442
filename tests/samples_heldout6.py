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
from samples_heldout5 import PY, run, same_tree  # noqa: E402
from samples_blind import bench_scripts, finish, genuine_run, passports  # noqa: E402

FAMILY = "heldout6"
KEYS = ("captions", "caption_langs", "names", "dates", "font", "phone", "waves")


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
    problems = []
    tmp = tempfile.mkdtemp(prefix="ds-heldout6-")

    # Passports: genuine documents, twice the same seed (five: every format).
    truths = passports(root, tmp, problems, FAMILY, KEYS, "1", 5, 7, "pass")[1]
    genuine_run(truths, problems, FAMILY)
    for t in truths:
        q = t.get("jpeg_quality")
        if t["file"].endswith(".jpg") and not (q is not None and 60 <= q <= 75):
            problems.append("%s: JPEG quality %r, expected 60-75" % (t["file"], q))
    # A defects-only run (as defects6): one flag code per document.
    for t in passports(root, tmp, problems, FAMILY, KEYS, "0", 3, 8, "def")[1]:
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
    build = bench_scripts(root, tmp, problems, FAMILY, "defects6")
    p = run(["bash", "bench/supportdocs.sh", build], cwd=root,
            env={"SUPPORTDOCS_LAYOUTS": "heldout99", "SUPPORTDOCS_OUT": os.path.join(tmp, "sd")})
    if p.returncode != 2 or "unknown SUPPORTDOCS_LAYOUTS" not in p.stderr:
        problems.append("bench/supportdocs.sh took an unknown SUPPORTDOCS_LAYOUTS: exit %d" % p.returncode)

    return finish("samples_heldout6", tmp, problems)


if __name__ == "__main__":
    sys.exit(main())
