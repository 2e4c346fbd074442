/*
 * The worker pool: each thread owns one ds_scanner (one OCR engine) and one
 * store handle, claims the oldest queued job, screens the document, adds the
 * memory checks and completes the job with its report, fingerprints and
 * webhook deliveries in one store transaction. A worker never logs document
 * content or file names, only job and document ids.
 *
 * The document's bytes are screened from the store's file, mapped
 * read-only (ds_store_document_map, no copy on the heap) and handed to
 * ds_scan_mem: the pages are decoded once, and the scanner's page
 * fingerprints feed the memory checks. Nothing of the document is written
 * outside the store.
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

#include <jansson.h>

#include "daemon/memory.h"
#include "daemon/edge.h"

/* A job is claimed at most this often. A claim that does not complete it
 * (a crash, a store failure, or anything in the job that makes a step fail
 * every time) requeues it; the claim numbered DS_WORKER_MAX_ATTEMPTS that
 * fails, and any claim after it, completes the job as failed with an error
 * report built from ids alone. So every job reaches a final state after a
 * bounded number of attempts, whatever its content. */
#define DS_WORKER_MAX_ATTEMPTS 5

/* A job whose claims ran past job_timeout_s this often (each was taken over
 * from a worker that hung, or from a node that died after the deadline) is
 * completed as failed by the claim that finds it so, without screening it
 * again: a document that hangs the screening ties up at most this many
 * worker threads. */
#define DS_WORKER_MAX_TIMEOUTS 2

/* Room for a stored string re-encoded as UTF-8 (each byte at most two). */
#define SAFE_CAP(n) (2 * (n) + 1)

/* The webhook summary: ids, state, verdict and flag codes; no personal data.
 * report is NULL for a job that failed before it was screened. */
static char *summary_body(const ds_job *job, const char *state, const ds_report *report,
                          int64_t now)
{
    char case_id[SAFE_CAP(DS_STORE_CASE_ID_MAX)];
    ds_edge_safe(job->case_id, case_id, sizeof case_id);
    json_t *flags = json_array();
    for (int i = 0; i < ds_report_flag_count(report); i++) {
        const ds_flag *f = ds_report_flag(report, i);
        json_array_append_new(flags, json_pack("{s:s,s:s,s:I}", "code", ds_flag_name(f->code),
                                               "severity", ds_severity_name(f->severity), "page",
                                               (json_int_t)f->page));
    }
    char url[64];
    snprintf(url, sizeof url, "/v1/jobs/%lld/report", (long long)job->id);
    json_t *o = json_pack("{s:s,s:I,s:I,s:s,s:s,s:s,s:o,s:I,s:s}", "event", "job.finished",
                          "job_id", (json_int_t)job->id, "document_id",
                          (json_int_t)job->document_id, "case_id", case_id, "state", state,
                          "verdict",
                          report ? ds_verdict_name(ds_report_verdict(report)) : "error", "flags",
                          flags, "finished_at", (json_int_t)now, "report_url", url);
    if (!o)
        return NULL;
    char *text = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
    json_decref(o);
    return text;
}

/* The report of a job that could not be screened at all, with its reason
 * (a fixed sentence). The stored file name and case id are re-encoded, so
 * the report does not depend on them being valid; NULL only when out of
 * memory. */
static char *error_report(const char *filename, ds_error err, const char *message,
                          const ds_job *job)
{
    char file[SAFE_CAP(DS_STORE_FILENAME_MAX)], case_id[SAFE_CAP(DS_STORE_CASE_ID_MAX)];
    json_t *o = json_pack("{s:s,s:{s:s,s:s},s:[],s:[],s:s,s:{s:f},s:I,s:I,s:s}", "file",
                          ds_edge_safe(filename, file, sizeof file), "error", "code",
                          ds_error_name(err), "message", message, "documents", "flags", "verdict",
                          "error", "timing_ms", "total", 0.0, "job_id", (json_int_t)job->id,
                          "document_id", (json_int_t)job->document_id, "case_id",
                          ds_edge_safe(job->case_id, case_id, sizeof case_id));
    char *text = o ? json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(6)) : NULL;
    json_decref(o);
    return text;
}

/* Screens one claimed job and completes it. Returns DS_OK when the job is
 * completed (or was already completed elsewhere), else the job is requeued
 * by the caller. With give_up (a fixed sentence: why the job's attempts are
 * spent) the job is not screened: it is completed as failed with an error
 * report giving that reason. */
static ds_error process(ds_worker *w, ds_store *st, ds_scanner *scanner, const ds_conf *conf,
                        const ds_job *job, const char *give_up)
{
    ds_daemon_ctx *d = w->d;
    ds_document doc;
    const uint8_t *data = NULL;
    size_t len = 0;
    char *case_json = NULL;
    size_t case_len = 0;
    ds_report *report = NULL;
    char *report_text = NULL;
    char *body = NULL;
    ds_case cr;
    bool have_case = false;
    double t0 = ds_now_ms(), scan_ms = 0;
    ds_fingerprint fp[DS_MEMORY_PAGES_MAX];
    int nfp = 0;
    ds_job_state final_state = DS_JOB_DONE;

    ds_error err = ds_store_document_get(st, job->document_id, &doc);
    if (err != DS_OK && give_up) {
        memset(&doc, 0, sizeof doc);
        err = DS_OK;
    }
    if (err != DS_OK)
        goto out;
    err = give_up ? DS_OK : ds_store_document_map(st, job->document_id, &data, &len);
    if (err == DS_OK && give_up) {
        report_text = error_report(doc.filename, DS_ERR_INTERNAL, give_up, job);
        final_state = DS_JOB_FAILED;
    } else if (err == DS_ERR_NO_RECORD) {
        report_text = error_report(doc.filename, DS_ERR_NO_RECORD,
                                   "the document's file was purged before it was screened", job);
        final_state = DS_JOB_FAILED;
    } else if (err != DS_OK) {
        goto out;
    } else {
        if (ds_store_case_get(st, job->case_id, &case_json, &case_len, NULL) == DS_OK) {
            char msg[DS_CASE_MSG_MAX];
            have_case = ds_case_parse(case_json, case_len, &cr, msg, sizeof msg) == DS_OK;
        }
        double s0 = ds_now_ms();
        char file[SAFE_CAP(DS_STORE_FILENAME_MAX)];
        ds_scan_params params = {ds_edge_safe(doc.filename, file, sizeof file),
                                 have_case ? &cr : NULL, NULL};
        ds_error serr = ds_scan_mem(scanner, data, len, &params, &report);
        scan_ms = ds_now_ms() - s0;
        if (!report) {
            err = serr == DS_OK ? DS_ERR_INTERNAL : serr;
            goto out;
        }
        if (serr != DS_OK) {
            final_state = DS_JOB_FAILED;
        } else {
            ds_memory_fingerprints(report, fp, DS_MEMORY_PAGES_MAX, &nfp);
            err = ds_memory_check(st, report, job->document_id, job->case_id, fp, nfp,
                                  conf->duplicate_image_distance);
            if (err != DS_OK)
                goto out;
        }
        char case_id[SAFE_CAP(DS_STORE_CASE_ID_MAX)];
        err = ds_report_set_refs(report, job->id, job->document_id);
        if (err == DS_OK)
            err = ds_report_set_case_id(report,
                                        ds_edge_safe(job->case_id, case_id, sizeof case_id));
        if (err == DS_OK)
            err = ds_report_json(report, DS_JSON_COMPACT, &report_text);
        if (err != DS_OK)
            goto out;
    }
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
    r.verdict = report ? ds_verdict_name(ds_report_verdict(report)) : "error";
    r.flag_count = ds_report_flag_count(report);
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
    ds_store_document_unmap(data, len);
    free(case_json);
    free(report_text);
    free(body);
    ds_report_free(report);
    return err;
}

/* The store's wake-up (ds_store_set_wakeup): another node committed a job. */
static void wake_workers(void *arg) { ds_daemon_kick(arg); }

static void *worker_main(void *arg)
{
    ds_worker *w = arg;
    ds_daemon_ctx *d = w->d;
    ds_conf conf;
    ds_daemon_conf(d, &conf);
    ds_options opt;
    ds_options_default(&opt);
    opt.fingerprints = 1;
    opt.limits.max_pixels = (uint64_t)conf.max_pixels;
    opt.limits.max_pages = conf.max_pages;
    opt.limits.max_total_pixels = (uint64_t)conf.max_total_pixels;
    opt.limits.max_decode_ms = conf.max_decode_s * 1000;
    if (opt.limits.max_file_bytes < (size_t)conf.max_upload_bytes)
        opt.limits.max_file_bytes = (size_t)conf.max_upload_bytes;
    opt.barcodes = conf.barcodes ? 1 : 0;
    opt.viz = conf.viz ? 1 : 0;
    opt.forensics = conf.forensics ? 1 : 0;
    opt.support = conf.support ? 1 : 0;
    opt.ocr_langs = conf.ocr_langs[0] ? conf.ocr_langs : NULL;
    opt.statement_window_days = conf.statement_window_days;
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
    /* Jobs submitted to other nodes wake this worker at once (PostgreSQL's
     * LISTEN/NOTIFY); the wait below stays a poll, so a lost notification
     * only delays a job by it. */
    ds_store_set_wakeup(st, wake_workers, d);
    char name[32];
    snprintf(name, sizeof name, "worker-%d", w->index);
    int idle_errors = 0;
    while (!atomic_load(&d->stopping)) {
        pthread_mutex_lock(&d->work_lock);
        int64_t seq = d->work_seq;
        pthread_mutex_unlock(&d->work_lock);
        ds_job job;
        bool got = false;
        err = ds_store_job_claim_for(st, name, conf.job_timeout_s, &job, &got);
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
        const char *give_up = NULL;
        if (job.timeouts > 0) {
            pthread_mutex_lock(&d->metrics.lock);
            d->metrics.taken_over++;
            pthread_mutex_unlock(&d->metrics.lock);
        }
        if (job.timeouts >= DS_WORKER_MAX_TIMEOUTS) {
            give_up = "screening the document ran past job_timeout_s twice (the worker hung)";
            ds_log(DS_LOG_WARN, "worker",
                   "job %lld: %d attempts ran past job_timeout_s (%d s); the job is failed",
                   (long long)job.id, job.timeouts, conf.job_timeout_s);
        } else if (job.timeouts > 0) {
            ds_log(DS_LOG_WARN, "worker",
                   "job %lld: attempt %d ran past job_timeout_s (%d s); taken over",
                   (long long)job.id, job.attempts - 1, conf.job_timeout_s);
        }
        if (!give_up && job.attempts > DS_WORKER_MAX_ATTEMPTS)
            give_up = "screening the document failed repeatedly";
        err = process(w, st, scanner, &conf, &job, give_up);
        if (err != DS_OK && !give_up && job.attempts >= DS_WORKER_MAX_ATTEMPTS) {
            ds_log(DS_LOG_WARN, "worker", "job %lld: attempt %d failed; the job is failed",
                   (long long)job.id, job.attempts);
            err = process(w, st, scanner, &conf, &job, "screening the document failed repeatedly");
        }
        if (err != DS_OK) {
            if (ds_store_job_requeue(st, job.id) == DS_OK)
                ds_log(DS_LOG_WARN, "worker", "job %lld requeued", (long long)job.id);
            ds_daemon_nap(d, 200);
        }
        atomic_fetch_sub(&d->workers_busy, 1);
    }
    ds_store_set_wakeup(st, NULL, NULL);
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
