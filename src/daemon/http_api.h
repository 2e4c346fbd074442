/*
 * http_api: the inside of the HTTP part, shared by its files: the request
 * a handler is given, the replies every handler sends, and the handlers the
 * route table of http.c names.
 *
 * Layers inside the part, each calling only the ones below it:
 *   http.c (server, route table, dispatcher)
 *     -> http_cases.c, http_jobs.c, http_admin.c, http_review.c (one
 *        handler per route)
 *       -> http_reply.c (responses, parameter parsing)
 *         -> context.h
 * No file of the part includes daemon.h or another part's header.
 * Contract (docs/daemon.md): every answer is JSON except /metrics;
 * an error is {"error":{"code","message"}} with a code from the fixed list
 * and never echoes a value from the request. Every read of a report or
 * case and every decision is appended to the audit log before it is
 * answered.
 */
#ifndef DS_DAEMON_HTTP_API_H
#define DS_DAEMON_HTTP_API_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>
#include <microhttpd.h>

#include "daemon/context.h"
#include "daemon/edge.h"
#include "daemon/http_parse.h"
#include "daemon/upload.h"

/* Room for a stored string of at most n bytes made safe by ds_edge_safe. */
#define DS_HTTP_SAFE_CAP(n) (2 * (n) + 1)

struct ds_http_route;

/* One request, from its first callback to its completion. The dispatcher
 * fills everything up to `tok` before a handler runs; a handler reads it
 * and answers once through ds_http_send_*. */
typedef struct ds_http_request {
    struct MHD_Connection *conn;
    ds_daemon_ctx *d;
    const struct ds_http_route *route;  /* NULL until the path matched */
    unsigned roles;         /* who may call it; 0: no token needed */
    size_t body_cap;        /* 0: the body is discarded */
    /* path parameters */
    char id[DS_STORE_CASE_ID_MAX + 1];  /* {case} or {token} */
    int64_t job_id;                     /* {job} */
    int flag_index;                     /* {flag} */
    int page_index;                     /* {page}: "N.png" */
    ds_token tok;           /* the caller, once authenticated */
    bool authed;
    bool answered;          /* a response was queued; the rest is discarded */
    bool close_after;       /* the answer closes the connection (the framing is in doubt) */
    /* The body (of a multipart body: the one file part), len bytes: in
     * memory (body, a JSON body) or, for an upload (a route with
     * OPT_SPOOL), in the file spool on its way to the store. */
    char *body;
    size_t len, cap;
    ds_upload spool;
    bool spooled;           /* the body goes to spool */
    bool too_large;
    uint64_t raw;           /* bytes of the body as sent (multipart framing too) */
    uint64_t reserved;      /* bytes of the in-flight body budget this request holds */
    uint64_t budget;        /* max_inflight_body_bytes at the request's start */
    int fail;               /* a body step failed: the status to answer (400, 503) */
    ds_mp *mp;              /* the multipart parser, when multipart */
    bool multipart;
    int file_parts;
    bool in_file;
    bool filename_bad;      /* the client's file name is not UTF-8 */
    char filename[DS_STORE_FILENAME_MAX + 1];
    char ip[INET6_ADDRSTRLEN];
} ds_http_request;

/* A route's handler: answers q, the whole body being in. st is a store
 * handle for this call (NULL only for routes that allow it: /healthz and
 * /metrics); the dispatcher gives it back. */
typedef enum MHD_Result (*ds_http_handler)(ds_http_request *q, ds_store *st);

/* ------------------------------------------------------------- replies */

/* Queues status with text (len bytes, copied) of content type ctype and
 * the headers every answer carries (Location when given, WWW-Authenticate
 * on 401), and counts it in the metrics. */
enum MHD_Result ds_http_send_text(ds_http_request *q, int status, const char *ctype,
                                  const char *text, size_t len, const char *location);
/* Queues status with len bytes of data, of content type ctype, with the
 * headers of every answer plus headers (NULL, or name/value pairs ending in
 * NULL). data is copied unless persistent (then it must outlive the
 * response, as the embedded files do). Counts it in the metrics. */
enum MHD_Result ds_http_send_body(ds_http_request *q, int status, const char *ctype,
                                  const void *data, size_t len, bool persistent,
                                  const char *const *headers);
/* Sends o as compact JSON; steals the reference (o may be NULL: 500). */
enum MHD_Result ds_http_send_json(ds_http_request *q, int status, json_t *o,
                                  const char *location);
/* Sends {"error":{"code","message"}}; the message never holds a value taken
 * from the request. */
enum MHD_Result ds_http_send_error(ds_http_request *q, int status, const char *code,
                                   const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Sends the answer for a store error: 404, 409, 413, 400, else 503 (the
 * last logged with the store's message). */
enum MHD_Result ds_http_send_store_error(ds_http_request *q, ds_store *st, ds_error err);

/* --------------------------------------------------------------- parsing */

/* The validators ds_http_id_ok, ds_http_parse_i64, ds_http_clean_filename
 * are in http_parse.h. */

/* Reads query argument name into *out when present and non-empty; false
 * when it is not a number within [lo, hi] (*out then unchanged). */
bool ds_http_query_int(ds_http_request *q, const char *name, int64_t lo, int64_t hi,
                       int64_t *out /* OUT */);
/* The header name's value into *out (NULL when absent). False when it is
 * present but empty, over max bytes, not UTF-8 or holds a control
 * character: the caller answers 400. */
bool ds_http_header_text(ds_http_request *q, const char *name, size_t max,
                         const char **out /* OUT */);
/* The string member k of o, or "". */
const char *ds_http_jstr(json_t *o, const char *k);

/* ---------------------------------------------------------- decisions */

/* An officer's act on a job: a decision on one flag (flag_index >= 0 with
 * its flag_code) or on the whole document (flag_index -1, flag_code NULL);
 * decision is "accepted", "rejected" or "escalated". */
typedef struct ds_http_decision_act {
    const ds_job *job;
    int flag_index;
    const char *flag_code;
    const char *decision;
} ds_http_decision_act;

/*
 * Records the act in ONE store transaction (ds_store_decision_record): the
 * audit entries (actor: the caller's token name), the flag decisions
 * (none for an escalation; each stored with the act's time) and one
 * "decision.made" delivery to every configured webhook. The delivery body
 * holds ids, the flag code, the decision, the officer's token name and the
 * time, never a note or a name. ids (may be NULL) gets the decision ids.
 */
ds_error ds_http_decision_record(ds_http_request *q, ds_store *st, const ds_http_decision_act *act,
                                 const ds_audit_new *audit, int audit_count,
                                 const ds_decision *decisions, int decision_count,
                                 int64_t *ids /* OUT */);

/* -------------------------------------------------------------- handlers */

/* http_cases.c: case records and document submissions */
enum MHD_Result ds_http_case_put(ds_http_request *q, ds_store *st);
enum MHD_Result ds_http_case_get(ds_http_request *q, ds_store *st);
enum MHD_Result ds_http_case_delete(ds_http_request *q, ds_store *st);
enum MHD_Result ds_http_document_post(ds_http_request *q, ds_store *st);

/* http_jobs.c: jobs, reports, the review queue and decisions */
enum MHD_Result ds_http_job_get(ds_http_request *q, ds_store *st);
enum MHD_Result ds_http_report_get(ds_http_request *q, ds_store *st);
enum MHD_Result ds_http_review_list(ds_http_request *q, ds_store *st);
enum MHD_Result ds_http_decision_post(ds_http_request *q, ds_store *st);

/* http_review.c: the officer's review page (web/review, embedded) and the
 * calls only it makes: the enriched queue, the flag registry, page images,
 * decisions of a document, document-level decisions, escalations */
enum MHD_Result ds_http_review_redirect(ds_http_request *q, ds_store *st);
enum MHD_Result ds_http_review_asset(ds_http_request *q, ds_store *st);
enum MHD_Result ds_http_review_queue(ds_http_request *q, ds_store *st);
enum MHD_Result ds_http_flag_registry(ds_http_request *q, ds_store *st);
enum MHD_Result ds_http_page_image(ds_http_request *q, ds_store *st);
enum MHD_Result ds_http_decision_list(ds_http_request *q, ds_store *st);
enum MHD_Result ds_http_document_decision(ds_http_request *q, ds_store *st);
enum MHD_Result ds_http_flag_escalate(ds_http_request *q, ds_store *st);

/* http_admin.c: health, metrics, tokens, deliveries, reload */
enum MHD_Result ds_http_health(ds_http_request *q, ds_store *st);
enum MHD_Result ds_http_metrics(ds_http_request *q, ds_store *st);
enum MHD_Result ds_http_token_create(ds_http_request *q, ds_store *st);
enum MHD_Result ds_http_token_list(ds_http_request *q, ds_store *st);
enum MHD_Result ds_http_token_revoke(ds_http_request *q, ds_store *st);
enum MHD_Result ds_http_delivery_list(ds_http_request *q, ds_store *st);
enum MHD_Result ds_http_reload(ds_http_request *q, ds_store *st);

#endif
