/*
 * store_sqlite_audit.c: the SQLite backend's API tokens, the hash-chained
 * audit log and retention (purge) (store_sqlite_audit.h).
 *
 * Every operation is one transaction, committed before it returns DS_OK and
 * rolled back on any error. Tokens are kept as hashes only; the audit log is
 * only appended to, each entry chaining the hash of the one before, and
 * never rewritten, purge included. Like all of the backend, this file must
 * never build SQL from values (everything is bound), keep a statement or
 * transaction open when a function returns, or put document content or a
 * token into an error message.
 */
#include "store/store_sqlite_audit.h"
#include "store/store_sqlite_db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ----------------------------------------------------------------- tokens */

#define TOKEN_COLS "id, name, role, hash, created_at, revoked_at"

static void token_of(sqlite3_stmt *st, ds_token *t)
{
    memset(t, 0, sizeof *t);
    t->id = sqlite3_column_int64(st, 0);
    ds_sq_col_copy(st, 1, t->name, sizeof t->name);
    int role = sqlite3_column_int(st, 2);
    /* An out-of-range role read back is treated as the least powerful. */
    t->role = (role >= 0 && role < DS_ROLE_COUNT) ? (ds_role)role : DS_ROLE_STATION;
    ds_sq_col_copy(st, 3, t->hash, sizeof t->hash);
    t->created_at = sqlite3_column_int64(st, 4);
    t->revoked_at = sqlite3_column_int64(st, 5);
}

ds_error ds_sq_token_create(ds_store *s, const char *hash_hex, ds_role role, const char *name,
                            int64_t *id)
{
    ds_error err = ds_sq_begin(s);
    if (err != DS_OK)
        return err;
    TRY(ds_sq_run(s, NULL,
                  "INSERT INTO tokens(name, role, hash, created_at, revoked_at) VALUES(?, ?, ?, ?, 0)",
                  "tdti", name, (int)role, hash_hex, ds_store_now(s)));
    *id = sqlite3_last_insert_rowid(DB(s));
out:
    return ds_sq_finish(s, err);
}

ds_error ds_sq_token_lookup_hash(ds_store *s, const char *hash_hex, ds_token *out)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    CHECK(ds_sq_prep(s, &st, "SELECT " TOKEN_COLS " FROM tokens WHERE hash = ? AND revoked_at = 0",
          "t",
                     hash_hex));
    ds_error err = ds_sq_step(s, st, &row);
    if (err == DS_OK && !row)
        err = DS_ERR_NO_RECORD;
    if (err == DS_OK)
        token_of(st, out);
    sqlite3_finalize(st);
    return err;
}

ds_error ds_sq_token_list(ds_store *s, int cap, ds_token *out, int *count)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    int n = 0;
    CHECK(ds_sq_prep(s, &st, "SELECT " TOKEN_COLS " FROM tokens ORDER BY id LIMIT ?", "d", cap));
    ds_error err = DS_OK;
    while (n < cap && (err = ds_sq_step(s, st, &row)) == DS_OK && row)
        token_of(st, &out[n++]);
    sqlite3_finalize(st);
    if (err == DS_OK)
        *count = n;
    return err;
}

ds_error ds_sq_token_revoke(ds_store *s, const char *name)
{
    int64_t changed = 0;
    ds_error err = ds_sq_begin(s);
    if (err != DS_OK)
        return err;
    TRY(ds_sq_run(s, &changed,
        "UPDATE tokens SET revoked_at = ? WHERE name = ? AND revoked_at = 0", "it",
                  ds_store_now(s), name));
    if (changed == 0)
        err = DS_ERR_NO_RECORD;
out:
    return ds_sq_finish(s, err);
}

/* -------------------------------------------------------------- audit log */

/* Appends one entry inside the caller's write transaction. */
ds_error ds_sq_audit_append_tx(ds_store *s, const char *actor, const char *action,
                               const char *object, int64_t *seq)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    char prev[65], hash[65];
    int64_t last = 0, at = ds_store_now(s);
    ds_error err = DS_OK;
    TRY(ds_sq_prep(s, &st, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", ""));
    TRY(ds_sq_step(s, st, &row));
    if (row) {
        last = sqlite3_column_int64(st, 0);
        ds_sq_col_copy(st, 1, prev, sizeof prev);
    } else {
        memcpy(prev, ds_store_audit_zero, sizeof prev);
    }
    ds_store_audit_hash(prev, last + 1, at, actor, action, object, hash);
    TRY(ds_sq_run(s, NULL,
                  "INSERT INTO audit(seq, at, actor, action, object, prev_hash, hash) "
                  "VALUES(?, ?, ?, ?, ?, ?, ?)",
                  "iittttt", last + 1, at, actor, action, object, prev, hash));
    if (seq)
        *seq = last + 1;
out:
    sqlite3_finalize(st);
    return err;
}

ds_error ds_sq_audit_append(ds_store *s, const char *actor, const char *action, const char *object,
                            int64_t *seq)
{
    ds_error err = ds_sq_begin(s);
    if (err != DS_OK)
        return err;
    err = ds_sq_audit_append_tx(s, actor, action, object, seq);
    return ds_sq_finish(s, err);
}

#define AUDIT_COLS "seq, at, actor, action, object, prev_hash, hash"

static void audit_of(sqlite3_stmt *st, ds_audit_entry *a)
{
    memset(a, 0, sizeof *a);
    a->seq = sqlite3_column_int64(st, 0);
    a->at = sqlite3_column_int64(st, 1);
    ds_sq_col_copy(st, 2, a->actor, sizeof a->actor);
    ds_sq_col_copy(st, 3, a->action, sizeof a->action);
    ds_sq_col_copy(st, 4, a->object, sizeof a->object);
    ds_sq_col_copy(st, 5, a->prev_hash, sizeof a->prev_hash);
    ds_sq_col_copy(st, 6, a->hash, sizeof a->hash);
}

/* True when the text of column i is exactly what col_copy put in buf, so
 * a field too long for its buffer cannot pass verification by being cut. */
static bool col_fits(sqlite3_stmt *st, int i, size_t cap)
{
    return (size_t)sqlite3_column_bytes(st, i) < cap;
}

ds_error ds_sq_audit_verify(ds_store *s, int64_t *checked, int64_t *first_bad)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    char prev[65];
    int64_t n = 0, bad = 0;
    memcpy(prev, ds_store_audit_zero, sizeof prev);
    CHECK(ds_sq_prep(s, &st, "SELECT " AUDIT_COLS " FROM audit ORDER BY seq", ""));
    ds_error err = DS_OK;
    ds_audit_entry a;
    while ((err = ds_sq_step(s, st, &row)) == DS_OK && row) {
        n++;
        if (bad)
            continue;
        audit_of(st, &a);
        bool fits = col_fits(st, 2, sizeof a.actor) && col_fits(st, 3, sizeof a.action) &&
                    col_fits(st, 4, sizeof a.object) && col_fits(st, 5, sizeof a.prev_hash) &&
                    col_fits(st, 6, sizeof a.hash) &&
                    sqlite3_column_type(st, 1) == SQLITE_INTEGER;
        if (!ds_store_audit_step(prev, n, &a, fits))
            bad = a.seq > 0 ? a.seq : n;
    }
    sqlite3_finalize(st);
    if (err == DS_OK) {
        *checked = n;
        *first_bad = bad;
    }
    return err;
}

ds_error ds_sq_audit_list(ds_store *s, int64_t after_seq, int cap, ds_audit_entry *out, int *count)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    int n = 0;
    CHECK(ds_sq_prep(s, &st, "SELECT " AUDIT_COLS " FROM audit WHERE seq > ? ORDER BY seq LIMIT ?",
          "id",
                     after_seq, cap));
    ds_error err = DS_OK;
    while (n < cap && (err = ds_sq_step(s, st, &row)) == DS_OK && row)
        audit_of(st, &out[n++]);
    sqlite3_finalize(st);
    if (err == DS_OK)
        *count = n;
    return err;
}

/* -------------------------------------------------------------- retention */

/* The distinct SHA-256 of the documents that st (prepared, one text
 * column) selects, into *shas (caller frees) and *n. st is finalized. */
static ds_error collect_shas(ds_store *s, sqlite3_stmt *st, char (**shas)[65], size_t *n)
{
    bool row = false;
    size_t cap = 0;
    ds_error err;
    *shas = NULL;
    *n = 0;
    while ((err = ds_sq_step(s, st, &row)) == DS_OK && row) {
        if (*n == cap) {
            size_t nc = cap ? cap * 2 : 64;
            void *p = realloc(*shas, nc * sizeof **shas);
            if (!p) {
                err = DS_ERR_NOMEM;
                break;
            }
            *shas = p;
            cap = nc;
        }
        ds_sq_col_copy(st, 0, (*shas)[(*n)++], 65);
    }
    sqlite3_finalize(st);
    return err;
}

/* Removes the blob of each of shas[0..n) that no kept document still
 * names; *removed (may be NULL) counts them. Inside a transaction. */
static ds_error remove_unused_blobs(ds_store *s, char (*shas)[65], size_t n, int64_t *removed)
{
    for (size_t i = 0; i < n; i++) {
        bool kept = false;
        int64_t one = 0;
        CHECK(ds_sq_int(s, &one, &kept,
                        "SELECT 1 FROM documents WHERE sha256 = ? AND purged_at IS NULL LIMIT 1",
                        "t", shas[i]));
        if (kept)
            continue;
        CHECK(ds_store_blob_remove(s, shas[i]));
        if (removed)
            (*removed)++;
    }
    return DS_OK;
}

ds_error ds_sq_purge(ds_store *s, int64_t cutoff, const char *actor, ds_purge_stats *stats)
{
    sqlite3_stmt *st = NULL;
    char (*shas)[65] = NULL;
    size_t nsha = 0;
    int64_t now = ds_store_now(s);
    ds_error err = ds_sq_begin(s);
    if (err != DS_OK)
        return err;
    TRY(ds_sq_prep(s, &st,
                   "SELECT DISTINCT sha256 FROM documents WHERE created_at < ? AND purged_at IS NULL",
                   "i", cutoff));
    err = collect_shas(s, st, &shas, &nsha);
    st = NULL;
    if (err != DS_OK)
        goto out;
    TRY(ds_sq_run(s, &stats->documents,
                  "UPDATE documents SET purged_at = ? WHERE created_at < ? AND purged_at IS NULL", "ii",
                  now, cutoff));
    TRY(remove_unused_blobs(s, shas, nsha, &stats->blobs));
    TRY(ds_sq_run(s, &stats->cases,
                  "DELETE FROM cases WHERE updated_at < ?1 AND NOT EXISTS (SELECT 1 FROM documents d"
                  " WHERE d.case_id = cases.case_id AND d.created_at >= ?1)",
                  "i", cutoff));
    TRY(ds_sq_run(s, &stats->notes,
                  "UPDATE decisions SET note = '' WHERE decided_at < ? AND note <> ''", "i", cutoff));
    TRY(ds_sq_run(s, &stats->reports,
                  "UPDATE reports SET json = NULL, purged_at = ? WHERE created_at < ? AND purged_at IS NULL",
                  "ii", now, cutoff));
    TRY(ds_sq_run(s, NULL, "UPDATE deliveries SET body = x'' WHERE created_at < ? AND state <> 0",
        "i",
                  cutoff));
    char object[DS_STORE_OBJECT_MAX + 1];
    snprintf(object, sizeof object, "documents:%lld reports:%lld cases:%lld before:%lld",
             (long long)stats->documents, (long long)stats->reports, (long long)stats->cases,
             (long long)cutoff);
    TRY(ds_sq_audit_append_tx(s, actor, "purge", object, NULL));
out:
    sqlite3_finalize(st);
    free(shas);
    return ds_sq_finish(s, err);
}

/* ---------------------------------------------------------- case deletion */

ds_error ds_sq_case_delete(ds_store *s, const char *case_id, const char *actor,
                           int64_t *documents)
{
    sqlite3_stmt *st = NULL;
    char (*shas)[65] = NULL;
    size_t nsha = 0;
    int64_t n = 0, busy = 0, now = ds_store_now(s), docs = 0;
    bool found = false, has_record = false;
    /* Every row of the case, children first (the foreign keys are on). */
    static const char *const wipe[] = {
        "DELETE FROM idempotency WHERE document_id IN"
        " (SELECT id FROM documents WHERE case_id = ?1)",
        "DELETE FROM deliveries WHERE job_id IN (SELECT id FROM jobs WHERE case_id = ?1"
        " OR document_id IN (SELECT id FROM documents WHERE case_id = ?1))",
        "DELETE FROM reports WHERE document_id IN (SELECT id FROM documents WHERE case_id = ?1)",
        "DELETE FROM decisions WHERE document_id IN (SELECT id FROM documents WHERE case_id = ?1)",
        "DELETE FROM jobs WHERE case_id = ?1"
        " OR document_id IN (SELECT id FROM documents WHERE case_id = ?1)",
        "DELETE FROM identities WHERE case_id = ?1",
        "DELETE FROM image_hashes WHERE case_id = ?1",
        "DELETE FROM documents WHERE case_id = ?1",
        "DELETE FROM cases WHERE case_id = ?1",
    };
    ds_error err = ds_sq_begin(s);
    if (err != DS_OK)
        return err;
    TRY(ds_sq_int(s, &n, &has_record, "SELECT 1 FROM cases WHERE case_id = ?", "t", case_id));
    TRY(ds_sq_int(s, &docs, &found, "SELECT count(*) FROM documents WHERE case_id = ?", "t",
                  case_id));
    if (!has_record && docs == 0) {
        err = DS_ERR_NO_RECORD;
        goto out;
    }
    TRY(ds_sq_int(s, &busy, &found,
                  "SELECT count(*) FROM jobs WHERE state IN (0, 1) AND (case_id = ?1 OR document_id"
                  " IN (SELECT id FROM documents WHERE case_id = ?1))",
                  "t", case_id));
    if (busy > 0) {
        err = DS_ERR_CONFLICT;
        goto out;
    }
    TRY(ds_sq_prep(s, &st,
                   "SELECT DISTINCT sha256 FROM documents WHERE case_id = ? AND purged_at IS NULL",
                   "t", case_id));
    err = collect_shas(s, st, &shas, &nsha);
    st = NULL;
    if (err != DS_OK)
        goto out;
    TRY(ds_sq_run(s, NULL,
                  "INSERT OR IGNORE INTO forgotten_jobs(job_id, at) SELECT id, ?2 FROM jobs"
                  " WHERE case_id = ?1 OR document_id IN"
                  " (SELECT id FROM documents WHERE case_id = ?1)",
                  "ti", case_id, now));
    for (size_t i = 0; i < sizeof wipe / sizeof wipe[0]; i++)
        TRY(ds_sq_run(s, NULL, wipe[i], "t", case_id));
    TRY(remove_unused_blobs(s, shas, nsha, NULL));
    char object[DS_STORE_OBJECT_MAX + 1];
    snprintf(object, sizeof object, "case:%.100s documents:%lld", case_id, (long long)docs);
    TRY(ds_sq_audit_append_tx(s, actor, "case.delete", object, NULL));
    *documents = docs;
out:
    sqlite3_finalize(st);
    free(shas);
    return ds_sq_finish(s, err);
}

ds_error ds_sq_job_forgotten(ds_store *s, int64_t job_id, bool *forgotten)
{
    int64_t one = 0;
    bool found = false;
    /* SQLite hands the largest deleted id out again; a job that has it now
     * is not the forgotten one. */
    CHECK(ds_sq_int(s, &one, &found,
                    "SELECT 1 FROM forgotten_jobs f WHERE f.job_id = ?1"
                    " AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.id = ?1)",
                    "i", job_id));
    *forgotten = found;
    return DS_OK;
}
