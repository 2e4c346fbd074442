#!/usr/bin/python3
"""The heldout15 supporting pages as a test: tests/samples_heldout15s.py SOURCE_DIR

- samples/supportdocs.py --layouts heldout15 --balance, 72 pages with seed
  15 (what bench/supportdocs.sh SUPPORTDOCS_FAMILIES=heldout15
  SUPPORTDOCS_COUNT=72 screens): the nine types, every truth says
  heldout15, field boxes inside the page, the expected code the defect's,
  every defect kind present with weekday_mismatch, ocr_langs eng and
  eng+deu (German exactly on the Swiss pages);
- every genuine page's name, birth date and address fields agree with its
  case record, its dates are not in the future nor stale; each defect page
  differs from it in the labelled way only (dates read in the forms the
  family prints: "14. 3. 2023", "14.3.2023", "2023.03.14.", "2023. 3. 14.",
  "2023.03.14", "2023/03/14", "14/3/2023", "14 MAR 2023", "14 March 2023",
  "14.03.2023", "14/03/2023", "2023-03-14", "14. März 2023", the English
  ones with a weekday after them in brackets or before them; addresses as
  the case's street line, in capitals, on one line, or town first);
- a weekday printed with a date is the date's own on every page but a
  weekday_mismatch one, where the issue date's weekday is another day's
  and no day one look-alike digit off falls on it;
- a reference that holds a date (INV/2026/03/14-0077) holds the page's
  issue date; a South African identity number holds the printed birth date
  (YYMMDD) and its check digit; a RECEIVED stamp's date is after the issue
  date and not after the screening; a maiden name after "geb.", "rozená",
  "szül." or "née" is not the applicant's surname; Hungarian names put the
  surname first; father, mother, spouse and co-tenant are not the applicant;
- the family draws what it says: the nine countries, the five captures, the
  two marks, the eighteen variants, the date forms, the weekday before and
  after the date, landscape pages, and colour JPEGs exactly from the
  monitor and shadow photos, the marks and the foil-sealed certificates;
- determinism: a run of 9 pages with the same seed writes the first nine
  pages of the 72, byte for byte;
- bench/supportdocs.sh accepts SUPPORTDOCS_FAMILIES=heldout15 (a stand-in
  docscreen that prints an empty report: the plumbing; docscreen itself is
  never run on this family here).
Prints what fails and exits 1.
"""
import collections
import datetime
import os
import re
import sys
import tempfile

from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from samples_blind import bench_supportdocs, finish, fold, parse_forms, support_run, values  # noqa: E402
from samples_blind import weekday_check as blind_weekdays  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "samples"))
from supportdocs12 import variants  # noqa: E402  (the look-alike readings the weekday avoids)

FAMILY = "heldout15"
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
DE = ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november",
      "dezember"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def month(s):
    s = s.lower()
    for names in (MONTHS, DE):
        if s in names:
            return names.index(s) + 1
    hits = [k for k, m in enumerate(MONTHS) if len(s) == 3 and m.startswith(s)]
    return hits[0] + 1 if hits else None


FORMS = [  # (pattern, its groups -> (year, month, day)), each a form the family prints
    ("czsp", r"(\d{1,2})\. (\d{1,2})\. (\d{4})", lambda g: (int(g[2]), int(g[1]), int(g[0]))),
    ("hu", r"(\d{4})\.(\d\d)\.(\d\d)\.", lambda g: (int(g[0]), int(g[1]), int(g[2]))),
    ("kr", r"(\d{4})\.(\d\d)\.(\d\d)", lambda g: (int(g[0]), int(g[1]), int(g[2]))),
    ("krsp", r"(\d{4})\. (\d{1,2})\. (\d{1,2})\.", lambda g: (int(g[0]), int(g[1]), int(g[2]))),
    ("dots", r"(\d{1,2})\.(\d{1,2})\.(\d{4})", lambda g: (int(g[2]), int(g[1]), int(g[0]))),
    ("ymdslash", r"(\d{4})/(\d\d)/(\d\d)", lambda g: (int(g[0]), int(g[1]), int(g[2]))),
    ("slash", r"(\d{1,2})/(\d{1,2})/(\d{4})", lambda g: (int(g[2]), int(g[1]), int(g[0]))),
    ("iso", r"(\d{4})-(\d\d)-(\d\d)", lambda g: (int(g[0]), int(g[1]), int(g[2]))),
    ("upper", r"(\d\d) ([A-Z]{3}) (\d{4})", lambda g: (int(g[2]), month(g[1]), int(g[0]))),
    ("delong", r"(\d{1,2})\. ([A-Za-zä]+) (\d{4})", lambda g: (int(g[2]), month(g[1]), int(g[0]))),
    ("long", r"(\d{1,2}) ([A-Z][a-z]+) (\d{4})", lambda g: (int(g[2]), month(g[1]), int(g[0])))]


def split_weekday(s):
    """(weekday index or None, the date without it): "Tuesday 14 March
    2023" or "2023.03.14 (Tue)"."""
    s = s.strip()
    m = re.match(r"([A-Z][a-z]+day) (?=\d)", s)
    if m and m.group(1).lower() in WEEKDAYS:
        return WEEKDAYS.index(m.group(1).lower()), s[m.end():]
    m = re.search(r" \(([A-Z][a-z]{2})\)$", s)
    if m:
        hits = [k for k, d in enumerate(WEEKDAYS) if d.startswith(m.group(1).lower())]
        if hits:
            return hits[0], s[:m.start()]
    return None, s


def parse_date(s):
    """A date in one of the family's forms (its weekday, if any, set aside),
    None otherwise."""
    return parse_forms(s, [(p, f) for _, p, f in FORMS], split_weekday)


def form_of(s):
    _, s = split_weekday(s)
    return next((k for k, p, _ in FORMS if re.fullmatch(p, s)), None)


def norm(s):
    return re.sub(r"[^A-Z0-9]+", " ", fold(s)).strip()


def same_address(value, case_addr):
    street, town = case_addr.split("\n")
    return norm(value) in {norm(street), norm(street + ", " + town), norm(town + ", " + street)}


def za_checks(t, problems, seen):
    """A South African identity number holds the printed birth date and a
    right check digit."""
    births = [parse_date(v) for v in values(t, "birth_date")]
    for v in values(t, "id_number"):
        seen["za id"] += 1
        total = 0
        for k, ch in enumerate(reversed(v[:-1])):
            d = int(ch) * (2 if k % 2 == 0 else 1)
            total += d - 9 if d > 9 else d
        if not re.fullmatch(r"\d{13}", v) or int(v[-1]) != (10 - total % 10) % 10:
            problems.append("%s: identity number %r" % (t["file"], v))
        for b in births:
            if b and v[:6] != b.strftime("%y%m%d"):
                problems.append("%s: identity number %r against the birth date %s" % (t["file"], v, b))


def page_checks(t, case, issue, problems, seen):
    """What one page draws, and the values beside the applicant's."""
    f = t["file"]
    swiss = t["country"] == "ch"
    if t["ocr_langs"] != ("eng+deu" if swiss else "eng"):
        problems.append("%s: ocr_langs %r for %s" % (f, t["ocr_langs"], t["country"]))
    seen["country " + t["country"]] += 1
    seen["capture " + t["capture"]] += 1
    seen["variant " + t["variant"]] += 1
    for m in t["marks"]:
        seen["mark " + m] += 1
    text = " ".join(run["text"] for run in t["runs"])
    for y, mo, d in re.findall(r"\bINV/(20\d\d)/(\d\d)/(\d\d)-\d{4}\b", text):
        seen["dated reference"] += 1
        if issue and (int(y), int(mo), int(d)) != (issue.year, issue.month, issue.day):
            problems.append("%s: reference dated %s-%s-%s, the page %s" % (f, y, mo, d, issue))
    if t["stamp_date"]:
        day = datetime.date.fromisoformat(t["stamp_date"])
        if "stamp" not in t["marks"] or not issue or day <= issue or day > datetime.date.fromisoformat(t["today"]):
            problems.append("%s: a RECEIVED stamp of %s on a page of %s" % (f, day, issue))
    elif "stamp" in t["marks"]:
        problems.append("%s: a stamp without its date" % f)
    if t["maiden"]:
        seen["maiden"] += 1
        if fold(t["maiden"]) == fold(case["surname"]):
            problems.append("%s: the maiden name is the surname" % f)
    names = " ".join(values(t, "name"))
    if re.search(r" (geb\.|rozená|szül\.|née) ", names):
        seen["name maiden"] += 1
    if t["country"] == "hu" and t["name_form"] == "native" and names and t["defect"] != "wrong_name":
        seen["surname first"] += 1
        if not fold(names).startswith(fold(case["surname"])):
            problems.append("%s: the Hungarian name %r does not start with the surname" % (f, names))
    applicant = fold("%s %s" % (case["given_names"], case["surname"]))
    for v in values(t, "father", "mother", "spouse", "co_tenant"):
        if fold(case["given_names"].split()[0]) in fold(v).split() and fold(case["surname"]) in fold(v) or \
                fold(v) == applicant:
            problems.append("%s: %r is the applicant" % (f, v))
        seen["relative"] += 1
    if t["country"] == "za":
        za_checks(t, problems, seen)
    for v in values(t, "issue_date", "birth_date"):
        k = form_of(v)
        if k is None:
            problems.append("%s: a date %r in no form of the family" % (f, v))
            continue
        seen["date " + k] += 1
        if k == "delong" and not swiss:
            problems.append("%s: a German date %r on an English page" % (f, v))
    for v in values(t, "issue_date"):
        wd, rest = split_weekday(v)
        if wd is not None:
            seen["weekday after" if rest != v and v.endswith(")") else "weekday before"] += 1
            if swiss:
                problems.append("%s: an English weekday on a German page" % f)
    for key, pattern in (("part a", r"^Part A"), ("item", r"^Item \d"), ("lessor", r"the Lessor"),
                         ("thumb", r"thumb print"), ("section 1.1", r"^1\.1$"), ("memo", r"^MEMORANDUM$"),
                         ("tear strips", r"TEAR OFF BOTH EDGES"), ("passbook print", r"^\*\*\* (Printed|Gedruckt)"),
                         ("relation", r"^(Self|Person)$"), ("hangul", r"[\uac00-\ud7a3]"),
                         ("initials", r"\b([A-Z]\. )+[A-ZÁ-Ž][A-ZÁ-Ž' ]+\b")):
        if any(re.search(pattern, run["text"]) for run in t["runs"]):
            seen[key] += 1
    img = Image.open(t["path"])
    landscape = t["variant"] in ("register", "landscape")
    if t["landscape"] != landscape or (img.width > img.height) != landscape or \
            (t["page_pt"][0] > t["page_pt"][1]) != landscape:
        problems.append("%s: landscape %s, image %dx%d, page %s" % (f, t["landscape"], img.width, img.height,
                                                                    t["page_pt"]))
    colour = t["capture"] in ("screen", "shadow") or bool(t["marks"]) or t["variant"] == "landscape"
    if (img.mode == "RGB") != colour:
        problems.append("%s: a %s JPEG (capture %s, marks %s)" % (f, img.mode, t["capture"], t["marks"]))


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
    problems = []
    tmp = tempfile.mkdtemp(prefix="ds-heldout15s-")
    pages = support_run(root, tmp, problems, FAMILY, "samples_heldout15s", parse_date, same_address,
                        ["eng", "eng+deu"], extra=["weekday_mismatch"])
    seen = collections.Counter()
    for t, case, issue in pages:
        if any(key not in t for key in ("capture", "marks", "country", "variant", "name_form", "maiden",
                                        "stamp_date", "landscape")):
            problems.append("%s: truth lacks capture, marks, country, variant, name_form, maiden, stamp_date "
                            "or landscape" % t["file"])
            continue
        t["path"] = os.path.join(tmp, "p72", t["file"])
        page_checks(t, case, issue, problems, seen)
        blind_weekdays(t, problems, seen, split_weekday, parse_date, variants)
    want = {"capture screen": 4, "capture shadow": 4, "capture messenger": 4, "capture skew": 4,
            "capture flatbed": 4, "mark stamp": 4, "mark pen": 4, "dated reference": 3, "maiden": 2,
            "name maiden": 2, "surname first": 1, "relative": 8, "za id": 1, "date weekday": 5,
            "weekday before": 1, "weekday after": 1, "part a": 1, "item": 1, "lessor": 1, "thumb": 1,
            "section 1.1": 1, "memo": 1, "tear strips": 1, "passbook print": 1, "relation": 1, "hangul": 1,
            "initials": 4}
    want.update({"variant " + v: 1 for v in ("register", "numbered", "relation", "parts", "passbook", "grouped",
                                              "mailer", "grid", "memo", "table", "stub", "meter", "prose",
                                              "schedule", "fingerprint", "letter", "supplement", "landscape")})
    want.update({"country " + c: 2 for c in ("gr", "cz", "hu", "ke", "za", "hk", "kr", "ie", "ch")})
    want.update({"date " + k: 1 for k, _, _ in FORMS})
    for k, n in want.items():
        if seen[k] < n:
            problems.append("%d pages with %s in 72, expected at least %d" % (seen[k], k, n))
    print("samples_heldout15s: %s" % ", ".join("%s %d" % kv for kv in sorted(seen.items())))
    bench_supportdocs(root, tmp, problems, FAMILY)
    return finish("samples_heldout15s", tmp, problems)


if __name__ == "__main__":
    sys.exit(main())
