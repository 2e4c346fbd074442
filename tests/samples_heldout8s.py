#!/usr/bin/python3
"""The heldout8 supporting pages as a test: tests/samples_heldout8s.py SOURCE_DIR

- samples/supportdocs.py --layouts heldout8 --balance, 72 pages with seed
  15 (what bench/supportdocs.sh SUPPORTDOCS_FAMILIES=heldout8
  SUPPORTDOCS_COUNT=72 screens): the nine types, every truth says
  heldout8, field boxes inside the page, the expected code the defect's,
  every defect kind present, German or Spanish pages (ocr_langs eng+deu
  and eng+spa) among them;
- every genuine page's name, birth date and address fields agree with its
  case record, its dates are not in the future nor stale; each defect page
  differs from it in the labelled way only (the dates read in the forms the
  family prints: "July 14, 1985", "14th July 1985", "14/07/85", ISO,
  "14. Juli 1985", "14 de julio de 1985", "14th day of July, 2024";
  addresses with "St" / "Rd", in capitals, on one line);
- determinism: a run of 9 pages with the same seed writes the first nine
  pages of the 72, byte for byte (each page draws from its own stream);
- bench/supportdocs.sh accepts SUPPORTDOCS_FAMILIES=heldout8 (a stand-in
  docscreen that prints an empty report: the plumbing; docscreen itself is
  never run on this family here).
The passports of the family are tests/samples_heldout8.py's.
Prints what fails and exits 1.
"""
import datetime
import filecmp
import glob
import json
import os
import re
import sys
import tempfile
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from samples_heldout5 import PY, run  # noqa: E402
from samples_blind import (SUPPORT_KINDS, bench_supportdocs, birth_dates, defect_printed,  # noqa: E402
                           duplicate_files, finish, issue_checks, support_label, values)

FAMILY = "heldout8"
KINDS = {"birth_certificate", "marriage_certificate", "bank_statement", "payslip", "employment_letter",
         "utility_bill", "tenancy_agreement", "police_certificate", "diploma"}
MONTHS = {}
for names in (["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december"],
              ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
               "november", "dezember"],
              ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
               "noviembre", "diciembre"]):
    MONTHS.update({m: k + 1 for k, m in enumerate(names)})
ABBR = {"ST": "STREET", "RD": "ROAD", "AVE": "AVENUE", "LN": "LANE", "DR": "DRIVE", "CL": "CLOSE"}


def parse_date(s):
    s = s.strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        y, mo, d = map(int, m.groups())
        return datetime.date(y, mo, d)
    m = re.fullmatch(r"(\d{2})/(\d{2})/(\d{2})", s)
    if m:
        d, mo, y = map(int, m.groups())
        return datetime.date(2000 + y if y < 40 else 1900 + y, mo, d)
    m = re.fullmatch(r"([A-Za-z]+) (\d{1,2}), (\d{4})", s)  # July 14, 1985
    if m and m.group(1).lower() in MONTHS:
        return datetime.date(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?(?: day of|\.| de)? (\w+)(?:,| de)? (\d{4})", s)
    if m and m.group(2).lower() in MONTHS:
        return datetime.date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    return None


def fold(s):
    s = s.replace("Ł", "L").replace("ł", "l")
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch)).upper()


def same_address(value, case_addr):
    """The page's address line holds the case's street (abbreviations
    written out) and postcode."""
    street, rest = case_addr.split("\n")
    v = value.upper()
    head, _, tail = v.partition(",")
    words = head.split()
    if words and words[-1] in ABBR:
        words[-1] = ABBR[words[-1]]
    postcode = " ".join(rest.split()[-2:])
    return " ".join(words) == street.upper() and postcode in tail


def support_page(t, case, problems):
    """A page's fields against its case record, as its label says."""
    f, defect = t["file"], t["defect"]
    support_label(t, FAMILY, problems)
    for fld in t["fields"]:
        x, y, w, h = fld["bbox"]
        if w <= 0 or h <= 0 or x < 0 or y < 0 or x + w > 8.27 * t["dpi"] + 2 or y + h > 11.69 * t["dpi"] + 2:
            problems.append("%s: field %s has box %s" % (f, fld["name"], fld["bbox"]))
    printed = fold(" ".join(values(t, "name", "surname", "given_names")))
    if not printed:
        problems.append("%s: no name field" % f)
    named = fold(case["surname"]) in printed and fold(case["given_names"].split()[0]) in printed
    if named != (defect != "wrong_name"):
        problems.append("%s (%s): the case's name on the page: %s" % (f, defect or "genuine", named))
    birth = datetime.date.fromisoformat(case["birth_date"])
    birth_dates(t, birth, parse_date, problems)
    for v in values(t, "address"):
        if same_address(v, case["address"]) != (defect != "wrong_address"):
            problems.append("%s (%s): address %r against %r" % (f, defect or "genuine", v, case["address"]))
    defect_printed(t, problems)
    today = datetime.date.fromisoformat(t["today"])
    app = datetime.date.fromisoformat(case["application_date"])
    dates = [parse_date(v) for v in values(t, "issue_date", "statement_date")]
    if len(dates) != 1 or None in dates:
        problems.append("%s: issue or statement date missing or unreadable: %s" % (
            f, values(t, "issue_date", "statement_date")))
        return
    issue_checks(t, dates[0], today, app, birth, problems)


def generate(root, out, count, problems):
    p = run([PY, os.path.join(root, "samples/supportdocs.py"), "--out", out, "--count", str(count), "--seed", "15",
             "--balance", "--layouts", FAMILY])
    if p.returncode:
        problems.append("supportdocs.py --layouts %s --count %d failed: %s" % (FAMILY, count, p.stderr[-400:]))
        return False
    return True


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
    problems = []
    tmp = tempfile.mkdtemp(prefix="ds-heldout8s-")
    full, nine = os.path.join(tmp, "p72"), os.path.join(tmp, "p9")
    if generate(root, full, 72, problems):
        sts = [json.load(open(t)) for t in sorted(glob.glob(os.path.join(full, "*.json")))
               if not t.endswith(".case.json")]
        if len(sts) != 72:
            problems.append("72 pages asked, %d truths" % len(sts))
        for t in sts:
            case = json.load(open(os.path.join(full, t["case"])))
            support_page(t, case, problems)
            duplicate_files(t, full, problems)
        if {t["kind"] for t in sts} != KINDS:
            problems.append("kinds %s, expected all nine" % sorted({t["kind"] for t in sts}))
        found = {t["defect"] for t in sts if t["defect"]}
        if found != set(SUPPORT_KINDS):
            problems.append("defects %s, expected all seven" % sorted(found))
        genuine = sum(1 for t in sts if not t["defect"])
        if genuine < 20:
            problems.append("%d genuine pages in 72" % genuine)
        langs = {t["ocr_langs"] for t in sts}
        if not {"eng+deu", "eng+spa"} <= langs:
            problems.append("ocr_langs %s: no German or no Spanish page" % sorted(langs))
        print("samples_heldout8s: 72 pages, %d genuine, defects %s" % (
            genuine, ", ".join("%s %d" % (k, sum(1 for t in sts if t["defect"] == k)) for k in sorted(found))))
        # Determinism: the first nine pages again, alone.
        if generate(root, nine, 9, problems):
            for path in sorted(glob.glob(os.path.join(nine, "*"))):
                other = os.path.join(full, os.path.basename(path))
                if not (os.path.isfile(other) and filecmp.cmp(path, other, shallow=False)):
                    problems.append("%s differs between the runs of 9 and 72" % os.path.basename(path))
                    break
            if len(glob.glob(os.path.join(nine, "*.jpg"))) < 9:
                problems.append("a run of 9 wrote fewer than 9 pages")
    bench_supportdocs(root, tmp, problems, FAMILY)
    return finish("samples_heldout8s", tmp, problems)


if __name__ == "__main__":
    sys.exit(main())
