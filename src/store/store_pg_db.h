/*
 * store_pg_db: the PostgreSQL backend's connections and the statement
 * helpers every part of it uses.
 *
 * Connections live in a pool per process and database url, shared by every
 * handle opened on that url: a handle borrows one connection for the length
 * of one operation (one transaction) and gives it back. A connection that
 * broke (the server restarted, a failover) is reset before its next use; while
 * the server cannot be reached an operation fails at once with DS_ERR_STORE
 * and "the database is unavailable", which the daemon answers with 503.
 *
 * The pool also keeps the node's job leases alive: a thread renews, every
 * third of the lease, the lease of each job a handle of this process holds,
 * so a node that dies (kill -9) stops renewing and another node takes its
 * jobs once the lease ran out; a lease is never renewed past its job's
 * deadline (job_timeout_s), so a hung worker's job is taken over too.
 * Lease times are the database server's clock, so the nodes' clocks need
 * not agree.
 *
 * Every value is sent as a parameter, never written into SQL; no helper
 * leaves a result uncleared when it fails.
 */
#ifndef DS_STORE_PG_DB_H
#define DS_STORE_PG_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libpq-fe.h>

#include "store/store_backend.h"

typedef struct pg_pool pg_pool;

/* The backend's state of one handle (s->impl). */
typedef struct pgh {
    pg_pool *pool;
    PGconn *conn;      /* borrowed for the current operation; NULL between */
    int64_t held_job;  /* the job this handle claimed and has not finished; 0: none */
    void (*wake)(void *arg); /* ds_pg_set_wakeup; NULL: none */
    void *wake_arg;
} pgh;

#define PGH(s) ((pgh *)(s)->impl)

/* Jumps to out with err set when expr fails. */
#define TRY(expr)                                                              \
    do {                                                                       \
        err = (expr);                                                          \
        if (err != DS_OK)                                                      \
            goto out;                                                          \
    } while (0)

/* Attaches handle s to the pool of url (made on the first open in this
 * process, its sessions waiting at most lock_ms for a lock; 0: 10 s); msg
 * gets one sentence on failure. */
ds_error ds_pg_attach(ds_store *s, const char *url, int lock_ms, char *msg, size_t msg_cap);
/* Detaches s; the last handle closes the pool, its connections and its
 * lease thread. */
void ds_pg_detach(ds_store *s);
/* The node id of s's process ("host:pid:random"), written into the leases. */
const char *ds_pg_node(const ds_store *s);
/* The lease of a claimed job, in seconds (the url's ds_lease, default 30). */
int ds_pg_lease_seconds(const ds_store *s);
/* Marks job (0: none) as held by handle s, renewed by the lease thread
 * until it is finished or the handle claims another or closes. */
void ds_pg_hold(ds_store *s, int64_t job);

/* Has fn(arg) called (from another thread, briefly: it must not call the
 * store) whenever any node commits a submission or a requeue, until it is
 * set to NULL or the handle closes; starts the pool's listener (LISTEN
 * ds_jobs on a connection of its own) unless the url says ds_listen=0.
 * false when notifications are off. */
bool ds_pg_set_wakeup(ds_store *s, void (*fn)(void *arg), void *arg);
/* Inside a transaction: tells every node's listener, at the commit, that
 * a job became claimable. */
#define DS_PG_NOTIFY_SQL "SELECT pg_notify('ds_jobs', '')"

/* Borrows a connection and starts a transaction (READ COMMITTED); a
 * connection found broken is reset and the BEGIN tried once more. */
ds_error ds_pg_begin(ds_store *s);
/* Ends the transaction of a function: commit when err is DS_OK, else roll
 * back; gives the connection back and returns the final status. */
ds_error ds_pg_finish(ds_store *s, ds_error err);

/* Runs sql with parameters by fmt: 't' text (const char *, NULL is ""),
 * 'T' text with length (const char *, size_t), 'B' bytea (const void *,
 * size_t), 'i' int64_t, 'd' int. *res (may be NULL) gets the result
 * (caller PQclear()s), text format unless binary. Inside ds_pg_begin. */
ds_error ds_pg_query(ds_store *s, PGresult **res /* OUT */, bool binary, const char *sql,
                     const char *fmt, ...);
/* Runs a statement; *changes (may be NULL) gets the rows it changed (or
 * returned). */
ds_error ds_pg_run(ds_store *s, int64_t *changes /* OUT */, const char *sql, const char *fmt,
                   ...);
/* Runs a statement whose first column of its first row is an integer;
 * *found false (and *v untouched) when there is no row; without found, no
 * row is DS_ERR_NO_RECORD. */
ds_error ds_pg_int(ds_store *s, int64_t *v /* OUT */, bool *found /* OUT */, const char *sql,
                   const char *fmt, ...);

/* Column c of row r as an integer (0 when NULL). */
int64_t ds_pg_i64(const PGresult *res, int r, int c);
/* Copies text column c of row r into dst[cap], cut to fit ("" for NULL). */
void ds_pg_copy(const PGresult *res, int r, int c, char *dst, size_t cap);
/* A heap copy of text column c of row r, NUL-terminated; *len its length. */
ds_error ds_pg_dup(const PGresult *res, int r, int c, char **out /* OUT */, size_t *len /* OUT */);
/* A heap copy of bytea column c of row r of a text-format result (decoded),
 * NUL-terminated; *len its length. */
ds_error ds_pg_dup_bytea(const PGresult *res, int r, int c, char **out /* OUT */,
                         size_t *len /* OUT */);

/* Advisory transaction lock keys (pg_advisory_xact_lock). */
#define DS_PG_LOCK_MIGRATE 0x64736d6967726174LL /* schema migrations */
#define DS_PG_LOCK_AUDIT 0x6473617564697421LL   /* the one audit chain */
/* Document files: a submission holds it shared while it checks for and
 * writes its file, a removal (purge, case deletion) holds it exclusive, so
 * a file is never removed under a document being committed. */
#define DS_PG_LOCK_BLOBS 0x6473626c6f627321LL

#endif
