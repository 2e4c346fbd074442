/*
 * context: the state docscreend's parts share, and the helpers they use on
 * it: the configuration under its lock, the pool of store handles, the
 * signal that wakes workers, the metrics, logging and the stopping flag.
 *
 * The context sits below every part (http, worker, hotfolder, notifier)
 * and below the run loop (daemon.c), which owns it and hands it to each
 * part when it starts it. It must never know the parts or the run loop:
 * this header includes no other header of src/daemon but config.h, and
 * context.c calls no function of a part. Logs carry ids and counts, never
 * document content, names or file names.
 */
#ifndef DS_DAEMON_CONTEXT_H
#define DS_DAEMON_CONTEXT_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "daemon/config.h"
#include "store/store.h"

#define DS_DAEMON_MAX_WORKERS 256
#define DS_DAEMON_POOL_MAX 64

/* ---------------------------------------------------------------- logging */

/* Sets the level below which ds_log drops lines, for the whole process. */
void ds_log_set_level(ds_log_level l);
/* One line to stderr: time, level, component, message. Callers pass ids
 * and counts only. Lines from several threads never interleave. */
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
    int64_t body_bytes_inflight;        /* request bodies being received (budgeted) */
    int64_t busy_refusals;              /* requests refused 503 busy over the budget */
    int64_t taken_over;                 /* jobs claimed after an attempt ran past job_timeout_s */
} ds_metrics;

extern const double DS_LAT_BOUNDS[DS_LAT_BUCKETS];

/* ---------------------------------------------------------------- context */

typedef struct ds_daemon_ctx {
    /* `conf` is replaced whole on reload under conf_lock; a part copies
     * what it needs under the lock (ds_daemon_conf) and never keeps a
     * pointer into it. */
    pthread_mutex_t conf_lock;
    ds_conf conf;

    atomic_int stopping;        /* 1 after SIGTERM: no new work is taken */
    atomic_int workers_busy;    /* workers screening a document now */
    atomic_int hotfolder_sweep; /* 1: a case was deleted; the hot folders
                                 * drop its copies at their next round */
    int worker_count;           /* fixed before the parts start */
    char tmp_dir[DS_CONF_PATH_MAX + 32];   /* private scratch directory */

    /* store handles not in use; a handle is used by one thread at a time */
    pthread_mutex_t pool_lock;
    ds_store *pool[DS_DAEMON_POOL_MAX];
    int pool_count;

    /* work_seq grows, and work_cv is broadcast, when a job was queued */
    pthread_mutex_t work_lock;
    pthread_cond_t work_cv;
    int64_t work_seq;

    ds_metrics metrics;
} ds_daemon_ctx;

/* Initialises the locks of a zeroed context whose `conf` is loaded. */
void ds_daemon_ctx_init(ds_daemon_ctx *d);
/* Closes the pooled store handles. Every part must have stopped. */
void ds_daemon_ctx_close(ds_daemon_ctx *d);

/* Copies the current configuration into *out. */
void ds_daemon_conf(ds_daemon_ctx *d, ds_conf *out /* OUT */);

/* Opens the store the configuration names (store, blob_dir); on failure msg
 * (cap bytes) says why, never empty. */
ds_error ds_conf_open_store(const ds_conf *c, ds_store **out /* OUT */, char *msg, size_t cap);

/* A store handle for this thread's exclusive use until ds_daemon_store_put;
 * NULL (logged) when the store cannot be opened. */
ds_store *ds_daemon_store_get(ds_daemon_ctx *d);
/* Gives back a handle from ds_daemon_store_get (NULL is ignored). */
void ds_daemon_store_put(ds_daemon_ctx *d, ds_store *s);

/* Wakes the workers (a job was queued). */
void ds_daemon_kick(ds_daemon_ctx *d);

/* Sleeps up to ms milliseconds, returning early once the daemon stops. */
void ds_daemon_nap(ds_daemon_ctx *d, int ms);

/* Generates a fresh random API token ("dst_" and 64 hex digits). */
ds_error ds_token_generate(char out[69] /* OUT */);

/* Counts one finished job: its verdict ("clear", "review", else error),
 * the time from submission and the screening time, in seconds. */
void ds_metrics_observe_job(ds_daemon_ctx *d, const char *verdict, double latency_s, double scan_s);
/* The Prometheus text exposition (caller frees); s may be NULL (the store
 * is then reported down). NULL when out of memory. */
char *ds_metrics_render(ds_daemon_ctx *d, ds_store *s);

#endif
