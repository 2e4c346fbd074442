/*
 * store_pg_jobs.c: the PostgreSQL backend's documents, files and jobs
 * (store_pg_jobs.h).
 *
 * Every operation is one transaction, committed before it returns DS_OK and
 * rolled back on any error. A file is a row of blobs (bytea) under its
 * SHA-256, written in the submission's transaction. A job is claimed by one
 * worker of one node at a time: the claim locks the oldest claimable row
 * with FOR UPDATE SKIP LOCKED, so claimers on other nodes pass over it
 * instead of waiting, and gives it a lease (the node's id and an expiry on
 * the server's clock) that the node renews while it works
 * (store_pg_db.c). A running job whose lease ran out (its node died) is
 * claimable again. Completion checks, under the row's lock, that the job is
 * still running, so it happens once. Like all of the backend, this file
 * must never write a value into SQL, keep a transaction open when a
 * function returns, or put document content or a token into an error
 * message.
 */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include "store/store_pg_jobs.h"
#include "store/store_pg_db.h"
#include "store/store_pg_deliveries.h"
#include "store/store_pg_memory.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* The server's clock in unix seconds, for leases. */
#define DB_NOW "extract(epoch FROM clock_timestamp())"

/* ----------------------------------------------------- documents and jobs */

ds_error ds_pgj_submit(ds_store *s, const ds_submission *sub, const char *sha256,
                       const char *fingerprint, int64_t *document_id, int64_t *job_id,
                       bool *replayed)
{
    int64_t now = ds_store_now(s);
    const char *key = sub->idempotency_key && sub->idempotency_key[0] ? sub->idempotency_key : NULL;
    const char *scope = sub->key_scope ? sub->key_scope : "";
    PGresult *r = NULL;
    int64_t doc = 0, job = 0, one = 0;
    bool have = false;
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    if (key) {
        /* Two nodes given the same key at once: the second waits here for
         * the first to commit, then replays it. */
        TRY(ds_pg_run(s, NULL, "SELECT pg_advisory_xact_lock(hashtextextended($1 || chr(10) || $2, 17))",
                      "tt", scope, key));
        TRY(ds_pg_query(s, &r, false,
                        "SELECT fingerprint, document_id, job_id FROM idempotency"
                        " WHERE scope = $1 AND key = $2",
                        "tt", scope, key));
        if (PQntuples(r) > 0) {
            char fp[65];
            ds_pg_copy(r, 0, 0, fp, sizeof fp);
            if (strcmp(fp, fingerprint) != 0) {
                ds_store_fail(s, "the idempotency key was used with another request", NULL);
                err = DS_ERR_CONFLICT;
                goto out;
            }
            *document_id = ds_pg_i64(r, 0, 1);
            *job_id = ds_pg_i64(r, 0, 2);
            *replayed = true;
            goto out;
        }
        PQclear(r);
        r = NULL;
    }
    TRY(ds_pg_run(s, NULL, "SELECT pg_advisory_xact_lock_shared($1)", "i",
                  (int64_t)DS_PG_LOCK_BLOBS));
    TRY(ds_pg_int(s, &one, &have, "SELECT 1 FROM blobs WHERE sha256 = $1", "t", sha256));
    if (!have)
        TRY(ds_pg_run(s, NULL,
                      "INSERT INTO blobs(sha256, data) VALUES($1, $2) ON CONFLICT (sha256) DO NOTHING",
                      "tB", sha256, (const char *)sub->data, sub->len));
    TRY(ds_pg_int(s, &doc, NULL,
                  "INSERT INTO documents(case_id, sha256, size, filename, source, station, "
                  "created_at, token_id) VALUES($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                  "ttitttii", sub->case_id, sha256, (int64_t)sub->len, sub->filename,
                  sub->source ? sub->source : "api", sub->station, now, sub->token_id));
    TRY(ds_pg_int(s, &job, NULL,
                  "INSERT INTO jobs(document_id, case_id, state, attempts, worker, created_at, "
                  "updated_at) VALUES($1, $2, 0, 0, '', $3, $3) RETURNING id",
                  "iti", doc, sub->case_id, now));
    if (key)
        TRY(ds_pg_run(s, NULL,
                      "INSERT INTO idempotency(scope, key, fingerprint, document_id, job_id, "
                      "created_at) VALUES($1, $2, $3, $4, $5, $6)",
                      "tttiii", scope, key, fingerprint, doc, job, now));
    TRY(ds_pg_run(s, NULL, DS_PG_NOTIFY_SQL, ""));
    *document_id = doc;
    *job_id = job;
    *replayed = false;
out:
    PQclear(r);
    return ds_pg_finish(s, err);
}

ds_error ds_pgj_document_get(ds_store *s, int64_t id, ds_document *d)
{
    PGresult *r = NULL;
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    TRY(ds_pg_query(s, &r, false,
                    "SELECT id, case_id, sha256, filename, source, station, created_at, size, "
                    "coalesce(purged_at, 0), token_id FROM documents WHERE id = $1",
                    "i", id));
    if (PQntuples(r) == 0) {
        err = DS_ERR_NO_RECORD;
        goto out;
    }
    memset(d, 0, sizeof *d);
    d->id = ds_pg_i64(r, 0, 0);
    ds_pg_copy(r, 0, 1, d->case_id, sizeof d->case_id);
    ds_pg_copy(r, 0, 2, d->sha256, sizeof d->sha256);
    ds_pg_copy(r, 0, 3, d->filename, sizeof d->filename);
    ds_pg_copy(r, 0, 4, d->source, sizeof d->source);
    ds_pg_copy(r, 0, 5, d->station, sizeof d->station);
    d->created_at = ds_pg_i64(r, 0, 6);
    d->size = ds_pg_i64(r, 0, 7);
    d->purged_at = ds_pg_i64(r, 0, 8);
    d->token_id = ds_pg_i64(r, 0, 9);
out:
    PQclear(r);
    return ds_pg_finish(s, err);
}

ds_error ds_pgj_blob_read(ds_store *s, const char *sha256, size_t size, uint8_t **data,
                          size_t *len)
{
    PGresult *r = NULL;
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    /* Binary result: the bytes as they are, not their hex text. */
    TRY(ds_pg_query(s, &r, true, "SELECT data FROM blobs WHERE sha256 = $1", "t", sha256));
    if (PQntuples(r) == 0) {
        err = ds_store_fail(s, "a document's file is missing", NULL);
        goto out;
    }
    size_t n = (size_t)PQgetlength(r, 0, 0);
    if (n != size) {
        err = ds_store_fail(s, "a document's file has another size", NULL);
        goto out;
    }
    uint8_t *p = malloc(n ? n : 1);
    if (!p) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    memcpy(p, PQgetvalue(r, 0, 0), n);
    *data = p;
    *len = n;
out:
    PQclear(r);
    return ds_pg_finish(s, err);
}

/* The piece of a file fetched at a time by ds_pgj_blob_map: the only
 * memory beside the mapping itself (STORAGE EXTERNAL lets the server read
 * just the TOAST chunks of a piece). */
#define MAP_PIECE (1u << 20)

ds_error ds_pgj_blob_map(ds_store *s, const char *sha256, size_t size, const uint8_t **data,
                         size_t *len)
{
    PGresult *r = NULL;
    uint8_t *m = NULL;
    int64_t have = -1;
    bool found = false;
    if (size == 0 || size > DS_STORE_FILE_MAX)
        return ds_store_fail(s, "a document's file has another size", NULL);
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    TRY(ds_pg_int(s, &have, &found, "SELECT length(data) FROM blobs WHERE sha256 = $1", "t",
                  sha256));
    if (!found) {
        err = ds_store_fail(s, "a document's file is missing", NULL);
        goto out;
    }
    if (have != (int64_t)size) {
        err = ds_store_fail(s, "a document's file has another size", NULL);
        goto out;
    }
    void *v = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (v == MAP_FAILED) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    m = v;
    for (size_t off = 0; off < size; off += MAP_PIECE) {
        size_t want = size - off < MAP_PIECE ? size - off : MAP_PIECE;
        /* Binary result: the bytes as they are. substring counts from 1. */
        TRY(ds_pg_query(s, &r, true,
                        "SELECT substring(data FROM $2 FOR $3) FROM blobs WHERE sha256 = $1",
                        "tii", sha256, (int64_t)off + 1, (int64_t)want));
        if (PQntuples(r) != 1 || (size_t)PQgetlength(r, 0, 0) != want) {
            err = ds_store_fail(s, "a document's file changed while it was read", NULL);
            goto out;
        }
        memcpy(m + off, PQgetvalue(r, 0, 0), want);
        PQclear(r);
        r = NULL;
    }
out:
    PQclear(r);
    err = ds_pg_finish(s, err);
    if (err != DS_OK) {
        if (m)
            munmap(m, size);
        return err;
    }
    *data = m;
    *len = size;
    return DS_OK;
}

#define JOB_COLS "id, document_id, case_id, state, attempts, created_at, updated_at, worker, timeouts"

static void job_of(const PGresult *r, int row, ds_job *j)
{
    memset(j, 0, sizeof *j);
    j->id = ds_pg_i64(r, row, 0);
    j->document_id = ds_pg_i64(r, row, 1);
    ds_pg_copy(r, row, 2, j->case_id, sizeof j->case_id);
    int64_t state = ds_pg_i64(r, row, 3);
    j->state = (state >= 0 && state < DS_JOB_STATE_COUNT) ? (ds_job_state)state : DS_JOB_FAILED;
    j->attempts = (int)ds_pg_i64(r, row, 4);
    j->created_at = ds_pg_i64(r, row, 5);
    j->updated_at = ds_pg_i64(r, row, 6);
    ds_pg_copy(r, row, 7, j->worker, sizeof j->worker);
    j->timeouts = (int)ds_pg_i64(r, row, 8);
}

ds_error ds_pgj_job_claim(ds_store *s, const char *worker, int timeout_s, ds_job *out,
                               bool *got)
{
    PGresult *r = NULL;
    int64_t id = 0;
    bool found = false, row = false;
    ds_job j;
    /* A handle that claims is done with the job it held before, finished or
     * not (a worker whose completion and requeue both failed while the
     * database was away): that one's lease runs out and another claim
     * takes it. */
    ds_pg_hold(s, 0);
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    /* A job whose node stopped renewing its lease first (it is older than
     * anything still queued behind it), then the oldest queued one. */
    TRY(ds_pg_int(s, &id, &found,
                  "SELECT id FROM jobs WHERE state = 1 AND lease_until < " DB_NOW
                  " ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED",
                  ""));
    if (!found)
        TRY(ds_pg_int(s, &id, &found,
                      "SELECT id FROM jobs WHERE state = 0 ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED",
                      ""));
    if (found) {
        /* A running job taken over past its deadline counts a timeout (the
         * SET expressions read the row as it was). The lease never runs
         * past the new deadline (nor does its renewal, store_pg_db.c). */
        TRY(ds_pg_query(s, &r, false,
                        "UPDATE jobs SET state = 1, attempts = attempts + 1, worker = $2,"
                        " updated_at = $3, lease_node = $4,"
                        " timeouts = timeouts + CASE WHEN state = 1 AND deadline > 0"
                        "   AND deadline <= " DB_NOW " THEN 1 ELSE 0 END,"
                        " deadline = " DB_NOW " + $6,"
                        " lease_until = " DB_NOW " + least($5, $6)"
                        " WHERE id = $1 RETURNING " JOB_COLS,
                        "ititdd", id, worker, ds_store_now(s), ds_pg_node(s),
                        ds_pg_lease_seconds(s), timeout_s));
    }
out:
    if (found && err == DS_OK && r && PQntuples(r) == 1) {
        job_of(r, 0, &j);
        row = true;
    }
    PQclear(r);
    err = ds_pg_finish(s, err);
    if (err == DS_OK) {
        *got = row;
        if (row) {
            *out = j;
            ds_pg_hold(s, j.id);
        }
    }
    return err;
}

/* The state of job_id, its row locked to the end of the transaction. */
static ds_error job_lock(ds_store *s, int64_t job_id, int *state, int64_t *document_id)
{
    PGresult *r = NULL;
    CHECK(ds_pg_query(s, &r, false, "SELECT state, document_id FROM jobs WHERE id = $1 FOR UPDATE",
                      "i", job_id));
    ds_error err = DS_OK;
    if (PQntuples(r) == 0)
        err = DS_ERR_NO_RECORD;
    else {
        *state = (int)ds_pg_i64(r, 0, 0);
        if (document_id)
            *document_id = ds_pg_i64(r, 0, 1);
    }
    PQclear(r);
    return err;
}

/* The handle no longer holds job_id (finished or requeued). */
static void unhold(ds_store *s, int64_t job_id)
{
    if (PGH(s)->held_job == job_id)
        ds_pg_hold(s, 0);
}

ds_error ds_pgj_job_complete(ds_store *s, int64_t job_id, const ds_job_result *r)
{
    int64_t now = ds_store_now(s), doc = 0;
    int state = 0;
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    TRY(job_lock(s, job_id, &state, &doc));
    if (state != DS_JOB_RUNNING) {
        ds_store_fail(s, "the job is not running", NULL);
        err = DS_ERR_CONFLICT;
        goto out;
    }
    TRY(ds_pg_run(s, NULL,
                  "UPDATE jobs SET state = $1, updated_at = $2, lease_until = 0 WHERE id = $3",
                  "dii", (int)r->state, now, job_id));
    TRY(ds_pg_run(s, NULL,
                  "INSERT INTO reports(job_id, document_id, json, verdict, flag_count, created_at) "
                  "VALUES($1, $2, $3, $4, $5, $6)",
                  "iiTtdi", job_id, doc, r->report_json, r->report_len, r->verdict, r->flag_count,
                  now));
    TRY(ds_pgd_delivery_enqueue_tx(s, job_id, r->deliveries, r->delivery_count, now));
    TRY(ds_pgm_memory_record_tx(s, doc, r->fingerprints, r->fingerprint_count));
out:
    err = ds_pg_finish(s, err);
    if (err == DS_OK || err == DS_ERR_CONFLICT)
        unhold(s, job_id);
    return err;
}

ds_error ds_pgj_job_requeue(ds_store *s, int64_t job_id)
{
    int state = 0;
    /* Requeued, or given up on (the database is away): the lease is no
     * longer renewed either way, so it runs out and the job is free. */
    unhold(s, job_id);
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    TRY(job_lock(s, job_id, &state, NULL));
    if (state != DS_JOB_RUNNING) {
        ds_store_fail(s, "the job is not running", NULL);
        err = DS_ERR_CONFLICT;
        goto out;
    }
    TRY(ds_pg_run(s, NULL,
                  "UPDATE jobs SET state = 0, updated_at = $1, lease_node = '', lease_until = 0,"
                  " deadline = 0 WHERE id = $2",
                  "ii", ds_store_now(s), job_id));
    TRY(ds_pg_run(s, NULL, DS_PG_NOTIFY_SQL, ""));
out:
    return ds_pg_finish(s, err);
}

ds_error ds_pgj_job_requeue_running(ds_store *s, int64_t *count)
{
    /* Other nodes are working: only jobs whose lease ran out go back (a
     * node that died; its successor with a new id finds them here or the
     * claim takes them). */
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    err = ds_pg_run(s, count,
                    "UPDATE jobs SET state = 0, updated_at = $1, lease_node = '', lease_until = 0,"
                    " timeouts = timeouts + CASE WHEN deadline > 0 AND deadline <= " DB_NOW
                    " THEN 1 ELSE 0 END, deadline = 0"
                    " WHERE state = 1 AND lease_until < " DB_NOW,
                    "i", ds_store_now(s));
    if (err == DS_OK && *count > 0)
        err = ds_pg_run(s, NULL, DS_PG_NOTIFY_SQL, "");
    return ds_pg_finish(s, err);
}

static ds_error job_query(ds_store *s, ds_job *out, const char *sql, int64_t arg)
{
    PGresult *r = NULL;
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    TRY(ds_pg_query(s, &r, false, sql, "i", arg));
    if (PQntuples(r) == 0)
        err = DS_ERR_NO_RECORD;
    else
        job_of(r, 0, out);
out:
    PQclear(r);
    return ds_pg_finish(s, err);
}

ds_error ds_pgj_job_get(ds_store *s, int64_t job_id, ds_job *out)
{
    return job_query(s, out, "SELECT " JOB_COLS " FROM jobs WHERE id = $1", job_id);
}

ds_error ds_pgj_job_for_document(ds_store *s, int64_t document_id, ds_job *out)
{
    return job_query(s, out,
                     "SELECT " JOB_COLS " FROM jobs WHERE document_id = $1 ORDER BY id DESC LIMIT 1",
                     document_id);
}

ds_error ds_pgj_queue_depth(ds_store *s, int64_t *out)
{
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    err = ds_pg_int(s, out, NULL, "SELECT count(*) FROM jobs WHERE state = 0", "");
    return ds_pg_finish(s, err);
}

ds_error ds_pgj_job_counts(ds_store *s, int64_t counts[DS_JOB_STATE_COUNT])
{
    PGresult *r = NULL;
    int64_t c[DS_JOB_STATE_COUNT] = {0};
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    TRY(ds_pg_query(s, &r, false, "SELECT state, count(*) FROM jobs GROUP BY state", ""));
    for (int i = 0; i < PQntuples(r); i++) {
        int64_t state = ds_pg_i64(r, i, 0);
        if (state >= 0 && state < DS_JOB_STATE_COUNT)
            c[state] = ds_pg_i64(r, i, 1);
    }
out:
    PQclear(r);
    err = ds_pg_finish(s, err);
    if (err == DS_OK)
        memcpy(counts, c, sizeof c);
    return err;
}
