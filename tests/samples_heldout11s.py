#!/usr/bin/python3
"""The heldout11 supporting pages as a test: tests/samples_heldout11s.py SOURCE_DIR

- samples/supportdocs.py --layouts heldout11 --balance, 72 pages with seed
  15 (what bench/supportdocs.sh SUPPORTDOCS_FAMILIES=heldout11
  SUPPORTDOCS_COUNT=72 screens): the nine types, every truth says
  heldout11, field boxes inside the page, the expected code the defect's,
  every defect kind present, ocr_langs eng or eng+ the page's language
  (deu, fra, spa: each among them);
- every genuine page's name, birth date and address fields agree with its
  case record, its dates are not in the future nor stale; each defect page
  differs from it in the labelled way only (the dates read in the forms the
  family prints: "14.07.1985", "14/07/1985" (day first), comb boxes "14 07
  1985", "1985-07-14", "July 14, 1985", "14 July 1985", "14. Juli 1985",
  "Sonntag, 14. Juli 1985", "14. Sept. 1985", "dimanche 14 juillet 1985",
  "1er juillet 1985", "14 juil. 1985", "domingo, 14 de julio de 1985",
  "14-jul-1985", a weekday the date's own; addresses as the case's street
  line, that line abbreviated ("Str.", "C/") or in capitals, or street and
  town on one line);
- the family draws what it says: the four layouts (certificates, forms,
  browser print-outs, letters), the three captures, the handling marks,
  comb-box dates, handwritten forms, bilingual certificates whose English
  column's date is the issue date, apostilles dated on or after the
  certificate (and not after the application unless the certificate is
  dated in the future), browser print dates on or after the page's date,
  Spanish pages' applicants with two surnames, dates with a weekday in
  German, French or Spanish, greyscale JPEGs;
- determinism: a run of 9 pages with the same seed writes the first nine
  pages of the 72, byte for byte (each page draws from its own stream);
- bench/supportdocs.sh accepts SUPPORTDOCS_FAMILIES=heldout11 (a stand-in
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

FAMILY = "heldout11"
MONTHS = [
    ["january", "januar", "janvier", "enero", "jan", "janv", "ene"],
    ["february", "februar", "février", "febrero", "feb", "févr"],
    ["march", "märz", "mars", "marzo", "mar"],
    ["april", "avril", "abril", "apr", "avr", "abr"],
    ["may", "mai", "mayo"],
    ["june", "juni", "juin", "junio", "jun"],
    ["july", "juli", "juillet", "julio", "jul", "juil"],
    ["august", "août", "agosto", "aug", "ago"],
    ["september", "septembre", "septiembre", "sept", "sep"],
    ["october", "oktober", "octobre", "octubre", "okt", "oct"],
    ["november", "novembre", "noviembre", "nov"],
    ["december", "dezember", "décembre", "diciembre", "dez", "déc", "dic"]]
WEEKDAYS = [["monday", "montag", "lundi", "lunes"], ["tuesday", "dienstag", "mardi", "martes"],
            ["wednesday", "mittwoch", "mercredi", "miércoles"], ["thursday", "donnerstag", "jeudi", "jueves"],
            ["friday", "freitag", "vendredi", "viernes"], ["saturday", "samstag", "samedi", "sábado"],
            ["sunday", "sonntag", "dimanche", "domingo"]]


def month(s):
    s = s.lower().rstrip(".")
    for k, names in enumerate(MONTHS):
        if s in names:
            return k + 1
    return None


FORMS = [  # (pattern, its groups -> (year, month, day))
    (r"(\d{4})-(\d\d)-(\d\d)", lambda g: (int(g[0]), int(g[1]), int(g[2]))),
    (r"(\d\d)[ ./](\d\d)[ ./](\d{4})", lambda g: (int(g[2]), int(g[1]), int(g[0]))),
    (r"(\d{1,2})(?:er)?\.? (?:de )?([^\W\d]+\.?) (?:de )?(\d{4})", lambda g: (int(g[2]), month(g[1]), int(g[0]))),
    (r"(\d\d)-([a-z]+)-(\d{4})", lambda g: (int(g[2]), month(g[1]), int(g[0]))),
    (r"([A-Z][a-z]+) (\d{1,2}), (\d{4})", lambda g: (int(g[2]), month(g[0]), int(g[1])))]


def parse_date(s):
    """A date in one of the family's forms, None otherwise (or when its
    weekday is not the date's)."""
    s = s.strip()
    wd = None
    m = re.match(r"([^\W\d]+),? (?=\d)", s)
    if m and month(m.group(1)) is None:
        wd, s = m.group(1).lower(), s[m.end():]
    for pattern, ymd in FORMS:
        m = re.fullmatch(pattern, s)
        if m:
            try:
                d = datetime.date(*ymd(m.groups()))
            except (TypeError, ValueError):
                return None
            return None if wd and wd not in WEEKDAYS[d.weekday()] else d
    return None


def norm(s):
    """Upper case, no diacritics or punctuation, "Str." and "C/" written
    out."""
    s = re.sub(r"[^A-Z0-9º]+", " ", fold(s)).strip()
    s = re.sub(r"STR\b", "STRASSE", s)
    return re.sub(r"^C\b", "CALLE", s)


def same_address(value, case_addr):
    street, rest = case_addr.split("\n")
    return norm(value) in {norm(street), norm(street + " " + rest)}


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
    problems = []
    tmp = tempfile.mkdtemp(prefix="ds-heldout11s-")
    pages = support_run(root, tmp, problems, FAMILY, "samples_heldout11s", parse_date, same_address,
                        ["eng", "eng+deu", "eng+fra", "eng+spa"])
    seen = collections.Counter()
    for t, case, issue in pages:
        f = t["file"]
        if t["ocr_langs"] != ("eng" if t["lang"] == "eng" else "eng+" + t["lang"]):
            problems.append("%s: ocr_langs %r for a page in %s" % (f, t["ocr_langs"], t["lang"]))
        if any(key not in t for key in ("mode", "capture", "marks", "hand")):
            problems.append("%s: truth lacks mode, capture, marks or hand" % f)
            continue
        seen["lang " + t["lang"]] += 1
        seen["mode " + t["mode"]] += 1
        seen["capture " + t["capture"]] += 1
        for m in t["marks"]:
            seen["mark " + m] += 1
        if t["mode"] == "form" and t["hand"]:
            seen["handwritten form"] += 1
        img = Image.open(os.path.join(tmp, "p72", f))
        if img.mode != "L":
            problems.append("%s: a %s JPEG, not greyscale" % (f, img.mode))
        if t["lang"] == "spa" and " " in case["surname"]:
            seen["two surnames"] += 1
        if any(re.search(r" (geb\.|née) ", v) for v in values(t, "name")):
            seen["birth name"] += 1
        for v in values(t, "birth_date", "issue_date", "statement_date"):
            if re.fullmatch(r"\d\d \d\d \d{4}", v):
                seen["date comb"] += 1
            if re.match(r"[^\W\d]+,? \d", v) and not v[0].isupper() or re.match(r"[A-Z][a-z]+, \d", v):
                seen["date weekday"] += 1
        if issue is None:
            continue
        app = datetime.date.fromisoformat(case["application_date"])
        for v in values(t, "issue_date_translated"):
            seen["bilingual"] += 1
            if parse_date(v) != issue:
                problems.append("%s: the English column's date %r is not the issue date %s" % (f, v, issue))
        for v in values(t, "apostille_date"):
            seen["apostille"] += 1
            d = parse_date(v)
            if d is None or d < issue or (d > app and t["defect"] != "future_issue"):
                problems.append("%s: apostille of %r for a certificate of %s, application %s" % (f, v, issue, app))
        if t["mode"] == "browser":
            seen["print date"] += 1
            if len(values(t, "print_date")) != 1 or "print_date" not in t or \
                    datetime.date.fromisoformat(t["print_date"]) < issue:
                problems.append("%s: print date %r for a page of %s" % (f, t.get("print_date"), issue))
    want = {"lang deu": 6, "lang fra": 6, "lang spa": 6, "lang eng": 12, "mode cert": 15, "mode form": 6,
            "mode browser": 8, "mode letter": 5, "capture app": 10, "capture copy2": 8, "capture flatbed": 10,
            "mark holes": 8, "mark coffee": 3, "mark note": 3, "mark fold3": 1, "handwritten form": 2,
            "two surnames": 3, "birth name": 1, "date comb": 4, "date weekday": 4, "bilingual": 8, "apostille": 2, "print date": 8}
    for k, n in want.items():
        if seen[k] < n:
            problems.append("%d pages with %s in 72, expected at least %d" % (seen[k], k, n))
    print("samples_heldout11s: %s" % ", ".join("%s %d" % kv for kv in sorted(seen.items())))
    bench_supportdocs(root, tmp, problems, FAMILY)
    return finish("samples_heldout11s", tmp, problems)


if __name__ == "__main__":
    sys.exit(main())
