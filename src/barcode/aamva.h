/*
 * aamva: the AAMVA DL/ID Card Design Standard payload of US and Canadian
 * driving licences and identity cards (the PDF417 on the back), versions 1
 * to 10.
 *
 * Input is untrusted bytes of any length. Every offset and length the header
 * claims is checked against the input; a subfile whose offset is wrong (real
 * cards often have slightly wrong ones) is found by its type instead. The
 * parser never reads outside the input, never allocates, and reports a
 * malformed or truncated payload by its status.
 */
#ifndef DS_AAMVA_H
#define DS_AAMVA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Payloads longer than this are refused (DS_AAMVA_TOO_LARGE). */
#define DS_AAMVA_MAX_BYTES 16384
/* At most this many data elements are kept. */
#define DS_AAMVA_MAX_ELEMENTS 64
#define DS_AAMVA_MAX_VALUE 96

typedef enum ds_aamva_status {
    DS_AAMVA_OK = 0,
    DS_AAMVA_USAGE,          /* NULL pointer */
    DS_AAMVA_NOT_AAMVA,      /* no '@' compliance indicator and ANSI/AAMVA file type */
    DS_AAMVA_TRUNCATED,      /* the header or a subfile designator runs past the input */
    DS_AAMVA_BAD_HEADER,     /* IIN, version or entry count not digits, or no entries */
    DS_AAMVA_BAD_VERSION,    /* version outside 1..10 */
    DS_AAMVA_NO_SUBFILE,     /* no DL or ID subfile could be found */
    DS_AAMVA_TOO_LARGE,      /* more than DS_AAMVA_MAX_BYTES */
    DS_AAMVA_STATUS_COUNT_
} ds_aamva_status;

/* "OK", "NOT_AAMVA", ...; never NULL. */
const char *ds_aamva_status_name(ds_aamva_status s);

typedef struct ds_aamva_element {
    char id[4];                       /* e.g. "DAQ" */
    char value[DS_AAMVA_MAX_VALUE];   /* printable ASCII, trailing spaces removed, cut to fit */
} ds_aamva_element;

typedef struct ds_aamva {
    char iin[7];              /* issuer identification number, 6 digits */
    int version;              /* AAMVA version 1..10 */
    int jurisdiction_version; /* 0 for version 1, which has none */
    int entries;              /* subfile count the header claims */
    char subfile_type[3];     /* "DL" or "ID": the subfile parsed */
    bool offset_repaired;     /* the subfile was found by its type, not at its declared offset */

    /* Decoded fields; "" when absent. Names upper case with single spaces. */
    char family_name[DS_AAMVA_MAX_VALUE];
    char given_names[2 * DS_AAMVA_MAX_VALUE]; /* first and middle names */
    char first_name[DS_AAMVA_MAX_VALUE];
    char middle_names[DS_AAMVA_MAX_VALUE];
    char suffix[16];
    char birth_date[11];      /* YYYY-MM-DD */
    char expiry_date[11];
    char issue_date[11];
    char sex[2];              /* M, F or X (1, 2, 9 in the payload) */
    char document_number[32]; /* DAQ, the customer id number */
    char document_discriminator[32]; /* DCF */
    char country[4];          /* DCG: USA or CAN; "" when absent */
    char street[DS_AAMVA_MAX_VALUE];  /* DAG (and DAH after a comma) */
    char city[48];            /* DAI */
    char jurisdiction[8];     /* DAJ state or province */
    char postal_code[16];     /* DAK, trailing spaces and zeros of the +4 removed */
    char height[16];          /* DAU as written, e.g. "069 IN", "175 CM" */
    char eye_color[8];        /* DAY */
    bool dates_canadian;      /* dates were read as CCYYMMDD */

    int nelements;            /* elements of the parsed subfile kept (at most the cap) */
    bool elements_truncated;  /* the subfile held more */
    ds_aamva_element elements[DS_AAMVA_MAX_ELEMENTS];
} ds_aamva;

/*
 * Parses an AAMVA payload. On DS_AAMVA_OK out holds the header and the first
 * DL or ID subfile; on any other status out is zeroed. Dates follow the
 * version and country: version 1 and Canada (DCG CAN, or a date that only
 * reads as CCYYMMDD) CCYYMMDD, the US MMDDCCYY; a date that is no calendar
 * date is left "".
 */
ds_aamva_status ds_aamva_parse(const uint8_t *data, size_t n, ds_aamva *out /* OUT */);

/* True when data starts like an AAMVA payload ('@' then ANSI or AAMVA within the header). */
bool ds_aamva_sniff(const uint8_t *data, size_t n);

/* The value of element id ("DAQ") in a, or NULL. */
const char *ds_aamva_element_value(const ds_aamva *a, const char *id);

#endif
