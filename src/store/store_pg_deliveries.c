/*
 * store_pg_deliveries.c: the PostgreSQL backend's webhook deliveries
 * (store_pg_deliveries.h).
 *
 * Every operation is one transaction, committed before it returns DS_OK and
 * rolled back on any error. The outbox rows are written in the transaction
 * of the completion or decision they announce, so an event has its delivery
 * rows exactly once whatever node wrote it. A sender of any node claims the
 * oldest due row with FOR UPDATE SKIP LOCKED and leases it (next_attempt_at
 * moves past the lease), so no other sender takes it while it is in flight
 * and a sender that dies makes it due again after the lease. Like all of the
 * backend, this file must never write a value into SQL, keep a transaction
 * open when a function returns, or put document content or a token into an
 * error message.
 */
#include "store/store_pg_deliveries.h"
#include "store/store_pg_db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DELIVERY_COLS                                                                              \
    "id, job_id, url, state, attempts, last_status, last_error, created_at, updated_at, "         \
    "next_attempt_at"

static void delivery_of(const PGresult *r, int row, ds_delivery *d)
{
    memset(d, 0, sizeof *d);
    d->id = ds_pg_i64(r, row, 0);
    d->job_id = ds_pg_i64(r, row, 1);
    ds_pg_copy(r, row, 2, d->url, sizeof d->url);
    int64_t state = ds_pg_i64(r, row, 3);
    d->state = (state >= 0 && state <= DS_DELIVERY_FAILED) ? (ds_delivery_state)state
                                                           : DS_DELIVERY_FAILED;
    d->attempts = (int)ds_pg_i64(r, row, 4);
    d->last_status = (int)ds_pg_i64(r, row, 5);
    ds_pg_copy(r, row, 6, d->last_error, sizeof d->last_error);
    d->created_at = ds_pg_i64(r, row, 7);
    d->updated_at = ds_pg_i64(r, row, 8);
    d->next_attempt_at = ds_pg_i64(r, row, 9);
}

ds_error ds_pgd_delivery_enqueue_tx(ds_store *s, int64_t job_id, const ds_delivery_new *dv, int n,
                                    int64_t now)
{
    for (int i = 0; i < n; i++)
        CHECK(ds_pg_run(s, NULL,
                        "INSERT INTO deliveries(job_id, url, body, state, attempts, last_status, "
                        "last_error, next_attempt_at, created_at, updated_at) "
                        "VALUES($1, $2, $3, 0, 0, 0, '', $4, $4, $4)",
                        "itBi", job_id, dv[i].url, dv[i].body, dv[i].body_len, now));
    return DS_OK;
}

ds_error ds_pgd_delivery_claim(ds_store *s, int lease_seconds, ds_delivery *out, bool *got)
{
    PGresult *r = NULL;
    ds_delivery d;
    char *body = NULL;
    size_t blen = 0;
    bool row = false;
    int64_t now = ds_store_now(s);
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    TRY(ds_pg_query(s, &r, false,
                    "UPDATE deliveries SET attempts = attempts + 1, next_attempt_at = $1::bigint + $2::bigint, "
                    "updated_at = $1 WHERE id = (SELECT id FROM deliveries WHERE state = 0 AND "
                    "next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT 1 "
                    "FOR UPDATE SKIP LOCKED) RETURNING " DELIVERY_COLS ", body",
                    "ii", now, (int64_t)lease_seconds));
    if (PQntuples(r) == 1) {
        delivery_of(r, 0, &d);
        TRY(ds_pg_dup_bytea(r, 0, 10, &body, &blen));
        d.body = body;
        d.body_len = blen;
        row = true;
    }
out:
    PQclear(r);
    err = ds_pg_finish(s, err);
    if (err == DS_OK) {
        *got = row;
        if (row)
            *out = d;
    } else {
        free(body);
    }
    return err;
}

/* The attempts of pending delivery id, its row locked; DS_ERR_CONFLICT
 * when it is already finished. */
static ds_error delivery_pending(ds_store *s, int64_t id, int *attempts)
{
    PGresult *r = NULL;
    CHECK(ds_pg_query(s, &r, false,
                      "SELECT state, attempts FROM deliveries WHERE id = $1 FOR UPDATE", "i", id));
    ds_error err = DS_OK;
    if (PQntuples(r) == 0)
        err = DS_ERR_NO_RECORD;
    else if (ds_pg_i64(r, 0, 0) != DS_DELIVERY_PENDING) {
        ds_store_fail(s, "the delivery is already finished", NULL);
        err = DS_ERR_CONFLICT;
    } else {
        *attempts = (int)ds_pg_i64(r, 0, 1);
    }
    PQclear(r);
    return err;
}

ds_error ds_pgd_delivery_done(ds_store *s, int64_t id, int http_status)
{
    int attempts = 0;
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    TRY(delivery_pending(s, id, &attempts));
    TRY(ds_pg_run(s, NULL,
                  "UPDATE deliveries SET state = 1, last_status = $1, last_error = '', "
                  "updated_at = $2 WHERE id = $3",
                  "dii", http_status, ds_store_now(s), id));
out:
    return ds_pg_finish(s, err);
}

ds_error ds_pgd_delivery_fail(ds_store *s, int64_t id, int http_status, const char *error,
                              int max_attempts, int64_t *next_attempt_at, bool *gave_up)
{
    int attempts = 0;
    int64_t now = ds_store_now(s);
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    TRY(delivery_pending(s, id, &attempts));
    int64_t next = 0;
    bool give_up = ds_delivery_schedule(attempts, max_attempts, now, &next);
    TRY(ds_pg_run(s, NULL,
                  "UPDATE deliveries SET state = $1, last_status = $2, last_error = $3, "
                  "next_attempt_at = $4, updated_at = $5 WHERE id = $6",
                  "ddtiii", give_up ? (int)DS_DELIVERY_FAILED : (int)DS_DELIVERY_PENDING,
                  http_status, error, next, now, id));
    *next_attempt_at = next;
    *gave_up = give_up;
out:
    return ds_pg_finish(s, err);
}

ds_error ds_pgd_delivery_list(ds_store *s, int64_t job_id, int64_t before_id, int cap,
                              ds_delivery *out, int *count)
{
    PGresult *r = NULL;
    int n = 0;
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    TRY(ds_pg_query(s, &r, false,
                    "SELECT " DELIVERY_COLS " FROM deliveries WHERE ($1::bigint <= 0 OR job_id = $1) "
                    "  AND ($3::bigint <= 0 OR id < $3) ORDER BY id DESC LIMIT $2",
                    "idi", job_id, cap, before_id));
    for (; n < cap && n < PQntuples(r); n++)
        delivery_of(r, n, &out[n]);
out:
    PQclear(r);
    err = ds_pg_finish(s, err);
    if (err == DS_OK)
        *count = n;
    return err;
}
