#!/usr/bin/python3
"""The heldout12 supporting pages as a test: tests/samples_heldout12s.py SOURCE_DIR

- samples/supportdocs.py --layouts heldout12 --balance, 72 pages with seed
  15 (what bench/supportdocs.sh SUPPORTDOCS_FAMILIES=heldout12
  SUPPORTDOCS_COUNT=72 screens): the nine types, every truth says
  heldout12, field boxes inside the page, the expected code the defect's,
  every defect kind present with the family's own weekday_mismatch
  (SUPPORT_DATE_WEEKDAY_MISMATCH), ocr_langs eng;
- every genuine page's name, birth date and address fields agree with its
  case record, its dates are not in the future nor stale; each defect page
  differs from it in the labelled way only (dates read in the forms the
  family prints: "14th March 1985", "14 March 1985", "Mar 14, 1985",
  "14.3.1985", "1985-03-14", "14/03/1985" (day first), each of the first
  three headed by a weekday or not; addresses as the case's street line,
  without its flat or unit, or in capitals);
- a weekday printed before a date is the date's own on every page but a
  weekday_mismatch one, where the issue date's weekday is another day's
  and no day one look-alike digit off (in the day or the year's last
  digit) falls on it;
- the family draws what it says: the four countries, the captures, the
  sticky notes, landscape pages, the three bill variants, names with
  titles, suffixes and "née", c/o lines, statement periods, a timestamp
  "2026-10-03T10:22", QR-like squares on police certificates, colour
  JPEGs only where a capture or a note made the page colour;
- determinism: a run of 9 pages with the same seed writes the first nine
  pages of the 72, byte for byte;
- bench/supportdocs.sh accepts SUPPORTDOCS_FAMILIES=heldout12 (a stand-in
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

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "samples"))
from supportdocs12 import variants  # noqa: E402  (the look-alike readings the weekday avoids)

FAMILY = "heldout12"
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def month(s):
    s = s.lower()
    for k, m in enumerate(MONTHS):
        if s == m or (len(s) == 3 and m.startswith(s)):
            return k + 1
    return None


FORMS = [  # (pattern, its groups -> (year, month, day))
    (r"(\d{4})-(\d\d)-(\d\d)", lambda g: (int(g[0]), int(g[1]), int(g[2]))),
    (r"(\d\d)/(\d\d)/(\d{4})", lambda g: (int(g[2]), int(g[1]), int(g[0]))),
    (r"(\d{1,2})\.(\d{1,2})\.(\d{4})", lambda g: (int(g[2]), int(g[1]), int(g[0]))),
    (r"(\d{1,2})(?:st|nd|rd|th)? ([A-Z][a-z]+) (\d{4})", lambda g: (int(g[2]), month(g[1]), int(g[0]))),
    (r"([A-Z][a-z]+) (\d{1,2}), (\d{4})", lambda g: (int(g[2]), month(g[0]), int(g[1])))]


def split_weekday(s):
    """(weekday index or None, the date without it)."""
    m = re.match(r"([A-Z][a-z]+day),? (?=\S)", s.strip())
    if m and m.group(1).lower() in WEEKDAYS:
        return WEEKDAYS.index(m.group(1).lower()), s.strip()[m.end():]
    return None, s.strip()


def parse_date(s):
    """A date in one of the family's forms (its weekday, if any, left to
    weekday_check), None otherwise."""
    return parse_forms(s, FORMS, split_weekday)


def weekday_check(t, problems, seen):
    blind_weekdays(t, problems, seen, split_weekday, parse_date, variants)


def norm(s):
    return re.sub(r"[^A-Z0-9]+", " ", fold(s)).strip()


def same_address(value, case_addr):
    street, town = case_addr.split("\n")
    head, _, rest = street.partition(", ")
    bare = rest if rest and head.split()[0] in ("Flat", "Unit") else street
    return norm(value) in {norm(street), norm(bare)}


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
    problems = []
    tmp = tempfile.mkdtemp(prefix="ds-heldout12s-")
    pages = support_run(root, tmp, problems, FAMILY, "samples_heldout12s", parse_date, same_address, ["eng"],
                        extra=["weekday_mismatch"])
    seen = collections.Counter()
    for t, case, issue in pages:
        f = t["file"]
        if t["ocr_langs"] != "eng" or t["lang"] != "eng":
            problems.append("%s: ocr_langs %r lang %r" % (f, t["ocr_langs"], t["lang"]))
        if any(key not in t for key in ("capture", "marks", "country", "variant", "landscape")):
            problems.append("%s: truth lacks capture, marks, country, variant or landscape" % f)
            continue
        seen["capture " + t["capture"]] += 1
        seen["country " + t["country"]] += 1
        for m in t["marks"]:
            seen["mark " + m] += 1
        if t["variant"]:
            seen["bill " + t["variant"]] += 1
        if t["landscape"]:
            seen["landscape"] += 1
            if t["page_pt"][0] < t["page_pt"][1]:
                problems.append("%s: a landscape page of %s pt" % (f, t["page_pt"]))
        img = Image.open(os.path.join(tmp, "p72", f))
        colour = t["capture"] in ("photo", "carbon") or "note" in t["marks"]
        if (img.mode == "RGB") != colour:
            problems.append("%s: a %s JPEG for capture %s, marks %s" % (f, img.mode, t["capture"], t["marks"]))
        if t["capture"] == "spread" and img.size[0] < img.size[1]:
            problems.append("%s: a two-page spread of %s" % (f, img.size))
        weekday_check(t, problems, seen)
        names = " ".join(values(t, "name"))
        for key, pattern in (("title", r"^(Dr\.?|Mr\.|Ms\.) "), ("suffix", r" (Jr\.|Sr\.|III)$"), ("nee", r"\(née ")):
            if re.search(pattern, names):
                seen["name " + key] += 1
        text = " ".join(run["text"] for run in t["runs"])
        if re.search(r"\bc/o ", text):
            seen["c/o"] += 1
        if re.search(r"\d\d/\d\d/\d{4}\s+-\s+\d\d/\d\d/\d{4}|\d{4}\s+through\s+[A-Z]", text):
            seen["period"] += 1
        if re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d", text):
            seen["timestamp"] += 1
        if re.search(r"PO Box \d+", text):
            seen["po box"] += 1
        for v in values(t, "issue_date", "statement_date", "birth_date"):
            _, v = split_weekday(v)
            for key, pattern in (("ord", r"\d(st|nd|rd|th) "), ("usabbr", r"^[A-Z][a-z]{2} \d"),
                                 ("dotnum", r"^\d{1,2}\.\d{1,2}\.\d{4}$"), ("iso", r"^\d{4}-")):
                if re.search(pattern, v):
                    seen["date " + key] += 1
        if t["kind"] == "police_certificate" and "Verify at" in text:
            seen["police reference"] += 1
        if t["kind"] == "birth_certificate" and "REGISTER OF BIRTHS" in text:
            seen["register extract"] += 1
        if t["kind"] == "diploma" and "ENROLMENT" in text:
            seen["enrolment"] += 1
    want = {"country uk": 8, "country us": 8, "country ca": 8, "country au": 8, "capture photo": 8,
            "capture crumpled": 4, "capture lowtoner": 4, "capture carbon": 4, "capture spread": 4,
            "capture jpeg": 4, "capture flatbed": 6, "mark note": 6, "landscape": 4, "bill mobile": 1,
            "bill council": 1, "bill water": 1, "name title": 4, "name suffix": 2, "name nee": 2, "c/o": 3,
            "period": 10, "timestamp": 1, "po box": 30, "date ord": 10, "date usabbr": 5, "date dotnum": 5, "date iso": 2,
            "date weekday": 10, "police reference": 8, "register extract": 8, "enrolment": 8}
    for k, n in want.items():
        if seen[k] < n:
            problems.append("%d pages with %s in 72, expected at least %d" % (seen[k], k, n))
    print("samples_heldout12s: %s" % ", ".join("%s %d" % kv for kv in sorted(seen.items())))
    bench_supportdocs(root, tmp, problems, FAMILY)
    return finish("samples_heldout12s", tmp, problems)


if __name__ == "__main__":
    sys.exit(main())
