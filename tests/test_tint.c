/*
 * Tests for a colour page's light coloured ink lifted (decode/tint.h,
 * ds_page_ink): pages drawn here in colour (black print, a red stamp's
 * strokes across it, a yellow highlighter over it, an orange title band
 * behind white letters), written as JPEG, PNG and TIFF and decoded; the
 * colour decoded again only when asked.
 */
#include "decode/tint.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "decode/decode.h"
#include "t.h"

#define W 400
#define H 300

static void fill(PIX *p, int x, int y, int w, int h, int r, int g, int b)
{
    BOX *bx = boxCreate(x, y, w, h);
    l_uint32 v = 0;
    composeRGBPixel(r, g, b, &v);
    pixSetInRectArbitrary(p, bx, v);
    boxDestroy(&bx);
}

/* A page: white paper, three bars of black print (y 40, 120, 200, each
 * 14 px tall), a red stamp's frame across the first (light red strokes,
 * 4 px), a yellow highlighter over the second, and, when band, an orange
 * band (y 240..290) with a white bar in it (a title's letters). */
static PIX *draw_page(bool band)
{
    PIX *p = pixCreate(W, H, 32);
    if (!p)
        return NULL;
    pixSetAllArbitrary(p, 0xf8f8f800);
    fill(p, 40, 120, 320, 30, 250, 240, 90); /* highlighter, under the print */
    for (int i = 0; i < 3; i++)
        fill(p, 50, 40 + 80 * i + (i == 1 ? 8 : 0), 300, 14, 20, 20, 20);
    /* The stamp's frame, drawn over the print (multiplied: red ink over
     * black stays black). */
    int fx[4][4] = {{100, 20, 120, 4}, {100, 76, 120, 4}, {100, 20, 4, 60}, {216, 20, 4, 60}};
    for (int k = 0; k < 4; k++)
        for (int y = fx[k][1]; y < fx[k][1] + fx[k][3]; y++)
            for (int x = fx[k][0]; x < fx[k][0] + fx[k][2]; x++) {
                l_int32 r, g, b;
                pixGetRGBPixel(p, x, y, &r, &g, &b);
                pixSetRGBPixel(p, x, y, r * 230 / 255, g * 70 / 255, b * 80 / 255);
            }
    if (band) {
        fill(p, 20, 240, 360, 50, 190, 90, 20);
        fill(p, 60, 258, 200, 14, 255, 255, 255);
    }
    return p;
}

static ds_pages *decode(PIX *p, bool jpeg)
{
    uint8_t *mem = NULL;
    size_t len = 0;
    int rc = jpeg ? pixWriteMemJpeg(&mem, &len, p, 95, 0) : pixWriteMemPng(&mem, &len, p, 0.0f);
    ds_pages *pg = NULL;
    ds_limits lim;
    ds_limits_default(&lim);
    if (rc == 0 && ds_decode_mem(mem, len, &lim, &pg) != DS_OK)
        pg = NULL;
    free(mem);
    return pg;
}

/* Does the page have a lifted gray (ds_page_ink)? */
static bool has_ink(const ds_page *page)
{
    PIX *ink = ds_page_ink(page);
    bool some = ink != NULL;
    pixDestroy(&ink);
    return some;
}

static int px(PIX *p, int x, int y)
{
    l_uint32 v = 0;
    pixGetPixel(p, x, y, &v);
    return (int)v;
}

/* One pixel: black print and gray paper stay, dark coloured print (a navy
 * heading, a red band) keeps its gray, light coloured ink is lifted. */
static void lift_pixel(void)
{
    T_EQ_INT(ds_tint_lift(20, 20, 20, 20), 20);
    T_EQ_INT(ds_tint_lift(200, 200, 200, 200), 200);
    T_EQ_INT(ds_tint_lift(30, 20, 30, 110), 30);   /* navy */
    T_EQ_INT(ds_tint_lift(60, 130, 30, 30), 60);   /* dark red */
    T_CHECK(ds_tint_lift(110, 230, 70, 80) >= 220); /* a stamp's red */
    T_CHECK(ds_tint_lift(225, 250, 240, 90) >= 245); /* highlighter */
    T_CHECK(ds_tint_lift(140, 100, 150, 230) >= 220); /* a blue stamp */
}

/* The stamp's strokes are lifted toward the paper, the print under them
 * and under the highlighter stays dark, the highlighter goes pale; the
 * gray itself is the file's luma as before (JPEG) and the PNG's luminance. */
static void stamp_and_highlighter(bool jpeg)
{
    PIX *p = draw_page(false);
    ds_pages *pg = p ? decode(p, jpeg) : NULL;
    T_CHECK(pg && pg->count == 1);
    if (!pg || pg->count != 1) {
        pixDestroy(&p);
        ds_pages_free(pg);
        return;
    }
    PIX *g = pg->page[0].gray, *ink = ds_page_ink(&pg->page[0]);
    T_CHECK(ink != NULL);
    if (ink) {
        T_EQ_INT((int)pixGetWidth(ink), W);
        T_EQ_INT((int)pixGetHeight(ink), H);
        /* stamp frame on paper (x 102, y 60), on print (x 102, y 46) */
        T_CHECK(px(g, 102, 60) < 150);
        T_CHECK(px(ink, 102, 60) >= 200);
        T_CHECK(px(ink, 102, 46) < 80);
        /* print under the highlighter, and the highlighter beside it */
        T_CHECK(px(ink, 200, 134) < 80);
        T_CHECK(px(ink, 200, 124) >= 230);
        /* paper and bare print as in gray */
        T_CHECK(abs(px(ink, 300, 100) - px(g, 300, 100)) <= 2);
        T_CHECK(abs(px(ink, 300, 206) - px(g, 300, 206)) <= 2);
    }
    if (jpeg) {
        /* the gray is the luma libjpeg gives when asked for gray */
        uint8_t *mem = NULL;
        size_t len = 0;
        PIX *l = NULL;
        if (pixWriteMemJpeg(&mem, &len, p, 95, 0) == 0)
            l = pixReadMemJpeg(mem, len, 0, 1, NULL, L_JPEG_READ_LUMINANCE);
        free(mem);
        l_int32 same = 0;
        T_CHECK(l && pixEqual(l, g, &same) == 0 && same);
        pixDestroy(&l);
    }
    pixDestroy(&ink);
    pixDestroy(&p);
    ds_pages_free(pg);
}

static void stamp_jpeg(void) { stamp_and_highlighter(true); }
static void stamp_png(void) { stamp_and_highlighter(false); }

/* An orange title band behind white letters keeps its gray (lifted, the
 * letters would vanish into it); the stamp on the same page is lifted. */
static void title_band_kept(void)
{
    PIX *p = draw_page(true);
    ds_pages *pg = p ? decode(p, true) : NULL;
    PIX *raw = pg && pg->count == 1 ? ds_page_ink(&pg->page[0]) : NULL;
    T_CHECK(raw != NULL);
    PIX *ink = raw ? ds_tint_bands_kept(pg->page[0].gray, raw) : NULL;
    T_CHECK(ink != NULL);
    if (ink) {
        /* the decoder's plane lifts the band; the reader's keeps it */
        T_CHECK(px(raw, 40, 250) >= 150);
        PIX *g = pg->page[0].gray;
        T_CHECK(abs(px(ink, 40, 250) - px(g, 40, 250)) <= 4);
        T_CHECK(px(ink, 40, 250) < 150);
        T_CHECK(px(ink, 150, 265) >= 230);
        T_CHECK(px(ink, 102, 60) >= 200);
    }
    pixDestroy(&ink);
    pixDestroy(&raw);
    pixDestroy(&p);
    ds_pages_free(pg);
}

/* A gray page, and a colour page in black print only, have no ink plane;
 * bad arguments are refused. */
static void no_ink(void)
{
    PIX *p = pixCreate(W, H, 32);
    pixSetAllArbitrary(p, 0xf0f0f000);
    fill(p, 50, 40, 300, 14, 10, 10, 10);
    ds_pages *pg = decode(p, true);
    T_CHECK(pg && !has_ink(&pg->page[0]));
    ds_pages_free(pg);
    pg = decode(p, false);
    T_CHECK(pg && !has_ink(&pg->page[0]));
    ds_pages_free(pg);
    PIX *g8 = pixConvertRGBToLuminance(p);
    pg = g8 ? decode(g8, true) : NULL;
    T_CHECK(pg && !has_ink(&pg->page[0]));
    ds_pages_free(pg);
    T_CHECK(ds_tint_from_rgb(NULL, g8) == NULL);
    T_CHECK(ds_tint_from_rgb(p, NULL) == NULL);
    T_CHECK(ds_tint_from_rgb(g8, g8) == NULL);
    PIX *small = pixCreate(10, 10, 8);
    T_CHECK(ds_tint_from_rgb(p, small) == NULL);
    ds_tint_keep(NULL, 0);
    T_CHECK(ds_tint_bands_kept(NULL, g8) == NULL);
    T_CHECK(ds_tint_bands_kept(g8, small) == NULL);
    pixDestroy(&small);
    pixDestroy(&g8);
    pixDestroy(&p);
}

/* The colour is decoded again only when asked (ds_page_ink), the same
 * lifted gray each time; a gray JPEG keeps no colour, and the colour pages
 * of a TIFF share one copy of the file. */
static void ink_on_demand(void)
{
    T_CHECK(ds_page_ink(NULL) == NULL);
    PIX *p = draw_page(false);
    ds_pages *pg = p ? decode(p, true) : NULL;
    T_CHECK(pg && pg->page[0].colour != NULL);
    PIX *a = pg ? ds_page_ink(&pg->page[0]) : NULL, *b = pg ? ds_page_ink(&pg->page[0]) : NULL;
    l_int32 same = 0;
    T_CHECK(a && b && pixEqual(a, b, &same) == 0 && same);
    pixDestroy(&a);
    pixDestroy(&b);
    ds_pages_free(pg);
    PIX *g8 = p ? pixConvertRGBToLuminance(p) : NULL;
    pg = g8 ? decode(g8, true) : NULL;
    T_CHECK(pg && pg->page[0].colour == NULL);
    ds_pages_free(pg);
    pixDestroy(&g8);

    char path[] = "/tmp/ds_test_tint_XXXXXX";
    int fd = mkstemp(path);
    uint8_t *mem = NULL;
    size_t len = 0;
    if (fd >= 0) {
        close(fd);
        if (p && pixWriteTiff(path, p, IFF_TIFF_ZIP, "w") == 0 &&
            pixWriteTiff(path, p, IFF_TIFF_ZIP, "a") == 0)
            mem = l_binaryRead(path, &len);
        unlink(path);
    }
    ds_limits lim;
    ds_limits_default(&lim);
    pg = NULL;
    T_CHECK(mem && ds_decode_mem(mem, len, &lim, &pg) == DS_OK);
    T_CHECK(pg && pg->count == 2 && pg->page[0].colour && pg->page[1].colour == pg->page[0].colour &&
            pg->page[0].colour->refs == 2 && pg->page[1].colour_page == 1);
    if (pg && pg->count == 2)
        T_CHECK(has_ink(&pg->page[0]) && has_ink(&pg->page[1]));
    ds_pages_free(pg);
    free(mem);
    pixDestroy(&p);
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"lift_pixel", lift_pixel},
        {"stamp_jpeg", stamp_jpeg},
        {"stamp_png", stamp_png},
        {"title_band_kept", title_band_kept},
        {"no_ink", no_ink},
        {"ink_on_demand", ink_on_demand},
    };
    return t_main(argc, argv, cases, (int)(sizeof cases / sizeof cases[0]));
}
