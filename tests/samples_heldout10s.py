#!/usr/bin/python3
"""The heldout10 supporting pages as a test: tests/samples_heldout10s.py SOURCE_DIR

- samples/supportdocs.py --layouts heldout10 --balance, 72 pages with seed
  15 (what bench/supportdocs.sh SUPPORTDOCS_FAMILIES=heldout10
  SUPPORTDOCS_COUNT=72 screens): the nine types, every truth says
  heldout10, field boxes inside the sheet, the expected code the
  defect's, every defect kind present, all in English (ocr_langs eng);
- every genuine page's name, birth date and address fields agree with its
  case record, its dates are not in the future nor stale; each defect page
  differs from it in the labelled way only (the dates read in the forms the
  family prints: "Fourteenth July 1985", "fourteenth day of July, nineteen
  hundred and eighty-five", "Sunday, 14 July 1985", "Sun 14 Jul 1985",
  "Sunday, July 14, 1985", the weekday the date's own; addresses on one
  line, as the case's street line, or that line without its flat when the
  flat stands on a line of its own);
- the family draws what it says: two A5 pages on one landscape sheet, an
  A5 page in the scanner's corner, a till-roll counter statement, sheets
  turned 90/180/270 degrees (the image's sides swapped for a quarter
  turn), phone photos, dot-matrix pages, joint holders (the applicant's
  name a "name" field, the other holder's an "other_name"), case addresses
  with a flat, dates in words and with the weekday, colour JPEGs;
- determinism: a run of 9 pages with the same seed writes the first nine
  pages of the 72, byte for byte (each page draws from its own stream);
- bench/supportdocs.sh accepts SUPPORTDOCS_FAMILIES=heldout10 (a stand-in
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
from samples_blind import bench_supportdocs, finish, fold, support_run, values  # noqa: E402

FAMILY = "heldout10"
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
SMALL = {w: k for k, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                    "fourteen fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * k for k, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if k > 1}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fifth": 5, "eighth": 8, "ninth": 9, "twelfth": 12}


def number_words(s):
    """'twenty-six' -> 26, 'nineteen hundred and eighty-five' -> 1985,
    'two thousand and twenty-six' -> 2026; None if not a number."""
    total, cur = 0, 0
    for w in s.replace("-", " ").split():
        if w == "and":
            continue
        if w in SMALL:
            cur += SMALL[w]
        elif w in TENS:
            cur += TENS[w]
        elif w == "hundred":
            cur *= 100
        elif w == "thousand":
            total += cur * 1000
            cur = 0
        else:
            return None
    return total + cur


def ordinal_words(s):
    """'fourteenth' -> 14, 'twenty-first' -> 21, 'thirtieth' -> 30."""
    parts = s.lower().split("-")
    last = parts[-1]
    if last in ORDINALS:
        n = ORDINALS[last]
    elif last.endswith("ieth"):
        n = TENS.get(last[:-4] + "y", 0)
    elif last.endswith("th"):
        n = SMALL.get(last[:-2], SMALL.get(last[:-2] + "e", SMALL.get(last[:-2] + "t", 0)))
    else:
        return None
    if len(parts) == 2:
        n += TENS.get(parts[0], 0)
    return n or None


def month(s):
    s = s.lower()
    for k, m in enumerate(MONTHS):
        if m == s or (len(s) == 3 and m.startswith(s)):
            return k + 1
    return None


def parse_date(s):
    s = s.strip()
    try:
        m = re.fullmatch(r"(?:the )?([a-z-]+) day of (\w+), ([a-z -]+)", s)  # fourteenth day of July, ...
        if m:
            return datetime.date(number_words(m.group(3)), month(m.group(2)), ordinal_words(m.group(1)))
        m = re.fullmatch(r"([A-Z][a-z-]+) (\w+) (\d{4})", s)  # Fourteenth July 1985
        if m and ordinal_words(m.group(1)):
            return datetime.date(int(m.group(3)), month(m.group(2)), ordinal_words(m.group(1)))
        m = re.fullmatch(r"(?:(\w+),? )?(\d{1,2}) (\w+) (\d{4})", s)  # Sunday, 14 July 1985 / Sun 14 Jul 1985
        wd = None
        if m:
            wd, d = m.group(1), datetime.date(int(m.group(4)), month(m.group(3)), int(m.group(2)))
        else:
            m = re.fullmatch(r"(\w+), (\w+) (\d{1,2}), (\d{4})", s)  # Sunday, July 14, 1985
            if not m:
                return None
            wd, d = m.group(1), datetime.date(int(m.group(4)), month(m.group(2)), int(m.group(3)))
        if wd and not WEEKDAYS[d.weekday()].startswith(wd.lower()):
            return None  # a weekday that is not the date's
        return d
    except (TypeError, ValueError):
        return None


def norm(s):
    return re.sub(r"[^A-Z0-9]+", " ", fold(s)).strip()


def same_address(value, case_addr):
    """The page's address is the case's street line, that line without its
    flat (the flat on a line of its own), or street and town on one line."""
    street, rest = case_addr.split("\n")
    forms = {norm(street), norm(street + " " + rest)}
    if ", " in street:
        forms.add(norm(street.split(", ", 1)[1]))
    return norm(value) in forms


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
    problems = []
    tmp = tempfile.mkdtemp(prefix="ds-heldout10s-")
    pages = support_run(root, tmp, problems, FAMILY, "samples_heldout10s", parse_date, same_address, ["eng"])
    seen = collections.Counter()
    for t, case, issue in pages:
        f = t["file"]
        if t["ocr_langs"] != "eng":
            problems.append("%s: ocr_langs %r" % (f, t["ocr_langs"]))
        for key in ("sheet", "turned", "paper", "capture", "print"):
            if key not in t:
                problems.append("%s: truth lacks %s" % (f, key))
        if any(key not in t for key in ("sheet", "turned", "capture", "print")):
            continue
        seen["sheet " + t["sheet"]] += 1
        seen["capture " + t["capture"]] += 1
        seen["print " + t["print"]] += 1
        if t["turned"]:
            seen["turned %d" % t["turned"]] += 1
        img = Image.open(os.path.join(tmp, "p72", f))
        if img.mode != "RGB":
            problems.append("%s: a %s JPEG, not colour" % (f, img.mode))
        pw, ph = t["page_pt"]
        wide = img.size[0] > img.size[1]
        if wide != ((pw > ph) != (t["turned"] in (90, 270))):
            problems.append("%s: image %s for a sheet of %s turned %d" % (f, img.size, t["page_pt"], t["turned"]))
        if t["sheet"] == "pair" and pw < ph:
            problems.append("%s: two A5 pages on a portrait sheet" % f)
        if t["sheet"] == "till" and t["kind"] != "bank_statement":
            problems.append("%s: a till-roll %s" % (f, t["kind"]))
        if values(t, "other_name") and t["kind"] in ("bank_statement", "tenancy_agreement"):
            seen["joint"] += 1
        if ", " in case["address"].split("\n")[0]:
            seen["flat"] += 1
        for v in values(t, "birth_date", "issue_date", "statement_date"):
            if " day of " in v:
                seen["date deed"] += 1
            elif re.match(r"[A-Z][a-z]+-?[a-z]* [A-Z]", v):
                seen["date words"] += 1
            elif re.match(r"[A-Z][a-z]+,? ", v):
                seen["date weekday"] += 1
    want = {"sheet pair": 3, "sheet corner": 3, "sheet till": 1, "sheet a4": 20, "capture phone": 5,
            "capture scan": 20, "print dot-matrix": 2, "joint": 3, "flat": 10, "date deed": 10,
            "date words": 5, "date weekday": 20}
    for k, n in want.items():
        if seen[k] < n:
            problems.append("%d pages with %s in 72, expected at least %d" % (seen[k], k, n))
    if pages and sum(1 for k in ("turned 90", "turned 180", "turned 270") if seen[k]) < 2:
        problems.append("turned sheets: %s" % {k: v for k, v in seen.items() if k.startswith("turned")})
    print("samples_heldout10s: %s" % ", ".join("%s %d" % kv for kv in sorted(seen.items())))
    bench_supportdocs(root, tmp, problems, FAMILY)
    return finish("samples_heldout10s", tmp, problems)


if __name__ == "__main__":
    sys.exit(main())
