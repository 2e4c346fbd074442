/*
 * daemon: the parts of docscreend and what they share.
 *
 * docscreend is a set of threads around one durable store:
 *   - the HTTP API (http.c, libmicrohttpd's internal polling thread)
 *     acknowledges a submission only after ds_store_submit committed it;
 *   - the worker pool (worker.c) claims jobs from the store's queue, one
 *     ds_scanner per thread, adds the checks that need memory across cases
 *     (memory.c) and completes the job, report and webhook deliveries in one
 *     transaction;
 *   - the hot-folder watcher (hotfolder.c) submits complete files from each
 *     station's inbox and moves them to done/ or failed/ with the report;
 *   - the notifier (notifier.c) posts due webhook deliveries, retrying on
 *     the schedule the store keeps;
 *   - the main thread (daemon.c) waits for signals: SIGTERM/SIGINT stop,
 *     SIGHUP reloads, and runs the retention purge on its interval.
 * Each thread takes store handles from one pool (a handle is used by one
 * thread at a time). Logs carry ids and counts, never document content,
 * names or file names.
 */
#ifndef DS_DAEMON_H
#define DS_DAEMON_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "daemon/config.h"
#include "store/store.h"

#define DS_DAEMON_MAX_WORKERS 256
#define DS_DAEMON_OVERRIDES_MAX 128

/* ---------------------------------------------------------------- logging */

void ds_log_set_level(ds_log_level l);
/* One line to stderr: time, level, component, message. Callers pass ids
 * and counts only. */
void ds_log(ds_log_level l, const char *component, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ---------------------------------------------------------------- metrics */

#define DS_LAT_BUCKETS 12
typedef struct ds_metrics {
    pthread_mutex_t lock;
    int64_t outcome[3];                 /* jobs finished since start: clear, review, error */
    int64_t latency_bucket[DS_LAT_BUCKETS + 1]; /* submit to report; last is +Inf */
    double latency_sum;
    int64_t latency_count;
    int64_t scan_bucket[DS_LAT_BUCKETS + 1];  /* screening time alone */
    double scan_sum;
    int64_t scan_count;
    int64_t http_requests[6];           /* by status class: 1xx..5xx, index 0 unused */
    int64_t submissions, replays;
    int64_t webhook_ok, webhook_fail, webhook_gave_up;
    int64_t hotfolder_taken;
} ds_metrics;

extern const double DS_LAT_BOUNDS[DS_LAT_BUCKETS];

/* ----------------------------------------------------------------- daemon */

typedef struct ds_daemon {
    /* Configuration. `conf` is replaced whole on reload under conf_lock;
     * threads copy what they need under the lock. */
    pthread_mutex_t conf_lock;
    ds_conf conf;
    char config_path[DS_CONF_PATH_MAX + 1];    /* "" when none */
    int override_count;
    const char *override_key[DS_DAEMON_OVERRIDES_MAX];
    const char *override_val[DS_DAEMON_OVERRIDES_MAX];

    atomic_int stopping;        /* 1 after SIGTERM: no new work is taken */
    atomic_int workers_busy;
    int port;                   /* the port actually bound */
    int worker_count;
    char tmp_dir[DS_CONF_PATH_MAX + 32];

    /* store handle pool */
    pthread_mutex_t pool_lock;
    ds_store *pool[64];
    int pool_count;

    /* wakes workers when a job was submitted */
    pthread_mutex_t work_lock;
    pthread_cond_t work_cv;
    int64_t work_seq;

    ds_metrics metrics;
    void *http;                 /* struct MHD_Daemon* */
    pthread_t worker_thread[DS_DAEMON_MAX_WORKERS];
    pthread_t notifier_thread, hotfolder_thread;
    bool notifier_started, hotfolder_started;
} ds_daemon;

/* Copies the current configuration into *out. */
void ds_daemon_conf(ds_daemon *d, ds_conf *out /* OUT */);

/* A store handle for this thread's exclusive use until ds_daemon_store_put;
 * NULL (logged) when the store cannot be opened. */
ds_store *ds_daemon_store_get(ds_daemon *d);

/* Opens the store the configuration names (store, blob_dir); on failure msg
 * (cap bytes) says why, never empty. */
ds_error ds_conf_open_store(const ds_conf *c, ds_store **out /* OUT */, char *msg, size_t cap);
void ds_daemon_store_put(ds_daemon *d, ds_store *s);

/* Wakes the workers (a job was queued). */
void ds_daemon_kick(ds_daemon *d);

/* Loads the configuration file (when any) and the overrides onto the
 * defaults into *out. */
ds_error ds_daemon_load_conf(ds_daemon *d, ds_conf *out /* OUT */, char *msg, size_t msg_cap);

/* Runs the daemon until SIGTERM or SIGINT; returns the exit status. */
int ds_daemon_run(ds_daemon *d);

/* Generates a fresh random API token ("dst_" and 64 hex digits). */
ds_error ds_token_generate(char out[69] /* OUT */);

/* Parts, each started and stopped by ds_daemon_run. */
ds_error ds_http_start(ds_daemon *d);
void ds_http_quiesce(ds_daemon *d);
void ds_http_stop(ds_daemon *d);
ds_error ds_workers_start(ds_daemon *d);
void ds_workers_join(ds_daemon *d);
ds_error ds_notifier_start(ds_daemon *d);
void ds_notifier_join(ds_daemon *d);
ds_error ds_hotfolder_start(ds_daemon *d);
void ds_hotfolder_join(ds_daemon *d);

void ds_metrics_observe_job(ds_daemon *d, const char *verdict, double latency_s, double scan_s);
/* The Prometheus text exposition (caller frees). */
char *ds_metrics_render(ds_daemon *d, ds_store *s);

/* Sleeps up to ms milliseconds, returning early once the daemon stops. */
void ds_daemon_nap(ds_daemon *d, int ms);

#endif
