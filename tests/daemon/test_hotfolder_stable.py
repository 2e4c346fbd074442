"""Half-written hot-folder files are not screened (issue 14, defect 8):
with the defaults (hotfolder_require_ready = false), a file written in
place into the inbox is taken only once its size and mtime have held still
for hotfolder_stable_ms (2 s); a file with a NAME.ready marker is taken
at once."""
import json
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from dtest import Daemon, check, done, samples  # noqa: E402

build, source = sys.argv[1], sys.argv[2]
page = [p for p in samples(source) if p.endswith("0004-td3.jpg")][0]
data = open(page, "rb").read()
FAST = ["viz=false", "forensics=false", "barcodes=false"]


def listing(folder):
    return sorted(os.listdir(folder)) if os.path.isdir(folder) else []


d = Daemon(build, source, extra=FAST + ["hotfolder_interval_ms=100"], workers=1)
try:
    inbox = os.path.join(d.dir, "inbox")
    os.makedirs(inbox)
    d.extra.append("hotfolder.desk=" + inbox)
    d.start()
    slow = os.path.join(inbox, "slow.jpg")
    with open(slow, "wb") as f:
        # a slow copy: a chunk every 0.3 s for 2.4 s
        step = len(data) // 8 + 1
        for i in range(0, len(data), step):
            f.write(data[i:i + step])
            f.flush()
            time.sleep(0.3)
            if i + step < len(data):
                check(os.path.exists(slow) and not listing(os.path.join(inbox, "failed")),
                      "a file being written is not taken (%d of %d bytes)" % (i + step, len(data)))
    t_closed = time.time()
    t0 = time.time()
    while time.time() - t0 < 40 and not [f for f in listing(os.path.join(inbox, "done"))
                                         if f.endswith(".report.json")]:
        time.sleep(0.1)
    got = listing(os.path.join(inbox, "done"))
    check(len(got) == 2, "the file is screened once complete: %s / failed %s"
          % (got, listing(os.path.join(inbox, "failed"))))
    check(time.time() - t_closed >= 1.5, "it was taken only after it held still")
    for f in got:
        if f.endswith(".report.json"):
            rep = json.load(open(os.path.join(inbox, "done", f)))
            check(rep.get("verdict") != "error" and rep.get("documents"),
                  "the whole file was screened: %s" % rep.get("error"))

    # a marker makes a file complete at once
    quick = os.path.join(inbox, "quick.jpg")
    shutil.copy(page, quick)
    open(quick + ".ready", "w").close()
    t0 = time.time()
    while time.time() - t0 < 20 and os.path.exists(quick):
        time.sleep(0.05)
    check(not os.path.exists(quick) and time.time() - t0 < 1.5,
          "a file with a .ready marker is taken at once (%.1f s)" % (time.time() - t0))
finally:
    d.cleanup()
done("daemon_hotfolder_stable")
