#!/usr/bin/python3
"""The heldout7 families as a test: tests/samples_heldout7.py SOURCE_DIR

- samples/generate.py --layouts heldout7 (five genuine documents) and
  samples/supportdocs.py --layouts heldout7 (nine pages) write the same
  files, byte for byte, when run twice with one seed; the defects-only
  runs (13 passports as bench/layouts.sh's defects7 makes, 27 supporting
  pages) are made once; every truth says heldout7;
- passports: the five formats; every genuine page prints what its MRZ
  holds (no viz_printed), its case file names the same person; the skew is
  within 4 degrees, the MRZ box inside the image, the family's choices
  recorded in the truth's layout; a defects-only run of 13 has each of
  the 13 flag codes once, with its case file;
- supporting pages: the nine types; the truth is well formed (fields with
  boxes inside the page, expected codes the defect's, the case file);
  every defect kind appears; a genuine page's name, birth date and address
  fields agree with its case record, and each defect page differs from it
  in the labelled way only;
- bench/layouts.sh accepts LAYOUTS_SETS="heldout7 defects7" and
  bench/supportdocs.sh SUPPORTDOCS_FAMILIES=heldout7 (the screening is a
  stand-in docscreen that prints an empty report, as in
  tests/samples_heldout5.py: the scripts' plumbing; docscreen itself is
  never run on this family here).
Prints what fails and exits 1.
"""
import datetime
import glob
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from samples_heldout5 import PY  # noqa: E402
from samples_blind import (SUPPORT_KINDS, bench_scripts, birth_dates, defect_printed, duplicate_files,  # noqa: E402
                           finish, genuine_run, issue_checks, passports, support_label, twice, values)

FAMILY = "heldout7"
CODES = {"CASE_NAME_MISMATCH", "CASE_BIRTH_DATE_MISMATCH", "CASE_DOCUMENT_NUMBER_MISMATCH",
         "CASE_NATIONALITY_MISMATCH", "CASE_SEX_MISMATCH", "DOC_EXPIRED", "DOC_VALIDITY_ANOMALY",
         "SPECIMEN_DOCUMENT", "MRZ_CHECK_DIGIT", "MRZ_UNKNOWN_CODE", "VIZ_MRZ_MISMATCH", "IMAGE_EDITED",
         "IMAGE_QUALITY_LOW"}


KEYS = ("captions", "caption_langs", "names", "dates", "portrait", "font", "rainbow", "light", "shadow")


def passports7(root, tmp, problems, share, count, seed, tag, runs=2):
    """samples_blind.passports, then this family's skew and case files."""
    d, truths = passports(root, tmp, problems, FAMILY, KEYS, share, count, seed, tag, runs)
    for t in truths:
        if abs(t["skew_deg"]) > 4.0:
            problems.append("%s: skew %s beyond 4 degrees" % (t["file"], t["skew_deg"]))
        case_path = os.path.join(d, t.get("case_file", ""))
        if not os.path.isfile(case_path) or json.load(open(case_path)) != t.get("case"):
            problems.append("%s: case file missing or not the truth's case" % t["file"])
    return truths


def parse_date(s):
    for f in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(s, f).date()
        except ValueError:
            pass
    return None


def support_page(t, case, problems):
    """A page's fields against its case record, as its label says."""
    f = t["file"]
    defect = t["defect"]
    support_label(t, FAMILY, problems)
    for fld in t["fields"]:
        x, y, w, h = fld["bbox"]
        if w <= 0 or h <= 0 or x < 0 or y < 0:
            problems.append("%s: field %s has box %s" % (f, fld["name"], fld["bbox"]))
    sur, first = case["surname"].upper(), case["given_names"].split()[0].upper()
    if not values(t, "name", "surname"):
        problems.append("%s: no name field" % f)
    printed = " ".join(values(t, "name", "surname", "given_names")).upper()
    named = sur in printed and first in printed  # (another person may share the surname)
    if named != (defect != "wrong_name"):
        problems.append("%s (%s): the case's name %s %s on the page: %s" % (f, defect or "genuine", sur, first,
                                                                           named))
    birth = datetime.date.fromisoformat(case["birth_date"])
    birth_dates(t, birth, parse_date, problems)
    street = case["address"].split("\n")[0]
    num, rest = street.split(" ", 1)
    for v in values(t, "address"):
        same = v in (street, "%s %s" % (rest, num))
        if same != (defect != "wrong_address"):
            problems.append("%s (%s): address %r against %r" % (f, defect or "genuine", v, street))
    defect_printed(t, problems)
    today = datetime.date.fromisoformat(t["today"])
    app = datetime.date.fromisoformat(case["application_date"])
    dates = [parse_date(v) for v in values(t, "issue_date", "statement_date")]
    if not dates or None in dates:
        problems.append("%s: issue or statement date missing or unreadable" % f)
        return
    issue_checks(t, dates[0], today, app, birth, problems)


def supporting(root, tmp, problems, count, seed, share, tag, runs=2):
    d = twice(lambda out: [PY, os.path.join(root, "samples/supportdocs.py"), "--out", out, "--count", str(count),
                           "--seed", str(seed), "--balance", "--defects", share, "--layouts", FAMILY],
              tmp, tag, problems, "supportdocs.py --layouts %s (%s)" % (FAMILY, tag), runs)
    if d is None:
        return []
    sts = [json.load(open(t)) for t in sorted(glob.glob(os.path.join(d, "*.json")))
           if not t.endswith(".case.json")]
    for t in sts:
        case = json.load(open(os.path.join(d, t["case"])))
        support_page(t, case, problems)
        duplicate_files(t, d, problems)
    return sts


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
    problems = []
    tmp = tempfile.mkdtemp(prefix="ds-heldout7-")

    # Passports: genuine documents (five: every format), then 13 defects (every code).
    genuine_run(passports7(root, tmp, problems, "1", 5, 7, "pass"), problems, FAMILY)
    defects = passports7(root, tmp, problems, "0", 13, 8, "def", runs=1)
    labels = [t.get("label") for t in defects]
    if defects and set(labels) != CODES:
        problems.append("generate.py %s defects-only: labels %s, expected the 13 codes" % (FAMILY, sorted(labels)))
    for t in defects:
        if not t.get("defect"):
            problems.append("%s: label %r without its defect" % (t["file"], t.get("label")))

    # Supporting pages: half with a defect (the nine types, twice the same
    # seed), then defects only (one run).
    sts = supporting(root, tmp, problems, 9, 5, "0.5", "supp")
    if sts:
        if {t["kind"] for t in sts} != {"birth_certificate", "marriage_certificate", "bank_statement", "payslip",
                                        "employment_letter", "utility_bill", "tenancy_agreement",
                                        "police_certificate", "diploma"}:
            problems.append("supportdocs.py %s: kinds %s, expected all nine" % (FAMILY, sorted({t["kind"] for t in sts})))
        if not any(not t["defect"] for t in sts):
            problems.append("supportdocs.py %s: no genuine page in a run of 9" % FAMILY)
    defs = supporting(root, tmp, problems, 27, 6, "1", "suppdef", runs=1)
    if not any(t["ocr_langs"] == "eng+fra" for t in sts + defs):
        problems.append("supportdocs.py %s: no bilingual page (ocr_langs eng+fra) in 36" % FAMILY)
    found = {t["defect"] for t in defs}
    if defs and found != set(SUPPORT_KINDS):
        problems.append("supportdocs.py %s defects-only: kinds %s, expected all seven" % (FAMILY, sorted(found)))

    # The bench scripts accept the new names (with a stand-in docscreen).
    bench_scripts(root, tmp, problems, FAMILY, "defects7")
    return finish("samples_heldout7", tmp, problems)


if __name__ == "__main__":
    sys.exit(main())
