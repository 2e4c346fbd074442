/*
 * vds: parser and signature check of ICAO Visible Digital Seals (see vds.h
 * for the contract).
 *
 * Header (versions 3 and 4, Doc 9303-13): 0xDC, version byte (0x02 = v3,
 * 0x03 = v4), issuing country (2 bytes C40), signer identifier and
 * certificate reference (v3: 6 bytes C40 = 4-character signer + 5 hex
 * characters; v4: 4 bytes C40 = signer + 2 hex characters giving the length
 * L of the reference, then the reference, L characters of C40), document
 * issue date and signature creation date (3 bytes each: the integer
 * MMDDYYYY), feature definition reference, document type category. Then
 * features (tag, BER length, value) up to the signature tag 0xFF, whose value
 * is r||s. The signature covers every byte before the 0xFF tag.
 *
 * Parsing must never read outside the input or allocate. Verification reads
 * only certificates the caller's trust directory holds and treats any OpenSSL
 * failure as INVALID, never as VALID.
 */
#include "barcode/vds.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "base/base.h"

static const char *const status_names[DS_VDS_STATUS_COUNT_] = {
    "OK",          "USAGE",        "NOT_VDS",           "BAD_VERSION", "TRUNCATED",     "BAD_C40",
    "BAD_LENGTH",  "NO_SIGNATURE", "TOO_MANY_FEATURES", "TOO_LARGE",   "TRAILING_DATA",
};

const char *ds_vds_status_name(ds_vds_status s)
{
    if ((unsigned)s >= DS_VDS_STATUS_COUNT_)
        return "UNKNOWN";
    return status_names[s];
}

const char *ds_vds_verdict_name(ds_vds_verdict v)
{
    switch (v) {
    case DS_VDS_VALID: return "VALID";
    case DS_VDS_INVALID: return "INVALID";
    case DS_VDS_UNKNOWN_SIGNER: return "UNKNOWN_SIGNER";
    case DS_VDS_MALFORMED: return "MALFORMED";
    }
    return "UNKNOWN";
}

/* ------------------------------------------------------------------- C40 */

static char c40_char(unsigned v)
{
    if (v == 3)
        return ' ';
    if (v >= 4 && v <= 13)
        return (char)('0' + (v - 4));
    if (v >= 14 && v <= 39)
        return (char)('A' + (v - 14));
    return 0; /* shifts: only valid as padding */
}

int ds_vds_c40_decode(const uint8_t *in, size_t n, char *out, size_t cap)
{
    if (!in || !out || cap == 0)
        return -1;
    size_t o = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n; i += 2) {
        if (in[i] == 0xFE) {
            /* Unlatch: one character in DataMatrix ASCII (value + 1). */
            if (i + 1 >= n)
                return -1;
            unsigned a = in[i + 1];
            if (a < 1 || a > 128)
                return -1;
            char c = (char)(a - 1);
            if (c != ' ' && !(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z') && c != '<')
                return -1;
            if (o + 1 >= cap)
                return -1;
            out[o++] = c == '<' ? ' ' : c;
            if (i + 2 != n)
                return -1; /* the unlatch only ends a string */
            break;
        }
        if (i + 1 >= n)
            return -1;
        unsigned v16 = (unsigned)in[i] * 256u + in[i + 1];
        if (v16 < 1 || v16 > 64000)
            return -1;
        v16 -= 1;
        unsigned u[3] = {v16 / 1600, (v16 / 40) % 40, v16 % 40};
        for (int k = 0; k < 3; k++) {
            char c = c40_char(u[k]);
            if (!c) {
                /* A shift value is padding: only in the last triple, and only at its end. */
                if (i + 2 != n || k == 0)
                    return -1;
                for (int r = k + 1; r < 3; r++)
                    if (u[r] > 2)
                        return -1;
                break;
            }
            if (o + 1 >= cap)
                return -1;
            out[o++] = c;
        }
    }
    out[o] = '\0';
    return (int)o;
}

/* ------------------------------------------------------------- profiles */

typedef enum coding { C_BIN = 0, C_C40, C_MRZ, C_UTF8, C_INT, C_STAY } coding;

typedef struct feature_def {
    uint8_t tag;
    const char *name;
    coding cod;
    int mrz_line; /* line length for C_MRZ */
} feature_def;

typedef struct profile {
    ds_vds_doc doc;
    const char *name;
    uint8_t ref, cat;
    feature_def defs[8];
} profile;

static const profile profiles[] = {
    {DS_VDS_DOC_VISA, "VISA", 0x5D, 0x01,
     {{0x01, "MRZ_MRVA", C_MRZ, 44},
      {0x02, "MRZ_MRVB", C_MRZ, 36},
      {0x03, "NUMBER_OF_ENTRIES", C_INT, 0},
      {0x04, "DURATION_OF_STAY", C_STAY, 0},
      {0x05, "PASSPORT_NUMBER", C_C40, 0},
      {0x06, "VISA_TYPE", C_BIN, 0},
      {0x07, "ADDITIONAL_FEATURE", C_BIN, 0}}},
    {DS_VDS_DOC_EMERGENCY_TRAVEL, "EMERGENCY_TRAVEL_DOCUMENT", 0x5E, 0x03,
     {{0x01, "MRZ_TD3", C_MRZ, 44}}},
    {DS_VDS_DOC_ARRIVAL_ATTESTATION, "ARRIVAL_ATTESTATION", 0xFD, 0x02,
     {{0x02, "MRZ_TD2", C_MRZ, 36}, {0x03, "AZR_NUMBER", C_C40, 0}}},
    {DS_VDS_DOC_SOCIAL_INSURANCE_CARD, "SOCIAL_INSURANCE_CARD", 0xFC, 0x04,
     {{0x01, "SOCIAL_INSURANCE_NUMBER", C_C40, 0},
      {0x02, "SURNAME", C_UTF8, 0},
      {0x03, "FIRST_NAME", C_UTF8, 0},
      {0x04, "BIRTH_NAME", C_UTF8, 0}}},
    {DS_VDS_DOC_RESIDENCE_PERMIT, "RESIDENCE_PERMIT", 0xFB, 0x06,
     {{0x02, "MRZ_TD2", C_MRZ, 36}, {0x03, "PASSPORT_NUMBER", C_C40, 0}}},
    {DS_VDS_DOC_SUPPLEMENTARY_SHEET, "SUPPLEMENTARY_SHEET", 0xFA, 0x06, {{0}}},
    {DS_VDS_DOC_ADDRESS_STICKER_ID, "ADDRESS_STICKER_ID", 0xF9, 0x08,
     {{0x01, "DOCUMENT_NUMBER", C_C40, 0},
      {0x02, "MUNICIPALITY_CODE", C_C40, 0},
      {0x03, "RESIDENTIAL_ADDRESS", C_C40, 0}}},
    {DS_VDS_DOC_ADDRESS_STICKER_PASSPORT, "ADDRESS_STICKER_PASSPORT", 0xF8, 0x0A,
     {{0x01, "DOCUMENT_NUMBER", C_C40, 0},
      {0x02, "MUNICIPALITY_CODE", C_C40, 0},
      {0x03, "POSTAL_CODE", C_C40, 0}}},
};

const char *ds_vds_doc_name(ds_vds_doc d)
{
    for (size_t i = 0; i < DS_ARRAY_LEN(profiles); i++)
        if (profiles[i].doc == d)
            return profiles[i].name;
    return "UNKNOWN";
}

static const profile *find_profile(uint8_t ref, uint8_t cat)
{
    for (size_t i = 0; i < DS_ARRAY_LEN(profiles); i++)
        if (profiles[i].ref == ref && profiles[i].cat == cat)
            return &profiles[i];
    return NULL;
}

static const feature_def *find_def(const profile *p, uint8_t tag)
{
    if (!p)
        return NULL;
    for (size_t i = 0; i < DS_ARRAY_LEN(p->defs) && p->defs[i].name; i++)
        if (p->defs[i].tag == tag)
            return &p->defs[i];
    return NULL;
}

/* ---------------------------------------------------------------- pieces */

/* Reads a BER length at d[*i..n); 0x81 and 0x82 long forms only. */
static ds_vds_status ber_len(const uint8_t *d, size_t n, size_t *i, size_t *out)
{
    if (*i >= n)
        return DS_VDS_TRUNCATED;
    uint8_t b = d[(*i)++];
    if (b < 0x80) {
        *out = b;
        return DS_VDS_OK;
    }
    if (b == 0x81) {
        if (*i + 1 > n)
            return DS_VDS_TRUNCATED;
        *out = d[(*i)++];
        return DS_VDS_OK;
    }
    if (b == 0x82) {
        if (*i + 2 > n)
            return DS_VDS_TRUNCATED;
        *out = (size_t)d[*i] << 8 | d[*i + 1];
        *i += 2;
        return DS_VDS_OK;
    }
    return DS_VDS_BAD_LENGTH;
}

/* A 3-byte date: the integer MMDDYYYY. "" when it is no calendar date. */
static void read_date(const uint8_t *p, char out[11])
{
    static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    unsigned long v = (unsigned long)p[0] << 16 | (unsigned long)p[1] << 8 | p[2];
    unsigned m = (unsigned)(v / 1000000ul), d = (unsigned)(v / 10000ul % 100), y = (unsigned)(v % 10000ul);
    out[0] = '\0';
    if (m < 1 || m > 12 || d < 1 || (int)d > mdays[m - 1] || y < 1900)
        return;
    snprintf(out, 11, "%04u-%02u-%02u", y % 10000u, m % 100u, d % 100u);
}

/* Copies src into dst[cap], cut to fit. */
static void set_str(char *dst, size_t cap, const char *src)
{
    size_t k = strnlen(src, cap - 1);
    memcpy(dst, src, k);
    dst[k] = '\0';
}

static void spaces_to_fillers(char *s)
{
    for (; *s; s++)
        if (*s == ' ')
            *s = '<';
}

static void to_hex(const uint8_t *p, size_t n, char *out, size_t cap)
{
    static const char hx[] = "0123456789abcdef";
    size_t o = 0;
    for (size_t i = 0; i < n && o + 2 < cap; i++) {
        out[o++] = hx[p[i] >> 4];
        out[o++] = hx[p[i] & 15];
    }
    out[o] = '\0';
}

static void copy_utf8(const uint8_t *p, size_t n, char *out, size_t cap)
{
    /* Copies valid UTF-8 without control characters, cut at a character boundary. */
    size_t o = 0, i = 0;
    while (i < n) {
        size_t k = 1;
        uint8_t b = p[i];
        if (b < 0x20 || b == 0x7f)
            break;
        if (b >= 0x80) {
            if ((b & 0xE0) == 0xC0 && b >= 0xC2)
                k = 2;
            else if ((b & 0xF0) == 0xE0)
                k = 3;
            else if ((b & 0xF8) == 0xF0 && b <= 0xF4)
                k = 4;
            else
                break;
            if (i + k > n)
                break;
            bool ok = true;
            for (size_t j = 1; j < k; j++)
                if ((p[i + j] & 0xC0) != 0x80)
                    ok = false;
            if (!ok)
                break;
        }
        if (o + k >= cap)
            break;
        memcpy(out + o, p + i, k);
        o += k;
        i += k;
    }
    out[o] = '\0';
}

/* Decodes one feature's value per its definition, filling f->text and the seal's fields. */
static void decode_feature(ds_vds *v, ds_vds_feature *f, const feature_def *def)
{
    const uint8_t *p = v->raw + f->offset;
    size_t n = f->len;
    coding cod = def ? def->cod : C_BIN;
    char buf[DS_VDS_MAX_TEXT * 2];
    switch (cod) {
    case C_C40:
    case C_MRZ:
        if (ds_vds_c40_decode(p, n, buf, sizeof buf) < 0) {
            f->text[0] = '\0';
            return;
        }
        if (cod == C_MRZ) {
            spaces_to_fillers(buf);
            int L = def->mrz_line;
            size_t k = strlen(buf);
            if (k <= (size_t)L || k > 2 * (size_t)L)
                break; /* not an MRZ of this format: kept as text only */
            memcpy(v->mrz[0], buf, (size_t)L);
            v->mrz[0][L] = '\0';
            memset(v->mrz[1], '<', (size_t)L);
            memcpy(v->mrz[1], buf + L, k - (size_t)L);
            v->mrz[1][L] = '\0';
            v->mrz_lines = 2;
        }
        break;
    case C_UTF8:
        copy_utf8(p, n, buf, sizeof buf);
        break;
    case C_INT: {
        unsigned long x = 0;
        for (size_t i = 0; i < n && i < 4; i++)
            x = x << 8 | p[i];
        snprintf(buf, sizeof buf, "%lu", x);
        break;
    }
    case C_STAY:
        if (n != 3) {
            to_hex(p, n, buf, sizeof buf);
            break;
        }
        snprintf(buf, sizeof buf, "%ud %um %uy", p[0], p[1], p[2]);
        v->stay_days = p[0];
        v->stay_months = p[1];
        v->stay_years = p[2];
        break;
    case C_BIN:
    default:
        to_hex(p, n, buf, sizeof buf);
        break;
    }
    set_str(f->text, sizeof f->text, buf);
    if (!def)
        return;
    const char *nm = def->name;
    if (strcmp(nm, "PASSPORT_NUMBER") == 0)
        set_str(v->passport_number, sizeof v->passport_number, buf);
    else if (strcmp(nm, "DOCUMENT_NUMBER") == 0)
        set_str(v->document_number, sizeof v->document_number, buf);
    else if (strcmp(nm, "AZR_NUMBER") == 0)
        set_str(v->azr_number, sizeof v->azr_number, buf);
    else if (strcmp(nm, "NUMBER_OF_ENTRIES") == 0)
        v->entries = n >= 1 ? p[0] : 0;
    else if (strcmp(nm, "SOCIAL_INSURANCE_NUMBER") == 0)
        set_str(v->social_insurance_number, sizeof v->social_insurance_number, buf);
    else if (strcmp(nm, "SURNAME") == 0)
        set_str(v->surname, sizeof v->surname, buf);
    else if (strcmp(nm, "FIRST_NAME") == 0)
        set_str(v->first_name, sizeof v->first_name, buf);
    else if (strcmp(nm, "BIRTH_NAME") == 0)
        set_str(v->birth_name, sizeof v->birth_name, buf);
    else if (strcmp(nm, "MUNICIPALITY_CODE") == 0)
        set_str(v->municipality_code, sizeof v->municipality_code, buf);
    else if (strcmp(nm, "RESIDENTIAL_ADDRESS") == 0)
        set_str(v->address, sizeof v->address, buf);
    else if (strcmp(nm, "POSTAL_CODE") == 0)
        set_str(v->postal_code, sizeof v->postal_code, buf);
}

/* ------------------------------------------------------------------ parse */

static ds_vds_status parse_header(ds_vds *v, size_t *pos)
{
    const uint8_t *d = v->raw;
    size_t n = v->len, i = 0;
    char buf[64];
    if (n < 1)
        return DS_VDS_TRUNCATED;
    if (d[0] != 0xDC)
        return DS_VDS_NOT_VDS;
    if (n < 2)
        return DS_VDS_TRUNCATED;
    if (d[1] != 0x02 && d[1] != 0x03)
        return DS_VDS_BAD_VERSION;
    v->version = d[1] + 1;
    i = 2;
    if (i + 2 > n)
        return DS_VDS_TRUNCATED;
    if (ds_vds_c40_decode(d + i, 2, buf, sizeof buf) != 3)
        return DS_VDS_BAD_C40;
    spaces_to_fillers(buf);
    memcpy(v->issuing_country, buf, 4);
    i += 2;
    if (v->version == 3) {
        if (i + 6 > n)
            return DS_VDS_TRUNCATED;
        if (ds_vds_c40_decode(d + i, 6, buf, sizeof buf) != 9)
            return DS_VDS_BAD_C40;
        memcpy(v->signer_id, buf, 4);
        v->signer_id[4] = '\0';
        memcpy(v->cert_ref, buf + 4, 6);
        i += 6;
    } else {
        if (i + 4 > n)
            return DS_VDS_TRUNCATED;
        if (ds_vds_c40_decode(d + i, 4, buf, sizeof buf) != 6)
            return DS_VDS_BAD_C40;
        memcpy(v->signer_id, buf, 4);
        v->signer_id[4] = '\0';
        char lh[3] = {buf[4], buf[5], 0};
        char *end = NULL;
        long L = strtol(lh, &end, 16);
        if (!end || *end || L < 1 || L >= (long)sizeof v->cert_ref)
            return DS_VDS_BAD_C40;
        i += 4;
        /* L characters of C40: two bytes per three, a last one or two in one pair. */
        size_t bytes = (size_t)(L / 3) * 2 + (L % 3 ? 2 : 0);
        if (i + bytes > n)
            return DS_VDS_TRUNCATED;
        if (ds_vds_c40_decode(d + i, bytes, buf, sizeof buf) != (int)L)
            return DS_VDS_BAD_C40;
        memcpy(v->cert_ref, buf, (size_t)L + 1);
        i += bytes;
    }
    for (const char *c = v->signer_id; *c; c++)
        if (*c == ' ')
            return DS_VDS_BAD_C40;
    for (const char *c = v->cert_ref; *c; c++)
        if (!((*c >= '0' && *c <= '9') || (*c >= 'A' && *c <= 'F')))
            return DS_VDS_BAD_C40;
    if (i + 8 > n)
        return DS_VDS_TRUNCATED;
    read_date(d + i, v->issue_date);
    read_date(d + i + 3, v->signature_date);
    v->feature_ref = d[i + 6];
    v->type_category = d[i + 7];
    i += 8;
    v->header_len = i;
    *pos = i;
    return DS_VDS_OK;
}

static ds_vds_status parse(const uint8_t *data, size_t n, ds_vds *out)
{
    if (n > DS_VDS_MAX_BYTES)
        return DS_VDS_TOO_LARGE;
    memcpy(out->raw, data, n);
    out->len = n;
    size_t i = 0;
    ds_vds_status st = parse_header(out, &i);
    if (st != DS_VDS_OK)
        return st;
    const profile *prof = find_profile(out->feature_ref, out->type_category);
    out->doc = prof ? prof->doc : DS_VDS_DOC_UNKNOWN;

    const uint8_t *d = out->raw;
    for (;;) {
        if (i >= n)
            return DS_VDS_NO_SIGNATURE;
        uint8_t tag = d[i];
        if (tag == 0xFF)
            break;
        i++;
        size_t len = 0;
        if ((st = ber_len(d, n, &i, &len)) != DS_VDS_OK)
            return st;
        if (len > n - i)
            return DS_VDS_TRUNCATED;
        if (out->nfeatures >= DS_VDS_MAX_FEATURES)
            return DS_VDS_TOO_MANY_FEATURES;
        ds_vds_feature *f = &out->features[out->nfeatures++];
        const feature_def *def = find_def(prof, tag);
        f->tag = tag;
        f->name = def ? def->name : "UNKNOWN";
        f->offset = i;
        f->len = len;
        decode_feature(out, f, def);
        i += len;
    }
    out->signed_len = i;
    i++; /* 0xFF */
    size_t slen = 0;
    if ((st = ber_len(d, n, &i, &slen)) != DS_VDS_OK)
        return st;
    if (slen > n - i)
        return DS_VDS_TRUNCATED;
    if (slen == 0 || slen > DS_VDS_MAX_SIG || slen % 2)
        return DS_VDS_BAD_LENGTH;
    memcpy(out->sig, d + i, slen);
    out->sig_len = slen;
    i += slen;
    /* DataMatrix pad codewords a decoder may have left: 0x81 then anything. */
    if (i < n && d[i] != 0x81) {
        for (size_t k = i; k < n; k++)
            if (d[k] != 0)
                return DS_VDS_TRAILING_DATA;
    }
    return DS_VDS_OK;
}

ds_vds_status ds_vds_parse(const uint8_t *data, size_t n, ds_vds *out)
{
    if (!data || !out)
        return DS_VDS_USAGE;
    memset(out, 0, sizeof *out);
    ds_vds_status st = parse(data, n, out);
    if (st != DS_VDS_OK)
        memset(out, 0, sizeof *out);
    return st;
}

/* ------------------------------------------------------------------ trust */

struct ds_vds_trust {
    int n;
    X509 *certs[DS_VDS_MAX_CERTS];
};

int ds_vds_trust_count(const ds_vds_trust *t) { return t ? t->n : 0; }

void ds_vds_trust_free(ds_vds_trust *t)
{
    if (!t)
        return;
    for (int i = 0; i < t->n; i++)
        X509_free(t->certs[i]);
    free(t);
}

/* Adds every certificate in buf (PEM blocks, or one DER certificate). */
static void load_buffer(ds_vds_trust *t, const uint8_t *buf, size_t len)
{
    BIO *bio = BIO_new_mem_buf(buf, (int)len);
    if (!bio)
        return;
    int found = 0;
    X509 *x;
    while (t->n < DS_VDS_MAX_CERTS && (x = PEM_read_bio_X509(bio, NULL, NULL, NULL)) != NULL) {
        t->certs[t->n++] = x;
        found++;
    }
    BIO_free(bio);
    ERR_clear_error();
    if (found || t->n >= DS_VDS_MAX_CERTS)
        return;
    const unsigned char *p = buf;
    x = d2i_X509(NULL, &p, (long)len);
    if (x)
        t->certs[t->n++] = x;
    ERR_clear_error();
}

ds_error ds_vds_trust_load(const char *dir, ds_vds_trust **out)
{
    if (!dir || !out)
        return DS_ERR_USAGE;
    *out = NULL;
    ds_vds_trust *t = calloc(1, sizeof *t);
    if (!t)
        return DS_ERR_NOMEM;
    struct stat st;
    if (stat(dir, &st) != 0) {
        *out = t; /* a missing directory is an empty store */
        return DS_OK;
    }
    if (!S_ISDIR(st.st_mode)) {
        free(t);
        return DS_ERR_IO;
    }
    DIR *dh = opendir(dir);
    if (!dh) {
        free(t);
        return DS_ERR_IO;
    }
    struct dirent *de;
    char path[4096];
    while ((de = readdir(dh)) != NULL && t->n < DS_VDS_MAX_CERTS) {
        if (de->d_name[0] == '.')
            continue;
        if (snprintf(path, sizeof path, "%s/%s", dir, de->d_name) >= (int)sizeof path)
            continue;
        struct stat fs;
        if (stat(path, &fs) != 0 || !S_ISREG(fs.st_mode))
            continue;
        uint8_t *buf = NULL;
        size_t len = 0;
        if (ds_read_file(path, 1u << 20, &buf, &len) != DS_OK)
            continue;
        load_buffer(t, buf, len);
        free(buf);
    }
    closedir(dh);
    *out = t;
    return DS_OK;
}

/* ----------------------------------------------------------------- verify */

static bool name_entry_is(X509_NAME *nm, int nid, const char *want, size_t wlen)
{
    char buf[128];
    int k = X509_NAME_get_text_by_NID(nm, nid, buf, sizeof buf);
    if (k < 0 || (size_t)k != wlen)
        return false;
    for (size_t i = 0; i < wlen; i++)
        if ((buf[i] & ~0x20) != (want[i] & ~0x20))
            return false;
    return true;
}

static bool cert_matches(X509 *x, const ds_vds *v)
{
    X509_NAME *subj = X509_get_subject_name(x);
    if (!subj || strlen(v->signer_id) != 4)
        return false;
    if (!name_entry_is(subj, NID_countryName, v->signer_id, 2))
        return false;
    if (!name_entry_is(subj, NID_commonName, v->signer_id + 2, 2) &&
        !name_entry_is(subj, NID_commonName, v->signer_id, 4))
        return false;
    bool same = false;
    BIGNUM *ref = NULL, *serial = ASN1_INTEGER_to_BN(X509_get0_serialNumber(x), NULL);
    if (serial && BN_hex2bn(&ref, v->cert_ref) > 0)
        same = BN_cmp(ref, serial) == 0;
    BN_free(ref);
    BN_free(serial);
    return same;
}

static bool cert_expired_at(X509 *x, const char *iso_date)
{
    if (!iso_date || strlen(iso_date) != 10)
        return false;
    char gt[16];
    snprintf(gt, sizeof gt, "%.4s%.2s%.2s120000Z", iso_date, iso_date + 5, iso_date + 8);
    ASN1_TIME *t = ASN1_TIME_new();
    bool expired = false;
    if (t && ASN1_TIME_set_string(t, gt)) {
        const ASN1_TIME *nb = X509_get0_notBefore(x), *na = X509_get0_notAfter(x);
        if ((na && ASN1_TIME_compare(t, na) > 0) || (nb && ASN1_TIME_compare(t, nb) < 0))
            expired = true;
    }
    ASN1_TIME_free(t);
    return expired;
}

/* Verifies r||s over the signed bytes with the certificate's EC key. */
static bool verify_with(X509 *x, const ds_vds *v)
{
    bool ok = false;
    EVP_PKEY *key = X509_get0_pubkey(x);
    ECDSA_SIG *sig = NULL;
    unsigned char *der = NULL;
    EVP_MD_CTX *ctx = NULL;
    BIGNUM *r = NULL, *s = NULL;
    if (!key || EVP_PKEY_get_base_id(key) != EVP_PKEY_EC)
        goto out;
    int bits = EVP_PKEY_get_bits(key);
    if (bits <= 0)
        goto out;
    size_t half = ((size_t)bits + 7) / 8;
    if (v->sig_len != 2 * half)
        goto out; /* a signature made on another curve */
    const EVP_MD *md = bits <= 224 ? EVP_sha224() : bits <= 256 ? EVP_sha256() : bits <= 384 ? EVP_sha384()
                                                                                             : EVP_sha512();
    r = BN_bin2bn(v->sig, (int)half, NULL);
    s = BN_bin2bn(v->sig + half, (int)half, NULL);
    sig = ECDSA_SIG_new();
    if (!r || !s || !sig || !ECDSA_SIG_set0(sig, r, s))
        goto out;
    r = s = NULL; /* owned by sig */
    int derlen = i2d_ECDSA_SIG(sig, &der);
    if (derlen <= 0)
        goto out;
    ctx = EVP_MD_CTX_new();
    if (!ctx || EVP_DigestVerifyInit(ctx, NULL, md, NULL, key) != 1)
        goto out;
    ok = EVP_DigestVerify(ctx, der, (size_t)derlen, v->raw, v->signed_len) == 1;
out:
    EVP_MD_CTX_free(ctx);
    OPENSSL_free(der);
    ECDSA_SIG_free(sig);
    BN_free(r);
    BN_free(s);
    ERR_clear_error();
    return ok;
}

ds_vds_verdict ds_vds_verify(const ds_vds *v, const ds_vds_trust *trust, bool *out_cert_expired)
{
    if (out_cert_expired)
        *out_cert_expired = false;
    if (!v || v->version == 0 || v->sig_len == 0 || v->signed_len == 0 || v->signed_len > v->len)
        return DS_VDS_MALFORMED;
    if (!trust)
        return DS_VDS_UNKNOWN_SIGNER;
    bool any = false;
    for (int i = 0; i < trust->n; i++) {
        X509 *x = trust->certs[i];
        if (!cert_matches(x, v))
            continue;
        any = true;
        if (verify_with(x, v)) {
            if (out_cert_expired)
                *out_cert_expired = cert_expired_at(x, v->signature_date);
            return DS_VDS_VALID;
        }
    }
    return any ? DS_VDS_INVALID : DS_VDS_UNKNOWN_SIGNER;
}
