/*
 * store_sqlite_jobs.c: the SQLite backend's documents and jobs: a submission
 * (the document, its idempotency key, its job), the queue and the job states
 * (store_sqlite_jobs.h).
 *
 * Every operation is one transaction, committed before it returns DS_OK and
 * rolled back on any error. A job is claimed by one worker at a time, by a
 * single UPDATE that moves it out of the queued state. Like all of the
 * backend, this file must never build SQL from values (everything is bound),
 * keep a statement or transaction open when a function returns, or put
 * document content or a token into an error message.
 */
#include "store/store_sqlite_jobs.h"
#include "store/store_sqlite_db.h"
#include "store/store_sqlite_deliveries.h"
#include "store/store_sqlite_memory.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ----------------------------------------------------- documents and jobs */

ds_error ds_sq_submit(ds_store *s, const ds_submission *sub, const char *sha256,
                      const char *fingerprint, int64_t *document_id, int64_t *job_id,
                      bool *replayed)
{
    int64_t now = ds_store_now(s);
    const char *key = sub->idempotency_key && sub->idempotency_key[0] ? sub->idempotency_key : NULL;
    const char *scope = sub->key_scope ? sub->key_scope : "";
    sqlite3_stmt *st = NULL;
    int64_t doc = 0, job = 0;
    ds_error err = ds_sq_begin(s);
    if (err != DS_OK)
        return err;
    if (key) {
        bool row = false;
        TRY(ds_sq_prep(s, &st,
                       "SELECT fingerprint, document_id, job_id FROM idempotency WHERE scope = ? AND key = ?",
                       "tt", scope, key));
        TRY(ds_sq_step(s, st, &row));
        if (row) {
            char fp[65];
            ds_sq_col_copy(st, 0, fp, sizeof fp);
            if (strcmp(fp, fingerprint) != 0) {
                ds_store_fail(s, "the idempotency key was used with another request", NULL);
                err = DS_ERR_CONFLICT;
                goto out;
            }
            *document_id = sqlite3_column_int64(st, 1);
            *job_id = sqlite3_column_int64(st, 2);
            *replayed = true;
            goto out;
        }
        sqlite3_finalize(st);
        st = NULL;
    }
    TRY(ds_store_blob_put(s, sha256, sub->data, sub->len));
    TRY(ds_sq_run(s, NULL,
                  "INSERT INTO documents(case_id, sha256, size, filename, source, station, "
                  "created_at, token_id) VALUES(?, ?, ?, ?, ?, ?, ?, ?)",
                  "ttitttii", sub->case_id, sha256, (int64_t)sub->len, sub->filename,
                  sub->source ? sub->source : "api", sub->station, now, sub->token_id));
    doc = sqlite3_last_insert_rowid(DB(s));
    TRY(ds_sq_run(s, NULL,
                  "INSERT INTO jobs(document_id, case_id, state, attempts, worker, created_at, updated_at) "
                  "VALUES(?1, ?2, 0, 0, '', ?3, ?3)",
                  "iti", doc, sub->case_id, now));
    job = sqlite3_last_insert_rowid(DB(s));
    if (key)
        TRY(ds_sq_run(s, NULL,
                      "INSERT INTO idempotency(scope, key, fingerprint, document_id, job_id, created_at) "
                      "VALUES(?, ?, ?, ?, ?, ?)",
                      "tttiii", scope, key, fingerprint, doc, job, now));
    *document_id = doc;
    *job_id = job;
    *replayed = false;
out:
    sqlite3_finalize(st);
    return ds_sq_finish(s, err);
}

ds_error ds_sq_document_get(ds_store *s, int64_t id, ds_document *d)
{
    sqlite3_stmt *st = NULL;
    CHECK(ds_sq_prep(s, &st,
                     "SELECT id, case_id, sha256, filename, source, station, created_at, size, "
                     "coalesce(purged_at, 0), token_id FROM documents WHERE id = ?",
                     "i", id));
    bool row = false;
    ds_error err = ds_sq_step(s, st, &row);
    if (err == DS_OK && !row)
        err = DS_ERR_NO_RECORD;
    if (err == DS_OK) {
        memset(d, 0, sizeof *d);
        d->id = sqlite3_column_int64(st, 0);
        ds_sq_col_copy(st, 1, d->case_id, sizeof d->case_id);
        ds_sq_col_copy(st, 2, d->sha256, sizeof d->sha256);
        ds_sq_col_copy(st, 3, d->filename, sizeof d->filename);
        ds_sq_col_copy(st, 4, d->source, sizeof d->source);
        ds_sq_col_copy(st, 5, d->station, sizeof d->station);
        d->created_at = sqlite3_column_int64(st, 6);
        d->size = sqlite3_column_int64(st, 7);
        d->purged_at = sqlite3_column_int64(st, 8);
        d->token_id = sqlite3_column_int64(st, 9);
    }
    sqlite3_finalize(st);
    return err;
}

#define JOB_COLS "id, document_id, case_id, state, attempts, created_at, updated_at, worker, timeouts"

static void job_of(sqlite3_stmt *st, ds_job *j)
{
    memset(j, 0, sizeof *j);
    j->id = sqlite3_column_int64(st, 0);
    j->document_id = sqlite3_column_int64(st, 1);
    ds_sq_col_copy(st, 2, j->case_id, sizeof j->case_id);
    int state = sqlite3_column_int(st, 3);
    j->state = (state >= 0 && state < DS_JOB_STATE_COUNT) ? (ds_job_state)state : DS_JOB_FAILED;
    j->attempts = sqlite3_column_int(st, 4);
    j->created_at = sqlite3_column_int64(st, 5);
    j->updated_at = sqlite3_column_int64(st, 6);
    ds_sq_col_copy(st, 7, j->worker, sizeof j->worker);
    j->timeouts = sqlite3_column_int(st, 8);
}

ds_error ds_sq_job_claim(ds_store *s, const char *worker, int timeout_s, ds_job *out,
                              bool *got)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    ds_job j;
    ds_error err = ds_sq_begin(s);
    if (err != DS_OK)
        return err;
    /* A running job past its deadline (its worker hangs) first, as it is
     * older than anything queued behind it; then the oldest queued one.
     * The SET expressions read the row as it was: state 1 means taken
     * over. */
    TRY(ds_sq_prep(s, &st,
                   "UPDATE jobs SET state = 1, attempts = attempts + 1, worker = ?1, updated_at = ?2,"
                   " timeouts = timeouts + (state = 1), deadline = ?2 + ?3 "
                   "WHERE id = (SELECT id FROM jobs WHERE state = 0"
                   " OR (state = 1 AND deadline > 0 AND deadline <= ?2) ORDER BY state DESC, id LIMIT 1) "
                   "RETURNING " JOB_COLS,
                   "tid", worker, ds_store_now(s), timeout_s));
    TRY(ds_sq_step(s, st, &row));
    if (row) {
        job_of(st, &j);
        bool more = false;
        TRY(ds_sq_step(s, st, &more));
    }
out:
    sqlite3_finalize(st);
    err = ds_sq_finish(s, err);
    if (err == DS_OK) {
        *got = row;
        if (row)
            *out = j;
    }
    return err;
}

static ds_error job_state_of(ds_store *s, int64_t job_id, int *state, int64_t *document_id)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    CHECK(ds_sq_prep(s, &st, "SELECT state, document_id FROM jobs WHERE id = ?", "i", job_id));
    ds_error err = ds_sq_step(s, st, &row);
    if (err == DS_OK && !row)
        err = DS_ERR_NO_RECORD;
    if (err == DS_OK) {
        *state = sqlite3_column_int(st, 0);
        if (document_id)
            *document_id = sqlite3_column_int64(st, 1);
    }
    sqlite3_finalize(st);
    return err;
}

ds_error ds_sq_job_complete(ds_store *s, int64_t job_id, const ds_job_result *r)
{
    int64_t now = ds_store_now(s), doc = 0;
    int state = 0;
    ds_error err = ds_sq_begin(s);
    if (err != DS_OK)
        return err;
    TRY(job_state_of(s, job_id, &state, &doc));
    if (state != DS_JOB_RUNNING) {
        ds_store_fail(s, "the job is not running", NULL);
        err = DS_ERR_CONFLICT;
        goto out;
    }
    TRY(ds_sq_run(s, NULL, "UPDATE jobs SET state = ?, updated_at = ? WHERE id = ?", "dii",
                  (int)r->state, now, job_id));
    TRY(ds_sq_run(s, NULL,
                  "INSERT INTO reports(job_id, document_id, json, verdict, flag_count, created_at) "
                  "VALUES(?, ?, ?, ?, ?, ?)",
                  "iiTtdi", job_id, doc, r->report_json, r->report_len, r->verdict, r->flag_count, now));
    TRY(ds_sq_delivery_enqueue_tx(s, job_id, r->deliveries, r->delivery_count, now));
    TRY(ds_sq_memory_record_tx(s, doc, r->fingerprints, r->fingerprint_count));
out:
    return ds_sq_finish(s, err);
}

ds_error ds_sq_job_requeue(ds_store *s, int64_t job_id)
{
    int state = 0;
    ds_error err = ds_sq_begin(s);
    if (err != DS_OK)
        return err;
    TRY(job_state_of(s, job_id, &state, NULL));
    if (state != DS_JOB_RUNNING) {
        ds_store_fail(s, "the job is not running", NULL);
        err = DS_ERR_CONFLICT;
        goto out;
    }
    TRY(ds_sq_run(s, NULL, "UPDATE jobs SET state = 0, updated_at = ?, deadline = 0 WHERE id = ?",
                  "ii", ds_store_now(s), job_id));
out:
    return ds_sq_finish(s, err);
}

ds_error ds_sq_job_requeue_running(ds_store *s, int64_t *count)
{
    ds_error err = ds_sq_begin(s);
    if (err != DS_OK)
        return err;
    /* A job that was past its deadline when the process stopped counts as
     * timed out, as if it had been taken over. */
    err = ds_sq_run(s, count,
                    "UPDATE jobs SET state = 0, updated_at = ?1, deadline = 0,"
                    " timeouts = timeouts + (deadline > 0 AND deadline <= ?1) WHERE state = 1",
                    "i", ds_store_now(s));
    return ds_sq_finish(s, err);
}

static ds_error job_query(ds_store *s, ds_job *out, const char *sql, int64_t arg)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    CHECK(ds_sq_prep(s, &st, sql, "i", arg));
    ds_error err = ds_sq_step(s, st, &row);
    if (err == DS_OK && !row)
        err = DS_ERR_NO_RECORD;
    if (err == DS_OK)
        job_of(st, out);
    sqlite3_finalize(st);
    return err;
}

ds_error ds_sq_job_get(ds_store *s, int64_t job_id, ds_job *out)
{
    return job_query(s, out, "SELECT " JOB_COLS " FROM jobs WHERE id = ?", job_id);
}

ds_error ds_sq_job_for_document(ds_store *s, int64_t document_id, ds_job *out)
{
    return job_query(s, out,
                     "SELECT " JOB_COLS " FROM jobs WHERE document_id = ? ORDER BY id DESC LIMIT 1",
                     document_id);
}

ds_error ds_sq_queue_depth(ds_store *s, int64_t *out)
{
    return ds_sq_int(s, out, NULL, "SELECT count(*) FROM jobs WHERE state = 0", "");
}

ds_error ds_sq_job_counts(ds_store *s, int64_t counts[DS_JOB_STATE_COUNT])
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    int64_t c[DS_JOB_STATE_COUNT] = {0};
    CHECK(ds_sq_prep(s, &st, "SELECT state, count(*) FROM jobs GROUP BY state", ""));
    ds_error err;
    while ((err = ds_sq_step(s, st, &row)) == DS_OK && row) {
        int state = sqlite3_column_int(st, 0);
        if (state >= 0 && state < DS_JOB_STATE_COUNT)
            c[state] = sqlite3_column_int64(st, 1);
    }
    sqlite3_finalize(st);
    if (err == DS_OK)
        memcpy(counts, c, sizeof c);
    return err;
}
