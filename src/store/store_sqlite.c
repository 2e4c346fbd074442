/*
 * store_sqlite: the SQLite backend of the store (the embedded default): its
 * schema, opening and closing, and its table of operations. The operations
 * themselves are in store_sqlite_jobs.c, _records.c, _deliveries.c,
 * _audit.c and _memory.c, over the statement helpers of store_sqlite_db.c.
 *
 * One database file in WAL mode with synchronous=FULL, so a transaction that
 * committed is on disk (WAL fsynced) before the call returns; readers never
 * block the single writer. Every write runs inside BEGIN IMMEDIATE, which
 * takes the write lock up front (waiting up to the busy timeout) so no
 * transaction fails half-way on a lock upgrade. The schema is created and
 * upgraded by numbered migrations recorded in schema_version; a database
 * newer than this program is refused. Schema and durability are described
 * in docs/store.md.
 *
 * This file must never: build SQL from values (everything is bound); keep a
 * statement or transaction open when a function returns; put document
 * content or a token into an error message (SQLite's own messages name
 * tables and constraints, never values).
 */
#include "store/store_backend.h"
#include "store/store_sqlite_audit.h"
#include "store/store_sqlite_db.h"
#include "store/store_sqlite_deliveries.h"
#include "store/store_sqlite_jobs.h"
#include "store/store_sqlite_memory.h"
#include "store/store_sqlite_records.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

/* ----------------------------------------------------------------- schema */

/* Migration n (1-based) brings the schema from version n-1 to n. Append
 * only; never edit a migration that has shipped. */
static const char *const migrations[] = {
    /* 1: the first schema. */
    "CREATE TABLE cases("
    "  case_id TEXT PRIMARY KEY, json TEXT NOT NULL,"
    "  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);"
    "CREATE TABLE documents("
    "  id INTEGER PRIMARY KEY, case_id TEXT NOT NULL, sha256 TEXT NOT NULL,"
    "  size INTEGER NOT NULL, filename TEXT NOT NULL, source TEXT NOT NULL,"
    "  station TEXT NOT NULL, created_at INTEGER NOT NULL, purged_at INTEGER);"
    "CREATE INDEX documents_sha256 ON documents(sha256);"
    "CREATE INDEX documents_created ON documents(created_at);"
    "CREATE TABLE idempotency("
    "  scope TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL,"
    "  document_id INTEGER NOT NULL REFERENCES documents(id),"
    "  job_id INTEGER NOT NULL, created_at INTEGER NOT NULL,"
    "  PRIMARY KEY(scope, key));"
    "CREATE TABLE jobs("
    "  id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES documents(id),"
    "  case_id TEXT NOT NULL, state INTEGER NOT NULL, attempts INTEGER NOT NULL,"
    "  worker TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);"
    "CREATE INDEX jobs_state ON jobs(state, id);"
    "CREATE INDEX jobs_document ON jobs(document_id);"
    "CREATE TABLE reports("
    "  job_id INTEGER PRIMARY KEY REFERENCES jobs(id),"
    "  document_id INTEGER NOT NULL REFERENCES documents(id),"
    "  json TEXT, verdict TEXT NOT NULL, flag_count INTEGER NOT NULL,"
    "  created_at INTEGER NOT NULL, purged_at INTEGER);"
    "CREATE INDEX reports_document ON reports(document_id, job_id);"
    "CREATE INDEX reports_review ON reports(verdict, created_at);"
    "CREATE TABLE decisions("
    "  id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES documents(id),"
    "  job_id INTEGER NOT NULL, flag_index INTEGER NOT NULL, flag_code TEXT NOT NULL,"
    "  accepted INTEGER NOT NULL, note TEXT NOT NULL, officer TEXT NOT NULL,"
    "  decided_at INTEGER NOT NULL);"
    "CREATE INDEX decisions_document ON decisions(document_id, job_id);"
    "CREATE TABLE deliveries("
    "  id INTEGER PRIMARY KEY, job_id INTEGER NOT NULL REFERENCES jobs(id),"
    "  url TEXT NOT NULL, body BLOB NOT NULL, state INTEGER NOT NULL,"
    "  attempts INTEGER NOT NULL, last_status INTEGER NOT NULL, last_error TEXT NOT NULL,"
    "  next_attempt_at INTEGER NOT NULL, created_at INTEGER NOT NULL,"
    "  updated_at INTEGER NOT NULL);"
    "CREATE INDEX deliveries_due ON deliveries(state, next_attempt_at);"
    "CREATE INDEX deliveries_job ON deliveries(job_id);"
    "CREATE TABLE tokens("
    "  id INTEGER PRIMARY KEY, name TEXT NOT NULL, role INTEGER NOT NULL,"
    "  hash TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL,"
    "  revoked_at INTEGER NOT NULL);"
    "CREATE UNIQUE INDEX tokens_valid_name ON tokens(name) WHERE revoked_at = 0;"
    "CREATE TABLE audit("
    "  seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, actor TEXT NOT NULL,"
    "  action TEXT NOT NULL, object TEXT NOT NULL, prev_hash TEXT NOT NULL,"
    "  hash TEXT NOT NULL);"
    "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
    "  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
    "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
    "  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
    "CREATE TABLE identities("
    "  id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL, case_id TEXT NOT NULL,"
    "  page INTEGER NOT NULL, document_number TEXT NOT NULL, issuing_state TEXT NOT NULL,"
    "  surname TEXT NOT NULL, given_names TEXT NOT NULL, birth_date TEXT NOT NULL,"
    "  created_at INTEGER NOT NULL);"
    "CREATE INDEX identities_docno ON identities(document_number, issuing_state);"
    "CREATE TABLE image_hashes("
    "  id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL, case_id TEXT NOT NULL,"
    "  page INTEGER NOT NULL, dhash INTEGER NOT NULL, created_at INTEGER NOT NULL);"
    "CREATE TABLE lost("
    "  document_number TEXT NOT NULL, issuing_state TEXT NOT NULL,"
    "  reported_on TEXT NOT NULL, source TEXT NOT NULL, imported_at INTEGER NOT NULL,"
    "  PRIMARY KEY(document_number, issuing_state));",
    /* 2: documents remember the id of the token that submitted them, and
     * idempotency keys of API submissions are scoped by that id
     * ("token:<id>"), never by a token's name, which a new token may reuse
     * after a revocation. Existing API documents get the id of the token
     * that bore their name when they were submitted (0 when none did);
     * their keys move to that id's scope. Tokens are never deleted, so an
     * id is never reused. */
    "ALTER TABLE documents ADD COLUMN token_id INTEGER NOT NULL DEFAULT 0;"
    "UPDATE documents SET token_id = coalesce("
    "  (SELECT t.id FROM tokens t WHERE t.name = documents.station"
    "   AND t.created_at <= documents.created_at"
    "   AND (t.revoked_at = 0 OR t.revoked_at >= documents.created_at)"
    "   ORDER BY t.id DESC LIMIT 1), 0) WHERE source = 'api';"
    "UPDATE idempotency SET scope = 'token:' ||"
    "  (SELECT d.token_id FROM documents d WHERE d.id = idempotency.document_id)"
    "  WHERE scope NOT LIKE 'hotfolder:%' AND"
    "  (SELECT d.source FROM documents d WHERE d.id = idempotency.document_id) = 'api' AND"
    "  (SELECT d.token_id FROM documents d WHERE d.id = idempotency.document_id) > 0;"
    "CREATE INDEX documents_token ON documents(token_id);"
    "CREATE TRIGGER tokens_no_delete BEFORE DELETE ON tokens"
    "  BEGIN SELECT RAISE(ABORT, 'tokens are revoked, never deleted'); END;",
    /* 3: a case record belongs to the principal that created it
     * (store.h); records from before have no owner ("") until their next
     * put claims them. */
    "ALTER TABLE cases ADD COLUMN owner TEXT NOT NULL DEFAULT '';",
    /* 4: the ids of jobs of deleted cases, so that copies kept outside the
     * store (a hot folder's done/ and failed/) can be found and removed. */
    "CREATE TABLE forgotten_jobs(job_id INTEGER PRIMARY KEY, at INTEGER NOT NULL);",
    /* 5: a claimed job's deadline (job_timeout_s on; 0: none) and how many
     * claims of it ran past theirs, so a hung worker's job is taken over
     * and given up after a bounded number of such claims. */
    "ALTER TABLE jobs ADD COLUMN deadline INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE jobs ADD COLUMN timeouts INTEGER NOT NULL DEFAULT 0;",
};

#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof migrations[0]))

/* ------------------------------------------------------------ open, close */

static int journal_mode_cb(void *ctx, int n, char **vals, char **names)
{
    (void)names;
    if (n >= 1 && vals[0])
        ds_store_copy(ctx, 16, vals[0]);
    return 0;
}

static ds_error migrate(ds_store *s, char *msg, size_t msg_cap)
{
    ds_error err = ds_sq_begin(s);
    if (err != DS_OK)
        return err;
    int64_t v = 0;
    TRY(ds_sq_exec(s, "CREATE TABLE IF NOT EXISTS schema_version("
                   "version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)"));
    TRY(ds_sq_int(s, &v, NULL, "SELECT coalesce(max(version), 0) FROM schema_version", ""));
    if (v > SCHEMA_VERSION) {
        if (msg && msg_cap)
            snprintf(msg, msg_cap, "the store has schema version %lld, newer than this program's %d.",
                     (long long)v, SCHEMA_VERSION);
        err = ds_store_fail(s, "the store's schema is newer than this program", NULL);
        goto out;
    }
    for (int64_t n = v + 1; n <= SCHEMA_VERSION; n++) {
        TRY(ds_sq_exec(s, migrations[n - 1]));
        TRY(ds_sq_run(s, NULL, "INSERT INTO schema_version(version, applied_at) VALUES(?, ?)",
            "ii", n,
                      ds_store_now(s)));
    }
out:
    return ds_sq_finish(s, err);
}

static void sq_close(ds_store *s)
{
    sq *q = s->impl;
    if (!q)
        return;
    sqlite3_close_v2(q->db);
    free(q);
    s->impl = NULL;
}

static ds_error sq_open(ds_store *s, const char *path, const ds_store_options *opt, char *msg,
                        size_t msg_cap)
{
    sq *q = calloc(1, sizeof *q);
    if (!q)
        return DS_ERR_NOMEM;
    s->impl = q;
    ds_error err = DS_OK;
    int rc = sqlite3_open_v2(path, &q->db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) {
        if (msg && msg_cap)
            snprintf(msg, msg_cap, "the SQLite database cannot be opened: %s.",
                     q->db ? sqlite3_errmsg(q->db) : sqlite3_errstr(rc));
        err = DS_ERR_STORE;
        goto out;
    }
    sqlite3_extended_result_codes(q->db, 1);
    sqlite3_busy_timeout(q->db, opt && opt->busy_timeout_ms > 0 ? opt->busy_timeout_ms : 10000);
    char mode[16] = "";
    char *e = NULL;
    rc = sqlite3_exec(q->db, "PRAGMA journal_mode=WAL", journal_mode_cb, mode, &e);
    sqlite3_free(e);
    if (rc != SQLITE_OK || strcmp(mode, "wal") != 0) {
        if (msg && msg_cap)
            snprintf(msg, msg_cap, "the SQLite database cannot be switched to WAL mode: %s.",
                     rc != SQLITE_OK ? sqlite3_errmsg(q->db) : mode);
        err = DS_ERR_STORE;
        goto out;
    }
    err = ds_sq_exec(s, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA trusted_schema=OFF;");
    if (err == DS_OK)
        err = migrate(s, msg, msg_cap);
    if (err != DS_OK) {
        if (msg && msg_cap && !msg[0])
            snprintf(msg, msg_cap, "the SQLite database cannot be prepared: %s.", s->errmsg);
        goto out;
    }
    if (!s->blob_dir[0]) {
        int n = snprintf(s->blob_dir, sizeof s->blob_dir, "%s.blobs", path);
        if (n < 0 || (size_t)n >= sizeof s->blob_dir) {
            err = DS_ERR_USAGE;
            goto out;
        }
    }
out:
    if (err != DS_OK)
        sq_close(s);
    return err;
}

static ds_error sq_schema_version(ds_store *s, int *out)
{
    int64_t v = 0;
    CHECK(ds_sq_int(s, &v, NULL, "SELECT coalesce(max(version), 0) FROM schema_version", ""));
    *out = (int)v;
    return DS_OK;
}

static ds_error sq_check_integrity(ds_store *s, bool *ok, char *msg, size_t msg_cap)
{
    sqlite3_stmt *st = NULL;
    CHECK(ds_sq_prep(s, &st, "PRAGMA integrity_check", ""));
    bool row = false;
    ds_error err = ds_sq_step(s, st, &row);
    if (err == DS_OK) {
        if (row)
            ds_sq_col_copy(st, 0, msg, msg_cap);
        else
            ds_store_copy(msg, msg_cap, "no answer");
        *ok = row && strcmp(msg, "ok") == 0;
    }
    sqlite3_finalize(st);
    return err;
}


const ds_store_ops ds_store_sqlite_ops = {
    .name = "sqlite",
    .open = sq_open,
    .close = sq_close,
    .schema_version = sq_schema_version,
    .check_integrity = sq_check_integrity,
    .case_put = ds_sq_case_put,
    .case_get = ds_sq_case_get,
    .case_writable = ds_sq_case_writable,
    .submit = ds_sq_submit,
    .document_get = ds_sq_document_get,
    .job_claim = ds_sq_job_claim,
    .job_complete = ds_sq_job_complete,
    .job_requeue = ds_sq_job_requeue,
    .job_requeue_running = ds_sq_job_requeue_running,
    .job_get = ds_sq_job_get,
    .job_for_document = ds_sq_job_for_document,
    .queue_depth = ds_sq_queue_depth,
    .job_counts = ds_sq_job_counts,
    .report_get = ds_sq_report_get,
    .report_get_by_document = ds_sq_report_get_by_document,
    .review_list = ds_sq_review_list,
    .decision_add = ds_sq_decision_add,
    .decision_record = ds_sq_decision_record,
    .decision_list = ds_sq_decision_list,
    .delivery_claim = ds_sq_delivery_claim,
    .delivery_done = ds_sq_delivery_done,
    .delivery_fail = ds_sq_delivery_fail,
    .delivery_list = ds_sq_delivery_list,
    .token_create = ds_sq_token_create,
    .token_lookup_hash = ds_sq_token_lookup_hash,
    .token_list = ds_sq_token_list,
    .token_revoke = ds_sq_token_revoke,
    .audit_append = ds_sq_audit_append,
    .audit_verify = ds_sq_audit_verify,
    .audit_list = ds_sq_audit_list,
    .memory_record = ds_sq_memory_record,
    .memory_find_document = ds_sq_memory_find_document,
    .memory_find_image = ds_sq_memory_find_image,
    .lost_import = ds_sq_lost_import,
    .lost_lookup = ds_sq_lost_lookup,
    .purge = ds_sq_purge,
    .case_delete = ds_sq_case_delete,
    .job_forgotten = ds_sq_job_forgotten,
};
