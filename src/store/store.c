/*
 * store: the backend-independent half of the store API.
 *
 * This file checks every argument against the contracts of store.h before a
 * backend sees it, picks the backend from the url, hashes tokens and files,
 * and stores each submitted file once in the blob directory under its
 * SHA-256 (store_lend.c keeps the directory and the helpers it shares with
 * the backends).
 *
 * It must never: hold SQL (the backends do); store or log a token or any
 * document content; return a blob whose bytes do not match its digest.
 */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include "store/store_backend.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "base/base.h"
#include "store/lostcsv.h"
#include "store/store_lend.h"

/* ------------------------------------------------------------------ names */

const char *ds_job_state_name(ds_job_state s)
{
    static const char *const n[] = {"queued", "running", "done", "failed"};
    return (unsigned)s < DS_ARRAY_LEN(n) ? n[s] : "unknown";
}

const char *ds_delivery_state_name(ds_delivery_state s)
{
    static const char *const n[] = {"pending", "delivered", "failed"};
    return (unsigned)s < DS_ARRAY_LEN(n) ? n[s] : "unknown";
}

static const char *const role_names[DS_ROLE_COUNT] = {"station", "hook", "officer", "admin"};

const char *ds_role_name(ds_role r)
{
    return (unsigned)r < DS_ROLE_COUNT ? role_names[r] : "unknown";
}

bool ds_role_parse(const char *name, ds_role *out)
{
    if (!name || !out)
        return false;
    for (int i = 0; i < DS_ROLE_COUNT; i++)
        if (strcmp(name, role_names[i]) == 0) {
            *out = (ds_role)i;
            return true;
        }
    return false;
}

/* Checks a text argument: NULL or "" is DS_ERR_USAGE when required (NULL
 * is allowed otherwise), more than max bytes is DS_ERR_TOO_LARGE. */
static ds_error text_arg(const char *t, size_t max, bool required)
{
    if (!t)
        return required ? DS_ERR_USAGE : DS_OK;
    size_t n = strnlen(t, max + 1);
    if (n > max)
        return DS_ERR_TOO_LARGE;
    if (required && n == 0)
        return DS_ERR_USAGE;
    return DS_OK;
}

#define NEED(cond)                                                             \
    do {                                                                       \
        if (!(cond))                                                           \
            return DS_ERR_USAGE;                                               \
    } while (0)

/* ------------------------------------------------------------ open, close */

ds_error ds_store_open(const char *url, ds_store **out)
{
    return ds_store_open_ex(url, NULL, out, NULL, 0);
}

static void say(char *msg, size_t cap, const char *text)
{
    if (msg && cap)
        ds_store_copy(msg, cap, text);
}

ds_error ds_store_open_ex(const char *url, const ds_store_options *opt, ds_store **out, char *msg,
                          size_t msg_cap)
{
    say(msg, msg_cap, "");
    if (!url || !out || !*url) {
        say(msg, msg_cap, "the store url is missing.");
        return DS_ERR_USAGE;
    }
    const ds_store_ops *ops = &ds_store_sqlite_ops;
    const char *target = url;
    if (strncmp(url, "postgresql://", 13) == 0 || strncmp(url, "postgres://", 11) == 0) {
        ops = &ds_store_pg_ops; /* libpq takes the whole url */
    } else {
        if (strncmp(url, "sqlite:", 7) == 0)
            target = url + 7;
        if (!*target || strnlen(target, PATH_MAX - 16) >= PATH_MAX - 16) {
            say(msg, msg_cap, "the SQLite path is empty or too long.");
            return DS_ERR_USAGE;
        }
    }
    if (opt && opt->blob_dir && strnlen(opt->blob_dir, PATH_MAX - 80) >= PATH_MAX - 80) {
        say(msg, msg_cap, "the blob directory path is too long.");
        return DS_ERR_USAGE;
    }
    ds_store *s = calloc(1, sizeof *s);
    if (!s)
        return DS_ERR_NOMEM;
    s->ops = ops;
    if (opt && opt->blob_dir && !ops->blob_read)
        ds_store_copy(s->blob_dir, sizeof s->blob_dir, opt->blob_dir);
    ds_error err = s->ops->open(s, target, opt, msg, msg_cap);
    /* A backend that keeps the files itself needs no directory. */
    if (err == DS_OK && !ops->blob_read && ds_store_ensure_dir(s->blob_dir, NULL) != 0) {
        say(msg, msg_cap, "the blob directory cannot be created.");
        s->ops->close(s);
        err = DS_ERR_STORE;
    }
    if (err != DS_OK) {
        free(s);
        return err;
    }
    *out = s;
    return DS_OK;
}

void ds_store_close(ds_store *s)
{
    if (!s)
        return;
    s->ops->close(s);
    free(s);
}

const char *ds_store_backend(const ds_store *s) { return s ? s->ops->name : "none"; }

const char *ds_store_errmsg(const ds_store *s) { return s ? s->errmsg : ""; }

/* Every API call starts here: a handle is required and the last message is
 * cleared. */
#define ENTER(s)                                                               \
    do {                                                                       \
        if (!(s))                                                              \
            return DS_ERR_USAGE;                                               \
        (s)->errmsg[0] = '\0';                                                 \
    } while (0)

ds_error ds_store_schema_version(ds_store *s, int *out)
{
    ENTER(s);
    NEED(out);
    return s->ops->schema_version(s, out);
}

ds_error ds_store_check_integrity(ds_store *s, bool *ok, char *msg, size_t msg_cap)
{
    ENTER(s);
    NEED(ok);
    char buf[DS_STORE_ERRMSG_MAX + 1];
    ds_error err = s->ops->check_integrity(s, ok, buf, sizeof buf);
    if (err == DS_OK)
        say(msg, msg_cap, buf);
    return err;
}

/* ------------------------------------------------------------------ cases */

ds_error ds_store_case_put(ds_store *s, const char *case_id, const char *owner, const char *json,
                           size_t len, bool *created)
{
    bool dummy;
    ENTER(s);
    CHECK(text_arg(case_id, DS_STORE_CASE_ID_MAX, true));
    CHECK(text_arg(owner, DS_STORE_OWNER_MAX, true));
    NEED(json);
    if (len > DS_STORE_JSON_MAX)
        return DS_ERR_TOO_LARGE;
    return s->ops->case_put(s, case_id, owner, json, len, created ? created : &dummy);
}

ds_error ds_store_case_writable(ds_store *s, const char *case_id, const char *owner, bool *ok)
{
    ENTER(s);
    CHECK(text_arg(case_id, DS_STORE_CASE_ID_MAX, true));
    CHECK(text_arg(owner, DS_STORE_OWNER_MAX, true));
    NEED(ok);
    return s->ops->case_writable(s, case_id, owner, ok);
}

ds_error ds_store_case_get(ds_store *s, const char *case_id, char **json, size_t *len,
                           int64_t *updated_at)
{
    ENTER(s);
    CHECK(text_arg(case_id, DS_STORE_CASE_ID_MAX, true));
    NEED(json && len);
    return s->ops->case_get(s, case_id, json, len, updated_at);
}

/* ----------------------------------------------------- documents and jobs */

/* The spooled upload at path, len bytes whose SHA-256 is sha, into *out
 * (malloc'd). */
static ds_error read_spool(ds_store *s, const char *path, size_t len, const char *sha,
                          uint8_t **out)
{
    *out = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
        (uint64_t)st.st_size != (uint64_t)len) {
        if (fd >= 0)
            close(fd);
        return ds_store_fail(s, "spooled upload missing or of another size", NULL);
    }
    uint8_t *buf = malloc(len);
    size_t got = 0;
    while (buf && got < len) {
        ssize_t n = read(fd, buf + got, len - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    close(fd);
    if (!buf)
        return DS_ERR_NOMEM;
    char hex[65];
    if (got == len)
        ds_sha256_hex(buf, len, hex);
    if (got != len || strcmp(hex, sha) != 0) {
        free(buf);
        return ds_store_fail(s, "spooled upload does not match its SHA-256", NULL);
    }
    *out = buf;
    return DS_OK;
}

ds_error ds_store_submit(ds_store *s, const ds_submission *sub, int64_t *document_id,
                         int64_t *job_id, bool *replayed)
{
    ENTER(s);
    NEED(sub && document_id && job_id);
    CHECK(text_arg(sub->case_id, DS_STORE_CASE_ID_MAX, true));
    CHECK(text_arg(sub->filename, DS_STORE_FILENAME_MAX, false));
    CHECK(text_arg(sub->source, 15, false));
    CHECK(text_arg(sub->station, DS_STORE_NAME_MAX, false));
    CHECK(text_arg(sub->idempotency_key, DS_STORE_KEY_MAX, false));
    CHECK(text_arg(sub->key_scope, DS_STORE_NAME_MAX, false));
    if (sub->len > DS_STORE_FILE_MAX)
        return DS_ERR_TOO_LARGE;
    if (sub->len == 0)
        return DS_ERR_EMPTY;
    char sha[65], fp[65];
    if (sub->path) {
        NEED(sub->sha256 && ds_store_is_hex64(sub->sha256));
        memcpy(sha, sub->sha256, 65);
    } else {
        NEED(sub->data);
        ds_sha256_hex(sub->data, sub->len, sha);
    }
    /* The fingerprint binds the case id to the bytes, length-prefixed so no
     * two different pairs share one. */
    size_t clen = strlen(sub->case_id);
    char buf[DS_STORE_CASE_ID_MAX + 96];
    int k = snprintf(buf, sizeof buf, "%zu:%s%s", clen, sub->case_id, sha);
    ds_sha256_hex(buf, (size_t)k, fp);
    bool r = false;
    ds_submission copy = *sub;
    uint8_t *bytes = NULL;
    if (sub->path && s->ops->blob_read) {
        /* A backend that keeps files in the database takes the bytes: the
         * spooled file is read back (its length and digest checked). */
        ds_error e = read_spool(s, sub->path, sub->len, sha, &bytes);
        if (e != DS_OK)
            return e;
        copy.data = bytes;
        copy.path = NULL;
    } else if (sub->path) {
        /* the backend's ds_store_blob_put(s, sha, NULL, len) moves the file */
        copy.data = NULL;
        s->blob_src = sub->path;
    }
    ds_error err = s->ops->submit(s, &copy, sha, fp, document_id, job_id, &r);
    s->blob_src = NULL;
    free(bytes);
    if (err == DS_OK && replayed)
        *replayed = r;
    return err;
}

ds_error ds_store_document_get(ds_store *s, int64_t document_id, ds_document *out)
{
    ENTER(s);
    NEED(out);
    return s->ops->document_get(s, document_id, out);
}

ds_error ds_store_document_read(ds_store *s, int64_t document_id, uint8_t **data, size_t *len)
{
    ENTER(s);
    NEED(data && len);
    ds_document d;
    CHECK(s->ops->document_get(s, document_id, &d));
    if (d.purged_at)
        return DS_ERR_NO_RECORD;
    if (d.size <= 0 || (uint64_t)d.size > DS_STORE_FILE_MAX)
        return ds_store_fail(s, "document size out of range", NULL);
    if (!s->ops->blob_read)
        return ds_store_blob_read(s, d.sha256, (size_t)d.size, data, len);
    uint8_t *p = NULL;
    size_t n = 0;
    CHECK(s->ops->blob_read(s, d.sha256, (size_t)d.size, &p, &n));
    char sha[65];
    ds_sha256_hex(p, n, sha);
    if (n != (size_t)d.size || strcmp(sha, d.sha256) != 0) {
        free(p);
        return ds_store_fail(s, "a document's file does not match its SHA-256", NULL);
    }
    *data = p;
    *len = n;
    return DS_OK;
}

ds_error ds_store_document_map(ds_store *s, int64_t document_id, const uint8_t **data,
                               size_t *len)
{
    ENTER(s);
    NEED(data && len);
    ds_document d;
    CHECK(s->ops->document_get(s, document_id, &d));
    if (d.purged_at)
        return DS_ERR_NO_RECORD;
    if (d.size <= 0 || (uint64_t)d.size > DS_STORE_FILE_MAX)
        return ds_store_fail(s, "document size out of range", NULL);
    if (s->ops->blob_map) {
        /* Files in the database, read by the backend straight into an
         * anonymous mapping (one copy); the digest is checked here. */
        const uint8_t *m = NULL;
        size_t n = 0;
        CHECK(s->ops->blob_map(s, d.sha256, (size_t)d.size, &m, &n));
        char sha[65];
        ds_sha256_hex(m, n, sha);
        if (n != (size_t)d.size || strcmp(sha, d.sha256) != 0) {
            munmap((void *)m, n);
            return ds_store_fail(s, "a document's file does not match its SHA-256", NULL);
        }
        *data = m;
        *len = n;
        return DS_OK;
    }
    if (s->ops->blob_read) {
        /* Files kept by a backend without blob_map: read (digest checked)
         * into an anonymous mapping, so ds_store_document_unmap releases
         * either kind. */
        uint8_t *p = NULL;
        size_t n = 0;
        CHECK(ds_store_document_read(s, document_id, &p, &n));
        void *m = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (m == MAP_FAILED) {
            free(p);
            return DS_ERR_NOMEM;
        }
        memcpy(m, p, n);
        free(p);
        *data = m;
        *len = n;
        return DS_OK;
    }
    return ds_store_blob_map(s, d.sha256, (size_t)d.size, data, len);
}

void ds_store_document_unmap(const uint8_t *data, size_t len)
{
    ds_store_blob_unmap(data, len);
}

ds_error ds_store_job_claim_for(ds_store *s, const char *worker, int timeout_s, ds_job *out,
                                bool *got)
{
    ENTER(s);
    NEED(out && got && timeout_s >= 1 && timeout_s <= DS_STORE_JOB_TIMEOUT_MAX);
    CHECK(text_arg(worker, DS_STORE_NAME_MAX, false));
    return s->ops->job_claim(s, worker ? worker : "", timeout_s, out, got);
}

bool ds_store_set_wakeup(ds_store *s, void (*fn)(void *arg), void *arg)
{
    if (!s || !s->ops->set_wakeup)
        return false;
    return s->ops->set_wakeup(s, fn, arg);
}

ds_error ds_store_job_claim(ds_store *s, const char *worker, ds_job *out, bool *got)
{
    return ds_store_job_claim_for(s, worker, DS_STORE_JOB_TIMEOUT_DEFAULT, out, got);
}

static ds_error fingerprints_ok(const ds_fingerprint *fp, int n)
{
    NEED(n >= 0 && (n == 0 || fp));
    for (int i = 0; i < n; i++) {
        const ds_identity *id = &fp[i].identity;
        if (!fp[i].has_identity)
            continue;
        if (strnlen(id->document_number, sizeof id->document_number) == sizeof id->document_number ||
            strnlen(id->issuing_state, 4) == 4 ||
            strnlen(id->surname, sizeof id->surname) == sizeof id->surname ||
            strnlen(id->given_names, sizeof id->given_names) == sizeof id->given_names ||
            strnlen(id->birth_date, 11) == 11 || !id->document_number[0])
            return DS_ERR_USAGE;
    }
    return DS_OK;
}

/* Checks webhook deliveries to enqueue: n >= 0, each with a URL and a
 * body of at most DS_STORE_JSON_MAX bytes. */
static ds_error deliveries_ok(const ds_delivery_new *dv, int n)
{
    NEED(n >= 0 && (n == 0 || dv));
    for (int i = 0; i < n; i++) {
        CHECK(text_arg(dv[i].url, DS_STORE_URL_MAX, true));
        NEED(dv[i].body);
        if (dv[i].body_len > DS_STORE_JSON_MAX)
            return DS_ERR_TOO_LARGE;
    }
    return DS_OK;
}

ds_error ds_store_job_complete(ds_store *s, int64_t job_id, const ds_job_result *r)
{
    ENTER(s);
    NEED(r && (r->state == DS_JOB_DONE || r->state == DS_JOB_FAILED));
    NEED(r->report_json && r->flag_count >= 0);
    if (r->report_len > DS_STORE_JSON_MAX)
        return DS_ERR_TOO_LARGE;
    NEED(r->verdict && (strcmp(r->verdict, "clear") == 0 || strcmp(r->verdict, "review") == 0 ||
                        strcmp(r->verdict, "error") == 0));
    CHECK(deliveries_ok(r->deliveries, r->delivery_count));
    CHECK(fingerprints_ok(r->fingerprints, r->fingerprint_count));
    return s->ops->job_complete(s, job_id, r);
}

ds_error ds_store_job_requeue(ds_store *s, int64_t job_id)
{
    ENTER(s);
    return s->ops->job_requeue(s, job_id);
}

ds_error ds_store_job_requeue_running(ds_store *s, int64_t *count)
{
    ENTER(s);
    int64_t n = 0;
    ds_error err = s->ops->job_requeue_running(s, &n);
    if (err == DS_OK && count)
        *count = n;
    return err;
}

ds_error ds_store_job_get(ds_store *s, int64_t job_id, ds_job *out)
{
    ENTER(s);
    NEED(out);
    return s->ops->job_get(s, job_id, out);
}

ds_error ds_store_job_for_document(ds_store *s, int64_t document_id, ds_job *out)
{
    ENTER(s);
    NEED(out);
    return s->ops->job_for_document(s, document_id, out);
}

ds_error ds_store_queue_depth(ds_store *s, int64_t *out)
{
    ENTER(s);
    NEED(out);
    return s->ops->queue_depth(s, out);
}

ds_error ds_store_job_counts(ds_store *s, int64_t counts[DS_JOB_STATE_COUNT])
{
    ENTER(s);
    NEED(counts);
    return s->ops->job_counts(s, counts);
}

/* ---------------------------------------------------------------- reports */

ds_error ds_store_report_get(ds_store *s, int64_t job_id, char **json, size_t *len)
{
    ENTER(s);
    NEED(json && len);
    return s->ops->report_get(s, job_id, json, len);
}

ds_error ds_store_report_get_by_document(ds_store *s, int64_t document_id, char **json,
                                         size_t *len)
{
    ENTER(s);
    NEED(json && len);
    return s->ops->report_get_by_document(s, document_id, json, len);
}

/* ----------------------------------------------------- review, decisions */

ds_error ds_store_review_list(ds_store *s, bool pending_only, int64_t after_at, int64_t after_job,
                              int cap, ds_review_item *out, int *count)
{
    ENTER(s);
    NEED(count && after_at >= 0 && after_job >= 0 && cap >= 0 && (cap == 0 || out));
    return s->ops->review_list(s, pending_only, after_at, after_job, cap, out, count);
}

/* Checks one decision against the contract of ds_store_decision_add. */
static ds_error decision_ok(const ds_decision *d)
{
    NEED(d && d->flag_index >= 0);
    if (strnlen(d->flag_code, sizeof d->flag_code) == sizeof d->flag_code ||
        strnlen(d->note, sizeof d->note) == sizeof d->note ||
        strnlen(d->officer, sizeof d->officer) == sizeof d->officer)
        return DS_ERR_USAGE;
    NEED(d->officer[0]);
    return DS_OK;
}

ds_error ds_store_decision_add(ds_store *s, const ds_decision *d, int64_t *id)
{
    ENTER(s);
    CHECK(decision_ok(d));
    int64_t i = 0;
    ds_error err = s->ops->decision_add(s, d, &i);
    if (err == DS_OK && id)
        *id = i;
    return err;
}

ds_error ds_store_decision_record(ds_store *s, const ds_decision_record *r, int64_t *ids)
{
    ENTER(s);
    NEED(r && r->decided_at > 0);
    CHECK(text_arg(r->officer, DS_STORE_NAME_MAX, true));
    NEED(r->audit_count >= 0 && (r->audit_count == 0 || r->audit));
    for (int i = 0; i < r->audit_count; i++) {
        CHECK(text_arg(r->audit[i].action, DS_STORE_CODE_MAX, true));
        CHECK(text_arg(r->audit[i].object, DS_STORE_OBJECT_MAX, false));
    }
    NEED(r->decision_count >= 0 && (r->decision_count == 0 || r->decisions));
    for (int i = 0; i < r->decision_count; i++)
        CHECK(decision_ok(&r->decisions[i]));
    CHECK(deliveries_ok(r->deliveries, r->delivery_count));
    int64_t *got = r->decision_count ? calloc((size_t)r->decision_count, sizeof *got) : NULL;
    if (r->decision_count && !got)
        return DS_ERR_NOMEM;
    ds_error err = s->ops->decision_record(s, r, got);
    if (err == DS_OK && ids && r->decision_count)
        memcpy(ids, got, (size_t)r->decision_count * sizeof *ids);
    free(got);
    return err;
}

ds_error ds_store_decision_list(ds_store *s, int64_t document_id, int cap, ds_decision *out,
                                int *count)
{
    ENTER(s);
    NEED(count && cap >= 0 && (cap == 0 || out));
    return s->ops->decision_list(s, document_id, cap, out, count);
}

/* --------------------------------------------------- webhook deliveries */

ds_error ds_store_delivery_claim(ds_store *s, int lease_seconds, ds_delivery *out, bool *got)
{
    ENTER(s);
    NEED(out && got && lease_seconds > 0);
    return s->ops->delivery_claim(s, lease_seconds, out, got);
}

ds_error ds_store_delivery_done(ds_store *s, int64_t id, int http_status)
{
    ENTER(s);
    return s->ops->delivery_done(s, id, http_status);
}

ds_error ds_store_delivery_fail(ds_store *s, int64_t id, int http_status, const char *error,
                                int max_attempts, int64_t *next_attempt_at, bool *gave_up)
{
    ENTER(s);
    NEED(max_attempts >= 1);
    char e[DS_STORE_ERRMSG_MAX + 1];
    ds_store_copy(e, sizeof e, error); /* a longer reason is cut: it is a log line */
    int64_t next = 0;
    bool g = false;
    ds_error err = s->ops->delivery_fail(s, id, http_status, e, max_attempts, &next, &g);
    if (err == DS_OK) {
        if (next_attempt_at)
            *next_attempt_at = next;
        if (gave_up)
            *gave_up = g;
    }
    return err;
}

ds_error ds_store_delivery_list(ds_store *s, int64_t job_id, int64_t before_id, int cap,
                                ds_delivery *out, int *count)
{
    ENTER(s);
    NEED(count && before_id >= 0 && cap >= 0 && (cap == 0 || out));
    return s->ops->delivery_list(s, job_id, before_id, cap, out, count);
}

/* ----------------------------------------------------------------- tokens */

ds_error ds_store_token_create(ds_store *s, const char *token, ds_role role, const char *name,
                               int64_t *id)
{
    ENTER(s);
    NEED(token && strnlen(token, 16) >= 16 && (unsigned)role < DS_ROLE_COUNT);
    CHECK(text_arg(token, 4096, true));
    CHECK(text_arg(name, DS_STORE_NAME_MAX, true));
    char hash[65];
    ds_sha256_hex(token, strlen(token), hash);
    int64_t i = 0;
    ds_error err = s->ops->token_create(s, hash, role, name, &i);
    if (err == DS_OK && id)
        *id = i;
    return err;
}

ds_error ds_store_token_lookup_hash(ds_store *s, const char *hash_hex, ds_token *out)
{
    ENTER(s);
    NEED(hash_hex && out);
    if (!ds_store_is_hex64(hash_hex))
        return DS_ERR_NO_RECORD;
    ds_token t;
    CHECK(s->ops->token_lookup_hash(s, hash_hex, &t));
    /* The row was found through an index on the hash; the final equality is
     * decided in constant time all the same. */
    if (CRYPTO_memcmp(t.hash, hash_hex, 64) != 0 || t.revoked_at)
        return DS_ERR_NO_RECORD;
    *out = t;
    return DS_OK;
}

ds_error ds_store_token_lookup(ds_store *s, const char *token, ds_token *out)
{
    ENTER(s);
    NEED(token && out);
    if (strnlen(token, 4097) > 4096)
        return DS_ERR_NO_RECORD;
    char hash[65];
    ds_sha256_hex(token, strlen(token), hash);
    return ds_store_token_lookup_hash(s, hash, out);
}

ds_error ds_store_token_list(ds_store *s, int cap, ds_token *out, int *count)
{
    ENTER(s);
    NEED(count && cap >= 0 && (cap == 0 || out));
    return s->ops->token_list(s, cap, out, count);
}

ds_error ds_store_token_revoke(ds_store *s, const char *name)
{
    ENTER(s);
    CHECK(text_arg(name, DS_STORE_NAME_MAX, true));
    return s->ops->token_revoke(s, name);
}

/* -------------------------------------------------------------- audit log */

ds_error ds_store_audit_append(ds_store *s, const char *actor, const char *action,
                               const char *object, int64_t *seq)
{
    ENTER(s);
    CHECK(text_arg(actor, DS_STORE_NAME_MAX, true));
    CHECK(text_arg(action, DS_STORE_CODE_MAX, true));
    CHECK(text_arg(object, DS_STORE_OBJECT_MAX, false));
    int64_t q = 0;
    ds_error err = s->ops->audit_append(s, actor, action, object ? object : "", &q);
    if (err == DS_OK && seq)
        *seq = q;
    return err;
}

ds_error ds_store_audit_verify(ds_store *s, int64_t *checked, int64_t *first_bad)
{
    ENTER(s);
    int64_t c = 0, b = 0;
    ds_error err = s->ops->audit_verify(s, &c, &b);
    if (err == DS_OK) {
        if (checked)
            *checked = c;
        if (first_bad)
            *first_bad = b;
    }
    return err;
}

ds_error ds_store_audit_list(ds_store *s, int64_t after_seq, int cap, ds_audit_entry *out,
                             int *count)
{
    ENTER(s);
    NEED(count && cap >= 0 && (cap == 0 || out));
    return s->ops->audit_list(s, after_seq, cap, out, count);
}

/* ------------------------------------------------- memory across cases */

ds_error ds_store_memory_record(ds_store *s, int64_t document_id, const ds_fingerprint *fp, int n)
{
    ENTER(s);
    CHECK(fingerprints_ok(fp, n));
    return s->ops->memory_record(s, document_id, fp, n);
}

ds_error ds_store_memory_find_document(ds_store *s, const ds_identity *id,
                                       int64_t exclude_document_id, int cap,
                                       ds_memory_match *out, int *count)
{
    ENTER(s);
    NEED(id && count && cap >= 0 && (cap == 0 || out));
    ds_fingerprint f = {.has_identity = true, .identity = *id};
    CHECK(fingerprints_ok(&f, 1));
    return s->ops->memory_find_document(s, id, exclude_document_id, cap, out, count);
}

ds_error ds_store_memory_find_image(ds_store *s, uint64_t dhash, int max_distance,
                                    const char *case_id, int cap, ds_memory_match *out,
                                    int *count)
{
    ENTER(s);
    NEED(count && cap >= 0 && (cap == 0 || out) && max_distance >= 0 && max_distance <= 64);
    CHECK(text_arg(case_id, DS_STORE_CASE_ID_MAX, false));
    return s->ops->memory_find_image(s, dhash, max_distance, case_id ? case_id : "", cap, out,
                                     count);
}

/* ------------------------------------------------- lost and stolen list */

ds_error ds_store_lost_import(ds_store *s, const char *csv, size_t len, const char *default_source,
                              ds_lost_import_stats *stats)
{
    ENTER(s);
    NEED(stats && (csv || len == 0));
    CHECK(text_arg(default_source, DS_STORE_SOURCE_MAX, false));
    return s->ops->lost_import(s, csv ? csv : "", len, default_source ? default_source : "",
                               stats);
}

ds_error ds_store_lost_import_file(ds_store *s, const char *path, const char *default_source,
                                   ds_lost_import_stats *stats)
{
    ENTER(s);
    NEED(path && stats);
    uint8_t *buf = NULL;
    size_t n = 0;
    ds_error err = ds_read_file(path, 512u << 20, &buf, &n);
    if (err == DS_ERR_EMPTY) {
        memset(stats, 0, sizeof *stats);
        return DS_OK;
    }
    if (err != DS_OK)
        return err;
    err = ds_store_lost_import(s, (const char *)buf, n, default_source, stats);
    free(buf);
    return err;
}

ds_error ds_store_lost_lookup(ds_store *s, const char *document_number, const char *issuing_state,
                              ds_lost_entry *out, bool *found)
{
    ENTER(s);
    NEED(document_number && issuing_state && found);
    char docno[DS_STORE_DOCNO_MAX + 1], state[4];
    size_t dl = strnlen(document_number, 4 * DS_STORE_DOCNO_MAX + 1);
    size_t sl = strnlen(issuing_state, 16);
    if (dl > 4 * DS_STORE_DOCNO_MAX || sl >= 16 || !ds_lost_norm_docno(document_number, dl, docno, sizeof docno) ||
        !ds_lost_norm_state(issuing_state, sl, state)) {
        *found = false; /* a number that cannot be listed is not listed */
        return DS_OK;
    }
    ds_lost_entry e;
    bool f = false;
    CHECK(s->ops->lost_lookup(s, docno, state, &e, &f));
    *found = f;
    if (f && out)
        *out = e;
    return DS_OK;
}

/* -------------------------------------------------------------- retention */

ds_error ds_store_case_delete(ds_store *s, const char *case_id, const char *actor,
                              int64_t *documents)
{
    int64_t n = 0;
    ENTER(s);
    CHECK(text_arg(case_id, DS_STORE_CASE_ID_MAX, true));
    CHECK(text_arg(actor, DS_STORE_NAME_MAX, true));
    ds_error err = s->ops->case_delete(s, case_id, actor, &n);
    if (err == DS_OK && documents)
        *documents = n;
    return err;
}

ds_error ds_store_job_forgotten(ds_store *s, int64_t job_id, bool *forgotten)
{
    ENTER(s);
    NEED(forgotten && job_id > 0);
    return s->ops->job_forgotten(s, job_id, forgotten);
}

ds_error ds_store_purge(ds_store *s, int days, const char *actor, ds_purge_stats *stats)
{
    ENTER(s);
    NEED(days >= 1 && days <= 100000);
    CHECK(text_arg(actor, DS_STORE_NAME_MAX, true));
    ds_purge_stats st = {0};
    int64_t cutoff = ds_store_now(s) - (int64_t)days * 86400;
    ds_error err = s->ops->purge(s, cutoff, actor, &st);
    if (err == DS_OK && stats)
        *stats = st;
    return err;
}

