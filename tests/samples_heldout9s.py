#!/usr/bin/python3
"""The heldout9 supporting pages as a test: tests/samples_heldout9s.py SOURCE_DIR

- samples/supportdocs.py --layouts heldout9 --balance, 72 pages with seed
  15 (what bench/supportdocs.sh SUPPORTDOCS_FAMILIES=heldout9
  SUPPORTDOCS_COUNT=72 screens): the nine types, every truth says
  heldout9, field boxes inside the page (landscape statements too), the
  expected code the defect's, every defect kind present, Italian,
  Portuguese, Dutch and French originals (ocr_langs eng+ita, eng+por,
  eng+nld, eng+fra) and English pages among them;
- every genuine page's name, birth date and address fields agree with its
  case record, its dates are not in the future nor stale; each defect page
  differs from it in the labelled way only (the dates read in the forms the
  family prints: "14/VII/1985", "14.VII.1985", "14-7-1985", "14/07/1985",
  "1985.07.14", "14th of July, 1985", "14 luglio 1985", "14 de julho de
  1985", "14 juli 1985", "1er juillet 1985"; addresses on one line or the
  street line of a window, in the country's own form);
- a certified translation carries its translation date, on or after the
  original's date and not after the application unless the page is dated
  in the future; at least one landscape statement;
- determinism: a run of 9 pages with the same seed writes the first nine
  pages of the 72, byte for byte (each page draws from its own stream);
- bench/supportdocs.sh accepts SUPPORTDOCS_FAMILIES=heldout9 (a stand-in
  docscreen that prints an empty report: the plumbing; docscreen itself is
  never run on this family here).
Prints what fails and exits 1.
"""
import datetime
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from samples_blind import bench_supportdocs, finish, fold, support_run, values  # noqa: E402

FAMILY = "heldout9"
ROMAN = {r: k + 1 for k, r in enumerate(["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"])}
MONTHS = {}
for names in (["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december"],
              ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
               "ottobre", "novembre", "dicembre"],
              ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
               "novembro", "dezembro"],
              ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
               "november", "december"],
              ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
               "novembre", "décembre"]):
    MONTHS.update({m: k + 1 for k, m in enumerate(names)})


def parse_date(s):
    s = s.strip()
    m = re.fullmatch(r"(\d{1,2})[/.]([IVX]+)[/.](\d{4})", s)  # 14/VII/1985, 14.VII.1985
    if m and m.group(2) in ROMAN:
        return datetime.date(int(m.group(3)), ROMAN[m.group(2)], int(m.group(1)))
    m = re.fullmatch(r"(\d{1,2})[-/](\d{1,2})[-/](\d{4})", s)  # 14-7-1985, 14/07/1985
    if m:
        d, mo, y = map(int, m.groups())
        return datetime.date(y, mo, d)
    m = re.fullmatch(r"(\d{4})\.(\d{2})\.(\d{2})", s)
    if m:
        y, mo, d = map(int, m.groups())
        return datetime.date(y, mo, d)
    m = re.fullmatch(r"(\d{1,2})(?:er|st|nd|rd|th)?(?: of| de)? (\w+),?(?: de)? (\d{4})", s)
    if m and m.group(2).lower() in MONTHS:
        return datetime.date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    return None


def norm(s):
    return re.sub(r"[^A-Z0-9]+", " ", fold(s)).strip()


def same_address(value, case_addr):
    """The page's address is the case's street line, or the street line and
    the postcode and town on one line (punctuation and case aside)."""
    street, rest = case_addr.split("\n")
    return norm(value) in (norm(street), norm(street + " " + rest))


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
    problems = []
    tmp = tempfile.mkdtemp(prefix="ds-heldout9s-")
    pages = support_run(root, tmp, problems, FAMILY, "samples_heldout9s", parse_date, same_address,
                        ["eng", "eng+ita", "eng+por", "eng+nld", "eng+fra"])
    translations = landscape = 0
    for t, case, issue in pages:
        for v in values(t, "translation_date"):
            translations += 1
            d = parse_date(v)
            app = datetime.date.fromisoformat(case["application_date"])
            late = issue is not None and issue > app
            if d is None or issue is None or d < issue or (d > app and not late):
                problems.append("%s: translated on %r, issued %s, applied %s" % (t["file"], v, issue, app))
        if t["page_pt"][0] > t["page_pt"][1]:
            landscape += 1
            if t["kind"] != "bank_statement":
                problems.append("%s: a landscape %s" % (t["file"], t["kind"]))
    if pages and (translations < 5 or not landscape):
        problems.append("%d certified translations and %d landscape statements in 72 pages" % (
            translations, landscape))
    bench_supportdocs(root, tmp, problems, FAMILY)
    return finish("samples_heldout9s", tmp, problems)


if __name__ == "__main__":
    sys.exit(main())
