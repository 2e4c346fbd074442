/*
 * aamva: parser of the AAMVA DL/ID Card Design Standard payload (see
 * aamva.h for the contract).
 *
 * Layout: '@', LF, RS, CR (the compliance indicator and separators), the file
 * type "ANSI " (or "AAMVA" on early cards), the 6-digit IIN, the 2-digit
 * version, from version 2 on the 2-digit jurisdiction version, the 2-digit
 * number of entries, then one 10-byte designator per entry (subfile type,
 * 4-digit offset, 4-digit length). A DL or ID subfile starts with its type
 * and holds data elements: a 3-letter id and a value ended by LF; CR ends the
 * subfile. Real cards bend the separators and the offsets, so the parser
 * accepts any separator bytes in the indicator, and when the declared offset
 * does not point at the subfile type it searches the payload for it.
 *
 * It must never read outside [data, data + n), allocate, or fail on a
 * well-formed licence because one element is odd (an odd element is kept
 * raw and its decoded field left empty).
 */
#include "barcode/aamva.h"
#include "base/text.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static const char *const status_names[DS_AAMVA_STATUS_COUNT_] = {
    "OK", "USAGE", "NOT_AAMVA", "TRUNCATED", "BAD_HEADER", "BAD_VERSION", "NO_SUBFILE", "TOO_LARGE",
};

const char *ds_aamva_status_name(ds_aamva_status s)
{
    if ((unsigned)s >= DS_AAMVA_STATUS_COUNT_)
        return "UNKNOWN";
    return status_names[s];
}

/* Offset of the file type ("ANSI " or "AAMVA") after the compliance indicator, or -1. */
static long find_file_type(const uint8_t *d, size_t n)
{
    if (n < 1 || d[0] != '@')
        return -1;
    /* The indicator is '@' and three separators; some issuers drop or double one. */
    for (size_t i = 1; i <= 6 && i + 5 <= n; i++) {
        if (memcmp(d + i, "ANSI", 4) == 0 || memcmp(d + i, "AAMVA", 5) == 0)
            return (long)i;
    }
    return -1;
}

bool ds_aamva_sniff(const uint8_t *data, size_t n)
{
    return data && find_file_type(data, n) >= 0;
}

static bool digits(const uint8_t *p, size_t k)
{
    for (size_t i = 0; i < k; i++)
        if (p[i] < '0' || p[i] > '9')
            return false;
    return true;
}

static int num(const uint8_t *p, size_t k)
{
    int v = 0;
    for (size_t i = 0; i < k; i++)
        v = v * 10 + (p[i] - '0');
    return v;
}

static bool is_subfile_type(const uint8_t *p)
{
    return (p[0] == 'D' && p[1] == 'L') || (p[0] == 'I' && p[1] == 'D');
}

/* An element id: three upper-case letters (digits allowed in the last two, for Z?? ids). */
static bool is_element_id(const uint8_t *p)
{
    return isupper(p[0]) && (isupper(p[1]) || isdigit(p[1])) && (isupper(p[2]) || isdigit(p[2]));
}

/* Copies p[0..k) as printable ASCII (others dropped), trailing spaces removed. */
static void copy_value(char *dst, size_t cap, const uint8_t *p, size_t k)
{
    size_t o = 0;
    for (size_t i = 0; i < k && o + 1 < cap; i++)
        if (p[i] >= 0x20 && p[i] < 0x7f)
            dst[o++] = (char)p[i];
    while (o > 0 && dst[o - 1] == ' ')
        o--;
    dst[o] = '\0';
}

const char *ds_aamva_element_value(const ds_aamva *a, const char *id)
{
    if (!a || !id)
        return NULL;
    for (int i = 0; i < a->nelements; i++)
        if (strcmp(a->elements[i].id, id) == 0)
            return a->elements[i].value;
    return NULL;
}

/* True for the placeholders issuers write for an absent name. */
static bool name_absent(const char *v)
{
    return !v || !*v || strcmp(v, "NONE") == 0 || strcmp(v, "UNAVL") == 0 || strcmp(v, "unavl") == 0 ||
           strcmp(v, "UNAVAILABLE") == 0;
}

static bool valid_date(int y, int m, int d)
{
    static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1800 || y > 2999 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return false;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return false;
    return true;
}

/* Reads an 8-digit date, canadian = CCYYMMDD else MMDDCCYY, into ISO; false when not a date. */
static bool read_date(const char *v, bool canadian, char out[11])
{
    out[0] = '\0';
    if (!v || strlen(v) < 8 || !digits((const uint8_t *)v, 8))
        return false;
    const uint8_t *p = (const uint8_t *)v;
    int y, m, d;
    if (canadian) {
        y = num(p, 4);
        m = num(p + 4, 2);
        d = num(p + 6, 2);
    } else {
        m = num(p, 2);
        d = num(p + 2, 2);
        y = num(p + 4, 4);
    }
    if (!valid_date(y, m, d))
        return false;
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
    return true;
}

/* Parses the elements of the subfile at d[start..end) into out. */
static void parse_elements(const uint8_t *d, size_t start, size_t end, ds_aamva *out)
{
    size_t i = start;
    while (i + 3 <= end) {
        if (d[i] == '\r')
            break; /* segment terminator */
        if (d[i] == '\n' || d[i] == ' ' || d[i] == 0x1e || d[i] == 0x1c) {
            i++;
            continue;
        }
        if (!is_element_id(d + i)) {
            /* Not an element: skip to the next separator. */
            while (i < end && d[i] != '\n' && d[i] != '\r')
                i++;
            continue;
        }
        size_t v = i + 3, e = v;
        while (e < end && d[e] != '\n' && d[e] != '\r' && d[e] != 0x1e && d[e] != 0x1c)
            e++;
        if (out->nelements < DS_AAMVA_MAX_ELEMENTS) {
            ds_aamva_element *el = &out->elements[out->nelements++];
            memcpy(el->id, d + i, 3);
            el->id[3] = '\0';
            copy_value(el->value, sizeof el->value, d + v, e - v);
        } else {
            out->elements_truncated = true;
        }
        i = e;
    }
}

/* Copies src into dst[cap], cut to fit. */
static void copy_str(char *dst, size_t cap, const char *src)
{
    size_t k = src ? strnlen(src, cap - 1) : 0;
    if (k)
        memcpy(dst, src, k);
    dst[k] = '\0';
}

static void join_names(char *dst, size_t cap, const char *a, const char *b)
{
    char tmp[2 * DS_AAMVA_MAX_VALUE + 2];
    snprintf(tmp, sizeof tmp, "%s %s", a ? a : "", b ? b : "");
    ds_text_upper_collapse(tmp, dst, cap);
}

/* Splits a full name "FAMILY,FIRST,MIDDLE" (v1 DAA) or "FIRST,MIDDLE" (v2-3 DCT). */
static void split_first(const char *src, char *first, size_t fcap, char *rest, size_t rcap)
{
    first[0] = rest[0] = '\0';
    if (!src)
        return;
    const char *sep = strpbrk(src, ",$");
    if (!sep) {
        sep = strchr(src, ' ');
    }
    if (!sep) {
        ds_text_upper_collapse(src, first, fcap);
        return;
    }
    char tmp[DS_AAMVA_MAX_VALUE];
    size_t k = (size_t)(sep - src);
    if (k >= sizeof tmp)
        k = sizeof tmp - 1;
    memcpy(tmp, src, k);
    tmp[k] = '\0';
    ds_text_upper_collapse(tmp, first, fcap);
    char r[DS_AAMVA_MAX_VALUE];
    snprintf(r, sizeof r, "%s", sep + 1);
    for (char *c = r; *c; c++)
        if (*c == '$')
            *c = ' ';
    ds_text_upper_collapse(r, rest, rcap);
}

static void decode_fields(ds_aamva *a)
{
    const char *v;
    char first[DS_AAMVA_MAX_VALUE] = "", middle[DS_AAMVA_MAX_VALUE] = "", family[DS_AAMVA_MAX_VALUE] = "";

    /* Family name: DCS (v2+ and some v1), DAB (v1); else the first part of DAA. */
    if (!name_absent(v = ds_aamva_element_value(a, "DCS")) || !name_absent(v = ds_aamva_element_value(a, "DAB")))
        ds_text_upper_collapse(v, family, sizeof family);
    /* First and middle: DAC/DAD (v1, v4+), DCT (v2-3: given names). */
    if (!name_absent(v = ds_aamva_element_value(a, "DAC")))
        ds_text_upper_collapse(v, first, sizeof first);
    if (!name_absent(v = ds_aamva_element_value(a, "DAD")))
        ds_text_upper_collapse(v, middle, sizeof middle);
    if (!first[0] && !name_absent(v = ds_aamva_element_value(a, "DCT")))
        split_first(v, first, sizeof first, middle, sizeof middle);
    if ((!family[0] || !first[0]) && !name_absent(v = ds_aamva_element_value(a, "DAA"))) {
        char fam[DS_AAMVA_MAX_VALUE], rest[DS_AAMVA_MAX_VALUE];
        split_first(v, fam, sizeof fam, rest, sizeof rest);
        if (!family[0])
            copy_str(family, sizeof family, fam);
        if (!first[0])
            split_first(rest, first, sizeof first, middle, sizeof middle);
    }
    copy_str(a->family_name, sizeof a->family_name, family);
    copy_str(a->first_name, sizeof a->first_name, first);
    copy_str(a->middle_names, sizeof a->middle_names, middle);
    join_names(a->given_names, sizeof a->given_names, first, middle);
    if ((v = ds_aamva_element_value(a, "DCU")) || (v = ds_aamva_element_value(a, "DAE")))
        ds_text_upper_collapse(v, a->suffix, sizeof a->suffix);

    if ((v = ds_aamva_element_value(a, "DCG")))
        ds_text_upper_collapse(v, a->country, sizeof a->country);

    /* Date format: version 1 and Canada CCYYMMDD; the US MMDDCCYY. Without
     * a country, a date that reads only one way decides. */
    bool canadian = a->version == 1 || strcmp(a->country, "CAN") == 0;
    if (a->version > 1 && !a->country[0]) {
        const char *probe = ds_aamva_element_value(a, "DBB");
        char tmp[11];
        if (probe && !read_date(probe, false, tmp) && read_date(probe, true, tmp))
            canadian = true;
    }
    a->dates_canadian = canadian;
    read_date(ds_aamva_element_value(a, "DBB"), canadian, a->birth_date);
    read_date(ds_aamva_element_value(a, "DBA"), canadian, a->expiry_date);
    read_date(ds_aamva_element_value(a, "DBD"), canadian, a->issue_date);

    if ((v = ds_aamva_element_value(a, "DBC"))) {
        const char *sex = "";
        if (strcmp(v, "1") == 0 || strcmp(v, "M") == 0 || strcmp(v, "m") == 0)
            sex = "M";
        else if (strcmp(v, "2") == 0 || strcmp(v, "F") == 0 || strcmp(v, "f") == 0)
            sex = "F";
        else if (strcmp(v, "9") == 0 || strcmp(v, "X") == 0 || strcmp(v, "x") == 0 || strcmp(v, "U") == 0)
            sex = "X";
        copy_str(a->sex, sizeof a->sex, sex);
    }
    if ((v = ds_aamva_element_value(a, "DAQ")) || (v = ds_aamva_element_value(a, "DBJ")))
        ds_text_upper_collapse(v, a->document_number, sizeof a->document_number);
    if ((v = ds_aamva_element_value(a, "DCF")))
        copy_str(a->document_discriminator, sizeof a->document_discriminator, v);

    const char *s1 = ds_aamva_element_value(a, "DAG"), *s2 = ds_aamva_element_value(a, "DAH");
    if (s1 && s2 && *s2) {
        char tmp[2 * DS_AAMVA_MAX_VALUE + 4];
        snprintf(tmp, sizeof tmp, "%s, %s", s1, s2);
        copy_str(a->street, sizeof a->street, tmp);
    } else if (s1) {
        copy_str(a->street, sizeof a->street, s1);
    }
    if ((v = ds_aamva_element_value(a, "DAI")))
        copy_str(a->city, sizeof a->city, v);
    if ((v = ds_aamva_element_value(a, "DAJ")))
        copy_str(a->jurisdiction, sizeof a->jurisdiction, v);
    if ((v = ds_aamva_element_value(a, "DAK"))) {
        copy_str(a->postal_code, sizeof a->postal_code, v);
        size_t k = strlen(a->postal_code);
        /* A US ZIP+4 written as 9 digits with "0000": keep the 5-digit ZIP. */
        if (k == 9 && digits((const uint8_t *)a->postal_code, 9) && strcmp(a->postal_code + 5, "0000") == 0)
            a->postal_code[5] = '\0';
    }
    if ((v = ds_aamva_element_value(a, "DAU")))
        ds_text_upper_collapse(v, a->height, sizeof a->height);
    if ((v = ds_aamva_element_value(a, "DAY")))
        ds_text_upper_collapse(v, a->eye_color, sizeof a->eye_color);
}

/* Start of the first DL/ID subfile found by searching d[from..n) for its type and an element id. */
static long search_subfile(const uint8_t *d, size_t from, size_t n, const char *type)
{
    for (size_t i = from; i + 5 <= n; i++) {
        if (d[i] == (uint8_t)type[0] && d[i + 1] == (uint8_t)type[1] && is_element_id(d + i + 2) &&
            d[i + 2] == 'D')
            return (long)i;
    }
    return -1;
}

static ds_aamva_status parse(const uint8_t *d, size_t n, ds_aamva *out)
{
    if (n > DS_AAMVA_MAX_BYTES)
        return DS_AAMVA_TOO_LARGE;
    long ft = find_file_type(d, n);
    if (ft < 0)
        return DS_AAMVA_NOT_AAMVA;
    size_t p = (size_t)ft + 5;
    if (p < n && d[(size_t)ft + 4] != ' ' && memcmp(d + ft, "ANSI", 4) == 0)
        p = (size_t)ft + 4; /* "ANSI" without its space */
    if (p + 8 > n)
        return DS_AAMVA_TRUNCATED;
    if (!digits(d + p, 8))
        return DS_AAMVA_BAD_HEADER;
    memcpy(out->iin, d + p, 6);
    out->iin[6] = '\0';
    int version = num(d + p + 6, 2);
    p += 8;
    if (version < 1 || version > 10) {
        return DS_AAMVA_BAD_VERSION;
    }
    out->version = version;
    if (version >= 2) {
        if (p + 2 > n)
            return DS_AAMVA_TRUNCATED;
        if (!digits(d + p, 2))
            return DS_AAMVA_BAD_HEADER;
        out->jurisdiction_version = num(d + p, 2);
        p += 2;
    }
    if (p + 2 > n)
        return DS_AAMVA_TRUNCATED;
    if (!digits(d + p, 2)) {
        return DS_AAMVA_BAD_HEADER;
    }
    out->entries = num(d + p, 2);
    p += 2;
    if (out->entries < 1) {
        return DS_AAMVA_BAD_HEADER;
    }

    /* Designators: the first DL/ID one whose offset and length fit the input. */
    size_t designators_end = p + (size_t)out->entries * 10;
    long start = -1;
    size_t end = n;
    char type[3] = "";
    for (int e = 0; e < out->entries; e++) {
        size_t q = p + (size_t)e * 10;
        if (q + 10 > n) {
            return DS_AAMVA_TRUNCATED;
        }
        if (!is_subfile_type(d + q) || !digits(d + q + 2, 8))
            continue;
        if (type[0])
            continue; /* the first DL/ID subfile is the one parsed */
        memcpy(type, d + q, 2);
        type[2] = '\0';
        size_t off = (size_t)num(d + q + 2, 4), len = (size_t)num(d + q + 6, 4);
        if (off >= designators_end && off + 2 <= n && memcmp(d + off, type, 2) == 0) {
            start = (long)off;
            end = off + len <= n ? off + len : n;
        }
    }
    if (!type[0]) {
        /* No usable designator: cards with a broken header still carry the subfile. */
        memcpy(type, "DL", 3);
    }
    if (start < 0) {
        size_t from = designators_end <= n ? designators_end : p;
        start = search_subfile(d, from, n, type);
        if (start < 0) {
            const char *other = strcmp(type, "DL") == 0 ? "ID" : "DL";
            start = search_subfile(d, from, n, other);
            if (start >= 0)
                memcpy(type, other, 3);
        }
        if (start < 0) {
            return DS_AAMVA_NO_SUBFILE;
        }
        out->offset_repaired = true;
        end = n;
    }
    memcpy(out->subfile_type, type, 3);
    /* A declared length that stops short of the subfile's terminator is
     * another common header error: read on to the terminator. */
    size_t stop = (size_t)start + 2;
    while (stop < n && d[stop] != '\r')
        stop++;
    if (stop > end)
        end = stop;
    parse_elements(d, (size_t)start + 2, end, out);
    decode_fields(out);
    return DS_AAMVA_OK;
}

ds_aamva_status ds_aamva_parse(const uint8_t *d, size_t n, ds_aamva *out)
{
    if (!d || !out)
        return DS_AAMVA_USAGE;
    memset(out, 0, sizeof *out);
    ds_aamva_status st = parse(d, n, out);
    if (st != DS_AAMVA_OK)
        memset(out, 0, sizeof *out);
    return st;
}
