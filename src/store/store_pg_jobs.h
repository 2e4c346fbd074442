/*
 * store_pg_jobs: the PostgreSQL backend's documents, files and jobs: a
 * submission (the file, the document, its idempotency key, its job), the
 * queue with its leases, and the job states.
 *
 * The ds_pgj_* operations below are the ds_store_ops entries of the same
 * names (store_backend.h), whose contracts they keep.
 */
#ifndef DS_STORE_PG_JOBS_H
#define DS_STORE_PG_JOBS_H

#include "store/store_backend.h"

ds_error ds_pgj_submit(ds_store *s, const ds_submission *sub, const char *sha256,
                       const char *fingerprint, int64_t *document_id, int64_t *job_id,
                       bool *replayed);
ds_error ds_pgj_document_get(ds_store *s, int64_t id, ds_document *d);
ds_error ds_pgj_blob_read(ds_store *s, const char *sha256, size_t size, uint8_t **data,
                          size_t *len);
ds_error ds_pgj_blob_map(ds_store *s, const char *sha256, size_t size, const uint8_t **data,
                         size_t *len);
ds_error ds_pgj_job_claim(ds_store *s, const char *worker, int timeout_s, ds_job *out,
                               bool *got);
ds_error ds_pgj_job_complete(ds_store *s, int64_t job_id, const ds_job_result *r);
ds_error ds_pgj_job_requeue(ds_store *s, int64_t job_id);
ds_error ds_pgj_job_requeue_running(ds_store *s, int64_t *count);
ds_error ds_pgj_job_get(ds_store *s, int64_t job_id, ds_job *out);
ds_error ds_pgj_job_for_document(ds_store *s, int64_t document_id, ds_job *out);
ds_error ds_pgj_queue_depth(ds_store *s, int64_t *out);
ds_error ds_pgj_job_counts(ds_store *s, int64_t counts[DS_JOB_STATE_COUNT]);

#endif
