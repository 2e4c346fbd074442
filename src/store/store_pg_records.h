/*
 * store_pg_records: the PostgreSQL backend's cases, reports, the review
 * list and reviewers' decisions.
 *
 * The ds_pgr_* operations below are the ds_store_ops entries of the same
 * names (store_backend.h), whose contracts they keep.
 */
#ifndef DS_STORE_PG_RECORDS_H
#define DS_STORE_PG_RECORDS_H

#include "store/store_backend.h"

ds_error ds_pgr_case_put(ds_store *s, const char *case_id, const char *owner, const char *json,
                         size_t len, bool *created);
ds_error ds_pgr_case_writable(ds_store *s, const char *case_id, const char *owner, bool *ok);
ds_error ds_pgr_case_get(ds_store *s, const char *case_id, char **json, size_t *len,
                         int64_t *updated_at);
ds_error ds_pgr_report_get(ds_store *s, int64_t job_id, char **json, size_t *len);
ds_error ds_pgr_report_get_by_document(ds_store *s, int64_t document_id, char **json,
                                       size_t *len);
ds_error ds_pgr_review_list(ds_store *s, bool pending_only, int64_t after_at, int64_t after_job,
                            int cap, ds_review_item *out, int *count);
ds_error ds_pgr_decision_add(ds_store *s, const ds_decision *d, int64_t *id);
ds_error ds_pgr_decision_record(ds_store *s, const ds_decision_record *r, int64_t *ids);
ds_error ds_pgr_decision_list(ds_store *s, int64_t document_id, int cap, ds_decision *out,
                              int *count);

#endif
