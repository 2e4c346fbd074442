#!/usr/bin/python3
"""
quality.py: does IMAGE_QUALITY_LOW mark the pages whose MRZ is misread?

For every page of two sets it records the image measures docscreen reports
(documents[].image: sharpness, effective_dpi, glare), whether the
IMAGE_QUALITY_LOW flag was raised and with which message, and whether the MRZ
was read exactly (every line, character for character, as the truth):

  real  the specimens of ../shared/realdata/mrz-images whose true MRZ lines
        are rows of ../shared/realdata/mrz-vectors.tsv (REAL_TRUTH below
        names the row of each image; images without a row are recorded with
        exact = None and scored only by the "all check digits valid" proxy);
  gen   pages of samples/generate.py --degrade full (truth in their JSON).

It then prints, per measure and threshold, the misread rate of the pages the
threshold would flag and of the others, and the share flagged; then the same
for the old rule, the current rule (docscreen's thresholds, simulated from the
measures) and the flag as the binary actually raised it.

  bench/quality.py run [--build build] [--count 300] [--seed 7] [--low-dpi 75,100]
                       [--low-count 60] [--out bench/out/quality]
  bench/quality.py table [--out bench/out/quality]      (again, from records.tsv)

It must never tune anything per file: the truth map only says which vector
is the MRZ printed on which image.
"""
import argparse
import csv
import glob
import json
import os
import subprocess
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
REAL_DIR = os.path.join(os.path.dirname(ROOT), "shared", "realdata", "mrz-images")
VECTORS = os.path.join(os.path.dirname(ROOT), "shared", "realdata", "mrz-vectors.tsv")
TODAY = "2026-11-23"

# Image -> (substring of the vector's source column, substring of its
# mrz_lines) naming the one row of mrz-vectors.tsv that is the MRZ printed on
# the image (SOURCES.md names the generator or test of each Arg0s1080 image;
# the PassportEye images are the ICAO Utopia specimens, the Polish and Canadian
# specimens and the US visa specimen, checked by eye).
UTO_TD3 = ("td3.test.ts :: it('Utopia example')", "")
UTO_TD2 = ("td2.test.ts :: it('Utopia example')", "")
REAL_TRUTH = {
    "arg_id_cards_Latvia.png": ("id_card_lva.py", ""),
    "arg_id_cards_Monaco.png": ("id_card_mco.py", ""),
    "arg_id_cards_Serbia.png": ("tests/td1_chk_02.py", ""),
    "arg_id_cards_Spain.png": ("tests/td1_chk_03.py", ""),
    "arg_id_cards_Sweden.png": ("id_card_swe.py", ""),
    "arg_other_TD2_ICAO_Example.png": ("tests/td2_chk_01.py", ""),
    "arg_passports_Canada.png": ("tests/td3_chk_04.py", ""),
    "arg_passports_Czech_Republic.png": ("passport_cze.py", ""),
    "arg_passports_ICAO_Example.png": UTO_TD3,
    "arg_passports_Ukraine.png": ("tests/td3_chk_02.py", ""),
    "arg_visas_France.png": ("visa_mrvb_fra.py", ""),
    "arg_visas_MRVA_ICAO_Example.png": ("tests/mrva_chk_02.py", ""),
    "arg_visas_MRVB_ICAO_Example.png": ("tests/mrvb_chk_01.py", ""),
    "arg_visas_USA.png": ("tests/mrva_chk_01.py", ""),
    "arg_visas_USA2.png": ("tests/mrva_gnt_02.py", ""),
    "pe_passport-td3.jpg": UTO_TD3,
    "pe_passport-td3.png": UTO_TD3,
    "pe_100_pass-uto.jpg": UTO_TD3,
    "pe_25_pass-uto.jpg": UTO_TD3,
    "pe_passport-td2.jpg": UTO_TD2,
    "pe_passport-td2.png": UTO_TD2,
    "pe_100_pass2-uto.jpg": UTO_TD2,
    "pe_100_pass-polx.jpg": ("PassportEye", "P<POLKOWALSKA<KWIATKOWSKA<<JOANNA"),
    "pe_100_visa-usa.jpg": ("tests/mrva_gnt_02.py", ""),
    "pe_79_pass-can.jpg": ("tests/td3_chk_04.py", ""),
    "pe_100_pass-cze.jpg": ("passport_cze.py", ""),
}

# The rules compared: each takes (sharpness, dpi, glare) and says whether the
# page is flagged. "old" is the rule before issue 13; "current" mirrors
# ds_forensics_quality (src/forensics/forensics.h) and must be kept in step.
def rule_old(s, d, g):
    return d < 140 or s < 0.030 or g > 0.04


def rule_current(s, d, g):
    return d < 80 or s < 0.015 or g > 0.04


RULES = [("old: dpi<140 | sharp<0.030 | glare>0.04", rule_old),
         ("current (forensics.h)", rule_current)]


def load_vectors():
    with open(VECTORS, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def real_truth(vectors):
    """{image name: [true MRZ lines]}; an entry that names no row or several
    is a mistake in REAL_TRUTH and stops the run."""
    out = {}
    for name, (src, lines) in REAL_TRUTH.items():
        rows = [v for v in vectors if src in v["source"] and lines in v["mrz_lines"]]
        if len({r["mrz_lines"] for r in rows}) != 1:
            sys.exit("quality.py: REAL_TRUTH[%s] matches %d rows" % (name, len(rows)))
        out[name] = rows[0]["mrz_lines"].split("|")
    return out


def gen_truth(gen_dir):
    """{(file name, page): [true MRZ lines]} from the generator's JSON."""
    out = {}
    for jf in sorted(glob.glob(os.path.join(gen_dir, "*.json"))):
        with open(jf, encoding="utf-8") as f:
            obj = json.load(f)
        for p in obj.get("pages", [obj]):
            if "file" in p:
                out[(os.path.basename(p.get("file") or obj.get("file")), int(p.get("page") or 0))] = \
                    p.get("mrz_lines") or []
    return out


def scan(build, files, out_path):
    """One docscreen process over files (reports as JSON lines). VIZ and
    barcodes are off: the image measures and the MRZ do not depend on them."""
    cmd = [os.path.join(build, "docscreen"), "scan", "--json", "--no-barcodes", "--no-viz",
           "--today", TODAY] + files
    with open(out_path, "w", encoding="utf-8") as f:
        subprocess.run(cmd, stdout=f, stderr=subprocess.DEVNULL, check=False)


def records_of(jsonl, set_name, truth_of):
    recs = []
    with open(jsonl, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            name = os.path.basename(r["file"])
            docs = r.get("documents") or []
            pages = {d["page"] for d in docs} or {0}
            for page in sorted(pages):
                d = next((x for x in docs if x["page"] == page and x.get("mrz")), None) or \
                    next((x for x in docs if x["page"] == page), {})
                mrz = d.get("mrz") or {}
                im = d.get("image") or {}
                flag = next((fl for fl in r.get("flags", [])
                             if fl["code"] == "IMAGE_QUALITY_LOW" and fl.get("page") == page), None)
                truth = truth_of(name, page)
                read = mrz.get("lines") or []
                recs.append({
                    "set": set_name, "file": name, "page": page,
                    "measured": "sharpness" in im,
                    "sharpness": im.get("sharpness", -1), "dpi": im.get("effective_dpi", -1),
                    "glare": im.get("glare", -1),
                    "exact": None if truth is None else (bool(truth) and read == truth),
                    "valid": bool(mrz.get("valid")),
                    "flagged": flag is not None,
                    "message": flag["message"] if flag else "",
                })
    return recs


FIELDS = ["set", "file", "page", "measured", "sharpness", "dpi", "glare", "exact", "valid",
          "flagged", "message"]


def write_records(recs, path):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, FIELDS, delimiter="\t")
        w.writeheader()
        for r in recs:
            w.writerow(r)


def read_records(path):
    def b(v):
        return None if v in ("", "None") else v == "True"
    recs = []
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            r["page"] = int(r["page"])
            for k in ("sharpness", "dpi", "glare"):
                r[k] = float(r[k])
            for k in ("measured", "exact", "valid", "flagged"):
                r[k] = b(r[k])
            recs.append(r)
    return recs


# ------------------------------------------------------------------ table --

def split(recs, flagged, wrong):
    """(flagged pages, misread among them, other pages, misread among them)."""
    f = [r for r in recs if flagged(r)]
    o = [r for r in recs if not flagged(r)]
    return len(f), sum(wrong(r) for r in f), len(o), sum(wrong(r) for r in o)


def cell(n, k):
    return "%d/%d %5.1f%%" % (k, n, 100.0 * k / n) if n else "0/0    -  "


def row(label, recs, flagged, wrong):
    nf, kf, no, ko = split(recs, flagged, wrong)
    n = nf + no
    return "  %-42s %7s %-17s %-17s" % (label, "%.0f%%" % (100.0 * nf / n) if n else "-",
                                          cell(nf, kf), cell(no, ko))


def header():
    return "  %-42s %7s %-17s %-17s" % ("flag when", "flagged", "misread if flagged",
                                        "misread if not")


SWEEP = [
    ("sharpness <", "sharpness", [0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.10], lambda v, t: v < t),
    ("effective dpi <", "dpi", [50, 60, 70, 80, 90, 100, 120, 140], lambda v, t: v < t),
    ("glare >", "glare", [0.0, 0.02, 0.04, 0.10], lambda v, t: v > t),
]


def print_set(title, recs, wrong, note):
    meas = [r for r in recs if r["measured"]]
    print("== %s: %d pages measured (%s) ==" % (title, len(meas), note))
    if not meas:
        return
    print(header())
    for label, key, ts, test in SWEEP:
        for t in ts:
            print(row("%s %g" % (label, t), meas, lambda r, k=key, t=t, f=test: f(r[k], t), wrong))
    print("  combinations")
    for s, d in [(0.04, 150), (0.05, 150), (0.06, 150), (0.06, 120), (0.08, 150)]:
        print(row("sharpness < %g and dpi < %g" % (s, d), meas,
                  lambda r, s=s, d=d: r["sharpness"] < s and r["dpi"] < d, wrong))
    print("  rules")
    for label, rule in RULES:
        print(row(label, meas, lambda r, f=rule: f(r["sharpness"], r["dpi"], r["glare"]), wrong))
    print(row("flag raised by this build", meas, lambda r: r["flagged"], wrong))
    print()


def cmd_table(args):
    recs = read_records(os.path.join(args.out, "records.tsv"))
    real = [r for r in recs if r["set"] == "real"]
    gen = [r for r in recs if r["set"] == "gen"]
    real_t = [r for r in real if r["exact"] is not None]

    print_set("Real specimens with true MRZ lines", real_t, lambda r: not r["exact"],
              "misread = some line not exactly the truth")
    print_set("All real specimens", real, lambda r: not r["valid"],
              "proxy: misread = some check digit or the format fails; Malta_BAD fails by design")
    print_set("Generated pages, --degrade full", gen, lambda r: not r["exact"],
              "misread = some line not exactly the truth")
    for dset in sorted({r["set"] for r in recs if r["set"].startswith("gen-dpi")}):
        print_set("Generated pages, --degrade full --dpi %s" % dset[7:],
                  [r for r in recs if r["set"] == dset], lambda r: not r["exact"],
                  "misread = some line not exactly the truth")
    lost = [r for r in gen if not r["measured"]]
    print("Not measured (no MRZ found, so no measure and no flag): %d generated pages, "
          "%d real specimens." % (len(lost), sum(1 for r in real if not r["measured"])))
    flagged = [r for r in recs if r["flagged"]]
    reasons = {}
    for r in flagged:
        key = r["message"].split("(")[0].strip()
        reasons[key] = reasons.get(key, 0) + 1
    for k, n in sorted(reasons.items(), key=lambda kv: -kv[1]):
        print("  %3d x %s" % (n, k))
    return 0


def cmd_run(args):
    os.makedirs(args.out, exist_ok=True)
    gen_dir = os.path.join(args.out, "gen-%d-%d" % (args.count, args.seed))
    if not glob.glob(os.path.join(gen_dir, "*.json")):
        print("quality: generating %d pages (seed %d, --degrade full) into %s" %
              (args.count, args.seed, gen_dir), file=sys.stderr)
        subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "samples", "generate.py"),
                        "--out", gen_dir, "--count", str(args.count), "--seed", str(args.seed),
                        "--degrade", "full"], check=True, stdout=subprocess.DEVNULL)
    recs = []
    if os.path.isdir(args.real_dir):
        truth = real_truth(load_vectors())
        files = sorted(glob.glob(os.path.join(args.real_dir, "*")))
        scan(args.build, files, os.path.join(args.out, "real.jsonl"))
        recs += records_of(os.path.join(args.out, "real.jsonl"), "real",
                           lambda n, p: truth.get(n) if p == 0 else None)
    else:
        print("quality: %s is absent: real specimens skipped" % args.real_dir, file=sys.stderr)
    gt = gen_truth(gen_dir)
    files = sorted({os.path.join(gen_dir, n) for n, _ in gt})
    scan(args.build, files, os.path.join(args.out, "gen.jsonl"))
    recs += records_of(os.path.join(args.out, "gen.jsonl"), "gen", lambda n, p: gt.get((n, p), []))
    # The same degradations at a fixed low resolution (--dpi): the --degrade
    # full set has none below 150 dpi, where reading starts to fail.
    for dpi in [int(d) for d in args.low_dpi.split(",") if d]:
        ddir = os.path.join(args.out, "gen-dpi%d-%d-%d" % (dpi, args.low_count, args.seed))
        if not glob.glob(os.path.join(ddir, "*.json")):
            subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "samples", "generate.py"),
                            "--out", ddir, "--count", str(args.low_count), "--seed", str(args.seed + 4),
                            "--degrade", "full", "--dpi", str(dpi)], check=True,
                           stdout=subprocess.DEVNULL)
        dt = gen_truth(ddir)
        jl = os.path.join(args.out, "gen-dpi%d.jsonl" % dpi)
        scan(args.build, sorted({os.path.join(ddir, n) for n, _ in dt}), jl)
        recs += records_of(jl, "gen-dpi%d" % dpi, lambda n, p, dt=dt: dt.get((n, p), []))
    write_records(recs, os.path.join(args.out, "records.tsv"))
    return cmd_table(args)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("run", "table"):
        p = sub.add_parser(name)
        p.add_argument("--out", default=os.path.join(ROOT, "bench", "out", "quality"))
        if name == "run":
            p.add_argument("--build", default=os.path.join(ROOT, "build"))
            p.add_argument("--count", type=int, default=300)
            p.add_argument("--seed", type=int, default=7)
            p.add_argument("--real-dir", default=REAL_DIR)
            p.add_argument("--low-dpi", default="75,100", help="fixed-resolution sets, comma-separated")
            p.add_argument("--low-count", type=int, default=60)
    args = ap.parse_args()
    return cmd_run(args) if args.cmd == "run" else cmd_table(args)


if __name__ == "__main__":
    sys.exit(main())
