/*
 * The daemon's life cycle: configuration (file, overrides, SIGHUP reload),
 * logging, the store handle pool, metrics, start-up recovery, the signal
 * loop with the periodic retention purge, and graceful shutdown.
 *
 * Shutdown order on SIGTERM or SIGINT: stop taking work (workers and the
 * hot-folder watcher see `stopping`), stop accepting connections, let work
 * in hand finish for up to shutdown_grace_s, then close. A job still
 * running after the grace period stays "running" in the store and is
 * requeued at the next start (ds_store_job_requeue_running), so no
 * acknowledged document is ever lost.
 */
#include "daemon.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <openssl/rand.h>

#include "notify/notify.h"

/* ---------------------------------------------------------------- logging */

static atomic_int g_log_level = DS_LOG_INFO;
static pthread_mutex_t g_log_lock = PTHREAD_MUTEX_INITIALIZER;

void ds_log_set_level(ds_log_level l)
{
    atomic_store(&g_log_level, (int)l);
}

void ds_log(ds_log_level l, const char *component, const char *fmt, ...)
{
    if ((int)l > atomic_load(&g_log_level))
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
    pthread_mutex_lock(&g_log_lock);
    fprintf(stderr, "%s.%03ldZ %-5s %s: %s\n", when, ts.tv_nsec / 1000000L, names[l], component,
            msg);
    pthread_mutex_unlock(&g_log_lock);
}

/* ------------------------------------------------------------ conf, pool */

void ds_daemon_conf(ds_daemon *d, ds_conf *out)
{
    pthread_mutex_lock(&d->conf_lock);
    memcpy(out, &d->conf, sizeof *out);
    pthread_mutex_unlock(&d->conf_lock);
}

ds_error ds_daemon_load_conf(ds_daemon *d, ds_conf *out, char *msg, size_t msg_cap)
{
    ds_conf_default(out);
    const char *env = getenv("DOCSCREEN_ADMIN_TOKEN");
    if (env && *env)
        ds_conf_set(out, "admin_token", env, NULL, 0);
    if (d->config_path[0]) {
        ds_error err = ds_conf_load(out, d->config_path, msg, msg_cap);
        if (err != DS_OK)
            return err;
    }
    for (int i = 0; i < d->override_count; i++) {
        char sub[DS_CONF_MSG_MAX];
        ds_error err = ds_conf_set(out, d->override_key[i], d->override_val[i], sub, sizeof sub);
        if (err != DS_OK) {
            snprintf(msg, msg_cap, "command line: %s", sub);
            return err;
        }
    }
    return ds_conf_validate(out, msg, msg_cap);
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

static ds_store *open_store(ds_daemon *d)
{
    ds_store *s = NULL;
    char msg[256];
    if (ds_conf_open_store(&d->conf, &s, msg, sizeof msg) != DS_OK) {
        ds_log(DS_LOG_ERROR, "store", "cannot open the store: %s", msg);
        return NULL;
    }
    return s;
}

ds_store *ds_daemon_store_get(ds_daemon *d)
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

void ds_daemon_store_put(ds_daemon *d, ds_store *s)
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

void ds_daemon_kick(ds_daemon *d)
{
    pthread_mutex_lock(&d->work_lock);
    d->work_seq++;
    pthread_cond_broadcast(&d->work_cv);
    pthread_mutex_unlock(&d->work_lock);
}

void ds_daemon_nap(ds_daemon *d, int ms)
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

void ds_metrics_observe_job(ds_daemon *d, const char *verdict, double latency_s, double scan_s)
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

char *ds_metrics_render(ds_daemon *d, ds_store *s)
{
    sbuf b = {0};
    int64_t depth = -1, counts[DS_JOB_STATE_COUNT] = {0};
    bool ok = s && ds_store_queue_depth(s, &depth) == DS_OK &&
              ds_store_job_counts(s, counts) == DS_OK;
    sb_printf(&b, "# HELP docscreen_up 1 when the store answers.\n# TYPE docscreen_up gauge\ndocscreen_up %d\n", ok);
    sb_printf(&b, "# HELP docscreen_queue_depth Jobs waiting for a worker.\n# TYPE docscreen_queue_depth gauge\ndocscreen_queue_depth %lld\n", (long long)depth);
    sb_printf(&b, "# HELP docscreen_jobs Jobs in the store by state.\n# TYPE docscreen_jobs gauge\n");
    for (int i = 0; i < DS_JOB_STATE_COUNT; i++)
        sb_printf(&b, "docscreen_jobs{state=\"%s\"} %lld\n", ds_job_state_name((ds_job_state)i),
                  (long long)counts[i]);
    sb_printf(&b, "# HELP docscreen_workers Screening threads.\n# TYPE docscreen_workers gauge\ndocscreen_workers %d\n", d->worker_count);
    sb_printf(&b, "# HELP docscreen_workers_busy Workers screening a document now.\n# TYPE docscreen_workers_busy gauge\ndocscreen_workers_busy %d\n", atomic_load(&d->workers_busy));
    ds_metrics *m = &d->metrics;
    pthread_mutex_lock(&m->lock);
    sb_printf(&b, "# HELP docscreen_jobs_finished_total Jobs finished since start, by outcome.\n# TYPE docscreen_jobs_finished_total counter\n");
    static const char *oc[3] = {"clear", "review", "error"};
    for (int i = 0; i < 3; i++)
        sb_printf(&b, "docscreen_jobs_finished_total{outcome=\"%s\"} %lld\n", oc[i],
                  (long long)m->outcome[i]);
    histogram(&b, "docscreen_job_latency_seconds", "Time from submission to report.",
              m->latency_bucket, m->latency_sum, m->latency_count);
    histogram(&b, "docscreen_scan_seconds", "Time screening one document.", m->scan_bucket,
              m->scan_sum, m->scan_count);
    sb_printf(&b, "# HELP docscreen_http_responses_total HTTP responses by status class.\n# TYPE docscreen_http_responses_total counter\n");
    for (int i = 1; i < 6; i++)
        sb_printf(&b, "docscreen_http_responses_total{class=\"%dxx\"} %lld\n", i,
                  (long long)m->http_requests[i]);
    sb_printf(&b, "# HELP docscreen_submissions_total Documents accepted by the API (replays included).\n# TYPE docscreen_submissions_total counter\ndocscreen_submissions_total %lld\n", (long long)m->submissions);
    sb_printf(&b, "# HELP docscreen_idempotent_replays_total Submissions answered from an earlier Idempotency-Key.\n# TYPE docscreen_idempotent_replays_total counter\ndocscreen_idempotent_replays_total %lld\n", (long long)m->replays);
    sb_printf(&b, "# HELP docscreen_hotfolder_files_total Files taken from hot folders.\n# TYPE docscreen_hotfolder_files_total counter\ndocscreen_hotfolder_files_total %lld\n", (long long)m->hotfolder_taken);
    sb_printf(&b, "# HELP docscreen_webhook_attempts_total Webhook attempts by result.\n# TYPE docscreen_webhook_attempts_total counter\n");
    sb_printf(&b, "docscreen_webhook_attempts_total{result=\"delivered\"} %lld\n", (long long)m->webhook_ok);
    sb_printf(&b, "docscreen_webhook_attempts_total{result=\"retry\"} %lld\n", (long long)m->webhook_fail);
    sb_printf(&b, "docscreen_webhook_attempts_total{result=\"gave_up\"} %lld\n", (long long)m->webhook_gave_up);
    pthread_mutex_unlock(&m->lock);
    return b.p;
}

/* ------------------------------------------------------------------- run */

static void ensure_admin_token(ds_daemon *d, ds_store *st)
{
    ds_conf *c = &d->conf;
    if (!c->admin_token[0])
        return;
    ds_token t;
    if (ds_store_token_lookup(st, c->admin_token, &t) == DS_OK)
        return;
    ds_error err = ds_store_token_create(st, c->admin_token, DS_ROLE_ADMIN, c->admin_token_name, NULL);
    if (err == DS_OK) {
        ds_store_audit_append(st, "config", "token.create", "token:bootstrap-admin", NULL);
        ds_log(DS_LOG_INFO, "daemon", "admin token from the configuration created");
    } else {
        ds_log(DS_LOG_WARN, "daemon", "admin token from the configuration not created: %s",
               ds_error_name(err));
    }
}

static void reload(ds_daemon *d)
{
    ds_conf *fresh = malloc(sizeof *fresh);
    char msg[DS_CONF_MSG_MAX] = "";
    if (!fresh)
        return;
    ds_error err = ds_daemon_load_conf(d, fresh, msg, sizeof msg);
    if (err != DS_OK) {
        ds_log(DS_LOG_ERROR, "daemon", "reload refused, configuration kept: %s", msg);
        free(fresh);
        return;
    }
    pthread_mutex_lock(&d->conf_lock);
    ds_conf *cur = &d->conf;
    if (strcmp(fresh->store, cur->store) || strcmp(fresh->blob_dir, cur->blob_dir) ||
        strcmp(fresh->listen_address, cur->listen_address) || fresh->port != cur->port ||
        strcmp(fresh->tls_cert, cur->tls_cert) || strcmp(fresh->tls_key, cur->tls_key) ||
        fresh->workers != cur->workers || fresh->max_connections != cur->max_connections ||
        fresh->request_timeout_s != cur->request_timeout_s || strcmp(fresh->tmp_dir, cur->tmp_dir) ||
        fresh->max_pixels != cur->max_pixels || fresh->max_pages != cur->max_pages ||
        strcmp(fresh->trust_dir, cur->trust_dir) || fresh->barcodes != cur->barcodes ||
        fresh->viz != cur->viz || fresh->forensics != cur->forensics ||
        strcmp(fresh->today, cur->today))
        ds_log(DS_LOG_WARN, "daemon",
               "reload: store, listen, TLS, workers, connection and screening settings take effect at the next start");
    /* keep what needs a restart, take the rest */
    memcpy(fresh->store, cur->store, sizeof fresh->store);
    memcpy(fresh->blob_dir, cur->blob_dir, sizeof fresh->blob_dir);
    memcpy(fresh->tmp_dir, cur->tmp_dir, sizeof fresh->tmp_dir);
    memcpy(fresh->listen_address, cur->listen_address, sizeof fresh->listen_address);
    fresh->port = cur->port;
    memcpy(fresh->tls_cert, cur->tls_cert, sizeof fresh->tls_cert);
    memcpy(fresh->tls_key, cur->tls_key, sizeof fresh->tls_key);
    fresh->workers = cur->workers;
    fresh->max_connections = cur->max_connections;
    fresh->request_timeout_s = cur->request_timeout_s;
    fresh->max_pixels = cur->max_pixels;
    fresh->max_pages = cur->max_pages;
    memcpy(fresh->trust_dir, cur->trust_dir, sizeof fresh->trust_dir);
    fresh->barcodes = cur->barcodes;
    fresh->viz = cur->viz;
    fresh->forensics = cur->forensics;
    memcpy(fresh->today, cur->today, sizeof fresh->today);
    memcpy(cur, fresh, sizeof *cur);
    pthread_mutex_unlock(&d->conf_lock);
    ds_log_set_level(fresh->log_level);
    ds_store *st = ds_daemon_store_get(d);
    if (st) {
        ensure_admin_token(d, st);
        ds_daemon_store_put(d, st);
    }
    ds_log(DS_LOG_INFO, "daemon", "configuration reloaded (%d webhook(s), %d hot folder(s))",
           fresh->webhook_count, fresh->hotfolder_count);
    free(fresh);
}

static void retention(ds_daemon *d)
{
    int days;
    pthread_mutex_lock(&d->conf_lock);
    days = d->conf.retention_days;
    pthread_mutex_unlock(&d->conf_lock);
    if (days <= 0)
        return;
    ds_store *st = ds_daemon_store_get(d);
    if (!st)
        return;
    ds_purge_stats ps;
    ds_error err = ds_store_purge(st, days, "retention", &ps);
    if (err != DS_OK)
        ds_log(DS_LOG_ERROR, "retention", "purge failed: %s", ds_store_errmsg(st));
    else if (ps.documents || ps.reports)
        ds_log(DS_LOG_INFO, "retention", "purged %lld document file(s), %lld report(s)",
               (long long)ps.documents, (long long)ps.reports);
    ds_daemon_store_put(d, st);
}

static int make_tmp_dir(ds_daemon *d)
{
    const char *base = d->conf.tmp_dir[0] ? d->conf.tmp_dir : getenv("TMPDIR");
    if (!base || !*base)
        base = "/tmp";
    snprintf(d->tmp_dir, sizeof d->tmp_dir, "%s/docscreend-XXXXXX", base);
    if (!mkdtemp(d->tmp_dir)) {
        ds_log(DS_LOG_ERROR, "daemon", "cannot create a scratch directory: %s", strerror(errno));
        return -1;
    }
    chmod(d->tmp_dir, 0700);
    return 0;
}

int ds_daemon_run(ds_daemon *d)
{
    int status = 1;
    pthread_mutex_init(&d->conf_lock, NULL);
    pthread_mutex_init(&d->pool_lock, NULL);
    pthread_mutex_init(&d->work_lock, NULL);
    pthread_cond_init(&d->work_cv, NULL);
    pthread_mutex_init(&d->metrics.lock, NULL);
    ds_log_set_level(d->conf.log_level);

    /* Every thread started from here on inherits this mask; the main thread
     * takes the signals with sigtimedwait. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);

    if (ds_notify_global_init() != DS_OK)
        return 1;
    d->worker_count = d->conf.workers > 0 ? d->conf.workers : (int)sysconf(_SC_NPROCESSORS_ONLN);
    if (d->worker_count < 1)
        d->worker_count = 1;
    if (d->worker_count > DS_DAEMON_MAX_WORKERS)
        d->worker_count = DS_DAEMON_MAX_WORKERS;
    if (make_tmp_dir(d) != 0)
        goto cleanup_curl;

    ds_store *st = ds_daemon_store_get(d);
    if (!st)
        goto cleanup_tmp;
    int64_t requeued = 0;
    if (ds_store_job_requeue_running(st, &requeued) != DS_OK) {
        ds_log(DS_LOG_ERROR, "daemon", "recovery failed: %s", ds_store_errmsg(st));
        ds_daemon_store_put(d, st);
        goto cleanup_tmp;
    }
    if (requeued)
        ds_log(DS_LOG_WARN, "daemon", "%lld job(s) interrupted by the last stop requeued",
               (long long)requeued);
    ensure_admin_token(d, st);
    ds_daemon_store_put(d, st);

    if (ds_http_start(d) != DS_OK)
        goto cleanup_tmp;
    if (ds_workers_start(d) != DS_OK || ds_notifier_start(d) != DS_OK ||
        ds_hotfolder_start(d) != DS_OK) {
        ds_log(DS_LOG_ERROR, "daemon", "cannot start threads");
        atomic_store(&d->stopping, 1);
        goto stop;
    }
    ds_log(DS_LOG_INFO, "daemon", "docscreend %s ready: %d worker(s), store %s", ds_version(),
           d->worker_count, "open");
    if (getenv("DOCSCREEND_PORT_FILE")) {
        char tmp[DS_CONF_PATH_MAX + 8];
        snprintf(tmp, sizeof tmp, "%s.tmp", getenv("DOCSCREEND_PORT_FILE"));
        FILE *f = fopen(tmp, "w");
        if (f) {
            fprintf(f, "%d\n", d->port);
            fclose(f);
            rename(tmp, getenv("DOCSCREEND_PORT_FILE"));
        }
    }

    time_t next_purge = time(NULL) + 5;
    for (;;) {
        struct timespec to = {1, 0};
        int sig = sigtimedwait(&set, NULL, &to);
        if (sig == SIGTERM || sig == SIGINT) {
            ds_log(DS_LOG_INFO, "daemon", "signal %d: shutting down", sig);
            break;
        }
        if (sig == SIGHUP)
            reload(d);
        if (time(NULL) >= next_purge) {
            retention(d);
            pthread_mutex_lock(&d->conf_lock);
            next_purge = time(NULL) + d->conf.retention_interval_s;
            pthread_mutex_unlock(&d->conf_lock);
        }
    }
    atomic_store(&d->stopping, 1);
    ds_daemon_kick(d);
stop:
    ds_http_quiesce(d);
    {
        int grace;
        pthread_mutex_lock(&d->conf_lock);
        grace = d->conf.shutdown_grace_s;
        pthread_mutex_unlock(&d->conf_lock);
        double until = (double)time(NULL) + grace;
        while (atomic_load(&d->workers_busy) > 0 && (double)time(NULL) < until) {
            struct timespec ts = {0, 50 * 1000000L};
            nanosleep(&ts, NULL);
        }
        if (atomic_load(&d->workers_busy) > 0) {
            ds_log(DS_LOG_WARN, "daemon",
                   "%d job(s) still running after %d s; they are requeued at the next start",
                   atomic_load(&d->workers_busy), grace);
            ds_http_stop(d);
            rmdir(d->tmp_dir);
            _exit(0);
        }
    }
    ds_workers_join(d);
    ds_notifier_join(d);
    ds_hotfolder_join(d);
    ds_http_stop(d);
    status = 0;
    ds_log(DS_LOG_INFO, "daemon", "stopped");
cleanup_tmp:
    pthread_mutex_lock(&d->pool_lock);
    for (int i = 0; i < d->pool_count; i++)
        ds_store_close(d->pool[i]);
    d->pool_count = 0;
    pthread_mutex_unlock(&d->pool_lock);
    rmdir(d->tmp_dir);
cleanup_curl:
    ds_notify_global_cleanup();
    return status;
}
