/*
 * Unit tests of the barcode scan (src/barcode/: the decoders and zxing_shim.cpp)
 * and of the cross-check with the MRZ. The realdata cases decode the images
 * under DS_SHARED_DIR/realdata/barcodes/{qr,pdf417,datamatrix} against their
 * expected .txt/.bin files and skip when the set is absent; the floors they
 * assert are what docscreen reads today (bench/barcodes.sh prints the table).
 * Synthetic cases draw symbols with zxing's writer: merging without
 * duplicates, positions, retries at other scales and turned pages, caps.
 */
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "barcode/barcode.h"
#include "check/identity.h"
#include "barcode/zxing_shim.h"
#include "base/text.h"
#include "base/base.h"
#include "decode/decode.h"
#include "t.h"

/* Draws a symbol at (ox, oy) on a white page of pw x ph. */
static PIX *page_with(unsigned fmt, const char *payload, size_t n, int side, int pw, int ph, int ox, int oy,
                      int *sw, int *sh)
{
    uint8_t *px = NULL;
    int w = 0, h = 0;
    if (ds_zx_write(fmt, (const uint8_t *)payload, n, side, &px, &w, &h) != DS_ZX_OK)
        return NULL;
    PIX *pix = pixCreate(pw, ph, 8);
    pixSetAllArbitrary(pix, 255);
    for (int y = 0; y < h && y + oy < ph; y++)
        for (int x = 0; x < w && x + ox < pw; x++)
            pixSetPixel(pix, x + ox, y + oy, px[(size_t)y * (size_t)w + (size_t)x]);
    free(px);
    if (sw)
        *sw = w, *sh = h;
    return pix;
}

static void qr_merged_once_with_position(void)
{
    int sw = 0, sh = 0;
    const char *msg = "https://example.org/form?id=42";
    PIX *pix = page_with(DS_ZX_QR, msg, strlen(msg), 300, 1000, 800, 400, 250, &sw, &sh);
    T_CHECK(pix != NULL);
    ds_barcodes b;
    T_EQ_INT(ds_barcode_scan(pix, &b), DS_OK);
    T_EQ_INT(b.n, 1); /* zbar and zxing both read it: one result */
    T_EQ_INT(b.passes, 1);
    if (b.n == 1) {
        T_EQ_STR(ds_symbology_name(b.items[0].symbology), "QR");
        T_EQ_STR(b.items[0].text, msg);
        T_CHECK(b.items[0].printable);
        T_EQ_INT(b.items[0].len, strlen(msg));
        /* The symbol's modules lie within the drawn area (quiet zone included). */
        T_CHECK(b.items[0].bbox[0] >= 400 && b.items[0].bbox[0] < 400 + sw / 3);
        T_CHECK(b.items[0].bbox[1] >= 250 && b.items[0].bbox[1] < 250 + sh / 3);
        T_CHECK(b.items[0].bbox[2] > sw / 2 && b.items[0].bbox[2] <= sw);
    }
    ds_barcodes_clear(&b);
    /* Each backend alone reads it too. */
    static const ds_barcode_backend *const zb[] = {&ds_barcode_zbar}, *const zx[] = {&ds_barcode_zxing};
    T_EQ_INT(ds_barcode_scan_with(pix, zb, 1, DS_SYM_ALL, &b), DS_OK);
    T_EQ_INT(b.n, 1);
    if (b.n == 1)
        T_EQ_STR(b.items[0].decoder, "zbar");
    ds_barcodes_clear(&b);
    T_EQ_INT(ds_barcode_scan_with(pix, zx, 1, DS_SYM_ALL, &b), DS_OK);
    T_EQ_INT(b.n, 1);
    ds_barcodes_clear(&b);
    /* Asking for DataMatrix only finds nothing. */
    T_EQ_INT(ds_barcode_scan_with(pix, zx, 1, DS_SYM_BIT(DS_SYM_DATAMATRIX), &b), DS_OK);
    T_EQ_INT(b.n, 0);
    ds_barcodes_clear(&b);
    pixDestroy(&pix);
}

static void several_symbols_one_page(void)
{
    PIX *pix = pixCreate(1400, 700, 8);
    pixSetAllArbitrary(pix, 255);
    const char *payloads[3] = {"FIRST", "SECOND", "THIRD"};
    unsigned fmts[3] = {DS_ZX_QR, DS_ZX_DATAMATRIX, DS_ZX_PDF417};
    for (int k = 0; k < 3; k++) {
        PIX *one = page_with(fmts[k], payloads[k], strlen(payloads[k]), 300, 420, 420, 0, 0, NULL, NULL);
        T_CHECK(one != NULL);
        if (one)
            pixRasterop(pix, 20 + 460 * k, 100, 420, 420, PIX_SRC, one, 0, 0);
        pixDestroy(&one);
    }
    ds_barcodes b;
    T_EQ_INT(ds_barcode_scan(pix, &b), DS_OK);
    T_EQ_INT(b.n, 3);
    int seen = 0;
    for (int i = 0; i < b.n; i++) {
        if (b.items[i].symbology == DS_SYM_QR && strcmp(b.items[i].text, "FIRST") == 0)
            seen |= 1;
        if (b.items[i].symbology == DS_SYM_DATAMATRIX && strcmp(b.items[i].text, "SECOND") == 0)
            seen |= 2;
        if (b.items[i].symbology == DS_SYM_PDF417 && strcmp(b.items[i].text, "THIRD") == 0)
            seen |= 4;
    }
    T_EQ_INT(seen, 7);
    ds_barcodes_clear(&b);
    pixDestroy(&pix);
    /* Aztec, alone on its page. */
    pix = page_with(DS_ZX_AZTEC, "AZTEC-1", 7, 200, 400, 400, 100, 100, NULL, NULL);
    T_EQ_INT(ds_barcode_scan(pix, &b), DS_OK);
    T_EQ_INT(b.n, 1);
    if (b.n == 1) {
        T_EQ_INT(b.items[0].symbology, DS_SYM_AZTEC);
        T_EQ_STR(b.items[0].text, "AZTEC-1");
    }
    ds_barcodes_clear(&b);
    pixDestroy(&pix);
}

static void retries_small_and_turned(void)
{
    /* A small DataMatrix, drawn then halved (about 2 px per module, blurred). */
    const char *msg = "RETRY-SMALL-0123456789";
    PIX *big = page_with(DS_ZX_DATAMATRIX, msg, strlen(msg), 120, 300, 300, 90, 90, NULL, NULL);
    PIX *small = big ? pixScaleAreaMap(big, 0.5f, 0.5f) : NULL;
    T_CHECK(small != NULL);
    ds_barcodes b;
    T_EQ_INT(ds_barcode_scan(small, &b), DS_OK);
    T_EQ_INT(b.n, 1);
    if (b.n == 1) {
        T_EQ_STR(b.items[0].text, msg);
        T_CHECK(b.items[0].bbox[0] >= 40 && b.items[0].bbox[0] <= 60);
    }
    ds_barcodes_clear(&b);
    pixDestroy(&small);
    pixDestroy(&big);

    /* A Code 128 turned by 90 degrees: found, position in page pixels. */
    PIX *pix = page_with(DS_ZX_CODE128, "TURNED-128", 10, 400, 700, 300, 100, 50, NULL, NULL);
    PIX *turned = pixRotateOrth(pix, 1);
    T_EQ_INT(ds_barcode_scan(turned, &b), DS_OK);
    T_CHECK(b.n >= 1);
    for (int i = 0; i < b.n; i++) {
        T_EQ_STR(b.items[i].text, "TURNED-128");
        T_CHECK(b.items[i].bbox[0] >= 0 && b.items[i].bbox[0] + b.items[i].bbox[2] <= pixGetWidth(turned) + 2);
        T_CHECK(b.items[i].bbox[1] >= 0 && b.items[i].bbox[1] + b.items[i].bbox[3] <= pixGetHeight(turned) + 2);
    }
    ds_barcodes_clear(&b);
    pixDestroy(&turned);
    pixDestroy(&pix);
}

static void binary_payload(void)
{
    uint8_t bin[200];
    for (int i = 0; i < 200; i++)
        bin[i] = (uint8_t)(i * 37 + 5);
    bin[10] = 0; /* a NUL inside */
    PIX *pix = page_with(DS_ZX_DATAMATRIX, (const char *)bin, sizeof bin, 400, 600, 600, 50, 50, NULL, NULL);
    ds_barcodes b;
    T_EQ_INT(ds_barcode_scan(pix, &b), DS_OK);
    T_EQ_INT(b.n, 1);
    if (b.n == 1) {
        T_EQ_INT(b.items[0].len, sizeof bin);
        T_CHECK(memcmp(b.items[0].data, bin, sizeof bin) == 0);
        T_CHECK(!b.items[0].printable);
        T_EQ_INT(b.items[0].data[b.items[0].len], 0);
    }
    ds_barcodes_clear(&b);
    pixDestroy(&pix);
}

static void blank_and_usage(void)
{
    PIX *pix = pixCreate(300, 200, 8);
    pixSetAllArbitrary(pix, 255);
    ds_barcodes b;
    T_EQ_INT(ds_barcode_scan(pix, &b), DS_OK);
    T_EQ_INT(b.n, 0);
    T_CHECK(b.passes >= 3);
    ds_barcodes_clear(&b);
    pixDestroy(&pix);
    PIX *rgb = pixCreate(10, 10, 32);
    T_EQ_INT(ds_barcode_scan(rgb, &b), DS_ERR_USAGE);
    T_EQ_INT(b.n, 0);
    pixDestroy(&rgb);
    T_EQ_INT(ds_barcode_scan(NULL, &b), DS_ERR_USAGE);
    T_EQ_INT(ds_barcode_scan(NULL, NULL), DS_ERR_USAGE);
    ds_barcodes_clear(NULL);
    T_EQ_STR(ds_symbology_name((ds_symbology)200), "UNKNOWN");
    T_EQ_STR(ds_symbology_name(DS_SYM_PDF417), "PDF417");
}

static void caps_and_dedup(void)
{
    ds_barcodes b;
    ds_barcodes_init(&b);
    int box[4] = {1, 2, 3, 4};
    for (int i = 0; i < DS_BARCODE_MAX + 5; i++) {
        char s[16];
        int k = snprintf(s, sizeof s, "S%d", i);
        T_EQ_INT(ds_barcodes_add(&b, DS_SYM_QR, "t", s, (size_t)k, s, (size_t)k, box), DS_OK);
    }
    T_EQ_INT(b.n, DS_BARCODE_MAX);
    T_CHECK(b.truncated);
    ds_barcodes_clear(&b);
    T_EQ_INT(b.n, 0);
    /* Same bytes and symbology: one; other symbology: two. */
    T_EQ_INT(ds_barcodes_add(&b, DS_SYM_QR, "a", "X", 1, NULL, 0, box), DS_OK);
    T_EQ_INT(ds_barcodes_add(&b, DS_SYM_QR, "b", "X", 1, "X", 1, box), DS_OK);
    T_EQ_INT(b.n, 1);
    T_EQ_STR(b.items[0].text, "X"); /* the second filled the missing text */
    T_EQ_INT(ds_barcodes_add(&b, DS_SYM_AZTEC, "b", "X", 1, "X", 1, box), DS_OK);
    T_EQ_INT(b.n, 2);
    /* Oversized payloads are cut and marked. */
    size_t big = DS_BARCODE_MAX_BYTES + 100;
    char *p = malloc(big);
    memset(p, 'A', big);
    T_EQ_INT(ds_barcodes_add(&b, DS_SYM_PDF417, "c", p, big, p, big, box), DS_OK);
    T_EQ_INT(b.items[2].len, DS_BARCODE_MAX_BYTES);
    T_CHECK(b.items[2].truncated);
    T_EQ_INT(strlen(b.items[2].text), DS_BARCODE_MAX_BYTES);
    free(p);
    /* Invalid UTF-8 gives no text. */
    T_EQ_INT(ds_barcodes_add(&b, DS_SYM_CODE128, "c", "\xff\xfe", 2, "\xff\xfe", 2, box), DS_OK);
    T_CHECK(b.items[3].text == NULL);
    T_EQ_INT(ds_barcodes_add(NULL, DS_SYM_QR, "c", "x", 1, NULL, 0, box), DS_ERR_USAGE);
    ds_barcodes_clear(&b);
}

/* ------------------------------------------------------------- realdata */

typedef struct tally {
    int total, ok;
} tally;

static bool read_opt(const char *path, uint8_t **d, size_t *n)
{
    *d = NULL;
    *n = 0;
    return ds_read_file(path, 1 << 20, d, n) == DS_OK;
}

static tally run_folder(const char *folder)
{
    tally t = {0, 0};
    char dir[2048];
    snprintf(dir, sizeof dir, "%s/realdata/barcodes/%s", DS_SHARED_DIR, folder);
    struct stat st;
    if (stat(dir, &st) != 0)
        T_SKIP("../shared/realdata absent");
    struct dirent **names = NULL;
    int n = scandir(dir, &names, NULL, alphasort);
    for (int i = 0; i < n; i++) {
        const char *nm = names[i]->d_name;
        size_t L = strlen(nm);
        bool img = (L > 4 && (strcmp(nm + L - 4, ".png") == 0 || strcmp(nm + L - 4, ".jpg") == 0)) ||
                   (L > 5 && strcmp(nm + L - 5, ".jpeg") == 0);
        if (!img) {
            free(names[i]);
            continue;
        }
        char stem[1024], path[4096];
        snprintf(stem, sizeof stem, "%s", nm);
        *strrchr(stem, '.') = '\0';
        uint8_t *txt = NULL, *bin = NULL;
        size_t ntxt = 0, nbin = 0;
        snprintf(path, sizeof path, "%s/%s.txt", dir, stem);
        if (!read_opt(path, &txt, &ntxt)) {
            snprintf(path, sizeof path, "%s/%s.refdecode.txt", dir, stem);
            read_opt(path, &txt, &ntxt);
        }
        snprintf(path, sizeof path, "%s/%s.bin", dir, stem);
        read_opt(path, &bin, &nbin);
        L = strlen(stem);
        if (!txt && !bin && L > 3 && strcmp(stem + L - 3, "-01") == 0) {
            /* A Macro PDF417 part "NN-01" belongs to "NN". */
            stem[L - 3] = '\0';
            snprintf(path, sizeof path, "%s/%s.txt", dir, stem);
            read_opt(path, &txt, &ntxt);
            snprintf(path, sizeof path, "%s/%s.bin", dir, stem);
            read_opt(path, &bin, &nbin);
        }
        if (!txt && !bin) {
            free(names[i]);
            continue;
        }
        snprintf(path, sizeof path, "%s/%s", dir, nm);
        ds_limits lim;
        ds_limits_default(&lim);
        ds_pages *pages = NULL;
        PIX *g = ds_decode_file(path, &lim, &pages) == DS_OK && pages->count > 0 ? pages->page[0].gray : NULL;
        t.total++;
        ds_barcodes b;
        if (g && ds_barcode_scan(g, &b) == DS_OK) {
            bool hit = false;
            for (int k = 0; k < b.n; k++) {
                const ds_barcode *r = &b.items[k];
                if (txt && r->text && strlen(r->text) == ntxt && memcmp(r->text, txt, ntxt) == 0)
                    hit = true;
                if (bin && r->len == nbin && memcmp(r->data, bin, nbin) == 0)
                    hit = true;
            }
            t.ok += hit;
            if (!hit)
                printf("  not read: %s/%s\n", folder, nm);
            ds_barcodes_clear(&b);
        }
        ds_pages_free(pages);
        free(txt);
        free(bin);
        free(names[i]);
    }
    free(names);
    printf("  %s: %d of %d read exactly\n", folder, t.ok, t.total);
    return t;
}

static void real_qr(void)
{
    tally t = run_folder("qr");
    T_CHECK(t.total >= 40);
    T_CHECK(t.ok >= 39); /* zbar alone: 32 */
}

static void real_pdf417(void)
{
    tally t = run_folder("pdf417");
    T_CHECK(t.total >= 32);
    T_CHECK(t.ok >= 30); /* the two left: a lone Macro PDF417 part, and one zxing cannot read either */
}

static void real_datamatrix(void)
{
    tally t = run_folder("datamatrix");
    T_CHECK(t.total >= 30);
    T_EQ_INT(t.ok, t.total);
}

/* ------------------------------------------------------------ cross-check */

static void fold_names(void)
{
    char out[64];
    ds_text_fold_icao("M\xc3\xbcller", true, out, sizeof out);
    T_EQ_STR(out, "MUELLER");
    ds_text_fold_icao("M\xc3\xbcller", false, out, sizeof out);
    T_EQ_STR(out, "MULLER");
    ds_text_fold_icao("N\xc3\xba\xc3\xb1" "ez", true, out, sizeof out);
    T_EQ_STR(out, "NUNEZ");
    ds_text_fold_icao("\xc5\x81ukasz", true, out, sizeof out);
    T_EQ_STR(out, "LUKASZ");
    ds_text_fold_icao("  anne-marie  o'neil ", true, out, sizeof out);
    T_EQ_STR(out, "ANNE MARIE O NEIL");
    ds_text_fold_icao("ERIKSSON<<ANNA<MARIA", true, out, sizeof out);
    T_EQ_STR(out, "ERIKSSON ANNA MARIA");
    ds_text_fold_icao("Stra\xc3\x9f" "e \xc3\x86sir \xc3\x98rsted", true, out, sizeof out);
    T_EQ_STR(out, "STRASSE AESIR OERSTED");
    ds_text_fold_icao("\xe4\xb8\xad\xff", true, out, sizeof out); /* CJK and a broken byte */
    T_EQ_STR(out, "");
    ds_text_fold_icao("ABCDEFGH", true, out, 4);
    T_EQ_STR(out, "ABC");
    ds_text_fold_icao(NULL, true, out, sizeof out);
    T_EQ_STR(out, "");
}

static ds_mrz mrz_of(const char *l1, const char *l2)
{
    ds_mrz m;
    const char *lines[2] = {l1, l2};
    if (ds_mrz_parse(lines, 2, 2025, &m) != DS_OK)
        T_FAIL_("mrz does not parse");
    return m;
}

static void crosscheck_matches_and_mismatches(void)
{
    ds_mrz m = mrz_of("P<UTOMUELLER<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
    ds_identity_fields f = {"M\xc3\xbcller", "Anna", "1974-08-12", "2012-04-15", "L898902C3", "F"};
    ds_identity_mismatches mm;
    T_EQ_INT(ds_identity_compare(&m, &f, &mm), 0);
    f.given_names = "ANNA MARIA";
    T_EQ_INT(ds_identity_compare(&m, &f, &mm), 0);
    /* The bare-letter form also matches an MRZ that wrote it. */
    ds_mrz m2 = mrz_of("P<UTOMULLER<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
    T_EQ_INT(ds_identity_compare(&m2, &f, &mm), 0);
    f.sex = "X"; /* unknown on one side: not a mismatch */
    T_EQ_INT(ds_identity_compare(&m, &f, &mm), 0);
    f.birth_date = "1974-08-13";
    f.document_number = "L898902C4";
    f.sex = "M";
    f.given_names = "BEATE";
    T_EQ_INT(ds_identity_compare(&m, &f, &mm), 4);
    T_EQ_INT(mm.n, 4);
    T_EQ_STR(mm.items[0].field, "given_names");
    T_EQ_STR(mm.items[0].expected, "ANNA MARIA");
    T_EQ_STR(mm.items[0].found, "BEATE");
    T_EQ_STR(mm.items[1].field, "birth_date");
    T_EQ_STR(mm.items[1].expected, "1974-08-12");
    T_EQ_STR(mm.items[1].found, "1974-08-13");
    T_EQ_STR(mm.items[2].field, "document_number");
    T_EQ_STR(mm.items[3].field, "sex");
    /* Absent fields are not compared. */
    ds_identity_fields empty = {0};
    T_EQ_INT(ds_identity_compare(&m, &empty, &mm), 0);
    T_EQ_INT(ds_identity_compare(NULL, &f, &mm), 0);
}

static void crosscheck_truncated_name(void)
{
    /* A TD3 name field filled to the end: the barcode's longer name starts with it. */
    ds_mrz m = mrz_of("P<UTOVANDERBERGHEHOOGSTRATEN<<ALEXANDRINA<JO", "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
    T_CHECK(m.name_truncated);
    ds_identity_fields f = {"van der Berghe-Hoogstraten", "Alexandrina Josephine", NULL, NULL, NULL, NULL};
    ds_identity_mismatches mm;
    T_EQ_INT(ds_identity_compare(&m, &f, &mm), 0);
    f.surname = "van der Berg";
    T_EQ_INT(ds_identity_compare(&m, &f, &mm), 1);
    T_EQ_STR(mm.items[0].field, "surname");
}

static void crosscheck_aamva_fields(void)
{
    ds_aamva a;
    static const char payload[] =
        "@\n\x1e\rANSI 636000100001DL00310058DLDAQD1\nDCSDOE\nDACJANE\nDBB09161990\nDBA01212030\nDBC2\nDCGUSA\n\r";
    T_EQ_INT(ds_aamva_parse((const uint8_t *)payload, sizeof payload - 1, &a), DS_AAMVA_OK);
    ds_identity_fields f;
    ds_identity_from_aamva(&a, &f);
    T_EQ_STR(f.surname, "DOE");
    T_EQ_STR(f.birth_date, "1990-09-16");
    ds_mrz td1;
    const char *lines[3] = {"I<UTOD23145890<<<<<<<<<<<<<<<<", "9009163F3101212UTO<<<<<<<<<<<4", "DOE<<JANE<<<<<<<<<<<<<<<<<<<<<"};
    T_EQ_INT(ds_mrz_parse(lines, 3, 2025, &td1), DS_OK);
    f.document_number = NULL; /* a licence number is not the ID card's */
    ds_identity_mismatches mm;
    int k = ds_identity_compare(&td1, &f, &mm);
    for (int i = 0; i < mm.n; i++)
        printf("  mismatch %s: %s vs %s\n", mm.items[i].field, mm.items[i].expected, mm.items[i].found);
    T_EQ_INT(k, 1); /* only the expiry date differs (2030-01-21 on the licence) */
    if (mm.n == 1)
        T_EQ_STR(mm.items[0].field, "expiry_date");
    ds_identity_from_mrz(&td1, &f);
    T_EQ_STR(f.surname, "DOE");
}

/* The quick look by one decoder (what a page without an MRZ gets first):
 * zxing alone reads the identity symbologies zbar cannot, and both
 * backends read the same packed image. */
static void quick_with_one_decoder(void)
{
    const char *msg = "@ANSI 636000090002DL00410278ZV03190008DLDAQT64235789";
    PIX *pix = page_with(DS_ZX_PDF417, msg, strlen(msg), 500, 1200, 900, 100, 300, NULL, NULL);
    T_CHECK(pix != NULL);
    static const ds_barcode_backend *const zb[] = {&ds_barcode_zbar}, *const zx[] = {&ds_barcode_zxing};
    ds_barcodes b;
    T_EQ_INT(ds_barcode_scan_quick_with(pix, zx, 1, &b), DS_OK);
    T_EQ_INT(b.n, 1);
    T_EQ_INT(b.passes, 1);
    if (b.n == 1) {
        T_EQ_STR(ds_symbology_name(b.items[0].symbology), "PDF417");
        T_EQ_STR(b.items[0].decoder, "zxing");
    }
    ds_barcodes_clear(&b);
    T_EQ_INT(ds_barcode_scan_quick_with(pix, zb, 1, &b), DS_OK);
    T_EQ_INT(b.n, 0); /* zbar reads no PDF417 */
    T_EQ_INT(b.passes, 1); /* and the quick look tries no fallback */
    ds_barcodes_clear(&b);
    /* The packed image holds the page's pixels, rows without padding. */
    ds_barcode_image img;
    T_EQ_INT(ds_barcode_image_make(pix, &img), DS_OK);
    T_EQ_INT(img.w, 1200);
    T_EQ_INT(img.h, 900);
    T_EQ_INT(img.pix == pix, 1);
    l_uint32 v = 0;
    pixGetPixel(pix, 0, 0, &v);
    T_EQ_INT(img.gray[0], (int)v);
    pixGetPixel(pix, 1199, 899, &v);
    T_EQ_INT(img.gray[(size_t)899 * 1200 + 1199], (int)v);
    ds_barcode_image_free(&img);
    T_CHECK(img.gray == NULL);
    ds_barcode_image_free(NULL); /* no crash */
    pixDestroy(&pix);
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"qr_merged_once_with_position", qr_merged_once_with_position},
        {"quick_with_one_decoder", quick_with_one_decoder},
        {"several_symbols_one_page", several_symbols_one_page},
        {"retries_small_and_turned", retries_small_and_turned},
        {"binary_payload", binary_payload},
        {"blank_and_usage", blank_and_usage},
        {"caps_and_dedup", caps_and_dedup},
        {"real_qr", real_qr},
        {"real_pdf417", real_pdf417},
        {"real_datamatrix", real_datamatrix},
        {"fold_names", fold_names},
        {"crosscheck_matches_and_mismatches", crosscheck_matches_and_mismatches},
        {"crosscheck_truncated_name", crosscheck_truncated_name},
        {"crosscheck_aamva_fields", crosscheck_aamva_fields},
    };
    return T_RUN(cases);
}
