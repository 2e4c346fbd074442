/*
 * vds: ICAO Visible Digital Seals (Doc 9303 Part 13, BSI TR-03137), the
 * signed DataMatrix on visas, residence permits, arrival attestations and
 * address stickers.
 *
 * ds_vds_parse reads the header (magic 0xDC, version 3 or 4, C40 issuing
 * country, signer and certificate reference, dates, feature definition
 * reference, document type category), the message zone (tag, BER length,
 * value) and the signature zone (tag 0xFF, r||s). ds_vds_verify checks the
 * ECDSA signature over header and message with OpenSSL against signer
 * certificates loaded from a trust directory. Input is untrusted: every
 * length is checked against the input, nothing is allocated while parsing,
 * and a malformed seal is a status, never a crash.
 */
#ifndef DS_VDS_H
#define DS_VDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "docscreen/docscreen.h"

/* Seals longer than this are refused (a DataMatrix holds at most 1558 bytes). */
#define DS_VDS_MAX_BYTES 4096
#define DS_VDS_MAX_FEATURES 32
#define DS_VDS_MAX_TEXT 128
/* Signature values longer than this (r||s of a 521-bit curve is 132) are malformed. */
#define DS_VDS_MAX_SIG 144

typedef enum ds_vds_status {
    DS_VDS_OK = 0,
    DS_VDS_USAGE,           /* NULL pointer */
    DS_VDS_NOT_VDS,         /* first byte is not the magic 0xDC */
    DS_VDS_BAD_VERSION,     /* version byte other than 0x02 (v3) or 0x03 (v4) */
    DS_VDS_TRUNCATED,       /* the header, a feature or the signature runs past the input */
    DS_VDS_BAD_C40,         /* a C40 field of the header does not decode */
    DS_VDS_BAD_LENGTH,      /* a BER length form the seal may not use */
    DS_VDS_NO_SIGNATURE,    /* no signature zone (tag 0xFF) */
    DS_VDS_TOO_MANY_FEATURES,
    DS_VDS_TOO_LARGE,       /* more than DS_VDS_MAX_BYTES */
    DS_VDS_TRAILING_DATA,   /* bytes after the signature that are not DataMatrix padding */
    DS_VDS_STATUS_COUNT_
} ds_vds_status;

const char *ds_vds_status_name(ds_vds_status s); /* "OK", "NOT_VDS", ...; never NULL */

/* The document profiles this parser knows, from feature reference and category. */
typedef enum ds_vds_doc {
    DS_VDS_DOC_UNKNOWN = 0,
    DS_VDS_DOC_VISA,                  /* ICAO visa: reference 0x5D, category 0x01 */
    DS_VDS_DOC_EMERGENCY_TRAVEL,      /* ICAO emergency travel document: 0x5E, 0x03 */
    DS_VDS_DOC_ARRIVAL_ATTESTATION,   /* BSI: 0xFD, 0x02 */
    DS_VDS_DOC_SOCIAL_INSURANCE_CARD, /* BSI: 0xFC, 0x04 */
    DS_VDS_DOC_RESIDENCE_PERMIT,      /* BSI: 0xFB, 0x06 */
    DS_VDS_DOC_SUPPLEMENTARY_SHEET,   /* BSI: 0xFA, 0x06 */
    DS_VDS_DOC_ADDRESS_STICKER_ID,    /* BSI: 0xF9, 0x08 */
    DS_VDS_DOC_ADDRESS_STICKER_PASSPORT /* BSI: 0xF8, 0x0A */
} ds_vds_doc;

const char *ds_vds_doc_name(ds_vds_doc d); /* "VISA", "RESIDENCE_PERMIT", ...; "UNKNOWN" */

typedef struct ds_vds_feature {
    uint8_t tag;
    const char *name;  /* static, e.g. "MRZ", "PASSPORT_NUMBER"; "UNKNOWN" for tags the profile lacks */
    size_t offset;     /* of the value within the seal */
    size_t len;
    char text[DS_VDS_MAX_TEXT]; /* decoded value (C40 -> text, UTF-8 as is, numbers in decimal,
                                   binary as hex); cut to fit, "" when it does not decode */
} ds_vds_feature;

typedef struct ds_vds {
    int version;                 /* 3 or 4 (the byte 0x02 or 0x03) */
    char issuing_country[4];     /* e.g. "D<<" */
    char signer_id[5];           /* e.g. "DETS": country (2) and signer (2) */
    char cert_ref[40];           /* hex string, e.g. "00027" */
    char issue_date[11];         /* YYYY-MM-DD, "" when not a date */
    char signature_date[11];
    uint8_t feature_ref;
    uint8_t type_category;
    ds_vds_doc doc;

    size_t header_len;
    size_t signed_len;           /* header and message zone: the bytes the signature covers */
    int nfeatures;
    ds_vds_feature features[DS_VDS_MAX_FEATURES];
    size_t sig_len;
    uint8_t sig[DS_VDS_MAX_SIG]; /* r || s */

    /* Decoded document features; "" / 0 when the seal lacks them. */
    int mrz_lines;               /* 2 when an MRZ feature is present */
    char mrz[2][45];             /* its lines, a truncated second line padded with '<' */
    char passport_number[32];    /* visa / residence permit: the passport it belongs to */
    char document_number[32];    /* address stickers */
    char azr_number[16];         /* arrival attestation */
    int entries;                 /* visa: number of entries, 0 = unlimited or absent */
    int stay_days, stay_months, stay_years; /* visa: duration of stay */
    char social_insurance_number[16];
    char surname[DS_VDS_MAX_TEXT];     /* social insurance card (UTF-8) */
    char first_name[DS_VDS_MAX_TEXT];
    char birth_name[DS_VDS_MAX_TEXT];
    char municipality_code[16];
    char address[DS_VDS_MAX_TEXT];     /* address sticker: postcode, street, number */
    char postal_code[16];

    size_t len;
    uint8_t raw[DS_VDS_MAX_BYTES]; /* the seal as parsed */
} ds_vds;

/*
 * Parses a seal. On DS_VDS_OK out holds every field; on any other status out
 * is zeroed (ds_vds_verify then answers MALFORMED).
 * Trailing DataMatrix padding after the signature (0x81, 0x00) is accepted.
 */
ds_vds_status ds_vds_parse(const uint8_t *data, size_t n, ds_vds *out /* OUT */);

/* Decodes C40 bytes (Doc 9303-13 / TR-03137 Annex B) into out (cap bytes,
 * NUL-terminated); the seal writes the MRZ filler '<' as a space, and spaces
 * come back as spaces (MRZ features turn them back into '<'). Returns the
 * number of characters, or -1 when the bytes are not C40 or out is too small. */
int ds_vds_c40_decode(const uint8_t *in, size_t n, char *out, size_t cap);

/* The signer certificates of a trust directory. */
typedef struct ds_vds_trust ds_vds_trust;

/* At most this many certificates are loaded from one directory. */
#define DS_VDS_MAX_CERTS 1024

/*
 * Loads every X.509 certificate (PEM, one or several per file, or DER) from
 * the regular files of dir (not recursive; files over 1 MiB and files that
 * hold no certificate are skipped). An empty or missing directory gives an
 * empty store (every seal then verifies as UNKNOWN_SIGNER), except that a
 * path that exists and is not a directory fails with DS_ERR_IO.
 * DS_ERR_USAGE, DS_ERR_NOMEM.
 */
ds_error ds_vds_trust_load(const char *dir, ds_vds_trust **out /* OUT */);
void ds_vds_trust_free(ds_vds_trust *t);
int ds_vds_trust_count(const ds_vds_trust *t);

typedef enum ds_vds_verdict {
    DS_VDS_VALID = 0,        /* the signature verifies with the signer's certificate */
    DS_VDS_INVALID,          /* it does not (tampered, wrong key, wrong curve size) */
    DS_VDS_UNKNOWN_SIGNER,   /* no certificate in the trust store matches the header */
    DS_VDS_MALFORMED         /* the seal does not parse */
} ds_vds_verdict;

const char *ds_vds_verdict_name(ds_vds_verdict v); /* "VALID", "INVALID", ... */

/*
 * Verifies a parsed seal (NULL or a seal whose parse failed: MALFORMED).
 * The certificate is the one whose subject countryName equals the first two
 * characters of the signer identifier, whose subject commonName equals the
 * last two (or the whole four), and whose serial number equals the
 * certificate reference read as a hexadecimal number (TR-03137 5.3.1, 6.5.2).
 * Its key must be an EC key; the digest follows the size of the curve order
 * (SHA-224 up to 224 bits, SHA-256 up to 256, SHA-384 up to 384, SHA-512
 * above); r||s must be twice the byte size of the curve order. A certificate whose validity does not cover the signature
 * creation date still verifies (expiry is the caller's policy), but
 * *out_cert_expired is set when given. trust NULL is an empty store.
 */
ds_vds_verdict ds_vds_verify(const ds_vds *v, const ds_vds_trust *trust, bool *out_cert_expired);

#endif
