/*
 * tint.c: a colour page's light coloured ink lifted (tint.h).
 */
#include "decode/tint.h"

#include <stdbool.h>

/* Is the solid area box (its lifted pixels m, a 1 bpp mask of the page)
 * a band of colour printed behind white letters: more of the pixels
 * between its lifted ones brighter than its own gray than darker? Print
 * under a highlighter is darker; a stamp's ink is no solid area. */
static bool reverse_band(PIX *gray, PIX *m, const BOX *b)
{
    l_int32 set = 0;
    if (pixCountPixelsInRect(m, (BOX *)b, &set, NULL) != 0 ||
        set < DS_TINT_BAND_FILL * (double)b->w * b->h)
        return false;
    PIX *cm = pixClipRectangle(m, (BOX *)b, NULL);
    float own = 0;
    bool ok = cm && pixGetRankValueMasked(gray, cm, b->x, b->y, 1, 0.5f, &own, NULL) == 0;
    pixDestroy(&cm);
    if (!ok)
        return false;
    long brighter = 0, darker = 0;
    l_uint32 *gd = pixGetData(gray), *md = pixGetData(m);
    int gwpl = pixGetWpl(gray), mwpl = pixGetWpl(m);
    for (int y = b->y; y < b->y + b->h; y++)
        for (int x = b->x; x < b->x + b->w; x++) {
            if (GET_DATA_BIT(md + (size_t)y * mwpl, x))
                continue;
            int v = GET_DATA_BYTE(gd + (size_t)y * gwpl, x);
            brighter += v > own + DS_TINT_BAND_STEP;
            darker += v < own - DS_TINT_BAND_STEP;
        }
    return brighter > darker;
}

void ds_tint_keep(PIX **ink, uint64_t lifted)
{
    if (!ink || !*ink)
        return;
    uint64_t n = (uint64_t)pixGetWidth(*ink) * pixGetHeight(*ink);
    if (lifted < DS_TINT_MIN_PIXELS || lifted * 1000000 < n * DS_TINT_MIN_SHARE)
        pixDestroy(ink);
}

PIX *ds_tint_bands_kept(PIX *gray, PIX *ink)
{
    if (!gray || !ink || pixGetDepth(gray) != 8 || pixGetDepth(ink) != 8 ||
        pixGetWidth(gray) != pixGetWidth(ink) || pixGetHeight(gray) != pixGetHeight(ink))
        return NULL;
    PIX *out = pixCopy(NULL, ink);
    if (!out)
        return NULL;
    /* The lifted pixels, their letters' holes closed, as areas; a solid
     * one with white letters in it (a coloured title band) keeps its
     * gray. */
    PIX *diff = pixSubtractGray(NULL, ink, gray);
    PIX *m = diff ? pixGenerateMaskByBand(diff, DS_TINT_LIFTED, 255, 1, 0) : NULL;
    PIX *closed = m ? pixCloseSafeBrick(NULL, m, 5, 5) : NULL;
    /* Thin strokes (a stamp's letters and frame, a pen's line) are opened
     * away, so that a stamp over a band is no part of the band. */
    PIX *solid = closed ? pixOpenBrick(NULL, closed, DS_TINT_BAND_MIN_H, DS_TINT_BAND_MIN_H) : NULL;
    BOXA *boxa = solid ? pixConnCompBB(solid, 8) : NULL;
    int nb = boxa ? boxaGetCount(boxa) : 0, pw = (int)pixGetWidth(gray);
    l_uint32 *gd = pixGetData(gray), *od = pixGetData(out), *md = m ? pixGetData(m) : NULL;
    int gwpl = pixGetWpl(gray), owpl = pixGetWpl(out), mwpl = m ? pixGetWpl(m) : 0;
    for (int i = 0; i < nb; i++) {
        BOX *b = boxaGetBox(boxa, i, L_CLONE);
        if (b && b->w * DS_TINT_BAND_MIN_W >= pw && b->h >= DS_TINT_BAND_MIN_H &&
            reverse_band(gray, m, b))
            for (int y = b->y; y < b->y + b->h; y++)
                for (int x = b->x; x < b->x + b->w; x++)
                    if (GET_DATA_BIT(md + (size_t)y * mwpl, x))
                        SET_DATA_BYTE(od + (size_t)y * owpl, x,
                                      GET_DATA_BYTE(gd + (size_t)y * gwpl, x));
        boxDestroy(&b);
    }
    boxaDestroy(&boxa);
    pixDestroy(&solid);
    pixDestroy(&closed);
    pixDestroy(&m);
    pixDestroy(&diff);
    return out;
}

PIX *ds_tint_from_rgb(PIX *rgb, PIX *gray)
{
    if (!rgb || !gray || pixGetDepth(rgb) != 32 || pixGetDepth(gray) != 8 ||
        pixGetWidth(rgb) != pixGetWidth(gray) || pixGetHeight(rgb) != pixGetHeight(gray))
        return NULL;
    PIX *ink = pixCopy(NULL, gray);
    if (!ink)
        return NULL;
    int w = (int)pixGetWidth(rgb), h = (int)pixGetHeight(rgb);
    int cwpl = pixGetWpl(rgb), iwpl = pixGetWpl(ink);
    l_uint32 *cd = pixGetData(rgb), *id = pixGetData(ink);
    uint64_t lifted = 0;
    for (int y = 0; y < h; y++) {
        l_uint32 *crow = cd + (size_t)y * cwpl, *irow = id + (size_t)y * iwpl;
        for (int x = 0; x < w; x++) {
            l_int32 r, g, b;
            extractRGBValues(crow[x], &r, &g, &b);
            int v0 = GET_DATA_BYTE(irow, x), v = ds_tint_lift(v0, r, g, b);
            if (v != v0) {
                SET_DATA_BYTE(irow, x, v);
                lifted += v - v0 >= DS_TINT_LIFTED;
            }
        }
    }
    ds_tint_keep(&ink, lifted);
    return ink;
}
