/*
 * daemon: docscreend's run loop, above the parts it starts and stops.
 *
 * docscreend is a set of threads around one durable store:
 *   - the HTTP API (http.h, libmicrohttpd's internal polling thread)
 *     acknowledges a submission only after ds_store_submit committed it;
 *   - the worker pool (worker.h) claims jobs from the store's queue, one
 *     ds_scanner per thread, adds the checks that need memory across cases
 *     (memory.h) and completes the job, report and webhook deliveries in
 *     one transaction;
 *   - the hot-folder watcher (hotfolder.h) submits complete files from each
 *     station's inbox and moves them to done/ or failed/ with the report;
 *   - the notifier (notifier.h) posts due webhook deliveries, retrying on
 *     the schedule the store keeps;
 *   - the main thread (daemon.c) waits for signals: SIGTERM/SIGINT stop,
 *     SIGHUP reloads, and runs the retention purge on its interval.
 * What the parts share is the context (context.h), which the run loop owns
 * and hands to each part. The parts never include this header and never
 * call one another; only the run loop starts and stops them.
 */
#ifndef DS_DAEMON_H
#define DS_DAEMON_H

#include "daemon/context.h"
#include "daemon/hotfolder.h"
#include "daemon/http.h"
#include "daemon/notifier.h"
#include "daemon/worker.h"

#define DS_DAEMON_OVERRIDES_MAX 128

typedef struct ds_daemon {
    ds_daemon_ctx ctx;          /* what the parts share; ctx.conf is loaded before ds_daemon_run */

    /* where the configuration comes from, for start-up and reloads */
    char config_path[DS_CONF_PATH_MAX + 1];    /* "" when none */
    int override_count;
    const char *override_key[DS_DAEMON_OVERRIDES_MAX];
    const char *override_val[DS_DAEMON_OVERRIDES_MAX];

    /* the scratch folder ctx.tmp_dir is locked (flock) through this
     * descriptor while the daemon runs; -1 when none */
    int tmp_lock_fd;

    /* the parts */
    ds_http http;
    ds_workers workers;
    ds_notifier notifier;
    ds_hotfolder hotfolder;
} ds_daemon;

/* Loads the configuration file (when any) and the overrides onto the
 * defaults into *out. */
ds_error ds_daemon_load_conf(ds_daemon *d, ds_conf *out /* OUT */, char *msg, size_t msg_cap);

/* Runs the daemon until SIGTERM or SIGINT; returns the exit status. */
int ds_daemon_run(ds_daemon *d);

#endif
