/*
 * The run loop of docscreend: configuration loading and SIGHUP reload,
 * start-up recovery, the start and stop of the parts, the signal loop with
 * the periodic retention purge, and graceful shutdown.
 *
 * Shutdown order on SIGTERM or SIGINT: stop taking work (workers and the
 * hot-folder watcher see `stopping`; the API keeps its listener open and
 * answers 503 shutting_down, so clients learn why instead of being
 * refused), let work in hand finish for up to shutdown_grace_s, then close
 * the listener and stop. A job still
 * running after the grace period stays "running" in the store and is
 * requeued at the next start (ds_store_job_requeue_running), so no
 * acknowledged document is ever lost. The run loop is the only code that
 * knows every part; it must never do a part's work itself.
 */
#define _GNU_SOURCE /* nftw's FTW_DEPTH and FTW_PHYS */
#include "daemon.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "notify/notify.h"

/* ---------------------------------------------------------- configuration */

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

/* -------------------------------------------------------------- run loop */

/* Creates the admin token the configuration names, unless it exists. The
 * caller is the only thread that writes the configuration. */
static void ensure_admin_token(const ds_conf *c, ds_store *st)
{
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

static void reload(ds_daemon *daemon)
{
    ds_daemon_ctx *d = &daemon->ctx;
    ds_conf *fresh = malloc(sizeof *fresh);
    char msg[DS_CONF_MSG_MAX] = "";
    if (!fresh)
        return;
    ds_error err = ds_daemon_load_conf(daemon, fresh, msg, sizeof msg);
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
        fresh->request_timeout_s != cur->request_timeout_s ||
        fresh->request_deadline_s != cur->request_deadline_s ||
        fresh->http_threads != cur->http_threads || strcmp(fresh->tmp_dir, cur->tmp_dir) ||
        fresh->max_pixels != cur->max_pixels || fresh->max_pages != cur->max_pages ||
        fresh->max_total_pixels != cur->max_total_pixels ||
        fresh->max_decode_s != cur->max_decode_s ||
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
    fresh->request_deadline_s = cur->request_deadline_s;
    fresh->http_threads = cur->http_threads;
    fresh->max_pixels = cur->max_pixels;
    fresh->max_pages = cur->max_pages;
    fresh->max_total_pixels = cur->max_total_pixels;
    fresh->max_decode_s = cur->max_decode_s;
    memcpy(fresh->trust_dir, cur->trust_dir, sizeof fresh->trust_dir);
    fresh->barcodes = cur->barcodes;
    fresh->viz = cur->viz;
    fresh->forensics = cur->forensics;
    fresh->support = cur->support;
    memcpy(fresh->ocr_langs, cur->ocr_langs, sizeof fresh->ocr_langs);
    fresh->statement_window_days = cur->statement_window_days;
    memcpy(fresh->today, cur->today, sizeof fresh->today);
    memcpy(cur, fresh, sizeof *cur);
    pthread_mutex_unlock(&d->conf_lock);
    ds_log_set_level(fresh->log_level);
    ds_store *st = ds_daemon_store_get(d);
    if (st) {
        ensure_admin_token(&d->conf, st);
        ds_daemon_store_put(d, st);
    }
    ds_log(DS_LOG_INFO, "daemon", "configuration reloaded (%d webhook(s), %d hot folder(s))",
           fresh->webhook_count, fresh->hotfolder_count);
    free(fresh);
}

static void retention(ds_daemon_ctx *d)
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
    else if (ps.documents || ps.reports || ps.cases || ps.notes)
        ds_log(DS_LOG_INFO, "retention",
               "purged %lld document file(s), %lld report(s), %lld case record(s), %lld note(s)",
               (long long)ps.documents, (long long)ps.reports, (long long)ps.cases,
               (long long)ps.notes);
    ds_daemon_store_put(d, st);
}

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    remove(path);
    return 0;
}

/*
 * Removes the scratch folders (base/docscreend-XXXXXX, directories of this
 * user, never followed through a link) that no running docscreend holds.
 * A daemon keeps an exclusive flock on its own folder for as long as it
 * runs, and the kernel drops it when the process dies however it dies, so
 * a folder whose lock can be taken belongs to a dead process.
 */
static void sweep_scratch(const char *base)
{
    DIR *dh = opendir(base);
    if (!dh)
        return;
    int swept = 0;
    struct dirent *e;
    while ((e = readdir(dh))) {
        if (strncmp(e->d_name, "docscreend-", 11) != 0 || strlen(e->d_name) != 17)
            continue;
        char p[DS_CONF_PATH_MAX + 32];
        int k = snprintf(p, sizeof p, "%s/%s", base, e->d_name);
        struct stat sb;
        if (k < 0 || (size_t)k >= sizeof p || lstat(p, &sb) != 0 || !S_ISDIR(sb.st_mode) ||
            sb.st_uid != geteuid())
            continue;
        int fd = open(p, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0)
            continue;
        if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
            nftw(p, rm_entry, 8, FTW_DEPTH | FTW_PHYS);
            swept++;
        }
        close(fd);
    }
    closedir(dh);
    if (swept)
        ds_log(DS_LOG_INFO, "daemon", "removed %d scratch folder(s) of stopped daemons", swept);
}

/* Makes this daemon's scratch folder (mode 0700) and holds its lock. */
static int make_tmp_dir(ds_daemon *daemon)
{
    ds_daemon_ctx *d = &daemon->ctx;
    daemon->tmp_lock_fd = -1;
    const char *base = d->conf.tmp_dir[0] ? d->conf.tmp_dir : getenv("TMPDIR");
    if (!base || !*base)
        base = "/tmp";
    sweep_scratch(base);
    snprintf(d->tmp_dir, sizeof d->tmp_dir, "%s/docscreend-XXXXXX", base);
    if (!mkdtemp(d->tmp_dir)) {
        ds_log(DS_LOG_ERROR, "daemon", "cannot create a scratch directory: %s", strerror(errno));
        return -1;
    }
    chmod(d->tmp_dir, 0700);
    daemon->tmp_lock_fd = open(d->tmp_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (daemon->tmp_lock_fd < 0 || flock(daemon->tmp_lock_fd, LOCK_EX | LOCK_NB) != 0)
        ds_log(DS_LOG_WARN, "daemon", "cannot lock the scratch directory: %s", strerror(errno));
    return 0;
}

int ds_daemon_run(ds_daemon *daemon)
{
    ds_daemon_ctx *d = &daemon->ctx;
    int status = 1;
    ds_daemon_ctx_init(d);
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
    if (make_tmp_dir(daemon) != 0)
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
    ensure_admin_token(&d->conf, st);
    ds_daemon_store_put(d, st);

    if (ds_http_start(&daemon->http, d) != DS_OK)
        goto cleanup_tmp;
    if (ds_workers_start(&daemon->workers, d) != DS_OK ||
        ds_notifier_start(&daemon->notifier, d) != DS_OK ||
        ds_hotfolder_start(&daemon->hotfolder, d) != DS_OK) {
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
            fprintf(f, "%d\n", daemon->http.port);
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
            reload(daemon);
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
            ds_http_stop(&daemon->http);
            rmdir(d->tmp_dir);
            _exit(0);
        }
    }
    ds_workers_join(&daemon->workers, d);
    ds_notifier_join(&daemon->notifier);
    ds_hotfolder_join(&daemon->hotfolder);
    ds_http_stop(&daemon->http);
    status = 0;
    ds_log(DS_LOG_INFO, "daemon", "stopped");
cleanup_tmp:
    ds_daemon_ctx_close(d);
    rmdir(d->tmp_dir);
    if (daemon->tmp_lock_fd >= 0)
        close(daemon->tmp_lock_fd);
    daemon->tmp_lock_fd = -1;
cleanup_curl:
    ds_notify_global_cleanup();
    return status;
}
