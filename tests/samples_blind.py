"""Checks shared by the tests of the blind sample families written by
sessions that tune no rule (tests/samples_heldout6.py,
tests/samples_heldout7.py, tests/samples_heldout8s.py, tests/samples_heldout8.py,
tests/samples_heldout9.py, tests/samples_heldout9s.py, tests/samples_heldout10s.py,
tests/samples_heldout11s.py, tests/samples_heldout11.py,
tests/samples_heldout12.py, tests/samples_heldout12s.py, tests/samples_heldout13s.py,
tests/samples_heldout14s.py): generation twice with
one seed, the passport truth's layout and MRZ box, a defects-only run, the
supporting pages' truth against their case records (the label, the defect
printed, the dates, a duplicate's second scan), the bench scripts'
plumbing with a stand-in docscreen (tests/samples_heldout5.py's STUB), the
closing report."""
import collections
import datetime
import filecmp
import glob
import json
import os
import random
import re
import tempfile
import unicodedata

from samples_heldout5 import PY, run, same_tree, stub_build

FORMATS = {"TD1", "TD2", "TD3", "MRVA", "MRVB"}
SUPPORT_KINDS = {"wrong_name": "SUPPORT_NAME_MISMATCH", "wrong_birth_date": "SUPPORT_BIRTH_DATE_MISMATCH",
                 "wrong_address": "SUPPORT_ADDRESS_MISMATCH", "future_issue": "SUPPORT_DATE_FUTURE",
                 "stale_statement": "SUPPORT_STATEMENT_OLD", "before_birth": "SUPPORT_ISSUED_BEFORE_BIRTH",
                 "duplicate": "DUPLICATE_IMAGE"}
# Defect kinds only some families draw (heldout12: the weekday left when the
# date was edited).
EXTRA_KINDS = {"weekday_mismatch": "SUPPORT_DATE_WEEKDAY_MISMATCH"}


def twice(cmd_for, tmp, tag, problems, what, runs=2):
    """Runs cmd_for(out) into two folders (runs=1: one, no determinism
    check); returns the first, or None when a run fails. A difference
    between the two is a problem."""
    outs = []
    for k in range(runs):
        d = os.path.join(tmp, "%s%d" % (tag, k))
        p = run(cmd_for(d))
        if p.returncode:
            problems.append("%s failed: %s" % (what, p.stderr[-400:]))
            return None
        outs.append(d)
    diff = same_tree(*outs) if runs == 2 else None
    if diff:
        problems.append("%s is not deterministic: %s" % (what, diff))
    return outs[0]


def passports(root, tmp, problems, family, keys, share, count, seed, tag, runs=2):
    """generate.py --cases --layouts FAMILY twice (or runs times); returns
    (folder, truths).
    Each truth names the family and records `keys` in its layout, and its
    MRZ box lies inside the image."""
    d = twice(lambda out: [PY, os.path.join(root, "samples/generate.py"), "--cases", "--genuine-share", share,
                           "--layouts", family, "--out", out, "--count", str(count), "--seed", str(seed),
                           "--degrade", "mild", "--quiet"], tmp, tag, problems,
              "generate.py --layouts %s (%s)" % (family, tag), runs)
    if d is None:
        return None, []
    truths = [json.load(open(t)) for t in sorted(glob.glob(os.path.join(d, "*.json")))]
    if len(truths) != count:
        problems.append("generate.py %s (%s): %d truth files, expected %d" % (family, tag, len(truths), count))
    for t in truths:
        lay = t.get("layout") or {}
        if lay.get("family") != family:
            problems.append("%s: layout family %r" % (t["file"], lay.get("family")))
        for key in keys:
            if key not in lay:
                problems.append("%s: layout lacks %s" % (t["file"], key))
        w, h = t["image_size"]
        x, y, bw, bh = t["mrz_bbox"]
        if not (0 <= x and 0 <= y and x + bw <= w and y + bh <= h and bw > 0 and bh > 0):
            problems.append("%s: MRZ box %s outside the image %s" % (t["file"], t["mrz_bbox"], t["image_size"]))
    return d, truths


def genuine_run(truths, problems, family):
    """A genuine-only run: the five formats, every page genuine, printing
    what its MRZ holds (no viz_printed)."""
    if truths and {t["format"] for t in truths} != FORMATS:
        problems.append("generate.py %s: formats %s, expected all five" % (family, sorted(t["format"] for t in truths)))
    for t in truths:
        if t.get("label") != "genuine" or "viz_printed" in t:
            problems.append("%s: a genuine-only run gave label %r" % (t["file"], t.get("label")))


def defect_run(folder, truths, problems, family):
    """A defects-only run (tests/samples_heldout8.py, tests/samples_heldout9.py):
    each of the 13 flag codes 4 or 5 times, every page with its defect and
    a case file that is the truth's case."""
    from samples_heldout7 import CODES  # that test imports this module
    counts = collections.Counter(t.get("label") for t in truths)
    if truths and (set(counts) != CODES or not all(4 <= n <= 5 for n in counts.values())):
        problems.append("generate.py %s defects-only: labels %s, expected the 13 codes 4-5 times each" % (
            family, dict(counts)))
    for t in truths:
        if not t.get("defect"):
            problems.append("%s: label %r without its defect" % (t["file"], t.get("label")))
        case_path = os.path.join(folder, t.get("case_file", ""))
        if not os.path.isfile(case_path) or json.load(open(case_path)) != t.get("case"):
            problems.append("%s: case file missing or not the truth's case" % t["file"])


def undigits(s, tables):
    """s with the digits of other scripts (tables: strings of ten digits,
    zero first) read as ASCII digits."""
    for table in tables:
        s = "".join(str(table.index(c)) if c in table else c for c in s)
    return s


def day_of(calendar, want, near_year):
    """The Gregorian day that calendar (a Gregorian date to a tuple) gives
    as want, searched round the year a page prints beside it; None when
    there is none."""
    day = datetime.date(near_year - 1, 1, 1)
    for _ in range(3 * 366):
        if calendar(day) == want:
            return day
        day += datetime.timedelta(days=1)
    return None


def drawn_layouts(layout, capture_key, captures, seed, n=150):
    """n identities (the five formats in turn, diacritics on every
    seventh) and a blind passport family's layouts (samples/layoutN.py as
    layout) drawn for them as generate.py draws them, the capture drawn
    from captures. Yields (doc, L, vals, where, back): vals maps each key
    rows_of prints to (value, extra); back is rows_of's second list."""
    import generate  # samples/, put on the path by the family's test
    for j in range(n):
        r, _ = generate.sub_rng(seed, "doc", j)
        fmt = generate.FORMATS[j % 5]
        doc = generate.make_identity(r, fmt, j, {"diacritics"} if j % 7 == 0 else set())
        rl = random.Random(j)
        L = layout.pick(generate, rl, doc, {capture_key: rl.choice(captures)})
        front, back = layout.rows_of(generate, doc, L)
        vals = {key: (value, extra) for row in front + back for key, value, extra in row}
        yield doc, L, vals, "%s %s %s/%s" % (fmt, j, L["caption_lang"], L["dates"]), back


def printed_against_mrz(vals, doc, L, where, problems, sex_words, read_date):
    """What a blind passport family's rows_of prints (vals: key -> (value,
    extra)) against the MRZ (tests/samples_heldout10.py,
    tests/samples_heldout11.py): the names through ICAO 9303's
    transliteration (the surname in capitals as written), the birth and
    expiry dates (read back by the family's read_date(printed, style,
    language)), the number, the nationality, the sex with its word in the
    caption language (sex_words: male, female), the personal number, the
    type."""
    import generate  # samples/, put on the path by the family's test
    f, fmt = doc["fields"], doc["format"]
    sur = generate.mrz_name_part(vals["surname"][0]).replace("<", " ")
    giv = generate.mrz_name_part(vals["given"][0]).replace("<", " ") if vals["given"][0] != "-" else ""
    full = (sur + "  " + giv).strip()
    mrz_full = (f["surname"] + "  " + f["given_names"]).strip()
    if not (full == mrz_full or (doc["name_truncated"] and full.replace(" ", "").startswith(
            mrz_full.replace(" ", "")))):
        problems.append("%s: printed name %r, MRZ %r" % (where, full, mrz_full))
    if vals["surname"][0] != doc["surname"].upper():
        problems.append("%s: surname printed %r, written %r" % (where, vals["surname"][0], doc["surname"]))
    for key, fkey in (("dob", "birth_date"), ("until" if fmt in ("MRVA", "MRVB") else "doe", "expiry_date")):
        try:
            got = read_date(vals[key], L["dates"], L["caption_lang"]).isoformat()
        except (ValueError, KeyError, AttributeError) as e:
            problems.append("%s: %s %r unreadable: %s" % (where, key, vals.get(key), e))
            continue
        if got != f[fkey]:
            problems.append("%s: %s printed %r reads %s, MRZ %s" % (where, key, vals[key], got, f[fkey]))
    number = vals.get("passno" if fmt == "TD3" else "docno")
    if number is None or number[0] != f["document_number"]:
        problems.append("%s: number printed %r, MRZ %s" % (where, number, f["document_number"]))
    if vals["nat"][0] != f["nationality"]:
        problems.append("%s: nationality printed %r, MRZ %s" % (where, vals["nat"][0], f["nationality"]))
    sex, word = vals["sex"]
    if sex != f["sex"] or (word is not None) != (sex in "MF") or (
            word is not None and word != sex_words["MF".index(sex)]):
        problems.append("%s: sex printed %r %r, MRZ %s" % (where, sex, word, f["sex"]))
    if f["optional_data"] and fmt in ("TD3", "TD1") and vals.get("pers", (None,))[0] != f["optional_data"]:
        problems.append("%s: personal number printed %r, MRZ %s" % (where, vals.get("pers"), f["optional_data"]))
    if fmt in ("TD2", "TD3") and vals["type"][0] != (f["document_code"] or "P"):
        problems.append("%s: type printed %r, MRZ %s" % (where, vals["type"][0], f["document_code"]))


def issue_printed(vals, doc, L, where, problems, read_date):
    """The issue date (a visa's first day of validity) a blind passport
    family's rows_of prints, read back by read_date(printed, style,
    language), is the document's (tests/samples_heldout12.py,
    tests/samples_heldout13.py)."""
    issue = vals.get("valid_from" if doc["format"] in ("MRVA", "MRVB") else "doi")
    try:
        got = read_date(issue, L["dates"], L["caption_lang"]) if issue else None
    except (ValueError, AttributeError) as e:
        got = e
    if got != doc["issue_date"]:
        problems.append("%s: issue date printed %r (%s), the document's %s" % (where, issue, got, doc["issue_date"]))
    return issue


def mrz_legible(d, t, problems):
    """Dark ink on a light ground inside the MRZ's quad (its box holds much
    paper when the document is turned): the darkest 3 % of its pixels at
    least 90 levels below its median (samples_heldout9.mrz_legible's
    measure)."""
    import numpy as np
    from PIL import Image, ImageDraw
    im = Image.open(os.path.join(d, t["file"])).convert("L")
    quad = [tuple(p) for p in t["mrz_quad"]]
    inside = Image.new("L", im.size, 0)
    ImageDraw.Draw(inside).polygon(quad, fill=255)
    a = np.asarray(im, np.float32)[np.asarray(inside) > 0]
    if a.size == 0:
        problems.append("%s: empty MRZ quad" % t["file"])
        return
    ink, ground = np.percentile(a, 3), np.median(a)
    if ground - ink < 90 or ground < 150:
        problems.append("%s: MRZ ink %.0f on ground %.0f (%s)" % (t["file"], ink, ground, t["layout"]))


def darkest_outward(d, t):
    """The darkest grey level on the image of truth t (in folder d) between
    the middle of its doc_quad's first edge and the image's edge, going
    outward from the quad's centre (tests/samples_heldout14.py: the cover
    or the open lid; tests/samples_heldout15.py: the room round a document
    held in the hand)."""
    from PIL import Image
    im = Image.open(os.path.join(d, t["file"])).convert("L")
    dq = t["doc_quad"]
    cx, cy = sum(p[0] for p in dq) / 4, sum(p[1] for p in dq) / 4
    mx, my = (dq[0][0] + dq[1][0]) / 2, (dq[0][1] + dq[1][1]) / 2
    vx, vy = mx - cx, my - cy
    norm = max(1e-6, (vx * vx + vy * vy) ** 0.5)
    vx, vy = vx / norm, vy / norm
    low, k = 255, 2.0
    while True:
        x, y = int(mx + vx * k), int(my + vy * k)
        if not (0 <= x < im.size[0] and 0 <= y < im.size[1]):
            break
        low = min(low, im.getpixel((x, y)))
        k += 1.0
    return low


def passport_family(root, layout, keys, seeds, checks, page_check, tags_of, want, page_pixels=None):
    """The main of a blind passport family's test (tests/samples_heldout11.py,
    tests/samples_heldout12.py) for samples/layoutN.py as layout: its
    fonts, checks(problems) (the family's own), samples_heldout8.family_runs
    with seeds (genuine, defects), page_check(truth, problems, genuine) and
    mrz_legible on every page, the family drawing every tag of want
    (tags_of(layout record) lists a page's) and six of its caption
    languages, the 90 and 180 degree pages, bench/layouts.sh with the
    stand-in docscreen; page_pixels(folder, truth, problems), when given,
    on every page too (tests/samples_heldout14.py reads pixels with it).
    Returns the exit status."""
    from samples_heldout8 import family_runs  # that test imports this module
    family = layout.FAMILY
    name = "samples_" + family
    missing = layout.fonts_here()
    if missing:
        print("%s: fonts missing (scripts/install-deps.sh installs them): %s" % (name, missing))
        return 1
    problems = []
    tmp = tempfile.mkdtemp(prefix="ds-%s-" % family)
    checks(problems)
    g, gen, d, defects = family_runs(root, tmp, problems, family, keys, seeds[0], seeds[1], twice_count=2)
    seen = collections.Counter()
    for folder, truths in ((g, gen), (d, defects)):
        for t in truths:
            page_check(t, problems, folder == g)
            if page_pixels is not None:
                page_pixels(folder, t, problems)
            if t.get("label") != "IMAGE_QUALITY_LOW":  # blurred or at 72 dpi on purpose
                mrz_legible(folder, t, problems)
            seen.update(tags_of(t["layout"]))
    if gen and defects and (not want <= set(seen) or sum(1 for k in layout.LANGS if seen[k]) < 6):
        problems.append("%s draws only %s, expected every one of %s and six languages" % (
            family, dict(seen), sorted(want)))
    turned = {t["rotation"] for t in gen}
    if gen and not {90, 180} <= turned:
        problems.append("%s: no page turned 90 and 180 degrees among %s" % (family, sorted(turned)))
    # The bench script accepts the new names (with a stand-in docscreen).
    bench_scripts(root, tmp, problems, family, "defects" + family[len("heldout"):], supportdocs=False)
    return finish(name, tmp, problems)


def bench_scripts(root, tmp, problems, family, defects_set, supportdocs=True):
    """bench/layouts.sh LAYOUTS_SETS="FAMILY DEFECTS_SET" and (unless
    supportdocs is False) bench/supportdocs.sh SUPPORTDOCS_FAMILIES=FAMILY
    with a stand-in docscreen that prints an empty report: they generate
    the family, screen every page and print its lines."""
    build = stub_build(tmp)
    sets = "%s %s" % (family, defects_set)
    p = run(["bash", "bench/layouts.sh", build], cwd=root,
            env={"LAYOUTS_SETS": sets, "LAYOUTS_COUNT": "2", "LAYOUTS_DEFECT_COUNT": "2",
                 "LAYOUTS_OUT": os.path.join(tmp, "lay")})
    if p.returncode or "family %s: 2 genuine documents" % family not in p.stdout or \
            "defects drawn in --layouts %s" % family not in p.stdout:
        problems.append("bench/layouts.sh LAYOUTS_SETS='%s': exit %d, output %s" % (
            sets, p.returncode, (p.stdout + p.stderr)[-600:]))
    if supportdocs:
        bench_supportdocs(root, tmp, problems, family, build)
    return build


def bench_supportdocs(root, tmp, problems, family, build=None):
    """bench/supportdocs.sh SUPPORTDOCS_FAMILIES=FAMILY with the stand-in
    docscreen (a new one when build is None): it generates the family's
    nine pages, screens them and prints the family's line."""
    build = build or stub_build(tmp)
    p = run(["bash", "bench/supportdocs.sh", build], cwd=root,
            env={"SUPPORTDOCS_FAMILIES": family, "SUPPORTDOCS_COUNT": "9",
                 "SUPPORTDOCS_OUT": os.path.join(tmp, "sd")})
    if p.returncode or "pages screened: 9" not in p.stdout or "%s (held-out)" % family not in p.stdout:
        problems.append("bench/supportdocs.sh SUPPORTDOCS_FAMILIES=%s: exit %d, output %s" % (
            family, p.returncode, (p.stdout + p.stderr)[-600:]))
    return build


def values(t, *names):
    """A supporting page truth's values of the fields named."""
    return [f["value"] for f in t["fields"] if f["name"] in names]


def support_label(t, family, problems):
    """A supporting page's truth names the family, held out, and expects
    its defect's code (nothing on a genuine page)."""
    f, defect = t["file"], t["defect"]
    if t["family"] != family or not t["heldout"]:
        problems.append("%s: family %r heldout %r" % (f, t["family"], t["heldout"]))
    if t["expect"] != ([SUPPORT_KINDS.get(defect) or EXTRA_KINDS[defect]] if defect else []):
        problems.append("%s: expect %r for defect %r" % (f, t["expect"], defect))


def birth_dates(t, birth, parse_date, problems):
    """The page's birth dates (read with parse_date) against the case's
    birth, as the defect label says."""
    f, defect = t["file"], t["defect"]
    for v in values(t, "birth_date"):
        d = parse_date(v)
        if d is None or (d == birth) != (defect != "wrong_birth_date"):
            problems.append("%s (%s): birth date %r against %s" % (f, defect or "genuine", v, birth))


def defect_printed(t, problems):
    """A wrong birth date or address defect is printed on the page."""
    f, defect = t["file"], t["defect"]
    if defect == "wrong_birth_date" and not values(t, "birth_date"):
        problems.append("%s: a wrong birth date the page does not print" % f)
    if defect == "wrong_address" and not values(t, "address"):
        problems.append("%s: a wrong address the page does not print" % f)


def duplicate_files(t, d, problems):
    """A duplicate page in folder d has its second scan and case file."""
    if t["defect"] == "duplicate":
        stem = os.path.join(d, t["file"][:-4])
        if not (os.path.isfile(stem + ".dup.jpg") and os.path.isfile(stem + ".dup.case.json")):
            problems.append("%s: a duplicate without its second scan and case" % t["file"])


def issue_checks(t, d, today, app, birth, problems):
    """A supporting page's issue or statement date d against the day of
    screening, the application and the birth, as its defect label says."""
    f, defect = t["file"], t["defect"]
    if (d > today) != (defect == "future_issue"):
        problems.append("%s (%s): dated %s, today %s" % (f, defect or "genuine", d, today))
    if t["kind"] in ("bank_statement", "payslip", "utility_bill") and \
            ((app - d).days > 90) != (defect == "stale_statement"):
        problems.append("%s (%s): statement of %s for an application of %s" % (f, defect or "genuine", d, app))
    if t["kind"] == "birth_certificate" and (d < birth) != (defect == "before_birth"):
        problems.append("%s (%s): issued %s, born %s" % (f, defect or "genuine", d, birth))


SUPPORT_TYPES = {"birth_certificate", "marriage_certificate", "bank_statement", "payslip", "employment_letter",
                 "utility_bill", "tenancy_agreement", "police_certificate", "diploma"}


def fold(s):
    """Upper case without diacritics (Ł as L)."""
    s = s.replace("Ł", "L").replace("ł", "l")
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch)).upper()


def support_page(t, case, problems, family, parse_date, same_address):
    """A supporting page's truth against its case record, as its label
    says: the family, the expected code, field boxes inside the page
    (page_pt at the page's dpi), the case's name printed unless wrong_name,
    the birth date and address (read by parse_date, compared by
    same_address) unless the defect changes them, one issue or statement
    date (issue_checks). Returns the issue date, or None."""
    f, defect = t["file"], t["defect"]
    support_label(t, family, problems)
    pw, ph = (v / 72.0 * t["dpi"] for v in t["page_pt"])
    for fld in t["fields"]:
        x, y, w, h = fld["bbox"]
        if w <= 0 or h <= 0 or x < 0 or y < 0 or x + w > pw + 2 or y + h > ph + 2:
            problems.append("%s: field %s has box %s" % (f, fld["name"], fld["bbox"]))
    printed = fold(" ".join(values(t, "name", "surname", "given_names")))
    if not printed:
        problems.append("%s: no name field" % f)
    named = fold(case["surname"]) in printed and fold(case["given_names"].split()[0]) in printed
    if named != (defect != "wrong_name"):
        problems.append("%s (%s): the case's name on the page: %s" % (f, defect or "genuine", named))
    birth = datetime.date.fromisoformat(case["birth_date"])
    birth_dates(t, birth, parse_date, problems)
    for v in values(t, "address"):
        if same_address(v, case["address"]) != (defect != "wrong_address"):
            problems.append("%s (%s): address %r against %r" % (f, defect or "genuine", v, case["address"]))
    defect_printed(t, problems)
    today = datetime.date.fromisoformat(t["today"])
    app = datetime.date.fromisoformat(case["application_date"])
    dates = [parse_date(v) for v in values(t, "issue_date", "statement_date")]
    if len(dates) != 1 or None in dates:
        problems.append("%s: issue or statement date missing or unreadable: %s" % (
            f, values(t, "issue_date", "statement_date")))
        return None
    issue_checks(t, dates[0], today, app, birth, problems)
    return dates[0]


def support_run(root, tmp, problems, family, name, parse_date, same_address, langs, extra=()):
    """samples/supportdocs.py --layouts FAMILY --balance, 72 pages with seed
    15 (what bench/supportdocs.sh SUPPORTDOCS_FAMILIES=FAMILY
    SUPPORTDOCS_COUNT=72 screens): every page by support_page, a duplicate's
    second scan and case, the nine types, the seven defects (and the
    family's extra ones, EXTRA_KINDS), at least 20
    genuine pages, the ocr_langs in langs among them; then a run of 9 writes
    the first nine pages byte for byte. Returns [(truth, case, issue date)]."""
    def generate(out, count):
        p = run([PY, os.path.join(root, "samples/supportdocs.py"), "--out", out, "--count", str(count), "--seed",
                 "15", "--balance", "--layouts", family])
        if p.returncode:
            problems.append("supportdocs.py --layouts %s --count %d failed: %s" % (family, count, p.stderr[-400:]))
        return not p.returncode

    full, nine = os.path.join(tmp, "p72"), os.path.join(tmp, "p9")
    if not generate(full, 72):
        return []
    sts = [json.load(open(t)) for t in sorted(glob.glob(os.path.join(full, "*.json")))
           if not t.endswith(".case.json")]
    if len(sts) != 72:
        problems.append("72 pages asked, %d truths" % len(sts))
    out = []
    for t in sts:
        case = json.load(open(os.path.join(full, t["case"])))
        out.append((t, case, support_page(t, case, problems, family, parse_date, same_address)))
        duplicate_files(t, full, problems)
    if {t["kind"] for t in sts} != SUPPORT_TYPES:
        problems.append("kinds %s, expected all nine" % sorted({t["kind"] for t in sts}))
    found = {t["defect"] for t in sts if t["defect"]}
    if found != set(SUPPORT_KINDS) | set(extra):
        problems.append("defects %s, expected all %d" % (sorted(found), len(SUPPORT_KINDS) + len(extra)))
    genuine = sum(1 for t in sts if not t["defect"])
    if genuine < 20:
        problems.append("%d genuine pages in 72" % genuine)
    got = {t["ocr_langs"] for t in sts}
    if not set(langs) <= got:
        problems.append("ocr_langs %s: expected %s among them" % (sorted(got), sorted(langs)))
    print("%s: 72 pages, %d genuine, defects %s" % (
        name, genuine, ", ".join("%s %d" % (k, sum(1 for t in sts if t["defect"] == k)) for k in sorted(found))))
    # Determinism: the first nine pages again, alone.
    if generate(nine, 9):
        for path in sorted(glob.glob(os.path.join(nine, "*"))):
            other = os.path.join(full, os.path.basename(path))
            if not (os.path.isfile(other) and filecmp.cmp(path, other, shallow=False)):
                problems.append("%s differs between the runs of 9 and 72" % os.path.basename(path))
                break
        if len(glob.glob(os.path.join(nine, "*.jpg"))) < 9:
            problems.append("a run of 9 wrote fewer than 9 pages")
    return out


def finish(name, tmp, problems):
    """Removes the scratch folder, prints the problems; the exit status."""
    run(["rm", "-rf", tmp])
    for s in problems:
        print("%s: %s" % (name, s))
    if not problems:
        print("%s: ok" % name)
    return 1 if problems else 0


def parse_forms(s, forms, split_weekday):
    """A date written in one of forms [(pattern, its groups -> (year,
    month, day))], its weekday (split_weekday) set aside; None otherwise."""
    _, s = split_weekday(s)
    for pattern, ymd in forms:
        m = re.fullmatch(pattern, s)
        if m:
            try:
                return datetime.date(*ymd(m.groups()))
            except (TypeError, ValueError):
                return None
    return None


def weekday_check(t, problems, seen, split_weekday, parse_date, variants):
    """Weekdays before dates (split_weekday, parse_date): the date's own,
    but on the issue date of a weekday_mismatch page, where no look-alike
    reading of the date (variants) falls on it either (heldout12s,
    heldout13s)."""
    f, defect = t["file"], t["defect"]
    mismatched = 0
    for fld in t["fields"]:
        wd, rest = split_weekday(fld["value"])
        d = parse_date(rest)
        if wd is None or d is None:
            continue
        seen["date weekday"] += 1
        if wd != d.weekday():
            mismatched += 1
            if fld["name"] != "issue_date" or defect != "weekday_mismatch":
                problems.append("%s (%s): %s %r is not the date's weekday" % (f, defect or "genuine", fld["name"],
                                                                               fld["value"]))
            elif any(v.weekday() == wd for v in variants(d)):
                problems.append("%s: the weekday of %r is a look-alike reading's" % (f, fld["value"]))
    if (defect == "weekday_mismatch") != (mismatched == 1):
        problems.append("%s (%s): %d dates with another day's weekday" % (f, defect or "genuine", mismatched))


WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def english_weekday(s):
    """(weekday index or None, the date without it): an English weekday
    before a date, "Tuesday, ..." or "Tue ..." (heldout14s)."""
    s = s.strip()
    m = re.match(r"([A-Z][a-z]+day), (?=\S)", s) or re.match(r"([A-Z][a-z]{2}) (?=\d)", s)
    if m:
        w = m.group(1).lower()
        hits = [k for k, d in enumerate(WEEKDAYS) if d == w or (len(w) == 3 and d.startswith(w))]
        if hits:
            return hits[0], s[m.end():]
    return None, s
