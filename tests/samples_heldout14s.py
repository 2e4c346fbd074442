#!/usr/bin/python3
"""The heldout14 supporting pages as a test: tests/samples_heldout14s.py SOURCE_DIR

- samples/supportdocs.py --layouts heldout14 --balance, 72 pages with seed
  15 (what bench/supportdocs.sh SUPPORTDOCS_FAMILIES=heldout14
  SUPPORTDOCS_COUNT=72 screens): the nine types, every truth says
  heldout14, field boxes inside the page, the expected code the defect's,
  every defect kind present with weekday_mismatch, ocr_langs eng and
  eng+fra (French exactly on the Moroccan and Quebec pages);
- every genuine page's name, birth date and address fields agree with its
  case record, its dates are not in the future nor stale; each defect page
  differs from it in the labelled way only (dates read in the forms the
  family prints: "14.III.2023", "2023-03-14", "14.03.2023", "14/03/2023",
  "14 March 2023", "14 mars 2023", the English ones headed by a weekday
  ("Tuesday, " or "Tue ") or not; addresses as the case's street line, in
  capitals, or with the town on one line);
- a weekday printed before a date is the date's own on every page but a
  weekday_mismatch one, where the issue date's weekday is another day's
  and no day one look-alike digit off falls on it;
- a reference that holds a date (REF-20260314-77, KRK/20260314/...) holds
  the page's issue date; a maiden name after "z d.", "născută" or "née" is
  not the applicant's surname; the father's given name and the co-tenant
  are not the applicant;
- the family draws what it says: the eight countries, the six captures,
  coffee rings and highlighter, the variants (browser, app, transcript,
  ornate, energy, internet, rows, twocol), the date forms, "born ... in",
  year-to-date columns, the browser's URL footer, check boxes, QR squares,
  colour JPEGs exactly from the table photo, coloured paper and marks;
- determinism: a run of 9 pages with the same seed writes the first nine
  pages of the 72, byte for byte;
- bench/supportdocs.sh accepts SUPPORTDOCS_FAMILIES=heldout14 (a stand-in
  docscreen that prints an empty report: the plumbing; docscreen itself is
  never run on this family here).
Prints what fails and exits 1.
"""
import collections
import os
import re
import sys
import tempfile

from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from samples_blind import bench_supportdocs, finish, fold, parse_forms, support_run, values  # noqa: E402
from samples_blind import weekday_check as blind_weekdays  # noqa: E402
from samples_blind import english_weekday as split_weekday  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "samples"))
from supportdocs12 import variants  # noqa: E402  (the look-alike readings the weekday avoids)

FAMILY = "heldout14"
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
      "décembre"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def month(s):
    s = s.lower()
    for names in (MONTHS, FR):
        if s in names:
            return names.index(s) + 1
    return None


FORMS = [  # (pattern, its groups -> (year, month, day))
    (r"(\d{1,2})\.([IVX]+)\.(\d{4})", lambda g: (int(g[2]), ROMAN.index(g[1]) + 1 if g[1] in ROMAN else None,
                                                  int(g[0]))),
    (r"(\d{4})-(\d\d)-(\d\d)", lambda g: (int(g[0]), int(g[1]), int(g[2]))),
    (r"(\d\d)\.(\d\d)\.(\d{4})", lambda g: (int(g[2]), int(g[1]), int(g[0]))),
    (r"(\d\d)/(\d\d)/(\d{4})", lambda g: (int(g[2]), int(g[1]), int(g[0]))),
    (r"(\d{1,2}) ([A-Za-zéû]+) (\d{4})", lambda g: (int(g[2]), month(g[1]), int(g[0])))]


def parse_date(s):
    """A date in one of the family's forms (its weekday, if any, left to
    weekday_check), None otherwise."""
    return parse_forms(s, FORMS, split_weekday)


def norm(s):
    return re.sub(r"[^A-Z0-9]+", " ", fold(s)).strip()


def same_address(value, case_addr):
    street, town = case_addr.split("\n")
    return norm(value) in {norm(street), norm(street + ", " + town)}


def page_checks(t, case, issue, problems, seen):
    """What one page draws, and the values beside the applicant's."""
    f = t["file"]
    french = t["country"] in ("ma", "qc")
    if t["ocr_langs"] != ("eng+fra" if french else "eng"):
        problems.append("%s: ocr_langs %r for %s" % (f, t["ocr_langs"], t["country"]))
    seen["country " + t["country"]] += 1
    seen["capture " + t["capture"]] += 1
    for m in t["marks"]:
        seen["mark " + m] += 1
    if t["variant"]:
        seen["variant " + t["variant"]] += 1
    text = " ".join(run["text"] for run in t["runs"])
    # references holding a date hold the issue date
    for ymd in re.findall(r"\b(?:REF-|[A-Z]{2,4}/)(20\d{6})\b", text):
        seen["dated reference"] += 1
        if issue and ymd != issue.strftime("%Y%m%d"):
            problems.append("%s: reference dated %s, the page %s" % (f, ymd, issue))
    own = fold(case["surname"])
    if t["maiden"]:
        seen["maiden"] += 1
        if fold(t["maiden"]) == own:
            problems.append("%s: the maiden name is the surname" % f)
    names = " ".join(values(t, "name", "surname", "given_names"))
    if re.search(r" (z d\.|născută|née) ", names):
        seen["name maiden"] += 1
    if re.search(r"^[A-ZĄĆĘŁŃÓŚŹŻĂÂÎȘȚÇĞİÖŞÜĐ' -]{2,} [A-Z][a-zà-ỹ]", names):
        seen["name caps"] += 1
    for v in values(t, "father", "co_tenant"):
        if fold(v) == fold("%s %s" % (case["given_names"], case["surname"])) or \
                (fold(v) == fold(case["given_names"]) and t["kind"] != "police_certificate"):
            problems.append("%s: %r is the applicant" % (f, v))
        seen["relative"] += 1
    for v in values(t, "issue_date", "birth_date"):
        _, v = split_weekday(v)
        for key, pattern in (("roman", r"^\d{1,2}\.[IVX]+\.\d{4}$"), ("iso", r"^\d{4}-\d\d-\d\d$"),
                             ("dots", r"^\d\d\.\d\d\.\d{4}$"), ("slash", r"^\d\d/\d\d/\d{4}$"),
                             ("long en", r"^\d{1,2} [A-Z][a-z]+ \d{4}$"), ("long fr", r"^\d{1,2} [a-zéû]+ \d{4}$")):
            if re.search(pattern, v):
                seen["date " + key] += 1
                if key == "long fr" and not french:
                    problems.append("%s: a French date %r on an English page" % (f, v))
    for key, pattern in (("born in", r"\b(born|né\(e\) le)\b"), ("ytd", r"\b(YTD|Cumul annuel)\b"),
                         ("url footer", r"https://online\.\S+/accounts/history\?"),
                         ("check boxes", r"\b(Fixed term|Durée déterminée)\b"),
                         ("qr", r"\b(Scan to pay|Payer avec le code QR|Verify:)"),
                         ("voucher", r"NON.NEGOTIABLE|NON NÉGOCIABLE"), ("salutation", r"^(Dear (Ms|Mr)|Madame|Monsieur) ")):
        if any(re.search(pattern, run["text"]) for run in t["runs"]):
            seen[key] += 1
    colour = t["capture"] in ("table", "paper") or bool(t["marks"])
    img = Image.open(t["path"])
    if (img.mode == "RGB") != colour:
        problems.append("%s: a %s JPEG (capture %s, marks %s)" % (f, img.mode, t["capture"], t["marks"]))


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
    problems = []
    tmp = tempfile.mkdtemp(prefix="ds-heldout14s-")
    pages = support_run(root, tmp, problems, FAMILY, "samples_heldout14s", parse_date, same_address,
                        ["eng", "eng+fra"], extra=["weekday_mismatch"])
    seen = collections.Counter()
    for t, case, issue in pages:
        if any(key not in t for key in ("capture", "marks", "country", "variant", "name_form", "maiden")):
            problems.append("%s: truth lacks capture, marks, country, variant, name_form or maiden" % t["file"])
            continue
        t["path"] = os.path.join(tmp, "p72", t["file"])
        page_checks(t, case, issue, problems, seen)
        blind_weekdays(t, problems, seen, split_weekday, parse_date, variants)
    want = {"capture table": 4, "capture trifold": 4, "capture showthrough": 4, "capture bands": 4,
            "capture paper": 4, "capture flatbed": 4, "mark coffee": 4, "mark highlight": 4,
            "variant browser": 1, "variant app": 1, "variant transcript": 1, "variant ornate": 1,
            "variant energy": 1, "variant internet": 1, "variant rows": 1, "variant twocol": 2, "variant onecol": 1,
            "dated reference": 6, "maiden": 2, "name maiden": 2, "name caps": 4, "relative": 8,
            "date roman": 3, "date iso": 3, "date dots": 3, "date slash": 3, "date long en": 3, "date long fr": 3,
            "date weekday": 5, "born in": 10, "ytd": 3, "url footer": 1, "check boxes": 3, "qr": 6, "voucher": 3,
            "salutation": 3}
    want.update({"country " + c: 3 for c in ("pl", "ro", "tr", "ua", "vn", "au", "ma", "qc")})
    for k, n in want.items():
        if seen[k] < n:
            problems.append("%d pages with %s in 72, expected at least %d" % (seen[k], k, n))
    print("samples_heldout14s: %s" % ", ".join("%s %d" % kv for kv in sorted(seen.items())))
    bench_supportdocs(root, tmp, problems, FAMILY)
    return finish("samples_heldout14s", tmp, problems)


if __name__ == "__main__":
    sys.exit(main())
