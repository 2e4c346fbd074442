/*
 * store_backend: the table of function pointers a store backend fills in,
 * and the helpers store.c lends to backends.
 *
 * store.c checks every argument against the contracts of store.h (NULLs,
 * caps, ranges) before it calls a backend, so a backend may rely on them;
 * it hashes tokens and files, keeps the blob directory and the clock. A
 * backend owns its transactions: every operation below is one transaction,
 * committed (durably) before it returns DS_OK and rolled back on any error.
 * A backend must never print, and never put document content or a token
 * into s->errmsg.
 */
#ifndef DS_STORE_BACKEND_H
#define DS_STORE_BACKEND_H

#include <limits.h>

#include "store/store.h"

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

typedef struct ds_store_ops ds_store_ops;

struct ds_store {
    const ds_store_ops *ops;
    void *impl;                 /* the backend's own state */
    int64_t fixed_now;          /* 0: the real clock */
    char blob_dir[PATH_MAX];
    char errmsg[DS_STORE_ERRMSG_MAX + 1];
    /* During ds_store_submit of a submission given as a file
     * (ds_submission.path): that file, which ds_store_blob_put called with
     * data NULL moves into the blob directory. NULL otherwise. */
    const char *blob_src;
};

struct ds_store_ops {
    const char *name;
    /* Opens target (the url without its scheme) and migrates it; sets
     * s->impl, and s->blob_dir when it is still empty. */
    ds_error (*open)(ds_store *s, const char *target, const ds_store_options *opt, char *msg,
                     size_t msg_cap);
    void (*close)(ds_store *s);
    ds_error (*schema_version)(ds_store *s, int *out);
    ds_error (*check_integrity)(ds_store *s, bool *ok, char *msg, size_t msg_cap);

    ds_error (*case_put)(ds_store *s, const char *case_id, const char *owner, const char *json,
                         size_t len, bool *created);
    ds_error (*case_writable)(ds_store *s, const char *case_id, const char *owner, bool *ok);
    ds_error (*case_get)(ds_store *s, const char *case_id, char **json, size_t *len,
                         int64_t *updated_at);

    /* sha256 is the file's hex digest, fingerprint the request's; the
     * backend writes the blob with ds_store_blob_put inside its write
     * transaction (after the idempotency check). */
    ds_error (*submit)(ds_store *s, const ds_submission *sub, const char *sha256,
                       const char *fingerprint, int64_t *document_id, int64_t *job_id,
                       bool *replayed);
    ds_error (*document_get)(ds_store *s, int64_t id, ds_document *out);
    /* A backend that keeps the files itself (PostgreSQL: the blobs table)
     * reads one here: the bytes of sha256, size of them expected, into
     * *data (caller frees) and *len; store.c checks them against the
     * digest. NULL: the files are in s->blob_dir (ds_store_blob_put). */
    ds_error (*blob_read)(ds_store *s, const char *sha256, size_t size, uint8_t **data,
                          size_t *len);
    /* With blob_read: the same bytes straight into a private anonymous
     * mapping (*data, size bytes; released with munmap), so that
     * ds_store_document_map holds one copy of the file, not a heap copy
     * beside the mapping. store.c checks the digest. NULL: read, then
     * copied into a mapping. */
    ds_error (*blob_map)(ds_store *s, const char *sha256, size_t size, const uint8_t **data,
                         size_t *len);

    /* The claimed job's deadline is timeout_s on (store.h). */
    ds_error (*job_claim)(ds_store *s, const char *worker, int timeout_s, ds_job *out, bool *got);
    ds_error (*job_complete)(ds_store *s, int64_t job_id, const ds_job_result *r);
    ds_error (*job_requeue)(ds_store *s, int64_t job_id);
    ds_error (*job_requeue_running)(ds_store *s, int64_t *count);
    ds_error (*job_get)(ds_store *s, int64_t job_id, ds_job *out);
    /* Optional (NULL: no notifications, ds_store_set_wakeup says false):
     * fn(arg) is called when any process commits a claimable job. */
    bool (*set_wakeup)(ds_store *s, void (*fn)(void *arg), void *arg);
    ds_error (*job_for_document)(ds_store *s, int64_t document_id, ds_job *out);
    ds_error (*queue_depth)(ds_store *s, int64_t *out);
    ds_error (*job_counts)(ds_store *s, int64_t counts[DS_JOB_STATE_COUNT]);

    ds_error (*report_get)(ds_store *s, int64_t job_id, char **json, size_t *len);
    ds_error (*report_get_by_document)(ds_store *s, int64_t document_id, char **json, size_t *len);

    ds_error (*review_list)(ds_store *s, bool pending_only, int64_t after_at, int64_t after_job,
                            int cap, ds_review_item *out, int *count);
    ds_error (*decision_add)(ds_store *s, const ds_decision *d, int64_t *id);
    /* ids has room for r->decision_count ids. */
    ds_error (*decision_record)(ds_store *s, const ds_decision_record *r, int64_t *ids);
    ds_error (*decision_list)(ds_store *s, int64_t document_id, int cap, ds_decision *out,
                              int *count);

    ds_error (*delivery_claim)(ds_store *s, int lease_seconds, ds_delivery *out, bool *got);
    ds_error (*delivery_done)(ds_store *s, int64_t id, int http_status);
    ds_error (*delivery_fail)(ds_store *s, int64_t id, int http_status, const char *error,
                              int max_attempts, int64_t *next_attempt_at, bool *gave_up);
    ds_error (*delivery_list)(ds_store *s, int64_t job_id, int64_t before_id, int cap,
                              ds_delivery *out, int *count);

    ds_error (*token_create)(ds_store *s, const char *hash_hex, ds_role role, const char *name,
                             int64_t *id);
    ds_error (*token_lookup_hash)(ds_store *s, const char *hash_hex, ds_token *out);
    ds_error (*token_list)(ds_store *s, int cap, ds_token *out, int *count);
    ds_error (*token_revoke)(ds_store *s, const char *name);

    ds_error (*audit_append)(ds_store *s, const char *actor, const char *action,
                             const char *object, int64_t *seq);
    ds_error (*audit_verify)(ds_store *s, int64_t *checked, int64_t *first_bad);
    ds_error (*audit_list)(ds_store *s, int64_t after_seq, int cap, ds_audit_entry *out,
                           int *count);

    ds_error (*memory_record)(ds_store *s, int64_t document_id, const ds_fingerprint *fp, int n);
    ds_error (*memory_find_document)(ds_store *s, const ds_identity *id, int64_t exclude_document_id,
                                     int cap, ds_memory_match *out, int *count);
    ds_error (*memory_find_image)(ds_store *s, uint64_t dhash, int max_distance,
                                  const char *case_id, int cap, ds_memory_match *out, int *count);

    ds_error (*lost_import)(ds_store *s, const char *csv, size_t len, const char *default_source,
                            ds_lost_import_stats *stats);
    /* docno and state are already normalised. */
    ds_error (*lost_lookup)(ds_store *s, const char *docno, const char *state, ds_lost_entry *out,
                            bool *found);

    /* Purges rows created before cutoff; removes blobs no longer referenced
     * by a kept document with ds_store_blob_remove inside its transaction. */
    ds_error (*purge)(ds_store *s, int64_t cutoff, const char *actor, ds_purge_stats *stats);
    ds_error (*case_delete)(ds_store *s, const char *case_id, const char *actor,
                            int64_t *documents);
    ds_error (*job_forgotten)(ds_store *s, int64_t job_id, bool *forgotten);
};

extern const ds_store_ops ds_store_sqlite_ops;
extern const ds_store_ops ds_store_pg_ops;

/* Sets s->errmsg to "what: detail" (detail may be NULL) and returns
 * DS_ERR_STORE. */
ds_error ds_store_fail(ds_store *s, const char *what, const char *detail);

/* Writes len bytes whose hex SHA-256 is sha256 to the blob directory:
 * nothing when the blob is already there, else a temporary file, fsync,
 * rename, fsync of the directory. With data NULL during the submission of
 * a file (s->blob_src), that file is fsynced and renamed into place (or
 * copied, from another file system). */
ds_error ds_store_blob_put(ds_store *s, const char *sha256, const void *data, size_t len);
/* Removes the blob (missing is not an error) and fsyncs its directory. */
ds_error ds_store_blob_remove(ds_store *s, const char *sha256);

/* The audit chain's hash of one entry into out (65 bytes); see
 * ds_store_audit_append for the canonical form. */
void ds_store_audit_hash(const char *prev_hash, int64_t seq, int64_t at, const char *actor,
                         const char *action, const char *object, char out[65]);

/* The prev_hash of the audit chain's first entry: 64 zeros. */
extern const char ds_store_audit_zero[65];

/* One step of a walk of the audit chain in seq order (audit_verify): a is
 * the n-th entry read (from 1), fits false when one of its text columns
 * did not fit its buffer whole (a field cut to fit must not pass). prev
 * holds the hash of the entry before (ds_store_audit_zero at first) and
 * becomes a's hash when a verifies. false when a's seq, link or hash is
 * wrong: a is the first bad entry. */
bool ds_store_audit_step(char prev[65], int64_t n, const ds_audit_entry *a, bool fits);

/* A failed delivery attempt (attempts so far, this one included): true
 * when they reached max_attempts (give up; *next = now), else *next the
 * time of the next attempt (ds_delivery_backoff). */
bool ds_delivery_schedule(int attempts, int max_attempts, int64_t now, int64_t *next);

/* The image scan's ranking (memory_find_image), for a recorded hash h:
 * out holds *n matches (at most cap), closest first and oldest first among
 * equals. When h is within max_distance bits of dhash and closer than one
 * of them (or there is room), returns the slot it goes in, cleared but for
 * dhash and distance (the farthest match drops out when out is full; *n
 * counts the new one), for the caller to fill; else NULL. */
ds_memory_match *ds_store_image_slot(ds_memory_match *out, int cap, int *n, uint64_t dhash,
                                     uint64_t h, int max_distance);

/* Copies at most cap - 1 bytes of src (NULL is "") into dst, NUL-terminated. */
void ds_store_copy(char *dst, size_t cap, const char *src);

/* Returns from the calling function with the error of expr when it fails. */
#define CHECK(expr)                                                            \
    do {                                                                       \
        ds_error e_ = (expr);                                                  \
        if (e_ != DS_OK)                                                       \
            return e_;                                                         \
    } while (0)

#endif
