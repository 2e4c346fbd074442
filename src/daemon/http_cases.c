/*
 * The HTTP handlers of case records and document submissions:
 * PUT, GET and DELETE /v1/cases/{case}, POST /v1/cases/{case}/documents.
 *
 * A submission is answered 202 only after ds_store_submit has committed
 * the file and its job; the workers are woken after that. A case record
 * belongs to the token that created it (docs/daemon.md, *Case ownership*):
 * a write to another's case, record or document, is answered like an
 * unknown record (404), never with its content or owner. A case read is
 * appended to the audit log before it is answered. Handlers never log a
 * body, case data or a file name, only ids and the caller's token name.
 */
#include "http_api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/case.h"

/* The owner string of the request's token (store.h): "token:<id>". The id,
 * not the name, so that a later token given a revoked token's name owns
 * nothing of it. */
static void ds_http_case_owner(const ds_http_request *q, char *out, size_t cap)
{
    snprintf(out, cap, "token:%lld", (long long)q->tok.id);
}

/* The answer to a write to a case another token or station owns: the
 * same 404 as for an unknown record, naming neither the owner nor the
 * record's content. */
static enum MHD_Result ds_http_case_refuse(ds_http_request *q)
{
    return ds_http_send_error(q, 404, "not_found",
                              "No case with this id may be written with this token.");
}

enum MHD_Result ds_http_case_put(ds_http_request *q, ds_store *st)
{
    ds_case cr;
    char msg[DS_CASE_MSG_MAX];
    if (!q->body || q->len == 0)
        return ds_http_send_error(q, 400, "invalid_json", "The body must be a case record (JSON).");
    ds_error err = ds_case_parse(q->body, q->len, &cr, msg, sizeof msg);
    if (err == DS_ERR_JSON)
        return ds_http_send_error(q, 400, "invalid_json", "%s", msg);
    if (err != DS_OK)
        return ds_http_send_error(q, 422, "invalid_case", "%s",
                                  msg[0] ? msg : ds_error_message(err));
    if (strcmp(cr.case_id, q->id) != 0)
        return ds_http_send_error(q, 422, "case_id_mismatch",
                                  "The case_id in the body differs from the one in the URL.");
    char owner[DS_STORE_OWNER_MAX + 1];
    ds_http_case_owner(q, owner, sizeof owner);
    bool created = false;
    err = ds_store_case_put(st, q->id, owner, q->body, q->len, &created);
    if (err == DS_ERR_NO_RECORD)
        return ds_http_case_refuse(q);
    if (err != DS_OK)
        return ds_http_send_store_error(q, st, err);
    ds_log(DS_LOG_INFO, "http", "case %s by %s", created ? "created" : "updated", q->tok.name);
    return ds_http_send_json(q, created ? 201 : 200,
                             json_pack("{s:s,s:b}", "case_id", q->id, "created", created), NULL);
}

enum MHD_Result ds_http_case_get(ds_http_request *q, ds_store *st)
{
    char *text = NULL;
    size_t len = 0;
    ds_error err = ds_store_case_get(st, q->id, &text, &len, NULL);
    if (err != DS_OK)
        return ds_http_send_store_error(q, st, err);
    char obj[DS_STORE_OBJECT_MAX + 1];
    snprintf(obj, sizeof obj, "case:%.120s", q->id);
    err = ds_store_audit_append(st, q->tok.name, "case.read", obj, NULL);
    if (err != DS_OK) {
        free(text);
        return ds_http_send_store_error(q, st, err);
    }
    enum MHD_Result r = ds_http_send_text(q, 200, "application/json", text, len, NULL);
    free(text);
    return r;
}

/* DELETE /v1/cases/{case} (admin): everything of the case, in the store at
 * once (ds_store_case_delete, audited there) and its hot-folder copies at
 * the hot-folder thread's next round, which this wakes. */
enum MHD_Result ds_http_case_delete(ds_http_request *q, ds_store *st)
{
    int64_t docs = 0;
    ds_error err = ds_store_case_delete(st, q->id, q->tok.name, &docs);
    if (err == DS_ERR_CONFLICT)
        return ds_http_send_error(q, 409, "case_busy",
                                  "A document of the case is being screened; retry later.");
    if (err != DS_OK)
        return ds_http_send_store_error(q, st, err);
    atomic_store(&q->d->hotfolder_sweep, 1);
    ds_log(DS_LOG_INFO, "http", "case deleted (%lld document(s)) by %s", (long long)docs,
           q->tok.name);
    return ds_http_send_json(q, 200,
                             json_pack("{s:s,s:b,s:I}", "case_id", q->id, "deleted", 1,
                                       "documents", (json_int_t)docs),
                             NULL);
}

enum MHD_Result ds_http_document_post(ds_http_request *q, ds_store *st)
{
    if (atomic_load(&q->d->stopping))
        return ds_http_send_error(q, 503, "shutting_down",
                                  "The service is shutting down; retry later.");
    if (q->multipart && q->file_parts == 0)
        return ds_http_send_error(q, 400, "no_document",
                                  "The multipart body has no file part (name it \"file\").");
    if (q->file_parts > 1)
        return ds_http_send_error(q, 400, "one_document_per_request",
                                  "Send one document per request.");
    if (q->len == 0 || !q->spool.path[0])
        return ds_http_send_error(q, 400, "empty_document", "The document is empty.");
    const char *key = NULL;
    if (!ds_http_header_text(q, "Idempotency-Key", DS_STORE_KEY_MAX, &key))
        return ds_http_send_error(
            q, 400, "invalid_idempotency_key",
            "The Idempotency-Key must be 1 to %d bytes of UTF-8 without control characters.",
            DS_STORE_KEY_MAX);
    if (!q->multipart) {
        const char *fn = MHD_lookup_connection_value(q->conn, MHD_GET_ARGUMENT_KIND, "filename");
        if (fn && !ds_http_clean_filename(fn, q->filename, sizeof q->filename))
            q->filename_bad = true;
    }
    if (q->filename_bad)
        return ds_http_send_error(q, 400, "invalid_encoding",
                                  "The file name is not valid UTF-8; send it as UTF-8 "
                                  "(percent-encoded in the query).");
    char owner[DS_STORE_OWNER_MAX + 1];
    ds_http_case_owner(q, owner, sizeof owner);
    bool writable = false;
    ds_error werr = ds_store_case_writable(st, q->id, owner, &writable);
    if (werr != DS_OK)
        return ds_http_send_store_error(q, st, werr);
    if (!writable)
        return ds_http_case_refuse(q);
    /* Keys are scoped by the token's id: a later token given a revoked
     * token's name must not replay or collide with its keys. */
    char scope[32];
    snprintf(scope, sizeof scope, "token:%lld", (long long)q->tok.id);
    ds_submission sub = {.case_id = q->id,
                         .filename = q->filename,
                         .source = "api",
                         .station = q->tok.name,
                         .path = q->spool.path, /* the store moves the file */
                         .sha256 = q->spool.sha256,
                         .len = q->len,
                         .idempotency_key = key,
                         .key_scope = scope,
                         .token_id = q->tok.id};
    int64_t doc_id = 0, job_id = 0;
    bool replayed = false;
    ds_error err = ds_store_submit(st, &sub, &doc_id, &job_id, &replayed);
    if (err == DS_ERR_CONFLICT)
        return ds_http_send_error(
            q, 409, "idempotency_conflict",
            "This Idempotency-Key was used for a different document or case.");
    if (err == DS_ERR_EMPTY)
        return ds_http_send_error(q, 400, "empty_document", "The document is empty.");
    if (err != DS_OK)
        return ds_http_send_store_error(q, st, err);
    pthread_mutex_lock(&q->d->metrics.lock);
    q->d->metrics.submissions++;
    if (replayed)
        q->d->metrics.replays++;
    pthread_mutex_unlock(&q->d->metrics.lock);
    if (!replayed)
        ds_daemon_kick(q->d);
    ds_job job;
    const char *state = "queued";
    if (replayed && ds_store_job_get(st, job_id, &job) == DS_OK)
        state = ds_job_state_name(job.state);
    ds_log(DS_LOG_INFO, "http", "document %lld job %lld %s by %s", (long long)doc_id,
           (long long)job_id, replayed ? "replayed" : "queued", q->tok.name);
    char loc[64];
    snprintf(loc, sizeof loc, "/v1/jobs/%lld", (long long)job_id);
    return ds_http_send_json(q, 202,
                             json_pack("{s:I,s:I,s:s,s:s,s:b,s:s}", "job_id", (json_int_t)job_id,
                                       "document_id", (json_int_t)doc_id, "case_id", q->id, "state",
                                       state, "replayed", replayed, "status_url", loc),
                             loc);
}
