#!/usr/bin/python3
"""The heldout15 passport family as a test: tests/samples_heldout15.py SOURCE_DIR

Never runs docscreen (the family is blind; the lead screens it once).

- samples/generate.py --layouts heldout15 writes the same files, byte for
  byte, when run twice with one seed (two genuine documents);
- genuine documents (10, seed 151 as bench/layouts.sh's heldout15): the
  five formats; every page genuine (no viz_printed); the MRZ lines' check
  digits hold and their dates and number are the truth's fields; the case
  record names the same person (tests/samples_heldout8.py's checks);
- what the family prints is what the MRZ holds: for 150 identities and
  layouts drawn as generate.py draws them, every value of
  layout15.rows_of read back (the names through ICAO 9303's
  transliteration, also when stacked in one field, surname over given
  names; the dates month first with slashes, with middle dots or as
  `July 14, 1985`; the sex with its word; the place of birth; the
  authority) is the MRZ's or the caption language's; the father's name is
  never one of the holder's given names and only on passports and TD1
  cards; the address only on cards; visas print no place of birth,
  authority, father or address;
- on every page, genuine or not, the truth is right for the capture: a
  page held in the hand is a whole sheet (bed `sheet`, no skew, a room and
  a thumb side recorded) and only it is, with the dim room between the
  document and the image's edge; genuine 600 dpi pages are PNGs at 600 dpi;
  the quads pass samples_heldout8.quad_truth; the MRZ is legible in its
  quad; on a TD1 the MRZ lies at the far end of the back, or, with the
  back turned 180 degrees, at the back's near end (the middle of the
  sheet);
- over the genuine and defect pages together the family draws what it
  says: the three captures, the three caption styles, both name
  arrangements, the three date styles, the three typefaces, the ghost
  over the fields, the father's name, the address, the turned back, the
  stamp and at least six of the eight caption languages; a forced 90 or
  180 degree page;
- the defects set of bench/layouts.sh (defects15: 60, seed 152) passes
  samples_blind.defect_run; bench/layouts.sh runs LAYOUTS_SETS="heldout15
  defects15" with samples_blind's stand-in docscreen (never the real one).
Exits 1, printing each failure, when anything is wrong.
"""
import collections
import datetime
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples"))
import layout15  # noqa: E402
from samples_blind import (darkest_outward, drawn_layouts, issue_printed, passport_family,  # noqa: E402
                           printed_against_mrz)
from samples_heldout8 import quad_truth  # noqa: E402

FAMILY = "heldout15"
KEYS = ("caption_lang", "captions", "names", "dates", "font", "portrait", "father", "address", "ghost_over",
        "back_turned", "accent", "capture", "stamp")


def read_date(text, style, lang):
    """A printed date back to a date, as a reader who knows the page's
    style would read it (the caption language does not change it)."""
    value = text[0]
    if text[1] is not None:
        raise ValueError("a date with an extra %r" % (text[1],))
    if style == "mdy_slash":
        m, d, y = re.fullmatch(r"(\d\d)/(\d\d)/(\d{4})", value).groups()
        return datetime.date(int(y), int(m), int(d))
    if style == "middot":
        d, m, y = re.fullmatch(r"(\d\d)\u00b7(\d\d)\u00b7(\d{4})", value).groups()
        return datetime.date(int(y), int(m), int(d))
    mon, d, y = re.fullmatch(r"([A-Z][a-z]+) ([1-9]\d?), (\d{4})", value).groups()
    return datetime.date(int(y), layout15.MONTHS_FULL.index(mon) + 1, int(d))


def extras_printed(vals, doc, L, where, problems):
    """The fields only this family prints, against the layout record."""
    fmt = doc["format"]
    father = vals.get("father", (None,))[0]
    if father != L["father"] or (father is not None and (
            father in doc["given_names"].upper().split() or fmt not in ("TD3", "TD1"))):
        problems.append("%s: father's name %r beside %r on a %s" % (where, father, doc["given_names"], fmt))
    address = vals.get("address", (None,))[0]
    if (address.split("\n") if address else None) != L["address"] or (address and (
            fmt not in ("TD1", "TD2") or len(L["address"]) != 2)):
        problems.append("%s: address %r on a %s" % (where, address, fmt))
    if fmt not in layout15.VISAS:
        if vals.get("pob", (None,))[0] != doc["place_of_birth"]:
            problems.append("%s: place of birth %r" % (where, vals.get("pob")))
        if vals.get("auth", (None,))[0] != layout15.AUTHORITY[L["caption_lang"]]:
            problems.append("%s: authority %r" % (where, vals.get("auth")))
    elif {"pob", "auth", "father", "address"} & set(vals):
        problems.append("%s: a place of birth, an authority, a father or an address on a visa" % where)


def printed_values(problems, n=150):
    """For n identities and layouts drawn as generate.py draws them, every
    value rows_of prints read back is what the MRZ holds."""
    seen = collections.Counter()
    for doc, L, vals, where, back in drawn_layouts(layout15, "_capture15", ["flatbed", "held", "png600"], 5151, n):
        fmt = doc["format"]
        seen.update([L["dates"], L["caption_lang"], L["names"]])
        if L["names"] == "stacked":
            if "surname" in vals or "given" in vals:
                problems.append("%s: names stacked and apart" % where)
            sur, giv = vals["names2"][0].split("\n")
            vals = dict(vals, surname=(sur, None), given=(giv, None))
        printed_against_mrz(vals, doc, L, where, problems, layout15.SEX[L["caption_lang"]], read_date)
        issue_printed(vals, doc, L, where, problems, read_date)
        extras_printed(vals, doc, L, where, problems)
        if back and fmt != "TD1":
            problems.append("%s: back rows %s on a %s" % (where, back, fmt))
        if L["back_turned"] and fmt != "TD1":
            problems.append("%s: a turned back on a %s" % (where, fmt))
    want = {"mdy_slash", "middot", "us_long", "rows", "stacked"} | set(layout15.LANGS)
    if not want <= set(seen):
        problems.append("printed values: drew only %s" % dict(seen))


def room_round(d, t, problems):
    """On a page held in the hand: between the document and the image's
    edge, outward from the middle of the doc quad's first edge, some pixel
    is dim (the room)."""
    if t["layout"]["capture"] != "held":
        return
    low = darkest_outward(d, t)
    if low > 140:
        problems.append("%s: no dim room round the document (darkest %d)" % (t["file"], low))


def back_end(t, problems):
    """On a TD1 the MRZ's centre, measured along the sheet from its first
    edge (0) to its last (1), lies at the back's far end, or near the
    middle of the sheet when the back is turned."""
    if t["format"] != "TD1":
        return
    dq, mq = t["doc_quad"], t["mrz_quad"]
    mx, my = sum(p[0] for p in mq) / 4, sum(p[1] for p in mq) / 4
    ax, ay = dq[3][0] - dq[0][0], dq[3][1] - dq[0][1]
    frac = ((mx - dq[0][0]) * ax + (my - dq[0][1]) * ay) / max(1e-6, ax * ax + ay * ay)
    turned = t["layout"]["back_turned"]
    if (turned and not 0.5 < frac < 0.72) or (not turned and frac < 0.8):
        problems.append("%s: MRZ at %.2f of the sheet, back turned %s" % (t["file"], frac, turned))


def capture_truth(t, problems, genuine):
    """The truth against the capture and the layout it records."""
    name, lay, fmt = t["file"], t["layout"], t["format"]
    cap = lay["capture"]
    if (cap == "held") != (t["bed"] == "sheet") or (cap == "held" and (
            t["skew_deg"] != 0 or lay.get("room") not in layout15.ROOMS or
            lay.get("thumb_side") not in ("left", "right"))) or (cap != "held" and "room" in lay):
        problems.append("%s: capture %s, bed %s, skew %s, room %r" % (name, cap, t["bed"], t["skew_deg"],
                                                                    lay.get("room")))
    if genuine and cap == "png600" and not (t["file"].endswith(".png") and t["dpi"] == 600):
        problems.append("%s: a 600 dpi PNG capture saved as %s at %s dpi" % (name, t["file"], t["dpi"]))
    if genuine and cap != "png600" and t["dpi"] == 600:
        problems.append("%s: 600 dpi from a %s" % (name, cap))
    if lay["back_turned"] and fmt != "TD1":
        problems.append("%s: a turned back on a %s" % (name, fmt))
    if (lay["address"] and fmt not in ("TD1", "TD2")) or (lay["father"] and fmt not in ("TD3", "TD1")):
        problems.append("%s: an address or a father's name on a %s" % (name, fmt))
    quad_truth(t, problems, 0.95, 1.15)
    back_end(t, problems)


def tags(lay):
    return [lay["capture"], lay["captions"], lay["dates"], lay["caption_lang"], lay["names"],
            "italic" if lay["font"].endswith("italic") else lay["font"]] + \
        [k for k in ("father", "address", "ghost_over", "back_turned", "stamp") if lay[k]]


def checks(problems):
    d = datetime.date(1985, 7, 4)
    got = [layout15.date15(d, s) for s in ("mdy_slash", "middot", "us_long")]
    if got != ["07/04/1985", "04\u00b707\u00b71985", "July 4, 1985"]:
        problems.append("dates: %r" % got)
    if any(len(c) != len(layout15._KEYS) for c in layout15._W.values()) or \
            set(layout15._W) != set(layout15.LANGS) or set(layout15.SEX) != set(layout15.LANGS) or \
            set(layout15.AUTHORITY) != set(layout15.LANGS):
        problems.append("caption, sex or authority tables of the wrong shape")
    printed_values(problems)


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
    want = {"flatbed", "held", "png600", "circled", "split", "under", "mdy_slash", "middot", "us_long", "rows",
            "stacked", "b612", "carlito", "italic", "father", "address", "ghost_over", "back_turned", "stamp"}
    return passport_family(root, layout15, KEYS, (151, 152), checks, capture_truth, tags, want,
                           page_pixels=room_round)


if __name__ == "__main__":
    sys.exit(main())
