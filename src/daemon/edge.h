/*
 * edge: the one gate for strings that come from outside the daemon (file
 * names, folder names, case ids, header values) and for stored strings that
 * go back out as JSON. Every string the daemon stores or puts into JSON
 * passes through here once, at the edge where it enters: afterwards it is
 * valid UTF-8 without control characters, so no later step (the report's
 * JSON, the review queue, a webhook summary) can fail on its content.
 *
 * This header includes nothing of src/daemon and edge.c calls nothing of
 * the daemon: the API, the hot folders and the workers all use it.
 */
#ifndef DS_DAEMON_EDGE_H
#define DS_DAEMON_EDGE_H

#include <stdbool.h>
#include <stddef.h>

#include "docscreen/docscreen.h"

/* What ds_edge_take does with bytes that are not valid UTF-8. */
typedef enum ds_edge_mode {
    /* Refuse the string (DS_ERR_USAGE); the API answers 400. */
    DS_EDGE_REFUSE = 0,
    /* Read each byte of an invalid sequence as Latin-1 (ISO 8859-1, what
     * Windows shares and old scanners write) and encode it as UTF-8, so
     * "Fran\xe7ois" becomes "François". Nothing is lost or refused. */
    DS_EDGE_LATIN1,
} ds_edge_mode;

enum {
    /* A string longer than cap - 1 bytes is cut on a character boundary;
     * without this flag it is DS_ERR_TOO_LARGE. */
    DS_EDGE_CUT = 1u << 0,
    /* A control character (below 0x20, or 0x7f) is DS_ERR_USAGE; without
     * this flag it becomes '_'. */
    DS_EDGE_NO_CONTROLS = 1u << 1,
};

/* True when s[0..n) is valid UTF-8: no overlong form, no surrogate, nothing
 * above U+10FFFF, no sequence cut short. */
bool ds_edge_is_utf8(const char *s, size_t n);

/*
 * Turns the outside bytes in[0..n) into valid UTF-8 in out (cap >= 1
 * bytes, NUL-terminated on DS_OK) as mode and flags (DS_EDGE_*) say. A NUL
 * byte inside in[0..n) is DS_ERR_USAGE. On an error out holds "".
 */
ds_error ds_edge_take(const char *in, size_t n, ds_edge_mode mode, unsigned flags,
                      char *out /* OUT */, size_t cap);

/* For text read back from the store that may predate this gate: s as valid
 * UTF-8 in out (cap >= 1 bytes; Latin-1 re-encoding, controls to '_', cut
 * on a character boundary). Never fails; returns out. */
const char *ds_edge_safe(const char *s, char *out /* OUT */, size_t cap);

#endif
