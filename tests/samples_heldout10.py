#!/usr/bin/python3
"""The heldout10 passport family as a test: tests/samples_heldout10.py SOURCE_DIR

- samples/generate.py --layouts heldout10 writes the same files, byte for
  byte, when run twice with one seed (two genuine documents);
- genuine documents (10, seed 101 as bench/layouts.sh's heldout10): the
  five formats; every page genuine (no viz_printed); the MRZ lines' check
  digits hold and their dates and number are the truth's fields; the case
  record names the same person (tests/samples_heldout8.py's checks);
- what the family prints is what the MRZ holds: for 150 identities and
  layouts drawn as generate.py draws them, every value of
  layout10.rows_of read back (the names through ICAO 9303's
  transliteration, the dates in the page's order, the other calendar's
  date converted back) is the MRZ's; the calendars on known days (Solar
  Hijri, Japanese eras, Buddhist era);
- on every page, genuine or not, the truth is right for the capture: a
  hand-held photo is a photo (bed `photo`, no skew, 150-190 dpi, JPEG 42-68
  on genuine pages) and only it is; booklets only for passports and visas
  held in a hand; the quads pass samples_heldout8.quad_truth (a photo's
  MRZ within 0.65-1.3 of its characters' width, a scan's or a print-out's
  within 0.95-1.15); the MRZ is legible in its box (dark ink on a light
  ground); a forced 90 or 180 degree page says so;
- over the genuine and defect pages together the family draws what it
  says: the three captures, the three caption styles, the three date
  styles, mirrored (right-to-left) and unmirrored pages, a booklet, and at
  least five of the six caption languages;
- the defects set of bench/layouts.sh (defects10: 60, seed 102) passes
  samples_blind.defect_run; bench/layouts.sh runs LAYOUTS_SETS="heldout10
  defects10" with samples_blind's stand-in docscreen (never the real one).
Exits 1, printing each failure, when anything is wrong.
"""
import collections
import datetime
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples"))
import layout10  # noqa: E402
from samples_blind import bench_scripts, day_of, drawn_layouts, finish, printed_against_mrz, undigits  # noqa: E402
from samples_heldout8 import family_runs, quad_truth  # noqa: E402
from samples_heldout9 import mrz_legible  # noqa: E402

FAMILY = "heldout10"
KEYS = ("caption_lang", "captions", "given_case", "dates", "mirrored", "portrait", "font", "capture", "booklet",
        "stamp")
MONTHS = {m: i + 1 for i, m in enumerate(layout10.MONTHS_EN)}


def read_date(text, style, lang):
    """A printed date (and its extra) back to a Gregorian date, as a
    reader who knows the page's order and calendar would read it."""
    greg, extra = text
    if style == "mdy":
        m, d, y = map(int, greg.split("/"))
        out = datetime.date(y, m, d)
    elif "." in greg and re.fullmatch(r"\d\d\.\d\d\.\d{4}", greg):
        d, m, y = map(int, greg.split("."))
        out = datetime.date(y, m, d)
    else:  # "14 <local month>/JUL 1985"
        day, rest = greg.split(" ", 1)
        local, tail = rest.split("/", 1)
        en, year = tail.split(" ")
        out = datetime.date(int(year), MONTHS[en], int(day))
        if layout10.MONTHS10[lang][out.month - 1] != local:
            raise ValueError("local month %r for %s" % (local, out))
    if extra is not None:
        back = read_extra(extra, lang, out.year)
        if back != out:
            raise ValueError("the other calendar's %r is %s, the Gregorian %s" % (extra, back, out))
    return out


def read_extra(extra, lang, year):
    if lang == "fa":
        return day_of(layout10.jalali, tuple(map(int, undigits(extra, layout10.DIGITS.values()).split("/"))), year)
    if lang == "ar":
        d, m, y = map(int, undigits(extra, layout10.DIGITS.values()).split("/"))
        return datetime.date(y, m, d)
    if lang == "th":
        d, mon, be = extra.split(" ")
        return datetime.date(int(be) - 543, layout10.MONTHS10["th"].index(mon) + 1, int(d))
    m = re.fullmatch(r"(令和|平成|昭和)?(元|\d+)年(\d+)月(\d+)日", extra)
    if not m:
        raise ValueError("unreadable %r" % extra)
    era, y, mo, d = m.groups()
    y = 1 if y == "元" else int(y)
    base = {"令和": 2018, "平成": 1988, "昭和": 1925, None: 0}[era]
    return datetime.date(base + y, int(mo), int(d))


def calendars(problems):
    """The calendars on days whose dates are known."""
    known = [(layout10.jalali(datetime.date(2025, 3, 21)), (1404, 1, 1)),
             (layout10.jalali(datetime.date(1979, 2, 11)), (1357, 11, 22)),
             (layout10.jalali(datetime.date(2000, 1, 1)), (1378, 10, 11)),
             (layout10.japanese_era(datetime.date(1989, 1, 8)), "平成元年1月8日"),
             (layout10.japanese_era(datetime.date(1989, 1, 7)), "昭和64年1月7日"),
             (layout10.japanese_era(datetime.date(2019, 5, 1)), "令和元年5月1日"),
             (layout10.japanese_era(datetime.date(1985, 7, 14)), "昭和60年7月14日"),
             (layout10.date10(datetime.date(1985, 7, 14), "dual_calendar", "th")[1], "14 ก.ค. 2528")]
    for got, want in known:
        if got != want:
            problems.append("calendar: %r, expected %r" % (got, want))


def printed_values(problems, n=150):
    """For n identities and layouts drawn as generate.py draws them (the
    family's own random streams), every value rows_of prints read back is
    what the MRZ holds."""
    seen = collections.Counter()
    for doc, L, vals, where, _ in drawn_layouts(layout10, "_capture10", ["flatbed", "handheld", "printout"], 4242, n):
        seen.update([L["dates"], L["caption_lang"]])
        # Names printed as written, the MRZ holds their ICAO form; the dates, number, sex and the rest.
        printed_against_mrz(vals, doc, L, where, problems, layout10.SEX[L["caption_lang"]], read_date)
    want = {"local_month", "mdy", "dual_calendar"} | set(layout10.LANGS)
    if not want <= set(seen):
        problems.append("printed values: drew only %s" % dict(seen))


def capture_truth(t, problems, genuine):
    """The truth against the capture the layout records."""
    name, lay = t["file"], t["layout"]
    photo = lay["capture"] == "handheld"
    if photo != (t["bed"] == "photo") or (photo and t["skew_deg"] != 0):
        problems.append("%s: capture %s, bed %s, skew %s" % (name, lay["capture"], t["bed"], t["skew_deg"]))
    if photo and genuine and not (150 <= t["dpi"] <= 190 and (t["jpeg_quality"] is None or
                                                                 42 <= t["jpeg_quality"] <= 68)):
        problems.append("%s: a photo at %s dpi, JPEG quality %s" % (name, t["dpi"], t["jpeg_quality"]))
    if lay["booklet"] and (t["format"] not in ("TD3", "MRVA", "MRVB") or not photo):
        problems.append("%s: a booklet for a %s (%s)" % (name, t["format"], lay["capture"]))
    if lay["mirrored"] != (lay["caption_lang"] in layout10.RTL):
        problems.append("%s: mirrored %s with %s captions" % (name, lay["mirrored"], lay["caption_lang"]))
    if photo:
        quad_truth(t, problems, 0.65, 1.3)
    else:
        quad_truth(t, problems, 0.95, 1.15)


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
    problems = []
    tmp = tempfile.mkdtemp(prefix="ds-heldout10-")

    calendars(problems)
    printed_values(problems)
    g, gen, d, defects = family_runs(root, tmp, problems, FAMILY, KEYS, 101, 102, twice_count=2)
    seen = collections.Counter()
    for folder, truths in ((g, gen), (d, defects)):
        for t in truths:
            capture_truth(t, problems, folder == g)
            if t.get("label") != "IMAGE_QUALITY_LOW":  # blurred or at 72 dpi on purpose
                mrz_legible(folder, t, problems)
            lay = t["layout"]
            seen.update([lay["capture"], lay["captions"], lay["dates"], lay["caption_lang"],
                         "mirrored" if lay["mirrored"] else "ltr", "booklet" if lay["booklet"] else "flat"])
    want = {"flatbed", "handheld", "printout", "leader", "circled", "table", "local_month", "mdy", "dual_calendar",
            "mirrored", "ltr", "booklet", "flat"}
    if gen and defects and (not want <= set(seen) or sum(1 for k in layout10.LANGS if seen[k]) < 5):
        problems.append("%s draws only %s, expected every one of %s and five languages" % (
            FAMILY, dict(seen), sorted(want)))
    turned = {t["rotation"] for t in gen}
    if gen and not {90, 180} <= turned:
        problems.append("%s: no page turned 90 and 180 degrees among %s" % (FAMILY, sorted(turned)))

    # The bench script accepts the new names (with a stand-in docscreen).
    bench_scripts(root, tmp, problems, FAMILY, "defects10", supportdocs=False)
    return finish("samples_heldout10", tmp, problems)


if __name__ == "__main__":
    sys.exit(main())
