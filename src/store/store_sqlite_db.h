/*
 * store_sqlite_db: the SQLite backend's connection and the statement
 * helpers every part of it uses. Every value is bound through a format,
 * never written into SQL; every helper leaves no statement prepared when it
 * fails.
 */
#ifndef DS_STORE_SQLITE_DB_H
#define DS_STORE_SQLITE_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "store/store_backend.h"

typedef struct sq {
    sqlite3 *db;
} sq;

/* The connection of store s (s->impl is the backend's sq). */
#define DB(s) (((sq *)(s)->impl)->db)

/* Jumps to out with err set when expr fails. */
#define TRY(expr)                                                              \
    do {                                                                       \
        err = (expr);                                                          \
        if (err != DS_OK)                                                      \
            goto out;                                                          \
    } while (0)

/* Sets s->errmsg to what and SQLite's message for the connection, and
 * returns the ds_error of result code rc: DS_ERR_CONFLICT for a
 * constraint, DS_ERR_NOMEM, DS_ERR_TOO_LARGE, else DS_ERR_STORE. */
ds_error ds_sq_fail(ds_store *s, int rc, const char *what);

/* Runs sql (no parameters, no rows); DS_ERR_STORE with s->errmsg set on
 * failure. */
ds_error ds_sq_exec(ds_store *s, const char *sql);

/* Starts a write transaction (BEGIN IMMEDIATE: the write lock up front). */
ds_error ds_sq_begin(ds_store *s);
/* Rolls back the open transaction, if any. */
void ds_sq_rollback(ds_store *s);
/* Commits the open transaction; rolls it back when the commit fails. */
ds_error ds_sq_commit(ds_store *s);
/* Ends the transaction of a function: commit when err is DS_OK, else
 * roll back; returns the final status. */
ds_error ds_sq_finish(ds_store *s, ds_error err);

/* Prepares sql into *st and binds its parameters by fmt: 't' text (const
 * char *, NULL binds ""), 'T' text with length (const char *, size_t), 'B'
 * blob (const void *, size_t), 'i' int64_t, 'd' int. On failure nothing
 * is left prepared. */
ds_error ds_sq_prep(ds_store *s, sqlite3_stmt **st /* OUT */, const char *sql, const char *fmt,
                    ...);
/* Steps st once: DS_OK with *row telling whether a row came back. */
ds_error ds_sq_step(ds_store *s, sqlite3_stmt *st, bool *row /* OUT */);
/* Runs a statement returning no rows (parameters as ds_sq_prep); *changes
 * (may be NULL) gets the number of rows it changed. */
ds_error ds_sq_run(ds_store *s, int64_t *changes /* OUT */, const char *sql, const char *fmt,
                   ...);
/* Runs a statement whose first column of its first row is an integer;
 * *found false (and *v untouched) when there is no row. */
ds_error ds_sq_int(ds_store *s, int64_t *v /* OUT */, bool *found /* OUT */, const char *sql,
                   const char *fmt, ...);

/* Copies text column i into dst[cap], cut to fit, NUL-terminated ("" for
 * NULL). */
void ds_sq_col_copy(sqlite3_stmt *st, int i, char *dst, size_t cap);
/* A heap copy of text column i, NUL-terminated; *len its length. */
ds_error ds_sq_col_dup(ds_store *s, sqlite3_stmt *st, int i, char **out /* OUT */,
                       size_t *len /* OUT */);

#endif
