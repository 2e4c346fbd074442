/*
 * Tests of image forensics: each editing trace (EXIF Software, XMP
 * CreatorTool and Photoshop namespace, APP13 Photoshop block, JPEG comment,
 * PNG tEXt and iTXt) is found when planted into a
 * real sample and absent from the clean samples; the quantisation-table
 * quality estimate; Photoshop's own quantisation tables are evidence and
 * libjpeg's standard tables at every quality are not; blur, low resolution and glare on the samples and on
 * degraded copies of them; a page without an MRZ too small for one; the
 * flags and their evidence; a JPEG saved twice
 * is caught and single saves at every quality are not, hostile JPEGs end
 * cleanly. Test inputs are
 * made here from samples/pages with Leptonica, never committed.
 *
 * `test_forensics --measure DIR` prints the measures for every image in DIR;
 * `test_forensics --twice FILE...` prints the double-save measures.
 */
#include <jansson.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <math.h>
#include <string.h>
#include <jpeglib.h>

#include "forensics/forensics.h"
#include "check/imagecheck.h"
#include "t.h"

#define SAMPLE_JPG DS_SOURCE_DIR "/samples/pages/0004-td3.jpg"
#define SAMPLE_TIF DS_SOURCE_DIR "/samples/pages/0010-multi.tif"

static uint8_t *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *b = malloc((size_t)n + 1);
    if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
        free(b);
        b = NULL;
    }
    fclose(f);
    *len = (size_t)n;
    return b;
}

/* Inserts a segment (marker + payload) right after the SOI of jpeg. */
static uint8_t *insert_segment(const uint8_t *jpg, size_t len, uint8_t marker, const uint8_t *pl,
                               size_t pll, size_t *outlen)
{
    uint8_t *o = malloc(len + pll + 4);
    memcpy(o, jpg, 2);
    o[2] = 0xFF;
    o[3] = marker;
    o[4] = (uint8_t)((pll + 2) >> 8);
    o[5] = (uint8_t)((pll + 2) & 0xFF);
    memcpy(o + 6, pl, pll);
    memcpy(o + 6 + pll, jpg + 2, len - 2);
    *outlen = len + pll + 4;
    return o;
}

/* A little-endian TIFF with one IFD0 entry: tag (ASCII) = value. */
static size_t make_exif(uint8_t *b, uint16_t tag, const char *value, bool big_endian)
{
    size_t vl = strlen(value) + 1;
    memcpy(b, "Exif\0\0", 6);
    uint8_t *t = b + 6;
    memset(t, 0, 26 + vl);
    bool le = !big_endian;
#define W16(p, v) do { if (le) { (p)[0] = (uint8_t)(v); (p)[1] = (uint8_t)((v) >> 8); } \
                      else { (p)[1] = (uint8_t)(v); (p)[0] = (uint8_t)((v) >> 8); } } while (0)
#define W32(p, v) do { if (le) { (p)[0] = (uint8_t)(v); (p)[1] = (uint8_t)((v) >> 8); (p)[2] = (uint8_t)((v) >> 16); (p)[3] = (uint8_t)((v) >> 24); } \
                      else { (p)[3] = (uint8_t)(v); (p)[2] = (uint8_t)((v) >> 8); (p)[1] = (uint8_t)((v) >> 16); (p)[0] = (uint8_t)((v) >> 24); } } while (0)
    t[0] = t[1] = le ? 'I' : 'M';
    W16(t + 2, 42);
    W32(t + 4, 8);
    W16(t + 8, 1);
    W16(t + 10, tag);
    W16(t + 12, 2);
    W32(t + 14, (uint32_t)vl);
    W32(t + 18, 26);
    W32(t + 22, 0);
    memcpy(t + 26, value, vl);
    return 6 + 26 + vl;
}

static ds_forensics scan(const uint8_t *b, size_t n)
{
    ds_forensics f;
    T_EQ_INT(ds_forensics_scan_bytes(b, n, &f), DS_OK);
    return f;
}

static bool has_evidence(const ds_forensics *f, const char *needle)
{
    for (int i = 0; i < f->nevidence; i++)
        if (strstr(f->evidence[i], needle))
            return true;
    return false;
}

static void test_clean_samples(void)
{
    DIR *d = opendir(DS_SOURCE_DIR "/samples/pages");
    if (!d)
        T_SKIP("samples/pages not available");
    struct dirent *e;
    int n = 0;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l < 5 || (strcmp(e->d_name + l - 4, ".jpg") && strcmp(e->d_name + l - 4, ".tif")))
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/samples/pages/%s", DS_SOURCE_DIR, e->d_name);
        size_t len;
        uint8_t *b = read_all(path, &len);
        T_CHECK(b != NULL);
        if (!b)
            continue;
        ds_forensics f = scan(b, len);
        if (f.edited)
            T_FAIL_("%s: edited (%s)", e->d_name, f.evidence[0]);
        if (strcmp(e->d_name + l - 4, ".jpg") == 0) {
            /* PIL writes libjpeg's standard tables at the generator's quality. */
            T_CHECK(f.jpeg_standard_tables);
            T_CHECK(!f.jpeg_editor_tables);
            T_CHECK(f.jpeg_quality >= 78 && f.jpeg_quality <= 90);
        }
        ds_flags fl;
        memset(&fl, 0, sizeof fl);
        T_EQ_INT(ds_forensics_check(&f, 0, &fl), 0);
        free(b);
        n++;
    }
    closedir(d);
    T_CHECK(n >= 11);
}

static void test_exif_software(void)
{
    size_t len;
    uint8_t *jpg = read_all(SAMPLE_JPG, &len);
    if (!jpg)
        T_SKIP("sample missing");
    uint8_t exif[256];
    for (int be = 0; be < 2; be++) {
        size_t el = make_exif(exif, 0x0131, "Adobe Photoshop 25.0 (Windows)", be);
        size_t ol;
        uint8_t *o = insert_segment(jpg, len, 0xE1, exif, el, &ol);
        ds_forensics f = scan(o, ol);
        T_CHECK(f.edited);
        T_CHECK(has_evidence(&f, "EXIF Software"));
        T_CHECK(has_evidence(&f, "Photoshop 25.0"));
        T_EQ_STR(f.software, "Adobe Photoshop 25.0 (Windows)");
        ds_flags fl;
        memset(&fl, 0, sizeof fl);
        T_EQ_INT(ds_forensics_check(&f, 2, &fl), 1);
        T_EQ_STR(ds_flag_name(fl.item[0].code), "IMAGE_EDITED");
        T_EQ_STR(fl.item[0].source, "image");
        T_EQ_INT(fl.item[0].page, 2);
        T_CHECK(strstr(fl.item[0].found, "Photoshop") != NULL);
        free(o);
    }
    /* A scanner's own software is no evidence; it is still reported. */
    size_t el = make_exif(exif, 0x0131, "EPSON Scan 2", false);
    size_t ol;
    uint8_t *o = insert_segment(jpg, len, 0xE1, exif, el, &ol);
    ds_forensics f = scan(o, ol);
    T_CHECK(!f.edited);
    T_EQ_STR(f.software, "EPSON Scan 2");
    free(o);
    /* ProcessingSoftware (0x000B) naming GIMP. */
    el = make_exif(exif, 0x000B, "GIMP 2.10.34", false);
    o = insert_segment(jpg, len, 0xE1, exif, el, &ol);
    f = scan(o, ol);
    T_CHECK(f.edited && has_evidence(&f, "GIMP"));
    free(o);
    free(jpg);
}

static void test_xmp_and_photoshop_blocks(void)
{
    size_t len;
    uint8_t *jpg = read_all(SAMPLE_JPG, &len);
    if (!jpg)
        T_SKIP("sample missing");
    static const char xmp[] =
        "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF>"
        "<rdf:Description xmp:CreatorTool=\"Adobe Photoshop 24.1 (Macintosh)\"/>"
        "</rdf:RDF></x:xmpmeta>";
    size_t ol;
    uint8_t *o = insert_segment(jpg, len, 0xE1, (const uint8_t *)xmp, sizeof xmp - 1, &ol);
    ds_forensics f = scan(o, ol);
    T_CHECK(f.edited && has_evidence(&f, "XMP CreatorTool"));
    free(o);

    static const char hist[] =
        "http://ns.adobe.com/xap/1.0/\0<rdf:li stEvt:action=\"saved\" "
        "stEvt:softwareAgent=\"GIMP 2.10 (Linux)\"/>";
    o = insert_segment(jpg, len, 0xE1, (const uint8_t *)hist, sizeof hist - 1, &ol);
    f = scan(o, ol);
    T_CHECK(f.edited && has_evidence(&f, "softwareAgent"));
    free(o);

    static const char ns[] = "http://ns.adobe.com/xap/1.0/\0<rdf:Description "
                             "xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\"/>";
    o = insert_segment(jpg, len, 0xE1, (const uint8_t *)ns, sizeof ns - 1, &ol);
    f = scan(o, ol);
    T_CHECK(f.edited && has_evidence(&f, "photoshop: namespace"));
    free(o);

    static const char irb[] = "Photoshop 3.0\0008BIM\004\004\0\0\0\0\0\0";
    o = insert_segment(jpg, len, 0xED, (const uint8_t *)irb, sizeof irb - 1, &ol);
    f = scan(o, ol);
    T_CHECK(f.edited && has_evidence(&f, "APP13"));
    free(o);

    static const char com[] = "Created with GIMP";
    o = insert_segment(jpg, len, 0xFE, (const uint8_t *)com, sizeof com - 1, &ol);
    f = scan(o, ol);
    T_CHECK(f.edited && has_evidence(&f, "JPEG comment"));
    free(o);

    /* A harmless XMP packet (a scanner's) is no evidence. */
    static const char ok[] = "http://ns.adobe.com/xap/1.0/\0<rdf:Description "
                             "xmp:CreatorTool=\"Canon CaptureOnTouch\"/>";
    o = insert_segment(jpg, len, 0xE1, (const uint8_t *)ok, sizeof ok - 1, &ol);
    f = scan(o, ol);
    T_CHECK(!f.edited);
    free(o);
    free(jpg);
}

static uint32_t crc32_png(const uint8_t *p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1)));
    }
    return c ^ 0xFFFFFFFFu;
}

/* PNG of a small page with one text chunk of the given type inserted after IHDR. */
static uint8_t *png_with_text(const char *type, const uint8_t *body, size_t bl, size_t *outlen)
{
    PIX *p = pixCreate(64, 48, 8);
    pixSetAll(p);
    uint8_t *png = NULL;
    size_t pl = 0;
    pixWriteMemPng(&png, &pl, p, 0);
    pixDestroy(&p);
    size_t at = 8 + 25; /* signature, IHDR chunk */
    uint8_t *o = malloc(pl + bl + 12);
    memcpy(o, png, at);
    uint8_t *c = o + at;
    c[0] = (uint8_t)(bl >> 24);
    c[1] = (uint8_t)(bl >> 16);
    c[2] = (uint8_t)(bl >> 8);
    c[3] = (uint8_t)bl;
    memcpy(c + 4, type, 4);
    memcpy(c + 8, body, bl);
    uint32_t crc = crc32_png(c + 4, bl + 4);
    c[8 + bl] = (uint8_t)(crc >> 24);
    c[9 + bl] = (uint8_t)(crc >> 16);
    c[10 + bl] = (uint8_t)(crc >> 8);
    c[11 + bl] = (uint8_t)crc;
    memcpy(o + at + 12 + bl, png + at, pl - at);
    *outlen = pl + bl + 12;
    free(png);
    return o;
}

static void test_png_text(void)
{
    size_t n;
    static const char t1[] = "Software\0Adobe ImageReady";
    uint8_t *o = png_with_text("tEXt", (const uint8_t *)t1, sizeof t1 - 1, &n);
    ds_forensics f = scan(o, n);
    T_CHECK(f.edited && has_evidence(&f, "PNG tEXt Software"));
    /* Leptonica still decodes it: the chunk is well formed. */
    PIX *p = pixReadMemPng(o, n);
    T_CHECK(p != NULL);
    pixDestroy(&p);
    free(o);

    static const char t2[] = "Software\0\0\0en\0\0GIMP 2.10.36";
    o = png_with_text("iTXt", (const uint8_t *)t2, sizeof t2 - 1, &n);
    f = scan(o, n);
    T_CHECK(f.edited && has_evidence(&f, "PNG iTXt Software"));
    free(o);

    static const char t3[] = "Software\0SANE scanimage 1.2";
    o = png_with_text("tEXt", (const uint8_t *)t3, sizeof t3 - 1, &n);
    f = scan(o, n);
    T_CHECK(!f.edited);
    T_EQ_STR(f.software, "SANE scanimage 1.2");
    free(o);

    static const char t4[] = "Comment\0Created with GIMP";
    o = png_with_text("tEXt", (const uint8_t *)t4, sizeof t4 - 1, &n);
    f = scan(o, n);
    T_CHECK(f.edited);
    free(o);
}

static void test_quant_quality(void)
{
    static const uint8_t base[64] = {
        16, 11, 10, 16, 24,  40,  51,  61,  12, 12, 14, 19, 26,  58,  60,  55,
        14, 13, 16, 24, 40,  57,  69,  56,  14, 17, 22, 29, 51,  87,  80,  62,
        18, 22, 37, 56, 68,  109, 103, 77,  24, 35, 55, 64, 81,  104, 113, 92,
        49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
    };
    for (int q = 10; q <= 100; q += 15) {
        uint16_t t[64];
        int s = q < 50 ? 5000 / q : 200 - 2 * q;
        for (int i = 0; i < 64; i++) {
            long v = ((long)base[i] * s + 50) / 100;
            t[i] = (uint16_t)(v < 1 ? 1 : v > 255 ? 255 : v);
        }
        bool exact = false;
        T_EQ_INT(ds_forensics_jpeg_quality(t, &exact), q);
        T_CHECK(exact);
        t[5] += 3; /* a custom table: nearest quality, not exact */
        T_EQ_INT(ds_forensics_jpeg_quality(t, &exact), q);
        T_CHECK(!exact);
    }
    /* Leptonica's own JPEGs (libjpeg) at a known quality, saved once from
     * the lossless sample (a JPEG sample saved again would be a double save,
     * which double_save_detected covers). */
    PIX *p = pixRead(SAMPLE_TIF);
    if (!p)
        T_SKIP("sample missing");
    uint8_t *b = NULL;
    size_t n = 0;
    pixWriteMemJpeg(&b, &n, p, 63, 0);
    ds_forensics f = scan(b, n);
    T_EQ_INT(f.jpeg_quality, 63);
    T_CHECK(f.jpeg_standard_tables);
    T_CHECK(!f.edited);
    free(b);
    pixDestroy(&p);
}

/* ------------------------------------------------------------------------ */
/* Editors' quantisation tables                                             */

/* Two of the Photoshop settings listed in forensics.c (natural order), as an
 * encoder would be given them: Save As quality 10 and Save for Web 60. */
static const unsigned ps_q10_lum[64] = {
    2, 2, 2, 2, 3, 4, 5, 6,   2, 2, 2, 2, 3, 4, 5, 6,   2, 2, 2, 2, 4, 5, 7, 9,
    2, 2, 2, 4, 5, 7, 9, 12,  3, 3, 4, 5, 8, 10, 12, 12, 4, 4, 5, 7, 10, 12, 12, 12,
    5, 5, 7, 9, 12, 12, 12, 12, 6, 6, 9, 12, 12, 12, 12, 12,
};
static const unsigned ps_q10_chr[64] = {
    3, 3, 5, 9, 13, 15, 15, 15,   3, 4, 6, 10, 14, 12, 12, 12,
    5, 6, 9, 14, 12, 12, 12, 12,  9, 10, 14, 12, 12, 12, 12, 12,
    13, 14, 12, 12, 12, 12, 12, 12, 15, 12, 12, 12, 12, 12, 12, 12,
    15, 12, 12, 12, 12, 12, 12, 12, 15, 12, 12, 12, 12, 12, 12, 12,
};
static const unsigned ps_web60_lum[64] = {
    6, 4, 4, 6, 9, 11, 12, 16,     4, 5, 5, 6, 8, 10, 12, 12,
    4, 5, 5, 6, 10, 12, 14, 19,    6, 6, 6, 11, 12, 15, 19, 28,
    9, 8, 10, 12, 16, 20, 27, 31,  11, 10, 12, 15, 20, 27, 31, 31,
    12, 12, 14, 19, 27, 31, 31, 31, 16, 12, 19, 28, 31, 31, 31, 31,
};
static const unsigned ps_web60_chr[64] = {
    7, 7, 13, 24, 26, 31, 31, 31,  7, 12, 16, 21, 31, 31, 31, 31,
    13, 16, 17, 31, 31, 31, 31, 31, 24, 21, 31, 31, 31, 31, 31, 31,
    26, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31,
    31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31,
};

/* A 24 x 16 JPEG written by libjpeg: with tables lum/chr (natural order,
 * unscaled) when given, else libjpeg's standard tables at quality
 * (force_baseline as given); grayscale when gray. */
static uint8_t *libjpeg_file(const unsigned *lum, const unsigned *chr, int quality,
                             bool baseline, bool gray, size_t *n)
{
    struct jpeg_compress_struct c;
    struct jpeg_error_mgr jerr;
    c.err = jpeg_std_error(&jerr);
    jpeg_create_compress(&c);
    unsigned char *buf = NULL;
    unsigned long len = 0;
    jpeg_mem_dest(&c, &buf, &len);
    c.image_width = 24;
    c.image_height = 16;
    c.input_components = gray ? 1 : 3;
    c.in_color_space = gray ? JCS_GRAYSCALE : JCS_RGB;
    jpeg_set_defaults(&c);
    if (lum) {
        jpeg_add_quant_table(&c, 0, lum, 100, TRUE);
        if (chr)
            jpeg_add_quant_table(&c, 1, chr, 100, TRUE);
    } else {
        jpeg_set_quality(&c, quality, baseline ? TRUE : FALSE);
    }
    jpeg_start_compress(&c, TRUE);
    unsigned char row[24 * 3];
    while (c.next_scanline < c.image_height) {
        for (int x = 0; x < 24 * 3; x++)
            row[x] = (unsigned char)(x * 7 + c.next_scanline * 13);
        JSAMPROW r = row;
        jpeg_write_scanlines(&c, &r, 1);
    }
    jpeg_finish_compress(&c);
    jpeg_destroy_compress(&c);
    *n = len;
    return buf;
}

static void test_photoshop_tables(void)
{
    struct {
        const unsigned *lum, *chr;
        const char *want;
    } ps[] = {
        {ps_q10_lum, ps_q10_chr, "quantisation tables of Adobe Photoshop (quality 10)"},
        {ps_web60_lum, ps_web60_chr,
         "quantisation tables of Adobe Photoshop (Save for Web quality 60)"},
    };
    for (size_t k = 0; k < sizeof ps / sizeof ps[0]; k++) {
        size_t n;
        uint8_t *b = libjpeg_file(ps[k].lum, ps[k].chr, 0, true, false, &n);
        T_CHECK(b != NULL);
        ds_forensics f;
        T_EQ_INT(ds_forensics_scan_metadata(b, n, &f), DS_OK);
        T_CHECK(f.edited && f.jpeg_editor_tables && !f.jpeg_standard_tables);
        if (!has_evidence(&f, ps[k].want))
            T_FAIL_("want \"%s\", got \"%s\"", ps[k].want, f.nevidence ? f.evidence[0] : "");
        /* The whole scan and the flag. */
        f = scan(b, n);
        T_CHECK(has_evidence(&f, ps[k].want));
        ds_flags fl;
        memset(&fl, 0, sizeof fl);
        T_EQ_INT(ds_forensics_check(&f, 0, &fl), 1);
        T_CHECK(strstr(fl.item[0].found, "Adobe Photoshop (") != NULL);
        free(b);
    }
    /* Near misses are not evidence: one chrominance entry off, Photoshop's
     * luminance with libjpeg's chrominance, and Photoshop's luminance alone
     * in a grayscale file. */
    unsigned chr[64];
    memcpy(chr, ps_q10_chr, sizeof chr);
    chr[63] += 1;
    const unsigned *pairs[][2] = {{ps_q10_lum, chr}, {ps_web60_lum, NULL}};
    for (int k = 0; k < 2; k++) {
        size_t n;
        uint8_t *b = libjpeg_file(pairs[k][0], pairs[k][1], 0, true, false, &n);
        ds_forensics f;
        T_EQ_INT(ds_forensics_scan_metadata(b, n, &f), DS_OK);
        T_CHECK(!f.edited && !f.jpeg_editor_tables);
        free(b);
    }
    size_t n;
    uint8_t *b = libjpeg_file(ps_q10_lum, NULL, 0, true, true, &n);
    ds_forensics f;
    T_EQ_INT(ds_forensics_scan_metadata(b, n, &f), DS_OK);
    T_CHECK(!f.edited && !f.jpeg_editor_tables);
    free(b);
}

/* libjpeg's standard tables (jpeg_set_quality, baseline and not) at every
 * quality 1..100, colour and grayscale: never an editor's tables. */
static void test_standard_tables_not_editor(void)
{
    int checked = 0;
    for (int gray = 0; gray <= 1; gray++)
        for (int baseline = 0; baseline <= 1; baseline++)
            for (int q = 1; q <= 100; q++) {
                size_t n;
                uint8_t *b = libjpeg_file(NULL, NULL, q, baseline, gray, &n);
                ds_forensics f;
                T_EQ_INT(ds_forensics_scan_metadata(b, n, &f), DS_OK);
                if (f.edited || f.jpeg_editor_tables)
                    T_FAIL_("libjpeg q%d baseline %d gray %d: %s", q, baseline, gray,
                            f.nevidence ? f.evidence[0] : "");
                if (baseline && !f.jpeg_standard_tables)
                    T_FAIL_("libjpeg q%d gray %d: not standard", q, gray);
                free(b);
                checked++;
            }
    T_CHECK(checked == 400);
}

/* The MRZ bbox of a sample from its truth JSON. */
static PIX *sample_page(const char *name, int bbox[4], bool *vertical, int *chars)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/samples/pages/%s.json", DS_SOURCE_DIR, name);
    json_t *t = json_load_file(path, 0, NULL);
    if (!t)
        return NULL;
    json_t *b = json_object_get(t, "mrz_bbox");
    for (int i = 0; i < 4; i++)
        bbox[i] = (int)json_integer_value(json_array_get(b, (size_t)i));
    int rot = (int)json_integer_value(json_object_get(t, "rotation"));
    *vertical = rot == 90 || rot == 270;
    const char *fmt = json_string_value(json_object_get(t, "format"));
    *chars = strcmp(fmt, "TD1") == 0 ? 30 : (strcmp(fmt, "TD2") == 0 || strcmp(fmt, "MRVB") == 0) ? 36 : 44;
    snprintf(path, sizeof path, "%s/samples/pages/%s", DS_SOURCE_DIR,
             json_string_value(json_object_get(t, "file")));
    json_decref(t);
    PIX *p = pixRead(path);
    PIX *g = p ? pixConvertTo8(p, 0) : NULL;
    pixDestroy(&p);
    return g;
}

static const char *const quality_samples[] = {"0000-mrvb", "0001-td1", "0002-mrva", "0003-td2",
                                              "0004-td3", "0005-td3", "0006-mrva", "0007-td1",
                                              "0008-mrvb", "0009-td2"};

static void test_quality_clean(void)
{
    for (size_t i = 0; i < sizeof quality_samples / sizeof quality_samples[0]; i++) {
        int bb[4], chars;
        bool vert;
        PIX *p = sample_page(quality_samples[i], bb, &vert, &chars);
        if (!p)
            T_SKIP("samples missing");
        ds_forensics f;
        memset(&f, 0, sizeof f);
        T_EQ_INT(ds_forensics_quality(p, bb, chars, vert, NULL, &f), DS_OK);
        printf("  %s: %.0f dpi sharpness %.3f glare %.3f\n", quality_samples[i], f.dpi,
               f.sharpness, f.glare);
        if (f.quality_low)
            T_FAIL_("%s: %s", quality_samples[i], f.quality_reason);
        pixDestroy(&p);
    }
}

static void test_quality_degraded(void)
{
    int bb[4], chars;
    bool vert;
    PIX *p = sample_page("0005-td3", bb, &vert, &chars);
    if (!p)
        T_SKIP("samples missing");
    ds_forensics f;
    ds_flags fl;

    /* The sample as scanned: sharp and well resolved, so no flag. */
    memset(&f, 0, sizeof f);
    T_EQ_INT(ds_forensics_quality(p, bb, chars, vert, NULL, &f), DS_OK);
    T_CHECK(!f.quality_low);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_forensics_check(&f, 0, &fl), 0);
    float dpi = f.dpi;
    float pitch = (float)(vert ? bb[3] : bb[2]) / (float)chars;

    /* Blur: a box a third of the character pitch wide (a spread like the
     * generator's blur of 9-15 % of the pitch, which puts the MRZ reading at
     * risk: bench/quality.py); the message gives the reason. */
    int half = (int)lroundf(pitch / 6.0f) > 2 ? (int)lroundf(pitch / 6.0f) : 2;
    PIX *bl = pixBlockconv(p, half, half);
    memset(&f, 0, sizeof f);
    T_EQ_INT(ds_forensics_quality(bl, bb, chars, vert, NULL, &f), DS_OK);
    printf("  blurred (box %d): sharpness %.3f\n", 2 * half + 1, f.sharpness);
    T_CHECK(f.quality_low && strstr(f.quality_reason, "blurred"));
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_forensics_check(&f, 0, &fl), 1);
    T_EQ_STR(ds_flag_name(fl.item[0].code), "IMAGE_QUALITY_LOW");
    T_CHECK(strstr(fl.item[0].message, "too blurred to read the machine-readable zone") != NULL);
    pixDestroy(&bl);

    /* Resolution: the page scaled to about 70 dpi, the MRZ box with it. */
    float k = 70.0f / dpi;
    PIX *sm = pixScale(p, k, k);
    int sb[4] = {(int)(bb[0] * k), (int)(bb[1] * k), (int)(bb[2] * k), (int)(bb[3] * k)};
    memset(&f, 0, sizeof f);
    T_EQ_INT(ds_forensics_quality(sm, sb, chars, vert, NULL, &f), DS_OK);
    T_CHECK(f.quality_low && strstr(f.quality_reason, "resolution is too low"));
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_forensics_check(&f, 0, &fl), 1);
    T_CHECK(strstr(fl.item[0].message, "resolution is too low") != NULL &&
            strstr(fl.item[0].message, "dpi") != NULL);
    pixDestroy(&sm);

    /* 110 dpi, sharp: the real specimens read as well there as at 300 dpi,
     * so it is no longer a reason to rescan. */
    k = 110.0f / dpi;
    PIX *md = pixScaleGrayLI(p, k, k);
    int mb[4] = {(int)(bb[0] * k), (int)(bb[1] * k), (int)(bb[2] * k), (int)(bb[3] * k)};
    memset(&f, 0, sizeof f);
    T_EQ_INT(ds_forensics_quality(md, mb, chars, vert, NULL, &f), DS_OK);
    if (f.quality_low)
        T_FAIL_("110 dpi: %s", f.quality_reason);
    pixDestroy(&md);

    /* Glare: a saturated patch over a tenth of the document. */
    PIX *gl = pixCopy(NULL, p);
    BOX *box = vert ? boxCreate(bb[0], bb[1] + bb[3] / 3, bb[2], bb[3] / 4)
                    : boxCreate(bb[0] + bb[2] / 3, bb[1], bb[2] / 4, bb[3]);
    pixSetInRectArbitrary(gl, box, 255);
    boxDestroy(&box);
    memset(&f, 0, sizeof f);
    T_EQ_INT(ds_forensics_quality(gl, bb, chars, vert, NULL, &f), DS_OK);
    T_CHECK(f.quality_low && strstr(f.quality_reason, "Glare"));
    pixDestroy(&gl);

    /* Bad arguments. */
    int tiny[4] = {0, 0, 3, 3};
    T_EQ_INT(ds_forensics_quality(p, tiny, 44, false, NULL, &f), DS_ERR_USAGE);
    T_EQ_INT(ds_forensics_quality(NULL, bb, 44, false, NULL, &f), DS_ERR_USAGE);
    pixDestroy(&p);
}

/* A page drawn here (white, a dark block for the document) of w x h
 * pixels, measured as a page where no MRZ was read, its file declaring dpi. */
static ds_forensics page_measure(int w, int h, int dpi)
{
    ds_forensics f;
    memset(&f, 0, sizeof f);
    PIX *p = pixCreate(w, h, 8);
    pixSetAll(p);
    BOX *doc = boxCreate(w / 8, h / 8, w * 3 / 4, h * 3 / 4);
    pixSetInRectArbitrary(p, doc, 60);
    boxDestroy(&doc);
    T_EQ_INT(ds_forensics_page_quality(p, dpi, &f), DS_OK);
    pixDestroy(&p);
    return f;
}

/* Where no MRZ was read, the page itself says whether it could hold one:
 * an image too small for a passport page at 80 dpi, or a small one whose
 * file says it was scanned below 80 dpi, asks for a rescan with the
 * reason; a large image declaring a camera's 72 dpi, a small one declaring
 * nothing, and an A4 scan at 300 dpi do not (issue 13, tidy13). */
static void test_page_quality_without_mrz(void)
{
    ds_forensics f = page_measure(350, 266, 72); /* defects10 0041's size */
    T_CHECK(f.page_measured && !f.measured);
    T_CHECK(f.quality_low && strstr(f.quality_reason, "too small"));
    T_CHECK(f.page_dpi_max < 72);
    ds_flags fl;
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_forensics_check(&f, 0, &fl), 1);
    T_EQ_INT(fl.item[0].code, DS_FLAG_IMAGE_QUALITY_LOW);
    T_EQ_INT(fl.item[0].severity, DS_SEV_WARNING);
    T_CHECK(strstr(fl.item[0].found, "no MRZ") != NULL);
    T_CHECK(strstr(fl.item[0].message, "rescan at 300 dpi") != NULL);

    f = page_measure(559, 427, 72); /* defects10 0032: a passport at 72 dpi */
    T_CHECK(f.quality_low && strstr(f.quality_reason, "72 dpi"));
    T_EQ_INT(f.page_dpi_file, 72);

    f = page_measure(559, 427, 0); /* nothing declared: enough pixels for 113 dpi */
    T_CHECK(f.page_measured && !f.quality_low);
    f = page_measure(4032, 3024, 72); /* a phone photo's default 72 dpi */
    T_CHECK(!f.quality_low);
    f = page_measure(1100, 800, 72); /* room for 220 dpi: the declaration is no scanner's */
    T_CHECK(!f.quality_low);
    f = page_measure(827, 1170, 100); /* A4 at 100 dpi */
    T_CHECK(!f.quality_low);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_forensics_check(&f, 0, &fl), 0);

    T_EQ_INT(ds_forensics_page_quality(NULL, 72, &f), DS_ERR_USAGE);
}

static void test_malformed(void)
{
    ds_forensics f;
    T_EQ_INT(ds_forensics_scan_bytes(NULL, 0, &f), DS_OK);
    T_EQ_INT(ds_forensics_scan_bytes(NULL, 5, &f), DS_ERR_USAGE);
    T_EQ_INT(ds_forensics_scan_bytes((const uint8_t *)"x", 1, NULL), DS_ERR_USAGE);
    /* Truncated segments and an IFD pointing outside the payload. */
    static const uint8_t j1[] = {0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF, 'E', 'x'};
    T_EQ_INT(ds_forensics_scan_bytes(j1, sizeof j1, &f), DS_OK);
    T_CHECK(!f.edited);
    static const uint8_t j2[] = {0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x12, 'E', 'x', 'i', 'f', 0, 0,
                                 'I',  'I',  42,   0,    0xF0, 0xFF, 0xFF, 0x7F, 0, 0};
    T_EQ_INT(ds_forensics_scan_bytes(j2, sizeof j2, &f), DS_OK);
    T_CHECK(!f.edited);
    static const uint8_t p1[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
                                 0xFF, 0xFF, 0xFF, 0xF0, 't', 'E', 'X', 't'};
    T_EQ_INT(ds_forensics_scan_bytes(p1, sizeof p1, &f), DS_OK);
    T_CHECK(!f.edited);
}


/* ------------------------------------------------------------------------ */
/* Double JPEG compression                                                  */

static uint8_t *jpeg_of(PIX *p, int quality, size_t *n)
{
    uint8_t *b = NULL;
    *n = 0;
    if (pixWriteMemJpeg(&b, n, p, quality, 0) != 0)
        return NULL;
    return b;
}

/* p saved at q1, decoded, saved at q2. */
static uint8_t *jpeg_twice(PIX *p, int q1, int q2, size_t *n)
{
    size_t n1;
    uint8_t *b1 = jpeg_of(p, q1, &n1);
    PIX *d = b1 ? pixReadMemJpeg(b1, n1, 0, 1, NULL, 0) : NULL;
    free(b1);
    uint8_t *b2 = d ? jpeg_of(d, q2, n) : NULL;
    pixDestroy(&d);
    return b2;
}

static void test_single_saves_not_flagged(void)
{
    int checked = 0;
    for (int page = 0; page < 2; page++) {
        PIXA *pa = pixaReadMultipageTiff(SAMPLE_TIF);
        PIX *p = pa ? pixaGetPix(pa, page, L_CLONE) : NULL;
        pixaDestroy(&pa);
        if (!p)
            T_SKIP("samples/pages/0010-multi.tif missing");
        for (int q = 35 + page; q <= 98; q += 2) {
            size_t n;
            uint8_t *b = jpeg_of(p, q, &n);
            T_CHECK(b != NULL);
            if (!b)
                continue;
            ds_forensics f = scan(b, n);
            T_EQ_INT(f.jpeg_quality, q);
            T_CHECK(f.jpeg_double_score >= 0); /* measured */
            if (f.edited || f.jpeg_double)
                T_FAIL_("single save at q%d called edited: %s (score %.3f, gain %.3f)", q,
                        f.nevidence ? f.evidence[0] : "", f.jpeg_double_score, f.jpeg_double_gain);
            free(b);
            checked++;
        }
        pixDestroy(&p);
    }
    T_CHECK(checked >= 60);
}

static void test_double_save_detected(void)
{
    PIX *p = pixRead(SAMPLE_TIF);
    if (!p)
        T_SKIP("samples/pages/0010-multi.tif missing");
    static const int pairs[][2] = {{50, 70}, {60, 80}, {65, 92}, {75, 95}, {83, 95}, {90, 98}};
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        size_t n;
        uint8_t *b = jpeg_twice(p, pairs[i][0], pairs[i][1], &n);
        T_CHECK(b != NULL);
        if (!b)
            continue;
        ds_forensics f = scan(b, n);
        if (!f.jpeg_double || !has_evidence(&f, "saved twice as JPEG"))
            T_FAIL_("q%d then q%d not detected (score %.3f, gain %.3f)", pairs[i][0], pairs[i][1],
                    f.jpeg_double_score, f.jpeg_double_gain);
        T_CHECK(abs(f.jpeg_first_quality - pairs[i][0]) <= 3);
        char want[64];
        snprintf(want, sizeof want, "then %d", pairs[i][1]);
        T_CHECK(has_evidence(&f, want));
        ds_flags fl;
        memset(&fl, 0, sizeof fl);
        T_EQ_INT(ds_forensics_check(&f, 0, &fl), 1);
        T_EQ_STR(ds_flag_name(fl.item[0].code), "IMAGE_EDITED");
        free(b);
    }
    /* A second save at a lower quality than the first: caught, with the
     * first quality. (Pairs whose second steps are whole multiples of the
     * first's, such as 85 then 70 or 90 then 70, leave little or no trace
     * and are not asserted.) */
    static const int lower[][2] = {{85, 65}, {80, 60}, {88, 65}, {84, 70}, {90, 65}, {78, 70}};
    for (size_t i = 0; i < sizeof lower / sizeof lower[0]; i++) {
        size_t n;
        uint8_t *b = jpeg_twice(p, lower[i][0], lower[i][1], &n);
        T_CHECK(b != NULL);
        if (!b)
            continue;
        ds_forensics f = scan(b, n);
        if (!f.jpeg_double || !has_evidence(&f, "saved twice as JPEG"))
            T_FAIL_("q%d then q%d not detected (score %.3f, gain %.4f)", lower[i][0],
                    lower[i][1], f.jpeg_double_score, f.jpeg_double_gain);
        T_CHECK(abs(f.jpeg_first_quality - lower[i][0]) <= 3);
        char want[64];
        snprintf(want, sizeof want, "then %d", lower[i][1]);
        T_CHECK(has_evidence(&f, want));
        free(b);
    }
    pixDestroy(&p);
    /* The committed samples (PIL, one save at 78..90) saved again at 95. */
    static const char *const names[] = {"0001-td1", "0004-td3", "0006-mrva", "0009-td2"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/samples/pages/%s.jpg", DS_SOURCE_DIR, names[i]);
        size_t len, n;
        uint8_t *orig = read_all(path, &len);
        PIX *d = orig ? pixReadMem(orig, len) : NULL;
        uint8_t *b = d ? jpeg_of(d, 95, &n) : NULL;
        if (b) {
            ds_forensics f0 = scan(orig, len), f = scan(b, n);
            if (!f.jpeg_double)
                T_FAIL_("%s resaved at 95 not detected (score %.3f, gain %.3f)", names[i],
                        f.jpeg_double_score, f.jpeg_double_gain);
            T_CHECK(abs(f.jpeg_first_quality - f0.jpeg_quality) <= 3);
        }
        free(b);
        free(orig);
        pixDestroy(&d);
    }
}

/* Hostile JPEGs reach libjpeg: corrupted and truncated copies of a double
 * save, and a header claiming a huge image, end without a crash and with
 * the output contracts kept. */
static void test_double_save_hostile(void)
{
    PIX *p = pixRead(SAMPLE_TIF);
    if (!p)
        T_SKIP("samples/pages/0010-multi.tif missing");
    BOX *box = boxCreate(100, 100, 320, 240);
    PIX *c = pixClipRectangle(p, box, NULL);
    boxDestroy(&box);
    pixDestroy(&p);
    size_t n;
    uint8_t *b = c ? jpeg_twice(c, 70, 95, &n) : NULL;
    pixDestroy(&c);
    if (!b)
        T_SKIP("could not encode");
    uint8_t *m = malloc(n);
    uint32_t seed = 12345;
    for (int round = 0; round < 300; round++) {
        memcpy(m, b, n);
        int flips = 1 + round % 8;
        for (int k = 0; k < flips; k++) {
            seed = seed * 1103515245u + 12345u;
            size_t at = (seed >> 8) % n;
            seed = seed * 1103515245u + 12345u;
            m[at] = (uint8_t)(seed >> 16);
        }
        size_t len = round % 3 == 0 ? n * (size_t)(1 + round % 97) / 100 : n;
        ds_forensics f;
        T_EQ_INT(ds_forensics_scan_bytes(m, len, &f), DS_OK);
        T_CHECK(f.nevidence >= 0 && f.nevidence <= DS_FORENSICS_MAX_EVIDENCE);
        T_CHECK(f.jpeg_first_quality == -1 ||
                (f.jpeg_first_quality >= 1 && f.jpeg_first_quality <= 100));
        T_CHECK(f.jpeg_double_score <= 1.0f);
    }
    /* A frame header claiming 65000 x 65000 pixels: not decoded. */
    memcpy(m, b, n);
    for (size_t i = 2; i + 9 < n; i++)
        if (m[i] == 0xFF && (m[i + 1] == 0xC0 || m[i + 1] == 0xC2)) {
            m[i + 5] = 0xFD, m[i + 6] = 0xE8, m[i + 7] = 0xFD, m[i + 8] = 0xE8;
            break;
        }
    ds_forensics f;
    T_EQ_INT(ds_forensics_scan_bytes(m, n, &f), DS_OK);
    T_CHECK(!f.jpeg_double);
    T_CHECK(f.jpeg_double_score < 0);
    free(m);
    free(b);
}

static void measure_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    int n = 0, edited = 0, low = 0;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 5, ".json") == 0 || e->d_name[0] == '.' ||
            strcmp(e->d_name + l - 4, ".tsv") == 0)
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t len;
        uint8_t *b = read_all(path, &len);
        if (!b)
            continue;
        ds_forensics f = scan(b, len);
        char jp[1024];
        snprintf(jp, sizeof jp, "%s/%.*s.json", dir, (int)(l - 4), e->d_name);
        json_t *t = json_load_file(jp, 0, NULL);
        if (t && json_object_get(t, "mrz_bbox")) {
            int bb[4];
            for (int i = 0; i < 4; i++)
                bb[i] = (int)json_integer_value(json_array_get(json_object_get(t, "mrz_bbox"), (size_t)i));
            int rot = (int)json_integer_value(json_object_get(t, "rotation"));
            const char *fmt = json_string_value(json_object_get(t, "format"));
            int chars = strcmp(fmt, "TD1") == 0 ? 30 : (strcmp(fmt, "TD2") == 0 || strcmp(fmt, "MRVB") == 0) ? 36 : 44;
            PIX *p = pixRead(path), *g = p ? pixConvertTo8(p, 0) : NULL;
            if (g)
                ds_forensics_quality(g, bb, chars, rot == 90 || rot == 270, NULL, &f);
            pixDestroy(&p);
            pixDestroy(&g);
        }
        json_decref(t);
        printf("%-16s q%3d std%d twice %.3f (q1 %d, gain %.3f) dpi %4.0f sharp %.3f glare %.3f "
               "%s%s\n", e->d_name, f.jpeg_quality, f.jpeg_standard_tables, f.jpeg_double_score,
               f.jpeg_first_quality, f.jpeg_double_gain, f.dpi, f.sharpness, f.glare,
               f.edited ? "EDITED " : "", f.quality_low ? f.quality_reason : "");
        n++;
        edited += f.edited;
        low += f.quality_low;
        free(b);
    }
    closedir(d);
    printf("%d files, %d edited, %d quality low\n", n, edited, low);
}

int main(int argc, char **argv)
{
    if (argc >= 3 && strcmp(argv[1], "--measure") == 0) {
        measure_dir(argv[2]);
        return 0;
    }
    if (argc >= 3 && strcmp(argv[1], "--twice") == 0) {
        /* One line per file: score, first-quality estimate, gain, quality, verdict. */
        for (int i = 2; i < argc; i++) {
            size_t len;
            uint8_t *b = read_all(argv[i], &len);
            if (!b)
                continue;
            ds_forensics f = scan(b, len);
            printf("%s %.4f %d %.4f %d %d\n", argv[i], f.jpeg_double_score, f.jpeg_first_quality,
                   f.jpeg_double_gain, f.jpeg_quality, f.jpeg_double);
            free(b);
        }
        return 0;
    }
    static const t_case cases[] = {
        {"clean_samples", test_clean_samples},
        {"exif_software", test_exif_software},
        {"xmp_and_photoshop_blocks", test_xmp_and_photoshop_blocks},
        {"png_text", test_png_text},
        {"quant_quality", test_quant_quality},
        {"photoshop_tables", test_photoshop_tables},
        {"standard_tables_not_editor", test_standard_tables_not_editor},
        {"quality_clean", test_quality_clean},
        {"quality_degraded", test_quality_degraded},
        {"page_quality_without_mrz", test_page_quality_without_mrz},
        {"malformed", test_malformed},
        {"single_saves_not_flagged", test_single_saves_not_flagged},
        {"double_save_detected", test_double_save_detected},
        {"double_save_hostile", test_double_save_hostile},
    };
    return T_RUN(cases);
}
