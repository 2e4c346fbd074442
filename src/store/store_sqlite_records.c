/*
 * store_sqlite_records.c: the SQLite backend's cases, reports, the review
 * list and reviewers' decisions (store_sqlite_records.h).
 *
 * Every operation is one transaction, committed before it returns DS_OK and
 * rolled back on any error. Decisions are only inserted: this file never
 * updates or deletes one. Like all of the backend, this file must never
 * build SQL from values (everything is bound), keep a statement or
 * transaction open when a function returns, or put document content or a
 * token into an error message.
 */
#include "store/store_sqlite_records.h"
#include "store/store_sqlite_audit.h"
#include "store/store_sqlite_db.h"
#include "store/store_sqlite_deliveries.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ cases */

/* The owner of case_id into *owned_by_other (true when a record exists and
 * is neither owner's nor unowned) and *exists. Inside a transaction. */
static ds_error case_owner_check(ds_store *s, const char *case_id, const char *owner,
                                 bool *exists, bool *owned_by_other)
{
    int64_t mine = 0;
    bool found = false;
    ds_error err = ds_sq_int(s, &mine, &found,
                             "SELECT owner = '' OR owner = ?2 FROM cases WHERE case_id = ?1", "tt",
                             case_id, owner);
    *exists = found;
    *owned_by_other = found && !mine;
    return err;
}

ds_error ds_sq_case_put(ds_store *s, const char *case_id, const char *owner, const char *json,
                        size_t len, bool *created)
{
    int64_t now = ds_store_now(s);
    bool exists = false, other = false;
    ds_error err = ds_sq_begin(s);
    if (err != DS_OK)
        return err;
    err = case_owner_check(s, case_id, owner, &exists, &other);
    if (err == DS_OK && other)
        err = DS_ERR_NO_RECORD;
    if (err == DS_OK)
        err = ds_sq_run(s, NULL,
                        "INSERT INTO cases(case_id, json, created_at, updated_at, owner) "
                        "VALUES(?1, ?2, ?3, ?3, ?4) ON CONFLICT(case_id) DO UPDATE SET "
                        "json = excluded.json, updated_at = excluded.updated_at, owner = excluded.owner",
                        "tTit", case_id, json, len, now, owner);
    if (err == DS_OK)
        *created = !exists;
    return ds_sq_finish(s, err);
}

ds_error ds_sq_case_writable(ds_store *s, const char *case_id, const char *owner, bool *ok)
{
    bool exists = false, other = false;
    ds_error err = case_owner_check(s, case_id, owner, &exists, &other);
    if (err == DS_OK)
        *ok = !other;
    return err;
}

ds_error ds_sq_case_get(ds_store *s, const char *case_id, char **json, size_t *len,
                        int64_t *updated_at)
{
    sqlite3_stmt *st = NULL;
    CHECK(ds_sq_prep(s, &st, "SELECT json, updated_at FROM cases WHERE case_id = ?", "t", case_id));
    bool row = false;
    ds_error err = ds_sq_step(s, st, &row);
    if (err == DS_OK && !row)
        err = DS_ERR_NO_RECORD;
    if (err == DS_OK)
        err = ds_sq_col_dup(s, st, 0, json, len);
    if (err == DS_OK && updated_at)
        *updated_at = sqlite3_column_int64(st, 1);
    sqlite3_finalize(st);
    return err;
}

/* ---------------------------------------------------------------- reports */

static ds_error report_query(ds_store *s, const char *sql, int64_t arg, char **json, size_t *len)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    CHECK(ds_sq_prep(s, &st, sql, "i", arg));
    ds_error err = ds_sq_step(s, st, &row);
    if (err == DS_OK && (!row || sqlite3_column_type(st, 0) == SQLITE_NULL))
        err = DS_ERR_NO_RECORD;
    if (err == DS_OK)
        err = ds_sq_col_dup(s, st, 0, json, len);
    sqlite3_finalize(st);
    return err;
}

ds_error ds_sq_report_get(ds_store *s, int64_t job_id, char **json, size_t *len)
{
    return report_query(s, "SELECT json FROM reports WHERE job_id = ?", job_id, json, len);
}

ds_error ds_sq_report_get_by_document(ds_store *s, int64_t document_id, char **json, size_t *len)
{
    return report_query(s,
                        "SELECT json FROM reports WHERE document_id = ? ORDER BY job_id DESC LIMIT 1",
                        document_id, json, len);
}

/* ----------------------------------------------------- review, decisions */

ds_error ds_sq_review_list(ds_store *s, bool pending_only, int64_t after_at, int64_t after_job,
                           int cap, ds_review_item *out, int *count)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    int n = 0;
    CHECK(ds_sq_prep(s, &st,
                     "SELECT r.document_id, r.job_id, d.case_id, d.filename, r.flag_count, "
                     "  (SELECT count(DISTINCT x.flag_index) FROM decisions x"
                     "   WHERE x.document_id = r.document_id AND x.job_id = r.job_id) AS decided, "
                     "  r.created_at "
                     "FROM reports r JOIN documents d ON d.id = r.document_id "
                     "WHERE r.verdict = 'review' "
                     "  AND r.job_id = (SELECT max(r2.job_id) FROM reports r2 WHERE r2.document_id = r.document_id) "
                     "  AND (?1 = 0 OR (SELECT count(DISTINCT x.flag_index) FROM decisions x"
                     "       WHERE x.document_id = r.document_id AND x.job_id = r.job_id) < r.flag_count) "
                     "  AND (r.created_at, r.job_id) > (?3, ?4) "
                     "ORDER BY r.created_at, r.job_id LIMIT ?2",
                     "ddii", pending_only ? 1 : 0, cap, after_at, after_job));
    ds_error err = DS_OK;
    while (n < cap && (err = ds_sq_step(s, st, &row)) == DS_OK && row) {
        ds_review_item *it = &out[n++];
        memset(it, 0, sizeof *it);
        it->document_id = sqlite3_column_int64(st, 0);
        it->job_id = sqlite3_column_int64(st, 1);
        ds_sq_col_copy(st, 2, it->case_id, sizeof it->case_id);
        ds_sq_col_copy(st, 3, it->filename, sizeof it->filename);
        it->flag_count = sqlite3_column_int(st, 4);
        it->decided_count = sqlite3_column_int(st, 5);
        it->completed_at = sqlite3_column_int64(st, 6);
    }
    sqlite3_finalize(st);
    if (err == DS_OK)
        *count = n;
    return err;
}

/* Inserts d against the document's latest report, decided at `at`, inside
 * the caller's write transaction; *id gets its id. DS_ERR_NO_RECORD when
 * the document has no report, DS_ERR_USAGE when the flag is not in it. */
static ds_error decision_insert_tx(ds_store *s, const ds_decision *d, int64_t at, int64_t *id)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    ds_error err = DS_OK;
    TRY(ds_sq_prep(s, &st,
                   "SELECT job_id, flag_count FROM reports WHERE document_id = ? ORDER BY job_id DESC LIMIT 1",
                   "i", d->document_id));
    TRY(ds_sq_step(s, st, &row));
    if (!row) {
        err = DS_ERR_NO_RECORD;
        goto out;
    }
    int64_t job = sqlite3_column_int64(st, 0);
    int flags = sqlite3_column_int(st, 1);
    if (d->flag_index >= flags) {
        err = DS_ERR_USAGE;
        goto out;
    }
    TRY(ds_sq_run(s, NULL,
                  "INSERT INTO decisions(document_id, job_id, flag_index, flag_code, accepted, note, "
                  "officer, decided_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?)",
                  "iidtdtti", d->document_id, job, d->flag_index, d->flag_code, d->accepted ? 1 : 0,
                  d->note, d->officer, at));
    *id = sqlite3_last_insert_rowid(DB(s));
out:
    sqlite3_finalize(st);
    return err;
}

ds_error ds_sq_decision_add(ds_store *s, const ds_decision *d, int64_t *id)
{
    ds_error err = ds_sq_begin(s);
    if (err != DS_OK)
        return err;
    err = decision_insert_tx(s, d, ds_store_now(s), id);
    return ds_sq_finish(s, err);
}

ds_error ds_sq_decision_record(ds_store *s, const ds_decision_record *r, int64_t *ids)
{
    ds_error err = ds_sq_begin(s);
    if (err != DS_OK)
        return err;
    for (int i = 0; i < r->audit_count; i++)
        TRY(ds_sq_audit_append_tx(s, r->officer, r->audit[i].action,
                                  r->audit[i].object ? r->audit[i].object : "", NULL));
    for (int i = 0; i < r->decision_count; i++)
        TRY(decision_insert_tx(s, &r->decisions[i], r->decided_at, &ids[i]));
    TRY(ds_sq_delivery_enqueue_tx(s, r->job_id, r->deliveries, r->delivery_count,
                                  ds_store_now(s)));
out:
    return ds_sq_finish(s, err);
}

ds_error ds_sq_decision_list(ds_store *s, int64_t document_id, int cap, ds_decision *out,
                             int *count)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    int n = 0;
    CHECK(ds_sq_prep(s, &st,
                     "SELECT id, document_id, flag_index, flag_code, accepted, note, officer, decided_at "
                     "FROM decisions WHERE document_id = ? ORDER BY id LIMIT ?",
                     "id", document_id, cap));
    ds_error err = DS_OK;
    while (n < cap && (err = ds_sq_step(s, st, &row)) == DS_OK && row) {
        ds_decision *d = &out[n++];
        memset(d, 0, sizeof *d);
        d->id = sqlite3_column_int64(st, 0);
        d->document_id = sqlite3_column_int64(st, 1);
        d->flag_index = sqlite3_column_int(st, 2);
        ds_sq_col_copy(st, 3, d->flag_code, sizeof d->flag_code);
        d->accepted = sqlite3_column_int(st, 4) != 0;
        ds_sq_col_copy(st, 5, d->note, sizeof d->note);
        ds_sq_col_copy(st, 6, d->officer, sizeof d->officer);
        d->decided_at = sqlite3_column_int64(st, 7);
    }
    sqlite3_finalize(st);
    if (err == DS_OK)
        *count = n;
    return err;
}
