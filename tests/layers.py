#!/usr/bin/env python3
"""The architecture as a test: tests/layers.py SOURCE_DIR

- The folders of src/ are in data-flow order (CMakeLists.txt,
  DS_LIB_STAGES then DS_SERVICE_STAGES): a file includes headers of its own
  folder and of earlier folders only.
- No two source files call each other (a function defined in A is called in
  B and one defined in B is called in A).
- No source file is over 1,200 lines.
- tools/ and the library's users include only the public header
  (docscreen/...) or their own folder: tools/docscreen.c uses the public
  API alone.
- No comment points outside the repository (../shared).
Prints every breach and exits 1 when there is one.
"""
import os
import re
import sys

MAX_LINES = 1200


def stages(root):
    text = open(os.path.join(root, "CMakeLists.txt"), encoding="utf-8").read()
    order = []
    for var in ("DS_LIB_STAGES", "DS_SERVICE_STAGES"):
        m = re.search(r"set\(%s ([^)]*)\)" % var, text)
        if not m:
            sys.exit("layers: %s not found in CMakeLists.txt" % var)
        order += m.group(1).split()
    return order


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", " ", text)
    return re.sub(r'"(\\.|[^"\\])*"', '""', text)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    order = stages(root)
    rank = {s: i for i, s in enumerate(order)}
    problems = []
    files = []
    for stage in order:
        d = os.path.join(root, "src", stage)
        if not os.path.isdir(d):
            problems.append("src/%s: listed in CMakeLists.txt but missing" % stage)
            continue
        for f in sorted(os.listdir(d)):
            if f.endswith((".c", ".h", ".cpp")):
                files.append((stage, os.path.join("src", stage, f)))
    for d in sorted(os.listdir(os.path.join(root, "src"))):
        if d not in rank:
            problems.append("src/%s: a folder outside the pipeline order of CMakeLists.txt" % d)
    defined, calls = {}, {}
    for stage, rel in files:
        text = open(os.path.join(root, rel), encoding="utf-8", errors="replace").read()
        if text.count("\n") > MAX_LINES:
            problems.append("%s: %d lines (at most %d)" % (rel, text.count("\n"), MAX_LINES))
        if "../shared" in text:
            problems.append("%s: points outside the repository (../shared)" % rel)
        for inc in re.findall(r'#include "([a-z_]+)/[^"]+"', text):
            if inc == "docscreen":
                continue
            if inc not in rank:
                problems.append("%s: includes %s/, not a folder of src/" % (rel, inc))
            elif rank[inc] > rank[stage]:
                problems.append("%s: includes %s/, a later stage" % (rel, inc))
        if rel.endswith((".c", ".cpp")):
            code = strip_comments(text)
            for m in re.finditer(r"^[A-Za-z_][\w \*]*?\b(ds_\w+)\s*\([^;{]*\)\s*\{", code, re.M):
                defined.setdefault(m.group(1), rel)
            calls[rel] = set(re.findall(r"\b(ds_\w+)\s*\(", code))
    edges = {}
    for rel, names in calls.items():
        for n in names:
            owner = defined.get(n)
            if owner and owner != rel:
                edges.setdefault(rel, set()).add(owner)
    seen = set()
    for a, outs in edges.items():
        for b in outs:
            if a in edges.get(b, ()) and (b, a) not in seen:
                seen.add((a, b))
                problems.append("%s and %s call each other" % (a, b))
    for rel in ("tools/docscreen.c",):
        text = open(os.path.join(root, rel), encoding="utf-8").read()
        for inc in re.findall(r'#include "([^"]+)"', text):
            if not inc.startswith("docscreen/"):
                problems.append("%s: includes %s, not the public header" % (rel, inc))
    for p in problems:
        print("layers: " + p)
    print("layers: %d files in %d stages, %d problem(s)" % (len(files), len(order), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
