/*
 * Tests for the decode stage. Every fixture is generated here with Leptonica
 * (then truncated, corrupted or re-labelled in memory), so no image files are
 * committed for these cases. Files that must exist on disk go to a fresh
 * temporary directory that each case removes again.
 */
#define _POSIX_C_SOURCE 200809L
#include "decode/decode.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <jpeglib.h>

#include "base/base.h"
#include "t.h"

/* ---------------------------------------------------------------- helpers */

typedef struct buf {
    uint8_t *data;
    size_t len;
} buf;

static char tmp_dir[64];
static char tmp_paths[8][128];
static int tmp_count;

static const char *tmp_dir_make(void)
{
    snprintf(tmp_dir, sizeof tmp_dir, "/tmp/ds_decode_XXXXXX");
    if (!mkdtemp(tmp_dir)) {
        T_FAIL_("mkdtemp failed");
        exit(1);
    }
    return tmp_dir;
}

/* Writes len bytes to a new file called name in the case's temp directory. */
static const char *tmp_write(const char *name, const void *data, size_t len)
{
    if (!tmp_dir[0])
        tmp_dir_make();
    char *p = tmp_paths[tmp_count++];
    snprintf(p, 128, "%s/%s", tmp_dir, name);
    FILE *f = fopen(p, "wb");
    if (!f || (len && fwrite(data, 1, len, f) != len)) {
        T_FAIL_("cannot write %s", p);
        exit(1);
    }
    fclose(f);
    return p;
}

static void tmp_clean(void)
{
    for (int i = 0; i < tmp_count; i++)
        remove(tmp_paths[i]);
    tmp_count = 0;
    if (tmp_dir[0])
        rmdir(tmp_dir);
    tmp_dir[0] = 0;
}

/* A w x h test pattern of the given depth: a dark square on a light page. */
static PIX *make_pix(int w, int h, int depth)
{
    PIX *p = pixCreate(w, h, depth);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            int ink = x > w / 4 && x < w / 2 && y > h / 4 && y < h / 2;
            switch (depth) {
            case 1: pixSetPixel(p, x, y, ink ? 1 : 0); break;
            case 8: pixSetPixel(p, x, y, ink ? 20 : 230); break;
            case 16: pixSetPixel(p, x, y, ink ? 0x1400 : 0xe600); break;
            case 32: pixSetRGBPixel(p, x, y, ink ? 200 : 240, ink ? 10 : 240, ink ? 10 : 240); break;
            }
        }
    return p;
}

static buf encode(PIX *pix, int format)
{
    buf b = {0};
    if (pixWriteMem(&b.data, &b.len, pix, format) != 0 || !b.data) {
        T_FAIL_("pixWriteMem format %d failed", format);
        exit(1);
    }
    return b;
}

static buf make_file(int w, int h, int depth, int format)
{
    PIX *p = make_pix(w, h, depth);
    buf b = encode(p, format);
    pixDestroy(&p);
    return b;
}

static ds_limits limits(void)
{
    ds_limits lim;
    ds_limits_default(&lim);
    return lim;
}

/* Decodes b with default limits, expecting err; returns the pages on success. */
static ds_pages *decode_expect(buf b, ds_error want)
{
    ds_limits lim = limits();
    ds_pages *pages = (ds_pages *)(uintptr_t)0x1;
    ds_error err = ds_decode_mem(b.data, b.len, &lim, &pages);
    if (err != want)
        T_FAIL_("decode: %s, want %s", ds_error_name(err), ds_error_name(want));
    if (err != DS_OK) {
        T_CHECK(pages == (ds_pages *)(uintptr_t)0x1); /* untouched on error */
        return NULL;
    }
    return pages;
}

static uint32_t crc_png(const uint8_t *p, size_t n)
{
    uint32_t c = 0xffffffffu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
    }
    return c ^ 0xffffffffu;
}

static void put_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

/* Rewrites the IHDR size of a PNG and fixes its CRC so only the size lies. */
static void png_set_size(buf b, uint32_t w, uint32_t h)
{
    put_be32(b.data + 16, w);
    put_be32(b.data + 20, h);
    put_be32(b.data + 29, crc_png(b.data + 12, 17));
}

/* Offset of the first PNG chunk of the given type, 0 when absent. */
static size_t png_find(buf b, const char *type)
{
    size_t pos = 8;
    while (pos + 12 <= b.len) {
        uint32_t n = (uint32_t)b.data[pos] << 24 | b.data[pos + 1] << 16 | b.data[pos + 2] << 8 |
                     b.data[pos + 3];
        if (memcmp(b.data + pos + 4, type, 4) == 0)
            return pos;
        pos += 12 + (size_t)n;
    }
    return 0;
}

/* Offset of the SOF0/SOF2 marker segment's length field, 0 when absent. */
static size_t jpeg_find_sof(buf b)
{
    for (size_t i = 2; i + 9 < b.len; i++)
        if (b.data[i] == 0xff && (b.data[i + 1] == 0xc0 || b.data[i + 1] == 0xc2))
            return i + 2;
    return 0;
}

static uint32_t tiff_rd(buf b, size_t off, int n)
{
    int be = b.data[0] == 'M';
    uint32_t v = 0;
    for (int i = 0; i < n; i++)
        v |= (uint32_t)b.data[off + i] << (be ? 8 * (n - 1 - i) : 8 * i);
    return v;
}

static void tiff_wr(buf b, size_t off, int n, uint32_t v)
{
    int be = b.data[0] == 'M';
    for (int i = 0; i < n; i++)
        b.data[off + i] = (uint8_t)(v >> (be ? 8 * (n - 1 - i) : 8 * i));
}

/* Sets tag 256/257 (width/height) of the first IFD to w/h, SHORT or LONG. */
static void tiff_set_size(buf b, uint32_t w, uint32_t h)
{
    uint32_t ifd = tiff_rd(b, 4, 4);
    uint32_t n = tiff_rd(b, ifd, 2);
    for (uint32_t i = 0; i < n; i++) {
        size_t e = ifd + 2 + 12 * i;
        uint32_t tag = tiff_rd(b, e, 2), type = tiff_rd(b, e + 2, 2);
        if (tag != 256 && tag != 257)
            continue;
        uint32_t v = tag == 256 ? w : h;
        if (type == 3)
            tiff_wr(b, e + 8, 2, v);
        else
            tiff_wr(b, e + 8, 4, v);
    }
}

static buf make_multipage_tiff(void)
{
    PIXA *pa = pixaCreate(3);
    PIX *p1 = make_pix(40, 30, 1), *p2 = make_pix(50, 60, 8), *p3 = make_pix(70, 20, 32);
    pixaAddPix(pa, p1, L_INSERT);
    pixaAddPix(pa, p2, L_INSERT);
    pixaAddPix(pa, p3, L_INSERT);
    buf b = {0};
    if (pixaWriteMemMultipageTiff(&b.data, &b.len, pa) != 0) {
        T_FAIL_("pixaWriteMemMultipageTiff failed");
        exit(1);
    }
    pixaDestroy(&pa);
    return b;
}

/* How a libjpeg-written four-channel test file is laid out. */
typedef enum four_kind {
    FOUR_CMYK_ADOBE, /* Adobe APP14, transform 0: inverted CMYK, as Photoshop */
    FOUR_YCCK_ADOBE, /* Adobe APP14, transform 2: the same, stored as YCCK */
    FOUR_CMYK_PLAIN  /* no APP14: ink amounts, libjpeg assumes CMYK */
} four_kind;

/*
 * Encodes a w x h four-channel JPEG with libjpeg whose left half has the
 * samples left[4] and right half right[4], exactly as libjpeg is given
 * them (for the Adobe kinds 0 means full ink, for the plain kind 255 does).
 */
static buf make_four_channel_jpeg(int w, int h, const uint8_t left[4], const uint8_t right[4],
                                  four_kind kind)
{
    struct jpeg_compress_struct ci;
    struct jpeg_error_mgr jerr;
    unsigned char *mem = NULL;
    unsigned long size = 0;
    uint8_t *row = malloc((size_t)w * 4);
    if (!row) {
        T_FAIL_("out of memory");
        exit(1);
    }
    ci.err = jpeg_std_error(&jerr);
    jpeg_create_compress(&ci);
    jpeg_mem_dest(&ci, &mem, &size);
    ci.image_width = (JDIMENSION)w;
    ci.image_height = (JDIMENSION)h;
    ci.input_components = 4;
    ci.in_color_space = JCS_CMYK;
    jpeg_set_defaults(&ci);
    jpeg_set_colorspace(&ci, kind == FOUR_YCCK_ADOBE ? JCS_YCCK : JCS_CMYK);
    if (kind == FOUR_CMYK_PLAIN)
        ci.write_Adobe_marker = FALSE;
    jpeg_set_quality(&ci, 95, TRUE);
    jpeg_start_compress(&ci, TRUE);
    for (int x = 0; x < w; x++)
        memcpy(row + 4 * x, x < w / 2 ? left : right, 4);
    while (ci.next_scanline < ci.image_height) {
        JSAMPROW r = row;
        jpeg_write_scanlines(&ci, &r, 1);
    }
    jpeg_finish_compress(&ci);
    jpeg_destroy_compress(&ci);
    free(row);
    buf b = {malloc(size), size};
    if (!b.data) {
        T_FAIL_("out of memory");
        exit(1);
    }
    memcpy(b.data, mem, size);
    free(mem);
    return b;
}

/* Encodes an 8 bpp gray JPEG with libjpeg, declaring density in unit (1 dpi, 2 dpcm). */
static buf make_gray_jpeg(PIX *pix, int unit, int density)
{
    struct jpeg_compress_struct ci;
    struct jpeg_error_mgr jerr;
    unsigned char *mem = NULL;
    unsigned long size = 0;
    int w = pixGetWidth(pix), h = pixGetHeight(pix);
    uint8_t *row = malloc((size_t)w);
    if (!row) {
        T_FAIL_("out of memory");
        exit(1);
    }
    ci.err = jpeg_std_error(&jerr);
    jpeg_create_compress(&ci);
    jpeg_mem_dest(&ci, &mem, &size);
    ci.image_width = (JDIMENSION)w;
    ci.image_height = (JDIMENSION)h;
    ci.input_components = 1;
    ci.in_color_space = JCS_GRAYSCALE;
    jpeg_set_defaults(&ci);
    ci.density_unit = (UINT8)unit;
    ci.X_density = ci.Y_density = (UINT16)density;
    jpeg_set_quality(&ci, 95, TRUE);
    jpeg_start_compress(&ci, TRUE);
    while (ci.next_scanline < ci.image_height) {
        l_uint32 *line = pixGetData(pix) + (size_t)ci.next_scanline * pixGetWpl(pix);
        for (int x = 0; x < w; x++)
            row[x] = (uint8_t)GET_DATA_BYTE(line, x);
        JSAMPROW r = row;
        jpeg_write_scanlines(&ci, &r, 1);
    }
    jpeg_finish_compress(&ci);
    jpeg_destroy_compress(&ci);
    free(row);
    buf b = {malloc(size), size};
    if (!b.data) {
        T_FAIL_("out of memory");
        exit(1);
    }
    memcpy(b.data, mem, size);
    free(mem);
    return b;
}

static void check_page(const ds_pages *pages, int i, int w, int h)
{
    T_CHECK(pages && i < pages->count);
    if (!pages || i >= pages->count)
        return;
    PIX *g = pages->page[i].gray;
    T_CHECK(g != NULL);
    if (!g)
        return;
    T_EQ_INT(pixGetDepth(g), 8);
    T_CHECK(pixGetColormap(g) == NULL);
    T_EQ_INT(pixGetWidth(g), w);
    T_EQ_INT(pixGetHeight(g), h);
}

static int gray_at(const ds_pages *pages, int i, int x, int y)
{
    l_uint32 v = 0;
    pixGetPixel(pages->page[i].gray, x, y, &v);
    return (int)v;
}

/* ------------------------------------------------------------------ cases */

static void sniff_uses_magic_bytes(void)
{
    static const uint8_t jpg[] = {0xff, 0xd8, 0xff, 0xe0}, png[] = {0x89, 'P', 'N', 'G', 13, 10, 26, 10},
                         tii[] = {'I', 'I', 42, 0}, tmm[] = {'M', 'M', 0, 42}, big[] = {'I', 'I', 43, 0},
                         pdf[] = "%PDF-1.7";
    T_EQ_INT(ds_decode_sniff(jpg, sizeof jpg), DS_FORMAT_JPEG);
    T_EQ_INT(ds_decode_sniff(png, sizeof png), DS_FORMAT_PNG);
    T_EQ_INT(ds_decode_sniff(tii, sizeof tii), DS_FORMAT_TIFF);
    T_EQ_INT(ds_decode_sniff(tmm, sizeof tmm), DS_FORMAT_TIFF);
    T_EQ_INT(ds_decode_sniff(big, sizeof big), DS_FORMAT_UNKNOWN);
    T_EQ_INT(ds_decode_sniff(pdf, 8), DS_FORMAT_PDF);
    T_EQ_INT(ds_decode_sniff(pdf, 4), DS_FORMAT_UNKNOWN);
    /* a PDF is not an image file: ds_decode_mem leaves it to ds_decode_input */
    ds_limits lim;
    ds_pages *pages = NULL;
    ds_limits_default(&lim);
    T_EQ_INT(ds_decode_mem(pdf, 8, &lim, &pages), DS_ERR_FORMAT_UNKNOWN);
    T_EQ_INT(ds_decode_sniff(png, 7), DS_FORMAT_UNKNOWN);
    T_EQ_INT(ds_decode_sniff(jpg, 2), DS_FORMAT_UNKNOWN);
    T_EQ_INT(ds_decode_sniff(NULL, 0), DS_FORMAT_UNKNOWN);
    T_EQ_STR(ds_format_name(DS_FORMAT_PNG), "png");
    T_EQ_STR(ds_format_name((ds_format)99), "unknown");
}

static void limits_default_values(void)
{
    ds_limits lim = limits();
    T_EQ_INT(lim.max_file_bytes, 64u << 20);
    T_EQ_INT(lim.max_pixels, 50000000);
    T_EQ_INT(lim.max_pages, 64);
    T_EQ_INT(lim.max_total_pixels, 200000000);
    T_EQ_INT(lim.max_decode_ms, 120000);
}

static void usage_errors_and_free_null(void)
{
    ds_limits lim = limits();
    ds_pages *pages = NULL;
    uint8_t one = 0;
    T_EQ_INT(ds_decode_mem(&one, 1, NULL, &pages), DS_ERR_USAGE);
    T_EQ_INT(ds_decode_mem(&one, 1, &lim, NULL), DS_ERR_USAGE);
    T_EQ_INT(ds_decode_mem(NULL, 5, &lim, &pages), DS_ERR_USAGE);
    T_EQ_INT(ds_decode_file(NULL, &lim, &pages), DS_ERR_USAGE);
    T_CHECK(pages == NULL);
    ds_pages_free(NULL);
}

static void empty_file(void)
{
    ds_limits lim = limits();
    ds_pages *pages = NULL;
    const char *p = tmp_write("empty.png", "", 0);
    T_EQ_INT(ds_decode_file(p, &lim, &pages), DS_ERR_EMPTY);
    T_EQ_INT(ds_decode_mem((const uint8_t *)"", 0, &lim, &pages), DS_ERR_EMPTY);
    T_CHECK(pages == NULL);
    tmp_clean();
}

static void missing_file(void)
{
    ds_limits lim = limits();
    ds_pages *pages = NULL;
    T_EQ_INT(ds_decode_file("/nonexistent/ds_decode/none.jpg", &lim, &pages), DS_ERR_IO);
    T_CHECK(pages == NULL);
}

static void directory_is_io_error(void)
{
    ds_limits lim = limits();
    ds_pages *pages = NULL;
    T_EQ_INT(ds_decode_file(tmp_dir_make(), &lim, &pages), DS_ERR_IO);
    T_CHECK(pages == NULL);
    tmp_clean();
}

static void text_named_jpg_is_unknown(void)
{
    ds_limits lim = limits();
    ds_pages *pages = NULL;
    const char *txt = "Dear officer,\nthis is not a picture.\n";
    const char *p = tmp_write("letter.jpg", txt, strlen(txt));
    T_EQ_INT(ds_decode_file(p, &lim, &pages), DS_ERR_FORMAT_UNKNOWN);
    T_CHECK(pages == NULL);
    tmp_clean();
}

static void pdf_is_unknown(void)
{
    ds_limits lim = limits();
    ds_pages *pages = NULL;
    const char *pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n";
    const char *p = tmp_write("scan.pdf", pdf, strlen(pdf));
    T_EQ_INT(ds_decode_file(p, &lim, &pages), DS_ERR_FORMAT_UNKNOWN);
    tmp_clean();
}

static void png_named_jpg_decodes(void)
{
    ds_limits lim = limits();
    ds_pages *pages = NULL;
    buf b = make_file(64, 48, 8, IFF_PNG);
    const char *p = tmp_write("photo.jpg", b.data, b.len);
    T_EQ_INT(ds_decode_file(p, &lim, &pages), DS_OK);
    T_CHECK(pages && pages->format == DS_FORMAT_PNG && pages->count == 1);
    check_page(pages, 0, 64, 48);
    if (pages) {
        T_EQ_INT(gray_at(pages, 0, 2, 2), 230);
        T_EQ_INT(gray_at(pages, 0, 20, 15), 20);
    }
    ds_pages_free(pages);
    free(b.data);
    tmp_clean();
}

static void jpeg_decodes(void)
{
    buf b = make_file(80, 60, 32, IFF_JFIF_JPEG);
    ds_pages *pages = decode_expect(b, DS_OK);
    T_CHECK(pages && pages->format == DS_FORMAT_JPEG);
    check_page(pages, 0, 80, 60);
    ds_pages_free(pages);
    free(b.data);
}

static void jpeg_trailing_bytes_decodes(void)
{
    buf b = make_file(40, 40, 8, IFF_JFIF_JPEG);
    uint8_t *d = malloc(b.len + 100);
    memcpy(d, b.data, b.len);
    memset(d + b.len, 0x5a, 100);
    buf t = {d, b.len + 100};
    ds_pages *pages = decode_expect(t, DS_OK);
    check_page(pages, 0, 40, 40);
    ds_pages_free(pages);
    free(d);
    free(b.data);
}

static void truncated_jpeg_is_corrupt(void)
{
    buf b = make_file(120, 90, 32, IFF_JFIF_JPEG);
    size_t cuts[] = {3, 20, b.len / 3, b.len / 2, b.len - 40, b.len - 2, b.len - 1};
    for (size_t i = 0; i < DS_ARRAY_LEN(cuts); i++) {
        buf t = {b.data, cuts[i]};
        decode_expect(t, DS_ERR_CORRUPT);
    }
    free(b.data);
}

static void truncated_png_is_corrupt(void)
{
    buf b = make_file(120, 90, 8, IFF_PNG);
    size_t cuts[] = {8, 20, 33, b.len / 2, b.len - 12, b.len - 1};
    for (size_t i = 0; i < DS_ARRAY_LEN(cuts); i++) {
        buf t = {b.data, cuts[i]};
        decode_expect(t, DS_ERR_CORRUPT);
    }
    free(b.data);
}

static void truncated_tiff_is_corrupt(void)
{
    /* Leptonica writes the pixels first and the IFD last. */
    buf b = make_file(120, 90, 8, IFF_TIFF);
    uint32_t ifd = tiff_rd(b, 4, 4);
    size_t cuts[] = {4, 8, b.len / 2, ifd + 1, ifd + 20};
    for (size_t i = 0; i < DS_ARRAY_LEN(cuts); i++) {
        buf t = {b.data, cuts[i]};
        decode_expect(t, DS_ERR_CORRUPT);
    }
    /* Cutting an out-of-line tag value after the IFD loses only that tag;
     * the page may decode, but only whole. */
    ds_limits lim = limits();
    ds_pages *pages = NULL;
    ds_error err = ds_decode_mem(b.data, b.len - 1, &lim, &pages);
    T_CHECK(err == DS_OK || err == DS_ERR_CORRUPT);
    if (err == DS_OK)
        check_page(pages, 0, 120, 90);
    ds_pages_free(pages);
    free(b.data);
}

static void corrupt_middle_bytes(void)
{
    /* PNG: the IDAT CRC no longer matches. */
    buf b = make_file(100, 80, 8, IFF_PNG);
    size_t idat = png_find(b, "IDAT");
    T_CHECK(idat > 0);
    for (int i = 0; i < 8; i++)
        b.data[idat + 8 + i] ^= 0xa5;
    decode_expect(b, DS_ERR_CORRUPT);
    free(b.data);

    /* JPEG: garbage in the entropy-coded data decodes to garbage pixels or
     * fails; it must never crash or return a page of the wrong shape. */
    b = make_file(100, 80, 32, IFF_JFIF_JPEG);
    for (size_t i = b.len / 2; i < b.len / 2 + 64; i++)
        b.data[i] = (uint8_t)(i * 37);
    ds_limits lim = limits();
    ds_pages *pages = NULL;
    ds_error err = ds_decode_mem(b.data, b.len, &lim, &pages);
    T_CHECK(err == DS_OK || err == DS_ERR_CORRUPT);
    if (err == DS_OK)
        check_page(pages, 0, 100, 80);
    ds_pages_free(pages);
    /* Stuffing a marker into the header is always corruption. */
    size_t sof = jpeg_find_sof(b);
    T_CHECK(sof > 0);
    b.data[sof - 2] = 0x00;
    decode_expect(b, DS_ERR_CORRUPT);
    free(b.data);

    /* TIFF: overwrite the first IFD. */
    b = make_file(100, 80, 8, IFF_TIFF);
    uint32_t ifd = tiff_rd(b, 4, 4);
    memset(b.data + ifd, 0xee, 14);
    pages = NULL;
    err = ds_decode_mem(b.data, b.len, &lim, &pages);
    T_CHECK(err == DS_ERR_CORRUPT || err == DS_ERR_PIXEL_LIMIT);
    T_CHECK(pages == NULL);
    free(b.data);
}

static void png_bomb_is_refused_from_header(void)
{
    buf b = make_file(16, 16, 8, IFF_PNG);
    png_set_size(b, 100000, 100000);
    /* The file holds 16 x 16 pixels of data: ERR_PIXEL_LIMIT rather than a
     * decoding error says it was refused from its header, before decoding
     * (no time is asserted: timings belong in `make bench`). */
    decode_expect(b, DS_ERR_PIXEL_LIMIT);
    /* Within the 65535 side limit but 400 Mpx. */
    png_set_size(b, 20000, 20000);
    decode_expect(b, DS_ERR_PIXEL_LIMIT);
    /* Zero is not a size. */
    png_set_size(b, 0, 16);
    decode_expect(b, DS_ERR_CORRUPT);
    /* A lie the other way (smaller than the data) is caught by libpng or by
     * the size check after decoding. */
    png_set_size(b, 16, 200);
    decode_expect(b, DS_ERR_CORRUPT);
    free(b.data);
}

static void jpeg_bomb_is_refused(void)
{
    buf b = make_file(16, 16, 8, IFF_JFIF_JPEG);
    size_t sof = jpeg_find_sof(b);
    T_CHECK(sof > 0);
    b.data[sof + 3] = 60000 >> 8;
    b.data[sof + 4] = 60000 & 0xff;
    b.data[sof + 5] = 60000 >> 8;
    b.data[sof + 6] = 60000 & 0xff;
    decode_expect(b, DS_ERR_PIXEL_LIMIT); /* from the header: 16 x 16 of data */
    b.data[sof + 3] = 0;
    b.data[sof + 4] = 0;
    decode_expect(b, DS_ERR_CORRUPT);
    free(b.data);
}

static void jpeg_scan_flood_is_refused(void)
{
    /* A progressive JPEG costs a pass over the whole image per scan; a file
     * with hundreds of tiny scans is refused before libjpeg sees it. */
    PIX *p = make_pix(64, 64, 8);
    buf j = {0};
    T_CHECK(pixWriteMemJpeg(&j.data, &j.len, p, 75, 1) == 0);
    pixDestroy(&p);
    static const uint8_t scan[] = {0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x12};
    size_t n = 150, len = j.len - 2 + n * sizeof scan + 2;
    uint8_t *d = malloc(len);
    memcpy(d, j.data, j.len - 2);
    for (size_t i = 0; i < n; i++)
        memcpy(d + j.len - 2 + i * sizeof scan, scan, sizeof scan);
    d[len - 2] = 0xff;
    d[len - 1] = 0xd9;
    buf b = {d, len};
    decode_expect(b, DS_ERR_CORRUPT);
    /* The untouched progressive file decodes. */
    ds_pages *pages = decode_expect(j, DS_OK);
    check_page(pages, 0, 64, 64);
    ds_pages_free(pages);
    free(d);
    free(j.data);
}

static void tiff_bomb_is_refused(void)
{
    buf b = make_file(16, 16, 8, IFF_TIFF);
    tiff_set_size(b, 60000, 60000);
    decode_expect(b, DS_ERR_PIXEL_LIMIT); /* from the header: 16 x 16 of data */
    free(b.data);

    /* A 1 bpp G4 page claiming 60000 x 60000 compresses to almost nothing. */
    b = make_file(16, 16, 1, IFF_TIFF_G4);
    tiff_set_size(b, 60000, 60000);
    decode_expect(b, DS_ERR_PIXEL_LIMIT);
    free(b.data);
}

static void multipage_tiff_decodes_all_pages(void)
{
    buf b = make_multipage_tiff();
    ds_pages *pages = decode_expect(b, DS_OK);
    T_CHECK(pages && pages->count == 3 && pages->format == DS_FORMAT_TIFF);
    check_page(pages, 0, 40, 30);
    check_page(pages, 1, 50, 60);
    check_page(pages, 2, 70, 20);
    if (pages && pages->count == 3) {
        T_EQ_INT(gray_at(pages, 0, 0, 0), 255);  /* 1 bpp white */
        T_EQ_INT(gray_at(pages, 0, 15, 10), 0);  /* 1 bpp ink */
        T_EQ_INT(gray_at(pages, 1, 0, 0), 230);
    }
    ds_pages_free(pages);
    free(b.data);
}

static void tiff_page_limit(void)
{
    buf b = make_multipage_tiff();
    ds_limits lim = limits();
    ds_pages *pages = NULL;
    lim.max_pages = 2;
    T_EQ_INT(ds_decode_mem(b.data, b.len, &lim, &pages), DS_ERR_TOO_MANY_PAGES);
    T_CHECK(pages == NULL);
    lim.max_pages = 3;
    T_EQ_INT(ds_decode_mem(b.data, b.len, &lim, &pages), DS_OK);
    T_CHECK(pages && pages->count == 3);
    ds_pages_free(pages);
    free(b.data);
}

/* The resident set of this process in KiB, from /proc/self/statm. */
static long rss_kib(void)
{
    long pages = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        fclose(f);
    }
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

/*
 * Issue 14: a 64-page file whose every page is under max_pixels was decoded
 * page after page until it held gigabytes. Here 64 blank 1-bit pages of
 * 2500 x 2500 (6.25 Mpx each, 400 Mpx together, a few KiB of G4) must be
 * refused by the total-pixel cap from their headers, in a child whose peak
 * resident set (getrusage of the children) grows by well under the decoded
 * pages (64 x 6.25 MB of gray). No time is asserted (timings belong in
 * `make bench`): the memory bound is what the defect broke.
 */
static void multipage_total_pixels_are_capped(void)
{
    PIX *page = pixCreate(2500, 2500, 1);
    PIXA *pa = pixaCreate(64);
    for (int i = 0; i < 64; i++)
        pixaAddPix(pa, page, L_CLONE);
    buf b = {0};
    T_CHECK(pixaWriteMemMultipageTiff(&b.data, &b.len, pa) == 0);
    pixaDestroy(&pa);
    pixDestroy(&page);
    if (!b.data)
        return;
    T_CHECK(b.len < 256 * 1024);
    fflush(NULL);
    long before = rss_kib();
    pid_t pid = fork();
    if (pid == 0) {
        ds_limits lim;
        ds_limits_default(&lim);
        ds_pages *pages = NULL;
        ds_error err = ds_decode_mem(b.data, b.len, &lim, &pages);
        ds_pages_free(pages);
        _exit(err == DS_ERR_PIXEL_LIMIT ? 0 : 1);
    }
    int status = 0;
    struct rusage ru;
    memset(&ru, 0, sizeof ru);
    /* t.h runs each case in a process of its own, so the largest child
     * this process waited for is the one just forked. */
    T_CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
    T_CHECK(getrusage(RUSAGE_CHILDREN, &ru) == 0);
    T_CHECK(WIFEXITED(status));
    if (WEXITSTATUS(status) == 1)
        T_FAIL_("the 400 Mpx file was not refused with ERR_PIXEL_LIMIT");
    if (ru.ru_maxrss - before > 100 * 1024)
        T_FAIL_("peak RSS grew by %ld KiB", ru.ru_maxrss - before);
    free(b.data);
}

/* A total-pixel cap that the pages fit exactly is no refusal; one less is. */
static void total_pixel_cap_is_configurable(void)
{
    buf b = make_multipage_tiff(); /* 40x30, 50x60, 70x20: 5600 pixels */
    ds_limits lim = limits();
    ds_pages *pages = NULL;
    lim.max_total_pixels = 5600;
    T_EQ_INT(ds_decode_mem(b.data, b.len, &lim, &pages), DS_OK);
    T_CHECK(pages && pages->count == 3);
    ds_pages_free(pages);
    pages = NULL;
    lim.max_total_pixels = 5599;
    T_EQ_INT(ds_decode_mem(b.data, b.len, &lim, &pages), DS_ERR_PIXEL_LIMIT);
    T_CHECK(pages == NULL);
    free(b.data);
}

static void tiff_ifd_cycle_terminates(void)
{
    buf b = make_multipage_tiff();
    /* Point the last IFD's next offset back at the first one. */
    uint32_t first = tiff_rd(b, 4, 4), off = first, last = first;
    for (int i = 0; i < 3 && off; i++) {
        last = off;
        off = tiff_rd(b, off + 2 + 12 * tiff_rd(b, off, 2), 4);
    }
    tiff_wr(b, last + 2 + 12 * tiff_rd(b, last, 2), 4, first);
    ds_limits lim = limits();
    ds_pages *pages = NULL;
    /* A loop that never ends is caught by ctest's timeout; no time is
     * asserted here. */
    ds_error err = ds_decode_mem(b.data, b.len, &lim, &pages);
    T_CHECK(err == DS_OK || err == DS_ERR_CORRUPT || err == DS_ERR_TOO_MANY_PAGES);
    if (err == DS_OK)
        T_EQ_INT(pages->count, 3);
    ds_pages_free(pages);
    free(b.data);
}

static void file_over_byte_limit(void)
{
    buf b = make_file(64, 64, 8, IFF_PNG);
    const char *p = tmp_write("big.png", b.data, b.len);
    ds_limits lim = limits();
    ds_pages *pages = NULL;
    lim.max_file_bytes = b.len - 1;
    T_EQ_INT(ds_decode_file(p, &lim, &pages), DS_ERR_TOO_LARGE);
    T_EQ_INT(ds_decode_mem(b.data, b.len, &lim, &pages), DS_ERR_TOO_LARGE);
    T_CHECK(pages == NULL);
    lim.max_file_bytes = b.len;
    T_EQ_INT(ds_decode_file(p, &lim, &pages), DS_OK);
    ds_pages_free(pages);
    free(b.data);
    tmp_clean();
}

static void pixel_limit_is_configurable(void)
{
    buf b = make_file(100, 100, 8, IFF_PNG);
    ds_limits lim = limits();
    ds_pages *pages = NULL;
    lim.max_pixels = 9999;
    T_EQ_INT(ds_decode_mem(b.data, b.len, &lim, &pages), DS_ERR_PIXEL_LIMIT);
    lim.max_pixels = 10000;
    T_EQ_INT(ds_decode_mem(b.data, b.len, &lim, &pages), DS_OK);
    ds_pages_free(pages);
    free(b.data);
}

static void png_1bpp_to_gray(void)
{
    buf b = make_file(33, 17, 1, IFF_PNG);
    ds_pages *pages = decode_expect(b, DS_OK);
    check_page(pages, 0, 33, 17);
    if (pages) {
        T_EQ_INT(gray_at(pages, 0, 0, 0), 255);
        T_EQ_INT(gray_at(pages, 0, 10, 6), 0);
    }
    ds_pages_free(pages);
    free(b.data);
}

static void png_rgba_to_gray_over_white(void)
{
    PIX *p = pixCreate(20, 10, 32);
    pixSetSpp(p, 4);
    for (int y = 0; y < 10; y++)
        for (int x = 0; x < 20; x++) /* left half opaque black, right half transparent black */
            pixSetPixel(p, x, y, x < 10 ? 0x000000ff : 0x00000000);
    buf b = encode(p, IFF_PNG);
    pixDestroy(&p);
    ds_pages *pages = decode_expect(b, DS_OK);
    check_page(pages, 0, 20, 10);
    if (pages) {
        T_CHECK(gray_at(pages, 0, 2, 5) < 10);
        T_CHECK(gray_at(pages, 0, 17, 5) > 245);
    }
    ds_pages_free(pages);
    free(b.data);
}

static void png_palette_to_gray(void)
{
    PIX *p = pixCreate(16, 8, 4);
    PIXCMAP *cm = pixcmapCreate(4);
    pixcmapAddColor(cm, 255, 255, 255);
    pixcmapAddColor(cm, 0, 0, 0);
    pixcmapAddColor(cm, 255, 0, 0);
    pixSetColormap(p, cm);
    for (int x = 0; x < 16; x++) {
        pixSetPixel(p, x, 0, 1);
        pixSetPixel(p, x, 1, 2);
    }
    buf b = encode(p, IFF_PNG);
    pixDestroy(&p);
    ds_pages *pages = decode_expect(b, DS_OK);
    check_page(pages, 0, 16, 8);
    if (pages) {
        T_EQ_INT(gray_at(pages, 0, 3, 0), 0);
        T_EQ_INT(gray_at(pages, 0, 3, 4), 255);
        int red = gray_at(pages, 0, 3, 1);
        T_CHECK(red > 40 && red < 120);
    }
    ds_pages_free(pages);
    free(b.data);
}

static void png_16bit_to_gray(void)
{
    buf b = make_file(24, 24, 16, IFF_PNG);
    T_EQ_INT(b.data[24], 16); /* IHDR bit depth: really a 16-bit file */
    ds_pages *pages = decode_expect(b, DS_OK);
    check_page(pages, 0, 24, 24);
    if (pages) {
        T_EQ_INT(gray_at(pages, 0, 0, 0), 0xe6);
        T_EQ_INT(gray_at(pages, 0, 8, 8), 0x14);
    }
    ds_pages_free(pages);
    free(b.data);
}

static void rgb_tiff_to_gray(void)
{
    buf b = make_file(30, 20, 32, IFF_TIFF_ZIP);
    ds_pages *pages = decode_expect(b, DS_OK);
    check_page(pages, 0, 30, 20);
    ds_pages_free(pages);
    free(b.data);
}

static void dpi_is_read_back(void)
{
    static const struct { int format, dpi; } cases[] = {
        {IFF_PNG, 300}, {IFF_JFIF_JPEG, 200}, {IFF_TIFF_ZIP, 150}, {IFF_TIFF_G4, 600}};
    for (size_t i = 0; i < DS_ARRAY_LEN(cases); i++) {
        PIX *p = make_pix(32, 32, cases[i].format == IFF_TIFF_G4 ? 1 : 8);
        pixSetResolution(p, cases[i].dpi, cases[i].dpi);
        buf b = encode(p, cases[i].format);
        pixDestroy(&p);
        ds_pages *pages = decode_expect(b, DS_OK);
        if (pages)
            T_EQ_INT(pages->page[0].dpi, cases[i].dpi);
        ds_pages_free(pages);
        free(b.data);
    }
    /* Absurd or absent resolutions read as unknown. */
    PIX *p = make_pix(32, 32, 8);
    pixSetResolution(p, 0, 0);
    buf b = encode(p, IFF_PNG);
    ds_pages *pages = decode_expect(b, DS_OK);
    if (pages)
        T_EQ_INT(pages->page[0].dpi, 0);
    ds_pages_free(pages);
    free(b.data);
    pixSetResolution(p, 2, 2);
    b = encode(p, IFF_TIFF_ZIP);
    pages = decode_expect(b, DS_OK);
    if (pages)
        T_EQ_INT(pages->page[0].dpi, 0);
    ds_pages_free(pages);
    free(b.data);
    pixDestroy(&p);
}

static void decode_prints_nothing(void)
{
    /* Redirect stderr to a file, decode broken inputs, expect it empty. */
    char path[] = "/tmp/ds_decode_err_XXXXXX";
    int fd = mkstemp(path);
    T_CHECK(fd >= 0);
    fflush(stderr);
    int saved = dup(2);
    dup2(fd, 2);
    buf png = make_file(50, 50, 8, IFF_PNG), jpg = make_file(50, 50, 8, IFF_JFIF_JPEG),
        tif = make_file(50, 50, 8, IFF_TIFF);
    ds_limits lim = limits();
    ds_pages *pages = NULL;
    ds_decode_mem(png.data, png.len / 2, &lim, &pages);
    ds_decode_mem(jpg.data, jpg.len / 2, &lim, &pages);
    ds_decode_mem(tif.data, tif.len / 2, &lim, &pages);
    tiff_set_size(tif, 60000, 60000);
    ds_decode_mem(tif.data, tif.len, &lim, &pages);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    struct stat st;
    fstat(fd, &st);
    close(fd);
    if (st.st_size != 0) {
        char text[512] = {0};
        FILE *f = fopen(path, "r");
        if (f) {
            size_t n = fread(text, 1, sizeof text - 1, f);
            text[n] = 0;
            fclose(f);
        }
        T_FAIL_("decode printed %lld bytes: %s", (long long)st.st_size, text);
    }
    remove(path);
    T_CHECK(pages == NULL);
    free(png.data);
    free(jpg.data);
    free(tif.data);
}

/*
 * Gray of a CMYK colour: R, G and B are the paper each ink leaves times the
 * paper black leaves, and gray is 0.299 R + 0.587 G + 0.114 B. Full cyan
 * alone is (0, 255, 255), gray 179; black at half strength is gray 127.
 */
static void check_four_channel(four_kind kind, int tolerance)
{
    /* Adobe files store each channel inverted: 255 is no ink. */
    static const uint8_t cyan_adobe[4] = {0, 255, 255, 255}, half_black_adobe[4] = {255, 255, 255, 128},
                         cyan_ink[4] = {255, 0, 0, 0}, half_black_ink[4] = {0, 0, 0, 127};
    int plain = kind == FOUR_CMYK_PLAIN;
    buf b = make_four_channel_jpeg(64, 48, plain ? cyan_ink : cyan_adobe,
                                   plain ? half_black_ink : half_black_adobe, kind);
    ds_pages *pages = decode_expect(b, DS_OK);
    check_page(pages, 0, 64, 48);
    if (pages && pages->count == 1 && pages->page[0].gray) {
        int left = gray_at(pages, 0, 12, 24), right = gray_at(pages, 0, 52, 24);
        if (abs(left - 179) > tolerance || abs(right - 128) > tolerance)
            T_FAIL_("kind %d: gray %d and %d, want 179 and 128 within %d", (int)kind, left, right,
                    tolerance);
        T_EQ_INT(pages->page[0].reduction, 1);
    }
    ds_pages_free(pages);
    free(b.data);
}

static void cmyk_adobe_jpeg_to_gray(void) { check_four_channel(FOUR_CMYK_ADOBE, 3); }

static void ycck_adobe_jpeg_to_gray(void) { check_four_channel(FOUR_YCCK_ADOBE, 4); }

static void cmyk_plain_jpeg_to_gray(void) { check_four_channel(FOUR_CMYK_PLAIN, 3); }

static void truncated_cmyk_jpeg_is_corrupt(void)
{
    static const uint8_t white[4] = {255, 255, 255, 255}, black[4] = {255, 255, 255, 0};
    for (int kind = FOUR_CMYK_ADOBE; kind <= FOUR_YCCK_ADOBE; kind++) {
        buf b = make_four_channel_jpeg(120, 90, white, black, (four_kind)kind);
        decode_expect((buf){b.data, b.len * 2 / 3}, DS_ERR_CORRUPT);
        decode_expect((buf){b.data, b.len - 2}, DS_ERR_CORRUPT); /* no EOI */
        /* Cut inside the entropy-coded data but ended by an EOI, so that
         * libjpeg itself meets the missing rows. */
        size_t cut = b.len * 2 / 3;
        b.data[cut] = 0xff;
        b.data[cut + 1] = 0xd9;
        decode_expect((buf){b.data, cut + 2}, DS_ERR_CORRUPT);
        free(b.data);
    }
}

/* A JPEG that declares dots per centimetre reports them as dots per inch. */
static void jpeg_dpcm_is_read_as_dpi(void)
{
    PIX *p = make_pix(32, 32, 8);
    buf b = make_gray_jpeg(p, 2, 118);
    pixDestroy(&p);
    ds_pages *pages = decode_expect(b, DS_OK);
    if (pages)
        T_EQ_INT(pages->page[0].dpi, 300);
    ds_pages_free(pages);
    free(b.data);
}

/* Gray JPEG pixels come back exactly as libjpeg decodes them, row by row. */
static void jpeg_gray_pixels_are_exact(void)
{
    PIX *p = pixCreate(37, 23, 8); /* odd width: the last word of each row is partial */
    for (int y = 0; y < 23; y++)
        for (int x = 0; x < 37; x++)
            pixSetPixel(p, x, y, (l_uint32)((x * 7 + y * 3) & 0xff));
    buf b = make_gray_jpeg(p, 1, 300);
    pixDestroy(&p);
    PIX *ref = pixReadMemJpeg(b.data, b.len, 0, 1, NULL, 0);
    ds_pages *pages = decode_expect(b, DS_OK);
    check_page(pages, 0, 37, 23);
    if (pages && ref) {
        l_int32 same = 0;
        pixEqual(ref, pages->page[0].gray, &same);
        T_CHECK(same);
        /* the padding past the last pixel of a row is zero */
        l_uint32 *data = pixGetData(pages->page[0].gray);
        int wpl = pixGetWpl(pages->page[0].gray);
        for (int y = 0; y < 23; y++)
            T_EQ_INT(data[(size_t)y * wpl + wpl - 1] & 0xffffff, 0);
    }
    pixDestroy(&ref);
    ds_pages_free(pages);
    free(b.data);
}

/*
 * Off by default; when asked, libjpeg's DCT scaling reduces a large JPEG by
 * the largest power of two (at most 8) that keeps the shorter side at or
 * above jpeg_min_side, and the page says by how much. PNG is never reduced.
 */
static void jpeg_dct_scaling_is_opt_in(void)
{
    PIX *p = make_pix(800, 600, 8);
    buf b = make_gray_jpeg(p, 1, 400);
    ds_limits lim = limits();
    ds_pages *pages = NULL;
    T_EQ_INT(ds_decode_mem(b.data, b.len, &lim, &pages), DS_OK);
    check_page(pages, 0, 800, 600);
    if (pages)
        T_EQ_INT(pages->page[0].reduction, 1);
    ds_pages_free(pages);
    pages = NULL;
    lim.jpeg_min_side = 100; /* 600 / 4 = 150 >= 100 > 600 / 8 */
    T_EQ_INT(ds_decode_mem(b.data, b.len, &lim, &pages), DS_OK);
    check_page(pages, 0, 200, 150);
    if (pages) {
        T_EQ_INT(pages->page[0].reduction, 4);
        T_EQ_INT(pages->page[0].dpi, 400); /* the file's own declaration */
        /* the dark square of make_pix spans x 200..400, y 150..300 */
        T_CHECK(gray_at(pages, 0, 75, 56) < 60);
        T_CHECK(gray_at(pages, 0, 150, 112) > 200);
    }
    ds_pages_free(pages);
    pages = NULL;
    lim.jpeg_min_side = 1000; /* above the shorter side: full size */
    T_EQ_INT(ds_decode_mem(b.data, b.len, &lim, &pages), DS_OK);
    check_page(pages, 0, 800, 600);
    ds_pages_free(pages);
    pages = NULL;
    free(b.data);
    pixDestroy(&p);
    buf png = encode(p = make_pix(800, 600, 8), IFF_PNG);
    pixDestroy(&p);
    lim.jpeg_min_side = 100;
    T_EQ_INT(ds_decode_mem(png.data, png.len, &lim, &pages), DS_OK);
    check_page(pages, 0, 800, 600);
    if (pages)
        T_EQ_INT(pages->page[0].reduction, 1);
    ds_pages_free(pages);
    free(png.data);
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"sniff_uses_magic_bytes", sniff_uses_magic_bytes},
        {"limits_default_values", limits_default_values},
        {"usage_errors_and_free_null", usage_errors_and_free_null},
        {"empty_file", empty_file},
        {"missing_file", missing_file},
        {"directory_is_io_error", directory_is_io_error},
        {"text_named_jpg_is_unknown", text_named_jpg_is_unknown},
        {"pdf_is_unknown", pdf_is_unknown},
        {"png_named_jpg_decodes", png_named_jpg_decodes},
        {"jpeg_decodes", jpeg_decodes},
        {"jpeg_trailing_bytes_decodes", jpeg_trailing_bytes_decodes},
        {"truncated_jpeg_is_corrupt", truncated_jpeg_is_corrupt},
        {"truncated_png_is_corrupt", truncated_png_is_corrupt},
        {"truncated_tiff_is_corrupt", truncated_tiff_is_corrupt},
        {"corrupt_middle_bytes", corrupt_middle_bytes},
        {"png_bomb_is_refused_from_header", png_bomb_is_refused_from_header},
        {"jpeg_bomb_is_refused", jpeg_bomb_is_refused},
        {"jpeg_scan_flood_is_refused", jpeg_scan_flood_is_refused},
        {"tiff_bomb_is_refused", tiff_bomb_is_refused},
        {"multipage_tiff_decodes_all_pages", multipage_tiff_decodes_all_pages},
        {"tiff_page_limit", tiff_page_limit},
        {"multipage_total_pixels_are_capped", multipage_total_pixels_are_capped},
        {"total_pixel_cap_is_configurable", total_pixel_cap_is_configurable},
        {"tiff_ifd_cycle_terminates", tiff_ifd_cycle_terminates},
        {"file_over_byte_limit", file_over_byte_limit},
        {"pixel_limit_is_configurable", pixel_limit_is_configurable},
        {"png_1bpp_to_gray", png_1bpp_to_gray},
        {"png_rgba_to_gray_over_white", png_rgba_to_gray_over_white},
        {"png_palette_to_gray", png_palette_to_gray},
        {"png_16bit_to_gray", png_16bit_to_gray},
        {"rgb_tiff_to_gray", rgb_tiff_to_gray},
        {"dpi_is_read_back", dpi_is_read_back},
        {"decode_prints_nothing", decode_prints_nothing},
        {"cmyk_adobe_jpeg_to_gray", cmyk_adobe_jpeg_to_gray},
        {"ycck_adobe_jpeg_to_gray", ycck_adobe_jpeg_to_gray},
        {"cmyk_plain_jpeg_to_gray", cmyk_plain_jpeg_to_gray},
        {"truncated_cmyk_jpeg_is_corrupt", truncated_cmyk_jpeg_is_corrupt},
        {"jpeg_dpcm_is_read_as_dpi", jpeg_dpcm_is_read_as_dpi},
        {"jpeg_gray_pixels_are_exact", jpeg_gray_pixels_are_exact},
        {"jpeg_dct_scaling_is_opt_in", jpeg_dct_scaling_is_opt_in},
    };
    return T_RUN(cases);
}
