/*
 * store_pg_memory.c: the PostgreSQL backend's memory across cases and the
 * lost and stolen list (store_pg_memory.h).
 *
 * Every operation is one transaction, committed before it returns DS_OK and
 * rolled back on any error. Fingerprints are written in the completing
 * job's transaction on whatever node ran it, so every node's duplicate
 * checks see every node's documents once they committed. Only an image's
 * hash is kept, never the image. Like all of the backend, this file must
 * never write a value into SQL, keep a transaction open when a function
 * returns, or put document content or a token into an error message.
 */
#include "store/store_pg_memory.h"
#include "store/lostcsv.h"
#include "store/store_pg_db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

ds_error ds_pgm_memory_record_tx(ds_store *s, int64_t document_id, const ds_fingerprint *fp, int n)
{
    char case_id[DS_STORE_CASE_ID_MAX + 1];
    PGresult *r = NULL;
    int64_t now = ds_store_now(s);
    ds_error err = DS_OK;
    if (n == 0)
        return DS_OK;
    TRY(ds_pg_query(s, &r, false, "SELECT case_id FROM documents WHERE id = $1", "i", document_id));
    if (PQntuples(r) == 0) {
        err = DS_ERR_NO_RECORD;
        goto out;
    }
    ds_pg_copy(r, 0, 0, case_id, sizeof case_id);
    for (int i = 0; i < n; i++) {
        const ds_identity *id = &fp[i].identity;
        if (fp[i].has_identity)
            TRY(ds_pg_run(s, NULL,
                          "INSERT INTO identities(document_id, case_id, page, document_number, "
                          "issuing_state, surname, given_names, birth_date, created_at) "
                          "VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                          "itdttttti", document_id, case_id, fp[i].page, id->document_number,
                          id->issuing_state, id->surname, id->given_names, id->birth_date, now));
        if (fp[i].has_dhash)
            TRY(ds_pg_run(s, NULL,
                          "INSERT INTO image_hashes(document_id, case_id, page, dhash, created_at) "
                          "VALUES($1, $2, $3, $4, $5)",
                          "itdii", document_id, case_id, fp[i].page, (int64_t)fp[i].dhash, now));
    }
out:
    PQclear(r);
    return err;
}

/* ------------------------------------------------- memory across cases */

ds_error ds_pgm_memory_record(ds_store *s, int64_t document_id, const ds_fingerprint *fp, int n)
{
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    err = ds_pgm_memory_record_tx(s, document_id, fp, n);
    return ds_pg_finish(s, err);
}

/* The identity of columns c..c+4 of row into id. */
static void identity_of(const PGresult *r, int row, int c, ds_identity *id)
{
    ds_pg_copy(r, row, c, id->document_number, sizeof id->document_number);
    ds_pg_copy(r, row, c + 1, id->issuing_state, sizeof id->issuing_state);
    ds_pg_copy(r, row, c + 2, id->surname, sizeof id->surname);
    ds_pg_copy(r, row, c + 3, id->given_names, sizeof id->given_names);
    ds_pg_copy(r, row, c + 4, id->birth_date, sizeof id->birth_date);
}

ds_error ds_pgm_memory_find_document(ds_store *s, const ds_identity *id,
                                     int64_t exclude_document_id, int cap, ds_memory_match *out,
                                     int *count)
{
    PGresult *r = NULL;
    int n = 0;
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    TRY(ds_pg_query(s, &r, false,
                    "SELECT document_id, case_id, page, document_number, issuing_state, surname, "
                    "given_names, birth_date, created_at FROM identities "
                    "WHERE document_number = $1 AND issuing_state = $2 AND document_id <> $3 "
                    "AND (surname <> $4 OR given_names <> $5 OR birth_date <> $6) ORDER BY id LIMIT $7",
                    "ttitttd", id->document_number, id->issuing_state, exclude_document_id,
                    id->surname, id->given_names, id->birth_date, cap));
    for (; n < cap && n < PQntuples(r); n++) {
        ds_memory_match *m = &out[n];
        memset(m, 0, sizeof *m);
        m->document_id = ds_pg_i64(r, n, 0);
        ds_pg_copy(r, n, 1, m->case_id, sizeof m->case_id);
        m->page = (int)ds_pg_i64(r, n, 2);
        identity_of(r, n, 3, &m->identity);
        m->recorded_at = ds_pg_i64(r, n, 8);
    }
out:
    PQclear(r);
    err = ds_pg_finish(s, err);
    if (err == DS_OK)
        *count = n;
    return err;
}

/* Rows of the image scan fetched per round trip (a cursor), so a memory of
 * a million pages is never one result in memory. */
#define SCAN_PAGE 5000

ds_error ds_pgm_memory_find_image(ds_store *s, uint64_t dhash, int max_distance,
                                  const char *case_id, int cap, ds_memory_match *out, int *count)
{
    PGresult *r = NULL;
    int n = 0;
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    if (cap == 0)
        goto out;
    TRY(ds_pg_run(s, NULL,
                  "DECLARE ds_scan NO SCROLL CURSOR FOR"
                  " SELECT h.document_id, h.case_id, h.page, h.dhash, h.created_at,"
                  " i.document_number, i.issuing_state, i.surname, i.given_names, i.birth_date"
                  " FROM image_hashes h LEFT JOIN identities i"
                  " ON i.document_id = h.document_id AND i.page = h.page"
                  " WHERE h.case_id <> $1 ORDER BY h.id",
                  "t", case_id));
    for (;;) {
        TRY(ds_pg_query(s, &r, false, "FETCH 5000 FROM ds_scan", ""));
        int rows = PQntuples(r);
        for (int k = 0; k < rows; k++) {
            ds_memory_match *m = ds_store_image_slot(out, cap, &n, dhash,
                                                     (uint64_t)ds_pg_i64(r, k, 3), max_distance);
            if (!m)
                continue;
            m->document_id = ds_pg_i64(r, k, 0);
            ds_pg_copy(r, k, 1, m->case_id, sizeof m->case_id);
            m->page = (int)ds_pg_i64(r, k, 2);
            m->recorded_at = ds_pg_i64(r, k, 4);
            /* The identity read on that page, empty when none was. */
            identity_of(r, k, 5, &m->identity);
        }
        PQclear(r);
        r = NULL;
        if (rows < SCAN_PAGE)
            break;
    }
out:
    PQclear(r);
    err = ds_pg_finish(s, err);
    if (err == DS_OK)
        *count = n;
    return err;
}

/* ------------------------------------------------- lost and stolen list */

/* The import streams the entries into a temporary table with one COPY
 * (no round trip per line), then moves them into lost with one INSERT:
 * of entries repeated in the file the last one wins, as if each line had
 * been written in turn. All in the import's one transaction. */
#define LOST_BUF (64 * 1024)

typedef struct lost_ctx {
    ds_store *s;
    const char *default_source;
    int64_t n;       /* entries sent so far, their order */
    size_t used;
    char buf[LOST_BUF];
} lost_ctx;

static ds_error lost_flush(lost_ctx *c)
{
    if (c->used && PQputCopyData(PGH(c->s)->conn, c->buf, (int)c->used) != 1)
        return ds_store_fail(c->s, "the database is unavailable", "COPY failed");
    c->used = 0;
    return DS_OK;
}

/* Appends text to the row, escaped for COPY's text format. */
static void lost_field(lost_ctx *c, const char *text, char end)
{
    for (const char *p = text; *p; p++) {
        char e = *p == '\\' ? '\\' : *p == '\t' ? 't' : *p == '\n' ? 'n' : *p == '\r' ? 'r' : 0;
        if (e) {
            c->buf[c->used++] = '\\';
            c->buf[c->used++] = e;
        } else {
            c->buf[c->used++] = *p;
        }
    }
    c->buf[c->used++] = end;
}

static ds_error lost_put(void *ctx, const ds_lost_entry *e)
{
    lost_ctx *c = ctx;
    /* A row is at most about twice its fields' bytes: well under 1 KiB. */
    if (c->used > LOST_BUF - 1024)
        CHECK(lost_flush(c));
    char n[24];
    snprintf(n, sizeof n, "%lld", (long long)c->n++);
    lost_field(c, n, '\t');
    lost_field(c, e->document_number, '\t');
    lost_field(c, e->issuing_state, '\t');
    lost_field(c, e->reported_on, '\t');
    lost_field(c, e->source[0] ? e->source : c->default_source, '\n');
    return DS_OK;
}

/* Ends the COPY (aborted unless ok) and reads its result. */
static ds_error lost_copy_end(ds_store *s, bool ok)
{
    PGconn *conn = PGH(s)->conn;
    ds_error err = DS_OK;
    if (PQputCopyEnd(conn, ok ? NULL : "the import stopped") != 1)
        err = ds_store_fail(s, "the database is unavailable", "COPY failed");
    PGresult *r;
    while ((r = PQgetResult(conn)) != NULL) {
        if (ok && err == DS_OK && PQresultStatus(r) != PGRES_COMMAND_OK)
            err = ds_store_fail(s, "cannot store the lost list", PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY));
        PQclear(r);
    }
    return err;
}

ds_error ds_pgm_lost_import(ds_store *s, const char *csv, size_t len, const char *default_source,
                            ds_lost_import_stats *stats)
{
    lost_ctx *c = calloc(1, sizeof *c);
    if (!c)
        return DS_ERR_NOMEM;
    c->s = s;
    c->default_source = default_source;
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK) {
        free(c);
        return err;
    }
    TRY(ds_pg_run(s, NULL,
                  "CREATE TEMPORARY TABLE lost_in(n bigint, document_number text,"
                  " issuing_state text, reported_on text, source text) ON COMMIT DROP",
                  ""));
    PGresult *r = PQexec(PGH(s)->conn, "COPY lost_in FROM STDIN");
    bool copying = PQresultStatus(r) == PGRES_COPY_IN;
    if (!copying)
        err = ds_store_fail(s, "cannot store the lost list",
                            PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY));
    PQclear(r);
    if (err != DS_OK)
        goto out;
    err = ds_lostcsv_parse(csv, len, lost_put, c, stats);
    if (err == DS_OK)
        err = lost_flush(c);
    ds_error end = lost_copy_end(s, err == DS_OK);
    if (err == DS_OK)
        err = end;
    if (err != DS_OK)
        goto out;
    TRY(ds_pg_run(s, NULL,
                  "INSERT INTO lost(document_number, issuing_state, reported_on, source, imported_at)"
                  " SELECT DISTINCT ON (document_number, issuing_state) document_number,"
                  " issuing_state, reported_on, source, $1 FROM lost_in"
                  " ORDER BY document_number, issuing_state, n DESC"
                  " ON CONFLICT (document_number, issuing_state) DO UPDATE SET"
                  " reported_on = excluded.reported_on, source = excluded.source,"
                  " imported_at = excluded.imported_at",
                  "i", ds_store_now(s)));
out:
    free(c);
    return ds_pg_finish(s, err);
}

ds_error ds_pgm_lost_lookup(ds_store *s, const char *docno, const char *state, ds_lost_entry *out,
                            bool *found)
{
    PGresult *r = NULL;
    bool row = false;
    ds_error err = ds_pg_begin(s);
    if (err != DS_OK)
        return err;
    TRY(ds_pg_query(s, &r, false,
                    "SELECT document_number, issuing_state, reported_on, source, imported_at "
                    "FROM lost WHERE document_number = $1 AND issuing_state = $2",
                    "tt", docno, state));
    row = PQntuples(r) > 0;
    if (row) {
        memset(out, 0, sizeof *out);
        ds_pg_copy(r, 0, 0, out->document_number, sizeof out->document_number);
        ds_pg_copy(r, 0, 1, out->issuing_state, sizeof out->issuing_state);
        ds_pg_copy(r, 0, 2, out->reported_on, sizeof out->reported_on);
        ds_pg_copy(r, 0, 3, out->source, sizeof out->source);
        out->imported_at = ds_pg_i64(r, 0, 4);
    }
out:
    PQclear(r);
    err = ds_pg_finish(s, err);
    if (err == DS_OK)
        *found = row;
    return err;
}
