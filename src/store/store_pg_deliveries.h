/*
 * store_pg_deliveries: the PostgreSQL backend's webhook deliveries: the
 * outbox rows written with a completion or a decision, claimed by one
 * sender of one node at a time (SKIP LOCKED and a lease), their outcome and
 * their history.
 *
 * The ds_pgd_* operations below are the ds_store_ops entries of the same
 * names (store_backend.h), whose contracts they keep.
 */
#ifndef DS_STORE_PG_DELIVERIES_H
#define DS_STORE_PG_DELIVERIES_H

#include "store/store_backend.h"

/* Inserts n deliveries of job_id, due at now, inside the caller's
 * transaction. */
ds_error ds_pgd_delivery_enqueue_tx(ds_store *s, int64_t job_id, const ds_delivery_new *dv, int n,
                                    int64_t now);
ds_error ds_pgd_delivery_claim(ds_store *s, int lease_seconds, ds_delivery *out, bool *got);
ds_error ds_pgd_delivery_done(ds_store *s, int64_t id, int http_status);
ds_error ds_pgd_delivery_fail(ds_store *s, int64_t id, int http_status, const char *error,
                              int max_attempts, int64_t *next_attempt_at, bool *gave_up);
ds_error ds_pgd_delivery_list(ds_store *s, int64_t job_id, int64_t before_id, int cap,
                              ds_delivery *out, int *count);

#endif
