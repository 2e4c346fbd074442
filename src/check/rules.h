/*
 * rules: the document against the case record, and the document against
 * common sense.
 *
 * Each rule is a pure function of one MRZ reading, the case record (may be
 * NULL: the case rules then do nothing) and dates passed in; it appends
 * ds_flag entries with their evidence (field, expected = the case record's
 * value or the bound, found = the document's value, source) and one
 * sentence. Rules never read files or clocks. A field the case record does
 * not give is not compared; a document field that could not be read (a
 * date with unknown parts, an empty code) is not compared either: the MRZ
 * rules of check.c already flag an unreadable MRZ.
 *
 * Flag codes and severities:
 *   CASE_NAME_MISMATCH            high     a different name (names.h)
 *   CASE_NAME_VARIANT             info     same name, a difference 9303 allows (new code)
 *   CASE_NAME_UNVERIFIED          info     case name not transliterable; compare by eye (new code)
 *   CASE_BIRTH_DATE_MISMATCH      high     any known part of YYMMDD differs
 *   CASE_DOCUMENT_NUMBER_MISMATCH high     differs after removing '<', spaces, '-' and
 *                                          case; O and 0 are different characters
 *                                 warning  the same after folding confusable characters
 *                                          (O/0, I/1, B/8 ...), or the MRZ number failed
 *                                          its check with a misreading that explains it,
 *                                          or it was read unsurely (ds_mrz.number_unsure)
 *   CASE_NATIONALITY_MISMATCH     warning  codes differ after normalising (D = DEU);
 *                                          warning only: dual nationals exist
 *   CASE_SEX_MISMATCH             warning  M against F; X or '<' on either side is
 *                                          "unspecified" and matches anything
 *   DOC_EXPIRED                   warning  expiry before the application date (today
 *                                          only when the case gives none); a document
 *                                          expiring on that day is still valid
 *   DOC_VALIDITY_ANOMALY          high     born after the expiry date, or after the
 *                                          application date (today without one)
 *                                 warning  older than DS_RULE_MAX_AGE at that date;
 *                                          expiry more than DS_RULE_MAX_VALIDITY_YEARS after
 *                                          today (the document was issued at the latest
 *                                          today, and no issuer grants longer validity;
 *                                          the application date stands in when today is
 *                                          not given)
 *   SPECIMEN_DOCUMENT             high     UTO as issuing state or nationality, a
 *                                          specimen name word, a published specimen number
 *   MRZ_UNKNOWN_CODE              warning  issuing state or nationality not on the
 *                                          ICAO list (new code; UTO is on the list and
 *                                          raises SPECIMEN_DOCUMENT instead)
 */
#ifndef DS_RULES_H
#define DS_RULES_H

#include "mrz/mrz.h"
#include "case.h"
#include "check.h"

#define DS_RULE_MAX_AGE 120            /* years at the reference date */
#define DS_RULE_MAX_VALIDITY_YEARS 15  /* years from today to expiry */

/*
 * Runs every rule below for one page. m NULL: nothing (ds_check_mrz flags
 * the missing MRZ). c NULL: only the document rules (expiry against today,
 * validity, specimen, codes). today is YYYY-MM-DD or NULL; an invalid today
 * is ignored like NULL.
 */
void ds_check_case(const ds_mrz *m, const ds_case *c, const char *today, int page,
                   ds_flags *flags);

/* The single rules, for tests and for callers that want only some. */
void ds_rule_name(const ds_mrz *m, const ds_case *c, int page, ds_flags *flags);
void ds_rule_birth_date(const ds_mrz *m, const ds_case *c, int page, ds_flags *flags);
void ds_rule_document_number(const ds_mrz *m, const ds_case *c, int page, ds_flags *flags);
void ds_rule_nationality(const ds_mrz *m, const ds_case *c, int page, ds_flags *flags);
void ds_rule_sex(const ds_mrz *m, const ds_case *c, int page, ds_flags *flags);
void ds_rule_expiry(const ds_mrz *m, const ds_case *c, const char *today, int page,
                    ds_flags *flags);
void ds_rule_validity(const ds_mrz *m, const ds_case *c, const char *today, int page,
                      ds_flags *flags);
void ds_rule_specimen(const ds_mrz *m, int page, ds_flags *flags);
void ds_rule_codes(const ds_mrz *m, int page, ds_flags *flags);

#endif
