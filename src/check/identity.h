/*
 * identity: the identity fields every source of a document states (the
 * MRZ, a driver licence's barcode, a digital seal's MRZ), as one struct, and
 * the comparison of a source's fields with the MRZ's. It only compares: it
 * never reads an image or decides a flag's severity (the callers in scan/
 * turn mismatches into BARCODE_MISMATCH flags).
 */
#ifndef DS_CHECK_IDENTITY_H
#define DS_CHECK_IDENTITY_H

#include "docscreen/docscreen.h"
#include "barcode/aamva.h"
#include "mrz/mrz.h"


/*
 * The identity fields a source carries, as plain strings (NULL or
 * "" when the payload lacks one). Dates ISO YYYY-MM-DD; sex M, F or X.
 */
typedef struct ds_identity_fields {
    const char *surname;
    const char *given_names;
    const char *birth_date;
    const char *expiry_date;
    const char *document_number;
    const char *sex;
} ds_identity_fields;

/* The fields of a parsed AAMVA licence (pointers into a). */
void ds_identity_from_aamva(const ds_aamva *a, ds_identity_fields *out /* OUT */);
/* The fields of an MRZ (pointers into m), e.g. the MRZ a digital seal carries. */
void ds_identity_from_mrz(const ds_mrz *m, ds_identity_fields *out /* OUT */);

#define DS_IDENTITY_MAX_MISMATCHES 8

typedef struct ds_identity_mismatch {
    char field[24];    /* "surname", "given_names", "birth_date", "expiry_date",
                          "document_number", "sex" (the report's field names) */
    char expected[96]; /* the MRZ's value */
    char found[96];    /* the barcode's value */
} ds_identity_mismatch;

typedef struct ds_identity_mismatches {
    int n;
    ds_identity_mismatch items[DS_IDENTITY_MAX_MISMATCHES];
} ds_identity_mismatches;

/*
 * Compares the barcode's fields with the MRZ's. A field is compared only when
 * both sides carry it. Names are folded the way ICAO 9303 writes them (upper
 * case, diacritics transliterated - both the two-letter form Ä -> AE and the
 * bare letter Ä -> A are accepted - punctuation and '<' as spaces) and
 * compared without spaces; a barcode name longer than a truncated MRZ name
 * matches when it starts with it. Given names also match when the barcode's
 * first given name alone equals the MRZ's. Document numbers compare without
 * '<' fillers and spaces; dates and sex exactly (an X or unknown sex on either
 * side is not a mismatch). Returns the number of mismatches (also out->n).
 */
int ds_identity_compare(const ds_mrz *mrz, const ds_identity_fields *bc, ds_identity_mismatches *out /* OUT */);

#endif
