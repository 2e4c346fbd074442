/*
 * The shared state of docscreend's parts: logging, the configuration copy,
 * the store handle pool, the work signal, the stopping nap, API token
 * generation and the metrics with their Prometheus exposition.
 *
 * Nothing here starts a thread, reads a signal or knows a part: the run
 * loop (daemon.c) fills and owns the context, the parts only call these
 * helpers on it. The log level and the lock that keeps log lines whole are
 * the process's own (stderr is one per process); everything else lives in
 * the ds_daemon_ctx the caller passes.
 */
#include "context.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/rand.h>

/* ---------------------------------------------------------------- logging */

static atomic_int log_level = DS_LOG_INFO;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;

void ds_log_set_level(ds_log_level l)
{
    atomic_store(&log_level, (int)l);
}

void ds_log(ds_log_level l, const char *component, const char *fmt, ...)
{
    if ((int)l > atomic_load(&log_level))
        return;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    struct tm tm;
    gmtime_r(&ts.tv_sec, &tm);
    char when[32];
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S", &tm);
    static const char *names[] = {"ERROR", "WARN", "INFO", "DEBUG"};
    pthread_mutex_lock(&log_lock);
    fprintf(stderr, "%s.%03ldZ %-5s %s: %s\n", when, ts.tv_nsec / 1000000L, names[l], component,
            msg);
    pthread_mutex_unlock(&log_lock);
}

/* ---------------------------------------------------------- the context */

void ds_daemon_ctx_init(ds_daemon_ctx *d)
{
    pthread_mutex_init(&d->conf_lock, NULL);
    pthread_mutex_init(&d->pool_lock, NULL);
    pthread_mutex_init(&d->work_lock, NULL);
    pthread_cond_init(&d->work_cv, NULL);
    pthread_mutex_init(&d->metrics.lock, NULL);
}

void ds_daemon_ctx_close(ds_daemon_ctx *d)
{
    pthread_mutex_lock(&d->pool_lock);
    for (int i = 0; i < d->pool_count; i++)
        ds_store_close(d->pool[i]);
    d->pool_count = 0;
    pthread_mutex_unlock(&d->pool_lock);
}

void ds_daemon_conf(ds_daemon_ctx *d, ds_conf *out)
{
    pthread_mutex_lock(&d->conf_lock);
    memcpy(out, &d->conf, sizeof *out);
    pthread_mutex_unlock(&d->conf_lock);
}

ds_error ds_conf_open_store(const ds_conf *c, ds_store **out, char *msg, size_t cap)
{
    ds_store_options opt = {0};
    opt.blob_dir = c->blob_dir[0] ? c->blob_dir : NULL;
    if (cap)
        msg[0] = '\0';
    ds_error err = ds_store_open_ex(c->store, &opt, out, msg, cap);
    if (err != DS_OK && cap && !msg[0])
        snprintf(msg, cap, "%s", ds_error_message(err));
    return err;
}

static ds_store *open_store(ds_daemon_ctx *d)
{
    ds_store *s = NULL;
    char msg[256];
    if (ds_conf_open_store(&d->conf, &s, msg, sizeof msg) != DS_OK) {
        ds_log(DS_LOG_ERROR, "store", "cannot open the store: %s", msg);
        return NULL;
    }
    return s;
}

ds_store *ds_daemon_store_get(ds_daemon_ctx *d)
{
    pthread_mutex_lock(&d->pool_lock);
    if (d->pool_count > 0) {
        ds_store *s = d->pool[--d->pool_count];
        pthread_mutex_unlock(&d->pool_lock);
        return s;
    }
    pthread_mutex_unlock(&d->pool_lock);
    return open_store(d); /* conf.store and blob_dir never change after start */
}

void ds_daemon_store_put(ds_daemon_ctx *d, ds_store *s)
{
    if (!s)
        return;
    pthread_mutex_lock(&d->pool_lock);
    if (d->pool_count < (int)(sizeof d->pool / sizeof d->pool[0])) {
        d->pool[d->pool_count++] = s;
        s = NULL;
    }
    pthread_mutex_unlock(&d->pool_lock);
    ds_store_close(s);
}

void ds_daemon_kick(ds_daemon_ctx *d)
{
    pthread_mutex_lock(&d->work_lock);
    d->work_seq++;
    pthread_cond_broadcast(&d->work_cv);
    pthread_mutex_unlock(&d->work_lock);
}

void ds_daemon_nap(ds_daemon_ctx *d, int ms)
{
    while (ms > 0 && !atomic_load(&d->stopping)) {
        int step = ms < 50 ? ms : 50;
        struct timespec ts = {0, step * 1000000L};
        nanosleep(&ts, NULL);
        ms -= step;
    }
}

ds_error ds_token_generate(char out[69])
{
    unsigned char raw[32];
    if (RAND_bytes(raw, sizeof raw) != 1)
        return DS_ERR_INTERNAL;
    memcpy(out, "dst_", 4);
    for (int i = 0; i < 32; i++)
        snprintf(out + 4 + 2 * i, 3, "%02x", raw[i]);
    memset(raw, 0, sizeof raw);
    return DS_OK;
}

/* ---------------------------------------------------------------- metrics */

const double DS_LAT_BOUNDS[DS_LAT_BUCKETS] = {0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600};

static void observe(int64_t *buckets, double *sum, int64_t *count, double v)
{
    int i = 0;
    while (i < DS_LAT_BUCKETS && v > DS_LAT_BOUNDS[i])
        i++;
    buckets[i]++;
    *sum += v;
    (*count)++;
}

void ds_metrics_observe_job(ds_daemon_ctx *d, const char *verdict, double latency_s, double scan_s)
{
    ds_metrics *m = &d->metrics;
    pthread_mutex_lock(&m->lock);
    int k = !strcmp(verdict, "clear") ? 0 : !strcmp(verdict, "review") ? 1 : 2;
    m->outcome[k]++;
    observe(m->latency_bucket, &m->latency_sum, &m->latency_count, latency_s);
    observe(m->scan_bucket, &m->scan_sum, &m->scan_count, scan_s);
    pthread_mutex_unlock(&m->lock);
}

typedef struct sbuf {
    char *p;
    size_t len, cap;
} sbuf;

static void sb_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_printf(sbuf *b, const char *fmt, ...)
{
    if (!b->p && b->cap)
        return;
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(b->p ? b->p + b->len : NULL, b->p ? b->cap - b->len : 0, fmt, ap);
        va_end(ap);
        if (n < 0)
            return;
        if (b->p && b->len + (size_t)n < b->cap) {
            b->len += (size_t)n;
            return;
        }
        size_t nc = b->cap ? b->cap * 2 : 8192;
        while (nc < b->len + (size_t)n + 1)
            nc *= 2;
        char *np = realloc(b->p, nc);
        if (!np) {
            free(b->p);
            b->p = NULL;
            b->cap = 1;
            return;
        }
        b->p = np;
        b->cap = nc;
    }
}

static void histogram(sbuf *b, const char *name, const char *help, const int64_t *bk, double sum,
                      int64_t count)
{
    sb_printf(b, "# HELP %s %s\n# TYPE %s histogram\n", name, help, name);
    int64_t cum = 0;
    for (int i = 0; i < DS_LAT_BUCKETS; i++) {
        cum += bk[i];
        sb_printf(b, "%s_bucket{le=\"%g\"} %lld\n", name, DS_LAT_BOUNDS[i], (long long)cum);
    }
    cum += bk[DS_LAT_BUCKETS];
    sb_printf(b, "%s_bucket{le=\"+Inf\"} %lld\n%s_sum %.6f\n%s_count %lld\n", name,
              (long long)cum, name, sum, name, (long long)count);
}

char *ds_metrics_render(ds_daemon_ctx *d, ds_store *s)
{
    sbuf b = {0};
    int64_t depth = -1, counts[DS_JOB_STATE_COUNT] = {0};
    bool ok = s && ds_store_queue_depth(s, &depth) == DS_OK &&
              ds_store_job_counts(s, counts) == DS_OK;
    /* Two scopes (docs/daemon.md): docscreen_queue_depth and docscreen_jobs
     * are read from the store, so with several nodes on one PostgreSQL they
     * count every node's jobs and read the same on each node (do not sum
     * them); everything else is this process's since it started (sum them
     * over the nodes). */
    const char *backend = s ? ds_store_backend(s) : "none";
    sb_printf(&b, "# HELP docscreen_store_info The store's backend; with postgresql the store's gauges are cluster-wide.\n# TYPE docscreen_store_info gauge\ndocscreen_store_info{backend=\"%s\"} 1\n", backend);
    sb_printf(&b, "# HELP docscreen_up 1 when the store answers.\n# TYPE docscreen_up gauge\ndocscreen_up %d\n", ok);
    sb_printf(&b, "# HELP docscreen_queue_depth Jobs waiting for a worker, from the store: every node's (cluster-wide, the same on each node).\n# TYPE docscreen_queue_depth gauge\ndocscreen_queue_depth %lld\n", (long long)depth);
    sb_printf(&b, "# HELP docscreen_jobs Jobs in the store by state: every node's (cluster-wide, the same on each node).\n# TYPE docscreen_jobs gauge\n");
    for (int i = 0; i < DS_JOB_STATE_COUNT; i++)
        sb_printf(&b, "docscreen_jobs{state=\"%s\"} %lld\n", ds_job_state_name((ds_job_state)i),
                  (long long)counts[i]);
    sb_printf(&b, "# HELP docscreen_workers Screening threads of this node.\n# TYPE docscreen_workers gauge\ndocscreen_workers %d\n", d->worker_count);
    sb_printf(&b, "# HELP docscreen_workers_busy Workers of this node screening a document now.\n# TYPE docscreen_workers_busy gauge\ndocscreen_workers_busy %d\n", atomic_load(&d->workers_busy));
    ds_metrics *m = &d->metrics;
    pthread_mutex_lock(&m->lock);
    sb_printf(&b, "# HELP docscreen_jobs_finished_total Jobs this node finished since it started, by outcome.\n# TYPE docscreen_jobs_finished_total counter\n");
    static const char *oc[3] = {"clear", "review", "error"};
    for (int i = 0; i < 3; i++)
        sb_printf(&b, "docscreen_jobs_finished_total{outcome=\"%s\"} %lld\n", oc[i],
                  (long long)m->outcome[i]);
    histogram(&b, "docscreen_job_latency_seconds", "Time from submission to report, of the jobs this node finished.",
              m->latency_bucket, m->latency_sum, m->latency_count);
    histogram(&b, "docscreen_scan_seconds", "Time screening one document, on this node.", m->scan_bucket,
              m->scan_sum, m->scan_count);
    sb_printf(&b, "# HELP docscreen_http_responses_total HTTP responses of this node by status class.\n# TYPE docscreen_http_responses_total counter\n");
    for (int i = 1; i < 6; i++)
        sb_printf(&b, "docscreen_http_responses_total{class=\"%dxx\"} %lld\n", i,
                  (long long)m->http_requests[i]);
    sb_printf(&b, "# HELP docscreen_submissions_total Documents accepted by this node's API (replays included).\n# TYPE docscreen_submissions_total counter\ndocscreen_submissions_total %lld\n", (long long)m->submissions);
    sb_printf(&b, "# HELP docscreen_idempotent_replays_total Submissions answered from an earlier Idempotency-Key.\n# TYPE docscreen_idempotent_replays_total counter\ndocscreen_idempotent_replays_total %lld\n", (long long)m->replays);
    sb_printf(&b, "# HELP docscreen_hotfolder_files_total Files taken from this node's hot folders.\n# TYPE docscreen_hotfolder_files_total counter\ndocscreen_hotfolder_files_total %lld\n", (long long)m->hotfolder_taken);
    sb_printf(&b, "# HELP docscreen_body_bytes_inflight Bytes of request bodies this node is receiving (reserved from max_inflight_body_bytes).\n# TYPE docscreen_body_bytes_inflight gauge\ndocscreen_body_bytes_inflight %lld\n", (long long)m->body_bytes_inflight);
    sb_printf(&b, "# HELP docscreen_busy_refusals_total Requests this node answered 503 busy: their body would have gone over max_inflight_body_bytes.\n# TYPE docscreen_busy_refusals_total counter\ndocscreen_busy_refusals_total %lld\n", (long long)m->busy_refusals);
    sb_printf(&b, "# HELP docscreen_webhook_attempts_total Webhook attempts of this node by result.\n# TYPE docscreen_webhook_attempts_total counter\n");
    sb_printf(&b, "docscreen_webhook_attempts_total{result=\"delivered\"} %lld\n", (long long)m->webhook_ok);
    sb_printf(&b, "docscreen_webhook_attempts_total{result=\"retry\"} %lld\n", (long long)m->webhook_fail);
    sb_printf(&b, "docscreen_webhook_attempts_total{result=\"gave_up\"} %lld\n", (long long)m->webhook_gave_up);
    sb_printf(&b, "# HELP docscreen_jobs_taken_over_total Jobs this node claimed after an earlier attempt ran past job_timeout_s (a hung worker).\n# TYPE docscreen_jobs_taken_over_total counter\ndocscreen_jobs_taken_over_total %lld\n", (long long)m->taken_over);
    pthread_mutex_unlock(&m->lock);
    return b.p;
}
