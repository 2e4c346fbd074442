/*
 * store: the durable state of the screening service.
 *
 * Everything the daemon must not lose lives here: case records, submitted
 * documents and their files, the job queue, reports, officers' decisions,
 * webhook deliveries with their retry schedule, API tokens (hashed), the
 * hash-chained audit log, the lost-and-stolen list, and the fingerprints
 * used to spot the same document or image under another identity.
 *
 * A backend (SQLite by default, in WAL mode; PostgreSQL for several nodes)
 * sits behind one table of function pointers; callers never test which one
 * they hold. Every call is a transaction of its own: when it returns DS_OK
 * its effect is on disk. A store handle is used by one thread at a time;
 * each thread opens its own (SQLite handles concurrency between them).
 * Document content never goes to logs; only ids do.
 *
 * Conventions of every function below: a NULL handle or a NULL required
 * pointer is DS_ERR_USAGE; a text argument longer than its DS_STORE_*_MAX
 * cap is DS_ERR_TOO_LARGE and is never cut; a record that does not exist is
 * DS_ERR_NO_RECORD; a failure of the database or of the blob directory is
 * DS_ERR_STORE (ds_store_errmsg then says why, without document content).
 * OUT values are written only on DS_OK. Times are unix seconds taken from
 * the store's clock (ds_store_set_clock, for tests).
 */
#ifndef DS_STORE_H
#define DS_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "docscreen/docscreen.h"

/* Caps, in bytes, of every text the store keeps (a string buffer of a
 * struct below is one byte longer, for the NUL). */
#define DS_STORE_CASE_ID_MAX 128   /* same as DS_CASE_ID_MAX */
#define DS_STORE_NAME_MAX 128      /* token names, stations, actors, officers, workers */
#define DS_STORE_FILENAME_MAX 255
#define DS_STORE_KEY_MAX 255       /* an Idempotency-Key */
#define DS_STORE_URL_MAX 2048
#define DS_STORE_NOTE_MAX 2048     /* an officer's note */
#define DS_STORE_CODE_MAX 47       /* a flag code, an audit action */
#define DS_STORE_OBJECT_MAX 128    /* an audit object id */
#define DS_STORE_DOCNO_MAX 64      /* a document number */
#define DS_STORE_PERSON_MAX 256    /* a surname or given names */
#define DS_STORE_SOURCE_MAX 64     /* a lost-list source */
#define DS_STORE_JSON_MAX (16u << 20) /* a case record, a report, a webhook body */
#define DS_STORE_FILE_MAX (256u << 20) /* a submitted file */
#define DS_STORE_ERRMSG_MAX 256

typedef struct ds_store ds_store;

/* Job states; a job only ever moves forward, except a running job whose
 * worker died, which goes back to queued. */
typedef enum ds_job_state {
    DS_JOB_QUEUED = 0,
    DS_JOB_RUNNING,
    DS_JOB_DONE,   /* a report exists */
    DS_JOB_FAILED  /* an input error; the report names it */
} ds_job_state;
#define DS_JOB_STATE_COUNT 4

const char *ds_job_state_name(ds_job_state s);

typedef struct ds_job {
    int64_t id;
    int64_t document_id;
    char case_id[DS_STORE_CASE_ID_MAX + 1];
    ds_job_state state;
    int attempts;                   /* claims so far, including the current one */
    int timeouts;                   /* earlier claims that ran past their deadline and were taken over */
    int64_t created_at, updated_at; /* unix seconds */
    char worker[DS_STORE_NAME_MAX + 1]; /* who claimed it last; "" when never claimed */
} ds_job;

typedef struct ds_document {
    int64_t id;
    char case_id[DS_STORE_CASE_ID_MAX + 1];
    char sha256[65];        /* hex of the file's bytes */
    char filename[DS_STORE_FILENAME_MAX + 1]; /* as submitted, for the officer; never a path used to open */
    char source[16];        /* "api", "hotfolder", "cli" */
    char station[DS_STORE_NAME_MAX + 1];  /* hot-folder station or token name, for people */
    int64_t token_id;       /* the submitting token's id (never reused); 0 when none */
    int64_t created_at;
    int64_t size;           /* bytes of the file */
    int64_t purged_at;      /* 0 while the file is kept; else when retention removed it */
} ds_document;

/* ------------------------------------------------------------ open, close */

typedef struct ds_store_options {
    /* How long a call waits for another handle's write lock before failing
     * with DS_ERR_STORE; 0 means the default of 10000 ms. */
    int busy_timeout_ms;
    /* Directory of the document files; NULL or "" means "PATH.blobs" next
     * to the SQLite database file. Created when missing. */
    const char *blob_dir;
} ds_store_options;

/* Opens (creating and migrating when needed) the store named by url:
 * "sqlite:PATH" or a plain path for SQLite, "postgresql://..." for
 * PostgreSQL (DS_ERR_USAGE when that backend is not built in). */
ds_error ds_store_open(const char *url, ds_store **out /* OUT */);
/* As ds_store_open with options (opt may be NULL). When open fails and msg
 * is not NULL, msg receives one sentence saying why (at most msg_cap bytes,
 * always NUL-terminated). */
ds_error ds_store_open_ex(const char *url, const ds_store_options *opt,
                          ds_store **out /* OUT */, char *msg, size_t msg_cap);
/* Closes the handle; NULL is a no-op. Nothing is lost: every call that
 * returned DS_OK is already durable. */
void ds_store_close(ds_store *s);

/* The backend's name: "sqlite" or "postgresql". */
const char *ds_store_backend(const ds_store *s);
/* One sentence about the last DS_ERR_STORE on this handle ("" when none);
 * valid until the next call on the handle. */
const char *ds_store_errmsg(const ds_store *s);
/* The schema version the store is migrated to. */
ds_error ds_store_schema_version(ds_store *s, int *out /* OUT */);
/* Runs the backend's full consistency check (SQLite: PRAGMA
 * integrity_check). *ok is true when it passed; msg (when not NULL)
 * receives the first problem reported, or "ok". */
ds_error ds_store_check_integrity(ds_store *s, bool *ok /* OUT */, char *msg, size_t msg_cap);
/* Makes the store's clock return now (unix seconds) from here on; 0 goes
 * back to the real clock. For tests of retention, backoff and ordering. */
void ds_store_set_clock(ds_store *s, int64_t now);
/* The store clock's current time. */
int64_t ds_store_now(const ds_store *s);

/* Lower-case hex SHA-256 of len bytes of data into hex (65 bytes). */
void ds_sha256_hex(const void *data, size_t len, char hex[65]);

/* ------------------------------------------------------------------ cases */

/*
 * A case record belongs to the owner that created it: an opaque string of
 * 1 to DS_STORE_OWNER_MAX bytes naming a principal ("token:<id>" for an API
 * token, "hotfolder:<station>" for a hot folder). Only its owner may
 * replace it or submit documents to its case; a record stored before
 * owners existed has the owner "" and is claimed by the next put.
 */
#define DS_STORE_OWNER_MAX 160

/* Creates the case record case_id with json (len bytes, the validated
 * record text as the caller received it; stored verbatim) for owner, or
 * replaces it when owner owns it; *created (may be NULL) tells which.
 * DS_ERR_NO_RECORD, and nothing changes, when another owner has it. */
ds_error ds_store_case_put(ds_store *s, const char *case_id, const char *owner, const char *json,
                           size_t len, bool *created /* OUT */);
/* *ok true when owner may write to case_id: no record of it exists, or its
 * record is owner's (or has no owner yet). */
ds_error ds_store_case_writable(ds_store *s, const char *case_id, const char *owner,
                                bool *ok /* OUT */);
/* The stored text of case_id: *json (NUL-terminated, caller frees) and
 * *len; updated_at may be NULL. DS_ERR_NO_RECORD when there is none. */
ds_error ds_store_case_get(ds_store *s, const char *case_id, char **json /* OUT */,
                           size_t *len /* OUT */, int64_t *updated_at /* OUT */);

/* ----------------------------------------------------- documents and jobs */

/*
 * One submitted file. data/len are the file's bytes (at most
 * DS_STORE_FILE_MAX; empty is DS_ERR_EMPTY). idempotency_key may be NULL or
 * "" for none; a key is unique within key_scope (NULL means ""): the API
 * passes "token:<token id>", never a token's name, because a name may be
 * reused by a new token after a revocation. The request fingerprint
 * compared on a replay is case_id plus the SHA-256 of the bytes.
 */
typedef struct ds_submission {
    const char *case_id;   /* required, 1..DS_STORE_CASE_ID_MAX bytes */
    const char *filename;  /* NULL means "" */
    const char *source;    /* "api", "hotfolder", "cli"; NULL means "api" */
    const char *station;   /* NULL means "" */
    const void *data;
    size_t len;
    /* Instead of data: a file of len bytes (mode 0600) the caller wrote,
     * and its SHA-256 (64 lower-case hex digits). The store moves it into
     * the blob directory (a rename, or a copy when the blob directory is
     * on another file system) instead of reading it into memory; whatever
     * the result the caller removes path when it is still there. data is
     * then ignored. */
    const char *path;
    const char *sha256;
    const char *idempotency_key;
    const char *key_scope;
    int64_t token_id;      /* the submitting token's id; 0 when no token submitted it */
} ds_submission;

/*
 * Stores the file (content-addressed in the blob directory, written
 * atomically and fsynced before the database row refers to it), inserts the
 * document and enqueues its job in one transaction. On DS_OK the submission
 * is on disk and *document_id, *job_id are set; *replayed is false.
 * When the idempotency key was used before in the same scope with the same
 * fingerprint, nothing new is created: the earlier ids are returned and
 * *replayed is true. Same key, different fingerprint: DS_ERR_CONFLICT
 * (answer 409), nothing stored. replayed may be NULL.
 */
ds_error ds_store_submit(ds_store *s, const ds_submission *sub, int64_t *document_id /* OUT */,
                         int64_t *job_id /* OUT */, bool *replayed /* OUT */);
ds_error ds_store_document_get(ds_store *s, int64_t document_id, ds_document *out /* OUT */);
/* The file's bytes (caller frees *data). DS_ERR_NO_RECORD when the
 * document does not exist or retention purged its file; DS_ERR_STORE when
 * the blob is missing or does not match its SHA-256. */
ds_error ds_store_document_read(ds_store *s, int64_t document_id, uint8_t **data /* OUT */,
                                size_t *len /* OUT */);
/* As ds_store_document_read, but the file is mapped read-only instead of
 * copied to the heap (its pages are the page cache's): *data stays valid
 * until ds_store_document_unmap(*data, *len), even if the blob is removed
 * meanwhile. The bytes are checked against their SHA-256 as they are. */
ds_error ds_store_document_map(ds_store *s, int64_t document_id, const uint8_t **data /* OUT */,
                               size_t *len /* OUT */);
void ds_store_document_unmap(const uint8_t *data, size_t len);

/* Takes the oldest queued job for worker (any text, for the record) in one
 * atomic step: state running, attempts + 1. Two handles never receive the
 * same job. *got is false (and *out untouched) when the queue is empty.
 *
 * Every claim gives the job a deadline, timeout_s (1..DS_STORE_JOB_TIMEOUT_MAX)
 * seconds on: a job still running past its deadline is taken by the next
 * claim as if its worker had died (before any queued job), with timeouts +
 * 1, whether or not the worker that held it still lives (a hung worker).
 * On PostgreSQL the lease stops being renewed at the deadline, so a node
 * whose worker hangs gives the job up like a dead node. A result the late
 * worker still completes is accepted only while the job is running (the
 * first completion wins, DS_ERR_CONFLICT after). ds_store_job_claim uses
 * DS_STORE_JOB_TIMEOUT_DEFAULT. */
#define DS_STORE_JOB_TIMEOUT_DEFAULT 1800
#define DS_STORE_JOB_TIMEOUT_MAX 86400
ds_error ds_store_job_claim(ds_store *s, const char *worker, ds_job *out /* OUT */,
                            bool *got /* OUT */);
ds_error ds_store_job_claim_for(ds_store *s, const char *worker, int timeout_s,
                                ds_job *out /* OUT */, bool *got /* OUT */);

/* Has fn(arg) called, from a thread of the store, whenever any process
 * (any node) commits a job that can be claimed (a submission, a requeue),
 * until it is set to NULL (before arg goes away) or s closes. fn must be
 * brief and must not call the store (set a flag, signal a condition).
 * A shortcut for waiting workers, never a guarantee: notifications may be
 * lost (a broken connection), so a waiter keeps polling as well. Returns
 * true when the backend notifies across processes (PostgreSQL with LISTEN/
 * NOTIFY, unless the url says ds_listen=0); false, and fn never called, on
 * SQLite, where the submitting process wakes its own workers. */
bool ds_store_set_wakeup(ds_store *s, void (*fn)(void *arg), void *arg);

/* What the pipeline learnt of one page, remembered across cases. */
typedef struct ds_identity {
    char document_number[DS_STORE_DOCNO_MAX + 1]; /* as in the MRZ, '<' removed */
    char issuing_state[4];                         /* ICAO 3-letter code */
    char surname[DS_STORE_PERSON_MAX + 1];
    char given_names[DS_STORE_PERSON_MAX + 1];
    char birth_date[11];                           /* YYYY-MM-DD or "" */
} ds_identity;

typedef struct ds_fingerprint {
    int page;
    bool has_identity;     /* a valid MRZ was read */
    ds_identity identity;
    bool has_dhash;
    uint64_t dhash;        /* ds_image_dhash of the page (src/store/phash.h) */
} ds_fingerprint;

/* A webhook delivery to create with a job's completion. */
typedef struct ds_delivery_new {
    const char *url;       /* 1..DS_STORE_URL_MAX bytes */
    const char *body;      /* the exact bytes to POST (the summary JSON) */
    size_t body_len;       /* at most DS_STORE_JSON_MAX */
} ds_delivery_new;

/* The outcome of a running job. */
typedef struct ds_job_result {
    ds_job_state state;        /* DS_JOB_DONE or DS_JOB_FAILED */
    const char *report_json;   /* the report text, stored verbatim */
    size_t report_len;         /* at most DS_STORE_JSON_MAX */
    const char *verdict;       /* "clear", "review" or "error" */
    int flag_count;            /* length of the report's "flags" array */
    const ds_delivery_new *deliveries; /* webhook deliveries to enqueue; may be NULL */
    int delivery_count;
    const ds_fingerprint *fingerprints; /* memory to record for the document; may be NULL */
    int fingerprint_count;
} ds_job_result;

/*
 * Finishes a running job: stores its report, moves it to r->state, records
 * the fingerprints and enqueues the deliveries (due now) in ONE transaction,
 * so a crash leaves either all of it or none. DS_ERR_CONFLICT when the job
 * is not running (already completed, or requeued after a crash); nothing is
 * changed then. A report is written once per job.
 */
ds_error ds_store_job_complete(ds_store *s, int64_t job_id, const ds_job_result *r);
/* Puts one running job back in the queue (a worker shutting down with work
 * in hand). DS_ERR_CONFLICT when it is not running. */
ds_error ds_store_job_requeue(ds_store *s, int64_t job_id);
/* Crash recovery, at daemon start-up before any worker runs: every running
 * job goes back to queued. *count (may be NULL) gets how many. */
ds_error ds_store_job_requeue_running(ds_store *s, int64_t *count /* OUT */);
ds_error ds_store_job_get(ds_store *s, int64_t job_id, ds_job *out /* OUT */);
/* The document's most recent job. */
ds_error ds_store_job_for_document(ds_store *s, int64_t document_id, ds_job *out /* OUT */);
/* Number of queued jobs. */
ds_error ds_store_queue_depth(ds_store *s, int64_t *out /* OUT */);
/* Jobs in each state, indexed by ds_job_state. */
ds_error ds_store_job_counts(ds_store *s, int64_t counts[DS_JOB_STATE_COUNT] /* OUT */);

/* ---------------------------------------------------------------- reports */

/* A report's text (NUL-terminated, caller frees) and length.
 * DS_ERR_NO_RECORD when the job has no report yet or retention purged it. */
ds_error ds_store_report_get(ds_store *s, int64_t job_id, char **json /* OUT */,
                             size_t *len /* OUT */);
/* The report of the document's most recent completed job. */
ds_error ds_store_report_get_by_document(ds_store *s, int64_t document_id, char **json /* OUT */,
                                         size_t *len /* OUT */);

/* ----------------------------------------------------- review, decisions */

typedef struct ds_review_item {
    int64_t document_id;
    int64_t job_id;
    char case_id[DS_STORE_CASE_ID_MAX + 1];
    char filename[DS_STORE_FILENAME_MAX + 1];
    int flag_count;
    int decided_count;     /* distinct flag indexes with at least one decision */
    int64_t completed_at;  /* when the report was written */
} ds_review_item;

/*
 * The review queue: documents whose latest report has verdict "review",
 * oldest report first (by completed_at, then job_id), at most cap into out;
 * *count how many were written. With pending_only, documents whose every
 * flag has a decision are left out. Paging is by key, never by offset:
 * only items after the cursor (after_at, after_job) in that order are
 * listed (0, 0 for the first page; the last item's completed_at and job_id
 * for the next), so an item decided or added between two pages never makes
 * another one skipped or listed twice.
 */
ds_error ds_store_review_list(ds_store *s, bool pending_only, int64_t after_at, int64_t after_job,
                              int cap, ds_review_item *out /* OUT */, int *count /* OUT */);

typedef struct ds_decision {
    int64_t id;            /* set by the store */
    int64_t document_id;
    int flag_index;        /* index into the report's "flags" array */
    char flag_code[DS_STORE_CODE_MAX + 1];
    bool accepted;         /* true: the flag is confirmed; false: rejected */
    char note[DS_STORE_NOTE_MAX + 1];
    char officer[DS_STORE_NAME_MAX + 1]; /* the deciding token's name */
    int64_t decided_at;    /* set by the store */
} ds_decision;

/* Records d (id and decided_at are ignored and set by the store) against
 * the document's latest report. DS_ERR_NO_RECORD when the document has no
 * report; DS_ERR_USAGE when flag_index is outside [0, flag_count). A later
 * decision on the same flag supersedes (all are kept). *id may be NULL. */
ds_error ds_store_decision_add(ds_store *s, const ds_decision *d, int64_t *id /* OUT */);
/* One audit entry to append with a decision record (the actor is the
 * record's officer). */
typedef struct ds_audit_new {
    const char *action;    /* 1..DS_STORE_CODE_MAX bytes */
    const char *object;    /* at most DS_STORE_OBJECT_MAX bytes; NULL is "" */
} ds_audit_new;

/* What an officer's act writes: audit entries, flag decisions (none for an
 * escalation) and webhook deliveries. */
typedef struct ds_decision_record {
    const char *officer;             /* the deciding token's name: the audit actor */
    int64_t decided_at;              /* > 0: the time the decisions are stored with
                                      * (the one the delivery bodies name) */
    const ds_audit_new *audit;       /* appended in this order; may be NULL */
    int audit_count;
    const ds_decision *decisions;    /* as for ds_store_decision_add; may be NULL */
    int decision_count;
    int64_t job_id;                  /* the job the deliveries belong to */
    const ds_delivery_new *deliveries; /* enqueued due now; may be NULL */
    int delivery_count;
} ds_decision_record;

/*
 * Writes the audit entries, the decisions (each checked as
 * ds_store_decision_add checks it, stored with r->decided_at) and the
 * deliveries in ONE
 * transaction: a crash or an error leaves all of it or none, so no
 * decision is stored without its audit entry and its webhooks. ids (may be
 * NULL) gets the decision ids, decision_count of them. DS_ERR_NO_RECORD
 * when a decision's document has no report, DS_ERR_USAGE when a flag_index
 * is outside the report's flags; nothing is written then.
 */
ds_error ds_store_decision_record(ds_store *s, const ds_decision_record *r,
                                  int64_t *ids /* OUT */);
/* Decisions on a document, oldest first, at most cap. */
ds_error ds_store_decision_list(ds_store *s, int64_t document_id, int cap,
                                ds_decision *out /* OUT */, int *count /* OUT */);

/* --------------------------------------------------- webhook deliveries */

typedef enum ds_delivery_state {
    DS_DELIVERY_PENDING = 0, /* waiting for next_attempt_at */
    DS_DELIVERY_DELIVERED,
    DS_DELIVERY_FAILED       /* gave up */
} ds_delivery_state;

const char *ds_delivery_state_name(ds_delivery_state s);

/* Backoff between attempts: BASE * 2^(attempts-1) seconds, at most MAX. */
#define DS_DELIVERY_BACKOFF_BASE 30
#define DS_DELIVERY_BACKOFF_MAX (6 * 3600)

/* The wait, in seconds, before the next attempt after attempts failed
 * attempts (attempts >= 1): the formula above. */
int64_t ds_delivery_backoff(int attempts);

typedef struct ds_delivery {
    int64_t id;
    int64_t job_id;
    char url[DS_STORE_URL_MAX + 1];
    ds_delivery_state state;
    int attempts;          /* attempts finished or in flight */
    int last_status;       /* HTTP status of the last attempt; 0 when none or no response */
    char last_error[DS_STORE_ERRMSG_MAX + 1];
    int64_t created_at, updated_at, next_attempt_at;
    char *body;            /* only from ds_store_delivery_claim: the bytes to POST (caller frees) */
    size_t body_len;
} ds_delivery;

/*
 * Takes one due delivery (pending, next_attempt_at <= now, oldest due
 * first) for sending: attempts + 1 and next_attempt_at = now + lease, so no
 * other handle takes it while it is in flight and a crash mid-send makes it
 * due again after the lease (delivery is at least once). *got is false
 * when none is due. out->body is heap memory the caller frees.
 */
ds_error ds_store_delivery_claim(ds_store *s, int lease_seconds, ds_delivery *out /* OUT */,
                                 bool *got /* OUT */);
/* The receiver answered 2xx with http_status. */
ds_error ds_store_delivery_done(ds_store *s, int64_t id, int http_status);
/*
 * The attempt failed (http_status 0 when no response; error one short
 * sentence, may be NULL). When attempts reached max_attempts the delivery
 * becomes failed for good (*gave_up true); else it is due again after the
 * backoff computed here (DS_DELIVERY_BACKOFF_*), whose time goes to
 * *next_attempt_at. Either OUT may be NULL.
 */
ds_error ds_store_delivery_fail(ds_store *s, int64_t id, int http_status, const char *error,
                                int max_attempts, int64_t *next_attempt_at /* OUT */,
                                bool *gave_up /* OUT */);
/* The delivery log, newest first, without bodies (body is NULL): for one
 * job when job_id > 0, else all; only ids below before_id when it is > 0
 * (the last id of the previous page: paging by key, so deliveries created
 * between pages never repeat or hide an entry); at most cap. */
ds_error ds_store_delivery_list(ds_store *s, int64_t job_id, int64_t before_id, int cap,
                                ds_delivery *out /* OUT */, int *count /* OUT */);

/* ----------------------------------------------------------------- tokens */

typedef enum ds_role {
    DS_ROLE_STATION = 0, /* may submit */
    DS_ROLE_HOOK,        /* may submit */
    DS_ROLE_OFFICER,     /* may read and decide */
    DS_ROLE_ADMIN        /* manages tokens and config */
} ds_role;
#define DS_ROLE_COUNT 4

const char *ds_role_name(ds_role r);
/* Parses "station", "hook", "officer", "admin"; false for anything else. */
bool ds_role_parse(const char *name, ds_role *out /* OUT */);

typedef struct ds_token {
    int64_t id;
    char name[DS_STORE_NAME_MAX + 1];
    ds_role role;
    char hash[65];        /* hex SHA-256 of the token; the token itself is never stored */
    int64_t created_at;
    int64_t revoked_at;   /* 0 while valid */
} ds_token;

/* Stores the SHA-256 of token (the caller generated it, at least 16
 * bytes) with role and a unique name. DS_ERR_CONFLICT when the name or the
 * token is already present. *id may be NULL. */
ds_error ds_store_token_create(ds_store *s, const char *token, ds_role role, const char *name,
                               int64_t *id /* OUT */);
/* Finds the valid (not revoked) token whose hash is SHA-256(token); the
 * hashes are compared in constant time. DS_ERR_NO_RECORD when none. */
ds_error ds_store_token_lookup(ds_store *s, const char *token, ds_token *out /* OUT */);
/* As ds_store_token_lookup with the hex hash already computed. */
ds_error ds_store_token_lookup_hash(ds_store *s, const char *hash_hex, ds_token *out /* OUT */);
/* All tokens, revoked ones too, by id, at most cap. */
ds_error ds_store_token_list(ds_store *s, int cap, ds_token *out /* OUT */, int *count /* OUT */);
/* Revokes the token called name. DS_ERR_NO_RECORD when there is no valid
 * token of that name. A token is never deleted, so its id is never given
 * to another token; the name may be reused by a new token, which gets a new
 * id and none of the old token's submissions or idempotency keys. */
ds_error ds_store_token_revoke(ds_store *s, const char *name);

/* -------------------------------------------------------------- audit log */

typedef struct ds_audit_entry {
    int64_t seq;          /* 1, 2, 3, ... */
    int64_t at;
    char actor[DS_STORE_NAME_MAX + 1];
    char action[DS_STORE_CODE_MAX + 1];  /* "report.read", "decision.add", "purge", ... */
    char object[DS_STORE_OBJECT_MAX + 1]; /* "job:42", "document:7", "" */
    char prev_hash[65];
    char hash[65];
} ds_audit_entry;

/*
 * Appends one entry. hash = SHA-256(prev_hash || canonical fields), where
 * prev_hash is the previous entry's hash (64 zeros for the first) and the
 * canonical fields are seq, at, actor, action, object each written as
 * "<decimal length>:<bytes>". There is no way to change or delete an entry
 * through this API, and the SQLite schema refuses UPDATE and DELETE on the
 * table. *seq may be NULL.
 */
ds_error ds_store_audit_append(ds_store *s, const char *actor, const char *action,
                               const char *object, int64_t *seq /* OUT */);
/* Walks the whole chain recomputing every hash and link. *checked gets
 * the number of entries read; *first_bad gets the seq of the first entry
 * that does not verify (a changed field, a broken link, a gap), 0 when the
 * chain is intact. Either OUT may be NULL. */
ds_error ds_store_audit_verify(ds_store *s, int64_t *checked /* OUT */, int64_t *first_bad /* OUT */);
/* Entries with seq > after_seq, oldest first, at most cap. */
ds_error ds_store_audit_list(ds_store *s, int64_t after_seq, int cap, ds_audit_entry *out /* OUT */,
                             int *count /* OUT */);

/* ------------------------------------------------- memory across cases */

/* Records fingerprints for a document outside a job completion (the CLI). */
ds_error ds_store_memory_record(ds_store *s, int64_t document_id, const ds_fingerprint *fp,
                                int n);

typedef struct ds_memory_match {
    int64_t document_id;
    char case_id[DS_STORE_CASE_ID_MAX + 1];
    int page;
    ds_identity identity;  /* the identity read on the matched page (empty: none) */
    uint64_t dhash;        /* for image matches */
    int distance;          /* Hamming distance, for image matches */
    int64_t recorded_at;
} ds_memory_match;

/*
 * DUPLICATE_DOCUMENT: recorded pages with the same document number and
 * issuing state as id but a different identity (surname, given names or
 * birth date differ, compared exactly after the caller's normalisation).
 * Oldest first, at most cap. Documents with exclude_document_id are
 * skipped (pass the document being checked, or 0).
 */
ds_error ds_store_memory_find_document(ds_store *s, const ds_identity *id,
                                       int64_t exclude_document_id, int cap,
                                       ds_memory_match *out /* OUT */, int *count /* OUT */);
/*
 * DUPLICATE_IMAGE: recorded pages whose dHash is within max_distance bits
 * (Hamming) of dhash and whose case id differs from case_id. Closest first,
 * at most cap. The scan is linear in the recorded pages.
 */
ds_error ds_store_memory_find_image(ds_store *s, uint64_t dhash, int max_distance,
                                    const char *case_id, int cap, ds_memory_match *out /* OUT */,
                                    int *count /* OUT */);

/* ------------------------------------------------- lost and stolen list */

#define DS_LOSTCSV_LINE_MAX 1024        /* bytes of one line, newline excluded */
#define DS_LOSTCSV_LINES_MAX 5000000    /* lines read from one file */

typedef struct ds_lost_import_stats {
    int64_t lines;          /* lines read, header and blank lines included */
    int64_t imported;       /* entries added or updated */
    int64_t malformed;      /* lines refused (too long, bad field, bad quoting) */
    int64_t first_malformed_line; /* 1-based; 0 when none */
    bool truncated;         /* DS_LOSTCSV_LINES_MAX was reached; the rest was not read */
} ds_lost_import_stats;

typedef struct ds_lost_entry {
    char document_number[DS_STORE_DOCNO_MAX + 1]; /* upper case, no spaces, '-' or '<' */
    char issuing_state[4];
    char reported_on[11];  /* YYYY-MM-DD or "" */
    char source[DS_STORE_SOURCE_MAX + 1];
    int64_t imported_at;
} ds_lost_entry;

/*
 * Imports a lost-and-stolen list: CSV, one entry a line, columns
 * document_number, issuing_state[, reported_on[, source]] (an optional
 * first header line naming them is skipped; double-quoted fields allowed).
 * Malformed lines are counted in *stats, not fatal. default_source (may be
 * NULL) fills an empty source. All entries go in one transaction; an entry
 * already present is updated. The syntax is in src/store/lostcsv.h.
 */
ds_error ds_store_lost_import(ds_store *s, const char *csv, size_t len, const char *default_source,
                              ds_lost_import_stats *stats /* OUT */);
/* As ds_store_lost_import reading the file at path (at most 512 MiB). */
ds_error ds_store_lost_import_file(ds_store *s, const char *path, const char *default_source,
                                   ds_lost_import_stats *stats /* OUT */);
/* DOC_REPORTED_LOST: *found tells whether document_number (normalised as on
 * import) of issuing_state is listed; *out (may be NULL) gets the entry. */
ds_error ds_store_lost_lookup(ds_store *s, const char *document_number, const char *issuing_state,
                              ds_lost_entry *out /* OUT */, bool *found /* OUT */);

/* -------------------------------------------------------------- retention */

typedef struct ds_purge_stats {
    int64_t documents;  /* documents whose file was purged */
    int64_t blobs;      /* files removed from the blob directory */
    int64_t reports;    /* reports whose text was purged */
    int64_t cases;      /* case records deleted */
    int64_t notes;      /* decisions whose free-text note was blanked */
} ds_purge_stats;

/*
 * Purges the files of documents and the text of reports created more than
 * days days ago (days >= 1), blanks the notes of decisions taken before
 * then, and deletes the case records last written before then whose case
 * has no document from after it. Document, report and decision rows stay,
 * marked purged, so ids, job states, decisions, deliveries and the audit
 * log keep their meaning; memory fingerprints are kept. Appends one audit
 * entry (actor, "purge", the counts) in the same transaction. *stats may
 * be NULL.
 */
ds_error ds_store_purge(ds_store *s, int days, const char *actor, ds_purge_stats *stats /* OUT */);

/*
 * Deletes everything the store holds of case case_id in one transaction:
 * its record, documents and their files (a file another case also
 * submitted is kept for that case), jobs, reports, decisions with their
 * notes, deliveries, idempotency keys and memory fingerprints
 * (identities, image hashes). The ids of its jobs are remembered as
 * forgotten (ds_store_job_forgotten) so that copies outside the store can
 * be found and removed. Appends one audit entry (actor, "case.delete",
 * the case id and the count of documents). DS_ERR_NO_RECORD when the
 * store has neither a record nor a document of the case; DS_ERR_CONFLICT,
 * and nothing changes, while one of its jobs is queued or running.
 * *documents (may be NULL) gets the number of documents deleted.
 */
ds_error ds_store_case_delete(ds_store *s, const char *case_id, const char *actor,
                              int64_t *documents /* OUT */);
/* *forgotten true when job_id was a job of a case ds_store_case_delete
 * deleted and no job has that id now (SQLite may give the largest deleted
 * id to the next job; a copy named by it is then kept, never a live job's
 * copy removed). */
ds_error ds_store_job_forgotten(ds_store *s, int64_t job_id, bool *forgotten /* OUT */);

#endif
