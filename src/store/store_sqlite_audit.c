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

static const char zero_hash[65] =
    "0000000000000000000000000000000000000000000000000000000000000000";

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
        memcpy(prev, zero_hash, sizeof prev);
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
    char prev[65], hash[65];
    int64_t n = 0, bad = 0;
    memcpy(prev, zero_hash, sizeof prev);
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

ds_error ds_sq_purge(ds_store *s, int64_t cutoff, const char *actor, ds_purge_stats *stats)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    char (*shas)[65] = NULL;
    size_t nsha = 0, capsha = 0;
    int64_t now = ds_store_now(s);
    ds_error err = ds_sq_begin(s);
    if (err != DS_OK)
        return err;
    TRY(ds_sq_prep(s, &st,
                   "SELECT DISTINCT sha256 FROM documents WHERE created_at < ? AND purged_at IS NULL",
                   "i", cutoff));
    while ((err = ds_sq_step(s, st, &row)) == DS_OK && row) {
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
        ds_sq_col_copy(st, 0, shas[nsha++], 65);
    }
    if (err != DS_OK)
        goto out;
    sqlite3_finalize(st);
    st = NULL;
    TRY(ds_sq_run(s, &stats->documents,
                  "UPDATE documents SET purged_at = ? WHERE created_at < ? AND purged_at IS NULL", "ii",
                  now, cutoff));
    for (size_t i = 0; i < nsha; i++) {
        bool kept = false;
        int64_t one = 0;
        TRY(ds_sq_int(s, &one, &kept,
                      "SELECT 1 FROM documents WHERE sha256 = ? AND purged_at IS NULL LIMIT 1", "t",
                      shas[i]));
        if (kept)
            continue;
        TRY(ds_store_blob_remove(s, shas[i]));
        stats->blobs++;
    }
    TRY(ds_sq_run(s, &stats->reports,
                  "UPDATE reports SET json = NULL, purged_at = ? WHERE created_at < ? AND purged_at IS NULL",
                  "ii", now, cutoff));
    TRY(ds_sq_run(s, NULL, "UPDATE deliveries SET body = x'' WHERE created_at < ? AND state <> 0",
        "i",
                  cutoff));
    char object[DS_STORE_OBJECT_MAX + 1];
    snprintf(object, sizeof object, "documents:%lld reports:%lld before:%lld",
             (long long)stats->documents, (long long)stats->reports, (long long)cutoff);
    TRY(ds_sq_audit_append_tx(s, actor, "purge", object, NULL));
out:
    sqlite3_finalize(st);
    free(shas);
    return ds_sq_finish(s, err);
}
