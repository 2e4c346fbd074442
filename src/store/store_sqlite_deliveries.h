/*
 * store_sqlite_deliveries: the SQLite backend's webhook deliveries: claiming
 * one under a lease, its outcome and its history.
 *
 * The ds_sq_* operations below are the ds_store_ops entries of the same
 * names (store_backend.h), whose contracts they keep.
 */
#ifndef DS_STORE_SQLITE_DELIVERIES_H
#define DS_STORE_SQLITE_DELIVERIES_H

#include "store/store_backend.h"

/* Enqueues n deliveries of job_id, due at now, inside the caller's write
 * transaction. */
ds_error ds_sq_delivery_enqueue_tx(ds_store *s, int64_t job_id, const ds_delivery_new *dv, int n,
                                   int64_t now);

ds_error ds_sq_delivery_claim(ds_store *s, int lease_seconds, ds_delivery *out, bool *got);
ds_error ds_sq_delivery_done(ds_store *s, int64_t id, int http_status);
ds_error ds_sq_delivery_fail(ds_store *s, int64_t id, int http_status, const char *error,
                             int max_attempts, int64_t *next_attempt_at, bool *gave_up);
ds_error ds_sq_delivery_list(ds_store *s, int64_t job_id, int64_t before_id, int cap,
                             ds_delivery *out, int *count);

#endif
