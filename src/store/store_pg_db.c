/*
 * store_pg_db.c: connections, the pool, job leases and the statement helpers
 * of the PostgreSQL backend (store_pg_db.h). This file must never write a
 * value into SQL (everything is a parameter), never leave a result uncleared
 * or a transaction open when a helper returns, and never put a parameter's
 * value into an error message (PostgreSQL's primary messages name
 * constraints and types; their DETAIL, which may quote values, is never
 * read).
 */
#include "store/store_pg_db.h"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <openssl/rand.h>

#define POOL_MAX 64
#define PARAMS_MAX 16

struct pg_pool {
    struct pg_pool *next;
    pid_t pid;                  /* pools are per process: a forked child never uses its parent's */
    char url[DS_STORE_URL_MAX + 1]; /* as given, the key */
    char *conninfo;             /* the url without the ds_ parameters */
    int size, lease_s;
    int lock_ms;                /* lock_timeout of every session */
    char node[96];
    int refs;
    pthread_mutex_t mu;
    pthread_cond_t cv;          /* a connection came back, or the lease thread should look */
    PGconn *idle[POOL_MAX];
    int nidle, nopen;
    int64_t down_until_ms;      /* after a failed connect, fail fast until then */
    pgh *handles[POOL_MAX * 4]; /* attached handles, for their held jobs */
    int nhandles;
    pthread_t lease_thread;
    bool lease_running, stopping;
    bool listen;                /* the url's ds_listen (default on) */
    pthread_t listen_thread;    /* LISTEN ds_jobs, started by the first ds_pg_set_wakeup */
    bool listen_running;
    int stop_pipe[2];           /* written at close: the listener's poll returns */
};

static pthread_mutex_t pools_mu = PTHREAD_MUTEX_INITIALIZER;
static pg_pool *pools;

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void say(char *msg, size_t cap, const char *text, const char *detail)
{
    if (msg && cap)
        snprintf(msg, cap, "%s%s%s", text, detail ? ": " : "", detail ? detail : "");
}

/* ------------------------------------------------------------ the url */

/* Splits the ds_pool, ds_lease and ds_listen parameters off url into p;
 * the rest is what libpq is given. false (msg set) when a value is out of
 * range. */
static bool parse_url(pg_pool *p, const char *url, char *msg, size_t cap)
{
    p->size = 4;
    p->lease_s = 30;
    p->listen = true;
    size_t n = strlen(url);
    p->conninfo = malloc(n + 1);
    if (!p->conninfo)
        return false;
    const char *q = strchr(url, '?');
    if (!q) {
        memcpy(p->conninfo, url, n + 1);
        return true;
    }
    size_t head = (size_t)(q - url);
    memcpy(p->conninfo, url, head);
    char *o = p->conninfo + head;
    char sep = '?';
    const char *a = q + 1;
    while (*a) {
        const char *e = strchr(a, '&');
        size_t len = e ? (size_t)(e - a) : strlen(a);
        int v = 0;
        if (len > 8 && strncmp(a, "ds_pool=", 8) == 0) {
            if (len > 10 || strspn(a + 8, "0123456789") != len - 8 ||
                (v = atoi(a + 8)) < 1 || v > POOL_MAX) {
                say(msg, cap, "ds_pool must be 1 to 64", NULL);
                return false;
            }
            p->size = v;
        } else if (len > 9 && strncmp(a, "ds_lease=", 9) == 0) {
            if (len > 13 || strspn(a + 9, "0123456789") != len - 9 ||
                (v = atoi(a + 9)) < 1 || v > 3600) {
                say(msg, cap, "ds_lease must be 1 to 3600 seconds", NULL);
                return false;
            }
            p->lease_s = v;
        } else if (len > 10 && strncmp(a, "ds_listen=", 10) == 0) {
            if (len != 11 || (a[10] != '0' && a[10] != '1')) {
                say(msg, cap, "ds_listen must be 0 or 1", NULL);
                return false;
            }
            p->listen = a[10] == '1';
        } else if (len > 0) {
            *o++ = sep;
            sep = '&';
            memcpy(o, a, len);
            o += len;
        }
        a += len;
        if (*a == '&')
            a++;
    }
    *o = '\0';
    return true;
}

/* ------------------------------------------------------- connections */

/* The server's notices (NOTICE, WARNING) are not ours to print. */
static void quiet(void *arg, const char *message)
{
    (void)arg;
    (void)message;
}

static PGconn *connect_one(const pg_pool *p)
{
    /* Defaults the url may override: a connect gives up after 5 s, and a
     * server that vanished without closing the connection (a failover to
     * another machine) is noticed by TCP keepalives within about 25 s
     * rather than the system's two hours. */
    const char *const keys[] = {"connect_timeout", "keepalives_idle", "keepalives_interval",
                                "keepalives_count", "tcp_user_timeout",
                                "fallback_application_name", "dbname", NULL};
    const char *const vals[] = {"5", "10", "5", "3", "30000", "docscreen", p->conninfo, NULL};
    PGconn *c = PQconnectdbParams(keys, vals, 1);
    if (c)
        PQsetNoticeProcessor(c, quiet, NULL);
    return c;
}

/* Settings of a fresh session:
 * - synchronous_commit: a server whose setting is off answers a COMMIT
 *   before its WAL is written, so a crash would lose what the store
 *   acknowledged; such a session is set back to on (any other value, such
 *   as remote_apply for synchronous replication, is as durable or more and
 *   is kept);
 * - lock_timeout (the store's busy timeout): a row or advisory lock held
 *   too long (the audit chain's, by a node whose host vanished mid-
 *   transaction) fails the operation instead of hanging it;
 * - idle_in_transaction_session_timeout: the store never leaves a
 *   transaction idle, so the server ends, and unlocks, the session of a
 *   node that vanished in the middle of one after a minute.
 * A failure shows at the session's first statement. */
static void session_setup(PGconn *c, int lock_ms)
{
    char ms[16];
    snprintf(ms, sizeof ms, "%d", lock_ms);
    const char *vals[1] = {ms};
    PQclear(PQexecParams(c,
                         "SELECT set_config('lock_timeout', $1, false),"
                         " set_config('idle_in_transaction_session_timeout', '60000', false),"
                         " CASE WHEN current_setting('synchronous_commit') = 'off'"
                         " THEN set_config('synchronous_commit', 'on', false) END",
                         1, NULL, vals, NULL, NULL, 0));
}

/* Borrows a connection of s's pool into PGH(s)->conn: an idle one, a new
 * one while the pool is not full, else waits for one to come back. */
static ds_error acquire(ds_store *s)
{
    pgh *h = PGH(s);
    pg_pool *p = h->pool;
    PGconn *c = NULL;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        /* A connect failed less than a second ago: answer at once rather
         * than have every request wait for its own timeout. */
        if (p->down_until_ms > now_ms()) {
            pthread_mutex_unlock(&p->mu);
            return ds_store_fail(s, "the database is unavailable", "it did not answer a moment ago");
        }
        if (p->nidle > 0) {
            c = p->idle[--p->nidle];
            break;
        }
        if (p->nopen < p->size) {
            p->nopen++;
            break;
        }
        pthread_cond_wait(&p->cv, &p->mu);
    }
    pthread_mutex_unlock(&p->mu);
    bool fresh = !c || PQstatus(c) == CONNECTION_BAD;
    if (!c)
        c = connect_one(p);
    else if (PQstatus(c) == CONNECTION_BAD)
        PQreset(c);
    if (c && fresh && PQstatus(c) == CONNECTION_OK)
        session_setup(c, p->lock_ms);
    if (!c || PQstatus(c) != CONNECTION_OK) {
        char why[DS_STORE_ERRMSG_MAX + 1];
        ds_store_copy(why, sizeof why, c ? PQerrorMessage(c) : "out of memory");
        why[strcspn(why, "\n")] = '\0';
        pthread_mutex_lock(&p->mu);
        p->down_until_ms = now_ms() + 1000;
        if (c && p->nidle < POOL_MAX)
            p->idle[p->nidle++] = c; /* reset at its next use */
        else {
            p->nopen--;
            PQfinish(c);
        }
        pthread_cond_broadcast(&p->cv);
        pthread_mutex_unlock(&p->mu);
        return ds_store_fail(s, "the database is unavailable", why);
    }
    h->conn = c;
    return DS_OK;
}

/* Gives the handle's connection back, rolled back if a transaction is
 * still open on it. */
static void release(ds_store *s)
{
    pgh *h = PGH(s);
    PGconn *c = h->conn;
    if (!c)
        return;
    h->conn = NULL;
    if (PQstatus(c) == CONNECTION_OK && PQtransactionStatus(c) != PQTRANS_IDLE)
        PQclear(PQexec(c, "ROLLBACK"));
    pg_pool *p = h->pool;
    pthread_mutex_lock(&p->mu);
    p->idle[p->nidle++] = c;
    pthread_cond_broadcast(&p->cv); /* the lease thread waits on it too */
    pthread_mutex_unlock(&p->mu);
}

/* Sets s->errmsg from a failed result or the connection and returns the
 * error it maps to. */
static ds_error fail_res(ds_store *s, const PGresult *res, const char *what)
{
    PGconn *c = PGH(s)->conn;
    const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
    const char *primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
    if (!c || PQstatus(c) == CONNECTION_BAD || (state && (strncmp(state, "08", 2) == 0 ||
                                                          strncmp(state, "57P", 3) == 0))) {
        char why[DS_STORE_ERRMSG_MAX + 1];
        ds_store_copy(why, sizeof why, primary ? primary : c ? PQerrorMessage(c) : "no connection");
        why[strcspn(why, "\n")] = '\0';
        return ds_store_fail(s, "the database is unavailable", why);
    }
    char why[DS_STORE_ERRMSG_MAX + 1];
    ds_store_copy(why, sizeof why, primary ? primary : PQerrorMessage(c));
    why[strcspn(why, "\n")] = '\0';
    ds_store_fail(s, what, why);
    if (state && strncmp(state, "23", 2) == 0)
        return DS_ERR_CONFLICT;
    if (state && (strcmp(state, "54000") == 0 || strcmp(state, "22001") == 0))
        return DS_ERR_TOO_LARGE;
    return DS_ERR_STORE;
}

static ds_error exec_plain(ds_store *s, const char *sql)
{
    PGresult *r = PQexec(PGH(s)->conn, sql);
    ds_error err = DS_OK;
    if (PQresultStatus(r) != PGRES_COMMAND_OK)
        err = fail_res(s, r, "statement failed");
    PQclear(r);
    return err;
}

ds_error ds_pg_begin(ds_store *s)
{
    CHECK(acquire(s));
    ds_error err = exec_plain(s, "BEGIN");
    if (err != DS_OK && PQstatus(PGH(s)->conn) == CONNECTION_BAD) {
        /* An idle connection that broke since its last use (a restart):
         * nothing was done on it yet, so one fresh try is safe. */
        PQreset(PGH(s)->conn);
        if (PQstatus(PGH(s)->conn) == CONNECTION_OK) {
            session_setup(PGH(s)->conn, PGH(s)->pool->lock_ms);
            s->errmsg[0] = '\0';
            err = exec_plain(s, "BEGIN");
        }
    }
    if (err != DS_OK)
        release(s);
    return err;
}

ds_error ds_pg_finish(ds_store *s, ds_error err)
{
    if (!PGH(s)->conn)
        return err;
    if (err == DS_OK) {
        PGresult *r = PQexec(PGH(s)->conn, "COMMIT");
        /* A COMMIT of a failed transaction reports success as ROLLBACK. */
        if (PQresultStatus(r) != PGRES_COMMAND_OK || strcmp(PQcmdStatus(r), "COMMIT") != 0)
            err = fail_res(s, r, "commit failed");
        PQclear(r);
    }
    release(s);
    return err;
}

/* ---------------------------------------------------------- statements */

static ds_error vquery(ds_store *s, PGresult **out, bool binary, const char *sql, const char *fmt,
                       va_list ap)
{
    const char *vals[PARAMS_MAX];
    int lens[PARAMS_MAX], fmts[PARAMS_MAX];
    char nums[PARAMS_MAX][24];
    int n = 0;
    for (; fmt[n]; n++) {
        if (n >= PARAMS_MAX)
            return ds_store_fail(s, "too many parameters", NULL);
        lens[n] = 0;
        fmts[n] = 0;
        switch (fmt[n]) {
        case 't': {
            const char *v = va_arg(ap, const char *);
            vals[n] = v ? v : "";
            break;
        }
        case 'T':
        case 'B': {
            const char *v = va_arg(ap, const char *);
            size_t len = va_arg(ap, size_t);
            if (len > (size_t)0x7fffffff)
                return DS_ERR_TOO_LARGE;
            vals[n] = v ? v : "";
            lens[n] = v ? (int)len : 0;
            fmts[n] = 1; /* binary: the bytes as they are (text's binary form is its bytes) */
            break;
        }
        case 'i':
            snprintf(nums[n], sizeof nums[n], "%lld", (long long)va_arg(ap, int64_t));
            vals[n] = nums[n];
            break;
        case 'd':
            snprintf(nums[n], sizeof nums[n], "%d", va_arg(ap, int));
            vals[n] = nums[n];
            break;
        default:
            return ds_store_fail(s, "bad parameter format", NULL);
        }
    }
    PGresult *r = PQexecParams(PGH(s)->conn, sql, n, NULL, vals, lens, fmts, binary ? 1 : 0);
    ExecStatusType st = PQresultStatus(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
        ds_error err = fail_res(s, r, "statement failed");
        PQclear(r);
        return err;
    }
    if (out)
        *out = r;
    else
        PQclear(r);
    return DS_OK;
}

ds_error ds_pg_query(ds_store *s, PGresult **res, bool binary, const char *sql, const char *fmt,
                     ...)
{
    va_list ap;
    va_start(ap, fmt);
    ds_error err = vquery(s, res, binary, sql, fmt, ap);
    va_end(ap);
    return err;
}

ds_error ds_pg_run(ds_store *s, int64_t *changes, const char *sql, const char *fmt, ...)
{
    PGresult *r = NULL;
    va_list ap;
    va_start(ap, fmt);
    ds_error err = vquery(s, &r, false, sql, fmt, ap);
    va_end(ap);
    if (err != DS_OK)
        return err;
    if (changes) {
        const char *t = PQcmdTuples(r);
        *changes = t && *t ? strtoll(t, NULL, 10) : PQntuples(r);
    }
    PQclear(r);
    return DS_OK;
}

ds_error ds_pg_int(ds_store *s, int64_t *v, bool *found, const char *sql, const char *fmt, ...)
{
    PGresult *r = NULL;
    va_list ap;
    va_start(ap, fmt);
    ds_error err = vquery(s, &r, false, sql, fmt, ap);
    va_end(ap);
    if (err != DS_OK)
        return err;
    bool row = PQntuples(r) > 0;
    if (row)
        *v = ds_pg_i64(r, 0, 0);
    if (found)
        *found = row;
    else if (!row)
        err = DS_ERR_NO_RECORD;
    PQclear(r);
    return err;
}

int64_t ds_pg_i64(const PGresult *res, int r, int c)
{
    if (PQgetisnull(res, r, c))
        return 0;
    return strtoll(PQgetvalue(res, r, c), NULL, 10);
}

void ds_pg_copy(const PGresult *res, int r, int c, char *dst, size_t cap)
{
    size_t n = (size_t)PQgetlength(res, r, c);
    if (n >= cap)
        n = cap - 1;
    if (n)
        memcpy(dst, PQgetvalue(res, r, c), n);
    dst[n] = '\0';
}

ds_error ds_pg_dup(const PGresult *res, int r, int c, char **out, size_t *len)
{
    size_t n = (size_t)PQgetlength(res, r, c);
    char *p = malloc(n + 1);
    if (!p)
        return DS_ERR_NOMEM;
    if (n)
        memcpy(p, PQgetvalue(res, r, c), n);
    p[n] = '\0';
    *out = p;
    *len = n;
    return DS_OK;
}

ds_error ds_pg_dup_bytea(const PGresult *res, int r, int c, char **out, size_t *len)
{
    size_t n = 0;
    unsigned char *u = PQunescapeBytea((const unsigned char *)PQgetvalue(res, r, c), &n);
    if (!u)
        return DS_ERR_NOMEM;
    char *p = malloc(n + 1);
    if (!p) {
        PQfreemem(u);
        return DS_ERR_NOMEM;
    }
    if (n)
        memcpy(p, u, n);
    p[n] = '\0';
    PQfreemem(u);
    *out = p;
    *len = n;
    return DS_OK;
}

/* ---------------------------------------------------------- job leases */

/* Renews the lease of every job a handle of p holds, every third of the
 * lease, until the pool closes, but never past the job's deadline: a
 * worker that hangs (its thread alive, its job making no progress) loses
 * the job at the deadline as a dead node would. A failure is left for the
 * next round: the lease is three rounds long. */
static void *lease_main(void *arg)
{
    pg_pool *p = arg;
    ds_store fake;
    pgh h = {.pool = p};
    memset(&fake, 0, sizeof fake);
    fake.impl = &h;
    size_t cap = 64;
    char *ids = malloc(cap);
    pthread_mutex_lock(&p->mu);
    while (!p->stopping && ids) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        int64_t ms = (int64_t)p->lease_s * 1000 / 3;
        if (ms < 200)
            ms = 200;
        ts.tv_sec += ms / 1000;
        ts.tv_nsec += (ms % 1000) * 1000000L;
        if (ts.tv_nsec >= 1000000000L) {
            ts.tv_sec++;
            ts.tv_nsec -= 1000000000L;
        }
        while (!p->stopping && pthread_cond_timedwait(&p->cv, &p->mu, &ts) == 0)
            ;
        if (p->stopping)
            break;
        size_t used = 0;
        ids[used++] = '{';
        for (int i = 0; i < p->nhandles; i++) {
            if (!p->handles[i]->held_job)
                continue;
            if (used + 24 > cap) {
                char *n = realloc(ids, cap * 2);
                if (!n)
                    break;
                ids = n;
                cap *= 2;
            }
            used += (size_t)snprintf(ids + used, cap - used, "%s%lld", used > 1 ? "," : "",
                                     (long long)p->handles[i]->held_job);
        }
        ids[used++] = '}';
        ids[used] = '\0';
        if (used == 2)
            continue;
        pthread_mutex_unlock(&p->mu);
        if (ds_pg_begin(&fake) == DS_OK) {
            ds_error err = ds_pg_run(&fake, NULL,
                                     "UPDATE jobs SET lease_until ="
                                     " CASE WHEN deadline > 0 THEN least(deadline,"
                                     "   extract(epoch FROM clock_timestamp()) + $1)"
                                     " ELSE extract(epoch FROM clock_timestamp()) + $1 END"
                                     " WHERE state = 1 AND lease_node = $2 AND id = ANY($3::bigint[])",
                                     "dtt", p->lease_s, p->node, ids);
            ds_pg_finish(&fake, err);
        }
        pthread_mutex_lock(&p->mu);
    }
    pthread_mutex_unlock(&p->mu);
    free(ids);
    return NULL;
}

void ds_pg_hold(ds_store *s, int64_t job)
{
    pgh *h = PGH(s);
    pthread_mutex_lock(&h->pool->mu);
    h->held_job = job;
    pthread_mutex_unlock(&h->pool->mu);
}

/* ------------------------------------------------- work notifications */

/* Calls the wake-up of every handle that has one. Under the pool's lock, so
 * that a handle that clears its wake-up (ds_pg_set_wakeup NULL) knows no
 * call of it is under way once that returns. */
static void fire(pg_pool *p)
{
    pthread_mutex_lock(&p->mu);
    for (int i = 0; i < p->nhandles; i++)
        if (p->handles[i]->wake)
            p->handles[i]->wake(p->handles[i]->wake_arg);
    pthread_mutex_unlock(&p->mu);
}

/* Waits up to ms for the pool to close; true when it does. */
static bool stop_wait(pg_pool *p, int ms)
{
    struct pollfd f = {p->stop_pipe[0], POLLIN, 0};
    return poll(&f, 1, ms) > 0;
}

/* The listener: one connection of its own (outside the pool: it is never
 * in a transaction) that LISTENs on ds_jobs and wakes the handles' waiters
 * on every notification (a submission or a requeue committed by any node).
 * Notifications are a shortcut, never the only way: a connection that
 * breaks is made again a second later, and the waiters are woken once it
 * is back (anything sent meanwhile was lost), while workers keep their own
 * poll. */
static void *listen_main(void *arg)
{
    pg_pool *p = arg;
    PGconn *c = NULL;
    for (;;) {
        if (!c) {
            c = connect_one(p);
            bool ok = c && PQstatus(c) == CONNECTION_OK;
            if (ok) {
                PGresult *r = PQexec(c, "LISTEN ds_jobs");
                ok = PQresultStatus(r) == PGRES_COMMAND_OK;
                PQclear(r);
            }
            if (!ok) {
                PQfinish(c);
                c = NULL;
                if (stop_wait(p, 1000))
                    break;
                continue;
            }
            fire(p);
        }
        struct pollfd f[2] = {{PQsocket(c), POLLIN, 0}, {p->stop_pipe[0], POLLIN, 0}};
        int n = poll(f, 2, -1);
        if (n > 0 && f[1].revents)
            break;
        if (n <= 0)
            continue;
        bool any = false;
        if (!PQconsumeInput(c) || PQstatus(c) != CONNECTION_OK) {
            PQfinish(c);
            c = NULL;
            continue;
        }
        PGnotify *nt;
        while ((nt = PQnotifies(c)) != NULL) {
            any = true;
            PQfreemem(nt);
        }
        if (any)
            fire(p);
    }
    PQfinish(c);
    return NULL;
}

bool ds_pg_set_wakeup(ds_store *s, void (*fn)(void *arg), void *arg)
{
    pgh *h = PGH(s);
    pg_pool *p = h->pool;
    pthread_mutex_lock(&p->mu);
    h->wake = fn;
    h->wake_arg = arg;
    if (fn && p->listen && !p->listen_running && !p->stopping && p->stop_pipe[0] >= 0 &&
        pthread_create(&p->listen_thread, NULL, listen_main, p) == 0)
        p->listen_running = true;
    bool on = p->listen_running;
    pthread_mutex_unlock(&p->mu);
    return on;
}

/* ------------------------------------------------------- attach, detach */

static void pool_free(pg_pool *p)
{
    if (p->listen_running) {
        char b = 1;
        while (write(p->stop_pipe[1], &b, 1) < 0 && errno == EINTR)
            ;
        pthread_join(p->listen_thread, NULL);
    }
    if (p->stop_pipe[0] >= 0) {
        close(p->stop_pipe[0]);
        close(p->stop_pipe[1]);
    }
    if (p->lease_running) {
        pthread_mutex_lock(&p->mu);
        p->stopping = true;
        pthread_cond_broadcast(&p->cv);
        pthread_mutex_unlock(&p->mu);
        pthread_join(p->lease_thread, NULL);
    }
    for (int i = 0; i < p->nidle; i++)
        PQfinish(p->idle[i]);
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->cv);
    free(p->conninfo);
    free(p);
}

ds_error ds_pg_attach(ds_store *s, const char *url, int lock_ms, char *msg, size_t msg_cap)
{
    if (strlen(url) > DS_STORE_URL_MAX) {
        say(msg, msg_cap, "the PostgreSQL url is too long.", NULL);
        return DS_ERR_USAGE;
    }
    pgh *h = calloc(1, sizeof *h);
    if (!h)
        return DS_ERR_NOMEM;
    pid_t me = getpid();
    pthread_mutex_lock(&pools_mu);
    pg_pool *p = pools;
    while (p && (p->pid != me || strcmp(p->url, url) != 0))
        p = p->next;
    if (!p) {
        p = calloc(1, sizeof *p);
        char why[128] = "out of memory";
        if (!p || !parse_url(p, url, why, sizeof why)) {
            pthread_mutex_unlock(&pools_mu);
            if (p)
                free(p->conninfo);
            free(p);
            free(h);
            say(msg, msg_cap, "the PostgreSQL url is not valid", why);
            return DS_ERR_USAGE;
        }
        p->pid = me;
        p->lock_ms = lock_ms > 0 ? lock_ms : 10000;
        ds_store_copy(p->url, sizeof p->url, url);
        unsigned char rnd[4] = {0};
        RAND_bytes(rnd, sizeof rnd);
        char host[48] = "";
        gethostname(host, sizeof host - 1);
        snprintf(p->node, sizeof p->node, "%.47s:%d:%02x%02x%02x%02x", host, (int)me, rnd[0], rnd[1],
                 rnd[2], rnd[3]);
        pthread_mutex_init(&p->mu, NULL);
        pthread_cond_init(&p->cv, NULL);
        if (pipe(p->stop_pipe) != 0)
            p->stop_pipe[0] = p->stop_pipe[1] = -1;
        else {
            fcntl(p->stop_pipe[0], F_SETFD, FD_CLOEXEC);
            fcntl(p->stop_pipe[1], F_SETFD, FD_CLOEXEC);
        }
        if (pthread_create(&p->lease_thread, NULL, lease_main, p) == 0)
            p->lease_running = true;
        p->next = pools;
        pools = p;
    }
    pthread_mutex_lock(&p->mu);
    bool room = p->nhandles < (int)(sizeof p->handles / sizeof p->handles[0]);
    if (room) {
        p->handles[p->nhandles++] = h;
        p->refs++;
    }
    pthread_mutex_unlock(&p->mu);
    pthread_mutex_unlock(&pools_mu);
    if (!room) {
        free(h);
        say(msg, msg_cap, "too many store handles are open in this process.", NULL);
        return DS_ERR_USAGE;
    }
    h->pool = p;
    s->impl = h;
    return DS_OK;
}

void ds_pg_detach(ds_store *s)
{
    pgh *h = PGH(s);
    if (!h)
        return;
    release(s);
    pg_pool *p = h->pool;
    pthread_mutex_lock(&pools_mu);
    pthread_mutex_lock(&p->mu);
    for (int i = 0; i < p->nhandles; i++)
        if (p->handles[i] == h) {
            p->handles[i] = p->handles[--p->nhandles];
            break;
        }
    bool last = --p->refs == 0;
    pthread_mutex_unlock(&p->mu);
    if (last) {
        pg_pool **pp = &pools;
        while (*pp && *pp != p)
            pp = &(*pp)->next;
        if (*pp)
            *pp = p->next;
    }
    pthread_mutex_unlock(&pools_mu);
    if (last)
        pool_free(p);
    free(h);
    s->impl = NULL;
}

const char *ds_pg_node(const ds_store *s) { return PGH(s)->pool->node; }

int ds_pg_lease_seconds(const ds_store *s) { return PGH(s)->pool->lease_s; }
