/*
 * The configuration parser: one table of keys, each with its type, place
 * in ds_conf and a line of help. Dynamic keys (`hotfolder.<station>`,
 * `webhook.<name>.url`, `webhook.<name>.secret`) are handled apart.
 * Values never reach a message: a value may be a token or a secret; and
 * ds_conf_print shows no secret, token or URL credentials (user
 * information and query strings of webhook URLs are hidden).
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include "check/case.h"
#include "notify/notify.h"

typedef enum { K_STR, K_INT, K_I64, K_BOOL, K_LISTEN, K_LOGLEVEL, K_DATE } ktype;

typedef struct key_def {
    const char *key;
    ktype type;
    size_t off;
    size_t cap;     /* K_STR: buffer size */
    long long lo, hi;
    const char *def;  /* the default, as text, for --help-config */
    const char *help;
} key_def;

#define O(f) offsetof(ds_conf, f)
#define S(f) sizeof(((ds_conf *)0)->f)

static const key_def KEYS[] = {
    {"listen", K_LISTEN, 0, 0, 0, 0, "127.0.0.1:8440", "address and port of the HTTP API (ADDRESS:PORT; port 0 picks a free one)"},
    {"tls_cert", K_STR, O(tls_cert), S(tls_cert), 0, 0, "", "PEM certificate: serve HTTPS (with tls_key); empty: plain HTTP (put a TLS proxy in front)"},
    {"tls_key", K_STR, O(tls_key), S(tls_key), 0, 0, "", "PEM private key for tls_cert"},
    {"max_connections", K_INT, O(max_connections), 0, 1, 100000, "256", "connections open at once, all clients together"},
    {"max_connections_per_ip", K_INT, O(max_connections_per_ip), 0, 1, 100000, "32", "connections open at once from one address; more get 429"},
    {"request_timeout_s", K_INT, O(request_timeout_s), 0, 1, 3600, "30", "an idle connection is closed after this many seconds"},
    {"request_deadline_s", K_INT, O(request_deadline_s), 0, 1, 3600, "120", "a request's head and body must have arrived whole this long after its connection opened or its previous answer was sent; a connection past it is closed"},
    {"http_threads", K_INT, O(http_threads), 0, 1, 64, "8", "threads answering HTTP requests; a request being stored or read holds only its own"},
    {"max_upload_bytes", K_I64, O(max_upload_bytes), 0, 1, 256LL << 20, "67108864", "largest request body; a larger one gets 413"},
    {"max_inflight_body_bytes", K_I64, O(max_inflight_body_bytes), 0, 1, 1LL << 40, "1073741824", "request bodies being received, all requests together (uploads are spooled to tmp_dir, never held in memory); a request that would go over gets 503 busy with Retry-After; at least max_upload_bytes"},
    {"metrics_public", K_BOOL, O(metrics_public), 0, 0, 0, "false", "true: /metrics needs no token; false: an admin or officer token"},
    {"store", K_STR, O(store), S(store), 0, 0, "sqlite:docscreen.db", "the store: sqlite:PATH (or a plain path), or postgresql://..."},
    {"blob_dir", K_STR, O(blob_dir), S(blob_dir), 0, 0, "", "directory of submitted files; empty: PATH.blobs beside the SQLite file"},
    {"tmp_dir", K_STR, O(tmp_dir), S(tmp_dir), 0, 0, "", "scratch directory for pages being screened; empty: $TMPDIR or /tmp"},
    {"workers", K_INT, O(workers), 0, 0, 256, "0", "screening threads (one OCR engine each); 0: one per core"},
    {"max_pixels", K_I64, O(max_pixels), 0, 1, 1LL << 32, "50000000", "largest page, in pixels"},
    {"max_pages", K_INT, O(max_pages), 0, 1, 1000, "64", "most pages read from one file"},
    {"max_total_pixels", K_I64, O(max_total_pixels), 0, 1, 1LL << 40, "200000000", "pixels of all pages of one file together, checked from the headers before a page is decoded"},
    {"max_decode_s", K_INT, O(max_decode_s), 0, 1, 3600, "120", "longest time decoding one file's pages may take"},
    {"trust_dir", K_STR, O(trust_dir), S(trust_dir), 0, 0, "", "certificates of trusted digital-seal signers"},
    {"barcodes", K_BOOL, O(barcodes), 0, 0, 0, "true", "read barcodes and digital seals"},
    {"viz", K_BOOL, O(viz), 0, 0, 0, "true",
     "read the printed data page and compare it with the MRZ (about 0.3-0.5 s a page)"},
    {"forensics", K_BOOL, O(forensics), 0, 0, 0, "true",
     "look for editing traces and measure image quality"},
    {"support", K_BOOL, O(support), 0, 0, 0, "true",
     "read pages without an MRZ as supporting documents and check them against the case (OCR, 1-2 s a page)"},
    {"ocr_langs", K_STR, O(ocr_langs), S(ocr_langs), 0, 0, "eng",
     "Tesseract languages for supporting pages, e.g. eng+deu+fra (each needs tesseract-ocr-XXX)"},
    {"statement_window_days", K_INT, O(statement_window_days), 0, 1, 3660, "90",
     "statements, bills and payslips older than this before the application date are flagged"},
    {"today", K_DATE, O(today), S(today), 0, 0, "", "screen as on this date (YYYY-MM-DD); empty: the clock (for tests)"},
    {"duplicate_image_distance", K_INT, O(duplicate_image_distance), 0, 0, 32, "4", "largest dHash distance (bits) reported as DUPLICATE_IMAGE"},
    {"job_timeout_s", K_INT, O(job_timeout_s), 0, 1, 86400, "1800",
     "a job still running this long after its claim is taken over by another worker or node (a hung worker); the second time it is failed"},
    {"shutdown_grace_s", K_INT, O(shutdown_grace_s), 0, 0, 3600, "30", "on SIGTERM, how long work in hand may take before it is requeued"},
    {"admin_token", K_STR, O(admin_token), S(admin_token), 0, 0, "", "a first admin token, created at start when missing (or env DOCSCREEN_ADMIN_TOKEN)"},
    {"admin_token_name", K_STR, O(admin_token_name), S(admin_token_name), 0, 0, "admin", "name of that token"},
    {"retention_days", K_INT, O(retention_days), 0, 0, 36500, "0", "purge files, reports, decision notes, case records and hot-folder copies older than this; 0: keep forever"},
    {"retention_interval_s", K_INT, O(retention_interval_s), 0, 1, 86400 * 7, "3600", "how often the purge runs"},
    {"log_level", K_LOGLEVEL, O(log_level), 0, 0, 0, "info", "error, warn, info or debug"},
    {"hotfolder_interval_ms", K_INT, O(hotfolder_interval_ms), 0, 50, 600000, "1000", "how often hot folders are scanned"},
    {"hotfolder_stable_ms", K_INT, O(hotfolder_stable_ms), 0, 0, 3600000, "2000", "a file without a .ready marker is taken once its size and mtime have not changed for this long (0: at once)"},
    {"hotfolder_require_ready", K_BOOL, O(hotfolder_require_ready), 0, 0, 0, "false", "true: take a file only once NAME.ready exists beside it"},
    {"webhook_timeout_ms", K_INT, O(webhook_timeout_ms), 0, 100, 300000, "10000", "time limit of one webhook POST"},
    {"webhook_max_attempts", K_INT, O(webhook_max_attempts), 0, 1, 100, "12", "attempts before a delivery is given up (backoff 30 s doubling, at most 6 h)"},
    {"webhook_allow_internal", K_BOOL, O(webhook_allow_internal), 0, 0, 0, "false", "true: webhooks may go to loopback, link-local and cloud metadata addresses (refused by default, also when a name resolves to one)"},
    {"webhook_lease_s", K_INT, O(webhook_lease_s), 0, 1, 3600, "60", "a delivery in flight when the daemon dies is retried after this"},
};

void ds_conf_default(ds_conf *c)
{
    memset(c, 0, sizeof *c);
    char msg[DS_CONF_MSG_MAX];
    for (size_t i = 0; i < sizeof KEYS / sizeof KEYS[0]; i++)
        (void)ds_conf_set(c, KEYS[i].key, KEYS[i].def, msg, sizeof msg);
}

const char *ds_log_level_name(ds_log_level l)
{
    static const char *n[] = {"error", "warn", "info", "debug"};
    return (unsigned)l < 4 ? n[l] : "info";
}

static bool parse_bool(const char *v, bool *out)
{
    if (!strcmp(v, "true") || !strcmp(v, "yes") || !strcmp(v, "on") || !strcmp(v, "1"))
        *out = true;
    else if (!strcmp(v, "false") || !strcmp(v, "no") || !strcmp(v, "off") || !strcmp(v, "0"))
        *out = false;
    else
        return false;
    return true;
}

static bool parse_ll(const char *v, long long lo, long long hi, long long *out)
{
    if (!*v)
        return false;
    errno = 0;
    char *end = NULL;
    long long x = strtoll(v, &end, 10);
    if (errno || *end || x < lo || x > hi)
        return false;
    *out = x;
    return true;
}

static bool name_ok(const char *s, size_t n)
{
    if (n == 0 || n > DS_CONF_NAME_MAX)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)s[i]) && s[i] != '_' && s[i] != '-')
            return false;
    return true;
}

static ds_error copy_str(char *dst, size_t cap, const char *v, const char *key, char *msg,
                         size_t msg_cap)
{
    size_t n = strlen(v);
    if (n >= cap) {
        snprintf(msg, msg_cap, "%s: the value is longer than %zu bytes", key, cap - 1);
        return DS_ERR_TOO_LARGE;
    }
    memcpy(dst, v, n + 1);
    return DS_OK;
}

static ds_error set_dynamic(ds_conf *c, const char *key, const char *v, char *msg, size_t msg_cap)
{
    if (!strncmp(key, "hotfolder.", 10)) {
        const char *st = key + 10;
        if (!name_ok(st, strlen(st))) {
            snprintf(msg, msg_cap, "hotfolder.<station>: the station name must be 1-%d letters, digits, '_' or '-'", DS_CONF_NAME_MAX);
            return DS_ERR_USAGE;
        }
        int i;
        for (i = 0; i < c->hotfolder_count; i++)
            if (!strcmp(c->hotfolder[i].station, st))
                break;
        if (i == c->hotfolder_count) {
            if (!*v)
                return DS_OK;
            if (c->hotfolder_count == DS_CONF_HOTFOLDERS_MAX) {
                snprintf(msg, msg_cap, "%s: more than %d hot folders", key, DS_CONF_HOTFOLDERS_MAX);
                return DS_ERR_TOO_LARGE;
            }
            c->hotfolder_count++;
        }
        if (!*v) { /* an empty value removes the hot folder */
            memmove(&c->hotfolder[i], &c->hotfolder[i + 1],
                    (size_t)(c->hotfolder_count - i - 1) * sizeof c->hotfolder[0]);
            c->hotfolder_count--;
            return DS_OK;
        }
        snprintf(c->hotfolder[i].station, sizeof c->hotfolder[i].station, "%s", st);
        return copy_str(c->hotfolder[i].path, sizeof c->hotfolder[i].path, v, key, msg, msg_cap);
    }
    if (!strncmp(key, "webhook.", 8)) {
        const char *nm = key + 8;
        const char *dot = strrchr(nm, '.');
        if (!dot || !name_ok(nm, (size_t)(dot - nm)) ||
            (strcmp(dot, ".url") != 0 && strcmp(dot, ".secret") != 0)) {
            snprintf(msg, msg_cap, "webhook keys are webhook.<name>.url and webhook.<name>.secret");
            return DS_ERR_USAGE;
        }
        size_t nl = (size_t)(dot - nm);
        int i;
        for (i = 0; i < c->webhook_count; i++)
            if (strlen(c->webhook[i].name) == nl && !strncmp(c->webhook[i].name, nm, nl))
                break;
        if (i == c->webhook_count) {
            if (c->webhook_count == DS_CONF_WEBHOOKS_MAX) {
                snprintf(msg, msg_cap, "more than %d webhooks", DS_CONF_WEBHOOKS_MAX);
                return DS_ERR_TOO_LARGE;
            }
            c->webhook_count++;
            memset(&c->webhook[i], 0, sizeof c->webhook[i]);
            memcpy(c->webhook[i].name, nm, nl);
        }
        if (!strcmp(dot, ".url")) {
            if (*v && strncmp(v, "http://", 7) && strncmp(v, "https://", 8)) {
                snprintf(msg, msg_cap, "%s: only http:// and https:// URLs are allowed", key);
                return DS_ERR_USAGE;
            }
            return copy_str(c->webhook[i].url, sizeof c->webhook[i].url, v, key, msg, msg_cap);
        }
        return copy_str(c->webhook[i].secret, sizeof c->webhook[i].secret, v, key, msg, msg_cap);
    }
    snprintf(msg, msg_cap, "unknown key '%.64s'", key);
    return DS_ERR_USAGE;
}

ds_error ds_conf_set(ds_conf *c, const char *key, const char *v, char *msg, size_t msg_cap)
{
    if (!c || !key || !v)
        return DS_ERR_USAGE;
    if (msg && msg_cap)
        msg[0] = 0;
    char dummy[8];
    if (!msg) {
        msg = dummy;
        msg_cap = sizeof dummy;
    }
    const key_def *k = NULL;
    for (size_t i = 0; i < sizeof KEYS / sizeof KEYS[0]; i++)
        if (!strcmp(KEYS[i].key, key))
            k = &KEYS[i];
    if (!k)
        return set_dynamic(c, key, v, msg, msg_cap);
    char *base = (char *)c;
    long long x;
    bool b;
    switch (k->type) {
    case K_STR:
        return copy_str(base + k->off, k->cap, v, key, msg, msg_cap);
    case K_DATE:
        if (*v && !ds_date_parse(v, NULL, NULL, NULL)) {
            snprintf(msg, msg_cap, "%s: expected a date as YYYY-MM-DD", key);
            return DS_ERR_USAGE;
        }
        return copy_str(base + k->off, k->cap, v, key, msg, msg_cap);
    case K_INT:
    case K_I64:
        if (!parse_ll(v, k->lo, k->hi, &x)) {
            snprintf(msg, msg_cap, "%s: expected a whole number from %lld to %lld", key, k->lo, k->hi);
            return DS_ERR_USAGE;
        }
        if (k->type == K_INT)
            *(int *)(base + k->off) = (int)x;
        else
            *(int64_t *)(base + k->off) = (int64_t)x;
        return DS_OK;
    case K_BOOL:
        if (!parse_bool(v, &b)) {
            snprintf(msg, msg_cap, "%s: expected true or false", key);
            return DS_ERR_USAGE;
        }
        *(bool *)(base + k->off) = b;
        return DS_OK;
    case K_LOGLEVEL:
        for (int l = 0; l < 4; l++)
            if (!strcmp(v, ds_log_level_name((ds_log_level)l))) {
                c->log_level = (ds_log_level)l;
                return DS_OK;
            }
        snprintf(msg, msg_cap, "%s: expected error, warn, info or debug", key);
        return DS_ERR_USAGE;
    case K_LISTEN: {
        const char *colon = strrchr(v, ':');
        if (!colon || (size_t)(colon - v) >= sizeof c->listen_address || colon == v ||
            !parse_ll(colon + 1, 0, 65535, &x)) {
            snprintf(msg, msg_cap, "%s: expected ADDRESS:PORT (an IPv4 address)", key);
            return DS_ERR_USAGE;
        }
        memcpy(c->listen_address, v, (size_t)(colon - v));
        c->listen_address[colon - v] = 0;
        c->port = (int)x;
        return DS_OK;
    }
    }
    return DS_ERR_INTERNAL;
}

static char *trim(char *s)
{
    while (*s && isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = 0;
    return s;
}

ds_error ds_conf_parse(ds_conf *c, const char *text, size_t len, char *msg, size_t msg_cap)
{
    char line[DS_CONF_LINE_MAX + 1];
    size_t pos = 0;
    int lineno = 0;
    ds_error err = DS_OK;

    if (!c || (!text && len > 0) || !msg || msg_cap == 0)
        return DS_ERR_USAGE;
    msg[0] = 0;
    if (len > DS_CONF_FILE_MAX) {
        snprintf(msg, msg_cap, "the configuration file is larger than %d bytes", DS_CONF_FILE_MAX);
        err = DS_ERR_TOO_LARGE;
        goto out;
    }
    while (pos < len) {
        const char *start = text + pos;
        const char *nl = memchr(start, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - start) : len - pos;
        lineno++;
        pos += n + (nl ? 1 : 0);
        if (n > DS_CONF_LINE_MAX) {
            snprintf(msg, msg_cap, "line %d: longer than %d bytes", lineno, DS_CONF_LINE_MAX);
            err = DS_ERR_TOO_LARGE;
            goto out;
        }
        if (memchr(start, 0, n)) {
            snprintf(msg, msg_cap, "line %d: holds a NUL byte", lineno);
            err = DS_ERR_USAGE;
            goto out;
        }
        memcpy(line, start, n);
        line[n] = 0;
        char *s = trim(line);
        if (!*s || *s == '#' || *s == ';')
            continue;
        char *eq = strchr(s, '=');
        if (!eq) {
            snprintf(msg, msg_cap, "line %d: expected key = value", lineno);
            err = DS_ERR_USAGE;
            goto out;
        }
        *eq = 0;
        char *key = trim(s), *val = trim(eq + 1);
        size_t vl = strlen(val);
        if (vl >= 2 && val[0] == '"' && val[vl - 1] == '"') {
            val[vl - 1] = 0;
            val++;
        }
        char sub[DS_CONF_MSG_MAX];
        err = ds_conf_set(c, key, val, sub, sizeof sub);
        if (err != DS_OK) {
            snprintf(msg, msg_cap, "line %d: %s", lineno, sub);
            goto out;
        }
    }
out:
    return err;
}

ds_error ds_conf_load(ds_conf *c, const char *path, char *msg, size_t msg_cap)
{
    ds_error err = DS_OK;
    char *text = NULL;
    FILE *f = NULL;
    size_t len = 0;

    if (!c || !path)
        return DS_ERR_USAGE;
    f = fopen(path, "r");
    if (!f) {
        snprintf(msg, msg_cap, "cannot open the configuration file: %s", strerror(errno));
        err = DS_ERR_IO;
        goto out;
    }
    /* One byte over the cap tells a file over it from one at it. */
    text = malloc((size_t)DS_CONF_FILE_MAX + 1);
    if (!text) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    len = fread(text, 1, (size_t)DS_CONF_FILE_MAX + 1, f);
    if (ferror(f)) {
        snprintf(msg, msg_cap, "the configuration file could not be read");
        err = DS_ERR_IO;
        goto out;
    }
    err = ds_conf_parse(c, text, len, msg, msg_cap);
out:
    if (f)
        fclose(f);
    free(text);
    return err;
}

static bool is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The host part of an http(s) URL into out (cap bytes; brackets of an
 * IPv6 literal removed), and where it starts and ends in url. */
static void url_host(const char *url, char *out, size_t cap, const char **start,
                     const char **end)
{
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    size_t auth = strcspn(p, "/?#");
    const char *at = memchr(p, '@', auth);
    /* the last '@' of the authority ends the user information */
    while (at && memchr(at + 1, '@', auth - (size_t)(at + 1 - p)))
        at = memchr(at + 1, '@', auth - (size_t)(at + 1 - p));
    const char *h = at ? at + 1 : p;
    const char *e;
    if (*h == '[') {
        h++;
        e = strchr(h, ']');
        if (!e || e > p + auth)
            e = p + auth;
    } else {
        e = h + strcspn(h, ":/?#");
        if (e > p + auth)
            e = p + auth;
    }
    snprintf(out, cap, "%.*s", (int)(e - h), h);
    if (start)
        *start = p;
    if (end)
        *end = p + auth;
}

/* True when url names an internal address literally (an IP literal, or
 * "localhost"); names resolved later are checked when posting. */
static bool url_literal_internal(const char *url)
{
    char host[256];
    url_host(url, host, sizeof host, NULL, NULL);
    if (!strcasecmp(host, "localhost") || (strlen(host) > 10 &&
                                           !strcasecmp(host + strlen(host) - 10, ".localhost")))
        return true;
    struct sockaddr_in a4;
    struct sockaddr_in6 a6;
    memset(&a4, 0, sizeof a4);
    memset(&a6, 0, sizeof a6);
    a4.sin_family = AF_INET;
    a6.sin6_family = AF_INET6;
    if (inet_pton(AF_INET, host, &a4.sin_addr) == 1)
        return ds_notify_addr_internal(&a4);
    if (inet_pton(AF_INET6, host, &a6.sin6_addr) == 1)
        return ds_notify_addr_internal(&a6);
    return false;
}

/* Prints url without its user information or query (either may hold a
 * credential). */
static void print_url(FILE *f, const char *url)
{
    const char *start = NULL, *end = NULL;
    char host[256];
    url_host(url, host, sizeof host, &start, &end);
    const char *at = NULL;
    for (const char *p = start; p < end; p++)
        if (*p == '@')
            at = p;
    const char *rest = at ? at + 1 : start;
    size_t path = strcspn(end, "?#");
    fprintf(f, "%.*s%s%.*s%.*s%s\n", (int)(start - url), url, at ? "(credentials)@" : "",
            (int)(end - rest), rest, (int)path, end, end[path] ? "?(hidden)" : "");
}

ds_error ds_conf_validate(const ds_conf *c, char *msg, size_t msg_cap)
{
    if (!c->store[0]) {
        snprintf(msg, msg_cap, "store: must be set");
        return DS_ERR_USAGE;
    }
    if (!!c->tls_cert[0] != !!c->tls_key[0]) {
        snprintf(msg, msg_cap, "tls_cert and tls_key must be set together");
        return DS_ERR_USAGE;
    }
    if (c->max_inflight_body_bytes < c->max_upload_bytes) {
        snprintf(msg, msg_cap, "max_inflight_body_bytes must be at least max_upload_bytes");
        return DS_ERR_USAGE;
    }
    for (int i = 0; i < c->webhook_count; i++) {
        const ds_conf_webhook *w = &c->webhook[i];
        if (!w->url[0] || !w->secret[0]) {
            snprintf(msg, msg_cap, "webhook.%s: needs both .url and .secret", w->name);
            return DS_ERR_USAGE;
        }
        if (strlen(w->secret) < 16) {
            snprintf(msg, msg_cap, "webhook.%s.secret: use at least 16 characters", w->name);
            return DS_ERR_USAGE;
        }
        if (strncmp(w->url, "http://", 7) != 0 && strncmp(w->url, "https://", 8) != 0) {
            snprintf(msg, msg_cap, "webhook.%s.url: must start with http:// or https://",
                     w->name);
            return DS_ERR_USAGE;
        }
        if (!c->webhook_allow_internal && url_literal_internal(w->url)) {
            snprintf(msg, msg_cap,
                     "webhook.%s.url: a loopback, link-local or cloud metadata address; set "
                     "webhook_allow_internal = true to allow it",
                     w->name);
            return DS_ERR_USAGE;
        }
        for (int j = 0; j < i; j++)
            if (!strcmp(c->webhook[j].url, w->url)) {
                snprintf(msg, msg_cap, "webhook.%s: the same URL as webhook.%s", w->name,
                         c->webhook[j].name);
                return DS_ERR_USAGE;
            }
    }
    for (int i = 0; i < c->hotfolder_count; i++) {
        if (!is_dir(c->hotfolder[i].path)) {
            snprintf(msg, msg_cap, "hotfolder.%s: not a directory", c->hotfolder[i].station);
            return DS_ERR_USAGE;
        }
        for (int j = 0; j < i; j++)
            if (!strcmp(c->hotfolder[j].path, c->hotfolder[i].path)) {
                snprintf(msg, msg_cap, "hotfolder.%s: the same folder as hotfolder.%s",
                         c->hotfolder[i].station, c->hotfolder[j].station);
                return DS_ERR_USAGE;
            }
    }
    if (c->admin_token[0] && strlen(c->admin_token) < 16) {
        snprintf(msg, msg_cap, "admin_token: use at least 16 characters");
        return DS_ERR_USAGE;
    }
    if (c->trust_dir[0] && !is_dir(c->trust_dir)) {
        snprintf(msg, msg_cap, "trust_dir: not a directory");
        return DS_ERR_USAGE;
    }
    if (c->tmp_dir[0] && !is_dir(c->tmp_dir)) {
        snprintf(msg, msg_cap, "tmp_dir: not a directory");
        return DS_ERR_USAGE;
    }
    return DS_OK;
}

void ds_conf_print(const ds_conf *c, void *file)
{
    FILE *f = file;
    for (size_t i = 0; i < sizeof KEYS / sizeof KEYS[0]; i++) {
        const key_def *k = &KEYS[i];
        const char *base = (const char *)c;
        fprintf(f, "%s = ", k->key);
        switch (k->type) {
        case K_STR:
        case K_DATE:
            if (!strcmp(k->key, "admin_token"))
                fprintf(f, "%s\n", c->admin_token[0] ? "(set)" : "");
            else if (!strcmp(k->key, "store") && strstr(c->store, "://"))
                print_url(f, c->store); /* postgresql://user:password@... */
            else
                fprintf(f, "%s\n", base + k->off);
            break;
        case K_INT: fprintf(f, "%d\n", *(const int *)(base + k->off)); break;
        case K_I64: fprintf(f, "%lld\n", (long long)*(const int64_t *)(base + k->off)); break;
        case K_BOOL: fprintf(f, "%s\n", *(const bool *)(base + k->off) ? "true" : "false"); break;
        case K_LOGLEVEL: fprintf(f, "%s\n", ds_log_level_name(c->log_level)); break;
        case K_LISTEN: fprintf(f, "%s:%d\n", c->listen_address, c->port); break;
        }
    }
    for (int i = 0; i < c->hotfolder_count; i++)
        fprintf(f, "hotfolder.%s = %s\n", c->hotfolder[i].station, c->hotfolder[i].path);
    for (int i = 0; i < c->webhook_count; i++) {
        fprintf(f, "webhook.%s.url = ", c->webhook[i].name);
        print_url(f, c->webhook[i].url);
        fprintf(f, "webhook.%s.secret = %s\n", c->webhook[i].name,
                c->webhook[i].secret[0] ? "(set)" : "");
    }
}

void ds_conf_print_help(void *file)
{
    FILE *f = file;
    for (size_t i = 0; i < sizeof KEYS / sizeof KEYS[0]; i++)
        fprintf(f, "%-26s default %-22s %s\n", KEYS[i].key,
                KEYS[i].def[0] ? KEYS[i].def : "(empty)", KEYS[i].help);
    fprintf(f, "%-26s %-30s %s\n", "hotfolder.<station>", "", "inbox folder of a scanning station");
    fprintf(f, "%-26s %-30s %s\n", "webhook.<name>.url", "", "URL to POST each finished job's summary and each decision to");
    fprintf(f, "%-26s %-30s %s\n", "webhook.<name>.secret", "", "HMAC-SHA256 key of that webhook (16+ characters)");
}
