#!/usr/bin/python3
"""The heldout13 supporting pages as a test: tests/samples_heldout13s.py SOURCE_DIR

- samples/supportdocs.py --layouts heldout13 --balance, 72 pages with seed
  15 (what bench/supportdocs.sh SUPPORTDOCS_FAMILIES=heldout13
  SUPPORTDOCS_COUNT=72 screens): the nine types, every truth says
  heldout13, field boxes inside the page (at the truth's dpi: 150 on a
  greyscale 150 dpi scan), the expected code the defect's, every defect
  kind present with weekday_mismatch, ocr_langs eng, eng+por and eng+spa;
- every genuine page's name, birth date and address fields agree with its
  case record, its dates are not in the future nor stale; each defect page
  differs from it in the labelled way only (dates read in the forms the
  family prints: "14/03/23", "14/03/2023", "14.03.2023", "14-Mar-2023",
  "March 14th, 2023", "14th day of March 2023", "14 March 2023", "14 de
  março de 2023", "14 de marzo de 2023", the English ones headed by a
  weekday ("Tuesday, " or "Tue ") or not; addresses as the case's street
  line, in capitals, abbreviated ("H.No.", "St.", "Rd."), or with the
  town on one line);
- a weekday printed before a date is the date's own on every page but a
  weekday_mismatch one, where the issue date's weekday is another day's
  and no day one look-alike digit off falls on it;
- names of the page's country in the case record; a father's name field
  ("s/o", "daughter of") is never the applicant's name;
- the family draws what it says: the six countries, the seven captures,
  stamps and seals, honorifics, "Surname, Given", lower-case names, the
  date forms, an en dash billing period, a Julian date under a barcode,
  translator headers, typed pages, a thumb on photos, a fax header dated
  on or after the page (never after the screening on a genuine page),
  colour JPEGs only from the photo capture;
- determinism: a run of 9 pages with the same seed writes the first nine
  pages of the 72, byte for byte;
- bench/supportdocs.sh accepts SUPPORTDOCS_FAMILIES=heldout13 (a stand-in
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
from samples_blind import english_weekday as split_weekday  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "samples"))
from supportdocs12 import variants  # noqa: E402  (the look-alike readings the weekday avoids)

FAMILY = "heldout13"
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
PT = ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
      "novembro", "dezembro"]
ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
      "noviembre", "diciembre"]


def month(s):
    s = s.lower()
    for names in (MONTHS, PT, ES):
        for k, m in enumerate(names):
            if s == m or (len(s) == 3 and names is MONTHS and m.startswith(s)):
                return k + 1
    return None


def century(yy):
    """A two-digit year: 00-30 this century, the rest the last."""
    return 2000 + yy if yy <= 30 else 1900 + yy


FORMS = [  # (pattern, its groups -> (year, month, day))
    (r"(\d\d)/(\d\d)/(\d\d)", lambda g: (century(int(g[2])), int(g[1]), int(g[0]))),
    (r"(\d\d)/(\d\d)/(\d{4})", lambda g: (int(g[2]), int(g[1]), int(g[0]))),
    (r"(\d\d)\.(\d\d)\.(\d{4})", lambda g: (int(g[2]), int(g[1]), int(g[0]))),
    (r"(\d\d)-([A-Z][a-z]{2})-(\d{4})", lambda g: (int(g[2]), month(g[1]), int(g[0]))),
    (r"([A-Z][a-z]+) (\d{1,2})(?:st|nd|rd|th), (\d{4})", lambda g: (int(g[2]), month(g[0]), int(g[1]))),
    (r"(\d{1,2})(?:st|nd|rd|th) day of ([A-Z][a-z]+) (\d{4})", lambda g: (int(g[2]), month(g[1]), int(g[0]))),
    (r"(\d{1,2}) ([A-Z][a-z]+) (\d{4})", lambda g: (int(g[2]), month(g[1]), int(g[0]))),
    (r"(\d{1,2}) de ([a-zç]+) de (\d{4})", lambda g: (int(g[2]), month(g[1]), int(g[0])))]


def parse_date(s):
    """A date in one of the family's forms (its weekday, if any, left to
    weekday_check), None otherwise."""
    return parse_forms(s, FORMS, split_weekday)


def weekday_check(t, problems, seen):
    blind_weekdays(t, problems, seen, split_weekday, parse_date, variants)


SHORT = [(r"\bH\.No\.", "House No."), (r"\bFlat (?=\d)", "Flat No. "), (r"\bSt\.", "Street"), (r"\bRd\.", "Road"),
         (r"\bAve\.", "Avenue")]


def norm(s):
    for pattern, full in SHORT:
        s = re.sub(pattern, full, s, flags=re.I)
    return re.sub(r"[^A-Z0-9]+", " ", fold(s)).strip()


def same_address(value, case_addr):
    street, town = case_addr.split("\n")
    return norm(value) in {norm(street), norm(street + ", " + town)}


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
    problems = []
    tmp = tempfile.mkdtemp(prefix="ds-heldout13s-")
    pages = support_run(root, tmp, problems, FAMILY, "samples_heldout13s", parse_date, same_address,
                        ["eng", "eng+por", "eng+spa"], extra=["weekday_mismatch"])
    seen = collections.Counter()
    for t, case, issue in pages:
        f = t["file"]
        if any(key not in t for key in ("capture", "marks", "country", "translated", "typed", "name_form")):
            problems.append("%s: truth lacks capture, marks, country, translated, typed or name_form" % f)
            continue
        want_langs = {"br": "eng+por", "mx": "eng+spa"}.get(t["country"], "eng") if not t["translated"] else "eng"
        if t["ocr_langs"] != want_langs:
            problems.append("%s: ocr_langs %r for %s (translated %s)" % (f, t["ocr_langs"], t["country"],
                                                                        t["translated"]))
        seen["capture " + t["capture"]] += 1
        seen["country " + t["country"]] += 1
        seen["lang " + t["ocr_langs"]] += 1
        for m in t["marks"]:
            seen["mark " + m] += 1
        if t["translated"]:
            seen["translated"] += 1
        if t["typed"]:
            seen["typed"] += 1
        if (t["capture"] == "grey150") != (t["dpi"] == 150):
            problems.append("%s: dpi %d on a %s capture" % (f, t["dpi"], t["capture"]))
        img = Image.open(os.path.join(tmp, "p72", f))
        if (img.mode == "RGB") != (t["capture"] == "thumb"):
            problems.append("%s: a %s JPEG for capture %s" % (f, img.mode, t["capture"]))
        if t["capture"] == "thumb" and t.get("thumb"):
            seen["thumb"] += 1
        if t["capture"] == "grey150" and abs(img.size[0] - 8.27 * 150) > 60:
            problems.append("%s: a 150 dpi scan %d px wide" % (f, img.size[0]))
        weekday_check(t, problems, seen)
        if "fax_date" in t:
            sent = datetime.date.fromisoformat(t["fax_date"])
            if issue and (sent < issue or (sent > datetime.date.fromisoformat(t["today"]) and t["defect"] != "future_issue")):
                problems.append("%s (%s): faxed %s, the page of %s" % (f, t["defect"] or "genuine", sent, issue))
            seen["fax header"] += 1
        names = values(t, "name", "surname", "given_names")
        own = fold("%s %s" % (case["given_names"], case["surname"]))
        for v in values(t, "father"):
            seen["father"] += 1
            if fold(v).replace("SHRI ", "") == own:
                problems.append("%s: the father's name %r is the applicant's" % (f, v))
        joined = " ".join(names)
        for key, pattern in (("honorific", r"^(Shri|Smt\.|Kum\.|Mst\.|Alhaji|Alhaja|Chief|Engr\.|Sr\.|Sra\.|C\.|Mr\.|"
                                           r"Mrs\.|Ms\.) "), ("comma", r"^[^,]+, [A-Z]"), ("lower", r"^[a-z]")):
            if any(re.search(pattern, n) for n in names):
                seen["name " + key] += 1
        if joined and not t["defect"] == "wrong_name":
            surname = fold(case["surname"])
            if surname not in fold(joined):
                problems.append("%s: the case's surname is not in %r" % (f, joined))
        text = " ".join(run["text"] for run in t["runs"])
        if re.search(r"\b(s/o|d/o|son of|daughter of)\b", text):
            seen["relation"] += 1
        if re.search(r"\d\d/\d\d/\d{4} \u2013 \d\d/\d\d/\d{4}", text):
            seen["en dash period"] += 1
        if t["kind"] == "utility_bill" and re.search(r"\b20\d\d[0-3]\d\d\b", text):
            seen["julian"] += 1
        if "SWORN TRANSLATION" in text:
            seen["translator header"] += 1
        if re.search(r"\b\d{1,2},\d\d,\d{3}\.\d\d\b", text):
            seen["lakh"] += 1
        if re.search(r"in words\)", text):
            seen["birth in words"] += 1
        if "COUNTERFOIL" in text:
            seen["counterfoil"] += 1
        if "Holy Matrimony" in text:
            seen["church"] += 1
        for v in values(t, "issue_date", "birth_date"):
            _, v = split_weekday(v)
            for key, pattern in (("yy", r"^\d\d/\d\d/\d\d$"), ("mdyord", r"^[A-Z][a-z]+ \d{1,2}(st|nd|rd|th), "),
                                 ("dmyabbr", r"^\d\d-[A-Z][a-z]{2}-\d{4}$"), ("dots", r"^\d\d\.\d\d\.\d{4}$"),
                                 ("dayof", r" day of "), ("pt/es", r" de [a-zç]+ de ")):
                if re.search(pattern, v):
                    seen["date " + key] += 1
    want = {"country in": 5, "country pk": 5, "country ng": 5, "country ph": 5, "country br": 2, "country mx": 2,
            "lang eng+por": 1, "lang eng+spa": 1, "translated": 1, "translator header": 1,
            "capture sleeve": 3, "capture fold": 3, "capture fax": 3, "capture thumb": 3, "capture grey150": 3,
            "capture halo": 3, "capture flatbed": 3, "thumb": 2, "fax header": 3, "mark stamp": 8, "mark seal": 8,
            "typed": 5, "name honorific": 5, "name comma": 3, "name lower": 3, "father": 10, "relation": 10,
            "en dash period": 4, "julian": 4, "lakh": 1, "birth in words": 4, "counterfoil": 4, "church": 1,
            "date yy": 3, "date mdyord": 3, "date dmyabbr": 3, "date dots": 3, "date dayof": 3, "date pt/es": 2,
            "date weekday": 6}
    for k, n in want.items():
        if seen[k] < n:
            problems.append("%d pages with %s in 72, expected at least %d" % (seen[k], k, n))
    print("samples_heldout13s: %s" % ", ".join("%s %d" % kv for kv in sorted(seen.items())))
    bench_supportdocs(root, tmp, problems, FAMILY)
    return finish("samples_heldout13s", tmp, problems)


if __name__ == "__main__":
    sys.exit(main())
