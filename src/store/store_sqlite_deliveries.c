/*
 * store_sqlite_deliveries.c: the SQLite backend's webhook deliveries:
 * claiming one under a lease, its outcome and its history
 * (store_sqlite_deliveries.h).
 *
 * Every operation is one transaction, committed before it returns DS_OK and
 * rolled back on any error. A delivery is claimed by one sender at a time,
 * under a lease. Like all of the backend, this file must never build SQL
 * from values (everything is bound), keep a statement or transaction open
 * when a function returns, or put document content or a token into an error
 * message.
 */
#include "store/store_sqlite_deliveries.h"
#include "store/store_sqlite_db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --------------------------------------------------- webhook deliveries */

#define DELIVERY_COLS                                                          \
    "id, job_id, url, state, attempts, last_status, last_error, created_at, updated_at, " \
    "next_attempt_at"

static void delivery_of(sqlite3_stmt *st, ds_delivery *d)
{
    memset(d, 0, sizeof *d);
    d->id = sqlite3_column_int64(st, 0);
    d->job_id = sqlite3_column_int64(st, 1);
    ds_sq_col_copy(st, 2, d->url, sizeof d->url);
    int state = sqlite3_column_int(st, 3);
    d->state = (state >= 0 && state <= DS_DELIVERY_FAILED) ? (ds_delivery_state)state
                                                           : DS_DELIVERY_FAILED;
    d->attempts = sqlite3_column_int(st, 4);
    d->last_status = sqlite3_column_int(st, 5);
    ds_sq_col_copy(st, 6, d->last_error, sizeof d->last_error);
    d->created_at = sqlite3_column_int64(st, 7);
    d->updated_at = sqlite3_column_int64(st, 8);
    d->next_attempt_at = sqlite3_column_int64(st, 9);
}

ds_error ds_sq_delivery_enqueue_tx(ds_store *s, int64_t job_id, const ds_delivery_new *dv, int n,
                                   int64_t now)
{
    for (int i = 0; i < n; i++)
        CHECK(ds_sq_run(s, NULL,
                        "INSERT INTO deliveries(job_id, url, body, state, attempts, last_status, "
                        "last_error, next_attempt_at, created_at, updated_at) "
                        "VALUES(?1, ?2, ?3, 0, 0, 0, '', ?4, ?4, ?4)",
                        "itBi", job_id, dv[i].url, dv[i].body, dv[i].body_len, now));
    return DS_OK;
}

ds_error ds_sq_delivery_claim(ds_store *s, int lease_seconds, ds_delivery *out, bool *got)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    ds_delivery d;
    char *body = NULL;
    int64_t now = ds_store_now(s);
    ds_error err = ds_sq_begin(s);
    if (err != DS_OK)
        return err;
    TRY(ds_sq_prep(s, &st,
                   "UPDATE deliveries SET attempts = attempts + 1, next_attempt_at = ?1 + ?2, "
                   "updated_at = ?1 WHERE id = (SELECT id FROM deliveries WHERE state = 0 AND "
                   "next_attempt_at <= ?1 ORDER BY next_attempt_at, id LIMIT 1) "
                   "RETURNING " DELIVERY_COLS ", body",
                   "ii", now, (int64_t)lease_seconds));
    TRY(ds_sq_step(s, st, &row));
    if (row) {
        delivery_of(st, &d);
        const void *b = sqlite3_column_blob(st, 10);
        size_t n = (size_t)sqlite3_column_bytes(st, 10);
        body = malloc(n + 1);
        if (!body) {
            err = DS_ERR_NOMEM;
            goto out;
        }
        if (n)
            memcpy(body, b, n);
        body[n] = '\0';
        d.body = body;
        d.body_len = n;
        bool more = false;
        TRY(ds_sq_step(s, st, &more));
    }
out:
    sqlite3_finalize(st);
    err = ds_sq_finish(s, err);
    if (err == DS_OK) {
        *got = row;
        if (row)
            *out = d;
    } else {
        free(body);
    }
    return err;
}

static ds_error delivery_pending(ds_store *s, int64_t id, int *attempts)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    CHECK(ds_sq_prep(s, &st, "SELECT state, attempts FROM deliveries WHERE id = ?", "i", id));
    ds_error err = ds_sq_step(s, st, &row);
    if (err == DS_OK && !row)
        err = DS_ERR_NO_RECORD;
    if (err == DS_OK && sqlite3_column_int(st, 0) != DS_DELIVERY_PENDING) {
        ds_store_fail(s, "the delivery is already finished", NULL);
        err = DS_ERR_CONFLICT;
    }
    if (err == DS_OK)
        *attempts = sqlite3_column_int(st, 1);
    sqlite3_finalize(st);
    return err;
}

ds_error ds_sq_delivery_done(ds_store *s, int64_t id, int http_status)
{
    int attempts = 0;
    ds_error err = ds_sq_begin(s);
    if (err != DS_OK)
        return err;
    TRY(delivery_pending(s, id, &attempts));
    TRY(ds_sq_run(s, NULL,
                  "UPDATE deliveries SET state = 1, last_status = ?, last_error = '', updated_at = ? "
                  "WHERE id = ?",
                  "dii", http_status, ds_store_now(s), id));
out:
    return ds_sq_finish(s, err);
}

ds_error ds_sq_delivery_fail(ds_store *s, int64_t id, int http_status, const char *error,
                             int max_attempts, int64_t *next_attempt_at, bool *gave_up)
{
    int attempts = 0;
    int64_t now = ds_store_now(s);
    ds_error err = ds_sq_begin(s);
    if (err != DS_OK)
        return err;
    TRY(delivery_pending(s, id, &attempts));
    int64_t next = 0;
    bool give_up = ds_delivery_schedule(attempts, max_attempts, now, &next);
    TRY(ds_sq_run(s, NULL,
                  "UPDATE deliveries SET state = ?, last_status = ?, last_error = ?, "
                  "next_attempt_at = ?, updated_at = ? WHERE id = ?",
                  "ddtiii", give_up ? (int)DS_DELIVERY_FAILED : (int)DS_DELIVERY_PENDING, http_status,
                  error, next, now, id));
    *next_attempt_at = next;
    *gave_up = give_up;
out:
    return ds_sq_finish(s, err);
}

ds_error ds_sq_delivery_list(ds_store *s, int64_t job_id, int64_t before_id, int cap,
                             ds_delivery *out, int *count)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    int n = 0;
    CHECK(ds_sq_prep(s, &st,
                     "SELECT " DELIVERY_COLS " FROM deliveries WHERE (?1 <= 0 OR job_id = ?1) "
                     "  AND (?3 <= 0 OR id < ?3) ORDER BY id DESC LIMIT ?2",
                     "idi", job_id, cap, before_id));
    ds_error err = DS_OK;
    while (n < cap && (err = ds_sq_step(s, st, &row)) == DS_OK && row)
        delivery_of(st, &out[n++]);
    sqlite3_finalize(st);
    if (err == DS_OK)
        *count = n;
    return err;
}
