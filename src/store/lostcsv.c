/*
 * lostcsv: parses lost-and-stolen document lists (syntax in lostcsv.h).
 *
 * The input is an untrusted file from another agency. Every line is cut
 * out with its length checked against DS_LOSTCSV_LINE_MAX before any field
 * is looked at, every field is copied into a fixed buffer after its length
 * is checked, and the number of lines read is capped. A bad line is
 * counted, never fatal. This file must never allocate, print, or read past
 * the len bytes it was given.
 */
#include "store/lostcsv.h"

#include <string.h>

#define FIELDS_MAX 4
#define FIELD_MAX 256 /* longer fields are malformed whatever the column */

static char upper(char c) { return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c; }

static bool alnum_upper(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

bool ds_lost_norm_docno(const char *in, size_t len, char *out, size_t cap)
{
    size_t n = 0;
    if (!in || !out || cap < 2)
        return false;
    for (size_t i = 0; i < len; i++) {
        char c = upper(in[i]);
        if (c == ' ' || c == '-' || c == '<')
            continue;
        if (!alnum_upper(c) || n >= DS_STORE_DOCNO_MAX || n + 1 >= cap)
            return false;
        out[n++] = c;
    }
    out[n] = '\0';
    return n > 0;
}

bool ds_lost_norm_state(const char *in, size_t len, char out[4])
{
    size_t n = 0;
    if (!in || !out)
        return false;
    for (size_t i = 0; i < len; i++) {
        char c = upper(in[i]);
        if (c == '<' || c == ' ')
            continue;
        if (c < 'A' || c > 'Z' || n >= 3)
            return false;
        out[n++] = c;
    }
    out[n] = '\0';
    return n > 0;
}

static bool digit(char c) { return c >= '0' && c <= '9'; }

static bool iso_date(const char *s, size_t n)
{
    if (n != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (size_t i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !digit(s[i]))
            return false;
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

typedef struct field {
    char text[FIELD_MAX + 1];
    size_t len;
} field;

/* Splits one line (no newline) into at most FIELDS_MAX fields; false on
 * too many fields, a field over FIELD_MAX or broken quoting. Whitespace
 * around an unquoted field is trimmed. */
static bool split(const char *line, size_t n, field *f, int *nf)
{
    size_t i = 0;
    int k = 0;
    for (;;) {
        if (k == FIELDS_MAX)
            return false;
        field *cur = &f[k++];
        cur->len = 0;
        while (i < n && (line[i] == ' ' || line[i] == '\t'))
            i++;
        if (i < n && line[i] == '"') {
            i++;
            for (;;) {
                if (i >= n)
                    return false; /* unterminated quote */
                if (line[i] == '"') {
                    if (i + 1 < n && line[i + 1] == '"') {
                        i++;
                    } else {
                        i++;
                        break;
                    }
                }
                if (cur->len >= FIELD_MAX)
                    return false;
                cur->text[cur->len++] = line[i++];
            }
            while (i < n && (line[i] == ' ' || line[i] == '\t'))
                i++;
            if (i < n && line[i] != ',')
                return false; /* text after the closing quote */
        } else {
            while (i < n && line[i] != ',') {
                if (line[i] == '"')
                    return false; /* a quote inside an unquoted field */
                if (cur->len >= FIELD_MAX)
                    return false;
                cur->text[cur->len++] = line[i++];
            }
            while (cur->len && (cur->text[cur->len - 1] == ' ' || cur->text[cur->len - 1] == '\t'))
                cur->len--;
        }
        cur->text[cur->len] = '\0';
        if (i >= n)
            break;
        i++; /* the comma */
    }
    *nf = k;
    return true;
}

static bool printable(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7e)
            return false;
    return true;
}

static bool header(const field *f)
{
    static const char h[] = "document_number";
    if (f->len != sizeof h - 1)
        return false;
    for (size_t i = 0; i < f->len; i++) {
        char c = f->text[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != h[i])
            return false;
    }
    return true;
}

static bool entry_of(const field *f, int nf, ds_lost_entry *e)
{
    memset(e, 0, sizeof *e);
    if (nf < 2)
        return false;
    if (!ds_lost_norm_docno(f[0].text, f[0].len, e->document_number, sizeof e->document_number))
        return false;
    if (!ds_lost_norm_state(f[1].text, f[1].len, e->issuing_state))
        return false;
    if (nf >= 3 && f[2].len) {
        if (!iso_date(f[2].text, f[2].len))
            return false;
        memcpy(e->reported_on, f[2].text, 10);
    }
    if (nf >= 4 && f[3].len) {
        if (f[3].len > DS_STORE_SOURCE_MAX || !printable(f[3].text, f[3].len))
            return false;
        memcpy(e->source, f[3].text, f[3].len);
        e->source[f[3].len] = '\0';
    }
    return true;
}

static void bad(ds_lost_import_stats *st)
{
    st->malformed++;
    if (!st->first_malformed_line)
        st->first_malformed_line = st->lines;
}

ds_error ds_lostcsv_parse(const char *csv, size_t len, ds_lostcsv_fn fn, void *ctx,
                          ds_lost_import_stats *stats)
{
    if (!fn || !stats || (!csv && len))
        return DS_ERR_USAGE;
    memset(stats, 0, sizeof *stats);
    size_t pos = 0;
    field f[FIELDS_MAX];
    /* A UTF-8 byte order mark before the first line is ignored. */
    if (len >= 3 && (unsigned char)csv[0] == 0xef && (unsigned char)csv[1] == 0xbb &&
        (unsigned char)csv[2] == 0xbf)
        pos = 3;
    while (pos < len) {
        if (stats->lines >= DS_LOSTCSV_LINES_MAX) {
            stats->truncated = true;
            break;
        }
        const char *line = csv + pos;
        const char *nl = memchr(line, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - line) : len - pos;
        pos += n + (nl ? 1 : 0);
        stats->lines++;
        if (n && line[n - 1] == '\r')
            n--;
        if (n > DS_LOSTCSV_LINE_MAX || memchr(line, '\0', n)) {
            bad(stats);
            continue;
        }
        size_t blank = 0;
        while (blank < n && (line[blank] == ' ' || line[blank] == '\t'))
            blank++;
        if (blank == n)
            continue;
        int nf = 0;
        if (!split(line, n, f, &nf)) {
            bad(stats);
            continue;
        }
        if (stats->lines == 1 && header(&f[0]))
            continue;
        ds_lost_entry e;
        if (!entry_of(f, nf, &e)) {
            bad(stats);
            continue;
        }
        ds_error err = fn(ctx, &e);
        if (err != DS_OK)
            return err;
        stats->imported++;
    }
    return DS_OK;
}
