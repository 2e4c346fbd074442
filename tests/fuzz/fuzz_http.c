/*
 * Fuzz target for the HTTP edge the daemon owns (src/daemon/http_parse.c
 * and the edge gate it uses): the input's first line is a request header
 * value taken as a Content-Type (its boundary), a request target (matched
 * against every route pattern of http.c), a Content-Length value, a file
 * name and an id; the rest is a multipart/form-data body.
 *
 * The body is parsed twice: whole in one piece, and cut into pieces of
 * sizes drawn from the input, byte-sized ones included. Both parses must
 * tell the same story (parts, their names and file names, their content
 * bytes, the final status and completeness): a body's meaning may not
 * depend on how TCP cut it. Content handed out never exceeds the body,
 * parts never exceed DS_MP_PARTS_MAX, a cleaned file name is valid UTF-8
 * with no path left in it, and a matched route's parameters are valid.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "daemon/edge.h"
#include "daemon/http_parse.h"

/* What one parse told: a running hash over every event, and counts. */
typedef struct story {
    uint64_t hash;
    size_t data_bytes;
    int begins, ends;
    int stop_after;     /* the begin numbered so returns false; 0: never */
} story;

static void mix(story *s, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        s->hash = (s->hash ^ b[i]) * 0x100000001b3ull;
}

static void mix_str(story *s, const char *v)
{
    if (!v) {
        mix(s, "\xff", 1);
        return;
    }
    size_t n = strlen(v);
    mix(s, &n, sizeof n);
    mix(s, v, n);
}

static bool on_begin(void *cls, const char *name, const char *filename)
{
    story *s = cls;
    s->begins++;
    mix(s, "B", 1);
    mix_str(s, name);
    mix_str(s, filename);
    if (filename) {
        char clean[DS_STORE_FILENAME_MAX + 1];
        if (ds_http_clean_filename(filename, clean, sizeof clean)) {
            size_t n = strlen(clean);
            if (n >= sizeof clean || !ds_edge_is_utf8(clean, n) || strchr(clean, '/') ||
                strchr(clean, '\\'))
                abort();
        } else if (clean[0]) {
            abort();
        }
    }
    return s->begins != s->stop_after;
}

static bool on_data(void *cls, const char *data, size_t n)
{
    story *s = cls;
    if (n == 0)
        abort();
    s->data_bytes += n;
    mix(s, data, n); /* content hashed byte by byte, no mark per piece: the split does not show */
    return true;
}

static bool on_end(void *cls)
{
    story *s = cls;
    s->ends++;
    if (s->ends > s->begins)
        abort();
    mix(s, "E", 1);
    return true;
}

/* Parses body in pieces whose sizes come from cuts (one piece when NULL). */
static void parse(const char *boundary, const char *body, size_t n, const uint8_t *cuts,
                  size_t ncuts, story *s, ds_mp_status *status, bool *complete)
{
    ds_mp_sink sink = {on_begin, on_data, on_end, s};
    static ds_mp m; /* 8 KiB: kept off the stack */
    ds_mp_init(&m, boundary, &sink);
    size_t off = 0, c = 0;
    *status = DS_MP_MORE;
    while (off < n) {
        size_t piece = cuts && ncuts ? (size_t)(cuts[c++ % ncuts] % 17) + 1 : n - off;
        if (piece > n - off)
            piece = n - off;
        *status = ds_mp_feed(&m, body + off, piece);
        off += piece;
        if (*status != DS_MP_MORE)
            break;
    }
    *complete = ds_mp_complete(&m);
    if (*complete && *status != DS_MP_MORE)
        abort();
    if (s->data_bytes > n || s->begins > DS_MP_PARTS_MAX)
        abort();
}

static const char *const patterns[] = {
    "/healthz", "/metrics", "/v1/cases/{case}", "/v1/cases/{case}/documents",
    "/v1/jobs/{job}", "/v1/jobs/{job}/report", "/v1/jobs/{job}/flags/{flag}/decision",
    "/v1/review", "/review", "/review/", "/review/{asset}", "/v1/review/queue", "/v1/flags",
    "/v1/jobs/{job}/pages/{page}", "/v1/jobs/{job}/decisions", "/v1/jobs/{job}/decision",
    "/v1/jobs/{job}/flags/{flag}/escalation", "/v1/tokens", "/v1/tokens/{token}",
    "/v1/deliveries", "/v1/admin/reload",
};

static void first_line(const char *line, size_t n)
{
    char boundary[DS_MP_BOUNDARY_MAX + 1];
    if (ds_mp_boundary(line, boundary)) {
        size_t b = strlen(boundary);
        if (b < 1 || b > DS_MP_BOUNDARY_MAX || boundary[b - 1] == ' ' || strchr(boundary, '\r'))
            abort();
    } else if (boundary[0]) {
        abort();
    }
    for (size_t i = 0; i < sizeof patterns / sizeof patterns[0]; i++) {
        ds_http_params p;
        memset(&p, 0, sizeof p);
        if (ds_http_path_match(patterns[i], line, &p)) {
            size_t idn = strnlen(p.id, sizeof p.id);
            if (idn == sizeof p.id || p.job_id < 0 || p.flag_index < 0 || p.flag_index >= 100000 ||
                p.page_index < 0 || p.page_index >= 10000)
                abort();
            if (idn && !ds_http_id_ok(p.id, idn, DS_STORE_CASE_ID_MAX) &&
                strcmp(patterns[i], "/review/{asset}") != 0)
                abort();
        }
    }
    uint64_t cl;
    if (ds_http_content_length(line, &cl) && (n == 0 || n > 19))
        abort();
    int64_t v;
    if (ds_http_parse_i64(line, n, &v) && v < 0)
        abort();
    (void)ds_http_id_ok(line, n, DS_STORE_CASE_ID_MAX);
    char out[64];
    if (ds_edge_take(line, n, DS_EDGE_LATIN1, DS_EDGE_CUT, out, sizeof out) == DS_OK &&
        !ds_edge_is_utf8(out, strlen(out)))
        abort();
    /* a stored string read back: always valid UTF-8 without controls, within its cap */
    char safe[48];
    const char *s = ds_edge_safe(line, safe, sizeof safe);
    size_t sn = strnlen(s, sizeof safe);
    if (s != safe || sn == sizeof safe || !ds_edge_is_utf8(s, sn))
        abort();
    for (size_t i = 0; i < sn; i++)
        if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
            abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *in = (const char *)data;
    const char *nl = memchr(in, '\n', size);
    size_t ln = nl ? (size_t)(nl - in) : size;
    char *line = malloc(ln + 1);
    if (!line)
        return 0;
    memcpy(line, in, ln);
    line[ln] = 0;
    size_t n = strlen(line); /* up to a NUL, as libmicrohttpd hands values */
    first_line(line, n);

    char boundary[DS_MP_BOUNDARY_MAX + 1];
    if (!ds_mp_boundary(line, boundary))
        strcpy(boundary, "XyZ");
    const char *body = nl ? nl + 1 : in + size;
    size_t blen = (size_t)(in + size - body);

    story whole = {0xcbf29ce484222325ull, 0, 0, 0, 0}, cut = whole;
    ds_mp_status s1, s2;
    bool c1, c2;
    parse(boundary, body, blen, NULL, 0, &whole, &s1, &c1);
    parse(boundary, body, blen, data, size, &cut, &s2, &c2);
    if (whole.hash != cut.hash || whole.data_bytes != cut.data_bytes || s1 != s2 || c1 != c2 ||
        whole.begins != cut.begins || whole.ends != cut.ends)
        abort();
    /* A sink that stops at its second part stops the parse there. */
    if (whole.begins >= 2) {
        story stop = {0xcbf29ce484222325ull, 0, 0, 0, 2};
        parse(boundary, body, blen, data, size, &stop, &s1, &c1);
        if (s1 != DS_MP_STOPPED || c1 || stop.begins != 2)
            abort();
    }
    free(line);
    return 0;
}
