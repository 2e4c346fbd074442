/*
 * store_pg_audit: the PostgreSQL backend's API tokens, the hash-chained
 * audit log (one chain for every node, appended under an advisory lock),
 * retention (purge) and case deletion.
 *
 * The ds_pga_* operations below are the ds_store_ops entries of the same
 * names (store_backend.h), whose contracts they keep.
 */
#ifndef DS_STORE_PG_AUDIT_H
#define DS_STORE_PG_AUDIT_H

#include "store/store_backend.h"

ds_error ds_pga_token_create(ds_store *s, const char *hash_hex, ds_role role, const char *name,
                             int64_t *id);
ds_error ds_pga_token_lookup_hash(ds_store *s, const char *hash_hex, ds_token *out);
ds_error ds_pga_token_list(ds_store *s, int cap, ds_token *out, int *count);
ds_error ds_pga_token_revoke(ds_store *s, const char *name);
/* Appends one entry inside the caller's transaction, after taking the
 * chain's lock (held to the end of that transaction). */
ds_error ds_pga_audit_append_tx(ds_store *s, const char *actor, const char *action,
                                const char *object, int64_t *seq);
ds_error ds_pga_audit_append(ds_store *s, const char *actor, const char *action,
                             const char *object, int64_t *seq);
ds_error ds_pga_audit_verify(ds_store *s, int64_t *checked, int64_t *first_bad);
ds_error ds_pga_audit_list(ds_store *s, int64_t after_seq, int cap, ds_audit_entry *out,
                           int *count);
ds_error ds_pga_purge(ds_store *s, int64_t cutoff, const char *actor, ds_purge_stats *stats);
ds_error ds_pga_case_delete(ds_store *s, const char *case_id, const char *actor,
                            int64_t *documents);
ds_error ds_pga_job_forgotten(ds_store *s, int64_t job_id, bool *forgotten);

#endif
