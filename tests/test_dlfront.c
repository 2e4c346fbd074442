/*
 * The printed front of a driving licence against its barcode: the date
 * parser, the front reader (page/dlfront.h) on synthetic cards, the
 * comparison rules (app/dlcheck.h) and the report step
 * (ds_scan_barcodes_printed) on files made of a front and a back, as two
 * pages, one page, a multi-page TIFF, and the real AAMVA sample of
 * ../shared. Fixtures: tests/data/dl (made by make_fixtures.py).
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "page/dlfront.h"
#include "scan/barcodes.h"
#include "check/dlcheck.h"
#include "base/base.h"
#include "decode/decode.h"
#include "t.h"

#define DL_DIR DS_SOURCE_DIR "/tests/data/dl/"
#define DYNAMSOFT DS_SHARED_DIR "/realdata/barcodes/pdf417/dynamsoft_SampleDriversLicense.jpg"

/* ------------------------------------------------------------------------ */

static void test_parse_dates(void)
{
    char iso[11], alt[11];
    T_CHECK(ds_dlfront_parse_date("06/15/1985", iso, alt));
    T_EQ_STR(iso, "1985-06-15");
    T_EQ_STR(alt, "");
    T_CHECK(ds_dlfront_parse_date("05/06/1990", iso, alt));
    T_EQ_STR(iso, "1990-05-06");
    T_EQ_STR(alt, "1990-06-05");
    T_CHECK(ds_dlfront_parse_date("15/06/1985", iso, alt)); /* only day first is a date */
    T_EQ_STR(iso, "1985-06-15");
    T_CHECK(ds_dlfront_parse_date("1979/03/22", iso, alt));
    T_EQ_STR(iso, "1979-03-22");
    T_CHECK(ds_dlfront_parse_date("1979-03-22", iso, alt));
    T_EQ_STR(iso, "1979-03-22");
    T_CHECK(ds_dlfront_parse_date("DOB 1979-MAR-22", iso, alt));
    T_EQ_STR(iso, "1979-03-22");
    T_CHECK(ds_dlfront_parse_date("O6/l5/198S", iso, alt)); /* OCR letters in digits */
    T_EQ_STR(iso, "1985-06-15");
    T_CHECK(ds_dlfront_parse_date("06151985", iso, alt));
    T_EQ_STR(iso, "1985-06-15");
    T_CHECK(ds_dlfront_parse_date("19850615", iso, alt));
    T_EQ_STR(iso, "1985-06-15");
    T_CHECK(ds_dlfront_parse_date("15 JUN 1985", iso, alt));
    T_EQ_STR(iso, "1985-06-15");
    T_CHECK(ds_dlfront_parse_date("JUN 15 1985", iso, alt));
    T_EQ_STR(iso, "1985-06-15");
    T_CHECK(!ds_dlfront_parse_date("02/30/1985", iso, alt));
    T_CHECK(!ds_dlfront_parse_date("SAMPLE", iso, alt));
    T_CHECK(!ds_dlfront_parse_date("", iso, alt));
    T_CHECK(!ds_dlfront_parse_date(NULL, iso, alt));
}

/* ------------------------------------------------------------------------ */

static ds_dlfront_reader *reader(void)
{
    ds_dlfront_reader *r = NULL;
    ds_error e = ds_dlfront_reader_create(NULL, &r);
    if (e == DS_ERR_MODEL)
        T_SKIP("no Tesseract eng traineddata");
    T_EQ_INT(e, DS_OK);
    return r;
}

static ds_dlfront read_png(const char *name)
{
    ds_dlfront f;
    memset(&f, 0, sizeof f);
    ds_dlfront_reader *r = reader();
    PIX *p = pixRead(name);
    T_CHECK(p != NULL);
    if (p)
        T_EQ_INT(ds_dlfront_read(r, p, NULL, 0, &f), DS_OK);
    pixDestroy(&p);
    ds_dlfront_reader_free(r);
    return f;
}

static void test_read_front_us(void)
{
    ds_dlfront f = read_png(DL_DIR "front_us.png");
    T_EQ_STR(f.field[DS_DLF_SURNAME].norm, "SAMPLE");
    T_EQ_STR(f.field[DS_DLF_GIVEN_NAMES].norm, "ALEXANDER JOSEPH");
    T_EQ_STR(f.field[DS_DLF_BIRTH_DATE].norm, "1985-06-15");
    T_EQ_STR(f.field[DS_DLF_EXPIRY_DATE].norm, "2029-06-15");
    T_EQ_STR(f.field[DS_DLF_ISSUE_DATE].norm, "2021-06-15");
    T_EQ_STR(f.field[DS_DLF_DOCUMENT_NUMBER].norm, "D1234567");
    T_EQ_STR(f.field[DS_DLF_SEX].norm, "M");
    T_CHECK(f.field[DS_DLF_BIRTH_DATE].confidence >= 80);
    /* The box is in page pixels: the date sits right of x 400, rows 330-370. */
    const int *b = f.field[DS_DLF_BIRTH_DATE].bbox;
    T_CHECK(b[0] > 380 && b[0] < 460 && b[1] > 320 && b[1] < 370 && b[2] > 120 && b[3] > 12);
}

static void test_read_front_ca(void)
{
    ds_dlfront f = read_png(DL_DIR "front_ca.png");
    T_EQ_STR(f.field[DS_DLF_SURNAME].norm, "TREMBLAY");
    T_EQ_STR(f.field[DS_DLF_GIVEN_NAMES].norm, "MARIE CLAIRE");
    T_EQ_STR(f.field[DS_DLF_BIRTH_DATE].norm, "1979-03-22");
    T_EQ_STR(f.field[DS_DLF_EXPIRY_DATE].norm, "2027-03-22");
    T_EQ_STR(f.field[DS_DLF_ISSUE_DATE].norm, "2022-03-22");
}

static void test_read_back_has_no_front(void)
{
    ds_dlfront f = read_png(DL_DIR "back_us.png");
    T_EQ_INT(f.field[DS_DLF_SURNAME].found, 0);
    T_EQ_INT(f.field[DS_DLF_BIRTH_DATE].found, 0);
}

/* ------------------------------------------------------------------------ */

static void set(ds_dlfront *f, int id, const char *norm, float conf)
{
    ds_dlfront_field *x = &f->field[id];
    x->found = true;
    snprintf(x->value, sizeof x->value, "%s", norm);
    snprintf(x->norm, sizeof x->norm, "%s", norm);
    x->confidence = conf;
}

static const ds_dlcheck_barcode BC = {"SAMPLE", "ALEXANDER JOSEPH", "1985-06-15", "2029-06-15",
                                      "2021-06-15", "D1234567", "M"};

static ds_dlcheck_status one(int id, const char *norm, float conf)
{
    ds_dlfront f;
    memset(&f, 0, sizeof f);
    set(&f, id, norm, conf);
    ds_dlcheck_status st[DS_DLF_FIELD_COUNT];
    ds_dlcheck_compare(&f, &BC, st);
    return st[id];
}

static void test_compare_rules(void)
{
    /* Dates. */
    T_EQ_INT(one(DS_DLF_BIRTH_DATE, "1985-06-15", 95), DS_DLC_MATCH);
    T_EQ_INT(one(DS_DLF_BIRTH_DATE, "1979-03-22", 95), DS_DLC_MISMATCH);
    T_EQ_INT(one(DS_DLF_BIRTH_DATE, "1979-03-22", 60), DS_DLC_UNVERIFIABLE);
    T_EQ_INT(one(DS_DLF_BIRTH_DATE, "1986-06-15", 95), DS_DLC_UNVERIFIABLE); /* 5/6 */
    T_EQ_INT(one(DS_DLF_BIRTH_DATE, "1985-06-14", 95), DS_DLC_MISMATCH);     /* 4/5 */
    T_EQ_INT(one(DS_DLF_BIRTH_DATE, "2029-06-15", 95), DS_DLC_UNVERIFIABLE); /* the expiry */
    T_EQ_INT(one(DS_DLF_EXPIRY_DATE, "2029-06-15", 95), DS_DLC_MATCH);
    T_EQ_INT(one(DS_DLF_EXPIRY_DATE, "2031-06-15", 95), DS_DLC_MISMATCH);
    T_EQ_INT(one(DS_DLF_BIRTH_DATE, "", 95), DS_DLC_UNVERIFIABLE);
    {
        /* 06/05 printed, read month first; the barcode says 5 June. */
        ds_dlcheck_barcode bc = BC;
        bc.birth_date = "1985-06-05";
        ds_dlfront f;
        memset(&f, 0, sizeof f);
        set(&f, DS_DLF_BIRTH_DATE, "1985-05-06", 95);
        snprintf(f.field[DS_DLF_BIRTH_DATE].alt, 11, "1985-06-05");
        ds_dlcheck_status st[DS_DLF_FIELD_COUNT];
        T_EQ_INT(ds_dlcheck_compare(&f, &bc, st), 0);
        T_EQ_INT(st[DS_DLF_BIRTH_DATE], DS_DLC_MATCH);
    }
    /* Names. */
    T_EQ_INT(one(DS_DLF_SURNAME, "SAMPLE", 95), DS_DLC_MATCH);
    T_EQ_INT(one(DS_DLF_SURNAME, "MORRISON", 95), DS_DLC_MISMATCH);
    T_EQ_INT(one(DS_DLF_SURNAME, "MORRISON", 50), DS_DLC_UNVERIFIABLE);
    T_EQ_INT(one(DS_DLF_SURNAME, "SAMPIE", 95), DS_DLC_UNVERIFIABLE); /* OCR noise */
    T_EQ_INT(one(DS_DLF_SURNAME, "SAMLE", 95), DS_DLC_UNVERIFIABLE);
    T_EQ_INT(one(DS_DLF_GIVEN_NAMES, "ALEXANDER J", 95), DS_DLC_MATCH);
    T_EQ_INT(one(DS_DLF_GIVEN_NAMES, "ALEXANDER", 95), DS_DLC_MATCH); /* no middle name */
    T_EQ_INT(one(DS_DLF_GIVEN_NAMES, "Alexander Joseph", 95), DS_DLC_MATCH);
    T_EQ_INT(one(DS_DLF_GIVEN_NAMES, "BENJAMIN", 95), DS_DLC_MISMATCH);
    {
        /* "1 MORRISON" with no given names near it: a lone number is weak. */
        ds_dlfront f;
        memset(&f, 0, sizeof f);
        set(&f, DS_DLF_SURNAME, "MORRISON", 95);
        f.field[DS_DLF_SURNAME].bare_number = true;
        f.field[DS_DLF_SURNAME].bbox[1] = 100, f.field[DS_DLF_SURNAME].bbox[3] = 20;
        ds_dlcheck_status st[DS_DLF_FIELD_COUNT];
        ds_dlcheck_compare(&f, &BC, st);
        T_EQ_INT(st[DS_DLF_SURNAME], DS_DLC_UNVERIFIABLE);
        set(&f, DS_DLF_GIVEN_NAMES, "ALEXANDER JOSEPH", 95); /* "2 ..." on the next row */
        f.field[DS_DLF_GIVEN_NAMES].bbox[1] = 145, f.field[DS_DLF_GIVEN_NAMES].bbox[3] = 20;
        ds_dlcheck_compare(&f, &BC, st);
        T_EQ_INT(st[DS_DLF_SURNAME], DS_DLC_MISMATCH);
    }
    {
        ds_dlcheck_barcode bc = BC;
        bc.surname = "MUELLER";
        ds_dlfront f;
        memset(&f, 0, sizeof f);
        set(&f, DS_DLF_SURNAME, "MÜLLER", 95);
        ds_dlcheck_status st[DS_DLF_FIELD_COUNT];
        ds_dlcheck_compare(&f, &bc, st);
        T_EQ_INT(st[DS_DLF_SURNAME], DS_DLC_MATCH);
    }
    /* Licence numbers. */
    T_EQ_INT(one(DS_DLF_DOCUMENT_NUMBER, "D1234567", 95), DS_DLC_MATCH);
    T_EQ_INT(one(DS_DLF_DOCUMENT_NUMBER, "01234567", 95), DS_DLC_MATCH);    /* D/0 */
    T_EQ_INT(one(DS_DLF_DOCUMENT_NUMBER, "D1234568", 95), DS_DLC_UNVERIFIABLE);
    T_EQ_INT(one(DS_DLF_DOCUMENT_NUMBER, "K9876543", 95), DS_DLC_MISMATCH);
    /* Sex. */
    T_EQ_INT(one(DS_DLF_SEX, "M", 95), DS_DLC_MATCH);
    T_EQ_INT(one(DS_DLF_SEX, "F", 95), DS_DLC_MISMATCH);
    T_EQ_INT(one(DS_DLF_SEX, "F", 85), DS_DLC_UNVERIFIABLE);
    /* Height is never compared; a field not read is not_found. */
    T_EQ_INT(one(DS_DLF_HEIGHT, "5'-11\"", 95), DS_DLC_UNVERIFIABLE);
    {
        ds_dlfront f;
        memset(&f, 0, sizeof f);
        ds_dlcheck_status st[DS_DLF_FIELD_COUNT];
        T_EQ_INT(ds_dlcheck_compare(&f, &BC, st), 0);
        for (int i = 0; i < DS_DLF_FIELD_COUNT; i++)
            T_EQ_INT(st[i], DS_DLC_NOT_FOUND);
    }
}

/* ------------------------------------------------------------------------ */

/* A report as scan.c builds it for these pages (no MRZ on any of them),
 * then the printed-front step. */
typedef struct run {
    json_t *docs;
    ds_flags flags;
} run;

static void screen(ds_pages *pages, run *out)
{
    memset(&out->flags, 0, sizeof out->flags);
    out->docs = json_array();
    for (int p = 0; p < pages->count; p++) {
        json_t *doc = json_object();
        json_object_set_new(doc, "page", json_integer(p));
        json_object_set_new(doc, "type", json_string("OTHER"));
        json_object_set_new(doc, "barcodes", ds_scan_barcodes(pages->page[p].gray, p, NULL, NULL,
                                                                NULL, 2024, &out->flags));
        json_array_append_new(out->docs, doc);
        ds_flags_add(&out->flags, p, DS_FLAG_MRZ_NOT_FOUND, DS_SEV_WARNING, "mrz", NULL, NULL, NULL,
                     "No machine-readable zone.");
    }
    ds_scan_barcodes_printed(out->docs, pages, &out->flags);
}

static ds_pages *pages_of(const char *const *files, int n)
{
    ds_pages *pg = calloc(1, sizeof *pg);
    pg->page = calloc((size_t)n, sizeof *pg->page);
    pg->count = n;
    for (int i = 0; i < n; i++) {
        PIX *raw = pixRead(files[i]);
        if (!raw)
            T_SKIP("cannot read %s", files[i]);
        /* Pages are 8 bpp gray, as the decoder gives them. */
        pg->page[i].gray = pixConvertTo8(raw, 0);
        pixDestroy(&raw);
    }
    return pg;
}

/* The "printed" object of the first AAMVA barcode, or NULL. */
static json_t *printed(const run *r)
{
    size_t d, i;
    json_t *doc, *b;
    json_array_foreach(r->docs, d, doc) {
        json_array_foreach(json_object_get(doc, "barcodes"), i, b) {
            json_t *pr = json_object_get(json_object_get(b, "parsed"), "printed");
            if (pr)
                return pr;
        }
    }
    return NULL;
}

static const char *status_of(const run *r, const char *field)
{
    json_t *pr = printed(r);
    return json_string_value(
        json_object_get(json_object_get(json_object_get(pr, "fields"), field), "status"));
}

static int count_code(const run *r, const char *code, const char *field)
{
    int n = 0;
    for (int i = 0; i < r->flags.count; i++)
        if (strcmp(ds_flag_name(r->flags.item[i].code), code) == 0 &&
            (!field || strcmp(r->flags.item[i].field, field) == 0))
            n++;
    return n;
}

static void done(run *r, ds_pages *p)
{
    json_decref(r->docs);
    ds_pages_free(p);
}

static void test_pair_match(void)
{
    const char *files[] = {DL_DIR "front_us.png", DL_DIR "back_us.png"};
    ds_pages *p = pages_of(files, 2);
    run r;
    screen(p, &r);
    T_CHECK(printed(&r) != NULL);
    T_EQ_INT(json_integer_value(json_object_get(printed(&r), "page")), 0);
    T_EQ_STR(status_of(&r, "surname"), "match");
    T_EQ_STR(status_of(&r, "given_names"), "match");
    T_EQ_STR(status_of(&r, "birth_date"), "match");
    T_EQ_STR(status_of(&r, "expiry_date"), "match");
    T_EQ_STR(status_of(&r, "document_number"), "match");
    T_EQ_INT(count_code(&r, "BARCODE_MISMATCH", NULL), 0);
    /* The front's missing MRZ is no longer a warning. */
    for (int i = 0; i < r.flags.count; i++)
        if (r.flags.item[i].page == 0 && r.flags.item[i].code == DS_FLAG_MRZ_NOT_FOUND)
            T_EQ_INT(r.flags.item[i].severity, DS_SEV_INFO);
    done(&r, p);
}

static void test_pair_other_birth_date(void)
{
    const char *files[] = {DL_DIR "back_us.png", DL_DIR "front_us_dob.png"};
    ds_pages *p = pages_of(files, 2);
    run r;
    screen(p, &r);
    T_EQ_STR(status_of(&r, "birth_date"), "mismatch");
    T_EQ_STR(status_of(&r, "surname"), "match");
    T_EQ_INT(count_code(&r, "BARCODE_MISMATCH", NULL), 1);
    T_EQ_INT(count_code(&r, "BARCODE_MISMATCH", "birth_date"), 1);
    for (int i = 0; i < r.flags.count; i++) {
        const ds_flag *f = &r.flags.item[i];
        if (f->code != DS_FLAG_BARCODE_MISMATCH)
            continue;
        T_EQ_STR(f->expected, "1979-03-22"); /* printed */
        T_EQ_STR(f->found, "1985-06-15");    /* barcode */
        T_EQ_STR(f->source, "barcode");
        T_EQ_INT(f->severity, DS_SEV_HIGH);
        T_EQ_INT(f->page, 0);
    }
    done(&r, p);
}

static void test_pair_other_name(void)
{
    const char *files[] = {DL_DIR "front_us_name.png", DL_DIR "back_us.png"};
    ds_pages *p = pages_of(files, 2);
    run r;
    screen(p, &r);
    T_EQ_STR(status_of(&r, "surname"), "mismatch");
    T_EQ_STR(status_of(&r, "birth_date"), "match");
    T_EQ_INT(count_code(&r, "BARCODE_MISMATCH", NULL), 1);
    T_EQ_INT(count_code(&r, "BARCODE_MISMATCH", "surname"), 1);
    done(&r, p);
}

/* Both sides on one page, the back below the front. */
static void test_one_page_both_sides(void)
{
    PIX *f = pixRead(DL_DIR "front_us_dob.png"), *b = pixRead(DL_DIR "back_us.png");
    T_CHECK(f && b);
    if (!f || !b)
        return;
    int w = pixGetWidth(f), h1 = pixGetHeight(f), h2 = pixGetHeight(b);
    PIX *page = pixCreate(w + 200, h1 + h2 + 300, 8);
    pixSetAll(page);
    pixRasterop(page, 100, 100, w, h1, PIX_SRC, f, 0, 0);
    pixRasterop(page, 100, h1 + 200, pixGetWidth(b), h2, PIX_SRC, b, 0, 0);
    ds_pages *p = calloc(1, sizeof *p);
    p->count = 1;
    p->page = calloc(1, sizeof *p->page);
    p->page[0].gray = page;
    run r;
    screen(p, &r);
    T_EQ_INT(json_integer_value(json_object_get(printed(&r), "page")), 0);
    T_EQ_STR(status_of(&r, "birth_date"), "mismatch");
    T_EQ_STR(status_of(&r, "surname"), "match");
    T_EQ_INT(count_code(&r, "BARCODE_MISMATCH", "birth_date"), 1);
    T_EQ_INT(count_code(&r, "BARCODE_MISMATCH", NULL), 1);
    pixDestroy(&f);
    pixDestroy(&b);
    done(&r, p);
}

/* A front too blurred to read (it even prints another date of birth): no
 * flag, nothing called a mismatch. */
static void test_unreadable_front(void)
{
    const char *files[] = {DL_DIR "front_us_dob.png", DL_DIR "back_us.png"};
    ds_pages *p = pages_of(files, 2);
    PIX *blur = pixBlockconv(p->page[0].gray, 6, 6);
    pixDestroy(&p->page[0].gray);
    p->page[0].gray = blur;
    run r;
    screen(p, &r);
    T_CHECK(printed(&r) != NULL);
    T_EQ_INT(count_code(&r, "BARCODE_MISMATCH", NULL), 0);
    const char *names[] = {"surname", "given_names", "birth_date", "expiry_date",
                           "document_number"};
    for (int i = 0; i < 5; i++) {
        const char *s = status_of(&r, names[i]);
        T_CHECK(s && (strcmp(s, "unverifiable") == 0 || strcmp(s, "not_found") == 0 ||
                      strcmp(s, "match") == 0));
    }
    done(&r, p);
}

/* Only the back: every field not_found, no flag. */
static void test_back_only(void)
{
    const char *files[] = {DL_DIR "back_us.png"};
    ds_pages *p = pages_of(files, 1);
    run r;
    screen(p, &r);
    T_CHECK(printed(&r) != NULL);
    T_CHECK(json_is_null(json_object_get(printed(&r), "page")));
    T_EQ_STR(status_of(&r, "birth_date"), "not_found");
    T_EQ_INT(count_code(&r, "BARCODE_MISMATCH", NULL), 0);
    done(&r, p);
}

/* A two-page TIFF through the decoder, as a scanning station sends it. */
static void test_multipage_tiff(void)
{
    char path[] = "/tmp/ds_dlfront_XXXXXX";
    int fd = mkstemp(path);
    T_CHECK(fd >= 0);
    close(fd);
    PIX *f = pixRead(DL_DIR "front_us_name.png"), *b = pixRead(DL_DIR "back_us.png");
    T_CHECK(f && b);
    T_EQ_INT(pixWriteTiff(path, f, IFF_TIFF_ZIP, "w"), 0);
    T_EQ_INT(pixWriteTiff(path, b, IFF_TIFF_ZIP, "a"), 0);
    pixDestroy(&f);
    pixDestroy(&b);
    ds_limits lim;
    ds_limits_default(&lim);
    ds_pages *p = NULL;
    T_EQ_INT(ds_decode_file(path, &lim, &p), DS_OK);
    unlink(path);
    if (!p)
        return;
    T_EQ_INT(p->count, 2);
    run r;
    screen(p, &r);
    T_EQ_INT(count_code(&r, "BARCODE_MISMATCH", "surname"), 1);
    T_EQ_INT(count_code(&r, "BARCODE_MISMATCH", NULL), 1);
    done(&r, p);
}

static void test_canadian_pair(void)
{
    const char *files[] = {DL_DIR "front_ca.png", DL_DIR "back_ca.png"};
    ds_pages *p = pages_of(files, 2);
    run r;
    screen(p, &r);
    T_EQ_STR(status_of(&r, "surname"), "match");
    T_EQ_STR(status_of(&r, "birth_date"), "match");
    T_EQ_STR(status_of(&r, "expiry_date"), "match");
    T_EQ_INT(count_code(&r, "BARCODE_MISMATCH", NULL), 0);
    done(&r, p);
}

/* The real AAMVA sample image (../shared) with a printed front of its data,
 * and with the front of another person. */
static void test_real_sample(void)
{
    if (access(DYNAMSOFT, R_OK) != 0)
        T_SKIP("../shared/realdata is absent");
    const char *files[] = {DL_DIR "front_dynamsoft.png", DYNAMSOFT};
    ds_pages *p = pages_of(files, 2);
    run r;
    screen(p, &r);
    T_CHECK(printed(&r) != NULL);
    T_EQ_STR(status_of(&r, "surname"), "match");
    T_EQ_STR(status_of(&r, "birth_date"), "match");
    T_EQ_STR(status_of(&r, "expiry_date"), "match");
    T_EQ_STR(status_of(&r, "document_number"), "match");
    T_EQ_INT(count_code(&r, "BARCODE_MISMATCH", NULL), 0);
    done(&r, p);

    const char *other[] = {DL_DIR "front_us.png", DYNAMSOFT};
    p = pages_of(other, 2);
    screen(p, &r);
    T_EQ_INT(count_code(&r, "BARCODE_MISMATCH", "surname"), 1);
    T_EQ_INT(count_code(&r, "BARCODE_MISMATCH", "birth_date"), 1);
    T_EQ_INT(count_code(&r, "BARCODE_MISMATCH", "document_number"), 1);
    done(&r, p);
}

static void test_bad_arguments(void)
{
    ds_dlfront f;
    T_EQ_INT(ds_dlfront_read(NULL, NULL, NULL, 0, &f), DS_ERR_USAGE);
    ds_scan_barcodes_printed(NULL, NULL, NULL); /* no crash */
    ds_dlfront_reader_free(NULL);
    T_EQ_STR(ds_dlcheck_status_name((ds_dlcheck_status)42), "not_found");
    T_EQ_STR(ds_dlfront_field_name((ds_dlfront_field_id)42), "unknown");
}

int main(int argc, char **argv)
{
    /* Tesseract's OpenMP threads spin on a shared machine; the limit is read
     * when the runtime loads, so re-run with it. */
    if (!getenv("OMP_THREAD_LIMIT")) {
        setenv("OMP_THREAD_LIMIT", "1", 1);
        execv("/proc/self/exe", argv);
    }
    static const t_case cases[] = {
        {"parse_dates", test_parse_dates},
        {"read_front_us", test_read_front_us},
        {"read_front_ca", test_read_front_ca},
        {"read_back_has_no_front", test_read_back_has_no_front},
        {"compare_rules", test_compare_rules},
        {"pair_match", test_pair_match},
        {"pair_other_birth_date", test_pair_other_birth_date},
        {"pair_other_name", test_pair_other_name},
        {"one_page_both_sides", test_one_page_both_sides},
        {"unreadable_front", test_unreadable_front},
        {"back_only", test_back_only},
        {"multipage_tiff", test_multipage_tiff},
        {"canadian_pair", test_canadian_pair},
        {"real_sample", test_real_sample},
        {"bad_arguments", test_bad_arguments},
    };
    return T_RUN(cases);
}
