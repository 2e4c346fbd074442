/*
 * store_sqlite_memory.c: the SQLite backend's memory across cases (the
 * identities and image hashes of documents seen) and the lost and stolen
 * list (store_sqlite_memory.h).
 *
 * Every operation is one transaction, committed before it returns DS_OK and
 * rolled back on any error. Only an image's hash is kept, never the image.
 * Like all of the backend, this file must never build SQL from values
 * (everything is bound), keep a statement or transaction open when a
 * function returns, or put document content or a token into an error
 * message.
 */
#include "store/store_sqlite_memory.h"
#include "store/store_sqlite_db.h"
#include "store/lostcsv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

ds_error ds_sq_memory_record_tx(ds_store *s, int64_t document_id, const ds_fingerprint *fp, int n)
{
    char case_id[DS_STORE_CASE_ID_MAX + 1];
    sqlite3_stmt *st = NULL;
    bool row = false;
    int64_t now = ds_store_now(s);
    ds_error err = DS_OK;
    if (n == 0)
        return DS_OK;
    TRY(ds_sq_prep(s, &st, "SELECT case_id FROM documents WHERE id = ?", "i", document_id));
    TRY(ds_sq_step(s, st, &row));
    if (!row) {
        err = DS_ERR_NO_RECORD;
        goto out;
    }
    ds_sq_col_copy(st, 0, case_id, sizeof case_id);
    for (int i = 0; i < n; i++) {
        const ds_identity *id = &fp[i].identity;
        if (fp[i].has_identity)
            TRY(ds_sq_run(s, NULL,
                          "INSERT INTO identities(document_id, case_id, page, document_number, "
                          "issuing_state, surname, given_names, birth_date, created_at) "
                          "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          "itdttttti", document_id, case_id, fp[i].page,
                          id->document_number, id->issuing_state, id->surname, id->given_names,
                          id->birth_date, now));
        if (fp[i].has_dhash)
            TRY(ds_sq_run(s, NULL,
                          "INSERT INTO image_hashes(document_id, case_id, page, dhash, created_at) "
                          "VALUES(?, ?, ?, ?, ?)",
                          "itdii", document_id, case_id, fp[i].page, (int64_t)fp[i].dhash, now));
    }
out:
    sqlite3_finalize(st);
    return err;
}

/* ------------------------------------------------- memory across cases */

ds_error ds_sq_memory_record(ds_store *s, int64_t document_id, const ds_fingerprint *fp, int n)
{
    ds_error err = ds_sq_begin(s);
    if (err != DS_OK)
        return err;
    err = ds_sq_memory_record_tx(s, document_id, fp, n);
    return ds_sq_finish(s, err);
}

ds_error ds_sq_memory_find_document(ds_store *s, const ds_identity *id,
                                    int64_t exclude_document_id, int cap, ds_memory_match *out,
                                    int *count)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    int n = 0;
    CHECK(ds_sq_prep(s, &st,
                     "SELECT document_id, case_id, page, document_number, issuing_state, surname, "
                     "given_names, birth_date, created_at FROM identities "
                     "WHERE document_number = ?1 AND issuing_state = ?2 AND document_id <> ?3 "
                     "AND (surname <> ?4 OR given_names <> ?5 OR birth_date <> ?6) ORDER BY id LIMIT ?7",
                     "ttitttd", id->document_number, id->issuing_state, exclude_document_id, id->surname,
                     id->given_names, id->birth_date, cap));
    ds_error err = DS_OK;
    while (n < cap && (err = ds_sq_step(s, st, &row)) == DS_OK && row) {
        ds_memory_match *m = &out[n++];
        memset(m, 0, sizeof *m);
        m->document_id = sqlite3_column_int64(st, 0);
        ds_sq_col_copy(st, 1, m->case_id, sizeof m->case_id);
        m->page = sqlite3_column_int(st, 2);
        ds_sq_col_copy(st, 3, m->identity.document_number, sizeof m->identity.document_number);
        ds_sq_col_copy(st, 4, m->identity.issuing_state, sizeof m->identity.issuing_state);
        ds_sq_col_copy(st, 5, m->identity.surname, sizeof m->identity.surname);
        ds_sq_col_copy(st, 6, m->identity.given_names, sizeof m->identity.given_names);
        ds_sq_col_copy(st, 7, m->identity.birth_date, sizeof m->identity.birth_date);
        m->recorded_at = sqlite3_column_int64(st, 8);
    }
    sqlite3_finalize(st);
    if (err == DS_OK)
        *count = n;
    return err;
}

ds_error ds_sq_memory_find_image(ds_store *s, uint64_t dhash, int max_distance,
                                 const char *case_id, int cap, ds_memory_match *out, int *count)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    int n = 0;
    CHECK(ds_sq_prep(s, &st,
                     "SELECT h.document_id, h.case_id, h.page, h.dhash, h.created_at,"
                     " i.document_number, i.issuing_state, i.surname, i.given_names, i.birth_date"
                     " FROM image_hashes h LEFT JOIN identities i"
                     " ON i.document_id = h.document_id AND i.page = h.page"
                     " WHERE h.case_id <> ? ORDER BY h.id",
                     "t", case_id));
    ds_error err = DS_OK;
    while (cap > 0 && (err = ds_sq_step(s, st, &row)) == DS_OK && row) {
        ds_memory_match *m = ds_store_image_slot(
            out, cap, &n, dhash, (uint64_t)sqlite3_column_int64(st, 3), max_distance);
        if (!m)
            continue;
        m->document_id = sqlite3_column_int64(st, 0);
        ds_sq_col_copy(st, 1, m->case_id, sizeof m->case_id);
        m->page = sqlite3_column_int(st, 2);
        m->recorded_at = sqlite3_column_int64(st, 4);
        /* The identity read on that page, empty when none was. */
        ds_sq_col_copy(st, 5, m->identity.document_number, sizeof m->identity.document_number);
        ds_sq_col_copy(st, 6, m->identity.issuing_state, sizeof m->identity.issuing_state);
        ds_sq_col_copy(st, 7, m->identity.surname, sizeof m->identity.surname);
        ds_sq_col_copy(st, 8, m->identity.given_names, sizeof m->identity.given_names);
        ds_sq_col_copy(st, 9, m->identity.birth_date, sizeof m->identity.birth_date);
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
        return ds_sq_fail(c->s, rc, "cannot store a lost-list entry");
    return DS_OK;
}

ds_error ds_sq_lost_import(ds_store *s, const char *csv, size_t len, const char *default_source,
                           ds_lost_import_stats *stats)
{
    lost_ctx c = {.s = s, .default_source = default_source, .now = ds_store_now(s)};
    ds_error err = ds_sq_begin(s);
    if (err != DS_OK)
        return err;
    TRY(ds_sq_prep(s, &c.st,
                   "INSERT INTO lost(document_number, issuing_state, reported_on, source, imported_at) "
                   "VALUES(?, ?, ?, ?, ?) ON CONFLICT(document_number, issuing_state) DO UPDATE SET "
                   "reported_on = excluded.reported_on, source = excluded.source, "
                   "imported_at = excluded.imported_at",
                   ""));
    TRY(ds_lostcsv_parse(csv, len, lost_put, &c, stats));
out:
    sqlite3_finalize(c.st);
    return ds_sq_finish(s, err);
}

ds_error ds_sq_lost_lookup(ds_store *s, const char *docno, const char *state, ds_lost_entry *out,
                           bool *found)
{
    sqlite3_stmt *st = NULL;
    bool row = false;
    CHECK(ds_sq_prep(s, &st,
                     "SELECT document_number, issuing_state, reported_on, source, imported_at FROM lost "
                     "WHERE document_number = ? AND issuing_state = ?",
                     "tt", docno, state));
    ds_error err = ds_sq_step(s, st, &row);
    if (err == DS_OK && row) {
        memset(out, 0, sizeof *out);
        ds_sq_col_copy(st, 0, out->document_number, sizeof out->document_number);
        ds_sq_col_copy(st, 1, out->issuing_state, sizeof out->issuing_state);
        ds_sq_col_copy(st, 2, out->reported_on, sizeof out->reported_on);
        ds_sq_col_copy(st, 3, out->source, sizeof out->source);
        out->imported_at = sqlite3_column_int64(st, 4);
    }
    if (err == DS_OK)
        *found = row;
    sqlite3_finalize(st);
    return err;
}
