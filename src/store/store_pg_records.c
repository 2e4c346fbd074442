/*
 * store_pg_records.c: the PostgreSQL backend's cases, reports, the review
 * list and reviewers' decisions (store_pg_records.h).
 *
 * Every operation is one transaction, committed before it returns DS_OK and
 * rolled back on any error. A case's owner is checked and written under an
 * advisory lock on the case id, so two nodes creating one case at once
 * cannot both win. Decisions are only inserted. Like all of the backend,
 * this file must never write a value into SQL, keep a transaction open when
 * a function returns, or put document content or a token into an error
 * message.
 */
#include "store/store_pg_records.h"
#include "store/store_pg_audit.h"
#include "store/store_pg_db.h"
#include "store/store_pg_deliveries.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ cases */

/* *exists and *owned_by_other (a record exists and is neither owner's nor
 * unowned) of case_id. Inside a transaction. */
static ds_error case_owner_check(ds_store *s, const char *case_id, const char *owner,
                                 bool *exists, bool *owned_by_other)
{
    int64_t mine = 0;
    bool found = false;
    ds_error err = ds_pg_int(s, &mine, &found,
                             "SELECT (owner = '' OR owner = $2)::int FROM cases WHERE case_id = $1",
                             "tt", case_id, owner);
    *exists = found;
    *owned_by_other = found && !mine;
    return err;
}

ds_error ds_pgr_case_put(ds_store *s, const char *case_id, const char *owner, const char *json,
                         size_t len, bool *created)
{
    int64_t now = ds_store_now(s);
    bool exists = false, other = false;
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    TRY(ds_pg_run(s, NULL, "SELECT pg_advisory_xact_lock(hashtextextended('case' || chr(10) || $1, 17))",
                  "t", case_id));
    TRY(case_owner_check(s, case_id, owner, &exists, &other));
    if (other) {
        err = DS_ERR_NO_RECORD;
        goto out;
    }
    TRY(ds_pg_run(s, NULL,
                  "INSERT INTO cases(case_id, json, created_at, updated_at, owner) "
                  "VALUES($1, $2, $3, $3, $4) ON CONFLICT (case_id) DO UPDATE SET "
                  "json = excluded.json, updated_at = excluded.updated_at, owner = excluded.owner",
                  "tTit", case_id, json, len, now, owner));
    *created = !exists;
out:
    return ds_pg_finish(s, err);
}

ds_error ds_pgr_case_writable(ds_store *s, const char *case_id, const char *owner, bool *ok)
{
    bool exists = false, other = false;
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    err = case_owner_check(s, case_id, owner, &exists, &other);
    err = ds_pg_finish(s, err);
    if (err == DS_OK)
        *ok = !other;
    return err;
}

ds_error ds_pgr_case_get(ds_store *s, const char *case_id, char **json, size_t *len,
                         int64_t *updated_at)
{
    PGresult *r = NULL;
    char *j = NULL;
    size_t n = 0;
    int64_t at = 0;
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    TRY(ds_pg_query(s, &r, false, "SELECT json, updated_at FROM cases WHERE case_id = $1", "t",
                    case_id));
    if (PQntuples(r) == 0) {
        err = DS_ERR_NO_RECORD;
        goto out;
    }
    TRY(ds_pg_dup(r, 0, 0, &j, &n));
    at = ds_pg_i64(r, 0, 1);
out:
    PQclear(r);
    err = ds_pg_finish(s, err);
    if (err == DS_OK) {
        *json = j;
        *len = n;
        if (updated_at)
            *updated_at = at;
    } else {
        free(j);
    }
    return err;
}

/* ---------------------------------------------------------------- reports */

static ds_error report_query(ds_store *s, const char *sql, int64_t arg, char **json, size_t *len)
{
    PGresult *r = NULL;
    char *j = NULL;
    size_t n = 0;
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    TRY(ds_pg_query(s, &r, false, sql, "i", arg));
    if (PQntuples(r) == 0 || PQgetisnull(r, 0, 0)) {
        err = DS_ERR_NO_RECORD;
        goto out;
    }
    TRY(ds_pg_dup(r, 0, 0, &j, &n));
out:
    PQclear(r);
    err = ds_pg_finish(s, err);
    if (err == DS_OK) {
        *json = j;
        *len = n;
    } else {
        free(j);
    }
    return err;
}

ds_error ds_pgr_report_get(ds_store *s, int64_t job_id, char **json, size_t *len)
{
    return report_query(s, "SELECT json FROM reports WHERE job_id = $1", job_id, json, len);
}

ds_error ds_pgr_report_get_by_document(ds_store *s, int64_t document_id, char **json, size_t *len)
{
    return report_query(s,
                        "SELECT json FROM reports WHERE document_id = $1 ORDER BY job_id DESC LIMIT 1",
                        document_id, json, len);
}

/* ----------------------------------------------------- review, decisions */

ds_error ds_pgr_review_list(ds_store *s, bool pending_only, int64_t after_at, int64_t after_job,
                            int cap, ds_review_item *out, int *count)
{
    PGresult *r = NULL;
    int n = 0;
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    TRY(ds_pg_query(s, &r, false,
                    "SELECT r.document_id, r.job_id, d.case_id, d.filename, r.flag_count, "
                    "  (SELECT count(DISTINCT x.flag_index) FROM decisions x"
                    "   WHERE x.document_id = r.document_id AND x.job_id = r.job_id) AS decided, "
                    "  r.created_at "
                    "FROM reports r JOIN documents d ON d.id = r.document_id "
                    "WHERE r.verdict = 'review' "
                    "  AND r.job_id = (SELECT max(r2.job_id) FROM reports r2"
                    "                  WHERE r2.document_id = r.document_id) "
                    "  AND ($1 = 0 OR (SELECT count(DISTINCT x.flag_index) FROM decisions x"
                    "       WHERE x.document_id = r.document_id AND x.job_id = r.job_id) < r.flag_count) "
                    "  AND (r.created_at, r.job_id) > ($3, $4) "
                    "ORDER BY r.created_at, r.job_id LIMIT $2",
                    "ddii", pending_only ? 1 : 0, cap, after_at, after_job));
    for (; n < cap && n < PQntuples(r); n++) {
        ds_review_item *it = &out[n];
        memset(it, 0, sizeof *it);
        it->document_id = ds_pg_i64(r, n, 0);
        it->job_id = ds_pg_i64(r, n, 1);
        ds_pg_copy(r, n, 2, it->case_id, sizeof it->case_id);
        ds_pg_copy(r, n, 3, it->filename, sizeof it->filename);
        it->flag_count = (int)ds_pg_i64(r, n, 4);
        it->decided_count = (int)ds_pg_i64(r, n, 5);
        it->completed_at = ds_pg_i64(r, n, 6);
    }
out:
    PQclear(r);
    err = ds_pg_finish(s, err);
    if (err == DS_OK)
        *count = n;
    return err;
}

/* Inserts d against the document's latest report, decided at `at`, inside
 * the caller's transaction; *id gets its id. DS_ERR_NO_RECORD when the
 * document has no report, DS_ERR_USAGE when the flag is not in it. */
static ds_error decision_insert_tx(ds_store *s, const ds_decision *d, int64_t at, int64_t *id)
{
    PGresult *r = NULL;
    ds_error err = DS_OK;
    TRY(ds_pg_query(s, &r, false,
                    "SELECT job_id, flag_count FROM reports WHERE document_id = $1"
                    " ORDER BY job_id DESC LIMIT 1",
                    "i", d->document_id));
    if (PQntuples(r) == 0) {
        err = DS_ERR_NO_RECORD;
        goto out;
    }
    int64_t job = ds_pg_i64(r, 0, 0);
    int64_t flags = ds_pg_i64(r, 0, 1);
    if (d->flag_index >= flags) {
        err = DS_ERR_USAGE;
        goto out;
    }
    TRY(ds_pg_int(s, id, NULL,
                  "INSERT INTO decisions(document_id, job_id, flag_index, flag_code, accepted, note, "
                  "officer, decided_at) VALUES($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                  "iidtdtti", d->document_id, job, d->flag_index, d->flag_code, d->accepted ? 1 : 0,
                  d->note, d->officer, at));
out:
    PQclear(r);
    return err;
}

ds_error ds_pgr_decision_add(ds_store *s, const ds_decision *d, int64_t *id)
{
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    err = decision_insert_tx(s, d, ds_store_now(s), id);
    return ds_pg_finish(s, err);
}

ds_error ds_pgr_decision_record(ds_store *s, const ds_decision_record *r, int64_t *ids)
{
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    for (int i = 0; i < r->audit_count; i++)
        TRY(ds_pga_audit_append_tx(s, r->officer, r->audit[i].action,
                                   r->audit[i].object ? r->audit[i].object : "", NULL));
    for (int i = 0; i < r->decision_count; i++)
        TRY(decision_insert_tx(s, &r->decisions[i], r->decided_at, &ids[i]));
    TRY(ds_pgd_delivery_enqueue_tx(s, r->job_id, r->deliveries, r->delivery_count,
                                   ds_store_now(s)));
out:
    return ds_pg_finish(s, err);
}

ds_error ds_pgr_decision_list(ds_store *s, int64_t document_id, int cap, ds_decision *out,
                              int *count)
{
    PGresult *r = NULL;
    int n = 0;
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    TRY(ds_pg_query(s, &r, false,
                    "SELECT id, document_id, flag_index, flag_code, accepted, note, officer, "
                    "decided_at FROM decisions WHERE document_id = $1 ORDER BY id LIMIT $2",
                    "id", document_id, cap));
    for (; n < cap && n < PQntuples(r); n++) {
        ds_decision *d = &out[n];
        memset(d, 0, sizeof *d);
        d->id = ds_pg_i64(r, n, 0);
        d->document_id = ds_pg_i64(r, n, 1);
        d->flag_index = (int)ds_pg_i64(r, n, 2);
        ds_pg_copy(r, n, 3, d->flag_code, sizeof d->flag_code);
        d->accepted = ds_pg_i64(r, n, 4) != 0;
        ds_pg_copy(r, n, 5, d->note, sizeof d->note);
        ds_pg_copy(r, n, 6, d->officer, sizeof d->officer);
        d->decided_at = ds_pg_i64(r, n, 7);
    }
out:
    PQclear(r);
    err = ds_pg_finish(s, err);
    if (err == DS_OK)
        *count = n;
    return err;
}
