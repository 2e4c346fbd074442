/*
 * store_sqlite: the SQLite backend of the store (the embedded default).
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

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store/lostcsv.h"

typedef struct sq {
    sqlite3 *db;
} sq;

#define DB(s) (((sq *)(s)->impl)->db)

/* Jumps to out with err set when expr fails. */
#define TRY(expr)                                                              \
    do {                                                                       \
        err = (expr);                                                          \
        if (err != DS_OK)                                                      \
            goto out;                                                          \
    } while (0)

static const char zero_hash[65] =
    "0000000000000000000000000000000000000000000000000000000000000000";

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
};

#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof migrations[0]))

/* ---------------------------------------------------------------- helpers */

static ds_error rc_error(ds_store *s, int rc, const char *what)
{
    ds_store_fail(s, what, sqlite3_errmsg(DB(s)));
    if ((rc & 0xff) == SQLITE_CONSTRAINT)
        return DS_ERR_CONFLICT;
    if ((rc & 0xff) == SQLITE_NOMEM)
        return DS_ERR_NOMEM;
    if ((rc & 0xff) == SQLITE_TOOBIG)
        return DS_ERR_TOO_LARGE;
    return DS_ERR_STORE;
}

static ds_error exec(ds_store *s, const char *sql)
{
    char *e = NULL;
    int rc = sqlite3_exec(DB(s), sql, NULL, NULL, &e);
    if (rc != SQLITE_OK) {
        ds_store_fail(s, "statement failed", e ? e : sqlite3_errstr(rc));
        sqlite3_free(e);
        return DS_ERR_STORE;
    }
    return DS_OK;
}

static ds_error begin(ds_store *s) { return exec(s, "BEGIN IMMEDIATE"); }

static void rollback(ds_store *s)
{
    if (!sqlite3_get_autocommit(DB(s)))
        sqlite3_exec(DB(s), "ROLLBACK", NULL, NULL, NULL);
}

static ds_error commit(ds_store *s)
{
    ds_error err = exec(s, "COMMIT");
    if (err != DS_OK)
        rollback(s);
    return err;
}

/* Ends the transaction of a function: commit when err is DS_OK, else
 * roll back; returns the final status. */
static ds_error finish(ds_store *s, ds_error err)
{
    if (err == DS_OK)
        return commit(s);
    rollback(s);
    return err;
}

/*
 * Binds arguments by a format: 't' text (const char *, NULL binds ""),
 * 'T' text with length (const char *, size_t), 'B' blob (const void *,
 * size_t), 'i' int64_t, 'd' int.
 */
static int bindv(sqlite3_stmt *st, const char *fmt, va_list ap)
{
    int rc = SQLITE_OK;
    for (int i = 0; fmt[i] && rc == SQLITE_OK; i++) {
        int col = i + 1;
        switch (fmt[i]) {
        case 't': {
            const char *v = va_arg(ap, const char *);
            rc = sqlite3_bind_text(st, col, v ? v : "", -1, SQLITE_STATIC);
            break;
        }
        case 'T': {
            const char *v = va_arg(ap, const char *);
            size_t n = va_arg(ap, size_t);
            rc = sqlite3_bind_text64(st, col, v ? v : "", v ? n : 0, SQLITE_STATIC, SQLITE_UTF8);
            break;
        }
        case 'B': {
            const void *v = va_arg(ap, const void *);
            size_t n = va_arg(ap, size_t);
            rc = sqlite3_bind_blob64(st, col, v ? v : "", v ? n : 0, SQLITE_STATIC);
            break;
        }
        case 'i':
            rc = sqlite3_bind_int64(st, col, (sqlite3_int64)va_arg(ap, int64_t));
            break;
        case 'd':
            rc = sqlite3_bind_int(st, col, va_arg(ap, int));
            break;
        default:
            rc = SQLITE_MISUSE;
        }
    }
    return rc;
}

/* Prepares sql and binds the arguments described by fmt. */
/* Prepares sql and binds its parameters from ap (see bindv); on failure
 * nothing is left prepared. */
static ds_error vprep(ds_store *s, sqlite3_stmt **st, const char *sql, const char *fmt, va_list ap)
{
    *st = NULL;
    int rc = sqlite3_prepare_v2(DB(s), sql, -1, st, NULL);
    if (rc != SQLITE_OK)
        return rc_error(s, rc, "cannot prepare statement");
    rc = bindv(*st, fmt, ap);
    if (rc != SQLITE_OK) {
        ds_error err = rc_error(s, rc, "cannot bind parameter");
        sqlite3_finalize(*st);
        *st = NULL;
        return err;
    }
    return DS_OK;
}

static ds_error qprep(ds_store *s, sqlite3_stmt **st, const char *sql, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ds_error err = vprep(s, st, sql, fmt, ap);
    va_end(ap);
    return err;
}

/* Steps st once: DS_OK with *row telling whether a row came back. */
static ds_error qstep(ds_store *s, sqlite3_stmt *st, bool *row)
{
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *row = true;
        return DS_OK;
    }
    if (rc == SQLITE_DONE) {
        *row = false;
        return DS_OK;
    }
    return rc_error(s, rc, "statement failed");
}

/* Runs a statement returning no rows; *changes (may be NULL) gets the
 * number of rows it changed. */
static ds_error qrun(ds_store *s, int64_t *changes, const char *sql, const char *fmt, ...)
{
    sqlite3_stmt *st = NULL;
    va_list ap;
    va_start(ap, fmt);
    ds_error err = vprep(s, &st, sql, fmt, ap);
    va_end(ap);
    if (err != DS_OK)
        return err;
    int rc = sqlite3_step(st);
    while (rc == SQLITE_ROW)
        rc = sqlite3_step(st);
    if (rc != SQLITE_DONE)
        err = rc_error(s, rc, "statement failed");
    else if (changes)
        *changes = sqlite3_changes64(DB(s));
    sqlite3_finalize(st);
    return err;
}

/* Runs a statement whose first column of its first row is an integer;
 * *found false (and *v untouched) when there is no row. */
static ds_error qint(ds_store *s, int64_t *v, bool *found, const char *sql, const char *fmt, ...)
{
    sqlite3_stmt *st = NULL;
    va_list ap;
    va_start(ap, fmt);
    ds_error err = vprep(s, &st, sql, fmt, ap);
    va_end(ap);
    if (err != DS_OK)
        return err;
    bool row = false;
    err = qstep(s, st, &row);
    if (err == DS_OK) {
        if (row)
            *v = sqlite3_column_int64(st, 0);
        if (found)
            *found = row;
        else if (!row)
            err = DS_ERR_NO_RECORD;
    }
    sqlite3_finalize(st);
    return err;
}

static void col_copy(sqlite3_stmt *st, int i, char *dst, size_t cap)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    size_t n = t ? (size_t)sqlite3_column_bytes(st, i) : 0;
    if (n >= cap)
        n = cap - 1;
    if (n)
        memcpy(dst, t, n);
    dst[n] = '\0';
}

/* A heap copy of text column i, NUL-terminated; *len its length. */
static ds_error col_dup(ds_store *s, sqlite3_stmt *st, int i, char **out, size_t *len)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    if (!t && sqlite3_column_type(st, i) != SQLITE_NULL)
        return DS_ERR_NOMEM;
    size_t n = t ? (size_t)sqlite3_column_bytes(st, i) : 0;
    char *p = malloc(n + 1);
    if (!p)
        return DS_ERR_NOMEM;
    if (n)
        memcpy(p, t, n);
    p[n] = '\0';
    *out = p;
    *len = n;
    (void)s;
    return DS_OK;
}

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
    ds_error err = begin(s);
    if (err != DS_OK)
        return err;
    int64_t v = 0;
    TRY(exec(s, "CREATE TABLE IF NOT EXISTS schema_version("
                "version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)"));
    TRY(qint(s, &v, NULL, "SELECT coalesce(max(version), 0) FROM schema_version", ""));
    if (v > SCHEMA_VERSION) {
        if (msg && msg_cap)
            snprintf(msg, msg_cap, "the store has schema version %lld, newer than this program's %d.",
                     (long long)v, SCHEMA_VERSION);
        err = ds_store_fail(s, "the store's schema is newer than this program", NULL);
        goto out;
    }
    for (int64_t n = v + 1; n <= SCHEMA_VERSION; n++) {
        TRY(exec(s, migrations[n - 1]));
        TRY(qrun(s, NULL, "INSERT INTO schema_version(version, applied_at) VALUES(?, ?)", "ii", n,
                 ds_store_now(s)));
    }
out:
    return finish(s, err);
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
    err = exec(s, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA trusted_schema=OFF;");
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
    CHECK(qint(s, &v, NULL, "SELECT coalesce(max(version), 0) FROM schema_version", ""));
    *out = (int)v;
    return DS_OK;
}

static ds_error sq_check_integrity(ds_store *s, bool *ok, char *msg, size_t msg_cap)
{
    sqlite3_stmt *st = NULL;
    CHECK(qprep(s, &st, "PRAGMA integrity_check", ""));
    bool row = false;
    ds_error err = qstep(s, st, &row);
    if (err == DS_OK) {
        if (row)
            col_copy(st, 0, msg, msg_cap);
        else
            ds_store_copy(msg, msg_cap, "no answer");
        *ok = row && strcmp(msg, "ok") == 0;
    }
    sqlite3_finalize(st);
    return err;
}

/* ------------------------------------------------------------------ cases */

static ds_error sq_case_put(ds_store *s, const char *case_id, const char *json, size_t len)
{
    int64_t now = ds_store_now(s);
    ds_error err = begin(s);
    if (err != DS_OK)
        return err;
    err = qrun(s, NULL,
               "INSERT INTO cases(case_id, json, created_at, updated_at) VALUES(?1, ?2, ?3, ?3) "
               "ON CONFLICT(case_id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at",
               "tTi", case_id, json, len, now);
    return finish(s, err);
}

static ds_error sq_case_get(ds_store *s, const char *case_id, char **json, size_t *len,
                            int64_t *updated_at)
{
    sqlite3_stmt *st = NULL;
    CHECK(qprep(s, &st, "SELECT json, updated_at FROM cases WHERE case_id = ?", "t", case_id));
    bool row = false;
    ds_error err = qstep(s, st, &row);
    if (err == DS_OK && !row)
        err = DS_ERR_NO_RECORD;
    if (err == DS_OK)
        err = col_dup(s, st, 0, json, len);
    if (err == DS_OK && updated_at)
        *updated_at = sqlite3_column_int64(st, 1);
    sqlite3_finalize(st);
    return err;
}

/* ----------------------------------------------------- documents and jobs */

static ds_error sq_submit(ds_store *s, const ds_submission *sub, const char *sha256,
                          const char *fingerprint, int64_t *document_id, int64_t *job_id,
                          bool *replayed)
{
    int64_t now = ds_store_now(s);
    const char *key = sub->idempotency_key && sub->idempotency_key[0] ? sub->idempotency_key : NULL;
    const char *scope = sub->key_scope ? sub->key_scope : "";
    sqlite3_stmt *st = NULL;
    int64_t doc = 0, job = 0;
    ds_error err = begin(s);
    if (err != DS_OK)
        return err;
    if (key) {
        bool row = false;
        TRY(qprep(s, &st,
                  "SELECT fingerprint, document_id, job_id FROM idempotency WHERE scope = ? AND key = ?",
                  "tt", scope, key));
        TRY(qstep(s, st, &row));
        if (row) {
            char fp[65];
            col_copy(st, 0, fp, sizeof fp);
            if (strcmp(fp, fingerprint) != 0) {
                ds_store_fail(s, "the idempotency key was used with another request", NULL);
                err = DS_ERR_CONFLICT;
                goto out;
            }
            *document_id = sqlite3_column_int64(st, 1);
            *job_id = sqlite3_column_int64(st, 2);
            *replayed = true;
            goto out;
        }
        sqlite3_finalize(st);
        st = NULL;
    }
    TRY(ds_store_blob_put(s, sha256, sub->data, sub->len));
    TRY(qrun(s, NULL,
             "INSERT INTO documents(case_id, sha256, size, filename, source, station, created_at) "
             "VALUES(?, ?, ?, ?, ?, ?, ?)",
             "ttittti", sub->case_id, sha256, (int64_t)sub->len, sub->filename,
             sub->source ? sub->source : "api", sub->station, now));
    doc = sqlite3_last_insert_rowid(DB(s));
    TRY(qrun(s, NULL,
             "INSERT INTO jobs(document_id, case_id, state, attempts, worker, created_at, updated_at) "
             "VALUES(?1, ?2, 0, 0, '', ?3, ?3)",
             "iti", doc, sub->case_id, now));
    job = sqlite3_last_insert_rowid(DB(s));
    if (key)
        TRY(qrun(s, NULL,
                 "INSERT INTO idempotency(scope, key, fingerprint, document_id, job_id, created_at) "
                 "VALUES(?, ?, ?, ?, ?, ?)",
                 "tttiii", scope, key, fingerprint, doc, job, now));
    *document_id = doc;
    *job_id = job;
    *replayed = false;
out:
    sqlite3_finalize(st);
    return finish(s, err);
}

static ds_error sq_document_get(ds_store *s, int64_t id, ds_document *d)
{
    sqlite3_stmt *st = NULL;
    CHECK(qprep(s, &st,
                "SELECT id, case_id, sha256, filename, source, station, created_at, size, "
                "coalesce(purged_at, 0) FROM documents WHERE id = ?",
                "i", id));
    bool row = false;
    ds_error err = qstep(s, st, &row);
    if (err == DS_OK && !row)
        err = DS_ERR_NO_RECORD;
    if (err == DS_OK) {
        memset(d, 0, sizeof *d);
        d->id = sqlite3_column_int64(st, 0);
        col_copy(st, 1, d->case_id, sizeof d->case_id);
        col_copy(st, 2, d->sha256, sizeof d->sha256);
        col_copy(st, 3, d->filename, sizeof d->filename);
        col_copy(st, 4, d->source, sizeof d->source);
        col_copy(st, 5, d->station, sizeof d->station);
        d->created_at = sqlite3_column_int64(st, 6);
        d->size = sqlite3_column_int64(st, 7);
        d->purged_at = sqlite3_column_int64(st, 8);
    }
    sqlite3_finalize(st);
    return err;
}

#define JOB_COLS "id, document_id, case_id, state, attempts, created_at, updated_at, worker"

static void job_of(sqlite3_stmt *st, ds_job *j)
{
    memset(j, 0, sizeof *j);
    j->id = sqlite3_column_int64(st, 0);
    j->document_id = sqlite3_column_int64(st, 1);
    col_copy(st, 2, j->case_id, sizeof j->case_id);
    int state = sqlite3_column_int(st, 3);
    j->state = (state >= 0 && state < DS_JOB_STATE_COUNT) ? (ds_job_state)state : DS_JOB_FAILED;
    j->attempts = sqlite3_column_int(st, 4);
    j->created_at = sqlite3_column_int64(st, 5);
    j->updated_at = sqlite3_column_int64(st, 6);
    col_copy(st, 7, j->worker, sizeof j->worker);
}

static ds_error sq_job_claim(ds_store *s, const char *worker, ds_job *out, bool *got)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    ds_job j;
    ds_error err = begin(s);
    if (err != DS_OK)
        return err;
    TRY(qprep(s, &st,
              "UPDATE jobs SET state = 1, attempts = attempts + 1, worker = ?1, updated_at = ?2 "
              "WHERE id = (SELECT id FROM jobs WHERE state = 0 ORDER BY id LIMIT 1) "
              "RETURNING " JOB_COLS,
              "ti", worker, ds_store_now(s)));
    TRY(qstep(s, st, &row));
    if (row) {
        job_of(st, &j);
        bool more = false;
        TRY(qstep(s, st, &more));
    }
out:
    sqlite3_finalize(st);
    err = finish(s, err);
    if (err == DS_OK) {
        *got = row;
        if (row)
            *out = j;
    }
    return err;
}

static ds_error memory_record_tx(ds_store *s, int64_t document_id, const ds_fingerprint *fp, int n)
{
    char case_id[DS_STORE_CASE_ID_MAX + 1];
    sqlite3_stmt *st = NULL;
    bool row = false;
    int64_t now = ds_store_now(s);
    ds_error err = DS_OK;
    if (n == 0)
        return DS_OK;
    TRY(qprep(s, &st, "SELECT case_id FROM documents WHERE id = ?", "i", document_id));
    TRY(qstep(s, st, &row));
    if (!row) {
        err = DS_ERR_NO_RECORD;
        goto out;
    }
    col_copy(st, 0, case_id, sizeof case_id);
    for (int i = 0; i < n; i++) {
        const ds_identity *id = &fp[i].identity;
        if (fp[i].has_identity)
            TRY(qrun(s, NULL,
                     "INSERT INTO identities(document_id, case_id, page, document_number, "
                     "issuing_state, surname, given_names, birth_date, created_at) "
                     "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     "itdttttti", document_id, case_id, fp[i].page,
                     id->document_number, id->issuing_state, id->surname, id->given_names,
                     id->birth_date, now));
        if (fp[i].has_dhash)
            TRY(qrun(s, NULL,
                     "INSERT INTO image_hashes(document_id, case_id, page, dhash, created_at) "
                     "VALUES(?, ?, ?, ?, ?)",
                     "itdii", document_id, case_id, fp[i].page, (int64_t)fp[i].dhash, now));
    }
out:
    sqlite3_finalize(st);
    return err;
}

static ds_error job_state_of(ds_store *s, int64_t job_id, int *state, int64_t *document_id)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    CHECK(qprep(s, &st, "SELECT state, document_id FROM jobs WHERE id = ?", "i", job_id));
    ds_error err = qstep(s, st, &row);
    if (err == DS_OK && !row)
        err = DS_ERR_NO_RECORD;
    if (err == DS_OK) {
        *state = sqlite3_column_int(st, 0);
        if (document_id)
            *document_id = sqlite3_column_int64(st, 1);
    }
    sqlite3_finalize(st);
    return err;
}

static ds_error sq_job_complete(ds_store *s, int64_t job_id, const ds_job_result *r)
{
    int64_t now = ds_store_now(s), doc = 0;
    int state = 0;
    ds_error err = begin(s);
    if (err != DS_OK)
        return err;
    TRY(job_state_of(s, job_id, &state, &doc));
    if (state != DS_JOB_RUNNING) {
        ds_store_fail(s, "the job is not running", NULL);
        err = DS_ERR_CONFLICT;
        goto out;
    }
    TRY(qrun(s, NULL, "UPDATE jobs SET state = ?, updated_at = ? WHERE id = ?", "dii",
             (int)r->state, now, job_id));
    TRY(qrun(s, NULL,
             "INSERT INTO reports(job_id, document_id, json, verdict, flag_count, created_at) "
             "VALUES(?, ?, ?, ?, ?, ?)",
             "iiTtdi", job_id, doc, r->report_json, r->report_len, r->verdict, r->flag_count, now));
    for (int i = 0; i < r->delivery_count; i++)
        TRY(qrun(s, NULL,
                 "INSERT INTO deliveries(job_id, url, body, state, attempts, last_status, "
                 "last_error, next_attempt_at, created_at, updated_at) "
                 "VALUES(?1, ?2, ?3, 0, 0, 0, '', ?4, ?4, ?4)",
                 "itBi", job_id, r->deliveries[i].url, r->deliveries[i].body,
                 r->deliveries[i].body_len, now));
    TRY(memory_record_tx(s, doc, r->fingerprints, r->fingerprint_count));
out:
    return finish(s, err);
}

static ds_error sq_job_requeue(ds_store *s, int64_t job_id)
{
    int state = 0;
    ds_error err = begin(s);
    if (err != DS_OK)
        return err;
    TRY(job_state_of(s, job_id, &state, NULL));
    if (state != DS_JOB_RUNNING) {
        ds_store_fail(s, "the job is not running", NULL);
        err = DS_ERR_CONFLICT;
        goto out;
    }
    TRY(qrun(s, NULL, "UPDATE jobs SET state = 0, updated_at = ? WHERE id = ?", "ii",
             ds_store_now(s), job_id));
out:
    return finish(s, err);
}

static ds_error sq_job_requeue_running(ds_store *s, int64_t *count)
{
    ds_error err = begin(s);
    if (err != DS_OK)
        return err;
    err = qrun(s, count, "UPDATE jobs SET state = 0, updated_at = ? WHERE state = 1", "i",
               ds_store_now(s));
    return finish(s, err);
}

static ds_error job_query(ds_store *s, ds_job *out, const char *sql, int64_t arg)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    CHECK(qprep(s, &st, sql, "i", arg));
    ds_error err = qstep(s, st, &row);
    if (err == DS_OK && !row)
        err = DS_ERR_NO_RECORD;
    if (err == DS_OK)
        job_of(st, out);
    sqlite3_finalize(st);
    return err;
}

static ds_error sq_job_get(ds_store *s, int64_t job_id, ds_job *out)
{
    return job_query(s, out, "SELECT " JOB_COLS " FROM jobs WHERE id = ?", job_id);
}

static ds_error sq_job_for_document(ds_store *s, int64_t document_id, ds_job *out)
{
    return job_query(s, out,
                     "SELECT " JOB_COLS " FROM jobs WHERE document_id = ? ORDER BY id DESC LIMIT 1",
                     document_id);
}

static ds_error sq_queue_depth(ds_store *s, int64_t *out)
{
    return qint(s, out, NULL, "SELECT count(*) FROM jobs WHERE state = 0", "");
}

static ds_error sq_job_counts(ds_store *s, int64_t counts[DS_JOB_STATE_COUNT])
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    int64_t c[DS_JOB_STATE_COUNT] = {0};
    CHECK(qprep(s, &st, "SELECT state, count(*) FROM jobs GROUP BY state", ""));
    ds_error err;
    while ((err = qstep(s, st, &row)) == DS_OK && row) {
        int state = sqlite3_column_int(st, 0);
        if (state >= 0 && state < DS_JOB_STATE_COUNT)
            c[state] = sqlite3_column_int64(st, 1);
    }
    sqlite3_finalize(st);
    if (err == DS_OK)
        memcpy(counts, c, sizeof c);
    return err;
}

/* ---------------------------------------------------------------- reports */

static ds_error report_query(ds_store *s, const char *sql, int64_t arg, char **json, size_t *len)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    CHECK(qprep(s, &st, sql, "i", arg));
    ds_error err = qstep(s, st, &row);
    if (err == DS_OK && (!row || sqlite3_column_type(st, 0) == SQLITE_NULL))
        err = DS_ERR_NO_RECORD;
    if (err == DS_OK)
        err = col_dup(s, st, 0, json, len);
    sqlite3_finalize(st);
    return err;
}

static ds_error sq_report_get(ds_store *s, int64_t job_id, char **json, size_t *len)
{
    return report_query(s, "SELECT json FROM reports WHERE job_id = ?", job_id, json, len);
}

static ds_error sq_report_get_by_document(ds_store *s, int64_t document_id, char **json,
                                          size_t *len)
{
    return report_query(s,
                        "SELECT json FROM reports WHERE document_id = ? ORDER BY job_id DESC LIMIT 1",
                        document_id, json, len);
}

/* ----------------------------------------------------- review, decisions */

static ds_error sq_review_list(ds_store *s, bool pending_only, int64_t offset, int cap,
                               ds_review_item *out, int *count)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    int n = 0;
    CHECK(qprep(s, &st,
                "SELECT r.document_id, r.job_id, d.case_id, d.filename, r.flag_count, "
                "  (SELECT count(DISTINCT x.flag_index) FROM decisions x"
                "   WHERE x.document_id = r.document_id AND x.job_id = r.job_id) AS decided, "
                "  r.created_at "
                "FROM reports r JOIN documents d ON d.id = r.document_id "
                "WHERE r.verdict = 'review' "
                "  AND r.job_id = (SELECT max(r2.job_id) FROM reports r2 WHERE r2.document_id = r.document_id) "
                "  AND (?1 = 0 OR (SELECT count(DISTINCT x.flag_index) FROM decisions x"
                "       WHERE x.document_id = r.document_id AND x.job_id = r.job_id) < r.flag_count) "
                "ORDER BY r.created_at, r.job_id LIMIT ?2 OFFSET ?3",
                "ddi", pending_only ? 1 : 0, cap, offset));
    ds_error err = DS_OK;
    while (n < cap && (err = qstep(s, st, &row)) == DS_OK && row) {
        ds_review_item *it = &out[n++];
        memset(it, 0, sizeof *it);
        it->document_id = sqlite3_column_int64(st, 0);
        it->job_id = sqlite3_column_int64(st, 1);
        col_copy(st, 2, it->case_id, sizeof it->case_id);
        col_copy(st, 3, it->filename, sizeof it->filename);
        it->flag_count = sqlite3_column_int(st, 4);
        it->decided_count = sqlite3_column_int(st, 5);
        it->completed_at = sqlite3_column_int64(st, 6);
    }
    sqlite3_finalize(st);
    if (err == DS_OK)
        *count = n;
    return err;
}

static ds_error sq_decision_add(ds_store *s, const ds_decision *d, int64_t *id)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    ds_error err = begin(s);
    if (err != DS_OK)
        return err;
    TRY(qprep(s, &st,
              "SELECT job_id, flag_count FROM reports WHERE document_id = ? ORDER BY job_id DESC LIMIT 1",
              "i", d->document_id));
    TRY(qstep(s, st, &row));
    if (!row) {
        err = DS_ERR_NO_RECORD;
        goto out;
    }
    int64_t job = sqlite3_column_int64(st, 0);
    int flags = sqlite3_column_int(st, 1);
    if (d->flag_index >= flags) {
        err = DS_ERR_USAGE;
        goto out;
    }
    TRY(qrun(s, NULL,
             "INSERT INTO decisions(document_id, job_id, flag_index, flag_code, accepted, note, "
             "officer, decided_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?)",
             "iidtdtti", d->document_id, job, d->flag_index, d->flag_code, d->accepted ? 1 : 0,
             d->note, d->officer, ds_store_now(s)));
    *id = sqlite3_last_insert_rowid(DB(s));
out:
    sqlite3_finalize(st);
    return finish(s, err);
}

static ds_error sq_decision_list(ds_store *s, int64_t document_id, int cap, ds_decision *out,
                                 int *count)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    int n = 0;
    CHECK(qprep(s, &st,
                "SELECT id, document_id, flag_index, flag_code, accepted, note, officer, decided_at "
                "FROM decisions WHERE document_id = ? ORDER BY id LIMIT ?",
                "id", document_id, cap));
    ds_error err = DS_OK;
    while (n < cap && (err = qstep(s, st, &row)) == DS_OK && row) {
        ds_decision *d = &out[n++];
        memset(d, 0, sizeof *d);
        d->id = sqlite3_column_int64(st, 0);
        d->document_id = sqlite3_column_int64(st, 1);
        d->flag_index = sqlite3_column_int(st, 2);
        col_copy(st, 3, d->flag_code, sizeof d->flag_code);
        d->accepted = sqlite3_column_int(st, 4) != 0;
        col_copy(st, 5, d->note, sizeof d->note);
        col_copy(st, 6, d->officer, sizeof d->officer);
        d->decided_at = sqlite3_column_int64(st, 7);
    }
    sqlite3_finalize(st);
    if (err == DS_OK)
        *count = n;
    return err;
}

/* --------------------------------------------------- webhook deliveries */

#define DELIVERY_COLS                                                          \
    "id, job_id, url, state, attempts, last_status, last_error, created_at, updated_at, " \
    "next_attempt_at"

static void delivery_of(sqlite3_stmt *st, ds_delivery *d)
{
    memset(d, 0, sizeof *d);
    d->id = sqlite3_column_int64(st, 0);
    d->job_id = sqlite3_column_int64(st, 1);
    col_copy(st, 2, d->url, sizeof d->url);
    int state = sqlite3_column_int(st, 3);
    d->state = (state >= 0 && state <= DS_DELIVERY_FAILED) ? (ds_delivery_state)state
                                                           : DS_DELIVERY_FAILED;
    d->attempts = sqlite3_column_int(st, 4);
    d->last_status = sqlite3_column_int(st, 5);
    col_copy(st, 6, d->last_error, sizeof d->last_error);
    d->created_at = sqlite3_column_int64(st, 7);
    d->updated_at = sqlite3_column_int64(st, 8);
    d->next_attempt_at = sqlite3_column_int64(st, 9);
}

static ds_error sq_delivery_claim(ds_store *s, int lease_seconds, ds_delivery *out, bool *got)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    ds_delivery d;
    char *body = NULL;
    int64_t now = ds_store_now(s);
    ds_error err = begin(s);
    if (err != DS_OK)
        return err;
    TRY(qprep(s, &st,
              "UPDATE deliveries SET attempts = attempts + 1, next_attempt_at = ?1 + ?2, "
              "updated_at = ?1 WHERE id = (SELECT id FROM deliveries WHERE state = 0 AND "
              "next_attempt_at <= ?1 ORDER BY next_attempt_at, id LIMIT 1) "
              "RETURNING " DELIVERY_COLS ", body",
              "ii", now, (int64_t)lease_seconds));
    TRY(qstep(s, st, &row));
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
        TRY(qstep(s, st, &more));
    }
out:
    sqlite3_finalize(st);
    err = finish(s, err);
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
    CHECK(qprep(s, &st, "SELECT state, attempts FROM deliveries WHERE id = ?", "i", id));
    ds_error err = qstep(s, st, &row);
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

static ds_error sq_delivery_done(ds_store *s, int64_t id, int http_status)
{
    int attempts = 0;
    ds_error err = begin(s);
    if (err != DS_OK)
        return err;
    TRY(delivery_pending(s, id, &attempts));
    TRY(qrun(s, NULL,
             "UPDATE deliveries SET state = 1, last_status = ?, last_error = '', updated_at = ? "
             "WHERE id = ?",
             "dii", http_status, ds_store_now(s), id));
out:
    return finish(s, err);
}

static ds_error sq_delivery_fail(ds_store *s, int64_t id, int http_status, const char *error,
                                 int max_attempts, int64_t *next_attempt_at, bool *gave_up)
{
    int attempts = 0;
    int64_t now = ds_store_now(s);
    ds_error err = begin(s);
    if (err != DS_OK)
        return err;
    TRY(delivery_pending(s, id, &attempts));
    bool give_up = attempts >= max_attempts;
    int64_t next = give_up ? now : now + ds_delivery_backoff(attempts);
    TRY(qrun(s, NULL,
             "UPDATE deliveries SET state = ?, last_status = ?, last_error = ?, "
             "next_attempt_at = ?, updated_at = ? WHERE id = ?",
             "ddtiii", give_up ? (int)DS_DELIVERY_FAILED : (int)DS_DELIVERY_PENDING, http_status,
             error, next, now, id));
    *next_attempt_at = next;
    *gave_up = give_up;
out:
    return finish(s, err);
}

static ds_error sq_delivery_list(ds_store *s, int64_t job_id, int64_t offset, int cap,
                                 ds_delivery *out, int *count)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    int n = 0;
    CHECK(qprep(s, &st,
                "SELECT " DELIVERY_COLS " FROM deliveries WHERE (?1 <= 0 OR job_id = ?1) "
                "ORDER BY id DESC LIMIT ?2 OFFSET ?3",
                "idi", job_id, cap, offset));
    ds_error err = DS_OK;
    while (n < cap && (err = qstep(s, st, &row)) == DS_OK && row)
        delivery_of(st, &out[n++]);
    sqlite3_finalize(st);
    if (err == DS_OK)
        *count = n;
    return err;
}

/* ----------------------------------------------------------------- tokens */

#define TOKEN_COLS "id, name, role, hash, created_at, revoked_at"

static void token_of(sqlite3_stmt *st, ds_token *t)
{
    memset(t, 0, sizeof *t);
    t->id = sqlite3_column_int64(st, 0);
    col_copy(st, 1, t->name, sizeof t->name);
    int role = sqlite3_column_int(st, 2);
    /* An out-of-range role read back is treated as the least powerful. */
    t->role = (role >= 0 && role < DS_ROLE_COUNT) ? (ds_role)role : DS_ROLE_STATION;
    col_copy(st, 3, t->hash, sizeof t->hash);
    t->created_at = sqlite3_column_int64(st, 4);
    t->revoked_at = sqlite3_column_int64(st, 5);
}

static ds_error sq_token_create(ds_store *s, const char *hash_hex, ds_role role, const char *name,
                                int64_t *id)
{
    ds_error err = begin(s);
    if (err != DS_OK)
        return err;
    TRY(qrun(s, NULL,
             "INSERT INTO tokens(name, role, hash, created_at, revoked_at) VALUES(?, ?, ?, ?, 0)",
             "tdti", name, (int)role, hash_hex, ds_store_now(s)));
    *id = sqlite3_last_insert_rowid(DB(s));
out:
    return finish(s, err);
}

static ds_error sq_token_lookup_hash(ds_store *s, const char *hash_hex, ds_token *out)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    CHECK(qprep(s, &st, "SELECT " TOKEN_COLS " FROM tokens WHERE hash = ? AND revoked_at = 0", "t",
                hash_hex));
    ds_error err = qstep(s, st, &row);
    if (err == DS_OK && !row)
        err = DS_ERR_NO_RECORD;
    if (err == DS_OK)
        token_of(st, out);
    sqlite3_finalize(st);
    return err;
}

static ds_error sq_token_list(ds_store *s, int cap, ds_token *out, int *count)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    int n = 0;
    CHECK(qprep(s, &st, "SELECT " TOKEN_COLS " FROM tokens ORDER BY id LIMIT ?", "d", cap));
    ds_error err = DS_OK;
    while (n < cap && (err = qstep(s, st, &row)) == DS_OK && row)
        token_of(st, &out[n++]);
    sqlite3_finalize(st);
    if (err == DS_OK)
        *count = n;
    return err;
}

static ds_error sq_token_revoke(ds_store *s, const char *name)
{
    int64_t changed = 0;
    ds_error err = begin(s);
    if (err != DS_OK)
        return err;
    TRY(qrun(s, &changed, "UPDATE tokens SET revoked_at = ? WHERE name = ? AND revoked_at = 0", "it",
             ds_store_now(s), name));
    if (changed == 0)
        err = DS_ERR_NO_RECORD;
out:
    return finish(s, err);
}

/* -------------------------------------------------------------- audit log */

/* Appends one entry inside the caller's write transaction. */
static ds_error audit_append_tx(ds_store *s, const char *actor, const char *action,
                                const char *object, int64_t *seq)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    char prev[65], hash[65];
    int64_t last = 0, at = ds_store_now(s);
    ds_error err = DS_OK;
    TRY(qprep(s, &st, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", ""));
    TRY(qstep(s, st, &row));
    if (row) {
        last = sqlite3_column_int64(st, 0);
        col_copy(st, 1, prev, sizeof prev);
    } else {
        memcpy(prev, zero_hash, sizeof prev);
    }
    ds_store_audit_hash(prev, last + 1, at, actor, action, object, hash);
    TRY(qrun(s, NULL,
             "INSERT INTO audit(seq, at, actor, action, object, prev_hash, hash) "
             "VALUES(?, ?, ?, ?, ?, ?, ?)",
             "iittttt", last + 1, at, actor, action, object, prev, hash));
    if (seq)
        *seq = last + 1;
out:
    sqlite3_finalize(st);
    return err;
}

static ds_error sq_audit_append(ds_store *s, const char *actor, const char *action,
                                const char *object, int64_t *seq)
{
    ds_error err = begin(s);
    if (err != DS_OK)
        return err;
    err = audit_append_tx(s, actor, action, object, seq);
    return finish(s, err);
}

#define AUDIT_COLS "seq, at, actor, action, object, prev_hash, hash"

static void audit_of(sqlite3_stmt *st, ds_audit_entry *a)
{
    memset(a, 0, sizeof *a);
    a->seq = sqlite3_column_int64(st, 0);
    a->at = sqlite3_column_int64(st, 1);
    col_copy(st, 2, a->actor, sizeof a->actor);
    col_copy(st, 3, a->action, sizeof a->action);
    col_copy(st, 4, a->object, sizeof a->object);
    col_copy(st, 5, a->prev_hash, sizeof a->prev_hash);
    col_copy(st, 6, a->hash, sizeof a->hash);
}

/* True when the text of column i is exactly what col_copy put in buf, so
 * a field too long for its buffer cannot pass verification by being cut. */
static bool col_fits(sqlite3_stmt *st, int i, size_t cap)
{
    return (size_t)sqlite3_column_bytes(st, i) < cap;
}

static ds_error sq_audit_verify(ds_store *s, int64_t *checked, int64_t *first_bad)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    char prev[65], hash[65];
    int64_t n = 0, bad = 0;
    memcpy(prev, zero_hash, sizeof prev);
    CHECK(qprep(s, &st, "SELECT " AUDIT_COLS " FROM audit ORDER BY seq", ""));
    ds_error err = DS_OK;
    ds_audit_entry a;
    while ((err = qstep(s, st, &row)) == DS_OK && row) {
        n++;
        if (bad)
            continue;
        audit_of(st, &a);
        bool fits = col_fits(st, 2, sizeof a.actor) && col_fits(st, 3, sizeof a.action) &&
                    col_fits(st, 4, sizeof a.object) && col_fits(st, 5, sizeof a.prev_hash) &&
                    col_fits(st, 6, sizeof a.hash) &&
                    sqlite3_column_type(st, 1) == SQLITE_INTEGER;
        ds_store_audit_hash(prev, a.seq, a.at, a.actor, a.action, a.object, hash);
        if (!fits || a.seq != n || strcmp(a.prev_hash, prev) != 0 || strcmp(a.hash, hash) != 0) {
            bad = a.seq > 0 ? a.seq : n;
            continue;
        }
        memcpy(prev, a.hash, sizeof prev);
    }
    sqlite3_finalize(st);
    if (err == DS_OK) {
        *checked = n;
        *first_bad = bad;
    }
    return err;
}

static ds_error sq_audit_list(ds_store *s, int64_t after_seq, int cap, ds_audit_entry *out,
                              int *count)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    int n = 0;
    CHECK(qprep(s, &st, "SELECT " AUDIT_COLS " FROM audit WHERE seq > ? ORDER BY seq LIMIT ?", "id",
                after_seq, cap));
    ds_error err = DS_OK;
    while (n < cap && (err = qstep(s, st, &row)) == DS_OK && row)
        audit_of(st, &out[n++]);
    sqlite3_finalize(st);
    if (err == DS_OK)
        *count = n;
    return err;
}

/* ------------------------------------------------- memory across cases */

static ds_error sq_memory_record(ds_store *s, int64_t document_id, const ds_fingerprint *fp, int n)
{
    ds_error err = begin(s);
    if (err != DS_OK)
        return err;
    err = memory_record_tx(s, document_id, fp, n);
    return finish(s, err);
}

static ds_error sq_memory_find_document(ds_store *s, const ds_identity *id,
                                        int64_t exclude_document_id, int cap,
                                        ds_memory_match *out, int *count)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    int n = 0;
    CHECK(qprep(s, &st,
                "SELECT document_id, case_id, page, document_number, issuing_state, surname, "
                "given_names, birth_date, created_at FROM identities "
                "WHERE document_number = ?1 AND issuing_state = ?2 AND document_id <> ?3 "
                "AND (surname <> ?4 OR given_names <> ?5 OR birth_date <> ?6) ORDER BY id LIMIT ?7",
                "ttitttd", id->document_number, id->issuing_state, exclude_document_id, id->surname,
                id->given_names, id->birth_date, cap));
    ds_error err = DS_OK;
    while (n < cap && (err = qstep(s, st, &row)) == DS_OK && row) {
        ds_memory_match *m = &out[n++];
        memset(m, 0, sizeof *m);
        m->document_id = sqlite3_column_int64(st, 0);
        col_copy(st, 1, m->case_id, sizeof m->case_id);
        m->page = sqlite3_column_int(st, 2);
        col_copy(st, 3, m->identity.document_number, sizeof m->identity.document_number);
        col_copy(st, 4, m->identity.issuing_state, sizeof m->identity.issuing_state);
        col_copy(st, 5, m->identity.surname, sizeof m->identity.surname);
        col_copy(st, 6, m->identity.given_names, sizeof m->identity.given_names);
        col_copy(st, 7, m->identity.birth_date, sizeof m->identity.birth_date);
        m->recorded_at = sqlite3_column_int64(st, 8);
    }
    sqlite3_finalize(st);
    if (err == DS_OK)
        *count = n;
    return err;
}

static int popcount64(uint64_t x)
{
    int n = 0;
    while (x) {
        x &= x - 1;
        n++;
    }
    return n;
}

static ds_error sq_memory_find_image(ds_store *s, uint64_t dhash, int max_distance,
                                     const char *case_id, int cap, ds_memory_match *out, int *count)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    int n = 0;
    CHECK(qprep(s, &st,
                "SELECT h.document_id, h.case_id, h.page, h.dhash, h.created_at,"
                " i.document_number, i.issuing_state, i.surname, i.given_names, i.birth_date"
                " FROM image_hashes h LEFT JOIN identities i"
                " ON i.document_id = h.document_id AND i.page = h.page"
                " WHERE h.case_id <> ? ORDER BY h.id",
                "t", case_id));
    ds_error err = DS_OK;
    while (cap > 0 && (err = qstep(s, st, &row)) == DS_OK && row) {
        uint64_t h = (uint64_t)sqlite3_column_int64(st, 3);
        int d = popcount64(h ^ dhash);
        if (d > max_distance)
            continue;
        /* Keep the cap closest, stable for equal distances (oldest first). */
        int at = n;
        while (at > 0 && out[at - 1].distance > d)
            at--;
        if (at >= cap)
            continue;
        int last = n < cap ? n : cap - 1;
        memmove(&out[at + 1], &out[at], (size_t)(last - at) * sizeof *out);
        if (n < cap)
            n++;
        ds_memory_match *m = &out[at];
        memset(m, 0, sizeof *m);
        m->document_id = sqlite3_column_int64(st, 0);
        col_copy(st, 1, m->case_id, sizeof m->case_id);
        m->page = sqlite3_column_int(st, 2);
        m->dhash = h;
        m->distance = d;
        m->recorded_at = sqlite3_column_int64(st, 4);
        /* The identity read on that page, empty when none was. */
        col_copy(st, 5, m->identity.document_number, sizeof m->identity.document_number);
        col_copy(st, 6, m->identity.issuing_state, sizeof m->identity.issuing_state);
        col_copy(st, 7, m->identity.surname, sizeof m->identity.surname);
        col_copy(st, 8, m->identity.given_names, sizeof m->identity.given_names);
        col_copy(st, 9, m->identity.birth_date, sizeof m->identity.birth_date);
    }
    sqlite3_finalize(st);
    if (err == DS_OK)
        *count = n;
    return err;
}

/* ------------------------------------------------- lost and stolen list */

typedef struct lost_ctx {
    ds_store *s;
    sqlite3_stmt *st;
    const char *default_source;
    int64_t now;
} lost_ctx;

static ds_error lost_put(void *ctx, const ds_lost_entry *e)
{
    lost_ctx *c = ctx;
    sqlite3_stmt *st = c->st;
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, e->document_number, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, e->issuing_state, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, e->reported_on, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, e->source[0] ? e->source : c->default_source, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 5, c->now);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_DONE)
        return rc_error(c->s, rc, "cannot store a lost-list entry");
    return DS_OK;
}

static ds_error sq_lost_import(ds_store *s, const char *csv, size_t len, const char *default_source,
                               ds_lost_import_stats *stats)
{
    lost_ctx c = {.s = s, .default_source = default_source, .now = ds_store_now(s)};
    ds_error err = begin(s);
    if (err != DS_OK)
        return err;
    TRY(qprep(s, &c.st,
              "INSERT INTO lost(document_number, issuing_state, reported_on, source, imported_at) "
              "VALUES(?, ?, ?, ?, ?) ON CONFLICT(document_number, issuing_state) DO UPDATE SET "
              "reported_on = excluded.reported_on, source = excluded.source, "
              "imported_at = excluded.imported_at",
              ""));
    TRY(ds_lostcsv_parse(csv, len, lost_put, &c, stats));
out:
    sqlite3_finalize(c.st);
    return finish(s, err);
}

static ds_error sq_lost_lookup(ds_store *s, const char *docno, const char *state, ds_lost_entry *out,
                               bool *found)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    CHECK(qprep(s, &st,
                "SELECT document_number, issuing_state, reported_on, source, imported_at FROM lost "
                "WHERE document_number = ? AND issuing_state = ?",
                "tt", docno, state));
    ds_error err = qstep(s, st, &row);
    if (err == DS_OK && row) {
        memset(out, 0, sizeof *out);
        col_copy(st, 0, out->document_number, sizeof out->document_number);
        col_copy(st, 1, out->issuing_state, sizeof out->issuing_state);
        col_copy(st, 2, out->reported_on, sizeof out->reported_on);
        col_copy(st, 3, out->source, sizeof out->source);
        out->imported_at = sqlite3_column_int64(st, 4);
    }
    if (err == DS_OK)
        *found = row;
    sqlite3_finalize(st);
    return err;
}

/* -------------------------------------------------------------- retention */

static ds_error sq_purge(ds_store *s, int64_t cutoff, const char *actor, ds_purge_stats *stats)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    char (*shas)[65] = NULL;
    size_t nsha = 0, capsha = 0;
    int64_t now = ds_store_now(s);
    ds_error err = begin(s);
    if (err != DS_OK)
        return err;
    TRY(qprep(s, &st,
              "SELECT DISTINCT sha256 FROM documents WHERE created_at < ? AND purged_at IS NULL",
              "i", cutoff));
    while ((err = qstep(s, st, &row)) == DS_OK && row) {
        if (nsha == capsha) {
            size_t nc = capsha ? capsha * 2 : 64;
            void *p = realloc(shas, nc * sizeof *shas);
            if (!p) {
                err = DS_ERR_NOMEM;
                goto out;
            }
            shas = p;
            capsha = nc;
        }
        col_copy(st, 0, shas[nsha++], 65);
    }
    if (err != DS_OK)
        goto out;
    sqlite3_finalize(st);
    st = NULL;
    TRY(qrun(s, &stats->documents,
             "UPDATE documents SET purged_at = ? WHERE created_at < ? AND purged_at IS NULL", "ii",
             now, cutoff));
    for (size_t i = 0; i < nsha; i++) {
        bool kept = false;
        int64_t one = 0;
        TRY(qint(s, &one, &kept,
                 "SELECT 1 FROM documents WHERE sha256 = ? AND purged_at IS NULL LIMIT 1", "t",
                 shas[i]));
        if (kept)
            continue;
        TRY(ds_store_blob_remove(s, shas[i]));
        stats->blobs++;
    }
    TRY(qrun(s, &stats->reports,
             "UPDATE reports SET json = NULL, purged_at = ? WHERE created_at < ? AND purged_at IS NULL",
             "ii", now, cutoff));
    TRY(qrun(s, NULL, "UPDATE deliveries SET body = x'' WHERE created_at < ? AND state <> 0", "i",
             cutoff));
    char object[DS_STORE_OBJECT_MAX + 1];
    snprintf(object, sizeof object, "documents:%lld reports:%lld before:%lld",
             (long long)stats->documents, (long long)stats->reports, (long long)cutoff);
    TRY(audit_append_tx(s, actor, "purge", object, NULL));
out:
    sqlite3_finalize(st);
    free(shas);
    return finish(s, err);
}

const ds_store_ops ds_store_sqlite_ops = {
    .name = "sqlite",
    .open = sq_open,
    .close = sq_close,
    .schema_version = sq_schema_version,
    .check_integrity = sq_check_integrity,
    .case_put = sq_case_put,
    .case_get = sq_case_get,
    .submit = sq_submit,
    .document_get = sq_document_get,
    .job_claim = sq_job_claim,
    .job_complete = sq_job_complete,
    .job_requeue = sq_job_requeue,
    .job_requeue_running = sq_job_requeue_running,
    .job_get = sq_job_get,
    .job_for_document = sq_job_for_document,
    .queue_depth = sq_queue_depth,
    .job_counts = sq_job_counts,
    .report_get = sq_report_get,
    .report_get_by_document = sq_report_get_by_document,
    .review_list = sq_review_list,
    .decision_add = sq_decision_add,
    .decision_list = sq_decision_list,
    .delivery_claim = sq_delivery_claim,
    .delivery_done = sq_delivery_done,
    .delivery_fail = sq_delivery_fail,
    .delivery_list = sq_delivery_list,
    .token_create = sq_token_create,
    .token_lookup_hash = sq_token_lookup_hash,
    .token_list = sq_token_list,
    .token_revoke = sq_token_revoke,
    .audit_append = sq_audit_append,
    .audit_verify = sq_audit_verify,
    .audit_list = sq_audit_list,
    .memory_record = sq_memory_record,
    .memory_find_document = sq_memory_find_document,
    .memory_find_image = sq_memory_find_image,
    .lost_import = sq_lost_import,
    .lost_lookup = sq_lost_lookup,
    .purge = sq_purge,
};
