#!/usr/bin/env bash
# Demo of the screening service: starts docscreend from BUILD_DIR with a
# temporary SQLite store and one hot folder, drops the bundled samples into
# the inbox (atomic rename, as a scanning station does), waits until each is
# screened, prints the reports' summaries through the HTTP API, the address
# of the officer's review page and a ready officer token, and (on a
# terminal, after Enter) stops the daemon (SIGTERM). Everything lives in a
# temporary directory removed at the end.   usage: scripts/demo-daemon.sh BUILD_DIR
set -euo pipefail
build=${1:?usage: scripts/demo-daemon.sh BUILD_DIR}
here=$(cd "$(dirname "$0")/.." && pwd)
daemon="$build/docscreend"
[ -x "$daemon" ] || { echo "demo-daemon: $daemon not built" >&2; exit 2; }
tmp=$(mktemp -d /tmp/docscreen-demo.XXXXXX)
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; wait "$pid" || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
inbox="$tmp/inbox/demo-station"
mkdir -p "$inbox"
store="sqlite:$tmp/store.db"
officer=$("$daemon" --store "$store" --create-token demo-officer officer 2>/dev/null)

DOCSCREEND_PORT_FILE="$tmp/port" "$daemon" --store "$store" --listen 127.0.0.1:0 \
  --set "hotfolder.demo=$inbox" --set hotfolder_interval_ms=200 --set "today=${DEMO_TODAY:-2026-11-23}" --set tmp_dir="$tmp" \
  2>"$tmp/daemon.log" &
pid=$!
for _ in $(seq 1 100); do [ -s "$tmp/port" ] && break; sleep 0.1; done
[ -s "$tmp/port" ] || { echo "demo-daemon: docscreend did not start:" >&2; cat "$tmp/daemon.log" >&2; exit 1; }
port=$(cat "$tmp/port")
echo "docscreend listening on 127.0.0.1:$port, hot folder $inbox"

n=0
for f in "$here"/samples/pages/*.jpg "$here"/samples/pages/*.tif; do
  [ -f "$f" ] || continue
  cp "$f" "$inbox/.$(basename "$f").tmp"
  mv "$inbox/.$(basename "$f").tmp" "$inbox/$(basename "$f")"
  n=$((n + 1))
done
echo "dropped $n sample(s) into the inbox; waiting for the reports..."
for _ in $(seq 1 600); do
  got=$(find "$inbox/done" "$inbox/failed" -maxdepth 1 -type f ! -name '*.report.json' 2>/dev/null | wc -l)
  [ "$got" -ge "$n" ] && break
  sleep 0.2
done

/usr/bin/python3 - "$port" "$officer" "$inbox" <<'PY'
import json, os, sys, urllib.request
port, token, inbox = sys.argv[1], sys.argv[2], sys.argv[3]
def get(path):
    req = urllib.request.Request("http://127.0.0.1:%s%s" % (port, path),
                                 headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read())
jobs = []
for sub in ("done", "failed"):
    d = os.path.join(inbox, sub)
    for f in sorted(os.listdir(d)) if os.path.isdir(d) else []:
        if not f.endswith(".report.json"):
            jobs.append(int(f.split("-", 1)[0]))
print("%-5s %-18s %-6s %-7s %s" % ("JOB", "FILE", "STATE", "VERDICT", "FLAGS / MRZ"))
for j in sorted(jobs):
    rep = get("/v1/jobs/%d/report" % j)
    docs = rep.get("documents", [])
    mrz = ", ".join("%s %s %s" % (x.get("type", "?"),
                                  (x.get("mrz") or {}).get("fields", {}).get("issuing_state", ""),
                                  (x.get("mrz") or {}).get("fields", {}).get("document_number", ""))
                    for x in docs)
    flags = ",".join(f["code"] for f in rep.get("flags", [])) or "-"
    print("%-5d %-18s %-6s %-7s %s | %s" % (j, rep.get("file", "")[:18],
          get("/v1/jobs/%d" % j)["state"], rep.get("verdict"), flags, mrz))
rv = get("/v1/review?all=1")
print("review queue: %d document(s) with flags" % len(rv["items"]))
h = get("/healthz")
print("health: %s, queue depth %s, %s worker(s)" % (h["status"], h["queue_depth"], h["workers"]))
PY
echo
echo "Officer's review page: http://127.0.0.1:$port/review/"
echo "Officer token (paste it to sign in): $officer"
if [ -t 0 ] && [ -t 1 ]; then
  echo "The service keeps running for the review page; press Enter to stop it."
  read -r _ || true
fi
kill -TERM "$pid"
wait "$pid" || true
pid=""
echo "docscreend stopped"
