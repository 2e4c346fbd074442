/*
 * The HTTP API on libmicrohttpd (one internal polling thread): routing,
 * bearer-token access by role, body caps, per-address connection limits,
 * JSON errors with stable codes, and the handlers of every /v1 endpoint.
 *
 * Contract (docs/daemon.md): every answer is JSON except /metrics; an error
 * is {"error":{"code","message"}} with a code from the fixed list below and
 * never echoes a value from the request. A submission is answered 202 only
 * after ds_store_submit has committed the file and its job. Every read of a
 * report and every decision is appended to the audit log before it is
 * answered. Logs carry method, route, status and ids, never bodies, case
 * data or file names.
 */
#include "daemon.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include <jansson.h>
#include <microhttpd.h>

#include "base/base.h"
#include "check/case.h"

#define JSON_BODY_MAX (64 * 1024)
#define IP_SLOTS 1024

/* ------------------------------------------------ per-address connections */

typedef struct ip_slot {
    char ip[INET6_ADDRSTRLEN];
    int count;
} ip_slot;

static pthread_mutex_t g_ip_lock = PTHREAD_MUTEX_INITIALIZER;
static ip_slot g_ip[IP_SLOTS];

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
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    addr_text(ci ? ci->client_addr : NULL, out, cap);
}

/* Adds delta to the address's count and returns the new count. */
static int ip_count(const char *ip, int delta)
{
    int n = 0;
    pthread_mutex_lock(&g_ip_lock);
    int free_slot = -1;
    for (int i = 0; i < IP_SLOTS; i++) {
        if (g_ip[i].count > 0 && !strcmp(g_ip[i].ip, ip)) {
            g_ip[i].count += delta;
            n = g_ip[i].count;
            goto out;
        }
        if (free_slot < 0 && g_ip[i].count <= 0)
            free_slot = i;
    }
    if (delta > 0 && free_slot >= 0) {
        snprintf(g_ip[free_slot].ip, sizeof g_ip[free_slot].ip, "%s", ip);
        g_ip[free_slot].count = delta;
        n = delta;
    }
out:
    pthread_mutex_unlock(&g_ip_lock);
    return n;
}

static void on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
                          enum MHD_ConnectionNotificationCode toe)
{
    char ip[INET6_ADDRSTRLEN];
    conn_addr(c, ip, sizeof ip);
    if (!ip[0])
        return;
    ip_count(ip, toe == MHD_CONNECTION_NOTIFY_STARTED ? 1 : -1);
}

/* ------------------------------------------------------------- requests */

enum route {
    R_NONE = 0, R_HEALTH, R_METRICS, R_CASE_PUT, R_CASE_GET, R_DOC_POST, R_JOB_GET,
    R_REPORT_GET, R_DECISION_POST, R_REVIEW_GET, R_TOKEN_POST, R_TOKEN_LIST, R_TOKEN_DELETE,
    R_DELIVERIES_GET, R_RELOAD_POST
};

#define ROLE(r) (1u << (r))
#define SUBMITTERS (ROLE(DS_ROLE_STATION) | ROLE(DS_ROLE_HOOK))
#define OFFICER ROLE(DS_ROLE_OFFICER)
#define ADMIN ROLE(DS_ROLE_ADMIN)

typedef struct req {
    enum route route;
    unsigned roles;         /* who may call it; 0: no token needed */
    bool has_body;
    size_t body_cap;
    char id[DS_STORE_CASE_ID_MAX + 1];  /* case id or token name */
    int64_t job_id;
    int flag_index;
    ds_token tok;
    bool authed;
    bool answered;           /* a response was queued on the first call */
    char *body;
    size_t len, cap;
    bool too_large;
    struct MHD_PostProcessor *pp;
    bool multipart;
    int file_parts;
    bool in_file;
    char filename[DS_STORE_FILENAME_MAX + 1];
    char ip[INET6_ADDRSTRLEN];
} req;

static ds_daemon *g_d;
static char *g_tls_cert, *g_tls_key;

static void count_status(int status)
{
    pthread_mutex_lock(&g_d->metrics.lock);
    if (status >= 100 && status < 600)
        g_d->metrics.http_requests[status / 100]++;
    pthread_mutex_unlock(&g_d->metrics.lock);
}

static enum MHD_Result send_text(struct MHD_Connection *c, int status, const char *ctype,
                                 const char *text, size_t len, const char *location)
{
    struct MHD_Response *r =
        MHD_create_response_from_buffer(len, (void *)text, MHD_RESPMEM_MUST_COPY);
    if (!r)
        return MHD_NO;
    MHD_add_response_header(r, "Content-Type", ctype);
    MHD_add_response_header(r, "Cache-Control", "no-store");
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    if (location)
        MHD_add_response_header(r, "Location", location);
    if (status == 401)
        MHD_add_response_header(r, "WWW-Authenticate", "Bearer realm=\"docscreen\"");
    enum MHD_Result ret = MHD_queue_response(c, (unsigned)status, r);
    MHD_destroy_response(r);
    count_status(status);
    return ret;
}

/* Sends o (steals the reference). */
static enum MHD_Result send_json(struct MHD_Connection *c, int status, json_t *o,
                                 const char *location)
{
    char *text = o ? json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(6)) : NULL;
    json_decref(o);
    if (!text)
        return send_text(c, 500, "application/json",
                         "{\"error\":{\"code\":\"internal\",\"message\":\"out of memory\"}}", 56,
                         NULL);
    enum MHD_Result r = send_text(c, status, "application/json", text, strlen(text), location);
    free(text);
    return r;
}

static enum MHD_Result send_error(struct MHD_Connection *c, int status, const char *code,
                                  const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static enum MHD_Result send_error(struct MHD_Connection *c, int status, const char *code,
                                  const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return send_json(c, status, json_pack("{s:{s:s,s:s}}", "error", "code", code, "message", msg),
                     NULL);
}

static enum MHD_Result send_store_error(struct MHD_Connection *c, ds_store *st, ds_error err)
{
    switch (err) {
    case DS_ERR_NO_RECORD:
        return send_error(c, 404, "not_found", "No such record.");
    case DS_ERR_CONFLICT:
        return send_error(c, 409, "conflict", "The request conflicts with the stored state.");
    case DS_ERR_TOO_LARGE:
        return send_error(c, 413, "payload_too_large", "A value is larger than its limit.");
    case DS_ERR_USAGE:
        return send_error(c, 400, "bad_request", "The request is not valid.");
    default:
        ds_log(DS_LOG_ERROR, "http", "store: %s: %s", ds_error_name(err),
               st ? ds_store_errmsg(st) : "");
        return send_error(c, 503, "store_unavailable",
                          "The store could not complete the request; retry later.");
    }
}

/* ------------------------------------------------------------- routing */

static bool id_ok(const char *s, size_t n, size_t max)
{
    if (n == 0 || n > max)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (!isalnum(ch) && ch != '-' && ch != '_' && ch != '.' && ch != ':')
            return false;
    }
    return !(n == 1 && s[0] == '.') && !(n == 2 && s[0] == '.' && s[1] == '.');
}

static bool parse_i64(const char *s, size_t n, int64_t *out)
{
    if (n == 0 || n > 18)
        return false;
    int64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return v > 0 || (n == 1 && s[0] == '0');
}

/* Splits url into at most 6 segments. */
static int split(const char *url, const char *seg[6], size_t len[6])
{
    int n = 0;
    const char *p = url;
    if (*p != '/')
        return -1;
    while (*p) {
        p++;
        const char *e = strchr(p, '/');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (n == 6)
            return -1;
        seg[n] = p;
        len[n] = l;
        n++;
        p += l;
    }
    return n;
}

static bool seg_is(const char *s, size_t n, const char *lit)
{
    return strlen(lit) == n && !memcmp(s, lit, n);
}

/* Fills route, roles and parameters; returns 0, or 404/405 for no route. */
static int route_of(const char *url, const char *method, req *q)
{
    const char *seg[6];
    size_t len[6];
    int n = split(url, seg, len);
    bool get = !strcmp(method, "GET") || !strcmp(method, "HEAD");
    bool post = !strcmp(method, "POST"), put = !strcmp(method, "PUT"),
         del = !strcmp(method, "DELETE");
    if (n == 1 && seg_is(seg[0], len[0], "healthz")) {
        q->route = R_HEALTH;
        return get ? 0 : 405;
    }
    if (n == 1 && seg_is(seg[0], len[0], "metrics")) {
        q->route = R_METRICS;
        q->roles = OFFICER | ADMIN;
        return get ? 0 : 405;
    }
    if (n < 2 || !seg_is(seg[0], len[0], "v1"))
        return 404;
    if (seg_is(seg[1], len[1], "cases") && n >= 3) {
        if (!id_ok(seg[2], len[2], DS_STORE_CASE_ID_MAX))
            return 404;
        memcpy(q->id, seg[2], len[2]);
        q->id[len[2]] = 0;
        if (n == 3) {
            if (put) {
                q->route = R_CASE_PUT;
                q->roles = SUBMITTERS;
                q->has_body = true;
                q->body_cap = DS_CASE_FILE_MAX;
                return 0;
            }
            q->route = R_CASE_GET;
            q->roles = OFFICER;
            return get ? 0 : 405;
        }
        if (n == 4 && seg_is(seg[3], len[3], "documents")) {
            q->route = R_DOC_POST;
            q->roles = SUBMITTERS;
            q->has_body = true;
            return post ? 0 : 405;
        }
        return 404;
    }
    if (seg_is(seg[1], len[1], "jobs") && n >= 3) {
        if (!parse_i64(seg[2], len[2], &q->job_id))
            return 404;
        if (n == 3) {
            q->route = R_JOB_GET;
            q->roles = SUBMITTERS | OFFICER;
            return get ? 0 : 405;
        }
        if (n == 4 && seg_is(seg[3], len[3], "report")) {
            q->route = R_REPORT_GET;
            q->roles = OFFICER;
            return get ? 0 : 405;
        }
        int64_t fi;
        if (n == 6 && seg_is(seg[3], len[3], "flags") && parse_i64(seg[4], len[4], &fi) &&
            fi < 100000 && seg_is(seg[5], len[5], "decision")) {
            q->flag_index = (int)fi;
            q->route = R_DECISION_POST;
            q->roles = OFFICER;
            q->has_body = true;
            q->body_cap = JSON_BODY_MAX;
            return post ? 0 : 405;
        }
        return 404;
    }
    if (n == 2 && seg_is(seg[1], len[1], "review")) {
        q->route = R_REVIEW_GET;
        q->roles = OFFICER;
        return get ? 0 : 405;
    }
    if (seg_is(seg[1], len[1], "tokens")) {
        q->roles = ADMIN;
        if (n == 2) {
            if (post) {
                q->route = R_TOKEN_POST;
                q->has_body = true;
                q->body_cap = JSON_BODY_MAX;
                return 0;
            }
            q->route = R_TOKEN_LIST;
            return get ? 0 : 405;
        }
        if (n == 3 && id_ok(seg[2], len[2], DS_STORE_NAME_MAX)) {
            memcpy(q->id, seg[2], len[2]);
            q->id[len[2]] = 0;
            q->route = R_TOKEN_DELETE;
            return del ? 0 : 405;
        }
        return 404;
    }
    if (n == 2 && seg_is(seg[1], len[1], "deliveries")) {
        q->route = R_DELIVERIES_GET;
        q->roles = ADMIN;
        return get ? 0 : 405;
    }
    if (n == 3 && seg_is(seg[1], len[1], "admin") && seg_is(seg[2], len[2], "reload")) {
        q->route = R_RELOAD_POST;
        q->roles = ADMIN;
        return post ? 0 : 405;
    }
    return 404;
}

/* ----------------------------------------------------------- body intake */

static bool body_append(req *q, const char *data, size_t n)
{
    if (q->too_large)
        return true;
    if (q->len + n > q->body_cap) {
        q->too_large = true;
        free(q->body);
        q->body = NULL;
        q->len = q->cap = 0;
        return true;
    }
    if (q->len + n + 1 > q->cap) {
        size_t nc = q->cap ? q->cap : 64 * 1024;
        while (nc < q->len + n + 1)
            nc *= 2;
        if (nc > q->body_cap + 1)
            nc = q->body_cap + 1;
        char *nb = realloc(q->body, nc);
        if (!nb)
            return false;
        q->body = nb;
        q->cap = nc;
    }
    memcpy(q->body + q->len, data, n);
    q->len += n;
    q->body[q->len] = 0;
    return true;
}

static void clean_filename(const char *in, char *out, size_t cap)
{
    const char *slash = strrchr(in, '/');
    if (slash)
        in = slash + 1;
    const char *bs = strrchr(in, '\\');
    if (bs)
        in = bs + 1;
    size_t o = 0;
    for (; *in && o + 1 < cap; in++) {
        unsigned char ch = (unsigned char)*in;
        out[o++] = (ch < 0x20 || ch == 0x7f) ? '_' : (char)ch;
    }
    out[o] = 0;
    /* never cut inside a UTF-8 sequence */
    while (o > 0 && ((unsigned char)out[o - 1] & 0xc0) == 0x80 && *in)
        out[--o] = 0;
    if (o > 0 && ((unsigned char)out[o - 1] & 0xc0) == 0xc0 && *in)
        out[--o] = 0;
}

static enum MHD_Result post_iter(void *cls, enum MHD_ValueKind kind, const char *key,
                                 const char *filename, const char *content_type,
                                 const char *transfer_encoding, const char *data, uint64_t off,
                                 size_t size)
{
    req *q = cls;
    bool is_file = filename != NULL || (key && (!strcmp(key, "file") || !strcmp(key, "document")));
    if (!is_file)
        return MHD_YES;
    if (off == 0) {
        if (q->in_file || q->file_parts > 0) {
            q->file_parts++;
            q->in_file = false;
            return MHD_YES;
        }
        q->file_parts = 1;
        q->in_file = true;
        if (filename)
            clean_filename(filename, q->filename, sizeof q->filename);
    }
    if (!q->in_file || q->file_parts > 1)
        return MHD_YES;
    return body_append(q, data, size) ? MHD_YES : MHD_NO;
}

/* ------------------------------------------------------------- handlers */

static const char *jstr(json_t *o, const char *k)
{
    const char *s = json_string_value(json_object_get(o, k));
    return s ? s : "";
}

static enum MHD_Result h_health(struct MHD_Connection *c)
{
    ds_store *st = ds_daemon_store_get(g_d);
    int64_t depth = -1;
    bool ok = st && ds_store_queue_depth(st, &depth) == DS_OK;
    ds_daemon_store_put(g_d, st);
    bool stopping = atomic_load(&g_d->stopping);
    return send_json(c, ok && !stopping ? 200 : 503,
                     json_pack("{s:s,s:s,s:I,s:i,s:b}", "status",
                               stopping ? "stopping" : ok ? "ok" : "store_unavailable", "version",
                               ds_version(), "queue_depth", (json_int_t)depth, "workers",
                               g_d->worker_count, "store_ok", ok),
                     NULL);
}

static enum MHD_Result h_metrics(struct MHD_Connection *c)
{
    ds_store *st = ds_daemon_store_get(g_d);
    char *text = ds_metrics_render(g_d, st);
    ds_daemon_store_put(g_d, st);
    if (!text)
        return send_error(c, 500, "internal", "Out of memory.");
    enum MHD_Result r =
        send_text(c, 200, "text/plain; version=0.0.4; charset=utf-8", text, strlen(text), NULL);
    free(text);
    return r;
}

static enum MHD_Result h_case_put(struct MHD_Connection *c, req *q, ds_store *st)
{
    ds_case cr;
    char msg[DS_CASE_MSG_MAX];
    if (!q->body || q->len == 0)
        return send_error(c, 400, "invalid_json", "The body must be a case record (JSON).");
    ds_error err = ds_case_parse(q->body, q->len, &cr, msg, sizeof msg);
    if (err == DS_ERR_JSON)
        return send_error(c, 400, "invalid_json", "%s", msg);
    if (err != DS_OK)
        return send_error(c, 422, "invalid_case", "%s", msg[0] ? msg : ds_error_message(err));
    if (strcmp(cr.case_id, q->id) != 0)
        return send_error(c, 422, "case_id_mismatch",
                          "The case_id in the body differs from the one in the URL.");
    int64_t prev = 0;
    char *old = NULL;
    size_t oldlen = 0;
    bool existed = ds_store_case_get(st, q->id, &old, &oldlen, &prev) == DS_OK;
    free(old);
    err = ds_store_case_put(st, q->id, q->body, q->len);
    if (err != DS_OK)
        return send_store_error(c, st, err);
    ds_log(DS_LOG_INFO, "http", "case %s by %s", existed ? "updated" : "created", q->tok.name);
    return send_json(c, existed ? 200 : 201,
                     json_pack("{s:s,s:b}", "case_id", q->id, "created", !existed), NULL);
}

static enum MHD_Result h_case_get(struct MHD_Connection *c, req *q, ds_store *st)
{
    char *text = NULL;
    size_t len = 0;
    ds_error err = ds_store_case_get(st, q->id, &text, &len, NULL);
    if (err != DS_OK)
        return send_store_error(c, st, err);
    char obj[DS_STORE_OBJECT_MAX + 1];
    snprintf(obj, sizeof obj, "case:%.120s", q->id);
    err = ds_store_audit_append(st, q->tok.name, "case.read", obj, NULL);
    if (err != DS_OK) {
        free(text);
        return send_store_error(c, st, err);
    }
    enum MHD_Result r = send_text(c, 200, "application/json", text, len, NULL);
    free(text);
    return r;
}

static enum MHD_Result h_doc_post(struct MHD_Connection *c, req *q, ds_store *st)
{
    if (atomic_load(&g_d->stopping))
        return send_error(c, 503, "shutting_down", "The service is shutting down; retry later.");
    if (q->multipart && q->file_parts == 0)
        return send_error(c, 400, "no_document",
                          "The multipart body has no file part (name it \"file\").");
    if (q->file_parts > 1)
        return send_error(c, 400, "one_document_per_request",
                          "Send one document per request.");
    if (!q->body || q->len == 0)
        return send_error(c, 400, "empty_document", "The document is empty.");
    const char *key = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Idempotency-Key");
    if (key && (strlen(key) == 0 || strlen(key) > DS_STORE_KEY_MAX))
        return send_error(c, 400, "invalid_idempotency_key",
                          "The Idempotency-Key must be 1 to %d bytes.", DS_STORE_KEY_MAX);
    if (!q->multipart) {
        const char *fn = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "filename");
        if (fn)
            clean_filename(fn, q->filename, sizeof q->filename);
    }
    ds_submission sub = {.case_id = q->id,
                         .filename = q->filename,
                         .source = "api",
                         .station = q->tok.name,
                         .data = q->body,
                         .len = q->len,
                         .idempotency_key = key,
                         .key_scope = q->tok.name};
    int64_t doc_id = 0, job_id = 0;
    bool replayed = false;
    ds_error err = ds_store_submit(st, &sub, &doc_id, &job_id, &replayed);
    if (err == DS_ERR_CONFLICT)
        return send_error(c, 409, "idempotency_conflict",
                          "This Idempotency-Key was used for a different document or case.");
    if (err == DS_ERR_EMPTY)
        return send_error(c, 400, "empty_document", "The document is empty.");
    if (err != DS_OK)
        return send_store_error(c, st, err);
    pthread_mutex_lock(&g_d->metrics.lock);
    g_d->metrics.submissions++;
    if (replayed)
        g_d->metrics.replays++;
    pthread_mutex_unlock(&g_d->metrics.lock);
    if (!replayed)
        ds_daemon_kick(g_d);
    ds_job job;
    const char *state = "queued";
    if (replayed && ds_store_job_get(st, job_id, &job) == DS_OK)
        state = ds_job_state_name(job.state);
    ds_log(DS_LOG_INFO, "http", "document %lld job %lld %s by %s", (long long)doc_id,
           (long long)job_id, replayed ? "replayed" : "queued", q->tok.name);
    char loc[64];
    snprintf(loc, sizeof loc, "/v1/jobs/%lld", (long long)job_id);
    return send_json(c, 202,
                     json_pack("{s:I,s:I,s:s,s:s,s:b,s:s}", "job_id", (json_int_t)job_id,
                               "document_id", (json_int_t)doc_id, "case_id", q->id, "state",
                               state, "replayed", replayed, "status_url", loc),
                     loc);
}

/* Looks up the job; submitters see only their own submissions (others are
 * answered 404 so that job ids reveal nothing). */
static ds_error job_visible(ds_store *st, req *q, ds_job *job, ds_document *doc)
{
    ds_error err = ds_store_job_get(st, q->job_id, job);
    if (err != DS_OK)
        return err;
    err = ds_store_document_get(st, job->document_id, doc);
    if (err != DS_OK)
        return err;
    if ((q->tok.role == DS_ROLE_STATION || q->tok.role == DS_ROLE_HOOK) &&
        (strcmp(doc->source, "api") != 0 || strcmp(doc->station, q->tok.name) != 0))
        return DS_ERR_NO_RECORD;
    return DS_OK;
}

static enum MHD_Result h_job_get(struct MHD_Connection *c, req *q, ds_store *st)
{
    ds_job job;
    ds_document doc;
    ds_error err = job_visible(st, q, &job, &doc);
    if (err != DS_OK)
        return send_store_error(c, st, err);
    json_t *o = json_pack("{s:I,s:I,s:s,s:s,s:i,s:I,s:I}", "job_id", (json_int_t)job.id,
                          "document_id", (json_int_t)job.document_id, "case_id", job.case_id,
                          "state", ds_job_state_name(job.state), "attempts", job.attempts,
                          "created_at", (json_int_t)job.created_at, "updated_at",
                          (json_int_t)job.updated_at);
    if (job.state == DS_JOB_DONE || job.state == DS_JOB_FAILED) {
        char *text = NULL;
        size_t len = 0;
        if (ds_store_report_get(st, job.id, &text, &len) == DS_OK) {
            json_t *rep = json_loadb(text, len, 0, NULL);
            free(text);
            if (rep) {
                json_t *codes = json_array();
                size_t i;
                json_t *f;
                json_array_foreach(json_object_get(rep, "flags"), i, f)
                    json_array_append_new(codes, json_pack("{s:s,s:s}", "code", jstr(f, "code"),
                                                           "severity", jstr(f, "severity")));
                json_object_set_new(o, "verdict", json_string(jstr(rep, "verdict")));
                json_object_set_new(o, "flags", codes);
                json_t *e = json_object_get(rep, "error");
                if (e)
                    json_object_set_new(o, "error", json_pack("{s:s}", "code", jstr(e, "code")));
                json_decref(rep);
            }
        } else {
            json_object_set_new(o, "report_purged", json_true());
        }
        char url[64];
        snprintf(url, sizeof url, "/v1/jobs/%lld/report", (long long)job.id);
        json_object_set_new(o, "report_url", json_string(url));
    }
    return send_json(c, 200, o, NULL);
}

static enum MHD_Result h_report_get(struct MHD_Connection *c, req *q, ds_store *st)
{
    ds_job job;
    ds_document doc;
    ds_error err = job_visible(st, q, &job, &doc);
    if (err != DS_OK)
        return send_store_error(c, st, err);
    if (job.state != DS_JOB_DONE && job.state != DS_JOB_FAILED)
        return send_json(c, 409,
                         json_pack("{s:{s:s,s:s},s:s}", "error", "code", "report_not_ready",
                                   "message", "The job has not finished yet.", "state",
                                   ds_job_state_name(job.state)),
                         NULL);
    char *text = NULL;
    size_t len = 0;
    err = ds_store_report_get(st, job.id, &text, &len);
    if (err == DS_ERR_NO_RECORD)
        return send_error(c, 410, "report_purged", "The report was purged by the retention policy.");
    if (err != DS_OK)
        return send_store_error(c, st, err);
    char obj[64];
    snprintf(obj, sizeof obj, "job:%lld", (long long)job.id);
    err = ds_store_audit_append(st, q->tok.name, "report.read", obj, NULL);
    if (err != DS_OK) {
        free(text);
        return send_store_error(c, st, err);
    }
    enum MHD_Result r = send_text(c, 200, "application/json", text, len, NULL);
    free(text);
    return r;
}

static enum MHD_Result h_decision_post(struct MHD_Connection *c, req *q, ds_store *st)
{
    json_error_t je;
    json_t *b = q->body ? json_loadb(q->body, q->len, JSON_REJECT_DUPLICATES, &je) : NULL;
    if (!json_is_object(b)) {
        json_decref(b);
        return send_error(c, 400, "invalid_json", "The body must be a JSON object.");
    }
    const char *dec = json_string_value(json_object_get(b, "decision"));
    json_t *note_j = json_object_get(b, "note");
    const char *note = json_string_value(note_j);
    if (!dec || (strcmp(dec, "accepted") && strcmp(dec, "rejected")) ||
        (note_j && !json_is_string(note_j) && !json_is_null(note_j))) {
        json_decref(b);
        return send_error(c, 422, "invalid_decision",
                          "\"decision\" must be \"accepted\" or \"rejected\"; \"note\" a string.");
    }
    if (note && strlen(note) > DS_STORE_NOTE_MAX) {
        json_decref(b);
        return send_error(c, 413, "payload_too_large", "The note is longer than %d bytes.",
                          DS_STORE_NOTE_MAX);
    }
    ds_job job;
    ds_document doc;
    ds_error err = job_visible(st, q, &job, &doc);
    if (err != DS_OK) {
        json_decref(b);
        return send_store_error(c, st, err);
    }
    char *text = NULL;
    size_t len = 0;
    err = ds_store_report_get(st, job.id, &text, &len);
    if (err != DS_OK) {
        json_decref(b);
        if (err == DS_ERR_NO_RECORD)
            return send_error(c, 409, "report_not_ready", "The job has no report.");
        return send_store_error(c, st, err);
    }
    json_t *rep = json_loadb(text, len, 0, NULL);
    free(text);
    json_t *flag = json_array_get(json_object_get(rep, "flags"), (size_t)q->flag_index);
    if (!flag) {
        json_decref(rep);
        json_decref(b);
        return send_error(c, 404, "flag_not_found", "The report has no flag with that index.");
    }
    ds_decision d;
    memset(&d, 0, sizeof d);
    d.document_id = job.document_id;
    d.flag_index = q->flag_index;
    snprintf(d.flag_code, sizeof d.flag_code, "%s", jstr(flag, "code"));
    d.accepted = !strcmp(dec, "accepted");
    snprintf(d.note, sizeof d.note, "%s", note ? note : "");
    snprintf(d.officer, sizeof d.officer, "%s", q->tok.name);
    json_decref(rep);
    int64_t did = 0;
    char obj[DS_STORE_OBJECT_MAX + 1];
    snprintf(obj, sizeof obj, "job:%lld/flag:%d:%s", (long long)job.id, q->flag_index, dec);
    err = ds_store_audit_append(st, q->tok.name, "decision.add", obj, NULL);
    if (err == DS_OK)
        err = ds_store_decision_add(st, &d, &did);
    if (err != DS_OK) {
        json_decref(b);
        if (err == DS_ERR_NO_RECORD)
            return send_error(c, 409, "report_not_ready", "The document has no report.");
        if (err == DS_ERR_USAGE)
            return send_error(c, 404, "flag_not_found", "The report has no flag with that index.");
        return send_store_error(c, st, err);
    }
    ds_log(DS_LOG_INFO, "http", "decision %lld on job %lld flag %d by %s", (long long)did,
           (long long)job.id, q->flag_index, q->tok.name);
    json_t *o = json_pack("{s:I,s:I,s:i,s:s,s:s,s:s}", "decision_id", (json_int_t)did, "job_id",
                          (json_int_t)job.id, "flag", q->flag_index, "code", d.flag_code,
                          "decision", dec, "officer", d.officer);
    json_decref(b);
    return send_json(c, 201, o, NULL);
}

static bool query_int(struct MHD_Connection *c, const char *name, int64_t lo, int64_t hi,
                      int64_t *out)
{
    const char *v = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, name);
    if (!v || !*v)
        return true;
    int64_t x;
    if (!parse_i64(v, strlen(v), &x) || x < lo || x > hi)
        return false;
    *out = x;
    return true;
}

static enum MHD_Result h_review(struct MHD_Connection *c, req *q, ds_store *st)
{
    int64_t limit = 50, after = 0, all = 0;
    if (!query_int(c, "limit", 1, 500, &limit) || !query_int(c, "after", 0, INT64_MAX / 2, &after) ||
        !query_int(c, "all", 0, 1, &all))
        return send_error(c, 400, "invalid_query",
                          "limit must be 1-500, after a cursor from \"next\", all 0 or 1.");
    ds_review_item *items = calloc((size_t)limit, sizeof *items);
    if (!items)
        return send_error(c, 500, "internal", "Out of memory.");
    int n = 0;
    ds_error err = ds_store_review_list(st, all == 0, after, (int)limit, items, &n);
    if (err == DS_OK)
        err = ds_store_audit_append(st, q->tok.name, "review.list", "", NULL);
    if (err != DS_OK) {
        free(items);
        return send_store_error(c, st, err);
    }
    json_t *arr = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(
            arr, json_pack("{s:I,s:I,s:s,s:s,s:i,s:i,s:I,s:s}", "job_id",
                           (json_int_t)items[i].job_id, "document_id",
                           (json_int_t)items[i].document_id, "case_id", items[i].case_id,
                           "filename", items[i].filename, "flag_count", items[i].flag_count,
                           "decided_count", items[i].decided_count, "completed_at",
                           (json_int_t)items[i].completed_at, "report_url", ""));
    for (int i = 0; i < n; i++) {
        char url[64];
        snprintf(url, sizeof url, "/v1/jobs/%lld/report", (long long)items[i].job_id);
        json_object_set_new(json_array_get(arr, (size_t)i), "report_url", json_string(url));
    }
    free(items);
    json_t *o = json_pack("{s:o}", "items", arr);
    if (n == limit) {
        char next[32];
        snprintf(next, sizeof next, "%lld", (long long)(after + n));
        json_object_set_new(o, "next", json_string(next));
    } else {
        json_object_set_new(o, "next", json_null());
    }
    return send_json(c, 200, o, NULL);
}

static enum MHD_Result h_token_post(struct MHD_Connection *c, req *q, ds_store *st)
{
    json_error_t je;
    json_t *b = q->body ? json_loadb(q->body, q->len, JSON_REJECT_DUPLICATES, &je) : NULL;
    if (!json_is_object(b)) {
        json_decref(b);
        return send_error(c, 400, "invalid_json", "The body must be a JSON object.");
    }
    const char *name = json_string_value(json_object_get(b, "name"));
    const char *rolename = json_string_value(json_object_get(b, "role"));
    ds_role role;
    if (!name || !id_ok(name, strlen(name), 64) || !rolename || !ds_role_parse(rolename, &role)) {
        json_decref(b);
        return send_error(c, 422, "invalid_token_request",
                          "\"name\" must be 1-64 letters, digits, '.', '_', '-' or ':'; \"role\" "
                          "one of station, hook, officer, admin.");
    }
    char tok[69];
    ds_error err = ds_token_generate(tok);
    if (err == DS_OK)
        err = ds_store_token_create(st, tok, role, name, NULL);
    if (err == DS_ERR_CONFLICT) {
        json_decref(b);
        return send_error(c, 409, "token_exists", "A token with that name exists.");
    }
    if (err != DS_OK) {
        json_decref(b);
        return send_store_error(c, st, err);
    }
    char obj[DS_STORE_OBJECT_MAX + 1];
    snprintf(obj, sizeof obj, "token:%.120s", name);
    ds_store_audit_append(st, q->tok.name, "token.create", obj, NULL);
    ds_log(DS_LOG_INFO, "http", "token created (role %s) by %s", ds_role_name(role), q->tok.name);
    json_t *o = json_pack("{s:s,s:s,s:s}", "name", name, "role", ds_role_name(role), "token", tok);
    json_decref(b);
    memset(tok, 0, sizeof tok);
    return send_json(c, 201, o, NULL);
}

static enum MHD_Result h_token_list(struct MHD_Connection *c, req *q, ds_store *st)
{
    enum { CAP = 1000 };
    ds_token *t = calloc(CAP, sizeof *t);
    int n = 0;
    if (!t)
        return send_error(c, 500, "internal", "Out of memory.");
    ds_error err = ds_store_token_list(st, CAP, t, &n);
    if (err != DS_OK) {
        free(t);
        return send_store_error(c, st, err);
    }
    json_t *arr = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(arr, json_pack("{s:s,s:s,s:I,s:I}", "name", t[i].name, "role",
                                             ds_role_name(t[i].role), "created_at",
                                             (json_int_t)t[i].created_at, "revoked_at",
                                             (json_int_t)t[i].revoked_at));
    free(t);
    return send_json(c, 200, json_pack("{s:o}", "tokens", arr), NULL);
}

static enum MHD_Result h_token_delete(struct MHD_Connection *c, req *q, ds_store *st)
{
    ds_error err = ds_store_token_revoke(st, q->id);
    if (err != DS_OK)
        return send_store_error(c, st, err);
    char obj[DS_STORE_OBJECT_MAX + 1];
    snprintf(obj, sizeof obj, "token:%.120s", q->id);
    ds_store_audit_append(st, q->tok.name, "token.revoke", obj, NULL);
    ds_log(DS_LOG_INFO, "http", "token revoked by %s", q->tok.name);
    return send_json(c, 200, json_pack("{s:s,s:b}", "name", q->id, "revoked", 1), NULL);
}

static enum MHD_Result h_deliveries(struct MHD_Connection *c, req *q, ds_store *st)
{
    int64_t job = 0, limit = 100, after = 0;
    if (!query_int(c, "job", 0, INT64_MAX / 2, &job) || !query_int(c, "limit", 1, 1000, &limit) ||
        !query_int(c, "after", 0, INT64_MAX / 2, &after))
        return send_error(c, 400, "invalid_query", "job, limit (1-1000) and after are numbers.");
    ds_delivery *dv = calloc((size_t)limit, sizeof *dv);
    int n = 0;
    if (!dv)
        return send_error(c, 500, "internal", "Out of memory.");
    ds_error err = ds_store_delivery_list(st, job, after, (int)limit, dv, &n);
    if (err != DS_OK) {
        free(dv);
        return send_store_error(c, st, err);
    }
    json_t *arr = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(
            arr, json_pack("{s:I,s:I,s:s,s:s,s:i,s:i,s:s,s:I,s:I,s:I}", "id", (json_int_t)dv[i].id,
                           "job_id", (json_int_t)dv[i].job_id, "url", dv[i].url, "state",
                           ds_delivery_state_name(dv[i].state), "attempts", dv[i].attempts,
                           "last_status", dv[i].last_status, "last_error", dv[i].last_error,
                           "created_at", (json_int_t)dv[i].created_at, "updated_at",
                           (json_int_t)dv[i].updated_at, "next_attempt_at",
                           (json_int_t)dv[i].next_attempt_at));
    free(dv);
    json_t *o = json_pack("{s:o}", "deliveries", arr);
    json_object_set_new(o, "next", n == limit ? json_integer(after + n) : json_null());
    return send_json(c, 200, o, NULL);
}

static enum MHD_Result h_reload(struct MHD_Connection *c, req *q)
{
    ds_log(DS_LOG_INFO, "http", "reload requested by %s", q->tok.name);
    kill(getpid(), SIGHUP);
    return send_json(c, 202, json_pack("{s:b}", "reload", 1), NULL);
}

/* ------------------------------------------------------------- dispatch */

static bool authenticate(struct MHD_Connection *c, req *q, ds_store *st, int *status,
                         const char **code)
{
    const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Authorization");
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

static enum MHD_Result first_call(struct MHD_Connection *c, const char *url, const char *method,
                                  req *q)
{
    ds_conf *conf = NULL;
    int per_ip;
    int64_t max_upload;
    bool metrics_public;
    pthread_mutex_lock(&g_d->conf_lock);
    per_ip = g_d->conf.max_connections_per_ip;
    max_upload = g_d->conf.max_upload_bytes;
    metrics_public = g_d->conf.metrics_public;
    pthread_mutex_unlock(&g_d->conf_lock);
    (void)conf;

    conn_addr(c, q->ip, sizeof q->ip);
    if (q->ip[0] && ip_count(q->ip, 0) > per_ip) {
        q->answered = true;
        return send_error(c, 429, "too_many_connections",
                          "Too many connections from this address (limit %d).", per_ip);
    }
    int rs = route_of(url, method, q);
    if (rs == 404) {
        q->answered = true;
        return send_error(c, 404, "not_found", "No such endpoint.");
    }
    if (rs == 405) {
        q->answered = true;
        return send_error(c, 405, "method_not_allowed", "The endpoint does not allow %s.",
                          strlen(method) < 16 ? method : "this method");
    }
    if (q->route == R_METRICS && metrics_public)
        q->roles = 0;
    if (q->roles) {
        ds_store *st = ds_daemon_store_get(g_d);
        int status = 503;
        const char *code = "store_unavailable";
        bool ok = st && authenticate(c, q, st, &status, &code);
        ds_daemon_store_put(g_d, st);
        if (!ok) {
            q->answered = true;
            if (status == 401)
                return send_error(c, 401, code, "A valid bearer token is required.");
            if (status == 403)
                return send_error(c, 403, code, "The token's role (%s) may not do this.",
                                  ds_role_name(q->tok.role));
            return send_error(c, status, code, "The store is unavailable; retry later.");
        }
    }
    if (q->has_body) {
        if (!q->body_cap)
            q->body_cap = (size_t)max_upload;
        const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
        if (cl) {
            char *end = NULL;
            unsigned long long n = strtoull(cl, &end, 10);
            if (end && !*end && n > q->body_cap) {
                q->answered = true;
                return send_error(c, 413, "payload_too_large",
                                  "The body is larger than the limit of %zu bytes.", q->body_cap);
            }
        }
        if (q->route == R_DOC_POST) {
            const char *ct = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Type");
            if (ct && !strncasecmp(ct, "multipart/form-data", 19)) {
                q->multipart = true;
                q->pp = MHD_create_post_processor(c, 64 * 1024, post_iter, q);
                if (!q->pp) {
                    q->answered = true;
                    return send_error(c, 400, "invalid_multipart",
                                      "The multipart body has no valid boundary.");
                }
            }
        }
    }
    return MHD_YES;
}

static enum MHD_Result handler(void *cls, struct MHD_Connection *c, const char *url,
                               const char *method, const char *version, const char *upload_data,
                               size_t *upload_data_size, void **req_cls)
{
    req *q = *req_cls;
    if (!q) {
        q = calloc(1, sizeof *q);
        if (!q)
            return MHD_NO;
        *req_cls = q;
        return first_call(c, url, method, q);
    }
    if (q->answered) {
        *upload_data_size = 0; /* discard the rest of a refused body */
        return MHD_YES;
    }
    if (*upload_data_size > 0) {
        if (!q->has_body) {
            *upload_data_size = 0;
            return MHD_YES;
        }
        bool ok;
        if (q->pp)
            ok = q->too_large || MHD_post_process(q->pp, upload_data, *upload_data_size) == MHD_YES;
        else
            ok = body_append(q, upload_data, *upload_data_size);
        *upload_data_size = 0;
        if (!ok && !q->too_large) {
            q->answered = true;
            return send_error(c, 400, "invalid_multipart", "The multipart body is malformed.");
        }
        return MHD_YES;
    }
    /* the whole request is in */
    q->answered = true;
    if (q->too_large)
        return send_error(c, 413, "payload_too_large",
                          "The body is larger than the limit of %zu bytes.", q->body_cap);
    switch (q->route) {
    case R_HEALTH:
        return h_health(c);
    case R_METRICS:
        return h_metrics(c);
    default:
        break;
    }
    ds_store *st = ds_daemon_store_get(g_d);
    if (!st)
        return send_error(c, 503, "store_unavailable", "The store is unavailable; retry later.");
    enum MHD_Result r;
    switch (q->route) {
    case R_CASE_PUT: r = h_case_put(c, q, st); break;
    case R_CASE_GET: r = h_case_get(c, q, st); break;
    case R_DOC_POST: r = h_doc_post(c, q, st); break;
    case R_JOB_GET: r = h_job_get(c, q, st); break;
    case R_REPORT_GET: r = h_report_get(c, q, st); break;
    case R_DECISION_POST: r = h_decision_post(c, q, st); break;
    case R_REVIEW_GET: r = h_review(c, q, st); break;
    case R_TOKEN_POST: r = h_token_post(c, q, st); break;
    case R_TOKEN_LIST: r = h_token_list(c, q, st); break;
    case R_TOKEN_DELETE: r = h_token_delete(c, q, st); break;
    case R_DELIVERIES_GET: r = h_deliveries(c, q, st); break;
    case R_RELOAD_POST: r = h_reload(c, q); break;
    default: r = send_error(c, 404, "not_found", "No such endpoint."); break;
    }
    ds_daemon_store_put(g_d, st);
    return r;
}

static void completed(void *cls, struct MHD_Connection *c, void **req_cls,
                      enum MHD_RequestTerminationCode toe)
{
    req *q = *req_cls;
    if (!q)
        return;
    if (q->pp)
        MHD_destroy_post_processor(q->pp);
    free(q->body);
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

ds_error ds_http_start(ds_daemon *d)
{
    g_d = d;
    ds_conf conf;
    ds_daemon_conf(d, &conf);
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons((uint16_t)conf.port);
    if (inet_pton(AF_INET, conf.listen_address, &sa.sin_addr) != 1) {
        ds_log(DS_LOG_ERROR, "http", "listen: not an IPv4 address");
        return DS_ERR_USAGE;
    }
    unsigned flags = MHD_USE_AUTO | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ITC |
                     MHD_USE_ERROR_LOG;
    if (conf.tls_cert[0]) {
        g_tls_cert = slurp(conf.tls_cert);
        g_tls_key = slurp(conf.tls_key);
        if (!g_tls_cert || !g_tls_key) {
            ds_log(DS_LOG_ERROR, "http", "cannot read tls_cert or tls_key");
            return DS_ERR_IO;
        }
        flags |= MHD_USE_TLS;
    }
    struct MHD_OptionItem tls_opts[] = {
        {g_tls_cert ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END, 0, g_tls_cert},
        {g_tls_key ? MHD_OPTION_HTTPS_MEM_KEY : MHD_OPTION_END, 0, g_tls_key},
        {MHD_OPTION_END, 0, NULL}};
    struct MHD_Daemon *m = MHD_start_daemon(
        flags, 0, NULL, NULL, handler, NULL, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)conf.max_connections,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)(conf.max_connections_per_ip * 2),
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)conf.request_timeout_s,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(256 * 1024),
        MHD_OPTION_NOTIFY_COMPLETED, completed, NULL, MHD_OPTION_NOTIFY_CONNECTION,
        on_connection, NULL, MHD_OPTION_EXTERNAL_LOGGER, mhd_log, NULL, MHD_OPTION_ARRAY,
        tls_opts, MHD_OPTION_END);
    if (!m) {
        ds_log(DS_LOG_ERROR, "http", "cannot listen on %s:%d", conf.listen_address, conf.port);
        return DS_ERR_IO;
    }
    const union MHD_DaemonInfo *di = MHD_get_daemon_info(m, MHD_DAEMON_INFO_BIND_PORT);
    d->port = di ? di->port : conf.port;
    d->http = m;
    ds_log(DS_LOG_INFO, "http", "listening on %s:%d (%s)", conf.listen_address, d->port,
           conf.tls_cert[0] ? "https" : "http");
    return DS_OK;
}

void ds_http_quiesce(ds_daemon *d)
{
    if (!d->http)
        return;
    MHD_socket fd = MHD_quiesce_daemon(d->http);
    if (fd != MHD_INVALID_SOCKET)
        close(fd);
}

void ds_http_stop(ds_daemon *d)
{
    if (d->http)
        MHD_stop_daemon(d->http);
    d->http = NULL;
    free(g_tls_cert);
    free(g_tls_key);
    g_tls_cert = g_tls_key = NULL;
}
