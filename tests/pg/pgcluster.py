#!/usr/bin/env python3
"""A throw-away PostgreSQL cluster for the tests and the bench.

initdb under a fresh temporary directory, owned by a non-root user (the
server refuses to run as root: as root the cluster belongs to `nobody`),
listening on 127.0.0.1 on a free port with trust authentication for the
superuser `docscreen`; pg_ctl starts, restarts and stops it; the directory is
removed at the end.

As a module: Cluster().start(), .url(db), .createdb(db), .restart(),
.stop(). As a command:

    tests/pg/pgcluster.py run [--fsync] -- CMD ARGS...

starts a cluster, runs CMD with DS_TEST_PG_URL=postgresql://docscreen@
127.0.0.1:PORT (no database: a test makes its own) and stops it; exits with
CMD's status, or 77 (ctest's "skipped") with a message when the PostgreSQL
server binaries are not installed (scripts/install-deps.sh installs them).
"""
import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time

SKIP = 77


def bindir():
    """The newest /usr/lib/postgresql/N/bin holding initdb, or None."""
    found = []
    for d in glob.glob("/usr/lib/postgresql/*/bin"):
        if os.access(os.path.join(d, "initdb"), os.X_OK):
            try:
                found.append((int(os.path.basename(os.path.dirname(d))), d))
            except ValueError:
                pass
    env = os.environ.get("DS_PG_BINDIR")
    if env and os.access(os.path.join(env, "initdb"), os.X_OK):
        return env
    return max(found)[1] if found else None


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Cluster:
    def __init__(self, fsync=False):
        self.bin = bindir()
        if not self.bin:
            raise FileNotFoundError("PostgreSQL server binaries (initdb) not found")
        self.fsync = fsync
        self.dir = tempfile.mkdtemp(prefix="ds-pg-")
        self.data = os.path.join(self.dir, "data")
        self.log = os.path.join(self.dir, "server.log")
        self.port = free_port()
        self.user = None
        if os.geteuid() == 0:
            self.user = pwd.getpwnam("nobody")
            os.chmod(self.dir, 0o700)
            os.chown(self.dir, self.user.pw_uid, self.user.pw_gid)

    def _as_owner(self, argv, **kw):
        """Runs a server binary as the cluster's owner."""
        if self.user:
            uid, gid = self.user.pw_uid, self.user.pw_gid

            def drop():
                os.setgroups([])
                os.setgid(gid)
                os.setuid(uid)
            kw["preexec_fn"] = drop
        env = dict(os.environ, LC_ALL="C.UTF-8", HOME=self.dir)
        env.pop("ASAN_OPTIONS", None)
        env.pop("LD_PRELOAD", None)
        return subprocess.run(argv, cwd=self.dir, env=env, **kw)

    def start(self):
        if not os.path.exists(self.data):
            r = self._as_owner([os.path.join(self.bin, "initdb"), "-D", self.data, "-U", "docscreen",
                                "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            if r.returncode != 0:
                raise RuntimeError("initdb failed:\n" + r.stdout.decode(errors="replace"))
        # fsync off (unless asked) only spares the disk: an immediate stop
        # (the tests' crash) keeps the OS's page cache. synchronous_commit
        # is off too, on purpose: a server so configured answers a commit
        # before its WAL is written, and an immediate stop would lose
        # acknowledged submissions, unless the store turns it back on for
        # its own sessions (store_pg_db.c does; daemon_pg_nodes lost a
        # document before it did).
        opts = ("-p %d -k %s -c listen_addresses=127.0.0.1 -c max_connections=200"
                " -c fsync=%s -c synchronous_commit=%s" %
                (self.port, self.dir, "on" if self.fsync else "off", "on" if self.fsync else "off"))
        r = self._as_owner([os.path.join(self.bin, "pg_ctl"), "-D", self.data, "-l", self.log,
                            "-o", opts, "-w", "-t", "60", "start"],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if r.returncode != 0:
            raise RuntimeError("pg_ctl start failed:\n" + r.stdout.decode(errors="replace") +
                               self.logtext())
        self._watchdog()
        return self

    def _watchdog(self):
        """pg_ctl leaves the server running on its own: should this process
        be killed (a ctest timeout) before destroy(), a small watcher stops
        the server and removes the directory once this process is gone."""
        if getattr(self, "watcher", None):
            return
        script = ('while kill -0 %d 2>/dev/null; do sleep 1; done; '
                  '[ -d "$1" ] || exit 0; '
                  '%s "$2" -D "$1/data" -m immediate -w stop >/dev/null 2>&1; rm -rf "$1"'
                  % (os.getpid(), "runuser -u nobody --" if self.user else ""))
        self.watcher = subprocess.Popen(["/bin/sh", "-c", script, "watchdog", self.dir,
                                         os.path.join(self.bin, "pg_ctl")],
                                        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, start_new_session=True)

    def stop(self, mode="fast"):
        self._as_owner([os.path.join(self.bin, "pg_ctl"), "-D", self.data, "-m", mode, "-w",
                        "stop"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def restart(self, down_s=0.0, mode="immediate"):
        """Stops the server (immediate: as a crash would, connections cut),
        waits down_s seconds, starts it again on the same port."""
        self.stop(mode)
        time.sleep(down_s)
        self.start()

    def logtext(self):
        try:
            return open(self.log, errors="replace").read()[-4000:]
        except OSError:
            return ""

    def server_url(self):
        return "postgresql://docscreen@127.0.0.1:%d" % self.port

    def url(self, db):
        return "%s/%s" % (self.server_url(), db)

    def psql(self, db, sql):
        """Runs sql on db with psql; returns its output."""
        r = subprocess.run([os.path.join(self.bin, "psql"), "-X", "-q", "-A", "-t", "-v",
                            "ON_ERROR_STOP=1", "-d", self.url(db), "-c", sql],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if r.returncode != 0:
            raise RuntimeError("psql: " + r.stderr.decode(errors="replace"))
        return r.stdout.decode()

    def createdb(self, db):
        self.psql("postgres", "CREATE DATABASE %s" % db)
        return self.url(db)

    def destroy(self):
        self.stop("immediate")
        shutil.rmtree(self.dir, ignore_errors=True)
        if getattr(self, "watcher", None):
            self.watcher.kill()
            self.watcher.wait()


def main(argv):
    if len(argv) < 3 or argv[1] != "run":
        print(__doc__)
        return 2
    args = argv[2:]
    fsync = False
    if args and args[0] == "--fsync":
        fsync = True
        args = args[1:]
    if args and args[0] == "--":
        args = args[1:]
    if not bindir():
        print("SKIPPED: the PostgreSQL server binaries (initdb, pg_ctl) are not installed; "
              "scripts/install-deps.sh installs them (package postgresql)")
        return SKIP
    c = Cluster(fsync=fsync)
    try:
        c.start()
        env = dict(os.environ, DS_TEST_PG_URL=c.server_url())
        return subprocess.call(args, env=env)
    finally:
        c.destroy()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
