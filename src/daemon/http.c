/*
 * The HTTP API's server: libmicrohttpd with a pool of http_threads polling
 * threads, per-address connection limits, request deadlines, body intake
 * (raw or one multipart file part, parsed as it arrives by http_parse.c;
 * an upload spooled to a private file and hashed on the way, upload.h;
 * every body within the in-flight budget, max_inflight_body_bytes), and
 * the route table with the one dispatcher that walks it.
 *
 * Threads: every connection is served by one pool thread, and a thread
 * busy with a request (storing an upload, reading a report) accepts no new
 * connection, so other clients are served by the others. The callbacks
 * below therefore run on several threads at once: what they share (the
 * per-address counts, the connection deadlines, the configuration, the
 * metrics and the store pool) is only touched under its mutex; a request's
 * own state (ds_http_request) belongs to its connection's thread.
 *
 * The dispatcher answers, in this order and before any handler runs: 429
 * when the client's address has too many connections; 400, 414 or 431 when
 * the request's framing is in doubt (Content-Length headers that disagree)
 * or its target or headers are over our caps (then the connection is
 * closed); 503 shutting_down while the daemon drains its work on SIGTERM
 * (the listener stays open until then, /healthz answers its own 503); 404
 * when no route has the path, 405 when none of the routes that have it
 * allows the method, 401/403 when the route's roles need a token the
 * request does not carry, 413 when the body is over the route's cap. No
 * answer echoes the method, the path or a header.
 *
 * What this file cannot change: libmicrohttpd answers some malformed
 * requests itself, before any callback, with its own HTML pages: a request
 * line it cannot parse (400), a target or headers beyond its connection
 * memory (414/431), an HTTP version other than 1.0 and 1.1 (505), and
 * broken chunked framing. libmicrohttpd 0.9.75 has no option to replace
 * those pages, and cannot queue an answer while a body is being received
 * (a body refused part-way is answered once it is in); our caps below are set under its limits so that every
 * request it hands us is answered in JSON. The daemon context
 * reaches every callback through libmicrohttpd's `cls` pointers (the
 * ds_http this file starts), never through a global. Logs carry method,
 * route, status and ids, never bodies, case data or file names.
 */
#include "http.h"

#include <arpa/inet.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "base/base.h"
#include "check/case.h"
#include "http_api.h"

/* ------------------------------------------------------------ route table */

#define ROLE(r) (1u << (r))
#define SUBMITTERS (ROLE(DS_ROLE_STATION) | ROLE(DS_ROLE_HOOK))
#define OFFICER ROLE(DS_ROLE_OFFICER)
#define ADMIN ROLE(DS_ROLE_ADMIN)

/* The cap of a JSON request body other than a case record. */
#define JSON_BODY_MAX (64 * 1024)
/* Caps of a request's target and of all its header lines together, under
 * libmicrohttpd's connection memory (MHD_OPTION_CONNECTION_MEMORY_LIMIT),
 * so that we, not libmicrohttpd, answer a request over them. */
#define URL_MAX (8 * 1024)
#define HEADERS_MAX (32 * 1024)
#define CONN_MEMORY (256 * 1024)
/* A body_cap meaning the configuration's max_upload_bytes at the request's
 * start (a reload applies to the next request). */
#define UPLOAD_CAP SIZE_MAX

enum {
    /* The handler answers without a store handle too (st may be NULL). */
    OPT_STORE_OPTIONAL = 1u << 0,
    /* No token is needed while the configuration sets metrics_public. */
    OPT_METRICS_PUBLIC = 1u << 1,
    /* The body may be multipart/form-data; its one file part is the body. */
    OPT_MULTIPART = 1u << 2,
    /* The body is an upload: spooled to a file as it arrives (upload.h),
     * never held in memory. */
    OPT_SPOOL = 1u << 3,
};

typedef struct ds_http_route {
    const char *method;     /* "GET" answers HEAD too */
    /* "/"-separated segments, each a literal or a parameter: {case} (a case
     * id), {token} (a token name), {job} (a job id), {flag} (a flag index
     * below 100000), {page} ("N.png", N a page index below 10000), {asset}
     * (a file name of the review page: a-z 0-9 _ - and one extension). A
     * segment that is not a valid parameter does not match, so a bad id is
     * a 404. */
    const char *path;
    unsigned roles;         /* ROLE bits of the tokens allowed; 0: no token needed */
    size_t body_cap;        /* largest body in bytes; 0: the body is discarded */
    unsigned opts;          /* OPT_* */
    ds_http_handler handler;
} ds_http_route;

static const ds_http_route routes[] = {
    {"GET", "/healthz", 0, 0, OPT_STORE_OPTIONAL, ds_http_health},
    {"GET", "/metrics", OFFICER | ADMIN, 0, OPT_STORE_OPTIONAL | OPT_METRICS_PUBLIC,
     ds_http_metrics},
    {"PUT", "/v1/cases/{case}", SUBMITTERS, DS_CASE_FILE_MAX, 0, ds_http_case_put},
    {"GET", "/v1/cases/{case}", OFFICER, 0, 0, ds_http_case_get},
    {"DELETE", "/v1/cases/{case}", ADMIN, 0, 0, ds_http_case_delete},
    {"POST", "/v1/cases/{case}/documents", SUBMITTERS, UPLOAD_CAP, OPT_MULTIPART | OPT_SPOOL,
     ds_http_document_post},
    {"GET", "/v1/jobs/{job}", SUBMITTERS | OFFICER, 0, 0, ds_http_job_get},
    {"GET", "/v1/jobs/{job}/report", OFFICER, 0, 0, ds_http_report_get},
    {"POST", "/v1/jobs/{job}/flags/{flag}/decision", OFFICER, JSON_BODY_MAX, 0,
     ds_http_decision_post},
    {"GET", "/v1/review", OFFICER, 0, 0, ds_http_review_list},
    /* The officer's review page (http_review.c): its files need no token,
     * every call it makes does. */
    {"GET", "/review", 0, 0, OPT_STORE_OPTIONAL, ds_http_review_redirect},
    {"GET", "/review/", 0, 0, OPT_STORE_OPTIONAL, ds_http_review_asset},
    {"GET", "/review/{asset}", 0, 0, OPT_STORE_OPTIONAL, ds_http_review_asset},
    {"GET", "/v1/review/queue", OFFICER, 0, 0, ds_http_review_queue},
    {"GET", "/v1/flags", OFFICER, 0, 0, ds_http_flag_registry},
    {"GET", "/v1/jobs/{job}/pages/{page}", OFFICER, 0, 0, ds_http_page_image},
    {"GET", "/v1/jobs/{job}/decisions", OFFICER, 0, 0, ds_http_decision_list},
    {"POST", "/v1/jobs/{job}/decision", OFFICER, JSON_BODY_MAX, 0, ds_http_document_decision},
    {"POST", "/v1/jobs/{job}/flags/{flag}/escalation", OFFICER, JSON_BODY_MAX, 0,
     ds_http_flag_escalate},
    {"POST", "/v1/tokens", ADMIN, JSON_BODY_MAX, 0, ds_http_token_create},
    {"GET", "/v1/tokens", ADMIN, 0, 0, ds_http_token_list},
    {"DELETE", "/v1/tokens/{token}", ADMIN, 0, 0, ds_http_token_revoke},
    {"GET", "/v1/deliveries", ADMIN, 0, 0, ds_http_delivery_list},
    {"POST", "/v1/admin/reload", ADMIN, 0, 0, ds_http_reload},
};

/* True when url has the pattern's segments (ds_http_path_match); the
 * parameters go to q. */
static bool path_match(const char *pattern, const char *url, ds_http_request *q)
{
    ds_http_params p;
    memset(&p, 0, sizeof p);
    if (!ds_http_path_match(pattern, url, &p))
        return false;
    _Static_assert(sizeof p.id == sizeof q->id, "ds_http_params.id fits ds_http_request.id");
    memcpy(q->id, p.id, sizeof q->id);
    q->job_id = p.job_id;
    q->flag_index = p.flag_index;
    q->page_index = p.page_index;
    return true;
}

static bool method_is(const char *route_method, const char *method)
{
    return !strcmp(route_method, method) ||
           (!strcmp(route_method, "GET") && !strcmp(method, "HEAD"));
}

/* Sets q->route to the route of method and url and returns 0; returns 404
 * when no route has the path, 405 when none of those allows the method. */
static int route_find(const char *method, const char *url, ds_http_request *q)
{
    bool path_known = false;
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        if (!path_match(routes[i].path, url, q))
            continue;
        path_known = true;
        if (method_is(routes[i].method, method)) {
            q->route = &routes[i];
            return 0;
        }
    }
    return path_known ? 405 : 404;
}

/* ------------------------------------------------ per-address connections */

static void addr_text(const struct sockaddr *sa, char *out, size_t cap)
{
    out[0] = 0;
    if (!sa)
        return;
    if (sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, out, (socklen_t)cap);
    else if (sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, out, (socklen_t)cap);
}

static void conn_addr(struct MHD_Connection *c, char *out, size_t cap)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    addr_text(ci ? ci->client_addr : NULL, out, cap);
}

/* Adds delta to the address's count and returns the new count. */
static int addr_count(ds_http *h, const char *ip, int delta)
{
    int n = 0;
    pthread_mutex_lock(&h->addr_lock);
    int free_slot = -1;
    for (int i = 0; i < DS_HTTP_ADDR_SLOTS; i++) {
        if (h->addr[i].count > 0 && !strcmp(h->addr[i].ip, ip)) {
            h->addr[i].count += delta;
            n = h->addr[i].count;
            goto out;
        }
        if (free_slot < 0 && h->addr[i].count <= 0)
            free_slot = i;
    }
    if (delta > 0 && free_slot >= 0) {
        snprintf(h->addr[free_slot].ip, sizeof h->addr[free_slot].ip, "%s", ip);
        h->addr[free_slot].count = delta;
        n = delta;
    }
out:
    pthread_mutex_unlock(&h->addr_lock);
    return n;
}

/* ------------------------------------------------------ request deadlines */

/*
 * libmicrohttpd's connection timeout counts from a connection's last
 * activity, so a client that sends one byte every few seconds keeps a
 * connection, and with enough of them every connection, forever. Every
 * connection therefore has a deadline (ds_http_conn): request_deadline_s
 * after it opened, and again after each answer was sent, the next
 * request's head and body must have arrived whole. The sweeper thread
 * shuts the socket of a connection past its deadline down; libmicrohttpd
 * then sees the end of the stream and closes the connection itself, so the
 * connection is never freed behind its back. A slot is freed in the
 * CLOSED notification, which libmicrohttpd sends before it closes the
 * socket; the sweeper holds conn_lock while it shuts a socket down, so the
 * descriptor it acts on is still this connection's.
 */

static int64_t now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* The slot of connection c (NULL when it has none). */
static ds_http_conn *conn_slot(struct MHD_Connection *c)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return ci ? ci->socket_context : NULL;
}

/* Starts the deadline of c's next request (armed) or stops it while an
 * answer is being sent (not armed). */
static void conn_arm(ds_http *h, struct MHD_Connection *c, bool armed)
{
    ds_http_conn *slot = conn_slot(c);
    if (!slot)
        return;
    pthread_mutex_lock(&h->conn_lock);
    slot->deadline_ms = armed ? now_ms() + h->deadline_ms : 0;
    pthread_mutex_unlock(&h->conn_lock);
}

/* Takes a slot for a new connection; without a free one the connection
 * cannot be held to a deadline and is shut down at once. */
static void conn_open(ds_http *h, struct MHD_Connection *c, void **socket_context)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
    if (!ci)
        return;
    pthread_mutex_lock(&h->conn_lock);
    for (int i = 0; i < h->conn_slots; i++) {
        if (!h->conn[i].used) {
            h->conn[i] = (ds_http_conn){true, false, ci->connect_fd, now_ms() + h->deadline_ms};
            *socket_context = &h->conn[i];
            pthread_mutex_unlock(&h->conn_lock);
            return;
        }
    }
    shutdown(ci->connect_fd, SHUT_RDWR);
    pthread_mutex_unlock(&h->conn_lock);
}

static void conn_close(ds_http *h, void **socket_context)
{
    ds_http_conn *slot = *socket_context;
    if (!slot)
        return;
    pthread_mutex_lock(&h->conn_lock);
    slot->used = false;
    pthread_mutex_unlock(&h->conn_lock);
    *socket_context = NULL;
}

/* Shuts down every connection past its deadline, four times a second,
 * until sweeper_stop is set. */
static void *sweeper_main(void *arg)
{
    ds_http *h = arg;
    int cut = 0;
    pthread_mutex_lock(&h->conn_lock);
    while (!h->sweeper_stop) {
        int64_t now = now_ms();
        for (int i = 0; i < h->conn_slots; i++) {
            ds_http_conn *s = &h->conn[i];
            if (s->used && !s->cut && s->deadline_ms && now > s->deadline_ms) {
                shutdown(s->fd, SHUT_RDWR);
                s->cut = true;
                cut++;
            }
        }
        if (cut) {
            pthread_mutex_unlock(&h->conn_lock);
            ds_log(DS_LOG_INFO, "http", "closed %d connection(s) past the request deadline", cut);
            cut = 0;
            pthread_mutex_lock(&h->conn_lock);
        }
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += 250 * 1000000L;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&h->conn_cond, &h->conn_lock, &until);
    }
    pthread_mutex_unlock(&h->conn_lock);
    return NULL;
}

static void on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
                          enum MHD_ConnectionNotificationCode toe)
{
    ds_http *h = cls;
    char ip[INET6_ADDRSTRLEN];
    bool started = toe == MHD_CONNECTION_NOTIFY_STARTED;
    if (started)
        conn_open(h, c, socket_context);
    else
        conn_close(h, socket_context);
    conn_addr(c, ip, sizeof ip);
    if (ip[0])
        addr_count(h, ip, started ? 1 : -1);
}

/* ----------------------------------------------------------- body intake */

/* What a chunked body (no Content-Length) reserves of the budget at a time. */
#define BUDGET_STEP (1u << 20)
/* Bytes of multipart framing (boundaries, part headers, other parts) a
 * body may carry beyond its file part's cap. */
#define MULTIPART_SLACK (64u * 1024)
/* body_take's status when the spool file cannot be written (answered 503
 * store_unavailable, not busy). */
#define SPOOL_FAILED 1503

/* Takes n more bytes of the in-flight body budget for q; false when the
 * budget (all requests' bodies being received together) cannot give them. */
static bool budget_take(ds_http_request *q, uint64_t n)
{
    ds_metrics *m = &q->d->metrics;
    bool ok;
    pthread_mutex_lock(&m->lock);
    ok = (uint64_t)m->body_bytes_inflight + n <= q->budget;
    if (ok)
        m->body_bytes_inflight += (int64_t)n;
    else
        m->busy_refusals++;
    pthread_mutex_unlock(&m->lock);
    if (ok)
        q->reserved += n;
    return ok;
}

/* Gives back what q holds of the budget. */
static void budget_release(ds_http_request *q)
{
    if (!q->reserved)
        return;
    pthread_mutex_lock(&q->d->metrics.lock);
    q->d->metrics.body_bytes_inflight -= (int64_t)q->reserved;
    pthread_mutex_unlock(&q->d->metrics.lock);
    q->reserved = 0;
}

/* Drops what the body holds (memory or spool file); the budget too. */
static void body_drop(ds_http_request *q)
{
    free(q->body);
    q->body = NULL;
    q->len = q->cap = 0;
    ds_upload_discard(&q->spool);
    budget_release(q);
}

/* Appends data to the body: to the spool file for an upload, else to
 * memory. Past the cap the body is dropped and marked too large (answered
 * 413 once it is in). Returns 0, or the status to answer now: 503 when the
 * budget refuses the bytes, SPOOL_FAILED when the disk does, 500 when out
 * of memory. */
static int body_take(ds_http_request *q, const char *data, size_t n)
{
    if (q->too_large)
        return 0;
    if (q->len + n > q->body_cap) {
        q->too_large = true;
        body_drop(q);
        return 0;
    }
    if (q->len + n > q->reserved) {
        uint64_t more = q->len + n - q->reserved;
        if (more < BUDGET_STEP)
            more = BUDGET_STEP;
        if (q->reserved + more > q->body_cap)
            more = q->body_cap - q->reserved;
        if (!budget_take(q, more))
            return 503;
    }
    if (q->spooled) {
        if (q->spool.fd < 0 && ds_upload_open(&q->spool, q->d->tmp_dir) != DS_OK) {
            ds_log(DS_LOG_ERROR, "http", "cannot create an upload file in the scratch folder");
            return SPOOL_FAILED;
        }
        if (ds_upload_write(&q->spool, data, n) != DS_OK) {
            ds_log(DS_LOG_ERROR, "http", "cannot write an upload to the scratch folder");
            return SPOOL_FAILED;
        }
        q->len += n;
        return 0;
    }
    if (q->len + n + 1 > q->cap) {
        size_t nc = q->cap ? q->cap : 64 * 1024;
        while (nc < q->len + n + 1)
            nc *= 2;
        if (nc > q->body_cap + 1)
            nc = q->body_cap + 1;
        char *nb = realloc(q->body, nc);
        if (!nb)
            return 500;
        q->body = nb;
        q->cap = nc;
    }
    memcpy(q->body + q->len, data, n);
    q->len += n;
    q->body[q->len] = 0;
    return 0;
}

/* The multipart parser's sink: keeps the bytes of the first file part (a
 * part with a file name, or named "file" or "document") and counts the
 * file parts; every other part is read past. */
static bool mp_begin(void *cls, const char *name, const char *filename)
{
    ds_http_request *q = cls;
    bool is_file = filename != NULL || (name && (!strcmp(name, "file") || !strcmp(name, "document")));
    q->in_file = false;
    if (!is_file)
        return true;
    if (++q->file_parts > 1)
        return true;
    q->in_file = true;
    if (filename && !ds_http_clean_filename(filename, q->filename, sizeof q->filename))
        q->filename_bad = true;
    return true;
}

static bool mp_data(void *cls, const char *data, size_t n)
{
    ds_http_request *q = cls;
    if (!q->in_file)
        return true;
    q->fail = body_take(q, data, n);
    return q->fail == 0;
}

static bool mp_end(void *cls)
{
    ds_http_request *q = cls;
    q->in_file = false;
    return true;
}

/* Takes the next piece of the body; 0, or the status to answer now. */
static int body_piece(ds_http_request *q, const char *data, size_t n)
{
    if (!q->mp)
        return body_take(q, data, n);
    q->raw += n;
    if (q->raw > (uint64_t)q->body_cap + MULTIPART_SLACK && !q->too_large) {
        q->too_large = true;
        body_drop(q);
    }
    if (q->too_large)
        return 0;
    switch (ds_mp_feed(q->mp, data, n)) {
    case DS_MP_MORE:
        return 0;
    case DS_MP_MALFORMED:
        return 400;
    default:
        return q->fail ? q->fail : 500;
    }
}

/* Answers the failure of a body step (body_piece's status), once the body
 * is in: libmicrohttpd 0.9.75 cannot queue an answer while a body is
 * being received, so the rest of it is read and discarded (no memory, no
 * disk; the request deadline still holds). */
static enum MHD_Result body_refuse(ds_http_request *q, int status)
{
    q->answered = true;
    q->close_after = true;
    body_drop(q);
    if (status == 400)
        return ds_http_send_error(q, 400, "invalid_multipart", "The multipart body is malformed.");
    if (status == SPOOL_FAILED)
        return ds_http_send_error(q, 503, "store_unavailable",
                                  "The upload could not be written to disk; retry later.");
    if (status == 503)
        return ds_http_send_error(q, 503, "busy",
                                  "The service is receiving too many request bodies; retry later.");
    return ds_http_send_error(q, 500, "internal", "The request could not be received.");
}

/* ------------------------------------------------------------- dispatch */

/* What framing_check learns of a request's header lines (or, visiting
 * the query's arguments, of the query: its bytes only). */
typedef struct header_scan {
    size_t bytes;              /* names and values together */
    const char *content_length; /* the first Content-Length value */
    bool cl_conflict;          /* a later Content-Length differs from the first */
} header_scan;

static enum MHD_Result header_visit(void *cls, enum MHD_ValueKind kind, const char *key,
                                   const char *value)
{
    header_scan *hs = cls;
    (void)kind;
    hs->bytes += (key ? strlen(key) : 0) + (value ? strlen(value) : 0) + 4;
    if (key && value && !strcasecmp(key, "Content-Length")) {
        if (!hs->content_length)
            hs->content_length = value;
        else if (strcmp(hs->content_length, value) != 0)
            hs->cl_conflict = true;
    }
    return MHD_YES;
}

/* Answers a request whose framing or size is in doubt (and closes its
 * connection); returns 0 when there is nothing to answer. */
static int framing_check(ds_http_request *q, const char *url, const char **code,
                         const char **msg)
{
    header_scan hs = {0, NULL, false}, args = {0, NULL, false};
    MHD_get_connection_values(q->conn, MHD_HEADER_KIND, header_visit, &hs);
    MHD_get_connection_values(q->conn, MHD_GET_ARGUMENT_KIND, header_visit, &args);
    if (strlen(url) + args.bytes > URL_MAX) {
        *code = "uri_too_long";
        *msg = "The request target is too long.";
        return 414;
    }
    if (hs.bytes > HEADERS_MAX) {
        *code = "headers_too_large";
        *msg = "The request's header fields are too large.";
        return 431;
    }
    if (hs.cl_conflict) {
        *code = "bad_request";
        *msg = "The request has Content-Length headers that disagree.";
        return 400;
    }
    return 0;
}

/* Looks up the bearer token and checks its role against q->roles; on
 * failure *status and *code say what to answer (401, 403 or 503). */
static bool authenticate(ds_http_request *q, ds_store *st, int *status, const char **code)
{
    const char *h = MHD_lookup_connection_value(q->conn, MHD_HEADER_KIND, "Authorization");
    if (!h || strncasecmp(h, "Bearer ", 7) != 0 || !h[7] || strlen(h + 7) > 512) {
        *status = 401;
        *code = "unauthorized";
        return false;
    }
    ds_error err = ds_store_token_lookup(st, h + 7, &q->tok);
    if (err == DS_ERR_NO_RECORD) {
        *status = 401;
        *code = "unauthorized";
        return false;
    }
    if (err != DS_OK) {
        *status = 503;
        *code = "store_unavailable";
        return false;
    }
    q->authed = true;
    if (!(q->roles & ROLE(q->tok.role))) {
        *status = 403;
        *code = "forbidden";
        return false;
    }
    return true;
}

/* The first call of a request, headers in, body not yet: every check that
 * does not need the body. An answer sent here marks q answered. */
static enum MHD_Result request_begin(ds_http *h, ds_http_request *q, const char *url,
                                     const char *method)
{
    int per_ip;
    int64_t max_upload;
    bool metrics_public;
    pthread_mutex_lock(&h->d->conf_lock);
    per_ip = h->d->conf.max_connections_per_ip;
    max_upload = h->d->conf.max_upload_bytes;
    q->budget = (uint64_t)h->d->conf.max_inflight_body_bytes;
    metrics_public = h->d->conf.metrics_public;
    pthread_mutex_unlock(&h->d->conf_lock);

    conn_addr(q->conn, q->ip, sizeof q->ip);
    if (q->ip[0] && addr_count(h, q->ip, 0) > per_ip) {
        q->answered = true;
        return ds_http_send_error(q, 429, "too_many_connections",
                                  "Too many connections from this address (limit %d).", per_ip);
    }
    const char *fcode = NULL, *fmsg = NULL;
    int fs = framing_check(q, url, &fcode, &fmsg);
    if (fs) {
        q->answered = true;
        q->close_after = true;
        return ds_http_send_error(q, fs, fcode, "%s", fmsg);
    }
    int rs = route_find(method, url, q);
    if (atomic_load(&h->d->stopping) && !(rs == 0 && q->route->handler == ds_http_health)) {
        q->answered = true;
        q->close_after = true;
        return ds_http_send_error(q, 503, "shutting_down",
                                  "The service is shutting down; retry later.");
    }
    if (rs == 404) {
        q->answered = true;
        return ds_http_send_error(q, 404, "not_found", "No such endpoint.");
    }
    if (rs == 405) {
        q->answered = true;
        return ds_http_send_error(q, 405, "method_not_allowed",
                                  "The endpoint does not allow this method.");
    }
    const ds_http_route *r = q->route;
    q->roles = (r->opts & OPT_METRICS_PUBLIC) && metrics_public ? 0 : r->roles;
    if (q->roles) {
        ds_store *st = ds_daemon_store_get(q->d);
        int status = 503;
        const char *code = "store_unavailable";
        bool ok = st && authenticate(q, st, &status, &code);
        ds_daemon_store_put(q->d, st);
        if (!ok) {
            q->answered = true;
            if (status == 401)
                return ds_http_send_error(q, 401, code, "A valid bearer token is required.");
            if (status == 403)
                return ds_http_send_error(q, 403, code, "The token's role (%s) may not do this.",
                                          ds_role_name(q->tok.role));
            return ds_http_send_error(q, status, code, "The store is unavailable; retry later.");
        }
    }
    if (!r->body_cap)
        return MHD_YES;
    q->body_cap = r->body_cap == UPLOAD_CAP ? (size_t)max_upload : r->body_cap;
    q->spooled = (r->opts & OPT_SPOOL) != 0;
    const char *cl = MHD_lookup_connection_value(q->conn, MHD_HEADER_KIND, "Content-Length");
    uint64_t n = 0;
    /* a value libmicrohttpd accepted; the disagreeing ones were refused above */
    if (cl && ds_http_content_length(cl, &n) && n > q->body_cap) {
        q->answered = true;
        return ds_http_send_error(q, 413, "payload_too_large",
                                  "The body is larger than the limit of %zu bytes.", q->body_cap);
    }
    /* The declared body is reserved whole before a byte of it is read; a
     * body without a length reserves as it arrives (body_take). Over the
     * budget, a client waiting for "100 Continue" is answered at once and
     * sends nothing; any other is already sending its body, which is read
     * and dropped, so that it gets the answer rather than a reset. */
    if (n && !budget_take(q, n)) {
        const char *expect = MHD_lookup_connection_value(q->conn, MHD_HEADER_KIND, "Expect");
        if (expect && !strcasecmp(expect, "100-continue")) {
            q->answered = true;
            q->close_after = true;
            return ds_http_send_error(
                q, 503, "busy", "The service is receiving too many request bodies; retry later.");
        }
        q->fail = 503;
        return MHD_YES;
    }
    const char *ct = MHD_lookup_connection_value(q->conn, MHD_HEADER_KIND, "Content-Type");
    if ((r->opts & OPT_MULTIPART) && ct && !strncasecmp(ct, "multipart/form-data", 19)) {
        char boundary[DS_MP_BOUNDARY_MAX + 1];
        q->multipart = true;
        q->mp = ds_mp_boundary(ct, boundary) ? malloc(sizeof *q->mp) : NULL;
        if (!q->mp) {
            q->answered = true;
            return ds_http_send_error(q, 400, "invalid_multipart",
                                      "The multipart body has no valid boundary.");
        }
        ds_mp_sink sink = {mp_begin, mp_data, mp_end, q};
        ds_mp_init(q->mp, boundary, &sink);
    }
    return MHD_YES;
}

/* The last call of a request, the whole body in: the route's handler. A
 * multipart body must have ended with its closing boundary: one cut short
 * is refused whole, never screened in part. */
static enum MHD_Result request_finish(ds_http_request *q)
{
    q->answered = true;
    if (q->too_large)
        return ds_http_send_error(q, 413, "payload_too_large",
                                  "The body is larger than the limit of %zu bytes.", q->body_cap);
    if (q->mp && !ds_mp_complete(q->mp)) {
        body_drop(q);
        return ds_http_send_error(q, 400, "invalid_multipart",
                                  "The multipart body is incomplete: it has no closing "
                                  "boundary.");
    }
    if (q->spool.fd >= 0 && ds_upload_finish(&q->spool) != DS_OK) {
        ds_log(DS_LOG_ERROR, "http", "cannot flush an upload to the scratch folder");
        body_drop(q);
        return ds_http_send_error(q, 503, "store_unavailable",
                                  "The upload could not be written to disk; retry later.");
    }
    ds_store *st = ds_daemon_store_get(q->d);
    if (!st && !(q->route->opts & OPT_STORE_OPTIONAL))
        return ds_http_send_error(q, 503, "store_unavailable",
                                  "The store is unavailable; retry later.");
    enum MHD_Result r = q->route->handler(q, st);
    ds_daemon_store_put(q->d, st);
    return r;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_data_size,
                                  void **req_cls)
{
    ds_http *h = cls;
    ds_http_request *q = *req_cls;
    if (!q) {
        q = calloc(1, sizeof *q);
        if (!q)
            return MHD_NO;
        q->conn = c;
        q->d = h->d;
        ds_upload_init(&q->spool);
        *req_cls = q;
        return request_begin(h, q, url, method);
    }
    if (q->answered) {
        if (*upload_data_size == 0)
            conn_arm(h, c, false);
        *upload_data_size = 0; /* discard the rest of a refused body */
        return MHD_YES;
    }
    if (*upload_data_size > 0) {
        if (!q->body_cap || q->fail) {
            *upload_data_size = 0; /* no body wanted, or one already refused */
            return MHD_YES;
        }
        int fail = body_piece(q, upload_data, *upload_data_size);
        *upload_data_size = 0;
        if (fail) {
            q->fail = fail;
            body_drop(q);
        }
        return MHD_YES;
    }
    conn_arm(h, c, false); /* the request is in whole: its deadline is met */
    if (q->fail)
        return body_refuse(q, q->fail);
    return request_finish(q);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **req_cls,
                         enum MHD_RequestTerminationCode toe)
{
    ds_http_request *q = *req_cls;
    conn_arm(cls, c, true); /* the deadline of the connection's next request */
    if (!q)
        return;
    body_drop(q);
    free(q->mp);
    memset(&q->tok, 0, sizeof q->tok);
    free(q);
    *req_cls = NULL;
}

static void mhd_log(void *cls, const char *fmt, va_list ap)
{
    char msg[512];
    vsnprintf(msg, sizeof msg, fmt, ap);
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == '\r'))
        msg[--n] = 0;
    ds_log(DS_LOG_DEBUG, "mhd", "%s", msg);
}

/* --------------------------------------------------------------- server */

static char *slurp(const char *path)
{
    uint8_t *data = NULL;
    size_t len = 0;
    if (ds_read_file(path, 1 << 20, &data, &len) != DS_OK)
        return NULL;
    char *s = realloc(data, len + 1);
    if (!s) {
        free(data);
        return NULL;
    }
    s[len] = 0;
    return s;
}

ds_error ds_http_start(ds_http *h, ds_daemon_ctx *d)
{
    ds_error err = DS_OK;
    h->d = d;
    pthread_mutex_init(&h->addr_lock, NULL);
    pthread_mutex_init(&h->conn_lock, NULL);
    pthread_cond_init(&h->conn_cond, NULL);
    ds_conf conf;
    ds_daemon_conf(d, &conf);
    h->deadline_ms = (int64_t)conf.request_deadline_s * 1000;
    /* libmicrohttpd holds at most max_connections; the margin covers a
     * connection it has counted out but not yet notified as closed. */
    h->conn_slots = conf.max_connections + 64;
    h->conn = calloc((size_t)h->conn_slots, sizeof *h->conn);
    if (!h->conn) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    if (pthread_create(&h->sweeper, NULL, sweeper_main, h) != 0) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    h->sweeper_started = true;
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons((uint16_t)conf.port);
    if (inet_pton(AF_INET, conf.listen_address, &sa.sin_addr) != 1) {
        ds_log(DS_LOG_ERROR, "http", "listen: not an IPv4 address");
        err = DS_ERR_USAGE;
        goto out;
    }
    unsigned flags = MHD_USE_AUTO | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ITC |
                     MHD_USE_ERROR_LOG;
    if (conf.tls_cert[0]) {
        h->tls_cert = slurp(conf.tls_cert);
        h->tls_key = slurp(conf.tls_key);
        if (!h->tls_cert || !h->tls_key) {
            ds_log(DS_LOG_ERROR, "http", "cannot read tls_cert or tls_key");
            err = DS_ERR_IO;
            goto out;
        }
        flags |= MHD_USE_TLS;
    }
    struct MHD_OptionItem tls_opts[] = {
        {h->tls_cert ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END, 0, h->tls_cert},
        {h->tls_key ? MHD_OPTION_HTTPS_MEM_KEY : MHD_OPTION_END, 0, h->tls_key},
        {MHD_OPTION_END, 0, NULL}};
    /* libmicrohttpd splits max_connections among the threads; each needs
     * a share. */
    int threads = conf.http_threads < conf.max_connections ? conf.http_threads
                                                           : conf.max_connections;
    struct MHD_Daemon *m = MHD_start_daemon(
        flags, 0, NULL, NULL, on_request, h, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)threads,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)conf.max_connections,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)(conf.max_connections_per_ip * 2),
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)conf.request_timeout_s,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONN_MEMORY, MHD_OPTION_NOTIFY_COMPLETED,
        on_completed, h, MHD_OPTION_NOTIFY_CONNECTION, on_connection, h,
        MHD_OPTION_EXTERNAL_LOGGER, mhd_log, h, MHD_OPTION_ARRAY, tls_opts, MHD_OPTION_END);
    if (!m) {
        ds_log(DS_LOG_ERROR, "http", "cannot listen on %s:%d", conf.listen_address, conf.port);
        err = DS_ERR_IO;
        goto out;
    }
    const union MHD_DaemonInfo *di = MHD_get_daemon_info(m, MHD_DAEMON_INFO_BIND_PORT);
    h->port = di ? di->port : conf.port;
    h->mhd = m;
    ds_log(DS_LOG_INFO, "http", "listening on %s:%d (%s)", conf.listen_address, h->port,
           conf.tls_cert[0] ? "https" : "http");
out:
    if (err != DS_OK)
        ds_http_stop(h);
    return err;
}

void ds_http_stop(ds_http *h)
{
    if (!h->d)
        return;
    if (h->mhd)
        MHD_stop_daemon(h->mhd);
    h->mhd = NULL;
    if (h->sweeper_started) {
        pthread_mutex_lock(&h->conn_lock);
        h->sweeper_stop = true;
        pthread_cond_signal(&h->conn_cond);
        pthread_mutex_unlock(&h->conn_lock);
        pthread_join(h->sweeper, NULL);
        h->sweeper_started = false;
    }
    free(h->conn);
    h->conn = NULL;
    pthread_mutex_destroy(&h->conn_lock);
    pthread_cond_destroy(&h->conn_cond);
    free(h->tls_cert);
    free(h->tls_key);
    h->tls_cert = h->tls_key = NULL;
    pthread_mutex_destroy(&h->addr_lock);
    h->d = NULL;
}
