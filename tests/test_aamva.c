/*
 * Unit tests of the AAMVA DL/ID parser (src/barcode/aamva.c): the Ohio
 * SAMPLE card of the shared real set (whose header declares a wrong offset
 * for its second subfile), payloads built here for versions 1, 3, 8 and 10,
 * US and Canadian date orders, ID cards, wrong offsets and lengths, and
 * hostile input (every truncation, broken headers): a status, never a crash.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "barcode/aamva.h"
#include "barcode/barcode.h"
#include "barcode/zxing_shim.h"
#include "base/base.h"
#include "decode/decode.h"
#include "t.h"

/* Builds a payload: header for version (and jurisdiction version), one subfile of
 * type with the given elements ("DAQ123\nDCSDOE\n..."), the declared offset shifted
 * by off_err and the declared length by len_err. */
static size_t build(char *out, size_t cap, int version, const char *type, const char *elements, int off_err,
                    int len_err)
{
    char head[64];
    int hl = version >= 2 ? snprintf(head, sizeof head, "@\n\x1e\rANSI 636000%02d%02d01", version, 0)
                          : snprintf(head, sizeof head, "@\n\x1e\rANSI 636000%02d01", version);
    char body[2048];
    int bl = snprintf(body, sizeof body, "%s%s\r", type, elements);
    int off = hl + 10;
    int n = snprintf(out, cap, "%s%s%04d%04d%s", head, type, off + off_err, bl + len_err, body);
    return (size_t)n;
}

static ds_aamva a;

static void ohio_sample(void)
{
    char path[2048];
    snprintf(path, sizeof path, "%s/realdata/barcodes/pdf417/dynamsoft_SampleDriversLicense.refdecode.txt",
             DS_SHARED_DIR);
    struct stat st;
    if (stat(path, &st) != 0)
        T_SKIP("../shared/realdata absent");
    uint8_t *d = NULL;
    size_t n = 0;
    T_EQ_INT(ds_read_file(path, 1 << 16, &d, &n), DS_OK);
    T_EQ_INT(ds_aamva_parse(d, n, &a), DS_AAMVA_OK);
    T_EQ_STR(a.iin, "636023");
    T_EQ_INT(a.version, 9);
    T_EQ_INT(a.jurisdiction_version, 1);
    T_EQ_INT(a.entries, 2);
    T_EQ_STR(a.subfile_type, "DL");
    T_CHECK(!a.offset_repaired);
    T_EQ_STR(a.family_name, "DOE");
    T_EQ_STR(a.first_name, "JANE");
    T_EQ_STR(a.given_names, "JANE");
    T_EQ_STR(a.birth_date, "1990-09-16");
    T_EQ_STR(a.expiry_date, "2021-01-21");
    T_EQ_STR(a.issue_date, "2018-07-02");
    T_EQ_STR(a.sex, "F");
    T_EQ_STR(a.document_number, "AB123456");
    T_EQ_STR(a.document_discriminator, "ZZ1234567");
    T_EQ_STR(a.country, "USA");
    T_EQ_STR(a.street, "123 ANYWHERE ST");
    T_EQ_STR(a.city, "ANYTOWN");
    T_EQ_STR(a.jurisdiction, "OH");
    T_EQ_STR(a.postal_code, "12345");
    T_EQ_STR(a.height, "069 IN");
    T_EQ_STR(a.eye_color, "BLU");
    T_CHECK(!a.dates_canadian);
    T_EQ_STR(ds_aamva_element_value(&a, "DAW"), "170");
    /* The jurisdiction subfile (ZO) is not mixed into the DL elements. */
    T_CHECK(ds_aamva_element_value(&a, "ZOA") == NULL);
    free(d);
}

static void ohio_image(void)
{
    char path[2048];
    snprintf(path, sizeof path, "%s/realdata/barcodes/pdf417/dynamsoft_SampleDriversLicense.jpg", DS_SHARED_DIR);
    struct stat st;
    if (stat(path, &st) != 0)
        T_SKIP("../shared/realdata absent");
    ds_limits lim;
    ds_limits_default(&lim);
    ds_pages *pages = NULL;
    T_EQ_INT(ds_decode_file(path, &lim, &pages), DS_OK);
    PIX *g = pages ? pixClone(pages->page[0].gray) : NULL;
    ds_pages_free(pages);
    T_CHECK(g != NULL);
    ds_barcodes b;
    T_EQ_INT(ds_barcode_scan(g, &b), DS_OK);
    int parsed = 0;
    for (int i = 0; i < b.n; i++)
        if (b.items[i].symbology == DS_SYM_PDF417 && ds_aamva_sniff(b.items[i].data, b.items[i].len)) {
            T_EQ_INT(ds_aamva_parse(b.items[i].data, b.items[i].len, &a), DS_AAMVA_OK);
            T_EQ_STR(a.family_name, "DOE");
            T_EQ_STR(a.birth_date, "1990-09-16");
            parsed++;
        }
    T_EQ_INT(parsed, 1);
    ds_barcodes_clear(&b);
    pixDestroy(&g);
}

static void version10_us(void)
{
    char buf[2048];
    size_t n = build(buf, sizeof buf, 10, "DL",
                     "DAQD1234567\nDCSM\xc3\xbcLLER\nDACANNA\nDADMARIA LUISA\nDBB07041976\nDBA07042030\n"
                     "DBD01022022\nDBC2\nDCGUSA\nDAU170 CM\nDAG1 MAIN ST\nDAHAPT 4\nDAIBOSTON\nDAJMA\nDAK021100000  \n",
                     0, 0);
    T_EQ_INT(ds_aamva_parse((const uint8_t *)buf, n, &a), DS_AAMVA_OK);
    T_EQ_INT(a.version, 10);
    T_EQ_STR(a.family_name, "MLLER"); /* non-ASCII bytes are dropped from element values */
    T_EQ_STR(a.given_names, "ANNA MARIA LUISA");
    T_EQ_STR(a.middle_names, "MARIA LUISA");
    T_EQ_STR(a.birth_date, "1976-07-04");
    T_EQ_STR(a.expiry_date, "2030-07-04");
    T_EQ_STR(a.issue_date, "2022-01-02");
    T_EQ_STR(a.sex, "F");
    T_EQ_STR(a.street, "1 MAIN ST, APT 4");
    T_EQ_STR(a.postal_code, "02110");
    T_EQ_STR(a.height, "170 CM");
}

static void version1_full_name(void)
{
    char buf[2048];
    size_t n = build(buf, sizeof buf, 1, "DL",
                     "DAQ99887766\nDAAPUBLIC,JOHN,QUINCY\nDBB19700131\nDBA20260131\nDBC1\nDAJVA\n", 0, 0);
    T_EQ_INT(ds_aamva_parse((const uint8_t *)buf, n, &a), DS_AAMVA_OK);
    T_EQ_INT(a.version, 1);
    T_EQ_INT(a.jurisdiction_version, 0);
    T_EQ_STR(a.family_name, "PUBLIC");
    T_EQ_STR(a.first_name, "JOHN");
    T_EQ_STR(a.given_names, "JOHN QUINCY");
    T_EQ_STR(a.birth_date, "1970-01-31"); /* version 1: CCYYMMDD */
    T_EQ_STR(a.expiry_date, "2026-01-31");
    T_EQ_STR(a.sex, "M");
    T_CHECK(a.dates_canadian);
}

static void version3_given_names(void)
{
    char buf[2048];
    size_t n = build(buf, sizeof buf, 3, "DL", "DCSSMITH\nDCTMARY,ANN\nDBB12251980\nDBC9\nDAQS1\n", 0, 0);
    T_EQ_INT(ds_aamva_parse((const uint8_t *)buf, n, &a), DS_AAMVA_OK);
    T_EQ_STR(a.family_name, "SMITH");
    T_EQ_STR(a.first_name, "MARY");
    T_EQ_STR(a.given_names, "MARY ANN");
    T_EQ_STR(a.birth_date, "1980-12-25");
    T_EQ_STR(a.sex, "X");
}

static void canada_dates(void)
{
    char buf[2048];
    size_t n = build(buf, sizeof buf, 8, "DL",
                     "DCSTREMBLAY\nDACJEAN\nDADNONE\nDBB19850315\nDBA20290315\nDCGCAN\nDBC1\nDAQT1234-56789\n", 0, 0);
    T_EQ_INT(ds_aamva_parse((const uint8_t *)buf, n, &a), DS_AAMVA_OK);
    T_CHECK(a.dates_canadian);
    T_EQ_STR(a.birth_date, "1985-03-15");
    T_EQ_STR(a.expiry_date, "2029-03-15");
    T_EQ_STR(a.given_names, "JEAN"); /* NONE means no middle name */
    /* Without DCG, a date that only reads as CCYYMMDD decides. */
    n = build(buf, sizeof buf, 8, "DL", "DCSTREMBLAY\nDACJEAN\nDBB19850315\n", 0, 0);
    T_EQ_INT(ds_aamva_parse((const uint8_t *)buf, n, &a), DS_AAMVA_OK);
    T_EQ_STR(a.birth_date, "1985-03-15");
    /* An impossible date stays empty. */
    n = build(buf, sizeof buf, 8, "DL", "DCSX\nDBB02301990\nDCGUSA\n", 0, 0);
    T_EQ_INT(ds_aamva_parse((const uint8_t *)buf, n, &a), DS_AAMVA_OK);
    T_EQ_STR(a.birth_date, "");
    T_EQ_STR(ds_aamva_element_value(&a, "DBB"), "02301990");
}

static void id_card_and_wrong_offsets(void)
{
    char buf[2048];
    size_t n = build(buf, sizeof buf, 9, "ID", "DCSROE\nDACRICHARD\nDBB01021990\nDCGUSA\n", 0, 0);
    T_EQ_INT(ds_aamva_parse((const uint8_t *)buf, n, &a), DS_AAMVA_OK);
    T_EQ_STR(a.subfile_type, "ID");
    T_CHECK(!a.offset_repaired);
    T_EQ_STR(a.family_name, "ROE");
    for (int err = -13; err <= 13; err++) {
        if (err == 0)
            continue;
        n = build(buf, sizeof buf, 9, "ID", "DCSROE\nDACRICHARD\nDBB01021990\nDCGUSA\n", err, 0);
        T_EQ_INT(ds_aamva_parse((const uint8_t *)buf, n, &a), DS_AAMVA_OK);
        T_CHECK(a.offset_repaired);
        T_EQ_STR(a.family_name, "ROE");
        T_EQ_STR(a.birth_date, "1990-01-02");
    }
    /* Lengths too short or past the end: read to the terminator. */
    n = build(buf, sizeof buf, 9, "DL", "DCSROE\nDACRICHARD\nDBB01021990\n", 0, -20);
    T_EQ_INT(ds_aamva_parse((const uint8_t *)buf, n, &a), DS_AAMVA_OK);
    T_EQ_STR(a.birth_date, "1990-01-02");
    n = build(buf, sizeof buf, 9, "DL", "DCSROE\nDACRICHARD\nDBB01021990\n", 0, 5000);
    T_EQ_INT(ds_aamva_parse((const uint8_t *)buf, n, &a), DS_AAMVA_OK);
    T_EQ_STR(a.given_names, "RICHARD");
}

static void malformed(void)
{
    char buf[2048];
    size_t n = build(buf, sizeof buf, 9, "DL", "DCSROE\nDACRICHARD\nDBB01021990\n", 0, 0);
    for (size_t k = 0; k < n; k++) {
        ds_aamva_status st = ds_aamva_parse((const uint8_t *)buf, k, &a);
        T_CHECK(st != DS_AAMVA_USAGE);
        if (st != DS_AAMVA_OK && (a.version != 0 || a.nelements != 0))
            T_FAIL_("status %s at %zu leaves fields", ds_aamva_status_name(st), k);
    }
    T_EQ_INT(ds_aamva_parse((const uint8_t *)buf, 5, &a), DS_AAMVA_NOT_AAMVA);
    T_EQ_INT(ds_aamva_parse((const uint8_t *)buf, 20, &a), DS_AAMVA_TRUNCATED);
    T_EQ_INT(ds_aamva_parse((const uint8_t *)"hello", 5, &a), DS_AAMVA_NOT_AAMVA);
    T_EQ_INT(ds_aamva_parse(NULL, 5, &a), DS_AAMVA_USAGE);
    T_EQ_INT(ds_aamva_parse((const uint8_t *)buf, n, NULL), DS_AAMVA_USAGE);
    char bad[2048];
    memcpy(bad, buf, n);
    memcpy(bad + 15, "11", 2); /* version 11 */
    T_EQ_INT(ds_aamva_parse((const uint8_t *)bad, n, &a), DS_AAMVA_BAD_VERSION);
    memcpy(bad, buf, n);
    bad[11] = 'X'; /* IIN not digits */
    T_EQ_INT(ds_aamva_parse((const uint8_t *)bad, n, &a), DS_AAMVA_BAD_HEADER);
    memcpy(bad, buf, n);
    memcpy(bad + 19, "00", 2); /* no entries */
    T_EQ_INT(ds_aamva_parse((const uint8_t *)bad, n, &a), DS_AAMVA_BAD_HEADER);
    memcpy(bad, buf, n);
    memcpy(bad + 19, "99", 2); /* 99 designators that are not there */
    T_EQ_INT(ds_aamva_parse((const uint8_t *)bad, n, &a), DS_AAMVA_TRUNCATED);
    /* No DL/ID subfile anywhere. */
    n = build(buf, sizeof buf, 9, "ZZ", "ZZAX\n", 0, 0);
    T_EQ_INT(ds_aamva_parse((const uint8_t *)buf, n, &a), DS_AAMVA_NO_SUBFILE);
    static uint8_t huge[DS_AAMVA_MAX_BYTES + 1];
    huge[0] = '@';
    T_EQ_INT(ds_aamva_parse(huge, sizeof huge, &a), DS_AAMVA_TOO_LARGE);
    T_EQ_STR(ds_aamva_status_name(DS_AAMVA_NO_SUBFILE), "NO_SUBFILE");
    T_EQ_STR(ds_aamva_status_name((ds_aamva_status)99), "UNKNOWN");
}

static void many_elements_capped(void)
{
    char elems[4096] = "";
    for (int i = 0; i < 100; i++) {
        char e[32];
        snprintf(e, sizeof e, "ZZ%c%d\n", 'A' + i % 26, i);
        strcat(elems, e);
    }
    strcat(elems, "DCSLAST\n");
    char buf[8192];
    size_t n = build(buf, sizeof buf, 9, "DL", elems, 0, 0);
    T_EQ_INT(ds_aamva_parse((const uint8_t *)buf, n, &a), DS_AAMVA_OK);
    T_EQ_INT(a.nelements, DS_AAMVA_MAX_ELEMENTS);
    T_CHECK(a.elements_truncated);
    /* A value longer than the field is cut, not overflowed. */
    char longv[1024] = "DCS";
    memset(longv + 3, 'A', 500);
    longv[503] = '\n';
    longv[504] = '\0';
    n = build(buf, sizeof buf, 9, "DL", longv, 0, 0);
    T_EQ_INT(ds_aamva_parse((const uint8_t *)buf, n, &a), DS_AAMVA_OK);
    T_EQ_INT(strlen(a.family_name), DS_AAMVA_MAX_VALUE - 1);
}

static void pdf417_round_trip(void)
{
    char buf[2048];
    size_t n = build(buf, sizeof buf, 10, "DL", "DAQX1\nDCSDOE\nDACJOHN\nDBB01021990\nDBC1\nDCGUSA\n", 0, 0);
    uint8_t *px = NULL;
    int w = 0, h = 0;
    T_EQ_INT(ds_zx_write(DS_ZX_PDF417, (const uint8_t *)buf, n, 600, &px, &w, &h), DS_ZX_OK);
    PIX *pix = pixCreate(w, h, 8);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            pixSetPixel(pix, x, y, px[(size_t)y * (size_t)w + (size_t)x]);
    free(px);
    ds_barcodes b;
    T_EQ_INT(ds_barcode_scan(pix, &b), DS_OK);
    T_EQ_INT(b.n, 1);
    if (b.n == 1) {
        T_EQ_INT(b.items[0].symbology, DS_SYM_PDF417);
        T_EQ_INT(ds_aamva_parse(b.items[0].data, b.items[0].len, &a), DS_AAMVA_OK);
        T_EQ_STR(a.family_name, "DOE");
        T_EQ_STR(a.birth_date, "1990-01-02");
    }
    ds_barcodes_clear(&b);
    pixDestroy(&pix);
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"ohio_sample", ohio_sample},
        {"ohio_image", ohio_image},
        {"version10_us", version10_us},
        {"version1_full_name", version1_full_name},
        {"version3_given_names", version3_given_names},
        {"canada_dates", canada_dates},
        {"id_card_and_wrong_offsets", id_card_and_wrong_offsets},
        {"malformed", malformed},
        {"many_elements_capped", many_elements_capped},
        {"pdf417_round_trip", pdf417_round_trip},
    };
    return T_RUN(cases);
}
