/*
 * The case record parser. jansson does the JSON (it rejects invalid UTF-8,
 * NUL escapes and nesting deeper than its own limit); this file checks each
 * known field's type, length and value and copies it into a fixed buffer.
 * It must never put a value of the record into a message: messages name the
 * field or the JSON line and column only.
 */
#include "case.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "codes.h"

static void say(char *msg, size_t cap, const char *fmt, ...)
{
    if (!msg || cap == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, cap, fmt, ap);
    va_end(ap);
}

static bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool ds_date_parse(const char *s, int *y, int *m, int *d)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    int yy = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int mm = (s[5] - '0') * 10 + (s[6] - '0');
    int dd = (s[8] - '0') * 10 + (s[9] - '0');
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (yy < 1000 || mm < 1 || mm > 12 || dd < 1)
        return false;
    int lim = mdays[mm - 1] + (mm == 2 && leap(yy));
    if (dd > lim)
        return false;
    if (y)
        *y = yy;
    if (m)
        *m = mm;
    if (d)
        *d = dd;
    return true;
}

long ds_date_days(int y, int m, int d)
{
    /* The civil-from-days inverse over 400-year eras. */
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* Fetches key as a string: 1 with *s set, 0 when absent, null or "", -1 on
 * a wrong type (msg set). */
static int get_string(json_t *root, const char *key, const char **s, size_t *n, char *msg,
                      size_t cap)
{
    json_t *v = json_object_get(root, key);
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v)) {
        say(msg, cap, "case record: field \"%s\" must be a string.", key);
        return -1;
    }
    *s = json_string_value(v);
    *n = json_string_length(v);
    return *n > 0 ? 1 : 0;
}

/* True when s[0..n) holds no C0 or C1 control character and no DEL. The
 * text is valid UTF-8 (jansson checked), so C1 controls are C2 80..C2 9F. */
static bool no_controls(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7f)
            return false;
        if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
            (unsigned char)s[i + 1] <= 0x9f)
            return false;
    }
    return true;
}

/* A free-text field: bounded, no control characters. */
static ds_error text_field(json_t *root, const char *key, char *dst, size_t max, bool required,
                           char *msg, size_t cap)
{
    const char *s = NULL;
    size_t n = 0;
    int r = get_string(root, key, &s, &n, msg, cap);
    if (r < 0)
        return DS_ERR_CASE_FIELD;
    if (r == 0) {
        if (required) {
            say(msg, cap, "case record: field \"%s\" is required and must be a non-empty string.",
                key);
            return DS_ERR_CASE_FIELD;
        }
        return DS_OK;
    }
    if (n > max) {
        say(msg, cap, "case record: field \"%s\" is longer than %zu bytes.", key, max);
        return DS_ERR_CASE_FIELD;
    }
    if (!no_controls(s, n)) {
        say(msg, cap, "case record: field \"%s\" holds a control character.", key);
        return DS_ERR_CASE_FIELD;
    }
    memcpy(dst, s, n);
    dst[n] = '\0';
    return DS_OK;
}

static ds_error date_field(json_t *root, const char *key, char dst[11], char *msg, size_t cap)
{
    const char *s = NULL;
    size_t n = 0;
    int r = get_string(root, key, &s, &n, msg, cap);
    if (r <= 0)
        return r < 0 ? DS_ERR_CASE_FIELD : DS_OK;
    if (n != 10 || memchr(s, '\0', n) || !ds_date_parse(s, NULL, NULL, NULL)) {
        say(msg, cap, "case record: field \"%s\" must be a real date written YYYY-MM-DD.", key);
        return DS_ERR_CASE_FIELD;
    }
    memcpy(dst, s, 11);
    return DS_OK;
}

static char upper(char c) { return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c; }

static ds_error nationality_field(json_t *root, char dst[4], char *msg, size_t cap)
{
    const char *s = NULL;
    size_t n = 0;
    int r = get_string(root, "nationality", &s, &n, msg, cap);
    if (r <= 0)
        return r < 0 ? DS_ERR_CASE_FIELD : DS_OK;
    char code[4] = {0};
    bool ok = n == 1 || n == 3;
    for (size_t i = 0; ok && i < n; i++) {
        code[i] = upper(s[i]);
        ok = code[i] >= 'A' && code[i] <= 'Z';
    }
    if (ok && n == 1)
        ok = code[0] == 'D';
    if (!ok) {
        say(msg, cap,
            "case record: field \"nationality\" must be an ICAO 9303 code of three letters "
            "(or D for Germany).");
        return DS_ERR_CASE_FIELD;
    }
    char norm[4];
    if (!ds_icao_code_normalise(code, norm))
        return DS_ERR_INTERNAL;
    memcpy(dst, norm, 4);
    return DS_OK;
}

static ds_error sex_field(json_t *root, char dst[2], char *msg, size_t cap)
{
    const char *s = NULL;
    size_t n = 0;
    int r = get_string(root, "sex", &s, &n, msg, cap);
    if (r <= 0)
        return r < 0 ? DS_ERR_CASE_FIELD : DS_OK;
    char c = n == 1 ? upper(s[0]) : 0;
    if (c != 'M' && c != 'F' && c != 'X') {
        say(msg, cap, "case record: field \"sex\" must be M, F or X.");
        return DS_ERR_CASE_FIELD;
    }
    dst[0] = c;
    dst[1] = '\0';
    return DS_OK;
}

static ds_error docno_field(json_t *root, char *dst, char *msg, size_t cap)
{
    const char *s = NULL;
    size_t n = 0;
    int r = get_string(root, "document_number", &s, &n, msg, cap);
    if (r <= 0)
        return r < 0 ? DS_ERR_CASE_FIELD : DS_OK;
    if (n > DS_CASE_DOCNO_MAX) {
        say(msg, cap, "case record: field \"document_number\" is longer than %d bytes.",
            DS_CASE_DOCNO_MAX);
        return DS_ERR_CASE_FIELD;
    }
    int alnum = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        bool a = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        alnum += a;
        if (!a && c != ' ' && c != '-' && c != '<') {
            say(msg, cap,
                "case record: field \"document_number\" may hold only letters A-Z, digits, "
                "spaces, '-' and '<'.");
            return DS_ERR_CASE_FIELD;
        }
    }
    if (alnum == 0) {
        say(msg, cap, "case record: field \"document_number\" holds no letter or digit.");
        return DS_ERR_CASE_FIELD;
    }
    memcpy(dst, s, n);
    dst[n] = '\0';
    return DS_OK;
}

/* The relations a related person may have to the applicant. */
static const char *const relations[] = {"mother", "father", "parent", "spouse",
                                        "child",  "sibling", "other"};

static ds_error relation_field(json_t *obj, const char *key, char *dst, char *msg, size_t cap)
{
    const char *s = NULL;
    size_t n = 0;
    int r = get_string(obj, "relation", &s, &n, msg, cap);
    if (r < 0) {
        say(msg, cap, "case record: field \"%s.relation\" must be a string.", key);
        return DS_ERR_CASE_FIELD;
    }
    if (r == 0)
        return DS_OK;
    for (size_t i = 0; i < sizeof relations / sizeof relations[0]; i++) {
        if (strlen(relations[i]) == n && memcmp(relations[i], s, n) == 0) {
            memcpy(dst, s, n);
            dst[n] = '\0';
            return DS_OK;
        }
    }
    say(msg, cap,
        "case record: field \"%s.relation\" must be mother, father, parent, spouse, child, "
        "sibling or other.", key);
    return DS_ERR_CASE_FIELD;
}

/*
 * related_persons: an array of at most DS_CASE_RELATED_MAX objects, each
 * with surname, given_names, birth_date and relation (all optional, at least
 * one name). Messages name the entry by its index ("related_persons[1].
 * surname"), never its value.
 */
static ds_error related_field(json_t *root, ds_case *c, char *msg, size_t cap)
{
    json_t *a = json_object_get(root, "related_persons");
    if (!a || json_is_null(a))
        return DS_OK;
    if (!json_is_array(a)) {
        say(msg, cap, "case record: field \"related_persons\" must be an array.");
        return DS_ERR_CASE_FIELD;
    }
    if (json_array_size(a) > DS_CASE_RELATED_MAX) {
        say(msg, cap, "case record: field \"related_persons\" has more than %d entries.",
            DS_CASE_RELATED_MAX);
        return DS_ERR_CASE_FIELD;
    }
    for (size_t i = 0; i < json_array_size(a); i++) {
        json_t *o = json_array_get(a, i);
        ds_case_person *p = &c->related[i];
        char key[48];
        snprintf(key, sizeof key, "related_persons[%zu]", i);
        if (!json_is_object(o)) {
            say(msg, cap, "case record: field \"%s\" must be an object.", key);
            return DS_ERR_CASE_FIELD;
        }
        ds_error err;
        if ((err = text_field(o, "surname", p->surname, DS_CASE_STR_MAX, false, msg, cap)) ||
            (err = text_field(o, "given_names", p->given_names, DS_CASE_STR_MAX, false, msg,
                              cap)) ||
            (err = date_field(o, "birth_date", p->birth_date, msg, cap)) ||
            (err = relation_field(o, key, p->relation, msg, cap))) {
            /* The inner message names "surname"; name the entry instead. */
            if (err == DS_ERR_CASE_FIELD && msg && cap) {
                const char *q = strchr(msg, '"');
                const char *e = q ? strchr(q + 1, '"') : NULL;
                if (q && e && strncmp(q + 1, key, strlen(key)) != 0) {
                    char inner[40];
                    snprintf(inner, sizeof inner, "%.*s", (int)(e - q - 1), q + 1);
                    char rest[DS_CASE_MSG_MAX];
                    snprintf(rest, sizeof rest, "%s", e + 1);
                    say(msg, cap, "case record: field \"%s.%s\"%s", key, inner, rest);
                }
            }
            return err;
        }
        if (!p->surname[0] && !p->given_names[0]) {
            say(msg, cap, "case record: field \"%s\" must give a surname or given_names.", key);
            return DS_ERR_CASE_FIELD;
        }
        c->nrelated = (int)i + 1;
    }
    return DS_OK;
}

/* address: free text, one line or several (line breaks and tabs allowed,
 * other control characters refused). */
static ds_error address_field(json_t *root, char *dst, char *msg, size_t cap)
{
    const char *s = NULL;
    size_t n = 0;
    int r = get_string(root, "address", &s, &n, msg, cap);
    if (r <= 0)
        return r < 0 ? DS_ERR_CASE_FIELD : DS_OK;
    if (n > DS_CASE_ADDRESS_MAX) {
        say(msg, cap, "case record: field \"address\" is longer than %d bytes.",
            DS_CASE_ADDRESS_MAX);
        return DS_ERR_CASE_FIELD;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        bool bad = (ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t') || ch == 0x7f ||
                   (ch == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
                    (unsigned char)s[i + 1] <= 0x9f);
        if (bad) {
            say(msg, cap, "case record: field \"address\" holds a control character.");
            return DS_ERR_CASE_FIELD;
        }
    }
    memcpy(dst, s, n);
    dst[n] = '\0';
    return DS_OK;
}

ds_error ds_case_parse(const char *json, size_t len, ds_case *out, char *msg, size_t msg_cap)
{
    ds_error err = DS_OK;
    json_t *root = NULL;
    ds_case c;
    memset(&c, 0, sizeof c);
    if (msg && msg_cap)
        msg[0] = '\0';
    if (!json || !out) {
        say(msg, msg_cap, "case record: no input.");
        return DS_ERR_USAGE;
    }
    memset(out, 0, sizeof *out);
    if (len > DS_CASE_FILE_MAX) {
        say(msg, msg_cap, "case record: larger than %d bytes.", DS_CASE_FILE_MAX);
        return DS_ERR_TOO_LARGE;
    }
    json_error_t jerr;
    root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        /* jerr.text may quote the input, so only the position is reported. */
        say(msg, msg_cap, "case record: malformed JSON at line %d, column %d.", jerr.line,
            jerr.column);
        err = DS_ERR_JSON;
        goto out;
    }
    if (!json_is_object(root)) {
        say(msg, msg_cap, "case record: the top level must be a JSON object.");
        err = DS_ERR_JSON;
        goto out;
    }
    if ((err = text_field(root, "case_id", c.case_id, DS_CASE_ID_MAX, true, msg, msg_cap)) ||
        (err = text_field(root, "surname", c.surname, DS_CASE_STR_MAX, false, msg, msg_cap)) ||
        (err = text_field(root, "given_names", c.given_names, DS_CASE_STR_MAX, false, msg,
                          msg_cap)) ||
        (err = date_field(root, "birth_date", c.birth_date, msg, msg_cap)) ||
        (err = nationality_field(root, c.nationality, msg, msg_cap)) ||
        (err = sex_field(root, c.sex, msg, msg_cap)) ||
        (err = docno_field(root, c.document_number, msg, msg_cap)) ||
        (err = date_field(root, "application_date", c.application_date, msg, msg_cap)) ||
        (err = address_field(root, c.address, msg, msg_cap)) ||
        (err = related_field(root, &c, msg, msg_cap)))
        goto out;
    *out = c;
out:
    json_decref(root);
    return err;
}

ds_error ds_case_load(const char *path, ds_case *out, char *msg, size_t msg_cap)
{
    uint8_t *data = NULL;
    size_t len = 0;
    if (msg && msg_cap)
        msg[0] = '\0';
    if (!path || !out) {
        say(msg, msg_cap, "case record: no file given.");
        return DS_ERR_USAGE;
    }
    memset(out, 0, sizeof *out);
    ds_error err = ds_read_file(path, DS_CASE_FILE_MAX, &data, &len);
    if (err) {
        say(msg, msg_cap, "case record: %s.", ds_error_message(err));
        goto out;
    }
    err = ds_case_parse((const char *)data, len, out, msg, msg_cap);
out:
    free(data);
    return err;
}

int ds_date_valid(const char *s) { return s && ds_date_parse(s, NULL, NULL, NULL); }
