#!/usr/bin/python3
"""Counts the real specimen MRZs docscreen reads exactly.

Screens the real specimen images that have a known true MRZ with a docscreen
binary (`scan --json --mrz-only`) and compares the lines it reports with the
true lines, character for character. The truth is the `mrz_lines` column of
../shared/realdata/mrz-vectors.tsv; TRUTH below names, for each image, the
line of that file that holds what the image prints (checked by eye against
the image: vectors whose text differs from the printed MRZ, such as the
Liechtenstein and Interpol literals, are left out). It only reads the
vectors and runs the binary; it never writes a file.

usage: real-exact.py PATH/TO/docscreen [--jobs 2] [--verbose]
Last line: exact N/M
"""
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
REAL = os.environ.get("BENCH_REAL_ROOT", os.path.join(HERE, "..", "..", "shared", "realdata"))

# image -> line number (1-based, header = 1) of mrz-vectors.tsv
TRUTH = {
    "arg_id_cards_Latvia.png": 53,
    "arg_id_cards_Monaco.png": 54,
    "arg_id_cards_Serbia.png": 37,
    "arg_id_cards_Spain.png": 38,
    "arg_id_cards_Sweden.png": 55,
    "arg_other_TD2_ICAO_Example.png": 15,
    "arg_passports_Canada.png": 45,
    "arg_passports_Czech_Republic.png": 56,
    "arg_passports_ICAO_Example.png": 16,
    "arg_passports_Ukraine.png": 44,
    "arg_visas_France.png": 58,
    "arg_visas_MRVA_ICAO_Example.png": 47,
    "arg_visas_MRVB_ICAO_Example.png": 51,
    "arg_visas_USA.png": 46,
    "arg_visas_USA2.png": 50,
    "pe_100_pass-cze.jpg": 56,
    "pe_100_pass-polx.jpg": 63,
    "pe_100_pass-uto.jpg": 16,
    "pe_100_pass2-uto.jpg": 15,
    "pe_100_visa-usa.jpg": 50,
    "pe_25_pass-uto.jpg": 16,
    "pe_79_pass-can.jpg": 45,
    "pe_passport-td2.jpg": 15,
    "pe_passport-td2.png": 15,
    "pe_passport-td3.jpg": 16,
    "pe_passport-td3.png": 16,
}


def truth_lines():
    path = os.path.join(REAL, "mrz-vectors.tsv")
    with open(path, encoding="utf-8") as f:
        rows = f.read().split("\n")
    out = {}
    for img, n in TRUTH.items():
        cols = rows[n - 1].split("\t")
        out[img] = cols[1].split("|")
    return out


def read(binary, img):
    try:
        p = subprocess.run([binary, "scan", "--json", "--mrz-only",
                            os.path.join(REAL, "mrz-images", img)],
                           capture_output=True, text=True, timeout=120)
        rep = json.loads(p.stdout)
        docs = rep.get("documents") or []
        mrz = docs[0].get("mrz") if docs else None
        return (mrz or {}).get("lines") or []
    except Exception:
        return []


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary = sys.argv[1]
    jobs = int(sys.argv[sys.argv.index("--jobs") + 1]) if "--jobs" in sys.argv else 2
    verbose = "--verbose" in sys.argv
    truth = truth_lines()
    imgs = sorted(truth)
    with ThreadPoolExecutor(jobs) as ex:
        got = dict(zip(imgs, ex.map(lambda i: read(binary, i), imgs)))
    exact = 0
    for img in imgs:
        if got[img] == truth[img]:
            exact += 1
        elif verbose:
            print("%s:\n  read %s\n  true %s" % (img, "|".join(got[img]), "|".join(truth[img])))
    print("exact %d/%d" % (exact, len(imgs)))


if __name__ == "__main__":
    main()
