/*
 * viz_bars.c: light captions on dark bars, turned dark on light
 * (viz_bars.h). Every scan stays within the image and the bar's box; the
 * only buffer sized by the image is Leptonica's binary mask of it.
 */
#include "page/viz_bars.h"
#include "page/viz_tess.h"

#include <stdbool.h>

#define BAR_MAX_ROWS 512 /* rows of one bar's box (5 mm at 2.5 x 300 dpi fits) */

/* The grey level under which `share` (0..1) of hist's count lies. */
static int hist_level(const int hist[256], int total, float share)
{
    int acc = 0;
    for (int v = 0; v < 256; v++) {
        acc += hist[v];
        if ((float)acc >= share * (float)total)
            return v;
    }
    return 255;
}

/* Whether the box (x, y, w, h) of the mask is a dark bar holding light
 * print; its row spans go to xa/xb, its tone to *lo and its print's to
 * *hi. */
static bool bar_spans(PIX *img, PIX *mask, int x, int y, int w, int h, int thr, int paper,
                      int *xa, int *xb, int *lo, int *hi)
{
    const l_uint32 *d = pixGetData(img), *m = pixGetData(mask);
    int wpl = pixGetWpl(img), mwpl = pixGetWpl(mask);
    int dark_hist[256] = {0}, light_hist[256] = {0};
    long span = 0, dark = 0, light = 0;
    for (int r = 0; r < h; r++) {
        const l_uint32 *mr = m + (y + r) * mwpl;
        xa[r] = -1;
        xb[r] = -2;
        for (int c = 0; c < w; c++)
            if (GET_DATA_BIT(mr, x + c)) {
                if (xa[r] < 0)
                    xa[r] = x + c;
                xb[r] = x + c;
            }
        for (int c = xa[r]; c >= 0 && c <= xb[r]; c++) {
            int v = GET_DATA_BYTE(d + (y + r) * wpl, c);
            span++;
            if (v < thr) {
                dark++;
                dark_hist[v]++;
            } else {
                light++;
                light_hist[v]++;
            }
        }
    }
    if (span == 0 || dark * 100 < 55L * w * h || span * 100 < 85L * w * h)
        return false;
    if (light * 50 < span || light * 2 > span)
        return false; /* no letters, or no bar */
    *lo = hist_level(dark_hist, (int)dark, 0.5f);
    *hi = hist_level(light_hist, (int)light, 0.9f);
    /* Letters printed light come at least halfway from the threshold to
     * the paper; the gaps of a bold word blurred into one blot do not. */
    if (*hi - *lo < 40 || 2 * *hi < thr + paper)
        return false;
    /* Print darker than the bar's tone: a dark band holding dark values. */
    int darker = 0;
    for (int v = 0; v < *lo - 30 && v < 256; v++)
        darker += dark_hist[v];
    return (long)darker * 33 < span;
}

int ds_viz_bars_invert(PIX *img, float dpi, int boxes[][4], int cap)
{
    if (!img || pixGetDepth(img) != 8 || dpi <= 0)
        return 0;
    int iw = (int)pixGetWidth(img), ih = (int)pixGetHeight(img);
    NUMA *na = pixGetGrayHistogram(img, 1);
    float median = 0;
    if (!na)
        return 0;
    numaGetHistogramStats(na, 0.0f, 1.0f, NULL, &median, NULL, NULL);
    numaDestroy(&na);
    int thr = (int)(0.62f * median), paper = (int)median;
    if (thr < 40)
        return 0; /* a dark page: no paper to tell a bar from */
    PIX *mask = pixThresholdToBinary(img, thr);
    BOXA *ba = mask ? pixConnCompBB(mask, 8) : NULL;
    int mm = (int)(dpi / 25.4f + 0.5f), turned = 0;
    int n = ba ? boxaGetCount(ba) : 0;
    for (int i = 0; i < n && turned < cap; i++) {
        l_int32 x, y, w, h;
        if (boxaGetBoxGeometry(ba, i, &x, &y, &w, &h) != 0)
            continue;
        if (2 * h < 3 * mm || h > 5 * mm || w < 3 * h || h > BAR_MAX_ROWS || x + w > iw || y + h > ih)
            continue;
        int xa[BAR_MAX_ROWS], xb[BAR_MAX_ROWS], lo, hi;
        if (!bar_spans(img, mask, x, y, w, h, thr, paper, xa, xb, &lo, &hi))
            continue;
        l_uint32 *d = pixGetData(img);
        int wpl = pixGetWpl(img);
        for (int r = 0; r < h; r++)
            for (int c = xa[r]; c >= 0 && c <= xb[r]; c++) {
                l_uint32 *row = d + (y + r) * wpl;
                int v = paper * (hi - (int)GET_DATA_BYTE(row, c)) / (hi - lo);
                SET_DATA_BYTE(row, c, v < 0 ? 0 : v > 255 ? 255 : v);
            }
        boxes[turned][0] = x;
        boxes[turned][1] = y;
        boxes[turned][2] = w;
        boxes[turned][3] = h;
        turned++;
    }
    boxaDestroy(&ba);
    pixDestroy(&mask);
    return turned;
}

/* The bar (of boxes[nb]) word w was read in, or -1. */
static int bar_of(const ds_viz_word *w, const int boxes[][4], int nb)
{
    int cx = (w->x0 + w->x1) / 2, cy = (w->y0 + w->y1) / 2;
    for (int b = 0; b < nb; b++)
        if (cx >= boxes[b][0] && cx < boxes[b][0] + boxes[b][2] && cy >= boxes[b][1] &&
            cy < boxes[b][1] + boxes[b][3])
            return b;
    return -1;
}

int ds_viz_bars_read(TessBaseAPI *api, PIX *inv, const int boxes[][4], int nb, ds_viz_page *pg)
{
    if (!api || !inv || !pg || nb <= 0)
        return 0;
    /* The blots the sparse reading made of the bars. */
    int kept = 0, lines = 0;
    for (int i = 0; i < pg->nw; i++) {
        const ds_viz_word *w = &pg->w[i];
        if (bar_of(w, boxes, nb) < 0)
            pg->w[kept++] = *w;
        lines = w->line >= lines ? w->line + 1 : lines;
    }
    pg->nw = kept;
    int reads = 0;
    for (int b = 0; b < nb; b++) {
        /* The bar's inside only: its edge, neither bar nor paper, reads
         * as brackets ("(a", "{ESS"). */
        int in = boxes[b][3] / 10 + 1;
        BOX *bx = boxCreate(boxes[b][0] + in, boxes[b][1] + in, boxes[b][2] - 2 * in,
                            boxes[b][3] - 2 * in);
        l_int32 ox = 0, oy = 0;
        PIX *cp = bx ? pixClipRectangle(inv, bx, NULL) : NULL;
        if (bx)
            boxGetGeometry(bx, &ox, &oy, NULL, NULL);
        boxDestroy(&bx);
        float scale = 60.0f / (float)boxes[b][3];
        scale = scale < 1.0f ? 1.0f : scale > 3.0f ? 3.0f : scale;
        l_uint32 paper = 255;
        if (cp)
            pixGetRankValue(cp, 1, 0.8f, &paper);
        PIX *u = cp ? pixScaleGrayLI(cp, scale, scale) : NULL;
        pixDestroy(&cp);
        /* Enlarged small print runs together without its edges given
         * back (viz_label.c's small captions). */
        PIX *sh = u ? pixUnsharpMaskingGray(u, 2, 1.5f) : NULL;
        pixDestroy(&u);
        PIX *pad = sh ? pixAddBorder(sh, 12, paper) : NULL;
        pixDestroy(&sh);
        if (!pad)
            continue;
        int first = pg->nw;
        TessBaseAPISetPageSegMode(api, PSM_SINGLE_BLOCK);
        TessBaseAPISetImage2(api, pad);
        if (TessBaseAPIRecognize(api, NULL) == 0)
            ds_viz_tess_words(api, pg);
        TessBaseAPIClear(api);
        pixDestroy(&pad);
        reads++;
        int top = lines;
        for (int i = first; i < pg->nw; i++) {
            ds_viz_word *w = &pg->w[i];
            w->x0 = ox + (int)((float)(w->x0 - 12) / scale);
            w->x1 = ox + (int)((float)(w->x1 - 12) / scale + 0.5f);
            w->y0 = oy + (int)((float)(w->y0 - 12) / scale);
            w->y1 = oy + (int)((float)(w->y1 - 12) / scale + 0.5f);
            w->line += lines;
            w->bar = true;
            top = w->line >= top ? w->line + 1 : top;
        }
        lines = top;
    }
    return reads;
}

void ds_viz_bars_captions(ds_viz_page *pg, const int boxes[][4], int nb)
{
    for (int i = 0; i < pg->ns; i++) {
        ds_viz_seg *s = &pg->s[i];
        int bar = s->n > 0 ? bar_of(&pg->w[s->first], boxes, nb) : -1;
        for (int k = 0; bar >= 0 && k < s->n; k++)
            if (!pg->w[s->first + k].bar || bar_of(&pg->w[s->first + k], boxes, nb) != bar)
                bar = -1;
        if (bar < 0)
            continue;
        if (s->field < 0)
            s->field = DS_VIZ_FIELD_OTHER;
        /* The caption stands as tall as its bar: the value beside it is
         * centred on the bar, not on one of the caption's two lines. */
        for (int k = 0; k < s->n; k++) {
            pg->w[s->first + k].y0 = boxes[bar][1];
            pg->w[s->first + k].y1 = boxes[bar][1] + boxes[bar][3];
        }
        s->y0 = boxes[bar][1];
        s->y1 = boxes[bar][1] + boxes[bar][3];
        s->h = boxes[bar][3];
    }
}
