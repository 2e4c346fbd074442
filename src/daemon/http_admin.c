/*
 * The HTTP handlers of the service itself: GET /healthz, GET /metrics,
 * the API tokens (POST and GET /v1/tokens, DELETE /v1/tokens/{token}),
 * GET /v1/deliveries and POST /v1/admin/reload.
 *
 * A new token is shown once, in the answer that creates it, and is never
 * logged; a token list carries names, roles and dates only. Token changes
 * are appended to the audit log. A reload is a SIGHUP to this process: the
 * run loop does it, the handler never touches the configuration.
 */
#include "http_api.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum MHD_Result ds_http_health(ds_http_request *q, ds_store *st)
{
    int64_t depth = -1;
    bool ok = st && ds_store_queue_depth(st, &depth) == DS_OK;
    bool stopping = atomic_load(&q->d->stopping);
    const char *status = stopping ? "stopping" : ok ? "ok" : "store_unavailable";
    return ds_http_send_json(q, ok && !stopping ? 200 : 503,
                             json_pack("{s:s,s:s,s:I,s:i,s:b}", "status", status, "version",
                                       ds_version(), "queue_depth", (json_int_t)depth, "workers",
                                       q->d->worker_count, "store_ok", ok),
                             NULL);
}

enum MHD_Result ds_http_metrics(ds_http_request *q, ds_store *st)
{
    char *text = ds_metrics_render(q->d, st);
    if (!text)
        return ds_http_send_error(q, 500, "internal", "Out of memory.");
    enum MHD_Result r = ds_http_send_text(q, 200, "text/plain; version=0.0.4; charset=utf-8", text,
                                          strlen(text), NULL);
    free(text);
    return r;
}

enum MHD_Result ds_http_token_create(ds_http_request *q, ds_store *st)
{
    json_error_t je;
    json_t *b = q->body ? json_loadb(q->body, q->len, JSON_REJECT_DUPLICATES, &je) : NULL;
    if (!json_is_object(b)) {
        json_decref(b);
        return ds_http_send_error(q, 400, "invalid_json", "The body must be a JSON object.");
    }
    const char *name = json_string_value(json_object_get(b, "name"));
    const char *rolename = json_string_value(json_object_get(b, "role"));
    ds_role role;
    if (!name || !ds_http_id_ok(name, strlen(name), 64) || !rolename ||
        !ds_role_parse(rolename, &role)) {
        json_decref(b);
        return ds_http_send_error(
            q, 422, "invalid_token_request",
            "\"name\" must be 1-64 letters, digits, '.', '_', '-' or ':'; \"role\" "
            "one of station, hook, officer, admin.");
    }
    char tok[69];
    ds_error err = ds_token_generate(tok);
    if (err == DS_OK)
        err = ds_store_token_create(st, tok, role, name, NULL);
    if (err == DS_ERR_CONFLICT) {
        json_decref(b);
        return ds_http_send_error(q, 409, "token_exists", "A token with that name exists.");
    }
    if (err != DS_OK) {
        json_decref(b);
        return ds_http_send_store_error(q, st, err);
    }
    char obj[DS_STORE_OBJECT_MAX + 1];
    snprintf(obj, sizeof obj, "token:%.120s", name);
    ds_store_audit_append(st, q->tok.name, "token.create", obj, NULL);
    ds_log(DS_LOG_INFO, "http", "token created (role %s) by %s", ds_role_name(role), q->tok.name);
    json_t *o = json_pack("{s:s,s:s,s:s}", "name", name, "role", ds_role_name(role), "token", tok);
    json_decref(b);
    memset(tok, 0, sizeof tok);
    return ds_http_send_json(q, 201, o, NULL);
}

enum MHD_Result ds_http_token_list(ds_http_request *q, ds_store *st)
{
    enum { CAP = 1000 };
    ds_token *t = calloc(CAP, sizeof *t);
    int n = 0;
    if (!t)
        return ds_http_send_error(q, 500, "internal", "Out of memory.");
    ds_error err = ds_store_token_list(st, CAP, t, &n);
    if (err != DS_OK) {
        free(t);
        return ds_http_send_store_error(q, st, err);
    }
    json_t *arr = json_array();
    char name[DS_HTTP_SAFE_CAP(DS_STORE_NAME_MAX)];
    for (int i = 0; i < n; i++)
        json_array_append_new(arr, json_pack("{s:s,s:s,s:I,s:I}", "name",
                                             ds_edge_safe(t[i].name, name, sizeof name), "role",
                                             ds_role_name(t[i].role), "created_at",
                                             (json_int_t)t[i].created_at, "revoked_at",
                                             (json_int_t)t[i].revoked_at));
    free(t);
    return ds_http_send_json(q, 200, json_pack("{s:o}", "tokens", arr), NULL);
}

enum MHD_Result ds_http_token_revoke(ds_http_request *q, ds_store *st)
{
    ds_error err = ds_store_token_revoke(st, q->id);
    if (err != DS_OK)
        return ds_http_send_store_error(q, st, err);
    char obj[DS_STORE_OBJECT_MAX + 1];
    snprintf(obj, sizeof obj, "token:%.120s", q->id);
    ds_store_audit_append(st, q->tok.name, "token.revoke", obj, NULL);
    ds_log(DS_LOG_INFO, "http", "token revoked by %s", q->tok.name);
    return ds_http_send_json(q, 200, json_pack("{s:s,s:b}", "name", q->id, "revoked", 1), NULL);
}

enum MHD_Result ds_http_delivery_list(ds_http_request *q, ds_store *st)
{
    int64_t job = 0, limit = 100, after = 0;
    if (!ds_http_query_int(q, "job", 0, INT64_MAX / 2, &job) ||
        !ds_http_query_int(q, "limit", 1, 1000, &limit) ||
        !ds_http_query_int(q, "after", 0, INT64_MAX / 2, &after))
        return ds_http_send_error(q, 400, "invalid_query",
                                  "job, limit (1-1000) and after (a \"next\" cursor) are numbers.");
    ds_delivery *dv = calloc((size_t)limit, sizeof *dv);
    int n = 0;
    if (!dv)
        return ds_http_send_error(q, 500, "internal", "Out of memory.");
    ds_error err = ds_store_delivery_list(st, job, after, (int)limit, dv, &n);
    if (err != DS_OK) {
        free(dv);
        return ds_http_send_store_error(q, st, err);
    }
    json_t *arr = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(
            arr, json_pack("{s:I,s:I,s:s,s:s,s:i,s:i,s:s,s:I,s:I,s:I}", "id", (json_int_t)dv[i].id,
                           "job_id", (json_int_t)dv[i].job_id, "url", dv[i].url, "state",
                           ds_delivery_state_name(dv[i].state), "attempts", dv[i].attempts,
                           "last_status", dv[i].last_status, "last_error", dv[i].last_error,
                           "created_at", (json_int_t)dv[i].created_at, "updated_at",
                           (json_int_t)dv[i].updated_at, "next_attempt_at",
                           (json_int_t)dv[i].next_attempt_at));
    /* the cursor is the last (oldest) id of the page: the next page lists
     * older deliveries only */
    json_t *o = json_pack("{s:o}", "deliveries", arr);
    json_object_set_new(o, "next", n == limit ? json_integer(dv[n - 1].id) : json_null());
    free(dv);
    return ds_http_send_json(q, 200, o, NULL);
}

enum MHD_Result ds_http_reload(ds_http_request *q, ds_store *st)
{
    ds_log(DS_LOG_INFO, "http", "reload requested by %s", q->tok.name);
    kill(getpid(), SIGHUP);
    return ds_http_send_json(q, 202, json_pack("{s:b}", "reload", 1), NULL);
}
