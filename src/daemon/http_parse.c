/*
 * The pure parts of the HTTP edge (see http_parse.h): validators, the route
 * pattern matcher and the streaming multipart/form-data parser. Nothing
 * here allocates or does I/O; the multipart parser's memory is its struct.
 */
#include "http_parse.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "daemon/edge.h"

/* ------------------------------------------------------------ validators */

bool ds_http_id_ok(const char *s, size_t n, size_t max)
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

bool ds_http_parse_i64(const char *s, size_t n, int64_t *out)
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

bool ds_http_clean_filename(const char *in, char *out, size_t cap)
{
    const char *slash = strrchr(in, '/');
    if (slash)
        in = slash + 1;
    const char *bs = strrchr(in, '\\');
    if (bs)
        in = bs + 1;
    return ds_edge_take(in, strlen(in), DS_EDGE_REFUSE, DS_EDGE_CUT, out, cap) == DS_OK;
}

bool ds_http_content_length(const char *v, uint64_t *out)
{
    size_t n = v ? strlen(v) : 0;
    if (n == 0 || n > 19)
        return false;
    uint64_t x = 0;
    for (size_t i = 0; i < n; i++) {
        if (v[i] < '0' || v[i] > '9')
            return false;
        x = x * 10 + (uint64_t)(v[i] - '0');
    }
    *out = x;
    return true;
}

/* ---------------------------------------------------------------- routes */

/* True when s[0..n) is a file name of the review page: 1 to 64 of a-z 0-9
 * _ - then one "." and 1 to 8 of a-z. */
static bool asset_name_ok(const char *s, size_t n)
{
    size_t i = 0, stem = 0, ext = 0;
    if (n > 80)
        return false;
    for (; i < n && s[i] != '.'; i++, stem++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_' ||
              s[i] == '-'))
            return false;
    if (i == n || stem == 0 || stem > 64)
        return false;
    for (i++; i < n; i++, ext++)
        if (s[i] < 'a' || s[i] > 'z')
            return false;
    return ext >= 1 && ext <= 8;
}

/* Takes the path segment s[0..n) as the parameter named by the pattern
 * segment p[0..pn) ("{case}" ...) into q; false when it is not valid. */
static bool param_take(const char *p, size_t pn, const char *s, size_t n, ds_http_params *q)
{
    int64_t v;
    if (pn == 6 && !memcmp(p, "{case}", 6) && ds_http_id_ok(s, n, DS_STORE_CASE_ID_MAX)) {
        memcpy(q->id, s, n);
        q->id[n] = 0;
        return true;
    }
    if (pn == 7 && !memcmp(p, "{token}", 7) && ds_http_id_ok(s, n, DS_STORE_NAME_MAX)) {
        memcpy(q->id, s, n);
        q->id[n] = 0;
        return true;
    }
    if (pn == 5 && !memcmp(p, "{job}", 5) && ds_http_parse_i64(s, n, &v)) {
        q->job_id = v;
        return true;
    }
    if (pn == 6 && !memcmp(p, "{flag}", 6) && ds_http_parse_i64(s, n, &v) && v < 100000) {
        q->flag_index = (int)v;
        return true;
    }
    if (pn == 6 && !memcmp(p, "{page}", 6) && n > 4 && !memcmp(s + n - 4, ".png", 4) &&
        ds_http_parse_i64(s, n - 4, &v) && v < 10000) {
        q->page_index = (int)v;
        return true;
    }
    if (pn == 7 && !memcmp(p, "{asset}", 7) && asset_name_ok(s, n)) {
        memcpy(q->id, s, n);
        q->id[n] = 0;
        return true;
    }
    return false;
}

_Static_assert(DS_STORE_NAME_MAX <= DS_STORE_CASE_ID_MAX, "{token} fits ds_http_params.id");
_Static_assert(80 <= DS_STORE_CASE_ID_MAX, "{asset} fits ds_http_params.id");

bool ds_http_path_match(const char *pattern, const char *url, ds_http_params *q)
{
    const char *p = pattern, *u = url;
    while (*p == '/' && *u == '/') {
        p++;
        u++;
        size_t pn = strcspn(p, "/"), un = strcspn(u, "/");
        if (*p == '{') {
            if (!param_take(p, pn, u, un, q))
                return false;
        } else if (pn != un || memcmp(p, u, pn) != 0) {
            return false;
        }
        p += pn;
        u += un;
    }
    return !*p && !*u;
}

/* ------------------------------------------------------------- multipart */

/* RFC 2046's bchars: what a boundary may hold (a space not last). */
static bool bchar(unsigned char c)
{
    return isalnum(c) || (c && strchr("'()+_,-./:=? ", c) != NULL);
}

static bool tchar(unsigned char c)
{
    return isalnum(c) || (c && strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

static const char *skip_ows(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return s;
}

/*
 * Reads a parameter value at s (a token, or a quoted string with
 * backslash escapes) into out (cap bytes, NUL-terminated). Returns the
 * position after it, or NULL when it is not a valid value or does not fit.
 */
static const char *param_value(const char *s, char *out, size_t cap)
{
    size_t k = 0;
    if (*s == '"') {
        for (s++; *s != '"'; s++) {
            if (!*s || (unsigned char)*s < 0x20 || *s == 0x7f)
                return NULL;
            if (*s == '\\' && !*++s)
                return NULL;
            if (k + 1 >= cap)
                return NULL;
            out[k++] = *s;
        }
        s++;
    } else {
        for (; tchar((unsigned char)*s); s++) {
            if (k + 1 >= cap)
                return NULL;
            out[k++] = *s;
        }
        if (!k)
            return NULL;
    }
    out[k] = 0;
    return s;
}

static bool boundary_of(const char *ct, char out[DS_MP_BOUNDARY_MAX + 1])
{
    if (!ct || strncasecmp(ct, "multipart/form-data", 19) != 0)
        return false;
    const char *s = skip_ows(ct + 19);
    bool found = false;
    while (*s) {
        if (*s != ';')
            return false;
        s = skip_ows(s + 1);
        const char *name = s;
        while (tchar((unsigned char)*s))
            s++;
        size_t nlen = (size_t)(s - name);
        if (!nlen || *s != '=')
            return false;
        char val[DS_MP_BOUNDARY_MAX + 2];
        bool is_boundary = nlen == 8 && !strncasecmp(name, "boundary", 8);
        char skip[256];
        s = param_value(s + 1, is_boundary ? val : skip, is_boundary ? sizeof val : sizeof skip);
        if (!s)
            return false;
        if (is_boundary) {
            size_t n = strlen(val);
            if (found || n < 1 || n > DS_MP_BOUNDARY_MAX || val[n - 1] == ' ')
                return false;
            for (size_t i = 0; i < n; i++)
                if (!bchar((unsigned char)val[i]))
                    return false;
            memcpy(out, val, n + 1);
            found = true;
        }
        s = skip_ows(s);
    }
    return found;
}

bool ds_mp_boundary(const char *ct, char out[DS_MP_BOUNDARY_MAX + 1])
{
    out[0] = 0;
    if (boundary_of(ct, out))
        return true;
    out[0] = 0; /* a valid boundary parameter before a broken one is no boundary */
    return false;
}

enum {
    S_PREAMBLE,     /* before the first delimiter: discarded */
    S_AFTER,        /* after a delimiter: padding, then CRLF or "--" */
    S_DASH2,        /* read "-" of a closing delimiter */
    S_LF,           /* read CR of the delimiter line's end */
    S_HEAD,         /* a part's header block */
    S_DATA,         /* a part's content */
    S_EPILOGUE,     /* after the closing delimiter: discarded */
};

void ds_mp_init(ds_mp *m, const char *boundary, const ds_mp_sink *sink)
{
    memset(m, 0, offsetof(ds_mp, head));
    m->head[0] = 0;
    m->sink = *sink;
    size_t b = strnlen(boundary, DS_MP_BOUNDARY_MAX);
    memcpy(m->delim, "\r\n--", 4);
    memcpy(m->delim + 4, boundary, b);
    m->dlen = 4 + b;
    m->delim[m->dlen] = 0;
    m->state = S_PREAMBLE;
    /* The body's first delimiter may come first, with no CRLF before it. */
    m->match = 2;
    m->status = b ? DS_MP_MORE : DS_MP_MALFORMED;
}

/* Splits the part's header block (CRLF-ended lines, then an empty line)
 * and reads its Content-Disposition: form-data; name=...; filename=...
 * Calls part_begin. False when the block is malformed. */
static bool head_parse(ds_mp *m, bool *stop)
{
    char name[1024], filename[1024];
    bool has_name = false, has_filename = false, has_cd = false;
    char *line = m->head;
    m->head[m->hlen] = 0;
    for (;;) {
        char *eol = strstr(line, "\r\n");
        if (!eol)
            return false;
        if (eol == line)
            break; /* the empty line ending the block */
        *eol = 0;
        char *colon = strchr(line, ':');
        if (!colon || colon == line)
            return false;
        for (char *c = line; c < colon; c++)
            if (!tchar((unsigned char)*c))
                return false;
        if ((size_t)(colon - line) == 19 && !strncasecmp(line, "Content-Disposition", 19)) {
            if (has_cd)
                return false;
            has_cd = true;
            const char *s = skip_ows(colon + 1);
            if (strncasecmp(s, "form-data", 9) != 0)
                return false;
            s = skip_ows(s + 9);
            while (*s) {
                if (*s != ';')
                    return false;
                s = skip_ows(s + 1);
                const char *pn = s;
                while (tchar((unsigned char)*s))
                    s++;
                size_t pl = (size_t)(s - pn);
                s = skip_ows(s);
                if (!pl || *s != '=')
                    return false;
                s = skip_ows(s + 1);
                char skip[1024];
                char *dst = skip;
                if (pl == 4 && !strncasecmp(pn, "name", 4)) {
                    if (has_name)
                        return false;
                    has_name = true;
                    dst = name;
                } else if (pl == 8 && !strncasecmp(pn, "filename", 8)) {
                    if (has_filename)
                        return false;
                    has_filename = true;
                    dst = filename;
                }
                s = param_value(s, dst, sizeof skip);
                if (!s)
                    return false;
                s = skip_ows(s);
            }
        }
        line = eol + 2;
    }
    if (m->sink.part_begin &&
        !m->sink.part_begin(m->sink.cls, has_name ? name : NULL, has_filename ? filename : NULL))
        *stop = true;
    return true;
}

/* Hands n bytes of content to the sink when inside a part. */
static bool emit(ds_mp *m, const char *p, size_t n)
{
    if (m->state != S_DATA || !n || !m->sink.part_data)
        return true;
    return m->sink.part_data(m->sink.cls, p, n);
}

/* A whole delimiter was read: the part in progress ends. */
static bool delimiter(ds_mp *m)
{
    bool ok = true;
    if (m->state == S_DATA && m->sink.part_end)
        ok = m->sink.part_end(m->sink.cls);
    m->state = S_AFTER;
    m->pad = 0;
    m->match = 0;
    return ok;
}

ds_mp_status ds_mp_feed(ds_mp *m, const char *p, size_t n)
{
#define STOP()                                                                                 \
    do {                                                                                       \
        m->status = DS_MP_STOPPED;                                                             \
        return m->status;                                                                      \
    } while (0)
#define BAD()                                                                                  \
    do {                                                                                       \
        m->status = DS_MP_MALFORMED;                                                           \
        return m->status;                                                                      \
    } while (0)
    while (n > 0 && m->status == DS_MP_MORE) {
        switch (m->state) {
        case S_PREAMBLE:
        case S_DATA: {
            if (m->match) {
                size_t k = m->match;
                while (k < m->dlen && n > 0 && *p == m->delim[k]) {
                    k++;
                    p++;
                    n--;
                }
                if (k == m->dlen) {
                    if (!delimiter(m))
                        STOP();
                    continue;
                }
                if (n == 0) {
                    m->match = k;
                    return m->status;
                }
                /* Not a delimiter: the bytes matched were content. A
                 * delimiter cannot begin inside them (no CR after the
                 * first), so the search goes on at *p. */
                m->match = 0;
                if (!emit(m, m->delim, k))
                    STOP();
                continue;
            }
            const char *cr = memchr(p, '\r', n);
            while (cr) {
                size_t rest = n - (size_t)(cr - p);
                if (!memcmp(cr, m->delim, rest < m->dlen ? rest : m->dlen))
                    break;
                cr = rest > 1 ? memchr(cr + 1, '\r', rest - 1) : NULL;
            }
            if (!cr) {
                if (!emit(m, p, n))
                    STOP();
                return m->status;
            }
            size_t i = (size_t)(cr - p), rest = n - i;
            if (!emit(m, p, i))
                STOP();
            if (rest < m->dlen) {
                m->match = rest;
                return m->status;
            }
            p += i + m->dlen;
            n -= i + m->dlen;
            if (!delimiter(m))
                STOP();
            continue;
        }
        case S_AFTER: {
            char c = *p++;
            n--;
            if (c == '-')
                m->state = S_DASH2;
            else if (c == '\r')
                m->state = S_LF;
            else if ((c == ' ' || c == '\t') && ++m->pad <= 64)
                break;
            else
                BAD();
            break;
        }
        case S_DASH2:
            if (*p != '-')
                BAD();
            p++;
            n--;
            m->state = S_EPILOGUE;
            break;
        case S_LF:
            if (*p != '\n' || ++m->parts > DS_MP_PARTS_MAX)
                BAD();
            p++;
            n--;
            m->state = S_HEAD;
            m->hlen = 0;
            break;
        case S_HEAD: {
            if (!*p || m->hlen >= DS_MP_HEADERS_MAX)
                BAD();
            m->head[m->hlen++] = *p++;
            n--;
            size_t h = m->hlen;
            if ((h == 2 && !memcmp(m->head, "\r\n", 2)) ||
                (h >= 4 && !memcmp(m->head + h - 4, "\r\n\r\n", 4))) {
                bool stop = false;
                if (!head_parse(m, &stop))
                    BAD();
                m->state = S_DATA;
                m->match = 0;
                if (stop)
                    STOP();
            }
            break;
        }
        default: /* S_EPILOGUE */
            n = 0;
            break;
        }
    }
    return m->status;
#undef STOP
#undef BAD
}

bool ds_mp_complete(const ds_mp *m)
{
    return m->status == DS_MP_MORE && m->state == S_EPILOGUE;
}
