/*
 * viz_crop.c: the crops values are re-read from (viz_crop.h). Pixel
 * analysis only, no OCR. Every crop lies within the image and no scan
 * runs over more than 8192 by 2048 pixels; this file never allocates a
 * buffer sized by the image.
 */
#include "page/viz_crop.h"

#include <string.h>

/* Walks columns from `from` towards `to` (exclusive) over rows top..bot:
 * the last column with two ink pixels (darker than thr) before a gap of
 * `gap_max` columns without, or `start` when there is none. */
static int ink_edge(const l_uint32 *data, int wpl, int top, int bot, int thr, int start, int from,
                    int to, int gap_max)
{
    int edge = start, gap = 0, step = to > from ? 1 : -1;
    for (int x = from; x != to; x += step) {
        int ink = 0;
        for (int y = top; y <= bot && ink < 2; y++)
            ink += GET_DATA_BYTE(data + y * wpl, x) < thr;
        gap = ink >= 2 ? 0 : gap + 1;
        if (ink >= 2)
            edge = x;
        if (gap >= gap_max)
            break;
    }
    return edge;
}

/*
 * The crop a value is re-read from: its box widened to the ink of its own
 * line. Tesseract's box of a small word can be cut short (the last digit
 * lost) or take in the label above; a single-line read of a crop holding
 * two lines reads neither. A pixel is ink when darker than a third of the
 * way from the crop's darkest grey to its median (the core of the print,
 * not the lighter guilloche). From the box's darkest row the band grows
 * while rows hold an eighth of that row's ink; sideways, columns with two
 * ink pixels in the band are print, and the crop runs to the first gap of
 * a text height on the left (a value starts under its label: further left
 * is a photo's edge or another column) and of two on the right (words of
 * a value sit half a text height apart; a cut digit is lost there).
 * Returns false when the box holds no ink to go by.
 */
static bool ink_crop(PIX *img, const int sb[4], int out[4])
{
    if (pixGetDepth(img) != 8)
        return false;
    int iw = (int)pixGetWidth(img), ih = (int)pixGetHeight(img);
    int h = sb[3] > 4 ? sb[3] : 4;
    int x0 = sb[0] - 2 * h, x1 = sb[0] + sb[2] + 2 * h;
    int y0 = sb[1] - h, y1 = sb[1] + sb[3] + h;
    x0 = x0 < 0 ? 0 : x0;
    y0 = y0 < 0 ? 0 : y0;
    x1 = x1 > iw ? iw : x1;
    y1 = y1 > ih ? ih : y1;
    int w = x1 - x0, hh = y1 - y0;
    if (w < 8 || hh < 8 || w > 8192 || hh > 2048)
        return false;
    l_uint32 *data = pixGetData(img);
    int wpl = pixGetWpl(img);
    int hist[256] = {0};
    for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++)
            hist[GET_DATA_BYTE(data + y * wpl, x)]++;
    int total = w * hh, acc = 0, lo = -1, med = -1;
    for (int v = 0; v < 256; v++) {
        acc += hist[v];
        if (lo < 0 && acc * 50 >= total)
            lo = v;
        if (med < 0 && acc * 2 >= total)
            med = v;
    }
    if (med - lo < 40)
        return false; /* no print darker than the background */
    int thr = lo + (med - lo) / 3;
    int rows[2048] = {0};
    int bx0 = sb[0] > x0 ? sb[0] : x0, bx1 = sb[0] + sb[2] < x1 ? sb[0] + sb[2] : x1;
    for (int y = y0; y < y1; y++)
        for (int x = bx0; x < bx1; x++)
            rows[y - y0] += GET_DATA_BYTE(data + y * wpl, x) < thr;
    /* The darkest row of the box's middle half, then out to the rows
     * without ink (a few pixels of a stroke allowed). */
    int best = -1;
    for (int y = sb[1] + sb[3] / 4; y < sb[1] + (3 * sb[3]) / 4; y++)
        if (y >= y0 && y < y1 && (best < 0 || rows[y - y0] > rows[best - y0]))
            best = y;
    if (best < 0 || rows[best - y0] < 2)
        return false;
    int floor_ink = rows[best - y0] / 8 + 1;
    int top = best, bot = best;
    while (top > y0 && rows[top - 1 - y0] > floor_ink)
        top--;
    while (bot < y1 - 1 && rows[bot + 1 - y0] > floor_ink)
        bot++;
    int th = bot - top + 1;
    if (th < 4)
        return false;
    /* Sideways: from the box's edges to the first gap wide enough. */
    int sx0 = sb[0] - 16 * th > 0 ? sb[0] - 16 * th : 0;
    int sx1 = sb[0] + sb[2] + 16 * th < iw ? sb[0] + sb[2] + 16 * th : iw;
    int left = ink_edge(data, wpl, top, bot, thr, bx0, bx0 - 1, sx0 - 1, th);
    int right = ink_edge(data, wpl, top, bot, thr, bx1 - 1, bx1, sx1, 2 * th);
    int m = th / 3 > 2 ? th / 3 : 2;
    out[0] = left - th > 0 ? left - th : 0;
    out[1] = top - m > 0 ? top - m : 0;
    out[2] = (right + th < iw ? right + th : iw - 1) - out[0] + 1;
    out[3] = (bot + m < ih ? bot + m : ih - 1) - out[1] + 1;
    return true;
}

ds_viz_crop ds_viz_crop_prepare(PIX *img, const int sb[4])
{
    ds_viz_crop c;
    memset(&c, 0, sizeof c);
    if (pixGetDepth(img) != 8)
        return c;
    int iw = (int)pixGetWidth(img), ih = (int)pixGetHeight(img);
    int h = sb[3] > 4 ? sb[3] : 4;
    int x0 = sb[0] - h, y0 = sb[1] - h / 4, x1 = sb[0] + sb[2] + h, y1 = sb[1] + sb[3] + h / 4;
    x0 = x0 < 0 ? 0 : x0;
    y0 = y0 < 0 ? 0 : y0;
    x1 = x1 > iw ? iw : x1;
    y1 = y1 > ih ? ih : y1;
    /* Otsu's threshold of the box with a text height around it, as on the
     * crop before it was narrowed to its ink: on a crop that is mostly
     * print it falls too dark and cuts the thin, grey strokes of an
     * upscaled 150 dpi glyph (the diagonal of a 2, leaving a 7). */
    BOX *cb = x1 - x0 >= 8 && y1 - y0 >= 8 ? boxCreate(x0, y0, x1 - x0, y1 - y0) : NULL;
    PIX *ctx = cb ? pixClipRectangle(img, cb, NULL) : NULL, *th = NULL;
    boxDestroy(&cb);
    if (ctx && pixOtsuAdaptiveThreshold(ctx, (int)pixGetWidth(ctx), (int)pixGetHeight(ctx), 0, 0,
                                        0.1f, &th, NULL) == 0 && th) {
        l_uint32 v = 0;
        pixGetPixel(th, 0, 0, &v);
        c.thr = (int)v + 1; /* Leptonica's pixels at or below the threshold are ink */
    }
    pixDestroy(&th);
    pixDestroy(&ctx);
    int ink[4];
    c.inked = ink_crop(img, sb, ink);
    if (c.inked) { /* within the image already */
        x0 = ink[0];
        y0 = ink[1];
        x1 = ink[0] + ink[2];
        y1 = ink[1] + ink[3];
    }
    c.ok = x1 - x0 >= 8 && y1 - y0 >= 8;
    c.box[0] = x0;
    c.box[1] = y0;
    c.box[2] = x1 - x0;
    c.box[3] = y1 - y0;
    return c;
}
