/*
 * http_parse: the pure parts of the HTTP edge, with no libmicrohttpd, no
 * daemon context and no I/O, so that they can be fuzzed on their own
 * (tests/fuzz/fuzz_http.c): the validators of path parameters and file
 * names, the route pattern matcher, the strict Content-Length reader, and
 * the streaming multipart/form-data parser that takes a body in pieces of
 * any size and holds at most a few kilobytes of it (one part's header
 * block), whatever the body's size.
 *
 * This header includes nothing of src/daemon but edge.h; http_parse.c
 * calls nothing of the daemon but the edge gate.
 */
#ifndef DS_DAEMON_HTTP_PARSE_H
#define DS_DAEMON_HTTP_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

/* ------------------------------------------------------------ validators */

/* True when s[0..n) is 1 to max of A-Z a-z 0-9 . _ - : and not "." or "..". */
bool ds_http_id_ok(const char *s, size_t n, size_t max);
/* Parses 1 to 18 decimal digits into *out; false otherwise. */
bool ds_http_parse_i64(const char *s, size_t n, int64_t *out /* OUT */);
/* The last path component of a client's file name, control characters
 * replaced, cut to cap - 1 bytes on a UTF-8 boundary. False (out "") when
 * the name is not UTF-8: the caller answers 400 invalid_encoding. */
bool ds_http_clean_filename(const char *in, char *out /* OUT */, size_t cap);
/* Reads a Content-Length value: 1 to 19 decimal digits, nothing else (no
 * sign, no space, no list). False otherwise. */
bool ds_http_content_length(const char *v, uint64_t *out /* OUT */);

/* ---------------------------------------------------------------- routes */

/* The parameters a route pattern's segments take from a path. */
typedef struct ds_http_params {
    char id[DS_STORE_CASE_ID_MAX + 1];  /* {case}, {token} or {asset} */
    int64_t job_id;                     /* {job} */
    int flag_index;                     /* {flag} */
    int page_index;                     /* {page}: "N.png" */
} ds_http_params;

/*
 * True when url has the segments of pattern ("/"-separated, each a literal
 * or a parameter: {case} a case id, {token} a token name, {job} a job id,
 * {flag} a flag index below 100000, {page} "N.png" with N below 10000,
 * {asset} a file name of the review page: 1 to 64 of a-z 0-9 _ - then one
 * "." and 1 to 8 of a-z). A segment that is not a valid parameter does not
 * match. The parameters go to p (which may be partly written on false).
 */
bool ds_http_path_match(const char *pattern, const char *url, ds_http_params *p /* OUT */);

/* ------------------------------------------------------------- multipart */

/* RFC 2046: a boundary is 1 to 70 characters. */
#define DS_MP_BOUNDARY_MAX 70
/* The largest header block of one part; a longer one is malformed. */
#define DS_MP_HEADERS_MAX 8192
/* The most parts a body may have; more is malformed. */
#define DS_MP_PARTS_MAX 64

/* The boundary parameter of a multipart/form-data Content-Type (a token
 * or a quoted string of 1 to 70 of RFC 2046's characters) into out
 * (DS_MP_BOUNDARY_MAX + 1 bytes). False when ct is not multipart/form-data
 * or has no valid boundary. */
bool ds_mp_boundary(const char *ct, char out[DS_MP_BOUNDARY_MAX + 1]);

/* What the parser tells its caller. A callback returning false stops the
 * parse: ds_mp_feed then returns DS_MP_STOPPED. */
typedef struct ds_mp_sink {
    /* A part begins; name and filename are its Content-Disposition's
     * parameters as sent (bytes without NUL; NULL when absent). */
    bool (*part_begin)(void *cls, const char *name, const char *filename);
    /* The next n bytes of the part's content (n > 0). */
    bool (*part_data)(void *cls, const char *data, size_t n);
    /* The part ended (its next delimiter was read). */
    bool (*part_end)(void *cls);
    void *cls;
} ds_mp_sink;

typedef enum ds_mp_status {
    DS_MP_MORE = 0,     /* all bytes taken; the body may go on */
    DS_MP_MALFORMED,    /* the body is not multipart/form-data as RFC 7578 */
    DS_MP_STOPPED,      /* a callback returned false */
} ds_mp_status;

/* The parser's state: fixed size, no allocation. */
typedef struct ds_mp {
    ds_mp_sink sink;
    char delim[DS_MP_BOUNDARY_MAX + 5];     /* "\r\n--" boundary */
    size_t dlen;
    size_t match;           /* bytes of delim matched at the end of the last piece */
    int state;
    int parts;
    int pad;                /* transport padding after a delimiter */
    ds_mp_status status;    /* once not DS_MP_MORE, every later feed returns it */
    size_t hlen;
    char head[DS_MP_HEADERS_MAX + 1];
} ds_mp;

/* Starts a parse of a body with boundary (1 to DS_MP_BOUNDARY_MAX bytes,
 * as ds_mp_boundary gives). */
void ds_mp_init(ds_mp *m, const char *boundary, const ds_mp_sink *sink);
/* Takes the body's next n bytes (any split of the body gives the same
 * callbacks, data pieces aside). */
ds_mp_status ds_mp_feed(ds_mp *m, const char *data, size_t n);
/* True when the body read so far ended its last part with the closing
 * delimiter ("--boundary--"): anything else is a body cut short. */
bool ds_mp_complete(const ds_mp *m);

#endif
