#!/usr/bin/python3
"""The heldout5 families as a test: tests/samples_heldout5.py SOURCE_DIR

- samples/generate.py --layouts heldout5 and samples/supportdocs.py
  --layouts heldout5 write the same files, byte for byte, when run twice
  with one seed, and their truth says heldout5 (held out);
- every genuine passport page prints what its MRZ holds (no viz_printed),
  and the family's features are recorded in the truth's layout;
- bench/layouts.sh accepts LAYOUTS_SETS=heldout5 and bench/supportdocs.sh
  SUPPORTDOCS_FAMILIES=heldout5: each generates that family, screens every
  page with BUILD/docscreen and prints the family's line; an unknown set
  or family name is refused (exit 2). The screening here is a stand-in
  docscreen that prints an empty report, so the test checks the scripts'
  plumbing, not docscreen's figures (bench/README.md has those).
Prints what fails and exits 1; runs in about a minute.
"""
import filecmp
import glob
import json
import os
import subprocess
import sys
import tempfile

PY = "/usr/bin/python3"
STUB = """#!/bin/sh
# A stand-in for docscreen: an empty report for any scan.
if [ "$1" = flags ]; then echo '[]'; exit 0; fi
echo '{"verdict": "clear", "flags": [], "documents": [{"page_class": {"type": "other"}}]}'
"""


def run(cmd, env=None, cwd=None):
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run(cmd, capture_output=True, text=True, env=e, cwd=cwd, timeout=900)


def stub_build(tmp):
    """A build folder under tmp whose docscreen is STUB; returns it."""
    build = os.path.join(tmp, "build")
    os.makedirs(build)
    stub = os.path.join(build, "docscreen")
    with open(stub, "w") as fh:
        fh.write(STUB)
    os.chmod(stub, 0o755)
    return build


def same_tree(a, b):
    fa = sorted(os.path.relpath(p, a) for p in glob.glob(os.path.join(a, "**", "*"), recursive=True))
    fb = sorted(os.path.relpath(p, b) for p in glob.glob(os.path.join(b, "**", "*"), recursive=True))
    if fa != fb:
        return "file lists differ: %s" % sorted(set(fa) ^ set(fb))
    for f in fa:
        pa, pb = os.path.join(a, f), os.path.join(b, f)
        if os.path.isfile(pa) and not filecmp.cmp(pa, pb, shallow=False):
            return "%s differs between the two runs" % f
    return None


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
    problems = []
    tmp = tempfile.mkdtemp(prefix="ds-heldout5-")

    # Passports: twice the same seed.
    outs = []
    for k in range(2):
        d = os.path.join(tmp, "pass%d" % k)
        p = run([PY, os.path.join(root, "samples/generate.py"), "--cases", "--genuine-share", "1",
                 "--layouts", "heldout5", "--out", d, "--count", "5", "--seed", "7", "--degrade", "mild",
                 "--quiet"])
        if p.returncode:
            problems.append("generate.py --layouts heldout5 failed: %s" % p.stderr[-400:])
        outs.append(d)
    if not problems:
        diff = same_tree(*outs)
        if diff:
            problems.append("generate.py heldout5 is not deterministic: " + diff)
        truths = [json.load(open(t)) for t in sorted(glob.glob(os.path.join(outs[0], "*.json")))]
        if len(truths) != 5:
            problems.append("generate.py heldout5: %d truth files, expected 5" % len(truths))
        for t in truths:
            lay = t.get("layout") or {}
            if lay.get("family") != "heldout5":
                problems.append("%s: layout family %r" % (t["file"], lay.get("family")))
            for key in ("captions", "caption_langs", "names", "dates", "font", "paper", "mount"):
                if key not in lay:
                    problems.append("%s: layout lacks %s" % (t["file"], key))
            if t.get("label") != "genuine" or "viz_printed" in t:
                problems.append("%s: a genuine-only run gave label %r" % (t["file"], t.get("label")))
            if lay.get("mount") in ("spread", "visa_page"):
                w, h = t["image_size"]
                x, y, bw, bh = t["mrz_bbox"]
                if not (0 <= x and 0 <= y and x + bw <= w and y + bh <= h and bw > 0 and bh > 0):
                    problems.append("%s: MRZ box %s outside the image %s" % (t["file"], t["mrz_bbox"], t["image_size"]))

    # Supporting pages: twice the same seed (all nine types).
    outs = []
    for k in range(2):
        d = os.path.join(tmp, "supp%d" % k)
        p = run([PY, os.path.join(root, "samples/supportdocs.py"), "--out", d, "--count", "9", "--seed", "5",
                 "--balance", "--layouts", "heldout5"])
        if p.returncode:
            problems.append("supportdocs.py --layouts heldout5 failed: %s" % p.stderr[-400:])
        outs.append(d)
    if not any("supportdocs.py" in s for s in problems):
        diff = same_tree(*outs)
        if diff:
            problems.append("supportdocs.py heldout5 is not deterministic: " + diff)
        truths = [json.load(open(t)) for t in sorted(glob.glob(os.path.join(outs[0], "*.json")))
                  if not t.endswith(".case.json")]
        kinds = {t["kind"] for t in truths}
        if len(kinds) != 9:
            problems.append("supportdocs.py heldout5: kinds %s, expected all nine" % sorted(kinds))
        for t in truths:
            if t["family"] != "heldout5" or not t["heldout"]:
                problems.append("%s: family %r heldout %r" % (t["file"], t["family"], t["heldout"]))
            if not any(f["name"] == "name" for f in t["fields"]):
                problems.append("%s: no name field in the truth" % t["file"])

    # The bench scripts accept the new names (with a stand-in docscreen).
    build = stub_build(tmp)
    p = run(["bash", "bench/layouts.sh", build], cwd=root,
            env={"LAYOUTS_SETS": "heldout5", "LAYOUTS_COUNT": "2", "LAYOUTS_OUT": os.path.join(tmp, "lay")})
    if p.returncode or "family heldout5: 2 genuine documents" not in p.stdout:
        problems.append("bench/layouts.sh LAYOUTS_SETS=heldout5: exit %d, output %s" % (
            p.returncode, (p.stdout + p.stderr)[-600:]))
    p = run(["bash", "bench/layouts.sh", build], cwd=root,
            env={"LAYOUTS_SETS": "heldout99", "LAYOUTS_OUT": os.path.join(tmp, "lay")})
    if p.returncode != 2 or "unknown set" not in p.stderr:
        problems.append("bench/layouts.sh took an unknown set: exit %d" % p.returncode)
    p = run(["bash", "bench/supportdocs.sh", build], cwd=root,
            env={"SUPPORTDOCS_FAMILIES": "heldout5", "SUPPORTDOCS_COUNT": "9",
                 "SUPPORTDOCS_OUT": os.path.join(tmp, "sd")})
    if p.returncode or "pages screened: 9" not in p.stdout or "heldout5 (held-out)" not in p.stdout:
        problems.append("bench/supportdocs.sh SUPPORTDOCS_FAMILIES=heldout5: exit %d, output %s" % (
            p.returncode, (p.stdout + p.stderr)[-600:]))
    p = run(["bash", "bench/supportdocs.sh", build], cwd=root,
            env={"SUPPORTDOCS_FAMILIES": "heldout99", "SUPPORTDOCS_OUT": os.path.join(tmp, "sd")})
    if p.returncode != 2 or "unknown family" not in p.stderr:
        problems.append("bench/supportdocs.sh took an unknown family: exit %d" % p.returncode)

    subprocess.run(["rm", "-rf", tmp])
    for s in problems:
        print("samples_heldout5: " + s)
    if not problems:
        print("samples_heldout5: ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
