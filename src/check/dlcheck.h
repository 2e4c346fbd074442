/*
 * dlcheck: the printed front of a driving licence against its barcode.
 *
 * A US or Canadian licence (AAMVA) prints the holder's data on the front
 * and carries it again in the PDF417 on the back; a forger who changes the
 * printed name or date of birth seldom re-encodes the barcode. This module
 * compares what page/dlfront.h read on the front with the AAMVA fields
 * and calls a field a mismatch only on clear evidence: a value read with at
 * least DS_DLCHECK_MIN_CONF whose difference is explained neither by OCR
 * noise (one confusable digit in a date, day and month read the other way,
 * a date of another field, at most two letters or lost letters in a name,
 * one character in a number after folding O/0, I/1, S/5, B/8 ...) nor by
 * name spelling (names.h: transliteration, middle names on one side only,
 * a name cut short). Everything else that was read is unverifiable.
 * It lives in the app layer because it needs the check stage (names.h).
 */
#ifndef DS_DLCHECK_H
#define DS_DLCHECK_H

#include "page/dlfront.h"

/* Confidence (0..100) a printed value needs before a difference counts. */
#define DS_DLCHECK_MIN_CONF 80.0f
/* The one-letter sex needs more. */
#define DS_DLCHECK_MIN_CONF_CHAR 90.0f

typedef enum ds_dlcheck_status {
    DS_DLC_NOT_FOUND = 0, /* the field was not read on the front */
    DS_DLC_MATCH,         /* the front agrees with the barcode */
    DS_DLC_MISMATCH,      /* clearly differs: evidence for BARCODE_MISMATCH */
    DS_DLC_UNVERIFIABLE   /* read, but too uncertain or too close to OCR noise to judge,
                             or the barcode has no value to compare with */
} ds_dlcheck_status;

/* "not_found", "match", "mismatch", "unverifiable"; never NULL. */
const char *ds_dlcheck_status_name(ds_dlcheck_status s);

/* The barcode's side (AAMVA fields as the report holds them: names upper
 * case, dates YYYY-MM-DD); NULL or "" when absent. */
typedef struct ds_dlcheck_barcode {
    const char *surname;
    const char *given_names;
    const char *birth_date;
    const char *expiry_date;
    const char *issue_date;
    const char *document_number;
    const char *sex;
} ds_dlcheck_barcode;

/*
 * Judges every field of front against bc into status (indexed by
 * ds_dlfront_field_id; height is never compared: it is unverifiable when
 * read). Returns the number of mismatches.
 */
int ds_dlcheck_compare(const ds_dlfront *front, const ds_dlcheck_barcode *bc,
                       ds_dlcheck_status status[DS_DLF_FIELD_COUNT] /* OUT */);

#endif
