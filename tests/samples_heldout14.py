#!/usr/bin/python3
"""The heldout14 passport family as a test: tests/samples_heldout14.py SOURCE_DIR

- samples/generate.py --layouts heldout14 writes the same files, byte for
  byte, when run twice with one seed (two genuine documents);
- genuine documents (10, seed 141 as bench/layouts.sh's heldout14): the
  five formats; every page genuine (no viz_printed); the MRZ lines' check
  digits hold and their dates and number are the truth's fields; the case
  record names the same person (tests/samples_heldout8.py's checks);
- what the family prints is what the MRZ holds: for 150 identities and
  layouts drawn as generate.py draws them, every value of
  layout14.rows_of read back (the names through ICAO 9303's
  transliteration, also when the given names come first on one line
  `GIVEN / SURNAME`; the dates with the caption language's month written
  out, year first with the English month, or with a slash and no leading
  zeros; the sex with its word; the place of birth) is the MRZ's; the
  surname at birth is never the surname and only on passports and TD1
  cards; the civil number starts with the birth date's YYMMDD and is
  printed only where the MRZ holds no personal number; the marital status
  and blood group never on visas; remarks only on residence permits; the
  authority before the place of birth when the layout puts it in that slot;
- on every page, genuine or not, the truth is right for the capture: a
  scan with the surroundings is a whole sheet (bed `sheet`, no skew, a
  cover recorded) and only it is, with dark (the cover or the open lid)
  between the document and the image's edge; genuine JPEG-35 pages are
  JPEGs at quality 35; the quads pass samples_heldout8.quad_truth; the MRZ
  is legible in its quad;
- over the genuine and defect pages together the family draws what it
  says: the three captures, the three caption styles, both name
  arrangements, the three date styles, the extras, the remarks, the side
  text, the emboss, the foil, the dirty glass, both typefaces and at least
  six of the seven caption languages; a forced 90 or 180 degree page;
- the defects set of bench/layouts.sh (defects14: 60, seed 142) passes
  samples_blind.defect_run; bench/layouts.sh runs LAYOUTS_SETS="heldout14
  defects14" with samples_blind's stand-in docscreen (never the real one).
Exits 1, printing each failure, when anything is wrong.
"""
import collections
import datetime
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples"))
import layout14  # noqa: E402
from samples_blind import (darkest_outward, drawn_layouts, issue_printed, passport_family,  # noqa: E402
                           printed_against_mrz)
from samples_heldout8 import quad_truth  # noqa: E402

FAMILY = "heldout14"
KEYS = ("caption_lang", "captions", "faint_ink", "names", "auth_slot", "dates", "font", "portrait", "birth_name",
        "civil_no", "marital", "blood", "remarks", "side_text", "emboss", "foil", "capture", "dirty_glass", "stamp")


def read_date(text, style, lang):
    """A printed date back to a date, as a reader who knows the page's
    style and caption language would read it."""
    value = text[0]
    if text[1] is not None:
        raise ValueError("a date with an extra %r" % (text[1],))
    if style == "month_word":
        d, mon, y = re.fullmatch(r"(\d{1,2})\.? (.+) (\d{4})", value).groups()
        return datetime.date(int(y), layout14.MONTHS[lang].index(mon) + 1, int(d))
    if style == "ymd_word":
        y, mon, d = re.fullmatch(r"(\d{4}) ([A-Z]{3}) (\d\d)", value).groups()
        return datetime.date(int(y), layout14.MONTHS_EN.index(mon) + 1, int(d))
    d, m, y = re.fullmatch(r"([1-9]\d?)/([1-9]\d?)/(\d{4})", value).groups()
    return datetime.date(int(y), int(m), int(d))


def extras_printed(vals, doc, L, where, problems, order):
    """The fields only this family prints, against the layout record."""
    fmt = doc["format"]
    bn = vals.get("birth_name", (None,))[0]
    if (bn is not None) != (L["birth_name"] is not None) or (bn is not None and (
            bn == doc["surname"].upper() or fmt not in ("TD3", "TD1"))):
        problems.append("%s: surname at birth %r beside %r" % (where, bn, doc["surname"]))
    civil = vals.get("civil", (None,))[0]
    if (civil is not None) != (L["civil_no"] is not None) or (civil is not None and (
            not re.fullmatch(r"\d{6}-\d{4}", civil) or civil[:6] != doc["birth_date"].strftime("%y%m%d") or
            doc["optional_data"])):
        problems.append("%s: civil number %r, born %s, personal number %r" % (
            where, civil, doc["birth_date"], doc["optional_data"]))
    for key in ("marital", "blood"):
        if vals.get(key, (None,))[0] != L[key] or (L[key] and fmt in layout14.VISAS):
            problems.append("%s: %s %r against %r" % (where, key, vals.get(key), L[key]))
    rem = vals.get("remarks", ("",))[0]
    if rem.split("\n") != (L["remarks"] or [""]) or (L["remarks"] and not (
            doc["residence"] and fmt in ("TD1", "TD2") and 2 <= len(L["remarks"]) <= 3)):
        problems.append("%s: remarks %r on a %s" % (where, rem, fmt))
    if fmt not in layout14.VISAS:
        if vals.get("pob", (None,))[0] != doc["place_of_birth"]:
            problems.append("%s: place of birth %r" % (where, vals.get("pob")))
        if "pob" in order and "auth" in order and (order.index("auth") < order.index("pob")) != L["auth_slot"]:
            problems.append("%s: authority slot %s, order %s" % (where, L["auth_slot"], order))
    elif "pob" in vals or "auth" in vals or L["auth_slot"]:
        problems.append("%s: a place of birth or an authority on a visa" % where)


def printed_values(problems, n=150):
    """For n identities and layouts drawn as generate.py draws them, every
    value rows_of prints read back is what the MRZ holds."""
    import generate
    seen = collections.Counter()
    for doc, L, vals, where, back in drawn_layouts(layout14, "_capture14", ["flatbed", "surround", "jpeg35"],
                                                   4949, n):
        fmt = doc["format"]
        seen.update([L["dates"], L["caption_lang"], L["names"]])
        front, back = layout14.rows_of(generate, doc, L)
        order = [key for row in front + back for key, _, _ in row]
        if L["names"] == "given_first":
            if "surname" in vals or "given" in vals:
                problems.append("%s: names on one line and apart" % where)
            giv, sur = vals["name_gs"][0].split(" / ")
            vals = dict(vals, surname=(sur, None), given=(giv, None))
        printed_against_mrz(vals, doc, L, where, problems, layout14.SEX[L["caption_lang"]], read_date)
        issue_printed(vals, doc, L, where, problems, read_date)
        extras_printed(vals, doc, L, where, problems, order)
        if back and fmt != "TD1":
            problems.append("%s: back rows %s on a %s" % (where, back, fmt))
    want = {"month_word", "ymd_word", "slash", "given_first", "rows"} | set(layout14.LANGS)
    if not want <= set(seen):
        problems.append("printed values: drew only %s" % dict(seen))


def dark_round(d, t, problems):
    """On a scan with the surroundings: between the document and the image's edge, outward from the middle
    of the doc quad's first edge, some pixel is dark (the cover, the open
    lid)."""
    if t["layout"]["capture"] != "surround":
        return
    low = darkest_outward(d, t)
    if low > 110:
        problems.append("%s: no cover or lid round the document (darkest %d)" % (t["file"], low))


def capture_truth(t, problems, genuine):
    """The truth against the capture and the layout it records."""
    name, lay, fmt = t["file"], t["layout"], t["format"]
    cap = lay["capture"]
    if (cap == "surround") != (t["bed"] == "sheet") or (cap == "surround" and (
            t["skew_deg"] != 0 or lay.get("cover") not in layout14.COVERS)) or (cap != "surround" and "cover" in lay):
        problems.append("%s: capture %s, bed %s, skew %s, cover %r" % (name, cap, t["bed"], t["skew_deg"],
                                                                     lay.get("cover")))
    if genuine and cap == "jpeg35" and not (t["file"].endswith(".jpg") and t["jpeg_quality"] == 35):
        problems.append("%s: JPEG 35 capture saved as %s quality %s" % (name, t["file"], t["jpeg_quality"]))
    if genuine and cap != "jpeg35" and t.get("jpeg_quality") == 35:
        problems.append("%s: quality 35 from a %s" % (name, cap))
    if fmt in layout14.VISAS and (lay["emboss"] or lay["side_text"] or lay["auth_slot"]):
        problems.append("%s: emboss, side text or authority slot on a visa" % name)
    if lay["emboss"] and fmt not in ("TD1", "TD2"):
        problems.append("%s: embossed values on a %s" % (name, fmt))
    quad_truth(t, problems, 0.95, 1.15)


def tags(lay):
    return [lay["capture"], lay["captions"], lay["dates"], lay["caption_lang"], lay["names"],
            "italic" if lay["font"].endswith("italic") else lay["font"].split("_")[0]] + \
        [k for k in ("auth_slot", "birth_name", "civil_no", "marital", "blood", "remarks", "side_text", "emboss",
                     "foil", "dirty_glass", "stamp") if lay[k]]


def checks(problems):
    d = datetime.date(1985, 7, 4)
    got = [layout14.date14(d, s, lang) for s, lang in (("month_word", "ga"), ("month_word", "is"),
                                                        ("month_word", "vi"), ("ymd_word", "mt"), ("slash", "lv"))]
    if got != ["4 Iúil 1985", "4. júlí 1985", "4 Tháng 7 1985", "1985 JUL 04", "4/7/1985"]:
        problems.append("dates: %r" % got)
    if layout14.date14(datetime.date(1990, 9, 30), "month_word", "ga") != "30 Meán\u00a0Fómhair 1990":
        problems.append("Irish September: %r" % layout14.date14(datetime.date(1990, 9, 30), "month_word", "ga"))
    if any(len(m) != 12 or len(set(m)) != 12 for m in layout14.MONTHS.values()) or \
            any(len(c) != len(layout14._KEYS) for c in layout14._W.values()):
        problems.append("month or caption tables of the wrong length")
    printed_values(problems)


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
    want = {"flatbed", "surround", "jpeg35", "faint", "colon", "micro", "month_word", "ymd_word", "slash",
            "given_first", "rows", "cantarell", "noto", "italic", "auth_slot", "birth_name", "civil_no", "marital",
            "blood", "remarks", "side_text", "emboss", "foil", "dirty_glass", "stamp"}
    return passport_family(root, layout14, KEYS, (141, 142), checks, capture_truth, tags, want,
                           page_pixels=dark_round)


if __name__ == "__main__":
    sys.exit(main())
