/*
 * The worker pool: each thread owns one ds_scanner (one OCR engine) and one
 * store handle, claims the oldest queued job, screens the document, adds the
 * memory checks and completes the job with its report, fingerprints and
 * webhook deliveries in one store transaction. A worker never logs document
 * content or file names, only job and document ids.
 *
 * The document's bytes are written to a private scratch file for the
 * pipeline (ds_scan_file_case reads a path) and removed right after.
 */
#include "worker.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "daemon/memory.h"
#include "scan/scan.h"
#include "base/base.h"
#include "check/case.h"

/* A job claimed more often than this (each claim that did not complete it
 * was a crash or a store failure) is failed rather than retried forever. */
#define DS_WORKER_MAX_ATTEMPTS 5

static const char *jstr(json_t *o, const char *k)
{
    const char *s = json_string_value(json_object_get(o, k));
    return s ? s : "";
}

/* The webhook summary: ids, state, verdict and flag codes; no personal data. */
static char *summary_body(const ds_job *job, const char *state, json_t *report, int64_t now)
{
    json_t *flags = json_array();
    size_t i;
    json_t *f;
    json_array_foreach(json_object_get(report, "flags"), i, f)
        json_array_append_new(flags, json_pack("{s:s,s:s,s:I}", "code", jstr(f, "code"),
                                               "severity", jstr(f, "severity"), "page",
                                               json_integer_value(json_object_get(f, "page"))));
    char url[64];
    snprintf(url, sizeof url, "/v1/jobs/%lld/report", (long long)job->id);
    json_t *o = json_pack("{s:s,s:I,s:I,s:s,s:s,s:s,s:o,s:I,s:s}", "event", "job.finished",
                          "job_id", (json_int_t)job->id, "document_id",
                          (json_int_t)job->document_id, "case_id", job->case_id, "state", state,
                          "verdict", jstr(report, "verdict"), "flags", flags, "finished_at",
                          (json_int_t)now, "report_url", url);
    if (!o)
        return NULL;
    char *text = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
    json_decref(o);
    return text;
}

static int scratch_write(const char *dir, int64_t job_id, const uint8_t *data, size_t len,
                         char *path, size_t cap)
{
    snprintf(path, cap, "%s/job-%lld-XXXXXX", dir, (long long)job_id);
    int fd = mkstemp(path);
    if (fd < 0)
        return -1;
    size_t off = 0;
    while (off < len) {
        ssize_t w = write(fd, data + off, len - off);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            close(fd);
            unlink(path);
            return -1;
        }
        off += (size_t)w;
    }
    close(fd);
    return 0;
}

static json_t *error_report(const char *filename, ds_error err, const char *message)
{
    return json_pack("{s:s,s:{s:s,s:s},s:[],s:[],s:s,s:{s:f}}", "file", filename, "error", "code",
                     ds_error_name(err), "message", message, "documents", "flags", "verdict",
                     "error", "timing_ms", "total", 0.0);
}

/* Screens one claimed job and completes it. Returns DS_OK when the job is
 * completed (or was already completed elsewhere), else the job is requeued
 * by the caller. */
static ds_error process(ds_worker *w, ds_store *st, ds_scanner *scanner, const ds_conf *conf,
                        const ds_job *job)
{
    ds_daemon_ctx *d = w->d;
    ds_document doc;
    uint8_t *data = NULL;
    size_t len = 0;
    char *case_json = NULL;
    size_t case_len = 0;
    json_t *report = NULL;
    ds_pages *pages = NULL;
    char *report_text = NULL;
    char *body = NULL;
    char path[DS_CONF_PATH_MAX + 64] = "";
    ds_case cr;
    bool have_case = false;
    double t0 = ds_now_ms(), scan_ms = 0;
    ds_fingerprint fp[DS_MEMORY_PAGES_MAX];
    int nfp = 0;
    ds_job_state final_state = DS_JOB_DONE;

    ds_error err = ds_store_document_get(st, job->document_id, &doc);
    if (err != DS_OK)
        goto out;
    err = ds_store_document_read(st, job->document_id, &data, &len);
    if (err == DS_OK && job->attempts > DS_WORKER_MAX_ATTEMPTS) {
        free(data);
        data = NULL;
        report = error_report(doc.filename, DS_ERR_INTERNAL,
                              "screening the document failed repeatedly");
        final_state = DS_JOB_FAILED;
    } else if (err == DS_ERR_NO_RECORD) {
        report = error_report(doc.filename, DS_ERR_NO_RECORD,
                              "the document's file was purged before it was screened");
        final_state = DS_JOB_FAILED;
    } else if (err != DS_OK) {
        goto out;
    }
    if (!report) {
        if (ds_store_case_get(st, job->case_id, &case_json, &case_len, NULL) == DS_OK) {
            char msg[DS_CASE_MSG_MAX];
            have_case = ds_case_parse(case_json, case_len, &cr, msg, sizeof msg) == DS_OK;
        }
        if (scratch_write(d->tmp_dir, job->id, data, len, path, sizeof path) != 0) {
            ds_log(DS_LOG_ERROR, "worker", "job %lld: cannot write the scratch file: %s",
                   (long long)job->id, strerror(errno));
            err = DS_ERR_IO;
            goto out;
        }
        double s0 = ds_now_ms();
        ds_error serr = ds_scan_file_case(scanner, path, have_case ? &cr : NULL, &report);
        scan_ms = ds_now_ms() - s0;
        unlink(path);
        path[0] = 0;
        if (!report) {
            err = serr == DS_OK ? DS_ERR_INTERNAL : serr;
            goto out;
        }
        if (serr != DS_OK) {
            final_state = DS_JOB_FAILED;
        } else {
            ds_limits lim;
            ds_limits_default(&lim);
            lim.max_pixels = (uint64_t)conf->max_pixels;
            lim.max_pages = conf->max_pages;
            lim.max_file_bytes = len + 1;
            if (ds_decode_mem(data, len, &lim, &pages) != DS_OK)
                pages = NULL;
            ds_memory_fingerprints(report, pages, fp, DS_MEMORY_PAGES_MAX, &nfp);
            err = ds_memory_check(st, report, job->document_id, job->case_id, fp, nfp,
                                  conf->duplicate_image_distance);
            if (err != DS_OK)
                goto out;
        }
    }
    json_object_set_new(report, "file", json_string(doc.filename));
    json_object_set_new(report, "job_id", json_integer(job->id));
    json_object_set_new(report, "document_id", json_integer(job->document_id));
    json_object_set_new(report, "case_id", json_string(job->case_id));
    report_text = json_dumps(report, JSON_COMPACT | JSON_REAL_PRECISION(6));
    if (!report_text) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    int64_t now = (int64_t)time(NULL);
    body = summary_body(job, final_state == DS_JOB_DONE ? "done" : "failed", report, now);
    if (!body) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    ds_delivery_new deliv[DS_CONF_WEBHOOKS_MAX];
    int ndeliv = 0;
    for (int i = 0; i < conf->webhook_count; i++) {
        deliv[ndeliv].url = conf->webhook[i].url;
        deliv[ndeliv].body = body;
        deliv[ndeliv].body_len = strlen(body);
        ndeliv++;
    }
    ds_job_result r;
    memset(&r, 0, sizeof r);
    r.state = final_state;
    r.report_json = report_text;
    r.report_len = strlen(report_text);
    r.verdict = jstr(report, "verdict");
    r.flag_count = (int)json_array_size(json_object_get(report, "flags"));
    r.deliveries = ndeliv ? deliv : NULL;
    r.delivery_count = ndeliv;
    r.fingerprints = nfp ? fp : NULL;
    r.fingerprint_count = nfp;
    err = ds_store_job_complete(st, job->id, &r);
    if (err == DS_ERR_CONFLICT) {
        ds_log(DS_LOG_WARN, "worker", "job %lld: no longer running; result dropped",
               (long long)job->id);
        err = DS_OK;
        goto out;
    }
    if (err != DS_OK)
        goto out;
    double latency = (double)(now - job->created_at);
    if (latency < 0)
        latency = 0;
    ds_metrics_observe_job(d, r.verdict, latency, scan_ms / 1000.0);
    ds_log(DS_LOG_INFO, "worker", "job %lld document %lld: %s, verdict %s, %d flag(s), %.0f ms",
           (long long)job->id, (long long)job->document_id, ds_job_state_name(final_state),
           r.verdict, r.flag_count, ds_now_ms() - t0);
out:
    if (err != DS_OK)
        ds_log(DS_LOG_ERROR, "worker", "job %lld: %s%s%s", (long long)job->id,
               ds_error_name(err), err == DS_ERR_STORE ? ": " : "",
               err == DS_ERR_STORE ? ds_store_errmsg(st) : "");
    if (path[0])
        unlink(path);
    free(data);
    free(case_json);
    free(report_text);
    free(body);
    ds_pages_free(pages);
    json_decref(report);
    return err;
}

static void *worker_main(void *arg)
{
    ds_worker *w = arg;
    ds_daemon_ctx *d = w->d;
    ds_conf conf;
    ds_daemon_conf(d, &conf);
    ds_scan_options opt;
    ds_scan_options_default(&opt);
    opt.limits.max_pixels = (uint64_t)conf.max_pixels;
    opt.limits.max_pages = conf.max_pages;
    if (opt.limits.max_file_bytes < (size_t)conf.max_upload_bytes)
        opt.limits.max_file_bytes = (size_t)conf.max_upload_bytes;
    opt.barcodes = conf.barcodes ? 1 : 0;
    opt.viz = conf.viz ? 1 : 0;
    opt.forensics = conf.forensics ? 1 : 0;
    opt.trust_dir = conf.trust_dir[0] ? conf.trust_dir : NULL;
    snprintf(opt.today, sizeof opt.today, "%s", conf.today);
    ds_scanner *scanner = NULL;
    ds_error err = ds_scanner_create(&opt, &scanner);
    if (err != DS_OK) {
        ds_log(DS_LOG_ERROR, "worker", "worker %d: cannot create a scanner: %s", w->index,
               ds_error_message(err));
        return NULL;
    }
    ds_store *st = ds_daemon_store_get(d);
    if (!st) {
        ds_scanner_free(scanner);
        return NULL;
    }
    char name[32];
    snprintf(name, sizeof name, "worker-%d", w->index);
    int idle_errors = 0;
    while (!atomic_load(&d->stopping)) {
        pthread_mutex_lock(&d->work_lock);
        int64_t seq = d->work_seq;
        pthread_mutex_unlock(&d->work_lock);
        ds_job job;
        bool got = false;
        err = ds_store_job_claim(st, name, &job, &got);
        if (err != DS_OK) {
            if (idle_errors++ < 3)
                ds_log(DS_LOG_ERROR, "worker", "%s: claim failed: %s", name, ds_store_errmsg(st));
            ds_daemon_nap(d, 500);
            continue;
        }
        idle_errors = 0;
        if (!got) {
            struct timespec ts;
            clock_gettime(CLOCK_REALTIME, &ts);
            ts.tv_nsec += 500 * 1000000L;
            if (ts.tv_nsec >= 1000000000L) {
                ts.tv_sec++;
                ts.tv_nsec -= 1000000000L;
            }
            pthread_mutex_lock(&d->work_lock);
            while (d->work_seq == seq && !atomic_load(&d->stopping))
                if (pthread_cond_timedwait(&d->work_cv, &d->work_lock, &ts) != 0)
                    break;
            pthread_mutex_unlock(&d->work_lock);
            continue;
        }
        atomic_fetch_add(&d->workers_busy, 1);
        ds_daemon_conf(d, &conf); /* webhooks may have been reloaded */
        err = process(w, st, scanner, &conf, &job);
        if (err != DS_OK) {
            if (ds_store_job_requeue(st, job.id) == DS_OK)
                ds_log(DS_LOG_WARN, "worker", "job %lld requeued", (long long)job.id);
            ds_daemon_nap(d, 200);
        }
        atomic_fetch_sub(&d->workers_busy, 1);
    }
    ds_daemon_store_put(d, st);
    ds_scanner_free(scanner);
    return NULL;
}

ds_error ds_workers_start(ds_workers *ws, ds_daemon_ctx *d)
{
    for (int i = 0; i < d->worker_count; i++) {
        ws->worker[i].d = d;
        ws->worker[i].index = i;
        if (pthread_create(&ws->thread[i], NULL, worker_main, &ws->worker[i]) != 0) {
            d->worker_count = i;
            return DS_ERR_INTERNAL;
        }
    }
    return DS_OK;
}

void ds_workers_join(ds_workers *ws, ds_daemon_ctx *d)
{
    pthread_mutex_lock(&d->work_lock);
    pthread_cond_broadcast(&d->work_cv);
    pthread_mutex_unlock(&d->work_lock);
    for (int i = 0; i < d->worker_count; i++)
        pthread_join(ws->thread[i], NULL);
}
