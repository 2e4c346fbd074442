/*
 * The HTTP part's replies and parameter parsing: every answer of the API
 * leaves through ds_http_send_text, which adds the headers all answers
 * carry and counts the status in the metrics.
 *
 * This file is the bottom of the HTTP part: it calls no handler and
 * nothing of http.c. A message it builds never holds a value from the
 * request, and it logs only error names and the store's own message. It
 * also records an officer's decision with its "decision.made" webhook
 * deliveries, whose body must never hold a note, a name or case data
 * beyond the case id.
 */
#include "http_api.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------- replies */

static void count_status(ds_daemon_ctx *d, int status)
{
    pthread_mutex_lock(&d->metrics.lock);
    if (status >= 100 && status < 600)
        d->metrics.http_requests[status / 100]++;
    pthread_mutex_unlock(&d->metrics.lock);
}

enum MHD_Result ds_http_send_text(ds_http_request *q, int status, const char *ctype,
                                  const char *text, size_t len, const char *location)
{
    struct MHD_Response *r =
        MHD_create_response_from_buffer(len, (void *)text, MHD_RESPMEM_MUST_COPY);
    if (!r)
        return MHD_NO;
    MHD_add_response_header(r, "Content-Type", ctype);
    MHD_add_response_header(r, "Cache-Control", "no-store");
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    if (location)
        MHD_add_response_header(r, "Location", location);
    if (status == 401)
        MHD_add_response_header(r, "WWW-Authenticate", "Bearer realm=\"docscreen\"");
    if (status == 503)
        MHD_add_response_header(r, "Retry-After", "5");
    if (q->close_after)
        MHD_add_response_header(r, "Connection", "close");
    enum MHD_Result ret = MHD_queue_response(q->conn, (unsigned)status, r);
    MHD_destroy_response(r);
    count_status(q->d, status);
    return ret;
}

enum MHD_Result ds_http_send_body(ds_http_request *q, int status, const char *ctype,
                                  const void *data, size_t len, bool persistent,
                                  const char *const *headers)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(
        len, (void *)data, persistent ? MHD_RESPMEM_PERSISTENT : MHD_RESPMEM_MUST_COPY);
    if (!r)
        return MHD_NO;
    MHD_add_response_header(r, "Content-Type", ctype);
    MHD_add_response_header(r, "Cache-Control", "no-store");
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    for (size_t i = 0; headers && headers[i] && headers[i + 1]; i += 2)
        MHD_add_response_header(r, headers[i], headers[i + 1]);
    enum MHD_Result ret = MHD_queue_response(q->conn, (unsigned)status, r);
    MHD_destroy_response(r);
    count_status(q->d, status);
    return ret;
}

enum MHD_Result ds_http_send_json(ds_http_request *q, int status, json_t *o,
                                  const char *location)
{
    static const char fallback[] =
        "{\"error\":{\"code\":\"internal\",\"message\":\"The answer could not be built.\"}}";
    char *text = o ? json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(6)) : NULL;
    json_decref(o);
    if (!text)
        return ds_http_send_text(q, 500, "application/json", fallback, sizeof fallback - 1, NULL);
    enum MHD_Result r =
        ds_http_send_text(q, status, "application/json", text, strlen(text), location);
    free(text);
    return r;
}

enum MHD_Result ds_http_send_error(ds_http_request *q, int status, const char *code,
                                   const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    /* Messages are fixed sentences; re-encoding only guards against a
     * caller's mistake turning an error into a 500. */
    char safe[2 * sizeof msg];
    return ds_http_send_json(q, status,
                             json_pack("{s:{s:s,s:s}}", "error", "code", code, "message",
                                       ds_edge_safe(msg, safe, sizeof safe)),
                             NULL);
}

enum MHD_Result ds_http_send_store_error(ds_http_request *q, ds_store *st, ds_error err)
{
    switch (err) {
    case DS_ERR_NO_RECORD:
        return ds_http_send_error(q, 404, "not_found", "No such record.");
    case DS_ERR_CONFLICT:
        return ds_http_send_error(q, 409, "conflict",
                                  "The request conflicts with the stored state.");
    case DS_ERR_TOO_LARGE:
        return ds_http_send_error(q, 413, "payload_too_large",
                                  "A value is larger than its limit.");
    case DS_ERR_USAGE:
        return ds_http_send_error(q, 400, "bad_request", "The request is not valid.");
    default:
        ds_log(DS_LOG_ERROR, "http", "store: %s: %s", ds_error_name(err),
               st ? ds_store_errmsg(st) : "");
        return ds_http_send_error(q, 503, "store_unavailable",
                                  "The store could not complete the request; retry later.");
    }
}

/* ------------------------------------------------------------- parsing */

bool ds_http_query_int(ds_http_request *q, const char *name, int64_t lo, int64_t hi,
                       int64_t *out)
{
    const char *v = MHD_lookup_connection_value(q->conn, MHD_GET_ARGUMENT_KIND, name);
    if (!v || !*v)
        return true;
    int64_t x;
    if (!ds_http_parse_i64(v, strlen(v), &x) || x < lo || x > hi)
        return false;
    *out = x;
    return true;
}

bool ds_http_header_text(ds_http_request *q, const char *name, size_t max, const char **out)
{
    const char *v = MHD_lookup_connection_value(q->conn, MHD_HEADER_KIND, name);
    *out = v;
    if (!v)
        return true;
    size_t n = strlen(v);
    if (n == 0 || n > max || !ds_edge_is_utf8(v, n))
        return false;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)v[i] < 0x20 || v[i] == 0x7f)
            return false;
    return true;
}

const char *ds_http_jstr(json_t *o, const char *k)
{
    const char *s = json_string_value(json_object_get(o, k));
    return s ? s : "";
}

/* ------------------------------------------------------------ decisions */

/* The "decision.made" body (keys sorted, as the job.finished body): ids,
 * the flag, the decision, the officer's token name and the time; NULL when
 * out of memory. */
static char *decision_body(const ds_http_decision_act *act, const char *officer,
                           int64_t decided_at)
{
    char case_id[DS_HTTP_SAFE_CAP(DS_STORE_CASE_ID_MAX)], url[64];
    ds_edge_safe(act->job->case_id, case_id, sizeof case_id);
    snprintf(url, sizeof url, "/v1/jobs/%lld/report", (long long)act->job->id);
    bool flag = act->flag_index >= 0;
    json_t *o = json_pack("{s:s,s:I,s:I,s:s,s:s,s:o,s:o,s:s,s:s,s:I,s:s}", "event",
                          "decision.made", "job_id", (json_int_t)act->job->id, "document_id",
                          (json_int_t)act->job->document_id, "case_id", case_id, "scope",
                          flag ? "flag" : "document", "flag_index",
                          flag ? json_integer(act->flag_index) : json_null(), "flag_code",
                          flag ? json_string(act->flag_code ? act->flag_code : "") : json_null(),
                          "decision", act->decision, "officer", officer, "decided_at",
                          (json_int_t)decided_at, "report_url", url);
    if (!o)
        return NULL;
    char *text = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
    json_decref(o);
    return text;
}

ds_error ds_http_decision_record(ds_http_request *q, ds_store *st, const ds_http_decision_act *act,
                                 const ds_audit_new *audit, int audit_count,
                                 const ds_decision *decisions, int decision_count, int64_t *ids)
{
    ds_error err = DS_OK;
    ds_conf *conf = malloc(sizeof *conf);
    char *body = NULL;
    if (!conf) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    ds_daemon_conf(q->d, conf);
    int64_t now = ds_store_now(st);
    body = decision_body(act, q->tok.name, now);
    if (!body) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    ds_delivery_new dv[DS_CONF_WEBHOOKS_MAX];
    int n = 0;
    for (int i = 0; i < conf->webhook_count && n < DS_CONF_WEBHOOKS_MAX; i++, n++) {
        dv[n].url = conf->webhook[i].url;
        dv[n].body = body;
        dv[n].body_len = strlen(body);
    }
    ds_decision_record r = {.officer = q->tok.name,
                            .decided_at = now,
                            .audit = audit,
                            .audit_count = audit_count,
                            .decisions = decisions,
                            .decision_count = decision_count,
                            .job_id = act->job->id,
                            .deliveries = n ? dv : NULL,
                            .delivery_count = n};
    err = ds_store_decision_record(st, &r, ids);
out:
    free(body);
    free(conf);
    return err;
}
