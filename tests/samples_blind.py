"""Checks shared by the tests of the blind sample families written by
sessions that tune no rule (tests/samples_heldout6.py,
tests/samples_heldout7.py, tests/samples_heldout8s.py): generation twice with one seed, the passport
truth's layout and MRZ box, a supporting page's truth (its label, its
defect printed, its dates, a duplicate's second scan), the bench scripts'
plumbing with a stand-in docscreen (tests/samples_heldout5.py's STUB), the
closing report."""
import glob
import json
import os

from samples_heldout5 import PY, run, same_tree, stub_build

FORMATS = {"TD1", "TD2", "TD3", "MRVA", "MRVB"}
SUPPORT_KINDS = {"wrong_name": "SUPPORT_NAME_MISMATCH", "wrong_birth_date": "SUPPORT_BIRTH_DATE_MISMATCH",
                 "wrong_address": "SUPPORT_ADDRESS_MISMATCH", "future_issue": "SUPPORT_DATE_FUTURE",
                 "stale_statement": "SUPPORT_STATEMENT_OLD", "before_birth": "SUPPORT_ISSUED_BEFORE_BIRTH",
                 "duplicate": "DUPLICATE_IMAGE"}


def twice(cmd_for, tmp, tag, problems, what, runs=2):
    """Runs cmd_for(out) into two folders (runs=1: one, no determinism
    check); returns the first, or None when a run fails. A difference
    between the two is a problem."""
    outs = []
    for k in range(runs):
        d = os.path.join(tmp, "%s%d" % (tag, k))
        p = run(cmd_for(d))
        if p.returncode:
            problems.append("%s failed: %s" % (what, p.stderr[-400:]))
            return None
        outs.append(d)
    diff = same_tree(*outs) if runs == 2 else None
    if diff:
        problems.append("%s is not deterministic: %s" % (what, diff))
    return outs[0]


def passports(root, tmp, problems, family, keys, share, count, seed, tag, runs=2):
    """generate.py --cases --layouts FAMILY twice (or runs times); returns
    (folder, truths).
    Each truth names the family and records `keys` in its layout, and its
    MRZ box lies inside the image."""
    d = twice(lambda out: [PY, os.path.join(root, "samples/generate.py"), "--cases", "--genuine-share", share,
                           "--layouts", family, "--out", out, "--count", str(count), "--seed", str(seed),
                           "--degrade", "mild", "--quiet"], tmp, tag, problems,
              "generate.py --layouts %s (%s)" % (family, tag), runs)
    if d is None:
        return None, []
    truths = [json.load(open(t)) for t in sorted(glob.glob(os.path.join(d, "*.json")))]
    if len(truths) != count:
        problems.append("generate.py %s (%s): %d truth files, expected %d" % (family, tag, len(truths), count))
    for t in truths:
        lay = t.get("layout") or {}
        if lay.get("family") != family:
            problems.append("%s: layout family %r" % (t["file"], lay.get("family")))
        for key in keys:
            if key not in lay:
                problems.append("%s: layout lacks %s" % (t["file"], key))
        w, h = t["image_size"]
        x, y, bw, bh = t["mrz_bbox"]
        if not (0 <= x and 0 <= y and x + bw <= w and y + bh <= h and bw > 0 and bh > 0):
            problems.append("%s: MRZ box %s outside the image %s" % (t["file"], t["mrz_bbox"], t["image_size"]))
    return d, truths


def genuine_run(truths, problems, family):
    """A genuine-only run: the five formats, every page genuine, printing
    what its MRZ holds (no viz_printed)."""
    if truths and {t["format"] for t in truths} != FORMATS:
        problems.append("generate.py %s: formats %s, expected all five" % (family, sorted(t["format"] for t in truths)))
    for t in truths:
        if t.get("label") != "genuine" or "viz_printed" in t:
            problems.append("%s: a genuine-only run gave label %r" % (t["file"], t.get("label")))


def bench_scripts(root, tmp, problems, family, defects_set, supportdocs=True):
    """bench/layouts.sh LAYOUTS_SETS="FAMILY DEFECTS_SET" and (unless
    supportdocs is False) bench/supportdocs.sh SUPPORTDOCS_FAMILIES=FAMILY
    with a stand-in docscreen that prints an empty report: they generate
    the family, screen every page and print its lines."""
    build = stub_build(tmp)
    sets = "%s %s" % (family, defects_set)
    p = run(["bash", "bench/layouts.sh", build], cwd=root,
            env={"LAYOUTS_SETS": sets, "LAYOUTS_COUNT": "2", "LAYOUTS_DEFECT_COUNT": "2",
                 "LAYOUTS_OUT": os.path.join(tmp, "lay")})
    if p.returncode or "family %s: 2 genuine documents" % family not in p.stdout or \
            "defects drawn in --layouts %s" % family not in p.stdout:
        problems.append("bench/layouts.sh LAYOUTS_SETS='%s': exit %d, output %s" % (
            sets, p.returncode, (p.stdout + p.stderr)[-600:]))
    if supportdocs:
        bench_supportdocs(root, tmp, problems, family, build)
    return build


def bench_supportdocs(root, tmp, problems, family, build=None):
    """bench/supportdocs.sh SUPPORTDOCS_FAMILIES=FAMILY with the stand-in
    docscreen (a new one when build is None): it generates the family's
    nine pages, screens them and prints the family's line."""
    build = build or stub_build(tmp)
    p = run(["bash", "bench/supportdocs.sh", build], cwd=root,
            env={"SUPPORTDOCS_FAMILIES": family, "SUPPORTDOCS_COUNT": "9",
                 "SUPPORTDOCS_OUT": os.path.join(tmp, "sd")})
    if p.returncode or "pages screened: 9" not in p.stdout or "%s (held-out)" % family not in p.stdout:
        problems.append("bench/supportdocs.sh SUPPORTDOCS_FAMILIES=%s: exit %d, output %s" % (
            family, p.returncode, (p.stdout + p.stderr)[-600:]))
    return build


def values(t, *names):
    """A supporting page truth's values of the fields named."""
    return [f["value"] for f in t["fields"] if f["name"] in names]


def support_label(t, family, problems):
    """A supporting page's truth names the family, held out, and expects
    its defect's code (nothing on a genuine page)."""
    f, defect = t["file"], t["defect"]
    if t["family"] != family or not t["heldout"]:
        problems.append("%s: family %r heldout %r" % (f, t["family"], t["heldout"]))
    if t["expect"] != ([SUPPORT_KINDS[defect]] if defect else []):
        problems.append("%s: expect %r for defect %r" % (f, t["expect"], defect))


def birth_dates(t, birth, parse_date, problems):
    """The page's birth dates (read with parse_date) against the case's
    birth, as the defect label says."""
    f, defect = t["file"], t["defect"]
    for v in values(t, "birth_date"):
        d = parse_date(v)
        if d is None or (d == birth) != (defect != "wrong_birth_date"):
            problems.append("%s (%s): birth date %r against %s" % (f, defect or "genuine", v, birth))


def defect_printed(t, problems):
    """A wrong birth date or address defect is printed on the page."""
    f, defect = t["file"], t["defect"]
    if defect == "wrong_birth_date" and not values(t, "birth_date"):
        problems.append("%s: a wrong birth date the page does not print" % f)
    if defect == "wrong_address" and not values(t, "address"):
        problems.append("%s: a wrong address the page does not print" % f)


def duplicate_files(t, d, problems):
    """A duplicate page in folder d has its second scan and case file."""
    if t["defect"] == "duplicate":
        stem = os.path.join(d, t["file"][:-4])
        if not (os.path.isfile(stem + ".dup.jpg") and os.path.isfile(stem + ".dup.case.json")):
            problems.append("%s: a duplicate without its second scan and case" % t["file"])


def issue_checks(t, d, today, app, birth, problems):
    """A supporting page's issue or statement date d against the day of
    screening, the application and the birth, as its defect label says."""
    f, defect = t["file"], t["defect"]
    if (d > today) != (defect == "future_issue"):
        problems.append("%s (%s): dated %s, today %s" % (f, defect or "genuine", d, today))
    if t["kind"] in ("bank_statement", "payslip", "utility_bill") and \
            ((app - d).days > 90) != (defect == "stale_statement"):
        problems.append("%s (%s): statement of %s for an application of %s" % (f, defect or "genuine", d, app))
    if t["kind"] == "birth_certificate" and (d < birth) != (defect == "before_birth"):
        problems.append("%s (%s): issued %s, born %s" % (f, defect or "genuine", d, birth))


def finish(name, tmp, problems):
    """Removes the scratch folder, prints the problems; the exit status."""
    run(["rm", "-rf", tmp])
    for s in problems:
        print("%s: %s" % (name, s))
    if not problems:
        print("%s: ok" % name)
    return 1 if problems else 0
