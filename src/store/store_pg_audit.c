/*
 * store_pg_audit.c: the PostgreSQL backend's API tokens, the hash-chained
 * audit log, retention (purge) and case deletion (store_pg_audit.h).
 *
 * Every operation is one transaction, committed before it returns DS_OK and
 * rolled back on any error. Tokens are kept as hashes only. The audit log is
 * one chain for all nodes: an append takes a transaction-level advisory
 * lock before it reads the last entry, so appends of different nodes are
 * serialised and the chain never forks (the lock is held to the commit, so
 * a rolled-back append leaves no gap). Retention removes document files
 * (rows of blobs) no kept document needs, in its own transaction. Like all
 * of the backend, this file must never write a value into SQL, keep a
 * transaction open when a function returns, or put document content or a
 * token into an error message.
 */
#include "store/store_pg_audit.h"
#include "store/store_pg_db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ----------------------------------------------------------------- tokens */

#define TOKEN_COLS "id, name, role, hash, created_at, revoked_at"

static void token_of(const PGresult *r, int row, ds_token *t)
{
    memset(t, 0, sizeof *t);
    t->id = ds_pg_i64(r, row, 0);
    ds_pg_copy(r, row, 1, t->name, sizeof t->name);
    int64_t role = ds_pg_i64(r, row, 2);
    /* An out-of-range role read back is treated as the least powerful. */
    t->role = (role >= 0 && role < DS_ROLE_COUNT) ? (ds_role)role : DS_ROLE_STATION;
    ds_pg_copy(r, row, 3, t->hash, sizeof t->hash);
    t->created_at = ds_pg_i64(r, row, 4);
    t->revoked_at = ds_pg_i64(r, row, 5);
}

ds_error ds_pga_token_create(ds_store *s, const char *hash_hex, ds_role role, const char *name,
                             int64_t *id)
{
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    err = ds_pg_int(s, id, NULL,
                    "INSERT INTO tokens(name, role, hash, created_at, revoked_at)"
                    " VALUES($1, $2, $3, $4, 0) RETURNING id",
                    "tdti", name, (int)role, hash_hex, ds_store_now(s));
    return ds_pg_finish(s, err);
}

ds_error ds_pga_token_lookup_hash(ds_store *s, const char *hash_hex, ds_token *out)
{
    PGresult *r = NULL;
    ds_token t;
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    TRY(ds_pg_query(s, &r, false,
                    "SELECT " TOKEN_COLS " FROM tokens WHERE hash = $1 AND revoked_at = 0", "t",
                    hash_hex));
    if (PQntuples(r) == 0)
        err = DS_ERR_NO_RECORD;
    else
        token_of(r, 0, &t);
out:
    PQclear(r);
    err = ds_pg_finish(s, err);
    if (err == DS_OK)
        *out = t;
    return err;
}

ds_error ds_pga_token_list(ds_store *s, int cap, ds_token *out, int *count)
{
    PGresult *r = NULL;
    int n = 0;
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    TRY(ds_pg_query(s, &r, false, "SELECT " TOKEN_COLS " FROM tokens ORDER BY id LIMIT $1", "d",
                    cap));
    for (; n < cap && n < PQntuples(r); n++)
        token_of(r, n, &out[n]);
out:
    PQclear(r);
    err = ds_pg_finish(s, err);
    if (err == DS_OK)
        *count = n;
    return err;
}

ds_error ds_pga_token_revoke(ds_store *s, const char *name)
{
    int64_t changed = 0;
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    TRY(ds_pg_run(s, &changed, "UPDATE tokens SET revoked_at = $1 WHERE name = $2 AND revoked_at = 0",
                  "it", ds_store_now(s), name));
    if (changed == 0)
        err = DS_ERR_NO_RECORD;
out:
    return ds_pg_finish(s, err);
}

/* -------------------------------------------------------------- audit log */

ds_error ds_pga_audit_append_tx(ds_store *s, const char *actor, const char *action,
                                const char *object, int64_t *seq)
{
    PGresult *r = NULL;
    char prev[65], hash[65];
    int64_t last = 0, at = ds_store_now(s);
    ds_error err = DS_OK;
    TRY(ds_pg_run(s, NULL, "SELECT pg_advisory_xact_lock($1)", "i", (int64_t)DS_PG_LOCK_AUDIT));
    TRY(ds_pg_query(s, &r, false, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", ""));
    if (PQntuples(r) > 0) {
        last = ds_pg_i64(r, 0, 0);
        ds_pg_copy(r, 0, 1, prev, sizeof prev);
    } else {
        memcpy(prev, ds_store_audit_zero, sizeof prev);
    }
    ds_store_audit_hash(prev, last + 1, at, actor, action, object, hash);
    TRY(ds_pg_run(s, NULL,
                  "INSERT INTO audit(seq, at, actor, action, object, prev_hash, hash) "
                  "VALUES($1, $2, $3, $4, $5, $6, $7)",
                  "iittttt", last + 1, at, actor, action, object, prev, hash));
    if (seq)
        *seq = last + 1;
out:
    PQclear(r);
    return err;
}

ds_error ds_pga_audit_append(ds_store *s, const char *actor, const char *action, const char *object,
                             int64_t *seq)
{
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    err = ds_pga_audit_append_tx(s, actor, action, object, seq);
    return ds_pg_finish(s, err);
}

#define AUDIT_COLS "seq, at, actor, action, object, prev_hash, hash"

static void audit_of(const PGresult *r, int row, ds_audit_entry *a)
{
    memset(a, 0, sizeof *a);
    a->seq = ds_pg_i64(r, row, 0);
    a->at = ds_pg_i64(r, row, 1);
    ds_pg_copy(r, row, 2, a->actor, sizeof a->actor);
    ds_pg_copy(r, row, 3, a->action, sizeof a->action);
    ds_pg_copy(r, row, 4, a->object, sizeof a->object);
    ds_pg_copy(r, row, 5, a->prev_hash, sizeof a->prev_hash);
    ds_pg_copy(r, row, 6, a->hash, sizeof a->hash);
}

/* True when column c fits its buffer whole, so a field too long for it
 * cannot pass verification by being cut. */
static bool col_fits(const PGresult *r, int row, int c, size_t cap)
{
    return (size_t)PQgetlength(r, row, c) < cap;
}

/* The chain is read a page at a time (by seq), so a long log does not need
 * its whole length in memory. */
#define VERIFY_PAGE 2000

ds_error ds_pga_audit_verify(ds_store *s, int64_t *checked, int64_t *first_bad)
{
    PGresult *r = NULL;
    char prev[65];
    int64_t n = 0, bad = 0, after = 0;
    memcpy(prev, ds_store_audit_zero, sizeof prev);
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    /* One snapshot for the whole walk: entries appended meanwhile by other
     * nodes are not half-seen. */
    TRY(ds_pg_run(s, NULL, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ", ""));
    for (;;) {
        TRY(ds_pg_query(s, &r, false,
                        "SELECT " AUDIT_COLS " FROM audit WHERE seq > $1 ORDER BY seq LIMIT $2",
                        "id", after, VERIFY_PAGE));
        int rows = PQntuples(r);
        for (int i = 0; i < rows; i++) {
            n++;
            ds_audit_entry a;
            audit_of(r, i, &a);
            after = a.seq;
            if (bad)
                continue;
            bool fits = col_fits(r, i, 2, sizeof a.actor) && col_fits(r, i, 3, sizeof a.action) &&
                        col_fits(r, i, 4, sizeof a.object) &&
                        col_fits(r, i, 5, sizeof a.prev_hash) && col_fits(r, i, 6, sizeof a.hash);
            if (!ds_store_audit_step(prev, n, &a, fits))
                bad = a.seq > 0 ? a.seq : n;
        }
        PQclear(r);
        r = NULL;
        if (rows < VERIFY_PAGE)
            break;
    }
out:
    PQclear(r);
    err = ds_pg_finish(s, err);
    if (err == DS_OK) {
        *checked = n;
        *first_bad = bad;
    }
    return err;
}

ds_error ds_pga_audit_list(ds_store *s, int64_t after_seq, int cap, ds_audit_entry *out,
                           int *count)
{
    PGresult *r = NULL;
    int n = 0;
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    TRY(ds_pg_query(s, &r, false,
                    "SELECT " AUDIT_COLS " FROM audit WHERE seq > $1 ORDER BY seq LIMIT $2", "id",
                    after_seq, cap));
    for (; n < cap && n < PQntuples(r); n++)
        audit_of(r, n, &out[n]);
out:
    PQclear(r);
    err = ds_pg_finish(s, err);
    if (err == DS_OK)
        *count = n;
    return err;
}

/* -------------------------------------------------------------- retention */

/* Deletes the files among the SHA-256 sums in r (column 0) that no kept
 * document names any more; *removed (may be NULL) counts them. */
static ds_error remove_unused_blobs(ds_store *s, const PGresult *r, int64_t *removed)
{
    if (PQntuples(r) > 0)
        CHECK(ds_pg_run(s, NULL, "SELECT pg_advisory_xact_lock($1)", "i",
                        (int64_t)DS_PG_LOCK_BLOBS));
    for (int i = 0; i < PQntuples(r); i++) {
        int64_t n = 0;
        CHECK(ds_pg_run(s, &n,
                        "DELETE FROM blobs b WHERE b.sha256 = $1 AND NOT EXISTS (SELECT 1 FROM"
                        " documents d WHERE d.sha256 = $1 AND d.purged_at IS NULL)",
                        "t", PQgetvalue(r, i, 0)));
        if (removed)
            *removed += n;
    }
    return DS_OK;
}

ds_error ds_pga_purge(ds_store *s, int64_t cutoff, const char *actor, ds_purge_stats *stats)
{
    PGresult *r = NULL;
    int64_t now = ds_store_now(s);
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    TRY(ds_pg_query(s, &r, false,
                    "UPDATE documents SET purged_at = $1 WHERE created_at < $2 AND purged_at IS NULL"
                    " RETURNING sha256",
                    "ii", now, cutoff));
    stats->documents = PQntuples(r);
    TRY(remove_unused_blobs(s, r, &stats->blobs));
    TRY(ds_pg_run(s, &stats->cases,
                  "DELETE FROM cases WHERE updated_at < $1 AND NOT EXISTS (SELECT 1 FROM documents d"
                  " WHERE d.case_id = cases.case_id AND d.created_at >= $1)",
                  "i", cutoff));
    TRY(ds_pg_run(s, &stats->notes,
                  "UPDATE decisions SET note = '' WHERE decided_at < $1 AND note <> ''", "i",
                  cutoff));
    TRY(ds_pg_run(s, &stats->reports,
                  "UPDATE reports SET json = NULL, purged_at = $1 WHERE created_at < $2"
                  " AND purged_at IS NULL",
                  "ii", now, cutoff));
    TRY(ds_pg_run(s, NULL,
                  "UPDATE deliveries SET body = ''::bytea WHERE created_at < $1 AND state <> 0", "i",
                  cutoff));
    char object[DS_STORE_OBJECT_MAX + 1];
    snprintf(object, sizeof object, "documents:%lld reports:%lld cases:%lld before:%lld",
             (long long)stats->documents, (long long)stats->reports, (long long)stats->cases,
             (long long)cutoff);
    TRY(ds_pga_audit_append_tx(s, actor, "purge", object, NULL));
out:
    PQclear(r);
    return ds_pg_finish(s, err);
}

/* ---------------------------------------------------------- case deletion */

ds_error ds_pga_case_delete(ds_store *s, const char *case_id, const char *actor,
                            int64_t *documents)
{
    PGresult *r = NULL;
    int64_t n = 0, busy = 0, now = ds_store_now(s), docs = 0;
    bool found = false, has_record = false;
    /* Every row of the case, children first. */
    static const char *const wipe[] = {
        "DELETE FROM idempotency WHERE document_id IN"
        " (SELECT id FROM documents WHERE case_id = $1)",
        "DELETE FROM deliveries WHERE job_id IN (SELECT id FROM jobs WHERE case_id = $1"
        " OR document_id IN (SELECT id FROM documents WHERE case_id = $1))",
        "DELETE FROM reports WHERE document_id IN (SELECT id FROM documents WHERE case_id = $1)",
        "DELETE FROM decisions WHERE document_id IN (SELECT id FROM documents WHERE case_id = $1)",
        "DELETE FROM jobs WHERE case_id = $1"
        " OR document_id IN (SELECT id FROM documents WHERE case_id = $1)",
        "DELETE FROM identities WHERE case_id = $1",
        "DELETE FROM image_hashes WHERE case_id = $1",
        "DELETE FROM cases WHERE case_id = $1",
    };
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    TRY(ds_pg_run(s, NULL, "SELECT pg_advisory_xact_lock(hashtextextended('case' || chr(10) || $1, 17))",
                  "t", case_id));
    TRY(ds_pg_int(s, &n, &has_record, "SELECT 1 FROM cases WHERE case_id = $1", "t", case_id));
    TRY(ds_pg_int(s, &docs, &found, "SELECT count(*) FROM documents WHERE case_id = $1", "t",
                  case_id));
    if (!has_record && docs == 0) {
        err = DS_ERR_NO_RECORD;
        goto out;
    }
    /* The case's jobs are locked: one being claimed on another node
     * finishes its claim first and is then seen busy here. */
    TRY(ds_pg_run(s, NULL,
                  "SELECT id FROM jobs WHERE case_id = $1 OR document_id IN"
                  " (SELECT id FROM documents WHERE case_id = $1) FOR UPDATE",
                  "t", case_id));
    TRY(ds_pg_int(s, &busy, &found,
                  "SELECT count(*) FROM jobs WHERE state IN (0, 1) AND (case_id = $1 OR document_id"
                  " IN (SELECT id FROM documents WHERE case_id = $1))",
                  "t", case_id));
    if (busy > 0) {
        err = DS_ERR_CONFLICT;
        goto out;
    }
    TRY(ds_pg_run(s, NULL,
                  "INSERT INTO forgotten_jobs(job_id, at) SELECT id, $2 FROM jobs"
                  " WHERE case_id = $1 OR document_id IN"
                  " (SELECT id FROM documents WHERE case_id = $1) ON CONFLICT DO NOTHING",
                  "ti", case_id, now));
    for (size_t i = 0; i < sizeof wipe / sizeof wipe[0]; i++)
        TRY(ds_pg_run(s, NULL, wipe[i], "t", case_id));
    TRY(ds_pg_query(s, &r, false,
                    "DELETE FROM documents WHERE case_id = $1 RETURNING sha256", "t", case_id));
    TRY(remove_unused_blobs(s, r, NULL));
    char object[DS_STORE_OBJECT_MAX + 1];
    snprintf(object, sizeof object, "case:%.100s documents:%lld", case_id, (long long)docs);
    TRY(ds_pga_audit_append_tx(s, actor, "case.delete", object, NULL));
    *documents = docs;
out:
    PQclear(r);
    return ds_pg_finish(s, err);
}

ds_error ds_pga_job_forgotten(ds_store *s, int64_t job_id, bool *forgotten)
{
    int64_t one = 0;
    bool found = false;
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    err = ds_pg_int(s, &one, &found,
                    "SELECT 1 FROM forgotten_jobs f WHERE f.job_id = $1"
                    " AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.id = $1)",
                    "i", job_id);
    err = ds_pg_finish(s, err);
    if (err == DS_OK)
        *forgotten = found;
    return err;
}
