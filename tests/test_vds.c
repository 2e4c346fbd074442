/*
 * Unit tests of the ICAO Visible Digital Seal parser and signature check
 * (src/barcode/vds.c). The BSI TR-03137 worked examples under DS_SHARED_DIR
 * must parse to the values the TR prints and verify as UNKNOWN_SIGNER (their
 * signers are not public). Signed cases build a test CA, signer certificates
 * and seals at run time with OpenSSL's C API in a fresh temporary directory:
 * no key is ever stored in the repository. Hostile input (every truncation,
 * bad lengths, bad C40) must give a status, never a crash.
 */
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "barcode/barcode.h"
#include "mrz/mrz.h"
#include "barcode/vds.h"
#include "barcode/zxing_shim.h"
#include "base/base.h"
#include "decode/decode.h"
#include "t.h"

/* ---------------------------------------------------------------- helpers */

static const char *shared_dir(void)
{
    static char dir[1024];
    snprintf(dir, sizeof dir, "%s/realdata/barcodes/datamatrix", DS_SHARED_DIR);
    struct stat st;
    if (stat(dir, &st) != 0)
        T_SKIP("../shared/realdata absent");
    return dir;
}

static ds_vds_status parse_sample(const char *stem, ds_vds *v)
{
    char path[2048];
    snprintf(path, sizeof path, "%s/bsi-tr03137_%s.bin", shared_dir(), stem);
    uint8_t *data = NULL;
    size_t n = 0;
    if (ds_read_file(path, 1 << 16, &data, &n) != DS_OK) {
        T_FAIL_("cannot read %s", path);
        return DS_VDS_USAGE;
    }
    ds_vds_status st = ds_vds_parse(data, n, v);
    free(data);
    return st;
}

/* C40 as the seal writes it ('<' as space; a last single character unlatched). */
static size_t c40_encode(const char *s, uint8_t *out)
{
    size_t n = strlen(s), o = 0;
    unsigned u[3];
    for (size_t i = 0; i < n;) {
        size_t left = n - i;
        if (left == 1) {
            char c = s[i] == '<' ? ' ' : s[i];
            out[o++] = 0xFE;
            out[o++] = (uint8_t)(c + 1);
            break;
        }
        for (int k = 0; k < 3; k++) {
            if ((size_t)k >= left) {
                u[k] = 0;
                continue;
            }
            char c = s[i + (size_t)k];
            u[k] = c == '<' || c == ' ' ? 3 : c >= '0' && c <= '9' ? (unsigned)(c - '0' + 4) : (unsigned)(c - 'A' + 14);
        }
        unsigned v = 1600 * u[0] + 40 * u[1] + u[2] + 1;
        out[o++] = (uint8_t)(v >> 8);
        out[o++] = (uint8_t)(v & 0xFF);
        i += left >= 3 ? 3 : left;
    }
    return o;
}

static void put_date(uint8_t *p, int y, int m, int d)
{
    unsigned long v = (unsigned long)m * 1000000ul + (unsigned long)d * 10000ul + (unsigned long)y;
    p[0] = (uint8_t)(v >> 16), p[1] = (uint8_t)(v >> 8), p[2] = (uint8_t)v;
}

static EVP_PKEY *ec_key(const char *curve)
{
    return EVP_PKEY_Q_keygen(NULL, NULL, "EC", curve);
}

static X509 *make_cert(EVP_PKEY *key, EVP_PKEY *issuer_key, X509 *issuer, const char *c, const char *cn,
                       long serial, int days_from, int days_to)
{
    X509 *x = X509_new();
    X509_set_version(x, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(x), serial);
    X509_gmtime_adj(X509_getm_notBefore(x), (long)days_from * 86400);
    X509_gmtime_adj(X509_getm_notAfter(x), (long)days_to * 86400);
    X509_set_pubkey(x, key);
    X509_NAME *nm = X509_get_subject_name(x);
    X509_NAME_add_entry_by_txt(nm, "C", MBSTRING_ASC, (const unsigned char *)c, -1, -1, 0);
    X509_NAME_add_entry_by_txt(nm, "CN", MBSTRING_ASC, (const unsigned char *)cn, -1, -1, 0);
    X509_set_issuer_name(x, issuer ? X509_get_subject_name(issuer) : nm);
    X509_sign(x, issuer_key, EVP_sha256());
    return x;
}

static void write_pem(const char *dir, const char *name, X509 *x)
{
    char path[2048];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    T_CHECK(f != NULL);
    if (f) {
        PEM_write_X509(f, x);
        fclose(f);
    }
}

static void write_der(const char *dir, const char *name, X509 *x)
{
    char path[2048];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    T_CHECK(f != NULL);
    if (f) {
        i2d_X509_fp(f, x);
        fclose(f);
    }
}

/* A visa seal (v4 header, signer UTTS, certificate reference ref) signed with key (NULL: zeros). */
typedef struct seal {
    uint8_t b[1024];
    size_t n;
} seal;

static void build_visa(seal *s, EVP_PKEY *key, const char *ref, int version, int sig_half)
{
    uint8_t *p = s->b;
    size_t o = 0;
    p[o++] = 0xDC;
    p[o++] = version == 3 ? 0x02 : 0x03;
    o += c40_encode("UTO", p + o);
    char sig_ref[64];
    if (version == 3)
        snprintf(sig_ref, sizeof sig_ref, "UTTS%s", ref); /* ref: 5 hex chars */
    else
        snprintf(sig_ref, sizeof sig_ref, "UTTS%02zX%s", strlen(ref), ref);
    o += c40_encode(sig_ref, p + o);
    put_date(p + o, 2024, 3, 1);
    put_date(p + o + 3, 2024, 3, 2);
    o += 6;
    p[o++] = 0x5D;
    p[o++] = 0x01;
    /* MRZ MRV-B: 36 + 30 characters. */
    char mrz[80];
    snprintf(mrz, sizeof mrz, "%s%s", "VCUTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
             "L8988901C4XXX4009078F9612109<<");
    uint8_t enc[64];
    size_t k = c40_encode(mrz, enc);
    p[o++] = 0x02;
    p[o++] = (uint8_t)k;
    memcpy(p + o, enc, k);
    o += k;
    p[o++] = 0x04, p[o++] = 3, p[o++] = 90, p[o++] = 0, p[o++] = 0;
    k = c40_encode("L898902C3", enc);
    p[o++] = 0x05;
    p[o++] = (uint8_t)k;
    memcpy(p + o, enc, k);
    o += k;
    size_t signed_len = o;
    p[o++] = 0xFF;
    p[o++] = (uint8_t)(2 * sig_half);
    memset(p + o, 0, 2 * (size_t)sig_half);
    if (key) {
        EVP_MD_CTX *ctx = EVP_MD_CTX_new();
        int bits = EVP_PKEY_get_bits(key);
        const EVP_MD *md = bits <= 224 ? EVP_sha224() : bits <= 256 ? EVP_sha256() : EVP_sha384();
        unsigned char der[256];
        size_t dlen = sizeof der;
        EVP_DigestSignInit(ctx, NULL, md, NULL, key);
        EVP_DigestSign(ctx, der, &dlen, p, signed_len);
        EVP_MD_CTX_free(ctx);
        const unsigned char *dp = der;
        ECDSA_SIG *sig = d2i_ECDSA_SIG(NULL, &dp, (long)dlen);
        BN_bn2binpad(ECDSA_SIG_get0_r(sig), p + o, sig_half);
        BN_bn2binpad(ECDSA_SIG_get0_s(sig), p + o + sig_half, sig_half);
        ECDSA_SIG_free(sig);
    }
    o += 2 * (size_t)sig_half;
    s->n = o;
}

/* A test PKI in a fresh directory: CA, signer UT/TS with serial 0x1A2B on curve. */
typedef struct pki {
    char dir[256];
    EVP_PKEY *ca_key, *signer_key;
    X509 *ca, *signer;
} pki;

static void pki_make(pki *k, const char *curve, long serial, int days_from, int days_to)
{
    memset(k, 0, sizeof *k);
    snprintf(k->dir, sizeof k->dir, "/tmp/ds-vds-XXXXXX");
    T_CHECK(mkdtemp(k->dir) != NULL);
    k->ca_key = ec_key("P-256");
    k->ca = make_cert(k->ca_key, k->ca_key, NULL, "UT", "CSCA UTOPIA", 1, -10, 3650);
    k->signer_key = ec_key(curve);
    k->signer = make_cert(k->signer_key, k->ca_key, k->ca, "UT", "TS", serial, days_from, days_to);
    T_CHECK(k->ca_key && k->ca && k->signer_key && k->signer);
}

static void pki_free(pki *k)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", k->dir);
    if (system(cmd) != 0)
        fprintf(stderr, "  could not remove %s\n", k->dir);
    X509_free(k->ca);
    X509_free(k->signer);
    EVP_PKEY_free(k->ca_key);
    EVP_PKEY_free(k->signer_key);
}

static ds_vds_verdict verify_bytes(const seal *s, const char *dir, bool *expired)
{
    static ds_vds v;
    if (ds_vds_parse(s->b, s->n, &v) != DS_VDS_OK)
        return DS_VDS_MALFORMED;
    ds_vds_trust *t = NULL;
    T_EQ_INT(ds_vds_trust_load(dir, &t), DS_OK);
    ds_vds_verdict r = ds_vds_verify(&v, t, expired);
    ds_vds_trust_free(t);
    return r;
}

/* ------------------------------------------------------------------ cases */

static void c40_vectors(void)
{
    char out[64];
    static const uint8_t xk_cd[] = {0xeb, 0x04, 0x66, 0xa9}; /* TR-03137 Table 6: "XK<SPACE>CD" */
    T_EQ_INT(ds_vds_c40_decode(xk_cd, 4, out, sizeof out), 5);
    T_EQ_STR(out, "XK CD");
    static const uint8_t xkcd[] = {0xeb, 0x11, 0xfe, 0x45}; /* Table 7: "XKCD" */
    T_EQ_INT(ds_vds_c40_decode(xkcd, 4, out, sizeof out), 4);
    T_EQ_STR(out, "XKCD");
    static const uint8_t bsi01[] = {0x62, 0xd7, 0x19, 0xc9}; /* 3.2.3: "BSI01" */
    T_EQ_INT(ds_vds_c40_decode(bsi01, 4, out, sizeof out), 5);
    T_EQ_STR(out, "BSI01");
    static const uint8_t odd[] = {0x62, 0xd7, 0x19};
    T_EQ_INT(ds_vds_c40_decode(odd, 3, out, sizeof out), -1);
    static const uint8_t big[] = {0xfa, 0x01}; /* > 64000 */
    T_EQ_INT(ds_vds_c40_decode(big, 2, out, sizeof out), -1);
    static const uint8_t unl_mid[] = {0xfe, 0x45, 0x62, 0xd7};
    T_EQ_INT(ds_vds_c40_decode(unl_mid, 4, out, sizeof out), -1);
    T_EQ_INT(ds_vds_c40_decode(bsi01, 4, out, 3), -1);
    uint8_t enc[16];
    size_t k = c40_encode("D<<", enc);
    T_EQ_INT(k, 2);
    T_EQ_INT(enc[0], 0x6a);
    T_EQ_INT(enc[1], 0xbc);
}

static void bsi_arrival_attestation(void)
{
    static ds_vds v;
    T_EQ_INT(parse_sample("arrival-attestation-specimen_page_51_Figure_3", &v), DS_VDS_OK);
    T_EQ_INT(v.version, 3);
    T_EQ_STR(v.issuing_country, "D<<");
    T_EQ_STR(v.signer_id, "DETS");
    T_EQ_STR(v.cert_ref, "00027");
    T_EQ_STR(v.issue_date, "2020-01-01");
    T_EQ_STR(v.signature_date, "2020-01-13");
    T_EQ_INT(v.doc, DS_VDS_DOC_ARRIVAL_ATTESTATION);
    T_EQ_STR(ds_vds_doc_name(v.doc), "ARRIVAL_ATTESTATION");
    T_EQ_INT(v.nfeatures, 2);
    T_EQ_INT(v.mrz_lines, 2);
    T_EQ_STR(v.mrz[0], "MED<<MUSTERMANN<<ERIK<<<<<<<<<<<<<<<");
    T_EQ_STR(v.mrz[1], "M0000000<4ALB0308212M1604128<<<<<<<2");
    T_EQ_STR(v.azr_number, "160113000085");
    T_EQ_INT(v.sig_len, 64);
    T_EQ_INT(v.signed_len, 144 - 66);
    T_EQ_INT(ds_vds_verify(&v, NULL, NULL), DS_VDS_UNKNOWN_SIGNER);
}

static void bsi_social_insurance(void)
{
    static ds_vds v;
    T_EQ_INT(parse_sample("annexD-social-insurance-card_page_54_Picture_2", &v), DS_VDS_OK);
    T_EQ_INT(v.doc, DS_VDS_DOC_SOCIAL_INSURANCE_CARD);
    T_EQ_STR(v.signature_date, "2020-01-14");
    T_EQ_STR(v.social_insurance_number, "65170839J003");
    T_EQ_STR(v.surname, "Perschwei\xc3\x9f");
    T_EQ_STR(v.first_name, "Oscar");
    T_EQ_STR(v.birth_name, "J\xc3\xa2" "cob\xc3\xa9nidicturius");
}

static void bsi_residence_permit(void)
{
    static ds_vds v;
    T_EQ_INT(parse_sample("annexE-residence-permit_page_57_Picture_2", &v), DS_VDS_OK);
    T_EQ_INT(v.version, 4);
    T_EQ_STR(v.signer_id, "DETS");
    T_EQ_STR(v.cert_ref, "27");
    T_EQ_INT(v.doc, DS_VDS_DOC_RESIDENCE_PERMIT);
    T_EQ_STR(v.mrz[0], "ARD<<RESIDORCE<<ROLAND<<<<<<<<<<<<<<");
    T_EQ_STR(v.mrz[1], "6525845096USA7008038M2201018<<<<<<06");
    T_EQ_STR(v.passport_number, "UFO001979");
    /* Its MRZ is a TD2 MRZ with valid check digits. */
    static ds_mrz m;
    const char *lines[2] = {v.mrz[0], v.mrz[1]};
    T_EQ_INT(ds_mrz_parse(lines, 2, 2021, &m), DS_OK);
    T_CHECK(m.valid);
    T_EQ_STR(m.surname, "RESIDORCE");
    T_EQ_STR(m.birth_date, "1970-08-03");
}

static void bsi_visa(void)
{
    static ds_vds v;
    T_EQ_INT(parse_sample("annexF-visa-sticker_page_60_Picture_3", &v), DS_VDS_OK);
    T_EQ_STR(v.cert_ref, "32");
    T_EQ_STR(v.signature_date, "2021-12-03");
    T_EQ_INT(v.doc, DS_VDS_DOC_VISA);
    T_EQ_STR(v.mrz[0], "VCD<<DENT<<ARTHUR<PHILIP<<<<<<<<<<<<");
    T_EQ_STR(v.mrz[1], "1234567XY7GBR5203116M2005250<<<<<<<<");
    T_EQ_INT(v.stay_days, 160);
    T_EQ_INT(v.stay_months, 0);
    T_EQ_STR(v.passport_number, "47110815P");
    T_EQ_INT(v.sig_len, 56); /* brainpoolP224r1 */
    T_EQ_INT(ds_vds_verify(&v, NULL, NULL), DS_VDS_UNKNOWN_SIGNER);
}

static void bsi_address_stickers(void)
{
    static ds_vds v;
    T_EQ_INT(parse_sample("annexG-address-sticker_page_63_Picture_3", &v), DS_VDS_OK);
    T_EQ_INT(v.doc, DS_VDS_DOC_ADDRESS_STICKER_ID);
    T_EQ_STR(v.issue_date, "2021-01-01");
    /* The TR's prose says T2000AKA7; its bytes cf3519af974c spell T2000AK47. */
    T_EQ_STR(v.document_number, "T2000AK47");
    T_EQ_STR(v.municipality_code, "05314000");
    T_EQ_STR(v.address, "53123MUSTERMANNSTRASSE21");
    T_EQ_INT(parse_sample("annexH-passport-residence-sticker_page_66_Picture_3", &v), DS_VDS_OK);
    T_EQ_INT(v.doc, DS_VDS_DOC_ADDRESS_STICKER_PASSPORT);
    T_EQ_STR(v.document_number, "PA5500K11");
    T_EQ_STR(v.municipality_code, "03359010");
    T_EQ_STR(v.postal_code, "21614");
}

static void bsi_unknown_signer_with_store(void)
{
    /* A store with certificates that do not match still says UNKNOWN_SIGNER. */
    pki k;
    pki_make(&k, "P-256", 0x27, -3650, 365);
    write_pem(k.dir, "signer.pem", k.signer); /* UT/TS, not DE/TS */
    static ds_vds v;
    T_EQ_INT(parse_sample("annexE-residence-permit_page_57_Picture_2", &v), DS_VDS_OK);
    ds_vds_trust *t = NULL;
    T_EQ_INT(ds_vds_trust_load(k.dir, &t), DS_OK);
    T_EQ_INT(ds_vds_trust_count(t), 1);
    T_EQ_INT(ds_vds_verify(&v, t, NULL), DS_VDS_UNKNOWN_SIGNER);
    ds_vds_trust_free(t);
    pki_free(&k);
}

static void signed_valid_v4(void)
{
    pki k;
    pki_make(&k, "P-256", 0x1A2B, -3650, 365);
    write_pem(k.dir, "signer.pem", k.signer);
    write_pem(k.dir, "ca.pem", k.ca);
    seal s;
    build_visa(&s, k.signer_key, "1A2B", 4, 32);
    bool expired = true;
    T_EQ_INT(verify_bytes(&s, k.dir, &expired), DS_VDS_VALID);
    T_CHECK(!expired);
    static ds_vds v;
    T_EQ_INT(ds_vds_parse(s.b, s.n, &v), DS_VDS_OK);
    T_EQ_STR(v.mrz[0], "VCUTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<");
    T_EQ_STR(v.mrz[1], "L8988901C4XXX4009078F9612109<<<<<<<<");
    T_EQ_STR(v.passport_number, "L898902C3");
    T_EQ_INT(v.stay_days, 90);
    pki_free(&k);
}

static void signed_valid_v3_der_cert(void)
{
    pki k;
    pki_make(&k, "P-256", 0x1A2B, -3650, 365);
    write_der(k.dir, "signer.cer", k.signer);
    seal s;
    build_visa(&s, k.signer_key, "01A2B", 3, 32);
    T_EQ_INT(verify_bytes(&s, k.dir, NULL), DS_VDS_VALID);
    pki_free(&k);
}

static void signed_valid_brainpool224(void)
{
    pki k;
    pki_make(&k, "brainpoolP224r1", 0x32, -3650, 365);
    write_pem(k.dir, "signer.pem", k.signer);
    seal s;
    build_visa(&s, k.signer_key, "32", 4, 28);
    T_EQ_INT(verify_bytes(&s, k.dir, NULL), DS_VDS_VALID);
    pki_free(&k);
}

static void tampered_is_invalid(void)
{
    pki k;
    pki_make(&k, "P-256", 0x1A2B, -3650, 365);
    write_pem(k.dir, "signer.pem", k.signer);
    seal s;
    build_visa(&s, k.signer_key, "1A2B", 4, 32);
    /* Every byte of the header and message, changed, breaks the signature (or the parse). */
    size_t signed_len = s.n - 2 - 64;
    for (size_t i = 0; i < signed_len; i++) {
        seal t = s;
        t.b[i] ^= 0x01;
        ds_vds_verdict r = verify_bytes(&t, k.dir, NULL);
        if (r == DS_VDS_VALID)
            T_FAIL_("byte %zu changed still verifies", i);
    }
    /* The passport number changed to another valid C40 value. */
    seal t = s;
    uint8_t enc[16];
    c40_encode("X12345678", enc);
    memcpy(t.b + signed_len - 6, enc, 6);
    T_EQ_INT(verify_bytes(&t, k.dir, NULL), DS_VDS_INVALID);
    /* A changed signature. */
    t = s;
    t.b[s.n - 1] ^= 0x80;
    T_EQ_INT(verify_bytes(&t, k.dir, NULL), DS_VDS_INVALID);
    pki_free(&k);
}

static void unknown_signer_and_wrong_serial(void)
{
    pki k;
    pki_make(&k, "P-256", 0x1A2C, -3650, 365); /* serial differs from the seal's 1A2B */
    write_pem(k.dir, "signer.pem", k.signer);
    seal s;
    build_visa(&s, k.signer_key, "1A2B", 4, 32);
    T_EQ_INT(verify_bytes(&s, k.dir, NULL), DS_VDS_UNKNOWN_SIGNER);
    T_EQ_INT(verify_bytes(&s, "/nonexistent/ds-trust", NULL), DS_VDS_UNKNOWN_SIGNER);
    /* A file instead of a directory is an error. */
    char file[512];
    snprintf(file, sizeof file, "%s/signer.pem", k.dir);
    ds_vds_trust *t = NULL;
    T_EQ_INT(ds_vds_trust_load(file, &t), DS_ERR_IO);
    T_CHECK(t == NULL);
    T_EQ_INT(ds_vds_trust_load(NULL, &t), DS_ERR_USAGE);
    pki_free(&k);
}

static void another_key_same_name_is_invalid(void)
{
    pki k;
    pki_make(&k, "P-256", 0x1A2B, -3650, 365);
    write_pem(k.dir, "signer.pem", k.signer);
    EVP_PKEY *other = ec_key("P-256");
    seal s;
    build_visa(&s, other, "1A2B", 4, 32);
    T_EQ_INT(verify_bytes(&s, k.dir, NULL), DS_VDS_INVALID);
    EVP_PKEY_free(other);
    pki_free(&k);
}

static void wrong_curve_is_invalid(void)
{
    /* The certificate holds a P-384 key; the seal carries a 64-byte P-256 signature. */
    pki k;
    pki_make(&k, "P-384", 0x1A2B, -3650, 365);
    write_pem(k.dir, "signer.pem", k.signer);
    EVP_PKEY *p256 = ec_key("P-256");
    seal s;
    build_visa(&s, p256, "1A2B", 4, 32);
    T_EQ_INT(verify_bytes(&s, k.dir, NULL), DS_VDS_INVALID);
    /* And the right P-384 signature verifies. */
    build_visa(&s, k.signer_key, "1A2B", 4, 48);
    T_EQ_INT(verify_bytes(&s, k.dir, NULL), DS_VDS_VALID);
    EVP_PKEY_free(p256);
    pki_free(&k);
}

static void expired_certificate_flagged(void)
{
    pki k;
    pki_make(&k, "P-256", 0x1A2B, -30, -10); /* valid from 30 to 10 days ago */
    write_pem(k.dir, "signer.pem", k.signer);
    seal s;
    build_visa(&s, k.signer_key, "1A2B", 4, 32);
    bool expired = false;
    T_EQ_INT(verify_bytes(&s, k.dir, &expired), DS_VDS_VALID);
    T_CHECK(expired); /* the signature date 2024-03-02 is outside the certificate's validity */
    pki_free(&k);
}

static void truncated_and_malformed(void)
{
    pki k;
    pki_make(&k, "P-256", 0x1A2B, -3650, 365);
    seal s;
    build_visa(&s, k.signer_key, "1A2B", 4, 32);
    static ds_vds v;
    for (size_t n = 0; n < s.n; n++) {
        ds_vds_status st = ds_vds_parse(s.b, n, &v);
        if (st == DS_VDS_OK)
            T_FAIL_("truncated to %zu parses", n);
        T_EQ_INT(ds_vds_verify(&v, NULL, NULL), DS_VDS_MALFORMED);
    }
    T_EQ_INT(ds_vds_parse(s.b, s.n, &v), DS_VDS_OK);
    size_t hl = v.header_len;
    T_EQ_INT(ds_vds_verify(NULL, NULL, NULL), DS_VDS_MALFORMED);
    seal t = s;
    t.b[0] = 0xDD;
    T_EQ_INT(ds_vds_parse(t.b, t.n, &v), DS_VDS_NOT_VDS);
    t = s;
    t.b[1] = 0x07;
    T_EQ_INT(ds_vds_parse(t.b, t.n, &v), DS_VDS_BAD_VERSION);
    T_EQ_INT(hl, 20); /* v4 with a 4-character certificate reference */
    t = s;
    t.b[hl + 1] = 0x85; /* the first feature's length in a long form seals may not use */
    T_EQ_INT(ds_vds_parse(t.b, t.n, &v), DS_VDS_BAD_LENGTH);
    t = s;
    t.b[2] = 0xFF, t.b[3] = 0xFF; /* country not C40 */
    T_EQ_INT(ds_vds_parse(t.b, t.n, &v), DS_VDS_BAD_C40);
    /* Trailing junk after the signature; padding 0x81 is accepted. */
    t = s;
    t.b[t.n] = 0x33;
    T_EQ_INT(ds_vds_parse(t.b, t.n + 1, &v), DS_VDS_TRAILING_DATA);
    t.b[t.n] = 0x81;
    T_EQ_INT(ds_vds_parse(t.b, t.n + 1, &v), DS_VDS_OK);
    /* A feature length running past the end. */
    t = s;
    t.b[hl + 1] = 0x7F;
    T_EQ_INT(ds_vds_parse(t.b, t.n, &v), DS_VDS_TRUNCATED);
    T_EQ_INT(ds_vds_parse(NULL, 3, &v), DS_VDS_USAGE);
    static uint8_t big[DS_VDS_MAX_BYTES + 1];
    T_EQ_INT(ds_vds_parse(big, sizeof big, &v), DS_VDS_TOO_LARGE);
    T_EQ_STR(ds_vds_status_name(DS_VDS_TRAILING_DATA), "TRAILING_DATA");
    T_EQ_STR(ds_vds_verdict_name(DS_VDS_UNKNOWN_SIGNER), "UNKNOWN_SIGNER");
    pki_free(&k);
}

static void datamatrix_round_trip(void)
{
    /* The seal drawn as a DataMatrix, scanned from the image, verifies. */
    pki k;
    pki_make(&k, "P-256", 0x1A2B, -3650, 365);
    write_pem(k.dir, "signer.pem", k.signer);
    seal s;
    build_visa(&s, k.signer_key, "1A2B", 4, 32);
    uint8_t *px = NULL;
    int w = 0, h = 0;
    T_EQ_INT(ds_zx_write(DS_ZX_DATAMATRIX, s.b, s.n, 400, &px, &w, &h), DS_ZX_OK);
    PIX *pix = pixCreate(w + 200, h + 100, 8);
    pixSetAllArbitrary(pix, 255);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            pixSetPixel(pix, x + 150, y + 50, px[(size_t)y * (size_t)w + (size_t)x]);
    free(px);
    ds_barcodes b;
    T_EQ_INT(ds_barcode_scan(pix, &b), DS_OK);
    T_EQ_INT(b.n, 1);
    if (b.n == 1) {
        T_EQ_INT(b.items[0].symbology, DS_SYM_DATAMATRIX);
        T_EQ_INT(b.items[0].len, s.n);
        T_CHECK(b.items[0].len == s.n && memcmp(b.items[0].data, s.b, s.n) == 0);
        seal r;
        memcpy(r.b, b.items[0].data, b.items[0].len);
        r.n = b.items[0].len;
        T_EQ_INT(verify_bytes(&r, k.dir, NULL), DS_VDS_VALID);
    }
    ds_barcodes_clear(&b);
    pixDestroy(&pix);
    pki_free(&k);
}

static void bsi_images_decode_to_bins(void)
{
    /* Each BSI seal image reads back to the bytes of its .bin, and parses. */
    static const char *const stems[] = {
        "annexD-social-insurance-card_page_54_Picture_2", "annexE-residence-permit_page_57_Picture_2",
        "annexF-visa-sticker_page_60_Picture_3",          "annexG-address-sticker_page_63_Picture_3",
        "annexH-passport-residence-sticker_page_66_Picture_3", "arrival-attestation-specimen_page_51_Figure_3",
    };
    const char *dir = shared_dir();
    for (size_t i = 0; i < DS_ARRAY_LEN(stems); i++) {
        char path[2048];
        snprintf(path, sizeof path, "%s/bsi-tr03137_%s.jpeg", dir, stems[i]);
        ds_limits lim;
        ds_limits_default(&lim);
        ds_pages *pages = NULL;
        PIX *g = ds_decode_file(path, &lim, &pages) == DS_OK ? pixClone(pages->page[0].gray) : NULL;
        ds_pages_free(pages);
        T_CHECK(g != NULL);
        if (!g)
            continue;
        ds_barcodes b;
        T_EQ_INT(ds_barcode_scan(g, &b), DS_OK);
        snprintf(path, sizeof path, "%s/bsi-tr03137_%s.bin", dir, stems[i]);
        uint8_t *want = NULL;
        size_t nwant = 0;
        T_EQ_INT(ds_read_file(path, 1 << 16, &want, &nwant), DS_OK);
        bool found = false;
        for (int k = 0; k < b.n; k++)
            if (b.items[k].len == nwant && memcmp(b.items[k].data, want, nwant) == 0) {
                found = true;
                static ds_vds v;
                T_EQ_INT(ds_vds_parse(b.items[k].data, b.items[k].len, &v), DS_VDS_OK);
                T_EQ_INT(ds_vds_verify(&v, NULL, NULL), DS_VDS_UNKNOWN_SIGNER);
            }
        if (!found)
            T_FAIL_("%s: seal not read", stems[i]);
        free(want);
        ds_barcodes_clear(&b);
        pixDestroy(&g);
    }
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"c40_vectors", c40_vectors},
        {"bsi_arrival_attestation", bsi_arrival_attestation},
        {"bsi_social_insurance", bsi_social_insurance},
        {"bsi_residence_permit", bsi_residence_permit},
        {"bsi_visa", bsi_visa},
        {"bsi_address_stickers", bsi_address_stickers},
        {"bsi_unknown_signer_with_store", bsi_unknown_signer_with_store},
        {"bsi_images_decode_to_bins", bsi_images_decode_to_bins},
        {"signed_valid_v4", signed_valid_v4},
        {"signed_valid_v3_der_cert", signed_valid_v3_der_cert},
        {"signed_valid_brainpool224", signed_valid_brainpool224},
        {"tampered_is_invalid", tampered_is_invalid},
        {"unknown_signer_and_wrong_serial", unknown_signer_and_wrong_serial},
        {"another_key_same_name_is_invalid", another_key_same_name_is_invalid},
        {"wrong_curve_is_invalid", wrong_curve_is_invalid},
        {"expired_certificate_flagged", expired_certificate_flagged},
        {"truncated_and_malformed", truncated_and_malformed},
        {"datamatrix_round_trip", datamatrix_round_trip},
    };
    return T_RUN(cases);
}
