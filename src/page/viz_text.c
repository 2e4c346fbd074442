/*
 * viz_text.c: text helpers of the VIZ reader (viz_text.h, viz.h). Pure
 * functions over bounded buffers: they never allocate, never read past a
 * terminator and always terminate their output.
 */
#include "page/viz_text.h"
#include "page/viz.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

/* Latin-1 Supplement U+00C0..U+00FF folded to ASCII letters ('.' = drop). */
static const char latin1_fold[64] =
    "AAAAAAACEEEEIIIIDNOOOOO.OUUUUYTsaaaaaaaceeeeiiiidnooooo.ouuuuyty";

/* Latin Extended-A U+0100..U+017F folded, two entries per letter pair. */
static const char latin_exta_fold[128] =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

/* Decodes one UTF-8 sequence at s (at most n bytes); returns its length
 * (1 for an invalid byte, with *cp = 0xFFFD). */
static int utf8_next(const unsigned char *s, size_t n, unsigned *cp)
{
    if (n == 0) {
        *cp = 0;
        return 0;
    }
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int len = (c >= 0xF0 && c < 0xF8) ? 4 : (c >= 0xE0) ? 3 : (c >= 0xC2 && c < 0xE0) ? 2 : 0;
    if (len == 0 || (size_t)len > n) {
        *cp = 0xFFFD;
        return 1;
    }
    unsigned v = c & (0x7F >> len);
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (s[i] & 0x3F);
    }
    *cp = v;
    return len;
}

/* Folds UTF-8 text to lower-case ASCII letters and digits separated by
 * single spaces; every other character is a space. */
static void fold_ascii(const char *in, char *out, size_t cap)
{
    size_t o = 0, n = strlen(in);
    const unsigned char *s = (const unsigned char *)in;
    bool space = true;
    while (n > 0 && o + 3 < cap) {
        unsigned cp;
        int l = utf8_next(s, n, &cp);
        s += l;
        n -= (size_t)l;
        char f = 0;
        if (cp < 0x80 && isalnum((int)cp))
            f = (char)tolower((int)cp);
        else if (cp >= 0xC0 && cp <= 0xFF)
            f = latin1_fold[cp - 0xC0];
        else if (cp >= 0x100 && cp < 0x180)
            f = latin_exta_fold[cp - 0x100];
        if (f == 's' && cp == 0xDF) {
            out[o++] = 's';
            f = 's';
        }
        if (f && f != '.') {
            out[o++] = (char)tolower((unsigned char)f);
            space = false;
        } else if (!space) {
            out[o++] = ' ';
            space = true;
        }
    }
    while (o > 0 && out[o - 1] == ' ')
        o--;
    out[o] = 0;
}

/* Copies src into dst[cap], never cutting a UTF-8 sequence in two. */
void ds_viz_copy_utf8(char *dst, size_t cap, const char *src)
{
    if (cap == 0)
        return;
    size_t n = strlen(src);
    if (n >= cap) {
        n = cap - 1;
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(dst, src, n);
    dst[n] = 0;
}

void ds_viz_fold(const char *in, char *out, size_t cap)
{
    if (!out || cap == 0)
        return;
    out[0] = 0;
    if (in && cap >= 4)
        fold_ascii(in, out, cap);
}


/* Upper-cases ASCII and Latin-1/Latin Extended-A lower-case letters of UTF-8
 * text and collapses white space; output is cut at a character boundary. */
void ds_viz_upper_utf8(const char *in, char *out, size_t cap)
{
    size_t o = 0, n = strlen(in);
    const unsigned char *s = (const unsigned char *)in;
    bool space = true;
    while (n > 0) {
        unsigned cp;
        int l = utf8_next(s, n, &cp);
        if (cp == ' ' || cp == '\t' || cp == 0xA0) {
            s += l;
            n -= (size_t)l;
            if (!space && o + 1 < cap) {
                out[o++] = ' ';
                space = true;
            }
            continue;
        }
        if (cp < 0x80)
            cp = (unsigned)toupper((int)cp);
        else if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7)
            cp -= 0x20;
        else if (cp >= 0x100 && cp < 0x178 && (cp & 1) && cp != 0x131 && cp != 0x138 && cp != 0x149)
            cp -= 1;
        char enc[4];
        int el;
        if (cp == 0xFFFD) {
            el = 0;
        } else if (cp < 0x80) {
            enc[0] = (char)cp;
            el = 1;
        } else if (cp < 0x800) {
            enc[0] = (char)(0xC0 | (cp >> 6));
            enc[1] = (char)(0x80 | (cp & 0x3F));
            el = 2;
        } else {
            memcpy(enc, s, (size_t)l);
            el = l;
        }
        if (o + (size_t)el + 1 > cap)
            break;
        memcpy(out + o, enc, (size_t)el);
        o += (size_t)el;
        space = false;
        s += l;
        n -= (size_t)l;
    }
    while (o > 0 && out[o - 1] == ' ')
        o--;
    out[o] = 0;
}
void ds_viz_name_key(const char *in, char *out, size_t cap)
{
    if (cap == 0)
        return;
    char f[DS_VIZ_VALUE_MAX * 2];
    ds_viz_fold(in ? in : "", f, sizeof f);
    size_t o = 0;
    for (const char *p = f; *p && o + 1 < cap; p++)
        if (isalpha((unsigned char)*p))
            out[o++] = (char)toupper((unsigned char)*p);
    out[o] = 0;
}
