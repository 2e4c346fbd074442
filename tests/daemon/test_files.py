"""Files and folders the service creates (issue 14, defect 6): every file
is 0600 and every directory 0700 whatever the umask (store, WAL, blobs,
hot-folder reports, the port file), and scratch folders left by dead
daemons are removed at start while a live one's is kept."""
import fcntl
import os
import shutil
import stat
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from dtest import Daemon, check, done, samples  # noqa: E402

build, source = sys.argv[1], sys.argv[2]
page = [p for p in samples(source) if p.endswith("0004-td3.jpg")][0]

os.umask(0o022)
d = Daemon(build, source, extra=["viz=false", "forensics=false", "barcodes=false",
                                 "hotfolder_interval_ms=100"], workers=1)
try:
    tmp = os.path.join(d.dir, "scratch")
    os.makedirs(tmp)
    dead = os.path.join(tmp, "docscreend-AAAAAA")
    os.makedirs(os.path.join(dead, "sub"))
    open(os.path.join(dead, "sub", "page.pgm"), "w").close()
    live = os.path.join(tmp, "docscreend-BBBBBB")
    os.makedirs(live)
    live_fd = os.open(live, os.O_RDONLY | os.O_DIRECTORY)
    fcntl.flock(live_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    other = os.path.join(tmp, "not-ours")
    os.makedirs(other)
    inbox = os.path.join(d.dir, "inbox")
    os.makedirs(inbox)
    d.extra += ["tmp_dir=" + tmp, "hotfolder.desk=" + inbox]
    d.start()
    check(not os.path.exists(dead), "the dead daemon's scratch folder is removed")
    check(os.path.isdir(live), "a live daemon's scratch folder is kept")
    check(os.path.isdir(other), "other folders are left alone")
    mine = [f for f in os.listdir(tmp) if f.startswith("docscreend-") and f != "docscreend-BBBBBB"]
    check(len(mine) == 1, "one scratch folder of our own: %s" % mine)
    tok = d.make_tokens()
    st, b = d.submit(tok["station"], "K-1", page)
    d.wait_job(tok["officer"], b["job_id"])
    shutil.copy(page, os.path.join(inbox, "a.jpg"))
    t0 = time.time()
    while time.time() - t0 < 30 and len(os.listdir(os.path.join(inbox, "done"))
                                        if os.path.isdir(os.path.join(inbox, "done")) else []) < 2:
        time.sleep(0.1)
    bad = []
    for root in (d.db + ".blobs", inbox, os.path.join(tmp, mine[0]) if mine else tmp):
        for dirpath, dirs, files in os.walk(root):
            if stat.S_IMODE(os.stat(dirpath).st_mode) != 0o700:
                bad.append((dirpath, oct(stat.S_IMODE(os.stat(dirpath).st_mode))))
            for f in files:
                p = os.path.join(dirpath, f)
                if root == inbox and f == "a.jpg":
                    continue
                if root == inbox and not f.endswith(".report.json"):
                    continue  # the station's own files, moved, not created
                if stat.S_IMODE(os.stat(p).st_mode) != 0o600:
                    bad.append((p, oct(stat.S_IMODE(os.stat(p).st_mode))))
    for f in os.listdir(d.dir):
        if (f.startswith("store.db") or f == "port") and os.path.isfile(os.path.join(d.dir, f)):
            p = os.path.join(d.dir, f)
            if stat.S_IMODE(os.stat(p).st_mode) != 0o600:
                bad.append((p, oct(stat.S_IMODE(os.stat(p).st_mode))))
    # the inbox itself is the station's; its sub-folders are ours
    bad = [x for x in bad if x[0] != inbox]
    check(not bad, "files 0600, folders 0700: %s" % bad)
    d.stop()
    check(not [f for f in os.listdir(tmp) if f in mine], "our scratch folder is removed at stop")
    os.close(live_fd)
finally:
    d.cleanup()
done("daemon_files")
