#!/usr/bin/python3
"""The heldout11 passport family as a test: tests/samples_heldout11.py SOURCE_DIR

- samples/generate.py --layouts heldout11 writes the same files, byte for
  byte, when run twice with one seed (two genuine documents);
- genuine documents (10, seed 111 as bench/layouts.sh's heldout11): the
  five formats; every page genuine (no viz_printed); the MRZ lines' check
  digits hold and their dates and number are the truth's fields; the case
  record names the same person (tests/samples_heldout8.py's checks);
- what the family prints is what the MRZ holds: for 150 identities and
  layouts drawn as generate.py draws them, every value of
  layout11.rows_of read back (the names through ICAO 9303's
  transliteration, the dates in the page's order, the caption language's
  date converted back) is the MRZ's; the Ethiopian calendar on known days;
- on every page, genuine or not, the truth is right for the capture: the
  A4 bed and the fax are whole sheets (bed `sheet`, no skew; on genuine
  pages 150 or 200 dpi on the bed, 200 dpi, grey and JPEG 40-60 for a
  fax) and only they are; booklets only for passports on the A4 bed,
  perforations only on passports, sleeves only on flatbed scans; the
  quads pass samples_heldout8.quad_truth (the MRZ within 0.95-1.15 of its
  characters' width); the MRZ is legible in its quad (dark ink on a light
  ground); a forced 90 or 180 degree page says so;
- over the genuine and defect pages together the family draws what it
  says: the three captures, the three caption styles, the three date
  styles, both fax modes, both second items, a booklet, a perforation, a
  sleeve, a UV cast, an issue block under the portrait, and at least six
  of the seven caption languages;
- the defects set of bench/layouts.sh (defects11: 60, seed 112) passes
  samples_blind.defect_run; bench/layouts.sh runs LAYOUTS_SETS="heldout11
  defects11" with samples_blind's stand-in docscreen (never the real one).
Exits 1, printing each failure, when anything is wrong.
"""
import collections
import datetime
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples"))
import layout11  # noqa: E402
from samples_blind import day_of, drawn_layouts, passport_family, printed_against_mrz, undigits  # noqa: E402
from samples_heldout8 import quad_truth  # noqa: E402

FAMILY = "heldout11"
KEYS = ("caption_lang", "captions", "given_case", "names_row", "dates", "portrait", "font", "split", "perforated", "comb_pers",
        "uv_tint", "capture", "sleeve", "booklet", "stamp")


def read_extra(extra, lang, year):
    if lang in layout11.DIGITS:
        d, m, y = map(int, undigits(extra, layout11.DIGITS.values()).split("/"))
        return datetime.date(y, m, d)
    if lang == "ko":
        y, m, d = map(int, re.fullmatch(r"(\d+)년 (\d+)월 (\d+)일", extra).groups())
        return datetime.date(y, m, d)
    d, mon, y = extra.split(" ")
    if lang == "am":
        return day_of(layout11.ethiopian, (int(y), layout11.ETH_MONTHS.index(mon) + 1, int(d)), year)
    return datetime.date(int(y), layout11.MONTHS_LOCAL[lang].index(mon) + 1, int(d))


def read_date(text, style, lang):
    """A printed date (and its extra) back to a Gregorian date, as a
    reader who knows the page's order and calendar would read it."""
    greg, extra = text
    if style == "ymd_dots":
        y, m, d = map(int, re.fullmatch(r"(\d{4})\. (\d\d)\. (\d\d)\.", greg).groups())
    elif style == "boxed":
        d, m, y = map(int, re.fullmatch(r"(\d\d) (\d\d) (\d{4})", greg).groups())
    else:
        d, m, y = map(int, re.fullmatch(r"(\d\d)/(\d\d)/(\d{4})", greg).groups())
    out = datetime.date(y, m, d)
    if (extra is not None) != (style == "dual"):
        raise ValueError("extra %r with style %s" % (extra, style))
    if extra is not None:
        back = read_extra(extra, lang, out.year)
        if back != out:
            raise ValueError("the caption language's %r is %s, the Gregorian %s" % (extra, back, out))
    return out


def calendars(problems):
    """The Ethiopian calendar on days whose dates are known."""
    known = [(datetime.date(2007, 9, 12), (2000, 1, 1)), (datetime.date(2007, 9, 11), (1999, 13, 6)),
             (datetime.date(2023, 9, 12), (2016, 1, 1)),
             (datetime.date(2024, 9, 11), (2017, 1, 1)), (datetime.date(1985, 7, 14), (1977, 11, 7)),
             (datetime.date(2024, 1, 8), (2016, 4, 29)), (datetime.date(2023, 9, 11), (2015, 13, 6))]
    for day, want in known:
        if layout11.ethiopian(day) != want:
            problems.append("calendar: %s is %r, expected %r" % (day, layout11.ethiopian(day), want))
    if layout11.date11(datetime.date(1985, 7, 14), "dual", "hi")[1] != "१४/०७/१९८५":
        problems.append("Devanagari digits: %r" % (layout11.date11(datetime.date(1985, 7, 14), "dual", "hi"),))


def printed_values(problems, n=150):
    """For n identities and layouts drawn as generate.py draws them, every
    value rows_of prints read back is what the MRZ holds."""
    seen = collections.Counter()
    for doc, L, vals, where, side in drawn_layouts(layout11, "_capture11", ["flatbed", "a4_pair", "fax"], 4343, n):
        fmt = doc["format"]
        seen.update([L["dates"], L["caption_lang"]])
        printed_against_mrz(vals, doc, L, where, problems, layout11.SEX[L["caption_lang"]], read_date)
        issue = vals.get("valid_from" if fmt in layout11.VISAS else "doi")
        if issue is None or read_date(issue, L["dates"], L["caption_lang"]) != doc["issue_date"]:
            problems.append("%s: issue date printed %r, the document's %s" % (where, issue, doc["issue_date"]))
        if side and not (L["split"] or fmt == "TD1"):
            problems.append("%s: side rows %s without the split" % (where, side))
    want = {"ymd_dots", "boxed", "dual"} | set(layout11.LANGS)
    if not want <= set(seen):
        problems.append("printed values: drew only %s" % dict(seen))


def capture_truth(t, problems, genuine):
    """The truth against the capture the layout records."""
    name, lay = t["file"], t["layout"]
    cap = lay["capture"]
    sheet = cap in ("a4_pair", "fax")
    if sheet != (t["bed"] == "sheet") or (sheet and t["skew_deg"] != 0):
        problems.append("%s: capture %s, bed %s, skew %s" % (name, cap, t["bed"], t["skew_deg"]))
    if genuine and cap == "a4_pair" and t["dpi"] not in (150, 200):
        problems.append("%s: the A4 bed at %s dpi" % (name, t["dpi"]))
    if genuine and cap == "fax" and not (t["dpi"] == 200 and t["grayscale"] and (
            t["jpeg_quality"] is None or 40 <= t["jpeg_quality"] <= 60)):
        problems.append("%s: a fax at %s dpi, grey %s, JPEG %s" % (name, t["dpi"], t["grayscale"], t["jpeg_quality"]))
    if lay["booklet"] != (cap == "a4_pair" and t["format"] == "TD3"):
        problems.append("%s: booklet %s for a %s (%s)" % (name, lay["booklet"], t["format"], cap))
    if lay["perforated"] and t["format"] != "TD3":
        problems.append("%s: a perforated %s" % (name, t["format"]))
    if lay["sleeve"] and cap != "flatbed":
        problems.append("%s: a sleeve on a %s" % (name, cap))
    if cap == "a4_pair" and not (abs(lay["turn_deg"]) <= 30 and lay.get("other_item") in ("licence", "bank_card")):
        problems.append("%s: the A4 bed with %s turned %s" % (name, lay.get("other_item"), lay["turn_deg"]))
    quad_truth(t, problems, 0.95, 1.15)


def tags(lay):
    return [lay["capture"], lay["captions"], lay["dates"], lay["caption_lang"], lay.get("fax_mode", "-"),
            lay.get("other_item", "-")] + \
        [k for k in ("booklet", "perforated", "sleeve", "uv_tint", "split", "names_row") if lay[k]]


def checks(problems):
    calendars(problems)
    printed_values(problems)


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
    want = {"flatbed", "a4_pair", "fax", "dotted", "fieldset", "under", "ymd_dots", "boxed", "dual", "fine",
            "standard", "licence", "bank_card", "booklet", "perforated", "sleeve", "uv_tint", "split", "names_row"}
    return passport_family(root, layout11, KEYS, (111, 112), checks, capture_truth, tags, want)


if __name__ == "__main__":
    sys.exit(main())
