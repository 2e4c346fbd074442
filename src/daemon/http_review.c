/*
 * The HTTP handlers of the officer's review page: its files (web/review,
 * compiled in; see web_assets.h) under /review/, and the calls only the
 * page makes: the review queue with each document's flag codes,
 * severities and station (GET /v1/review/queue), the flag registry (GET
 * /v1/flags), a page of the submitted file as an upright PNG (GET
 * /v1/jobs/{job}/pages/{n}.png), the decisions on a document (GET
 * /v1/jobs/{job}/decisions), a decision on the whole document (POST
 * /v1/jobs/{job}/decision) and the escalation of one flag (POST
 * /v1/jobs/{job}/flags/{flag}/escalation).
 *
 * The page's files carry no data and need no token; every call above is
 * for officers only (the route table says so) and is appended to the audit
 * log before it is answered; a decision or escalation also goes to the
 * webhooks, in the same store transaction. The page's files are sent with a strict
 * Content-Security-Policy (scripts and styles from the daemon only, no
 * inline script, no eval, no framing). A page image is never cached
 * (Cache-Control: no-store). This file must never log or echo document
 * content, names, case data, notes or file names: logs carry ids only.
 */
#include "http_api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <leptonica/allheaders.h>

#include "decode/decode.h"
#include "daemon/edge.h"
#include "daemon/web_assets.h"

/* The longest side of a page image sent to the browser; a larger page is
 * scaled down (the page knows the report's size and scales its boxes). */
#define PAGE_SIDE_MAX 2400
/* The most documents the queue lists in one answer. */
#define QUEUE_MAX 1000
/* Audit entries read per step while looking for a document's decisions. */
#define AUDIT_STEP 512

/* The headers of every file of the page. */
static const char *const page_headers[] = {
    "Content-Security-Policy",
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    "Referrer-Policy", "no-referrer",
    "X-Frame-Options", "DENY",
    "Cross-Origin-Opener-Policy", "same-origin",
    NULL};

/* ------------------------------------------------------------ the files */

enum MHD_Result ds_http_review_redirect(ds_http_request *q, ds_store *st)
{
    (void)st;
    static const char *const h[] = {"Location", "/review/", NULL};
    static const char body[] = "{\"moved\":\"/review/\"}";
    return ds_http_send_body(q, 308, "application/json", body, sizeof body - 1, true, h);
}

enum MHD_Result ds_http_review_asset(ds_http_request *q, ds_store *st)
{
    (void)st;
    const char *name = q->id[0] ? q->id : "index.html";
    for (size_t i = 0; i < ds_web_asset_count; i++)
        if (!strcmp(ds_web_assets[i].name, name))
            return ds_http_send_body(q, 200, ds_web_assets[i].type, ds_web_assets[i].data,
                                     ds_web_assets[i].len, true, page_headers);
    return ds_http_send_error(q, 404, "not_found", "No such file.");
}

/* ------------------------------------------------------------ the queue */

static int severity_rank(const char *s)
{
    return !strcmp(s, "high") ? 2 : !strcmp(s, "warning") ? 1 : 0;
}

/* One queue item: the store's fields, the document's source and station,
 * and from the latest report each flag's code and severity, the highest
 * severity and the verdict. NULL when out of memory. */
static json_t *queue_item(ds_store *st, const ds_review_item *it)
{
    static const char *const sev_names[] = {"info", "warning", "high"};
    char case_id[sizeof it->case_id * 2], file[sizeof it->filename * 2];
    json_t *o = json_pack("{s:I,s:I,s:s,s:s,s:i,s:i,s:I}", "job_id", (json_int_t)it->job_id,
                          "document_id", (json_int_t)it->document_id, "case_id",
                          ds_edge_safe(it->case_id, case_id, sizeof case_id), "filename",
                          ds_edge_safe(it->filename, file, sizeof file), "flag_count",
                          it->flag_count,
                          "decided_count", it->decided_count, "completed_at",
                          (json_int_t)it->completed_at);
    if (!o)
        return NULL;
    ds_document doc;
    if (ds_store_document_get(st, it->document_id, &doc) == DS_OK) {
        json_object_set_new(o, "source", json_string(doc.source));
        char station[sizeof doc.station * 2];
        json_object_set_new(o, "station",
                            json_string(ds_edge_safe(doc.station, station, sizeof station)));
        json_object_set_new(o, "submitted_at", json_integer((json_int_t)doc.created_at));
    }
    json_t *flags = json_array();
    int top = 0;
    char *text = NULL;
    size_t len = 0;
    if (ds_store_report_get(st, it->job_id, &text, &len) == DS_OK) {
        json_t *rep = json_loadb(text, len, 0, NULL);
        free(text);
        size_t i;
        json_t *f;
        json_array_foreach(json_object_get(rep, "flags"), i, f)
        {
            const char *sev = ds_http_jstr(f, "severity");
            if (severity_rank(sev) > top)
                top = severity_rank(sev);
            json_array_append_new(flags, json_pack("{s:s,s:s}", "code", ds_http_jstr(f, "code"),
                                                   "severity", sev));
        }
        json_decref(rep);
    }
    json_object_set_new(o, "flags", flags);
    json_object_set_new(o, "severity", json_string(sev_names[top]));
    return o;
}

enum MHD_Result ds_http_review_queue(ds_http_request *q, ds_store *st)
{
    int64_t all = 0;
    if (!ds_http_query_int(q, "all", 0, 1, &all))
        return ds_http_send_error(q, 400, "invalid_query", "all must be 0 or 1.");
    enum { STEP = 100 };
    ds_review_item *items = calloc(STEP, sizeof *items);
    json_t *arr = json_array();
    ds_error err = DS_OK;
    bool more = false;
    if (!items || !arr) {
        free(items);
        json_decref(arr);
        return ds_http_send_error(q, 500, "internal", "Out of memory.");
    }
    int64_t after_at = 0, after_job = 0;
    for (;;) {
        int n = 0;
        err = ds_store_review_list(st, all == 0, after_at, after_job, STEP, items, &n);
        if (err != DS_OK)
            break;
        if (n > 0) {
            after_at = items[n - 1].completed_at;
            after_job = items[n - 1].job_id;
        }
        for (int i = 0; i < n && json_array_size(arr) < QUEUE_MAX; i++)
            json_array_append_new(arr, queue_item(st, &items[i]));
        if (n < STEP)
            break;
        if (json_array_size(arr) >= QUEUE_MAX) {
            more = true;
            break;
        }
    }
    free(items);
    if (err == DS_OK)
        err = ds_store_audit_append(st, q->tok.name, "review.list", "", NULL);
    if (err != DS_OK) {
        json_decref(arr);
        return ds_http_send_store_error(q, st, err);
    }
    return ds_http_send_json(q, 200,
                             json_pack("{s:o,s:b,s:I}", "items", arr, "truncated", more,
                                       "limit", (json_int_t)QUEUE_MAX),
                             NULL);
}

/* ---------------------------------------------------- the flag registry */

enum MHD_Result ds_http_flag_registry(ds_http_request *q, ds_store *st)
{
    (void)st;
    json_t *arr = json_array();
    for (int i = 0; i < (int)DS_FLAG_COUNT_; i++) {
        ds_flag_code c = (ds_flag_code)i;
        json_array_append_new(arr, json_pack("{s:s,s:s,s:s,s:s}", "code", ds_flag_name(c),
                                             "severity", ds_severity_name(ds_flag_severity(c)),
                                             "source", ds_flag_source(c), "meaning",
                                             ds_flag_meaning(c)));
    }
    return ds_http_send_json(q, 200, json_pack("{s:o}", "flags", arr), NULL);
}

/* ---------------------------------------------------- helpers of a job */

/* The job of q and its document (officers only reach these routes). */
static ds_error job_load(ds_store *st, ds_http_request *q, ds_job *job /* OUT */,
                         ds_document *doc /* OUT */)
{
    ds_error err = ds_store_job_get(st, q->job_id, job);
    if (err == DS_OK)
        err = ds_store_document_get(st, job->document_id, doc);
    return err;
}

/* The parsed latest report of the job, or NULL (*err says why:
 * DS_ERR_NO_RECORD when there is none). */
static json_t *report_load(ds_store *st, int64_t job_id, ds_error *err /* OUT */)
{
    char *text = NULL;
    size_t len = 0;
    *err = ds_store_report_get(st, job_id, &text, &len);
    if (*err != DS_OK)
        return NULL;
    json_t *rep = json_loadb(text, len, 0, NULL);
    free(text);
    if (!rep)
        *err = DS_ERR_INTERNAL;
    return rep;
}

/* ----------------------------------------------------------- page image */

/* The clockwise turn (0, 90, 180, 270) that makes page `page` of the
 * report upright, from its MRZ; 0 when the page has none. */
static int page_rotation(json_t *rep, int page)
{
    size_t i;
    json_t *d;
    json_array_foreach(json_object_get(rep, "documents"), i, d)
    {
        if (json_integer_value(json_object_get(d, "page")) != page)
            continue;
        json_t *o = json_object_get(d, "orientation");
        int r = (int)json_integer_value(json_object_get(o, "rotation"));
        if (r == 90 || r == 180 || r == 270)
            return r;
    }
    return 0;
}

/* Decodes page `page` of the file, turns it upright, scales it to at most
 * PAGE_SIDE_MAX and encodes it as PNG into *png (free with free()). */
static ds_error page_png(const uint8_t *data, size_t len, const ds_conf *conf, int page,
                         int rotation, uint8_t **png /* OUT */, size_t *png_len /* OUT */)
{
    ds_error err = DS_OK;
    ds_pages *pages = NULL;
    PIX *up = NULL, *small = NULL;
    ds_limits lim;
    ds_limits_default(&lim);
    lim.max_pixels = (uint64_t)conf->max_pixels;
    lim.max_pages = conf->max_pages;
    lim.max_total_pixels = (uint64_t)conf->max_total_pixels;
    lim.max_decode_ms = conf->max_decode_s * 1000;
    if (lim.max_file_bytes < (size_t)conf->max_upload_bytes)
        lim.max_file_bytes = (size_t)conf->max_upload_bytes;
    err = ds_decode_input(data, len, &lim, NULL, &pages);
    if (err != DS_OK)
        goto out;
    if (page < 0 || page >= pages->count) {
        err = DS_ERR_NO_RECORD;
        goto out;
    }
    up = rotation ? pixRotateOrth(pages->page[page].gray, rotation / 90)
                  : pixClone(pages->page[page].gray);
    if (!up) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    int w = (int)pixGetWidth(up), h = (int)pixGetHeight(up);
    int big = w > h ? w : h;
    small = big > PAGE_SIDE_MAX ? pixScale(up, (float)PAGE_SIDE_MAX / (float)big,
                                           (float)PAGE_SIDE_MAX / (float)big)
                                : pixClone(up);
    if (!small || pixWriteMemPng(png, png_len, small, 0) != 0) {
        err = DS_ERR_NOMEM;
        goto out;
    }
out:
    pixDestroy(&small);
    pixDestroy(&up);
    ds_pages_free(pages);
    return err;
}

enum MHD_Result ds_http_page_image(ds_http_request *q, ds_store *st)
{
    ds_job job;
    ds_document doc;
    ds_error err = job_load(st, q, &job, &doc);
    if (err != DS_OK)
        return ds_http_send_store_error(q, st, err);
    if (doc.purged_at)
        return ds_http_send_error(q, 410, "report_purged",
                                  "The file was purged by the retention policy.");
    int rotation = 0;
    json_t *rep = report_load(st, job.id, &err);
    if (rep)
        rotation = page_rotation(rep, q->page_index);
    json_decref(rep);
    const uint8_t *data = NULL; /* the stored file mapped, not copied to the heap */
    uint8_t *png = NULL;
    size_t len = 0, png_len = 0;
    err = ds_store_document_map(st, doc.id, &data, &len);
    if (err != DS_OK)
        return ds_http_send_store_error(q, st, err);
    ds_conf conf;
    ds_daemon_conf(q->d, &conf);
    err = page_png(data, len, &conf, q->page_index, rotation, &png, &png_len);
    ds_store_document_unmap(data, len);
    if (err == DS_ERR_NO_RECORD)
        return ds_http_send_error(q, 404, "not_found", "The file has no such page.");
    if (err != DS_OK) {
        free(png);
        ds_log(DS_LOG_WARN, "http", "page image of job %lld: %s", (long long)job.id,
               ds_error_name(err));
        return ds_http_send_error(q, 422, "bad_request", "The page cannot be rendered.");
    }
    char obj[64];
    snprintf(obj, sizeof obj, "job:%lld/page:%d", (long long)job.id, q->page_index);
    err = ds_store_audit_append(st, q->tok.name, "page.read", obj, NULL);
    if (err != DS_OK) {
        free(png);
        return ds_http_send_store_error(q, st, err);
    }
    char rot[8];
    snprintf(rot, sizeof rot, "%d", rotation);
    const char *h[] = {"X-Docscreen-Rotation", rot, NULL};
    enum MHD_Result r = ds_http_send_body(q, 200, "image/png", png, png_len, false, h);
    free(png);
    return r;
}

/* ------------------------------------------------------------ decisions */

/* True when the audit object obj is a document-level entry of job
 * ("job:N:accepted") or an escalation of one of its flags
 * ("job:N/flag:K:escalated"). */
static bool object_of_job(const char *obj, int64_t job)
{
    char pre[40];
    int n = snprintf(pre, sizeof pre, "job:%lld", (long long)job);
    return !strncmp(obj, pre, (size_t)n) && (obj[n] == ':' || !strncmp(obj + n, "/flag:", 6));
}

enum MHD_Result ds_http_decision_list(ds_http_request *q, ds_store *st)
{
    enum { CAP = 256 };
    ds_job job;
    ds_document doc;
    ds_error err = job_load(st, q, &job, &doc);
    if (err != DS_OK)
        return ds_http_send_store_error(q, st, err);
    ds_decision *dec = calloc(CAP, sizeof *dec);
    ds_audit_entry *ae = calloc(AUDIT_STEP, sizeof *ae);
    json_t *flags = json_array(), *docs = json_array();
    int n = 0;
    if (!dec || !ae || !flags || !docs) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    err = ds_store_decision_list(st, doc.id, CAP, dec, &n);
    if (err != DS_OK)
        goto out;
    for (int i = 0; i < n; i++)
        json_array_append_new(
            flags, json_pack("{s:I,s:i,s:s,s:s,s:s,s:s,s:I}", "decision_id", (json_int_t)dec[i].id,
                             "flag", dec[i].flag_index, "code", dec[i].flag_code, "decision",
                             dec[i].accepted ? "accepted" : "rejected", "note", dec[i].note,
                             "officer", dec[i].officer, "decided_at",
                             (json_int_t)dec[i].decided_at));
    /* Document-level decisions and escalations live in the audit log. */
    for (int64_t after = 0;;) {
        int got = 0;
        err = ds_store_audit_list(st, after, AUDIT_STEP, ae, &got);
        if (err != DS_OK)
            goto out;
        for (int i = 0; i < got; i++) {
            bool is_doc = !strcmp(ae[i].action, "decision.document");
            if ((!is_doc && strcmp(ae[i].action, "decision.escalate")) ||
                !object_of_job(ae[i].object, job.id))
                continue;
            const char *last = strrchr(ae[i].object, ':');
            const char *fl = strstr(ae[i].object, "/flag:");
            json_t *x = json_pack("{s:s,s:s,s:I}", "decision", last ? last + 1 : "", "officer",
                                  ae[i].actor, "decided_at", (json_int_t)ae[i].at);
            json_object_set_new(x, "flag", fl ? json_integer(atoi(fl + 6)) : json_null());
            json_array_append_new(docs, x);
        }
        if (got < AUDIT_STEP)
            break;
        after = ae[got - 1].seq;
    }
    char obj[64];
    snprintf(obj, sizeof obj, "job:%lld", (long long)job.id);
    err = ds_store_audit_append(st, q->tok.name, "decision.list", obj, NULL);
out:
    free(dec);
    free(ae);
    if (err != DS_OK) {
        json_decref(flags);
        json_decref(docs);
        return err == DS_ERR_NOMEM ? ds_http_send_error(q, 500, "internal", "Out of memory.")
                                   : ds_http_send_store_error(q, st, err);
    }
    return ds_http_send_json(q, 200,
                             json_pack("{s:I,s:o,s:o}", "job_id", (json_int_t)job.id, "flags",
                                       flags, "document", docs),
                             NULL);
}

/* Parses the body {"decision": one of allowed (NULL-terminated), "note":
 * string up to DS_STORE_NOTE_MAX bytes or null}; on failure answers q and
 * returns false. */
static bool decision_body(ds_http_request *q, const char *const *allowed, char *dec /* OUT */,
                          size_t dec_cap, char *note /* OUT */, size_t note_cap,
                          enum MHD_Result *answer /* OUT */)
{
    json_error_t je;
    json_t *b = q->body ? json_loadb(q->body, q->len, JSON_REJECT_DUPLICATES, &je) : NULL;
    bool ok = false;
    if (!json_is_object(b)) {
        *answer = ds_http_send_error(q, 400, "invalid_json", "The body must be a JSON object.");
        goto out;
    }
    const char *d = json_string_value(json_object_get(b, "decision"));
    json_t *nj = json_object_get(b, "note");
    bool known = false;
    for (size_t i = 0; d && allowed[i]; i++)
        known = known || !strcmp(d, allowed[i]);
    if (!known || (nj && !json_is_string(nj) && !json_is_null(nj))) {
        *answer = ds_http_send_error(q, 422, "invalid_decision",
                                     "\"decision\" is not one this call takes; \"note\" must be "
                                     "a string.");
        goto out;
    }
    const char *n = json_string_value(nj);
    if (n && strlen(n) > DS_STORE_NOTE_MAX) {
        *answer = ds_http_send_error(q, 413, "payload_too_large",
                                     "The note is longer than %d bytes.", DS_STORE_NOTE_MAX);
        goto out;
    }
    snprintf(dec, dec_cap, "%s", d);
    snprintf(note, note_cap, "%s", n ? n : "");
    ok = true;
out:
    json_decref(b);
    return ok;
}

/*
 * A decision on the whole document: "accepted" (the document is genuine:
 * every flag not yet decided is recorded as rejected, a false alarm),
 * "rejected" (the document is refused: every flag not yet decided is
 * recorded as accepted, the finding stands) or "escalated" (handed to a
 * senior officer: nothing is decided, the document stays in the queue).
 * The decision itself is appended to the audit log as "decision.document"
 * ("decision.escalate" when escalated; object "job:N:DECISION"); each flag
 * decision it implies is stored with the note and audited "decision.add",
 * as the per-flag call does. All of it and one "decision.made" webhook
 * delivery (scope "document") per webhook are one store transaction.
 */
enum MHD_Result ds_http_document_decision(ds_http_request *q, ds_store *st)
{
    static const char *const allowed[] = {"accepted", "rejected", "escalated", NULL};
    enum { CAP = 256 };
    char dec[16], note[DS_STORE_NOTE_MAX + 1];
    enum MHD_Result answer = MHD_NO;
    if (!decision_body(q, allowed, dec, sizeof dec, note, sizeof note, &answer))
        return answer;
    ds_job job;
    ds_document doc;
    ds_error err = job_load(st, q, &job, &doc);
    if (err != DS_OK)
        return ds_http_send_store_error(q, st, err);
    json_t *rep = report_load(st, job.id, &err);
    if (!rep)
        return err == DS_ERR_NO_RECORD
                   ? ds_http_send_error(q, 409, "report_not_ready", "The job has no report.")
                   : ds_http_send_store_error(q, st, err);
    ds_decision *prev = calloc(CAP, sizeof *prev);
    bool *decided = calloc(CAP, sizeof *decided);
    json_t *implied = json_array();
    int nprev = 0;
    ds_audit_new *audit = NULL;
    char (*objs)[DS_STORE_OBJECT_MAX + 1] = NULL;
    ds_decision *dv = NULL;
    int64_t *ids = NULL;
    if (!prev || !decided || !implied) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    err = ds_store_decision_list(st, doc.id, CAP, prev, &nprev);
    if (err != DS_OK)
        goto out;
    for (int i = 0; i < nprev; i++)
        if (prev[i].flag_index >= 0 && prev[i].flag_index < CAP)
            decided[prev[i].flag_index] = true;
    /* Room for the document's entry and one per flag it decides. */
    size_t nflags = json_array_size(json_object_get(rep, "flags"));
    audit = calloc(nflags + 1, sizeof *audit);
    objs = calloc(nflags + 1, sizeof *objs);
    dv = calloc(nflags + 1, sizeof *dv);
    ids = calloc(nflags + 1, sizeof *ids);
    if (!audit || !objs || !dv || !ids) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    bool escalated = !strcmp(dec, "escalated");
    int na = 0, nd = 0;
    snprintf(objs[na], sizeof objs[na], "job:%lld:%s", (long long)job.id, dec);
    audit[na] = (ds_audit_new){escalated ? "decision.escalate" : "decision.document", objs[na]};
    na++;
    bool flag_accepted = !strcmp(dec, "rejected");
    size_t i;
    json_t *f;
    json_array_foreach(json_object_get(rep, "flags"), i, f)
    {
        if (escalated || (i < CAP && decided[i]))
            continue;
        ds_decision *d = &dv[nd++];
        d->document_id = job.document_id;
        d->flag_index = (int)i;
        snprintf(d->flag_code, sizeof d->flag_code, "%s", ds_http_jstr(f, "code"));
        d->accepted = flag_accepted;
        snprintf(d->note, sizeof d->note, "%s", note);
        snprintf(d->officer, sizeof d->officer, "%s", q->tok.name);
        snprintf(objs[na], sizeof objs[na], "job:%lld/flag:%d:%s", (long long)job.id, (int)i,
                 flag_accepted ? "accepted" : "rejected");
        audit[na] = (ds_audit_new){"decision.add", objs[na]};
        na++;
    }
    ds_http_decision_act act = {&job, -1, NULL, dec};
    err = ds_http_decision_record(q, st, &act, audit, na, dv, nd, ids);
    for (int k = 0; err == DS_OK && k < nd; k++)
        json_array_append_new(implied, json_pack("{s:I,s:i,s:s,s:s}", "decision_id",
                                                 (json_int_t)ids[k], "flag", dv[k].flag_index,
                                                 "code", dv[k].flag_code, "decision",
                                                 flag_accepted ? "accepted" : "rejected"));
out:
    json_decref(rep);
    free(prev);
    free(decided);
    free(audit);
    free(objs);
    free(dv);
    free(ids);
    if (err != DS_OK) {
        json_decref(implied);
        return err == DS_ERR_NOMEM ? ds_http_send_error(q, 500, "internal", "Out of memory.")
                                   : ds_http_send_store_error(q, st, err);
    }
    ds_log(DS_LOG_INFO, "http", "document decision on job %lld by %s", (long long)job.id,
           q->tok.name);
    return ds_http_send_json(q, 201,
                             json_pack("{s:I,s:s,s:s,s:o}", "job_id", (json_int_t)job.id,
                                       "decision", dec, "officer", q->tok.name, "flags", implied),
                             NULL);
}

/*
 * Escalates flag {flag}: a senior officer is to decide it. Nothing is
 * decided (the flag stays pending in the queue); the escalation is
 * appended to the audit log as "decision.escalate", object
 * "job:N/flag:K:escalated", in one store transaction with its
 * "decision.made" webhook deliveries (scope "flag"). The body is {"note"}
 * (optional); the note is not stored: the audit log holds no free text.
 */
enum MHD_Result ds_http_flag_escalate(ds_http_request *q, ds_store *st)
{
    ds_job job;
    ds_document doc;
    ds_error err = job_load(st, q, &job, &doc);
    if (err != DS_OK)
        return ds_http_send_store_error(q, st, err);
    json_t *rep = report_load(st, job.id, &err);
    if (!rep)
        return err == DS_ERR_NO_RECORD
                   ? ds_http_send_error(q, 409, "report_not_ready", "The job has no report.")
                   : ds_http_send_store_error(q, st, err);
    json_t *flag = json_array_get(json_object_get(rep, "flags"), (size_t)q->flag_index);
    char code[DS_STORE_CODE_MAX + 1];
    snprintf(code, sizeof code, "%s", flag ? ds_http_jstr(flag, "code") : "");
    json_decref(rep);
    if (!flag)
        return ds_http_send_error(q, 404, "flag_not_found",
                                  "The report has no flag with that index.");
    char obj[DS_STORE_OBJECT_MAX + 1];
    snprintf(obj, sizeof obj, "job:%lld/flag:%d:escalated", (long long)job.id, q->flag_index);
    ds_audit_new audit = {"decision.escalate", obj};
    ds_http_decision_act act = {&job, q->flag_index, code, "escalated"};
    err = ds_http_decision_record(q, st, &act, &audit, 1, NULL, 0, NULL);
    if (err != DS_OK)
        return ds_http_send_store_error(q, st, err);
    return ds_http_send_json(q, 201,
                             json_pack("{s:I,s:i,s:s,s:s,s:s}", "job_id", (json_int_t)job.id,
                                       "flag", q->flag_index, "code", code, "decision",
                                       "escalated", "officer", q->tok.name),
                             NULL);
}
