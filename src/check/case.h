/*
 * case: the applicant's case record, as the office's systems send it.
 *
 * A case record is a small JSON object (contract in docs/contracts.md):
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

/* ds_case, ds_case_parse and ds_case_load are public (docscreen.h): the
 * record's fields, caps and parse contract live there. */

/* True when s is exactly YYYY-MM-DD naming a real date of the Gregorian
 * calendar with a year from 1000 to 9999; the parts go to y, m, d when
 * those are not NULL. */
bool ds_date_parse(const char *s, int *y, int *m, int *d);

/* Days from 1970-01-01 to the given Gregorian date (negative before). */
long ds_date_days(int y, int m, int d);

#endif
