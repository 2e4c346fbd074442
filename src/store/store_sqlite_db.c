/*
 * store_sqlite_db.c: statements and transactions of the SQLite backend
 * (store_sqlite_db.h). This file must never build SQL from values
 * (everything is bound by format), never leave a statement prepared when a
 * helper fails, and never put a bound value into an error message.
 */
#include "store/store_sqlite_db.h"

#include <stdarg.h>
#include <string.h>
#include <stdlib.h>

ds_error ds_sq_fail(ds_store *s, int rc, const char *what)
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

ds_error ds_sq_exec(ds_store *s, const char *sql)
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

ds_error ds_sq_begin(ds_store *s) { return ds_sq_exec(s, "BEGIN IMMEDIATE"); }

void ds_sq_rollback(ds_store *s)
{
    if (!sqlite3_get_autocommit(DB(s)))
        sqlite3_exec(DB(s), "ROLLBACK", NULL, NULL, NULL);
}

ds_error ds_sq_commit(ds_store *s)
{
    ds_error err = ds_sq_exec(s, "COMMIT");
    if (err != DS_OK)
        ds_sq_rollback(s);
    return err;
}

/* Ends the transaction of a function: commit when err is DS_OK, else
 * roll back; returns the final status. */
ds_error ds_sq_finish(ds_store *s, ds_error err)
{
    if (err == DS_OK)
        return ds_sq_commit(s);
    ds_sq_rollback(s);
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
        return ds_sq_fail(s, rc, "cannot prepare statement");
    rc = bindv(*st, fmt, ap);
    if (rc != SQLITE_OK) {
        ds_error err = ds_sq_fail(s, rc, "cannot bind parameter");
        sqlite3_finalize(*st);
        *st = NULL;
        return err;
    }
    return DS_OK;
}

ds_error ds_sq_prep(ds_store *s, sqlite3_stmt **st, const char *sql, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ds_error err = vprep(s, st, sql, fmt, ap);
    va_end(ap);
    return err;
}

/* Steps st once: DS_OK with *row telling whether a row came back. */
ds_error ds_sq_step(ds_store *s, sqlite3_stmt *st, bool *row)
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
    return ds_sq_fail(s, rc, "statement failed");
}

/* Runs a statement returning no rows; *changes (may be NULL) gets the
 * number of rows it changed. */
ds_error ds_sq_run(ds_store *s, int64_t *changes, const char *sql, const char *fmt, ...)
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
        err = ds_sq_fail(s, rc, "statement failed");
    else if (changes)
        *changes = sqlite3_changes64(DB(s));
    sqlite3_finalize(st);
    return err;
}

/* Runs a statement whose first column of its first row is an integer;
 * *found false (and *v untouched) when there is no row. */
ds_error ds_sq_int(ds_store *s, int64_t *v, bool *found, const char *sql, const char *fmt, ...)
{
    sqlite3_stmt *st = NULL;
    va_list ap;
    va_start(ap, fmt);
    ds_error err = vprep(s, &st, sql, fmt, ap);
    va_end(ap);
    if (err != DS_OK)
        return err;
    bool row = false;
    err = ds_sq_step(s, st, &row);
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

void ds_sq_col_copy(sqlite3_stmt *st, int i, char *dst, size_t cap)
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
ds_error ds_sq_col_dup(ds_store *s, sqlite3_stmt *st, int i, char **out, size_t *len)
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
