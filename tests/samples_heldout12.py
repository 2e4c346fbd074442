#!/usr/bin/python3
"""The heldout12 passport family as a test: tests/samples_heldout12.py SOURCE_DIR

- samples/generate.py --layouts heldout12 writes the same files, byte for
  byte, when run twice with one seed (two genuine documents);
- genuine documents (10, seed 121 as bench/layouts.sh's heldout12): the
  five formats; every page genuine (no viz_printed); the MRZ lines' check
  digits hold and their dates and number are the truth's fields; the case
  record names the same person (tests/samples_heldout8.py's checks);
- what the family prints is what the MRZ holds: for 150 identities and
  layouts drawn as generate.py draws them, every value of
  layout12.rows_of read back (the names through ICAO 9303's
  transliteration, the dates with their English month or ordinal day, the
  caption language's digits or the Hijri date converted back, sex and
  nationality out of their shared box) is the MRZ's; the tabular Islamic
  calendar on known days;
- on every page, genuine or not, the truth is right for the capture: the
  scanner app's pages are whole photos (bed `photo`, no skew; on genuine
  pages 170-220 dpi and JPEG 55-80) and only they are; e-mailed scans at
  100-120 dpi and JPEG 45-65 on genuine pages; the app's filter only on
  its pages; the number in the corner and the expiry sentence never on
  visas; the emergency and diplomatic titles only on passports; the
  quads pass samples_heldout8.quad_truth (the MRZ within 0.95-1.15 of its
  characters' width); the MRZ is legible in its quad (dark ink on a light
  ground); a forced 90 or 180 degree page says so;
- over the genuine and defect pages together the family draws what it
  says: the three captures, the three caption styles, the three date
  styles, the three app filters, both field orders, the shared sex and
  nationality box, the number in the corner (flat and turned), the expiry
  sentence, both special titles, both value colours, a right-to-left page
  and at least six of the seven caption languages;
- the defects set of bench/layouts.sh (defects12: 60, seed 122) passes
  samples_blind.defect_run; bench/layouts.sh runs LAYOUTS_SETS="heldout12
  defects12" with samples_blind's stand-in docscreen (never the real one).
Exits 1, printing each failure, when anything is wrong.
"""
import collections
import datetime
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples"))
import layout12  # noqa: E402
from samples_blind import drawn_layouts, issue_printed, passport_family, printed_against_mrz, undigits  # noqa: E402
from samples_heldout8 import quad_truth  # noqa: E402

FAMILY = "heldout12"
KEYS = ("caption_lang", "rtl", "captions", "dates", "order", "sexnat", "value_ink", "font", "portrait",
        "number_corner", "number_turned", "valid_text", "title", "capture", "stamp")
MONTHS = [m.capitalize() for m in layout12.MONTHS]


def from_hijri(y, m, d):
    """The Gregorian day of a tabular Islamic date, counted independently
    of layout12.hijri: 354 days a year plus the leap days of years 2, 5,
    7, 10, 13, 16, 18, 21, 24, 26 and 29 of each 30, months of 30 and 29
    days in turn (the last 30 in a leap year)."""
    leap = {2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29}
    days = 0
    for year in range(1, y):
        days += 355 if year % 30 in leap else 354
    days += sum(30 if k % 2 == 1 else 29 for k in range(1, m)) + d - 1
    return datetime.date(622, 7, 19) + datetime.timedelta(days=days)


def read_date(text, style, lang):
    """A printed date (and its extra) back to a Gregorian date, as a
    reader who knows the page's order and calendar would read it."""
    greg, extra = text
    if style == "month_name":
        d, mon, y = re.fullmatch(r"(\d\d) ([A-Z]+) (\d{4})", greg).groups()
        out = datetime.date(int(y), layout12.MONTHS.index(mon) + 1, int(d))
    elif style == "ordinal":
        d, suf, mon, y = re.fullmatch(r"(\d{1,2})(st|nd|rd|th) ([A-Z][a-z]+) (\d{4})", greg).groups()
        if suf != layout12.ordinal(int(d))[-2:]:
            raise ValueError("ordinal %r" % greg)
        out = datetime.date(int(y), MONTHS.index(mon) + 1, int(d))
    else:
        d, m, y = map(int, re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", greg).groups())
        out = datetime.date(y, m, d)
    if (extra is not None) != (style == "dual"):
        raise ValueError("extra %r with style %s" % (extra, style))
    if extra is not None:
        if lang in layout12.DIGITS:
            d, m, y = map(int, undigits(extra, layout12.DIGITS.values()).split("-"))
            back = datetime.date(y, m, d)
        else:
            d, m, y = map(int, re.fullmatch(r"(\d\d)\.(\d\d)\.(\d{4}) AH", extra).groups())
            back = from_hijri(y, m, d)
        if back != out:
            raise ValueError("the caption language's %r is %s, the Gregorian %s" % (extra, back, out))
    return out


def calendars(problems):
    """The tabular Islamic calendar on days whose dates are known, and
    against from_hijri over fifty years."""
    known = [(datetime.date(2000, 1, 1), (1420, 9, 24)), (datetime.date(1979, 11, 21), (1400, 1, 1)),
             (datetime.date(2000, 4, 6), (1421, 1, 1)), (datetime.date(622, 7, 19), (1, 1, 1))]
    for day, want in known:
        if layout12.hijri(day) != want:
            problems.append("Hijri: %s is %r, expected %r" % (day, layout12.hijri(day), want))
    day = datetime.date(1940, 1, 1)
    while day < datetime.date(1990, 1, 1):
        if from_hijri(*layout12.hijri(day)) != day:
            problems.append("Hijri: %s gives %r, which is %s" % (day, layout12.hijri(day),
                                                                 from_hijri(*layout12.hijri(day))))
            break
        day += datetime.timedelta(days=17)
    if layout12.date12(datetime.date(1985, 7, 14), "dual", "my")[1] != "၁၄-၀၇-၁၉၈၅":
        problems.append("Myanmar digits: %r" % (layout12.date12(datetime.date(1985, 7, 14), "dual", "my"),))
    if [layout12.ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31)] != \
            "1st 2nd 3rd 4th 11th 12th 13th 21st 22nd 23rd 31st".split():
        problems.append("ordinals wrong")


def printed_values(problems, n=150):
    """For n identities and layouts drawn as generate.py draws them, every
    value rows_of prints read back is what the MRZ holds."""
    seen = collections.Counter()
    for doc, L, vals, where, back in drawn_layouts(layout12, "_capture12", ["flatbed", "scanner_app", "lowres"],
                                                   4747, n):
        fmt = doc["format"]
        seen.update([L["dates"], L["caption_lang"], L["order"]])
        if ("sexnat" in vals) != L["sexnat"] or ("sex" in vals) == L["sexnat"]:
            problems.append("%s: sexnat %s, printed %s" % (where, L["sexnat"], sorted(vals)))
            continue
        if L["sexnat"]:
            sex, nat = vals["sexnat"][0].split(" / ")
            vals = dict(vals, sex=(sex, vals["sexnat"][1]), nat=(nat, None))
        printed_against_mrz(vals, doc, L, where, problems, layout12.SEX[L["caption_lang"]], read_date)
        issue = issue_printed(vals, doc, L, where, problems, read_date)
        if back and fmt != "TD1":
            problems.append("%s: back rows %s on a %s" % (where, back, fmt))
    want = {"month_name", "ordinal", "dual", "names_first", "dates_first"} | set(layout12.LANGS)
    if not want <= set(seen):
        problems.append("printed values: drew only %s" % dict(seen))


def capture_truth(t, problems, genuine):
    """The truth against the capture and the layout it records."""
    name, lay, fmt = t["file"], t["layout"], t["format"]
    cap = lay["capture"]
    if (cap == "scanner_app") != (t["bed"] == "photo") or (cap == "scanner_app" and t["skew_deg"] != 0):
        problems.append("%s: capture %s, bed %s, skew %s" % (name, cap, t["bed"], t["skew_deg"]))
    q = t["jpeg_quality"]
    if genuine and cap == "scanner_app" and not (170 <= t["dpi"] <= 220 and (q is None or 55 <= q <= 80)):
        problems.append("%s: the scanner app at %s dpi, JPEG %s" % (name, t["dpi"], q))
    if genuine and cap == "lowres" and not (100 <= t["dpi"] <= 120 and (q is None or 45 <= q <= 65)):
        problems.append("%s: an e-mailed scan at %s dpi, JPEG %s" % (name, t["dpi"], q))
    if ("app_filter" in lay) != (cap == "scanner_app"):
        problems.append("%s: app filter %r on a %s" % (name, lay.get("app_filter"), cap))
    if fmt in layout12.VISAS and (lay["number_corner"] or lay["valid_text"]):
        problems.append("%s: a visa with the number in the corner or the expiry sentence" % name)
    if lay["number_turned"] and not lay["number_corner"]:
        problems.append("%s: a turned number not in the corner" % name)
    if lay["title"] != "passport" and fmt != "TD3":
        problems.append("%s: title %s on a %s" % (name, lay["title"], fmt))
    if lay["rtl"] != (lay["caption_lang"] in layout12.RTL) or (lay["rtl"] and lay["portrait"] != "right"):
        problems.append("%s: rtl %s for %s, portrait %s" % (name, lay["rtl"], lay["caption_lang"], lay["portrait"]))
    quad_truth(t, problems, 0.95, 1.15)


def tags(lay):
    return [lay["capture"], lay["captions"], lay["dates"], lay["caption_lang"], lay["order"], lay["title"],
            lay["value_ink"], lay.get("app_filter", "-")] + \
        [k for k in ("sexnat", "number_corner", "number_turned", "valid_text", "rtl", "stamp") if lay[k]]


def checks(problems):
    calendars(problems)
    printed_values(problems)


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
    want = {"flatbed", "scanner_app", "lowres", "zebra", "vertical", "header", "month_name", "ordinal", "dual",
            "colour", "grey", "bw", "names_first", "dates_first", "sexnat", "number_corner", "number_turned",
            "valid_text", "emergency", "diplomatic", "navy", "brown", "rtl", "stamp"}
    return passport_family(root, layout12, KEYS, (121, 122), checks, capture_truth, tags, want)


if __name__ == "__main__":
    sys.exit(main())
