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
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from samples_blind import bench_supportdocs, finish, support_run  # noqa: E402

FAMILY = "heldout8"
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


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
    problems = []
    tmp = tempfile.mkdtemp(prefix="ds-heldout8s-")
    support_run(root, tmp, problems, FAMILY, "samples_heldout8s", parse_date, same_address, ["eng+deu", "eng+spa"])
    bench_supportdocs(root, tmp, problems, FAMILY)
    return finish("samples_heldout8s", tmp, problems)


if __name__ == "__main__":
    sys.exit(main())
