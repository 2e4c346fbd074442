/*
 * edge.c: the gate for outside strings (edge.h). It checks UTF-8 by the
 * rules of RFC 3629 and re-encodes or refuses what is not; it must never
 * write past the caller's buffer, never return a string that is not valid
 * UTF-8, and never log (the strings it sees are document metadata).
 */
#include "edge.h"

#include <string.h>

/* The length (1-4) of the valid UTF-8 sequence at s[0..n), 0 when the
 * bytes there are not one. */
static size_t seq_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    size_t len;
    unsigned char lo = 0x80, hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) {
        len = 2;
    } else if (c >= 0xe0 && c <= 0xef) {
        len = 3;
        if (c == 0xe0)
            lo = 0xa0; /* no overlong form */
        if (c == 0xed)
            hi = 0x9f; /* no surrogate */
    } else if (c >= 0xf0 && c <= 0xf4) {
        len = 4;
        if (c == 0xf0)
            lo = 0x90;
        if (c == 0xf4)
            hi = 0x8f; /* nothing above U+10FFFF */
    } else {
        return 0;
    }
    if (n < len || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++)
        if (s[i] < 0x80 || s[i] > 0xbf)
            return 0;
    return len;
}

bool ds_edge_is_utf8(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        size_t k = seq_len(u + i, n - i);
        if (!k)
            return false;
        i += k;
    }
    return true;
}

ds_error ds_edge_take(const char *in, size_t n, ds_edge_mode mode, unsigned flags, char *out,
                      size_t cap)
{
    ds_error err = DS_OK;
    size_t o = 0;
    if (!out || cap == 0)
        return DS_ERR_USAGE;
    out[0] = 0;
    if (!in) {
        err = DS_ERR_USAGE;
        goto out;
    }
    const unsigned char *u = (const unsigned char *)in;
    for (size_t i = 0; i < n;) {
        unsigned char enc[4];
        size_t k = seq_len(u + i, n - i), m;
        if (u[i] == 0) {
            err = DS_ERR_USAGE;
            goto out;
        } else if (k) {
            m = k;
            memcpy(enc, u + i, k);
            if (k == 1 && (u[i] < 0x20 || u[i] == 0x7f)) {
                if (flags & DS_EDGE_NO_CONTROLS) {
                    err = DS_ERR_USAGE;
                    goto out;
                }
                enc[0] = '_';
            }
        } else if (mode == DS_EDGE_LATIN1) {
            k = 1;
            m = 2;
            enc[0] = (unsigned char)(0xc0 | (u[i] >> 6));
            enc[1] = (unsigned char)(0x80 | (u[i] & 0x3f));
        } else {
            err = DS_ERR_USAGE;
            goto out;
        }
        if (o + m + 1 > cap) {
            if (!(flags & DS_EDGE_CUT))
                err = DS_ERR_TOO_LARGE;
            goto out;
        }
        memcpy(out + o, enc, m);
        o += m;
        i += k;
    }
out:
    if (err != DS_OK)
        o = 0;
    out[o] = 0;
    return err;
}

const char *ds_edge_safe(const char *s, char *out, size_t cap)
{
    if (ds_edge_take(s ? s : "", s ? strlen(s) : 0, DS_EDGE_LATIN1, DS_EDGE_CUT, out, cap) !=
        DS_OK)
        out[0] = 0;
    return out;
}
