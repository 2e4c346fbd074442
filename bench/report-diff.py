#!/usr/bin/env python3
"""Compares two folders of reports written by bench/reports.sh.

Usage: bench/report-diff.py BEFORE_DIR AFTER_DIR

Every report must be byte-identical once the timings are taken out
(timing_ms and a stage's "ms" are measurements, not results), and every exit status the same.
Prints one line per difference and a summary; exits 1 when anything differs,
2 when a folder is missing or empty.
"""
import json
import os
import re
import sys

TIMING = re.compile(r'"timing_ms":\s*\{[^{}]*\}')
# A stage's own time inside a document (the driver-licence front's "ms").
STAGE_MS = re.compile(r'"ms":\s*[0-9.eE+-]+')


def strip(text):
    return STAGE_MS.sub('"ms":0', TIMING.sub('"timing_ms":{}', text))


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    before, after = sys.argv[1], sys.argv[2]
    for d in (before, after):
        if not os.path.isdir(d) or not os.listdir(d):
            print(f"report-diff: {d} is missing or empty", file=sys.stderr)
            return 2
    names = sorted(set(os.listdir(before)) | set(os.listdir(after)))
    differ = same = 0
    for n in names:
        a, b = os.path.join(before, n), os.path.join(after, n)
        if not os.path.exists(a) or not os.path.exists(b):
            print(f"only in {'after' if os.path.exists(b) else 'before'}: {n}")
            differ += 1
            continue
        ta, tb = strip(open(a, encoding="utf-8", errors="replace").read()), strip(
            open(b, encoding="utf-8", errors="replace").read())
        if ta == tb:
            same += 1
            continue
        differ += 1
        detail = ""
        try:
            ja, jb = json.loads(ta), json.loads(tb)
            keys = [k for k in set(ja) | set(jb) if ja.get(k) != jb.get(k)]
            detail = " (top-level keys that differ: " + ", ".join(sorted(keys)) + ")" if keys \
                else " (same values, different bytes: key order or number format)"
        except ValueError:
            pass
        print(f"differs: {n}{detail}")
    print(f"report-diff: {same} identical, {differ} different")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
