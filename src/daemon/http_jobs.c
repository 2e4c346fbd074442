/*
 * The HTTP handlers of jobs and what follows from them: GET
 * /v1/jobs/{job}, GET /v1/jobs/{job}/report, GET /v1/review and POST
 * /v1/jobs/{job}/flags/{flag}/decision.
 *
 * A submitter (station or hook token) sees only the jobs of its own API
 * submissions; any other job is answered 404, as if it did not exist, so
 * that job ids reveal nothing. Every report read, review listing and
 * decision is appended to the audit log before it is answered; a decision
 * is stored with its audit entry and its "decision.made" webhook
 * deliveries in one transaction. Handlers never log report content, only
 * ids and the caller's token name.
 */
#include "http_api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Looks up the job; submitters see only their own submissions (others are
 * answered 404 so that job ids reveal nothing). "Own" means submitted
 * through the API with this very token (its id), not with any token that
 * bore the same name. */
static ds_error job_visible(ds_store *st, ds_http_request *q, ds_job *job, ds_document *doc)
{
    ds_error err = ds_store_job_get(st, q->job_id, job);
    if (err != DS_OK)
        return err;
    err = ds_store_document_get(st, job->document_id, doc);
    if (err != DS_OK)
        return err;
    if ((q->tok.role == DS_ROLE_STATION || q->tok.role == DS_ROLE_HOOK) &&
        (strcmp(doc->source, "api") != 0 || doc->token_id != q->tok.id || q->tok.id <= 0))
        return DS_ERR_NO_RECORD;
    return DS_OK;
}

enum MHD_Result ds_http_job_get(ds_http_request *q, ds_store *st)
{
    ds_job job;
    ds_document doc;
    ds_error err = job_visible(st, q, &job, &doc);
    if (err != DS_OK)
        return ds_http_send_store_error(q, st, err);
    char case_id[DS_HTTP_SAFE_CAP(DS_STORE_CASE_ID_MAX)];
    json_t *o =
        json_pack("{s:I,s:I,s:s,s:s,s:i,s:I,s:I}", "job_id", (json_int_t)job.id, "document_id",
                  (json_int_t)job.document_id, "case_id",
                  ds_edge_safe(job.case_id, case_id, sizeof case_id), "state",
                  ds_job_state_name(job.state), "attempts", job.attempts, "created_at",
                  (json_int_t)job.created_at, "updated_at", (json_int_t)job.updated_at);
    if (job.state == DS_JOB_DONE || job.state == DS_JOB_FAILED) {
        char *text = NULL;
        size_t len = 0;
        if (ds_store_report_get(st, job.id, &text, &len) == DS_OK) {
            json_t *rep = json_loadb(text, len, 0, NULL);
            free(text);
            if (rep) {
                json_t *codes = json_array();
                size_t i;
                json_t *f;
                json_array_foreach(json_object_get(rep, "flags"), i, f)
                    json_array_append_new(codes, json_pack("{s:s,s:s}", "code",
                                                           ds_http_jstr(f, "code"), "severity",
                                                           ds_http_jstr(f, "severity")));
                json_object_set_new(o, "verdict", json_string(ds_http_jstr(rep, "verdict")));
                json_object_set_new(o, "flags", codes);
                json_t *e = json_object_get(rep, "error");
                if (e)
                    json_object_set_new(o, "error",
                                        json_pack("{s:s}", "code", ds_http_jstr(e, "code")));
                json_decref(rep);
            }
        } else {
            json_object_set_new(o, "report_purged", json_true());
        }
        char url[64];
        snprintf(url, sizeof url, "/v1/jobs/%lld/report", (long long)job.id);
        json_object_set_new(o, "report_url", json_string(url));
    }
    return ds_http_send_json(q, 200, o, NULL);
}

enum MHD_Result ds_http_report_get(ds_http_request *q, ds_store *st)
{
    ds_job job;
    ds_document doc;
    ds_error err = job_visible(st, q, &job, &doc);
    if (err != DS_OK)
        return ds_http_send_store_error(q, st, err);
    if (job.state != DS_JOB_DONE && job.state != DS_JOB_FAILED)
        return ds_http_send_json(q, 409,
                                 json_pack("{s:{s:s,s:s},s:s}", "error", "code", "report_not_ready",
                                           "message", "The job has not finished yet.", "state",
                                           ds_job_state_name(job.state)),
                                 NULL);
    char *text = NULL;
    size_t len = 0;
    err = ds_store_report_get(st, job.id, &text, &len);
    if (err == DS_ERR_NO_RECORD)
        return ds_http_send_error(q, 410, "report_purged",
                                  "The report was purged by the retention policy.");
    if (err != DS_OK)
        return ds_http_send_store_error(q, st, err);
    char obj[64];
    snprintf(obj, sizeof obj, "job:%lld", (long long)job.id);
    err = ds_store_audit_append(st, q->tok.name, "report.read", obj, NULL);
    if (err != DS_OK) {
        free(text);
        return ds_http_send_store_error(q, st, err);
    }
    enum MHD_Result r = ds_http_send_text(q, 200, "application/json", text, len, NULL);
    free(text);
    return r;
}

enum MHD_Result ds_http_decision_post(ds_http_request *q, ds_store *st)
{
    json_error_t je;
    json_t *b = q->body ? json_loadb(q->body, q->len, JSON_REJECT_DUPLICATES, &je) : NULL;
    if (!json_is_object(b)) {
        json_decref(b);
        return ds_http_send_error(q, 400, "invalid_json", "The body must be a JSON object.");
    }
    const char *dec = json_string_value(json_object_get(b, "decision"));
    json_t *note_j = json_object_get(b, "note");
    const char *note = json_string_value(note_j);
    if (!dec || (strcmp(dec, "accepted") && strcmp(dec, "rejected")) ||
        (note_j && !json_is_string(note_j) && !json_is_null(note_j))) {
        json_decref(b);
        return ds_http_send_error(
            q, 422, "invalid_decision",
            "\"decision\" must be \"accepted\" or \"rejected\"; \"note\" a string.");
    }
    if (note && strlen(note) > DS_STORE_NOTE_MAX) {
        json_decref(b);
        return ds_http_send_error(q, 413, "payload_too_large", "The note is longer than %d bytes.",
                                  DS_STORE_NOTE_MAX);
    }
    ds_job job;
    ds_document doc;
    ds_error err = job_visible(st, q, &job, &doc);
    if (err != DS_OK) {
        json_decref(b);
        return ds_http_send_store_error(q, st, err);
    }
    char *text = NULL;
    size_t len = 0;
    err = ds_store_report_get(st, job.id, &text, &len);
    if (err != DS_OK) {
        json_decref(b);
        if (err == DS_ERR_NO_RECORD)
            return ds_http_send_error(q, 409, "report_not_ready", "The job has no report.");
        return ds_http_send_store_error(q, st, err);
    }
    json_t *rep = json_loadb(text, len, 0, NULL);
    free(text);
    json_t *flag = json_array_get(json_object_get(rep, "flags"), (size_t)q->flag_index);
    if (!flag) {
        json_decref(rep);
        json_decref(b);
        return ds_http_send_error(q, 404, "flag_not_found",
                                  "The report has no flag with that index.");
    }
    ds_decision d;
    memset(&d, 0, sizeof d);
    d.document_id = job.document_id;
    d.flag_index = q->flag_index;
    snprintf(d.flag_code, sizeof d.flag_code, "%s", ds_http_jstr(flag, "code"));
    d.accepted = !strcmp(dec, "accepted");
    snprintf(d.note, sizeof d.note, "%s", note ? note : "");
    snprintf(d.officer, sizeof d.officer, "%s", q->tok.name);
    json_decref(rep);
    int64_t did = 0;
    char obj[DS_STORE_OBJECT_MAX + 1];
    snprintf(obj, sizeof obj, "job:%lld/flag:%d:%s", (long long)job.id, q->flag_index, dec);
    ds_audit_new audit = {"decision.add", obj};
    ds_http_decision_act act = {&job, q->flag_index, d.flag_code, dec};
    err = ds_http_decision_record(q, st, &act, &audit, 1, &d, 1, &did);
    if (err != DS_OK) {
        json_decref(b);
        if (err == DS_ERR_NO_RECORD)
            return ds_http_send_error(q, 409, "report_not_ready", "The document has no report.");
        if (err == DS_ERR_USAGE)
            return ds_http_send_error(q, 404, "flag_not_found",
                                      "The report has no flag with that index.");
        return ds_http_send_store_error(q, st, err);
    }
    ds_log(DS_LOG_INFO, "http", "decision %lld on job %lld flag %d by %s", (long long)did,
           (long long)job.id, q->flag_index, q->tok.name);
    json_t *o = json_pack("{s:I,s:I,s:i,s:s,s:s,s:s}", "decision_id", (json_int_t)did, "job_id",
                          (json_int_t)job.id, "flag", q->flag_index, "code", d.flag_code,
                          "decision", dec, "officer", d.officer);
    json_decref(b);
    return ds_http_send_json(q, 201, o, NULL);
}

enum MHD_Result ds_http_review_list(ds_http_request *q, ds_store *st)
{
    int64_t limit = 50, all = 0, after_at = 0, after_job = 0;
    const char *after = MHD_lookup_connection_value(q->conn, MHD_GET_ARGUMENT_KIND, "after");
    const char *dot = after ? strchr(after, '.') : NULL;
    bool cursor_ok = !after || !*after ||
                     (dot && ds_http_parse_i64(after, (size_t)(dot - after), &after_at) &&
                      ds_http_parse_i64(dot + 1, strlen(dot + 1), &after_job));
    if (!ds_http_query_int(q, "limit", 1, 500, &limit) || !cursor_ok ||
        !ds_http_query_int(q, "all", 0, 1, &all))
        return ds_http_send_error(q, 400, "invalid_query",
                                  "limit must be 1-500, after a cursor from \"next\", all 0 or 1.");
    ds_review_item *items = calloc((size_t)limit, sizeof *items);
    if (!items)
        return ds_http_send_error(q, 500, "internal", "Out of memory.");
    int n = 0;
    ds_error err = ds_store_review_list(st, all == 0, after_at, after_job, (int)limit, items, &n);
    if (err == DS_OK)
        err = ds_store_audit_append(st, q->tok.name, "review.list", "", NULL);
    if (err != DS_OK) {
        free(items);
        return ds_http_send_store_error(q, st, err);
    }
    json_t *arr = json_array();
    for (int i = 0; i < n; i++) {
        char case_id[DS_HTTP_SAFE_CAP(DS_STORE_CASE_ID_MAX)];
        char file[DS_HTTP_SAFE_CAP(DS_STORE_FILENAME_MAX)];
        json_array_append_new(arr, json_pack("{s:I,s:I,s:s,s:s,s:i,s:i,s:I,s:s}", "job_id",
                                             (json_int_t)items[i].job_id, "document_id",
                                             (json_int_t)items[i].document_id, "case_id",
                                             ds_edge_safe(items[i].case_id, case_id, sizeof case_id),
                                             "filename",
                                             ds_edge_safe(items[i].filename, file, sizeof file),
                                             "flag_count", items[i].flag_count, "decided_count",
                                             items[i].decided_count, "completed_at",
                                             (json_int_t)items[i].completed_at, "report_url", ""));
    }
    for (int i = 0; i < n; i++) {
        char url[64];
        snprintf(url, sizeof url, "/v1/jobs/%lld/report", (long long)items[i].job_id);
        json_object_set_new(json_array_get(arr, (size_t)i), "report_url", json_string(url));
    }
    json_t *o = json_pack("{s:o}", "items", arr);
    if (n == limit) {
        /* the cursor is the last item's key: "<completed_at>.<job_id>" */
        char next[48];
        snprintf(next, sizeof next, "%lld.%lld", (long long)items[n - 1].completed_at,
                 (long long)items[n - 1].job_id);
        free(items);
        json_object_set_new(o, "next", json_string(next));
    } else {
        free(items);
        json_object_set_new(o, "next", json_null());
    }
    return ds_http_send_json(q, 200, o, NULL);
}
