/*
 * case: the applicant's case record, as the office's systems send it.
 *
 * A case record is a small JSON object (contract in ../shared/DESIGN.md):
 * case_id is required; surname, given_names, birth_date, nationality, sex,
 * document_number and application_date are optional. This module parses and
 * validates it into fixed-size fields and nothing else: it never compares
 * the record with a document (rules.c does) and its error messages name the
 * offending field, never its value, so that no personal data reaches a log.
 * Input is untrusted; every string has a hard byte cap.
 */
#ifndef DS_CASE_H
#define DS_CASE_H

#include <stdbool.h>
#include <stddef.h>

#include "docscreen/docscreen.h"

#define DS_CASE_ID_MAX 128         /* bytes of UTF-8 in case_id */
#define DS_CASE_STR_MAX 256        /* bytes of UTF-8 in surname and given_names */
#define DS_CASE_DOCNO_MAX 64       /* bytes in document_number */
#define DS_CASE_FILE_MAX (64 * 1024) /* the largest case record accepted, in bytes */
#define DS_CASE_MSG_MAX 160        /* a message buffer of this size is never cut */

/*
 * A parsed case record. An empty string means the record does not give the
 * field. Names are kept as written (valid UTF-8, no control characters);
 * dates are real calendar dates as YYYY-MM-DD; nationality is upper case
 * and already normalised ("D" is stored as "DEU"); sex is "M", "F" or "X";
 * document_number is kept as written (letters, digits, spaces, '-', '<').
 */
typedef struct ds_case {
    char case_id[DS_CASE_ID_MAX + 1];
    char surname[DS_CASE_STR_MAX + 1];
    char given_names[DS_CASE_STR_MAX + 1];
    char birth_date[11];
    char nationality[4];
    char sex[2];
    char document_number[DS_CASE_DOCNO_MAX + 1];
    char application_date[11];
} ds_case;

/*
 * Parses len bytes of JSON into *out. The top level must be an object;
 * unknown keys are ignored; a key given twice is an error. A null or ""
 * value of an optional field means "not given". Upper and lower case are
 * both accepted for nationality and sex.
 * Fails with DS_ERR_USAGE for NULL json or out, DS_ERR_TOO_LARGE when len
 * exceeds DS_CASE_FILE_MAX, DS_ERR_JSON for malformed JSON (including
 * invalid UTF-8, NUL escapes, duplicate keys and a non-object top level) and
 * DS_ERR_CASE_FIELD for a missing case_id or a field of the wrong type, too
 * long or with an invalid value. On failure msg (when not NULL) receives
 * one sentence naming the field or the JSON position, never a value; *out
 * is cleared on failure and set on success.
 */
ds_error ds_case_parse(const char *json, size_t len, ds_case *out /* OUT */, char *msg,
                       size_t msg_cap);

/* Reads the file at path (at most DS_CASE_FILE_MAX bytes, through
 * ds_read_file) and parses it with ds_case_parse; read errors are those of
 * ds_read_file. */
ds_error ds_case_load(const char *path, ds_case *out /* OUT */, char *msg, size_t msg_cap);

/* True when s is exactly YYYY-MM-DD naming a real date of the Gregorian
 * calendar with a year from 1000 to 9999; the parts go to y, m, d when
 * those are not NULL. */
bool ds_date_parse(const char *s, int *y, int *m, int *d);

/* Days from 1970-01-01 to the given Gregorian date (negative before). */
long ds_date_days(int y, int m, int d);

#endif
