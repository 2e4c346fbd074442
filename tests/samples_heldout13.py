#!/usr/bin/python3
"""The heldout13 passport family as a test: tests/samples_heldout13.py SOURCE_DIR

- samples/generate.py --layouts heldout13 writes the same files, byte for
  byte, when run twice with one seed (two genuine documents);
- genuine documents (10, seed 131 as bench/layouts.sh's heldout13): the
  five formats; every page genuine (no viz_printed); the MRZ lines' check
  digits hold and their dates and number are the truth's fields; the case
  record names the same person (tests/samples_heldout8.py's checks);
- what the family prints is what the MRZ holds: for 150 identities and
  layouts drawn as generate.py draws them, every value of
  layout13.rows_of read back (the names through ICAO 9303's
  transliteration, the dates with their Spanish or Portuguese lower-case
  month, their US long form or split over two lines, the sex with its
  word, the place of birth with its code in brackets) is the MRZ's; the
  previous passport number has the document number's shape and is never
  it; the height and the eyes are the layout's; the two-column pages hold
  the names on the left and the dates on the right;
- on every page, genuine or not, the truth is right for the capture: the
  old scanner's pages are whole sheets (bed `sheet`, no skew of the frame,
  a cast and a tilt of at most 2 degrees recorded) and only they are;
  greyscale TIFFs at 150 dpi on genuine pages (lossless, grey); the
  perforated number, the previous number only on passports; the height,
  the eyes and the laminate never on visas; the quads pass
  samples_heldout8.quad_truth; the MRZ is legible in its quad;
- over the genuine and defect pages together the family draws what it
  says: the three captures, the three caption styles, both arrangements,
  the three date styles, the extras, the perforation, the laminate, the
  show-through, the three casts, condensed and italic faces and at least
  six of the seven caption languages; a forced 90 or 180 degree page;
- the defects set of bench/layouts.sh (defects13: 60, seed 132) passes
  samples_blind.defect_run; bench/layouts.sh runs LAYOUTS_SETS="heldout13
  defects13" with samples_blind's stand-in docscreen (never the real one).
Exits 1, printing each failure, when anything is wrong.
"""
import collections
import datetime
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples"))
import layout13  # noqa: E402
from samples_blind import drawn_layouts, issue_printed, passport_family, printed_against_mrz  # noqa: E402
from samples_heldout8 import quad_truth  # noqa: E402

FAMILY = "heldout13"
KEYS = ("caption_lang", "captions", "arrangement", "dates", "month_lang", "font", "portrait", "pob_code", "height",
        "eyes", "prev_no", "perforated", "laminate", "show_through", "capture", "stamp")
MONTHS = [m.capitalize() for m in layout13.MONTHS_EN]


def read_date(text, style, lang):
    """A printed date back to a date, as a reader who knows the page's
    style (and, for the lower-case months, its language) would read it."""
    value = text[0]
    if text[1] is not None:
        raise ValueError("a date with an extra %r" % (text[1],))
    if style == "lower_abbr":
        d, mon, y = re.fullmatch(r"(\d{1,2}) ([a-z]+\.) (\d{4})", value).groups()
        for table in layout13.MONTHS_LOWER.values():
            if mon in table:
                return datetime.date(int(y), table.index(mon) + 1, int(d))
        raise ValueError("month %r" % mon)
    if style == "us_long":
        mon, d, y = re.fullmatch(r"([A-Z][a-z]{2}) (\d\d), (\d{4})", value).groups()
        return datetime.date(int(y), MONTHS.index(mon) + 1, int(d))
    d, mon, y = re.fullmatch(r"(\d\d) ([A-Z]{3}) (\d{4})", value).groups()
    return datetime.date(int(y), layout13.MONTHS_EN.index(mon) + 1, int(d))


def printed_values(problems, n=150):
    """For n identities and layouts drawn as generate.py draws them, every
    value rows_of prints read back is what the MRZ holds."""
    seen = collections.Counter()
    for doc, L, vals, where, back in drawn_layouts(layout13, "_capture13", ["flatbed", "old_scanner", "grey_tiff"],
                                                   4848, n):
        fmt = doc["format"]
        seen.update([L["dates"], L["caption_lang"], L["arrangement"]])
        printed_against_mrz(vals, doc, L, where, problems, layout13.SEX[L["caption_lang"]], read_date)
        issue = issue_printed(vals, doc, L, where, problems, read_date)
        if L["dates"] == "lower_abbr" and issue and issue[0].split()[1] not in layout13.MONTHS_LOWER[L["month_lang"]]:
            problems.append("%s: %r not in %s" % (where, issue, L["month_lang"]))
        if fmt not in layout13.VISAS:
            pob = vals["pob"][0]
            want = doc["place_of_birth"] + (" (%s)" % doc["nationality"].replace("<", "") if L["pob_code"] else "")
            if pob != want:
                problems.append("%s: place of birth %r, expected %r" % (where, pob, want))
        prev = vals.get("prev", (None,))[0]
        if (prev is not None) != (L["prev_no"] is not None) or (prev is not None and (
                fmt != "TD3" or prev == doc["document_number"] or len(prev) != len(doc["document_number"]) or
                [c.isdigit() for c in prev] != [c.isdigit() for c in doc["document_number"]])):
            problems.append("%s: previous number %r beside %s" % (where, prev, doc["document_number"]))
        if ("height" in vals) != L["height"] or ("eyes" in vals) != bool(L["eyes"]):
            problems.append("%s: height/eyes %s against %s %s" % (where, sorted(vals), L["height"], L["eyes"]))
        if "height" in vals and not re.fullmatch(r"1[5-9]\d cm|1\.[5-9]\d m", vals["height"][0]):
            problems.append("%s: height %r" % (where, vals["height"][0]))
        if L["arrangement"] == "two_col" and fmt != "TD1":
            front, _ = layout13.rows_of(__import__("generate"), doc, L)
            pairs = [row for row in front if len(row) == 2 and row[1][0] in layout13.DATE_KEYS + ("sex",)]
            lefts = {row[0][0] for row in pairs}
            if not {"surname", "given", "nat"} <= lefts:
                problems.append("%s: two columns with %s on the left" % (where, sorted(lefts)))
        if back and fmt != "TD1":
            problems.append("%s: back rows %s on a %s" % (where, back, fmt))
    want = {"lower_abbr", "us_long", "split", "two_col", "rows"} | set(layout13.LANGS)
    if not want <= set(seen):
        problems.append("printed values: drew only %s" % dict(seen))


def capture_truth(t, problems, genuine):
    """The truth against the capture and the layout it records."""
    name, lay, fmt = t["file"], t["layout"], t["format"]
    cap = lay["capture"]
    if (cap == "old_scanner") != (t["bed"] == "sheet") or (cap == "old_scanner" and t["skew_deg"] != 0):
        problems.append("%s: capture %s, bed %s, skew %s" % (name, cap, t["bed"], t["skew_deg"]))
    if (("cast" in lay) != (cap == "old_scanner")) or (cap == "old_scanner" and abs(lay["tilt_deg"]) > 2.0):
        problems.append("%s: cast %r tilt %r on a %s" % (name, lay.get("cast"), lay.get("tilt_deg"), cap))
    if genuine and cap == "grey_tiff" and not (t["dpi"] == 150 and t["file"].endswith(".tif") and t["grayscale"]):
        problems.append("%s: a greyscale TIFF at %s dpi, grey %s" % (name, t["dpi"], t["grayscale"]))
    if genuine and cap != "grey_tiff" and t["file"].endswith(".tif"):
        problems.append("%s: a TIFF from a %s" % (name, cap))
    if fmt != "TD3" and (lay["perforated"] or lay["prev_no"]):
        problems.append("%s: a perforated or previous number on a %s" % (name, fmt))
    if fmt in layout13.VISAS and (lay["height"] or lay["eyes"] or lay["laminate"]):
        problems.append("%s: height, eyes or laminate on a visa" % name)
    if lay["show_through"] and fmt not in ("TD3",) + layout13.VISAS:
        problems.append("%s: show-through on a card" % name)
    quad_truth(t, problems, 0.95, 1.15)


def tags(lay):
    return [lay["capture"], lay["captions"], lay["dates"], lay["caption_lang"], lay["arrangement"],
            lay.get("cast", "-"), "italic" if lay["font"] in layout13.ITALIC else "condensed"] + \
        [k for k in ("pob_code", "height", "eyes", "prev_no", "perforated", "laminate", "show_through", "stamp")
         if lay[k]]


def checks(problems):
    d = datetime.date(1985, 7, 4)
    got = [layout13.date13(d, s, m) for s, m in (("lower_abbr", "es"), ("lower_abbr", "pt"), ("us_long", "es"),
                                                 ("split", "pt"))]
    if got != ["4 jul. 1985", "4 jul. 1985", "Jul 04, 1985", "04 JUL 1985"]:
        problems.append("dates: %r" % got)
    if layout13.date13(datetime.date(1990, 9, 1), "lower_abbr", "pt") != "1 set. 1990" or \
            layout13.date13(datetime.date(1990, 12, 31), "lower_abbr", "es") != "31 dic. 1990":
        problems.append("Spanish/Portuguese months wrong")
    printed_values(problems)


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
    want = {"flatbed", "old_scanner", "grey_tiff", "spaced", "pill", "icon", "two_col", "rows", "lower_abbr",
            "us_long", "split", "yellow", "magenta", "cyan", "italic", "condensed", "pob_code", "height", "eyes",
            "prev_no", "perforated", "laminate", "show_through", "stamp"}
    return passport_family(root, layout13, KEYS, (131, 132), checks, capture_truth, tags, want)


if __name__ == "__main__":
    sys.exit(main())
