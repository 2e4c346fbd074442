/*
 * The daemon's pure HTTP edge (src/daemon/http_parse.c): the multipart
 * parser's parts and bytes for bodies as browsers and curl send them, cut
 * at every byte; malformed bodies refused; the boundary parameter; the
 * Content-Length reader; route patterns.
 */
#include <stdint.h>

#include "daemon/http_parse.h"
#include "t.h"

/* What a parse gave: the parts' names, file names and bytes, joined. */
typedef struct got {
    char log[4096];
    size_t n;
} got;

static void add(got *g, const char *s, size_t n)
{
    if (g->n + n < sizeof g->log) {
        memcpy(g->log + g->n, s, n);
        g->n += n;
        g->log[g->n] = 0;
    }
}

static bool g_begin(void *cls, const char *name, const char *filename)
{
    got *g = cls;
    add(g, "[", 1);
    add(g, name ? name : "-", strlen(name ? name : "-"));
    add(g, "|", 1);
    add(g, filename ? filename : "-", strlen(filename ? filename : "-"));
    add(g, "]", 1);
    return true;
}

static bool g_data(void *cls, const char *d, size_t n)
{
    add(cls, d, n);
    return true;
}

static bool g_end(void *cls)
{
    add(cls, "$", 1);
    return true;
}

/* Parses body with boundary in pieces of `piece` bytes (0: whole); returns
 * the log, *status and *complete. */
static const char *run(const char *boundary, const char *body, size_t piece, ds_mp_status *status,
                       bool *complete)
{
    static got g;
    static ds_mp m;
    memset(&g, 0, sizeof g);
    ds_mp_sink sink = {g_begin, g_data, g_end, &g};
    ds_mp_init(&m, boundary, &sink);
    size_t n = strlen(body);
    *status = DS_MP_MORE;
    for (size_t off = 0; off < n && *status == DS_MP_MORE;) {
        size_t k = piece && piece < n - off ? piece : n - off;
        *status = ds_mp_feed(&m, body + off, k);
        off += k;
    }
    *complete = ds_mp_complete(&m);
    return g.log;
}

/* body parses, whole and cut at every size up to 9, to want, complete. */
static void expect(const char *boundary, const char *body, const char *want, bool complete)
{
    for (size_t piece = 0; piece < 10; piece++) {
        ds_mp_status st;
        bool c;
        const char *log = run(boundary, body, piece, &st, &c);
        T_EQ_STR(log, want);
        T_EQ_INT(st, DS_MP_MORE);
        T_EQ_INT(c, complete);
    }
}

static void malformed(const char *boundary, const char *body)
{
    for (size_t piece = 0; piece < 10; piece++) {
        ds_mp_status st;
        bool c;
        run(boundary, body, piece, &st, &c);
        T_EQ_INT(st, DS_MP_MALFORMED);
        T_CHECK(!c);
    }
}

static void t_multipart_parts(void)
{
    /* curl -F: a file part and a field, preamble and epilogue ignored */
    expect("XyZ",
           "preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; "
           "filename=\"a b.jpg\"\r\nContent-Type: image/jpeg\r\n\r\nAB\r\nCD\r\n--XyZ\r\n"
           "content-disposition: FORM-DATA;name=note\r\n\r\nhi\r\n--XyZ--\r\nepilogue",
           "[file|a b.jpg]AB\r\nCD$[note|-]hi$", true);
    /* transport padding after a delimiter; a part without headers; empty content */
    expect("b", "--b \t\r\n\r\nx\r\n--b\r\nContent-Disposition: form-data; name=e\r\n\r\n\r\n--b--",
           "[-|-]x$[e|-]$", true);
    /* near-delimiters are content */
    expect("XyZ",
           "--XyZ\r\nContent-Disposition: form-data; name=f\r\n\r\n--XyZ\r\n-XyZ\r\n--Xy\r\r\n--XyY"
           "\r\n--X\r\n--XyZ--",
           "[f|-]--XyZ\r\n-XyZ\r\n--Xy\r\r\n--XyY\r\n--X$", true);
    /* quoted values with escapes; the filename is raw, not cleaned */
    expect("q", "--q\r\nContent-Disposition: form-data; name=\"a\\\"b\"; filename=\"C:\\\\x\\\\y.png\""
                "\r\n\r\nz\r\n--q--",
           "[a\"b|C:\\x\\y.png]z$", true);
    /* cut short: parts so far, not complete */
    expect("XyZ", "--XyZ\r\nContent-Disposition: form-data; name=file\r\n\r\nhalf of it",
           "[file|-]half of it", false);
    expect("XyZ", "--XyZ\r\nContent-Disposition: form-data; name=file\r\n\r\nabc\r\n--XyZ",
           "[file|-]abc$", false);
    /* no delimiter at all: nothing, not complete */
    expect("XyZ", "just bytes\r\n--XyY--", "", false);
}

static void t_multipart_malformed(void)
{
    malformed("XyZ", "--XyZjunk\r\n\r\nx\r\n--XyZ--");
    malformed("XyZ", "--XyZ\r\nno colon here\r\n\r\nx\r\n--XyZ--");
    malformed("XyZ", "--XyZ\r\nContent-Disposition: attachment; name=a\r\n\r\nx\r\n--XyZ--");
    malformed("XyZ", "--XyZ\r\nContent-Disposition: form-data; name=a; name=b\r\n\r\nx\r\n--XyZ--");
    malformed("XyZ", "--XyZ\r\nContent-Disposition: form-data; name=\"open\r\n\r\nx\r\n--XyZ--");
    malformed("XyZ", "--XyZ\r\nContent-Disposition: form-data\r\nContent-Disposition: form-data"
                     "\r\n\r\nx\r\n--XyZ--");
    malformed("XyZ", "--XyZ-x");
    /* a header block over DS_MP_HEADERS_MAX */
    static char big[DS_MP_HEADERS_MAX + 100];
    strcpy(big, "--XyZ\r\nX-Pad: ");
    memset(big + strlen(big), 'a', DS_MP_HEADERS_MAX);
    malformed("XyZ", big);
    /* more than DS_MP_PARTS_MAX parts */
    static char many[(DS_MP_PARTS_MAX + 2) * 16];
    many[0] = 0;
    for (int i = 0; i < DS_MP_PARTS_MAX + 1; i++)
        strcat(many, "--p\r\n\r\nx\r\n");
    malformed("p", many);
}

static void t_boundary(void)
{
    char b[DS_MP_BOUNDARY_MAX + 1];
    T_CHECK(ds_mp_boundary("multipart/form-data; boundary=----abc", b));
    T_EQ_STR(b, "----abc");
    T_CHECK(ds_mp_boundary("Multipart/Form-Data;charset=utf-8;BOUNDARY=\"a b:c\"", b));
    T_EQ_STR(b, "a b:c");
    T_CHECK(!ds_mp_boundary("multipart/form-data", b));
    T_CHECK(!ds_mp_boundary("multipart/form-data; boundary=", b));
    T_CHECK(!ds_mp_boundary("multipart/form-data; boundary=\"ends \"", b));
    T_CHECK(!ds_mp_boundary("multipart/form-data; boundary=a; boundary=b", b));
    T_CHECK(!ds_mp_boundary("multipart/mixed; boundary=a", b));
    /* a valid boundary, then junk: no boundary, and out says so (fuzz_http) */
    T_CHECK(!ds_mp_boundary("multipart/form-data; boundary=ab\x8c", b));
    T_EQ_STR(b, "");
    T_CHECK(!ds_mp_boundary("multipart/form-data; boundary=\"bad\x01\"", b));
    char longb[120] = "multipart/form-data; boundary=";
    memset(longb + strlen(longb), 'a', 71);
    T_CHECK(!ds_mp_boundary(longb, b));
    longb[strlen(longb) - 1] = 0;
    T_CHECK(ds_mp_boundary(longb, b));
    T_EQ_INT(strlen(b), 70);
}

static void t_content_length(void)
{
    uint64_t n = 0;
    T_CHECK(ds_http_content_length("0", &n) && n == 0);
    T_CHECK(ds_http_content_length("67108864", &n) && n == 67108864u);
    T_CHECK(!ds_http_content_length("", &n));
    T_CHECK(!ds_http_content_length("+1", &n));
    T_CHECK(!ds_http_content_length("1 ", &n));
    T_CHECK(!ds_http_content_length("1,1", &n));
    T_CHECK(!ds_http_content_length("12345678901234567890", &n));
}

static void t_routes(void)
{
    ds_http_params p;
    memset(&p, 0, sizeof p);
    T_CHECK(ds_http_path_match("/v1/jobs/{job}/pages/{page}", "/v1/jobs/42/pages/3.png", &p));
    T_EQ_INT(p.job_id, 42);
    T_EQ_INT(p.page_index, 3);
    T_CHECK(ds_http_path_match("/v1/cases/{case}/documents", "/v1/cases/C-1:x/documents", &p));
    T_EQ_STR(p.id, "C-1:x");
    T_CHECK(!ds_http_path_match("/v1/cases/{case}", "/v1/cases/..", &p));
    T_CHECK(!ds_http_path_match("/v1/cases/{case}", "/v1/cases/a%2Fb", &p));
    T_CHECK(!ds_http_path_match("/v1/jobs/{job}", "/v1/jobs/-1", &p));
    T_CHECK(!ds_http_path_match("/v1/jobs/{job}/flags/{flag}/decision",
                                "/v1/jobs/1/flags/100000/decision", &p));
    T_CHECK(!ds_http_path_match("/review/{asset}", "/review/../x.js", &p));
    T_CHECK(ds_http_path_match("/review/{asset}", "/review/app.js", &p));
    T_CHECK(!ds_http_path_match("/healthz", "/healthz/", &p));
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"multipart_parts", t_multipart_parts},
        {"multipart_malformed", t_multipart_malformed},
        {"boundary", t_boundary},
        {"content_length", t_content_length},
        {"routes", t_routes},
    };
    return t_main(argc, argv, cases, sizeof cases / sizeof cases[0]);
}
