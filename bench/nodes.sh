#!/usr/bin/env bash
# Several nodes on one PostgreSQL (issue 17): documents per second through
# docscreend with 1 node x 2 workers and 2 nodes x 1 worker on PostgreSQL,
# beside 1 node x 2 workers on SQLite, on the same documents in one run
# (bench/nodes.py; PostgreSQL is a throw-away cluster from
# tests/pg/pgcluster.py with fsync on). Usage: bench/nodes.sh BUILD_DIR
# Knobs: NODES_COUNT documents per run (default 40, samples/pages cycled),
# NODES_CLIENTS documents in flight (default 4), NODES_ROUNDS rounds (default
# 2; each runs every configuration, the order reversed every other round).
# NODES_STORE_SECONDS seconds of each store-only run (default 10).
# NODES_PICKUP jobs of each cross-node pickup run (default 40): the time from
# a submission to its claim by another process, with the 0.5 s poll alone
# (before LISTEN/NOTIFY, ds_listen=0) and with notifications, side by side.
# Written to bench/out/nodes/ (table.txt, results.json).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
COUNT=${NODES_COUNT:-40}
CLIENTS=${NODES_CLIENTS:-4}
ROUNDS=${NODES_ROUNDS:-2}
STORE_SECONDS=${NODES_STORE_SECONDS:-10}
PICKUP=${NODES_PICKUP:-40}
export OMP_THREAD_LIMIT=${OMP_THREAD_LIMIT:-1}
t0=$(date +%s)
rc=0
/usr/bin/python3 bench/nodes.py --build "$BUILD" --count "$COUNT" --clients "$CLIENTS" --rounds "$ROUNDS" \
  --store-seconds "$STORE_SECONDS" --pickup-count "$PICKUP" \
  --out bench/out/nodes || rc=$?
echo "wall time: $(( $(date +%s) - t0 ))s; reproduce: NODES_COUNT=$COUNT NODES_CLIENTS=$CLIENTS NODES_ROUNDS=$ROUNDS NODES_STORE_SECONDS=$STORE_SECONDS NODES_PICKUP=$PICKUP bash bench/nodes.sh $BUILD"
exit "$rc"
