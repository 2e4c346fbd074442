#!/usr/bin/python3
"""The reading of supporting pages, not the rules: how many of a generated
page's truth words OCR read exactly. Usage: bench/supwords.py OUT [FAMILY...]
[--pages] (OUT as bench/supportdocs.sh leaves it, screened with
SUPPORTDOCS_WORDS=1 so that OUT/reports/NAME.words holds the words the
scanner read, DOCSCREEN_DEBUG_SUP_WORDS=1).

A truth word is a whitespace-separated token of the page's truth, its
leading and trailing punctuation cut ("Bello," -> "Bello"); it is read when
a word OCR read on the page, cut the same way, is equal to it (each OCR word
counts once). Three sets of words per page:
  fields  the values of the truth's fields (names, dates, addresses, numbers)
  title   the page's largest-printed line (its title or issuer)
  all     every text run the generator drew
Shares are pooled over the words of a group (capture kind; page type; each
mark drawn; typewriter text), per family. --pages lists each page's field share too.
"""
import collections
import glob
import json
import os
import sys

PUNCT = ".,:;()[]{}\"'|!?*_\u2018\u2019\u201c\u201d"


def tokens(text):
    out = []
    for t in text.split():
        t = t.strip(PUNCT)
        if t:
            out.append(t)
    return out


def read_words(path):
    words = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 6 and parts[0] == "sup-word":
                words.extend(tokens(parts[5]))
    return words


def share(truth_words, read):
    left = collections.Counter(read)
    hit = 0
    for w in truth_words:
        if left[w] > 0:
            left[w] -= 1
            hit += 1
    return hit, len(truth_words)


def title_run(runs):
    if not runs:
        return ""
    top = max(r.get("size_pt", 0) for r in runs)
    for r in runs:
        if r.get("size_pt", 0) == top:
            return r.get("text", "")
    return ""


def main(argv):
    out = argv[1] if len(argv) > 1 else "bench/out/supportdocs"
    fams = [a for a in argv[2:] if not a.startswith("--")]
    per_page = "--pages" in argv
    # (family, group) -> kind -> [hit, total]
    acc = collections.defaultdict(lambda: {k: [0, 0] for k in ("fields", "title", "all")})
    pages = collections.Counter()
    missing = 0
    for t in sorted(glob.glob(os.path.join(out, "pages", "*.json"))):
        if t.endswith(".case.json"):
            continue
        truth = json.load(open(t))
        if fams and truth.get("family") not in fams:
            continue
        stem = truth["file"][:-4]
        wp = os.path.join(out, "reports", stem + ".words")
        rp = os.path.join(out, "reports", stem + ".json")
        if not os.path.exists(wp) or not os.path.exists(rp) or os.path.getsize(rp) == 0:
            missing += 1  # not screened, or its screening stopped (no report)
            continue
        read = read_words(wp)
        sets = {
            "fields": [w for f in truth.get("fields", []) for w in tokens(str(f.get("value", "")))],
            "title": tokens(title_run(truth.get("runs", []))),
            "all": [w for r in truth.get("runs", []) for w in tokens(r.get("text", ""))],
        }
        fam = truth.get("family", "?")
        groups = ["(all)", "capture " + str(truth.get("capture") or "-")]
        groups.append("type " + str(truth.get("kind") or "-"))
        groups += ["mark " + m for m in sorted(set(truth.get("marks") or []))]
        if truth.get("typed"):
            groups.append("typed")
        res = {k: share(v, read) for k, v in sets.items()}
        for g in groups:
            pages[(fam, g)] += 1
            for k, (h, n) in res.items():
                acc[(fam, g)][k][0] += h
                acc[(fam, g)][k][1] += n
        if per_page:
            h, n = res["fields"]
            ha, na = res["all"]
            print(f"{stem:40s} {fam:10s} {str(truth.get('capture')):10s} "
                  f"{','.join(truth.get('marks') or []):20s} fields {h}/{n} all {ha}/{na}")
    print(f"{'family':10s} {'group':28s} {'pages':>5s} {'fields':>14s} {'title':>14s} {'all':>16s}")
    for (fam, g) in sorted(acc, key=lambda k: (k[0], k[1] != "(all)", k[1])):
        a = acc[(fam, g)]
        cells = []
        for k, width in (("fields", 14), ("title", 14), ("all", 16)):
            h, n = a[k]
            cells.append(f"{h}/{n} {100.0 * h / n:.0f}%".rjust(width) if n else "-".rjust(width))
        print(f"{fam:10s} {g:28s} {pages[(fam, g)]:5d} {' '.join(cells)}")
    if missing:
        print(f"pages left out (no words file or no report: not screened with SUPPORTDOCS_WORDS=1, or stopped): {missing}")


if __name__ == "__main__":
    main(sys.argv)
